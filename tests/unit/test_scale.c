/* test_scale.c — what keeps a large desk answering like an empty one. Paging: every list returns
 * pages in a fixed order that join up exactly (no row twice, none lost, ties on the sort key
 * included) and refuses a bad cursor or limit naming the field. Query plans: every statement
 * that reads one entity, and the today queries, are run with the store recording them, and
 * SQLite's EXPLAIN QUERY PLAN of each must not scan a table that grows with the desk; every list
 * page must come in index order, never sorted whole in a temporary B-tree. PLAN_DUMP=1 in the
 * environment prints every statement with its plan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk/desk.h"
#include "store/store.h"

typedef struct fixture {
    rd_store *st;
    rd_desk d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    rd_err *e = store_open(":memory:", &f->st);
    if (e) {
        rd_err_free(e);
        free(f);
        return -1;
    }
    f->d.st = f->st;
    f->d.actor = "tester";
    setenv("TZ", "UTC", 1);
    setenv("REDRESS_NOW", "2026-11-25T12:00:00Z", 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    store_close(f->st);
    free(f);
    unsetenv("REDRESS_NOW");
    return 0;
}

static void ok(rd_err *e)
{
    if (e) fail_msg("unexpected error: %s", e->msg);
}

/* Asserts e is an error of code whose message starts with field. */
static void expect_error(rd_err *e, rd_code code, const char *field)
{
    assert_non_null(e);
    if (e->code != code || strncmp(e->msg, field, strlen(field)) != 0)
        fail_msg("wanted %d '%s…', got %d '%s'", code, field, e->code, e->msg);
    rd_err_free(e);
}

/* n cases for one client, all received at the same minute but the last two, so that paging
 * must break ties on the id. */
static int64_t open_cases(fixture *f, int n)
{
    desk_client_input c = {.name = "Ada"};
    int64_t client, id;
    ok(desk_client_add(&f->d, &c, &client));
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", (long long)client);
    for (int i = 0; i < n; i++) {
        const char *at = i == n - 1   ? "2026-11-20T10:00:00Z"
                         : i == n - 2 ? "2026-11-01T10:00:00Z"
                                      : "2026-11-10T10:00:00Z";
        desk_case_input in = {cid, NULL, "email", at, "It is late."};
        ok(desk_case_open(&f->d, &in, &id));
    }
    return client;
}

static void test_case_pages_join_up(void **state)
{
    fixture *f = *state;
    open_cases(f, 11);
    json_t *all;
    ok(desk_case_list(&f->d, NULL, NULL, NULL, &all));
    assert_int_equal(json_array_size(all), 11);
    /* Newest first, ties newest id first. */
    assert_int_equal(desk_ji(json_array_get(all, 0), "id"), 11);
    assert_int_equal(desk_ji(json_array_get(all, 1), "id"), 9);
    assert_int_equal(desk_ji(json_array_get(all, 10), "id"), 10);

    rd_page pg = {4, 0, 0};
    size_t seen = 0;
    int pages = 0;
    do {
        json_t *rows;
        ok(desk_case_list(&f->d, NULL, NULL, &pg, &rows));
        assert_true(json_array_size(rows) <= 4);
        for (size_t i = 0; i < json_array_size(rows); i++, seen++)
            assert_int_equal(desk_ji(json_array_get(rows, i), "id"),
                             desk_ji(json_array_get(all, seen), "id"));
        if (pg.next)
            assert_int_equal(pg.next,
                             desk_ji(json_array_get(rows, json_array_size(rows) - 1), "id"));
        json_decref(rows);
        pg.after = pg.next;
        pages++;
    } while (pg.after);
    assert_int_equal(seen, 11);
    assert_int_equal(pages, 3);

    /* A page that ends exactly at the last row says there is no next. */
    rd_page exact = {11, 0, 0};
    json_t *rows;
    ok(desk_case_list(&f->d, NULL, NULL, &exact, &rows));
    assert_int_equal(json_array_size(rows), 11);
    assert_int_equal(exact.next, 0);
    json_decref(rows);
    json_decref(all);
}

static void test_page_refusals_name_the_field(void **state)
{
    fixture *f = *state;
    open_cases(f, 2);
    json_t *rows = NULL;
    rd_page bad_after = {10, 99, 0};
    expect_error(desk_case_list(&f->d, NULL, NULL, &bad_after, &rows), RD_INVALID, "after:");
    rd_page bad_limit = {RD_PAGE_MAX + 1, 0, 0};
    expect_error(desk_client_list(&f->d, &bad_limit, &rows), RD_INVALID, "limit:");
    rd_page negative = {-1, 0, 0};
    expect_error(desk_lesson_list(&f->d, 0, &negative, &rows), RD_INVALID, "limit:");
    assert_null(rows);
}

static void test_filters_are_applied_before_the_limit(void **state)
{
    fixture *f = *state;
    int64_t client = open_cases(f, 6);
    json_t *row = NULL;
    ok(desk_case_get(&f->d, 3, &row));
    json_decref(row);
    desk_close_input close = {"We were late.", "Plan buffers.", "no"};
    int64_t lesson;
    ok(desk_case_close(&f->d, 3, &close, "testing", &lesson));
    rd_page pg = {1, 0, 0};
    json_t *rows;
    ok(desk_case_list(&f->d, "closed", NULL, &pg, &rows));
    assert_int_equal(json_array_size(rows), 1);
    assert_int_equal(desk_ji(json_array_get(rows, 0), "id"), 3);
    assert_int_equal(pg.next, 0);
    json_decref(rows);

    /* Overdue invoices are chosen in SQL: one page of one holds the overdue one. */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", (long long)client);
    desk_project_input p = {.client = cid, .title = "Site", .price = "100.00"};
    int64_t project, inv;
    ok(desk_project_add(&f->d, &p, &project));
    desk_invoice_input paid = {"1", "A-1", "50.00", "2026-10-01", "2026-10-15"};
    desk_invoice_input late = {"1", "A-2", "50.00", "2026-10-01", "2026-10-20"};
    desk_invoice_input later = {"1", "A-3", "50.00", "2026-11-20", "2026-12-20"};
    ok(desk_invoice_add(&f->d, &paid, &inv));
    desk_payment_input pay = {"1", "50.00", "2026-10-10"};
    int64_t pid;
    ok(desk_invoice_pay(&f->d, &pay, &pid));
    ok(desk_invoice_add(&f->d, &late, &inv));
    ok(desk_invoice_add(&f->d, &later, &inv));
    ok(desk_invoice_list(&f->d, NULL, true, &pg, &rows));
    assert_int_equal(json_array_size(rows), 1);
    assert_string_equal(desk_js(json_array_get(rows, 0), "number"), "A-2");
    assert_true(json_is_true(json_object_get(json_array_get(rows, 0), "overdue")));
    assert_int_equal(pg.next, 0);
    json_decref(rows);
}

static void test_batch_keeps_each_operation_whole(void **state)
{
    fixture *f = *state;
    ok(store_batch_begin(f->st));
    desk_client_input c = {.name = "Ada"};
    int64_t client, id;
    ok(desk_client_add(&f->d, &c, &client));
    /* Refused inside its savepoint: nothing of it stays, the client before it does. */
    desk_case_input in = {"99", NULL, "email", NULL, "Late."};
    expect_error(desk_case_open(&f->d, &in, &id), RD_NOT_FOUND, "client:");
    ok(store_batch_end(f->st, NULL));
    json_t *rows;
    ok(desk_case_list(&f->d, NULL, NULL, NULL, &rows));
    assert_int_equal(json_array_size(rows), 0);
    json_decref(rows);
    ok(desk_client_list(&f->d, NULL, &rows));
    assert_int_equal(json_array_size(rows), 1);
    json_decref(rows);
    desk_verify_report r;
    ok(desk_verify(&f->d, &r));
    assert_int_equal(r.audit_entries, 2); /* the migration's and the client's */

    /* A batch ended with an error keeps nothing. */
    ok(store_batch_begin(f->st));
    c.name = "Bo";
    ok(desk_client_add(&f->d, &c, &id));
    expect_error(store_batch_end(f->st, rd_error(RD_IO, "stop")), RD_IO, "stop");
    ok(desk_client_list(&f->d, NULL, &rows));
    assert_int_equal(json_array_size(rows), 1);
    json_decref(rows);
}

static void test_generated_desk_is_whole(void **state)
{
    fixture *f = *state;
    ok(desk_generate(&f->d, 40, 3, NULL, NULL));
    desk_verify_report r;
    ok(desk_verify(&f->d, &r));
    assert_true(r.log_entries >= 40 * 10);
    json_t *rows;
    ok(desk_case_list(&f->d, "closed", NULL, NULL, &rows));
    assert_true(json_array_size(rows) > 0); /* some cases went the whole way */
    json_decref(rows);
    ok(desk_commitment_list(&f->d, 0, 1, NULL, &rows));
    assert_true(json_array_size(rows) > 0); /* and some left commitments overdue */
    json_decref(rows);
    rd_timestr now;
    time_iso(time_now(), now);
    assert_string_equal(now, "2026-11-25T12:00:00Z"); /* the clock handed back */
    /* the search index took each batch's words at its end, and follows new entries again */
    desk_search_input q = {"unacceptable", NULL, NULL, NULL, "500"};
    ok(desk_search(&f->d, &q, &rows));
    assert_true(json_array_size(rows) > 0);
    json_decref(rows);
    int64_t id;
    desk_log_input l = {"1", NULL, "in", "email", NULL, NULL, "Quixotically late again."};
    ok(desk_log_add(&f->d, &l, &id));
    q.query = "quixotically";
    ok(desk_search(&f->d, &q, &rows));
    assert_int_equal(json_array_size(rows), 1);
    json_decref(rows);
    expect_error(desk_generate(&f->d, 0, 0, NULL, NULL), RD_INVALID, "cases:");
}

/* ---------------------------------------------------------------- query plans */

/* Tables that stay small whatever the desk's size. */
static const char *const small_tables[] = {"settings", "chain_heads", NULL};

typedef struct plan_check {
    rd_store *st;
    bool list;   /* checking list pages: nor may a page be sorted whole in a temporary B-tree */
    int checked; /* statements looked at */
} plan_check;

static bool small_table_scan(const char *detail)
{
    for (int i = 0; small_tables[i]; i++) {
        char want[64];
        snprintf(want, sizeof want, "SCAN %s", small_tables[i]);
        if (strcmp(detail, want) == 0) return true;
    }
    /* A subquery's own result (a handful of rows it already found through an index). */
    return strcmp(detail, "SCAN CONSTANT ROW") == 0 || strncmp(detail, "SCAN (subquery", 14) == 0;
}

static rd_err *check_plan(void *ctx, const char *sql)
{
    plan_check *pc = ctx;
    if (strncmp(sql, "SELECT", 6) != 0 && strncmp(sql, "UPDATE", 6) != 0) return NULL;
    json_t *plan;
    rd_err *e = store_plan(pc->st, sql, &plan);
    if (e) return e;
    pc->checked++;
    if (getenv("PLAN_DUMP")) {
        char *text = json_dumps(plan, JSON_COMPACT);
        fprintf(stderr, "%s\n  %s\n", sql, text);
        free(text);
    }
    size_t i;
    json_t *step;
    json_array_foreach(plan, i, step)
    {
        const char *detail = desk_js(step, "detail");
        bool scan = strncmp(detail, "SCAN ", 5) == 0 && !small_table_scan(detail);
        bool bad = scan || (pc->list && strstr(detail, "TEMP B-TREE FOR ORDER BY"));
        if (bad) {
            e = rd_error(RD_DB, "%s: %s", detail, sql);
            break;
        }
    }
    json_decref(plan);
    return e;
}

static void ignore(rd_err *e)
{
    rd_err_free(e);
}

static void test_one_entity_reads_use_indexes(void **state)
{
    fixture *f = *state;
    ok(desk_demo_load(&f->d));
    store_record_statements(f->st, true);
    json_t *v = NULL;
    rd_timestr today;
    desk_today(today);
    for (int64_t id = 1; id <= 3; id++) {
        ok(desk_case_get(&f->d, id, &v));
        json_decref(v);
        ok(desk_case_next(&f->d, id, &v));
        json_decref(v);
        ok(desk_client_get(&f->d, id, &v));
        json_decref(v);
        ok(desk_client_history(&f->d, id, &v));
        json_decref(v);
        ok(desk_terminate_check(&f->d, id, &v));
        json_decref(v);
        ok(desk_project_get(&f->d, id, &v));
        json_decref(v);
        ok(desk_revision_list(&f->d, id, &v));
        json_decref(v);
        ok(desk_invoice_get(&f->d, id, &v));
        json_decref(v);
        ok(desk_demand_prerequisites(&f->d, id, &v));
        json_decref(v);
    }
    int64_t inv;
    ok(desk_invoice_ref(&f->d, "invoice", "2", &inv)); /* an invoice by number or id */
    /* One client's invoices: few, sorted after an indexed search for them. */
    ok(desk_invoice_list(&f->d, "1", false, NULL, &v));
    json_decref(v);
    /* Reads of kinds the demo has none of still prepare their statements. */
    ignore(desk_draft_get(&f->d, 1, &v));
    ignore(store_offer_get(f->st, 1, &v));
    ignore(store_commitment_get(f->st, 1, &v));
    ignore(store_refund_get(f->st, 1, &v));
    ignore(store_followup_get(f->st, 1, &v));
    ignore(store_lesson_get(f->st, 1, &v));
    ignore(store_escalation_get(f->st, 1, &v));
    ok(store_escalation_list(f->st, 1, &v));
    json_decref(v);
    ok(store_concern_list(f->st, 1, &v));
    json_decref(v);
    ok(store_offer_last_rejected(f->st, 1, &v));
    json_decref(v);
    ok(store_project_money(f->st, 1, &v));
    json_decref(v);
    ok(store_log_triage_get(f->st, 1, &v));
    json_decref(v);
    /* redress today: the first page of every section, and a later page of each with its
     * "more" count (a page of one row leaves rows after it on the demo desk) */
    ok(desk_today_view(&f->d, 1, &v));
    json_decref(v);
    for (int i = 0; desk_today_sections[i]; i++) {
        rd_page pg = {1, 0, 0};
        ok(desk_today_section(&f->d, desk_today_sections[i], &pg, &v));
        json_decref(v);
        pg.after = pg.next;
        ok(desk_today_section(&f->d, desk_today_sections[i], &pg, &v));
        json_decref(v);
    }
    rd_page pg = {1, 0, 0};
    int64_t more = 0;
    /* the count statements run only when a page leaves rows after it: run each */
    ok(store_today_commitments(f->st, "2099-01-01", &pg, &v, &more));
    json_decref(v);
    ok(store_today_followups(f->st, "2099-01-01", &pg, &v, &more));
    json_decref(v);
    ok(store_today_invoices(f->st, "2099-01-01", &pg, &v, &more));
    json_decref(v);
    ok(store_today_holds(f->st, "2099-01-01T00:00:00Z", &pg, &v, &more));
    json_decref(v);
    ok(store_today_pauses(f->st, "2099-01-01", &pg, &v, &more));
    json_decref(v);
    ok(store_today_watch(f->st, "2000-01-01", &pg, &v, &more));
    json_decref(v);
    plan_check pc = {f->st, false, 0};
    ok(store_statements(f->st, check_plan, &pc));
    assert_true(pc.checked >= 30);
}

/* A foreign key without an index makes every delete of a parent row, and every rebuild of a
 * parent table by a migration, read the whole child table once per parent row. */
static void test_every_foreign_key_has_an_index(void **state)
{
    fixture *f = *state;
    json_t *rows = NULL;
    ok(store_unindexed_foreign_keys(f->st, &rows));
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        print_message("no index on %s(%s), which points at %s\n",
                      json_string_value(json_object_get(r, "tbl")),
                      json_string_value(json_object_get(r, "col")),
                      json_string_value(json_object_get(r, "parent")));
    }
    assert_int_equal(json_array_size(rows), 0);
    json_decref(rows);
}

static void test_list_pages_come_in_index_order(void **state)
{
    fixture *f = *state;
    ok(desk_demo_load(&f->d));
    store_record_statements(f->st, true);
    json_t *v = NULL;
    rd_page pg = {2, 0, 0};
#define PAGE(call)                                                                                 \
    do {                                                                                           \
        pg.after = 0;                                                                              \
        ok(call);                                                                                  \
        json_decref(v);                                                                            \
    } while (0)
    PAGE(desk_case_list(&f->d, NULL, NULL, &pg, &v));
    PAGE(desk_case_list(&f->d, "open", "intake", &pg, &v));
    PAGE(desk_client_list(&f->d, &pg, &v));
    PAGE(desk_project_list(&f->d, 0, &pg, &v));
    PAGE(desk_project_list(&f->d, 1, &pg, &v));
    PAGE(desk_log_list(&f->d, 1, &pg, &v));
    PAGE(desk_invoice_list(&f->d, NULL, false, &pg, &v));
    PAGE(desk_invoice_list(&f->d, NULL, true, &pg, &v));
    PAGE(desk_case_list(&f->d, NULL, NULL, &pg, &v));
    pg.after = pg.next; /* a second page seeks to its cursor */
    ok(desk_client_list(&f->d, &pg, &v));
    json_decref(v);
    PAGE(desk_commitment_list(&f->d, 0, 1, &pg, &v));
    PAGE(desk_commitment_list(&f->d, 1, 0, &pg, &v));
    PAGE(desk_refund_list(&f->d, 1, &pg, &v));
    PAGE(desk_followup_list(&f->d, 1, &pg, &v));
    PAGE(desk_lesson_list(&f->d, 1, &pg, &v));
    PAGE(desk_draft_list(&f->d, 0, &pg, &v));
    PAGE(desk_draft_list(&f->d, 1, &pg, &v));
    PAGE(desk_offer_list(&f->d, 1, &pg, &v));
#undef PAGE
    plan_check pc = {f->st, true, 0};
    ok(store_statements(f->st, check_plan, &pc));
    assert_true(pc.checked >= 15);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_case_pages_join_up),
        T(test_page_refusals_name_the_field),
        T(test_filters_are_applied_before_the_limit),
        T(test_batch_keeps_each_operation_whole),
        T(test_generated_desk_is_whole),
        T(test_one_entity_reads_use_indexes),
        T(test_list_pages_come_in_index_order),
        T(test_every_foreign_key_has_an_index),
    };
    return cmocka_run_group_tests_name("scale", tests, NULL, NULL);
}
