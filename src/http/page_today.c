/* page_today.c — the page a freelancer opens each morning: what needs them, most urgent first
 * (the desk's today view), with the button for each; the open cases by stage; what is paused;
 * the triggers firing. */
#include "http/pages.h"

#include <stdio.h>
#include <string.h>

/* Words and weight of each kind of today item (desk_today_view). */
static const struct {
    const char *kind, *words, *cls;
} kinds[] = {
    {"commitment_overdue", "commitment overdue", "bad"},
    {"from_client", "from the client", "good"},
    {"invoice_overdue", "invoice overdue", "bad"},
    {"followup_due", "follow-up due", "warn"},
    {"hold_ends", "hold ends", "warn"},
    {"cool_off", "cooling off", "warn"},
    {"pause_ends", "pause ends", "warn"},
    {"draft_ready", "reply ready", "good"},
    {"next_step", "your move", ""},
    {"waiting", "waiting on the client", ""},
    {"watch", "extra care", ""},
    {"trigger", "trigger", "bad"},
};

static void kind_badge(hw *w, const char *kind)
{
    const char *words = kind, *cls = "";
    for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(kinds[i].kind, kind)) words = kinds[i].words, cls = kinds[i].cls;
    HW_RAW(w, "<span");
    hw_attrf(w, "class", "badge %s", cls);
    HW_RAW(w, ">");
    hw_text(w, words);
    HW_RAW(w, "</span> ");
}

/* One item of the today view, with the button of what to do about it. */
static void item(hw *w, const page_view *v, json_t *it)
{
    const char *kind = desk_js(it, "kind");
    HW_RAW(w, "<li>");
    kind_badge(w, kind);
    if (desk_ji(it, "case_id")) {
        hw_case_link(w, desk_ji(it, "case_id"));
        HW_RAW(w, " · ");
    }
    if (desk_ji(it, "client_id"))
        hw_link_id(w, "/clients/", desk_ji(it, "client_id"), desk_js(it, "client_name"));
    HW_RAW(w, ": ");
    hw_text(w, desk_js(it, "text"));
    json_t *action = json_object_get(it, "action");
    const char *name = desk_js(action, "action");
    if (json_is_object(action) && name && strcmp(name, "case.next") && strcmp(name, "case.show")) {
        HW_RAW(w, "<div class=\"actions\">");
        hw_action(w, v, action, 0, NULL, 0);
        HW_RAW(w, "</div>");
    }
    HW_RAW(w, "</li>");
}

/* The items of section (NULL: any) of kind trigger (triggers) or of every other kind. */
static size_t items(hw *w, const page_view *v, json_t *list, const char *section, int triggers)
{
    size_t i, n = 0;
    json_t *it;
    json_array_foreach(list, i, it)
    {
        const char *kind = desk_js(it, "kind"), *sec = desk_js(it, "section");
        if ((kind && !strcmp(kind, "trigger")) != triggers) continue;
        if (section && (!sec || strcmp(sec, section))) continue;
        n++;
        item(w, v, it);
    }
    return n;
}

/* "N more" under a section's first page, to that section's own pages. */
static void more_link(hw *w, json_t *sec)
{
    int64_t more = desk_ji(sec, "more"), next = desk_ji(sec, "next");
    if (!more || !next) return;
    HW_RAW(w, "<p class=\"more\"><a");
    hw_attrf(w, "href", "/?section=%s&after=%lld", desk_js(sec, "section"), (long long)next);
    HW_RAW(w, ">");
    hw_textf(w, "%s%lld more: %s", more >= RD_MORE_MAX ? "at least " : "", (long long)more,
             desk_js(sec, "title"));
    HW_RAW(w, "</a></p>");
}

/* What needs the user, a heading and the first rows for each section (triggers have their
 * own card); each section with more rows links to its own pages. */
static void section_due(hw *w, const page_view *v, json_t *today)
{
    json_t *list = json_object_get(today, "items");
    size_t i, shown = 0;
    json_t *sec;
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"due-h\"><h2 id=\"due-h\">What needs "
              "you, most urgent first</h2><div id=\"due\">");
    json_array_foreach(json_object_get(today, "sections"), i, sec)
    {
        const char *name = desk_js(sec, "section");
        if (!name || !strcmp(name, "triggers")) continue;
        int any = 0; /* the heading only when the section shows something */
        size_t j;
        json_t *it;
        json_array_foreach(list, j, it)
        {
            const char *kind = desk_js(it, "kind"), *s = desk_js(it, "section");
            if (s && !strcmp(s, name) && !(kind && !strcmp(kind, "trigger"))) any = 1;
        }
        if (!any && !desk_ji(sec, "more")) continue;
        HW_RAW(w, "<h3>");
        hw_text(w, desk_js(sec, "title"));
        HW_RAW(w, "</h3><ul class=\"plain\">");
        shown += items(w, v, list, name, 0);
        HW_RAW(w, "</ul>");
        more_link(w, sec);
    }
    if (!shown) HW_RAW(w, "<p class=\"muted\">Nothing needs you today.</p>");
    HW_RAW(w, "</div></section>");
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

static void section_paused(hw *w, json_t *cases)
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

#define TODAY_ROWS 20 /* rows of each section on the first page of today */

/* One section of today on its own pages (?section=NAME&after=CURSOR). */
static rd_err *one_section(rd_desk *d, const page_view *v, const char *name, hw *w)
{
    rd_page pg = {.limit = TODAY_ROWS};
    const char *after = json_string_value(json_object_get(v->query, "after"));
    json_t *sec = NULL;
    rd_err *e = after ? desk_parse_id("after", after, &pg.after) : NULL;
    if (!e) e = desk_today_section(d, name, &pg, &sec);
    if (e) return e;
    page_open(w, v, desk_js(sec, "title"), "today");
    HW_RAW(w, "<h1>Today: ");
    hw_text(w, desk_js(sec, "title"));
    HW_RAW(w, "</h1><section class=\"card\"><ul class=\"plain\" id=\"due\">");
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(sec, "items"), i, it) item(w, v, it);
    if (!json_array_size(json_object_get(sec, "items")))
        HW_RAW(w, "<li class=\"muted\">Nothing more here.</li>");
    HW_RAW(w, "</ul><nav class=\"pager\" aria-label=\"Pages\"><a href=\"/\">Back to today</a>");
    if (pg.next) {
        HW_RAW(w, "<a rel=\"next\"");
        hw_attrf(w, "href", "/?section=%s&after=%lld", desk_js(sec, "section"), (long long)pg.next);
        HW_RAW(w, ">Next page</a>");
    }
    HW_RAW(w, "</nav></section>");
    page_close(w);
    json_decref(sec);
    return NULL;
}

rd_err *page_today_body(rd_desk *d, const page_view *v, hw *w)
{
    const char *section = json_string_value(json_object_get(v->query, "section"));
    if (section) return one_section(d, v, section, w);
    json_t *today = NULL, *cases = NULL, *paused = NULL;
    /* the first page of each: today is for what to do next */
    rd_page pc = {.limit = 100}, pp = {.limit = 50};
    rd_err *e = desk_today_view(d, TODAY_ROWS, &today);
    if (!e) e = desk_case_list(d, "open", NULL, &pc, &cases);
    if (!e) e = desk_case_list(d, "paused", NULL, &pp, &paused);
    if (e) goto out;
    json_t *list = json_object_get(today, "items");
    page_open(w, v, "Today", "today");
    HW_RAW(w, "<h1>Today, ");
    hw_text(w, desk_js(today, "date"));
    HW_RAW(w, "</h1>");
    section_due(w, v, today);
    HW_RAW(w, "<div class=\"grid\">");
    section_by_stage(w, cases);
    HW_RAW(w, "<div>");
    section_paused(w, paused);
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"trig-h\"><h2 id=\"trig-h\">Triggers "
              "firing</h2><ul class=\"plain\">");
    if (!items(w, v, list, NULL, 1)) HW_RAW(w, "<li class=\"muted\">No trigger is firing.</li>");
    HW_RAW(w, "</ul>");
    size_t i;
    json_t *sec;
    json_array_foreach(json_object_get(today, "sections"), i, sec)
    {
        if (!strcmp(desk_js(sec, "section") ? desk_js(sec, "section") : "", "triggers"))
            more_link(w, sec);
    }
    HW_RAW(w, "</section></div></div>");
    page_close(w);
out:
    json_decref(today);
    json_decref(cases);
    json_decref(paused);
    return e;
}
