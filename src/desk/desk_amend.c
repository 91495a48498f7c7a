/* desk_amend.c — putting mistakes right without editing history. A project's agreed price,
 * currency or revision policy changes only through a recorded amendment (old and new value, why,
 * logged to the client's log); a charged revision can be reversed; a log entry is corrected by a
 * new entry that points to it; a commitment is split into parts with their own dates, and the
 * last part done finishes it. What was there before always stays readable. */
#include "desk/playbook_int.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- amendments */

static const char *const amendable[] = {"price", "currency", "revisions", "extra_revision_price",
                                        NULL};

/* A stored value as a person reads it: money in its currency, else the text itself. */
static void readable(const char *field, const char *value, const char *currency, char *out,
                     size_t n)
{
    if (!value) {
        snprintf(out, n, "none");
    } else if (strcmp(field, "price") == 0 || strcmp(field, "extra_revision_price") == 0) {
        money_format(strtoll(value, NULL, 10), currency, out, n);
    } else {
        snprintf(out, n, "%s", value);
    }
}

/* The stored text of project column field (integer or text), or NULL; borrowed from p when a
 * string, else written to buf. */
static const char *stored(json_t *p, const char *field, char *buf, size_t n)
{
    json_t *v = json_object_get(p, field);
    if (json_is_string(v)) return json_string_value(v);
    if (!json_is_integer(v)) return NULL;
    snprintf(buf, n, "%lld", (long long)json_integer_value(v));
    return buf;
}

/* Parses the new value of one field into its stored text (out, n bytes). */
static rd_err *new_value(const char *field, const char *text, const char *currency, char *out,
                         size_t n)
{
    int64_t v = 0;
    rd_err *e = NULL;
    if (strcmp(field, "currency") == 0) {
        e = money_check_currency("currency", text);
        if (!e) snprintf(out, n, "%s", text);
        return e;
    }
    if (strcmp(field, "revisions") == 0)
        e = parse_int("revisions", text, 0, 100, &v);
    else
        e = desk_money_in(strcmp(field, "price") == 0 ? "price" : "extra-revision-price", text,
                          currency, &v);
    if (!e) snprintf(out, n, "%lld", (long long)v);
    return e;
}

rd_err *desk_project_amend(rd_desk *d, int64_t project_id, const desk_amend_input *in, json_t **out)
{
    const char *given[] = {in->price, in->currency, in->revisions, in->extra_revision_price};
    bool any = false;
    for (int i = 0; i < 4; i++)
        any = any || given[i];
    rd_err *e = any ? NULL
                    : rd_error(RD_INVALID, "price: give what changes: the price, the currency, "
                                           "the revisions included or the extra revision price");
    if (!e && text_blank(in->reason)) e = rd_error(RD_INVALID, "reason: is required");
    if (!e) e = text_check("reason", in->reason, DESK_MAX_FIELD, false);
    if (!e) e = desk_check_word("channel", in->channel, desk_channels);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *p = NULL, *list = json_array();
    rd_buf text;
    buf_init(&text, 0);
    int64_t log_id = 0;
    if ((e = store_begin(d->st))) {
        json_decref(list);
        return e;
    }
    e = store_project_get(d->st, project_id, &p);
    const char *old_cur = p ? desk_js(p, "currency") : NULL;
    const char *cur = in->currency ? in->currency : old_cur;
    if (!e && in->currency && strcmp(in->currency, old_cur) != 0) {
        int64_t n = 0;
        e = store_project_invoiced(d->st, project_id, &n);
        if (!e && n > 0)
            e = rd_error(RD_CONFLICT,
                         "currency: project %lld has invoices, refunds or offers in %s; amounts "
                         "in different currencies are never mixed, so its currency stays",
                         (long long)project_id, old_cur);
    }
    if (!e)
        rd_err_free(
            buf_addf(&text, "We agreed to change the terms of \"%s\":\n", desk_js(p, "title")));
    for (int i = 0; !e && i < 4; i++) {
        if (!given[i]) continue;
        char was_buf[32], now_value[32], a[64], b[64];
        const char *was = stored(p, amendable[i], was_buf, sizeof was_buf);
        e = new_value(amendable[i], given[i], cur, now_value, sizeof now_value);
        if (!e && was && strcmp(was, now_value) == 0)
            e = rd_error(RD_INVALID, "%s: is %s already; an amendment changes something",
                         amendable[i], given[i]);
        int64_t id = 0;
        if (!e)
            e = store_project_amend(d->st, project_id, amendable[i], was, now_value, in->reason,
                                    now, &id);
        if (e) break;
        readable(amendable[i], was, old_cur, a, sizeof a);
        readable(amendable[i], now_value, cur, b, sizeof b);
        rd_err_free(buf_addf(&text, "- %s: %s, now %s\n", amendable[i], a, b));
        json_array_append_new(list, json_pack("{s:I, s:s, s:s?, s:s, s:s, s:s}", "id",
                                              (json_int_t)id, "field", amendable[i], "old_value",
                                              was, "new_value", now_value, "was", a, "now", b));
    }
    if (!e) {
        rd_err_free(buf_addf(&text, "Why: %s\n", in->reason));
        rd_log_fields f = {desk_ji(p, "client_id"),
                           0,
                           "out",
                           in->channel ? in->channel : "email",
                           now,
                           "Amendment to what was agreed",
                           buf_str(&text)};
        e = store_log_append(d->st, &f, now, &log_id);
    }
    if (!e)
        e = desk_audit_take(d, "project.amend", "projects", project_id,
                            json_pack("{s:O, s:s, s:I}", "amendments", list, "reason", in->reason,
                                      "log_id", (json_int_t)log_id));
    e = store_end(d->st, e);
    if (!e)
        *out = json_pack("{s:I, s:I, s:O, s:s}", "project_id", (json_int_t)project_id, "log_id",
                         (json_int_t)log_id, "amendments", list, "text", buf_str(&text));
    json_decref(list);
    json_decref(p);
    buf_reset(&text);
    return e;
}

rd_err *pb_project_history(rd_desk *d, json_t *p)
{
    json_t *rows = NULL;
    rd_err *e = store_project_amendments(d->st, desk_ji(p, "id"), &rows);
    if (e) return e;
    /* the terms as first agreed: what the first amendment of each field replaced */
    json_t *agreed = json_object();
    for (int i = 0; amendable[i]; i++)
        json_object_set(agreed, amendable[i], json_object_get(p, amendable[i]));
    size_t k = json_array_size(rows);
    while (k-- > 0) {
        json_t *a = json_array_get(rows, k);
        const char *field = desk_js(a, "field"), *old = desk_js(a, "old_value");
        json_t *v = !old                             ? json_null()
                    : strcmp(field, "currency") == 0 ? json_string(old)
                                                     : json_integer(strtoll(old, NULL, 10));
        json_object_set_new(agreed, field, v);
    }
    json_object_set_new(p, "agreed", agreed);
    json_object_set_new(p, "amendments", rows);
    return NULL;
}

/* ---------------------------------------------------------------- revision charges */

rd_err *desk_revision_reverse(rd_desk *d, int64_t id, const char *reason, json_t **out)
{
    rd_err *e = text_blank(reason) ? rd_error(RD_INVALID, "reason: is required") : NULL;
    if (!e) e = text_check("reason", reason, DESK_MAX_FIELD, false);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *r = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_revision_get(d->st, id, &r);
    if (!e && (!desk_js(r, "charge") || strcmp(desk_js(r, "charge"), "charge") != 0))
        e = rd_error(RD_CONFLICT,
                     "revision: revision %lld was not charged, so there is no charge "
                     "to reverse",
                     (long long)id);
    if (!e && desk_js(r, "reversed_at"))
        e = rd_error(RD_CONFLICT, "revision: the charge for revision %lld was reversed on %.10s",
                     (long long)id, desk_js(r, "reversed_at"));
    if (!e) e = store_revision_reverse(d->st, id, reason, now);
    if (!e)
        e = desk_audit_take(d, "revision.reverse", "revisions", id,
                            json_pack("{s:I, s:s}", "project_id",
                                      (json_int_t)desk_ji(r, "project_id"), "reason", reason));
    e = store_end(d->st, e);
    if (!e) {
        json_t *after = NULL;
        e = desk_revision_list(d, desk_ji(r, "project_id"), &after);
        if (!e) {
            json_object_set_new(after, "reversed", json_integer(id));
            *out = after;
        }
    }
    json_decref(r);
    return e;
}

void pb_revision_totals(json_t *list)
{
    int64_t charged = 0;
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(list, "revisions"), i, r) charged += desk_ji(r, "price");
    json_object_set_new(list, "charged", json_integer(charged));
}

/* ---------------------------------------------------------------- log corrections */

rd_err *desk_log_correct(rd_desk *d, int64_t entry_id, const desk_correct_input *in, int64_t *id)
{
    rd_err *e = text_blank(in->body)
                    ? rd_error(RD_INVALID, "text: the corrected words are required")
                    : NULL;
    if (!e) e = text_check("text", in->body, DESK_MAX_TEXT, true);
    if (!e && text_blank(in->reason)) e = rd_error(RD_INVALID, "reason: is required");
    if (!e) e = text_check("reason", in->reason, DESK_MAX_FIELD, false);
    if (!e) e = text_check("subject", in->subject, DESK_MAX_FIELD, false);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *old = NULL;
    char *subject = NULL, *body = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_log_entry(d->st, entry_id, &old);
    if (!e) {
        const char *was = in->subject ? in->subject : desk_js(old, "subject");
        subject = xasprintf("Correction of entry %lld%s%s", (long long)entry_id, was ? ": " : "",
                            was ? was : "");
        size_t n = strlen(in->body);
        while (n > 0 && (in->body[n - 1] == '\n' || in->body[n - 1] == ' '))
            n--;
        body = xasprintf("%.*s\n\n(Corrects entry %lld: %s)", (int)n, in->body, (long long)entry_id,
                         in->reason);
        /* the correction sits at the same time as the entry it corrects, so every timeline
         * shows the two side by side; recorded_at says when it was written */
        rd_log_fields f = {desk_ji(old, "client_id"),
                           desk_ji(old, "case_id"),
                           desk_js(old, "direction"),
                           desk_js(old, "channel"),
                           desk_js(old, "at"),
                           subject,
                           body};
        e = store_log_append(d->st, &f, now, id);
    }
    if (!e) e = store_log_correction_insert(d->st, *id, entry_id, now);
    if (!e)
        e = desk_audit_take(
            d, "log.correct", "log_entries", *id,
            json_pack("{s:I, s:s}", "corrects", (json_int_t)entry_id, "reason", in->reason));
    free(subject);
    free(body);
    json_decref(old);
    return store_end(d->st, e);
}

rd_err *pb_case_corrections(rd_desk *d, json_t *k)
{
    json_t *rows = NULL, *log = json_object_get(k, "log");
    rd_err *e = store_log_corrections(d->st, desk_ji(k, "id"), 0, &rows);
    if (!e && desk_ji(k, "project_id")) {
        json_t *p = NULL;
        e = store_project_get(d->st, desk_ji(k, "project_id"), &p);
        if (!e) e = pb_project_history(d, p);
        if (!e) {
            json_object_set(k, "amendments", json_object_get(p, "amendments"));
            json_object_set(k, "agreed", json_object_get(p, "agreed"));
        }
        json_decref(p);
    }
    if (e) {
        json_decref(rows);
        return e;
    }
    size_t i, j;
    json_t *entry, *x;
    json_array_foreach(log, i, entry)
    {
        json_t *by = json_array();
        json_array_foreach(rows, j, x)
        {
            if (desk_ji(x, "corrects_id") == desk_ji(entry, "id"))
                json_array_append_new(by, json_integer(desk_ji(x, "log_id")));
            if (desk_ji(x, "log_id") == desk_ji(entry, "id"))
                json_object_set_new(entry, "corrects", json_integer(desk_ji(x, "corrects_id")));
        }
        json_object_set_new(entry, "corrected_by", by);
    }
    json_decref(rows);
    return NULL;
}

/* ---------------------------------------------------------------- commitment parts */

#define MAX_PARTS 9

rd_err *desk_commitment_split(rd_desk *d, int64_t id, const char *const *parts, int nparts,
                              json_t **out)
{
    rd_err *e = NULL;
    if (nparts < 2 || nparts > MAX_PARTS)
        return rd_error(RD_INVALID, "part: give 2 to %d parts (TEXT:DUE)", MAX_PARTS);
    for (int i = 0; !e && i < nparts; i++) {
        const char *colon = parts[i] ? strrchr(parts[i], ':') : NULL;
        char field[24];
        snprintf(field, sizeof field, "part %d", i + 1);
        if (!colon || colon == parts[i])
            e = rd_error(RD_INVALID, "%s: '%s' is not TEXT:DUE", field, parts[i] ? parts[i] : "");
        if (!e) e = text_check(field, parts[i], DESK_MAX_FIELD, false);
        if (!e) e = desk_due_check(field, colon + 1);
    }
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *c = NULL, *k = NULL, *made = json_array(), *existing = NULL;
    if ((e = store_begin(d->st))) {
        json_decref(made);
        return e;
    }
    e = store_commitment_get(d->st, id, &c);
    if (!e && (desk_js(c, "done_at") || desk_js(c, "handed_over")))
        e = rd_error(RD_CONFLICT, "commitment: commitment %lld is %s; only an open one is split",
                     (long long)id, desk_js(c, "done_at") ? "done" : "handed over");
    if (!e && desk_ji(c, "parent_id"))
        e = rd_error(RD_CONFLICT, "commitment: commitment %lld is itself a part of commitment %lld",
                     (long long)id, (long long)desk_ji(c, "parent_id"));
    if (!e) e = store_commitment_parts(d->st, id, &existing);
    if (!e && json_array_size(existing) > 0)
        e = rd_error(RD_CONFLICT, "commitment: commitment %lld is split into parts already",
                     (long long)id);
    if (!e) e = pb_enter(d, desk_ji(c, "case_id"), "commitment.done", NULL, &k, NULL);
    for (int i = 0; !e && i < nparts; i++) {
        const char *colon = strrchr(parts[i], ':');
        char *text = xstrndup(parts[i], (size_t)(colon - parts[i]));
        if (strcmp(colon + 1, desk_js(c, "due_on")) > 0)
            e = rd_error(RD_INVALID, "part %d: %s is after the commitment's own date, %s", i + 1,
                         colon + 1, desk_js(c, "due_on"));
        int64_t pid = 0;
        if (!e) e = store_commitment_part_insert(d->st, id, text, colon + 1, now, &pid);
        if (!e)
            json_array_append_new(made, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)pid, "text",
                                                  text, "due_on", colon + 1));
        free(text);
    }
    if (!e)
        e = desk_audit_take(
            d, "commitment.split", "commitments", id,
            json_pack("{s:I, s:O}", "case_id", (json_int_t)desk_ji(c, "case_id"), "parts", made));
    e = store_end(d->st, e);
    if (!e) *out = json_pack("{s:I, s:O}", "commitment", (json_int_t)id, "parts", made);
    json_decref(made);
    json_decref(existing);
    json_decref(c);
    json_decref(k);
    return e;
}

rd_err *pb_parts_before_done(rd_desk *d, json_t *c)
{
    json_t *parts = NULL;
    rd_err *e = store_commitment_parts(d->st, desk_ji(c, "id"), &parts);
    size_t i, open = 0;
    json_t *p;
    json_array_foreach(parts, i, p) open += desk_js(p, "done_at") ? 0 : 1;
    if (!e && open > 0)
        e = rd_err_next(rd_error(RD_CONFLICT,
                                 "commitment: commitment %lld is split into parts and %zu %s "
                                 "open; mark each part done: the last one finishes it",
                                 (long long)desk_ji(c, "id"), open, open == 1 ? "is" : "are"),
                        "commitment.list", desk_ji(c, "case_id"), 0);
    json_decref(parts);
    return e;
}

rd_err *pb_parts_after_done(rd_desk *d, json_t *c, const char *now)
{
    int64_t parent = desk_ji(c, "parent_id");
    if (!parent) return NULL;
    json_t *parts = NULL;
    rd_err *e = store_commitment_parts(d->st, parent, &parts);
    size_t i, open = 0;
    json_t *p;
    json_array_foreach(parts, i, p) open += desk_js(p, "done_at") ? 0 : 1;
    if (!e && open == 0) e = store_commitment_done(d->st, parent, now);
    json_decref(parts);
    return e;
}

/* ---------------------------------------------------------------- the client's own fix */

rd_err *pb_client_fix(const char *field, const char *detail, const char *cur, bool has_project,
                      int64_t refundable, int64_t *amount)
{
    const char *semi = strrchr(detail, ';'), *w = detail;
    *amount = -1;
    while (*w == ' ')
        w++;
    if (text_blank(detail) || w == semi)
        return rd_error(RD_INVALID,
                        "%s: a fix the client proposed needs their words "
                        "(client_fix:WORDS:DUE, or client_fix:WORDS;AMOUNT:DUE with money back)",
                        field);
    if (!semi) return NULL;
    if (!has_project)
        return rd_error(RD_INVALID, "%s: money back needs the case to be about a project", field);
    const char *money = semi + 1;
    while (*money == ' ')
        money++;
    int64_t bp;
    rd_err *e = desk_amount_parse(field, money, cur, amount, &bp);
    if (!e && bp >= 0) *amount = desk_percent_of(refundable, bp);
    if (!e && (*amount <= 0 || *amount > refundable)) {
        char a[48], p[48];
        money_format(*amount > 0 ? *amount : 0, cur, a, sizeof a);
        money_format(refundable, cur, p, sizeof p);
        e = rd_error(RD_INVALID,
                     "%s: %s back is more than the client paid on the project's invoices (%s "
                     "after earlier refunds)",
                     field, a, p);
    }
    if (e) *amount = -1;
    return e;
}
