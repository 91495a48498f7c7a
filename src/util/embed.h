/* embed.h — the shape of data files compiled into the binary by tools/embed.c. */
#ifndef REDRESS_EMBED_H
#define REDRESS_EMBED_H

#include <stddef.h>

typedef struct rd_embedded {
    const char *name; /* the file's base name, e.g. "001_foundation.sql" */
    const char *data; /* its bytes, NUL-terminated */
    size_t size;      /* its length without the NUL */
} rd_embedded;

#endif
