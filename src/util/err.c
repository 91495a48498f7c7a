/* err.c — the one error type: construction, freeing and its mapping to exit codes and HTTP
 * statuses, all driven by the RD_ERROR_CODES table in util.h. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

static const struct {
    int exit_code;
    int http;
    const char *summary;
} code_info[] = {{0, 200, "ok"},
#define X(name, exit_code, http, summary) {exit_code, http, summary},
                 RD_ERROR_CODES(X)
#undef X
};

rd_err *rd_error(rd_code code, const char *fmt, ...)
{
    rd_err *e = xmalloc(sizeof *e);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    e->code = code;
    e->msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    e->msg[0] = '\0';
    va_start(ap, fmt);
    if (n >= 0) vsnprintf(e->msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return e;
}

void rd_err_free(rd_err *e)
{
    if (!e) return;
    free(e->msg);
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
