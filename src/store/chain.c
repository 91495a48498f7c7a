/* chain.c — the two append-only, hash-chained records: the communication log (P17) and the
 * audit trail. Each row stores BLAKE2b-256 over its canonical content followed by the previous
 * row's hash, and chain_heads keeps the newest hash and the count, so that editing, deleting,
 * reordering or truncating rows by hand is caught by store_verify(). */
#include "store/store_int.h"

#include <sodium.h>
#include <string.h>

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Canonical content: the chain name, then every field as "<length>:<bytes>;" or "~;" for NULL,
 * in a fixed order. Lengths make the encoding unambiguous whatever the fields contain. */
static void canon_str(rd_buf *b, const char *s)
{
    rd_err *e = s ? buf_addf(b, "%zu:", strlen(s)) : buf_adds(b, "~;");
    if (!e && s) e = buf_adds(b, s);
    if (!e && s) e = buf_adds(b, ";");
    rd_err_free(e); /* the buffer is uncapped for our own content */
}

static void canon_int(rd_buf *b, int64_t v)
{
    char n[32];
    snprintf(n, sizeof n, "%lld", (long long)v);
    canon_str(b, n);
}

static void hash_hex(const rd_buf *content, const char *prev, char out[65])
{
    unsigned char h[32];
    crypto_generichash_state s;
    crypto_generichash_init(&s, NULL, 0, sizeof h);
    crypto_generichash_update(&s, (const unsigned char *)buf_str(content), content->len);
    crypto_generichash_update(&s, (const unsigned char *)prev, strlen(prev));
    crypto_generichash_final(&s, h, sizeof h);
    sodium_bin2hex(out, 65, h, sizeof h);
}

/* Content of one row of either chain, taken from its JSON form so that appending and verifying
 * hash exactly the same bytes. */
static const char *const log_fields[] = {"id", "client_id", "case_id", "direction",   "channel",
                                         "at", "subject",   "body",    "recorded_at", NULL};
static const char *const audit_fields[] = {"id",  "at",     "actor",  "action",
                                           "tbl", "row_id", "detail", NULL};

static void row_content(const char *chain, const char *const *fields, json_t *row, rd_buf *b)
{
    buf_init(b, 0);
    canon_str(b, chain);
    for (int i = 0; fields[i]; i++) {
        json_t *v = json_object_get(row, fields[i]);
        if (json_is_integer(v))
            canon_int(b, json_integer_value(v));
        else
            canon_str(b, json_string_value(v));
    }
}

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

static void set_str(json_t *o, const char *k, const char *v)
{
    json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static void set_id(json_t *o, const char *k, int64_t v)
{
    json_object_set_new(o, k, v ? json_integer(v) : json_null());
}

rd_err *store_log_append(rd_store *st, const rd_log_fields *f, const char *now, int64_t *id)
{
    char prev[65], hash[65];
    rd_err *e = chain_next(st, "log", "SELECT coalesce(max(id), 0) FROM log_entries", id, prev);
    if (e) return e;
    json_t *row = json_object();
    set_id(row, "id", *id);
    set_id(row, "client_id", f->client_id);
    set_id(row, "case_id", f->case_id);
    set_str(row, "direction", f->direction);
    set_str(row, "channel", f->channel);
    set_str(row, "at", f->at);
    set_str(row, "subject", f->subject);
    set_str(row, "body", f->body);
    set_str(row, "recorded_at", now);
    rd_buf content;
    row_content("log", log_fields, row, &content);
    hash_hex(&content, prev, hash);
    buf_reset(&content);
    json_decref(row);
    e = db_exec(st,
                "INSERT INTO log_entries(id, client_id, case_id, direction, channel, at, subject,"
                " body, recorded_at, prev_hash, hash)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                "iiztttttttt", *id, f->client_id, f->case_id, f->direction, f->channel, f->at,
                f->subject, f->body, now, prev, hash);
    return e ? e : chain_advance(st, "log", hash);
}

rd_err *store_audit_append(rd_store *st, const char *now, const char *actor, const char *action,
                           const char *table, int64_t row_id, const char *detail)
{
    char prev[65], hash[65];
    int64_t id;
    rd_err *e =
        chain_next(st, "audit", "SELECT coalesce(max(id), 0) FROM audit_entries", &id, prev);
    if (e) return e;
    json_t *row = json_object();
    set_id(row, "id", id);
    set_str(row, "at", now);
    set_str(row, "actor", actor);
    set_str(row, "action", action);
    set_str(row, "tbl", table);
    set_id(row, "row_id", row_id);
    set_str(row, "detail", detail);
    rd_buf content;
    row_content("audit", audit_fields, row, &content);
    hash_hex(&content, prev, hash);
    buf_reset(&content);
    json_decref(row);
    e = db_exec(st,
                "INSERT INTO audit_entries(id, at, actor, action, tbl, row_id, detail, prev_hash,"
                " hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                "ittttzttt", id, now, actor, action, table, row_id, detail, prev, hash);
    return e ? e : chain_advance(st, "audit", hash);
}

rd_err *store_log_list(rd_store *st, int64_t client_id, int64_t case_id, rd_page *page,
                       json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (case_id)
        return db_page(st, rows, page, "log_entries",
                       "SELECT * FROM log_entries g WHERE g.case_id = ?3"
                       " AND (?2 = 0 OR g.client_id = ?2) AND " DB_KEYSET_ASC(
                           "g", "at", "log_entries") " ORDER BY g.at, g.id LIMIT ?4",
                       "iii", after, client_id, case_id);
    if (client_id)
        return db_page(st, rows, page, "log_entries",
                       "SELECT * FROM log_entries g WHERE g.client_id = ?2 AND " DB_KEYSET_ASC(
                           "g", "at", "log_entries") " ORDER BY g.at, g.id LIMIT ?3",
                       "ii", after, client_id);
    return db_page(st, rows, page, "log_entries",
                   "SELECT * FROM log_entries g WHERE " DB_KEYSET_ASC(
                       "g", "at", "log_entries") " ORDER BY g.at, g.id LIMIT ?2",
                   "i", after);
}

rd_err *store_audit_list(rd_store *st, int64_t limit, json_t **rows)
{
    return db_rows(st, rows, "SELECT * FROM audit_entries ORDER BY id DESC LIMIT ?1", "i",
                   limit > 0 ? limit : INT64_MAX);
}

/* Walks one chain in id order. A row whose stored hash differs from its recomputed hash was
 * edited; a row whose prev_hash differs from the row before's hash means rows were removed or
 * reordered; a head that differs from the newest row means rows were removed from the end. */
/* Where a walk along one chain has got to. */
typedef struct chain_walk {
    const char *chain;         /* "log" or "audit" */
    const char *label;         /* "log entry", for messages */
    const char *const *fields; /* its canonical fields */
    char prev[65];             /* hash of the last row checked */
    int64_t n;                 /* rows checked */
} chain_walk;

/* Checks one row: a stored hash that differs from the recomputed one means the row was edited;
 * a prev_hash that differs from the row before's hash means rows were removed or reordered. */
static rd_err *check_row(void *ctx, json_t *row)
{
    chain_walk *w = ctx;
    long long id = (long long)json_integer_value(json_object_get(row, "id"));
    const char *stored_prev = json_string_value(json_object_get(row, "prev_hash"));
    const char *stored = json_string_value(json_object_get(row, "hash"));
    char hash[65];
    rd_buf content;
    row_content(w->chain, w->fields, row, &content);
    hash_hex(&content, stored_prev ? stored_prev : "", hash);
    buf_reset(&content);
    if (!stored || strcmp(hash, stored) != 0)
        return rd_error(RD_TAMPERED, "%s %lld does not match its hash: it was changed", w->label,
                        id);
    if (!stored_prev || strcmp(stored_prev, w->prev) != 0)
        return rd_error(RD_TAMPERED,
                        "%s %lld does not follow the entry before it: entries were removed or"
                        " reordered",
                        w->label, id);
    snprintf(w->prev, sizeof w->prev, "%s", stored);
    w->n++;
    return NULL;
}

/* Walks one chain in id order, row by row, then checks the head record, which catches rows
 * removed from the end. */
static rd_err *verify_chain(rd_store *st, chain_walk *w, const char *sql, int64_t *count,
                            char head[65])
{
    snprintf(w->prev, sizeof w->prev, "%s", GENESIS);
    w->n = 0;
    rd_err *e = db_each(st, check_row, w, sql, NULL);
    int64_t head_count;
    char head_hash[65];
    if (!e) e = head_get(st, w->chain, &head_count, head_hash);
    if (!e && (head_count != w->n || (w->n > 0 && strcmp(head_hash, w->prev) != 0)))
        e = rd_error(RD_TAMPERED,
                     "%s chain: %lld entries found but %lld were written: entries were removed",
                     w->chain, (long long)w->n, (long long)head_count);
    if (!e) {
        *count = w->n;
        snprintf(head, 65, "%s", w->n > 0 ? w->prev : "");
    }
    return e;
}

rd_err *store_verify(rd_store *st, rd_verify_report *r)
{
    memset(r, 0, sizeof *r);
    chain_walk log = {"log", "log entry", log_fields, "", 0};
    chain_walk audit = {"audit", "audit entry", audit_fields, "", 0};
    rd_err *e = verify_chain(st, &log, "SELECT * FROM log_entries ORDER BY id", &r->log_entries,
                             r->log_head);
    if (!e)
        e = verify_chain(st, &audit, "SELECT * FROM audit_entries ORDER BY id", &r->audit_entries,
                         r->audit_head);
    return e;
}
