/* main.c — the redress program: the command table (one line per command) and dispatch. Global
 * options: --db PATH, --help, --version. */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "http/http.h"
#include "mod/module.h"
#include "store/store.h" /* main opens the desk's store; front doors never include it */
#include "version.h"     /* build/gen: REDRESS_VERSION, REDRESS_COMMIT */

extern const cli_cmd cmd_init, cmd_verify, cmd_demo, cmd_key_init, cmd_client_erase;
extern const cli_cmd cmd_client_add, cmd_client_list, cmd_client_show, cmd_client_edit;
extern const cli_cmd cmd_project_add, cmd_project_list, cmd_project_show, cmd_project_edit;
extern const cli_cmd cmd_case_open, cmd_case_list, cmd_case_show;
extern const cli_cmd cmd_log_add, cmd_log_list;
extern const cli_cmd cmd_config_list, cmd_config_get, cmd_config_set;
extern const cli_cmd cmd_draft_new, cmd_draft_edit, cmd_draft_list, cmd_draft_show,
    cmd_draft_release;
extern const cli_cmd cmd_triage, cmd_check;
extern const cli_cmd cmd_case_next, cmd_case_concern_add, cmd_case_acknowledge, cmd_case_cause;
extern const cli_cmd cmd_case_want, cmd_case_confirm, cmd_case_flag, cmd_case_pause;
extern const cli_cmd cmd_case_resume, cmd_case_close;
extern const cli_cmd cmd_offer_make, cmd_offer_choose, cmd_offer_reject, cmd_offer_list;
extern const cli_cmd cmd_commitment_list, cmd_commitment_done, cmd_refund_list, cmd_refund_paid;
extern const cli_cmd cmd_followup_list, cmd_followup_done, cmd_feedback_record;
extern const cli_cmd cmd_lesson_list, cmd_lesson_done, cmd_escalate, cmd_escalation_outcome;
extern const cli_cmd cmd_invoice_add, cmd_invoice_pay, cmd_invoice_list, cmd_invoice_show;
extern const cli_cmd cmd_invoice_remind, cmd_letter_demand, cmd_time_add, cmd_terminate;
extern const cli_cmd cmd_revision_add, cmd_revision_list;
extern const cli_cmd cmd_draft_send, cmd_letter_send;
extern const cli_cmd cmd_today, cmd_followup_add, cmd_followup_edit, cmd_case_reread;
extern const cli_cmd cmd_escalation_list, cmd_escalation_proposal;
extern const cli_cmd cmd_invoice_write_off, cmd_invoice_credit_note;
extern const cli_cmd cmd_import, cmd_search, cmd_attach, cmd_attachment_get, cmd_case_export,
    cmd_export_case;
extern const cli_cmd cmd_backup;
extern const cli_cmd cmd_project_amend, cmd_revision_reverse, cmd_log_correct, cmd_commitment_split;
extern const cli_cmd cmd_portal_link, cmd_portal_links, cmd_portal_revoke, cmd_portal_events,
    cmd_portal_seen, cmd_survey_create, cmd_survey_list, cmd_survey_results, cmd_survey_close,
    cmd_review_add, cmd_review_list, cmd_review_show, cmd_review_reply, cmd_review_posted,
    cmd_testimonial_ask, cmd_testimonial_answer, cmd_testimonial_list;
extern const cli_cmd cmd_export_csv, cmd_calendar_export, cmd_calendar_link, cmd_calendar_links,
    cmd_calendar_revoke, cmd_report;
extern const cli_cmd cmd_serve, cmd_user_add, cmd_user_list, cmd_user_passwd, cmd_user_remove,
    cmd_token_create, cmd_token_list, cmd_token_revoke;

/* One line per command, in the order `redress --help` lists them (headings: sections[]). */
/* clang-format off */
const cli_cmd *const cli_commands[] = {
    &cmd_init,
    &cmd_config_list,
    &cmd_config_get,
    &cmd_config_set,
    &cmd_demo,
    &cmd_client_add,
    &cmd_client_list,
    &cmd_client_show,
    &cmd_client_edit,
    &cmd_client_erase,
    &cmd_project_add,
    &cmd_project_list,
    &cmd_project_show,
    &cmd_project_edit,
    &cmd_project_amend,
    &cmd_today,
    &cmd_case_open,
    &cmd_case_list,
    &cmd_case_show,
    &cmd_case_next,
    &cmd_case_concern_add,
    &cmd_case_acknowledge,
    &cmd_case_cause,
    &cmd_case_reread,
    &cmd_case_want,
    &cmd_case_confirm,
    &cmd_case_flag,
    &cmd_case_pause,
    &cmd_case_resume,
    &cmd_case_close,
    &cmd_log_add,
    &cmd_log_list,
    &cmd_log_correct,
    &cmd_import,
    &cmd_search,
    &cmd_attach,
    &cmd_attachment_get,
    &cmd_case_export,
    &cmd_triage,
    &cmd_check,
    &cmd_draft_new,
    &cmd_draft_list,
    &cmd_draft_show,
    &cmd_draft_edit,
    &cmd_draft_release,
    &cmd_draft_send,
    &cmd_offer_make,
    &cmd_offer_choose,
    &cmd_offer_reject,
    &cmd_offer_list,
    &cmd_commitment_list,
    &cmd_commitment_done,
    &cmd_commitment_split,
    &cmd_refund_list,
    &cmd_refund_paid,
    &cmd_followup_list,
    &cmd_followup_add,
    &cmd_followup_edit,
    &cmd_followup_done,
    &cmd_feedback_record,
    &cmd_lesson_list,
    &cmd_lesson_done,
    &cmd_escalate,
    &cmd_escalation_list,
    &cmd_escalation_proposal,
    &cmd_escalation_outcome,
    &cmd_invoice_add,
    &cmd_invoice_pay,
    &cmd_invoice_list,
    &cmd_invoice_show,
    &cmd_invoice_remind,
    &cmd_invoice_write_off,
    &cmd_invoice_credit_note,
    &cmd_letter_demand,
    &cmd_letter_send,
    &cmd_time_add,
    &cmd_revision_add,
    &cmd_revision_list,
    &cmd_revision_reverse,
    &cmd_terminate,
    &cmd_portal_link,
    &cmd_portal_links,
    &cmd_portal_revoke,
    &cmd_portal_events,
    &cmd_portal_seen,
    &cmd_review_add,
    &cmd_review_list,
    &cmd_review_show,
    &cmd_review_reply,
    &cmd_review_posted,
    &cmd_testimonial_ask,
    &cmd_testimonial_answer,
    &cmd_testimonial_list,
    &cmd_survey_create,
    &cmd_survey_list,
    &cmd_survey_results,
    &cmd_survey_close,
    &cmd_report,
    &cmd_export_csv,
    &cmd_export_case,
    &cmd_calendar_export,
    &cmd_calendar_link,
    &cmd_calendar_links,
    &cmd_calendar_revoke,
    &cmd_verify,
    &cmd_backup,
    &cmd_serve,
    &cmd_user_add,
    &cmd_user_list,
    &cmd_user_passwd,
    &cmd_user_remove,
    &cmd_token_create,
    &cmd_token_list,
    &cmd_token_revoke,
    &cmd_key_init,
    NULL,
};
/* clang-format on */

const cli_section cli_sections[] = {
    {&cmd_init, "setting up"},
    {&cmd_client_add, "clients and what was agreed (P20)"},
    {&cmd_today, "your day, cases and the resolution path (P1-P11)"},
    {&cmd_log_add, "what was said: the log, triage and replies (P2, P5, P17)"},
    {&cmd_offer_make, "offers and following through (P8-P11)"},
    {&cmd_escalate, "when it is not working (P12-P18)"},
    {&cmd_portal_link, "the client's side: portal, reviews, testimonials, surveys"},
    {&cmd_report, "taking stock: reports, exports, calendar"},
    {&cmd_verify, "integrity and backups"},
    {&cmd_serve, "the web desk and the JSON API"},
    {NULL, NULL},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: redress [--db PATH] COMMAND [ARGS] [--help]\n\n"
                 "redress guides you through an unhappy client: every complaint becomes a case\n"
                 "that walks a de-escalation playbook, and every exchange lands in a\n"
                 "tamper-evident log.\n");
    for (int i = 0; cli_commands[i]; i++) {
        for (int k = 0; cli_sections[k].first; k++)
            if (cli_sections[k].first == cli_commands[i])
                fprintf(out, "\n%s:\n", cli_sections[k].title);
        fprintf(out, "  %-20s %s\n", cli_commands[i]->words, cli_commands[i]->summary);
    }
    fprintf(out, "\nexit codes: 0 ok, 1 invalid input, 2 wrong usage, 3 not found, 4 internal\n"
                 "error. `redress COMMAND --help` explains each command; `man redress` has it\n"
                 "all. Also: redress --version | --man | --completion bash|zsh.\n");
}

/* How many arguments the words of w ("case concern add") take from argv, or 0 when they do not
 * all match. */
static int words_match(const char *w, int argc, char **argv)
{
    int n = 0;
    while (*w) {
        size_t len = strcspn(w, " ");
        if (n >= argc || strlen(argv[n]) != len || strncmp(argv[n], w, len) != 0) return 0;
        n++;
        w += len;
        if (*w == ' ') w++;
    }
    return n;
}

/* Finds the command whose words match the start of argv, the longest match winning; *used says
 * how many it took. */
static const cli_cmd *find_command(int argc, char **argv, int *used)
{
    const cli_cmd *best = NULL;
    *used = 0;
    for (int i = 0; cli_commands[i]; i++) {
        int n = words_match(cli_commands[i]->words, argc, argv);
        if (n > *used) {
            *used = n;
            best = cli_commands[i];
        }
    }
    return best;
}

/* Lists the commands of a group ("client") when only the group was typed. */
static bool group_usage(const char *group)
{
    bool any = false;
    size_t n = strlen(group);
    for (int i = 0; cli_commands[i]; i++) {
        const char *w = cli_commands[i]->words;
        if (strncmp(w, group, n) == 0 && w[n] == ' ') {
            if (!any) fprintf(stderr, "usage: redress %s SUBCOMMAND\n\n", group);
            fprintf(stderr, "  %-20s %s\n", w, cli_commands[i]->summary);
            any = true;
        }
    }
    return any;
}

static int mkdirs(char *path, mode_t mode)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int rc = mkdir(path, mode);
        *p = '/';
        if (rc != 0 && errno != EEXIST) return -1;
    }
    return mkdir(path, mode) == 0 || errno == EEXIST ? 0 : -1;
}

/* --db, else $REDRESS_DB, else $XDG_DATA_HOME/redress/redress.db, creating the default folder
 * (mode 0700) when asked to. Returns a path the caller frees. */
static rd_err *db_path(const char *given, bool create, char **out)
{
    if (given || (getenv("REDRESS_DB") && *getenv("REDRESS_DB"))) {
        *out = xstrdup(given ? given : getenv("REDRESS_DB"));
        return NULL;
    }
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char *dir;
    if (xdg && *xdg)
        dir = xasprintf("%s/redress", xdg);
    else if (home && *home)
        dir = xasprintf("%s/.local/share/redress", home);
    else
        return rd_error(RD_USAGE, "--db: no database path (set --db, REDRESS_DB or HOME)");
    if (create && mkdirs(dir, 0700) != 0) {
        rd_err *e = rd_error(RD_IO, "database folder %s: %s", dir, strerror(errno));
        free(dir);
        return e;
    }
    *out = xasprintf("%s/redress.db", dir);
    free(dir);
    return NULL;
}

static const char *actor(void)
{
    const char *u = getenv("REDRESS_USER");
    if (!u || !*u) u = getenv("USER");
    return u && *u ? u : "redress";
}

/* True when path is an existing file; *mode (when not NULL) gets its permission bits. */
static bool desk_file_shared(const char *path, mode_t *mode)
{
    struct stat sb;
    if (strcmp(path, ":memory:") == 0 || stat(path, &sb) != 0 || sb.st_size == 0) return false;
    if (mode) *mode = sb.st_mode & 0777;
    return true;
}

/* One warning when an existing desk (or its -wal or -shm file) can be read by other users. */
static void warn_shared(const char *path)
{
    const char *suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        char *p = xasprintf("%s%s", path, suffix[i]);
        mode_t mode = 0;
        bool shared = desk_file_shared(p, &mode) && (mode & 077);
        if (shared)
            fprintf(stderr,
                    "redress: warning: %s can be read by other users (mode %04o); `chmod 600 %s` "
                    "keeps your clients' data private\n",
                    p, (unsigned)mode, p);
        free(p);
        if (shared) return;
    }
}

static rd_err *run(const cli_cmd *cmd, const char *db_opt, int argc, char **argv)
{
    cli_ctx c;
    memset(&c, 0, sizeof c);
    char *path = NULL;
    rd_store *st = NULL;
    rd_err *e = cli_parse(&c, cmd, argc, argv);
    term_json(c.json || c.jsonl);
    c.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    if (!e && !(cmd->flags & CMD_NO_DB)) e = db_path(db_opt, cmd->flags & CMD_CREATE, &path);
    bool missing = !e && path && !(cmd->flags & CMD_CREATE) && strcmp(path, ":memory:") != 0 &&
                   access(path, F_OK) != 0;
    char *absent = NULL; /* the path of a missing desk a CMD_DB_OPTIONAL command runs without */
    if (missing && (cmd->flags & CMD_DB_OPTIONAL)) {
        absent = path;
        path = NULL;
    } else if (missing) {
        e = rd_error(RD_USAGE, "no database at %s: run `redress init` first", path);
    }
    bool existed = path && desk_file_shared(path, NULL);
    if (!e && path) e = store_open_desk(path, cmd->flags & CMD_CREATE ? STORE_CREATE : 0, &st);
    if (!e && existed) warn_shared(path);
    if (!e) {
        c.db_path = path ? path : absent;
        c.desk.st = st;
        c.desk.actor = actor();
        e = desk_key_load(&c.desk);
        if (!e) e = cmd->run(&c);
    }
    store_close(st);
    free(path);
    free(absent);
    cli_ctx_reset(&c);
    return e;
}

static void print_version(void)
{
    printf("redress %s (commit %s)\n", REDRESS_VERSION, REDRESS_COMMIT);
    printf("  SQLite %s, libsodium %s, jansson %s\n", store_lib_version(), sodium_version_string(),
           jansson_version_str());
    printf("modules, opened by the commands that need them (built against these versions):\n");
    mod_describe(stdout);
}

/* --complete CWORD WORDS…: the candidates the completion scripts ask for (cli_pack.c). The desk
 * is the one the typed words name with --db, else the usual default; never created. */
static int complete(int nwords, char **words, const char *cword_text, const char *db_opt)
{
    int64_t cword = 0;
    rd_err *e = parse_int("cword", cword_text, 0, 1000, &cword);
    for (int i = 1; !db_opt && i + 1 < nwords; i++)
        if (strcmp(words[i], "--db") == 0) db_opt = words[i + 1];
    char *path = NULL;
    if (!e) e = db_path(db_opt, false, &path);
    rd_err_free(e);
    cli_complete(stdout, (int)cword, nwords, words, path);
    free(path);
    return 0;
}

/* Reports a failure to write standard output (a full disk, a closed pipe) as the command's
 * error when it had none, so `redress … > /dev/full` does not exit 0. */
static int finish(int code)
{
    rd_err *e = term_finish();
    int failed = rd_err_exit_code(e);
    if (e) fprintf(stderr, "redress: %s\n", e->msg);
    rd_err_free(e);
    return code ? code : failed;
}

int main(int argc, char **argv)
{
    setlocale(LC_CTYPE, "");
    rd_err *guard = term_guard_stdio();
    if (guard) {
        fprintf(stderr, "redress: %s\n", guard->msg);
        rd_err_free(guard);
        return 4;
    }
    const char *db = NULL;
    int a = 1;
    for (; a < argc && strncmp(argv[a], "--", 2) == 0; a++) {
        if (strcmp(argv[a], "--db") == 0 && a + 1 < argc) {
            db = argv[++a];
        } else if (strncmp(argv[a], "--db=", 5) == 0) {
            db = argv[a] + 5;
        } else if (strcmp(argv[a], "--help") == 0) {
            usage(stdout);
            return finish(0);
        } else if (strcmp(argv[a], "--version") == 0) {
            print_version();
            return finish(0);
        } else if (strcmp(argv[a], "--man") == 0) {
            cli_man(stdout, REDRESS_VERSION);
            return finish(0);
        } else if (strcmp(argv[a], "--completion") == 0 && a + 1 < argc) {
            cli_completion_script(stdout, argv[a + 1]);
            return finish(0);
        } else if (strcmp(argv[a], "--complete") == 0 && a + 1 < argc) {
            return finish(complete(argc - a - 2, argv + a + 2, argv[a + 1], db));
        } else {
            fprintf(stderr, "redress: unknown option %s\n", argv[a]);
            return 2;
        }
    }
    if (a >= argc) {
        usage(stderr);
        return 2;
    }
    int used = 0;
    const cli_cmd *cmd = find_command(argc - a, argv + a, &used);
    if (!cmd) {
        if (!group_usage(argv[a])) fprintf(stderr, "redress: unknown command '%s'\n", argv[a]);
        return 2;
    }
    char **rest = argv + a + used;
    int nrest = argc - a - used;
    for (int i = 0; i < nrest; i++) {
        if (strcmp(rest[i], "--help") == 0) {
            cli_usage(stdout, cmd);
            return finish(0);
        }
        /* --db may also follow the command */
        if (strcmp(rest[i], "--db") == 0 && i + 1 < nrest) {
            db = rest[i + 1];
            memmove(rest + i, rest + i + 2, sizeof(char *) * (size_t)(nrest - i - 2));
            nrest -= 2;
            i--;
        }
    }
    rd_err *e = run(cmd, db, nrest, rest);
    int code = rd_err_exit_code(e);
    if (e) {
        cli_print_error(stderr, cmd, e, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
        if (e->code == RD_USAGE) fprintf(stderr, "try: redress %s --help\n", cmd->words);
    }
    rd_err_free(e);
    return finish(code);
}
