/* cli_revision.c — `redress revision …`: counting revision requests against a project's
 * policy (P18). */
#include "cli/cli.h"

static const cli_col revision_cols[] = {{"#", "number", COL_INT, 0},
                                        {"ID", "id", COL_INT, 0},
                                        {"REQUESTED", "created_at", COL_TIME, 0},
                                        {"BEYOND", "beyond_policy", COL_YESNO, 0},
                                        {"DECISION", "charge", COL_TEXT, 0},
                                        {"PRICE", "price", COL_MONEY, 0},
                                        {"NOTE", "note", COL_TEXT, 40},
                                        {NULL, NULL, 0, 0}};

static rd_err *revision_add(cli_ctx *c)
{
    desk_revision_input in = {.project = cli_get(c, "project"),
                              .note = cli_get(c, "note"),
                              .charge = cli_flag(c, "charge"),
                              .waive = cli_flag(c, "waive")};
    json_t *r;
    rd_err *e = desk_revision_add(&c->desk, &in, &r);
    if (e) return e;
    if (c->json)
        cli_print_json(r);
    else
        printf("%lld\n%s\n", (long long)ji(r, "id"), js(r, "summary"));
    json_decref(r);
    return NULL;
}

static rd_err *revision_list(cli_ctx *c)
{
    int64_t project;
    json_t *r;
    rd_err *e = desk_parse_id("project", cli_get(c, "project"), &project);
    if (!e) e = desk_revision_list(&c->desk, project, &r);
    if (e) return e;
    if (c->json) {
        cli_print_json(r);
    } else {
        char price[48] = "no agreed price";
        json_t *p = json_object_get(r, "extra_revision_price");
        if (json_is_integer(p))
            money_format(json_integer_value(p), js(r, "currency"), price, sizeof price);
        printf("%s: %lld of %lld included revisions used; each extra: %s\n\n", js(r, "title"),
               (long long)ji(r, "used"), (long long)ji(r, "included"), price);
        cli_table(c, json_object_get(r, "revisions"), revision_cols);
    }
    json_decref(r);
    return NULL;
}

static const cli_opt revision_add_opts[] = {
    {"project", "ID", CLI_REQUIRED, "which project"},
    {"note", "TEXT", 0, "what was asked for"},
    {"charge", NULL, 0, "beyond the policy: bill it at the extra revision price"},
    {"waive", NULL, 0, "beyond the policy: do it for free, knowingly"},
    {NULL, NULL, 0, NULL}};

static const cli_opt revision_list_opts[] = {{"project", "ID", CLI_REQUIRED, "which project"},
                                             {NULL, NULL, 0, NULL}};

const cli_cmd cmd_revision_add = {
    "revision add",
    NULL,
    0,
    0,
    CMD_JSON,
    "Count a revision request against the project's policy (P18).",
    "Prints the revision id and where it stands. A request beyond the included revisions is"
    " refused, saying what an extra costs, until you choose --charge or --waive.",
    revision_add_opts,
    revision_add};
const cli_cmd cmd_revision_list = {"revision list",
                                   NULL,
                                   0,
                                   0,
                                   CMD_JSON,
                                   "List a project's revisions against its policy.",
                                   NULL,
                                   revision_list_opts,
                                   revision_list};
