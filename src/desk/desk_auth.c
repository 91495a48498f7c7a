/* desk_auth.c — accounts, sign-in sessions and API bearer tokens for the web desk and the JSON
 * API: argon2id password hashes, 256-bit random session ids and tokens kept only as BLAKE2b
 * hashes, and sign-in throttling per account and per address. */
#include "desk/desk.h"
#include "store/store.h"

#include <assert.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THROTTLE_WINDOW  (15 * 60)          /* seconds failures are counted over */
#define THROTTLE_ACCOUNT 5                  /* failures per account in the window */
#define THROTTLE_ADDRESS 20                 /* failures per address in the window */
#define PWHASH_OPS       2                  /* argon2id passes */
#define PWHASH_MEM       ((size_t)19 << 20) /* argon2id memory: 19 MiB */

/* argon2id takes PWHASH_MEM while it runs: one at a time keeps a burst of sign-ins from taking
 * the server's memory with it. */
static pthread_mutex_t pwhash_lock = PTHREAD_MUTEX_INITIALIZER;

static rd_err *sodium_ready(void)
{
    return sodium_init() < 0 ? rd_error(RD_IO, "libsodium: cannot initialise") : NULL;
}

static void time_plus(int64_t seconds, rd_timestr out)
{
    time_iso(time_now() + seconds, out);
}

static rd_err *check_name(const char *field, const char *name)
{
    if (text_blank(name)) return rd_error(RD_INVALID, "%s: is required", field);
    size_t n = strlen(name);
    if (n > 64) return rd_error(RD_INVALID, "%s: longer than 64 characters", field);
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return rd_error(RD_INVALID, "%s: use letters, digits, '.', '_' or '-' only", field);
    }
    return NULL;
}

/* Is name (or address) past the failed-password throttle? Sets *over. */
static rd_err *throttled(rd_desk *d, const char *name, const char *address, bool *over)
{
    rd_timestr since;
    time_plus(-THROTTLE_WINDOW, since);
    int64_t by_account = 0, by_address = 0;
    rd_err *e = store_signin_failures(d->st, name, address, since, &by_account, &by_address);
    *over = !e && (by_account >= THROTTLE_ACCOUNT || by_address >= THROTTLE_ADDRESS);
    return e;
}

/* Counts one wrong password for name from address (and forgets those a day old). */
static rd_err *failure_add(rd_desk *d, const char *name, const char *address)
{
    rd_timestr now, forget;
    desk_now(now);
    time_plus(-86400, forget);
    return store_signin_failure_add(d->st, name, address, now, forget);
}

/* Checks a new password and hashes it into hash (crypto_pwhash_STRBYTES). */
static rd_err *hash_password(const char *field, const char *password, char *hash)
{
    if (!password || strlen(password) < DESK_PASSWORD_MIN)
        return rd_error_at(RD_INVALID, field, "%s: at least %d characters", field,
                           DESK_PASSWORD_MIN);
    if (strlen(password) > 1024)
        return rd_error_at(RD_INVALID, field, "%s: longer than 1024 characters", field);
    pthread_mutex_lock(&pwhash_lock);
    int rc = crypto_pwhash_str(hash, password, strlen(password), PWHASH_OPS, PWHASH_MEM);
    pthread_mutex_unlock(&pwhash_lock);
    return rc ? rd_error_at(RD_IO, field, "%s: hashing ran out of memory", field) : NULL;
}

/* Does password open hash? (argon2id, one at a time) */
static bool password_opens(const char *hash, const char *password)
{
    pthread_mutex_lock(&pwhash_lock);
    int bad = hash ? crypto_pwhash_str_verify(hash, password, strlen(password)) : -1;
    pthread_mutex_unlock(&pwhash_lock);
    return bad == 0;
}

rd_err *desk_user_add(rd_desk *d, const char *name, const char *password, int64_t *id)
{
    rd_err *e = check_name("name", name);
    if (!e) e = sodium_ready();
    char hash[crypto_pwhash_STRBYTES] = "";
    if (!e && password) e = hash_password("password", password, hash);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *row = NULL;
    e = store_begin(d->st);
    if (!e) e = store_user_find(d->st, name, &row);
    if (!e && row && desk_js(row, "removed_at")) { /* someone who left, back again */
        *id = desk_ji(row, "id");
        e = store_user_password(d->st, *id, password ? hash : NULL);
    } else if (!e) {
        e = store_user_insert(d->st, name, password ? hash : NULL, now, id);
    }
    json_decref(row);
    if (!e) e = desk_audit(d, "user.add", "users", *id, NULL);
    return store_end(d->st, e);
}

rd_err *desk_user_list(rd_desk *d, rd_page *page, json_t **out)
{
    rd_timestr now;
    desk_now(now);
    return store_user_list(d->st, now, page, out);
}

rd_err *desk_user_get(rd_desk *d, int64_t id, json_t **out)
{
    rd_err *e = store_user_get(d->st, id, out);
    if (!e && !*out) e = rd_error(RD_NOT_FOUND, "user: no user %lld", (long long)id);
    return e;
}

/* The user called name who may sign in, as {id, name, pass_hash, removed_at}; caller's. */
static rd_err *active_user(rd_desk *d, const char *name, json_t **row)
{
    rd_err *e = check_name("name", name);
    if (!e) e = store_user_find(d->st, name, row);
    if (!e && (!*row || desk_js(*row, "removed_at")))
        e = rd_error(RD_NOT_FOUND, "name: no user called '%s' may sign in", name);
    if (e) {
        json_decref(*row);
        *row = NULL;
    }
    return e;
}

rd_err *desk_user_password(rd_desk *d, const char *name, const char *current, const char *password,
                           const char *address)
{
    json_t *row = NULL;
    rd_err *e = sodium_ready();
    if (!e) e = active_user(d, name, &row);
    char hash[crypto_pwhash_STRBYTES];
    if (!e) e = hash_password("password", password, hash);
    if (!e && current) {
        /* asked from a session: the same throttle as signing in, so a borrowed browser cannot
         * guess the password through this form */
        bool over = false;
        e = throttled(d, name, address, &over);
        if (!e && over)
            e = rd_error(RD_THROTTLED, "current: too many wrong passwords; try again in %d minutes",
                         THROTTLE_WINDOW / 60);
        if (!e && !password_opens(desk_js(row, "pass_hash"), current)) {
            e = failure_add(d, name, address);
            if (!e) e = rd_error(RD_INVALID, "current: not your current password");
        }
    }
    if (!e) e = store_begin(d->st);
    if (!e) {
        e = store_user_password(d->st, desk_ji(row, "id"), hash);
        if (!e) e = desk_audit(d, "user.password", "users", desk_ji(row, "id"), NULL);
        e = store_end(d->st, e);
    }
    sodium_memzero(hash, sizeof hash);
    json_decref(row);
    return e;
}

rd_err *desk_user_remove(rd_desk *d, const char *name, int64_t self)
{
    json_t *row = NULL;
    rd_err *e = active_user(d, name, &row);
    int64_t id = row ? desk_ji(row, "id") : 0, left = 0;
    json_decref(row);
    if (!e && id == self)
        e = rd_error(RD_INVALID, "name: you cannot remove yourself; another user can");
    if (!e) e = store_begin(d->st);
    if (e) return e;
    e = store_user_count(d->st, &left);
    if (!e && left <= 1)
        e = rd_error(RD_CONFLICT, "name: '%s' is the last user who may sign in; add another first",
                     name);
    rd_timestr now;
    desk_now(now);
    if (!e) e = store_user_remove(d->st, id, now);
    if (!e) e = desk_audit(d, "user.remove", "users", id, NULL);
    return store_end(d->st, e);
}

rd_err *desk_user_count(rd_desk *d, int64_t *n)
{
    return store_user_count(d->st, n);
}

rd_err *desk_user_ensure(rd_desk *d, const char *name, int64_t *user_id)
{
    json_t *row = NULL;
    rd_err *e = store_user_find(d->st, name, &row);
    if (!e && row) *user_id = desk_ji(row, "id");
    if (!e && !row) e = desk_user_add(d, name, NULL, user_id);
    json_decref(row);
    return e;
}

rd_err *desk_signin(rd_desk *d, const char *name, const char *password, const char *address,
                    int64_t *user_id)
{
    if (text_blank(name)) return rd_error(RD_INVALID, "name: is required");
    if (text_blank(password)) return rd_error(RD_INVALID, "password: is required");
    if (strlen(name) > 64 || strlen(password) > 1024)
        return rd_error(RD_UNAUTHORIZED, "password: wrong name or password");
    rd_err *e = sodium_ready();
    if (e) return e;
    bool over = false;
    e = throttled(d, name, address, &over);
    if (e) return e;
    if (over)
        return rd_error(RD_THROTTLED, "name: too many failed sign-ins; try again in %d minutes",
                        THROTTLE_WINDOW / 60);
    json_t *row = NULL;
    e = store_user_find(d->st, name, &row);
    if (e) return e;
    bool bad = !password_opens(row ? desk_js(row, "pass_hash") : NULL, password);
    int64_t uid = row ? desk_ji(row, "id") : 0;
    json_decref(row);
    e = store_begin(d->st);
    if (!e && bad) e = failure_add(d, name, address);
    if (!e && !bad) e = store_signin_failures_clear(d->st, name);
    e = store_end(d->st, e);
    if (e) return e;
    if (bad) return rd_error(RD_UNAUTHORIZED, "password: wrong name or password");
    *user_id = uid;
    return NULL;
}

rd_err *desk_session_new(rd_desk *d, int64_t user_id, int hours, char *sid, char *csrf)
{
    rd_err *e = sodium_ready();
    if (e) return e;
    secret_new("", sid);
    secret_new("", csrf);
    char hash[65];
    secret_hash(sid, hash);
    rd_timestr now, expires;
    desk_now(now);
    time_plus((int64_t)hours * 3600, expires);
    e = store_begin(d->st);
    if (!e) e = store_session_insert(d->st, hash, user_id, csrf, now, expires);
    if (!e) e = desk_audit(d, "user.signin", "users", user_id, NULL);
    return store_end(d->st, e);
}

rd_err *desk_session_check(rd_desk *d, const char *sid, desk_principal *who)
{
    char hash[65];
    secret_hash(sid, hash);
    rd_timestr now;
    desk_now(now);
    json_t *row = NULL;
    rd_err *e = store_session_find(d->st, hash, now, &row);
    if (!e && !row) e = rd_error(RD_UNAUTHORIZED, "session: expired or signed out");
    if (!e) {
        who->user_id = desk_ji(row, "user_id");
        snprintf(who->name, sizeof who->name, "%s", desk_js(row, "name"));
        snprintf(who->csrf, sizeof who->csrf, "%s", desk_js(row, "csrf"));
    }
    json_decref(row);
    return e;
}

rd_err *desk_session_end(rd_desk *d, const char *sid)
{
    char hash[65];
    secret_hash(sid, hash);
    rd_timestr now;
    desk_now(now);
    rd_err *e = store_begin(d->st);
    if (!e) e = store_session_delete(d->st, hash, now);
    return store_end(d->st, e);
}

rd_err *desk_token_create(rd_desk *d, const char *name, char **secret, int64_t *id)
{
    rd_err *e = check_name("name", name);
    if (!e) e = sodium_ready();
    if (e) return e;
    char token[DESK_SECRET_MAX], hash[65];
    secret_new("rdt_", token);
    secret_hash(token, hash);
    rd_timestr now;
    desk_now(now);
    e = store_begin(d->st);
    if (!e) e = store_token_insert(d->st, name, hash, now, id);
    if (!e) e = desk_audit(d, "token.create", "api_tokens", *id, NULL);
    e = store_end(d->st, e);
    if (!e) *secret = xstrdup(token);
    sodium_memzero(token, sizeof token);
    return e;
}

rd_err *desk_token_list(rd_desk *d, rd_page *page, json_t **out)
{
    return store_token_list(d->st, page, out);
}

rd_err *desk_token_revoke(rd_desk *d, int64_t id)
{
    rd_timestr now;
    desk_now(now);
    rd_err *e = store_begin(d->st);
    if (!e) e = store_token_revoke(d->st, id, now);
    if (!e) e = desk_audit(d, "token.revoke", "api_tokens", id, NULL);
    return store_end(d->st, e);
}

rd_err *desk_token_check(rd_desk *d, const char *secret, desk_principal *who)
{
    char hash[65];
    secret_hash(secret, hash);
    json_t *row = NULL;
    rd_err *e = store_token_find(d->st, hash, &row);
    if (!e && !row) e = rd_error(RD_UNAUTHORIZED, "token: unknown or revoked");
    if (!e) {
        who->user_id = 0;
        snprintf(who->name, sizeof who->name, "token:%s", desk_js(row, "name"));
        who->csrf[0] = '\0';
    }
    json_decref(row);
    return e;
}

rd_err *desk_user_confirm(rd_desk *d, const char *name, const char *password, const char *address)
{
    assert(d && name);
    if (text_blank(password))
        return rd_error(RD_INVALID, "password: type your password to confirm");
    int64_t uid = 0;
    rd_err *e = desk_signin(d, name, password, address, &uid);
    if (!e) return NULL;
    rd_err *why = e->code == RD_UNAUTHORIZED
                      ? rd_error(RD_UNAUTHORIZED, "password: that is not your password")
                  : e->code == RD_THROTTLED
                      ? rd_error(RD_THROTTLED,
                                 "password: too many wrong passwords; try again "
                                 "in %d minutes",
                                 THROTTLE_WINDOW / 60)
                      : NULL;
    if (!why) return e;
    rd_err_free(e);
    return why;
}
