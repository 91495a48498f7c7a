/* page_desk.c — the route handlers of the web desk's pages: each reads the request, renders
 * one page body (pages.h) or carries out one posted form and answers with a redirect (303, so
 * a reload never posts twice) or, when the desk refused, the same page again with its error
 * beside the field and the request's status (400, 409 …). */
#include "http/http_int.h"
#include "http/pages.h"

#include <stdlib.h>
#include <string.h>

/* What each page needs from the request. notice is the line for a ?done= after a redirect. */
static page_view view_of(const http_req *rq, const char *notice)
{
    return (page_view){.user = rq->user, .csrf = rq->csrf, .query = rq->query, .notice = notice};
}

typedef rd_err *(*list_body)(rd_desk *d, const page_view *v, hw *w);

/* Renders body into the response; the desk's error is returned for the error page. */
static rd_err *render(http_resp *rs, list_body body, rd_desk *d, const page_view *v)
{
    hw w;
    hw_begin(&w, &rs->body);
    rd_err *e = body(d, v, &w);
    rd_err *we = hw_end(&w);
    if (e) {
        rd_err_free(we);
        rs->body.len = 0;
        return e;
    }
    return we;
}

rd_err *page_today(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_today_body, rq->desk, &v);
}

rd_err *page_cases(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_cases_body, rq->desk, &v);
}

rd_err *page_clients(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_clients_body, rq->desk, &v);
}

rd_err *page_projects(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_projects_body, rq->desk, &v);
}

rd_err *page_invoices(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, page_forms_notice(http_arg(rq, "done")));
    return render(rs, page_invoices_body, rq->desk, &v);
}

rd_err *page_lessons(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, page_forms_notice(http_arg(rq, "done")));
    return render(rs, page_lessons_body, rq->desk, &v);
}

rd_err *page_report(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_report_body, rq->desk, &v);
}

rd_err *page_settings(http_req *rq, http_resp *rs)
{
    const char *done = http_arg(rq, "done");
    page_view v = view_of(rq, done && !strcmp(done, "setting") ? "Setting saved." : NULL);
    return render(rs, page_settings_body, rq->desk, &v);
}

typedef rd_err *(*entity_body)(rd_desk *d, int64_t id, const page_view *v, hw *w);

static rd_err *render_one(http_resp *rs, entity_body body, rd_desk *d, int64_t id,
                          const page_view *v)
{
    hw w;
    hw_begin(&w, &rs->body);
    rd_err *e = body(d, id, v, &w);
    rd_err *we = hw_end(&w);
    if (e) {
        rd_err_free(we);
        rs->body.len = 0;
        return e;
    }
    return we;
}

rd_err *page_client(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (e) return e;
    page_view v = view_of(rq, page_forms_notice(http_arg(rq, "done")));
    return render_one(rs, page_client_body, rq->desk, id, &v);
}

rd_err *page_case(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (e) return e;
    page_view v = view_of(rq, page_case_notice(http_arg(rq, "done")));
    return render_one(rs, page_case_body, rq->desk, id, &v);
}

static const char *req_arg(const void *ctx, const char *name)
{
    return http_arg(ctx, name);
}

/* After a refused form: the page again, the error beside its field, what was typed kept. */
static rd_err *refused(http_req *rq, http_resp *rs, rd_err *why, const char *form, entity_body body,
                       list_body list, int64_t id)
{
    page_view v = view_of(rq, NULL);
    v.failed = form;
    v.err = why;
    v.form = rq->form;
    rs->status = rd_err_http_status(why);
    rd_err *e = body ? render_one(rs, body, rq->desk, id, &v) : render(rs, list, rq->desk, &v);
    rd_err_free(why);
    return e;
}

rd_err *page_case_post(http_req *rq, http_resp *rs)
{
    int64_t id;
    char *location = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (e) return e;
    e = page_case_form(rq->desk, id, req_arg, rq, &location);
    if (e) return refused(rq, rs, e, http_arg(rq, "form"), page_case_body, NULL, id);
    http_redirect(rs, location);
    free(location);
    return NULL;
}

rd_err *page_settings_post(http_req *rq, http_resp *rs)
{
    char *location = NULL;
    rd_err *e = page_settings_form(rq->desk, req_arg, rq, &location);
    if (e) {
        char form[80];
        const char *key = http_arg(rq, "key");
        snprintf(form, sizeof form, "setting-%s", key ? key : "");
        return refused(rq, rs, e, form, NULL, page_settings_body, 0);
    }
    http_redirect(rs, location);
    free(location);
    return NULL;
}
