/* store_facts.c — figures the playbook's triggers are computed from: time spent on a client,
 * what they paid, how they paid, and what was recorded on their cases. */
#include "store/store_int.h"

rd_err *store_client_facts(rd_store *st, int64_t client_id, const char *today, const char *currency,
                           json_t **out)
{
    rd_err *e = db_row(
        st, out,
        "SELECT"
        " (SELECT coalesce(sum(minutes), 0) FROM time_entries WHERE client_id = ?1) AS minutes,"
        " (SELECT coalesce(sum(pay.amount), 0) FROM payments pay"
        "   JOIN invoices i ON i.id = pay.invoice_id JOIN projects p ON p.id = i.project_id"
        "   WHERE p.client_id = ?1 AND i.currency = ?3) AS paid,"
        " (SELECT coalesce(sum(r.amount), 0) FROM refunds r JOIN cases k ON k.id = r.case_id"
        "   WHERE k.client_id = ?1 AND r.currency = ?3 AND r.kind = 'refund') AS refunded,"
        " (SELECT count(*) FROM invoices i JOIN projects p ON p.id = i.project_id"
        "   WHERE p.client_id = ?1 AND i.currency <> ?3) AS other_currency_invoices,"
        " (SELECT count(*) FROM invoices i JOIN projects p ON p.id = i.project_id"
        "   WHERE p.client_id = ?1 AND ("
        "     (SELECT balance FROM invoice_balances WHERE invoice_id = i.id) > 0"
        "       AND i.due_on < ?2"
        "     OR (SELECT last_paid_on FROM invoice_balances WHERE invoice_id = i.id) > i.due_on))"
        "   AS late_or_unpaid,"
        " (SELECT count(*) FROM cases WHERE client_id = ?1 AND abuse = 1) AS abusive_cases",
        "itt", client_id, today, currency);
    if (!e && !*out) e = rd_error(RD_DB, "client facts: no row");
    return e;
}
