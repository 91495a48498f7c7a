/* test_playbook.c — unit tests of the playbook in src/desk on a fresh in-memory store each:
 * every stage guard and its override, each escalation trigger exactly on its threshold and not
 * one below, the money arithmetic of offers (percent, rounding, currencies never mixed) and the
 * date rules, with REDRESS_NOW fixing today at 2026-11-20. */
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

static int setup(void **state)
{
    setenv("REDRESS_NOW", "2026-11-20T10:00:00Z", 1);
    setenv("TZ", "UTC", 1);
    fx *f = calloc(1, sizeof *f);
    assert_null(store_open(":memory:", &f->st));
    f->d.st = f->st;
    f->d.actor = "tester";
    desk_client_input c = {"Harbour Lane Bakery", NULL, NULL, NULL, NULL, NULL};
    int64_t id;
    assert_null(desk_client_add(&f->d, &c, &id));
    desk_project_input p = {"1",        "Menu boards", "Six boards", "Print files", "2026-10-30",
                            "2,400.00", "GBP",         "14",         "2",           "180.00"};
    assert_null(desk_project_add(&f->d, &p, &id));
    desk_case_input k = {"1", "1", "email", "2026-11-02T08:12:00Z", "The prices are wrong."};
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

/* Asserts e is an error of code whose message contains part, and frees it. */
static void expect_err(rd_err *e, rd_code code, const char *part)
{
    assert_non_null(e);
    if (e->code != code || !strstr(e->msg, part)) fail_msg("got %d '%s'", e->code, e->msg);
    rd_err_free(e);
}

static const char *stage(fx *f)
{
    static char buf[32];
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, 1, &k));
    snprintf(buf, sizeof buf, "%s", json_string_value(json_object_get(k, "stage")));
    json_decref(k);
    return buf;
}

/* Walks case 1 up to a confirmed restatement. */
static void to_confirmed(fx *f)
{
    int64_t id;
    char *draft = NULL;
    json_t *agreed = NULL;
    desk_concern_input c = {"Old prices on two boards", "boards 3 and 5", NULL};
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id));
    assert_null(desk_case_acknowledge(&f->d, 1, "I am sorry.", NULL, NULL, &id));
    assert_null(desk_case_cause(&f->d, 1, "quality", NULL, NULL, &agreed));
    json_decref(agreed);
    assert_null(desk_case_want(&f->d, 1, "the boards fixed", "the counter opens", NULL, &draft));
    free(draft);
    assert_null(desk_case_confirm(&f->d, 1, "client", NULL, NULL, &draft));
    assert_null(draft);
    assert_string_equal(stage(f), "want_confirmed");
}

static rd_err *offer(fx *f, const char *opt, const char *charge, int64_t *id)
{
    const char *opts[] = {opt};
    desk_offer_input in = {opts, 1, charge, 0};
    json_t *report = NULL;
    rd_err *e = desk_offer_make(&f->d, 1, &in, NULL, &report, id);
    json_decref(report);
    return e;
}

static bool has_trigger(fx *f, const char *name)
{
    json_t *t = NULL;
    assert_null(desk_case_triggers(&f->d, 1, &t));
    bool found = false;
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v)
    {
        if (strcmp(json_string_value(json_object_get(v, "trigger")), name) == 0) found = true;
    }
    json_decref(t);
    return found;
}

/* ---------------------------------------------------------------- money and dates */

static void test_percent_rounds_half_away_from_zero(void **state)
{
    (void)state;
    assert_int_equal(desk_percent_of(1050, 500), 53);   /* 52.5 -> 53 */
    assert_int_equal(desk_percent_of(1049, 500), 52);   /* 52.45 -> 52 */
    assert_int_equal(desk_percent_of(-1050, 500), -53); /* away from zero */
    assert_int_equal(desk_percent_of(10000, 3333), 3333);
    assert_int_equal(desk_percent_of(240000, 1000), 24000);
    assert_int_equal(desk_percent_of(1, 5000), 1); /* half a cent rounds up */
    assert_int_equal(desk_percent_of(1, 4999), 0);
    assert_int_equal(desk_percent_of(RD_MONEY_MAX, 10000), RD_MONEY_MAX);
}

static void test_amount_parse(void **state)
{
    (void)state;
    int64_t m, bp;
    assert_null(desk_amount_parse("x", "200.00", "GBP", &m, &bp));
    assert_int_equal(m, 20000);
    assert_int_equal(bp, -1);
    assert_null(desk_amount_parse("x", "200.5 GBP", "GBP", &m, &bp));
    assert_int_equal(m, 20050);
    assert_null(desk_amount_parse("x", "GBP 1,200", "GBP", &m, &bp));
    assert_int_equal(m, 120000);
    assert_null(desk_amount_parse("x", "100", "JPY", &m, &bp));
    assert_int_equal(m, 100);
    assert_null(desk_amount_parse("x", "15%", "GBP", &m, &bp));
    assert_int_equal(bp, 1500);
    assert_int_equal(m, -1);
    assert_null(desk_amount_parse("x", "12.5%", "GBP", &m, &bp));
    assert_int_equal(bp, 1250);
    assert_null(desk_amount_parse("x", "0.01%", "GBP", &m, &bp));
    assert_int_equal(bp, 1);
    assert_null(desk_amount_parse("x", "100%", "GBP", &m, &bp));
    assert_int_equal(bp, 10000);
    expect_err(desk_amount_parse("x", "100.01%", "GBP", &m, &bp), RD_INVALID, "percent");
    expect_err(desk_amount_parse("x", "0%", "GBP", &m, &bp), RD_INVALID, "percent");
    expect_err(desk_amount_parse("x", "1.234%", "GBP", &m, &bp), RD_INVALID, "percent");
    expect_err(desk_amount_parse("x", "200 EUR", "GBP", &m, &bp), RD_INVALID, "never mixed");
    expect_err(desk_amount_parse("x", "USD 5", "GBP", &m, &bp), RD_INVALID, "never mixed");
    expect_err(desk_amount_parse("x", "12.345", "GBP", &m, &bp), RD_INVALID, "x:");
    expect_err(desk_amount_parse("x", "1.5", "JPY", &m, &bp), RD_INVALID, "x:");
    expect_err(desk_amount_parse("x", "0", "GBP", &m, &bp), RD_INVALID, "more than zero");
    expect_err(desk_amount_parse("x", "-5", "GBP", &m, &bp), RD_INVALID, "x:");
    expect_err(desk_amount_parse("x", "", "GBP", &m, &bp), RD_INVALID, "required");
}

static void test_due_dates(void **state)
{
    (void)state;
    assert_null(desk_due_check("due", "2026-11-20")); /* today is fine */
    assert_null(desk_due_check("due", "2027-01-01"));
    expect_err(desk_due_check("due", "2026-11-19"), RD_INVALID, "in the past");
    expect_err(desk_due_check("due", "2026-02-30"), RD_INVALID, "due:");
    expect_err(desk_due_check("due", "soon"), RD_INVALID, "due:");
    expect_err(desk_due_check("due", NULL), RD_INVALID, "required");
}

/* ---------------------------------------------------------------- guards */

static void test_path_guards_in_order(void **state)
{
    fx *f = *state;
    int64_t id;
    char *draft = NULL;
    json_t *agreed = NULL;
    assert_string_equal(stage(f), "intake");
    expect_err(desk_case_acknowledge(&f->d, 1, NULL, NULL, NULL, &id), RD_CONFLICT,
               "record at least one of the client's concerns");
    expect_err(desk_case_cause(&f->d, 1, "quality", NULL, NULL, &agreed), RD_CONFLICT,
               "acknowledge the complaint first");
    expect_err(desk_case_want(&f->d, 1, "a", "b", NULL, &draft), RD_CONFLICT,
               "identify the real problem first");
    expect_err(desk_case_confirm(&f->d, 1, NULL, NULL, NULL, &draft), RD_CONFLICT,
               "draft the restatement first");
    desk_concern_input c = {"Old prices", NULL, NULL};
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id));
    assert_string_equal(stage(f), "listening");
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id)); /* listening repeats */
    assert_string_equal(stage(f), "listening");
    assert_null(desk_case_acknowledge(&f->d, 1, NULL, NULL, NULL, &id));
    assert_string_equal(stage(f), "acknowledged");
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id)); /* a late concern is fine */
    assert_string_equal(stage(f), "acknowledged");
    assert_null(desk_case_cause(&f->d, 1, "scope", NULL, NULL, &agreed));
    assert_true(json_is_true(json_object_get(agreed, "expectation_set")));
    json_decref(agreed);
    assert_string_equal(stage(f), "problem_identified");
    expect_err(desk_case_confirm(&f->d, 1, NULL, NULL, NULL, &draft), RD_CONFLICT, "want:");
    assert_null(desk_case_want(&f->d, 1, "X", "Y", NULL, &draft));
    assert_non_null(strstr(draft, "You want X so that Y"));
    assert_non_null(strstr(draft, "Old prices"));
    free(draft);
    /* a correction replaces the want and needs confirming again */
    assert_null(desk_case_confirm(&f->d, 1, "client", "Z", NULL, &draft));
    assert_non_null(strstr(draft, "You want Z so that Y"));
    free(draft);
    assert_string_equal(stage(f), "problem_identified");
    assert_null(desk_case_confirm(&f->d, 1, "user", NULL, NULL, &draft));
    assert_string_equal(stage(f), "want_confirmed");
    expect_err(desk_concern_add(&f->d, 1, &c, NULL, &id), RD_CONFLICT, "stage:");
}

static void test_no_offer_before_confirmation_unless_override(void **state)
{
    fx *f = *state;
    int64_t id;
    expect_err(offer(f, "redo:reprint:2026-11-25", NULL, &id), RD_CONFLICT,
               "confirm the restatement before any offer");
    const char *opts[] = {"redo:reprint:2026-11-25"};
    desk_offer_input in = {opts, 1, NULL, 0};
    json_t *report = NULL, *audit = NULL;
    expect_err(desk_offer_make(&f->d, 1, &in, "  ", &report, &id), RD_INVALID, "override:");
    assert_null(desk_offer_make(&f->d, 1, &in, "agreed on the call", &report, &id));
    json_decref(report);
    assert_string_equal(stage(f), "offer_made");
    assert_null(store_audit_list(f->st, 1, &audit));
    const char *detail = json_string_value(json_object_get(json_array_get(audit, 0), "detail"));
    assert_non_null(strstr(detail, "agreed on the call"));
    assert_non_null(strstr(detail, "overrode"));
    json_decref(audit);
}

static void test_no_close_without_lesson(void **state)
{
    fx *f = *state;
    int64_t id;
    desk_close_input none = {NULL, NULL, NULL}, half = {"x", NULL, NULL},
                     full = {"no proof check", "printed proofs", "yes"};
    expect_err(desk_case_close(&f->d, 1, &none, NULL, &id), RD_CONFLICT, "needs a lesson");
    expect_err(desk_case_close(&f->d, 1, &half, NULL, &id), RD_INVALID, "change:");
    expect_err(desk_case_close(&f->d, 1, &full, NULL, &id), RD_CONFLICT, "follow through first");
    assert_null(desk_case_close(&f->d, 1, &none, "client withdrew", &id));
    assert_int_equal(id, 0);
    assert_string_equal(stage(f), "closed");
    expect_err(desk_case_flag(&f->d, 1, &(desk_flag_input){"1", NULL, NULL, NULL, NULL, NULL}),
               RD_CONFLICT, "no longer open");
}

static void test_follow_through_schedules_followup(void **state)
{
    fx *f = *state;
    int64_t id, fu;
    json_t *made = NULL, *list = NULL;
    assert_null(desk_config_set(&f->d, "followup_days", "5"));
    to_confirmed(f);
    assert_null(offer(f, "redo:reprint:2026-11-25", NULL, &id));
    expect_err(desk_offer_choose(&f->d, id, "2", NULL, &made), RD_INVALID, "no option 2");
    assert_null(desk_offer_choose(&f->d, id, "1", NULL, &made));
    json_decref(made);
    assert_string_equal(stage(f), "agreed");
    expect_err(desk_followup_done(&f->d, 1, "fine", NULL), RD_NOT_FOUND, "follow-up");
    assert_null(desk_commitment_done(&f->d, 1, NULL, &fu));
    assert_int_equal(fu, 1);
    assert_string_equal(stage(f), "follow_up");
    assert_null(desk_followup_list(&f->d, 0, NULL, &list));
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "due_on")),
                        "2026-11-25");
    json_decref(list);
    assert_null(desk_followup_list(&f->d, 1, NULL, &list)); /* not due yet */
    assert_int_equal(json_array_size(list), 0);
    json_decref(list);
    /* refused in words, with the step to take first by its action name and the case it is on */
    rd_err *fe = desk_feedback_record(&f->d, 1, "5", NULL, NULL, &id);
    assert_non_null(fe);
    assert_string_equal(fe->action, "followup.done");
    assert_int_equal(fe->action_case, 1);
    assert_true(fe->overridable);
    json_t *next = desk_err_action(fe);
    assert_string_equal(desk_js(next, "action"), "followup.done");
    assert_int_equal(desk_ji(next, "case"), 1);
    json_decref(next);
    expect_err(fe, RD_CONFLICT, "hold the follow-up first");
    assert_null(desk_followup_done(&f->d, 1, "happy", NULL));
    expect_err(desk_feedback_record(&f->d, 1, "6", NULL, NULL, &id), RD_INVALID, "score");
    assert_null(desk_feedback_record(&f->d, 1, "5", "great", NULL, &id));
    desk_close_input in = {"no proof check", "printed proofs", NULL};
    assert_null(desk_case_close(&f->d, 1, &in, NULL, &id));
    assert_null(desk_lesson_list(&f->d, 1, NULL, &list));
    assert_int_equal(json_array_size(list), 1);
    json_decref(list);
    assert_null(desk_lesson_done(&f->d, id));
    expect_err(desk_lesson_done(&f->d, id), RD_CONFLICT, "already made");
}

static void test_paused_case_refuses_until_resumed(void **state)
{
    fx *f = *state;
    int64_t id;
    desk_concern_input c = {"x", NULL, NULL};
    expect_err(desk_case_resume(&f->d, 1), RD_CONFLICT, "not paused");
    assert_null(desk_case_pause(&f->d, 1, "abusive call"));
    expect_err(desk_case_pause(&f->d, 1, "again"), RD_CONFLICT, "already paused");
    expect_err(desk_concern_add(&f->d, 1, &c, NULL, &id), RD_CONFLICT, "resume it first");
    assert_null(desk_case_resume(&f->d, 1));
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id));
}

/* ---------------------------------------------------------------- offers */

static void test_refund_needs_payment_and_revisions_need_a_choice(void **state)
{
    fx *f = *state;
    int64_t id;
    to_confirmed(f);
    /* nothing was paid on the project, so no refund is feasible */
    expect_err(offer(f, "partial_refund:0.01:2026-12-01", NULL, &id), RD_INVALID, "exceeds");
    expect_err(offer(f, "full_refund::2026-12-01", NULL, &id), RD_INVALID, "nothing was paid");
    expect_err(offer(f, "partial_refund:10:2026-11-19", NULL, &id), RD_INVALID, "in the past");
    expect_err(offer(f, "discount:10 EUR:2026-12-01", NULL, &id), RD_INVALID, "never mixed");
    /* two revisions are included: the second is free, the third costs 180.00 GBP */
    assert_null(offer(f, "revision:2:2026-12-01", NULL, &id));
    assert_null(desk_offer_reject(&f->d, id, NULL, NULL));
    expect_err(offer(f, "revision:3:2026-12-01", NULL, &id), RD_INVALID, "180.00 GBP");
    const char *opts[] = {"revision:3:2026-12-01", "discount:10%:2026-12-01"};
    desk_offer_input in = {opts, 2, "charge", 1};
    json_t *r = NULL;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &id));
    assert_int_equal(id, 0); /* dry run */
    json_t *o1 = json_array_get(json_object_get(r, "options"), 0);
    json_t *o2 = json_array_get(json_object_get(r, "options"), 1);
    assert_int_equal(json_integer_value(json_object_get(o1, "extras_price")), 18000);
    /* the margin is the cash received (nothing yet), not the price (P8) */
    assert_int_equal(json_integer_value(json_object_get(o1, "margin_after")), 18000);
    assert_int_equal(json_integer_value(json_object_get(o2, "amount")), 24000);
    assert_int_equal(json_integer_value(json_object_get(o2, "margin_after")), -24000);
    json_decref(r);
}

static void test_meet_halfway_and_ask_currency(void **state)
{
    fx *f = *state;
    int64_t id;
    to_confirmed(f);
    assert_null(offer(f, "discount:300:2026-12-01", NULL, &id));
    expect_err(desk_offer_reject(&f->d, id, "5 USD", NULL), RD_INVALID, "never mixed");
    expect_err(desk_offer_reject(&f->d, id, "10%", NULL), RD_INVALID, "not a percent");
    assert_null(desk_offer_reject(&f->d, id, "600.01", NULL));
    const char *opts[] = {"redo:x:2026-12-01"};
    desk_offer_input in = {opts, 1, NULL, 1};
    json_t *r = NULL;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &id));
    /* (300.00 + 600.01) / 2 = 450.005 -> 450.01 */
    assert_int_equal(json_integer_value(json_object_get(json_object_get(r, "halfway"), "halfway")),
                     45001);
    json_decref(r);
}

/* ---------------------------------------------------------------- triggers */

static void test_trigger_rejected_offers_while_hostile(void **state)
{
    fx *f = *state;
    int64_t id;
    to_confirmed(f);
    assert_null(desk_case_flag(&f->d, 1, &(desk_flag_input){"2", NULL, NULL, NULL, NULL, NULL}));
    assert_null(offer(f, "redo:x:2026-12-01", NULL, &id));
    assert_null(desk_offer_reject(&f->d, id, NULL, NULL));
    assert_false(has_trigger(f, "rejected_offers_hostile")); /* one rejection */
    assert_null(offer(f, "redo:y:2026-12-01", NULL, &id));
    assert_null(desk_offer_reject(&f->d, id, NULL, NULL));
    assert_true(has_trigger(f, "rejected_offers_hostile")); /* two, hostility 2 */
    assert_null(desk_case_flag(&f->d, 1, &(desk_flag_input){"1", NULL, NULL, NULL, NULL, NULL}));
    assert_false(has_trigger(f, "rejected_offers_hostile")); /* hostility one below */
}

static void test_trigger_money_at_risk(void **state)
{
    fx *f = *state;
    int64_t id;
    to_confirmed(f);
    /* the threshold is in the user's own currency; the case is in GBP */
    assert_false(has_trigger(f, "money_at_risk"));
    assert_null(desk_config_set(&f->d, "currency", "GBP"));
    assert_null(offer(f, "redo:x:2026-12-01", NULL, &id));
    assert_null(desk_offer_reject(&f->d, id, "1000.00", NULL)); /* exactly the threshold */
    assert_false(has_trigger(f, "money_at_risk"));
    assert_null(offer(f, "redo:y:2026-12-01", NULL, &id));
    assert_null(desk_offer_reject(&f->d, id, "1000.01", NULL)); /* one cent above */
    assert_true(has_trigger(f, "money_at_risk"));
    assert_null(desk_config_set(&f->d, "risk_threshold", "1000.01"));
    assert_false(has_trigger(f, "money_at_risk"));
    /* another own currency: no comparison, said so instead of a threshold in GBP */
    assert_null(desk_config_set(&f->d, "currency", "EUR"));
    assert_false(has_trigger(f, "money_at_risk"));
    assert_true(has_trigger(f, "money_at_risk_unconverted"));
}

/* The ask is part of the unpaid balance, not added to it: 3,250 unpaid and 1,250 asked put
 * 3,250 at risk. */
static void test_money_at_risk_is_not_a_sum(void **state)
{
    fx *f = *state;
    int64_t id;
    assert_null(desk_config_set(&f->d, "currency", "GBP"));
    assert_null(desk_config_set(&f->d, "risk_threshold", "3250"));
    desk_invoice_input inv = {"1", "2026-033", "3,250.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    to_confirmed(f);
    assert_null(offer(f, "redo:x:2026-12-01", NULL, &id));
    assert_null(desk_offer_reject(&f->d, id, "1250", NULL));
    assert_false(has_trigger(f, "money_at_risk")); /* 3,250 is not above 3,250 */
    assert_null(desk_config_set(&f->d, "risk_threshold", "3249.99"));
    json_t *t = NULL;
    assert_null(desk_case_triggers(&f->d, 1, &t));
    json_t *facts = json_object_get(json_array_get(t, 0), "facts");
    assert_int_equal(desk_ji(facts, "at_risk"), 325000);
    json_decref(t);
}

static void test_trigger_flags(void **state)
{
    fx *f = *state;
    assert_false(has_trigger(f, "legal_threat"));
    assert_false(has_trigger(f, "review_threat"));
    assert_false(has_trigger(f, "abuse"));
    desk_flag_input in = {NULL, "yes", "yes", "yes", NULL, NULL};
    assert_null(desk_case_flag(&f->d, 1, &in));
    assert_true(has_trigger(f, "legal_threat"));
    assert_true(has_trigger(f, "review_threat"));
    assert_true(has_trigger(f, "abuse"));
    desk_flag_input off = {NULL, "no", "no", "no", NULL, NULL};
    assert_null(desk_case_flag(&f->d, 1, &off));
    assert_false(has_trigger(f, "legal_threat"));
    expect_err(desk_case_flag(&f->d, 1, &(desk_flag_input){"4", NULL, NULL, NULL, NULL, NULL}),
               RD_INVALID, "hostility");
}

static void test_next_gives_advice_at_every_stage(void **state)
{
    fx *f = *state;
    json_t *n = NULL;
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_true(json_array_size(json_object_get(n, "questions")) > 0);
    assert_true(json_is_null(json_object_get(n, "call_instead")));
    json_decref(n);
    assert_null(desk_case_flag(&f->d, 1, &(desk_flag_input){"2", NULL, NULL, NULL, NULL, NULL}));
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_true(json_is_object(json_object_get(n, "call_instead")));
    json_decref(n);
    to_confirmed(f);
    assert_null(desk_case_next(&f->d, 1, &n));
    json_t *a = json_array_get(json_object_get(n, "actions"), 0);
    assert_string_equal(desk_js(a, "action"), "offer.make");
    assert_int_equal(desk_ji(a, "case"), 1);
    assert_int_equal(json_array_size(json_object_get(n, "questions")), 0);
    json_decref(n);
    expect_err(desk_case_next(&f->d, 9, &n), RD_NOT_FOUND, "case");
}

static void test_escalation_returns_case(void **state)
{
    fx *f = *state;
    int64_t id;
    desk_escalate_input bad = {"court", "x", NULL, NULL, NULL},
                        in = {"mediation", "legal threat", "Ann", "2026-12-03", NULL};
    expect_err(desk_escalate(&f->d, 1, &bad, NULL, &id), RD_INVALID, "level");
    assert_null(desk_escalate(&f->d, 1, &in, NULL, &id));
    assert_string_equal(stage(f), "escalated");
    assert_null(desk_escalation_outcome(&f->d, id, "settled", NULL));
    assert_string_equal(stage(f), "intake");
    expect_err(desk_escalation_outcome(&f->d, id, "again", NULL), RD_CONFLICT, "already");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percent_rounds_half_away_from_zero),
        cmocka_unit_test(test_amount_parse),
        cmocka_unit_test(test_due_dates),
        cmocka_unit_test_setup_teardown(test_path_guards_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_offer_before_confirmation_unless_override, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_no_close_without_lesson, setup, teardown),
        cmocka_unit_test_setup_teardown(test_follow_through_schedules_followup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paused_case_refuses_until_resumed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refund_needs_payment_and_revisions_need_a_choice,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_meet_halfway_and_ask_currency, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trigger_rejected_offers_while_hostile, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_trigger_money_at_risk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_money_at_risk_is_not_a_sum, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trigger_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_gives_advice_at_every_stage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escalation_returns_case, setup, teardown),
    };
    setenv("REDRESS_NOW", "2026-11-20T10:00:00Z", 1);
    setenv("TZ", "UTC", 1);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
