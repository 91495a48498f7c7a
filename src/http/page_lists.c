/* page_lists.c — the list pages of the web desk (cases, clients, projects, invoices, lessons),
 * a client's own page (contact one click away, history and screening flags, what serving them
 * cost against what they paid) and settings. Tables collapse to one block per row on a phone. */
#include "http/pages.h"

#include <stdio.h>
#include <string.h>

/* A table cell that carries its column's name for the one-column layout of small screens. */
#define TD(w, label) HW_RAW((w), "<td data-label=\"" label "\">")

static void table_open(hw *w, const char *caption)
{
    HW_RAW(w, "<table class=\"rows\"><caption class=\"muted\">");
    hw_text(w, caption);
    HW_RAW(w, "</caption>");
}

static void empty_row(hw *w, int cols, const char *text)
{
    HW_RAW(w, "<tr><td");
    hw_attrf(w, "colspan", "%d", cols);
    HW_RAW(w, " class=\"muted\">");
    hw_text(w, text);
    HW_RAW(w, "</td></tr>");
}

static void case_rows(hw *w, json_t *cases)
{
    HW_RAW(w, "<thead><tr><th>Case</th><th>Client</th><th>Received</th><th>Stage</th>"
              "<th>Status</th></tr></thead><tbody>");
    size_t i;
    json_t *k;
    json_array_foreach(cases, i, k)
    {
        HW_RAW(w, "<tr>");
        TD(w, "Case");
        hw_case_link(w, desk_ji(k, "id"));
        HW_RAW(w, "</td>");
        TD(w, "Client");
        hw_text(w, desk_js(k, "client_name"));
        HW_RAW(w, "</td>");
        TD(w, "Received");
        hw_time(w, desk_js(k, "received_at"));
        HW_RAW(w, "</td>");
        TD(w, "Stage");
        hw_text(w, desk_js(k, "stage"));
        HW_RAW(w, "</td>");
        TD(w, "Status");
        hw_text(w, desk_js(k, "status"));
        HW_RAW(w, "</td></tr>");
    }
    if (!json_array_size(cases)) empty_row(w, 5, "No case.");
    HW_RAW(w, "</tbody></table>");
}

rd_err *page_cases_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *cases = NULL;
    rd_page pg;
    rd_err *e = page_paging(v, &pg);
    if (!e) e = desk_case_list(d, NULL, NULL, &pg, &cases);
    if (e) return e;
    page_open(w, v, "Cases", "cases");
    HW_RAW(w, "<h1>Cases</h1><section class=\"card\">");
    table_open(w, "Newest complaint first");
    case_rows(w, cases);
    hw_pager(w, v, "/cases", &pg);
    HW_RAW(w, "</section>");
    page_close(w);
    json_decref(cases);
    return NULL;
}

rd_err *page_clients_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *clients = NULL;
    rd_page pg;
    rd_err *e = page_paging(v, &pg);
    if (!e) e = desk_client_list(d, &pg, &clients);
    if (e) return e;
    page_open(w, v, "Clients", "clients");
    HW_RAW(w, "<h1>Clients</h1><section class=\"card\">");
    table_open(w, "By name");
    HW_RAW(w, "<thead><tr><th>Name</th><th>Contact</th><th class=\"num\">Open cases</th>"
              "<th>Status</th></tr></thead><tbody>");
    size_t i;
    json_t *c;
    json_array_foreach(clients, i, c)
    {
        HW_RAW(w, "<tr>");
        TD(w, "Name");
        hw_link_id(w, "/clients/", desk_ji(c, "id"), desk_js(c, "name"));
        HW_RAW(w, "</td>");
        TD(w, "Contact");
        hw_contact(w, "mailto", desk_js(c, "email"), NULL);
        HW_RAW(w, " ");
        hw_contact(w, "tel", desk_js(c, "phone"), NULL);
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Open cases\">");
        hw_int(w, desk_ji(c, "open_cases"));
        HW_RAW(w, "</td>");
        TD(w, "Status");
        hw_text(w, desk_js(c, "status"));
        HW_RAW(w, "</td></tr>");
    }
    if (!json_array_size(clients)) empty_row(w, 4, "No client yet.");
    HW_RAW(w, "</tbody></table>");
    hw_pager(w, v, "/clients", &pg);
    HW_RAW(w, "</section>");
    page_forms_client_add(w, v);
    page_close(w);
    json_decref(clients);
    return NULL;
}

static void flags_list(hw *w, json_t *list, const char *key, const char *text_key)
{
    size_t i;
    json_t *f;
    json_array_foreach(list, i, f)
    {
        HW_RAW(w, "<li><span class=\"badge bad\">");
        hw_text(w, desk_js(f, key));
        HW_RAW(w, "</span> ");
        hw_text(w, desk_js(f, text_key));
        HW_RAW(w, "</li>");
    }
}

rd_err *page_client_body(rd_desk *d, int64_t client_id, const page_view *v, hw *w)
{
    json_t *c = NULL, *history = NULL, *triggers = NULL, *econ = NULL;
    rd_err *e = desk_client_get(d, client_id, &c);
    if (!e) e = desk_client_history(d, client_id, &history);
    if (!e) e = desk_walkaway_triggers(d, client_id, &triggers);
    if (!e) e = desk_client_economics(d, client_id, &econ);
    if (e) goto out;
    page_open(w, v, desk_js(c, "name"), "clients");
    HW_RAW(w, "<h1>");
    hw_text(w, desk_js(c, "name"));
    HW_RAW(w, "</h1><div class=\"grid\"><section class=\"card\" aria-labelledby=\"contact-h\">"
              "<h2 id=\"contact-h\">Contact</h2><ul class=\"plain\">");
    HW_RAW(w, "<li>");
    hw_contact(w, "mailto", desk_js(c, "email"), "Write to ");
    HW_RAW(w, "</li><li>");
    hw_contact(w, "tel", desk_js(c, "phone"), "Call ");
    HW_RAW(w, "</li>");
    if (desk_js(c, "company")) {
        HW_RAW(w, "<li>");
        hw_text(w, desk_js(c, "company"));
        HW_RAW(w, "</li>");
    }
    if (desk_js(c, "notes")) {
        HW_RAW(w, "<li class=\"muted\">");
        hw_text(w, desk_js(c, "notes"));
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ul></section><section class=\"card\" aria-labelledby=\"screen-h\">"
              "<h2 id=\"screen-h\">Screening and walking away</h2><ul class=\"plain\">");
    flags_list(w, history, "kind", "text");
    flags_list(w, triggers, "trigger", "why");
    if (!json_array_size(history) && !json_array_size(triggers))
        HW_RAW(w, "<li class=\"muted\">No history of complaints, late payment or walk-away "
                  "triggers.</li>");
    HW_RAW(w, "</ul><h3>Cost of serving against revenue</h3><p>");
    hw_money(w, desk_ji(econ, "cost"), desk_js(econ, "currency"));
    HW_RAW(w, " of time (");
    hw_int(w, desk_ji(econ, "minutes"));
    HW_RAW(w, " min at your hourly cost) against ");
    hw_money(w, desk_ji(econ, "revenue"), desk_js(econ, "currency"));
    HW_RAW(w, " paid");
    if (!json_is_true(json_object_get(econ, "comparable")))
        HW_RAW(w, " in your currency; some invoices are in another currency and are left out");
    HW_RAW(w, ".</p></section></div>");
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"proj-h\"><h2 id=\"proj-h\">Projects</h2>");
    table_open(w, "Agreed scope and price");
    HW_RAW(w, "<thead><tr><th>Project</th><th>Deadline</th><th class=\"num\">Price</th>"
              "<th>Status</th></tr></thead><tbody>");
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(c, "projects"), i, p)
    {
        HW_RAW(w, "<tr>");
        TD(w, "Project");
        hw_text(w, desk_js(p, "title"));
        HW_RAW(w, "</td>");
        TD(w, "Deadline");
        hw_text(w, desk_js(p, "deadline"));
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Price\">");
        hw_money(w, desk_ji(p, "price"), desk_js(p, "currency"));
        HW_RAW(w, "</td>");
        TD(w, "Status");
        hw_text(w, desk_js(p, "status"));
        HW_RAW(w, "</td></tr>");
    }
    if (!json_array_size(json_object_get(c, "projects"))) empty_row(w, 4, "No project.");
    HW_RAW(w, "</tbody></table></section><section class=\"card\" aria-labelledby=\"cases-h\">"
              "<h2 id=\"cases-h\">Cases</h2>");
    table_open(w, "This client's complaints");
    case_rows(w, json_object_get(c, "cases"));
    HW_RAW(w, "</section>");
    page_forms_client_sections(w, v, d, c, client_id);
    e = page_client_letters(d, client_id, w);
    page_close(w);
out:
    json_decref(c);
    json_decref(history);
    json_decref(triggers);
    json_decref(econ);
    return e;
}

rd_err *page_projects_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *projects = NULL;
    rd_page pg;
    rd_err *e = page_paging(v, &pg);
    if (!e) e = desk_project_list(d, 0, &pg, &projects);
    if (e) return e;
    page_open(w, v, "Projects", "projects");
    HW_RAW(w, "<h1>Projects</h1><section class=\"card\">");
    table_open(w, "What was agreed: scope, deliverables, deadline, price and revisions");
    HW_RAW(w, "<thead><tr><th>Project</th><th>Client</th><th>Scope</th><th>Deadline</th>"
              "<th class=\"num\">Price</th><th class=\"num\">Revisions</th></tr></thead><tbody>");
    size_t i;
    json_t *p;
    json_array_foreach(projects, i, p)
    {
        HW_RAW(w, "<tr>");
        TD(w, "Project");
        hw_text(w, desk_js(p, "title"));
        HW_RAW(w, " <span class=\"badge\">");
        hw_text(w, desk_js(p, "status"));
        HW_RAW(w, "</span></td>");
        TD(w, "Client");
        hw_link_id(w, "/clients/", desk_ji(p, "client_id"), desk_js(p, "client_name"));
        HW_RAW(w, "</td>");
        TD(w, "Scope");
        hw_text(w, desk_js(p, "scope"));
        if (desk_js(p, "deliverables")) {
            HW_RAW(w, "<span class=\"hint\">");
            hw_text(w, desk_js(p, "deliverables"));
            HW_RAW(w, "</span>");
        }
        HW_RAW(w, "</td>");
        TD(w, "Deadline");
        hw_text(w, desk_js(p, "deadline"));
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Price\">");
        hw_money(w, desk_ji(p, "price"), desk_js(p, "currency"));
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Revisions\">");
        hw_int(w, desk_ji(p, "revisions"));
        HW_RAW(w, " included</td></tr>");
    }
    if (!json_array_size(projects)) empty_row(w, 6, "No project yet.");
    HW_RAW(w, "</tbody></table>");
    hw_pager(w, v, "/projects", &pg);
    HW_RAW(w, "</section>");
    page_close(w);
    json_decref(projects);
    return NULL;
}

/* One table of invoices; only those whose overdue flag equals overdue. */
static void invoice_rows(hw *w, json_t *invoices, int overdue)
{
    size_t i;
    json_t *r;
    json_array_foreach(invoices, i, r)
    {
        if (json_is_true(json_object_get(r, "overdue")) != overdue) continue;
        HW_RAW(w, "<tr>");
        TD(w, "Invoice");
        hw_link_id(w, "/invoices/", desk_ji(r, "id"), desk_js(r, "number"));
        if (overdue) {
            HW_RAW(w, " <span class=\"badge bad\">");
            hw_textf(w, "%lld days overdue", (long long)desk_ji(r, "days_overdue"));
            HW_RAW(w, "</span>");
        }
        HW_RAW(w, "</td>");
        TD(w, "Client");
        hw_link_id(w, "/clients/", desk_ji(r, "client_id"), desk_js(r, "client_name"));
        HW_RAW(w, "</td>");
        TD(w, "Due");
        hw_text(w, desk_js(r, "due_on"));
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Amount\">");
        hw_money(w, desk_ji(r, "amount"), desk_js(r, "currency"));
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Open\">");
        hw_money(w, desk_ji(r, "balance"), desk_js(r, "currency"));
        HW_RAW(w, "</td><td class=\"num\" data-label=\"Reminders\">");
        hw_int(w, desk_ji(r, "reminders"));
        HW_RAW(w, "</td></tr>");
    }
}

rd_err *page_invoices_body(rd_desk *d, const page_view *v, hw *w)
{
    /* overdue first: the overdue ones on their own, then every invoice page by page */
    json_t *overdue = NULL, *invoices = NULL;
    rd_page pg, po = {.limit = 100};
    rd_err *e = page_paging(v, &pg);
    if (!e && !pg.after) e = desk_invoice_list(d, NULL, true, &po, &overdue);
    if (!e) e = desk_invoice_list(d, NULL, false, &pg, &invoices);
    if (e) {
        json_decref(overdue);
        return e;
    }
    page_open(w, v, "Invoices", "invoices");
    HW_RAW(w, "<h1>Invoices</h1><section class=\"card\">");
    table_open(w, "Overdue first, then the rest");
    HW_RAW(w, "<thead><tr><th>Invoice</th><th>Client</th><th>Due</th><th class=\"num\">Amount"
              "</th><th class=\"num\">Open</th><th class=\"num\">Reminders</th></tr></thead>"
              "<tbody>");
    invoice_rows(w, overdue, 1);
    invoice_rows(w, invoices, 0);
    if (!json_array_size(invoices)) empty_row(w, 6, "No invoice yet.");
    HW_RAW(w, "</tbody></table>");
    hw_pager(w, v, "/invoices", &pg);
    HW_RAW(w, "</section>");
    if (!pg.after) page_forms_refunds(w, v, d);
    page_close(w);
    json_decref(overdue);
    json_decref(invoices);
    return NULL;
}

/* Lessons whose change is still to make (open) or already made. */
static void lesson_rows(hw *w, const page_view *v, json_t *lessons, int open)
{
    size_t i;
    json_t *l;
    json_array_foreach(lessons, i, l)
    {
        int made = desk_ji(l, "change_made") != 0;
        if (made == open) continue;
        HW_RAW(w, "<li>");
        if (open)
            HW_RAW(w, "<span class=\"badge warn\">change to make</span> ");
        else
            HW_RAW(w, "<span class=\"badge good\">change made</span> ");
        hw_text(w, desk_js(l, "what_went_wrong"));
        HW_RAW(w, " → ");
        hw_text(w, desk_js(l, "change"));
        HW_RAW(w, " <span class=\"muted\">(");
        char label[32];
        snprintf(label, sizeof label, "case %lld", (long long)desk_ji(l, "case_id"));
        hw_link_id(w, "/cases/", desk_ji(l, "case_id"), label);
        HW_RAW(w, ")</span>");
        page_forms_lesson(w, v, l);
        HW_RAW(w, "</li>");
    }
}

rd_err *page_lessons_body(rd_desk *d, const page_view *v, hw *w)
{
    /* open changes first: the open ones on their own, then every lesson page by page */
    json_t *open = NULL, *lessons = NULL;
    rd_page pg, po = {.limit = 100};
    rd_err *e = page_paging(v, &pg);
    if (!e && !pg.after) e = desk_lesson_list(d, 1, &po, &open);
    if (!e) e = desk_lesson_list(d, 0, &pg, &lessons);
    if (e) {
        json_decref(open);
        return e;
    }
    page_open(w, v, "Lessons", "lessons");
    HW_RAW(w, "<h1>Lessons</h1><section class=\"card\"><p class=\"muted\">Changes still to make "
              "come first.</p><ul class=\"plain\">");
    lesson_rows(w, v, open, 1);
    lesson_rows(w, v, lessons, 0);
    if (!json_array_size(lessons))
        HW_RAW(w, "<li class=\"muted\">No lesson yet: closing a case records one.</li>");
    HW_RAW(w, "</ul>");
    hw_pager(w, v, "/lessons", &pg);
    HW_RAW(w, "</section>");
    page_close(w);
    json_decref(open);
    json_decref(lessons);
    return NULL;
}

rd_err *page_settings_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *settings = NULL;
    rd_err *e = desk_config_list(d, &settings);
    if (e) return e;
    page_open(w, v, "Settings", "settings");
    HW_RAW(w, "<h1>Settings</h1>");
    size_t i;
    json_t *s;
    json_array_foreach(settings, i, s)
    {
        static const char *const fields[] = {"value", NULL};
        const char *key = desk_js(s, "key");
        char form[80];
        snprintf(form, sizeof form, "setting-%s", key ? key : "");
        HW_RAW(w, "<section class=\"card\">");
        form_open(w, v, "/settings", form, fields);
        HW_RAW(w, "<input type=\"hidden\" name=\"key\"");
        hw_attr(w, "value", key);
        HW_RAW(w, ">");
        form_field(w, v, form, "value", key, desk_js(s, "help"), "text", desk_js(s, "value"));
        form_close(w, "Save");
        HW_RAW(w, "</section>");
    }
    page_close(w);
    json_decref(settings);
    return NULL;
}

rd_err *page_settings_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location)
{
    const char *key = arg(ctx, "key");
    if (text_blank(key)) return rd_error(RD_INVALID, "key: missing");
    rd_err *e = desk_config_set(d, key, arg(ctx, "value"));
    if (!e) *location = xstrdup("/settings?done=setting");
    return e;
}
