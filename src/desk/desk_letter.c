/* desk_letter.c — the formal demand for payment (P15). It is the last step before the legal
 * path, so it is only written once the groundwork is on file: contract terms, a reminder, and
 * an offer of mediation. Missing groundwork is named item by item; proceeding without it needs
 * a reason that goes into the audit trail. */
#include "desk/playbook_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DEADLINE_DAYS 14
#define LETTER_WIDTH          76

/* Code points in s[0..n). */
static size_t cps(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
    return w;
}

char *desk_wrap(const char *text, size_t width)
{
    rd_buf b;
    buf_init(&b, 0);
    const char *line = text;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *indent = strncmp(line, "- ", 2) == 0 ? "  " : "";
        const char *p = line;
        size_t left = len;
        while (cps(p, left) > width) {
            size_t cut = 0, w = 0;
            for (size_t i = 0; i < left && w <= width; i++) {
                if (((unsigned char)p[i] & 0xC0) != 0x80) w++;
                if (p[i] == ' ' && w <= width + 1) cut = i;
            }
            if (cut == 0) break; /* one long word: leave it whole */
            rd_err_free(buf_add(&b, p, cut));
            rd_err_free(buf_addf(&b, "\n%s", indent));
            p += cut + 1;
            left -= cut + 1;
        }
        rd_err_free(buf_add(&b, p, left));
        if (!end) break;
        rd_err_free(buf_adds(&b, "\n"));
        line = end + 1;
    }
    return buf_detach(&b);
}

static void add_missing(json_t *list, const char *prerequisite, const char *why)
{
    json_array_append_new(list, json_pack("{s:s, s:s}", "prerequisite", prerequisite, "why", why));
}

/* Fills missing for an invoice row already read. */
static rd_err *check_prerequisites(rd_desk *d, json_t *inv, json_t *missing)
{
    json_t *p = NULL;
    int64_t mediations = 0;
    rd_err *e = store_project_get(d->st, desk_ji(inv, "project_id"), &p);
    if (!e) e = store_client_mediations(d->st, desk_ji(inv, "client_id"), &mediations);
    if (e) {
        json_decref(p);
        return e;
    }
    bool price = json_is_integer(json_object_get(p, "price"));
    bool scope = !text_blank(desk_js(p, "scope")) || !text_blank(desk_js(p, "deliverables"));
    if (!price || !scope) {
        char *why =
            xasprintf("project %lld has %s on file", (long long)desk_ji(p, "id"),
                      !price && !scope ? "no agreed price and neither scope nor deliverables"
                      : !price         ? "no agreed price"
                                       : "neither scope nor deliverables");
        add_missing(missing, "contract_terms", why);
        free(why);
    }
    if (desk_ji(inv, "reminders") == 0)
        add_missing(missing, "reminder", "no payment reminder was logged for this invoice");
    if (mediations == 0)
        add_missing(missing, "mediation", "mediation was not offered on any case of this client");
    json_decref(p);
    return NULL;
}

rd_err *desk_demand_prerequisites(rd_desk *d, int64_t invoice_id, json_t **missing)
{
    json_t *inv = NULL;
    rd_err *e = store_invoice_get(d->st, invoice_id, &inv);
    json_t *list = json_array();
    if (!e) e = check_prerequisites(d, inv, list);
    json_decref(inv);
    if (e) {
        json_decref(list);
        return e;
    }
    *missing = list;
    return NULL;
}

/* "contract_terms (project 3 has no agreed price); reminder (…)" for the refusal. */
static char *missing_words(json_t *missing)
{
    rd_buf b;
    buf_init(&b, 0);
    size_t i;
    json_t *m;
    json_array_foreach(missing, i, m)
    {
        rd_err_free(buf_addf(&b, "%s%s (%s)", i ? "; " : "", desk_js(m, "prerequisite"),
                             desk_js(m, "why")));
    }
    return buf_detach(&b);
}

static void add_evidence(rd_buf *b, json_t *log)
{
    rd_err_free(buf_adds(b, "Documented communication (attached as evidence)\n"));
    if (json_array_size(log) == 0) rd_err_free(buf_adds(b, "- none recorded\n"));
    size_t i;
    json_t *entry;
    json_array_foreach(log, i, entry)
    {
        const char *at = desk_js(entry, "at"), *subject = desk_js(entry, "subject");
        bool in = strcmp(desk_js(entry, "direction"), "in") == 0;
        rd_err_free(buf_addf(b, "- %.10s  %s (%s): %s\n", at ? at : "", in ? "from you" : "to you",
                             desk_js(entry, "channel"), subject ? subject : "(no subject)"));
    }
}

/* The letter itself, in our words: facts first, one clear request, then what follows. It speaks
 * as the user chose (me.voice: I or we) and is signed with the me.* settings. */
static char *letter_text(json_t *inv, json_t *client, json_t *log, json_t *missing,
                         const char *today, const char *deadline, int64_t days, bool we,
                         const char *signature)
{
    const char *cur = desk_js(inv, "currency");
    char owed[48], total[48], paid[48];
    money_format(desk_ji(inv, "balance"), cur, owed, sizeof owed);
    money_format(desk_ji(inv, "amount"), cur, total, sizeof total);
    money_format(desk_ji(inv, "paid"), cur, paid, sizeof paid);
    int64_t late = desk_ji(inv, "days_overdue"), reminders = desk_ji(inv, "reminders");
    const char *I = desk_say(we, "I", "We"), *me = desk_say(we, "me", "us");
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_addf(&b, "Formal demand for payment\n\nDate: %s\nTo:   %s\n", today,
                         desk_js(client, "name")));
    if (desk_js(client, "company"))
        rd_err_free(buf_addf(&b, "      %s\n", desk_js(client, "company")));
    if (desk_js(client, "email")) rd_err_free(buf_addf(&b, "      %s\n", desk_js(client, "email")));
    rd_err_free(buf_addf(&b, "\nRe:   Invoice %s of %s (\"%s\"), outstanding %s\n\n",
                         desk_js(inv, "number"), desk_js(inv, "issued_on"),
                         desk_js(inv, "project_title"), owed));
    rd_err_free(buf_addf(&b, "Dear %s,\n\n", desk_js(client, "name")));
    rd_err_free(buf_addf(&b,
                         "%s sent you invoice %s for %s on %s, payable by %s. It is now %lld"
                         " day%s overdue.",
                         I, desk_js(inv, "number"), total, desk_js(inv, "issued_on"),
                         desk_js(inv, "due_on"), (long long)late, late == 1 ? "" : "s"));
    if (desk_ji(inv, "paid") > 0)
        rd_err_free(buf_addf(&b, " Of that amount you have paid %s.", paid));
    rd_err_free(buf_addf(&b, " The amount outstanding is %s.\n\n", owed));
    bool mediation = true;
    size_t i;
    json_t *m;
    json_array_foreach(missing, i, m) mediation =
        mediation && strcmp(desk_js(m, "prerequisite"), "mediation") != 0;
    if (reminders > 0)
        rd_err_free(buf_addf(&b, "%s have reminded you of this invoice %lld time%s.", I,
                             (long long)reminders, reminders == 1 ? "" : "s"));
    if (mediation)
        rd_err_free(buf_addf(&b,
                             "%s%s have also offered to settle any disagreement through"
                             " mediation.",
                             reminders > 0 ? " " : "", I));
    if (reminders > 0 || mediation) rd_err_free(buf_adds(&b, " The balance remains unpaid.\n\n"));
    rd_err_free(buf_addf(&b,
                         "%s ask you to pay %s in full by %s, which is %lld days from the date"
                         " of this letter.\n\n",
                         I, owed, deadline, (long long)days));
    rd_err_free(buf_addf(&b,
                         "What happens next\n"
                         "- If the payment reaches %s by %s, the matter is settled and nothing"
                         " more is needed from you.\n"
                         "- If you dispute any part of the invoice, tell %s in writing before"
                         " that date which part and why, and %s will look at it with you.\n"
                         "- If neither happens, %s will have to consider recovering the debt"
                         " through a collection service or the courts, which can add interest"
                         " and costs allowed by law. %s would much rather not: legal action is"
                         " %s last resort, and the door to settling this directly stays open"
                         " until then.\n\n",
                         me, deadline, me, desk_say(we, "I", "we"), desk_say(we, "I", "we"), I,
                         desk_say(we, "my", "our")));
    add_evidence(&b, log);
    rd_err_free(buf_addf(&b, "\n%s", signature));
    char *wrapped = desk_wrap(buf_str(&b), LETTER_WIDTH);
    buf_reset(&b);
    return wrapped;
}

/* The line for the user: what is owed against what getting it would cost. */
static char *cost_benefit(int64_t owed, const int64_t *cost, const char *cur)
{
    char o[48], c[48], n[48];
    money_format(owed, cur, o, sizeof o);
    if (!cost)
        return xasprintf("Cost-benefit: %s owed; give the pursuit cost to weigh it against what"
                         " pursuing it would cost you.",
                         o);
    money_format(*cost, cur, c, sizeof c);
    money_format(owed - *cost, cur, n, sizeof n);
    if (owed - *cost <= 0)
        return xasprintf("Cost-benefit: %s owed vs. %s to pursue it: net %s. Pursuing costs at"
                         " least as much as it can recover; consider settling or writing it off.",
                         o, c, n);
    return xasprintf("Cost-benefit: %s owed vs. %s to pursue it: net %s if recovered in full.", o,
                     c, n);
}

/* Validates the typed input before anything is read. */
static rd_err *check_input(rd_desk *d, const desk_demand_input *in, int64_t *invoice_id,
                           int64_t *days)
{
    rd_err *e = desk_invoice_ref(d, "invoice", in->invoice, invoice_id);
    *days = DEFAULT_DEADLINE_DAYS;
    if (!e && in->deadline_days) e = parse_int("deadline_days", in->deadline_days, 1, 90, days);
    if (!e && in->override && text_blank(in->override))
        e = rd_error(RD_INVALID, "override: give the reason for proceeding");
    if (!e) e = text_check("override", in->override, DESK_MAX_FIELD, false);
    return e;
}

rd_err *desk_letter_demand(rd_desk *d, const desk_demand_input *in, json_t **out)
{
    int64_t invoice_id, days, cost = 0, log_id = 0;
    rd_timestr today, now, deadline;
    rd_err *e = check_input(d, in, &invoice_id, &days);
    if (e) return e;
    desk_today(today);
    desk_now(now);
    desk_date_plus(today, days, deadline);

    json_t *inv = NULL, *client = NULL, *log = NULL, *missing = json_array();
    char *letter = NULL, *line = NULL;
    if ((e = store_begin(d->st))) {
        json_decref(missing);
        return e;
    }
    e = desk_invoice_get(d, invoice_id, &inv);
    const char *cur = inv ? desk_js(inv, "currency") : NULL;
    if (!e && in->pursuit_cost) e = desk_money_in("pursuit_cost", in->pursuit_cost, cur, &cost);
    if (!e && !json_is_true(json_object_get(inv, "overdue")))
        e = rd_error(RD_CONFLICT, "invoice: invoice %s is not overdue (due %s, balance %s)",
                     desk_js(inv, "number"), desk_js(inv, "due_on"),
                     desk_ji(inv, "balance") > 0 ? "open" : "paid");
    if (!e) e = check_prerequisites(d, inv, missing);
    if (!e && json_array_size(missing) > 0 && !in->override) {
        char *words = missing_words(missing);
        e = rd_err_overridable(
            rd_error(RD_CONFLICT, "letter: prerequisites missing: %s; fix them", words));
        free(words);
    }
    char *held = NULL; /* nothing goes out while a case is paused or cooling off (P2, P14) */
    if (!e)
        e = pb_client_hold(d, desk_ji(inv, "client_id"), "the demand letter", in->override, &held,
                           0);
    if (!e) e = store_client_get(d->st, desk_ji(inv, "client_id"), &client);
    if (!e) e = store_log_list(d->st, desk_ji(inv, "client_id"), 0, NULL, &log);
    if (!e) {
        bool we = false;
        char *signature = NULL;
        e = desk_voice_we(d, &we);
        if (!e) e = desk_signature(d, "Yours sincerely,", &signature);
        if (!e)
            letter = letter_text(inv, client, log, missing, today, deadline, days, we, signature);
        free(signature);
    }
    if (!e) {
        char *subject = xasprintf("Formal demand for payment: invoice %s", desk_js(inv, "number"));
        rd_log_fields f = {desk_ji(inv, "client_id"), 0, "out", "letter", now, subject, letter};
        e = store_log_append(d->st, &f, now, &log_id);
        free(subject);
    }
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:I, s:I, s:s, s:O}", "invoice_id", (json_int_t)invoice_id, "log_id",
                      (json_int_t)log_id, "deadline_days", (json_int_t)days, "deadline", deadline,
                      "missing", missing);
        if (in->override && (json_array_size(missing) > 0 || held))
            json_object_set_new(detail, "override", json_string(in->override));
        if (held) json_object_set_new(detail, "overrode", json_string(held));
        e = desk_audit(d, "letter.demand", "log_entries", log_id, detail);
        json_decref(detail);
    }
    e = store_end(d->st, e);
    if (!e) {
        int64_t owed = desk_ji(inv, "balance");
        line = cost_benefit(owed, in->pursuit_cost ? &cost : NULL, cur);
        *out = json_pack("{s:s, s:I, s:s, s:I, s:s, s:s, s:O}", "letter", letter, "log_id",
                         (json_int_t)log_id, "deadline", deadline, "owed", (json_int_t)owed,
                         "currency", cur, "cost_benefit", line, "overridden", missing);
        if (in->pursuit_cost) {
            json_object_set_new(*out, "cost", json_integer(cost));
            json_object_set_new(*out, "net", json_integer(owed - cost));
        }
    }
    free(held);
    free(letter);
    free(line);
    json_decref(inv);
    json_decref(client);
    json_decref(log);
    json_decref(missing);
    return e;
}
