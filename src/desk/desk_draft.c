/* desk_draft.c — the analyzer at work in the desk. Incoming words are triaged as they are
 * recorded (P1, section 4) and raise the case's hostility and flags; replies are drafted, tone
 * checked (P5) and held (P2: the draft hold, and for the first reply the case's cool-off) before
 * they can be released into the communication log. */
#include "desk/playbook_int.h"

#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

/* "deadline quality" for the complaint bits; caller frees. */
static char *complaint_words(unsigned bits)
{
    rd_buf b;
    buf_init(&b, 0);
    for (int i = 0; i < COMPLAINT_KINDS; i++) {
        if (!(bits & (1u << i))) continue;
        rd_err_free(buf_adds(&b, b.len ? " " : ""));
        rd_err_free(buf_adds(&b, complaint_name(1u << i)));
    }
    return buf_detach(&b);
}

rd_err *desk_triage_record(rd_desk *d, int64_t log_id, int64_t case_id, const char *text)
{
    triage_result r;
    rd_err *e = triage_message("text", text, strlen(text), &r);
    if (e) return e;
    json_t *j = triage_json(&r, text);
    char *findings = json_dumps(json_object_get(j, "findings"), JSON_COMPACT);
    char *complaints = complaint_words(r.complaints);
    rd_triage_fields t = {
        r.hostility,     r.abuse,           r.legal_threat, r.review_threat,
        r.refund_demand, r.payment_refusal, complaints,     root_cause_name(r.root_cause),
        findings};
    rd_timestr now;
    desk_now(now);
    e = store_log_triage_insert(d->st, log_id, &t);
    if (!e && case_id) e = store_case_raise_flags(d->st, case_id, &t, now);
    free(findings);
    free(complaints);
    json_decref(j);
    return e;
}

/* ---------------------------------------------------------------- drafts */

typedef struct checked {
    tone_result r;
    char *json; /* the tone check as JSON text; owned */
} checked;

static rd_err *check_text(const char *body, checked *c)
{
    rd_err *e = tone_check("text", body, strlen(body), &c->r);
    if (e) return e;
    json_t *j = tone_json(&c->r, body);
    c->json = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return NULL;
}

/* When a new draft on case k may be released: after the draft hold, and for the first reply on
 * the case, not before the cool-off after the complaint arrived. */
static rd_err *hold_until(rd_desk *d, json_t *k, rd_timestr out)
{
    int64_t hold, cool, replies, t;
    rd_err *e = desk_config_int(d, "draft_hold_minutes", &hold);
    if (!e) e = desk_config_int(d, "cool_off_minutes", &cool);
    if (!e) e = store_case_replies(d->st, desk_ji(k, "id"), &replies);
    if (!e) e = time_parse("received", desk_js(k, "received_at"), &t);
    if (e) return e;
    int64_t until = time_now() + hold * 60;
    if (replies == 0 && t + cool * 60 > until) until = t + cool * 60;
    time_iso(until, out);
    return NULL;
}

static rd_err *check_draft_input(const desk_draft_input *in)
{
    if (text_blank(in->body)) return rd_error(RD_INVALID, "text: the draft is empty");
    rd_err *e = text_check("text", in->body, DESK_MAX_TEXT, true);
    if (!e) e = text_check("subject", in->subject, DESK_MAX_FIELD, false);
    if (!e) e = desk_check_word("channel", in->channel, desk_channels);
    return e;
}

rd_err *desk_draft_new(rd_desk *d, const desk_draft_input *in, int64_t *id)
{
    int64_t case_id;
    checked c = {0};
    rd_timestr now, until;
    json_t *k = NULL;
    rd_err *e = desk_parse_id("case", in->case_id, &case_id);
    if (!e) e = check_draft_input(in);
    if (!e) e = check_text(in->body, &c);
    if (e) return e;
    desk_now(now);
    if ((e = store_begin(d->st))) goto out;
    e = store_case_get(d->st, case_id, &k);
    if (!e && strcmp(desk_js(k, "status"), "closed") == 0)
        e = rd_error(RD_CONFLICT, "case: case %lld is closed", (long long)case_id);
    if (!e) e = hold_until(d, k, until);
    rd_draft_fields f = {case_id,     in->channel ? in->channel : "email",
                         in->subject, in->body,
                         c.r.errors,  c.r.warnings,
                         c.r.hints,   c.json,
                         until};
    if (!e) e = store_draft_insert(d->st, &f, now, id);
    if (!e) {
        json_t *detail = json_pack("{s:I, s:i, s:i, s:s}", "case_id", (json_int_t)case_id, "errors",
                                   c.r.errors, "warnings", c.r.warnings, "hold_until", until);
        e = desk_audit(d, "draft.new", "drafts", *id, detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
out:
    json_decref(k);
    free(c.json);
    return e;
}

static rd_err *editable(json_t *draft)
{
    if (strcmp(desk_js(draft, "status"), "released") == 0)
        return rd_error(RD_CONFLICT, "draft: draft %lld was already released",
                        (long long)desk_ji(draft, "id"));
    return NULL;
}

rd_err *desk_draft_edit(rd_desk *d, int64_t id, const desk_draft_input *in)
{
    checked c = {0};
    rd_timestr now;
    json_t *draft = NULL;
    rd_err *e = check_draft_input(in);
    if (!e) e = check_text(in->body, &c);
    if (e) return e;
    desk_now(now);
    if ((e = store_begin(d->st))) goto out;
    e = store_draft_get(d->st, id, &draft);
    if (!e) e = editable(draft);
    rd_draft_fields f = {0,         NULL,   in->subject, in->body, c.r.errors, c.r.warnings,
                         c.r.hints, c.json, NULL};
    if (!e) e = store_draft_update_text(d->st, id, &f, now);
    if (!e) {
        json_t *detail = json_pack("{s:i, s:i}", "errors", c.r.errors, "warnings", c.r.warnings);
        e = desk_audit(d, "draft.edit", "drafts", id, detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
out:
    json_decref(draft);
    free(c.json);
    return e;
}

/* Adds "held" and "tone" (parsed) to a draft row. */
static void decorate(json_t *draft)
{
    int64_t until = 0;
    rd_err *e = time_parse("hold_until", desk_js(draft, "hold_until"), &until);
    rd_err_free(e);
    int64_t left = until - time_now();
    bool held = strcmp(desk_js(draft, "status"), "draft") == 0 && left > 0;
    json_object_set_new(draft, "held", json_boolean(held));
    json_object_set_new(draft, "hold_minutes_left", json_integer(held ? (left + 59) / 60 : 0));
    const char *tone = desk_js(draft, "tone");
    if (tone) json_object_set_new(draft, "tone", json_loads(tone, 0, NULL));
}

rd_err *desk_draft_get(rd_desk *d, int64_t id, json_t **out)
{
    rd_err *e = store_draft_get(d->st, id, out);
    if (!e) decorate(*out);
    json_t *delivery = NULL; /* the SMTP delivery of `draft send`, if any */
    if (!e) e = store_outbox_get(d->st, id, &delivery);
    if (!e) json_object_set_new(*out, "delivery", delivery ? delivery : json_null());
    return e;
}

rd_err *desk_draft_list(rd_desk *d, int64_t case_id, rd_page *page, json_t **out)
{
    json_t *k = NULL;
    rd_err *e = case_id ? store_case_get(d->st, case_id, &k) : NULL;
    json_decref(k);
    if (!e) e = store_draft_list(d->st, case_id, page, out);
    if (e) return e;
    size_t i;
    json_t *row;
    json_array_foreach(*out, i, row) decorate(row);
    return NULL;
}

/* Why a draft may not go out yet, or NULL when it may. */
static rd_err *release_guard(json_t *draft, const checked *c)
{
    long long id = (long long)desk_ji(draft, "id");
    int64_t until = 0, now = time_now();
    rd_err *e = time_parse("hold_until", desk_js(draft, "hold_until"), &until);
    if (e) return e;
    if (now < until) {
        rd_timestr at;
        time_local(until, at);
        return rd_err_overridable(rd_error(RD_CONFLICT,
                                           "draft %lld: on hold until %s (%lld min left) so that "
                                           "it is not sent in anger; wait",
                                           id, at, (long long)((until - now + 59) / 60)));
    }
    if (c->r.errors > 0)
        return rd_err_next(
            rd_err_overridable(rd_error(
                RD_CONFLICT,
                "draft %lld: the tone check found %d error%s; edit the draft to "
                "fix %s",
                id, c->r.errors, c->r.errors == 1 ? "" : "s", c->r.errors == 1 ? "it" : "them")),
            "draft.edit", desk_ji(draft, "case_id"), id);
    return NULL;
}

rd_err *desk_draft_release(rd_desk *d, int64_t id, const char *override, int64_t *log_id)
{
    checked c = {0};
    json_t *draft = NULL;
    rd_timestr now;
    rd_err *e = NULL;
    if (override && text_blank(override))
        return rd_error(RD_INVALID, "override: give the reason for overriding");
    if ((e = text_check("override", override, DESK_MAX_FIELD, false))) return e;
    desk_now(now);
    if ((e = store_begin(d->st))) return e;
    e = store_draft_get(d->st, id, &draft);
    if (!e) e = editable(draft);
    if (!e) e = check_text(desk_js(draft, "body"), &c); /* re-checked at release (P2) */
    rd_err *guard = e ? NULL : release_guard(draft, &c);
    if (guard && !override)
        e = guard;
    else
        rd_err_free(guard);
    json_t *k = NULL; /* nothing goes out while contact is paused (P14) */
    if (!e) e = store_case_get(d->st, desk_ji(draft, "case_id"), &k);
    if (!e) e = pb_hold(d, k, "a draft", override, NULL);
    json_decref(k);
    if (!e) {
        rd_draft_fields f = {0,          NULL,         NULL,      desk_js(draft, "body"),
                             c.r.errors, c.r.warnings, c.r.hints, c.json,
                             NULL};
        e = store_draft_update_text(d->st, id, &f, now);
    }
    if (!e) {
        rd_log_fields lf = {desk_ji(draft, "client_id"),
                            desk_ji(draft, "case_id"),
                            "out",
                            desk_js(draft, "channel"),
                            now,
                            desk_js(draft, "subject"),
                            desk_js(draft, "body")};
        e = store_log_append(d->st, &lf, now, log_id);
    }
    if (!e) e = store_draft_release(d->st, id, *log_id, override, now);
    if (!e) {
        json_t *detail = json_pack("{s:I, s:i, s:s?}", "log_id", (json_int_t)*log_id, "errors",
                                   c.r.errors, "override", override);
        e = desk_audit(d, "draft.release", "drafts", id, detail);
        json_decref(detail);
    }
    json_decref(draft);
    free(c.json);
    return store_end(d->st, e);
}

rd_err *desk_tone_gate(const char *field, const char *text, const char *what)
{
    if (text_blank(text)) return NULL;
    tone_result r;
    rd_err *e = tone_check(field, text, strlen(text), &r);
    if (e || r.errors == 0) return e;
    rd_buf rules;
    buf_init(&rules, 1024);
    for (size_t i = 0; i < r.ndiags; i++) {
        if (r.diags[i].severity != SEV_ERROR) continue;
        rd_err_free(buf_addf(&rules, "%s%s at %u:%u", rules.len ? ", " : "",
                             tone_rule_name(r.diags[i].rule), r.diags[i].line, r.diags[i].column));
    }
    e = rd_err_overridable(rd_error(RD_CONFLICT,
                                    "%s: %s has %d tone-check error%s (%s); rephrase it (the tone "
                                    "check explains each)",
                                    field, what, r.errors, r.errors == 1 ? "" : "s",
                                    buf_str(&rules)));
    buf_reset(&rules);
    return e;
}

/* ---------------------------------------------------------------- analysis on its own */

rd_err *desk_triage_text(const char *field, const char *text, size_t len, json_t **out)
{
    triage_result r;
    rd_err *e = triage_message(field, text, len, &r);
    if (!e) *out = triage_json(&r, text);
    return e;
}

rd_err *desk_tone_text(const char *field, const char *text, size_t len, json_t **out)
{
    tone_result r;
    rd_err *e = tone_check(field, text, len, &r);
    if (!e) *out = tone_json(&r, text);
    return e;
}

rd_err *desk_tone_rule(const char *field, const char *name, json_t **out)
{
    tone_rule r;
    if (!tone_rule_parse(name, &r))
        return rd_error_at(RD_USAGE, field,
                           "%s: unknown rule '%s' (rules: conditional-apology, apology-but, "
                           "blame-shifting, dismissive, passive-responsibility, vague-commitment, "
                           "shouting)",
                           field, name);
    *out = json_pack("{s:s, s:s, s:s, s:s}", "rule", tone_rule_name(r), "severity",
                     tone_severity_name(tone_rule_severity(r)), "explain", tone_rule_explain(r),
                     "example", tone_rule_example(r));
    return NULL;
}

const char *desk_hostility_words(int level)
{
    return hostility_name(level);
}
