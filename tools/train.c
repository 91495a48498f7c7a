/* train.c — fits the analyzer's model at build time (see src/analyze/model.c and
 * docs/analyzer.md): L2-regularised logistic regression (LIBLINEAR) for every model output,
 * over word, word-pair and cue features that the analyzer itself extracts, trained on the
 * tuning set of tests/data only. It refuses the locked test set. The regularisation strength of
 * each output is chosen by 5-fold cross-validation (log-loss); folds are fixed by record order,
 * and LIBLINEAR's primal solver uses no randomness, so the same data gives the same weights.
 *
 *     train -o build/gen/analyze_model.c FILE...   writes the weights as C tables
 *     train --cv FILE...                           prints 5-fold cross-validated figures of the
 *                                                  fitted model beside the rules alone */
#include <linear.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze_int.h"
#include "corpus.h"
#include "util/util.h"

#define MAX_MSG  4096
#define FEAT_CAP (1 << 16) /* feature occurrences kept per message */
#define MIN_DF   2         /* a sparse feature must occur in this many messages */
#define FOLDS    5

static const double c_grid[] = {0.03, 0.1, 0.3, 1, 3, 10};
#define NC (sizeof c_grid / sizeof c_grid[0])

typedef struct msg {
    uint32_t *hash; /* distinct sparse feature hashes, ascending */
    float *count;   /* occurrences of each */
    size_t n;
    uint32_t ntok;
    float dense[MODEL_DENSE];
    signed char y[MO_COUNT]; /* 1 or 0 */
    triage_result rules;     /* the rules' verdicts alone */
    int host;                /* labelled hostility */
} msg;

static msg msgs[MAX_MSG];
static int nmsg;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void on_record(void *ctx, const char *id, const char *labels, const char *text, size_t len,
                      bool drafts)
{
    static uint32_t buf[FEAT_CAP];
    (void)ctx;
    if (drafts) return;
    if (nmsg == MAX_MSG) {
        fprintf(stderr, "train: more than %d messages\n", MAX_MSG);
        exit(2);
    }
    if (!scan_utf8_valid(text, len)) {
        fprintf(stderr, "train: %s: not UTF-8\n", id);
        exit(2);
    }
    msg *m = &msgs[nmsg++];
    size_t n;
    triage_features(text, len, buf, FEAT_CAP, &n, m->dense, &m->ntok, &m->rules);
    qsort(buf, n, sizeof buf[0], cmp_u32);
    m->hash = xmalloc(n * sizeof m->hash[0]);
    m->count = xmalloc(n * sizeof m->count[0]);
    m->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (m->n && m->hash[m->n - 1] == buf[i]) {
            m->count[m->n - 1]++;
            continue;
        }
        m->hash[m->n] = buf[i];
        m->count[m->n++] = 1;
    }
    char v[256];
    static const char *const flags[5] = {"abuse", "legal_threat", "review_threat", "refund_demand",
                                         "payment_refusal"};
    for (int f = 0; f < 5; f++)
        m->y[MO_ABUSE + f] = strcmp(corpus_label(labels, flags[f], v, sizeof v), "yes") == 0;
    corpus_label(labels, "hostility", v, sizeof v);
    m->host = v[0] >= '0' && v[0] <= '3' ? v[0] - '0' : 0;
    for (int k = 1; k <= 3; k++)
        m->y[MO_HOST1 + k - 1] = m->host >= k;
    corpus_label(labels, "complaints", v, sizeof v);
    for (int i = 0; i < COMPLAINT_KINDS; i++)
        m->y[MO_COMPLAINT + i] = corpus_has_word(v, complaint_name(1u << i));
    corpus_label(labels, "root_cause", v, sizeof v);
    root_cause rc = ROOT_OTHER;
    root_cause_parse(v, &rc);
    for (int i = 0; i < ROOT_COUNT; i++)
        m->y[MO_ROOT + i] = i == (int)rc;
}

/* ---------------------------------------------------------------- the problem */

static uint32_t *vocab; /* sparse features kept, ascending hash; index i is feature i + 1 */
static size_t nvocab;
static struct feature_node **rows; /* per message, for LIBLINEAR */

static void build_vocab(void)
{
    size_t total = 0;
    for (int i = 0; i < nmsg; i++)
        total += msgs[i].n;
    uint32_t *all = xmalloc(total * sizeof all[0]);
    size_t k = 0;
    for (int i = 0; i < nmsg; i++)
        for (size_t j = 0; j < msgs[i].n; j++)
            all[k++] = msgs[i].hash[j];
    qsort(all, total, sizeof all[0], cmp_u32);
    vocab = xmalloc(total * sizeof vocab[0]);
    for (size_t i = 0; i < total;) {
        size_t j = i;
        while (j < total && all[j] == all[i])
            j++;
        if (j - i >= MIN_DF) vocab[nvocab++] = all[i];
        i = j;
    }
    free(all);
}

static long vocab_index(uint32_t h)
{
    size_t lo = 0, hi = nvocab;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vocab[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nvocab && vocab[lo] == h ? (long)lo : -1;
}

static int nfeatures(void)
{
    return (int)nvocab + MODEL_DENSE + 1; /* the last is the bias */
}

static void build_rows(void)
{
    rows = xmalloc((size_t)nmsg * sizeof rows[0]);
    for (int i = 0; i < nmsg; i++) {
        const msg *m = &msgs[i];
        struct feature_node *x = xmalloc((m->n + MODEL_DENSE + 2) * sizeof x[0]);
        size_t k = 0;
        double scale = model_word_scale(m->ntok);
        for (size_t j = 0; j < m->n; j++) {
            long v = vocab_index(m->hash[j]);
            if (v >= 0) x[k++] = (struct feature_node){(int)v + 1, m->count[j] * scale};
        }
        for (int d = 0; d < MODEL_DENSE; d++)
            if (m->dense[d] != 0) x[k++] = (struct feature_node){(int)nvocab + 1 + d, m->dense[d]};
        x[k++] = (struct feature_node){nfeatures(), 1.0};
        x[k] = (struct feature_node){-1, 0};
        rows[i] = x;
    }
}

static void quiet(const char *s)
{
    (void)s;
}

/* The fitted weights of one output: w[0..nfeatures()) with the bias last. */
typedef struct fit {
    double *w;
} fit;

/* Trains output o on the messages whose fold is not `skip` (all with skip < 0). */
static fit train_output(int o, double c, int skip)
{
    int n = 0, pos = 0;
    struct feature_node **x = xmalloc((size_t)nmsg * sizeof x[0]);
    double *y = xmalloc((size_t)nmsg * sizeof y[0]);
    for (int i = 0; i < nmsg; i++) {
        if (i % FOLDS == skip) continue;
        x[n] = rows[i];
        y[n] = msgs[i].y[o] ? 1 : -1;
        pos += msgs[i].y[o];
        n++;
    }
    fit f = {xmalloc((size_t)nfeatures() * sizeof(double))};
    memset(f.w, 0, (size_t)nfeatures() * sizeof(double));
    if (pos == 0 || pos == n) { /* one class only: a constant answer */
        f.w[nfeatures() - 1] = pos ? 6 : -6;
    } else {
        struct problem prob = {n, nfeatures(), y, x, 1.0};
        struct parameter param = {L2R_LR, 0.001, c, 0, NULL, NULL, 0.1, NULL};
        struct model *md = train(&prob, &param);
        int labels[2];
        get_labels(md, labels);
        int li = labels[0] == 1 ? 0 : 1;
        double sign = li == 0 ? 1 : -1; /* get_decfun_coef gives label 0's side */
        for (int j = 1; j < nfeatures(); j++)
            f.w[j - 1] = sign * get_decfun_coef(md, j, 0);
        f.w[nfeatures() - 1] = sign * get_decfun_bias(md, 0);
        free_and_destroy_model(&md);
    }
    free(x);
    free(y);
    return f;
}

static double score_of(const fit *f, const struct feature_node *x)
{
    double s = 0;
    for (; x->index != -1; x++)
        s += f->w[x->index - 1] * x->value;
    return s;
}

/* Cross-validated log-loss of output o at strength c. */
static double cv_loss(int o, double c)
{
    double loss = 0;
    for (int k = 0; k < FOLDS; k++) {
        fit f = train_output(o, c, k);
        for (int i = k; i < nmsg; i += FOLDS) {
            double z = score_of(&f, rows[i]), p = 1 / (1 + exp(-z));
            p = p < 1e-6 ? 1e-6 : p > 1 - 1e-6 ? 1 - 1e-6 : p;
            loss -= msgs[i].y[o] ? log(p) : log(1 - p);
        }
        free(f.w);
    }
    return loss;
}

static double best_c[MO_COUNT];

static void choose_c(void)
{
    for (int o = 0; o < MO_COUNT; o++) {
        double best = INFINITY;
        for (size_t c = 0; c < NC; c++) {
            double l = cv_loss(o, c_grid[c]);
            if (l < best) best = l, best_c[o] = c_grid[c];
        }
    }
}

/* ---------------------------------------------------------------- cross-validated figures */

typedef struct tally {
    int tp[MO_COUNT], fp[MO_COUNT], fn[MO_COUNT];
    int exact, near, root, n;
} tally;

static void count(tally *t, const msg *m, const triage_result *r)
{
    const bool got[5] = {r->abuse, r->legal_threat, r->review_threat, r->refund_demand,
                         r->payment_refusal};
    for (int f = 0; f < 5; f++) {
        t->tp[f] += got[f] && m->y[f];
        t->fp[f] += got[f] && !m->y[f];
        t->fn[f] += !got[f] && m->y[f];
    }
    for (int i = 0; i < COMPLAINT_KINDS; i++) {
        bool g = r->complaints & (1u << i), w = m->y[MO_COMPLAINT + i];
        t->tp[MO_COMPLAINT + i] += g && w;
        t->fp[MO_COMPLAINT + i] += g && !w;
        t->fn[MO_COMPLAINT + i] += !g && w;
    }
    t->exact += r->hostility == m->host;
    t->near += abs(r->hostility - m->host) <= 1;
    t->root += m->y[MO_ROOT + r->root_cause];
    t->n++;
}

static double f1(int tp, int fp, int fn)
{
    return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : (fp + fn ? 0 : 1);
}

static void print_tally(const char *name, const tally *t)
{
    int tp = 0, fp = 0, fn = 0;
    for (int f = 0; f < 5; f++)
        tp += t->tp[f], fp += t->fp[f], fn += t->fn[f];
    int ctp = 0, cfp = 0, cfn = 0;
    for (int i = MO_COMPLAINT; i < MO_ROOT; i++)
        ctp += t->tp[i], cfp += t->fp[i], cfn += t->fn[i];
    printf("%-22s flags F1 %.3f (abuse %.2f legal %.2f review %.2f refund %.2f refusal %.2f)"
           " hostility exact %.3f within one %.3f, root cause %.3f, complaints F1 %.3f\n",
           name, f1(tp, fp, fn), f1(t->tp[0], t->fp[0], t->fn[0]), f1(t->tp[1], t->fp[1], t->fn[1]),
           f1(t->tp[2], t->fp[2], t->fn[2]), f1(t->tp[3], t->fp[3], t->fn[3]),
           f1(t->tp[4], t->fp[4], t->fn[4]), (double)t->exact / t->n, (double)t->near / t->n,
           (double)t->root / t->n, f1(ctp, cfp, cfn));
}

static float held_out[MAX_MSG][MO_COUNT]; /* cross-validated scores of every message */
static float thr_lo[MO_COUNT], thr_hi[MO_COUNT];

/* Whether the rules alone found output o (a flag or a complaint) in message i. */
static bool rule_verdict(int i, int o)
{
    const triage_result *r = &msgs[i].rules;
    const bool flags[5] = {r->abuse, r->legal_threat, r->review_threat, r->refund_demand,
                           r->payment_refusal};
    return o < MO_HOST1 ? flags[o] : (r->complaints >> (o - MO_COMPLAINT)) & 1u;
}

/* Scores every message by a model trained on the other folds. */
static void score_held_out(void)
{
    for (int k = 0; k < FOLDS; k++)
        for (int o = 0; o < MO_COUNT; o++) {
            fit f = train_output(o, best_c[o], k);
            for (int i = k; i < nmsg; i += FOLDS)
                held_out[i][o] = (float)score_of(&f, rows[i]);
            free(f.w);
        }
}

/* For each flag and complaint, the pair (lo, hi) of a small grid that gives the best
 * cross-validated F1; rules alone (lo 0, hi above 1) is on the grid, so the model only
 * overrules the rules where that helped on held-out messages by a clear margin (OVERRULE_GAIN,
 * not one message either way), and only when it is confident (probability at most 0.2 against
 * a rule's finding, at least 0.7 for one the rules missed). */
#define OVERRULE_GAIN 0.01
static void choose_thresholds(void)
{
    static const float los[] = {0, 0.05f, 0.1f, 0.2f};
    static const float his[] = {2, 0.95f, 0.9f, 0.8f, 0.7f}; /* rules alone first: ties keep it */
    for (int o = 0; o < MO_COUNT; o++) {
        thr_lo[o] = 0.5f, thr_hi[o] = 0.5f;
        if (o >= MO_HOST1 && o < MO_COMPLAINT) continue;
        if (o >= MO_ROOT) continue;
        double best = -1, rules_alone = -1;
        for (size_t a = 0; a < sizeof los / sizeof los[0]; a++)
            for (size_t b = 0; b < sizeof his / sizeof his[0]; b++) {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < nmsg; i++) {
                    float p = 1 / (1 + expf(-held_out[i][o]));
                    bool got = p >= (rule_verdict(i, o) ? los[a] : his[b]), want = msgs[i].y[o];
                    tp += got && want, fp += got && !want, fn += !got && want;
                }
                double f = f1(tp, fp, fn);
                if (a == 0 && b == 0) rules_alone = f;
                if (f > best + 1e-9 && (f >= rules_alone + OVERRULE_GAIN || (a == 0 && b == 0)))
                    best = f, thr_lo[o] = los[a], thr_hi[o] = his[b];
            }
    }
}

static analyze_model threshold_model(void)
{
    analyze_model md = {0};
    md.lo = thr_lo;
    md.hi = thr_hi;
    return md;
}

static void cross_validate(void)
{
    tally model = {0}, rules = {0};
    analyze_model md = threshold_model();
    for (int i = 0; i < nmsg; i++) {
        triage_result r = msgs[i].rules;
        model_decide(&md, held_out[i], &r);
        count(&model, &msgs[i], &r);
        count(&rules, &msgs[i], &msgs[i].rules);
    }
    printf("== %d-fold cross-validation on the tuning set (%d messages, %zu word features;\n"
           "   the overrule thresholds were chosen on the same held-out scores)\n",
           FOLDS, nmsg, nvocab);
    print_tally("rules alone", &rules);
    print_tally("rules + fitted model", &model);
}

/* ---------------------------------------------------------------- the generated file */

/* Where key starts probing: the same formula as model.c's lookup. */
static uint32_t slot_of(uint32_t key, uint32_t mask)
{
    return (key * 0x9E3779B1u) >> 7 & mask;
}

static void write_model(const char *path, char **files, int nfiles)
{
    fit f[MO_COUNT];
    for (int o = 0; o < MO_COUNT; o++)
        f[o] = train_output(o, best_c[o], -1);
    if (nvocab > 65535) {
        fprintf(stderr, "train: %zu features do not fit 16-bit rows\n", nvocab);
        exit(2);
    }
    uint32_t size = 16;
    while (size < 2 * nvocab)
        size *= 2;
    uint32_t *keys = xmalloc(size * sizeof keys[0]);
    uint16_t *slot_row = xmalloc(size * sizeof slot_row[0]);
    memset(keys, 0, size * sizeof keys[0]);
    memset(slot_row, 0, size * sizeof slot_row[0]);
    for (size_t v = 0; v < nvocab; v++) {
        uint32_t i = slot_of(vocab[v], size - 1);
        while (keys[i])
            i = (i + 1) & (size - 1);
        keys[i] = vocab[v];
        slot_row[i] = (uint16_t)v;
    }
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        exit(2);
    }
    fprintf(out, "/* Generated by tools/train.c from");
    for (int i = 0; i < nfiles; i++)
        fprintf(out, " %s", files[i]);
    fprintf(out, " (%d messages); do not edit. */\n#include \"analyze/analyze_int.h\"\n\n", nmsg);
    fprintf(out, "static const uint32_t keys[%u] = {", size);
    for (uint32_t i = 0; i < size; i++)
        fprintf(out, "%s%uu,", i % 8 ? " " : "\n    ", keys[i]);
    fprintf(out, "\n};\nstatic const uint16_t rows[%u] = {", size);
    for (uint32_t i = 0; i < size; i++)
        fprintf(out, "%s%u,", i % 12 ? " " : "\n    ", slot_row[i]);
    fprintf(out, "\n};\nstatic const float w[%zu] = {", nvocab * MODEL_STRIDE + 1);
    for (size_t v = 0; v < nvocab; v++) {
        fprintf(out, "\n   ");
        for (int o = 0; o < MODEL_STRIDE; o++)
            fprintf(out, " %.8ef,", o < MO_COUNT ? f[o].w[v] : 0.0);
    }
    fprintf(out, " 0\n};\nstatic const float dense[%d] = {", MODEL_DENSE * MO_COUNT);
    for (int d = 0; d < MODEL_DENSE; d++) {
        fprintf(out, "\n   ");
        for (int o = 0; o < MO_COUNT; o++)
            fprintf(out, " %.8ef,", f[o].w[nvocab + (size_t)d]);
    }
    fprintf(out, "\n};\nstatic const float bias[%d] = {\n   ", MO_COUNT);
    for (int o = 0; o < MO_COUNT; o++)
        fprintf(out, " %.8ef,", f[o].w[nfeatures() - 1]);
    fprintf(out, "\n};\nstatic const float lo[%d] = {\n   ", MO_COUNT);
    for (int o = 0; o < MO_COUNT; o++)
        fprintf(out, " %.8ef,", thr_lo[o]);
    fprintf(out, "\n};\nstatic const float hi[%d] = {\n   ", MO_COUNT);
    for (int o = 0; o < MO_COUNT; o++)
        fprintf(out, " %.8ef,", thr_hi[o]);
    fprintf(out,
            "\n};\n\nconst analyze_model analyze_model_data = {%zu, %u, keys, rows, w, dense, "
            "bias, lo, hi};\n",
            nvocab, size);
    if (fclose(out) != 0) {
        perror(path);
        exit(2);
    }
    for (int o = 0; o < MO_COUNT; o++)
        free(f[o].w);
    free(keys);
    free(slot_row);
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    bool cv = false;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (strcmp(argv[a], "-o") == 0 && a + 1 < argc)
            out = argv[++a];
        else if (strcmp(argv[a], "--cv") == 0)
            cv = true;
        else
            break;
    }
    if (a == argc || (!out && !cv)) {
        fprintf(stderr, "usage: train [--cv] [-o OUT.c] FILE...\n");
        return 2;
    }
    for (int i = a; i < argc; i++) {
        if (corpus_locked(argv[i])) {
            fprintf(stderr, "train: %s is in the locked test set: never trained on\n", argv[i]);
            return 2;
        }
        corpus_read(argv[i], on_record, NULL);
    }
    set_print_string_function(quiet);
    build_vocab();
    build_rows();
    choose_c();
    score_held_out();
    choose_thresholds();
    if (cv) cross_validate();
    if (out) write_model(out, argv + a, argc - a);
    return 0;
}
