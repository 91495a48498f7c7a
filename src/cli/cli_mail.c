/* cli_mail.c — `redress import`: a mailbox into the communication log, with a progress bar on a
 * terminal and a summary of what was imported, already there or skipped and why. */
#include "cli/cli.h"

#include <stdlib.h>
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
    desk_import_input in = {c->pos[0], cli_get(c, "client"), cli_get(c, "case"),
                            cli_flag(c, "create-clients")};
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
        json_array_foreach(json_object_get(sum, "skips"), i, s)
            printf("  %s: %s\n", js(s, "position"), js(s, "reason"));
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
