/* test_docs.c — what leaves the desk: CSV rows quoted by RFC 4180 with formulas defused, the
 * calendar read back by libical with the same events, subscription links refused once revoked,
 * a report whose figures are worked out by hand below, and PDF letters refusing a paper or a
 * text they cannot print. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "desk/desk.h"
#include "store/store.h"
#include "docs/docs.h"

typedef struct fx {
    rd_store *st;
    rd_desk d;
} fx;

static void now(const char *t)
{
    setenv("REDRESS_NOW", t, 1);
}

static int setup(void **state)
{
    setenv("TZ", "UTC", 1);
    now("2026-03-01T09:00:00Z");
    fx *f = calloc(1, sizeof *f);
    assert_null(store_open(":memory:", &f->st));
    f->d.st = f->st;
    f->d.actor = "tester";
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->st);
    free(f);
    return 0;
}

static void csv_is(const char *const *cells, size_t n, const char *want)
{
    rd_buf b;
    buf_init(&b, 0);
    assert_null(csv_row(&b, cells, n));
    assert_null(buf_add(&b, "", 1));
    assert_string_equal(b.data, want);
    buf_reset(&b);
}

static void test_csv_quotes_and_defuses_formulas(void **state)
{
    (void)state;
    const char *plain[] = {"1", "Harbour Lane", NULL};
    csv_is(plain, 3, "1,Harbour Lane,\r\n");
    const char *quoted[] = {"a,b", "say \"hi\"", "two\nlines"};
    csv_is(quoted, 3, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    const char *formula[] = {"=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"};
    csv_is(formula, 4, "\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\"\r\n");
}

/* One client with a GBP project and an invoice, a case with an open commitment, a follow-up and
 * a mediation date. */
static void dated_desk(fx *f)
{
    int64_t id;
    desk_client_input c = {"Harbour Lane Bakery", NULL, NULL, NULL, NULL, NULL};
    assert_null(desk_client_add(&f->d, &c, &id));
    desk_project_input p = {"1",        "Menu boards", "Six boards", "Print files", "2026-03-30",
                            "2,400.00", "GBP",         "14",         "2",           "180.00"};
    assert_null(desk_project_add(&f->d, &p, &id));
    desk_invoice_input inv = {"1", "2026-033", "1,000.00", "2026-03-01", "2026-03-15"};
    assert_null(desk_invoice_add(&f->d, &inv, &id));
    desk_case_input k = {"1", "1", "email", "2026-03-01T08:00:00Z", "The prices are wrong."};
    assert_null(desk_case_open(&f->d, &k, &id));
    desk_escalate_input esc = {"mediation", "Prices disputed", "Harbourside Mediation",
                               "2026-03-20", NULL};
    assert_null(desk_escalate(&f->d, 1, &esc, "testing the calendar", &id));
}

static void test_calendar_reads_back_with_libical(void **state)
{
    fx *f = *state;
    dated_desk(f);
    char *ics = NULL;
    assert_null(desk_calendar(&f->d, &ics));
    icalcomponent *cal = icalparser_parse_string(ics);
    assert_non_null(cal);
    assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
    int n = 0, invoice = 0, mediation = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        n++;
        const char *uid = icalcomponent_get_uid(ev);
        struct icaltimetype start = icalcomponent_get_dtstart(ev);
        if (strcmp(uid, "invoice-1@redress") == 0) {
            invoice++;
            assert_true(start.is_date);
            assert_int_equal(start.year * 10000 + start.month * 100 + start.day, 20260315);
            assert_non_null(strstr(icalcomponent_get_summary(ev), "2026-033"));
            assert_non_null(strstr(icalcomponent_get_summary(ev), "1,000.00 GBP"));
        }
        if (strcmp(uid, "mediation-1@redress") == 0) {
            mediation++;
            assert_int_equal(start.year * 10000 + start.month * 100 + start.day, 20260320);
        }
    }
    assert_int_equal(n, 2);
    assert_int_equal(invoice, 1);
    assert_int_equal(mediation, 1);
    icalcomponent_free(cal);
    free(ics);
    /* a paid invoice leaves the calendar */
    int64_t id;
    now("2026-03-05T09:00:00Z");
    desk_payment_input pay = {"1", "1,000.00", "2026-03-02"};
    assert_null(desk_invoice_pay(&f->d, &pay, &id));
    assert_null(desk_calendar(&f->d, &ics));
    assert_null(strstr(ics, "invoice-1@redress"));
    free(ics);
}

static void test_calendar_link_refused_once_revoked(void **state)
{
    fx *f = *state;
    dated_desk(f);
    char *token = NULL, *ics = NULL;
    int64_t id;
    rd_err *e = desk_calendar_link(&f->d, "  ", &token, &id);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "name"));
    rd_err_free(e);
    assert_null(desk_calendar_link(&f->d, "phone", &token, &id));
    assert_null(desk_calendar_for_token(&f->d, token, &ics));
    assert_non_null(strstr(ics, "BEGIN:VCALENDAR"));
    free(ics);
    assert_null(desk_calendar_revoke(&f->d, id));
    e = desk_calendar_for_token(&f->d, token, &ics);
    assert_non_null(e);
    assert_int_equal(e->code, RD_NOT_FOUND);
    rd_err_free(e);
    e = desk_calendar_for_token(&f->d, "c_forged", &ics);
    assert_int_equal(e->code, RD_NOT_FOUND);
    rd_err_free(e);
    free(token);
}

/* Three cases in March: first replies after 3 h and 5 h (case 3 never answered), case 1 closed
 * ten days after it arrived, case 2 escalated; root causes quality, scope, quality; feedback 4;
 * an offer on case 1 with a 100.00 GBP refund chosen, one on case 2 rejected; 1,000.00 GBP
 * paid in March; client 1 gets a new project after case 1 closed. */
static void test_report_figures_worked_by_hand(void **state)
{
    fx *f = *state;
    dated_desk(f); /* client 1, project 1, invoice 1, case 1 (escalated: recorded then settled) */
    int64_t id;
    json_t *agreed = NULL, *report = NULL, *made = NULL;
    now("2026-03-05T09:00:00Z");
    rd_err_free(desk_escalation_outcome(&f->d, 1, "settled before the session", NULL));
    desk_client_input c2 = {"Northwind Analytics", NULL, NULL, NULL, NULL, NULL};
    assert_null(desk_client_add(&f->d, &c2, &id));
    desk_case_input k2 = {"2", NULL, "email", "2026-03-02T08:00:00Z", "Not what we agreed."};
    assert_null(desk_case_open(&f->d, &k2, &id));
    desk_case_input k3 = {"2", NULL, "phone", "2026-03-03T08:00:00Z", "The charts are wrong."};
    assert_null(desk_case_open(&f->d, &k3, &id));
    desk_log_input r1 = {"1", "1", "out", "email", "2026-03-01T11:00:00Z", NULL, "On it."};
    desk_log_input r2 = {"2", "2", "out", "email", "2026-03-02T13:00:00Z", NULL, "Looking."};
    assert_null(desk_log_add(&f->d, &r1, &id));
    assert_null(desk_log_add(&f->d, &r2, &id));
    desk_payment_input pay = {"1", "1,000.00", "2026-03-05"};
    assert_null(desk_invoice_pay(&f->d, &pay, &id));
    assert_null(desk_case_cause(&f->d, 1, "quality", NULL, "report test", &agreed));
    json_decref(agreed);
    assert_null(desk_case_cause(&f->d, 2, "scope", NULL, "report test", &agreed));
    json_decref(agreed);
    assert_null(desk_case_cause(&f->d, 3, "quality", NULL, "report test", &agreed));
    json_decref(agreed);
    const char *o1[] = {"partial_refund:100.00:2026-03-09"};
    desk_offer_input in1 = {o1, 1, NULL, 0};
    assert_null(desk_offer_make(&f->d, 1, &in1, "report test", &report, &id));
    json_decref(report);
    assert_null(desk_offer_choose(&f->d, id, "1", "report test", &made));
    json_decref(made);
    const char *o2[] = {"redo:redo the charts:2026-03-12"};
    desk_offer_input in2 = {o2, 1, NULL, 0};
    assert_null(desk_offer_make(&f->d, 2, &in2, "report test", &report, &id));
    json_decref(report);
    assert_null(desk_offer_reject(&f->d, id, NULL, "report test"));
    desk_escalate_input esc = {"internal", "Second opinion", NULL, NULL, NULL};
    assert_null(desk_escalate(&f->d, 2, &esc, "report test", &id));
    now("2026-03-11T08:00:00Z");
    assert_null(desk_feedback_record(&f->d, 1, "4", "Fixed", "report test", &id));
    desk_close_input close = {"Prices not checked", "Check prices with the client", "no"};
    assert_null(desk_case_close(&f->d, 1, &close, "report test", &id));
    now("2026-04-01T09:00:00Z");
    desk_project_input p2 = {"1",      "Summer menu", NULL, NULL, NULL,
                             "800.00", "GBP",         "14", "2",  NULL};
    assert_null(desk_project_add(&f->d, &p2, &id));

    json_t *r = NULL;
    assert_null(desk_report(&f->d, "2026-03-01", "2026-03-31", &r));
    json_t *tot = json_object_get(r, "totals");
    assert_int_equal(json_integer_value(json_object_get(tot, "cases")), 3);
    assert_int_equal(json_integer_value(json_object_get(tot, "closed")), 1);
    assert_int_equal(json_integer_value(json_object_get(tot, "escalated")), 2);
    json_t *rc = json_object_get(r, "root_causes");
    assert_string_equal(json_string_value(json_object_get(json_array_get(rc, 0), "root_cause")),
                        "quality");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(rc, 0), "cases")), 2);
    json_t *fr = json_object_get(r, "first_response");
    assert_int_equal(json_integer_value(json_object_get(fr, "count")), 2);
    assert_true(json_number_value(json_object_get(fr, "median")) == 4.0); /* (3 + 5) / 2 */
    json_t *res = json_object_get(r, "resolution");
    assert_int_equal(json_integer_value(json_object_get(res, "count")), 1);
    /* 2026-03-01T08:00 to 2026-03-11T08:00 */
    assert_true(json_number_value(json_object_get(res, "median")) == 10.0);
    json_t *off = json_object_get(r, "offers");
    assert_true(json_number_value(json_object_get(off, "acceptance_rate")) == 0.5);
    assert_true(json_number_value(json_object_get(r, "escalation_rate")) == 0.667);
    json_t *money = json_array_get(json_object_get(r, "money"), 0);
    assert_string_equal(json_string_value(json_object_get(money, "currency")), "GBP");
    assert_int_equal(json_integer_value(json_object_get(money, "refunds")), 10000);
    assert_int_equal(json_integer_value(json_object_get(money, "revenue")), 100000);
    assert_true(json_number_value(json_object_get(money, "share_of_revenue")) == 0.1);
    json_t *sat = json_object_get(r, "satisfaction");
    assert_true(json_number_value(json_object_get(sat, "average")) == 4.0);
    json_t *kept = json_object_get(r, "kept");
    assert_true(json_number_value(json_object_get(kept, "rate")) == 1.0);
    assert_int_equal(json_array_size(json_object_get(r, "lessons")), 1);
    assert_int_equal(json_integer_value(json_object_get(r, "changes_made")), 0);
    json_decref(r);
    rd_err *e = desk_report(&f->d, "2026-04-01", "2026-03-01", &r);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "from"));
    rd_err_free(e);
}

static void test_export_pages_every_row(void **state)
{
    fx *f = *state;
    for (int i = 0; i < 7; i++) {
        char name[32];
        snprintf(name, sizeof name, "Client %d", i);
        desk_client_input c = {name, NULL, NULL, NULL, NULL, NULL};
        int64_t id;
        assert_null(desk_client_add(&f->d, &c, &id));
    }
    rd_page pg = {.limit = 3};
    int total = 0, pages = 0;
    do {
        json_t *rows = NULL;
        assert_null(desk_export_page(&f->d, "clients", &pg, &rows));
        total += (int)json_array_size(rows);
        pages++;
        json_decref(rows);
        pg.after = pg.next;
    } while (pg.after);
    assert_int_equal(total, 7);
    assert_int_equal(pages, 3);
    json_t *rows = NULL;
    rd_err *e = desk_export_page(&f->d, "audit_entries", &pg, &rows);
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "table"));
    rd_err_free(e);
}

static bool pdf_has(const rd_buf *pdf, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= pdf->len; i++)
        if (memcmp(pdf->data + i, needle, n) == 0) return true;
    return false;
}

static void pdf_refused(const docs_letter *l, const char *field)
{
    rd_buf pdf;
    buf_init(&pdf, 0);
    rd_err *e = docs_pdf_letter(l, &pdf);
    assert_non_null(e);
    assert_int_equal(e->code, RD_INVALID);
    assert_non_null(strstr(e->msg, field));
    assert_int_equal(pdf.len, 0);
    rd_err_free(e);
}

static void test_pdf_letter_paper_and_text(void **state)
{
    fx *f = *state;
    docs_letter l = {"a5", "t", {"Ζωή", NULL}, NULL, NULL, "Dear client,\n\n2,600.00 €\n"};
    pdf_refused(&l, "paper");
    l.paper = "letter";
    l.body = "Dear \xff client";
    pdf_refused(&l, "letter");
    l.body = "Dear client\x1b[31m";
    pdf_refused(&l, "letter");
    rd_buf pdf;
    buf_init(&pdf, 0);
    l.body = "Dear client,\n\n2,600.00 €\n";
    assert_null(docs_pdf_letter(&l, &pdf));
    assert_true(pdf.len > 1000);
    assert_memory_equal(pdf.data, "%PDF-", 5);
    assert_true(pdf_has(&pdf, "/FontFile")); /* fonts embedded */
    buf_reset(&pdf);
    rd_err *e = desk_config_set(&f->d, "paper", "A4");
    assert_non_null(e);
    assert_non_null(strstr(e->msg, "paper"));
    rd_err_free(e);
    assert_null(desk_config_set(&f->d, "paper", "letter"));
    assert_null(desk_letter_pdf(&f->d, "t", "Invoice 7", "Dear client,\n", &pdf));
    assert_true(pdf_has(&pdf, "/MediaBox [ 0 0 612 792 ]"));
    buf_reset(&pdf);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_csv_quotes_and_defuses_formulas),
        T(test_calendar_reads_back_with_libical),
        T(test_calendar_link_refused_once_revoked),
        T(test_report_figures_worked_by_hand),
        T(test_export_pages_every_row),
        T(test_pdf_letter_paper_and_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
