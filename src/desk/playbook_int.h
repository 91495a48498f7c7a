/* playbook_int.h — what the desk's playbook files share: the stage guard every case operation
 * passes through, and small helpers for the audit entry and the communication log. Private to
 * src/desk. */
#ifndef REDRESS_PLAYBOOK_INT_H
#define REDRESS_PLAYBOOK_INT_H

#include "desk/desk.h"
#include "store/store.h"

/* Loads case case_id (RD_NOT_FOUND when there is none), then checks that operation op (a row of
 * the stage table in playbook.c, e.g. "offer.make") may run at the case's stage and status.
 * Refusal is RD_CONFLICT saying what must happen first, unless override is given: then
 * *overrode (caller's, may be NULL) receives the refusal text for the audit trail. override is
 * validated here. *kase is the caller's on success. Call inside the transaction. */
rd_err *pb_enter(rd_desk *d, int64_t case_id, const char *op, const char *override, json_t **kase,
                 char **overrode);
/* Whether the case is still in its cool-off window (P2); until gets its end, local time. */
int pb_cooling(rd_desk *d, json_t *kase, rd_timestr until);
/* The rule for everything that goes out to the client (P2, P14): refused (RD_CONFLICT) while
 * the case is paused or cooling off; what names the step ("the offer"). With override the
 * refusal text is added to *overrode (caller's, may be NULL) for the audit entry instead. */
rd_err *pb_hold(rd_desk *d, json_t *kase, const char *what, const char *override, char **overrode);
/* pb_hold over every case of the client that is not closed, for what goes to the client rather
 * than one case (reminders, letters, the termination notice); allow_paused lets it through a
 * pause (the notice ends the relationship, and with it the pause). */
rd_err *pb_client_hold(rd_desk *d, int64_t client_id, const char *what, const char *override,
                       char **overrode, int allow_paused);
/* The action object of `case next` (see desk.h): name one of the action names, ids the row of
 * store_case_open_ids (borrowed), params (stolen, may be NULL) the known parameters. */
json_t *pb_action(const char *name, int64_t case_id, json_t *ids, json_t *params);
/* Moves the case to where op takes it (no change when op keeps the stage). */
rd_err *pb_advance(rd_desk *d, json_t *kase, const char *op, const char *now);
/* Checks an --override reason when given: not blank, one line. */
rd_err *pb_override_check(const char *override);
/* desk_audit with override reason and the refusal it bypassed added to detail (stolen). */
rd_err *pb_audit(rd_desk *d, const char *action, const char *table, int64_t row_id, json_t *detail,
                 const char *override, const char *overrode);
/* Logs a client-facing document out on channel (NULL: the case's channel); *id (may be NULL)
 * gets the log entry. */
rd_err *pb_log_out(rd_desk *d, json_t *kase, const char *channel, const char *subject,
                   const char *body, const char *now, int64_t *id);
/* Today's local date, YYYY-MM-DD. */
void pb_today(rd_timestr out);
/* The currency a case's amounts are in: its project's, else the currency setting. Caller
 * frees. */
rd_err *pb_case_currency(rd_desk *d, json_t *kase, char **currency);
/* Stage name of a case row (borrowed). */
const char *pb_stage(json_t *kase);

/* desk_amend.c: adds agreed (the terms as first agreed) and amendments to a project row. */
rd_err *pb_project_history(rd_desk *d, json_t *p);
/* Adds charged (the sum of the prices of charges not reversed) to a revision list. */
void pb_revision_totals(json_t *list);
/* Adds to a whole case (desk_case_get) its project's amendments and agreed terms, and to each
 * log entry corrects (the entry it corrects) and corrected_by (the entries correcting it). */
rd_err *pb_case_corrections(rd_desk *d, json_t *k);
/* Marks each entry of case k's log (desk_send.c): "letter" true when it is a letter redress
 * wrote that desk_letter_send can mail, and "mail" {status, rcpt, attempts, answer, sent_at,
 * updated_at} when it went to the outbox (a released draft's or a letter's). k stays the
 * caller's. */
rd_err *pb_case_mail(rd_desk *d, json_t *k);
/* Refuses marking done a commitment whose parts are still open. */
rd_err *pb_parts_before_done(rd_desk *d, json_t *c);
/* After a part is done: marks its commitment done when no part is left open. */
rd_err *pb_parts_after_done(rd_desk *d, json_t *c, const char *now);
/* A fix the client proposed (offer kind client_fix, P8): detail is their words, optionally
 * ";AMOUNT" (or ";PERCENT" of what was paid) for money back, which must not exceed refundable.
 * *amount is that money, or -1 without any. */
rd_err *pb_client_fix(const char *field, const char *detail, const char *cur, bool has_project,
                      int64_t refundable, int64_t *amount);

#endif
