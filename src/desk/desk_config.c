/* desk_config.c — the user's settings (cool-off, draft hold, follow-up delay, risk threshold,
 * hourly cost) with their defaults, and the walk-away triggers of P16 that use them. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

typedef enum {
    SET_MINUTES,
    SET_DAYS,
    SET_WEEKS,
    SET_MONEY,
    SET_CURRENCY,
    SET_ADDRESSES, /* comma-separated email addresses */
    SET_LINE,      /* one line of text */
    SET_TEXT,      /* several lines of text */
    SET_SMTP_URL,  /* smtp:// or smtps:// */
    SET_VOICE,     /* I or we */
    SET_PAPER,     /* a4 or letter */
} setting_kind;

static const struct setting {
    const char *key;
    const char *def;
    setting_kind kind;
    const char *help;
} settings[] = {
    {"currency", "EUR", SET_CURRENCY, "your own currency, for hourly cost and thresholds"},
    {"cool_off_minutes", "60", SET_MINUTES, "minutes after a complaint before the first reply"},
    {"draft_hold_minutes", "15", SET_MINUTES, "minutes a reply draft is held before release"},
    {"followup_days", "3", SET_DAYS, "days after the last commitment to check in"},
    {"risk_threshold", "1000", SET_MONEY, "money at risk above which escalation is suggested"},
    {"hourly_cost", "50", SET_MONEY, "what an hour of your time costs you"},
    {"watch_weeks", "4", SET_WEEKS, "weeks of extra care for a client after the fix"},
    {"me.addresses", "", SET_ADDRESSES,
     "your own email addresses, comma separated; me.email counts too"},
    {"me.name", "", SET_LINE, "your name as replies show it; signs letters, notices, reminders"},
    {"me.business", "", SET_LINE, "your business name, under your name"},
    {"me.address", "", SET_LINE, "your postal address, for letters"},
    {"me.email", "", SET_LINE, "your direct email, given to clients; one of your own addresses"},
    {"me.phone", "", SET_LINE, "your direct phone number, given to clients"},
    {"paper", "a4", SET_PAPER, "a4 or letter: the page size of PDF letters and reports"},
    {"me.voice", "I", SET_VOICE, "I or we: how letters and notices speak for you"},
    {"me.signature", "", SET_TEXT, "the signature under replies sent by mail"},
    {"smtp.url", "", SET_SMTP_URL, "smtp://host:port (or smtps://) replies are sent through"},
    {"smtp.credentials", "", SET_LINE, "a 0600 file: user on line 1, password on line 2"},
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static const struct setting *find(const char *key)
{
    for (size_t i = 0; i < NSETTINGS; i++)
        if (key && strcmp(settings[i].key, key) == 0) return &settings[i];
    return NULL;
}

static rd_err *unknown(const char *key)
{
    return rd_err_next(rd_error(RD_INVALID, "key: '%s' is not a setting", key ? key : ""),
                       "config.list", 0, 0);
}

/* Each comma-separated item must look like an address: text@domain.tld without spaces. */
static rd_err *check_addresses(const char *key, const char *value)
{
    if (!*value) return NULL; /* "" clears the setting */
    char *copy = xstrdup(value);
    rd_err *e = NULL;
    for (char *item = copy, *next; item && !e; item = next) {
        next = strchr(item, ',');
        if (next) *next++ = '\0';
        while (*item == ' ')
            item++;
        size_t n = strlen(item);
        while (n && item[n - 1] == ' ')
            item[--n] = '\0';
        const char *at = strchr(item, '@');
        if (!at || at == item || !strchr(at, '.') || strchr(item, ' '))
            e = rd_error(RD_INVALID, "%s: '%s' is not an email address", key, item);
    }
    free(copy);
    return e;
}

static rd_err *check_value(rd_desk *d, const struct setting *s, const char *value)
{
    int64_t v;
    switch (s->kind) {
    case SET_MINUTES:
        return parse_int(s->key, value, 0, 7 * 24 * 60, &v);
    case SET_DAYS:
        return parse_int(s->key, value, 0, 365, &v);
    case SET_WEEKS:
        return parse_int(s->key, value, 0, 52, &v);
    case SET_CURRENCY:
        return money_check_currency(s->key, value);
    case SET_ADDRESSES:
        return check_addresses(s->key, value);
    case SET_LINE:
    case SET_TEXT:
        return NULL;
    case SET_SMTP_URL:
        if (*value && strncmp(value, "smtp://", 7) != 0 && strncmp(value, "smtps://", 8) != 0)
            return rd_error(RD_INVALID, "%s: '%s' does not start with smtp:// or smtps://", s->key,
                            value);
        return NULL;
    case SET_VOICE:
        return strcmp(value, "I") == 0 || strcmp(value, "we") == 0
                   ? NULL
                   : rd_error(RD_INVALID, "%s: '%s' is not I or we", s->key, value);
    case SET_PAPER:
        return strcmp(value, "a4") == 0 || strcmp(value, "letter") == 0
                   ? NULL
                   : rd_error(RD_INVALID, "%s: '%s' is not a4 or letter", s->key, value);
    case SET_MONEY: {
        char *cur = NULL;
        rd_err *e = desk_config_get(d, "currency", &cur);
        if (!e) e = money_parse(s->key, value, cur, &v);
        free(cur);
        return e;
    }
    }
    return NULL;
}

rd_err *desk_config_get(rd_desk *d, const char *key, char **value)
{
    const struct setting *s = find(key);
    if (!s) return unknown(key);
    rd_err *e = store_setting_get(d->st, key, value);
    if (!e && !*value) *value = xstrdup(s->def);
    return e;
}

rd_err *desk_config_int(rd_desk *d, const char *key, int64_t *out)
{
    char *v = NULL;
    rd_err *e = desk_config_get(d, key, &v);
    if (!e) e = parse_int(key, v, 0, INT64_MAX, out);
    free(v);
    return e;
}

rd_err *desk_config_money(rd_desk *d, const char *key, const char *currency, int64_t *minor)
{
    char *v = NULL;
    rd_err *e = desk_config_get(d, key, &v);
    if (!e) e = money_parse(key, v, currency, minor);
    free(v);
    return e;
}

rd_err *desk_config_set(rd_desk *d, const char *key, const char *value)
{
    const struct setting *s = find(key);
    if (!s) return unknown(key);
    rd_err *e =
        s->kind == SET_TEXT
            ? text_check(key, value, DESK_MAX_FIELD, true)
            : text_check(key, value, s->kind == SET_LINE || s->kind == SET_ADDRESSES ? 1000 : 64,
                         false);
    if (!e) e = check_value(d, s, value);
    if (e) return e;
    if ((e = store_begin(d->st))) return e;
    e = store_setting_set(d->st, key, value);
    if (!e) {
        json_t *detail = json_pack("{s:s, s:s}", "key", key, "value", value);
        e = desk_audit(d, "config.set", "settings", 0, detail);
        json_decref(detail);
    }
    return store_end(d->st, e);
}

rd_err *desk_config_list(rd_desk *d, json_t **out)
{
    json_t *list = json_array();
    for (size_t i = 0; i < NSETTINGS; i++) {
        char *v = NULL;
        rd_err *e = desk_config_get(d, settings[i].key, &v);
        if (e) {
            json_decref(list);
            return e;
        }
        json_array_append_new(list,
                              json_pack("{s:s, s:s, s:s, s:s}", "key", settings[i].key, "value", v,
                                        "default", settings[i].def, "help", settings[i].help));
        free(v);
    }
    *out = list;
    return NULL;
}

rd_err *desk_voice_we(rd_desk *d, bool *we)
{
    char *v = NULL;
    rd_err *e = desk_config_get(d, "me.voice", &v);
    if (!e) *we = strcmp(v, "we") == 0;
    free(v);
    return e;
}

const char *desk_say(bool we, const char *i_form, const char *we_form)
{
    return we ? we_form : i_form;
}

rd_err *desk_signature(rd_desk *d, const char *closing, char **out)
{
    static const char *const keys[] = {"me.name",  "me.business", "me.address",
                                       "me.email", "me.phone",    NULL};
    rd_buf b;
    buf_init(&b, 0);
    rd_err *e = NULL;
    int first = 1;
    rd_err_free(buf_addf(&b, "%s\n", closing));
    for (int i = 0; !e && keys[i]; i++) {
        char *v = NULL;
        e = desk_config_get(d, keys[i], &v);
        if (!e && v && *v) {
            rd_err_free(buf_addf(&b, "%s%s\n", first ? "\n" : "", v));
            first = 0;
        }
        free(v);
    }
    if (e) {
        buf_reset(&b);
        return e;
    }
    *out = buf_detach(&b);
    return NULL;
}

/* ---------------------------------------------------------------- walk-away triggers (P16) */

static void add_trigger(json_t *list, const char *trigger, const char *why, json_t *facts)
{
    json_array_append_new(
        list, json_pack("{s:s, s:s, s:o}", "trigger", trigger, "why", why, "facts", facts));
}

/* What the walk-away rules weigh for a client: the facts (store_client_facts), the user's
 * currency (*cur, the caller's) and the cost of an hour in it. */
static rd_err *client_facts(rd_desk *d, int64_t client_id, char **cur, int64_t *hourly,
                            json_t **facts)
{
    rd_timestr today;
    time_date(time_now(), today);
    *cur = NULL;
    rd_err *e = desk_config_get(d, "currency", cur);
    if (!e) e = desk_config_money(d, "hourly_cost", *cur, hourly);
    if (!e) e = store_client_facts(d->st, client_id, today, *cur, facts);
    if (e) {
        free(*cur);
        *cur = NULL;
    }
    return e;
}

rd_err *desk_client_economics(rd_desk *d, int64_t client_id, json_t **out)
{
    char *cur;
    int64_t hourly;
    json_t *facts = NULL;
    rd_err *e = client_facts(d, client_id, &cur, &hourly, &facts);
    if (e) return e;
    int64_t minutes = desk_ji(facts, "minutes");
    *out = json_pack("{s:I, s:I, s:I, s:s, s:b}", "minutes", (json_int_t)minutes, "cost",
                     (json_int_t)(minutes * hourly / 60), "revenue",
                     (json_int_t)(desk_ji(facts, "paid") - desk_ji(facts, "refunded")), "currency",
                     cur, "comparable", desk_ji(facts, "other_currency_invoices") == 0);
    json_decref(facts);
    free(cur);
    return NULL;
}

rd_err *desk_walkaway_triggers(rd_desk *d, int64_t client_id, json_t **out)
{
    char *cur;
    int64_t hourly;
    json_t *facts = NULL;
    rd_err *e = client_facts(d, client_id, &cur, &hourly, &facts);
    if (e) return e;
    json_t *list = json_array();
    int64_t abusive = desk_ji(facts, "abusive_cases"), late = desk_ji(facts, "late_or_unpaid");
    int64_t minutes = desk_ji(facts, "minutes");
    int64_t revenue = desk_ji(facts, "paid") - desk_ji(facts, "refunded");
    int64_t cost = minutes * hourly / 60;
    if (abusive > 0) {
        char *why = xasprintf("abusive language was recorded on %lld case%s", (long long)abusive,
                              abusive == 1 ? "" : "s");
        add_trigger(list, "abuse", why, json_pack("{s:I}", "abusive_cases", (json_int_t)abusive));
        free(why);
    }
    /* revenue in another currency cannot be weighed against cost without an exchange rate, so
     * the comparison is only made when every invoice of the client is in the user's currency */
    bool comparable = desk_ji(facts, "other_currency_invoices") == 0;
    if (minutes > 0 && comparable && cost > revenue) {
        char c[48], r[48];
        money_format(cost, cur, c, sizeof c);
        money_format(revenue, cur, r, sizeof r);
        char *why = xasprintf("serving this client cost %s (%lld min) but they paid %s", c,
                              (long long)minutes, r);
        add_trigger(list, "cost_exceeds_revenue", why,
                    json_pack("{s:I, s:I, s:I, s:s}", "minutes", (json_int_t)minutes, "cost",
                              (json_int_t)cost, "revenue", (json_int_t)revenue, "currency", cur));
        free(why);
    } else if (minutes > 0 && !comparable) {
        char c[48];
        money_format(cost, cur, c, sizeof c);
        char *why = xasprintf("serving this client cost %s (%lld min), but their invoices are in "
                              "another currency and redress does not convert: compare it with "
                              "what they paid yourself",
                              c, (long long)minutes);
        add_trigger(list, "cost_not_compared", why,
                    json_pack("{s:I, s:I, s:s}", "minutes", (json_int_t)minutes, "cost",
                              (json_int_t)cost, "currency", cur));
        free(why);
    }
    if (late >= 2) {
        char *why =
            xasprintf("%lld invoices were paid late or are unpaid past due", (long long)late);
        add_trigger(list, "late_payments", why,
                    json_pack("{s:I}", "late_or_unpaid", (json_int_t)late));
        free(why);
    }
    json_decref(facts);
    free(cur);
    *out = list;
    return NULL;
}
