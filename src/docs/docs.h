/* docs.h — documents redress writes for people and programs outside it: iCalendar files
 * (libical) for now. Pure: data in, text out; no database. The desk calls these; front doors
 * call the desk. */
#ifndef REDRESS_DOCS_H
#define REDRESS_DOCS_H

#include <jansson.h>

#include "util/util.h"

/* An iCalendar (RFC 5545) calendar of events, each {kind, id, date (YYYY-MM-DD) or at (ISO
 * time), summary, description (may be absent)}: all-day events for dates, a 15-minute event
 * for a time. UIDs are KIND-ID@redress, so a calendar program updates an event in place when
 * the file is fetched again. *ics (caller frees) is the text, CRLF line endings. */
rd_err *docs_ics(json_t *events, const char *now_iso, char **ics);

#endif
