/* desk_case.c — opening complaint cases (P1) and the communication log (P17). The client's own
 * words are kept verbatim on the case and also land in the hash-chained log. */
#include "desk/playbook_int.h"

#include <stdlib.h>
#include <string.h>

const char *const desk_channels[] = {"email", "phone", "meeting", "chat", "review", "letter", NULL};
static const char *const directions[] = {"in", "out", NULL};

/* Times later than now by more than this are refused: a complaint cannot arrive tomorrow. */
#define FUTURE_SLACK 300

static rd_err *check_channel(const char *channel)
{
    if (text_blank(channel)) return rd_error(RD_INVALID, "channel: is required");
    return desk_check_word("channel", channel, desk_channels);
}

/* Parses an optional time (default now), refusing the future; out is ISO text. */
static rd_err *past_time(const char *field, const char *text, rd_timestr out)
{
    int64_t now = time_now(), t = now;
    if (text) {
        rd_err *e = time_parse(field, text, &t);
        if (e) return e;
        if (t > now + FUTURE_SLACK)
            return rd_error(RD_INVALID, "%s: %s is in the future", field, text);
    }
    time_iso(t, out);
    return NULL;
}

/* Checks that project_id exists and belongs to client_id. */
static rd_err *check_project_owner(rd_desk *d, int64_t project_id, int64_t client_id)
{
    json_t *p = NULL;
    rd_err *e = store_project_get(d->st, project_id, &p);
    if (!e && json_integer_value(json_object_get(p, "client_id")) != client_id)
        e = rd_error(RD_INVALID, "project: project %lld belongs to another client",
                     (long long)project_id);
    json_decref(p);
    return e;
}

rd_err *desk_case_open(rd_desk *d, const desk_case_input *in, int64_t *id)
{
    int64_t client_id, project_id = 0;
    rd_timestr received, now;
    rd_err *e = desk_parse_id("client", in->client, &client_id);
    if (!e && in->project) e = desk_parse_id("project", in->project, &project_id);
    if (!e) e = check_channel(in->channel);
    if (!e) e = past_time("received", in->received, received);
    if (!e) e = text_check("text", in->words, DESK_MAX_TEXT, true);
    if (e) return e;
    desk_now(now);

    json_t *client = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, client_id, &client);
    json_decref(client);
    if (!e && project_id) e = check_project_owner(d, project_id, client_id);
    rd_case_fields f = {client_id, project_id, in->channel, received, in->words};
    if (!e) e = store_case_insert(d->st, &f, now, id);
    if (!e && !text_blank(in->words)) {
        int64_t log_id;
        rd_log_fields lf = {client_id, *id, "in", in->channel, received, "Complaint", in->words};
        e = store_log_append(d->st, &lf, now, &log_id);
        if (!e) e = desk_triage_record(d, log_id, *id, in->words);
    }
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:I, s:s, s:s}", "client_id", (json_int_t)client_id, "project_id",
                      (json_int_t)project_id, "channel", in->channel, "received_at", received);
        e = desk_audit(d, "case.open", "cases", *id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

/* Adds to each incoming entry what triage found in it, as "triage" (null when none). */
static void attach_triage(rd_desk *d, json_t *log)
{
    size_t i;
    json_t *entry;
    json_array_foreach(log, i, entry)
    {
        json_t *t = NULL;
        rd_err *e = store_log_triage_get(d->st, desk_ji(entry, "id"), &t);
        rd_err_free(e);
        if (t) {
            const char *f = desk_js(t, "findings");
            json_object_set_new(t, "findings", f ? json_loads(f, 0, NULL) : json_array());
            json_object_del(t, "log_id");
        }
        json_object_set_new(entry, "triage", t ? t : json_null());
    }
}

/* Everything else recorded on the case, each under its own key: concerns, offers (with their
 * options and outcome, oldest first), commitments, followups, escalations, feedback, lessons,
 * drafts and the overdue commitments as of today. */
static rd_err *whole_case(rd_desk *d, int64_t id, json_t *c)
{
    json_t *v = NULL;
    rd_timestr today;
    desk_today(today);
    rd_err *e = store_concern_list(d->st, id, &v);
    if (!e) json_object_set_new(c, "concerns", v);
    if (!e) e = store_offer_list(d->st, id, NULL, &v);
    if (!e) json_object_set_new(c, "offers", v);
    if (!e) e = store_commitment_list(d->st, id, NULL, NULL, &v);
    if (!e) json_object_set_new(c, "commitments", v);
    if (!e) e = store_commitment_list(d->st, id, today, NULL, &v);
    if (!e) json_object_set_new(c, "overdue", v);
    if (!e) e = store_case_followups(d->st, id, &v);
    if (!e) json_object_set_new(c, "followups", v);
    if (!e) e = store_escalation_list(d->st, id, &v);
    if (!e) json_object_set_new(c, "escalations", v);
    if (!e) e = store_case_feedback(d->st, id, &v);
    if (!e) json_object_set_new(c, "feedback", v);
    if (!e) e = store_case_lessons(d->st, id, &v);
    if (!e) json_object_set_new(c, "lessons", v);
    if (!e) e = store_draft_list(d->st, id, NULL, &v);
    if (!e) json_object_set_new(c, "drafts", v);
    return e;
}

rd_err *desk_case_get(rd_desk *d, int64_t id, json_t **out)
{
    json_t *c = NULL, *log = NULL;
    rd_err *e = store_case_get(d->st, id, &c);
    if (!e) e = store_log_list(d->st, 0, id, NULL, &log);
    if (e) {
        json_decref(c);
        return e;
    }
    attach_triage(d, log);
    json_object_set_new(c, "log", log);
    json_t *att = NULL;
    e = store_attachment_list(d->st, id, &att);
    if (e) {
        json_decref(c);
        return e;
    }
    json_object_set_new(c, "attachments", att);
    e = whole_case(d, id, c);
    if (!e) e = pb_case_corrections(d, c);
    if (!e) e = pb_case_mail(d, c);
    if (e) {
        json_decref(c);
        return e;
    }
    *out = c;
    return NULL;
}

rd_err *desk_case_list(rd_desk *d, const char *status, const char *stage, rd_page *page,
                       json_t **out)
{
    static const char *const statuses[] = {"open", "paused", "closed", NULL};
    if (status && !desk_one_of(status, statuses))
        return rd_error(RD_INVALID, "status: '%s' is not open, paused or closed", status);
    rd_err *e = desk_check_word("stage", stage, desk_stages);
    if (!e) e = store_case_list(d->st, status, stage, 0, page, out);
    if (e) return e;
    /* what is overdue per case: commitments and follow-ups past their date */
    rd_timestr today;
    desk_today(today);
    size_t i;
    json_t *row;
    json_array_foreach(*out, i, row)
    {
        int64_t n = 0;
        if (!e) e = store_case_overdue(d->st, desk_ji(row, "id"), today, &n);
        json_object_set_new(row, "overdue", json_integer(n));
    }
    if (e) {
        json_decref(*out);
        *out = NULL;
    }
    return e;
}

rd_err *desk_log_add(rd_desk *d, const desk_log_input *in, int64_t *id)
{
    int64_t client_id, case_id = 0;
    rd_timestr at, now;
    rd_err *e = desk_parse_id("client", in->client, &client_id);
    if (!e && in->case_id) e = desk_parse_id("case", in->case_id, &case_id);
    if (!e && !desk_one_of(in->direction, directions))
        e = rd_error(RD_INVALID, "direction: '%s' is not in or out",
                     in->direction ? in->direction : "");
    if (!e) e = check_channel(in->channel);
    if (!e) e = past_time("at", in->at, at);
    if (!e) e = text_check("subject", in->subject, DESK_MAX_FIELD, false);
    if (!e) e = text_check("text", in->body, DESK_MAX_TEXT, true);
    if (!e && text_blank(in->subject) && text_blank(in->body))
        e = rd_error(RD_INVALID, "text: a log entry needs a subject or a text");
    if (e) return e;
    desk_now(now);

    json_t *row = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, client_id, &row);
    json_decref(row);
    row = NULL;
    if (!e && case_id) e = store_case_get(d->st, case_id, &row);
    if (!e && case_id && json_integer_value(json_object_get(row, "client_id")) != client_id)
        e = rd_error(RD_INVALID, "case: case %lld belongs to another client", (long long)case_id);
    json_decref(row);
    rd_log_fields f = {client_id, case_id, in->direction, in->channel, at, in->subject, in->body};
    if (!e) e = store_log_append(d->st, &f, now, id);
    if (!e && strcmp(in->direction, "in") == 0 && !text_blank(in->body))
        e = desk_triage_record(d, *id, case_id, in->body);
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:I, s:s, s:s}", "client_id", (json_int_t)client_id, "case_id",
                      (json_int_t)case_id, "direction", in->direction, "channel", in->channel);
        e = desk_audit(d, "log.add", "log_entries", *id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

rd_err *desk_log_list(rd_desk *d, int64_t client_id, rd_page *page, json_t **out)
{
    json_t *c = NULL;
    rd_err *e = store_client_get(d->st, client_id, &c);
    json_decref(c);
    return e ? e : store_log_list(d->st, client_id, 0, page, out);
}

rd_err *desk_concern_list(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *k = NULL;
    rd_err *e = store_case_get(d->st, case_id, &k);
    json_decref(k);
    return e ? e : store_concern_list(d->st, case_id, out);
}
