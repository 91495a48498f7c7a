/* store_bundle.c — the chain's part of an evidence bundle: the stretch of the log a case's
 * entries sit in, the audit entry that vouches for its end, and the checks that recompute both
 * from their JSON alone, with no database (a mediator runs them on a copy of the bundle).
 *
 * The log is one chain for the whole desk, so a case's entries are interleaved with others'.
 * The stretch runs from the case's first entry to the log's head; the case's own entries (and
 * the client's letters without a case) carry their words and salt, every other entry only its
 * dates, channel and the commitment to its words, which is enough to recompute its hash and
 * reveals none of them. The audit entry then records the log's length and head, and is signed
 * when the desk has a key. */
#include "store/store_int.h"

#include <assert.h>
#include <sodium.h>
#include <string.h>

#define SIG_BYTES 64

/* A blob column as lowercase hex, NULL kept NULL. */
#define HEXCOL(c) "CASE WHEN " c " IS NULL THEN NULL ELSE lower(hex(" c ")) END AS " c

static const char *jstr(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int64_t jint(const json_t *o, const char *key)
{
    return (int64_t)json_integer_value(json_object_get(o, key));
}

/* Decodes the hex member key of o into exactly n bytes; false when absent or not n bytes. */
static bool jhex(const json_t *o, const char *key, unsigned char *out, size_t n)
{
    const char *h = jstr(o, key);
    size_t got = 0;
    return h && strlen(h) == 2 * n && sodium_hex2bin(out, n, h, 2 * n, NULL, &got, NULL) == 0 &&
           got == n;
}

static void set_hex(json_t *o, const char *key, const unsigned char *p, size_t n)
{
    char h[2 * SEAL_BYTES + 1];
    assert(n <= SEAL_BYTES);
    sodium_bin2hex(h, sizeof h, p, n);
    json_object_set_new(o, key, json_string(h));
}

/* Turns a row of the stretch that is not the case's into its commitment: words and salt go. */
static void hide_words(json_t *row, rd_canon *c)
{
    unsigned char salt[CHAIN_SALT_BYTES], com[SEAL_BYTES];
    if (jhex(row, "salt", salt, sizeof salt)) {
        canon_clear(c);
        canon_str(c, jstr(row, "subject"));
        canon_str(c, jstr(row, "body"));
        chain_commit(salt, c, com);
        set_hex(row, "commitment", com, sizeof com);
    }
    json_object_del(row, "subject");
    json_object_del(row, "body");
    json_object_del(row, "salt");
}

rd_err *store_bundle_log(rd_store *st, int64_t client_id, int64_t case_id, json_t **out)
{
    int64_t first = 0, sealed_from = 0;
    *out = NULL;
    rd_err *e =
        db_int(st, &first, "SELECT coalesce(min(id), 0) FROM log_entries WHERE case_id = ?1", "i",
               case_id);
    if (!e)
        e = db_int(st, &sealed_from, "SELECT sealed_from FROM chain_heads WHERE chain = 'log'",
                   NULL);
    if (e) return e;
    if (first == 0) return rd_error(RD_CONFLICT, "case: %lld has no log entry", (long long)case_id);
    if (first < sealed_from)
        return rd_error(RD_CONFLICT,
                        "case: %lld begins in log entry %lld, written before the log was sealed"
                        " (migration 007); its older encoding cannot be recomputed outside the"
                        " desk",
                        (long long)case_id, (long long)first);
    json_t *rows = NULL;
    e = db_rows(st, &rows,
                "SELECT id, client_id, case_id, direction, channel, at, subject, body,"
                " recorded_at, prev_hash, hash, " HEXCOL("salt") ", " HEXCOL(
                    "erased") " FROM log_entries WHERE id >= ?1 ORDER BY id",
                "i", first);
    if (e) return e;
    rd_canon c = {0};
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        json_t *cid = json_object_get(row, "case_id");
        bool own = json_is_null(cid) ? jint(row, "client_id") == client_id
                                     : json_integer_value(cid) == case_id;
        const char *erased = jstr(row, "erased");
        if (erased) {
            json_object_set_new(row, "commitment", json_string(erased));
            json_object_set_new(row, "erased", json_true());
            hide_words(row, &c);
        } else {
            json_object_del(row, "erased");
            if (!own) hide_words(row, &c);
        }
    }
    canon_free(&c);
    *out = rows;
    return NULL;
}

rd_err *store_bundle_head(rd_store *st, json_t **out)
{
    return db_row(
        st, out,
        "SELECT id, at, actor, action, tbl, row_id, detail, prev_hash, hash, " HEXCOL(
            "sa"
            "l"
            "t") ", log_count, log_head, " HEXCOL("state_before") ", " HEXCOL("state") ", " HEXCOL("signer") ", " HEXCOL("sig") " FROM audit_entries ORDER BY id DESC LIMIT 1",
        NULL);
}

rd_err *store_bundle_held(rd_store *st, int64_t audit_id, const char *hash, bool *held)
{
    int64_t n = 0;
    rd_err *e = db_int(st, &n, "SELECT count(*) FROM audit_entries WHERE id = ?1 AND hash = ?2",
                       "it", audit_id, hash);
    *held = !e && n == 1;
    return e;
}

/* ---------------------------------------------------------------- checks without a desk */

rd_err *store_bundle_check_head(const json_t *h, char signer[2 * STORE_KEY_BYTES + 1])
{
    int64_t id = jint(h, "id");
    unsigned char salt[CHAIN_SALT_BYTES], com[SEAL_BYTES], before[SEAL_BYTES], pk[STORE_KEY_BYTES];
    audit_extra x = {jint(h, "log_count"), "", NULL, {0}, NULL};
    const char *head = jstr(h, "log_head"), *hash = jstr(h, "hash"), *prev = jstr(h, "prev_hash");
    bool ok = json_is_integer(json_object_get(h, "id")) && head && hash && prev &&
              jstr(h, "detail") && jhex(h, "salt", salt, sizeof salt) &&
              jhex(h, "state", x.state, sizeof x.state) && strlen(head) < sizeof x.log_head;
    if (ok && !json_is_null(json_object_get(h, "state_before")))
        ok = jhex(h, "state_before", before, sizeof before), x.state_before = before;
    if (ok && !json_is_null(json_object_get(h, "signer")))
        ok = jhex(h, "signer", pk, sizeof pk), x.signer = pk;
    if (!ok)
        return rd_error(RD_TAMPERED,
                        "head.json: audit entry %lld is missing fields or has"
                        " malformed ones: it was changed",
                        (long long)id);
    snprintf(x.log_head, sizeof x.log_head, "%s", head);
    rd_canon c = {0};
    canon_str(&c, jstr(h, "detail"));
    chain_commit(salt, &c, com);
    canon_clear(&c);
    json_t *row = json_object_get(h, "row_id");
    chain_audit_content(&c, id, jstr(h, "at"), jstr(h, "actor"), jstr(h, "action"), jstr(h, "tbl"),
                        json_is_integer(row) ? json_integer_value(row) : 0, com, &x);
    char mine[65];
    chain_finish(&c, prev, mine);
    canon_free(&c);
    if (strcmp(mine, hash) != 0)
        return rd_error(RD_TAMPERED,
                        "head.json: audit entry %lld does not match its hash: it was"
                        " changed",
                        (long long)id);
    signer[0] = '\0';
    if (!x.signer) return NULL;
    unsigned char raw[SEAL_BYTES], sig[SIG_BYTES];
    sodium_hex2bin(raw, sizeof raw, hash, 64, NULL, NULL, NULL);
    if (!jhex(h, "sig", sig, sizeof sig) ||
        crypto_sign_verify_detached(sig, raw, sizeof raw, x.signer) != 0)
        return rd_error(RD_TAMPERED,
                        "head.json: the signature of audit entry %lld does not match: the head"
                        " was rewritten without the desk's key",
                        (long long)id);
    sodium_bin2hex(signer, 2 * STORE_KEY_BYTES + 1, pk, sizeof pk);
    return NULL;
}

/* The commitment of one entry of the stretch: recomputed from its words and salt, or as given. */
static bool entry_commitment(const json_t *g, rd_canon *c, unsigned char com[SEAL_BYTES])
{
    unsigned char salt[CHAIN_SALT_BYTES];
    if (json_object_get(g, "commitment")) return jhex(g, "commitment", com, SEAL_BYTES);
    if (!jhex(g, "salt", salt, sizeof salt)) return false;
    canon_clear(c);
    canon_str(c, jstr(g, "subject"));
    canon_str(c, jstr(g, "body"));
    chain_commit(salt, c, com);
    return true;
}

rd_err *store_bundle_check_log(const json_t *entries, const json_t *head)
{
    size_t n = json_array_size(entries), i;
    if (n == 0) return rd_error(RD_TAMPERED, "entries.json: the log stretch is empty");
    rd_canon c = {0};
    rd_err *e = NULL;
    const char *last = NULL;
    int64_t want_id = jint(json_array_get(entries, 0), "id");
    json_t *g;
    json_array_foreach(entries, i, g)
    {
        int64_t id = jint(g, "id");
        unsigned char com[SEAL_BYTES];
        const char *prev = jstr(g, "prev_hash"), *hash = jstr(g, "hash");
        json_t *cid = json_object_get(g, "case_id");
        rd_log_fields f = {jint(g, "client_id"),
                           json_is_integer(cid) ? json_integer_value(cid) : 0,
                           jstr(g, "direction"),
                           jstr(g, "channel"),
                           jstr(g, "at"),
                           NULL,
                           NULL};
        if (id != want_id || !prev || !hash || !entry_commitment(g, &c, com)) {
            e = rd_error(RD_TAMPERED,
                         "entries.json: log entry %lld is missing fields or is out of order: it"
                         " was changed",
                         (long long)(id ? id : want_id));
            break;
        }
        canon_clear(&c);
        chain_log_content(&c, id, &f, com, jstr(g, "recorded_at"));
        char mine[65];
        chain_finish(&c, prev, mine);
        if (strcmp(mine, hash) != 0) {
            e = rd_error(RD_TAMPERED,
                         "entries.json: log entry %lld does not match its hash: it"
                         " was changed",
                         (long long)id);
            break;
        }
        if (last && strcmp(prev, last) != 0) {
            e = rd_error(RD_TAMPERED,
                         "entries.json: log entry %lld does not follow the entry before it:"
                         " entries were removed or reordered",
                         (long long)id);
            break;
        }
        last = hash;
        want_id = id + 1;
    }
    canon_free(&c);
    if (e) return e;
    const char *head_hash = jstr(head, "log_head");
    if (want_id - 1 != jint(head, "log_count") || !head_hash || strcmp(last, head_hash) != 0)
        return rd_error(RD_TAMPERED,
                        "entries.json: the stretch ends at log entry %lld, but the head records"
                        " %lld entries ending in %.16s: entries were removed or added",
                        (long long)(want_id - 1), (long long)jint(head, "log_count"),
                        head_hash ? head_hash : "");
    return NULL;
}
