/* analyze.h — the text analyzer: triage of a client's message and tone check of the user's
 * draft. Pure: text in, findings out. No database, no I/O, no global mutable state (the word
 * lists are parsed from the embedded data files once, under pthread_once, and never change
 * after; the fitted model's weights are constant tables), no heap allocation per call: results go into a caller-provided struct with
 * fixed-capacity arrays. Safe to call from many threads at once.
 *
 * Byte offsets (start, end) are into the text passed in; end is exclusive. Lines and columns are
 * 1-based; a column counts characters (code points), not bytes. */
#ifndef REDRESS_ANALYZE_H
#define REDRESS_ANALYZE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

#define ANALYZE_MAX_FINDINGS 64 /* findings / diagnostics kept per call; the rest are counted */

/* ---------------------------------------------------------------- triage */

/* What a triage finding is about. The names (triage_kind_name) are the "kind" in JSON. */
typedef enum triage_kind {
    TK_ABUSE,           /* insult or profanity aimed at a person */
    TK_PROFANITY,       /* a swear word about the situation */
    TK_HOSTILE,         /* strong negative wording ("unacceptable", "a joke") */
    TK_DISPLEASED,      /* milder displeasure ("disappointed", "not happy") */
    TK_LEGAL_THREAT,    /* lawyers, courts, chargebacks, payment disputes */
    TK_REVIEW_THREAT,   /* public reviews, review sites, consumer bodies */
    TK_REFUND_DEMAND,   /* money back, a discount, a credit */
    TK_PAYMENT_REFUSAL, /* refusing or withholding payment */
    TK_DEADLINE,        /* complaint: late, missed date */
    TK_QUALITY,         /* complaint: broken, wrong, poor work */
    TK_COMMUNICATION,   /* complaint: no answer, ignored */
    TK_SCOPE,           /* complaint: not what was agreed, missing deliverables */
    TK_BILLING,         /* complaint: invoice, overcharge */
    TK_INTENSIFIER,     /* "absolutely", "completely" */
    TK_SHOUTING,        /* a word in capitals */
    TK_EXCLAMATION,     /* "!!" or more */
    TK_COUNT
} triage_kind;

/* Complaint kinds, as bits of triage_result.complaints. */
enum {
    COMPLAINT_DEADLINE = 1u << 0,
    COMPLAINT_QUALITY = 1u << 1,
    COMPLAINT_COMMUNICATION = 1u << 2,
    COMPLAINT_SCOPE = 1u << 3,
    COMPLAINT_BILLING = 1u << 4,
    COMPLAINT_KINDS = 5,
};

typedef enum root_cause {
    ROOT_MISSED_DEADLINE,
    ROOT_QUALITY,
    ROOT_COMMUNICATION,
    ROOT_SCOPE,
    ROOT_BILLING,
    ROOT_OTHER,
    ROOT_COUNT
} root_cause;

typedef struct triage_finding {
    triage_kind kind;
    size_t start, end; /* bytes of the triggering words */
} triage_finding;

typedef struct triage_result {
    int hostility;         /* 0 calm, 1 displeased, 2 angry, 3 furious */
    float hostility_score; /* the fitted ordinal score behind the level: 0 calm .. 1 furious */
    float flag_score[5];   /* fitted probability of abuse, legal threat, review threat, refund
                              demand, payment refusal (the flags are score >= 0.5) */
    float abuse_cue;       /* how abusive the language reads to the abuse cue alone, the part of
                              the model fitted on public tweets (0..1; see docs/analyzer.md) */
    bool abuse;            /* insult or profanity aimed at a person */
    bool legal_threat;     /* lawyer, court, chargeback, bank dispute */
    bool review_threat;    /* public review, review site, consumer body */
    bool refund_demand;    /* refund, discount or credit asked for */
    bool refund_how;       /* the rules found it in a how-to question ("how do I get my deposit
                              back?"), which the fitted model may not overrule */
    bool payment_refusal;  /* payment refused or withheld */
    unsigned complaints;   /* COMPLAINT_* bits */
    root_cause root_cause; /* most likely cause of the unhappiness */
    int counts[TK_COUNT];  /* how many times each kind fired (negated ones excluded) */
    size_t nfindings;      /* findings kept, at most ANALYZE_MAX_FINDINGS */
    size_t dropped;        /* findings past the capacity, counted but not kept */
    triage_finding findings[ANALYZE_MAX_FINDINGS];
} triage_result;

/* Triages text[0..len) into *out (overwritten). Returns NULL, or RD_INVALID "FIELD: is not valid
 * UTF-8 (byte N)" when the text is not UTF-8 (field names the input in the message). Allocates
 * nothing on success; the caller frees a returned error with rd_err_free. */
rd_err *triage_message(const char *field, const char *text, size_t len, triage_result *out);

const char *triage_kind_name(triage_kind k); /* "legal_threat"; static */
const char *root_cause_name(root_cause r);   /* "missed_deadline"; static */
const char *complaint_name(unsigned bit);    /* "deadline" for COMPLAINT_DEADLINE; static */
const char *hostility_name(int level);       /* "calm".."furious"; static */
bool root_cause_parse(const char *s, root_cause *out); /* false for an unknown name */

/* ---------------------------------------------------------------- tone check */

typedef enum tone_rule {
    TR_CONDITIONAL_APOLOGY,
    TR_APOLOGY_BUT,
    TR_BLAME_SHIFTING,
    TR_DISMISSIVE,
    TR_PASSIVE_RESPONSIBILITY,
    TR_VAGUE_COMMITMENT,
    TR_SHOUTING,
    TR_COUNT
} tone_rule;

typedef enum tone_strength {
    TS_UNCONDITIONAL_APOLOGY,
    TS_ACKNOWLEDGES_FEELINGS,
    TS_RESTATES_CONCERN,
    TS_SPECIFIC_COMMITMENT,
    TS_GIVES_CONTACT, /* direct contact details: "call me on …", "my direct line" (P5) */
    TS_COUNT
} tone_strength;

typedef enum tone_severity { SEV_ERROR, SEV_WARNING, SEV_HINT } tone_severity;

typedef struct tone_diag {
    tone_rule rule;
    tone_severity severity;
    uint32_t line, column; /* of start */
    size_t start, end;     /* bytes */
} tone_diag;

typedef struct tone_result {
    int errors, warnings, hints;  /* counts over every diagnostic, kept or dropped */
    unsigned strengths;           /* 1u << TS_* for each strength present */
    size_t strength_at[TS_COUNT]; /* byte offset of the first evidence of each strength */
    size_t ndiags;                /* diagnostics kept, in text order of their rule firing */
    size_t dropped;               /* diagnostics past the capacity */
    tone_diag diags[ANALYZE_MAX_FINDINGS];
} tone_result;

/* Checks the tone of a draft text[0..len) into *out (overwritten). Errors as triage_message. */
rd_err *tone_check(const char *field, const char *text, size_t len, tone_result *out);

const char *tone_rule_name(tone_rule r); /* "conditional-apology"; static */
bool tone_rule_parse(const char *s, tone_rule *out);
const char *tone_strength_name(tone_strength s); /* "unconditional-apology"; static */
bool tone_strength_parse(const char *s, tone_strength *out);
const char *tone_severity_name(tone_severity s); /* "error", "warning", "hint" */
tone_severity tone_rule_severity(tone_rule r);   /* default severity */
/* Texts from src/analyze/data/rules.txt; static, never NULL ("" when absent). */
const char *tone_rule_message(tone_rule r);    /* one line: what is wrong */
const char *tone_rule_suggestion(tone_rule r); /* one line: what to write instead */
const char *tone_rule_explain(tone_rule r);    /* a paragraph: what the rule is for */
const char *tone_rule_example(tone_rule r);    /* a better phrasing, as an example */

/* Returns NULL when the embedded word lists parsed, else a static message saying what is wrong
 * with them (a build defect; the analyzer then finds nothing). */
const char *analyze_data_error(void);

/* ---------------------------------------------------------------- JSON (analyze_json.c) */

/* {"hostility","abuse","legal_threat","review_threat","refund_demand","payment_refusal",
 *  "complaints":[..],"root_cause","findings":[{"kind","start","end","text"}],"dropped"}.
 * text is the analysed text (for the finding texts). Returns a new reference; caller decrefs. */
json_t *triage_json(const triage_result *r, const char *text);
/* {"diagnostics":[{"rule","severity","line","column","start","end","message","suggestion",
 *  "text"}],"strengths":[..],"errors","warnings","hints","dropped"}. Caller decrefs. */
json_t *tone_json(const tone_result *r, const char *text);

/* ---------------------------------------------------------------- replies to public reviews */
/* Rules a reply to a public review (P19) must also pass (public_reply.c); every one is an error. */
typedef enum public_rule {
    PR_DEFENSIVE,      /* arguing the facts in public */
    PR_PRIVATE_DETAIL, /* an email address, phone number, amount or invoice */
    PR_BLAME,          /* blaming the reviewer */
    PR_NO_THANKS,      /* no thanks to the reviewer (start and end 0) */
    PR_NO_OFFLINE,     /* no offer to take it offline (start and end 0) */
    PR_COUNT
} public_rule;
typedef struct public_diag {
    public_rule rule;
    size_t start, end; /* bytes; both 0 for a rule about what is missing */
} public_diag;
typedef struct public_result {
    tone_result tone; /* the tone check every reply gets */
    int errors;       /* public-rule findings, kept or dropped */
    size_t ndiags, dropped;
    public_diag diags[ANALYZE_MAX_FINDINGS];
} public_result;
/* Checks a reply to a public review: the tone check, then the public rules. Errors as
 * tone_check. Allocates nothing. */
rd_err *public_reply_check(const char *field, const char *text, size_t len, public_result *out);
const char *public_rule_name(public_rule r);    /* "private-detail"; static */
const char *public_rule_message(public_rule r); /* what to do instead; static */
/* tone_json of the tone part with the public-rule findings added to "diagnostics" ({rule,
 * severity, message, start, end, text}), "errors" counting both, and "public_errors". Caller
 * owns the result. */
json_t *public_json(const public_result *r, const char *text);

#endif
