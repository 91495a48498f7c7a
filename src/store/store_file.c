/* store_file.c — recognising the file a desk is opened from, before SQLite touches it: a new
 * desk is created private (0600) so that its -wal and -shm files, which SQLite gives the
 * database's mode, are private too; a file that is not a redress desk (another program's
 * database, a zero-byte file, anything else) is refused from its header alone, so it is left
 * byte-for-byte as it was; a file the user cannot write is opened read-only. */
#include "store/store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* True when the folder holding path accepts new files (WAL needs to create -wal and -shm). */
static bool folder_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return access(".", W_OK) == 0;
    if (slash == path) return access("/", W_OK) == 0;
    char *dir = xstrndup(path, (size_t)(slash - path));
    bool ok = access(dir, W_OK) == 0;
    free(dir);
    return ok;
}

static rd_err *not_a_desk(const char *path, const char *why)
{
    return rd_error(RD_USAGE, "%s is not a redress desk (%s); it was left unchanged", path, why);
}

/* Creates path as a new, empty, private file. */
static rd_err *create_private(const char *path, store_file *f)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return rd_error(RD_IO, "database %s: %s", path, strerror(errno));
    close(fd);
    f->kind = FILE_NEW;
    return NULL;
}

rd_err *file_recognise(const char *path, unsigned flags, store_file *f)
{
    memset(f, 0, sizeof *f);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        if (!(flags & STORE_CREATE))
            return rd_error(RD_USAGE, "no database at %s: run `redress init` first", path);
        return create_private(path, f);
    }
    if (fd < 0) return rd_error(RD_IO, "database %s: %s", path, strerror(errno));
    unsigned char h[100];
    ssize_t n = read(fd, h, sizeof h);
    struct stat sb;
    int st_rc = fstat(fd, &sb);
    if (st_rc == 0 && sb.st_size == 0 && (flags & STORE_CREATE) && access(path, W_OK) == 0)
        fchmod(fd, 0600); /* about to hold clients' data: private, like a new one */
    close(fd);
    if (st_rc != 0 || n < 0) return rd_error(RD_IO, "database %s: %s", path, strerror(errno));
    if (!S_ISREG(sb.st_mode)) return not_a_desk(path, "not a regular file");
    f->read_only = access(path, W_OK) != 0 || !folder_writable(path);
    if (sb.st_size == 0) {
        if (!(flags & STORE_CREATE))
            return rd_error(RD_USAGE,
                            "%s is an empty file, not a redress desk: `redress init` "
                            "makes it one; it was left unchanged",
                            path);
        if (f->read_only) return rd_error(RD_IO, "database %s: cannot be written", path);
        f->kind = FILE_NEW;
        return NULL;
    }
    if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return not_a_desk(path, "not an SQLite database");
    uint32_t app = be32(h + 68), version = be32(h + 60);
    if (app == STORE_APPLICATION_ID) {
        f->kind = FILE_DESK;
        return NULL;
    }
    if (app == 0 && version > 0) { /* perhaps a desk made before application_id was set */
        f->kind = FILE_LEGACY;
        return NULL;
    }
    char why[128];
    snprintf(why, sizeof why,
             "an SQLite database of another program: application_id %u, "
             "user_version %u",
             (unsigned)app, (unsigned)version);
    return not_a_desk(path, why);
}

/* A desk made before application_id was set has redress's chained tables. */
rd_err *file_check_legacy(rd_store *st, const char *path)
{
    int64_t n = 0;
    rd_err *e = db_int(st, &n,
                       "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                       "('chain_heads', 'log_entries', 'audit_entries')",
                       NULL);
    if (e) return e;
    return n == 3 ? NULL
                  : not_a_desk(path, "an SQLite database of another program: application_id 0");
}

/* Percent-encodes path into a "file:" URI opening it immutable: read-only, with no locks and
 * no -shm file, for a desk in a folder the user cannot write. */
static char *immutable_uri(const char *path)
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err *e = buf_adds(&b, "file:");
    for (const unsigned char *p = (const unsigned char *)path; !e && *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("/._-~", *p))
            e = buf_add(&b, p, 1);
        else
            e = buf_addf(&b, "%%%02X", *p);
    }
    if (!e) e = buf_adds(&b, "?immutable=1");
    rd_err_free(e);
    return buf_detach(&b);
}

rd_err *file_connect(rd_store *st, const char *path, const store_file *f)
{
    int flags = SQLITE_OPEN_NOMUTEX |
                (f->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK)
        return rd_error(RD_IO, "database %s: %s", path,
                        st->db ? sqlite3_errmsg(st->db) : "cannot open");
    sqlite3_extended_result_codes(st->db, 1);
    if (!f->read_only) return NULL;
    /* A WAL desk read-only needs its -shm file; where it cannot be made, read it immutable. */
    if (sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK)
        return NULL;
    sqlite3_close_v2(st->db);
    st->db = NULL;
    char *uri = immutable_uri(path);
    int rc = sqlite3_open_v2(uri, &st->db, flags | SQLITE_OPEN_URI, NULL);
    free(uri);
    if (rc != SQLITE_OK)
        return rd_error(RD_IO, "database %s: %s", path,
                        st->db ? sqlite3_errmsg(st->db) : "cannot open");
    sqlite3_extended_result_codes(st->db, 1);
    return NULL;
}
