/* cli_serve.c — `redress serve` (the web desk and JSON API), `redress user add` (who may sign
 * in) and `redress token create|list|revoke` (API bearer tokens). */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "http/http.h"

/* An optional whole-number option in [min, max]; *out is left alone when absent. */
static rd_err *int_opt(cli_ctx *c, const char *name, int64_t min, int64_t max, int *out)
{
    const char *v = cli_get(c, name);
    int64_t n;
    if (!v) return NULL;
    rd_err *e = parse_int(name, v, min, max, &n);
    if (!e) *out = (int)n;
    return e;
}

/* --routes: the route table, one "METHOD PATTERN AUTH SUMMARY" line (tab-separated) each. */
static void print_routes(void)
{
    for (const http_route *r = http_routes; r->method; r++)
        printf("%s\t%s\t%s\t%s\n", r->method, r->pattern, r->auth == HTTP_USER ? "user" : "public",
               r->summary ? r->summary : "");
}

static rd_err *serve(cli_ctx *c)
{
    if (cli_flag(c, "routes")) {
        print_routes();
        return NULL;
    }
    http_options o;
    memset(&o, 0, sizeof o);
    o.db_path = c->db_path;
    o.listen = cli_get(c, "listen");
    int nhosts = 0;
    const char **hosts = cli_multi(c, "host", &nhosts);
    const char **list = xcalloc((size_t)nhosts + 1, sizeof *list);
    for (int i = 0; i < nhosts; i++)
        list[i] = hosts[i];
    o.hosts = list;
    int body_kb = 1024;
    rd_err *e = int_opt(c, "threads", 1, 64, &o.threads);
    if (!e) e = int_opt(c, "max-body-kb", 1, 1 << 20, &body_kb);
    if (!e) e = int_opt(c, "max-connections", 1, 100000, &o.max_connections);
    if (!e) e = int_opt(c, "request-timeout", 1, 3600, &o.request_timeout);
    if (!e) e = int_opt(c, "idle-timeout", 1, 3600, &o.idle_timeout);
    if (!e) e = int_opt(c, "session-hours", 1, 24 * 365, &o.session_hours);
    o.body_max = (size_t)body_kb << 10;
    o.tls_proxy = cli_flag(c, "tls-proxy");
    o.signin_link = cli_flag(c, "signin-link");
    o.quiet = cli_flag(c, "quiet");
    if (!e) e = http_serve(&o);
    free(list);
    return e;
}

/* Reads one line from fd 0 into out (without the newline); the terminal does not echo it. */
static rd_err *read_secret(const char *prompt, char *out, size_t n)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(out, (int)n, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (!got) return rd_error(RD_INVALID, "password: nothing was typed");
    size_t len = strcspn(out, "\r\n");
    if (out[len] == '\0' && len == n - 1)
        return rd_error(RD_INVALID, "password: longer than %zu characters", n - 2);
    out[len] = '\0';
    return NULL;
}

/* Reads a new password: twice from a terminal, once from standard input. */
static rd_err *read_new_password(char *pw, char *again, size_t n)
{
    rd_err *e = read_secret("password: ", pw, n);
    if (!e && isatty(STDIN_FILENO)) {
        e = read_secret("again: ", again, n);
        if (!e && strcmp(pw, again) != 0)
            e = rd_error(RD_INVALID, "password: the two did not match");
    }
    return e;
}

static rd_err *user_add(cli_ctx *c)
{
    char pw[1100], again[1100] = "";
    rd_err *e = read_new_password(pw, again, sizeof pw);
    int64_t id = 0;
    if (!e) e = desk_user_add(&c->desk, c->pos[0], pw, &id);
    memset(pw, 0, sizeof pw);
    memset(again, 0, sizeof again);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *user_passwd(cli_ctx *c)
{
    char pw[1100], again[1100] = "";
    rd_err *e = read_new_password(pw, again, sizeof pw);
    if (!e) e = desk_user_password(&c->desk, c->pos[0], NULL, pw, "terminal");
    memset(pw, 0, sizeof pw);
    memset(again, 0, sizeof again);
    if (!e && !c->json) printf("password of %s changed\n", c->pos[0]);
    return e;
}

static rd_err *user_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_user_list(&c->desk, page, rows);
}

static rd_err *user_list(cli_ctx *c)
{
    static const cli_col cols[] = {{"ID", "id", COL_INT, 0},
                                   {"NAME", "name", COL_TEXT, 32},
                                   {"PASSWORD", "has_password", COL_YESNO, 0},
                                   {"SESSIONS", "sessions", COL_INT, 0},
                                   {"ADDED", "created_at", COL_TIME, 0},
                                   {"REMOVED", "removed_at", COL_TIME, 0},
                                   {NULL, NULL, 0, 0}};
    return cli_list_pages(c, user_page, cols);
}

static rd_err *user_remove(cli_ctx *c)
{
    rd_err *e = desk_user_remove(&c->desk, c->pos[0], 0);
    if (!e && !c->json)
        printf("%s removed: signed out everywhere, can no longer sign in\n", c->pos[0]);
    return e;
}

static rd_err *token_create(cli_ctx *c)
{
    char *secret = NULL;
    int64_t id = 0;
    rd_err *e = desk_token_create(&c->desk, cli_get(c, "name"), &secret, &id);
    if (e) return e;
    if (c->json) {
        json_t *o = json_pack("{s:I, s:s}", "id", (json_int_t)id, "token", secret);
        cli_print_json(o);
        json_decref(o);
    } else {
        printf("%s\n", secret);
        fprintf(stderr,
                "token %lld: shown this once; send it as 'Authorization: Bearer "
                "TOKEN'\n",
                (long long)id);
    }
    free(secret);
    return NULL;
}

static rd_err *token_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_token_list(&c->desk, page, rows);
}

static rd_err *token_list(cli_ctx *c)
{
    static const cli_col cols[] = {{"ID", "id", COL_INT, 0},
                                   {"NAME", "name", COL_TEXT, 32},
                                   {"CREATED", "created_at", COL_TIME, 0},
                                   {"REVOKED", "revoked_at", COL_TIME, 0},
                                   {NULL, NULL, 0, 0}};
    return cli_list_pages(c, token_page, cols);
}

static rd_err *token_revoke(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "token", &id);
    if (!e) e = desk_token_revoke(&c->desk, id);
    if (!e && !c->json) printf("token %lld revoked\n", (long long)id);
    if (!e && c->json) cli_print_id(c, id);
    return e;
}

static const cli_opt serve_opts[] = {
    {"listen", "ADDR:PORT", 0, "where to listen (default 127.0.0.1:8080)"},
    {"host", "NAME[:PORT]", CLI_MULTI, "another Host header to answer (behind a proxy)"},
    {"threads", "N", 0, "worker threads, each with its own database connection (default 4)"},
    {"max-body-kb", "N", 0, "largest request body in KiB (default 1024)"},
    {"max-connections", "N", 0, "concurrent connections (default 512)"},
    {"request-timeout", "S", 0, "seconds a request may take to arrive (default 10)"},
    {"idle-timeout", "S", 0, "seconds an idle kept-alive connection stays open (default 30)"},
    {"session-hours", "N", 0, "how long a sign-in lasts (default 12)"},
    {"tls-proxy", NULL, 0, "served over HTTPS by a proxy in front: cookies get Secure"},
    {"signin-link", NULL, 0, "print a one-time sign-in link even when users exist"},
    {"quiet", NULL, 0, "no access log"},
    {"routes", NULL, 0, "print the route table (pages and API) and exit"},
    {NULL, NULL, 0, NULL}};
static const cli_opt token_create_opts[] = {
    {"name", "NAME", CLI_REQUIRED, "what the token is for (letters, digits, . _ -)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};

const cli_cmd cmd_serve = {
    .words = "serve",
    .summary = "Serve the web desk and the JSON API (/api/v1/).",
    .help = "Runs until SIGINT or SIGTERM, then finishes the requests in flight. Prints the\n"
            "URL, and a one-time sign-in link while the desk has no user, on standard output;\n"
            "one access-log line per request on standard error. Only the listening address and\n"
            "the --host names are answered (a foreign Host header is refused).",
    .opts = serve_opts,
    .run = serve};
const cli_cmd cmd_user_add = {
    .words = "user add",
    .args = "NAME",
    .min_pos = 1,
    .max_pos = 1,
    .flags = CMD_JSON,
    .summary = "Add a user who may sign in to the web desk.",
    .help = "The password is read from the terminal (twice, not echoed) or from the first line\n"
            "of standard input; at least 10 characters. It is stored as an argon2id hash.",
    .opts = no_opts,
    .run = user_add};
const cli_cmd cmd_user_list = {
    .words = "user list",
    .flags = CMD_JSON | CMD_LIST,
    .summary = "List the people who may use the web desk, and those removed.",
    .help = "Each user's name, whether they sign in with a password (else only by a one-time\n"
            "link), their sessions open now, when they were added and when removed.",
    .opts = no_opts,
    .run = user_list};
const cli_cmd cmd_user_passwd = {
    .words = "user passwd",
    .args = "NAME",
    .min_pos = 1,
    .max_pos = 1,
    .flags = CMD_JSON,
    .summary = "Set a user's password (a forgotten one, too).",
    .help = "The new password is read as for user add. Their open sessions stay; remove the\n"
            "user to end them. In the web desk each user changes their own under People.",
    .opts = no_opts,
    .run = user_passwd};
const cli_cmd cmd_user_remove = {
    .words = "user remove",
    .args = "NAME",
    .min_pos = 1,
    .max_pos = 1,
    .flags = CMD_JSON,
    .summary = "Remove a user who left: signed out everywhere, no more sign-in.",
    .help = "The account stays in the list and the audit trail still names them; user add with\n"
            "the same name brings it back with a new password. The last user who may sign in\n"
            "cannot be removed.",
    .opts = no_opts,
    .run = user_remove};
const cli_cmd cmd_token_create = {
    .words = "token create",
    .flags = CMD_JSON,
    .summary = "Create an API bearer token; it is shown once.",
    .help = "Only a hash of the token is stored: keep the printed token, it cannot be shown\n"
            "again. Send it as 'Authorization: Bearer TOKEN'.",
    .opts = token_create_opts,
    .run = token_create};
const cli_cmd cmd_token_list = {.words = "token list",
                                .flags = CMD_JSON | CMD_LIST,
                                .summary = "List API tokens (never the tokens themselves).",
                                .opts = no_opts,
                                .run = token_list};
const cli_cmd cmd_token_revoke = {.words = "token revoke",
                                  .args = "TOKEN",
                                  .min_pos = 1,
                                  .max_pos = 1,
                                  .flags = CMD_JSON,
                                  .summary = "Revoke an API token: it is refused from now on.",
                                  .opts = no_opts,
                                  .run = token_revoke};
