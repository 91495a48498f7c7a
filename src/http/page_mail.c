/* page_mail.c — Bring in mail: the browser's way to `redress import`. A message saved from a
 * mail program (.eml) or a folder exported as an mbox is uploaded and imported into the log,
 * threaded onto its case and triaged, exactly as the command does; the page after shows what
 * came in and what was skipped, and why. Importing the same file again adds nothing. */
#include "http/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The user's own addresses decide which messages are theirs (sent) and which the client's. */
static void section_addresses(hw *w, rd_desk *d)
{
    char *me = NULL, *direct = NULL;
    rd_err *e = desk_config_get(d, "me.addresses", &me);
    if (!e) e = desk_config_get(d, "me.email", &direct);
    rd_err_free(e);
    HW_RAW(w, "<p>");
    if ((me && *me) || (direct && *direct)) {
        HW_RAW(w, "Messages from your addresses (");
        hw_text(w, me && *me ? me : direct);
        HW_RAW(w, ") count as sent by you; every other message as the client's words, which "
                  "triage reads.");
    } else {
        HW_RAW(w, "<strong>Your own addresses are not set</strong>, so every message will count "
                  "as the client's words, your replies too. Set <code>me.addresses</code> in "
                  "<a href=\"/settings\">Settings</a> first.");
    }
    HW_RAW(w, "</p>");
    free(me);
    free(direct);
}

static void section_form(hw *w, const page_view *v)
{
    static const char *const fields[] = {"file", "client", "case", "create_clients", NULL};
    static const char *const unknown_values[] = {"", "yes", NULL};
    static const char *const unknown_labels[] = {"skip them, each listed with its reason",
                                                 "add each as a new client", NULL};
    const char *case_id = json_string_value(json_object_get(v->query, "case"));
    HW_RAW(w, "<section class=\"card\" id=\"import\" aria-labelledby=\"import-h\">"
              "<h2 id=\"import-h\">Import a message or a mailbox</h2>");
    form_open_files(w, v, "/mail", "import", fields);
    form_field(w, v, "import", "file", "Message or mailbox",
               "Up to 25 MiB: a message saved from your mail program (.eml), or a folder "
               "exported as an mbox. A larger mailbox or a Maildir: redress import PATH.",
               "file", "");
    form_field(w, v, "import", "client", "Client number (optional)",
               "Every message is this client's. Empty: each sender's address finds the client.",
               "text", "");
    form_field(w, v, "import", "case", "Case number (optional)",
               "Every message joins this case. Empty: a reply joins the case of its thread, "
               "else the client's one open case, else the client's log.",
               "text", case_id);
    form_select_pairs(w, v, "import", "create_clients", "Senders no client has", unknown_values,
                      unknown_labels, "");
    form_close(w, "Import");
    HW_RAW(w, "</section>");
}

rd_err *page_mail_body(rd_desk *d, const page_view *v, hw *w)
{
    page_open(w, v, "Bring in mail", "mail");
    HW_RAW(w, "<h1>Bring in mail</h1><p>Instead of pasting a client's mail by hand, import it: "
              "each message lands in the client's log with its date, subject and attachments, "
              "replies join the case of their thread, and the client's words are triaged. "
              "Importing the same file again adds nothing, so a mailbox can be brought in again "
              "after new mail arrives.</p>");
    section_addresses(w, d);
    section_form(w, v);
    page_close(w);
    return NULL;
}

/* "12 messages: 10 imported, 1 already there, 1 skipped" and the skips, each with its place. */
static void section_summary(hw *w, json_t *sum)
{
    HW_RAW(w, "<section class=\"card\" id=\"imported\" aria-labelledby=\"imported-h\">"
              "<h2 id=\"imported-h\">");
    hw_text(w, desk_js(sum, "path"));
    HW_RAW(w, "</h2><p>");
    hw_textf(w, "%lld %s read as %s: %lld imported, %lld already there, %lld skipped.",
             (long long)desk_ji(sum, "messages"),
             desk_ji(sum, "messages") == 1 ? "message" : "messages",
             !strcmp(desk_js(sum, "source"), "mbox") ? "an mbox" : "one message",
             (long long)desk_ji(sum, "imported"), (long long)desk_ji(sum, "duplicates"),
             (long long)desk_ji(sum, "skipped"));
    if (desk_ji(sum, "clients_created") || desk_ji(sum, "attachments"))
        hw_textf(w, " %lld new clients, %lld attachments kept.",
                 (long long)desk_ji(sum, "clients_created"),
                 (long long)desk_ji(sum, "attachments"));
    HW_RAW(w, "</p>");
    json_t *skips = json_object_get(sum, "skips");
    if (json_array_size(skips)) {
        HW_RAW(w, "<h3>Skipped</h3><table class=\"rows\"><thead><tr><th>Where</th><th>Why</th>"
                  "</tr></thead><tbody>");
        size_t i;
        json_t *s;
        json_array_foreach(skips, i, s)
        {
            HW_RAW(w, "<tr><td>");
            hw_text(w, desk_js(s, "position"));
            HW_RAW(w, "</td><td>");
            hw_text(w, desk_js(s, "reason"));
            HW_RAW(w, "</td></tr>");
        }
        HW_RAW(w, "</tbody></table><p class=\"muted\">A sender no client has can be named with "
                  "the client number, or added as a new client; import the file again, and what "
                  "is already there is not added twice.</p>");
    }
    HW_RAW(w, "<p><a href=\"/\">Today</a> · <a href=\"/cases\">Cases</a></p></section>");
}

rd_err *page_mail_result(rd_desk *d, const page_view *v, json_t *summary, hw *w)
{
    page_open(w, v, "Mail imported", "mail");
    HW_RAW(w, "<h1>Mail imported</h1>");
    section_summary(w, summary);
    section_addresses(w, d);
    section_form(w, v);
    page_close(w);
    return NULL;
}
