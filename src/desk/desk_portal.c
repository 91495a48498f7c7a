/* desk_portal.c — the client's side of a case (P7, P8, P10): a private, expiring link that
 * opens one case for its client, what the client sees there, and what the client can do —
 * confirm or correct the restatement, choose an option or propose their own fix, say whether a
 * commitment was met, leave feedback. Each action runs the same desk operation the user would
 * run for them, inside one transaction with the log entry (from the client, via the portal),
 * a portal event for the user's today view, and the audit entry. */
#include "desk/playbook_int.h"

#include <stdlib.h>
#include <string.h>

#define PORTAL_PREFIX       "p_"
#define PORTAL_DAYS_DEFAULT 30
#define PORTAL_DAYS_MAX     180

const char *const desk_portal_actions[] = {"confirm", "correct", "choose",   "propose",
                                           "met",     "not_met", "feedback", NULL};

rd_err *desk_portal_link(rd_desk *d, int64_t case_id, const char *days, char **token, json_t **out)
{
    int64_t n = PORTAL_DAYS_DEFAULT;
    rd_err *e = days ? parse_int("expires", days, 1, PORTAL_DAYS_MAX, &n) : NULL;
    if (e) return e;
    char secret[RD_SECRET_MAX], hash[65];
    secret_new(PORTAL_PREFIX, secret);
    secret_hash(secret, hash);
    rd_timestr now, expires;
    desk_now(now);
    time_iso(time_now() + n * 86400, expires);
    json_t *k = NULL;
    int64_t id = 0;
    if ((e = store_begin(d->st))) return e;
    e = store_case_get(d->st, case_id, &k);
    if (!e && strcmp(desk_js(k, "status"), "closed") == 0)
        e = rd_error(RD_CONFLICT,
                     "case: case %lld is closed; a closed case has nothing for the "
                     "client to do",
                     (long long)case_id);
    if (!e) e = store_portal_link_insert(d->st, case_id, hash, expires, now, &id);
    if (!e)
        e = desk_audit_take(
            d, "portal.link", "portal_links", id,
            json_pack("{s:I, s:s}", "case", (json_int_t)case_id, "expires", expires));
    json_decref(k);
    e = store_end(d->st, e);
    if (e) return e;
    *token = xstrdup(secret);
    *out = json_pack("{s:I, s:I, s:s}", "id", (json_int_t)id, "case_id", (json_int_t)case_id,
                     "expires_at", expires);
    return NULL;
}

rd_err *desk_portal_revoke(rd_desk *d, int64_t link_id)
{
    rd_timestr now;
    desk_now(now);
    json_t *l = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = store_portal_link_get(d->st, link_id, &l);
    if (!e && desk_js(l, "revoked_at"))
        e = rd_error(RD_CONFLICT, "link: link %lld was already revoked", (long long)link_id);
    if (!e) e = store_portal_link_revoke(d->st, link_id, now);
    if (!e) e = desk_audit(d, "portal.revoke", "portal_links", link_id, NULL);
    json_decref(l);
    return store_end(d->st, e);
}

rd_err *desk_portal_links(rd_desk *d, int64_t case_id, rd_page *page, json_t **out)
{
    json_t *k = NULL;
    rd_err *e = store_case_get(d->st, case_id, &k);
    json_decref(k);
    return e ? e : store_portal_link_list(d->st, case_id, page, out);
}

/* The link behind token when it may be used now; one refusal for unknown, revoked and expired
 * links alike, so a guess learns nothing. *link is the caller's. */
static rd_err *valid_link(rd_desk *d, const char *token, json_t **link)
{
    *link = NULL;
    static const char refused[] = "link: this link is not valid any more; ask for a new one";
    if (!secret_well_formed(token, PORTAL_PREFIX)) return rd_error(RD_NOT_FOUND, refused);
    char hash[65];
    secret_hash(token, hash);
    rd_err *e = store_portal_link_by_hash(d->st, hash, link);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    if (!*link || desk_js(*link, "revoked_at") || strcmp(desk_js(*link, "expires_at"), now) <= 0) {
        json_decref(*link);
        *link = NULL;
        return rd_error(RD_NOT_FOUND, refused);
    }
    return NULL;
}

/* The open offer of the case with its options, or NULL. */
static json_t *open_offer(rd_desk *d, int64_t case_id)
{
    json_t *open = NULL, *offer = NULL;
    if (store_case_open_ids(d->st, case_id, &open) == NULL && desk_ji(open, "offer"))
        rd_err_free(store_offer_get(d->st, desk_ji(open, "offer"), &offer));
    json_decref(open);
    return offer;
}

/* Client-safe copies of the options: what, how much, by when. */
static json_t *client_options(json_t *offer)
{
    json_t *out = json_array();
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(offer, "options"), i, o)
    {
        json_t *c = json_pack("{s:I, s:s, s:s, s:s}", "position",
                              (json_int_t)desk_ji(o, "position"), "kind", desk_js(o, "kind"),
                              "detail", desk_js(o, "detail"), "due_on", desk_js(o, "due_on"));
        if (json_is_integer(json_object_get(o, "amount"))) {
            char money[64];
            money_format(desk_ji(o, "amount"), desk_js(offer, "currency"), money, sizeof money);
            json_object_set_new(c, "amount", json_string(money));
        }
        json_array_append_new(out, c);
    }
    return out;
}

static json_t *client_commitments(rd_desk *d, int64_t case_id)
{
    json_t *rows = NULL, *answers = NULL, *out = json_array();
    if (desk_commitment_list(d, case_id, 0, NULL, &rows) == NULL)
        store_commitment_answers(d->st, case_id, &answers);
    size_t i, j;
    json_t *c, *a;
    json_array_foreach(rows, i, c)
    {
        json_t *row = json_pack("{s:I, s:s, s:s, s:b}", "id", (json_int_t)desk_ji(c, "id"), "text",
                                desk_js(c, "text"), "due_on", desk_js(c, "due_on"), "done",
                                desk_js(c, "done_at") != NULL);
        json_array_foreach(answers, j, a) if (desk_ji(a, "commitment_id") == desk_ji(c, "id"))
            json_object_set_new(row, "client_says_met", json_boolean(desk_ji(a, "met")));
        json_array_append_new(out, row);
    }
    json_decref(rows);
    json_decref(answers);
    return out;
}

/* The user's own contact details, as set with `config set me.*`; missing ones are left out. */
static json_t *contact(rd_desk *d)
{
    static const char *const keys[] = {"me.name", "me.business", "me.email", "me.phone", NULL};
    json_t *c = json_object();
    for (int i = 0; keys[i]; i++) {
        char *v = NULL;
        rd_err *e = desk_config_get(d, keys[i], &v);
        if (!e && v && *v) json_object_set_new(c, keys[i] + 3, json_string(v));
        rd_err_free(e);
        free(v);
    }
    return c;
}

static bool has_feedback(rd_desk *d, int64_t case_id)
{
    int64_t n = 0;
    rd_err_free(store_feedback_count(d->st, case_id, &n));
    return n > 0;
}

/* What the client may do now, by what the case holds (not by the stage name alone). */
static json_t *client_actions(json_t *kase, json_t *offer, json_t *commitments, bool feedback)
{
    json_t *a = json_array();
    const char *stage = desk_js(kase, "stage");
    bool closed = strcmp(desk_js(kase, "status"), "closed") == 0;
    bool unconfirmed = desk_js(kase, "want") && !desk_js(kase, "want_confirmed_at");
    if (!closed && unconfirmed) {
        json_array_append_new(a, json_string("confirm"));
        json_array_append_new(a, json_string("correct"));
    }
    if (!closed && offer) json_array_append_new(a, json_string("choose"));
    if (!closed && (offer || strcmp(stage, "want_confirmed") == 0))
        json_array_append_new(a, json_string("propose"));
    if (json_array_size(commitments) > 0) {
        json_array_append_new(a, json_string("met"));
        json_array_append_new(a, json_string("not_met"));
    }
    bool done_all = json_array_size(commitments) > 0;
    size_t i;
    json_t *c;
    json_array_foreach(commitments, i, c) done_all =
        done_all && json_is_true(json_object_get(c, "done"));
    if (!feedback &&
        (done_all || strcmp(stage, "follow_up") == 0 || strcmp(stage, "feedback") == 0))
        json_array_append_new(a, json_string("feedback"));
    return a;
}

rd_err *desk_portal_view(rd_desk *d, const char *token, json_t **out)
{
    json_t *link = NULL, *k = NULL;
    rd_err *e = valid_link(d, token, &link);
    if (!e) e = store_case_get(d->st, desk_ji(link, "case_id"), &k);
    if (e) {
        json_decref(link);
        return e;
    }
    int64_t case_id = desk_ji(k, "id");
    json_t *client = NULL;
    rd_err_free(store_client_get(d->st, desk_ji(k, "client_id"), &client));
    json_t *offer = open_offer(d, case_id);
    json_t *commitments = client_commitments(d, case_id);
    char *restated = desk_js(k, "want") ? desk_restatement_text(d, case_id) : NULL;
    bool feedback = has_feedback(d, case_id);
    *out =
        json_pack("{s:I, s:s?, s:s, s:s, s:s?, s:b, s:o, s:o, s:o, s:o, s:b, s:s}", "case_id",
                  (json_int_t)case_id, "client_name", desk_js(client, "name"), "received_at",
                  desk_js(k, "received_at"), "stage", desk_js(k, "stage"), "restatement", restated,
                  "restatement_confirmed", desk_js(k, "want_confirmed_at") != NULL, "options",
                  offer ? client_options(offer) : json_array(), "commitments", commitments,
                  "contact", contact(d), "actions", client_actions(k, offer, commitments, feedback),
                  "feedback_given", feedback, "expires_at", desk_js(link, "expires_at"));
    free(restated);
    json_decref(offer);
    json_decref(client);
    json_decref(k);
    json_decref(link);
    return NULL;
}

/* ---------------------------------------------------------------- the client's actions */

static rd_err *check_words(const char *field, const char *s, bool required)
{
    if (!s || text_blank(s))
        return required ? rd_error(RD_INVALID, "%s: is required", field) : NULL;
    return text_check(field, s, DESK_MAX_FIELD, true);
}

static rd_err *validate(const desk_portal_action *a)
{
    if (!desk_one_of(a->action, desk_portal_actions))
        return rd_error(RD_INVALID, "action: '%s' is not something the portal does",
                        a->action ? a->action : "");
    const char *act = a->action;
    if (strcmp(act, "correct") == 0 || strcmp(act, "propose") == 0)
        return check_words("words", a->words, true);
    if (strcmp(act, "choose") == 0) {
        int64_t n;
        return parse_int("option", a->option, 1, 20, &n);
    }
    if (strcmp(act, "met") == 0 || strcmp(act, "not_met") == 0) {
        int64_t n;
        rd_err *e = parse_int("commitment", a->commitment, 1, INT64_MAX, &n);
        return e ? e : check_words("words", a->words, strcmp(act, "not_met") == 0);
    }
    if (strcmp(act, "feedback") == 0) {
        int64_t n;
        rd_err *e = parse_int("score", a->score, 1, 5, &n);
        return e ? e : check_words("words", a->words, false);
    }
    return check_words("words", a->words, false);
}

/* Runs the desk operation for the action as the client; *kind and *summary (caller frees) say
 * what happened for the user's today view. */
static rd_err *perform(rd_desk *cd, int64_t case_id, const desk_portal_action *a, const char **kind,
                       char **summary)
{
    const char *act = a->action;
    char *draft = NULL;
    rd_err *e = NULL;
    if (strcmp(act, "confirm") == 0) {
        e = desk_case_confirm(cd, case_id, "client", NULL, NULL, &draft);
        *kind = "confirmed", *summary = xstrdup("confirmed the restatement");
    } else if (strcmp(act, "correct") == 0) {
        e = desk_case_confirm(cd, case_id, "client", a->words, NULL, &draft);
        *kind = "corrected", *summary = xstrdup("corrected the restatement");
    } else if (strcmp(act, "choose") == 0) {
        json_t *offer = open_offer(cd, case_id), *made = NULL;
        if (!offer)
            e = rd_error(RD_CONFLICT, "option: there is no open offer to choose from");
        else
            e = desk_offer_choose(cd, desk_ji(offer, "id"), a->option, NULL, &made);
        json_decref(made);
        json_decref(offer);
        *kind = "chose", *summary = xasprintf("chose option %s", a->option);
    } else if (strcmp(act, "propose") == 0) {
        *kind = "proposed", *summary = xstrdup("proposed a fix of their own");
    } else if (strcmp(act, "met") == 0 || strcmp(act, "not_met") == 0) {
        int64_t id = 0, met = strcmp(act, "met") == 0, fu = 0, answer = 0;
        json_t *c = NULL;
        rd_timestr now;
        desk_now(now);
        parse_int("commitment", a->commitment, 1, INT64_MAX, &id);
        e = store_commitment_get(cd->st, id, &c);
        if (!e && desk_ji(c, "case_id") != case_id)
            e = rd_error(RD_NOT_FOUND, "commitment: no commitment %lld on this case",
                         (long long)id);
        if (!e) e = store_commitment_answer_insert(cd->st, id, (int)met, a->words, now, &answer);
        if (!e && met && !desk_js(c, "done_at")) e = desk_commitment_done(cd, id, NULL, &fu);
        json_decref(c);
        *kind = met ? "commitment_met" : "commitment_not_met";
        *summary = xasprintf("says commitment %lld was %s", (long long)id, met ? "met" : "not met");
    } else {
        /* feedback given on the portal answers the follow-up that asked for it */
        int64_t id = 0;
        json_t *open = NULL;
        e = store_case_open_ids(cd->st, case_id, &open);
        if (!e && desk_ji(open, "followup"))
            e = desk_followup_done(cd, desk_ji(open, "followup"), "answered on the client portal",
                                   NULL);
        json_decref(open);
        if (!e) e = desk_feedback_record(cd, case_id, a->score, a->words, NULL, &id);
        *kind = "feedback", *summary = xasprintf("left feedback: %s out of 5", a->score);
    }
    free(draft);
    return e;
}

rd_err *desk_portal_act(rd_desk *d, const char *token, const desk_portal_action *a)
{
    rd_err *e = validate(a);
    if (e) return e;
    rd_desk cd = {.st = d->st, .actor = "client (portal)"};
    json_t *link = NULL, *k = NULL;
    const char *kind = NULL;
    char *summary = NULL;
    rd_timestr now;
    desk_now(now);
    if ((e = store_begin(d->st))) return e;
    e = valid_link(d, token, &link);
    int64_t case_id = link ? desk_ji(link, "case_id") : 0;
    if (!e) e = store_case_get(d->st, case_id, &k);
    if (!e) e = perform(&cd, case_id, a, &kind, &summary);
    int64_t log_id = 0, event_id = 0;
    if (!e) {
        char *body = a->words ? xasprintf("%s:\n%s", summary, a->words) : xstrdup(summary);
        rd_log_fields lf = {.client_id = desk_ji(k, "client_id"),
                            .case_id = case_id,
                            .direction = "in",
                            .channel = "portal",
                            .at = now,
                            .subject = "On the client portal",
                            .body = body};
        e = store_log_append(d->st, &lf, now, &log_id);
        free(body);
    }
    if (!e) {
        rd_portal_event ev = {case_id, desk_ji(link, "id"), kind, summary, log_id};
        e = store_portal_event_insert(d->st, &ev, now, &event_id);
    }
    if (!e) e = store_portal_link_touch(d->st, desk_ji(link, "id"), now);
    if (!e)
        e = desk_audit_take(
            &cd, "portal.act", "portal_events", event_id,
            json_pack("{s:I, s:s}", "case", (json_int_t)case_id, "action", a->action));
    free(summary);
    json_decref(k);
    json_decref(link);
    return store_end(d->st, e);
}

rd_err *desk_portal_events(rd_desk *d, int unseen, rd_page *page, json_t **out)
{
    return store_portal_event_list(d->st, unseen, page, out);
}

rd_err *desk_portal_seen(rd_desk *d, int64_t id, int64_t *changed)
{
    rd_timestr now;
    desk_now(now);
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = store_portal_event_seen(d->st, id, now, changed);
    if (!e && id && *changed == 0)
        e = rd_error(RD_NOT_FOUND, "event: no unseen portal event %lld", (long long)id);
    if (!e && *changed) e = desk_audit(d, "portal.seen", "portal_events", id, NULL);
    return store_end(d->st, e);
}
