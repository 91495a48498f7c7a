/* triage.c — reading a client's message: which threats, demands and complaints it contains,
 * how hostile it is (0–3) and the most likely root cause. The scanner reports phrase matches;
 * this file counts them (dropping negated ones), keeps the first ANALYZE_MAX_FINDINGS with their
 * positions, and turns the counts into the rules' verdicts. The fitted model (model.c), fed the
 * same words and the rules' verdicts as cues, then decides the flags, the hostility level and
 * score, the complaints and the root cause. */
#include <stddef.h>
#include <string.h>

#include "analyze/analyze_int.h"

static const char *const kind_names[TK_COUNT] = {
    [TK_ABUSE] = "abuse",
    [TK_PROFANITY] = "profanity",
    [TK_HOSTILE] = "hostile",
    [TK_DISPLEASED] = "displeased",
    [TK_LEGAL_THREAT] = "legal_threat",
    [TK_REVIEW_THREAT] = "review_threat",
    [TK_REFUND_DEMAND] = "refund_demand",
    [TK_PAYMENT_REFUSAL] = "payment_refusal",
    [TK_DEADLINE] = "deadline",
    [TK_QUALITY] = "quality",
    [TK_COMMUNICATION] = "communication",
    [TK_SCOPE] = "scope",
    [TK_BILLING] = "billing",
    [TK_INTENSIFIER] = "intensifier",
    [TK_SHOUTING] = "shouting",
    [TK_EXCLAMATION] = "exclamation",
};

static const char *const root_names[ROOT_COUNT] = {
    "missed_deadline", "quality", "communication", "scope", "billing", "other",
};

static const char *const complaint_names[COMPLAINT_KINDS] = {
    "deadline", "quality", "communication", "scope", "billing",
};

const char *triage_kind_name(triage_kind k)
{
    return (unsigned)k < TK_COUNT ? kind_names[k] : "unknown";
}

const char *root_cause_name(root_cause r)
{
    return (unsigned)r < ROOT_COUNT ? root_names[r] : "other";
}

bool root_cause_parse(const char *s, root_cause *out)
{
    for (int i = 0; i < ROOT_COUNT; i++)
        if (strcmp(s, root_names[i]) == 0) {
            *out = (root_cause)i;
            return true;
        }
    return false;
}

const char *complaint_name(unsigned bit)
{
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        if (bit == 1u << i) return complaint_names[i];
    return "unknown";
}

const char *hostility_name(int level)
{
    static const char *const names[] = {"calm", "displeased", "angry", "furious"};
    return level >= 0 && level <= 3 ? names[level] : "unknown";
}

#define HOSTILITY_FURIOUS 14 /* points for level 3 */
#define HOSTILITY_ANGRY   4  /* points for level 2 */

typedef struct triage_ctx {
    triage_result *r;
    uint64_t last_tok[TK_COUNT]; /* last token + 1 of the latest finding of each kind */
    /* Questions about a kind ("?" lines: "can I get a refund?", "what is your refund policy"):
     * how many, and where the first one is. They count only in an unhappy message. */
    int asked[TK_COUNT];
    size_t asked_start[TK_COUNT], asked_end[TK_COUNT];
    int negated[TK_COUNT];               /* findings a negator cancelled, for the model */
    size_t refund_q_start, refund_q_end; /* the latest question about a refund, 0 0 before any */
    size_t sent_start;                   /* byte where the current sentence began */
    uint32_t tok_sent;                   /* sentence + 1 of the latest word */
    uint32_t refund_word_sent; /* sentence + 1 of the latest refund word ("refund", "money") */
    /* The latest sentence with refund question wording (sentence + 1, 0 before any): the kinds
     * of its wording (1 << LEX_ASK_*), where the first began, and whether it asks about a
     * refund (a refund word in it); and the kinds of the refund questions in the message. */
    uint32_t asked_sent;
    unsigned asked_kinds, sent_kinds;
    size_t asked_from;
    bool sent_asks;
    size_t how_start, how_end; /* the sentence's first how-to question with a refund word */
    size_t neg_refund_start, neg_refund_end; /* the sentence's first negated refund demand */
    size_t ultimatum_at; /* byte + 1 where the sentence's first ultimatum began, 0 before any */
    size_t where_at;     /* byte where the latest "where is…?" question began */
    size_t question_at;  /* byte after the latest run of "?" began, 0 before any */
    /* For the model, the sentence being read: its legal, review, refund and refusal findings
     * (from TK_LEGAL_THREAT), kept and negated, and which frames of frames.lex it has; framed
     * sums them over the sentences read (see on_sentence_end). */
    int sent_found[FRAME_KINDS], sent_negated[FRAME_KINDS];
    bool sent_frame[FRAME_COUNT];
    frame_counts framed;
    bool praised;         /* a sentence had praise (frames.lex) */
    uint64_t waiting_tok; /* last token + 1 of the latest pointer to waiting (frames.lex) */
    model_acc model;      /* the fitted model's sums over the words */
} triage_ctx;

_Static_assert(L_PRAISE - L_ULTIMATUM == FRAME_PRAISE,
               "frames.lex's labels are the frames, in order");
_Static_assert(TK_PAYMENT_REFUSAL - TK_LEGAL_THREAT + 1 == FRAME_KINDS,
               "the framed kinds are the four threats and demands");

static void add_finding(triage_ctx *c, triage_kind k, size_t start, size_t end)
{
    triage_result *r = c->r;
    r->counts[k]++;
    if (r->nfindings == ANALYZE_MAX_FINDINGS) {
        r->dropped++;
        return;
    }
    r->findings[r->nfindings++] = (triage_finding){k, start, end};
}

/* Drops the findings of kind k that end after byte from (where a question or its sentence
 * began): lateness words in "When will the refund…?" ask where the refund has got to, not where
 * the work is, and the refund word in "my refund hasn't arrived" is no demand. The scanner hands
 * over a phrase a word after it ends, so a question that ends two words after a refund word
 * arrives after it. */
static void drop_after(triage_ctx *c, triage_kind k, size_t from)
{
    triage_result *r = c->r;
    for (size_t i = r->nfindings; i-- > 0;) {
        const triage_finding *f = &r->findings[i];
        if (f->kind != k) continue;
        if (f->end <= from) return;
        memmove(&r->findings[i], &r->findings[i + 1], (r->nfindings - i - 1) * sizeof *f);
        r->nfindings--;
        r->counts[k]--;
        /* a refund demand dropped was found in this sentence: the model's frames forget it */
        if (k >= TK_LEGAL_THREAT && k <= TK_PAYMENT_REFUSAL && c->sent_found[k - TK_LEGAL_THREAT])
            c->sent_found[k - TK_LEGAL_THREAT]--;
    }
}

/* A question about a refund (a "?status" or "?policy" line of refund_demand): the "where
 * is…?" and lateness words inside it are no lateness, and the refund words of its sentence no
 * demand ("Refund for order 3321 - still pending?", "do you refund the call-out charge if the
 * boiler is fine?"). */
static void refund_question(triage_ctx *c, const scan_match *q)
{
    c->refund_q_start = q->start, c->refund_q_end = q->end;
    if (c->asked[TK_DEADLINE] && c->where_at >= q->start) c->asked[TK_DEADLINE]--;
    drop_after(c, TK_DEADLINE, q->start);
    drop_after(c, TK_REFUND_DEMAND, c->sent_start);
    if (!c->asked[TK_REFUND_DEMAND]++)
        c->asked_start[TK_REFUND_DEMAND] = q->start, c->asked_end[TK_REFUND_DEMAND] = q->end;
    c->sent_asks = true;
}

/* Refund question wording (a "?status", "?policy" or "?how" line), which asks about a refund
 * only in a sentence with a refund word; a refund word later in the sentence is counted when
 * it comes (on_match). Asking the way to one's own money ("how do I get my deposit back") is
 * the demand: in its sentence, status and policy words ask nothing. */
static void refund_wording(triage_ctx *c, const scan_match *m)
{
    uint32_t sent = m->sent + 1;
    unsigned kind = m->phrase->exception;
    if (c->asked_sent != sent)
        c->asked_sent = sent, c->sent_kinds = 0, c->sent_asks = false, c->how_end = 0;
    if (!c->sent_kinds || m->start < c->asked_from) c->asked_from = m->start;
    c->sent_kinds |= 1u << kind;
    if (c->refund_word_sent != sent) return;
    if (kind == LEX_ASK_HOW) { /* the demand, unless a demand line finds it (on_sentence_end) */
        if (!c->how_end) c->how_start = m->start, c->how_end = m->end;
        return;
    }
    if (c->sent_kinds & (1u << LEX_ASK_HOW)) return;
    c->asked_kinds |= c->sent_kinds;
    refund_question(c, m);
}

static triage_kind kind_of(lex_label l)
{
    switch (l) {
    case L_ABUSE:
        return TK_ABUSE;
    case L_PROFANITY:
        return TK_PROFANITY;
    case L_HOSTILE:
        return TK_HOSTILE;
    case L_DISPLEASED:
        return TK_DISPLEASED;
    case L_LEGAL:
        return TK_LEGAL_THREAT;
    case L_REVIEW:
        return TK_REVIEW_THREAT;
    case L_REFUND:
        return TK_REFUND_DEMAND;
    case L_PAYREF:
        return TK_PAYMENT_REFUSAL;
    case L_DEADLINE:
        return TK_DEADLINE;
    case L_QUALITY:
        return TK_QUALITY;
    case L_COMMUNICATION:
        return TK_COMMUNICATION;
    case L_SCOPE:
        return TK_SCOPE;
    case L_BILLING:
        return TK_BILLING;
    case L_INTENSIFIER:
        return TK_INTENSIFIER;
    default:
        return TK_COUNT;
    }
}

static void on_match(void *ctx, const scanner *sc, const scan_match *m)
{
    triage_ctx *c = ctx;
    if (m->phrase->label == L_RETORT) { /* "Seriously?" "Excuse me?": a sentence on its own */
        bool first = m->first == 0 || scan_at(sc, m->first - 1)->sent != m->sent;
        if (first && c->question_at == m->end + 1) add_finding(c, TK_HOSTILE, m->start, m->end);
        return;
    }
    lex_label l = (lex_label)m->phrase->label;
    if (l == L_WAITING) { /* "still waiting", "second time I've asked": a cue for the model */
        if (!m->negated && !m->phrase->exception && m->first >= c->waiting_tok) {
            c->waiting_tok = m->last + 1;
            c->framed.waiting++;
        }
        return;
    }
    if (l >= L_ULTIMATUM && l <= L_PRAISE) { /* a frame, for the model */
        if (!m->negated && !m->phrase->exception) c->sent_frame[l - L_ULTIMATUM] = true;
        if (l == L_ULTIMATUM && (!c->ultimatum_at || m->start < c->ultimatum_at - 1))
            c->ultimatum_at = m->start + 1;
        return;
    }
    triage_kind k = kind_of(l);
    if (k == TK_COUNT) return;
    bool framed = k >= TK_LEGAL_THREAT && k <= TK_PAYMENT_REFUSAL;
    /* a negator before a how-to question doubts the knowing, not the wanting: "I don't know
     * how to request a rebate" asks for the money */
    if (m->negated && m->phrase->exception != LEX_ASK_HOW) {
        c->negated[k]++;
        if (framed) c->sent_negated[k - TK_LEGAL_THREAT]++;
        if (k == TK_REFUND_DEMAND && !m->phrase->exception &&
            c->sent_negated[k - TK_LEGAL_THREAT] == 1)
            c->neg_refund_start = m->start, c->neg_refund_end = m->end;
        return;
    }
    if (m->phrase->exception) { /* a question about it: kept aside, see summarise */
        if (k == TK_REFUND_DEMAND) {
            refund_wording(c, m);
            return;
        }
        if (!c->asked[k]++) c->asked_start[k] = m->start, c->asked_end[k] = m->end;
        if (k == TK_DEADLINE) c->where_at = m->start;
        return;
    }
    /* Refund words later in the sentence that asks about refunds belong to the question: "in
     * what cases can I get my fee back?", "how long do refunds take to show on my card?" */
    if (k == TK_REFUND_DEMAND && c->asked_sent == m->sent + 1 &&
        !(c->sent_kinds & (1u << LEX_ASK_HOW))) {
        c->asked_kinds |= c->sent_kinds;
        c->sent_asks = true;
        if (!c->asked[k]++) c->asked_start[k] = m->start, c->asked_end[k] = m->end;
        return;
    }
    /* lateness words handed over after the refund question they are part of ("my refund
     * hasn't arrived") */
    if (k == TK_DEADLINE && m->end > c->refund_q_start && m->start < c->refund_q_end) return;
    if (m->first < c->last_tok[k]) return; /* overlaps the previous finding of its kind */
    c->last_tok[k] = m->last + 1;
    add_finding(c, k, m->start, m->end);
    if (framed) c->sent_found[k - TK_LEGAL_THREAT]++;
}

/* "If the balance isn't refunded by Friday I'll take you to small claims": a refund demand the
 * negator of a condition cancelled is the demand when its sentence is an ultimatum that threatens
 * (a legal or review threat found in it) and the condition comes first; "I won't ask for a
 * refund if you fix it" threatens nothing. */
static void refund_in_ultimatum(triage_ctx *c)
{
    const int *found = c->sent_found, *negated = c->sent_negated;
    int refund = TK_REFUND_DEMAND - TK_LEGAL_THREAT;
    if (!c->sent_frame[FRAME_ULTIMATUM] || !negated[refund] || found[refund]) return;
    if (c->ultimatum_at - 1 > c->neg_refund_start) return; /* "no refund needed if…" */
    if (!found[TK_LEGAL_THREAT - TK_LEGAL_THREAT] && !found[TK_REVIEW_THREAT - TK_LEGAL_THREAT])
        return;
    add_finding(c, TK_REFUND_DEMAND, c->neg_refund_start, c->neg_refund_end);
    c->sent_found[refund]++, c->sent_negated[refund]--, c->negated[TK_REFUND_DEMAND]--;
}

/* Every match of a sentence has been handed over when it ends: its threats and demands count
 * by the frames they share it with. A negated one counts in an ultimatum ("if you don't refund
 * me by Friday…" still demands), not in praise. */
static void on_sentence_end(void *ctx, uint32_t sent)
{
    triage_ctx *c = ctx;
    /* The complaint words inside a refund question are the question's: "if the print arrives
     * damaged do you refund it?", "has the refund been issued?" */
    if (c->sent_asks && c->asked_sent == sent + 1)
        for (int k = TK_DEADLINE; k <= TK_BILLING; k++)
            drop_after(c, (triage_kind)k, c->asked_from);
    /* "how do I get my deposit back?": the how-to question is the demand when no demand line
     * found it in its sentence */
    int *refunds = &c->sent_found[TK_REFUND_DEMAND - TK_LEGAL_THREAT];
    if (c->how_end && c->asked_sent == sent + 1 && !*refunds) {
        add_finding(c, TK_REFUND_DEMAND, c->how_start, c->how_end);
        ++*refunds;
    }
    if (c->how_end && c->asked_sent == sent + 1 && *refunds) c->r->refund_how = true;
    refund_in_ultimatum(c);
    model_sentence_end(&c->model, &analyze_model_data, c->sent_frame[FRAME_ULTIMATUM]);
    if (c->sent_frame[FRAME_PRAISE]) c->praised = true;
    for (int k = 0; k < FRAME_KINDS; k++) {
        if (c->sent_frame[FRAME_ULTIMATUM])
            c->framed.n[FRAME_ULTIMATUM][k] += c->sent_found[k] + c->sent_negated[k];
        if (c->sent_frame[FRAME_PRAISE]) c->framed.n[FRAME_PRAISE][k] += c->sent_found[k];
        c->sent_found[k] = c->sent_negated[k] = 0;
    }
    memset(c->sent_frame, 0, sizeof c->sent_frame);
    c->ultimatum_at = 0;
}

static void on_token(void *ctx, const scanner *sc, const scan_tok *t, uint64_t ti)
{
    triage_ctx *c = ctx;
    model_token(&c->model, &analyze_model_data, t, ti);
    if (t->sent + 1 != c->tok_sent) c->tok_sent = t->sent + 1, c->sent_start = t->start;
    if (t->flags & LEX_FLAG(L_REFUND_WORD)) c->refund_word_sent = t->sent + 1;
    if (!t->caps || (t->flags & LEX_FLAG(L_ACRONYM))) return;
    bool prev_caps = ti > 0 && scan_at(sc, ti - 1)->caps;
    if (t->end - t->start < 3 && !prev_caps) return;
    add_finding(c, TK_SHOUTING, t->start, t->end);
}

static void on_bang(void *ctx, size_t start, size_t end, uint32_t line, uint32_t col)
{
    (void)line, (void)col;
    add_finding(ctx, TK_EXCLAMATION, start, end);
}

/* A run of question marks: "??" is as heated as "!!" (unless the run has "!!" already); a
 * retort just before it is matched later, when the scanner hands over its held matches. */
static void on_question(void *ctx, size_t start, size_t end, int qmarks, int bangs)
{
    triage_ctx *c = ctx;
    c->question_at = start + 1;
    if (qmarks >= 2 && bangs < 2) add_finding(c, TK_EXCLAMATION, start, end);
}

/* Hostility from the counts, as points: threats and strong words 4 each, a refund demand 2,
 * each run of "!!" 3, capitals 1 (two words), 3 (five), 8 (twelve: sustained shouting), an
 * intensifier 1, displeasure (with the pointers to waiting or asking again) 1 each, at most 2.
 * Abuse is furious outright; otherwise 14 points are furious, 4 angry, 1 displeased. Problem
 * findings alone (the complaint kinds) are no heat: a plain report of a problem is calm by the
 * guideline however many problems it names. Calibrated on tests/data (see `make eval`). */
static int hostility_of(const triage_result *r)
{
    const int *n = r->counts;
    if (n[TK_ABUSE] > 0) return 3;
    int threats =
        (n[TK_LEGAL_THREAT] > 0) + (n[TK_REVIEW_THREAT] > 0) + (n[TK_PAYMENT_REFUSAL] > 0);
    int caps = n[TK_SHOUTING];
    int points = 4 * (n[TK_HOSTILE] + n[TK_PROFANITY]) + 4 * threats +
                 2 * (n[TK_REFUND_DEMAND] > 0) + 3 * n[TK_EXCLAMATION] +
                 (caps >= 12  ? 8
                  : caps >= 5 ? 3
                  : caps >= 2 ? 1
                              : 0) +
                 (n[TK_INTENSIFIER] > 0) + (n[TK_DISPLEASED] > 2 ? 2 : n[TK_DISPLEASED]);
    if (points >= HOSTILITY_FURIOUS) return 3;
    if (points >= HOSTILITY_ANGRY) return 2;
    return points >= 1 ? 1 : 0;
}

/* The complaint with the most evidence, weighted: a scope dispute usually is the root of the
 * billing or quality complaints that come with it, and silence the root of the lateness
 * (weights calibrated on tests/data: scope 8, communication 5, quality and deadline 4,
 * billing 3). Ties go to the earlier kind below; no complaint at all is "other". */
static root_cause root_of(const triage_result *r)
{
    static const struct {
        triage_kind k;
        root_cause rc;
        int weight;
    } order[] = {{TK_SCOPE, ROOT_SCOPE, 8},
                 {TK_QUALITY, ROOT_QUALITY, 4},
                 {TK_DEADLINE, ROOT_MISSED_DEADLINE, 4},
                 {TK_COMMUNICATION, ROOT_COMMUNICATION, 5},
                 {TK_BILLING, ROOT_BILLING, 3}};
    root_cause best = ROOT_OTHER;
    int best_n = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        int n = r->counts[order[i].k] * order[i].weight;
        if (n > best_n) {
            best_n = n;
            best = order[i].rc;
        }
    }
    return best;
}

/* Whether the message shows unhappiness apart from questions: heat, threats or complaints.
 * Displeasure alone does not count: "still waiting for my refund" points at waiting for the
 * refund itself, which is a status question, not a demand. Swearing about the situation counts
 * only when swearing is true: for a refund question it only colours a neutral request ("where
 * do I see your bloody refund policy?", the guideline). */
static bool unhappy_elsewhere(const triage_result *r, bool swearing)
{
    const int *n = r->counts;
    for (int k = TK_ABUSE; k <= TK_BILLING; k++)
        if (k != TK_REFUND_DEMAND && k != TK_DISPLEASED && (swearing || k != TK_PROFANITY) &&
            n[k] > 0)
            return true;
    return n[TK_EXCLAMATION] > 0 || n[TK_SHOUTING] >= 2;
}

/* Whether a review the message mentions is praise, not a threat: the message praises or thanks
 * (frames.lex), complains about nothing and shows no heat or other threat, and no review
 * finding stands in an ultimatum ("I'll tell everyone about you, honestly", "where's the best
 * place to leave a review for you?"). */
static bool praise_only(const triage_ctx *c)
{
    const int *n = c->r->counts;
    if (!c->praised || c->framed.n[FRAME_ULTIMATUM][TK_REVIEW_THREAT - TK_LEGAL_THREAT])
        return false;
    for (int k = TK_ABUSE; k <= TK_BILLING; k++)
        if (k != TK_REVIEW_THREAT && k != TK_REFUND_DEMAND && n[k] > 0) return false;
    return n[TK_SHOUTING] < 2 && !c->asked[TK_DEADLINE];
}

/* Whether the message complains about the work or service: a threat, abuse, poor work, a
 * scope dispute or lateness — not heat, billing or chasing alone, and not a pointer to waiting
 * ("still waiting", "been waiting since the 14th"), which a status question points at the
 * refund. */
static bool complains_of_work(const triage_ctx *c)
{
    const triage_result *r = c->r;
    const int *n = r->counts;
    if (n[TK_ABUSE] || n[TK_LEGAL_THREAT] || n[TK_REVIEW_THREAT] || n[TK_PAYMENT_REFUSAL] ||
        n[TK_QUALITY] || n[TK_SCOPE] || c->asked[TK_DEADLINE] || (n[TK_DEADLINE] && r->dropped))
        return true;
    for (size_t i = 0; i < r->nfindings; i++) {
        const triage_finding *f = &r->findings[i];
        if (f->kind != TK_DEADLINE) continue;
        bool waiting = false;
        for (size_t j = 0; j < r->nfindings && !waiting; j++)
            waiting = r->findings[j].kind == TK_DISPLEASED && r->findings[j].start == f->start;
        if (!waiting) return true;
    }
    return false;
}

static void summarise(triage_ctx *c)
{
    triage_result *r = c->r;
    const int *n = r->counts;
    /* A question about refunds ("do you do refunds?", "what is your refund policy?") asked in a
     * calm message is a question; in a message that complains or is heated, it is the demand
     * put politely. Asking where a refund has got to ("where is my refund?") is the demand
     * only in a message that complains about the work or service (the guideline). */
    if (!n[TK_REFUND_DEMAND] && c->asked[TK_REFUND_DEMAND] &&
        (((c->asked_kinds & (1u << LEX_ASK_POLICY)) && unhappy_elsewhere(r, false)) ||
         ((c->asked_kinds & (1u << LEX_ASK_STATUS)) && complains_of_work(c))))
        add_finding(c, TK_REFUND_DEMAND, c->asked_start[TK_REFUND_DEMAND],
                    c->asked_end[TK_REFUND_DEMAND]);
    /* "Where are the files?" asks for something that has not arrived: the missing part of a
     * scope dispute when the message disputes the scope, else lateness. */
    int where = c->asked[TK_DEADLINE];
    if (where) {
        triage_kind to = n[TK_SCOPE] ? TK_SCOPE : TK_DEADLINE;
        add_finding(c, to, c->asked_start[TK_DEADLINE], c->asked_end[TK_DEADLINE]);
        r->counts[to] += where - 1;
    }
    /* A review threat in words a calm message uses as well ("the venue that recommended you",
     * "let the other parents know"; "?" lines of review_threat) is one in a message that is
     * unhappy otherwise. */
    if (!n[TK_REVIEW_THREAT] && c->asked[TK_REVIEW_THREAT] && unhappy_elsewhere(r, true))
        add_finding(c, TK_REVIEW_THREAT, c->asked_start[TK_REVIEW_THREAT],
                    c->asked_end[TK_REVIEW_THREAT]);
    if (n[TK_REVIEW_THREAT] && praise_only(c)) {
        drop_after(c, TK_REVIEW_THREAT, 0);
        r->counts[TK_REVIEW_THREAT] = 0;
    }
    r->abuse = n[TK_ABUSE] > 0;
    r->legal_threat = n[TK_LEGAL_THREAT] > 0;
    r->review_threat = n[TK_REVIEW_THREAT] > 0;
    r->refund_demand = n[TK_REFUND_DEMAND] > 0;
    r->payment_refusal = n[TK_PAYMENT_REFUSAL] > 0;
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        if (n[TK_DEADLINE + i] > 0) r->complaints |= 1u << i;
    r->hostility = hostility_of(r);
    /* Unhappy, but about nothing we recognised: the work itself is the usual reason. A calm
     * refund demand or refusal alone is no complaint kind (the guideline); said angrily, it
     * usually is about the work (cross-validation: root cause and complaints both up). */
    bool unhappy = r->abuse || n[TK_HOSTILE] > 0 ||
                   ((r->refund_demand || r->payment_refusal) && r->hostility >= 2);
    if (!r->complaints && unhappy) {
        r->complaints = COMPLAINT_QUALITY;
        r->counts[TK_QUALITY] = r->counts[TK_QUALITY] ? r->counts[TK_QUALITY] : 1;
    }
    r->root_cause = root_of(r);
}

/* Reads text by the rules into *out; c->model collects the model's words on the way. */
static void triage_rules(triage_ctx *c, const lexicon *lx, const char *text, size_t len,
                         triage_result *out)
{
    memset(out, 0, offsetof(triage_result, findings)); /* the array is written before it is read */
    out->root_cause = ROOT_OTHER;
    c->r = out;
    scan_sink sink = {c, MODE_TRIAGE, on_match, on_token, on_bang, on_sentence_end, on_question};
    scan_text(lx, text, len, &sink);
    summarise(c);
    c->framed.status_question = c->asked_kinds & (1u << LEX_ASK_STATUS);
}

rd_err *triage_message(const char *field, const char *text, size_t len, triage_result *out)
{
    memset(out, 0, offsetof(triage_result, findings));
    out->root_cause = ROOT_OTHER;
    if (len && !scan_utf8_valid(text, len))
        return rd_error(RD_INVALID, "%s: is not valid UTF-8", field ? field : "text");
    const lexicon *lx = lex_get();
    if (lx->error) return rd_error(RD_IO, "analyzer word lists: %s", lx->error);
    triage_ctx c;
    memset(&c, 0, sizeof c);
    triage_rules(&c, lx, text, len, out);
    const analyze_model *md = &analyze_model_data;
    /* No fitted model in this build, or none of its words in the text (empty, or nothing but
     * symbols and numbers): the rules' verdicts stand. */
    if (!md->nfeat || !c.model.nhit) {
        out->hostility_score = (float)out->hostility / 3;
        const bool flags[5] = {out->abuse, out->legal_threat, out->review_threat,
                               out->refund_demand, out->payment_refusal};
        for (int f = 0; f < 5; f++)
            out->flag_score[f] = flags[f] ? 1.0f : 0.0f;
        return NULL;
    }
    float x[MODEL_DENSE], s[MO_COUNT];
    float scale = (float)model_word_scale(c.model.ntok);
    float cue = md->cue_bias + c.model.sum[MODEL_CUE] * scale;
    out->abuse_cue = 1.0f / (1.0f + expf(-cue));
    model_dense(out, c.asked, c.negated, &c.framed, c.model.ntok, model_cue(cue), x);
    model_scores(md, &c.model, x, s);
    model_decide(md, s, x, c.model.ntok, out);
    return NULL;
}

void triage_features(const char *text, size_t len, uint32_t *hashes, size_t cap, size_t *n,
                     float dense[MODEL_DENSE], uint32_t *ntok, triage_result *r)
{
    triage_ctx c;
    memset(&c, 0, sizeof c);
    c.model.out = hashes;
    c.model.cap = cap;
    triage_rules(&c, lex_get(), text, len, r);
    model_dense(r, c.asked, c.negated, &c.framed, c.model.ntok, 0, dense);
    *n = c.model.nout;
    *ntok = c.model.ntok;
}
