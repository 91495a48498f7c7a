/* store_today.c — the reads behind `case next` and `redress today`: the open items of one case
 * by id (so the next step names real ids), and what needs attention across the desk on a given
 * day, each query served by an index (see 009_playbook_day.sql). */
#include "store/store_int.h"

rd_err *store_case_open_ids(rd_store *st, int64_t case_id, json_t **out)
{
    return db_row(
        st, out,
        "SELECT"
        " (SELECT max(id) FROM offers WHERE case_id = ?1 AND status = 'open') AS offer,"
        " (SELECT id FROM commitments WHERE case_id = ?1 AND done_at IS NULL"
        "   AND handed_over IS NULL ORDER BY due_on, id LIMIT 1) AS commitment,"
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

/* ---------------------------------------------------------------- the agenda of `today` */

rd_err *store_agenda_commitments(rd_store *st, const char *today, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT m.id, m.case_id, m.text, m.due_on, k.client_id, c.name AS client_name"
                   " FROM commitments m JOIN cases k ON k.id = m.case_id"
                   " JOIN clients c ON c.id = k.client_id"
                   " WHERE m.done_at IS NULL AND m.due_on < ?1 AND m.handed_over IS NULL"
                   " ORDER BY m.due_on, m.id",
                   "t", today);
}

rd_err *store_agenda_followups(rd_store *st, const char *today, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT f.id, f.case_id, f.kind, f.due_on, k.client_id, c.name AS client_name"
                   " FROM followups f JOIN cases k ON k.id = f.case_id"
                   " JOIN clients c ON c.id = k.client_id"
                   " WHERE f.done_at IS NULL AND f.due_on <= ?1 ORDER BY f.due_on, f.id",
                   "t", today);
}

rd_err *store_agenda_drafts(rd_store *st, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT d.id, d.case_id, d.subject, d.hold_until, d.errors, k.client_id,"
                   " c.name AS client_name, k.status AS case_status"
                   " FROM drafts d JOIN cases k ON k.id = d.case_id"
                   " JOIN clients c ON c.id = k.client_id"
                   " WHERE d.status = 'draft' ORDER BY d.hold_until, d.id",
                   NULL);
}

rd_err *store_agenda_invoices(rd_store *st, const char *today, json_t **rows)
{
    return db_rows(
        st, rows,
        "SELECT * FROM (SELECT i.id, i.number, i.currency, i.due_on, p.client_id,"
        " c.name AS client_name, i.amount - (SELECT coalesce(sum(amount), 0) FROM payments"
        "   WHERE invoice_id = i.id) - (SELECT coalesce(sum(amount), 0) FROM"
        "   invoice_adjustments WHERE invoice_id = i.id) AS balance,"
        " (SELECT count(*) FROM invoice_reminders WHERE invoice_id = i.id) AS reminders"
        " FROM invoices i JOIN projects p ON p.id = i.project_id"
        " JOIN clients c ON c.id = p.client_id WHERE i.due_on < ?1"
        " AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.item = 'invoice'"
        "   AND h.item_id = i.id)) WHERE balance > 0 ORDER BY due_on, id",
        "t", today);
}

rd_err *store_agenda_cases(rd_store *st, const char *today, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT k.id, k.client_id, c.name AS client_name, k.stage, k.status,"
                   " k.received_at, k.pause_until, k.watch_until, k.want,"
                   " k.want_confirmed_at, (SELECT count(*) FROM offers o WHERE o.case_id = k.id"
                   "   AND o.status = 'open') AS open_offers"
                   " FROM cases k JOIN clients c ON c.id = k.client_id"
                   " WHERE k.status IN ('open', 'paused')"
                   " UNION ALL"
                   " SELECT k.id, k.client_id, c.name, k.stage, k.status, k.received_at,"
                   " k.pause_until, k.watch_until, k.want, k.want_confirmed_at, 0"
                   " FROM cases k JOIN clients c ON c.id = k.client_id"
                   " WHERE k.watch_until >= ?1 AND k.status = 'closed'"
                   " ORDER BY 1",
                   "t", today);
}

rd_err *store_client_open_cases(rd_store *st, int64_t client_id, int64_t *n)
{
    return db_int(st, n,
                  "SELECT count(*) FROM cases WHERE client_id = ?1 AND status <> 'closed'"
                  " AND stage <> 'terminated'",
                  "i", client_id);
}

rd_err *store_invoice_ids_by_number(rd_store *st, const char *number, json_t **rows)
{
    return db_rows(st, rows, "SELECT id FROM invoices WHERE number = ?1 ORDER BY id", "t", number);
}
