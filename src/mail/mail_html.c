/* mail_html.c — HTML mail as readable text. Not a renderer: enough to keep the words of a
 * client's message and its paragraph breaks, so that triage and search read what a person
 * would. Tags are dropped, script/style/head content skipped, block elements become line
 * breaks, list items get "- ", and character references are decoded. */
#include "mail/mail.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const block_tags[] = {
    "p",       "div",     "br",     "tr",     "li",    "h1",         "h2",  "h3", "h4",
    "h5",      "h6",      "ul",     "ol",     "table", "blockquote", "pre", "hr", "title",
    "section", "article", "header", "footer", "dd",    "dt",         NULL};

static bool is_block(const char *name)
{
    for (int i = 0; block_tags[i]; i++)
        if (strcasecmp(name, block_tags[i]) == 0) return true;
    return false;
}

static const struct {
    const char *name;
    unsigned cp;
} entities[] = {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},
                {"apos", '\''},    {"nbsp", ' '},     {"copy", 0xA9},     {"reg", 0xAE},
                {"euro", 0x20AC},  {"pound", 0xA3},   {"hellip", 0x2026}, {"mdash", 0x2014},
                {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},
                {"rdquo", 0x201D}, {"eacute", 0xE9},  {"egrave", 0xE8},   {"uuml", 0xFC},
                {"ouml", 0xF6},    {"auml", 0xE4},    {"szlig", 0xDF},    {"ccedil", 0xE7}};

void mail_put_utf8(rd_buf *b, unsigned cp)
{
    char u[5];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        rd_err_free(buf_add(b, u, 1));
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        rd_err_free(buf_add(b, u, 2));
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        rd_err_free(buf_add(b, u, 3));
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        rd_err_free(buf_add(b, u, 4));
    }
}

/* Decodes the character reference at s (after '&'); returns bytes used, 0 when it is none. */
static size_t entity(const char *s, size_t n, rd_buf *b)
{
    size_t end = 0;
    while (end < n && end < 12 && s[end] != ';')
        end++;
    if (end >= n || s[end] != ';' || end == 0) return 0;
    if (s[0] == '#') {
        unsigned long cp = 0;
        bool hex = end > 1 && (s[1] == 'x' || s[1] == 'X');
        size_t i = hex ? 2 : 1;
        if (i >= end) return 0;
        for (; i < end; i++) {
            int c = (unsigned char)s[i];
            int v = isdigit(c) ? c - '0' : hex && isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
            if (v < 0) return 0;
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
            if (cp > 0x10FFFF) cp = 0xFFFD;
        }
        mail_put_utf8(b, (unsigned)cp);
        return end + 1;
    }
    for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++)
        if (strlen(entities[k].name) == end && strncmp(s, entities[k].name, end) == 0) {
            mail_put_utf8(b, entities[k].cp);
            return end + 1;
        }
    return 0;
}

/* Adds a line break unless the text already ends with two (a paragraph gap at most). */
static void line_break(rd_buf *b)
{
    if (b->len == 0) return;
    if (b->len >= 2 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n') return;
    rd_err_free(buf_adds(b, "\n"));
}

/* Adds a space for a run of whitespace, none at the start of a line. */
static void space(rd_buf *b)
{
    if (b->len == 0) return;
    char last = b->data[b->len - 1];
    if (last != ' ' && last != '\n') rd_err_free(buf_adds(b, " "));
}

char *mail_html_to_text(const char *html, size_t len)
{
    rd_buf b;
    buf_init(&b, 0);
    for (size_t i = 0; i < len;) {
        char c = html[i];
        if (c == '<') {
            if (len - i >= 4 && strncmp(html + i, "<!--", 4) == 0) {
                const char *end = NULL;
                for (size_t k = i + 4; k + 2 < len; k++)
                    if (html[k] == '-' && html[k + 1] == '-' && html[k + 2] == '>') {
                        end = html + k + 3;
                        break;
                    }
                i = end ? (size_t)(end - html) : len;
                continue;
            }
            size_t k = i + 1;
            bool closing = k < len && html[k] == '/';
            if (closing) k++;
            char name[16];
            size_t nl = 0;
            while (k < len && (isalnum((unsigned char)html[k])) && nl < sizeof name - 1)
                name[nl++] = html[k++];
            name[nl] = '\0';
            while (k < len && html[k] != '>')
                k++;
            i = k < len ? k + 1 : len;
            if (!closing && (strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0 ||
                             strcasecmp(name, "head") == 0)) {
                /* their content is not text, and may hold '<': jump to the closing tag */
                size_t nlen = strlen(name);
                while (i + nlen + 2 <= len && !(html[i] == '<' && html[i + 1] == '/' &&
                                                strncasecmp(html + i + 2, name, nlen) == 0))
                    i++;
                while (i < len && html[i] != '>')
                    i++;
                if (i < len) i++;
                continue;
            }
            if (nl && is_block(name)) {
                bool para = strcasecmp(name, "p") == 0 || strcasecmp(name, "div") == 0;
                /* <br> always breaks the line; other blocks end the line they follow */
                if (para || strcasecmp(name, "br") == 0 || (b.len && b.data[b.len - 1] != '\n'))
                    line_break(&b);
                if (para) line_break(&b);
                if (!closing && strcasecmp(name, "li") == 0) rd_err_free(buf_adds(&b, "- "));
            }
            continue;
        }
        if (c == '&') {
            size_t used = entity(html + i + 1, len - i - 1, &b);
            if (used) {
                i += used + 1;
                continue;
            }
        }
        if (isspace((unsigned char)c)) {
            space(&b);
            i++;
            continue;
        }
        rd_err_free(buf_add(&b, &c, 1));
        i++;
    }
    /* trim spaces before line ends and at both ends */
    rd_buf t;
    buf_init(&t, 0);
    const char *s = buf_str(&b);
    size_t n = b.len, start = 0;
    while (start < n && (s[start] == '\n' || s[start] == ' '))
        start++;
    while (n > start && (s[n - 1] == '\n' || s[n - 1] == ' '))
        n--;
    for (size_t i = start; i < n; i++) {
        if (s[i] == ' ' && i + 1 < n && s[i + 1] == '\n') continue;
        if (s[i] == ' ' && i > start && s[i - 1] == '\n') continue;
        rd_err_free(buf_add(&t, s + i, 1));
    }
    rd_err_free(buf_adds(&t, ""));
    buf_reset(&b);
    char *raw = buf_detach(&t);
    char *clean = mail_to_utf8(raw, strlen(raw), "utf-8");
    free(raw);
    return clean;
}
