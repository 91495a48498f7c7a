/* desk_seal.c — what keeps the record honest in front of a mediator: the signing key outside
 * the database ($XDG_CONFIG_HOME/redress/signing.key, 0600), verify with what it can and cannot
 * prove, and erasing a client's personal data on request without breaking any chain. */
#include "desk/desk.h"
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEY_TAG "redress-ed25519-secret "

rd_err *desk_key_path(char **out)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && *xdg)
        *out = xasprintf("%s/redress/signing.key", xdg);
    else if (home && *home)
        *out = xasprintf("%s/.config/redress/signing.key", home);
    else
        return rd_error(RD_USAGE, "key: no folder for it (set XDG_CONFIG_HOME or HOME)");
    return NULL;
}

/* Creates each missing folder of path's directory, mode 0700. */
static int make_parents(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST) return -1;
    }
    return 0;
}

rd_err *desk_key_init(char **path, char pk_hex[2 * DESK_KEY_BYTES + 1])
{
    rd_err *e = desk_key_path(path);
    if (e) return e;
    if (sodium_init() < 0) return rd_error(RD_IO, "key: libsodium could not start");
    if (make_parents(*path) != 0)
        return rd_error(RD_IO, "key: folder for %s: %s", *path, strerror(errno));
    int fd = open(*path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno == EEXIST)
        return rd_error(RD_CONFLICT,
                        "key: %s already exists; a new key would leave the old signatures"
                        " without their key (move it away first to replace it)",
                        *path);
    if (fd < 0) return rd_error(RD_IO, "key: %s: %s", *path, strerror(errno));
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    char line[sizeof KEY_TAG + 2 * sizeof sk + 2];
    memcpy(line, KEY_TAG, sizeof KEY_TAG - 1);
    sodium_bin2hex(line + sizeof KEY_TAG - 1, 2 * sizeof sk + 1, sk, sizeof sk);
    size_t n = strlen(line);
    line[n++] = '\n';
    bool ok = fchmod(fd, 0600) == 0 && write(fd, line, n) == (ssize_t)n && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(line, sizeof line);
    if (!ok) {
        e = rd_error(RD_IO, "key: writing %s: %s", *path, strerror(errno));
        unlink(*path);
        return e;
    }
    sodium_bin2hex(pk_hex, 2 * DESK_KEY_BYTES + 1, pk, sizeof pk);
    return NULL;
}

rd_err *desk_key_load(rd_desk *d)
{
    if (!d->st) return NULL; /* a command without a desk signs nothing */
    char *path = NULL;
    rd_err *e = desk_key_path(&path);
    if (e) {
        rd_err_free(e); /* no home, no key: the desk works unsigned */
        return NULL;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        /* none, or another user's: this user writes unsigned, and verify says so */
        e = errno == ENOENT || errno == EACCES
                ? NULL
                : rd_error(RD_IO, "key: %s: %s", path, strerror(errno));
        free(path);
        return e;
    }
    struct stat sb;
    char buf[256];
    ssize_t n = fstat(fd, &sb) == 0 ? read(fd, buf, sizeof buf - 1) : -1;
    close(fd);
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    size_t bin = 0;
    if (n >= 0 && (sb.st_mode & 077))
        e = rd_error(RD_INVALID, "key: %s can be read by others; chmod 600 it", path);
    else if (n < (ssize_t)sizeof KEY_TAG || memcmp(buf, KEY_TAG, sizeof KEY_TAG - 1) != 0 ||
             sodium_hex2bin(sk, sizeof sk, buf + sizeof KEY_TAG - 1,
                            (size_t)n - (sizeof KEY_TAG - 1), "\n", &bin, NULL) != 0 ||
             bin != sizeof sk || crypto_sign_ed25519_sk_to_pk(pk, sk) != 0 ||
             memcmp(pk, sk + 32, sizeof pk) != 0)
        e = rd_error(RD_INVALID, "key: %s is not a redress signing key", path);
    sodium_memzero(buf, sizeof buf);
    if (!e) store_set_signer(d->st, sk);
    sodium_memzero(sk, sizeof sk);
    free(path);
    return e;
}

rd_err *desk_verify(rd_desk *d, desk_verify_report *r)
{
    return desk_verify_with(d, NULL, r);
}

/* The store's report in the desk's shape, field by field: the two may grow apart. */
static void report_copy(desk_verify_report *r, const rd_verify_report *v)
{
    _Static_assert(sizeof r->line == sizeof v->line && sizeof r->state == sizeof v->state &&
                       sizeof r->signer == sizeof v->signer,
                   "verify report text sizes");
    *r =
        (desk_verify_report){.log_entries = v->log_entries,
                             .audit_entries = v->audit_entries,
                             .tables = v->tables,
                             .legacy_log = v->legacy_log,
                             .legacy_audit = v->legacy_audit,
                             .signed_by = v->signed_by == SIGNED_THIS_KEY    ? DESK_SIGNED_THIS_KEY
                                          : v->signed_by == SIGNED_OTHER_KEY ? DESK_SIGNED_OTHER_KEY
                                                                             : DESK_SIGNED_NONE,
                             .newest_signed = v->newest_signed,
                             .unsigned_after = v->unsigned_after,
                             .signatures_checked = v->signatures_checked,
                             .erased_log = v->erased_log,
                             .erased_audit = v->erased_audit,
                             .against_checked = v->against_checked};
    memcpy(r->log_head, v->log_head, sizeof r->log_head);
    memcpy(r->audit_head, v->audit_head, sizeof r->audit_head);
    memcpy(r->state, v->state, sizeof r->state);
    memcpy(r->signer, v->signer, sizeof r->signer);
    memcpy(r->line, v->line, sizeof r->line);
}

rd_err *desk_verify_with(rd_desk *d, const desk_verify_opts *o, desk_verify_report *r)
{
    _Static_assert(DESK_KEY_BYTES == STORE_KEY_BYTES, "one key size");
    rd_verify_opts so = {.pk = store_signer(d->st)};
    if (o) {
        so.against = o->against;
        so.all_signatures = o->all_signatures;
        so.progress = o->progress;
        so.ctx = o->ctx;
    }
    rd_verify_report v;
    memset(&v, 0, sizeof v);
    rd_err *e = store_verify(d->st, &so, &v);
    report_copy(r, &v);
    return e;
}

rd_err *desk_client_erase(rd_desk *d, int64_t id, const char *reason, json_t **out)
{
    if (text_blank(reason)) return rd_error(RD_INVALID, "reason: is required");
    rd_err *e = text_check("reason", reason, DESK_MAX_FIELD, false);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    if ((e = store_begin(d->st))) return e;
    json_t *row = NULL, *counts = NULL;
    e = store_client_get(d->st, id, &row);
    if (!e && desk_js(row, "erased_at"))
        e = rd_error(RD_CONFLICT, "client: %lld was already erased on %s", (long long)id,
                     desk_js(row, "erased_at"));
    json_decref(row);
    if (!e) e = store_client_erase(d->st, id, now, &counts);
    if (!e) {
        json_t *detail = json_pack("{s:s, s:O}", "reason", reason, "erased", counts);
        e = desk_audit(d, "client.erase", "clients", id, detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
    if (!e)
        *out = json_pack("{s:I, s:s, s:O}", "client", (json_int_t)id, "erased_at", now, "erased",
                         counts);
    json_decref(counts);
    return e;
}
