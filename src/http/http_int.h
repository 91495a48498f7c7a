/* http_int.h — what the files of src/http share beyond http.h: body parsing, the server's
 * settings handlers may consult, and the one-time sign-in link. Not for other layers. */
#ifndef REDRESS_HTTP_INT_H
#define REDRESS_HTTP_INT_H

#include "http/http.h"

#define HTTP_SESSION_COOKIE "redress_session"

/* Parses a request body by its Content-Type into rq->form (and rq->json for JSON): urlencoded
 * forms and JSON objects; an empty body is no arguments. RD_USAGE for a body that is not what
 * it claims, or not UTF-8. */
rd_err *http_parse_body(http_req *rq, const char *content_type, const char *body, size_t len);
/* True once, for the secret printed in the one-time sign-in link; false ever after. */
bool http_once_token_take(const char *token);
/* Whether cookies get the Secure attribute (--tls-proxy). */
bool http_secure_cookies(void);
/* How long a new session lasts. */
int http_session_hours(void);

/* ---------------------------------------------------------------- handlers
 * Every handler named in the route table (routes.c), grouped by the file that defines it. */
/* pages: auth.c, static.c */
rd_err *page_signin(http_req *rq, http_resp *rs);
rd_err *page_signin_post(http_req *rq, http_resp *rs);
rd_err *page_signin_once(http_req *rq, http_resp *rs);
rd_err *page_signout(http_req *rq, http_resp *rs);
rd_err *page_static(http_req *rq, http_resp *rs);
/* API: api_core.c */
rd_err *api_health(http_req *rq, http_resp *rs);
rd_err *api_me(http_req *rq, http_resp *rs);
rd_err *api_client_list(http_req *rq, http_resp *rs);
rd_err *api_client_add(http_req *rq, http_resp *rs);
rd_err *api_client_get(http_req *rq, http_resp *rs);
rd_err *api_client_edit(http_req *rq, http_resp *rs);
rd_err *api_case_list(http_req *rq, http_resp *rs);
rd_err *api_case_open(http_req *rq, http_resp *rs);
rd_err *api_case_get(http_req *rq, http_resp *rs);
rd_err *api_case_next(http_req *rq, http_resp *rs);
rd_err *api_triage(http_req *rq, http_resp *rs);
rd_err *api_check(http_req *rq, http_resp *rs);

#endif
