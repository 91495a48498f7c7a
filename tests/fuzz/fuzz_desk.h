/* fuzz_desk.h — for fuzz targets that drive desk operations: one in-memory desk per process,
 * opened on first use at a fixed "now", and each input's writes run in a batch that is rolled
 * back, so every input meets the same desk. Header-only: each target is one program. */
#ifndef REDRESS_FUZZ_DESK_H
#define REDRESS_FUZZ_DESK_H

#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"
#include "store/store.h"

/* The desk every input of this process uses; aborts when it cannot be opened. */
static inline rd_desk *fuzz_desk(void)
{
    static rd_desk d;
    if (d.st) return &d;
    setenv("REDRESS_NOW", "2026-11-30T12:00:00Z", 1);
    setenv("TZ", "UTC", 1);
    d.actor = "fuzz";
    rd_err *e = store_open(":memory:", &d.st);
    if (e) abort();
    return &d;
}

/* Splits data into at most max NUL-terminated fields at each newline; returns how many.
 * fields[] point into *copy, which the caller frees. Missing fields are "". */
static inline int fuzz_fields(const uint8_t *data, size_t size, char **copy, const char **fields,
                              int max)
{
    *copy = xstrndup((const char *)data, size);
    int n = 0;
    char *p = *copy;
    while (n < max) {
        fields[n++] = p;
        char *nl = strchr(p, '\n');
        if (!nl) break;
        *nl = '\0';
        p = nl + 1;
    }
    for (int i = n; i < max; i++)
        fields[i] = "";
    return n;
}

/* Aborts unless s is UTF-8 with no character a terminal would obey (see text_hidden). */
static inline void fuzz_clean_text(const char *s)
{
    if (!s || !utf8_valid(s, strlen(s))) abort();
    uint32_t cp;
    for (size_t i = 0, n = strlen(s), len; i < n; i += len) {
        len = utf8_decode(s + i, n - i, &cp);
        if (!len || text_hidden(cp)) abort();
    }
}

#endif
