/* test_money.c — the money and walking-away rules (P15, P16, P18, P21) on a fresh in-memory
 * store per test: due dates from payment terms, days overdue, the walk-away triggers at their
 * thresholds, the revision policy boundary, and the demand letter's prerequisites. Facts no
 * command on this branch can create yet (abuse on a case, a mediation escalation) are written
 * with the store's own statement helper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk/desk.h"
#include "store/store.h"
#include "store/store_int.h"

#define NOW "2026-11-25T09:00:00Z"

typedef struct fixture {
    rd_store *st;
    rd_desk d;
} fixture;

static int setup(void **state)
{
    fixture *f = xcalloc(1, sizeof *f);
    setenv("REDRESS_NOW", NOW, 1);
    setenv("TZ", "UTC", 1);
    rd_err *e = store_open(":memory:", &f->st);
    assert_null(e);
    f->d.st = f->st;
    f->d.actor = "test";
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    store_close(f->st);
    free(f);
    return 0;
}

/* Fails the test with the error's message when e is not NULL. */
static void ok(rd_err *e)
{
    if (e) {
        print_error("unexpected error: %s\n", e->msg);
        rd_err_free(e);
        fail();
    }
}

/* Expects an error of code whose message contains part. */
static void refused(rd_err *e, rd_code code, const char *part)
{
    assert_non_null(e);
    if (!strstr(e->msg, part)) print_error("message: %s\n", e->msg);
    assert_int_equal(e->code, code);
    assert_non_null(strstr(e->msg, part));
    rd_err_free(e);
}

/* Client 1 with project 1: price 1000 EUR, 14 days' terms, 2 included revisions at 80 EUR. */
static void client_and_project(fixture *f, const char *price, const char *scope)
{
    int64_t id;
    desk_client_input c = {.name = "Acme"};
    ok(desk_client_add(&f->d, &c, &id));
    desk_project_input p = {"1", "Site", scope, NULL, NULL, price, "EUR", "14", "2", "80"};
    ok(desk_project_add(&f->d, &p, &id));
}

static int64_t invoice(fixture *f, const char *number, const char *amount, const char *issued,
                       const char *due)
{
    int64_t id;
    desk_invoice_input in = {"1", number, amount, issued, due};
    ok(desk_invoice_add(&f->d, &in, &id));
    return id;
}

static void pay(fixture *f, int64_t invoice_id, const char *amount, const char *on)
{
    char inv[32];
    int64_t id;
    snprintf(inv, sizeof inv, "%lld", (long long)invoice_id);
    desk_payment_input in = {inv, amount, on};
    ok(desk_invoice_pay(&f->d, &in, &id));
}

/* True when the walk-away trigger fires for client 1. */
static bool fires(fixture *f, const char *trigger)
{
    json_t *list = NULL;
    ok(desk_walkaway_triggers(&f->d, 1, &list));
    bool found = false;
    size_t i;
    json_t *t;
    json_array_foreach(list, i, t) found = found || strcmp(desk_js(t, "trigger"), trigger) == 0;
    json_decref(list);
    return found;
}

/* ---------------------------------------------------------------- invoices */

static void due_date_from_payment_terms(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t id = invoice(f, "A-1", "500", "2026-10-25", NULL);
    json_t *inv = NULL;
    ok(desk_invoice_get(&f->d, id, &inv));
    assert_string_equal(desk_js(inv, "due_on"), "2026-11-08"); /* 14 days later */
    assert_string_equal(desk_js(inv, "currency"), "EUR");
    json_decref(inv);
    /* an explicit due date wins, but not one before the issue date */
    id = invoice(f, "A-2", "500", "2026-10-25", "2026-12-31");
    ok(desk_invoice_get(&f->d, id, &inv));
    assert_string_equal(desk_js(inv, "due_on"), "2026-12-31");
    json_decref(inv);
    desk_invoice_input bad = {"1", "A-3", "500", "2026-10-25", "2026-10-24"};
    refused(desk_invoice_add(&f->d, &bad, &id), RD_INVALID, "due:");
}

static void invoice_input_checked(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t id;
    desk_invoice_input future = {"1", "A-1", "500", "2026-11-26", NULL};
    refused(desk_invoice_add(&f->d, &future, &id), RD_INVALID,
            "issued: 2026-11-26 is in the future");
    desk_invoice_input money = {"1", "A-1", "-5", "2026-11-01", NULL};
    refused(desk_invoice_add(&f->d, &money, &id), RD_INVALID, "amount:");
    desk_invoice_input currency = {"1", "A-1", "500 USD", "2026-11-01", NULL};
    refused(desk_invoice_add(&f->d, &currency, &id), RD_INVALID, "never mixed");
    desk_invoice_input unknown = {"9", "A-1", "500", "2026-11-01", NULL};
    refused(desk_invoice_add(&f->d, &unknown, &id), RD_NOT_FOUND, "project");
    invoice(f, "A-1", "500 EUR", "2026-11-01", NULL);
    desk_invoice_input twice = {"1", "A-1", "500", "2026-11-01", NULL};
    refused(desk_invoice_add(&f->d, &twice, &id), RD_CONFLICT, "already has an invoice A-1");
}

static void overdue_days(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t late = invoice(f, "A-1", "500", "2026-10-01", "2026-11-01");
    int64_t today = invoice(f, "A-2", "500", "2026-10-01", "2026-11-25");
    json_t *inv = NULL;
    ok(desk_invoice_get(&f->d, late, &inv));
    assert_int_equal(desk_ji(inv, "days_overdue"), 24);
    assert_true(json_is_true(json_object_get(inv, "overdue")));
    json_decref(inv);
    ok(desk_invoice_get(&f->d, today, &inv)); /* due today: not yet overdue */
    assert_int_equal(desk_ji(inv, "days_overdue"), 0);
    assert_true(json_is_false(json_object_get(inv, "overdue")));
    json_decref(inv);
    pay(f, late, "500", "2026-11-20"); /* paid: no longer overdue */
    json_t *list = NULL;
    ok(desk_invoice_list(&f->d, NULL, true, NULL, &list));
    assert_int_equal(json_array_size(list), 0);
    json_decref(list);
}

static void payment_rules(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t id = invoice(f, "A-1", "500", "2026-10-01", NULL), pid;
    pay(f, id, "200.50", "2026-10-05");
    desk_payment_input over = {"1", "300", "2026-10-06"};
    refused(desk_invoice_pay(&f->d, &over, &pid), RD_INVALID, "299.50 EUR still owed");
    desk_payment_input future = {"1", "10", "2026-11-26"};
    refused(desk_invoice_pay(&f->d, &future, &pid), RD_INVALID, "in the future");
    desk_payment_input early = {"1", "10", "2026-09-30"};
    refused(desk_invoice_pay(&f->d, &early, &pid), RD_INVALID, "before invoice A-1 was issued");
    desk_payment_input zero = {"1", "0", "2026-10-06"};
    refused(desk_invoice_pay(&f->d, &zero, &pid), RD_INVALID, "more than zero");
    pay(f, id, "299.50", "2026-10-06");
    desk_payment_input more = {"1", "1", "2026-10-07"};
    refused(desk_invoice_pay(&f->d, &more, &pid), RD_CONFLICT, "paid in full");
}

/* ---------------------------------------------------------------- walk-away triggers */

static void late_payment_trigger_at_two(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t a = invoice(f, "A-1", "100", "2026-09-01", "2026-09-15");
    pay(f, a, "100", "2026-09-20"); /* paid five days late */
    assert_false(fires(f, "late_payments"));
    invoice(f, "A-2", "100", "2026-10-01", "2026-10-15"); /* unpaid past due */
    assert_true(fires(f, "late_payments"));
}

static void cost_trigger_at_boundary(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t id;
    desk_time_input t = {"1", NULL, "60", "calls", NULL}; /* 60 min × 50 EUR/h = 50.00 EUR */
    ok(desk_time_add(&f->d, &t, &id));
    int64_t inv = invoice(f, "A-1", "100", "2026-11-01", "2026-12-01");
    pay(f, inv, "49.99", "2026-11-02");
    assert_true(fires(f, "cost_exceeds_revenue")); /* cost 50.00 > revenue 49.99 */
    pay(f, inv, "0.01", "2026-11-03");
    assert_false(fires(f, "cost_exceeds_revenue")); /* 50.00 is not above 50.00 */
}

static void cost_not_weighed_across_currencies(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t id;
    desk_project_input usd = {"1", "US site", NULL, NULL, NULL, "5000", "USD", "30", "2", NULL};
    ok(desk_project_add(&f->d, &usd, &id));
    desk_invoice_input in = {"2", "U-1", "5000", "2026-11-01", "2026-12-01"};
    ok(desk_invoice_add(&f->d, &in, &id));
    pay(f, id, "5000", "2026-11-02");
    desk_time_input t = {"1", NULL, "600", "workshop", NULL}; /* 500.00 EUR of time */
    ok(desk_time_add(&f->d, &t, &id));
    /* 5,000 USD paid and no EUR: without an exchange rate there is nothing to compare */
    assert_false(fires(f, "cost_exceeds_revenue"));
}

static void abuse_trigger(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t case_id;
    desk_case_input c = {"1", NULL, "email", NULL, "words"};
    ok(desk_case_open(&f->d, &c, &case_id));
    assert_false(fires(f, "abuse"));
    desk_flag_input flag = {.abuse = "yes"};
    ok(desk_case_flag(&f->d, case_id, &flag));
    assert_true(fires(f, "abuse"));
}

static void time_input_checked(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    int64_t id;
    desk_time_input zero = {"1", NULL, "0", NULL, NULL};
    refused(desk_time_add(&f->d, &zero, &id), RD_INVALID, "minutes:");
    desk_time_input nocase = {"1", "4", "10", NULL, NULL};
    refused(desk_time_add(&f->d, &nocase, &id), RD_NOT_FOUND, "case");
    desk_time_input noclient = {"7", NULL, "10", NULL, NULL};
    refused(desk_time_add(&f->d, &noclient, &id), RD_NOT_FOUND, "client");
}

/* ---------------------------------------------------------------- revisions */

static void revision_beyond_policy_at_included_plus_one(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages"); /* 2 included, 80 EUR each extra */
    json_t *r = NULL;
    desk_revision_input plain = {"1", "tweak", false, false};
    for (int i = 1; i <= 2; i++) {
        ok(desk_revision_add(&f->d, &plain, &r));
        assert_int_equal(desk_ji(r, "number"), i);
        assert_true(json_is_false(json_object_get(r, "beyond_policy")));
        json_decref(r);
    }
    refused(desk_revision_add(&f->d, &plain, &r), RD_CONFLICT, "costs 80.00 EUR");
    desk_revision_input charge = {"1", "third", true, false};
    ok(desk_revision_add(&f->d, &charge, &r));
    assert_int_equal(desk_ji(r, "number"), 3);
    assert_true(json_is_true(json_object_get(r, "beyond_policy")));
    assert_int_equal(desk_ji(r, "price"), 8000);
    json_decref(r);
    desk_revision_input waive = {"1", "fourth", false, true};
    ok(desk_revision_add(&f->d, &waive, &r));
    assert_string_equal(desk_js(r, "charge"), "waive");
    json_decref(r);
    ok(desk_revision_list(&f->d, 1, &r));
    assert_int_equal(desk_ji(r, "used"), 4);
    json_decref(r);
}

static void revision_choice_only_beyond_policy(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    json_t *r = NULL;
    desk_revision_input charge = {"1", NULL, true, false};
    refused(desk_revision_add(&f->d, &charge, &r), RD_INVALID, "included in the price");
    desk_revision_input both = {"1", NULL, true, true};
    refused(desk_revision_add(&f->d, &both, &r), RD_USAGE, "not both");
}

/* ---------------------------------------------------------------- the demand letter */

/* Client 1, an overdue invoice 1; then each prerequisite the flags ask for. */
static void letter_setup(fixture *f, bool terms, bool reminder, bool mediation)
{
    client_and_project(f, terms ? "1000" : NULL, terms ? "five pages" : NULL);
    invoice(f, "A-1", "500", "2026-10-01", "2026-10-15");
    json_t *r = NULL;
    if (reminder) {
        ok(desk_invoice_remind(&f->d, 1, &r));
        json_decref(r);
    }
    if (mediation) {
        int64_t case_id;
        /* a day before today, so the case's cool-off (P2) has passed */
        desk_case_input c = {"1", NULL, "email", "2026-11-24T09:00:00Z", NULL};
        ok(desk_case_open(&f->d, &c, &case_id));
        desk_escalate_input esc = {"mediation", "offered", NULL, NULL, NULL};
        int64_t esc_id;
        ok(desk_escalate(&f->d, case_id, &esc, NULL, &esc_id));
    }
}

/* The prerequisites reported missing, as "contract_terms,reminder". */
static char *missing(fixture *f)
{
    json_t *m = NULL;
    ok(desk_demand_prerequisites(&f->d, 1, &m));
    rd_buf b;
    buf_init(&b, 0);
    size_t i;
    json_t *x;
    json_array_foreach(m, i, x)
    {
        rd_err_free(buf_addf(&b, "%s%s", i ? "," : "", desk_js(x, "prerequisite")));
    }
    json_decref(m);
    return buf_detach(&b);
}

static int64_t log_count(fixture *f)
{
    int64_t n = 0;
    ok(db_int(f->st, &n, "SELECT count(*) FROM log_entries", NULL));
    return n;
}

static void demand_without_contract_terms(void **state)
{
    fixture *f = *state;
    letter_setup(f, false, true, true);
    char *m = missing(f);
    assert_string_equal(m, "contract_terms");
    free(m);
    int64_t before = log_count(f);
    json_t *out = NULL;
    desk_demand_input in = {"1", NULL, NULL, NULL};
    refused(desk_letter_demand(&f->d, &in, &out), RD_CONFLICT, "contract_terms (project 1 has no");
    assert_int_equal(log_count(f), before);
}

static void demand_without_reminder(void **state)
{
    fixture *f = *state;
    letter_setup(f, true, false, true);
    char *m = missing(f);
    assert_string_equal(m, "reminder");
    free(m);
    json_t *out = NULL;
    desk_demand_input in = {"1", NULL, NULL, NULL};
    refused(desk_letter_demand(&f->d, &in, &out), RD_CONFLICT, "reminder (no payment reminder");
}

static void demand_without_mediation(void **state)
{
    fixture *f = *state;
    letter_setup(f, true, true, false);
    char *m = missing(f);
    assert_string_equal(m, "mediation");
    free(m);
    json_t *out = NULL;
    desk_demand_input in = {"1", NULL, NULL, NULL};
    refused(desk_letter_demand(&f->d, &in, &out), RD_CONFLICT, "mediation (mediation was not");
    /* with a reason it goes ahead, and the override is audited */
    desk_demand_input over = {"1", NULL, NULL, "client refuses mediation in writing"};
    ok(desk_letter_demand(&f->d, &over, &out));
    assert_int_equal(json_array_size(json_object_get(out, "overridden")), 1);
    json_decref(out);
    int64_t n = 0;
    ok(db_int(f->st, &n,
              "SELECT count(*) FROM audit_entries WHERE action = 'letter.demand'"
              " AND detail LIKE '%client refuses mediation%'",
              NULL));
    assert_int_equal(n, 1);
}

static void demand_with_everything(void **state)
{
    fixture *f = *state;
    letter_setup(f, true, true, true);
    char *m = missing(f);
    assert_string_equal(m, "");
    free(m);
    int64_t before = log_count(f);
    json_t *out = NULL;
    desk_demand_input in = {"1", "120", "10", NULL};
    ok(desk_letter_demand(&f->d, &in, &out));
    const char *letter = desk_js(out, "letter");
    assert_non_null(strstr(letter, "Invoice A-1"));
    assert_non_null(strstr(letter, "41 days overdue"));
    assert_non_null(strstr(letter, "500.00 EUR in full by 2026-12-05"));
    assert_non_null(strstr(letter, "last resort"));
    assert_non_null(strstr(letter, "Payment reminder: invoice A-1")); /* evidence */
    assert_int_equal(desk_ji(out, "net"), 38000);
    assert_non_null(strstr(desk_js(out, "cost_benefit"), "net 380.00 EUR"));
    json_decref(out);
    assert_int_equal(log_count(f), before + 1);
}

static void demand_needs_overdue_invoice(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    invoice(f, "A-1", "500", "2026-11-20", NULL); /* due 2026-12-04 */
    json_t *out = NULL;
    desk_demand_input in = {"1", NULL, NULL, "anyway"};
    refused(desk_letter_demand(&f->d, &in, &out), RD_CONFLICT, "not overdue");
    desk_demand_input unknown = {"5", NULL, NULL, NULL};
    refused(desk_letter_demand(&f->d, &unknown, &out), RD_NOT_FOUND, "invoice");
}

/* ---------------------------------------------------------------- termination and screening */

static void terminate_refuses_while_open(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    invoice(f, "A-1", "500", "2026-10-01", NULL);
    const char *reasons[] = {"late payment"};
    desk_terminate_input in = {"1", reasons, 1, NULL, NULL};
    json_t *out = NULL;
    refused(desk_terminate_confirm(&f->d, &in, &out), RD_CONFLICT, "2 items are still open");
    int64_t id;
    desk_handover_input p = {"1", "project:1", "files sent to another studio"};
    ok(desk_terminate_handover(&f->d, &p, &id));
    refused(desk_terminate_handover(&f->d, &p, &id), RD_CONFLICT, "not open");
    desk_handover_input nonote = {"1", "invoice:1", " "};
    refused(desk_terminate_handover(&f->d, &nonote, &id), RD_INVALID, "note:");
    desk_handover_input bad = {"1", "invoice:9", "x"};
    refused(desk_terminate_handover(&f->d, &bad, &id), RD_NOT_FOUND, "no invoice 9");
    refused(desk_terminate_confirm(&f->d, &in, &out), RD_CONFLICT, "invoice:1");
    pay(f, 1, "500", "2026-11-01");
    ok(desk_terminate_confirm(&f->d, &in, &out));
    assert_non_null(strstr(desk_js(out, "notice"), "late payment"));
    json_decref(out);
    json_t *c = NULL;
    ok(desk_client_get(&f->d, 1, &c));
    assert_string_equal(desk_js(c, "status"), "terminated");
    json_decref(c);
    refused(desk_terminate_confirm(&f->d, &in, &out), RD_CONFLICT, "already terminated");
}

static void screening_history(void **state)
{
    fixture *f = *state;
    client_and_project(f, "1000", "five pages");
    json_t *h = NULL;
    ok(desk_client_history(&f->d, 1, &h));
    assert_int_equal(json_array_size(h), 0); /* nothing yet */
    json_decref(h);
    int64_t case_id;
    desk_case_input c = {"1", NULL, "email", "2026-11-02", "late again"};
    ok(desk_case_open(&f->d, &c, &case_id));
    invoice(f, "A-1", "500", "2026-10-01", NULL);
    ok(desk_client_history(&f->d, 1, &h));
    assert_int_equal(json_array_size(h), 2);
    assert_string_equal(desk_js(json_array_get(h, 0), "kind"), "complaints");
    assert_string_equal(desk_js(json_array_get(h, 1), "kind"), "late_payments");
    json_decref(h);
    refused(desk_client_history(&f->d, 9, &h), RD_NOT_FOUND, "client");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(due_date_from_payment_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(invoice_input_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(overdue_days, setup, teardown),
        cmocka_unit_test_setup_teardown(payment_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(late_payment_trigger_at_two, setup, teardown),
        cmocka_unit_test_setup_teardown(cost_trigger_at_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(cost_not_weighed_across_currencies, setup, teardown),
        cmocka_unit_test_setup_teardown(abuse_trigger, setup, teardown),
        cmocka_unit_test_setup_teardown(time_input_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(revision_beyond_policy_at_included_plus_one, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(revision_choice_only_beyond_policy, setup, teardown),
        cmocka_unit_test_setup_teardown(demand_without_contract_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(demand_without_reminder, setup, teardown),
        cmocka_unit_test_setup_teardown(demand_without_mediation, setup, teardown),
        cmocka_unit_test_setup_teardown(demand_with_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(demand_needs_overdue_invoice, setup, teardown),
        cmocka_unit_test_setup_teardown(terminate_refuses_while_open, setup, teardown),
        cmocka_unit_test_setup_teardown(screening_history, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
