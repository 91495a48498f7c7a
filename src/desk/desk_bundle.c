/* desk_bundle.c — the evidence bundle a mediator reads and anyone with redress can check: a
 * case written out as a folder with the case as JSON (case.json), the stretch of the hash-chained
 * log its entries sit in (entries.json), a PDF of the whole history (evidence.pdf), the
 * attachments, MANIFEST (BLAKE2b-256 of every file, in b2sum's format) and head.json, the audit
 * entry the export wrote: it commits to MANIFEST's hash and to the log's length and head, and is
 * Ed25519-signed when the desk has a key. Verifying recomputes all of it from the folder alone. */
#include "desk/desk.h"
#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docs/docs.h"

#define BUNDLE_FORMAT "redress.bundle.1"
#define JSON_FLAGS    (JSON_INDENT(2) | JSON_SORT_KEYS)
#define MAX_JSON      ((size_t)256 << 20) /* entries.json of a very long log stretch */

/* ---------------------------------------------------------------- files */

/* The folder being written and what is in it, so that a failed export removes it all. */
typedef struct bundle_out {
    const char *dir; /* borrowed */
    json_t *made;    /* paths written, relative to dir */
    rd_buf manifest; /* MANIFEST's text so far */
    bool dirs;       /* dir and dir/attachments were made */
} bundle_out;

static void hash_hex(const void *p, size_t n, char out[65])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, p, n, NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof h);
}

/* Writes a new file dir/rel (0600, never over an existing one); listed in MANIFEST when listed. */
static rd_err *put(bundle_out *b, const char *rel, const void *data, size_t n, bool listed)
{
    char *path = xasprintf("%s/%s", b->dir, rel);
    rd_err *e = NULL;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) e = rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
    if (!e) json_array_append_new(b->made, json_string(rel));
    for (size_t off = 0; !e && off < n;) {
        ssize_t w = write(fd, (const char *)data + off, n - off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0)
            e = rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
        else
            off += (size_t)w;
    }
    if (fd >= 0 && close(fd) != 0 && !e) e = rd_error(RD_IO, "out: %s: %s", path, strerror(errno));
    if (!e && listed) {
        char h[65];
        hash_hex(data, n, h);
        /* b2sum's format: `b2sum -l 256 -c MANIFEST` checks the files too */
        e = buf_addf(&b->manifest, "%s  %s\n", h, rel);
    }
    free(path);
    return e;
}

static rd_err *put_json(bundle_out *b, const char *rel, json_t *j, bool listed)
{
    char *text = json_dumps(j, JSON_FLAGS);
    if (!text) return rd_error(RD_IO, "%s: could not be written as JSON", rel);
    size_t n = strlen(text);
    text = xrealloc(text, n + 2);
    memcpy(text + n, "\n", 2);
    rd_err *e = put(b, rel, text, n + 1, listed);
    free(text);
    return e;
}

/* Removes what a failed export wrote. */
static void undo(bundle_out *b)
{
    size_t i;
    json_t *rel;
    json_array_foreach(b->made, i, rel)
    {
        char *path = xasprintf("%s/%s", b->dir, json_string_value(rel));
        unlink(path);
        free(path);
    }
    if (b->dirs) {
        char *adir = xasprintf("%s/attachments", b->dir);
        rmdir(adir);
        rmdir(b->dir);
        free(adir);
    }
}

/* ---------------------------------------------------------------- the PDF */

static const char *s_or(json_t *o, const char *key, const char *dflt)
{
    const char *s = desk_js(o, key);
    return s && *s ? s : dflt;
}

/* "2026-11-02T08:12:00Z" as "2026-11-02 08:12 UTC"; a date stays as it is. */
static void when(const char *iso, char out[32])
{
    if (!iso) {
        snprintf(out, 32, "%s", "-");
    } else if (strlen(iso) >= 16 && iso[10] == 'T') {
        snprintf(out, 32, "%.10s %.5s UTC", iso, iso + 11);
    } else {
        snprintf(out, 32, "%s", iso);
    }
}

static void add_block(json_t *blocks, const char *heading, const char *text, json_t *table)
{
    json_t *b = json_object();
    if (heading) json_object_set_new(b, "heading", json_string(heading));
    if (text) json_object_set_new(b, "text", json_string(text));
    if (table) json_object_set_new(b, "table", table);
    json_array_append_new(blocks, b);
}

static json_t *terms_table(json_t *k, json_t *p)
{
    json_t *t = json_pack("[[s, s]]", "", "");
    json_array_append_new(t, json_pack("[s, s]", "client", s_or(k, "client_name", "-")));
    json_array_append_new(t, json_pack("[s, s]", "email", s_or(k, "client_email", "-")));
    if (!p) {
        json_array_append_new(t, json_pack("[s, s]", "project", "none recorded for this case"));
        return t;
    }
    char price[64], extra[64], revs[32];
    money_format(desk_ji(p, "price"), desk_js(p, "currency"), price, sizeof price);
    money_format(desk_ji(p, "extra_revision_price"), desk_js(p, "currency"), extra, sizeof extra);
    snprintf(revs, sizeof revs, "%lld included", (long long)desk_ji(p, "revisions"));
    json_array_append_new(t, json_pack("[s, s]", "project", s_or(p, "title", "-")));
    json_array_append_new(t, json_pack("[s, s]", "scope", s_or(p, "scope", "-")));
    json_array_append_new(t, json_pack("[s, s]", "deliverables", s_or(p, "deliverables", "-")));
    json_array_append_new(t, json_pack("[s, s]", "deadline", s_or(p, "deadline", "-")));
    json_array_append_new(t, json_pack("[s, s]", "price", price));
    json_array_append_new(t, json_pack("[s, s]", "revisions", revs));
    json_array_append_new(t, json_pack("[s, s]", "each extra revision", extra));
    return t;
}

static void offers_blocks(json_t *blocks, json_t *k)
{
    json_t *t = json_pack("[[s, s, s, s]]", "offer", "option", "due", "outcome");
    size_t i, j;
    json_t *o, *opt;
    json_array_foreach(json_object_get(k, "offers"), i, o)
    {
        char made[32], head[64];
        when(desk_js(o, "created_at"), made);
        snprintf(head, sizeof head, "%lld, %s", (long long)desk_ji(o, "id"), made);
        json_array_foreach(json_object_get(o, "options"), j, opt)
        {
            bool chosen = desk_ji(o, "chosen_option") == desk_ji(opt, "id");
            char *what = xasprintf("%s: %s", s_or(opt, "kind", ""), s_or(opt, "detail", ""));
            json_array_append_new(t, json_pack("[s, s, s, s]", j ? "" : head, what,
                                               s_or(opt, "due_on", "-"),
                                               chosen ? "chosen" : s_or(o, "status", "")));
            free(what);
        }
    }
    if (json_array_size(t) > 1) {
        add_block(blocks, "Offers", NULL, t);
    } else {
        json_decref(t);
        add_block(blocks, "Offers", "No offer was made.", NULL);
    }
    t = json_pack("[[s, s, s]]", "commitment", "due", "done");
    json_array_foreach(json_object_get(k, "commitments"), i, o)
    {
        char done[32];
        when(desk_js(o, "done_at"), done);
        json_array_append_new(
            t, json_pack("[s, s, s]", s_or(o, "text", ""), s_or(o, "due_on", "-"), done));
    }
    if (json_array_size(t) > 1)
        add_block(blocks, "Commitments", NULL, t);
    else
        json_decref(t);
}

static void listening_blocks(json_t *blocks, json_t *k)
{
    char got[32];
    when(desk_js(k, "received_at"), got);
    char *text = xasprintf("Received %s by %s. Root cause: %s.\n\n%s", got, s_or(k, "channel", "-"),
                           desk_root_cause_words(desk_js(k, "root_cause") ? desk_js(k, "root_cause")
                                                                          : "not_identified"),
                           s_or(k, "words", ""));
    add_block(blocks, "The complaint", text, NULL);
    free(text);
    json_t *t = json_pack("[[s, s]]", "concern", "specifics");
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(k, "concerns"), i, c) json_array_append_new(
        t, json_pack("[s, s]", s_or(c, "text", ""), s_or(c, "specifics", "-")));
    if (json_array_size(t) > 1)
        add_block(blocks, "Concerns", NULL, t);
    else
        json_decref(t);
    if (desk_js(k, "want")) {
        char at[32];
        when(desk_js(k, "want_confirmed_at"), at);
        bool confirmed = desk_js(k, "want_confirmed_by") != NULL;
        text =
            xasprintf("What the client wants: %s\nTheir goal: %s\n%s%s%s%s.", desk_js(k, "want"),
                      s_or(k, "goal", "-"), confirmed ? "Confirmed by the " : "Not confirmed yet",
                      confirmed ? desk_js(k, "want_confirmed_by") : "", confirmed ? " on " : "",
                      confirmed ? at : "");
        add_block(blocks, "Restatement", text, NULL);
        free(text);
    }
}

static void escalation_blocks(json_t *blocks, json_t *k)
{
    json_t *t = json_pack("[[s, s, s, s]]", "level", "date", "reason", "outcome");
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(k, "escalations"), i, x)
    {
        char *level = desk_js(x, "mediator")
                          ? xasprintf("%s (%s)", s_or(x, "level", ""), desk_js(x, "mediator"))
                          : xstrdup(s_or(x, "level", ""));
        json_array_append_new(t, json_pack("[s, s, s, s]", level, s_or(x, "date", "-"),
                                           s_or(x, "reason", "-"), s_or(x, "outcome", "pending")));
        free(level);
    }
    if (json_array_size(t) > 1)
        add_block(blocks, "Escalations", NULL, t);
    else
        json_decref(t);
}

/* The entries of the stretch that are the case's, one block each, with their hashes. */
static void timeline_blocks(json_t *blocks, json_t *log, int64_t *shown)
{
    add_block(blocks, "Timeline",
              "Every exchange recorded for this case and every letter to the client, oldest "
              "first. Each hash is BLAKE2b-256 over the entry and the hash of the entry before "
              "it in the desk's log.",
              NULL);
    size_t i;
    json_t *g;
    *shown = 0;
    json_array_foreach(log, i, g)
    {
        if (!json_object_get(g, "salt")) continue; /* another case's, or erased */
        char at[32];
        when(desk_js(g, "at"), at);
        bool in = strcmp(s_or(g, "direction", ""), "in") == 0;
        char *head = xasprintf("Entry %lld, %s, %s %s the client: %s", (long long)desk_ji(g, "id"),
                               at, s_or(g, "channel", ""), in ? "from" : "to",
                               s_or(g, "subject", "(no subject)"));
        char *text = xasprintf("%s\n\nhash %s", s_or(g, "body", ""), desk_js(g, "hash"));
        add_block(blocks, head, text, NULL);
        free(head);
        free(text);
        ++*shown;
    }
}

static void attachment_block(json_t *blocks, json_t *k)
{
    json_t *list = json_object_get(k, "attachments");
    if (!json_array_size(list)) {
        add_block(blocks, "Attachments", "No file was attached to this case.", NULL);
        return;
    }
    rd_buf b;
    buf_init(&b, 0);
    size_t i;
    json_t *a;
    json_array_foreach(list, i, a)
        rd_err_free(buf_addf(&b, "%s%s (%lld bytes, %s)\nBLAKE2b-256 %s", i ? "\n\n" : "",
                             s_or(a, "file", s_or(a, "name", "")), (long long)desk_ji(a, "size"),
                             s_or(a, "type", "?"), s_or(a, "hash", "")));
    add_block(blocks, "Attachments", buf_str(&b), NULL);
    buf_reset(&b);
}

static rd_err *evidence_pdf(rd_desk *d, json_t *k, json_t *p, json_t *log, rd_buf *pdf)
{
    json_t *blocks = json_array();
    rd_timestr now;
    desk_now(now);
    char at[32];
    when(now, at);
    json_t *last = json_array_get(log, json_array_size(log) - 1);
    int64_t shown = 0;
    char *intro = xasprintf(
        "Exported %s. This is the history of case %lld with %s as the desk recorded it. The "
        "folder it came in holds the same entries as JSON (entries.json), the case (case.json), "
        "the attachments and MANIFEST; `redress verify --bundle FOLDER` recomputes every hash "
        "below, the chain that links them and the signed head the export wrote, and names "
        "anything changed since.",
        at, (long long)desk_ji(k, "id"), s_or(k, "client_name", "the client"));
    add_block(blocks, NULL, intro, NULL);
    free(intro);
    add_block(blocks, "What was agreed", NULL, terms_table(k, p));
    listening_blocks(blocks, k);
    offers_blocks(blocks, k);
    escalation_blocks(blocks, k);
    attachment_block(blocks, k);
    timeline_blocks(blocks, log, &shown);
    char *chain = xasprintf(
        "The log entries shown run from entry %lld to entry %lld of the desk's log; the %lld "
        "entries between them that belong to other cases appear in entries.json only as their "
        "dates, channel and a commitment to their words. The log's head is %s.",
        (long long)desk_ji(json_array_get(log, 0), "id"), (long long)desk_ji(last, "id"),
        (long long)((int64_t)json_array_size(log) - shown), s_or(last, "hash", ""));
    add_block(blocks, "The chain", chain, NULL);
    free(chain);
    char *paper = NULL, *title = xasprintf("Evidence: case %lld, %s", (long long)desk_ji(k, "id"),
                                           s_or(k, "client_name", ""));
    rd_err *e = desk_config_get(d, "paper", &paper);
    if (!e) e = docs_pdf_report(paper, title, blocks, pdf);
    free(paper);
    free(title);
    json_decref(blocks);
    return e;
}

/* ---------------------------------------------------------------- export */

static rd_err *put_attachments(rd_desk *d, bundle_out *b, json_t *k)
{
    size_t i;
    json_t *a;
    rd_err *e = NULL;
    json_array_foreach(json_object_get(k, "attachments"), i, a)
    {
        json_t *row = NULL;
        void *data = NULL;
        size_t size = 0;
        e = desk_attachment_get(d, desk_ji(a, "id"), &row, &data, &size);
        char *rel =
            xasprintf("attachments/%lld-%s", (long long)desk_ji(a, "id"), desk_js(a, "name"));
        if (!e) e = put(b, rel, data, size, true);
        if (!e) json_object_set_new(a, "file", json_string(rel));
        free(rel);
        free(data);
        json_decref(row);
        if (e) break;
    }
    return e;
}

/* Everything but head.json, inside the write transaction so the log cannot move meanwhile. */
static rd_err *put_case(rd_desk *d, bundle_out *b, int64_t id, json_t **k)
{
    json_t *p = NULL, *log = NULL;
    rd_buf pdf;
    buf_init(&pdf, 0);
    rd_err *e = desk_case_get(d, id, k);
    if (!e && desk_ji(*k, "project_id")) e = desk_project_get(d, desk_ji(*k, "project_id"), &p);
    if (!e) e = store_bundle_log(d->st, desk_ji(*k, "client_id"), id, &log);
    if (!e) e = put_attachments(d, b, *k);
    if (!e) {
        json_object_set(*k, "project", p ? p : json_null());
        e = put_json(b, "case.json", *k, true);
    }
    if (!e) {
        json_t *j =
            json_pack("{s:s, s:I, s:I, s:O}", "format", BUNDLE_FORMAT, "case", (json_int_t)id,
                      "client", (json_int_t)desk_ji(*k, "client_id"), "entries", log);
        e = put_json(b, "entries.json", j, true);
        json_decref(j);
    }
    if (!e) e = evidence_pdf(d, *k, p, log, &pdf);
    if (!e) e = put(b, "evidence.pdf", pdf.data, pdf.len, true);
    if (!e) e = put(b, "MANIFEST", b->manifest.data, b->manifest.len, false);
    json_object_set_new(*k, "entries", json_integer((json_int_t)json_array_size(log)));
    buf_reset(&pdf);
    json_decref(p);
    json_decref(log);
    return e;
}

rd_err *desk_case_bundle(rd_desk *d, int64_t id, const char *dir, json_t **out)
{
    if (text_blank(dir)) return rd_error(RD_INVALID, "out: is required");
    bundle_out b = {dir, json_array(), {0}, false};
    buf_init(&b.manifest, 0);
    json_t *k = NULL, *head = NULL;
    char *adir = xasprintf("%s/attachments", dir);
    rd_err *e = NULL;
    if (mkdir(dir, 0700) != 0)
        e = rd_error(RD_IO, "out: %s: %s (give a folder that does not exist yet)", dir,
                     strerror(errno));
    b.dirs = !e;
    if (!e && mkdir(adir, 0700) != 0) e = rd_error(RD_IO, "out: %s: %s", adir, strerror(errno));
    if (!e && !(e = store_begin(d->st))) {
        e = put_case(d, &b, id, &k);
        char mh[65];
        hash_hex(b.manifest.data, b.manifest.len, mh);
        if (!e) {
            json_t *detail = json_pack("{s:I, s:s, s:I}", "case", (json_int_t)id, "manifest", mh,
                                       "files", (json_int_t)json_array_size(b.made) - 1);
            e = desk_audit_take(d, "case.export", "cases", id, detail);
        }
        if (!e) e = store_bundle_head(d->st, &head);
        e = store_end(d->st, e);
    }
    if (!e) {
        json_object_set_new(head, "format", json_string(BUNDLE_FORMAT));
        e = put_json(&b, "head.json", head, false);
    }
    if (e) {
        undo(&b);
    } else {
        *out = json_pack(
            "{s:I, s:s, s:I, s:I, s:I, s:b, s:s}", "case", (json_int_t)id, "out", dir,
            "attachments", (json_int_t)json_array_size(json_object_get(k, "attachments")),
            "entries", (json_int_t)desk_ji(k, "entries"), "audit_entry",
            (json_int_t)desk_ji(head, "id"), "signed",
            !json_is_null(json_object_get(head, "signer")), "head", desk_js(head, "hash"));
    }
    json_decref(k);
    json_decref(head);
    json_decref(b.made);
    buf_reset(&b.manifest);
    free(adir);
    return e;
}

/* ---------------------------------------------------------------- verify */

/* Reads dir/rel whole (at most max bytes); *data is the caller's, NUL-terminated. */
static rd_err *slurp(const char *dir, const char *rel, size_t max, char **data, size_t *n)
{
    char *path = xasprintf("%s/%s", dir, rel);
    rd_err *e = NULL;
    FILE *f = fopen(path, "rb");
    rd_buf b;
    buf_init(&b, max);
    if (!f) e = rd_error(errno == ENOENT ? RD_TAMPERED : RD_IO, "%s: %s", rel, strerror(errno));
    char chunk[65536];
    size_t got;
    while (!e && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        rd_err *big = buf_add(&b, chunk, got);
        if (big) e = rd_error(RD_TAMPERED, "%s: larger than any bundle's", rel);
        rd_err_free(big);
    }
    if (!e && ferror(f)) e = rd_error(RD_IO, "%s: %s", rel, strerror(errno));
    if (f) fclose(f);
    if (!e) e = buf_adds(&b, "");
    free(path);
    if (e) {
        buf_reset(&b);
        return e;
    }
    *n = b.len;
    *data = buf_detach(&b);
    return NULL;
}

/* Parses dir/rel as JSON written by the export: the same bytes must come back when written
 * again, so that no byte of it can change unseen. */
static rd_err *read_json(const char *dir, const char *rel, json_t **out)
{
    char *text = NULL;
    size_t n = 0;
    rd_err *e = slurp(dir, rel, MAX_JSON, &text, &n);
    if (e) return e;
    json_error_t je;
    json_t *j = json_loadb(text, n, 0, &je);
    char *again = j ? json_dumps(j, JSON_FLAGS) : NULL;
    if (!j)
        e = rd_error(RD_TAMPERED, "%s: not valid JSON (line %d: %s): it was changed", rel, je.line,
                     je.text);
    else if (!again || strlen(again) + 1 != n || memcmp(again, text, n - 1) != 0 ||
             text[n - 1] != '\n' || !json_is_object(j) ||
             strcmp(desk_js(j, "format") ? desk_js(j, "format") : "", BUNDLE_FORMAT) != 0)
        e = rd_error(RD_TAMPERED, "%s: not as the export wrote it: it was changed", rel);
    free(again);
    free(text);
    if (e)
        json_decref(j);
    else
        *out = j;
    return e;
}

/* BLAKE2b-256 of dir/rel, read in pieces (attachments may be large). */
static rd_err *file_hash(const char *dir, const char *rel, char out[65])
{
    char *path = xasprintf("%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f)
        return rd_error(RD_TAMPERED, "%s: %s: it is listed in MANIFEST but cannot be read", rel,
                        strerror(errno));
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 32);
    unsigned char chunk[65536], h[32];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        crypto_generichash_update(&st, chunk, got);
    bool bad = ferror(f);
    fclose(f);
    if (bad) return rd_error(RD_IO, "%s: could not be read", rel);
    crypto_generichash_final(&st, h, sizeof h);
    sodium_bin2hex(out, 65, h, sizeof h);
    return NULL;
}

/* A MANIFEST path is plain: under the folder, no "..", no hidden or empty parts. */
static bool plain_path(const char *rel)
{
    if (!*rel || *rel == '/') return false;
    for (const char *p = rel; *p; p++) {
        if ((p == rel || p[-1] == '/') && (*p == '.' || *p == '/')) return false;
        if ((unsigned char)*p < 0x20) return false;
    }
    return true;
}

/* Checks each file MANIFEST lists; files names what it listed (caller's). */
static rd_err *check_manifest(const char *dir, char *text, json_t *files)
{
    int line = 0;
    for (char *p = text; *p;) {
        char *end = strchr(p, '\n');
        if (!end) return rd_error(RD_TAMPERED, "MANIFEST: line %d is cut short", line + 1);
        *end = '\0';
        line++;
        char *rel = p + 66;
        if (strlen(p) < 67 || p[64] != ' ' || p[65] != ' ' || !plain_path(rel))
            return rd_error(RD_TAMPERED, "MANIFEST: line %d is not HASH  PATH", line);
        char h[65];
        rd_err *e = file_hash(dir, rel, h);
        if (e) return e;
        if (strncmp(h, p, 64) != 0)
            return rd_error(RD_TAMPERED,
                            "%s: changed since the export (its BLAKE2b-256 is not the one in"
                            " MANIFEST)",
                            rel);
        json_array_append_new(files, json_string(rel));
        p = end + 1;
    }
    return NULL;
}

static bool listed(json_t *files, const char *rel)
{
    size_t i;
    json_t *f;
    json_array_foreach(files, i, f) if (strcmp(json_string_value(f), rel) == 0) return true;
    return false;
}

/* Every file in the folder and in attachments/ is listed (or is MANIFEST or head.json). */
static rd_err *check_extra(const char *dir, const char *sub, json_t *files)
{
    char *path = sub ? xasprintf("%s/%s", dir, sub) : xstrdup(dir);
    DIR *dh = opendir(path);
    free(path);
    if (!dh) return sub ? NULL : rd_error(RD_IO, "bundle: %s: %s", dir, strerror(errno));
    rd_err *e = NULL;
    struct dirent *de;
    while (!e && (de = readdir(dh))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
        if (!sub && (strcmp(de->d_name, "MANIFEST") == 0 || strcmp(de->d_name, "head.json") == 0 ||
                     strcmp(de->d_name, "attachments") == 0))
            continue;
        char *rel = sub ? xasprintf("%s/%s", sub, de->d_name) : xstrdup(de->d_name);
        if (!listed(files, rel))
            e = rd_error(RD_TAMPERED, "%s: not in MANIFEST: it was added after the export", rel);
        free(rel);
    }
    closedir(dh);
    return e;
}

rd_err *desk_bundle_verify(rd_desk *d, const char *dir, const char *key, json_t **out)
{
    if (text_blank(dir)) return rd_error(RD_INVALID, "bundle: is required");
    json_t *head = NULL, *entries = NULL, *detail = NULL, *files = json_array();
    char *manifest = NULL, signer[65] = "", mh[65];
    size_t mn = 0;
    rd_err *e = read_json(dir, "head.json", &head);
    if (!e) e = store_bundle_check_head(head, signer);
    if (!e && key && strcasecmp(key, signer) != 0)
        e = rd_error(RD_TAMPERED, "key: the bundle is %s%.16s, not by the key given",
                     *signer ? "signed by " : "unsigned", signer);
    if (!e) {
        json_error_t je;
        detail = json_loads(desk_js(head, "detail"), 0, &je);
        if (!detail || strcmp(s_or(head, "action", ""), "case.export") != 0 ||
            !desk_js(detail, "manifest"))
            e = rd_error(RD_TAMPERED, "head.json: not the audit entry of an export");
    }
    if (!e) e = slurp(dir, "MANIFEST", MAX_JSON, &manifest, &mn);
    if (!e) {
        hash_hex(manifest, mn, mh);
        if (strcmp(mh, desk_js(detail, "manifest")) != 0)
            e = rd_error(RD_TAMPERED, "MANIFEST: changed since the export (its BLAKE2b-256 is"
                                      " not the one the head records)");
    }
    if (!e) e = read_json(dir, "entries.json", &entries);
    if (!e && desk_ji(entries, "case") != desk_ji(detail, "case"))
        e = rd_error(RD_TAMPERED, "entries.json: holds case %lld, but the head exported case %lld",
                     (long long)desk_ji(entries, "case"), (long long)desk_ji(detail, "case"));
    if (!e) e = store_bundle_check_log(json_object_get(entries, "entries"), head);
    if (!e) e = check_manifest(dir, manifest, files);
    if (!e) e = check_extra(dir, NULL, files);
    if (!e) e = check_extra(dir, "attachments", files);
    bool held = false;
    if (!e && d && d->st)
        e = store_bundle_held(d->st, desk_ji(head, "id"), desk_js(head, "hash"), &held);
    if (!e) {
        json_t *log = json_object_get(entries, "entries");
        int64_t own = 0;
        size_t i;
        json_t *g;
        json_array_foreach(log, i, g) own += json_object_get(g, "salt") != NULL;
        const unsigned char *mine = d && d->st ? store_signer(d->st) : NULL;
        char mine_hex[65] = "";
        if (mine) sodium_bin2hex(mine_hex, sizeof mine_hex, mine, STORE_KEY_BYTES);
        *out = json_pack(
            "{s:b, s:I, s:I, s:I, s:I, s:I, s:s, s:s?, s:b, s:o, s:s}", "ok", 1, "case",
            (json_int_t)desk_ji(detail, "case"), "files", (json_int_t)json_array_size(files),
            "log_entries", (json_int_t)json_array_size(log), "case_entries", (json_int_t)own,
            "audit_entry", (json_int_t)desk_ji(head, "id"), "exported_at", s_or(head, "at", ""),
            "signer", *signer ? signer : NULL, "this_key", *signer && strcmp(signer, mine_hex) == 0,
            "this_desk", d && d->st ? json_boolean(held) : json_null(), "head",
            desk_js(head, "hash"));
    }
    json_decref(head);
    json_decref(entries);
    json_decref(detail);
    json_decref(files);
    free(manifest);
    return e;
}
