/* multipart.c — reading a multipart/form-data body (RFC 7578), the one way a browser can send a
 * file: its text fields join rq->form as a urlencoded form's would, and its one file is left in
 * rq->upload, its bytes borrowed from the body. Nothing is copied but the field values, and
 * every limit (parts, header size, one file) is checked before anything is kept. */
#define _GNU_SOURCE /* memmem */
#include "http/http_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MP_MAX_PARTS  32   /* text fields and the file together */
#define MP_MAX_HEADER 4096 /* one part's header block */
#define MP_MAX_BOUND  70   /* RFC 2046's longest boundary */

/* Where a parameter's value starts in a header's parameters ("; name=..."), matching the
 * name at a parameter's start only (so "filename=" is never taken for "name="); NULL if absent. */
static const char *param_at(const char *h, const char *end, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = h; p + n < end; p++) {
        if (*p != ';') continue;
        const char *q = p + 1;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if ((size_t)(end - q) > n && strncasecmp(q, name, n) == 0 && q[n] == '=') return q + n + 1;
    }
    return NULL;
}

/* A parameter's value, quoted or not, as a new JSON string (NULL when absent or not UTF-8).
 * Browsers escape a quote inside a file name as %22 and never use backslashes as escapes. */
static json_t *param_value(const char *h, const char *end, const char *name, bool *bad)
{
    const char *v = param_at(h, end, name);
    if (!v) return NULL;
    const char *stop;
    if (v < end && *v == '"') {
        v++;
        stop = memchr(v, '"', (size_t)(end - v));
        if (!stop) {
            *bad = true;
            return NULL;
        }
    } else {
        stop = v;
        while (stop < end && *stop != ';' && *stop != ' ' && *stop != '\t')
            stop++;
    }
    json_t *s = json_stringn(v, (size_t)(stop - v));
    if (!s) *bad = true;
    return s;
}

/* The value of header name in one part's header block, up to the line's end; NULL if absent. */
static const char *header(const char *h, const char *end, const char *name, const char **vend)
{
    size_t n = strlen(name);
    for (const char *line = h; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) eol = end;
        if ((size_t)(eol - line) > n && strncasecmp(line, name, n) == 0 && line[n] == ':') {
            const char *v = line + n + 1;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            *vend = eol > v && eol[-1] == '\r' ? eol - 1 : eol;
            return v;
        }
        line = eol + 1;
    }
    return NULL;
}

/* The boundary parameter of the Content-Type, into out (with the leading "--"). */
static rd_err *boundary_of(const char *content_type, char *out, size_t *n)
{
    const char *end = content_type + strlen(content_type);
    bool bad = false;
    json_t *b = param_value(content_type, end, "boundary", &bad);
    size_t len = b ? json_string_length(b) : 0;
    rd_err *e = NULL;
    if (!b || len == 0 || len > MP_MAX_BOUND)
        e = rd_error(RD_USAGE,
                     "body: a multipart/form-data body needs a boundary of 1 to %d "
                     "characters in its Content-Type",
                     MP_MAX_BOUND);
    if (!e) {
        out[0] = out[1] = '-';
        memcpy(out + 2, json_string_value(b), len);
        *n = len + 2;
    }
    json_decref(b);
    return e;
}

/* A file name as the user named it: browsers send a quote in it as %22 (HTML's form
 * encoding). Returns a new string. */
static json_t *unquoted(const json_t *name)
{
    const char *s = json_string_value(name);
    size_t n = json_string_length(name), k = 0;
    char *out = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && s[i + 1] == '2' && s[i + 2] == '2') {
            out[k++] = '"';
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    json_t *v = json_stringn(out, k);
    free(out);
    return v;
}

static bool has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f) return true;
    return false;
}

/* Keeps one part: a text field into rq->form, the file into rq->upload. */
static rd_err *keep_part(http_req *rq, const char *h, const char *hend, const char *data,
                         size_t size)
{
    const char *dend;
    const char *disp = header(h, hend, "Content-Disposition", &dend);
    if (!disp || strncasecmp(disp, "form-data", 9) != 0)
        return rd_error(RD_USAGE, "body: a part has no Content-Disposition: form-data");
    bool bad = false;
    json_t *name = param_value(disp, dend, "name", &bad);
    json_t *file = param_value(disp, dend, "filename", &bad);
    rd_err *e = NULL;
    if (bad || !name || has_control(json_string_value(name))) {
        e = rd_error(RD_USAGE, "body: a part's name is missing, not valid UTF-8 text or holds a "
                               "control character");
    } else if (!file) {
        json_t *v = json_stringn(data, size);
        if (v)
            http_form_put(rq->form, json_string_value(name), v);
        else
            e = rd_error(RD_USAGE, "body: a form field is not valid UTF-8 text");
    } else if (json_string_length(file) > 0) { /* an empty name: no file was chosen */
        if (rq->upload.data) {
            e = rd_error_at(RD_USAGE, "file", "file: send one file at a time");
        } else {
            /* the strings live in rq->form under keys no form field may have */
            json_object_set_new(rq->form,
                                "\x03"
                                "file name",
                                unquoted(file));
            rq->upload.name = json_string_value(json_object_get(rq->form, "\x03"
                                                                          "file name"));
            rq->upload.data = data;
            rq->upload.size = size;
            const char *tend, *type = header(h, hend, "Content-Type", &tend);
            json_t *t = type ? json_stringn(type, (size_t)(tend - type)) : NULL;
            if (t) {
                json_object_set_new(rq->form,
                                    "\x03"
                                    "file type",
                                    t);
                rq->upload.type = json_string_value(t);
            }
        }
    }
    json_decref(name);
    json_decref(file);
    return e;
}

rd_err *http_parse_multipart(http_req *rq, const char *content_type, const char *body, size_t len)
{
    char delim[MP_MAX_BOUND + 5] = "\r\n"; /* CRLF "--" boundary: what ends a part */
    size_t dn = 0;
    rd_err *e = boundary_of(content_type, delim + 2, &dn);
    if (e) return e;
    dn += 2;
    const char *end = body + len;
    const char *p = memmem(body, len, delim + 2, dn - 2); /* a preamble before it is allowed */
    for (int parts = 0; !e; parts++) {
        if (!p) return rd_error(RD_USAGE, "body: the multipart body has no closing boundary");
        p += dn - 2;
        if (end - p >= 2 && p[0] == '-' && p[1] == '-') return NULL; /* the closing boundary */
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return rd_error(RD_USAGE, "body: a multipart boundary is not followed by a line end");
        p += 2;
        if (parts == MP_MAX_PARTS)
            return rd_error(RD_USAGE, "body: more than %d parts in the form", MP_MAX_PARTS);
        size_t room = (size_t)(end - p) < MP_MAX_HEADER ? (size_t)(end - p) : MP_MAX_HEADER;
        const char *hend = memmem(p, room, "\r\n\r\n", 4);
        if (!hend)
            return rd_error(RD_USAGE, "body: a part's headers are missing or longer than %d bytes",
                            MP_MAX_HEADER);
        const char *data = hend + 4;
        const char *stop = memmem(data, (size_t)(end - data), delim, dn);
        if (!stop) return rd_error(RD_USAGE, "body: the multipart body has no closing boundary");
        e = keep_part(rq, p, hend + 2, data, (size_t)(stop - data));
        p = stop + 2;
    }
    return e;
}
