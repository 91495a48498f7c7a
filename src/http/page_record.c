/* page_record.c — The record: the browser's way to `redress verify`. The page says what the
 * tamper-evident record is; *Check the record now* re-walks both hash chains and every sealed
 * table in one snapshot and shows what was checked, who signed it and the line to keep, or the
 * first thing changed outside redress. A line kept from an earlier check can be given, to prove
 * the desk still extends it. *Download a backup* hands over a verified copy of the whole desk. */
#include "http/pages.h"

#include <stdio.h>
#include <string.h>

static void section_check(hw *w, const page_view *v)
{
    static const char *const fields[] = {"against", NULL};
    HW_RAW(w, "<section class=\"card\" id=\"check\" aria-labelledby=\"check-h\">"
              "<h2 id=\"check-h\">Check the record</h2>");
    form_open(w, v, "/record", "verify", fields);
    form_field(w, v, "verify", "against", "A line kept from an earlier check (optional)",
               "paste it to prove the desk still holds everything it held then", "text", "");
    form_close(w, "Check the record now");
    HW_RAW(w, "</section>");
}

static void section_backup(hw *w, const page_view *v)
{
    static const char *const fields[] = {"password", NULL};
    HW_RAW(w, "<section class=\"card\" id=\"backup\" aria-labelledby=\"backup-h\">"
              "<h2 id=\"backup-h\">Download a backup</h2><p>A copy of the whole desk as it is "
              "now: every client, case, message, attachment and both chains, checked like the "
              "record above before it is sent. Keep it somewhere private, off this server; "
              "<code>redress --db FILE verify</code> checks it later. The download is recorded "
              "in the audit trail.</p>");
    form_open(w, v, "/record/backup", "backup", fields);
    form_field(w, v, "backup", "password", "Your password",
               "asked again: the copy holds everything on the desk", "password", "");
    form_close(w, "Download a backup");
    HW_RAW(w, "</section>");
}

static void intro(hw *w)
{
    HW_RAW(w, "<p>Every exchange with a client and every change you make lands in two hash "
              "chains, the log and the audit trail, and every table of the desk is sealed. "
              "Checking re-walks them all and recomputes the seal: an entry edited, removed or "
              "slipped in behind redress's back (with another program, or by hand in the "
              "database file) is named. Writing goes on while it checks.</p>");
}

rd_err *page_record_body(rd_desk *d, const page_view *v, hw *w)
{
    (void)d;
    page_open(w, v, "The record", "record");
    HW_RAW(w, "<h1>The record</h1>");
    intro(w);
    section_check(w, v);
    section_backup(w, v);
    page_close(w);
    return NULL;
}

/* Who signed: the newest signed audit entry's key, this desk's or another's, or nobody yet. */
static void signature(hw *w, const desk_verify_report *r)
{
    HW_RAW(w, "<li>");
    if (r->signed_by == DESK_SIGNED_NONE) {
        HW_RAW(w, "No audit entry is signed yet: <code>redress key init</code> on the server "
                  "makes a signing key, and every entry from then on is signed.");
    } else {
        hw_textf(w, "The newest signed audit entry (%lld) is signed by %s key %s.",
                 (long long)r->newest_signed,
                 r->signed_by == DESK_SIGNED_THIS_KEY ? "this desk's" : "another", r->signer);
        if (r->unsigned_after)
            hw_textf(w, " %lld later entries carry no signature.", (long long)r->unsigned_after);
    }
    HW_RAW(w, "</li>");
}

rd_err *page_record_result(const page_view *v, const rd_err *tampered, const desk_verify_report *r,
                           hw *w)
{
    page_open(w, v, "The record", "record");
    HW_RAW(w, "<h1>The record</h1><section class=\"card\" id=\"result\" "
              "aria-labelledby=\"result-h\">");
    if (tampered) {
        HW_RAW(w, "<h2 id=\"result-h\">Changed outside redress</h2><p class=\"error\" "
                  "role=\"alert\">");
        hw_text(w, tampered->msg);
        HW_RAW(w, "</p><p>Nothing has been repaired or written. Keep this database file as it "
                  "is, and compare it with your latest backup (<code>redress verify</code> on "
                  "the copy).</p></section>");
    } else {
        HW_RAW(w, "<h2 id=\"result-h\">Intact</h2><ul class=\"plain\"><li>");
        hw_textf(w, "%lld log entries and %lld audit entries, each linked to the one before.",
                 (long long)r->log_entries, (long long)r->audit_entries);
        HW_RAW(w, "</li><li>");
        hw_textf(w, "%lld tables match what redress wrote.", (long long)r->tables);
        HW_RAW(w, "</li>");
        if (r->erased_log || r->erased_audit) {
            HW_RAW(w, "<li>");
            hw_textf(w,
                     "The words of %lld log entries and the detail of %lld audit entries "
                     "were erased on a client's request (not tampering: the chains keep "
                     "what they were hashed through).",
                     (long long)r->erased_log, (long long)r->erased_audit);
            HW_RAW(w, "</li>");
        }
        signature(w, r);
        if (r->against_checked)
            HW_RAW(w, "<li>The desk still holds everything the line you gave stood for.</li>");
        HW_RAW(w, "</ul><p><label for=\"verify-line\">The line to keep</label> somewhere "
                  "outside this desk (a note, an e-mail to yourself): a later check given it "
                  "proves nothing before today was changed.</p><p><input id=\"verify-line\" "
                  "type=\"text\" readonly size=\"90\"");
        hw_attr(w, "value", r->line);
        HW_RAW(w, "></p></section>");
    }
    section_check(w, v);
    section_backup(w, v);
    page_close(w);
    return NULL;
}
