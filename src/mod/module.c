/* module.c — finding and opening the modules of module.h: one dlopen per module per process,
 * looked up in a short fixed list of directories relative to the running program, so that a
 * build tree, an installed tree and an unpacked package each find their own modules. */
#include "mod/module.h"

#include <assert.h>
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "version.h" /* build/gen: REDRESS_MODULE_DIR, REDRESS_MODULE_LIBS_* */

static const struct module {
    const char *name; /* as callers name it */
    const char *libs; /* what it carries, for --version and errors */
} modules[] = {
    {"http", REDRESS_MODULE_LIBS_HTTP},
    {"mail", REDRESS_MODULE_LIBS_MAIL},
    {"pdf", REDRESS_MODULE_LIBS_PDF},
    {"calendar", REDRESS_MODULE_LIBS_CALENDAR},
};
#define NMODULES (sizeof modules / sizeof modules[0])

static void *handles[NMODULES];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The directory holding the running program (no trailing slash) into dir; false when
 * /proc/self/exe cannot be read. */
static bool exe_dir(char *dir, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", dir, n - 1);
    if (len <= 0) return false;
    dir[len] = 0;
    char *slash = strrchr(dir, '/');
    if (!slash) return false;
    *slash = 0;
    return true;
}

/* snprintf's result as "it fitted": a path that does not fit is no place to look. */
static bool fits(int n, size_t size)
{
    return n > 0 && (size_t)n < size;
}

/* The i-th directory to search (i from 0) into dir; false after the last. One that does not fit
 * in n bytes is given as "" (nothing is found there). */
static bool search_dir(int i, char *dir, size_t n)
{
    char exe[PATH_MAX];
    const char *env = getenv("REDRESS_MODULE_DIR");
    int w;
    if (env && *env) { /* set: the only place looked at */
        if (i > 0) return false;
        w = snprintf(dir, n, "%s", env);
    } else {
        bool have = exe_dir(exe, sizeof exe);
        switch (have ? i : i + 2) {
        case 0:
            w = snprintf(dir, n, "%s/redress-modules", exe);
            break;
        case 1:
            w = snprintf(dir, n, "%s/../lib/redress", exe);
            break;
        case 2:
            w = snprintf(dir, n, "%s", REDRESS_MODULE_DIR);
            break;
        default:
            return false;
        }
    }
    if (!fits(w, n)) dir[0] = 0;
    return true;
}

/* The path of module m's file in the first directory that has it into path; false when none. */
static bool find(const struct module *m, char *path, size_t n)
{
    char dir[PATH_MAX];
    struct stat sb;
    for (int i = 0; search_dir(i, dir, sizeof dir); i++)
        if (dir[0] && fits(snprintf(path, n, "%s/redress-%s.so", dir, m->name), n) &&
            stat(path, &sb) == 0)
            return true;
    return false;
}

/* The error for a module that cannot be had: what it is for, where it was looked for. */
static rd_err *missing(const struct module *m, const char *why)
{
    rd_buf b;
    buf_init(&b, 4096);
    char dir[PATH_MAX];
    for (int i = 0; search_dir(i, dir, sizeof dir); i++)
        rd_err_free(buf_addf(&b, "%s%s", i ? ", " : "", dir));
    rd_err *e = rd_error(RD_IO,
                         "module: redress-%s.so (%s) %s; looked in %s. Install redress with its "
                         "modules (make install puts them in PREFIX/lib/redress) or set "
                         "REDRESS_MODULE_DIR to their folder",
                         m->name, m->libs, why, buf_str(&b));
    buf_reset(&b);
    return e;
}

rd_err *mod_sym(const char *module, const char *name, void **fn)
{
    size_t i = 0;
    while (i < NMODULES && strcmp(modules[i].name, module) != 0)
        i++;
    assert(i < NMODULES);
    const struct module *m = &modules[i];
    rd_err *e = NULL;
    pthread_mutex_lock(&lock);
    if (!handles[i]) {
        char path[PATH_MAX];
        if (!find(m, path, sizeof path)) {
            e = missing(m, "was not found");
        } else if (!(handles[i] = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
            const char *why = dlerror();
            char *msg = xasprintf("did not load (%s)", why ? why : "unknown reason");
            e = missing(m, msg);
            free(msg);
        }
    }
    void *h = handles[i];
    pthread_mutex_unlock(&lock);
    if (e) return e;
    *fn = dlsym(h, name);
    if (!*fn)
        return missing(m, "lacks a function this program calls (a module of another version?)");
    return NULL;
}

void mod_describe(FILE *out)
{
    for (size_t i = 0; i < NMODULES; i++) {
        char path[PATH_MAX];
        bool found = find(&modules[i], path, sizeof path);
        char *real = found ? realpath(path, NULL) : NULL;
        fprintf(out, "  %-8s %s (%s)\n", modules[i].name, real ? real : "missing", modules[i].libs);
        free(real);
    }
}
