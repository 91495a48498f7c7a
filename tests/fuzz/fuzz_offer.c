/* fuzz_offer.c — the offer's `--option KIND:DETAIL:DUE` parser, reached through
 * desk_offer_make --dry-run on a case about a paid project, so every kind, amount, percent,
 * revision count and due date meets the real money checks. Input: up to nine options, one per
 * line; the first byte picks --charge, --waive or neither. Each option either parses or the
 * error names "option N" (or "charge"); a dry run writes nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_desk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A client with a priced GBP project, an invoice paid in part, and a case about it. */
static int64_t offer_case(rd_desk *d)
{
    static int64_t case_id;
    if (case_id) return case_id;
    int64_t id;
    desk_client_input c = {.name = "Harbour Lane Bakery"};
    desk_project_input p = {"1",        "Menu boards", "Six boards", NULL, NULL,
                            "2,400.00", "GBP",         "14",         "2",  "180.00"};
    desk_invoice_input inv = {"1", "HLB-1", "2,400.00", "2026-10-01", NULL};
    desk_payment_input pay = {"1", "1,000.00", "2026-10-10"};
    desk_case_input k = {"1", "1", "email", "2026-11-02T08:00Z", "The colours are wrong."};
    if (desk_client_add(d, &c, &id) || desk_project_add(d, &p, &id) ||
        desk_invoice_add(d, &inv, &id) || desk_invoice_pay(d, &pay, &id) ||
        desk_case_open(d, &k, &case_id))
        abort();
    return case_id;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    rd_desk *d = fuzz_desk();
    int64_t case_id = offer_case(d);
    static const char *const charges[] = {NULL, "charge", "waive", "bogus"};
    char *copy;
    const char *opts[9];
    int n = fuzz_fields(data + 1, size - 1, &copy, opts, 9);
    desk_offer_input in = {opts, n, charges[data[0] % 4], 1};
    json_t *report = NULL;
    int64_t id = -1;
    rd_err *e = desk_offer_make(d, case_id, &in, "fuzzing the options", &report, &id);
    if (e) {
        if (strncmp(e->msg, "option", 6) != 0 && strncmp(e->msg, "charge: ", 8) != 0) abort();
        rd_err_free(e);
    } else if (!report || id != 0) {
        abort();
    }
    json_decref(report);
    free(copy);
    return 0;
}
