/* lexicon_build.c — turns the word lists in src/analyze/data/ into the tables the scanner reads:
 * a hash table of normalised words, phrases indexed by their last word, word flags (negators,
 * acronyms...), and the rule texts of rules.txt. It runs when redress is built: tools/lexgen.c
 * calls lex_write_c, which writes the tables as C (build/gen/analyze_lex.c), and the binary
 * reads those constants (lex_get there). Nothing here runs in redress itself.
 *
 * A *.lex file is a list of sections:
 *     @label legal_threat        which label the following lines carry
 *     take * to court            a phrase: words, "*" for any one word, "a|b" for either word,
 *                                "#num" for a number, "#time" for a clock time ("4pm", "10:30")
 *     ! sue you for nothing      an exception: stops overlapping matches of the same label that
 *                                end on the same word or later
 *     ? can i get a refund       a question about it: an exception, but triage still counts it
 *                                when the rest of the message is unhappy (see triage.c)
 *     @set insult idiot|moron    a named word set (more "@set insult ..." lines add to it);
 *     you $insult                "$insult" in a phrase stands for any word of the set
 * Blank lines and lines starting with "#" (then a space) are comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze_int.h"
#include "util/embed.h"

extern const rd_embedded analyze_data[];

#define MAX_WORDS   3072 /* at most 3/4 of HASH_SIZE, and below 1 << LEX_ID_BITS */
#define MAX_PHRASES 98304
#define HASH_SIZE   4096 /* 32 KB of slots: the table stays in the L1 cache */
#define ID_MASK     ((UINT64_C(1) << LEX_ID_BITS) - 1)
#define POOL_SIZE   (256 * 1024)
#define MAX_ALTS    512
#define MAX_SETS    16
#define SET_NAME    24

static struct {
    lexicon lx;
    uint32_t first[2][MAX_WORDS], count[2][MAX_WORDS];
    lex_word words[MAX_WORDS];
    uint32_t by_last[2][MAX_PHRASES], prev_key[2][MAX_PHRASES];
    lex_phrase phrases[MAX_PHRASES];
    uint32_t nphrases;
    uint64_t slot[HASH_SIZE]; /* the word's hash with its id in the low LEX_ID_BITS; 0 empty */
    const char *word_text[MAX_WORDS];
    char pool[POOL_SIZE];
    size_t pool_used;
    lex_rule_text rules[TR_COUNT];
    struct {
        char name[SET_NAME];
        uint32_t id[MAX_ALTS];
        int n;
    } sets[MAX_SETS];
    int nsets;
    char error[256];
} g;

static const char *const label_names[L_COUNT] = {
    [L_ABUSE] = "abuse",
    [L_PROFANITY] = "profanity",
    [L_HOSTILE] = "hostile",
    [L_DISPLEASED] = "displeased",
    [L_LEGAL] = "legal_threat",
    [L_REVIEW] = "review_threat",
    [L_REFUND] = "refund_demand",
    [L_PAYREF] = "payment_refusal",
    [L_DEADLINE] = "deadline",
    [L_QUALITY] = "quality",
    [L_COMMUNICATION] = "communication",
    [L_SCOPE] = "scope",
    [L_BILLING] = "billing",
    [L_INTENSIFIER] = "intensifier",
    [L_RETORT] = "retort",
    [L_ULTIMATUM] = "ultimatum",
    [L_PRAISE] = "praise",
    [L_COND_APOLOGY] = "conditional-apology",
    [L_BLAME] = "blame-shifting",
    [L_DISMISSIVE] = "dismissive",
    [L_PASSIVE] = "passive-responsibility",
    [L_VAGUE] = "vague-commitment",
    [L_ACK_FEELINGS] = "acknowledges-feelings",
    [L_RESTATES] = "restates-concern",
    [L_CONTACT] = "gives-contact",
    [L_UNCOND_APOLOGY] = "unconditional-apology",
    [L_APOLOGY] = "apology",
    [L_COMMIT] = "commitment",
    [L_TIME] = "time",
    [L_NEGATOR] = "negator",
    [L_CONTRAST] = "contrast",
    [L_ACRONYM] = "acronym",
    [L_SELF] = "self",
    [L_BE] = "be",
    [L_PARTICIPLE] = "participle",
    [L_NOT_PARTICIPLE] = "not-participle",
    [L_ADVERB] = "adverb",
    [L_AGENT] = "agent",
    [L_SUBJECT] = "subject",
};

static bool ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static void fail(const char *file, int line, const char *what)
{
    if (g.error[0]) return;
    size_t n = strlen(file), m = strlen(what);
    if (n > 60) n = 60;
    if (m > 180) m = 180;
    memcpy(g.error, file, n);
    g.error[n] = ':';
    g.error[n + 1] = (char)('0' + (line / 1000) % 10);
    g.error[n + 2] = (char)('0' + (line / 100) % 10);
    g.error[n + 3] = (char)('0' + (line / 10) % 10);
    g.error[n + 4] = (char)('0' + line % 10);
    g.error[n + 5] = ' ';
    memcpy(g.error + n + 6, what, m);
    g.error[n + 6 + m] = '\0';
}

static char *pool_copy(const char *s, size_t n)
{
    if (g.pool_used + n + 1 > POOL_SIZE) return NULL;
    char *p = g.pool + g.pool_used;
    memcpy(p, s, n);
    p[n] = '\0';
    g.pool_used += n + 1;
    return p;
}

/* The id of a word, added when new; lowercases and stems a copy first. 0 when full. */
static uint32_t intern(const char *w, size_t n)
{
    char buf[LEX_WORD_MAX] = {0};
    if (n == 0 || n >= LEX_WORD_MAX) return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    if (buf[0] != '#') n = lex_stem(buf, n);
    uint32_t id = lex_lookup(&g.lx, buf, n);
    if (id) return id;
    if (g.lx.nwords >= MAX_WORDS) return 0;
    const char *text = pool_copy(buf, n);
    if (!text) return 0;
    id = g.lx.nwords++;
    g.word_text[id] = text;
    uint32_t mask = HASH_SIZE - 1;
    uint64_t h = lex_hash(buf, n);
    uint32_t i = (uint32_t)h & mask;
    while (g.slot[i])
        i = (i + 1) & mask;
    g.slot[i] = (h & ~ID_MASK) | id;
    return id;
}

static lex_label label_parse(const char *s, size_t n)
{
    for (int i = 1; i < L_COUNT; i++)
        if (strlen(label_names[i]) == n && memcmp(label_names[i], s, n) == 0) return (lex_label)i;
    return L_NONE;
}

static bool is_flag_label(lex_label l)
{
    return l >= L_NEGATOR;
}

typedef struct alts {
    uint32_t id[MAX_ALTS];
    bool set[MAX_ALTS]; /* came from a "$name" word set, not written on the line */
    int n;
} alts;

/* The word set called s[0..n), or -1. */
static int set_find(const char *s, size_t n)
{
    for (int i = 0; i < g.nsets; i++)
        if (strlen(g.sets[i].name) == n && memcmp(g.sets[i].name, s, n) == 0) return i;
    return -1;
}

/* Why the scanner can never read w[0..n) as one word, or NULL when it can: it splits words at
 * hyphens, dots and other punctuation, and reads any word that starts with a digit as "#num" or
 * "#time" (scan.c, collect_word). Such a word in a list would silently never match. */
static const char *unreadable(const char *w, size_t n)
{
    if (w[0] == '#')
        return n == 4 && !memcmp(w, "#num", 4)    ? NULL
               : n == 5 && !memcmp(w, "#time", 5) ? NULL
                                                  : "unknown #word (#num, #time)";
    if (w[0] >= '0' && w[0] <= '9') return "a number is read as #num: write #num";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        bool letter = (c | 32) >= 'a' && (c | 32) <= 'z';
        if (letter || c >= 0x80 || (c >= '0' && c <= '9')) continue;
        if ((c == '*' || c == '\'') && i > 0) continue;
        return c == '-' ? "the scanner splits words at '-': write the words apart"
                        : "a character the scanner never puts in a word";
    }
    return NULL;
}

/* Fails the line when a word the scanner cannot read is in it (see unreadable). */
static bool readable(const char *file, int lno, const char *w, size_t n)
{
    const char *why = unreadable(w, n);
    if (!why) return true;
    char msg[96];
    snprintf(msg, sizeof msg, "\"%.*s\" never matches: %s", (int)(n > 24 ? 24 : n), w, why);
    fail(file, lno, msg);
    return false;
}

/* "@set NAME a|b|c": adds the words to the set NAME, creating it on first use. */
static void parse_set(const char *file, int lno, const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] != ' ')
        k++;
    if (k == 0 || k >= SET_NAME) {
        fail(file, lno, "bad set name");
        return;
    }
    int si = set_find(s, k);
    if (si < 0) {
        if (g.nsets == MAX_SETS) {
            fail(file, lno, "too many sets");
            return;
        }
        si = g.nsets++;
        memcpy(g.sets[si].name, s, k);
        g.sets[si].name[k] = '\0';
    }
    size_t i = k;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '|'))
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '|')
            j++;
        if (j == i) break;
        if (s[i] != '$' && !readable(file, lno, s + i, j - i)) return;
        uint32_t id = s[i] == '$' ? 0 : intern(s + i, j - i);
        if (!id || g.sets[si].n == MAX_ALTS) {
            fail(file, lno, "bad word or set full");
            return;
        }
        g.sets[si].id[g.sets[si].n++] = id;
        i = j;
    }
}

/* Adds word id to the alternatives unless it is there already: "refund|refunds" is one stem,
 * and two alike would make the same phrase twice. a has room (checked by the caller). */
static void add_alt(alts *a, uint32_t id, bool from_set)
{
    for (int k = 0; k < a->n; k++)
        if (a->id[k] == id) return;
    a->set[a->n] = from_set;
    a->id[a->n++] = id;
}

/* Splits one element "a|b|$set" into word ids. */
static bool parse_elem(const char *file, int lno, const char *s, size_t n, alts *a)
{
    a->n = 0;
    if (n == 1 && s[0] == '*') {
        a->set[a->n] = false;
        a->id[a->n++] = LEX_WILD;
        return true;
    }
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '|')
            j++;
        if (j > i + 1 && s[i] == '$') {
            int si = set_find(s + i + 1, j - i - 1);
            if (si < 0 || a->n + g.sets[si].n > MAX_ALTS) return false;
            for (int k = 0; k < g.sets[si].n; k++)
                add_alt(a, g.sets[si].id[k], true);
            i = j + 1;
            continue;
        }
        if (a->n == MAX_ALTS || j == i || !readable(file, lno, s + i, j - i)) return false;
        uint32_t id = intern(s + i, j - i);
        if (!id) return false;
        add_alt(a, id, false);
        i = j + 1;
    }
    return true;
}

/* Whether the alternatives a (of one element) and b (of the next) make a phrase nobody writes on
 * purpose, the sign of a multi-word alternative: "a b|c" reads as "a b" or "a c", never as "c"
 * alone, so "won't|will not pay" asks for "won't not pay", "credit it|credit the" for "credit
 * credit", and "rip off|ripoff" for "rip ripoff". Words from a "$set" are combined on purpose. */
static bool mistaken_pair(const alts *x, int i, const alts *y, int j)
{
    uint32_t a = x->id[i], b = y->id[j];
    if (a == LEX_WILD || b == LEX_WILD || x->set[i] || y->set[j]) return false;
    if (a == b) return true;
    uint32_t neg = LEX_FLAG(L_NEGATOR);
    if ((g.words[a].flags & neg) && (g.words[b].flags & neg)) return true;
    const char *ta = g.word_text[a], *tb = g.word_text[b];
    size_t na = strlen(ta);
    if (strncmp(tb, ta, na) != 0 || !tb[na]) return false;
    for (int k = 0; k < y->n; k++) /* b is a written together with another alternative of y */
        if (y->id[k] != LEX_WILD && !strcmp(tb + na, g.word_text[y->id[k]])) return true;
    return false;
}

/* Fails the line when two neighbouring elements hold a mistaken pair (see mistaken_pair). */
static bool alternatives_fit(const char *file, int lno, const alts *el, int nel)
{
    for (int e = 0; e + 1 < nel; e++)
        for (int i = 0; i < el[e].n; i++)
            for (int j = 0; j < el[e + 1].n; j++) {
                if (!mistaken_pair(&el[e], i, &el[e + 1], j)) continue;
                char msg[180];
                snprintf(msg, sizeof msg,
                         "\"%s %s\" is one of its phrases: \"a b|c\" means \"a b\" or \"a c\", "
                         "never \"c\" alone; write each phrase on its own line",
                         g.word_text[el[e].id[i]], g.word_text[el[e + 1].id[j]]);
                fail(file, lno, msg);
                return false;
            }
    return true;
}

/* Adds every combination of the alternatives as its own phrase. */
static bool add_phrases(lex_label label, uint8_t exception, const alts *el, int nel)
{
    int pick[LEX_MAX_ELEMS] = {0};
    for (;;) {
        if (g.nphrases == MAX_PHRASES) return false;
        lex_phrase *p = &g.phrases[g.nphrases++];
        p->label = (uint8_t)label;
        p->n = (uint8_t)nel;
        p->exception = exception;
        for (int i = 0; i < nel; i++)
            p->elem[i] = el[i].id[pick[i]];
        int k = nel - 1;
        while (k >= 0 && ++pick[k] == el[k].n)
            pick[k--] = 0;
        if (k < 0) return true;
    }
}

static void parse_phrase_line(const char *file, int lno, lex_label label, const char *s, size_t n)
{
    uint8_t exception = 0;
    if (n && (s[0] == '!' || s[0] == '?')) {
        exception = s[0] == '?' ? LEX_ASKS : 1;
        s++, n--;
    }
    alts el[LEX_MAX_ELEMS];
    int nel = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j == i) break;
        if (nel == LEX_MAX_ELEMS) {
            fail(file, lno, "phrase longer than 8 words");
            return;
        }
        if (!parse_elem(file, lno, s + i, j - i, &el[nel++])) {
            fail(file, lno, "bad word or full");
            return;
        }
        i = j;
    }
    if (nel == 0) return;
    if (el[nel - 1].id[0] == LEX_WILD) {
        fail(file, lno, "phrase ends in *");
        return;
    }
    if (!alternatives_fit(file, lno, el, nel)) return;
    if (is_flag_label(label)) {
        if (nel != 1) {
            fail(file, lno, "flag labels take single words");
            return;
        }
        for (int k = 0; k < el[0].n; k++)
            g.words[el[0].id[k]].flags |= LEX_FLAG(label);
        return;
    }
    if (!add_phrases(label, exception, el, nel)) fail(file, lno, "too many phrases");
}

static void parse_lex(const rd_embedded *f)
{
    lex_label label = L_NONE;
    const char *s = f->data, *end = f->data + f->size;
    for (int lno = 1; s < end; lno++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
            n--;
        if (n >= 7 && memcmp(s, "@label ", 7) == 0) {
            label = label_parse(s + 7, n - 7);
            if (label == L_NONE) fail(f->name, lno, "unknown label");
        } else if (n >= 5 && memcmp(s, "@set ", 5) == 0) {
            parse_set(f->name, lno, s + 5, n - 5);
        } else if (n && !(s[0] == '#' && (n == 1 || s[1] == ' '))) {
            if (label == L_NONE)
                fail(f->name, lno, "phrase before any @label");
            else
                parse_phrase_line(f->name, lno, label, s, n);
        }
        if (!nl) break;
        s = nl + 1;
    }
}

/* rules.txt: "[rule-name]" then "key: value" lines (message, suggestion, explain, example);
 * a line starting with two spaces continues the previous value. */
static void parse_rules(const rd_embedded *f)
{
    tone_rule rule = TR_COUNT;
    const char **target = NULL;
    char tmp[2048];
    size_t tlen = 0;
    const char *s = f->data, *end = f->data + f->size;
    for (int lno = 1; s <= end; lno++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        bool cont = n > 2 && s[0] == ' ' && s[1] == ' ';
        if (!cont && target) {
            *target = pool_copy(tmp, tlen);
            target = NULL;
        }
        if (cont && target) {
            if (tlen + n < sizeof tmp) {
                tmp[tlen++] = '\n';
                memcpy(tmp + tlen, s + 2, n - 2);
                tlen += n - 2;
            }
        } else if (n > 2 && s[0] == '[' && s[n - 1] == ']') {
            char name[64];
            size_t k = n - 2 < sizeof name - 1 ? n - 2 : sizeof name - 1;
            memcpy(name, s + 1, k);
            name[k] = '\0';
            if (!tone_rule_parse(name, &rule)) fail(f->name, lno, "unknown rule");
        } else if (n && s[0] != '#' && rule != TR_COUNT) {
            const char *colon = memchr(s, ':', n);
            if (!colon) {
                fail(f->name, lno, "expected key: value");
            } else {
                size_t klen = (size_t)(colon - s);
                lex_rule_text *rt = &g.rules[rule];
                target = klen == 7 && !memcmp(s, "message", 7)        ? &rt->message
                         : klen == 10 && !memcmp(s, "suggestion", 10) ? &rt->suggestion
                         : klen == 7 && !memcmp(s, "explain", 7)      ? &rt->explain
                         : klen == 7 && !memcmp(s, "example", 7)      ? &rt->example
                                                                      : NULL;
                if (!target) fail(f->name, lno, "unknown key");
                const char *v = colon + 1;
                while (v < s + n && *v == ' ')
                    v++;
                tlen = (size_t)(s + n - v) < sizeof tmp ? (size_t)(s + n - v) : sizeof tmp - 1;
                memcpy(tmp, v, tlen);
            }
        }
        if (!nl) break;
        s = nl + 1;
    }
    if (target) *target = pool_copy(tmp, tlen);
}

/* Where a phrase sorts among those ending in the same word: tone exceptions first (the tone
 * sink gets its matches at once, so they must be seen before the matches they stop), then
 * phrases that do not care about the word before the last (one word long, or "*" there), then
 * the rest by that word, so the scanner finds them by binary search on the word it saw before.
 * Triage exceptions sort like any phrase: triage holds its matches a word (scan.c), so an
 * exception seen after a match on the same word still drops it, and one ending on a common
 * word ("you fool us") costs a search, not a walk, on every "us". */
static uint64_t phrase_key(uint32_t i)
{
    const lex_phrase *p = &g.phrases[i];
    bool first = p->exception && (p->modes & MODE_TONE);
    uint64_t group = first ? 0 : (p->n == 1 || p->elem[p->n - 2] == LEX_WILD) ? 1 : 2;
    uint64_t prev = group == 2 ? p->elem[p->n - 2] : 0;
    return group << 40 | prev << 20 | i;
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = phrase_key(*(const uint32_t *)a), y = phrase_key(*(const uint32_t *)b);
    return x < y ? -1 : x > y;
}

/* Groups phrase indexes by last word, one index per mode (triage, tone) so a scan only walks
 * the phrases it cares about. */
static void index_mode(int m, uint8_t mode)
{
    for (uint32_t i = 0; i < g.nphrases; i++)
        if (g.phrases[i].modes & mode) g.count[m][g.phrases[i].elem[g.phrases[i].n - 1]]++;
    uint32_t at = 0;
    for (uint32_t w = 0; w < g.lx.nwords; w++) {
        g.first[m][w] = at;
        at += g.count[m][w];
        g.count[m][w] = 0;
    }
    for (uint32_t i = 0; i < g.nphrases; i++) {
        const lex_phrase *p = &g.phrases[i];
        if (!(p->modes & mode)) continue;
        uint32_t w = p->elem[p->n - 1];
        g.by_last[m][g.first[m][w] + g.count[m][w]++] = i;
    }
    for (uint32_t w = 0; w < g.lx.nwords; w++) {
        uint32_t *seg = g.by_last[m] + g.first[m][w];
        qsort(seg, g.count[m][w], sizeof *seg, by_key);
        lex_word *lw = &g.words[w];
        lw->first[m] = g.first[m][w];
        lw->count[m] = (uint16_t)g.count[m][w];
        for (uint32_t k = 0; k < g.count[m][w]; k++) {
            const lex_phrase *p = &g.phrases[seg[k]];
            uint64_t group = phrase_key(seg[k]) >> 40;
            lw->head[m] += group < 2;
            g.prev_key[m][g.first[m][w] + k] = group == 2 ? p->elem[p->n - 2] : 0;
        }
    }
}

static void init_modes(void)
{
    for (int l = L_ABUSE; l <= L_PRAISE; l++)
        g.lx.modes[l] = MODE_TRIAGE;
    for (int l = L_COND_APOLOGY; l <= L_TIME; l++)
        g.lx.modes[l] = MODE_TONE;
    for (int l = L_ABUSE; l <= L_BILLING; l++)
        g.lx.negatable[l] = true;
    g.lx.negatable[L_ACK_FEELINGS] = g.lx.negatable[L_UNCOND_APOLOGY] = true;
    g.lx.negatable[L_COMMIT] = g.lx.negatable[L_PRAISE] = true;
    for (uint32_t i = 0; i < g.nphrases; i++)
        g.phrases[i].modes = g.lx.modes[g.phrases[i].label];
    index_mode(0, MODE_TRIAGE);
    index_mode(1, MODE_TONE);
}

static void init(const rd_embedded *files)
{
    g.lx.nwords = 1; /* id 0 means "not in the lexicon" */
    g.lx.hash_size = HASH_SIZE;
    g.lx.slot = g.slot;
    g.lx.word_text = g.word_text;
    g.lx.word_num = intern("#num", 4);
    g.lx.word_time = intern("#time", 5);
    g.lx.hash_num = (uint32_t)lex_hash("#num", 4) | 1u;
    g.lx.hash_time = (uint32_t)lex_hash("#time", 5) | 1u;
    for (const rd_embedded *f = files; f->name; f++) {
        size_t n = strlen(f->name);
        if (ends(f->name, n, ".lex"))
            parse_lex(f);
        else if (strcmp(f->name, "rules.txt") == 0)
            parse_rules(f);
    }
    init_modes();
    g.lx.words = g.words;
    for (int m = 0; m < 2; m++) {
        g.lx.by_last[m] = g.by_last[m];
        g.lx.prev_key[m] = g.prev_key[m];
    }
    g.lx.phrases = g.phrases;
    g.lx.error = g.error[0] ? g.error : NULL;
    if (g.lx.error) g.nphrases = 0, memset(g.words, 0, sizeof g.words);
}

/* ---------------------------------------------------------------- the C file */

static void put_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20 || *p >= 0x7F)
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void put_u32s(FILE *out, const char *name, const uint32_t *v, uint32_t n)
{
    fprintf(out, "static const uint32_t %s[%u] = {", name, n ? n : 1);
    for (uint32_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", i % 12 ? " " : "\n    ", v[i]);
    fprintf(out, "%s\n};\n", n ? "" : "0");
}

const char *lex_check(const rd_embedded *files)
{
    memset(&g, 0, sizeof g);
    init(files);
    return g.lx.error;
}

const char *lex_write_c(FILE *out)
{
    memset(&g, 0, sizeof g);
    init(analyze_data);
    if (g.lx.error) return g.lx.error;
    uint32_t total[2] = {0, 0};
    for (int m = 0; m < 2; m++)
        for (uint32_t w = 0; w < g.lx.nwords; w++)
            total[m] += g.count[m][w];
    fprintf(out, "/* Generated by tools/lexgen.c from src/analyze/data/; do not edit. */\n"
                 "#include \"analyze/analyze_int.h\"\n\n");
    fprintf(out, "static const lex_word words[%u] = {", g.lx.nwords);
    for (uint32_t w = 0; w < g.lx.nwords; w++) {
        const lex_word *x = &g.words[w];
        fprintf(out, "\n    {%uu, {%u, %u}, {%u, %u}, {%u, %u}},", x->flags, x->first[0],
                x->first[1], x->count[0], x->count[1], x->head[0], x->head[1]);
    }
    fprintf(out, "\n};\n");
    put_u32s(out, "by_last0", g.by_last[0], total[0]);
    put_u32s(out, "by_last1", g.by_last[1], total[1]);
    put_u32s(out, "prev_key0", g.prev_key[0], total[0]);
    put_u32s(out, "prev_key1", g.prev_key[1], total[1]);
    fprintf(out, "static const lex_phrase phrases[%u] = {", g.nphrases ? g.nphrases : 1);
    for (uint32_t i = 0; i < g.nphrases; i++) {
        const lex_phrase *p = &g.phrases[i];
        fprintf(out, "\n    {%u, %u, %u, %u, {", p->label, p->n, p->exception, p->modes);
        for (int e = 0; e < LEX_MAX_ELEMS; e++)
            fprintf(out, "%s%uu", e ? ", " : "", e < p->n ? p->elem[e] : 0);
        fprintf(out, "}},");
    }
    fprintf(out, "\n};\nstatic const uint64_t slot[%u] = {", HASH_SIZE);
    for (uint32_t i = 0; i < HASH_SIZE; i++)
        fprintf(out, "%s0x%llxu,", i % 4 ? " " : "\n    ", (unsigned long long)g.slot[i]);
    fprintf(out, "\n};\nstatic const char *const word_text[%u] = {", g.lx.nwords);
    for (uint32_t w = 0; w < g.lx.nwords; w++) {
        fputs("\n    ", out);
        put_string(out, g.word_text[w]);
        fputc(',', out);
    }
    fprintf(out, "\n};\nstatic const lex_rule_text rules[%d] = {", TR_COUNT);
    for (int r = 0; r < TR_COUNT; r++) {
        const lex_rule_text *t = &g.rules[r];
        const char *parts[4] = {t->message, t->suggestion, t->explain, t->example};
        fputs("\n    {", out);
        for (int k = 0; k < 4; k++) {
            if (k) fputs(", ", out);
            put_string(out, parts[k]);
        }
        fputs("},", out);
    }
    fprintf(out,
            "\n};\n\nstatic const lexicon lx = {\n    .error = NULL,\n    .nwords = %u,\n"
            "    .word_num = %u,\n    .word_time = %u,\n    .hash_num = %uu,\n"
            "    .hash_time = %uu,\n    .words = words,\n"
            "    .by_last = {by_last0, by_last1},\n    .prev_key = {prev_key0, prev_key1},\n"
            "    .phrases = phrases,\n    .slot = slot,\n    .word_text = word_text,\n"
            "    .hash_size = %u,\n    .negatable = {",
            g.lx.nwords, g.lx.word_num, g.lx.word_time, g.lx.hash_num, g.lx.hash_time,
            g.lx.hash_size);
    for (int l = 0; l < L_COUNT; l++)
        fprintf(out, "%s%d", l ? ", " : "", g.lx.negatable[l]);
    fprintf(out, "},\n    .modes = {");
    for (int l = 0; l < L_COUNT; l++)
        fprintf(out, "%s%u", l ? ", " : "", g.lx.modes[l]);
    fprintf(out, "},\n};\n\n"
                 "const lexicon *lex_get(void)\n{\n    return &lx;\n}\n\n"
                 "const lex_rule_text *lex_rule_texts(tone_rule r)\n{\n    return &rules[r];\n}\n\n"
                 "const char *analyze_data_error(void)\n{\n    return NULL;\n}\n");
    return NULL;
}
