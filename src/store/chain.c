/* chain.c — the two append-only, hash-chained records: the communication log (P17) and the
 * audit trail. Each row stores BLAKE2b-256 over its canonical content (util/canon.h) followed
 * by the previous row's hash; chain_heads keeps the newest hash and the count, so editing,
 * deleting, reordering or truncating rows by hand is caught by store_verify().
 *
 * The personal words of a row (a log entry's subject and body, an audit entry's detail) enter
 * the hash only through a commitment, BLAKE2b keyed with a random salt kept in the row: erasing
 * them on request replaces words and salt by the commitment, and the chain still verifies.
 * Each audit entry also records the log's length and head, the state digest of every other
 * table before and after its write (seal.c), and, when a key is set, an Ed25519 signature of
 * its hash, so the newest signed entry vouches for the whole desk up to it.
 *
 * Rows written before migration 007 (ids below chain_heads.sealed_from) keep the encoding they
 * were hashed with: "<length>:<bytes>;" per field, "~;" for NULL. */
#include "store/store_int.h"

#include <sodium.h>
#include <string.h>

#define GENESIS    "0000000000000000000000000000000000000000000000000000000000000000"
#define SALT_BYTES CHAIN_SALT_BYTES
#define SIG_BYTES  64
#define LINE_HEX   32 /* hex digits of each hash in the kept line: 128 bits */

/* Lower-case hex of n bytes and a NUL. Hashes are not secret, so a table lookup does it
 * (sodium_bin2hex is constant-time and was 5% of verify). */
static void hex(const unsigned char *h, size_t n, char *out)
{
    static const char digit[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digit[h[i] >> 4];
        out[2 * i + 1] = digit[h[i] & 15];
    }
    out[2 * n] = '\0';
}

void chain_commit(const unsigned char salt[CHAIN_SALT_BYTES], const rd_canon *values,
                  unsigned char out[SEAL_BYTES])
{
    crypto_generichash(out, SEAL_BYTES, values->p, values->len, salt, SALT_BYTES);
}

/* ---------------------------------------------------------------- heads */

static rd_err *head_get(rd_store *st, const char *chain, int64_t *count, char hash[65])
{
    json_t *row = NULL;
    rd_err *e =
        db_row(st, &row, "SELECT count, hash FROM chain_heads WHERE chain = ?1", "t", chain);
    if (!e && !row) e = rd_error(RD_TAMPERED, "%s chain: its head record is missing", chain);
    if (!e) {
        const char *h = json_string_value(json_object_get(row, "hash"));
        *count = json_integer_value(json_object_get(row, "count"));
        snprintf(hash, 65, "%s", h ? h : "");
    }
    json_decref(row);
    return e;
}

/* Prepares the next row of chain: its id (one past the newest, under the write lock the caller
 * holds) and the previous hash. */
static rd_err *chain_next(rd_store *st, const char *chain, const char *max_sql, int64_t *id,
                          char prev[65])
{
    int64_t count, max_id;
    rd_err *e = head_get(st, chain, &count, prev);
    if (!e) e = db_int(st, &max_id, max_sql, NULL);
    if (e) return e;
    if (count == 0) snprintf(prev, 65, "%s", GENESIS);
    *id = max_id + 1;
    return NULL;
}

static rd_err *chain_advance(rd_store *st, const char *chain, const char *hash)
{
    return db_exec(st, "UPDATE chain_heads SET count = count + 1, hash = ?2 WHERE chain = ?1", "tt",
                   chain, hash);
}

/* ---------------------------------------------------------------- appending */

void chain_finish(rd_canon *c, const char *prev, char out[65])
{
    unsigned char h[SEAL_BYTES];
    canon_str(c, prev);
    seal_hash(c, h);
    hex(h, SEAL_BYTES, out);
}

void chain_log_content(rd_canon *c, int64_t id, const rd_log_fields *f,
                       const unsigned char com[SEAL_BYTES], const char *recorded_at)
{
    canon_str(c, "redress.log.2");
    canon_int(c, id);
    canon_id(c, f->client_id);
    canon_id(c, f->case_id);
    canon_str(c, f->direction);
    canon_str(c, f->channel);
    canon_str(c, f->at);
    canon_blob(c, com, SEAL_BYTES);
    canon_str(c, recorded_at);
}

rd_err *store_log_append(rd_store *st, const rd_log_fields *f, const char *now, int64_t *id)
{
    char prev[65], hash[65];
    rd_err *e = chain_next(st, "log", "SELECT coalesce(max(id), 0) FROM log_entries", id, prev);
    if (e) return e;
    unsigned char salt[SALT_BYTES], com[SEAL_BYTES];
    randombytes_buf(salt, sizeof salt);
    rd_canon c = {0};
    canon_str(&c, f->subject);
    canon_str(&c, f->body);
    chain_commit(salt, &c, com);
    canon_clear(&c);
    chain_log_content(&c, *id, f, com, now);
    chain_finish(&c, prev, hash);
    canon_free(&c);
    e = db_exec(st,
                "INSERT INTO log_entries(id, client_id, case_id, direction, channel, at, subject,"
                " body, recorded_at, prev_hash, hash, salt)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                "iizttttttttb", *id, f->client_id, f->case_id, f->direction, f->channel, f->at,
                f->subject, f->body, now, prev, hash, salt, sizeof salt);
    return e ? e : chain_advance(st, "log", hash);
}

void chain_audit_content(rd_canon *c, int64_t id, const char *at, const char *actor,
                         const char *action, const char *tbl, int64_t row_id,
                         const unsigned char com[SEAL_BYTES], const audit_extra *x)
{
    canon_str(c, "redress.audit.2");
    canon_int(c, id);
    canon_str(c, at);
    canon_str(c, actor);
    canon_str(c, action);
    canon_str(c, tbl);
    canon_id(c, row_id);
    canon_blob(c, com, SEAL_BYTES);
    canon_int(c, x->log_count);
    canon_str(c, x->log_head);
    if (x->state_before)
        canon_blob(c, x->state_before, SEAL_BYTES);
    else
        canon_null(c);
    canon_blob(c, x->state, SEAL_BYTES);
    if (x->signer)
        canon_blob(c, x->signer, STORE_KEY_BYTES);
    else
        canon_null(c);
}

rd_err *store_audit_append(rd_store *st, const char *now, const char *actor, const char *action,
                           const char *table, int64_t row_id, const char *detail)
{
    char prev[65], hash[65];
    int64_t id;
    audit_extra x = {0};
    rd_err *e =
        chain_next(st, "audit", "SELECT coalesce(max(id), 0) FROM audit_entries", &id, prev);
    if (!e) e = head_get(st, "log", &x.log_count, x.log_head);
    if (!e) e = seal_state(st, x.state);
    if (e) return e;
    x.state_before = st->has_before ? st->state_before : NULL;
    x.signer = st->has_key ? st->sk + 32 : NULL; /* libsodium keeps the public key there */
    unsigned char salt[SALT_BYTES], com[SEAL_BYTES], raw[SEAL_BYTES], sig[SIG_BYTES];
    randombytes_buf(salt, sizeof salt);
    rd_canon c = {0};
    canon_str(&c, detail);
    chain_commit(salt, &c, com);
    canon_clear(&c);
    chain_audit_content(&c, id, now, actor, action, table, row_id, com, &x);
    chain_finish(&c, prev, hash);
    canon_free(&c);
    sodium_hex2bin(raw, sizeof raw, hash, 64, NULL, NULL, NULL);
    if (st->has_key) crypto_sign_detached(sig, NULL, raw, sizeof raw, st->sk);
    e = db_exec(st,
                "INSERT INTO audit_entries(id, at, actor, action, tbl, row_id, detail, prev_hash,"
                " hash, salt, log_count, log_head, state_before, state, signer, sig)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                "ittttztttbitBbBB", id, now, actor, action, table, row_id, detail, prev, hash, salt,
                sizeof salt, x.log_count, x.log_head, x.state_before, (size_t)SEAL_BYTES, x.state,
                sizeof x.state, x.signer, (size_t)STORE_KEY_BYTES, st->has_key ? sig : NULL,
                sizeof sig);
    if (!e) e = chain_advance(st, "audit", hash);
    /* a second entry in the same transaction begins where this one ended */
    if (!e) {
        memcpy(st->state_before, x.state, SEAL_BYTES);
        st->has_before = 1;
    }
    return e;
}

rd_err *chain_audit_migration(rd_store *st, int from, int to)
{
    rd_timestr now;
    time_iso(time_now(), now);
    char detail[64];
    snprintf(detail, sizeof detail, "{\"from\":%d,\"to\":%d}", from, to);
    return store_audit_append(st, now, "redress", "store.migrate", "schema", 0, detail);
}

void store_set_signer(rd_store *st, const unsigned char *sk)
{
    st->has_key = sk != NULL;
    if (sk)
        memcpy(st->sk, sk, sizeof st->sk);
    else
        sodium_memzero(st->sk, sizeof st->sk);
}

/* A log row as readers see it: the salt and the commitment stay inside the store. */
#define LOG_COLS                                                                                   \
    "g.id, g.client_id, g.case_id, g.direction, g.channel, g.at, g.subject, g.body,"               \
    " g.recorded_at, g.prev_hash, g.hash, g.erased IS NOT NULL AS erased"

const unsigned char *store_signer(rd_store *st)
{
    return st->has_key ? st->sk + 32 : NULL; /* libsodium keeps the public key there */
}

rd_err *store_log_list(rd_store *st, int64_t client_id, int64_t case_id, rd_page *page,
                       json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (case_id)
        return db_page(st, rows, page, "log_entries",
                       "SELECT " LOG_COLS " FROM log_entries g WHERE g.case_id = ?3"
                       " AND (?2 = 0 OR g.client_id = ?2) AND " DB_KEYSET_ASC(
                           "g", "at", "log_entries") " ORDER BY g.at, g.id LIMIT ?4",
                       "iii", after, client_id, case_id);
    if (client_id)
        return db_page(st, rows, page, "log_entries",
                       "SELECT " LOG_COLS
                       " FROM log_entries g WHERE g.client_id = ?2 AND " DB_KEYSET_ASC(
                           "g", "at", "log_entries") " ORDER BY g.at, g.id LIMIT ?3",
                       "ii", after, client_id);
    return db_page(st, rows, page, "log_entries",
                   "SELECT " LOG_COLS " FROM log_entries g WHERE " DB_KEYSET_ASC(
                       "g", "at", "log_entries") " ORDER BY g.at, g.id LIMIT ?2",
                   "i", after);
}

rd_err *store_log_get(rd_store *st, int64_t id, json_t **row)
{
    return db_row(st, row, "SELECT " LOG_COLS " FROM log_entries g WHERE g.id = ?1", "i", id);
}

rd_err *store_audit_list(rd_store *st, int64_t limit, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT id, at, actor, action, tbl, row_id, detail, prev_hash, hash,"
                   " erased IS NOT NULL AS erased, signer IS NOT NULL AS signed"
                   " FROM audit_entries ORDER BY id DESC LIMIT ?1",
                   "i", limit > 0 ? limit : INT64_MAX);
}

/* ---------------------------------------------------------------- erasure */

/* Replaces the personal values of the rows sql selects (id, salt, then the personal columns)
 * by their commitment; update is the UPDATE that stores it (?1 commitment, ?2 id). */
static rd_err *erase_rows(rd_store *st, const char *sql, int64_t client_id, int ncols,
                          const char *update, int64_t *n)
{
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) return db_error(st, "erase");
    sqlite3_bind_int64(stmt, 1, client_id);
    rd_canon c = {0};
    rd_err *e = NULL;
    int rc;
    *n = 0;
    while (!e && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (sqlite3_column_bytes(stmt, 1) != SALT_BYTES) continue; /* legacy or erased */
        unsigned char salt[SALT_BYTES], com[SEAL_BYTES];
        memcpy(salt, sqlite3_column_blob(stmt, 1), SALT_BYTES);
        canon_clear(&c);
        for (int i = 0; i < ncols; i++)
            seal_value(&c, sqlite3_column_value(stmt, 2 + i));
        chain_commit(salt, &c, com);
        e = db_exec(st, update, "bi", com, sizeof com, (int64_t)sqlite3_column_int64(stmt, 0));
        if (!e) ++*n;
    }
    if (!e && rc != SQLITE_DONE) e = db_error(st, "erase");
    canon_free(&c);
    sqlite3_finalize(stmt);
    return e;
}

rd_err *store_erase_client_chains(rd_store *st, int64_t client_id, int64_t *log_n, int64_t *audit_n)
{
    rd_err *e = erase_rows(
        st, "SELECT id, salt, subject, body FROM log_entries WHERE client_id = ?1", client_id, 2,
        "UPDATE log_entries SET subject = NULL, body = NULL, salt = NULL,"
        " erased = ?1 WHERE id = ?2",
        log_n);
    if (!e)
        e = erase_rows(
            st,
            "SELECT id, salt, detail FROM audit_entries WHERE"
            " (tbl = 'clients' AND row_id = ?1)"
            " OR (tbl = 'cases' AND row_id IN (SELECT id FROM cases WHERE client_id = ?1))"
            " OR (tbl = 'log_entries' AND row_id IN"
            " (SELECT id FROM log_entries WHERE client_id = ?1))",
            client_id, 1,
            "UPDATE audit_entries SET detail = NULL, salt = NULL, erased = ?1"
            " WHERE id = ?2",
            audit_n);
    return e;
}

/* ---------------------------------------------------------------- verification */

/* The kept line, parsed. */
typedef struct kept {
    int64_t log_n, audit_n;
    char log_h[LINE_HEX + 1], audit_h[LINE_HEX + 1], state[LINE_HEX + 1];
} kept;

/* Everything one verify run carries along. */
typedef struct vctx {
    rd_store *st;
    const rd_verify_opts *o;
    rd_verify_report *r;
    rd_canon c, personal;
    int64_t log_from, audit_from;         /* first ids in format 2 */
    int64_t total, done;                  /* entries, for progress */
    sqlite3_stmt *log;                    /* the log walk, one row ahead of nothing */
    bool log_end;                         /* the log walk has no more rows */
    char log_prev[65];                    /* hash of the newest log row walked (GENESIS at start) */
    char audit_prev[65];                  /* likewise for the audit trail */
    unsigned char last_state[SEAL_BYTES]; /* state recorded by the newest audit entry */
    bool has_state;                       /* it recorded one */
    const kept *against;                  /* NULL, or the kept line to check */
    bool against_log, against_audit;      /* each part of the line was met */
    int64_t erased_clients_missing;       /* erased log rows whose client was never erased */
} vctx;

static void progress(vctx *v)
{
    if (v->o && v->o->progress && (++v->done & 0xffff) == 0)
        v->o->progress(v->o->ctx, v->done, v->total);
}

static const char *col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

/* The format of rows before migration 007, kept to verify them as they were hashed. */
static void legacy_field(rd_buf *b, sqlite3_stmt *s, int i)
{
    int t = sqlite3_column_type(s, i);
    if (t == SQLITE_INTEGER) {
        char n[32];
        snprintf(n, sizeof n, "%lld", (long long)sqlite3_column_int64(s, i));
        rd_err_free(buf_addf(b, "%zu:%s;", strlen(n), n));
    } else if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
        /* the old encoding read text up to its first NUL */
        const char *p = col_text(s, i);
        rd_err_free(buf_addf(b, "%zu:", strlen(p)));
        rd_err_free(buf_adds(b, p));
        rd_err_free(buf_adds(b, ";"));
    } else {
        rd_err_free(buf_adds(b, "~;"));
    }
}

static void legacy_hash(sqlite3_stmt *s, const char *chain, int nfields, const char *prev,
                        char out[65])
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_addf(&b, "%zu:%s;", strlen(chain), chain));
    for (int i = 0; i < nfields; i++)
        legacy_field(&b, s, i);
    unsigned char h[SEAL_BYTES];
    crypto_generichash_state hs;
    crypto_generichash_init(&hs, NULL, 0, sizeof h);
    crypto_generichash_update(&hs, (const unsigned char *)buf_str(&b), b.len);
    crypto_generichash_update(&hs, (const unsigned char *)prev, strlen(prev));
    crypto_generichash_final(&hs, h, sizeof h);
    buf_reset(&b);
    hex(h, SEAL_BYTES, out);
}

/* The commitment of a format-2 row: from its salt and personal columns [first, first+n), or
 * the commitment erasure left in column erased. */
static rd_err *row_commit(vctx *v, sqlite3_stmt *s, const char *label, int64_t id, int salt_col,
                          int erased_col, int first, int n, unsigned char com[SEAL_BYTES],
                          bool *erased)
{
    *erased = sqlite3_column_type(s, erased_col) != SQLITE_NULL;
    if (*erased) {
        bool clean = sqlite3_column_bytes(s, erased_col) == SEAL_BYTES &&
                     sqlite3_column_type(s, salt_col) == SQLITE_NULL;
        for (int i = 0; i < n; i++)
            clean = clean && sqlite3_column_type(s, first + i) == SQLITE_NULL;
        if (!clean)
            return rd_error(RD_TAMPERED, "%s %lld: its erasure record was changed", label,
                            (long long)id);
        memcpy(com, sqlite3_column_blob(s, erased_col), SEAL_BYTES);
        return NULL;
    }
    if (sqlite3_column_bytes(s, salt_col) != SALT_BYTES)
        return rd_error(RD_TAMPERED, "%s %lld: its salt was changed: it was changed", label,
                        (long long)id);
    canon_clear(&v->personal);
    for (int i = 0; i < n; i++)
        seal_value(&v->personal, sqlite3_column_value(s, first + i));
    chain_commit(sqlite3_column_blob(s, salt_col), &v->personal, com);
    return NULL;
}

/* Checks the row's stored hash and link; prev is the hash of the row before. */
static rd_err *check_link(const char *label, int64_t id, const char *mine, sqlite3_stmt *s,
                          int prev_col, int hash_col, char prev[65])
{
    const char *stored_prev = col_text(s, prev_col), *stored = col_text(s, hash_col);
    if (!stored || strcmp(mine, stored) != 0)
        return rd_error(RD_TAMPERED, "%s %lld does not match its hash: it was changed", label,
                        (long long)id);
    if (!stored_prev || strcmp(stored_prev, prev) != 0)
        return rd_error(RD_TAMPERED,
                        "%s %lld does not follow the entry before it: entries were removed or"
                        " reordered",
                        label, (long long)id);
    memcpy(prev, stored, 65); /* 64 hex digits and the NUL, as the comparison showed */
    return NULL;
}

enum {
    L_ID,
    L_CLIENT,
    L_CASE,
    L_DIR,
    L_CHANNEL,
    L_AT,
    L_SUBJECT,
    L_BODY,
    L_RECORDED,
    L_PREV,
    L_HASH,
    L_SALT,
    L_ERASED
};

/* Walks one more log row; sets log_end when there is none. */
static rd_err *log_step(vctx *v)
{
    sqlite3_stmt *s = v->log;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
        v->log_end = true;
        return NULL;
    }
    if (rc != SQLITE_ROW) return db_error(v->st, "verify");
    int64_t id = sqlite3_column_int64(s, L_ID);
    const char *prev = col_text(s, L_PREV);
    char mine[65];
    if (id < v->log_from) {
        legacy_hash(s, "log", L_PREV, prev ? prev : "", mine);
        v->r->legacy_log++;
    } else {
        unsigned char com[SEAL_BYTES];
        bool erased;
        rd_err *e = row_commit(v, s, "log entry", id, L_SALT, L_ERASED, L_SUBJECT, 2, com, &erased);
        if (e) return e;
        if (erased) {
            v->r->erased_log++;
            int64_t known = 0;
            e = db_int(v->st, &known,
                       "SELECT count(*) FROM clients WHERE id = ?1 AND erased_at IS NOT NULL", "i",
                       (int64_t)sqlite3_column_int64(s, L_CLIENT));
            if (e) return e;
            if (!known)
                return rd_error(RD_TAMPERED,
                                "log entry %lld: its words were removed, but its client was"
                                " never erased",
                                (long long)id);
        }
        rd_canon *c = &v->c;
        canon_clear(c);
        canon_str(c, "redress.log.2");
        for (int i = L_ID; i <= L_AT; i++)
            seal_value(c, sqlite3_column_value(s, i));
        canon_blob(c, com, sizeof com);
        seal_value(c, sqlite3_column_value(s, L_RECORDED));
        chain_finish(c, prev ? prev : "", mine);
    }
    rd_err *e = check_link("log entry", id, mine, s, L_PREV, L_HASH, v->log_prev);
    if (e) return e;
    v->r->log_entries++;
    progress(v);
    if (v->against && v->r->log_entries == v->against->log_n) {
        if (strncmp(v->log_prev, v->against->log_h, LINE_HEX) != 0)
            return rd_error(RD_TAMPERED,
                            "log entry %lld differs from the kept line: the log was rewritten"
                            " since",
                            (long long)id);
        v->against_log = true;
    }
    return NULL;
}

/* Walks the log up to n rows (the length an audit entry recorded). */
static rd_err *log_until(vctx *v, int64_t n)
{
    rd_err *e = NULL;
    while (!e && !v->log_end && v->r->log_entries < n)
        e = log_step(v);
    return e;
}

enum {
    A_ID,
    A_AT,
    A_ACTOR,
    A_ACTION,
    A_TBL,
    A_ROW,
    A_DETAIL,
    A_PREV,
    A_HASH,
    A_SALT,
    A_ERASED,
    A_LOG_COUNT,
    A_LOG_HEAD,
    A_BEFORE,
    A_STATE,
    A_SIGNER,
    A_SIG
};

static rd_err *check_signature(vctx *v, sqlite3_stmt *s, int64_t id, const char *hash)
{
    unsigned char raw[SEAL_BYTES];
    sodium_hex2bin(raw, sizeof raw, hash, 64, NULL, NULL, NULL);
    if (sqlite3_column_bytes(s, A_SIG) != SIG_BYTES ||
        crypto_sign_verify_detached(sqlite3_column_blob(s, A_SIG), raw, sizeof raw,
                                    sqlite3_column_blob(s, A_SIGNER)) != 0)
        return rd_error(RD_TAMPERED,
                        "audit entry %lld: its signature does not match: the entry was rewritten"
                        " without the key",
                        (long long)id);
    v->r->signatures_checked++;
    return NULL;
}

static rd_err *audit_step(vctx *v, sqlite3_stmt *s, bool *last_signed_pending)
{
    int64_t id = sqlite3_column_int64(s, A_ID);
    const char *prev = col_text(s, A_PREV);
    char mine[65];
    rd_err *e = NULL;
    if (id < v->audit_from) {
        legacy_hash(s, "audit", A_PREV, prev ? prev : "", mine);
        v->r->legacy_audit++;
        v->has_state = false;
        return check_link("audit entry", id, mine, s, A_PREV, A_HASH, v->audit_prev);
    }
    unsigned char com[SEAL_BYTES];
    bool erased;
    e = row_commit(v, s, "audit entry", id, A_SALT, A_ERASED, A_DETAIL, 1, com, &erased);
    if (e) return e;
    if (erased) v->r->erased_audit++;
    int64_t log_count = sqlite3_column_int64(s, A_LOG_COUNT);
    const char *log_head = col_text(s, A_LOG_HEAD);
    bool has_before = sqlite3_column_type(s, A_BEFORE) != SQLITE_NULL;
    bool has_signer = sqlite3_column_type(s, A_SIGNER) != SQLITE_NULL;
    if (sqlite3_column_bytes(s, A_STATE) != SEAL_BYTES ||
        (has_before && sqlite3_column_bytes(s, A_BEFORE) != SEAL_BYTES) ||
        (has_signer && sqlite3_column_bytes(s, A_SIGNER) != STORE_KEY_BYTES))
        return rd_error(RD_TAMPERED, "audit entry %lld does not match its hash: it was changed",
                        (long long)id);
    audit_extra x = {log_count,
                     "",
                     has_before ? sqlite3_column_blob(s, A_BEFORE) : NULL,
                     {0},
                     has_signer ? sqlite3_column_blob(s, A_SIGNER) : NULL};
    snprintf(x.log_head, sizeof x.log_head, "%s", log_head ? log_head : "");
    memcpy(x.state, sqlite3_column_blob(s, A_STATE), SEAL_BYTES);
    rd_canon *c = &v->c;
    canon_clear(c);
    /* the row's own fields go in as stored, so that a change of storage class shows */
    canon_str(c, "redress.audit.2");
    for (int i = A_ID; i <= A_ROW; i++)
        seal_value(c, sqlite3_column_value(s, i));
    canon_blob(c, com, SEAL_BYTES);
    seal_value(c, sqlite3_column_value(s, A_LOG_COUNT));
    seal_value(c, sqlite3_column_value(s, A_LOG_HEAD));
    if (x.state_before)
        canon_blob(c, x.state_before, SEAL_BYTES);
    else
        canon_null(c);
    canon_blob(c, x.state, SEAL_BYTES);
    if (x.signer)
        canon_blob(c, x.signer, STORE_KEY_BYTES);
    else
        canon_null(c);
    chain_finish(c, prev ? prev : "", mine);
    e = check_link("audit entry", id, mine, s, A_PREV, A_HASH, v->audit_prev);
    if (e) return e;
    /* the write began on the state the entry before it left: nothing changed in between */
    if (x.state_before && v->has_state &&
        sodium_memcmp(x.state_before, v->last_state, SEAL_BYTES) != 0)
        return rd_error(RD_TAMPERED,
                        "audit entry %lld: the desk was changed outside redress before this"
                        " write (its tables differ from what audit entry %lld left)",
                        (long long)id, (long long)id - 1);
    memcpy(v->last_state, x.state, SEAL_BYTES);
    v->has_state = true;
    /* the log it saw is the log's prefix */
    e = log_until(v, log_count);
    if (e) return e;
    if (v->r->log_entries != log_count ||
        strcmp(v->r->log_entries ? v->log_prev : "", x.log_head) != 0)
        return rd_error(RD_TAMPERED,
                        "audit entry %lld saw %lld log entries ending in %.16s, but the log"
                        " differs there: log entries were removed or rewritten",
                        (long long)id, (long long)log_count, x.log_head);
    if (x.signer) {
        v->r->newest_signed = id;
        v->r->unsigned_after = 0;
        hex(x.signer, 8, v->r->signer);
        v->r->signed_by = v->o && v->o->pk && memcmp(v->o->pk, x.signer, STORE_KEY_BYTES) == 0
                              ? SIGNED_THIS_KEY
                              : SIGNED_OTHER_KEY;
        if (v->o && v->o->all_signatures) {
            e = check_signature(v, s, id, mine);
            *last_signed_pending = false;
        } else {
            *last_signed_pending = true;
        }
        if (e) return e;
    } else {
        if (sqlite3_column_type(s, A_SIG) != SQLITE_NULL)
            return rd_error(RD_TAMPERED, "audit entry %lld: its signer was removed", (long long)id);
        v->r->unsigned_after++;
    }
    return NULL;
}

static rd_err *parse_line(const char *line, kept *k)
{
    long long ln, an;
    int used = 0;
    if (sscanf(line, "rd1:L%lld:%32[0-9a-f]:A%lld:%32[0-9a-f]:S%32[0-9a-f]%n", &ln, k->log_h, &an,
               k->audit_h, k->state, &used) != 5 ||
        line[used] != '\0' || strlen(k->log_h) != LINE_HEX || strlen(k->audit_h) != LINE_HEX ||
        strlen(k->state) != LINE_HEX || ln < 0 || an < 1)
        return rd_error(RD_INVALID,
                        "against: not a line from redress verify (rd1:L<n>:<hex>:A<n>:<hex>:"
                        "S<hex>)");
    k->log_n = ln;
    k->audit_n = an;
    return NULL;
}

/* The hash of the newest signed entry, checked at the end unless every one was. */
static rd_err *check_newest_signature(vctx *v, const char *audit_sql)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(v->st->db, audit_sql, -1, &s, NULL) != SQLITE_OK)
        return db_error(v->st, "verify");
    sqlite3_bind_int64(s, 1, v->r->newest_signed);
    rd_err *e = sqlite3_step(s) == SQLITE_ROW
                    ? check_signature(v, s, v->r->newest_signed, col_text(s, A_HASH))
                    : db_error(v->st, "verify");
    sqlite3_finalize(s);
    return e;
}

#define AUDIT_COLS                                                                                 \
    "SELECT id, at, actor, action, tbl, row_id, detail, prev_hash, hash, salt, erased,"            \
    " log_count, log_head, state_before, state, signer, sig FROM audit_entries"

/* The walk, inside the read transaction. */
static rd_err *verify_walk(vctx *v)
{
    rd_verify_report *r = v->r;
    int64_t log_count, audit_count;
    char log_head[65], audit_head[65];
    rd_err *e = head_get(v->st, "log", &log_count, log_head);
    if (!e) e = head_get(v->st, "audit", &audit_count, audit_head);
    if (!e)
        e = db_int(v->st, &v->log_from, "SELECT sealed_from FROM chain_heads WHERE chain = 'log'",
                   NULL);
    if (!e)
        e = db_int(v->st, &v->audit_from,
                   "SELECT sealed_from FROM chain_heads WHERE chain = 'audit'", NULL);
    if (e) return e;
    v->total = log_count + audit_count;
    snprintf(v->log_prev, 65, "%s", GENESIS);
    snprintf(v->audit_prev, 65, "%s", GENESIS);
    if (sqlite3_prepare_v2(v->st->db,
                           "SELECT id, client_id, case_id, direction, channel, at, subject, body,"
                           " recorded_at, prev_hash, hash, salt, erased FROM log_entries"
                           " ORDER BY id",
                           -1, &v->log, NULL) != SQLITE_OK)
        return db_error(v->st, "verify");
    sqlite3_stmt *a;
    if (sqlite3_prepare_v2(v->st->db, AUDIT_COLS " ORDER BY id", -1, &a, NULL) != SQLITE_OK)
        return db_error(v->st, "verify");
    bool pending = false;
    int rc;
    while (!e && (rc = sqlite3_step(a)) == SQLITE_ROW) {
        e = audit_step(v, a, &pending);
        if (e) break;
        r->audit_entries++;
        progress(v);
        if (v->against && r->audit_entries == v->against->audit_n) {
            char st_hex[2 * SEAL_BYTES + 1];
            hex(v->last_state, SEAL_BYTES, st_hex);
            if (strncmp(v->audit_prev, v->against->audit_h, LINE_HEX) != 0 ||
                strncmp(st_hex, v->against->state, LINE_HEX) != 0)
                e = rd_error(RD_TAMPERED,
                             "audit entry %lld differs from the kept line: the audit trail was"
                             " rewritten since",
                             (long long)r->audit_entries);
            v->against_audit = true;
        }
    }
    if (!e && rc != SQLITE_DONE) e = db_error(v->st, "verify");
    sqlite3_finalize(a);
    while (!e && !v->log_end)
        e = log_step(v);
    sqlite3_finalize(v->log);
    v->log = NULL;
    if (e) return e;
    if (log_count != r->log_entries || (r->log_entries > 0 && strcmp(log_head, v->log_prev) != 0))
        return rd_error(RD_TAMPERED,
                        "log chain: %lld entries found but %lld were written: entries were removed",
                        (long long)r->log_entries, (long long)log_count);
    if (audit_count != r->audit_entries ||
        (r->audit_entries > 0 && strcmp(audit_head, v->audit_prev) != 0))
        return rd_error(RD_TAMPERED,
                        "audit chain: %lld entries found but %lld were written: entries were"
                        " removed",
                        (long long)r->audit_entries, (long long)audit_count);
    if (v->against && (!v->against_log || !v->against_audit))
        return rd_error(RD_TAMPERED,
                        "the kept line records %lld log and %lld audit entries, but the desk has"
                        " %lld and %lld: entries were removed since",
                        (long long)v->against->log_n, (long long)v->against->audit_n,
                        (long long)r->log_entries, (long long)r->audit_entries);
    if (r->audit_entries == 0)
        return rd_error(RD_TAMPERED,
                        "the audit trail is empty, but a sealed desk begins with the entry of its"
                        " creation: every entry was removed");
    if (pending) e = check_newest_signature(v, AUDIT_COLS " WHERE id = ?1");
    if (e) return e;
    unsigned char state[SEAL_BYTES];
    e = seal_verify(v->st, &r->tables, state);
    if (e) return e;
    if (v->has_state && sodium_memcmp(state, v->last_state, SEAL_BYTES) != 0)
        return rd_error(RD_TAMPERED,
                        "the desk's tables differ from what the newest audit entry (%lld)"
                        " recorded: they were changed outside redress",
                        (long long)r->audit_entries);
    if (!v->has_state && r->audit_entries > 0)
        return rd_error(RD_TAMPERED,
                        "the newest audit entry records no state: the seal was removed");
    hex(state, SEAL_BYTES, r->state);
    snprintf(r->log_head, 65, "%s", r->log_entries ? v->log_prev : "");
    snprintf(r->audit_head, 65, "%s", r->audit_entries ? v->audit_prev : "");
    snprintf(r->line, sizeof r->line, "rd1:L%lld:%.32s:A%lld:%.32s:S%.32s",
             (long long)r->log_entries, r->log_entries ? v->log_prev : GENESIS,
             (long long)r->audit_entries, v->audit_prev, r->state);
    r->against_checked = v->against != NULL;
    return NULL;
}

rd_err *store_verify(rd_store *st, const rd_verify_opts *o, rd_verify_report *r)
{
    memset(r, 0, sizeof *r);
    kept k;
    vctx v = {.st = st, .o = o, .r = r};
    if (o && o->against) {
        rd_err *e = parse_line(o->against, &k);
        if (e) return e;
        v.against = &k;
        /* an empty log is met before the walk starts */
        v.against_log = k.log_n == 0 && strncmp(k.log_h, GENESIS, LINE_HEX) == 0;
    }
    /* one read transaction: every query below sees the same snapshot */
    bool own = !st->in_tx;
    if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(st, "verify");
    rd_err *e = verify_walk(&v);
    if (v.log) sqlite3_finalize(v.log);
    if (own) sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    canon_free(&v.c);
    canon_free(&v.personal);
    return e;
}
