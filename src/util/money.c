/* money.c — amounts as integer minor units of an ISO 4217 currency: parsing what people type
 * ("1,250.50", "1250.5"), refusing what is ambiguous or wrong ("12.345" EUR), and formatting. */
#include "util.h"

#include <stdio.h>
#include <string.h>

/* ISO 4217 codes we accept and their minor-unit digits. Codes not listed are refused rather
 * than guessed at, because a wrong exponent silently scales every amount. */
static const struct {
    const char code[4];
    int exponent;
} currencies[] = {
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2}, {"GBP", 2},
    {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0},
    {"KES", 2}, {"KRW", 0}, {"KWD", 3}, {"MAD", 2}, {"MXN", 2}, {"MYR", 2}, {"NGN", 2}, {"NOK", 2},
    {"NZD", 2}, {"OMR", 3}, {"PEN", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"RON", 2}, {"RSD", 2},
    {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3}, {"TRY", 2}, {"TWD", 2}, {"UAH", 2},
    {"USD", 2}, {"VND", 0}, {"ZAR", 2},
};

int money_exponent(const char *currency)
{
    if (!currency) return -1;
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        if (strcmp(currencies[i].code, currency) == 0) return currencies[i].exponent;
    return -1;
}

rd_err *money_check_currency(const char *field, const char *currency)
{
    if (money_exponent(currency) < 0)
        return rd_error(RD_INVALID, "%s: '%s' is not a currency code we know (ISO 4217, e.g. EUR)",
                        field, currency ? currency : "");
    return NULL;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads the whole-units part: plain digits, or digits grouped in threes by commas. Returns the
 * number of bytes consumed, or 0 when the grouping is wrong. */
static size_t parse_units(const char *s, int64_t *units)
{
    size_t i = 0, group = 0;
    bool grouped = false;
    int64_t v = 0;
    while (is_digit(s[i]) || s[i] == ',') {
        if (s[i] == ',') {
            if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) return 0;
            grouped = true;
            group = 0;
        } else {
            /* past the cap the value stays just above it, so the caller says "too large" */
            v = v > RD_MONEY_MAX ? RD_MONEY_MAX + 1 : v * 10 + (s[i] - '0');
            group++;
        }
        i++;
    }
    if (group == 0 || (grouped && group != 3)) return 0;
    *units = v;
    return i;
}

rd_err *money_parse(const char *field, const char *text, const char *currency, int64_t *minor)
{
    int exp = money_exponent(currency);
    if (exp < 0) return money_check_currency("currency", currency);
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: is empty", field);
    const char *s = text;
    while (*s == ' ')
        s++;
    if (*s == '-') return rd_error(RD_INVALID, "%s: '%s' is negative", field, text);
    if (*s == '+') s++;
    int64_t units = 0;
    size_t used = parse_units(s, &units);
    if (used == 0) return rd_error(RD_INVALID, "%s: '%s' is not an amount", field, text);
    s += used;
    int64_t frac = 0;
    int digits = 0;
    if (*s == '.') {
        s++;
        while (is_digit(*s)) {
            if (digits == exp)
                return rd_error(RD_INVALID, "%s: '%s' has more than %d decimal place%s for %s",
                                field, text, exp, exp == 1 ? "" : "s", currency);
            frac = frac * 10 + (*s - '0');
            digits++;
            s++;
        }
        if (digits == 0) return rd_error(RD_INVALID, "%s: '%s' is not an amount", field, text);
    }
    while (*s == ' ')
        s++;
    if (*s) return rd_error(RD_INVALID, "%s: '%s' is not an amount", field, text);
    for (int i = digits; i < exp; i++)
        frac *= 10;
    int64_t scale = 1;
    for (int i = 0; i < exp; i++)
        scale *= 10;
    if (units > RD_MONEY_MAX / scale)
        return rd_error(RD_INVALID, "%s: '%s' is too large", field, text);
    *minor = units * scale + frac;
    if (*minor > RD_MONEY_MAX) return rd_error(RD_INVALID, "%s: '%s' is too large", field, text);
    return NULL;
}

/* The fraction as exactly exp digits ("05" for 5 cents). */
static void frac_digits(int64_t frac, int exp, char out[8])
{
    int f = (int)(frac % 1000);
    out[0] = (char)('0' + f / 100);
    out[1] = (char)('0' + f / 10 % 10);
    out[2] = (char)('0' + f % 10);
    out[3] = '\0';
    memmove(out, out + 3 - exp, (size_t)exp + 1);
}

static void split(int64_t minor, int exp, int64_t *units, int64_t *frac, bool *neg)
{
    int64_t scale = 1;
    for (int i = 0; i < exp; i++)
        scale *= 10;
    *neg = minor < 0;
    uint64_t m = *neg ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    *units = (int64_t)(m / (uint64_t)scale);
    *frac = (int64_t)(m % (uint64_t)scale);
}

void money_plain(int64_t minor, const char *currency, char *out, size_t outlen)
{
    int exp = money_exponent(currency);
    if (exp < 0) exp = 2;
    int64_t units, frac;
    bool neg;
    split(minor, exp, &units, &frac, &neg);
    if (exp == 0)
        snprintf(out, outlen, "%s%lld", neg ? "-" : "", (long long)units);
    else {
        char f[8];
        frac_digits(frac, exp, f);
        snprintf(out, outlen, "%s%lld.%s", neg ? "-" : "", (long long)units, f);
    }
}

void money_format(int64_t minor, const char *currency, char *out, size_t outlen)
{
    int exp = money_exponent(currency);
    if (exp < 0) exp = 2;
    int64_t units, frac;
    bool neg;
    split(minor, exp, &units, &frac, &neg);
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%lld", (long long)units);
    size_t n = strlen(digits), j = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    if (exp == 0)
        snprintf(out, outlen, "%s%s %s", neg ? "-" : "", grouped, currency ? currency : "");
    else {
        char f[8];
        frac_digits(frac, exp, f);
        snprintf(out, outlen, "%s%s.%s %s", neg ? "-" : "", grouped, f, currency ? currency : "");
    }
}
