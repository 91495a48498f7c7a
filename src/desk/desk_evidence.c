/* desk_evidence.c — attachments as evidence (a contract, a brief, screenshots of the defect)
 * and full-text search over everything the desk holds in words. Attachment bytes are kept once
 * per BLAKE2b hash, so the same contract arriving ten times costs one copy and proves it is the
 * same file. */
#include "desk/desk.h"
#include "store/store.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/mail.h"

/* A MIME type for a file name by its extension; application/octet-stream when unknown. */
static const char *type_of(const char *name)
{
    static const char *const map[][2] = {
        {"pdf", "application/pdf"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"txt", "text/plain"},
        {"csv", "text/csv"},
        {"html", "text/html"},
        {"eml", "message/rfc822"},
        {"zip", "application/zip"},
        {"json", "application/json"},
        {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"odt", "application/vnd.oasis.opendocument.text"}};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(dot + 1, map[i][0]) == 0) return map[i][1];
    return "application/octet-stream";
}

rd_err *desk_attach(rd_desk *d, const desk_attach_input *in, int64_t *id)
{
    int64_t case_id;
    rd_err *e = desk_parse_id("case", in->case_id, &case_id);
    if (!e && text_blank(in->name)) e = rd_error(RD_INVALID, "name: is required");
    if (!e) e = text_check("name", in->name, DESK_MAX_NAME, false);
    if (!e && (strchr(in->name, '/') || strchr(in->name, '\\')))
        e = rd_error(RD_INVALID, "name: '%s' may not contain a slash", in->name);
    if (!e) e = text_check("type", in->type, 100, false);
    if (!e && in->type && !strchr(in->type, '/'))
        e = rd_error(RD_INVALID, "type: '%s' is not a MIME type such as application/pdf", in->type);
    if (!e && in->size > DESK_MAX_ATTACHMENT)
        e = rd_error(RD_TOO_LARGE, "file: %zu bytes is more than the %d MiB an attachment may be",
                     in->size, (int)(DESK_MAX_ATTACHMENT >> 20));
    if (e) return e;
    char hash[65];
    unsigned char h[32];
    crypto_generichash(h, sizeof h, in->data, in->size, NULL, 0);
    sodium_bin2hex(hash, sizeof hash, h, sizeof h);
    const char *type = in->type ? in->type : type_of(in->name);
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_case_get(d->st, case_id, &k);
    rd_attachment_fields f = {desk_ji(k, "client_id"), case_id, 0, hash, in->name, type, in->size};
    json_decref(k);
    if (!e) e = store_blob_put(d->st, hash, in->data, in->size);
    if (!e) e = store_attachment_insert(d->st, &f, now, id);
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:s, s:s, s:I, s:s}", "case_id", (json_int_t)case_id, "name", in->name,
                      "type", type, "size", (json_int_t)in->size, "hash", hash);
        e = desk_audit(d, "attachment.add", "attachments", *id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

rd_err *desk_attachment_list(rd_desk *d, int64_t case_id, json_t **out)
{
    return store_attachment_list(d->st, case_id, out);
}

rd_err *desk_attachment_get(rd_desk *d, int64_t id, json_t **row, void **data, size_t *size)
{
    rd_err *e = store_attachment_get(d->st, id, row);
    if (!e) e = store_blob_get(d->st, desk_js(*row, "hash"), data, size);
    if (e || !*row) return e;
    /* the bytes must still be what was recorded: a changed blob is tampering, not evidence */
    unsigned char h[32];
    char hex[65];
    crypto_generichash(h, sizeof h, *data, *size, NULL, 0);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    if (strcmp(hex, desk_js(*row, "hash")) != 0) {
        free(*data);
        *data = NULL;
        json_decref(*row);
        *row = NULL;
        return rd_error(RD_TAMPERED, "attachment: the bytes of attachment %lld were changed",
                        (long long)id);
    }
    return NULL;
}

/* ---------------------------------------------------------------- search */

/* True when tok can go to FTS5 as it is: a bare word (letters, digits, _, non-ASCII), a prefix
 * word*, an operator or a parenthesis. */
static bool plain_token(const char *tok, size_t n)
{
    if (n == 1 && (tok[0] == '(' || tok[0] == ')')) return true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)tok[i];
        bool word = c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                    (c >= 'A' && c <= 'Z');
        if (!word && !(c == '*' && i == n - 1 && i > 0)) return false;
    }
    return true;
}

/* The query as FTS5 reads it: "phrases", prefix*, AND/OR/NOT and parentheses pass as typed;
 * any other word with punctuation (don't, e-mail, 10%) becomes a phrase of its parts, so that
 * ordinary words never make a syntax error. */
static char *fts_query(const char *q)
{
    rd_buf b;
    buf_init(&b, 0);
    for (const char *p = q; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\n') {
            rd_err_free(buf_adds(&b, " "));
            p++;
            continue;
        }
        if (*p == '"') { /* a phrase: copied up to its closing quote (or the end: FTS5 says) */
            const char *end = strchr(p + 1, '"');
            size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
            rd_err_free(buf_add(&b, p, n));
            p += n;
            if (*p == '*') rd_err_free(buf_add(&b, p++, 1));
            continue;
        }
        size_t n = strcspn(p, " \t\n\"");
        /* parentheses stuck to a word: split them off */
        while (n > 1 && *p == '(') {
            rd_err_free(buf_adds(&b, "( "));
            p++;
            n--;
        }
        size_t close = 0;
        while (n > 1 && p[n - 1] == ')') {
            n--;
            close++;
        }
        if (plain_token(p, n)) {
            rd_err_free(buf_add(&b, p, n));
        } else {
            rd_err_free(buf_adds(&b, "\""));
            rd_err_free(buf_add(&b, p, n));
            rd_err_free(buf_adds(&b, "\""));
        }
        for (size_t i = 0; i < close; i++)
            rd_err_free(buf_adds(&b, " )"));
        p += n + close;
    }
    rd_err_free(buf_adds(&b, ""));
    return buf_detach(&b);
}

/* Replaces the text at key, marked with \x02 … \x03 by FTS5, by the plain text, and adds
 * key_highlights: [[start, end], …] in bytes of the plain text. */
static void unmark(json_t *row, const char *key)
{
    const char *s = desk_js(row, key);
    if (!s) return;
    rd_buf b;
    buf_init(&b, 0);
    json_t *marks = json_array();
    size_t start = 0;
    for (; *s; s++) {
        if (*s == '\x02') {
            start = b.len;
        } else if (*s == '\x03') {
            json_array_append_new(marks, json_pack("[I, I]", (json_int_t)start, (json_int_t)b.len));
        } else {
            rd_err_free(buf_add(&b, s, 1));
        }
    }
    json_object_set_new(row, key, json_string(buf_str(&b)));
    char *hk = xasprintf("%s_highlights", key);
    json_object_set_new(row, hk, marks);
    free(hk);
    buf_reset(&b);
}

rd_err *desk_search(rd_desk *d, const desk_search_input *in, json_t **out)
{
    int64_t client_id = 0, case_id = 0, limit = 20, since_t;
    rd_timestr since;
    if (text_blank(in->query)) return rd_error(RD_INVALID, "query: is required");
    rd_err *e = text_check("query", in->query, 1000, false);
    if (!e && in->client) e = desk_parse_id("client", in->client, &client_id);
    if (!e && in->case_id) e = desk_parse_id("case", in->case_id, &case_id);
    if (!e && in->since) e = time_parse("since", in->since, &since_t);
    if (!e && in->limit) e = parse_int("limit", in->limit, 1, 500, &limit);
    if (e) return e;
    if (in->since) time_iso(since_t, since);
    char *match = fts_query(in->query);
    rd_search_query q = {match, client_id, case_id, in->since ? since : NULL, limit};
    e = store_search(d->st, &q, out);
    if (e && e->code == RD_INVALID) {
        rd_err_free(e);
        e = rd_error(RD_INVALID,
                     "query: '%s' is not a search (words, \"a phrase\", prefix*, AND, OR, NOT,"
                     " parentheses)",
                     in->query);
    }
    free(match);
    if (e) return e;
    size_t i;
    json_t *row;
    json_array_foreach(*out, i, row)
    {
        unmark(row, "title");
        unmark(row, "snippet");
    }
    return NULL;
}
