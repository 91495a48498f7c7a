/* bench_today.c — `redress today` in process on a generated desk (make bench-desk): opens the
 * desk once and times the whole view as the command asks for it (desk_today_view, the first 10
 * rows of every section with their "more" counts) and one 50-row page of each section
 * (desk_today_section), the median of REPS runs after one warm-up, in milliseconds.
 * Usage: bench_today DB [REPS]. */
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

/* Runs section k once (a 50-row page), or the whole view when k is -1; *items counts what came
 * back. */
static rd_err *run(rd_desk *d, int k, size_t *items)
{
    json_t *v = NULL;
    rd_page pg = {50, 0, 0};
    rd_err *e = k < 0 ? desk_today_view(d, 10, &v) : desk_today_section(d, desk_today_sections[k],
                                                                         &pg, &v);
    if (!e) *items = json_array_size(json_object_get(v, "items"));
    json_decref(v);
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
    rd_desk d;
    rd_err *e = desk_open(&d, argv[1], "bench");
    if (e) {
        fprintf(stderr, "bench_today: %s\n", e->msg);
        return 1;
    }
    for (int k = -1; desk_today_sections[k < 0 ? 0 : k] && !e; k++) {
        double ms[100];
        size_t items = 0;
        e = run(&d, k, &items); /* warm-up */
        for (int r = 0; r < reps && !e; r++) {
            size_t n = 0;
            double t0 = now_ms();
            e = run(&d, k, &n);
            ms[r] = now_ms() - t0;
        }
        if (e) break;
        qsort(ms, (size_t)reps, sizeof ms[0], cmp_double);
        printf("today %-12s %8.3f ms  %zu items\n", k < 0 ? "view" : desk_today_sections[k],
               ms[reps / 2], items);
    }
    if (e) fprintf(stderr, "bench_today: %s\n", e->msg);
    desk_close(&d);
    return e ? 1 : 0;
}
