/* util.h — the base every layer of redress stands on: the one error type, allocation wrappers,
 * the capped growable buffer, money, time, UTF-8 checks and reading bounded text input.
 * Nothing here knows about clients, cases or the database. */
#ifndef REDRESS_UTIL_H
#define REDRESS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- errors */

/* The one table of error codes: name, CLI exit code, HTTP status, the short name API errors
 * carry, summary. Adding a code here gives it an exit code and an HTTP status everywhere at once.
 * RD_INVALID is a request whose values fail a check (422); RD_USAGE one that is malformed (400). */
#define RD_ERROR_CODES(X)                                                                          \
    X(RD_INVALID, 1, 422, "invalid", "invalid input")                                              \
    X(RD_CONFLICT, 1, 409, "conflict", "not allowed at this stage")                                \
    X(RD_TOO_LARGE, 1, 413, "too_large", "input too large")                                        \
    X(RD_USAGE, 2, 400, "bad_request", "wrong usage")                                              \
    X(RD_NOT_FOUND, 3, 404, "not_found", "not found")                                              \
    X(RD_IO, 4, 500, "io", "input/output error")                                                   \
    X(RD_DB, 4, 500, "database", "database error")                                                 \
    X(RD_TAMPERED, 1, 500, "tampered", "record tampered with")                                     \
    X(RD_UNAUTHORIZED, 1, 401, "unauthorized", "not signed in")                                    \
    X(RD_FORBIDDEN, 1, 403, "forbidden", "not allowed")                                            \
    X(RD_THROTTLED, 1, 429, "throttled", "too many attempts")

typedef enum rd_code {
    RD_OK = 0,
#define X(name, exit_code, http, short_name, summary) name,
    RD_ERROR_CODES(X)
#undef X
} rd_code;

/* An error: a code, a one-line message that names the field ("deadline: 2025-02-30 is not a
 * date"), and that field on its own so a form can show the message beside it and the API can
 * return it. Fallible functions return rd_err * — NULL on success — and the caller owns and
 * frees what it receives with rd_err_free(). */
typedef struct rd_err {
    rd_code code; /* which row of RD_ERROR_CODES */
    char *msg;    /* one line, no trailing newline; owned by the error */
    char *field;  /* the input field it concerns ("deadline"), or NULL; owned by the error */
    /* What to do about it, for a front door to render (a command, a button, an API link): */
    char *action;        /* the step to take first, an action name ("offer.make"), or NULL; owned */
    int64_t action_case; /* the case that step is on, 0 when none */
    int64_t action_item; /* the open item it acts on (an offer, a draft, a client), 0 when none */
    bool overridable;    /* a reason given as the override lets the operation go ahead */
} rd_err;

/* Builds a new error with a printf-style message. Never returns NULL. The convention for
 * messages about input is "FIELD: what is wrong": when the message starts with a field name
 * (lower-case letters, digits, '_' and '.', then ": "), that name becomes e->field. */
rd_err *rd_error(rd_code code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with the field given explicitly (NULL: none), whatever the message says. */
rd_err *rd_error_at(rd_code code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Names the step to take first on e (case_id and item 0 when none); returns e, NULL for NULL. */
rd_err *rd_err_next(rd_err *e, const char *action, int64_t case_id, int64_t item);
/* Marks that an override reason lets the refused operation go ahead, ending the message with
 * RD_OVERRIDE_HINT (a front door with its own way of saying so replaces it); returns e. */
rd_err *rd_err_overridable(rd_err *e);
#define RD_OVERRIDE_HINT " (or give a reason to override)"
void rd_err_free(rd_err *e);
int rd_err_exit_code(const rd_err *e);   /* 0 for NULL */
int rd_err_http_status(const rd_err *e); /* 200 for NULL */
const char *rd_code_summary(rd_code code);
const char *rd_code_name(rd_code code); /* "invalid", "not_found", … ("ok" for RD_OK) */

/* ---------------------------------------------------------------- memory */

/* Allocation wrappers: they abort the program on out-of-memory, so callers never check. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s); /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "$TMPDIR/name" ("/tmp/name" when TMPDIR is unset or empty): a template for mkstemp or
 * mkdtemp, whose name ends in six X. Caller frees. */
char *xtmp_template(const char *name);

/* ---------------------------------------------------------------- buffer */

/* A growable byte buffer with a size cap; all text, HTML and JSON building goes through it.
 * data is always NUL-terminated once anything was added. */
typedef struct rd_buf {
    char *data; /* owned; NULL until the first add */
    size_t len; /* bytes used, excluding the NUL */
    size_t cap; /* bytes allocated */
    size_t max; /* the cap on len */
} rd_buf;

#define RD_BUF_DEFAULT_MAX ((size_t)64 << 20)

void buf_init(rd_buf *b, size_t max); /* max 0 means RD_BUF_DEFAULT_MAX */
/* Appends; on passing the cap returns RD_TOO_LARGE and leaves the buffer as it was. */
rd_err *buf_add(rd_buf *b, const void *p, size_t n);
rd_err *buf_adds(rd_buf *b, const char *s);
rd_err *buf_addf(rd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
rd_err *buf_vaddf(rd_buf *b, const char *fmt, va_list ap);
const char *buf_str(const rd_buf *b); /* borrowed; "" when empty */
char *buf_detach(rd_buf *b);          /* caller frees; buffer is reset */
void buf_reset(rd_buf *b);            /* frees the storage, keeps the cap */

/* ---------------------------------------------------------------- text */

/* Checks that s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
bool utf8_valid(const char *s, size_t n);
/* Decodes the character at s (n bytes available) into *cp and returns its length in bytes, or 0
 * when s does not start with a complete, well-formed UTF-8 sequence. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* True for a character that changes what a terminal shows instead of showing itself: C0
 * controls other than tab and newline, DEL, C1 controls (U+0080-U+009F) and the bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). */
bool text_hidden(uint32_t cp);
/* Validates a user-supplied string for field: at most max bytes, valid UTF-8, none of the
 * text_hidden() characters, no carriage return, and newlines only when multiline. The error
 * names the field, the character and its byte offset. NULL is accepted (optional field). */
rd_err *text_check(const char *field, const char *s, size_t max, bool multiline);
/* Reads text from path ("-" is standard input), refusing more than max bytes, and checks it
 * is UTF-8; each CR LF becomes LF. *out is the caller's, NUL-terminated. */
rd_err *text_read(const char *field, const char *path, size_t max, char **out, size_t *len);
/* True when s is NULL or only whitespace. */
bool text_blank(const char *s);
/* Parses a whole decimal number in [min, max]; field names it in errors. */
rd_err *parse_int(const char *field, const char *text, int64_t min, int64_t max, int64_t *out);

/* ---------------------------------------------------------------- terminals */

/* Appends s[0..n) to out with every text_hidden() character written visibly instead of raw:
 * "\x1b" for C0 controls and DEL, "\u009b" for C1 controls, "\u202e" for bidirectional
 * controls, and "\xff" for a byte that is not UTF-8; newline and tab are kept. With json, C0
 * and DEL are written "\u001b" and a stray byte U+FFFD, so the result inside a JSON string is
 * still JSON meaning the same text. Returns RD_TOO_LARGE past out's cap. */
rd_err *text_visible(rd_buf *out, const char *s, size_t n, bool json);

/* Colour for terminal output. Printed text reaches the terminal only through the guard below,
 * which turns these markers (0xFF, never part of UTF-8, then a letter) into the ANSI sequences;
 * any other escape is shown visibly. */
#define TERM_RESET  "\3770" /* octal: 0xFF then '0' */
#define TERM_BOLD   "\3771"
#define TERM_DIM    "\3772"
#define TERM_RED    "\377r"
#define TERM_GREEN  "\377g"
#define TERM_YELLOW "\377y"

/* Puts the guard in front of standard output and standard error: from then on everything
 * printed through stdout and stderr passes text_visible(), and the TERM_* markers become colour.
 * Call once, first thing in main. Returns RD_IO when a stream cannot be made. */
rd_err *term_guard_stdio(void);
/* Switches standard output's escapes to their JSON form (for --json output). */
void term_json(bool on);
/* Flushes standard output and reports whether everything printed was written (a full disk or
 * closed pipe gives RD_IO naming standard output). */
rd_err *term_finish(void);
/* Writes a file format (CSV, iCalendar) to standard output byte for byte when it goes to a file
 * or a pipe; on a terminal it goes through the guard like any other text. */
rd_err *term_write_data(const void *p, size_t n);

/* ---------------------------------------------------------------- money */

/* Money is integer minor units plus an ISO 4217 code. */
#define RD_MONEY_MAX INT64_C(100000000000000) /* 10^14 minor units: far above any invoice */

/* Digits after the decimal point for an ISO 4217 code, or -1 when the code is unknown. */
int money_exponent(const char *currency);
/* Validates a currency code (three capital letters we know); field names it in errors. */
rd_err *money_check_currency(const char *field, const char *currency);
/* Parses "1,250.50", "1250.5", "1250" into minor units of currency. Rejects negatives, more
 * decimals than the currency has ("12.345" for EUR), misplaced separators, overflow. */
rd_err *money_parse(const char *field, const char *text, const char *currency, int64_t *minor);
/* Formats minor units as "1,250.50 EUR" into out (at least 48 bytes). */
void money_format(int64_t minor, const char *currency, char *out, size_t outlen);
/* Formats as a plain decimal "1250.50" (no grouping, no code) for JSON and machine output. */
void money_plain(int64_t minor, const char *currency, char *out, size_t outlen);

/* ---------------------------------------------------------------- time */

/* Times are Unix seconds (UTC) in memory and ISO 8601 UTC text ("2026-11-25T06:46:00Z") in the
 * store. Dates are "YYYY-MM-DD". */
typedef char rd_timestr[32];

/* The current time; REDRESS_NOW (ISO 8601) overrides it so tests and demos are repeatable. */
int64_t time_now(void);
/* Sets the clock time_now() reads (Unix seconds) for a process that writes a desk's history in
 * one run (desk_generate); 0 hands it back to REDRESS_NOW or the real clock. Not for threads. */
void time_set_now(int64_t t);
/* Parses "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]"; a time
 * without a zone is in the local time zone; a bare date is its local midnight. */
rd_err *time_parse(const char *field, const char *text, int64_t *out);
/* Parses a calendar date "YYYY-MM-DD" and checks it exists (2025-02-30 does not). */
rd_err *date_parse(const char *field, const char *text, int *y, int *m, int *d);
void time_iso(int64_t t, rd_timestr out);   /* UTC, ISO 8601 with Z */
void time_local(int64_t t, rd_timestr out); /* "2026-11-25 07:46" in the local zone */
void time_date(int64_t t, rd_timestr out);  /* local calendar date "YYYY-MM-DD" */
/* Days from civil date (proleptic Gregorian), for date arithmetic without time zones. */
int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t z, int *y, int *m, int *d);

/* ---------------------------------------------------------------- secrets (secret.c) */
#define RD_SECRET_MAX 64 /* room for a prefix of up to 16 characters and 256 random bits */
/* A new secret: prefix (may be NULL) then 256 random bits in URL-safe base64 (43 characters). */
void secret_new(const char *prefix, char out[RD_SECRET_MAX]);
/* BLAKE2b-256 of secret as 64 hex digits: what is stored instead of the secret. */
void secret_hash(const char *secret, char out[65]);
/* True when s is prefix followed by exactly what secret_new makes: a cheap refusal of junk
 * before any lookup. */
bool secret_well_formed(const char *s, const char *prefix);
/* A uniformly random positive row id (1 … 2^62). */
int64_t secret_random_id(void);

/* ---------------------------------------------------------------- CSV (csv.c) */
/* Appends cells[0..n) as one CSV row ending in CRLF (NULL cells are empty); formula-looking
 * cells are quoted with a leading apostrophe. */
rd_err *csv_row(rd_buf *b, const char *const *cells, size_t n);

#endif
