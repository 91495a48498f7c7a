/* store_int.h — what the store's own files share: the connection struct and small helpers that
 * prepare, bind and step statements. Values are always bound, never formatted into SQL. */
#ifndef REDRESS_STORE_INT_H
#define REDRESS_STORE_INT_H

#include <sqlite3.h>

#include "store/store.h"

/* Prepared statements kept between calls, keyed by their SQL text. */
#define DB_STMT_CACHE 128
/* Migration numbers are below this (three digits in the file name). */
#define DB_MAX_MIGRATION 1000

typedef struct db_cached {
    char *sql;          /* owned copy of the SQL; NULL for an empty slot */
    sqlite3_stmt *stmt; /* prepared once, reset after each use */
    int busy;           /* 1 while a caller is stepping it */
} db_cached;

struct rd_store {
    sqlite3 *db;                    /* the connection */
    int in_tx;                      /* depth of store_begin()/store_end() nesting */
    db_cached cache[DB_STMT_CACHE]; /* statements by hash of their SQL */
};

/* Bind types, one letter per ?N in order:
 *   i  int64_t            I  const int64_t * (NULL binds NULL)
 *   t  const char *       (NULL binds NULL)
 *   z  int64_t where 0 binds NULL (optional foreign keys) */
rd_err *db_exec(rd_store *st, const char *sql, const char *types, ...);
/* Runs an INSERT and sets *id to the new row's id (left alone on error). */
rd_err *db_insert(rd_store *st, int64_t *id, const char *sql, const char *types, ...);
/* Runs a query and returns all rows as a JSON array of objects; *out is the caller's. */
rd_err *db_rows(rd_store *st, json_t **out, const char *sql, const char *types, ...);
/* Returns the first row as an object, or *out = NULL when there is none. */
rd_err *db_row(rd_store *st, json_t **out, const char *sql, const char *types, ...);
/* Runs a query and calls fn with each row in turn, one at a time, so that a long table is never
 * held in memory whole. The row is borrowed for the call. Stops at the first error fn returns. */
typedef rd_err *(*db_row_fn)(void *ctx, json_t *row);
rd_err *db_each(rd_store *st, db_row_fn fn, void *ctx, const char *sql, const char *types, ...);
/* Returns the first column of the first row as an integer (0 when no row). */
rd_err *db_int(rd_store *st, int64_t *out, const char *sql, const char *types, ...);
/* Wraps the connection's current error message. */
rd_err *db_error(rd_store *st, const char *what);

#endif
