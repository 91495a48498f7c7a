/* store_today.c — what a user asks each morning: what is overdue or due today, the cases to
 * look at, and the reads behind `case next` (the open items of a case by id). Each query reads
 * a partial index that holds only what is still open (commitments_open_due, followups_open_due,
 * drafts_held, cases_flagged) or a range of invoices_due, so its cost follows what is due, not
 * how many cases the desk has seen. Each returns one page (see rd_page), most urgent first. */
#include "store/store_int.h"

#include <assert.h>
#include <string.h>

/* The count half of today_page, for sections whose page another store function reads. */
static rd_err *count_more(rd_store *st, const rd_page *page, int64_t *more, const char *sql,
                          const char *today)
{
    if (!more) return NULL;
    *more = 0;
    if (!page || !page->next) return NULL;
    if (today) return db_int(st, more, sql, "iti", page->next, today, (int64_t)RD_MORE_MAX);
    return db_int(st, more, sql, "ii", page->next, (int64_t)RD_MORE_MAX);
}

/* One page of a today section and the count of the rows after it: page_sql is the page (cursor
 * ?1, the day ?2 when today is given, the limit last, bound by db_page), count_sql counts
 * "SELECT 1 … LIMIT ?n" of the same condition after page->next, up to RD_MORE_MAX, so that
 * the count costs at most that many index steps on any desk. */
static rd_err *today_page(rd_store *st, rd_page *page, json_t **rows, int64_t *more,
                          const char *table, const char *page_sql, const char *count_sql,
                          const char *today)
{
    int64_t after = page ? page->after : 0;
    rd_err *e = today ? db_page(st, rows, page, table, page_sql, "it", after, today)
                      : db_page(st, rows, page, table, page_sql, "i", after);
    return e ? e : count_more(st, page, more, count_sql, today);
}

#define COMMITMENTS_DUE                                                                            \
    " WHERE m.done_at IS NULL AND m.due_on < ?2 AND m.handed_over IS NULL AND " DB_KEYSET_ASC(     \
        "m", "due_on", "commitments")

rd_err *store_today_commitments(rd_store *st, const char *today, rd_page *page, json_t **rows,
                                int64_t *more)
{
    return today_page(
        st, page, rows, more, "commitments",
        "SELECT m.*, k.client_id, c.name AS client_name FROM commitments m"
        " JOIN cases k ON k.id = m.case_id JOIN clients c ON c.id = k.client_id" COMMITMENTS_DUE
        " ORDER BY m.due_on, m.id LIMIT ?3",
        "SELECT count(*) FROM (SELECT 1 FROM commitments m" COMMITMENTS_DUE " LIMIT ?3)", today);
}

#define PORTAL_UNSEEN                                                                              \
    " FROM portal_events e WHERE e.seen_at IS NULL AND " DB_KEYSET_ASC("e", "at", "portal_events")

rd_err *store_today_portal(rd_store *st, rd_page *page, json_t **rows, int64_t *more)
{
    rd_err *e = store_portal_event_list(st, 1, page, rows);
    if (!e)
        e = count_more(st, page, more, "SELECT count(*) FROM (SELECT 1" PORTAL_UNSEEN " LIMIT ?2)",
                       NULL);
    return e;
}

#define FOLLOWUPS_DUE                                                                              \
    " WHERE f.done_at IS NULL AND f.due_on <= ?2 AND " DB_KEYSET_ASC("f", "due_on", "followups")

rd_err *store_today_followups(rd_store *st, const char *today, rd_page *page, json_t **rows,
                              int64_t *more)
{
    return today_page(
        st, page, rows, more, "followups",
        "SELECT f.*, k.client_id, c.name AS client_name FROM followups f"
        " JOIN cases k ON k.id = f.case_id JOIN clients c ON c.id = k.client_id" FOLLOWUPS_DUE
        " ORDER BY f.due_on, f.id LIMIT ?3",
        "SELECT count(*) FROM (SELECT 1 FROM followups f" FOLLOWUPS_DUE " LIMIT ?3)", today);
}

rd_err *store_today_invoices(rd_store *st, const char *today, rd_page *page, json_t **rows,
                             int64_t *more)
{
    rd_err *e = store_invoice_list(st, 0, today, page, rows);
    if (!e)
        e = count_more(st, page, more,
                       "SELECT count(*) FROM (SELECT 1 FROM invoices i WHERE " DB_KEYSET_ASC(
                           "i", "due_on", "invoices") INVOICE_OVERDUE " LIMIT ?3)",
                       today);
    return e;
}

#define HOLDS_ENDING                                                                               \
    " WHERE d.status = 'draft' AND d.hold_until <= ?2 AND " DB_KEYSET_ASC(                         \
        "d", "hold_until",                                                                         \
        "drafts") " AND (SELECT status FROM cases WHERE id = d.case_id) = 'open'"

rd_err *store_today_holds(rd_store *st, const char *until, rd_page *page, json_t **rows,
                          int64_t *more)
{
    return today_page(
        st, page, rows, more, "drafts",
        "SELECT d.id, d.case_id, d.channel, d.subject, d.errors, d.warnings,"
        " d.hold_until, k.client_id, c.name AS client_name FROM drafts d"
        " JOIN cases k ON k.id = d.case_id JOIN clients c ON c.id = k.client_id" HOLDS_ENDING
        " ORDER BY d.hold_until, d.id LIMIT ?3",
        "SELECT count(*) FROM (SELECT 1 FROM drafts d" HOLDS_ENDING " LIMIT ?3)", until);
}

/* The partial index cases_flagged is chosen for the literal condition it was made with. */
#define CASES_FLAGGED                                                                              \
    " WHERE k.status <> 'closed' AND (k.abuse = 1 OR k.legal_threat = 1"                           \
    " OR k.review_threat = 1) AND +k.status = 'open' AND " DB_KEYSET_DESC("k", "received_at",      \
                                                                          "cases")

rd_err *store_today_flagged(rd_store *st, rd_page *page, json_t **rows, int64_t *more)
{
    return today_page(st, page, rows, more, "cases",
                      "SELECT k.id, k.client_id, c.name AS client_name, k.stage, k.status,"
                      " k.received_at, k.hostility, k.abuse, k.legal_threat, k.review_threat"
                      " FROM cases k JOIN clients c ON c.id = k.client_id" CASES_FLAGGED
                      " ORDER BY k.received_at DESC, k.id DESC"
                      " LIMIT ?2",
                      "SELECT count(*) FROM (SELECT 1 FROM cases k" CASES_FLAGGED " LIMIT ?2)",
                      NULL);
}

#define PAUSES_ENDING                                                                              \
    " WHERE k.status = 'paused' AND k.pause_until <= ?2 AND " DB_KEYSET_ASC("k", "pause_until",    \
                                                                            "cases")

rd_err *store_today_pauses(rd_store *st, const char *today, rd_page *page, json_t **rows,
                           int64_t *more)
{
    return today_page(st, page, rows, more, "cases",
                      "SELECT k.id, k.client_id, c.name AS client_name, k.pause_until"
                      " FROM cases k INDEXED BY cases_paused_until"
                      " JOIN clients c ON c.id = k.client_id" PAUSES_ENDING
                      " ORDER BY k.pause_until, k.id LIMIT ?3",
                      "SELECT count(*) FROM (SELECT 1 FROM cases k INDEXED BY "
                      "cases_paused_until" PAUSES_ENDING " LIMIT ?3)",
                      today);
}

/* cases_status (status, stage) looks more selective to the planner than it is (most cases of
 * a desk may be open) and would sort them all: the partial indexes are named. */
#define CASES_OPEN " WHERE k.status = 'open' AND " DB_KEYSET_ASC("k", "received_at", "cases")

rd_err *store_today_cases(rd_store *st, rd_page *page, json_t **rows, int64_t *more)
{
    return today_page(
        st, page, rows, more, "cases",
        "SELECT k.id, k.client_id, c.name AS client_name, k.stage, k.status,"
        " k.received_at, k.want, k.abuse, k.legal_threat, k.review_threat,"
        " (SELECT count(*) FROM offers o WHERE o.case_id = k.id"
        "   AND o.status = 'open') AS open_offers"
        " FROM cases k INDEXED BY cases_open_received"
        " JOIN clients c ON c.id = k.client_id" CASES_OPEN " ORDER BY k.received_at, k.id LIMIT ?2",
        "SELECT count(*) FROM (SELECT 1 FROM cases k INDEXED BY cases_open_received" CASES_OPEN
        " LIMIT ?2)",
        NULL);
}

#define CASES_WATCHED " WHERE k.watch_until >= ?2 AND " DB_KEYSET_ASC("k", "watch_until", "cases")

rd_err *store_today_watch(rd_store *st, const char *today, rd_page *page, json_t **rows,
                          int64_t *more)
{
    return today_page(
        st, page, rows, more, "cases",
        "SELECT k.id, k.client_id, c.name AS client_name, k.status,"
        " k.watch_until FROM cases k JOIN clients c ON c.id = k.client_id" CASES_WATCHED
        " ORDER BY k.watch_until, k.id LIMIT ?3",
        "SELECT count(*) FROM (SELECT 1 FROM cases k" CASES_WATCHED " LIMIT ?3)", today);
}

/* ---------------------------------------------------------------- case next and the playbook */

rd_err *store_case_open_ids(rd_store *st, int64_t case_id, json_t **out)
{
    return db_row(
        st, out,
        "SELECT"
        " (SELECT max(id) FROM offers WHERE case_id = ?1 AND status = 'open') AS offer,"
        " (SELECT id FROM commitments m WHERE case_id = ?1 AND done_at IS NULL"
        "   AND handed_over IS NULL AND NOT EXISTS (SELECT 1 FROM commitments q"
        "   WHERE q.parent_id = m.id AND q.done_at IS NULL) ORDER BY due_on, id LIMIT 1)"
        "   AS commitment,"
        " (SELECT id FROM followups WHERE case_id = ?1 AND done_at IS NULL"
        "   ORDER BY due_on, id LIMIT 1) AS followup,"
        " (SELECT min(id) FROM escalations WHERE case_id = ?1 AND outcome IS NULL) AS escalation,"
        " (SELECT max(id) FROM offers WHERE case_id = ?1) AS last_offer",
        "i", case_id);
}

rd_err *store_case_set_pause_until(rd_store *st, int64_t id, const char *until, const char *now)
{
    return db_exec(st, "UPDATE cases SET pause_until = ?2, updated_at = ?3 WHERE id = ?1", "itt",
                   id, until, now);
}

rd_err *store_case_reviews(rd_store *st, int64_t case_id, int64_t *n)
{
    return db_int(st, n,
                  "SELECT (SELECT count(*) FROM cases WHERE id = ?1 AND channel = 'review')"
                  " + (SELECT count(*) FROM log_entries WHERE case_id = ?1 AND direction = 'in'"
                  "    AND channel = 'review' AND at > (SELECT received_at FROM cases"
                  "    WHERE id = ?1))",
                  "i", case_id);
}

rd_err *store_case_set_reread(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE cases SET reread_at = ?2, updated_at = ?2 WHERE id = ?1", "it", id,
                   now);
}

rd_err *store_case_set_watch(rd_store *st, int64_t id, const char *until, const char *now)
{
    return db_exec(st, "UPDATE cases SET watch_until = ?2, updated_at = ?3 WHERE id = ?1", "itt",
                   id, until, now);
}

rd_err *store_followup_update(rd_store *st, int64_t id, const char *kind, const char *due_on)
{
    return db_exec(st,
                   "UPDATE followups SET kind = coalesce(?2, kind), due_on = coalesce(?3, due_on)"
                   " WHERE id = ?1",
                   "itt", id, kind, due_on);
}

rd_err *store_invoice_ids_by_number(rd_store *st, const char *number, json_t **rows)
{
    return db_rows(st, rows, "SELECT id FROM invoices WHERE number = ?1 ORDER BY id", "t", number);
}

/* ---------------------------------------------------------------- the whole case */

rd_err *store_case_followups(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM followups WHERE case_id = ?1 ORDER BY due_on, id", "i",
                   case_id);
}

rd_err *store_case_feedback(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM feedback WHERE case_id = ?1 ORDER BY id", "i", case_id);
}

rd_err *store_case_lessons(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM lessons WHERE case_id = ?1 ORDER BY id", "i", case_id);
}

rd_err *store_case_overdue(rd_store *st, int64_t case_id, const char *today, int64_t *n)
{
    return db_int(st, n,
                  "SELECT (SELECT count(*) FROM commitments WHERE case_id = ?1 AND due_on < ?2"
                  "   AND done_at IS NULL AND handed_over IS NULL)"
                  " + (SELECT count(*) FROM followups WHERE case_id = ?1 AND due_on < ?2"
                  "   AND done_at IS NULL)",
                  "it", case_id, today);
}

rd_err *store_escalation_set(rd_store *st, int64_t id, const char *field, const char *text)
{
    if (strcmp(field, "final_proposal") == 0)
        return db_exec(st, "UPDATE escalations SET final_proposal = ?2 WHERE id = ?1", "it", id,
                       text);
    assert(strcmp(field, "weighed") == 0);
    return db_exec(st, "UPDATE escalations SET weighed = ?2 WHERE id = ?1", "it", id, text);
}

rd_err *store_lesson_set_stock(rd_store *st, int64_t id, const int64_t *minutes,
                               const int64_t *amount, const char *currency, const char *differently)
{
    return db_exec(st,
                   "UPDATE lessons SET cost_minutes = coalesce(?2, cost_minutes),"
                   " cost_amount = coalesce(?3, cost_amount),"
                   " cost_currency = coalesce(?4, cost_currency),"
                   " differently = coalesce(?5, differently) WHERE id = ?1",
                   "iIItt", id, minutes, amount, currency, differently);
}

rd_err *store_case_cost(rd_store *st, int64_t case_id, const char *currency, json_t **out)
{
    return db_row(st, out,
                  "SELECT (SELECT coalesce(sum(minutes), 0) FROM time_entries WHERE case_id = ?1)"
                  "   AS minutes,"
                  " (SELECT coalesce(sum(amount), 0) FROM refunds WHERE case_id = ?1"
                  "   AND currency = ?2) AS money",
                  "it", case_id, currency);
}

rd_err *store_invoice_adjust(rd_store *st, int64_t invoice_id, const char *kind, int64_t amount,
                             const char *number, const char *reason, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO invoice_adjustments(invoice_id, kind, amount, number, reason,"
                     " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "itittt", invoice_id, kind, amount, number, reason, now);
}
