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
    const char *user;    /* the signed-in user's name, or NULL */
    const char *csrf;    /* the session's CSRF token for every form; NULL: none (tests) */
    const char *failed;  /* the name of the form that was refused, or NULL */
    const rd_err *err;   /* the desk's refusal of that form, or NULL; borrowed */
    json_t *form;        /* the posted fields (strings) to show again, or NULL; borrowed */
    json_t *query;       /* the query string's arguments (after=…), or NULL; borrowed */
    const char *notice;  /* one line saying what just happened ("Concern recorded"), or NULL */
    const char *preview; /* what a preview of form `failed` wrote (a letter, nothing sent), or
                            NULL; borrowed */
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

/* ---------------------------------------------------------------- page_people.c
 * People and access: users, your password, API tokens. */
typedef struct page_people_who {
    int64_t user_id;     /* the signed-in user (0 for an API token) */
    const char *name;    /* their name */
    const char *address; /* where they are, for the password throttle */
} page_people_who;
rd_err *page_people_body(rd_desk *d, const page_view *v, hw *w);
/* A posted form of the page (user_add, password, user_remove-ID, token_create,
 * token_revoke-ID): one desk call. On success *location (caller's) is where to go next, and a
 * new token is in *secret (caller's; shown once, with page_token_shown, not redirected). */
rd_err *page_people_form(rd_desk *d, const page_people_who *who, page_arg_fn arg, const void *ctx,
                         char **location, char **secret);
/* The line for /people?done=FORM, or NULL; a string literal. */
const char *page_people_notice(const char *done);
/* The page that shows a new API token, the only time it is shown. */
rd_err *page_token_shown(const page_view *v, const char *secret, hw *w);

/* Bring in mail (page_mail.c): the import form (its case number from the query's case=), and
 * the page after an import showing the summary of desk_mail_import_bytes (borrowed). */
rd_err *page_mail_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_mail_result(rd_desk *d, const page_view *v, json_t *summary, hw *w);
/* The record (page_record.c): the page with its check form, and the page after a check: the
 * report r when tampered is NULL, else the first thing changed outside redress (borrowed). */
rd_err *page_record_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_record_result(const page_view *v, const rd_err *tampered, const desk_verify_report *r,
                           hw *w);

/* ---------------------------------------------------------------- page_forms.c
 * The forms for the desk operations beyond the playbook's main line: each one desk call. */
/* An invoice's page: what is owed, payments, and forms to record a payment, send a reminder
 * (with a preview), write off or credit, and write the demand letter (with a preview). */
rd_err *page_invoice_body(rd_desk *d, int64_t invoice_id, const page_view *v, hw *w);
/* A posted form of the invoice page (pay, remind, adjust, demand). On success either
 * *location (where to redirect) or, for a preview, *preview (the text) is set; both the
 * caller's. On refusal the desk's error, and nothing was written. */
rd_err *page_invoice_form(rd_desk *d, int64_t invoice_id, page_arg_fn arg, const void *ctx,
                          char **location, char **preview);
/* The case page's sections for escalation and for recording what happened (an exchange, what
 * was heard on a call, time), for an open case; cur is the form the next step unfolds. */
void page_forms_case_sections(hw *w, const page_view *v, rd_desk *d, json_t *k, int64_t case_id,
                              const char *cur);
/* Under a timeline entry: the form that corrects it (the original stays; desk_log_correct). Under an open commitment: the form that splits it into parts. */
void page_forms_log_correct(hw *w, const page_view *v, int64_t case_id, json_t *entry);
/* Under a timeline entry: how its mail went (sent, waiting or failed, with the server's answer)
 * and, for a letter redress wrote (entry's "letter"), the form that sends it by email or tries
 * again; nothing for an entry that is neither. */
void page_forms_letter_mail(hw *w, const page_view *v, int64_t case_id, json_t *entry);
void page_forms_commitment_split(hw *w, const page_view *v, int64_t case_id, json_t *commitment);
/* The form that moves an open follow-up or changes its kind, under that follow-up. */
void page_forms_followup_edit(hw *w, const page_view *v, int64_t case_id, json_t *followup);
/* A posted case form of those sections (escalate, escalation_proposal, escalation_outcome,
 * followup_edit, log_add, log_correct, commitment_split, flag, time_add); *location as
 * page_case_form. A form shown once per
 * item is named NAME-ID on the page (unique control ids, its refusal beside that item alone)
 * and is read here, as on every page of page_forms.c, by NAME. */
rd_err *page_forms_case_form(rd_desk *d, int64_t case_id, const char *form, page_arg_fn arg,
                             const void *ctx, char **location);
/* A client's page's further sections: invoices, new work (a case, a project, an invoice, a
 * revision, time), their details, walking away (handovers and the notice). c is the client as
 * desk_client_get gives it. */
void page_forms_client_sections(hw *w, const page_view *v, rd_desk *d, json_t *c,
                                int64_t client_id);
/* A posted form of the client page (case_open, project_add, project_amend, revision_reverse,
 * project_edit, invoice_add,
 * revision, time_add, client_edit, handover, terminate with its preview); *location and *preview as for invoices. */
rd_err *page_client_form(rd_desk *d, int64_t client_id, page_arg_fn arg, const void *ctx,
                         char **location, char **preview);
/* The invoices page's refunds and discounts still to pay, each with a form to mark it paid,
 * and their handler (form refund_paid, the refund in "refund"). */
void page_forms_refunds(hw *w, const page_view *v, rd_desk *d);
rd_err *page_invoices_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location);
/* The clients page's form for a new client, and its handler (client_add). */
void page_forms_client_add(hw *w, const page_view *v);
rd_err *page_clients_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location);
/* Under a lesson on the lessons page: "the change is made" and what the user will do
 * differently; and their handler (form lesson_done or differently, the lesson in "lesson"). */
void page_forms_lesson(hw *w, const page_view *v, json_t *lesson);
rd_err *page_lessons_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location);
/* The line that says what one of these forms did, or NULL; a string literal. */
const char *page_forms_notice(const char *form);
/* page_reputation.c: public reviews (record one, draft and check the reply, mark it posted)
 * and testimonials (ask, record the answer) on /reviews; anonymous surveys on /surveys. The
 * form handlers as above; a new survey's links (the caller's, one a line, each origin/s/TOKEN)
 * come back in *links to be shown once instead of a redirect. */
rd_err *page_reviews_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_reviews_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location);
rd_err *page_surveys_body(rd_desk *d, const page_view *v, hw *w);
rd_err *page_surveys_form(rd_desk *d, const char *origin, page_arg_fn arg, const void *ctx,
                          char **location, char **links);
/* A form shown once per item (a follow-up, a draft, an offer, a refund) is named NAME-ID (into
 * out, n bytes), so that its controls' ids are the page's only ones and a refusal shows beside
 * that item alone; page_form_base gives back NAME (into out), which the handlers read. */
void page_item_form(char *out, size_t n, const char *name, int64_t id);
const char *page_form_base(const char *form, char *out, size_t n);

/* ---------------------------------------------------------------- shared by the page files */

/* The document head, the top navigation (nav names the current section: today, cases,
 * clients, projects, invoices, lessons, reviews, surveys, settings, people, mail, record, search) with the search box
 * for a signed-in user, and the opening of <main>. */
void page_open(hw *w, const page_view *v, const char *title, const char *nav);
/* Closes <main> and the document; loads the script. */
void page_close(hw *w);

/* <form method="post" action="…"> with the CSRF token and the form's name; the error of this
 * form that names no field of it is shown at the top. fields lists the fields the form shows
 * (NULL-terminated), so an error naming another field is shown at the top too. */
void form_open(hw *w, const page_view *v, const char *action, const char *name,
               const char *const *fields);
/* form_open for a form that sends a file (multipart/form-data; its file input is a form_field
 * of type "file"). */
void form_open_files(hw *w, const page_view *v, const char *action, const char *name,
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
/* A <select> whose options send values[i] and show labels[i] (both NULL-terminated lists of
 * the same length), value preselected: a project or case chosen by its title. */
void form_select_pairs(hw *w, const page_view *v, const char *form, const char *name,
                       const char *text, const char *const *values, const char *const *labels,
                       const char *value);
/* A form that is only a button (pause, resume, done): action, name, button text. */
void form_button(hw *w, const page_view *v, const char *action, const char *name,
                 const char *button, const char *cls);

/* The page of a list the request asks for: 50 rows after the query's "after" cursor. */
rd_err *page_paging(const page_view *v, rd_page *pg);
/* The same with the cursor in the query's param: for a page with two lists. */
rd_err *page_paging_at(const page_view *v, const char *param, rd_page *pg);
/* "Next page" (and "First page" when not on it) links under a list at path. */
void hw_pager(hw *w, const page_view *v, const char *path, const rd_page *pg);
/* The same with the cursor in the query's param. */
void hw_pager_at(hw *w, const page_view *v, const char *path, const char *param, const rd_page *pg);
/* The field an error concerns ("deadline"), or NULL; borrowed from e. */
const char *page_err_field(const rd_err *e);
/* A JSON array of strings as a <ul>. */
void hw_list(hw *w, json_t *strings);
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
/* The case page's building blocks, for the forms of page_forms.c: a titled card section, a
 * step folded under its summary (unfolded when it is cur or was just refused), and the
 * "go ahead anyway" reason of a guarded step. */
void page_section_open(hw *w, const char *id, const char *title);
void page_step_open(hw *w, const page_view *v, const char *id, const char *summary,
                    const char *cur);
void page_override_field(hw *w, const page_view *v, const char *form);
/* Splits text into its non-blank lines (trailing spaces cut): *lines points into *copy; the
 * caller frees both. Returns how many. */
int page_split_lines(const char *text, char **copy, const char ***lines);
/* (page_report.c) A "PDF" download link for a log entry you sent (nothing for the client's
 * words or erased ones). */
void hw_letter_pdf_link(hw *w, json_t *entry);
/* The client page's section listing everything sent to client_id, each with its PDF link. */
rd_err *page_client_letters(rd_desk *d, int64_t client_id, hw *w);
/* "Case N" linking to the case page. */
void hw_case_link(hw *w, int64_t case_id);

#endif
