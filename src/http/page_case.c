/* page_case.c — the case page: everything about one complaint on one screen, in the order the
 * playbook walks it (the client's words, the next step, concerns, acknowledgement, the real
 * problem, the restatement, offers, commitments, follow-ups, replies, closing), with a form for
 * each step; and the handler of those forms, each one desk call. */
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- highlighted text */

typedef struct span {
    size_t from, to;   /* byte offsets into the text */
    const char *label; /* what was found ("review_threat", "conditional-apology") */
    const char *cls;   /* mark class: "", "threat", "error", "warning" */
    const char *tip;   /* the explanation shown on hover and focus, or NULL */
} span;

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Writes text with each span as a <mark>; overlapping spans are cut at their edges and each
 * piece is marked by the narrowest span over it. Spans outside the text are ignored. */
static void hw_marked(hw *w, const char *text, span *spans, size_t n)
{
    size_t len = strlen(text), ncut = 0;
    size_t *cuts = xcalloc(2 * n + 2, sizeof *cuts);
    cuts[ncut++] = 0;
    cuts[ncut++] = len;
    for (size_t i = 0; i < n; i++) {
        if (spans[i].from >= spans[i].to || spans[i].to > len) continue;
        cuts[ncut++] = spans[i].from;
        cuts[ncut++] = spans[i].to;
    }
    qsort(cuts, ncut, sizeof *cuts, cmp_size);
    for (size_t c = 0; c + 1 < ncut; c++) {
        size_t from = cuts[c], to = cuts[c + 1];
        if (from == to) continue;
        const span *best = NULL;
        for (size_t i = 0; i < n; i++) {
            const span *s = &spans[i];
            if (s->from <= from && s->to >= to && s->to <= len &&
                (!best || s->to - s->from < best->to - best->from))
                best = s;
        }
        if (!best) {
            hw_textn(w, text + from, to - from);
            continue;
        }
        HW_RAW(w, "<mark");
        hw_attrf(w, "class", "%s%s", best->tip ? "tone " : "", best->cls);
        hw_attr(w, "data-rule", best->label);
        if (best->tip) {
            HW_RAW(w, " tabindex=\"0\"");
        } else {
            hw_attr(w, "title", best->label);
        }
        HW_RAW(w, ">");
        hw_textn(w, text + from, to - from);
        if (best->tip) {
            HW_RAW(w, "<span class=\"tip\" role=\"tooltip\">");
            hw_text(w, best->tip);
            HW_RAW(w, "</span>");
        }
        HW_RAW(w, "</mark>");
    }
    free(cuts);
}

/* The client's words with what triage found in them. */
static void words_with_triage(hw *w, const char *words, json_t *findings)
{
    size_t n = json_array_size(findings);
    span *spans = xcalloc(n + 1, sizeof *spans);
    for (size_t i = 0; i < n; i++) {
        json_t *f = json_array_get(findings, i);
        const char *kind = desk_js(f, "kind");
        spans[i].from = (size_t)desk_ji(f, "start");
        spans[i].to = (size_t)desk_ji(f, "end");
        spans[i].label = kind;
        spans[i].cls = kind && (strstr(kind, "threat") || !strcmp(kind, "abuse")) ? "threat" : "";
    }
    HW_RAW(w, "<blockquote class=\"words\">");
    hw_marked(w, words, spans, n);
    HW_RAW(w, "</blockquote>");
    free(spans);
}

/* A reply with what the tone check found (tone: {diagnostics: [...]}). */
static void reply_with_tone(hw *w, const char *text, json_t *tone)
{
    json_t *diags = json_object_get(tone, "diagnostics");
    size_t n = json_array_size(diags);
    span *spans = xcalloc(n + 1, sizeof *spans);
    char **tips = xcalloc(n + 1, sizeof *tips);
    for (size_t i = 0; i < n; i++) {
        json_t *d = json_array_get(diags, i);
        const char *sugg = desk_js(d, "suggestion");
        tips[i] = xasprintf("%s%s%s", desk_js(d, "message") ? desk_js(d, "message") : "",
                            sugg ? " — " : "", sugg ? sugg : "");
        spans[i].from = (size_t)desk_ji(d, "start");
        spans[i].to = (size_t)desk_ji(d, "end");
        spans[i].label = desk_js(d, "rule");
        spans[i].cls = desk_js(d, "severity") ? desk_js(d, "severity") : "";
        spans[i].tip = tips[i];
    }
    hw_marked(w, text, spans, n);
    for (size_t i = 0; i < n; i++)
        free(tips[i]);
    free(tips);
    free(spans);
}

/* ---------------------------------------------------------------- sections */

static void section_open(hw *w, const char *id, const char *title)
{
    HW_RAW(w, "<section class=\"card\"");
    hw_attr(w, "id", id);
    hw_attrf(w, "aria-labelledby", "%s-h", id);
    HW_RAW(w, "><h2");
    hw_attrf(w, "id", "%s-h", id);
    HW_RAW(w, ">");
    hw_text(w, title);
    HW_RAW(w, "</h2>");
}

/* A step's form folded under its name; unfolded when it is the next step (cur) or was just
 * refused, so the page shows what to do now and keeps the rest one click away. */
static void step_open(hw *w, const page_view *v, const char *id, const char *summary,
                      const char *cur)
{
    int open = (cur && !strcmp(cur, id)) || (v->failed && !strcmp(v->failed, id));
    HW_RAW(w, "<details class=\"step\"");
    hw_attr(w, "id", id);
    hw_flag(w, "open", open);
    HW_RAW(w, "><summary>");
    hw_text(w, summary);
    HW_RAW(w, "</summary>");
}

static void override_field(hw *w, const page_view *v, const char *form)
{
    HW_RAW(w, "<details><summary>Go ahead anyway</summary>");
    form_field(w, v, form, "override", "Reason to go ahead", "audited; only when you must", "text",
               NULL);
    HW_RAW(w, "</details>");
}

static void stage_bar(hw *w, const char *stage)
{
    int current = -1;
    for (int i = 0; desk_stages[i]; i++)
        if (stage && !strcmp(stage, desk_stages[i])) current = i;
    HW_RAW(w, "<ol class=\"stages\" aria-label=\"Stage\">");
    for (int i = 0; desk_stages[i] && strcmp(desk_stages[i], "escalated"); i++) {
        HW_RAW(w, "<li");
        if (i == current)
            HW_RAW(w, " aria-current=\"step\"");
        else if (i < current)
            HW_RAW(w, " class=\"done\"");
        HW_RAW(w, ">");
        hw_text(w, desk_stages[i]);
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ol>");
    if (current >= 0 && (!strcmp(stage, "escalated") || !strcmp(stage, "terminated"))) {
        HW_RAW(w, "<p><span class=\"badge bad\">");
        hw_text(w, stage);
        HW_RAW(w, "</span></p>");
    }
}

static void section_next(hw *w, const page_view *v, json_t *next, int64_t case_id)
{
    HW_RAW(w, "<section class=\"card next\" id=\"next\" aria-labelledby=\"next-h\">"
              "<h2 id=\"next-h\">Next step</h2><p><strong>");
    hw_text(w, desk_js(next, "step"));
    HW_RAW(w, "</strong></p><p class=\"why\">Why: ");
    hw_text(w, desk_js(next, "why"));
    HW_RAW(w, "</p>");
    json_t *call = json_object_get(next, "call_instead");
    if (json_is_object(call)) {
        HW_RAW(w, "<p><span class=\"badge warn\">call instead</span> ");
        hw_text(w, desk_js(call, "why"));
        HW_RAW(w, " ");
        hw_contact(w, "tel", desk_js(json_object_get(next, "contact"), "phone"), "Call ");
        HW_RAW(w, "</p>");
    }
    json_t *actions = json_object_get(next, "actions");
    if (json_array_size(actions) || json_is_object(json_object_get(call, "action"))) {
        HW_RAW(w, "<div class=\"actions\">");
        size_t i;
        json_t *a;
        json_array_foreach(actions, i, a)
        {
            hw_action(w, v, a, case_id, i == 0 ? "next-action" : NULL, i == 0);
        }
        if (json_is_object(call))
            hw_action(w, v, json_object_get(call, "action"), case_id, NULL, 0);
        HW_RAW(w, "</div>");
    }
    json_t *qs = json_object_get(next, "questions");
    if (json_array_size(qs)) {
        HW_RAW(w, "<details><summary>Questions to ask</summary>");
        hw_list(w, qs);
        HW_RAW(w, "</details>");
    }
    json_t *trig = json_object_get(next, "triggers");
    if (json_array_size(trig)) {
        HW_RAW(w, "<h3>Triggers firing</h3><ul class=\"plain\">");
        size_t i;
        json_t *t;
        json_array_foreach(trig, i, t)
        {
            HW_RAW(w, "<li><span class=\"badge bad\">");
            hw_text(w, desk_js(t, "trigger"));
            HW_RAW(w, "</span> ");
            hw_text(w, desk_js(t, "why"));
            HW_RAW(w, "</li>");
        }
        HW_RAW(w, "</ul>");
    }
    HW_RAW(w, "</section>");
}

static void case_action(char *buf, size_t n, int64_t case_id)
{
    snprintf(buf, n, "/cases/%lld", (long long)case_id);
}

static void section_concerns(hw *w, const page_view *v, const char *act, json_t *concerns,
                             const char *cur)
{
    static const char *const fields[] = {"text", "specifics", "example", "override", NULL};
    section_open(w, "concerns", "Concerns");
    if (!json_array_size(concerns)) HW_RAW(w, "<p class=\"muted\">No concern recorded yet.</p>");
    HW_RAW(w, "<ul class=\"plain\" id=\"concern-list\">");
    size_t i;
    json_t *c;
    json_array_foreach(concerns, i, c)
    {
        HW_RAW(w, "<li>");
        hw_text(w, desk_js(c, "text"));
        if (desk_js(c, "specifics")) {
            HW_RAW(w, " <span class=\"muted\">— ");
            hw_text(w, desk_js(c, "specifics"));
            HW_RAW(w, "</span>");
        }
        if (desk_js(c, "example")) {
            HW_RAW(w, "<span class=\"hint\">e.g. ");
            hw_text(w, desk_js(c, "example"));
            HW_RAW(w, "</span>");
        }
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ul>");
    step_open(w, v, "concern", "Record a concern", cur);
    form_open(w, v, act, "concern", fields);
    form_field(w, v, "concern", "text", "Concern", "in the client's own terms", "text", NULL);
    form_field(w, v, "concern", "specifics", "Specifics", "which page, file or date", "text", NULL);
    form_field(w, v, "concern", "example", "Example", NULL, "text", NULL);
    override_field(w, v, "concern");
    form_close(w, "Record concern");
    HW_RAW(w, "</details></section>");
}

static void section_acknowledge_cause(hw *w, const page_view *v, const char *act, json_t *k,
                                      const char *cur)
{
    static const char *const ack_fields[] = {"text", "channel", "override", NULL};
    static const char *const cause_fields[] = {"root", "notes", "override", NULL};
    section_open(w, "acknowledgement", "Acknowledge and find the real problem");
    step_open(w, v, "acknowledge", "Record the acknowledgement you sent", cur);
    form_open(w, v, act, "acknowledge", ack_fields);
    form_field(w, v, "acknowledge", "text", "Acknowledgement you sent",
               "own it in the first person; the tone check runs on it", "textarea", NULL);
    form_select(w, v, "acknowledge", "channel", "Channel", desk_channels, desk_js(k, "channel"));
    override_field(w, v, "acknowledge");
    form_close(w, "Record acknowledgement");
    HW_RAW(w, "</details>");
    step_open(w, v, "cause", "Record the real problem", cur);
    const char *root =
        desk_js(k, "root_cause") ? desk_js(k, "root_cause") : desk_js(k, "triage_root");
    form_open(w, v, act, "cause", cause_fields);
    form_select(w, v, "cause", "root", "Root cause", desk_root_causes, root);
    form_field(w, v, "cause", "notes", "Notes", NULL, "text", desk_js(k, "root_notes"));
    override_field(w, v, "cause");
    form_close(w, "Record root cause");
    HW_RAW(w, "</details></section>");
}

static void section_restatement(hw *w, const page_view *v, const char *act, json_t *k,
                                const char *cur)
{
    static const char *const want_fields[] = {"want", "goal", "override", NULL};
    static const char *const confirm_fields[] = {"by", "correction", "override", NULL};
    static const char *const by[] = {"client", "user", NULL};
    section_open(w, "restatement", "Restatement");
    if (desk_js(k, "want")) {
        HW_RAW(w, "<p>They want <strong>");
        hw_text(w, desk_js(k, "want"));
        HW_RAW(w, "</strong>");
        if (desk_js(k, "goal")) {
            HW_RAW(w, ", so that ");
            hw_text(w, desk_js(k, "goal"));
        }
        HW_RAW(w, ". ");
        if (desk_js(k, "want_confirmed_by")) {
            HW_RAW(w, "<span class=\"badge good\">confirmed by ");
            hw_text(w, desk_js(k, "want_confirmed_by"));
            HW_RAW(w, "</span>");
        } else {
            HW_RAW(w, "<span class=\"badge warn\">not confirmed yet</span>");
        }
        HW_RAW(w, "</p>");
    }
    step_open(w, v, "want", "Restate what they want", cur);
    form_open(w, v, act, "want", want_fields);
    form_field(w, v, "want", "want", "What they want", NULL, "text", desk_js(k, "want"));
    form_field(w, v, "want", "goal", "The goal behind it", NULL, "text", desk_js(k, "goal"));
    override_field(w, v, "want");
    form_close(w, "Restate to the client");
    HW_RAW(w, "</details>");
    if (desk_js(k, "want") && !desk_js(k, "want_confirmed_by")) {
        step_open(w, v, "confirm", "Record their answer", cur);
        form_open(w, v, act, "confirm", confirm_fields);
        form_select(w, v, "confirm", "by", "Confirmed by", by, "client");
        form_field(w, v, "confirm", "correction", "Or their correction",
                   "leave empty when they agreed", "text", NULL);
        override_field(w, v, "confirm");
        form_close(w, "Record the answer");
        HW_RAW(w, "</details>");
    }
    HW_RAW(w, "</section>");
}

static void offer_option(hw *w, json_t *o)
{
    HW_RAW(w, "<strong>");
    hw_text(w, desk_js(o, "kind"));
    HW_RAW(w, "</strong>: ");
    hw_text(w, desk_js(o, "detail"));
    HW_RAW(w, " <span class=\"muted\">by ");
    hw_text(w, desk_js(o, "due_on"));
    HW_RAW(w, "</span>");
}

static void section_offers(hw *w, const page_view *v, const char *act, json_t *offers,
                           const char *cur)
{
    static const char *const make_fields[] = {"option", "charge", "override", NULL};
    static const char *const reject_fields[] = {"ask", "override", NULL};
    section_open(w, "offers", "Offers");
    size_t i;
    json_t *of;
    json_array_foreach(offers, i, of)
    {
        int64_t oid = desk_ji(of, "id");
        const char *status = desk_js(of, "status");
        int open = status && strcmp(status, "chosen") && strcmp(status, "rejected");
        HW_RAW(w, "<h3>Offer ");
        hw_int(w, oid);
        HW_RAW(w, " <span class=\"badge\">");
        hw_text(w, status);
        HW_RAW(w, "</span></h3><ol>");
        size_t j;
        json_t *o;
        json_array_foreach(json_object_get(of, "options"), j, o)
        {
            HW_RAW(w, "<li>");
            offer_option(w, o);
            if (desk_ji(of, "chosen_option") == desk_ji(o, "position"))
                HW_RAW(w, " <span class=\"badge good\">chosen</span>");
            if (open) {
                char label[64];
                snprintf(label, sizeof label, "Client chose option %lld",
                         (long long)desk_ji(o, "position"));
                char action[96];
                snprintf(action, sizeof action, "%s?offer=%lld&option=%lld", act, (long long)oid,
                         (long long)desk_ji(o, "position"));
                form_button(w, v, action, "choose", label, "secondary");
            }
            HW_RAW(w, "</li>");
        }
        HW_RAW(w, "</ol>");
        if (open) {
            char action[96];
            snprintf(action, sizeof action, "%s?offer=%lld", act, (long long)oid);
            char name[48];
            page_item_form(name, sizeof name, "reject", oid);
            form_open(w, v, action, name, reject_fields);
            form_field(w, v, name, "ask", "They rejected it, asking for", "an amount, or empty",
                       "text", NULL);
            override_field(w, v, name);
            form_close(w, "Record the rejection");
        }
    }
    step_open(w, v, "offer", "Make an offer", cur);
    form_open(w, v, act, "offer", make_fields);
    form_field(w, v, "offer", "option", "Options, one a line",
               "KIND:DETAIL:DUE, e.g. redo:reprint boards 3 and 5:2026-11-27 — kinds: redo, "
               "revision, partial_refund, discount, full_refund, extra_support, referral, "
               "client_fix (the client's own proposal; ;AMOUNT after their words for money back)",
               "textarea", NULL);
    override_field(w, v, "offer");
    form_close(w, "Make offer");
    HW_RAW(w, "</details></section>");
}

static void section_follow_through(hw *w, const page_view *v, json_t *commitments,
                                   json_t *followups, int64_t case_id, const char *cur)
{
    static const char *const kinds[] = {"call", "meeting", "message", NULL};
    static const char *const add_fields[] = {"kind", "due", NULL};
    section_open(w, "commitments", "Commitments");
    if (!json_array_size(commitments)) HW_RAW(w, "<p class=\"muted\">None yet.</p>");
    HW_RAW(w, "<ul class=\"plain\">");
    size_t i;
    json_t *c;
    json_array_foreach(commitments, i, c)
    {
        HW_RAW(w, "<li>");
        hw_text(w, desk_js(c, "text"));
        HW_RAW(w, " <span class=\"muted\">due ");
        hw_text(w, desk_js(c, "due_on"));
        HW_RAW(w, "</span> ");
        if (desk_js(c, "done_at")) {
            HW_RAW(w, "<span class=\"badge good\">done</span>");
        } else {
            char action[96];
            snprintf(action, sizeof action, "/cases/%lld?commitment=%lld", (long long)case_id,
                     (long long)desk_ji(c, "id"));
            form_button(w, v, action, "commitment_done", "Mark done", "secondary");
            page_forms_commitment_split(w, v, case_id, c);
        }
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ul></section>");
    section_open(w, "followups", "Follow-ups");
    int any = 0;
    json_array_foreach(followups, i, c)
    {
        if (desk_ji(c, "case_id") != case_id) continue;
        any = 1;
        HW_RAW(w, "<p>Due ");
        hw_text(w, desk_js(c, "due_on"));
        HW_RAW(w, " ");
        if (desk_js(c, "done_at")) {
            HW_RAW(w, "<span class=\"badge good\">done</span> ");
            hw_text(w, desk_js(c, "outcome"));
            HW_RAW(w, "</p>");
            continue;
        }
        HW_RAW(w, "</p>");
        char action[96];
        snprintf(action, sizeof action, "/cases/%lld?followup=%lld", (long long)case_id,
                 (long long)desk_ji(c, "id"));
        static const char *const fields[] = {"outcome", "override", NULL};
        char name[48];
        page_item_form(name, sizeof name, "followup_done", desk_ji(c, "id"));
        form_open(w, v, action, name, fields);
        form_field(w, v, name, "outcome", "How it went", NULL, "text", NULL);
        form_close(w, "Follow-up done");
        page_forms_followup_edit(w, v, case_id, c);
    }
    if (!any) HW_RAW(w, "<p class=\"muted\">None scheduled.</p>");
    char act[48];
    snprintf(act, sizeof act, "/cases/%lld", (long long)case_id);
    step_open(w, v, "followup_add", "Schedule a follow-up", cur);
    form_open(w, v, act, "followup_add", add_fields);
    form_select(w, v, "followup_add", "kind", "How", kinds, "call");
    form_field(w, v, "followup_add", "due", "When", "a date, YYYY-MM-DD", "date", NULL);
    form_close(w, "Schedule");
    HW_RAW(w, "</details></section>");
}

static void draft_block(hw *w, const page_view *v, rd_desk *d, json_t *draft, int64_t case_id)
{
    static const char *const edit_fields[] = {"text", "subject", NULL};
    int64_t id = desk_ji(draft, "id");
    json_t *full = NULL;
    rd_err *e = desk_draft_get(d, id, &full);
    if (e) {
        rd_err_free(e);
        return;
    }
    HW_RAW(w, "<article class=\"draft\"");
    hw_attrf(w, "id", "draft-%lld", (long long)id);
    HW_RAW(w, "><h3>Draft ");
    hw_int(w, id);
    HW_RAW(w, "</h3>");
    if (json_is_true(json_object_get(full, "held"))) {
        int64_t left = desk_ji(full, "hold_minutes_left");
        HW_RAW(w, "<p class=\"hold\" data-countdown");
        hw_attrf(w, "data-seconds", "%lld", (long long)(left * 60));
        HW_RAW(w, ">On hold: ");
        hw_int(w, left);
        HW_RAW(w, " min left (until ");
        hw_time(w, desk_js(full, "hold_until"));
        HW_RAW(w, ")</p>");
    }
    HW_RAW(w, "<p class=\"muted\">What the tone check found in the saved text:</p>"
              "<div class=\"words\">");
    reply_with_tone(w, desk_js(full, "body") ? desk_js(full, "body") : "",
                    json_object_get(full, "tone"));
    HW_RAW(w, "</div>");
    char action[96], idtext[32];
    snprintf(action, sizeof action, "/cases/%lld?draft=%lld", (long long)case_id, (long long)id);
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    form_button(w, v, action, "release", "Release (send)", NULL);
    HW_RAW(w, "<details><summary>Edit</summary>");
    char name[48];
    page_item_form(name, sizeof name, "draft_edit", id);
    form_open(w, v, action, name, edit_fields);
    form_field(w, v, name, "text", "Reply", NULL, "textarea", desk_js(full, "body"));
    form_close(w, "Save and re-check");
    HW_RAW(w, "</details></article>");
    json_decref(full);
}

static void section_replies(hw *w, const page_view *v, rd_desk *d, const char *act, json_t *drafts,
                            int64_t case_id)
{
    static const char *const fields[] = {"text", "subject", NULL};
    section_open(w, "replies", "Replies");
    size_t i;
    json_t *dr;
    json_array_foreach(drafts, i, dr)
    {
        if (!strcmp(desk_js(dr, "status") ? desk_js(dr, "status") : "", "draft"))
            draft_block(w, v, d, dr, case_id);
    }
    HW_RAW(w, "<h3 id=\"draft\">Write a reply</h3>");
    form_open(w, v, act, "draft", fields);
    form_field(w, v, "draft", "subject", "Subject", NULL, "text", NULL);
    /* the editor: the textarea tells redress.js where to draw the live tone check */
    const rd_err *e = v->failed && !strcmp(v->failed, "draft") ? v->err : NULL;
    const char *typed = e && v->form ? json_string_value(json_object_get(v->form, "text")) : NULL;
    HW_RAW(w, "<div><label for=\"draft-text\">Reply<span class=\"hint\" id=\"draft-text-hint\">"
              "checked for tone as you type; it is held before it can be sent</span></label>"
              "<textarea id=\"draft-text\" name=\"text\" data-tone-check "
              "data-preview=\"tone-preview\" data-findings=\"tone-findings\" "
              "data-status=\"tone-status\" aria-describedby=\"draft-text-hint tone-status\">");
    hw_text(w, typed);
    HW_RAW(w, "</textarea><p id=\"tone-status\" class=\"muted\" aria-live=\"polite\"></p>"
              "<div id=\"tone-preview\" class=\"words\" aria-label=\"Tone check\"></div>"
              "<ul id=\"tone-findings\" class=\"tone-list plain\"></ul></div>");
    form_close(w, "Save draft");
    HW_RAW(w, "</section>");
}

static void section_close(hw *w, const page_view *v, const char *act, json_t *k, const char *cur)
{
    static const char *const fields[] = {"lesson", "change", "change_made", "override", NULL};
    static const char *const yesno[] = {"no", "yes", NULL};
    static const char *const pause_fields[] = {"reason", "until", "message", "override", NULL};
    section_open(w, "closing", "Pause, close and learn");
    if (desk_js(k, "pause_reason")) {
        HW_RAW(w, "<p><span class=\"badge warn\">paused</span> ");
        hw_text(w, desk_js(k, "pause_reason"));
        HW_RAW(w, "</p>");
        form_button(w, v, act, "resume", "Resume contact", "secondary");
    } else {
        step_open(w, v, "pause", "Pause contact (abuse, or a break both sides need)", cur);
        form_open(w, v, act, "pause", pause_fields);
        form_field(w, v, "pause", "reason", "Pause contact because", NULL, "text", NULL);
        form_field(w, v, "pause", "until", "Until", "YYYY-MM-DD after today, or empty", "date",
                   NULL);
        form_field(w, v, "pause", "message", "A boundary message to send as it starts",
                   "optional; tone-checked and held like any reply", "textarea", NULL);
        override_field(w, v, "pause");
        form_close(w, "Pause");
        HW_RAW(w, "</details>");
    }
    static const char *const scores[] = {"5", "4", "3", "2", "1", NULL};
    static const char *const fb_fields[] = {"score", "text", "override", NULL};
    step_open(w, v, "feedback", "Record their feedback", cur);
    form_open(w, v, act, "feedback", fb_fields);
    form_select(w, v, "feedback", "score", "Their score, 5 the best", scores, "4");
    form_field(w, v, "feedback", "text", "In their words", NULL, "text", NULL);
    override_field(w, v, "feedback");
    form_close(w, "Record feedback");
    HW_RAW(w, "</details>");
    step_open(w, v, "close", "Close with a lesson", cur);
    form_open(w, v, act, "close", fields);
    form_field(w, v, "close", "lesson", "Lesson", NULL, "text", NULL);
    form_field(w, v, "close", "change", "What changes", NULL, "text", NULL);
    form_select(w, v, "close", "change_made", "Change already made", yesno, "no");
    override_field(w, v, "close");
    form_close(w, "Close case");
    HW_RAW(w, "</details></section>");
}

static void section_timeline(hw *w, const page_view *v, json_t *log, int64_t case_id)
{
    section_open(w, "timeline", "Timeline");
    HW_RAW(w, "<ol class=\"plain\">");
    size_t i;
    json_t *m;
    json_array_foreach(log, i, m)
    {
        HW_RAW(w, "<li><span class=\"badge\">");
        hw_text(w, !strcmp(desk_js(m, "direction") ? desk_js(m, "direction") : "", "in")
                       ? "from client"
                       : "to client");
        HW_RAW(w, "</span> ");
        hw_time(w, desk_js(m, "at"));
        HW_RAW(w, " · ");
        hw_text(w, desk_js(m, "channel"));
        if (desk_js(m, "subject")) {
            HW_RAW(w, " · <strong>");
            hw_text(w, desk_js(m, "subject"));
            HW_RAW(w, "</strong>");
        }
        hw_letter_pdf_link(w, m);
        HW_RAW(w, "<div class=\"words\">");
        hw_text(w, desk_js(m, "body"));
        HW_RAW(w, "</div>");
        page_forms_letter_mail(w, v, case_id, m);
        /* a correction sits beside the entry it corrects; neither is ever edited */
        if (desk_ji(m, "corrects"))
            hw_textf(w, "Entry %lld, correcting entry %lld.", (long long)desk_ji(m, "id"),
                     (long long)desk_ji(m, "corrects"));
        size_t j;
        json_t *by;
        json_array_foreach(json_object_get(m, "corrected_by"), j, by)
            hw_textf(w, "Entry %lld, corrected by entry %lld below.", (long long)desk_ji(m, "id"),
                     (long long)json_integer_value(by));
        page_forms_log_correct(w, v, case_id, m);
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ol><p><a");
    hw_attrf(w, "href", "/mail?case=%lld", (long long)case_id);
    HW_RAW(w, ">Bring in mail for this case</a>: a message saved from your mail program, or a "
              "mailbox, instead of pasting it.</p></section>");
}

/* A file's size as people read it: "812 bytes", "14.2 KB", "3.1 MB". */
static void hw_size(hw *w, int64_t n)
{
    if (n < 1000)
        hw_textf(w, "%lld bytes", (long long)n);
    else if (n < 1000 * 1000)
        hw_textf(w, "%.1f KB", (double)n / 1e3);
    else
        hw_textf(w, "%.1f MB", (double)n / 1e6);
}

/* The files kept with the case (a contract, the brief, screenshots, a letter's PDF), each a
 * download, and the form that adds one (evidence can arrive after a case is closed too). */
static void section_attachments(hw *w, const page_view *v, json_t *files, int64_t case_id)
{
    section_open(w, "attachments", "Attachments");
    if (json_array_size(files) == 0)
        HW_RAW(w, "<p class=\"muted\">No files are kept with this case yet. The contract, the "
                  "brief or a screenshot of the problem belongs here: each file is kept with a "
                  "fingerprint, so you can show later that it is the file you received.</p>");
    HW_RAW(w, "<ul class=\"plain\">");
    size_t i;
    json_t *f;
    json_array_foreach(files, i, f)
    {
        HW_RAW(w, "<li><a");
        hw_attrf(w, "href", "/attachments/%lld", (long long)desk_ji(f, "id"));
        HW_RAW(w, " download>");
        hw_text(w, desk_js(f, "name"));
        HW_RAW(w, "</a> · ");
        hw_text(w, desk_js(f, "type"));
        HW_RAW(w, " · ");
        hw_size(w, desk_ji(f, "size"));
        HW_RAW(w, " · kept ");
        hw_time(w, desk_js(f, "created_at"));
        if (desk_ji(f, "log_id"))
            hw_textf(w, " · with timeline entry %lld", (long long)desk_ji(f, "log_id"));
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ul>");
    char action[64];
    snprintf(action, sizeof action, "/cases/%lld/attachments", (long long)case_id);
    static const char *const fields[] = {"file", NULL};
    form_open_files(w, v, action, "attach", fields);
    form_field(w, v, "attach", "file", "Add a file",
               "Up to 25 MiB: a contract, a brief, a screenshot, a photo of the work.", "file", "");
    form_close(w, "Attach");
    HW_RAW(w, "</section>");
}

/* ---------------------------------------------------------------- the page */

rd_err *page_case_body(rd_desk *d, int64_t case_id, const page_view *v, hw *w)
{
    json_t *k = NULL, *next = NULL, *drafts = NULL;
    /* the whole case carries its concerns, offers, commitments and follow-ups: one read, not a
     * second query per section (and follow-ups by case, never a desk-wide list) */
    rd_err *e = desk_case_get(d, case_id, &k);
    if (!e) e = desk_case_next(d, case_id, &next);
    /* drafts come from the draft list, which adds the hold's countdown to each */
    if (!e) e = desk_draft_list(d, case_id, NULL, &drafts);
    if (e) goto out;
    json_t *concerns = json_object_get(k, "concerns"), *offers = json_object_get(k, "offers");
    json_t *commitments = json_object_get(k, "commitments");
    json_t *followups = json_object_get(k, "followups");

    char title[160], act[48];
    snprintf(title, sizeof title, "Case %lld — %s", (long long)case_id,
             desk_js(k, "client_name") ? desk_js(k, "client_name") : "");
    case_action(act, sizeof act, case_id);
    page_open(w, v, title, "cases");
    HW_RAW(w, "<h1>");
    hw_text(w, title);
    HW_RAW(w, "</h1><p>");
    hw_link_id(w, "/clients/", desk_ji(k, "client_id"), desk_js(k, "client_name"));
    if (desk_js(k, "client_email")) HW_RAW(w, " · ");
    hw_contact(w, "mailto", desk_js(k, "client_email"), NULL);
    if (desk_js(k, "client_phone")) HW_RAW(w, " · ");
    hw_contact(w, "tel", desk_js(k, "client_phone"), NULL);
    if (desk_js(k, "project_title")) {
        HW_RAW(w, " · project ");
        hw_text(w, desk_js(k, "project_title"));
    }
    HW_RAW(w, " · <span class=\"badge\">");
    hw_text(w, desk_js(k, "status"));
    HW_RAW(w, "</span></p>");
    if (strcmp(desk_js(k, "status"), "closed") != 0) {
        char portal[64];
        snprintf(portal, sizeof portal, "/cases/%lld/portal-link", (long long)case_id);
        form_button(w, v, portal, "portal_link", "Make a private link for the client", "secondary");
    }
    stage_bar(w, desk_js(k, "stage"));

    section_open(w, "words", "In the client's words");
    HW_RAW(w, "<p class=\"muted\">Received ");
    hw_time(w, desk_js(k, "received_at"));
    HW_RAW(w, " by ");
    hw_text(w, desk_js(k, "channel"));
    HW_RAW(w, "; what triage noticed is marked.</p>");
    json_t *first = json_array_get(json_object_get(k, "log"), 0);
    json_t *findings = NULL;
    if (first && desk_js(first, "body") && desk_js(k, "words") &&
        !strcmp(desk_js(first, "body"), desk_js(k, "words")))
        findings = json_object_get(json_object_get(first, "triage"), "findings");
    words_with_triage(w, desk_js(k, "words") ? desk_js(k, "words") : "", findings);
    HW_RAW(w, "</section>");

    /* a paused case keeps its forms: resuming is one of them, and the desk refuses the rest */
    if (strcmp(desk_js(k, "status") ? desk_js(k, "status") : "closed", "closed") != 0) {
        section_next(w, v, next, case_id);
        const char *cur = page_action_form(json_array_get(json_object_get(next, "actions"), 0));
        section_concerns(w, v, act, concerns, cur);
        section_acknowledge_cause(w, v, act, k, cur);
        section_restatement(w, v, act, k, cur);
        section_offers(w, v, act, offers, cur);
        section_follow_through(w, v, commitments, followups, case_id, cur);
        section_replies(w, v, d, act, drafts, case_id);
        section_close(w, v, act, k, cur);
        page_forms_case_sections(w, v, d, k, case_id, cur);
    } else {
        section_offers(w, v, act, offers, NULL);
        section_follow_through(w, v, commitments, followups, case_id, NULL);
    }
    section_attachments(w, v, json_object_get(k, "attachments"), case_id);
    section_timeline(w, v, json_object_get(k, "log"), case_id);
    page_close(w);
out:
    json_decref(k);
    json_decref(next);
    json_decref(drafts);
    return e;
}

/* ---------------------------------------------------------------- the case's forms */

/* A field as the desk wants it: NULL when absent or blank. */
static const char *field(page_arg_fn arg, const void *ctx, const char *name)
{
    const char *s = arg(ctx, name);
    return text_blank(s) ? NULL : s;
}

/* Splits the offer form's lines into options; *opts (caller frees, with the copy in *copy). */
static int split_lines(const char *text, char **copy, const char ***opts)
{
    *copy = xstrdup(text ? text : "");
    int n = 0, cap = 8;
    *opts = xcalloc((size_t)cap, sizeof **opts);
    for (char *line = *copy, *nl; line && *line; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = '\0';
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = '\0';
        if (!len) continue;
        if (n == cap) {
            cap *= 2;
            *opts = xrealloc(*opts, (size_t)cap * sizeof **opts);
        }
        (*opts)[n++] = line;
    }
    return n;
}

static rd_err *id_arg(page_arg_fn arg, const void *ctx, const char *name, int64_t *id)
{
    const char *s = arg(ctx, name);
    if (!s) return rd_error(RD_INVALID, "%s: missing", name);
    return desk_parse_id(name, s, id);
}

/* What each form did, for the line shown after it, and where on the page to land. */
static const struct {
    const char *form, *notice, *anchor;
} outcomes[] = {
    {"concern", "Concern recorded.", "#concerns"},
    {"acknowledge", "Acknowledgement recorded.", "#acknowledgement"},
    {"cause", "Root cause recorded.", "#restatement"},
    {"want", "Restatement sent to the client for confirmation.", "#restatement"},
    {"confirm", "Answer to the restatement recorded.", "#offers"},
    {"offer", "Offer made.", "#offers"},
    {"choose", "The client's choice is recorded; its commitments are listed.", "#commitments"},
    {"reject", "Rejection recorded.", "#offers"},
    {"draft", "Draft saved: it is held before it can be sent.", "#replies"},
    {"draft_edit", "Draft saved and checked again.", "#replies"},
    {"release", "Reply released and logged as sent.", "#timeline"},
    {"reread", "Their messages are marked as re-read: restate what they want.", "#restatement"},
    {"followup_add", "Follow-up scheduled.", "#followups"},
    {"feedback", "Feedback recorded.", "#closing"},
    {"pause", "Contact paused.", "#closing"},
    {"resume", "Contact resumed.", "#closing"},
    {"commitment_done", "Commitment done.", "#commitments"},
    {"followup_done", "Follow-up recorded.", "#followups"},
    {"close", "Case closed; the lesson is kept.", ""},
    {"attach", "File kept with the case.", "#attachments"},
};

const char *page_case_notice(const char *form)
{
    for (size_t i = 0; form && i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (!strcmp(outcomes[i].form, form)) return outcomes[i].notice;
    return page_forms_notice(form);
}

rd_err *page_case_form(rd_desk *d, int64_t case_id, page_arg_fn arg, const void *ctx,
                       char **location)
{
    const char *form = arg(ctx, "form"), *ov = field(arg, ctx, "override");
    int64_t id = 0, other = 0;
    char *text = NULL;
    json_t *out = NULL;
    rd_err *e = NULL;
    if (!form) return rd_error(RD_INVALID, "form: missing");
    char base[48]; /* a form shown once per item is NAME-ID on the page */
    form = page_form_base(form, base, sizeof base);

    if (!strcmp(form, "concern")) {
        desk_concern_input in = {field(arg, ctx, "text"), field(arg, ctx, "specifics"),
                                 field(arg, ctx, "example")};
        e = desk_concern_add(d, case_id, &in, ov, &id);
    } else if (!strcmp(form, "acknowledge")) {
        e = desk_case_acknowledge(d, case_id, field(arg, ctx, "text"), field(arg, ctx, "channel"),
                                  ov, &id);
    } else if (!strcmp(form, "cause")) {
        e = desk_case_cause(d, case_id, field(arg, ctx, "root"), field(arg, ctx, "notes"), ov,
                            &out);
    } else if (!strcmp(form, "want")) {
        e = desk_case_want(d, case_id, field(arg, ctx, "want"), field(arg, ctx, "goal"), ov, &text);
    } else if (!strcmp(form, "confirm")) {
        e = desk_case_confirm(d, case_id, field(arg, ctx, "by"), field(arg, ctx, "correction"), ov,
                              &text);
    } else if (!strcmp(form, "offer")) {
        char *copy;
        const char **opts;
        int n = split_lines(arg(ctx, "option"), &copy, &opts);
        desk_offer_input in = {opts, n, field(arg, ctx, "charge"), 0};
        e = desk_offer_make(d, case_id, &in, ov, &out, &id);
        free(opts);
        free(copy);
    } else if (!strcmp(form, "choose")) {
        e = id_arg(arg, ctx, "offer", &id);
        if (!e) e = desk_offer_choose(d, id, arg(ctx, "option"), ov, &out);
    } else if (!strcmp(form, "reject")) {
        e = id_arg(arg, ctx, "offer", &id);
        if (!e) e = desk_offer_reject(d, id, field(arg, ctx, "ask"), ov);
    } else if (!strcmp(form, "draft")) {
        char cid[32];
        snprintf(cid, sizeof cid, "%lld", (long long)case_id);
        desk_draft_input in = {cid, arg(ctx, "text"), field(arg, ctx, "subject"), NULL};
        e = desk_draft_new(d, &in, &id);
    } else if (!strcmp(form, "draft_edit")) {
        e = id_arg(arg, ctx, "draft", &id);
        desk_draft_input in = {NULL, arg(ctx, "text"), field(arg, ctx, "subject"), NULL};
        if (!e) e = desk_draft_edit(d, id, &in);
    } else if (!strcmp(form, "release")) {
        e = id_arg(arg, ctx, "draft", &id);
        if (!e) e = desk_draft_release(d, id, ov, &other);
    } else if (!strcmp(form, "reread")) {
        e = desk_case_reread(d, case_id, &out);
    } else if (!strcmp(form, "followup_add")) {
        e = desk_followup_add(d, case_id, field(arg, ctx, "kind"), field(arg, ctx, "due"), &id);
    } else if (!strcmp(form, "feedback")) {
        e = desk_feedback_record(d, case_id, field(arg, ctx, "score"), field(arg, ctx, "text"), ov,
                                 &id);
    } else if (!strcmp(form, "pause")) {
        desk_pause_input in = {field(arg, ctx, "reason"), field(arg, ctx, "until"),
                               field(arg, ctx, "message"), ov};
        e = desk_case_pause_with(d, case_id, &in, NULL);
    } else if (!strcmp(form, "resume")) {
        e = desk_case_resume(d, case_id);
    } else if (!strcmp(form, "commitment_done")) {
        e = id_arg(arg, ctx, "commitment", &id);
        if (!e) e = desk_commitment_done(d, id, ov, &other);
    } else if (!strcmp(form, "followup_done")) {
        e = id_arg(arg, ctx, "followup", &id);
        if (!e) e = desk_followup_done(d, id, field(arg, ctx, "outcome"), ov);
    } else if (!strcmp(form, "close")) {
        desk_close_input in = {field(arg, ctx, "lesson"), field(arg, ctx, "change"),
                               field(arg, ctx, "change_made")};
        e = desk_case_close(d, case_id, &in, ov, &id);
    } else {
        e = page_forms_case_form(d, case_id, form, arg, ctx, location);
    }
    for (size_t i = 0; !e && i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (!strcmp(outcomes[i].form, form))
            *location =
                xasprintf("/cases/%lld?done=%s%s", (long long)case_id, form, outcomes[i].anchor);
    free(text);
    json_decref(out);
    return e;
}

/* ---------------------------------------------------------------- for page_forms.c */

void page_section_open(hw *w, const char *id, const char *title)
{
    section_open(w, id, title);
}

void page_step_open(hw *w, const page_view *v, const char *id, const char *summary, const char *cur)
{
    step_open(w, v, id, summary, cur);
}

void page_override_field(hw *w, const page_view *v, const char *form)
{
    override_field(w, v, form);
}

int page_split_lines(const char *text, char **copy, const char ***lines)
{
    return split_lines(text, copy, lines);
}
