/* fuzz_time.c — time_parse and date_parse: whatever time_parse accepts lies in 1970..9999 and
 * time_iso writes it back as text time_parse reads to the same second (the round trip that
 * once failed for times before 1970); an accepted date exists in the calendar. The zone is
 * fixed by the first byte so local times are exercised too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const zones[] = {"UTC", "Europe/Paris", "Pacific/Kiritimati", "America/St_Johns",
                                    "Pacific/Pago_Pago"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    setenv("TZ", zones[data[0] % (sizeof zones / sizeof zones[0])], 1);
    tzset();
    char *text = xstrndup((const char *)data + 1, size - 1);
    int64_t t;
    rd_err *e = time_parse("at", text, &t);
    if (e) {
        if (strncmp(e->msg, "at: ", 4) != 0) abort();
        rd_err_free(e);
    } else {
        if (t < 0 || t > INT64_C(253402300799)) abort();
        rd_timestr iso, local, date;
        time_iso(t, iso);
        int64_t back;
        e = time_parse("at", iso, &back);
        if (e || back != t) abort();
        time_local(t, local);
        time_date(t, date);
        if (strlen(local) != 16 || strlen(date) != 10) abort();
    }
    int y, m, d;
    e = date_parse("on", text, &y, &m, &d);
    if (e) {
        rd_err_free(e);
    } else {
        int y2, m2, d2;
        civil_from_days(days_from_civil(y, m, d), &y2, &m2, &d2);
        if (y2 != y || m2 != m || d2 != d) abort();
    }
    free(text);
    return 0;
}
