/* scan.c — the one pass over a text that both analyzers share. It cuts the bytes into words
 * (ASCII lowercased on the fly, curly apostrophes turned into "'", other non-ASCII letters kept
 * as they are), normalises each word with lex_stem, looks it up in the lexicon's hash table, and
 * checks the phrases that end in that word against the last few words kept in a ring, through
 * the index lexicon_build.c made (lex_index: only the phrases whose key word is in place are
 * tried). Sentence and clause boundaries, runs of "!" and words in capitals are noticed on the
 * way. Memory use is fixed (the ring), time is linear in the input. */
#include <string.h>

#include "analyze/analyze_int.h"

#define NEG_WINDOW 6 /* words before a phrase searched for a negator */

enum { P_LETTER, P_SPACE, P_CLAUSE, P_SENTENCE };

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static size_t seq_len(const unsigned char *s, size_t avail)
{
    size_t n = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    return n < avail ? n : avail;
}

/* Classifies the non-ASCII character at s: a letter, or punctuation of some strength. */
static int punct_kind(const unsigned char *s, size_t avail)
{
    if (avail >= 2 && s[0] == 0xC2) {
        if (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xB7) return P_SPACE;
        if (s[1] == 0xA1 || s[1] == 0xBF) return P_SENTENCE;
        return P_SPACE;
    }
    if (avail >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
        if (s[2] >= 0x90 && s[2] <= 0x95) return P_CLAUSE; /* dashes */
        if (s[2] == 0xA6) return P_SENTENCE;               /* ellipsis */
        return P_SPACE;                                    /* quotes, spaces, bullets, zero-width */
    }
    if (avail >= 3 && s[0] == 0xE2) return P_SPACE;                 /* arrows, symbols */
    if (avail >= 3 && s[0] == 0xEF && s[1] == 0xBB) return P_SPACE; /* BOM */
    if (avail >= 3 && s[0] == 0xE3 && s[1] == 0x80) return P_SPACE; /* CJK punctuation */
    if (s[0] >= 0xF0) return P_SPACE;                               /* emoji and the like */
    return P_LETTER;
}

static bool curly_apostrophe(const unsigned char *s, size_t avail)
{
    return avail >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99);
}

/* Hands the held matches that ended before token `before` to the sink, oldest first. */
static void flush_pending(scanner *sc, uint64_t before)
{
    int keep = 0;
    for (int i = 0; i < sc->npend; i++) {
        if (sc->pend[i].last < before)
            sc->sink->match(sc->sink->ctx, sc, &sc->pend[i]);
        else
            sc->pend[keep++] = sc->pend[i];
    }
    sc->npend = keep;
}

/* An exception of label over tokens first..last drops the held matches it overlaps. */
static void drop_pending(scanner *sc, uint8_t label, uint64_t first, uint64_t last)
{
    int keep = 0;
    for (int i = 0; i < sc->npend; i++) {
        const scan_match *m = &sc->pend[i];
        if (m->phrase->exception ||
            !(m->phrase->label == label && m->first <= last && first <= m->last))
            sc->pend[keep++] = *m;
    }
    sc->npend = keep;
}

/* Triage holds each match for one more word, so an exception that ends a word later ("review
 * meeting", "late fee") can still stop it; the tone sink reacts to word order and gets its
 * matches at once. */
static void emit(scanner *sc, const scan_match *m)
{
    if (sc->sink->mode != MODE_TRIAGE) {
        sc->sink->match(sc->sink->ctx, sc, m);
        return;
    }
    if (sc->npend == SCAN_PENDING) flush_pending(sc, UINT64_MAX);
    sc->pend[sc->npend++] = *m;
}

static void sentence_end(scanner *sc, bool *had_tok)
{
    flush_pending(sc, UINT64_MAX);
    sc->clause++;
    if (!*had_tok) return;
    *had_tok = false;
    if (sc->sink->sentence_end) sc->sink->sentence_end(sc->sink->ctx, sc->sent);
    sc->sent++;
    sc->sent_first = sc->ntok;
}

static bool negated_before(const scanner *sc, uint64_t first)
{
    uint32_t clause = scan_at(sc, first)->clause;
    /* a finding that starts with its own subject starts a clause: "if it's not here by
     * Thursday everyone at the launch is hearing about it" */
    if (scan_at(sc, first)->flags & LEX_FLAG(L_SUBJECT)) return false;
    for (uint64_t k = 1; k <= NEG_WINDOW && k <= first; k++) {
        const scan_tok *t = scan_at(sc, first - k);
        if (t->clause != clause) return false;
        if (t->flags & LEX_FLAG(L_NEGATOR)) return true;
        /* a new subject starts a new clause: "if it's not returned I'm taking you to court" */
        if (t->flags & LEX_FLAG(L_SUBJECT)) return false;
    }
    return false;
}

/* Whether tokens first.. hold p's elements before its last (the last is known to fit; the
 * caller made sure they are all in one sentence). */
static inline bool phrase_fits(const scanner *sc, const lex_phrase *p, uint64_t first)
{
    for (int e = p->n - 2; e >= 0; e--) {
        uint32_t w = p->elem[e];
        if (w != LEX_WILD && w != scan_at(sc, first + (uint64_t)e)->word) return false;
    }
    return true;
}

/* Phrase p, which fits tokens first..ti (tok is token ti): an exception, or a match unless an
 * exception stopped it. Kept out of line: most phrases tried do not fit. */
static void phrase_found(scanner *sc, const lex_phrase *p, uint64_t first, uint64_t ti,
                         const scan_tok *tok)
{
    if (p->exception) {
        /* asking the way to one's money ("how do I claim") stops no demand: it is one; a
         * review threat in a calm message's words ("the venue that recommended you") stops no
         * threat stated outright beside it ("post it in the residents' group") */
        if (p->exception != LEX_ASK_HOW && !(p->exception == LEX_ASKS && p->label == L_REVIEW)) {
            sc->exc_first[p->label] = first;
            sc->exc_last[p->label] = ti + 1;
            drop_pending(sc, p->label, first, ti);
        }
        if (p->exception >= LEX_ASKS && sc->sink->mode == MODE_TRIAGE) {
            const scan_tok *qt = scan_at(sc, first);
            scan_match q = {p,         first,     ti,
                            qt->start, tok->end,  qt->line,
                            qt->col,   tok->sent, negated_before(sc, first)};
            emit(sc, &q);
        }
        return;
    }
    if (sc->exc_last[p->label] > first && sc->exc_first[p->label] <= ti) return;
    const scan_tok *ft = scan_at(sc, first);
    scan_match m = {p,         first,     ti,
                    ft->start, tok->end,  ft->line,
                    ft->col,   tok->sent, sc->lx->negatable[p->label] && negated_before(sc, first)};
    emit(sc, &m);
}

#define SCAN_FITS 16 /* phrases that fit at one word, sorted before they are reported */

/* Phrases numbered from[0..n) (in lexicon.cand) ending in token ti's word: adds those that fit,
 * in this sentence (avail tokens up to ti), to fit[*nfit]. False when fit is full. */
static inline bool try_phrases(const scanner *sc, const uint32_t *from, uint32_t n, uint64_t ti,
                               uint64_t avail, uint32_t *fit, int *nfit)
{
    const lex_phrase *phrases = sc->lx->phrases;
    for (uint32_t k = 0; k < n; k++) {
        const lex_phrase *p = &phrases[from[k]];
        if (p->n > avail || !phrase_fits(sc, p, ti + 1 - p->n)) continue;
        if (*nfit == SCAN_FITS) return false;
        fit[(*nfit)++] = from[k];
    }
    return true;
}

/* Checks the phrases ending in token ti's word (ix: where they are, lex_index): those with no
 * key, then, for each key distance d, those filed under the word seen d tokens back, found in
 * the word's table. The ones that fit are reported in the order of their numbers (the order of
 * lexicon_build.c's phrase_rank), as if every phrase of the word had been tried in turn; if
 * more fit than SCAN_FITS, every phrase of the word is tried in turn. */
static void match_phrases(scanner *sc, uint64_t ti, const lex_index *ix)
{
    const lexicon *lx = sc->lx;
    uint64_t avail = ti + 1 - sc->sent_first; /* tokens of this sentence up to ti */
    uint32_t fit[SCAN_FITS];
    int nfit = 0;
    bool room = try_phrases(sc, lx->cand + ix->cand, ix->nalways, ti, avail, fit, &nfit);
    for (unsigned dm = ix->dmask; dm && room; dm &= dm - 1) {
        unsigned d = (unsigned)__builtin_ctz(dm);
        if (d >= avail) break; /* the distances ascend: none further back is in the sentence */
        uint32_t key = d << LEX_ID_BITS | scan_at(sc, ti - d)->word;
        if (!(ix->bloom >> lex_key_slot(key, 6) & 1)) continue; /* not a key (nor is id 0) */
        const uint16_t *tkey = lx->tkey + ix->table;
        uint32_t mask = (1u << ix->bits) - 1;
        for (uint32_t i = lex_key_slot(key, ix->bits); tkey[i]; i = (i + 1) & mask) {
            if (tkey[i] != key) continue;
            uint32_t v = lx->tval[ix->table + i];
            room = try_phrases(sc, lx->cand + (v >> LEX_VAL_COUNT), v & ((1u << LEX_VAL_COUNT) - 1),
                               ti, avail, fit, &nfit);
            break;
        }
    }
    const scan_tok *tok = scan_at(sc, ti);
    if (!room) { /* more than fit holds: all of them, in order */
        for (uint32_t k = ix->first; k < ix->first + ix->count; k++) {
            const lex_phrase *p = &lx->phrases[k];
            if (p->n <= avail && phrase_fits(sc, p, ti + 1 - p->n))
                phrase_found(sc, p, ti + 1 - p->n, ti, tok);
        }
        return;
    }
    for (int i = 1; i < nfit; i++) /* insertion sort: there are rarely two */
        for (int j = i; j > 0 && fit[j - 1] > fit[j]; j--) {
            uint32_t t = fit[j];
            fit[j] = fit[j - 1], fit[j - 1] = t;
        }
    for (int i = 0; i < nfit; i++) {
        const lex_phrase *p = &lx->phrases[fit[i]];
        phrase_found(sc, p, ti + 1 - p->n, ti, tok);
    }
}

/* Maps the collected word buf[0..n) (with at least 8 bytes readable) to a lexicon id: numbers
 * become "#num" or "#time", a word of the lists (lexicon.raw) is found as written, any other is
 * stemmed and looked up. *hash gets the stem's hash (the pseudo-word's for numbers), for the
 * fitted model's features. */
static uint32_t word_id(const lexicon *lx, char *buf, size_t n, bool digit_first, bool clock,
                        bool apos, uint32_t *hash)
{
    if (digit_first) {
        bool ampm = n >= 3 && (buf[n - 1] == 'm') && (buf[n - 2] == 'a' || buf[n - 2] == 'p');
        bool time = clock || ampm;
        *hash = time ? lx->hash_time : lx->hash_num;
        return time ? lx->word_time : lx->word_num;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n - 1 < 8) { /* 1 to 8 bytes: most likely a word of the lists, already worked out */
        uint64_t key;
        memcpy(&key, buf, 8); /* buf has room: word_acc.buf */
        key &= ~UINT64_C(0) >> (64 - 8 * n);
        uint32_t mask = (1u << lx->raw_bits) - 1;
        for (uint32_t i = lex_raw_slot(key, lx->raw_bits); lx->raw[i].key; i = (i + 1) & mask)
            if (lx->raw[i].key == key) {
                *hash = lx->raw[i].hash;
                return lx->raw[i].id;
            }
    }
#endif
    n = lex_stem_apos(buf, n, apos);
    uint64_t h = lex_hash(buf, n);
    *hash = (uint32_t)h | 1u;
    return lex_lookup_hash(lx, h);
}

typedef struct word_acc {
    char buf[LEX_WORD_MAX + 8]; /* 8 bytes of slack: the fast path stores eight at a time */
    size_t n;
    bool over, clock, apos;
    int upper, lower;
} word_acc;

static void acc_add(word_acc *a, char c)
{
    if (a->n < LEX_WORD_MAX - 1)
        a->buf[a->n++] = c;
    else
        a->over = true;
}

#define BYTES8(b) (UINT64_C(0x0101010101010101) * (b))

/* How many of the first k (1..8) bytes of x have bit 5 clear: the capitals among k letters. */
static int capitals8(uint64_t x, int k)
{
    uint64_t bits = (~x >> 5) & BYTES8(1);
    if (k < 8) bits &= (UINT64_C(1) << (8 * k)) - 1;
    return (int)((bits * BYTES8(1)) >> 56);
}

/* The ASCII bytes after a word's letters that may still belong to it (digits, "'", "*", and
 * ".", ":", "," inside numbers), one bit each; all are below 64. Any other byte below 64 ends
 * the word at once. */
#define WORD_CONT                                                                                  \
    ((UINT64_C(1) << '\'') | (UINT64_C(1) << '*') | (UINT64_C(1) << ',') | (UINT64_C(1) << '.') |  \
     (UINT64_C(1) << ':') | (UINT64_C(0x3FF) << '0'))

/* Collects the word starting at byte i; returns the byte after it. The first loops are the
 * fast path for a run of ASCII letters (most of any text): eight bytes at a time while they fit
 * in the buffer (SWAR: a byte is a letter when it is below 0x80 and, with bit 5 set, between
 * 'a' and 'z'), then byte by byte. Counts are kept in locals, since a store to a->buf may alias
 * a->upper and would force it through memory on every letter. */
static size_t collect_word(const unsigned char *s, size_t len, size_t i, word_acc *a)
{
    bool digit_first = is_digit(s[i]);
    size_t n = 0;
    int upper = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (len - i >= 8 && n + 8 <= LEX_WORD_MAX - 1) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t low = x | BYTES8(0x20), y = low & BYTES8(0x7F);
        uint64_t letter = (y + BYTES8(0x80 - 'a')) & ~(y + BYTES8(0x80 - 'z' - 1)) & ~x;
        uint64_t stop = ~letter & BYTES8(0x80);
        memcpy(a->buf + n, &low, 8); /* past the letters: slack, overwritten or never read */
        if (!stop) {
            upper += capitals8(x, 8);
            n += 8, i += 8;
            continue;
        }
        int k = __builtin_ctzll(stop) >> 3;
        if (k) upper += capitals8(x, k);
        n += (size_t)k, i += (size_t)k;
        goto letters_done;
    }
#endif
    while (i < len && ((s[i] | 32u) - 'a') < 26u && n < LEX_WORD_MAX - 1) {
        unsigned c = s[i++];
        upper += !(c & 32u);
        a->buf[n++] = (char)(c | 32u);
    }
    if (i < len && ((s[i] | 32u) - 'a') < 26u) {
        a->over = true; /* too long for the lexicon: skip the rest of the letters */
        while (i < len && ((s[i] | 32u) - 'a') < 26u)
            i++;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
letters_done:
#endif
    a->n = n;
    a->upper = upper;
    a->lower = (int)n;
    if (i >= len || (s[i] < 64 && !((WORD_CONT >> s[i]) & 1))) return i; /* the usual end */
    while (i < len) {
        unsigned char c = s[i];
        unsigned lc = c | 32u;
        if (lc - 'a' < 26u) {
            if (a->n < LEX_WORD_MAX - 1)
                a->buf[a->n++] = (char)lc;
            else
                a->over = true;
            a->lower++;
            a->upper += !(c & 32u);
            i++;
        } else if ((unsigned)(c - '0') < 10u) {
            acc_add(a, (char)c), i++;
        } else if (c == '*' && a->n && !digit_first) { /* censored swearing: f***, sh*t */
            acc_add(a, '*'), i++;
        } else if (c == '\'' && a->n && i + 1 < len && is_alpha(s[i + 1])) {
            acc_add(a, '\''), a->apos = true, i++;
        } else if ((c == '.' || c == ':' || c == ',') && digit_first && i + 1 < len &&
                   is_digit(s[i + 1])) {
            acc_add(a, (char)c), a->clock |= c == ':', i++;
        } else if (c < 0x80) {
            break;
        } else if (curly_apostrophe(s + i, len - i)) {
            if (!a->n || i + 3 >= len || !is_alpha(s[i + 3])) break;
            acc_add(a, '\''), a->apos = true, i += 3;
        } else if (punct_kind(s + i, len - i) != P_LETTER) {
            break;
        } else {
            size_t k = seq_len(s + i, len - i);
            for (size_t j = 0; j < k; j++)
                acc_add(a, (char)s[i + j]);
            a->lower++, i += k;
        }
    }
    return i;
}

static size_t scan_word(scanner *sc, size_t i, bool *had_tok)
{
    const unsigned char *s = (const unsigned char *)sc->text;
    word_acc a;
    a.over = a.clock = a.apos = false; /* collect_word sets the rest */
    bool digit_first = is_digit(s[i]);
    size_t end = collect_word(s, sc->len, i, &a);
    uint64_t ti = sc->ntok++;
    /* built in a local and stored whole: stores through a pointer into *sc would oblige the
     * compiler to read sc's fields again after each */
    scan_tok k;
    k.hash = 0;
    k.word = a.over ? 0 : word_id(sc->lx, a.buf, a.n, digit_first, a.clock, a.apos, &k.hash);
    k.flags = sc->lx->flags[k.word];
    k.start = i, k.end = end;
    k.line = sc->line;
    k.col = 0; /* columns are counted later, for the few words that need one */
    k.sent = sc->sent, k.clause = sc->clause;
    k.caps = a.upper >= 2 && a.lower == a.upper; /* lower counts every letter */
    k.ed = a.n >= 4 && a.buf[a.n - 2] == 'e' && a.buf[a.n - 1] == 'd';
    k.ly = a.n >= 4 && a.buf[a.n - 2] == 'l' && a.buf[a.n - 1] == 'y';
    const lex_index *ix = &sc->index[k.word];
    scan_tok *t = &sc->ring[ti % SCAN_RING];
    *t = k;
    *had_tok = true;
    if (sc->sink->token) sc->sink->token(sc->sink->ctx, sc, t, ti);
    if (ix->count) match_phrases(sc, ti, ix);
    if (sc->npend) flush_pending(sc, ti);
    if (k.flags & LEX_FLAG(L_CONTRAST)) sc->clause++;
    return end;
}

/* Handles a run of "!" and "?" starting at i; returns the byte after it. */
static size_t scan_bang(scanner *sc, size_t i)
{
    size_t j = i;
    while (j < sc->len && (sc->text[j] == '!' || sc->text[j] == '?'))
        j++;
    int bangs = 0, qmarks = 0;
    for (size_t k = i; k < j && (bangs < 2 || qmarks < 2); k++) {
        bangs += sc->text[k] == '!';
        qmarks += sc->text[k] == '?';
    }
    if (bangs >= 2 && sc->sink->bang) sc->sink->bang(sc->sink->ctx, i, j, sc->line, 0);
    if (qmarks && sc->sink->question) sc->sink->question(sc->sink->ctx, i, j, qmarks, bangs);
    return j;
}

bool scan_utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        uint64_t block;
        if (len - i >= 8 && (memcpy(&block, s + i, 8), (block & 0x8080808080808080u) == 0)) {
            i += 8;
        } else if (s[i] < 0x80) {
            i++;
        } else {
            size_t k = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;
            if (k > len - i || !utf8_valid(text + i, k)) return false;
            i += k;
        }
    }
    return true;
}

void scan_text(const lexicon *lx, const char *text, size_t len, const scan_sink *sink)
{
    scanner sc; /* the ring is written before it is read, so only the rest is cleared */
    memset(sc.exc_last, 0, sizeof sc.exc_last);
    memset(sc.exc_first, 0, sizeof sc.exc_first);
    sc.ntok = sc.sent_first = 0, sc.sent = sc.clause = 0;
    sc.npend = 0;
    sc.lx = lx, sc.text = text, sc.len = len, sc.sink = sink, sc.line = 1;
    sc.index = lx->index[sink->mode == MODE_TONE];
    const unsigned char *s = (const unsigned char *)text;
    bool had_tok = false;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        /* Everything but the start of a word is handled here, so that scan_word has one call
         * and is compiled inline (its call was a tenth of the scanner's instructions). */
        if (((c | 32u) - 'a') >= 26u && !is_digit(c)) {
            if (c == ' ') {
                i++;
                continue;
            }
            if (c >= 0x80) {
                int k = punct_kind(s + i, len - i);
                if (k != P_LETTER) {
                    if (k == P_CLAUSE) sc.clause++;
                    if (k == P_SENTENCE) sentence_end(&sc, &had_tok);
                    i += seq_len(s + i, len - i);
                    continue;
                }
            } else if (c == '!' || c == '?') {
                i = scan_bang(&sc, i);
                sentence_end(&sc, &had_tok);
                continue;
            } else {
                if (c == '\n') {
                    sc.line++;
                }
                if (c == '\n' || c == '.') sentence_end(&sc, &had_tok);
                if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
                    (c == '-' && i > 0 && s[i - 1] == ' '))
                    sc.clause++;
                i++;
                continue;
            }
        }
        i = scan_word(&sc, i, &had_tok); /* a letter, a digit or a non-ASCII letter */
    }
    sentence_end(&sc, &had_tok);
}
