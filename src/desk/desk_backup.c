/* desk_backup.c — `redress backup`: an online copy of the desk that is verified after it is
 * written, and a rotation that keeps the newest N copies. Meant for a nightly timer while the
 * web desk keeps serving (contrib/redress-backup.timer). */
#include "desk/desk.h"
#include "store/store.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BACKUP_PREFIX "redress-"
#define BACKUP_SUFFIX ".db"

/* True for the names desk_backup writes: redress-<stamp>[-N].db. */
static bool backup_name(const char *name)
{
    size_t n = strlen(name), p = strlen(BACKUP_PREFIX), s = strlen(BACKUP_SUFFIX);
    return n > p + s && strncmp(name, BACKUP_PREFIX, p) == 0 &&
           strcmp(name + n - s, BACKUP_SUFFIX) == 0;
}

/* Orders copies oldest first: by name without ".db", so "…Z" comes before "…Z-2". */
static int backup_cmp(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    size_t lx = strlen(x) - strlen(BACKUP_SUFFIX), ly = strlen(y) - strlen(BACKUP_SUFFIX);
    int c = strncmp(x, y, lx < ly ? lx : ly);
    return c ? c : (lx > ly) - (lx < ly);
}

static rd_err *make_dir(const char *dir)
{
    if (mkdir(dir, 0700) == 0 || errno == EEXIST) {
        struct stat sb;
        if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) return NULL;
        return rd_error(RD_INVALID, "to: %s is not a folder", dir);
    }
    return rd_error(RD_IO, "to: %s: %s", dir, strerror(errno));
}

/* A free path in dir for a copy taken now; caller frees. */
static char *new_path(const char *dir)
{
    rd_timestr iso;
    time_iso(time_now(), iso); /* 2026-11-30T02:00:00Z */
    char stamp[32];
    size_t k = 0;
    for (const char *p = iso; *p && k + 1 < sizeof stamp; p++)
        if (*p != '-' && *p != ':') stamp[k++] = *p;
    stamp[k] = '\0';
    char *path = xasprintf("%s/" BACKUP_PREFIX "%s" BACKUP_SUFFIX, dir, stamp);
    for (int n = 2; access(path, F_OK) == 0; n++) {
        free(path);
        path = xasprintf("%s/" BACKUP_PREFIX "%s-%d" BACKUP_SUFFIX, dir, stamp, n);
    }
    return path;
}

static void remove_copy(const char *path)
{
    unlink(path);
    char *side = xasprintf("%s-wal", path);
    unlink(side);
    free(side);
    side = xasprintf("%s-shm", path);
    unlink(side);
    free(side);
}

/* Opens the copy as a desk of its own and re-walks its chains. */
static rd_err *verify_copy(const char *path, desk_backup_report *r)
{
    rd_store *st = NULL;
    rd_err *e = store_open(path, &st);
    if (!e) {
        rd_desk copy = {.st = st, .actor = "backup"};
        desk_verify_report v;
        memset(&v, 0, sizeof v);
        e = desk_verify(&copy, &v);
        r->log_entries = v.log_entries;
        r->audit_entries = v.audit_entries;
    }
    store_close(st);
    return e;
}

/* Removes the oldest copies in dir beyond keep; counts them in r->removed. */
static rd_err *rotate(const char *dir, int64_t keep, desk_backup_report *r)
{
    DIR *dh = opendir(dir);
    if (!dh) return rd_error(RD_IO, "to: %s: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *de; (de = readdir(dh)) != NULL;) {
        if (!backup_name(de->d_name)) continue;
        names = xrealloc(names, sizeof *names * (n + 1));
        names[n++] = xstrdup(de->d_name);
    }
    closedir(dh);
    qsort(names, n, sizeof *names, backup_cmp);
    for (size_t i = 0; i < n; i++) {
        if ((int64_t)(n - i) > keep) {
            char *p = xasprintf("%s/%s", dir, names[i]);
            remove_copy(p);
            free(p);
            r->removed++;
        }
        free(names[i]);
    }
    free(names);
    return NULL;
}

rd_err *desk_backup(rd_desk *d, const char *dir, int64_t keep, desk_backup_report *r)
{
    assert(d && r);
    memset(r, 0, sizeof *r);
    if (!dir || !*dir) return rd_error(RD_INVALID, "to: a folder is required");
    if (keep < 1) return rd_error(RD_INVALID, "keep: must be at least 1");
    rd_err *e = make_dir(dir);
    if (e) return e;
    r->path = new_path(dir);
    e = store_backup(d->st, r->path);
    if (!e) {
        e = verify_copy(r->path, r);
        if (e) remove_copy(r->path);
    }
    if (!e) e = rotate(dir, keep, r);
    return e;
}

void desk_backup_report_reset(desk_backup_report *r)
{
    free(r->path);
    memset(r, 0, sizeof *r);
}

/* A private folder for one copy: under TMPDIR (or /tmp), 0700 by mkdtemp. Caller frees. */
static rd_err *private_dir(char **dir)
{
    *dir = xtmp_template("redress-backup-XXXXXX");
    if (mkdtemp(*dir)) return NULL;
    rd_err *e = rd_error(RD_IO, "backup: cannot make a private folder: %s", strerror(errno));
    free(*dir);
    *dir = NULL;
    return e;
}

/* Opens the copy at path for reading and removes it from the disk (the descriptor keeps it). */
static rd_err *take_copy(const char *path, int *fd, uint64_t *size)
{
    struct stat sb;
    *fd = open(path, O_RDONLY | O_CLOEXEC);
    rd_err *e = NULL;
    if (*fd < 0 || fstat(*fd, &sb) != 0)
        e = rd_error(RD_IO, "backup: cannot read the copy: %s", strerror(errno));
    else
        *size = (uint64_t)sb.st_size;
    remove_copy(path);
    if (e && *fd >= 0) close(*fd);
    if (e) *fd = -1;
    return e;
}

rd_err *desk_backup_open(rd_desk *d, int *fd, uint64_t *size, char **name)
{
    assert(d && fd && size && name);
    *fd = -1, *size = 0, *name = NULL;
    char *dir = NULL;
    rd_err *e = private_dir(&dir);
    if (e) return e;
    desk_backup_report r;
    e = desk_backup(d, dir, 1, &r);
    if (!e) e = take_copy(r.path, fd, size);
    if (!e) {
        *name = xstrdup(strrchr(r.path, '/') + 1);
        json_t *detail =
            json_pack("{s:s, s:I, s:I}", "copy", *name, "log_entries", (json_int_t)r.log_entries,
                      "audit_entries", (json_int_t)r.audit_entries);
        e = desk_audit_take(d, "backup.download", "desk", 0, detail);
    }
    if (e && *fd >= 0) close(*fd), *fd = -1;
    if (e) free(*name), *name = NULL;
    if (r.path) remove_copy(r.path);
    desk_backup_report_reset(&r);
    rmdir(dir);
    free(dir);
    return e;
}
