/* pages.h — the web desk's pages, server-rendered from the desk layer (desk.h only, never the
 * store). A page body is a function of the desk and a page_view; the route handlers in
 * page_*.c read the request, call one of these and answer. Every form posts to the server and
 * works without JavaScript; a refused form is shown again with the desk's error beside the
 * field it names and the values the user typed kept. */
#ifndef REDRESS_PAGES_H
#define REDRESS_PAGES_H

#include <jansson.h>
#include <stdint.h>

#include "desk/desk.h"
#include "http/html.h"

/* What a page needs besides the desk: who is looking, the CSRF token its forms carry, and,
 * after a refused form, which form it was, what was typed and why it was refused. */
typedef struct page_view {
    const char *user;   /* the signed-in user's name, or NULL */
    const char *csrf;   /* the session's CSRF token for every form; NULL: none (tests) */
    const char *failed; /* the name of the form that was refused, or NULL */
    const rd_err *err;  /* the desk's refusal of that form, or NULL; borrowed */
    json_t *form;       /* the posted fields (strings) to show again, or NULL; borrowed */
    json_t *query;      /* the query string's arguments (after=…), or NULL; borrowed */
    const char *notice; /* one line saying what just happened ("Concern recorded"), or NULL */
} page_view;

/* Page bodies. Each writes a whole HTML document into w; errors are the desk's (not found …)
 * and are left for the caller to render as an error page. */
rd_err *page_today_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_case_body(rd_desk *d, int64_t case_id, const page_view *v, hw *w);
rd_err *page_cases_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_clients_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_client_body(rd_desk *d, int64_t client_id, const page_view *v, hw *w);
rd_err *page_projects_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_invoices_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_lessons_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_settings_body(rd_desk *d, const page_view *v, hw *w);
/* The report over the query's from..to with its charts as SVG (page_report.c). */
rd_err *page_report_body(rd_desk *d, const page_view *v, hw *w);

/* Reads a posted field or query argument by name; NULL when absent. Borrowed. */
typedef const char *(*page_arg_fn)(const void *ctx, const char *name);

/* A posted case form, named by its field "form" (concern, acknowledge, cause, want, confirm,
 * offer, choose, reject, draft, draft_edit, release, pause, resume, commitment_done,
 * followup_done, close): one desk call with the form's fields (blank ones count as absent).
 * On success *location (the caller's) is where to send the browser (the case page with
 * done=FORM); on refusal the desk's error, and nothing was written. */
rd_err *page_case_form(rd_desk *d, int64_t case_id, page_arg_fn arg, const void *ctx,
                       char **location);
/* The line that says what form FORM did ("Concern recorded."), or NULL; a string literal. */
const char *page_case_notice(const char *form);
/* A posted settings form (key, value); *location as above. */
rd_err *page_settings_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location);

/* ---------------------------------------------------------------- shared by the page files */

/* The document head, the top navigation (nav names the current section: today, cases,
 * clients, projects, invoices, lessons, settings) and the opening of <main>. */
void page_open(hw *w, const page_view *v, const char *title, const char *nav);
/* Closes <main> and the document; loads the script. */
void page_close(hw *w);

/* <form method="post" action="…"> with the CSRF token and the form's name; the error of this
 * form that names no field of it is shown at the top. fields lists the fields the form shows
 * (NULL-terminated), so an error naming another field is shown at the top too. */
void form_open(hw *w, const page_view *v, const char *action, const char *name,
               const char *const *fields);
void form_close(hw *w, const char *button);
/* A labelled input (type text, date, number, password) or, for type "textarea", a textarea,
 * with the value typed before a refusal kept (else value) and the desk's error beside it when
 * it names this field. */
void form_field(hw *w, const page_view *v, const char *form, const char *name, const char *label,
                const char *hint, const char *type, const char *value);
/* A <select> of the words in list (NULL-terminated), value preselected. */
void form_select(hw *w, const page_view *v, const char *form, const char *name, const char *label,
                 const char *const *list, const char *value);
/* A form that is only a button (pause, resume, done): action, name, button text. */
void form_button(hw *w, const page_view *v, const char *action, const char *name,
                 const char *button, const char *cls);

/* The page of a list the request asks for: 50 rows after the query's "after" cursor. */
rd_err *page_paging(const page_view *v, rd_page *pg);
/* "Next page" (and "First page" when not on it) links under a list at path. */
void hw_pager(hw *w, const page_view *v, const char *path, const rd_page *pg);
/* The field an error concerns ("deadline"), or NULL; borrowed from e. */
const char *page_err_field(const rd_err *e);
/* Money in minor units as "1,250.00 EUR". */
void hw_money(hw *w, int64_t minor, const char *currency);
/* An ISO 8601 UTC time as the local "2026-11-25 09:00". */
void hw_time(hw *w, const char *iso);
/* "<a href="/cases/ID">label</a>" with an integer id. */
void hw_link_id(hw *w, const char *prefix, int64_t id, const char *label);
/* A contact one click away: <a href="SCHEME:VALUE">LEAD VALUE</a> (scheme mailto or tel); a
 * NULL value writes nothing. */
void hw_contact(hw *w, const char *scheme, const char *value, const char *lead);
/* An action the desk suggests ({action, case, params, inputs}, see desk_case_next) as a
 * button: one that posts when the action needs nothing more, else a link to the form on the
 * case page that asks for the rest (a fragment when here is that case). id (may be NULL) names
 * the element; primary makes it the page's main button. */
void hw_action(hw *w, const page_view *v, json_t *action, int64_t here, const char *id,
               int primary);
/* The form or section of the case page an action leads to ("concern"), or NULL. */
const char *page_action_form(json_t *action);
/* (page_report.c) A "PDF" download link for a log entry you sent (nothing for the client's
 * words or erased ones). */
void hw_letter_pdf_link(hw *w, json_t *entry);
/* The client page's section listing everything sent to client_id, each with its PDF link. */
rd_err *page_client_letters(rd_desk *d, int64_t client_id, hw *w);
/* "Case N" linking to the case page. */
void hw_case_link(hw *w, int64_t case_id);

#endif
