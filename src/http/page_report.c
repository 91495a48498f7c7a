/* page_report.c — "what keeps going wrong" in the web desk: the report over a period as a page
 * with its charts drawn here as SVG (no script: the page works under the strict CSP, prints,
 * and reads without JavaScript), the same report as a PDF download, and each letter you sent
 * (reminder, restatement, demand letter, termination notice) as a PDF. The figures come from
 * desk_report_blocks, the same blocks the PDF draws, so page and paper never disagree. */
#include "http/http_int.h"
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHART_W   640 /* the SVG's own units; it scales to the page */
#define LABEL_W   190 /* room for a bar's label, left of the bars */
#define BAR_H     22
#define COLUMNS_H 180 /* height of the tallest column in a chart over time */

static double bar_max(json_t *bars)
{
    double max = 0;
    size_t i;
    json_t *b;
    json_array_foreach(bars, i, b)
    {
        double v = json_number_value(json_object_get(b, "value"));
        if (v > max) max = v;
    }
    return max;
}

/* A horizontal bar chart: one row per bar, the label left, the value after the bar. */
static void svg_bars(hw *w, const char *title, json_t *bars)
{
    size_t n = json_array_size(bars), i;
    double max = bar_max(bars), room = CHART_W - LABEL_W - 50;
    json_t *b;
    HW_RAW(w, "<svg class=\"chart bars\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"");
    hw_attrf(w, "viewBox", "0 0 %d %zu", CHART_W, n * BAR_H + 4);
    HW_RAW(w, "><title>");
    hw_text(w, title);
    HW_RAW(w, "</title>");
    json_array_foreach(bars, i, b)
    {
        double v = json_number_value(json_object_get(b, "value"));
        double len = max > 0 ? room * v / max : 0;
        double y = (double)i * BAR_H;
        HW_RAW(w, "<text class=\"label\" x=\"0\"");
        hw_attrf(w, "y", "%.1f", y + BAR_H * 0.7);
        HW_RAW(w, ">");
        hw_text(w, json_string_value(json_object_get(b, "label")));
        HW_RAW(w, "</text><rect class=\"bar\"");
        hw_attrf(w, "x", "%d", LABEL_W);
        hw_attrf(w, "y", "%.1f", y + 3);
        hw_attrf(w, "width", "%.1f", len);
        hw_attrf(w, "height", "%d", BAR_H - 6);
        HW_RAW(w, "></rect><text class=\"value\"");
        hw_attrf(w, "x", "%.1f", LABEL_W + len + 6);
        hw_attrf(w, "y", "%.1f", y + BAR_H * 0.7);
        HW_RAW(w, ">");
        hw_textf(w, "%g", v);
        HW_RAW(w, "</text>");
    }
    HW_RAW(w, "</svg>");
}

/* Columns over time, left to right, each labelled under it (every other label when crowded)
 * and with its value above it. */
static void svg_columns(hw *w, const char *title, json_t *bars)
{
    size_t n = json_array_size(bars), i;
    double max = bar_max(bars), step = n ? (double)CHART_W / (double)n : CHART_W;
    size_t every = n > 24 ? 3 : n > 12 ? 2 : 1;
    json_t *b;
    HW_RAW(w, "<svg class=\"chart over-time\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"");
    hw_attrf(w, "viewBox", "0 0 %d %d", CHART_W, COLUMNS_H + 44);
    HW_RAW(w, "><title>");
    hw_text(w, title);
    HW_RAW(w, "</title>");
    json_array_foreach(bars, i, b)
    {
        double v = json_number_value(json_object_get(b, "value"));
        double h = max > 0 ? COLUMNS_H * v / max : 0, x = (double)i * step;
        HW_RAW(w, "<rect class=\"bar\"");
        hw_attrf(w, "x", "%.1f", x + step * 0.15);
        hw_attrf(w, "y", "%.1f", 18 + COLUMNS_H - h);
        hw_attrf(w, "width", "%.1f", step * 0.7);
        hw_attrf(w, "height", "%.1f", h);
        HW_RAW(w, "><title>");
        hw_text(w, json_string_value(json_object_get(b, "label")));
        hw_textf(w, ": %g", v);
        HW_RAW(w, "</title></rect>");
        if (v > 0) {
            HW_RAW(w, "<text class=\"value\" text-anchor=\"middle\"");
            hw_attrf(w, "x", "%.1f", x + step / 2);
            hw_attrf(w, "y", "%.1f", 14 + COLUMNS_H - h);
            HW_RAW(w, ">");
            hw_textf(w, "%g", v);
            HW_RAW(w, "</text>");
        }
        if (i % every == 0) {
            HW_RAW(w, "<text class=\"label\" text-anchor=\"middle\"");
            hw_attrf(w, "x", "%.1f", x + step / 2);
            hw_attrf(w, "y", "%d", COLUMNS_H + 36);
            HW_RAW(w, ">");
            hw_text(w, json_string_value(json_object_get(b, "label")));
            HW_RAW(w, "</text>");
        }
    }
    HW_RAW(w, "<line class=\"axis\" x1=\"0\"");
    hw_attrf(w, "x2", "%d", CHART_W);
    hw_attrf(w, "y1", "%d", COLUMNS_H + 18);
    hw_attrf(w, "y2", "%d", COLUMNS_H + 18);
    HW_RAW(w, "></line></svg>");
}

static void cell(hw *w, json_t *v, bool head)
{
    if (head)
        HW_RAW(w, "<th scope=\"col\">");
    else
        HW_RAW(w, "<td>");
    if (json_is_string(v))
        hw_text(w, json_string_value(v));
    else if (json_is_integer(v))
        hw_int(w, (int64_t)json_integer_value(v));
    else if (json_is_real(v))
        hw_textf(w, "%.1f", json_real_value(v));
    if (head)
        HW_RAW(w, "</th>");
    else
        HW_RAW(w, "</td>");
}

static void table(hw *w, json_t *rows)
{
    size_t i, k;
    json_t *row, *v;
    HW_RAW(w, "<table>");
    json_array_foreach(rows, i, row)
    {
        HW_RAW(w, "<tr>");
        json_array_foreach(row, k, v) cell(w, v, i == 0);
        HW_RAW(w, "</tr>");
    }
    HW_RAW(w, "</table>");
}

/* The period form (a GET: reading a report changes nothing) and the PDF download. */
static void period(hw *w, json_t *r)
{
    HW_RAW(w, "<form method=\"get\" action=\"/report\" class=\"period\">"
              "<label for=\"from\">From</label><input type=\"date\" id=\"from\" name=\"from\"");
    hw_attr(w, "value", desk_js(r, "from"));
    HW_RAW(w, "><label for=\"to\">To</label><input type=\"date\" id=\"to\" name=\"to\"");
    hw_attr(w, "value", desk_js(r, "to"));
    HW_RAW(w,
           "><button type=\"submit\">Show</button></form><p><a class=\"button\" id=\"report-pdf\"");
    /* from and to are dates the desk checked: digits and dashes, nothing to encode */
    hw_attrf(w, "href", "/report.pdf?from=%s&to=%s", desk_js(r, "from"), desk_js(r, "to"));
    HW_RAW(w, " download>Download the report as PDF</a></p>");
}

rd_err *page_report_body(rd_desk *d, const page_view *v, hw *w)
{
    json_t *r = NULL;
    rd_err *e = desk_report(d, desk_js(v->query, "from"), desk_js(v->query, "to"), &r);
    if (e) return e;
    json_t *blocks = desk_report_blocks(r);
    page_open(w, v, "Report", "report");
    HW_RAW(w, "<h1>What keeps going wrong</h1><section class=\"card\">");
    period(w, r);
    HW_RAW(w, "</section>");
    size_t i;
    json_t *b;
    json_array_foreach(blocks, i, b)
    {
        const char *h = desk_js(b, "heading");
        HW_RAW(w, "<section class=\"card report-block\">");
        if (h) {
            HW_RAW(w, "<h2>");
            hw_text(w, h);
            HW_RAW(w, "</h2>");
        }
        if (desk_js(b, "text")) {
            HW_RAW(w, "<p>");
            hw_text(w, desk_js(b, "text"));
            HW_RAW(w, "</p>");
        }
        json_t *bars = json_object_get(b, "bars");
        if (bars && json_is_true(json_object_get(b, "over_time")))
            svg_columns(w, h ? h : "", bars);
        else if (bars)
            svg_bars(w, h ? h : "", bars);
        if (json_object_get(b, "table")) table(w, json_object_get(b, "table"));
        HW_RAW(w, "</section>");
    }
    page_close(w);
    json_decref(blocks);
    json_decref(r);
    return NULL;
}

/* Answers with pdf as a download named name. */
static rd_err *send_pdf(http_resp *rs, rd_buf *pdf, const char *name)
{
    rs->content_type = "application/pdf";
    char *disp = xasprintf("attachment; filename=\"%s\"", name);
    http_header_add(rs, "Content-Disposition", disp);
    free(disp);
    http_header_add(rs, "Cache-Control", "no-store");
    return buf_add(&rs->body, pdf->data, pdf->len);
}

rd_err *page_report_pdf(http_req *rq, http_resp *rs)
{
    json_t *r = NULL;
    rd_buf pdf;
    buf_init(&pdf, 0);
    /* the period as the desk reads it names the file */
    rd_err *e = desk_report(rq->desk, http_arg(rq, "from"), http_arg(rq, "to"), &r);
    if (!e) e = desk_report_pdf(rq->desk, desk_js(r, "from"), desk_js(r, "to"), &pdf);
    if (!e) {
        char *name = xasprintf("report-%s-to-%s.pdf", desk_js(r, "from"), desk_js(r, "to"));
        e = send_pdf(rs, &pdf, name);
        free(name);
    }
    json_decref(r);
    buf_reset(&pdf);
    return e;
}

rd_err *page_letter_pdf(http_req *rq, http_resp *rs)
{
    int64_t id = 0;
    rd_err *e = http_arg_id(rq, "id", &id);
    rd_buf pdf;
    buf_init(&pdf, 0);
    if (!e) e = desk_log_letter_pdf(rq->desk, id, &pdf);
    if (!e) {
        char name[48];
        snprintf(name, sizeof name, "letter-%lld.pdf", (long long)id);
        e = send_pdf(rs, &pdf, name);
    }
    buf_reset(&pdf);
    return e;
}

void hw_letter_pdf_link(hw *w, json_t *entry)
{
    const char *dir = desk_js(entry, "direction");
    if (!dir || strcmp(dir, "out") != 0 || desk_ji(entry, "erased")) return;
    HW_RAW(w, " <a class=\"pdf\"");
    hw_attrf(w, "href", "/log/%lld/letter.pdf", (long long)desk_ji(entry, "id"));
    HW_RAW(w, " download>PDF</a>");
}

rd_err *page_client_letters(rd_desk *d, int64_t client_id, hw *w)
{
    json_t *rows = NULL;
    rd_page pg = {.limit = RD_PAGE_MAX};
    rd_err *e = desk_log_list(d, client_id, &pg, &rows);
    if (e) return e;
    HW_RAW(w, "<section class=\"card\" aria-labelledby=\"letters-h\">"
              "<h2 id=\"letters-h\">What you sent</h2><ul class=\"plain letters\">");
    size_t i, n = 0;
    json_t *g;
    json_array_foreach(rows, i, g)
    {
        if (strcmp(desk_js(g, "direction"), "out") != 0 || desk_ji(g, "erased")) continue;
        HW_RAW(w, "<li>");
        hw_time(w, desk_js(g, "at"));
        HW_RAW(w, " · ");
        hw_text(w, desk_js(g, "channel"));
        HW_RAW(w, " · <strong>");
        hw_text(w, desk_js(g, "subject") ? desk_js(g, "subject") : "(no subject)");
        HW_RAW(w, "</strong>");
        hw_letter_pdf_link(w, g);
        HW_RAW(w, "</li>");
        n++;
    }
    if (!n) HW_RAW(w, "<li class=\"muted\">Nothing sent yet.</li>");
    HW_RAW(w, "</ul></section>");
    json_decref(rows);
    return NULL;
}
