/* tone.c — the tone check of a draft reply: rules that fire on wording that tends to make an
 * unhappy client angrier (conditional apologies, "sorry, but", blame, dismissive words, passive
 * voice that hides who did it, commitments without a date, shouting) and the strengths worth
 * keeping (a plain apology, acknowledged feelings, a restated concern, a dated commitment).
 * Most rules are phrase lists in data/tone.lex; the ones that need context live here:
 * apology-but (an apology, then but/however/although soon after), vague-commitment (dropped when
 * its sentence names a time), specific-commitment (a commitment and a time in one sentence) and
 * shouting (capitals that are not acronyms, "!!"). */
#include <stddef.h>
#include <string.h>

#include "analyze/analyze_int.h"

#define APOLOGY_REACH 20 /* words after an apology in which a "but" makes it apology-but */
#define PENDING_VAGUE 8  /* vague commitments held until their sentence ends */

static const char *const rule_names[TR_COUNT] = {
    "conditional-apology",    "apology-but",      "blame-shifting", "dismissive",
    "passive-responsibility", "vague-commitment", "shouting",
};

static const tone_severity rule_sev[TR_COUNT] = {
    SEV_ERROR, SEV_ERROR, SEV_ERROR, SEV_WARNING, SEV_WARNING, SEV_WARNING, SEV_WARNING,
};

static const char *const strength_names[TS_COUNT] = {
    "unconditional-apology", "acknowledges-feelings", "restates-concern",
    "specific-commitment",   "gives-contact",
};

const char *tone_rule_name(tone_rule r)
{
    return (unsigned)r < TR_COUNT ? rule_names[r] : "unknown";
}

bool tone_rule_parse(const char *s, tone_rule *out)
{
    for (int i = 0; i < TR_COUNT; i++)
        if (strcmp(s, rule_names[i]) == 0) {
            *out = (tone_rule)i;
            return true;
        }
    return false;
}

const char *tone_strength_name(tone_strength s)
{
    return (unsigned)s < TS_COUNT ? strength_names[s] : "unknown";
}

bool tone_strength_parse(const char *s, tone_strength *out)
{
    for (int i = 0; i < TS_COUNT; i++)
        if (strcmp(s, strength_names[i]) == 0) {
            *out = (tone_strength)i;
            return true;
        }
    return false;
}

const char *tone_severity_name(tone_severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "hint";
}

tone_severity tone_rule_severity(tone_rule r)
{
    return (unsigned)r < TR_COUNT ? rule_sev[r] : SEV_HINT;
}

static const char *text_or_empty(const char *s)
{
    return s ? s : "";
}

const char *tone_rule_message(tone_rule r)
{
    return (unsigned)r < TR_COUNT ? text_or_empty(lex_rule_texts(r)->message) : "";
}

const char *tone_rule_suggestion(tone_rule r)
{
    return (unsigned)r < TR_COUNT ? text_or_empty(lex_rule_texts(r)->suggestion) : "";
}

const char *tone_rule_explain(tone_rule r)
{
    return (unsigned)r < TR_COUNT ? text_or_empty(lex_rule_texts(r)->explain) : "";
}

const char *tone_rule_example(tone_rule r)
{
    return (unsigned)r < TR_COUNT ? text_or_empty(lex_rule_texts(r)->example) : "";
}

typedef struct apology {
    bool open;            /* an apology waiting to see whether a "but" follows */
    bool plain;           /* worded as a first-person apology */
    bool conditional;     /* overlapped by a conditional apology */
    uint64_t first, last; /* tokens */
    size_t start;
    uint32_t line, col, sent;
} apology;

typedef struct tone_ctx {
    tone_result *r;
    uint64_t last_tok[TR_COUNT]; /* last token + 1 of the latest diagnostic per rule */
    apology ap;
    bool has_commit, has_time; /* in the current sentence */
    size_t commit_at;
    tone_diag vague[PENDING_VAGUE];
    int nvague;
    size_t passive_end_seen; /* end of the latest passive diagnostic (no overlaps) */
    bool passive;            /* a passive verb waiting to see whether "by" follows */
    tone_diag passive_diag;  /* its position */
    int64_t shout_idx;       /* index in diags of the shouting diagnostic that may grow, or -1 */
    uint64_t shout_tok;
} tone_ctx;

static void add_diag(tone_ctx *c, tone_rule rule, size_t start, size_t end, uint32_t line,
                     uint32_t col)
{
    tone_result *r = c->r;
    tone_severity sev = rule_sev[rule];
    /* one finding per stretch of text: a set phrase and the grammar ("mistakes were made" and
     * "were made") report the same words once, over the wider span */
    for (size_t i = 0; i < r->ndiags; i++) {
        tone_diag *d = &r->diags[i];
        if (d->rule != rule || start >= d->end || end <= d->start) continue;
        if (start < d->start) {
            d->start = start;
            d->line = line;
            d->column = col;
        }
        if (end > d->end) d->end = end;
        return;
    }
    if (sev == SEV_ERROR) r->errors++;
    if (sev == SEV_WARNING) r->warnings++;
    if (sev == SEV_HINT) r->hints++;
    if (r->ndiags == ANALYZE_MAX_FINDINGS) {
        r->dropped++;
        return;
    }
    r->diags[r->ndiags++] = (tone_diag){rule, sev, line, col, start, end};
}

static void add_strength(tone_ctx *c, tone_strength s, size_t at)
{
    if (c->r->strengths & (1u << s)) return;
    c->r->strengths |= 1u << s;
    c->r->strength_at[s] = at;
}

/* A phrase rule, unless it overlaps the previous diagnostic of the same rule. */
static void phrase_rule(tone_ctx *c, tone_rule rule, const scan_match *m)
{
    if (m->first < c->last_tok[rule]) return;
    c->last_tok[rule] = m->last + 1;
    add_diag(c, rule, m->start, m->end, m->line, m->col);
}

static void close_apology(tone_ctx *c)
{
    if (c->ap.open && c->ap.plain && !c->ap.conditional)
        add_strength(c, TS_UNCONDITIONAL_APOLOGY, c->ap.start);
    c->ap.open = false;
}

static void open_apology(tone_ctx *c, const scan_match *m, bool plain)
{
    if (c->ap.open && m->first <= c->ap.last + 3) { /* the same apology, seen again */
        c->ap.plain |= plain;
        return;
    }
    close_apology(c);
    c->ap = (apology){true, plain, false, m->first, m->last, m->start, m->line, m->col, m->sent};
}

static void on_vague(tone_ctx *c, const scan_match *m)
{
    if (m->first < c->last_tok[TR_VAGUE_COMMITMENT]) return;
    c->last_tok[TR_VAGUE_COMMITMENT] = m->last + 1;
    if (c->nvague == PENDING_VAGUE) {
        add_diag(c, TR_VAGUE_COMMITMENT, m->start, m->end, m->line, m->col);
        return;
    }
    c->vague[c->nvague++] =
        (tone_diag){TR_VAGUE_COMMITMENT, SEV_WARNING, m->line, m->col, m->start, m->end};
}

static void on_match(void *ctx, const scanner *sc, const scan_match *m)
{
    (void)sc;
    tone_ctx *c = ctx;
    switch ((lex_label)m->phrase->label) {
    case L_COND_APOLOGY:
        if (c->ap.open && m->last >= c->ap.first && m->first <= c->ap.last + 3)
            c->ap.conditional = true;
        phrase_rule(c, TR_CONDITIONAL_APOLOGY, m);
        break;
    case L_BLAME:
        phrase_rule(c, TR_BLAME_SHIFTING, m);
        break;
    case L_DISMISSIVE:
        phrase_rule(c, TR_DISMISSIVE, m);
        break;
    case L_PASSIVE:
        phrase_rule(c, TR_PASSIVE_RESPONSIBILITY, m);
        break;
    case L_VAGUE:
        on_vague(c, m);
        break;
    case L_APOLOGY:
        open_apology(c, m, false);
        break;
    case L_UNCOND_APOLOGY:
        if (!m->negated) open_apology(c, m, true);
        break;
    case L_ACK_FEELINGS:
        if (!m->negated) add_strength(c, TS_ACKNOWLEDGES_FEELINGS, m->start);
        break;
    case L_RESTATES:
        add_strength(c, TS_RESTATES_CONCERN, m->start);
        break;
    case L_CONTACT:
        add_strength(c, TS_GIVES_CONTACT, m->start);
        break;
    case L_COMMIT:
        if (!m->negated && !c->has_commit) c->has_commit = true, c->commit_at = m->start;
        break;
    case L_TIME:
        c->has_time = true;
        break;
    default:
        break;
    }
}

static void shouting_word(tone_ctx *c, const scanner *sc, const scan_tok *t, uint64_t ti)
{
    if (!t->caps || (t->flags & LEX_FLAG(L_ACRONYM))) return;
    if (t->end - t->start ==
        3) { /* a currency code ("2,400.00 GBP") is a name, not a raised voice */
        char code[4];
        memcpy(code, sc->text + t->start, 3);
        code[3] = '\0';
        if (money_exponent(code) >= 0) return;
    }
    bool prev_caps = ti > 0 && scan_at(sc, ti - 1)->caps;
    if (t->end - t->start < 3 && !prev_caps) return;
    if (c->shout_idx >= 0 && c->shout_tok + 1 == ti) { /* one diagnostic per run of capitals */
        c->r->diags[c->shout_idx].end = t->end;
        c->shout_tok = ti;
        return;
    }
    add_diag(c, TR_SHOUTING, t->start, t->end, t->line, t->col);
    c->shout_idx = c->r->ndiags && c->r->diags[c->r->ndiags - 1].start == t->start
                       ? (int64_t)c->r->ndiags - 1
                       : -1;
    c->shout_tok = ti;
}

static bool has(const scan_tok *t, lex_label l)
{
    return t->flags & LEX_FLAG(l);
}

static void flush_passive(tone_ctx *c)
{
    if (!c->passive) return;
    c->passive = false;
    const tone_diag *d = &c->passive_diag;
    if (d->start < c->passive_end_seen) return;
    c->passive_end_seen = d->end;
    add_diag(c, TR_PASSIVE_RESPONSIBILITY, d->start, d->end, d->line, d->column);
}

/* Passive voice with no one named: "was|were|been [adverb] <participle>", where the word
 * before "was" is not a person ("I was told" names who) and no "by" follows. */
static void passive_word(tone_ctx *c, const scanner *sc, const scan_tok *t, uint64_t ti)
{
    if (c->passive) {
        if (has(t, L_AGENT)) {
            c->passive = false;
            return;
        }
        flush_passive(c);
    }
    bool pp = (t->ed || has(t, L_PARTICIPLE)) && !has(t, L_NOT_PARTICIPLE);
    if (!pp || ti == 0) return;
    uint64_t k = ti - 1;
    if ((scan_at(sc, k)->ly || has(scan_at(sc, k), L_ADVERB)) && k > 0 && ti - k < SCAN_RING - 2)
        k--;
    const scan_tok *be = scan_at(sc, k);
    if (!has(be, L_BE) || be->sent != t->sent) return;
    if (k > 0 && has(scan_at(sc, k - 1), L_SELF) && scan_at(sc, k - 1)->sent == t->sent) return;
    c->passive = true;
    c->passive_diag =
        (tone_diag){TR_PASSIVE_RESPONSIBILITY, SEV_WARNING, be->line, be->col, be->start, t->end};
}

static void on_token(void *ctx, const scanner *sc, const scan_tok *t, uint64_t ti)
{
    tone_ctx *c = ctx;
    passive_word(c, sc, t, ti);
    if (c->ap.open && (ti > c->ap.last + APOLOGY_REACH || t->sent > c->ap.sent + 1))
        close_apology(c);
    if (c->ap.open && (t->flags & LEX_FLAG(L_CONTRAST)) && ti > c->ap.last) {
        add_diag(c, TR_APOLOGY_BUT, c->ap.start, t->end, c->ap.line, c->ap.col);
        c->ap.open = false;
    }
    shouting_word(c, sc, t, ti);
}

static void on_bang(void *ctx, size_t start, size_t end, uint32_t line, uint32_t col)
{
    tone_ctx *c = ctx;
    add_diag(c, TR_SHOUTING, start, end, line, col);
    c->shout_idx = -1;
}

static void on_sentence_end(void *ctx, uint32_t sent)
{
    (void)sent;
    tone_ctx *c = ctx;
    flush_passive(c);
    for (int i = 0; i < c->nvague && !c->has_time; i++) {
        tone_diag *d = &c->vague[i];
        add_diag(c, d->rule, d->start, d->end, d->line, d->column);
    }
    if (c->has_commit && c->has_time) add_strength(c, TS_SPECIFIC_COMMITMENT, c->commit_at);
    c->nvague = 0;
    c->has_commit = c->has_time = false;
}

/* Diagnostics in text order (insertion sort: at most ANALYZE_MAX_FINDINGS). */
static void sort_diags(tone_result *r)
{
    for (size_t i = 1; i < r->ndiags; i++) {
        tone_diag d = r->diags[i];
        size_t j = i;
        for (; j > 0 && r->diags[j - 1].start > d.start; j--)
            r->diags[j] = r->diags[j - 1];
        r->diags[j] = d;
    }
}

/* Columns of the kept diagnostics (sorted by start), in one forward pass over the text: the
 * scanner does not count characters per word, since only a handful of words ever need it. */
static void fill_columns(tone_result *r, const char *text)
{
    size_t pos = 0;
    uint32_t col = 1;
    for (size_t k = 0; k < r->ndiags; k++) {
        for (; pos < r->diags[k].start; pos++) {
            unsigned char c = (unsigned char)text[pos];
            if (c == '\n')
                col = 1;
            else if ((c & 0xC0) != 0x80)
                col++;
        }
        r->diags[k].column = col;
    }
}

rd_err *tone_check(const char *field, const char *text, size_t len, tone_result *out)
{
    memset(out, 0, offsetof(tone_result, diags)); /* the array is written before it is read */
    if (len && !scan_utf8_valid(text, len))
        return rd_error(RD_INVALID, "%s: is not valid UTF-8", field ? field : "text");
    const lexicon *lx = lex_get();
    if (lx->error) return rd_error(RD_IO, "analyzer word lists: %s", lx->error);
    tone_ctx c;
    memset(&c, 0, sizeof c);
    c.r = out;
    c.shout_idx = -1;
    scan_sink sink = {&c, MODE_TONE, on_match, on_token, on_bang, on_sentence_end, NULL};
    scan_text(lx, text, len, &sink);
    close_apology(&c);
    flush_passive(&c);
    sort_diags(out);
    fill_columns(out, text);
    return NULL;
}
