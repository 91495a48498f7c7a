/* routes.c — the one route table of the web desk: every page and every API call, with who may
 * call it and a line saying what it does (Fossil keeps its commands and pages the same way).
 * docs/api.yaml describes the /api/ rows; tests/cli/t_http.sh fails when the two disagree. */
#include "http/http_int.h"

/* clang-format off */
const http_route http_routes[] = {
    /* ------------------------------------------------------------ pages */
    {"GET",    "/signin",                 page_signin,      HTTP_PUBLIC, "The sign-in form."},
    {"POST",   "/signin",                 page_signin_post, HTTP_PUBLIC, "Sign in with name and password (throttled)."},
    {"GET",    "/signin/once/{token}",    page_signin_once, HTTP_PUBLIC, "Sign in with the one-time link the server printed."},
    {"POST",   "/signout",                page_signout,     HTTP_USER,   "Sign out: ends the session."},
    {"GET",    "/static/{name}",          page_static,      HTTP_PUBLIC, "A stylesheet, script or icon from web/."},
    /* ------------------------------------------------------------ JSON API (docs/api.yaml) */
    {"GET",    "/api/v1/health",          api_health,       HTTP_PUBLIC, "Whether the server is up."},
    {"GET",    "/api/v1/me",              api_me,           HTTP_USER,   "Who is signed in, and the session's CSRF token."},
    {"GET",    "/api/v1/clients",         api_client_list,  HTTP_USER,   "Lists clients with their open case counts."},
    {"POST",   "/api/v1/clients",         api_client_add,   HTTP_USER,   "Adds a client."},
    {"GET",    "/api/v1/clients/{id}",    api_client_get,   HTTP_USER,   "One client."},
    {"PATCH",  "/api/v1/clients/{id}",    api_client_edit,  HTTP_USER,   "Changes a client's details."},
    {"GET",    "/api/v1/cases",           api_case_list,    HTTP_USER,   "Lists cases, by status and stage."},
    {"POST",   "/api/v1/cases",           api_case_open,    HTTP_USER,   "Opens a case for a client's complaint."},
    {"GET",    "/api/v1/cases/{id}",      api_case_get,     HTTP_USER,   "One case with its client, concerns and log."},
    {"GET",    "/api/v1/cases/{id}/next", api_case_next,    HTTP_USER,   "The recommended next step for a case, and why."},
    {"POST",   "/api/v1/triage",          api_triage,       HTTP_USER,   "Triages text: hostility, threats, demands, root cause."},
    {"POST",   "/api/v1/check",           api_check,        HTTP_USER,   "Checks the tone of a reply."},
    {NULL, NULL, NULL, HTTP_PUBLIC, NULL},
};
/* clang-format on */
