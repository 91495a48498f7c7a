/* desk_review.c — reputation (P19): public reviews recorded with where and when they appeared,
 * linked to the message that threatened them; a reply that must pass the public-reply check
 * (no defensiveness, no private details, no blame, thanks and an offer to take it offline)
 * before it can be marked posted; and testimonials asked of clients whose case closed well. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

static rd_err *check_link(const char *link)
{
    if (!link) return NULL;
    if (strncmp(link, "https://", 8) != 0 && strncmp(link, "http://", 7) != 0)
        return rd_error(RD_INVALID, "link: '%s' is not a web address (http:// or https://)", link);
    for (const char *p = link; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f)
            return rd_error(RD_INVALID, "link: a web address has no spaces or control characters");
    return strlen(link) > DESK_MAX_FIELD ? rd_error(RD_INVALID, "link: too long") : NULL;
}

static rd_err *check_review(const desk_review_input *in, int64_t *rating, char day[11])
{
    if (text_blank(in->platform)) return rd_error(RD_INVALID, "platform: is required");
    rd_err *e = text_check("platform", in->platform, DESK_MAX_NAME, false);
    if (!e && text_blank(in->text)) e = rd_error(RD_INVALID, "text: is required");
    if (!e) e = text_check("text", in->text, DESK_MAX_TEXT, true);
    if (!e && in->rating) e = parse_int("rating", in->rating, 1, 5, rating);
    if (!e) e = check_link(in->link);
    rd_timestr today;
    desk_today(today);
    const char *date = in->date ? in->date : today;
    int y, m, dd;
    if (!e) e = date_parse("date", date, &y, &m, &dd);
    if (!e && strcmp(date, today) > 0) e = rd_error(RD_INVALID, "date: %s is in the future", date);
    if (!e) snprintf(day, 11, "%.10s", date);
    return e;
}

/* Client and case as typed, checked against each other. */
static rd_err *review_parties(rd_desk *d, const desk_review_input *in, int64_t *client,
                              int64_t *case_id)
{
    rd_err *e = NULL;
    json_t *row = NULL;
    if (in->case_id) {
        e = desk_parse_id("case", in->case_id, case_id);
        if (!e) e = store_case_get(d->st, *case_id, &row);
        if (!e) *client = desk_ji(row, "client_id");
        json_decref(row);
        row = NULL;
    }
    if (!e && in->client) {
        int64_t c = 0;
        e = desk_parse_id("client", in->client, &c);
        if (!e) e = store_client_get(d->st, c, &row);
        if (!e && *client && *client != c)
            e = rd_error(RD_INVALID, "client: case %lld belongs to another client",
                         (long long)*case_id);
        if (!e) *client = c;
        json_decref(row);
    }
    return e;
}

rd_err *desk_review_add(rd_desk *d, const desk_review_input *in, int64_t *id)
{
    int64_t rating = 0, client = 0, case_id = 0, threat = 0;
    char day[11];
    rd_err *e = check_review(in, &rating, day);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    if ((e = store_begin(d->st))) return e;
    e = review_parties(d, in, &client, &case_id);
    if (!e && client) e = store_review_threat(d->st, client, &threat);
    rd_review_fields f = {client,   case_id,  threat, in->platform,
                          in->text, in->link, day,    in->rating ? &rating : NULL};
    if (!e) e = store_review_insert(d->st, &f, now, id);
    if (!e && client) {
        char *subject = xasprintf("Public review on %s", in->platform);
        rd_log_fields lf = {client, case_id, "in", "review", now, subject, in->text};
        int64_t log_id;
        e = store_log_append(d->st, &lf, now, &log_id);
        free(subject);
    }
    if (!e)
        e = desk_audit_take(
            d, "review.add", "reviews", *id,
            json_pack("{s:s, s:I}", "platform", in->platform, "threat_log", (json_int_t)threat));
    return store_end(d->st, e);
}

rd_err *desk_review_get(rd_desk *d, int64_t id, json_t **out)
{
    return store_review_get(d->st, id, out);
}

rd_err *desk_review_list(rd_desk *d, rd_page *page, json_t **out)
{
    return store_review_list(d->st, page, out);
}

rd_err *desk_public_check(const char *text, json_t **report, int *errors)
{
    public_result r;
    rd_err *e = public_reply_check("reply", text, strlen(text), &r);
    if (e) return e;
    *report = public_json(&r, text);
    *errors = r.tone.errors + r.errors;
    return NULL;
}

rd_err *desk_review_reply(rd_desk *d, int64_t id, const char *text, json_t **report)
{
    if (text_blank(text)) return rd_error(RD_INVALID, "reply: is required");
    rd_err *e = text_check("reply", text, DESK_MAX_NOTES, true);
    int errors = 0;
    if (!e) e = desk_public_check(text, report, &errors);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *r = NULL;
    if ((e = store_begin(d->st))) goto out;
    e = store_review_get(d->st, id, &r);
    if (!e && desk_js(r, "reply_posted_at"))
        e = rd_error(RD_CONFLICT, "review: the reply to review %lld was already posted",
                     (long long)id);
    if (!e) e = store_review_set_reply(d->st, id, text, errors ? NULL : now);
    if (!e)
        e = desk_audit_take(d, "review.reply", "reviews", id, json_pack("{s:i}", "errors", errors));
    json_decref(r);
    e = store_end(d->st, e);
out:
    if (e) {
        json_decref(*report);
        *report = NULL;
    }
    return e;
}

rd_err *desk_review_posted(rd_desk *d, int64_t id, const char *override)
{
    rd_timestr now;
    desk_now(now);
    json_t *r = NULL, *report = NULL;
    int errors = 0;
    rd_err *e = override ? text_check("override", override, DESK_MAX_FIELD, false) : NULL;
    if (e) return e;
    if ((e = store_begin(d->st))) return e;
    e = store_review_get(d->st, id, &r);
    if (!e && !desk_js(r, "reply"))
        e = rd_error(RD_CONFLICT, "reply: review %lld has no reply drafted yet", (long long)id);
    if (!e && desk_js(r, "reply_posted_at"))
        e = rd_error(RD_CONFLICT, "review: the reply to review %lld was already posted",
                     (long long)id);
    if (!e) e = desk_public_check(desk_js(r, "reply"), &report, &errors);
    if (!e && errors && !override)
        e = rd_error(RD_CONFLICT,
                     "reply: the reply still has %d problem%s for a public page; fix them, or "
                     "post it anyway with an override and a reason",
                     errors, errors == 1 ? "" : "s");
    if (!e) e = store_review_reply_posted(d->st, id, now);
    if (!e && desk_ji(r, "client_id")) {
        char *subject = xasprintf("Public reply on %s", desk_js(r, "platform"));
        rd_log_fields lf = {
            desk_ji(r, "client_id"), desk_ji(r, "case_id"), "out", "review", now, subject,
            desk_js(r, "reply")};
        int64_t log_id;
        e = store_log_append(d->st, &lf, now, &log_id);
        free(subject);
    }
    if (!e)
        e = desk_audit_take(d, "review.posted", "reviews", id,
                            json_pack("{s:i, s:s?}", "errors", errors, "override", override));
    json_decref(report);
    json_decref(r);
    return store_end(d->st, e);
}

/* ---------------------------------------------------------------- testimonials */

rd_err *desk_testimonial_ask(rd_desk *d, const desk_testimonial_input *in, const char *override,
                             int64_t *id, json_t **report)
{
    int64_t client = 0, case_id = 0;
    rd_err *e = desk_parse_id("client", in->client, &client);
    if (!e && in->case_id) e = desk_parse_id("case", in->case_id, &case_id);
    if (!e && text_blank(in->text)) e = rd_error(RD_INVALID, "text: the request is required");
    if (!e) e = text_check("text", in->text, DESK_MAX_NOTES, true);
    if (!e && override) e = text_check("override", override, DESK_MAX_FIELD, false);
    tone_result tr;
    if (!e) e = tone_check("text", in->text, strlen(in->text), &tr);
    if (e) return e;
    *report = tone_json(&tr, in->text);
    rd_timestr now;
    desk_now(now);
    json_t *well = NULL, *c = NULL;
    if ((e = store_begin(d->st))) goto out;
    e = store_client_get(d->st, client, &c);
    if (!e) e = store_closed_well(d->st, client, case_id, &well);
    if (!e && !well && !override)
        e = rd_error(RD_CONFLICT,
                     "client: ask for a testimonial once a case has closed well (feedback of 4 "
                     "or 5) while they are still your client; or go ahead with an override");
    if (!e && tr.errors && !override)
        e = rd_error(RD_CONFLICT, "text: the request has %d tone error%s; fix %s first", tr.errors,
                     tr.errors == 1 ? "" : "s", tr.errors == 1 ? "it" : "them");
    if (!e && well && !case_id) case_id = desk_ji(well, "case_id");
    if (!e) e = store_testimonial_insert(d->st, client, case_id, in->text, now, id);
    if (!e) {
        rd_log_fields lf = {client,  case_id, "out", "email", now, "Would you share a few words?",
                            in->text};
        int64_t log_id;
        e = store_log_append(d->st, &lf, now, &log_id);
    }
    if (!e)
        e = desk_audit_take(
            d, "testimonial.ask", "testimonials", *id,
            json_pack("{s:I, s:s?}", "client", (json_int_t)client, "override", override));
    json_decref(well);
    json_decref(c);
    e = store_end(d->st, e);
out:
    if (e) {
        json_decref(*report);
        *report = NULL;
    }
    return e;
}

rd_err *desk_testimonial_answer(rd_desk *d, int64_t id, const char *answer, const char *quote,
                                const char *where)
{
    static const char *const answers[] = {"yes", "no", NULL};
    rd_err *e = desk_check_word("answer", answer, answers);
    if (!e && !answer) e = rd_error(RD_INVALID, "answer: is required (yes or no)");
    bool yes = !e && strcmp(answer, "yes") == 0;
    if (!e && yes && text_blank(quote))
        e = rd_error(RD_INVALID, "quote: the words the client agreed to have quoted are required");
    if (!e && yes && text_blank(where))
        e = rd_error(RD_INVALID, "where: say where the client agreed it may be quoted");
    if (!e && quote) e = text_check("quote", quote, DESK_MAX_NOTES, true);
    if (!e && where) e = text_check("where", where, DESK_MAX_FIELD, false);
    if (e) return e;
    rd_timestr now;
    desk_now(now);
    json_t *t = NULL;
    if ((e = store_begin(d->st))) return e;
    e = store_testimonial_get(d->st, id, &t);
    if (!e && strcmp(desk_js(t, "answer"), "pending") != 0)
        e = rd_error(RD_CONFLICT, "testimonial: request %lld was already answered", (long long)id);
    if (!e)
        e = store_testimonial_answer(d->st, id, answer, yes ? quote : NULL, yes ? where : NULL,
                                     now);
    if (!e) {
        rd_log_fields lf = {desk_ji(t, "client_id"),
                            desk_ji(t, "case_id"),
                            "in",
                            "email",
                            now,
                            "Testimonial",
                            yes ? quote : "Declined to give a testimonial"};
        int64_t log_id;
        e = store_log_append(d->st, &lf, now, &log_id);
    }
    if (!e)
        e = desk_audit_take(d, "testimonial.answer", "testimonials", id,
                            json_pack("{s:s}", "answer", answer));
    json_decref(t);
    return store_end(d->st, e);
}

rd_err *desk_testimonial_list(rd_desk *d, rd_page *page, json_t **out)
{
    return store_testimonial_list(d->st, page, out);
}
