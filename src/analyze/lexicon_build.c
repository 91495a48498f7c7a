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
 *     ? where is the             a question about it: an exception, but triage still counts it
 *                                when the rest of the message is unhappy (see triage.c)
 *     ?status where is my refund a refund question names its kind: ?status (where a refund
 *     ?policy do you do refunds  asked for has got to), ?policy (whether refunds exist, what
 *     ?how how do i get          they depend on), ?how (the way to one's own money: a demand)
 *     @set insult idiot|moron    a named word set (more "@set insult ..." lines add to it);
 *     you $insult                "$insult" in a phrase stands for any word of the set
 * Blank lines and lines starting with "#" (then a space) are comments. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze_int.h"
#include "util/embed.h"

extern const rd_embedded analyze_data[];

#define MAX_WORDS   3072              /* at most 3/4 of HASH_SIZE, and below 1 << LEX_ID_BITS */
#define MAX_PHRASES 262144            /* 131,072 in round six; round seven passed it */
#define MAX_SLOTS   (4 * MAX_PHRASES) /* the key tables: at most 4 slots a bucket */
#define RAW_BITS    13                /* lexicon.raw: 8,192 slots, at most half of them used */
#define HASH_SIZE   4096              /* 32 KB of slots: the table stays in the L1 cache */
#define ID_MASK     ((UINT64_C(1) << LEX_ID_BITS) - 1)
#define POOL_SIZE   (256 * 1024)
#define MAX_ALTS    512
#define MAX_SETS    32
#define SET_NAME    24

static struct {
    lexicon lx;
    uint32_t flags[MAX_WORDS];     /* lexicon.flags */
    lex_index index[2][MAX_WORDS]; /* lexicon.index */
    lex_phrase phrases[MAX_PHRASES];
    uint32_t nphrases;
    uint32_t cand[MAX_PHRASES], ncand; /* lexicon.cand */
    uint16_t tkey[MAX_SLOTS];          /* lexicon.tkey */
    uint32_t tval[MAX_SLOTS], nslots;  /* lexicon.tval */
    /* work areas of the indexing */
    lex_phrase tmp[MAX_PHRASES];
    uint32_t perm[MAX_PHRASES];
    uint8_t keyd[MAX_PHRASES];  /* each phrase's key: distance back from the last word, 0 none */
    uint16_t keyx[MAX_PHRASES]; /* and the word there */
    uint32_t share[LEX_MAX_ELEMS][MAX_WORDS];
    uint64_t slot[HASH_SIZE];    /* the word's hash with its id in the low LEX_ID_BITS; 0 empty */
    lex_raw raw[1u << RAW_BITS]; /* lexicon.raw */
    uint32_t nraw;
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
    [L_WAITING] = "waiting",
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
    [L_REFUND_WORD] = "refund_word",
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

/* Files the raw word w[0..n) (lowercased, not stemmed) in lexicon.raw with its stem's id and
 * hash, as the scanner would find them for the same bytes (scan.c, word_id), unless it is
 * longer than 8 bytes, starts with a digit or "#" (the scanner reads those as "#num" or
 * "#time"), or the table is half full. */
static void add_raw(const char *w, size_t n, uint32_t id, uint64_t hash)
{
    if (n == 0 || n > 8 || (w[0] >= '0' && w[0] <= '9') || w[0] == '#') return;
    if (g.nraw >= (1u << RAW_BITS) / 2) return;
    uint64_t key = 0;
    for (size_t i = 0; i < n; i++)
        key |= (uint64_t)(unsigned char)w[i] << (8 * i);
    uint32_t mask = (1u << RAW_BITS) - 1;
    uint32_t i = lex_raw_slot(key, RAW_BITS);
    for (; g.raw[i].key; i = (i + 1) & mask)
        if (g.raw[i].key == key) return;
    g.raw[i] = (lex_raw){key, id, (uint32_t)hash | 1u};
    g.nraw++;
}

/* The id of a word, added when new; lowercases and stems a copy first. 0 when full. */
static uint32_t intern(const char *w, size_t n)
{
    char buf[LEX_WORD_MAX] = {0}, raw[LEX_WORD_MAX];
    if (n == 0 || n >= LEX_WORD_MAX) return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    size_t nraw = n;
    memcpy(raw, buf, n);
    if (buf[0] != '#') n = lex_stem(buf, n);
    uint64_t h = lex_hash(buf, n);
    uint32_t id = lex_lookup_hash(&g.lx, h);
    if (!id) {
        if (g.lx.nwords >= MAX_WORDS) return 0;
        const char *text = pool_copy(buf, n);
        if (!text) return 0;
        id = g.lx.nwords++;
        g.word_text[id] = text;
        uint32_t mask = HASH_SIZE - 1;
        uint32_t i = (uint32_t)h & mask;
        while (g.slot[i])
            i = (i + 1) & mask;
        g.slot[i] = (h & ~ID_MASK) | id;
    }
    add_raw(raw, nraw, id, h);
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
 * credit", "rip off|ripoff" for "rip ripoff", and "you're|you are right" for "you're are right".
 * Words from a "$set" are combined on purpose. */
/* Whether word a is a contraction of b's verb: "you're" before "are", "won't" before "not" —
 * the sign of "you're|you are right", which reads "you're are right". ("'s" never reaches here:
 * the stem of "that's" is "that", so "that's|that is where" is a list mistake it cannot see.) */
static bool contracts(const char *a, const char *b)
{
    static const char *const pairs[][2] = {{"'re", "are"},  {"'ve", "have"}, {"'ll", "will"},
                                           {"'d", "would"}, {"'d", "had"},   {"'m", "am"},
                                           {"n't", "not"}};
    size_t na = strlen(a);
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t ns = strlen(pairs[k][0]);
        if (na > ns && !strcmp(a + na - ns, pairs[k][0]) && !strcmp(b, pairs[k][1])) return true;
    }
    return false;
}

static bool mistaken_pair(const alts *x, int i, const alts *y, int j)
{
    uint32_t a = x->id[i], b = y->id[j];
    if (a == LEX_WILD || b == LEX_WILD || x->set[i] || y->set[j]) return false;
    if (a == b) return true;
    if (contracts(g.word_text[a], g.word_text[b])) return true;
    uint32_t neg = LEX_FLAG(L_NEGATOR);
    if ((g.flags[a] & neg) && (g.flags[b] & neg)) return true;
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
            p->elem[i] = (uint16_t)el[i].id[pick[i]];
        int k = nel - 1;
        while (k >= 0 && ++pick[k] == el[k].n)
            pick[k--] = 0;
        if (k < 0) return true;
    }
}

/* The kind a refund question names right after its "?" ("?status where is my refund"), moved
 * past in *s and *n: LEX_ASKS when it names none, 0 (after fail) for an unknown one. */
static uint8_t question_kind(const char *file, int lno, const char **s, size_t *n)
{
    static const struct {
        const char *name;
        uint8_t kind;
    } kinds[] = {{"status", LEX_ASK_STATUS}, {"policy", LEX_ASK_POLICY}, {"how", LEX_ASK_HOW}};
    size_t k = 0;
    while (k < *n && (*s)[k] != ' ')
        k++;
    if (k == 0) return LEX_ASKS;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strlen(kinds[i].name) == k && memcmp(*s, kinds[i].name, k) == 0) {
            *s += k, *n -= k;
            return kinds[i].kind;
        }
    fail(file, lno, "unknown question kind: write \"?status\", \"?policy\" or \"?how\"");
    return 0;
}

static void parse_phrase_line(const char *file, int lno, lex_label label, const char *s, size_t n)
{
    uint8_t exception = 0;
    if (n && s[0] == '!') {
        exception = 1;
        s++, n--;
    } else if (n && s[0] == '?') {
        s++, n--;
        exception = question_kind(file, lno, &s, &n);
        if (!exception) return;
        /* triage reads a refund question by its kind, and only a refund question has one */
        if (label == L_REFUND && exception == LEX_ASKS) {
            fail(file, lno,
                 "a refund question names its kind: \"?status\", \"?policy\" or \"?how\"");
            return;
        }
        if (label != L_REFUND && exception != LEX_ASKS) {
            fail(file, lno, "only refund_demand questions name a kind; write \"?\" alone");
            return;
        }
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
            g.flags[el[0].id[k]] |= LEX_FLAG(label);
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

/* The order in which the scanner reports the phrases that fit at one word, as a sort key: the
 * mode, the last word, then tone exceptions first (the tone sink gets its matches at once, so
 * they must be seen before the matches they stop), then the phrases that do not care about the
 * word before the last (one word long, or "*" there), then the rest by that word, each group in
 * the order of the lists. Triage exceptions sort like any phrase: triage holds its matches a
 * word (scan.c), so an exception seen after a match on the same word still drops it. Matches at
 * one word reach the sinks in this order, and the findings are listed in it. */
static uint64_t phrase_rank(uint32_t i)
{
    const lex_phrase *p = &g.phrases[i];
    uint64_t mode = (p->modes & MODE_TONE) != 0, last = p->elem[p->n - 1];
    bool first = p->exception && (p->modes & MODE_TONE);
    uint64_t group = first ? 0 : (p->n == 1 || p->elem[p->n - 2] == LEX_WILD) ? 1 : 2;
    uint64_t prev = group == 2 ? p->elem[p->n - 2] : 0;
    return mode << 55 | last << 42 | group << 40 | prev << 20 | i;
}

static int by_rank(const void *a, const void *b)
{
    uint64_t x = phrase_rank(*(const uint32_t *)a), y = phrase_rank(*(const uint32_t *)b);
    return x < y ? -1 : x > y;
}

/* Numbers the phrases in the order phrase_rank gives, so that a phrase's number is its rank:
 * the phrases of each mode and last word are then contiguous, and the scanner puts the ones
 * that fit at a word in order by sorting their numbers. */
static void renumber(void)
{
    for (uint32_t i = 0; i < g.nphrases; i++)
        g.perm[i] = i;
    qsort(g.perm, g.nphrases, sizeof g.perm[0], by_rank);
    for (uint32_t i = 0; i < g.nphrases; i++)
        g.tmp[i] = g.phrases[g.perm[i]];
    memcpy(g.phrases, g.tmp, g.nphrases * sizeof g.phrases[0]);
}

/* A keyed phrase's key as a table key: the distance from the last word and the word there. */
static uint32_t key_of(uint32_t i)
{
    return (uint32_t)g.keyd[i] << LEX_ID_BITS | g.keyx[i];
}

static int by_key(const void *a, const void *b)
{
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    uint32_t x = key_of(i), y = key_of(j);
    return x != y ? (x < y ? -1 : 1) : (i > j) - (i < j);
}

#define KEY_SHARE 12 /* a key word may file up to this many of a word's phrases together */

/* Chooses the key of each of the count phrases from number first on (those of one word and
 * mode): the nearest word (not "*") before the last that at most KEY_SHARE of the word's
 * phrases have at the same distance, else the one that the fewest have. Near keys keep the
 * distances to look up few; a shared one would have the scanner try every phrase filed with it
 * ("your $staff is a liar" would be tried, for each member of $staff, at every "a liar": it is
 * filed under the member, three words back). On the bench corpus this rule costs about a third
 * less than the nearest word alone or the least shared alone. */
static void choose_keys(uint32_t first, uint32_t count)
{
    for (uint32_t k = first; k < first + count; k++) {
        const lex_phrase *p = &g.phrases[k];
        for (int e = 0; e + 1 < p->n; e++)
            if (p->elem[e] != LEX_WILD) g.share[p->n - 1 - e][p->elem[e]]++;
    }
    for (uint32_t k = first; k < first + count; k++) {
        const lex_phrase *p = &g.phrases[k];
        uint32_t best = UINT32_MAX;
        g.keyd[k] = 0;
        for (int e = p->n - 2; e >= 0; e--) { /* nearest first, so it wins ties */
            if (p->elem[e] == LEX_WILD) continue;
            uint32_t d = (uint32_t)(p->n - 1 - e), share = g.share[d][p->elem[e]];
            uint32_t cost = share <= KEY_SHARE ? d : LEX_MAX_ELEMS + share;
            if (cost >= best) continue;
            best = cost;
            g.keyd[k] = (uint8_t)d;
            g.keyx[k] = p->elem[e];
        }
    }
    for (uint32_t k = first; k < first + count; k++) { /* clear the counts for the next word */
        const lex_phrase *p = &g.phrases[k];
        for (int e = 0; e + 1 < p->n; e++)
            if (p->elem[e] != LEX_WILD) g.share[p->n - 1 - e][p->elem[e]] = 0;
    }
}

/* Indexes the count phrases from number first on, those of word w in mode m (lex_index):
 * the ones with no key, then a bucket per key in a table of twice as many slots or more.
 * False when a table would not fit. */
static bool index_word(int m, uint32_t w, uint32_t first, uint32_t count)
{
    lex_index *ix = &g.index[m][w];
    ix->first = first;
    ix->count = (uint16_t)count;
    ix->cand = g.ncand;
    choose_keys(first, count);
    uint32_t nkeyed = 0;
    for (uint32_t k = first; k < first + count; k++) {
        if (g.keyd[k])
            g.perm[nkeyed++] = k;
        else
            g.cand[g.ncand++] = k, ix->nalways++;
    }
    qsort(g.perm, nkeyed, sizeof g.perm[0], by_key);
    uint32_t nbuckets = 0;
    for (uint32_t k = 0; k < nkeyed; k++)
        nbuckets += k == 0 || key_of(g.perm[k]) != key_of(g.perm[k - 1]);
    if (!nbuckets) return true;
    while ((1u << ix->bits) < 2 * nbuckets)
        ix->bits++;
    uint32_t size = 1u << ix->bits;
    if (g.nslots + size > MAX_SLOTS) return false;
    ix->table = g.nslots;
    g.nslots += size;
    for (uint32_t k = 0; k < nkeyed;) {
        uint32_t key = key_of(g.perm[k]), start = g.ncand;
        for (; k < nkeyed && key_of(g.perm[k]) == key; k++)
            g.cand[g.ncand++] = g.perm[k];
        uint32_t n = g.ncand - start;
        if (n >> LEX_VAL_COUNT) return false;
        ix->dmask |= (uint8_t)(1u << (key >> LEX_ID_BITS));
        ix->bloom |= UINT64_C(1) << lex_key_slot(key, 6);
        uint32_t i = lex_key_slot(key, ix->bits);
        while (g.tkey[ix->table + i])
            i = (i + 1) & (size - 1);
        g.tkey[ix->table + i] = (uint16_t)key;
        g.tval[ix->table + i] = start << LEX_VAL_COUNT | n;
    }
    return true;
}

/* Indexes the phrases of mode m (MODE_TRIAGE or MODE_TONE), which renumber made contiguous
 * and grouped by last word. */
static void index_mode(int m, uint8_t mode)
{
    uint32_t k = 0;
    while (k < g.nphrases && !(g.phrases[k].modes & mode))
        k++;
    while (k < g.nphrases && (g.phrases[k].modes & mode)) {
        uint32_t w = g.phrases[k].elem[g.phrases[k].n - 1], first = k;
        while (k < g.nphrases && (g.phrases[k].modes & mode) &&
               g.phrases[k].elem[g.phrases[k].n - 1] == w)
            k++;
        if (k - first > UINT16_MAX || !index_word(m, w, first, k - first)) {
            fail("lexicon", 0, "too many phrases end in one word");
            return;
        }
    }
}

static void init_modes(void)
{
    for (int l = L_ABUSE; l <= L_WAITING; l++)
        g.lx.modes[l] = MODE_TRIAGE;
    for (int l = L_COND_APOLOGY; l <= L_TIME; l++)
        g.lx.modes[l] = MODE_TONE;
    for (int l = L_ABUSE; l <= L_BILLING; l++)
        g.lx.negatable[l] = true;
    g.lx.negatable[L_ACK_FEELINGS] = g.lx.negatable[L_UNCOND_APOLOGY] = true;
    g.lx.negatable[L_COMMIT] = g.lx.negatable[L_PRAISE] = true;
    for (uint32_t i = 0; i < g.nphrases; i++) {
        g.phrases[i].modes = g.lx.modes[g.phrases[i].label];
        assert(g.phrases[i].modes == MODE_TRIAGE || g.phrases[i].modes == MODE_TONE);
    }
    renumber();
    index_mode(0, MODE_TRIAGE);
    index_mode(1, MODE_TONE);
}

static void init(const rd_embedded *files)
{
    g.lx.nwords = 1; /* id 0 means "not in the lexicon" */
    g.lx.hash_size = HASH_SIZE;
    g.lx.slot = g.slot;
    g.lx.raw = g.raw;
    g.lx.raw_bits = RAW_BITS;
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
    g.lx.flags = g.flags;
    g.lx.index[0] = g.index[0];
    g.lx.index[1] = g.index[1];
    g.lx.phrases = g.phrases;
    g.lx.cand = g.cand;
    g.lx.tkey = g.tkey;
    g.lx.tval = g.tval;
    g.lx.error = g.error[0] ? g.error : NULL;
    if (g.lx.error) {
        g.nphrases = 0;
        memset(g.flags, 0, sizeof g.flags);
        memset(g.index, 0, sizeof g.index);
    }
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
    fprintf(out, "/* Generated by tools/lexgen.c from src/analyze/data/; do not edit. */\n"
                 "#include \"analyze/analyze_int.h\"\n\n");
    put_u32s(out, "flags", g.flags, g.lx.nwords);
    for (int m = 0; m < 2; m++) {
        fprintf(out, "static const lex_index index%d[%u] = {", m, g.lx.nwords);
        for (uint32_t w = 0; w < g.lx.nwords; w++) {
            const lex_index *x = &g.index[m][w];
            fprintf(out, "\n    {0x%llxu, %u, %u, %u, %u, %u, %u, %u},",
                    (unsigned long long)x->bloom, x->first, x->cand, x->table, x->count, x->nalways,
                    x->bits, x->dmask);
        }
        fprintf(out, "\n};\n");
    }
    put_u32s(out, "cand", g.cand, g.ncand);
    put_u32s(out, "tval", g.tval, g.nslots);
    fprintf(out, "static const uint16_t tkey[%u] = {", g.nslots ? g.nslots : 1);
    for (uint32_t i = 0; i < g.nslots; i++)
        fprintf(out, "%s%u,", i % 16 ? " " : "\n    ", g.tkey[i]);
    fprintf(out, "%s\n};\n", g.nslots ? "" : "0");
    fprintf(out, "static const lex_phrase phrases[%u] = {", g.nphrases ? g.nphrases : 1);
    for (uint32_t i = 0; i < g.nphrases; i++) {
        const lex_phrase *p = &g.phrases[i];
        fprintf(out, "\n    {%u, %u, %u, %u, {", p->label, p->n, p->exception, p->modes);
        for (int e = 0; e < LEX_MAX_ELEMS; e++)
            fprintf(out, "%s%u", e ? ", " : "", e < p->n ? p->elem[e] : 0);
        fprintf(out, "}},");
    }
    fprintf(out, "\n};\nstatic const uint64_t slot[%u] = {", HASH_SIZE);
    for (uint32_t i = 0; i < HASH_SIZE; i++)
        fprintf(out, "%s0x%llxu,", i % 4 ? " " : "\n    ", (unsigned long long)g.slot[i]);
    fprintf(out, "\n};\nstatic const lex_raw raw[%u] = {", 1u << RAW_BITS);
    for (uint32_t i = 0; i < 1u << RAW_BITS; i++)
        fprintf(out, "%s{0x%llxu, %u, %uu},", i % 2 ? " " : "\n    ",
                (unsigned long long)g.raw[i].key, g.raw[i].id, g.raw[i].hash);
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
            "    .hash_time = %uu,\n    .flags = flags,\n    .index = {index0, index1},\n"
            "    .phrases = phrases,\n    .cand = cand,\n    .tkey = tkey,\n    .tval = tval,\n"
            "    .slot = slot,\n    .raw = raw,\n    .raw_bits = %u,\n    .word_text = word_text,\n"
            "    .hash_size = %u,\n    .negatable = {",
            g.lx.nwords, g.lx.word_num, g.lx.word_time, g.lx.hash_num, g.lx.hash_time, RAW_BITS,
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
