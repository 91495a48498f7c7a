/* eval.c — measures the analyzer against the labelled corpus in tests/data/ (format in
 * tests/data/FORMAT.md): precision, recall and F1 for every triage flag, complaint kind, tone
 * rule and strength, hostility accuracy (exact and within one) and root-cause accuracy. Exits 1
 * when any per-label F1 is below the bar (--min-f1, default 0.85), so `make check` fails when a
 * change makes the analyzer worse. `eval -v LABEL FILES...` also lists the records it got wrong
 * for LABEL. Files whose names start with "drafts" hold draft replies; others client messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

enum { F_ABUSE, F_LEGAL, F_REVIEW, F_REFUND, F_PAYREF, F_FLAGS };
#define NLABELS (F_FLAGS + COMPLAINT_KINDS + TR_COUNT + TS_COUNT)

typedef struct score {
    int tp, fp, fn;
} score;

typedef struct eval {
    score s[NLABELS];
    char names[NLABELS][40];
    int messages, drafts, host_exact, host_near, root_ok;
    int host_confusion[4][4];
    const char *verbose; /* label whose errors to list, or NULL */
} eval;

static const char *const flag_names[F_FLAGS] = {"abuse", "legal_threat", "review_threat",
                                                "refund_demand", "payment_refusal"};

static void init_names(eval *ev)
{
    for (int i = 0; i < F_FLAGS; i++)
        snprintf(ev->names[i], sizeof ev->names[i], "%s", flag_names[i]);
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        snprintf(ev->names[F_FLAGS + i], sizeof ev->names[0], "complaint:%s",
                 complaint_name(1u << i));
    for (int i = 0; i < TR_COUNT; i++)
        snprintf(ev->names[F_FLAGS + COMPLAINT_KINDS + i], sizeof ev->names[0], "rule:%s",
                 tone_rule_name((tone_rule)i));
    for (int i = 0; i < TS_COUNT; i++)
        snprintf(ev->names[F_FLAGS + COMPLAINT_KINDS + TR_COUNT + i], sizeof ev->names[0],
                 "strength:%s", tone_strength_name((tone_strength)i));
}

static void tally(eval *ev, int label, bool want, bool got, const char *id)
{
    score *s = &ev->s[label];
    if (want && got) s->tp++;
    if (!want && got) s->fp++;
    if (want && !got) s->fn++;
    if (want != got && ev->verbose && strstr(ev->names[label], ev->verbose))
        printf("  %s %s: %s\n", want ? "missed" : "false ", ev->names[label], id);
}

/* The value of "key: value" among the label lines, or "" (pointer into a static copy). */
static const char *label_value(const char *labels, const char *key, char *out, size_t outlen)
{
    size_t k = strlen(key);
    out[0] = '\0';
    for (const char *p = labels; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > k && strncmp(p, key, k) == 0 && p[k] == ':') {
            const char *v = p + k + 1;
            while (*v == ' ')
                v++;
            size_t vl = (size_t)(p + n - v);
            if (vl >= outlen) vl = outlen - 1;
            memcpy(out, v, vl);
            out[vl] = '\0';
            return out;
        }
        p = nl ? nl + 1 : NULL;
    }
    return out;
}

static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) return true;
    return false;
}

static void eval_message(eval *ev, const char *id, const char *labels, const char *text, size_t len)
{
    char v[256];
    triage_result r;
    rd_err *e = triage_message(id, text, len, &r);
    if (e) {
        fprintf(stderr, "eval: %s\n", e->msg);
        rd_err_free(e);
        return;
    }
    ev->messages++;
    const bool got[F_FLAGS] = {r.abuse, r.legal_threat, r.review_threat, r.refund_demand,
                               r.payment_refusal};
    for (int i = 0; i < F_FLAGS; i++)
        tally(ev, i, strcmp(label_value(labels, flag_names[i], v, sizeof v), "yes") == 0, got[i],
              id);
    label_value(labels, "complaints", v, sizeof v);
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        tally(ev, F_FLAGS + i, has_word(v, complaint_name(1u << i)), r.complaints & (1u << i), id);
    label_value(labels, "hostility", v, sizeof v);
    int h = v[0] >= '0' && v[0] <= '3' ? v[0] - '0' : -1;
    ev->host_exact += h == r.hostility;
    ev->host_near += abs(h - r.hostility) <= 1;
    if (h >= 0 && h <= 3) ev->host_confusion[h][r.hostility]++;
    if (ev->verbose && strcmp(ev->verbose, "hostility") == 0 && h != r.hostility)
        printf("  hostility %s: want %d got %d\n", id, h, r.hostility);
    label_value(labels, "root_cause", v, sizeof v);
    ev->root_ok += strcmp(v, root_cause_name(r.root_cause)) == 0;
    if (ev->verbose && strcmp(ev->verbose, "root_cause") == 0 &&
        strcmp(v, root_cause_name(r.root_cause)) != 0)
        printf("  root_cause %s: want %s got %s\n", id, v, root_cause_name(r.root_cause));
}

static void eval_draft(eval *ev, const char *id, const char *labels, const char *text, size_t len)
{
    char rules[256], strengths[256];
    tone_result r;
    rd_err *e = tone_check(id, text, len, &r);
    if (e) {
        fprintf(stderr, "eval: %s\n", e->msg);
        rd_err_free(e);
        return;
    }
    ev->drafts++;
    label_value(labels, "rules", rules, sizeof rules);
    label_value(labels, "strengths", strengths, sizeof strengths);
    bool fired[TR_COUNT] = {false};
    for (size_t i = 0; i < r.ndiags; i++)
        fired[r.diags[i].rule] = true;
    for (int i = 0; i < TR_COUNT; i++)
        tally(ev, F_FLAGS + COMPLAINT_KINDS + i, has_word(rules, tone_rule_name((tone_rule)i)),
              fired[i], id);
    for (int i = 0; i < TS_COUNT; i++)
        tally(ev, F_FLAGS + COMPLAINT_KINDS + TR_COUNT + i,
              has_word(strengths, tone_strength_name((tone_strength)i)), r.strengths & (1u << i),
              id);
}

/* Walks the records of one corpus file: "=== id", label lines, "---", text. */
static void eval_file(eval *ev, const char *path)
{
    char *data;
    size_t len;
    rd_err *e = text_read(path, path, (size_t)64 << 20, &data, &len);
    if (e) {
        fprintf(stderr, "eval: %s\n", e->msg);
        rd_err_free(e);
        exit(2);
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    bool drafts = strncmp(base, "drafts", 6) == 0;
    char *p = strstr(data, "=== ");
    while (p) {
        char *next = strstr(p + 4, "\n=== ");
        if (next) *next = '\0';
        char *nl = strchr(p, '\n');
        char *sep = nl ? strstr(nl, "\n---\n") : NULL;
        if (nl && sep) {
            *nl = '\0';
            *sep = '\0';
            const char *id = p + 4, *labels = nl + 1;
            char *text = sep + 5;
            size_t tl = strlen(text);
            while (tl && (text[tl - 1] == '\n' || text[tl - 1] == ' '))
                tl--;
            text[tl] = '\0';
            if (drafts)
                eval_draft(ev, id, labels, text, tl);
            else
                eval_message(ev, id, labels, text, tl);
        }
        p = next ? next + 1 : NULL;
    }
    free(data);
}

static double ratio(int a, int b)
{
    return b ? (double)a / b : 1.0;
}

/* Prints the table; returns how many labels fall below min_f1. */
static int report(const eval *ev, double min_f1)
{
    int below = 0;
    printf("%-36s %5s %5s %5s %7s %7s %7s\n", "label", "tp", "fp", "fn", "prec", "recall", "f1");
    for (int i = 0; i < NLABELS; i++) {
        const score *s = &ev->s[i];
        double p = ratio(s->tp, s->tp + s->fp), r = ratio(s->tp, s->tp + s->fn);
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        bool low = f < min_f1;
        below += low;
        printf("%-36s %5d %5d %5d %7.3f %7.3f %7.3f%s\n", ev->names[i], s->tp, s->fp, s->fn, p, r,
               f, low ? "  < bar" : "");
    }
    printf("\nhostility: exact %.3f, within one %.3f (%d messages)\n",
           ratio(ev->host_exact, ev->messages), ratio(ev->host_near, ev->messages), ev->messages);
    printf("hostility confusion (rows labelled 0-3, columns predicted 0-3):\n");
    for (int i = 0; i < 4; i++)
        printf("  %d: %4d %4d %4d %4d\n", i, ev->host_confusion[i][0], ev->host_confusion[i][1],
               ev->host_confusion[i][2], ev->host_confusion[i][3]);
    printf("root cause: accuracy %.3f\n", ratio(ev->root_ok, ev->messages));
    printf("drafts: %d\n", ev->drafts);
    return below;
}

int main(int argc, char **argv)
{
    static eval ev;
    double min_f1 = 0.85;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (strcmp(argv[a], "-v") == 0 && a + 1 < argc)
            ev.verbose = argv[++a];
        else if (strcmp(argv[a], "--min-f1") == 0 && a + 1 < argc)
            min_f1 = strtod(argv[++a], NULL);
        else {
            fprintf(stderr, "usage: eval [-v LABEL] [--min-f1 X] FILE...\n");
            return 2;
        }
    }
    init_names(&ev);
    for (; a < argc; a++)
        eval_file(&ev, argv[a]);
    int below = report(&ev, min_f1);
    if (below) printf("\neval: %d label(s) below F1 %.2f\n", below, min_f1);
    return below ? 1 : 0;
}
