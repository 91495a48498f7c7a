/* corpus.h — reading the labelled corpus of tests/data/ (format in tests/data/FORMAT.md), shared
 * by tools/eval.c and tools/train.c so both read the records the same way. */
#ifndef REDRESS_TOOLS_CORPUS_H
#define REDRESS_TOOLS_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

/* Called once per record: its id, its "key: value" label lines, its text (trailing blank lines
 * and spaces cut) and whether the file holds draft replies ("drafts*") rather than messages.
 * The strings live until the callback returns. */
typedef void corpus_fn(void *ctx, const char *id, const char *labels, const char *text,
                       size_t len, bool drafts);

/* Walks the records of one corpus file. Exits 2 with a message when it cannot be read. */
void corpus_read(const char *path, corpus_fn *fn, void *ctx);
/* Whether path is part of the locked test set (its file name starts with "locked"). */
bool corpus_locked(const char *path);
/* The value of "key: value" among the label lines, copied into out ("" when absent). */
const char *corpus_label(const char *labels, const char *key, char *out, size_t outlen);
/* Whether the space-separated list holds word. */
bool corpus_has_word(const char *list, const char *word);

/* One CSV record (RFC 4180 quoting) of the public data sets: its fields point into the buffer,
 * unquoted in place. */
#define CSV_MAX_FIELDS 16
typedef struct csv_rec {
    char *f[CSV_MAX_FIELDS];
    int n;
} csv_rec;
/* Parses the record starting at *p, NUL-terminating its fields in place, and moves *p past it;
 * returns false at the end of the data. Fields past CSV_MAX_FIELDS are dropped. */
bool csv_next(char **p, csv_rec *row);
/* The index of the field named name in a header record, or -1. */
int csv_col(const csv_rec *header, const char *name);

#endif
