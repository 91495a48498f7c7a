/* fuzz_triage.c — libFuzzer target for triage_message and triage_json: any bytes in, no crash,
 * no leak, findings inside the input, hostility in 0..3. */
#include <stdint.h>
#include <stdlib.h>

#include "analyze/analyze.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    triage_result r;
    rd_err *e = triage_message("fuzz", (const char *)data, size, &r);
    if (e) {
        rd_err_free(e);
        return 0;
    }
    if (r.hostility < 0 || r.hostility > 3 || r.nfindings > ANALYZE_MAX_FINDINGS) abort();
    for (size_t i = 0; i < r.nfindings; i++)
        if (r.findings[i].start > r.findings[i].end || r.findings[i].end > size) abort();
    json_t *j = triage_json(&r, (const char *)data);
    if (!j) abort();
    json_decref(j);
    return 0;
}
