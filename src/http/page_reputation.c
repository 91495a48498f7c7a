/* page_reputation.c — the web desk's pages for reputation and what clients say of the work
 * (P19, P22): public reviews with the reply drafted, checked for a public page and marked
 * posted; testimonial requests and their answers; anonymous surveys, whose links are shown
 * once, and their results. Each form is one desk call, refused beside the field it names. */
#include "http/http_int.h"
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A field as the desk wants it: NULL when absent or blank. */
static const char *val(page_arg_fn arg, const void *ctx, const char *name)
{
    const char *s = arg(ctx, name);
    return text_blank(s) ? NULL : s;
}

/* ---------------------------------------------------------------- reviews and testimonials */

/* What the public-reply check finds in a saved reply, as a list. */
static void reply_findings(hw *w, const char *reply)
{
    json_t *report = NULL;
    int errors = 0;
    rd_err *e = desk_public_check(reply, &report, &errors);
    if (e) {
        rd_err_free(e);
        return;
    }
    json_t *diags = json_object_get(report, "diagnostics");
    if (!json_array_size(diags)) {
        HW_RAW(w, "<p><span class=\"badge good\">the check finds nothing</span></p>");
    } else {
        HW_RAW(w, "<ul class=\"tone-list\">");
        size_t i;
        json_t *d;
        json_array_foreach(diags, i, d)
        {
            HW_RAW(w, "<li><span class=\"badge\">");
            hw_text(w, desk_js(d, "severity"));
            HW_RAW(w, "</span> ");
            hw_text(w, desk_js(d, "message"));
            if (desk_js(d, "suggestion")) {
                HW_RAW(w, " — ");
                hw_text(w, desk_js(d, "suggestion"));
            }
            HW_RAW(w, "</li>");
        }
        HW_RAW(w, "</ul>");
    }
    json_decref(report);
}

static void review_item(hw *w, const page_view *v, rd_desk *d, int64_t id)
{
    static const char *const reply_fields[] = {"reply", NULL};
    static const char *const posted_fields[] = {"override", NULL};
    json_t *r = NULL;
    rd_err *e = desk_review_get(d, id, &r);
    if (e) {
        rd_err_free(e);
        return;
    }
    char action[48], name[48];
    snprintf(action, sizeof action, "/reviews?review=%lld", (long long)id);
    HW_RAW(w, "<article class=\"review\"><h3>");
    hw_text(w, desk_js(r, "platform"));
    HW_RAW(w, ", ");
    hw_text(w, desk_js(r, "posted_on"));
    if (desk_ji(r, "rating")) hw_textf(w, ", %lld of 5", (long long)desk_ji(r, "rating"));
    HW_RAW(w, "</h3>");
    if (desk_ji(r, "case_id")) {
        hw_case_link(w, desk_ji(r, "case_id"));
        HW_RAW(w, " ");
    }
    if (desk_js(r, "link")) { /* shown, never linked: a typed address could be javascript: */
        HW_RAW(w, "<span class=\"muted\">");
        hw_text(w, desk_js(r, "link"));
        HW_RAW(w, "</span>");
    }
    HW_RAW(w, "<blockquote class=\"words\">");
    hw_text(w, desk_js(r, "text"));
    HW_RAW(w, "</blockquote>");
    if (desk_js(r, "reply_posted_at")) {
        HW_RAW(w, "<p><span class=\"badge good\">reply posted</span> ");
        hw_text(w, desk_js(r, "reply"));
        HW_RAW(w, "</p></article>");
        json_decref(r);
        return;
    }
    if (desk_js(r, "reply")) reply_findings(w, desk_js(r, "reply"));
    page_item_form(name, sizeof name, "review_reply", id);
    form_open(w, v, action, name, reply_fields);
    form_field(w, v, name, "reply", "Your public reply",
               "calm, brief, no details of the work; checked for a public page", "textarea",
               desk_js(r, "reply"));
    form_close(w, "Save and check the reply");
    if (desk_js(r, "reply")) {
        page_item_form(name, sizeof name, "review_posted", id);
        form_open(w, v, action, name, posted_fields);
        page_override_field(w, v, name);
        form_close(w, "I posted the reply");
    }
    HW_RAW(w, "</article>");
    json_decref(r);
}

static void testimonial_item(hw *w, const page_view *v, json_t *t)
{
    static const char *const fields[] = {"answer", "quote", "where", NULL};
    static const char *const answers[] = {"yes", "no", NULL};
    int64_t id = desk_ji(t, "id");
    HW_RAW(w, "<li>");
    hw_link_id(w, "/clients/", desk_ji(t, "client_id"), desk_js(t, "client_name"));
    HW_RAW(w, ", asked ");
    hw_time(w, desk_js(t, "asked_at"));
    HW_RAW(w, " <span class=\"badge\">");
    hw_text(w, desk_js(t, "answer"));
    HW_RAW(w, "</span>");
    if (desk_js(t, "quote")) {
        HW_RAW(w, "<blockquote>");
        hw_text(w, desk_js(t, "quote"));
        HW_RAW(w, "</blockquote>");
    }
    if (!strcmp(desk_js(t, "answer") ? desk_js(t, "answer") : "", "pending")) {
        char action[48], name[48];
        snprintf(action, sizeof action, "/reviews?testimonial=%lld", (long long)id);
        page_item_form(name, sizeof name, "testimonial_answer", id);
        HW_RAW(w, "<details><summary>Record their answer</summary>");
        form_open(w, v, action, name, fields);
        form_select(w, v, name, "answer", "Their answer", answers, "yes");
        form_field(w, v, name, "quote", "Their words", "for yes", "textarea", NULL);
        form_field(w, v, name, "where", "Where it may be quoted", "for yes", "text", NULL);
        form_close(w, "Record");
        HW_RAW(w, "</details>");
    }
    HW_RAW(w, "</li>");
}

rd_err *page_reviews_body(rd_desk *d, const page_view *v, hw *w)
{
    static const char *const add_fields[] = {"platform", "rating", "text", "link",
                                             "date",     "client", "case", NULL};
    static const char *const ask_fields[] = {"client", "case", "text", "override", NULL};
    static const char *const ratings[] = {"", "1", "2", "3", "4", "5", NULL};
    json_t *reviews = NULL, *asked = NULL;
    rd_page pg, pt = {.limit = 50};
    rd_err *e = page_paging(v, &pg);
    if (!e) e = desk_review_list(d, &pg, &reviews);
    if (!e) e = desk_testimonial_list(d, &pt, &asked);
    if (e) goto out;
    page_open(w, v, "Reviews and testimonials", "reviews");
    HW_RAW(w, "<h1>Reviews and testimonials</h1><section class=\"card\" id=\"reviews\" "
              "aria-labelledby=\"reviews-h\"><h2 id=\"reviews-h\">Public reviews, newest "
              "first</h2>");
    size_t i;
    json_t *r;
    json_array_foreach(reviews, i, r) review_item(w, v, d, desk_ji(r, "id"));
    if (!json_array_size(reviews)) HW_RAW(w, "<p class=\"muted\">No review recorded.</p>");
    hw_pager(w, v, "/reviews", &pg);
    page_step_open(w, v, "review_add", "Record a public review", NULL);
    form_open(w, v, "/reviews", "review_add", add_fields);
    form_field(w, v, "review_add", "platform", "Where", "Google, Trustpilot, …", "text", NULL);
    form_select(w, v, "review_add", "rating", "Stars", ratings, "");
    form_field(w, v, "review_add", "text", "The review as posted", NULL, "textarea", NULL);
    form_field(w, v, "review_add", "link", "Link", NULL, "text", NULL);
    form_field(w, v, "review_add", "date", "Posted on", "YYYY-MM-DD; empty for today", "date",
               NULL);
    form_field(w, v, "review_add", "client", "Client number", "when you know who wrote it", "text",
               NULL);
    form_field(w, v, "review_add", "case", "Case number", "when it is about a case", "text", NULL);
    form_close(w, "Record review");
    HW_RAW(w, "</details></section><section class=\"card\" id=\"testimonials\" "
              "aria-labelledby=\"testimonials-h\"><h2 id=\"testimonials-h\">Testimonials</h2>"
              "<ul class=\"plain\">");
    json_array_foreach(asked, i, r) testimonial_item(w, v, r);
    if (!json_array_size(asked)) HW_RAW(w, "<li class=\"muted\">None asked yet.</li>");
    HW_RAW(w, "</ul>");
    page_step_open(w, v, "testimonial", "Ask a client whose case closed well", NULL);
    form_open(w, v, "/reviews", "testimonial", ask_fields);
    form_field(w, v, "testimonial", "client", "Client number", NULL, "text", NULL);
    form_field(w, v, "testimonial", "case", "Case number",
               "empty: their best case that closed well", "text", NULL);
    form_field(w, v, "testimonial", "text", "Your request", "tone-checked before it is logged",
               "textarea", NULL);
    page_override_field(w, v, "testimonial");
    form_close(w, "Ask");
    HW_RAW(w, "</details></section>");
    page_close(w);
out:
    json_decref(reviews);
    json_decref(asked);
    return e;
}

static rd_err *item_arg(page_arg_fn arg, const void *ctx, const char *name, int64_t *id)
{
    const char *s = arg(ctx, name);
    if (!s) return rd_error(RD_INVALID, "%s: missing", name);
    return desk_parse_id(name, s, id);
}

rd_err *page_reviews_form(rd_desk *d, page_arg_fn arg, const void *ctx, char **location)
{
    char base[48];
    const char *form = arg(ctx, "form") ? page_form_base(arg(ctx, "form"), base, sizeof base) : "";
    int64_t id = 0;
    json_t *report = NULL;
    rd_err *e = NULL;
    if (!strcmp(form, "review_add")) {
        desk_review_input in = {val(arg, ctx, "platform"), val(arg, ctx, "rating"),
                                val(arg, ctx, "text"),     val(arg, ctx, "link"),
                                val(arg, ctx, "date"),     val(arg, ctx, "client"),
                                val(arg, ctx, "case")};
        e = desk_review_add(d, &in, &id);
    } else if (!strcmp(form, "review_reply")) {
        e = item_arg(arg, ctx, "review", &id);
        if (!e) e = desk_review_reply(d, id, val(arg, ctx, "reply"), &report);
    } else if (!strcmp(form, "review_posted")) {
        e = item_arg(arg, ctx, "review", &id);
        if (!e) e = desk_review_posted(d, id, val(arg, ctx, "override"));
    } else if (!strcmp(form, "testimonial")) {
        desk_testimonial_input in = {val(arg, ctx, "client"), val(arg, ctx, "case"),
                                     val(arg, ctx, "text")};
        e = desk_testimonial_ask(d, &in, val(arg, ctx, "override"), &id, &report);
    } else if (!strcmp(form, "testimonial_answer")) {
        e = item_arg(arg, ctx, "testimonial", &id);
        if (!e)
            e = desk_testimonial_answer(d, id, val(arg, ctx, "answer"), val(arg, ctx, "quote"),
                                        val(arg, ctx, "where"));
    } else {
        e = rd_error(RD_INVALID, "form: '%s' is not a form of the reviews page", form);
    }
    json_decref(report);
    if (!e) *location = xasprintf("/reviews?done=%s", form);
    return e;
}

/* ---------------------------------------------------------------- surveys */

static void survey_item(hw *w, const page_view *v, rd_desk *d, json_t *s)
{
    int64_t id = desk_ji(s, "id");
    json_t *res = NULL;
    rd_err *e = desk_survey_results(d, id, &res);
    if (e) {
        rd_err_free(e);
        return;
    }
    HW_RAW(w, "<article class=\"survey\"><h3>Survey ");
    hw_int(w, id);
    HW_RAW(w, ": ");
    hw_text(w, desk_js(res, "period_from"));
    HW_RAW(w, " to ");
    hw_text(w, desk_js(res, "period_to"));
    HW_RAW(w, "</h3><p>");
    hw_textf(w, "%lld of %lld invited answered", (long long)desk_ji(res, "responses"),
             (long long)desk_ji(res, "invited"));
    if (desk_js(s, "closed_at")) HW_RAW(w, " <span class=\"badge\">closed</span>");
    HW_RAW(w, "</p>");
    if (!json_is_true(json_object_get(res, "shown"))) {
        HW_RAW(w, "<p class=\"muted\">");
        hw_textf(w,
                 "The results show once %lld have answered, so that no answer can be told "
                 "apart.",
                 (long long)desk_ji(res, "min_responses"));
        HW_RAW(w, "</p>");
    } else {
        HW_RAW(w, "<p>Average score: ");
        json_t *avg = json_object_get(res, "average");
        hw_textf(w, "%.1f of 5", json_is_number(avg) ? json_number_value(avg) : 0.0);
        HW_RAW(w, "</p>");
        size_t i;
        json_t *q;
        json_array_foreach(json_object_get(res, "questions"), i, q)
        {
            HW_RAW(w, "<h4>");
            hw_text(w, desk_js(q, "text"));
            HW_RAW(w, "</h4>");
            hw_list(w, json_object_get(q, "answers"));
        }
    }
    if (!desk_js(s, "closed_at")) {
        char action[48], name[48];
        snprintf(action, sizeof action, "/surveys?survey=%lld", (long long)id);
        page_item_form(name, sizeof name, "survey_close", id);
        form_button(w, v, action, name, "Close the survey", "secondary");
    }
    HW_RAW(w, "</article>");
    json_decref(res);
}

rd_err *page_surveys_body(rd_desk *d, const page_view *v, hw *w)
{
    static const char *const fields[] = {"period", "question", "min_responses", NULL};
    json_t *surveys = NULL;
    rd_page pg;
    rd_err *e = page_paging(v, &pg);
    if (!e) e = desk_survey_list(d, &pg, &surveys);
    if (e) return e;
    page_open(w, v, "Surveys", "surveys");
    HW_RAW(w, "<h1>Anonymous surveys</h1><section class=\"card\" aria-labelledby=\"new-h\">"
              "<h2 id=\"new-h\">Ask every client of a period</h2><p class=\"muted\">No answer "
              "can be linked to a client, not even by you: each link works once and is kept "
              "only as a hash, with no client beside it.</p>");
    if (v->preview && v->failed && !strcmp(v->failed, "survey")) {
        HW_RAW(w, "<div class=\"preview\" id=\"preview\" role=\"region\" "
                  "aria-labelledby=\"preview-h\"><h3 id=\"preview-h\">The links, shown this once: "
                  "send each to its client</h3><pre>");
        hw_text(w, v->preview);
        HW_RAW(w, "</pre></div>");
    }
    form_open(w, v, "/surveys#preview", "survey", fields);
    form_field(w, v, "survey", "period", "Clients with work in", "YYYY-MM-DD..YYYY-MM-DD", "text",
               NULL);
    form_field(w, v, "survey", "question", "Questions, one a line", "up to ten", "textarea", NULL);
    form_field(w, v, "survey", "min_responses", "Show results from",
               "answers; empty for 5, never "
               "below 3",
               "number", NULL);
    form_close(w, "Create the survey and its links");
    HW_RAW(w, "</section><section class=\"card\" aria-labelledby=\"list-h\"><h2 id=\"list-h\">"
              "Surveys, newest first</h2>");
    size_t i;
    json_t *s;
    json_array_foreach(surveys, i, s) survey_item(w, v, d, s);
    if (!json_array_size(surveys)) HW_RAW(w, "<p class=\"muted\">No survey yet.</p>");
    hw_pager(w, v, "/surveys", &pg);
    HW_RAW(w, "</section>");
    page_close(w);
    json_decref(surveys);
    return NULL;
}

rd_err *page_surveys_form(rd_desk *d, const char *origin, page_arg_fn arg, const void *ctx,
                          char **location, char **links)
{
    char base[48];
    const char *form = arg(ctx, "form") ? page_form_base(arg(ctx, "form"), base, sizeof base) : "";
    rd_err *e = NULL;
    if (!strcmp(form, "survey")) {
        char *copy;
        const char **qs;
        int n = page_split_lines(arg(ctx, "question"), &copy, &qs);
        desk_survey_input in = {val(arg, ctx, "period"), qs, n, val(arg, ctx, "min_responses")};
        json_t *out = NULL;
        e = desk_survey_create(d, &in, &out);
        if (!e) {
            rd_buf b;
            buf_init(&b, 0);
            size_t i;
            json_t *l;
            json_array_foreach(json_object_get(out, "links"), i, l)
            {
                rd_err_free(buf_addf(&b, "%s <%s>: %s/s/%s\n", desk_js(l, "name"),
                                     desk_js(l, "email") ? desk_js(l, "email") : "no e-mail",
                                     origin, desk_js(l, "token")));
            }
            if (!b.len) rd_err_free(buf_adds(&b, "No client had work in that period.\n"));
            *links = buf_detach(&b);
        }
        json_decref(out);
        free(qs);
        free(copy);
    } else if (!strcmp(form, "survey_close")) {
        int64_t id = 0;
        e = item_arg(arg, ctx, "survey", &id);
        if (!e) e = desk_survey_close(d, id);
        if (!e) *location = xstrdup("/surveys?done=survey_close");
    } else {
        e = rd_error(RD_INVALID, "form: '%s' is not a form of the surveys page", form);
    }
    return e;
}
