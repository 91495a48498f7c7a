/* calendar.c — the desk's dates as an iCalendar file, built and serialised by libical, so that
 * folding, escaping and the date formats are done the standard way. */
#include "docs/docs.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* "2026-11-30" or "2026-11-30T09:15:00Z" as an icaltimetype (a date, or a UTC time). */
static bool parse_when(const char *date, const char *at, struct icaltimetype *t)
{
    int y, m, d;
    if (date && date_parse("date", date, &y, &m, &d) == NULL) {
        *t = icaltime_null_date();
        t->year = y, t->month = m, t->day = d;
        t->is_date = 1;
        return true;
    }
    int64_t secs = 0;
    rd_err *e = at ? time_parse("at", at, &secs) : rd_error(RD_INVALID, "when: none");
    if (e) {
        rd_err_free(e);
        return false;
    }
    rd_timestr iso;
    time_iso(secs, iso); /* YYYY-MM-DDTHH:MM:SSZ */
    *t = icaltime_null_time();
    t->year = (int)strtol(iso, NULL, 10);
    t->month = two(iso + 5), t->day = two(iso + 8);
    t->hour = two(iso + 11), t->minute = two(iso + 14), t->second = two(iso + 17);
    t->zone = icaltimezone_get_utc_timezone();
    return true;
}

static icalcomponent *event(json_t *ev, struct icaltimetype stamp)
{
    const char *kind = json_string_value(json_object_get(ev, "kind"));
    struct icaltimetype start;
    if (!kind || !parse_when(json_string_value(json_object_get(ev, "date")),
                             json_string_value(json_object_get(ev, "at")), &start))
        return NULL;
    char uid[96];
    snprintf(uid, sizeof uid, "%s-%lld@redress", kind,
             (long long)json_integer_value(json_object_get(ev, "id")));
    icalcomponent *c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(c, icalproperty_new_uid(uid));
    icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(c, icalproperty_new_dtstart(start));
    struct icaltimetype end = start;
    if (start.is_date)
        icaltime_adjust(&end, 1, 0, 0, 0);
    else
        icaltime_adjust(&end, 0, 0, 15, 0);
    icalcomponent_add_property(c, icalproperty_new_dtend(end));
    const char *summary = json_string_value(json_object_get(ev, "summary"));
    icalcomponent_add_property(c, icalproperty_new_summary(summary ? summary : kind));
    const char *desc = json_string_value(json_object_get(ev, "description"));
    if (desc) icalcomponent_add_property(c, icalproperty_new_description(desc));
    icalcomponent_add_property(c, icalproperty_new_categories(kind));
    icalcomponent_add_property(c, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    return c;
}

rd_err *docs_ics(json_t *events, const char *now_iso, char **ics)
{
    struct icaltimetype stamp;
    if (!parse_when(NULL, now_iso, &stamp)) return rd_error(RD_INVALID, "now: not a time");
    icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//redress//desk calendar//EN"));
    icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalproperty *name = icalproperty_new_x("redress");
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(cal, name);
    size_t i;
    json_t *ev;
    json_array_foreach(events, i, ev)
    {
        icalcomponent *c = event(ev, stamp);
        if (c) icalcomponent_add_component(cal, c);
    }
    char *text = icalcomponent_as_ical_string_r(cal);
    icalcomponent_free(cal);
    if (!text) return rd_error(RD_IO, "calendar: libical could not write the file");
    *ics = xstrdup(text);
    free(text);
    return NULL;
}
