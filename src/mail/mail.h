/* mail.h — mail in and out, without the database: reading messages from a .eml file, an mbox or
 * a Maildir into plain C values (GMime does the MIME), turning HTML into readable text, building
 * an RFC 5322 reply and handing it to an SMTP server (libcurl). The desk decides what a message
 * means for a client and a case; nothing here knows about either. */
#ifndef REDRESS_MAIL_H
#define REDRESS_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

#define MAIL_MAX_MESSAGE ((size_t)50 << 20) /* larger messages are skipped as too large */
#define MAIL_MAX_DEPTH   32                 /* MIME parts nested deeper are not read */
#define MAIL_MAX_PARTS   1000               /* parts read from one message at most */

typedef struct mail_attachment {
    char *name;          /* file name, UTF-8; "attachment-N" when the part has none */
    char *type;          /* MIME type, lower case */
    unsigned char *data; /* decoded content (no transfer encoding left) */
    size_t size;
} mail_attachment;

/* One message, decoded. Every string is UTF-8 without control characters other than tab and
 * newline, owned by the message; NULL when the header is absent. */
typedef struct mail_msg {
    char *message_id;  /* without <> */
    char hash[73];     /* "blake2b:" + BLAKE2b-256 hex of the message's bytes */
    char *from_addr;   /* lower case */
    char *from_name;   /* display name */
    char *to_addrs;    /* comma separated, lower case */
    char *cc_addrs;    /* comma separated, lower case */
    char *in_reply_to; /* without <> */
    char *refs;        /* References, space separated, without <> */
    char *subject;
    int64_t date; /* Unix seconds; 0 when there is no readable Date */
    char *body;   /* text/plain preferred, else the HTML part as text; never NULL */
    mail_attachment *att;
    size_t natt;
} mail_msg;

/* Parses one message of len bytes. Returns RD_INVALID with a short reason ("not a MIME
 * message", "no From address", "too large") when it cannot be imported; *out is the caller's,
 * freed with mail_msg_free(). */
rd_err *mail_parse(const char *data, size_t len, mail_msg **out);
void mail_msg_free(mail_msg *m);

/* The readable text of an HTML document: tags dropped, script and style skipped, block
 * elements and <br> as line breaks, entities decoded, runs of blank lines collapsed. The
 * caller frees the result. */
char *mail_html_to_text(const char *html, size_t len);

/* Turns bytes in charset (NULL or unknown: guessed) into clean UTF-8: invalid sequences read as
 * Windows-1252, CR and control characters other than tab and newline dropped. Caller frees. */
char *mail_to_utf8(const char *data, size_t len, const char *charset);

/* Appends code point cp to b as UTF-8 (U+FFFD for a surrogate, 0 or one past U+10FFFF). */
void mail_put_utf8(rd_buf *b, unsigned cp);

/* ---------------------------------------------------------------- sources */
typedef struct mail_source mail_source;

/* Opens path as a Maildir (a folder with cur/ or new/), an mbox (a file starting with "From ")
 * or a single message, judged by content rather than name. *out is the caller's; close it with
 * mail_source_close(). */
rd_err *mail_source_open(const char *path, mail_source **out);
void mail_source_close(mail_source *s);
const char *mail_source_kind(const mail_source *s); /* "maildir", "mbox" or "eml" */

/* The next message. Returns false at the end. Otherwise *pos (borrowed until the next call) says
 * where it is ("FILE" for a Maildir, "byte N" in an mbox), and either *msg is the message (the
 * caller's) or *reason (the caller's) says why it was skipped. */
bool mail_source_next(mail_source *s, mail_msg **msg, char **reason, const char **pos);
/* How far the reading is, in units of total (messages for a Maildir, bytes for an mbox). */
void mail_source_progress(const mail_source *s, int64_t *done, int64_t *total);

/* ---------------------------------------------------------------- sending */
typedef struct mail_out {
    const char *from_name, *from_addr; /* the user */
    const char *to_name, *to_addr;     /* the client */
    const char *subject;
    const char *body;           /* UTF-8, the reply with its signature */
    const char *message_id;     /* without <> */
    const char *in_reply_to;    /* without <>, or NULL */
    const char *refs;           /* space separated, without <>, or NULL */
    int64_t date;               /* Unix seconds */
    const mail_attachment *att; /* files sent with it (a letter's PDF), or NULL */
    size_t natt;
} mail_out;

/* Builds the RFC 5322 message (headers encoded per RFC 2047, body UTF-8 quoted-printable, CRLF
 * line ends; with attachments, multipart/mixed: the text first, then each file in base64 with
 * its name, RFC 2231-encoded when it is not ASCII). The caller frees *out. */
rd_err *mail_compose(const mail_out *m, char **out, size_t *len);
/* A new Message-ID (without <>) at the domain of addr. Caller frees. */
char *mail_new_message_id(const char *addr);

typedef struct mail_smtp {
    const char *url;  /* smtp://host:port or smtps://host:port */
    const char *user; /* NULL: no authentication */
    const char *password;
} mail_smtp;

/* Sends data from from to rcpt. STARTTLS is used when the server offers it. On failure returns
 * RD_IO whose message carries the server's answer; *answer (caller's, may be NULL) is the
 * server's last reply line either way. */
rd_err *mail_smtp_send(const mail_smtp *s, const char *from, const char *rcpt, const char *data,
                       size_t len, char **answer);

#endif
