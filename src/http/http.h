/* http.h — the web front door: `redress serve`, its one route table for pages and the JSON API,
 * and what a handler sees (a request) and fills in (a response). Handlers are thin: they read
 * their arguments, call one desk operation and render its result as HTML or JSON. Nothing here
 * needs microhttpd.h: only src/http/server.c talks to libmicrohttpd.
 *
 * Adding a page or an API call:
 *   1. Write the handler in the file of its group (src/http/page_*.c for HTML, api_*.c for
 *      JSON): rd_err *page_thing(http_req *rq, http_resp *rs). Read arguments with http_arg()
 *      and http_arg_id(); act through rq->desk; fill rs (the hw_* writer of html.h, or
 *      http_json()).
 *      Return an rd_err to let the server answer with the error's status: JSON
 *      {"error":{code,message,field}} under /api/, the error page elsewhere.
 *   2. Add one line to http_routes[] in src/http/routes.c: method, path pattern ("{name}"
 *      matches one path segment), handler, who may call it, and a one-line description.
 *   3. API routes also get their entry in docs/api.yaml (a test compares the two).
 * The server has already checked the Host header, the session or bearer token, the CSRF token
 * of every state-changing request and the body size before a handler runs. */
#ifndef REDRESS_HTTP_H
#define REDRESS_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "desk/desk.h"
#include "http/html.h"
#include "util/util.h"

#define HTTP_MAX_PARAMS  4  /* "{name}" segments in one route pattern */
#define HTTP_MAX_HEADERS 12 /* extra response headers a handler may add */

/* Who may call a route. */
typedef enum http_auth {
    HTTP_PUBLIC = 0, /* anyone (sign-in, static files, health) */
    HTTP_USER = 1,   /* a signed-in user (session cookie) or an API bearer token */
} http_auth;

/* A file sent in a multipart/form-data body (a browser's file input). */
typedef struct http_file {
    const char *name; /* the file name the browser gave, as sent; NULL when no file was sent */
    const char *type; /* its Content-Type, or NULL */
    const char *data; /* its bytes (not NUL-terminated) */
    size_t size;
} http_file;

/* What a handler sees. Everything is borrowed for the duration of the call. */
typedef struct http_req {
    const char *method; /* "GET", "POST", "PATCH", "DELETE" … */
    const char *path;   /* the URL path, percent-decoded, without the query */
    const struct http_route *route;
    rd_desk *desk;    /* this worker thread's desk; actor is the signed-in user */
    json_t *query;    /* object: query-string arguments (strings) */
    json_t *form;     /* object: form fields (urlencoded) or the JSON body's members
                                   as strings; empty for GET */
    json_t *json;     /* the JSON body itself when one was sent, else NULL */
    http_file upload; /* the file of a multipart/form-data body (at most one), else zeroes */
    const char *param_name[HTTP_MAX_PARAMS]; /* "{name}" segments of the matched pattern */
    const char *param_val[HTTP_MAX_PARAMS];  /* their values from the path */
    int nparams;
    int64_t user_id;    /* the signed-in user (0 when none) */
    const char *user;   /* their name, or NULL */
    bool via_token;     /* signed in by an API bearer token rather than a session */
    const char *csrf;   /* the session's CSRF token, for forms (field "csrf"); NULL without */
    const char *remote; /* the client's address, as text */
    bool secure;        /* served over TLS (behind a proxy): cookies get Secure */
    void *conn;         /* the server's connection; only server.c looks inside */
} http_req;

/* What a handler fills in. The server sends the security headers (CSP and friends) itself. */
typedef struct http_resp {
    int status;                    /* 200 unless set */
    const char *content_type;      /* a string literal; "text/html; charset=utf-8" unless set */
    rd_buf body;                   /* capped at 16 MiB */
    char *hname[HTTP_MAX_HEADERS]; /* extra headers, owned */
    char *hval[HTTP_MAX_HEADERS];
    int nheaders;
    /* A body too large for a buffer, read from a file instead (body then unused): an open
     * descriptor the server closes once it is sent, or -1; file_size bytes from its start. */
    int file_fd;
    uint64_t file_size;
} http_resp;

typedef rd_err *(*http_handler)(http_req *rq, http_resp *rs);

/* One row of the route table: pages and API calls alike, with their help beside them. */
typedef struct http_route {
    const char *method;  /* "GET", "POST", … */
    const char *pattern; /* "/api/v1/cases/{id}" */
    http_handler handler;
    http_auth auth;
    const char *summary; /* one line: what it does (docs/api.yaml must agree for /api/) */
} http_route;

/* The table, in src/http/routes.c, terminated by a row with method NULL. */
extern const http_route http_routes[];

/* Finds the route for method and path, filling rq->param_*; NULL when none matches. *path_known
 * says whether some route had the path with another method (405 rather than 404). */
const http_route *http_route_find(const char *method, const char *path, http_req *rq,
                                  bool *path_known);

/* ---------------------------------------------------------------- for handlers */

/* A request argument by name: a path "{name}" segment first, then a form or JSON body field,
 * then the query string. NULL when absent. Borrowed. */
const char *http_arg(const http_req *rq, const char *name);
/* Every value of a repeatable argument (a form field given twice, a JSON array of text) into
 * out[0..max); returns how many. Borrowed. */
int http_arg_all(const http_req *rq, const char *name, const char **out, int max);
/* A required id argument ("id: 'x' is not a number", "id: missing"). */
rd_err *http_arg_id(const http_req *rq, const char *name, int64_t *id);
/* A request header (case-insensitive name), NULL when absent. Borrowed. */
const char *http_header(const http_req *rq, const char *name);
/* A cookie the client sent, NULL when absent. Borrowed. */
const char *http_cookie(const http_req *rq, const char *name);

/* Adds a response header; name and value are copied. */
void http_header_add(http_resp *rs, const char *name, const char *value);
/* Sets a JSON body and its type; takes the reference to v (NULL gives {}). */
rd_err *http_json(http_resp *rs, int status, json_t *v);
/* 303 See Other to location (a path on this server): the answer to a form POST. */
void http_redirect(http_resp *rs, const char *location);
/* The error as the API's JSON body {"error":{"code","message","field"}} with its status. */
void http_json_error(http_resp *rs, const rd_err *e);
/* The short name of an error code ("invalid", "conflict", …) used in JSON errors. */
const char *http_code_name(rd_code code);

/* Renders an error for a page (not /api/): src/http/page_error.c. */
void page_error(http_req *rq, http_resp *rs, const rd_err *e);

/* ---------------------------------------------------------------- the server */
typedef struct http_options {
    const char *db_path;      /* the desk each worker opens; the caller has it open already */
    const char *listen;       /* "ADDR:PORT"; default 127.0.0.1:8080 */
    const char *const *hosts; /* extra Host names accepted (behind a proxy); NULL-terminated */
    int threads;              /* worker threads; 0: 4 */
    size_t body_max;          /* request body cap in bytes; 0: 1 MiB */
    int max_connections;      /* concurrent connections; 0: 512 */
    int request_timeout;      /* seconds a request may take to arrive; 0: 10 */
    int idle_timeout;         /* seconds a kept-alive connection may sit idle; 0: 30 */
    int session_hours;        /* session lifetime; 0: 12 */
    bool tls_proxy;           /* behind a TLS-terminating proxy: Secure cookies */
    bool signin_link;         /* print a one-time sign-in link even when users exist */
    bool quiet;               /* no access log */
} http_options;

/* Runs the server until SIGINT or SIGTERM, then stops accepting, lets requests in flight
 * finish and returns. Prints the URL (and a one-time sign-in link when there is no user yet,
 * or when asked) on standard output, one access-log line per request on standard error. */
rd_err *http_serve(const http_options *o);
/* The libmicrohttpd version the server runs with ("0.9.75"); static storage. */
const char *http_lib_version(void);

#endif
