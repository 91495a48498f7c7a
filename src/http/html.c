/* html.c — the escape-by-default HTML builders (see html.h). Everything a user or a client typed
 * passes through html_textn before it reaches a page. */
#include "http/html.h"

#include <assert.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    size_t len = s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : s[0] < 0xF5 ? 4 : 0;
    if (!len || len > n) return 0;
    return utf8_valid((const char *)s, len) ? len : 0;
}

rd_err *html_textn(rd_buf *b, const char *s, size_t n)
{
    if (!s) return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* run: bytes before i that need no escaping, not yet written */
    rd_err *e = NULL;
    while (i < n && !e) {
        const char *rep = NULL;
        size_t adv = 1;
        switch (p[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        case '\0':
            rep = "\xEF\xBF\xBD";
            break;
        default:
            if (p[i] >= 0x80) {
                adv = utf8_seq(p + i, n - i);
                if (!adv) {
                    rep = "\xEF\xBF\xBD";
                    adv = 1;
                }
            }
        }
        if (!rep) {
            run += adv;
            i += adv;
            continue;
        }
        if (run) e = buf_add(b, s + i - run, run);
        if (!e) e = buf_adds(b, rep);
        run = 0;
        i += adv;
    }
    if (!e && run) e = buf_add(b, s + i - run, run);
    return e;
}

rd_err *html_text(rd_buf *b, const char *s)
{
    return s ? html_textn(b, s, strlen(s)) : NULL;
}

rd_err *html_attr(rd_buf *b, const char *s)
{
    return html_text(b, s);
}

/* ---------------------------------------------------------------- the page writer */

void hw_begin(hw *w, rd_buf *out)
{
    assert(out);
    w->out = out;
    w->err = NULL;
}

rd_err *hw_end(hw *w)
{
    rd_err *e = w->err;
    w->err = NULL;
    return e;
}

static void put(hw *w, const char *s, size_t n)
{
    if (!w->err) w->err = buf_add(w->out, s, n);
}

void hw_raw_literal(hw *w, const char *lit, size_t n)
{
    put(w, lit, n);
}

void hw_textn(hw *w, const char *s, size_t n)
{
    if (!w->err) w->err = html_textn(w->out, s, n);
}

void hw_text(hw *w, const char *s)
{
    if (s) hw_textn(w, s, strlen(s));
}

/* Formats, then escapes. Most formatted values are short ids and names: they are formatted once
 * on the stack, and only a longer one takes a heap buffer. */
static void vtextf(hw *w, const char *fmt, va_list ap)
{
    if (w->err) return;
    char small[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n >= 0 && (size_t)n < sizeof small) {
        w->err = html_textn(w->out, small, (size_t)n);
        return;
    }
    rd_buf tmp;
    buf_init(&tmp, w->out->max);
    w->err = buf_vaddf(&tmp, fmt, ap);
    if (!w->err) w->err = html_textn(w->out, buf_str(&tmp), tmp.len);
    buf_reset(&tmp);
}

void hw_textf(hw *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vtextf(w, fmt, ap);
    va_end(ap);
}

void hw_int(hw *w, int64_t v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%" PRId64, v);
    put(w, num, (size_t)n);
}

static void attr_open(hw *w, const char *name)
{
    assert(name && *name && !strpbrk(name, " \"'<>=/"));
    put(w, " ", 1);
    put(w, name, strlen(name));
    put(w, "=\"", 2);
}

void hw_attr_lit(hw *w, const char *name, const char *value)
{
    if (!value) return;
    attr_open(w, name);
    hw_text(w, value);
    put(w, "\"", 1);
}

void hw_attrf_lit(hw *w, const char *name, const char *fmt, ...)
{
    attr_open(w, name);
    va_list ap;
    va_start(ap, fmt);
    vtextf(w, fmt, ap);
    va_end(ap);
    put(w, "\"", 1);
}

void hw_flag_lit(hw *w, const char *name, int on)
{
    if (!on) return;
    put(w, " ", 1);
    put(w, name, strlen(name));
}
