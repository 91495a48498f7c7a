/* html.h — escape-by-default HTML building for the web desk. Dynamic text reaches a page only
 * through html_text/html_attr (or the writer's forms below, which call them); markup goes
 * through html_raw/HW_RAW, which take string literals only: a variable passed to them does not
 * compile ("" lit "" only concatenates literals).
 *
 * Two levels: html_text/html_attr/html_raw append to an rd_buf and return the error; the
 * writer (hw_*) keeps the first error and ignores later calls, so a page is written top to
 * bottom and hw_end() reports once. */
#ifndef REDRESS_HTML_H
#define REDRESS_HTML_H

#include <stdint.h>

#include "util/util.h"

/* Text content: & < > " ' escaped; invalid UTF-8 bytes and NUL become U+FFFD, so a stray byte
 * can never join the markup that follows. NULL adds nothing. */
rd_err *html_text(rd_buf *b, const char *s);
rd_err *html_textn(rd_buf *b, const char *s, size_t n);
/* The same escaping, for a value inside a double-quoted attribute. */
rd_err *html_attr(rd_buf *b, const char *s);
/* Raw markup: string literals only. */
#define html_raw(b, lit) buf_add((b), "" lit "", sizeof(lit) - 1)

/* ---------------------------------------------------------------- the page writer */
typedef struct hw {
    rd_buf *out; /* borrowed: where the page goes */
    rd_err *err; /* the first error; hw_end() hands it over */
} hw;

/* Starts writing into out (initialised and kept by the caller). */
void hw_begin(hw *w, rd_buf *out);
/* Returns the first error (the caller's) or NULL, and forgets it. */
rd_err *hw_end(hw *w);

#define HW_RAW(w, lit) hw_raw_literal((w), "" lit "", sizeof(lit) - 1)
void hw_raw_literal(hw *w, const char *lit, size_t n); /* use HW_RAW() */
void hw_text(hw *w, const char *s);
void hw_textn(hw *w, const char *s, size_t n);
void hw_textf(hw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hw_int(hw *w, int64_t v);
/* ` name="value"`, value escaped, name a literal; a NULL value writes nothing. */
#define hw_attr(w, name, value) hw_attr_lit((w), "" name "", (value))
#define hw_attrf(w, name, ...)  hw_attrf_lit((w), "" name "", __VA_ARGS__)
/* ` name` when on (checked, selected, disabled …). */
#define hw_flag(w, name, on) hw_flag_lit((w), "" name "", (on))
void hw_attr_lit(hw *w, const char *name, const char *value);
void hw_attrf_lit(hw *w, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void hw_flag_lit(hw *w, const char *name, int on);

#endif
