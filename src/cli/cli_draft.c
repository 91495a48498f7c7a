/* cli_draft.c — `redress draft …`: reply drafts with their tone check and hold (P2, P5). */
#include "cli/cli.h"

#include <stdlib.h>

static const cli_col draft_cols[] = {{"ID", "id", COL_INT, 0},
                                     {"CASE", "case_id", COL_INT, 0},
                                     {"STATUS", "status", COL_TEXT, 0},
                                     {"HOLD UNTIL", "hold_until", COL_TIME, 0},
                                     {"ERRORS", "errors", COL_INT, 0},
                                     {"WARNINGS", "warnings", COL_INT, 0},
                                     {"SUBJECT", "subject", COL_TEXT, 30},
                                     {"TEXT", "body", COL_TEXT, 40},
                                     {NULL, NULL, 0, 0}};

static const cli_col draft_fields[] = {{"draft", "id", COL_INT, 0},
                                       {"case", "case_id", COL_INT, 0},
                                       {"status", "status", COL_TEXT, 0},
                                       {"channel", "channel", COL_TEXT, 0},
                                       {"subject", "subject", COL_TEXT, 0},
                                       {"hold until", "hold_until", COL_TIME, 0},
                                       {"released", "released_at", COL_TIME, 0},
                                       {"override", "override_reason", COL_TEXT, 0},
                                       {NULL, NULL, 0, 0}};

void cli_print_tone(cli_ctx *c, json_t *tone)
{
    size_t i;
    json_t *dg;
    json_array_foreach(json_object_get(tone, "diagnostics"), i, dg)
    {
        const char *sev = js(dg, "severity");
        const char *colour = sev && sev[0] == 'e' ? cli_red(c) : cli_yellow(c);
        if (ji(dg, "line"))
            printf("  %lld:%lld: ", (long long)ji(dg, "line"), (long long)ji(dg, "column"));
        else
            printf("  ");
        printf("%s%s%s: %s [%s]\n", colour, sev, cli_reset(c), js(dg, "message"), js(dg, "rule"));
        if (js(dg, "suggestion"))
            printf("      %s%s%s\n", cli_dim(c), js(dg, "suggestion"), cli_reset(c));
    }
    json_t *st;
    json_array_foreach(json_object_get(tone, "strengths"), i, st)
        printf("  %s+ %s%s\n", cli_green(c), json_string_value(st), cli_reset(c));
}

/* Writes the draft (new when in->case_id is set, else an edit of *id) and reads it back in one
 * batch, so a failed read cannot follow a write that happened; *draft is the caller's. */
static rd_err *write_draft(cli_ctx *c, const desk_draft_input *in, int64_t *id, json_t **draft)
{
    rd_err *e = desk_batch_begin(&c->desk);
    if (e) return e;
    e = in->case_id ? desk_draft_new(&c->desk, in, id) : desk_draft_edit(&c->desk, *id, in);
    if (!e) e = desk_draft_get(&c->desk, *id, draft);
    e = desk_batch_end(&c->desk, e);
    if (e && *draft) {
        json_decref(*draft);
        *draft = NULL;
    }
    return e;
}

static rd_err *show_after_write(cli_ctx *c, int64_t id, json_t *draft)
{
    if (c->json) {
        cli_print_json(draft);
    } else {
        printf("%lld\n", (long long)id);
        cli_print_tone(c, json_object_get(draft, "tone"));
        if (json_is_true(json_object_get(draft, "held")))
            printf("held for %lld more minute(s): cool off before it goes out\n",
                   (long long)ji(draft, "hold_minutes_left"));
    }
    json_decref(draft);
    return NULL;
}

static rd_err *draft_new(cli_ctx *c)
{
    char *body = NULL;
    int64_t id;
    rd_err *e = cli_read_text(c, "text", &body);
    if (!e && !body) e = text_read("text", "-", DESK_MAX_TEXT, &body, NULL);
    desk_draft_input in = {.case_id = c->pos[0],
                           .body = body,
                           .subject = cli_get(c, "subject"),
                           .channel = cli_get(c, "channel")};
    json_t *draft = NULL;
    if (!e) e = write_draft(c, &in, &id, &draft);
    free(body);
    return e ? e : show_after_write(c, id, draft);
}

static rd_err *draft_edit(cli_ctx *c)
{
    char *body = NULL;
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "draft", &id);
    if (!e) e = cli_read_text(c, "text", &body);
    if (!e && !body) e = text_read("text", "-", DESK_MAX_TEXT, &body, NULL);
    desk_draft_input in = {.body = body, .subject = cli_get(c, "subject")};
    json_t *draft = NULL;
    if (!e) e = write_draft(c, &in, &id, &draft);
    free(body);
    return e ? e : show_after_write(c, id, draft);
}

static rd_err *draft_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    int64_t case_id = 0;
    rd_err *e = cli_get(c, "case") ? desk_parse_id("case", cli_get(c, "case"), &case_id) : NULL;
    return e ? e : desk_draft_list(&c->desk, case_id, page, rows);
}

static rd_err *draft_list(cli_ctx *c)
{
    return cli_list_pages(c, draft_page, draft_cols);
}

static rd_err *draft_show(cli_ctx *c)
{
    int64_t id;
    json_t *draft;
    rd_err *e = cli_pos_id(c, 0, "draft", &id);
    if (!e) e = desk_draft_get(&c->desk, id, &draft);
    if (e) return e;
    if (c->json) {
        cli_print_json(draft);
    } else {
        cli_fields(c, draft, draft_fields);
        json_t *dl = json_object_get(draft, "delivery");
        if (json_is_object(dl))
            printf("%-12s%s to %s as <%s>%s%s\n", "delivery", js(dl, "status"), js(dl, "rcpt"),
                   js(dl, "message_id"), js(dl, "answer") ? ": " : "",
                   js(dl, "answer") ? js(dl, "answer") : "");
        printf("\n%s\n\n%sTone check%s\n", js(draft, "body"), cli_bold(c), cli_reset(c));
        cli_print_tone(c, json_object_get(draft, "tone"));
    }
    json_decref(draft);
    return NULL;
}

static rd_err *draft_release(cli_ctx *c)
{
    int64_t id, log_id;
    rd_err *e = cli_pos_id(c, 0, "draft", &id);
    if (!e) e = desk_draft_release(&c->desk, id, cli_get(c, "override"), &log_id);
    if (e) return e;
    if (c->json)
        printf("{\"id\": %lld, \"log_id\": %lld}\n", (long long)id, (long long)log_id);
    else
        printf("draft %lld released: communication log entry %lld\n", (long long)id,
               (long long)log_id);
    return NULL;
}

static const cli_opt new_opts[] = {{"text", "FILE|-", 0, "the reply (default: standard input)"},
                                   {"subject", "S", 0, "subject line"},
                                   {"channel", "CH", 0, "how it will be sent (default email)"},
                                   {NULL, NULL, 0, NULL}};
static const cli_opt edit_opts[] = {{"text", "FILE|-", 0, "the new text (default: standard input)"},
                                    {"subject", "S", 0, "a new subject line"},
                                    {NULL, NULL, 0, NULL}};
static const cli_opt list_opts[] = {{"case", "ID", 0, "only this case's drafts"},
                                    {NULL, NULL, 0, NULL}};
static const cli_opt release_opts[] = {
    {"override", "REASON", 0, "release despite a hold or tone errors (audited)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};

const cli_cmd cmd_draft_new = {
    "draft new",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Draft a reply: tone-checked and held before it can go.",
    "The draft is held for draft_hold_minutes (default 15); the first reply on a case also\n"
    "waits until cool_off_minutes (default 60) after the complaint arrived. Prints the id\n"
    "and the tone check.",
    new_opts,
    draft_new};
const cli_cmd cmd_draft_edit = {
    "draft edit", "DRAFT",   1,         1, CMD_JSON, "Replace a draft's text and check it again.",
    NULL,         edit_opts, draft_edit};
const cli_cmd cmd_draft_list = {"draft list",
                                NULL,
                                0,
                                0,
                                CMD_JSON | CMD_LIST,
                                "List reply drafts with their hold and tone-check counts.",
                                NULL,
                                list_opts,
                                draft_list};
const cli_cmd cmd_draft_show = {
    "draft show", "DRAFT", 1,         1, CMD_JSON, "Show a draft with every tone-check finding.",
    NULL,         no_opts, draft_show};
const cli_cmd cmd_draft_release = {
    "draft release",
    "DRAFT",
    1,
    1,
    CMD_JSON,
    "Mark a draft sent and log it.",
    "Refused while the draft is on hold or its tone check (run again now) finds errors,\n"
    "unless --override gives a reason, which goes into the audit trail.",
    release_opts,
    draft_release};

static rd_err *draft_send(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    rd_err *e = cli_pos_id(c, 0, "draft", &id);
    if (!e) e = desk_draft_send(&c->desk, id, cli_get(c, "override"), &r);
    if (e) return e;
    if (c->json)
        cli_print_json(r);
    else
        printf("draft %lld sent to %s as <%s>: %s\n", (long long)id, js(r, "rcpt"),
               js(r, "message_id"), js(r, "answer"));
    json_decref(r);
    return NULL;
}

const cli_cmd cmd_draft_send = {
    "draft send",
    "DRAFT",
    1,
    1,
    CMD_JSON,
    "Release a draft and send it by email (SMTP), in the client's thread.",
    "Like `draft release` (the hold and the tone check still apply), then delivered through\n"
    "smtp.url as an RFC 5322 message from your first me.addresses, with your me.signature,\n"
    "In-Reply-To and References pointing at the client's last message. Credentials come from\n"
    "REDRESS_SMTP_USER and REDRESS_SMTP_PASSWORD, or the 0600 file smtp.credentials names.\n"
    "When delivery fails the draft stays released with the server's answer; run it again to\n"
    "retry. A delivered draft is never sent twice.",
    release_opts,
    draft_send};
