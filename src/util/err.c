/* err.c — the one error type: construction, freeing and its mapping to exit codes and HTTP
 * statuses, all driven by the RD_ERROR_CODES table in util.h. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

static const struct {
    int exit_code;
    int http;
    const char *name;
    const char *summary;
} code_info[] = {{0, 200, "ok", "ok"},
#define X(name, exit_code, http, short_name, summary) {exit_code, http, short_name, summary},
                 RD_ERROR_CODES(X)
#undef X
};

/* The field a message names by convention ("deadline: …"), or NULL. Only errors about input
 * name fields: an I/O or database message starting with a word is not about a field. */
static char *field_of(rd_code code, const char *msg)
{
    if (code == RD_IO || code == RD_DB || code == RD_TAMPERED) return NULL;
    size_t n = 0;
    if (!(msg[0] >= 'a' && msg[0] <= 'z')) return NULL;
    while ((msg[n] >= 'a' && msg[n] <= 'z') || (msg[n] >= '0' && msg[n] <= '9') || msg[n] == '_' ||
           msg[n] == '.')
        n++;
    if (msg[n] != ':' || msg[n + 1] != ' ') return NULL;
    return xstrndup(msg, n);
}

static rd_err *verror(rd_code code, const char *field, bool infer, const char *fmt, va_list ap)
{
    rd_err *e = xcalloc(1, sizeof *e);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    e->code = code;
    e->msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    e->msg[0] = '\0';
    if (n >= 0) vsnprintf(e->msg, (size_t)n + 1, fmt, ap);
    e->field = infer ? field_of(code, e->msg) : xstrdup(field);
    return e;
}

rd_err *rd_error(rd_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rd_err *e = verror(code, NULL, true, fmt, ap);
    va_end(ap);
    return e;
}

rd_err *rd_error_at(rd_code code, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rd_err *e = verror(code, field, false, fmt, ap);
    va_end(ap);
    return e;
}

rd_err *rd_err_next(rd_err *e, const char *action, int64_t case_id, int64_t item)
{
    if (!e) return NULL;
    free(e->action);
    e->action = action ? xstrdup(action) : NULL;
    e->action_case = case_id;
    e->action_item = item;
    return e;
}

rd_err *rd_err_overridable(rd_err *e)
{
    if (!e || e->overridable) return e;
    char *msg = xasprintf("%s%s", e->msg, RD_OVERRIDE_HINT);
    free(e->msg);
    e->msg = msg;
    e->overridable = true;
    return e;
}

void rd_err_free(rd_err *e)
{
    if (!e) return;
    free(e->msg);
    free(e->field);
    free(e->action);
    free(e);
}

int rd_err_exit_code(const rd_err *e)
{
    return e ? code_info[e->code].exit_code : 0;
}

int rd_err_http_status(const rd_err *e)
{
    return e ? code_info[e->code].http : 200;
}

const char *rd_code_summary(rd_code code)
{
    return code_info[code].summary;
}

const char *rd_code_name(rd_code code)
{
    return code_info[code].name;
}
