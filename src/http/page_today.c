/* page_today.c — the page a freelancer opens each morning: what is overdue or due, most urgent
 * first; the open cases by stage; what is on hold; the triggers firing. */
#include "http/pages.h"

#include <stdio.h>
#include <string.h>

/* One line of the due list: a link to the case, what is due and since when. */
static void due_item(hw *w, int64_t case_id, const char *badge, const char *cls, const char *what,
                     const char *when)
{
    HW_RAW(w, "<li><span");
    hw_attrf(w, "class", "badge %s", cls);
    HW_RAW(w, ">");
    hw_text(w, badge);
    HW_RAW(w, "</span> ");
    if (case_id) {
        hw_case_link(w, case_id);
        HW_RAW(w, ": ");
    }
    hw_text(w, what);
    if (when) {
        HW_RAW(w, " <span class=\"muted\">due ");
        hw_text(w, when);
        HW_RAW(w, "</span>");
    }
    HW_RAW(w, "</li>");
}

static void section_due(hw *w, json_t *commitments, json_t *followups, json_t *invoices,
                        json_t *drafts)
{
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"due-h\"><h2 id=\"due-h\">Overdue and "
              "due</h2><ul class=\"plain\" id=\"due\">");
    size_t n = 0, i;
    json_t *r;
    json_array_foreach(commitments, i, r)
    {
        due_item(w, desk_ji(r, "case_id"), "commitment overdue", "bad", desk_js(r, "text"),
                 desk_js(r, "due_on"));
        n++;
    }
    json_array_foreach(invoices, i, r)
    {
        char what[160];
        snprintf(what, sizeof what, "invoice %s of %s is %lld days overdue",
                 desk_js(r, "number") ? desk_js(r, "number") : "",
                 desk_js(r, "client_name") ? desk_js(r, "client_name") : "",
                 (long long)desk_ji(r, "days_overdue"));
        HW_RAW(w, "<li><span class=\"badge bad\">invoice overdue</span> <a href=\"/invoices\">");
        hw_text(w, what);
        HW_RAW(w, "</a> (");
        hw_money(w, desk_ji(r, "balance"), desk_js(r, "currency"));
        HW_RAW(w, " open)</li>");
        n++;
    }
    json_array_foreach(followups, i, r)
    {
        due_item(w, desk_ji(r, "case_id"), "follow-up due", "warn", "ask how it went",
                 desk_js(r, "due_on"));
        n++;
    }
    json_array_foreach(drafts, i, r)
    {
        if (strcmp(desk_js(r, "status") ? desk_js(r, "status") : "", "draft")) continue;
        int held = json_is_true(json_object_get(r, "held"));
        char what[96];
        snprintf(what, sizeof what, "draft %lld %s", (long long)desk_ji(r, "id"),
                 held ? "is on hold" : "is ready to release");
        due_item(w, desk_ji(r, "case_id"), held ? "reply on hold" : "reply ready",
                 held ? "warn" : "good", what, NULL);
        n++;
    }
    if (!n) HW_RAW(w, "<li class=\"muted\">Nothing is overdue or due.</li>");
    HW_RAW(w, "</ul></section>");
}

static void section_by_stage(hw *w, json_t *cases)
{
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"stages-h\"><h2 id=\"stages-h\">Open cases "
              "by stage</h2>");
    if (!json_array_size(cases)) HW_RAW(w, "<p class=\"muted\">No open case.</p>");
    for (int s = 0; desk_stages[s]; s++) {
        size_t i, shown = 0;
        json_t *k;
        json_array_foreach(cases, i, k)
        {
            if (strcmp(desk_js(k, "stage") ? desk_js(k, "stage") : "", desk_stages[s])) continue;
            if (!shown++) {
                HW_RAW(w, "<h3>");
                hw_text(w, desk_stages[s]);
                HW_RAW(w, "</h3><ul class=\"plain\">");
            }
            HW_RAW(w, "<li>");
            char label[200];
            snprintf(label, sizeof label, "Case %lld — %s", (long long)desk_ji(k, "id"),
                     desk_js(k, "client_name") ? desk_js(k, "client_name") : "");
            hw_link_id(w, "/cases/", desk_ji(k, "id"), label);
            HW_RAW(w, " <span class=\"muted\">received ");
            hw_time(w, desk_js(k, "received_at"));
            HW_RAW(w, "</span>");
            if (desk_ji(k, "hostility") >= 2)
                HW_RAW(w, " <span class=\"badge bad\">hostile</span>");
            HW_RAW(w, "</li>");
        }
        if (shown) HW_RAW(w, "</ul>");
    }
    HW_RAW(w, "</section>");
}

static void section_on_hold(hw *w, json_t *cases)
{
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"hold-h\"><h2 id=\"hold-h\">On hold</h2>"
              "<ul class=\"plain\">");
    size_t i, n = 0;
    json_t *k;
    json_array_foreach(cases, i, k)
    {
        if (!desk_js(k, "pause_reason")) continue;
        n++;
        HW_RAW(w, "<li>");
        hw_case_link(w, desk_ji(k, "id"));
        HW_RAW(w, " paused: ");
        hw_text(w, desk_js(k, "pause_reason"));
        HW_RAW(w, "</li>");
    }
    if (!n) HW_RAW(w, "<li class=\"muted\">No case is paused.</li>");
    HW_RAW(w, "</ul></section>");
}

static rd_err *section_triggers(hw *w, rd_desk *d, json_t *cases)
{
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"trig-h\"><h2 id=\"trig-h\">Triggers "
              "firing</h2><ul class=\"plain\">");
    size_t i, n = 0;
    json_t *k;
    rd_err *e = NULL;
    json_array_foreach(cases, i, k)
    {
        json_t *trig = NULL;
        if ((e = desk_case_triggers(d, desk_ji(k, "id"), &trig))) break;
        size_t j;
        json_t *t;
        json_array_foreach(trig, j, t)
        {
            n++;
            HW_RAW(w, "<li><span class=\"badge bad\">");
            hw_text(w, desk_js(t, "trigger"));
            HW_RAW(w, "</span> ");
            hw_case_link(w, desk_ji(k, "id"));
            HW_RAW(w, ": ");
            hw_text(w, desk_js(t, "why"));
            HW_RAW(w, "</li>");
        }
        json_decref(trig);
    }
    if (!n) HW_RAW(w, "<li class=\"muted\">No trigger is firing.</li>");
    HW_RAW(w, "</ul></section>");
    return e;
}

rd_err *page_today_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *commitments = NULL, *followups = NULL, *invoices = NULL, *drafts = NULL;
    json_t *cases = NULL;
    /* the first page of each, most urgent first: today is for what to do next */
    rd_page p1 = {.limit = 50}, p2 = p1, p3 = p1, p4 = p1, p5 = {.limit = 100};
    rd_err *e = desk_commitment_list(d, 0, 1, &p1, &commitments);
    if (!e) e = desk_followup_list(d, 1, &p2, &followups);
    if (!e) e = desk_invoice_list(d, NULL, true, &p3, &invoices);
    if (!e) e = desk_draft_list(d, 0, &p4, &drafts);
    if (!e) e = desk_case_list(d, "open", NULL, &p5, &cases);
    if (e) goto out;
    rd_timestr today;
    desk_today(today);
    page_open(w, v, "Today", "today");
    HW_RAW(w, "<h1>Today, ");
    hw_text(w, today);
    HW_RAW(w, "</h1>");
    section_due(w, commitments, followups, invoices, drafts);
    HW_RAW(w, "<div class=\"grid\">");
    section_by_stage(w, cases);
    HW_RAW(w, "<div>");
    section_on_hold(w, cases);
    e = section_triggers(w, d, cases);
    HW_RAW(w, "</div></div>");
    page_close(w);
out:
    json_decref(commitments);
    json_decref(followups);
    json_decref(invoices);
    json_decref(drafts);
    json_decref(cases);
    return e;
}
