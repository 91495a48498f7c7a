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

#include "util/page.h"
#include "util/util.h"

/* The store the desk keeps its data in (store/store.h). Front doors never see inside it: main.c
 * opens it, the desk uses it, and everything a front door exchanges with the desk is a type of
 * this header or util (scripts/lint-layers checks that this header includes no store). */
typedef struct rd_store rd_store;

/* Size limits on user input. */
#define DESK_MAX_NAME  200
#define DESK_MAX_FIELD 2000
#define DESK_MAX_NOTES 20000
#define DESK_MAX_TEXT  ((size_t)1 << 20) /* 1 MiB: the client's words, a message body */

/* ---------------------------------------------------------------- paging every list
 * Each list below takes an rd_page (util/page.h) and returns one page: at most page->limit rows
 * (1 … RD_PAGE_MAX) in the list's fixed order, starting after the row whose id is page->after
 * (0: the first page). On return page->next is the cursor of the following page, or 0 when
 * this page was the last. Loop until next is 0 to read everything:
 *
 *     rd_page pg = {.limit = 50};
 *     do { json_t *rows; e = desk_case_list(d, NULL, NULL, &pg, &rows); …; pg.after = pg.next; }
 *     while (!e && pg.after);
 *
 * The cursor is the last row's id (keyset paging, never OFFSET): a page costs what it shows at
 * any desk size, and rows added between two calls neither repeat nor shift the rest. Sorting and
 * filtering happen in SQL. A cursor naming no row of that kind, or a limit out of range, is
 * refused (RD_INVALID naming "after" or "limit"). page NULL (or limit 0) returns every row:
 * for small internal lists only, never for a front door. */

typedef struct rd_desk {
    rd_store *st;      /* borrowed: the caller opens and closes the store */
    const char *actor; /* who is acting, for the audit trail; borrowed */
} rd_desk;

/* Several operations, and the reads that show their result, as one transaction: all land or
 * none does, so a front door never reports a failure for a write that happened. Use as:
 *     e = desk_batch_begin(d); if (!e) e = desk_batch_end(d, write_then_read(d)); */
rd_err *desk_batch_begin(rd_desk *d);
/* Commits when e is NULL, else rolls back every operation since desk_batch_begin; returns e. */
rd_err *desk_batch_end(rd_desk *d, rd_err *e);

/* ---------------------------------------------------------------- clients */
typedef struct desk_client_input {
    const char *name;  /* required to add; NULL on edit leaves the field as it is */
    const char *email; /* "" on edit clears the field */
    const char *phone;
    const char *company;
    const char *notes;
    const char *status; /* edit only: active | terminated */
} desk_client_input;

rd_err *desk_client_add(rd_desk *d, const desk_client_input *in, int64_t *id);
/* Changes the fields that are not NULL; "" clears an optional field. */
rd_err *desk_client_edit(rd_desk *d, int64_t id, const desk_client_input *in);
/* The client with projects, cases, and owed: what they still owe per currency ({currency,
 * owed, invoices}; written-off and credited amounts are not owed). */
rd_err *desk_client_get(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_client_list(rd_desk *d, rd_page *page, json_t **out); /* by name */

/* ---------------------------------------------------------------- projects */
typedef struct desk_project_input {
    const char *client; /* client id, as typed */
    const char *title;
    const char *scope;
    const char *deliverables;
    const char *deadline;      /* YYYY-MM-DD */
    const char *price;         /* "1,250.50" */
    const char *currency;      /* ISO 4217; default the currency setting */
    const char *payment_terms; /* days; default 30 */
    const char *revisions;     /* included revisions; default 2 */
    const char *extra_revision_price;
} desk_project_input;

rd_err *desk_project_add(rd_desk *d, const desk_project_input *in, int64_t *id);
/* The project row plus agreed (the price, currency, revisions and extra_revision_price as first
 * agreed, before any amendment) and amendments (oldest first). */
rd_err *desk_project_get(rd_desk *d, int64_t id, json_t **out);
/* What may change in a project once agreed; NULL leaves a field as it is. */
typedef struct desk_project_change {
    const char *title, *scope, *deliverables, *deadline, *status;
} desk_project_change;
/* Changes a project's title, scope, deliverables, deadline ("" clears the last three) or status
 * (active, delivered, cancelled). The price, currency and revision policy stay as agreed: they
 * are what invoices and offers were measured against. */
rd_err *desk_project_edit(rd_desk *d, int64_t id, const desk_project_change *in);
/* client_id 0: every client's; by id. */
rd_err *desk_project_list(rd_desk *d, int64_t client_id, rd_page *page, json_t **out);

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
/* The whole case: the case row with its client's contact details, the log entries (with what
 * triage read, and corrects / corrected_by: the corrections among them), attachments, and under
 * their own keys concerns, offers (with options and outcome), commitments (parts carry
 * parent_id), overdue (commitments past due), followups, escalations, feedback, lessons and
 * drafts; with a project, also its amendments and the terms as first agreed (agreed). */
rd_err *desk_case_get(rd_desk *d, int64_t id, json_t **out);
/* status, stage NULL: any; newest received first. Each row carries overdue: the commitments and
 * follow-ups of the case open past their date. */
rd_err *desk_case_list(rd_desk *d, const char *status, const char *stage, rd_page *page,
                       json_t **out);

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
/* One client's log, oldest first. */
rd_err *desk_log_list(rd_desk *d, int64_t client_id, rd_page *page, json_t **out);

/* ---------------------------------------------------------------- settings */
/* Keys: currency, cool_off_minutes, draft_hold_minutes, followup_days, risk_threshold,
 * hourly_cost, watch_weeks, and who is writing: me.name, me.business, me.address, me.email,
 * me.phone, me.voice (I or we). A setting never set has its default. *value is the caller's. */
rd_err *desk_config_get(rd_desk *d, const char *key, char **value);
rd_err *desk_config_int(rd_desk *d, const char *key, int64_t *out);
/* A money setting parsed in currency (the threshold "1000" is 1000 of the client's currency). */
rd_err *desk_config_money(rd_desk *d, const char *key, const char *currency, int64_t *minor);
rd_err *desk_config_set(rd_desk *d, const char *key, const char *value);
rd_err *desk_config_list(rd_desk *d, json_t **out);

/* Walk-away triggers (P16) that fire for a client: an array of {trigger, why, facts}, where
 * trigger is abuse, cost_exceeds_revenue or late_payments. Nothing happens by itself. */
rd_err *desk_walkaway_triggers(rd_desk *d, int64_t client_id, json_t **out);
/* What serving a client cost against what they paid (P16): {minutes (time logged), cost (at
 * hourly_cost), revenue (paid less refunded), currency (the user's), comparable (false when some
 * invoice is in another currency, so the two cannot be weighed)}. *out is the caller's. */
rd_err *desk_client_economics(rd_desk *d, int64_t client_id, json_t **out);

/* ---------------------------------------------------------------- playbook (P2–P14)
 * stages and guards, next step, concerns, restatement, offers, follow-through, lessons,
 * escalation. */

/* The stages of the resolution path in order, then the side states escalated and terminated.
 * Every operation below checks the case's stage against the table in playbook.c and refuses
 * out of order with RD_CONFLICT naming what must happen first; `override` (NULL when not given)
 * lets the user go ahead anyway, and the reason lands in the audit entry. */
extern const char *const desk_stages[];
extern const char *const desk_root_causes[];
extern const char *const desk_offer_kinds[];

/* Money arithmetic of the playbook. desk_percent_of gives bp basis points (1500 = 15%) of
 * base, rounded half away from zero to minor units. desk_amount_parse reads "200.00",
 * "200.00 GBP" or "15%" for currency: a percent sets *bp (1..10000) and *minor = -1, an amount
 * sets *minor and *bp = -1; naming another currency is an error (amounts are never mixed). */
int64_t desk_percent_of(int64_t base, int64_t bp);
rd_err *desk_amount_parse(const char *field, const char *text, const char *currency, int64_t *minor,
                          int64_t *bp);
/* Checks a due date: a real date, not before today (REDRESS_NOW fixes today in tests). */
rd_err *desk_due_check(const char *field, const char *text);

/* Listening (P4): records one concern; moves intake to listening. */
typedef struct desk_concern_input {
    const char *text; /* required */
    const char *specifics;
    const char *example;
} desk_concern_input;
rd_err *desk_concern_add(rd_desk *d, int64_t case_id, const desk_concern_input *in,
                         const char *override, int64_t *id);
/* The concerns recorded on a case, oldest first: {id, text, specifics, example, …}. */
rd_err *desk_concern_list(rd_desk *d, int64_t case_id, json_t **out);
/* Acknowledgement and apology sent (P5): logged out on channel (default the case's channel)
 * with text (may be NULL); moves listening to acknowledged. *log_id is the log entry. */
rd_err *desk_case_acknowledge(rd_desk *d, int64_t case_id, const char *text, const char *channel,
                              const char *override, int64_t *log_id);
/* What the acknowledgement text could add (P5): an array of hints, today whether it gives the
 * client the user's direct contact details (with the me.phone / me.email settings as an
 * example). Empty for blank text. *out is the caller's. */
rd_err *desk_ack_hints(rd_desk *d, const char *text, json_t **out);
/* The real problem (P6). *agreed (caller's) is what the project agreed (P20): scope,
 * deliverables, deadline, price, currency, revisions, extra_revision_price, or null fields
 * when the case has no project, plus "expectation_set" (true when scope or deliverables were
 * written down). */
rd_err *desk_case_cause(rd_desk *d, int64_t case_id, const char *root, const char *notes,
                        const char *override, json_t **agreed);
/* Drafts the restatement (P7) from want, goal and the concerns, stores it unconfirmed and logs
 * it out for confirmation. *draft is the caller's. */
rd_err *desk_case_want(rd_desk *d, int64_t case_id, const char *want, const char *goal,
                       const char *override, char **draft);
/* Records the answer to the restatement: by is client (default) or user. A correction replaces
 * the want, logs the new draft and leaves it unconfirmed; *draft (caller's) is then the new
 * draft, else NULL. */
rd_err *desk_case_confirm(rd_desk *d, int64_t case_id, const char *by, const char *correction,
                          const char *override, char **draft);
/* desk_case_want and desk_case_confirm that also give the restatement's log entry in *log_id
 * (untouched when none is logged), for sending it (desk_letter_send). */
rd_err *desk_case_want_logged(rd_desk *d, int64_t case_id, const char *want, const char *goal,
                              const char *override, char **draft, int64_t *log_id);
rd_err *desk_case_confirm_logged(rd_desk *d, int64_t case_id, const char *by,
                                 const char *correction, const char *override, char **draft,
                                 int64_t *log_id);
/* What the user heard on a call: hostility 0-3, the rest yes|no; NULL leaves a flag alone. */
typedef struct desk_flag_input {
    const char *hostility, *abuse, *legal_threat, *review_threat, *refund_demand, *payment_refusal;
} desk_flag_input;
rd_err *desk_case_flag(rd_desk *d, int64_t case_id, const desk_flag_input *in);
/* Pauses contact (P14) with a reason, and resumes it. While paused nothing goes out to the
 * client. */
rd_err *desk_case_pause(rd_desk *d, int64_t case_id, const char *reason);
typedef struct desk_pause_input {
    const char *reason;   /* required */
    const char *until;    /* YYYY-MM-DD after today when contact is meant to resume, or NULL */
    const char *message;  /* a boundary message sent as the pause starts (tone-checked, held by
                             the cool-off like any reply), or NULL */
    const char *override; /* reason to send the message despite the tone check or cool-off */
} desk_pause_input;
/* The pause with a resume date and a boundary message; *log_id (may be NULL) is the message's
 * log entry or 0. */
rd_err *desk_case_pause_with(rd_desk *d, int64_t case_id, const desk_pause_input *in,
                             int64_t *log_id);
rd_err *desk_case_resume(rd_desk *d, int64_t case_id);
/* Takes stock (P11): lesson and change are required unless overridden; change_made yes|no. */
typedef struct desk_close_input {
    const char *lesson, *change, *change_made;
} desk_close_input;
rd_err *desk_case_close(rd_desk *d, int64_t case_id, const desk_close_input *in,
                        const char *override, int64_t *lesson_id);
/* The escalation (P12) and walk-away (P16) triggers that fire for a case: an array of
 * {trigger, kind: escalation|walk_away, why, facts}. Suggestions only. *out is the caller's. */
rd_err *desk_case_triggers(rd_desk *d, int64_t case_id, json_t **out);
/* The recommended next step: {case_id, stage, status, step, why, actions[], pause_until,
 * boundary_message (null, or our words for a boundary message on abuse), cool_off_until,
 * questions[], call_instead (null or {why, action}), suggested_root_cause, overdue[],
 * triggers[] (empty on a closed case), contact{}}. *out is the caller's.
 *
 * An action is {action, case, params, inputs}: the name of the operation, the case, the ids and
 * values already known (params), and what the user still has to give (inputs: [{name, hint}]).
 * The first action is the recommended one. Names, with their params:
 *   concern.add, case.acknowledge, case.cause, case.reread, case.want, case.confirm {by},
 *   case.correct (case.confirm with a correction), case.pause, case.resume, case.show, case.next,
 *   case.close, offer.make, offer.choose {offer}, offer.reject {offer}, offer.list,
 *   commitment.done {commitment}, commitment.list, followup.add {kind}, followup.done
 *   {followup}, feedback.record, lesson.list {open}, escalation.outcome {escalation};
 *   and in `today` also invoice.remind {invoice: its number}, draft.release {draft} and
 *   portal.seen {event} (what a client did on their portal page).
 * Each maps to the desk function of the same name (offer.make → desk_offer_make). */
rd_err *desk_case_next(rd_desk *d, int64_t case_id, json_t **out);
/* The step an error names first (e->action: one of the names above, or legal.checklist,
 * draft.edit {draft}, draft.release {draft}, client.edit {client}, config.set, config.list) as
 * an action object like those of desk_case_next, or NULL when e names none. Front doors render
 * it beside the message. The caller owns the result. */
json_t *desk_err_action(const rd_err *e);

/* Offers (P8). Each option is "KIND:DETAIL:DUE" (see docs/playbook.md). The report (caller's)
 * carries the parsed options, the margin before and after each, the meet-halfway figure after a
 * rejected offer with an ask, and the revisions beyond policy. With dry_run nothing is saved
 * and *id is 0. */
typedef struct desk_offer_input {
    const char *const *options;
    int noptions;
    const char *revision_charge; /* charge | waive | NULL */
    int dry_run;
} desk_offer_input;
rd_err *desk_offer_make(rd_desk *d, int64_t case_id, const desk_offer_input *in,
                        const char *override, json_t **report, int64_t *id);
/* The client chose option N: commitments and refund-ledger rows are created (P9). *out
 * (caller's, may be NULL) lists the commitments made. */
rd_err *desk_offer_choose(rd_desk *d, int64_t offer_id, const char *option, const char *override,
                          json_t **out);
/* The client rejected the offer, optionally asking for an amount (their counter-demand). */
rd_err *desk_offer_reject(rd_desk *d, int64_t offer_id, const char *ask, const char *override);
rd_err *desk_offer_list(rd_desk *d, int64_t case_id, rd_page *page, json_t **out);

/* Following through (P9, P10). Marking the last open commitment done schedules a follow-up
 * followup_days later; *followup_id is it, or 0. */
/* case_id 0: every case; earliest due first. */
rd_err *desk_commitment_list(rd_desk *d, int64_t case_id, int overdue, rd_page *page, json_t **out);
rd_err *desk_commitment_done(rd_desk *d, int64_t id, const char *override, int64_t *followup_id);
rd_err *desk_refund_list(rd_desk *d, int pending, rd_page *page, json_t **out);
rd_err *desk_refund_paid(rd_desk *d, int64_t id, const char *on);
rd_err *desk_followup_list(rd_desk *d, int due, rd_page *page, json_t **out);
rd_err *desk_followup_done(rd_desk *d, int64_t id, const char *outcome, const char *override);
rd_err *desk_feedback_record(rd_desk *d, int64_t case_id, const char *score, const char *text,
                             const char *override, int64_t *id);
rd_err *desk_lesson_list(rd_desk *d, int open, rd_page *page, json_t **out);
rd_err *desk_lesson_done(rd_desk *d, int64_t id);

/* Escalation (P13): level internal|mediation|legal; date YYYY-MM-DD or NULL. The case moves to
 * escalated; recording the outcome returns it to where it was. */
typedef struct desk_escalate_input {
    const char *level, *reason, *mediator, *date;
    const char *weighed; /* legal only: how the relationship and the reputational cost were
                            weighed, not only the money (P13); required unless overridden */
} desk_escalate_input;
rd_err *desk_escalate(rd_desk *d, int64_t case_id, const desk_escalate_input *in,
                      const char *override, int64_t *id);
rd_err *desk_escalation_outcome(rd_desk *d, int64_t id, const char *text, const char *override);
/* Records the final meet-halfway proposal made at a mediation (P13); mediation only, and only
 * while it has no outcome. */
rd_err *desk_escalation_proposal(rd_desk *d, int64_t id, const char *text);
/* The escalations of a case (case_id > 0), oldest first. *out is the caller's. */
rd_err *desk_escalation_list(rd_desk *d, int64_t case_id, json_t **out);
/* What to weigh before the legal step (P13), for the case: {money_at_risk, currency, since
 * (first project), projects, complaints, review_threat, public_review, questions[]}. */
rd_err *desk_legal_checklist(rd_desk *d, int64_t case_id, json_t **out);
/* Adds to a lesson what the user will do differently themselves (P11, taking stock). */
rd_err *desk_lesson_differently(rd_desk *d, int64_t lesson_id, const char *text);

/* ---------------------------------------------------------------- day to day */
/* What needs attention today, in sections, most urgent first. Each section is one keyset page
 * of an index of what is still open, so the view costs what it shows on any desk:
 *   commitments  open commitments past due (kind commitment_overdue)
 *   from_client  what clients did on their portal page, until seen (from_client)
 *   followups    follow-ups due today or late (followup_due)
 *   invoices     invoices past due with a balance (invoice_overdue)
 *   triggers     open cases flagged abuse, legal or review threat: their triggers (trigger)
 *   drafts       drafts on open cases whose hold ends by tomorrow (draft_ready, hold_ends)
 *   pauses       paused cases whose resume date has come (pause_ends)
 *   cases        open cases, oldest first: the triggers of unflagged ones (trigger), the
 *                cool-off (cool_off), then the next step (next_step) or what the client owes
 *                (waiting)
 *   watch        clients under extra care after a fix (watch)
 * An item is {section, kind, urgency, days, case_id, client_id, client_name, text, date,
 * action}; action is an action object (see desk_case_next) or null. In triggers and cases the
 * page counts cases, each giving one item or more. NULL-terminated, in the order shown. */
extern const char *const desk_today_sections[];
/* One page of one section (a name from desk_today_sections): {section, title, items, more,
 * next}; more is how many rows follow the page, counted up to RD_MORE_MAX (that many means
 * at least that many), next the cursor of the following page (page->next too) or 0. An unknown
 * section or a limit outside 1 … RD_PAGE_MAX is refused naming the field. *out is the caller's. */
rd_err *desk_today_section(rd_desk *d, const char *section, rd_page *page, json_t **out);
/* The first page of every section, at most limit rows each (1 … RD_PAGE_MAX): {date, count,
 * items: [every section's items, in section order], sections: [{section, title, shown, more,
 * next}]}; count is the items shown plus every section's more. *out is the caller's. */
rd_err *desk_today_view(rd_desk *d, int64_t limit, json_t **out);
/* Schedules a follow-up (P3: the call instead of an email; P9): kind call|meeting|message
 * (default message), due YYYY-MM-DD not in the past. */
rd_err *desk_followup_add(rd_desk *d, int64_t case_id, const char *kind, const char *due,
                          int64_t *id);
/* Moves an open follow-up or changes its kind; NULL leaves a field as it is. */
rd_err *desk_followup_edit(rd_desk *d, int64_t id, const char *kind, const char *due);
/* Before restating (P7): the client's incoming messages, oldest first, and records that the
 * user re-read them. *out is the caller's. */
rd_err *desk_case_reread(rd_desk *d, int64_t case_id, json_t **out);

/* ---------------------------------------------------------------- money and walking away
 * invoices, demand letters, time, termination, screening, revisions (P15–P18, P21). */

/* Today's local calendar date, YYYY-MM-DD (REDRESS_NOW applies). */
void desk_today(rd_timestr out);
/* Whole days from date a to date b (both YYYY-MM-DD, already valid): b - a. */
int64_t desk_days_between(const char *a, const char *b);
/* date (YYYY-MM-DD, already valid) plus n days, as YYYY-MM-DD. */
void desk_date_plus(const char *date, int64_t n, rd_timestr out);
/* text re-flowed to lines of at most width code points (list lines "- " keep a hanging
 * indent); the caller frees it. Letters and notices are plain text meant to be read as is. */
char *desk_wrap(const char *text, size_t width);
/* Parses an amount typed by a person in currency, accepting an optional trailing code
 * ("1,200.00 USD") that must match: currencies are never mixed. Zero is refused. */
rd_err *desk_money_in(const char *field, const char *text, const char *currency, int64_t *minor);

typedef struct desk_invoice_input {
    const char *project; /* project id */
    const char *number;  /* the user's invoice number, e.g. 2026-014 */
    const char *amount;  /* in the project's currency */
    const char *issued;  /* YYYY-MM-DD, not in the future */
    const char *due;     /* YYYY-MM-DD or NULL: issued + the project's payment terms */
} desk_invoice_input;

/* Records an invoice in the project's currency. */
rd_err *desk_invoice_add(rd_desk *d, const desk_invoice_input *in, int64_t *id);

typedef struct desk_payment_input {
    const char *invoice; /* invoice number or id (desk_invoice_ref) */
    const char *amount;  /* no more than the balance */
    const char *on;      /* YYYY-MM-DD, not before the invoice was issued, not in the future */
} desk_payment_input;

rd_err *desk_invoice_pay(rd_desk *d, const desk_payment_input *in, int64_t *id);
/* A write-off or a credit note: lowers an invoice's open balance without editing the invoice
 * (the invoice, its payments and the adjustment all stay on record, audited). */
typedef struct desk_adjust_input {
    const char *invoice; /* number or id */
    const char *kind;    /* write_off | credit_note */
    const char *amount;  /* no more than the open balance */
    const char *number;  /* the credit note's own number, or NULL */
    const char *reason;  /* required */
} desk_adjust_input;
rd_err *desk_invoice_adjust(rd_desk *d, const desk_adjust_input *in, int64_t *id);
/* An invoice named as a person would: by its number ("2026-033") when one invoice has it, else
 * by its id. Ambiguous numbers (the same number on several projects) are refused. */
rd_err *desk_invoice_ref(rd_desk *d, const char *field, const char *text, int64_t *id);
/* The invoice ({id, project_id, number, amount, currency, issued_on, due_on, paid, balance, …}) plus days_overdue, overdue (bool) and payments. */
rd_err *desk_invoice_get(rd_desk *d, int64_t id, json_t **out);
/* Invoices with days_overdue and overdue; client NULL for every client; overdue_only keeps
 * those past due with a balance. */
rd_err *desk_invoice_list(rd_desk *d, const char *client, bool overdue_only, rd_page *page,
                          json_t **out);
/* Writes a payment reminder in our words, logs it (out, email) and records it against the
 * invoice. Refused when the invoice is paid. *out is {log_id, reminder_id, subject, text}. */
rd_err *desk_invoice_remind(rd_desk *d, int64_t id, json_t **out);
typedef struct desk_remind_input {
    bool preview;         /* write the reminder but send, log and count nothing */
    const char *channel;  /* how it was sent; default email */
    const char *override; /* send although a case of the client is paused or cooling off */
} desk_remind_input;
/* The reminder with a preview, the channel used, and the hold of P2/P14: refused (RD_CONFLICT)
 * while a case of the client is paused or cooling off, unless override gives a reason. While
 * the client has an open case the reminder says the conversation goes on instead of "ignore
 * this if paid". *out adds preview (bool); log_id and reminder_id are 0 for a preview. */
rd_err *desk_invoice_remind_with(rd_desk *d, int64_t id, const desk_remind_input *in, json_t **out);
/* The user's signature for letters, notices and reminders: closing ("Kind regards"), then the
 * me.* settings that are set, one per line. *out is the caller's. */
rd_err *desk_signature(rd_desk *d, const char *closing, char **out);
/* A letter's text (as the letter commands produce it) as PDF on the configured paper, with the
 * me.* settings as the sender's block; ref (may be NULL) adds today's date and "Re: ref" above
 * a text that has neither. Appended to *pdf, which the caller owns and resets. */
rd_err *desk_letter_pdf(rd_desk *d, const char *title, const char *ref, const char *text,
                        rd_buf *pdf);
/* An entry of the log you sent (a reminder, restatement, demand letter or termination notice)
 * as a PDF letter, dated the day it was sent; appended to *pdf (the caller's). RD_NOT_FOUND
 * when there is no such entry; RD_CONFLICT for the client's own words or erased ones. */
rd_err *desk_log_letter_pdf(rd_desk *d, int64_t log_id, rd_buf *pdf);
/* Whether letters speak as "we" (me.voice we) rather than "I". */
rd_err *desk_voice_we(rd_desk *d, bool *we);
/* i_form or we_form by the voice. */
const char *desk_say(bool we, const char *i_form, const char *we_form);

/* The prerequisites of a demand letter (P15) that are not met for the invoice: an array of
 * {prerequisite, why} with prerequisite one of contract_terms, reminder, mediation. */
rd_err *desk_demand_prerequisites(rd_desk *d, int64_t invoice_id, json_t **missing);

typedef struct desk_demand_input {
    const char *invoice;       /* invoice number or id (desk_invoice_ref) */
    const char *pursuit_cost;  /* the user's estimate of what pursuing costs, or NULL */
    const char *deadline_days; /* days to pay from today; default 14 */
    const char *override;      /* reason to proceed with prerequisites missing, or NULL */
} desk_demand_input;

/* Writes the formal demand letter for an overdue invoice and logs it (out, letter). Refused
 * (RD_CONFLICT, nothing written) when the invoice is not overdue, or when prerequisites are
 * missing and no override reason is given. *out is {letter, log_id, owed, cost, net, currency,
 * cost_benefit (one line for the user, not part of the letter), overridden (array)}. */
rd_err *desk_letter_demand(rd_desk *d, const desk_demand_input *in, json_t **out);

typedef struct desk_time_input {
    const char *client;  /* client id */
    const char *case_id; /* or NULL; must be the client's */
    const char *minutes; /* a duration: "90", "45m", "1h30", "1.5h"; 1 minute … 30 days */
    const char *note;    /* or NULL */
    const char *on;      /* YYYY-MM-DD the time was spent, not in the future; NULL: now */
} desk_time_input;
/* Parses a duration as people write it ("90", "45m", "1h30", "1h30m", "1.5h", "2h") into
 * minutes, 1 minute to 30 days. */
rd_err *desk_duration_parse(const char *field, const char *text, int64_t *minutes);

/* Logs time spent on a client: it feeds the cost-of-serving trigger (P16). */
rd_err *desk_time_add(rd_desk *d, const desk_time_input *in, int64_t *id);

/* The walking-away checklist (P16): {client_id, client_name, status, triggers (see
 * desk_walkaway_triggers), items (array of {item, id, what}: what is still open), open_count,
 * handovers (array)}. */
rd_err *desk_terminate_check(rd_desk *d, int64_t client_id, json_t **out);

typedef struct desk_handover_input {
    const char *client; /* client id */
    const char *item;   /* KIND:ID with KIND commitment, project, refund or invoice */
    const char *note;   /* to whom or how it was handed over; required */
} desk_handover_input;

/* Marks one open obligation of the client as handed over. */
rd_err *desk_terminate_handover(rd_desk *d, const desk_handover_input *in, int64_t *id);

typedef struct desk_terminate_input {
    const char *client;         /* client id */
    const char *const *reasons; /* at least one */
    int nreasons;
    const char *referral; /* who the client can go to instead, or NULL */
    const char *override; /* send the notice within a case's cool-off (P2), or NULL */
} desk_terminate_input;

/* Ends the relationship: refused (RD_CONFLICT, naming each item) while anything is open.
 * Writes the notice, logs it (out, letter), records the termination, marks the client
 * terminated and moves their open cases to stage terminated. *out is {termination_id, log_id,
 * notice}. */
rd_err *desk_terminate_confirm(rd_desk *d, const desk_terminate_input *in, json_t **out);

/* Screening (P21): what new work for this client should know first. An array (empty when the
 * client has no history) of {kind, count, text} with kind complaints, escalations,
 * late_payments or terminated. */
rd_err *desk_client_history(rd_desk *d, int64_t client_id, json_t **out);

typedef struct desk_revision_input {
    const char *project; /* project id */
    const char *note;    /* what was asked for, or NULL */
    bool charge;         /* beyond the policy: bill the extra revision */
    bool waive;          /* beyond the policy: consciously do it for free */
} desk_revision_input;

/* Counts a revision request against the project's policy (P18). Beyond the included ones it is
 * refused (RD_CONFLICT, saying what it costs) until charge or waive is chosen. *out is {id,
 * number, included, beyond_policy, charge, price, currency, summary}. */
rd_err *desk_revision_add(rd_desk *d, const desk_revision_input *in, json_t **out);
/* {project_id, title, included, used, extra_revision_price, currency, revisions (array; each
 * with price: what it was charged at, null when waived, included or reversed), charged (the sum
 * of those prices)}. */
rd_err *desk_revision_list(rd_desk *d, int64_t project_id, json_t **out);
/* ---------------------------------------------------------------- triage and drafts (P2, P5) */
/* Triages text (already checked as UTF-8) and records the findings for log entry log_id,
 * raising the flags of case case_id (0: none). Runs inside the caller's transaction. */
rd_err *desk_triage_record(rd_desk *d, int64_t log_id, int64_t case_id, const char *text);

/* The analyzer on text that is not (yet) part of a case, recording nothing: triage (hostility,
 * threats, demands, root cause) and the tone check of a reply, as the JSON docs/analyzer.md
 * describes. field names the text in errors; *out is the caller's. */
rd_err *desk_triage_text(const char *field, const char *text, size_t len, json_t **out);
rd_err *desk_tone_text(const char *field, const char *text, size_t len, json_t **out);
/* What a tone rule is for: {rule, severity, explain, example} (caller's). A name that is no
 * rule is RD_USAGE naming field and listing the rules. */
rd_err *desk_tone_rule(const char *field, const char *name, json_t **out);
/* A triage hostility level (0..3) in words: "calm" … "furious"; static. */
const char *desk_hostility_words(int level);

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
rd_err *desk_draft_list(rd_desk *d, int64_t case_id, rd_page *page, json_t **out); /* 0: all */
/* Refuses (RD_CONFLICT, naming each rule and its position) text whose tone check finds errors;
 * what says what the text is ("the acknowledgement"). NULL or blank text passes. */
rd_err *desk_tone_gate(const char *field, const char *text, const char *what);
/* Re-checks the text and logs it as sent. Refused (RD_CONFLICT) while held or while the check
 * finds errors, unless override gives a reason, which is audited. */
rd_err *desk_draft_release(rd_desk *d, int64_t id, const char *override, int64_t *log_id);

/* ---------------------------------------------------------------- mail (desk_mail.c, desk_send.c)
 * importing a mailbox, attachments kept as evidence, search, sending replies by SMTP. */
typedef struct desk_import_input {
    const char *path;    /* a .eml file, an mbox or a Maildir */
    const char *client;  /* client id every message belongs to, or NULL: by address */
    const char *case_id; /* case id every message joins, or NULL: by thread */
    bool create_clients; /* an unknown address becomes a new client instead of a skip */
} desk_import_input;

/* Called after each message: done of total (messages or bytes, see mail_source_progress) and
 * the messages read so far. */
typedef void (*desk_progress_fn)(void *ctx, int64_t done, int64_t total, int64_t messages);

/* Imports every message of in->path (see desk_mail.c for routing, idempotence and crash
 * safety). Direction is out for a message from one of the me.addresses setting, in otherwise.
 * *summary (caller's) is {source, path, messages, imported, duplicates, skipped,
 * skipped_by_reason {reason: count}, skips [{position, reason}], clients_created,
 * attachments}. An error stops the import; batches committed before it stay. */
rd_err *desk_mail_import(rd_desk *d, const desk_import_input *in, desk_progress_fn progress,
                         void *ctx, json_t **summary);
/* desk_mail_import of one uploaded file (a message or an mbox, at most 25 MiB, in->path NULL):
 * data is borrowed, name is how the summary and errors name it. The bytes pass through a
 * private temporary file that is gone when this returns. A file that is neither, or an empty
 * one, is refused with the field "file" and nothing is written. */
rd_err *desk_mail_import_bytes(rd_desk *d, const desk_import_input *in, const char *name,
                               const void *data, size_t size, json_t **summary);

/* Attachments (desk_evidence.c). */
#define DESK_MAX_ATTACHMENT ((size_t)25 << 20)
typedef struct desk_attach_input {
    const char *case_id; /* case id, as typed */
    const char *name;    /* file name shown and exported, no slashes */
    const char *type;    /* MIME type, or NULL: from the name's extension */
    const void *data;    /* the bytes, borrowed */
    size_t size;
} desk_attach_input;
/* Keeps a file as evidence on a case (bytes once per BLAKE2b hash); audited. */
rd_err *desk_attach(rd_desk *d, const desk_attach_input *in, int64_t *id);
/* The case's attachments, oldest first: {id, client_id, case_id, log_id, hash, name, type,
 * size, created_at}. */
rd_err *desk_attachment_list(rd_desk *d, int64_t case_id, json_t **out);
/* One attachment's row and bytes (both the caller's: json_decref, free). RD_TAMPERED when the
 * bytes no longer hash to what was recorded. */
rd_err *desk_attachment_get(rd_desk *d, int64_t id, json_t **row, void **data, size_t *size);

/* Evidence bundles (desk_bundle.c). Writes case id into the new folder dir (0700): case.json,
 * entries.json (the log stretch with its chain), evidence.pdf for a mediator, attachments/,
 * MANIFEST (BLAKE2b-256 of each file) and head.json, the audit entry "case.export" this writes,
 * which commits to MANIFEST and the log's head and is signed when the desk has a key. Nothing is
 * left behind on error. *out (caller's) is {case, out, attachments, entries, audit_entry,
 * signed, head}. */
rd_err *desk_case_bundle(rd_desk *d, int64_t id, const char *dir, json_t **out);
/* Checks a bundle from the folder alone (d may have no store): head.json's hash and signature,
 * MANIFEST against it, every entry and link of entries.json, every file against MANIFEST, and
 * no file added. key (hex, or NULL) must then be the signer. RD_TAMPERED naming the file and
 * entry on the first difference. *out (caller's) is {ok, case, files, log_entries,
 * case_entries, audit_entry, exported_at, signer (absent when unsigned), this_key, this_desk
 * (whether d's audit trail holds the head; null without a desk), head}. */
rd_err *desk_bundle_verify(rd_desk *d, const char *dir, const char *key, json_t **out);
/* Search (desk_evidence.c) over log subjects and bodies, concerns and attachment names. */
typedef struct desk_search_input {
    const char *query;   /* words, "a phrase", prefix*, AND, OR, NOT, parentheses */
    const char *client;  /* client id or NULL */
    const char *case_id; /* case id or NULL */
    const char *since;   /* a time or date, or NULL */
    const char *limit;   /* results at most, 1..500; default 20 */
} desk_search_input;
/* Best match first: [{kind (log|concern|attachment), ref (its id), client_id, case_id, at,
 * title, title_highlights, snippet, snippet_highlights, rank}], where highlights are [[start,
 * end], …] byte ranges of the matched words. A query that cannot be read is RD_INVALID naming
 * it. *out is the caller's. */
rd_err *desk_search(rd_desk *d, const desk_search_input *in, json_t **out);

/* Sending (desk_send.c): releases draft id like desk_draft_release (hold and tone check apply,
 * override as there) and delivers it by SMTP (settings smtp.url, smtp.credentials, me.addresses,
 * me.name, me.signature; REDRESS_SMTP_USER/REDRESS_SMTP_PASSWORD) to the client's address, in
 * reply to the client's newest message. A released draft not yet delivered is delivered with
 * the Message-ID it was given first; one already delivered is refused (RD_CONFLICT). A delivery
 * failure is RD_IO carrying the server's answer, and the draft stays released. *out (caller's)
 * is {id, log_id, message_id, rcpt, status, answer}. */
rd_err *desk_draft_send(rd_desk *d, int64_t id, const char *override, json_t **out);
/* A letter redress wrote and logged, sent by mail (desk_send.c). */
typedef struct desk_letter_send_input {
    const char *override; /* send although a case is paused or cooling off (audited) */
    bool pdf;             /* attach the letter as a PDF, kept with it as evidence */
} desk_letter_send_input;
/* Sends log entry log_id — a demand letter, payment reminder, termination notice or
 * restatement (known by the subject redress gave it; anything else is RD_CONFLICT) — by SMTP
 * like desk_draft_send: to the client's address, in reply to the client's newest message, with
 * me.signature under it. The cool-off and a pause hold it as they hold a draft's release
 * (RD_CONFLICT, unless override, which is audited), checked at every attempt. The first attempt
 * fixes the Message-ID and, with pdf, renders the PDF and keeps it as an attachment of the log
 * entry; a retry sends that same message, and one already delivered is refused (RD_CONFLICT).
 * A delivery failure is RD_IO carrying the server's answer, kept in the outbox. *out (caller's)
 * is {log_id, message_id, rcpt, status, answer, attachments: [file names]}. */
rd_err *desk_letter_send(rd_desk *d, int64_t log_id, const desk_letter_send_input *in,
                         json_t **out);
/* Mails text to the user's own first me.addresses (the morning digest of `today --mail`),
 * through the same SMTP settings. *out (caller's) is {rcpt, message_id, answer}. Nothing is
 * logged: it is not an exchange with a client. */
rd_err *desk_mail_self(rd_desk *d, const char *subject, const char *text, json_t **out);

/* ---------------------------------------------------------------- integrity */
#define DESK_KEY_BYTES 32 /* an Ed25519 public key */

typedef struct desk_verify_opts {
    const char *against; /* a line kept from an earlier verify, or NULL */
    bool all_signatures; /* check every signature, not only the newest */
    /* Called now and then with entries walked so far and the total, or NULL. */
    void (*progress)(void *ctx, int64_t done, int64_t total);
    void *ctx; /* passed to progress */
} desk_verify_opts;

/* Who signed the newest signed audit entry. */
enum { DESK_SIGNED_NONE, DESK_SIGNED_THIS_KEY, DESK_SIGNED_OTHER_KEY };

typedef struct desk_verify_report {
    int64_t log_entries;        /* rows checked in the log */
    int64_t audit_entries;      /* rows checked in the audit trail */
    char log_head[65];          /* hash of the newest log row (hex), "" when empty */
    char audit_head[65];        /* hash of the newest audit row */
    char state[65];             /* digest of every sealed table (hex), recomputed from the rows */
    int64_t tables;             /* tables under the seal */
    int64_t legacy_log;         /* log rows written before the seal (weaker encoding, no salt) */
    int64_t legacy_audit;       /* audit rows likewise */
    int signed_by;              /* DESK_SIGNED_*: the signer of the newest signed entry */
    char signer[17];            /* the first 16 hex digits of that key, "" when none */
    int64_t newest_signed;      /* id of the newest signed audit entry, 0 when none */
    int64_t unsigned_after;     /* audit entries after it that carry no signature */
    int64_t signatures_checked; /* signatures checked (1, or all with all_signatures) */
    int64_t erased_log;         /* log entries whose words were erased on request */
    int64_t erased_audit;       /* audit entries whose detail was erased on request */
    bool against_checked;       /* the kept line was checked and the desk extends it */
    char line[160];             /* the line to keep: chain lengths, heads, state digest */
} desk_verify_report;

/* Re-walks both chains and every sealed table in one snapshot with this desk's key, if it has
 * one: RD_TAMPERED naming the first thing that does not match. *r is filled either way. */
rd_err *desk_verify(rd_desk *d, desk_verify_report *r);
/* The same with options (a kept line, every signature, progress); o may be NULL. */
rd_err *desk_verify_with(rd_desk *d, const desk_verify_opts *o, desk_verify_report *r);
/* The signing key's file: $XDG_CONFIG_HOME/redress/signing.key, else
 * ~/.config/redress/signing.key. *out is the caller's. */
rd_err *desk_key_path(char **out);
/* Makes a new Ed25519 key in that file (mode 0600, folders 0700); refuses to replace one.
 * *path (the caller's, set even on error when known) names the file; pk_hex gets the public
 * key. */
rd_err *desk_key_init(char **path, char pk_hex[2 * DESK_KEY_BYTES + 1]);
/* Loads the key when the file exists, so every audit entry from now on is signed; no file is
 * not an error (the desk works unsigned). A file readable by others or not a key is. */
rd_err *desk_key_load(rd_desk *d);
/* Erases a client's personal data on request (what store_client_erase lists), recording the
 * reason in the audit trail. *out (the caller's) is {client, erased_at, erased: {log_entries,
 * audit_entries}}. RD_CONFLICT when the client was already erased. */
rd_err *desk_client_erase(rd_desk *d, int64_t id, const char *reason, json_t **out);

/* ---------------------------------------------------------------- backup */
typedef struct desk_backup_report {
    char *path;          /* the new copy; the caller frees it with desk_backup_report_reset() */
    int64_t log_entries; /* what verifying the copy checked */
    int64_t audit_entries;
    int removed; /* older copies removed to keep `keep` */
} desk_backup_report;

/* Takes an online copy of the desk into dir (created 0700 when missing) named
 * redress-YYYYMMDDTHHMMSSZ.db, opens the copy and verifies it, then removes the oldest copies
 * in dir beyond keep (keep >= 1). A copy that does not verify is removed and the error
 * returned. Writes nothing to the desk itself. */
rd_err *desk_backup(rd_desk *d, const char *dir, int64_t keep, desk_backup_report *r);
void desk_backup_report_reset(desk_backup_report *r);
/* A verified copy of the whole desk to hand to a signed-in user (the web desk's *Download a
 * backup*): taken and verified as desk_backup does, in a private folder (0700) under TMPDIR that
 * is removed before this returns, so only the descriptor reaches the copy; the download is
 * recorded in the audit trail ("backup.download"). *fd (the caller closes it) reads the copy
 * from its start, *size is its length and *name (the caller frees it) the name to offer,
 * redress-YYYYMMDDTHHMMSSZ.db. On error nothing is left open or on disk. */
rd_err *desk_backup_open(rd_desk *d, int *fd, uint64_t *size, char **name);

/* ---------------------------------------------------------------- demo data */
/* Fills an empty desk with a realistic set of clients, projects, cases and messages. Refuses
 * when the desk already has clients. */
rd_err *desk_demo_load(rd_desk *d);

/* Builds a large realistic desk through the operations above (see desk_generate.c): ncases
 * cases, ten per client, each client with a project and five invoices, the cases at every stage
 * of the playbook with about eleven log entries each, spread over the three years before forty
 * days ago. seed 0 is the default seed; the same seed gives the same desk. progress (may be
 * NULL) is called after each client with the cases written so far. One transaction per twenty
 * clients; an error stops generation, keeping the transactions committed before it. */
typedef void (*desk_generate_fn)(void *ctx, int64_t done);
rd_err *desk_generate(rd_desk *d, int64_t ncases, uint64_t seed, desk_generate_fn progress,
                      void *ctx);

/* ---------------------------------------------------------------- opening a desk */
/* Opens (creating if needed) the desk at path, schema brought up to date; actor (borrowed) is
 * who acts. Close with desk_close(), which leaves *d empty. */
rd_err *desk_open(rd_desk *d, const char *path, const char *actor);
/* Another connection to the desk at path, which this process has open already with desk_open
 * (a connection per thread): the file is not examined again. */
rd_err *desk_open_again(rd_desk *d, const char *path, const char *actor);
/* Caps the memory this connection keeps of the desk's pages at kib KiB (see store_cache_limit). */
rd_err *desk_cache_limit(rd_desk *d, int kib);
void desk_close(rd_desk *d);
/* The desk's schema version (its newest migration). */
int desk_schema_version(rd_desk *d);
/* True when the desk's heads are signed with a key this user holds (see desk_seal.c). */
bool desk_signed(rd_desk *d);

/* ---------------------------------------------------------------- accounts and API tokens
 * Who may use the web desk and the JSON API. Passwords are hashed with argon2id; session ids
 * and API tokens are 256-bit random values the client holds, stored only as BLAKE2b hashes. */
#define DESK_SECRET_MAX   RD_SECRET_MAX /* a session id, CSRF token or API token as text */
#define DESK_PASSWORD_MIN 10

/* Who a session or token belongs to. */
typedef struct desk_principal {
    int64_t user_id;              /* the user (0 for an API token) */
    char name[DESK_MAX_NAME + 8]; /* user name, or "token:NAME" for an API token */
    char csrf[DESK_SECRET_MAX];   /* the session's CSRF token ("" for an API token) */
} desk_principal;

/* Adds a user (or brings back a removed one); password NULL gives an account that can only be
 * entered by a one-time link.
 * Names are 1-64 letters, digits, '.', '_' or '-'; passwords at least DESK_PASSWORD_MIN bytes. */
rd_err *desk_user_add(rd_desk *d, const char *name, const char *password, int64_t *id);
rd_err *desk_user_count(rd_desk *d, int64_t *n);
/* The users, those who may sign in first, by name, a page at a time: {id, name, has_password,
 * created_at, removed_at, sessions (live now)}; *out is the caller's. */
rd_err *desk_user_list(rd_desk *d, rd_page *page, json_t **out);
/* {id, name, removed_at} of user id, the caller's; RD_NOT_FOUND (field "user") when none. */
rd_err *desk_user_get(rd_desk *d, int64_t id, json_t **out);
/* Sets name's password. current NULL: the desk's owner at its terminal; else it must be their
 * current password, and wrong guesses count towards the sign-in throttle from address. */
rd_err *desk_user_password(rd_desk *d, const char *name, const char *current, const char *password,
                           const char *address);
/* Removes name (someone who left): they can no longer sign in and their sessions end; the
 * audit trail still names them, and desk_user_add of the same name brings them back. Refused
 * for self (the user asking; 0 from the terminal) and for the last user who may sign in. */
rd_err *desk_user_remove(rd_desk *d, const char *name, int64_t self);
/* Checks name and password from address. Refused with RD_THROTTLED (nothing checked) after 5
 * failures for the account or 20 from the address in 15 minutes; a wrong name or password is
 * RD_UNAUTHORIZED (the same message for both) and is counted. *user_id on success. */
rd_err *desk_signin(rd_desk *d, const char *name, const char *password, const char *address,
                    int64_t *user_id);
/* Confirms that the signed-in user name is at the keyboard, by their password, before a grave
 * step (downloading a copy of the whole desk). As desk_signin, wrong guesses count towards the
 * throttle from address; every refusal names the field "password". A user without a password
 * (signed in by the one-time link) cannot confirm until they set one. */
rd_err *desk_user_confirm(rd_desk *d, const char *name, const char *password, const char *address);
/* The user called name, added without a password when absent (the one-time sign-in link). */
rd_err *desk_user_ensure(rd_desk *d, const char *name, int64_t *user_id);
/* Starts a session for user_id lasting hours: sid (the cookie's value) and csrf are filled,
 * each at least DESK_SECRET_MAX bytes. */
rd_err *desk_session_new(rd_desk *d, int64_t user_id, int hours, char *sid, char *csrf);
/* The live session sid belongs to; RD_UNAUTHORIZED when unknown or expired. */
rd_err *desk_session_check(rd_desk *d, const char *sid, desk_principal *who);
/* Ends the session (signing out); unknown sessions are not an error. */
rd_err *desk_session_end(rd_desk *d, const char *sid);
/* Creates an API bearer token named name: *secret (caller frees) is shown once and never
 * stored. */
rd_err *desk_token_create(rd_desk *d, const char *name, char **secret, int64_t *id);
/* The API tokens by id, a page at a time: {id, name, created_at, revoked_at}; *out the caller's. */
rd_err *desk_token_list(rd_desk *d, rd_page *page, json_t **out);
rd_err *desk_token_revoke(rd_desk *d, int64_t id);
/* The token's principal; RD_UNAUTHORIZED when unknown or revoked. */
rd_err *desk_token_check(rd_desk *d, const char *secret, desk_principal *who);

/* ---------------------------------------------------------------- helpers for desk files */
/* Parses an id field ("client: 'x' is not a number"). */
rd_err *desk_parse_id(const char *field, const char *text, int64_t *id);
/* Appends the audit entry for an operation; detail is borrowed and may be NULL. */
rd_err *desk_audit(rd_desk *d, const char *action, const char *table, int64_t row_id,
                   json_t *detail);
/* desk_audit that takes detail (NULL allowed) and releases it: for a detail built in the call. */
rd_err *desk_audit_take(rd_desk *d, const char *action, const char *table, int64_t row_id,
                        json_t *detail);
/* True when s is one of the NULL-terminated list. */
bool desk_one_of(const char *s, const char *const *list);
/* NULL when value is NULL or one of list; else RD_INVALID "field: 'x' is not one of a, b, c". */
rd_err *desk_check_word(const char *field, const char *value, const char *const *list);
/* Integer member of a JSON object, 0 when absent. */
int64_t desk_ji(json_t *obj, const char *key);
/* String member of a JSON object, NULL when absent; borrowed. */
const char *desk_js(json_t *obj, const char *key);
/* The current time as ISO 8601 UTC text. */
void desk_now(rd_timestr out);

/* ---------------------------------------------------------------- the client's side
 * Portal links (desk_portal.c), anonymous surveys (desk_survey.c), public reviews and
 * testimonials (desk_review.c). */

/* Issues a private link to case_id for its client, valid for days ("1".."180", NULL: 30).
 * *token (caller frees) goes in the URL /p/TOKEN and is shown once: only its hash is kept.
 * *out (caller's) is {id, case_id, expires_at}. A closed case gets no link (RD_CONFLICT). */
rd_err *desk_portal_link(rd_desk *d, int64_t case_id, const char *days, char **token, json_t **out);
rd_err *desk_portal_revoke(rd_desk *d, int64_t link_id);
/* The case's links: {id, created_at, expires_at, revoked_at, last_used_at}; never tokens. */
rd_err *desk_portal_links(rd_desk *d, int64_t case_id, rd_page *page, json_t **out);
/* What the client sees through token, and nothing else: {case_id, client_name, received_at,
 * stage, restatement, restatement_confirmed, options[{position, kind, detail, due_on,
 * amount}], commitments[{id, text, due_on, done, client_says_met}], contact{name, business,
 * email, phone}, actions[], feedback_given, expires_at}. Writes nothing. Unknown, revoked and
 * expired tokens get one RD_NOT_FOUND. *out is the caller's. */
rd_err *desk_portal_view(rd_desk *d, const char *token, json_t **out);

/* What the client can do on the portal: confirm, correct (words), choose (option), propose
 * (words), met / not_met (commitment, words; words required for not_met), feedback (score,
 * words). */
extern const char *const desk_portal_actions[];
typedef struct desk_portal_action {
    const char *action;
    const char *words;      /* the client's own words */
    const char *option;     /* "1", "2", … for choose */
    const char *commitment; /* commitment id for met / not_met */
    const char *score;      /* "1".."5" for feedback */
} desk_portal_action;
/* Runs the action as the client would have it recorded by the user (the same desk operation
 * and stage guards), logs it as coming from the client through the portal, records a portal
 * event for the user's today view, all in one transaction. */
rd_err *desk_portal_act(rd_desk *d, const char *token, const desk_portal_action *a);
/* Portal events: unseen ones oldest first, else every one newest first. {id, case_id, kind,
 * summary, log_id, at, seen_at, client_name}. */
rd_err *desk_portal_events(rd_desk *d, int unseen, rd_page *page, json_t **out);
/* Marks event id (0: every unseen one) seen; *changed counts them. */
rd_err *desk_portal_seen(rd_desk *d, int64_t id, int64_t *changed);
/* The restatement as the client reads it, or NULL when none was drafted; caller frees. */
char *desk_restatement_text(rd_desk *d, int64_t case_id);

typedef struct desk_survey_input {
    const char *period; /* "YYYY-MM-DD..YYYY-MM-DD": clients with work in it are invited */
    const char *const *questions;
    int nquestions;            /* 1..10 */
    const char *min_responses; /* results hidden below this; NULL: 5; never below 3 */
} desk_survey_input;
/* Creates the survey and one link per invited client. *out (caller's) is {id, period_from,
 * period_to, min_responses, links[{id, name, email, token}]} in random order: the only place
 * the pairing of client and link ever exists. */
rd_err *desk_survey_create(rd_desk *d, const desk_survey_input *in, json_t **out);
/* The questions behind an unused survey token: {period_from, period_to, questions[{position,
 * text}]}. Writes nothing. */
rd_err *desk_survey_view(rd_desk *d, const char *token, json_t **out);
/* Takes one response and burns the token: score "1".."5" and the answers by question. Keeps
 * only the day, stores nothing that names the client, and makes no audit entry. */
rd_err *desk_survey_respond(rd_desk *d, const char *token, const char *score,
                            const char *const *answers, int nanswers);
/* {id, period_from, period_to, invited, responses, min_responses, shown, questions[…]}; with
 * shown (responses >= min_responses) also average, scores[5] and each question's answers in
 * random order. */
rd_err *desk_survey_results(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_survey_list(rd_desk *d, rd_page *page, json_t **out);
rd_err *desk_survey_close(rd_desk *d, int64_t id);

typedef struct desk_review_input {
    const char *platform, *rating, *text, *link, *date; /* rating "1".."5" or NULL */
    const char *client, *case_id;                       /* ids as typed, or NULL */
} desk_review_input;
/* Records a public review; a review threat found earlier in the client's messages is linked to
 * it, and with a known client it joins their communication log. */
rd_err *desk_review_add(rd_desk *d, const desk_review_input *in, int64_t *id);
rd_err *desk_review_get(rd_desk *d, int64_t id, json_t **out);
rd_err *desk_review_list(rd_desk *d, rd_page *page, json_t **out);
/* Saves the reply drafted for a review and checks it with the public-reply rules; *report
 * (caller's) is the check (tone_json shape plus public_errors). */
rd_err *desk_review_reply(rd_desk *d, int64_t id, const char *text, json_t **report);
/* Marks the reply posted: refused while the check finds errors, unless override gives a reason
 * (audited). */
rd_err *desk_review_posted(rd_desk *d, int64_t id, const char *override);
/* The public-reply check of text alone; *report is the caller's, *errors counts every error. */
rd_err *desk_public_check(const char *text, json_t **report, int *errors);

typedef struct desk_testimonial_input {
    const char *client, *case_id, *text; /* case optional: the best case that closed well */
} desk_testimonial_input;
/* Records and logs a testimonial request to a client whose case closed well (feedback 4 or 5,
 * still a client); the request is tone-checked. Otherwise refused unless override. *report
 * (caller's) is the tone check. */
rd_err *desk_testimonial_ask(rd_desk *d, const desk_testimonial_input *in, const char *override,
                             int64_t *id, json_t **report);
/* answer yes (quote and where required) or no. */
rd_err *desk_testimonial_answer(rd_desk *d, int64_t id, const char *answer, const char *quote,
                                const char *where);
rd_err *desk_testimonial_list(rd_desk *d, rd_page *page, json_t **out);
/* ---------------------------------------------------------------- exports, calendar, reports
 * (desk_docs.c) */
/* One page of a table for a spreadsheet: table is one of clients, projects, cases, invoices,
 * payments, time, refunds; amounts are minor units beside their
 * currency. */
rd_err *desk_export_page(rd_desk *d, const char *table, rd_page *page, json_t **out);
/* Every date still ahead or overdue — open commitments and follow-ups, unpaid invoices, drafts
 * on hold, mediation dates — as an iCalendar file; *ics is the caller's. */
rd_err *desk_calendar(rd_desk *d, char **ics);
/* A subscription link for a calendar program: *token (caller frees) is shown once, only its
 * hash is kept; revoke it with desk_calendar_revoke. */
rd_err *desk_calendar_link(rd_desk *d, const char *name, char **token, int64_t *id);
rd_err *desk_calendar_links(rd_desk *d, json_t **out); /* {id, name, created_at, revoked_at} */
rd_err *desk_calendar_revoke(rd_desk *d, int64_t id);
/* The calendar for a subscription token; RD_NOT_FOUND when unknown or revoked. */
rd_err *desk_calendar_for_token(rd_desk *d, const char *token, char **ics);
/* A report over cases received from..to (YYYY-MM-DD; default the twelve months up to today):
 * {from, to, totals{cases, closed, escalated, terminated}, root_causes[{root_cause, cases}],
 * by_month[{month, root_cause, cases}], first_response{count, median, mean} (hours),
 * resolution{…} (days), offers{offers, chosen, rejected, acceptance_rate}, escalation_rate,
 * money[{currency, refunds, discounts, revenue, share_of_revenue}], satisfaction{responses,
 * average}, kept{closed, kept, rate}, lessons[…], changes_made, clients[{client, minutes,
 * cost, cost_currency, paid, currency, owed (open today, in currency; written-off and
 * credited amounts are not owed), costs_more_than_paid}]}. Rates are 0..1 or null. */
rd_err *desk_report(rd_desk *d, const char *from, const char *to, json_t **out);
/* The same report as a printable PDF (tables and bar charts) on the configured paper, appended
 * to *pdf, which the caller owns and resets. */
rd_err *desk_report_pdf(rd_desk *d, const char *from, const char *to, rd_buf *pdf);
/* The report's figures (from desk_report, borrowed) as the blocks docs_pdf_report draws and the
 * web desk's report page shows (caller's): {heading?, text?, table?, bars?, over_time?}. */
json_t *desk_report_blocks(json_t *report);
/* A root cause in words ("missed_deadline" -> "missed deadline"); borrowed, static. */
const char *desk_root_cause_words(const char *root_cause);

/* ---------------------------------------------------------------- mistakes put right
 * (desk_amend.c): nothing is edited in place; each change is recorded beside what it changes. */

/* A change to what a project agreed (P20): each field given (NULL: unchanged) becomes one
 * amendment with its old and new value. */
typedef struct desk_amend_input {
    const char *price;                /* in the project's currency (the new one, if changed) */
    const char *currency;             /* ISO 4217; refused once amounts exist in the old one */
    const char *revisions;            /* included revisions, 0..100 */
    const char *extra_revision_price; /* price of each revision beyond them */
    const char *reason;               /* required */
    const char *channel;              /* how it was agreed with the client; default email */
} desk_amend_input;
/* Records the amendments, sets the project's terms to the new values, and appends one entry to
 * the client's log (out, on channel) saying what changed and why. Later figures (offers'
 * margins, the price of an extra revision requested from now on) use the new values; charged
 * revisions keep the price they had. *out (caller's) is {project_id, log_id, amendments[{id,
 * field, old_value, new_value, was, now}], text}. */
rd_err *desk_project_amend(rd_desk *d, int64_t project_id, const desk_amend_input *in,
                           json_t **out);
/* Reverses the charge of a revision beyond the policy (P18), with a reason: the revision stays
 * counted, its price no longer counts. *out (caller's) is the project's revision list after it
 * (desk_revision_list) with reversed: id. */
rd_err *desk_revision_reverse(rd_desk *d, int64_t id, const char *reason, json_t **out);

/* A log entry corrected: the original stays as it was, the correction is a new entry beside it
 * (same client, case, direction, channel and time) that points to it. */
typedef struct desk_correct_input {
    const char *subject; /* or NULL: the original's */
    const char *body;    /* the corrected words; required */
    const char *reason;  /* why; required */
} desk_correct_input;
rd_err *desk_log_correct(rd_desk *d, int64_t entry_id, const desk_correct_input *in, int64_t *id);

/* Splits an open commitment into 2..9 parts, each "TEXT:DUE" (not in the past, not after the
 * commitment's own date). Parts are commitments of their own (overdue ones show in today and
 * case show); the commitment itself is finished when its last part is done. *out (caller's) is
 * {commitment, parts[{id, text, due_on}]}. */
rd_err *desk_commitment_split(rd_desk *d, int64_t id, const char *const *parts, int nparts,
                              json_t **out);

#endif
