/* docs_routes.c — what the web desk serves from desk_docs.c: the calendar subscription a phone
 * fetches with its token (no session: the token is the key) and the report as JSON. */
#include "http/http_int.h"

#include <stdlib.h>
#include <string.h>

rd_err *page_calendar_feed(http_req *rq, http_resp *rs)
{
    const char *arg = http_arg(rq, "token");
    size_t n = arg ? strlen(arg) : 0;
    if (n < 5 || strcmp(arg + n - 4, ".ics") != 0)
        return rd_error(RD_NOT_FOUND, "calendar: this subscription link is not valid");
    char *token = xstrndup(arg, n - 4);
    char *ics = NULL;
    rd_err *e = desk_calendar_for_token(rq->desk, token, &ics);
    free(token);
    if (e) return e;
    rs->content_type = "text/calendar; charset=utf-8";
    http_header_add(rs, "Cache-Control", "no-store");
    e = buf_adds(&rs->body, ics);
    free(ics);
    return e;
}

rd_err *api_report(http_req *rq, http_resp *rs)
{
    json_t *r = NULL;
    rd_err *e = desk_report(rq->desk, http_arg(rq, "from"), http_arg(rq, "to"), &r);
    return e ? e : http_json(rs, 200, r);
}
