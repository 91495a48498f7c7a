/* docs.h — documents redress writes for people and programs outside it: iCalendar files
 * (libical) and PDF letters (pango and cairo). Pure: data in, text out; no database. The desk calls these; front doors
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

#define DOCS_SENDER_LINES 6

/* A letter to print: the sender's identity block (up to DOCS_SENDER_LINES lines, NULL-ended;
 * empty lines skipped) set at the top right, the date and reference when given, then the body as written (its lines kept, longer
 * ones wrapped), page numbers at the foot of every page. All strings are borrowed. */
typedef struct docs_letter {
    const char *paper; /* "a4" (default when NULL) or "letter" */
    const char *title; /* the document title in the PDF's metadata; may be NULL */
    const char *sender[DOCS_SENDER_LINES + 1];
    const char *date; /* set under the sender's block when the body has no date line; or NULL */
    const char *ref;  /* "Re: ref" under the date, for a body without its own; or NULL */
    const char *body; /* UTF-8 */
} docs_letter;

/* Appends the letter as a PDF (fonts embedded) to *pdf, which the caller owns and resets. An
 * unknown paper or a body that is not clean UTF-8 is RD_INVALID naming the field; on any error
 * *pdf is left empty. */
rd_err *docs_pdf_letter(const docs_letter *l, rd_buf *pdf);

/* Appends a printable report as PDF to *pdf (the caller's; reset on error): title, then blocks
 * in order, each {heading?, text?, table?: [[cells]] (the first row is the header; cells are
 * strings or numbers), bars?: [{label, value}] (a horizontal bar chart scaled to the largest
 * value)}, page numbers at every foot. paper as in docs_letter. */
rd_err *docs_pdf_report(const char *paper, const char *title, json_t *blocks, rd_buf *pdf);

#endif
