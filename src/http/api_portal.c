/* api_portal.c — the JSON API of the client's side: portal links and events, reviews and their
 * replies, testimonials, surveys. Each handler reads its arguments, calls one desk operation and
 * answers with its result. Tokens appear once, in the answer that creates them. */
#include "http/http_int.h"

#include <stdlib.h>

#define ARG(name) http_arg(rq, name)

rd_err *api_portal_link(http_req *rq, http_resp *rs)
{
    int64_t id;
    char *token = NULL;
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_portal_link(rq->desk, id, ARG("expires"), &token, &out);
    if (e) return e;
    char *path = xasprintf("/p/%s", token);
    json_object_set_new(out, "token", json_string(token));
    json_object_set_new(out, "path", json_string(path));
    free(path);
    free(token);
    return http_json(rs, 201, out);
}

rd_err *api_portal_links(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = api_page_of(rq, &pg);
    if (!e) e = desk_portal_links(rq->desk, id, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_portal_revoke(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_portal_revoke(rq->desk, id);
    return api_reply(rs, e, json_pack("{s:I, s:b}", "id", (json_int_t)id, "revoked", 1));
}

rd_err *api_portal_events(http_req *rq, http_resp *rs)
{
    rd_page pg;
    json_t *rows = NULL;
    const char *all = ARG("all");
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_portal_events(rq->desk, !(all && *all && *all != '0'), &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_portal_seen(http_req *rq, http_resp *rs)
{
    int64_t id, n = 0;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_portal_seen(rq->desk, id, &n);
    return api_reply(rs, e, json_pack("{s:I}", "seen", (json_int_t)n));
}

/* ---------------------------------------------------------------- reviews */

rd_err *api_review_add(http_req *rq, http_resp *rs)
{
    desk_review_input in = {.platform = ARG("platform"),
                            .rating = ARG("rating"),
                            .text = ARG("text"),
                            .link = ARG("link"),
                            .date = ARG("date"),
                            .client = ARG("client"),
                            .case_id = ARG("case")};
    int64_t id = 0;
    rd_err *e = desk_review_add(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_review_list(http_req *rq, http_resp *rs)
{
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_review_list(rq->desk, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_review_get(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_review_get);
}

rd_err *api_review_reply(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *report = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_review_reply(rq->desk, id, ARG("text"), &report);
    return api_reply(rs, e, report);
}

rd_err *api_review_posted(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_review_posted(rq->desk, id, ARG("override"));
    return api_reply(rs, e, json_pack("{s:I, s:b}", "id", (json_int_t)id, "posted", 1));
}

/* ---------------------------------------------------------------- testimonials */

rd_err *api_testimonial_ask(http_req *rq, http_resp *rs)
{
    desk_testimonial_input in = {
        .client = ARG("client"), .case_id = ARG("case"), .text = ARG("text")};
    int64_t id = 0;
    json_t *report = NULL;
    rd_err *e = desk_testimonial_ask(rq->desk, &in, ARG("override"), &id, &report);
    if (e) return e;
    json_object_set_new(report, "id", json_integer(id));
    return http_json(rs, 201, report);
}

rd_err *api_testimonial_answer(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_testimonial_answer(rq->desk, id, ARG("answer"), ARG("quote"), ARG("where"));
    return api_reply(rs, e,
                     json_pack("{s:I, s:s?}", "id", (json_int_t)id, "answer", ARG("answer")));
}

rd_err *api_testimonial_list(http_req *rq, http_resp *rs)
{
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_testimonial_list(rq->desk, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

/* ---------------------------------------------------------------- surveys */

rd_err *api_survey_create(http_req *rq, http_resp *rs)
{
    const char *questions[16];
    int n = http_arg_all(rq, "question", questions, 16);
    desk_survey_input in = {.period = ARG("period"),
                            .questions = questions,
                            .nquestions = n,
                            .min_responses = ARG("min_responses")};
    json_t *out = NULL;
    rd_err *e = desk_survey_create(rq->desk, &in, &out);
    return e ? e : http_json(rs, 201, out);
}

rd_err *api_survey_list(http_req *rq, http_resp *rs)
{
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_survey_list(rq->desk, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_survey_results(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_survey_results);
}

rd_err *api_survey_close(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_survey_close(rq->desk, id);
    return api_reply(rs, e, json_pack("{s:I, s:b}", "id", (json_int_t)id, "closed", 1));
}
