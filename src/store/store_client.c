/* store_client.c — clients and their projects: the people the user works for and what was
 * agreed with them at the start (P20). */
#include "store/store_int.h"

rd_err *store_client_insert(rd_store *st, const rd_client_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO clients(name, email, phone, company, notes, created_at,"
                     " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                     "tttttt", f->name, f->email, f->phone, f->company, f->notes, now);
}

/* NULL keeps a field, "" clears it (name cannot be cleared: the desk refuses that). */
rd_err *store_client_update(rd_store *st, int64_t id, const rd_client_fields *f, const char *now)
{
    return db_exec(st,
                   "UPDATE clients SET"
                   " name = coalesce(?2, name),"
                   " email = CASE WHEN ?3 IS NULL THEN email WHEN ?3 = '' THEN NULL ELSE ?3 END,"
                   " phone = CASE WHEN ?4 IS NULL THEN phone WHEN ?4 = '' THEN NULL ELSE ?4 END,"
                   " company = CASE WHEN ?5 IS NULL THEN company WHEN ?5 = '' THEN NULL"
                   "           ELSE ?5 END,"
                   " notes = CASE WHEN ?6 IS NULL THEN notes WHEN ?6 = '' THEN NULL ELSE ?6 END,"
                   " status = coalesce(?7, status),"
                   " updated_at = ?8"
                   " WHERE id = ?1",
                   "ittttttt", id, f->name, f->email, f->phone, f->company, f->notes, f->status,
                   now);
}

rd_err *store_client_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, "SELECT * FROM clients WHERE id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "client: no client %lld", (long long)id);
    return e;
}

rd_err *store_client_list(rd_store *st, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "clients",
                   "SELECT c.*,"
                   " (SELECT count(*) FROM cases k WHERE k.client_id = c.id"
                   "  AND k.status <> 'closed') AS open_cases"
                   " FROM clients c WHERE (c.name, c.id) >"
                   " (coalesce((SELECT name FROM clients WHERE id = ?1), '') COLLATE NOCASE, ?1)"
                   " ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?2",
                   "i", page ? page->after : 0);
}

rd_err *store_project_insert(rd_store *st, const rd_project_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO projects(client_id, title, scope, deliverables, deadline,"
                     " price, currency, payment_terms, revisions, extra_revision_price,"
                     " created_at, updated_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                     "ittttItiiIt", f->client_id, f->title, f->scope, f->deliverables, f->deadline,
                     f->price, f->currency, f->payment_terms, f->revisions, f->extra_revision_price,
                     now);
}

rd_err *store_project_update(rd_store *st, int64_t id, const rd_project_change *c, const char *now)
{
    return db_exec(st,
                   "UPDATE projects SET"
                   " title = coalesce(?2, title),"
                   " scope = CASE WHEN ?3 IS NULL THEN scope WHEN ?3 = '' THEN NULL ELSE ?3 END,"
                   " deliverables = CASE WHEN ?4 IS NULL THEN deliverables WHEN ?4 = '' THEN NULL"
                   "   ELSE ?4 END,"
                   " deadline = CASE WHEN ?5 IS NULL THEN deadline WHEN ?5 = '' THEN NULL"
                   "   ELSE ?5 END,"
                   " status = coalesce(?6, status), updated_at = ?7"
                   " WHERE id = ?1",
                   "itttttt", id, c->title, c->scope, c->deliverables, c->deadline, c->status, now);
}

rd_err *store_project_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT p.*, c.name AS client_name,"
                       " (SELECT count(*) FROM revisions r WHERE r.project_id = p.id)"
                       "   AS revisions_used"
                       " FROM projects p JOIN clients c ON c.id = p.client_id WHERE p.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "project: no project %lld", (long long)id);
    return e;
}

rd_err *store_project_list(rd_store *st, int64_t client_id, rd_page *page, json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (client_id)
        return db_page(st, rows, page, "projects",
                       "SELECT p.*, c.name AS client_name FROM projects p"
                       " JOIN clients c ON c.id = p.client_id"
                       " WHERE p.client_id = ?2 AND p.id > ?1 ORDER BY p.id LIMIT ?3",
                       "ii", after, client_id);
    return db_page(st, rows, page, "projects",
                   "SELECT p.*, c.name AS client_name FROM projects p"
                   " JOIN clients c ON c.id = p.client_id"
                   " WHERE p.id > ?1 ORDER BY p.id LIMIT ?2",
                   "i", after);
}
