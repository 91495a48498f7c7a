/* store_docs.c — the reads behind exports, the calendar and reports: whole tables for a
 * spreadsheet, one page at a time; the dates a calendar shows; the aggregates of a report over a
 * period (SQL does the counting, so a report costs one pass per figure). */
#include "store/store_int.h"

#include <assert.h>
#include <string.h>

/* ---------------------------------------------------------------- CSV export */

/* One query per exportable table, each paging by id. Columns are what an accountant needs; the
 * communication log and the audit trail are not here (they have their own export). */
static const struct {
    const char *name, *sql;
} exports[] = {
    {"clients", "SELECT id, name, email, phone, company, status, created_at FROM clients"
                " WHERE id > ?1 ORDER BY id LIMIT ?2"},
    {"projects", "SELECT p.id, p.client_id, c.name AS client, p.title, p.deadline, p.price,"
                 " p.currency, p.payment_terms, p.revisions, p.extra_revision_price, p.status,"
                 " p.created_at FROM projects p JOIN clients c ON c.id = p.client_id"
                 " WHERE p.id > ?1 ORDER BY p.id LIMIT ?2"},
    {"cases", "SELECT k.id, k.client_id, c.name AS client, k.project_id, k.channel,"
              " k.received_at, k.stage, k.status, k.root_cause, k.hostility, k.closed_at"
              " FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.id > ?1"
              " ORDER BY k.id LIMIT ?2"},
    {"invoices", "SELECT i.id, i.number, i.project_id, p.client_id, c.name AS client, i.amount,"
                 " i.currency, i.issued_on, i.due_on, b.paid, b.adjusted AS written_off,"
                 " b.balance FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id"
                 " JOIN projects p ON p.id = i.project_id JOIN clients c ON c.id = p.client_id"
                 " WHERE i.id > ?1 ORDER BY i.id LIMIT ?2"},
    {"payments", "SELECT y.id, y.invoice_id, i.number AS invoice, y.amount, i.currency,"
                 " y.paid_on FROM payments y JOIN invoices i ON i.id = y.invoice_id"
                 " WHERE y.id > ?1 ORDER BY y.id LIMIT ?2"},
    {"time", "SELECT t.id, t.client_id, c.name AS client, t.case_id, t.minutes, t.note, t.at"
             " FROM time_entries t JOIN clients c ON c.id = t.client_id WHERE t.id > ?1"
             " ORDER BY t.id LIMIT ?2"},
    {"refunds", "SELECT r.id, r.case_id, r.project_id, r.kind, r.amount, r.currency, r.paid_at,"
                " r.created_at FROM refunds r WHERE r.id > ?1 ORDER BY r.id LIMIT ?2"},
};

const char *const store_export_tables[] = {"clients",  "projects", "cases",   "invoices",
                                           "payments", "time",     "refunds", NULL};

static const char *export_table(const char *name)
{
    return strcmp(name, "time") == 0 ? "time_entries" : name;
}

rd_err *store_export_page(rd_store *st, const char *name, rd_page *page, json_t **rows)
{
    assert(page);
    for (size_t i = 0; i < sizeof exports / sizeof exports[0]; i++)
        if (strcmp(exports[i].name, name) == 0)
            return db_page(st, rows, page, export_table(name), exports[i].sql, "i", page->after);
    return rd_error(RD_INVALID, "table: '%s' cannot be exported", name);
}

/* ---------------------------------------------------------------- calendar */

rd_err *store_calendar_events(rd_store *st, json_t **rows)
{
    /* kind, id, date (YYYY-MM-DD) or at (ISO time), what, client, case_id, and for an invoice
     * what is still owed (owed, currency): every date still ahead of the user or overdue; done
     * things drop out of the calendar. */
    return db_rows(st, rows,
                   "SELECT 'commitment' AS kind, m.id, m.due_on AS date, NULL AS at,"
                   " m.text AS what, c.name AS client, m.case_id, NULL AS owed,"
                   " NULL AS currency FROM commitments m"
                   " JOIN cases k ON k.id = m.case_id JOIN clients c ON c.id = k.client_id"
                   " WHERE m.done_at IS NULL AND m.handed_over IS NULL"
                   " UNION ALL SELECT 'followup', f.id, f.due_on, NULL, f.kind, c.name, f.case_id,"
                   " NULL, NULL"
                   " FROM followups f JOIN cases k ON k.id = f.case_id"
                   " JOIN clients c ON c.id = k.client_id WHERE f.done_at IS NULL"
                   " UNION ALL SELECT 'invoice', i.id, i.due_on, NULL, i.number, c.name, NULL,"
                   " b.balance, i.currency"
                   " FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id"
                   " JOIN projects p ON p.id = i.project_id"
                   " JOIN clients c ON c.id = p.client_id WHERE b.balance > 0"
                   " UNION ALL SELECT 'hold', d.id, NULL, d.hold_until, d.subject, c.name,"
                   " d.case_id, NULL, NULL FROM drafts d JOIN cases k ON k.id = d.case_id"
                   " JOIN clients c ON c.id = k.client_id WHERE d.status <> 'released'"
                   " AND d.hold_until IS NOT NULL"
                   " UNION ALL SELECT 'mediation', e.id, e.date, NULL, e.mediator, c.name,"
                   " e.case_id, NULL, NULL FROM escalations e JOIN cases k ON k.id = e.case_id"
                   " JOIN clients c ON c.id = k.client_id WHERE e.level = 'mediation'"
                   " AND e.date IS NOT NULL AND e.outcome IS NULL"
                   " ORDER BY 3, 4, 1, 2",
                   NULL);
}

rd_err *store_calendar_token_insert(rd_store *st, const char *name, const char *hash,
                                    const char *now, int64_t *id)
{
    return db_insert(
        st, id, "INSERT INTO calendar_tokens(name, token_hash, created_at) VALUES (?1, ?2, ?3)",
        "ttt", name, hash, now);
}

rd_err *store_calendar_token_by_hash(rd_store *st, const char *hash, json_t **row)
{
    return db_row(st, row, "SELECT * FROM calendar_tokens WHERE token_hash = ?1", "t", hash);
}

rd_err *store_calendar_token_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT id, name, created_at, revoked_at FROM calendar_tokens"
                       " WHERE id = ?1",
                       "i", id);
    if (!e && !*row)
        e = rd_error(RD_NOT_FOUND, "subscription: no calendar link %lld", (long long)id);
    return e;
}

rd_err *store_calendar_token_revoke(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE calendar_tokens SET revoked_at = ?2 WHERE id = ?1", "it", id, now);
}

rd_err *store_calendar_token_list(rd_store *st, json_t **rows)
{
    return db_rows(
        st, rows, "SELECT id, name, created_at, revoked_at FROM calendar_tokens ORDER BY id", NULL);
}

/* ---------------------------------------------------------------- reports */

/* Cases received in [from, to] (dates, inclusive) are the report's subject: ?1 from, ?2 to. */
#define IN_PERIOD(k) "substr(" k ".received_at, 1, 10) BETWEEN ?1 AND ?2"

rd_err *store_report(rd_store *st, const char *from, const char *to, json_t **out)
{
    json_t *o = json_object(), *rows = NULL;
    rd_err *e = db_row(st, &rows,
                       "SELECT count(*) AS cases,"
                       " sum(k.status = 'closed') AS closed,"
                       " sum(EXISTS (SELECT 1 FROM escalations x WHERE x.case_id = k.id))"
                       " AS escalated,"
                       " sum(k.stage = 'terminated') AS terminated"
                       " FROM cases k WHERE " IN_PERIOD("k"),
                       "tt", from, to);
    if (!e) json_object_set_new(o, "totals", rows);
    if (!e)
        e = db_rows(st, &rows,
                    "SELECT coalesce(k.root_cause, 'not_identified') AS root_cause,"
                    " count(*) AS cases FROM cases k WHERE " IN_PERIOD(
                        "k") " GROUP BY 1 ORDER BY 2 DESC, 1",
                    "tt", from, to);
    if (!e) json_object_set_new(o, "root_causes", rows);
    if (!e)
        e = db_rows(st, &rows,
                    "SELECT substr(k.received_at, 1, 7) AS month,"
                    " coalesce(k.root_cause, 'not_identified') AS root_cause, count(*) AS cases"
                    " FROM cases k WHERE " IN_PERIOD("k") " GROUP BY 1, 2 ORDER BY 1, 2",
                    "tt", from, to);
    if (!e) json_object_set_new(o, "by_month", rows);
    /* hours from the complaint to the first thing sent back, per case that got an answer */
    if (!e)
        e = db_rows(st, &rows,
                    "SELECT k.id AS case_id, round((julianday(min(l.at)) -"
                    " julianday(k.received_at)) * 24, 2) AS hours FROM cases k"
                    " JOIN log_entries l ON l.case_id = k.id AND l.direction = 'out'"
                    " AND l.at >= k.received_at WHERE " IN_PERIOD("k") " GROUP BY k.id ORDER BY 2",
                    "tt", from, to);
    if (!e) json_object_set_new(o, "first_response_hours", rows);
    if (!e)
        e = db_rows(st, &rows,
                    "SELECT k.id AS case_id, round(julianday(k.closed_at) -"
                    " julianday(k.received_at), 2) AS days FROM cases k"
                    " WHERE k.closed_at IS NOT NULL AND " IN_PERIOD("k") " ORDER BY 2",
                    "tt", from, to);
    if (!e) json_object_set_new(o, "resolution_days", rows);
    if (!e)
        e = db_row(st, &rows,
                   "SELECT sum(f.status = 'chosen') AS chosen, sum(f.status = 'rejected')"
                   " AS rejected, count(*) AS offers FROM offers f JOIN cases k"
                   " ON k.id = f.case_id WHERE " IN_PERIOD("k"),
                   "tt", from, to);
    if (!e) json_object_set_new(o, "offers", rows);
    /* money: refunds and discounts granted on these cases beside what was paid in the period,
     * per currency (amounts are never added across currencies) */
    if (!e)
        e = db_rows(
            st, &rows,
            "SELECT currency, sum(refunds) AS refunds, sum(discounts) AS discounts,"
            " sum(revenue) AS revenue FROM ("
            " SELECT r.currency, sum(CASE r.kind WHEN 'refund' THEN r.amount ELSE 0 END)"
            " AS refunds, sum(CASE r.kind WHEN 'discount' THEN r.amount ELSE 0 END)"
            " AS discounts, 0 AS revenue FROM refunds r JOIN cases k ON k.id = r.case_id"
            " WHERE " IN_PERIOD(
                "k") " GROUP BY r.currency"
                     " UNION ALL SELECT i.currency, 0, 0, sum(y.amount) FROM payments y"
                     " JOIN invoices i ON i.id = y.invoice_id WHERE y.paid_on BETWEEN ?1 AND ?2"
                     " GROUP BY i.currency) GROUP BY currency ORDER BY currency",
            "tt", from, to);
    if (!e) json_object_set_new(o, "money", rows);
    if (!e)
        e = db_row(st, &rows,
                   "SELECT count(*) AS responses, round(avg(f.score), 2) AS average"
                   " FROM feedback f JOIN cases k ON k.id = f.case_id WHERE " IN_PERIOD("k"),
                   "tt", from, to);
    if (!e) json_object_set_new(o, "satisfaction", rows);
    /* kept: new work (a project) within twelve months after the case closed */
    if (!e)
        e = db_row(st, &rows,
                   "SELECT count(*) AS closed, sum(EXISTS (SELECT 1 FROM projects p"
                   " WHERE p.client_id = k.client_id AND p.created_at > k.closed_at"
                   " AND julianday(p.created_at) <= julianday(k.closed_at) + 365)) AS kept"
                   " FROM cases k WHERE k.closed_at IS NOT NULL AND " IN_PERIOD("k"),
                   "tt", from, to);
    if (!e) json_object_set_new(o, "kept", rows);
    if (!e)
        e = db_rows(st, &rows,
                    "SELECT s.id, s.case_id, s.what_went_wrong AS lesson, s.change,"
                    " s.change_made FROM lessons s JOIN cases k ON k.id = s.case_id"
                    " WHERE " IN_PERIOD("k") " ORDER BY s.change_made, s.id",
                    "tt", from, to);
    if (!e) json_object_set_new(o, "lessons", rows);
    /* per client: time logged in the period, what they paid in it, and what they still owe
     * today (written-off and credited amounts are not owed) */
    if (!e)
        e = db_rows(
            st, &rows,
            "SELECT c.id AS client_id, c.name AS client, (SELECT coalesce(sum(t.minutes),"
            " 0) FROM time_entries t WHERE t.client_id = c.id AND substr(t.at, 1, 10)"
            " BETWEEN ?1 AND ?2) AS minutes, (SELECT coalesce(sum(y.amount), 0)"
            " FROM payments y JOIN invoices i ON i.id = y.invoice_id JOIN projects p"
            " ON p.id = i.project_id WHERE p.client_id = c.id AND y.paid_on BETWEEN ?1"
            " AND ?2) AS paid, (SELECT coalesce(sum(b.balance), 0) FROM invoices i"
            " JOIN invoice_balances b ON b.invoice_id = i.id JOIN projects p"
            " ON p.id = i.project_id WHERE p.client_id = c.id AND b.balance > 0 AND i.currency ="
            " (SELECT currency FROM projects WHERE client_id = c.id ORDER BY id DESC"
            " LIMIT 1))"
            " AS owed, (SELECT p.currency FROM projects p WHERE p.client_id ="
            " c.id ORDER BY p.id DESC LIMIT 1) AS currency FROM clients c WHERE"
            " EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND " IN_PERIOD(
                "k") ") ORDER BY c.name, c.id",
            "tt", from, to);
    if (!e) json_object_set_new(o, "clients", rows);
    if (e) {
        json_decref(o);
        return e;
    }
    *out = o;
    return NULL;
}
