/* mail_parse.c — one message from bytes to plain C values with GMime: the headers that thread
 * and route it, the text body (text/plain preferred, HTML turned into text, every charset made
 * UTF-8, transfer encodings undone) and the attachments. Nothing GMime returns is trusted to be
 * valid UTF-8: all text passes through mail_to_utf8(). */
#include "mail/mail.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_gmime(void)
{
    g_mime_init();
}

/* ---------------------------------------------------------------- text clean-up */

/* Windows-1252's 0x80–0x9F; the rest of the byte range is Latin-1. */
static const unsigned short cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    size_t k = s[0] < 0x80             ? 1
               : (s[0] & 0xE0) == 0xC0 ? 2
               : (s[0] & 0xF0) == 0xE0 ? 3
               : (s[0] & 0xF8) == 0xF0 ? 4
                                       : 0;
    if (k == 0 || k > n) return 0;
    return utf8_valid((const char *)s, k) ? k : 0;
}

/* Keeps valid UTF-8, reads any other byte as Windows-1252, drops CR and control characters. */
static char *clean_utf8(const char *data, size_t len)
{
    rd_buf b;
    buf_init(&b, 0);
    const unsigned char *s = (const unsigned char *)data;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(s + i, len - i);
        if (k == 1) {
            if (s[i] >= 0x20 || s[i] == '\t' || s[i] == '\n') {
                if (s[i] != 0x7F) rd_err_free(buf_add(&b, s + i, 1));
            }
            i++;
        } else if (k > 1) {
            /* C1 controls (U+0080–U+009F) are dropped like C0 ones */
            if (!(k == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0)) rd_err_free(buf_add(&b, s + i, k));
            i += k;
        } else {
            mail_put_utf8(&b, s[i] >= 0xA0 ? s[i] : cp1252[s[i] - 0x80]);
            i++;
        }
    }
    rd_err_free(buf_adds(&b, ""));
    return buf_detach(&b);
}

char *mail_to_utf8(const char *data, size_t len, const char *charset)
{
    pthread_once(&init_once, init_gmime);
    if (charset && *charset && g_ascii_strcasecmp(charset, "utf-8") != 0 &&
        g_ascii_strcasecmp(charset, "us-ascii") != 0) {
        gsize out_len = 0;
        GError *err = NULL;
        const char *iconv_name = g_mime_charset_iconv_name(charset);
        gchar *conv = g_convert(data, (gssize)len, "UTF-8", iconv_name, NULL, &out_len, &err);
        if (conv) {
            char *r = clean_utf8(conv, out_len);
            g_free(conv);
            return r;
        }
        g_clear_error(&err);
    }
    return clean_utf8(data, len);
}

/* A header value (already decoded by GMime) made clean UTF-8 on one line; NULL stays NULL. */
static char *clean_line(const char *s)
{
    if (!s) return NULL;
    char *r = clean_utf8(s, strlen(s));
    for (char *p = r; *p; p++)
        if (*p == '\n' || *p == '\t') *p = ' ';
    return r;
}

/* ---------------------------------------------------------------- addresses */

static void add_addresses(InternetAddressList *list, rd_buf *b, int depth)
{
    int n = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < n && depth < 4; i++) {
        InternetAddress *a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(a)) {
            add_addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), b,
                          depth + 1);
            continue;
        }
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
        if (!addr || !*addr || strchr(addr, ',')) continue;
        if (b->len) rd_err_free(buf_adds(b, ","));
        rd_err_free(buf_adds(b, addr));
    }
}

/* Comma-separated lower-case addresses of list, NULL when there are none. */
static char *address_list(InternetAddressList *list)
{
    rd_buf b;
    buf_init(&b, 0);
    add_addresses(list, &b, 0);
    if (!b.len) return NULL;
    char *r = clean_line(buf_str(&b));
    buf_reset(&b);
    for (char *p = r; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return r;
}

/* ---------------------------------------------------------------- parts */

typedef struct walk {
    mail_msg *m;
    char *plain, *html; /* first text/plain and text/html bodies, UTF-8 */
    int parts;
} walk;

/* The decoded bytes of a leaf part. */
static GByteArray *part_bytes(GMimePart *part)
{
    GMimeDataWrapper *w = g_mime_part_get_content(part);
    if (!w) return NULL;
    GMimeStream *mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(w, mem);
    GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
    g_object_unref(mem);
    return arr;
}

static void add_attachment(walk *w, const char *name, const char *type, const void *data,
                           size_t size)
{
    mail_msg *m = w->m;
    m->att = xrealloc(m->att, (m->natt + 1) * sizeof *m->att);
    mail_attachment *a = &m->att[m->natt++];
    a->name = name && *name ? clean_line(name) : xasprintf("attachment-%zu", m->natt);
    a->type = xstrdup(type);
    a->data = xmalloc(size ? size : 1);
    if (size) memcpy(a->data, data, size);
    a->size = size;
}

static void walk_part(walk *w, GMimeObject *obj, int depth);

static void walk_leaf(walk *w, GMimePart *part)
{
    GMimeContentType *ct = g_mime_object_get_content_type(GMIME_OBJECT(part));
    char *type = g_mime_content_type_get_mime_type(ct);
    for (char *p = type; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *filename = g_mime_part_get_filename(part);
    bool is_text = g_mime_content_type_is_type(ct, "text", "plain") ||
                   g_mime_content_type_is_type(ct, "text", "html");
    bool attachment = g_mime_part_is_attachment(part) || filename || !is_text;
    GByteArray *bytes = part_bytes(part);
    if (bytes && attachment) {
        add_attachment(w, filename, type ? type : "application/octet-stream", bytes->data,
                       bytes->len);
    } else if (bytes) {
        const char *charset =
            g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
        bool plain = g_mime_content_type_is_type(ct, "text", "plain");
        char **slot = plain ? &w->plain : &w->html;
        if (!*slot) *slot = mail_to_utf8((const char *)bytes->data, bytes->len, charset);
    }
    if (bytes) g_byte_array_unref(bytes);
    g_free(type);
}

static void walk_part(walk *w, GMimeObject *obj, int depth)
{
    if (!obj || depth > MAIL_MAX_DEPTH || ++w->parts > MAIL_MAX_PARTS) return;
    if (GMIME_IS_MULTIPART(obj)) {
        GMimeMultipart *mp = GMIME_MULTIPART(obj);
        int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n; i++)
            walk_part(w, g_mime_multipart_get_part(mp, i), depth + 1);
    } else if (GMIME_IS_MESSAGE_PART(obj)) {
        /* a forwarded message is evidence as it was: kept whole as an attachment */
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        if (!inner) return;
        GMimeStream *mem = g_mime_stream_mem_new();
        g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, mem);
        GByteArray *arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
        const char *subj = g_mime_message_get_subject(inner);
        char *name = xasprintf("%s.eml", subj && *subj ? subj : "forwarded");
        for (char *p = name; *p; p++)
            if (*p == '/' || *p == '\\') *p = '_';
        add_attachment(w, name, "message/rfc822", arr->data, arr->len);
        free(name);
        g_object_unref(mem);
    } else if (GMIME_IS_PART(obj)) {
        walk_leaf(w, GMIME_PART(obj));
    }
}

/* ---------------------------------------------------------------- the message */

static char *decoded_id(const char *raw)
{
    if (!raw) return NULL;
    char *id = g_mime_utils_decode_message_id(raw);
    char *r = id && *id ? clean_line(id) : NULL;
    g_free(id);
    if (r && (strlen(r) > 500 || strchr(r, ' '))) {
        free(r);
        r = NULL;
    }
    return r;
}

static char *references(GMimeMessage *msg)
{
    const char *raw = g_mime_object_get_header(GMIME_OBJECT(msg), "References");
    if (!raw) return NULL;
    GMimeReferences *refs = g_mime_references_parse(NULL, raw);
    if (!refs) return NULL;
    rd_buf b;
    buf_init(&b, 64 * 1024);
    int n = g_mime_references_length(refs);
    for (int i = 0; i < n; i++) {
        const char *id = g_mime_references_get_message_id(refs, i);
        if (!id || !*id || strchr(id, ' ') || strlen(id) > 500) continue;
        if (buf_addf(&b, "%s%s", b.len ? " " : "", id)) break;
    }
    g_mime_references_free(refs);
    char *r = b.len ? clean_line(buf_str(&b)) : NULL;
    buf_reset(&b);
    return r;
}

static void read_headers(mail_msg *m, GMimeMessage *msg)
{
    InternetAddressList *from = g_mime_message_get_from(msg);
    for (int i = 0; from && i < internet_address_list_length(from); i++) {
        InternetAddress *a = internet_address_list_get_address(from, i);
        if (!INTERNET_ADDRESS_IS_MAILBOX(a)) continue;
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
        if (!addr || !strchr(addr, '@')) continue;
        m->from_addr = clean_line(addr);
        for (char *p = m->from_addr; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        const char *name = internet_address_get_name(a);
        if (name && *name) m->from_name = clean_line(name);
        break;
    }
    m->to_addrs = address_list(g_mime_message_get_to(msg));
    m->cc_addrs = address_list(g_mime_message_get_cc(msg));
    m->message_id = decoded_id(g_mime_message_get_message_id(msg));
    m->in_reply_to = decoded_id(g_mime_object_get_header(GMIME_OBJECT(msg), "In-Reply-To"));
    m->refs = references(msg);
    m->subject = clean_line(g_mime_message_get_subject(msg));
    GDateTime *date = g_mime_message_get_date(msg);
    if (date) m->date = (int64_t)g_date_time_to_unix(date);
}

rd_err *mail_parse(const char *data, size_t len, mail_msg **out)
{
    *out = NULL;
    if (len > MAIL_MAX_MESSAGE) return rd_error(RD_INVALID, "too large");
    if (len == 0) return rd_error(RD_INVALID, "empty");
    pthread_once(&init_once, init_gmime);
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    if (!msg) return rd_error(RD_INVALID, "not a MIME message");

    mail_msg *m = xcalloc(1, sizeof *m);
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)data, len, NULL, 0);
    memcpy(m->hash, "blake2b:", 8);
    sodium_bin2hex(m->hash + 8, 65, h, sizeof h);
    read_headers(m, msg);

    walk w = {m, NULL, NULL, 0};
    walk_part(&w, g_mime_message_get_mime_part(msg), 0);
    g_object_unref(msg);
    if (w.plain) {
        m->body = w.plain;
        free(w.html);
    } else if (w.html) {
        m->body = mail_html_to_text(w.html, strlen(w.html));
        free(w.html);
    } else {
        m->body = xstrdup("");
    }
    if (!m->from_addr) {
        mail_msg_free(m);
        return rd_error(RD_INVALID, "no From address");
    }
    *out = m;
    return NULL;
}

void mail_msg_free(mail_msg *m)
{
    if (!m) return;
    char *fields[] = {m->message_id,  m->from_addr, m->from_name, m->to_addrs, m->cc_addrs,
                      m->in_reply_to, m->refs,      m->subject,   m->body};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(fields[i]);
    for (size_t i = 0; i < m->natt; i++) {
        free(m->att[i].name);
        free(m->att[i].type);
        free(m->att[i].data);
    }
    free(m->att);
    free(m);
}
