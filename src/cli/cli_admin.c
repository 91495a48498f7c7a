/* cli_admin.c — `redress init`, `redress demo` and `redress config`: creating a desk, loading
 * demo data and the user's settings. (verify lives in cli_seal.c.) */
#include "cli/cli.h"

#include <stdlib.h>
#include <unistd.h>

static rd_err *init(cli_ctx *c)
{
    if (c->json) {
        json_t *o = json_pack("{s:s, s:i}", "database", c->db_path, "schema",
                              desk_schema_version(&c->desk));
        if (!o) return rd_error(RD_INVALID, "--db: the path is not valid UTF-8");
        cli_print_json(o);
        json_decref(o);
    } else
        printf("redress desk ready at %s (schema %d)\n", c->db_path, desk_schema_version(&c->desk));
    return NULL;
}

/* Progress of a long generation, on standard error when it is a terminal. */
static void demo_progress(void *ctx, int64_t done)
{
    const int64_t *total = ctx;
    if (done == *total || done % 1000 == 0)
        fprintf(stderr, "\r%lld of %lld cases", (long long)done, (long long)*total);
    if (done == *total) fputc('\n', stderr);
}

static rd_err *demo(cli_ctx *c)
{
    const char *cases = cli_get(c, "cases"), *seed = cli_get(c, "seed");
    if (!cases) {
        rd_err *e = desk_demo_load(&c->desk);
        if (!e) printf("demo desk loaded into %s\n", c->db_path);
        return e;
    }
    int64_t n, s = 0, t0 = time_now();
    rd_err *e = parse_int("cases", cases, 1, 10000000, &n);
    if (!e && seed) e = parse_int("seed", seed, 0, INT64_MAX, &s);
    if (e) return e;
    json_t *existing = NULL;
    rd_page one = {1, 0, 0};
    e = desk_client_list(&c->desk, &one, &existing);
    if (!e && json_array_size(existing) > 0)
        e = rd_error(RD_CONFLICT, "demo: the desk already has clients");
    json_decref(existing);
    if (!e)
        e = desk_generate(&c->desk, n, (uint64_t)s, isatty(STDERR_FILENO) ? demo_progress : NULL,
                          &n);
    if (!e)
        printf("%lld cases generated into %s in %lld s\n", (long long)n, c->db_path,
               (long long)(time_now() - t0));
    return e;
}

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};
static const cli_opt demo_opts[] = {
    {"cases", "N", 0, "generate N cases (ten per client) instead of the small demo"},
    {"seed", "S", 0, "seed for --cases (the same seed gives the same desk)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_init = {"init",
                          NULL,
                          0,
                          0,
                          CMD_JSON | CMD_CREATE,
                          "Create the database (and its folder) if it does not exist.",
                          "The database is --db PATH, else $REDRESS_DB, else\n"
                          "$XDG_DATA_HOME/redress/redress.db (~/.local/share/redress/redress.db).",
                          no_opts,
                          init};
const cli_cmd cmd_demo = {
    "demo",
    NULL,
    0,
    0,
    CMD_CREATE,
    "Fill an empty desk with realistic demo clients, projects and cases.",
    "With --cases N, a large desk for measuring instead: N cases at every stage of the playbook\n"
    "over three years, ten per client, each client with a project and five invoices, about\n"
    "eleven log entries a case, all through the ordinary operations (audited, hash chained).",
    demo_opts,
    demo};

/* ---------------------------------------------------------------- config */

static rd_err *config_list(cli_ctx *c)
{
    static const cli_col cols[] = {{"KEY", "key", COL_TEXT, 0},
                                   {"VALUE", "value", COL_TEXT, 0},
                                   {"DEFAULT", "default", COL_TEXT, 0},
                                   {"MEANING", "help", COL_TEXT, 0},
                                   {NULL, NULL, 0, 0}};
    json_t *rows = NULL;
    rd_err *e = desk_config_list(&c->desk, &rows);
    return cli_list_out(c, e, rows, cols);
}

static rd_err *config_get(cli_ctx *c)
{
    char *v = NULL;
    rd_err *e = desk_config_get(&c->desk, c->pos[0], &v);
    if (!e) printf("%s\n", v);
    free(v);
    return e;
}

static rd_err *config_set(cli_ctx *c)
{
    rd_err *e = desk_config_set(&c->desk, c->pos[0], c->pos[1]);
    if (!e) printf("%s = %s\n", c->pos[0], c->pos[1]);
    return e;
}

const cli_cmd cmd_config_list = {"config list",
                                 NULL,
                                 0,
                                 0,
                                 CMD_JSON,
                                 "List settings with their values and defaults.",
                                 NULL,
                                 no_opts,
                                 config_list};
const cli_cmd cmd_config_get = {
    "config get", "KEY", 1, 1, 0, "Print one setting's value.", NULL, no_opts, config_get};
const cli_cmd cmd_config_set = {"config set",
                                "KEY VALUE",
                                2,
                                2,
                                0,
                                "Change a setting (validated; recorded in the audit trail).",
                                "Money settings (risk_threshold, hourly_cost) are amounts in the\n"
                                "'currency' setting, e.g. `redress config set hourly_cost 45.50`.",
                                no_opts,
                                config_set};
