/* test_analyze.c — pins the analyzer's behaviour on the edge cases each rule has: negation,
 * self-directed wording, "just" meaning "a moment ago", acronyms that are not shouting, curly
 * apostrophes, inflections, British and American spellings, invalid UTF-8, empty input, NUL
 * bytes and very large inputs; and the fitted model's decisions, features and abuse score. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>

#include "analyze/analyze.h"
#include "analyze/analyze_int.h"
#include "util/embed.h"

static triage_result tri(const char *s)
{
    triage_result r;
    rd_err *e = triage_message("test", s, strlen(s), &r);
    assert_null(e);
    return r;
}

static tone_result tone(const char *s)
{
    tone_result r;
    rd_err *e = tone_check("test", s, strlen(s), &r);
    assert_null(e);
    return r;
}

static bool fired(const tone_result *r, tone_rule rule)
{
    for (size_t i = 0; i < r->ndiags; i++)
        if (r->diags[i].rule == rule) return true;
    return false;
}

static bool strong(const tone_result *r, tone_strength s)
{
    return r->strengths & (1u << s);
}

/* The five flags by index (the order of triage_result.flag_score). */
enum { F_ABUSE, F_LEGAL, F_REVIEW, F_REFUND, F_REFUSAL };

static bool flag_of(const triage_result *r, int f)
{
    const bool flags[] = {r->abuse, r->legal_threat, r->review_threat, r->refund_demand,
                          r->payment_refusal};
    return flags[f];
}

/* Fails naming the first of texts[0..n) whose flag f is not want. */
static void expect_flag(const char *const *texts, size_t n, int f, bool want)
{
    static const char *const names[] = {"abuse", "legal threat", "review threat", "refund demand",
                                        "payment refusal"};
    for (size_t i = 0; i < n; i++) {
        triage_result r = tri(texts[i]);
        if (flag_of(&r, f) != want) fail_msg("%s %s: %s", want ? "no" : "", names[f], texts[i]);
    }
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The rules' verdicts alone (no fitted model), as tools/train.c sees them. */
static triage_result rules_of(const char *s)
{
    static uint32_t h[4096];
    size_t n;
    float dense[MODEL_DENSE];
    uint32_t ntok;
    triage_result r;
    triage_features(s, strlen(s), h, N_OF(h), &n, dense, &ntok, &r);
    return r;
}

/* Fails unless the rules found words of kind k in text, the first of them exactly want. */
static void expect_words(const char *text, triage_kind k, const char *want)
{
    triage_result r = rules_of(text);
    for (size_t i = 0; i < r.nfindings; i++) {
        const triage_finding *f = &r.findings[i];
        if (f->kind != k) continue;
        size_t n = f->end - f->start;
        if (n != strlen(want) || memcmp(text + f->start, want, n) != 0)
            fail_msg("%s: found \"%.*s\", not \"%s\"", text, (int)n, text + f->start, want);
        return;
    }
    fail_msg("%s: no %s found", text, triage_kind_name(k));
}

static void test_data_parses(void **state)
{
    (void)state;
    assert_null(analyze_data_error());
    for (int r = 0; r < TR_COUNT; r++) {
        assert_true(strlen(tone_rule_message((tone_rule)r)) > 10);
        assert_true(strlen(tone_rule_suggestion((tone_rule)r)) > 10);
        assert_true(strlen(tone_rule_explain((tone_rule)r)) > 10);
        assert_true(strlen(tone_rule_example((tone_rule)r)) > 10);
    }
}

/* The error lex_check gives for a triage.lex of text beside a small common.lex, NULL when it
 * accepts it. */
static const char *lex_error(const char *text)
{
    static const char common[] = "@label negator\nnot\nwon't\n";
    const rd_embedded files[] = {{"common.lex", common, sizeof common - 1},
                                 {"triage.lex", text, strlen(text)},
                                 {NULL, NULL, 0}};
    return lex_check(files);
}

/* Fails unless the build refuses text naming triage.lex line where ("0003") and saying want. */
static void expect_lex_refused(const char *text, const char *where, const char *want)
{
    char at[32];
    snprintf(at, sizeof at, "triage.lex:%s", where);
    const char *err = lex_error(text);
    if (!err || !strstr(err, at) || !strstr(err, want))
        fail_msg("%s: %s", text, err ? err : "accepted");
}

/* The word lists' build (tools/lexgen.c) refuses what the scanner could never match, naming
 * file and line: a multi-word alternative ("a b|c" means "a b" or "a c"; "you're|you are" reads
 * "you're are"), a hyphenated word
 * (the scanner splits it) and a number (read as #num). */
static void test_lexgen_rejects_traps(void **state)
{
    (void)state;
    static const struct {
        const char *line, *want;
    } bad[] = {
        {"won't|will not pay", "\"won't not\""},
        {"rip off|ripoff merchant", "\"rip ripoff\""},
        {"credit it|credit the", "\"credit credit\""},
        {"you're|you are the worst", "\"you're are\""},
        {"i've|i have chased", "\"i've have\""},
        {"half-finished", "'-'"},
        {"1 star", "#num"},
    };
    char text[128];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "@label payment_refusal\n# a comment\n%s\n", bad[i].line);
        expect_lex_refused(text, "0003", bad[i].want);
    }
    assert_null(lex_error("@label payment_refusal\nwon't pay\nwill not pay\nthat's where it stops\n"
                          "legal action|advice\nnot a penny|cent\nknock * off\n#num back\n"));
}

/* A refund question names its kind (?status, ?policy, ?how), triage reads it by that kind, and
 * only a refund question has one: the build refuses the others, naming file and line. */
static void test_lexgen_question_kinds(void **state)
{
    (void)state;
    expect_lex_refused("@label refund_demand\n? where is my refund\n", "0002", "names its kind");
    expect_lex_refused("@label refund_demand\n?when is my refund\n", "0002",
                       "unknown question kind");
    expect_lex_refused("@label deadline\n?status where is the\n", "0002",
                       "only refund_demand questions");
    assert_null(lex_error("@label refund_demand\n?status where is my refund\n"
                          "?policy do you do refunds\n?how how do i get\n"
                          "@label deadline\n? where is the\n"));
}

static void test_triage_flags(void **state)
{
    (void)state;
    triage_result r = tri("You are a fraud. My solicitor will be in touch, and I expect a full "
                          "refund or I will leave a review on Trustpilot. I am not paying.");
    assert_true(r.abuse);
    assert_true(r.legal_threat);
    assert_true(r.review_threat);
    assert_true(r.refund_demand);
    assert_true(r.payment_refusal);
    assert_int_equal(r.hostility, 3);
    r = tri("Hi, could you send the invoice when you get a chance? Thanks!");
    assert_false(r.abuse || r.legal_threat || r.review_threat || r.refund_demand ||
                 r.payment_refusal);
    assert_int_equal(r.hostility, 0);
}

static void test_triage_negation(void **state)
{
    (void)state;
    triage_result r = tri("I'm not going to sue anyone, and I won't be asking for a refund.");
    assert_false(r.legal_threat);
    assert_false(r.refund_demand);
    r = tri("I am not happy with the photos.");
    assert_true(r.counts[TK_DISPLEASED] > 0);
    r = tri("To be clear, I am not unhappy with the work.");
    assert_int_equal(r.counts[TK_DISPLEASED], 0);
    r = tri("You never answered my emails.");
    assert_true(r.complaints & COMPLAINT_COMMUNICATION);
}

static void test_triage_swearing_is_not_abuse(void **state)
{
    (void)state;
    triage_result r = tri("This is a damn mess.");
    assert_false(r.abuse);
    assert_true(r.counts[TK_PROFANITY] > 0);
    r = tri("You are an idiot.");
    assert_true(r.abuse);
}

/* Insults and profanity aimed at a person are abuse; the same words about a thing are not. */
static void test_triage_insults_at_a_person(void **state)
{
    (void)state;
    static const char *const at_person[] = {
        "You're a clown.",
        "you absolute muppet",
        "What a loser.",
        "A bunch of cowboys, the lot of you.",
        "You are pathetic.",
        "you're so useless",
        "Are you stupid?",
        "f*ck you",
        "Go f*** yourself.",
        "You useless hack.",
        "Scammers like you should be locked up.",
        "You're a piece of sh*t.",
    };
    for (size_t i = 0; i < sizeof at_person / sizeof at_person[0]; i++) {
        triage_result r = tri(at_person[i]);
        if (!r.abuse) fail_msg("not abuse: %s", at_person[i]);
        assert_int_equal(r.hostility, 3);
    }
    static const char *const about_thing[] = {
        "The app is useless.",
        "What a joke this whole process is.",
        "This is f***ing ridiculous.",
        "The design is garbage.",
        "This piece of sh*t printer jammed again.",
        "The frame is crooked.",
        "You let the scope creep.",
        "It's a hack job.",
        "You fooled us with that quote.",
        "You're not an idiot, but this is late.",
        "We use a tool for this.",
    };
    for (size_t i = 0; i < sizeof about_thing / sizeof about_thing[0]; i++)
        if (tri(about_thing[i]).abuse) fail_msg("abuse: %s", about_thing[i]);
    assert_true(tri("This is f***ing ridiculous.").counts[TK_PROFANITY] > 0);
}

/* A question about the refund policy or process is not a demand; the demand itself is, and so
 * is the same question in a message that complains or is heated. */
static void test_triage_refund_questions(void **state)
{
    (void)state;
    static const char *const questions[] = {
        "What is your refund policy?",
        "Is it possible to get a refund?",
        "Where can I check your money back policy?",
        "Do you offer refunds on deposits?",
        "What's your policy on refunds?",
        "Could you explain how refunds work for cancelled bookings?",
        "Are refunds possible if I cancel a week before?",
        "Is it possible to get my money back if I change my mind?",
        "In what cases can I get my membership fee back?",
        /* where an agreed refund has got to */
        "How long will my refund take?",
        "Has my refund been processed yet?",
        "Any update on the refund you agreed last week?",
        "I was told a refund would follow, can you confirm when it was sent?",
        "When will the refund reach my account?",
        "Where is my refund?",
        "Could you let me know if my refund went through?",
        "What happened to my refund?",
        "I want to see if the refund has been issued.",
    };
    for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++) {
        triage_result r = tri(questions[i]);
        if (r.refund_demand) fail_msg("refund demand: %s", questions[i]);
        assert_int_equal(r.hostility, 0);
        assert_int_equal(r.complaints, 0);
    }
    assert_true(tri("I want my money back.").refund_demand);
    /* asking for a refund of one's own order is the demand (the tuning set's short support
     * messages label it so) */
    assert_true(tri("hi can i get a refund on order 20931, changed my mind").refund_demand);
    assert_true(tri("Can I get a refund for this rubbish? I'm furious.").refund_demand);
    assert_true(tri("The photos are blurry. Can I get a refund?").refund_demand);
    assert_true(tri("Could you refund the 45 pound difference, please?").refund_demand);
    /* demands in plain polite form stay demands */
    static const char *const demands[] = {
        "I would like a refund for order 4471.",
        "Please refund me.",
        "Kindly process a refund for the missed class.",
        "Please issue a full refund.",
        "I'd like the deposit back please.",
        "We'd like a credit for the two sessions that were cancelled.",
        "Could you credit the missed lesson against next month?",
        "Would you consider a small reduction on the final invoice?",
        "We would like the unused hours refunded.",
        "Could we get back part of the deposit, since you hadn't started?",
        "Could you take something off the final bill?",
        "I expect you to cover the penalty.",
        "You charged me for a filter I didn't ask for. I want the $49 taken off.",
        "Could I get those sessions credited to next term instead?",
        "You won't get a penny more from us, and we want the fees for the remaining weeks back.",
    };
    expect_flag(demands, N_OF(demands), F_REFUND, true);
    /* correcting the invoice to the agreed price is billing; other things wanted back are no
     * money */
    static const char *const not_refunds[] = {
        "We were billed for 50 guests but confirmed 42. Could you amend the invoice?",
        "Please reissue the invoice at the quoted figures.",
        "I need this signed form back by Friday.",
        "How would you like to be credited on the copyright page?",
        "Can you reprint these at no charge before the wedding?",
        "If the IRS refund comes in lower than your estimate, does that change your fee?",
    };
    expect_flag(not_refunds, N_OF(not_refunds), F_REFUND, false);
    assert_true(tri("Please reissue the invoice at the quoted figures.").complaints &
                COMPLAINT_BILLING);
}

/* Short support messages (the guideline's bullet): asking where a refund is, or what refunds
 * depend on, is a question; asking how to get one's own money back is the demand, and the words
 * behind it are the refund words. */
static void test_triage_short_support_messages(void **state)
{
    (void)state;
    static const char *const status[] = {
        "still waiting for my refund",
        "where's my money back",
        "haven't received the refund yet",
        "refund status",
        "track my refund",
        "has the refund gone through",
        "I requested a refund last week, any news?",
        "I asked for a refund two weeks ago, has it been processed?",
        "my refund hasn't arrived yet",
        "did my refund go through?",
        "when do I get my money back?",
        "just wondering if the refund has been processed",
    };
    static const char *const policy[] = {
        "do you do refunds",
        "what's your refund policy",
        "would I get my money back if I cancel",
        "would I be entitled to a refund if the flight is cancelled?",
        "do you offer money back?",
        "how would a refund work if I got injured?",
        "is there a referral discount?",
        /* status and policy words in a sentence with a refund word */
        "Refund for order 3321 - still pending?",
        "Would we get a refund for the course if the exam is cancelled?",
        "how long till the refund for the cancelled walk hits my account",
        "Can I get a reference number for my ticket refund?",
    };
    const char *const *both[] = {status, policy};
    const size_t nboth[] = {N_OF(status), N_OF(policy)};
    for (size_t b = 0; b < 2; b++)
        for (size_t i = 0; i < nboth[b]; i++) {
            triage_result r = rules_of(both[b][i]);
            if (r.refund_demand || r.complaints) fail_msg("demand or complaint in: %s", both[b][i]);
            assert_false(tri(both[b][i]).refund_demand);
        }
    /* waiting is a pointer to heat, not a complaint about the work */
    expect_words("still waiting for my refund", TK_DISPLEASED, "still waiting");
    assert_int_equal(rules_of("still waiting for my refund").hostility, 1);
    assert_int_equal(rules_of("has the refund gone through").hostility, 0);
    static const struct {
        const char *text, *words;
    } howto[] = {
        {"how do I get a refund for my order", "how do I get a refund"},
        {"how can I request a refund", "refund"},
        {"where do I request a refund?", "refund"},
        {"how do I claim my refund?", "refund"},
        {"I need help getting my money back", "need help getting my money back"},
        {"I'd like to request a refund, what do I do?", "refund"},
        {"Could we have the £200 deposit back?", "deposit back"},
    };
    for (size_t i = 0; i < N_OF(howto); i++) {
        expect_words(howto[i].text, TK_REFUND_DEMAND, howto[i].words);
        assert_true(tri(howto[i].text).refund_demand);
    }
    /* a status word in a sentence with no refund word asks nothing about refunds */
    assert_int_equal(rules_of("The photos are blurry. Is the album still pending?").refund_demand,
                     0);
    /* a status question in a message that complains about the work is the demand */
    assert_true(rules_of("The photos are blurry. Where is my refund?").refund_demand);
    /* a calm refund demand names no complaint kind (the guideline); a heated one keeps the
     * usual reason, quality */
    assert_int_equal(rules_of("I need help getting my money back").complaints, 0);
    assert_int_equal(rules_of("I would like a refund for order 4471.").complaints, 0);
    assert_true(rules_of("I want my money back, this is a disgrace.").complaints &
                COMPLAINT_QUALITY);
}

/* Each kind of refund question by its grammar, with the near misses that must not flip. */
static void test_triage_refund_question_kinds(void **state)
{
    (void)state;
    /* status: where a refund asked for has got to, however it is worded; chasing, waiting,
     * heat and the billing slip behind it are no complaint about the work */
    static const char *const status[] = {
        "Any sign of my refund for the cancelled lesson?",
        "When can we expect the deposit refund?",
        "still waiting on that refund you promised",
        "Where are we up to with the refund?",
        "Is the refund for the June class done yet?",
        "did the workshop refund go through to my card?",
        "Sorry to chase again, any sign of my refund?",
        "hello??? where's my refund",
        "I was charged twice and requested a refund last week, any news?",
        "Been waiting since March for the refund on the cancelled tour, please check.",
        "Is my deposit refund stuck?",
        "Has the deposit been refunded yet?",
        "Could you resend the refund confirmation please?",
        /* a refund that has arrived, with thanks */
        "Thanks for the refund on the cancelled lesson, got it",
    };
    /* policy: what a refund depends on; the complaint words of its own "if" are hypothetical */
    static const char *const policy[] = {
        "If the vase arrives broken, do you refund it?",
        "Would I get a refund if the course is delivered late?",
        "Will I get the deposit back if we have to cancel?",
        "Do refunds for the tasting go back to the card, or as store credit?",
        "What's the deal with refunds if I miss a class?",
        "Any student discount?",
        "Do you do student discounts?",
        "Is the booking fee refundable if we change the date?",
        "how do refunds work?",
    };
    const char *const *both[] = {status, policy};
    const size_t nboth[] = {N_OF(status), N_OF(policy)};
    for (size_t b = 0; b < 2; b++)
        for (size_t i = 0; i < nboth[b]; i++)
            if (rules_of(both[b][i]).refund_demand) fail_msg("refund demand: %s", both[b][i]);
    assert_int_equal(rules_of("If the vase arrives broken, do you refund it?").complaints, 0);
    /* near misses: the same questions in a message that complains about the work, or a real
     * complaint before the question, are the demand */
    static const char *const demands[] = {
        "The photos are blurry. Any sign of my refund?",
        "The site is still broken and where is my refund?",
        "The vase arrived broken, do you refund it?",
        "The photos were blurry. Has the deposit been refunded yet?",
        "Could the consultation fee be returned, please?",
        /* how-to: the way to one's own money is the demand, also beside a status word */
        "How do I claim back the deposit?",
        "How can I get my money back for the pending order?",
        "How do I start a refund claim?",
        "How do I get my deposit?",
        "Help me get a refund for the tickets please",
        "I need my money back",
        "I want to cancel and get refunded",
        "Can we have one back? We were billed for two.",
        "I'd like the money for the missed session back.",
        "I want my money back if you can't fix it by Friday",
    };
    for (size_t i = 0; i < N_OF(demands); i++)
        if (!rules_of(demands[i]).refund_demand) fail_msg("no refund demand: %s", demands[i]);
    expect_words("How do I start a refund claim?", TK_REFUND_DEMAND, "start a refund");
    /* "how do I" without a refund word asks nothing about money; a promotion code or an item
     * sent back is no money back */
    static const char *const neither[] = {
        "How do I get to your studio?",
        "How can I get information about your refund policy?",
        "The discount code doesn't work",
        "I want to send it back for a bigger size",
        "Can I swap to a later date instead of getting a refund?",
    };
    for (size_t i = 0; i < N_OF(neither); i++)
        if (rules_of(neither[i]).refund_demand) fail_msg("refund demand: %s", neither[i]);
}

/* Fails naming the first of texts[0..n) whose refund demand, by the rules and as triage
 * decides, is not want. */
static void expect_refund(const char *const *texts, size_t n, bool want)
{
    for (size_t i = 0; i < n; i++) {
        if (rules_of(texts[i]).refund_demand != want)
            fail_msg("rules: %s refund demand: %s", want ? "no" : "a", texts[i]);
        if (tri(texts[i]).refund_demand != want)
            fail_msg("triage: %s refund demand: %s", want ? "no" : "a", texts[i]);
    }
}

/* The refund wording the guideline settles (issue 16's sixth round): money back under any of
 * its names and the way to it asked however it is phrased are the demand; a stated wait for a
 * refund is a status message, and swearing that only colours a policy question is no heat for
 * it. Each family with the near misses on the other side. */
static void test_triage_refund_wording_settled(void **state)
{
    (void)state;
    /* money back in any words, also as a bare verb with an amount */
    static const char *const named[] = {
        "Could I get a rebate on the last order?",
        "I'd like restitution of the money I paid.",
        "Reimburse the $120 please.",
        "Rebating $85 would settle it.",
        "I want refunds of my money for both tickets.",
        "Please compensate me for the cancelled class.",
    };
    expect_refund(named, N_OF(named), true);
    /* the way to it, with the knowing doubted ("I don't know how to…") */
    static const char *const howto[] = {
        "I don't know how to demand a rebate for the order.",
        "I don't know how to request a reimbursement.",
        "What do I need to do to ask for a restitution of my money?",
        "No idea how to get my money back for the course.",
        "I paid $80 for the lessons, how to receive a reimbursement?",
        "I'm trying to get rebates of the money I paid.",
    };
    expect_refund(howto, N_OF(howto), true);
    expect_words("I don't know how to request a reimbursement.", TK_REFUND_DEMAND,
                 "how to request a reimbursement");
    /* how-to wording about the status or the policy asks no money */
    static const char *const how_not[] = {
        "I don't know how to check the status of my refund.",
        "I don't know how to check your refund policy.",
        "How can I get information about your rebate policy?",
        "Will the council tax rebate change your fee?",
    };
    expect_refund(how_not, N_OF(how_not), false);
    /* a stated wait is a status message, with a swear word as a tic too */
    static const char *const waits[] = {
        "I expect a refund of $180.",
        "I expect a reimbursement of £60, has it been processed?",
        "I'm waiting for a compensation of $75.",
        "I am waiting for my damn refund of $40.",
        "I expect an f***ing rebate of $95",
        "Still expecting my refund of 50 euros.",
        "Awaiting the reimbursement of my deposit.",
    };
    expect_refund(waits, N_OF(waits), false);
    /* with a complaint about the work it is the demand; "expect" without the amount or the wait
     * is one too */
    static const char *const wait_demands[] = {
        "The prints arrived torn. I expect a refund of $180.",
        "The photos are blurry and I'm waiting for a reimbursement of £60.",
        "I expect the deposit back in full.",
        "I expect a refund.",
    };
    expect_refund(wait_demands, N_OF(wait_demands), true);
    /* policy questions by their conditions or time, also with swearing as a tic */
    static const char *const policy[] = {
        "Under which circumstances can I ask for a reimbursement?",
        "In what situation can I request my money back?",
        "check your damn money back guarantee",
        "where do i see ur bloody refund policy",
        "In which cases can I request a f***ing rebate?",
        "how long do refunds usually take, damn it",
        "Are refunds even possible for the course?",
    };
    expect_refund(policy, N_OF(policy), false);
    /* a policy question is the demand beside a complaint about the work or anger at the reader */
    static const char *const policy_demands[] = {
        "you lot are useless, what's your refund policy",
        "The prints arrived torn. In which cases can I ask for a refund?",
        "This is ridiculous. What's your refund policy?",
    };
    expect_refund(policy_demands, N_OF(policy_demands), true);
}

/* A plain report of a problem is hostility 0 by the rules however many problems it names; a
 * pointer to waiting or asking again makes it 1. */
static void test_triage_hostility_of_reports(void **state)
{
    (void)state;
    static const char *const plain[] = {
        "my card got declined",
        "I was charged twice, can you check?",
        "the link gives an error",
        "The invoice is wrong and the link gives an error, can you check?",
        "The contact form sends emails to spam and the gallery images load slowly.",
    };
    for (size_t i = 0; i < N_OF(plain); i++)
        if (rules_of(plain[i]).hostility != 0) fail_msg("not calm: %s", plain[i]);
    expect_words("The oven wasn't cleaned again.", TK_DISPLEASED, "wasn't cleaned again");
    expect_words("Second reminder about the accounts.", TK_DISPLEASED, "Second reminder");
    expect_words("I've asked three times now.", TK_DISPLEASED, "three times now");
    assert_int_equal(rules_of("The oven wasn't cleaned again.").hostility, 1);
    assert_int_equal(rules_of("Thanks again, see you next week.").counts[TK_DISPLEASED], 0);
    assert_int_equal(rules_of("I'm still not sure which font I prefer.").counts[TK_DISPLEASED], 0);
}

/* A plain report of a problem, with hedges and worry but no displeasure, is calm by the
 * guideline: no displeasure and no strong words found by the rules. */
static void test_triage_plain_problem_reports(void **state)
{
    (void)state;
    static const char *const plain[] = {
        "I have an issue with my payment.",
        "I'm having a problem registering on the site, can you help?",
        "I'm confused about which plan to choose.",
        "I'm a bit concerned the venue might be small, can we talk?",
        "I'm afraid I can't make Tuesday, could we move to Wednesday?",
        "To be honest I'm not sure which font I prefer.",
        "Sorry for the inconvenience, I sent the file twice.",
        "I really need the invoice by Friday for our accounts.",
        "I'm worried I entered my address incorrectly.",
        "I get an error message when I try to upload the files.",
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        triage_result r = tri(plain[i]);
        if (r.counts[TK_DISPLEASED] || r.counts[TK_HOSTILE] || r.counts[TK_PROFANITY])
            fail_msg("heat found in: %s", plain[i]);
    }
    assert_true(tri("I'm disappointed with the edits.").counts[TK_DISPLEASED] > 0);
    assert_true(tri("I'm not happy with the colours.").counts[TK_DISPLEASED] > 0);
}

/* The families of misses of issue 16: payment withheld through a third party, threats to tell
 * everyone, reviews in praise, a solicitor for paperwork, insults through "incompetent". */
static void test_triage_issue16_families(void **state)
{
    (void)state;
    static const char *const refusals[] = {
        "I've opened a case with PayPal.",
        "I have raised a dispute with my bank.",
        "You won't get a penny from us.",
        "We will only pay for the pages that were delivered.",
        "The balance is on hold until the snagging is done.",
        "Why should we pay the full amount for half a website?",
    };
    expect_flag(refusals, N_OF(refusals), F_REFUSAL, true);
    static const char *const part_payment[] = {
        "The package was for eight hours. You were there five. We'll pay for five.",
        "I'll pay for the sessions that actually happened.",
        "We will pay the agreed amount and nothing more.",
        "We are suspending the monthly licence payments until it is fixed.",
        "Our finance director has cancelled the direct debit.",
        "I have instructed our bank to recall the last payment.",
        "Not a kobo more until you deliver the pictures.",
        "Don't bother invoicing me.",
    };
    expect_flag(part_payment, N_OF(part_payment), F_REFUSAL, true);
    assert_false(tri("Not a single word back from you in two weeks.").payment_refusal);
    assert_false(
        tri("We'd like to discuss this before we settle the final invoice.").payment_refusal);
    assert_true(tri("I've opened a case with PayPal.").legal_threat);
    assert_true(tri("I'm going to tell everyone I know about this.").review_threat);
    assert_true(tri("I'll be letting all my followers know how you treated us.").review_threat);
    static const char *const tell_everyone[] = {
        "I'll be telling every parent in Year 9 to avoid you.",
        "Every bride in Leeds will know your name by Sunday.",
        "I'm warning every founder I know off you.",
        "If it's not fixed I will post in the residents group.",
        "I'm not going to keep quiet when people ask who I used.",
        "I have lodged a complaint with Fair Trading.",
        "I will be raising this with the AAT.",
        "Otherwise I will be raising a formal complaint with the Association.",
        "We will be informing the Institute about the quality of this work.",
        "I will be writing about this experience in our newsletter.",
        "Several parents have asked me about your classes. I'm going to answer them honestly.",
    };
    expect_flag(tell_everyone, N_OF(tell_everyone), F_REVIEW, true);
    assert_false(tri("I've been telling all my friends about you!").review_threat);
    assert_false(tri("Please raise the invoice with the AAT number on it.").counts[TK_SHOUTING]);
    static const char *const praise[] = {
        "I found you through your great reviews on Google.",
        "We left you a five star review last week!",
        "Your reviews were so good, that's why we hired you.",
    };
    expect_flag(praise, N_OF(praise), F_REVIEW, false);
    assert_false(tri("Could you send the paperwork to my solicitor?").legal_threat);
    assert_false(
        tri("My solicitor needs a copy of the signed contract for the lease.").legal_threat);
    assert_true(tri("I've passed this to my solicitor.").legal_threat);
    assert_true(tri("What an incompetent bunch.").abuse);
    assert_true(tri("Your team is an embarrassment.").abuse);
    assert_true(tri("Your support guy is useless.").abuse);
    assert_true(tri("Your so-called designer is an embarrassment to the profession.").abuse);
    assert_true(tri("You're an incompetent woman.").abuse);
    assert_true(tri("Ye're a crowd of chancers.").abuse);
    assert_false(tri("Your app is useless.").abuse);
    assert_false(tri("Your website is a joke.").abuse);
    assert_false(tri("My brother is a lawyer and he loved the portraits.").legal_threat);
    /* a relative who is a lawyer and has acted is a threat; the words are the step taken */
    expect_words("My brother is a lawyer and he's already drafting the letter.", TK_LEGAL_THREAT,
                 "drafting the letter");
    expect_words("My sister is a solicitor and she's written to you on our behalf.",
                 TK_LEGAL_THREAT, "to you on our behalf");
    /* a regulator counts when the dispute is taken to it, not when it is named */
    assert_false(tri("Please raise the invoice with the AAT number on it.").review_threat);
    assert_false(tri("I'm ACCA qualified, by the way.").review_threat);
    expect_words("I will be raising this with the AAT.", TK_REVIEW_THREAT, "with the AAT");
    expect_words("I'll complain to ICAEW.", TK_REVIEW_THREAT, "complain to ICAEW");
    assert_false(tri("We've booked court 3 for the tournament.").legal_threat);
    assert_false(tri("I was an idiot to pay upfront.").abuse);
    assert_false(tri("Fix it by Friday or lose the account.").abuse);
    /* silence said with the negator first, lateness and scope said other ways */
    static const struct {
        const char *text;
        unsigned kind;
    } complaints[] = {
        {"You lot won't even pick up the phone now.", COMPLAINT_COMMUNICATION},
        {"Every email gets \"tonight!\" and then nothing.", COMPLAINT_COMMUNICATION},
        {"Thirty-one days, zero replies.", COMPLAINT_COMMUNICATION},
        {"I had to find out from my accountant.", COMPLAINT_COMMUNICATION},
        {"You finished a week later than you said.", COMPLAINT_DEADLINE},
        {"The translation arrived two days after my appointment.", COMPLAINT_DEADLINE},
        {"You said it'd be ready last Friday.", COMPLAINT_DEADLINE},
        {"I never approved the rug.", COMPLAINT_SCOPE},
        {"At no point did I agree to your logo on my film.", COMPLAINT_SCOPE},
    };
    for (size_t i = 0; i < N_OF(complaints); i++)
        if (!(tri(complaints[i].text).complaints & complaints[i].kind))
            fail_msg("no %s complaint: %s", complaint_name(complaints[i].kind), complaints[i].text);
    triage_result r = tri("I'm not happy with the colours and nobody answered my calls.");
    assert_true(r.complaints & COMPLAINT_COMMUNICATION);
    assert_true(r.counts[TK_DISPLEASED] > 0);
}

/* False findings seen by hand: "still have no" is lateness, not a quality fault; asking where
 * a deliverable is goes with the lateness unless the message disputes the scope. */
/* Fails naming the first of texts[0..n) whose flag f by the rules alone is not want. */
static void expect_rule_flag(const char *const *texts, size_t n, int f, bool want)
{
    for (size_t i = 0; i < n; i++) {
        triage_result r = rules_of(texts[i]);
        if (flag_of(&r, f) != want)
            fail_msg("rules: %s flag %d: %s", want ? "no" : "unwanted", f, texts[i]);
    }
}

/* Round seven's refund families (cross-validated misses and false alarms of the tuning set):
 * money for a cost the work caused, money back and smaller prices in more words, a refund the
 * negator of a threatening condition cancelled; beside them the texting-style status questions,
 * thanks for a refund and the near misses that share their words. */
static void test_triage_round7_refund(void **state)
{
    (void)state;
    static const char *const demands[] = {
        "The skip scraped my car on the drive. Could you cover that?",
        "Your man flooded the utility room and I want the plumber's bill covered.",
        "The late filing was on your side, so we'd ask your firm to bear the penalty.",
        "The fine came because you missed the date. You're paying it, not me.",
        "We'll be looking to recover the late fees from you.",
        "I hold you responsible for the costs of the second survey.",
        "Given half the evening was missing, I want back the £300 for the extra hours.",
        "Could I get the £35 postage back? I picked the frame up myself.",
        "Please return part of the fee, the second day never happened.",
        "Please give back the advance, you never started.",
        "The colours were wrong on every page, so I think a bit off the final invoice is fair.",
        "Could you take something off this month's statement for the missed visits?",
        "We'd appreciate a partial credit for the rework our team had to do.",
        "Moving abroad so can't finish the course, could I get a pro rata refund for the rest?",
        "Half the slides were wrong. I want at least half of that back.",
        "I'd like the £90 for the cancelled classes back.",
        "The direct debit went out after I'd cancelled. Can that payment be reversed?",
        "If the deposit isn't refunded by Monday I'll be filing a small claim.",
        "If that money isn't back in my account by Friday, everyone in the school group will hear "
        "about it.",
    };
    expect_rule_flag(demands, N_OF(demands), F_REFUND, true);
    static const char *const not_demands[] = {
        "Can you cover the christening on the 14th as well?",
        "Does the package fee cover the travel to the venue?",
        "Thanks so much for knocking the £40 off, very kind.",
        "Really appreciate the discount on the banners, they looked great.",
        "Our landlord gave us the whole deposit back, the flat was spotless!",
        "You still owe us the lesson from last week, when can we do it?",
        "I need you to come back and finish the skirting.",
        "The second mock-up looks a little off to me, can we talk?",
        "Can I have back the spare keys when you're done?",
        "I'm not asking for a refund, but if it isn't fixed this week I'll see you in court.",
        "We moved here back in March and love the garden.",
        "Just wondering, does it come back to my card or stay as credit?",
    };
    expect_rule_flag(not_demands, N_OF(not_demands), F_REFUND, false);
    /* where a refund has got to, or one that has arrived, in a calm message: no demand, calm */
    static const char *const status[] = {
        "hey the refund for the cancelled yoga block, did it go out?",
        "did the reimbursement for the train tickets go thru yet",
        "refund on the way then? cheers",
        "the refund for the lamp I sent back, did you send it already?",
        "Was the refund for the parking sorted in the end?",
        "This is my second message about the refund for the cancelled tour.",
        "Thank you so much for the refund, it arrived today.",
        "Thanks for refunding the booking fee so quickly.",
        "I can see the refund in my account now, thanks.",
        "I requested a refund for the cancelled session on the 2nd, any news?",
    };
    for (size_t i = 0; i < N_OF(status); i++) {
        triage_result r = rules_of(status[i]);
        if (r.refund_demand) fail_msg("refund demand: %s", status[i]);
        assert_int_equal(r.hostility, 0);
    }
    /* a policy question about a plan not yet bought is no demand */
    static const char *const policy[] = {
        "If we sign up for the year and stop after three months, can we get money back?",
        "If the course isnt right for my son after the first month can I get my money back?",
        "Is that refunded if the class is cancelled for snow?",
    };
    expect_rule_flag(policy, N_OF(policy), F_REFUND, false);
}

/* Round six's families of missed threats, refusals and insults (cross-validated false
 * negatives of the tuning set), each beside the near miss that uses the same words. */
/* The root cause is one of the complaints the message lists, and "other" exactly when it lists
 * none, whatever the fitted scores of each: a reader never sees "root cause: scope" beside an
 * empty complaint list. */
static void test_triage_root_is_a_complaint(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "At no point did I agree to your logo on my film.",
        "The cake was dry, it came two hours late and nobody answered the phone.",
        "You charged us for three visits and only two happened.",
        "Thanks for the lovely photos, see you next year!",
        "Where is my refund?",
        "I never approved the rug and the invoice is wrong.",
        "hello???",
        "",
    };
    for (size_t i = 0; i < N_OF(texts); i++) {
        triage_result r = tri(texts[i]);
        if (r.root_cause == ROOT_OTHER) {
            if (r.complaints) fail_msg("root other beside complaints: %s", texts[i]);
        } else if (!(r.complaints & (1u << r.root_cause))) {
            fail_msg("root cause not among the complaints: %s", texts[i]);
        }
    }
    assert_int_equal(tri("At no point did I agree to your logo on my film.").root_cause,
                     ROOT_SCOPE);
    assert_int_equal(tri("Thanks for the lovely photos, see you next year!").complaints, 0);
}

static void test_triage_round6_families(void **state)
{
    (void)state;
    static const char *const held[] = {
        "We are going to hold this month's fee until the payroll comes through correct.",
        "I'm going to hang on to the last instalment until the bookings are behaving.",
        "Consider the £400 I'm keeping back as your contribution to the repair.",
        "Kindly note the final 30% will be released only after these points are closed.",
        "The rest follows when it works, ok?",
        "Our finance team have been told not to pay anything further on this account.",
        "Not one more cent.",
        "You'll move them at your own cost or you won't see the rest of your money.",
        "With that in mind we'll be paying £400 rather than the £550 we agreed.",
        "We will pay the invoice less £640.",
        "Consider the deposit full and final settlement.",
        "We're not comfortable paying for the balloons.",
        "I don't think I should be paying for October's hours.",
        "I have therefore deducted £180 from your account.",
        "I've had to pay for them to be redone, so I've taken that off your invoice.",
        "Expect the penalty to come off your fee.",
        "You've invoiced the templates separately. I'm paying the £900 and that's the end of it.",
        "We'll pay for the brand guidelines as quoted and that's where it stops.",
        "I'll pay for the two sockets I booked you for and that's my lot.",
        "Finance have been told to put your account on stop.",
        "Six months for an eight week project. We're done paying milestone invoices.",
        "Why on earth should I pay you £900 for a tax return that HMRC has just rejected?",
        "We'll pay what we consider fair for that, which is not the full quote.",
    };
    expect_rule_flag(held, N_OF(held), F_REFUSAL, true);
    static const char *const paying[] = {
        "I'm happy to pay the final invoice once it's fixed.",
        "Can we charge back the cost of the extra chairs to the venue?",
        "Mate you took £800 off me for a mix that clips all over the chorus.",
        "I don't think we should pay the full £480, would you knock something off?",
        "Could you leave the final edits until Monday?",
        "Not one more word about the colours, they're perfect.",
        "We'll be paying half now and half on delivery, as agreed.",
        "Once we're done paying for the wedding we'll book you for the christening.",
        "Before I pay for anything, could you send the invoice to our office address?",
        "That's the end of it from me, thanks for all your help!",
    };
    expect_rule_flag(paying, N_OF(paying), F_REFUSAL, false);
    static const char *const banks[] = {
        "I'm disputing the £950 with Barclays tomorrow.",
        "Asked Monzo to block the payment.",
        "I've claimed the payments back from my bank.",
        "I've reported the transaction to my bank as not as described.",
        "Stop charging my card. One more charge and I'm getting the bank involved.",
        "Had the bank pull back the £2k I sent you last week.",
        "I will dispute the full $7,800 with American Express.",
    };
    expect_rule_flag(banks, N_OF(banks), F_REFUSAL, true);
    expect_rule_flag(banks, N_OF(banks), F_LEGAL, true);
    static const char *const formal[] = {
        "If this is not accepted by 5pm we will issue proceedings without further notice.",
        "Failing repayment we shall instruct counsel to recover the deposit.",
        "We will be sending you legal notice through our advocate.",
        "Otherwise we will be forced to approach the District Consumer Forum.",
        "Finish it by Labor Day or I'll let a judge decide who owes who what.",
        "Please be advised that I have retained counsel regarding the contract.",
    };
    expect_rule_flag(formal, N_OF(formal), F_LEGAL, true);
    static const char *const not_legal[] = {
        "Our general counsel needs the signed contract by Friday.",
        "The judges at the county show loved the cake.",
        "I checked with my bank and the payment went through.",
    };
    expect_rule_flag(not_legal, N_OF(not_legal), F_LEGAL, false);
    static const char *const flat[] = {
        "Your support agent was a moron, told me to reinstall and I lost everything.",
        "Sir, your teacher is totally incompetent, my son is correcting her in class.",
        "Ms Achterberg, you are frankly the laziest tutor we have ever paid.",
        "you're honestly the most useless sound guy I've ever worked with",
        "Eight weeks of watching you scroll your phone. Joke of a trainer, honestly.",
        "The sound cut out twice. Amateurs, the lot of you.",
        "You horrible woman, my cat came home with a cut on her leg.",
        "Your so-called designer has sent us a logo with our name spelt wrong.",
        "Twice now your lot haven't turned up. Lazy useless lot.",
    };
    expect_rule_flag(flat, N_OF(flat), F_ABUSE, true);
    static const char *const not_abuse[] = {
        "The food was fine but your staff were rude to my guests.",
        "The so-called final version still has the old logo on it.",
        "You're the most helpful designer we've ever worked with.",
        "Thanks to the lot of you for a brilliant night!",
        "The app is useless on my phone, can you look at it?",
    };
    expect_rule_flag(not_abuse, N_OF(not_abuse), F_ABUSE, false);
    static const char *const told[] = {
        "The food was cold and your crew arrived an hour late. I will be raising this with the "
        "events office who recommended you to us.",
        "Five emails, no answer. I'll be letting my whole coworking space know how you treat "
        "clients.",
        "You've charged for rights we never asked for. I'm warning the other authors in my "
        "writers' group.",
        "hi again, the zine launch is Saturday and I have no cover. if it's not here by Thursday "
        "night everyone at the launch is hearing about it",
        "The hedge is shaved bare and the birds had a nest in it. Some want to report you to the "
        "council.",
        "The electrician left wires hanging out of the ceiling. I've made an appointment with "
        "NICEIC to report it.",
        "leak's back. posting this on the village fb page tonight",
        "THREE MONTHS for a patio that's already sinking!!! I'm putting this EVERYWHERE.",
    };
    expect_rule_flag(told, N_OF(told), F_REVIEW, true);
    static const char *const not_told[] = {
        "The venue that recommended you says hello! Are you free on the 9th?",
        "Could you let the other parents know the class has moved to Thursday?",
        "Could you let the whole team know the new start time?",
        "I've reported you to the police.",
        "Just to warn you, the parking at the venue is tight.",
    };
    expect_rule_flag(not_told, N_OF(not_told), F_REVIEW, false);
}

/* Round seven (branch review): veiled and indirect review threats — a post in a group in more
 * words, a body by a longer name or none of "the", a circle told exactly, the referrer and its
 * list in a message that complains, a threat held back with its own "not" — and what stays
 * none: praise, a calm mention, "I won't be recommending you", "I'd never leave a bad review". */
static void test_triage_round7_review(void **state)
{
    (void)state;
    static const char *const stated[] = {
        "Fix the leak by Friday or I'm posting the photos in the Harbourside owners group.",
        "The cake collapsed. I've put the whole sorry story on my status.",
        "Word will get round the estate soon enough, I promise you.",
        "I'm reporting the company to the National Association of Funeral Directors.",
        "If the boiler isn't working tomorrow I'm reporting it to Ofsted and the council.",
        "I hope I won't need to raise this with the Law Society, but I will.",
        "Please don't make me post the screenshots everywhere.",
        "Every landlord in my network will hear what your cleaners left behind.",
        "I'll be telling the folks at the allotment exactly who to avoid.",
        "I'm not going to lie for you when the neighbours ask.",
        "A complaint to the Chartered Institute of Plumbing will follow on Monday.",
    };
    expect_rule_flag(stated, N_OF(stated), F_REVIEW, true);
    /* in a message that complains, the referrer, its list and the circle are the threat */
    static const char *const veiled[] = {
        "The bouquets arrived damaged. We found you through the Elmbridge wedding fair and they "
        "ask "
        "every couple for feedback.",
        "The site is broken and nobody replies. You're on the chamber's preferred suppliers list, "
        "which is how we chose you.",
        "Still no invoice correction after three emails. I run the traders' association "
        "newsletter, just so you know.",
        "The hedge was left in a terrible state. I'd love to keep saying nice things about "
        "you at the residents' meeting.",
        "The tiles are the wrong colour. Honestly, the other owners deserve to know.",
    };
    expect_rule_flag(veiled, N_OF(veiled), F_REVIEW, true);
    static const char *const calm[] = {
        "We found you through the Elmbridge wedding fair, could you quote for June?",
        "You're on the chamber's preferred suppliers list, which is how we chose you. Lovely work!",
        "I'll be telling all my friends about you!",
        "Thanks, I won't be recommending you again, but the invoice is paid.",
        "I'd never leave a bad review, don't worry, the delay was fine.",
        "My sister left you a glowing review on Google last year.",
        "Could you share the draft in our Slack channel before Friday?",
        "I read the reviews on Trustpilot before booking.",
    };
    expect_rule_flag(calm, N_OF(calm), F_REVIEW, false);
    expect_flag(calm, N_OF(calm), F_REVIEW, false);
}

static void test_triage_where_and_still(void **state)
{
    (void)state;
    triage_result r = tri("we still have no album");
    assert_false(r.complaints & COMPLAINT_QUALITY);
    r = tri("Where are the files? They are two weeks late.");
    assert_int_equal(r.root_cause, ROOT_MISSED_DEADLINE);
    assert_false(r.complaints & COMPLAINT_SCOPE);
    r = tri("The files are two weeks late.");
    assert_int_equal(r.root_cause, ROOT_MISSED_DEADLINE);
    r = tri("Where are the other three pages? The contract says five pages.");
    assert_int_equal(r.root_cause, ROOT_SCOPE);
    assert_true(tri("The PDF still has the old logo.").complaints & COMPLAINT_QUALITY);
}

static void test_triage_legal_variants(void **state)
{
    (void)state;
    assert_true(tri("I will file a chargeback with my bank.").legal_threat);
    assert_true(tri("See you in small claims court.").legal_threat);
    assert_true(tri("I'm disputing the payment with PayPal.").legal_threat);
    assert_true(tri("I'll be reporting you to Trading Standards.").review_threat);
    assert_true(tri("I want a discount on the final invoice.").refund_demand);
}

static void test_triage_intensity(void **state)
{
    (void)state;
    triage_result r = tri("This is ABSOLUTELY UNACCEPTABLE!!!");
    assert_true(r.counts[TK_SHOUTING] > 0);
    assert_true(r.counts[TK_EXCLAMATION] > 0);
    assert_true(r.hostility >= 2);
    r = tri("Please send the PDF and the URL by email.");
    assert_int_equal(r.counts[TK_SHOUTING], 0);
}

/* Rudeness without a rude word: the rules find the words, and the fitted hostility score puts
 * each sentence above a civil way of asking the same thing, at displeased or above. Whether it
 * reaches "angry" (2) is the model's ordinal decision, judged on the corpus (make eval), not
 * pinned sentence by sentence here: one short sentence's level moves with every retraining, its
 * order against a civil twin should not. */
static void test_triage_rudeness(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"Seriously? The files are still not here.", "The files are not here yet."},
        {"Are you kidding me? For the last time, do your job.",
         "Could you take another look at this, please?"},
        {"Thanks for nothing.", "Thanks for your help."},
        {"How hard can it be to send a PDF?", "Could you send the PDF, please?"},
        {"Is it too much to ask for a reply?", "Could you reply when you have a moment?"},
        {"I shouldn't have to chase you for this.", "Just checking in on this."},
        {"What is wrong with you people?", "What went wrong here?"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        triage_result rude = tri(pairs[i][0]), civil = tri(pairs[i][1]);
        if (rude.counts[TK_HOSTILE] < 1) fail_msg("no hostile words found: %s", pairs[i][0]);
        if (!(rude.hostility_score > civil.hostility_score))
            fail_msg("%s (%.3f) not above %s (%.3f)", pairs[i][0], rude.hostility_score,
                     pairs[i][1], civil.hostility_score);
        if (rude.hostility < 1 || rude.hostility < civil.hostility)
            fail_msg("%s: level %d, %s: level %d", pairs[i][0], rude.hostility, pairs[i][1],
                     civil.hostility);
    }
    assert_true(tri("Fix it now.").hostility >= 1);
    assert_true(tri("Where are the files??").hostility >= 1);
    /* "seriously" in its calm sense, and a polite request with "now": the rules find nothing,
     * and the model reads them calm, all but one exactly */
    static const char *const calm[] = {
        "We take your feedback seriously, thank you.",
        "We are seriously considering a second project with you.",
        "Please send it now if you can, thanks.",
        "Could you send the invoice now? Thanks.",
    };
    size_t exactly = 0;
    for (size_t i = 0; i < sizeof calm / sizeof calm[0]; i++) {
        triage_result r = tri(calm[i]);
        if (r.counts[TK_INTENSIFIER] || r.counts[TK_HOSTILE] || r.counts[TK_DISPLEASED] ||
            r.hostility > 1)
            fail_msg("not calm: %s", calm[i]);
        exactly += r.hostility == 0;
    }
    assert_true(exactly + 1 >= sizeof calm / sizeof calm[0]);
    /* a retort counts only as a sentence of its own, right before its question mark */
    assert_int_equal(tri("Are we seriously going with blue? Lovely, thanks.").counts[TK_HOSTILE],
                     0);
}

static void test_curly_apostrophes_and_inflections(void **state)
{
    (void)state;
    assert_false(tri("I\xE2\x80\x99m not going to sue.").legal_threat);
    tone_result r = tone("I\xE2\x80\x99m sorry I missed the deadline.");
    assert_true(strong(&r, TS_UNCONDITIONAL_APOLOGY));
    r = tone("I apologise for the delay, but the courier was late.");
    assert_true(fired(&r, TR_APOLOGY_BUT));
    r = tone("We apologized for the delay, however the courier was late.");
    assert_true(fired(&r, TR_APOLOGY_BUT));
    r = tone("My apologies, although to be fair it was raining.");
    assert_true(fired(&r, TR_APOLOGY_BUT));
    assert_true(tri("They cancelled and I want my money refunded.").refund_demand);
}

static void test_conditional_apology(void **state)
{
    (void)state;
    const char *bad[] = {"Sorry if the colours were off.", "I'm sorry you feel that way.",
                         "Sorry for any inconvenience caused.", "Sorry to hear that.",
                         "I regret that you were unhappy."};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tone_result r = tone(bad[i]);
        assert_true(fired(&r, TR_CONDITIONAL_APOLOGY));
        assert_false(strong(&r, TS_UNCONDITIONAL_APOLOGY));
        assert_true(r.errors >= 1);
    }
}

static void test_blame_is_not_self_directed(void **state)
{
    (void)state;
    tone_result r = tone("As I said, you should have sent the copy earlier.");
    assert_true(fired(&r, TR_BLAME_SHIFTING));
    r = tone("There were errors I should have caught before sending.");
    assert_false(fired(&r, TR_BLAME_SHIFTING));
    r = tone("Per my last email, the files are attached.");
    assert_true(fired(&r, TR_BLAME_SHIFTING));
}

static void test_dismissive_just(void **state)
{
    (void)state;
    tone_result r = tone("It's just a small typo. Obviously we can fix it.");
    assert_true(fired(&r, TR_DISMISSIVE));
    r = tone("I have just sent the corrected files.");
    assert_false(fired(&r, TR_DISMISSIVE));
    r = tone("Please calm down.");
    assert_true(fired(&r, TR_DISMISSIVE));
}

static void test_passive_and_vague(void **state)
{
    (void)state;
    tone_result r = tone("Mistakes were made. The invoice was sent to the wrong address.");
    assert_true(fired(&r, TR_PASSIVE_RESPONSIBILITY));
    r = tone("We'll look into it and get back to you soon.");
    assert_true(fired(&r, TR_VAGUE_COMMITMENT));
    assert_int_equal(r.warnings, r.ndiags);
    r = tone("I will send the corrected files by Friday at 4pm.");
    assert_false(fired(&r, TR_VAGUE_COMMITMENT));
    assert_true(strong(&r, TS_SPECIFIC_COMMITMENT));
}

static void test_shouting(void **state)
{
    (void)state;
    tone_result r = tone("The files are ATTACHED!!");
    assert_true(fired(&r, TR_SHOUTING));
    r = tone("I'll send the PDF ASAP via the CMS.");
    assert_false(fired(&r, TR_SHOUTING));
}

static void test_strengths(void **state)
{
    (void)state;
    tone_result r = tone("I understand how frustrating it is to find that out at the print "
                         "shop. You asked for CMYK files and I sent RGB. I'm sorry.");
    assert_true(strong(&r, TS_ACKNOWLEDGES_FEELINGS));
    assert_true(strong(&r, TS_RESTATES_CONCERN));
    assert_true(strong(&r, TS_UNCONDITIONAL_APOLOGY));
}

static void test_positions(void **state)
{
    (void)state;
    tone_result r = tone("Hello,\n\xC3\xA9t\xC3\xA9 soon.");
    assert_int_equal(r.ndiags, 1);
    assert_int_equal(r.diags[0].line, 2);
    assert_int_equal(r.diags[0].column, 5); /* characters, not bytes */
    assert_int_equal(r.diags[0].start, 13);
    assert_int_equal(r.diags[0].end, 17);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    triage_result t;
    tone_result r;
    rd_err *e = triage_message("message.txt", "bad \xC3\x28 byte", 10, &t);
    assert_non_null(e);
    assert_int_equal(e->code, RD_INVALID);
    assert_non_null(strstr(e->msg, "message.txt"));
    rd_err_free(e);
    e = tone_check("draft.txt", "\xFF", 1, &r);
    assert_non_null(e);
    rd_err_free(e);
}

static void test_empty_and_nul(void **state)
{
    (void)state;
    triage_result t;
    tone_result r;
    assert_null(triage_message("t", "", 0, &t));
    assert_int_equal(t.hostility, 0);
    assert_int_equal(t.root_cause, ROOT_OTHER);
    assert_null(tone_check("t", "", 0, &r));
    assert_int_equal(r.ndiags, 0);
    const char nul[] = "sorry if\0you should have";
    assert_null(tone_check("t", nul, sizeof nul - 1, &r));
    assert_true(fired(&r, TR_CONDITIONAL_APOLOGY));
    assert_true(fired(&r, TR_BLAME_SHIFTING));
}

static void test_huge_inputs(void **state)
{
    (void)state;
    size_t n = 1000000;
    char *bangs = malloc(n);
    memset(bangs, '!', n);
    triage_result t;
    tone_result r;
    assert_null(triage_message("t", bangs, n, &t));
    assert_int_equal(t.counts[TK_EXCLAMATION], 1);
    assert_null(tone_check("t", bangs, n, &r));
    assert_int_equal(r.ndiags, 1);
    free(bangs);
    /* 50 MB on one line, a phrase repeating: findings capped, counts exact */
    const char *unit = "you should have ";
    size_t ul = strlen(unit), reps = (50u << 20) / ul;
    char *big = malloc(reps * ul);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * ul, unit, ul);
    assert_null(tone_check("t", big, reps * ul, &r));
    assert_int_equal(r.ndiags, ANALYZE_MAX_FINDINGS);
    assert_int_equal((size_t)r.errors, reps);
    assert_int_equal(r.dropped, reps - ANALYZE_MAX_FINDINGS);
    assert_null(triage_message("t", big, reps * ul, &t));
    free(big);
}

static void test_spellings(void **state)
{
    (void)state;
    const char *plain[] = {"I apologise for the delay.", "I apologize for the delay.",
                           "We apologised straight away.", "My apologies for the delay."};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        tone_result r = tone(plain[i]);
        assert_true(strong(&r, TS_UNCONDITIONAL_APOLOGY));
    }
    assert_true(tri("The colours are wrong and the order was cancelled.").complaints &
                COMPLAINT_QUALITY);
    assert_true(tri("The colors are wrong and the order was canceled.").complaints &
                COMPLAINT_QUALITY);
    tone_result r = tone("I\xE2\x80\x99ll have the prints to you by Thursday at noon.");
    assert_true(strong(&r, TS_SPECIFIC_COMMITMENT));
}

static void test_exceptions_look_one_word_ahead(void **state)
{
    (void)state;
    assert_false(tri("Can we move the review meeting to Thursday?").review_threat);
    assert_true(tri("I will leave a review on Google.").review_threat);
    assert_false(tri("Why is there a late fee on my invoice?").complaints & COMPLAINT_DEADLINE);
    assert_true(tri("The photos are three weeks late.").complaints & COMPLAINT_DEADLINE);
    assert_false(tri("We ate at the food court.").legal_threat);
}

static void test_negation_stops_at_new_subject(void **state)
{
    (void)state;
    assert_true(tri("If it is not returned I'm taking you to small claims.").legal_threat);
    assert_false(tri("I am not going to take you to small claims.").legal_threat);
}

static void test_passive_names_nobody(void **state)
{
    (void)state;
    tone_result r = tone("The files were deleted during the migration.");
    assert_true(fired(&r, TR_PASSIVE_RESPONSIBILITY));
    r = tone("I was told the wrong date.");
    assert_false(fired(&r, TR_PASSIVE_RESPONSIBILITY));
    r = tone("The files were deleted by me during the migration.");
    assert_false(fired(&r, TR_PASSIVE_RESPONSIBILITY));
    r = tone("You were supposed to send them.");
    assert_false(fired(&r, TR_PASSIVE_RESPONSIBILITY));
}

static void *triage_many(void *arg)
{
    const char *msg = arg;
    for (int i = 0; i < 2000; i++) {
        triage_result r;
        tone_result t;
        if (triage_message("t", msg, strlen(msg), &r) || !r.legal_threat) return (void *)1;
        if (tone_check("t", msg, strlen(msg), &t) || t.errors != 1) return (void *)1;
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    const char *msg = "As I said, my lawyer will be in touch about the late files!!";
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&th[i], NULL, triage_many, (void *)msg), 0);
    for (int i = 0; i < 4; i++) {
        void *ret;
        assert_int_equal(pthread_join(th[i], &ret), 0);
        assert_null(ret);
    }
}

static void test_json_shape(void **state)
{
    (void)state;
    const char *msg = "My lawyer will call. I want a refund for the late delivery.";
    triage_result t = tri(msg);
    json_t *j = triage_json(&t, msg);
    const char *keys[] = {"hostility",     "abuse",         "legal_threat",
                          "review_threat", "refund_demand", "payment_refusal",
                          "complaints",    "root_cause",    "findings"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_non_null(json_object_get(j, keys[i]));
    assert_true(json_is_true(json_object_get(j, "legal_threat")));
    json_t *f = json_array_get(json_object_get(j, "findings"), 0);
    assert_non_null(json_object_get(f, "kind"));
    assert_non_null(json_object_get(f, "text"));
    json_decref(j);
    const char *draft = "Sorry if it was late.";
    tone_result r = tone(draft);
    j = tone_json(&r, draft);
    assert_int_equal(json_integer_value(json_object_get(j, "errors")), 1);
    json_t *d = json_array_get(json_object_get(j, "diagnostics"), 0);
    assert_string_equal(json_string_value(json_object_get(d, "rule")), "conditional-apology");
    assert_string_equal(json_string_value(json_object_get(d, "severity")), "error");
    assert_int_equal(json_integer_value(json_object_get(d, "column")), 1);
    json_decref(j);
}

/* The model's decision rule on made-up scores: a rule's finding stands unless the model's
 * probability falls under lo, a miss stands unless it reaches hi; hostility is the highest
 * ordinal threshold whose probability reaches its cut-off. */
static void test_model_decide(void **state)
{
    (void)state;
    float lo[MO_COUNT], hi[MO_COUNT], s[MO_COUNT];
    for (int o = 0; o < MO_COUNT; o++)
        lo[o] = 0.2f, hi[o] = 0.8f, s[o] = 0;
    lo[MO_HOST1] = lo[MO_HOST2] = lo[MO_HOST3] = 0.5f;
    analyze_model md = {0};
    md.lo = lo, md.hi = hi;
    triage_result r;
    memset(&r, 0, sizeof r);
    r.legal_threat = r.review_threat = true;
    s[MO_LEGAL] = -3;  /* p 0.05: under lo, the rules' finding is dropped */
    s[MO_REVIEW] = -1; /* p 0.27: the finding stands */
    s[MO_REFUND] = 2;  /* p 0.88: past hi, the miss becomes a finding */
    s[MO_PAYREF] = 1;  /* p 0.73: not past hi, the miss stands */
    s[MO_HOST1] = 3, s[MO_HOST2] = 1, s[MO_HOST3] = -1;
    s[MO_ROOT + ROOT_SCOPE] = 2;
    float x[MODEL_DENSE] = {0};
    triage_result shortmsg = r, mid = r, status = r;
    model_decide(&md, s, x, model_flag_min_words(MO_REFUND) - 1, &shortmsg);
    model_decide(&md, s, x, model_flag_min_words(MO_REFUND), &mid);
    model_decide(&md, s, x, MODEL_FLAG_MIN_WORDS, &r);
    /* a plain refund status question is calm whatever its words score */
    x[MODEL_DENSE_PLAIN_STATUS] = 1;
    model_decide(&md, s, x, MODEL_FLAG_MIN_WORDS, &status);
    assert_int_equal(status.hostility, 0);
    /* a short message keeps the rules' flags (the refund demand from 10 words is the model's);
     * its hostility and root cause are the model's */
    assert_true(shortmsg.legal_threat && shortmsg.review_threat);
    assert_false(shortmsg.refund_demand || shortmsg.payment_refusal);
    assert_true(mid.legal_threat && mid.review_threat && mid.refund_demand);
    assert_int_equal(shortmsg.hostility, 2);
    assert_false(r.legal_threat);
    assert_true(r.review_threat);
    assert_true(r.refund_demand);
    assert_false(r.payment_refusal);
    assert_int_equal(r.hostility, 2);
    assert_true(r.hostility_score > 0.6f && r.hostility_score < 0.7f);
    assert_int_equal(r.root_cause, ROOT_SCOPE);
    assert_true(fabsf(r.flag_score[2] - 0.2689f) < 0.001f);
}

/* A pointer to waiting or asking again is a cue of its own (frames.lex), and a refund status
 * question without one, heat, complaint or demand is a plain one: a chase is told from it. */
static void test_model_waiting(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int waiting;
        bool plain;
    } cases[] = {
        {"Any update on the refund you agreed last week?", 0, true},
        {"Has my refund been processed yet?", 0, true},
        {"This is my second email about the refund. Any update?", 1, false},
        {"4th time ive asked about the deposit refund, can you just send it", 1, false},
        {"when is my refund gonna come, its been over 2 wks now", 1, false},
        {"Sorry, I chased the refund you agreed last week as well. Any news?", 1, false},
        {"I'm still waiting for the refund, and I've emailed three times already.", 2, false},
        {"Where is my refund? The photos were blurry and half were missing.", 0, false},
        {"Thanks again for the lovely cake, we'll book you again.", 0, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t h[256];
        size_t n;
        float dense[MODEL_DENSE];
        uint32_t ntok;
        triage_result r;
        triage_features(cases[i].text, strlen(cases[i].text), h, 256, &n, dense, &ntok, &r);
        float want = log1pf((float)cases[i].waiting);
        if (fabsf(dense[MODEL_DENSE_WAITING] - want) > 1e-4f ||
            (dense[MODEL_DENSE_PLAIN_STATUS] > 0) != cases[i].plain)
            fail_msg("\"%s\": waiting %.3f (want %.3f), plain status %.0f", cases[i].text,
                     (double)dense[MODEL_DENSE_WAITING], (double)want,
                     (double)dense[MODEL_DENSE_PLAIN_STATUS]);
    }
}

/* The features: each word, the pair with the word before in the same sentence, and the first
 * sentence's words again as lead words. */
static void test_model_features(void **state)
{
    (void)state;
    uint32_t h[64];
    size_t n;
    float dense[MODEL_DENSE];
    uint32_t ntok;
    triage_result r;
    const char *text = "Files late. Files late again.";
    triage_features(text, strlen(text), h, 64, &n, dense, &ntok, &r);
    assert_int_equal(ntok, 5);
    assert_int_equal(n, 2 + 2 + 1 + 3 + 2); /* words, lead words, pair; words, pairs */
    /* the first sentence's "files" and the second's are one feature; its lead word another */
    int same = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            same += h[i] == h[j];
    assert_int_equal(same, 3); /* files, late, and the pair "files late" */
    /* a finding a negator cancels is no finding, but a feature of its own */
    const char *neg = "I will not be leaving a review.";
    triage_features(neg, strlen(neg), h, 64, &n, dense, &ntok, &r);
    assert_false(r.review_threat);
    float plain[MODEL_DENSE];
    const char *pos = "I will be leaving a review.";
    triage_features(pos, strlen(pos), h, 64, &n, plain, &ntok, &r);
    assert_true(r.review_threat);
    assert_memory_not_equal(dense, plain, sizeof dense);
    /* a sentence with an ultimatum counts its words again, as words inside one */
    const char *ult = "Files late unless paid.", *calm = "Files late once paid.";
    size_t n_calm;
    triage_features(calm, strlen(calm), h, 64, &n_calm, dense, &ntok, &r);
    triage_features(ult, strlen(ult), h, 64, &n, dense, &ntok, &r);
    assert_int_equal(n_calm, 4 + 4 + 3); /* words, lead words, pairs */
    assert_int_equal(n, n_calm + 4);
}

/* A review mentioned while the message praises, with no complaint, heat or other threat, is
 * no threat by the rules; in an ultimatum, or beside a complaint, it still is. */
static void test_triage_review_in_praise(void **state)
{
    (void)state;
    assert_false(rules_of("Thank you so much, the photos are perfect! I'll be telling everyone "
                          "about you.")
                     .review_threat);
    assert_false(
        rules_of("We loved the cake. I will leave a review on Google tomorrow.").review_threat);
    assert_true(rules_of("The photos are lovely, but if the album isn't here by Friday I'll leave "
                         "a review on Google.")
                    .review_threat);
    assert_true(rules_of("Thanks for the quick reply. The album is still late, so I will leave "
                         "a review on Google.")
                    .review_threat);
    assert_true(rules_of("I will leave a review on Google.").review_threat);
    /* "please" is no praise, nor is a number of stars */
    assert_true(
        rules_of("Please leave me alone, I will post a one star review on Google.").review_threat);
    assert_true(rules_of("Leave me alone, I will post a 1 star review on Google.").review_threat);
}

/* A threat or demand counts by the frame it stands in: a condition or ultimatum in the same
 * sentence, or praise; a negated one in an ultimatum still counts there. */
static void test_model_frames(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int frame, kind; /* kind: 0 legal, 1 review, 2 refund, 3 refusal */
        bool in;         /* a finding of the kind stands in the frame */
    } cases[] = {
        {"If it's not fixed by Monday I'll be leaving a review on Google.", FRAME_ULTIMATUM, 1, 1},
        {"Fix it this week or I'll see you in small claims court.", FRAME_ULTIMATUM, 0, 1},
        {"If you don't refund me by Friday, my next step is the bank.", FRAME_ULTIMATUM, 2, 1},
        {"I'll be leaving a review on Google.", FRAME_ULTIMATUM, 1, 0},
        {"You were brilliant, I'll leave a review on Trustpilot.", FRAME_PRAISE, 1, 1},
        {"I'll leave a review on Trustpilot. You were brilliant.", FRAME_PRAISE, 1, 0},
        {"I'm not happy, so I will leave a review on Google.", FRAME_PRAISE, 1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t h[256];
        size_t n;
        float dense[MODEL_DENSE];
        uint32_t ntok;
        triage_result r;
        triage_features(cases[i].text, strlen(cases[i].text), h, 256, &n, dense, &ntok, &r);
        float got = dense[MODEL_DENSE_FRAMES + cases[i].frame * FRAME_KINDS + cases[i].kind];
        if ((got > 0) != cases[i].in)
            fail_msg("\"%s\": frame %d of kind %d is %.3f, want %s", cases[i].text, cases[i].frame,
                     cases[i].kind, (double)got, cases[i].in ? "> 0" : "0");
    }
}

/* The abuse flag's score reads the abuse cue: among texts the rules find no abuse or swearing
 * in, the more abusive the language reads to the cue, the higher the score (so it ranks
 * language the email corpus never showed, such as the tweets of make eval-external). */
static void test_model_abuse_score_follows_the_cue(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Thanks for the photos, they look lovely.",
        "The invoice is wrong again, please fix it.",
        "this is trash and so are you lot",
        "shut up you stupid cow",
        "what a load of garbage from a bunch of morons",
        "Could you call me tomorrow about the deposit?",
    };
    const size_t n = sizeof texts / sizeof texts[0];
    triage_result r[sizeof texts / sizeof texts[0]];
    for (size_t i = 0; i < n; i++)
        r[i] = tri(texts[i]);
    int compared = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            if (r[i].counts[TK_ABUSE] || r[i].counts[TK_PROFANITY] || r[j].counts[TK_ABUSE] ||
                r[j].counts[TK_PROFANITY] || !(r[i].abuse_cue > r[j].abuse_cue + 0.01f))
                continue;
            compared++;
            if (!(r[i].flag_score[0] > r[j].flag_score[0]))
                fail_msg("cue %.3f > %.3f but abuse score %.3f <= %.3f: \"%s\" / \"%s\"",
                         (double)r[i].abuse_cue, (double)r[j].abuse_cue, (double)r[i].flag_score[0],
                         (double)r[j].flag_score[0], texts[i], texts[j]);
        }
    assert_true(compared >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data_parses),
        cmocka_unit_test(test_lexgen_rejects_traps),
        cmocka_unit_test(test_lexgen_question_kinds),
        cmocka_unit_test(test_triage_flags),
        cmocka_unit_test(test_triage_negation),
        cmocka_unit_test(test_triage_swearing_is_not_abuse),
        cmocka_unit_test(test_triage_insults_at_a_person),
        cmocka_unit_test(test_triage_refund_questions),
        cmocka_unit_test(test_triage_short_support_messages),
        cmocka_unit_test(test_triage_refund_question_kinds),
        cmocka_unit_test(test_triage_refund_wording_settled),
        cmocka_unit_test(test_triage_hostility_of_reports),
        cmocka_unit_test(test_triage_plain_problem_reports),
        cmocka_unit_test(test_triage_issue16_families),
        cmocka_unit_test(test_triage_round6_families),
        cmocka_unit_test(test_triage_root_is_a_complaint),
        cmocka_unit_test(test_triage_round7_review),
        cmocka_unit_test(test_triage_round7_refund),
        cmocka_unit_test(test_triage_where_and_still),
        cmocka_unit_test(test_triage_legal_variants),
        cmocka_unit_test(test_triage_intensity),
        cmocka_unit_test(test_triage_rudeness),
        cmocka_unit_test(test_curly_apostrophes_and_inflections),
        cmocka_unit_test(test_conditional_apology),
        cmocka_unit_test(test_blame_is_not_self_directed),
        cmocka_unit_test(test_dismissive_just),
        cmocka_unit_test(test_passive_and_vague),
        cmocka_unit_test(test_shouting),
        cmocka_unit_test(test_strengths),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_empty_and_nul),
        cmocka_unit_test(test_huge_inputs),
        cmocka_unit_test(test_spellings),
        cmocka_unit_test(test_exceptions_look_one_word_ahead),
        cmocka_unit_test(test_negation_stops_at_new_subject),
        cmocka_unit_test(test_passive_names_nobody),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_json_shape),
        cmocka_unit_test(test_model_decide),
        cmocka_unit_test(test_triage_review_in_praise),
        cmocka_unit_test(test_model_features),
        cmocka_unit_test(test_model_frames),
        cmocka_unit_test(test_model_waiting),
        cmocka_unit_test(test_model_abuse_score_follows_the_cue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
