/* pdf.c — letters as PDF: pango lays out any UTF-8 text (accents, currency signs, names in any
 * script the installed fonts cover), cairo's PDF surface writes the pages and embeds the fonts.
 * Pure: the letter's text in, the PDF's bytes out; no database. */
#include "docs/docs.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
#define MARGIN    (22.0 * PT_PER_MM)
#define FONT      "DejaVu Sans 10"
#define SMALL     "DejaVu Sans 8"

typedef struct page_geom {
    double w, h;
} page_geom;

static rd_err *paper_size(const char *paper, page_geom *g)
{
    if (!paper || strcmp(paper, "a4") == 0) {
        *g = (page_geom){210.0 * PT_PER_MM, 297.0 * PT_PER_MM};
        return NULL;
    }
    if (strcmp(paper, "letter") == 0) {
        *g = (page_geom){8.5 * 72.0, 11.0 * 72.0};
        return NULL;
    }
    return rd_error(RD_INVALID, "paper: '%s' is not a4 or letter", paper);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    rd_err *e = buf_add(closure, data, len);
    if (!e) return CAIRO_STATUS_SUCCESS;
    rd_err_free(e);
    return CAIRO_STATUS_WRITE_ERROR;
}

static PangoLayout *layout_new(cairo_t *cr, const char *font, const char *text, double width)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    /* sizes in points: one device unit is a point on a PDF surface (pango assumes 96 dpi) */
    pango_cairo_context_set_resolution(pango_layout_get_context(l), 72.0);
    pango_layout_context_changed(l);
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_auto_dir(l, TRUE);
    pango_layout_set_text(l, text, -1);
    return l;
}

static void footer(cairo_t *cr, const page_geom *g, int page, int pages)
{
    char text[64];
    snprintf(text, sizeof text, "Page %d of %d", page, pages);
    PangoLayout *l = layout_new(cr, SMALL, text, g->w - 2 * MARGIN);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, MARGIN, g->h - MARGIN / 2 - 10);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

/* Lays the body out line by line from top, starting a new page when a line would cross the
 * bottom margin. With draw false it only counts the pages. */
static int flow(cairo_t *cr, const page_geom *g, PangoLayout *head, PangoLayout *body, bool draw,
                int pages)
{
    int page = 1;
    double y = MARGIN, bottom = g->h - MARGIN;
    if (head) {
        int hh;
        pango_layout_get_size(head, NULL, &hh);
        if (draw) {
            cairo_move_to(cr, MARGIN, y);
            pango_cairo_show_layout(cr, head);
        }
        y += (double)hh / PANGO_SCALE + 14.0;
    }
    PangoLayoutIter *it = pango_layout_get_iter(body);
    double top = y, shift = 0; /* shift moves layout y to page y */
    bool first = true;
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        double ly = (double)r.y / PANGO_SCALE + top - shift, lh = (double)r.height / PANGO_SCALE;
        if (ly + lh > bottom && !first) {
            if (draw) {
                footer(cr, g, page, pages);
                cairo_show_page(cr);
            }
            page++;
            shift += ly - MARGIN;
            ly = MARGIN;
        }
        first = false;
        if (draw) {
            int baseline = pango_layout_iter_get_baseline(it);
            cairo_move_to(cr, MARGIN + (double)r.x / PANGO_SCALE,
                          (double)baseline / PANGO_SCALE + top - shift);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    if (draw) {
        footer(cr, g, page, pages);
        cairo_show_page(cr);
    }
    return page;
}

rd_err *docs_pdf_letter(const docs_letter *l, rd_buf *pdf)
{
    assert(l && l->body && pdf);
    page_geom g;
    rd_err *e = paper_size(l->paper, &g);
    if (e) return e;
    if ((e = text_check("letter", l->body, (size_t)1 << 20, true))) return e;
    rd_buf head;
    buf_init(&head, 0);
    for (size_t i = 0; i < DOCS_SENDER_LINES && l->sender[i]; i++)
        if (*l->sender[i]) rd_err_free(buf_addf(&head, "%s%s", head.len ? "\n" : "", l->sender[i]));

    rd_buf body;
    buf_init(&body, 0);
    if (l->date) rd_err_free(buf_addf(&body, "Date: %s\n", l->date));
    if (l->ref) rd_err_free(buf_addf(&body, "Re:   %s\n", l->ref));
    if (body.len) rd_err_free(buf_adds(&body, "\n"));
    rd_err_free(buf_adds(&body, l->body));

    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, pdf, g.w, g.h);
    if (l->title) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, l->title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "redress");
    cairo_t *cr = cairo_create(s);
    double width = g.w - 2 * MARGIN;
    PangoLayout *hl = head.len ? layout_new(cr, FONT, buf_str(&head), width) : NULL;
    if (hl) pango_layout_set_alignment(hl, PANGO_ALIGN_RIGHT);
    PangoLayout *bl = layout_new(cr, FONT, buf_str(&body), width);
    pango_layout_set_spacing(bl, (int)(1.5 * PANGO_SCALE));
    int pages = flow(cr, &g, hl, bl, false, 0);
    flow(cr, &g, hl, bl, true, pages);
    if (hl) g_object_unref(hl);
    g_object_unref(bl);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    buf_reset(&head);
    buf_reset(&body);
    if (st != CAIRO_STATUS_SUCCESS) {
        buf_reset(pdf);
        return rd_error(RD_IO, "pdf: %s", cairo_status_to_string(st));
    }
    return NULL;
}

/* ---------------------------------------------------------------- reports */

#define BOLD  "DejaVu Sans Bold 10"
#define TITLE "DejaVu Sans Bold 15"
#define ROW   15.0 /* height of a table row or a bar */

typedef struct report_pen {
    cairo_t *cr;
    page_geom g;
    double y;
    int page, pages;
    bool draw;
} report_pen;

static void pen_break(report_pen *p)
{
    if (p->draw) {
        footer(p->cr, &p->g, p->page, p->pages);
        cairo_show_page(p->cr);
    }
    p->page++;
    p->y = MARGIN;
}

/* Room for h more points on this page, else a new page. */
static void pen_room(report_pen *p, double h)
{
    if (p->y + h > p->g.h - MARGIN && p->y > MARGIN) pen_break(p);
}

/* Text at x within width w on the current line; returns its height. */
static double pen_text(report_pen *p, const char *font, const char *text, double x, double w,
                       PangoAlignment align)
{
    PangoLayout *l = layout_new(p->cr, font, text, w);
    pango_layout_set_alignment(l, align);
    int h;
    pango_layout_get_size(l, NULL, &h);
    if (p->draw) {
        cairo_set_source_rgb(p->cr, 0, 0, 0);
        cairo_move_to(p->cr, x, p->y);
        pango_cairo_show_layout(p->cr, l);
    }
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

static const char *cell(json_t *v, char *tmp, size_t n)
{
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_integer(v))
        snprintf(tmp, n, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(tmp, n, "%.1f", json_real_value(v));
    else
        snprintf(tmp, n, "%s", "");
    return tmp;
}

static void pen_table(report_pen *p, json_t *rows)
{
    double width = p->g.w - 2 * MARGIN;
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        size_t n = json_array_size(row);
        if (n == 0) continue;
        double first = n > 3   ? width * 0.25
                       : n > 1 ? width * 0.4
                               : width,
               rest = n > 1 ? (width - first) / (n - 1) : 0;
        double h = ROW;
        for (size_t k = 0; k < n; k++) { /* the tallest cell sets the row's height */
            char tmp[64];
            PangoLayout *l = layout_new(p->cr, FONT, cell(json_array_get(row, k), tmp, sizeof tmp),
                                        (k ? rest : first) - 6);
            int lh;
            pango_layout_get_size(l, NULL, &lh);
            if ((double)lh / PANGO_SCALE + 3 > h) h = (double)lh / PANGO_SCALE + 3;
            g_object_unref(l);
        }
        pen_room(p, h);
        if (p->draw && i == 0) {
            cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
            cairo_rectangle(p->cr, MARGIN, p->y, width, h);
            cairo_fill(p->cr);
        }
        for (size_t k = 0; k < n; k++) {
            char tmp[64];
            pen_text(p, i == 0 ? BOLD : FONT, cell(json_array_get(row, k), tmp, sizeof tmp),
                     k ? MARGIN + first + rest * (k - 1) : MARGIN + 2, (k ? rest : first) - 6,
                     k ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        }
        if (p->draw) {
            cairo_set_source_rgb(p->cr, 0.75, 0.75, 0.75);
            cairo_set_line_width(p->cr, 0.5);
            cairo_move_to(p->cr, MARGIN, p->y + h);
            cairo_line_to(p->cr, MARGIN + width, p->y + h);
            cairo_stroke(p->cr);
        }
        p->y += h;
    }
    p->y += 8;
}

static void pen_bars(report_pen *p, json_t *bars)
{
    double width = p->g.w - 2 * MARGIN, label = width * 0.35, room = width - label - 60, max = 0;
    size_t i;
    json_t *b;
    json_array_foreach(bars, i, b)
    {
        double v = json_number_value(json_object_get(b, "value"));
        if (v > max) max = v;
    }
    json_array_foreach(bars, i, b)
    {
        double v = json_number_value(json_object_get(b, "value"));
        pen_room(p, ROW);
        pen_text(p, FONT, json_string_value(json_object_get(b, "label")), MARGIN, label - 6,
                 PANGO_ALIGN_LEFT);
        double len = max > 0 ? room * v / max : 0;
        if (p->draw && len > 0) {
            cairo_set_source_rgb(p->cr, 0.22, 0.42, 0.69);
            cairo_rectangle(p->cr, MARGIN + label, p->y + 2, len, ROW - 5);
            cairo_fill(p->cr);
        }
        char tmp[64];
        pen_text(p, FONT, cell(json_object_get(b, "value"), tmp, sizeof tmp),
                 MARGIN + label + len + 4, 56, PANGO_ALIGN_LEFT);
        p->y += ROW;
    }
    p->y += 8;
}

static void report_flow(report_pen *p, const char *title, json_t *blocks)
{
    p->y = MARGIN;
    p->page = 1;
    double width = p->g.w - 2 * MARGIN;
    p->y += pen_text(p, TITLE, title, MARGIN, width, PANGO_ALIGN_LEFT) + 10;
    size_t i;
    json_t *b;
    json_array_foreach(blocks, i, b)
    {
        const char *h = json_string_value(json_object_get(b, "heading"));
        const char *text = json_string_value(json_object_get(b, "text"));
        if (h) {
            pen_room(p, 3 * ROW); /* a heading never ends a page */
            p->y += 6;
            p->y += pen_text(p, BOLD, h, MARGIN, width, PANGO_ALIGN_LEFT) + 4;
        }
        if (text) {
            PangoLayout *l = layout_new(p->cr, FONT, text, width);
            int th;
            pango_layout_get_size(l, NULL, &th);
            g_object_unref(l);
            pen_room(p, (double)th / PANGO_SCALE);
            p->y += pen_text(p, FONT, text, MARGIN, width, PANGO_ALIGN_LEFT) + 6;
        }
        if (json_object_get(b, "table")) pen_table(p, json_object_get(b, "table"));
        if (json_object_get(b, "bars")) pen_bars(p, json_object_get(b, "bars"));
    }
    if (p->draw) {
        footer(p->cr, &p->g, p->page, p->pages);
        cairo_show_page(p->cr);
    }
}

rd_err *docs_pdf_report(const char *paper, const char *title, json_t *blocks, rd_buf *pdf)
{
    assert(title && json_is_array(blocks) && pdf);
    report_pen p = {0};
    rd_err *e = paper_size(paper, &p.g);
    if (e) return e;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, pdf, p.g.w, p.g.h);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "redress");
    p.cr = cairo_create(s);
    report_flow(&p, title, blocks); /* counts the pages */
    p.pages = p.page;
    p.draw = true;
    report_flow(&p, title, blocks);
    cairo_destroy(p.cr);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        buf_reset(pdf);
        return rd_error(RD_IO, "pdf: %s", cairo_status_to_string(st));
    }
    return NULL;
}
