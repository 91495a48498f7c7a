/* text.c — checks on text that arrives from users: UTF-8 well-formedness, size limits, control
 * characters, and reading a bounded amount from a file or standard input. */
#include "util.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t min, v;
    if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, v = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, v = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, v = c & 0x07;
    } else {
        return 0;
    }
    if (n < len) return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

bool utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    uint32_t cp;
    while (i < n) {
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (!len) return false;
        i += len;
    }
    return true;
}

bool text_hidden(uint32_t cp)
{
    if (cp == '\n' || cp == '\t') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

rd_err *text_check(const char *field, const char *s, size_t max, bool multiline)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    if (n > max) return rd_error(RD_TOO_LARGE, "%s: longer than the %zu byte limit", field, max);
    if (!utf8_valid(s, n)) return rd_error(RD_INVALID, "%s: is not valid UTF-8", field);
    uint32_t cp;
    for (size_t i = 0, len; i < n; i += len) {
        len = utf8_decode(s + i, n - i, &cp);
        assert(len > 0 && "checked as UTF-8 above");
        if (cp == '\n' && !multiline)
            return rd_error(RD_INVALID,
                            "%s: contains a control character (a line break) at "
                            "byte %zu; this field is one line",
                            field, i);
        if (cp == '\r')
            return rd_error(RD_INVALID,
                            "%s: contains a control character (carriage return, "
                            "U+000D) at byte %zu",
                            field, i);
        if (!text_hidden(cp)) continue;
        if (cp >= 0x202A)
            return rd_error(RD_INVALID,
                            "%s: contains a bidirectional override (U+%04X) at byte "
                            "%zu",
                            field, (unsigned)cp, i);
        return rd_error(RD_INVALID, "%s: contains a control character (U+%04X) at byte %zu", field,
                        (unsigned)cp, i);
    }
    return NULL;
}

/* Turns each CR LF into LF in place (text pasted from mail or written on Windows), so that the
 * carriage returns text_check refuses never come from an ordinary file. Returns the new length. */
static size_t crlf_to_lf(char *s, size_t n)
{
    size_t w = 0;
    for (size_t r = 0; r < n; r++)
        if (!(s[r] == '\r' && r + 1 < n && s[r + 1] == '\n')) s[w++] = s[r];
    s[w] = '\0';
    return w;
}

rd_err *text_read(const char *field, const char *path, size_t max, char **out, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) return rd_error(RD_IO, "%s: cannot open %s: %s", field, path, strerror(errno));
    rd_buf b;
    buf_init(&b, max);
    char chunk[65536];
    rd_err *e = NULL;
    size_t got;
    while (!e && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        e = buf_add(&b, chunk, got);
    if (!e && ferror(f)) e = rd_error(RD_IO, "%s: cannot read %s", field, path);
    if (!is_stdin) fclose(f);
    if (e) {
        buf_reset(&b);
        if (e->code == RD_TOO_LARGE) {
            rd_err_free(e);
            return rd_error(RD_TOO_LARGE, "%s: larger than the %zu byte limit", field, max);
        }
        return e;
    }
    if (memchr(buf_str(&b), '\0', b.len)) {
        buf_reset(&b);
        return rd_error(RD_INVALID, "%s: contains a NUL byte", field);
    }
    if (!utf8_valid(buf_str(&b), b.len)) {
        buf_reset(&b);
        return rd_error(RD_INVALID, "%s: is not valid UTF-8", field);
    }
    if (b.data) b.len = crlf_to_lf(b.data, b.len);
    if (len) *len = b.len;
    *out = buf_detach(&b);
    return NULL;
}

bool text_blank(const char *s)
{
    if (!s) return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
    return true;
}

rd_err *parse_int(const char *field, const char *text, int64_t min, int64_t max, int64_t *out)
{
    assert(min <= max);
    const char *s = text ? text : "";
    bool neg = *s == '-';
    if (neg) s++;
    if (!*s) return rd_error(RD_INVALID, "%s: '%s' is not a number", field, text ? text : "");
    /* the magnitude, up to INT64_MAX, or one more for INT64_MIN */
    uint64_t limit = (uint64_t)INT64_MAX + (neg ? 1 : 0), v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return rd_error(RD_INVALID, "%s: '%s' is not a whole number", field, text);
        unsigned d = (unsigned)(*s - '0');
        if (v > (limit - d) / 10) return rd_error(RD_INVALID, "%s: '%s' is too large", field, text);
        v = v * 10 + d;
    }
    int64_t n = !neg ? (int64_t)v : v > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)v;
    if (n < min || n > max)
        return rd_error(RD_INVALID, "%s: %lld is out of range (%lld to %lld)", field, (long long)n,
                        (long long)min, (long long)max);
    *out = n;
    return NULL;
}
