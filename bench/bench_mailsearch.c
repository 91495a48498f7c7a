/* bench_mailsearch.c — search latency inside one process (what the web desk sees per request):
 * each query of QUERIES run REPEAT times through desk_search() on an imported desk, after one
 * warm-up run each; prints p50, p99 and the maximum in milliseconds.
 *
 * usage: bench_mailsearch DB REPEAT QUERY... */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "desk/desk.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_mailsearch DB REPEAT QUERY...\n");
        return 2;
    }
    rd_store *st = NULL;
    rd_err *e = store_open(argv[1], &st);
    if (e) {
        fprintf(stderr, "%s\n", e->msg);
        return 1;
    }
    rd_desk d = {st, "bench"};
    int repeat = (int)strtol(argv[2], NULL, 10), nq = argc - 3, n = 0;
    double *lat = malloc(sizeof *lat * (size_t)(repeat * nq));
    long hits = 0;
    for (int q = 0; q < nq; q++) {
        for (int r = -1; r < repeat; r++) {
            desk_search_input in = {argv[3 + q], NULL, NULL, NULL, NULL};
            json_t *rows = NULL;
            double t0 = now_ms();
            e = desk_search(&d, &in, &rows);
            double t = now_ms() - t0;
            if (e) {
                fprintf(stderr, "%s: %s\n", argv[3 + q], e->msg);
                return 1;
            }
            if (r >= 0) lat[n++] = t;
            if (r == 0) hits += (long)json_array_size(rows);
            json_decref(rows);
        }
    }
    qsort(lat, (size_t)n, sizeof *lat, cmp);
    printf("in-process search: %d runs of %d queries (%ld hits shown): p50 %.2f ms, p99 %.2f ms, "
           "max %.2f ms\n",
           n, nq, hits, lat[n / 2], lat[(n * 99) / 100], lat[n - 1]);
    free(lat);
    store_close(st);
    return 0;
}
