/* public_reply.c — the check a reply to a public review must pass before it is posted (P19), on
 * top of the tone check every reply gets. Readers of a public reply are future clients, not the
 * reviewer: arguing the facts reads as defensive, private details (an email address, a phone
 * number, an amount, an invoice) must stay private, blame lands on the one who writes it, and
 * the reply should thank the reviewer and offer to take the matter offline. Pure: text in,
 * findings out, nothing allocated. */
#include "analyze/analyze.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const defensive[] = {"actually",
                                        "to be fair",
                                        "in our defence",
                                        "in our defense",
                                        "in my defence",
                                        "in my defense",
                                        "that is not true",
                                        "that's not true",
                                        "this is not true",
                                        "this is false",
                                        "that is false",
                                        "not what happened",
                                        "we did nothing wrong",
                                        "i did nothing wrong",
                                        "contrary to",
                                        "as clearly stated",
                                        "as stated in",
                                        "if you had read",
                                        "for the record",
                                        "let me set the record straight",
                                        "misleading",
                                        "simply untrue",
                                        NULL};
static const char *const blame[] = {
    "your fault",     "you should have",       "you failed to",     "you never",
    "you refused",    "you did not read",      "you didn't read",   "you did not pay",
    "you didn't pay", "you changed your mind", "the client failed", "the customer failed",
    "you were told",  "as you were told",      "you ignored",       NULL};
static const char *const thanks[] = {"thank", "thanks", "grateful", "appreciate", NULL};
static const char *const offline[] = {
    "contact me",   "contact us",  "email me",    "email us",       "e-mail me",
    "e-mail us",    "call me",     "call us",     "phone me",       "phone us",
    "get in touch", "reach out",   "reach me",    "reach us",       "message me",
    "message us",   "write to me", "write to us", "speak directly", "talk directly",
    "directly at",  "in private",  "privately",   "offline",        NULL};
static const char *const private_words[] = {"invoice", "refund of", "account number", NULL};

static const struct {
    const char *name, *message;
    tone_severity severity;
} rules[PR_COUNT] = {
    [PR_DEFENSIVE] = {"defensive",
                      "arguing with the review in public reads as defensive to everyone who "
                      "reads it: say what you did or will do instead",
                      SEV_ERROR},
    [PR_PRIVATE_DETAIL] = {"private-detail",
                           "this looks like a private detail (an email address, a phone number, "
                           "an amount or an invoice): keep it out of a public reply",
                           SEV_ERROR},
    [PR_BLAME] = {"blame", "blaming the reviewer in public: own your part instead, whoever erred",
                  SEV_ERROR},
    [PR_NO_THANKS] = {"no-thanks", "thank the reviewer for taking the time to write", SEV_ERROR},
    [PR_NO_OFFLINE] = {"no-offline-offer",
                       "offer to take it offline: say how the reviewer can reach you directly",
                       SEV_ERROR},
};

const char *public_rule_name(public_rule r)
{
    return r < PR_COUNT ? rules[r].name : "?";
}

const char *public_rule_message(public_rule r)
{
    return r < PR_COUNT ? rules[r].message : "?";
}

static bool word_char(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Case-insensitive search for phrase at a word boundary at or after from; the start offset, or
 * len when there is none. Phrases are lower-case ASCII. */
static size_t find_phrase(const char *t, size_t len, size_t from, const char *phrase)
{
    size_t n = strlen(phrase);
    for (size_t i = from; i + n <= len; i++) {
        if (i > 0 && word_char((unsigned char)t[i - 1])) continue;
        size_t k = 0;
        while (k < n && tolower((unsigned char)t[i + k]) == phrase[k])
            k++;
        if (k < n) continue;
        /* a phrase ending in a word character must end at a boundary ("thank" matches
         * "thanks" and "thank you" through its own list entries, not "thankless") */
        if (i + n < len && word_char((unsigned char)t[i + n]) && strcmp(phrase, "thank") != 0)
            continue;
        return i;
    }
    return len;
}

static void add(public_result *r, public_rule rule, size_t start, size_t end)
{
    r->errors++;
    if (r->ndiags >= ANALYZE_MAX_FINDINGS) {
        r->dropped++;
        return;
    }
    r->diags[r->ndiags++] = (public_diag){rule, start, end};
}

static void each_phrase(public_result *r, const char *t, size_t len, const char *const *list,
                        public_rule rule)
{
    for (int i = 0; list[i]; i++)
        for (size_t at = find_phrase(t, len, 0, list[i]); at < len;
             at = find_phrase(t, len, at + 1, list[i]))
            add(r, rule, at, at + strlen(list[i]));
}

static bool any_phrase(const char *t, size_t len, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (find_phrase(t, len, 0, list[i]) < len) return true;
    return false;
}

/* An email address: a run of address characters around one '@' with a dot after it. */
static void emails(public_result *r, const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (t[i] != '@') continue;
        size_t s = i, e = i + 1;
        while (s > 0 && (isalnum((unsigned char)t[s - 1]) || strchr("._%+-", t[s - 1])))
            s--;
        while (e < len && (isalnum((unsigned char)t[e]) || strchr(".-", t[e])))
            e++;
        if (s < i && memchr(t + i, '.', e - i)) add(r, PR_PRIVATE_DETAIL, s, e);
    }
}

/* A phone number: seven or more digits in a run of digits, spaces, dots, dashes, brackets and
 * a leading '+'. An amount: a digit next to a currency sign or code. */
static void numbers(public_result *r, const char *t, size_t len)
{
    static const char *const signs[] = {"$", "€", "£", "₹", "¥", NULL};
    static const char *const codes[] = {"usd", "eur", "gbp", "inr", "aud", "cad", "chf", NULL};
    for (size_t i = 0; i < len;) {
        if (!isdigit((unsigned char)t[i])) {
            i++;
            continue;
        }
        size_t s = i, e = i, digits = 0;
        while (e < len && (isdigit((unsigned char)t[e]) || strchr(" .-()/", t[e]))) {
            digits += isdigit((unsigned char)t[e]) != 0;
            e++;
        }
        while (e > s && !isdigit((unsigned char)t[e - 1]))
            e--;
        if (s > 0 && t[s - 1] == '+') s--;
        bool money = false;
        for (int k = 0; signs[k] && !money; k++) {
            size_t n = strlen(signs[k]);
            money = (s >= n && memcmp(t + s - n, signs[k], n) == 0) ||
                    (s >= n + 1 && t[s - 1] == ' ' && memcmp(t + s - n - 1, signs[k], n) == 0) ||
                    (e + n <= len && memcmp(t + e, signs[k], n) == 0);
        }
        for (int k = 0; codes[k] && !money; k++) {
            size_t after = find_phrase(t, len, e, codes[k]);
            money = (after < len && after <= e + 1) ||
                    (s >= 4 && find_phrase(t, len, s - 4, codes[k]) == s - 4);
        }
        if (digits >= 7 || money) add(r, PR_PRIVATE_DETAIL, s, e);
        i = e > i ? e : i + 1;
    }
}

rd_err *public_reply_check(const char *field, const char *text, size_t len, public_result *out)
{
    memset(out, 0, offsetof(public_result, diags));
    rd_err *e = tone_check(field, text, len, &out->tone);
    if (e) return e;
    each_phrase(out, text, len, defensive, PR_DEFENSIVE);
    each_phrase(out, text, len, blame, PR_BLAME);
    each_phrase(out, text, len, private_words, PR_PRIVATE_DETAIL);
    emails(out, text, len);
    numbers(out, text, len);
    if (!any_phrase(text, len, thanks)) add(out, PR_NO_THANKS, 0, 0);
    if (!any_phrase(text, len, offline)) add(out, PR_NO_OFFLINE, 0, 0);
    return NULL;
}

json_t *public_json(const public_result *r, const char *text)
{
    json_t *j = tone_json(&r->tone, text);
    json_t *diags = json_object_get(j, "diagnostics");
    for (size_t i = 0; i < r->ndiags; i++) {
        const public_diag *d = &r->diags[i];
        json_array_append_new(diags, json_pack("{s:s, s:s, s:s, s:I, s:I, s:s%}", "rule",
                                               public_rule_name(d->rule), "severity", "error",
                                               "message", public_rule_message(d->rule), "start",
                                               (json_int_t)d->start, "end", (json_int_t)d->end,
                                               "text", text + d->start, d->end - d->start));
    }
    json_object_set_new(j, "errors", json_integer(r->tone.errors + r->errors));
    json_object_set_new(j, "public_errors", json_integer(r->errors));
    return j;
}
