/* test_seal.c — the seal: the canonical encoding, edits the chains must see (NUL bytes, a REAL
 * or a BLOB in place of an integer or text), every table under the multiset hash, signed heads,
 * the kept line, erasure, and verify beside a writer (one snapshot: no false alarm). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "desk/desk.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/canon.h"

typedef struct fixture {
    rd_store *st;
    rd_desk d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    rd_err *e = store_open(":memory:", &f->st);
    if (e) {
        rd_err_free(e);
        free(f);
        return -1;
    }
    f->d.st = f->st;
    f->d.actor = "tester";
    setenv("TZ", "UTC", 1);
    setenv("REDRESS_NOW", "2026-11-25T12:00:00Z", 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    store_close(f->st);
    free(f);
    unsetenv("REDRESS_NOW");
    return 0;
}

/* A small desk: two clients, a case each, some log entries. */
static void small_desk(fixture *f)
{
    desk_client_input a = {.name = "Ann", .email = "ann@example.org", .phone = "+44 1"};
    desk_client_input b = {.name = "Bob"};
    int64_t id;
    assert_null(desk_client_add(&f->d, &a, &id));
    assert_null(desk_client_add(&f->d, &b, &id));
    desk_case_input c1 = {"1", NULL, "email", "2026-11-20T09:00Z", "the boards are wrong"};
    assert_null(desk_case_open(&f->d, &c1, &id));
    for (int i = 0; i < 3; i++) {
        desk_log_input l = {"1", "1", "in", "email", "2026-11-21T09:00Z", "Re", "still wrong"};
        assert_null(desk_log_add(&f->d, &l, &id));
    }
    desk_log_input l2 = {"2", NULL, "out", "email", "2026-11-21T10:00Z", "Hello", "hi Bob"};
    assert_null(desk_log_add(&f->d, &l2, &id));
}

/* Runs SQL as someone holding the file would (the guards dropped first by the caller). */
static void outside(fixture *f, const char *sql)
{
    char *err = NULL;
    sqlite3_exec(f->st->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
    if (sqlite3_exec(f->st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, err);
        sqlite3_free(err);
        fail();
    }
}

static void drop_guards(fixture *f)
{
    outside(f, "DROP TRIGGER log_no_update; DROP TRIGGER log_no_delete;"
               " DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");
}

/* verify fails, and its message has want. */
static void tampered(fixture *f, const char *want)
{
    desk_verify_report r;
    rd_err *e = desk_verify(&f->d, &r);
    assert_non_null(e);
    if (e->code != RD_TAMPERED || !strstr(e->msg, want)) fprintf(stderr, "got: %s\n", e->msg);
    assert_int_equal(e->code, RD_TAMPERED);
    assert_non_null(strstr(e->msg, want));
    rd_err_free(e);
}

static void verifies(fixture *f, desk_verify_report *r)
{
    rd_err *e = desk_verify(&f->d, r);
    if (e) fprintf(stderr, "verify: %s\n", e->msg);
    assert_null(e);
}

/* ---------------------------------------------------------------- the encoding */

static void encode(rd_canon *c, int kind)
{
    canon_clear(c);
    switch (kind) {
    case 0:
        canon_null(c);
        break;
    case 1:
        canon_text(c, "", 0);
        break;
    case 2:
        canon_int(c, 1);
        break;
    case 3:
        canon_real(c, 1.0);
        break;
    case 4:
        canon_text(c, "1", 1);
        break;
    case 5:
        canon_blob(c, "1", 1);
        break;
    case 6:
        canon_text(c, "a\0b", 3);
        break;
    case 7:
        canon_text(c, "a", 1);
        break;
    case 8:
        canon_real(c, 0.0);
        break;
    case 9:
        canon_real(c, -0.0);
        break;
    case 10:
        canon_int(c, 0);
        break;
    case 11:
        canon_blob(c, "", 0);
        break;
    default:
        canon_int(c, INT64_MIN);
        break;
    }
}

static void test_every_value_encodes_differently(void **state)
{
    (void)state;
    enum { KINDS = 13 };
    rd_canon a = {0}, b = {0};
    for (int i = 0; i < KINDS; i++)
        for (int j = 0; j < KINDS; j++) {
            encode(&a, i);
            encode(&b, j);
            bool same = a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
            assert_int_equal(same, i == j);
        }
    canon_free(&a);
    canon_free(&b);
}

static void test_decode_gives_back_each_value(void **state)
{
    (void)state;
    rd_canon c = {0}, again = {0};
    for (int k = 0; k < 13; k++) {
        rd_canon one = {0};
        encode(&one, k);
        size_t at = c.len;
        c.p = realloc(c.p, c.len + one.len);
        c.cap = c.len + one.len;
        memcpy(c.p + at, one.p, one.len);
        c.len += one.len;
        canon_free(&one);
    }
    size_t pos = 0;
    rd_canon_item it;
    int n = 0;
    while (pos < c.len) {
        assert_int_equal(canon_decode(c.p, c.len, &pos, &it), 0);
        canon_item(&again, &it);
        n++;
    }
    assert_int_equal(n, 13);
    assert_int_equal(again.len, c.len);
    assert_memory_equal(again.p, c.p, c.len);
    /* cut short anywhere inside a value: refused, position unchanged */
    for (size_t cut = 1; cut < 9; cut++) {
        pos = 0;
        encode(&again, 2);
        assert_int_equal(canon_decode(again.p, cut, &pos, &it), -1);
        assert_int_equal(pos, 0);
    }
    canon_free(&c);
    canon_free(&again);
}

/* ---------------------------------------------------------------- edits to the log chain */

/* Each edit the old encoding could not see, and ordinary ones, on a fresh desk each. */
static const struct {
    const char *sql;
    const char *want;
} log_edits[] = {
    {"UPDATE log_entries SET body = CAST(body AS BLOB) || X'00' ||"
     " CAST(' and I withdraw my complaint' AS BLOB) WHERE id = 2",
     "log entry 2 does not match"},
    {"UPDATE log_entries SET body = CAST(body AS BLOB) WHERE id = 2", "log entry 2 does not match"},
    {"UPDATE log_entries SET case_id = 1.5 WHERE id = 4", "log entry 4 does not match"},
    {"UPDATE log_entries SET case_id = NULL WHERE id = 2", "log entry 2 does not match"},
    {"UPDATE log_entries SET client_id = CAST('1' AS BLOB) WHERE id = 2",
     "log entry 2 does not match"},
    {"UPDATE log_entries SET subject = '' WHERE id = 4", "log entry 4 does not match"},
    {"UPDATE log_entries SET at = '2026-11-21T09:00:01Z' WHERE id = 3",
     "log entry 3 does not match"},
    {"UPDATE log_entries SET recorded_at = 'x' WHERE id = 1", "log entry 1 does not match"},
    {"UPDATE log_entries SET salt = randomblob(16) WHERE id = 1", "log entry 1 does not match"},
    {"UPDATE log_entries SET direction = 'out' WHERE id = 3", "log entry 3 does not match"},
    {"UPDATE log_entries SET id = 100 WHERE id = 2; UPDATE log_entries SET id = 2 WHERE id = 3;"
     " UPDATE log_entries SET id = 3 WHERE id = 100",
     "log entry 2"},
    {"DELETE FROM log_entries WHERE id = 2", "log entry 3 does not follow"},
    {"UPDATE audit_entries SET actor = 'someone else' WHERE id = 2",
     "audit entry 2 does not match"},
    {"UPDATE audit_entries SET detail = detail || X'00' WHERE id = 2",
     "audit entry 2 does not match"},
    {"UPDATE audit_entries SET row_id = 1.5 WHERE id = 2", "audit entry 2 does not match"},
    {"UPDATE audit_entries SET state = randomblob(32) WHERE id = 3",
     "audit entry 3 does not match"},
    {"UPDATE audit_entries SET log_count = 0 WHERE id = 5", "audit entry 5 does not match"},
};

static void test_every_chain_edit_is_seen(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof log_edits / sizeof log_edits[0]; i++) {
        void *s = NULL;
        assert_int_equal(setup(&s), 0);
        fixture *f = s;
        small_desk(f);
        drop_guards(f);
        outside(f, log_edits[i].sql);
        tampered(f, log_edits[i].want);
        teardown(&s);
    }
}

/* The attacks on the end of the chains that chain_heads alone cannot see. */
static void test_removing_the_newest_entries_is_seen(void **state)
{
    fixture *f = *state;
    small_desk(f);
    drop_guards(f);
    /* the last two log rows, chain_heads fixed: the audit entries that saw them disagree */
    outside(f, "DELETE FROM log_entries WHERE id > 2;"
               " UPDATE chain_heads SET count = 2, hash = (SELECT hash FROM log_entries"
               " WHERE id = 2) WHERE chain = 'log'");
    tampered(f, "log entries were removed or rewritten");
}

static void test_removing_every_row_is_seen(void **state)
{
    fixture *f = *state;
    small_desk(f);
    drop_guards(f);
    outside(f, "DELETE FROM log_entries; DELETE FROM audit_entries;"
               " UPDATE chain_heads SET count = 0, hash = ''");
    tampered(f, "the audit trail is empty");
}

static void test_rewriting_a_table_and_its_sum_is_seen(void **state)
{
    fixture *f = *state;
    small_desk(f);
    /* the triggers stay: the edit goes through redress_seal, so seal_sums agrees with the rows,
     * but the newest audit entry recorded the state before */
    outside(f, "UPDATE clients SET email = 'evil@example.org' WHERE id = 1");
    tampered(f, "differ from what the newest audit entry");
    /* and a later write through redress does not launder it */
    desk_client_input c = {.name = "Cy"};
    int64_t id;
    assert_null(desk_client_add(&f->d, &c, &id));
    tampered(f, "changed outside redress before this write");
}

static void test_a_dropped_guard_is_seen(void **state)
{
    fixture *f = *state;
    small_desk(f);
    outside(f, "DROP TRIGGER log_no_delete");
    tampered(f, "log_no_delete was dropped");
}

static void test_schema_changes_outside_redress_are_seen(void **state)
{
    fixture *f = *state;
    small_desk(f);
    outside(f, "ALTER TABLE clients ADD COLUMN secret TEXT");
    tampered(f, "clients: its columns changed outside redress");
    teardown(state);
    assert_int_equal(setup(state), 0);
    f = *state;
    small_desk(f);
    outside(f, "CREATE TABLE side_notes (x TEXT)");
    tampered(f, "side_notes: the table has no seal");
    teardown(state);
    assert_int_equal(setup(state), 0);
    f = *state;
    small_desk(f);
    outside(f, "DROP TABLE revisions");
    tampered(f, "a sealed table was dropped");
}

static void test_unsigned_entries_after_signed_ones_are_flagged(void **state)
{
    fixture *f = *state;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    store_set_signer(f->st, sk);
    small_desk(f);
    /* the key is gone: the next writes are unsigned, and verify says so */
    store_set_signer(f->st, NULL);
    desk_client_input c = {.name = "Cy"};
    int64_t id;
    assert_null(desk_client_add(&f->d, &c, &id));
    assert_null(desk_client_add(&f->d, &c, &id));
    rd_verify_report r;
    rd_verify_opts o = {.pk = pk}; /* the key is still known to be this user's */
    assert_null(store_verify(f->st, &o, &r));
    assert_int_equal(r.unsigned_after, 2);
    assert_int_equal(r.newest_signed, r.audit_entries - 2);
    assert_int_equal(r.signed_by, SIGNED_THIS_KEY);
}

/* ---------------------------------------------------------------- every table */

/* Changes the storage class of a text value of the table's first row (the same bytes as a
 * blob), trying each text column until the table's constraints allow one; returns the SQL run. */
static void update_attack(fixture *f, const char *tbl, char *sql, size_t n)
{
    char q[200];
    snprintf(q, sizeof q, "SELECT * FROM %s WHERE rowid = (SELECT min(rowid) FROM %s)", tbl, tbl);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(f->st->db, q, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    snprintf(sql, n, "DROP TRIGGER seal_%s_update", tbl);
    assert_int_equal(sqlite3_exec(f->st->db, sql, NULL, NULL, NULL), SQLITE_OK);
    bool done = false;
    for (int i = 0; !done && i < sqlite3_column_count(s); i++) {
        if (sqlite3_column_type(s, i) != SQLITE_TEXT) continue;
        const char *col = sqlite3_column_name(s, i);
        snprintf(sql, n,
                 "UPDATE %s SET %s = CAST(%s AS BLOB) WHERE rowid = (SELECT min(rowid) FROM %s)",
                 tbl, col, col, tbl);
        done = sqlite3_exec(f->st->db, sql, NULL, NULL, NULL) == SQLITE_OK &&
               sqlite3_changes(f->st->db) == 1;
    }
    sqlite3_finalize(s);
    if (!done) fprintf(stderr, "%s: no text column takes a blob\n", tbl);
    assert_true(done);
}

/* Deletes one row, then edits one, of every sealed table that has rows, on fresh desks; each
 * must fail verify naming the table. */
static void test_every_table_is_sealed(void **state)
{
    (void)state;
    void *s = NULL;
    assert_int_equal(setup(&s), 0);
    fixture *f = s;
    assert_null(desk_demo_load(&f->d));
    json_t *tables = NULL;
    assert_null(db_rows(f->st, &tables, "SELECT tbl FROM seal_sums WHERE rows > 0", NULL));
    teardown(&s);
    assert_true(json_array_size(tables) >= 6);
    size_t i;
    json_t *t;
    json_array_foreach(tables, i, t)
    {
        const char *tbl = json_string_value(json_object_get(t, "tbl"));
        for (int attack = 0; attack < 2; attack++) {
            assert_int_equal(setup(&s), 0);
            f = s;
            assert_null(desk_demo_load(&f->d));
            desk_verify_report r;
            verifies(f, &r);
            char sql[600];
            if (attack == 0)
                snprintf(sql, sizeof sql,
                         "PRAGMA foreign_keys = OFF; DROP TRIGGER seal_%s_delete;"
                         " DELETE FROM %s WHERE rowid = (SELECT max(rowid) FROM %s)",
                         tbl, tbl, tbl);
            else
                update_attack(f, tbl, sql, sizeof sql);
            if (attack == 0) {
                char *err = NULL;
                int rc = sqlite3_exec(f->st->db, sql, NULL, NULL, &err);
                sqlite3_free(err);
                assert_int_equal(rc, SQLITE_OK);
                assert_int_equal(sqlite3_changes(f->st->db), 1);
            }
            tampered(f, tbl);
            teardown(&s);
        }
    }
    json_decref(tables);
}

/* ---------------------------------------------------------------- signatures and the line */

static void test_signed_heads(void **state)
{
    fixture *f = *state;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    store_set_signer(f->st, sk);
    small_desk(f);
    desk_verify_report r;
    verifies(f, &r);
    assert_int_equal(r.signed_by, DESK_SIGNED_THIS_KEY);
    assert_int_equal(r.newest_signed, r.audit_entries);
    assert_int_equal(r.unsigned_after, 0);
    desk_verify_opts all = {.all_signatures = true};
    assert_null(desk_verify_with(&f->d, &all, &r));
    assert_int_equal(r.signatures_checked, r.audit_entries - 1); /* not the migration's */
    /* without the key here: the signature still checks, but not whose it was */
    store_set_signer(f->st, NULL);
    verifies(f, &r);
    assert_int_equal(r.signed_by, DESK_SIGNED_OTHER_KEY);
    store_set_signer(f->st, sk);
    /* a rewritten signature, or one stripped, is seen */
    drop_guards(f);
    outside(f, "UPDATE audit_entries SET sig = randomblob(64) WHERE id = (SELECT max(id) FROM"
               " audit_entries)");
    tampered(f, "signature does not match");
    outside(f, "UPDATE audit_entries SET signer = NULL WHERE id = (SELECT max(id) FROM"
               " audit_entries)");
    tampered(f, "does not match its hash");
}

static void test_kept_line(void **state)
{
    fixture *f = *state;
    small_desk(f);
    desk_verify_report r;
    verifies(f, &r);
    char line[sizeof r.line];
    snprintf(line, sizeof line, "%s", r.line);
    /* more writes: the desk still extends the line */
    desk_client_input c = {.name = "Cy"};
    int64_t id;
    assert_null(desk_client_add(&f->d, &c, &id));
    desk_verify_opts o = {.against = line};
    assert_null(desk_verify_with(&f->d, &o, &r));
    assert_true(r.against_checked);
    /* a line that is not one */
    o.against = "rd1:L1:zz";
    rd_err *e = desk_verify_with(&f->d, &o, &r);
    assert_int_equal(e->code, RD_INVALID);
    rd_err_free(e);
    /* rewriting everything from the first entry on, hashes recomputed by someone holding
     * redress and the file: the line no longer matches */
    drop_guards(f);
    outside(f, "DELETE FROM log_entries WHERE id = 4; UPDATE chain_heads SET count = 3,"
               " hash = (SELECT hash FROM log_entries WHERE id = 3) WHERE chain = 'log';"
               " DELETE FROM audit_entries WHERE id >= (SELECT min(id) FROM audit_entries"
               " WHERE log_count = 4);"
               " UPDATE chain_heads SET count = (SELECT count(*) FROM audit_entries),"
               " hash = (SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1)"
               " WHERE chain = 'audit'");
    o.against = line;
    e = desk_verify_with(&f->d, &o, &r);
    assert_non_null(e);
    assert_int_equal(e->code, RD_TAMPERED);
    rd_err_free(e);
}

/* ---------------------------------------------------------------- erasure */

static void test_erasure_keeps_the_seal(void **state)
{
    fixture *f = *state;
    small_desk(f);
    json_t *out = NULL;
    assert_null(desk_client_erase(&f->d, 1, "asked by email", &out));
    json_decref(out);
    desk_verify_report r;
    verifies(f, &r);
    assert_int_equal(r.erased_log, 4); /* the case's words, then three messages */
    assert_true(r.erased_audit >= 2);
    /* the words are gone from every table */
    int64_t n = -1;
    assert_null(db_int(f->st, &n,
                       "SELECT (SELECT count(*) FROM log_entries WHERE body LIKE '%still wrong%')"
                       " + (SELECT count(*) FROM audit_entries WHERE detail LIKE '%ann@%')"
                       " + (SELECT count(*) FROM clients WHERE name = 'Ann' OR email IS NOT NULL)"
                       " + (SELECT count(*) FROM cases WHERE words IS NOT NULL)",
                       NULL));
    assert_int_equal(n, 0);
    /* Bob's entry is untouched */
    assert_null(db_int(f->st, &n, "SELECT count(*) FROM log_entries WHERE body = 'hi Bob'", NULL));
    assert_int_equal(n, 1);
    /* twice is refused, no reason is refused */
    rd_err *e = desk_client_erase(&f->d, 1, "again", &out);
    assert_int_equal(e->code, RD_CONFLICT);
    rd_err_free(e);
    e = desk_client_erase(&f->d, 2, "", &out);
    assert_int_equal(e->code, RD_INVALID);
    rd_err_free(e);
}

static void test_erasure_by_hand_is_tampering(void **state)
{
    fixture *f = *state;
    small_desk(f);
    /* the guard lets an erasure-shaped update through, but Bob was never erased */
    outside(f, "UPDATE log_entries SET subject = NULL, body = NULL, salt = NULL,"
               " erased = randomblob(32) WHERE id = 5");
    tampered(f, "log entry 5");
    /* and a guard refuses any other change */
    char *err = NULL;
    assert_int_not_equal(
        sqlite3_exec(f->st->db, "UPDATE log_entries SET body = 'x' WHERE id = 1", NULL, NULL, &err),
        SQLITE_OK);
    sqlite3_free(err);
}

/* ---------------------------------------------------------------- verify beside a writer */

static void test_verify_beside_writers_never_cries_wolf(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/redress-seal-race-%06d.db", (int)getpid() % 1000000);
    char side[sizeof path + 8];
    unlink(path);
    rd_store *st = NULL;
    assert_null(store_open(path, &st));
    rd_desk d = {st, "tester"};
    desk_client_input a = {.name = "Ann"};
    int64_t id;
    assert_null(desk_client_add(&d, &a, &id));
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        assert_true(kids[k] >= 0);
        if (kids[k] == 0) {
            rd_store *w = NULL;
            if (store_open(path, &w)) _exit(2);
            rd_desk wd = {w, "writer"};
            /* a busy desk, not a flood, and a bounded one: verify's walk stays short even
             * under the sanitizers */
            for (int i = 0; i < 800; i++) {
                usleep(2000);
                int64_t x;
                rd_err *e;
                if (k == 0) {
                    desk_log_input l = {"1", NULL, "out", "phone", "2026-11-21T09:00Z", "c", NULL};
                    e = desk_log_add(&wd, &l, &x);
                } else {
                    desk_client_input c = {.name = "B"};
                    e = desk_client_add(&wd, &c, &x);
                }
                if (e) _exit(3);
            }
            _exit(0);
        }
    }
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int runs = 0, failures = 0, moved = 0;
    int64_t first = -1, last = 0;
    do {
        desk_verify_report r;
        rd_err *e = desk_verify(&d, &r);
        if (e) {
            fprintf(stderr, "false alarm: %s\n", e->msg);
            failures++;
            rd_err_free(e);
        } else {
            if (first < 0) first = r.audit_entries;
            moved += r.audit_entries != last; /* a write landed since the run before */
            last = r.audit_entries;
        }
        runs++;
        clock_gettime(CLOCK_MONOTONIC, &t);
    } while (runs < 500 && t.tv_sec - t0.tv_sec < 120);
    for (int k = 0; k < 2; k++) {
        kill(kids[k], SIGKILL);
        waitpid(kids[k], NULL, 0);
    }
    store_close(st);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    fprintf(stderr,
            "verify beside two writers: %d runs (%d saw new writes), %d false alarms, audit %lld"
            " -> %lld\n",
            runs, moved, failures, (long long)first, (long long)last);
    assert_int_equal(failures, 0);
    assert_true(runs >= 500);
    assert_true(last > first); /* the writers really were writing */
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_value_encodes_differently),
        cmocka_unit_test(test_decode_gives_back_each_value),
        cmocka_unit_test(test_every_chain_edit_is_seen),
        T(test_removing_the_newest_entries_is_seen),
        T(test_removing_every_row_is_seen),
        T(test_rewriting_a_table_and_its_sum_is_seen),
        T(test_a_dropped_guard_is_seen),
        T(test_schema_changes_outside_redress_are_seen),
        T(test_unsigned_entries_after_signed_ones_are_flagged),
        cmocka_unit_test(test_every_table_is_sealed),
        T(test_signed_heads),
        T(test_kept_line),
        T(test_erasure_keeps_the_seal),
        T(test_erasure_by_hand_is_tampering),
        cmocka_unit_test(test_verify_beside_writers_never_cries_wolf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
