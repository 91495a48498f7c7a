/* text.c — checks on text that arrives from users: UTF-8 well-formedness, size limits, control
 * characters, and reading a bounded amount from a file or standard input. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned min, cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len) return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

rd_err *text_check(const char *field, const char *s, size_t max, bool multiline)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    if (n > max) return rd_error(RD_TOO_LARGE, "%s: longer than the %zu byte limit", field, max);
    if (!utf8_valid(s, n)) return rd_error(RD_INVALID, "%s: is not valid UTF-8", field);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t' || ((c == '\n' || c == '\r') && multiline)) continue;
        if (c < 0x20 || c == 0x7F)
            return rd_error(RD_INVALID, "%s: contains a control character at byte %zu", field, i);
    }
    return NULL;
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
    const char *s = text ? text : "";
    bool neg = *s == '-';
    if (neg) s++;
    if (!*s) return rd_error(RD_INVALID, "%s: '%s' is not a number", field, text ? text : "");
    int64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return rd_error(RD_INVALID, "%s: '%s' is not a whole number", field, text);
        if (v > (INT64_MAX - 9) / 10)
            return rd_error(RD_INVALID, "%s: '%s' is too large", field, text);
        v = v * 10 + (*s - '0');
    }
    if (neg) v = -v;
    if (v < min || v > max)
        return rd_error(RD_INVALID, "%s: %lld is out of range (%lld to %lld)", field, (long long)v,
                        (long long)min, (long long)max);
    *out = v;
    return NULL;
}
