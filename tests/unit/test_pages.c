/* test_pages.c — the web desk's page bodies rendered from a demo desk: each page shows what it
 * is for, a script typed by a client stays text on every page that shows it, a refused form
 * is shown again with the desk's error beside its field and the typed values kept, and the
 * highlights of triage and the tone check land on the right words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "desk/desk.h"
#include "store/store.h"
#include "http/pages.h"

typedef struct fx {
    rd_store *st;
    rd_desk d;
    rd_buf b;
} fx;

static int setup(void **state)
{
    setenv("REDRESS_NOW", "2026-11-25T09:00:00Z", 1);
    setenv("TZ", "UTC", 1);
    fx *f = calloc(1, sizeof *f);
    assert_null(store_open(":memory:", &f->st));
    f->d.st = f->st;
    f->d.actor = "tester";
    assert_null(desk_demo_load(&f->d));
    buf_init(&f->b, 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    buf_reset(&f->b);
    store_close(f->st);
    free(f);
    return 0;
}

typedef rd_err *(*body_fn)(rd_desk *d, const page_view *v, hw *w);

/* Renders a page into f->b (emptied first) and returns it. */
static const char *render(fx *f, body_fn fn, const page_view *v)
{
    buf_reset(&f->b);
    hw w;
    hw_begin(&w, &f->b);
    rd_err *e = fn(&f->d, v, &w);
    if (!e) e = hw_end(&w);
    if (e) fail_msg("%s", e->msg);
    return buf_str(&f->b);
}

typedef rd_err *(*entity_fn)(rd_desk *d, int64_t id, const page_view *v, hw *w);

/* Renders the page of one case or client into f->b. */
static const char *render_one(fx *f, entity_fn fn, int64_t id, const page_view *v)
{
    buf_reset(&f->b);
    hw w;
    hw_begin(&w, &f->b);
    rd_err *e = fn(&f->d, id, v, &w);
    if (!e) e = hw_end(&w);
    if (e) fail_msg("%s", e->msg);
    return buf_str(&f->b);
}

#define render_case(f, id, v)   render_one((f), page_case_body, (id), (v))
#define render_client(f, id, v) render_one((f), page_client_body, (id), (v))

static void has(const char *page, const char *part)
{
    if (!strstr(page, part)) fail_msg("missing: %s", part);
}

static void test_every_page_renders_on_the_demo_desk(void **state)
{
    fx *f = *state;
    page_view v = {.user = "ann", .csrf = "tok123"};
    const struct {
        body_fn fn;
        const char *h1, *nav;
    } pages[] = {
        {page_today_body, "<h1>Today, 2026-11-25</h1>", "href=\"/\" aria-current=\"page\""},
        {page_cases_body, "<h1>Cases</h1>", "href=\"/cases\" aria-current=\"page\""},
        {page_clients_body, "<h1>Clients</h1>", "href=\"/clients\" aria-current=\"page\""},
        {page_projects_body, "<h1>Projects</h1>", "href=\"/projects\" aria-current=\"page\""},
        {page_invoices_body, "<h1>Invoices</h1>", "href=\"/invoices\" aria-current=\"page\""},
        {page_lessons_body, "<h1>Lessons</h1>", "href=\"/lessons\" aria-current=\"page\""},
        {page_settings_body, "<h1>Settings</h1>", "href=\"/settings\" aria-current=\"page\""},
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        const char *p = render(f, pages[i].fn, &v);
        has(p, pages[i].h1);
        has(p, pages[i].nav);
        has(p, "<meta name=\"csrf-token\" content=\"tok123\">");
        has(p, "</html>");
        assert_null(strstr(p, "<script>")); /* the only script is the external file */
    }
    const char *today = render(f, page_today_body, &v);
    has(today, "invoice overdue</span> <a href=\"/clients/3\">Northwind Analytics</a>: invoice "
               "2026-031: 2,600.00 USD open, 10 days past due");
    has(today, "<a class=\"button secondary\" href=\"/invoices\">See the invoices</a>");
    has(today, "<h3>intake</h3>");
    has(today, "review_threat on case 2");
    const char *inv = render(f, page_invoices_body, &v);
    assert_true(strstr(inv, "2026-031") < strstr(inv, "2026-024")); /* overdue first */
    const char *client = render_client(f, 1, &v);
    has(client, "href=\"mailto:orders@harbourlane.example\"");
    has(client, "href=\"tel:+44 20 7946 0321\"");
    desk_time_input t = {.client = "1", .minutes = "90", .note = "call about the boards"};
    int64_t tid;
    assert_null(desk_time_add(&f->d, &t, &tid));
    client = render_client(f, 1, &v);
    has(client, "Cost of serving against revenue");
    has(client, "75.00 EUR of time (90 min at your hourly cost)");
    has(client, "some invoices are in another currency");
}

static void test_case_page_marks_triage_and_offers_the_next_step(void **state)
{
    fx *f = *state;
    page_view v = {.csrf = "tok"};
    const char *p = render_case(f, 2, &v);
    has(p,
        "<mark class=\"threat\" data-rule=\"review_threat\" title=\"review_threat\">review</mark>");
    has(p, "<li aria-current=\"step\">intake</li>");
    has(p, "<a class=\"button\" id=\"next-action\" href=\"#concern\">Record a concern</a>");
    has(p, "<details class=\"step\" id=\"concern\" open>");
    has(p, "<input type=\"hidden\" name=\"csrf\" value=\"tok\">");
    has(p, "href=\"tel:+39 02 1234 5678\"");
    has(p, "data-tone-check");
}

static void test_script_typed_by_a_client_stays_text(void **state)
{
    fx *f = *state;
    const char *evil = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    desk_client_input c = {evil, "x@example.com", NULL, evil, evil, NULL};
    int64_t client_id, case_id, cid;
    assert_null(desk_client_add(&f->d, &c, &client_id));
    char cl[32];
    snprintf(cl, sizeof cl, "%lld", (long long)client_id);
    desk_case_input k = {cl, NULL, "email", NULL, evil};
    assert_null(desk_case_open(&f->d, &k, &case_id));
    desk_concern_input con = {evil, evil, evil};
    assert_null(desk_concern_add(&f->d, case_id, &con, NULL, &cid));
    page_view v = {.user = evil};
    const char *pages[5];
    char *copies[5];
    pages[0] = render(f, page_today_body, &v);
    copies[0] = xstrdup(pages[0]);
    pages[1] = render(f, page_clients_body, &v);
    copies[1] = xstrdup(pages[1]);
    pages[2] = render(f, page_cases_body, &v);
    copies[2] = xstrdup(pages[2]);
    pages[3] = render_client(f, client_id, &v);
    copies[3] = xstrdup(pages[3]);
    pages[4] = render_case(f, case_id, &v);
    copies[4] = xstrdup(pages[4]);
    for (int i = 0; i < 5; i++) {
        assert_null(strstr(copies[i], "<script>alert"));
        assert_null(strstr(copies[i], "<img"));
        has(copies[i], "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img");
        free(copies[i]);
    }
}

/* Form fields for page_case_post from a NULL-terminated list of name, value pairs. */
static const char *pairs_arg(const void *ctx, const char *name)
{
    const char *const *p = ctx;
    for (; p[0]; p += 2)
        if (!strcmp(p[0], name)) return p[1];
    return NULL;
}

static void test_refused_form_shows_the_error_beside_its_field(void **state)
{
    fx *f = *state;
    const char *posted[] = {"form", "concern", "text", "", "specifics", "board <3>", NULL};
    char *loc = NULL;
    rd_err *e = page_case_form(&f->d, 2, pairs_arg, posted, &loc);
    assert_non_null(e);
    assert_null(loc);
    json_t *form =
        json_pack("{s:s, s:s, s:s}", "form", "concern", "text", "", "specifics", "board <3>");
    page_view v = {.failed = "concern", .err = e, .form = form};
    const char *p = render_case(f, 2, &v);
    has(p, "id=\"concern-text\" name=\"text\" autofocus aria-invalid=\"true\" "
           "aria-describedby=\"concern-text-error\"");
    has(p, "<p class=\"field-error\" id=\"concern-text-error\">text:");
    has(p, "<p class=\"form-error\" role=\"alert\">Not done: text:");
    has(p, "value=\"board &lt;3&gt;\""); /* what was typed is kept, escaped */
    json_decref(form);
    rd_err_free(e);

    const char *ok[] = {"form", "concern", "text", "The album is six weeks late", NULL};
    assert_null(page_case_form(&f->d, 2, pairs_arg, ok, &loc));
    assert_string_equal(loc, "/cases/2?done=concern#concerns");
    free(loc);
    assert_string_equal(page_case_notice("concern"), "Concern recorded.");
    page_view after = {.notice = page_case_notice("concern")};
    p = render_case(f, 2, &after);
    has(p, "<li>The album is six weeks late</li>");
    has(p, "<p class=\"notice\" role=\"status\">Concern recorded.</p>");
    has(p, "<li aria-current=\"step\">listening</li>");

    /* out of order: refused in the playbook's words, with the step to take first as a button */
    const char *early[] = {"form", "cause", "root", "quality", NULL};
    e = page_case_form(&f->d, 2, pairs_arg, early, &loc);
    assert_non_null(e);
    assert_true(e->overridable);
    page_view refused = {.failed = "cause", .err = e};
    p = render_case(f, 2, &refused);
    has(p, "acknowledge the complaint first");
    has(p, "<div class=\"error-next\"><a class=\"button\" id=\"error-next\" "
           "href=\"/cases/2#acknowledge\">Record the acknowledgement</a></div>");
    rd_err_free(e);
}

static void test_draft_shows_tone_findings_and_hold(void **state)
{
    fx *f = *state;
    const char *posted[] = {"form", "draft", "text", "I'm sorry if you felt ignored.", NULL};
    char *loc = NULL;
    assert_null(page_case_form(&f->d, 2, pairs_arg, posted, &loc));
    free(loc);
    page_view v = {0};
    const char *p = render_case(f, 2, &v);
    has(p, "data-rule=\"conditional-apology\" tabindex=\"0\">sorry if<span class=\"tip\"");
    has(p, "data-countdown data-seconds=\"");
    const char *release[] = {"form", "release", "draft", "1", NULL};
    rd_err *e = page_case_form(&f->d, 2, pairs_arg, release, &loc);
    assert_non_null(e);
    assert_int_equal(e->code, RD_CONFLICT);
    page_view refused = {.failed = "release", .err = e};
    p = render_case(f, 2, &refused);
    has(p, "<p class=\"form-error\" id=\"failed\">draft 1: on hold");
    rd_err_free(e);
}

static void test_follow_up_and_feedback_forms(void **state)
{
    fx *f = *state;
    char *loc = NULL;
    const char *bad[] = {"form", "followup_add", "kind", "call", "due", "2026-13-01", NULL};
    rd_err *e = page_case_form(&f->d, 1, pairs_arg, bad, &loc);
    assert_non_null(e);
    assert_string_equal(page_err_field(e), "due");
    json_t *form =
        json_pack("{s:s, s:s, s:s}", "form", "followup_add", "kind", "call", "due", "2026-13-01");
    page_view v = {.failed = "followup_add", .err = e, .form = form};
    const char *p = render_case(f, 1, &v);
    has(p, "<details class=\"step\" id=\"followup_add\" open>");
    has(p, "id=\"followup_add-due-error\">due:");
    json_decref(form);
    rd_err_free(e);
    const char *ok[] = {"form", "followup_add", "kind", "call", "due", "2026-12-01", NULL};
    assert_null(page_case_form(&f->d, 1, pairs_arg, ok, &loc));
    assert_string_equal(loc, "/cases/1?done=followup_add#followups");
    free(loc);
    page_view plain = {0};
    p = render_case(f, 1, &plain);
    has(p, "<p>Due 2026-12-01 </p>");
}

static void test_lists_page_with_a_cursor(void **state)
{
    fx *f = *state;
    for (int i = 0; i < 60; i++) {
        char name[32];
        snprintf(name, sizeof name, "Client %02d", i);
        desk_client_input c = {name, NULL, NULL, NULL, NULL, NULL};
        int64_t id;
        assert_null(desk_client_add(&f->d, &c, &id));
    }
    page_view v = {0};
    const char *p = render(f, page_clients_body, &v);
    const char *next = strstr(p, "<a rel=\"next\" href=\"/clients?after=");
    assert_non_null(next);
    assert_null(strstr(p, "First page"));
    char after[32] = {0};
    sscanf(next, "<a rel=\"next\" href=\"/clients?after=%31[0-9]", after);
    json_t *q = json_pack("{s:s}", "after", after);
    page_view second = {.query = q};
    p = render(f, page_clients_body, &second);
    has(p, ">First page</a>");
    assert_null(strstr(p, "rel=\"next\"")); /* 63 clients: the second page is the last */
    json_object_set_new(q, "after", json_string("x"));
    hw w;
    hw_begin(&w, &f->b);
    rd_err *e = page_clients_body(&f->d, &second, &w);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "after:"));
    rd_err_free(e);
    rd_err_free(hw_end(&w));
    json_decref(q);
}

/* The case page shows the case's own follow-ups however many the desk has: it once showed those
 * among the first 500 of the whole desk, so on a large desk a case's follow-ups went missing. */
static void test_case_page_shows_its_follow_ups_on_a_busy_desk(void **state)
{
    fx *f = *state;
    int64_t id;
    assert_null(desk_batch_begin(&f->d));
    for (int i = 0; i < 510; i++)
        assert_null(desk_followup_add(&f->d, 2, "call", "2026-12-01", &id));
    assert_null(desk_batch_end(&f->d, NULL));
    assert_null(desk_followup_add(&f->d, 1, "meeting", "2027-01-15", &id));
    page_view plain = {0};
    const char *p = render_case(f, 1, &plain);
    has(p, "<p>Due 2027-01-15 </p>");
    if (strstr(p, "<p>Due 2026-12-01 </p>")) fail_msg("case 2's follow-ups shown on case 1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_page_renders_on_the_demo_desk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_case_page_marks_triage_and_offers_the_next_step, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_script_typed_by_a_client_stays_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_form_shows_the_error_beside_its_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_draft_shows_tone_findings_and_hold, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lists_page_with_a_cursor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_follow_up_and_feedback_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_case_page_shows_its_follow_ups_on_a_busy_desk, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
