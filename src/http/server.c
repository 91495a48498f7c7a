/* server.c — `redress serve` on libmicrohttpd: the only file that includes microhttpd.h. It owns
 * the limits (body size, timeouts, connection cap), the per-thread desk connection, the checks
 * that run before any handler (Host header, session or bearer token, CSRF token), the security
 * headers on every response, the access log and graceful shutdown. Routing and handlers know
 * nothing of libmicrohttpd. */
#include "http/http_int.h"

#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SESSION_COOKIE "redress_session"
/* SQLite's page cache per worker connection, in KiB: with the default four workers the caches
 * hold at most 4 MiB, whatever the desk's size, which keeps the server within its 32 MB. */
#define DESK_CACHE_KIB 1024
#define CSP                                                                                        \
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "                    \
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

/* One TCP connection, for the watchdog that cuts off clients sending a request too slowly. */
typedef struct conn_slot {
    int fd;                 /* the socket */
    int64_t deadline_ms;    /* cut the connection off after this (0: no deadline now) */
    struct conn_slot *next; /* the server's list */
} conn_slot;

/* One worker thread's desk connection, kept to close them all at shutdown. */
typedef struct store_slot {
    rd_desk desk;
    struct store_slot *next;
} store_slot;

/* What one request accumulates while its body arrives. */
typedef struct req_state {
    rd_buf body;      /* the body so far, capped at cap */
    size_t cap;       /* the body this request may send: body_cap() */
    bool too_large;   /* the body passed cap: answer 413 once it ends */
    size_t discarded; /* bytes thrown away after that */
    int64_t start_ms; /* when the headers were complete */
} req_state;

static struct server {
    http_options o;
    char listen_host[256]; /* as given, for the Host check */
    int port;
    char **hosts; /* accepted Host header values, NULL-terminated */
    struct MHD_Daemon *daemon;
    pthread_mutex_t lock; /* guards conns, stores, once_token */
    conn_slot *conns;
    store_slot *stores;
    char once_token[64]; /* the one-time sign-in link's secret, "" once used */
    volatile sig_atomic_t stop;
    int inflight; /* requests being handled */
} srv = {.lock = PTHREAD_MUTEX_INITIALIZER};

static _Thread_local store_slot *tl_desk;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---------------------------------------------------------------- per-thread desk */

/* This worker's desk, opened on first use (SQLite connections are not shared between threads:
 * the statement cache is unsynchronised). The caller of http_serve has the desk open already. */
static rd_err *thread_desk(rd_desk *out)
{
    if (!tl_desk) {
        store_slot *s = xcalloc(1, sizeof *s);
        rd_err *e = desk_open_again(&s->desk, srv.o.db_path, "web");
        if (!e) e = desk_cache_limit(&s->desk, DESK_CACHE_KIB);
        if (e) {
            desk_close(&s->desk);
            free(s);
            return e;
        }
        pthread_mutex_lock(&srv.lock);
        s->next = srv.stores;
        srv.stores = s;
        pthread_mutex_unlock(&srv.lock);
        tl_desk = s;
    }
    *out = tl_desk->desk;
    return NULL;
}

/* ---------------------------------------------------------------- slow clients */

static void notify_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                              enum MHD_ConnectionNotificationCode toe)
{
    (void)cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        conn_slot *s = xcalloc(1, sizeof *s);
        s->fd = ci ? ci->connect_fd : -1;
        s->deadline_ms = now_ms() + 1000LL * srv.o.request_timeout;
        pthread_mutex_lock(&srv.lock);
        s->next = srv.conns;
        srv.conns = s;
        pthread_mutex_unlock(&srv.lock);
        *socket_context = s;
    } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        /* libmicrohttpd closes the socket after this returns, so under the lock the watchdog
         * never touches a closed (and perhaps reused) descriptor */
        pthread_mutex_lock(&srv.lock);
        for (conn_slot **p = &srv.conns; *p; p = &(*p)->next)
            if (*p == *socket_context) {
                *p = (*p)->next;
                break;
            }
        pthread_mutex_unlock(&srv.lock);
        free(*socket_context);
        *socket_context = NULL;
    }
}

static void set_deadline(struct MHD_Connection *c, int64_t deadline_ms)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (!ci || !ci->socket_context) return;
    pthread_mutex_lock(&srv.lock);
    ((conn_slot *)ci->socket_context)->deadline_ms = deadline_ms;
    pthread_mutex_unlock(&srv.lock);
}

/* Once a second: a connection whose request has not fully arrived by its deadline (one byte a
 * second keeps libmicrohttpd's idle timeout from firing) is shut down. */
static void *watchdog(void *arg)
{
    (void)arg;
    while (!srv.stop) {
        sleep(1);
        int64_t now = now_ms();
        pthread_mutex_lock(&srv.lock);
        for (conn_slot *s = srv.conns; s; s = s->next)
            if (s->deadline_ms && now > s->deadline_ms && s->fd >= 0) {
                shutdown(s->fd, SHUT_RDWR);
                s->deadline_ms = 0;
            }
        pthread_mutex_unlock(&srv.lock);
    }
    return NULL;
}

static void request_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                              enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)toe;
    req_state *rs = *con_cls;
    if (rs) {
        buf_reset(&rs->body);
        free(rs);
        *con_cls = NULL;
    }
    /* a kept-alive connection gets the idle timeout to start its next request */
    set_deadline(c, now_ms() + 1000LL * (srv.o.idle_timeout + srv.o.request_timeout));
}

/* ---------------------------------------------------------------- request parsing */

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    json_t *obj = cls;
    if (!key || !utf8_valid(key, strlen(key)) || (value && !utf8_valid(value, strlen(value)))) {
        json_object_set_new(obj, "\x01invalid", json_true());
        return MHD_YES;
    }
    if (!json_object_get(obj, key)) json_object_set_new(obj, key, json_string(value ? value : ""));
    return MHD_YES;
}

const char *http_header(const http_req *rq, const char *name)
{
    return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

const char *http_cookie(const http_req *rq, const char *name)
{
    return MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, name);
}

static void client_address(struct MHD_Connection *c, char *out, size_t n)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, n, "-");
    if (!ci || !ci->client_addr) return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)n);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)n);
}

/* ---------------------------------------------------------------- checks before handlers */

static bool host_allowed(const char *host)
{
    if (!host) return false;
    for (char **h = srv.hosts; *h; h++)
        if (strcasecmp(*h, host) == 0) return true;
    return false;
}

/* Origin of a cross-site form post, checked where no CSRF token can exist yet (sign-in). */
static bool origin_allowed(const http_req *rq)
{
    const char *origin = http_header(rq, "Origin");
    if (!origin || strcmp(origin, "null") == 0) return origin == NULL;
    const char *p = strstr(origin, "://");
    return p && host_allowed(p + 3);
}

/* Signs the request in from its session cookie or bearer token. */
static rd_err *authenticate(http_req *rq, desk_principal *who)
{
    const char *authz = http_header(rq, "Authorization");
    if (authz && strncasecmp(authz, "Bearer ", 7) == 0) {
        rd_err *e = desk_token_check(rq->desk, authz + 7, who);
        if (e) return e;
        rq->via_token = true;
    } else {
        const char *cookie = http_cookie(rq, SESSION_COOKIE);
        if (!cookie) return NULL;
        rd_err *e = desk_session_check(rq->desk, cookie, who);
        if (e && e->code == RD_UNAUTHORIZED) { /* expired or ended: as if signed out */
            rd_err_free(e);
            return NULL;
        }
        if (e) return e;
        rq->csrf = who->csrf;
    }
    rq->user_id = who->user_id;
    rq->user = who->name;
    rq->desk->actor = who->name;
    return NULL;
}

static bool safe_method(const char *m)
{
    return strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0;
}

/* Every state-changing request made with a session carries its CSRF token, in the X-CSRF-Token
 * header (scripts) or the form field csrf (forms). Bearer tokens are not sent by browsers on
 * their own, so API calls made with them need none. */
static rd_err *csrf_check(http_req *rq)
{
    if (safe_method(rq->method) || rq->via_token) return NULL;
    if (!rq->user) {
        if (!origin_allowed(rq)) return rd_error(RD_FORBIDDEN, "origin: cross-site request");
        return NULL;
    }
    const char *sent = http_header(rq, "X-CSRF-Token");
    if (!sent) sent = http_arg(rq, "csrf");
    if (!sent || !rq->csrf || strlen(sent) != strlen(rq->csrf) ||
        sodium_memcmp(sent, rq->csrf, strlen(sent)) != 0)
        return rd_error(RD_FORBIDDEN, "csrf: missing or wrong token; reload the page");
    return NULL;
}

/* ---------------------------------------------------------------- responses */

static bool is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0;
}

static void render_error(http_req *rq, http_resp *rs, const rd_err *e)
{
    buf_reset(&rs->body);
    if (rs->file_fd >= 0) close(rs->file_fd);
    rs->file_fd = -1;
    if (is_api(rq->path)) {
        http_json_error(rs, e);
    } else {
        rs->status = rd_err_http_status(e);
        rs->content_type = "text/html; charset=utf-8";
        page_error(rq, rs, e);
    }
}

/* One line per request, written with one write(2) so that the workers' lines never interleave
 * and nothing waits on a lock or a flush. The path is as the client sent it (decoded): control
 * characters become '?', so no request can forge a line of its own. */
static void access_log(const char *remote, const char *method, const char *path, int status,
                       size_t bytes, int64_t start_ms, const char *user)
{
    if (srv.o.quiet) return;
    rd_timestr t;
    time_iso(time(NULL), t);
    rd_buf line;
    buf_init(&line, 0);
    rd_err *e = buf_addf(&line, "%s %s \"%s %s\" %d %zu %lldms %s\n", t, remote, method, path,
                         status, bytes, (long long)(now_ms() - start_ms), user ? user : "-");
    if (e) { /* past the buffer's cap, which a request line (at most 32 KiB) never reaches */
        rd_err_free(e);
        buf_reset(&line);
        return;
    }
    for (size_t i = 0; i + 1 < line.len; i++)
        if ((unsigned char)line.data[i] < 0x20 || line.data[i] == 0x7f) line.data[i] = '?';
    ssize_t n = write(STDERR_FILENO, line.data, line.len);
    (void)n; /* a log that cannot be written must not stop the answer */
    buf_reset(&line);
}

static enum MHD_Result send_response(struct MHD_Connection *c, http_req *rq, http_resp *rs,
                                     int64_t start_ms)
{
    size_t len = rs->body.len;
    struct MHD_Response *r = NULL;
    if (rs->file_fd >= 0) { /* the response owns the descriptor from here on */
        len = (size_t)rs->file_size;
        r = MHD_create_response_from_fd64(rs->file_size, rs->file_fd);
        if (!r) close(rs->file_fd);
        rs->file_fd = -1;
        if (!r) return MHD_NO;
    } else {
        char *data = buf_detach(&rs->body);
        r = MHD_create_response_from_buffer(len, data ? data : (char *)"",
                                            data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    }
    MHD_add_response_header(r, "Content-Type", rs->content_type);
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "same-origin");
    bool cache_set = false;
    for (int i = 0; i < rs->nheaders; i++) {
        MHD_add_response_header(r, rs->hname[i], rs->hval[i]);
        if (strcasecmp(rs->hname[i], "Cache-Control") == 0) cache_set = true;
    }
    if (!cache_set) MHD_add_response_header(r, "Cache-Control", "no-store");
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)rs->status, r);
    MHD_destroy_response(r);
    access_log(rq->remote, rq->method, rq->path, rs->status, len, start_ms, rq->user);
    return ok;
}

/* ---------------------------------------------------------------- the one-time sign-in link */

bool http_once_token_take(const char *token)
{
    bool ok = false;
    pthread_mutex_lock(&srv.lock);
    size_t n = strlen(srv.once_token);
    if (n && token && strlen(token) == n && sodium_memcmp(token, srv.once_token, n) == 0) {
        ok = true;
        sodium_memzero(srv.once_token, sizeof srv.once_token);
    }
    pthread_mutex_unlock(&srv.lock);
    return ok;
}

bool http_secure_cookies(void)
{
    return srv.o.tls_proxy;
}

int http_session_hours(void)
{
    return srv.o.session_hours;
}

/* ---------------------------------------------------------------- the handler */

static void resp_init(http_resp *rs)
{
    memset(rs, 0, sizeof *rs);
    rs->status = 200;
    rs->content_type = "text/html; charset=utf-8";
    buf_init(&rs->body, (size_t)16 << 20);
    rs->file_fd = -1;
}

static void resp_reset(http_resp *rs)
{
    buf_reset(&rs->body);
    if (rs->file_fd >= 0) close(rs->file_fd);
    rs->file_fd = -1;
    for (int i = 0; i < rs->nheaders; i++) {
        free(rs->hname[i]);
        free(rs->hval[i]);
    }
}

/* A handler's error as the answer should carry it. RD_TOO_LARGE is the request's fault (413)
 * only when it names what was sent (a field of the body); without a field it comes from a
 * buffer that outgrew its cap while the response was built, which is the server's fault: 500,
 * and the reason goes to the log, since the client is told only that it failed. */
static rd_err *response_error(const http_req *rq, rd_err *e)
{
    if (e && e->code == RD_TOO_LARGE && !e->field) {
        rd_err *why =
            rd_error_at(RD_IO, "response", "response: too large to send; the server log says why");
        fprintf(stderr, "redress serve: %s %s: response not sent: %s\n", rq->method, rq->path,
                e->msg);
        rd_err_free(e);
        return why;
    }
    if (e && rd_err_http_status(e) >= 500)
        fprintf(stderr, "redress serve: %s %s: %s\n", rq->method, rq->path, e->msg);
    return e;
}

/* Runs the checks and the route's handler; fills rs, never fails (errors become responses). */
static void handle(http_req *rq, http_resp *rs, req_state *st, desk_principal *who)
{
    rd_err *e = NULL;
    rd_desk desk = {NULL, "web"};
    rq->desk = &desk;
    bool path_known = false;
    if (!host_allowed(http_header(rq, "Host"))) {
        e = rd_error(RD_FORBIDDEN, "host: this server does not answer to that name");
        goto out;
    }
    if (st->too_large) {
        e = rd_error(RD_TOO_LARGE, "body: larger than the %zu byte limit", st->cap);
        goto out;
    }
    rq->route = http_route_find(rq->method, rq->path, rq, &path_known);
    if (!rq->route) {
        e = path_known ? rd_error(RD_USAGE, "method: %s is not allowed here", rq->method)
                       : rd_error(RD_NOT_FOUND, "path: no such page");
        if (path_known) rs->status = 405;
        goto out;
    }
    if (json_object_get(rq->query, "\x01invalid")) {
        e = rd_error(RD_USAGE, "query: not valid UTF-8");
        goto out;
    }
    e = http_parse_body(rq, http_header(rq, "Content-Type"), st->body.data ? st->body.data : "",
                        st->body.len);
    if (!e) e = thread_desk(&desk);
    if (e) goto out;
    e = authenticate(rq, who);
    if (!e && rq->route->auth == HTTP_USER && !rq->user) {
        if (!is_api(rq->path) && safe_method(rq->method)) {
            http_redirect(rs, "/signin");
            goto out;
        }
        e = rd_error(RD_UNAUTHORIZED, "session: sign in first (or send a bearer token)");
    }
    if (!e) e = csrf_check(rq);
    if (!e) e = response_error(rq, rq->route->handler(rq, rs));
out:
    if (e) {
        int status = rs->status == 405 ? 405 : 0;
        render_error(rq, rs, e);
        if (status) rs->status = status;
        rd_err_free(e);
    }
    rq->desk = NULL; /* the desk lived on this stack frame */
}

/* The body a request may send: the server's cap, or room for one attachment when a signed-in
 * user posts to an upload route — known from the headers, before a byte of the body is read,
 * so nobody who is not signed in can make the server hold more than the usual cap. */
static size_t body_cap(struct MHD_Connection *c, const char *method, const char *url)
{
    size_t big = DESK_MAX_ATTACHMENT + ((size_t)64 << 10); /* the file and the form around it */
    if (srv.o.body_max >= big || strcmp(method, "POST") != 0 || !http_route_uploads(url))
        return srv.o.body_max;
    http_req rq;
    memset(&rq, 0, sizeof rq);
    rq.conn = c;
    rd_desk desk = {NULL, "web"};
    desk_principal who;
    memset(&who, 0, sizeof who);
    rd_err *e = thread_desk(&desk);
    rq.desk = &desk;
    if (!e) e = authenticate(&rq, &who);
    bool user = !e && rq.user;
    rd_err_free(e);
    return user ? big : srv.o.body_max;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)version;
    req_state *st = *con_cls;
    if (!st) {
        st = xcalloc(1, sizeof *st);
        st->cap = body_cap(c, method, url);
        buf_init(&st->body, st->cap);
        st->start_ms = now_ms();
        *con_cls = st;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > st->cap) {
            /* refuse before reading a byte of it */
            st->too_large = true;
        } else {
            return MHD_YES;
        }
    } else if (*upload_size) {
        if (!st->too_large) {
            rd_err *e = buf_add(&st->body, upload, *upload_size);
            if (e) {
                st->too_large = true;
                rd_err_free(e);
                buf_reset(&st->body);
            }
        }
        if (st->too_large) {
            st->discarded += *upload_size;
            if (st->discarded > 4 * st->cap) return MHD_NO; /* close on it */
        }
        *upload_size = 0;
        return MHD_YES;
    }
    /* the whole request is here: no slow-client deadline while we answer */
    set_deadline(c, 0);
    char remote[64];
    client_address(c, remote, sizeof remote);
    http_req rq;
    memset(&rq, 0, sizeof rq);
    rq.method = method;
    rq.path = url;
    rq.conn = c;
    rq.remote = remote;
    rq.secure = srv.o.tls_proxy;
    rq.query = json_object();
    rq.form = json_object();
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, rq.query);
    http_resp rs;
    resp_init(&rs);
    desk_principal who; /* outlives handle(): the access log names the user */
    memset(&who, 0, sizeof who);
    __atomic_add_fetch(&srv.inflight, 1, __ATOMIC_SEQ_CST);
    handle(&rq, &rs, st, &who);
    if (strcmp(method, "HEAD") == 0) buf_reset(&rs.body);
    enum MHD_Result ok = send_response(c, &rq, &rs, st->start_ms);
    __atomic_sub_fetch(&srv.inflight, 1, __ATOMIC_SEQ_CST);
    resp_reset(&rs);
    json_decref(rq.query);
    json_decref(rq.form);
    json_decref(rq.json);
    return ok;
}

/* ---------------------------------------------------------------- start and stop */

static void on_signal(int sig)
{
    (void)sig;
    srv.stop = 1;
}

static rd_err *parse_listen(const char *listen, struct sockaddr_in *sa)
{
    const char *colon = strrchr(listen, ':');
    if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof srv.listen_host)
        return rd_error(RD_USAGE, "listen: '%s' is not ADDR:PORT", listen);
    int64_t port;
    rd_err *e = parse_int("listen", colon + 1, 0, 65535, &port);
    if (e) return e;
    memcpy(srv.listen_host, listen, (size_t)(colon - listen));
    srv.listen_host[colon - listen] = '\0';
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    if (strcmp(srv.listen_host, "localhost") == 0) {
        sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    } else if (inet_pton(AF_INET, srv.listen_host, &sa->sin_addr) != 1) {
        return rd_error(RD_USAGE, "listen: '%s' is not an IPv4 address", srv.listen_host);
    }
    srv.port = (int)port;
    return NULL;
}

/* The Host values this server answers to: the listening address and port, the loopback names
 * when listening on loopback or everywhere, and the names given with --host. */
static void build_hosts(void)
{
    size_t n = 0;
    for (const char *const *h = srv.o.hosts; h && *h; h++)
        n++;
    srv.hosts = xcalloc(n + 8, sizeof *srv.hosts);
    size_t k = 0;
    srv.hosts[k++] = xasprintf("%s:%d", srv.listen_host, srv.port);
    if (strcmp(srv.listen_host, "127.0.0.1") == 0 || strcmp(srv.listen_host, "0.0.0.0") == 0 ||
        strcmp(srv.listen_host, "localhost") == 0) {
        srv.hosts[k++] = xasprintf("127.0.0.1:%d", srv.port);
        srv.hosts[k++] = xasprintf("localhost:%d", srv.port);
    }
    for (const char *const *h = srv.o.hosts; h && *h; h++)
        srv.hosts[k++] = xstrdup(*h);
    srv.hosts[k] = NULL;
}

static void free_hosts(void)
{
    for (char **h = srv.hosts; h && *h; h++)
        free(*h);
    free(srv.hosts);
    srv.hosts = NULL;
}

static rd_err *signin_banner(void)
{
    rd_desk d;
    rd_err *e = desk_open_again(&d, srv.o.db_path, "serve");
    int64_t users = 0;
    if (!e) e = desk_user_count(&d, &users);
    desk_close(&d);
    if (e) return e;
    printf("redress serves %s on http://%s:%d/\n", srv.o.db_path, srv.listen_host, srv.port);
    if (users == 0 || srv.o.signin_link) {
        unsigned char raw[24];
        randombytes_buf(raw, sizeof raw);
        sodium_bin2base64(srv.once_token, sizeof srv.once_token, raw, sizeof raw,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        printf("sign in once (this link works one time): http://%s:%d/signin/once/%s\n",
               srv.listen_host, srv.port, srv.once_token);
        if (users == 0)
            printf("no user yet: add one with `redress user add NAME` to sign in with a "
                   "password\n");
    }
    fflush(stdout);
    return NULL;
}

rd_err *http_serve(const http_options *opts)
{
    srv.o = *opts;
    if (!srv.o.listen) srv.o.listen = "127.0.0.1:8080";
    if (srv.o.threads <= 0) srv.o.threads = 4;
    if (!srv.o.body_max) srv.o.body_max = (size_t)1 << 20;
    if (srv.o.max_connections <= 0) srv.o.max_connections = 512;
    if (srv.o.request_timeout <= 0) srv.o.request_timeout = 10;
    if (srv.o.idle_timeout <= 0) srv.o.idle_timeout = 30;
    if (srv.o.session_hours <= 0) srv.o.session_hours = 12;
    if (sodium_init() < 0) return rd_error(RD_IO, "libsodium: cannot initialise");
    struct sockaddr_in sa;
    rd_err *e = parse_listen(srv.o.listen, &sa);
    if (e) return e;
    srv.stop = 0;
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = on_signal;
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    signal(SIGPIPE, SIG_IGN);
    srv.daemon = MHD_start_daemon(
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC, 0, NULL, NULL, answer, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)srv.o.threads, MHD_OPTION_CONNECTION_LIMIT, (unsigned)srv.o.max_connections,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)srv.o.idle_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32 * 1024, MHD_OPTION_LISTEN_BACKLOG_SIZE,
        (unsigned)1024, MHD_OPTION_NOTIFY_COMPLETED, request_completed, NULL,
        MHD_OPTION_NOTIFY_CONNECTION, notify_connection, NULL, MHD_OPTION_END);
    if (!srv.daemon) return rd_error(RD_IO, "listen: cannot listen on %s (in use?)", srv.o.listen);
    /* port 0 asks the system for a free one (tests): the Host check needs the real one */
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv.daemon, MHD_DAEMON_INFO_BIND_PORT);
    if (di && di->port) srv.port = di->port;
    build_hosts();
    e = signin_banner();
    if (e) {
        MHD_stop_daemon(srv.daemon);
        free_hosts();
        return e;
    }
    pthread_t dog;
    pthread_create(&dog, NULL, watchdog, NULL);
    while (!srv.stop)
        usleep(100000); /* a signal ends the sleep early; stop is checked each time */
    /* stop accepting, let requests in flight finish (up to the request timeout), then stop */
    fprintf(stderr, "redress serve: stopping\n");
    MHD_quiesce_daemon(srv.daemon);
    for (int i = 0;
         i < srv.o.request_timeout * 10 && __atomic_load_n(&srv.inflight, __ATOMIC_SEQ_CST) > 0;
         i++)
        usleep(100000);
    MHD_stop_daemon(srv.daemon);
    srv.daemon = NULL;
    pthread_join(dog, NULL);
    pthread_mutex_lock(&srv.lock);
    while (srv.stores) {
        store_slot *s = srv.stores;
        srv.stores = s->next;
        desk_close(&s->desk);
        free(s);
    }
    pthread_mutex_unlock(&srv.lock);
    free_hosts();
    fprintf(stderr, "redress serve: stopped\n");
    return NULL;
}

const char *http_lib_version(void)
{
    return MHD_get_version();
}
