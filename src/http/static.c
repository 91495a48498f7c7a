/* static.c — /static/NAME: the files under web/ compiled into the binary (assets.c). A name that
 * is not one of them — "..", a slash, anything else — is simply not found, so no request can
 * reach the file system. */
#include "http/http_int.h"

#include "http/assets.h"

rd_err *page_static(http_req *rq, http_resp *rs)
{
    const char *type = NULL;
    const rd_embedded *f = web_asset_find(http_arg(rq, "name"), &type);
    if (!f) return rd_error(RD_NOT_FOUND, "path: no such file");
    rs->content_type = type;
    http_header_add(rs, "Cache-Control", "public, max-age=3600");
    return buf_add(&rs->body, f->data, f->size);
}
