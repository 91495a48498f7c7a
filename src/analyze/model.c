/* model.c — the fitted layer beside the word lists. The rules find the words behind each
 * finding; logistic regressions fitted at build time (tools/train.c, from the tuning set in
 * tests/data) decide the flags, the hostility level, the complaints and the root cause from
 * three kinds of feature: each word (its stem, marked when a negator reaches it; the first
 * sentence's words a second time as lead words), each pair of neighbouring words in a sentence,
 * and the rules' own counts, negated findings and verdicts as cues. Scoring adds
 * up constant weights as the scanner hands over words: no allocation, one probe of a small hash
 * table per feature. */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "analyze/analyze_int.h"

#define NEG_REACH 3 /* words after a negator that read as negated */

/* Mixes two 32-bit hashes into a feature key; never 0 (0 marks an empty slot). */
static uint32_t mix(uint32_t a, uint32_t b)
{
    uint32_t x = a * 0x9E3779B1u + b;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    return x | 1u;
}

/* sum += w, MODEL_STRIDE floats: restrict (they never overlap) lets the compiler add four or
 * eight at a time, which it will not do at -O2 while the two might alias; unrolled, as it
 * otherwise keeps the five adds of four in a loop (a third of the instructions were the loop's). */
static inline void add_row(float *restrict sum, const float *restrict w)
{
#pragma GCC unroll 20
    for (int j = 0; j < MODEL_STRIDE; j++)
        sum[j] += w[j];
}

static inline void feature(model_acc *m, const analyze_model *md, uint32_t key)
{
    if (m->out) {
        if (m->nout < m->cap) m->out[m->nout++] = key;
        return;
    }
    if (!md->nfeat) return;
    uint32_t mask = md->table_size - 1;
    for (uint32_t i = (key * 0x9E3779B1u) >> 7 & mask;; i = (i + 1) & mask) {
        uint32_t k = md->keys[i];
        if (k == key) {
            m->nhit++;
            add_row(m->sum, md->w + (size_t)md->rows[i] * MODEL_STRIDE);
            return;
        }
        if (k == 0) return;
    }
}

void model_token(model_acc *m, const analyze_model *md, const scan_tok *t, uint64_t ti)
{
    m->ntok++;
    bool negator = t->flags & LEX_FLAG(L_NEGATOR);
    if (t->flags & LEX_FLAG(L_SUBJECT)) m->neg_until = 0; /* "and", "I": a new clause */
    if (negator) {
        m->neg_until = ti + 1 + NEG_REACH;
        m->neg_clause = t->clause;
    }
    uint32_t h = t->hash;
    if (!h) {
        m->prev = 0;
        return;
    }
    bool negated = !negator && ti < m->neg_until && t->clause == m->neg_clause;
    uint32_t f = negated ? mix(h, 0x6E6F74u) : h;
    feature(m, md, f);
    if (m->nsent_words < MODEL_SENT_WORDS) m->sent_words[m->nsent_words++] = f;
#if MODEL_LEAD_SENTS > 0
    if (t->sent < MODEL_LEAD_SENTS) feature(m, md, mix(f, 0x6C656164u));
#endif
    if (m->prev && m->prev_sent == t->sent) feature(m, md, mix(m->prev, h));
    m->prev = h;
    m->prev_sent = t->sent;
}

void model_sentence_end(model_acc *m, const analyze_model *md, bool ultimatum)
{
    /* cross-validation (4,327 messages): flags F1 0.851 -> 0.855 (review 0.808 -> 0.810,
     * refusal 0.819 -> 0.824), hostility exact 0.822 -> 0.824; the words of praise sentences
     * marked too scored flags 0.853 (see docs/analyzer.md for the figures on 4,955) */
    for (uint32_t i = 0; ultimatum && i < m->nsent_words; i++)
        feature(m, md, mix(m->sent_words[i], 0x756C7469u));
    m->nsent_words = 0;
}

/* log(1 + n) for a count: a table for the small counts almost every text has, log1pf past it
 * (the same function at build time and at run time, so the model sees the same values). */
static float log1p_count(int n)
{
    static const float t[16] = {0.0f,        0.69314718f, 1.09861229f, 1.38629436f,
                                1.60943791f, 1.79175947f, 1.94591015f, 2.07944154f,
                                2.19722458f, 2.30258509f, 2.39789527f, 2.48490665f,
                                2.56494936f, 2.63905733f, 2.70805020f, 2.77258872f};
    return n >= 0 && n < 16 ? t[n] : log1pf((float)n);
}

void model_dense(const triage_result *r, const int asked[TK_COUNT], const int negated[TK_COUNT],
                 const frame_counts *framed, uint32_t ntok, float cue, float x[MODEL_DENSE])
{
    memset(x, 0, MODEL_DENSE * sizeof x[0]);
    int i = 0;
    for (int k = 0; k < TK_COUNT; k++)
        x[i++] = log1p_count(r->counts[k]);
    x[i++] = log1p_count(asked[TK_REFUND_DEMAND]);
    x[i++] = log1p_count(asked[TK_DEADLINE]);
    x[i + r->hostility] = 1;
    i += 4;
    x[i + r->root_cause] = 1;
    i += ROOT_COUNT;
    x[i++] = log1pf((float)ntok) / 4;
    x[i++] = ntok ? (float)r->counts[TK_SHOUTING] / (float)ntok : 0;
    for (int k = TK_ABUSE; k <= TK_BILLING; k++)
        x[i++] = log1p_count(negated[k]);
    /* the complaint the message leads with: the kind of its first complaint finding */
    for (size_t f = 0; f < r->nfindings; f++) {
        triage_kind k = r->findings[f].kind;
        if (k >= TK_DEADLINE && k <= TK_BILLING) {
            x[i + (k - TK_DEADLINE)] = 1;
            break;
        }
    }
    i += COMPLAINT_KINDS;
    assert(i == MODEL_DENSE_FRAMES);
    for (int f = 0; f < FRAME_COUNT; f++)
        for (int k = 0; k < FRAME_KINDS; k++)
            x[i++] = log1p_count(framed->n[f][k]);
    /* a short message the rules found no heat in: a plain report or request ("charged 6.99
     * shipping but the site said free over 50") is calm by the guideline, where the same
     * complaint words in a long message usually come with displeasure (cross-validation on
     * 4,955 messages: hostility exact 0.835 -> 0.836, root cause 0.813 -> 0.815) */
    x[i++] = ntok < MODEL_FLAG_MIN_WORDS && r->hostility == 0;
    /* a refund demand beside a question about refunds: the rules made the question a demand
     * because the message is unhappy ("Can I get a refund for this rubbish? I'm furious.";
     * refund F1 0.850 -> 0.853) */
    x[i++] = r->counts[TK_REFUND_DEMAND] > 0 && asked[TK_REFUND_DEMAND] > 0;
    /* pointers to waiting or asking again (frames.lex): a chase ("second time I've asked about
     * the refund") is displeased where the same status question asked once is calm, and the
     * words it chases about should not learn the difference */
    assert(i == MODEL_DENSE_WAITING);
    x[i++] = log1p_count(framed->waiting);
    /* a plain refund status question ("any update on the refund you agreed?"): calm by the
     * guideline, and model_decide holds it at 0, whatever the refund words around it score */
    assert(i == MODEL_DENSE_PLAIN_STATUS);
    x[i++] = framed->status_question && !framed->waiting && r->hostility == 0 && !r->complaints &&
             !r->refund_demand;
    x[i++] = cue;
    assert(i == MODEL_DENSE);
}

/* s += w * a over the MO_COUNT outputs; restrict lets the compiler do four at a time. */
static inline void add_scaled(float *restrict s, const float *restrict w, float a)
{
#pragma GCC unroll 19
    for (int j = 0; j < MO_COUNT; j++)
        s[j] += w[j] * a;
}

void model_scores(const analyze_model *md, const model_acc *m, const float x[MODEL_DENSE],
                  float s[MO_COUNT])
{
    float scale = (float)model_word_scale(m->ntok);
    for (int j = 0; j < MO_COUNT; j++)
        s[j] = md->bias[j] + m->sum[j] * scale;
    for (int d = 0; d < MODEL_DENSE; d++) {
        if (x[d] == 0) continue;
        add_scaled(s, md->dense + (size_t)d * MO_COUNT, x[d]);
    }
}

static float sigmoid(float z)
{
    return 1.0f / (1.0f + expf(-z));
}

/* The rules' verdict, overruled by a confident model (see analyze_model.lo and .hi). */
static bool decide(const analyze_model *md, int o, bool rule, float p)
{
    return p >= (rule ? md->lo[o] : md->hi[o]);
}

void model_decide(const analyze_model *md, const float s[MO_COUNT], const float x[MODEL_DENSE],
                  uint32_t ntok, triage_result *r)
{
    bool *const flags[5] = {&r->abuse, &r->legal_threat, &r->review_threat, &r->refund_demand,
                            &r->payment_refusal};
    for (int f = 0; f < 5; f++) {
        r->flag_score[f] = sigmoid(s[MO_ABUSE + f]);
        if (ntok >= model_flag_min_words(MO_ABUSE + f))
            *flags[f] = decide(md, MO_ABUSE + f, *flags[f], r->flag_score[f]);
    }
    /* The guideline's floor for refunds: asking the way to one's own money is the demand
     * however rare its words ("what do I need to do to ask for restitution?"); the model,
     * which has seen few of them, may not drop it. */
    if (r->refund_how) r->refund_demand = true;
    /* Ordinal: each threshold is reached only when the ones below it are, at the cut-off
     * cross-validation chose for it (lo of MO_HOST1..3; 0.5 unless another did clearly better). */
    float p1 = sigmoid(s[MO_HOST1]), p2 = sigmoid(s[MO_HOST2]), p3 = sigmoid(s[MO_HOST3]);
    r->hostility = p1 < md->lo[MO_HOST1]   ? 0
                   : p2 < md->lo[MO_HOST2] ? 1
                   : p3 < md->lo[MO_HOST3] ? 2
                                           : 3;
    r->hostility_score = (p1 + p2 + p3) / 3;
    /* The guideline's floors: abuse is furious; strong words or swearing the rules found are
     * at least displeased (cross-validation: exact +0.004 for the first, no change for the
     * second, which keeps a one-line retort from reading calm). */
    if (r->abuse)
        r->hostility = 3;
    else if ((r->counts[TK_HOSTILE] || r->counts[TK_PROFANITY]) && r->hostility < 1)
        r->hostility = 1;
    else if (x[MODEL_DENSE_PLAIN_STATUS] > 0) /* and a plain refund status question is calm */
        r->hostility = 0;
    unsigned rules = r->complaints;
    r->complaints = 0;
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        if (decide(md, MO_COMPLAINT + i, rules & (1u << i), sigmoid(s[MO_COMPLAINT + i])))
            r->complaints |= 1u << i;
    int best = 0;
    for (int i = 1; i < ROOT_COUNT; i++)
        if (s[MO_ROOT + i] > s[MO_ROOT + best]) best = i;
    r->root_cause = (root_cause)best;
    /* The root cause is one of the complaints, and "other" means none, as the guideline
     * labels them: the root's complaint is listed even when its own score fell short, and a
     * message whose root is "other" lists none (cross-validation on 6,248 messages:
     * complaints F1 0.789 -> 0.802, root cause unchanged at 0.824; a root chosen among the
     * listed complaints instead cost root cause 0.824 -> 0.790). */
    if (best != ROOT_OTHER)
        r->complaints |= 1u << best;
    else
        r->complaints = 0;
}
