/* canon.h — the canonical encoding of values that the hash chains and the desk's seal hash.
 * Every value is written as its storage class and its exact bytes, so two different values
 * (NULL and "", 1 and 1.0 and "1", "a\0b" and "a") never encode alike and a sequence of values
 * decodes back to exactly one sequence:
 *
 *   'N'                          NULL
 *   'I' + 8 bytes big-endian     INTEGER (two's complement)
 *   'R' + 8 bytes big-endian     REAL (the IEEE-754 bit pattern, so -0.0 differs from 0.0)
 *   'T' + 8-byte length + bytes  TEXT (any bytes, NUL included)
 *   'B' + 8-byte length + bytes  BLOB
 *
 * Encoding appends to a growable buffer the caller owns; nothing here allocates per value once
 * the buffer has grown to the size of a row. */
#ifndef REDRESS_CANON_H
#define REDRESS_CANON_H

#include <stddef.h>
#include <stdint.h>

typedef struct rd_canon {
    unsigned char *p; /* owned; NULL until the first value */
    size_t len;       /* bytes encoded */
    size_t cap;       /* bytes allocated */
} rd_canon;

/* The storage classes, as their tag bytes. */
enum { CANON_NULL = 'N', CANON_INT = 'I', CANON_REAL = 'R', CANON_TEXT = 'T', CANON_BLOB = 'B' };

void canon_clear(rd_canon *c); /* len = 0, keeps the storage */
void canon_free(rd_canon *c);  /* frees the storage */
void canon_null(rd_canon *c);
void canon_int(rd_canon *c, int64_t v);
void canon_real(rd_canon *c, double v);
void canon_text(rd_canon *c, const void *p, size_t n);
void canon_blob(rd_canon *c, const void *p, size_t n);
/* A C string, or NULL for a NULL value. */
void canon_str(rd_canon *c, const char *s);
/* An id where 0 means none (NULL), as the store binds optional foreign keys. */
void canon_id(rd_canon *c, int64_t v);

/* One decoded value; p points into the decoded bytes (borrowed). */
typedef struct rd_canon_item {
    int tag;       /* CANON_* */
    int64_t i;     /* CANON_INT */
    double r;      /* CANON_REAL */
    const void *p; /* CANON_TEXT, CANON_BLOB */
    size_t n;      /* their length */
} rd_canon_item;

/* Decodes the value at *pos of p[0..n) into *out and moves *pos past it. Returns 0, or -1 when
 * the bytes there are not one whole value (unknown tag, or cut short); *pos is then unchanged. */
int canon_decode(const unsigned char *p, size_t n, size_t *pos, rd_canon_item *out);
/* Appends the value it describes, so that decoding then encoding gives the same bytes. */
void canon_item(rd_canon *c, const rd_canon_item *it);

#endif
