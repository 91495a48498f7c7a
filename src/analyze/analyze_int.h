/* analyze_int.h — what the analyzer's own files share and nothing else sees: the lexicon built
 * from src/analyze/data/ (labels, words, phrases), the word normaliser, and the scanner that
 * walks a text once and reports phrase matches to the triage or tone sink. */
#ifndef REDRESS_ANALYZE_INT_H
#define REDRESS_ANALYZE_INT_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "analyze/analyze.h"

/* Labels a phrase in the data files can carry ("@label NAME" sections). */
typedef enum lex_label {
    L_NONE,
    L_ABUSE,
    L_PROFANITY,
    L_HOSTILE,
    L_DISPLEASED,
    L_LEGAL,
    L_REVIEW,
    L_REFUND,
    L_PAYREF,
    L_DEADLINE,
    L_QUALITY,
    L_COMMUNICATION,
    L_SCOPE,
    L_BILLING,
    L_INTENSIFIER,
    L_RETORT,    /* triage: a retort that is its own question ("Seriously?") */
    L_ULTIMATUM, /* triage, for the model: a threat's frame ("if", "or I'll", "my next step") */
    L_PRAISE,    /* triage, for the model: praise or thanks ("great", "recommend") */
    L_WAITING,   /* triage, for the model: a pointer to waiting or asking again ("still waiting") */
    L_COND_APOLOGY,
    L_BLAME,
    L_DISMISSIVE,
    L_PASSIVE,
    L_VAGUE,
    L_ACK_FEELINGS,
    L_RESTATES,
    L_CONTACT,        /* the writer gives their direct contact details (P5) */
    L_UNCOND_APOLOGY, /* first-person apology phrases */
    L_APOLOGY,        /* any apology word, for apology-but */
    L_COMMIT,         /* "I will", "we'll" */
    L_TIME,           /* a day, date or time */
    L_NEGATOR,        /* word flag: "not", "never" */
    L_CONTRAST,       /* word flag: "but", "however" */
    L_ACRONYM,        /* word flag: capitals that are not shouting */
    L_SELF,           /* word flag: "I", "we", "you": a person named as doing it */
    L_BE,             /* word flag: "was", "were", "been" (passive voice) */
    L_PARTICIPLE,     /* word flag: irregular past participles ("sent", "made") */
    L_NOT_PARTICIPLE, /* word flag: "-ed" words that are adjectives ("supposed") */
    L_ADVERB,         /* word flag: words allowed between "was" and the participle */
    L_AGENT,          /* word flag: "by" (names who did it: not hiding) */
    L_SUBJECT,        /* word flag: "I", "we", "they": a new clause for negation */
    L_REFUND_WORD,    /* word flag: "refund", "money": a refund question's own subject */
    L_COUNT
} lex_label;

/* Word flags are the labels from L_NEGATOR on, one bit each in lexicon.flags. */
#define LEX_FLAG(l) (1u << ((l)-L_NEGATOR))

enum { MODE_TRIAGE = 1, MODE_TONE = 2 };

#define LEX_ASKS      2 /* lex_phrase.exception of a "?" line: a question, not a statement */
#define LEX_MAX_ELEMS 8
#define LEX_WILD      UINT16_MAX /* "*": any one word */
#define LEX_WORD_MAX  32         /* longer words are never in the lexicon */
#define LEX_ID_BITS   13         /* lexicon.slot: a word's hash, its id in these low bits */
#define LEX_ID_MASK   ((UINT64_C(1) << LEX_ID_BITS) - 1)
#define LEX_VAL_COUNT 12 /* lexicon.tval: a bucket's phrase count in these low bits */

/* A refund question names its kind ("?status", "?policy", "?how" lines; triage.c reads them):
 * where a refund asked for has got to, whether refunds exist or what they depend on, or the way
 * to get one's own money back (the demand itself, asked). */
#define LEX_ASK_STATUS 3
#define LEX_ASK_POLICY 4
#define LEX_ASK_HOW    5

typedef struct lex_phrase {
    uint8_t label;     /* lex_label */
    uint8_t n;         /* elements */
    uint8_t exception; /* "!" line (1): suppresses overlapping matches of its label; "?" line
                          (LEX_ASKS, or LEX_ASK_* for a refund question of that
                          kind): the same (a ?how line and a review_threat "?" line
                          stop nothing), and reported to the
                          triage sink as well */
    uint8_t modes;     /* MODE_* that care about the label */
    uint16_t elem[LEX_MAX_ELEMS]; /* word ids (below 1 << LEX_ID_BITS) or LEX_WILD */
} lex_phrase;

/* Where the phrases that end in a word are, for one mode. They are phrases[first ..
 * first + count), numbered in the order the scanner must report them. Each phrase with a word
 * (not "*") before its last is filed under one of those words, its key: the distance d (1..7)
 * back from the last word and the word's id (lexicon_build.c, choose_keys, says which). For
 * each distance in dmask the scanner looks up the word it saw that far back in the word's
 * table, so that a phrase is tried only when its last word and its key word are both in place;
 * the phrases with no key (one word long, or only "*" before the last) are tried at every
 * occurrence. Most lookups find nothing, and bloom answers most of those without the table. */
typedef struct lex_index {
    uint64_t bloom;   /* bit lex_key_slot(key, 6) set for each key in the table */
    uint32_t first;   /* the word's phrases in lexicon.phrases */
    uint32_t cand;    /* in lexicon.cand: the nalways phrases with no key, then the buckets */
    uint32_t table;   /* the table: tkey/tval[table .. table + (1 << bits)), key 0 empty */
    uint16_t count;   /* phrases ending in the word, in this mode */
    uint16_t nalways; /* of which with no key */
    uint8_t bits;     /* log2 of the table's slots (0: no table) */
    uint8_t dmask;    /* 1u << d for each key distance d in the table */
} lex_index;

/* A word as the scanner collects it (lowercased, at most 8 bytes, not starting with a digit)
 * that occurs in the word lists, with what the scanner would make of it: most words of a text
 * are among them, so the scanner finds them here and skips stemming, hashing and the lookup.
 * Built by applying those same functions to the word at build time (lexicon_build.c). */
typedef struct lex_raw {
    uint64_t key;  /* the bytes, little-endian, zero above the word (lex_raw_key); 0 empty */
    uint32_t id;   /* lex_lookup of its stem, 0 when not in the lexicon */
    uint32_t hash; /* scan_tok.hash: (uint32_t)lex_hash(stem) | 1 */
} lex_raw;

/* The parsed lexicon; immutable once lex_get() returned it. */
typedef struct lexicon {
    const char *error;            /* NULL when the data parsed */
    uint32_t nwords;              /* word ids are 1..nwords-1; 0 is "not in lexicon" */
    uint32_t word_num, word_time; /* ids of the "#num" and "#time" pseudo-words */
    uint32_t hash_num, hash_time; /* their scan_tok.hash */
    const uint32_t *flags;        /* per word id: 1u << L_NEGATOR ... (LEX_FLAG) */
    const lex_index *index[2];    /* per mode (0 triage, 1 tone), per word id */
    const lex_phrase *phrases;    /* grouped by mode and last word (lex_index.first) */
    const uint32_t *cand;         /* phrase numbers: per word and mode, lex_index.cand */
    const uint16_t *tkey;         /* per word and mode, a table of keys d << LEX_ID_BITS | id */
    const uint32_t *tval;         /* and of their buckets: cand offset << LEX_VAL_COUNT | count */
    const uint64_t *slot;         /* hash table: a stem's hash, its id in the low bits */
    const lex_raw *raw;           /* hash table of 1 << raw_bits raw words (lex_raw_slot) */
    uint32_t raw_bits;            /* 1 or more */
    const char *const *word_text; /* stem of each word id */
    uint32_t hash_size;           /* power of two */
    bool negatable[L_COUNT];      /* label honours negation */
    uint8_t modes[L_COUNT];       /* MODE_* that care about a label */
} lexicon;

/* The slot of a key in a word's table of 1 << bits slots (bits 1..16): the first probed. With
 * bits 6, the key's bit in lex_index.bloom. */
static inline uint32_t lex_key_slot(uint32_t key, unsigned bits)
{
    return (key * 0x9E3779B1u) >> (32 - bits);
}

/* The lexicon: constant tables built with redress (build/gen/analyze_lex.c). Never NULL. */
const lexicon *lex_get(void);
/* Build time only (lexicon_build.c, run by tools/lexgen.c): parses the embedded word lists and
 * writes them to out as the C file that defines lex_get, lex_rule_texts and
 * analyze_data_error. Returns NULL, or what is wrong with the word lists (nothing written). */
const char *lex_write_c(FILE *out);
/* Build time and tests: parses the word lists files (NULL-named end) as lex_write_c would and
 * returns NULL, or what is wrong with them as "FILE:LINE what"; the text is static, overwritten
 * by the next call. Not thread-safe (one shared work area). */
typedef struct rd_embedded rd_embedded;
const char *lex_check(const rd_embedded *files);
/* Normalises a lowercase word w[0..n) in place (inflections, British spellings) and returns
 * its new length. The same function is applied to the data and to the text. */
size_t lex_stem(char *w, size_t n);
/* The same, when the caller already knows whether w contains an apostrophe. Strips a
 * possessive, then one inflectional suffix, then evens out British and American spellings
 * (apologise/apologize, cancelled/canceled, colour/color). Crude, but applied identically to
 * the data and the text, so both meet at the same stem. Hot: runs once per word of every text,
 * so it tests bytes directly, and it is inline (as are lex_hash and lex_lookup_hash below) so
 * that the scanner makes no call per word for it. */
static inline size_t lex_stem_apos(char *w, size_t n, bool apostrophe)
{
    if (n < 4) return n;
    char a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (n > 4 && b == '\'' && c == 's') {
        n -= 2;
    } else if (c == '\'') {
        n -= 1;
    }
    if (apostrophe) return n; /* contractions are words of their own */
    a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (n > 4 && a == 'i' && b == 'e' && (c == 's' || c == 'd')) {
        n -= 2;
        w[n - 1] = 'y';
    } else if (n > 5 && a == 'i' && b == 'n' && c == 'g') {
        n -= 3;
    } else if (n > 4 && b == 'e' && c == 'd') {
        n -= 2;
    } else if (n > 3 && c == 's' && b != 's' && b != 'i' && b != 'u') {
        n -= 1;
    }
    if (n > 4 && w[n - 1] == 'e') n -= 1;
    if (n > 5 && w[n - 1] == 'l' && w[n - 2] == 'l') n -= 1;
    if (n > 5 && w[n - 1] == 's' && (w[n - 2] == 'i' || w[n - 2] == 'y')) w[n - 1] = 'z';
    if (n >= 5 && w[n - 3] == 'o' && w[n - 2] == 'u' && w[n - 1] == 'r') {
        w[n - 2] = 'r';
        n -= 1;
    }
    return n;
}

/* The first slot probed for a raw word's key in lexicon.raw, of 1 << bits (1..32). */
static inline uint32_t lex_raw_slot(uint64_t key, unsigned bits)
{
    return (uint32_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits));
}

/* The word id of an already stemmed word, or 0. */
uint32_t lex_lookup(const lexicon *lx, const char *w, size_t n);
/* The hash lex_lookup uses, and the lookup by that hash. 64-bit FNV-1a: with a few thousand
 * words in the table, two different words sharing a hash is too unlikely to matter (about 1 in
 * 10^15 per lookup), so lookups compare hashes only and never the bytes. (Hashing eight bytes at a time was slower: the word was just written a byte
 * at a time, and reading it back as words stalls store forwarding.) */
static inline uint64_t lex_hash(const char *w, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    return h;
}

static inline uint32_t lex_lookup_hash(const lexicon *lx, uint64_t h)
{
    uint32_t mask = lx->hash_size - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        uint64_t sl = lx->slot[i];
        if (sl == 0 || (sl & ~LEX_ID_MASK) == (h & ~LEX_ID_MASK))
            return (uint32_t)(sl & LEX_ID_MASK);
    }
}
/* Rule texts from rules.txt. */
typedef struct lex_rule_text {
    const char *message, *suggestion, *explain, *example;
} lex_rule_text;
const lex_rule_text *lex_rule_texts(tone_rule r);

/* ---------------------------------------------------------------- fitted model (model.c) */

typedef struct scan_tok scan_tok; /* below, with the scanner */

/* What the model scores, each a logistic regression over the same features: the five flags,
 * hostility as three cumulative thresholds (level >= 1, >= 2, >= 3: an ordinal model), the five
 * complaint kinds, and the root cause one-against-the-rest. */
typedef enum model_out {
    MO_ABUSE,
    MO_LEGAL,
    MO_REVIEW,
    MO_REFUND,
    MO_PAYREF,
    MO_HOST1,
    MO_HOST2,
    MO_HOST3,
    MO_COMPLAINT,                             /* + i for complaint bit 1u << i */
    MO_ROOT = MO_COMPLAINT + COMPLAINT_KINDS, /* + root_cause */
    MO_COUNT = MO_ROOT + ROOT_COUNT
} model_out;

/* The frames a threat or demand can stand in: triage counts, per sentence, the legal, review,
 * refund and refusal findings (FRAME_KINDS, from TK_LEGAL_THREAT) that share their sentence
 * with a phrase of frames.lex's sections (an ultimatum, praise); the counts are cue features,
 * so that the model weighs a finding by its frame. */
enum { FRAME_ULTIMATUM, FRAME_PRAISE, FRAME_COUNT };
#define FRAME_KINDS 4
typedef struct frame_counts {
    int n[FRAME_COUNT][FRAME_KINDS]; /* findings of kind TK_LEGAL_THREAT + k in frame f */
    /* Not frames, but read beside them: the pointers to waiting or asking again (frames.lex's
     * waiting; overlapping ones count once), and whether the rules read a question about where
     * a refund has got to (a "?status" line of refund_demand). */
    int waiting;
    bool status_question;
} frame_counts;
/* Cue features: the rules' counts, negated findings and verdicts, the complaint found first,
 * the findings' frames, a short message the rules read as calm, a refund demand the rules made
 * of a question, the pointers to waiting and the plain refund status question (below), the
 * abuse cue (last). */
/* Where the frame counts start among the cue features: frame f, kind k at + f * FRAME_KINDS + k. */
#define MODEL_DENSE_FRAMES 48
#define MODEL_DENSE        (MODEL_DENSE_FRAMES + FRAME_COUNT * FRAME_KINDS + 2 + 2 + 1)
#define MODEL_CUE          MO_COUNT /* the column of a weight row that holds the abuse cue's weight */
#define MODEL_STRIDE       20 /* floats per weight row: MO_COUNT padded so the adds vectorise */

/* Where the pointers to waiting or asking again are (log(1 + count)), and the plain refund status
 * question: 1 for one the rules read with no pointer to waiting, no heat, no complaint and no
 * demand ("any update on my refund?"), calm by the guideline. */
#define MODEL_DENSE_WAITING      (MODEL_DENSE - 3)
#define MODEL_DENSE_PLAIN_STATUS (MODEL_DENSE - 2)
/* Words of the first MODEL_LEAD_SENTS sentences count twice: as themselves and as lead words,
 * since the grievance a message leads with is its root cause when two weigh the same. */
#ifndef MODEL_LEAD_SENTS
#define MODEL_LEAD_SENTS 1
#endif
/* The words of a sentence with an ultimatum (frames.lex) count a second time, as words inside
 * one (the first MODEL_SENT_WORDS of it), so "everyone at the launch is hearing about it" in "if
 * it's not here by Thursday…" reads as the threat it is although no list has its words. */
#define MODEL_SENT_WORDS 48
/* Word features count 1/sqrt(max(words, MODEL_MIN_WORDS)) each, so long texts do not outweigh
 * short ones and a one-liner's few words do not weigh like a paragraph's. */
#ifndef MODEL_MIN_WORDS
#define MODEL_MIN_WORDS 20
#endif
static inline double model_word_scale(uint32_t ntok)
{
    return 1.0 / sqrt((double)(ntok > MODEL_MIN_WORDS ? ntok : MODEL_MIN_WORDS));
}

/* The weights tools/train.c fitted at build time (build/gen/analyze_model.c). Sparse features
 * are word and word-pair hashes found by open addressing in keys; each has a row of MO_COUNT
 * weights. nfeat 0 means no model: triage then answers by the rules alone. */
typedef struct analyze_model {
    uint32_t nfeat;       /* sparse features (rows of w) */
    uint32_t table_size;  /* slots in keys and rows, a power of two (0 with no model) */
    const uint32_t *keys; /* a feature's hash, 0 for an empty slot */
    const uint16_t *rows; /* its row in w */
    const float *w;       /* nfeat rows of MODEL_STRIDE (MO_COUNT weights, then zeros) */
    const float *dense;   /* MODEL_DENSE rows of MO_COUNT */
    const float *bias;    /* MO_COUNT */
    /* Where the model overrules the rules, per flag and complaint (the first MO_HOST1 and the
     * COMPLAINT_KINDS from MO_COMPLAINT): yes when the rules found it and the model's
     * probability is >= lo, or the rules did not and it is >= hi. For MO_HOST1..3, lo is the
     * probability each hostility threshold must reach. Chosen by cross-validation. */
    const float *lo, *hi;
    /* The abuse cue (tools/train.c --fit-abuse, from the public Davidson et al. tweets): its
     * weights are column MODEL_CUE of w, scaled like the word features; this is its bias. */
    float cue_bias;
} analyze_model;

extern const analyze_model analyze_model_data;

/* The model's running sums over one text: fixed size, on the caller's stack. */
typedef struct model_acc {
    float sum[MODEL_STRIDE]; /* weights of the sparse features seen so far */
    uint32_t ntok;           /* words seen */
    uint32_t nhit;           /* features found among the model's */
    uint32_t prev;           /* hash of the word before, 0 at a sentence start */
    uint32_t prev_sent;      /* its sentence */
    uint64_t neg_until;      /* token number up to which a negator reaches */
    uint32_t neg_clause;     /* the clause it reaches in */
    /* The current sentence's word features (the first MODEL_SENT_WORDS), which
     * model_sentence_end counts again, marked, when the sentence has a frame. */
    uint32_t sent_words[MODEL_SENT_WORDS];
    uint32_t nsent_words;
    uint32_t *out;    /* training only: every feature hash goes here instead; else NULL */
    size_t nout, cap; /* used and capacity of out (features past cap are dropped) */
} model_acc;

/* Feeds token t (number ti) to the model: its word, negated when a negator shortly before in
 * the same clause reaches it, and the pair with the word before. */
void model_token(model_acc *m, const analyze_model *md, const scan_tok *t, uint64_t ti);
/* The end of a sentence: its words count again, marked, when it has an ultimatum. */
void model_sentence_end(model_acc *m, const analyze_model *md, bool ultimatum);
/* The cue features of a text the rules have read: r as summarised by the rules alone, asked
 * the questions kept aside ("can I get a refund?", "where is…?"), negated the findings a
 * negator cancelled ("I won't be leaving a review"), framed the flags' findings by frame (see
 * FRAME_ULTIMATUM), ntok its words, cue the abuse cue (model_cue). */
void model_dense(const triage_result *r, const int asked[TK_COUNT], const int negated[TK_COUNT],
                 const frame_counts *framed, uint32_t ntok, float cue, float x[MODEL_DENSE]);
/* The abuse cue as a feature, from its log-odds (bias plus the scaled sum of its weights):
 * the log-odds clipped to [-8, 8] and divided by 4, so that it spreads the texts it tells
 * apart rather than squashing them near 0 or 1. */
static inline float model_cue(float logit)
{
    return (logit < -8 ? -8 : logit > 8 ? 8 : logit) / 4;
}
/* Every output's score (log-odds) from the sums and the cue features. */
void model_scores(const analyze_model *md, const model_acc *m, const float x[MODEL_DENSE],
                  float s[MO_COUNT]);
/* A message of fewer words keeps the rules' verdicts on abuse and the threats: its few word
 * features cannot outweigh the words the rules matched ("Please leave me alone, I will post a
 * one star review on Google." is a threat whatever the long messages taught the model). */
#define MODEL_FLAG_MIN_WORDS 20
/* The fewest words with which the model decides flag output o. The refund demand's is 10: the
 * short support messages of the tuning set (messages-22 on) taught the model the demands, status
 * questions and policy questions that the rules' words confuse; cross-validation scored refund
 * F1 0.87 against 0.83 with 20, the same with 10 or none, and under 10 words a polite demand
 * ("Kindly process a refund for the missed class.") can still read as a status question. */
static inline uint32_t model_flag_min_words(int o)
{
    return o == MO_REFUND ? 10 : MODEL_FLAG_MIN_WORDS;
}
/* Turns the scores into the flags, hostility (level and 0-1 score), complaints and root cause
 * of r, which holds the rules' verdicts on entry, for a message of ntok words; the findings and
 * counts are left as the rules found them. */
void model_decide(const analyze_model *md, const float s[MO_COUNT], const float x[MODEL_DENSE],
                  uint32_t ntok, triage_result *r);
/* For tools/train.c: triages text[0..len) (valid UTF-8) by the rules alone and returns the
 * model's inputs: its sparse feature hashes, one per occurrence, in hashes[0..*n) (at most
 * cap), the cue features (the abuse cue left 0 for the caller) and the word count. r gets the
 * rules' verdicts. */
void triage_features(const char *text, size_t len, uint32_t *hashes, size_t cap, size_t *n,
                     float dense[MODEL_DENSE], uint32_t *ntok, triage_result *r);

/* ---------------------------------------------------------------- scanner */

struct scan_tok {
    uint32_t word;      /* lexicon id or 0 */
    uint32_t hash;      /* low bits of the stem's lex_hash (any word, in the lexicon or not); 0
                           for a word too long to read */
    uint32_t flags;     /* lexicon word flags */
    size_t start, end;  /* bytes */
    uint32_t line, col; /* col stays 0: tone_check counts columns for its diagnostics */
    uint32_t sent;      /* sentence number */
    uint32_t clause;    /* clause number (commas, dashes and sentence ends split clauses) */
    uint8_t caps;       /* all capitals, two letters or more */
    uint8_t ed;         /* the word as written ends in "ed" (a past participle, mostly) */
    uint8_t ly;         /* the word as written ends in "ly" (an adverb, mostly) */
};

#define SCAN_RING 32 /* tokens remembered; longer phrases and windows are not supported */

/* A phrase match handed to a sink. */
typedef struct scan_match {
    const lex_phrase *phrase;
    uint64_t first, last; /* token numbers */
    size_t start, end;    /* bytes */
    uint32_t line, col;   /* of start */
    uint32_t sent;
    bool negated; /* a negator shortly before it in the same clause */
} scan_match;

#define SCAN_PENDING 8

typedef struct scanner scanner;
typedef struct scan_sink {
    void *ctx;
    uint8_t mode; /* MODE_TRIAGE or MODE_TONE */
    void (*match)(void *ctx, const scanner *sc, const scan_match *m);
    void (*token)(void *ctx, const scanner *sc, const scan_tok *t, uint64_t ti);
    void (*bang)(void *ctx, size_t start, size_t end, uint32_t line, uint32_t col);
    void (*sentence_end)(void *ctx, uint32_t sent);
    /* a run of "?" and "!" with at least one "?": its bytes and how many of each */
    void (*question)(void *ctx, size_t start, size_t end, int qmarks, int bangs);
} scan_sink;

struct scanner {
    const lexicon *lx;
    const lex_index *index; /* lx->index of the sink's mode */
    const char *text;
    size_t len;
    scan_tok ring[SCAN_RING];
    uint64_t ntok;       /* tokens seen */
    uint64_t sent_first; /* the first token of the current sentence */
    uint32_t line, sent, clause;
    uint64_t exc_last[L_COUNT]; /* last token + 1 of the latest exception per label */
    uint64_t exc_first[L_COUNT];
    scan_match pend[SCAN_PENDING]; /* triage matches waiting one word for an exception */
    int npend;
    const scan_sink *sink;
};

/* Token number ti (must be among the last SCAN_RING). */
static inline const scan_tok *scan_at(const scanner *sc, uint64_t ti)
{
    return &sc->ring[ti % SCAN_RING];
}

/* utf8_valid with a fast path over ASCII, eight bytes at a time. */
bool scan_utf8_valid(const char *text, size_t len);
/* Walks text[0..len) once (the text must be valid UTF-8), feeding the sink. */
void scan_text(const lexicon *lx, const char *text, size_t len, const scan_sink *sink);

#endif
