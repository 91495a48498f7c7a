/* store_playbook.c — the SQL behind the playbook (P4–P14): stage and flag changes on a case,
 * concerns, offers and options, commitments, the refund ledger, follow-ups, feedback, lessons,
 * escalations, and the figures the desk's guards and triggers are computed from. */
#include "store/store_int.h"

/* ---------------------------------------------------------------- cases */

rd_err *store_case_set_stage(rd_store *st, int64_t id, const char *stage, int set_prior,
                             const char *prior, const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET stage = ?2, updated_at = ?3,"
                   " prior_stage = CASE WHEN ?4 THEN ?5 ELSE prior_stage END WHERE id = ?1",
                   "ittit", id, stage, now, (int64_t)set_prior, prior);
}

rd_err *store_case_set_cause(rd_store *st, int64_t id, const char *root, const char *notes,
                             const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET root_cause = ?2, root_notes = ?3, updated_at = ?4"
                   " WHERE id = ?1",
                   "ittt", id, root, notes, now);
}

rd_err *store_case_set_want(rd_store *st, int64_t id, const char *want, const char *goal,
                            const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET want = ?2, goal = ?3, want_confirmed_by = NULL,"
                   " want_confirmed_at = NULL, updated_at = ?4 WHERE id = ?1",
                   "ittt", id, want, goal, now);
}

rd_err *store_case_confirm_want(rd_store *st, int64_t id, const char *by, const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET want_confirmed_by = ?2, want_confirmed_at = ?3,"
                   " updated_at = ?3 WHERE id = ?1",
                   "itt", id, by, now);
}

rd_err *store_case_set_flags(rd_store *st, int64_t id, const rd_case_flags *f, const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET hostility = coalesce(?2, hostility),"
                   " abuse = coalesce(?3, abuse), legal_threat = coalesce(?4, legal_threat),"
                   " review_threat = coalesce(?5, review_threat),"
                   " refund_demand = coalesce(?6, refund_demand),"
                   " payment_refusal = coalesce(?7, payment_refusal), updated_at = ?8"
                   " WHERE id = ?1",
                   "iIIIIIIt", id, f->hostility, f->abuse, f->legal_threat, f->review_threat,
                   f->refund_demand, f->payment_refusal, now);
}

rd_err *store_case_set_status(rd_store *st, int64_t id, const char *status,
                              const char *pause_reason, const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET status = ?2, pause_reason = ?3, updated_at = ?4,"
                   " closed_at = CASE WHEN ?2 = 'closed' THEN ?4 ELSE closed_at END"
                   " WHERE id = ?1",
                   "ittt", id, status, pause_reason, now);
}

/* ---------------------------------------------------------------- concerns */

rd_err *store_concern_insert(rd_store *st, int64_t case_id, const char *text, const char *specifics,
                             const char *example, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO concerns(case_id, text, specifics, example, created_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                     "itttt", case_id, text, specifics, example, now);
}

rd_err *store_concern_list(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM concerns WHERE case_id = ?1 ORDER BY id", "i", case_id);
}

/* ---------------------------------------------------------------- facts */

rd_err *store_case_facts(rd_store *st, int64_t case_id, const char *today, const char *currency,
                         json_t **out)
{
    rd_err *e = db_row(
        st, out,
        "SELECT"
        " (SELECT count(*) FROM concerns WHERE case_id = ?1) AS concerns,"
        " (SELECT count(*) FROM offers WHERE case_id = ?1 AND status = 'open') AS open_offers,"
        " (SELECT count(*) FROM offers WHERE case_id = ?1 AND status = 'rejected')"
        "   AS rejected_offers,"
        " (SELECT count(*) FROM commitments WHERE case_id = ?1 AND done_at IS NULL)"
        "   AS open_commitments,"
        " (SELECT count(*) FROM commitments WHERE case_id = ?1 AND done_at IS NULL"
        "   AND due_on < ?2) AS overdue_commitments,"
        " (SELECT count(*) FROM feedback WHERE case_id = ?1) AS feedback,"
        " (SELECT count(*) FROM escalations WHERE case_id = ?1 AND outcome IS NULL)"
        "   AS open_escalations,"
        " (SELECT count(*) FROM lessons WHERE case_id = ?1) AS lessons,"
        " (SELECT coalesce(sum(b.balance), 0) FROM invoices i JOIN invoice_balances b"
        "   ON b.invoice_id = i.id JOIN projects p ON p.id = i.project_id"
        "   WHERE p.client_id = k.client_id AND i.currency = ?3 AND b.balance > 0) AS unpaid,"
        " (SELECT count(*) FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id"
        "   JOIN projects p ON p.id = i.project_id"
        "   WHERE p.client_id = k.client_id AND i.currency <> ?3 AND b.balance > 0)"
        "   AS other_currency_unpaid,"
        " (SELECT o.ask_amount FROM offers o JOIN cases c2 ON c2.id = o.case_id"
        "   WHERE c2.client_id = k.client_id AND o.ask_amount IS NOT NULL"
        "   AND o.currency = ?3 AND NOT EXISTS (SELECT 1 FROM offers o2 WHERE"
        "   o2.case_id = o.case_id AND o2.status = 'chosen' AND o2.id > o.id)"
        "   ORDER BY o.decided_at DESC, o.id DESC LIMIT 1) AS latest_ask"
        " FROM cases k WHERE k.id = ?1",
        "itt", case_id, today, currency);
    if (!e && !*out) e = rd_error(RD_NOT_FOUND, "case: no case %lld", (long long)case_id);
    return e;
}

rd_err *store_project_money(rd_store *st, int64_t project_id, json_t **out)
{
    rd_err *e =
        db_row(st, out,
               "SELECT p.price, p.currency, p.revisions, p.extra_revision_price,"
               " (SELECT coalesce(sum(pay.amount), 0) FROM payments pay JOIN invoices i"
               "   ON i.id = pay.invoice_id WHERE i.project_id = p.id AND i.currency = p.currency)"
               "   AS paid,"
               " (SELECT count(*) FROM payments pay JOIN invoices i ON i.id = pay.invoice_id"
               "   WHERE i.project_id = p.id AND i.currency <> p.currency) AS other_currency_paid,"
               " (SELECT coalesce(sum(amount), 0) FROM refunds WHERE project_id = p.id"
               "   AND kind = 'refund' AND currency = p.currency) AS refunded,"
               " (SELECT coalesce(sum(amount), 0) FROM refunds WHERE project_id = p.id"
               "   AND kind = 'discount' AND currency = p.currency) AS discounted,"
               " (SELECT count(*) FROM revisions WHERE project_id = p.id) AS revisions_used,"
               " (SELECT coalesce(sum(t.minutes), 0) FROM time_entries t JOIN cases c"
               "   ON c.id = t.case_id WHERE c.project_id = p.id) AS minutes"
               " FROM projects p WHERE p.id = ?1",
               "i", project_id);
    if (!e && !*out) e = rd_error(RD_NOT_FOUND, "project: no project %lld", (long long)project_id);
    return e;
}

/* ---------------------------------------------------------------- offers */

rd_err *store_offer_insert(rd_store *st, int64_t case_id, const char *currency, const char *now,
                           int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO offers(case_id, currency, created_at) VALUES (?1, ?2, ?3)", "itt",
                     case_id, currency, now);
}

rd_err *store_option_insert(rd_store *st, const rd_option_fields *f, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO offer_options(offer_id, position, kind, detail, due_on,"
                     " amount, percent_bp, revision_charge, proposed_by) VALUES (?1, ?2, ?3, ?4,"
                     " ?5, ?6, ?7, ?8, CASE ?3 WHEN 'client_fix' THEN 'client' END)",
                     "iitttIIt", f->offer_id, f->position, f->kind, f->detail, f->due_on, f->amount,
                     f->percent_bp, f->revision_charge);
}

static rd_err *attach_options(rd_store *st, json_t *offer)
{
    json_t *opts = NULL;
    rd_err *e =
        db_rows(st, &opts, "SELECT * FROM offer_options WHERE offer_id = ?1 ORDER BY position", "i",
                (int64_t)json_integer_value(json_object_get(offer, "id")));
    if (!e) json_object_set_new(offer, "options", opts);
    return e;
}

rd_err *store_offer_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, "SELECT * FROM offers WHERE id = ?1", "i", id);
    if (!e && !*row) return rd_error(RD_NOT_FOUND, "offer: no offer %lld", (long long)id);
    if (!e) e = attach_options(st, *row);
    if (e) {
        json_decref(*row);
        *row = NULL;
    }
    return e;
}

rd_err *store_offer_list(rd_store *st, int64_t case_id, rd_page *page, json_t **rows)
{
    rd_err *e = db_page(st, rows, page, "offers",
                        "SELECT * FROM offers WHERE case_id = ?2 AND id > ?1 ORDER BY id LIMIT ?3",
                        "ii", page ? page->after : 0, case_id);
    size_t i;
    json_t *o;
    if (!e) json_array_foreach(*rows, i, o)
        {
            if ((e = attach_options(st, o))) break;
        }
    if (e && *rows) {
        json_decref(*rows);
        *rows = NULL;
    }
    return e;
}

rd_err *store_offer_decide(rd_store *st, int64_t id, const char *status, const int64_t *chosen,
                           const int64_t *ask, const char *now)
{
    return db_exec(st,
                   "UPDATE offers SET status = ?2, chosen_option = ?3, ask_amount = ?4,"
                   " decided_at = ?5 WHERE id = ?1",
                   "itIIt", id, status, chosen, ask, now);
}

rd_err *store_offer_last_rejected(rd_store *st, int64_t case_id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT * FROM offers WHERE case_id = ?1 AND status = 'rejected'"
                       " ORDER BY decided_at DESC, id DESC LIMIT 1",
                       "i", case_id);
    if (!e && *row) e = attach_options(st, *row);
    return e;
}

/* ---------------------------------------------------------------- commitments */

rd_err *store_commitment_insert(rd_store *st, int64_t case_id, int64_t option_id, const char *text,
                                const char *due_on, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO commitments(case_id, option_id, text, due_on, created_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                     "izttt", case_id, option_id, text, due_on, now);
}

#define COMMITMENT_SELECT                                                                          \
    "SELECT m.*, c.name AS client_name FROM commitments m JOIN cases k ON k.id = m.case_id"        \
    " JOIN clients c ON c.id = k.client_id"

rd_err *store_commitment_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, COMMITMENT_SELECT " WHERE m.id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "commitment: no commitment %lld", (long long)id);
    return e;
}

/* With overdue_before, only open commitments due before it: for one case a range on
 * commitments_case_due, for every case a range on commitments_open_due, which holds the open
 * ones only (years of done commitments are never read). */
#define COMMITMENT_OVERDUE                                                                         \
    " AND m.due_on < coalesce(?2, '9999-12-31') AND (?2 IS NULL OR m.done_at IS NULL)"

rd_err *store_commitment_list(rd_store *st, int64_t case_id, const char *overdue_before,
                              rd_page *page, json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (case_id)
        return db_page(st, rows, page, "commitments",
                       COMMITMENT_SELECT
                       " WHERE m.case_id = ?3 AND " DB_KEYSET_ASC("m", "due_on", "commitments")
                           COMMITMENT_OVERDUE " ORDER BY m.due_on, m.id LIMIT ?4",
                       "iti", after, overdue_before, case_id);
    if (overdue_before)
        return db_page(st, rows, page, "commitments",
                       COMMITMENT_SELECT
                       " WHERE m.done_at IS NULL AND m.due_on < ?2 AND " DB_KEYSET_ASC(
                           "m", "due_on", "commitments") " ORDER BY m.due_on, m.id LIMIT ?3",
                       "it", after, overdue_before);
    return db_page(st, rows, page, "commitments",
                   COMMITMENT_SELECT " WHERE " DB_KEYSET_ASC(
                       "m", "due_on", "commitments") " ORDER BY m.due_on, m.id LIMIT ?2",
                   "i", after);
}

rd_err *store_commitment_done(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE commitments SET done_at = ?2 WHERE id = ?1", "it", id, now);
}

/* ---------------------------------------------------------------- refunds */

rd_err *store_refund_insert(rd_store *st, int64_t case_id, int64_t project_id, const char *kind,
                            int64_t amount, const char *currency, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO refunds(case_id, project_id, kind, amount, currency,"
                     " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "iztitt", case_id, project_id, kind, amount, currency, now);
}

#define REFUND_SELECT                                                                              \
    "SELECT r.*, c.name AS client_name FROM refunds r JOIN cases k ON k.id = r.case_id"            \
    " JOIN clients c ON c.id = k.client_id"

rd_err *store_refund_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, REFUND_SELECT " WHERE r.id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "refund: no refund %lld", (long long)id);
    return e;
}

rd_err *store_refund_list(rd_store *st, int pending_only, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "refunds",
                   REFUND_SELECT " WHERE r.id > ?1 AND (?2 = 0 OR r.paid_at IS NULL)"
                                 " ORDER BY r.id LIMIT ?3",
                   "ii", page ? page->after : 0, (int64_t)pending_only);
}

rd_err *store_refund_paid(rd_store *st, int64_t id, const char *paid_at)
{
    return db_exec(st, "UPDATE refunds SET paid_at = ?2 WHERE id = ?1", "it", id, paid_at);
}

/* ---------------------------------------------------------------- follow-ups and feedback */

rd_err *store_followup_insert(rd_store *st, int64_t case_id, const char *kind, const char *due_on,
                              const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO followups(case_id, kind, due_on, created_at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "ittt", case_id, kind, due_on, now);
}

#define FOLLOWUP_SELECT                                                                            \
    "SELECT f.*, c.name AS client_name FROM followups f JOIN cases k ON k.id = f.case_id"          \
    " JOIN clients c ON c.id = k.client_id"

rd_err *store_followup_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, FOLLOWUP_SELECT " WHERE f.id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "followup: no follow-up %lld", (long long)id);
    return e;
}

/* With due_by, only open follow-ups due on or before it, a range on followups_open_due (which
 * holds the open ones only); else every follow-up by due date. */
rd_err *store_followup_list(rd_store *st, const char *due_by, rd_page *page, json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (due_by)
        return db_page(st, rows, page, "followups",
                       FOLLOWUP_SELECT
                       " WHERE f.done_at IS NULL AND f.due_on <= ?2 AND " DB_KEYSET_ASC(
                           "f", "due_on", "followups") " ORDER BY f.due_on, f.id LIMIT ?3",
                       "it", after, due_by);
    return db_page(st, rows, page, "followups",
                   FOLLOWUP_SELECT " WHERE " DB_KEYSET_ASC(
                       "f", "due_on", "followups") " ORDER BY f.due_on, f.id LIMIT ?2",
                   "i", after);
}

rd_err *store_followup_done(rd_store *st, int64_t id, const char *outcome, const char *now)
{
    return db_exec(st, "UPDATE followups SET done_at = ?3, outcome = ?2 WHERE id = ?1", "itt", id,
                   outcome, now);
}

rd_err *store_feedback_insert(rd_store *st, int64_t case_id, int64_t score, const char *text,
                              const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO feedback(case_id, score, text, created_at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "iitt", case_id, score, text, now);
}

/* ---------------------------------------------------------------- lessons */

rd_err *store_lesson_insert(rd_store *st, int64_t case_id, const char *what, const char *change,
                            int64_t made, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO lessons(case_id, what_went_wrong, change, change_made,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                     "ittit", case_id, what, change, made, now);
}

#define LESSON_SELECT                                                                              \
    "SELECT l.*, c.name AS client_name, k.root_cause FROM lessons l"                               \
    " JOIN cases k ON k.id = l.case_id JOIN clients c ON c.id = k.client_id"

rd_err *store_lesson_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, LESSON_SELECT " WHERE l.id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "lesson: no lesson %lld", (long long)id);
    return e;
}

rd_err *store_lesson_list(rd_store *st, int open_only, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "lessons",
                   LESSON_SELECT " WHERE l.id > ?1 AND (?2 = 0 OR l.change_made = 0)"
                                 " ORDER BY l.id LIMIT ?3",
                   "ii", page ? page->after : 0, (int64_t)open_only);
}

rd_err *store_lesson_done(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE lessons SET change_made = 1, updated_at = ?2 WHERE id = ?1", "it",
                   id, now);
}

/* ---------------------------------------------------------------- escalations */

rd_err *store_escalation_insert(rd_store *st, int64_t case_id, const char *level,
                                const char *reason, const char *mediator, const char *date,
                                const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO escalations(case_id, level, reason, mediator, date,"
                     " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "ittttt", case_id, level, reason, mediator, date, now);
}

rd_err *store_escalation_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, "SELECT * FROM escalations WHERE id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "escalation: no escalation %lld", (long long)id);
    return e;
}

rd_err *store_escalation_list(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM escalations WHERE case_id = ?1 ORDER BY id", "i",
                   case_id);
}

rd_err *store_escalation_outcome(rd_store *st, int64_t id, const char *outcome, const char *now)
{
    return db_exec(st, "UPDATE escalations SET outcome = ?2, outcome_at = ?3 WHERE id = ?1", "itt",
                   id, outcome, now);
}
