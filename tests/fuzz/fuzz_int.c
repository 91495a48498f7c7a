/* fuzz_int.c — parse_int against a reference: a plain decimal within the bounds parses to the
 * value strtoll gives; anything else is refused naming the field. Bytes 0-1 pick the bounds
 * from a set that includes both ends of int64_t. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int64_t bounds[] = {INT64_MIN, -1000, -1, 0, 1, 20, 1000000, INT64_MAX};
#define NB (sizeof bounds / sizeof bounds[0])

/* True when s is "-"? digits with nothing else. */
static bool plain_decimal(const char *s)
{
    if (*s == '-') s++;
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    int64_t lo = bounds[data[0] % NB], hi = bounds[data[1] % NB];
    if (lo > hi) {
        int64_t t = lo;
        lo = hi;
        hi = t;
    }
    char *text = xstrndup((const char *)data + 2, size - 2);
    int64_t v = 0;
    rd_err *e = parse_int("n", text, lo, hi, &v);
    bool decimal = plain_decimal(text); /* parse_int sees text up to any NUL, as here */
    errno = 0;
    long long ref = decimal ? strtoll(text, NULL, 10) : 0;
    bool fits = decimal && errno == 0 && ref >= lo && ref <= hi;
    if (e) {
        if (fits || strncmp(e->msg, "n: ", 3) != 0) abort();
        rd_err_free(e);
    } else if (!fits || v != ref) {
        abort();
    }
    free(text);
    return 0;
}
