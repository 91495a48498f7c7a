/* api_mail.c — the JSON API's search (GET /api/v1/search): the same desk_search the CLI's
 * `redress search` calls, its hits with the byte ranges of the matched words for the page to
 * mark up after escaping. */
#include "http/http_int.h"

rd_err *api_search(http_req *rq, http_resp *rs)
{
    desk_search_input in = {http_arg(rq, "q"), http_arg(rq, "client"), http_arg(rq, "case"),
                            http_arg(rq, "since"), http_arg(rq, "limit")};
    json_t *rows = NULL;
    rd_err *e = desk_search(rq->desk, &in, &rows);
    return e ? e : http_json(rs, 200, json_pack("{s:o}", "items", rows));
}
