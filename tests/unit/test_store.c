/* test_store.c — the store on its own: migrations, transactions that roll back completely, the
 * hash chains, settings. Each test gets a fresh in-memory database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/store_int.h"

static int setup(void **state)
{
    rd_store *st = NULL;
    rd_err *e = store_open(":memory:", &st);
    if (e) {
        fprintf(stderr, "%s\n", e->msg);
        rd_err_free(e);
        return -1;
    }
    *state = st;
    return 0;
}

static int teardown(void **state)
{
    store_close(*state);
    return 0;
}

static size_t count_clients(rd_store *st)
{
    json_t *rows = NULL;
    rd_err *e = store_client_list(st, NULL, &rows);
    assert_null(e);
    size_t n = json_array_size(rows);
    json_decref(rows);
    return n;
}

static void test_migrations_reach_latest(void **state)
{
    rd_store *st = *state;
    assert_true(store_schema_version(st) >= 2);
}

static void test_rollback_leaves_nothing(void **state)
{
    rd_store *st = *state;
    rd_client_fields f = {.name = "A"};
    int64_t id;
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &f, "2026-01-01T00:00:00Z", &id));
    assert_null(
        store_audit_append(st, "2026-01-01T00:00:00Z", "t", "client.add", "clients", id, NULL));
    rd_err *e = store_end(st, rd_error(RD_INVALID, "later step failed"));
    assert_non_null(e);
    rd_err_free(e);
    assert_int_equal(count_clients(st), 0);
    rd_verify_report r;
    assert_null(store_verify(st, NULL, &r));
    assert_int_equal(r.audit_entries, 1); /* the migration's own entry */
}

static void test_nested_transactions(void **state)
{
    rd_store *st = *state;
    rd_client_fields a = {.name = "A"}, b = {.name = "B"};
    int64_t id;
    /* an inner failure rolls back only the inner work */
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &a, "2026-01-01T00:00:00Z", &id));
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &b, "2026-01-01T00:00:00Z", &id));
    rd_err *e = store_end(st, rd_error(RD_INVALID, "inner step failed"));
    assert_non_null(e);
    rd_err_free(e);
    assert_null(store_end(st, NULL));
    assert_int_equal(count_clients(st), 1);
    /* an inner success is undone when the outer transaction fails */
    assert_null(store_begin(st));
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &b, "2026-01-01T00:00:00Z", &id));
    assert_null(store_end(st, NULL));
    e = store_end(st, rd_error(RD_INVALID, "outer step failed"));
    rd_err_free(e);
    assert_int_equal(count_clients(st), 1);
    /* an end without a begin is an error */
    e = store_end(st, NULL);
    assert_non_null(e);
    rd_err_free(e);
}

static void test_foreign_keys_enforced(void **state)
{
    rd_store *st = *state;
    rd_case_fields f = {.client_id = 99, .channel = "email", .received_at = "2026-01-01T00:00:00Z"};
    int64_t id;
    assert_null(store_begin(st));
    rd_err *e = store_case_insert(st, &f, "2026-01-01T00:00:00Z", &id);
    assert_non_null(e);
    rd_err_free(e);
    assert_null(store_end(st, NULL));
}

static void test_chain_links_and_verifies(void **state)
{
    rd_store *st = *state;
    rd_client_fields c = {.name = "A"};
    int64_t cid, lid;
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &c, "2026-01-01T00:00:00Z", &cid));
    for (int i = 0; i < 5; i++) {
        rd_log_fields f = {cid, 0, "in", "email", "2026-01-01T00:00:00Z", "s", "body"};
        assert_null(store_log_append(st, &f, "2026-01-01T00:00:00Z", &lid));
        assert_int_equal(lid, i + 1);
    }
    assert_null(
        store_audit_append(st, "2026-01-01T00:00:00Z", "t", "log.add", "log_entries", lid, NULL));
    assert_null(store_end(st, NULL));
    json_t *rows;
    assert_null(store_log_list(st, cid, 0, NULL, &rows));
    assert_int_equal(json_array_size(rows), 5);
    /* each row's prev_hash is the hash of the row before it */
    for (size_t i = 1; i < 5; i++) {
        const char *prev = json_string_value(json_object_get(json_array_get(rows, i), "prev_hash"));
        const char *hash = json_string_value(json_object_get(json_array_get(rows, i - 1), "hash"));
        assert_string_equal(prev, hash);
        assert_int_equal(strlen(hash), 64);
    }
    rd_verify_report r;
    assert_null(store_verify(st, NULL, &r));
    assert_int_equal(r.log_entries, 5);
    assert_string_equal(r.log_head,
                        json_string_value(json_object_get(json_array_get(rows, 4), "hash")));
    json_decref(rows);
}

static void test_same_content_different_position_differs(void **state)
{
    rd_store *st = *state;
    rd_client_fields c = {.name = "A"};
    int64_t cid, a, b;
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &c, "2026-01-01T00:00:00Z", &cid));
    rd_log_fields f = {cid, 0, "in", "email", "2026-01-01T00:00:00Z", "same", "same"};
    assert_null(store_log_append(st, &f, "2026-01-01T00:00:00Z", &a));
    assert_null(store_log_append(st, &f, "2026-01-01T00:00:00Z", &b));
    assert_null(store_end(st, NULL));
    json_t *rows;
    assert_null(store_log_list(st, cid, 0, NULL, &rows));
    assert_string_not_equal(json_string_value(json_object_get(json_array_get(rows, 0), "hash")),
                            json_string_value(json_object_get(json_array_get(rows, 1), "hash")));
    json_decref(rows);
}

static void test_settings_roundtrip(void **state)
{
    rd_store *st = *state;
    char *v = NULL;
    assert_null(store_setting_get(st, "hourly_cost", &v));
    assert_null(v);
    assert_null(store_setting_set(st, "hourly_cost", "45"));
    assert_null(store_setting_set(st, "hourly_cost", "55"));
    assert_null(store_setting_get(st, "hourly_cost", &v));
    assert_string_equal(v, "55");
    free(v);
}

static void test_file_database_persists(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/redress-store-%ld.db", (long)getpid());
    unlink(path);
    rd_store *st;
    assert_null(store_open(path, &st));
    rd_client_fields c = {.name = "Persisted"};
    int64_t id;
    assert_null(store_begin(st));
    assert_null(store_client_insert(st, &c, "2026-01-01T00:00:00Z", &id));
    assert_null(store_end(st, NULL));
    store_close(st);
    assert_null(store_open(path, &st)); /* reopening must not migrate again */
    json_t *row;
    assert_null(store_client_get(st, id, &row));
    assert_string_equal(json_string_value(json_object_get(row, "name")), "Persisted");
    json_decref(row);
    store_close(st);
    char side[96];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* A query run from inside db_each's callback with the very same SQL must get its own statement:
 * the cached one is still being stepped. */
typedef struct nested {
    rd_store *st;
    int rows, inner;
} nested;

static rd_err *inner_query(void *ctx, json_t *row)
{
    nested *n = ctx;
    json_t *again = NULL;
    rd_err *e = db_row(n->st, &again, "SELECT id, name FROM clients WHERE id >= ?1 ORDER BY id",
                       "i", (int64_t)json_integer_value(json_object_get(row, "id")));
    if (!e && again) n->inner++;
    json_decref(again);
    n->rows++;
    return e;
}

static void test_statement_cache_nested_use(void **state)
{
    rd_store *st = *state;
    rd_client_fields c = {.name = "A"};
    int64_t id;
    assert_null(store_begin(st));
    for (int i = 0; i < 3; i++)
        assert_null(store_client_insert(st, &c, "2026-01-01T00:00:00Z", &id));
    assert_null(store_end(st, NULL));
    for (int round = 0; round < 2; round++) { /* the second round reuses the cached statement */
        nested n = {st, 0, 0};
        assert_null(db_each(st, inner_query, &n,
                            "SELECT id, name FROM clients WHERE id >= ?1 ORDER BY id", "i",
                            (int64_t)1));
        assert_int_equal(n.rows, 3);
        assert_int_equal(n.inner, 3);
    }
}

static void test_not_found(void **state)
{
    rd_store *st = *state;
    json_t *row = NULL;
    rd_err *e = store_case_get(st, 12, &row);
    assert_non_null(e);
    assert_int_equal(e->code, RD_NOT_FOUND);
    assert_string_equal(e->msg, "case: no case 12");
    rd_err_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrations_reach_latest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nested_transactions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_keys_enforced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chain_links_and_verifies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_content_different_position_differs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_settings_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_database_persists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_statement_cache_nested_use, setup, teardown),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
