/* fuzz_letters.c — the payment reminder and the formal demand letter, generated from fuzzed
 * client and invoice details (name, company, invoice number, amount, issue date, pursuit cost,
 * deadline days; one per line). Whatever the desk accepts, both texts are UTF-8 with nothing a
 * terminal would obey, and name the invoice number. Each input's writes are rolled back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_desk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Adds the client, project and invoice from f[]; returns the invoice id or 0 when refused. */
static int64_t invoice_from(rd_desk *d, const char *const *f)
{
    int64_t client, project, invoice;
    char cid[24], pid[24];
    desk_client_input c = {.name = f[0], .company = *f[1] ? f[1] : NULL};
    rd_err *e = desk_client_add(d, &c, &client);
    snprintf(cid, sizeof cid, "%lld", (long long)client);
    desk_project_input p = {cid, "Work", "What was agreed", NULL, NULL, "5,000.00", "EUR", "30",
                            "2", NULL};
    if (!e) e = desk_project_add(d, &p, &project);
    snprintf(pid, sizeof pid, "%lld", (long long)project);
    desk_invoice_input inv = {pid, f[2], f[3], f[4], NULL};
    if (!e) e = desk_invoice_add(d, &inv, &invoice);
    if (e) {
        rd_err_free(e);
        return 0;
    }
    return invoice;
}

static void letters(rd_desk *d, const char *const *f)
{
    int64_t invoice = invoice_from(d, f);
    if (!invoice) return;
    json_t *out = NULL;
    rd_err *e = desk_invoice_remind(d, invoice, &out);
    if (!e) {
        const char *text = json_string_value(json_object_get(out, "text"));
        fuzz_clean_text(text);
        if (!strchr(f[2], ' ') && !strstr(text, f[2])) abort(); /* a space may wrap the line */
    }
    rd_err_free(e);
    json_decref(out);
    out = NULL;
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)invoice);
    desk_demand_input in = {id, *f[5] ? f[5] : NULL, *f[6] ? f[6] : NULL, "fuzzing letters"};
    e = desk_letter_demand(d, &in, &out);
    if (!e) {
        const char *text = json_string_value(json_object_get(out, "letter"));
        fuzz_clean_text(text);
        if (!strchr(f[2], ' ') && !strstr(text, f[2])) abort();
    }
    rd_err_free(e);
    json_decref(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rd_desk *d = fuzz_desk();
    char *copy;
    const char *f[7];
    fuzz_fields(data, size, &copy, f, 7);
    if (desk_batch_begin(d)) abort();
    letters(d, f);
    rd_err_free(desk_batch_end(d, rd_error(RD_INVALID, "roll back this input")));
    free(copy);
    return 0;
}
