/* store_today.c — what a user asks each morning: what is overdue or due today. Each query reads
 * a partial index that holds only what is still open (commitments_open_due, followups_open_due,
 * drafts_held, cases_flagged) or a range of invoices_due, so its cost follows what is due, not
 * how many cases the desk has seen. Each returns one page (see rd_page), most urgent first. */
#include "store/store_int.h"

rd_err *store_today_commitments(rd_store *st, const char *today, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "commitments",
                   "SELECT m.*, k.client_id, c.name AS client_name FROM commitments m"
                   " JOIN cases k ON k.id = m.case_id JOIN clients c ON c.id = k.client_id"
                   " WHERE m.done_at IS NULL AND m.due_on <= ?2 AND " DB_KEYSET_ASC(
                       "m", "due_on", "commitments") " ORDER BY m.due_on, m.id LIMIT ?3",
                   "it", page ? page->after : 0, today);
}

rd_err *store_today_followups(rd_store *st, const char *today, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "followups",
                   "SELECT f.*, k.client_id, c.name AS client_name FROM followups f"
                   " JOIN cases k ON k.id = f.case_id JOIN clients c ON c.id = k.client_id"
                   " WHERE f.done_at IS NULL AND f.due_on <= ?2 AND " DB_KEYSET_ASC(
                       "f", "due_on", "followups") " ORDER BY f.due_on, f.id LIMIT ?3",
                   "it", page ? page->after : 0, today);
}

rd_err *store_today_invoices(rd_store *st, const char *today, rd_page *page, json_t **rows)
{
    return store_invoice_list(st, 0, today, page, rows);
}

rd_err *store_today_holds(rd_store *st, const char *until, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "drafts",
                   "SELECT d.id, d.case_id, d.channel, d.subject, d.errors, d.warnings,"
                   " d.hold_until, k.client_id, c.name AS client_name FROM drafts d"
                   " JOIN cases k ON k.id = d.case_id JOIN clients c ON c.id = k.client_id"
                   " WHERE d.status = 'draft' AND d.hold_until <= ?2 AND " DB_KEYSET_ASC(
                       "d", "hold_until", "drafts") " ORDER BY d.hold_until, d.id LIMIT ?3",
                   "it", page ? page->after : 0, until);
}

rd_err *store_today_flagged(rd_store *st, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "cases",
                   "SELECT k.id, k.client_id, c.name AS client_name, k.stage, k.status,"
                   " k.received_at, k.hostility, k.abuse, k.legal_threat, k.review_threat"
                   " FROM cases k JOIN clients c ON c.id = k.client_id"
                   " WHERE k.status <> 'closed' AND (k.abuse = 1 OR k.legal_threat = 1"
                   " OR k.review_threat = 1) AND " DB_KEYSET_DESC(
                       "k", "received_at", "cases") " ORDER BY k.received_at DESC, k.id DESC"
                                                    " LIMIT ?2",
                   "i", page ? page->after : 0);
}
