/* test_html.c — the escape-by-default HTML builders: every character that could open markup or
 * leave an attribute is escaped, invalid UTF-8 cannot swallow the markup after it, and errors are
 * sticky. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http/assets.h"
#include "http/html.h"

/* Runs one builder sequence and returns what it wrote (caller frees). */
static char *escaped(const char *s, size_t n)
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err *e = html_textn(&b, s, n);
    assert_null(e);
    return buf_detach(&b);
}

static void test_text_escapes_markup(void **state)
{
    (void)state;
    const char *evil = "<script>alert('x')</script> & \"q\"";
    char *out = escaped(evil, strlen(evil));
    assert_string_equal(out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    free(out);
    out = escaped("plain words, café", strlen("plain words, café"));
    assert_string_equal(out, "plain words, café");
    free(out);
}

static void test_invalid_utf8_becomes_replacement(void **state)
{
    (void)state;
    /* a lone lead byte before a quote must not absorb the quote's escape */
    const char bad[] = {'a', (char)0xE2, '"', 'b', (char)0xFF, 0, 'c'};
    char *out = escaped(bad, sizeof bad);
    assert_string_equal(out, "a\xEF\xBF\xBD&quot;b\xEF\xBF\xBD\xEF\xBF\xBD"
                             "c");
    free(out);
    /* an overlong '<' (C0 BC) is not a '<' and not kept */
    const char overlong[] = {(char)0xC0, (char)0xBC, 'x'};
    out = escaped(overlong, sizeof overlong);
    assert_string_equal(out, "\xEF\xBF\xBD\xEF\xBF\xBDx");
    free(out);
}

static void test_attributes_and_markup(void **state)
{
    (void)state;
    rd_buf b;
    buf_init(&b, 0);
    hw w;
    hw_begin(&w, &b);
    HW_RAW(&w, "<a");
    hw_attrf(&w, "href", "/cases/%d", 7);
    hw_attr(&w, "title", "\" onmouseover=\"x");
    hw_attr(&w, "data-none", NULL);
    hw_flag(&w, "hidden", 1);
    hw_flag(&w, "disabled", 0);
    HW_RAW(&w, ">");
    hw_textf(&w, "%s & %d", "<b>", 3);
    hw_int(&w, -42);
    HW_RAW(&w, "</a>");
    assert_null(hw_end(&w));
    assert_null(html_raw(&b, "<br>"));
    assert_null(html_attr(&b, "'"));
    assert_string_equal(buf_str(&b), "<a href=\"/cases/7\" title=\"&quot; onmouseover=&quot;x\""
                                     " hidden>&lt;b&gt; &amp; 3-42</a><br>&#39;");
    buf_reset(&b);
}

static void test_errors_are_sticky(void **state)
{
    (void)state;
    rd_buf b;
    buf_init(&b, 8);
    hw w;
    hw_begin(&w, &b);
    HW_RAW(&w, "<p>");
    hw_text(&w, "far too long for eight bytes");
    HW_RAW(&w, "</p>");
    rd_err *e = hw_end(&w);
    assert_non_null(e);
    assert_int_equal(e->code, RD_TOO_LARGE);
    assert_string_equal(buf_str(&b), "<p>");
    rd_err_free(e);
    buf_reset(&b);
}

static void test_assets_found_by_whole_name_only(void **state)
{
    (void)state;
    const char *type = NULL;
    const rd_embedded *css = web_asset_find("redress.css", &type);
    assert_non_null(css);
    assert_string_equal(type, "text/css; charset=utf-8");
    assert_non_null(strstr(css->data, ":focus-visible"));
    assert_non_null(web_asset_find("redress.js", &type));
    assert_string_equal(type, "text/javascript; charset=utf-8");
    assert_null(web_asset_find("../redress.css", &type));
    assert_null(web_asset_find("redress", &type));
    assert_null(web_asset_find("", &type));
    assert_null(web_asset_find(NULL, &type));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_escapes_markup),
        cmocka_unit_test(test_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_attributes_and_markup),
        cmocka_unit_test(test_errors_are_sticky),
        cmocka_unit_test(test_assets_found_by_whole_name_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
