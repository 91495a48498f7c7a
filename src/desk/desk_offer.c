/* desk_offer.c — offers and what follows them (P8–P11): parsing the options a user offers,
 * checking each is feasible (a date not in the past, a refund within what was paid, revisions
 * beyond the policy charged or waived), showing the margin effect and the meet-halfway figure,
 * then the client's choice turned into commitments and refund-ledger rows, the automatic
 * follow-up, feedback and lessons. Every case operation passes the stage guard of playbook.c. */
#include "desk/playbook_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *const desk_offer_kinds[] = {"redo",     "revision",    "partial_refund",
                                        "discount", "full_refund", "extra_support",
                                        "referral", "client_fix",  NULL};

#define MAX_OPTIONS 9

/* ---------------------------------------------------------------- money and dates */

int64_t desk_percent_of(int64_t base, int64_t bp)
{
    int64_t p = base * bp; /* base <= RD_MONEY_MAX and bp <= 10000 keep this in range */
    return p >= 0 ? (p + 5000) / 10000 : -((-p + 5000) / 10000);
}

/* "15", "12.5", "0.25" percent (the % already removed) into basis points. */
static rd_err *parse_percent(const char *field, const char *text, size_t n, int64_t *bp)
{
    int64_t whole = 0, frac = 0;
    size_t i = 0, digits = 0, fdigits = 0;
    for (; i < n && isdigit((unsigned char)text[i]) && digits < 4; i++, digits++)
        whole = whole * 10 + (text[i] - '0');
    if (i < n && text[i] == '.')
        for (i++; i < n && isdigit((unsigned char)text[i]) && fdigits < 2; i++, fdigits++)
            frac = frac * 10 + (text[i] - '0');
    if (fdigits == 1) frac *= 10;
    int64_t v = whole * 100 + frac;
    if (i != n || digits == 0 || v < 1 || v > 10000)
        return rd_error(RD_INVALID, "%s: '%.*s%%' is not a percent from 0.01%% to 100%%", field,
                        (int)n, text);
    *bp = v;
    return NULL;
}

static bool is_code(const char *s, size_t n)
{
    if (n != 3) return false;
    for (size_t i = 0; i < 3; i++)
        if (!isupper((unsigned char)s[i])) return false;
    return true;
}

rd_err *desk_amount_parse(const char *field, const char *text, const char *currency, int64_t *minor,
                          int64_t *bp)
{
    *minor = -1;
    *bp = -1;
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: an amount is required", field);
    size_t n = strlen(text);
    if (text[n - 1] == '%') return parse_percent(field, text, n - 1, bp);
    const char *num = text, *code = NULL;
    size_t numlen = n;
    const char *sp = strchr(text, ' ');
    if (sp) {
        if (is_code(text, (size_t)(sp - text))) { /* "GBP 200.00" */
            code = text;
            num = sp + 1;
            numlen = strlen(num);
        } else if (is_code(sp + 1, strlen(sp + 1))) { /* "200.00 GBP" */
            code = sp + 1;
            numlen = (size_t)(sp - text);
        }
    }
    if (code) {
        char c[4] = {code[0], code[1], code[2], '\0'};
        rd_err *e = money_check_currency(field, c);
        if (e) return e;
        if (strcmp(c, currency) != 0)
            return rd_error(RD_INVALID,
                            "%s: %s is not %s, the currency of this case; amounts in different "
                            "currencies are never mixed",
                            field, c, currency);
    }
    char *plain = xstrndup(num, numlen);
    rd_err *e = money_parse(field, plain, currency, minor);
    if (!e && *minor == 0) e = rd_error(RD_INVALID, "%s: must be more than zero", field);
    free(plain);
    if (e) *minor = -1;
    return e;
}

static int64_t today_days(void)
{
    rd_timestr t;
    int y, m, d;
    pb_today(t);
    rd_err_free(date_parse("today", t, &y, &m, &d));
    return days_from_civil(y, m, d);
}

rd_err *desk_due_check(const char *field, const char *text)
{
    int y, m, d;
    if (text_blank(text)) return rd_error(RD_INVALID, "%s: a due date is required", field);
    rd_err *e = date_parse(field, text, &y, &m, &d);
    if (e) return e;
    if (days_from_civil(y, m, d) < today_days())
        return rd_error(RD_INVALID, "%s: %s is in the past", field, text);
    return NULL;
}

/* ---------------------------------------------------------------- offers */

/* One option as parsed, with what it does to the money. */
typedef struct option {
    char *kind, *detail, *due;
    int64_t amount, bp;    /* -1 when not given */
    int64_t revisions;     /* revisions asked for by a revision option */
    int64_t extras;        /* of those, beyond the policy */
    int64_t extras_price;  /* what the extras cost at the project's price */
    const char *charge;    /* charge | waive for extras */
    int64_t margin_effect; /* change to the project's margin */
} option;

static void options_free(option *o, int n)
{
    for (int i = 0; i < n; i++) {
        free(o[i].kind);
        free(o[i].detail);
        free(o[i].due);
    }
}

/* Money context of an offer: the project's figures and the case currency. */
typedef struct money_ctx {
    json_t *project;    /* store_project_money row, or NULL without a project */
    const char *cur;    /* borrowed */
    int64_t refundable; /* paid less refunded */
    int64_t price;
    int64_t time_cost; /* -1 when the hourly cost is in another currency */
    int64_t before;    /* margin before the offer */
} money_ctx;

static bool is_money_kind(const char *k)
{
    return strcmp(k, "partial_refund") == 0 || strcmp(k, "discount") == 0 ||
           strcmp(k, "full_refund") == 0;
}

/* Splits "KIND:DETAIL:DUE" and checks it against the case's money. */
static rd_err *parse_option(const char *text, int pos, const money_ctx *mc, const char *charge,
                            option *o)
{
    char field[32];
    snprintf(field, sizeof field, "option %d", pos);
    memset(o, 0, sizeof *o);
    o->amount = o->bp = -1;
    const char *c1 = text ? strchr(text, ':') : NULL, *c2 = text ? strrchr(text, ':') : NULL;
    if (!c1 || c1 == c2)
        return rd_error_at(RD_INVALID, "option",
                           "%s: '%s' is not KIND:DETAIL:DUE (a kind, what is offered and a due "
                           "date: redo:reprint the boards:2026-11-27)",
                           field, text ? text : "");
    o->kind = xstrndup(text, (size_t)(c1 - text));
    o->detail = xstrndup(c1 + 1, (size_t)(c2 - c1 - 1));
    o->due = xstrdup(c2 + 1);
    rd_err *e = desk_check_word(field, o->kind, desk_offer_kinds);
    if (!e) e = text_check(field, o->detail, DESK_MAX_FIELD, false);
    if (!e) e = desk_due_check(field, o->due);
    if (e) return e;
    bool money = is_money_kind(o->kind), revision = strcmp(o->kind, "revision") == 0;
    if ((money || revision) && !mc->project)
        return rd_error(RD_INVALID, "%s: a %s needs the case to be about a project", field,
                        o->kind);
    if (strcmp(o->kind, "full_refund") == 0) {
        o->amount = mc->refundable;
        if (o->amount <= 0)
            return rd_error(RD_INVALID, "%s: nothing was paid on the project's invoices to refund",
                            field);
    } else if (money) {
        if ((e = desk_amount_parse(field, o->detail, mc->cur, &o->amount, &o->bp))) return e;
        bool refund = strcmp(o->kind, "partial_refund") == 0;
        if (o->bp >= 0) {
            if (!refund && mc->price <= 0)
                return rd_error(RD_INVALID, "%s: the project has no agreed price to take %s of",
                                field, o->detail);
            o->amount = desk_percent_of(refund ? mc->refundable : mc->price, o->bp);
            if (o->amount <= 0)
                return rd_error(RD_INVALID, "%s: %s of nothing paid is nothing to refund", field,
                                o->detail);
        }
        if (refund && o->amount > mc->refundable) {
            char a[48], p[48];
            money_format(o->amount, mc->cur, a, sizeof a);
            money_format(mc->refundable, mc->cur, p, sizeof p);
            return rd_error(RD_INVALID,
                            "%s: a refund of %s exceeds what the client paid on the project's "
                            "invoices (%s after earlier refunds)",
                            field, a, p);
        }
    }
    if (strcmp(o->kind, "client_fix") == 0 &&
        (e = pb_client_fix(field, o->detail, mc->cur, mc->project != NULL, mc->refundable,
                           &o->amount)))
        return e;
    if (strcmp(o->kind, "client_fix") == 0 && o->amount > 0) { /* the words alone are the detail */
        char *semi = strrchr(o->detail, ';');
        while (semi > o->detail && semi[-1] == ' ')
            semi--;
        *semi = '\0';
    }
    if (money || o->amount > 0) o->margin_effect = -o->amount;
    if (revision) {
        int64_t n = 1;
        const char *dt = o->detail;
        if (isdigit((unsigned char)dt[0])) {
            n = 0;
            for (; isdigit((unsigned char)*dt) && n < 100; dt++)
                n = n * 10 + (*dt - '0');
            if (n < 1 || n > 20)
                return rd_error(RD_INVALID, "%s: between 1 and 20 revisions can be offered", field);
        }
        int64_t used = desk_ji(mc->project, "revisions_used"),
                incl = desk_ji(mc->project, "revisions");
        int64_t free_left = incl > used ? incl - used : 0;
        o->revisions = n;
        o->extras = n > free_left ? n - free_left : 0;
        o->extras_price = o->extras * desk_ji(mc->project, "extra_revision_price");
        if (o->extras > 0 && !charge) {
            char p[48];
            money_format(o->extras_price, mc->cur, p, sizeof p);
            return rd_error(RD_INVALID,
                            "charge: %s goes %lld revision%s beyond the %lld included (%lld used); "
                            "the extras cost %s: charge for them or waive them (P18)",
                            field, (long long)o->extras, o->extras == 1 ? "" : "s", (long long)incl,
                            (long long)used, p);
        }
        if (o->extras > 0) {
            o->charge = charge;
            if (strcmp(charge, "charge") == 0) o->margin_effect = o->extras_price;
        }
    }
    return NULL;
}

static rd_err *money_context(rd_desk *d, json_t *k, const char *cur, money_ctx *mc)
{
    memset(mc, 0, sizeof *mc);
    mc->cur = cur;
    int64_t pid = desk_ji(k, "project_id");
    if (!pid) return NULL;
    rd_err *e = store_project_money(d->st, pid, &mc->project);
    if (e) return e;
    if (desk_ji(mc->project, "other_currency_paid") > 0) {
        json_decref(mc->project);
        mc->project = NULL;
        return rd_error(RD_INVALID,
                        "project: payments in another currency than %s; amounts are "
                        "never mixed",
                        cur);
    }
    mc->price = desk_ji(mc->project, "price");
    int64_t refunded = desk_ji(mc->project, "refunded");
    mc->refundable = desk_ji(mc->project, "paid") - refunded;
    char *own = NULL;
    int64_t hourly = 0;
    e = desk_config_get(d, "currency", &own);
    mc->time_cost = -1;
    if (!e && strcmp(own, cur) == 0) {
        e = desk_config_money(d, "hourly_cost", cur, &hourly);
        if (!e) mc->time_cost = desk_ji(mc->project, "minutes") * hourly / 60;
    }
    free(own);
    /* the margin is what the project actually brought in (P8): cash received less what went
     * back, and the time its complaints took */
    mc->before = desk_ji(mc->project, "paid") - refunded - desk_ji(mc->project, "discounted") -
                 (mc->time_cost > 0 ? mc->time_cost : 0);
    return e;
}

/* How an option reads to the client. Caller frees. */
static char *describe(const option *o, const char *cur)
{
    char a[48] = "";
    if (o->amount >= 0) money_format(o->amount, cur, a, sizeof a);
    if (strcmp(o->kind, "redo") == 0)
        return xasprintf("Redo the work at no cost%s%s", o->detail[0] ? ": " : "", o->detail);
    if (strcmp(o->kind, "revision") == 0) {
        const char *rest = o->detail; /* the leading count is already said */
        while (isdigit((unsigned char)*rest) || *rest == ' ')
            rest++;
        return xasprintf("%lld extra revision%s%s%s", (long long)o->revisions,
                         o->revisions == 1 ? "" : "s", rest[0] ? ": " : "", rest);
    }
    if (strcmp(o->kind, "partial_refund") == 0) return xasprintf("A refund of %s", a);
    if (strcmp(o->kind, "full_refund") == 0) return xasprintf("A full refund of %s", a);
    if (strcmp(o->kind, "discount") == 0) return xasprintf("A discount of %s on your next work", a);
    if (strcmp(o->kind, "extra_support") == 0)
        return xasprintf("Extra support%s%s", o->detail[0] ? ": " : "", o->detail);
    if (strcmp(o->kind, "client_fix") == 0)
        return o->amount > 0 ? xasprintf("Your own proposal: %s (%s back to you)", o->detail, a)
                             : xasprintf("Your own proposal: %s", o->detail);
    return xasprintf("A referral to another provider%s%s", o->detail[0] ? ": " : "", o->detail);
}

/* The meet-halfway figure after the last rejected offer with an ask, or json null. */
static rd_err *halfway(rd_desk *d, int64_t case_id, json_t **out)
{
    json_t *last = NULL;
    rd_err *e = store_offer_last_rejected(d->st, case_id, &last);
    *out = json_null();
    if (e || !last || json_is_null(json_object_get(last, "ask_amount"))) {
        json_decref(last);
        return e;
    }
    int64_t offered = 0, ask = desk_ji(last, "ask_amount");
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(last, "options"), i, o)
    {
        if (desk_ji(o, "amount") > offered) offered = desk_ji(o, "amount");
    }
    json_decref(*out);
    *out = json_pack("{s:I, s:I, s:I, s:I}", "offer_id", (json_int_t)desk_ji(last, "id"),
                     "last_offered", (json_int_t)offered, "ask", (json_int_t)ask, "halfway",
                     (json_int_t)desk_percent_of(offered + ask, 5000));
    json_decref(last);
    return NULL;
}

static json_t *option_json(const option *o, int pos, int64_t before)
{
    json_t *j = json_pack("{s:i, s:s, s:s, s:s, s:I}", "position", pos, "kind", o->kind, "detail",
                          o->detail, "due_on", o->due, "margin_after",
                          (json_int_t)(before + o->margin_effect));
    json_object_set_new(j, "amount", o->amount >= 0 ? json_integer(o->amount) : json_null());
    json_object_set_new(j, "percent_bp", o->bp >= 0 ? json_integer(o->bp) : json_null());
    if (o->revisions) {
        json_object_set_new(j, "revisions", json_integer(o->revisions));
        json_object_set_new(j, "beyond_policy", json_integer(o->extras));
        json_object_set_new(j, "extras_price", json_integer(o->extras_price));
        json_object_set_new(j, "revision_charge", o->charge ? json_string(o->charge) : json_null());
    }
    return j;
}

static rd_err *save_offer(rd_desk *d, json_t *k, const char *cur, const option *opts, int n,
                          const char *text, const char *now, int64_t *id)
{
    rd_err *e = store_offer_insert(d->st, desk_ji(k, "id"), cur, now, id);
    for (int i = 0; !e && i < n; i++) {
        int64_t oid;
        rd_option_fields f = {*id,
                              i + 1,
                              opts[i].kind,
                              opts[i].detail,
                              opts[i].due,
                              opts[i].amount >= 0 ? &opts[i].amount : NULL,
                              opts[i].bp >= 0 ? &opts[i].bp : NULL,
                              opts[i].charge};
        e = store_option_insert(d->st, &f, &oid);
    }
    if (!e) e = pb_log_out(d, k, NULL, "Offer: please choose an option", text, now, NULL);
    return e;
}

/* Withdraws the case's open offers (only reached with --override). */
static rd_err *withdraw_open(rd_desk *d, int64_t case_id, const char *now)
{
    json_t *list = NULL;
    rd_err *e = store_offer_list(d->st, case_id, NULL, &list);
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o)
    {
        if (!e && strcmp(desk_js(o, "status"), "open") == 0)
            e = store_offer_decide(d->st, desk_ji(o, "id"), "withdrawn", NULL, NULL, now);
    }
    json_decref(list);
    return e;
}

rd_err *desk_offer_make(rd_desk *d, int64_t case_id, const desk_offer_input *in,
                        const char *override, json_t **report, int64_t *id)
{
    static const char *const charges[] = {"charge", "waive", NULL};
    rd_err *e = pb_override_check(override);
    *report = NULL;
    *id = 0;
    if (!e && in->noptions < 1)
        e = rd_error(RD_INVALID, "option: give at least one option (KIND:DETAIL:DUE)");
    if (!e && in->noptions > MAX_OPTIONS)
        e = rd_error(RD_INVALID, "option: at most %d options; a client chooses best from a few",
                     MAX_OPTIONS);
    if (!e && in->revision_charge && !desk_one_of(in->revision_charge, charges))
        e = rd_error(RD_INVALID, "charge: '%s' is not charge or waive", in->revision_charge);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL, *facts = NULL, *half = NULL;
    char *overrode = NULL, *cur = NULL;
    option opts[MAX_OPTIONS];
    int nparsed = 0;
    money_ctx mc = {0};
    rd_buf text;
    buf_init(&text, 0);
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "offer.make", override, &k, &overrode);
    if (!e && !in->dry_run) e = pb_hold(d, k, "the offer", override, &overrode);
    if (!e) e = pb_case_currency(d, k, &cur);
    if (!e) e = money_context(d, k, cur, &mc);
    rd_timestr today;
    pb_today(today);
    if (!e) e = store_case_facts(d->st, case_id, today, cur, &facts);
    if (!e && desk_ji(facts, "open_offers") > 0 && !override)
        e = rd_err_next(rd_err_overridable(rd_error(
                            RD_CONFLICT,
                            "offer: case %lld already has an open offer; record the client's "
                            "choice or rejection first",
                            (long long)case_id)),
                        "offer.choose", case_id, 0);
    for (int i = 0; !e && i < in->noptions; i++, nparsed++)
        e = parse_option(in->options[i], i + 1, &mc, in->revision_charge, &opts[i]);
    if (!e) e = halfway(d, case_id, &half);
    if (!e) {
        rd_err_free(buf_adds(&text, "Here is what I can offer to put this right. Please tell me "
                                    "which option you prefer:\n\n"));
        for (int i = 0; i < in->noptions; i++) {
            char *what = describe(&opts[i], cur);
            rd_err_free(buf_addf(&text, "%d. %s, by %s.\n", i + 1, what, opts[i].due));
            free(what);
        }
    }
    if (!e && !in->dry_run && desk_ji(facts, "open_offers") > 0) e = withdraw_open(d, case_id, now);
    if (!e && !in->dry_run) e = save_offer(d, k, cur, opts, in->noptions, buf_str(&text), now, id);
    if (!e && !in->dry_run) e = pb_advance(d, k, "offer.make", now);
    if (!e && !in->dry_run)
        e = pb_audit(
            d, "offer.make", "offers", *id,
            json_pack("{s:I, s:i}", "case_id", (json_int_t)case_id, "options", in->noptions),
            override, overrode);
    if (!e) {
        json_t *list = json_array();
        for (int i = 0; i < in->noptions; i++)
            json_array_append_new(list, option_json(&opts[i], i + 1, mc.before));
        json_t *margin =
            mc.project ? json_pack("{s:I, s:I, s:I, s:I}", "price", (json_int_t)mc.price,
                                   "refunded", (json_int_t)desk_ji(mc.project, "refunded"),
                                   "discounted", (json_int_t)desk_ji(mc.project, "discounted"),
                                   "before", (json_int_t)mc.before)
                       : json_null();
        if (mc.project)
            json_object_set_new(margin, "time_cost",
                                mc.time_cost >= 0 ? json_integer(mc.time_cost) : json_null());
        *report = json_pack("{s:I, s:s, s:b, s:o, s:o, s:O, s:s}", "case_id", (json_int_t)case_id,
                            "currency", cur, "saved", !in->dry_run, "options", list, "margin",
                            margin, "halfway", half, "text", buf_str(&text));
        json_object_set_new(*report, "offer_id", *id ? json_integer(*id) : json_null());
    }
    options_free(opts, nparsed);
    json_decref(k);
    json_decref(facts);
    json_decref(half);
    json_decref(mc.project);
    free(overrode);
    free(cur);
    buf_reset(&text);
    e = store_end(d->st, e);
    if (e) {
        json_decref(*report);
        *report = NULL;
        *id = 0;
    }
    return e;
}

/* Loads an offer and checks it is still open. *offer is the caller's. */
static rd_err *open_offer(rd_desk *d, int64_t offer_id, const char *override, json_t **offer)
{
    rd_err *e = store_offer_get(d->st, offer_id, offer);
    if (!e && strcmp(desk_js(*offer, "status"), "open") != 0 && !override)
        e = rd_err_next(rd_error(RD_CONFLICT, "offer: offer %lld is already %s; make a new offer",
                                 (long long)offer_id, desk_js(*offer, "status")),
                        "offer.make", desk_ji(*offer, "case_id"), 0);
    return e;
}

/* The commitment an option becomes. Caller frees. */
static char *commitment_text(json_t *opt, const char *cur)
{
    option o = {0};
    o.kind = (char *)desk_js(opt, "kind");
    o.detail = (char *)desk_js(opt, "detail");
    o.amount = json_is_integer(json_object_get(opt, "amount")) ? desk_ji(opt, "amount") : -1;
    o.revisions = 1;
    if (strcmp(o.kind, "revision") == 0 && isdigit((unsigned char)o.detail[0])) {
        o.revisions = 0;
        for (const char *p = o.detail; isdigit((unsigned char)*p) && o.revisions < 100; p++)
            o.revisions = o.revisions * 10 + (*p - '0');
    }
    char *what = describe(&o, cur);
    char *charge = NULL;
    if (desk_js(opt, "revision_charge"))
        charge = xasprintf("%s (extras: %s)", what, desk_js(opt, "revision_charge"));
    if (charge) {
        free(what);
        return charge;
    }
    return what;
}

rd_err *desk_offer_choose(rd_desk *d, int64_t offer_id, const char *option_text,
                          const char *override, json_t **out)
{
    int64_t pos;
    rd_err *e = pb_override_check(override);
    if (!e) e = desk_parse_id("option", option_text, &pos);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *offer = NULL, *k = NULL, *made = json_array();
    char *overrode = NULL;
    if ((e = store_begin(d->st))) {
        json_decref(made);
        return e;
    }
    e = open_offer(d, offer_id, override, &offer);
    int64_t case_id = offer ? desk_ji(offer, "case_id") : 0;
    if (!e) e = pb_enter(d, case_id, "offer.choose", override, &k, &overrode);
    json_t *opt =
        offer ? json_array_get(json_object_get(offer, "options"), (size_t)(pos - 1)) : NULL;
    if (!e && !opt)
        e = rd_error(RD_INVALID, "option: offer %lld has no option %lld", (long long)offer_id,
                     (long long)pos);
    const char *cur = offer ? desk_js(offer, "currency") : NULL;
    if (!e) e = store_offer_decide(d->st, offer_id, "chosen", &pos, NULL, now);
    int64_t cid = 0, rid = 0;
    if (!e) {
        char *text = commitment_text(opt, cur);
        e = store_commitment_insert(d->st, case_id, desk_ji(opt, "id"), text,
                                    desk_js(opt, "due_on"), now, &cid);
        if (!e)
            json_array_append_new(made, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)cid, "text",
                                                  text, "due_on", desk_js(opt, "due_on")));
        free(text);
    }
    const char *kind = opt ? desk_js(opt, "kind") : "";
    bool fix_money = strcmp(kind, "client_fix") == 0 && desk_ji(opt, "amount") > 0;
    if (!e && (is_money_kind(kind) || fix_money))
        e = store_refund_insert(d->st, case_id, desk_ji(k, "project_id"),
                                strcmp(kind, "discount") == 0 ? "discount" : "refund",
                                desk_ji(opt, "amount"), cur, now, &rid);
    if (!e) e = pb_advance(d, k, "offer.choose", now);
    if (!e)
        e = pb_audit(d, "offer.choose", "offers", offer_id,
                     json_pack("{s:I, s:I, s:I, s:I}", "case_id", (json_int_t)case_id, "option",
                               (json_int_t)pos, "commitment_id", (json_int_t)cid, "refund_id",
                               (json_int_t)rid),
                     override, overrode);
    json_decref(offer);
    json_decref(k);
    free(overrode);
    e = store_end(d->st, e);
    if (!e && out)
        *out = made;
    else
        json_decref(made);
    return e;
}

rd_err *desk_offer_reject(rd_desk *d, int64_t offer_id, const char *ask, const char *override)
{
    rd_err *e = pb_override_check(override);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *offer = NULL, *k = NULL;
    char *overrode = NULL;
    int64_t amount = -1, bp = -1;
    if ((e = store_begin(d->st))) return e;
    e = open_offer(d, offer_id, override, &offer);
    int64_t case_id = offer ? desk_ji(offer, "case_id") : 0;
    if (!e) e = pb_enter(d, case_id, "offer.reject", override, &k, &overrode);
    if (!e && ask) e = desk_amount_parse("ask", ask, desk_js(offer, "currency"), &amount, &bp);
    if (!e && bp >= 0)
        e = rd_error(RD_INVALID, "ask: give the amount the client asked for, not a percent");
    if (!e)
        e = store_offer_decide(d->st, offer_id, "rejected", NULL, amount >= 0 ? &amount : NULL,
                               now);
    if (!e)
        e = pb_audit(d, "offer.reject", "offers", offer_id,
                     json_pack("{s:I, s:o}", "case_id", (json_int_t)case_id, "ask",
                               amount >= 0 ? json_integer(amount) : json_null()),
                     override, overrode);
    json_decref(offer);
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_offer_list(rd_desk *d, int64_t case_id, rd_page *page, json_t **out)
{
    json_t *k = NULL;
    rd_err *e = store_case_get(d->st, case_id, &k);
    json_decref(k);
    return e ? e : store_offer_list(d->st, case_id, page, out);
}

/* ---------------------------------------------------------------- following through */

rd_err *desk_commitment_list(rd_desk *d, int64_t case_id, int overdue, rd_page *page, json_t **out)
{
    rd_timestr today;
    pb_today(today);
    if (case_id) {
        json_t *k = NULL;
        rd_err *e = store_case_get(d->st, case_id, &k);
        json_decref(k);
        if (e) return e;
    }
    return store_commitment_list(d->st, case_id, overdue ? today : NULL, page, out);
}

/* date + days as YYYY-MM-DD. */
static void add_days(const char *date, int64_t days, rd_timestr out)
{
    int y, m, dd;
    rd_err_free(date_parse("date", date, &y, &m, &dd));
    civil_from_days(days_from_civil(y, m, dd) + days, &y, &m, &dd);
    snprintf(out, sizeof(rd_timestr), "%04d-%02d-%02d", y, m, dd);
}

rd_err *desk_commitment_done(rd_desk *d, int64_t id, const char *override, int64_t *followup_id)
{
    rd_err *e = pb_override_check(override);
    if (e) return e;
    rd_timestr now, today, due;
    desk_now(now);
    pb_today(today);
    json_t *c = NULL, *k = NULL, *facts = NULL;
    char *overrode = NULL;
    int64_t days = 3;
    *followup_id = 0;
    if ((e = store_begin(d->st))) return e;
    e = store_commitment_get(d->st, id, &c);
    if (!e && desk_js(c, "done_at"))
        e = rd_error(RD_CONFLICT, "commitment: commitment %lld is already done", (long long)id);
    int64_t case_id = c ? desk_ji(c, "case_id") : 0;
    if (!e) e = pb_enter(d, case_id, "commitment.done", override, &k, &overrode);
    if (!e) e = pb_parts_before_done(d, c);
    if (!e) e = store_commitment_done(d->st, id, now);
    if (!e) e = pb_parts_after_done(d, c, now);
    if (!e) e = pb_advance(d, k, "commitment.done", now);
    if (!e) e = store_case_facts(d->st, case_id, today, "EUR", &facts);
    if (!e && desk_ji(facts, "open_commitments") == 0) {
        e = desk_config_int(d, "followup_days", &days);
        add_days(today, days, due);
        const char *kind = desk_ji(k, "hostility") >= 2 ? "call" : "message";
        if (!e) e = store_followup_insert(d->st, case_id, kind, due, now, followup_id);
        if (!e) e = store_case_set_stage(d->st, case_id, "follow_up", 0, NULL, now);
    }
    if (!e)
        e = pb_audit(d, "commitment.done", "commitments", id,
                     json_pack("{s:I, s:I}", "case_id", (json_int_t)case_id, "followup_id",
                               (json_int_t)*followup_id),
                     override, overrode);
    json_decref(c);
    json_decref(k);
    json_decref(facts);
    free(overrode);
    e = store_end(d->st, e);
    if (e) *followup_id = 0;
    return e;
}

rd_err *desk_refund_list(rd_desk *d, int pending, rd_page *page, json_t **out)
{
    return store_refund_list(d->st, pending, page, out);
}

rd_err *desk_refund_paid(rd_desk *d, int64_t id, const char *on)
{
    rd_timestr today;
    pb_today(today);
    int y, m, dd;
    rd_err *e = on ? date_parse("on", on, &y, &m, &dd) : NULL;
    if (!e && on && days_from_civil(y, m, dd) > today_days())
        e = rd_error(RD_INVALID, "on: %s is in the future", on);
    if (e) return e;
    json_t *r = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_refund_get(d->st, id, &r);
    if (!e && desk_js(r, "paid_at"))
        e = rd_error(RD_CONFLICT, "refund: refund %lld was already paid on %s", (long long)id,
                     desk_js(r, "paid_at"));
    if (!e) e = store_refund_paid(d->st, id, on ? on : today);
    if (!e)
        e = pb_audit(d, "refund.paid", "refunds", id,
                     json_pack("{s:s}", "paid_at", on ? on : today), NULL, NULL);
    json_decref(r);
    return store_end(d->st, e);
}

rd_err *desk_followup_list(rd_desk *d, int due, rd_page *page, json_t **out)
{
    rd_timestr today;
    pb_today(today);
    return store_followup_list(d->st, due ? today : NULL, page, out);
}

rd_err *desk_followup_done(rd_desk *d, int64_t id, const char *outcome, const char *override)
{
    rd_err *e = pb_override_check(override);
    if (!e && text_blank(outcome)) e = rd_error(RD_INVALID, "outcome: is required");
    if (!e) e = text_check("outcome", outcome, DESK_MAX_FIELD, true);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *f = NULL, *k = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_followup_get(d->st, id, &f);
    if (!e && desk_js(f, "done_at"))
        e = rd_error(RD_CONFLICT, "followup: follow-up %lld is already done", (long long)id);
    int64_t case_id = f ? desk_ji(f, "case_id") : 0;
    if (!e) e = pb_enter(d, case_id, "followup.done", override, &k, &overrode);
    if (!e) e = store_followup_done(d->st, id, outcome, now);
    if (!e) {
        const char *kind = desk_js(f, "kind");
        const char *ch = strcmp(kind, "call") == 0      ? "phone"
                         : strcmp(kind, "meeting") == 0 ? "meeting"
                                                        : NULL;
        e = pb_log_out(d, k, ch, "Follow-up", outcome, now, NULL);
    }
    if (!e) e = pb_advance(d, k, "followup.done", now);
    int64_t weeks = 0;
    if (!e) e = desk_config_int(d, "watch_weeks", &weeks);
    if (!e && weeks > 0) { /* extra care for the client for a while after the fix (P9) */
        rd_timestr today, until;
        pb_today(today);
        desk_date_plus(today, weeks * 7, until);
        e = store_case_set_watch(d->st, case_id, until, now);
    }
    if (!e)
        e = pb_audit(d, "followup.done", "followups", id,
                     json_pack("{s:I}", "case_id", (json_int_t)case_id), override, overrode);
    json_decref(f);
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_feedback_record(rd_desk *d, int64_t case_id, const char *score, const char *text,
                             const char *override, int64_t *id)
{
    int64_t s;
    rd_err *e = parse_int("score", score, 1, 5, &s);
    if (!e) e = text_check("text", text, DESK_MAX_FIELD, true);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *k = NULL;
    char *overrode = NULL;
    if ((e = store_begin(d->st))) return e;
    e = pb_enter(d, case_id, "feedback.record", override, &k, &overrode);
    if (!e) e = store_feedback_insert(d->st, case_id, s, text, now, id);
    if (!e)
        e = pb_audit(
            d, "feedback.record", "feedback", *id,
            json_pack("{s:I, s:I}", "case_id", (json_int_t)case_id, "score", (json_int_t)s),
            override, overrode);
    json_decref(k);
    free(overrode);
    return store_end(d->st, e);
}

rd_err *desk_lesson_list(rd_desk *d, int open, rd_page *page, json_t **out)
{
    return store_lesson_list(d->st, open, page, out);
}

rd_err *desk_lesson_done(rd_desk *d, int64_t id)
{
    rd_timestr now;
    desk_now(now);
    json_t *l = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = store_lesson_get(d->st, id, &l);
    if (!e && desk_ji(l, "change_made"))
        e = rd_error(RD_CONFLICT, "lesson: the change of lesson %lld is already made",
                     (long long)id);
    if (!e) e = store_lesson_done(d->st, id, now);
    if (!e) e = pb_audit(d, "lesson.done", "lessons", id, NULL, NULL, NULL);
    json_decref(l);
    return store_end(d->st, e);
}
