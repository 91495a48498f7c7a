/* fuzz_text.c — what guards the terminal and the store: text_visible never lets a character a
 * terminal obeys through and keeps valid UTF-8 (its JSON form too); text_check accepts only text
 * free of them; utf8_decode and utf8_valid agree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void clean(const char *s, size_t n)
{
    if (!utf8_valid(s, n)) abort();
    uint32_t cp;
    for (size_t i = 0, len; i < n; i += len) {
        len = utf8_decode(s + i, n - i, &cp);
        if (!len || text_hidden(cp)) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    for (int json = 0; json < 2; json++) {
        rd_buf b;
        buf_init(&b, 0);
        if (text_visible(&b, s, size, json)) abort();
        clean(b.data ? b.data : "", b.len);
        buf_reset(&b);
    }
    bool valid = true;
    uint32_t cp;
    for (size_t i = 0, len; i < size; i += len ? len : 1)
        if (!(len = utf8_decode(s + i, size - i, &cp))) valid = false;
    if (valid != utf8_valid(s, size)) abort();
    char *z = xstrndup(s, size);
    rd_err *e = text_check("body", z, 1 << 20, true);
    if (!e) {
        for (size_t i = 0, n = strlen(z), len; i < n; i += len) {
            len = utf8_decode(z + i, n - i, &cp);
            if (cp == '\r' || text_hidden(cp)) abort();
        }
    }
    rd_err_free(e);
    free(z);
    return 0;
}
