/* fuzz_check.c — libFuzzer target for tone_check and tone_json: any bytes in, no crash, no
 * leak, diagnostics inside the input and in text order, lines and columns from 1. */
#include <stdint.h>
#include <stdlib.h>

#include "analyze/analyze.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tone_result r;
    rd_err *e = tone_check("fuzz", (const char *)data, size, &r);
    if (e) {
        rd_err_free(e);
        return 0;
    }
    if (r.ndiags > ANALYZE_MAX_FINDINGS) abort();
    for (size_t i = 0; i < r.ndiags; i++) {
        const tone_diag *d = &r.diags[i];
        if (d->start > d->end || d->end > size || d->line < 1 || d->column < 1) abort();
        if (i && r.diags[i - 1].start > d->start) abort();
    }
    json_t *j = tone_json(&r, (const char *)data);
    if (!j) abort();
    json_decref(j);
    return 0;
}
