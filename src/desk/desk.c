/* desk.c — helpers shared by the desk's operation files: id parsing, the audit entry each
 * operation appends, and word-list checks. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

rd_err *desk_parse_id(const char *field, const char *text, int64_t *id)
{
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: is required", field);
    return parse_int(field, text, 1, INT64_MAX, id);
}

rd_err *desk_audit(rd_desk *d, const char *action, const char *table, int64_t row_id,
                   json_t *detail)
{
    rd_timestr now;
    desk_now(now);
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    rd_err *e = store_audit_append(d->st, now, d->actor ? d->actor : "unknown", action, table,
                                   row_id, text);
    free(text);
    return e;
}

rd_err *desk_audit_take(rd_desk *d, const char *action, const char *table, int64_t row_id,
                        json_t *detail)
{
    rd_err *e = desk_audit(d, action, table, row_id, detail);
    json_decref(detail);
    return e;
}

bool desk_one_of(const char *s, const char *const *list)
{
    if (!s) return false;
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return true;
    return false;
}

rd_err *desk_check_word(const char *field, const char *value, const char *const *list)
{
    if (!value || desk_one_of(value, list)) return NULL;
    rd_buf b;
    buf_init(&b, 0);
    for (int i = 0; list[i]; i++) {
        rd_err_free(buf_adds(&b, i ? ", " : ""));
        rd_err_free(buf_adds(&b, list[i]));
    }
    rd_err *e = rd_error(RD_INVALID, "%s: '%s' is not one of %s", field, value, buf_str(&b));
    buf_reset(&b);
    return e;
}

void desk_now(rd_timestr out)
{
    time_iso(time_now(), out);
}

int64_t desk_ji(json_t *obj, const char *key)
{
    return (int64_t)json_integer_value(json_object_get(obj, key));
}

const char *desk_js(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

rd_err *desk_batch_begin(rd_desk *d)
{
    return store_batch_begin(d->st);
}

rd_err *desk_batch_end(rd_desk *d, rd_err *e)
{
    return store_batch_end(d->st, e);
}

rd_err *desk_open(rd_desk *d, const char *path, const char *actor)
{
    d->st = NULL;
    d->actor = actor;
    return store_open(path, &d->st);
}

rd_err *desk_open_again(rd_desk *d, const char *path, const char *actor)
{
    d->st = NULL;
    d->actor = actor;
    return store_open_desk(path, STORE_AGAIN, &d->st);
}

rd_err *desk_cache_limit(rd_desk *d, int kib)
{
    return store_cache_limit(d->st, kib);
}

int desk_schema_version(rd_desk *d)
{
    return store_schema_version(d->st);
}

bool desk_signed(rd_desk *d)
{
    return store_signer(d->st) != NULL;
}

void desk_close(rd_desk *d)
{
    store_close(d->st);
    d->st = NULL;
}
