/* fuzz_money.c — money_parse and the two formatters: any text in any known currency either
 * parses to 0..RD_MONEY_MAX minor units or is refused naming the field; what parses formats
 * back to text that parses to the same amount. Byte 0 picks the currency. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const currencies[] = {"EUR", "USD", "GBP", "JPY", "BHD", "CHF", "KWD", "XYZ"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const char *cur = currencies[data[0] % (sizeof currencies / sizeof currencies[0])];
    char *text = xstrndup((const char *)data + 1, size - 1);
    int64_t minor = -1;
    rd_err *e = money_parse("amount", text, cur, &minor);
    if (e) {
        if (strncmp(e->msg, "amount: ", 8) != 0 && strncmp(e->msg, "currency: ", 10) != 0) abort();
        rd_err_free(e);
    } else {
        if (minor < 0 || minor > RD_MONEY_MAX) abort();
        char plain[48], pretty[48];
        money_plain(minor, cur, plain, sizeof plain);
        money_format(minor, cur, pretty, sizeof pretty);
        int64_t back = -1;
        e = money_parse("amount", plain, cur, &back);
        if (e || back != minor) abort();
        /* "1,250.50 EUR": the grouped number before the code parses back too */
        char *space = strrchr(pretty, ' ');
        if (!space) abort();
        *space = '\0';
        e = money_parse("amount", pretty, cur, &back);
        if (e || back != minor) abort();
    }
    free(text);
    return 0;
}
