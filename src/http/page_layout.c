/* page_layout.c — what every page of the web desk shares: the document frame and navigation,
 * forms that keep what was typed and show the desk's error beside the field it names, and the
 * small formatters for money, times and links. */
#include "http/pages.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *key, *label, *href;
} nav_items[] = {
    {"today", "Today", "/"},
    {"cases", "Cases", "/cases"},
    {"mail", "Mail", "/mail"},
    {"clients", "Clients", "/clients"},
    {"projects", "Projects", "/projects"},
    {"invoices", "Invoices", "/invoices"},
    {"lessons", "Lessons", "/lessons"},
    {"reviews", "Reviews", "/reviews"},
    {"surveys", "Surveys", "/surveys"},
    {"report", "Report", "/report"},
    {"settings", "Settings", "/settings"},
    {"people", "People", "/people"},
    {"record", "Record", "/record"},
};

void page_open(hw *w, const page_view *v, const char *title, const char *nav)
{
    HW_RAW(w, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    if (v->csrf) {
        HW_RAW(w, "<meta name=\"csrf-token\"");
        hw_attr(w, "content", v->csrf);
        HW_RAW(w, ">");
    }
    HW_RAW(w, "<title>");
    hw_text(w, title);
    HW_RAW(w, " · redress</title><link rel=\"stylesheet\" href=\"/static/redress.css\"></head>\n"
              "<body><a class=\"skip\" href=\"#main\">Skip to content</a>"
              "<header class=\"top\"><a class=\"brand\" href=\"/\">redress</a>"
              "<nav aria-label=\"Sections\"><ul>");
    for (size_t i = 0; i < sizeof nav_items / sizeof nav_items[0]; i++) {
        HW_RAW(w, "<li><a");
        hw_attr(w, "href", nav_items[i].href);
        if (nav && !strcmp(nav, nav_items[i].key)) HW_RAW(w, " aria-current=\"page\"");
        HW_RAW(w, ">");
        hw_text(w, nav_items[i].label);
        HW_RAW(w, "</a></li>");
    }
    HW_RAW(w, "</ul></nav>");
    if (v->user) { /* the search box, on every page (page_search.c answers it) */
        const char *q = nav && !strcmp(nav, "search")
                            ? json_string_value(json_object_get(v->query, "query"))
                            : NULL;
        HW_RAW(w, "<form class=\"top-search\" role=\"search\" method=\"get\" action=\"/search\">"
                  "<label for=\"top-query\" class=\"hidden-label\">Search mail, logs and "
                  "cases</label><input type=\"search\" id=\"top-query\" name=\"query\" "
                  "placeholder=\"Search\"");
        hw_attr(w, "value", q);
        HW_RAW(w, "><button type=\"submit\">Search</button></form>");
    }
    if (v->user) {
        HW_RAW(w, "<form method=\"post\" action=\"/signout\">");
        if (v->csrf) {
            HW_RAW(w, "<input type=\"hidden\" name=\"csrf\"");
            hw_attr(w, "value", v->csrf);
            HW_RAW(w, ">");
        }
        HW_RAW(w, "<button type=\"submit\">Sign out ");
        hw_text(w, v->user);
        HW_RAW(w, "</button></form>");
    }
    HW_RAW(w, "</header>\n<main id=\"main\" tabindex=\"-1\">");
    if (v->err && v->failed) {
        /* a refused form says so at the top too, with a link to where it happened */
        HW_RAW(w, "<p class=\"form-error\" role=\"alert\">Not done: ");
        hw_text(w, v->err->msg);
        HW_RAW(w, " <a href=\"#failed\">Go to the form</a></p>");
        /* the step the desk names first, as the button the case page would show for it */
        json_t *next = desk_err_action(v->err);
        if (next) {
            HW_RAW(w, "<div class=\"error-next\">");
            hw_action(w, v, next, 0, "error-next", 1);
            HW_RAW(w, "</div>");
            json_decref(next);
        }
    }
    if (v->notice) {
        HW_RAW(w, "<p class=\"notice\" role=\"status\">");
        hw_text(w, v->notice);
        HW_RAW(w, "</p>");
    }
}

void page_close(hw *w)
{
    HW_RAW(w, "</main>\n<footer>redress — every exchange is kept in a tamper-evident log</footer>"
              "<script src=\"/static/redress.js\" defer></script></body></html>\n");
}

/* ---------------------------------------------------------------- forms */

const char *page_err_field(const rd_err *e)
{
    return e ? e->field : NULL;
}

/* The error of form `form` when it concerns field (NULL: the form as a whole). */
static const rd_err *error_for(const page_view *v, const char *form, const char *field)
{
    if (!v->err || !v->failed || strcmp(v->failed, form) != 0) return NULL;
    const char *f = page_err_field(v->err);
    if (!field) return v->err;
    return f && !strcmp(f, field) ? v->err : NULL;
}

static bool names_one_of(const page_view *v, const char *const *fields)
{
    const char *f = page_err_field(v->err);
    for (int i = 0; f && fields && fields[i]; i++)
        if (!strcmp(fields[i], f)) return true;
    return false;
}

static void hidden(hw *w, const char *name, const char *value)
{
    HW_RAW(w, "<input type=\"hidden\"");
    hw_attr(w, "name", name);
    hw_attr(w, "value", value);
    HW_RAW(w, ">");
}

static void form_start(hw *w, const page_view *v, const char *action, const char *name,
                       const char *const *fields, bool files)
{
    HW_RAW(w, "<form class=\"stack\" method=\"post\"");
    if (files) HW_RAW(w, " enctype=\"multipart/form-data\"");
    hw_attr(w, "action", action);
    hw_attrf(w, "id", "form-%s", name);
    HW_RAW(w, ">");
    if (v->csrf) hidden(w, "csrf", v->csrf);
    hidden(w, "form", name);
    const rd_err *e = error_for(v, name, NULL);
    if (e && !names_one_of(v, fields)) {
        HW_RAW(w, "<span id=\"failed\"></span><p class=\"form-error\"");
        hw_attrf(w, "id", "%s-error", name);
        HW_RAW(w, ">");
        hw_text(w, e->msg);
        HW_RAW(w, "</p>");
    }
}

void form_open(hw *w, const page_view *v, const char *action, const char *name,
               const char *const *fields)
{
    form_start(w, v, action, name, fields, false);
}

void form_open_files(hw *w, const page_view *v, const char *action, const char *name,
                     const char *const *fields)
{
    form_start(w, v, action, name, fields, true);
}

void form_close(hw *w, const char *button)
{
    HW_RAW(w, "<div><button type=\"submit\">");
    hw_text(w, button);
    HW_RAW(w, "</button></div></form>");
}

/* What the field shows: what was typed before a refusal of this form, else value. */
static const char *kept(const page_view *v, const char *form, const char *name, const char *value)
{
    if (v->failed && v->form && !strcmp(v->failed, form)) {
        const char *typed = json_string_value(json_object_get(v->form, name));
        if (typed) return typed;
    }
    return value;
}

static void label(hw *w, const char *form, const char *name, const char *text, const char *hint)
{
    HW_RAW(w, "<label");
    hw_attrf(w, "for", "%s-%s", form, name);
    HW_RAW(w, ">");
    hw_text(w, text);
    if (hint) {
        HW_RAW(w, "<span class=\"hint\"");
        hw_attrf(w, "id", "%s-%s-hint", form, name);
        HW_RAW(w, ">");
        hw_text(w, hint);
        HW_RAW(w, "</span>");
    }
    HW_RAW(w, "</label>");
}

/* id, name, and the aria links to the hint and the error of one control. */
static void control_attrs(hw *w, const char *form, const char *name, const char *hint,
                          const rd_err *e)
{
    hw_attrf(w, "id", "%s-%s", form, name);
    hw_attr(w, "name", name);
    if (e) {
        HW_RAW(w, " autofocus aria-invalid=\"true\"");
        hw_attrf(w, "aria-describedby", "%s-%s-error", form, name);
    } else if (hint) {
        hw_attrf(w, "aria-describedby", "%s-%s-hint", form, name);
    }
}

static void field_error(hw *w, const char *form, const char *name, const rd_err *e)
{
    if (!e) return;
    HW_RAW(w, "<p class=\"field-error\"");
    hw_attrf(w, "id", "%s-%s-error", form, name);
    HW_RAW(w, ">");
    hw_text(w, e->msg);
    HW_RAW(w, "</p>");
}

void form_field(hw *w, const page_view *v, const char *form, const char *name, const char *text,
                const char *hint, const char *type, const char *value)
{
    const rd_err *e = error_for(v, form, name);
    /* a password typed before a refusal is never sent back into the page */
    const char *shown = strcmp(type, "password") ? kept(v, form, name, value) : "";
    HW_RAW(w, "<div>");
    if (e) HW_RAW(w, "<span id=\"failed\"></span>");
    label(w, form, name, text, hint);
    if (!strcmp(type, "textarea")) {
        HW_RAW(w, "<textarea");
        control_attrs(w, form, name, hint, e);
        HW_RAW(w, ">");
        hw_text(w, shown);
        HW_RAW(w, "</textarea>");
    } else {
        HW_RAW(w, "<input");
        hw_attr(w, "type", type);
        control_attrs(w, form, name, hint, e);
        hw_attr(w, "value", shown);
        HW_RAW(w, ">");
    }
    field_error(w, form, name, e);
    HW_RAW(w, "</div>");
}

void form_select_pairs(hw *w, const page_view *v, const char *form, const char *name,
                       const char *text, const char *const *values, const char *const *labels,
                       const char *value)
{
    const rd_err *e = error_for(v, form, name);
    const char *shown = kept(v, form, name, value);
    HW_RAW(w, "<div>");
    if (e) HW_RAW(w, "<span id=\"failed\"></span>");
    label(w, form, name, text, NULL);
    HW_RAW(w, "<select");
    control_attrs(w, form, name, NULL, e);
    HW_RAW(w, ">");
    for (int i = 0; values[i]; i++) {
        HW_RAW(w, "<option");
        hw_attr(w, "value", values[i]);
        hw_flag(w, "selected", shown && !strcmp(shown, values[i]));
        HW_RAW(w, ">");
        hw_text(w, labels[i]);
        HW_RAW(w, "</option>");
    }
    HW_RAW(w, "</select>");
    field_error(w, form, name, e);
    HW_RAW(w, "</div>");
}

void form_select(hw *w, const page_view *v, const char *form, const char *name, const char *text,
                 const char *const *list, const char *value)
{
    form_select_pairs(w, v, form, name, text, list, list, value);
}

void form_button(hw *w, const page_view *v, const char *action, const char *name,
                 const char *button, const char *cls)
{
    HW_RAW(w, "<form method=\"post\"");
    hw_attr(w, "action", action);
    HW_RAW(w, ">");
    if (v->csrf) hidden(w, "csrf", v->csrf);
    hidden(w, "form", name);
    HW_RAW(w, "<button type=\"submit\"");
    hw_attr(w, "class", cls);
    HW_RAW(w, ">");
    hw_text(w, button);
    HW_RAW(w, "</button></form>");
    const rd_err *e = error_for(v, name, NULL);
    if (e) {
        HW_RAW(w, "<p class=\"form-error\" id=\"failed\">");
        hw_text(w, e->msg);
        HW_RAW(w, "</p>");
    }
}

/* ---------------------------------------------------------------- formatters */

void hw_list(hw *w, json_t *strings)
{
    HW_RAW(w, "<ul>");
    size_t i;
    json_t *s;
    json_array_foreach(strings, i, s)
    {
        HW_RAW(w, "<li>");
        hw_text(w, json_string_value(s));
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ul>");
}

void hw_money(hw *w, int64_t minor, const char *currency)
{
    char out[64];
    money_format(minor, currency ? currency : "EUR", out, sizeof out);
    hw_text(w, out);
}

void hw_time(hw *w, const char *iso)
{
    int64_t t;
    rd_err *e = iso ? time_parse("time", iso, &t) : NULL;
    if (!iso || e) {
        rd_err_free(e);
        hw_text(w, iso ? iso : "—");
        return;
    }
    rd_timestr s;
    time_local(t, s);
    HW_RAW(w, "<time");
    hw_attr(w, "datetime", iso);
    HW_RAW(w, ">");
    hw_text(w, s);
    HW_RAW(w, "</time>");
}

void hw_link_id(hw *w, const char *prefix, int64_t id, const char *text)
{
    HW_RAW(w, "<a");
    hw_attrf(w, "href", "%s%lld", prefix, (long long)id);
    HW_RAW(w, ">");
    hw_text(w, text);
    HW_RAW(w, "</a>");
}

void hw_contact(hw *w, const char *scheme, const char *value, const char *lead)
{
    if (!value) return;
    HW_RAW(w, "<a");
    hw_attrf(w, "href", "%s:%s", scheme, value);
    HW_RAW(w, ">");
    hw_text(w, lead);
    hw_text(w, value);
    HW_RAW(w, "</a>");
}

void hw_case_link(hw *w, int64_t case_id)
{
    char label[32];
    snprintf(label, sizeof label, "Case %lld", (long long)case_id);
    hw_link_id(w, "/cases/", case_id, label);
}

/* ---------------------------------------------------------------- paging */

#define PAGE_ROWS 50

rd_err *page_paging(const page_view *v, rd_page *pg)
{
    return page_paging_at(v, "after", pg);
}

rd_err *page_paging_at(const page_view *v, const char *param, rd_page *pg)
{
    *pg = (rd_page){.limit = PAGE_ROWS};
    const char *after = json_string_value(json_object_get(v->query, param));
    return after ? desk_parse_id(param, after, &pg->after) : NULL;
}

void hw_pager(hw *w, const page_view *v, const char *path, const rd_page *pg)
{
    hw_pager_at(w, v, path, "after", pg);
}

void hw_pager_at(hw *w, const page_view *v, const char *path, const char *param, const rd_page *pg)
{
    (void)v;
    if (!pg->after && !pg->next) return;
    HW_RAW(w, "<nav class=\"pager\" aria-label=\"Pages\">");
    if (pg->after) {
        HW_RAW(w, "<a");
        hw_attr(w, "href", path);
        HW_RAW(w, ">First page</a>");
    } else {
        HW_RAW(w, "<span></span>");
    }
    if (pg->next) {
        HW_RAW(w, "<a rel=\"next\"");
        hw_attrf(w, "href", "%s?%s=%lld", path, param, (long long)pg->next);
        HW_RAW(w, ">Next page</a>");
    }
    HW_RAW(w, "</nav>");
}
