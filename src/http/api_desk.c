/* api_desk.c — the JSON API for the rest of the desk: projects, the log, settings, the playbook
 * steps of a case (concerns to close), offers and following through, escalation, invoices and
 * demand letters, time, walking away, revisions, reply drafts and sending by mail, search and
 * verify. Each handler
 * reads its arguments as typed, calls one desk operation and returns its result; the desk
 * validates, guards and audits exactly as it does for the command line. */
#include "http/http_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ARG(name) http_arg(rq, name)
#define MAX_LIST  32 /* repeated arguments read (offer options, reasons) */

/* A yes/no argument: yes, true, on or 1. */
static bool arg_yes(http_req *rq, const char *name)
{
    const char *v = ARG(name);
    return v && (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
                 strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0);
}

/* 200 with {key: id} (an action that made something) or e. */
static rd_err *with_id(http_resp *rs, rd_err *e, const char *key, int64_t id)
{
    if (e) return e;
    return http_json(
        rs, 200,
        json_pack("{s:b, s:o}", "ok", 1, key, id ? json_integer((json_int_t)id) : json_null()));
}

/* 200 {"ok": true} or e. */
static rd_err *done(http_resp *rs, rd_err *e)
{
    return e ? e : http_json(rs, 200, json_pack("{s:b}", "ok", 1));
}

/* 200 with {key: text} (a drafted text, may be NULL) or e; frees text. */
static rd_err *with_text(http_resp *rs, rd_err *e, const char *key, char *text)
{
    if (!e)
        e = http_json(
            rs, 200, json_pack("{s:b, s:o}", "ok", 1, key, text ? json_string(text) : json_null()));
    free(text);
    return e;
}

/* An optional id filter from the query ("client"), 0 when absent. */
static rd_err *opt_id(http_req *rq, const char *name, int64_t *id)
{
    *id = 0;
    const char *v = ARG(name);
    return v ? desk_parse_id(name, v, id) : NULL;
}

/* A list of the thing named by the path's {id}, one page. */
static rd_err *paged_by_id(http_req *rq, http_resp *rs,
                           rd_err *(*list)(rd_desk *, int64_t, rd_page *, json_t **))
{
    int64_t id;
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = api_page_of(rq, &pg);
    if (!e) e = list(rq->desk, id, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

/* A list narrowed by one yes/no argument (?pending=yes), one page. */
static rd_err *paged_by_flag(http_req *rq, http_resp *rs, const char *flag,
                             rd_err *(*list)(rd_desk *, int, rd_page *, json_t **))
{
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = list(rq->desk, arg_yes(rq, flag), &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

/* ---------------------------------------------------------------- projects */

rd_err *api_project_list(http_req *rq, http_resp *rs)
{
    int64_t client = 0;
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = opt_id(rq, "client", &client);
    if (!e) e = api_page_of(rq, &pg);
    if (!e) e = desk_project_list(rq->desk, client, &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_project_add(http_req *rq, http_resp *rs)
{
    desk_project_input in = {.client = ARG("client"),
                             .title = ARG("title"),
                             .scope = ARG("scope"),
                             .deliverables = ARG("deliverables"),
                             .deadline = ARG("deadline"),
                             .price = ARG("price"),
                             .currency = ARG("currency"),
                             .payment_terms = ARG("payment_terms"),
                             .revisions = ARG("revisions"),
                             .extra_revision_price = ARG("extra_revision_price")};
    int64_t id = 0;
    rd_err *e = desk_project_add(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_project_get(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_project_get);
}

rd_err *api_project_edit(http_req *rq, http_resp *rs)
{
    int64_t id;
    desk_project_change in = {.title = ARG("title"),
                              .scope = ARG("scope"),
                              .deliverables = ARG("deliverables"),
                              .deadline = ARG("deadline"),
                              .status = ARG("status")};
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_project_edit(rq->desk, id, &in);
    return e ? e : api_project_get(rq, rs);
}

rd_err *api_revision_list(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_revision_list);
}

rd_err *api_revision_add(http_req *rq, http_resp *rs)
{
    desk_revision_input in = {.project = ARG("id"),
                              .note = ARG("note"),
                              .charge = arg_yes(rq, "charge"),
                              .waive = arg_yes(rq, "waive")};
    json_t *out = NULL;
    rd_err *e = desk_revision_add(rq->desk, &in, &out);
    if (e) return e;
    return http_json(rs, 201, out);
}

/* ---------------------------------------------------------------- clients: history, walking away */

rd_err *api_client_history(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_client_history);
}

rd_err *api_client_triggers(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_walkaway_triggers);
}

rd_err *api_client_log(http_req *rq, http_resp *rs)
{
    return paged_by_id(rq, rs, desk_log_list);
}

rd_err *api_terminate_check(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_terminate_check);
}

rd_err *api_terminate_handover(http_req *rq, http_resp *rs)
{
    desk_handover_input in = {.client = ARG("id"), .item = ARG("item"), .note = ARG("note")};
    int64_t id = 0;
    rd_err *e = desk_terminate_handover(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_terminate_confirm(http_req *rq, http_resp *rs)
{
    const char *reasons[MAX_LIST];
    int n = http_arg_all(rq, "reason", reasons, MAX_LIST);
    desk_terminate_input in = {.client = ARG("id"),
                               .reasons = reasons,
                               .nreasons = n,
                               .referral = ARG("referral"),
                               .override = ARG("override")};
    json_t *out = NULL;
    rd_err *e = desk_terminate_confirm(rq->desk, &in, &out);
    return api_reply(rs, e, out);
}

rd_err *api_time_add(http_req *rq, http_resp *rs)
{
    desk_time_input in = {.client = ARG("id"),
                          .case_id = ARG("case"),
                          .minutes = ARG("minutes"),
                          .note = ARG("note"),
                          .on = ARG("on")};
    int64_t id = 0;
    rd_err *e = desk_time_add(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

/* ---------------------------------------------------------------- the log */

rd_err *api_log_add(http_req *rq, http_resp *rs)
{
    desk_log_input in = {.client = ARG("client"),
                         .case_id = ARG("case"),
                         .direction = ARG("direction"),
                         .channel = ARG("channel"),
                         .at = ARG("at"),
                         .subject = ARG("subject"),
                         .body = ARG("body")};
    int64_t id = 0;
    rd_err *e = desk_log_add(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

/* ---------------------------------------------------------------- settings */

rd_err *api_settings(http_req *rq, http_resp *rs)
{
    json_t *out = NULL;
    rd_err *e = desk_config_list(rq->desk, &out);
    return api_reply(rs, e, out);
}

rd_err *api_setting_get(http_req *rq, http_resp *rs)
{
    char *value = NULL;
    const char *key = ARG("key");
    rd_err *e = desk_config_get(rq->desk, key, &value);
    if (!e)
        e = http_json(
            rs, 200, json_pack("{s:s, s:o}", "key", key, value ? json_string(value) : json_null()));
    free(value);
    return e;
}

rd_err *api_setting_set(http_req *rq, http_resp *rs)
{
    const char *value = ARG("value");
    if (!value) return rd_error(RD_INVALID, "value: is required");
    rd_err *e = desk_config_set(rq->desk, ARG("key"), value);
    return e ? e : api_setting_get(rq, rs);
}

/* ---------------------------------------------------------------- a case's steps (P4–P14) */

rd_err *api_case_triggers(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_case_triggers);
}

rd_err *api_concern_list(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_concern_list);
}

rd_err *api_concern_add(http_req *rq, http_resp *rs)
{
    int64_t case_id, id = 0;
    desk_concern_input in = {
        .text = ARG("text"), .specifics = ARG("specifics"), .example = ARG("example")};
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_concern_add(rq->desk, case_id, &in, ARG("override"), &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_case_acknowledge(http_req *rq, http_resp *rs)
{
    int64_t case_id, log_id = 0;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e)
        e = desk_case_acknowledge(rq->desk, case_id, ARG("text"), ARG("channel"), ARG("override"),
                                  &log_id);
    return with_id(rs, e, "log_id", log_id);
}

rd_err *api_case_cause(http_req *rq, http_resp *rs)
{
    int64_t case_id;
    json_t *agreed = NULL;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e)
        e = desk_case_cause(rq->desk, case_id, ARG("root"), ARG("notes"), ARG("override"), &agreed);
    return api_reply(rs, e, e ? agreed : json_pack("{s:b, s:o}", "ok", 1, "agreed", agreed));
}

rd_err *api_case_want(http_req *rq, http_resp *rs)
{
    int64_t case_id;
    char *draft = NULL;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e)
        e = desk_case_want(rq->desk, case_id, ARG("want"), ARG("goal"), ARG("override"), &draft);
    return with_text(rs, e, "restatement", draft);
}

rd_err *api_case_confirm(http_req *rq, http_resp *rs)
{
    int64_t case_id;
    char *draft = NULL;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e)
        e = desk_case_confirm(rq->desk, case_id, ARG("by"), ARG("correction"), ARG("override"),
                              &draft);
    return with_text(rs, e, "restatement", draft);
}

rd_err *api_case_flag(http_req *rq, http_resp *rs)
{
    int64_t case_id;
    desk_flag_input in = {.hostility = ARG("hostility"),
                          .abuse = ARG("abuse"),
                          .legal_threat = ARG("legal_threat"),
                          .review_threat = ARG("review_threat"),
                          .refund_demand = ARG("refund_demand"),
                          .payment_refusal = ARG("payment_refusal")};
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_case_flag(rq->desk, case_id, &in);
    return done(rs, e);
}

rd_err *api_case_pause(http_req *rq, http_resp *rs)
{
    int64_t case_id, log_id = 0;
    desk_pause_input in = {.reason = ARG("reason"),
                           .until = ARG("until"),
                           .message = ARG("message"),
                           .override = ARG("override")};
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_case_pause_with(rq->desk, case_id, &in, &log_id);
    return with_id(rs, e, "log_id", log_id);
}

rd_err *api_case_resume(http_req *rq, http_resp *rs)
{
    int64_t case_id;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_case_resume(rq->desk, case_id);
    return done(rs, e);
}

rd_err *api_case_close(http_req *rq, http_resp *rs)
{
    int64_t case_id, lesson_id = 0;
    desk_close_input in = {
        .lesson = ARG("lesson"), .change = ARG("change"), .change_made = ARG("change_made")};
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_case_close(rq->desk, case_id, &in, ARG("override"), &lesson_id);
    return with_id(rs, e, "lesson_id", lesson_id);
}

rd_err *api_feedback_record(http_req *rq, http_resp *rs)
{
    int64_t case_id, id = 0;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e)
        e = desk_feedback_record(rq->desk, case_id, ARG("score"), ARG("text"), ARG("override"),
                                 &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_escalate(http_req *rq, http_resp *rs)
{
    int64_t case_id, id = 0;
    desk_escalate_input in = {.level = ARG("level"),
                              .reason = ARG("reason"),
                              .mediator = ARG("mediator"),
                              .date = ARG("date"),
                              .weighed = ARG("weighed")};
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_escalate(rq->desk, case_id, &in, ARG("override"), &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_escalation_outcome(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_escalation_outcome(rq->desk, id, ARG("text"), ARG("override"));
    return done(rs, e);
}

/* ---------------------------------------------------------------- offers and following through */

rd_err *api_offer_list(http_req *rq, http_resp *rs)
{
    return paged_by_id(rq, rs, desk_offer_list);
}

rd_err *api_offer_make(http_req *rq, http_resp *rs)
{
    int64_t case_id, id = 0;
    const char *options[MAX_LIST];
    int n = http_arg_all(rq, "option", options, MAX_LIST);
    desk_offer_input in = {.options = options,
                           .noptions = n,
                           .revision_charge = ARG("revision_charge"),
                           .dry_run = arg_yes(rq, "dry_run")};
    json_t *report = NULL;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_offer_make(rq->desk, case_id, &in, ARG("override"), &report, &id);
    if (e) return e;
    json_object_set_new(report, "id", id ? json_integer((json_int_t)id) : json_null());
    return http_json(rs, id ? 201 : 200, report);
}

rd_err *api_offer_choose(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_offer_choose(rq->desk, id, ARG("option"), ARG("override"), &out);
    return api_reply(
        rs, e, e ? out : json_pack("{s:b, s:o}", "ok", 1, "commitments", out ? out : json_array()));
}

rd_err *api_offer_reject(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_offer_reject(rq->desk, id, ARG("ask"), ARG("override"));
    return done(rs, e);
}

rd_err *api_commitment_list(http_req *rq, http_resp *rs)
{
    int64_t case_id;
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = api_page_of(rq, &pg);
    if (!e) e = desk_commitment_list(rq->desk, case_id, arg_yes(rq, "overdue"), &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_commitment_done(http_req *rq, http_resp *rs)
{
    int64_t id, followup = 0;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_commitment_done(rq->desk, id, ARG("override"), &followup);
    return with_id(rs, e, "followup_id", followup);
}

rd_err *api_refund_list(http_req *rq, http_resp *rs)
{
    return paged_by_flag(rq, rs, "pending", desk_refund_list);
}

rd_err *api_refund_paid(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_refund_paid(rq->desk, id, ARG("on"));
    return done(rs, e);
}

rd_err *api_followup_list(http_req *rq, http_resp *rs)
{
    return paged_by_flag(rq, rs, "due", desk_followup_list);
}

rd_err *api_followup_done(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_followup_done(rq->desk, id, ARG("outcome"), ARG("override"));
    return done(rs, e);
}

rd_err *api_lesson_list(http_req *rq, http_resp *rs)
{
    return paged_by_flag(rq, rs, "open", desk_lesson_list);
}

rd_err *api_lesson_done(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_lesson_done(rq->desk, id);
    return done(rs, e);
}

/* ---------------------------------------------------------------- invoices and letters */

rd_err *api_invoice_list(http_req *rq, http_resp *rs)
{
    rd_page pg;
    json_t *rows = NULL;
    rd_err *e = api_page_of(rq, &pg);
    if (!e) e = desk_invoice_list(rq->desk, ARG("client"), arg_yes(rq, "overdue"), &pg, &rows);
    return api_page_reply(rs, e, rows, &pg);
}

rd_err *api_invoice_add(http_req *rq, http_resp *rs)
{
    desk_invoice_input in = {.project = ARG("project"),
                             .number = ARG("number"),
                             .amount = ARG("amount"),
                             .issued = ARG("issued"),
                             .due = ARG("due")};
    int64_t id = 0;
    rd_err *e = desk_invoice_add(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

/* The invoice a path names. All digits is its id, the id every answer gives (an invoice may be
 * numbered "3" too, and the path must not then reach another invoice); anything else is its
 * number (2026-031). */
static rd_err *path_invoice(http_req *rq, int64_t *id)
{
    const char *arg = ARG("id");
    bool digits = arg && *arg && strspn(arg, "0123456789") == strlen(arg);
    return digits ? http_arg_id(rq, "id", id) : desk_invoice_ref(rq->desk, "invoice", arg, id);
}

/* path_invoice, and in ref a name the desk's invoice lookup takes back to the same invoice (for
 * the desk inputs that name an invoice as text). */
static rd_err *path_invoice_name(http_req *rq, char *ref, size_t n)
{
    int64_t id;
    rd_err *e = path_invoice(rq, &id);
    return e ? e : http_invoice_name(rq->desk, id, ref, n);
}

rd_err *api_invoice_get(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *out = NULL;
    rd_err *e = path_invoice(rq, &id);
    if (!e) e = desk_invoice_get(rq->desk, id, &out);
    return api_reply(rs, e, out);
}

rd_err *api_invoice_pay(http_req *rq, http_resp *rs)
{
    int64_t id = 0;
    char ref[32];
    rd_err *e = path_invoice_name(rq, ref, sizeof ref);
    if (e) return e;
    desk_payment_input in = {.invoice = ref, .amount = ARG("amount"), .on = ARG("on")};
    e = desk_invoice_pay(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_invoice_remind(http_req *rq, http_resp *rs)
{
    int64_t id;
    desk_remind_input in = {
        .preview = arg_yes(rq, "preview"), .channel = ARG("channel"), .override = ARG("override")};
    json_t *out = NULL;
    rd_err *e = path_invoice(rq, &id);
    if (!e) e = desk_invoice_remind_with(rq->desk, id, &in, &out);
    return api_reply(rs, e, out);
}

rd_err *api_demand_prerequisites(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *out = NULL;
    rd_err *e = path_invoice(rq, &id);
    if (!e) e = desk_demand_prerequisites(rq->desk, id, &out);
    return api_reply(rs, e, out);
}

rd_err *api_letter_demand(http_req *rq, http_resp *rs)
{
    char ref[32];
    rd_err *e = path_invoice_name(rq, ref, sizeof ref);
    if (e) return e;
    desk_demand_input in = {.invoice = ref,
                            .pursuit_cost = ARG("pursuit_cost"),
                            .deadline_days = ARG("deadline_days"),
                            .override = ARG("override")};
    json_t *out = NULL;
    e = desk_letter_demand(rq->desk, &in, &out);
    return api_reply(rs, e, out);
}

/* ---------------------------------------------------------------- reply drafts (P2, P5) */

rd_err *api_draft_list(http_req *rq, http_resp *rs)
{
    return paged_by_id(rq, rs, desk_draft_list);
}

rd_err *api_draft_new(http_req *rq, http_resp *rs)
{
    desk_draft_input in = {.case_id = ARG("case"),
                           .body = ARG("body"),
                           .subject = ARG("subject"),
                           .channel = ARG("channel")};
    int64_t id = 0;
    rd_err *e = desk_draft_new(rq->desk, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_draft_get(http_req *rq, http_resp *rs)
{
    return api_get_by_id(rq, rs, desk_draft_get);
}

rd_err *api_draft_edit(http_req *rq, http_resp *rs)
{
    int64_t id;
    desk_draft_input in = {.body = ARG("body"), .subject = ARG("subject")};
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_draft_edit(rq->desk, id, &in);
    return e ? e : api_draft_get(rq, rs);
}

rd_err *api_draft_release(http_req *rq, http_resp *rs)
{
    int64_t id, log_id = 0;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_draft_release(rq->desk, id, ARG("override"), &log_id);
    return with_id(rs, e, "log_id", log_id);
}

rd_err *api_draft_send(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_draft_send(rq->desk, id, ARG("override"), &out);
    return api_reply(rs, e, out);
}

rd_err *api_letter_send(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *out = NULL;
    desk_letter_send_input in = {ARG("override"), arg_yes(rq, "pdf")};
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_letter_send(rq->desk, id, &in, &out);
    return api_reply(rs, e, out);
}

/* ---------------------------------------------------------------- search and integrity */

rd_err *api_search(http_req *rq, http_resp *rs)
{
    desk_search_input in = {.query = ARG("q"),
                            .client = ARG("client"),
                            .case_id = ARG("case"),
                            .since = ARG("since"),
                            .limit = ARG("limit")};
    json_t *out = NULL;
    rd_err *e = desk_search(rq->desk, &in, &out);
    return api_reply(rs, e, out);
}

/* Mail as the request's body: one message (message/rfc822) or an mbox (application/mbox), with
 * ?client=, ?case= and ?create_clients=yes as `redress import` takes them; the summary back. */
rd_err *api_mail_import(http_req *rq, http_resp *rs)
{
    const http_file *f = &rq->upload;
    if (!f->data || !f->size)
        return rd_error(RD_INVALID, "body: send the message as message/rfc822 or the mailbox as "
                                    "application/mbox");
    const char *create = http_arg(rq, "create_clients");
    if (create && strcmp(create, "yes") && strcmp(create, "no"))
        return rd_error(RD_INVALID, "create_clients: '%s' is not yes or no", create);
    desk_import_input in = {.client = http_arg(rq, "client"),
                            .case_id = http_arg(rq, "case"),
                            .create_clients = create && !strcmp(create, "yes")};
    json_t *sum = NULL;
    rd_err *e = desk_mail_import_bytes(rq->desk, &in, f->name, f->data, f->size, &sum);
    if (e) return e;
    return http_json(rs, 200, sum);
}

rd_err *api_verify(http_req *rq, http_resp *rs)
{
    desk_verify_report r;
    memset(&r, 0, sizeof r);
    rd_err *e = desk_verify(rq->desk, &r);
    if (e) return e;
    return http_json(rs, 200,
                     json_pack("{s:b, s:I, s:I, s:s, s:s}", "ok", 1, "log_entries",
                               (json_int_t)r.log_entries, "audit_entries",
                               (json_int_t)r.audit_entries, "log_head", r.log_head, "audit_head",
                               r.audit_head));
}

/* ---------------------------------------------------------------- day to day */

/* A today section's cursor as the lists give theirs: a string, or null on the last page. */
static void cursor_text(json_t *section)
{
    int64_t next = desk_ji(section, "next");
    char text[32];
    snprintf(text, sizeof text, "%lld", (long long)next);
    json_object_set_new(section, "next", next ? json_string(text) : json_null());
}

/* Today a page per section, so it answers in the same time and size on any desk: the first
 * ?limit rows of every section (20 unless given), or with ?section=NAME one page of that
 * section after ?after (the section's "next"). */
rd_err *api_today(http_req *rq, http_resp *rs)
{
    json_t *out = NULL;
    rd_page pg;
    rd_err *e = api_page_of(rq, &pg);
    if (e) return e;
    if (ARG("section")) {
        e = desk_today_section(rq->desk, ARG("section"), &pg, &out);
        if (!e) cursor_text(out);
        return api_reply(rs, e, out);
    }
    if (pg.after) return rd_error(RD_INVALID, "after: a cursor pages one section: give section");
    e = desk_today_view(rq->desk, ARG("limit") ? pg.limit : 20, &out);
    size_t i;
    json_t *sec;
    json_array_foreach(json_object_get(out, "sections"), i, sec) cursor_text(sec);
    return api_reply(rs, e, out);
}

rd_err *api_followup_add(http_req *rq, http_resp *rs)
{
    int64_t case_id, id = 0;
    rd_err *e = http_arg_id(rq, "id", &case_id);
    if (!e) e = desk_followup_add(rq->desk, case_id, ARG("kind"), ARG("due"), &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_followup_edit(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_followup_edit(rq->desk, id, ARG("kind"), ARG("due"));
    return done(rs, e);
}

/* ---------------------------------------------------------------- mistakes put right */

rd_err *api_project_amend(http_req *rq, http_resp *rs)
{
    int64_t id;
    desk_amend_input in = {ARG("price"),     ARG("currency"),
                           ARG("revisions"), ARG("extra_revision_price"),
                           ARG("reason"),    ARG("channel")};
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_project_amend(rq->desk, id, &in, &out);
    if (e) return e;
    return http_json(rs, 201, out);
}

rd_err *api_revision_reverse(http_req *rq, http_resp *rs)
{
    int64_t id;
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_revision_reverse(rq->desk, id, ARG("reason"), &out);
    return api_reply(rs, e, out);
}

rd_err *api_log_correct(http_req *rq, http_resp *rs)
{
    int64_t entry, id = 0;
    desk_correct_input in = {ARG("subject"), ARG("body"), ARG("reason")};
    rd_err *e = http_arg_id(rq, "id", &entry);
    if (!e) e = desk_log_correct(rq->desk, entry, &in, &id);
    return e ? e : api_created(rs, id);
}

rd_err *api_commitment_split(http_req *rq, http_resp *rs)
{
    int64_t id;
    const char *parts[MAX_LIST];
    int n = http_arg_all(rq, "part", parts, MAX_LIST);
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_commitment_split(rq->desk, id, parts, n, &out);
    if (e) return e;
    return http_json(rs, 201, out);
}
