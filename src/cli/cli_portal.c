/* cli_portal.c — the client's side from the command line: `redress portal …` (private case
 * links and what clients did through them), `redress survey …` (anonymous surveys),
 * `redress review …` (public reviews and the reply to each) and `redress testimonial …`. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_opt no_opts[] = {{NULL, NULL, 0, NULL}};
static const cli_opt list_opts[] = {{NULL, NULL, 0, NULL}};

/* Where the web desk is reached: --base-url, else the web.url setting, else the default of
 * `redress serve`. Caller frees. */
static char *base_url(cli_ctx *c)
{
    const char *given = cli_get(c, "base-url");
    if (given) return xstrdup(given);
    char *v = NULL;
    rd_err *e = desk_config_get(&c->desk, "web.url", &v);
    if (e || !v || !*v) {
        rd_err_free(e);
        free(v);
        return xstrdup("http://127.0.0.1:8080");
    }
    return v;
}

/* ---------------------------------------------------------------- portal */

static rd_err *portal_link(cli_ctx *c)
{
    int64_t id;
    char *token = NULL;
    json_t *out = NULL;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    if (!e) e = desk_portal_link(&c->desk, id, cli_get(c, "expires"), &token, &out);
    if (e) return e;
    char *base = base_url(c);
    size_t n = strlen(base);
    char *url = xasprintf("%.*s/p/%s", (int)(n && base[n - 1] == '/' ? n - 1 : n), base, token);
    if (c->json) {
        json_object_set_new(out, "url", json_string(url));
        cli_print_json(out);
    } else {
        printf("%s\n", url);
        fprintf(stderr,
                "link %lld for case %lld, valid until %s; shown once (only its hash is kept).\n"
                "Send it to the client: they can confirm what they want, choose an option and\n"
                "leave feedback without an account. `redress portal revoke %lld` ends it.\n",
                (long long)ji(out, "id"), (long long)id, js(out, "expires_at"),
                (long long)ji(out, "id"));
    }
    free(url);
    free(base);
    free(token);
    json_decref(out);
    return NULL;
}

static const cli_col link_cols[] = {{"LINK", "id", COL_INT, 0},
                                    {"CREATED", "created_at", COL_TIME, 0},
                                    {"EXPIRES", "expires_at", COL_TIME, 0},
                                    {"REVOKED", "revoked_at", COL_TIME, 0},
                                    {"LAST USED", "last_used_at", COL_TIME, 0},
                                    {NULL, NULL, 0, 0}};

static rd_err *links_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "case", &id);
    return e ? e : desk_portal_links(&c->desk, id, page, rows);
}

static rd_err *portal_links(cli_ctx *c)
{
    return cli_list_pages(c, links_page, link_cols);
}

static rd_err *portal_revoke(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "link", &id);
    if (!e) e = desk_portal_revoke(&c->desk, id);
    if (!e) printf("link %lld revoked: it opens nothing from now on\n", (long long)id);
    return e;
}

static const cli_col event_cols[] = {{"EVENT", "id", COL_INT, 0},
                                     {"WHEN", "at", COL_TIME, 0},
                                     {"CASE", "case_id", COL_INT, 0},
                                     {"CLIENT", "client_name", COL_TEXT, 30},
                                     {"WHAT", "summary", COL_TEXT, 50},
                                     {"SEEN", "seen_at", COL_TIME, 0},
                                     {NULL, NULL, 0, 0}};

static rd_err *events_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_portal_events(&c->desk, !cli_flag(c, "all"), page, rows);
}

static rd_err *portal_events(cli_ctx *c)
{
    return cli_list_pages(c, events_page, event_cols);
}

static rd_err *portal_seen(cli_ctx *c)
{
    int64_t id = 0, n = 0;
    rd_err *e = NULL;
    if (c->npos) e = cli_pos_id(c, 0, "event", &id);
    if (!e && !c->npos && !cli_flag(c, "all"))
        e = rd_error(RD_USAGE, "portal seen: give an event id or --all");
    if (!e) e = desk_portal_seen(&c->desk, id, &n);
    if (!e) printf("%lld event%s marked seen\n", (long long)n, n == 1 ? "" : "s");
    return e;
}

static const cli_opt link_opts[] = {
    {"expires", "DAYS", 0, "days the link stays valid (1-180, default 30)"},
    {"base-url", "URL", 0, "where clients reach the web desk (default: the web.url setting)"},
    {NULL, NULL, 0, NULL}};
static const cli_opt events_opts[] = {{"all", NULL, 0, "every event, not only unseen ones"},
                                      {NULL, NULL, 0, NULL}};
static const cli_opt seen_opts[] = {{"all", NULL, 0, "mark every unseen event seen"},
                                    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_portal_link = {
    "portal link",
    "CASE",
    1,
    1,
    CMD_JSON,
    "Make a private link the client opens to take part in their case.",
    "Prints the URL, ready to paste into an email; it is shown once (only a hash is kept).\n"
    "Through it the client sees the restatement, the options with their dates, the\n"
    "commitments and your contact details (set with config set me.email and me.phone), and\n"
    "can confirm or correct the restatement, choose an option or propose their own fix, say\n"
    "whether a commitment was met and leave feedback. Nothing internal is shown: no notes,\n"
    "triage, margins, other cases or clients. Each action lands in the log as coming from the\n"
    "client and shows in `redress today` and `redress portal events`.",
    link_opts,
    portal_link};
const cli_cmd cmd_portal_links = {"portal links",
                                  "CASE",
                                  1,
                                  1,
                                  CMD_JSON | CMD_LIST,
                                  "List a case's portal links and when each was last used.",
                                  NULL,
                                  list_opts,
                                  portal_links};
const cli_cmd cmd_portal_revoke = {"portal revoke",
                                   "LINK",
                                   1,
                                   1,
                                   0,
                                   "Revoke a portal link: it opens nothing from then on.",
                                   NULL,
                                   no_opts,
                                   portal_revoke};
const cli_cmd cmd_portal_events = {"portal events",
                                   NULL,
                                   0,
                                   0,
                                   CMD_JSON | CMD_LIST,
                                   "What clients did on their portal page, not yet seen first.",
                                   NULL,
                                   events_opts,
                                   portal_events};
const cli_cmd cmd_portal_seen = {"portal seen",
                                 "[EVENT]",
                                 0,
                                 1,
                                 0,
                                 "Mark a portal event (or --all) seen, so today stops showing it.",
                                 NULL,
                                 seen_opts,
                                 portal_seen};

/* ---------------------------------------------------------------- surveys */

static rd_err *survey_create(cli_ctx *c)
{
    int nq = 0;
    const char **q = cli_multi(c, "question", &nq);
    desk_survey_input in = {.period = cli_get(c, "period"),
                            .questions = q,
                            .nquestions = nq,
                            .min_responses = cli_get(c, "min-responses")};
    json_t *out = NULL;
    rd_err *e = desk_survey_create(&c->desk, &in, &out);
    if (e) return e;
    char *base = base_url(c);
    size_t i;
    json_t *l;
    json_array_foreach(json_object_get(out, "links"), i, l)
    {
        char *url = xasprintf("%s/s/%s", base, js(l, "token"));
        json_object_set_new(l, "url", json_string(url));
        free(url);
    }
    if (c->json) {
        cli_print_json(out);
    } else {
        size_t n = json_array_size(json_object_get(out, "links"));
        printf("survey %lld: %zu client%s with work from %s to %s\n", (long long)ji(out, "id"), n,
               n == 1 ? "" : "s", js(out, "period_from"), js(out, "period_to"));
        json_array_foreach(json_object_get(out, "links"), i, l)
            printf("  %s <%s>  %s\n", js(l, "name"), js(l, "email") ? js(l, "email") : "no email",
                   js(l, "url"));
        printf("Send each client their link. This list is the only place a link and a client\n"
               "meet: redress keeps neither, so no answer can be traced back. Results show\n"
               "once %lld answers are in: redress survey results %lld\n",
               (long long)ji(out, "min_responses"), (long long)ji(out, "id"));
    }
    free(base);
    json_decref(out);
    return NULL;
}

static rd_err *survey_results(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    rd_err *e = cli_pos_id(c, 0, "survey", &id);
    if (!e) e = desk_survey_results(&c->desk, id, &r);
    if (e) return e;
    if (c->json) {
        cli_print_json(r);
        json_decref(r);
        return NULL;
    }
    printf("survey %lld, work from %s to %s: %lld of %lld answered\n", (long long)id,
           js(r, "period_from"), js(r, "period_to"), (long long)ji(r, "responses"),
           (long long)ji(r, "invited"));
    if (!json_is_true(json_object_get(r, "shown"))) {
        printf("results show once %lld answers are in, so that no answer stands out\n",
               (long long)ji(r, "min_responses"));
    } else {
        json_t *sc = json_object_get(r, "scores");
        printf("average %.1f out of 5   (1:%lld 2:%lld 3:%lld 4:%lld 5:%lld)\n",
               json_real_value(json_object_get(r, "average")),
               (long long)json_integer_value(json_array_get(sc, 0)),
               (long long)json_integer_value(json_array_get(sc, 1)),
               (long long)json_integer_value(json_array_get(sc, 2)),
               (long long)json_integer_value(json_array_get(sc, 3)),
               (long long)json_integer_value(json_array_get(sc, 4)));
        size_t i, j;
        json_t *q, *a;
        json_array_foreach(json_object_get(r, "questions"), i, q)
        {
            printf("\n%s%s%s\n", cli_bold(c), js(q, "question"), cli_reset(c));
            json_array_foreach(json_object_get(q, "answers"), j, a)
                printf("  - %s\n", json_string_value(a));
        }
    }
    json_decref(r);
    return NULL;
}

static const cli_col survey_cols[] = {{"SURVEY", "id", COL_INT, 0},
                                      {"FROM", "period_from", COL_DATE, 0},
                                      {"TO", "period_to", COL_DATE, 0},
                                      {"INVITED", "invited", COL_INT, 0},
                                      {"ANSWERS", "responses", COL_INT, 0},
                                      {"CLOSED", "closed_at", COL_TIME, 0},
                                      {NULL, NULL, 0, 0}};

static rd_err *surveys_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_survey_list(&c->desk, page, rows);
}

static rd_err *survey_list(cli_ctx *c)
{
    return cli_list_pages(c, surveys_page, survey_cols);
}

static rd_err *survey_close(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "survey", &id);
    if (!e) e = desk_survey_close(&c->desk, id);
    if (!e) printf("survey %lld closed: its unused links take no more answers\n", (long long)id);
    return e;
}

static const cli_opt survey_opts[] = {
    {"period", "FROM..TO", CLI_REQUIRED, "clients with work in this period are invited"},
    {"question", "TEXT", CLI_REQUIRED | CLI_MULTI, "a question to ask (repeat for more)"},
    {"min-responses", "N", 0, "results stay hidden below this (default 5, never below 3)"},
    {"base-url", "URL", 0, "where clients reach the web desk (default: the web.url setting)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_survey_create = {
    "survey create",
    NULL,
    0,
    0,
    CMD_JSON,
    "Survey every client with work in a period, anonymously.",
    "Prints one link per client, in random order. No answer can be linked to a client, not\n"
    "even by you reading the database: links are kept only as hashes with no client beside\n"
    "them, a link works once, answers keep only their day and are stored in random order,\n"
    "and results show only once --min-responses answers are in.",
    survey_opts,
    survey_create};
const cli_cmd cmd_survey_list = {"survey list",   NULL, 0,         0,          CMD_JSON | CMD_LIST,
                                 "List surveys.", NULL, list_opts, survey_list};
const cli_cmd cmd_survey_results = {"survey results",
                                    "SURVEY",
                                    1,
                                    1,
                                    CMD_JSON,
                                    "Show a survey's answers once enough are in.",
                                    NULL,
                                    no_opts,
                                    survey_results};
const cli_cmd cmd_survey_close = {"survey close",
                                  "SURVEY",
                                  1,
                                  1,
                                  0,
                                  "Close a survey: unused links take no more answers.",
                                  NULL,
                                  no_opts,
                                  survey_close};

/* ---------------------------------------------------------------- reviews */

static rd_err *review_add(cli_ctx *c)
{
    char *text = NULL;
    rd_err *e = cli_read_text(c, "text", &text);
    desk_review_input in = {.platform = cli_get(c, "platform"),
                            .rating = cli_get(c, "rating"),
                            .text = text,
                            .link = cli_get(c, "link"),
                            .date = cli_get(c, "date"),
                            .client = cli_get(c, "client"),
                            .case_id = cli_get(c, "case")};
    int64_t id = 0;
    if (!e) e = desk_review_add(&c->desk, &in, &id);
    free(text);
    if (!e) cli_print_id(c, id);
    return e;
}

static const cli_col review_fields[] = {{"review", "id", COL_INT, 0},
                                        {"platform", "platform", COL_TEXT, 0},
                                        {"rating", "rating", COL_INT, 0},
                                        {"posted", "posted_on", COL_DATE, 0},
                                        {"link", "link", COL_TEXT, 0},
                                        {"client", "client_name", COL_TEXT, 0},
                                        {"case", "case_id", COL_INT, 0},
                                        {"threatened in", "threat_log_id", COL_INT, 0},
                                        {"review", "text", COL_TEXT, 0},
                                        {"reply", "reply", COL_TEXT, 0},
                                        {"reply passed", "reply_checked_at", COL_TIME, 0},
                                        {"reply posted", "reply_posted_at", COL_TIME, 0},
                                        {NULL, NULL, 0, 0}};

static rd_err *review_show(cli_ctx *c)
{
    int64_t id;
    json_t *r = NULL;
    rd_err *e = cli_pos_id(c, 0, "review", &id);
    if (!e) e = desk_review_get(&c->desk, id, &r);
    if (e) return e;
    if (c->json)
        cli_print_json(r);
    else
        cli_fields(c, r, review_fields);
    json_decref(r);
    return NULL;
}

static const cli_col review_cols[] = {{"REVIEW", "id", COL_INT, 0},
                                      {"POSTED", "posted_on", COL_DATE, 0},
                                      {"PLATFORM", "platform", COL_TEXT, 20},
                                      {"RATING", "rating", COL_INT, 0},
                                      {"CLIENT", "client_name", COL_TEXT, 30},
                                      {"REPLY POSTED", "reply_posted_at", COL_TIME, 0},
                                      {NULL, NULL, 0, 0}};

static rd_err *reviews_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_review_list(&c->desk, page, rows);
}

static rd_err *review_list(cli_ctx *c)
{
    return cli_list_pages(c, reviews_page, review_cols);
}

static rd_err *review_reply(cli_ctx *c)
{
    int64_t id;
    char *text = NULL;
    json_t *report = NULL;
    rd_err *e = cli_pos_id(c, 0, "review", &id);
    if (!e) e = cli_read_text(c, "text", &text);
    if (!e && !text) e = text_read("text", "-", DESK_MAX_TEXT, &text, NULL);
    if (!e) e = desk_review_reply(&c->desk, id, text, &report);
    free(text);
    if (e) return e;
    if (c->json) {
        cli_print_json(report);
    } else {
        cli_print_tone(c, report);
        if (ji(report, "errors"))
            printf("not ready for a public page: fix the errors, then reply again\n");
        else
            printf("ready to post; once it is up: redress review posted %lld\n", (long long)id);
    }
    json_decref(report);
    return NULL;
}

static rd_err *review_posted(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "review", &id);
    if (!e) e = desk_review_posted(&c->desk, id, cli_get(c, "override"));
    if (!e) printf("reply to review %lld marked posted\n", (long long)id);
    return e;
}

static const cli_opt review_opts[] = {
    {"platform", "NAME", CLI_REQUIRED, "where it was posted (Google, Trustpilot, …)"},
    {"text", "FILE|-", CLI_REQUIRED, "the review as posted"},
    {"rating", "1-5", 0, "stars, when the platform has them"},
    {"link", "URL", 0, "where it can be read"},
    {"date", "YYYY-MM-DD", 0, "when it was posted (default today)"},
    {"client", "ID", 0, "the reviewer, when you know who it is"},
    {"case", "ID", 0, "the case it is about"},
    {NULL, NULL, 0, NULL}};
static const cli_opt reply_opts[] = {{"text", "FILE|-", 0, "the reply (default: standard input)"},
                                     {NULL, NULL, 0, NULL}};
static const cli_opt posted_opts[] = {
    {"override", "REASON", 0, "post despite the check's errors (the reason is audited)"},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_review_add = {
    "review add",
    NULL,
    0,
    0,
    CMD_JSON,
    "Record a public review, linked to the message that threatened it.",
    "With --client, the review joins the client's log, and the newest message in which the\n"
    "client threatened a review is linked to it.",
    review_opts,
    review_add};
const cli_cmd cmd_review_list = {"review list",
                                 NULL,
                                 0,
                                 0,
                                 CMD_JSON | CMD_LIST,
                                 "List public reviews, newest first.",
                                 NULL,
                                 list_opts,
                                 review_list};
const cli_cmd cmd_review_show = {
    "review show", "REVIEW", 1,          1, CMD_JSON, "Show a review and its reply.",
    NULL,          no_opts,  review_show};
const cli_cmd cmd_review_reply = {
    "review reply",
    "REVIEW",
    1,
    1,
    CMD_JSON,
    "Draft the public reply and check it for a public page.",
    "Beyond the tone check every reply gets, a public reply must not argue the facts\n"
    "(defensive), show private details (an email address, phone number, amount or invoice)\n"
    "or blame the reviewer, and it must thank them and offer to take it offline.",
    reply_opts,
    review_reply};
const cli_cmd cmd_review_posted = {"review posted",
                                   "REVIEW",
                                   1,
                                   1,
                                   0,
                                   "Mark the reply posted (only once it passes the check).",
                                   NULL,
                                   posted_opts,
                                   review_posted};

/* ---------------------------------------------------------------- testimonials */

static rd_err *testimonial_ask(cli_ctx *c)
{
    char *text = NULL;
    json_t *report = NULL;
    int64_t id = 0;
    rd_err *e = cli_read_text(c, "text", &text);
    if (!e && !text) e = text_read("text", "-", DESK_MAX_TEXT, &text, NULL);
    desk_testimonial_input in = {
        .client = cli_get(c, "client"), .case_id = cli_get(c, "case"), .text = text};
    if (!e) e = desk_testimonial_ask(&c->desk, &in, cli_get(c, "override"), &id, &report);
    free(text);
    if (e) return e;
    if (c->json) {
        json_object_set_new(report, "id", json_integer(id));
        cli_print_json(report);
    } else {
        printf("%lld\n", (long long)id);
        cli_print_tone(c, report);
    }
    json_decref(report);
    return NULL;
}

static rd_err *testimonial_answer(cli_ctx *c)
{
    int64_t id;
    rd_err *e = cli_pos_id(c, 0, "testimonial", &id);
    if (!e)
        e = desk_testimonial_answer(&c->desk, id, cli_get(c, "answer"), cli_get(c, "quote"),
                                    cli_get(c, "where"));
    if (!e) printf("answer to request %lld recorded\n", (long long)id);
    return e;
}

static const cli_col testimonial_cols[] = {
    {"REQUEST", "id", COL_INT, 0},     {"CLIENT", "client_name", COL_TEXT, 30},
    {"CASE", "case_id", COL_INT, 0},   {"ASKED", "asked_at", COL_TIME, 0},
    {"ANSWER", "answer", COL_TEXT, 0}, {"MAY BE QUOTED", "quotable_where", COL_TEXT, 30},
    {"QUOTE", "quote", COL_TEXT, 40},  {NULL, NULL, 0, 0}};

static rd_err *testimonials_page(cli_ctx *c, rd_page *page, json_t **rows)
{
    return desk_testimonial_list(&c->desk, page, rows);
}

static rd_err *testimonial_list(cli_ctx *c)
{
    return cli_list_pages(c, testimonials_page, testimonial_cols);
}

static const cli_opt ask_opts[] = {
    {"client", "ID", CLI_REQUIRED, "the client to ask"},
    {"case", "ID", 0, "the case that closed well (default: their best one)"},
    {"text", "FILE|-", 0, "the request (default: standard input); it is tone-checked"},
    {"override", "REASON", 0, "ask anyway (no case closed well, or tone errors); audited"},
    {NULL, NULL, 0, NULL}};
static const cli_opt answer_opts[] = {
    {"answer", "yes|no", CLI_REQUIRED, "what the client said"},
    {"quote", "TEXT", 0, "the words they agreed to have quoted (with yes)"},
    {"where", "TEXT", 0, "where they agreed it may appear, e.g. \"website, proposals\""},
    {NULL, NULL, 0, NULL}};

const cli_cmd cmd_testimonial_ask = {
    "testimonial ask",
    NULL,
    0,
    0,
    CMD_JSON,
    "Ask a client whose case closed well for a testimonial.",
    "Only once a case has closed with feedback of 4 or 5 and they are still your client; the\n"
    "request is tone-checked and logged.",
    ask_opts,
    testimonial_ask};
const cli_cmd cmd_testimonial_answer = {"testimonial answer",
                                        "REQUEST",
                                        1,
                                        1,
                                        0,
                                        "Record the answer: the quote and where it may be used.",
                                        NULL,
                                        answer_opts,
                                        testimonial_answer};
const cli_cmd cmd_testimonial_list = {"testimonial list",
                                      NULL,
                                      0,
                                      0,
                                      CMD_JSON | CMD_LIST,
                                      "List testimonial requests and answers.",
                                      NULL,
                                      list_opts,
                                      testimonial_list};
