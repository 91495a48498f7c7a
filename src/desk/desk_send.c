/* desk_send.c — `draft send`: a reply released (P2, P5: the hold and the tone check still
 * decide) and then delivered by SMTP as a proper message in the client's thread; `letter send`:
 * a letter redress wrote and logged (a demand letter, a payment reminder, a termination notice,
 * a restatement) delivered the same way, with its PDF attached when asked, once the cool-off
 * and any pause allow it (P2, P14). The Message-ID is fixed and written down before the first
 * attempt, so a failed delivery can be retried as the same message, and one the server accepted
 * is never sent twice. */
#include "desk/playbook_int.h"
#include "store/store.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mail/mail.h"

/* The first address of the setting key (comma separated), or NULL when it is empty; caller
 * frees. */
static rd_err *first_address(rd_desk *d, const char *key, char **out)
{
    char *list = NULL;
    rd_err *e = desk_config_get(d, key, &list);
    *out = NULL;
    if (e) return e;
    size_t skip = strspn(list, " "), n = strcspn(list + skip, ", ");
    if (n > 0) *out = xstrndup(list + skip, n);
    free(list);
    return NULL;
}

/* The From address: the first of me.addresses, else me.email; caller frees. */
static rd_err *from_address(rd_desk *d, char **out)
{
    rd_err *e = first_address(d, "me.addresses", out);
    if (!e && !*out) e = first_address(d, "me.email", out);
    if (!e && !*out)
        e = rd_err_next(rd_error(RD_INVALID, "me.addresses: set your address first (or me.email)"),
                        "config.set", 0, 0);
    return e;
}

/* User and password from REDRESS_SMTP_USER/REDRESS_SMTP_PASSWORD, else from the file the
 * smtp.credentials setting names (user on line 1, password on line 2), which must be private. */
static rd_err *credentials(rd_desk *d, char **user, char **password)
{
    *user = *password = NULL;
    const char *u = getenv("REDRESS_SMTP_USER"), *p = getenv("REDRESS_SMTP_PASSWORD");
    if (u && *u) {
        *user = xstrdup(u);
        *password = xstrdup(p ? p : "");
        return NULL;
    }
    char *path = NULL;
    rd_err *e = desk_config_get(d, "smtp.credentials", &path);
    if (e || !*path) {
        free(path);
        return e;
    }
    struct stat sb;
    char *text = NULL;
    if (stat(path, &sb) != 0)
        e = rd_error(RD_INVALID, "smtp.credentials: %s does not exist", path);
    else if (sb.st_mode & 077)
        e = rd_error(RD_INVALID, "smtp.credentials: %s can be read by others (chmod 600 it)", path);
    if (!e) e = text_read("smtp.credentials", path, 4096, &text, NULL);
    if (!e) {
        size_t n = strcspn(text, "\r\n");
        *user = xstrndup(text, n);
        const char *rest = text + n + strspn(text + n, "\r\n");
        *password = xstrndup(rest, strcspn(rest, "\r\n"));
    }
    free(text);
    free(path);
    return e;
}

/* Everything a delivery needs, checked before anything is written. */
typedef struct sending {
    json_t *draft;  /* draft send: the draft */
    json_t *entry;  /* letter send: the log entry of the letter */
    json_t *client; /* the recipient */
    int64_t client_id, case_id;
    const char *subject, *body; /* borrowed from draft or entry */
    char *url, *from, *name, *signature;
    char *user, *password; /* NULL: no authentication */
} sending;

static void sending_reset(sending *s)
{
    json_decref(s->draft);
    json_decref(s->entry);
    json_decref(s->client);
    free(s->url);
    free(s->from);
    free(s->name);
    free(s->signature);
    free(s->user);
    if (s->password) sodium_memzero(s->password, strlen(s->password));
    free(s->password);
}

/* The SMTP server, the user's address, name and signature, and the credentials. */
static rd_err *smtp_settings(rd_desk *d, sending *s)
{
    rd_err *e = NULL;
    if (!e) e = desk_config_get(d, "smtp.url", &s->url);
    if (!e && !*s->url)
        e = rd_err_next(rd_error(RD_INVALID, "smtp.url: set the server first (smtp://host:587)"),
                        "config.set", 0, 0);
    if (!e) e = from_address(d, &s->from);
    if (!e) e = desk_config_get(d, "me.name", &s->name);
    if (!e) e = desk_config_get(d, "me.signature", &s->signature);
    if (!e) e = credentials(d, &s->user, &s->password);
    return e;
}

/* The recipient (s->client_id) with an email address, and the SMTP settings. */
static rd_err *recipient_and_settings(rd_desk *d, sending *s)
{
    rd_err *e = store_client_get(d->st, s->client_id, &s->client);
    if (!e && text_blank(desk_js(s->client, "email")))
        e = rd_err_next(rd_error(RD_INVALID, "email: client %lld has no email address",
                                 (long long)s->client_id),
                        "client.edit", 0, s->client_id);
    if (!e) e = smtp_settings(d, s);
    return e;
}

static rd_err *prepare(rd_desk *d, int64_t id, sending *s)
{
    rd_err *e = store_draft_get(d->st, id, &s->draft);
    if (!e && strcmp(desk_js(s->draft, "channel"), "email") != 0)
        e = rd_err_next(rd_error(RD_CONFLICT,
                                 "draft: draft %lld goes out by %s, not email: release it instead",
                                 (long long)id, desk_js(s->draft, "channel")),
                        "draft.release", desk_ji(s->draft, "case_id"), id);
    if (e) return e;
    s->client_id = desk_ji(s->draft, "client_id");
    s->case_id = desk_ji(s->draft, "case_id");
    s->subject = desk_js(s->draft, "subject");
    s->body = desk_js(s->draft, "body");
    return recipient_and_settings(d, s);
}

/* Records log entry log_id (draft_id's release, or 0 for a letter) as going out: a new
 * Message-ID, the mail row beside the entry (in reply to the client's newest message, so the
 * client's answer threads back to the case) and the outbox row. Inside the caller's
 * transaction. */
static rd_err *enqueue(rd_desk *d, const sending *s, int64_t draft_id, int64_t log_id,
                       const char *now, int64_t *out_id)
{
    json_t *last = NULL;
    int64_t mail_id;
    char *mid = mail_new_message_id(s->from), *refs = NULL;
    rd_err *e = store_mail_last_from_client(d->st, s->client_id, s->case_id, &last);
    rd_mail_fields mf = {log_id,
                         mid,
                         s->from,
                         s->name,
                         desk_js(s->client, "email"),
                         NULL,
                         desk_js(last, "message_id"),
                         NULL,
                         "sent"};
    if (last) {
        const char *r = desk_js(last, "refs");
        refs = r ? xasprintf("%s %s", r, desk_js(last, "message_id"))
                 : xstrdup(desk_js(last, "message_id"));
        mf.refs = refs;
    }
    if (!e) e = store_mail_insert(d->st, &mf, now, &mail_id);
    if (!e)
        e = store_outbox_insert(d->st, draft_id, log_id, mid, desk_js(s->client, "email"), now,
                                out_id);
    free(refs);
    free(mid);
    json_decref(last);
    return e;
}

/* Queues the delivery of released draft id. */
static rd_err *queue(rd_desk *d, int64_t id, const sending *s, json_t **outbox)
{
    rd_timestr now;
    desk_now(now);
    rd_err *e = store_begin(d->st);
    if (e) return e;
    json_t *draft = NULL;
    int64_t log_id = 0, out_id;
    e = store_draft_get(d->st, id, &draft);
    if (!e) log_id = desk_ji(draft, "log_id");
    if (!e) e = store_outbox_get(d->st, id, outbox);
    if (!e && !*outbox) {
        e = enqueue(d, s, id, log_id, now, &out_id);
        if (!e) e = store_outbox_get(d->st, id, outbox);
        /* every write ends with an audit entry: the seal compares the desk with the newest */
        if (!e) e = desk_audit(d, "draft.queue", "mail_outbox", out_id, NULL);
    }
    json_decref(draft);
    return store_end(d->st, e);
}

/* The subject: the draft's or letter's, else Re: the client's last subject, else one naming the
 * case. */
static char *subject_of(const sending *s, json_t *thread)
{
    if (!text_blank(s->subject)) return xstrdup(s->subject);
    const char *last = desk_js(thread, "subject");
    if (!text_blank(last))
        return strncmp(last, "Re:", 3) == 0 ? xstrdup(last) : xasprintf("Re: %s", last);
    return xasprintf("Your complaint (case %lld)", (long long)s->case_id);
}

/* The files recorded with log entry log_id, their bytes checked against their hashes. *att
 * (caller's, freed with files_free) holds *n of them. */
static rd_err *files_of(rd_desk *d, int64_t log_id, mail_attachment **att, size_t *n)
{
    json_t *rows = NULL;
    *att = NULL;
    *n = 0;
    rd_err *e = store_attachments_of_log(d->st, log_id, &rows);
    if (!e && json_array_size(rows) > 0) *att = xcalloc(json_array_size(rows), sizeof **att);
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        json_t *row = NULL;
        void *data = NULL;
        size_t size = 0;
        if (!e) e = desk_attachment_get(d, desk_ji(r, "id"), &row, &data, &size);
        if (e) {
            json_decref(row);
            free(data);
            break;
        }
        (*att)[*n] = (mail_attachment){xstrdup(desk_js(row, "name")), xstrdup(desk_js(row, "type")),
                                       data, size};
        (*n)++;
        json_decref(row);
    }
    json_decref(rows);
    return e;
}

static void files_free(mail_attachment *att, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(att[i].name);
        free(att[i].type);
        free(att[i].data);
    }
    free(att);
}

static rd_err *deliver(rd_desk *d, const sending *s, json_t *outbox, char **answer)
{
    json_t *mail = NULL, *thread = NULL;
    int64_t log_id = desk_ji(outbox, "log_id");
    char *data = NULL, *subject = NULL, *body = NULL;
    size_t len = 0, natt = 0;
    mail_attachment *att = NULL;
    rd_err *e = store_mail_last_from_client(d->st, s->client_id, s->case_id, &thread);
    if (!e) e = store_mail_of_log(d->st, log_id, &mail);
    if (!e) e = files_of(d, log_id, &att, &natt);
    if (!e) {
        subject = subject_of(s, thread);
        const char *text = s->body ? s->body : "";
        int n = (int)strlen(text);
        while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' ' || text[n - 1] == '\t'))
            n--;
        /* "-- " on its own line: mail readers know the signature by it */
        body = *s->signature ? xasprintf("%.*s\n\n-- \n%s\n", n, text, s->signature)
                             : xasprintf("%.*s\n", n, text);
        mail_out m = {*s->name ? s->name : NULL,
                      s->from,
                      desk_js(s->client, "name"),
                      desk_js(s->client, "email"),
                      subject,
                      body,
                      desk_js(outbox, "message_id"),
                      desk_js(mail, "in_reply_to"),
                      desk_js(mail, "refs"),
                      time_now(),
                      att,
                      natt};
        e = mail_compose(&m, &data, &len);
    }
    if (!e) {
        mail_smtp smtp = {s->url, s->user, s->password};
        e = mail_smtp_send(&smtp, s->from, desk_js(s->client, "email"), data, len, answer);
    }
    files_free(att, natt);
    json_decref(mail);
    json_decref(thread);
    free(data);
    free(subject);
    free(body);
    return e;
}

/* Refuses a delivery the server already accepted; field names what in the refusal. */
static rd_err *not_sent_yet(json_t *outbox, const char *field, const char *what)
{
    if (strcmp(desk_js(outbox, "status"), "sent") != 0) return NULL;
    return rd_error(RD_CONFLICT, "%s: %s was already sent on %s as <%s>", field, what,
                    desk_js(outbox, "sent_at"), desk_js(outbox, "message_id"));
}

/* Delivers the queued outbox row and records the attempt (audited as action, with overrode when
 * a hold was overridden). A refused or failed delivery is an error of the server's kind saying
 * that what is state ("released") but not sent, and that the command retry retries it; on
 * success *out (caller's) is {log_id, message_id, rcpt, status, answer, attachments}. */
static rd_err *attempt(rd_desk *d, const sending *s, json_t *outbox, const char *action,
                       const char *overrode, const char *what, const char *state, const char *retry,
                       json_t **out)
{
    char *answer = NULL;
    rd_err *sent = deliver(d, s, outbox, &answer);
    const char *said = answer && *answer ? answer : sent ? sent->msg : "";
    rd_timestr now;
    desk_now(now);
    json_t *files = NULL;
    rd_err *e = store_begin(d->st);
    if (!e) e = store_outbox_result(d->st, desk_ji(outbox, "id"), sent == NULL, said, now);
    if (!e) e = store_attachments_of_log(d->st, desk_ji(outbox, "log_id"), &files);
    if (!e) {
        json_t *detail = json_pack("{s:s, s:s, s:b, s:s, s:s?}", "message_id",
                                   desk_js(outbox, "message_id"), "rcpt", desk_js(outbox, "rcpt"),
                                   "sent", sent == NULL, "answer", said, "overrode", overrode);
        e = desk_audit(d, action, "mail_outbox", desk_ji(outbox, "id"), detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
    if (sent) {
        rd_err_free(e);
        e = rd_error(sent->code, "send: %s is %s but not sent (%s); run %s again to retry", what,
                     state, sent->msg, retry);
        rd_err_free(sent);
    } else if (!e) {
        json_t *names = json_array();
        size_t i;
        json_t *f;
        json_array_foreach(files, i, f) json_array_append(names, json_object_get(f, "name"));
        *out = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "log_id",
                         (json_int_t)desk_ji(outbox, "log_id"), "message_id",
                         desk_js(outbox, "message_id"), "rcpt", desk_js(outbox, "rcpt"), "status",
                         "sent", "answer", said, "attachments", names);
    }
    json_decref(files);
    free(answer);
    return e;
}

rd_err *desk_draft_send(rd_desk *d, int64_t id, const char *override, json_t **out)
{
    sending s = {0};
    json_t *outbox = NULL;
    int64_t log_id;
    rd_err *e = prepare(d, id, &s);
    if (!e && strcmp(desk_js(s.draft, "status"), "draft") == 0)
        e = desk_draft_release(d, id, override, &log_id);
    if (!e) e = queue(d, id, &s, &outbox);
    char *what = xasprintf("draft %lld", (long long)id);
    if (!e) e = not_sent_yet(outbox, "draft", what);
    if (!e) {
        char *retry = xasprintf("draft send %lld", (long long)id);
        e = attempt(d, &s, outbox, "draft.send", NULL, what, "released", retry, out);
        free(retry);
    }
    if (!e) json_object_set_new(*out, "id", json_integer((json_int_t)id));
    free(what);
    json_decref(outbox);
    sending_reset(&s);
    return e;
}

/* ---------------------------------------------------------------- letters */

enum letter_ref { REF_NONE, REF_SUBJECT, REF_CASE };

/* The letters redress writes, known by the subject it gives their log entry. */
typedef struct letter_kind {
    const char *subject; /* the entry's subject, or its start before ": " */
    const char *what;    /* names it in a hold's refusal */
    const char *title;   /* the PDF's title; NULL: the subject */
    enum letter_ref ref; /* the PDF's "Re:" line: none, the subject, or the case */
    bool through_pause;  /* the termination notice ends a pause, so a pause does not hold it */
    const char *file;    /* the PDF's file name */
} letter_kind;

static const letter_kind letter_kinds[] = {
    {"Formal demand for payment", "the demand letter", "Formal demand for payment", REF_NONE, false,
     "demand-for-payment.pdf"},
    {"Payment reminder", "a payment reminder", NULL, REF_SUBJECT, false, "payment-reminder.pdf"},
    {"Notice of termination", "the termination notice", "Notice of termination", REF_NONE, true,
     "notice-of-termination.pdf"},
    {"Restatement for confirmation", "the restatement", "What we agreed", REF_CASE, false,
     "what-we-agreed.pdf"},
    {"Corrected restatement for confirmation", "the corrected restatement", "What we agreed",
     REF_CASE, false, "what-we-agreed.pdf"},
};

static const letter_kind *kind_of(const char *subject)
{
    for (size_t i = 0; subject && i < sizeof letter_kinds / sizeof letter_kinds[0]; i++) {
        size_t n = strlen(letter_kinds[i].subject);
        if (strncmp(subject, letter_kinds[i].subject, n) == 0 &&
            (subject[n] == '\0' || subject[n] == ':'))
            return &letter_kinds[i];
    }
    return NULL;
}

/* Whether entry (a log row) is a letter redress wrote that desk_letter_send takes: written to
 * the client, by email or letter, under one of letter_kinds' subjects, not erased. */
static bool sendable_letter(json_t *entry)
{
    const char *dir = desk_js(entry, "direction"), *channel = desk_js(entry, "channel");
    return dir && !strcmp(dir, "out") && channel &&
           (!strcmp(channel, "email") || !strcmp(channel, "letter")) && !desk_ji(entry, "erased") &&
           kind_of(desk_js(entry, "subject"));
}

rd_err *pb_case_mail(rd_desk *d, json_t *k)
{
    json_t *rows = NULL, *log = json_object_get(k, "log");
    rd_err *e = store_outbox_of_case(d->st, desk_ji(k, "id"), &rows);
    if (e) return e;
    size_t i, j;
    json_t *entry;
    /* a case has few deliveries: each entry looks for its own among them */
    json_array_foreach(log, i, entry)
    {
        json_object_set_new(entry, "letter", json_boolean(sendable_letter(entry)));
        for (j = 0; j < json_array_size(rows); j++) {
            json_t *m = json_array_get(rows, j);
            if (desk_ji(m, "log_id") != desk_ji(entry, "id")) continue;
            json_object_del(m, "log_id");
            json_object_set(entry, "mail", m);
            break;
        }
    }
    json_decref(rows);
    return NULL;
}

/* The log entry log_id as a letter that may go by mail, its recipient and the SMTP settings. */
static rd_err *prepare_letter(rd_desk *d, int64_t log_id, sending *s, const letter_kind **kind)
{
    rd_err *e = store_log_sent_get(d->st, log_id, &s->entry);
    if (e) return e;
    const char *channel = desk_js(s->entry, "channel");
    long long id = (long long)log_id;
    *kind = kind_of(desk_js(s->entry, "subject"));
    if (desk_ji(s->entry, "draft_id"))
        e = rd_error(
            RD_CONFLICT, "letter: log entry %lld is the reply of draft %lld: use draft send %lld",
            id, (long long)desk_ji(s->entry, "draft_id"), (long long)desk_ji(s->entry, "draft_id"));
    else if (strcmp(desk_js(s->entry, "direction"), "out") != 0 || !*kind)
        e = rd_error(RD_CONFLICT,
                     "letter: log entry %lld is not a letter redress wrote (a demand letter, a"
                     " payment reminder, a termination notice or a restatement)",
                     id);
    else if (strcmp(channel, "email") != 0 && strcmp(channel, "letter") != 0)
        e = rd_error(RD_CONFLICT, "letter: log entry %lld was recorded as given by %s, not written",
                     id, channel);
    if (e) return e;
    s->client_id = desk_ji(s->entry, "client_id");
    s->case_id = desk_ji(s->entry, "case_id");
    s->subject = desk_js(s->entry, "subject");
    s->body = desk_js(s->entry, "body");
    return recipient_and_settings(d, s);
}

/* Keeps the letter as a PDF with its log entry: the file that goes with the mail, and evidence
 * of exactly what was sent. Inside the caller's transaction. */
static rd_err *keep_pdf(rd_desk *d, const sending *s, const letter_kind *kind, const char *now)
{
    rd_buf pdf;
    buf_init(&pdf, 0);
    char *ref = kind->ref == REF_CASE
                    ? xasprintf("What you want (case %lld)", (long long)s->case_id)
                : kind->ref == REF_SUBJECT ? xstrdup(s->subject)
                                           : NULL;
    rd_err *e = desk_letter_pdf(d, kind->title ? kind->title : s->subject, ref, s->body, &pdf);
    if (!e) {
        unsigned char h[32];
        char hash[65];
        int64_t id;
        crypto_generichash(h, sizeof h, (const unsigned char *)pdf.data, pdf.len, NULL, 0);
        sodium_bin2hex(hash, sizeof hash, h, sizeof h);
        rd_attachment_fields f = {s->client_id, s->case_id, desk_ji(s->entry, "id"),
                                  hash,         kind->file, "application/pdf",
                                  pdf.len};
        e = store_blob_put(d->st, hash, pdf.data, pdf.len);
        if (!e) e = store_attachment_insert(d->st, &f, now, &id);
    }
    free(ref);
    buf_reset(&pdf);
    return e;
}

/* The hold (P2, P14) as for a draft's release, then the queueing of a letter's first attempt. */
static rd_err *queue_letter(rd_desk *d, const sending *s, const letter_kind *kind,
                            const desk_letter_send_input *in, json_t **outbox, char **overrode)
{
    rd_timestr now;
    desk_now(now);
    int64_t log_id = desk_ji(s->entry, "id"), out_id;
    json_t *k = NULL, *files = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    if (s->case_id) {
        e = store_case_get(d->st, s->case_id, &k);
        if (!e) e = pb_hold(d, k, kind->what, in->override, overrode);
    } else {
        e = pb_client_hold(d, s->client_id, kind->what, in->override, overrode,
                           kind->through_pause);
    }
    if (!e) e = store_outbox_of_log(d->st, log_id, outbox);
    if (!e && *outbox && in->pdf) e = store_attachments_of_log(d->st, log_id, &files);
    if (!e && *outbox && in->pdf && json_array_size(files) == 0)
        e = rd_error(RD_CONFLICT,
                     "pdf: log entry %lld was first tried without its PDF; a retry sends the same"
                     " message, so leave the PDF out",
                     (long long)log_id);
    if (!e && !*outbox) {
        e = enqueue(d, s, 0, log_id, now, &out_id);
        if (!e && in->pdf) e = keep_pdf(d, s, kind, now);
        if (!e) e = store_outbox_of_log(d->st, log_id, outbox);
        if (!e)
            e = pb_audit(d, "letter.queue", "mail_outbox", out_id,
                         json_pack("{s:I, s:s, s:b}", "log_id", (json_int_t)log_id, "message_id",
                                   desk_js(*outbox, "message_id"), "pdf", in->pdf),
                         *overrode ? in->override : NULL, *overrode);
    }
    json_decref(k);
    json_decref(files);
    return store_end(d->st, e);
}

rd_err *desk_letter_send(rd_desk *d, int64_t log_id, const desk_letter_send_input *in, json_t **out)
{
    sending s = {0};
    const letter_kind *kind = NULL;
    json_t *outbox = NULL;
    char *overrode = NULL;
    rd_err *e = pb_override_check(in->override);
    if (!e) e = prepare_letter(d, log_id, &s, &kind);
    if (!e) e = queue_letter(d, &s, kind, in, &outbox, &overrode);
    char *what = xasprintf("letter %lld (%s)", (long long)log_id, s.subject ? s.subject : "");
    if (!e) e = not_sent_yet(outbox, "letter", what);
    if (!e) {
        char *retry = xasprintf("letter send %lld", (long long)log_id);
        e = attempt(d, &s, outbox, "letter.send", overrode, what, "logged", retry, out);
        free(retry);
    }
    free(what);
    free(overrode);
    json_decref(outbox);
    sending_reset(&s);
    return e;
}

rd_err *desk_mail_self(rd_desk *d, const char *subject, const char *text, json_t **out)
{
    sending s = {0};
    char *data = NULL, *mid = NULL, *answer = NULL;
    size_t len = 0;
    rd_err *e = text_check("text", text, DESK_MAX_TEXT, true);
    if (!e) e = text_check("subject", subject, DESK_MAX_FIELD, false);
    if (!e) e = smtp_settings(d, &s);
    if (!e) {
        mid = mail_new_message_id(s.from);
        mail_out m = {*s.name ? s.name : NULL,
                      s.from,
                      *s.name ? s.name : NULL,
                      s.from,
                      subject,
                      text,
                      mid,
                      NULL,
                      NULL,
                      time_now(),
                      NULL,
                      0};
        e = mail_compose(&m, &data, &len);
    }
    if (!e) {
        mail_smtp smtp = {s.url, s.user, s.password};
        e = mail_smtp_send(&smtp, s.from, s.from, data, len, &answer);
    }
    if (!e)
        *out = json_pack("{s:s, s:s, s:s}", "rcpt", s.from, "message_id", mid, "answer",
                         answer ? answer : "");
    free(data);
    free(mid);
    free(answer);
    sending_reset(&s);
    return e;
}
