/* cli_terminate.c — `redress time add` and `redress terminate`: logging time spent on a client
 * and walking away from one (P16) through the checklist, handovers and the written notice. */
#include "cli/cli.h"

#include <string.h>

static rd_err *time_add(cli_ctx *c)
{
    desk_time_input in = {.client = cli_get(c, "client"),
                          .case_id = cli_get(c, "case"),
                          .minutes = cli_get(c, "minutes"),
                          .note = cli_get(c, "note"),
                          .on = cli_get(c, "on")};
    int64_t id;
    rd_err *e = desk_time_add(&c->desk, &in, &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static void print_check(cli_ctx *c, json_t *check)
{
    size_t i;
    json_t *t;
    printf("%sWalking away from %s%s\n\n", cli_bold(c), js(check, "client_name"), cli_reset(c));
    json_t *triggers = json_object_get(check, "triggers");
    printf("Triggers that fire (P16)\n");
    if (json_array_size(triggers) == 0) printf("  none\n");
    json_array_foreach(triggers, i, t)
        printf("  %s! %s%s: %s\n", cli_yellow(c), js(t, "trigger"), cli_reset(c), js(t, "why"));
    printf("\nChecklist: everything owed to the client is fulfilled or handed over\n");
    json_t *items = json_object_get(check, "items");
    if (json_array_size(items) == 0) printf("  nothing open\n");
    json_array_foreach(items, i, t) printf("  %s[ ]%s %s:%lld  %s\n", cli_red(c), cli_reset(c),
                                           js(t, "item"), (long long)ji(t, "id"), js(t, "what"));
    json_array_foreach(json_object_get(check, "handovers"), i, t)
        printf("  %s[x]%s %s:%lld  handed over: %s\n", cli_green(c), cli_reset(c), js(t, "item"),
               (long long)ji(t, "item_id"), js(t, "note"));
    if (strcmp(js(check, "status"), "terminated") == 0)
        printf("\nThis client is already terminated.\n");
    else if (json_array_size(items) > 0)
        printf(
            "\nHand each open item over with --handover KIND:ID --note TEXT before --confirm.\n");
    else
        printf("\nReady: --confirm with --reason writes the notice and ends the relationship.\n");
}

static rd_err *terminate(cli_ctx *c)
{
    int nreasons;
    const char **reasons = cli_multi(c, "reason", &nreasons);
    const char *handover = cli_get(c, "handover");
    bool confirm = cli_flag(c, "confirm");
    if (handover && confirm)
        return rd_error(RD_USAGE, "terminate: --handover and --confirm are separate steps");
    if (cli_get(c, "note") && !handover) return rd_error(RD_USAGE, "--note: goes with --handover");
    if (cli_get(c, "pdf") && !confirm) return rd_error(RD_USAGE, "--pdf: goes with --confirm");
    if (cli_flag(c, "send") && !confirm) return rd_error(RD_USAGE, "--send: goes with --confirm");
    const char *client_text = NULL;
    rd_err *e = cli_named(c, "client", &client_text);
    if (e) return e;
    json_t *r = NULL;
    if (confirm) {
        desk_terminate_input in = {.client = client_text,
                                   .reasons = reasons,
                                   .nreasons = nreasons,
                                   .referral = cli_get(c, "referral"),
                                   .override = cli_get(c, "override")};
        int fd;
        e = cli_pdf_open(c, &fd);
        if (!e) e = desk_terminate_confirm(&c->desk, &in, &r);
        e = cli_pdf_finish(c, fd, e, "Notice of termination", NULL, e ? NULL : js(r, "notice"));
        if (e) {
            json_decref(r);
            return e;
        }
        c->json ? cli_print_json(r) : (void)printf("%s", js(r, "notice"));
        fflush(stdout);
        e = cli_letter_send(c, ji(r, "log_id"));
        json_decref(r);
        return e;
    }
    if (handover) {
        int64_t id;
        desk_handover_input in = {
            .client = client_text, .item = handover, .note = cli_get(c, "note")};
        if ((e = desk_terminate_handover(&c->desk, &in, &id))) return e;
    }
    int64_t client;
    if ((e = desk_parse_id("client", client_text, &client))) return e;
    if ((e = desk_terminate_check(&c->desk, client, &r))) return e;
    c->json ? cli_print_json(r) : print_check(c, r);
    json_decref(r);
    return NULL;
}

static const cli_opt time_add_opts[] = {
    {"client", "ID", CLI_REQUIRED, "whose time it was"},
    {"case", "ID", 0, "the case, when spent on a complaint"},
    {"minutes", "TIME", CLI_REQUIRED, "time spent: 90, 45m, 1h30 or 1.5h (up to 30 days)"},
    {"note", "TEXT", 0, "what the time went on"},
    {"on", "DATE", 0, "the day it was spent; default today"},
    {NULL, NULL, 0, NULL}};

static const cli_opt terminate_opts[] = {
    {"client", "ID", 0, "the client to walk away from (required)"},
    {"reason", "TEXT", CLI_MULTI, "a reason to cite in the notice (repeat for more)"},
    {"handover", "KIND:ID", 0, "mark commitment, project, refund or invoice ID handed over"},
    {"note", "TEXT", 0, "with --handover: to whom or how it was handed over"},
    {"referral", "TEXT", 0, "who the client can turn to instead, named in the notice"},
    {"confirm", NULL, 0, "write the notice, log it and mark the client terminated"},
    {"override", "REASON", 0, "send the notice within a case's cool-off (audited)"},
    {"pdf", "FILE", 0, "with --confirm: also write the notice as a PDF to a new file (0600)"},
    {"send", NULL, 0, "with --confirm: then send the notice by email (PDF attached with --pdf)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_time_add = {"time add",
                              NULL,
                              0,
                              0,
                              CMD_JSON,
                              "Log time spent on a client; prints the entry id.",
                              "Time × your hourly cost (config hourly_cost) against what the"
                              " client paid is the cost-of-serving trigger of walking away.",
                              time_add_opts,
                              time_add};
const cli_cmd cmd_terminate = {
    "terminate",
    NULL,
    0,
    1,
    CMD_JSON,
    "Walk away from a client: triggers, checklist, handovers, notice (P16).",
    "Without --confirm it prints the walk-away triggers that fire and the checklist of what is"
    " still owed to the client (open commitments, undelivered projects, pending refunds, unpaid"
    " invoices). --client ID is required (the id alone after the command works too)."
    " --handover KIND:ID --note TEXT marks one item handed over (an invoice by its number or"
    " id). --confirm (with at"
    " least one --reason) is refused while anything is open; otherwise it prints the notice,"
    " logs it (out, letter), marks the client terminated and moves their open cases to stage"
    " terminated.",
    terminate_opts,
    terminate};
