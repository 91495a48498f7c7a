/* bench_today.c — the store side of `redress today` on a generated desk (make bench-desk): opens
 * the desk once and times one 50-row page of each store_today_* query and of all five together,
 * the median of REPS runs after one warm-up, in milliseconds. Usage: bench_today DB [REPS]. */
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

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs query k (0-4, or 5 for all of them) once; *rows counts what came back. */
static rd_err *run(rd_store *st, int k, const char *today, const char *until, size_t *rows)
{
    rd_err *e = NULL;
    for (int q = k == 5 ? 0 : k; !e && q <= (k == 5 ? 4 : k); q++) {
        rd_page pg = {50, 0, 0};
        json_t *v = NULL;
        switch (q) {
        case 0:
            e = store_today_commitments(st, today, &pg, &v);
            break;
        case 1:
            e = store_today_followups(st, today, &pg, &v);
            break;
        case 2:
            e = store_today_invoices(st, today, &pg, &v);
            break;
        case 3:
            e = store_today_holds(st, until, &pg, &v);
            break;
        default:
            e = store_today_flagged(st, &pg, &v);
        }
        if (!e) *rows += json_array_size(v);
        json_decref(v);
    }
    return e;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_today DB [REPS]\n");
        return 2;
    }
    int reps = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 5;
    if (reps < 1 || reps > 100) reps = 5;
    rd_store *st;
    rd_err *e = store_open(argv[1], &st);
    if (e) {
        fprintf(stderr, "bench_today: %s\n", e->msg);
        return 1;
    }
    rd_timestr today;
    char until[64];
    desk_today(today);
    snprintf(until, sizeof until, "%.10sT23:59:59Z", today);
    static const char *const names[] = {"commitments", "followups", "invoices",
                                        "holds",       "flagged",   "all five"};
    for (int k = 0; k < 6 && !e; k++) {
        double ms[100];
        size_t rows = 0;
        e = run(st, k, today, until, &rows); /* warm-up */
        for (int r = 0; r < reps && !e; r++) {
            size_t n = 0;
            double t0 = now_ms();
            e = run(st, k, today, until, &n);
            ms[r] = now_ms() - t0;
        }
        if (e) break;
        qsort(ms, (size_t)reps, sizeof ms[0], cmp_double);
        printf("today %-12s %8.3f ms  %zu rows\n", names[k], ms[reps / 2], rows);
    }
    if (e) fprintf(stderr, "bench_today: %s\n", e->msg);
    store_close(st);
    return e ? 1 : 0;
}
