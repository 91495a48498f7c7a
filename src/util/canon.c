/* canon.c — the canonical encoding of values (see canon.h): storage class, length, bytes. */
#include "util/canon.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void canon_clear(rd_canon *c)
{
    c->len = 0;
}

void canon_free(rd_canon *c)
{
    free(c->p);
    c->p = NULL;
    c->len = c->cap = 0;
}

static unsigned char *room(rd_canon *c, size_t n)
{
    if (c->cap - c->len < n) {
        size_t cap = c->cap ? c->cap : 256;
        while (cap - c->len < n)
            cap *= 2;
        c->p = xrealloc(c->p, cap);
        c->cap = cap;
    }
    unsigned char *at = c->p + c->len;
    c->len += n;
    return at;
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8)
        p[i] = (unsigned char)(v & 0xff);
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

void canon_null(rd_canon *c)
{
    *room(c, 1) = CANON_NULL;
}

void canon_int(rd_canon *c, int64_t v)
{
    unsigned char *p = room(c, 9);
    p[0] = CANON_INT;
    put_u64(p + 1, (uint64_t)v);
}

void canon_real(rd_canon *c, double v)
{
    uint64_t bits;
    static_assert(sizeof bits == sizeof v, "a double is 8 bytes");
    memcpy(&bits, &v, sizeof bits);
    unsigned char *p = room(c, 9);
    p[0] = CANON_REAL;
    put_u64(p + 1, bits);
}

static void bytes(rd_canon *c, int tag, const void *s, size_t n)
{
    unsigned char *p = room(c, 9 + n);
    p[0] = (unsigned char)tag;
    put_u64(p + 1, (uint64_t)n);
    if (n) memcpy(p + 9, s, n);
}

void canon_text(rd_canon *c, const void *p, size_t n)
{
    bytes(c, CANON_TEXT, p, n);
}

void canon_blob(rd_canon *c, const void *p, size_t n)
{
    bytes(c, CANON_BLOB, p, n);
}

void canon_str(rd_canon *c, const char *s)
{
    if (s)
        canon_text(c, s, strlen(s));
    else
        canon_null(c);
}

void canon_id(rd_canon *c, int64_t v)
{
    if (v)
        canon_int(c, v);
    else
        canon_null(c);
}

int canon_decode(const unsigned char *p, size_t n, size_t *pos, rd_canon_item *out)
{
    size_t at = *pos;
    if (at >= n) return -1;
    memset(out, 0, sizeof *out);
    out->tag = p[at];
    size_t left = n - at - 1;
    switch (out->tag) {
    case CANON_NULL:
        *pos = at + 1;
        return 0;
    case CANON_INT:
    case CANON_REAL: {
        if (left < 8) return -1;
        uint64_t v = get_u64(p + at + 1);
        if (out->tag == CANON_INT)
            out->i = (int64_t)v;
        else
            memcpy(&out->r, &v, sizeof v);
        *pos = at + 9;
        return 0;
    }
    case CANON_TEXT:
    case CANON_BLOB: {
        if (left < 8) return -1;
        uint64_t len = get_u64(p + at + 1);
        if (len > left - 8) return -1;
        out->p = p + at + 9;
        out->n = (size_t)len;
        *pos = at + 9 + (size_t)len;
        return 0;
    }
    default:
        return -1;
    }
}

void canon_item(rd_canon *c, const rd_canon_item *it)
{
    switch (it->tag) {
    case CANON_INT:
        canon_int(c, it->i);
        break;
    case CANON_REAL:
        canon_real(c, it->r);
        break;
    case CANON_TEXT:
    case CANON_BLOB:
        bytes(c, it->tag, it->p, it->n);
        break;
    default:
        assert(it->tag == CANON_NULL);
        canon_null(c);
    }
}
