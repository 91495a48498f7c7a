/* desk_docs.c — what leaves the desk for other programs: CSV tables for a spreadsheet or an
 * accountant, the desk's dates as a calendar (a file, or a subscription URL with its own
 * revocable token), and reports over a period that answer "what keeps going wrong". */
#include "desk/desk.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "docs/docs.h"

#define CALENDAR_PREFIX "c_"

rd_err *desk_export_page(rd_desk *d, const char *table, rd_page *page, json_t **out)
{
    rd_err *e = desk_check_word("table", table, store_export_tables);
    if (!e && !table) e = rd_error(RD_INVALID, "table: is required");
    return e ? e : store_export_page(d->st, table, page, out);
}

/* ---------------------------------------------------------------- PDF letters */

/* The letter on the configured paper, under the sender's block; date and ref may be NULL. */
static rd_err *letter_pdf(rd_desk *d, const char *title, const char *date, const char *ref,
                          const char *text, rd_buf *pdf)
{
    static const char *const keys[] = {"paper",    "me.name",  "me.business", "me.address",
                                       "me.email", "me.phone", NULL};
    char *v[7] = {0};
    rd_err *e = NULL;
    for (int i = 0; !e && keys[i]; i++)
        e = desk_config_get(d, keys[i], &v[i]);
    if (!e) {
        docs_letter l = {v[0], title, {v[1], v[2], v[3], v[4], v[5], NULL}, date, ref, text};
        e = docs_pdf_letter(&l, pdf);
    }
    for (int i = 0; i < 7; i++)
        free(v[i]);
    return e;
}

rd_err *desk_letter_pdf(rd_desk *d, const char *title, const char *ref, const char *text,
                        rd_buf *pdf)
{
    rd_timestr today;
    desk_today(today);
    return letter_pdf(d, title, ref ? today : NULL, ref, text, pdf);
}

rd_err *desk_log_letter_pdf(rd_desk *d, int64_t log_id, rd_buf *pdf)
{
    json_t *g = NULL;
    rd_err *e = store_log_get(d->st, log_id, &g);
    if (!e && !g) e = rd_error(RD_NOT_FOUND, "log: no entry %lld", (long long)log_id);
    if (!e && strcmp(desk_js(g, "direction"), "out") != 0)
        e = rd_error(RD_CONFLICT,
                     "log: entry %lld came from the client; only what you sent is a"
                     " letter",
                     (long long)log_id);
    if (!e && desk_ji(g, "erased"))
        e = rd_error(RD_CONFLICT, "log: the words of entry %lld were erased on request",
                     (long long)log_id);
    if (!e) {
        /* dated the day it was sent; a letter with its own date line keeps only that */
        const char *body = desk_js(g, "body") ? desk_js(g, "body") : "",
                   *subject = desk_js(g, "subject");
        bool dated = strncmp(body, "Date:", 5) == 0 || strstr(body, "\nDate:");
        char date[11];
        snprintf(date, sizeof date, "%.10s", desk_js(g, "at"));
        e = letter_pdf(d, subject ? subject : "Letter", dated ? NULL : date, dated ? NULL : subject,
                       body, pdf);
    }
    json_decref(g);
    return e;
}

/* ---------------------------------------------------------------- calendar */

static char *summary(json_t *ev)
{
    const char *kind = desk_js(ev, "kind"), *what = desk_js(ev, "what"),
               *client = desk_js(ev, "client");
    if (!what) what = "";
    if (strcmp(kind, "commitment") == 0) return xasprintf("Promised to %s: %s", client, what);
    if (strcmp(kind, "followup") == 0) return xasprintf("Follow up with %s (%s)", client, what);
    if (strcmp(kind, "invoice") == 0) {
        char owed[64];
        money_format(desk_ji(ev, "owed"), desk_js(ev, "currency"), owed, sizeof owed);
        return xasprintf("Invoice %s due from %s: %s", what, client, owed);
    }
    if (strcmp(kind, "hold") == 0) return xasprintf("Reply to %s may go out", client);
    return xasprintf("Mediation with %s%s%s", client, *what ? ", " : "", what);
}

rd_err *desk_calendar(rd_desk *d, char **ics)
{
    json_t *rows = NULL;
    rd_err *e = store_calendar_events(d->st, &rows);
    if (e) return e;
    size_t i;
    json_t *ev;
    json_array_foreach(rows, i, ev)
    {
        char *text = summary(ev);
        json_object_set_new(ev, "summary", json_string(text));
        free(text);
        if (json_integer_value(json_object_get(ev, "case_id"))) {
            char *desc = xasprintf("Case %lld in redress", (long long)desk_ji(ev, "case_id"));
            json_object_set_new(ev, "description", json_string(desc));
            free(desc);
        }
    }
    rd_timestr now;
    desk_now(now);
    e = docs_ics(rows, now, ics);
    json_decref(rows);
    return e;
}

rd_err *desk_calendar_link(rd_desk *d, const char *name, char **token, int64_t *id)
{
    if (text_blank(name)) return rd_error(RD_INVALID, "name: is required (e.g. phone)");
    rd_err *e = text_check("name", name, DESK_MAX_NAME, false);
    if (e) return e;
    char secret[RD_SECRET_MAX], hash[65];
    secret_new(CALENDAR_PREFIX, secret);
    secret_hash(secret, hash);
    rd_timestr now;
    desk_now(now);
    if ((e = store_begin(d->st))) return e;
    e = store_calendar_token_insert(d->st, name, hash, now, id);
    json_t *detail = json_pack("{s:s}", "name", name); /* desk_audit borrows it */
    if (!e) e = desk_audit(d, "calendar.link", "calendar_tokens", *id, detail);
    json_decref(detail);
    e = store_end(d->st, e);
    if (!e) *token = xstrdup(secret);
    return e;
}

rd_err *desk_calendar_links(rd_desk *d, json_t **out)
{
    return store_calendar_token_list(d->st, out);
}

rd_err *desk_calendar_revoke(rd_desk *d, int64_t id)
{
    rd_timestr now;
    desk_now(now);
    json_t *row = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = store_calendar_token_get(d->st, id, &row);
    if (!e && desk_js(row, "revoked_at"))
        e = rd_error(RD_CONFLICT, "subscription: calendar link %lld was already revoked",
                     (long long)id);
    if (!e) e = store_calendar_token_revoke(d->st, id, now);
    if (!e) e = desk_audit(d, "calendar.revoke", "calendar_tokens", id, NULL);
    json_decref(row);
    return store_end(d->st, e);
}

rd_err *desk_calendar_for_token(rd_desk *d, const char *token, char **ics)
{
    static const char refused[] = "calendar: this subscription link is not valid";
    if (!secret_well_formed(token, CALENDAR_PREFIX)) return rd_error(RD_NOT_FOUND, refused);
    char hash[65];
    secret_hash(token, hash);
    json_t *row = NULL;
    rd_err *e = store_calendar_token_by_hash(d->st, hash, &row);
    if (!e && (!row || desk_js(row, "revoked_at"))) e = rd_error(RD_NOT_FOUND, refused);
    json_decref(row);
    return e ? e : desk_calendar(d, ics);
}

/* ---------------------------------------------------------------- reports */

/* Median and mean of the numeric member key over rows; both null when there are none. */
static json_t *spread(json_t *rows, const char *key)
{
    size_t n = json_array_size(rows);
    if (!n) return json_pack("{s:i, s:n, s:n}", "count", 0, "median", "mean");
    double sum = 0, mid;
    for (size_t i = 0; i < n; i++)
        sum += json_number_value(json_object_get(json_array_get(rows, i), key));
    /* rows come sorted by key from the store */
    double a = json_number_value(json_object_get(json_array_get(rows, (n - 1) / 2), key));
    double b = json_number_value(json_object_get(json_array_get(rows, n / 2), key));
    mid = (a + b) / 2;
    return json_pack("{s:I, s:f, s:f}", "count", (json_int_t)n, "median", round(mid * 100) / 100,
                     "mean", round(sum / (double)n * 100) / 100);
}

static json_t *rate(int64_t part, int64_t whole)
{
    return whole ? json_real(round((double)part / (double)whole * 1000) / 1000) : json_null();
}

static rd_err *check_period(const char *from, const char *to, rd_timestr f, rd_timestr t)
{
    rd_timestr today;
    desk_today(today);
    int y, m, dd;
    rd_err *e = NULL;
    if (to) e = date_parse("to", to, &y, &m, &dd);
    snprintf(t, sizeof(rd_timestr), "%s", to ? to : today);
    if (!e && from) e = date_parse("from", from, &y, &m, &dd);
    if (!e && from) snprintf(f, sizeof(rd_timestr), "%s", from);
    if (!e && !from) desk_date_plus(t, -365, f);
    if (!e && strcmp(f, t) > 0) e = rd_error(RD_INVALID, "from: %s is after %s", f, t);
    return e;
}

/* Cost of serving each client: minutes × the hourly cost setting, beside what they paid. The
 * two are compared only in the same currency. */
static rd_err *client_costs(rd_desk *d, json_t *clients)
{
    char *cur = NULL;
    rd_err *e = desk_config_get(d, "currency", &cur);
    size_t i;
    json_t *c;
    json_array_foreach(clients, i, c)
    {
        if (e) break;
        int64_t hourly = 0;
        e = desk_config_money(d, "hourly_cost", cur, &hourly);
        int64_t cost = e ? 0 : (desk_ji(c, "minutes") * hourly + 30) / 60;
        json_object_set_new(c, "cost", json_integer(cost));
        json_object_set_new(c, "cost_currency", json_string(cur));
        const char *paid_cur = desk_js(c, "currency");
        bool same = paid_cur && strcmp(paid_cur, cur) == 0;
        json_object_set_new(c, "costs_more_than_paid",
                            same ? json_boolean(cost > desk_ji(c, "paid")) : json_null());
    }
    free(cur);
    return e;
}

rd_err *desk_report(rd_desk *d, const char *from, const char *to, json_t **out)
{
    rd_timestr f, t;
    rd_err *e = check_period(from, to, f, t);
    json_t *r = NULL;
    if (!e) e = store_report(d->st, f, t, &r);
    if (!e) e = client_costs(d, json_object_get(r, "clients"));
    if (e) {
        json_decref(r);
        return e;
    }
    json_t *tot = json_object_get(r, "totals"), *off = json_object_get(r, "offers"),
           *kept = json_object_get(r, "kept");
    int64_t cases = desk_ji(tot, "cases");
    json_object_set_new(r, "from", json_string(f));
    json_object_set_new(r, "to", json_string(t));
    json_object_set_new(r, "first_response",
                        spread(json_object_get(r, "first_response_hours"), "hours"));
    json_object_set_new(r, "resolution", spread(json_object_get(r, "resolution_days"), "days"));
    json_object_set_new(r, "escalation_rate", rate(desk_ji(tot, "escalated"), cases));
    json_object_set_new(
        off, "acceptance_rate",
        rate(desk_ji(off, "chosen"), desk_ji(off, "chosen") + desk_ji(off, "rejected")));
    json_object_set_new(kept, "rate", rate(desk_ji(kept, "kept"), desk_ji(kept, "closed")));
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(r, "money"), i, m) json_object_set_new(
        m, "share_of_revenue",
        rate(desk_ji(m, "refunds") + desk_ji(m, "discounts"), desk_ji(m, "revenue")));
    int64_t made = 0;
    json_array_foreach(json_object_get(r, "lessons"), i, m) made += desk_ji(m, "change_made");
    json_object_set_new(r, "changes_made", json_integer(made));
    *out = r;
    return NULL;
}

/* ---------------------------------------------------------------- report as PDF */

const char *desk_root_cause_words(const char *r)
{
    static const char *const w[][2] = {{"missed_deadline", "missed deadline"},
                                       {"quality", "quality of the work"},
                                       {"communication", "communication breakdown"},
                                       {"scope", "scope or expectations"},
                                       {"billing", "billing"},
                                       {"other", "other"},
                                       {"not_identified", "not identified yet"}};
    for (size_t i = 0; r && i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i][0], r) == 0) return w[i][1];
    return r ? r : "?";
}

static char *pct_text(json_t *v)
{
    return json_is_number(v) ? xasprintf("%.0f%%", json_number_value(v) * 100) : xstrdup("n/a");
}

static json_t *spread_row(const char *what, json_t *s, const char *unit)
{
    if (!desk_ji(s, "count")) return json_pack("[s, s, s, s]", what, "-", "-", "0");
    char *med = xasprintf("%.1f %s", json_number_value(json_object_get(s, "median")), unit),
         *mean = xasprintf("%.1f %s", json_number_value(json_object_get(s, "mean")), unit);
    json_t *row = json_pack("[s, s, s, I]", what, med, mean, (json_int_t)desk_ji(s, "count"));
    free(med);
    free(mean);
    return row;
}

/* The decimal number of len digits at s + off ("2026-11": year at 0, month at 5). */
static int num_at(const char *s, int off, int len)
{
    int v = 0;
    for (int i = 0; i < len && s[off + i] >= '0' && s[off + i] <= '9'; i++)
        v = v * 10 + (s[off + i] - '0');
    return v;
}

/* Moves m ("YYYY-MM") to the month after it. */
static void month_next(char m[8])
{
    int y = num_at(m, 0, 4), mo = num_at(m, 5, 2) + 1;
    if (mo > 12) {
        mo = 1;
        y++;
    }
    y %= 10000; /* written digit by digit: four for the year, two for the month */
    char out[8] = {(char)('0' + y / 1000),
                   (char)('0' + y / 100 % 10),
                   (char)('0' + y / 10 % 10),
                   (char)('0' + y % 10),
                   '-',
                   (char)('0' + mo / 10),
                   (char)('0' + mo % 10),
                   '\0'};
    memcpy(m, out, sizeof out);
}

/* Cases by month over the whole period, months without a case included, so the bars read as
 * time (all root causes together; a period of more than 60 months shows only months with
 * cases). */
static json_t *month_bars(json_t *r)
{
    json_t *bars = json_array(), *months = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(r, "by_month"), i, v)
    {
        const char *m = desk_js(v, "month");
        json_object_set_new(months, m, json_integer(desk_ji(months, m) + desk_ji(v, "cases")));
    }
    char m[8], last[8];
    snprintf(m, sizeof m, "%.7s", desk_js(r, "from"));
    snprintf(last, sizeof last, "%.7s", desk_js(r, "to"));
    int span = (num_at(last, 0, 4) - num_at(m, 0, 4)) * 12 + num_at(last, 5, 2) - num_at(m, 5, 2);
    for (int n = 0; n <= span && strcmp(m, last) <= 0; n++, month_next(m))
        if (span <= 60 || desk_ji(months, m))
            json_array_append_new(
                bars, json_pack("{s:s, s:I}", "label", m, "value", (json_int_t)desk_ji(months, m)));
    json_decref(months);
    return bars;
}

/* How long settling took: cases closed in the period, by days from complaint to close. */
static json_t *settle_bars(json_t *r)
{
    static const struct {
        const char *label;
        double below;
    } bucket[] = {{"under 1 day", 1},   {"1 to 3 days", 3},   {"3 to 7 days", 7},
                  {"1 to 2 weeks", 14}, {"2 to 4 weeks", 28}, {"4 weeks or more", 1e300}};
    int64_t n[sizeof bucket / sizeof bucket[0]] = {0};
    size_t i, k;
    json_t *v;
    json_array_foreach(json_object_get(r, "resolution_days"), i, v)
    {
        double days = json_number_value(json_object_get(v, "days"));
        for (k = 0; days >= bucket[k].below; k++)
            ;
        n[k]++;
    }
    json_t *bars = json_array();
    for (k = 0; k < sizeof bucket / sizeof bucket[0]; k++)
        json_array_append_new(
            bars, json_pack("{s:s, s:I}", "label", bucket[k].label, "value", (json_int_t)n[k]));
    return bars;
}

json_t *desk_report_blocks(json_t *r)
{
    json_t *blocks = json_array(), *tot = json_object_get(r, "totals"), *bars = json_array();
    size_t i;
    json_t *v;
    char *line = xasprintf("Cases received from %s to %s: %lld, of which %lld closed, %lld "
                           "escalated, %lld ended with the client.",
                           desk_js(r, "from"), desk_js(r, "to"), (long long)desk_ji(tot, "cases"),
                           (long long)desk_ji(tot, "closed"), (long long)desk_ji(tot, "escalated"),
                           (long long)desk_ji(tot, "terminated"));
    json_array_append_new(blocks, json_pack("{s:s}", "text", line));
    free(line);
    json_array_foreach(json_object_get(r, "root_causes"), i, v) json_array_append_new(
        bars, json_pack("{s:s, s:I}", "label", desk_root_cause_words(desk_js(v, "root_cause")),
                        "value", (json_int_t)desk_ji(v, "cases")));
    json_array_append_new(
        blocks, json_pack("{s:s, s:o}", "heading", "What keeps going wrong", "bars", bars));
    json_array_append_new(blocks, json_pack("{s:s, s:o, s:b}", "heading", "Cases by month", "bars",
                                            month_bars(r), "over_time", 1));
    json_array_append_new(blocks,
                          json_pack("{s:s, s:o}", "heading", "Days from complaint to settled",
                                    "bars", settle_bars(r)));
    json_t *speed = json_pack("[[s, s, s, s]]", "", "median", "mean", "cases");
    json_array_append_new(speed,
                          spread_row("first reply", json_object_get(r, "first_response"), "h"));
    json_array_append_new(speed, spread_row("settled", json_object_get(r, "resolution"), "days"));
    json_array_append_new(blocks, json_pack("{s:s, s:o}", "heading", "How fast", "table", speed));
    json_t *off = json_object_get(r, "offers"), *kept = json_object_get(r, "kept"),
           *sat = json_object_get(r, "satisfaction");
    char *acc = pct_text(json_object_get(off, "acceptance_rate")),
         *esc = pct_text(json_object_get(r, "escalation_rate")),
         *kp = pct_text(json_object_get(kept, "rate")),
         *sa = desk_ji(sat, "responses")
                   ? xasprintf("%.1f of 5", json_number_value(json_object_get(sat, "average")))
                   : xstrdup("no answers");
    json_t *out = json_pack("[[s, s], [s, s], [s, s], [s, s], [s, s]]", "measure", "value",
                            "offers accepted", acc, "escalated", esc,
                            "clients kept (new work within 12 months)", kp, "satisfaction", sa);
    free(acc);
    free(esc);
    free(kp);
    free(sa);
    json_array_append_new(blocks, json_pack("{s:s, s:o}", "heading", "Outcomes", "table", out));
    json_t *money =
        json_pack("[[s, s, s, s, s]]", "currency", "refunds", "discounts", "received", "share");
    json_array_foreach(json_object_get(r, "money"), i, v)
    {
        char a[64], b[64], rev[64];
        const char *cur = desk_js(v, "currency");
        money_format(desk_ji(v, "refunds"), cur, a, sizeof a);
        money_format(desk_ji(v, "discounts"), cur, b, sizeof b);
        money_format(desk_ji(v, "revenue"), cur, rev, sizeof rev);
        char *share = pct_text(json_object_get(v, "share_of_revenue"));
        json_array_append_new(money, json_pack("[s, s, s, s, s]", cur, a, b, rev, share));
        free(share);
    }
    json_array_append_new(blocks,
                          json_pack("{s:s, s:o}", "heading", "Money given back", "table", money));
    json_t *lessons = json_pack("[[s, s, s]]", "lesson", "change", "made");
    json_array_foreach(json_object_get(r, "lessons"), i, v) json_array_append_new(
        lessons, json_pack("[s, s, s]", desk_js(v, "lesson") ? desk_js(v, "lesson") : "",
                           desk_js(v, "change") ? desk_js(v, "change") : "",
                           desk_ji(v, "change_made") ? "yes" : "no"));
    if (json_array_size(lessons) > 1)
        json_array_append_new(blocks,
                              json_pack("{s:s, s:o}", "heading", "Lessons", "table", lessons));
    else
        json_array_append_new(blocks, json_pack("{s:s, s:s}", "heading", "Lessons", "text",
                                                "No lesson was recorded in this period."));
    if (json_array_size(lessons) <= 1) json_decref(lessons);
    json_t *cost = json_pack("[[s, s, s, s]]", "client", "minutes", "cost", "paid");
    json_array_foreach(json_object_get(r, "clients"), i, v)
    {
        char c[64], p[64];
        money_format(desk_ji(v, "cost"), desk_js(v, "cost_currency"), c, sizeof c);
        money_format(desk_ji(v, "paid"),
                     desk_js(v, "currency") ? desk_js(v, "currency") : desk_js(v, "cost_currency"),
                     p, sizeof p);
        json_array_append_new(cost, json_pack("[s, I, s, s]", desk_js(v, "client"),
                                              (json_int_t)desk_ji(v, "minutes"), c, p));
    }
    json_array_append_new(blocks,
                          json_pack("{s:s, s:o}", "heading", "Cost of serving", "table", cost));
    return blocks;
}

rd_err *desk_report_pdf(rd_desk *d, const char *from, const char *to, rd_buf *pdf)
{
    json_t *r = NULL;
    char *paper = NULL;
    rd_err *e = desk_report(d, from, to, &r);
    if (!e) e = desk_config_get(d, "paper", &paper);
    if (!e) {
        json_t *blocks = desk_report_blocks(r);
        char *title = xasprintf("Report %s to %s", desk_js(r, "from"), desk_js(r, "to"));
        e = docs_pdf_report(paper, title, blocks, pdf);
        free(title);
        json_decref(blocks);
    }
    free(paper);
    json_decref(r);
    return e;
}
