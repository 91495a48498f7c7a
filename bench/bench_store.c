/* bench_store.c — how fast the desk writes and verifies on one machine: opening cases (each
 * with its triage), appending log entries (each its own transaction, as the CLI does), and
 * verifying the desk: both hash chains and the seal over every other table, in one snapshot.
 * Prints entries per second and the peak memory, so that a change to the store or the chain
 * shows up as a figure, not a feeling. With CASES, a desk of that many cases is generated first
 * (desk_generate: clients, invoices, offers, about eleven log entries a case) and verified too.
 * Usage: bench_store DB_PATH [ENTRIES [CASES]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "desk/desk.h"

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void die(rd_err *e)
{
    if (!e) return;
    fprintf(stderr, "bench_store: %s\n", e->msg);
    exit(1);
}

static const char *const bodies[] = {
    "Thanks for the call this morning. I have attached the photos of boards 3 and 5 so you can "
    "see the colour difference against the proof we signed off.",
    "It has been two weeks and I still have not received the corrected files. This is not what "
    "we agreed and I expect a discount on the next invoice.",
    "I am sorry the invoice showed the wrong day rate; that was my mistake. The corrected invoice "
    "is attached and I will call you on Friday at 10am to check it is right.",
};

/* Verifies three times and returns the median time; *r is the last report. */
static double verify_median(rd_desk *d, rd_verify_report *r)
{
    double t[3];
    for (int i = 0; i < 3; i++) {
        double t0 = seconds();
        die(desk_verify(d, r));
        t[i] = seconds() - t0;
    }
    double lo = t[0] < t[1] ? t[0] : t[1], hi = t[0] < t[1] ? t[1] : t[0];
    return t[2] < lo ? lo : t[2] > hi ? hi : t[2];
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_store DB_PATH [ENTRIES [CASES]]\n");
        return 2;
    }
    long n = argc > 2 ? strtol(argv[2], NULL, 10) : 20000;
    unlink(argv[1]);
    rd_store *st;
    die(store_open(argv[1], &st));
    rd_desk d = {st, "bench"};
    rd_client_fields c = {.name = "Bench Client", .email = "bench@example.org"};
    int64_t id;
    die(desk_client_add(&d, &c, &id));

    long cases = n / 10;
    double t0 = seconds();
    for (long i = 0; i < cases; i++) {
        desk_case_input in = {"1", NULL, "email", "2026-11-01T09:00Z", bodies[i % 3]};
        die(desk_case_open(&d, &in, &id));
    }
    double t_cases = seconds() - t0;

    t0 = seconds();
    for (long i = 0; i < n; i++) {
        desk_log_input in = {
            "1",          NULL,         i % 2 ? "in" : "out", "email", "2026-11-02T09:00Z",
            "Re: boards", bodies[i % 3]};
        die(desk_log_add(&d, &in, &id));
    }
    double t_log = seconds() - t0;
    long rss_before_verify = peak_kb();

    rd_verify_report r;
    double t_verify = verify_median(&d, &r);
    long chain_rows = (long)(r.log_entries + r.audit_entries);
    printf("case open (with triage, one transaction each): %ld in %.2f s = %.0f cases/s\n", cases,
           t_cases, cases / t_cases);
    printf("log add (one transaction each):               %ld in %.2f s = %.0f entries/s\n", n,
           t_log, n / t_log);
    printf("verify (chains and %lld sealed tables), median of 3: %ld entries in %.3f s = %.0f"
           " entries/s\n",
           (long long)r.tables, chain_rows, t_verify, chain_rows / t_verify);
    printf("peak RSS: %ld KB before verify, %ld KB after\n", rss_before_verify, peak_kb());
    store_close(st);

    long ncases = argc > 3 ? strtol(argv[3], NULL, 10) : 0;
    if (ncases > 0) {
        char path[4096];
        snprintf(path, sizeof path, "%s.gen", argv[1]);
        unlink(path);
        die(store_open(path, &st));
        rd_desk g = {st, "bench"};
        t0 = seconds();
        die(desk_generate(&g, ncases, 0, NULL, NULL));
        double t_gen = seconds() - t0;
        t_verify = verify_median(&g, &r);
        chain_rows = (long)(r.log_entries + r.audit_entries);
        printf("generated desk: %ld cases in %.1f s; verify (chains and %lld sealed tables),"
               " median of 3: %ld entries in %.3f s = %.0f entries/s\n",
               ncases, t_gen, (long long)r.tables, chain_rows, t_verify, chain_rows / t_verify);
        printf("peak RSS: %ld KB\n", peak_kb());
        store_close(st);
    }
    return 0;
}
