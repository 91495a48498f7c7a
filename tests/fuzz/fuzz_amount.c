/* fuzz_amount.c — desk_amount_parse, the offer's amount-or-percent parser ("200.00",
 * "GBP 200.00", "200.00 GBP", "12.5%"): either exactly one of amount (> 0, in range) or basis
 * points (1..10000) comes back, or an error naming the field and both stay -1. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const char *cur = data[0] & 1 ? "GBP" : "JPY";
    char *text = xstrndup((const char *)data + 1, size - 1);
    int64_t minor = 0, bp = 0;
    rd_err *e = desk_amount_parse("detail", text, cur, &minor, &bp);
    if (e) {
        if (strncmp(e->msg, "detail: ", 8) != 0 || minor != -1) abort();
        rd_err_free(e);
    } else if (bp >= 0) {
        if (minor != -1 || bp < 1 || bp > 10000) abort();
        if (desk_percent_of(RD_MONEY_MAX, bp) > RD_MONEY_MAX) abort();
    } else if (minor <= 0 || minor > RD_MONEY_MAX) {
        abort();
    }
    free(text);
    return 0;
}
