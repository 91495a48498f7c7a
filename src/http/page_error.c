/* page_error.c — the HTML page shown when a page's request fails (API calls get JSON instead):
 * the status and the desk's one-line message, escaped. */
#include "http/http_int.h"

void page_error(http_req *rq, http_resp *rs, const rd_err *e)
{
    (void)rq;
    rd_buf *b = &rs->body;
    rd_err *r = html_raw(b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            "<title>redress</title>"
                            "<link rel=\"stylesheet\" href=\"/static/redress.css\"></head>"
                            "<body><main><h1>");
    if (!r) r = html_text(b, rd_code_summary(e->code));
    if (!r) r = html_raw(b, "</h1><p class=\"error\">");
    if (!r) r = html_text(b, e->msg);
    if (!r) r = html_raw(b, "</p><p><a href=\"/\">Back to the desk</a></p></main></body></html>");
    rd_err_free(r);
}
