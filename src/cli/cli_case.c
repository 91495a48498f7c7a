/* cli_case.c — `redress case …` and `redress log …`: complaints and the communication log. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_col case_cols[] = {{"ID", "id", COL_INT, 0},
                                    {"CLIENT", "client_name", COL_TEXT, 24},
                                    {"RECEIVED", "received_at", COL_TIME, 0},
                                    {"CHANNEL", "channel", COL_TEXT, 0},
                                    {"STAGE", "stage", COL_TEXT, 0},
                                    {"STATUS", "status", COL_TEXT, 0},
                                    {"OVERDUE", "overdue", COL_INT, 0},
                                    {"WORDS", "words", COL_TEXT, 40},
                                    {NULL, NULL, 0, 0}};

static const cli_col case_fields[] = {{"case", "id", COL_INT, 0},
                                      {"client", "client_name", COL_TEXT, 0},
                                      {"email", "client_email", COL_TEXT, 0},
                                      {"phone", "client_phone", COL_TEXT, 0},
                                      {"project", "project_title", COL_TEXT, 0},
                                      {"channel", "channel", COL_TEXT, 0},
                                      {"received", "received_at", COL_TIME, 0},
                                      {"stage", "stage", COL_TEXT, 0},
                                      {"status", "status", COL_TEXT, 0},
                                      {"root cause", "root_cause", COL_TEXT, 0},
                                      {"hostility", "hostility", COL_INT, 0},
                                      {NULL, NULL, 0, 0}};

static const cli_col log_cols[] = {
    {"ID", "id", COL_INT, 0},          {"AT", "at", COL_TIME, 0},
    {"DIR", "direction", COL_TEXT, 0}, {"CHANNEL", "channel", COL_TEXT, 0},
    {"CASE", "case_id", COL_INT, 0},   {"SUBJECT", "subject", COL_TEXT, 30},
    {"TEXT", "body", COL_TEXT, 50},    {NULL, NULL, 0, 0}};

static rd_err *case_open(cli_ctx *c)
{
    char *words = NULL;
    rd_err *e = cli_read_text(c, "text", &words);
    desk_case_input in = {.client = cli_get(c, "client"),
                          .project = cli_get(c, "project"),
                          .channel = cli_get(c, "channel"),
                          .received = cli_get(c, "received"),
                          .words = words};
    int64_t id;
    json_t *history = NULL;
    if (!e) e = cli_history_before(c, in.client, &history);
    if (!e) e = desk_case_open(&c->desk, &in, &id);
    if (!e) cli_print_id_history(c, id, history);
    if (e) json_decref(history);
    free(words);
    return e;
}

static rd_err *case_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_case_list(&c->desk, cli_get(c, "status"), cli_get(c, "stage"), page, rows);
}

static rd_err *case_list(cli_ctx *c)
{
    return cli_list_pages(c, case_page, case_cols);
}

/* One line under an incoming message: what triage read in it. */
static void print_triage(cli_ctx *c, json_t *t)
{
    static const char *const flags[] = {"abuse",         "legal_threat",    "review_threat",
                                        "refund_demand", "payment_refusal", NULL};
    static const char *const hostility[] = {"calm", "displeased", "angry", "furious"};
    if (!json_is_object(t)) return;
    int64_t h = ji(t, "hostility");
    printf("%s  triage: %s (%lld/3)", cli_dim(c), hostility[h >= 0 && h <= 3 ? h : 0],
           (long long)h);
    for (int i = 0; flags[i]; i++)
        if (ji(t, flags[i])) {
            printf(", ");
            for (const char *p = flags[i]; *p; p++)
                putchar(*p == '_' ? ' ' : *p);
        }
    if (js(t, "complaints") && *js(t, "complaints"))
        printf("; complaints: %s", js(t, "complaints"));
    printf("; root cause: %s%s\n", js(t, "root_cause"), cli_reset(c));
}

/* The timeline; the entry that is the complaint itself (words) is named, not repeated. */
/* Where an entry stands in corrections: which entry it corrects, which entries correct it. */
static void print_correction(cli_ctx *c, json_t *entry)
{
    if (ji(entry, "corrects"))
        printf("%s(entry %lld corrects entry %lld)%s\n", cli_dim(c), (long long)ji(entry, "id"),
               (long long)ji(entry, "corrects"), cli_reset(c));
    size_t i;
    json_t *by;
    json_array_foreach(json_object_get(entry, "corrected_by"), i, by)
        printf("%s(entry %lld, corrected by entry %lld below)%s\n", cli_yellow(c),
               (long long)ji(entry, "id"), (long long)json_integer_value(by), cli_reset(c));
}

static void print_log(cli_ctx *c, json_t *log, const char *words)
{
    size_t i;
    json_t *entry;
    json_array_foreach(log, i, entry)
    {
        const char *body = js(entry, "body");
        char at[64];
        cli_col col = {"at", "at", COL_TIME, 0};
        cli_value(entry, &col, at, sizeof at);
        const char *dir = js(entry, "direction");
        printf("%s%s %s %s%s%s%s\n", cli_bold(c), at,
               dir && dir[0] == 'i' ? "← from client" : "→ to client", js(entry, "channel"),
               js(entry, "subject") ? ": " : "", js(entry, "subject") ? js(entry, "subject") : "",
               cli_reset(c));
        if (body && words && strcmp(body, words) == 0)
            printf("(the complaint, above)\n");
        else if (body)
            printf("%s\n", body);
        print_triage(c, json_object_get(entry, "triage"));
        print_correction(c, entry);
        printf("\n");
    }
}

static rd_err *case_show(cli_ctx *c)
{
    int64_t id;
    json_t *k;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_case_get(&c->desk, id, &k);
    if (e) return e;
    if (c->json) {
        cli_print_json(k);
    } else {
        cli_fields(c, k, case_fields);
        if (js(k, "words"))
            printf("\n%sIn the client's words%s\n%s\n", cli_bold(c), cli_reset(c), js(k, "words"));
        cli_print_whole_case(c, k);
        json_t *log = json_object_get(k, "log");
        if (json_array_size(log) > 0) {
            printf("\n%sCommunication timeline%s\n", cli_bold(c), cli_reset(c));
            print_log(c, log, js(k, "words"));
        }
        json_t *att = json_object_get(k, "attachments");
        if (json_array_size(att) > 0) {
            printf("\n%sAttachments%s\n", cli_bold(c), cli_reset(c));
            size_t i;
            json_t *a;
            json_array_foreach(att, i, a)
                printf("  %lld  %s  %s  %lld bytes  %s\n", (long long)ji(a, "id"), js(a, "name"),
                       js(a, "type"), (long long)ji(a, "size"), js(a, "hash"));
        }
    }
    json_decref(k);
    return NULL;
}

static rd_err *log_add(cli_ctx *c)
{
    char *body = NULL;
    rd_err *e = cli_read_text(c, "text", &body);
    desk_log_input in = {.client = cli_get(c, "client"),
                         .case_id = cli_get(c, "case"),
                         .direction = cli_get(c, "direction"),
                         .channel = cli_get(c, "channel"),
                         .at = cli_get(c, "at"),
                         .subject = cli_get(c, "subject"),
                         .body = body};
    int64_t id;
    if (!e) e = desk_log_add(&c->desk, &in, &id);
    if (!e) cli_print_id(c, id);
    free(body);
    return e;
}

static rd_err *log_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    int64_t client;
    rd_err *e = desk_parse_id("client", cli_get(c, "client"), &client);
    return e ? e : desk_log_list(&c->desk, client, page, rows);
}

static rd_err *log_list(cli_ctx *c)
{
    return cli_list_pages(c, log_page, log_cols);
}

static const cli_opt case_open_opts[] = {
    {"client", "ID", CLI_REQUIRED, "who complained"},
    {"project", "ID", 0, "which of their projects"},
    {"channel", "CH", CLI_REQUIRED, "email, phone, meeting, chat, review or letter"},
    {"received", "TIME", 0, "when it arrived (YYYY-MM-DD[THH:MM]); default now"},
    {"text", "FILE|-", 0, "the client's words, from a file or standard input"},
    {NULL, NULL, 0, NULL}};

static const cli_opt case_list_opts[] = {{"status", "S", 0, "open, paused or closed"},
                                         {"stage", "S", 0, "only cases at this stage"},
                                         {NULL, NULL, 0, NULL}};

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};

static const cli_opt log_add_opts[] = {
    {"client", "ID", CLI_REQUIRED, "whose conversation"},
    {"case", "ID", 0, "the case it concerns"},
    {"direction", "in|out", CLI_REQUIRED, "in: from the client; out: from you"},
    {"channel", "CH", CLI_REQUIRED, "email, phone, meeting, chat, review or letter"},
    {"at", "TIME", 0, "when it happened; default now"},
    {"subject", "S", 0, "subject line or short title"},
    {"text", "FILE|-", 0, "the words exchanged or notes of the call"},
    {NULL, NULL, 0, NULL}};

static const cli_opt log_list_opts[] = {{"client", "ID", CLI_REQUIRED, "whose log"},
                                        {NULL, NULL, 0, NULL}};

const cli_cmd cmd_case_open = {"case open",
                               NULL,
                               0,
                               0,
                               CMD_JSON,
                               "Open a case for a complaint; prints the case id.",
                               "The client's words are kept verbatim and also written to the"
                               " hash-chained communication log. A client with a history"
                               " (complaints, escalations, late payments, termination) has it"
                               " printed first on standard error (P21); --json gives"
                               " {\"id\", \"history\"}.",
                               case_open_opts,
                               case_open};
const cli_cmd cmd_case_list = {"case list",
                               NULL,
                               0,
                               0,
                               CMD_JSON | CMD_LIST,
                               "List cases, newest complaint first.",
                               NULL,
                               case_list_opts,
                               case_list};
const cli_cmd cmd_case_show = {
    "case show",
    "CASE",
    1,
    1,
    CMD_JSON,
    "The whole case: contact, the client's words, everything recorded, the timeline.",
    "The client's words once, what triage read, concerns, the real problem, the restatement and "
    "its confirmation, offers with their history, commitments (overdue ones counted), follow-ups, "
    "escalations, feedback, the lesson, drafts, and the communication timeline.",
    no_opts,
    case_show};
const cli_cmd cmd_log_add = {"log add",
                             NULL,
                             0,
                             0,
                             CMD_JSON,
                             "Record an exchange with a client in the communication log.",
                             "The log is append-only and hash chained: see `redress verify`.",
                             log_add_opts,
                             log_add};
const cli_cmd cmd_log_list = {"log list",
                              NULL,
                              0,
                              0,
                              CMD_JSON | CMD_LIST,
                              "Show a client's communication log, oldest first.",
                              NULL,
                              log_list_opts,
                              log_list};
