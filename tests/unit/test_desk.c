/* test_desk.c — the desk's operations for clients, projects, cases and the log: each validates
 * its input with an error naming the field, writes nothing when it refuses, and appends exactly
 * one audit entry when it succeeds. Each test gets a fresh in-memory store. */
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

static int64_t audit_count(fixture *f)
{
    desk_verify_report r;
    rd_err *e = desk_verify(&f->d, &r);
    assert_null(e);
    return r.audit_entries;
}

static int64_t log_count(fixture *f)
{
    desk_verify_report r;
    assert_null(desk_verify(&f->d, &r));
    return r.log_entries;
}

/* Asserts e is an error of code whose message starts with field. */
static void expect_error(rd_err *e, rd_code code, const char *field)
{
    assert_non_null(e);
    if (e->code != code || strncmp(e->msg, field, strlen(field)) != 0)
        fail_msg("wanted %d '%s…', got %d '%s'", code, field, e->code, e->msg);
    rd_err_free(e);
}

static int64_t add_client(fixture *f, const char *name)
{
    desk_client_input c = {.name = name, .email = "a@example.org"};
    int64_t id;
    assert_null(desk_client_add(&f->d, &c, &id));
    return id;
}

static void test_client_add_audits_once(void **state)
{
    fixture *f = *state;
    int64_t before = audit_count(f);
    int64_t id = add_client(f, "Zoë");
    assert_int_equal(audit_count(f), before + 1);
    json_t *rows;
    assert_null(store_audit_list(f->st, 1, &rows));
    json_t *a = json_array_get(rows, 0);
    assert_string_equal(json_string_value(json_object_get(a, "action")), "client.add");
    assert_string_equal(json_string_value(json_object_get(a, "actor")), "tester");
    assert_int_equal(json_integer_value(json_object_get(a, "row_id")), id);
    assert_non_null(strstr(json_string_value(json_object_get(a, "detail")), "Zoë"));
    json_decref(rows);
}

static void test_client_validation_writes_nothing(void **state)
{
    fixture *f = *state;
    desk_client_input blank = {.name = " "};
    desk_client_input email = {.name = "A", .email = "nope"};
    desk_client_input phone = {.name = "A", .phone = "12ab"};
    desk_client_input bad = {.name = "\xff"};
    int64_t id;
    expect_error(desk_client_add(&f->d, &blank, &id), RD_INVALID, "name:");
    expect_error(desk_client_add(&f->d, &email, &id), RD_INVALID, "email:");
    expect_error(desk_client_add(&f->d, &phone, &id), RD_INVALID, "phone:");
    expect_error(desk_client_add(&f->d, &bad, &id), RD_INVALID, "name:");
    assert_int_equal(audit_count(f), 1); /* the migration's */
    json_t *rows;
    assert_null(desk_client_list(&f->d, NULL, &rows));
    assert_int_equal(json_array_size(rows), 0);
    json_decref(rows);
}

static void test_client_edit(void **state)
{
    fixture *f = *state;
    int64_t id = add_client(f, "A");
    desk_client_input change = {.company = "Atelier", .email = ""};
    assert_null(desk_client_edit(&f->d, id, &change));
    json_t *c;
    assert_null(desk_client_get(&f->d, id, &c));
    assert_string_equal(json_string_value(json_object_get(c, "company")), "Atelier");
    assert_true(json_is_null(json_object_get(c, "email")));
    json_decref(c);
    desk_client_input none = {0};
    expect_error(desk_client_edit(&f->d, id, &none), RD_USAGE, "give at least one field");
    desk_client_input status = {.status = "gone"};
    expect_error(desk_client_edit(&f->d, id, &status), RD_INVALID, "status:");
    expect_error(desk_client_edit(&f->d, 999, &change), RD_NOT_FOUND, "client:");
    assert_int_equal(audit_count(f), 3);
}

static void test_project_add_parses_money_and_defaults(void **state)
{
    fixture *f = *state;
    add_client(f, "A");
    desk_project_input in = {.client = "1",
                             .title = "Site",
                             .price = "1,250.50",
                             .currency = "GBP",
                             .deadline = "2026-12-31"};
    int64_t id;
    assert_null(desk_project_add(&f->d, &in, &id));
    json_t *p;
    assert_null(desk_project_get(&f->d, id, &p));
    assert_int_equal(json_integer_value(json_object_get(p, "price")), 125050);
    assert_string_equal(json_string_value(json_object_get(p, "currency")), "GBP");
    assert_int_equal(json_integer_value(json_object_get(p, "payment_terms")), 30);
    assert_int_equal(json_integer_value(json_object_get(p, "revisions")), 2);
    assert_true(json_is_null(json_object_get(p, "extra_revision_price")));
    json_decref(p);
}

static void test_project_validation_writes_nothing(void **state)
{
    fixture *f = *state;
    add_client(f, "A");
    int64_t before = audit_count(f), id;
    desk_project_input cases[] = {
        {.client = "1", .title = ""},
        {.client = "1", .title = "T", .price = "12.345"},
        {.client = "1", .title = "T", .price = "-1"},
        {.client = "1", .title = "T", .currency = "EURO"},
        {.client = "1", .title = "T", .deadline = "2025-02-30"},
        {.client = "1", .title = "T", .revisions = "-1"},
        {.client = "x", .title = "T"},
    };
    const char *fields[] = {
        "title:", "price:", "price:", "currency:", "deadline:", "revisions:", "client:"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_error(desk_project_add(&f->d, &cases[i], &id), RD_INVALID, fields[i]);
    desk_project_input ghost = {.client = "7", .title = "T"};
    expect_error(desk_project_add(&f->d, &ghost, &id), RD_NOT_FOUND, "client:");
    assert_int_equal(audit_count(f), before);
}

static void test_case_open_logs_words(void **state)
{
    fixture *f = *state;
    int64_t cid = add_client(f, "A"), id;
    desk_case_input in = {.client = "1",
                          .channel = "email",
                          .received = "2026-11-20T09:00Z",
                          .words = "Late and wrong."};
    assert_null(desk_case_open(&f->d, &in, &id));
    json_t *k;
    assert_null(desk_case_get(&f->d, id, &k));
    assert_string_equal(json_string_value(json_object_get(k, "stage")), "intake");
    assert_string_equal(json_string_value(json_object_get(k, "status")), "open");
    assert_string_equal(json_string_value(json_object_get(k, "received_at")),
                        "2026-11-20T09:00:00Z");
    assert_int_equal(json_integer_value(json_object_get(k, "client_id")), cid);
    json_t *log = json_object_get(k, "log");
    assert_int_equal(json_array_size(log), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(log, 0), "body")),
                        "Late and wrong.");
    json_decref(k);
    assert_int_equal(audit_count(f), 3);
}

static void test_case_open_refusals_write_nothing(void **state)
{
    fixture *f = *state;
    add_client(f, "A");
    add_client(f, "B");
    desk_project_input p = {.client = "2", .title = "B's"};
    int64_t pid, id;
    assert_null(desk_project_add(&f->d, &p, &pid));
    int64_t audits = audit_count(f);
    desk_case_input bad_channel = {.client = "1", .channel = "pigeon"};
    desk_case_input future = {.client = "1", .channel = "email", .received = "2026-11-26"};
    desk_case_input other_project = {.client = "1", .project = "1", .channel = "email"};
    desk_case_input no_client = {.client = "9", .channel = "email"};
    expect_error(desk_case_open(&f->d, &bad_channel, &id), RD_INVALID, "channel:");
    expect_error(desk_case_open(&f->d, &future, &id), RD_INVALID, "received:");
    expect_error(desk_case_open(&f->d, &other_project, &id), RD_INVALID, "project:");
    expect_error(desk_case_open(&f->d, &no_client, &id), RD_NOT_FOUND, "client:");
    assert_int_equal(audit_count(f), audits);
    assert_int_equal(log_count(f), 0);
}

static void test_log_add_checks_case_owner(void **state)
{
    fixture *f = *state;
    add_client(f, "A");
    add_client(f, "B");
    desk_case_input in = {.client = "2", .channel = "phone"};
    int64_t case_id, id;
    assert_null(desk_case_open(&f->d, &in, &case_id));
    desk_log_input wrong = {
        .client = "1", .case_id = "1", .direction = "in", .channel = "email", .subject = "x"};
    expect_error(desk_log_add(&f->d, &wrong, &id), RD_INVALID, "case:");
    desk_log_input empty = {.client = "1", .direction = "in", .channel = "email"};
    expect_error(desk_log_add(&f->d, &empty, &id), RD_INVALID, "text:");
    desk_log_input ok = {.client = "2",
                         .case_id = "1",
                         .direction = "out",
                         .channel = "email",
                         .subject = "Re: your call",
                         .body = "Thank you for telling me."};
    assert_null(desk_log_add(&f->d, &ok, &id));
    json_t *rows;
    assert_null(desk_log_list(&f->d, 2, NULL, &rows));
    assert_int_equal(json_array_size(rows), 1);
    json_decref(rows);
    expect_error(desk_log_list(&f->d, 5, NULL, &rows), RD_NOT_FOUND, "client:");
}

static void test_config_defaults_and_validation(void **state)
{
    fixture *f = *state;
    int64_t v;
    assert_null(desk_config_int(&f->d, "cool_off_minutes", &v));
    assert_int_equal(v, 60);
    assert_null(desk_config_money(&f->d, "risk_threshold", "EUR", &v));
    assert_int_equal(v, 100000);
    assert_null(desk_config_set(&f->d, "hourly_cost", "45.50"));
    assert_null(desk_config_money(&f->d, "hourly_cost", "EUR", &v));
    assert_int_equal(v, 4550);
    int64_t audits = audit_count(f);
    expect_error(desk_config_set(&f->d, "hourly_cost", "4.555"), RD_INVALID, "hourly_cost:");
    expect_error(desk_config_set(&f->d, "cool_off_minutes", "-5"), RD_INVALID, "cool_off_minutes:");
    expect_error(desk_config_set(&f->d, "currency", "EURO"), RD_INVALID, "currency:");
    expect_error(desk_config_set(&f->d, "colour", "blue"), RD_INVALID, "key:");
    assert_int_equal(audit_count(f), audits);
}

static void test_demo_is_consistent(void **state)
{
    fixture *f = *state;
    assert_null(desk_demo_load(&f->d));
    desk_verify_report r;
    assert_null(desk_verify(&f->d, &r));
    assert_true(r.log_entries >= 3);
    expect_error(desk_demo_load(&f->d), RD_CONFLICT, "demo:");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_client_add_audits_once),
        T(test_client_validation_writes_nothing),
        T(test_client_edit),
        T(test_project_add_parses_money_and_defaults),
        T(test_project_validation_writes_nothing),
        T(test_case_open_logs_words),
        T(test_case_open_refusals_write_nothing),
        T(test_log_add_checks_case_owner),
        T(test_config_defaults_and_validation),
        T(test_demo_is_consistent),
    };
    return cmocka_run_group_tests_name("desk", tests, NULL, NULL);
}
