/* cli_today.c — `redress today` (one screen of what needs attention, most urgent first),
 * `followup add|edit` (schedule the call instead of the email, move a check-in) and `case
 * reread` (the client's earlier messages before restating, P7). */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

/* Prints one item: who and what, then the command that acts on it. */
static void print_item(cli_ctx *c, json_t *it, FILE *out)
{
    fprintf(out, "  %s — %s\n", js(it, "client_name") ? js(it, "client_name") : "", js(it, "text"));
    json_t *a = json_object_get(it, "action");
    if (json_is_object(a)) {
        char *cmd = cli_action_command(a);
        fprintf(out, "    %s%s%s\n", cli_dim(c), cmd, cli_reset(c));
        free(cmd);
    }
}

/* Prints one section's heading (red for what is overdue), its items (those of items whose
 * section is s's), and the rows after the page with the command that shows them. */
static void print_section(cli_ctx *c, json_t *s, json_t *items, FILE *out)
{
    const char *name = js(s, "section");
    int64_t more = ji(s, "more"), shown = 0;
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) shown += strcmp(js(it, "section"), name) == 0;
    if (!shown && !more) return;
    int urgent =
        !strcmp(name, "commitments") || !strcmp(name, "followups") || !strcmp(name, "invoices");
    fprintf(out, "\n%s%s%s\n", urgent ? cli_red(c) : cli_bold(c), js(s, "title"), cli_reset(c));
    json_array_foreach(items, i, it) if (strcmp(js(it, "section"), name) == 0)
        print_item(c, it, out);
    if (more)
        fprintf(out, "  %s… and %s%lld more%s: redress today --section %s --after %lld%s\n",
                cli_dim(c), more >= RD_MORE_MAX ? "at least " : "", (long long)more,
                !strcmp(name, "cases") || !strcmp(name, "triggers") ? " cases" : "", name,
                (long long)ji(s, "next"), cli_reset(c));
}

static void print_today(cli_ctx *c, json_t *t, FILE *out)
{
    json_t *items = json_object_get(t, "items");
    int64_t n = ji(t, "count");
    fprintf(out, "%sToday, %s%s — %lld thing%s need%s you\n", cli_bold(c), js(t, "date"),
            cli_reset(c), (long long)n, n == 1 ? "" : "s", n == 1 ? "s" : "");
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(t, "sections"), i, s) print_section(c, s, items, out);
    if (!json_array_size(items)) fprintf(out, "\nNothing is due, overdue or waiting.\n");
}

/* Sends the today view as plain text to the user's own address (the morning digest). */
static rd_err *mail_today(cli_ctx *c, json_t *t)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return rd_error(RD_IO, "today: cannot build the digest");
    bool color = c->color;
    c->color = false; /* a mail has no terminal */
    print_today(c, t, f);
    c->color = color;
    fclose(f);
    int64_t n = ji(t, "count");
    char *subject = xasprintf("redress: today, %s — %lld thing%s need%s you", js(t, "date"),
                              (long long)n, n == 1 ? "" : "s", n == 1 ? "s" : "");
    json_t *r = NULL;
    rd_err *e = desk_mail_self(&c->desk, subject, text, &r);
    if (!e) {
        if (c->json)
            cli_print_json(r);
        else
            printf("today's digest sent to %s as <%s>\n", js(r, "rcpt"), js(r, "message_id"));
    }
    json_decref(r);
    free(subject);
    free(text);
    return e;
}

/* today --section NAME: one page of one section, as the view prints it or as JSON. */
static rd_err *today_section(cli_ctx *c, const char *name, int64_t limit)
{
    rd_page pg = {limit, 0, 0};
    const char *after = cli_get(c, "after");
    rd_err *e = after ? desk_parse_id("after", after, &pg.after) : NULL;
    json_t *s = NULL;
    if (!e) e = desk_today_section(&c->desk, name, &pg, &s);
    if (e) return e;
    if (c->json)
        cli_print_json(s);
    else {
        json_t *items = json_object_get(s, "items");
        print_section(c, s, items, stdout);
        if (!json_array_size(items)) printf("Nothing in %s.\n", js(s, "title"));
    }
    json_decref(s);
    return NULL;
}

static rd_err *today(cli_ctx *c)
{
    int64_t limit = 10;
    const char *l = cli_get(c, "limit");
    rd_err *e = l ? desk_parse_id("limit", l, &limit) : NULL;
    if (e) return e;
    if (cli_get(c, "section")) return today_section(c, cli_get(c, "section"), limit);
    if (cli_get(c, "after"))
        return rd_error(RD_INVALID, "after: goes with --section (the section it pages)");
    json_t *t = NULL;
    if ((e = desk_today_view(&c->desk, limit, &t))) return e;
    if (cli_flag(c, "mail")) {
        e = mail_today(c, t);
    } else if (c->json) {
        cli_print_json(t);
    } else {
        print_today(c, t, stdout);
    }
    json_decref(t);
    return e;
}

static rd_err *followup_add(cli_ctx *c)
{
    int64_t id, fid;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_followup_add(&c->desk, id, cli_get(c, "kind"), cli_get(c, "due"), &fid);
    if (!e) cli_print_id(c, fid);
    return e;
}

static rd_err *followup_edit(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "followup", &id);
    if (!e) e = desk_followup_edit(&c->desk, id, cli_get(c, "kind"), cli_get(c, "due"));
    if (!e) printf("follow-up %lld changed\n", (long long)id);
    return e;
}

static rd_err *reread(cli_ctx *c)
{
    int64_t id;
    json_t *msgs = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_case_reread(&c->desk, id, &msgs);
    if (e) return e;
    if (c->json) {
        cli_print_json(msgs);
    } else {
        size_t i;
        json_t *m;
        printf("The client's earlier messages, oldest first (%zu). Read them before you restate "
               "what they want (P7).\n",
               json_array_size(msgs));
        json_array_foreach(msgs, i, m)
        {
            printf("\n%s%s, %s%s%s%s\n", cli_bold(c), js(m, "at"), js(m, "channel"),
                   js(m, "subject") ? ": " : "", js(m, "subject") ? js(m, "subject") : "",
                   cli_reset(c));
            printf("%s\n", js(m, "body") ? js(m, "body") : "(no words recorded)");
        }
    }
    json_decref(msgs);
    return NULL;
}

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};
static const cli_opt today_opts[] = {
    {"mail", NULL, 0, "mail it to your own address instead (smtp.url, me.addresses)"},
    {"limit", "N", 0, "at most N rows per section (default 10)"},
    {"section", "NAME", 0,
     "one section only: commitments, from_client, followups, invoices, triggers, drafts, pauses, "
     "cases or watch"},
    {"after", "CURSOR", 0, "with --section: the page after this cursor (printed after a page)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt fadd_opts[] = {{"kind", "K", 0, "call, meeting or message (default message)"},
                                    {"due", "YYYY-MM-DD", CLI_REQUIRED, "when to check in"},
                                    {NULL, NULL, 0, NULL}};
static const cli_opt fedit_opts[] = {{"kind", "K", 0, "call, meeting or message"},
                                     {"due", "YYYY-MM-DD", 0, "the new date"},
                                     {NULL, NULL, 0, NULL}};

const cli_cmd cmd_today = {
    "today",
    NULL,
    0,
    0,
    CMD_JSON,
    "What needs you today, most urgent first.",
    "One screen: overdue commitments, follow-ups due, invoices overdue, triggers firing, drafts "
    "ready to release, pauses ending, your next step on each open case (oldest first) or what it "
    "waits on, and clients under extra care after a fix. Each line carries the command to act on "
    "it, with the real ids. Each section shows its first --limit rows and says how many more "
    "there are and the command that pages through them (--section, --after). --mail\n"
    "sends it to your first me.addresses as a morning digest (contrib/ has a systemd timer).",
    today_opts,
    today};
const cli_cmd cmd_followup_add = {
    "followup add",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Schedule a call, meeting or message with the client (P3, P9).",
    "Use it for the call `case next` suggests instead of an email, or for any check-in.",
    fadd_opts,
    followup_add};
const cli_cmd cmd_followup_edit = {"followup edit",
                                   "FOLLOWUP",
                                   1,
                                   1,
                                   0,
                                   "Move an open follow-up or change its kind.",
                                   "The change is audited; a follow-up that is done stays as it "
                                   "was.",
                                   fedit_opts,
                                   followup_edit};
const cli_cmd cmd_case_reread = {
    "case reread",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Re-read the client's earlier messages before restating (P7).",
    "Shows every message the client sent, oldest first, and records that you read them.",
    no_opts,
    reread};
