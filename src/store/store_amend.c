/* store_amend.c — putting mistakes right without editing history: a project's agreed terms
 * changed by a recorded amendment, a revision charge reversed, a log entry corrected by a new
 * entry that points to it, a commitment split into parts, and what a client still owes (from
 * the invoice_balances view, the one definition of an invoice's balance). */
#include "store/store_int.h"

#include <string.h>

/* ---------------------------------------------------------------- what is owed */

rd_err *store_client_owed(rd_store *st, int64_t client_id, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT i.currency, sum(b.balance) AS owed, count(*) AS invoices"
                   " FROM projects p JOIN invoices i ON i.project_id = p.id"
                   " JOIN invoice_balances b ON b.invoice_id = i.id"
                   " WHERE p.client_id = ?1 AND b.balance > 0 GROUP BY i.currency"
                   " ORDER BY i.currency",
                   "i", client_id);
}

/* ---------------------------------------------------------------- amendments */

/* The statement that sets one amendable column; NULL for any other name. Column names cannot be
 * bound, so each has its own fixed statement. */
static const char *amend_sql(const char *field)
{
    if (strcmp(field, "price") == 0)
        return "UPDATE projects SET price = ?2, updated_at = ?3 WHERE id = ?1";
    if (strcmp(field, "currency") == 0)
        return "UPDATE projects SET currency = ?2, updated_at = ?3 WHERE id = ?1";
    if (strcmp(field, "revisions") == 0)
        return "UPDATE projects SET revisions = ?2, updated_at = ?3 WHERE id = ?1";
    if (strcmp(field, "extra_revision_price") == 0)
        return "UPDATE projects SET extra_revision_price = ?2, updated_at = ?3 WHERE id = ?1";
    return NULL;
}

rd_err *store_project_amend(rd_store *st, int64_t project_id, const char *field,
                            const char *old_value, const char *new_value, const char *reason,
                            const char *now, int64_t *id)
{
    const char *sql = amend_sql(field);
    if (!sql) return rd_error(RD_INVALID, "field: '%s' cannot be amended", field);
    rd_err *e = db_insert(st, id,
                          "INSERT INTO project_amendments(project_id, field, old_value,"
                          " new_value, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          "ittttt", project_id, field, old_value, new_value, reason, now);
    /* the text form is stored; the column takes it back as its own type (INTEGER affinity
     * turns "240000" into 240000, TEXT keeps "GBP") */
    if (!e) e = db_exec(st, sql, "itt", project_id, new_value, now);
    return e;
}

rd_err *store_project_amendments(rd_store *st, int64_t project_id, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT a.*, p.title AS project_title FROM project_amendments a"
                   " JOIN projects p ON p.id = a.project_id WHERE a.project_id = ?1"
                   " ORDER BY a.id",
                   "i", project_id);
}

rd_err *store_project_invoiced(rd_store *st, int64_t project_id, int64_t *n)
{
    return db_int(st, n,
                  "SELECT (SELECT count(*) FROM invoices WHERE project_id = ?1)"
                  " + (SELECT count(*) FROM refunds WHERE project_id = ?1)"
                  " + (SELECT count(*) FROM offers o JOIN cases k ON k.id = o.case_id"
                  "    WHERE k.project_id = ?1)",
                  "i", project_id);
}

/* ---------------------------------------------------------------- revisions */

rd_err *store_revision_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT r.*, p.title AS project_title, p.client_id, p.currency,"
                       " p.extra_revision_price AS price FROM revisions r"
                       " JOIN projects p ON p.id = r.project_id WHERE r.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "revision: no revision %lld", (long long)id);
    return e;
}

rd_err *store_revision_reverse(rd_store *st, int64_t id, const char *reason, const char *now)
{
    return db_exec(st, "UPDATE revisions SET reversed_at = ?2, reversed_reason = ?3 WHERE id = ?1",
                   "itt", id, now, reason);
}

/* ---------------------------------------------------------------- log corrections */

rd_err *store_log_entry(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT id, client_id, case_id, direction, channel, at, subject, body,"
                       " recorded_at FROM log_entries WHERE id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "entry: no log entry %lld", (long long)id);
    return e;
}

rd_err *store_log_correction_insert(rd_store *st, int64_t log_id, int64_t corrects_id,
                                    const char *now)
{
    return db_exec(st,
                   "INSERT INTO log_corrections(log_id, corrects_id, created_at)"
                   " VALUES (?1, ?2, ?3)",
                   "iit", log_id, corrects_id, now);
}

rd_err *store_log_corrections(rd_store *st, int64_t case_id, int64_t client_id, json_t **rows)
{
    if (case_id)
        return db_rows(st, rows,
                       "SELECT x.log_id, x.corrects_id, x.created_at FROM log_entries l"
                       " JOIN log_corrections x ON x.log_id = l.id WHERE l.case_id = ?1"
                       " ORDER BY x.log_id",
                       "i", case_id);
    return db_rows(st, rows,
                   "SELECT x.log_id, x.corrects_id, x.created_at FROM log_entries l"
                   " JOIN log_corrections x ON x.log_id = l.id WHERE l.client_id = ?1"
                   " ORDER BY x.log_id",
                   "i", client_id);
}

/* ---------------------------------------------------------------- commitment parts */

rd_err *store_commitment_part_insert(rd_store *st, int64_t parent_id, const char *text,
                                     const char *due_on, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO commitments(case_id, option_id, text, due_on, created_at,"
                     " parent_id) SELECT case_id, option_id, ?2, ?3, ?4, id FROM commitments"
                     " WHERE id = ?1",
                     "ittt", parent_id, text, due_on, now);
}

rd_err *store_commitment_parts(rd_store *st, int64_t parent_id, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM commitments WHERE parent_id = ?1 ORDER BY due_on, id",
                   "i", parent_id);
}
