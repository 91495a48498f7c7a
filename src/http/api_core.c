/* api_core.c — the JSON API's clients and cases, health and who-am-I, and the analyzer
 * (POST /api/v1/triage, /api/v1/check): each handler reads its arguments, calls one desk
 * operation and returns its result as JSON. */
#include "http/http_int.h"

#include <stdio.h>
#include <string.h>

#define ARG(name) http_arg(rq, name)

rd_err *api_created(http_resp *rs, int64_t id)
{
    return http_json(rs, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

rd_err *api_reply(http_resp *rs, rd_err *e, json_t *v)
{
    if (e) {
        json_decref(v);
        return e;
    }
    return http_json(rs, 200, v);
}

rd_err *api_page_of(http_req *rq, rd_page *pg)
{
    int64_t limit = 50, after = 0;
    const char *l = ARG("limit"), *a = ARG("after");
    rd_err *e = l ? parse_int("limit", l, 1, RD_PAGE_MAX, &limit) : NULL;
    if (!e && a) e = parse_int("after", a, 1, INT64_MAX, &after);
    pg->limit = limit;
    pg->after = after;
    pg->next = 0;
    return e;
}

rd_err *api_page_reply(http_resp *rs, rd_err *e, json_t *rows, const rd_page *pg)
{
    if (e) {
        json_decref(rows);
        return e;
    }
    char next[32];
    snprintf(next, sizeof next, "%lld", (long long)pg->next);
    return http_json(rs, 200,
                     json_pack("{s:o, s:o}", "items", rows ? rows : json_array(), "next",
                               pg->next ? json_string(next) : json_null()));
}

/* The usual read of one thing: the path's {id}, one desk call, its result as JSON. */
rd_err *api_get_by_id(http_req *rq, http_resp *rs, rd_err *(*get)(rd_desk *, int64_t, json_t **))
{
    int64_t id;
    json_t *v = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = get(rq->desk, id, &v);
    return api_reply(rs, e, v);
}

rd_err *api_health(http_req *rq, http_resp *rs)
{
    (void)rq;
    return http_json(rs, 200, json_pack("{s:b}", "ok", 1));
}

rd_err *api_me(http_req *rq, http_resp *rs)
{
    return http_json(rs, 200,
                     json_pack("{s:s, s:b, s:o}", "user", rq->user, "via_token", rq->via_token,
                               "csrf", rq->csrf ? json_string(rq->csrf) : json_null()));
}

/* ---------------------------------------------------------------- clients */

static desk_client_input client_input(http_req *rq)
{
    return (desk_client_input){.name = ARG("name"),
                               .email = ARG("email"),
                               .phone = ARG("phone"),
                               .company = ARG("company"),
                               .notes = ARG("notes"),
                               .status = ARG("status")};
}

rd_err *api_client_list(http_req *rq, http_resp *rs)
{
    json_t *rows = NULL;
    rd_page pg;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_client_list(rq->desk, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_client_add(http_req *rq, http_resp *rs)
{
    desk_client_input f = client_input(rq);
    int64_t id = 0;
    rd_err *e = desk_client_add(rq->desk, &f, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_client_get(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_client_get);
}

rd_err *api_client_edit(http_req *rq, http_resp *rs)
{
    int64_t id;
    desk_client_input f = client_input(rq);
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_client_edit(rq->desk, id, &f);
    return e ? e : api_client_get(rq, rs);
}

/* ---------------------------------------------------------------- cases */

rd_err *api_case_list(http_req *rq, http_resp *rs)
{
    json_t *rows = NULL;
    rd_page pg;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_case_list(rq->desk, ARG("status"), ARG("stage"), &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_case_open(http_req *rq, http_resp *rs)
{
    desk_case_input in = {.client = ARG("client"),
                          .project = ARG("project"),
                          .channel = ARG("channel"),
                          .received = ARG("received"),
                          .words = ARG("words")};
    int64_t id = 0;
    rd_err *e = desk_case_open(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_case_get(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_case_get);
}

rd_err *api_case_next(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_case_next);
}

/* ---------------------------------------------------------------- the analyzer */

static rd_err *analyze(http_req *rq, http_resp *rs,
                       rd_err *(*fn)(const char *, const char *, size_t, json_t **))
{
    const char *text = ARG("text");
    if (!text) return rd_error(RD_INVALID, "text: is required");
    json_t *v = NULL;
    rd_err *e = fn("text", text, strlen(text), &v);
    return api_reply(rs, e, v);
}

rd_err *api_triage(http_req *rq, http_resp *rs)
{
    return analyze(rq, rs, desk_triage_text);
}

rd_err *api_check(http_req *rq, http_resp *rs)
{
    return analyze(rq, rs, desk_tone_text);
}
