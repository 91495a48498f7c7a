/* json_out.c — writing a JSON value straight into a response buffer. Every API answer is a
 * jansson value; json_dumps() spends most of an answer's time on its cycle check (a hash table
 * keyed by each container's address, printed with snprintf) and then hands back a copy that is
 * copied again. This walks the value once and appends to the buffer, byte for byte what
 * json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII) gives (test_html compares the two). */
#include "http/http_int.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Deeper than any desk value; a guard against a value that contains itself. */
#define JSON_OUT_DEPTH 256

/* 1 for the bytes that can go out as they are: printable ASCII but the quote and backslash. */
static const unsigned char plain[256] = {
    ['\x20'] = 1, ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1,    ['\''] = 1, ['('] = 1,
    [')'] = 1,    ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1,    ['/'] = 1,  ['0'] = 1,
    ['1'] = 1,    ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,    ['7'] = 1,  ['8'] = 1,
    ['9'] = 1,    [':'] = 1, [';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1,    ['?'] = 1,  ['@'] = 1,
    ['A'] = 1,    ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,    ['G'] = 1,  ['H'] = 1,
    ['I'] = 1,    ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,    ['O'] = 1,  ['P'] = 1,
    ['Q'] = 1,    ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,    ['W'] = 1,  ['X'] = 1,
    ['Y'] = 1,    ['Z'] = 1, ['['] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1,    ['`'] = 1,  ['a'] = 1,
    ['b'] = 1,    ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,    ['h'] = 1,  ['i'] = 1,
    ['j'] = 1,    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1,    ['p'] = 1,  ['q'] = 1,
    ['r'] = 1,    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1,    ['x'] = 1,  ['y'] = 1,
    ['z'] = 1,    ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1, ['\x7f'] = 1,
};

static rd_err *put_u16(rd_buf *b, unsigned v)
{
    static const char hex[] = "0123456789ABCDEF";
    char esc[6] = {'\\',       'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15],
                   hex[v & 15]};
    return buf_add(b, esc, sizeof esc);
}

/* The code point of the UTF-8 sequence at s (n bytes left) in *cp; its length, or 0 when the
 * bytes are not UTF-8 (jansson's own strings always are; a value built without its check may
 * not be, and then nothing sensible can be written). */
static size_t utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    size_t len = s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : s[0] < 0xF5 ? 4 : 0;
    if (!len || len > n || !utf8_valid((const char *)s, len)) return 0;
    unsigned v = s[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++)
        v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return len;
}

static rd_err *put_string(rd_buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    rd_err *e = buf_add(b, "\"", 1);
    size_t i = 0;
    while (!e && i < n) {
        size_t run = i;
        while (run < n && plain[s[run]])
            run++;
        if (run > i) e = buf_add(b, str + i, run - i);
        i = run;
        if (e || i == n) break;
        const char *two = NULL;
        switch (s[i]) {
        case '"':
            two = "\\\"";
            break;
        case '\\':
            two = "\\\\";
            break;
        case '\b':
            two = "\\b";
            break;
        case '\f':
            two = "\\f";
            break;
        case '\n':
            two = "\\n";
            break;
        case '\r':
            two = "\\r";
            break;
        case '\t':
            two = "\\t";
            break;
        default:
            break;
        }
        if (two) {
            e = buf_add(b, two, 2);
            i++;
            continue;
        }
        if (s[i] < 0x20) {
            e = put_u16(b, s[i]);
            i++;
            continue;
        }
        unsigned cp;
        size_t len = utf8_next(s + i, n - i, &cp);
        if (!len) return rd_error(RD_IO, "json: a text value is not UTF-8");
        if (cp < 0x10000) {
            e = put_u16(b, cp);
        } else { /* a surrogate pair */
            cp -= 0x10000;
            e = put_u16(b, 0xD800 | (cp >> 10));
            if (!e) e = put_u16(b, 0xDC00 | (cp & 0x3FF));
        }
        i += len;
    }
    return e ? e : buf_add(b, "\"", 1);
}

/* A real as jansson writes it: %.17g, a ".0" when that looks like an integer, and the exponent
 * without its plus sign or leading zeros. */
static rd_err *put_real(rd_buf *b, double v)
{
    char tmp[40], out[40];
    int n = snprintf(tmp, sizeof tmp, "%.17g", v);
    assert(n > 0 && (size_t)n < sizeof tmp);
    if (!strpbrk(tmp, ".eE")) {
        memcpy(tmp + n, ".0", 3);
        n += 2;
    }
    size_t k = 0;
    for (const char *p = tmp; *p; p++) {
        out[k++] = *p;
        if (*p != 'e' && *p != 'E') continue;
        if (p[1] == '+')
            p++;
        else if (p[1] == '-')
            out[k++] = *++p;
        while (p[1] == '0' && p[2])
            p++;
    }
    return buf_add(b, out, k);
}

static rd_err *put_value(rd_buf *b, const json_t *v, int depth)
{
    if (depth > JSON_OUT_DEPTH) return rd_error(RD_IO, "json: the value is nested too deeply");
    char num[24];
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        rd_err *e = buf_add(b, "{", 1);
        const char *key;
        json_t *x;
        bool first = true;
        json_object_foreach((json_t *)v, key, x)
        {
            if (!e && !first) e = buf_add(b, ",", 1);
            if (!e) e = put_string(b, key, strlen(key));
            if (!e) e = buf_add(b, ":", 1);
            if (!e) e = put_value(b, x, depth + 1);
            if (e) return e;
            first = false;
        }
        return e ? e : buf_add(b, "}", 1);
    }
    case JSON_ARRAY: {
        rd_err *e = buf_add(b, "[", 1);
        size_t n = json_array_size(v);
        for (size_t i = 0; !e && i < n; i++) {
            if (i) e = buf_add(b, ",", 1);
            if (!e) e = put_value(b, json_array_get(v, i), depth + 1);
        }
        return e ? e : buf_add(b, "]", 1);
    }
    case JSON_STRING:
        return put_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER: {
        int n = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf_add(b, num, (size_t)n);
    }
    case JSON_REAL:
        return put_real(b, json_real_value(v));
    case JSON_TRUE:
        return buf_add(b, "true", 4);
    case JSON_FALSE:
        return buf_add(b, "false", 5);
    case JSON_NULL:
        return buf_add(b, "null", 4);
    }
    return rd_error(RD_IO, "json: a value of unknown type");
}

rd_err *http_json_write(rd_buf *b, const json_t *v)
{
    assert(v);
    return put_value(b, v, 0);
}
