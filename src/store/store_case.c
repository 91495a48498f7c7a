/* store_case.c — complaint cases: opening, reading and listing them. The playbook's later
 * stages add their own statements beside these. */
#include "store/store_int.h"

#include <string.h>

rd_err *store_case_insert(rd_store *st, const rd_case_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO cases(client_id, project_id, channel, received_at, words,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                     "iztttt", f->client_id, f->project_id, f->channel, f->received_at, f->words,
                     now);
}

/* A case with its client's name and contact and its project's title; the cases table as
 * given (an INDEXED BY where the planner would choose worse). */
#define CASE_SELECT_FROM(cases)                                                                    \
    "SELECT k.*, c.name AS client_name, c.email AS client_email, c.phone AS client_phone,"         \
    " p.title AS project_title FROM " cases " JOIN clients c ON c.id = k.client_id"                \
    " LEFT JOIN projects p ON p.id = k.project_id"
#define CASE_SELECT CASE_SELECT_FROM("cases k")
/* The rest of a page of cases of one status, newest first: after the case ?1, stage ?3 or any,
 * at most ?4 rows. */
#define CASE_PAGE_REST                                                                             \
    DB_KEYSET_DESC("k", "received_at", "cases")                                                    \
    " AND (?3 IS NULL OR k.stage = ?3) ORDER BY k.received_at DESC, k.id DESC LIMIT ?4"

rd_err *store_case_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, CASE_SELECT " WHERE k.id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "case: no case %lld", (long long)id);
    return e;
}

/* Newest first. One client's cases come through cases_client_received, every case through
 * cases_received: either way the index gives the order, so a page reads only its own rows (plus
 * those the status or stage filter passes over). */
rd_err *store_case_list(rd_store *st, const char *status, const char *stage, int64_t client_id,
                        rd_page *page, json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (client_id)
        return db_page(
            st, rows, page, "cases",
            CASE_SELECT " WHERE k.client_id = ?4 AND " DB_KEYSET_DESC(
                "k", "received_at", "cases") " AND (?2 IS NULL OR k.status = ?2)"
                                             " AND (?3 IS NULL OR k.stage = ?3)"
                                             " ORDER BY k.received_at DESC, k.id DESC LIMIT ?5",
            "itti", after, status, stage, client_id);
    /* The open ones through their own index (they may be few among years of closed cases); the
     * paused ones, never many, through cases_status and sorted. "?2 IS NULL OR status = ?2"
     * can use no index: it reads every case newest first until the page is full, all of them
     * when none matches. */
    if (status && strcmp(status, "open") == 0)
        return db_page(
            st, rows, page, "cases",
            CASE_SELECT_FROM("cases k INDEXED BY cases_open_received") " WHERE k.status = 'open' "
                                                                       "AND " CASE_PAGE_REST,
            "itt", after, status, stage);
    if (status && strcmp(status, "paused") == 0)
        return db_page(st, rows, page, "cases",
                       CASE_SELECT " WHERE k.status = 'paused' AND " CASE_PAGE_REST, "itt", after,
                       status, stage);
    return db_page(st, rows, page, "cases",
                   CASE_SELECT " WHERE " DB_KEYSET_DESC(
                       "k", "received_at", "cases") " AND (?2 IS NULL OR k.status = ?2)"
                                                    " AND (?3 IS NULL OR k.stage = ?3)"
                                                    " ORDER BY k.received_at DESC, k.id DESC"
                                                    " LIMIT ?4",
                   "itt", after, status, stage);
}

rd_err *store_setting_get(rd_store *st, const char *key, char **value)
{
    json_t *row = NULL;
    rd_err *e = db_row(st, &row, "SELECT value FROM settings WHERE key = ?1", "t", key);
    *value = NULL;
    if (!e && row) *value = xstrdup(json_string_value(json_object_get(row, "value")));
    json_decref(row);
    return e;
}

rd_err *store_setting_set(rd_store *st, const char *key, const char *value)
{
    return db_exec(st,
                   "INSERT INTO settings(key, value) VALUES (?1, ?2)"
                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   "tt", key, value);
}

rd_err *store_setting_list(rd_store *st, json_t **rows)
{
    return db_rows(st, rows, "SELECT key, value FROM settings ORDER BY key", NULL);
}
