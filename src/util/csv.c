/* csv.c — one row of RFC 4180 CSV. A cell that a spreadsheet would run as a formula (it starts
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so a client's name
 * such as "=HYPERLINK(…)" opens as text, not as a link. */
#include "util.h"

#include <string.h>

rd_err *csv_row(rd_buf *b, const char *const *cells, size_t n)
{
    rd_err *e = NULL;
    for (size_t i = 0; i < n && !e; i++) {
        const char *s = cells[i] ? cells[i] : "";
        if (i) e = buf_adds(b, ",");
        bool formula = strchr("=+-@\t\r", s[0]) && s[0];
        bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
        if (!e && quote) e = buf_adds(b, "\"");
        if (!e && formula) e = buf_adds(b, "'");
        for (const char *p = s; *p && !e; p++)
            e = *p == '"' ? buf_adds(b, "\"\"") : buf_add(b, p, 1);
        if (!e && quote) e = buf_adds(b, "\"");
    }
    return e ? e : buf_adds(b, "\r\n");
}
