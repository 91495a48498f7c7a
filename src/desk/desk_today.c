/* desk_today.c — the day-to-day side of the playbook: `redress today` (everything that needs
 * attention, most urgent first), scheduling and moving follow-ups (P3, P9), and re-reading the
 * client's earlier messages before restating (P7). */
#include "desk/playbook_int.h"

#include <stdlib.h>
#include <string.h>

/* How urgent each kind of item is; lower comes first. */
enum {
    U_OVERDUE = 10,
    U_CLIENT = 15,
    U_FOLLOWUP = 20,
    U_INVOICE = 30,
    U_TRIGGER = 40,
    U_RELEASE = 50,
    U_HOLD = 60,
    U_NEXT = 65,
    U_WAITING = 70,
    U_WATCH = 80
};

/* Appends one item: rank orders the list (urgency, then how long it has waited). */
static void item(json_t *items, int urgency, int64_t days, const char *kind, json_t *row,
                 int64_t case_id, char *text, const char *date, json_t *action)
{
    json_t *it =
        json_pack("{s:s, s:i, s:I, s:s?, s:s}", "kind", kind, "urgency", urgency, "days",
                  (json_int_t)days, "client_name", desk_js(row, "client_name"), "text", text);
    json_object_set_new(it, "case_id", case_id ? json_integer(case_id) : json_null());
    json_object_set_new(it, "client_id", json_integer(desk_ji(row, "client_id")));
    json_object_set_new(it, "date", date ? json_string(date) : json_null());
    json_object_set_new(it, "action", action ? action : json_null());
    json_array_append_new(items, it);
    free(text);
}

static int by_urgency(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    int64_t ux = desk_ji(x, "urgency"), uy = desk_ji(y, "urgency");
    if (ux != uy) return ux < uy ? -1 : 1;
    int64_t dx = desk_ji(x, "days"), dy = desk_ji(y, "days"); /* longest waiting first */
    if (dx != dy) return dx > dy ? -1 : 1;
    return 0;
}

static json_t *ids_of(const char *key, int64_t id)
{
    return json_pack("{s:I}", key, (json_int_t)id);
}

static rd_err *add_cases(rd_desk *d, json_t *items, const char *today)
{
    json_t *rows = NULL;
    rd_err *e = store_agenda_cases(d->st, today, &rows);
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        if (e) break;
        int64_t id = desk_ji(r, "id");
        const char *status = desk_js(r, "status"), *stage = desk_js(r, "stage");
        const char *watch = desk_js(r, "watch_until"), *pause = desk_js(r, "pause_until");
        if (watch && strcmp(watch, today) >= 0)
            item(items, U_WATCH, 0, "watch", r, id,
                 xasprintf("extra care for %s after the fix, until %s (P9)",
                           desk_js(r, "client_name"), watch),
                 watch, pb_action("case.show", id, NULL, NULL));
        if (strcmp(status, "closed") == 0) continue;
        if (strcmp(status, "paused") == 0) {
            if (pause && strcmp(pause, today) <= 0)
                item(items, U_HOLD, desk_days_between(pause, today), "pause_ends", r, id,
                     xasprintf("the pause on case %lld ends %s: resume contact when you are "
                               "ready",
                               (long long)id, strcmp(pause, today) == 0 ? "today" : "was due"),
                     pause, pb_action("case.resume", id, NULL, NULL));
            continue; /* nothing else is suggested while contact is paused */
        }
        json_t *n = NULL;
        e = desk_case_next(d, id, &n);
        if (e) break;
        const char *until = desk_js(n, "cool_off_until");
        if (until)
            item(items, U_HOLD, 0, "cool_off", r, id,
                 xasprintf("case %lld is cooling off until %s: nothing goes out before then",
                           (long long)id, until),
                 NULL, NULL);
        size_t t;
        json_t *tr;
        json_array_foreach(json_object_get(n, "triggers"), t, tr)
            item(items, U_TRIGGER, 0, "trigger", r, id,
                 xasprintf("%s on case %lld: %s", desk_js(tr, "trigger"), (long long)id,
                           desk_js(tr, "why")),
                 NULL, pb_action("case.next", id, NULL, NULL));
        json_t *first = json_array_get(json_object_get(n, "actions"), 0);
        if (strcmp(stage, "offer_made") == 0 && desk_ji(r, "open_offers") > 0)
            item(items, U_WAITING, 0, "waiting", r, id,
                 xasprintf("case %lld waits on the client's choice of an offer", (long long)id),
                 NULL, json_incref(first));
        else if (strcmp(stage, "problem_identified") == 0 && desk_js(r, "want"))
            item(items, U_WAITING, 0, "waiting", r, id,
                 xasprintf("case %lld waits on the client to confirm the restatement",
                           (long long)id),
                 NULL, json_incref(first));
        else
            item(items, U_NEXT, 0, "next_step", r, id,
                 xasprintf("case %lld: %s", (long long)id, desk_js(n, "step")), NULL,
                 json_incref(first));
        json_decref(n);
    }
    json_decref(rows);
    return e;
}

rd_err *desk_today_view(rd_desk *d, json_t **out)
{
    rd_timestr today, now;
    pb_today(today);
    desk_now(now);
    json_t *items = json_array(), *rows = NULL;
    size_t i;
    json_t *r;
    rd_err *e = store_today_commitments(d->st, today, NULL, &rows);
    json_array_foreach(rows, i, r)
    {
        int64_t late = desk_days_between(desk_js(r, "due_on"), today);
        if (late <= 0 || desk_js(r, "handed_over")) continue; /* due today is not overdue yet */
        item(items, U_OVERDUE, late, "commitment_overdue", r, desk_ji(r, "case_id"),
             xasprintf("commitment %lld is %lld day%s overdue: %s", (long long)desk_ji(r, "id"),
                       (long long)late, late == 1 ? "" : "s", desk_js(r, "text")),
             desk_js(r, "due_on"),
             pb_action("commitment.done", desk_ji(r, "case_id"), NULL,
                       ids_of("commitment", desk_ji(r, "id"))));
    }
    json_decref(rows);
    rows = NULL;
    /* what clients did on their portal page, until the user has seen it */
    rd_page first = {.limit = 50};
    if (!e) e = desk_portal_events(d, 1, &first, &rows);
    json_array_foreach(rows, i, r)
    {
        json_t *act = json_pack("{s:s, s:I, s:{s:I}, s:[]}", "action", "portal.seen", "case",
                                (json_int_t)desk_ji(r, "case_id"), "params", "event",
                                (json_int_t)desk_ji(r, "id"), "inputs");
        char day[11];
        snprintf(day, sizeof day, "%.10s", desk_js(r, "at"));
        item(items, U_CLIENT, desk_days_between(day, today), "from_client", r,
             desk_ji(r, "case_id"), xasprintf("on the portal: %s", desk_js(r, "summary")), NULL,
             act);
    }
    json_decref(rows);
    rows = NULL;
    if (!e) e = store_today_followups(d->st, today, NULL, &rows);
    json_array_foreach(rows, i, r)
    {
        int64_t late = desk_days_between(desk_js(r, "due_on"), today);
        item(items, U_FOLLOWUP, late, "followup_due", r, desk_ji(r, "case_id"),
             xasprintf("follow-up %lld (%s) is due%s", (long long)desk_ji(r, "id"),
                       desk_js(r, "kind"), late > 0 ? " and late" : " today"),
             desk_js(r, "due_on"),
             pb_action("followup.done", desk_ji(r, "case_id"), NULL,
                       ids_of("followup", desk_ji(r, "id"))));
    }
    json_decref(rows);
    rows = NULL;
    if (!e) e = store_today_invoices(d->st, today, NULL, &rows);
    json_array_foreach(rows, i, r)
    {
        int64_t late = desk_days_between(desk_js(r, "due_on"), today);
        char owed[48];
        money_format(desk_ji(r, "balance"), desk_js(r, "currency"), owed, sizeof owed);
        json_t *act = json_pack("{s:s, s:n, s:{s:s}, s:[]}", "action", "invoice.remind", "case",
                                "params", "invoice", desk_js(r, "number"), "inputs");
        item(items, U_INVOICE, late, "invoice_overdue", r, 0,
             xasprintf("invoice %s: %s open, %lld day%s past due, %lld reminder%s sent",
                       desk_js(r, "number"), owed, (long long)late, late == 1 ? "" : "s",
                       (long long)desk_ji(r, "reminders"), desk_ji(r, "reminders") == 1 ? "" : "s"),
             desk_js(r, "due_on"), act);
    }
    json_decref(rows);
    rows = NULL;
    /* drafts whose hold ends before tomorrow: ready ones, and holds ending today */
    rd_timestr tomorrow, horizon;
    desk_date_plus(today, 1, tomorrow);
    snprintf(horizon, sizeof horizon, "%.10sT00:00:00Z", tomorrow);
    if (!e) e = store_today_holds(d->st, horizon, NULL, &rows);
    json_array_foreach(rows, i, r)
    {
        const char *until = desk_js(r, "hold_until");
        json_t *k = NULL; /* nothing is released on a paused case */
        e = store_case_get(d->st, desk_ji(r, "case_id"), &k);
        int open = !e && strcmp(desk_js(k, "status"), "open") == 0;
        json_decref(k);
        if (!open) continue;
        int ready = strcmp(until, now) <= 0;
        json_t *act = json_pack("{s:s, s:I, s:{s:I}, s:[]}", "action", "draft.release", "case",
                                (json_int_t)desk_ji(r, "case_id"), "params", "draft",
                                (json_int_t)desk_ji(r, "id"), "inputs");
        int64_t errors = desk_ji(r, "errors");
        if (ready)
            item(items, U_RELEASE, 0, "draft_ready", r, desk_ji(r, "case_id"),
                 errors ? xasprintf("draft %lld is past its hold but has %lld tone error%s",
                                    (long long)desk_ji(r, "id"), (long long)errors,
                                    errors == 1 ? "" : "s")
                        : xasprintf("draft %lld is ready to release", (long long)desk_ji(r, "id")),
                 NULL, act);
        else {
            int64_t t = 0;
            rd_timestr at;
            rd_err_free(time_parse("hold_until", until, &t));
            time_local(t, at);
            item(items, U_HOLD, 0, "hold_ends", r, desk_ji(r, "case_id"),
                 xasprintf("draft %lld is held until %s", (long long)desk_ji(r, "id"), at), NULL,
                 act);
        }
    }
    json_decref(rows);
    if (!e) e = add_cases(d, items, today);
    if (e) {
        json_decref(items);
        return e;
    }
    /* most urgent first */
    size_t n = json_array_size(items);
    json_t **v = xcalloc(n ? n : 1, sizeof *v);
    for (i = 0; i < n; i++)
        v[i] = json_incref(json_array_get(items, i));
    qsort(v, n, sizeof *v, by_urgency);
    json_t *sorted = json_array();
    for (i = 0; i < n; i++)
        json_array_append_new(sorted, v[i]);
    free(v);
    json_decref(items);
    *out = json_pack("{s:s, s:o}", "date", today, "items", sorted);
    return NULL;
}

/* ---------------------------------------------------------------- follow-ups (P3, P9) */

static const char *const followup_kinds[] = {"call", "meeting", "message", NULL};

rd_err *desk_followup_add(rd_desk *d, int64_t case_id, const char *kind, const char *due,
                          int64_t *id)
{
    if (!kind) kind = "message";
    rd_err *e = desk_check_word("kind", kind, followup_kinds);
    if (!e && text_blank(due)) e = rd_error(RD_INVALID, "due: is required");
    if (!e) e = desk_due_check("due", due);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_case_get(d->st, case_id, &k);
    if (!e && strcmp(desk_js(k, "status"), "closed") == 0)
        e = rd_error(RD_CONFLICT, "case: case %lld is closed", (long long)case_id);
    if (!e) e = store_followup_insert(d->st, case_id, kind, due, now, id);
    if (!e)
        e = pb_audit(d, "followup.add", "followups", *id,
                     json_pack("{s:I, s:s, s:s}", "case_id", (json_int_t)case_id, "kind", kind,
                               "due_on", due),
                     NULL, NULL);
    json_decref(k);
    return store_end(d->st, e);
}

rd_err *desk_followup_edit(rd_desk *d, int64_t id, const char *kind, const char *due)
{
    rd_err *e = desk_check_word("kind", kind, followup_kinds);
    if (!e && due) e = desk_due_check("due", due);
    if (!e && !kind && !due) e = rd_error(RD_INVALID, "kind: give a new kind or a new due date");
    if (e) return e;
    json_t *f = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_followup_get(d->st, id, &f);
    if (!e && desk_js(f, "done_at"))
        e = rd_error(RD_CONFLICT, "followup: follow-up %lld is already done", (long long)id);
    if (!e) e = store_followup_update(d->st, id, kind, due);
    if (!e)
        e = pb_audit(d, "followup.edit", "followups", id,
                     json_pack("{s:s?, s:s?, s:s, s:s}", "kind", kind, "due_on", due, "was_kind",
                               desk_js(f, "kind"), "was_due_on", desk_js(f, "due_on")),
                     NULL, NULL);
    json_decref(f);
    return store_end(d->st, e);
}

/* ---------------------------------------------------------------- re-reading (P7) */

rd_err *desk_case_reread(rd_desk *d, int64_t case_id, json_t **out)
{
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL, *log = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = store_case_get(d->st, case_id, &k);
    if (!e) e = store_log_list(d->st, desk_ji(k, "client_id"), 0, NULL, &log);
    json_t *msgs = json_array();
    size_t i;
    json_t *r;
    json_array_foreach(log, i, r) if (strcmp(desk_js(r, "direction"), "in") == 0)
        json_array_append(msgs, r);
    if (!e) e = store_case_set_reread(d->st, case_id, now);
    if (!e)
        e = pb_audit(d, "case.reread", "cases", case_id,
                     json_pack("{s:I}", "messages", (json_int_t)json_array_size(msgs)), NULL, NULL);
    json_decref(k);
    json_decref(log);
    e = store_end(d->st, e);
    if (e)
        json_decref(msgs);
    else
        *out = msgs;
    return e;
}
