/* store_auth.c — accounts, sign-in sessions, API tokens and failed sign-ins (010_accounts.sql).
 * Only hashes of secrets reach these functions; hashing and checking live in the desk. */
#include "store/store_int.h"

rd_err *store_user_insert(rd_store *st, const char *name, const char *pass_hash, const char *now,
                          int64_t *id)
{
    int64_t n = 0;
    rd_err *e = db_int(st, &n, "SELECT count(*) FROM users WHERE name = ?1", "t", name);
    if (!e && n) e = rd_error(RD_CONFLICT, "name: a user called '%s' exists already", name);
    if (!e)
        e = db_insert(st, id, "INSERT INTO users(name, pass_hash, created_at) VALUES (?1, ?2, ?3)",
                      "ttt", name, pass_hash, now);
    return e;
}

rd_err *store_user_find(rd_store *st, const char *name, json_t **row)
{
    return db_row(st, row, "SELECT id, name, pass_hash, removed_at FROM users WHERE name = ?1", "t",
                  name);
}

rd_err *store_user_get(rd_store *st, int64_t id, json_t **row)
{
    return db_row(st, row, "SELECT id, name, removed_at FROM users WHERE id = ?1", "i", id);
}

rd_err *store_user_count(rd_store *st, int64_t *n)
{
    return db_int(st, n, "SELECT count(*) FROM users WHERE removed_at IS NULL", NULL);
}

rd_err *store_user_list(rd_store *st, const char *now, rd_page *page, json_t **rows)
{
    /* keyset on (removed, name, id): the cursor row's own place, found by its primary key */
    return db_page(st, rows, page, "users",
                   "SELECT u.id, u.name, u.pass_hash IS NOT NULL AS has_password, u.created_at,"
                   " u.removed_at, (SELECT count(*) FROM sessions s WHERE s.user_id = u.id"
                   " AND s.expires_at > ?1) AS sessions"
                   " FROM users u WHERE (u.removed_at IS NOT NULL, u.name, u.id) >"
                   " (coalesce((SELECT removed_at IS NOT NULL FROM users WHERE id = ?2), -1),"
                   "  coalesce((SELECT name FROM users WHERE id = ?2), '') COLLATE NOCASE, ?2)"
                   " ORDER BY u.removed_at IS NOT NULL, u.name, u.id LIMIT ?3",
                   "ti", now, page ? page->after : 0);
}

rd_err *store_user_password(rd_store *st, int64_t id, const char *pass_hash)
{
    return db_exec(st, "UPDATE users SET pass_hash = ?2, removed_at = NULL WHERE id = ?1", "it", id,
                   pass_hash);
}

rd_err *store_user_remove(rd_store *st, int64_t id, const char *now)
{
    rd_err *e = db_exec(st, "UPDATE users SET pass_hash = NULL, removed_at = ?2 WHERE id = ?1",
                        "it", id, now);
    if (!e) e = db_exec(st, "DELETE FROM sessions WHERE user_id = ?1", "i", id);
    return e;
}

rd_err *store_session_insert(rd_store *st, const char *id_hash, int64_t user_id, const char *csrf,
                             const char *now, const char *expires)
{
    return db_exec(st,
                   "INSERT INTO sessions(id_hash, user_id, csrf, created_at, expires_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                   "tittt", id_hash, user_id, csrf, now, expires);
}

rd_err *store_session_find(rd_store *st, const char *id_hash, const char *now, json_t **row)
{
    return db_row(
        st, row,
        "SELECT s.user_id, u.name, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.id_hash = ?1 AND s.expires_at > ?2 AND u.removed_at IS NULL",
        "tt", id_hash, now);
}

rd_err *store_session_delete(rd_store *st, const char *id_hash, const char *now)
{
    rd_err *e = db_exec(st, "DELETE FROM sessions WHERE id_hash = ?1", "t", id_hash);
    if (!e) e = db_exec(st, "DELETE FROM sessions WHERE expires_at <= ?1", "t", now);
    return e;
}

rd_err *store_token_insert(rd_store *st, const char *name, const char *token_hash, const char *now,
                           int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO api_tokens(name, token_hash, created_at) VALUES (?1, ?2, ?3)",
                     "ttt", name, token_hash, now);
}

rd_err *store_token_find(rd_store *st, const char *token_hash, json_t **row)
{
    return db_row(st, row,
                  "SELECT id, name FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL",
                  "t", token_hash);
}

rd_err *store_token_list(rd_store *st, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "api_tokens",
                   "SELECT id, name, created_at, revoked_at FROM api_tokens WHERE id > ?1"
                   " ORDER BY id LIMIT ?2",
                   "i", page ? page->after : 0);
}

rd_err *store_token_revoke(rd_store *st, int64_t id, const char *now)
{
    int64_t n = 0;
    rd_err *e = db_int(
        st, &n, "SELECT count(*) FROM api_tokens WHERE id = ?1 AND revoked_at IS NULL", "i", id);
    if (!e && !n) e = rd_error(RD_NOT_FOUND, "token: no valid token %lld", (long long)id);
    if (!e) e = db_exec(st, "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1", "it", id, now);
    return e;
}

rd_err *store_signin_failure_add(rd_store *st, const char *account, const char *address,
                                 const char *now, const char *forget_before)
{
    rd_err *e = db_exec(st, "INSERT INTO signin_failures(account, address, at) VALUES (?1, ?2, ?3)",
                        "ttt", account, address, now);
    if (!e) e = db_exec(st, "DELETE FROM signin_failures WHERE at < ?1", "t", forget_before);
    return e;
}

rd_err *store_signin_failures(rd_store *st, const char *account, const char *address,
                              const char *since, int64_t *by_account, int64_t *by_address)
{
    rd_err *e = db_int(st, by_account,
                       "SELECT count(*) FROM signin_failures WHERE account = ?1 AND at >= ?2", "tt",
                       account, since);
    if (!e)
        e = db_int(st, by_address,
                   "SELECT count(*) FROM signin_failures WHERE address = ?1 AND at >= ?2", "tt",
                   address, since);
    return e;
}

rd_err *store_signin_failures_clear(rd_store *st, const char *account)
{
    return db_exec(st, "DELETE FROM signin_failures WHERE account = ?1", "t", account);
}
