/* bench_analyze.c — throughput of triage_message and tone_check on one core over a corpus with
 * one message per line, read through a fixed 1 MiB buffer so the corpus never sits in memory.
 * Counts heap allocations made while analysing (malloc and friends are wrapped below) and
 * reports peak memory from getrusage. Prints one line per analyzer:
 *     triage bytes=N messages=N seconds=S mb_per_s=X msgs_per_s=Y allocs=N
 * then "peak_rss_kb=N". Each analyzer runs REPS times (default 3) and the fastest run is
 * reported (seconds, mb_per_s), with the median beside it (median_mb_per_s): this machine is a
 * shared virtual one whose speed varies by up to 2x from minute to minute. cpu_mb_per_s is the
 * fastest run's bytes over the CPU time this thread was given (CLOCK_THREAD_CPUTIME_ID), which
 * other processes' load does not stretch as it does wall-clock time (their cache traffic still
 * slows it).
 * Usage: bench_analyze CORPUS.txt [REPS] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "analyze/analyze.h"

/* ---- allocation counting: glibc's own entry points do the work */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static size_t allocs;
void *malloc(size_t n)
{
    allocs++;
    return __libc_malloc(n);
}
void *calloc(size_t a, size_t b)
{
    allocs++;
    return __libc_calloc(a, b);
}
void *realloc(void *p, size_t n)
{
    allocs++;
    return __libc_realloc(p, n);
}
void free(void *p)
{
    __libc_free(p);
}

#define BUF (1u << 20)

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

static double cpu_now(void)
{
    return clock_s(CLOCK_THREAD_CPUTIME_ID);
}

typedef struct stats {
    size_t bytes, messages, findings;
} stats;

static size_t analysis_allocs; /* allocations made inside the analyzer calls */

static void analyse(int which, const char *s, size_t n, stats *st)
{
    static triage_result tr;
    static tone_result to;
    size_t a0 = allocs;
    rd_err *e = which == 0 ? triage_message("bench", s, n, &tr) : tone_check("bench", s, n, &to);
    analysis_allocs += allocs - a0;
    if (e) {
        fprintf(stderr, "bench: %s\n", e->msg);
        rd_err_free(e);
        return;
    }
    st->findings += which == 0 ? tr.nfindings : to.ndiags;
    st->bytes += n + 1;
    st->messages++;
}

/* Feeds every line of path to one analyzer; returns seconds spent, and the CPU seconds in *cpu. */
static double run(int which, const char *path, char *buf, stats *st, double *cpu)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    size_t have = 0;
    double t0 = now(), c0 = cpu_now();
    for (;;) {
        size_t got = fread(buf + have, 1, BUF - have, f);
        have += got;
        if (have == 0) break;
        size_t start = 0;
        char *nl;
        while ((nl = memchr(buf + start, '\n', have - start)) != NULL) {
            analyse(which, buf + start, (size_t)(nl - (buf + start)), st);
            start = (size_t)(nl - buf) + 1;
        }
        if (got == 0) { /* last line without a newline */
            if (start < have) analyse(which, buf + start, have - start, st);
            break;
        }
        memmove(buf, buf + start, have - start);
        have -= start;
    }
    double t = now() - t0;
    *cpu = cpu_now() - c0;
    fclose(f);
    return t;
}

static int by_time(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bench_analyze CORPUS.txt [REPS]\n");
        return 2;
    }
    int reps = argc == 3 ? (int)strtol(argv[2], NULL, 10) : 3;
    if (reps < 1 || reps > 15) reps = 3;
    static char buf[BUF];
    const char *names[] = {"triage", "check"};
    /* Warm-up, untimed: parses the word lists, and gives this (virtual, shared) CPU time to
     * reach its steady speed; the first second of a run was measured up to 2x slower. */
    stats warm = {0, 0, 0};
    double cpu;
    for (double t0 = now(); now() - t0 < 2.0;)
        run(warm.messages % 2, argv[1], buf, &warm, &cpu);
    for (int which = 0; which < 2; which++) {
        stats st = {0, 0, 0};
        double times[15], cpu_best = 0;
        analysis_allocs = 0;
        for (int r = 0; r < reps; r++) {
            st = (stats){0, 0, 0};
            times[r] = run(which, argv[1], buf, &st, &cpu);
            if (r == 0 || cpu < cpu_best) cpu_best = cpu;
        }
        size_t a = analysis_allocs;
        qsort(times, (size_t)reps, sizeof times[0], by_time);
        double t = times[0], med = times[reps / 2];
        printf("%s bytes=%zu messages=%zu seconds=%.3f mb_per_s=%.1f msgs_per_s=%.0f "
               "median_mb_per_s=%.1f cpu_mb_per_s=%.1f runs=%d findings=%zu allocs=%zu\n",
               names[which], st.bytes, st.messages, t, st.bytes / t / 1e6, st.messages / t,
               st.bytes / med / 1e6, st.bytes / cpu_best / 1e6, reps, st.findings, a);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak_rss_kb=%ld\n", ru.ru_maxrss);
    return 0;
}
