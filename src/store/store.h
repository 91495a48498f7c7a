/* store.h — the persistence interface of redress. Everything the desk layer needs from the
 * database goes through these functions; nothing above this layer sees SQL or sqlite3.h, so a
 * PostgreSQL backend can later implement the same interface.
 *
 * Reads return rows as jansson objects (column name -> integer, string or null); the caller owns
 * what it receives and releases it with json_decref(). Writes take plain C values. Every write
 * happens inside a transaction opened by the caller with store_begin()/store_end(). */
#ifndef REDRESS_STORE_H
#define REDRESS_STORE_H

#include <jansson.h>
#include <stdint.h>

#include "util/page.h"
#include "util/util.h"

typedef struct rd_store rd_store;

/* The application_id ("RDRS") in every desk's header; a file without it is not opened. */
#define STORE_APPLICATION_ID 0x52445253u

enum {
    STORE_CREATE = 1, /* create a missing file (0600), or fill a zero-byte one */
    /* Another connection to a desk this process has open already (the web server's worker
     * threads): its header is not read again, because closing any descriptor of the file drops
     * every POSIX lock the process holds on it, SQLite's included, and another process could
     * then checkpoint and remove the WAL under the open connections. */
    STORE_AGAIN = 2,
};

/* Opens the desk at path and brings its schema up to date. Without STORE_CREATE the file must
 * already be a desk. Anything else (another program's database, an empty file) is refused with
 * RD_USAGE and left byte-for-byte unchanged. A desk the user cannot write (or in a folder they
 * cannot write) opens read-only: reads and verify work, writes fail with RD_IO. ":memory:" gives
 * a private in-memory database (tests). *out is the caller's; close with store_close(). */
rd_err *store_open_desk(const char *path, unsigned flags, rd_store **out);
/* store_open_desk(path, STORE_CREATE, out). */
rd_err *store_open(const char *path, rd_store **out);
/* True when st was opened read-only. */
bool store_read_only(rd_store *st);
/* Caps the memory st keeps of the database's pages at kib KiB (SQLite's page cache for this
 * connection; its default is 2000 KiB). A server with a connection per thread sets it so that
 * its memory stays bounded whatever the desk's size. */
rd_err *store_cache_limit(rd_store *st, int kib);
void store_close(rd_store *st);
int store_schema_version(rd_store *st);

/* Starts a write transaction that holds the write lock from the start, so two processes writing
 * at once queue instead of failing halfway. Transactions nest: inside an open one, begin sets a
 * savepoint, and the matching end releases it or rolls back to it (the outer transaction goes
 * on and decides for itself). */
rd_err *store_begin(rd_store *st);
/* Ends the transaction: commits when e is NULL, rolls back otherwise. Returns e, or the commit
 * error when committing failed. Use as: return store_end(st, e); */
rd_err *store_end(rd_store *st, rd_err *e);
/* A batch: one transaction around many operations that each use store_begin()/store_end()
 * (theirs become savepoints), so that all of them land or none does (the demo desk).
 * store_batch_end commits when e is NULL, else rolls everything back, and returns e. */
rd_err *store_batch_begin(rd_store *st);
rd_err *store_batch_end(rd_store *st, rd_err *e);

/* Lists page with rd_page (util/page.h). */

/* ---------------------------------------------------------------- clients */
typedef struct rd_client_fields {
    const char *name;  /* required on insert; NULL on update leaves the field as it is */
    const char *email; /* "" on update clears the field */
    const char *phone;
    const char *company;
    const char *notes;
    const char *status; /* update only: active | terminated */
} rd_client_fields;

rd_err *store_client_insert(rd_store *st, const rd_client_fields *f, const char *now, int64_t *id);
rd_err *store_client_update(rd_store *st, int64_t id, const rd_client_fields *f, const char *now);
rd_err *store_client_get(rd_store *st, int64_t id, json_t **row); /* RD_NOT_FOUND if none */
/* By name, with open case counts. */
rd_err *store_client_list(rd_store *st, rd_page *page, json_t **rows);

/* ---------------------------------------------------------------- projects */
typedef struct rd_project_fields {
    int64_t client_id;
    const char *title;
    const char *scope;
    const char *deliverables;
    const char *deadline;                /* YYYY-MM-DD or NULL */
    const int64_t *price;                /* minor units or NULL when not agreed */
    const char *currency;                /* ISO 4217 */
    int64_t payment_terms;               /* days */
    int64_t revisions;                   /* included revisions */
    const int64_t *extra_revision_price; /* minor units or NULL */
} rd_project_fields;

rd_err *store_project_insert(rd_store *st, const rd_project_fields *f, const char *now,
                             int64_t *id);
rd_err *store_project_get(rd_store *st, int64_t id, json_t **row);
/* Changes the text fields and status that are not NULL; "" clears scope, deliverables or
 * deadline. Money and revision terms stay as agreed. */
typedef struct rd_project_change {
    const char *title, *scope, *deliverables, *deadline, *status;
} rd_project_change;
rd_err *store_project_update(rd_store *st, int64_t id, const rd_project_change *c, const char *now);
/* client_id 0 lists every project; by id. */
rd_err *store_project_list(rd_store *st, int64_t client_id, rd_page *page, json_t **rows);

/* ---------------------------------------------------------------- cases */
typedef struct rd_case_fields {
    int64_t client_id;
    int64_t project_id; /* 0 when none */
    const char *channel;
    const char *received_at;
    const char *words; /* may be NULL */
} rd_case_fields;

rd_err *store_case_insert(rd_store *st, const rd_case_fields *f, const char *now, int64_t *id);
rd_err *store_case_get(rd_store *st, int64_t id, json_t **row);
/* status or stage NULL means any; client_id 0 means any client. Newest received first. */
rd_err *store_case_list(rd_store *st, const char *status, const char *stage, int64_t client_id,
                        rd_page *page, json_t **rows);

/* ---------------------------------------------------------------- communication log */
typedef struct rd_log_fields {
    int64_t client_id;
    int64_t case_id;       /* 0 when not about a case */
    const char *direction; /* in | out */
    const char *channel;
    const char *at; /* when the exchange happened */
    const char *subject;
    const char *body;
} rd_log_fields;

/* Appends to the hash-chained log. */
rd_err *store_log_append(rd_store *st, const rd_log_fields *f, const char *now, int64_t *id);
/* client_id 0 lists every entry; case_id 0 does not filter by case. Oldest first. */
rd_err *store_log_list(rd_store *st, int64_t client_id, int64_t case_id, rd_page *page,
                       json_t **rows);

/* One log entry as store_log_list gives it, or *row NULL when there is none (caller's). */
rd_err *store_log_get(rd_store *st, int64_t id, json_t **row);

/* ---------------------------------------------------------------- audit trail */
/* Appends to the hash-chained audit trail; detail is JSON text or NULL. */
rd_err *store_audit_append(rd_store *st, const char *now, const char *actor, const char *action,
                           const char *table, int64_t row_id, const char *detail);
/* Newest first, at most limit rows (0: all). */
rd_err *store_audit_list(rd_store *st, int64_t limit, json_t **rows);

/* ---------------------------------------------------------------- verification */
#define STORE_KEY_BYTES 32 /* an Ed25519 public key */

/* Signs every audit entry's hash from now on with sk (an Ed25519 secret key in libsodium's
 * 64-byte layout, copied); NULL stops signing. */
void store_set_signer(rd_store *st, const unsigned char *sk);
/* The public key (STORE_KEY_BYTES) audit entries are signed with, or NULL; borrowed. */
const unsigned char *store_signer(rd_store *st);

typedef struct rd_verify_opts {
    const unsigned char *pk; /* this machine's public key (32 bytes), or NULL: none */
    const char *against;     /* a line kept from an earlier verify, or NULL */
    bool all_signatures;     /* check every signature, not only the newest */
    /* Called now and then with entries walked so far and the total, or NULL. */
    void (*progress)(void *ctx, int64_t done, int64_t total);
    void *ctx; /* passed to progress */
} rd_verify_opts;

/* ---------------------------------------------------------------- evidence bundles
 * (store_bundle.c) */
/* The stretch of the log from case_id's first entry to the head, oldest first (caller's): each
 * {id, client_id, case_id, direction, channel, at, recorded_at, prev_hash, hash} and, for the
 * case's entries and client_id's entries without a case, subject, body and salt (hex); for
 * every other entry, and for erased ones (erased: true), only the commitment (hex) to its
 * words. RD_CONFLICT when the case has no entry or begins before the log was sealed. */
rd_err *store_bundle_log(rd_store *st, int64_t client_id, int64_t case_id, json_t **out);
/* The newest audit entry as stored (caller's): its fields, detail, salt, state_before, state,
 * signer and sig (hex, null when absent). Read it inside the transaction that wrote it. */
rd_err *store_bundle_head(rd_store *st, json_t **out);
/* Whether this desk's audit trail holds entry audit_id with exactly this hash (a bundle this
 * desk exported, and the desk not rewritten since). */
rd_err *store_bundle_held(rd_store *st, int64_t audit_id, const char *hash, bool *held);
/* Recomputes the hash of a head from store_bundle_head() and checks its Ed25519 signature;
 * signer gets the public key (hex), or "" when the head is unsigned. RD_TAMPERED naming
 * head.json when anything differs. Needs no desk. */
rd_err *store_bundle_check_head(const json_t *head, char signer[2 * STORE_KEY_BYTES + 1]);
/* Recomputes every entry of a stretch from store_bundle_log(): each hash from its fields, each
 * link to the entry before, and the end against the head's log length and hash. RD_TAMPERED
 * naming entries.json and the entry when anything differs. Needs no desk. */
rd_err *store_bundle_check_log(const json_t *entries, const json_t *head);

/* Who signed the newest signed audit entry. */
enum { SIGNED_NONE, SIGNED_THIS_KEY, SIGNED_OTHER_KEY };

typedef struct rd_verify_report {
    int64_t log_entries;        /* rows checked in the log */
    int64_t audit_entries;      /* rows checked in the audit trail */
    char log_head[65];          /* hash of the newest log row (hex), "" when empty */
    char audit_head[65];        /* hash of the newest audit row */
    char state[65];             /* digest of every sealed table (hex), recomputed from the rows */
    int64_t tables;             /* tables under the seal */
    int64_t legacy_log;         /* log rows written before the seal (weaker encoding, no salt) */
    int64_t legacy_audit;       /* audit rows likewise */
    int signed_by;              /* SIGNED_*: the signer of the newest signed entry */
    char signer[17];            /* the first 16 hex digits of that key, "" when none */
    int64_t newest_signed;      /* id of the newest signed audit entry, 0 when none */
    int64_t unsigned_after;     /* audit entries after it that carry no signature */
    int64_t signatures_checked; /* signatures checked (1, or all with all_signatures) */
    int64_t erased_log;         /* log entries whose words were erased on request */
    int64_t erased_audit;       /* audit entries whose detail was erased on request */
    bool against_checked;       /* the kept line was checked and the desk extends it */
    char line[160];             /* the line to keep: chain lengths, heads, state digest */
} rd_verify_report;

/* Re-walks both chains and every sealed table in one read transaction (one snapshot, so writers
 * running meanwhile never cause a false alarm). Returns RD_TAMPERED naming the first thing that
 * does not match, RD_INVALID when opts->against is not a kept line. opts may be NULL. */
rd_err *store_verify(rd_store *st, const rd_verify_opts *opts, rd_verify_report *r);

/* Erases a client's personal data: name (to "(erased)"), email, phone, company and notes; the
 * words, want and goal of their cases; the specifics and examples of those cases' concerns;
 * their feedback's text; triage's quotes of their messages; the addresses and names in the
 * headers of their mail; the search index's copy of their words; and, through
 * store_erase_client_chains(), their log entries' words and the detail of the audit entries
 * about them. Sets erased_at. *counts (the caller's) says {log_entries, audit_entries} erased.
 * Run inside a transaction. */
rd_err *store_client_erase(rd_store *st, int64_t client_id, const char *now, json_t **counts);
/* Erasure (a client asked to be forgotten): replaces the words of the client's log entries and
 * the detail of the audit entries about the client, its cases and log entries by the salted
 * commitments the chains hashed, so that every chain still verifies. Counts go to *log_n and
 * *audit_n. Run inside a transaction. */
rd_err *store_erase_client_chains(rd_store *st, int64_t client_id, int64_t *log_n,
                                  int64_t *audit_n);

/* ---------------------------------------------------------------- today
 * What is overdue or due as of today (YYYY-MM-DD), each one page (rd_page) most urgent first,
 * each read from an index of what is still open: the store side of `redress today`. */
/* Each takes one page (page NULL: every row) and sets *more (when not NULL) to the number of
 * rows after it, counted up to RD_MORE_MAX (that many means "at least"), so a count costs
 * a bounded number of index steps on any desk. Rows carry client_id and client_name. */
/* Open commitments past due (due_on before today) and not handed over, longest overdue first. */
rd_err *store_today_commitments(rd_store *st, const char *today, rd_page *page, json_t **rows,
                                int64_t *more);
/* Portal events no one has seen yet, oldest first (rows as store_portal_event_list). */
rd_err *store_today_portal(rd_store *st, rd_page *page, json_t **rows, int64_t *more);
/* Open follow-ups due on or before today, earliest first. */
rd_err *store_today_followups(rd_store *st, const char *today, rd_page *page, json_t **rows,
                              int64_t *more);
/* Invoices due before today with a balance (rows as store_invoice_list). */
rd_err *store_today_invoices(rd_store *st, const char *today, rd_page *page, json_t **rows,
                             int64_t *more);
/* Drafts still held on open cases whose hold ends by until (ISO time; an ended hold is ready
 * to release), earliest first. */
rd_err *store_today_holds(rd_store *st, const char *until, rd_page *page, json_t **rows,
                          int64_t *more);
/* Open cases flagged abuse, legal threat or review threat, newest first: the cases whose
 * escalation triggers fire on their flags (desk_case_triggers gives the whole set). */
rd_err *store_today_flagged(rd_store *st, rd_page *page, json_t **rows, int64_t *more);
/* Paused cases whose pause_until has come (on or before today), earliest first. */
rd_err *store_today_pauses(rd_store *st, const char *today, rd_page *page, json_t **rows,
                           int64_t *more);
/* Open cases, oldest complaint first, with stage, want, the flags and open_offers. */
rd_err *store_today_cases(rd_store *st, rd_page *page, json_t **rows, int64_t *more);
/* Cases (any status) under extra care until today or later (watch_until), earliest end first. */
rd_err *store_today_watch(rd_store *st, const char *today, rd_page *page, json_t **rows,
                          int64_t *more);

/* ---------------------------------------------------------------- query plans
 * For the query-plan test (tests/unit/test_plans.c): with recording on, the store keeps the SQL
 * text of every distinct statement it runs; store_statements hands each to fn (borrowed) in
 * the order first run, stopping at fn's first error; store_plan gives SQLite's EXPLAIN QUERY
 * PLAN of one of them as rows {id, parent, notused, detail} (the caller's). */
void store_record_statements(rd_store *st, bool on);
rd_err *store_statements(rd_store *st, rd_err *(*fn)(void *ctx, const char *sql), void *ctx);
rd_err *store_plan(rd_store *st, const char *sql, json_t **rows);
/* Every foreign key whose column leads no index (an INTEGER PRIMARY KEY counts as one), as rows
 * {tbl, col, parent} (the caller's): deleting or rebuilding the parent table then checks the
 * whole child table once per parent row. The schema test wants none. */
rd_err *store_unindexed_foreign_keys(rd_store *st, json_t **rows);

/* ---------------------------------------------------------------- triage and drafts */
typedef struct rd_triage_fields {
    int hostility; /* 0..3 */
    bool abuse, legal_threat, review_threat, refund_demand, payment_refusal;
    const char *complaints; /* space-separated kinds, "" for none */
    const char *root_cause; /* missed_deadline … other */
    const char *findings;   /* JSON text */
} rd_triage_fields;

/* Records what triage found in log entry log_id (one row per entry). */
rd_err *store_log_triage_insert(rd_store *st, int64_t log_id, const rd_triage_fields *t);
rd_err *store_log_triage_get(rd_store *st, int64_t log_id, json_t **row); /* NULL row: none */
/* Raises the case's hostility and flags to at least t's, and notes the suggested root cause. */
rd_err *store_case_raise_flags(rd_store *st, int64_t case_id, const rd_triage_fields *t,
                               const char *now);

typedef struct rd_draft_fields {
    int64_t case_id;
    const char *channel;
    const char *subject;
    const char *body;
    int errors, warnings, hints; /* from the tone check of body */
    const char *tone;            /* JSON text of the tone check */
    const char *hold_until;      /* ISO time */
} rd_draft_fields;

rd_err *store_draft_insert(rd_store *st, const rd_draft_fields *f, const char *now, int64_t *id);
/* Replaces body (and subject when not NULL) with their new tone check. */
rd_err *store_draft_update_text(rd_store *st, int64_t id, const rd_draft_fields *f,
                                const char *now);
rd_err *store_draft_release(rd_store *st, int64_t id, int64_t log_id, const char *override,
                            const char *now);
rd_err *store_draft_get(rd_store *st, int64_t id, json_t **row); /* RD_NOT_FOUND if none */
rd_err *store_draft_list(rd_store *st, int64_t case_id, rd_page *page, json_t **rows); /* 0: all */
/* Replies already sent on a case: outgoing log entries plus released drafts. */
rd_err *store_case_replies(rd_store *st, int64_t case_id, int64_t *n);
/* ---------------------------------------------------------------- money and walking away */
/* Invoices (P15): rows carry every column plus paid, balance, last_paid_on, reminders,
 * project_title, client_id and client_name. */
typedef struct rd_invoice_fields {
    int64_t project_id;
    const char *number;    /* the user's invoice number */
    int64_t amount;        /* minor units, > 0 */
    const char *currency;  /* the project's */
    const char *issued_on; /* YYYY-MM-DD */
    const char *due_on;    /* YYYY-MM-DD */
} rd_invoice_fields;

rd_err *store_invoice_insert(rd_store *st, const rd_invoice_fields *f, const char *now,
                             int64_t *id);
rd_err *store_invoice_get(rd_store *st, int64_t id, json_t **row); /* RD_NOT_FOUND if none */
/* client_id 0 lists every invoice; earliest due first. overdue_on (YYYY-MM-DD) non-NULL keeps
 * the invoices due before that day with a balance. */
rd_err *store_invoice_list(rd_store *st, int64_t client_id, const char *overdue_on, rd_page *page,
                           json_t **rows);
rd_err *store_payment_insert(rd_store *st, int64_t invoice_id, int64_t amount, const char *paid_on,
                             const char *now, int64_t *id);
rd_err *store_payment_list(rd_store *st, int64_t invoice_id, json_t **rows);
rd_err *store_reminder_insert(rd_store *st, int64_t invoice_id, int64_t log_id, const char *now,
                              int64_t *id);
/* Escalations at level mediation on any of the client's cases. */
rd_err *store_client_mediations(rd_store *st, int64_t client_id, int64_t *count);

/* Time spent on a client (P16); case_id 0 when not about a case; at is ISO text. */
rd_err *store_time_insert(rd_store *st, int64_t client_id, int64_t case_id, int64_t minutes,
                          const char *note, const char *at, int64_t *id);

/* What is still owed to a client before walking away: {commitments, projects, refunds,
 * invoices}, each an array of rows (open commitments, active projects, unpaid refunds, invoices
 * with a balance), leaving out what was handed over. */
rd_err *store_open_obligations(rd_store *st, int64_t client_id, json_t **out);
/* The client an obligation (commitment, project, refund, invoice) belongs to; RD_NOT_FOUND when
 * there is no such row. */
rd_err *store_obligation_client(rd_store *st, const char *item, int64_t item_id,
                                int64_t *client_id);
/* Records a handover and marks the row: commitments and refunds get the note in handed_over,
 * projects become handed_over; invoices are marked by the handovers row alone. */
rd_err *store_handover_insert(rd_store *st, int64_t client_id, const char *item, int64_t item_id,
                              const char *note, const char *now, int64_t *id);
rd_err *store_handover_list(rd_store *st, int64_t client_id, json_t **rows);
rd_err *store_termination_insert(rd_store *st, int64_t client_id, const char *reason,
                                 int64_t log_id, const char *now, int64_t *id);
/* Moves every case of the client that is not closed to stage terminated. */
rd_err *store_cases_terminate(rd_store *st, int64_t client_id, const char *now);

/* Screening (P21): one object with complaints, last_complaint, escalations, escalation_levels,
 * late_payments (as of today, YYYY-MM-DD), terminations, terminated_at, termination_reason. */
rd_err *store_client_history(rd_store *st, int64_t client_id, const char *today, json_t **out);

/* Revisions (P18); rows of the list carry number (1, 2, … within the project), currency and
 * price (the extra revision price when charged). */
rd_err *store_revision_insert(rd_store *st, int64_t project_id, const char *note, int beyond,
                              const char *charge, const char *now, int64_t *id);
rd_err *store_revision_list(rd_store *st, int64_t project_id, json_t **rows);

/* ---------------------------------------------------------------- facts for triggers */
/* One object: minutes (time logged), paid (payments in currency), refunded (refunds granted
 * in currency), other_currency_invoices, late_or_unpaid (invoices paid after their due date or
 * unpaid past it as of today, YYYY-MM-DD), abusive_cases. */
rd_err *store_client_facts(rd_store *st, int64_t client_id, const char *today, const char *currency,
                           json_t **out);

/* ---------------------------------------------------------------- settings */
/* *value is the caller's; NULL when the setting was never set. */
rd_err *store_setting_get(rd_store *st, const char *key, char **value);
rd_err *store_setting_set(rd_store *st, const char *key, const char *value);
rd_err *store_setting_list(rd_store *st, json_t **rows);

/* ---------------------------------------------------------------- playbook (P4–P14)
 * Stage changes, concerns, offers and their options, commitments, the refund ledger,
 * follow-ups, feedback, lessons and escalations. Rows come back as jansson values the caller
 * releases; ids of new rows go to *id. `now` is ISO 8601 UTC text, dates are YYYY-MM-DD. */

/* Sets the stage; prior (may be NULL) is stored as prior_stage when set_prior is 1. */
rd_err *store_case_set_stage(rd_store *st, int64_t id, const char *stage, int set_prior,
                             const char *prior, const char *now);
rd_err *store_case_set_cause(rd_store *st, int64_t id, const char *root, const char *notes,
                             const char *now);
/* Sets want and goal and clears any earlier confirmation. */
rd_err *store_case_set_want(rd_store *st, int64_t id, const char *want, const char *goal,
                            const char *now);
rd_err *store_case_confirm_want(rd_store *st, int64_t id, const char *by, const char *now);
/* Flags to record on a case; a NULL pointer leaves that column as it is. */
typedef struct rd_case_flags {
    const int64_t *hostility, *abuse, *legal_threat, *review_threat, *refund_demand,
        *payment_refusal;
} rd_case_flags;
rd_err *store_case_set_flags(rd_store *st, int64_t id, const rd_case_flags *f, const char *now);
/* status open|paused|closed; pause_reason NULL clears it; closed_at set when status closed. */
rd_err *store_case_set_status(rd_store *st, int64_t id, const char *status,
                              const char *pause_reason, const char *now);

rd_err *store_concern_insert(rd_store *st, int64_t case_id, const char *text, const char *specifics,
                             const char *example, const char *now, int64_t *id);
rd_err *store_concern_list(rd_store *st, int64_t case_id, json_t **rows);

/* What the restatement, offers and triggers of one case are computed from: concerns,
 * open_offers, rejected_offers, open_commitments, overdue_commitments (due before today),
 * feedback, open_escalations, lessons, unpaid (balances of the client's invoices in
 * currency), other_currency_unpaid (count of unpaid invoices in another currency),
 * latest_ask (the client's newest counter-demand in currency, or null). */
rd_err *store_case_facts(rd_store *st, int64_t case_id, const char *today, const char *currency,
                         json_t **out);
/* Money of one project: price, currency, paid, refunded, discounted, revisions (included),
 * revisions_used, extra_revision_price, minutes (time logged on the complaints about it),
 * other_currency_paid (payments on its invoices in another currency). */
rd_err *store_project_money(rd_store *st, int64_t project_id, json_t **out);

rd_err *store_offer_insert(rd_store *st, int64_t case_id, const char *currency, const char *now,
                           int64_t *id);
typedef struct rd_option_fields {
    int64_t offer_id, position;
    const char *kind, *detail, *due_on;
    const int64_t *amount, *percent_bp; /* NULL when not a money option */
    const char *revision_charge;        /* charge | waive | NULL */
} rd_option_fields;
rd_err *store_option_insert(rd_store *st, const rd_option_fields *f, int64_t *id);
rd_err *store_offer_get(rd_store *st, int64_t id, json_t **row); /* with "options" array */
rd_err *store_offer_list(rd_store *st, int64_t case_id, rd_page *page,
                         json_t **rows); /* +options */
/* status chosen|rejected|withdrawn; chosen and ask may be NULL. */
rd_err *store_offer_decide(rd_store *st, int64_t id, const char *status, const int64_t *chosen,
                           const int64_t *ask, const char *now);
/* The newest rejected offer of the case with its options, or *row NULL. */
rd_err *store_offer_last_rejected(rd_store *st, int64_t case_id, json_t **row);

rd_err *store_commitment_insert(rd_store *st, int64_t case_id, int64_t option_id, const char *text,
                                const char *due_on, const char *now, int64_t *id);
rd_err *store_commitment_get(rd_store *st, int64_t id, json_t **row);
/* case_id 0: every case; overdue_before non-NULL: only open ones due before that date. */
rd_err *store_commitment_list(rd_store *st, int64_t case_id, const char *overdue_before,
                              rd_page *page, json_t **rows);
rd_err *store_commitment_done(rd_store *st, int64_t id, const char *now);

rd_err *store_refund_insert(rd_store *st, int64_t case_id, int64_t project_id, const char *kind,
                            int64_t amount, const char *currency, const char *now, int64_t *id);
rd_err *store_refund_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_refund_list(rd_store *st, int pending_only, rd_page *page, json_t **rows);
rd_err *store_refund_paid(rd_store *st, int64_t id, const char *paid_at);

rd_err *store_followup_insert(rd_store *st, int64_t case_id, const char *kind, const char *due_on,
                              const char *now, int64_t *id);
rd_err *store_followup_get(rd_store *st, int64_t id, json_t **row);
/* due_by non-NULL: only open follow-ups due on or before that date. */
rd_err *store_followup_list(rd_store *st, const char *due_by, rd_page *page, json_t **rows);
rd_err *store_followup_done(rd_store *st, int64_t id, const char *outcome, const char *now);

rd_err *store_feedback_insert(rd_store *st, int64_t case_id, int64_t score, const char *text,
                              const char *now, int64_t *id);

rd_err *store_lesson_insert(rd_store *st, int64_t case_id, const char *what, const char *change,
                            int64_t made, const char *now, int64_t *id);
rd_err *store_lesson_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_lesson_list(rd_store *st, int open_only, rd_page *page, json_t **rows);
rd_err *store_lesson_done(rd_store *st, int64_t id, const char *now);

rd_err *store_escalation_insert(rd_store *st, int64_t case_id, const char *level,
                                const char *reason, const char *mediator, const char *date,
                                const char *now, int64_t *id);
rd_err *store_escalation_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_escalation_list(rd_store *st, int64_t case_id, json_t **rows);
rd_err *store_escalation_outcome(rd_store *st, int64_t id, const char *outcome, const char *now);

/* ---------------------------------------------------------------- next step and today */
/* Public reviews about a case: 1 when it arrived on the review channel, plus later incoming log
 * entries on that channel. */
rd_err *store_case_reviews(rd_store *st, int64_t case_id, int64_t *n);
/* Records that the user re-read the client's earlier messages (P7). */
rd_err *store_case_set_reread(rd_store *st, int64_t id, const char *now);
/* Sets the date until which the client gets extra care after the fix (P9). */
rd_err *store_case_set_watch(rd_store *st, int64_t id, const char *until, const char *now);
/* Changes a follow-up's kind and due date; NULL leaves one as it is. */
rd_err *store_followup_update(rd_store *st, int64_t id, const char *kind, const char *due_on);
/* The ids of the invoices with this number (unique per project, so possibly several). */
rd_err *store_invoice_ids_by_number(rd_store *st, const char *number, json_t **rows);
/* Sets (or with until NULL clears) the date a pause is meant to end. */
rd_err *store_case_set_pause_until(rd_store *st, int64_t id, const char *until, const char *now);
/* The open items of a case by id: {offer (newest open offer), commitment (earliest due open
 * one), followup (earliest due open one), escalation (oldest without an outcome), last_offer},
 * each null when there is none. *out is the caller's. */
rd_err *store_case_open_ids(rd_store *st, int64_t case_id, json_t **out);
/* How many commitments and follow-ups of the case are open past their date (today). */
rd_err *store_case_overdue(rd_store *st, int64_t case_id, const char *today, int64_t *n);
/* Records a write-off or credit note (kind) lowering an invoice's balance by amount. */
rd_err *store_invoice_adjust(rd_store *st, int64_t invoice_id, const char *kind, int64_t amount,
                             const char *number, const char *reason, const char *now, int64_t *id);
/* Sets escalations.final_proposal or escalations.weighed (field names which) of escalation id. */
rd_err *store_escalation_set(rd_store *st, int64_t id, const char *field, const char *text);
/* What a case cost the user: {minutes (time logged on it), money (refunds and discounts granted
 * on it in currency)}. */
rd_err *store_case_cost(rd_store *st, int64_t case_id, const char *currency, json_t **out);
/* Sets a lesson's stock-taking (P11); NULL leaves a field as it is. */
rd_err *store_lesson_set_stock(rd_store *st, int64_t id, const int64_t *minutes,
                               const int64_t *amount, const char *currency,
                               const char *differently);
/* One case's follow-ups (by date), feedback and lessons, for the whole case (case show). */
rd_err *store_case_followups(rd_store *st, int64_t case_id, json_t **rows);
rd_err *store_case_feedback(rd_store *st, int64_t case_id, json_t **rows);
rd_err *store_case_lessons(rd_store *st, int64_t case_id, json_t **rows);

/* ---------------------------------------------------------------- amendments (store_amend.c)
 * Mistakes put right without editing history. */
/* What the client still owes per currency, written-off and credited amounts left out:
 * {currency, owed, invoices}. */
rd_err *store_client_owed(rd_store *st, int64_t client_id, json_t **rows);
/* Records an amendment of one agreed term (field: price, currency, revisions or
 * extra_revision_price; values as stored, text) and sets the project's column to new_value. */
rd_err *store_project_amend(rd_store *st, int64_t project_id, const char *field,
                            const char *old_value, const char *new_value, const char *reason,
                            const char *now, int64_t *id);
/* A project's amendments, oldest first, with project_title. */
rd_err *store_project_amendments(rd_store *st, int64_t project_id, json_t **rows);
/* How many invoices, refunds and offers carry amounts in the project's currency. */
rd_err *store_project_invoiced(rd_store *st, int64_t project_id, int64_t *n);
/* One revision with project_title, client_id, currency and price (the project's extra revision
 * price); RD_NOT_FOUND when none. */
rd_err *store_revision_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_revision_reverse(rd_store *st, int64_t id, const char *reason, const char *now);
/* One log entry's plain columns; RD_NOT_FOUND naming "entry" when none. */
rd_err *store_log_entry(rd_store *st, int64_t id, json_t **row);
rd_err *store_log_correction_insert(rd_store *st, int64_t log_id, int64_t corrects_id,
                                    const char *now);
/* The corrections among a case's log entries (case_id), else a client's: {log_id,
 * corrects_id, created_at}, oldest first. */
rd_err *store_log_corrections(rd_store *st, int64_t case_id, int64_t client_id, json_t **rows);
/* A part of commitment parent_id (same case and option) with its own text and date. */
rd_err *store_commitment_part_insert(rd_store *st, int64_t parent_id, const char *text,
                                     const char *due_on, const char *now, int64_t *id);
/* The parts of a commitment, by date. */
rd_err *store_commitment_parts(rd_store *st, int64_t parent_id, json_t **rows);

/* ---------------------------------------------------------------- mail (store_mail.c) */
typedef struct rd_mail_fields {
    int64_t log_id;         /* the log entry holding subject and body */
    const char *message_id; /* without <>, or "blake2b:HEX" when the message has none */
    const char *from_addr, *from_name, *to_addrs, *cc_addrs; /* may be NULL */
    const char *in_reply_to, *refs;                          /* may be NULL */
    const char *source;                                      /* file and position, or "sent" */
} rd_mail_fields;

/* *known is true when a message with this id (or content hash) was recorded already. */
rd_err *store_mail_known(rd_store *st, const char *message_id, bool *known);
rd_err *store_mail_insert(rd_store *st, const rd_mail_fields *f, const char *now, int64_t *id);
/* The message recorded for log entry log_id, or *row NULL. */
rd_err *store_mail_of_log(rd_store *st, int64_t log_id, json_t **row);
/* The case of the client's message with this id: 0 when unknown or not on a case. */
rd_err *store_mail_case_of(rd_store *st, const char *message_id, int64_t client_id,
                           int64_t *case_id);
/* The client's newest incoming message that has a Message-ID, preferring case_id's (0: any): {message_id, refs,
 * subject}, or *row NULL when there is none. */
rd_err *store_mail_last_from_client(rd_store *st, int64_t client_id, int64_t case_id, json_t **row);
/* The client whose email is addr (any case), *client_id 0 when none. */
rd_err *store_client_by_email(rd_store *st, const char *addr, int64_t *client_id);
/* Cases of the client neither closed nor terminated: how many, and the newest id. */
rd_err *store_client_open_cases(rd_store *st, int64_t client_id, int64_t *count, int64_t *newest);

/* Attachment bytes are kept once per BLAKE2b hash (hex); putting known bytes again is a no-op. */
rd_err *store_blob_put(rd_store *st, const char *hash, const void *data, size_t size);
/* *data is the caller's (free()); RD_NOT_FOUND when no such bytes are kept. */
rd_err *store_blob_get(rd_store *st, const char *hash, void **data, size_t *size);
typedef struct rd_attachment_fields {
    int64_t client_id, case_id, log_id; /* case_id and log_id 0 when none */
    const char *hash, *name, *type;
    size_t size;
} rd_attachment_fields;
rd_err *store_attachment_insert(rd_store *st, const rd_attachment_fields *f, const char *now,
                                int64_t *id);
rd_err *store_attachment_get(rd_store *st, int64_t id, json_t **row); /* RD_NOT_FOUND if none */
rd_err *store_attachment_list(rd_store *st, int64_t case_id, json_t **rows);

/* Full-text search (FTS5) over log subjects and bodies, concerns and attachment names. */
typedef struct rd_search_query {
    const char *match;          /* FTS5 query text */
    int64_t client_id, case_id; /* 0: any */
    const char *since;          /* ISO time or NULL */
    int64_t limit;              /* rows at most */
} rd_search_query;
#define STORE_SEARCH_WINDOW 1000 /* matches ranked: the newest this many */
/* Best match first among the newest STORE_SEARCH_WINDOW matches: {kind (log|concern|attachment), ref, client_id, case_id, at, subject,
 * title, snippet, rank}; matches in title and snippet are wrapped in \x02 … \x03. A query FTS5
 * cannot read is RD_INVALID naming the query, never SQLite's message. */
rd_err *store_search(rd_store *st, const rd_search_query *q, json_t **rows);

/* Bulk writing (desk_generate): inside a batch (store_batch_begin), stops the search index
 * following each new log entry, concern and attachment until the batch ends; store_batch_end
 * then indexes every row written since in one statement and restores the index's triggers
 * before it commits. FTS5 writes its pending terms out at every statement's savepoint, so
 * indexing row by row cost a third of generating a desk. A batch that fails rolls both back. */
rd_err *store_search_defer(rd_store *st);

/* The SMTP outbox: one row per log entry sent by mail, a released draft's (draft_id) or a
 * letter's (draft_id 0, stored NULL). */
rd_err *store_outbox_insert(rd_store *st, int64_t draft_id, int64_t log_id, const char *message_id,
                            const char *rcpt, const char *now, int64_t *id);
rd_err *store_outbox_get(rd_store *st, int64_t draft_id, json_t **row);  /* NULL row: none */
rd_err *store_outbox_of_log(rd_store *st, int64_t log_id, json_t **row); /* NULL row: none */
/* The deliveries of case case_id's log entries, {log_id, status, rcpt, attempts, answer,
 * sent_at, updated_at} by log_id (one read for a case page, through the log's case index and
 * the outbox's unique log_id); *rows is the caller's. */
rd_err *store_outbox_of_case(rd_store *st, int64_t case_id, json_t **rows);
/* One log entry as something to send: {id, client_id, case_id, direction, channel, at,
 * subject, body, draft_id (the draft released as it, or null)}; RD_NOT_FOUND naming the entry
 * when there is none. */
rd_err *store_log_sent_get(rd_store *st, int64_t id, json_t **row);
/* The attachments recorded with log entry log_id (a message's files, a letter's PDF), by id. */
rd_err *store_attachments_of_log(rd_store *st, int64_t log_id, json_t **rows);
/* Records one delivery attempt: sent or failed with the server's answer. */
rd_err *store_outbox_result(rd_store *st, int64_t id, bool sent, const char *answer,
                            const char *now);

/* ---------------------------------------------------------------- backup */
/* Copies the open database, as one consistent snapshot, into a new file at path (mode 0600;
 * RD_IO when it exists). Writers in other processes are not held up. On error nothing is left
 * at path. */
rd_err *store_backup(rd_store *st, const char *path);
/* The SQLite library version the store runs with ("3.40.1"); static storage. */
const char *store_lib_version(void);

/* ---------------------------------------------------------------- the client's side
 * Portal links and what the client did through them, anonymous surveys, public reviews and
 * testimonials (store_portal.c). Token hashes are 64 hex digits; tokens are never stored. */
rd_err *store_portal_link_insert(rd_store *st, int64_t case_id, const char *token_hash,
                                 const char *expires_at, const char *now, int64_t *id);
/* *row NULL when no link has that hash. */
rd_err *store_portal_link_by_hash(rd_store *st, const char *token_hash, json_t **row);
rd_err *store_portal_link_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_portal_link_touch(rd_store *st, int64_t id, const char *now);
rd_err *store_portal_link_revoke(rd_store *st, int64_t id, const char *now);
rd_err *store_portal_link_list(rd_store *st, int64_t case_id, rd_page *page, json_t **rows);

typedef struct rd_portal_event {
    int64_t case_id, link_id;
    const char *kind;    /* confirmed corrected chose proposed commitment_met … feedback */
    const char *summary; /* one line in the user's words */
    int64_t log_id;      /* the log entry, 0 when none */
} rd_portal_event;
rd_err *store_portal_event_insert(rd_store *st, const rd_portal_event *ev, const char *now,
                                  int64_t *id);
/* unseen: oldest first, only those not yet seen; else newest first. */
rd_err *store_portal_event_list(rd_store *st, int unseen, rd_page *page, json_t **rows);
/* Marks one event (id 0: every unseen one) seen; *changed counts them. */
rd_err *store_portal_event_seen(rd_store *st, int64_t id, const char *now, int64_t *changed);
rd_err *store_commitment_answer_insert(rd_store *st, int64_t commitment_id, int met,
                                       const char *words, const char *now, int64_t *id);
rd_err *store_commitment_answers(rd_store *st, int64_t case_id, json_t **rows);
rd_err *store_feedback_count(rd_store *st, int64_t case_id, int64_t *n);

rd_err *store_survey_insert(rd_store *st, const char *from, const char *to, int64_t min_responses,
                            int64_t invited, const char *now, int64_t *id);
rd_err *store_survey_question_insert(rd_store *st, int64_t survey_id, int64_t position,
                                     const char *text);
rd_err *store_survey_token_insert(rd_store *st, int64_t survey_id, const char *token_hash);
/* *survey_id 0 when the token is not (or no longer) in the pool. */
rd_err *store_survey_token_find(rd_store *st, const char *token_hash, int64_t *survey_id);
rd_err *store_survey_token_burn(rd_store *st, const char *token_hash);
rd_err *store_survey_response_insert(rd_store *st, int64_t id, int64_t survey_id, const char *day,
                                     int64_t score, const char *answers);
/* The survey with "responses" and "unused" counts. */
rd_err *store_survey_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_survey_list(rd_store *st, rd_page *page, json_t **rows);
rd_err *store_survey_questions(rd_store *st, int64_t survey_id, json_t **rows);
/* In stored (random) order: {day, score, answers}. */
rd_err *store_survey_responses(rd_store *st, int64_t survey_id, json_t **rows);
rd_err *store_survey_close(rd_store *st, int64_t id, const char *now);
/* Active clients with work between from and to (YYYY-MM-DD): {id, name, email}, by name. */
rd_err *store_survey_clients(rd_store *st, const char *from, const char *to, json_t **rows);
/* Deleted content overwritten with zeros on this connection from now on (on) or not. */
rd_err *store_secure_delete(rd_store *st, int on);
/* Copies the write-ahead log into the database and truncates it; outside any transaction. */
rd_err *store_checkpoint(rd_store *st);

typedef struct rd_review_fields {
    int64_t client_id, case_id, threat_log_id; /* 0 when unknown */
    const char *platform, *text, *link, *posted_on;
    const int64_t *rating; /* NULL when the platform has no stars */
} rd_review_fields;
rd_err *store_review_insert(rd_store *st, const rd_review_fields *f, const char *now, int64_t *id);
rd_err *store_review_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_review_list(rd_store *st, rd_page *page, json_t **rows);
rd_err *store_review_set_reply(rd_store *st, int64_t id, const char *reply, const char *checked_at);
rd_err *store_review_reply_posted(rd_store *st, int64_t id, const char *now);
/* The client's newest incoming message in which triage found a review threat (0: none). */
rd_err *store_review_threat(rd_store *st, int64_t client_id, int64_t *log_id);

/* The client's best closed case with feedback of 4 or 5 while they are still a client (case_id
 * 0: any case): {case_id, score}, or *row NULL. */
rd_err *store_closed_well(rd_store *st, int64_t client_id, int64_t case_id, json_t **row);
rd_err *store_testimonial_insert(rd_store *st, int64_t client_id, int64_t case_id,
                                 const char *request, const char *now, int64_t *id);
rd_err *store_testimonial_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_testimonial_list(rd_store *st, rd_page *page, json_t **rows);
rd_err *store_testimonial_answer(rd_store *st, int64_t id, const char *answer, const char *quote,
                                 const char *where, const char *now);
/* ---------------------------------------------------------------- exports, calendar, reports
 * (store_docs.c) */
extern const char
    *const store_export_tables[]; /* clients projects cases invoices payments time refunds */
rd_err *store_export_page(rd_store *st, const char *name, rd_page *page, json_t **rows);
/* {kind, id, date, at, what, client, case_id} for every open dated thing, by date. */
rd_err *store_calendar_events(rd_store *st, json_t **rows);
rd_err *store_calendar_token_insert(rd_store *st, const char *name, const char *hash,
                                    const char *now, int64_t *id);
rd_err *store_calendar_token_by_hash(rd_store *st, const char *hash, json_t **row);
rd_err *store_calendar_token_get(rd_store *st, int64_t id, json_t **row);
rd_err *store_calendar_token_revoke(rd_store *st, int64_t id, const char *now);
rd_err *store_calendar_token_list(rd_store *st, json_t **rows);
/* The raw figures of a report over cases received from..to (see desk_report). */
rd_err *store_report(rd_store *st, const char *from, const char *to, json_t **out);
/* ---------------------------------------------------------------- accounts (010_accounts.sql)
 * Only hashes of secrets come here: the desk hashes session ids and tokens before asking. */
/* RD_CONFLICT when the name is taken (names compare without case). pass_hash may be NULL. */
rd_err *store_user_insert(rd_store *st, const char *name, const char *pass_hash, const char *now,
                          int64_t *id);
/* {id, name, pass_hash, removed_at} or *row NULL when there is no such user. */
rd_err *store_user_find(rd_store *st, const char *name, json_t **row);
/* {id, name, removed_at} of user id (its primary key), or *row NULL when there is none. */
rd_err *store_user_get(rd_store *st, int64_t id, json_t **row);
/* Users who may sign in (not removed). */
rd_err *store_user_count(rd_store *st, int64_t *n);
/* The users, those who may sign in first, by name, a page at a time: {id, name, has_password
 * (0/1), created_at, removed_at, sessions (live at now)}. *rows is the caller's. */
rd_err *store_user_list(rd_store *st, const char *now, rd_page *page, json_t **rows);
/* Sets the user's password hash; a removed user is back. */
rd_err *store_user_password(rd_store *st, int64_t id, const char *pass_hash);
/* Removes the user at now: no password, no sessions; the row stays for the record. */
rd_err *store_user_remove(rd_store *st, int64_t id, const char *now);
rd_err *store_session_insert(rd_store *st, const char *id_hash, int64_t user_id, const char *csrf,
                             const char *now, const char *expires);
/* {user_id, name, csrf} of a session not expired at now, or *row NULL. */
rd_err *store_session_find(rd_store *st, const char *id_hash, const char *now, json_t **row);
/* Ends the session, and forgets every session expired at now. */
rd_err *store_session_delete(rd_store *st, const char *id_hash, const char *now);
rd_err *store_token_insert(rd_store *st, const char *name, const char *token_hash, const char *now,
                           int64_t *id);
/* {id, name} of a token not revoked, or *row NULL. */
rd_err *store_token_find(rd_store *st, const char *token_hash, json_t **row);
/* The tokens by id, a page at a time: {id, name, created_at, revoked_at}; *rows the caller's. */
rd_err *store_token_list(rd_store *st, rd_page *page, json_t **rows);
/* RD_NOT_FOUND when there is no such token or it was revoked already. */
rd_err *store_token_revoke(rd_store *st, int64_t id, const char *now);
/* Records a failed sign-in, forgetting failures older than forget_before. */
rd_err *store_signin_failure_add(rd_store *st, const char *account, const char *address,
                                 const char *now, const char *forget_before);
/* Failed sign-ins since the time given, for the account and for the address. */
rd_err *store_signin_failures(rd_store *st, const char *account, const char *address,
                              const char *since, int64_t *by_account, int64_t *by_address);
rd_err *store_signin_failures_clear(rd_store *st, const char *account);

#endif
