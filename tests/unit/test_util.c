/* test_util.c — money parsing and formatting, dates and times, UTF-8 checks, the capped buffer
 * and integer parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/util.h"

static int64_t money_ok(const char *text, const char *cur)
{
    int64_t v = -1;
    rd_err *e = money_parse("price", text, cur, &v);
    if (e) fail_msg("%s: %s", text, e->msg);
    return v;
}

static void money_bad(const char *text, const char *cur, const char *want)
{
    int64_t v = 0;
    rd_err *e = money_parse("price", text, cur, &v);
    assert_non_null(e);
    assert_int_equal(e->code, RD_INVALID);
    assert_non_null(strstr(e->msg, "price:"));
    if (want) assert_non_null(strstr(e->msg, want));
    rd_err_free(e);
}

static void test_money_parse_accepts_common_forms(void **state)
{
    (void)state;
    assert_int_equal(money_ok("1,250.50", "EUR"), 125050);
    assert_int_equal(money_ok("1250.5", "EUR"), 125050);
    assert_int_equal(money_ok("1250", "EUR"), 125000);
    assert_int_equal(money_ok("0.01", "USD"), 1);
    assert_int_equal(money_ok("1,000,000", "GBP"), 100000000);
    assert_int_equal(money_ok("5000", "JPY"), 5000);
    assert_int_equal(money_ok("1.234", "KWD"), 1234);
    assert_int_equal(money_ok(" 12.30 ", "EUR"), 1230);
}

static void test_money_parse_rejects_bad_forms(void **state)
{
    (void)state;
    money_bad("12.345", "EUR", "more than 2 decimal places");
    money_bad("12.5", "JPY", "more than 0 decimal places");
    money_bad("-5", "EUR", "negative");
    money_bad("1,25", "EUR", NULL);
    money_bad("12,50", "EUR", NULL);
    money_bad("1,2345", "EUR", NULL);
    money_bad(",100", "EUR", NULL);
    money_bad("1.", "EUR", NULL);
    money_bad("abc", "EUR", NULL);
    money_bad("", "EUR", "empty");
    money_bad("99999999999999999999", "EUR", NULL);
    int64_t v;
    rd_err *e = money_parse("price", "10", "XYZ", &v);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "currency"));
    rd_err_free(e);
}

static void test_money_format(void **state)
{
    (void)state;
    char out[48];
    money_format(125050, "EUR", out, sizeof out);
    assert_string_equal(out, "1,250.50 EUR");
    money_format(5, "USD", out, sizeof out);
    assert_string_equal(out, "0.05 USD");
    money_format(-100000000, "GBP", out, sizeof out);
    assert_string_equal(out, "-1,000,000.00 GBP");
    money_format(5000, "JPY", out, sizeof out);
    assert_string_equal(out, "5,000 JPY");
    money_format(1234, "KWD", out, sizeof out);
    assert_string_equal(out, "1.234 KWD");
    money_plain(125050, "EUR", out, sizeof out);
    assert_string_equal(out, "1250.50");
}

static void test_dates(void **state)
{
    (void)state;
    int y, m, d;
    assert_null(date_parse("deadline", "2024-02-29", &y, &m, &d));
    assert_int_equal(d, 29);
    const char *bad[] = {"2025-02-29", "2025-02-30",  "2025-13-01", "2025-00-10", "2025-1-1",
                         "25-01-01",   "2025-01-01x", "",           "2025/01/01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rd_err *e = date_parse("deadline", bad[i], &y, &m, &d);
        assert_non_null(e);
        assert_non_null(strstr(e->msg, "deadline:"));
        rd_err_free(e);
    }
    assert_int_equal(days_from_civil(1970, 1, 1), 0);
    assert_int_equal(days_from_civil(2000, 3, 1), 11017);
    civil_from_days(11017, &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 20000301);
}

static void test_times(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    int64_t t;
    rd_timestr s;
    assert_null(time_parse("at", "2026-11-25T06:46:00Z", &t));
    time_iso(t, s);
    assert_string_equal(s, "2026-11-25T06:46:00Z");
    assert_null(time_parse("at", "2026-11-25T08:46+02:00", &t));
    time_iso(t, s);
    assert_string_equal(s, "2026-11-25T06:46:00Z");
    assert_null(time_parse("at", "2026-11-25 06:46", &t));
    time_iso(t, s);
    assert_string_equal(s, "2026-11-25T06:46:00Z");
    assert_null(time_parse("at", "2026-11-25", &t));
    time_iso(t, s);
    assert_string_equal(s, "2026-11-25T00:00:00Z");
    const char *bad[] = {"2026-11-25T25:00", "2026-11-25T10:60",       "2026-11-31",
                         "tomorrow",         "2026-11-25T10:00+15:00", "2026-11-25T10:00Zjunk"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rd_err *e = time_parse("at", bad[i], &t);
        assert_non_null(e);
        assert_non_null(strstr(e->msg, "at:"));
        rd_err_free(e);
    }
    setenv("REDRESS_NOW", "2030-01-02T03:04:05Z", 1);
    time_iso(time_now(), s);
    assert_string_equal(s, "2030-01-02T03:04:05Z");
    unsetenv("REDRESS_NOW");
}

static void test_utf8(void **state)
{
    (void)state;
    assert_true(utf8_valid("Zoë ’ 田中 😀", strlen("Zoë ’ 田中 😀")));
    assert_false(utf8_valid("\xff", 1));
    assert_false(utf8_valid("\xc3", 1));             /* truncated */
    assert_false(utf8_valid("\xc0\xaf", 2));         /* overlong '/' */
    assert_false(utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
    assert_false(utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
    rd_err *e = text_check("name", "a\x01b", 100, false);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "control character"));
    rd_err_free(e);
    assert_null(text_check("notes", "line one\nline two", 100, true));
    e = text_check("name", "abcdef", 3, false);
    assert_int_equal(e->code, RD_TOO_LARGE);
    rd_err_free(e);
}

static void test_buffer_cap(void **state)
{
    (void)state;
    rd_buf b;
    buf_init(&b, 10);
    assert_null(buf_adds(&b, "12345"));
    assert_null(buf_addf(&b, "%d", 678));
    rd_err *e = buf_adds(&b, "too much");
    assert_non_null(e);
    assert_int_equal(e->code, RD_TOO_LARGE);
    rd_err_free(e);
    assert_string_equal(buf_str(&b), "12345678"); /* unchanged by the refused append */
    char *s = buf_detach(&b);
    assert_string_equal(s, "12345678");
    free(s);
    assert_string_equal(buf_str(&b), "");
}

static void test_parse_int(void **state)
{
    (void)state;
    int64_t v;
    assert_null(parse_int("n", "42", 0, 100, &v));
    assert_int_equal(v, 42);
    const char *bad[] = {"", "4x", "101", "-1", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rd_err *e = parse_int("n", bad[i], 0, 100, &v);
        assert_non_null(e);
        rd_err_free(e);
    }
}

static void test_error_mapping(void **state)
{
    (void)state;
    rd_err *e = rd_error(RD_NOT_FOUND, "client: no client %d", 7);
    assert_string_equal(e->msg, "client: no client 7");
    assert_string_equal(e->field, "client");
    assert_int_equal(rd_err_exit_code(e), 3);
    assert_int_equal(rd_err_http_status(e), 404);
    rd_err_free(e);
    e = rd_error(RD_USAGE, "x");
    assert_int_equal(rd_err_exit_code(e), 2);
    rd_err_free(e);
    e = rd_error(RD_INVALID, "x");
    assert_int_equal(rd_err_exit_code(e), 1);
    assert_int_equal(rd_err_http_status(e), 422);
    assert_null(e->field);
    rd_err_free(e);
    e = rd_error(RD_INVALID, "deadline: %s is not a date", "2025-02-30");
    assert_string_equal(e->field, "deadline");
    assert_string_equal(rd_code_name(e->code), "invalid");
    rd_err_free(e);
    e = rd_error(RD_DB, "migration: failed");
    assert_null(e->field);
    rd_err_free(e);
    e = rd_error_at(RD_CONFLICT, "option", "the offer was already answered");
    assert_string_equal(e->field, "option");
    assert_int_equal(rd_err_http_status(e), 409);
    rd_err_free(e);
    assert_int_equal(rd_err_exit_code(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_parse_accepts_common_forms),
        cmocka_unit_test(test_money_parse_rejects_bad_forms),
        cmocka_unit_test(test_money_format),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_buffer_cap),
        cmocka_unit_test(test_parse_int),
        cmocka_unit_test(test_error_mapping),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
