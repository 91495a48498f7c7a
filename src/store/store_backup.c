/* store_backup.c — an online copy of the open desk with SQLite's backup API, and the library
 * version the store runs with. The copy reads one snapshot: in WAL mode writers in other
 * processes go on while it is taken, and what it holds is a state the desk really had. */
#include "store/store_int.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Creates path with mode 0600, refusing one that exists, so a backup never overwrites a file
 * and is never readable by others, whatever the umask. */
static rd_err *create_private(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return rd_error(RD_IO, "backup %s: %s", path, strerror(errno));
    close(fd);
    return NULL;
}

rd_err *store_backup(rd_store *st, const char *path)
{
    assert(st && path);
    rd_err *e = create_private(path);
    if (e) return e;
    sqlite3 *dest = NULL;
    if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        e = rd_error(RD_IO, "backup %s: %s", path, dest ? sqlite3_errmsg(dest) : "cannot open");
        goto out;
    }
    sqlite3_busy_timeout(dest, 5000);
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", st->db, "main");
    if (!b) {
        e = rd_error(RD_DB, "backup %s: %s", path, sqlite3_errmsg(dest));
        goto out;
    }
    /* -1: every page in one step, under one read transaction of the source, so a writer in
     * another process cannot make the copy start over (it would with page-at-a-time steps). */
    int rc;
    while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep(20);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) e = rd_error(RD_DB, "backup %s: %s", path, sqlite3_errstr(rc));
out:
    sqlite3_close_v2(dest);
    if (e) unlink(path);
    return e;
}

const char *store_lib_version(void)
{
    return sqlite3_libversion();
}
