/* cli_seal.c — `redress verify`, `redress key init` and `redress client erase`: checking that
 * nothing in the desk was changed outside redress, the signing key that proves who wrote it,
 * and forgetting a client on request without breaking the seal. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Progress on a terminal for long runs: a line on stderr, rewritten at most 4 times a second,
 * starting after the first second. */
typedef struct progress_state {
    struct timespec start, last; /* when verify began; when the line was last written */
    bool shown;                  /* the line is on the screen */
} progress_state;

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress(void *ctx, int64_t done, int64_t total)
{
    progress_state *p = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (since(&p->start, &now) < 1.0 || (p->shown && since(&p->last, &now) < 0.25)) return;
    fprintf(stderr, "\rverify: %lld of %lld entries", (long long)done, (long long)total);
    fflush(stderr);
    p->last = now;
    p->shown = true;
}

/* What the signatures prove, in one sentence; NULL when there is nothing to say. */
static const char *signature_note(const desk_verify_report *r, bool has_key, char *buf, size_t n)
{
    if (!r->newest_signed) {
        snprintf(buf, n,
                 "not signed: %s; someone holding this file could rewrite every entry and its"
                 " hashes, so keep the last line",
                 has_key ? "no entry carries a signature yet" : "no key (redress key init)");
    } else if (r->signed_by == DESK_SIGNED_THIS_KEY) {
        snprintf(buf, n,
                 "signed: audit entry %lld is signed by this machine's key %s, and"
                 " through the chain vouches for every entry before it",
                 (long long)r->newest_signed, r->signer);
    } else {
        snprintf(buf, n,
                 "signed by key %s, which %s: the signature checks, but that the key was yours"
                 " can no longer be proven here",
                 r->signer, has_key ? "is not this machine's key" : "this machine does not have");
    }
    size_t used = strlen(buf);
    if (r->newest_signed && r->unsigned_after)
        snprintf(buf + used, n - used,
                 "\nunsigned: the newest %lld audit entries carry no signature (written without"
                 " the key): only the kept line can prove them",
                 (long long)r->unsigned_after);
    return buf;
}

/* verify --bundle: the folder alone, with or without a desk here. */
static rd_err *verify_bundle(cli_ctx *c)
{
    if (cli_get(c, "against") || cli_flag(c, "all-signatures"))
        return rd_error(RD_USAGE, "--bundle: checks a bundle alone; --against and"
                                  " --all-signatures are for the desk");
    json_t *r = NULL;
    rd_err *e = desk_bundle_verify(&c->desk, cli_get(c, "bundle"), cli_get(c, "key"), &r);
    if (e) return e;
    if (c->json) {
        cli_print_json(r);
        json_decref(r);
        return NULL;
    }
    printf("ok: bundle of case %lld, exported %s: %lld files match MANIFEST\n",
           (long long)ji(r, "case"), js(r, "exported_at"), (long long)ji(r, "files"));
    printf("chain: %lld log entries recomputed and linked (%lld of them the case's), ending in"
           " the head audit entry %lld records\n",
           (long long)ji(r, "log_entries"), (long long)ji(r, "case_entries"),
           (long long)ji(r, "audit_entry"));
    if (js(r, "signer"))
        printf("signed: by the Ed25519 key %s%s\n", js(r, "signer"),
               json_is_true(json_object_get(r, "this_key")) ? " (this desk's key)"
                                                            : "; ask its owner to confirm it");
    else
        printf("unsigned: the bundle is whole and consistent, but without a signing key it"
               " does not prove who made it (`redress key init` before exporting signs it)\n");
    json_t *here = json_object_get(r, "this_desk");
    if (json_is_true(here))
        printf("desk: this desk's audit trail holds the head (audit entry %lld)\n",
               (long long)ji(r, "audit_entry"));
    else if (json_is_false(here))
        printf("desk: this desk's audit trail does not hold the head (another desk's bundle,"
               " or this desk's trail was rewritten)\n");
    printf("head: %s\n", js(r, "head"));
    json_decref(r);
    return NULL;
}

static rd_err *verify(cli_ctx *c)
{
    if (cli_get(c, "bundle")) return verify_bundle(c);
    if (cli_get(c, "key")) return rd_error(RD_USAGE, "--key: goes with --bundle DIR");
    if (!c->desk.st)
        return rd_error(RD_USAGE, "no database at %s: run `redress init` first", c->db_path);
    progress_state ps = {0};
    clock_gettime(CLOCK_MONOTONIC, &ps.start);
    desk_verify_opts o = {.against = cli_get(c, "against"),
                          .all_signatures = cli_flag(c, "all-signatures"),
                          .progress = isatty(STDERR_FILENO) ? progress : NULL,
                          .ctx = &ps};
    desk_verify_report r;
    rd_err *e = desk_verify_with(&c->desk, &o, &r);
    if (ps.shown) fprintf(stderr, "\r\033[K");
    if (e) return e;
    char note[600];
    signature_note(&r, desk_signed(&c->desk), note, sizeof note);
    if (c->json) {
        json_t *j = json_pack(
            "{s:b, s:I, s:I, s:s, s:s, s:s, s:I, s:{s:I, s:I}, s:{s:I, s:I}, s:{s:I, s:s?, s:b,"
            " s:I, s:I}, s:b, s:s, s:s}",
            "ok", 1, "log_entries", (json_int_t)r.log_entries, "audit_entries",
            (json_int_t)r.audit_entries, "log_head", r.log_head, "audit_head", r.audit_head,
            "state", r.state, "tables", (json_int_t)r.tables, "legacy", "log_entries",
            (json_int_t)r.legacy_log, "audit_entries", (json_int_t)r.legacy_audit, "erased",
            "log_entries", (json_int_t)r.erased_log, "audit_entries", (json_int_t)r.erased_audit,
            "signatures", "newest_signed", (json_int_t)r.newest_signed, "signer",
            r.newest_signed ? r.signer : NULL, "this_key", r.signed_by == DESK_SIGNED_THIS_KEY,
            "unsigned_after", (json_int_t)r.unsigned_after, "checked",
            (json_int_t)r.signatures_checked, "against_checked", r.against_checked, "note", note,
            "line", r.line);
        cli_print_json(j);
        json_decref(j);
        return NULL;
    }
    printf("ok: %lld log entries, %lld audit entries\n", (long long)r.log_entries,
           (long long)r.audit_entries);
    printf("sealed: %lld tables match what redress wrote\n", (long long)r.tables);
    if (r.legacy_log || r.legacy_audit)
        printf("older: %lld log and %lld audit entries predate the seal and use the older"
               " encoding\n",
               (long long)r.legacy_log, (long long)r.legacy_audit);
    if (r.erased_log || r.erased_audit)
        printf("erased: the words of %lld log entries and the detail of %lld audit entries were"
               " erased on request (not tampered: the chain keeps their commitments)\n",
               (long long)r.erased_log, (long long)r.erased_audit);
    printf("%s\n", note);
    if (r.against_checked) printf("extends: the desk still holds the state of the given line\n");
    printf("%s\n", r.line);
    return NULL;
}

static rd_err *key_init(cli_ctx *c)
{
    char *path = NULL, pk[2 * DESK_KEY_BYTES + 1];
    rd_err *e = desk_key_init(&path, pk);
    if (!e && c->json) {
        json_t *j = json_pack("{s:s, s:s}", "key", path, "public_key", pk);
        cli_print_json(j);
        json_decref(j);
    } else if (!e) {
        printf("signing key created: %s (mode 0600)\npublic key: %s\n"
               "Every audit entry from now on is signed. Keep a copy of the file somewhere safe:\n"
               "without it, verify can still check the chain but no longer prove the signer.\n",
               path, pk);
    }
    free(path);
    return e;
}

static rd_err *client_erase(cli_ctx *c)
{
    int64_t id;
    json_t *out = NULL;
    rd_err *e = cli_pos_id(c, 0, "client", &id);
    if (!e) e = desk_client_erase(&c->desk, id, cli_get(c, "reason"), &out);
    if (e) return e;
    if (c->json) {
        cli_print_json(out);
    } else {
        json_t *n = json_object_get(out, "erased");
        printf("client %lld erased: name, contact details and notes; the words of %lld log"
               " entries and the detail of %lld audit entries. Every chain still verifies.\n",
               (long long)id, (long long)json_integer_value(json_object_get(n, "log_entries")),
               (long long)json_integer_value(json_object_get(n, "audit_entries")));
    }
    json_decref(out);
    return NULL;
}

static const cli_opt verify_opts[] = {
    {"against", "LINE", 0, "a line kept from an earlier verify: prove the desk still extends it"},
    {"all-signatures", NULL, 0, "check every audit entry's signature, not only the newest"},
    {"bundle", "DIR", 0, "check an evidence bundle from `case export` instead (no desk needed)"},
    {"key", "PUBLICKEY", 0, "with --bundle: the bundle must be signed by this key (hex)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};
static const cli_opt erase_opts[] = {
    {"reason", "TEXT", CLI_REQUIRED, "why, e.g. \"erasure request by email of 2026-11-30\""},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_verify = {
    "verify",
    NULL,
    0,
    0,
    CMD_JSON | CMD_DB_OPTIONAL,
    "Check the log, the audit trail and every table against their seal.",
    "Re-walks both hash chains and recomputes every table's seal in one snapshot,\n"
    "so writes running meanwhile never cause a false alarm. Exit 0 when everything\n"
    "matches, with what the signatures prove and, last, one line to keep somewhere\n"
    "outside the database: `redress verify --against LINE` later proves the desk\n"
    "still extends that state. Exit 1 naming the first thing changed outside redress.\n"
    "With --bundle DIR it checks an evidence bundle instead, without a desk: the signed\n"
    "head, MANIFEST, every log entry's hash and link, every file's hash, no file added.",
    verify_opts,
    verify};
const cli_cmd cmd_key_init = {
    "key init",
    NULL,
    0,
    0,
    CMD_JSON | CMD_NO_DB,
    "Make the Ed25519 key that signs every audit entry from now on.",
    "The key is $XDG_CONFIG_HOME/redress/signing.key (~/.config/redress/signing.key),\n"
    "mode 0600, outside the database: someone holding only the database file cannot\n"
    "write entries that verify as signed by it. Refuses to replace an existing key.",
    no_opts,
    key_init};
const cli_cmd cmd_client_erase = {
    "client erase",
    "CLIENT",
    1,
    1,
    CMD_JSON,
    "Erase a client's personal data on request; the seal still verifies.",
    "Removes the name, email, phone, company and notes, the words of the client's\n"
    "cases and log entries, their feedback, concern details and triage quotes, and\n"
    "the detail of audit entries about them. The chains keep salted commitments, so\n"
    "verify reports the fields as erased, not tampered. The erasure is audited.",
    erase_opts,
    client_erase};
