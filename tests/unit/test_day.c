/* test_day.c — the playbook's rules at every step and the day-to-day side, on a fresh in-memory
 * store per test: the cool-off (P2) and the pause (P14) holding everything that goes out, abuse
 * leading to a pause and never to a call, triggers (P12) that fire on what really happened,
 * the margin (P8) of one project's cash, the actions of `case next` with real ids, `today`,
 * invoices named by number, and every text redress writes passing its own tone check. The
 * complaint arrives at 09:30 on 2026-11-20; REDRESS_NOW moves the clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyze/analyze.h"
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

static int setup(void **state)
{
    at("2026-11-20T10:00:00Z"); /* half an hour into the default 60-minute cool-off */
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

/* Asserts redress's own tone check finds nothing to warn about in text. */
static void passes_check(const char *text)
{
    tone_result r;
    assert_non_null(text);
    assert_null(tone_check("text", text, strlen(text), &r));
    if (r.errors || r.warnings)
        fail_msg("%d errors, %d warnings in:\n%s", r.errors, r.warnings, text);
}

/* Counts audit entries whose detail contains part. */
static int audited(fx *f, const char *part)
{
    json_t *rows = NULL;
    assert_null(store_audit_list(f->st, 0, &rows));
    int n = 0;
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r) if (desk_js(r, "detail") && strstr(desk_js(r, "detail"), part))
        n++;
    json_decref(rows);
    return n;
}

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
}

static void test_cool_off_holds_every_outgoing_step(void **state)
{
    fx *f = *state;
    int64_t id;
    char *draft = NULL;
    json_t *agreed = NULL, *r = NULL;
    desk_concern_input c = {"Old prices", NULL, NULL};
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id)); /* listening sends nothing */
    expect_err(desk_case_acknowledge(&f->d, 1, "I am sorry.", NULL, NULL, &id), RD_CONFLICT,
               "cooling off until 2026-11-20 10:30");
    assert_null(desk_case_acknowledge(&f->d, 1, "I am sorry.", "phone", "they called me", &id));
    assert_int_equal(audited(f, "cooling off"), 1);
    assert_null(desk_case_cause(&f->d, 1, "quality", NULL, NULL, &agreed));
    json_decref(agreed);
    expect_err(desk_case_want(&f->d, 1, "boards fixed", "counter opens", NULL, &draft), RD_CONFLICT,
               "the restatement waits");
    at("2026-11-20T10:30:00Z"); /* the window has passed */
    assert_null(desk_case_want(&f->d, 1, "boards fixed", "counter opens", NULL, &draft));
    free(draft);
    assert_null(desk_case_confirm(&f->d, 1, "client", NULL, NULL, &draft));
    assert_null(desk_config_set(&f->d, "cool_off_minutes", "120"));
    const char *opts[] = {"redo:reprint:2026-11-27"};
    desk_offer_input dry = {opts, 1, NULL, 1}, real = {opts, 1, NULL, 0};
    assert_null(desk_offer_make(&f->d, 1, &dry, NULL, &r, &id)); /* a preview goes nowhere */
    json_decref(r);
    expect_err(desk_offer_make(&f->d, 1, &real, NULL, &r, &id), RD_CONFLICT, "the offer waits");
}

static void test_paused_case_sends_nothing(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t id, log_id;
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_draft_input dr = {"1", "I am sorry about the boards.", NULL, NULL};
    assert_null(desk_draft_new(&f->d, &dr, &id));
    desk_pause_input bad = {"abusive call", "2026-11-19", NULL, NULL};
    expect_err(desk_case_pause_with(&f->d, 1, &bad, &log_id), RD_INVALID, "until");
    desk_pause_input p = {"abusive call", "2026-11-27", NULL, NULL};
    assert_null(desk_case_pause_with(&f->d, 1, &p, &log_id));
    assert_int_equal(log_id, 0);
    at("2026-11-21T12:00:00Z"); /* the draft's hold is long over */
    expect_err(desk_draft_release(&f->d, 1, NULL, &log_id), RD_CONFLICT, "paused");
    json_t *r = NULL;
    expect_err(desk_invoice_remind(&f->d, 1, &r), RD_CONFLICT, "paused");
    desk_remind_input preview = {true, NULL, NULL};
    assert_null(desk_invoice_remind_with(&f->d, 1, &preview, &r));
    assert_int_equal(desk_ji(r, "log_id"), 0);
    json_decref(r);
    json_t *n = NULL;
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_string_equal(desk_js(n, "pause_until"), "2026-11-27");
    assert_string_equal(desk_js(json_array_get(json_object_get(n, "actions"), 0), "action"),
                        "case.resume");
    json_decref(n);
    assert_null(desk_case_resume(&f->d, 1));
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_true(json_is_null(json_object_get(n, "pause_until")));
    json_decref(n);
    assert_null(desk_draft_release(&f->d, 1, NULL, &log_id));
}

static void test_abuse_leads_to_pause_not_a_call(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    assert_null(desk_case_flag(&f->d, 1, &(desk_flag_input){"3", "yes", NULL, NULL, NULL, NULL}));
    json_t *n = NULL;
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_string_equal(desk_js(json_array_get(json_object_get(n, "actions"), 0), "action"),
                        "case.pause");
    assert_true(json_is_null(json_object_get(n, "call_instead")));
    assert_int_equal(json_array_size(json_object_get(n, "questions")), 0);
    passes_check(desk_js(n, "boundary_message")); /* the boundary message template */
    desk_pause_input p = {"abuse", NULL, desk_js(n, "boundary_message"), NULL};
    int64_t log_id;
    assert_null(desk_case_pause_with(&f->d, 1, &p, &log_id));
    assert_true(log_id > 0);
    json_decref(n);
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_true(json_is_null(json_object_get(n, "call_instead")));
    json_decref(n);
    /* hostility alone (no abuse) still suggests the call, with an action to schedule it */
    assert_null(desk_case_resume(&f->d, 1));
    assert_null(desk_case_flag(&f->d, 1, &(desk_flag_input){NULL, "no", NULL, NULL, NULL, NULL}));
    assert_null(desk_case_next(&f->d, 1, &n));
    json_t *call = json_object_get(n, "call_instead");
    assert_string_equal(desk_js(json_object_get(call, "action"), "action"), "followup.add");
    json_decref(n);
}

static void test_closed_case_next_is_quiet(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    assert_null(desk_case_flag(&f->d, 1, &(desk_flag_input){"3", NULL, "yes", NULL, NULL, NULL}));
    desk_close_input in = {NULL, NULL, NULL};
    int64_t lesson;
    assert_null(desk_case_close(&f->d, 1, &in, "settled on the phone", &lesson));
    json_t *n = NULL;
    assert_null(desk_case_next(&f->d, 1, &n));
    assert_int_equal(json_array_size(json_object_get(n, "triggers")), 0);
    assert_true(json_is_null(json_object_get(n, "suggested_root_cause")));
    assert_true(json_is_null(json_object_get(n, "call_instead")));
    json_decref(n);
}

static bool has_trigger(fx *f, int64_t case_id, const char *name)
{
    json_t *t = NULL;
    assert_null(desk_case_triggers(&f->d, case_id, &t));
    bool found = false;
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) found = found || strcmp(desk_js(v, "trigger"), name) == 0;
    json_decref(t);
    return found;
}

static void test_review_channel_fires_review_trigger(void **state)
{
    fx *f = *state;
    int64_t id;
    assert_false(has_trigger(f, 1, "public_review"));
    desk_case_input k = {"1", "1", "review", "2026-11-20T09:00:00Z", "Two stars. Slow."};
    assert_null(desk_case_open(&f->d, &k, &id));
    assert_true(has_trigger(f, id, "public_review"));
    desk_log_input l = {"1", "1", "in", "review", "2026-11-20T09:45:00Z", NULL, "One star."};
    assert_null(desk_log_add(&f->d, &l, &id));
    assert_true(has_trigger(f, 1, "public_review"));
}

static void test_margin_is_this_projects_cash(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t id, other;
    desk_project_input p = {"1", "Logo", NULL, NULL, NULL, "500.00", NULL, NULL, NULL, NULL};
    assert_null(desk_project_add(&f->d, &p, &other));
    desk_case_input k = {"1", "2", "email", "2026-11-19T09:00:00Z", "The logo is late."};
    assert_null(desk_case_open(&f->d, &k, &other));
    desk_time_input t = {"1", "2", "120", "calls about the logo", NULL};
    assert_null(desk_time_add(&f->d, &t, &id)); /* on the other project's case */
    desk_invoice_input inv = {"1", "HLB-1", "2,400.00", "2026-10-01", NULL};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_payment_input pay = {"HLB-1", "1,000.00", "2026-10-20"}; /* named by its number */
    assert_null(desk_invoice_pay(&f->d, &pay, &id));
    to_confirmed(f);
    const char *opts[] = {"partial_refund:100:2026-12-01"};
    desk_offer_input in = {opts, 1, NULL, 1};
    json_t *r = NULL;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &id));
    json_t *m = json_object_get(r, "margin");
    assert_int_equal(desk_ji(m, "before"), 100000); /* 1,000 received, no time on this project */
    assert_int_equal(desk_ji(m, "time_cost"), 0);
    json_decref(r);
}

static void test_project_currency_defaults_to_config(void **state)
{
    fx *f = *state;
    json_t *p = NULL;
    assert_null(desk_project_get(&f->d, 1, &p));
    assert_string_equal(desk_js(p, "currency"), "GBP");
    json_decref(p);
}

static void test_next_actions_carry_real_ids(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t offer_id, id;
    to_confirmed(f);
    const char *opts[] = {"redo:reprint:2026-11-27"};
    desk_offer_input in = {opts, 1, NULL, 0};
    json_t *r = NULL, *n = NULL;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &offer_id));
    json_decref(r);
    assert_null(desk_case_next(&f->d, 1, &n));
    json_t *a = json_array_get(json_object_get(n, "actions"), 0);
    assert_string_equal(desk_js(a, "action"), "offer.choose");
    assert_int_equal(desk_ji(json_object_get(a, "params"), "offer"), offer_id);
    assert_string_equal(desk_js(json_array_get(json_object_get(a, "inputs"), 0), "name"), "option");
    json_decref(n);
    assert_null(desk_offer_choose(&f->d, offer_id, "1", NULL, NULL));
    assert_null(desk_case_next(&f->d, 1, &n));
    a = json_array_get(json_object_get(n, "actions"), 0);
    assert_string_equal(desk_js(a, "action"), "commitment.done");
    id = desk_ji(json_object_get(a, "params"), "commitment");
    assert_true(id > 0);
    json_decref(n);
    int64_t fu;
    assert_null(desk_commitment_done(&f->d, id, NULL, &fu));
    assert_null(desk_case_next(&f->d, 1, &n));
    a = json_array_get(json_object_get(n, "actions"), 0);
    assert_int_equal(desk_ji(json_object_get(a, "params"), "followup"), fu);
    json_decref(n);
}

static void test_followups_scheduled_moved_and_watch_after(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t id, fu;
    expect_err(desk_followup_add(&f->d, 1, "visit", "2026-11-22", &id), RD_INVALID, "kind");
    expect_err(desk_followup_add(&f->d, 1, "call", "2026-11-19", &id), RD_INVALID, "due");
    assert_null(desk_followup_add(&f->d, 1, "call", "2026-11-22", &id));
    assert_null(desk_followup_edit(&f->d, id, "meeting", "2026-11-23"));
    json_t *t = NULL;
    at("2026-11-23T12:00:00Z");
    assert_null(desk_today_view(&f->d, 10, &t));
    json_t *first = json_array_get(json_object_get(t, "items"), 0);
    assert_string_equal(desk_js(first, "kind"), "followup_due");
    json_decref(t);
    /* after the fix: a watch period of watch_weeks */
    to_confirmed(f);
    const char *opts[] = {"redo:reprint:2026-11-27"};
    desk_offer_input in = {opts, 1, NULL, 0};
    json_t *r = NULL;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &id));
    json_decref(r);
    assert_null(desk_offer_choose(&f->d, id, "1", NULL, NULL));
    assert_null(desk_commitment_done(&f->d, 1, NULL, &fu));
    assert_null(desk_config_set(&f->d, "watch_weeks", "2"));
    assert_null(desk_followup_done(&f->d, fu, "happy", NULL));
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, 1, &k));
    assert_string_equal(desk_js(k, "watch_until"), "2026-12-07");
    json_decref(k);
    assert_null(desk_today_view(&f->d, 10, &t));
    bool watched = false;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(t, "items"), i, v) watched =
        watched || strcmp(desk_js(v, "kind"), "watch") == 0;
    assert_true(watched);
    json_decref(t);
}

static void test_today_most_urgent_first(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    int64_t id;
    json_t *t = NULL;
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    to_confirmed(f);
    const char *opts[] = {"redo:reprint:2026-11-26"};
    desk_offer_input in = {opts, 1, NULL, 0};
    json_t *r = NULL;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &id));
    json_decref(r);
    assert_null(desk_today_view(&f->d, 10, &t));
    json_t *items = json_object_get(t, "items");
    assert_string_equal(desk_js(json_array_get(items, 0), "kind"), "invoice_overdue");
    assert_string_equal(desk_js(json_array_get(items, json_array_size(items) - 1), "kind"),
                        "waiting");
    json_decref(t);
    assert_null(desk_offer_choose(&f->d, id, "1", NULL, NULL));
    at("2026-11-28T12:00:00Z"); /* the redo was due on the 26th */
    assert_null(desk_today_view(&f->d, 10, &t));
    json_t *first = json_array_get(json_object_get(t, "items"), 0);
    assert_string_equal(desk_js(first, "kind"), "commitment_overdue");
    assert_int_equal(desk_ji(first, "days"), 2);
    assert_string_equal(desk_js(json_object_get(first, "action"), "action"), "commitment.done");
    json_decref(t);
}

/* Each section of today is a page with a count of what follows and the cursor to go on. */
static void test_today_sections_page_and_count(void **state)
{
    fx *f = *state;
    int64_t id;
    const char *due[] = {"2026-11-21", "2026-11-22", "2026-11-23"};
    for (int i = 0; i < 3; i++)
        assert_null(desk_followup_add(&f->d, 1, "call", due[i], &id));
    at("2026-11-25T12:00:00Z");
    json_t *t = NULL, *s = NULL;
    assert_null(desk_today_view(&f->d, 1, &t));
    json_t *sec = NULL, *v;
    size_t i;
    json_array_foreach(json_object_get(t, "sections"), i,
                       v) if (strcmp(desk_js(v, "section"), "followups") == 0) sec = v;
    assert_non_null(sec);
    assert_int_equal(desk_ji(sec, "shown"), 1);
    assert_int_equal(desk_ji(sec, "more"), 2);
    json_t *first = json_array_get(json_object_get(t, "items"), 0);
    assert_string_equal(desk_js(first, "section"), "followups");
    assert_string_equal(desk_js(first, "kind"), "followup_due");
    assert_int_equal(desk_ji(json_object_get(first, "action"), "case"), 1);
    /* the following pages, earliest due first, until nothing follows */
    rd_page pg = {1, desk_ji(sec, "next"), 0};
    json_decref(t);
    assert_null(desk_today_section(&f->d, "followups", &pg, &s));
    assert_int_equal(desk_ji(s, "more"), 1);
    assert_true(
        strstr(desk_js(json_array_get(json_object_get(s, "items"), 0), "text"), "follow-up 2 "));
    json_decref(s);
    pg.after = pg.next;
    assert_null(desk_today_section(&f->d, "followups", &pg, &s));
    assert_int_equal(desk_ji(s, "more"), 0);
    assert_int_equal(desk_ji(s, "next"), 0);
    assert_int_equal(pg.next, 0);
    json_decref(s);
    /* the open case's next step is in its own section */
    pg = (rd_page){10, 0, 0};
    assert_null(desk_today_section(&f->d, "cases", &pg, &s));
    assert_string_equal(desk_js(json_array_get(json_object_get(s, "items"), 0), "kind"),
                        "next_step");
    json_decref(s);
    expect_err(desk_today_section(&f->d, "overdue", &pg, &s), RD_INVALID, "section");
    pg.limit = 0;
    expect_err(desk_today_section(&f->d, "cases", &pg, &s), RD_INVALID, "limit");
    expect_err(desk_today_view(&f->d, RD_PAGE_MAX + 1, &t), RD_INVALID, "limit");
}

static void test_invoice_named_by_number(void **state)
{
    fx *f = *state;
    int64_t id, ref;
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", NULL};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    assert_null(desk_invoice_ref(&f->d, "invoice", "2026-033", &ref));
    assert_int_equal(ref, id);
    assert_null(desk_invoice_ref(&f->d, "invoice", "1", &ref));
    assert_int_equal(ref, 1);
    expect_err(desk_invoice_ref(&f->d, "invoice", "2026-999", &ref), RD_NOT_FOUND, "invoice");
}

/* ---------------------------------------------------------------- every text passes check */

static void test_reminder_passes_check_and_knows_a_dispute(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    int64_t id;
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_remind_input preview = {true, NULL, NULL};
    json_t *r = NULL;
    assert_null(desk_invoice_remind_with(&f->d, id, &preview, &r)); /* case 1 is open */
    passes_check(desk_js(r, "text"));
    assert_null(strstr(desk_js(r, "text"), "ignore"));
    json_decref(r);
    desk_close_input in = {NULL, NULL, NULL};
    int64_t lesson;
    assert_null(desk_case_close(&f->d, 1, &in, "settled", &lesson));
    assert_null(desk_config_set(&f->d, "me.name", "Sam Reed"));
    assert_null(desk_invoice_remind_with(&f->d, id, &preview, &r));
    passes_check(desk_js(r, "text"));
    assert_non_null(strstr(desk_js(r, "text"), "ignore"));
    assert_non_null(strstr(desk_js(r, "text"), "Sam Reed"));
    assert_int_equal(desk_ji(r, "reminder_id"), 0); /* nothing counted */
    json_decref(r);
}

static void test_demand_letter_passes_check_signed_in_voice(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    int64_t id;
    assert_null(desk_config_set(&f->d, "me.name", "Sam Reed"));
    assert_null(desk_config_set(&f->d, "me.business", "Reed Design Ltd"));
    assert_null(desk_config_set(&f->d, "me.voice", "we"));
    expect_err(desk_config_set(&f->d, "me.voice", "they"), RD_INVALID, "me.voice");
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_demand_input in = {"2026-033", NULL, NULL, "testing the letter"};
    json_t *r = NULL;
    assert_null(desk_letter_demand(&f->d, &in, &r));
    const char *letter = desk_js(r, "letter");
    passes_check(letter);
    assert_non_null(strstr(letter, "We ask you to pay"));
    assert_null(strstr(letter, " I "));
    assert_non_null(strstr(letter, "Sam Reed\nReed Design Ltd"));
    json_decref(r);
}

static void test_termination_notice_passes_check(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    desk_close_input cl = {NULL, NULL, NULL};
    int64_t lesson;
    assert_null(desk_case_close(&f->d, 1, &cl, "settled", &lesson));
    desk_handover_input h = {"1", "project:1", "files sent"};
    int64_t id;
    assert_null(desk_terminate_handover(&f->d, &h, &id));
    const char *reasons[] = {"Repeated late payment"};
    desk_terminate_input in = {"1", reasons, 1, "Blue Door Studio", NULL};
    json_t *r = NULL;
    assert_null(desk_terminate_confirm(&f->d, &in, &r));
    passes_check(desk_js(r, "notice"));
    json_decref(r);
}

static void test_restatement_and_offer_pass_check(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t id;
    char *draft = NULL;
    json_t *agreed = NULL, *r = NULL;
    desk_concern_input c = {"Old prices on two boards", "boards 3 and 5", NULL};
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id));
    assert_null(desk_case_acknowledge(&f->d, 1, "I am sorry.", NULL, NULL, &id));
    assert_null(desk_case_cause(&f->d, 1, "quality", NULL, NULL, &agreed));
    json_decref(agreed);
    assert_null(desk_case_want(&f->d, 1, "the boards fixed", "the counter opens", NULL, &draft));
    passes_check(draft);
    free(draft);
    assert_null(desk_case_confirm(&f->d, 1, "client", NULL, NULL, &draft));
    const char *opts[] = {"redo:reprint boards 3 and 5:2026-11-27", "discount:10%:2026-11-30"};
    desk_offer_input in = {opts, 2, NULL, 0};
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &r, &id));
    passes_check(desk_js(r, "text"));
    json_decref(r);
}

static void test_reread_records_and_shows_messages(void **state)
{
    fx *f = *state;
    json_t *m = NULL, *k = NULL;
    assert_null(desk_case_reread(&f->d, 1, &m));
    assert_int_equal(json_array_size(m), 1);
    assert_string_equal(desk_js(json_array_get(m, 0), "body"), "The prices are wrong.");
    json_decref(m);
    assert_null(desk_case_get(&f->d, 1, &k));
    assert_non_null(desk_js(k, "reread_at"));
    json_decref(k);
    expect_err(desk_case_reread(&f->d, 9, &m), RD_NOT_FOUND, "case");
}

static void test_escalation_once_per_level_proposal_and_legal_weighing(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t id, again;
    desk_escalate_input med = {"mediation", "prices disputed", "Ann", "2026-12-03", NULL};
    assert_null(desk_escalate(&f->d, 1, &med, NULL, &id));
    expect_err(desk_escalate(&f->d, 1, &med, NULL, &again), RD_CONFLICT, "already escalated");
    assert_null(desk_escalation_proposal(&f->d, id, "split the reprint cost 50/50"));
    json_t *list = NULL;
    assert_null(desk_escalation_list(&f->d, 1, &list));
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(desk_js(json_array_get(list, 0), "final_proposal"),
                        "split the reprint cost 50/50");
    json_decref(list);
    desk_escalate_input legal = {"legal", "no agreement", NULL, NULL, NULL};
    expect_err(desk_escalate(&f->d, 1, &legal, NULL, &again), RD_CONFLICT, "weighed");
    json_t *check = NULL;
    assert_null(desk_legal_checklist(&f->d, 1, &check));
    assert_true(json_array_size(json_object_get(check, "questions")) >= 3);
    json_decref(check);
    legal.weighed = "three years of work and referrals; a court case would be public";
    assert_null(desk_escalate(&f->d, 1, &legal, NULL, &again));
    int64_t internal;
    desk_escalate_input in = {"internal", "second opinion", NULL, NULL, NULL};
    assert_null(desk_escalate(&f->d, 1, &in, NULL, &internal));
    expect_err(desk_escalation_proposal(&f->d, internal, "x"), RD_CONFLICT, "not mediation");
}

static void test_lesson_takes_stock_of_cost(void **state)
{
    fx *f = *state;
    at("2026-11-20T12:00:00Z");
    int64_t id, lesson;
    desk_time_input t = {"1", "1", "150", "calls and reprints", NULL};
    assert_null(desk_time_add(&f->d, &t, &id));
    desk_close_input in = {"proofs not checked", "order a printed proof", NULL};
    assert_null(desk_case_close(&f->d, 1, &in, "closing early for the test", &lesson));
    assert_null(desk_lesson_differently(&f->d, lesson, "I check every proof myself"));
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, 1, &k));
    json_t *l = json_array_get(json_object_get(k, "lessons"), 0);
    assert_int_equal(desk_ji(l, "cost_minutes"), 150);
    assert_string_equal(desk_js(l, "cost_currency"), "GBP");
    assert_string_equal(desk_js(l, "differently"), "I check every proof myself");
    json_decref(k);
    expect_err(desk_lesson_differently(&f->d, lesson, " "), RD_INVALID, "differently");
}

static void test_durations_as_people_write_them(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t minutes; /* 0: refused */
    } cases[] = {{"90", 90},   {"45m", 45}, {"45min", 45}, {"1h30", 90}, {"1h30m", 90},
                 {"1.5h", 90}, {"2h", 120}, {"36h", 2160}, {"0", 0},     {"1h60", 0},
                 {"2.5", 0},   {"abc", 0},  {"h", 0},      {"43201", 0}, {"1h 30", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t m = -1;
        rd_err *e = desk_duration_parse("minutes", cases[i].text, &m);
        if (cases[i].minutes) {
            if (e) fail_msg("%s: %s", cases[i].text, e->msg);
            assert_int_equal(m, cases[i].minutes);
        } else {
            expect_err(e, RD_INVALID, "minutes");
        }
    }
}

static void test_time_entry_with_a_date(void **state)
{
    fx *f = *state;
    int64_t id;
    desk_time_input future = {"1", "1", "1h", NULL, "2026-11-21"};
    expect_err(desk_time_add(&f->d, &future, &id), RD_INVALID, "on");
    desk_time_input t = {"1", "1", "1.5h", "calls", "2026-11-18"};
    assert_null(desk_time_add(&f->d, &t, &id));
}

static void test_write_off_and_credit_note_lower_the_balance(void **state)
{
    fx *f = *state;
    at("2026-11-25T12:00:00Z");
    int64_t id, adj;
    desk_invoice_input inv = {"1", "2026-033", "2,400.00", "2026-10-01", "2026-10-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_adjust_input over = {"2026-033", "write_off", "2,400.01", NULL, "bad debt"};
    expect_err(desk_invoice_adjust(&f->d, &over, &adj), RD_INVALID, "amount");
    desk_adjust_input noreason = {"2026-033", "write_off", "100", NULL, NULL};
    expect_err(desk_invoice_adjust(&f->d, &noreason, &adj), RD_INVALID, "reason");
    desk_adjust_input credit = {"2026-033", "credit_note", "400", "CN-1", "two boards reprinted"};
    assert_null(desk_invoice_adjust(&f->d, &credit, &adj));
    json_t *row = NULL;
    assert_null(desk_invoice_get(&f->d, id, &row));
    assert_int_equal(desk_ji(row, "balance"), 200000);
    assert_int_equal(desk_ji(row, "amount"), 240000); /* the invoice itself is unchanged */
    json_decref(row);
    desk_adjust_input rest = {"2026-033", "write_off", "2,000", NULL, "the client closed"};
    assert_null(desk_invoice_adjust(&f->d, &rest, &adj));
    json_t *list = NULL;
    assert_null(desk_invoice_list(&f->d, NULL, true, NULL, &list));
    assert_int_equal(json_array_size(list), 0); /* nothing overdue once written off */
    json_decref(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cool_off_holds_every_outgoing_step, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paused_case_sends_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abuse_leads_to_pause_not_a_call, setup, teardown),
        cmocka_unit_test_setup_teardown(test_closed_case_next_is_quiet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_review_channel_fires_review_trigger, setup, teardown),
        cmocka_unit_test_setup_teardown(test_margin_is_this_projects_cash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_project_currency_defaults_to_config, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_actions_carry_real_ids, setup, teardown),
        cmocka_unit_test_setup_teardown(test_followups_scheduled_moved_and_watch_after, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_today_most_urgent_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invoice_named_by_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reminder_passes_check_and_knows_a_dispute, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_demand_letter_passes_check_signed_in_voice, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_termination_notice_passes_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restatement_and_offer_pass_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reread_records_and_shows_messages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escalation_once_per_level_proposal_and_legal_weighing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_lesson_takes_stock_of_cost, setup, teardown),
        cmocka_unit_test(test_durations_as_people_write_them),
        cmocka_unit_test_setup_teardown(test_write_off_and_credit_note_lower_the_balance, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_time_entry_with_a_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_today_sections_page_and_count, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
