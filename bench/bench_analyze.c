/* bench_analyze.c — throughput of triage_message and tone_check on one core over a corpus with
 * one message per line, read through a fixed 1 MiB buffer so the corpus never sits in memory.
 * Counts heap allocations made while analysing (malloc and friends are wrapped below) and
 * reports peak memory from getrusage. Prints one line per analyzer:
 *     triage bytes=N messages=N seconds=S mb_per_s=X msgs_per_s=Y allocs=N
 * then "peak_rss_kb=N". Usage: bench_analyze CORPUS.txt */
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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
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

/* Feeds every line of path to one analyzer; returns seconds spent. */
static double run(int which, const char *path, char *buf, stats *st)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    size_t have = 0;
    double t0 = now();
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
    fclose(f);
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_analyze CORPUS.txt\n");
        return 2;
    }
    static char buf[BUF];
    const char *names[] = {"triage", "check"};
    triage_result warm;
    rd_err *e = triage_message("warm", "warm up", 7, &warm); /* parses the word lists */
    rd_err_free(e);
    for (int which = 0; which < 2; which++) {
        stats st = {0, 0, 0};
        analysis_allocs = 0;
        double t = run(which, argv[1], buf, &st);
        size_t a = analysis_allocs;
        printf("%s bytes=%zu messages=%zu seconds=%.3f mb_per_s=%.1f msgs_per_s=%.0f "
               "findings=%zu allocs=%zu\n",
               names[which], st.bytes, st.messages, t, st.bytes / t / 1e6, st.messages / t,
               st.findings, a);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak_rss_kb=%ld\n", ru.ru_maxrss);
    return 0;
}
