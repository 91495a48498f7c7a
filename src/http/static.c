/* static.c — the files under web/ (CSS, scripts, icons), compiled into the binary at build time
 * and served by exact name from /static/NAME: a name that is not one of them — "..", a slash,
 * anything else — is simply not found, so no request can reach the file system. */
#include "http/http_int.h"

#include <string.h>

#include "util/embed.h"

extern const rd_embedded web_files[];

static const char *type_of(const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {{".css", "text/css; charset=utf-8"},
                 {".js", "text/javascript; charset=utf-8"},
                 {".svg", "image/svg+xml"},
                 {".png", "image/png"},
                 {".ico", "image/x-icon"},
                 {".txt", "text/plain; charset=utf-8"}};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0) return types[i].type;
    return "application/octet-stream";
}

/* The embedded file called name, or NULL. */
static const rd_embedded *find(const char *name)
{
    for (const rd_embedded *f = web_files; name && f->name; f++)
        if (strcmp(f->name, name) == 0) return f;
    return NULL;
}

rd_err *page_static(http_req *rq, http_resp *rs)
{
    const rd_embedded *f = find(http_arg(rq, "name"));
    if (!f) return rd_error(RD_NOT_FOUND, "path: no such file");
    rs->content_type = type_of(f->name);
    http_header_add(rs, "Cache-Control", "public, max-age=3600");
    return buf_add(&rs->body, f->data, f->size);
}

rd_err *page_robots(http_req *rq, http_resp *rs)
{
    (void)rq;
    const rd_embedded *f = find("robots.txt");
    if (!f) return rd_error(RD_NOT_FOUND, "path: no such file");
    rs->content_type = type_of(f->name);
    return buf_add(&rs->body, f->data, f->size);
}
