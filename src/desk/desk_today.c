/* desk_today.c — the day-to-day side of the playbook: `redress today` (everything that needs
 * attention, most urgent first), scheduling and moving follow-ups (P3, P9), and re-reading the
 * client's earlier messages before restating (P7). */
#include "desk/playbook_int.h"

#include <assert.h>
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

/* The day the view is for, read once. */
typedef struct today_ctx {
    rd_timestr today; /* YYYY-MM-DD */
    rd_timestr now;   /* ISO time */
    rd_timestr until; /* the first instant of tomorrow: holds ending before it */
} today_ctx;

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

static json_t *ids_of(const char *key, int64_t id)
{
    return json_pack("{s:I}", key, (json_int_t)id);
}

/* ---------------------------------------------------------------- the sections
 * Each reads one page of its store_today_* query and appends its items: every read is a page
 * of an index of what is still open, so the view costs what it shows on any desk. */

static rd_err *sec_commitments(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items,
                               int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_commitments(d->st, t->today, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        int64_t late = desk_days_between(desk_js(r, "due_on"), t->today);
        item(items, U_OVERDUE, late, "commitment_overdue", r, desk_ji(r, "case_id"),
             xasprintf("commitment %lld is %lld day%s overdue: %s", (long long)desk_ji(r, "id"),
                       (long long)late, late == 1 ? "" : "s", desk_js(r, "text")),
             desk_js(r, "due_on"),
             pb_action("commitment.done", desk_ji(r, "case_id"), NULL,
                       ids_of("commitment", desk_ji(r, "id"))));
    }
    json_decref(rows);
    return e;
}

/* what clients did on their portal page, until the user has seen it */
static rd_err *sec_portal(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items, int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_portal(d->st, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        json_t *act = json_pack("{s:s, s:I, s:{s:I}, s:[]}", "action", "portal.seen", "case",
                                (json_int_t)desk_ji(r, "case_id"), "params", "event",
                                (json_int_t)desk_ji(r, "id"), "inputs");
        char day[11];
        snprintf(day, sizeof day, "%.10s", desk_js(r, "at"));
        item(items, U_CLIENT, desk_days_between(day, t->today), "from_client", r,
             desk_ji(r, "case_id"), xasprintf("on the portal: %s", desk_js(r, "summary")), NULL,
             act);
    }
    json_decref(rows);
    return e;
}

static rd_err *sec_followups(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items,
                             int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_followups(d->st, t->today, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        int64_t late = desk_days_between(desk_js(r, "due_on"), t->today);
        item(items, U_FOLLOWUP, late, "followup_due", r, desk_ji(r, "case_id"),
             xasprintf("follow-up %lld (%s) is due%s", (long long)desk_ji(r, "id"),
                       desk_js(r, "kind"), late > 0 ? " and late" : " today"),
             desk_js(r, "due_on"),
             pb_action("followup.done", desk_ji(r, "case_id"), NULL,
                       ids_of("followup", desk_ji(r, "id"))));
    }
    json_decref(rows);
    return e;
}

static rd_err *sec_invoices(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items,
                            int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_invoices(d->st, t->today, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        int64_t late = desk_days_between(desk_js(r, "due_on"), t->today);
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
    return e;
}

/* The triggers trig (borrowed; desk_case_triggers' shape) of the case row r as items. */
static void trigger_items(json_t *items, json_t *r, json_t *trig)
{
    json_t *tr;
    size_t i;
    int64_t id = desk_ji(r, "id");
    json_array_foreach(trig, i, tr) item(
        items, U_TRIGGER, 0, "trigger", r, id,
        xasprintf("%s on case %lld: %s", desk_js(tr, "trigger"), (long long)id, desk_js(tr, "why")),
        NULL, pb_action("case.next", id, NULL, NULL));
}

/* The open cases whose flags fire escalation triggers; the triggers of other open cases come
 * with their next step (sec_cases). */
static rd_err *sec_triggers(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items,
                            int64_t *more)
{
    (void)t;
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_flagged(d->st, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        json_t *trig = NULL;
        if (!e) e = desk_case_triggers(d, desk_ji(r, "id"), &trig);
        trigger_items(items, r, trig);
        json_decref(trig);
    }
    json_decref(rows);
    return e;
}

/* drafts whose hold ends before tomorrow: ready ones, and holds ending today */
static rd_err *sec_drafts(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items, int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_holds(d->st, t->until, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        const char *until = desk_js(r, "hold_until");
        int ready = strcmp(until, t->now) <= 0;
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
            int64_t at_t = 0;
            rd_timestr at;
            rd_err_free(time_parse("hold_until", until, &at_t));
            time_local(at_t, at);
            item(items, U_HOLD, 0, "hold_ends", r, desk_ji(r, "case_id"),
                 xasprintf("draft %lld is held until %s", (long long)desk_ji(r, "id"), at), NULL,
                 act);
        }
    }
    json_decref(rows);
    return e;
}

static rd_err *sec_pauses(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items, int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_pauses(d->st, t->today, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        int64_t id = desk_ji(r, "id");
        const char *pause = desk_js(r, "pause_until");
        item(items, U_HOLD, desk_days_between(pause, t->today), "pause_ends", r, id,
             xasprintf("the pause on case %lld ends %s: resume contact when you are ready",
                       (long long)id, strcmp(pause, t->today) == 0 ? "today" : "was due"),
             pause, pb_action("case.resume", id, NULL, NULL));
    }
    json_decref(rows);
    return e;
}

/* One open case: its triggers (unless flagged: those are in sec_triggers), its cool-off, and
 * the next step or what it waits on. */
static rd_err *open_case(rd_desk *d, json_t *r, json_t *items)
{
    int64_t id = desk_ji(r, "id");
    const char *stage = desk_js(r, "stage");
    json_t *n = NULL;
    rd_err *e = desk_case_next(d, id, &n);
    if (e) return e;
    int flagged = desk_ji(r, "abuse") || desk_ji(r, "legal_threat") || desk_ji(r, "review_threat");
    if (!flagged) trigger_items(items, r, json_object_get(n, "triggers"));
    const char *until = desk_js(n, "cool_off_until");
    if (until)
        item(items, U_HOLD, 0, "cool_off", r, id,
             xasprintf("case %lld is cooling off until %s: nothing goes out before then",
                       (long long)id, until),
             NULL, NULL);
    json_t *first = json_array_get(json_object_get(n, "actions"), 0);
    if (strcmp(stage, "offer_made") == 0 && desk_ji(r, "open_offers") > 0)
        item(items, U_WAITING, 0, "waiting", r, id,
             xasprintf("case %lld waits on the client's choice of an offer", (long long)id), NULL,
             json_incref(first));
    else if (strcmp(stage, "problem_identified") == 0 && desk_js(r, "want"))
        item(items, U_WAITING, 0, "waiting", r, id,
             xasprintf("case %lld waits on the client to confirm the restatement", (long long)id),
             NULL, json_incref(first));
    else
        item(items, U_NEXT, 0, "next_step", r, id,
             xasprintf("case %lld: %s", (long long)id, desk_js(n, "step")), NULL,
             json_incref(first));
    json_decref(n);
    return NULL;
}

static rd_err *sec_cases(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items, int64_t *more)
{
    (void)t;
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_cases(d->st, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        if (e) break;
        e = open_case(d, r, items);
    }
    json_decref(rows);
    return e;
}

static rd_err *sec_watch(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items, int64_t *more)
{
    json_t *rows = NULL, *r;
    size_t i;
    rd_err *e = store_today_watch(d->st, t->today, pg, &rows, more);
    json_array_foreach(rows, i, r)
    {
        const char *watch = desk_js(r, "watch_until");
        item(items, U_WATCH, 0, "watch", r, desk_ji(r, "id"),
             xasprintf("extra care for %s after the fix, until %s (P9)", desk_js(r, "client_name"),
                       watch),
             watch, pb_action("case.show", desk_ji(r, "id"), NULL, NULL));
    }
    json_decref(rows);
    return e;
}

typedef rd_err *(*section_fn)(rd_desk *d, const today_ctx *t, rd_page *pg, json_t *items,
                              int64_t *more);

/* The sections in the order shown: most urgent first. */
static const struct section {
    const char *name, *title;
    section_fn read;
} sections[] = {
    {"commitments", "Overdue commitments", sec_commitments},
    {"from_client", "From your clients, on their portal page", sec_portal},
    {"followups", "Follow-ups due", sec_followups},
    {"invoices", "Invoices overdue", sec_invoices},
    {"triggers", "Triggers firing (suggestions)", sec_triggers},
    {"drafts", "Drafts ready to release or held", sec_drafts},
    {"pauses", "Pauses ending", sec_pauses},
    {"cases", "Your next step on open cases", sec_cases},
    {"watch", "Extra care after a fix", sec_watch},
};
#define NSECTIONS (sizeof sections / sizeof sections[0])

const char *const desk_today_sections[] = {"commitments", "from_client", "followups", "invoices",
                                           "triggers",    "drafts",      "pauses",    "cases",
                                           "watch",       NULL};

static void today_init(today_ctx *t)
{
    pb_today(t->today);
    desk_now(t->now);
    rd_timestr tomorrow;
    desk_date_plus(t->today, 1, tomorrow);
    snprintf(t->until, sizeof t->until, "%.10sT00:00:00Z", tomorrow);
}

/* Reads one page of section s into a new object {section, title, items, more, next}. */
static rd_err *read_section(rd_desk *d, const today_ctx *t, const struct section *s, rd_page *pg,
                            json_t **out)
{
    json_t *items = json_array();
    int64_t more = 0;
    rd_err *e = s->read(d, t, pg, items, &more);
    if (e) {
        json_decref(items);
        return e;
    }
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) json_object_set_new(it, "section", json_string(s->name));
    *out = json_pack("{s:s, s:s, s:o, s:I, s:I}", "section", s->name, "title", s->title, "items",
                     items, "more", (json_int_t)more, "next", (json_int_t)pg->next);
    return NULL;
}

rd_err *desk_today_section(rd_desk *d, const char *section, rd_page *page, json_t **out)
{
    assert(page);
    const struct section *s = NULL;
    for (size_t i = 0; i < NSECTIONS; i++)
        if (section && strcmp(sections[i].name, section) == 0) s = &sections[i];
    if (!s)
        return rd_error(RD_INVALID,
                        "section: '%s' is not a section of today (commitments, from_client, "
                        "followups, invoices, triggers, drafts, pauses, cases or watch)",
                        section ? section : "");
    if (page->limit < 1 || page->limit > RD_PAGE_MAX)
        return rd_error(RD_INVALID, "limit: %lld is not between 1 and %d", (long long)page->limit,
                        RD_PAGE_MAX);
    today_ctx t;
    today_init(&t);
    return read_section(d, &t, s, page, out);
}

rd_err *desk_today_view(rd_desk *d, int64_t limit, json_t **out)
{
    if (limit < 1 || limit > RD_PAGE_MAX)
        return rd_error(RD_INVALID, "limit: %lld is not between 1 and %d", (long long)limit,
                        RD_PAGE_MAX);
    today_ctx t;
    today_init(&t);
    json_t *items = json_array(), *secs = json_array();
    int64_t total = 0;
    rd_err *e = NULL;
    for (size_t i = 0; i < NSECTIONS && !e; i++) {
        rd_page pg = {limit, 0, 0};
        json_t *s = NULL;
        if ((e = read_section(d, &t, &sections[i], &pg, &s))) break;
        json_t *its = json_object_get(s, "items");
        json_array_extend(items, its);
        total += (int64_t)json_array_size(its) + desk_ji(s, "more");
        json_object_set_new(s, "shown", json_integer((json_int_t)json_array_size(its)));
        json_object_del(s, "items");
        json_array_append_new(secs, s);
    }
    if (e) {
        json_decref(items);
        json_decref(secs);
        return e;
    }
    *out = json_pack("{s:s, s:I, s:o, s:o}", "date", t.today, "count", (json_int_t)total, "items",
                     items, "sections", secs);
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
