/* store_money.c — invoices, payments and reminders (P15), time entries and the walking-away
 * records (P16: the open obligations, handovers, terminations), revisions (P18) and the facts
 * screening reads (P21). Balances are computed here in SQL so every reader sees the same sum. */
#include "store/store_int.h"

#include <string.h>

/* ---------------------------------------------------------------- invoices */

rd_err *store_invoice_insert(rd_store *st, const rd_invoice_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO invoices(project_id, number, amount, currency, issued_on,"
                     " due_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     "ititttt", f->project_id, f->number, f->amount, f->currency, f->issued_on,
                     f->due_on, now);
}

/* Every invoice column plus the paid sum, the written-off sum, the balance and the last payment
 * date (all from the invoice_balances view, 016, the one definition of what is still owed), the
 * number of reminders, the project and the client it belongs to. */
#define INVOICE_SELECT                                                                             \
    "SELECT i.*, p.title AS project_title, p.client_id AS client_id, c.name AS client_name,"       \
    " b.paid, b.adjusted, b.balance, b.last_paid_on,"                                              \
    " (SELECT count(*) FROM invoice_reminders WHERE invoice_id = i.id) AS reminders"               \
    " FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id"                              \
    " JOIN projects p ON p.id = i.project_id JOIN clients c ON c.id = p.client_id"

rd_err *store_invoice_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, INVOICE_SELECT " WHERE i.id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "invoice: no invoice %lld", (long long)id);
    return e;
}

rd_err *store_invoice_list(rd_store *st, int64_t client_id, const char *overdue_on, rd_page *page,
                           json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (client_id)
        return db_page(st, rows, page, "invoices",
                       INVOICE_SELECT
                       " WHERE p.client_id = ?3 AND " DB_KEYSET_ASC("i", "due_on", "invoices")
                           INVOICE_OVERDUE " ORDER BY i.due_on, i.id LIMIT ?4",
                       "iti", after, overdue_on, client_id);
    return db_page(st, rows, page, "invoices",
                   INVOICE_SELECT " WHERE " DB_KEYSET_ASC("i", "due_on", "invoices") INVOICE_OVERDUE
                   " ORDER BY i.due_on, i.id LIMIT ?3",
                   "it", after, overdue_on);
}

rd_err *store_payment_insert(rd_store *st, int64_t invoice_id, int64_t amount, const char *paid_on,
                             const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO payments(invoice_id, amount, paid_on, created_at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "iitt", invoice_id, amount, paid_on, now);
}

rd_err *store_payment_list(rd_store *st, int64_t invoice_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM payments WHERE invoice_id = ?1 ORDER BY paid_on, id",
                   "i", invoice_id);
}

rd_err *store_reminder_insert(rd_store *st, int64_t invoice_id, int64_t log_id, const char *now,
                              int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO invoice_reminders(invoice_id, log_id, created_at)"
                     " VALUES (?1, ?2, ?3)",
                     "iit", invoice_id, log_id, now);
}

rd_err *store_client_mediations(rd_store *st, int64_t client_id, int64_t *count)
{
    return db_int(st, count,
                  "SELECT count(*) FROM escalations x JOIN cases k ON k.id = x.case_id"
                  " WHERE k.client_id = ?1 AND x.level = 'mediation'",
                  "i", client_id);
}

/* ---------------------------------------------------------------- time */

rd_err *store_time_insert(rd_store *st, int64_t client_id, int64_t case_id, int64_t minutes,
                          const char *note, const char *at, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO time_entries(client_id, case_id, minutes, note, at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                     "izitt", client_id, case_id, minutes, note, at);
}

/* ---------------------------------------------------------------- walking away */

rd_err *store_open_obligations(rd_store *st, int64_t client_id, json_t **out)
{
    json_t *commitments = NULL, *projects = NULL, *refunds = NULL, *invoices = NULL;
    rd_err *e = db_rows(st, &commitments,
                        "SELECT m.id, m.case_id, m.text, m.due_on FROM commitments m"
                        " JOIN cases k ON k.id = m.case_id WHERE k.client_id = ?1"
                        " AND m.done_at IS NULL AND m.handed_over IS NULL ORDER BY m.id",
                        "i", client_id);
    if (!e)
        e = db_rows(st, &projects,
                    "SELECT id, title, deadline FROM projects WHERE client_id = ?1"
                    " AND status = 'active' ORDER BY id",
                    "i", client_id);
    if (!e)
        e = db_rows(st, &refunds,
                    "SELECT r.id, r.case_id, r.kind, r.amount, r.currency FROM refunds r"
                    " JOIN cases k ON k.id = r.case_id WHERE k.client_id = ?1"
                    " AND r.paid_at IS NULL AND r.handed_over IS NULL ORDER BY r.id",
                    "i", client_id);
    if (!e)
        e = db_rows(st, &invoices,
                    "SELECT * FROM (" INVOICE_SELECT " WHERE p.client_id = ?1"
                    " AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.item = 'invoice'"
                    "   AND h.item_id = i.id)) WHERE balance > 0 ORDER BY id",
                    "i", client_id);
    if (e) {
        json_decref(commitments);
        json_decref(projects);
        json_decref(refunds);
        return e;
    }
    *out = json_pack("{s:o, s:o, s:o, s:o}", "commitments", commitments, "projects", projects,
                     "refunds", refunds, "invoices", invoices);
    return NULL;
}

rd_err *store_obligation_client(rd_store *st, const char *item, int64_t item_id, int64_t *client_id)
{
    const char *sql = NULL;
    if (strcmp(item, "commitment") == 0)
        sql = "SELECT k.client_id FROM commitments m JOIN cases k ON k.id = m.case_id"
              " WHERE m.id = ?1";
    else if (strcmp(item, "project") == 0)
        sql = "SELECT client_id FROM projects WHERE id = ?1";
    else if (strcmp(item, "refund") == 0)
        sql = "SELECT k.client_id FROM refunds r JOIN cases k ON k.id = r.case_id WHERE r.id = ?1";
    else if (strcmp(item, "invoice") == 0)
        sql = "SELECT p.client_id FROM invoices i JOIN projects p ON p.id = i.project_id"
              " WHERE i.id = ?1";
    if (!sql) return rd_error(RD_INVALID, "handover: '%s' is not an obligation", item);
    rd_err *e = db_int(st, client_id, sql, "i", item_id);
    if (!e && *client_id == 0)
        e = rd_error(RD_NOT_FOUND, "handover: no %s %lld", item, (long long)item_id);
    return e;
}

rd_err *store_handover_insert(rd_store *st, int64_t client_id, const char *item, int64_t item_id,
                              const char *note, const char *now, int64_t *id)
{
    rd_err *e = db_insert(st, id,
                          "INSERT INTO handovers(client_id, item, item_id, note, created_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)",
                          "ititt", client_id, item, item_id, note, now);
    if (e) return e;
    if (strcmp(item, "commitment") == 0)
        e = db_exec(st, "UPDATE commitments SET handed_over = ?2 WHERE id = ?1", "it", item_id,
                    note);
    else if (strcmp(item, "refund") == 0)
        e = db_exec(st, "UPDATE refunds SET handed_over = ?2 WHERE id = ?1", "it", item_id, note);
    else if (strcmp(item, "project") == 0)
        e = db_exec(st, "UPDATE projects SET status = 'handed_over', updated_at = ?2 WHERE id = ?1",
                    "it", item_id, now);
    return e;
}

rd_err *store_handover_list(rd_store *st, int64_t client_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM handovers WHERE client_id = ?1 ORDER BY id", "i",
                   client_id);
}

rd_err *store_termination_insert(rd_store *st, int64_t client_id, const char *reason,
                                 int64_t log_id, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO terminations(client_id, reason, log_id, created_at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "itzt", client_id, reason, log_id, now);
}

rd_err *store_cases_terminate(rd_store *st, int64_t client_id, const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET stage = 'terminated', updated_at = ?2"
                   " WHERE client_id = ?1 AND status <> 'closed'",
                   "it", client_id, now);
}

/* ---------------------------------------------------------------- screening */

rd_err *store_client_history(rd_store *st, int64_t client_id, const char *today, json_t **out)
{
    rd_err *e = db_row(
        st, out,
        "SELECT"
        " (SELECT count(*) FROM cases WHERE client_id = ?1) AS complaints,"
        " (SELECT max(received_at) FROM cases WHERE client_id = ?1) AS last_complaint,"
        " (SELECT count(*) FROM escalations x JOIN cases k ON k.id = x.case_id"
        "   WHERE k.client_id = ?1) AS escalations,"
        " (SELECT group_concat(level, ', ') FROM (SELECT DISTINCT x.level FROM escalations x"
        "   JOIN cases k ON k.id = x.case_id WHERE k.client_id = ?1 ORDER BY x.level))"
        "   AS escalation_levels,"
        " (SELECT count(*) FROM invoices i JOIN projects p ON p.id = i.project_id"
        "   WHERE p.client_id = ?1 AND ("
        "     (SELECT balance FROM invoice_balances WHERE invoice_id = i.id) > 0"
        "       AND i.due_on < ?2"
        "     OR (SELECT last_paid_on FROM invoice_balances WHERE invoice_id = i.id) > i.due_on))"
        "   AS late_payments,"
        " (SELECT count(*) FROM terminations WHERE client_id = ?1) AS terminations,"
        " (SELECT created_at FROM terminations WHERE client_id = ?1 ORDER BY id DESC LIMIT 1)"
        "   AS terminated_at,"
        " (SELECT reason FROM terminations WHERE client_id = ?1 ORDER BY id DESC LIMIT 1)"
        "   AS termination_reason",
        "it", client_id, today);
    if (!e && !*out) e = rd_error(RD_DB, "client history: no row");
    return e;
}

/* ---------------------------------------------------------------- revisions */

rd_err *store_revision_insert(rd_store *st, int64_t project_id, const char *note, int beyond,
                              const char *charge, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO revisions(project_id, note, beyond_policy, charge, created_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                     "ititt", project_id, note, (int64_t)beyond, charge, now);
}

/* The extra revision price of project p as it stood at time t: the newest amendment made
 * before then, else the value the first amendment since replaced, else the price as it is. */
#define STORE_PRICE_AT(t)                                                                          \
    "coalesce(CAST((SELECT new_value FROM project_amendments a WHERE a.project_id = p.id"          \
    " AND a.field = 'extra_revision_price' AND a.created_at < " t " ORDER BY a.id DESC LIMIT 1)"   \
    " AS INTEGER), CAST((SELECT old_value FROM project_amendments a WHERE a.project_id = p.id"     \
    " AND a.field = 'extra_revision_price' AND a.created_at >= " t " ORDER BY a.id LIMIT 1)"       \
    " AS INTEGER), p.extra_revision_price)"

rd_err *store_revision_list(rd_store *st, int64_t project_id, json_t **rows)
{
    return db_rows(
        st, rows,
        "SELECT r.*, p.currency AS currency, CASE WHEN r.charge = 'charge'"
        " AND r.reversed_at IS NULL THEN " STORE_PRICE_AT(
            "r.created_at") " END"
                            " AS price,"
                            " (SELECT count(*) FROM revisions q WHERE q.project_id = r.project_id"
                            "   AND q.id <= r.id) AS number"
                            " FROM revisions r JOIN projects p ON p.id = r.project_id"
                            " WHERE r.project_id = ?1 ORDER BY r.id",
        "i", project_id);
}
