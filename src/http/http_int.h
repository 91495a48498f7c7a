/* http_int.h — what the files of src/http share beyond http.h: body parsing, the server's
 * settings handlers may consult, and the one-time sign-in link. Not for other layers. */
#ifndef REDRESS_HTTP_INT_H
#define REDRESS_HTTP_INT_H

#include "http/http.h"

#define HTTP_SESSION_COOKIE "redress_session"

/* Parses a request body by its Content-Type into rq->form (and rq->json for JSON): urlencoded
 * forms, JSON objects and multipart/form-data (its file into rq->upload, borrowing body, which
 * must outlive rq); an empty body is no arguments. RD_USAGE for a body that is not what it
 * claims, or not UTF-8. */
rd_err *http_parse_body(http_req *rq, const char *content_type, const char *body, size_t len);
/* The multipart/form-data part of http_parse_body (multipart.c): text fields into rq->form, at
 * most one file into rq->upload. */
rd_err *http_parse_multipart(http_req *rq, const char *content_type, const char *body, size_t len);
/* The patterns of the routes that take a file (routes.c), NULL-terminated. */
extern const char *const http_upload_routes[];
/* Whether a POST to path may carry a file (routes.c lists them): such a request from a
 * signed-in user may send an attachment's size rather than the server's body cap. */
bool http_route_uploads(const char *path);
/* Adds value (taken) under key in form: a second value for the same key makes an array. */
void http_form_put(json_t *form, const char *key, json_t *value);
/* Appends v to b as compact JSON with every non-ASCII character escaped: the same bytes as
 * json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII), without its copies. RD_TOO_LARGE past b's
 * cap, RD_IO for text that is not UTF-8; b may then hold part of the value. */
rd_err *http_json_write(rd_buf *b, const json_t *v);
/* True once, for the secret printed in the one-time sign-in link; false ever after. */
bool http_once_token_take(const char *token);
/* Whether cookies get the Secure attribute (--tls-proxy). */
bool http_secure_cookies(void);
/* How long a new session lasts. */
int http_session_hours(void);

/* ---------------------------------------------------------------- API helpers (api_core.c) */
/* 201 Created with {"id": N}. */
rd_err *api_created(http_resp *rs, int64_t id);
/* 200 with a desk result v, or e when set. Takes v. */
rd_err *api_reply(http_resp *rs, rd_err *e, json_t *v);
/* The page a list request asks for: ?limit=N (default 50, at most RD_PAGE_MAX) and ?after=CURSOR
 * (the "next" of the previous page). */
rd_err *api_page_of(http_req *rq, rd_page *pg);
/* One page of a list, {"items": [...], "next": CURSOR or null}, or e when set. Takes rows. */
rd_err *api_page_reply(http_resp *rs, rd_err *e, json_t *rows, const rd_page *pg);
/* The usual read of one thing: the path's {id}, one desk call, its result as JSON. */
rd_err *api_get_by_id(http_req *rq, http_resp *rs, rd_err *(*get)(rd_desk *, int64_t, json_t **));

/* ---------------------------------------------------------------- handlers
 * Every handler named in the route table (routes.c), grouped by the file that defines it. */
/* pages: auth.c, static.c */
rd_err *page_signin(http_req *rq, http_resp *rs);
rd_err *page_signin_post(http_req *rq, http_resp *rs);
rd_err *page_signin_once(http_req *rq, http_resp *rs);
rd_err *page_signout(http_req *rq, http_resp *rs);
rd_err *page_static(http_req *rq, http_resp *rs);
/* pages: page_desk.c */
rd_err *page_today(http_req *rq, http_resp *rs);
rd_err *page_cases(http_req *rq, http_resp *rs);
rd_err *page_case(http_req *rq, http_resp *rs);
rd_err *page_case_post(http_req *rq, http_resp *rs);
rd_err *page_clients(http_req *rq, http_resp *rs);
rd_err *page_client(http_req *rq, http_resp *rs);
rd_err *page_projects(http_req *rq, http_resp *rs);
rd_err *page_invoices(http_req *rq, http_resp *rs);
rd_err *page_lessons(http_req *rq, http_resp *rs);
rd_err *page_settings(http_req *rq, http_resp *rs);
rd_err *page_settings_post(http_req *rq, http_resp *rs);
/* How to name invoice id to the desk's invoice operations, which read a number or an id
 * (desk_invoice_ref): into ref (n bytes) its number when that names it alone, else its id when
 * that does; RD_CONFLICT when neither does. */
rd_err *http_invoice_name(rd_desk *d, int64_t id, char *ref, size_t n);
/* pages: page_forms.c */
rd_err *page_invoice(http_req *rq, http_resp *rs);
rd_err *page_invoice_post(http_req *rq, http_resp *rs);
rd_err *page_client_post(http_req *rq, http_resp *rs);
rd_err *page_clients_post(http_req *rq, http_resp *rs);
rd_err *page_invoices_post(http_req *rq, http_resp *rs);
rd_err *page_lessons_post(http_req *rq, http_resp *rs);
rd_err *page_reviews(http_req *rq, http_resp *rs);
rd_err *page_reviews_post(http_req *rq, http_resp *rs);
rd_err *page_surveys(http_req *rq, http_resp *rs);
rd_err *page_surveys_post(http_req *rq, http_resp *rs);
/* API: api_forms.c */
rd_err *api_escalation_list(http_req *rq, http_resp *rs);
rd_err *api_escalation_proposal(http_req *rq, http_resp *rs);
rd_err *api_legal_checklist(http_req *rq, http_resp *rs);
rd_err *api_invoice_adjust(http_req *rq, http_resp *rs);
rd_err *api_lesson_differently(http_req *rq, http_resp *rs);
/* page_search.c */
rd_err *page_search(http_req *rq, http_resp *rs);
/* API: api_core.c */
rd_err *api_health(http_req *rq, http_resp *rs);
rd_err *api_me(http_req *rq, http_resp *rs);
rd_err *api_client_list(http_req *rq, http_resp *rs);
rd_err *api_client_add(http_req *rq, http_resp *rs);
rd_err *api_client_get(http_req *rq, http_resp *rs);
rd_err *api_client_edit(http_req *rq, http_resp *rs);
rd_err *api_case_list(http_req *rq, http_resp *rs);
rd_err *api_case_open(http_req *rq, http_resp *rs);
rd_err *api_case_get(http_req *rq, http_resp *rs);
rd_err *api_case_next(http_req *rq, http_resp *rs);
rd_err *api_triage(http_req *rq, http_resp *rs);
rd_err *api_check(http_req *rq, http_resp *rs);
/* the client's side in the API: api_portal.c */
rd_err *api_portal_link(http_req *rq, http_resp *rs);
rd_err *api_portal_links(http_req *rq, http_resp *rs);
rd_err *api_portal_revoke(http_req *rq, http_resp *rs);
rd_err *api_portal_events(http_req *rq, http_resp *rs);
rd_err *api_portal_seen(http_req *rq, http_resp *rs);
rd_err *api_review_add(http_req *rq, http_resp *rs);
rd_err *api_review_list(http_req *rq, http_resp *rs);
rd_err *api_review_get(http_req *rq, http_resp *rs);
rd_err *api_review_reply(http_req *rq, http_resp *rs);
rd_err *api_review_posted(http_req *rq, http_resp *rs);
rd_err *api_testimonial_ask(http_req *rq, http_resp *rs);
rd_err *api_testimonial_answer(http_req *rq, http_resp *rs);
rd_err *api_testimonial_list(http_req *rq, http_resp *rs);
rd_err *api_survey_create(http_req *rq, http_resp *rs);
rd_err *api_survey_list(http_req *rq, http_resp *rs);
rd_err *api_survey_results(http_req *rq, http_resp *rs);
rd_err *api_survey_close(http_req *rq, http_resp *rs);
/* the client's pages: portal.c */
rd_err *portal_page(http_req *rq, http_resp *rs);
rd_err *portal_do_page(http_req *rq, http_resp *rs);
rd_err *portal_do_post(http_req *rq, http_resp *rs);
rd_err *survey_page(http_req *rq, http_resp *rs);
rd_err *survey_post(http_req *rq, http_resp *rs);
rd_err *page_portal_link_post(http_req *rq, http_resp *rs);
/* a case's files: page_desk.c */
rd_err *page_case_attach_post(http_req *rq, http_resp *rs);
rd_err *page_mail(http_req *rq, http_resp *rs);
rd_err *page_mail_post(http_req *rq, http_resp *rs);
rd_err *page_record(http_req *rq, http_resp *rs);
rd_err *page_record_post(http_req *rq, http_resp *rs);
rd_err *page_record_backup_post(http_req *rq, http_resp *rs);
/* people and access: page_desk.c */
rd_err *page_people(http_req *rq, http_resp *rs);
rd_err *page_people_post(http_req *rq, http_resp *rs);
rd_err *page_attachment(http_req *rq, http_resp *rs);
/* docs_routes.c */
rd_err *page_calendar_feed(http_req *rq, http_resp *rs);
rd_err *api_report(http_req *rq, http_resp *rs);
rd_err *page_report(http_req *rq, http_resp *rs); /* page_desk.c */
/* page_report.c */
rd_err *page_report_pdf(http_req *rq, http_resp *rs);
rd_err *page_letter_pdf(http_req *rq, http_resp *rs);
/* API: api_desk.c */
rd_err *api_project_list(http_req *rq, http_resp *rs);
rd_err *api_project_add(http_req *rq, http_resp *rs);
rd_err *api_project_get(http_req *rq, http_resp *rs);
rd_err *api_project_edit(http_req *rq, http_resp *rs);
rd_err *api_revision_list(http_req *rq, http_resp *rs);
rd_err *api_revision_add(http_req *rq, http_resp *rs);
rd_err *api_client_history(http_req *rq, http_resp *rs);
rd_err *api_client_triggers(http_req *rq, http_resp *rs);
rd_err *api_client_log(http_req *rq, http_resp *rs);
rd_err *api_terminate_check(http_req *rq, http_resp *rs);
rd_err *api_terminate_handover(http_req *rq, http_resp *rs);
rd_err *api_terminate_confirm(http_req *rq, http_resp *rs);
rd_err *api_time_add(http_req *rq, http_resp *rs);
rd_err *api_log_add(http_req *rq, http_resp *rs);
rd_err *api_settings(http_req *rq, http_resp *rs);
rd_err *api_setting_get(http_req *rq, http_resp *rs);
rd_err *api_setting_set(http_req *rq, http_resp *rs);
rd_err *api_case_triggers(http_req *rq, http_resp *rs);
rd_err *api_concern_list(http_req *rq, http_resp *rs);
rd_err *api_concern_add(http_req *rq, http_resp *rs);
rd_err *api_case_acknowledge(http_req *rq, http_resp *rs);
rd_err *api_case_cause(http_req *rq, http_resp *rs);
rd_err *api_case_want(http_req *rq, http_resp *rs);
rd_err *api_case_confirm(http_req *rq, http_resp *rs);
rd_err *api_case_flag(http_req *rq, http_resp *rs);
rd_err *api_case_pause(http_req *rq, http_resp *rs);
rd_err *api_case_resume(http_req *rq, http_resp *rs);
rd_err *api_case_close(http_req *rq, http_resp *rs);
rd_err *api_feedback_record(http_req *rq, http_resp *rs);
rd_err *api_escalate(http_req *rq, http_resp *rs);
rd_err *api_offer_list(http_req *rq, http_resp *rs);
rd_err *api_offer_make(http_req *rq, http_resp *rs);
rd_err *api_commitment_list(http_req *rq, http_resp *rs);
rd_err *api_draft_list(http_req *rq, http_resp *rs);
rd_err *api_offer_choose(http_req *rq, http_resp *rs);
rd_err *api_offer_reject(http_req *rq, http_resp *rs);
rd_err *api_commitment_done(http_req *rq, http_resp *rs);
rd_err *api_project_amend(http_req *rq, http_resp *rs);
rd_err *api_revision_reverse(http_req *rq, http_resp *rs);
rd_err *api_log_correct(http_req *rq, http_resp *rs);
rd_err *api_commitment_split(http_req *rq, http_resp *rs);
rd_err *api_refund_list(http_req *rq, http_resp *rs);
rd_err *api_refund_paid(http_req *rq, http_resp *rs);
rd_err *api_followup_list(http_req *rq, http_resp *rs);
rd_err *api_followup_done(http_req *rq, http_resp *rs);
rd_err *api_lesson_list(http_req *rq, http_resp *rs);
rd_err *api_lesson_done(http_req *rq, http_resp *rs);
rd_err *api_escalation_outcome(http_req *rq, http_resp *rs);
rd_err *api_invoice_list(http_req *rq, http_resp *rs);
rd_err *api_invoice_add(http_req *rq, http_resp *rs);
rd_err *api_invoice_get(http_req *rq, http_resp *rs);
rd_err *api_invoice_pay(http_req *rq, http_resp *rs);
rd_err *api_invoice_remind(http_req *rq, http_resp *rs);
rd_err *api_demand_prerequisites(http_req *rq, http_resp *rs);
rd_err *api_letter_demand(http_req *rq, http_resp *rs);
rd_err *api_draft_new(http_req *rq, http_resp *rs);
rd_err *api_draft_get(http_req *rq, http_resp *rs);
rd_err *api_draft_edit(http_req *rq, http_resp *rs);
rd_err *api_draft_release(http_req *rq, http_resp *rs);
rd_err *api_draft_send(http_req *rq, http_resp *rs);
rd_err *api_letter_send(http_req *rq, http_resp *rs);
rd_err *api_search(http_req *rq, http_resp *rs);
rd_err *api_verify(http_req *rq, http_resp *rs);
rd_err *api_mail_import(http_req *rq, http_resp *rs);
rd_err *api_today(http_req *rq, http_resp *rs);
rd_err *api_followup_add(http_req *rq, http_resp *rs);
rd_err *api_followup_edit(http_req *rq, http_resp *rs);

#endif
