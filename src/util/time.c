/* time.c — parsing and formatting times and dates. In memory a time is Unix seconds (UTC); in
 * the store it is ISO 8601 UTC text, which sorts correctly as text. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's civil-date algorithms, written out for our own use. */
int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dim[m - 1];
}

/* Reads exactly n digits from *s into *v, advancing *s. */
static bool digits(const char **s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        char c = (*s)[i];
        if (c < '0' || c > '9') return false;
        x = x * 10 + (c - '0');
    }
    *s += n;
    *v = x;
    return true;
}

static bool parse_date_part(const char **s, int *y, int *m, int *d)
{
    return digits(s, 4, y) && *(*s)++ == '-' && digits(s, 2, m) && *(*s)++ == '-' &&
           digits(s, 2, d);
}

rd_err *date_parse(const char *field, const char *text, int *y, int *m, int *d)
{
    const char *s = text ? text : "";
    if (!parse_date_part(&s, y, m, d) || *s)
        return rd_error(RD_INVALID, "%s: '%s' is not a date (use YYYY-MM-DD)", field,
                        text ? text : "");
    if (*y < 1970 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
        return rd_error(RD_INVALID, "%s: %s is not a date", field, text);
    return NULL;
}

static int64_t local_to_utc(int y, int mo, int d, int h, int mi, int sec)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

/* The times the store holds: 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, so that whatever
 * time_parse accepts, time_iso writes back as text time_parse reads again. */
#define TIME_MIN INT64_C(0)
#define TIME_MAX INT64_C(253402300799)

static rd_err *time_in_range(const char *field, const char *text, int64_t t, int64_t *out)
{
    if (t < TIME_MIN || t > TIME_MAX)
        return rd_error(RD_INVALID, "%s: %s is outside 1970-01-01 to 9999-12-31 (UTC)", field,
                        text);
    *out = t;
    return NULL;
}

rd_err *time_parse(const char *field, const char *text, int64_t *out)
{
    const char *s = text ? text : "";
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!parse_date_part(&s, &y, &mo, &d)) goto bad;
    /* 1969 only for a zone's offset back into 1970; time_in_range has the last word */
    if (y < 1969 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return rd_error(RD_INVALID, "%s: %s is not a date", field, text);
    if (*s == '\0') return time_in_range(field, text, local_to_utc(y, mo, d, 0, 0, 0), out);
    if (*s != 'T' && *s != ' ') goto bad;
    s++;
    if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi)) goto bad;
    if (*s == ':' && (s++, !digits(&s, 2, &sec))) goto bad;
    if (h > 23 || mi > 59 || sec > 59)
        return rd_error(RD_INVALID, "%s: %s is not a time of day", field, text);
    if (*s == '\0') return time_in_range(field, text, local_to_utc(y, mo, d, h, mi, sec), out);
    int offset = 0;
    if (*s == 'Z') {
        s++;
    } else if (*s == '+' || *s == '-') {
        int sign = *s++ == '-' ? -1 : 1, oh, om;
        if (!digits(&s, 2, &oh) || *s++ != ':' || !digits(&s, 2, &om) || oh > 14 || om > 59)
            goto bad;
        offset = sign * (oh * 3600 + om * 60);
    }
    if (*s) goto bad;
    return time_in_range(
        field, text, days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset, out);
bad:
    return rd_error(RD_INVALID, "%s: '%s' is not a time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
                    field, text ? text : "");
}

void time_iso(int64_t t, rd_timestr out)
{
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t rem = t - days * 86400;
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(out, sizeof(rd_timestr), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(rem / 3600),
             (int)(rem % 3600 / 60), (int)(rem % 60));
}

void time_local(int64_t t, rd_timestr out)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    strftime(out, sizeof(rd_timestr), "%Y-%m-%d %H:%M", &tm);
}

void time_date(int64_t t, rd_timestr out)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    strftime(out, sizeof(rd_timestr), "%Y-%m-%d", &tm);
}

/* The clock time_set_now() set, 0 when none. */
static int64_t set_now;

void time_set_now(int64_t t)
{
    set_now = t;
}

int64_t time_now(void)
{
    if (set_now) return set_now;
    const char *fixed = getenv("REDRESS_NOW");
    int64_t t;
    if (fixed && *fixed) {
        rd_err *e = time_parse("REDRESS_NOW", fixed, &t);
        if (!e) return t;
        rd_err_free(e);
    }
    return (int64_t)time(NULL);
}
