/* playbook.c — the resolution path every case walks (P1–P14), in one place: the stages, the
 * table of which operation may run at which stage and where it takes the case, the guards that
 * refuse out of order (with --override as the recorded way round them), the case operations of
 * listening, acknowledging, finding the real problem, the restatement, flags, pausing, closing
 * and escalating, and the advice of `case next` with its triggers. Offers and follow-through
 * live in desk_offer.c and pass through the same guard. */
#include "desk/playbook_int.h"

#include <assert.h>
#include "analyze/analyze.h"
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- stages */

enum {
    S_INTAKE,
    S_LISTENING,
    S_ACKNOWLEDGED,
    S_PROBLEM,
    S_WANT,
    S_OFFER,
    S_AGREED,
    S_ACTING,
    S_FOLLOW_UP,
    S_FEEDBACK,
    S_CLOSED,
    S_ESCALATED,
    S_TERMINATED,
    S_COUNT
};

const char *const desk_stages[] = {
    "intake",     "listening", "acknowledged", "problem_identified", "want_confirmed", "offer_made",
    "agreed",     "acting",    "follow_up",    "feedback",           "closed",         "escalated",
    "terminated", NULL};

const char *const desk_root_causes[] = {
    "missed_deadline", "quality", "communication", "scope", "billing", "other", NULL};

#define B(s) (1u << (s))
/* Every stage on which the case is still being worked. */
#define OPEN_STAGES ((B(S_CLOSED) | B(S_TERMINATED)) ^ ((1u << S_COUNT) - 1))

/* One row per operation: where on the path it may run, where it takes the case (-1: stays),
 * whether it may run while contact is paused, and what must happen first when it is refused, in
 * words and as the action to take (NULL: the step `case next` advises at the case's stage). */
static const struct rule {
    const char *op;
    unsigned from;
    int to;
    int back;         /* 1: may move the case back along the path (a redrafted restatement) */
    int while_paused; /* 1: allowed while contact is paused */
    const char *first;
    const char *next;
} rules[] = {
    {"concern.add", B(S_INTAKE) | B(S_LISTENING) | B(S_ACKNOWLEDGED) | B(S_PROBLEM), S_LISTENING, 0,
     0, "concerns are gathered before the restatement is confirmed; redraft it first", "case.want"},
    {"case.acknowledge", B(S_LISTENING) | B(S_ACKNOWLEDGED), S_ACKNOWLEDGED, 0, 0,
     "listen first: record at least one of the client's concerns", NULL},
    {"case.cause", B(S_ACKNOWLEDGED) | B(S_PROBLEM), S_PROBLEM, 0, 0,
     "acknowledge the complaint first", NULL},
    {"case.want", B(S_PROBLEM) | B(S_WANT), S_PROBLEM, 1, 0, "identify the real problem first",
     NULL},
    {"case.confirm", B(S_PROBLEM), S_WANT, 0, 0,
     "draft the restatement first, then record the client's answer", NULL},
    {"offer.make", B(S_WANT) | B(S_OFFER), S_OFFER, 0, 0,
     "the client must confirm the restatement before any offer (P7): restate what they want, "
     "then record their confirmation",
     NULL},
    {"offer.choose", B(S_OFFER), S_AGREED, 0, 0, "make an offer first", NULL},
    {"offer.reject", B(S_OFFER), -1, 0, 0, "make an offer first", NULL},
    {"commitment.done", B(S_AGREED) | B(S_ACTING), S_ACTING, 0, 0,
     "the client must choose an option first", NULL},
    {"followup.done", B(S_FOLLOW_UP), S_FEEDBACK, 0, 0,
     "finish every commitment first; that schedules the follow-up", NULL},
    {"feedback.record", B(S_FEEDBACK), -1, 0, 0, "hold the follow-up first, then ask for feedback",
     NULL},
    {"case.close", B(S_FEEDBACK) | B(S_ESCALATED), S_CLOSED, 0, 1,
     "follow through first: commitments done, follow-up held, feedback asked for", NULL},
    {"escalate", OPEN_STAGES, S_ESCALATED, 0, 1, "the case is no longer open", NULL},
    {"escalation.outcome", B(S_ESCALATED), -1, 0, 1, "the case is not escalated", NULL},
    {"case.flag", OPEN_STAGES, -1, 0, 1, "the case is no longer open", NULL},
    {"case.pause", OPEN_STAGES, -1, 0, 1, "the case is no longer open", NULL},
    {"case.resume", OPEN_STAGES, -1, 0, 1, "the case is no longer open", NULL},
};

static int stage_index(const char *stage)
{
    for (int i = 0; stage && desk_stages[i]; i++)
        if (strcmp(desk_stages[i], stage) == 0) return i;
    return -1;
}

static const struct rule *find_rule(const char *op)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].op, op) == 0) return &rules[i];
    return NULL;
}

const char *pb_stage(json_t *kase)
{
    return desk_js(kase, "stage");
}

rd_err *pb_override_check(const char *override)
{
    if (!override) return NULL;
    if (text_blank(override)) return rd_error(RD_INVALID, "override: give the reason");
    return text_check("override", override, DESK_MAX_FIELD, false);
}

static const char *advised(int stage);

/* The refusal text for op on kase, or NULL when op may run; *next is the action to take first
 * (NULL: none). Caller frees. */
static char *refusal(const struct rule *r, json_t *kase, const char **next)
{
    long long id = (long long)desk_ji(kase, "id");
    const char *stage = pb_stage(kase), *status = desk_js(kase, "status");
    int s = stage_index(stage);
    *next = NULL;
    if (status && strcmp(status, "paused") == 0 && !r->while_paused) {
        *next = "case.resume";
        return xasprintf("status: case %lld is paused (%s); resume it first", id,
                         desk_js(kase, "pause_reason") ? desk_js(kase, "pause_reason") : "");
    }
    if (strcmp(r->op, "case.resume") == 0 && (!status || strcmp(status, "paused") != 0))
        return xasprintf("status: case %lld is not paused", id);
    if (strcmp(r->op, "case.pause") == 0 && status && strcmp(status, "paused") == 0)
        return xasprintf("status: case %lld is already paused", id);
    if (s < 0 || !(r->from & B(s))) {
        *next = r->next ? r->next : advised(s);
        return xasprintf("stage: case %lld is at %s; %s", id, stage ? stage : "?", r->first);
    }
    return NULL;
}

rd_err *pb_enter(rd_desk *d, int64_t case_id, const char *op, const char *override, json_t **kase,
                 char **overrode)
{
    const struct rule *r = find_rule(op);
    if (!r) return rd_error(RD_DB, "playbook: no rule for %s", op);
    rd_err *e = pb_override_check(override);
    if (!e) e = store_case_get(d->st, case_id, kase);
    if (e) return e;
    const char *next = NULL;
    char *why = refusal(r, *kase, &next);
    if (overrode) *overrode = NULL;
    if (!why) return NULL;
    if (override) {
        if (overrode)
            *overrode = why;
        else
            free(why);
        return NULL;
    }
    e = rd_err_next(rd_err_overridable(rd_error(RD_CONFLICT, "%s", why)), next, case_id, 0);
    free(why);
    json_decref(*kase);
    *kase = NULL;
    return e;
}

int pb_cooling(rd_desk *d, json_t *kase, rd_timestr until)
{
    int64_t cool = 0, received = 0;
    rd_err *e = desk_config_int(d, "cool_off_minutes", &cool);
    if (!e) e = time_parse("received", desk_js(kase, "received_at"), &received);
    if (e) {
        rd_err_free(e);
        return 0;
    }
    if (received + cool * 60 <= time_now()) return 0;
    time_local(received + cool * 60, until);
    return 1;
}

/* Adds why to *overrode (caller's, may hold an earlier refusal). */
static void add_overrode(char **overrode, const char *why)
{
    if (!overrode) return;
    char *both = *overrode ? xasprintf("%s; %s", *overrode, why) : xstrdup(why);
    free(*overrode);
    *overrode = both;
}

/* pb_hold, where allow_paused lets a step through a pause (the termination notice ends it). */
static rd_err *hold(rd_desk *d, json_t *kase, const char *what, const char *override,
                    char **overrode, int allow_paused)
{
    rd_timestr until;
    const char *status = desk_js(kase, "status");
    long long id = (long long)desk_ji(kase, "id");
    char *why = NULL;
    bool paused = !allow_paused && status && strcmp(status, "paused") == 0;
    if (paused)
        why = xasprintf("status: case %lld is paused (P14): nothing goes out to the client, not "
                        "%s either; resume it first",
                        id, what);
    else if (pb_cooling(d, kase, until))
        why = xasprintf("cool_off: case %lld is cooling off until %s (P2): %s waits until then", id,
                        until, what);
    if (!why) return NULL;
    rd_err *e = NULL;
    if (override)
        add_overrode(overrode, why);
    else
        e = rd_err_next(rd_err_overridable(rd_error(RD_CONFLICT, "%s", why)),
                        paused ? "case.resume" : NULL, id, 0);
    free(why);
    return e;
}

rd_err *pb_hold(rd_desk *d, json_t *kase, const char *what, const char *override, char **overrode)
{
    return hold(d, kase, what, override, overrode, 0);
}

rd_err *pb_client_hold(rd_desk *d, int64_t client_id, const char *what, const char *override,
                       char **overrode, int allow_paused)
{
    json_t *cases = NULL;
    rd_err *e = store_case_list(d->st, NULL, NULL, client_id, NULL, &cases);
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c)
    {
        const char *status = desk_js(c, "status");
        if (e || (status && strcmp(status, "closed") == 0)) continue;
        json_t *k = NULL;
        e = store_case_get(d->st, desk_ji(c, "id"), &k);
        if (!e) e = hold(d, k, what, override, overrode, allow_paused);
        json_decref(k);
    }
    json_decref(cases);
    return e;
}

rd_err *pb_advance(rd_desk *d, json_t *kase, const char *op, const char *now)
{
    const struct rule *r = find_rule(op);
    if (!r || r->to < 0) return NULL;
    int cur = stage_index(pb_stage(kase));
    /* forward only along the path, unless the row says it may go back; a side state is left
     * only by the operations that lead out of it */
    if (cur == r->to || (!r->back && cur > r->to && cur <= S_CLOSED)) return NULL;
    int set_prior = r->to == S_ESCALATED && cur != S_ESCALATED;
    rd_err *e = store_case_set_stage(d->st, desk_ji(kase, "id"), desk_stages[r->to], set_prior,
                                     pb_stage(kase), now);
    if (!e) json_object_set_new(kase, "stage", json_string(desk_stages[r->to]));
    return e;
}

rd_err *pb_audit(rd_desk *d, const char *action, const char *table, int64_t row_id, json_t *detail,
                 const char *override, const char *overrode)
{
    if (!detail) detail = json_object();
    if (override) json_object_set_new(detail, "override", json_string(override));
    if (overrode) json_object_set_new(detail, "overrode", json_string(overrode));
    rd_err *e = desk_audit(d, action, table, row_id, detail);
    json_decref(detail);
    return e;
}

rd_err *pb_log_out(rd_desk *d, json_t *kase, const char *channel, const char *subject,
                   const char *body, const char *now, int64_t *id)
{
    int64_t log_id;
    rd_log_fields f = {desk_ji(kase, "client_id"),
                       desk_ji(kase, "id"),
                       "out",
                       channel ? channel : desk_js(kase, "channel"),
                       now,
                       subject,
                       body};
    rd_err *e = store_log_append(d->st, &f, now, &log_id);
    if (!e && id) *id = log_id;
    return e;
}

void pb_today(rd_timestr out)
{
    time_date(time_now(), out);
}

rd_err *pb_case_currency(rd_desk *d, json_t *kase, char **currency)
{
    int64_t project = desk_ji(kase, "project_id");
    if (!project) return desk_config_get(d, "currency", currency);
    json_t *p = NULL;
    rd_err *e = store_project_get(d->st, project, &p);
    if (!e) *currency = xstrdup(desk_js(p, "currency"));
    json_decref(p);
    return e;
}

/* ---------------------------------------------------------------- listening and the problem */

rd_err *desk_concern_add(rd_desk *d, int64_t case_id, const desk_concern_input *in,
                         const char *override, int64_t *id)
{
    rd_err *e = NULL;
    if (text_blank(in->text)) e = rd_error(RD_INVALID, "text: the concern is required");
    if (!e) e = text_check("text", in->text, DESK_MAX_FIELD, true);
    if (!e) e = text_check("specifics", in->specifics, DESK_MAX_FIELD, true);
    if (!e) e = text_check("example", in->example, DESK_MAX_FIELD, true);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "concern.add", override, &k, &overrode);
    if (!e) e = store_concern_insert(d->st, case_id, in->text, in->specifics, in->example, now, id);
    if (!e) e = pb_advance(d, k, "concern.add", now);
    if (!e)
        e = pb_audit(d, "concern.add", "concerns", *id,
                     json_pack("{s:I}", "case_id", (json_int_t)case_id), override, overrode);
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_case_acknowledge(rd_desk *d, int64_t case_id, const char *text, const char *channel,
                              const char *override, int64_t *log_id)
{
    rd_err *e = text_check("text", text, DESK_MAX_TEXT, true);
    if (!e) e = desk_check_word("channel", channel, desk_channels);
    if (!e && !override) e = desk_tone_gate("text", text, "the acknowledgement"); /* P5 */
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.acknowledge", override, &k, &overrode);
    if (!e) e = pb_hold(d, k, "the acknowledgement", override, &overrode);
    if (!e) {
        rd_log_fields f = {desk_ji(k, "client_id"),
                           case_id,
                           "out",
                           channel ? channel : desk_js(k, "channel"),
                           now,
                           "Acknowledgement and apology",
                           text_blank(text) ? NULL : text};
        e = store_log_append(d->st, &f, now, log_id);
    }
    if (!e) e = pb_advance(d, k, "case.acknowledge", now);
    if (!e)
        e = pb_audit(d, "case.acknowledge", "cases", case_id,
                     json_pack("{s:I}", "log_id", (json_int_t)*log_id), override, overrode);
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_ack_hints(rd_desk *d, const char *text, json_t **out)
{
    *out = json_array();
    if (text_blank(text)) return NULL;
    tone_result r;
    rd_err *e = tone_check("text", text, strlen(text), &r);
    if (e || (r.strengths & (1u << TS_GIVES_CONTACT))) return e;
    char *phone = NULL, *email = NULL;
    e = desk_config_get(d, "me.phone", &phone);
    if (!e) e = desk_config_get(d, "me.email", &email);
    if (!e) {
        const char *p = phone && *phone ? phone : NULL, *m = email && *email ? email : NULL;
        char *hint =
            p || m ? xasprintf("give the client your direct contact details (P5), e.g. \"You can "
                               "reach me directly on %s%s%s.\"",
                               p ? p : "", p && m ? " or at " : "", m ? m : "")
                   : xstrdup("give the client your direct contact details (P5); set them once "
                             "in the settings me.phone and me.email");
        json_array_append_new(*out, json_string(hint));
        free(hint);
    }
    free(phone);
    free(email);
    return e;
}

/* What the project agreed at the start (P20), for comparing with the complaint. */
static rd_err *agreed_terms(rd_desk *d, json_t *k, json_t **out)
{
    json_t *p = NULL;
    int64_t pid = desk_ji(k, "project_id");
    rd_err *e = pid ? store_project_get(d->st, pid, &p) : NULL;
    if (e) return e;
    static const char *const keys[] = {"title", "scope",    "deliverables", "deadline",
                                       "price", "currency", "revisions",    "extra_revision_price",
                                       NULL};
    json_t *a = json_object();
    for (int i = 0; keys[i]; i++) {
        json_t *v = p ? json_object_get(p, keys[i]) : NULL;
        json_object_set_new(a, keys[i], v ? json_incref(v) : json_null());
    }
    int set = p && (!text_blank(desk_js(p, "scope")) || !text_blank(desk_js(p, "deliverables")));
    json_object_set_new(a, "project_id", pid ? json_integer(pid) : json_null());
    json_object_set_new(a, "expectation_set", json_boolean(set));
    json_decref(p);
    *out = a;
    return NULL;
}

rd_err *desk_case_cause(rd_desk *d, int64_t case_id, const char *root, const char *notes,
                        const char *override, json_t **agreed)
{
    rd_err *e = NULL;
    if (text_blank(root)) e = rd_error(RD_INVALID, "root: is required");
    if (!e) e = desk_check_word("root", root, desk_root_causes);
    if (!e) e = text_check("notes", notes, DESK_MAX_NOTES, true);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    *agreed = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.cause", override, &k, &overrode);
    if (!e) e = store_case_set_cause(d->st, case_id, root, notes, now);
    if (!e) e = pb_advance(d, k, "case.cause", now);
    if (!e) e = agreed_terms(d, k, agreed);
    if (!e)
        e = pb_audit(d, "case.cause", "cases", case_id, json_pack("{s:s}", "root_cause", root),
                     override, overrode);
    json_decref(k);
    free(overrode);
    e = store_end(d->st, e);
    if (e) {
        json_decref(*agreed);
        *agreed = NULL;
    }
    return e;
}

/* The restatement in our words: the want, the goal and each concern heard. Caller frees. */
static char *restatement(rd_desk *d, int64_t case_id, const char *want, const char *goal)
{
    json_t *concerns = NULL;
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(
        buf_addf(&b, "Let me check I have understood you. You want %s so that %s.\n", want, goal));
    rd_err *e = store_concern_list(d->st, case_id, &concerns);
    if (!e && json_array_size(concerns) > 0) {
        size_t i;
        json_t *c;
        rd_err_free(buf_adds(&b, "\nWhat you told me:\n"));
        json_array_foreach(concerns, i, c)
        {
            rd_err_free(buf_addf(&b, "- %s", desk_js(c, "text")));
            if (desk_js(c, "specifics"))
                rd_err_free(buf_addf(&b, " (%s)", desk_js(c, "specifics")));
            if (desk_js(c, "example"))
                rd_err_free(buf_addf(&b, "; for example: %s", desk_js(c, "example")));
            rd_err_free(buf_adds(&b, "\n"));
        }
    }
    rd_err_free(e);
    json_decref(concerns);
    rd_err_free(buf_adds(&b, "\nHave I got that right, or is there something I missed?\n"));
    return buf_detach(&b);
}

static rd_err *check_want(const char *field, const char *s)
{
    if (text_blank(s)) return rd_error(RD_INVALID, "%s: is required", field);
    return text_check(field, s, DESK_MAX_FIELD, false);
}

rd_err *desk_case_want(rd_desk *d, int64_t case_id, const char *want, const char *goal,
                       const char *override, char **draft)
{
    return desk_case_want_logged(d, case_id, want, goal, override, draft, NULL);
}

rd_err *desk_case_want_logged(rd_desk *d, int64_t case_id, const char *want, const char *goal,
                              const char *override, char **draft, int64_t *log_id)
{
    rd_err *e = check_want("want", want);
    if (!e) e = check_want("goal", goal);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    *draft = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.want", override, &k, &overrode);
    if (!e) e = pb_hold(d, k, "the restatement", override, &overrode);
    if (!e) e = store_case_set_want(d->st, case_id, want, goal, now);
    if (!e) {
        *draft = restatement(d, case_id, want, goal);
        e = pb_log_out(d, k, NULL, "Restatement for confirmation", *draft, now, log_id);
    }
    if (!e) e = pb_advance(d, k, "case.want", now);
    if (!e)
        e = pb_audit(d, "case.want", "cases", case_id,
                     json_pack("{s:s, s:s}", "want", want, "goal", goal), override, overrode);
    json_decref(k);
    free(overrode);
    e = store_end(d->st, e);
    if (e) {
        free(*draft);
        *draft = NULL;
    }
    return e;
}

rd_err *desk_case_confirm(rd_desk *d, int64_t case_id, const char *by, const char *correction,
                          const char *override, char **draft)
{
    return desk_case_confirm_logged(d, case_id, by, correction, override, draft, NULL);
}

rd_err *desk_case_confirm_logged(rd_desk *d, int64_t case_id, const char *by,
                                 const char *correction, const char *override, char **draft,
                                 int64_t *log_id)
{
    static const char *const whos[] = {"client", "user", NULL};
    rd_err *e = NULL;
    if (!by) by = "client";
    if (!desk_one_of(by, whos)) e = rd_error(RD_INVALID, "by: '%s' is not client or user", by);
    if (!e && correction) e = check_want("correction", correction);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    *draft = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.confirm", override, &k, &overrode);
    if (!e && !desk_js(k, "want") && !override)
        e = rd_err_next(rd_err_overridable(rd_error(RD_CONFLICT,
                                                    "want: case %lld has no restatement yet; draft "
                                                    "it first",
                                                    (long long)case_id)),
                        "case.want", case_id, 0);
    if (!e && correction) e = pb_hold(d, k, "the corrected restatement", override, &overrode);
    if (!e && correction) {
        const char *goal = desk_js(k, "goal") ? desk_js(k, "goal") : "it is put right";
        char *g = xstrdup(goal);
        e = store_case_set_want(d->st, case_id, correction, g, now);
        if (!e) {
            *draft = restatement(d, case_id, correction, g);
            e = pb_log_out(d, k, NULL, "Corrected restatement for confirmation", *draft, now,
                           log_id);
        }
        free(g);
    } else if (!e) {
        e = store_case_confirm_want(d->st, case_id, by, now);
        if (!e) e = pb_advance(d, k, "case.confirm", now);
    }
    if (!e)
        e = pb_audit(d, correction ? "case.correct" : "case.confirm", "cases", case_id,
                     json_pack("{s:s, s:s?}", "by", by, "correction", correction), override,
                     overrode);
    json_decref(k);
    free(overrode);
    e = store_end(d->st, e);
    if (e) {
        free(*draft);
        *draft = NULL;
    }
    return e;
}

/* ---------------------------------------------------------------- flags, pause, close */

static rd_err *yes_no(const char *field, const char *text, int64_t *v, const int64_t **p)
{
    if (!text) return NULL;
    if (strcmp(text, "yes") == 0)
        *v = 1;
    else if (strcmp(text, "no") == 0)
        *v = 0;
    else
        return rd_error(RD_INVALID, "%s: '%s' is not yes or no", field, text);
    *p = v;
    return NULL;
}

rd_err *desk_case_flag(rd_desk *d, int64_t case_id, const desk_flag_input *in)
{
    int64_t v[6];
    rd_case_flags f = {0};
    rd_err *e = NULL;
    if (in->hostility) {
        e = parse_int("hostility", in->hostility, 0, 3, &v[0]);
        f.hostility = &v[0];
    }
    if (!e) e = yes_no("abuse", in->abuse, &v[1], &f.abuse);
    if (!e) e = yes_no("legal_threat", in->legal_threat, &v[2], &f.legal_threat);
    if (!e) e = yes_no("review_threat", in->review_threat, &v[3], &f.review_threat);
    if (!e) e = yes_no("refund_demand", in->refund_demand, &v[4], &f.refund_demand);
    if (!e) e = yes_no("payment_refusal", in->payment_refusal, &v[5], &f.payment_refusal);
    if (!e && !f.hostility && !f.abuse && !f.legal_threat && !f.review_threat && !f.refund_demand &&
        !f.payment_refusal)
        e = rd_error(RD_INVALID, "hostility: give at least one of hostility, abuse, legal threat,"
                                 " review threat, refund demand or payment refusal");
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.flag", NULL, &k, NULL);
    if (!e) e = store_case_set_flags(d->st, case_id, &f, now);
    if (!e) {
        json_t *det = json_object();
        const char *names[] = {"hostility",     "abuse",         "legal_threat",
                               "review_threat", "refund_demand", "payment_refusal"};
        const int64_t *ps[] = {f.hostility,     f.abuse,         f.legal_threat,
                               f.review_threat, f.refund_demand, f.payment_refusal};
        for (int i = 0; i < 6; i++)
            if (ps[i]) json_object_set_new(det, names[i], json_integer(*ps[i]));
        e = pb_audit(d, "case.flag", "cases", case_id, det, NULL, NULL);
    }
    json_decref(k);
    return store_end(d->st, e);
}

rd_err *desk_case_pause(rd_desk *d, int64_t case_id, const char *reason)
{
    desk_pause_input in = {reason, NULL, NULL, NULL};
    return desk_case_pause_with(d, case_id, &in, NULL);
}

rd_err *desk_case_pause_with(rd_desk *d, int64_t case_id, const desk_pause_input *in,
                             int64_t *log_id)
{
    rd_err *e = check_want("reason", in->reason);
    int y, m, dd;
    rd_timestr today;
    pb_today(today);
    if (!e && in->until) e = date_parse("until", in->until, &y, &m, &dd);
    if (!e && in->until && strcmp(in->until, today) <= 0)
        e = rd_error(RD_INVALID, "until: %s is not after today (%s)", in->until, today);
    if (!e) e = text_check("message", in->message, DESK_MAX_TEXT, true);
    if (!e) e = pb_override_check(in->override);
    if (!e && !in->override) e = desk_tone_gate("message", in->message, "the boundary message");
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    if (log_id) *log_id = 0;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.pause", NULL, &k, NULL);
    int64_t lid = 0;
    /* the boundary message goes out before the pause starts, so it is held like any reply */
    if (!e && !text_blank(in->message))
        e = pb_hold(d, k, "the boundary message", in->override, &overrode);
    if (!e && !text_blank(in->message))
        e = pb_log_out(d, k, NULL, "Pausing our conversation", in->message, now, &lid);
    if (!e) e = store_case_set_status(d->st, case_id, "paused", in->reason, now);
    if (!e) e = store_case_set_pause_until(d->st, case_id, in->until, now);
    if (!e)
        e = pb_audit(d, "case.pause", "cases", case_id,
                     json_pack("{s:s, s:s?, s:I}", "reason", in->reason, "until", in->until,
                               "log_id", (json_int_t)lid),
                     in->override, overrode);
    if (!e && log_id) *log_id = lid;
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_case_resume(rd_desk *d, int64_t case_id)
{
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = pb_enter(d, case_id, "case.resume", NULL, &k, NULL);
    if (!e) e = store_case_set_status(d->st, case_id, "open", NULL, now);
    if (!e) e = store_case_set_pause_until(d->st, case_id, NULL, now);
    if (!e) e = pb_audit(d, "case.resume", "cases", case_id, NULL, NULL, NULL);
    json_decref(k);
    return store_end(d->st, e);
}

rd_err *desk_case_close(rd_desk *d, int64_t case_id, const desk_close_input *in,
                        const char *override, int64_t *lesson_id)
{
    int64_t made = 0;
    const int64_t *pm = NULL;
    rd_err *e = text_check("lesson", in->lesson, DESK_MAX_FIELD, true);
    if (!e) e = text_check("change", in->change, DESK_MAX_FIELD, true);
    if (!e) e = yes_no("change_made", in->change_made, &made, &pm);
    if (!e) e = pb_override_check(override);
    int has_lesson = !text_blank(in->lesson), has_change = !text_blank(in->change);
    if (!e && has_lesson != has_change)
        e = rd_error(RD_INVALID, "%s: a lesson needs both what went wrong and what will change",
                     has_lesson ? "change" : "lesson");
    if (!e && !has_lesson && !override)
        e = rd_err_overridable(rd_error(RD_CONFLICT, "lesson: closing needs a lesson (P11): what "
                                                     "went wrong, and what will change because "
                                                     "of it"));
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    *lesson_id = 0;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.close", override, &k, &overrode);
    if (!e && has_lesson)
        e = store_lesson_insert(d->st, case_id, in->lesson, in->change, made, now, lesson_id);
    if (!e && has_lesson) { /* taking stock: what the case cost in time and money (P11) */
        char *cur = NULL;
        json_t *cost = NULL;
        e = pb_case_currency(d, k, &cur);
        if (!e) e = store_case_cost(d->st, case_id, cur, &cost);
        int64_t minutes = desk_ji(cost, "minutes"), money = desk_ji(cost, "money");
        if (!e) e = store_lesson_set_stock(d->st, *lesson_id, &minutes, &money, cur, NULL);
        json_decref(cost);
        free(cur);
    }
    if (!e) e = pb_advance(d, k, "case.close", now);
    if (!e) e = store_case_set_status(d->st, case_id, "closed", NULL, now);
    if (!e)
        e = pb_audit(d, "case.close", "cases", case_id,
                     json_pack("{s:I}", "lesson_id", (json_int_t)*lesson_id), override,
                     has_lesson ? overrode : (overrode ? overrode : "closed without a lesson"));
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

/* ---------------------------------------------------------------- escalation */

static const char *const levels[] = {"internal", "mediation", "legal", NULL};

rd_err *desk_escalate(rd_desk *d, int64_t case_id, const desk_escalate_input *in,
                      const char *override, int64_t *id)
{
    rd_err *e = NULL;
    if (text_blank(in->level)) e = rd_error(RD_INVALID, "level: is required");
    if (!e && !desk_one_of(in->level, levels))
        e = rd_error(RD_INVALID, "level: '%s' is not internal, mediation or legal", in->level);
    if (!e) e = check_want("reason", in->reason);
    if (!e) e = text_check("mediator", in->mediator, DESK_MAX_NAME, false);
    int y, m, dd;
    if (!e && in->date) e = date_parse("date", in->date, &y, &m, &dd);
    if (!e) e = text_check("weighed", in->weighed, DESK_MAX_FIELD, true);
    if (!e && strcmp(in->level, "legal") == 0 && text_blank(in->weighed) && !override)
        e = rd_err_next(
            rd_err_overridable(rd_error(
                RD_CONFLICT, "weighed: before the legal step, weigh the relationship and the "
                             "reputational cost, not only the money (P13; the legal checklist "
                             "helps)")),
            "legal.checklist", case_id, 0);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL, *earlier = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "escalate", override, &k, &overrode);
    /* one escalation per level and case: a second mediation is a new date on the first */
    if (!e) e = store_escalation_list(d->st, case_id, &earlier);
    size_t i;
    json_t *x;
    json_array_foreach(earlier, i,
                       x) if (!e && strcmp(desk_js(x, "level"), in->level) == 0 && !override) e =
        rd_err_next(rd_err_overridable(rd_error(
                        RD_CONFLICT,
                        "level: case %lld was already escalated to %s (escalation %lld); record "
                        "its outcome or choose the next level",
                        (long long)case_id, in->level, (long long)desk_ji(x, "id"))),
                    "escalation.outcome", case_id, desk_ji(x, "id"));
    json_decref(earlier);
    if (!e)
        e = store_escalation_insert(d->st, case_id, in->level, in->reason, in->mediator, in->date,
                                    now, id);
    if (!e && !text_blank(in->weighed))
        e = store_escalation_set(d->st, *id, "weighed", in->weighed);
    if (!e) e = pb_advance(d, k, "escalate", now);
    if (!e)
        e = pb_audit(d, "escalate", "escalations", *id,
                     json_pack("{s:I, s:s, s:s}", "case_id", (json_int_t)case_id, "level",
                               in->level, "reason", in->reason),
                     override, overrode);
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_escalation_outcome(rd_desk *d, int64_t id, const char *text, const char *override)
{
    rd_err *e = check_want("text", text);
    if (!e) e = pb_override_check(override);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *esc = NULL, *k = NULL, *facts = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_escalation_get(d->st, id, &esc);
    if (!e && desk_js(esc, "outcome") && !override)
        e = rd_error(RD_CONFLICT, "escalation: escalation %lld already has an outcome",
                     (long long)id);
    int64_t case_id = esc ? desk_ji(esc, "case_id") : 0;
    if (!e) e = pb_enter(d, case_id, "escalation.outcome", override, &k, &overrode);
    if (!e) e = store_escalation_outcome(d->st, id, text, now);
    rd_timestr today;
    pb_today(today);
    if (!e) e = store_case_facts(d->st, case_id, today, "EUR", &facts);
    /* back to where the case was, once no escalation is waiting for an outcome */
    if (!e && desk_ji(facts, "open_escalations") == 0 && strcmp(pb_stage(k), "escalated") == 0) {
        const char *prior = desk_js(k, "prior_stage") ? desk_js(k, "prior_stage") : "listening";
        e = store_case_set_stage(d->st, case_id, prior, 1, NULL, now);
    }
    if (!e)
        e = pb_audit(d, "escalation.outcome", "escalations", id,
                     json_pack("{s:I}", "case_id", (json_int_t)case_id), override, overrode);
    json_decref(esc);
    json_decref(k);
    json_decref(facts);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_lesson_differently(rd_desk *d, int64_t lesson_id, const char *text)
{
    rd_err *e = check_want("differently", text);
    json_t *l = NULL;
    if (e || (e = store_begin(d->st))) return e;
    e = store_lesson_get(d->st, lesson_id, &l);
    if (!e) e = store_lesson_set_stock(d->st, lesson_id, NULL, NULL, NULL, text);
    if (!e)
        e = pb_audit(d, "lesson.differently", "lessons", lesson_id,
                     json_pack("{s:s}", "differently", text), NULL, NULL);
    json_decref(l);
    return store_end(d->st, e);
}

rd_err *desk_escalation_proposal(rd_desk *d, int64_t id, const char *text)
{
    rd_err *e = check_want("text", text);
    if (e) return e;
    json_t *esc = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_escalation_get(d->st, id, &esc);
    if (!e && strcmp(desk_js(esc, "level"), "mediation") != 0)
        e = rd_error(RD_CONFLICT, "escalation: escalation %lld is %s, not mediation", (long long)id,
                     desk_js(esc, "level"));
    if (!e && desk_js(esc, "outcome"))
        e = rd_error(RD_CONFLICT, "escalation: escalation %lld already has an outcome",
                     (long long)id);
    if (!e) e = store_escalation_set(d->st, id, "final_proposal", text);
    if (!e)
        e = pb_audit(d, "escalation.proposal", "escalations", id,
                     json_pack("{s:s}", "final_proposal", text), NULL, NULL);
    json_decref(esc);
    return store_end(d->st, e);
}

rd_err *desk_escalation_list(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL;
    rd_err *e = store_case_get(d->st, case_id, &k);
    json_decref(k);
    return e ? e : store_escalation_list(d->st, case_id, out);
}

rd_err *desk_legal_checklist(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL, *facts = NULL, *hist = NULL;
    char *cur = NULL;
    int64_t reviews = 0;
    rd_timestr today;
    pb_today(today);
    rd_err *e = store_case_get(d->st, case_id, &k);
    if (!e) e = pb_case_currency(d, k, &cur);
    if (!e) e = store_case_facts(d->st, case_id, today, cur, &facts);
    if (!e) e = store_case_reviews(d->st, case_id, &reviews);
    if (!e) e = store_client_history(d->st, desk_ji(k, "client_id"), today, &hist);
    if (!e) {
        int64_t unpaid = desk_ji(facts, "unpaid"), ask = desk_ji(facts, "latest_ask");
        json_t *qs = json_pack(
            "[s,s,s,s]",
            "What is the relationship worth beyond this amount: work to come, referrals?",
            "Who will hear about it, and what will a court case or a public dispute do to your "
            "name?",
            "What will it cost you in time, fees and stress, against what you may recover?",
            "Has every cheaper step been tried: a call, mediation, a payment plan?");
        *out = json_pack("{s:I, s:s, s:I, s:b, s:I, s:o}", "money_at_risk",
                         (json_int_t)(unpaid > ask ? unpaid : ask), "currency", cur, "complaints",
                         (json_int_t)desk_ji(hist, "complaints"), "review_threat",
                         desk_ji(k, "review_threat") != 0, "public_reviews", (json_int_t)reviews,
                         "questions", qs);
    }
    json_decref(k);
    json_decref(facts);
    json_decref(hist);
    free(cur);
    return e;
}

/* ---------------------------------------------------------------- triggers (P12, P16) */

static void add_trigger(json_t *list, const char *trigger, const char *kind, char *why,
                        json_t *facts)
{
    json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:o}", "trigger", trigger, "kind", kind,
                                          "why", why, "facts", facts));
    free(why);
}

/* The triggers of the case k (its row, as store_case_get gives it) from the facts
 * store_case_facts gave for it in its currency cur: what desk_case_triggers returns, for a caller
 * that has read those already (desk_case_next). *out is the caller's. */
static rd_err *triggers_of(rd_desk *d, json_t *k, json_t *facts, const char *cur, json_t **out)
{
    json_t *walk = NULL;
    char *own = NULL;
    int64_t threshold = 0, reviews = 0;
    rd_err *e = desk_config_get(d, "currency", &own);
    /* the threshold is in the user's own currency (config currency) */
    if (!e) e = desk_config_money(d, "risk_threshold", own, &threshold);
    if (!e) e = store_case_reviews(d->st, desk_ji(k, "id"), &reviews);
    if (!e) e = desk_walkaway_triggers(d, desk_ji(k, "client_id"), &walk);
    if (e) goto out;
    json_t *list = json_array();
    int64_t hostility = desk_ji(k, "hostility"), rejected = desk_ji(facts, "rejected_offers");
    if (rejected >= 2 && hostility >= 2)
        add_trigger(list, "rejected_offers_hostile", "escalation",
                    xasprintf("the client rejected %lld offers and hostility is %lld of 3",
                              (long long)rejected, (long long)hostility),
                    json_pack("{s:I, s:I}", "rejected_offers", (json_int_t)rejected, "hostility",
                              (json_int_t)hostility));
    /* what is at risk is the unpaid balance or the client's ask, whichever is more: an ask to
     * pay less is part of the unpaid balance, not added to it */
    int64_t unpaid = desk_ji(facts, "unpaid"), ask = desk_ji(facts, "latest_ask");
    int64_t risk = unpaid > ask ? unpaid : ask;
    char a[48], t[48], u[48], q[48];
    money_format(risk, cur, a, sizeof a);
    money_format(threshold, own, t, sizeof t);
    money_format(unpaid, cur, u, sizeof u);
    money_format(ask, cur, q, sizeof q);
    if (strcmp(cur, own) == 0 && risk > threshold)
        add_trigger(list, "money_at_risk", "escalation",
                    xasprintf("%s is at risk (unpaid invoices %s, refund asked %s), above the "
                              "threshold of %s",
                              a, u, q, t),
                    json_pack("{s:I, s:I, s:I, s:I, s:s}", "at_risk", (json_int_t)risk, "unpaid",
                              (json_int_t)unpaid, "ask", (json_int_t)ask, "threshold",
                              (json_int_t)threshold, "currency", cur));
    else if (strcmp(cur, own) != 0 && risk > 0)
        add_trigger(list, "money_at_risk_unconverted", "escalation",
                    xasprintf("%s is at risk; your threshold is %s in your own currency, and "
                              "redress does not convert currencies: weigh it yourself",
                              a, t),
                    json_pack("{s:I, s:s, s:I, s:s}", "at_risk", (json_int_t)risk, "currency", cur,
                              "threshold", (json_int_t)threshold, "threshold_currency", own));
    if (desk_ji(k, "legal_threat"))
        add_trigger(list, "legal_threat", "escalation",
                    xstrdup("a legal threat was recorded on the case; consider mediation or a "
                            "lawyer before replying"),
                    json_pack("{s:i}", "legal_threat", 1));
    if (reviews > 0)
        add_trigger(list, "public_review", "escalation",
                    xasprintf("the client posted %lld public review%s about this (channel "
                              "review): respond professionally, not defensively (P19)",
                              (long long)reviews, reviews == 1 ? "" : "s"),
                    json_pack("{s:I}", "reviews", (json_int_t)reviews));
    else if (desk_ji(k, "review_threat"))
        add_trigger(list, "review_threat", "escalation",
                    xstrdup("the client threatened a public review"),
                    json_pack("{s:i}", "review_threat", 1));
    if (desk_ji(k, "abuse"))
        add_trigger(list, "abuse", "escalation",
                    xstrdup("abusive language was recorded: pause contact and give both sides "
                            "time (P14)"),
                    json_pack("{s:i}", "abuse", 1));
    size_t i;
    json_t *w;
    json_array_foreach(walk, i, w)
    {
        json_t *copy = json_deep_copy(w);
        json_object_set_new(copy, "kind", json_string("walk_away"));
        json_array_append_new(list, copy);
    }
    *out = list;
out:
    json_decref(walk);
    free(own);
    return e;
}

/* The case's row, its currency and its facts as of today, for the triggers and the next step.
 * The caller frees all three, whether or not this fails. */
static rd_err *case_and_facts(rd_desk *d, int64_t case_id, const char *today, json_t **k,
                              char **cur, json_t **facts)
{
    rd_err *e = store_case_get(d->st, case_id, k);
    if (!e) e = pb_case_currency(d, *k, cur);
    if (!e) e = store_case_facts(d->st, case_id, today, *cur, facts);
    return e;
}

rd_err *desk_case_triggers(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL, *facts = NULL;
    char *cur = NULL;
    rd_timestr today;
    pb_today(today);
    rd_err *e = case_and_facts(d, case_id, today, &k, &cur, &facts);
    if (!e) e = triggers_of(d, k, facts, cur, out);
    json_decref(k);
    json_decref(facts);
    free(cur);
    return e;
}

/* ---------------------------------------------------------------- next step */

/* Open questions for listening (P4), in our own words. */
static const char *const questions[] = {
    "What exactly did you expect to see, and what did you get instead?",
    "Can you show me where it falls short? A page, a file or a date helps.",
    "When did you first notice it, and what has it cost you since?",
    "What matters most to you right now: the timing, the result or the money?",
    "If this were put right, what would that look like for you?",
    NULL};

/* A grievance longer than this many bytes is better talked through than answered in writing. */
#define LONG_GRIEVANCE 1000

/* ---------------------------------------------------------------- actions
 * What `case next` (and `today`) suggest is an action: a name from the list in desk.h, the
 * case, the ids of the open items it acts on as params, and the inputs the user still has to
 * give. Front doors render it: the CLI as a command ready to paste, the web desk as a button. */

typedef struct pb_input {
    const char *name, *hint;
} pb_input;

static const struct action_def {
    const char *name;
    const char *id_param; /* the open item it acts on (offer, commitment, …), or NULL */
    pb_input in[4];
} action_defs[] = {
    {"concern.add", NULL, {{"text", "…"}, {"specifics", "…"}, {"example", "…"}}},
    {"case.acknowledge", NULL, {{"text", "FILE"}, {"channel", "email|phone|meeting|chat|letter"}}},
    {"case.cause",
     NULL,
     {{"root", "missed_deadline|quality|communication|scope|billing|other"}, {"notes", "…"}}},
    {"case.reread", NULL, {{NULL, NULL}}},
    {"case.want", NULL, {{"want", "…"}, {"goal", "…"}, {"channel", "email|phone|meeting|chat"}}},
    {"case.confirm", NULL, {{NULL, NULL}}},
    {"case.correct", NULL, {{"correction", "…"}}},
    {"offer.make", NULL, {{"option", "KIND:WHAT:YYYY-MM-DD"}}},
    {"offer.choose", "offer", {{"option", "N"}}},
    {"offer.reject", "offer", {{"ask", "AMOUNT"}}},
    {"offer.list", NULL, {{NULL, NULL}}},
    {"commitment.done", "commitment", {{NULL, NULL}}},
    {"commitment.list", NULL, {{NULL, NULL}}},
    {"followup.add", NULL, {{"kind", "call|meeting|message"}, {"due", "YYYY-MM-DD"}}},
    {"followup.done", "followup", {{"outcome", "…"}}},
    {"feedback.record", NULL, {{"score", "1-5"}, {"text", "…"}}},
    {"case.close", NULL, {{"lesson", "…"}, {"change", "…"}}},
    {"lesson.list", NULL, {{NULL, NULL}}},
    {"escalation.outcome", "escalation", {{"text", "…"}}},
    {"case.pause", NULL, {{"reason", "…"}, {"until", "YYYY-MM-DD"}, {"message", "FILE"}}},
    {"case.resume", NULL, {{NULL, NULL}}},
    {"case.show", NULL, {{NULL, NULL}}},
    {"case.next", NULL, {{NULL, NULL}}},
    /* steps an error names first (desk_err_action) */
    {"legal.checklist", NULL, {{NULL, NULL}}},
    {"draft.edit", "draft", {{"text", "FILE"}}},
    {"draft.release", "draft", {{NULL, NULL}}},
    {"client.edit", "client", {{"email", "ADDRESS"}}},
    {"config.set", NULL, {{NULL, NULL}}},
    {"config.list", NULL, {{NULL, NULL}}},
};

json_t *desk_err_action(const rd_err *e)
{
    if (!e || !e->action) return NULL;
    json_t *ids = json_object();
    for (size_t i = 0; i < sizeof action_defs / sizeof action_defs[0]; i++)
        if (strcmp(action_defs[i].name, e->action) == 0 && action_defs[i].id_param &&
            e->action_item)
            json_object_set_new(ids, action_defs[i].id_param, json_integer(e->action_item));
    json_t *a = pb_action(e->action, e->action_case, ids, NULL);
    json_decref(ids);
    return a;
}

json_t *pb_action(const char *name, int64_t case_id, json_t *ids, json_t *params)
{
    const struct action_def *a = NULL;
    for (size_t i = 0; i < sizeof action_defs / sizeof action_defs[0]; i++)
        if (strcmp(action_defs[i].name, name) == 0) a = &action_defs[i];
    assert(a);
    json_t *p = params ? params : json_object();
    if (a->id_param && !json_object_get(p, a->id_param)) {
        json_t *v = json_object_get(ids, a->id_param);
        json_object_set_new(p, a->id_param, v ? json_incref(v) : json_null());
    }
    json_t *in = json_array();
    for (int i = 0; i < 4 && a->in[i].name; i++)
        if (!json_object_get(p, a->in[i].name))
            json_array_append_new(
                in, json_pack("{s:s, s:s}", "name", a->in[i].name, "hint", a->in[i].hint));
    return json_pack("{s:s, s:I, s:o, s:o}", "action", name, "case", (json_int_t)case_id, "params",
                     p, "inputs", in);
}

static const struct advice {
    int stage;
    const char *step, *why, *action, *alt;
} advice[] = {
    {S_INTAKE,
     "Cool off, then listen: call or write to ask what went wrong, and record each concern",
     "replying in anger is the classic mistake; the client first needs to be heard (P2, P4)",
     "concern.add", NULL},
    {S_LISTENING,
     "Keep listening until every concern is on the table, then acknowledge and apologise, giving "
     "your direct contact details",
     "an apology without conditions or a 'but' calms things down; no solutions yet (P4, P5)",
     "case.acknowledge", "concern.add"},
    {S_ACKNOWLEDGED, "Name the real problem and compare it with what was agreed",
     "the visible complaint is often not the real one; was the expectation never set, or set and "
     "missed? (P6, P20)",
     "case.cause", NULL},
    {S_PROBLEM,
     "Re-read the client's earlier messages, then restate what they want and ask them "
     "to confirm it",
     "offers stay blocked until the client confirms you understood them (P7)", "case.want",
     "case.reread"},
    {S_WANT, "Offer two or three options with dates and let the client choose",
     "a choice gives the client control back; refunds and discounts are the last resort (P8)",
     "offer.make", NULL},
    {S_OFFER, "Wait for the client's choice, then record it",
     "an offer is only settled when the client picks an option (P8)", "offer.choose",
     "offer.reject"},
    {S_AGREED, "Do what was promised, on time, and mark each commitment done",
     "following through is what the client will remember (P9)", "commitment.done",
     "commitment.list"},
    {S_ACTING, "Finish the remaining commitments",
     "when the last one is done a follow-up is scheduled automatically (P9)", "commitment.done",
     "commitment.list"},
    {S_FOLLOW_UP, "Check in with the client on the follow-up date",
     "asking whether the fix worked shows you care about the result, not just the case (P9)",
     "followup.done", NULL},
    {S_FEEDBACK, "Ask the client for feedback on how the complaint was handled",
     "their score tells you whether the relationship survived (P10)", "feedback.record", NULL},
    {S_CLOSED, "Nothing left on this case; make sure the lesson's change happens",
     "a lesson only helps once the change is made (P11)", "lesson.list", NULL},
    {S_ESCALATED, "Follow the escalation through and record what came of it",
     "every step of an escalation belongs on the case (P13)", "escalation.outcome", NULL},
    {S_TERMINATED, "The client was let go; finish any handover that is still open",
     "obligations must be fulfilled or handed over (P16)", "case.show", NULL},
};

/* The step `case next` advises at stage s, or NULL. */
static const char *advised(int stage)
{
    for (size_t i = 0; i < sizeof advice / sizeof advice[0]; i++)
        if (advice[i].stage == stage) return advice[i].action;
    return NULL;
}

/* A boundary message in our words for an abusive exchange (P14): calm, no blame, a pause with
 * a date when known. Caller frees. */
static char *boundary_message(json_t *k)
{
    const char *name = desk_js(k, "client_name");
    return xasprintf("Hello%s%s,\n\nI want to resolve this with you, and I will. I am not able to "
                     "continue while the conversation includes personal insults, so I am pausing "
                     "our exchange for a few days. I will write to you again on a date I will "
                     "confirm, and we can pick up where we left off then.\n",
                     name ? " " : "", name ? name : "");
}

rd_err *desk_case_next(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL, *facts = NULL, *trig = NULL, *overdue = NULL, *ids = NULL;
    char *cur = NULL;
    rd_timestr today;
    pb_today(today);
    rd_err *e = case_and_facts(d, case_id, today, &k, &cur, &facts);
    if (!e) e = store_case_open_ids(d->st, case_id, &ids);
    int s = e ? -1 : stage_index(pb_stage(k));
    int open = s >= 0 && s != S_CLOSED && s != S_TERMINATED;
    if (!e && open) e = triggers_of(d, k, facts, cur, &trig);
    if (!e) e = store_commitment_list(d->st, case_id, today, NULL, &overdue);
    if (e) goto out;
    if (!trig) trig = json_array();

    const char *step = "Review the case", *why = "", *action = "case.show", *alt = NULL;
    for (size_t i = 0; i < sizeof advice / sizeof advice[0]; i++)
        if (advice[i].stage == s) {
            step = advice[i].step;
            why = advice[i].why;
            action = advice[i].action;
            alt = advice[i].alt;
        }
    json_t *params = NULL, *alt_params = NULL;
    const char *stage = pb_stage(k);
    /* refined where the record says more: a drafted but unconfirmed want, a rejected offer,
     * feedback already given */
    if (strcmp(stage, "problem_identified") == 0 && desk_js(k, "want")) {
        step = "Ask the client whether the restatement is right, and record the answer";
        why = "offers stay blocked until the client confirms (P7); a correction needs "
              "confirming again";
        action = "case.confirm";
        params = json_pack("{s:s}", "by", "client");
        alt = "case.correct";
    } else if (strcmp(stage, "offer_made") == 0 && desk_ji(facts, "open_offers") == 0) {
        step = "The client turned the offer down: make a counter-offer (see the meet-halfway "
               "figure) or consider escalating";
        why = "a rejected offer is part of the negotiation; the history stays on the case (P8)";
        action = "offer.make";
        alt = "offer.list";
    } else if (strcmp(stage, "feedback") == 0 && desk_ji(facts, "feedback") > 0) {
        step = "Take stock: close the case with a lesson, the change it leads to, and what the "
               "case cost you";
        why = "each complaint should make the next one less likely (P11)";
        action = "case.close";
        alt = NULL;
    } else if (s == S_CLOSED) {
        params = json_pack("{s:b}", "open", 1);
    }
    const char *status = desk_js(k, "status");
    int paused = status && strcmp(status, "paused") == 0;
    int abusive = desk_ji(k, "abuse") != 0;
    char *pause_why = NULL, *boundary = NULL;
    if (paused) {
        const char *until = desk_js(k, "pause_until");
        pause_why = xasprintf("%s%s%s%s",
                              desk_js(k, "pause_reason") ? desk_js(k, "pause_reason") : "paused",
                              until ? "; contact resumes on " : "", until ? until : "",
                              " (P14): nothing goes out while it lasts");
        step = "Contact is paused: give both sides time, then resume";
        why = pause_why;
        action = "case.resume";
        json_decref(params);
        params = NULL;
        alt = NULL;
    } else if (abusive && open) {
        step = "Pause contact and send a short boundary message; do not call";
        why = "abusive language was recorded: give both sides time before anything else (P14)";
        action = "case.pause";
        json_decref(params);
        params = NULL;
        alt = NULL;
        boundary = boundary_message(k);
    }
    json_t *actions = json_array();
    json_array_append_new(actions, pb_action(action, case_id, ids, params));
    if (alt) json_array_append_new(actions, pb_action(alt, case_id, ids, alt_params));
    json_t *res =
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "case_id", (json_int_t)case_id, "stage", stage,
                  "status", status ? status : "open", "step", step, "why", why, "actions", actions);
    free(pause_why);
    json_t *pu = json_object_get(k, "pause_until");
    json_object_set_new(res, "pause_until", pu ? json_incref(pu) : json_null());
    json_object_set_new(res, "boundary_message", boundary ? json_string(boundary) : json_null());
    free(boundary);

    /* cooling off (P2): nothing goes out before the window has passed */
    rd_timestr until;
    json_object_set_new(res, "cool_off_until",
                        open && pb_cooling(d, k, until) ? json_string(until) : json_null());

    json_t *qs = json_array();
    if (!paused && !abusive && (s == S_INTAKE || s == S_LISTENING))
        for (int i = 0; questions[i]; i++)
            json_array_append_new(qs, json_string(questions[i]));
    json_object_set_new(res, "questions", qs);

    /* talk, don't type (P3): never to an abuser, never while paused */
    int64_t hostility = desk_ji(k, "hostility");
    const char *words = desk_js(k, "words");
    size_t wlen = words ? strlen(words) : 0;
    if (open && !paused && !abusive && (hostility >= 2 || wlen > LONG_GRIEVANCE)) {
        char *w = hostility >= 2
                      ? xasprintf("hostility is %lld of 3: call or meet instead of writing (P3)",
                                  (long long)hostility)
                      : xasprintf("the complaint is long (%zu characters): talk it through on a "
                                  "call instead of answering in writing (P3)",
                                  wlen);
        json_object_set_new(
            res, "call_instead",
            json_pack("{s:s, s:o}", "why", w, "action",
                      pb_action("followup.add", case_id, ids, json_pack("{s:s}", "kind", "call"))));
        free(w);
    } else {
        json_object_set_new(res, "call_instead", json_null());
    }
    /* the root cause triage read in the client's words, while the user has not named one */
    const char *suggested = desk_js(k, "triage_root");
    json_object_set_new(res, "suggested_root_cause",
                        open && suggested && !desk_js(k, "root_cause") ? json_string(suggested)
                                                                       : json_null());
    json_object_set_new(res, "overdue", overdue);
    overdue = NULL;
    json_object_set_new(res, "triggers", trig);
    trig = NULL;
    json_object_set_new(res, "contact",
                        json_pack("{s:s?, s:s?, s:s?}", "name", desk_js(k, "client_name"), "email",
                                  desk_js(k, "client_email"), "phone", desk_js(k, "client_phone")));
    *out = res;
out:
    json_decref(k);
    json_decref(facts);
    json_decref(trig);
    json_decref(overdue);
    json_decref(ids);
    free(cur);
    return e;
}

char *desk_restatement_text(rd_desk *d, int64_t case_id)
{
    json_t *k = NULL;
    char *text = NULL;
    if (store_case_get(d->st, case_id, &k) == NULL && desk_js(k, "want"))
        text = restatement(d, case_id, desk_js(k, "want"),
                           desk_js(k, "goal") ? desk_js(k, "goal") : "it is put right");
    json_decref(k);
    return text;
}
