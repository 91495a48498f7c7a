/* desk_invoice.c — unpaid invoices (P15): recording invoices and payments, how overdue each
 * one is, and the payment reminder that the demand letter later requires. Dates are calendar
 * dates compared as days, so a time zone never moves a due date. */
#include "desk/playbook_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void desk_today(rd_timestr out)
{
    time_date(time_now(), out);
}

/* Day number of a date already known to be valid; 0 for anything else. */
static int64_t day_number(const char *date)
{
    int y, m, d;
    rd_err *e = date_parse("date", date, &y, &m, &d);
    if (e) {
        rd_err_free(e);
        return 0;
    }
    return days_from_civil(y, m, d);
}

int64_t desk_days_between(const char *a, const char *b)
{
    return day_number(b) - day_number(a);
}

void desk_date_plus(const char *date, int64_t n, rd_timestr out)
{
    int y, m, d;
    civil_from_days(day_number(date) + n, &y, &m, &d);
    snprintf(out, sizeof(rd_timestr), "%04d-%02d-%02d", y, m, d);
}

rd_err *desk_money_in(const char *field, const char *text, const char *currency, int64_t *minor)
{
    char *amount = xstrdup(text ? text : "");
    size_t n = strlen(amount);
    while (n > 0 && amount[n - 1] == ' ')
        amount[--n] = '\0';
    /* a trailing " XYZ" names the currency the person meant */
    if (n > 4 && amount[n - 4] == ' ') {
        const char *code = amount + n - 3;
        bool letters = true;
        for (int i = 0; i < 3; i++)
            letters = letters && code[i] >= 'A' && code[i] <= 'Z';
        if (letters && strcmp(code, currency) != 0) {
            rd_err *e = rd_error(RD_INVALID,
                                 "%s: '%s' is in %s but this is in %s (currencies are"
                                 " never mixed)",
                                 field, text, code, currency);
            free(amount);
            return e;
        }
        if (letters) amount[n - 4] = '\0';
    }
    rd_err *e = money_parse(field, amount, currency, minor);
    if (!e && *minor == 0) e = rd_error(RD_INVALID, "%s: must be more than zero", field);
    free(amount);
    return e;
}

/* Parses a date that must not lie after today. */
static rd_err *past_date(const char *field, const char *text, const char *today)
{
    int y, m, d;
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: is required", field);
    rd_err *e = date_parse(field, text, &y, &m, &d);
    if (!e && strcmp(text, today) > 0)
        e = rd_error(RD_INVALID, "%s: %s is in the future", field, text);
    return e;
}

/* Adds days_overdue and overdue to an invoice row, as of today. */
static void add_overdue(json_t *inv, const char *today)
{
    int64_t late = desk_days_between(desk_js(inv, "due_on"), today);
    bool overdue = desk_ji(inv, "balance") > 0 && late > 0;
    json_object_set_new(inv, "days_overdue", json_integer(overdue ? late : 0));
    json_object_set_new(inv, "overdue", json_boolean(overdue));
}

rd_err *desk_invoice_add(rd_desk *d, const desk_invoice_input *in, int64_t *id)
{
    int64_t project_id, amount;
    rd_timestr today, now, due;
    int y, m, day;
    desk_today(today);
    rd_err *e = desk_parse_id("project", in->project, &project_id);
    if (!e && text_blank(in->number)) e = rd_error(RD_INVALID, "number: is required");
    if (!e) e = text_check("number", in->number, 64, false);
    if (!e) e = past_date("issued", in->issued, today);
    if (!e && in->due) e = date_parse("due", in->due, &y, &m, &day);
    if (!e && in->due && strcmp(in->due, in->issued) < 0)
        e = rd_error(RD_INVALID, "due: %s is before the issue date %s", in->due, in->issued);
    if (e) return e;
    desk_now(now);

    json_t *p = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_project_get(d->st, project_id, &p);
    const char *currency = p ? desk_js(p, "currency") : NULL;
    if (!e) e = desk_money_in("amount", in->amount, currency, &amount);
    if (!e) {
        if (in->due)
            snprintf(due, sizeof due, "%s", in->due);
        else
            desk_date_plus(in->issued, desk_ji(p, "payment_terms"), due);
        rd_invoice_fields f = {project_id, in->number, amount, currency, in->issued, due};
        e = store_invoice_insert(d->st, &f, now, id);
        if (e && e->code == RD_CONFLICT) { /* the UNIQUE (project_id, number) */
            rd_err_free(e);
            e = rd_error(RD_CONFLICT, "number: project %lld already has an invoice %s",
                         (long long)project_id, in->number);
        }
    }
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:s, s:I, s:s, s:s, s:s}", "project_id", (json_int_t)project_id,
                      "number", in->number, "amount", (json_int_t)amount, "currency", currency,
                      "issued_on", in->issued, "due_on", due);
        e = desk_audit(d, "invoice.add", "invoices", *id, detail);
        json_decref(detail);
    }
    json_decref(p);
    return store_end(d->st, e);
}

rd_err *desk_invoice_ref(rd_desk *d, const char *field, const char *text, int64_t *id)
{
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: is required", field);
    rd_err *e = text_check(field, text, DESK_MAX_NAME, false);
    json_t *rows = NULL;
    if (!e) e = store_invoice_ids_by_number(d->st, text, &rows);
    if (e) return e;
    size_t n = json_array_size(rows);
    if (n == 1) *id = desk_ji(json_array_get(rows, 0), "id");
    json_decref(rows);
    if (n > 1)
        return rd_error(RD_INVALID,
                        "%s: invoice number %s is on %zu projects; name it by its id (invoice "
                        "list shows both)",
                        field, text, n);
    if (n == 1) return NULL;
    if (strspn(text, "0123456789") != strlen(text))
        return rd_error(RD_NOT_FOUND, "%s: no invoice has the number %s (invoice list shows them)",
                        field, text);
    return desk_parse_id(field, text, id);
}

rd_err *desk_invoice_adjust(rd_desk *d, const desk_adjust_input *in, int64_t *id)
{
    static const char *const kinds[] = {"write_off", "credit_note", NULL};
    int64_t invoice_id, amount;
    rd_err *e = desk_check_word("kind", in->kind, kinds);
    if (!e && !in->kind) e = rd_error(RD_INVALID, "kind: is required");
    if (!e) e = desk_invoice_ref(d, "invoice", in->invoice, &invoice_id);
    if (!e && text_blank(in->reason)) e = rd_error(RD_INVALID, "reason: is required");
    if (!e) e = text_check("reason", in->reason, DESK_MAX_FIELD, false);
    if (!e) e = text_check("number", in->number, DESK_MAX_NAME, false);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *inv = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_invoice_get(d->st, invoice_id, &inv);
    if (!e) e = desk_money_in("amount", in->amount, desk_js(inv, "currency"), &amount);
    if (!e && amount > desk_ji(inv, "balance")) {
        char bal[48];
        money_format(desk_ji(inv, "balance"), desk_js(inv, "currency"), bal, sizeof bal);
        e = rd_error(RD_INVALID, "amount: more than the open balance of invoice %s (%s)",
                     desk_js(inv, "number"), bal);
    }
    if (!e)
        e = store_invoice_adjust(d->st, invoice_id, in->kind, amount, in->number, in->reason, now,
                                 id);
    if (!e) {
        json_t *detail = json_pack("{s:I, s:s, s:I, s:s, s:s?}", "invoice_id",
                                   (json_int_t)invoice_id, "kind", in->kind, "amount",
                                   (json_int_t)amount, "reason", in->reason, "number", in->number);
        e = desk_audit(d, "invoice.adjust", "invoice_adjustments", *id, detail);
        json_decref(detail);
    }
    json_decref(inv);
    return store_end(d->st, e);
}

rd_err *desk_invoice_pay(rd_desk *d, const desk_payment_input *in, int64_t *id)
{
    int64_t invoice_id, amount;
    rd_timestr today, now;
    desk_today(today);
    rd_err *e = desk_invoice_ref(d, "invoice", in->invoice, &invoice_id);
    if (!e) e = past_date("on", in->on, today);
    if (e) return e;
    desk_now(now);

    json_t *inv = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_invoice_get(d->st, invoice_id, &inv);
    const char *currency = inv ? desk_js(inv, "currency") : NULL;
    if (!e) e = desk_money_in("amount", in->amount, currency, &amount);
    if (!e && strcmp(in->on, desk_js(inv, "issued_on")) < 0)
        e = rd_error(RD_INVALID, "on: %s is before invoice %s was issued (%s)", in->on,
                     desk_js(inv, "number"), desk_js(inv, "issued_on"));
    if (!e && desk_ji(inv, "balance") <= 0)
        e = rd_error(RD_CONFLICT, "invoice: invoice %s is already paid in full",
                     desk_js(inv, "number"));
    if (!e && amount > desk_ji(inv, "balance")) {
        char bal[48];
        money_format(desk_ji(inv, "balance"), currency, bal, sizeof bal);
        e = rd_error(RD_INVALID, "amount: more than the %s still owed on invoice %s", bal,
                     desk_js(inv, "number"));
    }
    if (!e) e = store_payment_insert(d->st, invoice_id, amount, in->on, now, id);
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:I, s:s, s:s}", "invoice_id", (json_int_t)invoice_id, "amount",
                      (json_int_t)amount, "currency", currency, "paid_on", in->on);
        e = desk_audit(d, "invoice.pay", "payments", *id, detail);
        json_decref(detail);
    }
    json_decref(inv);
    return store_end(d->st, e);
}

rd_err *desk_invoice_get(rd_desk *d, int64_t id, json_t **out)
{
    json_t *inv = NULL, *payments = NULL;
    rd_timestr today;
    desk_today(today);
    rd_err *e = store_invoice_get(d->st, id, &inv);
    if (!e) e = store_payment_list(d->st, id, &payments);
    if (e) {
        json_decref(inv);
        return e;
    }
    add_overdue(inv, today);
    json_object_set_new(inv, "payments", payments);
    *out = inv;
    return NULL;
}

rd_err *desk_invoice_list(rd_desk *d, const char *client, bool overdue_only, rd_page *page,
                          json_t **out)
{
    int64_t client_id = 0;
    json_t *rows = NULL, *row = NULL;
    rd_timestr today;
    desk_today(today);
    rd_err *e = client ? desk_parse_id("client", client, &client_id) : NULL;
    if (!e && client_id) {
        e = store_client_get(d->st, client_id, &row);
        json_decref(row);
    }
    if (!e) e = store_invoice_list(d->st, client_id, overdue_only ? today : NULL, page, &rows);
    if (e) return e;
    size_t i;
    json_array_foreach(rows, i, row) add_overdue(row, today);
    *out = rows;
    return NULL;
}

/* The reminder in our words: friendly, factual, and leaving room for a reason we do not know. */
static char *reminder_text(json_t *inv, json_t *client, const char *today, bool dispute,
                           const char *signature)
{
    char owed[48], total[48];
    money_format(desk_ji(inv, "balance"), desk_js(inv, "currency"), owed, sizeof owed);
    money_format(desk_ji(inv, "amount"), desk_js(inv, "currency"), total, sizeof total);
    int64_t late = desk_ji(inv, "days_overdue");
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_addf(&b, "Dear %s,\n\n", desk_js(client, "name")));
    rd_err_free(buf_addf(&b, "A short note about invoice %s of %s for \"%s\" (%s). It %s due on %s",
                         desk_js(inv, "number"), desk_js(inv, "issued_on"),
                         desk_js(inv, "project_title"), total, late > 0 ? "was" : "is",
                         desk_js(inv, "due_on")));
    if (late > 0)
        rd_err_free(
            buf_addf(&b, " and is now %lld day%s past due", (long long)late, late == 1 ? "" : "s"));
    rd_err_free(buf_addf(&b, ". As of %s the balance open is %s.\n\n", today, owed));
    if (dispute) /* "ignore this if paid" reads as a brush-off while we are talking it over */
        rd_err_free(buf_adds(&b, "I know we are still talking about what went wrong, and that"
                                 " conversation goes on. This note only keeps the record of the"
                                 " invoice straight; if you see part of it differently, tell me"
                                 " which part and we will settle it together.\n\n"));
    else
        rd_err_free(buf_adds(&b, "If the payment is already on its way, thank you, and please"
                                 " ignore this note. If anything about the invoice looks wrong or"
                                 " unclear, reply and tell me what, and I will answer within two"
                                 " working days.\n\n"));
    rd_err_free(buf_adds(&b, signature));
    char *wrapped = desk_wrap(buf_str(&b), 76);
    buf_reset(&b);
    return wrapped;
}

rd_err *desk_invoice_remind(rd_desk *d, int64_t id, json_t **out)
{
    desk_remind_input in = {0};
    return desk_invoice_remind_with(d, id, &in, out);
}

rd_err *desk_invoice_remind_with(rd_desk *d, int64_t id, const desk_remind_input *in, json_t **out)
{
    json_t *inv = NULL, *client = NULL;
    rd_timestr today, now;
    desk_today(today);
    desk_now(now);
    const char *channel = in->channel ? in->channel : "email";
    rd_err *e = desk_check_word("channel", channel, desk_channels);
    if (!e) e = pb_override_check(in->override);
    if (e) return e;
    if ((e = store_begin(d->st))) return e;
    e = store_invoice_get(d->st, id, &inv);
    if (!e && desk_ji(inv, "balance") <= 0)
        e = rd_error(RD_CONFLICT, "invoice: invoice %s is paid in full; nothing to remind",
                     desk_js(inv, "number"));
    if (!e) e = store_client_get(d->st, desk_ji(inv, "client_id"), &client);
    char *text = NULL, *subject = NULL, *overrode = NULL, *signature = NULL;
    int64_t log_id = 0, reminder_id = 0, disputes = 0, newest_case = 0;
    /* a preview sends nothing, so only a real reminder waits for a pause or cool-off */
    if (!e && !in->preview)
        e = pb_client_hold(d, desk_ji(inv, "client_id"), "a payment reminder", in->override,
                           &overrode, 0);
    if (!e) e = store_client_open_cases(d->st, desk_ji(inv, "client_id"), &disputes, &newest_case);
    if (!e) e = desk_signature(d, "Kind regards", &signature);
    if (!e) {
        add_overdue(inv, today);
        text = reminder_text(inv, client, today, disputes > 0, signature);
        subject = xasprintf("Payment reminder: invoice %s", desk_js(inv, "number"));
    }
    if (!e && !in->preview) {
        rd_log_fields f = {desk_ji(inv, "client_id"), 0, "out", channel, now, subject, text};
        e = store_log_append(d->st, &f, now, &log_id);
    }
    if (!e && !in->preview) e = store_reminder_insert(d->st, id, log_id, now, &reminder_id);
    if (!e && !in->preview) {
        json_t *detail = json_pack("{s:I, s:I, s:s}", "invoice_id", (json_int_t)id, "log_id",
                                   (json_int_t)log_id, "channel", channel);
        e = pb_audit(d, "invoice.remind", "invoice_reminders", reminder_id, detail, in->override,
                     overrode);
    }
    free(overrode);
    free(signature);
    e = store_end(d->st, e);
    if (!e)
        *out = json_pack("{s:I, s:I, s:s, s:s, s:b}", "log_id", (json_int_t)log_id, "reminder_id",
                         (json_int_t)reminder_id, "subject", subject, "text", text, "preview",
                         in->preview);
    free(text);
    free(subject);
    json_decref(inv);
    json_decref(client);
    return e;
}
