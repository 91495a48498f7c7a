/* db.c — opening the SQLite database, applying the embedded migrations (each one recorded in
 * schema_migrations, so files may be added in any order), transactions, and the bind/step helpers every store file uses. */
#include "store/store_int.h"

#include <assert.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/embed.h"

extern const rd_embedded store_schema[];

rd_err *db_error(rd_store *st, const char *what)
{
    int code = sqlite3_extended_errcode(st->db);
    const char *msg = sqlite3_errmsg(st->db);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        const char *cols = strstr(msg, "failed: ");
        return rd_error(RD_CONFLICT, "%s: a row with the same %s already exists", what,
                        cols ? cols + 8 : "key");
    }
    if ((code & 0xff) == SQLITE_CONSTRAINT) return rd_error(RD_INVALID, "%s: %s", what, msg);
    if ((code & 0xff) == SQLITE_READONLY)
        return rd_error(RD_IO, "%s: the database is read-only (%s)", what, msg);
    if ((code & 0xff) == SQLITE_BUSY) return rd_error(RD_DB, "%s: database is busy", what);
    return rd_error(RD_DB, "%s: %s", what, msg);
}

static int64_t db_last_id(rd_store *st)
{
    return (int64_t)sqlite3_last_insert_rowid(st->db);
}

static rd_err *bind_all(rd_store *st, sqlite3_stmt *stmt, const char *types, va_list ap)
{
    int rc = SQLITE_OK;
    for (int i = 0; types && types[i] && rc == SQLITE_OK; i++) {
        int pos = i + 1;
        switch (types[i]) {
        case 'i':
            rc = sqlite3_bind_int64(stmt, pos, va_arg(ap, int64_t));
            break;
        case 'z': {
            int64_t v = va_arg(ap, int64_t);
            rc = v ? sqlite3_bind_int64(stmt, pos, v) : sqlite3_bind_null(stmt, pos);
            break;
        }
        case 'I': {
            const int64_t *p = va_arg(ap, const int64_t *);
            rc = p ? sqlite3_bind_int64(stmt, pos, *p) : sqlite3_bind_null(stmt, pos);
            break;
        }
        case 't': {
            const char *s = va_arg(ap, const char *);
            rc = s ? sqlite3_bind_text(stmt, pos, s, -1, SQLITE_TRANSIENT)
                   : sqlite3_bind_null(stmt, pos);
            break;
        }
        case 'b': {
            const void *p = va_arg(ap, const void *);
            size_t n = va_arg(ap, size_t);
            rc = sqlite3_bind_blob64(stmt, pos, p ? p : "", (sqlite3_uint64)n, SQLITE_STATIC);
            break;
        }
        case 'B': {
            const void *p = va_arg(ap, const void *);
            size_t n = va_arg(ap, size_t);
            rc = p ? sqlite3_bind_blob64(stmt, pos, p, (sqlite3_uint64)n, SQLITE_STATIC)
                   : sqlite3_bind_null(stmt, pos);
            break;
        }
        default:
            return rd_error(RD_DB, "bind: unknown type '%c'", types[i]);
        }
    }
    return rc == SQLITE_OK ? NULL : db_error(st, "bind");
}

static size_t sql_slot(const char *sql)
{
    uint64_t h = 1469598103934665603u;
    for (; *sql; sql++)
        h = (h ^ (unsigned char)*sql) * 1099511628211u;
    return (size_t)(h % DB_STMT_CACHE);
}

/* Notes sql once in st->seen while recording (store_record_statements). */
static void note_sql(rd_store *st, const char *sql)
{
    for (size_t i = 0; i < st->nseen; i++)
        if (strcmp(st->seen[i], sql) == 0) return;
    st->seen = xrealloc(st->seen, (st->nseen + 1) * sizeof *st->seen);
    st->seen[st->nseen++] = xstrdup(sql);
}

/* Finds or prepares the statement for sql. A statement already being stepped (a query run from
 * inside db_each's callback) is never handed out twice: the second user gets a fresh one. */
static rd_err *stmt_get(rd_store *st, const char *sql, sqlite3_stmt **stmt)
{
    if (st->record) note_sql(st, sql);
    size_t slot = sql_slot(sql);
    db_cached *c = NULL;
    for (size_t i = 0; i < DB_STMT_PROBE; i++) {
        db_cached *p = &st->cache[(slot + i) % DB_STMT_CACHE];
        if (p->sql && strcmp(p->sql, sql) == 0) {
            if (p->busy) { /* being stepped: the nested user gets its own, not kept */
                if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
                    return db_error(st, "prepare");
                return NULL;
            }
            p->busy = 1;
            *stmt = p->stmt;
            return NULL;
        }
        if (!p->sql) { /* a free slot: nothing is kept beyond it */
            c = p;
            break;
        }
        if (!c && !p->busy) c = p; /* else evict the first statement not in use */
    }
    if (!c) {
        if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
            return db_error(st, "prepare");
        return NULL;
    }
    sqlite3_stmt *fresh;
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &fresh, NULL) != SQLITE_OK)
        return db_error(st, "prepare");
    sqlite3_finalize(c->stmt);
    free(c->sql);
    c->sql = xstrdup(sql);
    c->stmt = fresh;
    c->busy = 1;
    *stmt = fresh;
    return NULL;
}

/* Hands a statement back: a cached one is reset for its next use, any other is finalized. */
static void stmt_put(rd_store *st, sqlite3_stmt *stmt)
{
    size_t slot = sql_slot(sqlite3_sql(stmt));
    for (size_t i = 0; i < DB_STMT_PROBE; i++) {
        db_cached *c = &st->cache[(slot + i) % DB_STMT_CACHE];
        if (c->stmt == stmt) {
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            c->busy = 0;
            return;
        }
    }
    sqlite3_finalize(stmt);
}

rd_err *db_stmt(rd_store *st, const char *sql, sqlite3_stmt **stmt)
{
    return stmt_get(st, sql, stmt);
}

void db_stmt_done(rd_store *st, sqlite3_stmt *stmt)
{
    stmt_put(st, stmt);
}

#ifdef RD_FAULTS
/* Fault injection, compiled into test builds only (make faults): REDRESS_FAULT=N makes the Nth
 * store call (a statement, a begin or a commit) fail as the database would; with
 * REDRESS_FAULT_REPORT set, the number of store calls made is printed on standard error at exit,
 * so a test knows how many faults to try. */
static long fault_calls;

static void fault_report(void)
{
    fprintf(stderr, "redress: store calls: %ld\n", fault_calls);
}

static rd_err *fault_point(const char *what)
{
    static long target = -1;
    if (target < 0) {
        const char *v = getenv("REDRESS_FAULT");
        target = v ? strtol(v, NULL, 10) : 0;
        if (getenv("REDRESS_FAULT_REPORT")) atexit(fault_report);
    }
    if (++fault_calls != target) return NULL;
    return rd_error(RD_DB, "%s: injected fault at store call %ld", what, target);
}
#else
static rd_err *fault_point(const char *what)
{
    (void)what;
    return NULL;
}
#endif

static rd_err *prepare(rd_store *st, sqlite3_stmt **stmt, const char *sql, const char *types,
                       va_list ap)
{
    rd_err *e = fault_point("query");
    if (e) return e;
    e = stmt_get(st, sql, stmt);
    if (e) return e;
    e = bind_all(st, *stmt, types, ap);
    if (e) stmt_put(st, *stmt);
    return e;
}

static json_t *column_value(sqlite3_stmt *stmt, int i)
{
    switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
        return json_integer(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
        return json_real(sqlite3_column_double(stmt, i));
    case SQLITE_NULL:
        return json_null();
    case SQLITE_BLOB: {
        /* hashes, salts and signatures: hex, so that JSON stays text */
        size_t n = (size_t)sqlite3_column_bytes(stmt, i);
        char *hex = xmalloc(2 * n + 1);
        sodium_bin2hex(hex, 2 * n + 1, sqlite3_column_blob(stmt, i), n);
        json_t *v = json_string(hex);
        free(hex);
        return v;
    }
    default:
        return json_stringn((const char *)sqlite3_column_text(stmt, i),
                            (size_t)sqlite3_column_bytes(stmt, i));
    }
}

static json_t *row_object(sqlite3_stmt *stmt)
{
    json_t *row = json_object();
    int n = sqlite3_column_count(stmt);
    for (int i = 0; i < n; i++)
        json_object_set_new(row, sqlite3_column_name(stmt, i), column_value(stmt, i));
    return row;
}

/* Steps through the rows, appending each to out (when not NULL); stops after max rows when max
 * is not 0 (a statement that writes is always run to completion with max 0). */
static rd_err *step_rows(rd_store *st, sqlite3_stmt *stmt, json_t *out, int max)
{
    int rc, n = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out) json_array_append_new(out, row_object(stmt));
        if (max && ++n == max) {
            rc = SQLITE_DONE;
            break;
        }
    }
    rd_err *e = rc == SQLITE_DONE ? NULL : db_error(st, "query");
    stmt_put(st, stmt);
    return e;
}

/* Prepares sql, binds ap by types, and steps through every row, appending the first max rows
 * (all when max is 0) to rows when rows is not NULL. */
static rd_err *query(rd_store *st, json_t *rows, int max, const char *sql, const char *types,
                     va_list ap)
{
    sqlite3_stmt *stmt;
    rd_err *e = prepare(st, &stmt, sql, types, ap);
    return e ? e : step_rows(st, stmt, rows, max);
}

rd_err *db_exec(rd_store *st, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    rd_err *e = query(st, NULL, 0, sql, types, ap);
    va_end(ap);
    return e;
}

rd_err *db_insert(rd_store *st, int64_t *id, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    rd_err *e = query(st, NULL, 0, sql, types, ap);
    va_end(ap);
    if (!e) *id = db_last_id(st);
    return e;
}

rd_err *db_rows(rd_store *st, json_t **out, const char *sql, const char *types, ...)
{
    json_t *rows = json_array();
    *out = NULL;
    va_list ap;
    va_start(ap, types);
    rd_err *e = query(st, rows, 0, sql, types, ap);
    va_end(ap);
    if (e) {
        json_decref(rows);
        return e;
    }
    *out = rows;
    return NULL;
}

rd_err *db_row(rd_store *st, json_t **out, const char *sql, const char *types, ...)
{
    json_t *rows = json_array();
    va_list ap;
    va_start(ap, types);
    rd_err *e = query(st, rows, 1, sql, types, ap);
    va_end(ap);
    *out = NULL;
    if (!e && json_array_size(rows) > 0) *out = json_incref(json_array_get(rows, 0));
    json_decref(rows);
    return e;
}

/* A table name from the store's own code: lower-case letters and underscores only. */
static bool plain_name(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || *s == '_')) return false;
    return true;
}

static rd_err *page_check(rd_store *st, const rd_page *page, const char *table)
{
    if (page->limit < 0 || page->limit > RD_PAGE_MAX)
        return rd_error(RD_INVALID, "limit: %lld is not between 1 and %d", (long long)page->limit,
                        RD_PAGE_MAX);
    if (page->after < 0)
        return rd_error(RD_INVALID, "after: %lld is not a row id", (long long)page->after);
    if (page->after == 0) return NULL;
    assert(plain_name(table));
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE id = ?1", table);
    int64_t n = 0;
    rd_err *e = db_int(st, &n, sql, "i", page->after);
    if (!e && n == 0)
        e = rd_error(RD_INVALID, "after: no row %lld in %s to continue from",
                     (long long)page->after, table);
    return e;
}

rd_err *db_page(rd_store *st, json_t **out, rd_page *page, const char *table, const char *sql,
                const char *types, ...)
{
    rd_err *e = page ? page_check(st, page, table) : NULL;
    if (e) return e;
    sqlite3_stmt *stmt;
    va_list ap;
    va_start(ap, types);
    e = prepare(st, &stmt, sql, types, ap);
    va_end(ap);
    if (e) return e;
    int64_t limit = page && page->limit ? page->limit : 0;
    /* One row more than asked tells whether another page follows. */
    if (sqlite3_bind_int64(stmt, (int)(types ? strlen(types) : 0) + 1, limit ? limit + 1 : -1) !=
        SQLITE_OK) {
        e = db_error(st, "bind");
        stmt_put(st, stmt);
        return e;
    }
    json_t *rows = json_array();
    e = step_rows(st, stmt, rows, 0);
    if (e) {
        json_decref(rows);
        return e;
    }
    if (page) page->next = 0;
    if (limit && (int64_t)json_array_size(rows) > limit) {
        json_array_remove(rows, (size_t)limit);
        page->next = json_integer_value(json_object_get(json_array_get(rows, limit - 1), "id"));
        assert(page->next > 0);
    }
    *out = rows;
    return NULL;
}

rd_err *db_each(rd_store *st, db_row_fn fn, void *ctx, const char *sql, const char *types, ...)
{
    sqlite3_stmt *stmt;
    va_list ap;
    va_start(ap, types);
    rd_err *e = prepare(st, &stmt, sql, types, ap);
    va_end(ap);
    if (e) return e;
    int rc;
    while (!e && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        json_t *row = row_object(stmt);
        e = fn(ctx, row);
        json_decref(row);
    }
    if (!e && rc != SQLITE_DONE) e = db_error(st, "query");
    stmt_put(st, stmt);
    return e;
}

rd_err *db_int(rd_store *st, int64_t *out, const char *sql, const char *types, ...)
{
    sqlite3_stmt *stmt;
    va_list ap;
    va_start(ap, types);
    rd_err *e = prepare(st, &stmt, sql, types, ap);
    va_end(ap);
    if (e) return e;
    int rc = sqlite3_step(stmt);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    e = rc == SQLITE_ROW || rc == SQLITE_DONE ? NULL : db_error(st, "query");
    stmt_put(st, stmt);
    return e;
}

/* The migration number is the file name's leading digits: 001_foundation.sql is version 1. */
static int migration_number(const char *name)
{
    int n = 0;
    for (; *name >= '0' && *name <= '9' && n < DB_MAX_MIGRATION; name++)
        n = n * 10 + (*name - '0');
    return n;
}

int store_schema_version(rd_store *st)
{
    int64_t v = 0;
    rd_err *e = db_int(st, &v, "PRAGMA user_version", NULL);
    rd_err_free(e);
    return (int)v;
}

/* The runner's own record of which migrations a desk has, one row per applied file. It is
 * created by the runner, not by a migration, because the runner needs it before any file runs. */
static const char migrations_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
    "    number     INTEGER PRIMARY KEY, -- the file's leading digits (001_x.sql is 1)\n"
    "    name       TEXT NOT NULL,       -- the file's name when it was applied\n"
    "    applied_at TEXT NOT NULL        -- ISO time it was applied; 'before-record' for the\n"
    "                                    -- files a desk had when this table was added\n"
    ")";

/* The files the earlier runner knew, which recorded only the highest number applied in
 * PRAGMA user_version: a desk at user_version V has exactly the ones numbered V or less. Files
 * added since are recorded in schema_migrations alone, so they are never in this list. */
static const int legacy_migrations[] = {1, 2, 5};

/* Marks in applied[] (DB_MAX_MIGRATION entries) every migration the desk has; *known is false
 * when schema_migrations does not exist yet. */
static rd_err *applied_read(rd_store *st, bool *applied, bool *known)
{
    int64_t n = 0;
    rd_err *e = db_int(st, &n,
                       "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                       "name = 'schema_migrations'",
                       NULL);
    memset(applied, 0, DB_MAX_MIGRATION * sizeof *applied);
    *known = n > 0;
    if (e || !*known) return e;
    json_t *rows = NULL;
    e = db_rows(st, &rows, "SELECT number FROM schema_migrations", NULL);
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        json_int_t num = json_integer_value(json_object_get(row, "number"));
        if (num <= 0 || num >= DB_MAX_MIGRATION) {
            if (!e)
                e = rd_error(RD_DB,
                             "database has migration %lld, which this redress does not "
                             "know: it was written by a newer redress",
                             (long long)num);
            continue;
        }
        applied[num] = true;
    }
    json_decref(rows);
    return e;
}

static const char *embedded_name(int number)
{
    for (const rd_embedded *m = store_schema; m->name; m++)
        if (migration_number(m->name) == number) return m->name;
    return NULL;
}

/* Creates schema_migrations and fills it from user_version for a desk made before it existed.
 * Runs inside the write transaction. */
static rd_err *applied_bootstrap(rd_store *st)
{
    int have = store_schema_version(st);
    if (sqlite3_exec(st->db, migrations_table, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(st, "migration");
    rd_err *e = NULL;
    for (size_t i = 0; !e && i < sizeof legacy_migrations / sizeof legacy_migrations[0]; i++) {
        int n = legacy_migrations[i];
        const char *name = embedded_name(n);
        if (n > have || !name) continue;
        e = db_exec(st,
                    "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?1, ?2, "
                    "'before-record')",
                    "it", (int64_t)n, name);
    }
    return e;
}

/* Checks every applied migration is one this binary carries (else the desk is newer than it). */
static rd_err *applied_known(const bool *applied)
{
    for (int n = 1; n < DB_MAX_MIGRATION; n++)
        if (applied[n] && !embedded_name(n))
            return rd_error(RD_DB,
                            "database has migration %d, which this redress does not know: "
                            "it was written by a newer redress",
                            n);
    return NULL;
}

/* True when every embedded migration is in applied[]. */
static bool applied_all(const bool *applied)
{
    for (const rd_embedded *m = store_schema; m->name; m++)
        if (!applied[migration_number(m->name)]) return false;
    return true;
}

static rd_err *has_table(rd_store *st, const char *name, bool *yes)
{
    int64_t n = 0;
    rd_err *e = db_int(
        st, &n, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", "t", name);
    *yes = n > 0;
    return e;
}

/* Applies, in number order, every embedded migration the desk has not had, whatever order the
 * files were added in, recording each in schema_migrations; user_version follows the highest
 * number applied. All in one write transaction, so a failure leaves the desk as it was. */
static rd_err *migrate(rd_store *st)
{
    bool applied[DB_MAX_MIGRATION], known;
    int64_t app = 0;
    rd_err *e = applied_read(st, applied, &known);
    if (!e) e = db_int(st, &app, "PRAGMA application_id", NULL);
    if (e) return e;
    bool current = known && applied_all(applied);
    if (current && app == STORE_APPLICATION_ID) return applied_known(applied);
    if (st->read_only)
        return current ? applied_known(applied)
                       : rd_error(RD_IO, "database is read-only and needs its schema brought up "
                                         "to date: open it once where it can be written");
    e = store_begin(st);
    if (e) return e;
    e = applied_read(st, applied, &known); /* re-read under the write lock */
    if (!e && !known) e = applied_bootstrap(st);
    if (!e && !known) e = applied_read(st, applied, &known);
    if (!e) e = applied_known(applied);
    int from = store_schema_version(st);
    bool was_sealed = false;
    if (!e) e = has_table(st, "seal_sums", &was_sealed);
    if (!e && was_sealed) {
        e = seal_state(st, st->state_before);
        st->has_before = !e;
    }
    rd_timestr now;
    time_iso(time_now(), now);
    int top = 0;
    for (const rd_embedded *m = store_schema; !e && m->name; m++) {
        int n = migration_number(m->name);
        assert(n > top && "embedded migrations are sorted by number");
        top = n;
        if (applied[n]) continue;
        char *err = NULL;
        if (sqlite3_exec(st->db, m->data, NULL, NULL, &err) != SQLITE_OK) {
            e = rd_error(RD_DB, "migration %s: %s", m->name, err ? err : "failed");
            sqlite3_free(err);
            break;
        }
        e = db_exec(st,
                    "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?1, ?2, "
                    "?3)",
                    "itt", (int64_t)n, m->name, now);
    }
    if (!e && app != STORE_APPLICATION_ID) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA application_id = %u", STORE_APPLICATION_ID);
        if (sqlite3_exec(st->db, pragma, NULL, NULL, NULL) != SQLITE_OK)
            e = db_error(st, "migration");
    }
    if (!e && top > store_schema_version(st)) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", top);
        if (sqlite3_exec(st->db, pragma, NULL, NULL, NULL) != SQLITE_OK)
            e = db_error(st, "migration");
    }
    /* the seal follows the schema: triggers for every table's current columns, sums
     * recomputed, and the change recorded in the audit trail */
    bool sealed = false;
    if (!e) e = has_table(st, "seal_sums", &sealed);
    if (!e && sealed) e = seal_install(st);
    if (!e && sealed) e = chain_audit_migration(st, from, top);
    return store_end(st, e);
}

static rd_err *configure(rd_store *st, bool wal)
{
    sqlite3_busy_timeout(st->db, 10000);
    sqlite3_extended_result_codes(st->db, 1);
    const char *pragmas[] = {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
                             wal ? "PRAGMA journal_mode = WAL" : NULL};
    for (size_t i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
        if (!pragmas[i]) continue;
        if (sqlite3_exec(st->db, pragmas[i], NULL, NULL, NULL) != SQLITE_OK)
            return db_error(st, "open");
    }
    return NULL;
}

/* Marks a new desk as redress's before anything else is written, while it is still in rollback
 * mode: the mark goes straight into the file's header, where file_recognise() reads it. */
static rd_err *mark_new(rd_store *st)
{
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA application_id = %u", STORE_APPLICATION_ID);
    return sqlite3_exec(st->db, pragma, NULL, NULL, NULL) == SQLITE_OK ? NULL
                                                                       : db_error(st, "open");
}

rd_err *store_open_desk(const char *path, unsigned flags, rd_store **out)
{
    if (sodium_init() < 0) return rd_error(RD_IO, "database %s: libsodium could not start", path);
    bool in_memory = strcmp(path, ":memory:") == 0;
    store_file f = {in_memory ? FILE_NEW : FILE_DESK, false};
    rd_err *e = in_memory || (flags & STORE_AGAIN) ? NULL : file_recognise(path, flags, &f);
    if (e) return e;
    rd_store *st = xcalloc(1, sizeof *st);
    st->read_only = f.read_only;
    e = file_connect(st, path, &f);
    if (!e && f.kind == FILE_LEGACY) e = file_check_legacy(st, path);
    if (!e && f.kind == FILE_NEW) e = mark_new(st);
    if (!e) e = configure(st, !in_memory && !st->read_only);
    if (!e) e = seal_register(st);
    if (!e) e = migrate(st);
    bool sealed = false;
    if (!e) e = has_table(st, "seal_sums", &sealed);
    st->sealed = sealed;
    if (e) {
        store_close(st);
        return e;
    }
    *out = st;
    return NULL;
}

rd_err *store_open(const char *path, rd_store **out)
{
    return store_open_desk(path, STORE_CREATE, out);
}

bool store_read_only(rd_store *st)
{
    return st->read_only;
}

rd_err *store_cache_limit(rd_store *st, int kib)
{
    assert(kib > 0);
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", kib);
    return sqlite3_exec(st->db, pragma, NULL, NULL, NULL) == SQLITE_OK ? NULL
                                                                       : db_error(st, "cache");
}

void store_record_statements(rd_store *st, bool on)
{
    st->record = on;
}

rd_err *store_statements(rd_store *st, rd_err *(*fn)(void *ctx, const char *sql), void *ctx)
{
    rd_err *e = NULL;
    for (size_t i = 0; !e && i < st->nseen; i++)
        e = fn(ctx, st->seen[i]);
    return e;
}

rd_err *store_plan(rd_store *st, const char *sql, json_t **rows)
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err *e = buf_adds(&b, "EXPLAIN QUERY PLAN ");
    if (!e) e = buf_adds(&b, sql);
    sqlite3_stmt *stmt = NULL;
    if (!e && sqlite3_prepare_v2(st->db, buf_str(&b), -1, &stmt, NULL) != SQLITE_OK)
        e = db_error(st, "plan");
    buf_reset(&b);
    if (e) return e;
    json_t *out = json_array();
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        json_array_append_new(out, row_object(stmt));
    if (rc != SQLITE_DONE) e = db_error(st, "plan");
    sqlite3_finalize(stmt);
    if (e) {
        json_decref(out);
        return e;
    }
    *rows = out;
    return NULL;
}

rd_err *store_unindexed_foreign_keys(rd_store *st, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT m.name AS tbl, f.\"from\" AS col, f.\"table\" AS parent"
                   " FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                   " WHERE m.type = 'table'"
                   " AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) il,"
                   "  pragma_index_info(il.name) ii WHERE ii.seqno = 0 AND ii.name = f.\"from\")"
                   " AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) c"
                   "  WHERE c.name = f.\"from\" AND c.pk = 1 AND upper(c.type) = 'INTEGER')"
                   " ORDER BY 1, 2",
                   NULL);
}

void store_close(rd_store *st)
{
    if (!st) return;
    for (size_t i = 0; i < st->nseen; i++)
        free(st->seen[i]);
    free(st->seen);
    json_decref(st->search_deferred);
    for (size_t i = 0; i < DB_STMT_CACHE; i++) {
        sqlite3_finalize(st->cache[i].stmt);
        free(st->cache[i].sql);
    }
    sqlite3_close_v2(st->db);
    free(st);
}

/* Notes the state the write begins on, which its audit entry records: verify then knows whether
 * anything changed between two writes. On error the transaction is ended. */
static rd_err *seal_begin(rd_store *st)
{
    st->has_before = 0;
    if (!st->sealed) return NULL;
    rd_err *e = seal_state(st, st->state_before);
    if (e) return store_end(st, e);
    st->has_before = 1;
    return NULL;
}

rd_err *store_begin(rd_store *st)
{
    assert(st->in_tx >= 0);
    if (st->in_tx > 0) {
        /* nested: a savepoint, so the inner operation can fail alone */
        if (sqlite3_exec(st->db, "SAVEPOINT rd_nested", NULL, NULL, NULL) != SQLITE_OK)
            return db_error(st, "begin");
        assert(st->in_tx <= STORE_NEST_MAX && "nested store_begin() deeper than the seal tracks");
        st->nest_has[st->in_tx - 1] = st->has_before;
        memcpy(st->nest_before[st->in_tx - 1], st->state_before, SEAL_BYTES);
        st->in_tx++;
        return NULL;
    }
    if (st->read_only)
        return rd_error(RD_IO, "the database was opened read-only (it or its folder cannot be "
                               "written), and this command writes");
    rd_err *e = fault_point("begin");
    if (e) return e;
    if (!st->batch) st->state_known = false; /* another connection may have written */
    if (st->batch) {                         /* a kept statement: a batch runs thousands */
        e = db_exec(st, "SAVEPOINT op", NULL);
        if (e) return e;
        st->in_tx = 1;
        return seal_begin(st);
    }
    if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(st, "begin");
    st->in_tx = 1;
    return seal_begin(st);
}

rd_err *store_end(rd_store *st, rd_err *e)
{
    if (st->in_tx <= 0) return e ? e : rd_error(RD_DB, "no transaction open");
    if (st->in_tx > 1) {
        st->in_tx--;
        if (e) {
            st->state_known = false; /* the rollback restores sums no trigger reported */
            /* the inner audit entries are undone: the next one follows the parent's state */
            st->has_before = st->nest_has[st->in_tx - 1];
            memcpy(st->state_before, st->nest_before[st->in_tx - 1], SEAL_BYTES);
            sqlite3_exec(st->db, "ROLLBACK TO rd_nested", NULL, NULL, NULL);
            sqlite3_exec(st->db, "RELEASE rd_nested", NULL, NULL, NULL);
            return e;
        }
        if (sqlite3_exec(st->db, "RELEASE rd_nested", NULL, NULL, NULL) != SQLITE_OK)
            return db_error(st, "commit");
        return NULL;
    }
    st->in_tx = 0;
    st->has_before = 0;
    if (!e) e = fault_point("commit");
    /* outside a batch the write lock goes with the transaction; a failed operation's rollback
     * restores sums no trigger reported */
    if (e || !st->batch) st->state_known = false;
    if (st->batch) {
        if (e) rd_err_free(db_exec(st, "ROLLBACK TO op", NULL));
        rd_err *r = db_exec(st, "RELEASE op", NULL);
        if (e) {
            rd_err_free(r);
            return e;
        }
        return r;
    }
    if (e) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return e;
    }
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        e = db_error(st, "commit");
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    }
    return e;
}

rd_err *store_batch_begin(rd_store *st)
{
    assert(!st->batch && !st->in_tx && "a batch starts outside any transaction");
    rd_err *e = store_begin(st);
    if (!e) {
        st->in_tx = 0;
        st->batch = 1;
    }
    return e;
}

rd_err *store_batch_end(rd_store *st, rd_err *e)
{
    assert(st->batch && !st->in_tx && "a batch ends after its operations ended");
    if (st->search_deferred && !e) e = store_search_catch_up(st);
    json_decref(st->search_deferred); /* a failed batch: the rollback restores the triggers */
    st->search_deferred = NULL;
    st->batch = 0;
    st->state_known = false;
    st->in_tx = 1;
    return store_end(st, e);
}
