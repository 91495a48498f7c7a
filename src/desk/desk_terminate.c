/* desk_terminate.c — walking away from a client (P16): the time that feeds the cost-of-serving
 * trigger, the checklist of what is still owed to the client, handing each item over, and the
 * written notice. Termination is refused while anything is open, so nobody is left with
 * half-finished work or money they are owed. */
#include "desk/playbook_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const obligation_kinds[] = {"commitment", "project", "refund", "invoice", NULL};

/* Longest time entry: thirty days of work logged at once. */
#define MAX_ENTRY_MINUTES (30 * 24 * 60)

/* Reads digits with an optional decimal part at *p: *whole, and the fraction as num/den. */
static int read_number(const char **p, int64_t *whole, int64_t *num, int64_t *den)
{
    int digits = 0;
    *whole = *num = 0;
    *den = 1;
    for (; **p >= '0' && **p <= '9' && *whole < MAX_ENTRY_MINUTES; (*p)++, digits++)
        *whole = *whole * 10 + (**p - '0');
    if (digits && (**p == '.' || **p == ','))
        for ((*p)++; **p >= '0' && **p <= '9' && *den < 1000; (*p)++)
            *num = *num * 10 + (**p - '0'), *den *= 10;
    return digits;
}

/* Skips a minutes unit: "m" or "min". */
static void skip_minutes(const char **p)
{
    if (**p == 'm') (*p)++;
    if (**p == 'i' && (*p)[1] == 'n') *p += 2;
}

rd_err *desk_duration_parse(const char *field, const char *text, int64_t *minutes)
{
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: is required", field);
    const char *p = text;
    int64_t a, num, den, total = -1;
    if (read_number(&p, &a, &num, &den)) {
        if (*p == 'h') { /* hours, fractions allowed, then perhaps minutes: "1h30" */
            p++;
            total = a * 60 + num * 60 / den;
            int64_t b, bn, bd;
            if (*p) { /* minutes after hours are 0 to 59: "1h60", "1h2.5" are refused */
                int ok = read_number(&p, &b, &bn, &bd) && bn == 0 && b < 60;
                skip_minutes(&p);
                total = ok ? total + b : -1;
            }
        } else if (num == 0) { /* whole minutes: "90", "90m" */
            skip_minutes(&p);
            total = a;
        }
    }
    if (*p || total < 1 || total > MAX_ENTRY_MINUTES)
        return rd_error(RD_INVALID,
                        "%s: '%s' is not a time between 1 minute and 30 days (90, 45m, 1h30, "
                        "1.5h)",
                        field, text);
    *minutes = total;
    return NULL;
}

rd_err *desk_time_add(rd_desk *d, const desk_time_input *in, int64_t *id)
{
    int64_t client_id, case_id = 0, minutes;
    rd_err *e = desk_parse_id("client", in->client, &client_id);
    if (!e && in->case_id) e = desk_parse_id("case", in->case_id, &case_id);
    if (!e) e = desk_duration_parse("minutes", in->minutes, &minutes);
    if (!e) e = text_check("note", in->note, DESK_MAX_FIELD, true);
    rd_timestr now, today;
    desk_today(today);
    int y, m, dd;
    if (!e && in->on) e = date_parse("on", in->on, &y, &m, &dd);
    if (!e && in->on && strcmp(in->on, today) > 0)
        e = rd_error(RD_INVALID, "on: %s is in the future", in->on);
    if (e) return e;
    desk_now(now);
    rd_timestr at;
    if (in->on)
        snprintf(at, sizeof at, "%.10sT12:00:00Z", in->on);
    else
        memcpy(at, now, sizeof at);

    json_t *row = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, client_id, &row);
    json_decref(row);
    row = NULL;
    if (!e && case_id) e = store_case_get(d->st, case_id, &row);
    if (!e && case_id && desk_ji(row, "client_id") != client_id)
        e = rd_error(RD_INVALID, "case: case %lld belongs to another client", (long long)case_id);
    json_decref(row);
    if (!e) e = store_time_insert(d->st, client_id, case_id, minutes, in->note, at, id);
    if (!e) {
        json_t *detail = json_pack("{s:I, s:I, s:I}", "client_id", (json_int_t)client_id, "case_id",
                                   (json_int_t)case_id, "minutes", (json_int_t)minutes);
        e = desk_audit(d, "time.add", "time_entries", *id, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

/* ---------------------------------------------------------------- the checklist */

static void add_item(json_t *items, const char *item, json_t *row, char *what)
{
    json_array_append_new(items, json_pack("{s:s, s:I, s:s}", "item", item, "id",
                                           (json_int_t)desk_ji(row, "id"), "what", what));
    free(what);
}

/* Flattens the open obligations into {item, id, what} rows the user can hand over. */
static json_t *checklist_items(json_t *open)
{
    json_t *items = json_array(), *row;
    size_t i;
    json_array_foreach(json_object_get(open, "commitments"), i, row) add_item(
        items, "commitment", row,
        xasprintf("open commitment on case %lld, due %s: %s", (long long)desk_ji(row, "case_id"),
                  desk_js(row, "due_on"), desk_js(row, "text")));
    json_array_foreach(json_object_get(open, "projects"), i, row) add_item(
        items, "project", row, xasprintf("undelivered project \"%s\"", desk_js(row, "title")));
    json_array_foreach(json_object_get(open, "refunds"), i, row)
    {
        char amount[48];
        money_format(desk_ji(row, "amount"), desk_js(row, "currency"), amount, sizeof amount);
        add_item(items, "refund", row,
                 xasprintf("pending %s of %s on case %lld", desk_js(row, "kind"), amount,
                           (long long)desk_ji(row, "case_id")));
    }
    json_array_foreach(json_object_get(open, "invoices"), i, row)
    {
        char amount[48];
        money_format(desk_ji(row, "balance"), desk_js(row, "currency"), amount, sizeof amount);
        add_item(items, "invoice", row,
                 xasprintf("unpaid invoice %s, %s open, due %s", desk_js(row, "number"), amount,
                           desk_js(row, "due_on")));
    }
    return items;
}

rd_err *desk_terminate_check(rd_desk *d, int64_t client_id, json_t **out)
{
    json_t *client = NULL, *triggers = NULL, *open = NULL, *handovers = NULL;
    rd_err *e = store_client_get(d->st, client_id, &client);
    if (!e) e = desk_walkaway_triggers(d, client_id, &triggers);
    if (!e) e = store_open_obligations(d->st, client_id, &open);
    if (!e) e = store_handover_list(d->st, client_id, &handovers);
    if (!e) {
        json_t *items = checklist_items(open);
        *out =
            json_pack("{s:I, s:s, s:s, s:O, s:I, s:o, s:O}", "client_id", (json_int_t)client_id,
                      "client_name", desk_js(client, "name"), "status", desk_js(client, "status"),
                      "triggers", triggers, "open_count", (json_int_t)json_array_size(items),
                      "items", items, "handovers", handovers);
    }
    json_decref(client);
    json_decref(triggers);
    json_decref(open);
    json_decref(handovers);
    return e;
}

/* Splits "commitment:3" into a kind from obligation_kinds and an id; an invoice may be named by
 * its number ("invoice:2026-031"). */
static rd_err *parse_item(rd_desk *d, const char *text, const char **kind, int64_t *id)
{
    const char *colon = text ? strchr(text, ':') : NULL;
    if (text_blank(text)) return rd_error(RD_INVALID, "handover: is required (KIND:ID)");
    if (!colon)
        return rd_error(RD_INVALID, "handover: '%s' is not KIND:ID (e.g. commitment:3)", text);
    for (int i = 0; obligation_kinds[i]; i++)
        if (strlen(obligation_kinds[i]) == (size_t)(colon - text) &&
            strncmp(obligation_kinds[i], text, (size_t)(colon - text)) == 0)
            *kind = obligation_kinds[i];
    if (!*kind)
        return rd_error(RD_INVALID,
                        "handover: '%.*s' is not commitment, project, refund or invoice",
                        (int)(colon - text), text);
    if (strcmp(*kind, "invoice") == 0) return desk_invoice_ref(d, "handover", colon + 1, id);
    return parse_int("handover", colon + 1, 1, INT64_MAX, id);
}

rd_err *desk_terminate_handover(rd_desk *d, const desk_handover_input *in, int64_t *id)
{
    int64_t client_id, item_id, owner = 0;
    const char *kind = NULL;
    rd_err *e = desk_parse_id("client", in->client, &client_id);
    if (!e) e = parse_item(d, in->item, &kind, &item_id);
    if (!e && text_blank(in->note))
        e = rd_error(RD_INVALID, "note: say to whom or how it was handed over");
    if (!e) e = text_check("note", in->note, DESK_MAX_FIELD, true);
    if (e) return e;
    rd_timestr now;
    desk_now(now);

    json_t *client = NULL, *open = NULL, *items = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, client_id, &client);
    if (!e) e = store_obligation_client(d->st, kind, item_id, &owner);
    if (!e && owner != client_id)
        e = rd_error(RD_INVALID, "handover: %s %lld belongs to another client", kind,
                     (long long)item_id);
    if (!e) e = store_open_obligations(d->st, client_id, &open);
    bool is_open = false;
    if (!e) {
        items = checklist_items(open);
        size_t i;
        json_t *it;
        json_array_foreach(items, i, it) is_open =
            is_open || (strcmp(desk_js(it, "item"), kind) == 0 && desk_ji(it, "id") == item_id);
        if (!is_open)
            e = rd_error(RD_CONFLICT,
                         "handover: %s %lld is not open (done, paid, delivered or"
                         " already handed over)",
                         kind, (long long)item_id);
    }
    if (!e) e = store_handover_insert(d->st, client_id, kind, item_id, in->note, now, id);
    if (!e) {
        json_t *detail = json_pack("{s:I, s:s, s:I, s:s}", "client_id", (json_int_t)client_id,
                                   "item", kind, "item_id", (json_int_t)item_id, "note", in->note);
        e = desk_audit(d, "terminate.handover", "handovers", *id, detail);
        json_decref(detail);
    }
    json_decref(client);
    json_decref(open);
    json_decref(items);
    return store_end(d->st, e);
}

/* ---------------------------------------------------------------- the notice */

static char *notice_text(json_t *client, const desk_terminate_input *in, json_t *handovers,
                         const char *today, bool we, const char *signature)
{
    const char *I = desk_say(we, "I", "we");
    rd_buf b;
    buf_init(&b, 0);
    rd_err_free(buf_addf(&b, "Notice of termination of services\n\nDate: %s\nTo:   %s\n\n", today,
                         desk_js(client, "name")));
    rd_err_free(buf_addf(&b, "Dear %s,\n\n", desk_js(client, "name")));
    rd_err_free(buf_addf(&b,
                         "After careful thought %s have decided to end our working"
                         " relationship, with effect from today. %s would rather tell you"
                         " plainly and in writing why, so that nothing is left unclear.\n\n"
                         "The reasons:\n",
                         I, desk_say(we, "I", "We")));
    for (int i = 0; i < in->nreasons; i++)
        rd_err_free(buf_addf(&b, "- %s\n", in->reasons[i]));
    rd_err_free(buf_adds(&b, "\n"));
    if (json_array_size(handovers) == 0) {
        rd_err_free(buf_adds(&b, "Nothing remains open between us: the work, any refunds and the"
                                 " invoices are settled.\n\n"));
    } else {
        rd_err_free(buf_addf(&b, "What was still open, %s settled or handed over:\n",
                             desk_say(we, "I have", "we have")));
        size_t i;
        json_t *h;
        json_array_foreach(handovers, i, h)
        {
            rd_err_free(buf_addf(&b, "- %s %lld: %s\n", desk_js(h, "item"),
                                 (long long)desk_ji(h, "item_id"), desk_js(h, "note")));
        }
        rd_err_free(buf_adds(&b, "\n"));
    }
    if (!text_blank(in->referral))
        rd_err_free(buf_addf(&b,
                             "If you would like to carry on with someone else, %s recommend %s,"
                             " and %s will hand over the files and notes they need to take the"
                             " work forward.\n\n",
                             I, in->referral, I));
    else
        rd_err_free(buf_addf(&b,
                             "If you would like to carry on with someone else, %s glad to"
                             " suggest another provider and to hand over the files and notes"
                             " they need to take the work forward.\n\n",
                             desk_say(we, "I am", "we are")));
    rd_err_free(buf_addf(&b, "Thank you for the work we did together. %s wish you well.\n\n%s",
                         desk_say(we, "I", "We"), signature));
    char *wrapped = desk_wrap(buf_str(&b), 76);
    buf_reset(&b);
    return wrapped;
}

static rd_err *check_terminate_input(const desk_terminate_input *in, int64_t *client_id)
{
    rd_err *e = desk_parse_id("client", in->client, client_id);
    if (!e && in->nreasons == 0) e = rd_error(RD_INVALID, "reason: give at least one reason");
    for (int i = 0; !e && i < in->nreasons; i++) {
        if (text_blank(in->reasons[i])) e = rd_error(RD_INVALID, "reason: is empty");
        if (!e) e = text_check("reason", in->reasons[i], DESK_MAX_FIELD, false);
    }
    if (!e) e = text_check("referral", in->referral, DESK_MAX_NAME, false);
    if (!e) e = pb_override_check(in->override);
    return e;
}

/* One line naming each open item, for the refusal. */
static char *open_words(json_t *items)
{
    rd_buf b;
    buf_init(&b, 0);
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        rd_err_free(buf_addf(&b, "%s%s:%lld (%s)", i ? "; " : "", desk_js(it, "item"),
                             (long long)desk_ji(it, "id"), desk_js(it, "what")));
    }
    return buf_detach(&b);
}

rd_err *desk_terminate_confirm(rd_desk *d, const desk_terminate_input *in, json_t **out)
{
    int64_t client_id, log_id = 0, term_id = 0;
    rd_err *e = check_terminate_input(in, &client_id);
    if (e) return e;
    rd_timestr now, today;
    desk_now(now);
    desk_today(today);

    json_t *client = NULL, *check = NULL;
    char *notice = NULL, *reason = NULL, *held = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_client_get(d->st, client_id, &client);
    if (!e && strcmp(desk_js(client, "status"), "terminated") == 0)
        e = rd_error(RD_CONFLICT, "client: %s is already terminated", desk_js(client, "name"));
    if (!e) e = desk_terminate_check(d, client_id, &check);
    if (!e && desk_ji(check, "open_count") > 0) {
        char *words = open_words(json_object_get(check, "items"));
        e = rd_error(RD_CONFLICT,
                     "terminate: %lld item%s still open: %s; fulfil or hand each over first",
                     (long long)desk_ji(check, "open_count"),
                     desk_ji(check, "open_count") == 1 ? " is" : "s are", words);
        free(words);
    }
    if (!e) {
        rd_buf b;
        buf_init(&b, 0);
        for (int i = 0; i < in->nreasons; i++)
            rd_err_free(buf_addf(&b, "%s%s", i ? "; " : "", in->reasons[i]));
        reason = buf_detach(&b);
        bool we = false;
        char *signature = NULL;
        e = pb_client_hold(d, client_id, "the termination notice", in->override, &held, 1);
        if (!e) e = desk_voice_we(d, &we);
        if (!e) e = desk_signature(d, "Kind regards", &signature);
        if (!e)
            notice =
                notice_text(client, in, json_object_get(check, "handovers"), today, we, signature);
        free(signature);
    }
    if (!e) {
        rd_log_fields f = {client_id, 0, "out", "letter", now, "Notice of termination", notice};
        e = store_log_append(d->st, &f, now, &log_id);
    }
    if (!e) e = store_termination_insert(d->st, client_id, reason, log_id, now, &term_id);
    if (!e) {
        rd_client_fields cf = {.status = "terminated"};
        e = store_client_update(d->st, client_id, &cf, now);
    }
    if (!e) e = store_cases_terminate(d->st, client_id, now);
    if (!e) {
        json_t *detail =
            json_pack("{s:I, s:s, s:I, s:O}", "client_id", (json_int_t)client_id, "reason", reason,
                      "log_id", (json_int_t)log_id, "triggers", json_object_get(check, "triggers"));
        e = pb_audit(d, "client.terminate", "terminations", term_id, detail,
                     held ? in->override : NULL, held);
    }
    e = store_end(d->st, e);
    if (!e)
        *out = json_pack("{s:I, s:I, s:s}", "termination_id", (json_int_t)term_id, "log_id",
                         (json_int_t)log_id, "notice", notice);
    free(notice);
    free(reason);
    free(held);
    json_decref(client);
    json_decref(check);
    return e;
}
