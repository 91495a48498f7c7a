/* eval_external.c — runs the analyzer over labelled text nobody on the team wrote (see
 * ../shared/text-eval-data/README.md) and reports what it shows: abuse and hostility by
 * Davidson class (hate / offensive / neither), hostility and tone findings by politeness
 * quartile (Stanford Politeness Corpus), and the flags by customer-support intent (Bitext).
 * Optional (`make eval-external`): never part of `make check`, and nothing is tuned to it.
 * Usage: eval_external DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

#define MAX_FIELDS 16

/* One CSV record: fields point into the buffer, unquoted in place. */
typedef struct csv_row {
    char *f[MAX_FIELDS];
    int n;
} csv_row;

/* Parses the record starting at *p (RFC 4180 quoting); returns false at end of data. */
static bool csv_next(char **p, csv_row *row)
{
    char *s = *p;
    if (!*s) return false;
    row->n = 0;
    for (;;) {
        char *out = s, *start = s;
        if (*s == '"') {
            s++;
            for (; *s; s++) {
                if (*s == '"' && s[1] == '"') {
                    *out++ = '"', s++;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    *out++ = *s;
                }
            }
        } else {
            while (*s && *s != ',' && *s != '\n' && *s != '\r')
                *out++ = *s++;
        }
        char end = *s;
        if (end) s++; /* past the terminator, before the NUL below may overwrite it */
        *out = '\0';
        if (row->n < MAX_FIELDS) row->f[row->n++] = start;
        if (end == ',') continue;
        while (*s == '\r' || *s == '\n')
            s++;
        *p = s;
        return true;
    }
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

static int col(const csv_row *header, const char *name)
{
    for (int i = 0; i < header->n; i++)
        if (strcmp(header->f[i], name) == 0) return i;
    return -1;
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
    csv_row h, r;
    csv_next(&p, &h);
    int ccls = col(&h, "class"), ctext = col(&h, "tweet");
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
    printf("  abuse recall on hate+offensive %.1f%%, false-positive rate on neither %.1f%%\n\n",
           pct(flagged, bad), pct(abuse[2], n[2]));
    free(data);
}

/* Stanford Politeness: label_quartile polite / neutral / impolite. */
static void politeness(const char *dir)
{
    char *data = load(dir, "politeness-wiki.csv");
    if (!data) return;
    char *p = data;
    csv_row h, r;
    csv_next(&p, &h);
    int cq = col(&h, "label_quartile"), ctext = col(&h, "request");
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
    csv_row h, r;
    csv_next(&p, &h);
    int ci = col(&h, "intent"), ctext = col(&h, "instruction"), ctags = col(&h, "tags");
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
    return 0;
}
