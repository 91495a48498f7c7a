/* page_search.c — the web desk's search (GET /search): the box in every page's header leads
 * here; the page asks desk_search, shows the hits best first with the matched words marked,
 * narrows by client, case and date, and pages through the ranked results. The marks come from
 * the byte ranges the desk reports on plain text, so every character of a hit goes through the
 * escaping writer and only the <mark> tags are markup. A query the desk cannot read is shown
 * again with the desk's error beside the field. */
#include "http/http_int.h"
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_PAGE  20 /* hits a page */
#define SEARCH_PAGES 25 /* pages reachable: desk_search gives 500 hits at most */

/* The search arguments (borrowed from the query), blank ones as absent. */
typedef struct search_args {
    const char *query, *client, *case_id, *since;
    int64_t page; /* 1 … SEARCH_PAGES */
} search_args;

static const char *arg_of(const page_view *v, const char *name)
{
    const char *s = json_string_value(json_object_get(v->query, name));
    return s && !text_blank(s) ? s : NULL;
}

/* Appends s to b percent-encoded for a query string (RFC 3986 unreserved kept). */
static void url_add(rd_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_' || *p == '~';
        char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        rd_err_free(plain ? buf_add(b, p, 1) : buf_add(b, enc, 3));
    }
}

/* The href of page n of these results: /search?query=…&client=…&case=…&since=…&page=n. */
static char *page_href(const search_args *a, int64_t n)
{
    const char *names[] = {"query", "client", "case", "since"};
    const char *values[] = {a->query, a->client, a->case_id, a->since};
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_adds(&b, "/search"));
    for (size_t i = 0; i < 4; i++) {
        if (!values[i]) continue;
        rd_err_free(buf_addf(&b, "%s%s=", b.len > 7 ? "&" : "?", names[i]));
        url_add(&b, values[i]);
    }
    if (n > 1) rd_err_free(buf_addf(&b, "&page=%lld", (long long)n));
    return buf_detach(&b);
}

/* text with the byte ranges of ranges ([[start, end], …], ascending) in <mark>; ranges that
 * do not fit the text are left unmarked rather than trusted. */
static void marked(hw *w, const char *text, json_t *ranges)
{
    size_t len = strlen(text), at = 0, i;
    json_t *r;
    json_array_foreach(ranges, i, r)
    {
        json_int_t s = json_integer_value(json_array_get(r, 0));
        json_int_t e = json_integer_value(json_array_get(r, 1));
        if (s < (json_int_t)at || e <= s || (size_t)e > len) continue;
        hw_textn(w, text + at, (size_t)s - at);
        HW_RAW(w, "<mark>");
        hw_textn(w, text + s, (size_t)(e - s));
        HW_RAW(w, "</mark>");
        at = (size_t)e;
    }
    hw_textn(w, text + at, len - at);
}

static const char *kind_label(const char *kind)
{
    if (kind && !strcmp(kind, "concern")) return "Concern";
    if (kind && !strcmp(kind, "attachment")) return "Attachment";
    return "Message";
}

static void hit(hw *w, json_t *h)
{
    int64_t case_id = desk_ji(h, "case_id"), client_id = desk_ji(h, "client_id");
    const char *title = desk_js(h, "title"), *snippet = desk_js(h, "snippet");
    HW_RAW(w, "<li class=\"hit\"><p><span class=\"badge\">");
    hw_text(w, kind_label(desk_js(h, "kind")));
    HW_RAW(w, "</span> <strong>");
    if (title && *title)
        marked(w, title, json_object_get(h, "title_highlights"));
    else
        HW_RAW(w, "(no subject)");
    HW_RAW(w, "</strong></p>");
    if (snippet && *snippet) {
        HW_RAW(w, "<p class=\"snippet\">");
        marked(w, snippet, json_object_get(h, "snippet_highlights"));
        HW_RAW(w, "</p>");
    }
    HW_RAW(w, "<p class=\"muted\">");
    hw_time(w, desk_js(h, "at"));
    HW_RAW(w, " · ");
    if (case_id)
        hw_case_link(w, case_id);
    else if (client_id)
        hw_link_id(w, "/clients/", client_id, "the client's log");
    HW_RAW(w, "</p></li>");
}

/* The form: the query and the three filters, each with the desk's error beside it. */
static void search_form(hw *w, const page_view *v, const search_args *a)
{
    HW_RAW(w, "<form class=\"stack\" method=\"get\" action=\"/search\" role=\"search\" "
              "id=\"form-search\">");
    if (v->err && !page_err_field(v->err)) {
        HW_RAW(w, "<p class=\"form-error\" id=\"search-error\">");
        hw_text(w, v->err->msg);
        HW_RAW(w, "</p>");
    }
    form_field(w, v, "search", "query", "Search for",
               "words (all must match), \"a phrase\", prefix*, AND, OR, NOT", "search", a->query);
    HW_RAW(w, "<div class=\"search-filters\">");
    form_field(w, v, "search", "client", "Client", "its number", "number", a->client);
    form_field(w, v, "search", "case", "Case", "its number", "number", a->case_id);
    form_field(w, v, "search", "since", "Since", NULL, "date", a->since);
    HW_RAW(w, "</div>");
    form_close(w, "Search");
}

static void pager(hw *w, const search_args *a, bool more)
{
    if (a->page == 1 && !more) return;
    HW_RAW(w, "<nav class=\"pager\" aria-label=\"Pages of results\">");
    if (a->page > 1) {
        char *href = page_href(a, a->page - 1);
        HW_RAW(w, "<a rel=\"prev\"");
        hw_attr(w, "href", href);
        HW_RAW(w, ">Previous page</a>");
        free(href);
    } else {
        HW_RAW(w, "<span></span>");
    }
    if (more) {
        char *href = page_href(a, a->page + 1);
        HW_RAW(w, "<a rel=\"next\"");
        hw_attr(w, "href", href);
        HW_RAW(w, ">Next page</a>");
        free(href);
    }
    HW_RAW(w, "</nav>");
}

/* The search page for the arguments in v->query; a refused search is err (borrowed) in v. */
static rd_err *search_body(rd_desk *d, const page_view *v, const search_args *a, json_t *hits,
                           hw *w)
{
    (void)d;
    page_open(w, v, a->query ? a->query : "Search", "search");
    HW_RAW(w, "<h1>Search</h1><section class=\"card\">");
    search_form(w, v, a);
    HW_RAW(w, "</section>");
    if (hits) {
        size_t n = json_array_size(hits), first = (size_t)(a->page - 1) * SEARCH_PAGE;
        bool more = n > first + SEARCH_PAGE && a->page < SEARCH_PAGES;
        HW_RAW(w, "<section class=\"card\" aria-labelledby=\"results-h\"><h2 id=\"results-h\">");
        if (n <= first)
            HW_RAW(w, "No match");
        else
            hw_textf(w, "Results %zu–%zu, best first", first + 1,
                     n < first + SEARCH_PAGE ? n : first + SEARCH_PAGE);
        HW_RAW(w, "</h2><ol class=\"plain hits\" id=\"results\">");
        for (size_t i = first; i < n && i < first + SEARCH_PAGE; i++)
            hit(w, json_array_get(hits, i));
        HW_RAW(w, "</ol>");
        pager(w, a, more);
        HW_RAW(w, "</section>");
    }
    page_close(w);
    return NULL;
}

rd_err *page_search(http_req *rq, http_resp *rs)
{
    page_view v = {.user = rq->user, .csrf = rq->csrf, .query = rq->query};
    search_args a = {arg_of(&v, "query"), arg_of(&v, "client"), arg_of(&v, "case"),
                     arg_of(&v, "since"), 1};
    json_t *hits = NULL;
    rd_err *e = NULL;
    const char *page = arg_of(&v, "page");
    if (page) e = parse_int("page", page, 1, SEARCH_PAGES, &a.page);
    if (!e && a.query) {
        char limit[24];
        snprintf(limit, sizeof limit, "%lld", (long long)(a.page * SEARCH_PAGE + 1));
        desk_search_input in = {a.query, a.client, a.case_id, a.since, limit};
        e = desk_search(rq->desk, &in, &hits);
    }
    if (e) { /* the page again, the error beside the field it names */
        v.failed = "search";
        v.err = e;
        v.form = rq->query;
        rs->status = rd_err_http_status(e);
    }
    hw w;
    hw_begin(&w, &rs->body);
    search_body(rq->desk, &v, &a, hits, &w);
    rd_err *we = hw_end(&w);
    rd_err_free(e);
    json_decref(hits);
    return we;
}
