/* store_mail.c — imported and sent messages beside their log entries, attachments and the
 * bytes they point at (kept once per content hash), the SMTP outbox, and full-text search. */
#include "store/store_int.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

rd_err *store_mail_known(rd_store *st, const char *message_id, bool *known)
{
    int64_t n = 0;
    rd_err *e =
        db_int(st, &n, "SELECT count(*) FROM mail_messages WHERE message_id = ?1", "t", message_id);
    *known = n > 0;
    return e;
}

rd_err *store_mail_insert(rd_store *st, const rd_mail_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO mail_messages(log_id, message_id, from_addr, from_name, to_addrs,"
                     " cc_addrs, in_reply_to, refs, source, created_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                     "ittttttttt", f->log_id, f->message_id, f->from_addr, f->from_name,
                     f->to_addrs, f->cc_addrs, f->in_reply_to, f->refs, f->source, now);
}

rd_err *store_mail_of_log(rd_store *st, int64_t log_id, json_t **row)
{
    return db_row(st, row, "SELECT * FROM mail_messages WHERE log_id = ?1", "i", log_id);
}

rd_err *store_mail_case_of(rd_store *st, const char *message_id, int64_t client_id,
                           int64_t *case_id)
{
    return db_int(st, case_id,
                  "SELECT coalesce(l.case_id, 0) FROM mail_messages m"
                  " JOIN log_entries l ON l.id = m.log_id"
                  " WHERE m.message_id = ?1 AND l.client_id = ?2",
                  "ti", message_id, client_id);
}

rd_err *store_mail_last_from_client(rd_store *st, int64_t client_id, int64_t case_id, json_t **row)
{
    return db_row(st, row,
                  "SELECT m.message_id, m.refs, l.subject FROM mail_messages m"
                  " JOIN log_entries l ON l.id = m.log_id"
                  " WHERE l.client_id = ?1 AND l.direction = 'in'"
                  " AND m.message_id NOT LIKE 'blake2b:%'"
                  " ORDER BY (l.case_id IS ?2) DESC, l.at DESC, l.id DESC LIMIT 1",
                  "iz", client_id, case_id);
}

rd_err *store_client_by_email(rd_store *st, const char *addr, int64_t *client_id)
{
    return db_int(st, client_id,
                  "SELECT id FROM clients WHERE lower(email) = lower(?1)"
                  " ORDER BY status = 'active' DESC, id LIMIT 1",
                  "t", addr);
}

rd_err *store_client_open_cases(rd_store *st, int64_t client_id, int64_t *count, int64_t *newest)
{
    json_t *row = NULL;
    rd_err *e = db_row(st, &row,
                       "SELECT count(*) AS n, coalesce(max(id), 0) AS newest FROM cases"
                       " WHERE client_id = ?1 AND status <> 'closed' AND stage <> 'terminated'",
                       "i", client_id);
    if (!e) {
        *count = json_integer_value(json_object_get(row, "n"));
        *newest = json_integer_value(json_object_get(row, "newest"));
    }
    json_decref(row);
    return e;
}

/* ---------------------------------------------------------------- attachments */

rd_err *store_blob_put(rd_store *st, const char *hash, const void *data, size_t size)
{
    return db_exec(st, "INSERT OR IGNORE INTO blobs(hash, size, data) VALUES (?1, ?2, ?3)", "tib",
                   hash, (int64_t)size, data, size);
}

rd_err *store_blob_get(rd_store *st, const char *hash, void **data, size_t *size)
{
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, "SELECT data FROM blobs WHERE hash = ?1", -1, &stmt, NULL) !=
        SQLITE_OK)
        return db_error(st, "prepare");
    sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
    rd_err *e = NULL;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *size = (size_t)sqlite3_column_bytes(stmt, 0);
        *data = xmalloc(*size ? *size : 1);
        if (*size) memcpy(*data, sqlite3_column_blob(stmt, 0), *size);
    } else if (rc == SQLITE_DONE) {
        e = rd_error(RD_NOT_FOUND, "attachment: its content %s is missing", hash);
    } else {
        e = db_error(st, "query");
    }
    sqlite3_finalize(stmt);
    return e;
}

rd_err *store_attachment_insert(rd_store *st, const rd_attachment_fields *f, const char *now,
                                int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO attachments(client_id, case_id, log_id, hash, name, type, size,"
                     " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                     "izztttit", f->client_id, f->case_id, f->log_id, f->hash, f->name, f->type,
                     (int64_t)f->size, now);
}

rd_err *store_attachment_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, "SELECT * FROM attachments WHERE id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "attachment: no attachment %lld", (long long)id);
    return e;
}

/* What a list of attachments gives of each (not the bytes). */
#define ATTACHMENT_COLS "SELECT id, client_id, case_id, log_id, hash, name, type, size, created_at"

rd_err *store_attachment_list(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows, ATTACHMENT_COLS " FROM attachments WHERE case_id = ?1 ORDER BY id",
                   "i", case_id);
}

/* ---------------------------------------------------------------- search */

rd_err *store_search(rd_store *st, const rd_search_query *q, json_t **rows)
{
    /* BM25 needs every match's length, so ranking all of them costs in proportion to how common
     * the words are (a third of a large mailbox for "invoice"). The rank is computed over the
     * newest STORE_SEARCH_WINDOW matches instead, which FTS5 finds by walking its doclists
     * backwards and stopping: the cost stays flat as the mailbox grows. */
    rd_err *e = db_rows(st, rows,
                        "SELECT kind, ref, client_id, case_id, at, subject,"
                        " snippet(search_fts, 6, char(2), char(3), '…', 16) AS snippet,"
                        " highlight(search_fts, 5, char(2), char(3)) AS title,"
                        " bm25(search_fts, 0, 0, 0, 0, 0, 2.0, 1.0) AS rank"
                        " FROM search_fts WHERE search_fts MATCH ?1"
                        " AND (?2 = 0 OR client_id = ?2) AND (?3 = 0 OR case_id = ?3)"
                        " AND (?4 IS NULL OR at >= ?4)"
                        " AND rowid >= (SELECT coalesce(min(rowid), 0) FROM"
                        "  (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1"
                        "   AND (?2 = 0 OR client_id = ?2) AND (?3 = 0 OR case_id = ?3)"
                        "   AND (?4 IS NULL OR at >= ?4) ORDER BY rowid DESC LIMIT ?6))"
                        " ORDER BY bm25(search_fts, 0, 0, 0, 0, 0, 2.0, 1.0) LIMIT ?5",
                        "tiitii", q->match, q->client_id, q->case_id, q->since, q->limit,
                        (int64_t)STORE_SEARCH_WINDOW);
    if (e && e->code == RD_DB && sqlite3_errcode(st->db) == SQLITE_ERROR) {
        /* FTS5 reports a malformed query as a plain SQL error; its wording is not the user's */
        rd_err_free(e);
        e = rd_error(RD_INVALID, "query: '%s' is not a search", q->match);
    }
    return e;
}

/* ---------------------------------------------------------------- bulk writing */

/* The triggers of migration 011 that index each new row, with their DROP statements (names
 * cannot be bound). */
static const struct {
    const char *name, *drop;
} search_triggers[] = {
    {"search_log_ai", "DROP TRIGGER search_log_ai"},
    {"search_concern_ai", "DROP TRIGGER search_concern_ai"},
    {"search_attachment_ai", "DROP TRIGGER search_attachment_ai"},
};
#define NSEARCH_TRIGGERS (sizeof search_triggers / sizeof search_triggers[0])

rd_err *store_search_defer(rd_store *st)
{
    assert(st->batch && !st->search_deferred && "store_search_defer: once, inside a batch");
    json_t *saved = NULL, *sqls = json_array();
    rd_err *e = db_row(st, &saved,
                       "SELECT (SELECT coalesce(max(id), 0) FROM log_entries) AS log,"
                       " (SELECT coalesce(max(id), 0) FROM concerns) AS concern,"
                       " (SELECT coalesce(max(id), 0) FROM attachments) AS attachment",
                       NULL);
    for (size_t i = 0; !e && i < NSEARCH_TRIGGERS; i++) {
        json_t *row = NULL;
        e = db_row(st, &row, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                   "t", search_triggers[i].name);
        const char *sql = json_string_value(json_object_get(row, "sql"));
        if (!e && !sql)
            e = rd_error(RD_DB, "search: the index trigger %s is missing", search_triggers[i].name);
        if (!e) json_array_append_new(sqls, json_string(sql));
        json_decref(row);
        if (!e) e = db_exec(st, search_triggers[i].drop, NULL);
    }
    if (e) {
        json_decref(saved);
        json_decref(sqls);
        return e;
    }
    json_object_set_new(saved, "triggers", sqls);
    st->search_deferred = saved;
    return NULL;
}

rd_err *store_search_catch_up(rd_store *st)
{
    json_t *saved = st->search_deferred;
    assert(saved && "store_search_catch_up: after store_search_defer");
    st->search_deferred = NULL;
    /* in time order, as the triggers would have added them */
    rd_err *e = db_exec(
        st,
        "INSERT INTO search_fts(kind, ref, client_id, case_id, at, subject, body)"
        " SELECT 'log', id, client_id, case_id, at, subject, body FROM log_entries WHERE id > ?1"
        " UNION ALL SELECT 'concern', c.id, k.client_id, c.case_id, c.created_at, c.text,"
        "   coalesce(c.specifics, '') || char(10) || coalesce(c.example, '')"
        "   FROM concerns c JOIN cases k ON k.id = c.case_id WHERE c.id > ?2"
        " UNION ALL SELECT 'attachment', id, client_id, case_id, created_at, name, NULL"
        "   FROM attachments WHERE id > ?3 ORDER BY 5, 2",
        "iii", json_integer_value(json_object_get(saved, "log")),
        json_integer_value(json_object_get(saved, "concern")),
        json_integer_value(json_object_get(saved, "attachment")));
    size_t i;
    json_t *sql;
    json_array_foreach(json_object_get(saved, "triggers"), i, sql)
    {
        if (!e) e = db_exec(st, json_string_value(sql), NULL);
    }
    json_decref(saved);
    return e;
}

/* ---------------------------------------------------------------- outbox */

rd_err *store_outbox_insert(rd_store *st, int64_t draft_id, int64_t log_id, const char *message_id,
                            const char *rcpt, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO mail_outbox(draft_id, log_id, message_id, rcpt, created_at,"
                     " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                     "zittt", draft_id, log_id, message_id, rcpt, now);
}

rd_err *store_outbox_get(rd_store *st, int64_t draft_id, json_t **row)
{
    return db_row(st, row, "SELECT * FROM mail_outbox WHERE draft_id = ?1", "i", draft_id);
}

rd_err *store_outbox_of_log(rd_store *st, int64_t log_id, json_t **row)
{
    return db_row(st, row, "SELECT * FROM mail_outbox WHERE log_id = ?1", "i", log_id);
}

rd_err *store_outbox_of_case(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT o.log_id, o.status, o.rcpt, o.attempts, o.answer, o.sent_at,"
                   " o.updated_at FROM log_entries l JOIN mail_outbox o ON o.log_id = l.id"
                   " WHERE l.case_id = ?1 ORDER BY o.log_id",
                   "i", case_id);
}

rd_err *store_log_sent_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT l.id, l.client_id, l.case_id, l.direction, l.channel, l.at,"
                       " l.subject, l.body, (SELECT d.id FROM drafts d WHERE d.log_id = l.id)"
                       " AS draft_id FROM log_entries l WHERE l.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "log: no log entry %lld", (long long)id);
    return e;
}

rd_err *store_attachments_of_log(rd_store *st, int64_t log_id, json_t **rows)
{
    return db_rows(st, rows, ATTACHMENT_COLS " FROM attachments WHERE log_id = ?1 ORDER BY id", "i",
                   log_id);
}

rd_err *store_outbox_result(rd_store *st, int64_t id, bool sent, const char *answer,
                            const char *now)
{
    return db_exec(st,
                   "UPDATE mail_outbox SET status = CASE WHEN ?2 THEN 'sent' ELSE 'failed' END,"
                   " attempts = attempts + 1, answer = ?3, updated_at = ?4,"
                   " sent_at = CASE WHEN ?2 THEN ?4 END WHERE id = ?1",
                   "iitt", id, (int64_t)sent, answer, now);
}
