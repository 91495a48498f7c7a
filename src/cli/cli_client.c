/* cli_client.c — `redress client …` and `redress project …`: the people the user works for and
 * what was agreed with them. */
#include "cli/cli.h"

static const cli_col client_cols[] = {{"ID", "id", COL_INT, 0},
                                      {"NAME", "name", COL_TEXT, 30},
                                      {"COMPANY", "company", COL_TEXT, 24},
                                      {"EMAIL", "email", COL_TEXT, 32},
                                      {"STATUS", "status", COL_TEXT, 0},
                                      {"OPEN CASES", "open_cases", COL_INT, 0},
                                      {NULL, NULL, 0, 0}};

static const cli_col client_fields[] = {{"id", "id", COL_INT, 0},
                                        {"name", "name", COL_TEXT, 0},
                                        {"company", "company", COL_TEXT, 0},
                                        {"email", "email", COL_TEXT, 0},
                                        {"phone", "phone", COL_TEXT, 0},
                                        {"status", "status", COL_TEXT, 0},
                                        {"notes", "notes", COL_TEXT, 0},
                                        {"added", "created_at", COL_TIME, 0},
                                        {NULL, NULL, 0, 0}};

static const cli_col project_cols[] = {{"ID", "id", COL_INT, 0},
                                       {"CLIENT", "client_name", COL_TEXT, 24},
                                       {"TITLE", "title", COL_TEXT, 36},
                                       {"DEADLINE", "deadline", COL_DATE, 0},
                                       {"PRICE", "price", COL_MONEY, 0},
                                       {"STATUS", "status", COL_TEXT, 0},
                                       {NULL, NULL, 0, 0}};

static const cli_col project_fields[] = {{"id", "id", COL_INT, 0},
                                         {"client", "client_name", COL_TEXT, 0},
                                         {"title", "title", COL_TEXT, 0},
                                         {"scope", "scope", COL_TEXT, 0},
                                         {"deliverables", "deliverables", COL_TEXT, 0},
                                         {"deadline", "deadline", COL_DATE, 0},
                                         {"price", "price", COL_MONEY, 0},
                                         {"payment terms", "payment_terms", COL_INT, 0},
                                         {"revisions", "revisions", COL_INT, 0},
                                         {"revisions used", "revisions_used", COL_INT, 0},
                                         {"extra revision", "extra_revision_price", COL_MONEY, 0},
                                         {"status", "status", COL_TEXT, 0},
                                         {NULL, NULL, 0, 0}};

static const cli_col case_cols[] = {{"ID", "id", COL_INT, 0},
                                    {"RECEIVED", "received_at", COL_TIME, 0},
                                    {"CHANNEL", "channel", COL_TEXT, 0},
                                    {"STAGE", "stage", COL_TEXT, 0},
                                    {"STATUS", "status", COL_TEXT, 0},
                                    {NULL, NULL, 0, 0}};

static desk_client_input client_input(cli_ctx *c)
{
    return (desk_client_input){.name = cli_get(c, "name"),
                               .email = cli_get(c, "email"),
                               .phone = cli_get(c, "phone"),
                               .company = cli_get(c, "company"),
                               .notes = cli_get(c, "notes"),
                               .status = cli_get(c, "status")};
}

static rd_err *client_add(cli_ctx *c)
{
    desk_client_input f = client_input(c);
    int64_t id;
    rd_err *e = desk_client_add(&c->desk, &f, &id);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *client_edit(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "client", &id);
    desk_client_input f = client_input(c);
    if (!e) e = desk_client_edit(&c->desk, id, &f);
    if (!e && !c->json) printf("client %lld updated\n", (long long)id);
    if (!e && c->json) cli_print_id(c, id);
    return e;
}

static rd_err *client_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_client_list(&c->desk, page, rows);
}

static rd_err *client_list(cli_ctx *c)
{
    return cli_list_pages(c, client_page, client_cols);
}

static rd_err *client_show(cli_ctx *c)
{
    int64_t id;
    json_t *client;
    rd_err *e = cli_pos_id(c, 0, "client", &id);
    if (!e) e = desk_client_get(&c->desk, id, &client);
    if (e) return e;
    if (c->json) {
        cli_print_json(client);
    } else {
        cli_fields(c, client, client_fields);
        size_t i;
        json_t *o;
        json_array_foreach(json_object_get(client, "owed"), i, o)
        {
            char owed[48];
            money_format(ji(o, "owed"), js(o, "currency"), owed, sizeof owed);
            printf("%-12s %s on %lld invoice%s\n", i ? "" : "owes", owed,
                   (long long)ji(o, "invoices"), ji(o, "invoices") == 1 ? "" : "s");
        }
        printf("\n%sProjects%s\n", cli_bold(c), cli_reset(c));
        cli_table(c, json_object_get(client, "projects"), project_cols);
        printf("\n%sCases%s\n", cli_bold(c), cli_reset(c));
        cli_table(c, json_object_get(client, "cases"), case_cols);
    }
    json_decref(client);
    return NULL;
}

static const cli_opt client_add_opts[] = {
    {"name", "NAME", CLI_REQUIRED, "the client's name (person or business)"},
    {"email", "EMAIL", 0, "email address"},
    {"phone", "PHONE", 0, "phone number"},
    {"company", "COMPANY", 0, "company the client works for"},
    {"notes", "TEXT", 0, "your own notes"},
    {NULL, NULL, 0, NULL}};

static const cli_opt client_edit_opts[] = {
    {"name", "NAME", 0, "new name"},
    {"email", "EMAIL", 0, "new email address (\"\" clears it)"},
    {"phone", "PHONE", 0, "new phone number (\"\" clears it)"},
    {"company", "COMPANY", 0, "new company (\"\" clears it)"},
    {"notes", "TEXT", 0, "new notes (\"\" clears them)"},
    {"status", "STATUS", 0, "active or terminated"},
    {NULL, NULL, 0, NULL}};

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};

const cli_cmd cmd_client_add = {
    "client add",    NULL,      0, 0, CMD_JSON, "Add a client; prints the new client's id.", NULL,
    client_add_opts, client_add};
const cli_cmd cmd_client_list = {"client list",
                                 NULL,
                                 0,
                                 0,
                                 CMD_JSON | CMD_LIST,
                                 "List clients with their number of open cases.",
                                 NULL,
                                 no_opts,
                                 client_list};
const cli_cmd cmd_client_show = {"client show",
                                 "CLIENT",
                                 1,
                                 1,
                                 CMD_JSON,
                                 "Show a client with contact details, projects and cases.",
                                 NULL,
                                 no_opts,
                                 client_show};
const cli_cmd cmd_client_edit = {
    "client edit", "CLIENT",         1,          1, CMD_JSON, "Change a client's details.",
    NULL,          client_edit_opts, client_edit};

/* ---------------------------------------------------------------- projects */

static rd_err *project_add(cli_ctx *c)
{
    desk_project_input in = {.client = cli_get(c, "client"),
                             .title = cli_get(c, "title"),
                             .scope = cli_get(c, "scope"),
                             .deliverables = cli_get(c, "deliverables"),
                             .deadline = cli_get(c, "deadline"),
                             .price = cli_get(c, "price"),
                             .currency = cli_get(c, "currency"),
                             .payment_terms = cli_get(c, "payment-terms"),
                             .revisions = cli_get(c, "revisions"),
                             .extra_revision_price = cli_get(c, "extra-revision-price")};
    int64_t id;
    json_t *history = NULL;
    rd_err *e = cli_history_before(c, in.client, &history);
    if (!e) e = desk_project_add(&c->desk, &in, &id);
    if (!e) cli_print_id_history(c, id, history);
    if (e) json_decref(history);
    return e;
}

static rd_err *project_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    int64_t client = 0;
    rd_err *e =
        cli_get(c, "client") ? desk_parse_id("client", cli_get(c, "client"), &client) : NULL;
    return e ? e : desk_project_list(&c->desk, client, page, rows);
}

static rd_err *project_list(cli_ctx *c)
{
    return cli_list_pages(c, project_page, project_cols);
}

static rd_err *project_show(cli_ctx *c)
{
    int64_t id;
    json_t *p;
    rd_err *e = cli_pos_id(c, 0, "project", &id);
    if (!e) e = desk_project_get(&c->desk, id, &p);
    if (e) return e;
    if (c->json) {
        cli_print_json(p);
    } else {
        cli_fields(c, p, project_fields);
        cli_print_amendments(c, p);
    }
    json_decref(p);
    return NULL;
}

static const cli_opt project_add_opts[] = {
    {"client", "ID", CLI_REQUIRED, "whose project"},
    {"title", "TITLE", CLI_REQUIRED, "short name of the work"},
    {"scope", "TEXT", 0, "what the work covers, as agreed"},
    {"deliverables", "TEXT", 0, "what is handed over"},
    {"deadline", "YYYY-MM-DD", 0, "agreed delivery date"},
    {"price", "AMOUNT", 0, "agreed price, e.g. 1,250.50"},
    {"currency", "CODE", 0, "ISO 4217 currency code (default: your own, config currency)"},
    {"payment-terms", "DAYS", 0, "days from invoice to payment (default 30)"},
    {"revisions", "N", 0, "revisions included in the price (default 2)"},
    {"extra-revision-price", "AMOUNT", 0, "price of each revision beyond those"},
    {NULL, NULL, 0, NULL}};

static rd_err *project_edit(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "project", &id);
    desk_project_change ch = {.title = cli_get(c, "title"),
                              .scope = cli_get(c, "scope"),
                              .deliverables = cli_get(c, "deliverables"),
                              .deadline = cli_get(c, "deadline"),
                              .status = cli_get(c, "status")};
    if (!e) e = desk_project_edit(&c->desk, id, &ch);
    if (!e && c->json) cli_print_id(c, id);
    if (!e && !c->json) printf("project %lld updated\n", (long long)id);
    return e;
}

static const cli_opt project_edit_opts[] = {
    {"title", "TITLE", 0, "new title"},
    {"scope", "TEXT", 0, "new scope (\"\" clears it)"},
    {"deliverables", "TEXT", 0, "new deliverables (\"\" clears them)"},
    {"deadline", "YYYY-MM-DD", 0, "new deadline (\"\" clears it)"},
    {"status", "STATUS", 0, "active, delivered or cancelled"},
    {NULL, NULL, 0, NULL}};

static const cli_opt project_list_opts[] = {{"client", "ID", 0, "only this client's projects"},
                                            {NULL, NULL, 0, NULL}};

const cli_cmd cmd_project_add = {"project add",
                                 NULL,
                                 0,
                                 0,
                                 CMD_JSON,
                                 "Record a project and what was agreed; prints its id.",
                                 "A client with a history (complaints, escalations, late"
                                 " payments, termination) has it printed first on standard"
                                 " error (P21); --json gives {\"id\", \"history\"}.",
                                 project_add_opts,
                                 project_add};
const cli_cmd cmd_project_list = {
    "project list",    NULL,        0, 0, CMD_JSON | CMD_LIST, "List projects.", NULL,
    project_list_opts, project_list};
const cli_cmd cmd_project_edit = {
    "project edit",
    "PROJECT",
    1,
    1,
    CMD_JSON,
    "Change a project's description, deadline or status.",
    "Mark work delivered with --status delivered. The price, currency and revision policy stay\n"
    "as agreed: invoices and offers were measured against them.",
    project_edit_opts,
    project_edit};
const cli_cmd cmd_project_show = {"project show",
                                  "PROJECT",
                                  1,
                                  1,
                                  CMD_JSON,
                                  "Show a project with its terms and revision count.",
                                  NULL,
                                  no_opts,
                                  project_show};
