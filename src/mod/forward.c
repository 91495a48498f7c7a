/* forward.c — the functions of the modules (module.h) as the `redress` program sees them: each
 * finds its namesake in the module and calls it. Linked into the program only; libredress.a
 * carries the real functions for tests, tools and benchmarks. Entry points (what the desk and
 * the CLI call first) return the module's absence as an error; the others run only while the
 * module's own code is running (request helpers during http_serve, the parts of a message
 * during mail_parse), so the module is open by then. */
#include <stdlib.h>

#include "docs/docs.h"
#include "http/http_int.h"
#include "mail/mail.h"
#include "mod/module.h"

/* *fn: function name of a module that is open whenever it is called (see above). */
static void open_sym(const char *module, const char *name, void **fn)
{
    rd_err *e = mod_sym(module, name, fn);
    if (e) { /* a module that vanished while in use: nothing sensible can go on */
        fprintf(stderr, "redress: %s\n", e->msg);
        abort();
    }
}

/* ---------------------------------------------------------------- http: libmicrohttpd */

rd_err *http_serve(const http_options *o)
{
    rd_err *(*f)(const http_options *) = NULL;
    rd_err *e = mod_sym("http", "http_serve", (void **)&f);
    return e ? e : f(o);
}

const char *http_header(const http_req *rq, const char *name)
{
    const char *(*f)(const http_req *, const char *) = NULL;
    open_sym("http", "http_header", (void **)&f);
    return f(rq, name);
}

const char *http_cookie(const http_req *rq, const char *name)
{
    const char *(*f)(const http_req *, const char *) = NULL;
    open_sym("http", "http_cookie", (void **)&f);
    return f(rq, name);
}

bool http_once_token_take(const char *token)
{
    bool (*f)(const char *) = NULL;
    open_sym("http", "http_once_token_take", (void **)&f);
    return f(token);
}

bool http_secure_cookies(void)
{
    bool (*f)(void) = NULL;
    open_sym("http", "http_secure_cookies", (void **)&f);
    return f();
}

int http_session_hours(void)
{
    int (*f)(void) = NULL;
    open_sym("http", "http_session_hours", (void **)&f);
    return f();
}

/* ---------------------------------------------------------------- mail: GMime and libcurl */

rd_err *mail_parse(const char *data, size_t len, mail_msg **out)
{
    rd_err *(*f)(const char *, size_t, mail_msg **) = NULL;
    rd_err *e = mod_sym("mail", "mail_parse", (void **)&f);
    return e ? e : f(data, len, out);
}

void mail_msg_free(mail_msg *m)
{
    if (!m) return;
    void (*f)(mail_msg *) = NULL;
    open_sym("mail", "mail_msg_free", (void **)&f);
    f(m);
}

char *mail_to_utf8(const char *data, size_t len, const char *charset)
{
    char *(*f)(const char *, size_t, const char *) = NULL;
    open_sym("mail", "mail_to_utf8", (void **)&f);
    return f(data, len, charset);
}

rd_err *mail_compose(const mail_out *m, char **out, size_t *len)
{
    rd_err *(*f)(const mail_out *, char **, size_t *) = NULL;
    rd_err *e = mod_sym("mail", "mail_compose", (void **)&f);
    return e ? e : f(m, out, len);
}

rd_err *mail_smtp_send(const mail_smtp *s, const char *from, const char *rcpt, const char *data,
                       size_t len, char **answer)
{
    rd_err *(*f)(const mail_smtp *, const char *, const char *, const char *, size_t, char **) =
        NULL;
    rd_err *e = mod_sym("mail", "mail_smtp_send", (void **)&f);
    return e ? e : f(s, from, rcpt, data, len, answer);
}

/* ---------------------------------------------------------------- pdf: cairo and pango */

rd_err *docs_pdf_letter(const docs_letter *l, rd_buf *pdf)
{
    rd_err *(*f)(const docs_letter *, rd_buf *) = NULL;
    rd_err *e = mod_sym("pdf", "docs_pdf_letter", (void **)&f);
    return e ? e : f(l, pdf);
}

rd_err *docs_pdf_report(const char *paper, const char *title, json_t *blocks, rd_buf *pdf)
{
    rd_err *(*f)(const char *, const char *, json_t *, rd_buf *) = NULL;
    rd_err *e = mod_sym("pdf", "docs_pdf_report", (void **)&f);
    return e ? e : f(paper, title, blocks, pdf);
}

/* ---------------------------------------------------------------- calendar: libical */

rd_err *docs_ics(json_t *events, const char *now_iso, char **ics)
{
    rd_err *(*f)(json_t *, const char *, char **) = NULL;
    rd_err *e = mod_sym("calendar", "docs_ics", (void **)&f);
    return e ? e : f(events, now_iso, ics);
}
