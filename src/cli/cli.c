/* cli.c — option parsing against a command's option table, and the plain-text output helpers:
 * aligned tables, key/value blocks, JSON, and colour only on a terminal without NO_COLOR. */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int opt_index(const cli_cmd *cmd, const char *name, size_t len)
{
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
        if (strlen(cmd->opts[i].name) == len && strncmp(cmd->opts[i].name, name, len) == 0)
            return i;
    return -1;
}

static rd_err *set_opt(cli_ctx *c, int i, const char *value)
{
    const cli_opt *o = &c->cmd->opts[i];
    c->vals[i] = value;
    if (o->flags & CLI_MULTI) {
        c->multi[i] = xrealloc(c->multi[i], sizeof(char *) * (size_t)(c->nmulti[i] + 1));
        c->multi[i][c->nmulti[i]++] = value;
    }
    return NULL;
}

/* Returned by list_opt for an option it took. */
static rd_err list_opt_taken;

/* The options every list command shares. Returns &list_opt_taken when name was one of them, NULL
 * when it was not, or a usage error. */
static rd_err *list_opt(cli_ctx *c, const char *name, size_t len, const char *eq, int argc,
                        char **argv, int *a)
{
    static const char *const flags[] = {"all", "jsonl", NULL}, *const valued[] = {"limit", "after",
                                                                                  NULL};
    for (int i = 0; flags[i]; i++)
        if (strlen(flags[i]) == len && strncmp(name, flags[i], len) == 0) {
            if (eq) return rd_error(RD_USAGE, "--%s: takes no value", flags[i]);
            *(i == 0 ? &c->all : &c->jsonl) = true;
            return &list_opt_taken;
        }
    for (int i = 0; valued[i]; i++)
        if (strlen(valued[i]) == len && strncmp(name, valued[i], len) == 0) {
            const char *v = eq ? eq + 1 : *a + 1 < argc ? argv[++*a] : NULL;
            if (!v) return rd_error(RD_USAGE, "--%s: needs a value", valued[i]);
            *(i == 0 ? &c->limit : &c->after) = v;
            return &list_opt_taken;
        }
    return NULL;
}

rd_err *cli_parse(cli_ctx *c, const cli_cmd *cmd, int argc, char **argv)
{
    c->cmd = cmd;
    for (int a = 0; a < argc; a++) {
        const char *arg = argv[a];
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
            if (c->npos >= cmd->max_pos)
                return rd_error(RD_USAGE, "%s: unexpected argument '%s'", cmd->words, arg);
            c->pos[c->npos++] = arg;
            continue;
        }
        const char *name = arg + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        if ((cmd->flags & CMD_JSON) && len == 4 && strncmp(name, "json", 4) == 0 && !eq) {
            c->json = true;
            continue;
        }
        if (cmd->flags & CMD_LIST) {
            rd_err *e = list_opt(c, name, len, eq, argc, argv, &a);
            if (e == &list_opt_taken) continue;
            if (e) return e;
        }
        int i = opt_index(cmd, name, len);
        if (i < 0)
            return rd_error(RD_USAGE, "%s: unknown option --%.*s", cmd->words, (int)len, name);
        const char *value = "1";
        if (cmd->opts[i].arg) {
            if (eq)
                value = eq + 1;
            else if (a + 1 < argc)
                value = argv[++a];
            else
                return rd_error(RD_USAGE, "--%s: needs a value (%s)", cmd->opts[i].name,
                                cmd->opts[i].arg);
        } else if (eq) {
            return rd_error(RD_USAGE, "--%s: takes no value", cmd->opts[i].name);
        }
        rd_err *e = set_opt(c, i, value);
        if (e) return e;
    }
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
        if ((cmd->opts[i].flags & CLI_REQUIRED) && !c->vals[i])
            return rd_error(RD_USAGE, "--%s: is required", cmd->opts[i].name);
    if (c->npos < cmd->min_pos)
        return rd_error(RD_USAGE, "%s: missing %s", cmd->words, cmd->args ? cmd->args : "argument");
    return NULL;
}

void cli_ctx_reset(cli_ctx *c)
{
    for (int i = 0; i < CLI_MAX_OPTS; i++)
        free(c->multi[i]);
    memset(c, 0, sizeof *c);
}

void cli_usage(FILE *out, const cli_cmd *cmd)
{
    fprintf(out, "usage: redress %s", cmd->words);
    if (cmd->args) fprintf(out, " %s", cmd->args);
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        const cli_opt *o = &cmd->opts[i];
        bool req = o->flags & CLI_REQUIRED;
        fprintf(out, " %s--%s%s%s%s%s", req ? "" : "[", o->name, o->arg ? " " : "",
                o->arg ? o->arg : "", req ? "" : "]", o->flags & CLI_MULTI ? "…" : "");
    }
    if (cmd->flags & CMD_LIST) fprintf(out, " [--limit N] [--after CURSOR] [--all] [--jsonl]");
    if (cmd->flags & CMD_JSON) fprintf(out, " [--json]");
    fprintf(out, "\n\n%s\n", cmd->summary);
    if (cmd->help) fprintf(out, "\n%s\n", cmd->help);
    if (cmd->opts && cmd->opts[0].name) fprintf(out, "\noptions:\n");
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", cmd->opts[i].name, cmd->opts[i].arg ? " " : "",
                 cmd->opts[i].arg ? cmd->opts[i].arg : "");
        fprintf(out, "  %-30s %s\n", left, cmd->opts[i].help);
    }
    if (cmd->flags & CMD_LIST) {
        fprintf(out, "  %-30s %s\n", "--limit N",
                "at most N rows (default: a screenful on a terminal)");
        fprintf(out, "  %-30s %s\n", "--after CURSOR",
                "start after that row (the id printed as more)");
        fprintf(out, "  %-30s %s\n", "--all", "every row, also on a terminal");
        fprintf(out, "  %-30s %s\n", "--jsonl", "one JSON object per line");
    }
    if (cmd->flags & CMD_JSON) fprintf(out, "  %-30s %s\n", "--json", "print the result as JSON");
    fprintf(out, "  %-30s %s\n", "--db PATH", "database file (else $REDRESS_DB, else the default)");
}

const char *cli_get(cli_ctx *c, const char *name)
{
    int i = opt_index(c->cmd, name, strlen(name));
    return i < 0 ? NULL : c->vals[i];
}

bool cli_flag(cli_ctx *c, const char *name)
{
    return cli_get(c, name) != NULL;
}

const char **cli_multi(cli_ctx *c, const char *name, int *n)
{
    int i = opt_index(c->cmd, name, strlen(name));
    *n = i < 0 ? 0 : c->nmulti[i];
    return i < 0 ? NULL : c->multi[i];
}

rd_err *cli_pos_id(cli_ctx *c, int i, const char *field, int64_t *id)
{
    if (i >= c->npos) return rd_error(RD_USAGE, "%s: missing %s", c->cmd->words, field);
    return desk_parse_id(field, c->pos[i], id);
}

rd_err *cli_pdf_open(cli_ctx *c, int *fd)
{
    const char *path = cli_get(c, "pdf");
    *fd = -1;
    if (!path) return NULL;
    *fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    return *fd < 0 ? rd_error(RD_IO, "pdf: %s: %s", path, strerror(errno)) : NULL;
}

rd_err *cli_pdf_write(cli_ctx *c, int fd, rd_err *e, rd_buf *pdf)
{
    if (fd < 0) return e;
    for (size_t off = 0; !e && off < pdf->len;) {
        ssize_t n = write(fd, pdf->data + off, pdf->len - off);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) e = rd_error(RD_IO, "pdf: %s", strerror(errno));
        if (n > 0) off += (size_t)n;
    }
    if (close(fd) != 0 && !e) e = rd_error(RD_IO, "pdf: %s", strerror(errno));
    if (e) unlink(cli_get(c, "pdf"));
    return e;
}

rd_err *cli_pdf_finish(cli_ctx *c, int fd, rd_err *e, const char *title, const char *ref,
                       const char *text)
{
    if (fd < 0) return e;
    rd_buf pdf;
    buf_init(&pdf, 0);
    if (!e) e = desk_letter_pdf(&c->desk, title, ref, text, &pdf);
    e = cli_pdf_write(c, fd, e, &pdf);
    buf_reset(&pdf);
    return e;
}

rd_err *cli_read_text(cli_ctx *c, const char *opt, char **out)
{
    const char *path = cli_get(c, opt);
    *out = NULL;
    return path ? text_read(opt, path, DESK_MAX_TEXT, out, NULL) : NULL;
}

/* ---------------------------------------------------------------- output */

const char *js(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

int64_t ji(json_t *obj, const char *key)
{
    return (int64_t)json_integer_value(json_object_get(obj, key));
}

void cli_print_json(json_t *v)
{
    json_dumpf(v, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
}

rd_err *cli_list_out(cli_ctx *c, rd_err *e, json_t *rows, const cli_col *cols)
{
    if (!e) c->json ? cli_print_json(rows) : cli_table(c, rows, cols);
    json_decref(rows);
    return e;
}

void cli_print_id(cli_ctx *c, int64_t id)
{
    if (c->json)
        printf("{\"id\": %lld}\n", (long long)id);
    else
        printf("%lld\n", (long long)id);
}

/* Markers the terminal guard (src/util/term.c) turns into colour; raw escapes would be shown. */
#define ESC(marker) (c->color ? marker : "")
const char *cli_bold(cli_ctx *c)
{
    return ESC(TERM_BOLD);
}
const char *cli_dim(cli_ctx *c)
{
    return ESC(TERM_DIM);
}
const char *cli_red(cli_ctx *c)
{
    return ESC(TERM_RED);
}
const char *cli_yellow(cli_ctx *c)
{
    return ESC(TERM_YELLOW);
}
const char *cli_green(cli_ctx *c)
{
    return ESC(TERM_GREEN);
}
const char *cli_reset(cli_ctx *c)
{
    return ESC(TERM_RESET);
}

void cli_value(json_t *obj, const cli_col *col, char *out, size_t n)
{
    json_t *v = json_object_get(obj, col->key);
    out[0] = '\0';
    if (!v || json_is_null(v)) return;
    if (col->kind == COL_MONEY && json_is_integer(v)) {
        const char *cur = js(obj, "currency");
        money_format(json_integer_value(v), cur ? cur : "EUR", out, n);
    } else if ((col->kind == COL_TIME || col->kind == COL_DATE) && json_is_string(v)) {
        int64_t t;
        rd_err *e = time_parse(col->key, json_string_value(v), &t);
        if (e || strlen(json_string_value(v)) == 10) {
            snprintf(out, n, "%s", json_string_value(v));
        } else {
            rd_timestr s;
            (col->kind == COL_TIME ? time_local : time_date)(t, s);
            snprintf(out, n, "%s", s);
        }
        rd_err_free(e);
    } else if (col->kind == COL_YESNO && (json_is_integer(v) || json_is_boolean(v))) {
        snprintf(out, n, "%s", json_is_true(v) || json_integer_value(v) ? "yes" : "no");
    } else if (json_is_integer(v)) {
        snprintf(out, n, "%lld", (long long)json_integer_value(v));
    } else if (json_is_string(v)) {
        snprintf(out, n, "%s", json_string_value(v));
    }
}

/* Display width in code points (good enough for the Latin, Greek and Cyrillic text most
 * clients' names are in). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

/* Cuts s to at most max code points, ending in "…"; newlines become spaces. */
static void clip(char *s, size_t size, int max)
{
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    if (max <= 0 || width(s) <= (size_t)max) return;
    size_t w = 0;
    char *p = s;
    for (; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && ++w == (size_t)max) break;
    }
    if ((size_t)(p - s) + 4 <= size) memcpy(p, "…", 4);
}

/* Rows of a table being printed, perhaps a page at a time: the widths come from the first page
 * (a later, wider cell pushes only its own line). */
typedef struct table_out {
    const cli_col *cols;
    size_t ncols;
    size_t *w;   /* column widths; NULL until the header is printed */
    size_t rows; /* printed so far */
} table_out;

/* Formats and clips every cell of rows once; the caller frees each cell and the array. */
static char **table_cells(const table_out *t, json_t *rows)
{
    size_t nrows = json_array_size(rows);
    char **cells = xcalloc(nrows * t->ncols + 1, sizeof *cells), cell[512];
    for (size_t i = 0; i < nrows; i++)
        for (size_t j = 0; j < t->ncols; j++) {
            cli_value(json_array_get(rows, i), &t->cols[j], cell, sizeof cell);
            clip(cell, sizeof cell, t->cols[j].max_width);
            cells[i * t->ncols + j] = xstrdup(cell);
        }
    return cells;
}

static void table_rows(cli_ctx *c, table_out *t, json_t *rows)
{
    size_t nrows = json_array_size(rows), n = nrows * t->ncols;
    char **cells = table_cells(t, rows);
    if (!t->w) {
        t->w = xcalloc(t->ncols, sizeof *t->w);
        for (size_t j = 0; j < t->ncols; j++)
            t->w[j] = width(t->cols[j].header);
        for (size_t k = 0; k < n; k++)
            if (width(cells[k]) > t->w[k % t->ncols]) t->w[k % t->ncols] = width(cells[k]);
        printf("%s", cli_bold(c));
        for (size_t j = 0; j < t->ncols; j++)
            printf("%-*s%s", j + 1 < t->ncols ? (int)t->w[j] : 0, t->cols[j].header,
                   j + 1 < t->ncols ? "  " : "");
        printf("%s\n", cli_reset(c));
    }
    for (size_t k = 0; k < n; k++) {
        size_t j = k % t->ncols, cw = width(cells[k]);
        if (j + 1 < t->ncols)
            printf("%s%*s  ", cells[k], (int)(t->w[j] > cw ? t->w[j] - cw : 0), "");
        else
            printf("%s\n", cells[k]);
        free(cells[k]);
    }
    free(cells);
    t->rows += nrows;
}

static void table_end(cli_ctx *c, table_out *t)
{
    if (t->rows == 0) printf("%s(none)%s\n", cli_dim(c), cli_reset(c));
    free(t->w);
}

void cli_table(cli_ctx *c, json_t *rows, const cli_col *cols)
{
    table_out t = {cols, 0, NULL, 0};
    while (cols[t.ncols].header)
        t.ncols++;
    table_rows(c, &t, rows);
    table_end(c, &t);
}

/* Rows a list prints by default on a terminal: its height less the header, the line saying
 * how to go on, and the prompt. */
static int64_t screenful(void)
{
    struct winsize ws;
    int rows = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 ? ws.ws_row : 24;
    return rows > 8 ? rows - 4 : 4;
}

/* Rows fetched per desk call while streaming a long list. */
#define CLI_PAGE_ROWS 256

rd_err *cli_list_pages(cli_ctx *c, cli_page_fn fn, const cli_col *cols)
{
    int64_t want = 0, shown = 0;
    rd_page pg = {0, 0, 0};
    rd_err *e = c->limit ? desk_parse_id("limit", c->limit, &want) : NULL;
    if (!e && c->after) e = desk_parse_id("after", c->after, &pg.after);
    if (e) return e;
    if (!c->limit && !c->all && isatty(STDOUT_FILENO)) want = screenful();
    table_out t = {cols, 0, NULL, 0};
    while (cols[t.ncols].header)
        t.ncols++;
    for (;;) {
        json_t *rows = NULL;
        pg.limit = want && want - shown < CLI_PAGE_ROWS ? want - shown : CLI_PAGE_ROWS;
        if ((e = fn(c, &pg, &rows))) break;
        size_t i;
        json_t *row;
        json_array_foreach(rows, i, row)
        {
            if (c->jsonl) {
                json_dumpf(row, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
                fputc('\n', stdout);
            } else if (c->json) {
                fputs(shown + (int64_t)i ? ",\n" : "[\n", stdout);
                json_dumpf(row, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
            }
        }
        if (!c->json && !c->jsonl) table_rows(c, &t, rows);
        shown += (int64_t)json_array_size(rows);
        json_decref(rows);
        if (!pg.next || (want && shown >= want)) break;
        pg.after = pg.next;
    }
    if (e && shown == 0) {
        free(t.w);
        return e;
    }
    if (c->json && !c->jsonl) fputs(shown ? "\n]\n" : "[]\n", stdout);
    if (!c->json && !c->jsonl) table_end(c, &t);
    fflush(stdout);
    if (!e && pg.next)
        fprintf(stderr, "%s%lld shown; more with --after %lld%s\n", cli_dim(c), (long long)shown,
                (long long)pg.next, cli_reset(c));
    return e;
}

void cli_fields(cli_ctx *c, json_t *obj, const cli_col *cols)
{
    size_t lw = 0;
    for (const cli_col *col = cols; col->header; col++)
        if (width(col->header) > lw) lw = width(col->header);
    char val[4096];
    for (const cli_col *col = cols; col->header; col++) {
        cli_value(obj, col, val, sizeof val);
        if (!val[0]) continue;
        printf("%s%-*s%s  %s\n", cli_dim(c), (int)lw, col->header, cli_reset(c), val);
    }
}

rd_err *cli_named(cli_ctx *c, const char *opt, const char **value)
{
    const char *v = cli_get(c, opt), *p = c->npos > 0 ? c->pos[0] : NULL;
    if (v && p && strcmp(v, p) != 0)
        return rd_error(RD_USAGE, "--%s: %s, and %s given as well; name it once", opt, v, p);
    if (!v && !p)
        return rd_error(RD_USAGE, "--%s: is required (%s --%s N)", opt, c->cmd->words, opt);
    *value = v ? v : p;
    return NULL;
}

/* ---------------------------------------------------------------- errors */

/* The option of cmd a desk field names ("amount" -> amount, "pursuit_cost" -> pursuit-cost,
 * and the list options after and limit), or NULL when the command has none by that name. */
static const cli_opt *field_opt(const cli_cmd *cmd, const char *field, const char **list_name)
{
    static const char *const list_opts[] = {"after", "limit", NULL};
    char name[64];
    size_t n = strlen(field);
    *list_name = NULL;
    if (n >= sizeof name) return NULL;
    for (size_t i = 0; i <= n; i++)
        name[i] = field[i] == '_' ? '-' : field[i];
    int i = opt_index(cmd, name, n);
    if (i >= 0) return &cmd->opts[i];
    if ((cmd->flags & CMD_LIST) && desk_one_of(name, list_opts)) *list_name = field;
    return NULL;
}

void cli_print_error(FILE *out, const cli_cmd *cmd, const rd_err *e, bool color)
{
    const char *msg = e->msg, *list_name = NULL;
    const cli_opt *o = cmd && e->field ? field_opt(cmd, e->field, &list_name) : NULL;
    size_t flen = e->field ? strlen(e->field) : 0, len = strlen(msg),
           hint = strlen(RD_OVERRIDE_HINT);
    bool prefixed = flen && strncmp(msg, e->field, flen) == 0 && msg[flen] == ':';
    /* the desk's "(or give a reason to override)" is --override here, when the command has it */
    bool override = e->overridable && cmd && opt_index(cmd, "override", 8) >= 0 && len >= hint &&
                    strcmp(msg + len - hint, RD_OVERRIDE_HINT) == 0;
    if (override) len -= hint;
    fprintf(out, "redress: ");
    if (prefixed && (o || list_name)) /* "amount: …" is about --amount here */
        fprintf(out, "--%s%.*s", o ? o->name : list_name, (int)(len - flen), msg + flen);
    else
        fprintf(out, "%.*s", (int)len, msg);
    if (!prefixed && o) /* the field to give is not the one the message starts with */
        fprintf(out, " (--%s%s%s)", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    fprintf(out, "%s\n", override ? " (or --override REASON)" : "");
    json_t *next = desk_err_action(e);
    if (next) {
        char *command = cli_action_command(next);
        fprintf(out, "next: %s%s%s\n", color ? "\033[1m" : "", command, color ? "\033[0m" : "");
        free(command);
        json_decref(next);
    }
}
