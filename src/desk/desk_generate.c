/* desk_generate.c — a large, realistic desk for measuring (`redress demo --cases N`, make
 * bench-desk). Everything goes through the ordinary desk operations — validation, playbook
 * guards, triage of incoming words, audit entries and both hash chains — so what it builds is what
 * years of use would leave behind. Only the clock is simulated (time_set_now): it walks from three years
 * ago to forty days ago, case by case, and the operations are grouped into one transaction per
 * twenty clients (savepoints keep each operation all-or-nothing).
 *
 * Per client, ten cases, one project and five invoices (four paid, one overdue). Of the cases,
 * about 85% reach an agreed restatement, 70% an offer, 63% agreed commitments, 50% a follow-up
 * (40% held) and 30% are closed with a lesson; the rest stop along the way. Those received more
 * than half a year before the end were closed when the client went quiet (an audited override);
 * the recent ones stay open with commitments and follow-ups now overdue, and 5% of them have a
 * reply drafted and not sent. Each case has about eleven log entries. A fixed seed gives the
 * same desk. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CASES_PER_CLIENT 10
#define CASES_PER_BATCH  200 /* one transaction: a multiple of CASES_PER_CLIENT */
#define LOG_PER_CASE     11
#define DAY              86400

typedef struct gen {
    rd_desk *d;
    uint64_t rng;     /* xorshift64 state */
    int64_t clock;    /* simulated now, Unix seconds */
    int64_t settled;  /* cases received before this were closed one way or another */
    char client[24];  /* the current client id, as typed */
    char project[24]; /* the current project id */
} gen;

static uint64_t next_rand(gen *g)
{
    g->rng ^= g->rng << 13;
    g->rng ^= g->rng >> 7;
    g->rng ^= g->rng << 17;
    return g->rng;
}

/* A whole number in [0, n). */
static unsigned pick(gen *g, unsigned n)
{
    return (unsigned)(next_rand(g) % n);
}

/* Moves the simulated clock to t (time_set_now, which desk_now and desk_today read; setenv
 * would keep every value it was ever given, a kilobyte a case). */
static void set_clock(gen *g, int64_t t)
{
    g->clock = t;
    time_set_now(t);
}

static void date_at(int64_t t, rd_timestr out)
{
    time_date(t, out);
}

static const char *const first_names[] = {"Ada",   "Bruno", "Chloé", "Dev",   "Elena", "Farid",
                                          "Grace", "Hiro",  "Ines",  "Jonas", "Kemi",  "Lars",
                                          "Maya",  "Nikos", "Olga",  "Priya", NULL};
static const char *const surnames[] = {"Okafor", "Lindqvist", "Moreau",  "Tanaka",   "Haddad",
                                       "Novak",  "Fernandes", "O'Brien", "Kowalski", "Rossi",
                                       "Nguyen", "Schmidt",   NULL};
static const char *const trades[] = {"Bakery",    "Studio",     "Consulting", "Events",
                                     "Analytics", "Architects", NULL};
static const char *const projects[] = {"Brand refresh",       "Website rebuild",
                                       "Product photography", "Annual report layout",
                                       "Event film",          NULL};

/* What clients write: the first words open the case, the rest arrive later. Some are hostile or
 * threaten, as real desks see, so triage raises flags on a share of the cases. */
static const char *const complaints[] = {
    "The files arrived late and two of the pages still have the old prices. We launch on Monday "
    "and I expected better. Can you fix this before Friday?",
    "The colours in the final print look nothing like the proofs we approved. Please tell me "
    "how you will put this right.",
    "We agreed on five pages and the invoice charges for seven. I would like a corrected invoice "
    "before we pay the balance.",
    "It has been three weeks since the deadline and we still have nothing. You never answer my "
    "calls. If I do not hear from you by Monday I will leave a review.",
    "This is unacceptable. If the album is not delivered this week my lawyer will be in touch "
    "and I will dispute the payment with my bank.",
    "Thanks for the update, but the revised layout still misses the section we asked for twice.",
    NULL};
static const char *const incoming[] = {
    "Any news on the fix? We are waiting on it to go ahead.",
    "I had another look and the second page is also wrong.",
    "Thank you, that is clearer now. When can we expect the new files?",
    "Seriously? This is the third time I have to ask.",
    "Got it, thanks. I will check with my team and come back to you.",
    NULL};
static const char *const outgoing[] = {
    "Thank you for your patience. The corrected files will be with you by Thursday.",
    "I have checked the proofs against the print and you are right; I am sorry for the trouble.",
    "Here is the updated version with the missing section added. Please tell me what you think.",
    "I will call you tomorrow morning to go through the changes together.", NULL};

static size_t count(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

static const char *any(gen *g, const char *const *list)
{
    return list[pick(g, (unsigned)count(list))];
}

static rd_err *log_message(gen *g, const char *case_id, bool in)
{
    int64_t id;
    desk_log_input l = {g->client,
                        case_id,
                        in ? "in" : "out",
                        "email",
                        NULL,
                        in ? "Re: your project" : "Re: your message",
                        in ? any(g, incoming) : any(g, outgoing)};
    return desk_log_add(g->d, &l, &id);
}

/* A client with one project and five invoices, as of the clock. */
static rd_err *new_client(gen *g, int64_t n)
{
    char name[96], company[96], email[96];
    snprintf(name, sizeof name, "%s %s", first_names[n % count(first_names)],
             surnames[(n / count(first_names)) % count(surnames)]);
    snprintf(company, sizeof company, "%s %s %lld", surnames[n % count(surnames)],
             trades[n % count(trades)], (long long)n);
    snprintf(email, sizeof email, "client%lld@example.org", (long long)n);
    desk_client_input c = {
        .name = name, .email = email, .phone = "+44 20 7946 0000", .company = company};
    int64_t id;
    rd_err *e = desk_client_add(g->d, &c, &id);
    if (e) return e;
    snprintf(g->client, sizeof g->client, "%lld", (long long)id);
    desk_project_input p = {g->client,
                            any(g, projects),
                            "Design and delivery as quoted",
                            "Print-ready files and a handover call",
                            NULL,
                            "4,800.00",
                            "EUR",
                            "30",
                            "2",
                            "250.00"};
    if ((e = desk_project_add(g->d, &p, &id))) return e;
    snprintf(g->project, sizeof g->project, "%lld", (long long)id);

    /* Issued 120, 90, 60, 45 and 30 days ago; the one of 45 days ago is unpaid and overdue. */
    static const int issued_days[] = {120, 90, 60, 45, 30};
    for (int i = 0; i < 5 && !e; i++) {
        rd_timestr issued, paid, number;
        date_at(g->clock - issued_days[i] * DAY, issued);
        snprintf(number, sizeof number, "%lld-%d", (long long)n, i + 1);
        desk_invoice_input inv = {g->project, number, "960.00", issued, NULL};
        int64_t inv_id, pay_id;
        e = desk_invoice_add(g->d, &inv, &inv_id);
        if (e || i == 3) continue;
        char inv_text[24];
        snprintf(inv_text, sizeof inv_text, "%lld", (long long)inv_id);
        date_at(g->clock - (issued_days[i] - 20) * DAY, paid);
        desk_payment_input pay = {inv_text, "960.00", paid};
        e = desk_invoice_pay(g->d, &pay, &pay_id);
    }
    return e;
}

/* Commitments done, follow-up held, feedback given and the case closed with its lesson. */
static rd_err *follow_through(gen *g, int64_t case_id, json_t *made, unsigned fate)
{
    int64_t followup = 0, lesson;
    rd_err *e = NULL;
    size_t i;
    json_t *m;
    set_clock(g, g->clock + 8 * DAY);
    json_array_foreach(made, i, m)
    {
        if (!e) e = desk_commitment_done(g->d, desk_ji(m, "id"), NULL, &followup);
    }
    if (e || fate >= 40 || !followup) return e; /* 40-49: the follow-up is still to be held */
    set_clock(g, g->clock + 4 * DAY);
    e = desk_followup_done(g->d, followup, "The client is happy with the fix.", NULL);
    char case_text[24];
    snprintf(case_text, sizeof case_text, "%lld", (long long)case_id);
    int64_t fb;
    if (!e) e = desk_feedback_record(g->d, case_id, fate % 2 ? "4" : "5", NULL, NULL, &fb);
    if (e || fate >= 30) return e;
    desk_close_input close = {"The proofs were not checked against the print.",
                              "Print a proof on the client's paper before delivery.",
                              fate % 3 ? "yes" : "no"};
    return desk_case_close(g->d, case_id, &close, NULL, &lesson);
}

/* One case from complaint as far as fate (0-99) takes it, with its log. */
static rd_err *one_case(gen *g, int64_t t)
{
    unsigned fate = pick(g, 100);
    int logs = 1;
    set_clock(g, t);
    const char *words = any(g, complaints);
    desk_case_input in = {g->client, g->project, "email", NULL, words};
    int64_t case_id, id;
    rd_err *e = desk_case_open(g->d, &in, &case_id);
    char case_text[24];
    snprintf(case_text, sizeof case_text, "%lld", (long long)case_id);
    desk_concern_input concern = {"The delivery did not match what was agreed.", NULL, NULL};
    set_clock(g, g->clock + 3600);
    if (!e) e = desk_concern_add(g->d, case_id, &concern, NULL, &id);
    set_clock(g, g->clock + 3600);
    if (!e)
        e = desk_case_acknowledge(g->d, case_id,
                                  "Thank you for telling me. I am sorry the delivery let you down;"
                                  " I am looking into it now.",
                                  NULL, NULL, &id);
    logs++;
    if (!e && fate < 85) {
        char *draft = NULL;
        set_clock(g, g->clock + DAY);
        json_t *agreed = NULL;
        e = desk_case_cause(g->d, case_id, "quality", "Proofs not checked", NULL, &agreed);
        json_decref(agreed);
        if (!e)
            e = desk_case_want(g->d, case_id, "corrected files", "launch on time", NULL, &draft);
        free(draft);
        draft = NULL;
        logs++;
        set_clock(g, g->clock + DAY);
        if (!e) e = desk_case_confirm(g->d, case_id, "client", NULL, NULL, &draft);
        free(draft);
    }
    json_t *made = NULL, *report = NULL;
    if (!e && fate < 70) {
        rd_timestr due;
        set_clock(g, g->clock + DAY);
        date_at(g->clock + 10 * DAY, due);
        char opt1[64], opt2[64];
        snprintf(opt1, sizeof opt1, "redo:Corrected files:%s", due);
        snprintf(opt2, sizeof opt2, "discount:10%%:%s", due);
        const char *options[] = {opt1, opt2};
        desk_offer_input offer = {options, 2, NULL, 0};
        int64_t offer_id;
        e = desk_offer_make(g->d, case_id, &offer, NULL, &report, &offer_id);
        logs++;
        set_clock(g, g->clock + DAY);
        if (!e && fate < 63) e = desk_offer_choose(g->d, offer_id, "1", NULL, &made);
    }
    for (int i = 0; !e && logs < LOG_PER_CASE; i++, logs++) {
        set_clock(g, g->clock + 7200);
        e = log_message(g, case_text, i % 2 == 0);
    }
    if (!e && made && fate < 50) e = follow_through(g, case_id, made, fate);
    if (!e && fate >= 30 && t < g->settled) { /* long ago, the client went quiet: closed */
        int64_t lesson;
        desk_close_input close = {"The client stopped answering before the fix was agreed.",
                                  "Call after two unanswered emails.", "no"};
        set_clock(g, g->clock + 30 * DAY);
        e = desk_case_close(g->d, case_id, &close, "the client went quiet", &lesson);
    }
    if (!e && fate >= 95 && t >= g->settled) { /* a reply drafted and not sent yet */
        desk_draft_input draft = {case_text, any(g, outgoing), "Re: your message", "email"};
        e = desk_draft_new(g->d, &draft, &id);
    }
    json_decref(made);
    json_decref(report);
    return e;
}

rd_err *desk_generate(rd_desk *d, int64_t ncases, uint64_t seed, desk_generate_fn progress,
                      void *ctx)
{
    if (ncases < 1 || ncases > 10000000)
        return rd_error(RD_INVALID, "cases: %lld is not between 1 and 10000000", (long long)ncases);
    int64_t end = time_now() - 40 * DAY, span = 3 * 365 * DAY;
    gen g = {d, seed ? seed : 0x9E3779B97F4A7C15u, 0, end - 180 * DAY, "", ""};
    int64_t start = end - span;
    rd_err *e = NULL;
    for (int64_t k = 0; !e && k < ncases; k += CASES_PER_CLIENT) {
        int64_t t = start + (int64_t)((double)span * (double)k / (double)ncases);
        int64_t done = k + CASES_PER_CLIENT < ncases ? k + CASES_PER_CLIENT : ncases;
        /* the search index takes each batch's words in one statement at its end */
        if (k % CASES_PER_BATCH == 0 && (e = store_batch_begin(d->st))) break;
        if (k % CASES_PER_BATCH == 0 && (e = store_search_defer(d->st))) {
            e = store_batch_end(d->st, e);
            break;
        }
        set_clock(&g, t);
        e = new_client(&g, k / CASES_PER_CLIENT);
        for (int64_t i = k; !e && i < done; i++)
            e = one_case(&g, start + (int64_t)((double)span * (double)i / (double)ncases));
        if (e || done % CASES_PER_BATCH == 0 || done == ncases) e = store_batch_end(d->st, e);
        if (!e && progress) progress(ctx, done);
    }
    time_set_now(0);
    return e;
}
