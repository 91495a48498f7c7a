/* cli_docs.c — `redress export csv`, `redress calendar …` and `redress report`: the desk's
 * tables for a spreadsheet, its dates for a calendar, and the numbers behind the lessons. */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};

/* Where output goes: --out FILE (created 0600, refusing to overwrite) or standard output. */
static rd_err *open_out(cli_ctx *c, FILE **out)
{
    const char *path = cli_get(c, "out");
    *out = stdout;
    if (!path || strcmp(path, "-") == 0) return NULL;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
    *out = fdopen(fd, "w");
    return *out ? NULL : rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
}

static rd_err *close_out(FILE *out, rd_err *e)
{
    if (out == stdout) return e;
    if (fclose(out) != 0 && !e) e = rd_error(RD_IO, "out: %s", strerror(errno));
    return e;
}

/* ---------------------------------------------------------------- export csv */

static rd_err *write_page(FILE *out, json_t *rows, bool header)
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err *e = NULL;
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        size_t n = json_object_size(row), k = 0;
        const char **cells = xcalloc(n ? n : 1, sizeof *cells);
        char **owned = xcalloc(n ? n : 1, sizeof *owned);
        const char *key;
        json_t *v;
        if (header && i == 0) {
            json_object_foreach(row, key, v) cells[k++] = key;
            e = csv_row(&b, cells, n);
            k = 0;
        }
        json_object_foreach(row, key, v)
        {
            if (json_is_string(v)) {
                cells[k] = json_string_value(v);
            } else if (json_is_integer(v)) {
                owned[k] = xasprintf("%lld", (long long)json_integer_value(v));
                cells[k] = owned[k];
            } else {
                cells[k] = NULL;
            }
            k++;
        }
        if (!e) e = csv_row(&b, cells, n);
        for (size_t j = 0; j < n; j++)
            free(owned[j]);
        free(owned);
        free(cells);
        if (e) break;
    }
    if (!e && b.len && out == stdout)
        e = term_write_data(b.data, b.len);
    else if (!e && b.len && fwrite(b.data, 1, b.len, out) != b.len)
        e = rd_error(RD_IO, "out: %s", strerror(errno));
    buf_reset(&b);
    return e;
}

static rd_err *export_csv(cli_ctx *c)
{
    FILE *out = NULL;
    rd_page pg = {.limit = 500};
    json_t *rows = NULL;
    /* the first page is read before the file is made, so a refused table creates nothing */
    rd_err *e = desk_export_page(&c->desk, c->pos[0], &pg, &rows);
    if (!e) e = open_out(c, &out);
    bool first = true;
    while (!e) {
        e = write_page(out, rows, first);
        first = false;
        json_decref(rows);
        rows = NULL;
        if (e || !pg.next) break;
        pg.after = pg.next;
        e = desk_export_page(&c->desk, c->pos[0], &pg, &rows);
    }
    json_decref(rows);
    return out ? close_out(out, e) : e;
}

static const cli_opt export_opts[] = {
    {"out", "FILE", 0, "write to a new file (0600) instead of standard output"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_export_csv = {
    "export csv",
    "TABLE",
    1,
    1,
    0,
    "Write a table as CSV for a spreadsheet or an accountant.",
    "TABLE is clients, projects, cases, invoices, payments, time or refunds. Amounts are in\n"
    "minor units (cents) beside their currency; times are ISO 8601 UTC. Cells a spreadsheet\n"
    "would run as a formula are written as text.",
    export_opts,
    export_csv};

/* ---------------------------------------------------------------- calendar */

static rd_err *calendar_export(cli_ctx *c)
{
    char *ics = NULL;
    FILE *out = NULL;
    rd_err *e = desk_calendar(&c->desk, &ics);
    if (!e) e = open_out(c, &out);
    if (!e && out == stdout)
        e = term_write_data(ics, strlen(ics));
    else if (!e && fputs(ics, out) == EOF)
        e = rd_error(RD_IO, "out: %s", strerror(errno));
    free(ics);
    return out ? close_out(out, e) : e;
}

static rd_err *calendar_link(cli_ctx *c)
{
    char *token = NULL;
    int64_t id = 0;
    rd_err *e = desk_calendar_link(&c->desk, cli_get(c, "name"), &token, &id);
    if (e) return e;
    const char *base = cli_get(c, "base-url") ? cli_get(c, "base-url") : "http://127.0.0.1:8080";
    size_t n = strlen(base);
    printf("%.*s/calendar/%s.ics\n", (int)(n && base[n - 1] == '/' ? n - 1 : n), base, token);
    fprintf(stderr,
            "calendar link %lld: subscribe to it from your phone or calendar program; it is shown\n"
            "once (only its hash is kept). `redress calendar revoke %lld` ends it.\n",
            (long long)id, (long long)id);
    free(token);
    return NULL;
}

static const cli_col link_cols[] = {{"LINK", "id", COL_INT, 0},
                                    {"NAME", "name", COL_TEXT, 30},
                                    {"CREATED", "created_at", COL_TIME, 0},
                                    {"REVOKED", "revoked_at", COL_TIME, 0},
                                    {NULL, NULL, 0, 0}};

static rd_err *calendar_links(cli_ctx *c)
{
    json_t *rows = NULL;
    rd_err *e = desk_calendar_links(&c->desk, &rows);
    return cli_list_out(c, e, rows, link_cols);
}

static rd_err *calendar_revoke(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "link", &id);
    if (!e) e = desk_calendar_revoke(&c->desk, id);
    if (!e) printf("calendar link %lld revoked\n", (long long)id);
    return e;
}

static const cli_opt link_opts[] = {
    {"name", "NAME", CLI_REQUIRED, "what the link is for, e.g. phone"},
    {"base-url", "URL", 0, "where the web desk is reached (default http://127.0.0.1:8080)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_calendar_export = {
    "calendar export",
    NULL,
    0,
    0,
    0,
    "Write the desk's dates as an iCalendar (.ics) file.",
    "Open commitments and follow-ups, unpaid invoices' due dates, drafts on hold until they may\n"
    "go out, and mediation dates. Each event keeps its identity between exports, so importing\n"
    "a newer file updates the events instead of doubling them.",
    export_opts,
    calendar_export};
const cli_cmd cmd_calendar_link = {"calendar link",
                                   NULL,
                                   0,
                                   0,
                                   0,
                                   "Make a calendar subscription URL (served by redress serve).",
                                   NULL,
                                   link_opts,
                                   calendar_link};
const cli_cmd cmd_calendar_links = {
    "calendar links", NULL,          0, 0, CMD_JSON, "List calendar subscription links.", NULL,
    no_opts,          calendar_links};
const cli_cmd cmd_calendar_revoke = {
    "calendar revoke", "LINK",         1, 1, 0, "Revoke a calendar subscription link.", NULL,
    no_opts,           calendar_revoke};

/* ---------------------------------------------------------------- report */

static void pct(json_t *v)
{
    if (json_is_number(v))
        printf("%.0f%%", json_number_value(v) * 100);
    else
        printf("n/a");
}

static void print_report(cli_ctx *c, json_t *r)
{
    json_t *tot = json_object_get(r, "totals");
    printf("%sReport %s to %s%s: %lld cases, %lld closed\n\n", cli_bold(c), js(r, "from"),
           js(r, "to"), cli_reset(c), (long long)ji(tot, "cases"), (long long)ji(tot, "closed"));
    printf("%sWhat keeps going wrong%s\n", cli_bold(c), cli_reset(c));
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(r, "root_causes"), i, v) printf(
        "  %-28s %4lld\n", desk_root_cause_words(js(v, "root_cause")), (long long)ji(v, "cases"));
    json_t *fr = json_object_get(r, "first_response"), *rs = json_object_get(r, "resolution");
    printf("\n%sHow fast%s\n", cli_bold(c), cli_reset(c));
    if (ji(fr, "count"))
        printf("  first reply        median %.1f h, mean %.1f h (%lld cases)\n",
               json_number_value(json_object_get(fr, "median")),
               json_number_value(json_object_get(fr, "mean")), (long long)ji(fr, "count"));
    else
        printf("  first reply        no case answered yet\n");
    if (ji(rs, "count"))
        printf("  settled            median %.1f days, mean %.1f days (%lld cases)\n",
               json_number_value(json_object_get(rs, "median")),
               json_number_value(json_object_get(rs, "mean")), (long long)ji(rs, "count"));
    else
        printf("  settled            no case closed yet\n");
    json_t *off = json_object_get(r, "offers"), *kept = json_object_get(r, "kept"),
           *sat = json_object_get(r, "satisfaction");
    printf("\n%sOutcomes%s\n  offers accepted    ", cli_bold(c), cli_reset(c));
    pct(json_object_get(off, "acceptance_rate"));
    printf(" (%lld chosen, %lld rejected)\n  escalated          ", (long long)ji(off, "chosen"),
           (long long)ji(off, "rejected"));
    pct(json_object_get(r, "escalation_rate"));
    printf("\n  clients kept       ");
    pct(json_object_get(kept, "rate"));
    printf(" (new work within 12 months of %lld closed cases)\n", (long long)ji(kept, "closed"));
    if (ji(sat, "responses"))
        printf("  satisfaction       %.1f of 5 (%lld answers)\n",
               json_number_value(json_object_get(sat, "average")), (long long)ji(sat, "responses"));
    printf("\n%sMoney given back%s\n", cli_bold(c), cli_reset(c));
    json_array_foreach(json_object_get(r, "money"), i, v)
    {
        char a[64], b[64], rev[64];
        const char *cur = js(v, "currency");
        money_format(ji(v, "refunds"), cur, a, sizeof a);
        money_format(ji(v, "discounts"), cur, b, sizeof b);
        money_format(ji(v, "revenue"), cur, rev, sizeof rev);
        printf("  %s refunds %s, discounts %s, of %s received: ", cur, a, b, rev);
        pct(json_object_get(v, "share_of_revenue"));
        printf("\n");
    }
    printf("\n%sLessons%s (%lld of %zu changes made)\n", cli_bold(c), cli_reset(c),
           (long long)ji(r, "changes_made"), json_array_size(json_object_get(r, "lessons")));
    json_array_foreach(json_object_get(r, "lessons"), i, v) printf(
        "  [%s] %s -> %s\n", ji(v, "change_made") ? "x" : " ", js(v, "lesson"), js(v, "change"));
    printf("\n%sCost of serving%s\n", cli_bold(c), cli_reset(c));
    json_array_foreach(json_object_get(r, "clients"), i, v)
    {
        char cost[64], paid[64], owed[80] = "";
        money_format(ji(v, "cost"), js(v, "cost_currency"), cost, sizeof cost);
        money_format(ji(v, "paid"), js(v, "currency") ? js(v, "currency") : js(v, "cost_currency"),
                     paid, sizeof paid);
        if (ji(v, "owed") > 0) {
            char o[64];
            money_format(ji(v, "owed"), js(v, "currency") ? js(v, "currency") : "", o, sizeof o);
            snprintf(owed, sizeof owed, "  owes %s", o);
        }
        printf("  %-28s %5lld min  cost %s  paid %s%s%s\n", js(v, "client"),
               (long long)ji(v, "minutes"), cost, paid, owed,
               json_is_true(json_object_get(v, "costs_more_than_paid")) ? "  costs more" : "");
    }
}

static rd_err *report(cli_ctx *c)
{
    json_t *r = NULL;
    if (cli_get(c, "pdf")) {
        rd_buf pdf;
        buf_init(&pdf, 0);
        int fd;
        rd_err *e = cli_pdf_open(c, &fd);
        if (!e) e = desk_report_pdf(&c->desk, cli_get(c, "from"), cli_get(c, "to"), &pdf);
        e = cli_pdf_write(c, fd, e, &pdf);
        buf_reset(&pdf);
        return e;
    }
    rd_err *e = desk_report(&c->desk, cli_get(c, "from"), cli_get(c, "to"), &r);
    if (e) return e;
    if (c->json)
        cli_print_json(r);
    else
        print_report(c, r);
    json_decref(r);
    return NULL;
}

static const cli_opt report_opts[] = {
    {"from", "YYYY-MM-DD", 0, "first day of the period (default a year before --to)"},
    {"to", "YYYY-MM-DD", 0, "last day of the period (default today)"},
    {"pdf", "FILE", 0, "write a printable copy (tables and bar charts) to a new file (0600)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_report = {
    "report",
    NULL,
    0,
    0,
    CMD_JSON,
    "Numbers over a period: what keeps going wrong, how fast, what it cost.",
    "Over the cases received in the period: cases by root cause (and by month), time to the\n"
    "first reply and to settlement, offers accepted, escalations, refunds and discounts as a\n"
    "share of what was received, clients kept (new work within 12 months), satisfaction,\n"
    "lessons and whether each change was made, and each client's cost of serving against\n"
    "what they paid.",
    report_opts,
    report};
