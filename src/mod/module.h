/* module.h — the parts of redress that need large shared libraries, loaded only by the commands
 * that use them. The `redress` program links SQLite, libsodium and jansson; the web server
 * (libmicrohttpd), mail (GMime, libcurl), PDF letters (cairo, pango) and calendars (libical) are
 * shared objects installed beside it (redress-http.so, redress-mail.so, redress-pdf.so,
 * redress-calendar.so), opened with dlopen the first time one of their functions is called. A
 * process that never serves, imports, sends or prints therefore never pays for loading and
 * relocating those libraries: the dynamic loader was most of what a small command cost.
 *
 * The functions keep their names and contracts (http.h, mail.h, docs.h): src/mod/forward.c defines
 * each in the program as a call through the module, so no caller knows. Unit tests, tools and
 * benchmarks link the same code statically from libredress.a and load nothing. */
#ifndef REDRESS_MOD_H
#define REDRESS_MOD_H

#include <stdio.h>

#include "util/util.h"

/* Finds function name in module ("http", "mail", "pdf" or "calendar"), opening the module on
 * first use: *fn is the function. The module is looked for in $REDRESS_MODULE_DIR when set,
 * else in redress-modules/ beside the running program (a build tree), then in ../lib/redress/
 * from it (an installed tree: /usr/bin/redress and /usr/lib/redress/), then in the directory
 * chosen when redress was built. A module that is missing or does not load is RD_IO naming the
 * module, the places searched and what to do. Modules stay open until the process ends. */
rd_err *mod_sym(const char *module, const char *name, void **fn);

/* Writes one line per module for --version: where it is found, or that it is missing, with the
 * libraries it carries. */
void mod_describe(FILE *out);

#endif
