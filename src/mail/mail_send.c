/* mail_send.c — a reply out: the RFC 5322 message built with GMime (headers RFC 2047-encoded
 * where they are not ASCII, a UTF-8 text body in quoted-printable, CRLF line ends) and handed to
 * an SMTP server with libcurl, upgrading to TLS whenever the server offers STARTTLS. */
#include "mail/mail.h"

#include <curl/curl.h>
#include <gmime/gmime.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_libs(void)
{
    g_mime_init();
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* "<a> <b>" from "a b"; caller frees. */
static char *angle_list(const char *ids)
{
    rd_buf b;
    buf_init(&b, 0);
    char *copy = xstrdup(ids);
    for (char *p = copy, *next; p && *p; p = next) {
        next = strchr(p, ' ');
        if (next) *next++ = '\0';
        if (*p) rd_err_free(buf_addf(&b, "%s<%s>", b.len ? " " : "", p));
    }
    free(copy);
    rd_err_free(buf_adds(&b, ""));
    return buf_detach(&b);
}

/* Adds "name <addr>" to list, a non-ASCII name encoded as UTF-8 (RFC 2047). */
static void add_mailbox(InternetAddressList *list, const char *name, const char *addr)
{
    InternetAddress *ia = internet_address_mailbox_new(name ? name : "", addr);
    internet_address_set_charset(ia, "utf-8");
    internet_address_list_add(list, ia);
    g_object_unref(ia);
}

/* Adds a as a base64 attachment part (Content-Disposition: attachment; filename=…) to mixed. */
static void add_file(GMimeMultipart *mixed, const mail_attachment *a)
{
    const char *slash = a->type ? strchr(a->type, '/') : NULL;
    char *type = slash ? xstrndup(a->type, (size_t)(slash - a->type)) : xstrdup("application");
    GMimePart *file = g_mime_part_new_with_type(type, slash ? slash + 1 : "octet-stream");
    free(type);
    GMimeStream *bytes = g_mime_stream_mem_new_with_buffer((const char *)a->data, a->size);
    GMimeDataWrapper *content =
        g_mime_data_wrapper_new_with_stream(bytes, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(file, content);
    g_object_unref(content);
    g_object_unref(bytes);
    g_mime_part_set_content_encoding(file, GMIME_CONTENT_ENCODING_BASE64);
    g_mime_object_set_disposition(GMIME_OBJECT(file), "attachment");
    g_mime_part_set_filename(file, a->name);
    g_mime_multipart_add(mixed, GMIME_OBJECT(file));
    g_object_unref(file);
}

/* Every line end as CRLF: SMTP's DATA wants nothing else. */
static char *crlf(const unsigned char *s, size_t n, size_t *len)
{
    rd_buf b;
    buf_init(&b, 0);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) rd_err_free(buf_add(&b, "\r", 1));
        rd_err_free(buf_add(&b, s + i, 1));
    }
    *len = b.len;
    rd_err_free(buf_adds(&b, ""));
    return buf_detach(&b);
}

rd_err *mail_compose(const mail_out *m, char **out, size_t *len)
{
    if (!m->from_addr || !m->to_addr || !m->message_id)
        return rd_error(RD_INVALID, "mail: a message needs From, To and a Message-ID");
    pthread_once(&once, init_libs);
    GMimeMessage *msg = g_mime_message_new(TRUE);
    add_mailbox(g_mime_message_get_from(msg), m->from_name, m->from_addr);
    add_mailbox(g_mime_message_get_to(msg), m->to_name, m->to_addr);
    g_mime_message_set_subject(msg, m->subject ? m->subject : "", "utf-8");
    GDateTime *date = g_date_time_new_from_unix_utc((gint64)m->date);
    g_mime_message_set_date(msg, date);
    g_date_time_unref(date);
    g_mime_message_set_message_id(msg, m->message_id);
    if (m->in_reply_to && *m->in_reply_to) {
        char *v = xasprintf("<%s>", m->in_reply_to);
        g_mime_object_set_header(GMIME_OBJECT(msg), "In-Reply-To", v, NULL);
        free(v);
    }
    if (m->refs && *m->refs) {
        char *v = angle_list(m->refs);
        g_mime_object_set_header(GMIME_OBJECT(msg), "References", v, NULL);
        free(v);
    }
    /* the body's UTF-8 bytes as they are: g_mime_text_part_set_text would pick the smallest
     * charset that fits (ISO-8859-1 for "é"), which the label set after it would then misname */
    GMimeTextPart *part = g_mime_text_part_new_with_subtype("plain");
    const char *text = m->body ? m->body : "";
    GMimeStream *utf8 = g_mime_stream_mem_new_with_buffer(text, strlen(text));
    GMimeDataWrapper *wrapped =
        g_mime_data_wrapper_new_with_stream(utf8, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(GMIME_PART(part), wrapped);
    g_object_unref(wrapped);
    g_object_unref(utf8);
    g_mime_text_part_set_charset(part, "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    if (m->natt == 0) {
        g_mime_message_set_mime_part(msg, GMIME_OBJECT(part));
    } else {
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, GMIME_OBJECT(part));
        for (size_t i = 0; i < m->natt; i++)
            add_file(mixed, &m->att[i]);
        g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
        g_object_unref(mixed);
    }
    g_object_unref(part);

    GMimeStream *mem = g_mime_stream_mem_new();
    GMimeFormatOptions *fo = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
    g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, mem);
    g_mime_format_options_free(fo);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    *out = crlf(arr->data, arr->len, len);
    g_object_unref(mem);
    g_object_unref(msg);
    return NULL;
}

/* ---------------------------------------------------------------- SMTP */

typedef struct upload {
    const char *data;
    size_t len, off;
} upload;

static size_t read_cb(char *dst, size_t size, size_t n, void *ctx)
{
    upload *u = ctx;
    size_t room = size * n, left = u->len - u->off;
    size_t k = left < room ? left : room;
    memcpy(dst, u->data + u->off, k);
    u->off += k;
    return k;
}

/* Keeps the server's last reply line (what it answered to the command that failed). */
static int debug_cb(CURL *c, curl_infotype type, char *data, size_t size, void *ctx)
{
    (void)c;
    if (type != CURLINFO_HEADER_IN) return 0;
    char **last = ctx;
    while (size > 0 && (data[size - 1] == '\n' || data[size - 1] == '\r'))
        size--;
    if (size == 0) return 0;
    free(*last);
    *last = xstrndup(data, size);
    return 0;
}

rd_err *mail_smtp_send(const mail_smtp *s, const char *from, const char *rcpt, const char *data,
                       size_t len, char **answer)
{
    pthread_once(&once, init_libs);
    CURL *c = curl_easy_init();
    if (!c) return rd_error(RD_IO, "smtp: cannot start libcurl");
    char errbuf[CURL_ERROR_SIZE] = "";
    char *last = NULL, *mail_from = xasprintf("<%s>", from), *to = xasprintf("<%s>", rcpt);
    struct curl_slist *rcpts = curl_slist_append(NULL, to);
    upload u = {data, len, 0};
    curl_easy_setopt(c, CURLOPT_URL, s->url);
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(c, CURLOPT_READDATA, &u);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY); /* STARTTLS when offered */
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &last);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); /* feeds debug_cb; nothing is printed */
    if (s->user && *s->user) {
        curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, s->password ? s->password : "");
    }
    CURLcode rc = curl_easy_perform(c);
    rd_err *e = NULL;
    if (rc != CURLE_OK) {
        const char *why = *errbuf ? errbuf : curl_easy_strerror(rc);
        e = last ? rd_error(RD_IO, "smtp: the server answered: %s (%s)", last, why)
                 : rd_error(RD_IO, "smtp: %s", why);
    }
    if (answer && !last)
        last = xstrdup(rc == CURLE_OK ? "" : *errbuf ? errbuf : curl_easy_strerror(rc));
    if (answer)
        *answer = last;
    else
        free(last);
    curl_slist_free_all(rcpts);
    curl_easy_cleanup(c);
    free(mail_from);
    free(to);
    return e;
}
