/* test_portal.c — the client's side: a portal link opens one case and shows only what is meant
 * for the client, every action runs the desk operation and is logged as the client's, GET-like
 * views write nothing, revoked/expired/foreign links are refused; surveys keep responses
 * anonymous against someone holding the whole database file; public replies are checked with
 * their own rules; testimonials are asked only after a case closed well. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "desk/desk.h"
#include "store/store.h"

typedef struct fx {
    rd_store *st;
    rd_desk d;
    char path[128]; /* file database for the anonymity tests, "" for memory */
} fx;

static void add_client_case(fx *f, const char *name, const char *received)
{
    desk_client_input c = {name, NULL, NULL, NULL, NULL, NULL};
    int64_t client, project, kase;
    assert_null(desk_client_add(&f->d, &c, &client));
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", (long long)client);
    desk_project_input p = {cid,        "Menu boards", "Six boards", "Print files", "2026-10-30",
                            "2,400.00", "GBP",         "14",         "2",           "180.00"};
    assert_null(desk_project_add(&f->d, &p, &project));
    char pid[24];
    snprintf(pid, sizeof pid, "%lld", (long long)project);
    desk_case_input k = {cid, pid, "email", received, "The prices are wrong."};
    assert_null(desk_case_open(&f->d, &k, &kase));
}

static int open_fx(void **state, bool file)
{
    setenv("REDRESS_NOW", "2026-11-20T10:00:00Z", 1);
    setenv("TZ", "UTC", 1);
    fx *f = calloc(1, sizeof *f);
    if (file) snprintf(f->path, sizeof f->path, "/tmp/redress-portal-%d.db", (int)getpid());
    assert_null(store_open(file ? f->path : ":memory:", &f->st));
    f->d.st = f->st;
    f->d.actor = "tester";
    add_client_case(f, "Harbour Lane Bakery", "2026-11-02T08:12:00Z");
    add_client_case(f, "Northwind Analytics", "2026-11-03T09:00:00Z");
    *state = f;
    return 0;
}

static int setup(void **state)
{
    return open_fx(state, false);
}

static int setup_file(void **state)
{
    return open_fx(state, true);
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->st);
    if (f->path[0]) {
        char side[160];
        unlink(f->path);
        snprintf(side, sizeof side, "%s-wal", f->path);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", f->path);
        unlink(side);
    }
    free(f);
    return 0;
}

static void expect_err(rd_err *e, rd_code code, const char *part)
{
    assert_non_null(e);
    if (e->code != code || !strstr(e->msg, part)) fail_msg("got %d '%s'", e->code, e->msg);
    rd_err_free(e);
}

static const char *stage(fx *f, int64_t id)
{
    static char buf[32];
    json_t *k = NULL;
    assert_null(desk_case_get(&f->d, id, &k));
    snprintf(buf, sizeof buf, "%s", json_string_value(json_object_get(k, "stage")));
    json_decref(k);
    return buf;
}

/* Case 1 up to a drafted (unconfirmed) restatement. */
static void to_restated(fx *f)
{
    int64_t id;
    char *draft = NULL;
    json_t *agreed = NULL;
    desk_concern_input c = {"Old prices on two boards", "boards 3 and 5", NULL};
    assert_null(desk_concern_add(&f->d, 1, &c, NULL, &id));
    assert_null(desk_case_acknowledge(&f->d, 1, "I am sorry.", NULL, NULL, &id));
    assert_null(desk_case_cause(&f->d, 1, "quality", "internal: never checked", NULL, &agreed));
    json_decref(agreed);
    assert_null(desk_case_want(&f->d, 1, "the boards fixed", "the counter opens", NULL, &draft));
    free(draft);
}

static char *link_for(fx *f, int64_t case_id)
{
    char *token = NULL;
    json_t *out = NULL;
    assert_null(desk_portal_link(&f->d, case_id, NULL, &token, &out));
    json_decref(out);
    return token;
}

static int64_t count(fx *f, const char *what)
{
    json_t *rows = NULL;
    int64_t n = 0;
    if (strcmp(what, "events") == 0) assert_null(desk_portal_events(&f->d, 1, NULL, &rows));
    if (strcmp(what, "log") == 0) assert_null(desk_log_list(&f->d, 1, NULL, &rows));
    n = (int64_t)json_array_size(rows);
    json_decref(rows);
    return n;
}

static bool has_action(json_t *view, const char *a)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(view, "actions"), i,
                       v) if (strcmp(json_string_value(v), a) == 0) return true;
    return false;
}

/* ---------------------------------------------------------------- portal */

static void test_view_shows_only_the_clients_part(void **state)
{
    fx *f = *state;
    to_restated(f);
    assert_null(desk_config_set(&f->d, "me.email", "sam@studio.example"));
    char *token = link_for(f, 1);
    json_t *v = NULL;
    assert_null(desk_portal_view(&f->d, token, &v));
    assert_int_equal(json_integer_value(json_object_get(v, "case_id")), 1);
    assert_non_null(strstr(json_string_value(json_object_get(v, "restatement")),
                           "You want the boards fixed so that the counter opens"));
    assert_true(has_action(v, "confirm"));
    assert_string_equal(json_string_value(json_object_get(json_object_get(v, "contact"), "email")),
                        "sam@studio.example");
    char *all = json_dumps(v, 0);
    /* nothing internal: the root-cause notes, triage, margins, the other client */
    assert_null(strstr(all, "internal: never checked"));
    assert_null(strstr(all, "hostility"));
    assert_null(strstr(all, "margin"));
    assert_null(strstr(all, "Northwind"));
    free(all);
    json_decref(v);
    free(token);
}

static void test_view_writes_nothing(void **state)
{
    fx *f = *state;
    to_restated(f);
    char *token = link_for(f, 1);
    int64_t before = count(f, "log");
    json_t *v = NULL;
    for (int i = 0; i < 3; i++) {
        assert_null(desk_portal_view(&f->d, token, &v));
        json_decref(v);
    }
    json_t *links = NULL;
    assert_null(desk_portal_links(&f->d, 1, NULL, &links));
    assert_true(json_is_null(json_object_get(json_array_get(links, 0), "last_used_at")));
    json_decref(links);
    assert_int_equal(count(f, "log"), before);
    assert_int_equal(count(f, "events"), 0);
    free(token);
}

static void test_confirm_choose_feedback_walk_the_case(void **state)
{
    fx *f = *state;
    to_restated(f);
    char *token = link_for(f, 1);
    int64_t log_before = count(f, "log");
    desk_portal_action confirm = {.action = "confirm"};
    assert_null(desk_portal_act(&f->d, token, &confirm));
    assert_string_equal(stage(f, 1), "want_confirmed");

    const char *opts[] = {"redo:reprint boards 3 and 5:2026-11-27",
                          "extra_support:a call to go through the boards:2026-11-30"};
    desk_offer_input in = {opts, 2, NULL, 0};
    json_t *report = NULL;
    int64_t offer;
    assert_null(desk_offer_make(&f->d, 1, &in, NULL, &report, &offer));
    json_decref(report);
    json_t *v = NULL;
    assert_null(desk_portal_view(&f->d, token, &v));
    assert_int_equal(json_array_size(json_object_get(v, "options")), 2);
    assert_true(has_action(v, "choose"));
    json_decref(v);

    desk_portal_action choose = {.action = "choose", .option = "1", .words = "The reprint, please"};
    assert_null(desk_portal_act(&f->d, token, &choose));
    assert_string_not_equal(stage(f, 1), "offer_made");
    json_t *cm = NULL;
    assert_null(desk_commitment_list(&f->d, 1, 0, NULL, &cm));
    assert_int_equal(json_array_size(cm), 1);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld",
             (long long)json_integer_value(json_object_get(json_array_get(cm, 0), "id")));
    json_decref(cm);

    desk_portal_action met = {.action = "met", .commitment = cid};
    assert_null(desk_portal_act(&f->d, token, &met));
    desk_portal_action fb = {.action = "feedback", .score = "5", .words = "Lovely boards"};
    rd_err *fe = desk_portal_act(&f->d, token, &fb);
    if (fe) fail_msg("feedback: %s", fe->msg);

    /* each action is in the log as the client's, on the portal, and in today's events */
    json_t *log = NULL;
    assert_null(desk_log_list(&f->d, 1, NULL, &log));
    int portal_in = 0;
    size_t i;
    json_t *row;
    json_array_foreach(log, i, row)
    {
        const char *ch = json_string_value(json_object_get(row, "channel"));
        const char *dir = json_string_value(json_object_get(row, "direction"));
        if (ch && strcmp(ch, "portal") == 0 && strcmp(dir, "in") == 0) portal_in++;
    }
    json_decref(log);
    assert_int_equal(portal_in, 4);
    assert_true(count(f, "log") >= log_before + 4);
    json_t *ev = NULL;
    assert_null(desk_portal_events(&f->d, 1, NULL, &ev));
    assert_int_equal(json_array_size(ev), 4);
    assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 0), "kind")),
                        "confirmed");
    assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 3), "kind")),
                        "feedback");
    json_decref(ev);
    int64_t changed = 0;
    assert_null(desk_portal_seen(&f->d, 0, &changed));
    assert_int_equal(changed, 4);
    assert_int_equal(count(f, "events"), 0);
    free(token);
}

static void test_refused_actions_write_nothing(void **state)
{
    fx *f = *state;
    to_restated(f);
    char *token = link_for(f, 1);
    int64_t log_before = count(f, "log");
    desk_portal_action choose = {.action = "choose", .option = "1"};
    expect_err(desk_portal_act(&f->d, token, &choose), RD_CONFLICT, "no open offer");
    desk_portal_action bad = {.action = "feedback", .score = "9"};
    expect_err(desk_portal_act(&f->d, token, &bad), RD_INVALID, "score");
    desk_portal_action odd = {.action = "delete"};
    expect_err(desk_portal_act(&f->d, token, &odd), RD_INVALID, "action");
    desk_portal_action blank = {.action = "correct", .words = "  "};
    expect_err(desk_portal_act(&f->d, token, &blank), RD_INVALID, "words");
    assert_int_equal(count(f, "log"), log_before);
    assert_int_equal(count(f, "events"), 0);
    assert_string_equal(stage(f, 1), "problem_identified");
    free(token);
}

static void test_revoked_expired_and_forged_links_are_refused(void **state)
{
    fx *f = *state;
    to_restated(f);
    char *token = NULL;
    json_t *out = NULL, *v = NULL;
    assert_null(desk_portal_link(&f->d, 1, "1", &token, &out));
    int64_t link = json_integer_value(json_object_get(out, "id"));
    json_decref(out);
    assert_null(desk_portal_view(&f->d, token, &v));
    json_decref(v);
    setenv("REDRESS_NOW", "2026-11-21T10:00:01Z", 1); /* one day and a second later */
    expect_err(desk_portal_view(&f->d, token, &v), RD_NOT_FOUND, "not valid");
    setenv("REDRESS_NOW", "2026-11-20T10:00:00Z", 1);
    assert_null(desk_portal_revoke(&f->d, link));
    expect_err(desk_portal_view(&f->d, token, &v), RD_NOT_FOUND, "not valid");
    desk_portal_action confirm = {.action = "confirm"};
    expect_err(desk_portal_act(&f->d, token, &confirm), RD_NOT_FOUND, "not valid");
    expect_err(desk_portal_view(&f->d, "p_short", &v), RD_NOT_FOUND, "not valid");
    token[5] = token[5] == 'A' ? 'B' : 'A';
    expect_err(desk_portal_view(&f->d, token, &v), RD_NOT_FOUND, "not valid");
    expect_err(desk_portal_link(&f->d, 1, "0", &token, &out), RD_INVALID, "expires");
    free(token);
}

static void test_a_link_opens_only_its_own_case(void **state)
{
    fx *f = *state;
    to_restated(f);
    char *b = link_for(f, 2);
    json_t *v = NULL;
    assert_null(desk_portal_view(&f->d, b, &v));
    assert_int_equal(json_integer_value(json_object_get(v, "case_id")), 2);
    char *all = json_dumps(v, 0);
    assert_null(strstr(all, "Harbour"));
    assert_null(strstr(all, "boards fixed"));
    free(all);
    json_decref(v);
    /* a commitment of case 1 cannot be answered through case 2's link */
    desk_portal_action met = {.action = "met", .commitment = "1"};
    rd_err *e = desk_portal_act(&f->d, b, &met);
    assert_non_null(e);
    assert_int_equal(e->code, RD_NOT_FOUND);
    rd_err_free(e);
    free(b);
}

/* ---------------------------------------------------------------- surveys */

static json_t *make_survey(fx *f, int clients)
{
    for (int i = 0; i < clients; i++) {
        char name[32];
        snprintf(name, sizeof name, "Client %02d", i);
        add_client_case(f, name, "2026-11-04T09:00:00Z");
    }
    const char *q[] = {"What should we do differently?"};
    desk_survey_input in = {"2026-11-01..2026-11-30", q, 1, NULL};
    json_t *out = NULL;
    assert_null(desk_survey_create(&f->d, &in, &out));
    return out;
}

/* Every byte of the database file and its write-ahead log. */
static char *file_bytes(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        *len = 0;
        return calloc(1, 1);
    }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, fp);
    fclose(fp);
    return b;
}

static bool file_has(const char *path, const char *needle)
{
    size_t len, n = strlen(needle);
    char *b = file_bytes(path, &len);
    bool found = false;
    for (size_t i = 0; !found && i + n <= len; i++)
        found = memcmp(b + i, needle, n) == 0;
    free(b);
    return found;
}

static void test_survey_responses_cannot_be_traced_to_a_client(void **state)
{
    fx *f = *state;
    json_t *s = make_survey(f, 8); /* 10 clients with work in November */
    json_t *links = json_object_get(s, "links");
    assert_int_equal(json_array_size(links), 10);
    int64_t id = json_integer_value(json_object_get(s, "id"));
    json_t *audit_before = NULL;
    assert_null(store_audit_list(f->st, 0, &audit_before));
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    /* each client answers with their own name in the words, in the order of the link list */
    for (size_t i = 0; i < 8; i++) {
        json_t *l = json_array_get(links, i);
        char words[64], score[4], hash[65];
        snprintf(words, sizeof words, "from %s", json_string_value(json_object_get(l, "name")));
        snprintf(score, sizeof score, "%d", (int)(i % 5) + 1);
        const char *a[] = {words};
        const char *token = json_string_value(json_object_get(l, "token"));
        assert_null(desk_survey_respond(&f->d, token, score, a, 1));
        /* the token burns */
        expect_err(desk_survey_respond(&f->d, token, "3", a, 1), RD_NOT_FOUND, "already used");
        /* neither the token nor its hash is anywhere in the file or the log */
        secret_hash(token, hash);
        assert_false(file_has(f->path, token));
        assert_false(file_has(f->path, hash));
        assert_false(file_has(wal, hash));
    }
    /* The attacker holds the whole database. Nothing in the survey tables names a client: */
    json_t *rows = NULL;
    assert_null(store_survey_responses(f->st, id, &rows));
    assert_int_equal(json_array_size(rows), 8);
    size_t i;
    json_t *r;
    int in_order = 0;
    json_array_foreach(rows, i, r)
    {
        /* only the day, never the time */
        assert_int_equal(strlen(json_string_value(json_object_get(r, "day"))), 10);
        char expect[64];
        snprintf(expect, sizeof expect, "[\"from %s\"]",
                 json_string_value(json_object_get(json_array_get(links, i), "name")));
        in_order += strcmp(json_string_value(json_object_get(r, "answers")), expect) == 0;
    }
    /* stored order is not arrival order (8 in arrival order by chance: 1 in 40,320) */
    assert_true(in_order < 8);
    json_decref(rows);
    /* no audit entry was written for a response (an audit entry carries the exact time) */
    json_t *audit_after = NULL;
    assert_null(store_audit_list(f->st, 0, &audit_after));
    assert_int_equal(json_array_size(audit_after), json_array_size(audit_before));
    json_decref(audit_after);
    json_decref(audit_before);
    /* the unused tokens left in the pool are the two clients who did not answer, and the pool
     * holds no client: the attacker cannot tell whose they are */
    json_t *sv = NULL;
    assert_null(store_survey_get(f->st, id, &sv));
    assert_int_equal(json_integer_value(json_object_get(sv, "unused")), 2);
    json_decref(sv);
    json_decref(s);
}

static void test_survey_results_wait_for_the_threshold(void **state)
{
    fx *f = *state;
    json_t *s = make_survey(f, 3); /* 5 clients */
    int64_t id = json_integer_value(json_object_get(s, "id"));
    json_t *links = json_object_get(s, "links"), *r = NULL;
    for (size_t i = 0; i < 5; i++) {
        assert_null(desk_survey_results(&f->d, id, &r));
        assert_int_equal(json_is_true(json_object_get(r, "shown")), i >= 5);
        assert_null(json_object_get(r, "average"));
        json_decref(r);
        const char *a[] = {"faster replies"};
        assert_null(desk_survey_respond(
            &f->d, json_string_value(json_object_get(json_array_get(links, i), "token")), "4", a,
            1));
    }
    assert_null(desk_survey_results(&f->d, id, &r));
    assert_true(json_is_true(json_object_get(r, "shown")));
    assert_true(json_real_value(json_object_get(r, "average")) == 4.0);
    json_decref(r);
    const char *q[] = {"Anything?"};
    desk_survey_input low = {"2026-11-01..2026-11-30", q, 1, "2"};
    json_t *out = NULL;
    expect_err(desk_survey_create(&f->d, &low, &out), RD_INVALID, "min_responses");
    desk_survey_input none = {"2025-01-01..2025-01-31", q, 1, NULL};
    expect_err(desk_survey_create(&f->d, &none, &out), RD_INVALID, "period");
    desk_survey_input bad = {"2026-11-30..2026-11-01", q, 1, NULL};
    expect_err(desk_survey_create(&f->d, &bad, &out), RD_INVALID, "period");
    json_decref(s);
}

/* ---------------------------------------------------------------- reviews */

static int rule_count(json_t *report, const char *rule)
{
    int n = 0;
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(report, "diagnostics"), i, d) n +=
        strcmp(json_string_value(json_object_get(d, "rule")), rule) == 0;
    return n;
}

static void test_public_reply_rules(void **state)
{
    (void)state;
    static const struct {
        const char *text, *rule;
        int hits;
    } cases[] = {
        {"Actually, that is not true: the files were sent on time.", "defensive", 2},
        {"Thank you. Please email me at sam@studio.example to sort it out.", "private-detail", 1},
        {"Thank you. Your refund of £240 is on its way; call me.", "private-detail", 2},
        {"Thank you. Invoice 2026-033 was cancelled; get in touch.", "private-detail", 2},
        {"Thank you. Call me on +44 20 7946 0958.", "private-detail", 1},
        {"Thanks for the review. You should have read the brief; contact me.", "blame", 1},
        {"I am sorry the boards were late. Please get in touch directly.", "no-thanks", 1},
        {"Thank you for the honest review; I am sorry the boards were late.", "no-offline-offer",
         1},
        {"Thank you for telling us. We reprinted the boards; please reach out to me directly so "
         "I can put it right.",
         "private-detail", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = NULL;
        int errors = 0;
        assert_null(desk_public_check(cases[i].text, &r, &errors));
        if (rule_count(r, cases[i].rule) != cases[i].hits)
            fail_msg("'%s': %d %s, wanted %d", cases[i].text, rule_count(r, cases[i].rule),
                     cases[i].rule, cases[i].hits);
        json_decref(r);
    }
    json_t *r = NULL;
    int errors = -1;
    assert_null(desk_public_check(cases[8].text, &r, &errors));
    assert_int_equal(errors, 0);
    json_decref(r);
}

static void test_review_threat_links_and_reply_must_pass(void **state)
{
    fx *f = *state;
    desk_log_input in = {"1",
                         "1",
                         "in",
                         "email",
                         NULL,
                         NULL,
                         "If this is not fixed I will leave a one-star review on Google."};
    int64_t threat = 0, id = 0;
    assert_null(desk_log_add(&f->d, &in, &threat));
    desk_review_input rv = {"Google", "1", "Late and wrong.", "https://g.example/r/1", NULL,
                            "1",      NULL};
    assert_null(desk_review_add(&f->d, &rv, &id));
    json_t *r = NULL;
    assert_null(desk_review_get(&f->d, id, &r));
    assert_int_equal(json_integer_value(json_object_get(r, "threat_log_id")), threat);
    json_decref(r);
    expect_err(desk_review_posted(&f->d, id, NULL), RD_CONFLICT, "no reply");
    json_t *report = NULL;
    assert_null(desk_review_reply(&f->d, id, "Actually you never paid.", &report));
    assert_true(json_integer_value(json_object_get(report, "errors")) > 0);
    json_decref(report);
    expect_err(desk_review_posted(&f->d, id, NULL), RD_CONFLICT, "problem");
    assert_null(desk_review_reply(&f->d, id,
                                  "Thank you for the review. I am sorry the boards were late; "
                                  "please get in touch with me directly so I can put it right.",
                                  &report));
    assert_int_equal(json_integer_value(json_object_get(report, "errors")), 0);
    json_decref(report);
    assert_null(desk_review_posted(&f->d, id, NULL));
    expect_err(desk_review_posted(&f->d, id, NULL), RD_CONFLICT, "already posted");
    desk_review_input bad = {"Google", "6", "x", NULL, NULL, NULL, NULL};
    expect_err(desk_review_add(&f->d, &bad, &id), RD_INVALID, "rating");
    desk_review_input badlink = {"Google", NULL, "x", "javascript:alert(1)", NULL, NULL, NULL};
    expect_err(desk_review_add(&f->d, &badlink, &id), RD_INVALID, "link");
}

static void test_testimonial_only_after_a_case_closed_well(void **state)
{
    fx *f = *state;
    json_t *report = NULL;
    int64_t id = 0;
    desk_testimonial_input in = {"1", NULL,
                                 "Thank you for working with me. Would you share a few words "
                                 "about the project that I could quote on my website?"};
    expect_err(desk_testimonial_ask(&f->d, &in, NULL, &id, &report), RD_CONFLICT, "closed well");
    assert_null(
        desk_testimonial_ask(&f->d, &in, "a long-standing client who offered", &id, &report));
    json_decref(report);
    expect_err(desk_testimonial_answer(&f->d, id, "yes", NULL, "website"), RD_INVALID, "quote");
    assert_null(desk_testimonial_answer(&f->d, id, "yes", "Quick and careful.", "website"));
    expect_err(desk_testimonial_answer(&f->d, id, "no", NULL, NULL), RD_CONFLICT, "already");
}

int main(void)
{
#define T(name)  cmocka_unit_test_setup_teardown(name, setup, teardown)
#define TF(name) cmocka_unit_test_setup_teardown(name, setup_file, teardown)
    const struct CMUnitTest tests[] = {
        T(test_view_shows_only_the_clients_part),
        T(test_view_writes_nothing),
        T(test_confirm_choose_feedback_walk_the_case),
        T(test_refused_actions_write_nothing),
        T(test_revoked_expired_and_forged_links_are_refused),
        T(test_a_link_opens_only_its_own_case),
        TF(test_survey_responses_cannot_be_traced_to_a_client),
        T(test_survey_results_wait_for_the_threshold),
        T(test_public_reply_rules),
        T(test_review_threat_links_and_reply_must_pass),
        T(test_testimonial_only_after_a_case_closed_well),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
