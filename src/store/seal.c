/* seal.c — the seal over every table that is not a hash chain. Each row hashes to 256 bits
 * (BLAKE2b over the canonical encoding of the table name and every column); each table keeps the
 * sum of its rows' hashes modulo 2^256 in seal_sums, which triggers update in the same
 * transaction as every insert, update and delete (add the new row's hash, subtract the old).
 * A write therefore costs O(1) however large the desk, and the sum depends only on which rows
 * exist, not on their order, so verify can recompute it with one pass over each table.
 *
 * The triggers call redress_seal(), an SQL function this file registers on every connection
 * redress opens. A program without it (the sqlite3 shell) cannot write a sealed table until it
 * drops the triggers, and verify notices both the missing triggers and the changed sums. The
 * state digest (a hash of every table's name, columns, row count and sum) is what each audit
 * entry records, so the audit chain, its signatures and the line a person keeps commit to the
 * whole desk. */
#include "store/store_int.h"

#include <assert.h>
#include <sodium.h>
#include <string.h>

/* Tables outside the multiset: the two chains seal themselves, the seal's own records, and the
 * web server's working state (sign-in sessions and failed sign-ins), which it writes without an
 * audit entry and which is no part of the record. Every other write ends with an audit entry. */
/* Survey tokens and responses stay out too: a sealed write needs an audit entry, and an audit
 * entry's exact time would tell which client answered (docs/design.md, anonymous surveys). */
static const char *const unsealed[] = {"log_entries",   "audit_entries",    "chain_heads",
                                       "seal_sums",     "sessions",         "signin_failures",
                                       "survey_tokens", "survey_responses", NULL};

static bool is_sealed(const char *name)
{
    if (strncmp(name, "sqlite_", 7) == 0) return false;
    for (int i = 0; unsealed[i]; i++)
        if (strcmp(name, unsealed[i]) == 0) return false;
    return true;
}

void seal_value(rd_canon *c, sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        canon_int(c, sqlite3_value_int64(v));
        break;
    case SQLITE_FLOAT:
        canon_real(c, sqlite3_value_double(v));
        break;
    case SQLITE_TEXT: {
        const unsigned char *p = sqlite3_value_text(v);
        canon_text(c, p, (size_t)sqlite3_value_bytes(v));
        break;
    }
    case SQLITE_BLOB: {
        const void *p = sqlite3_value_blob(v);
        canon_blob(c, p, (size_t)sqlite3_value_bytes(v));
        break;
    }
    default:
        canon_null(c);
    }
}

void seal_hash(const rd_canon *c, unsigned char out[SEAL_BYTES])
{
    crypto_generichash(out, SEAL_BYTES, c->p, c->len, NULL, 0);
}

/* sum += sign * h, modulo 2^256; both little-endian. */
static void sum_fold(unsigned char sum[SEAL_BYTES], const unsigned char h[SEAL_BYTES], int sign)
{
    unsigned carry = 0;
    for (int i = 0; i < SEAL_BYTES; i++) {
        if (sign > 0) {
            unsigned v = (unsigned)sum[i] + h[i] + carry;
            sum[i] = (unsigned char)v;
            carry = v >> 8;
        } else {
            int v = (int)sum[i] - h[i] - (int)carry;
            carry = v < 0;
            sum[i] = (unsigned char)(v + (carry ? 256 : 0));
        }
    }
}

/* The row's hash: the table name, then its columns in declared order. */
static void row_hash(rd_canon *c, const char *tbl, int n, sqlite3_value **v,
                     unsigned char out[SEAL_BYTES])
{
    canon_clear(c);
    canon_str(c, tbl);
    for (int i = 0; i < n; i++)
        seal_value(c, v[i]);
    seal_hash(c, out);
}

/* redress_seal(sum, sign, table, col1, col2, …): the sum with the row's hash added (sign 1) or
 * subtracted (sign -1). Called only from the seal triggers. */
static void fn_seal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    assert(argc >= 3);
    unsigned char sum[SEAL_BYTES] = {0}, h[SEAL_BYTES];
    if (sqlite3_value_type(argv[0]) == SQLITE_BLOB && sqlite3_value_bytes(argv[0]) == SEAL_BYTES)
        memcpy(sum, sqlite3_value_blob(argv[0]), SEAL_BYTES);
    const char *tbl = (const char *)sqlite3_value_text(argv[2]);
    if (!tbl) {
        sqlite3_result_error(ctx, "redress_seal: no table name", -1);
        return;
    }
    rd_canon c = {0};
    row_hash(&c, tbl, argc - 3, argv + 3, h);
    canon_free(&c);
    sum_fold(sum, h, sqlite3_value_int(argv[1]) < 0 ? -1 : 1);
    sqlite3_result_blob(ctx, sum, SEAL_BYTES, SQLITE_TRANSIENT);
    rd_store *st = sqlite3_user_data(ctx);
    st->state_known = false; /* a sum changed: the state digest must be read again */
}

rd_err *seal_register(rd_store *st)
{
    int rc =
        sqlite3_create_function_v2(st->db, "redress_seal", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   st, fn_seal, NULL, NULL, NULL);
    return rc == SQLITE_OK ? NULL : db_error(st, "seal");
}

/* Appends name as a quoted SQL identifier. Identifiers cannot be bound; these come from
 * sqlite_master, i.e. from redress's own migrations. */
static void ident(rd_buf *b, const char *name)
{
    rd_err_free(buf_adds(b, "\""));
    for (const char *p = name; *p; p++)
        rd_err_free(buf_add(b, p, 1 + (*p == '"')));
    rd_err_free(buf_adds(b, "\""));
}

/* The sealed tables, by name, as a JSON array of strings (the caller's). Virtual tables (the
 * full-text index) and their shadow tables hold what other tables already hold, kept by
 * SQLite's own triggers; they are derived, not records, and stay outside the seal. */
static rd_err *sealed_tables(rd_store *st, json_t **out)
{
    json_t *rows = NULL, *virt = json_array();
    rd_err *e = db_rows(st, &rows,
                        "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' AS virtual FROM"
                        " sqlite_master WHERE type = 'table' ORDER BY name",
                        NULL);
    if (e) {
        json_decref(virt);
        return e;
    }
    size_t i, k;
    json_t *r, *v;
    json_array_foreach(rows, i, r)
    {
        if (json_integer_value(json_object_get(r, "virtual")))
            json_array_append(virt, json_object_get(r, "name"));
    }
    *out = json_array();
    json_array_foreach(rows, i, r)
    {
        const char *name = json_string_value(json_object_get(r, "name"));
        bool derived = false;
        json_array_foreach(virt, k, v)
        {
            size_t n = strlen(json_string_value(v));
            derived = derived || (strncmp(name, json_string_value(v), n) == 0 &&
                                  (name[n] == '\0' || name[n] == '_'));
        }
        if (name && !derived && is_sealed(name)) json_array_append_new(*out, json_string(name));
    }
    json_decref(rows);
    json_decref(virt);
    return NULL;
}

/* The table's columns in declared order, comma-separated (the caller frees). */
static rd_err *table_cols(rd_store *st, const char *tbl, char **out)
{
    json_t *rows = NULL;
    rd_err *e = db_rows(st, &rows, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", "t", tbl);
    if (e) return e;
    rd_buf b;
    buf_init(&b, 0);
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        rd_err_free(buf_adds(&b, i ? "," : ""));
        rd_err_free(buf_adds(&b, json_string_value(json_object_get(r, "name"))));
    }
    json_decref(rows);
    *out = buf_detach(&b);
    if (!*out) *out = xstrdup("");
    return NULL;
}

/* Appends the column list of a trigger body: 'tbl', P."a", P."b", … for P = NEW or OLD. */
static void trigger_args(rd_buf *b, const char *tbl, const char *cols, const char *p)
{
    rd_err_free(buf_adds(b, "'"));
    for (const char *t = tbl; *t; t++)
        rd_err_free(buf_add(b, t, 1 + (*t == '\'')));
    rd_err_free(buf_adds(b, "'"));
    char *copy = xstrdup(cols);
    for (char *s = copy, *next; s && *s; s = next) {
        next = strchr(s, ',');
        if (next) *next++ = '\0';
        rd_err_free(buf_addf(b, ", %s.", p));
        ident(b, s);
    }
    free(copy);
}

static rd_err *exec_buf(rd_store *st, rd_buf *b)
{
    int rc = sqlite3_exec(st->db, buf_str(b), NULL, NULL, NULL);
    buf_reset(b);
    return rc == SQLITE_OK ? NULL : db_error(st, "seal");
}

/* (Re)creates the three triggers of one table for its current columns. */
static rd_err *install_triggers(rd_store *st, const char *tbl, const char *cols)
{
    static const char *const kinds[] = {"insert", "update", "delete"};
    rd_buf b;
    buf_init(&b, 0);
    for (int k = 0; k < 3; k++) {
        char name[300];
        snprintf(name, sizeof name, "seal_%s_%s", tbl, kinds[k]);
        rd_err_free(buf_adds(&b, "DROP TRIGGER IF EXISTS "));
        ident(&b, name);
        rd_err_free(buf_adds(&b, "; CREATE TRIGGER "));
        ident(&b, name);
        rd_err_free(buf_addf(&b, " AFTER %s ON ", kinds[k]));
        ident(&b, tbl);
        rd_err_free(buf_adds(&b, " BEGIN UPDATE seal_sums SET sum = "));
        if (k == 0) {
            rd_err_free(buf_adds(&b, "redress_seal(sum, 1, "));
            trigger_args(&b, tbl, cols, "NEW");
            rd_err_free(buf_adds(&b, "), rows = rows + 1"));
        } else if (k == 1) {
            rd_err_free(buf_adds(&b, "redress_seal(redress_seal(sum, -1, "));
            trigger_args(&b, tbl, cols, "OLD");
            rd_err_free(buf_adds(&b, "), 1, "));
            trigger_args(&b, tbl, cols, "NEW");
            rd_err_free(buf_adds(&b, ")"));
        } else {
            rd_err_free(buf_adds(&b, "redress_seal(sum, -1, "));
            trigger_args(&b, tbl, cols, "OLD");
            rd_err_free(buf_adds(&b, "), rows = rows - 1"));
        }
        rd_err_free(buf_adds(&b, " WHERE tbl = "));
        trigger_args(&b, tbl, "", "");
        rd_err_free(buf_adds(&b, "; END;"));
    }
    return exec_buf(st, &b);
}

/* Sums one table from its rows: the same hashes the triggers add. */
static rd_err *table_sum(rd_store *st, const char *tbl, int64_t *rows,
                         unsigned char sum[SEAL_BYTES])
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_adds(&b, "SELECT * FROM "));
    ident(&b, tbl);
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(st->db, buf_str(&b), -1, &stmt, NULL);
    buf_reset(&b);
    if (rc != SQLITE_OK) return db_error(st, "seal");
    memset(sum, 0, SEAL_BYTES);
    *rows = 0;
    int n = sqlite3_column_count(stmt);
    sqlite3_value **v = xcalloc((size_t)n + 1, sizeof *v);
    rd_canon c = {0};
    unsigned char h[SEAL_BYTES];
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            v[i] = sqlite3_column_value(stmt, i);
        row_hash(&c, tbl, n, v, h);
        sum_fold(sum, h, 1);
        ++*rows;
    }
    canon_free(&c);
    free(v);
    rd_err *e = rc == SQLITE_DONE ? NULL : db_error(st, "seal");
    sqlite3_finalize(stmt);
    return e;
}

rd_err *seal_install(rd_store *st)
{
    json_t *tables = NULL;
    rd_err *e = sealed_tables(st, &tables);
    if (!e)
        e = db_exec(st,
                    "DELETE FROM seal_sums WHERE tbl NOT IN (SELECT name FROM sqlite_master"
                    " WHERE type = 'table')",
                    NULL);
    size_t i;
    json_t *t;
    json_array_foreach(tables, i, t)
    {
        if (e) break;
        const char *tbl = json_string_value(t);
        char *cols = NULL;
        int64_t rows = 0;
        unsigned char sum[SEAL_BYTES];
        e = table_cols(st, tbl, &cols);
        if (!e) e = install_triggers(st, tbl, cols);
        if (!e) e = table_sum(st, tbl, &rows, sum);
        if (!e)
            e = db_exec(st,
                        "INSERT OR REPLACE INTO seal_sums(tbl, cols, rows, sum)"
                        " VALUES (?1, ?2, ?3, ?4)",
                        "ttib", tbl, cols, rows, sum, (size_t)SEAL_BYTES);
        free(cols);
    }
    json_decref(tables);
    return e;
}

/* Folds one table's record into a state digest under way. */
static void state_add(rd_canon *c, const char *tbl, const char *cols, int64_t rows,
                      const unsigned char sum[SEAL_BYTES])
{
    canon_str(c, tbl);
    canon_str(c, cols);
    canon_int(c, rows);
    canon_blob(c, sum, SEAL_BYTES);
}

rd_err *seal_state(rd_store *st, unsigned char out[SEAL_BYTES])
{
    if (st->state_known) { /* nothing sealed changed since it was read, under the same lock */
        memcpy(out, st->state_last, SEAL_BYTES);
        return NULL;
    }
    sqlite3_stmt *stmt;
    rd_err *e = db_stmt(st, "SELECT tbl, cols, rows, sum FROM seal_sums ORDER BY tbl", &stmt);
    if (e) return e;
    rd_canon c = {0};
    canon_str(&c, "redress.state.1");
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        unsigned char sum[SEAL_BYTES] = {0};
        if (sqlite3_column_bytes(stmt, 3) == SEAL_BYTES)
            memcpy(sum, sqlite3_column_blob(stmt, 3), SEAL_BYTES);
        state_add(&c, (const char *)sqlite3_column_text(stmt, 0),
                  (const char *)sqlite3_column_text(stmt, 1), sqlite3_column_int64(stmt, 2), sum);
    }
    e = rc == SQLITE_DONE ? NULL : db_error(st, "seal");
    db_stmt_done(st, stmt);
    if (!e) seal_hash(&c, out);
    canon_free(&c);
    if (!e && st->in_tx > 0) { /* the write lock is held until the transaction ends */
        memcpy(st->state_last, out, SEAL_BYTES);
        st->state_known = true;
    }
    return e;
}

/* One table's record in seal_sums; *found false when it has none. *cols is the caller's. */
static rd_err *sums_get(rd_store *st, const char *tbl, char **cols, int64_t *rows,
                        unsigned char sum[SEAL_BYTES], bool *found)
{
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, "SELECT cols, rows, sum FROM seal_sums WHERE tbl = ?1", -1,
                           &stmt, NULL) != SQLITE_OK)
        return db_error(st, "seal");
    sqlite3_bind_text(stmt, 1, tbl, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    *found = rc == SQLITE_ROW;
    *cols = xstrdup(
        *found && sqlite3_column_text(stmt, 0) ? (const char *)sqlite3_column_text(stmt, 0) : "");
    *rows = *found ? sqlite3_column_int64(stmt, 1) : 0;
    memset(sum, 0, SEAL_BYTES);
    if (*found && sqlite3_column_bytes(stmt, 2) == SEAL_BYTES)
        memcpy(sum, sqlite3_column_blob(stmt, 2), SEAL_BYTES);
    rd_err *e = rc == SQLITE_ROW || rc == SQLITE_DONE ? NULL : db_error(st, "seal");
    sqlite3_finalize(stmt);
    return e;
}

/* The guards verify expects: the append-only triggers of both chains. */
static const char *const guard_triggers[] = {"log_no_update", "log_no_delete", "audit_no_update",
                                             "audit_no_delete", NULL};

static rd_err *trigger_exists(rd_store *st, const char *name, bool *yes)
{
    int64_t n = 0;
    rd_err *e =
        db_int(st, &n, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
               "t", name);
    *yes = n > 0;
    return e;
}

rd_err *seal_verify(rd_store *st, int64_t *tables, unsigned char out[SEAL_BYTES])
{
    for (int i = 0; guard_triggers[i]; i++) {
        bool yes;
        rd_err *e = trigger_exists(st, guard_triggers[i], &yes);
        if (e) return e;
        if (!yes)
            return rd_error(RD_TAMPERED,
                            "trigger %s was dropped: the append-only guard was removed outside"
                            " redress",
                            guard_triggers[i]);
    }
    json_t *list = NULL;
    rd_err *e = sealed_tables(st, &list);
    if (e) return e;
    rd_canon c = {0};
    canon_str(&c, "redress.state.1");
    *tables = 0;
    size_t i;
    json_t *t;
    json_array_foreach(list, i, t)
    {
        const char *tbl = json_string_value(t);
        char *cols = NULL;
        int64_t rows = 0;
        unsigned char sum[SEAL_BYTES];
        char *sealed_cols = NULL;
        int64_t sealed_rows = 0;
        unsigned char sealed_sum[SEAL_BYTES];
        bool found = false;
        e = table_cols(st, tbl, &cols);
        if (!e) e = table_sum(st, tbl, &rows, sum);
        if (!e) e = sums_get(st, tbl, &sealed_cols, &sealed_rows, sealed_sum, &found);
        static const char *const kinds[] = {"insert", "update", "delete"};
        for (int k = 0; !e && found && k < 3; k++) {
            char name[300];
            bool yes;
            snprintf(name, sizeof name, "seal_%s_%s", tbl, kinds[k]);
            e = trigger_exists(st, name, &yes);
            if (!e && !yes)
                e = rd_error(RD_TAMPERED, "%s: trigger %s was dropped outside redress", tbl, name);
        }
        if (!e && !found)
            e = rd_error(RD_TAMPERED, "%s: the table has no seal: it was added outside redress",
                         tbl);
        if (!e && strcmp(cols, sealed_cols) != 0)
            e = rd_error(RD_TAMPERED,
                         "%s: its columns changed outside redress (sealed: %s; now: %s)", tbl,
                         sealed_cols, cols);
        if (!e && sealed_rows != rows)
            e = rd_error(RD_TAMPERED,
                         "%s: %lld rows, but %lld were written through redress: rows were"
                         " %s outside redress",
                         tbl, (long long)rows, (long long)sealed_rows,
                         rows < sealed_rows ? "deleted" : "added");
        if (!e && sodium_memcmp(sum, sealed_sum, SEAL_BYTES) != 0)
            e = rd_error(RD_TAMPERED,
                         "%s: its rows differ from the seal: a row was changed outside redress",
                         tbl);
        free(sealed_cols);
        if (!e) state_add(&c, tbl, cols, rows, sum);
        free(cols);
        if (e) break;
        ++*tables;
    }
    json_decref(list);
    if (!e) {
        int64_t stale = 0;
        e = db_int(st, &stale,
                   "SELECT count(*) FROM seal_sums WHERE tbl NOT IN (SELECT name FROM"
                   " sqlite_master WHERE type = 'table')",
                   NULL);
        if (!e && stale) e = rd_error(RD_TAMPERED, "a sealed table was dropped outside redress");
    }
    if (!e) seal_hash(&c, out);
    canon_free(&c);
    return e;
}
