/* assets.h — the web desk's static files (web/: one stylesheet, one script), compiled into the
 * binary by tools/embed.c and served under /static/. */
#ifndef REDRESS_ASSETS_H
#define REDRESS_ASSETS_H

#include "util/embed.h"

/* The embedded file called name ("redress.css"), or NULL: names are matched whole against a
 * fixed table, so "../x" or "a/b" can never reach anything else. *type is its Content-Type (a
 * string literal). */
const rd_embedded *web_asset_find(const char *name, const char **type);

#endif
