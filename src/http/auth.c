/* auth.c — signing in and out of the web desk: the sign-in form's POST, the one-time sign-in
 * link printed when the desk has no user yet, and the session cookie (HttpOnly, SameSite=Strict,
 * Secure behind a TLS proxy). The session machinery itself is in the desk (desk_auth.c). */
#include "http/http_int.h"

#include <stdio.h>
#include <string.h>

/* Where to go after signing in: a path on this server, never another site. */
static const char *safe_next(const char *next)
{
    if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, '\r') ||
        strchr(next, '\n'))
        return "/";
    return next;
}

static void set_session_cookie(http_resp *rs, const char *sid, int max_age)
{
    char cookie[256];
    snprintf(cookie, sizeof cookie, "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s",
             HTTP_SESSION_COOKIE, sid, max_age, http_secure_cookies() ? "; Secure" : "");
    http_header_add(rs, "Set-Cookie", cookie);
}

static rd_err *start_session(http_req *rq, http_resp *rs, int64_t user_id, const char *next)
{
    char sid[DESK_SECRET_MAX], csrf[DESK_SECRET_MAX];
    int hours = http_session_hours();
    rd_err *e = desk_session_new(rq->desk, user_id, hours, sid, csrf);
    if (e) return e;
    set_session_cookie(rs, sid, hours * 3600);
    http_redirect(rs, safe_next(next));
    return NULL;
}

/* The sign-in form; error (may be NULL) is shown beside the field it names. */
static rd_err *signin_form(http_req *rq, http_resp *rs, const rd_err *error)
{
    rd_buf *b = &rs->body;
    rd_err *e = html_raw(b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            "<meta name=\"viewport\" content=\"width=device-width\">"
                            "<title>Sign in · redress</title>"
                            "<link rel=\"stylesheet\" href=\"/static/redress.css\"></head>"
                            "<body><main class=\"signin\"><h1>Sign in to redress</h1>");
    if (!e && error) {
        e = html_raw(b, "<p class=\"error\" role=\"alert\">");
        if (!e) e = html_text(b, error->msg);
        if (!e) e = html_raw(b, "</p>");
    }
    if (!e)
        e = html_raw(b, "<form method=\"post\" action=\"/signin\">"
                        "<label for=\"name\">Name</label>"
                        "<input id=\"name\" name=\"name\" autocomplete=\"username\" required "
                        "value=\"");
    if (!e) e = html_attr(b, http_arg(rq, "name"));
    if (!e)
        e = html_raw(b, "\"><label for=\"password\">Password</label>"
                        "<input id=\"password\" name=\"password\" type=\"password\" "
                        "autocomplete=\"current-password\" required>"
                        "<input type=\"hidden\" name=\"next\" value=\"");
    if (!e) e = html_attr(b, safe_next(http_arg(rq, "next")));
    if (!e)
        e = html_raw(b, "\"><button type=\"submit\">Sign in</button></form></main></body></html>");
    return e;
}

rd_err *page_signin(http_req *rq, http_resp *rs)
{
    return signin_form(rq, rs, NULL);
}

rd_err *page_signin_post(http_req *rq, http_resp *rs)
{
    int64_t user_id = 0;
    rd_err *e =
        desk_signin(rq->desk, http_arg(rq, "name"), http_arg(rq, "password"), rq->remote, &user_id);
    if (!e) return start_session(rq, rs, user_id, http_arg(rq, "next"));
    rs->status = rd_err_http_status(e);
    rd_err *r = signin_form(rq, rs, e);
    rd_err_free(e);
    return r;
}

rd_err *page_signin_once(http_req *rq, http_resp *rs)
{
    if (!http_once_token_take(http_arg(rq, "token")))
        return rd_error(RD_UNAUTHORIZED, "token: this sign-in link was used or is unknown");
    int64_t user_id = 0;
    rd_err *e = desk_user_ensure(rq->desk, "owner", &user_id);
    return e ? e : start_session(rq, rs, user_id, "/");
}

rd_err *page_signout(http_req *rq, http_resp *rs)
{
    const char *sid = http_cookie(rq, HTTP_SESSION_COOKIE);
    rd_err *e = sid ? desk_session_end(rq->desk, sid) : NULL;
    if (e) return e;
    set_session_cookie(rs, "", 0);
    http_redirect(rs, "/signin");
    return NULL;
}
