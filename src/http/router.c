/* router.c — matching a request to its row of the route table, reading arguments from the path,
 * the body and the query string, and the small response helpers (JSON, redirects, errors)
 * every handler uses. */
#include "http/http_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does path match pattern, segment by segment ("{name}" takes one non-empty segment)? Fills the
 * request's params when rq is given. */
static bool match(const char *pattern, const char *path, http_req *rq)
{
    const char *p = pattern, *u = path;
    int n = 0;
    while (*p && *u) {
        if (*p == '{') {
            const char *close = strchr(p, '}');
            size_t seg = strcspn(u, "/");
            if (!close || seg == 0 || n >= HTTP_MAX_PARAMS) return false;
            if (rq) {
                rq->param_name[n] = p + 1; /* up to '}': compared with its length below */
                rq->param_val[n] = u;
            }
            n++;
            p = close + 1;
            u += seg;
            continue;
        }
        if (*p != *u) return false;
        p++;
        u++;
    }
    if (*p || *u) return false;
    if (rq) rq->nparams = n;
    return true;
}

const http_route *http_route_find(const char *method, const char *path, http_req *rq,
                                  bool *path_known)
{
    *path_known = false;
    const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
    for (const http_route *r = http_routes; r->method; r++) {
        if (!match(r->pattern, path, NULL)) continue;
        *path_known = true;
        if (strcmp(r->method, m) != 0) continue;
        match(r->pattern, path, rq);
        return r;
    }
    return NULL;
}

bool http_route_uploads(const char *path)
{
    for (const char *const *u = http_upload_routes; *u; u++)
        if (match(*u, path, NULL)) return true;
    return false;
}

/* The value of path parameter i as its own string, kept in rq->query under a reserved key so
 * that it lives as long as the request. */
static const char *param_value(const http_req *rq, int i)
{
    const char *close = strchr(rq->param_name[i], '}');
    size_t nlen = (size_t)(close - rq->param_name[i]);
    size_t vlen = strcspn(rq->param_val[i], "/");
    char key[72];
    if (nlen > 64) return NULL;
    key[0] = '\x02';
    memcpy(key + 1, rq->param_name[i], nlen);
    key[nlen + 1] = '\0';
    json_t *v = json_object_get(rq->query, key);
    if (!v) {
        v = json_stringn(rq->param_val[i], vlen);
        if (!v) return NULL; /* not UTF-8 */
        json_object_set_new(rq->query, key, v);
    }
    return json_string_value(v);
}

static const char *string_of(json_t *v)
{
    if (json_is_array(v)) v = json_array_get(v, 0);
    return json_string_value(v);
}

const char *http_arg(const http_req *rq, const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; i < rq->nparams; i++)
        if (strncmp(rq->param_name[i], name, n) == 0 && rq->param_name[i][n] == '}')
            return param_value(rq, i);
    const char *v = string_of(json_object_get(rq->form, name));
    if (!v) v = string_of(json_object_get(rq->query, name));
    return v;
}

int http_arg_all(const http_req *rq, const char *name, const char **out, int max)
{
    json_t *v = json_object_get(rq->form, name);
    if (!v) v = json_object_get(rq->query, name);
    if (json_is_string(v)) {
        if (max > 0) out[0] = json_string_value(v);
        return max > 0 ? 1 : 0;
    }
    int n = 0;
    size_t i;
    json_t *x;
    json_array_foreach(v, i, x)
    {
        if (n < max && json_is_string(x)) out[n++] = json_string_value(x);
    }
    return n;
}

rd_err *http_arg_id(const http_req *rq, const char *name, int64_t *id)
{
    const char *v = http_arg(rq, name);
    if (!v) return rd_error_at(RD_USAGE, name, "%s: is required", name);
    return parse_int(name, v, 1, INT64_MAX, id);
}

void http_header_add(http_resp *rs, const char *name, const char *value)
{
    if (rs->nheaders >= HTTP_MAX_HEADERS) return;
    rs->hname[rs->nheaders] = xstrdup(name);
    rs->hval[rs->nheaders] = xstrdup(value);
    rs->nheaders++;
}

rd_err *http_json(http_resp *rs, int status, json_t *v)
{
    rs->status = status;
    rs->content_type = "application/json";
    if (!v) v = json_object();
    buf_reset(&rs->body);
    rd_err *e = http_json_write(&rs->body, v);
    json_decref(v);
    if (!e) e = buf_add(&rs->body, "\n", 1);
    if (e && e->code != RD_TOO_LARGE) {
        rd_err_free(e);
        e = rd_error(RD_IO, "json: cannot encode the response");
    }
    return e;
}

void http_redirect(http_resp *rs, const char *location)
{
    rs->status = 303;
    http_header_add(rs, "Location", location);
}

const char *http_code_name(rd_code code)
{
    return rd_code_name(code);
}

void http_json_error(http_resp *rs, const rd_err *e)
{
    json_t *next = desk_err_action(e);
    json_t *err = json_pack("{s:s, s:s, s:o, s:o, s:b}", "code", rd_code_name(e->code), "message",
                            e->msg, "field", e->field ? json_string(e->field) : json_null(),
                            "action", next ? next : json_null(), "overridable", e->overridable);
    if (!err) /* a message that is not UTF-8 cannot be encoded: say so without it */
        err = json_pack("{s:s, s:s, s:n}", "code", rd_code_name(e->code), "message",
                        rd_code_summary(e->code), "field");
    rd_err_free(http_json(rs, rd_err_http_status(e), json_pack("{s:o}", "error", err)));
    rs->status = rd_err_http_status(e);
}

/* ---------------------------------------------------------------- bodies */

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes one urlencoded component into a new string; NULL when it hides a NUL byte or is not
 * UTF-8. */
static char *url_decode(const char *s, size_t n)
{
    char *out = xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[k++] = ' ';
        } else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[k++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    if (strlen(out) != k || !utf8_valid(out, k)) {
        free(out);
        return NULL;
    }
    return out;
}

void http_form_put(json_t *form, const char *key, json_t *value)
{
    json_t *have = json_object_get(form, key);
    if (!have) {
        json_object_set_new(form, key, value);
    } else if (json_is_array(have)) {
        json_array_append_new(have, value);
    } else {
        json_t *arr = json_array();
        json_array_append(arr, have);
        json_array_append_new(arr, value);
        json_object_set_new(form, key, arr);
    }
}

static rd_err *parse_urlencoded(json_t *form, const char *body, size_t len)
{
    const char *p = body, *end = body + len;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        if (stop > p) {
            char *key = url_decode(p, (size_t)((eq ? eq : stop) - p));
            char *val = eq ? url_decode(eq + 1, (size_t)(stop - eq - 1)) : xstrdup("");
            if (!key || !val) {
                free(key);
                free(val);
                return rd_error(RD_USAGE, "body: a form field is not valid UTF-8 text");
            }
            http_form_put(form, key, json_string(val));
            free(key);
            free(val);
        }
        p = stop + 1;
    }
    return NULL;
}

/* JSON members become form arguments as text ("as typed"): numbers in decimal, booleans as
 * yes/no, arrays of scalars as arrays of text; objects and nulls are left to rq->json. */
static json_t *as_text(json_t *v)
{
    char tmp[64];
    switch (json_typeof(v)) {
    case JSON_STRING:
        return json_string(json_string_value(v));
    case JSON_INTEGER:
        snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
        return json_string(tmp);
    case JSON_REAL:
        snprintf(tmp, sizeof tmp, "%.17g", json_real_value(v));
        return json_string(tmp);
    case JSON_TRUE:
        return json_string("yes");
    case JSON_FALSE:
        return json_string("no");
    default:
        return NULL;
    }
}

static rd_err *parse_json(http_req *rq, const char *body, size_t len)
{
    json_error_t err;
    rq->json = json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
    if (!rq->json)
        return rd_error(RD_USAGE, "body: not valid JSON (line %d: %s)", err.line, err.text);
    if (!json_is_object(rq->json)) return rd_error(RD_USAGE, "body: must be a JSON object");
    const char *key;
    json_t *v;
    json_object_foreach(rq->json, key, v)
    {
        if (json_is_array(v)) {
            json_t *arr = json_array();
            size_t i;
            json_t *x;
            json_array_foreach(v, i, x)
            {
                json_t *t = as_text(x);
                if (t) json_array_append_new(arr, t);
            }
            json_object_set_new(rq->form, key, arr);
        } else {
            json_t *t = as_text(v);
            if (t) json_object_set_new(rq->form, key, t);
        }
    }
    return NULL;
}

rd_err *http_parse_body(http_req *rq, const char *content_type, const char *body, size_t len)
{
    if (len == 0) return NULL;
    if (!content_type) return rd_error(RD_USAGE, "body: Content-Type is missing");
    if (strncasecmp(content_type, "application/json", 16) == 0) return parse_json(rq, body, len);
    if (strncasecmp(content_type, "application/x-www-form-urlencoded", 33) == 0)
        return parse_urlencoded(rq->form, body, len);
    if (strncasecmp(content_type, "multipart/form-data", 19) == 0)
        return http_parse_multipart(rq, content_type, body, len);
    /* mail sent as itself (a mail filter piping a message to POST /api/v1/mail) */
    bool message = strncasecmp(content_type, "message/rfc822", 14) == 0;
    if (message || strncasecmp(content_type, "application/mbox", 16) == 0) {
        rq->upload = (http_file){.name = message ? "message.eml" : "mailbox.mbox",
                                 .type = message ? "message/rfc822" : "application/mbox",
                                 .data = body,
                                 .size = len};
        return NULL;
    }
    return rd_error(RD_USAGE, "body: send application/json, a urlencoded form, a "
                              "multipart/form-data form, or mail as message/rfc822 or "
                              "application/mbox");
}
