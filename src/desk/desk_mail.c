/* desk_mail.c — importing a mailbox into the communication log (P17). Each message becomes a
 * log entry of its client, on the case whose thread it continues, else the client's single open
 * case, else the client's log; incoming words are triaged like `log add --direction in`.
 *
 * Crash safety comes from two things together: messages are committed in small batches, each
 * batch whole or not at all, and a message already recorded (by Message-ID, else by content
 * hash) is counted as a duplicate. A run killed at any point therefore leaves a prefix of the
 * clean run, and running again adds exactly the rest, in the same order. */
#include "desk/desk.h"
#include "store/store.h"

#include <assert.h>
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mail/mail.h"

#define BATCH     200  /* messages per transaction */
#define MAX_SKIPS 1000 /* skipped messages listed one by one in the summary */

typedef struct importer {
    rd_desk *d;
    int64_t client_id, case_id; /* forced by --client / --case, else 0 */
    bool create_clients;
    char **me; /* the user's own addresses, lower case */
    size_t nme;
    json_t *summary, *by_reason, *skips;
    int64_t imported, duplicates, skipped, clients_created, attachments;
} importer;

/* Adds the addresses of list (comma separated: me.addresses, or me.email) in lower case. */
static void load_me(importer *im, const char *list)
{
    char *copy = xstrdup(list ? list : "");
    for (char *item = copy, *next; item && *item; item = next) {
        next = strchr(item, ',');
        if (next) *next++ = '\0';
        while (*item == ' ')
            item++;
        size_t n = strlen(item);
        while (n && item[n - 1] == ' ')
            n--;
        if (!n) continue;
        im->me = xrealloc(im->me, (im->nme + 1) * sizeof *im->me);
        char *a = xstrndup(item, n);
        for (char *p = a; *p; p++)
            if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
        im->me[im->nme++] = a;
    }
    free(copy);
}

static bool is_me(const importer *im, const char *addr)
{
    for (size_t i = 0; addr && i < im->nme; i++)
        if (strcmp(im->me[i], addr) == 0) return true;
    return false;
}

static void skip(importer *im, const char *pos, const char *key, const char *reason)
{
    im->skipped++;
    json_t *n = json_object_get(im->by_reason, key);
    json_object_set_new(im->by_reason, key, json_integer(n ? json_integer_value(n) + 1 : 1));
    if (json_array_size(im->skips) < MAX_SKIPS)
        json_array_append_new(im->skips,
                              json_pack("{s:s, s:s}", "position", pos, "reason", reason));
}

/* The first address of a comma-separated list that belongs to a client, or 0. */
static rd_err *client_of_list(importer *im, const char *list, int64_t *client_id)
{
    *client_id = 0;
    char *copy = xstrdup(list ? list : "");
    rd_err *e = NULL;
    for (char *a = copy, *next; a && *a && !e && !*client_id; a = next) {
        next = strchr(a, ',');
        if (next) *next++ = '\0';
        if (!is_me(im, a)) e = store_client_by_email(im->d->st, a, client_id);
    }
    free(copy);
    return e;
}

/* The first address of list that is not the user's, or NULL; borrowed from a copy in *hold. */
static const char *first_other(importer *im, const char *list, char **hold)
{
    *hold = xstrdup(list ? list : "");
    for (char *a = *hold, *next; a && *a; a = next) {
        next = strchr(a, ',');
        if (next) *next++ = '\0';
        if (!is_me(im, a)) return a;
    }
    return NULL;
}

/* text cut to at most max bytes on a character boundary. */
static char *cut_utf8(const char *text, size_t max, const char *note)
{
    size_t n = strlen(text);
    if (n <= max) return xstrdup(text);
    size_t keep = max - strlen(note);
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
        keep--;
    return xasprintf("%.*s%s", (int)keep, text, note);
}

/* The client a message belongs to: forced, else found by address, else created when allowed.
 * *client_id 0 with no error means skip, and *why says why (caller frees). */
static rd_err *find_client(importer *im, const mail_msg *m, bool out, const char *now,
                           int64_t *client_id, char **why)
{
    *client_id = im->client_id;
    if (*client_id) return NULL;
    rd_err *e = out ? client_of_list(im, m->to_addrs, client_id)
                    : store_client_by_email(im->d->st, m->from_addr, client_id);
    if (!e && !*client_id && out) e = client_of_list(im, m->cc_addrs, client_id);
    if (e || *client_id) return e;
    char *hold = NULL;
    const char *addr = out ? first_other(im, m->to_addrs, &hold) : m->from_addr;
    if (!addr) {
        *why = xstrdup("no recipient other than you");
    } else if (!im->create_clients) {
        *why = xasprintf("no client has the address %s (name the client, or let the import "
                         "create clients)",
                         addr);
    } else {
        const char *name = !out && m->from_name && *m->from_name ? m->from_name : addr;
        char *cut = cut_utf8(name, DESK_MAX_NAME, "");
        bool valid_email = strlen(addr) <= 254 && !strchr(addr, ' ') && strchr(addr, '@');
        rd_client_fields f = {cut, valid_email ? addr : NULL, NULL, NULL, NULL, NULL};
        e = store_client_insert(im->d->st, &f, now, client_id);
        if (!e) {
            json_t *detail =
                json_pack("{s:s, s:s?, s:s}", "name", cut, "email", f.email, "via", "mail.import");
            e = desk_audit(im->d, "client.add", "clients", *client_id, detail);
            json_decref(detail);
            im->clients_created++;
        }
        free(cut);
    }
    free(hold);
    return e;
}

/* The case a message joins: forced; else the case of a message it answers (In-Reply-To first,
 * then References newest first); else the client's only open case; else none. */
static rd_err *find_case(importer *im, const mail_msg *m, int64_t client_id, int64_t *case_id)
{
    *case_id = im->case_id;
    if (*case_id) return NULL;
    rd_err *e = NULL;
    if (m->in_reply_to) e = store_mail_case_of(im->d->st, m->in_reply_to, client_id, case_id);
    if (!e && !*case_id && m->refs) {
        char *refs = xstrdup(m->refs);
        for (char *p = refs + strlen(refs); !e && !*case_id && p > refs;) {
            char *sp = p;
            while (sp > refs && sp[-1] != ' ')
                sp--;
            if (sp < p) {
                char saved = *p;
                *p = '\0';
                e = store_mail_case_of(im->d->st, sp, client_id, case_id);
                *p = saved;
            }
            p = sp > refs ? sp - 1 : refs;
        }
        free(refs);
    }
    if (!e && !*case_id) {
        int64_t open = 0, newest = 0;
        e = store_client_open_cases(im->d->st, client_id, &open, &newest);
        if (!e && open == 1) *case_id = newest;
    }
    return e;
}

static rd_err *keep_attachments(importer *im, const mail_msg *m, int64_t client_id, int64_t case_id,
                                int64_t log_id, const char *now)
{
    rd_err *e = NULL;
    for (size_t i = 0; i < m->natt && !e; i++) {
        const mail_attachment *a = &m->att[i];
        char hash[65];
        unsigned char h[32];
        crypto_generichash(h, sizeof h, a->data, a->size, NULL, 0);
        sodium_bin2hex(hash, sizeof hash, h, sizeof h);
        char *name = cut_utf8(a->name, DESK_MAX_NAME, "");
        rd_attachment_fields f = {client_id, case_id, log_id, hash, name, a->type, a->size};
        int64_t id;
        e = store_blob_put(im->d->st, hash, a->data, a->size);
        if (!e) e = store_attachment_insert(im->d->st, &f, now, &id);
        free(name);
        im->attachments++;
    }
    return e;
}

/* Records one parsed message; duplicates and unroutable messages are counted, not errors. */
static rd_err *import_one(importer *im, const mail_msg *m, const char *pos)
{
    rd_timestr now, at;
    desk_now(now);
    const char *key = m->message_id ? m->message_id : m->hash;
    bool known = false;
    rd_err *e = store_mail_known(im->d->st, key, &known);
    if (e) return e;
    if (known) {
        im->duplicates++;
        return NULL;
    }
    bool out = is_me(im, m->from_addr);
    int64_t client_id = 0, case_id = 0, log_id, mail_id;
    char *why = NULL;
    e = find_client(im, m, out, now, &client_id, &why);
    if (!e && !client_id) {
        skip(im, pos, "no client for the address", why);
        free(why);
        return NULL;
    }
    if (!e) e = find_case(im, m, client_id, &case_id);
    if (e) return e;

    /* a message dated in the future (a wrong clock) is recorded as arriving now */
    int64_t t = m->date && m->date <= time_now() ? m->date : time_now();
    time_iso(t, at);
    char *subject =
        cut_utf8(m->subject && *m->subject ? m->subject : "(no subject)", DESK_MAX_FIELD, "…");
    char *body = cut_utf8(m->body, DESK_MAX_TEXT, "\n[cut: the message is longer than 1 MiB]");
    rd_log_fields lf = {client_id, case_id, out ? "out" : "in", "email", at, subject, body};
    e = store_log_append(im->d->st, &lf, now, &log_id);
    rd_mail_fields mf = {log_id,         key,         m->from_addr,
                         m->from_name,   m->to_addrs, m->cc_addrs,
                         m->in_reply_to, m->refs,     pos};
    if (!e) e = store_mail_insert(im->d->st, &mf, now, &mail_id);
    if (!e && !out && !text_blank(body)) e = desk_triage_record(im->d, log_id, case_id, body);
    if (!e) e = keep_attachments(im, m, client_id, case_id, log_id, now);
    if (!e) {
        json_t *detail =
            json_pack("{s:s, s:I, s:I, s:s}", "message_id", key, "client_id", (json_int_t)client_id,
                      "case_id", (json_int_t)case_id, "direction", out ? "out" : "in");
        e = desk_audit(im->d, "mail.import", "log_entries", log_id, detail);
        json_decref(detail);
    }
    if (!e) im->imported++;
    free(subject);
    free(body);
    return e;
}

/* Checks --client and --case before anything is read; the case fixes the client. */
static rd_err *check_targets(importer *im, const desk_import_input *in)
{
    rd_err *e = NULL;
    json_t *row = NULL;
    if (in->client) e = desk_parse_id("client", in->client, &im->client_id);
    if (!e && in->case_id) e = desk_parse_id("case", in->case_id, &im->case_id);
    if (!e && im->client_id) e = store_client_get(im->d->st, im->client_id, &row);
    json_decref(row);
    row = NULL;
    if (!e && im->case_id) e = store_case_get(im->d->st, im->case_id, &row);
    if (!e && im->case_id) {
        int64_t owner = desk_ji(row, "client_id");
        if (im->client_id && owner != im->client_id)
            e = rd_error(RD_INVALID, "case: case %lld belongs to another client",
                         (long long)im->case_id);
        im->client_id = owner;
    }
    json_decref(row);
    return e;
}

/* Checks the targets and reads the user's own addresses; nothing is written. */
static rd_err *prepare(importer *im, rd_desk *d, const desk_import_input *in)
{
    im->d = d;
    im->create_clients = in->create_clients;
    char *me = NULL, *direct = NULL;
    rd_err *e = check_targets(im, in);
    if (!e) e = desk_config_get(d, "me.addresses", &me);
    /* the address given to clients is one of the user's own too: mail from it goes out */
    if (!e) e = desk_config_get(d, "me.email", &direct);
    if (!e) {
        load_me(im, me);
        load_me(im, direct);
    }
    free(me);
    free(direct);
    return e;
}

static void importer_free(importer *im)
{
    for (size_t i = 0; i < im->nme; i++)
        free(im->me[i]);
    free(im->me);
}

/* Imports every message of src in batches; *summary names the source label. */
static rd_err *run(importer *im, mail_source *src, const char *label, desk_progress_fn progress,
                   void *ctx, json_t **summary)
{
    rd_desk *d = im->d;
    im->by_reason = json_object();
    im->skips = json_array();
    rd_err *e = NULL;
    int64_t seen = 0, in_batch = 0;
    mail_msg *m;
    char *reason;
    const char *pos;
    while (!e && mail_source_next(src, &m, &reason, &pos)) {
        seen++;
        if (!m) {
            skip(im, pos, reason, reason);
            free(reason);
        } else {
            if (in_batch == 0) e = store_begin(d->st);
            if (!e) e = import_one(im, m, pos);
            mail_msg_free(m);
            if (e) {
                e = store_end(d->st, e);
                break;
            }
            if (++in_batch == BATCH) {
                e = store_end(d->st, NULL);
                in_batch = 0;
            }
        }
        if (progress) {
            int64_t done, total;
            mail_source_progress(src, &done, &total);
            progress(ctx, done, total, seen);
        }
    }
    if (!e && in_batch) e = store_end(d->st, NULL);

    if (!e)
        *summary = json_pack(
            "{s:s, s:s, s:I, s:I, s:I, s:I, s:O, s:O, s:I, s:I}", "source", mail_source_kind(src),
            "path", label, "messages", (json_int_t)seen, "imported", (json_int_t)im->imported,
            "duplicates", (json_int_t)im->duplicates, "skipped", (json_int_t)im->skipped,
            "skipped_by_reason", im->by_reason, "skips", im->skips, "clients_created",
            (json_int_t)im->clients_created, "attachments", (json_int_t)im->attachments);
    json_decref(im->by_reason);
    json_decref(im->skips);
    return e;
}

rd_err *desk_mail_import(rd_desk *d, const desk_import_input *in, desk_progress_fn progress,
                         void *ctx, json_t **summary)
{
    importer im = {0};
    mail_source *src = NULL;
    rd_err *e = prepare(&im, d, in);
    if (!e) e = mail_source_open(in->path, &src);
    if (!e) e = run(&im, src, in->path, progress, ctx, summary);
    importer_free(&im);
    mail_source_close(src);
    return e;
}

/* Writes data to a new private file (0600, mkstemp) under TMPDIR and opens it as a mail
 * source; the file is unlinked before this returns (the source keeps it mapped), so an
 * uploaded mailbox never stays on disk outside the desk. */
static rd_err *open_bytes(const char *name, const void *data, size_t size, mail_source **src)
{
    char *path = xtmp_template("redress-upload-XXXXXX");
    int fd = mkstemp(path);
    rd_err *e = NULL;
    if (fd < 0) e = rd_error(RD_IO, "file: cannot make a temporary file: %s", strerror(errno));
    for (size_t done = 0; !e && done < size;) {
        ssize_t n = write(fd, (const char *)data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            e = rd_error(RD_IO, "file: cannot write a temporary file: %s", strerror(errno));
        else
            done += (size_t)n;
    }
    if (fd >= 0) close(fd);
    if (!e) e = mail_source_open(path, src);
    if (fd >= 0) unlink(path);
    if (e && e->code == RD_INVALID) { /* the temporary path means nothing to the user */
        rd_err_free(e);
        e = rd_error(RD_INVALID, "file: '%s' is not a mail message (.eml) or an mbox", name);
    }
    free(path);
    return e;
}

rd_err *desk_mail_import_bytes(rd_desk *d, const desk_import_input *in, const char *name,
                               const void *data, size_t size, json_t **summary)
{
    assert(in->path == NULL);
    if (!name || !*name) return rd_error(RD_INVALID, "file: choose a message or an mbox to import");
    if (size == 0) return rd_error(RD_INVALID, "file: '%s' is empty", name);
    if (size > DESK_MAX_ATTACHMENT)
        return rd_error(RD_TOO_LARGE, "file: '%s' is over 25 MiB; import it with `redress import`",
                        name);
    importer im = {0};
    mail_source *src = NULL;
    rd_err *e = prepare(&im, d, in);
    if (!e) e = open_bytes(name, data, size, &src);
    if (!e) e = run(&im, src, name, NULL, NULL, summary);
    importer_free(&im);
    mail_source_close(src);
    return e;
}
