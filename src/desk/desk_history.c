/* desk_history.c — screening (P21): before new work is created for a client, what their
 * record says about earlier complaints, escalations, late payments and a termination. The CLI
 * prints it first; the web pages will show it above the form. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdlib.h>

static void add(json_t *list, const char *kind, int64_t count, char *text)
{
    json_array_append_new(
        list, json_pack("{s:s, s:I, s:s}", "kind", kind, "count", (json_int_t)count, "text", text));
    free(text);
}

rd_err *desk_client_history(rd_desk *d, int64_t client_id, json_t **out)
{
    json_t *client = NULL, *h = NULL;
    rd_timestr today;
    desk_today(today);
    rd_err *e = store_client_get(d->st, client_id, &client);
    json_decref(client);
    if (!e) e = store_client_history(d->st, client_id, today, &h);
    if (e) return e;
    json_t *list = json_array();
    int64_t n;
    if ((n = desk_ji(h, "terminations")) > 0)
        add(list, "terminated", n,
            xasprintf("you walked away from this client on %.10s: %s", desk_js(h, "terminated_at"),
                      desk_js(h, "termination_reason")));
    if ((n = desk_ji(h, "complaints")) > 0)
        add(list, "complaints", n,
            xasprintf("%lld earlier complaint%s, the last received %.10s", (long long)n,
                      n == 1 ? "" : "s", desk_js(h, "last_complaint")));
    if ((n = desk_ji(h, "escalations")) > 0)
        add(list, "escalations", n,
            xasprintf("%lld escalation%s (%s)", (long long)n, n == 1 ? "" : "s",
                      desk_js(h, "escalation_levels")));
    if ((n = desk_ji(h, "late_payments")) > 0)
        add(list, "late_payments", n,
            xasprintf("%lld invoice%s paid late or unpaid past due", (long long)n,
                      n == 1 ? "" : "s"));
    json_decref(h);
    *out = list;
    return NULL;
}
