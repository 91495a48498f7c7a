/* desk.h — the domain operations of redress. Every behaviour lives here once; the CLI, the web
 * pages, the JSON API and the client portal are thin translations onto these calls.
 *
 * Each operation validates its input (errors name the field), runs in one transaction, and
 * appends one audit entry. Inputs are the strings a person typed, so that parsing and checking
 * happen in one place for every front door. Reads return jansson values the caller owns and
 * releases with json_decref(). */
#ifndef REDRESS_DESK_H
#define REDRESS_DESK_H

#include <jansson.h>

#include "store/store.h"
#include "util/util.h"

/* Size limits on user input. */
#define DESK_MAX_NAME  200
#define DESK_MAX_FIELD 2000
#define DESK_MAX_NOTES 20000
#define DESK_MAX_TEXT  ((size_t)1 << 20) /* 1 MiB: the client's words, a message body */

typedef struct rd_desk {
    rd_store *st;      /* borrowed: the caller opens and closes the store */
    const char *actor; /* who is acting, for the audit trail; borrowed */
} rd_desk;

/* ---------------------------------------------------------------- clients */
rd_err *desk_client_add(rd_desk *d, const rd_client_fields *in, int64_t *id);
/* Changes the fields that are not NULL; "" clears an optional field. */
rd_err *desk_client_edit(rd_desk *d, int64_t id, const rd_client_fields *in);
rd_err *desk_client_get(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_client_list(rd_desk *d, json_t **out);

/* ---------------------------------------------------------------- projects */
typedef struct desk_project_input {
    const char *client; /* client id, as typed */
    const char *title;
    const char *scope;
    const char *deliverables;
    const char *deadline;      /* YYYY-MM-DD */
    const char *price;         /* "1,250.50" */
    const char *currency;      /* ISO 4217; default EUR */
    const char *payment_terms; /* days; default 30 */
    const char *revisions;     /* included revisions; default 2 */
    const char *extra_revision_price;
} desk_project_input;

rd_err *desk_project_add(rd_desk *d, const desk_project_input *in, int64_t *id);
rd_err *desk_project_get(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_project_list(rd_desk *d, int64_t client_id, json_t **out);

/* ---------------------------------------------------------------- cases */
extern const char *const desk_channels[]; /* email phone meeting chat review letter */

typedef struct desk_case_input {
    const char *client;  /* client id */
    const char *project; /* project id or NULL */
    const char *channel;
    const char *received; /* time; default now */
    const char *words;    /* the client's words or NULL */
} desk_case_input;

rd_err *desk_case_open(rd_desk *d, const desk_case_input *in, int64_t *id);
/* The case with its client's contact details, concerns and log entries. */
rd_err *desk_case_get(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_case_list(rd_desk *d, const char *status, const char *stage, json_t **out);

/* ---------------------------------------------------------------- communication log */
typedef struct desk_log_input {
    const char *client;
    const char *case_id;   /* or NULL */
    const char *direction; /* in | out */
    const char *channel;
    const char *at; /* default now */
    const char *subject;
    const char *body;
} desk_log_input;

rd_err *desk_log_add(rd_desk *d, const desk_log_input *in, int64_t *id);
rd_err *desk_log_list(rd_desk *d, int64_t client_id, json_t **out);

/* ---------------------------------------------------------------- settings */
/* Keys: currency, cool_off_minutes, draft_hold_minutes, followup_days, risk_threshold,
 * hourly_cost. A setting never set has its default. *value is the caller's. */
rd_err *desk_config_get(rd_desk *d, const char *key, char **value);
rd_err *desk_config_int(rd_desk *d, const char *key, int64_t *out);
/* A money setting parsed in currency (the threshold "1000" is 1000 of the client's currency). */
rd_err *desk_config_money(rd_desk *d, const char *key, const char *currency, int64_t *minor);
rd_err *desk_config_set(rd_desk *d, const char *key, const char *value);
rd_err *desk_config_list(rd_desk *d, json_t **out);

/* Walk-away triggers (P16) that fire for a client: an array of {trigger, why, facts}, where
 * trigger is abuse, cost_exceeds_revenue or late_payments. Nothing happens by itself. */
rd_err *desk_walkaway_triggers(rd_desk *d, int64_t client_id, json_t **out);

/* ---------------------------------------------------------------- playbook (P2–P14)
 * stages and guards, next step, concerns, restatement, offers, follow-through, lessons,
 * escalation. */

/* ---------------------------------------------------------------- money and walking away
 * invoices, demand letters, time, termination, screening, revisions (P15–P18, P21). */

/* ---------------------------------------------------------------- triage and drafts (P2, P5) */
/* Triages text (already checked as UTF-8) and records the findings for log entry log_id,
 * raising the flags of case case_id (0: none). Runs inside the caller's transaction. */
rd_err *desk_triage_record(rd_desk *d, int64_t log_id, int64_t case_id, const char *text);

typedef struct desk_draft_input {
    const char *case_id; /* new only */
    const char *body;    /* the reply */
    const char *subject; /* or NULL */
    const char *channel; /* new only; default email */
} desk_draft_input;

/* Stores a reply draft with its tone check and a hold: draft_hold_minutes from now, and for the
 * first reply on a case not before cool_off_minutes after the complaint arrived. */
rd_err *desk_draft_new(rd_desk *d, const desk_draft_input *in, int64_t *id);
/* Replaces the text (and subject when given) and re-checks it; the hold stays as it was. */
rd_err *desk_draft_edit(rd_desk *d, int64_t id, const desk_draft_input *in);
/* The draft with "tone" (the check as JSON), "held" and "hold_minutes_left". */
rd_err *desk_draft_get(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_draft_list(rd_desk *d, int64_t case_id, json_t **out); /* 0: every case */
/* Re-checks the text and logs it as sent. Refused (RD_CONFLICT) while held or while the check
 * finds errors, unless override gives a reason, which is audited. */
rd_err *desk_draft_release(rd_desk *d, int64_t id, const char *override, int64_t *log_id);

/* ---------------------------------------------------------------- integrity */
rd_err *desk_verify(rd_desk *d, rd_verify_report *r);

/* ---------------------------------------------------------------- demo data */
/* Fills an empty desk with a realistic set of clients, projects, cases and messages. Refuses
 * when the desk already has clients. */
rd_err *desk_demo_load(rd_desk *d);

/* ---------------------------------------------------------------- helpers for desk files */
/* Parses an id field ("client: 'x' is not a number"). */
rd_err *desk_parse_id(const char *field, const char *text, int64_t *id);
/* Appends the audit entry for an operation; detail is borrowed and may be NULL. */
rd_err *desk_audit(rd_desk *d, const char *action, const char *table, int64_t row_id,
                   json_t *detail);
/* True when s is one of the NULL-terminated list. */
bool desk_one_of(const char *s, const char *const *list);
/* "email, phone, meeting" for error messages; caller frees. */
char *desk_list_words(const char *const *list);
/* Integer member of a JSON object, 0 when absent. */
int64_t desk_ji(json_t *obj, const char *key);
/* String member of a JSON object, NULL when absent; borrowed. */
const char *desk_js(json_t *obj, const char *key);
/* The current time as ISO 8601 UTC text. */
void desk_now(rd_timestr out);

#endif
