/* portal.c — the client's pages: /p/TOKEN, the one case a portal link opens, and /s/TOKEN, an
 * anonymous survey. They need no account. Looking changes nothing: every link on the page leads
 * to a confirmation page (GET), and only its form (POST, with a token derived from the link)
 * acts, so a mail scanner that follows links does nothing. Each action is one desk call
 * (desk_portal_act, desk_survey_respond). The pages speak to the client, never of the desk's
 * internals. */
#include "http/http_int.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "http/pages.h"

/* ---------------------------------------------------------------- the form token */

static unsigned char form_key[crypto_generichash_KEYBYTES];
static pthread_once_t form_key_once = PTHREAD_ONCE_INIT;

static void make_form_key(void)
{
    if (sodium_init() < 0) abort();
    randombytes_buf(form_key, sizeof form_key);
}

/* The token a portal or survey form carries: a keyed hash of the link's token under a key made
 * when the server starts, so a page from before a restart asks to be reloaded. */
static void form_token(const char *token, char out[65])
{
    pthread_once(&form_key_once, make_form_key);
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), form_key,
                       sizeof form_key);
    sodium_bin2hex(out, 65, h, sizeof h);
}

static rd_err *form_token_check(const http_req *rq, const char *token)
{
    char want[65];
    form_token(token, want);
    const char *sent = http_arg(rq, "csrf");
    if (!sent || strlen(sent) != 64 || sodium_memcmp(sent, want, 64) != 0)
        return rd_error(RD_FORBIDDEN, "csrf: this form has expired; open the link again");
    return NULL;
}

/* ---------------------------------------------------------------- layout */

static void open_page(hw *w, const char *title, const char *heading)
{
    HW_RAW(w, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<meta name=\"referrer\" content=\"same-origin\"><meta name=\"robots\" "
              "content=\"noindex\"><title>");
    hw_text(w, title);
    HW_RAW(w, "</title><link rel=\"stylesheet\" href=\"/static/redress.css\"></head>\n"
              "<body class=\"portal\"><main id=\"main\"><h1>");
    hw_text(w, heading);
    HW_RAW(w, "</h1>");
}

static void close_page(hw *w)
{
    HW_RAW(w, "</main></body></html>\n");
}

static rd_err *finish(hw *w, http_resp *rs)
{
    rs->content_type = "text/html; charset=utf-8";
    http_header_add(rs, "Cache-Control", "no-store");
    http_header_add(rs, "Referrer-Policy", "same-origin"); /* the link never leaves the site */
    http_header_add(rs, "X-Robots-Tag", "noindex");
    return hw_end(w);
}

/* The page for a link that opens nothing: one wording for unknown, revoked and expired. */
static rd_err *not_valid(http_resp *rs, const char *what)
{
    hw w;
    buf_reset(&rs->body);
    hw_begin(&w, &rs->body);
    rs->status = 404;
    open_page(&w, "Link not valid", "This link is not valid any more");
    HW_RAW(&w, "<p>");
    hw_text(&w, what);
    HW_RAW(&w, "</p>");
    close_page(&w);
    return finish(&w, rs);
}

/* ---------------------------------------------------------------- /p/TOKEN */

static const char *const kind_words[][2] = {
    {"redo", "We redo the work at no cost"},
    {"revision", "An extra revision"},
    {"partial_refund", "Part of the price back"},
    {"full_refund", "The whole price back"},
    {"discount", "A discount on future work"},
    {"extra_support", "Extra support"},
    {"referral", "An introduction to someone else who can help"},
    {"client_fix", "Your own proposal"},
};

static const char *kind_label(const char *kind)
{
    for (size_t i = 0; kind && i < sizeof kind_words / sizeof kind_words[0]; i++)
        if (strcmp(kind_words[i][0], kind) == 0) return kind_words[i][1];
    return "Option";
}

static bool can(json_t *view, const char *action)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(view, "actions"), i,
                       a) if (strcmp(json_string_value(a), action) == 0) return true;
    return false;
}

/* A link to the confirmation page of an action. */
static void action_link(hw *w, const char *token, const char *action, const char *extra_name,
                        const char *extra, const char *label)
{
    HW_RAW(w, "<a class=\"button\"");
    if (extra_name)
        hw_attrf(w, "href", "/p/%s/do?action=%s&%s=%s", token, action, extra_name, extra);
    else
        hw_attrf(w, "href", "/p/%s/do?action=%s", token, action);
    HW_RAW(w, ">");
    hw_text(w, label);
    HW_RAW(w, "</a> ");
}

static const char *const done_words[][2] = {
    {"confirm", "Thank you: you confirmed what we understood."},
    {"correct", "Thank you: we have your correction and will come back to you."},
    {"choose", "Thank you: we have your choice and will get started."},
    {"propose", "Thank you: we have your proposal and will come back to you."},
    {"met", "Thank you for letting us know."},
    {"not_met", "Thank you for telling us; we will be in touch."},
    {"feedback", "Thank you for your feedback."},
};

static void notice(hw *w, const char *done)
{
    for (size_t i = 0; done && i < sizeof done_words / sizeof done_words[0]; i++)
        if (strcmp(done_words[i][0], done) == 0) {
            HW_RAW(w, "<p class=\"notice\" role=\"status\">");
            hw_text(w, done_words[i][1]);
            HW_RAW(w, "</p>");
        }
}

static void section_restatement(hw *w, json_t *v, const char *token)
{
    if (!desk_js(v, "restatement")) return;
    HW_RAW(w, "<section><h2>What we understood</h2><p class=\"restatement\">");
    hw_text(w, desk_js(v, "restatement"));
    HW_RAW(w, "</p>");
    if (json_is_true(json_object_get(v, "restatement_confirmed"))) {
        HW_RAW(w, "<p>You confirmed this.</p>");
    } else if (can(v, "confirm")) {
        HW_RAW(w, "<p>");
        action_link(w, token, "confirm", NULL, NULL, "Yes, that is right");
        action_link(w, token, "correct", NULL, NULL, "No, let me correct it");
        HW_RAW(w, "</p>");
    }
    HW_RAW(w, "</section>");
}

static void section_options(hw *w, json_t *v, const char *token)
{
    json_t *opts = json_object_get(v, "options");
    if (json_array_size(opts) == 0 && !can(v, "propose")) return;
    HW_RAW(w, "<section><h2>What we can do</h2>");
    if (json_array_size(opts)) HW_RAW(w, "<ol class=\"options\">");
    size_t i;
    json_t *o;
    json_array_foreach(opts, i, o)
    {
        HW_RAW(w, "<li><h3>");
        hw_text(w, kind_label(desk_js(o, "kind")));
        HW_RAW(w, "</h3><p>");
        hw_text(w, desk_js(o, "detail"));
        if (desk_js(o, "amount")) {
            HW_RAW(w, " (");
            hw_text(w, desk_js(o, "amount"));
            HW_RAW(w, ")");
        }
        HW_RAW(w, "</p><p>By ");
        hw_text(w, desk_js(o, "due_on"));
        HW_RAW(w, "</p>");
        if (can(v, "choose")) {
            char pos[24];
            snprintf(pos, sizeof pos, "%lld", (long long)desk_ji(o, "position"));
            action_link(w, token, "choose", "option", pos, "Choose this");
        }
        HW_RAW(w, "</li>");
    }
    if (json_array_size(opts)) HW_RAW(w, "</ol>");
    if (can(v, "propose")) {
        HW_RAW(w, "<p>None of these right for you? ");
        action_link(w, token, "propose", NULL, NULL, "Propose your own fix");
        HW_RAW(w, "</p>");
    }
    HW_RAW(w, "</section>");
}

static void section_commitments(hw *w, json_t *v, const char *token)
{
    json_t *cs = json_object_get(v, "commitments");
    if (json_array_size(cs) == 0) return;
    HW_RAW(w, "<section><h2>What we promised</h2><ul class=\"commitments\">");
    size_t i;
    json_t *c;
    json_array_foreach(cs, i, c)
    {
        HW_RAW(w, "<li><p>");
        hw_text(w, desk_js(c, "text"));
        HW_RAW(w, " — by ");
        hw_text(w, desk_js(c, "due_on"));
        if (json_is_true(json_object_get(c, "done"))) HW_RAW(w, " (done)");
        HW_RAW(w, "</p>");
        json_t *said = json_object_get(c, "client_says_met");
        if (json_is_boolean(said)) {
            HW_RAW(w, "<p>");
            hw_text(w, json_is_true(said) ? "You told us this was done as promised."
                                          : "You told us this was not done as promised.");
            HW_RAW(w, "</p>");
        } else {
            char id[24];
            snprintf(id, sizeof id, "%lld", (long long)desk_ji(c, "id"));
            HW_RAW(w, "<p>Done as promised? ");
            action_link(w, token, "met", "commitment", id, "Yes");
            action_link(w, token, "not_met", "commitment", id, "No");
            HW_RAW(w, "</p>");
        }
        HW_RAW(w, "</li>");
    }
    HW_RAW(w, "</ul></section>");
}

static void section_contact(hw *w, json_t *v, const char *token)
{
    if (can(v, "feedback")) {
        HW_RAW(w, "<section><h2>How did we do?</h2><p>");
        action_link(w, token, "feedback", NULL, NULL, "Leave feedback");
        HW_RAW(w, "</p></section>");
    }
    json_t *c = json_object_get(v, "contact");
    if (json_object_size(c) == 0) return;
    HW_RAW(w, "<section><h2>Reach me directly</h2><address>");
    if (desk_js(c, "name")) {
        hw_text(w, desk_js(c, "name"));
        HW_RAW(w, "<br>");
    }
    if (desk_js(c, "business")) {
        hw_text(w, desk_js(c, "business"));
        HW_RAW(w, "<br>");
    }
    if (desk_js(c, "email")) {
        HW_RAW(w, "<a");
        hw_attrf(w, "href", "mailto:%s", desk_js(c, "email"));
        HW_RAW(w, ">");
        hw_text(w, desk_js(c, "email"));
        HW_RAW(w, "</a><br>");
    }
    if (desk_js(c, "phone")) {
        HW_RAW(w, "<a");
        hw_attrf(w, "href", "tel:%s", desk_js(c, "phone"));
        HW_RAW(w, ">");
        hw_text(w, desk_js(c, "phone"));
        HW_RAW(w, "</a>");
    }
    HW_RAW(w, "</address></section>");
}

static const char *portal_title(json_t *v)
{
    json_t *c = json_object_get(v, "contact");
    return desk_js(c, "business") ? desk_js(c, "business")
           : desk_js(c, "name")   ? desk_js(c, "name")
                                  : "Your case";
}

rd_err *portal_page(http_req *rq, http_resp *rs)
{
    const char *token = http_arg(rq, "token");
    json_t *v = NULL;
    rd_err *e = desk_portal_view(rq->desk, token, &v);
    if (e && e->code == RD_NOT_FOUND) {
        rd_err_free(e);
        return not_valid(rs, "Ask for a new link: the one you followed has expired or was "
                             "replaced.");
    }
    if (e) return e;
    hw w;
    hw_begin(&w, &rs->body);
    open_page(&w, portal_title(v), portal_title(v));
    if (desk_js(v, "client_name")) {
        HW_RAW(&w, "<p>For ");
        hw_text(&w, desk_js(v, "client_name"));
        HW_RAW(&w, ". This page is private to you; please do not share the link.</p>");
    }
    notice(&w, http_arg(rq, "done"));
    section_restatement(&w, v, token);
    section_options(&w, v, token);
    section_commitments(&w, v, token);
    section_contact(&w, v, token);
    close_page(&w);
    json_decref(v);
    return finish(&w, rs);
}

/* ---------------------------------------------------------------- /p/TOKEN/do */

/* The confirmation step: what will happen, and the form that does it. */
static rd_err *confirm_page(http_req *rq, http_resp *rs, const char *token, json_t *v,
                            const rd_err *refused)
{
    const char *action = http_arg(rq, "action");
    if (!action || !can(v, action)) return rd_error(RD_NOT_FOUND, "action: not open on this case");
    char csrf[65];
    form_token(token, csrf);
    page_view pv = {
        .csrf = csrf, .failed = refused ? "portal" : NULL, .err = refused, .form = rq->form};
    hw w;
    buf_reset(&rs->body);
    hw_begin(&w, &rs->body);
    open_page(&w, portal_title(v), "Please confirm");
    char *path = xasprintf("/p/%s/do", token);
    static const char *const fields[] = {"words", "score", NULL};
    form_open(&w, &pv, path, "portal", fields);
    HW_RAW(&w, "<input type=\"hidden\" name=\"action\"");
    hw_attr(&w, "value", action);
    HW_RAW(&w, ">");
    const char *option = http_arg(rq, "option"), *commitment = http_arg(rq, "commitment");
    if (option) {
        HW_RAW(&w, "<input type=\"hidden\" name=\"option\"");
        hw_attr(&w, "value", option);
        HW_RAW(&w, ">");
    }
    if (commitment) {
        HW_RAW(&w, "<input type=\"hidden\" name=\"commitment\"");
        hw_attr(&w, "value", commitment);
        HW_RAW(&w, ">");
    }
    const char *button = "Confirm";
    if (strcmp(action, "confirm") == 0) {
        HW_RAW(&w, "<p>You are confirming that we understood what you want:</p><p "
                   "class=\"restatement\">");
        hw_text(&w, desk_js(v, "restatement"));
        HW_RAW(&w, "</p>");
        form_field(&w, &pv, "portal", "words", "Anything to add (optional)", NULL, "textarea",
                   NULL);
        button = "Yes, that is right";
    } else if (strcmp(action, "correct") == 0) {
        form_field(&w, &pv, "portal", "words", "What do you want, in your own words?", NULL,
                   "textarea", NULL);
        button = "Send my correction";
    } else if (strcmp(action, "choose") == 0) {
        HW_RAW(&w, "<p>You are choosing option ");
        hw_text(&w, option);
        HW_RAW(&w, ". We will start on it and keep you posted.</p>");
        form_field(&w, &pv, "portal", "words", "Anything to add (optional)", NULL, "textarea",
                   NULL);
        button = "Choose this option";
    } else if (strcmp(action, "propose") == 0) {
        form_field(&w, &pv, "portal", "words", "What would put it right for you?", NULL, "textarea",
                   NULL);
        button = "Send my proposal";
    } else if (strcmp(action, "met") == 0 || strcmp(action, "not_met") == 0) {
        bool met = strcmp(action, "met") == 0;
        HW_RAW(&w, "<p>");
        hw_text(&w, met ? "You are telling us this was done as promised."
                        : "You are telling us this was not done as promised.");
        HW_RAW(&w, "</p>");
        form_field(&w, &pv, "portal", "words",
                   met ? "Anything to add (optional)" : "What is still not right?", NULL,
                   "textarea", NULL);
        button = "Send";
    } else {
        static const char *const scores[] = {"5", "4", "3", "2", "1", NULL};
        form_select(&w, &pv, "portal", "score",
                    "How happy are you with how it was resolved? "
                    "(5 is very happy)",
                    scores, "5");
        form_field(&w, &pv, "portal", "words", "In your words (optional)", NULL, "textarea", NULL);
        button = "Send feedback";
    }
    form_close(&w, button);
    HW_RAW(&w, "<p><a");
    hw_attrf(&w, "href", "/p/%s", token);
    HW_RAW(&w, ">Back without changing anything</a></p>");
    close_page(&w);
    free(path);
    return finish(&w, rs);
}

rd_err *portal_do_page(http_req *rq, http_resp *rs)
{
    const char *token = http_arg(rq, "token");
    json_t *v = NULL;
    rd_err *e = desk_portal_view(rq->desk, token, &v);
    if (e && e->code == RD_NOT_FOUND) {
        rd_err_free(e);
        return not_valid(rs, "Ask for a new link: the one you followed has expired.");
    }
    if (!e) e = confirm_page(rq, rs, token, v, NULL);
    json_decref(v);
    return e;
}

rd_err *portal_do_post(http_req *rq, http_resp *rs)
{
    const char *token = http_arg(rq, "token");
    rd_err *e = form_token_check(rq, token);
    if (e) return e;
    desk_portal_action a = {http_arg(rq, "action"), http_arg(rq, "words"), http_arg(rq, "option"),
                            http_arg(rq, "commitment"), http_arg(rq, "score")};
    if (a.words && text_blank(a.words)) a.words = NULL;
    e = desk_portal_act(rq->desk, token, &a);
    if (!e) {
        char *to = xasprintf("/p/%s?done=%s", token, a.action);
        http_redirect(rs, to);
        free(to);
        return NULL;
    }
    if (e->code == RD_NOT_FOUND && strncmp(e->msg, "link:", 5) == 0) {
        rd_err_free(e);
        return not_valid(rs, "Ask for a new link: the one you followed has expired.");
    }
    /* refused: the same page again with the reason beside the field, nothing written */
    json_t *v = NULL;
    rd_err *e2 = desk_portal_view(rq->desk, token, &v);
    if (!e2 && a.action && can(v, a.action)) {
        rs->status = rd_err_http_status(e);
        e2 = confirm_page(rq, rs, token, v, e);
        rd_err_free(e);
        e = e2;
    } else {
        rd_err_free(e2);
        if (e->code == RD_CONFLICT) {
            rd_err_free(e);
            e = rd_error(RD_CONFLICT, "action: this step is not open any more; the page of your "
                                      "case shows where things stand");
        }
    }
    json_decref(v);
    return e;
}

/* ---------------------------------------------------------------- /s/TOKEN */

static rd_err *survey_form(http_req *rq, http_resp *rs, const char *token, json_t *sv,
                           const rd_err *refused)
{
    char csrf[65];
    form_token(token, csrf);
    page_view pv = {
        .csrf = csrf, .failed = refused ? "survey" : NULL, .err = refused, .form = rq->form};
    hw w;
    buf_reset(&rs->body);
    hw_begin(&w, &rs->body);
    open_page(&w, "A short survey", "How was it to work with us?");
    HW_RAW(&w, "<p>This survey is anonymous: your answers are kept without your name, without "
               "the time you answered, and mixed with everyone else's; they are read only once "
               "enough people have answered. The link works once.</p>");
    char *path = xasprintf("/s/%s", token);
    static const char *const fields[] = {"score", "answer", NULL};
    form_open(&w, &pv, path, "survey", fields);
    static const char *const scores[] = {"5", "4", "3", "2", "1", NULL};
    form_select(&w, &pv, "survey", "score", "Overall, how satisfied are you? (5 is very)", scores,
                "5");
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(sv, "questions"), i, q)
    {
        /* one textarea per question, all named answer (kept in order), each with its label */
        HW_RAW(&w, "<div class=\"field\"><label");
        hw_attrf(&w, "for", "answer-%zu", i + 1);
        HW_RAW(&w, ">");
        hw_text(&w, desk_js(q, "text"));
        HW_RAW(&w, "</label><textarea name=\"answer\" rows=\"4\" maxlength=\"2000\"");
        hw_attrf(&w, "id", "answer-%zu", i + 1);
        HW_RAW(&w, "></textarea></div>");
    }
    form_close(&w, "Send my answers");
    close_page(&w);
    free(path);
    return finish(&w, rs);
}

rd_err *survey_page(http_req *rq, http_resp *rs)
{
    const char *token = http_arg(rq, "token");
    json_t *sv = NULL;
    rd_err *e = desk_survey_view(rq->desk, token, &sv);
    if (e && e->code == RD_NOT_FOUND) {
        rd_err_free(e);
        return not_valid(rs, "This survey link was already used, or it is not a survey link. "
                             "Thank you if you already answered.");
    }
    if (!e) e = survey_form(rq, rs, token, sv, NULL);
    json_decref(sv);
    return e;
}

rd_err *survey_post(http_req *rq, http_resp *rs)
{
    const char *token = http_arg(rq, "token");
    rd_err *e = form_token_check(rq, token);
    if (e) return e;
    const char *answers[16];
    int n = http_arg_all(rq, "answer", answers, 16);
    e = desk_survey_respond(rq->desk, token, http_arg(rq, "score"), answers, n);
    if (e && e->code == RD_NOT_FOUND) {
        rd_err_free(e);
        return not_valid(rs, "This survey link was already used. Thank you if you answered.");
    }
    if (e && e->code == RD_INVALID) {
        json_t *sv = NULL;
        rd_err *e2 = desk_survey_view(rq->desk, token, &sv);
        if (!e2) {
            rs->status = rd_err_http_status(e);
            e2 = survey_form(rq, rs, token, sv, e);
        }
        json_decref(sv);
        rd_err_free(e);
        return e2;
    }
    if (e) return e;
    hw w;
    hw_begin(&w, &rs->body);
    open_page(&w, "Thank you", "Thank you");
    HW_RAW(&w, "<p>Your answers are in. They cannot be traced back to you.</p>");
    close_page(&w);
    return finish(&w, rs);
}

/* ---------------------------------------------------------------- the user's side */

rd_err *page_portal_link_post(http_req *rq, http_resp *rs)
{
    int64_t id;
    char *token = NULL;
    json_t *out = NULL;
    rd_err *e = http_arg_id(rq, "id", &id);
    if (!e) e = desk_portal_link(rq->desk, id, http_arg(rq, "expires"), &token, &out);
    if (e) return e;
    const char *host = http_header(rq, "Host");
    char *url = xasprintf("%s://%s/p/%s", rq->secure ? "https" : "http", host ? host : "", token);
    page_view pv = {.user = rq->user, .csrf = rq->csrf};
    hw w;
    hw_begin(&w, &rs->body);
    page_open(&w, &pv, "A private link for the client", "cases");
    HW_RAW(&w, "<h1>A private link for the client</h1><p>Send this link to the client. It is "
               "shown only now (redress keeps only a fingerprint of it) and works until ");
    hw_text(&w, json_string_value(json_object_get(out, "expires_at")));
    HW_RAW(&w, ". Through it the client sees what you understood, your options with their "
               "dates, your commitments and your contact details, and can answer each; nothing "
               "internal is shown.</p><p><label for=\"portal-url\">Link</label> <input "
               "id=\"portal-url\" type=\"text\" readonly size=\"70\"");
    hw_attr(&w, "value", url);
    HW_RAW(&w, "></p><p><a");
    hw_attrf(&w, "href", "/cases/%lld", (long long)id);
    HW_RAW(&w, ">Back to the case</a></p>");
    page_close(&w);
    free(url);
    free(token);
    json_decref(out);
    http_header_add(rs, "Cache-Control", "no-store");
    return hw_end(&w);
}
