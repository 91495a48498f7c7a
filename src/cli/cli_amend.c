/* cli_amend.c — putting mistakes right without editing history: `project amend`, `revision
 * reverse`, `log correct` and `commitment split`, and the amendments section that `project
 * show` and `case show` print. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#define END_OPT                                                                                    \
    {                                                                                              \
        NULL, NULL, 0, NULL                                                                        \
    }

void cli_print_amendments(cli_ctx *c, json_t *obj)
{
    json_t *rows = json_object_get(obj, "amendments");
    if (json_array_size(rows) == 0) return;
    printf("\n%sAmendments to what was agreed%s\n", cli_bold(c), cli_reset(c));
    json_t *agreed = json_object_get(obj, "agreed");
    const char *cur = js(agreed, "currency");
    char price[48] = "none", extra[48] = "none";
    if (json_is_integer(json_object_get(agreed, "price")))
        money_format(ji(agreed, "price"), cur, price, sizeof price);
    if (json_is_integer(json_object_get(agreed, "extra_revision_price")))
        money_format(ji(agreed, "extra_revision_price"), cur, extra, sizeof extra);
    printf("  first agreed: price %s, %lld revisions included, each extra %s\n", price,
           (long long)ji(agreed, "revisions"), extra);
    size_t i;
    json_t *a;
    json_array_foreach(rows, i, a)
    {
        const char *field = js(a, "field"), *old = js(a, "old_value"), *now = js(a, "new_value");
        bool money = strcmp(field, "price") == 0 || strcmp(field, "extra_revision_price") == 0;
        char was[48], is[48];
        if (money && old)
            money_format(strtoll(old, NULL, 10), cur, was, sizeof was);
        else
            snprintf(was, sizeof was, "%s", old ? old : "none");
        if (money && now)
            money_format(strtoll(now, NULL, 10), cur, is, sizeof is);
        else
            snprintf(is, sizeof is, "%s", now ? now : "none");
        if (strcmp(field, "currency") == 0 && now) cur = now;
        printf("  #%lld %.10s  %s: %s, now %s (%s)\n", (long long)ji(a, "id"), js(a, "created_at"),
               field, was, is, js(a, "reason"));
    }
}

static rd_err *project_amend(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    desk_amend_input in = {cli_get(c, "price"),     cli_get(c, "currency"),
                           cli_get(c, "revisions"), cli_get(c, "extra-revision-price"),
                           cli_get(c, "reason"),    cli_get(c, "channel")};
    rd_err *e = cli_pos_id(c, 0, "project", &id);
    if (!e) e = desk_project_amend(&c->desk, id, &in, &r);
    if (e) return e;
    if (c->json)
        cli_print_json(r);
    else
        printf("%slogged as entry %lld\n", js(r, "text"), (long long)ji(r, "log_id"));
    json_decref(r);
    return NULL;
}

static rd_err *revision_reverse(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    rd_err *e = cli_pos_id(c, 0, "revision", &id);
    if (!e) e = desk_revision_reverse(&c->desk, id, cli_get(c, "reason"), &r);
    if (e) return e;
    if (c->json) {
        cli_print_json(r);
    } else {
        char charged[48];
        money_format(ji(r, "charged"), js(r, "currency"), charged, sizeof charged);
        printf("the charge for revision %lld is reversed; %s: %s still charged for extras\n",
               (long long)id, js(r, "title"), charged);
    }
    json_decref(r);
    return NULL;
}

static rd_err *log_correct(cli_ctx *c)
{
    int64_t entry, id;
    char *body = NULL;
    rd_err *e = cli_pos_id(c, 0, "entry", &entry);
    if (!e) e = cli_read_text(c, "text", &body);
    desk_correct_input in = {cli_get(c, "subject"), body, cli_get(c, "reason")};
    if (!e) e = desk_log_correct(&c->desk, entry, &in, &id);
    free(body);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *commitment_split(cli_ctx *c)
{
    int64_t id;
    int n = 0;
    json_t *r = NULL;
    const char **parts = cli_multi(c, "part", &n);
    rd_err *e = cli_pos_id(c, 0, "commitment", &id);
    if (!e) e = desk_commitment_split(&c->desk, id, parts, n, &r);
    if (e) return e;
    if (c->json) {
        cli_print_json(r);
    } else {
        size_t i;
        json_t *p;
        printf("commitment %lld is now in %zu parts; the last one done finishes it\n",
               (long long)id, json_array_size(json_object_get(r, "parts")));
        json_array_foreach(json_object_get(r, "parts"), i, p)
            printf("  commitment %lld: %s, due %s\n", (long long)ji(p, "id"), js(p, "text"),
                   js(p, "due_on"));
    }
    json_decref(r);
    return NULL;
}

static const cli_opt amend_opts[] = {
    {"price", "AMOUNT", 0, "the new agreed price"},
    {"currency", "CODE", 0, "the new currency (only while no amounts exist in the old one)"},
    {"revisions", "N", 0, "revisions now included in the price"},
    {"extra-revision-price", "AMOUNT", 0, "the new price of each revision beyond those"},
    {"reason", "TEXT", CLI_REQUIRED, "why the terms changed (logged and audited)"},
    {"channel", "CH", 0, "how it was agreed: email (default), phone, meeting, chat, letter"},
    END_OPT};
static const cli_opt reverse_opts[] = {
    {"reason", "TEXT", CLI_REQUIRED, "why the charge is reversed (audited)"}, END_OPT};
static const cli_opt correct_opts[] = {
    {"text", "FILE|-", CLI_REQUIRED, "the corrected words, from a file or standard input"},
    {"reason", "TEXT", CLI_REQUIRED, "what was wrong with the entry"},
    {"subject", "TEXT", 0, "a corrected subject (default: the entry's)"},
    END_OPT};
static const cli_opt split_opts[] = {
    {"part", "TEXT:DUE", CLI_REQUIRED | CLI_MULTI, "one part and its date (give 2 to 9)"}, END_OPT};

const cli_cmd cmd_project_amend = {
    "project amend",
    "PROJECT",
    1,
    1,
    CMD_JSON,
    "Change a project's price, currency or revision policy as a recorded amendment.",
    "Each change is kept with its old and new value and the reason, and one entry in the "
    "client's log says what changed (out, on --channel). project show and case show list the "
    "amendments beside the terms as first agreed. Figures from now on use the new terms; "
    "revisions charged earlier keep the price they had. The currency can change only while no "
    "invoice, refund or offer is in the old one.",
    amend_opts,
    project_amend};
const cli_cmd cmd_revision_reverse = {
    "revision reverse",
    "REVISION",
    1,
    1,
    CMD_JSON,
    "Reverse the charge of an extra revision (P18); the revision stays counted.",
    "REVISION is the id revision list shows. The charge stops counting in what the project's "
    "extras cost; the reversal and its reason are audited.",
    reverse_opts,
    revision_reverse};
const cli_cmd cmd_log_correct = {
    "log correct",
    "ENTRY",
    1,
    1,
    CMD_JSON,
    "Correct a log entry with a new entry that points to it; prints its id.",
    "The log is append-only: the entry stays as it was and the correction is written beside it "
    "(same client, case, direction, channel and time), so case show prints them together and "
    "verify still passes. ENTRY is the id log list shows.",
    correct_opts,
    log_correct};
const cli_cmd cmd_commitment_split = {
    "commitment split",
    "COMMITMENT",
    1,
    1,
    CMD_JSON,
    "Split a commitment into parts with their own dates (P9).",
    "Each --part TEXT:DUE becomes a commitment of its own, due no later than the whole one. "
    "Overdue parts show in today and case show; the commitment is done when its last part is.",
    split_opts,
    commitment_split};
