/* test_html.c — the escape-by-default HTML builders: every character that could open markup or
 * leave an attribute is escaped, invalid UTF-8 cannot swallow the markup after it, and errors are
 * sticky; the API's JSON writer, which must give the bytes jansson would; and the reader of a
 * browser's file upload (multipart/form-data). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http/assets.h"
#include "http/html.h"
#include "http/http_int.h"

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

/* Formatted text is escaped whether it fits the writer's stack buffer (256 bytes) or not. */
static void test_formatted_text_short_and_long(void **state)
{
    (void)state;
    char long_part[400];
    memset(long_part, 'a', sizeof long_part - 1);
    long_part[sizeof long_part - 1] = '\0';
    long_part[300] = '<'; /* past the stack buffer: escaped on the heap path too */
    for (size_t n = 250; n <= 262; n++) {
        char arg[300];
        memcpy(arg, long_part, n);
        arg[n] = '\0';
        rd_buf b;
        buf_init(&b, 0);
        hw w;
        hw_begin(&w, &b);
        hw_attrf(&w, "title", "%s\"", arg);
        assert_null(hw_end(&w));
        assert_int_equal(b.len, strlen(" title=\"\"") + n + strlen("&quot;"));
        assert_int_equal(memcmp(b.data + b.len - 7, "&quot;\"", 7), 0);
        buf_reset(&b);
    }
    rd_buf b;
    buf_init(&b, 0);
    hw w;
    hw_begin(&w, &b);
    hw_textf(&w, "%s|%d", long_part, 7);
    assert_null(hw_end(&w));
    assert_non_null(strstr(buf_str(&b), "aa&lt;aa"));
    assert_int_equal(b.len, strlen(long_part) + 3 + 2);
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

/* What http_json_write gives for v must be what json_dumps gives, byte for byte. */
static void assert_same_json(json_t *v)
{
    char *want = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_ENCODE_ANY);
    assert_non_null(want);
    rd_buf b;
    buf_init(&b, 0);
    assert_null(http_json_write(&b, v));
    assert_string_equal(buf_str(&b), want);
    free(want);
    buf_reset(&b);
}

static void test_json_writer_matches_jansson(void **state)
{
    (void)state;
    json_t *v =
        json_pack("{s:s, s:I, s:I, s:f, s:f, s:f, s:f, s:f, s:f, s:b, s:b, s:n, s:[], s:{}}",
                  "text", "plain \"quoted\" \\ back/slash\n\t\r\b\f\x01\x1f\x7f", "int",
                  (json_int_t)-9007199254740993LL, "zero", (json_int_t)0, "real", 0.1, "whole", 3.0,
                  "big", 1e20, "small", -1.5e-7, "neg0", -0.0, "huge", 1.7976931348623157e308,
                  "yes", 1, "no", 0, "none", "empty", "obj");
    assert_non_null(v);
    assert_same_json(v);
    json_object_set_new(v, "min", json_integer(INT64_MIN));
    json_object_set_new(v, "max", json_integer(INT64_MAX));
    /* non-ASCII in values and keys: two, three and four byte sequences (a surrogate pair) */
    json_object_set_new(
        v, "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
        json_string("\xc3\xa9t\xc3\xa9 \xe2\x82\xac\xef\xbf\xbf \xf0\x9f\x98\x80\xf4\x8f\xbf\xbf"));
    json_object_set_new(v, "nested", json_pack("[[{s:[i,i,{}]}],[],s]", "k", 1, 2, "</script>"));
    assert_same_json(v);
    json_decref(v);
    /* random text: every byte value from 1 to 127 and random code points, in random order */
    unsigned seed = 12345;
    json_t *all = json_array(); /* every round's text in one value: tens of KiB */
    for (int round = 0; round < 200; round++) {
        char text[256];
        size_t n = 0;
        while (n + 4 < sizeof text) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 8) % 0x11000;
            if (r < 0x80) {
                text[n++] = (char)(r ? r : 'x');
            } else if (r < 0x800) {
                text[n++] = (char)(0xC0 | (r >> 6));
                text[n++] = (char)(0x80 | (r & 0x3F));
            } else if (r < 0x10000) {
                if (r >= 0xD800 && r < 0xE000) continue; /* not characters */
                text[n++] = (char)(0xE0 | (r >> 12));
                text[n++] = (char)(0x80 | ((r >> 6) & 0x3F));
                text[n++] = (char)(0x80 | (r & 0x3F));
            } else {
                unsigned c = 0x10000 + (r - 0x10000) * 16;
                text[n++] = (char)(0xF0 | (c >> 18));
                text[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
                text[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                text[n++] = (char)(0x80 | (c & 0x3F));
            }
        }
        json_t *s = json_stringn(text, n);
        assert_non_null(s);
        json_array_append(all, s);
        json_t *arr = json_pack("[o, f]", s, (double)(int)seed / 1024.0);
        assert_same_json(arr);
        json_decref(arr);
    }
    char *big = malloc(10001); /* one text longer than the writer's 4 KiB chunk */
    memset(big, 'b', 10000);
    big[10000] = '\0';
    big[5000] = '"';
    json_array_append_new(all, json_string(big));
    free(big);
    assert_same_json(all);
    json_decref(all);
}

static void test_json_writer_limits(void **state)
{
    (void)state;
    rd_buf b;
    buf_init(&b, 8);
    json_t *v = json_pack("{s:s}", "key", "longer than eight bytes");
    rd_err *e = http_json_write(&b, v);
    assert_non_null(e);
    assert_int_equal(e->code, RD_TOO_LARGE);
    rd_err_free(e);
    json_decref(v);
    buf_reset(&b);
    /* text that is not UTF-8 (made without jansson's check) is refused, not written */
    buf_init(&b, 0);
    v = json_stringn_nocheck("a\xff", 2);
    e = http_json_write(&b, v);
    assert_non_null(e);
    assert_int_equal(e->code, RD_IO);
    rd_err_free(e);
    json_decref(v);
    buf_reset(&b);
}

/* ---------------------------------------------------------------- multipart/form-data */

/* Parses body with boundary B; the request's form is the caller's to json_decref. */
static rd_err *multipart(http_req *rq, const char *type, const char *body, size_t len)
{
    memset(rq, 0, sizeof *rq);
    rq->form = json_object();
    return http_parse_body(rq, type, body, len);
}

#define MP         "multipart/form-data; boundary=B"
#define PART(name) "--B\r\nContent-Disposition: form-data; name=\"" name "\"\r\n\r\n"

static void test_multipart_fields_and_one_file(void **state)
{
    (void)state;
    /* the file's bytes hold a NUL, CRLFs and a boundary that is not at a line start */
    static const char body[] =
        "ignored preamble\r\n" PART("csrf") "tok\r\n"
                                            "--B\r\nContent-Disposition: form-data; name=\"file\"; "
                                            "filename=\"C:\\fakepath\\a %22b%22.png\"\r\n"
                                            "Content-Type: image/png\r\n\r\n"
                                            "\x89PNG\r\n\0x--B\r\n"
                                            "\r\n--B--\r\n";
    http_req rq;
    rd_err *e = multipart(&rq, MP, body, sizeof body - 1);
    assert_null(e);
    assert_string_equal(http_arg(&rq, "csrf"), "tok");
    assert_string_equal(rq.upload.name, "C:\\fakepath\\a \"b\".png");
    assert_string_equal(rq.upload.type, "image/png");
    assert_int_equal(rq.upload.size, 13);
    assert_memory_equal(rq.upload.data, "\x89PNG\r\n\0x--B\r\n", 13);
    json_decref(rq.form);

    /* a quoted boundary, and a file input left empty: no file at all */
    static const char empty[] = "--a b\r\nContent-Disposition: form-data; filename=\"\"; "
                                "name=\"file\"\r\n\r\n\r\n--a b--";
    e = multipart(&rq, "multipart/form-data; boundary=\"a b\"", empty, sizeof empty - 1);
    assert_null(e);
    assert_null(rq.upload.name);
    assert_null(http_arg(&rq, "file"));
    json_decref(rq.form);
}

static void test_multipart_refusals(void **state)
{
    (void)state;
    static const struct {
        const char *type, *body, *says;
    } bad[] = {
        {"multipart/form-data", PART("a") "1\r\n--B--", "boundary"},
        {MP, PART("a") "1", "closing boundary"},
        {MP, "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n--B--", "headers"},
        {MP, "--B\r\nContent-Type: text/plain\r\n\r\n1\r\n--B--", "Content-Disposition"},
        {MP, "--B\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n\r\n1\r\n--B--",
         "control character"},
        {MP, PART("a") "\xff\r\n--B--", "not valid UTF-8"},
        {MP,
         "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n1\r\n"
         "--B\r\nContent-Disposition: form-data; name=\"g\"; filename=\"y\"\r\n\r\n2\r\n--B--",
         "one file at a time"},
        {MP, "--Bjunk", "line end"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        http_req rq;
        rd_err *e = multipart(&rq, bad[i].type, bad[i].body, strlen(bad[i].body));
        assert_non_null(e);
        assert_int_equal(e->code, RD_USAGE);
        if (!strstr(e->msg, bad[i].says))
            fail_msg("case %zu: '%s' lacks '%s'", i, e->msg, bad[i].says);
        rd_err_free(e);
        json_decref(rq.form);
    }
    /* more parts than a form has */
    rd_buf b;
    buf_init(&b, 0);
    for (int i = 0; i < 40; i++)
        assert_null(buf_adds(&b, PART("a") "1\r\n"));
    assert_null(buf_adds(&b, "--B--"));
    http_req rq;
    rd_err *e = multipart(&rq, MP, b.data, b.len);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "more than 32 parts"));
    rd_err_free(e);
    json_decref(rq.form);
    buf_reset(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_escapes_markup),
        cmocka_unit_test(test_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_attributes_and_markup),
        cmocka_unit_test(test_formatted_text_short_and_long),
        cmocka_unit_test(test_errors_are_sticky),
        cmocka_unit_test(test_assets_found_by_whole_name_only),
        cmocka_unit_test(test_json_writer_matches_jansson),
        cmocka_unit_test(test_json_writer_limits),
        cmocka_unit_test(test_multipart_fields_and_one_file),
        cmocka_unit_test(test_multipart_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
