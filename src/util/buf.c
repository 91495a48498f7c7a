/* buf.c — the capped growable buffer. Every append checks the cap first, so a hostile input can
 * never make a buffer grow past what its owner allowed. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(rd_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : RD_BUF_DEFAULT_MAX;
}

static void grow(rd_buf *b, size_t need)
{
    if (need + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need + 1)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

rd_err *buf_add(rd_buf *b, const void *p, size_t n)
{
    if (n > b->max - b->len)
        return rd_error(RD_TOO_LARGE, "text is larger than the %zu byte limit", b->max);
    grow(b, b->len + n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return NULL;
}

rd_err *buf_adds(rd_buf *b, const char *s)
{
    return buf_add(b, s, strlen(s));
}

rd_err *buf_vaddf(rd_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) return rd_error(RD_INVALID, "bad format");
    if ((size_t)n > b->max - b->len)
        return rd_error(RD_TOO_LARGE, "text is larger than the %zu byte limit", b->max);
    grow(b, b->len + (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return NULL;
}

rd_err *buf_addf(rd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rd_err *e = buf_vaddf(b, fmt, ap);
    va_end(ap);
    return e;
}

const char *buf_str(const rd_buf *b)
{
    return b->data ? b->data : "";
}

char *buf_detach(rd_buf *b)
{
    char *p = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void buf_reset(rd_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
