/* cli.h — the command-line front door: the command table's shape, option parsing, and the
 * output helpers (tables, key/value blocks, JSON, colour) every cli_*.c file uses. Commands are
 * thin: parse, call one desk operation, print. */
#ifndef REDRESS_CLI_H
#define REDRESS_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "desk/desk.h"
#include "util/util.h"

#define CLI_MAX_OPTS 24
#define CLI_MAX_POS  4

enum {
    CLI_REQUIRED = 1, /* option must be given */
    CLI_MULTI = 2,    /* option may repeat; read with cli_multi() */
};

typedef struct cli_opt {
    const char *name; /* long name without dashes */
    const char *arg;  /* placeholder such as "ID"; NULL for a flag */
    unsigned flags;   /* CLI_REQUIRED, CLI_MULTI */
    const char *help; /* one line */
} cli_opt;

typedef struct cli_ctx cli_ctx;

enum {
    CMD_NO_DB = 1,  /* runs without opening the database */
    CMD_JSON = 2,   /* accepts --json */
    CMD_CREATE = 4, /* may create the database (init) */
    CMD_LIST = 8,   /* a list: accepts --limit, --after, --all and --jsonl (see cli_list_pages) */
    CMD_DB_OPTIONAL = 16, /* opens the database when there is one, else runs without (the command
                             says when it needs one): verify --bundle on a mediator's machine */
};

typedef struct cli_cmd {
    const char *words;    /* "client add" */
    const char *args;     /* positional synopsis, e.g. "ID", or NULL */
    int min_pos, max_pos; /* how many positional arguments */
    unsigned flags;       /* CMD_* */
    const char *summary;  /* one line for the command list */
    const char *help;     /* paragraph shown by --help, or NULL */
    const cli_opt *opts;  /* terminated by {NULL} */
    rd_err *(*run)(cli_ctx *c);
} cli_cmd;

struct cli_ctx {
    const cli_cmd *cmd;
    const char *vals[CLI_MAX_OPTS];   /* last value of each option, by index in opts */
    const char **multi[CLI_MAX_OPTS]; /* all values of CLI_MULTI options */
    int nmulti[CLI_MAX_OPTS];
    const char *pos[CLI_MAX_POS]; /* positional arguments */
    int npos;
    bool json;           /* --json given */
    bool jsonl;          /* --jsonl given (CMD_LIST): one JSON object per line */
    bool all;            /* --all given (CMD_LIST) */
    const char *limit;   /* --limit N (CMD_LIST), or NULL */
    const char *after;   /* --after CURSOR (CMD_LIST), or NULL */
    bool color;          /* stdout is a terminal and NO_COLOR is unset */
    const char *db_path; /* resolved database path */
    rd_desk desk;        /* the desk to act on (store opened by main) */
};

/* The command table lives in main.c, with the headings `redress --help` and the manual page
 * print before the first command of each group (terminated by {NULL, NULL}). */
extern const cli_cmd *const cli_commands[];
typedef struct cli_section {
    const cli_cmd *first; /* the group's first command */
    const char *title;    /* heading in the user's words */
} cli_section;
extern const cli_section cli_sections[];

/* Generated from the table (cli_pack.c): the redress(1) page in roff, the bash or zsh completion
 * script (any other shell name gives bash's), and the completion candidates for word cword of
 * words[0..nwords) ("candidate\tdescription" lines); db (may be NULL) is the desk whose open
 * cases and clients complete ids, opened only if it exists. */
void cli_man(FILE *out, const char *version);
void cli_completion_script(FILE *out, const char *shell);
void cli_complete(FILE *out, int cword, int nwords, char **words, const char *db);

/* Parses argv (after the command words) into c. Returns RD_USAGE on unknown or missing
 * options. c->multi arrays are the caller's to free with cli_ctx_reset(). */
rd_err *cli_parse(cli_ctx *c, const cli_cmd *cmd, int argc, char **argv);
void cli_ctx_reset(cli_ctx *c);
void cli_usage(FILE *out, const cli_cmd *cmd);

const char *cli_get(cli_ctx *c, const char *name); /* NULL when not given */
bool cli_flag(cli_ctx *c, const char *name);
const char **cli_multi(cli_ctx *c, const char *name, int *n);
/* Positional id argument i, named field for errors. */
rd_err *cli_pos_id(cli_ctx *c, int i, const char *field, int64_t *id);
/* The thing a command acts on when the command's words do not say it (letter demand --invoice N,
 * terminate --client N): option opt's value, or the lone positional argument older scripts
 * give. Both given and different, or neither, is RD_USAGE. *value is borrowed. */
rd_err *cli_named(cli_ctx *c, const char *opt, const char **value);
/* Reads --text FILE|- (or the named option) if given; *out NULL otherwise. Caller frees. */
rd_err *cli_read_text(cli_ctx *c, const char *opt, char **out);
/* --pdf FILE, step one: creates FILE (0600, refusing to overwrite) before the command acts, so
 * an existing file stops it with nothing done. *fd is -1 when --pdf was not given. */
rd_err *cli_pdf_open(cli_ctx *c, int *fd);
/* Step two: renders text through desk_letter_pdf (ref as there) and writes it to fd, closing
 * fd. Given an error e (the command failed) or on its own failure it removes the file; returns
 * e first. */
rd_err *cli_pdf_finish(cli_ctx *c, int fd, rd_err *e, const char *title, const char *ref,
                       const char *text);
/* Step two for any PDF: writes pdf (borrowed) to fd and closes it; given an error e or on its
 * own failure it removes the file and returns e first. */
rd_err *cli_pdf_write(cli_ctx *c, int fd, rd_err *e, rd_buf *pdf);
/* --send on a letter command (cli_mail.c): sends log entry log_id by mail with
 * desk_letter_send (--override passed on; the PDF attached when --pdf was given) and says so on
 * standard error. Does nothing without --send. */
rd_err *cli_letter_send(cli_ctx *c, int64_t log_id);

/* ---------------------------------------------------------------- output */
typedef enum { COL_TEXT, COL_INT, COL_MONEY, COL_TIME, COL_DATE, COL_YESNO } cli_col_kind;
typedef struct cli_col {
    const char *header;
    const char *key;
    cli_col_kind kind;
    int max_width; /* 0: no limit; longer text is cut with "…" */
} cli_col;

void cli_print_json(json_t *v); /* borrowed */
/* Prints a desk error for the command line: "redress: MESSAGE" with the field it names shown as
 * the option to type ("amount: …" becomes "--amount: …" when cmd has --amount), "(--override
 * REASON)" when a reason would let it through, and the step the desk names first as a command
 * ("next: redress case acknowledge 3 …"). cmd may be NULL (no command yet). */
void cli_print_error(FILE *out, const cli_cmd *cmd, const rd_err *e, bool color);
/* Prints a tone check (tone_json's shape): a line per diagnostic ("line:col: severity: message
 * [rule]", no position for a finding about what is missing), its suggestion, the strengths. */
void cli_print_tone(cli_ctx *c, json_t *tone);
/* The usual end of a list command: returns e if set, else prints rows as JSON (--json) or a
 * table, releases them, and returns NULL. Takes rows (NULL when e is set). */
rd_err *cli_list_out(cli_ctx *c, rd_err *e, json_t *rows, const cli_col *cols);
void cli_table(cli_ctx *c, json_t *rows, const cli_col *cols); /* cols end with {NULL} */
/* Reads one page of a list command's desk list into *rows (the caller's), with the command's
 * own options read from c. */
typedef rd_err *(*cli_page_fn)(cli_ctx *c, rd_page *page, json_t **rows);
/* The whole of a list command (CMD_LIST): pages through fn and prints each page as it comes, so
 * memory stays flat however long the list. --limit N rows, else a screenful on a terminal and
 * every row when stdout is not one or with --all; --after CURSOR starts after that row. Output
 * is a table (column widths from the first page), a JSON array (--json) or JSON Lines
 * (--jsonl). When rows remain unshown, a line on standard error gives the --after to go on
 * with. Returns the first page's error with nothing printed. */
rd_err *cli_list_pages(cli_ctx *c, cli_page_fn fn, const cli_col *cols);
/* Prints "label  value" lines for the listed keys of obj; NULL values are skipped. */
void cli_fields(cli_ctx *c, json_t *obj, const cli_col *cols);
/* Formats one value of obj per its column kind into out. */
void cli_value(json_t *obj, const cli_col *col, char *out, size_t n);
/* ANSI sequences when colour is on, "" otherwise. */
const char *cli_bold(cli_ctx *c);
const char *cli_dim(cli_ctx *c);
const char *cli_red(cli_ctx *c);
const char *cli_yellow(cli_ctx *c);
const char *cli_green(cli_ctx *c);
const char *cli_reset(cli_ctx *c);
/* Prints the id of a newly created row: as {"id":N} with --json, else the number alone. */
void cli_print_id(cli_ctx *c, int64_t id);
/* Screening (P21) for commands that create work for a client: the client's history before the
 * operation runs (*history NULL when the client id is not valid: the operation reports that; a
 * database error is returned, never dropped), then, once
 * it succeeded, the history on standard error (so stdout stays the bare id for scripts) and the
 * id; with --json one object {"id": N, "history": [...]}. cli_print_id_history frees history. */
rd_err *cli_history_before(cli_ctx *c, const char *client, json_t **history);
void cli_print_id_history(cli_ctx *c, int64_t id, json_t *history);

/* The command that runs an action of `case next` or `today` ({action, case, params, inputs},
 * see desk.h), with the real ids and a placeholder for each input. Caller frees. */
char *cli_action_command(json_t *action);

/* The amendments of a project (or a whole case) beside the terms as first agreed; nothing when
 * there are none (cli_amend.c). */
void cli_print_amendments(cli_ctx *c, json_t *obj);

/* The sections of `case show` between the client's words and the timeline (cli_whole.c). */
void cli_print_whole_case(cli_ctx *c, json_t *k);

/* json helpers */
const char *js(json_t *obj, const char *key); /* string or NULL */
int64_t ji(json_t *obj, const char *key);     /* integer or 0 */

#endif
