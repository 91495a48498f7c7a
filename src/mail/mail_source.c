/* mail_source.c — where messages come from: a Maildir (every file in cur/ and new/, in name
 * order so that runs are repeatable), an mbox (split at "From " lines that follow a blank line,
 * with >From unescaped) or a single message file. Which one is judged from the content. */
#include "mail/mail.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum { SRC_MAILDIR, SRC_MBOX, SRC_EML } src_kind;

struct mail_source {
    src_kind kind;
    char *path;
    /* Maildir */
    char **files; /* "cur/NAME", sorted */
    size_t nfiles, next_file;
    /* mbox and eml: the file mapped whole */
    const char *map;
    size_t size, off;
    int64_t count;
    char pos[64 + 4096];
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(mail_source *s, const char *sub)
{
    char *dir = xasprintf("%s/%s", s->path, sub);
    DIR *d = opendir(dir);
    free(dir);
    if (!d) return;
    struct dirent *de;
    size_t cap = s->nfiles;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        if (s->nfiles == cap) {
            cap = cap ? cap * 2 : 256;
            s->files = xrealloc(s->files, cap * sizeof *s->files);
        }
        s->files[s->nfiles++] = xasprintf("%s/%s", sub, de->d_name);
    }
    closedir(d);
}

static rd_err *map_file(mail_source *s, int fd, size_t size)
{
    s->size = size;
    if (size == 0) return NULL;
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return rd_error(RD_IO, "path: %s: %s", s->path, strerror(errno));
    s->map = p;
    return NULL;
}

/* Judges a file by its first bytes: "From " starts an mbox; a header line starts a message. */
static rd_err *detect_file(mail_source *s)
{
    if (s->size >= 5 && memcmp(s->map, "From ", 5) == 0) {
        s->kind = SRC_MBOX;
        return NULL;
    }
    size_t i = 0;
    while (i < s->size && i < 200 && s->map[i] > ' ' && s->map[i] < 127 && s->map[i] != ':')
        i++;
    if (i > 0 && i < s->size && s->map[i] == ':') {
        s->kind = SRC_EML;
        return NULL;
    }
    return rd_error(RD_INVALID, "path: %s is not a message, an mbox or a Maildir", s->path);
}

rd_err *mail_source_open(const char *path, mail_source **out)
{
    struct stat sb;
    if (!path || !*path) return rd_error(RD_INVALID, "path: is required");
    if (stat(path, &sb) != 0) return rd_error(RD_NOT_FOUND, "path: %s: %s", path, strerror(errno));
    mail_source *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    rd_err *e = NULL;
    if (S_ISDIR(sb.st_mode)) {
        s->kind = SRC_MAILDIR;
        char *cur = xasprintf("%s/cur", path), *new = xasprintf("%s/new", path);
        struct stat c, n;
        bool maildir = (stat(cur, &c) == 0 && S_ISDIR(c.st_mode)) ||
                       (stat(new, &n) == 0 && S_ISDIR(n.st_mode));
        free(cur);
        free(new);
        if (!maildir) {
            e = rd_error(RD_INVALID, "path: %s is a folder but not a Maildir (no cur/ or new/)",
                         path);
        } else {
            list_dir(s, "cur");
            list_dir(s, "new");
            if (s->nfiles) qsort(s->files, s->nfiles, sizeof *s->files, cmp_str);
        }
    } else if (S_ISREG(sb.st_mode)) {
        int fd = open(path, O_RDONLY);
        if (fd < 0) {
            e = rd_error(RD_IO, "path: %s: %s", path, strerror(errno));
        } else {
            e = map_file(s, fd, (size_t)sb.st_size);
            close(fd);
            if (!e && s->size == 0) e = rd_error(RD_INVALID, "path: %s is empty", path);
            if (!e) e = detect_file(s);
        }
    } else {
        e = rd_error(RD_INVALID, "path: %s is not a file or a folder", path);
    }
    if (e) {
        mail_source_close(s);
        return e;
    }
    *out = s;
    return NULL;
}

void mail_source_close(mail_source *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->nfiles; i++)
        free(s->files[i]);
    free(s->files);
    if (s->map) munmap((void *)s->map, s->size);
    free(s->path);
    free(s);
}

const char *mail_source_kind(const mail_source *s)
{
    return s->kind == SRC_MAILDIR ? "maildir" : s->kind == SRC_MBOX ? "mbox" : "eml";
}

void mail_source_progress(const mail_source *s, int64_t *done, int64_t *total)
{
    if (s->kind == SRC_MAILDIR) {
        *done = (int64_t)s->next_file;
        *total = (int64_t)s->nfiles;
    } else {
        *done = (int64_t)s->off;
        *total = (int64_t)s->size;
    }
}

/* Reads one Maildir file whole; *reason is set instead when it cannot be read. */
static char *read_file(const char *path, size_t *len, char **reason)
{
    int fd = open(path, O_RDONLY);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        *reason = xasprintf("cannot be read: %s", strerror(errno));
        if (fd >= 0) close(fd);
        return NULL;
    }
    if ((size_t)sb.st_size > MAIL_MAX_MESSAGE) {
        close(fd);
        *reason = xstrdup("too large");
        return NULL;
    }
    char *data = xmalloc((size_t)sb.st_size + 1);
    size_t got = 0;
    while (got < (size_t)sb.st_size) {
        ssize_t n = read(fd, data + got, (size_t)sb.st_size - got);
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    *len = got;
    return data;
}

/* The end of the mbox message starting at from: the next "From " line after a blank line. */
static size_t mbox_end(const mail_source *s, size_t from)
{
    for (size_t i = from; i + 6 < s->size; i++) {
        const char *nl = memchr(s->map + i, '\n', s->size - i);
        if (!nl) break;
        i = (size_t)(nl - s->map);
        if (i + 6 < s->size && s->map[i + 1] == '\n' && memcmp(s->map + i + 2, "From ", 5) == 0)
            return i + 2;
    }
    return s->size;
}

/* Copies one mbox message without its From_ line, undoing the >From escaping (mboxrd). */
static char *mbox_message(const mail_source *s, size_t start, size_t end, size_t *len)
{
    const char *nl = memchr(s->map + start, '\n', end - start);
    size_t i = nl ? (size_t)(nl - s->map) + 1 : end;
    char *out = xmalloc(end - i + 1);
    size_t n = 0;
    while (i < end) {
        const char *p = s->map + i;
        size_t k = 0;
        while (i + k < end && p[k] == '>')
            k++;
        if (k > 0 && end - i - k >= 5 && memcmp(p + k, "From ", 5) == 0) i++;
        const char *eol = memchr(s->map + i, '\n', end - i);
        size_t line = eol ? (size_t)(eol - (s->map + i)) + 1 : end - i;
        memcpy(out + n, s->map + i, line);
        n += line;
        i += line;
    }
    /* the blank line before the next From_ belongs to the separator */
    if (end < s->size && n > 0 && out[n - 1] == '\n') n--;
    *len = n;
    return out;
}

bool mail_source_next(mail_source *s, mail_msg **msg, char **reason, const char **pos)
{
    *msg = NULL;
    *reason = NULL;
    char *data = NULL;
    size_t len = 0;
    if (s->kind == SRC_MAILDIR) {
        if (s->next_file >= s->nfiles) return false;
        const char *name = s->files[s->next_file++];
        snprintf(s->pos, sizeof s->pos, "%s", name);
        char *full = xasprintf("%s/%s", s->path, name);
        data = read_file(full, &len, reason);
        free(full);
    } else if (s->kind == SRC_MBOX) {
        if (s->off >= s->size) return false;
        size_t start = s->off, end = mbox_end(s, start + 5);
        s->count++;
        snprintf(s->pos, sizeof s->pos, "message %lld at byte %zu", (long long)s->count, start);
        s->off = end;
        if (end - start > MAIL_MAX_MESSAGE)
            *reason = xstrdup("too large");
        else
            data = mbox_message(s, start, end, &len);
    } else {
        if (s->off >= s->size) return false;
        snprintf(s->pos, sizeof s->pos, "%s", s->path);
        s->off = s->size;
        data = xmalloc(s->size);
        memcpy(data, s->map, s->size);
        len = s->size;
    }
    *pos = s->pos;
    if (data) {
        rd_err *e = mail_parse(data, len, msg);
        if (e) *reason = xstrdup(e->msg);
        rd_err_free(e);
        free(data);
    }
    return true;
}
