/* assets.c — finds a static file of the web desk among those embedded from web/. */
#include "http/assets.h"

#include <string.h>

extern const rd_embedded web_assets[];

static const char *type_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (dot && !strcmp(dot, ".css")) return "text/css; charset=utf-8";
    if (dot && !strcmp(dot, ".js")) return "text/javascript; charset=utf-8";
    if (dot && !strcmp(dot, ".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

const rd_embedded *web_asset_find(const char *name, const char **type)
{
    for (const rd_embedded *a = web_assets; name && a->name; a++) {
        if (strcmp(a->name, name) != 0) continue;
        if (type) *type = type_of(a->name);
        return a;
    }
    return NULL;
}
