/* page_forms.c — the web desk's forms for the desk operations beyond the playbook's main line
 * (page_case.c has that): on the case page, escalating (with the mediation's final proposal and
 * the outcome), moving a follow-up, recording an exchange, what was heard on a call and the
 * time spent; an invoice's own page (payments, a reminder with its preview, write-offs and
 * credit notes, the demand letter with its preview); intake on the client pages (a new client,
 * project, invoice and case, revisions); walking away (handovers and the notice, with a
 * preview); and the lessons' changes.
 *
 * Each form is one desk call with the fields as typed: the desk validates, guards and audits,
 * and its refusal comes back beside the field it names with what was typed kept. A preview is
 * the desk's own where it has one (the reminder); otherwise the same desk call runs inside a
 * batch that is always rolled back, so it shows exactly what would be written and writes
 * nothing. */
#include "http/http_int.h"
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- shared */

/* A field as the desk wants it: NULL when absent or blank. */
static const char *val(page_arg_fn arg, const void *ctx, const char *name)
{
    const char *s = arg(ctx, name);
    return text_blank(s) ? NULL : s;
}

/* The id of the item a form acts on (from the form's action URL), required. */
static rd_err *item_id(page_arg_fn arg, const void *ctx, const char *name, int64_t *id)
{
    const char *s = arg(ctx, name);
    if (!s) return rd_error(RD_INVALID, "%s: missing", name);
    return desk_parse_id(name, s, id);
}

void page_item_form(char *out, size_t n, const char *name, int64_t id)
{
    snprintf(out, n, "%s-%lld", name, (long long)id);
}

const char *page_form_base(const char *form, char *out, size_t n)
{
    size_t len = strcspn(form, "-");
    snprintf(out, n, "%.*s", (int)len, form);
    return out;
}

static const char *const no_yes[] = {"", "yes", "no", NULL};

/* What each form did, for the line shown after its redirect, and where on its page to land. */
static const struct {
    const char *form, *notice, *anchor;
} outcomes[] = {
    {"escalate", "Case escalated: record the outcome when there is one.", "#escalation"},
    {"escalation_proposal", "The mediation's final proposal is recorded.", "#escalation"},
    {"escalation_outcome", "Outcome recorded.", "#escalation"},
    {"followup_edit", "Follow-up moved.", "#followups"},
    {"log_correct", "Correction recorded beside the original, which stays as it was.", "#timeline"},
    {"letter_send", "Letter sent by email; the timeline shows where it went.", "#timeline"},
    {"commitment_split", "Commitment split: each part has its own date.", "#commitments"},
    {"project_amend", "Amendment recorded and logged; the terms as first agreed are kept.",
     "#proj-h"},
    {"revision_reverse", "The revision's charge is reversed; it stays counted.", "#proj-h"},
    {"log_add", "Exchange recorded in the log.", "#timeline"},
    {"flag", "What you heard is recorded; the next step takes it into account.", "#next"},
    {"time_add", "Time logged.", "#record"},
    {"pay", "Payment recorded.", "#facts"},
    {"remind", "Reminder sent and logged.", "#facts"},
    {"adjust", "Recorded: the open balance is lower.", "#facts"},
    {"demand", "Demand letter written and logged.", "#facts"},
    {"client_add", "Client added.", ""},
    {"client_edit", "Client saved.", ""},
    {"client_erase", "Their personal data is erased; the log and the audit trail still verify.",
     ""},
    {"case_open", "Case opened: triage has read their words.", ""},
    {"project_add", "Project added.", "#proj-h"},
    {"invoice_add", "Invoice recorded.", ""},
    {"revision", "Revision counted against the project's policy.", "#proj-h"},
    {"handover", "Handed over.", "#walk-away"},
    {"terminate", "The relationship is ended; the notice is in the log.", "#walk-away"},
    {"project_edit", "Project saved.", "#proj-h"},
    {"refund_paid", "Refund marked paid.", "#refunds"},
    {"review_add", "Review recorded.", "#reviews"},
    {"review_reply", "Reply saved and checked for a public page.", "#reviews"},
    {"review_posted", "Reply marked posted.", "#reviews"},
    {"testimonial", "Request recorded and logged.", "#testimonials"},
    {"testimonial_answer", "Their answer is recorded.", "#testimonials"},
    {"survey_close", "Survey closed: no more answers are taken.", ""},
    {"lesson_done", "Change marked made.", ""},
    {"differently", "Recorded what you will do differently.", ""},
};

const char *page_forms_notice(const char *form)
{
    for (size_t i = 0; form && i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (!strcmp(outcomes[i].form, form)) return outcomes[i].notice;
    return NULL;
}

/* "PATH?done=FORM#anchor" for the redirect after form succeeded; the caller's. */
static char *done_at(const char *path, const char *form)
{
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (!strcmp(outcomes[i].form, form))
            return xasprintf("%s?done=%s%s", path, form, outcomes[i].anchor);
    return xstrdup(path);
}

/* The end of a form with two buttons: a preview (first, so Enter previews) and the real one. */
static void form_close_preview(hw *w, const char *preview, const char *button)
{
    HW_RAW(w, "<div class=\"actions\"><button type=\"submit\" name=\"preview\" value=\"yes\" "
              "class=\"secondary\">");
    hw_text(w, preview);
    HW_RAW(w, "</button><button type=\"submit\">");
    hw_text(w, button);
    HW_RAW(w, "</button></div></form>");
}

/* The text a preview of form wrote, when this page answers that preview. */
static void preview_block(hw *w, const page_view *v, const char *form)
{
    if (!v->preview || !v->failed || strcmp(v->failed, form) != 0) return;
    HW_RAW(w, "<div class=\"preview\" id=\"preview\" role=\"region\" aria-labelledby=\"preview-h\">"
              "<h3 id=\"preview-h\">Preview: nothing was sent, logged or counted</h3><pre>");
    hw_text(w, v->preview);
    HW_RAW(w, "</pre></div>");
}

/* A select of rows by their title (label_key; NULL: "Case N"), sending their id; a first
 * choice none ("": none) when none is not NULL, selected (0: none) preselected. */
static void form_rows(hw *w, const page_view *v, const char *form, const char *name,
                      const char *label, json_t *rows, const char *label_key, const char *none,
                      int64_t selected)
{
    size_t n = json_array_size(rows), i, k = 0;
    const char **values = xcalloc(n + 2, sizeof *values), **labels = xcalloc(n + 2, sizeof *labels);
    char **owned = xcalloc(2 * n + 1, sizeof *owned);
    if (none) values[k] = "", labels[k++] = none;
    for (i = 0; i < n; i++, k++) {
        json_t *r = json_array_get(rows, i);
        values[k] = owned[2 * i] = xasprintf("%lld", (long long)desk_ji(r, "id"));
        if (label_key && desk_js(r, label_key))
            labels[k] = desk_js(r, label_key);
        else
            labels[k] = owned[2 * i + 1] = xasprintf("Case %lld", (long long)desk_ji(r, "id"));
    }
    char sel[32];
    snprintf(sel, sizeof sel, "%lld", (long long)selected);
    form_select_pairs(w, v, form, name, label, values, labels, selected ? sel : "");
    for (i = 0; i < 2 * n; i++)
        free(owned[i]);
    free(owned);
    free(values);
    free(labels);
}

/* Runs fn(d, ctx) and rolls back whatever it wrote: a preview of a desk call with no preview of
 * its own. fn's error is returned; its result stays in ctx. */
static rd_err *rolled_back(rd_desk *d, rd_err *(*fn)(rd_desk *, void *), void *ctx)
{
    rd_err *e = desk_batch_begin(d);
    if (e) return e;
    e = fn(d, ctx);
    rd_err *undo = e ? e : rd_error(RD_CONFLICT, "preview: rolled back");
    rd_err *r = desk_batch_end(d, undo);
    if (r == undo && !e) {
        rd_err_free(r);
        return NULL;
    }
    return r;
}

/* ---------------------------------------------------------------- the case page */

static void escalation_item(hw *w, const page_view *v, json_t *x, int64_t case_id)
{
    static const char *const proposal_fields[] = {"text", NULL};
    static const char *const outcome_fields[] = {"text", "override", NULL};
    int64_t id = desk_ji(x, "id");
    HW_RAW(w, "<article class=\"escalation\"><h3>Escalation ");
    hw_int(w, id);
    HW_RAW(w, ": ");
    hw_text(w, desk_js(x, "level"));
    HW_RAW(w, "</h3><p>");
    hw_text(w, desk_js(x, "reason"));
    HW_RAW(w, "</p>");
    if (desk_js(x, "mediator") || desk_js(x, "date")) {
        HW_RAW(w, "<p class=\"muted\">");
        hw_text(w, desk_js(x, "mediator"));
        if (desk_js(x, "mediator") && desk_js(x, "date")) HW_RAW(w, ", ");
        hw_text(w, desk_js(x, "date"));
        HW_RAW(w, "</p>");
    }
    if (desk_js(x, "final_proposal")) {
        HW_RAW(w, "<p>Final proposal: ");
        hw_text(w, desk_js(x, "final_proposal"));
        HW_RAW(w, "</p>");
    }
    if (desk_js(x, "outcome")) {
        HW_RAW(w, "<p><span class=\"badge good\">outcome</span> ");
        hw_text(w, desk_js(x, "outcome"));
        HW_RAW(w, "</p></article>");
        return;
    }
    char action[96];
    snprintf(action, sizeof action, "/cases/%lld?escalation=%lld", (long long)case_id,
             (long long)id);
    char proposal[48], outcome[48];
    page_item_form(proposal, sizeof proposal, "escalation_proposal", id);
    page_item_form(outcome, sizeof outcome, "escalation_outcome", id);
    if (!strcmp(desk_js(x, "level") ? desk_js(x, "level") : "", "mediation")) {
        form_open(w, v, action, proposal, proposal_fields);
        form_field(w, v, proposal, "text", "The final meet-halfway proposal",
                   "what the mediation proposed at the end", "textarea",
                   desk_js(x, "final_proposal"));
        form_close(w, "Record the proposal");
    }
    form_open(w, v, action, outcome, outcome_fields);
    form_field(w, v, outcome, "text", "What came of it", NULL, "textarea", NULL);
    page_override_field(w, v, outcome);
    form_close(w, "Record the outcome");
    HW_RAW(w, "</article>");
}

/* Before the legal step: what is at stake beyond the money (P13). */
static void legal_checklist(hw *w, rd_desk *d, int64_t case_id)
{
    json_t *c = NULL;
    rd_err *e = desk_legal_checklist(d, case_id, &c);
    if (e) {
        rd_err_free(e);
        return;
    }
    HW_RAW(w, "<details><summary>Before the legal step: weigh more than the money</summary><p>");
    hw_money(w, desk_ji(c, "money_at_risk"), desk_js(c, "currency"));
    HW_RAW(w, " at risk; ");
    hw_int(w, desk_ji(c, "complaints"));
    HW_RAW(w, " complaint(s) from this client; ");
    hw_int(w, desk_ji(c, "public_reviews"));
    HW_RAW(w, " public review(s)");
    if (json_is_true(json_object_get(c, "review_threat")))
        HW_RAW(w, "; they threatened a public review");
    HW_RAW(w, ".</p>");
    hw_list(w, json_object_get(c, "questions"));
    HW_RAW(w, "</details>");
    json_decref(c);
}

static void section_escalation(hw *w, const page_view *v, rd_desk *d, json_t *k, int64_t case_id,
                               const char *act, const char *cur)
{
    static const char *const levels[] = {"internal", "mediation", "legal", NULL};
    static const char *const fields[] = {"level",   "reason",   "mediator", "date",
                                         "weighed", "override", NULL};
    page_section_open(w, "escalation", "Escalation");
    json_t *list = json_object_get(k, "escalations");
    if (!json_array_size(list))
        HW_RAW(w, "<p class=\"muted\">Not escalated. The triggers above say when it may help: "
                  "a partner's review, a neutral mediator, and only then the legal step.</p>");
    size_t i;
    json_t *x;
    json_array_foreach(list, i, x) escalation_item(w, v, x, case_id);
    page_step_open(w, v, "escalate", "Escalate the case", cur);
    legal_checklist(w, d, case_id);
    form_open(w, v, act, "escalate", fields);
    form_select(w, v, "escalate", "level", "Level", levels, "mediation");
    form_field(w, v, "escalate", "reason", "Why", NULL, "text", NULL);
    form_field(w, v, "escalate", "mediator", "Mediator", "for mediation: who mediates", "text",
               NULL);
    form_field(w, v, "escalate", "date", "Date", "of the session or filing, YYYY-MM-DD", "date",
               NULL);
    form_field(w, v, "escalate", "weighed", "How you weighed it",
               "legal only: the relationship and your name, not only the money", "textarea", NULL);
    page_override_field(w, v, "escalate");
    form_close(w, "Escalate");
    HW_RAW(w, "</details></section>");
}

static void section_record(hw *w, const page_view *v, json_t *k, const char *act, const char *cur)
{
    static const char *const dirs[] = {"in", "out", NULL};
    static const char *const hostility[] = {"", "0", "1", "2", "3", NULL};
    static const char *const log_fields[] = {"direction", "channel", "at", "subject", "body", NULL};
    static const char *const flag_fields[] = {
        "hostility",       "abuse", "legal_threat", "review_threat", "refund_demand",
        "payment_refusal", NULL};
    static const char *const time_fields[] = {"minutes", "on", "note", NULL};
    page_section_open(w, "record", "Record what happened");
    page_step_open(w, v, "log_add", "An exchange: a call, a meeting, a letter", cur);
    form_open(w, v, act, "log_add", log_fields);
    form_select(w, v, "log_add", "direction", "Direction (in: from the client)", dirs, "in");
    form_select(w, v, "log_add", "channel", "Channel", desk_channels, "phone");
    form_field(w, v, "log_add", "at", "When", "YYYY-MM-DD HH:MM; empty for now", "text", NULL);
    form_field(w, v, "log_add", "subject", "Subject", NULL, "text", NULL);
    form_field(w, v, "log_add", "body", "What was said", "their words, or your notes of a call",
               "textarea", NULL);
    form_close(w, "Record the exchange");
    HW_RAW(w, "</details>");
    page_step_open(w, v, "flag", "What you heard on a call", cur);
    form_open(w, v, act, "flag", flag_fields);
    HW_RAW(w, "<p class=\"hint\">Empty leaves what triage found as it is.</p>");
    form_select(w, v, "flag", "hostility", "Hostility, 0 calm to 3 hostile", hostility, "");
    form_select(w, v, "flag", "abuse", "Abusive", no_yes, "");
    form_select(w, v, "flag", "legal_threat", "Legal threat", no_yes, "");
    form_select(w, v, "flag", "review_threat", "Threat of a public review", no_yes, "");
    form_select(w, v, "flag", "refund_demand", "Demands a refund", no_yes, "");
    form_select(w, v, "flag", "payment_refusal", "Refuses to pay", no_yes, "");
    form_close(w, "Record what you heard");
    HW_RAW(w, "</details>");
    (void)k;
    page_step_open(w, v, "time_add", "Time spent on this case", cur);
    form_open(w, v, act, "time_add", time_fields);
    form_field(w, v, "time_add", "minutes", "How long", "90, 45m, 1h30 or 1.5h", "text", NULL);
    form_field(w, v, "time_add", "on", "On", "YYYY-MM-DD; empty for today", "date", NULL);
    form_field(w, v, "time_add", "note", "What for", NULL, "text", NULL);
    form_close(w, "Log time");
    HW_RAW(w, "</details></section>");
}

void page_forms_case_sections(hw *w, const page_view *v, rd_desk *d, json_t *k, int64_t case_id,
                              const char *cur)
{
    char act[48];
    snprintf(act, sizeof act, "/cases/%lld", (long long)case_id);
    section_escalation(w, v, d, k, case_id, act, cur);
    section_record(w, v, k, act, cur);
}

void page_forms_followup_edit(hw *w, const page_view *v, int64_t case_id, json_t *followup)
{
    static const char *const kinds[] = {"call", "meeting", "message", NULL};
    static const char *const fields[] = {"kind", "due", NULL};
    char action[96];
    snprintf(action, sizeof action, "/cases/%lld?followup=%lld", (long long)case_id,
             (long long)desk_ji(followup, "id"));
    HW_RAW(w, "<details><summary>Move it or change how</summary>");
    char name[48];
    page_item_form(name, sizeof name, "followup_edit", desk_ji(followup, "id"));
    form_open(w, v, action, name, fields);
    form_select(w, v, name, "kind", "How", kinds, desk_js(followup, "kind"));
    form_field(w, v, name, "due", "When", "a date, YYYY-MM-DD", "date",
               desk_js(followup, "due_on"));
    form_close(w, "Move follow-up");
    HW_RAW(w, "</details>");
}

void page_forms_log_correct(hw *w, const page_view *v, int64_t case_id, json_t *entry)
{
    static const char *const fields[] = {"subject", "body", "reason", NULL};
    int64_t id = desk_ji(entry, "id");
    char action[96], name[48];
    snprintf(action, sizeof action, "/cases/%lld?entry=%lld", (long long)case_id, (long long)id);
    page_item_form(name, sizeof name, "log_correct", id);
    HW_RAW(w, "<details><summary>");
    hw_textf(w, "Correct entry %lld", (long long)id);
    HW_RAW(w, "</summary>");
    form_open(w, v, action, name, fields);
    form_field(w, v, name, "subject", "Subject", NULL, "text", desk_js(entry, "subject"));
    form_field(w, v, name, "body", "The corrected words", "the original stays as it was",
               "textarea", desk_js(entry, "body"));
    form_field(w, v, name, "reason", "Why", NULL, "text", NULL);
    form_close(w, "Record the correction");
    HW_RAW(w, "</details>");
}

/* The line saying how entry's mail went: sent, or not yet with the attempts and last answer. */
static void mail_state(hw *w, json_t *mail)
{
    const char *status = desk_js(mail, "status");
    if (!status) return;
    if (!strcmp(status, "sent")) {
        HW_RAW(w, "<p class=\"muted\">");
        hw_textf(w, "Emailed to %s, ", desk_js(mail, "rcpt"));
        hw_time(w, desk_js(mail, "sent_at"));
        HW_RAW(w, ".</p>");
        return;
    }
    HW_RAW(w, "<p class=\"error\">");
    hw_textf(w, "Not delivered to %s yet (%lld attempt%s)", desk_js(mail, "rcpt"),
             (long long)desk_ji(mail, "attempts"), desk_ji(mail, "attempts") == 1 ? "" : "s");
    const char *answer = desk_js(mail, "answer");
    if (answer && *answer) hw_textf(w, "; the mail server said: %s", answer);
    HW_RAW(w, ".</p>");
}

void page_forms_letter_mail(hw *w, const page_view *v, int64_t case_id, json_t *entry)
{
    static const char *const fields[] = {"pdf", "override", NULL};
    static const char *const yes_no[] = {"yes", "no", NULL};
    json_t *mail = json_object_get(entry, "mail");
    mail_state(w, mail);
    const char *status = desk_js(mail, "status");
    if (!json_is_true(json_object_get(entry, "letter")) || (status && !strcmp(status, "sent")))
        return;
    int64_t id = desk_ji(entry, "id");
    char action[96], name[48];
    snprintf(action, sizeof action, "/cases/%lld?entry=%lld", (long long)case_id, (long long)id);
    page_item_form(name, sizeof name, "letter_send", id);
    HW_RAW(w, "<details><summary>");
    hw_text(w, status ? "Try sending it again" : "Send it to the client by email");
    HW_RAW(w, "</summary>");
    form_open(w, v, action, name, fields);
    /* a retry sends the message first tried, with or without its PDF as it was */
    if (!status)
        form_select(w, v, name, "pdf", "Attach it as a PDF (kept as evidence)", yes_no, "yes");
    form_field(w, v, name, "override", "Reason to send during a cool-off or pause",
               "audited; leave empty unless you must", "text", NULL);
    form_close(w, status ? "Try again" : "Send by email");
    HW_RAW(w, "</details>");
}

void page_forms_commitment_split(hw *w, const page_view *v, int64_t case_id, json_t *commitment)
{
    static const char *const fields[] = {"part", NULL};
    int64_t id = desk_ji(commitment, "id");
    char action[96], name[48];
    snprintf(action, sizeof action, "/cases/%lld?commitment=%lld", (long long)case_id,
             (long long)id);
    page_item_form(name, sizeof name, "commitment_split", id);
    HW_RAW(w, "<details><summary>Split it into parts</summary>");
    form_open(w, v, action, name, fields);
    form_field(w, v, name, "part", "Parts, one a line",
               "TEXT:DUE, 2 to 9, none due after the commitment itself", "textarea", NULL);
    form_close(w, "Split");
    HW_RAW(w, "</details>");
}

rd_err *page_forms_case_form(rd_desk *d, int64_t case_id, const char *posted, page_arg_fn arg,
                             const void *ctx, char **location)
{
    char base[48];
    const char *form = page_form_base(posted, base, sizeof base);
    const char *ov = val(arg, ctx, "override");
    int64_t id = 0;
    rd_err *e = NULL;
    char cid[32];
    snprintf(cid, sizeof cid, "%lld", (long long)case_id);
    if (!strcmp(form, "escalate")) {
        desk_escalate_input in = {val(arg, ctx, "level"), val(arg, ctx, "reason"),
                                  val(arg, ctx, "mediator"), val(arg, ctx, "date"),
                                  val(arg, ctx, "weighed")};
        e = desk_escalate(d, case_id, &in, ov, &id);
    } else if (!strcmp(form, "escalation_proposal")) {
        e = item_id(arg, ctx, "escalation", &id);
        if (!e) e = desk_escalation_proposal(d, id, val(arg, ctx, "text"));
    } else if (!strcmp(form, "escalation_outcome")) {
        e = item_id(arg, ctx, "escalation", &id);
        if (!e) e = desk_escalation_outcome(d, id, val(arg, ctx, "text"), ov);
    } else if (!strcmp(form, "followup_edit")) {
        e = item_id(arg, ctx, "followup", &id);
        if (!e) e = desk_followup_edit(d, id, val(arg, ctx, "kind"), val(arg, ctx, "due"));
    } else if (!strcmp(form, "log_correct")) {
        desk_correct_input in = {val(arg, ctx, "subject"), val(arg, ctx, "body"),
                                 val(arg, ctx, "reason")};
        int64_t made = 0;
        e = item_id(arg, ctx, "entry", &id);
        if (!e) e = desk_log_correct(d, id, &in, &made);
    } else if (!strcmp(form, "letter_send")) {
        const char *pdf = val(arg, ctx, "pdf");
        desk_letter_send_input in = {ov, pdf && !strcmp(pdf, "yes")};
        json_t *out = NULL;
        e = item_id(arg, ctx, "entry", &id);
        if (!e && pdf && strcmp(pdf, "yes") != 0 && strcmp(pdf, "no") != 0)
            e = rd_error(RD_INVALID, "pdf: '%s' is not yes or no", pdf);
        if (!e) e = desk_letter_send(d, id, &in, &out);
        json_decref(out);
    } else if (!strcmp(form, "commitment_split")) {
        char *copy;
        const char **parts;
        int n = page_split_lines(arg(ctx, "part"), &copy, &parts);
        json_t *out = NULL;
        e = item_id(arg, ctx, "commitment", &id);
        if (!e) e = desk_commitment_split(d, id, parts, n, &out);
        json_decref(out);
        free(parts);
        free(copy);
    } else if (!strcmp(form, "log_add")) {
        json_t *k = NULL;
        e = desk_case_get(d, case_id, &k);
        char client[32];
        snprintf(client, sizeof client, "%lld", (long long)desk_ji(k, "client_id"));
        desk_log_input in = {client,
                             cid,
                             val(arg, ctx, "direction"),
                             val(arg, ctx, "channel"),
                             val(arg, ctx, "at"),
                             val(arg, ctx, "subject"),
                             val(arg, ctx, "body")};
        if (!e) e = desk_log_add(d, &in, &id);
        json_decref(k);
    } else if (!strcmp(form, "flag")) {
        desk_flag_input in = {val(arg, ctx, "hostility"),     val(arg, ctx, "abuse"),
                              val(arg, ctx, "legal_threat"),  val(arg, ctx, "review_threat"),
                              val(arg, ctx, "refund_demand"), val(arg, ctx, "payment_refusal")};
        e = desk_case_flag(d, case_id, &in);
    } else if (!strcmp(form, "time_add")) {
        json_t *k = NULL;
        e = desk_case_get(d, case_id, &k);
        char client[32];
        snprintf(client, sizeof client, "%lld", (long long)desk_ji(k, "client_id"));
        desk_time_input in = {client, cid, val(arg, ctx, "minutes"), val(arg, ctx, "note"),
                              val(arg, ctx, "on")};
        if (!e) e = desk_time_add(d, &in, &id);
        json_decref(k);
    } else {
        return rd_error(RD_INVALID, "form: '%s' is not a form of the case page", form);
    }
    char path[48];
    snprintf(path, sizeof path, "/cases/%lld", (long long)case_id);
    if (!e) *location = done_at(path, form);
    return e;
}

/* ---------------------------------------------------------------- an invoice's page */

/* One line of the facts list: <dt>term</dt><dd>money</dd>. */
static void fact_money(hw *w, const char *term, int64_t minor, const char *currency)
{
    HW_RAW(w, "<dt>");
    hw_text(w, term);
    HW_RAW(w, "</dt><dd>");
    hw_money(w, minor, currency);
    HW_RAW(w, "</dd>");
}

static void fact_text(hw *w, const char *term, const char *text)
{
    HW_RAW(w, "<dt>");
    hw_text(w, term);
    HW_RAW(w, "</dt><dd>");
    hw_text(w, text ? text : "—");
    HW_RAW(w, "</dd>");
}

static void invoice_facts(hw *w, json_t *inv)
{
    const char *cur = desk_js(inv, "currency");
    HW_RAW(w, "<section class=\"card\" id=\"facts\" aria-labelledby=\"facts-h\">"
              "<h2 id=\"facts-h\">What is owed</h2><dl class=\"facts\"><dt>Client</dt><dd>");
    hw_link_id(w, "/clients/", desk_ji(inv, "client_id"), desk_js(inv, "client_name"));
    HW_RAW(w, "</dd>");
    fact_text(w, "Project", desk_js(inv, "project_title"));
    fact_money(w, "Amount", desk_ji(inv, "amount"), cur);
    fact_money(w, "Paid", desk_ji(inv, "paid"), cur);
    fact_money(w, "Written off or credited", desk_ji(inv, "adjusted"), cur);
    fact_money(w, "Open", desk_ji(inv, "balance"), cur);
    fact_text(w, "Issued", desk_js(inv, "issued_on"));
    HW_RAW(w, "<dt>Due</dt><dd>");
    hw_text(w, desk_js(inv, "due_on"));
    if (json_is_true(json_object_get(inv, "overdue"))) {
        HW_RAW(w, " <span class=\"badge bad\">");
        hw_textf(w, "%lld days overdue", (long long)desk_ji(inv, "days_overdue"));
        HW_RAW(w, "</span>");
    }
    HW_RAW(w, "</dd><dt>Reminders sent</dt><dd>");
    hw_int(w, desk_ji(inv, "reminders"));
    HW_RAW(w, "</dd></dl><h3>Payments</h3><ul class=\"plain\">");
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(inv, "payments"), i, p)
    {
        HW_RAW(w, "<li>");
        hw_money(w, desk_ji(p, "amount"), cur);
        HW_RAW(w, " on ");
        hw_text(w, desk_js(p, "paid_on"));
        HW_RAW(w, "</li>");
    }
    if (!json_array_size(json_object_get(inv, "payments")))
        HW_RAW(w, "<li class=\"muted\">No payment yet.</li>");
    HW_RAW(w, "</ul></section>");
}

static void invoice_forms(hw *w, const page_view *v, rd_desk *d, json_t *inv, const char *act)
{
    /* a form with a preview lands on it: the browser scrolls the answer to #preview */
    char act_preview[64];
    snprintf(act_preview, sizeof act_preview, "%s#preview", act);
    static const char *const pay_fields[] = {"amount", "on", NULL};
    static const char *const remind_fields[] = {"channel", "override", NULL};
    static const char *const adjust_fields[] = {"kind", "amount", "number", "reason", NULL};
    static const char *const demand_fields[] = {"pursuit_cost", "deadline_days", "override", NULL};
    static const char *const adjust_kinds[] = {"write_off", "credit_note", NULL};
    static const char *const adjust_words[] = {"write-off", "credit note", NULL};
    int overdue = json_is_true(json_object_get(inv, "overdue"));
    const char *cur = overdue ? "remind" : NULL;
    HW_RAW(w, "<section class=\"card\" id=\"act\" aria-labelledby=\"act-h\">"
              "<h2 id=\"act-h\">Act on it</h2>");
    page_step_open(w, v, "pay", "Record a payment", cur);
    form_open(w, v, act, "pay", pay_fields);
    form_field(w, v, "pay", "amount", "Amount paid", "no more than what is open", "text", NULL);
    rd_timestr today;
    desk_today(today);
    form_field(w, v, "pay", "on", "Paid on", "YYYY-MM-DD", "date", today);
    form_close(w, "Record payment");
    HW_RAW(w, "</details>");

    page_step_open(w, v, "remind", "Send a payment reminder", cur);
    HW_RAW(w, "<p class=\"hint\">Written in your words. While a case of this client is open it "
              "says the conversation goes on; while one is paused or cooling off it waits, "
              "unless you say why it should go anyway.</p>");
    form_open(w, v, act_preview, "remind", remind_fields);
    form_select(w, v, "remind", "channel", "Sent by", desk_channels, "email");
    page_override_field(w, v, "remind");
    form_close_preview(w, "Preview", "Send reminder");
    preview_block(w, v, "remind");
    HW_RAW(w, "</details>");

    page_step_open(w, v, "adjust", "Write off or credit part of it", NULL);
    form_open(w, v, act, "adjust", adjust_fields);
    form_select_pairs(w, v, "adjust", "kind", "What", adjust_kinds, adjust_words, "write_off");
    form_field(w, v, "adjust", "amount", "Amount", "no more than what is open", "text", NULL);
    form_field(w, v, "adjust", "number", "Credit note number", "for a credit note, if it has one",
               "text", NULL);
    form_field(w, v, "adjust", "reason", "Why", "kept on record with the invoice", "text", NULL);
    form_close(w, "Record");
    HW_RAW(w, "</details>");

    page_step_open(w, v, "demand", "Demand letter (the last step before legal action)", NULL);
    json_t *missing = NULL;
    rd_err *e = desk_demand_prerequisites(d, desk_ji(inv, "id"), &missing);
    if (e) {
        rd_err_free(e);
    } else if (json_array_size(missing)) {
        HW_RAW(w, "<p>Not yet in place:</p><ul>");
        size_t i;
        json_t *m;
        json_array_foreach(missing, i, m)
        {
            HW_RAW(w, "<li>");
            hw_text(w, desk_js(m, "why"));
            HW_RAW(w, "</li>");
        }
        HW_RAW(w, "</ul>");
    } else {
        HW_RAW(w, "<p class=\"muted\">The contract's terms, a reminder and the offer of mediation "
                  "are in place.</p>");
    }
    json_decref(missing);
    form_open(w, v, act_preview, "demand", demand_fields);
    form_field(w, v, "demand", "pursuit_cost", "What pursuing it would cost you",
               "your estimate, for the cost-benefit line", "text", NULL);
    form_field(w, v, "demand", "deadline_days", "Days to pay", "from today; empty for 14", "number",
               NULL);
    page_override_field(w, v, "demand");
    form_close_preview(w, "Preview", "Write the demand letter");
    preview_block(w, v, "demand");
    HW_RAW(w, "</details></section>");
}

rd_err *page_invoice_body(rd_desk *d, int64_t id, const page_view *v, hw *w)
{
    json_t *inv = NULL;
    rd_err *e = desk_invoice_get(d, id, &inv);
    if (e) return e;
    char title[160], act[48];
    snprintf(title, sizeof title, "Invoice %s — %s",
             desk_js(inv, "number") ? desk_js(inv, "number") : "",
             desk_js(inv, "client_name") ? desk_js(inv, "client_name") : "");
    snprintf(act, sizeof act, "/invoices/%lld", (long long)id);
    page_open(w, v, title, "invoices");
    HW_RAW(w, "<h1>");
    hw_text(w, title);
    HW_RAW(w, "</h1>");
    invoice_facts(w, inv);
    if (desk_ji(inv, "balance") > 0) invoice_forms(w, v, d, inv, act);
    page_close(w);
    json_decref(inv);
    return NULL;
}

rd_err *http_invoice_name(rd_desk *d, int64_t id, char *ref, size_t n)
{
    json_t *inv = NULL;
    int64_t got = 0;
    rd_err *e = desk_invoice_get(d, id, &inv);
    if (e) return e;
    snprintf(ref, n, "%s", desk_js(inv, "number") ? desk_js(inv, "number") : "");
    json_decref(inv);
    e = *ref ? desk_invoice_ref(d, "invoice", ref, &got) : NULL;
    rd_err_free(e);
    if (got == id) return NULL;
    snprintf(ref, n, "%lld", (long long)id);
    got = 0;
    rd_err_free(desk_invoice_ref(d, "invoice", ref, &got));
    if (got == id) return NULL;
    return rd_error(RD_CONFLICT,
                    "invoice: invoice %lld cannot be named alone: its number is on several "
                    "projects and another invoice is numbered %lld",
                    (long long)id, (long long)id);
}

/* The demand letter as a preview: the desk call, rolled back. */
typedef struct demand_call {
    desk_demand_input in;
    json_t *out;
} demand_call;

static rd_err *demand_run(rd_desk *d, void *ctx)
{
    demand_call *c = ctx;
    return desk_letter_demand(d, &c->in, &c->out);
}

rd_err *page_invoice_form(rd_desk *d, int64_t id, page_arg_fn arg, const void *ctx, char **location,
                          char **preview)
{
    const char *form = arg(ctx, "form"), *ov = val(arg, ctx, "override");
    int preview_only = val(arg, ctx, "preview") != NULL;
    char ref[32], path[48];
    snprintf(ref, sizeof ref, "%lld", (long long)id);
    snprintf(path, sizeof path, "/invoices/%lld", (long long)id);
    int64_t made = 0;
    json_t *out = NULL;
    rd_err *e = NULL;
    if (!form) return rd_error(RD_INVALID, "form: missing");
    if ((e = http_invoice_name(d, id, ref, sizeof ref))) return e;
    if (!strcmp(form, "pay")) {
        desk_payment_input in = {ref, val(arg, ctx, "amount"), val(arg, ctx, "on")};
        e = desk_invoice_pay(d, &in, &made);
    } else if (!strcmp(form, "remind")) {
        desk_remind_input in = {preview_only, val(arg, ctx, "channel"), ov};
        e = desk_invoice_remind_with(d, id, &in, &out);
        if (!e && preview_only) *preview = xstrdup(desk_js(out, "text"));
    } else if (!strcmp(form, "adjust")) {
        desk_adjust_input in = {ref, val(arg, ctx, "kind"), val(arg, ctx, "amount"),
                                val(arg, ctx, "number"), val(arg, ctx, "reason")};
        e = desk_invoice_adjust(d, &in, &made);
    } else if (!strcmp(form, "demand")) {
        demand_call c = {{ref, val(arg, ctx, "pursuit_cost"), val(arg, ctx, "deadline_days"), ov},
                         NULL};
        e = preview_only ? rolled_back(d, demand_run, &c) : demand_run(d, &c);
        if (!e && preview_only)
            *preview =
                xasprintf("%s\n\n(%s)", desk_js(c.out, "letter"),
                          desk_js(c.out, "cost_benefit") ? desk_js(c.out, "cost_benefit") : "");
        json_decref(c.out);
    } else {
        e = rd_error(RD_INVALID, "form: '%s' is not a form of the invoice page", form);
    }
    json_decref(out);
    if (!e && !*preview) *location = done_at(path, form);
    return e;
}

/* ---------------------------------------------------------------- a client's page */

static void client_invoices(hw *w, rd_desk *d, int64_t client_id)
{
    json_t *rows = NULL;
    char cid[32];
    snprintf(cid, sizeof cid, "%lld", (long long)client_id);
    rd_page pg = {.limit = 50};
    rd_err *e = desk_invoice_list(d, cid, false, &pg, &rows);
    if (e) {
        rd_err_free(e);
        return;
    }
    HW_RAW(w, "<section class=\"card\" id=\"invoices\" aria-labelledby=\"inv-h\">"
              "<h2 id=\"inv-h\">Invoices</h2><ul class=\"plain\">");
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        char label[120];
        snprintf(label, sizeof label, "Invoice %s",
                 desk_js(r, "number") ? desk_js(r, "number") : "");
        HW_RAW(w, "<li>");
        hw_link_id(w, "/invoices/", desk_ji(r, "id"), label);
        HW_RAW(w, " · ");
        hw_money(w, desk_ji(r, "balance"), desk_js(r, "currency"));
        HW_RAW(w, " open of ");
        hw_money(w, desk_ji(r, "amount"), desk_js(r, "currency"));
        HW_RAW(w, ", due ");
        hw_text(w, desk_js(r, "due_on"));
        if (json_is_true(json_object_get(r, "overdue")))
            HW_RAW(w, " <span class=\"badge bad\">overdue</span>");
        HW_RAW(w, "</li>");
    }
    if (!json_array_size(rows)) HW_RAW(w, "<li class=\"muted\">No invoice.</li>");
    if (pg.next) {
        HW_RAW(w, "<li><a");
        hw_attrf(w, "href", "/invoices");
        HW_RAW(w, ">Every invoice</a></li>");
    }
    HW_RAW(w, "</ul></section>");
    json_decref(rows);
}

/* The revisions of the client's projects charged beyond the policy, each with a form that
 * reverses the charge. */
static void charged_revisions(hw *w, const page_view *v, rd_desk *d, json_t *projects,
                              const char *act)
{
    static const char *const fields[] = {"reason", NULL};
    size_t i, j;
    json_t *p, *r;
    int any = 0;
    json_array_foreach(projects, i, p)
    {
        json_t *list = NULL;
        rd_err *e = desk_revision_list(d, desk_ji(p, "id"), &list);
        if (e) {
            rd_err_free(e);
            continue;
        }
        json_array_foreach(json_object_get(list, "revisions"), j, r)
        {
            if (strcmp(desk_js(r, "charge") ? desk_js(r, "charge") : "", "charge") ||
                desk_js(r, "reversed_at"))
                continue;
            if (!any++)
                HW_RAW(w, "<h3>Revisions charged beyond the policy</h3><ul class=\"plain\">");
            char action[96], name[48];
            snprintf(action, sizeof action, "%s?revision=%lld", act, (long long)desk_ji(r, "id"));
            page_item_form(name, sizeof name, "revision_reverse", desk_ji(r, "id"));
            HW_RAW(w, "<li>");
            hw_text(w, desk_js(p, "title"));
            HW_RAW(w, ": ");
            hw_text(w, desk_js(r, "note") ? desk_js(r, "note") : "a revision");
            HW_RAW(w, " · ");
            hw_money(w, desk_ji(r, "price"), desk_js(r, "currency"));
            HW_RAW(w, "<details><summary>Reverse the charge</summary>");
            form_open(w, v, action, name, fields);
            form_field(w, v, name, "reason", "Why", "it stays counted; only its price goes", "text",
                       NULL);
            form_close(w, "Reverse");
            HW_RAW(w, "</details></li>");
        }
        json_decref(list);
    }
    if (any) HW_RAW(w, "</ul>");
}

static void client_new_work(hw *w, const page_view *v, rd_desk *d, json_t *c, const char *act)
{
    static const char *const case_fields[] = {"project", "channel", "received", "words", NULL};
    static const char *const project_fields[] = {
        "title",         "scope",     "deliverables",         "deadline", "price", "currency",
        "payment_terms", "revisions", "extra_revision_price", NULL};
    static const char *const invoice_fields[] = {"project", "number", "amount",
                                                 "issued",  "due",    NULL};
    static const char *const revision_fields[] = {"project", "note", "beyond", NULL};
    static const char *const beyond[] = {"", "charge", "waive", NULL};
    static const char *const beyond_words[] = {"within the policy", "charge for it",
                                               "do it for free, consciously", NULL};
    static const char *const time_fields[] = {"minutes", "on", "note", "case", NULL};
    static const char *const project_edit_fields[] = {"project",  "title",  "scope", "deliverables",
                                                      "deadline", "status", NULL};
    static const char *const project_status[] = {"", "active", "delivered", "cancelled", NULL};
    static const char *const amend_fields[] = {
        "project", "price",   "currency", "revisions", "extra_revision_price",
        "reason",  "channel", NULL};
    json_t *projects = json_object_get(c, "projects");
    HW_RAW(w, "<section class=\"card\" id=\"new\" aria-labelledby=\"new-h\">"
              "<h2 id=\"new-h\">New work and time</h2><p class=\"muted\">The screening above is "
              "what new work for this client should know first.</p>");
    page_step_open(w, v, "case_open", "Open a case for a complaint", NULL);
    form_open(w, v, act, "case_open", case_fields);
    form_rows(w, v, "case_open", "project", "Project", projects, "title", "no project", 0);
    form_select(w, v, "case_open", "channel", "Came by", desk_channels, "email");
    form_field(w, v, "case_open", "received", "Received", "YYYY-MM-DD HH:MM; empty for now", "text",
               NULL);
    form_field(w, v, "case_open", "words", "Their words", "triage reads them at once", "textarea",
               NULL);
    form_close(w, "Open case");
    HW_RAW(w, "</details>");

    page_step_open(w, v, "project_add", "Add a project: what is agreed", NULL);
    form_open(w, v, act, "project_add", project_fields);
    form_field(w, v, "project_add", "title", "Title", NULL, "text", NULL);
    form_field(w, v, "project_add", "scope", "Scope", "what is in, and what is not", "textarea",
               NULL);
    form_field(w, v, "project_add", "deliverables", "Deliverables", NULL, "text", NULL);
    form_field(w, v, "project_add", "deadline", "Deadline", "YYYY-MM-DD", "date", NULL);
    form_field(w, v, "project_add", "price", "Price", "e.g. 2,400.00", "text", NULL);
    form_field(w, v, "project_add", "currency", "Currency", "ISO code; empty for your currency",
               "text", NULL);
    form_field(w, v, "project_add", "payment_terms", "Payment terms in days", "empty for 30",
               "number", NULL);
    form_field(w, v, "project_add", "revisions", "Revisions included", "empty for 2", "number",
               NULL);
    form_field(w, v, "project_add", "extra_revision_price", "Price of an extra revision", NULL,
               "text", NULL);
    form_close(w, "Add project");
    HW_RAW(w, "</details>");

    if (json_array_size(projects)) {
        page_step_open(w, v, "invoice_add", "Record an invoice", NULL);
        form_open(w, v, act, "invoice_add", invoice_fields);
        form_rows(w, v, "invoice_add", "project", "Project", projects, "title", NULL, 0);
        form_field(w, v, "invoice_add", "number", "Number", "your invoice number, e.g. 2026-014",
                   "text", NULL);
        form_field(w, v, "invoice_add", "amount", "Amount", "in the project's currency", "text",
                   NULL);
        form_field(w, v, "invoice_add", "issued", "Issued", "YYYY-MM-DD", "date", NULL);
        form_field(w, v, "invoice_add", "due", "Due", "empty: issued plus the payment terms",
                   "date", NULL);
        form_close(w, "Record invoice");
        HW_RAW(w, "</details>");

        page_step_open(w, v, "revision", "Count a revision request", NULL);
        form_open(w, v, act, "revision", revision_fields);
        form_rows(w, v, "revision", "project", "Project", projects, "title", NULL, 0);
        form_field(w, v, "revision", "note", "What they asked for", NULL, "text", NULL);
        form_select_pairs(w, v, "revision", "beyond", "Beyond the included revisions", beyond,
                          beyond_words, "");
        form_close(w, "Count it");
        HW_RAW(w, "</details>");

        page_step_open(w, v, "project_amend",
                       "Amend what was agreed: price, currency, revisions included", NULL);
        form_open(w, v, act, "project_amend", amend_fields);
        HW_RAW(w, "<p class=\"hint\">Recorded beside the terms as first agreed, and logged to "
                  "the client; empty fields stay as they are.</p>");
        form_rows(w, v, "project_amend", "project", "Project", projects, "title", NULL, 0);
        form_field(w, v, "project_amend", "price", "New price", NULL, "text", NULL);
        form_field(w, v, "project_amend", "currency", "New currency", "ISO code", "text", NULL);
        form_field(w, v, "project_amend", "revisions", "Revisions included", NULL, "number", NULL);
        form_field(w, v, "project_amend", "extra_revision_price", "Price of an extra revision",
                   NULL, "text", NULL);
        form_field(w, v, "project_amend", "reason", "Why, as agreed with the client", NULL, "text",
                   NULL);
        form_select(w, v, "project_amend", "channel", "Agreed by", desk_channels, "email");
        form_close(w, "Record the amendment");
        HW_RAW(w, "</details>");
        charged_revisions(w, v, d, projects, act);

        page_step_open(w, v, "project_edit", "Change a project, or mark it delivered", NULL);
        form_open(w, v, act, "project_edit", project_edit_fields);
        HW_RAW(w, "<p class=\"hint\">Empty fields stay as they are; the price and the revision "
                  "policy stay as agreed.</p>");
        form_rows(w, v, "project_edit", "project", "Project", projects, "title", NULL, 0);
        form_field(w, v, "project_edit", "title", "Title", NULL, "text", NULL);
        form_field(w, v, "project_edit", "scope", "Scope", NULL, "textarea", NULL);
        form_field(w, v, "project_edit", "deliverables", "Deliverables", NULL, "text", NULL);
        form_field(w, v, "project_edit", "deadline", "Deadline", "YYYY-MM-DD", "date", NULL);
        form_select(w, v, "project_edit", "status", "Status", project_status, "");
        form_close(w, "Save project");
        HW_RAW(w, "</details>");
    }

    page_step_open(w, v, "time_add", "Log time spent on this client", NULL);
    form_open(w, v, act, "time_add", time_fields);
    form_field(w, v, "time_add", "minutes", "How long", "90, 45m, 1h30 or 1.5h", "text", NULL);
    form_field(w, v, "time_add", "on", "On", "YYYY-MM-DD; empty for today", "date", NULL);
    form_field(w, v, "time_add", "note", "What for", NULL, "text", NULL);
    form_rows(w, v, "time_add", "case", "Case", json_object_get(c, "cases"), NULL, "no case", 0);
    form_close(w, "Log time");
    HW_RAW(w, "</details>");
    HW_RAW(w, "</section>");
}

static void client_edit(hw *w, const page_view *v, json_t *c, const char *act)
{
    static const char *const fields[] = {"name", "email", "phone", "company", "notes", NULL};
    page_step_open(w, v, "client_edit", "Change their details", NULL);
    form_open(w, v, act, "client_edit", fields);
    form_field(w, v, "client_edit", "name", "Name", NULL, "text", desk_js(c, "name"));
    form_field(w, v, "client_edit", "email", "E-mail", "empty clears it", "email",
               desk_js(c, "email") ? desk_js(c, "email") : "");
    form_field(w, v, "client_edit", "phone", "Phone", "empty clears it", "text",
               desk_js(c, "phone") ? desk_js(c, "phone") : "");
    form_field(w, v, "client_edit", "company", "Company", NULL, "text",
               desk_js(c, "company") ? desk_js(c, "company") : "");
    form_field(w, v, "client_edit", "notes", "Notes", NULL, "textarea",
               desk_js(c, "notes") ? desk_js(c, "notes") : "");
    form_close(w, "Save");
    HW_RAW(w, "</details>");
}

static void client_walk_away(hw *w, const page_view *v, rd_desk *d, int64_t client_id,
                             const char *act)
{
    static const char *const handover_fields[] = {"note", NULL};
    static const char *const fields[] = {"reasons", "referral", "override", NULL};
    json_t *chk = NULL;
    rd_err *e = desk_terminate_check(d, client_id, &chk);
    if (e) {
        rd_err_free(e);
        return;
    }
    HW_RAW(w, "<section class=\"card\" id=\"walk-away\" aria-labelledby=\"walk-h\">"
              "<h2 id=\"walk-h\">Walking away</h2>");
    if (!strcmp(desk_js(chk, "status") ? desk_js(chk, "status") : "", "terminated")) {
        HW_RAW(w, "<p><span class=\"badge bad\">terminated</span> New work for them warns "
                  "first.</p></section>");
        json_decref(chk);
        return;
    }
    HW_RAW(w, "<p class=\"muted\">Every open obligation is fulfilled or handed over before the "
              "notice goes out.</p><ul class=\"plain\">");
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(chk, "items"), i, it)
    {
        char action[128];
        snprintf(action, sizeof action, "%s?item=%s:%lld", act, desk_js(it, "item"),
                 (long long)desk_ji(it, "id"));
        HW_RAW(w, "<li>");
        hw_text(w, desk_js(it, "what"));
        HW_RAW(w, "<details><summary>Hand it over</summary>");
        char name[48];
        page_item_form(name, sizeof name, "handover", (int64_t)i + 1);
        form_open(w, v, action, name, handover_fields);
        form_field(w, v, name, "note", "To whom, or how", NULL, "text", NULL);
        form_close(w, "Handed over");
        HW_RAW(w, "</details></li>");
    }
    if (!json_array_size(json_object_get(chk, "items")))
        HW_RAW(w, "<li class=\"muted\">Nothing is open.</li>");
    HW_RAW(w, "</ul>");
    page_step_open(w, v, "terminate", "End the relationship", NULL);
    char act_preview[64];
    snprintf(act_preview, sizeof act_preview, "%s#preview", act);
    form_open(w, v, act_preview, "terminate", fields);
    form_field(w, v, "terminate", "reasons", "Reasons, one a line", "the notice cites them",
               "textarea", NULL);
    form_field(w, v, "terminate", "referral", "Who they can go to instead", NULL, "text", NULL);
    page_override_field(w, v, "terminate");
    form_close_preview(w, "Preview the notice", "End it and write the notice");
    preview_block(w, v, "terminate");
    HW_RAW(w, "</details></section>");
    json_decref(chk);
}

/* Erasure on the client's request: what goes and what stays said first; the client's name typed
 * again confirms it, since it cannot be undone. An erased client shows when it was done. */
static void client_erase(hw *w, const page_view *v, json_t *c, const char *act)
{
    static const char *const fields[] = {"reason", "confirm", NULL};
    if (desk_js(c, "erased_at")) {
        HW_RAW(w, "<p class=\"muted\">Their personal data was erased on request on ");
        hw_time(w, desk_js(c, "erased_at"));
        HW_RAW(w, ".</p>");
        return;
    }
    page_step_open(w, v, "client_erase", "Erase their personal data (on their request)", NULL);
    HW_RAW(w, "<p>Erasing removes their name, e-mail, phone, company and notes; the words of "
              "their complaints, concerns, feedback and mail, and the addresses in their mail's "
              "headers. What stays: the dates, amounts, stages and outcomes of their cases and "
              "invoices, so your figures and reports still add up; your own texts (drafts, "
              "notes, lessons: edit them if they name the client) and the files kept as "
              "evidence. The log and the audit trail still verify. It cannot be undone.</p>");
    form_open(w, v, act, "client_erase", fields);
    form_field(w, v, "client_erase", "reason", "Why",
               "kept in the audit trail, e.g. \"erasure request by e-mail of 30 November\"", "text",
               NULL);
    form_field(w, v, "client_erase", "confirm", "Type their name to confirm", desk_js(c, "name"),
               "text", NULL);
    form_close(w, "Erase their personal data");
    HW_RAW(w, "</details>");
}

void page_forms_client_sections(hw *w, const page_view *v, rd_desk *d, json_t *c, int64_t client_id)
{
    char act[48];
    snprintf(act, sizeof act, "/clients/%lld", (long long)client_id);
    client_invoices(w, d, client_id);
    client_new_work(w, v, d, c, act);
    HW_RAW(w, "<section class=\"card\" id=\"details\" aria-labelledby=\"details-h\">"
              "<h2 id=\"details-h\">Their details</h2>");
    client_edit(w, v, c, act);
    client_erase(w, v, c, act);
    HW_RAW(w, "</section>");
    client_walk_away(w, v, d, client_id, act);
}

/* The notice as a preview: the desk call, rolled back. */
typedef struct terminate_call {
    desk_terminate_input in;
    json_t *out;
} terminate_call;

static rd_err *terminate_run(rd_desk *d, void *ctx)
{
    terminate_call *c = ctx;
    return desk_terminate_confirm(d, &c->in, &c->out);
}

/* Erasure is confirmed by typing the client's name as the desk has it (spaces around ignored). */
static rd_err *erase_confirmed(rd_desk *d, int64_t client_id, const char *typed)
{
    json_t *c = NULL;
    rd_err *e = desk_client_get(d, client_id, &c);
    if (e) return e;
    const char *name = desk_js(c, "name");
    size_t n = typed ? strlen(typed) : 0;
    while (typed && n && typed[n - 1] == ' ')
        n--;
    while (typed && n && *typed == ' ') {
        typed++;
        n--;
    }
    if (!typed || !name || strlen(name) != n || strncmp(name, typed, n) != 0)
        e = rd_error(RD_INVALID, "confirm: type the client's name, %s, to confirm the erasure",
                     name ? name : "");
    json_decref(c);
    return e;
}

rd_err *page_client_form(rd_desk *d, int64_t client_id, page_arg_fn arg, const void *ctx,
                         char **location, char **preview)
{
    char base[48];
    const char *form =
        arg(ctx, "form") ? page_form_base(arg(ctx, "form"), base, sizeof base) : NULL;
    char cid[32], path[48];
    snprintf(cid, sizeof cid, "%lld", (long long)client_id);
    snprintf(path, sizeof path, "/clients/%lld", (long long)client_id);
    int64_t id = 0;
    json_t *out = NULL;
    rd_err *e = NULL;
    if (!form) return rd_error(RD_INVALID, "form: missing");
    if (!strcmp(form, "case_open")) {
        desk_case_input in = {cid, val(arg, ctx, "project"), val(arg, ctx, "channel"),
                              val(arg, ctx, "received"), val(arg, ctx, "words")};
        e = desk_case_open(d, &in, &id);
        if (!e) *location = xasprintf("/cases/%lld?done=case_open", (long long)id);
    } else if (!strcmp(form, "project_add")) {
        desk_project_input in = {cid,
                                 val(arg, ctx, "title"),
                                 val(arg, ctx, "scope"),
                                 val(arg, ctx, "deliverables"),
                                 val(arg, ctx, "deadline"),
                                 val(arg, ctx, "price"),
                                 val(arg, ctx, "currency"),
                                 val(arg, ctx, "payment_terms"),
                                 val(arg, ctx, "revisions"),
                                 val(arg, ctx, "extra_revision_price")};
        e = desk_project_add(d, &in, &id);
    } else if (!strcmp(form, "invoice_add")) {
        desk_invoice_input in = {val(arg, ctx, "project"), val(arg, ctx, "number"),
                                 val(arg, ctx, "amount"), val(arg, ctx, "issued"),
                                 val(arg, ctx, "due")};
        e = desk_invoice_add(d, &in, &id);
        if (!e) *location = xasprintf("/invoices/%lld?done=invoice_add", (long long)id);
    } else if (!strcmp(form, "revision")) {
        const char *b = val(arg, ctx, "beyond");
        desk_revision_input in = {val(arg, ctx, "project"), val(arg, ctx, "note"),
                                  b && !strcmp(b, "charge"), b && !strcmp(b, "waive")};
        if (b && strcmp(b, "charge") && strcmp(b, "waive"))
            e = rd_error(RD_INVALID, "beyond: '%s' is not charge or waive", b);
        if (!e) e = desk_revision_add(d, &in, &out);
    } else if (!strcmp(form, "project_amend")) {
        desk_amend_input in = {val(arg, ctx, "price"),     val(arg, ctx, "currency"),
                               val(arg, ctx, "revisions"), val(arg, ctx, "extra_revision_price"),
                               val(arg, ctx, "reason"),    val(arg, ctx, "channel")};
        e = item_id(arg, ctx, "project", &id);
        if (!e) e = desk_project_amend(d, id, &in, &out);
    } else if (!strcmp(form, "revision_reverse")) {
        e = item_id(arg, ctx, "revision", &id);
        if (!e) e = desk_revision_reverse(d, id, val(arg, ctx, "reason"), &out);
    } else if (!strcmp(form, "project_edit")) {
        desk_project_change c = {val(arg, ctx, "title"), val(arg, ctx, "scope"),
                                 val(arg, ctx, "deliverables"), val(arg, ctx, "deadline"),
                                 val(arg, ctx, "status")};
        e = item_id(arg, ctx, "project", &id);
        if (!e) e = desk_project_edit(d, id, &c);
    } else if (!strcmp(form, "time_add")) {
        desk_time_input in = {cid, val(arg, ctx, "case"), val(arg, ctx, "minutes"),
                              val(arg, ctx, "note"), val(arg, ctx, "on")};
        e = desk_time_add(d, &in, &id);
    } else if (!strcmp(form, "client_edit")) {
        /* every field is on the form: blank clears an optional one, the name stays required */
        desk_client_input f = {arg(ctx, "name") ? arg(ctx, "name") : "",
                               arg(ctx, "email"),
                               arg(ctx, "phone"),
                               arg(ctx, "company"),
                               arg(ctx, "notes"),
                               NULL};
        e = desk_client_edit(d, client_id, &f);
    } else if (!strcmp(form, "client_erase")) {
        e = erase_confirmed(d, client_id, val(arg, ctx, "confirm"));
        if (!e) e = desk_client_erase(d, client_id, val(arg, ctx, "reason"), &out);
    } else if (!strcmp(form, "handover")) {
        desk_handover_input in = {cid, val(arg, ctx, "item"), val(arg, ctx, "note")};
        e = desk_terminate_handover(d, &in, &id);
    } else if (!strcmp(form, "terminate")) {
        char *copy;
        const char **reasons;
        int n = page_split_lines(arg(ctx, "reasons"), &copy, &reasons);
        terminate_call c = {{cid, reasons, n, val(arg, ctx, "referral"), val(arg, ctx, "override")},
                            NULL};
        int preview_only = val(arg, ctx, "preview") != NULL;
        e = preview_only ? rolled_back(d, terminate_run, &c) : terminate_run(d, &c);
        if (!e && preview_only) *preview = xstrdup(desk_js(c.out, "notice"));
        json_decref(c.out);
        free(reasons);
        free(copy);
    } else {
        e = rd_error(RD_INVALID, "form: '%s' is not a form of the client page", form);
    }
    json_decref(out);
    if (!e && !*location && !*preview) *location = done_at(path, form);
    return e;
}

/* ---------------------------------------------------------------- the invoices page */

void page_forms_refunds(hw *w, const page_view *v, rd_desk *d)
{
    static const char *const fields[] = {"on", NULL};
    json_t *rows = NULL;
    rd_page pg = {.limit = 50};
    rd_err *e = desk_refund_list(d, 1, &pg, &rows);
    if (e) {
        rd_err_free(e);
        return;
    }
    rd_timestr today;
    desk_today(today);
    HW_RAW(w, "<section class=\"card\" id=\"refunds\" aria-labelledby=\"refunds-h\">"
              "<h2 id=\"refunds-h\">Refunds and discounts still to pay</h2><ul class=\"plain\">");
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        char action[64];
        snprintf(action, sizeof action, "/invoices?refund=%lld", (long long)desk_ji(r, "id"));
        HW_RAW(w, "<li>");
        hw_money(w, desk_ji(r, "amount"), desk_js(r, "currency"));
        HW_RAW(w, " ");
        hw_text(w, desk_js(r, "kind"));
        HW_RAW(w, " to ");
        hw_text(w, desk_js(r, "client_name"));
        HW_RAW(w, " (");
        hw_case_link(w, desk_ji(r, "case_id"));
        HW_RAW(w, ")<details><summary>Mark it paid</summary>");
        char name[48];
        page_item_form(name, sizeof name, "refund_paid", desk_ji(r, "id"));
        form_open(w, v, action, name, fields);
        form_field(w, v, name, "on", "Paid on", "YYYY-MM-DD", "date", today);
        form_close(w, "Paid");
        HW_RAW(w, "</details></li>");
    }
    if (!json_array_size(rows)) HW_RAW(w, "<li class=\"muted\">Nothing is waiting.</li>");
    HW_RAW(w, "</ul></section>");
    json_decref(rows);
}

rd_err *page_invoices_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location)
{
    char base[48];
    const char *form =
        arg(ctx, "form") ? page_form_base(arg(ctx, "form"), base, sizeof base) : NULL;
    int64_t id = 0;
    rd_err *e = NULL;
    if (!form || strcmp(form, "refund_paid"))
        return rd_error(RD_INVALID, "form: '%s' is not a form of the invoices page",
                        form ? form : "");
    e = item_id(arg, ctx, "refund", &id);
    if (!e) e = desk_refund_paid(d, id, val(arg, ctx, "on"));
    if (!e) *location = done_at("/invoices", form);
    return e;
}

/* ---------------------------------------------------------------- clients, lessons */

void page_forms_client_add(hw *w, const page_view *v)
{
    static const char *const fields[] = {"name", "email", "phone", "company", "notes", NULL};
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"add-h\"><h2 id=\"add-h\">A new "
              "client</h2>");
    page_step_open(w, v, "client_add", "Add a client", NULL);
    form_open(w, v, "/clients", "client_add", fields);
    form_field(w, v, "client_add", "name", "Name", NULL, "text", NULL);
    form_field(w, v, "client_add", "email", "E-mail", NULL, "email", NULL);
    form_field(w, v, "client_add", "phone", "Phone", NULL, "text", NULL);
    form_field(w, v, "client_add", "company", "Company", NULL, "text", NULL);
    form_field(w, v, "client_add", "notes", "Notes", NULL, "textarea", NULL);
    form_close(w, "Add client");
    HW_RAW(w, "</details></section>");
}

rd_err *page_clients_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location)
{
    const char *form = arg(ctx, "form");
    if (!form || strcmp(form, "client_add"))
        return rd_error(RD_INVALID, "form: '%s' is not a form of the clients page",
                        form ? form : "");
    desk_client_input f = {val(arg, ctx, "name"),    val(arg, ctx, "email"), val(arg, ctx, "phone"),
                           val(arg, ctx, "company"), val(arg, ctx, "notes"), NULL};
    int64_t id = 0;
    rd_err *e = desk_client_add(d, &f, &id);
    if (!e) *location = xasprintf("/clients/%lld?done=client_add", (long long)id);
    return e;
}

void page_forms_lesson(hw *w, const page_view *v, json_t *lesson)
{
    static const char *const fields[] = {"text", NULL};
    int64_t id = desk_ji(lesson, "id");
    char action[64];
    snprintf(action, sizeof action, "/lessons?lesson=%lld", (long long)id);
    if (desk_js(lesson, "differently")) {
        HW_RAW(w, "<p>You will do differently: ");
        hw_text(w, desk_js(lesson, "differently"));
        HW_RAW(w, "</p>");
    }
    HW_RAW(w, "<div class=\"actions\">");
    if (!desk_ji(lesson, "change_made"))
        form_button(w, v, action, "lesson_done", "The change is made", "secondary");
    HW_RAW(w, "</div><details><summary>What you will do differently yourself</summary>");
    char name[48];
    page_item_form(name, sizeof name, "differently", id);
    form_open(w, v, action, name, fields);
    form_field(w, v, name, "text", "What you will do differently", NULL, "text",
               desk_js(lesson, "differently"));
    form_close(w, "Save");
    HW_RAW(w, "</details>");
}

rd_err *page_lessons_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location)
{
    char base[48];
    const char *form =
        arg(ctx, "form") ? page_form_base(arg(ctx, "form"), base, sizeof base) : NULL;
    int64_t id = 0;
    rd_err *e = item_id(arg, ctx, "lesson", &id);
    if (!e && form && !strcmp(form, "lesson_done"))
        e = desk_lesson_done(d, id);
    else if (!e && form && !strcmp(form, "differently"))
        e = desk_lesson_differently(d, id, val(arg, ctx, "text"));
    else if (!e)
        e = rd_error(RD_INVALID, "form: '%s' is not a form of the lessons page", form ? form : "");
    if (!e) *location = done_at("/lessons", form);
    return e;
}

/* ---------------------------------------------------------------- the route handlers */

static const char *req_arg(const void *ctx, const char *name)
{
    return http_arg(ctx, name);
}

typedef rd_err *(*one_body)(rd_desk *d, int64_t id, const page_view *v, hw *w);

static rd_err *clients_body(rd_desk *d, int64_t id, const page_view *v, hw *w)
{
    (void)id;
    return page_clients_body(d, v, w);
}

static rd_err *invoices_body(rd_desk *d, int64_t id, const page_view *v, hw *w)
{
    (void)id;
    return page_invoices_body(d, v, w);
}

static rd_err *lessons_body(rd_desk *d, int64_t id, const page_view *v, hw *w)
{
    (void)id;
    return page_lessons_body(d, v, w);
}

static rd_err *reviews_body(rd_desk *d, int64_t id, const page_view *v, hw *w)
{
    (void)id;
    return page_reviews_body(d, v, w);
}

static rd_err *surveys_body(rd_desk *d, int64_t id, const page_view *v, hw *w)
{
    (void)id;
    return page_surveys_body(d, v, w);
}

/* Renders body for id. With why (taken), the page of a refused form: its error beside the
 * field, what was typed kept, the error's status; with preview (taken), the page of a preview
 * under its form. */
static rd_err *show(http_req *rq, http_resp *rs, one_body body, int64_t id, const char *notice,
                    rd_err *why, char *preview)
{
    page_view v = {.user = rq->user, .csrf = rq->csrf, .query = rq->query, .notice = notice};
    if (why || preview) {
        v.failed = http_arg(rq, "form");
        v.form = rq->form;
        v.err = why;
        v.preview = preview;
        rs->status = why ? rd_err_http_status(why) : 200;
    }
    hw w;
    hw_begin(&w, &rs->body);
    rd_err *e = body(rq->desk, id, &v, &w);
    rd_err *we = hw_end(&w);
    rd_err_free(why);
    free(preview);
    if (e) {
        rd_err_free(we);
        rs->body.len = 0;
        return e;
    }
    return we;
}

/* The answer to a posted form: a redirect to location, or the page again. */
static rd_err *posted(http_req *rq, http_resp *rs, rd_err *e, char *location, char *preview,
                      one_body body, int64_t id)
{
    if (!e && location) {
        http_redirect(rs, location);
        free(location);
        free(preview);
        return NULL;
    }
    free(location);
    return show(rq, rs, body, id, NULL, e, preview);
}

rd_err *page_invoice(http_req *rq, http_resp *rs)
{
    int64_t id;
    rd_err *e = http_arg_id(rq, "id", &id);
    return e ? e
             : show(rq, rs, page_invoice_body, id, page_forms_notice(http_arg(rq, "done")), NULL,
                    NULL);
}

typedef rd_err *(*entity_form)(rd_desk *d, int64_t id, page_arg_fn arg, const void *ctx,
                               char **location, char **preview);

/* A form posted to the page of one thing (/invoices/{id}, /clients/{id}). */
static rd_err *entity_post(http_req *rq, http_resp *rs, entity_form form, one_body body)
{
    int64_t id;
    char *location = NULL, *preview = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (e) return e;
    e = form(rq->desk, id, req_arg, rq, &location, &preview);
    return posted(rq, rs, e, location, preview, body, id);
}

rd_err *page_invoice_post(http_req *rq, http_resp *rs)
{
    return entity_post(rq, rs, page_invoice_form, page_invoice_body);
}

rd_err *page_client_post(http_req *rq, http_resp *rs)
{
    return entity_post(rq, rs, page_client_form, page_client_body);
}

typedef rd_err *(*list_form)(rd_desk *d, page_arg_fn arg, const void *ctx, char **location);

/* A form posted to a list page (/clients, /invoices, /lessons, /reviews). */
static rd_err *list_post(http_req *rq, http_resp *rs, list_form form, one_body body)
{
    char *location = NULL;
    rd_err *e = form(rq->desk, req_arg, rq, &location);
    return posted(rq, rs, e, location, NULL, body, 0);
}

rd_err *page_clients_post(http_req *rq, http_resp *rs)
{
    return list_post(rq, rs, page_clients_form, clients_body);
}

rd_err *page_invoices_post(http_req *rq, http_resp *rs)
{
    return list_post(rq, rs, page_invoices_form, invoices_body);
}

rd_err *page_lessons_post(http_req *rq, http_resp *rs)
{
    return list_post(rq, rs, page_lessons_form, lessons_body);
}

rd_err *page_reviews(http_req *rq, http_resp *rs)
{
    return show(rq, rs, reviews_body, 0, page_forms_notice(http_arg(rq, "done")), NULL, NULL);
}

rd_err *page_reviews_post(http_req *rq, http_resp *rs)
{
    return list_post(rq, rs, page_reviews_form, reviews_body);
}

rd_err *page_surveys(http_req *rq, http_resp *rs)
{
    return show(rq, rs, surveys_body, 0, page_forms_notice(http_arg(rq, "done")), NULL, NULL);
}

rd_err *page_surveys_post(http_req *rq, http_resp *rs)
{
    char *location = NULL, *links = NULL;
    /* the links go to clients whole: this server's address as the browser reached it (the
     * server has already checked the Host header) */
    const char *host = http_header(rq, "Host");
    char *origin = xasprintf("%s://%s", rq->secure ? "https" : "http", host ? host : "");
    rd_err *e = page_surveys_form(rq->desk, origin, req_arg, rq, &location, &links);
    free(origin);
    return posted(rq, rs, e, location, links, surveys_body, 0);
}
