/* cli_mail.c — mail and evidence: `redress import` (a mailbox into the communication log, with
 * a progress bar on a terminal and a summary of what was skipped and why), `attach`,
 * `attachment get`, `case export`, `search`, and `letter send` (a letter redress wrote, by
 * mail), whose printing the letter commands' --send shares. */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- progress */

typedef struct progress {
    double start, last; /* monotonic seconds */
    bool drawn;
} progress;

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Redraws the bar at most ten times a second: [#####.....] 45%  1,234 msgs  820/s  0:12 left */
static void draw(void *ctx, int64_t done, int64_t total, int64_t messages)
{
    progress *p = ctx;
    double now = mono();
    if (now - p->last < 0.1 && done < total) return;
    p->last = now;
    p->drawn = true;
    double frac = total > 0 ? (double)done / (double)total : 1.0;
    double rate = now > p->start ? (double)messages / (now - p->start) : 0;
    double left = frac > 0 ? (now - p->start) * (1 - frac) / frac : 0;
    char bar[31];
    int fill = (int)(frac * 30);
    for (int i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    fprintf(stderr, "\r[%s] %3d%%  %lld msgs  %.0f/s  %d:%02d left ", bar, (int)(frac * 100),
            (long long)messages, rate, (int)left / 60, (int)left % 60);
    fflush(stderr);
}

/* ---------------------------------------------------------------- import */

static rd_err *import(cli_ctx *c)
{
    desk_import_input in = {.path = c->pos[0],
                            .client = cli_get(c, "client"),
                            .case_id = cli_get(c, "case"),
                            .create_clients = cli_flag(c, "create-clients")};
    bool quiet = cli_flag(c, "quiet");
    progress p = {mono(), 0, false};
    bool bar = !quiet && !c->json && isatty(STDERR_FILENO);
    json_t *sum = NULL;
    rd_err *e = desk_mail_import(&c->desk, &in, bar ? draw : NULL, &p, &sum);
    if (p.drawn) fprintf(stderr, "\r\033[K");
    if (e) return e;
    if (c->json) {
        cli_print_json(sum);
    } else if (!quiet) {
        printf("%s %s: %lld messages: %lld imported, %lld already there, %lld skipped\n",
               js(sum, "source"), js(sum, "path"), (long long)ji(sum, "messages"),
               (long long)ji(sum, "imported"), (long long)ji(sum, "duplicates"),
               (long long)ji(sum, "skipped"));
        if (ji(sum, "clients_created") || ji(sum, "attachments"))
            printf("%lld new clients, %lld attachments kept\n",
                   (long long)ji(sum, "clients_created"), (long long)ji(sum, "attachments"));
        const char *reason;
        json_t *n;
        json_object_foreach(json_object_get(sum, "skipped_by_reason"), reason, n)
            printf("  skipped %lld: %s\n", (long long)json_integer_value(n), reason);
        size_t i;
        json_t *s;
        bool unknown = false;
        json_array_foreach(json_object_get(sum, "skips"), i, s)
        {
            printf("  %s: %s\n", js(s, "position"), js(s, "reason"));
            unknown = unknown || strncmp(js(s, "reason"), "no client has", 13) == 0;
        }
        if (unknown) printf("  (--client ID names the client; --create-clients adds them)\n");
    }
    json_decref(sum);
    return NULL;
}

static const cli_opt import_opts[] = {
    {"client", "ID", 0, "every message is this client's (default: by address)"},
    {"case", "ID", 0, "every message joins this case (default: by thread)"},
    {"create-clients", NULL, 0, "an unknown address becomes a new client instead of a skip"},
    {"quiet", NULL, 0, "print nothing on success"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_import = {
    "import",
    "PATH",
    1,
    1,
    CMD_JSON,
    "Import mail (.eml, mbox or Maildir) into the log: threaded, triaged, idempotent.",
    "PATH is a message file, an mbox or a Maildir, recognised by content. A message from one\n"
    "of `config set me.addresses` is outgoing, any other incoming; it belongs to the client\n"
    "with that address and joins the case its thread continues, else the client's single open\n"
    "case, else the client's log. Incoming words are triaged. Importing again adds nothing;\n"
    "an interrupted import can simply be run again. Malformed messages are skipped with\n"
    "their position and reason.",
    import_opts,
    import};

/* ---------------------------------------------------------------- evidence */

/* Reads a whole file of at most max bytes; *data is the caller's. */
static rd_err *read_all(const char *field, const char *path, size_t max, char **data, size_t *size)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return rd_error(RD_IO, "%s: %s: %s", field, path, strerror(errno));
    rd_buf b;
    buf_init(&b, max);
    char chunk[65536];
    size_t n;
    rd_err *e = NULL;
    while (!e && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (buf_add(&b, chunk, n))
            e = rd_error(RD_TOO_LARGE, "%s: %s is larger than %zu MiB", field, path, max >> 20);
    if (!e && ferror(f)) e = rd_error(RD_IO, "%s: %s: read error", field, path);
    if (f != stdin) fclose(f);
    if (e) {
        buf_reset(&b);
        return e;
    }
    *size = b.len;
    *data = b.len ? buf_detach(&b) : xstrdup("");
    return NULL;
}

/* Writes size bytes to path, created with mode 0600 and never over an existing file. */
static rd_err *write_new(const char *path, const void *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
    const char *p = data;
    while (size > 0) {
        ssize_t w = write(fd, p, size);
        if (w <= 0) {
            close(fd);
            return rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
        }
        p += w;
        size -= (size_t)w;
    }
    return close(fd) == 0 ? NULL : rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
}

static rd_err *attach(cli_ctx *c)
{
    char *data = NULL;
    size_t size = 0;
    const char *path = c->pos[1], *slash = strrchr(path, '/');
    const char *name = cli_get(c, "name") ? cli_get(c, "name") : slash ? slash + 1 : path;
    rd_err *e = read_all("file", path, DESK_MAX_ATTACHMENT + 1, &data, &size);
    desk_attach_input in = {
        .case_id = c->pos[0], .name = name, .type = cli_get(c, "type"), .data = data, .size = size};
    int64_t id;
    if (!e) e = desk_attach(&c->desk, &in, &id);
    free(data);
    if (!e) cli_print_id(c, id);
    return e;
}

static rd_err *attachment_get(cli_ctx *c)
{
    int64_t id;
    json_t *row = NULL;
    void *data = NULL;
    size_t size = 0;
    rd_err *e = cli_pos_id(c, 0, "attachment", &id);
    if (!e) e = desk_attachment_get(&c->desk, id, &row, &data, &size);
    const char *out = cli_get(c, "out");
    if (!e && (!out || strcmp(out, "-") == 0)) {
        if (fwrite(data, 1, size, stdout) != size) e = rd_error(RD_IO, "out: write error");
    } else if (!e) {
        e = write_new(out, data, size);
    }
    free(data);
    json_decref(row);
    return e;
}

static rd_err *case_export(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_case_bundle(&c->desk, id, cli_get(c, "out"), &r);
    if (e) return e;
    if (c->json) {
        cli_print_json(r);
    } else {
        printf("case %lld exported to %s: evidence.pdf, case.json, entries.json (%lld log"
               " entries), %lld attachments, MANIFEST, head.json (audit entry %lld, %s)\n"
               "check it anywhere with: redress verify --bundle %s\n",
               (long long)id, js(r, "out"), (long long)ji(r, "entries"),
               (long long)ji(r, "attachments"), (long long)ji(r, "audit_entry"),
               json_is_true(json_object_get(r, "signed")) ? "signed" : "unsigned", js(r, "out"));
    }
    json_decref(r);
    return NULL;
}

/* ---------------------------------------------------------------- search */

/* Prints text with the byte ranges in marks in bold (on a terminal) or [between brackets]. */
static void print_marked(cli_ctx *c, const char *text, json_t *marks)
{
    size_t at = 0, i;
    json_t *m;
    json_array_foreach(marks, i, m)
    {
        size_t s = (size_t)json_integer_value(json_array_get(m, 0));
        size_t e = (size_t)json_integer_value(json_array_get(m, 1));
        if (s < at || e < s || e > strlen(text)) continue;
        printf("%.*s%s%.*s%s", (int)(s - at), text + at, c->color ? cli_bold(c) : "[", (int)(e - s),
               text + s, c->color ? cli_reset(c) : "]");
        at = e;
    }
    /* a snippet spans lines: shown on one */
    for (const char *p = text + at; *p; p++)
        putchar(*p == '\n' ? ' ' : *p);
}

static rd_err *search(cli_ctx *c)
{
    desk_search_input in = {.query = c->pos[0],
                            .client = cli_get(c, "client"),
                            .case_id = cli_get(c, "case"),
                            .since = cli_get(c, "since"),
                            .limit = cli_get(c, "limit")};
    json_t *rows = NULL;
    rd_err *e = desk_search(&c->desk, &in, &rows);
    if (e) return e;
    if (c->json) {
        cli_print_json(rows);
    } else if (json_array_size(rows) == 0) {
        printf("(no match)\n");
    } else {
        size_t i;
        json_t *r;
        json_array_foreach(rows, i, r)
        {
            rd_timestr when;
            int64_t t = 0;
            rd_err_free(time_parse("at", js(r, "at"), &t));
            time_local(t, when);
            printf("%s%s %lld%s  %s  client %lld", cli_dim(c), js(r, "kind"),
                   (long long)ji(r, "ref"), cli_reset(c), when, (long long)ji(r, "client_id"));
            if (ji(r, "case_id")) printf("  case %lld", (long long)ji(r, "case_id"));
            printf("\n  ");
            print_marked(c, js(r, "title"), json_object_get(r, "title_highlights"));
            if (js(r, "snippet") && *js(r, "snippet")) {
                printf("\n  ");
                print_marked(c, js(r, "snippet"), json_object_get(r, "snippet_highlights"));
            }
            printf("\n");
        }
    }
    json_decref(rows);
    return NULL;
}

/* ---------------------------------------------------------------- letters by mail */

/* Prints what desk_letter_send answered: a line on standard error beside a letter already
 * printed, or on standard output for `letter send` itself. */
static void print_sent(cli_ctx *c, json_t *r, FILE *to)
{
    if (c->json && to == stdout) {
        cli_print_json(r);
        return;
    }
    rd_buf files;
    buf_init(&files, 0);
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(r, "attachments"), i, f)
        rd_err_free(buf_addf(&files, "%s%s", i ? ", " : " with ", json_string_value(f)));
    fprintf(to, "letter %lld sent to %s as <%s>%s: %s\n", (long long)ji(r, "log_id"), js(r, "rcpt"),
            js(r, "message_id"), buf_str(&files), js(r, "answer"));
    buf_reset(&files);
}

rd_err *cli_letter_send(cli_ctx *c, int64_t log_id)
{
    if (!cli_flag(c, "send")) return NULL;
    json_t *r = NULL;
    desk_letter_send_input in = {cli_get(c, "override"), cli_get(c, "pdf") != NULL};
    rd_err *e = desk_letter_send(&c->desk, log_id, &in, &r);
    if (!e) print_sent(c, r, stderr);
    json_decref(r);
    return e;
}

static rd_err *letter_send(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    desk_letter_send_input in = {cli_get(c, "override"), cli_flag(c, "attach-pdf")};
    rd_err *e = cli_pos_id(c, 0, "log entry", &id);
    if (!e) e = desk_letter_send(&c->desk, id, &in, &r);
    if (!e) print_sent(c, r, stdout);
    json_decref(r);
    return e;
}

static const cli_opt letter_send_opts[] = {
    {"attach-pdf", NULL, 0, "attach the letter as a PDF (kept with it as evidence)"},
    {"override", "REASON", 0, "send although a case is paused or cooling off (audited)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_letter_send = {
    "letter send",
    "LOG_ID",
    1,
    1,
    CMD_JSON,
    "Send a letter redress wrote (demand, reminder, notice, restatement) by email.",
    "LOG_ID is the letter's entry in the communication log (`log list`; the letter commands\n"
    "print it with --json, and their --send does this at once). It goes through smtp.url like\n"
    "`draft send`: from your first me.addresses (else me.email) to the client's email, in reply\n"
    "to their last message, with your me.signature. The cool-off and a pause hold it as they\n"
    "hold a draft. When delivery fails the letter stays logged but unsent with the server's\n"
    "answer; run it again to retry the same message. A delivered letter is never sent twice.",
    letter_send_opts,
    letter_send};

static const cli_opt attach_opts[] = {
    {"name", "NAME", 0, "the name it is kept under (default: the file's)"},
    {"type", "TYPE", 0, "MIME type (default: from the name)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt get_opts[] = {
    {"out", "FILE|-", 0, "write to a new file (default: standard output)"}, {NULL, NULL, 0, NULL}};
static const cli_opt export_opts[] = {
    {"out", "DIR", CLI_REQUIRED, "a new folder for the evidence bundle"}, {NULL, NULL, 0, NULL}};
static const cli_opt search_opts[] = {{"client", "ID", 0, "only this client's"},
                                      {"case", "ID", 0, "only this case's"},
                                      {"since", "DATE", 0, "only from this time on"},
                                      {"limit", "N", 0, "results at most (default 20)"},
                                      {NULL, NULL, 0, NULL}};

const cli_cmd cmd_attach = {
    "attach",
    "CASE FILE",
    2,
    2,
    CMD_JSON,
    "Keep a file (contract, brief, screenshot) as evidence on a case.",
    "The bytes are kept in the database once per BLAKE2b hash, up to 25 MiB a file; the case\n"
    "shows them and `case export` writes them out with the case.",
    attach_opts,
    attach};
const cli_cmd cmd_attachment_get = {
    "attachment get", "ATTACHMENT",  1, 1, 0, "Write an attachment's bytes out.", NULL,
    get_opts,         attachment_get};
const cli_cmd cmd_case_export = {
    "case export",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Export a case as an evidence bundle a mediator can read and anyone can verify.",
    "Writes into a new folder: evidence.pdf (the agreed terms, the complaint, concerns,\n"
    "restatement, offers, commitments, escalations, attachments by hash and every log entry\n"
    "with its hash), case.json, entries.json (the stretch of the hash-chained log the case\n"
    "sits in; other cases' entries only as commitments), attachments/, MANIFEST (BLAKE2b-256\n"
    "of each file; `b2sum -l 256 -c MANIFEST` reads it) and head.json, the audit entry the\n"
    "export writes, which commits to MANIFEST and the log's head and is signed when the desk\n"
    "has a key (`redress key init`). `redress verify --bundle DIR` checks it all.",
    export_opts,
    case_export};
/* The same command under the name the exports share (export csv, export case). */
const cli_cmd cmd_export_case = {
    "export case",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Export a case as an evidence bundle (the same as `case export`).",
    "Another name for `redress case export`, beside `export csv`: see its help for what the\n"
    "folder holds and `redress verify --bundle DIR` for checking it.",
    export_opts,
    case_export};
const cli_cmd cmd_search = {
    "search",
    "QUERY",
    1,
    1,
    CMD_JSON,
    "Search mail, log entries, concerns and attachment names; best match first.",
    "QUERY is words (all must match), \"a phrase\", prefix* , AND, OR, NOT and parentheses.\n"
    "Matches are shown in bold on a terminal, [in brackets] elsewhere.",
    search_opts,
    search};
