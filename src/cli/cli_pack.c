/* cli_pack.c — what makes redress installable like any Debian program, all generated from the
 * command table so none of it can drift from the commands: the redress(1) manual page
 * (`redress --man`), bash and zsh completion scripts (`redress --completion SHELL`) and the
 * candidates they ask for (`redress --complete N WORDS…`), and `redress backup`. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- backup */

static rd_err *backup(cli_ctx *c)
{
    int64_t keep = 7;
    rd_err *e = NULL;
    if (cli_get(c, "keep")) e = parse_int("keep", cli_get(c, "keep"), 1, 10000, &keep);
    desk_backup_report r;
    memset(&r, 0, sizeof r);
    if (!e) e = desk_backup(&c->desk, cli_get(c, "to"), keep, &r);
    if (!e && c->json) {
        json_t *o = json_pack("{s:s, s:I, s:I, s:i}", "path", r.path, "log_entries",
                              (json_int_t)r.log_entries, "audit_entries",
                              (json_int_t)r.audit_entries, "removed", r.removed);
        cli_print_json(o);
        json_decref(o);
    } else if (!e) {
        printf("backup %s verified: %lld log entries, %lld audit entries", r.path,
               (long long)r.log_entries, (long long)r.audit_entries);
        if (r.removed) printf("; %d older cop%s removed", r.removed, r.removed == 1 ? "y" : "ies");
        printf("\n");
    }
    desk_backup_report_reset(&r);
    return e;
}

static const cli_opt backup_opts[] = {
    {"to", "DIR", CLI_REQUIRED, "folder for the copies (created 0700 when missing)"},
    {"keep", "N", 0, "how many copies to keep, newest first (default 7)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_backup = {
    "backup",
    NULL,
    0,
    0,
    CMD_JSON,
    "Copy the desk while it is in use, verify the copy, keep the newest N.",
    "Takes a consistent online copy with SQLite's backup API (writers are not held up),\n"
    "names it redress-YYYYMMDDTHHMMSSZ.db in the folder, re-walks its hash chains, and\n"
    "removes the oldest copies beyond --keep. A copy that does not verify is removed and\n"
    "the command fails. Each copy is readable only by you (0600).",
    backup_opts,
    backup};

/* ---------------------------------------------------------------- manual page */

/* Writes s as roff text: backslashes escaped, and a line that would start with a control
 * character ('.' or '\'') protected by \&. */
static void roff_text(FILE *out, const char *s)
{
    bool bol = true;
    for (; *s; s++) {
        if (bol && (*s == '.' || *s == '\'')) fputs("\\&", out);
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
        bol = *s == '\n';
    }
}

static void man_option(FILE *out, const char *name, const char *arg, const char *help)
{
    fputs(".TP\n.B \\-\\-", out);
    roff_text(out, name);
    if (arg) {
        fputs(" \\fI", out);
        roff_text(out, arg);
        fputs("\\fR", out);
    }
    fputc('\n', out);
    roff_text(out, help);
    fputc('\n', out);
}

static void man_command(FILE *out, const cli_cmd *cmd)
{
    fputs(".SS \"redress ", out);
    roff_text(out, cmd->words);
    if (cmd->args) {
        fputc(' ', out);
        roff_text(out, cmd->args);
    }
    fputs("\"\n", out);
    roff_text(out, cmd->summary);
    fputc('\n', out);
    if (cmd->help) {
        fputs(".PP\n", out);
        roff_text(out, cmd->help);
        fputc('\n', out);
    }
    bool any = (cmd->opts && cmd->opts[0].name) || (cmd->flags & CMD_JSON);
    if (any) fputs(".RS\n", out);
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
        man_option(out, cmd->opts[i].name, cmd->opts[i].arg, cmd->opts[i].help);
    if (cmd->flags & CMD_JSON) man_option(out, "json", NULL, "print the result as JSON");
    if (any) fputs(".RE\n", out);
}

static const struct {
    const char *name, *meaning;
} man_env[] = {
    {"REDRESS_DB", "The database file when --db is not given."},
    {"XDG_DATA_HOME", "The default database is $XDG_DATA_HOME/redress/redress.db "
                      "(~/.local/share/redress/redress.db when unset)."},
    {"XDG_CONFIG_HOME", "Where redress keeps files that must live outside the database, "
                        "such as the signing key ($XDG_CONFIG_HOME/redress/)."},
    {"REDRESS_USER", "Who is acting, as written in the audit trail (else $USER)."},
    {"REDRESS_NOW", "Fixes the current time (ISO 8601), for tests and repeatable walks."},
    {"NO_COLOR", "When set, output has no colour even on a terminal."},
};

void cli_man(FILE *out, const char *version)
{
    fprintf(out, ".TH REDRESS 1 \"\" \"redress %s\" \"User Commands\"\n", version);
    fputs(".SH NAME\nredress \\- a desk for resolving complaints from unhappy clients\n"
          ".SH SYNOPSIS\n.B redress\n[\\fB\\-\\-db\\fR \\fIPATH\\fR] \\fICOMMAND\\fR "
          "[\\fIARGS\\fR] [\\fB\\-\\-help\\fR]\n.br\n.B redress\n\\fB\\-\\-version\\fR | "
          "\\fB\\-\\-man\\fR | \\fB\\-\\-completion\\fR \\fIbash\\fR|\\fIzsh\\fR\n"
          ".SH DESCRIPTION\nredress guides a freelancer or small business through an unhappy "
          "client. Every complaint becomes a case that walks a de\\-escalation path: cool off, "
          "listen, acknowledge, find the real problem, restate what the client wants, offer "
          "options and let them choose, follow through, follow up, ask for feedback and learn. "
          "When that fails it helps with escalation, mediation, a demand letter or a clean "
          "termination. Every exchange lands in a tamper\\-evident log.\n.PP\n"
          "See \\fBredress\\-playbook\\fR(7) for the path in a user's words. Every command "
          "accepts \\fB\\-\\-help\\fR and \\fB\\-\\-db\\fR \\fIPATH\\fR.\n"
          ".SH GLOBAL OPTIONS\n",
          out);
    man_option(out, "db", "PATH", "The database file (else $REDRESS_DB, else the default).");
    man_option(out, "help", NULL, "List the commands, or explain one after its name.");
    man_option(out, "version", NULL, "Print the version and the libraries redress runs with.");
    man_option(out, "man", NULL, "Print this manual page (roff).");
    man_option(out, "completion", "SHELL", "Print the completion script for bash or zsh.");
    fputs(".SH COMMANDS\n", out);
    for (int i = 0; cli_commands[i]; i++) {
        for (int k = 0; cli_sections[k].first; k++)
            if (cli_sections[k].first == cli_commands[i]) {
                fputs(".SS \"", out);
                roff_text(out, cli_sections[k].title);
                fputs("\"\n.PP\n", out);
            }
        man_command(out, cli_commands[i]);
    }
    fputs(".SH ENVIRONMENT\n", out);
    for (size_t i = 0; i < sizeof man_env / sizeof man_env[0]; i++) {
        fprintf(out, ".TP\n.B %s\n", man_env[i].name);
        roff_text(out, man_env[i].meaning);
        fputc('\n', out);
    }
    fputs(".SH FILES\n.TP\n.I ~/.local/share/redress/redress.db\nThe default desk: one "
          "SQLite file (with \\-wal and \\-shm beside it while in use), readable only by you.\n"
          ".TP\n.I ~/.config/redress/\nThe signing key, kept outside the database.\n"
          ".SH EXIT STATUS\n",
          out);
    static const struct {
        int exit_code;
        const char *summary;
    } codes[] = {
#define X(name, exit_code, http, short_name, summary) {exit_code, summary},
        RD_ERROR_CODES(X)
#undef X
    };
    fputs(".TP\n.B 0\nok\n", out);
    for (int status = 1; status < 10; status++) {
        bool any = false;
        for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
            if (codes[i].exit_code != status) continue;
            if (!any)
                fprintf(out, ".TP\n.B %d\n", status);
            else
                fputs("; ", out);
            roff_text(out, codes[i].summary);
            any = true;
        }
        if (any) fputc('\n', out);
    }
    fputs(".SH SEE ALSO\n.BR redress\\-playbook (7),\n.BR sqlite3 (1)\n", out);
}

/* ---------------------------------------------------------------- completion */

void cli_completion_script(FILE *out, const char *shell)
{
    if (strcmp(shell, "zsh") == 0) {
        fputs("#compdef redress\n"
              "# zsh completion for redress, generated by `redress --completion zsh`.\n"
              "_redress() {\n"
              "  local -a lines described\n"
              "  local l\n"
              "  lines=(${(f)\"$(\"${words[1]}\" --complete $((CURRENT - 1)) \"${words[@]}\" "
              "2>/dev/null)\"})\n"
              "  (( ${#lines} )) || { _files; return }\n"
              "  for l in $lines; do\n"
              "    described+=(\"${${l%%$'\\t'*}//:/\\\\:}:${l#*$'\\t'}\")\n"
              "  done\n"
              "  _describe -t redress 'redress' described\n"
              "}\n"
              "compdef _redress redress\n",
              out);
        return;
    }
    fputs("# bash completion for redress, generated by `redress --completion bash`.\n"
          "_redress() {\n"
          "  local IFS=$'\\n' line\n"
          "  COMPREPLY=()\n"
          "  for line in $(\"${COMP_WORDS[0]}\" --complete \"$COMP_CWORD\" \"${COMP_WORDS[@]}\" "
          "2>/dev/null); do\n"
          "    COMPREPLY+=(\"${line%%$'\\t'*}\")\n"
          "  done\n"
          "}\n"
          "complete -o default -F _redress redress\n",
          out);
}

/* How many of words[0..n) the command's words take (0 when they do not all match). */
static int matched_words(const cli_cmd *cmd, char **words, int n)
{
    const char *w = cmd->words;
    int k = 0;
    while (*w) {
        size_t len = strcspn(w, " ");
        if (k >= n || strlen(words[k]) != len || strncmp(words[k], w, len) != 0) return 0;
        k++;
        w += len + (w[len] == ' ');
    }
    return k;
}

/* The next word of cmd after the k words typed, when they are a prefix of its words. */
static bool next_word(const cli_cmd *cmd, char **words, int k, const char **start, size_t *len)
{
    const char *w = cmd->words;
    for (int i = 0; i < k; i++) {
        size_t l = strcspn(w, " ");
        if (strlen(words[i]) != l || strncmp(words[i], w, l) != 0) return false;
        w += l;
        if (*w != ' ') return false;
        w++;
    }
    *start = w;
    *len = strcspn(w, " ");
    return true;
}

static bool prefixed(const char *s, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);
    return p <= n && strncmp(s, prefix, p) == 0;
}

/* Candidates for the next word of a command name; each distinct word once. */
static void complete_words(FILE *out, char **words, int k, const char *prefix)
{
    const char *seen[256];
    size_t nseen = 0;
    for (int i = 0; cli_commands[i]; i++) {
        const char *s;
        size_t len;
        if (!next_word(cli_commands[i], words, k, &s, &len) || !prefixed(s, len, prefix)) continue;
        bool dup = false;
        for (size_t j = 0; j < nseen && !dup; j++)
            dup = strlen(seen[j]) >= len && strncmp(seen[j], s, len) == 0 &&
                  (seen[j][len] == ' ' || seen[j][len] == '\0');
        if (dup) continue;
        if (nseen < sizeof seen / sizeof seen[0]) seen[nseen++] = s;
        bool last = s[len] == '\0';
        fprintf(out, "%.*s\t%s\n", (int)len, s, last ? cli_commands[i]->summary : "commands");
    }
}

static void complete_options(FILE *out, const cli_cmd *cmd, const char *prefix)
{
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        char *o = xasprintf("--%s", cmd->opts[i].name);
        if (prefixed(o, strlen(o), prefix)) fprintf(out, "%s\t%s\n", o, cmd->opts[i].help);
        free(o);
    }
    if ((cmd->flags & CMD_JSON) && prefixed("--json", 6, prefix))
        fprintf(out, "--json\tprint the result as JSON\n");
    if (prefixed("--help", 6, prefix)) fprintf(out, "--help\texplain this command\n");
}

/* Prints "id\tlabel" for each row whose id starts with prefix. */
static void complete_rows(FILE *out, json_t *rows, const char *label, const char *prefix)
{
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)ji(row, "id"));
        if (!prefixed(id, strlen(id), prefix)) continue;
        const char *l = js(row, label);
        fputs(id, out);
        fputc('\t', out);
        for (; l && *l; l++) /* a label is one line of printable text */
            fputc((unsigned char)*l < 0x20 || *l == 0x7f ? ' ' : *l, out);
        fputc('\n', out);
    }
}

/* What an id in this place means: "case", "client" or NULL. */
static const char *id_kind(const cli_cmd *cmd, const char *option)
{
    if (option) {
        if (strcmp(option, "client") == 0) return "client";
        if (strcmp(option, "case") == 0) return "case";
        return NULL;
    }
    if (!cmd->args) return NULL;
    if (strncmp(cmd->words, "case ", 5) == 0 || strcmp(cmd->args, "CASE") == 0) return "case";
    if (strncmp(cmd->words, "client ", 7) == 0) return "client";
    return NULL;
}

static void complete_ids(FILE *out, const char *db, const char *kind, const char *prefix)
{
    if (!db || access(db, R_OK) != 0) return;
    rd_desk d;
    rd_err *open_e = desk_open(&d, db, "completion");
    if (open_e) {
        rd_err_free(open_e);
        return;
    }
    json_t *rows = NULL;
    rd_page pg = {.limit = 200}; /* a screenful of candidates is plenty for Tab */
    rd_err *e = strcmp(kind, "case") == 0 ? desk_case_list(&d, "open", NULL, &pg, &rows)
                                          : desk_client_list(&d, &pg, &rows);
    if (!e) complete_rows(out, rows, strcmp(kind, "case") == 0 ? "client_name" : "name", prefix);
    rd_err_free(e);
    json_decref(rows);
    desk_close(&d);
}

void cli_complete(FILE *out, int cword, int nwords, char **words, const char *db)
{
    /* words[0] is the program; words[cword] is being typed. Global options come first. */
    int first = 1;
    while (first < cword && strncmp(words[first], "--", 2) == 0)
        first += strcmp(words[first], "--db") == 0 ? 2 : 1;
    if (cword < first || cword > nwords) return;
    const char *prefix = cword < nwords ? words[cword] : "";
    int typed = cword - first;
    const cli_cmd *cmd = NULL;
    int used = 0;
    for (int i = 0; cli_commands[i]; i++) {
        int n = matched_words(cli_commands[i], words + first, typed);
        if (n > used) used = n, cmd = cli_commands[i];
    }
    if (!cmd || used == typed) complete_words(out, words + first, typed, prefix);
    if (!cmd) return;
    if (prefix[0] == '-') {
        complete_options(out, cmd, prefix);
        return;
    }
    const char *prev = words[cword - 1];
    const char *option = NULL;
    if (strncmp(prev, "--", 2) == 0) {
        for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
            if (strcmp(prev + 2, cmd->opts[i].name) == 0 && cmd->opts[i].arg)
                option = cmd->opts[i].name;
        if (!option) option = "";
    }
    const char *kind = id_kind(cmd, option && *option ? option : NULL);
    if (option && !*option) kind = NULL;
    if (kind) complete_ids(out, db, kind, prefix);
}
