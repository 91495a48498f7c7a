/* page_desk.c — the route handlers of the web desk's pages: each reads the request, renders
 * one page body (pages.h) or carries out one posted form and answers with a redirect (303, so
 * a reload never posts twice) or, when the desk refused, the same page again with its error
 * beside the field and the request's status (400, 409 …). */
#include "http/http_int.h"
#include "http/pages.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The file's own name without the folders some browsers send ("C:\\fakepath\\brief.pdf"). */
static const char *base_name(const char *name)
{
    const char *b = name;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\') b = p + 1;
    return b;
}

rd_err *page_case_attach_post(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (e) return e;
    const http_file *f = &rq->upload;
    /* a browser that knows no better type says application/octet-stream: the desk's guess from
     * the name's extension is then the better one */
    const char *type =
        f->type && strcasecmp(f->type, "application/octet-stream") != 0 ? f->type : NULL;
    desk_attach_input in = {.case_id = http_arg(rq, "id"),
                            .name = f->name ? base_name(f->name) : NULL,
                            .type = type,
                            .data = f->data,
                            .size = f->size};
    int64_t att = 0;
    if (!f->name)
        e = rd_error_at(RD_INVALID, "file", "file: choose a file to attach");
    else if (f->size == 0)
        e = rd_error_at(RD_INVALID, "file", "file: '%s' is empty", in.name);
    if (!e) e = desk_attach(rq->desk, &in, &att);
    if (e) {
        /* the desk names the file's name or type; the form has one field for both */
        if (!e->field || strcmp(e->field, "case") != 0) {
            free(e->field);
            e->field = xstrdup("file");
        }
        return refused(rq, rs, e, "attach", page_case_body, NULL, id);
    }
    char location[80];
    snprintf(location, sizeof location, "/cases/%lld?done=attach#attachments", (long long)id);
    http_redirect(rs, location);
    return NULL;
}

rd_err *page_mail(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_mail_body, rq->desk, &v);
}

/* An empty field of the form is no choice: the import finds client and case itself. */
static const char *chosen(http_req *rq, const char *name)
{
    const char *value = http_arg(rq, name);
    return value && *value ? value : NULL;
}

rd_err *page_mail_post(http_req *rq, http_resp *rs)
{
    const http_file *f = &rq->upload;
    const char *create = chosen(rq, "create_clients");
    desk_import_input in = {.client = chosen(rq, "client"),
                            .case_id = chosen(rq, "case"),
                            .create_clients = create && !strcmp(create, "yes")};
    json_t *sum = NULL;
    rd_err *e = desk_mail_import_bytes(rq->desk, &in, f->name ? base_name(f->name) : NULL, f->data,
                                       f->size, &sum);
    if (e) return refused(rq, rs, e, "import", NULL, page_mail_body, 0);
    /* the summary is shown once, as the answer to the post (importing again adds nothing) */
    http_header_add(rs, "Cache-Control", "no-store");
    page_view v = view_of(rq, NULL);
    hw w;
    hw_begin(&w, &rs->body);
    page_mail_result(rq->desk, &v, sum, &w);
    json_decref(sum);
    return hw_end(&w);
}

rd_err *page_record(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, NULL);
    return render(rs, page_record_body, rq->desk, &v);
}

/* A check that finds tampering has done its work: the finding is the page (200), not an error
 * of the server; a line that cannot be read is refused beside its field. */
rd_err *page_record_post(http_req *rq, http_resp *rs)
{
    desk_verify_opts o = {.against = chosen(rq, "against")};
    desk_verify_report r;
    memset(&r, 0, sizeof r);
    rd_err *e = desk_verify_with(rq->desk, &o, &r);
    if (e && e->code != RD_TAMPERED) return refused(rq, rs, e, "verify", NULL, page_record_body, 0);
    http_header_add(rs, "Cache-Control", "no-store");
    page_view v = view_of(rq, NULL);
    hw w;
    hw_begin(&w, &rs->body);
    page_record_result(&v, e, &r, &w);
    rd_err_free(e);
    return hw_end(&w);
}

/* *Download a backup*: the signed-in user's password again (a copy of the whole desk is the
 * gravest thing the desk hands out), then a verified copy streamed from a file the disk no
 * longer shows; a refusal is the record page again with the error beside the password. */
static char *disposition(const char *name);
rd_err *page_record_backup_post(http_req *rq, http_resp *rs)
{
    int fd = -1;
    uint64_t size = 0;
    char *name = NULL;
    rd_err *e = desk_user_confirm(rq->desk, rq->user, http_arg(rq, "password"), rq->remote);
    if (!e) e = desk_backup_open(rq->desk, &fd, &size, &name);
    if (e) return refused(rq, rs, e, "backup", NULL, page_record_body, 0);
    char *disp = disposition(name);
    http_header_add(rs, "Content-Disposition", disp);
    http_header_add(rs, "Cache-Control", "no-store");
    rs->content_type = "application/vnd.sqlite3";
    rs->file_fd = fd;
    rs->file_size = size;
    free(disp);
    free(name);
    return NULL;
}

/* Types a browser may show itself; anything else (HTML, SVG, scripts) only as a download of
 * opaque bytes, so a client's file can never run as a page of the desk. */
static const char *served_type(const char *type)
{
    static const char *const shown[] = {"application/pdf", "image/png",  "image/jpeg",
                                        "image/gif",       "image/webp", "text/plain"};
    for (size_t i = 0; type && i < sizeof shown / sizeof shown[0]; i++)
        if (strcmp(type, shown[i]) == 0) return shown[i];
    return "application/octet-stream";
}

/* Content-Disposition for a download named name: an ASCII fallback (anything else becomes
 * '_') and the UTF-8 name percent-encoded (RFC 6266). Caller frees. */
static char *disposition(const char *name)
{
    rd_buf b;
    buf_init(&b, 0);
    rd_err *e = buf_adds(&b, "attachment; filename=\"");
    for (const unsigned char *p = (const unsigned char *)name; !e && *p; p++) {
        char c = *p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' ? (char)*p : '_';
        e = buf_add(&b, &c, 1);
    }
    if (!e) e = buf_adds(&b, "\"; filename*=UTF-8''");
    for (const unsigned char *p = (const unsigned char *)name; !e && *p; p++)
        e = isalnum(*p) || strchr("-._~", *p) ? buf_add(&b, p, 1) : buf_addf(&b, "%%%02X", *p);
    rd_err_free(e); /* a name is at most a few hundred bytes: far inside the buffer's cap */
    return buf_detach(&b);
}

rd_err *page_attachment(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *row = NULL;
    void *data = NULL;
    size_t size = 0;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_attachment_get(rq->desk, id, &row, &data, &size);
    if (!e) {
        rs->content_type = served_type(desk_js(row, "type"));
        char *disp = disposition(desk_js(row, "name"));
        http_header_add(rs, "Content-Disposition", disp);
        free(disp);
        buf_reset(&rs->body);
        buf_init(&rs->body, size + 1); /* an attachment may be larger than a page's cap */
        e = buf_add(&rs->body, data, size);
    }
    free(data);
    json_decref(row);
    return e;
}

rd_err *page_people(http_req *rq, http_resp *rs)
{
    page_view v = view_of(rq, page_people_notice(http_arg(rq, "done")));
    return render(rs, page_people_body, rq->desk, &v);
}

rd_err *page_people_post(http_req *rq, http_resp *rs)
{
    page_people_who who = {rq->user_id, rq->user, rq->remote};
    char *location = NULL, *secret = NULL;
    rd_err *e = page_people_form(rq->desk, &who, req_arg, rq, &location, &secret);
    if (e) return refused(rq, rs, e, http_arg(rq, "form"), NULL, page_people_body, 0);
    http_header_add(rs, "Cache-Control", "no-store");
    if (secret) { /* shown once: a page, not a redirect to one */
        page_view v = view_of(rq, NULL);
        hw w;
        hw_begin(&w, &rs->body);
        page_token_shown(&v, secret, &w);
        free(secret);
        free(location);
        return hw_end(&w);
    }
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
