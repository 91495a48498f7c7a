/* page_actions.c — the desk's suggested actions (desk_case_next, desk_today_view) as the web
 * desk shows them: a button that posts when the action needs nothing more from the user, else
 * a link to the form on the case page that asks for the rest. */
#include "http/pages.h"

#include <stdio.h>
#include <string.h>

static const struct page_action {
    const char *action;   /* the desk's name for it (desk.h, desk_case_next) */
    const char *label;    /* what the button says */
    const char *anchor;   /* the form or section of the case page that asks for the rest */
    const char *post;     /* or the case page's form that does it in one click */
    const char *id_param; /* the param naming the item it acts on, passed to that form */
} actions[] = {
    {"concern.add", "Record a concern", "concern", NULL, NULL},
    {"case.acknowledge", "Record the acknowledgement", "acknowledge", NULL, NULL},
    {"case.cause", "Record the real problem", "cause", NULL, NULL},
    {"case.reread", "I have re-read their messages", NULL, "reread", NULL},
    {"case.want", "Restate what they want", "want", NULL, NULL},
    {"case.confirm", "Record their answer", "confirm", NULL, NULL},
    {"case.correct", "Record their correction", "confirm", NULL, NULL},
    {"offer.make", "Make an offer", "offer", NULL, NULL},
    {"offer.choose", "Record their choice", "offers", NULL, NULL},
    {"offer.reject", "Record a rejection", "offers", NULL, NULL},
    {"offer.list", "See the offers", "offers", NULL, NULL},
    {"commitment.done", "Mark the commitment done", NULL, "commitment_done", "commitment"},
    {"commitment.list", "See the commitments", "commitments", NULL, NULL},
    {"followup.add", "Schedule a follow-up", "followup_add", NULL, NULL},
    {"followup.done", "Record how the follow-up went", "followups", NULL, NULL},
    {"feedback.record", "Record their feedback", "feedback", NULL, NULL},
    {"case.close", "Close with a lesson", "close", NULL, NULL},
    {"case.pause", "Pause contact", "pause", NULL, NULL},
    {"case.resume", "Resume contact", NULL, "resume", NULL},
    {"draft.release", "Release the reply", "replies", NULL, NULL},
    {"escalation.outcome", "Record the escalation's outcome", "escalation", NULL, NULL},
    {"case.show", "Open the case", "", NULL, NULL},
    {"case.next", "Open the case", "", NULL, NULL},
};

static const struct page_action *find(const char *name)
{
    for (size_t i = 0; name && i < sizeof actions / sizeof actions[0]; i++)
        if (!strcmp(actions[i].action, name)) return &actions[i];
    return NULL;
}

const char *page_action_form(json_t *action)
{
    const struct page_action *a = find(desk_js(action, "action"));
    return a && a->anchor && *a->anchor ? a->anchor : NULL;
}

void hw_action(hw *w, const page_view *v, json_t *action, int64_t here, const char *id, int primary)
{
    const char *name = desk_js(action, "action");
    int64_t case_id = desk_ji(action, "case");
    const char *cls = primary ? "button" : "button secondary";
    const char *list = name && !strcmp(name, "lesson.list")      ? "/lessons"
                       : name && !strcmp(name, "invoice.remind") ? "/invoices"
                                                                 : NULL;
    const struct page_action *a = find(name);
    if (list || (a && case_id && !a->post)) {
        HW_RAW(w, "<a");
        hw_attr(w, "class", cls);
        hw_attr(w, "id", id);
        if (list)
            hw_attr(w, "href", list);
        else if (case_id == here)
            hw_attrf(w, "href", "#%s", a->anchor);
        else
            hw_attrf(w, "href", "/cases/%lld%s%s", (long long)case_id, *a->anchor ? "#" : "",
                     a->anchor);
        HW_RAW(w, ">");
        hw_text(w, list ? (strcmp(name, "lesson.list") ? "See the invoices" : "See the lessons")
                        : a->label);
        HW_RAW(w, "</a>");
    } else if (a && case_id) {
        char url[96];
        json_t *item =
            a->id_param ? json_object_get(json_object_get(action, "params"), a->id_param) : NULL;
        if (json_is_integer(item))
            snprintf(url, sizeof url, "/cases/%lld?%s=%lld", (long long)case_id, a->id_param,
                     (long long)json_integer_value(item));
        else
            snprintf(url, sizeof url, "/cases/%lld", (long long)case_id);
        form_button(w, v, url, a->post, a->label, primary ? NULL : "secondary");
    }
}
