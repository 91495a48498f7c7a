/* test_hygiene.c — the store's guard rails: the migration runner records each migration it
 * applies (so files added out of order still run), desks made before the record existed are
 * brought in from user_version, and a desk from a newer redress is refused; text shown and
 * stored safely; the store's error mapping, batches, and the parsers' edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/store_int.h"
#include "util/embed.h"

extern const rd_embedded store_schema[];

static char path[128];

static void scratch_remove(void)
{
    char side[160];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/redress-hygiene-%ld.db", (long)getpid());
    scratch_remove();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    scratch_remove();
    return 0;
}

static int file_number(const char *name)
{
    int n = 0;
    for (; *name >= '0' && *name <= '9'; name++)
        n = n * 10 + (*name - '0');
    return n;
}

/* Writes a database at path holding only the embedded migrations whose numbers are listed
 * (0-terminated), with user_version set to version and no schema_migrations table: a desk as
 * the user_version runner left it. */
static void legacy_desk(const int *numbers, int version)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    for (const int *n = numbers; *n; n++)
        for (const rd_embedded *m = store_schema; m->name; m++)
            if (file_number(m->name) == *n)
                assert_int_equal(sqlite3_exec(db, m->data, NULL, NULL, NULL), SQLITE_OK);
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
    assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static int64_t count(rd_store *st, const char *sql)
{
    int64_t n = -1;
    rd_err *e = db_int(st, &n, sql, NULL);
    assert_null(e);
    return n;
}

static int embedded_count(void)
{
    int n = 0;
    for (const rd_embedded *m = store_schema; m->name; m++)
        n++;
    return n;
}

static int embedded_top(void)
{
    int top = 0;
    for (const rd_embedded *m = store_schema; m->name; m++)
        top = file_number(m->name);
    return top;
}

static void test_fresh_desk_records_every_migration(void **state)
{
    (void)state;
    rd_store *st = NULL;
    assert_null(store_open(path, &st));
    assert_int_equal(count(st, "SELECT count(*) FROM schema_migrations"), embedded_count());
    assert_int_equal(count(st, "SELECT count(*) FROM schema_migrations WHERE applied_at = "
                               "'before-record'"),
                     0);
    assert_int_equal(store_schema_version(st), embedded_top());
    store_close(st);
}

/* A desk the user_version runner left at 2 gets 1 and 2 recorded as found and the rest run. */
static void test_legacy_desk_bootstraps_from_user_version(void **state)
{
    (void)state;
    legacy_desk((const int[]){1, 2, 0}, 2);
    rd_store *st = NULL;
    assert_null(store_open(path, &st));
    assert_int_equal(count(st, "SELECT count(*) FROM schema_migrations WHERE applied_at = "
                               "'before-record'"),
                     2);
    assert_int_equal(count(st, "SELECT count(*) FROM schema_migrations"), embedded_count());
    /* 005 ran: its table exists */
    assert_int_equal(count(st, "SELECT count(*) FROM log_triage"), 0);
    store_close(st);
}

/* A migration numbered below one already applied (it landed later) still runs: here the record
 * says 1 and 2 are applied and user_version is far past 5, yet 5 is applied. */
static void test_gap_below_applied_number_is_filled(void **state)
{
    (void)state;
    legacy_desk((const int[]){1, 2, 0}, 2);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, "
                                  "name TEXT NOT NULL, applied_at TEXT NOT NULL);"
                                  "INSERT INTO schema_migrations VALUES (1, '001', 'x'), "
                                  "(2, '002', 'x');"
                                  "PRAGMA user_version = 900;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    rd_store *st = NULL;
    assert_null(store_open(path, &st));
    assert_int_equal(count(st, "SELECT count(*) FROM log_triage"), 0);
    assert_int_equal(count(st, "SELECT count(*) FROM schema_migrations WHERE number = 5"), 1);
    store_close(st);
}

/* A desk holding a migration this binary does not carry is refused, untouched. */
static void test_newer_desk_refused(void **state)
{
    (void)state;
    rd_store *st = NULL;
    assert_null(store_open(path, &st));
    assert_null(
        db_exec(st, "INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x')", NULL));
    store_close(st);
    rd_err *e = store_open(path, &st);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "newer redress"));
    rd_err_free(e);
}

static char *visible(const char *s, size_t n, bool json)
{
    rd_buf b;
    buf_init(&b, 0);
    assert_null(text_visible(&b, s, n, json));
    return buf_detach(&b);
}

static void test_text_visible_escapes_what_a_terminal_obeys(void **state)
{
    (void)state;
    static const struct {
        const char *in, *text, *json;
    } cases[] = {
        {"plain é ü 日本", "plain é ü 日本", "plain é ü 日本"},
        {"a\x1b[2Jb", "a\\x1b[2Jb", "a\\u001b[2Jb"},
        {"refund\rAll good", "refund\\x0dAll good", "refund\\u000dAll good"},
        {"keep\ttab\nnewline", "keep\ttab\nnewline", "keep\ttab\nnewline"},
        {"c1 \xc2\x9b here", "c1 \\u009b here", "c1 \\u009b here"},
        {"del\x7f", "del\\x7f", "del\\u007f"},
        {"bidi \xe2\x80\xae \xe2\x81\xa6", "bidi \\u202e \\u2066", "bidi \\u202e \\u2066"},
        {"bad \xff\xc3 byte", "bad \\xff\\xc3 byte", "bad \\ufffd\\ufffd byte"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *t = visible(cases[i].in, strlen(cases[i].in), false);
        char *j = visible(cases[i].in, strlen(cases[i].in), true);
        assert_string_equal(t, cases[i].text);
        assert_string_equal(j, cases[i].json);
        free(t);
        free(j);
    }
    char *nul = visible("a\0b", 3, false);
    assert_string_equal(nul, "a\\x00b");
    free(nul);
}

static void test_text_check_refuses_hidden_characters(void **state)
{
    (void)state;
    static const struct {
        const char *in, *says;
    } bad[] = {
        {"a\rb", "carriage return"}, {"a\r\nb", "carriage return"},
        {"a\xc2\x9b", "U+009B"},     {"a\xe2\x80\xae", "bidirectional override (U+202E)"},
        {"a\xe2\x81\xa9", "U+2069"}, {"a\x1b", "U+001B"},
        {"a\x7f", "U+007F"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rd_err *e = text_check("body", bad[i].in, 100, true);
        assert_non_null(e);
        assert_non_null(strstr(e->msg, "body: "));
        assert_non_null(strstr(e->msg, bad[i].says));
        rd_err_free(e);
    }
    rd_err *e = text_check("name", "two\nlines", 100, false);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "line break"));
    rd_err_free(e);
    assert_null(text_check("body", "two\nlines\tand a tab, é \xe2\x80\x8f", 100, true));
}

static void test_db_rows_sets_out_on_error(void **state)
{
    (void)state;
    rd_store *st = NULL;
    assert_null(store_open(":memory:", &st));
    json_t *rows = json_array(); /* a stale value the caller might read */
    json_t *keep = rows;
    rd_err *e = db_rows(st, &rows, "SELECT nonsense FROM nowhere", NULL);
    assert_non_null(e);
    assert_null(rows);
    rd_err_free(e);
    json_decref(keep);
    store_close(st);
}

static void test_unique_violation_is_a_conflict(void **state)
{
    (void)state;
    rd_store *st = NULL;
    assert_null(store_open(":memory:", &st));
    const char *now = "2026-01-01T00:00:00Z";
    int64_t client, project, inv;
    rd_client_fields c = {.name = "A"};
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &c, now, &client));
    rd_project_fields p = {.client_id = client, .title = "T", .currency = "EUR"};
    assert_null(store_project_insert(st, &p, now, &project));
    rd_invoice_fields f = {project, "2026-1", 100, "EUR", "2026-01-01", "2026-01-31"};
    assert_null(store_invoice_insert(st, &f, now, &inv));
    rd_err *e = store_invoice_insert(st, &f, now, &inv);
    assert_non_null(e);
    assert_int_equal(e->code, RD_CONFLICT);
    assert_non_null(strstr(e->msg, "invoices.project_id, invoices.number"));
    rd_err_free(e);
    /* any other constraint stays invalid input */
    e = db_exec(st, "INSERT INTO projects (client_id, title, currency) VALUES (?1, NULL, 'EUR')",
                "i", client);
    assert_non_null(e);
    assert_int_equal(e->code, RD_INVALID);
    rd_err_free(e);
    assert_null(store_end(st, NULL));
    store_close(st);
}

/* A batch rolls back every operation in it, even those whose own store_end succeeded. */
static void test_batch_is_all_or_nothing(void **state)
{
    (void)state;
    rd_store *st = NULL;
    assert_null(store_open(":memory:", &st));
    const char *now = "2026-01-01T00:00:00Z";
    int64_t id;
    rd_client_fields c = {.name = "A"};
    assert_null(store_batch_begin(st));
    for (int i = 0; i < 3; i++) {
        assert_null(store_begin(st));
        assert_null(store_end(st, store_client_insert(st, &c, now, &id)));
    }
    /* a failed operation inside the batch undoes only itself */
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &c, now, &id));
    rd_err *e = store_end(st, rd_error(RD_INVALID, "step failed"));
    rd_err_free(e);
    assert_int_equal(count(st, "SELECT count(*) FROM clients"), 3);
    e = store_batch_end(st, rd_error(RD_INVALID, "demo failed"));
    assert_non_null(e);
    rd_err_free(e);
    assert_int_equal(count(st, "SELECT count(*) FROM clients"), 0);
    /* and commits them all when it ends well */
    assert_null(store_batch_begin(st));
    assert_null(store_begin(st));
    assert_null(store_end(st, store_client_insert(st, &c, now, &id)));
    assert_null(store_batch_end(st, NULL));
    assert_int_equal(count(st, "SELECT count(*) FROM clients"), 1);
    store_close(st);
}

static void test_parse_int_reaches_both_ends(void **state)
{
    (void)state;
    int64_t v = 0;
    assert_null(parse_int("id", "9223372036854775807", 1, INT64_MAX, &v));
    assert_true(v == INT64_MAX);
    assert_null(parse_int("n", "-9223372036854775808", INT64_MIN, 0, &v));
    assert_true(v == INT64_MIN);
    rd_err *e = parse_int("id", "9223372036854775808", 1, INT64_MAX, &v);
    assert_non_null(strstr(e->msg, "id: '9223372036854775808' is too large"));
    rd_err_free(e);
    e = parse_int("n", "-9223372036854775809", INT64_MIN, 0, &v);
    assert_non_null(strstr(e->msg, "too large"));
    rd_err_free(e);
}

static void test_every_accepted_time_reads_back(void **state)
{
    (void)state;
    static const char *edges[] = {"1970-01-01T00:00Z", "1970-01-01T00:00+14:00",
                                  "9999-12-31T23:59:59Z", "9999-12-31T23:59-14:00",
                                  "1969-12-31T23:59-01:00"};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        int64_t t, back;
        rd_err *e = time_parse("at", edges[i], &t);
        if (e) {
            assert_non_null(strstr(e->msg, "outside 1970-01-01 to 9999-12-31"));
            rd_err_free(e);
            continue;
        }
        rd_timestr s;
        time_iso(t, s);
        assert_null(time_parse("at", s, &back));
        assert_true(back == t);
    }
    int64_t t;
    rd_err *e = time_parse("at", "1970-01-01T00:00+14:00", &t);
    assert_non_null(e);
    rd_err_free(e);
}

static void test_huge_amount_is_too_large(void **state)
{
    (void)state;
    int64_t v;
    rd_err *e = money_parse("price", "12345678901234567890", "EUR", &v);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "too large"));
    rd_err_free(e);
    e = money_parse("price", "99,999,999,999,999,999,999.00", "EUR", &v);
    assert_non_null(strstr(e->msg, "too large"));
    rd_err_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fresh_desk_records_every_migration, setup, teardown),
        cmocka_unit_test_setup_teardown(test_legacy_desk_bootstraps_from_user_version, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gap_below_applied_number_is_filled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_desk_refused, setup, teardown),
        cmocka_unit_test(test_text_visible_escapes_what_a_terminal_obeys),
        cmocka_unit_test(test_text_check_refuses_hidden_characters),
        cmocka_unit_test(test_db_rows_sets_out_on_error),
        cmocka_unit_test(test_unique_violation_is_a_conflict),
        cmocka_unit_test(test_batch_is_all_or_nothing),
        cmocka_unit_test(test_parse_int_reaches_both_ends),
        cmocka_unit_test(test_every_accepted_time_reads_back),
        cmocka_unit_test(test_huge_amount_is_too_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
