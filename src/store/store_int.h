/* store_int.h — what the store's own files share: the connection struct and small helpers that
 * prepare, bind and step statements. Values are always bound, never formatted into SQL. */
#ifndef REDRESS_STORE_INT_H
#define REDRESS_STORE_INT_H

#include <sqlite3.h>

#include "store/store.h"
#include "util/canon.h"

#define SEAL_BYTES     32 /* a row hash, a table's sum, a state digest */
#define STORE_NEST_MAX 8  /* store_begin() nesting the seal keeps track of */

/* Prepared statements kept between calls, keyed by their SQL text: a statement lives in one of
 * DB_STMT_PROBE slots from its hash's, so the few hundred statements of the store stay prepared
 * instead of evicting each other (a re-prepare costs more than most queries it runs). */
#define DB_STMT_CACHE 512
#define DB_STMT_PROBE 8
/* Migration numbers are below this (three digits in the file name). */
#define DB_MAX_MIGRATION 1000

typedef struct db_cached {
    char *sql;          /* owned copy of the SQL; NULL for an empty slot */
    sqlite3_stmt *stmt; /* prepared once, reset after each use */
    int busy;           /* 1 while a caller is stepping it */
} db_cached;

struct rd_store {
    sqlite3 *db;    /* the connection */
    int in_tx;      /* depth of store_begin()/store_end() nesting */
    int batch;      /* 1 inside store_batch_begin()/store_batch_end() */
    bool read_only; /* opened read-only: the file or its folder is not writable */
    int sealed;     /* 1 once the schema has the seal (migration 007) */
    int has_before; /* 1 when state_before holds the state the write began on */
    unsigned char state_before[SEAL_BYTES]; /* digest of the sealed tables at store_begin */
    /* state_before as each nested store_begin() found it, restored when that level fails */
    int nest_has[STORE_NEST_MAX];
    unsigned char nest_before[STORE_NEST_MAX][SEAL_BYTES];
    int has_key;          /* 1 when audit heads are signed */
    unsigned char sk[64]; /* Ed25519 secret key (libsodium layout), when has_key */
    /* The state digest as seal_state last computed it, while it is known to be current: no
     * seal trigger has run since (redress_seal clears it) and the write lock has been held
     * throughout (cleared at every transaction's start and end and on any rollback). */
    bool state_known;
    unsigned char state_last[SEAL_BYTES];
    /* store_search_defer: the search triggers' CREATE statements and the last ids indexed
     * ({"triggers": [sql…], "log": id, "concern": id, "attachment": id}); NULL when not deferred */
    json_t *search_deferred;
    db_cached cache[DB_STMT_CACHE]; /* statements by hash of their SQL */
    bool record;                    /* store_record_statements() is on */
    char **seen;                    /* owned: each distinct SQL text run while recording */
    size_t nseen;
};

/* What file_recognise() found at a desk's path. */
typedef enum {
    FILE_DESK,   /* a redress desk (its application_id) */
    FILE_NEW,    /* just created, or an empty file init may fill */
    FILE_LEGACY, /* application_id 0 and a user_version: a desk made before application_id, if
                    file_check_legacy() finds redress's tables */
} store_file_kind;

typedef struct store_file {
    store_file_kind kind;
    bool read_only; /* the file or its folder cannot be written */
} store_file;

/* Looks at path before SQLite opens it: creates a missing file 0600 when flags has
 * STORE_CREATE, and refuses (RD_USAGE, nothing changed) anything that is not a desk. */
rd_err *file_recognise(const char *path, unsigned flags, store_file *f);
/* Opens st->db on path, read-only when f says so (immutable when even that needs a write). */
rd_err *file_connect(rd_store *st, const char *path, const store_file *f);
/* Refuses a FILE_LEGACY file that lacks redress's chained tables. */
rd_err *file_check_legacy(rd_store *st, const char *path);

/* Bind types, one letter per ?N in order:
 *   i  int64_t            I  const int64_t * (NULL binds NULL)
 *   t  const char *       (NULL binds NULL)
 *   z  int64_t where 0 binds NULL (optional foreign keys)
 *   b  const void * then size_t: a blob, borrowed until the statement has run
 *   B  const void * then size_t: a blob like b, but NULL binds NULL */
rd_err *db_exec(rd_store *st, const char *sql, const char *types, ...);
/* Runs an INSERT and sets *id to the new row's id (left alone on error). */
rd_err *db_insert(rd_store *st, int64_t *id, const char *sql, const char *types, ...);
/* Runs a query and returns all rows as a JSON array of objects; *out is the caller's (NULL on
 * error). */
rd_err *db_rows(rd_store *st, json_t **out, const char *sql, const char *types, ...);
/* Returns the first row as an object, or *out = NULL when there is none. */
rd_err *db_row(rd_store *st, json_t **out, const char *sql, const char *types, ...);
/* Runs a query and calls fn with each row in turn, one at a time, so that a long table is never
 * held in memory whole. The row is borrowed for the call. Stops at the first error fn returns. */
typedef rd_err *(*db_row_fn)(void *ctx, json_t *row);
rd_err *db_each(rd_store *st, db_row_fn fn, void *ctx, const char *sql, const char *types, ...);
/* Runs a list query one page at a time (see rd_page in store.h). sql binds types as ?1 … ?n and
 * ends in "LIMIT ?n+1", which db_page binds itself; its keyset condition reads page->after, which
 * the caller binds among types (0 for the first page), and its rows carry an "id" column. A
 * cursor that names no row of table, or a limit out of range, is refused naming the field. page
 * NULL: every row. *out is the caller's; page->next is set. */
rd_err *db_page(rd_store *st, json_t **out, rd_page *page, const char *table, const char *sql,
                const char *types, ...);
/* Keyset conditions for db_page, with the cursor bound as ?1 (0 for the first page): the rows of
 * alias a that sort after the cursor row of table in ORDER BY a.col, a.id (ASC), or in ORDER BY
 * a.col DESC, a.id DESC (DESC). col must be NOT NULL; for the first page the cursor's key
 * becomes a bound below ('') or above ('~') every stored key. Written as one row-value
 * comparison so that SQLite seeks an index on (col) straight to the cursor. */
#define DB_KEYSET_ASC(a, col, table)                                                               \
    "(" a "." col ", " a ".id) > (coalesce((SELECT " col " FROM " table " WHERE id = ?1), ''), "   \
    "?1)"
#define DB_KEYSET_DESC(a, col, table)                                                              \
    "(" a "." col ", " a ".id) < (coalesce((SELECT " col " FROM " table " WHERE id = ?1), '~'),"   \
    " CASE ?1 WHEN 0 THEN 9223372036854775807 ELSE ?1 END)"

/* The overdue condition of the invoice lists (alias i), with the day bound as ?2: earliest due
 * first; with ?2 set, only invoices due before that day with a balance (the invoice_balances
 * view, 016: payments, write-offs and credit notes taken off). The due-date bound is a
 * range on invoices_due, so the overdue ones are read and nothing after. */
#define INVOICE_OVERDUE                                                                            \
    " AND i.due_on < coalesce(?2, '9999-12-31') AND (?2 IS NULL OR"                                \
    " (SELECT balance FROM invoice_balances WHERE invoice_id = i.id) > 0)"

/* store_mail.c: the end of store_search_defer, run by store_batch_end before it commits. */
rd_err *store_search_catch_up(rd_store *st);
/* The kept prepared statement for sql (see db.c), for code that reads columns itself; hand it
 * back with db_stmt_done, which resets it. */
rd_err *db_stmt(rd_store *st, const char *sql, sqlite3_stmt **stmt);
void db_stmt_done(rd_store *st, sqlite3_stmt *stmt);
/* Returns the first column of the first row as an integer (0 when no row). */
rd_err *db_int(rd_store *st, int64_t *out, const char *sql, const char *types, ...);
/* Wraps the connection's current error message: a UNIQUE or primary-key violation is
 * RD_CONFLICT, any other constraint RD_INVALID, a read-only database RD_IO. */
rd_err *db_error(rd_store *st, const char *what);

/* seal.c: the multiset hash over every table that is not a chain. */
/* Appends one SQL value in the canonical encoding (its storage class and exact bytes). */
void seal_value(rd_canon *c, sqlite3_value *v);
/* BLAKE2b-256 of the encoded bytes. */
void seal_hash(const rd_canon *c, unsigned char out[SEAL_BYTES]);
/* Registers redress_seal(), which the seal triggers call, on the connection. */
rd_err *seal_register(rd_store *st);
/* (Re)creates every sealed table's triggers for its current columns and recomputes its sum;
 * run inside the migration transaction. */
rd_err *seal_install(rd_store *st);
/* The state digest from seal_sums as the triggers left it: O(tables). */
rd_err *seal_state(rd_store *st, unsigned char out[SEAL_BYTES]);
/* Recomputes every table's sum from its rows, compares with seal_sums, checks that the triggers
 * and the chains' append-only guards exist, and gives the recomputed digest and table count. */
rd_err *seal_verify(rd_store *st, int64_t *tables, unsigned char out[SEAL_BYTES]);
/* chain.c: the pieces of the chain format that store_bundle.c recomputes outside a database. */
#define CHAIN_SALT_BYTES 16 /* the random key of a row's commitment */
/* The commitment to a row's personal values: BLAKE2b-256 keyed with the row's salt. */
void chain_commit(const unsigned char salt[CHAIN_SALT_BYTES], const rd_canon *values,
                  unsigned char out[SEAL_BYTES]);
/* Appends prev to the row's canonical content and writes the row's hash (hex) to out. */
void chain_finish(rd_canon *c, const char *prev, char out[65]);
/* The canonical content of a log row (format 2) up to, not including, the previous hash; com
 * is the commitment to its subject and body. */
void chain_log_content(rd_canon *c, int64_t id, const rd_log_fields *f,
                       const unsigned char com[SEAL_BYTES], const char *recorded_at);
/* What an audit entry commits to besides its own fields. */
typedef struct audit_extra {
    int64_t log_count;                 /* log length when written */
    char log_head[65];                 /* newest log hash, "" when empty */
    const unsigned char *state_before; /* NULL when unknown (the first seal) */
    unsigned char state[SEAL_BYTES];   /* sealed tables after the write */
    const unsigned char *signer;       /* public key, or NULL when unsigned */
} audit_extra;
/* The canonical content of an audit row (format 2) up to, not including, the previous hash. */
void chain_audit_content(rd_canon *c, int64_t id, const char *at, const char *actor,
                         const char *action, const char *tbl, int64_t row_id,
                         const unsigned char com[SEAL_BYTES], const audit_extra *x);
/* chain.c: appends the audit entry that records a migration (inside its transaction). */
rd_err *chain_audit_migration(rd_store *st, int from, int to);

#endif
