/* corpus.c — the record reader behind tools/eval.c and tools/train.c (see corpus.h). */
#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool corpus_locked(const char *path)
{
    return strncmp(base_name(path), "locked", 6) == 0;
}

const char *corpus_label(const char *labels, const char *key, char *out, size_t outlen)
{
    size_t k = strlen(key);
    out[0] = '\0';
    for (const char *p = labels; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > k && strncmp(p, key, k) == 0 && p[k] == ':') {
            const char *v = p + k + 1;
            while (*v == ' ')
                v++;
            size_t vl = (size_t)(p + n - v);
            if (vl >= outlen) vl = outlen - 1;
            memcpy(out, v, vl);
            out[vl] = '\0';
            return out;
        }
        p = nl ? nl + 1 : NULL;
    }
    return out;
}

bool corpus_has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) return true;
    return false;
}

/* Records are "=== id", label lines, "---", text. */
void corpus_read(const char *path, corpus_fn *fn, void *ctx)
{
    char *data;
    size_t len;
    rd_err *e = text_read(path, path, (size_t)64 << 20, &data, &len);
    if (e) {
        fprintf(stderr, "corpus: %s\n", e->msg);
        rd_err_free(e);
        exit(2);
    }
    bool drafts = strncmp(base_name(path), "drafts", 6) == 0;
    char *p = strstr(data, "=== ");
    while (p) {
        char *next = strstr(p + 4, "\n=== ");
        if (next) *next = '\0';
        char *nl = strchr(p, '\n');
        char *sep = nl ? strstr(nl, "\n---\n") : NULL;
        if (nl && sep) {
            *nl = '\0';
            *sep = '\0';
            char *text = sep + 5;
            size_t tl = strlen(text);
            while (tl && (text[tl - 1] == '\n' || text[tl - 1] == ' '))
                tl--;
            text[tl] = '\0';
            fn(ctx, p + 4, nl + 1, text, tl, drafts);
        }
        p = next ? next + 1 : NULL;
    }
    free(data);
}

bool csv_next(char **p, csv_rec *row)
{
    char *s = *p;
    if (!*s) return false;
    row->n = 0;
    for (;;) {
        char *out = s, *start = s;
        if (*s == '"') {
            s++;
            for (; *s; s++) {
                if (*s == '"' && s[1] == '"') {
                    *out++ = '"', s++;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    *out++ = *s;
                }
            }
        } else {
            while (*s && *s != ',' && *s != '\n' && *s != '\r')
                *out++ = *s++;
        }
        char end = *s;
        if (end) s++; /* past the terminator, before the NUL below may overwrite it */
        *out = '\0';
        if (row->n < CSV_MAX_FIELDS) row->f[row->n++] = start;
        if (end == ',') continue;
        while (*s == '\r' || *s == '\n')
            s++;
        *p = s;
        return true;
    }
}

int csv_col(const csv_rec *header, const char *name)
{
    for (int i = 0; i < header->n; i++)
        if (strcmp(header->f[i], name) == 0) return i;
    return -1;
}
