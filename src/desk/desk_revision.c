/* desk_revision.c — the revision policy (P18): each project includes a number of revisions and
 * prices the extras. Requests are counted, and one beyond the policy cannot be recorded until
 * the user chooses to charge it or to waive it knowingly. */
#include "desk/playbook_int.h"

#include <stdio.h>
#include <stdlib.h>

/* "400.00 USD" or "no agreed price" for an extra revision of project p. */
static void extra_price(json_t *p, char *out, size_t n)
{
    json_t *price = json_object_get(p, "extra_revision_price");
    if (json_is_integer(price))
        money_format(json_integer_value(price), desk_js(p, "currency"), out, n);
    else
        snprintf(out, n, "no agreed price");
}

rd_err *desk_revision_add(rd_desk *d, const desk_revision_input *in, json_t **out)
{
    int64_t project_id, id = 0;
    rd_err *e = desk_parse_id("project", in->project, &project_id);
    if (!e && in->charge && in->waive)
        e = rd_error(RD_USAGE, "charge: charge for the revision or waive it, not both");
    if (!e) e = text_check("note", in->note, DESK_MAX_FIELD, true);
    if (e) return e;
    rd_timestr now;
    desk_now(now);

    json_t *p = NULL;
    char price[48] = "", *summary = NULL;
    const char *charge = in->charge ? "charge" : in->waive ? "waive" : NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_project_get(d->st, project_id, &p);
    int64_t included = p ? desk_ji(p, "revisions") : 0;
    int64_t number = p ? desk_ji(p, "revisions_used") + 1 : 0;
    bool beyond = number > included;
    if (!e) extra_price(p, price, sizeof price);
    if (!e && beyond && !charge)
        e = rd_error(RD_CONFLICT,
                     "charge: this is revision %lld but only %lld %s included in \"%s\"; an"
                     " extra one costs %s: charge for it or waive it",
                     (long long)number, (long long)included, included == 1 ? "is" : "are",
                     desk_js(p, "title"), price);
    if (!e && !beyond && charge)
        e = rd_error(RD_INVALID,
                     "charge: revision %lld of %lld is included in the price;"
                     " charging or waiving is for revisions beyond the policy",
                     (long long)number, (long long)included);
    if (!e) e = store_revision_insert(d->st, project_id, in->note, beyond, charge, now, &id);
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:I, s:b, s:s?}", "project_id", (json_int_t)project_id, "number",
                      (json_int_t)number, "beyond_policy", beyond, "charge", charge);
        e = desk_audit(d, "revision.add", "revisions", id, detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
    if (!e) {
        if (!beyond)
            summary =
                xasprintf("revision %lld of %lld included", (long long)number, (long long)included);
        else
            summary =
                xasprintf("revision %lld is beyond the %lld included: %s (%s)", (long long)number,
                          (long long)included, charge[0] == 'c' ? "charged" : "waived", price);
        json_t *ep = json_object_get(p, "extra_revision_price");
        *out = json_pack("{s:I, s:I, s:I, s:b, s:s?, s:O, s:s, s:s}", "id", (json_int_t)id,
                         "number", (json_int_t)number, "included", (json_int_t)included,
                         "beyond_policy", beyond, "charge", charge, "price",
                         beyond && charge[0] == 'c' && ep ? ep : json_null(), "currency",
                         desk_js(p, "currency"), "summary", summary);
    }
    free(summary);
    json_decref(p);
    return e;
}

rd_err *desk_revision_list(rd_desk *d, int64_t project_id, json_t **out)
{
    json_t *p = NULL, *rows = NULL;
    rd_err *e = store_project_get(d->st, project_id, &p);
    if (!e) e = store_revision_list(d->st, project_id, &rows);
    if (e) {
        json_decref(p);
        return e;
    }
    *out = json_pack("{s:I, s:s, s:I, s:I, s:O, s:s, s:o}", "project_id", (json_int_t)project_id,
                     "title", desk_js(p, "title"), "included", (json_int_t)desk_ji(p, "revisions"),
                     "used", (json_int_t)json_array_size(rows), "extra_revision_price",
                     json_object_get(p, "extra_revision_price"), "currency", desk_js(p, "currency"),
                     "revisions", rows);
    pb_revision_totals(*out);
    json_decref(p);
    return NULL;
}
