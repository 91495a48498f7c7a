/* desk_send.c — `draft send`: a reply released (P2, P5: the hold and the tone check still
 * decide) and then delivered by SMTP as a proper message in the client's thread. The
 * Message-ID is fixed and written down before the first attempt, so a failed delivery can be
 * retried as the same message, and one the server accepted is never sent twice. */
#include "desk/desk.h"
#include "store/store.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mail/mail.h"

/* The first of the me.addresses setting (the From address); caller frees. */
static rd_err *from_address(rd_desk *d, char **out)
{
    char *list = NULL;
    rd_err *e = desk_config_get(d, "me.addresses", &list);
    if (e) return e;
    size_t skip = strspn(list, " "), n = strcspn(list + skip, ", ");
    if (n == 0) e = rd_error(RD_INVALID, "me.addresses: set your address first (config set)");
    *out = e ? NULL : xstrndup(list + skip, n);
    free(list);
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

/* Everything a delivery needs, checked before the draft is released. */
typedef struct sending {
    json_t *draft, *client;
    char *url, *from, *name, *signature;
    char *user, *password; /* NULL: no authentication */
} sending;

static void sending_reset(sending *s)
{
    json_decref(s->draft);
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
        e = rd_error(RD_INVALID, "smtp.url: set the server first (config set smtp.url "
                                 "smtp://host:587)");
    if (!e) e = from_address(d, &s->from);
    if (!e) e = desk_config_get(d, "me.name", &s->name);
    if (!e) e = desk_config_get(d, "me.signature", &s->signature);
    if (!e) e = credentials(d, &s->user, &s->password);
    return e;
}

static rd_err *prepare(rd_desk *d, int64_t id, sending *s)
{
    rd_err *e = store_draft_get(d->st, id, &s->draft);
    if (!e && strcmp(desk_js(s->draft, "channel"), "email") != 0)
        e = rd_error(RD_CONFLICT, "draft: draft %lld goes out by %s, not email: use draft release",
                     (long long)id, desk_js(s->draft, "channel"));
    if (!e) e = store_client_get(d->st, desk_ji(s->draft, "client_id"), &s->client);
    if (!e && text_blank(desk_js(s->client, "email")))
        e = rd_error(RD_INVALID, "email: client %lld has no email address (client edit --email)",
                     (long long)desk_ji(s->client, "id"));
    if (!e) e = smtp_settings(d, s);
    return e;
}

/* Queues the delivery of released draft id: its Message-ID, recorded beside the log entry so a
 * reply from the client threads back to the case. */
static rd_err *queue(rd_desk *d, int64_t id, const sending *s, json_t **outbox)
{
    rd_timestr now;
    desk_now(now);
    rd_err *e = store_begin(d->st);
    if (e) return e;
    json_t *draft = NULL, *last = NULL;
    int64_t log_id = 0, out_id, mail_id;
    e = store_draft_get(d->st, id, &draft);
    if (!e) log_id = desk_ji(draft, "log_id");
    if (!e) e = store_outbox_get(d->st, id, outbox);
    if (!e && !*outbox) {
        char *mid = mail_new_message_id(s->from);
        e = store_mail_last_from_client(d->st, desk_ji(draft, "client_id"),
                                        desk_ji(draft, "case_id"), &last);
        rd_mail_fields mf = {log_id,
                             mid,
                             s->from,
                             s->name,
                             desk_js(s->client, "email"),
                             NULL,
                             desk_js(last, "message_id"),
                             NULL,
                             "sent"};
        char *refs = NULL;
        if (last) {
            const char *r = desk_js(last, "refs");
            refs = r ? xasprintf("%s %s", r, desk_js(last, "message_id"))
                     : xstrdup(desk_js(last, "message_id"));
            mf.refs = refs;
        }
        if (!e) e = store_mail_insert(d->st, &mf, now, &mail_id);
        if (!e)
            e = store_outbox_insert(d->st, id, log_id, mid, desk_js(s->client, "email"), now,
                                    &out_id);
        if (!e) e = store_outbox_get(d->st, id, outbox);
        /* every write ends with an audit entry: the seal compares the desk with the newest */
        if (!e) e = desk_audit(d, "draft.queue", "mail_outbox", out_id, NULL);
        free(refs);
        free(mid);
    }
    json_decref(draft);
    json_decref(last);
    return store_end(d->st, e);
}

/* The subject: the draft's, else Re: the client's last subject, else one naming the case. */
static char *subject_of(const sending *s, json_t *thread)
{
    const char *sub = desk_js(s->draft, "subject");
    if (!text_blank(sub)) return xstrdup(sub);
    const char *last = desk_js(thread, "subject");
    if (!text_blank(last))
        return strncmp(last, "Re:", 3) == 0 ? xstrdup(last) : xasprintf("Re: %s", last);
    return xasprintf("Your complaint (case %lld)", (long long)desk_ji(s->draft, "case_id"));
}

static rd_err *deliver(rd_desk *d, const sending *s, json_t *outbox, char **answer)
{
    json_t *mail = NULL, *thread = NULL;
    int64_t log_id = desk_ji(outbox, "log_id");
    char *data = NULL, *subject = NULL, *body = NULL;
    size_t len = 0;
    rd_err *e = store_mail_last_from_client(d->st, desk_ji(s->draft, "client_id"),
                                            desk_ji(s->draft, "case_id"), &thread);
    if (!e) e = store_mail_of_log(d->st, log_id, &mail);
    if (!e) {
        subject = subject_of(s, thread);
        const char *text = desk_js(s->draft, "body");
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
                      time_now()};
        e = mail_compose(&m, &data, &len);
    }
    if (!e) {
        mail_smtp smtp = {s->url, s->user, s->password};
        e = mail_smtp_send(&smtp, s->from, desk_js(s->client, "email"), data, len, answer);
    }
    json_decref(mail);
    json_decref(thread);
    free(data);
    free(subject);
    free(body);
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
    if (!e && strcmp(desk_js(outbox, "status"), "sent") == 0)
        e = rd_error(RD_CONFLICT, "draft: draft %lld was already sent on %s as <%s>", (long long)id,
                     desk_js(outbox, "sent_at"), desk_js(outbox, "message_id"));
    if (e) {
        json_decref(outbox);
        sending_reset(&s);
        return e;
    }
    char *answer = NULL;
    rd_err *sent = deliver(d, &s, outbox, &answer);
    const char *said = answer && *answer ? answer : sent ? sent->msg : "";
    rd_timestr now;
    desk_now(now);
    e = store_begin(d->st);
    if (!e) e = store_outbox_result(d->st, desk_ji(outbox, "id"), sent == NULL, said, now);
    if (!e) {
        json_t *detail =
            json_pack("{s:s, s:s, s:b, s:s}", "message_id", desk_js(outbox, "message_id"), "rcpt",
                      desk_js(outbox, "rcpt"), "sent", sent == NULL, "answer", said);
        e = desk_audit(d, "draft.send", "mail_outbox", desk_ji(outbox, "id"), detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
    if (sent) {
        rd_err_free(e);
        e = rd_error(sent->code,
                     "send: draft %lld is released but not sent (%s); run draft send "
                     "%lld again to retry",
                     (long long)id, sent->msg, (long long)id);
        rd_err_free(sent);
    } else if (!e) {
        *out = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)id, "log_id",
                         (json_int_t)desk_ji(outbox, "log_id"), "message_id",
                         desk_js(outbox, "message_id"), "rcpt", desk_js(outbox, "rcpt"), "status",
                         "sent", "answer", said);
    }
    free(answer);
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
                      time_now()};
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
