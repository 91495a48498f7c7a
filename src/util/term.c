/* term.c — keeping the terminal safe from the text redress prints. Client words, names, drafts,
 * file contents and argument values can carry escape sequences, carriage returns, C1 controls
 * and bidirectional overrides that would repaint, hide or reorder what the user sees. Rather
 * than trusting every print call to remember, standard output and standard error are replaced
 * at start-up by streams that pass every byte through text_visible(); the program's own colour
 * travels as TERM_* markers that only this file turns into escape sequences. */
#define _GNU_SOURCE /* fopencookie */
#include "util.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void add_escape(rd_buf *out, const char *fmt, unsigned v, rd_err **e)
{
    if (!*e) *e = buf_addf(out, fmt, v);
}

rd_err *text_visible(rd_buf *out, const char *s, size_t n, bool json)
{
    rd_err *e = NULL;
    size_t plain = 0; /* start of the run of bytes copied as they are */
    size_t i = 0;
    while (i < n && !e) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len && !text_hidden(cp)) {
            i += len;
            continue;
        }
        if (i > plain) e = buf_add(out, s + plain, i - plain);
        if (!len)
            add_escape(out, json ? "\\ufffd" : "\\x%02x", (unsigned char)s[i], &e);
        else if (cp < 0x80 && !json)
            add_escape(out, "\\x%02x", cp, &e);
        else
            add_escape(out, "\\u%04x", cp, &e);
        i += len ? len : 1;
        plain = i;
    }
    if (!e && n > plain) e = buf_add(out, s + plain, n - plain);
    return e;
}

/* ---------------------------------------------------------------- the guarded streams */

typedef struct term_stream {
    int fd;        /* where the visible bytes go */
    bool json;     /* escapes in their JSON form */
    char carry[4]; /* the start of a character split across two writes */
    size_t ncarry;
} term_stream;

static term_stream out_stream = {STDOUT_FILENO, false, {0}, 0};
static term_stream err_stream = {STDERR_FILENO, false, {0}, 0};

/* The ANSI sequence for the letter after a TERM_* marker, or NULL when it is not one. */
static const char *sgr(char letter)
{
    switch (letter) {
    case '0':
        return "\033[0m";
    case '1':
        return "\033[1m";
    case '2':
        return "\033[2m";
    case 'r':
        return "\033[31m";
    case 'g':
        return "\033[32m";
    case 'y':
        return "\033[33m";
    default:
        return NULL;
    }
}

/* How many bytes at the end of s[0..n) may be the first part of a character or marker that
 * the next write completes. */
static size_t incomplete_tail(const char *s, size_t n)
{
    if (n && (unsigned char)s[n - 1] == 0xFF) return 1;
    for (size_t k = 1; k <= 3 && k <= n; k++) {
        unsigned char c = (unsigned char)s[n - k];
        if ((c & 0xC0) == 0x80) continue; /* continuation byte: look further back */
        size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return need > k ? k : 0;
    }
    return 0;
}

/* Renders s[0..n) for the terminal: markers become colour, everything else text_visible(). */
static rd_err *render(rd_buf *out, const char *s, size_t n, bool json)
{
    rd_err *e = NULL;
    size_t start = 0;
    for (size_t i = 0; i < n && !e; i++) {
        if ((unsigned char)s[i] != 0xFF || i + 1 >= n || !sgr(s[i + 1])) continue;
        e = text_visible(out, s + start, i - start, json);
        if (!e) e = buf_adds(out, sgr(s[i + 1]));
        i++;
        start = i + 1;
    }
    if (!e) e = text_visible(out, s + start, n - start, json);
    return e;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static ssize_t stream_write(void *cookie, const char *data, size_t n)
{
    term_stream *t = cookie;
    rd_buf in, out;
    buf_init(&in, 0);
    buf_init(&out, 0);
    rd_err *e = buf_add(&in, t->carry, t->ncarry);
    if (!e) e = buf_add(&in, data, n);
    size_t keep = e ? 0 : incomplete_tail(in.data, in.len);
    if (!e) e = render(&out, in.data, in.len - keep, t->json);
    if (!e) {
        memcpy(t->carry, in.data + in.len - keep, keep);
        t->ncarry = keep;
    }
    bool ok = !e && write_all(t->fd, out.data ? out.data : "", out.len);
    rd_err_free(e);
    buf_reset(&in);
    buf_reset(&out);
    if (!ok) {
        errno = errno ? errno : EIO;
        return -1;
    }
    return (ssize_t)n;
}

/* At exit, a character left unfinished is shown byte by byte. */
static int stream_close(void *cookie)
{
    term_stream *t = cookie;
    rd_buf out;
    buf_init(&out, 0);
    rd_err *e = text_visible(&out, t->carry, t->ncarry, t->json);
    t->ncarry = 0;
    bool ok = !e && write_all(t->fd, out.data ? out.data : "", out.len);
    rd_err_free(e);
    buf_reset(&out);
    return ok ? 0 : -1;
}

static FILE *guard(term_stream *t, int mode)
{
    cookie_io_functions_t io = {
        .read = NULL, .write = stream_write, .seek = NULL, .close = stream_close};
    FILE *f = fopencookie(t, "w", io);
    if (f) setvbuf(f, NULL, mode, BUFSIZ);
    return f;
}

rd_err *term_guard_stdio(void)
{
    FILE *out = guard(&out_stream, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
    FILE *err = guard(&err_stream, _IOLBF);
    if (!out || !err) {
        if (out) fclose(out);
        if (err) fclose(err);
        return rd_error(RD_IO, "standard output: cannot set up: %s", strerror(errno));
    }
    fflush(stdout);
    fflush(stderr);
    stdout = out;
    stderr = err;
    return NULL;
}

void term_json(bool on)
{
    fflush(stdout);
    out_stream.json = on;
}

rd_err *term_finish(void)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout) || stream_close(&out_stream) != 0)
        return rd_error(RD_IO, "standard output: %s", errno ? strerror(errno) : "write failed");
    return NULL;
}

rd_err *term_write_data(const void *p, size_t n)
{
    if (isatty(STDOUT_FILENO)) { /* a person is reading: through the guard, escapes visible */
        if (fwrite(p, 1, n, stdout) != n) return rd_error(RD_IO, "standard output: write failed");
        return NULL;
    }
    fflush(stdout); /* what was printed before comes first */
    const char *s = p;
    while (n) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return rd_error(RD_IO, "standard output: %s", strerror(errno));
        s += w, n -= (size_t)w;
    }
    return NULL;
}
