/* playbook.c — the resolution path every case walks (P1–P14), in one place: the stages, the
 * table of which operation may run at which stage and where it takes the case, the guards that
 * refuse out of order (with --override as the recorded way round them), the case operations of
 * listening, acknowledging, finding the real problem, the restatement, flags, pausing, closing
 * and escalating, and the advice of `case next` with its triggers. Offers and follow-through
 * live in desk_offer.c and pass through the same guard. */
#include "desk/playbook_int.h"

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
 * whether it may run while contact is paused, and what must happen first when it is refused. */
static const struct rule {
    const char *op;
    unsigned from;
    int to;
    int back;         /* 1: may move the case back along the path (a redrafted restatement) */
    int while_paused; /* 1: allowed while contact is paused */
    const char *first;
} rules[] = {
    {"concern.add", B(S_INTAKE) | B(S_LISTENING) | B(S_ACKNOWLEDGED) | B(S_PROBLEM), S_LISTENING, 0,
     0, "concerns are gathered before the restatement is confirmed; redraft it first (case want)"},
    {"case.acknowledge", B(S_LISTENING) | B(S_ACKNOWLEDGED), S_ACKNOWLEDGED, 0, 0,
     "listen first: record at least one of the client's concerns (case concern add)"},
    {"case.cause", B(S_ACKNOWLEDGED) | B(S_PROBLEM), S_PROBLEM, 0, 0,
     "acknowledge the complaint first (case acknowledge)"},
    {"case.want", B(S_PROBLEM) | B(S_WANT), S_PROBLEM, 1, 0,
     "identify the real problem first (case cause)"},
    {"case.confirm", B(S_PROBLEM), S_WANT, 0, 0,
     "draft the restatement first (case want), then record the client's answer"},
    {"offer.make", B(S_WANT) | B(S_OFFER), S_OFFER, 0, 0,
     "the client must confirm the restatement before any offer (P7): case want, then case confirm"},
    {"offer.choose", B(S_OFFER), S_AGREED, 0, 0, "make an offer first (offer make)"},
    {"offer.reject", B(S_OFFER), -1, 0, 0, "make an offer first (offer make)"},
    {"commitment.done", B(S_AGREED) | B(S_ACTING), S_ACTING, 0, 0,
     "the client must choose an option first (offer choose)"},
    {"followup.done", B(S_FOLLOW_UP), S_FEEDBACK, 0, 0,
     "finish every commitment first (commitment done); that schedules the follow-up"},
    {"feedback.record", B(S_FEEDBACK), -1, 0, 0,
     "hold the follow-up first (followup done), then ask for feedback"},
    {"case.close", B(S_FEEDBACK) | B(S_ESCALATED), S_CLOSED, 0, 1,
     "follow through first: commitments done, follow-up held, feedback asked for"},
    {"escalate", OPEN_STAGES, S_ESCALATED, 0, 1, "the case is no longer open"},
    {"escalation.outcome", B(S_ESCALATED), -1, 0, 1, "the case is not escalated"},
    {"case.flag", OPEN_STAGES, -1, 0, 1, "the case is no longer open"},
    {"case.pause", OPEN_STAGES, -1, 0, 1, "the case is no longer open"},
    {"case.resume", OPEN_STAGES, -1, 0, 1, "the case is no longer open"},
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

/* The refusal text for op on kase, or NULL when op may run. Caller frees. */
static char *refusal(const struct rule *r, json_t *kase)
{
    long long id = (long long)desk_ji(kase, "id");
    const char *stage = pb_stage(kase), *status = desk_js(kase, "status");
    int s = stage_index(stage);
    if (status && strcmp(status, "paused") == 0 && !r->while_paused)
        return xasprintf("status: case %lld is paused (%s); resume it first (case resume %lld)", id,
                         desk_js(kase, "pause_reason") ? desk_js(kase, "pause_reason") : "", id);
    if (strcmp(r->op, "case.resume") == 0 && (!status || strcmp(status, "paused") != 0))
        return xasprintf("status: case %lld is not paused", id);
    if (strcmp(r->op, "case.pause") == 0 && status && strcmp(status, "paused") == 0)
        return xasprintf("status: case %lld is already paused", id);
    if (s < 0 || !(r->from & B(s)))
        return xasprintf("stage: case %lld is at %s; %s", id, stage ? stage : "?", r->first);
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
    char *why = refusal(r, *kase);
    if (overrode) *overrode = NULL;
    if (!why) return NULL;
    if (override) {
        if (overrode)
            *overrode = why;
        else
            free(why);
        return NULL;
    }
    e = rd_error(RD_CONFLICT, "%s (or --override REASON)", why);
    free(why);
    json_decref(*kase);
    *kase = NULL;
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
                   const char *body, const char *now)
{
    int64_t log_id;
    rd_log_fields f = {desk_ji(kase, "client_id"),
                       desk_ji(kase, "id"),
                       "out",
                       channel ? channel : desk_js(kase, "channel"),
                       now,
                       subject,
                       body};
    return store_log_append(d->st, &f, now, &log_id);
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
    if (!e) e = store_case_set_want(d->st, case_id, want, goal, now);
    if (!e) {
        *draft = restatement(d, case_id, want, goal);
        e = pb_log_out(d, k, NULL, "Restatement for confirmation", *draft, now);
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
        e = rd_error(RD_CONFLICT,
                     "want: case %lld has no restatement yet; draft it first (case want) (or "
                     "--override REASON)",
                     (long long)case_id);
    if (!e && correction) {
        const char *goal = desk_js(k, "goal") ? desk_js(k, "goal") : "it is put right";
        char *g = xstrdup(goal);
        e = store_case_set_want(d->st, case_id, correction, g, now);
        if (!e) {
            *draft = restatement(d, case_id, correction, g);
            e = pb_log_out(d, k, NULL, "Corrected restatement for confirmation", *draft, now);
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
    if (!e) e = yes_no("legal-threat", in->legal_threat, &v[2], &f.legal_threat);
    if (!e) e = yes_no("review-threat", in->review_threat, &v[3], &f.review_threat);
    if (!e) e = yes_no("refund-demand", in->refund_demand, &v[4], &f.refund_demand);
    if (!e) e = yes_no("payment-refusal", in->payment_refusal, &v[5], &f.payment_refusal);
    if (!e && !f.hostility && !f.abuse && !f.legal_threat && !f.review_threat && !f.refund_demand &&
        !f.payment_refusal)
        e = rd_error(RD_INVALID, "flag: give at least one of --hostility, --abuse, --legal-threat,"
                                 " --review-threat, --refund-demand, --payment-refusal");
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
    rd_err *e = check_want("reason", reason);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "case.pause", NULL, &k, NULL);
    if (!e) e = store_case_set_status(d->st, case_id, "paused", reason, now);
    if (!e)
        e = pb_audit(d, "case.pause", "cases", case_id, json_pack("{s:s}", "reason", reason), NULL,
                     NULL);
    json_decref(k);
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
    if (!e) e = yes_no("change-made", in->change_made, &made, &pm);
    if (!e) e = pb_override_check(override);
    int has_lesson = !text_blank(in->lesson), has_change = !text_blank(in->change);
    if (!e && has_lesson != has_change)
        e = rd_error(RD_INVALID, "%s: a lesson needs both what went wrong and what will change",
                     has_lesson ? "change" : "lesson");
    if (!e && !has_lesson && !override)
        e = rd_error(RD_CONFLICT, "lesson: closing needs a lesson (P11): --lesson \"what went "
                                  "wrong\" --change \"what will change\" (or --override REASON)");
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
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "escalate", override, &k, &overrode);
    if (!e)
        e = store_escalation_insert(d->st, case_id, in->level, in->reason, in->mediator, in->date,
                                    now, id);
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

/* ---------------------------------------------------------------- triggers (P12, P16) */

static void add_trigger(json_t *list, const char *trigger, const char *kind, char *why,
                        json_t *facts)
{
    json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:o}", "trigger", trigger, "kind", kind,
                                          "why", why, "facts", facts));
    free(why);
}

rd_err *desk_case_triggers(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL, *facts = NULL, *walk = NULL;
    char *cur = NULL;
    int64_t threshold = 0;
    rd_timestr today;
    pb_today(today);
    rd_err *e = store_case_get(d->st, case_id, &k);
    if (!e) e = pb_case_currency(d, k, &cur);
    if (!e) e = desk_config_money(d, "risk_threshold", cur, &threshold);
    if (!e) e = store_case_facts(d->st, case_id, today, cur, &facts);
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
    int64_t unpaid = desk_ji(facts, "unpaid"), ask = desk_ji(facts, "latest_ask");
    if (unpaid + ask > threshold) {
        char a[48], t[48], u[48], q[48];
        money_format(unpaid + ask, cur, a, sizeof a);
        money_format(threshold, cur, t, sizeof t);
        money_format(unpaid, cur, u, sizeof u);
        money_format(ask, cur, q, sizeof q);
        add_trigger(list, "money_at_risk", "escalation",
                    xasprintf("%s is at risk (unpaid invoices %s + refund asked %s), above the "
                              "threshold of %s",
                              a, u, q, t),
                    json_pack("{s:I, s:I, s:I, s:I, s:s}", "at_risk", (json_int_t)(unpaid + ask),
                              "unpaid", (json_int_t)unpaid, "ask", (json_int_t)ask, "threshold",
                              (json_int_t)threshold, "currency", cur));
    }
    if (desk_ji(k, "legal_threat"))
        add_trigger(list, "legal_threat", "escalation",
                    xstrdup("a legal threat was recorded on the case; consider mediation or a "
                            "lawyer before replying"),
                    json_pack("{s:i}", "legal_threat", 1));
    if (desk_ji(k, "review_threat"))
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
    json_decref(k);
    json_decref(facts);
    json_decref(walk);
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

static const struct advice {
    int stage;
    const char *step, *why, *command;
} advice[] = {
    {S_INTAKE,
     "Cool off, then listen: call or write to ask what went wrong, and record each concern",
     "replying in anger is the classic mistake; the client first needs to be heard (P2, P4)",
     "redress case concern add %lld --text \"…\" --specifics \"…\" --example \"…\""},
    {S_LISTENING,
     "Keep listening until every concern is on the table, then acknowledge and apologise",
     "an apology without conditions or a 'but' calms things down; no solutions yet (P4, P5)",
     "redress case acknowledge %lld --text FILE"},
    {S_ACKNOWLEDGED, "Name the real problem and compare it with what was agreed",
     "the visible complaint is often not the real one; was the expectation never set, or set and "
     "missed? (P6, P20)",
     "redress case cause %lld --root missed_deadline|quality|communication|scope|billing|other"},
    {S_PROBLEM, "Restate what the client wants and ask them to confirm it",
     "offers stay blocked until the client confirms you understood them (P7)",
     "redress case want %lld --want \"…\" --goal \"…\""},
    {S_WANT, "Offer two or three options with dates and let the client choose",
     "a choice gives the client control back; refunds and discounts are the last resort (P8)",
     "redress offer make %lld --option redo:…:YYYY-MM-DD --option partial_refund:10%%:YYYY-MM-DD"},
    {S_OFFER, "Wait for the client's choice, then record it",
     "an offer is only settled when the client picks an option (P8)",
     "redress offer choose OFFER --option N   (or: redress offer reject OFFER --ask AMOUNT)"},
    {S_AGREED, "Do what was promised, on time, and mark each commitment done",
     "following through is what the client will remember (P9)",
     "redress commitment list --case %lld; redress commitment done ID"},
    {S_ACTING, "Finish the remaining commitments",
     "when the last one is done a follow-up is scheduled automatically (P9)",
     "redress commitment list --case %lld; redress commitment done ID"},
    {S_FOLLOW_UP, "Check in with the client on the follow-up date",
     "asking whether the fix worked shows you care about the result, not just the case (P9)",
     "redress followup list --due; redress followup done ID --outcome \"…\""},
    {S_FEEDBACK, "Ask the client for feedback on how the complaint was handled",
     "their score tells you whether the relationship survived (P10)",
     "redress feedback record %lld --score 1-5 --text \"…\""},
    {S_CLOSED, "Nothing left on this case; make sure the lesson's change happens",
     "a lesson only helps once the change is made (P11)", "redress lesson list --open"},
    {S_ESCALATED, "Follow the escalation through and record what came of it",
     "every step of an escalation belongs on the case (P13)",
     "redress escalation outcome ID --text \"…\""},
    {S_TERMINATED, "The client was let go; finish any handover that is still open",
     "obligations must be fulfilled or handed over (P16)", "redress case show %lld"},
};

/* Refines the stage's advice where the record says more (a drafted but unconfirmed want, an
 * open offer versus a rejected one, feedback already given). */
static void refine(json_t *k, json_t *facts, const char **step, const char **why, const char **cmd)
{
    const char *stage = pb_stage(k);
    if (strcmp(stage, "problem_identified") == 0 && desk_js(k, "want")) {
        *step = "Ask the client whether the restatement is right, and record the answer";
        *why = "offers stay blocked until the client confirms (P7); a correction needs "
               "confirming again";
        *cmd = "redress case confirm %lld --by client   (or --correction \"…\")";
    } else if (strcmp(stage, "offer_made") == 0 && desk_ji(facts, "open_offers") == 0) {
        *step = "The client turned the offer down: make a counter-offer (see the meet-halfway "
                "figure) or consider escalating";
        *why = "a rejected offer is part of the negotiation; the history stays on the case (P8)";
        *cmd = "redress offer make %lld --option …   (redress offer list %lld shows the history)";
    } else if (strcmp(stage, "feedback") == 0 && desk_ji(facts, "feedback") > 0) {
        *step = "Take stock: close the case with a lesson and the change it leads to";
        *why = "each complaint should make the next one less likely (P11)";
        *cmd = "redress case close %lld --lesson \"…\" --change \"…\"";
    }
}

static char *format_cmd(const char *cmd, int64_t id)
{
    /* every command template takes the case id at most twice */
    return xasprintf(cmd, (long long)id, (long long)id);
}

rd_err *desk_case_next(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL, *facts = NULL, *trig = NULL, *overdue = NULL;
    char *cur = NULL;
    rd_timestr today;
    pb_today(today);
    rd_err *e = store_case_get(d->st, case_id, &k);
    if (!e) e = pb_case_currency(d, k, &cur);
    if (!e) e = store_case_facts(d->st, case_id, today, cur, &facts);
    if (!e) e = desk_case_triggers(d, case_id, &trig);
    if (!e) e = store_commitment_list(d->st, case_id, today, NULL, &overdue);
    if (e) goto out;

    int s = stage_index(pb_stage(k));
    const char *step = "Review the case", *why = "", *cmd = "redress case show %lld";
    for (size_t i = 0; i < sizeof advice / sizeof advice[0]; i++)
        if (advice[i].stage == s) {
            step = advice[i].step;
            why = advice[i].why;
            cmd = advice[i].command;
        }
    refine(k, facts, &step, &why, &cmd);
    const char *status = desk_js(k, "status");
    if (status && strcmp(status, "paused") == 0) {
        step = "Contact is paused: give both sides time, then resume";
        why = desk_js(k, "pause_reason") ? desk_js(k, "pause_reason") : "paused (P14)";
        cmd = "redress case resume %lld";
    }
    char *command = format_cmd(cmd, case_id);
    json_t *res = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "case_id", (json_int_t)case_id,
                            "stage", pb_stage(k), "status", status ? status : "open", "step", step,
                            "why", why, "command", command);
    free(command);

    /* cooling off (P2): no reply before the window has passed */
    int64_t cool = 0, received = 0;
    rd_err *ce = desk_config_int(d, "cool_off_minutes", &cool);
    if (!ce) ce = time_parse("received", desk_js(k, "received_at"), &received);
    rd_err_free(ce);
    if (s == S_INTAKE && received + cool * 60 > time_now()) {
        rd_timestr until;
        time_local(received + cool * 60, until);
        json_object_set_new(res, "cool_off_until", json_string(until));
    } else {
        json_object_set_new(res, "cool_off_until", json_null());
    }

    json_t *qs = json_array();
    if (s == S_INTAKE || s == S_LISTENING)
        for (int i = 0; questions[i]; i++)
            json_array_append_new(qs, json_string(questions[i]));
    json_object_set_new(res, "questions", qs);

    int64_t hostility = desk_ji(k, "hostility");
    const char *words = desk_js(k, "words");
    size_t wlen = words ? strlen(words) : 0;
    if (s < S_CLOSED && (hostility >= 2 || wlen > LONG_GRIEVANCE)) {
        char *w = hostility >= 2
                      ? xasprintf("hostility is %lld of 3: call or meet instead of writing (P3)",
                                  (long long)hostility)
                      : xasprintf("the complaint is long (%zu characters): talk it through on a "
                                  "call instead of answering in writing (P3)",
                                  wlen);
        json_object_set_new(res, "call_instead", json_pack("{s:s}", "why", w));
        free(w);
    } else {
        json_object_set_new(res, "call_instead", json_null());
    }
    /* the root cause triage read in the client's words, while the user has not named one */
    const char *suggested = desk_js(k, "triage_root");
    json_object_set_new(res, "suggested_root_cause",
                        suggested && !desk_js(k, "root_cause") ? json_string(suggested)
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
