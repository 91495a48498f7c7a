/* eval_external.c — runs the analyzer over labelled text nobody on the team wrote (see
 * ../shared/text-eval-data/README.md) and reports what it shows: abuse and hostility by
 * Davidson class (hate / offensive / neither), hostility and tone findings by politeness
 * quartile (Stanford Politeness Corpus), and the flags by customer-support intent (Bitext).
 * Optional (`make eval-external`): never part of `make check`, and nothing is tuned to it.
 * The last line is the headline with the floors of issue 16 (politeness AUC of the hostility
 * score, Davidson abuse recall at <= 5% false positives, Bitext refund-demand rates and
 * hostility on neutral intents); the exit code is 1 when a floor is missed.
 * Usage: eval_external DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "corpus.h"

#define MAX_SCORES 8192

/* What the headline line needs, gathered by the three readers below. */
static struct {
    float polite[MAX_SCORES], impolite[MAX_SCORES]; /* hostility scores by quartile */
    int npolite, nimpolite;
    float neither[MAX_SCORES], bad[MAX_SCORES];         /* Davidson abuse scores */
    float cue_neither[MAX_SCORES], cue_bad[MAX_SCORES]; /* the abuse cue alone */
    int nneither, nbad;
    int refund_get[2], refund_policy[2], refund_track[2]; /* flagged, rows */
    int neutral_hostile[2];
} g;

/* P(a random x from a scores above a random y from b), ties half. */
static double auc(const float *a, int na, const float *b, int nb)
{
    double wins = 0;
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            wins += a[i] > b[j] ? 1 : a[i] == b[j] ? 0.5 : 0;
    return na && nb ? wins / ((double)na * nb) : 0;
}

static int cmp_float_desc(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The share of pos scoring above the lowest threshold that lets at most max_fp of neg
 * through (scores strictly above the threshold count as flagged). */
static double recall_at_fp(float *pos, int npos, float *neg, int nneg, double max_fp)
{
    qsort(neg, (size_t)nneg, sizeof neg[0], cmp_float_desc);
    int allowed = (int)(max_fp * nneg);
    float thr = allowed < nneg ? neg[allowed] : -1; /* flag only what scores above it */
    int hit = 0;
    for (int i = 0; i < npos; i++)
        hit += pos[i] > thr;
    return npos ? (double)hit / npos : 0;
}

static char *load(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *data;
    rd_err *e = text_read(path, path, (size_t)64 << 20, &data, NULL);
    if (e) {
        fprintf(stderr, "eval-external: %s\n", e->msg);
        rd_err_free(e);
        return NULL;
    }
    return data;
}

static double pct(int a, int b)
{
    return b ? 100.0 * a / b : 0;
}

/* Davidson: class 0 hate, 1 offensive, 2 neither. */
static void davidson(const char *dir)
{
    char *data = load(dir, "davidson-offensive-sample.csv");
    if (!data) return;
    char *p = data;
    csv_rec h, r;
    csv_next(&p, &h);
    int ccls = csv_col(&h, "class"), ctext = csv_col(&h, "tweet");
    int n[3] = {0}, abuse[3] = {0}, swear[3] = {0}, hostile[3] = {0}, hsum[3] = {0};
    while (csv_next(&p, &r)) {
        if (ccls < 0 || ctext < 0 || r.n <= ctext) continue;
        int c = r.f[ccls][0] - '0';
        if (c < 0 || c > 2) continue;
        triage_result t;
        rd_err *e = triage_message("tweet", r.f[ctext], strlen(r.f[ctext]), &t);
        if (e) {
            rd_err_free(e);
            continue;
        }
        n[c]++;
        if (c == 2 && g.nneither < MAX_SCORES)
            g.cue_neither[g.nneither] = t.abuse_cue, g.neither[g.nneither++] = t.flag_score[0];
        if (c != 2 && g.nbad < MAX_SCORES)
            g.cue_bad[g.nbad] = t.abuse_cue, g.bad[g.nbad++] = t.flag_score[0];
        abuse[c] += t.abuse;
        swear[c] += t.counts[TK_PROFANITY] > 0;
        hostile[c] += t.hostility >= 2;
        hsum[c] += t.hostility;
    }
    static const char *const names[] = {"hate", "offensive", "neither"};
    printf("Davidson et al. tweets (%d rows)\n", n[0] + n[1] + n[2]);
    printf("  %-10s %6s %8s %10s %12s %14s\n", "class", "rows", "abuse%", "profane%",
           "hostility>=2", "mean hostility");
    for (int c = 0; c < 3; c++)
        printf("  %-10s %6d %7.1f%% %9.1f%% %11.1f%% %14.2f\n", names[c], n[c], pct(abuse[c], n[c]),
               pct(swear[c], n[c]), pct(hostile[c], n[c]), n[c] ? (double)hsum[c] / n[c] : 0);
    int flagged = abuse[0] + abuse[1], bad = n[0] + n[1];
    printf("  abuse recall on hate+offensive %.1f%%, false-positive rate on neither %.1f%%\n",
           pct(flagged, bad), pct(abuse[2], n[2]));
    printf("  the abuse cue alone (fitted on other Davidson rows): recall %.1f%% at <=5%% false "
           "positives on neither\n\n",
           100 * recall_at_fp(g.cue_bad, g.nbad, g.cue_neither, g.nneither, 0.05));
    free(data);
}

/* Stanford Politeness: label_quartile polite / neutral / impolite. */
static void politeness(const char *dir)
{
    char *data = load(dir, "politeness-wiki.csv");
    if (!data) return;
    char *p = data;
    csv_rec h, r;
    csv_next(&p, &h);
    int cq = csv_col(&h, "label_quartile"), ctext = csv_col(&h, "request");
    static const char *const q[] = {"polite", "neutral", "impolite"};
    int n[3] = {0}, hsum[3] = {0}, h1[3] = {0}, diag[3] = {0}, dism[3] = {0}, blame[3] = {0};
    while (csv_next(&p, &r)) {
        if (cq < 0 || ctext < 0 || r.n <= cq) continue;
        int k = -1;
        for (int i = 0; i < 3; i++)
            if (strcmp(r.f[cq], q[i]) == 0) k = i;
        if (k < 0) continue;
        triage_result t;
        tone_result tr;
        size_t len = strlen(r.f[ctext]);
        rd_err *e = triage_message("request", r.f[ctext], len, &t);
        if (!e) e = tone_check("request", r.f[ctext], len, &tr);
        if (e) {
            rd_err_free(e);
            continue;
        }
        n[k]++;
        if (k == 0 && g.npolite < MAX_SCORES) g.polite[g.npolite++] = t.hostility_score;
        if (k == 2 && g.nimpolite < MAX_SCORES) g.impolite[g.nimpolite++] = t.hostility_score;
        hsum[k] += t.hostility;
        h1[k] += t.hostility >= 1;
        diag[k] += tr.errors + tr.warnings > 0;
        for (size_t i = 0; i < tr.ndiags; i++) {
            dism[k] += tr.diags[i].rule == TR_DISMISSIVE;
            blame[k] += tr.diags[i].rule == TR_BLAME_SHIFTING;
        }
    }
    printf("Stanford Politeness Corpus, Wikipedia requests (%d rows)\n", n[0] + n[1] + n[2]);
    printf("  %-9s %6s %14s %13s %15s %11s %9s\n", "quartile", "rows", "mean hostility",
           "hostility>=1", "any tone issue", "dismissive", "blame");
    for (int k = 0; k < 3; k++)
        printf("  %-9s %6d %14.3f %12.1f%% %14.1f%% %11d %9d\n", q[k], n[k],
               n[k] ? (double)hsum[k] / n[k] : 0, pct(h1[k], n[k]), pct(diag[k], n[k]), dism[k],
               blame[k]);
    printf("\n");
    free(data);
}

typedef struct intent_stat {
    char name[40];
    int n, refund, billing, deadline, hostile, abuse, review, legal;
} intent_stat;

/* Bitext customer-support utterances: flags by intent, abuse by the W (offensive) tag. */
static void bitext(const char *dir)
{
    char *data = load(dir, "bitext-cs-utterances.csv");
    if (!data) return;
    char *p = data;
    csv_rec h, r;
    csv_next(&p, &h);
    int ci = csv_col(&h, "intent"), ctext = csv_col(&h, "instruction"), ctags = csv_col(&h, "tags");
    static intent_stat st[64];
    int nst = 0, w = 0, w_abuse = 0, w_host = 0, nw = 0, nw_abuse = 0;
    while (csv_next(&p, &r)) {
        if (ci < 0 || ctext < 0 || ctags < 0 || r.n <= ctags) continue;
        intent_stat *s = NULL;
        for (int i = 0; i < nst; i++)
            if (strcmp(st[i].name, r.f[ci]) == 0) s = &st[i];
        if (!s && nst < 64) {
            s = &st[nst++];
            snprintf(s->name, sizeof s->name, "%s", r.f[ci]);
        }
        triage_result t;
        rd_err *e = triage_message("utterance", r.f[ctext], strlen(r.f[ctext]), &t);
        if (e || !s) {
            rd_err_free(e);
            continue;
        }
        s->n++;
        s->refund += t.refund_demand;
        s->billing += (t.complaints & COMPLAINT_BILLING) != 0;
        s->deadline += (t.complaints & COMPLAINT_DEADLINE) != 0;
        s->hostile += t.hostility >= 1;
        s->abuse += t.abuse;
        s->review += t.review_threat;
        s->legal += t.legal_threat;
        bool offensive = strchr(r.f[ctags], 'W') != NULL;
        int *rate = strcmp(s->name, "get_refund") == 0            ? g.refund_get
                    : strcmp(s->name, "check_refund_policy") == 0 ? g.refund_policy
                    : strcmp(s->name, "track_refund") == 0        ? g.refund_track
                                                                  : NULL;
        if (rate) rate[0] += t.refund_demand, rate[1]++;
        /* neutral: an intent that is not itself a complaint, a review or a refund request (a
         * polite request for a refund is "displeased but civil", level 1, by the labelling
         * guideline in docs/analyzer.md), in inoffensive words */
        if (!offensive && strcmp(s->name, "complaint") != 0 && strcmp(s->name, "review") != 0 &&
            strcmp(s->name, "get_refund") != 0)
            g.neutral_hostile[0] += t.hostility >= 1, g.neutral_hostile[1]++;
        w += offensive, nw += !offensive;
        w_abuse += offensive && t.abuse, nw_abuse += !offensive && t.abuse;
        w_host += offensive && t.hostility >= 1;
    }
    printf("Bitext customer-support utterances, %% of rows flagged, by intent\n");
    printf("  %-26s %5s %7s %8s %9s %9s %7s %7s %7s\n", "intent", "rows", "refund", "billing",
           "deadline", "hostile", "abuse", "review", "legal");
    for (int i = 0; i < nst; i++) {
        const intent_stat *s = &st[i];
        printf("  %-26s %5d %6.0f%% %7.0f%% %8.0f%% %8.0f%% %6.0f%% %6.0f%% %6.0f%%\n", s->name,
               s->n, pct(s->refund, s->n), pct(s->billing, s->n), pct(s->deadline, s->n),
               pct(s->hostile, s->n), pct(s->abuse, s->n), pct(s->review, s->n),
               pct(s->legal, s->n));
    }
    printf("  tag W (offensive language): %d rows, abuse %.1f%%, hostility>=1 %.1f%%; other rows: "
           "abuse %.1f%%\n",
           w, pct(w_abuse, w), pct(w_host, w), pct(nw_abuse, nw));
    free(data);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: eval_external DIR\n");
        return 2;
    }
    davidson(argv[1]);
    politeness(argv[1]);
    bitext(argv[1]);
    double pa = auc(g.impolite, g.nimpolite, g.polite, g.npolite);
    double dr = recall_at_fp(g.bad, g.nbad, g.neither, g.nneither, 0.05);
    double rg = pct(g.refund_get[0], g.refund_get[1]);
    double rp = pct(g.refund_policy[0], g.refund_policy[1]);
    double rt = pct(g.refund_track[0], g.refund_track[1]);
    double nh = pct(g.neutral_hostile[0], g.neutral_hostile[1]);
    const bool ok[] = {pa >= 0.75, dr >= 0.80, rg >= 80, rp <= 10, rt <= 10, nh <= 5};
    int missed = 0;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        missed += !ok[i];
    printf(
        "\nexternal: politeness AUC %.3f%s (>=0.75) | davidson abuse recall %.1f%%%s at <=5%% FP "
        "(>=80%%) | bitext refund demand: get_refund %.0f%%%s (>=80%%), check_refund_policy "
        "%.0f%%%s (<=10%%), track_refund %.0f%%%s (<=10%%) | neutral intents (all but complaint, "
        "review, get_refund) hostility>=1 "
        "%.1f%%%s (<=5%%) | %d floor%s missed\n",
        pa, ok[0] ? "" : "!", 100 * dr, ok[1] ? "" : "!", rg, ok[2] ? "" : "!", rp,
        ok[3] ? "" : "!", rt, ok[4] ? "" : "!", nh, ok[5] ? "" : "!", missed,
        missed == 1 ? "" : "s");
    return missed ? 1 : 0;
}
