/* json_out.c — writing a JSON value straight into a response buffer. Every API answer is a
 * jansson value; json_dumps() spends most of an answer's time on its cycle check (a hash table
 * keyed by each container's address, printed with snprintf) and then hands back a copy that is
 * copied again. This walks the value once and appends to the buffer through a chunk on the
 * stack (one buf_add per 4 KiB, not one per token), byte for byte what
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

/* The writer: bytes gather in chunk and go to the buffer when it is full; the first error (the
 * buffer's cap) sticks and stops the rest. */
typedef struct jw {
    rd_buf *b;
    rd_err *err;
    size_t n;         /* bytes in chunk */
    char chunk[4096]; /* not yet in b */
} jw;

static void flush(jw *w)
{
    if (!w->err && w->n) w->err = buf_add(w->b, w->chunk, w->n);
    w->n = 0;
}

static void put(jw *w, const char *s, size_t n)
{
    if (n > sizeof w->chunk - w->n) {
        flush(w);
        if (n > sizeof w->chunk) {
            if (!w->err) w->err = buf_add(w->b, s, n);
            return;
        }
    }
    memcpy(w->chunk + w->n, s, n);
    w->n += n;
}

static void put_u16(jw *w, unsigned v)
{
    static const char hex[] = "0123456789ABCDEF";
    char esc[6] = {'\\',       'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15],
                   hex[v & 15]};
    put(w, esc, sizeof esc);
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

static void put_string(jw *w, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    put(w, "\"", 1);
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && plain[s[run]])
            run++;
        if (run > i) put(w, str + i, run - i);
        i = run;
        if (i == n) break;
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
            put(w, two, 2);
            i++;
            continue;
        }
        if (s[i] < 0x20) {
            put_u16(w, s[i]);
            i++;
            continue;
        }
        unsigned cp;
        size_t len = utf8_next(s + i, n - i, &cp);
        if (!len) {
            if (!w->err) w->err = rd_error(RD_IO, "json: a text value is not UTF-8");
            return;
        }
        if (cp < 0x10000) {
            put_u16(w, cp);
        } else { /* a surrogate pair */
            cp -= 0x10000;
            put_u16(w, 0xD800 | (cp >> 10));
            put_u16(w, 0xDC00 | (cp & 0x3FF));
        }
        i += len;
    }
    put(w, "\"", 1);
}

static void put_int(jw *w, json_int_t v)
{
    char num[24];
    size_t k = sizeof num;
    /* the magnitude as unsigned, so that the smallest integer has one too */
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        num[--k] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0) num[--k] = '-';
    put(w, num + k, sizeof num - k);
}

/* A real as jansson writes it: %.17g, a ".0" when that looks like an integer, and the exponent
 * without its plus sign or leading zeros. */
static void put_real(jw *w, double v)
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
    put(w, out, k);
}

static void put_value(jw *w, const json_t *v, int depth)
{
    if (w->err) return;
    if (depth > JSON_OUT_DEPTH) {
        w->err = rd_error(RD_IO, "json: the value is nested too deeply");
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        put(w, "{", 1);
        const char *key;
        json_t *x;
        bool first = true;
        json_object_foreach((json_t *)v, key, x)
        {
            if (!first) put(w, ",", 1);
            put_string(w, key, strlen(key));
            put(w, ":", 1);
            put_value(w, x, depth + 1);
            first = false;
        }
        put(w, "}", 1);
        return;
    }
    case JSON_ARRAY: {
        put(w, "[", 1);
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            if (i) put(w, ",", 1);
            put_value(w, json_array_get(v, i), depth + 1);
        }
        put(w, "]", 1);
        return;
    }
    case JSON_STRING:
        put_string(w, json_string_value(v), json_string_length(v));
        return;
    case JSON_INTEGER:
        put_int(w, json_integer_value(v));
        return;
    case JSON_REAL:
        put_real(w, json_real_value(v));
        return;
    case JSON_TRUE:
        put(w, "true", 4);
        return;
    case JSON_FALSE:
        put(w, "false", 5);
        return;
    case JSON_NULL:
        put(w, "null", 4);
        return;
    }
    w->err = rd_error(RD_IO, "json: a value of unknown type");
}

rd_err *http_json_write(rd_buf *b, const json_t *v)
{
    assert(v);
    jw w;
    w.b = b;
    w.err = NULL;
    w.n = 0;
    put_value(&w, v, 0);
    flush(&w);
    return w.err;
}
