/* test_draft.c — triage recorded on incoming words (flags only rise), and reply drafts: their
 * hold, their tone check, and release refused without writing anything. */
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
    setenv("REDRESS_NOW", "2026-11-02T08:05:00Z", 1);
    desk_client_input c = {.name = "Harbour Lane"};
    int64_t id;
    desk_case_input in = {.client = "1",
                          .channel = "email",
                          .received = "2026-11-02T08:00Z",
                          .words = "You missed the deadline. The files are a week late."};
    if (desk_client_add(&f->d, &c, &id) || desk_case_open(&f->d, &in, &id)) return -1;
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

static json_t *get_case(fixture *f)
{
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, 1, &k));
    return k;
}

static int64_t log_entries(fixture *f)
{
    desk_verify_report r;
    assert_null(desk_verify(&f->d, &r));
    return r.log_entries;
}

static void test_flags_only_rise(void **state)
{
    fixture *f = *state;
    json_t *k = get_case(f);
    assert_int_equal(desk_ji(k, "legal_threat"), 0);
    assert_string_equal(desk_js(k, "triage_root"), "missed_deadline");
    json_decref(k);
    int64_t id;
    desk_log_input angry = {.client = "1",
                            .case_id = "1",
                            .direction = "in",
                            .channel = "email",
                            .body = "I have asked my solicitor to start small claims."};
    assert_null(desk_log_add(&f->d, &angry, &id));
    desk_log_input calm = {.client = "1",
                           .case_id = "1",
                           .direction = "in",
                           .channel = "email",
                           .body = "Thanks for your reply."};
    assert_null(desk_log_add(&f->d, &calm, &id));
    k = get_case(f);
    assert_int_equal(desk_ji(k, "legal_threat"), 1);
    json_decref(k);
    json_t *t = NULL;
    assert_null(store_log_triage_get(f->st, id, &t));
    assert_non_null(t);
    assert_int_equal(desk_ji(t, "legal_threat"), 0);
    json_decref(t);
}

static void test_outgoing_words_are_not_triaged(void **state)
{
    fixture *f = *state;
    int64_t id;
    desk_log_input out = {.client = "1",
                          .case_id = "1",
                          .direction = "out",
                          .channel = "email",
                          .body = "My lawyer friend says small claims is slow."};
    assert_null(desk_log_add(&f->d, &out, &id));
    json_t *t = NULL;
    assert_null(store_log_triage_get(f->st, id, &t));
    assert_null(t);
    json_t *k = get_case(f);
    assert_int_equal(desk_ji(k, "legal_threat"), 0);
    json_decref(k);
}

static void test_first_reply_holds_until_cool_off(void **state)
{
    fixture *f = *state;
    desk_draft_input in = {.case_id = "1", .body = "I am sorry the files are late."};
    int64_t id;
    assert_null(desk_draft_new(&f->d, &in, &id));
    json_t *dr = NULL;
    assert_null(desk_draft_get(&f->d, id, &dr));
    assert_string_equal(desk_js(dr, "hold_until"), "2026-11-02T09:00:00Z");
    assert_true(json_is_true(json_object_get(dr, "held")));
    assert_int_equal(desk_ji(dr, "hold_minutes_left"), 55);
    json_decref(dr);
    int64_t log_id = 0, before = log_entries(f);
    rd_err *e = desk_draft_release(&f->d, id, NULL, &log_id);
    assert_non_null(e);
    assert_int_equal(e->code, RD_CONFLICT);
    assert_non_null(strstr(e->msg, "on hold until"));
    rd_err_free(e);
    assert_int_equal(log_entries(f), before);
    setenv("REDRESS_NOW", "2026-11-02T09:00:00Z", 1);
    assert_null(desk_draft_release(&f->d, id, NULL, &log_id));
    assert_int_equal(log_entries(f), before + 1);
    /* the second reply only waits for the draft hold */
    assert_null(desk_draft_new(&f->d, &in, &id));
    assert_null(desk_draft_get(&f->d, id, &dr));
    assert_string_equal(desk_js(dr, "hold_until"), "2026-11-02T09:15:00Z");
    json_decref(dr);
}

static void test_tone_errors_need_override(void **state)
{
    fixture *f = *state;
    setenv("REDRESS_NOW", "2026-11-03T08:00:00Z", 1);
    desk_draft_input in = {.case_id = "1", .body = "Sorry for any inconvenience."};
    int64_t id, log_id;
    assert_null(desk_draft_new(&f->d, &in, &id));
    setenv("REDRESS_NOW", "2026-11-03T09:00:00Z", 1);
    rd_err *e = desk_draft_release(&f->d, id, NULL, &log_id);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "tone check found 1 error"));
    rd_err_free(e);
    e = desk_draft_release(&f->d, id, "  ", &log_id);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "override:"));
    rd_err_free(e);
    assert_null(desk_draft_release(&f->d, id, "sent as the client asked", &log_id));
    e = desk_draft_release(&f->d, id, "again", &log_id);
    assert_non_null(e);
    assert_int_equal(e->code, RD_CONFLICT);
    rd_err_free(e);
}

static void test_tone_gate(void **state)
{
    (void)state;
    assert_null(desk_tone_gate("text", NULL, "the reply"));
    assert_null(desk_tone_gate("text", "I am sorry I was late.", "the reply"));
    rd_err *e = desk_tone_gate("text", "As I said, you should have read it.", "the reply");
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "blame-shifting at 1:1"));
    rd_err_free(e);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_flags_only_rise),
        T(test_outgoing_words_are_not_triaged),
        T(test_first_reply_holds_until_cool_off),
        T(test_tone_errors_need_override),
        T(test_tone_gate),
    };
    return cmocka_run_group_tests_name("draft", tests, NULL, NULL);
}
