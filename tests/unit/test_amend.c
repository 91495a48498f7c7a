/* test_amend.c — putting mistakes right without editing history, on a fresh in-memory store per
 * test: one balance for an invoice everywhere (a written-off invoice is owed nowhere), amended
 * project terms, a reversed revision charge, a corrected log entry, commitments in parts and a
 * fix the client proposed as an option. Each refusal leaves the desk as it was. The complaint
 * arrives at 09:30 on 2026-11-20; REDRESS_NOW moves the clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk/desk.h"
#include "store/store.h"

typedef struct fx {
    rd_store *st;
    rd_desk d;
} fx;

static void at(const char *now)
{
    setenv("REDRESS_NOW", now, 1);
}

/* Harbour Lane Bakery (client 1) with the menu boards (project 1, 2,400.00 GBP, two revisions
 * included, 180.00 each beyond) and a complaint about them (case 1). */
static int setup(void **state)
{
    at("2026-11-20T12:00:00Z");
    setenv("TZ", "UTC", 1);
    fx *f = calloc(1, sizeof *f);
    assert_null(store_open(":memory:", &f->st));
    f->d.st = f->st;
    f->d.actor = "tester";
    desk_client_input c = {
        "Harbour Lane Bakery", "orders@harbourlane.example", NULL, NULL, NULL, NULL};
    int64_t id;
    assert_null(desk_config_set(&f->d, "currency", "GBP"));
    assert_null(desk_client_add(&f->d, &c, &id));
    desk_project_input p = {"1",        "Menu boards", "Six boards", "Print files", "2026-10-30",
                            "2,400.00", NULL,          "14",         "2",           "180.00"};
    assert_null(desk_project_add(&f->d, &p, &id));
    desk_case_input k = {"1", "1", "email", "2026-11-20T09:30:00Z", "The prices are wrong."};
    assert_null(desk_case_open(&f->d, &k, &id));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->st);
    free(f);
    return 0;
}

static void expect_err(rd_err *e, rd_code code, const char *part)
{
    assert_non_null(e);
    if (e->code != code || !strstr(e->msg, part)) fail_msg("got %d '%s'", e->code, e->msg);
    rd_err_free(e);
}

/* The store's state digest: any write anywhere changes it. */
static void digest(fx *f, char out[65])
{
    rd_verify_report r;
    assert_null(store_verify(f->st, NULL, &r));
    memcpy(out, r.state, 65);
}

/* Walks case 1 to an offer the client can choose from: concern, acknowledgement, cause, a
 * confirmed restatement, then an offer with opts (n of them); *offer is its id. */
static void to_offer(fx *f, const char *const *opts, int n, int64_t *offer)
{
    int64_t id;
    char *draft = NULL;
    json_t *agreed = NULL, *r = NULL;
    desk_concern_input c = {"Old prices on two boards", "boards 3 and 5", NULL};
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id));
    assert_null(desk_case_acknowledge(&f->d, 1, "I am sorry.", NULL, NULL, &id));
    assert_null(desk_case_cause(&f->d, 1, "quality", NULL, NULL, &agreed));
    json_decref(agreed);
    assert_null(desk_case_want(&f->d, 1, "the boards fixed", "the counter opens", NULL, &draft));
    free(draft);
    assert_null(desk_case_confirm(&f->d, 1, "client", NULL, NULL, &draft));
    free(draft);
    desk_offer_input in = {opts, n, NULL, 0};
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, offer));
    json_decref(r);
}

/* True when some item of today's view has kind and its text contains part. */
static bool today_has(fx *f, const char *kind, const char *part)
{
    json_t *t = NULL, *item;
    size_t i;
    bool found = false;
    assert_null(desk_today_view(&f->d, 50, &t));
    json_array_foreach(json_object_get(t, "items"), i, item)
    {
        found = found || (strcmp(desk_js(item, "kind"), kind) == 0 &&
                          strstr(desk_js(item, "text"), part) != NULL);
    }
    json_decref(t);
    return found;
}

static void test_written_off_invoice_is_owed_nowhere(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    int64_t id, adj;
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_payment_input pay = {"2026-033", "400.00", "2026-10-10"};
    assert_null(desk_invoice_pay(&f->d, &pay, &adj));
    /* before: 2,000.00 owed in client show, today and the report */
    json_t *client = NULL, *report = NULL;
    assert_null(desk_client_get(&f->d, 1, &client));
    assert_int_equal(desk_ji(json_array_get(json_object_get(client, "owed"), 0), "owed"), 200000);
    json_decref(client);
    assert_true(today_has(f, "invoice_overdue", "2026-033"));

    desk_adjust_input credit = {"2026-033", "credit_note", "500", "CN-1", "two boards reprinted"};
    assert_null(desk_invoice_adjust(&f->d, &credit, &adj));
    desk_adjust_input rest = {"2026-033", "write_off", "1,500", NULL, "the bakery closed"};
    assert_null(desk_invoice_adjust(&f->d, &rest, &adj));

    assert_null(desk_client_get(&f->d, 1, &client));
    assert_int_equal(json_array_size(json_object_get(client, "owed")), 0);
    json_decref(client);
    assert_false(today_has(f, "invoice_overdue", "2026-033"));
    assert_null(desk_report(&f->d, "2026-01-01", "2026-12-31", &report));
    assert_int_equal(desk_ji(json_array_get(json_object_get(report, "clients"), 0), "owed"), 0);
    json_decref(report);
    /* nothing is owed, so there is nothing to demand, even with the prerequisites overridden */
    desk_demand_input demand = {"2026-033", NULL, NULL, "testing"};
    json_t *letter = NULL;
    expect_err(desk_letter_demand(&f->d, &demand, &letter), RD_CONFLICT, "2026-033");
    /* and no walk-away trigger counts it as unpaid */
    json_t *triggers = NULL;
    assert_null(desk_walkaway_triggers(&f->d, 1, &triggers));
    size_t i;
    json_t *t;
    json_array_foreach(triggers, i, t)
        assert_string_not_equal(desk_js(t, "trigger"), "late_payments");
    json_decref(triggers);
}

static void test_amendment_keeps_the_original_terms(void **state)
{
    fx *f = *state;
    char before[65];
    json_t *r = NULL, *p = NULL;
    digest(f, before);
    desk_amend_input none = {NULL, NULL, NULL, NULL, "nothing", NULL};
    expect_err(desk_project_amend(&f->d, 1, &none, &r), RD_INVALID, "price: give what changes");
    desk_amend_input noreason = {"2,000", NULL, NULL, NULL, NULL, NULL};
    expect_err(desk_project_amend(&f->d, 1, &noreason, &r), RD_INVALID, "reason");
    desk_amend_input bad = {"2,000", NULL, "many", NULL, "fewer boards", NULL};
    expect_err(desk_project_amend(&f->d, 1, &bad, &r), RD_INVALID, "revisions");
    desk_amend_input same = {"2,400.00", NULL, NULL, NULL, "fewer boards", NULL};
    expect_err(desk_project_amend(&f->d, 1, &same, &r), RD_INVALID, "price");
    char after[65];
    digest(f, after);
    assert_string_equal(before, after); /* every refusal wrote nothing */

    desk_amend_input in = {"2,000", NULL, "3", "150", "two boards dropped", "phone"};
    assert_null(desk_project_amend(&f->d, 1, &in, &r));
    assert_int_equal(json_array_size(json_object_get(r, "amendments")), 3);
    assert_non_null(strstr(desk_js(r, "text"), "2,400.00 GBP, now 2,000.00 GBP"));
    json_decref(r);
    assert_null(desk_project_get(&f->d, 1, &p));
    assert_int_equal(desk_ji(p, "price"), 200000);
    assert_int_equal(desk_ji(p, "revisions"), 3);
    json_t *agreed = json_object_get(p, "agreed");
    assert_int_equal(desk_ji(agreed, "price"), 240000);
    assert_int_equal(desk_ji(agreed, "extra_revision_price"), 18000);
    assert_int_equal(desk_ji(agreed, "revisions"), 2);
    json_decref(p);
    /* logged to the client's log, and visible on the whole case */
    json_t *log = NULL, *k = NULL;
    assert_null(desk_log_list(&f->d, 1, NULL, &log));
    json_t *last = json_array_get(log, json_array_size(log) - 1);
    assert_string_equal(desk_js(last, "channel"), "phone");
    assert_non_null(strstr(desk_js(last, "body"), "two boards dropped"));
    json_decref(log);
    assert_null(desk_case_get(&f->d, 1, &k));
    assert_int_equal(json_array_size(json_object_get(k, "amendments")), 3);
    json_decref(k);
    /* once an amount exists in GBP the currency stays */
    int64_t inv;
    at("2026-11-25T12:00:00Z");
    desk_invoice_input i = {"1", "2026-033", "2,000.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &i, &inv));
    desk_amend_input cur = {NULL, "EUR", NULL, NULL, "moved to Dublin", NULL};
    expect_err(desk_project_amend(&f->d, 1, &cur, &r), RD_CONFLICT, "currency");
}

static void test_revision_charge_reversed(void **state)
{
    fx *f = *state;
    json_t *r = NULL;
    desk_revision_input rev = {"1", "colour change", false, false};
    for (int i = 0; i < 2; i++) {
        assert_null(desk_revision_add(&f->d, &rev, &r));
        json_decref(r);
    }
    desk_revision_input extra = {"1", "third round", true, false};
    assert_null(desk_revision_add(&f->d, &extra, &r));
    int64_t charged = desk_ji(r, "id");
    json_decref(r);
    /* a later amendment does not change what was charged before it */
    desk_amend_input in = {NULL, NULL, NULL, "200", "new rate", NULL};
    assert_null(desk_project_amend(&f->d, 1, &in, &r));
    json_decref(r);
    assert_null(desk_revision_list(&f->d, 1, &r));
    assert_int_equal(desk_ji(r, "charged"), 18000);
    json_decref(r);

    char before[65], after[65];
    digest(f, before);
    expect_err(desk_revision_reverse(&f->d, charged, NULL, &r), RD_INVALID, "reason");
    expect_err(desk_revision_reverse(&f->d, 1, "included", &r), RD_CONFLICT, "not charged");
    expect_err(desk_revision_reverse(&f->d, 99, "none", &r), RD_NOT_FOUND, "revision");
    digest(f, after);
    assert_string_equal(before, after);
    assert_null(desk_revision_reverse(&f->d, charged, "the third round was my mistake", &r));
    assert_int_equal(desk_ji(r, "charged"), 0);
    assert_int_equal(desk_ji(r, "used"), 3); /* still counted */
    json_decref(r);
    expect_err(desk_revision_reverse(&f->d, charged, "again", &r), RD_CONFLICT, "reversed");
}

static void test_log_correction_points_to_the_original(void **state)
{
    fx *f = *state;
    int64_t id;
    char before[65], after[65];
    digest(f, before);
    desk_correct_input empty = {NULL, "", "typo"};
    expect_err(desk_log_correct(&f->d, 1, &empty, &id), RD_INVALID, "text");
    desk_correct_input noreason = {NULL, "The prices on boards 3 and 5 are wrong.", NULL};
    expect_err(desk_log_correct(&f->d, 1, &noreason, &id), RD_INVALID, "reason");
    desk_correct_input in = {NULL, "The prices on boards 3 and 5 are wrong.", "pasted half"};
    expect_err(desk_log_correct(&f->d, 99, &in, &id), RD_NOT_FOUND, "entry");
    digest(f, after);
    assert_string_equal(before, after);
    assert_null(desk_log_correct(&f->d, 1, &in, &id));
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, 1, &k));
    json_t *log = json_object_get(k, "log");
    json_t *orig = json_array_get(log, 0), *fix = json_array_get(log, 1);
    assert_string_equal(desk_js(orig, "body"), "The prices are wrong."); /* never edited */
    assert_int_equal(json_integer_value(json_array_get(json_object_get(orig, "corrected_by"), 0)),
                     id);
    assert_int_equal(desk_ji(fix, "corrects"), 1);
    assert_string_equal(desk_js(fix, "at"), desk_js(orig, "at"));
    json_decref(k);
    rd_verify_report v;
    assert_null(store_verify(f->st, NULL, &v));
}

static void test_commitment_in_parts(void **state)
{
    fx *f = *state;
    int64_t offer, fu;
    const char *opts[] = {"redo:reprint all six boards:2026-11-30"};
    to_offer(f, opts, 1, &offer);
    json_t *made = NULL, *r = NULL;
    assert_null(desk_offer_choose(&f->d, offer, "1", NULL, &made));
    int64_t whole = desk_ji(json_array_get(made, 0), "id");
    json_decref(made);
    char before[65], after[65];
    digest(f, before);
    const char *one[] = {"boards 1-3:2026-11-24"};
    expect_err(desk_commitment_split(&f->d, whole, one, 1, &r), RD_INVALID, "part");
    const char *late[] = {"boards 1-3:2026-11-24", "boards 4-6:2026-12-02"};
    expect_err(desk_commitment_split(&f->d, whole, late, 2, &r), RD_INVALID, "part 2");
    const char *past[] = {"boards 1-3:2026-11-19", "boards 4-6:2026-11-28"};
    expect_err(desk_commitment_split(&f->d, whole, past, 2, &r), RD_INVALID, "part 1");
    const char *nodate[] = {"boards 1-3", "boards 4-6:2026-11-28"};
    expect_err(desk_commitment_split(&f->d, whole, nodate, 2, &r), RD_INVALID, "part 1");
    digest(f, after);
    assert_string_equal(before, after);
    const char *parts[] = {"boards 1-3:2026-11-24", "boards 4-6:2026-11-28"};
    assert_null(desk_commitment_split(&f->d, whole, parts, 2, &r));
    int64_t p1 = desk_ji(json_array_get(json_object_get(r, "parts"), 0), "id");
    int64_t p2 = desk_ji(json_array_get(json_object_get(r, "parts"), 1), "id");
    json_decref(r);
    expect_err(desk_commitment_split(&f->d, whole, parts, 2, &r), RD_CONFLICT, "already");
    /* two days on, the first part is overdue in today and on the case */
    at("2026-11-26T09:00:00Z");
    assert_true(today_has(f, "commitment_overdue", "boards 1-3"));
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, 1, &k));
    assert_int_equal(json_array_size(json_object_get(k, "overdue")), 1);
    json_decref(k);
    expect_err(desk_commitment_done(&f->d, whole, NULL, &fu), RD_CONFLICT, "parts");
    assert_null(desk_commitment_done(&f->d, p1, NULL, &fu));
    assert_int_equal(fu, 0);
    assert_null(desk_commitment_done(&f->d, p2, NULL, &fu));
    assert_true(fu > 0); /* the last part finished the whole, and the follow-up came */
    json_t *c = NULL;
    assert_null(store_commitment_get(f->st, whole, &c));
    assert_non_null(desk_js(c, "done_at"));
    json_decref(c);
}

static void test_client_proposes_their_own_fix(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    int64_t inv, pay, offer;
    desk_invoice_input i = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &i, &inv));
    desk_payment_input p = {"2026-033", "2,400.00", "2026-10-10"};
    assert_null(desk_invoice_pay(&f->d, &p, &pay));
    const char *opts[] = {"redo:reprint boards 3 and 5:2026-11-27",
                          "client_fix:keep the boards, pay for a sticker fix;120:2026-11-28",
                          "client_fix:a mention on our website:2026-12-05"};
    to_offer(f, opts, 3, &offer);
    json_t *o = NULL;
    assert_null(store_offer_get(f->st, offer, &o));
    json_t *fix = json_array_get(json_object_get(o, "options"), 1);
    assert_string_equal(desk_js(fix, "kind"), "client_fix");
    assert_string_equal(desk_js(fix, "proposed_by"), "client");
    assert_int_equal(desk_ji(fix, "amount"), 12000);
    assert_true(
        json_is_null(json_object_get(json_array_get(json_object_get(o, "options"), 2), "amount")));
    json_decref(o);
    /* refused: no words, or more money back than was paid */
    json_t *r = NULL;
    int64_t id;
    const char *blank[] = {"client_fix:  ;100:2026-11-28"};
    desk_offer_input in = {blank, 1, NULL, 1};
    expect_err(desk_offer_make(&f->d, 1, &in, "checking", &r, &id), RD_INVALID, "option 1");
    const char *much[] = {"client_fix:all of it back;3000:2026-11-28"};
    desk_offer_input in2 = {much, 1, NULL, 1};
    expect_err(desk_offer_make(&f->d, 1, &in2, "checking", &r, &id), RD_INVALID, "option 1");
    json_t *made = NULL;
    assert_null(desk_offer_choose(&f->d, offer, "2", NULL, &made));
    assert_non_null(strstr(desk_js(json_array_get(made, 0), "text"), "Your own proposal"));
    json_decref(made);
    json_t *refunds = NULL;
    assert_null(desk_refund_list(&f->d, 1, NULL, &refunds));
    assert_int_equal(desk_ji(json_array_get(refunds, 0), "amount"), 12000);
    json_decref(refunds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_written_off_invoice_is_owed_nowhere, setup, teardown),
        cmocka_unit_test_setup_teardown(test_amendment_keeps_the_original_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_revision_charge_reversed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_log_correction_points_to_the_original, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_commitment_in_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_client_proposes_their_own_fix, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
