/* desk_survey.c — anonymous surveys of every client with work in a period (P22). The promise
 * is that no response can be linked to a client, not even by the user reading the database:
 *   - each client gets a link whose token is stored only as a hash, in a pool keyed by the hash
 *     alone (no client id, no row order: the table has no rowid);
 *   - the pairing of client and link exists only in the output of `survey create`, which the
 *     user needs to send the links, and is never written down by redress;
 *   - a token is deleted when used (with secure_delete, so its bytes do not linger in free
 *     pages), and the write-ahead log is checkpointed and truncated after each response;
 *   - a response keeps only the day it arrived, gets a random row id so that stored order says
 *     nothing of arrival order, and makes no audit entry (an audit entry carries the exact time);
 *   - results are shown only once min_responses (at least 3, 5 by default) are in.
 * docs/design.md states the threat model and what is not protected. */
#include "desk/desk.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define SURVEY_PREFIX      "s_"
#define SURVEY_MIN_DEFAULT 5
#define SURVEY_MIN_FLOOR   3
#define SURVEY_QUESTIONS   10

static rd_err *parse_period(const char *period, char from[11], char to[11])
{
    if (!period) return rd_error(RD_INVALID, "period: is required (YYYY-MM-DD..YYYY-MM-DD)");
    const char *dots = strstr(period, "..");
    if (!dots || dots - period != 10 || strlen(dots + 2) != 10)
        return rd_error(RD_INVALID, "period: '%s' is not FROM..TO (YYYY-MM-DD..YYYY-MM-DD)",
                        period);
    memcpy(from, period, 10), from[10] = '\0';
    memcpy(to, dots + 2, 10), to[10] = '\0';
    int y, m, d;
    rd_err *e = date_parse("period", from, &y, &m, &d);
    if (!e) e = date_parse("period", to, &y, &m, &d);
    if (!e && strcmp(from, to) > 0) e = rd_error(RD_INVALID, "period: %s is after %s", from, to);
    return e;
}

static rd_err *check_questions(const char *const *questions, int n)
{
    if (n < 1) return rd_error(RD_INVALID, "question: at least one is required");
    if (n > SURVEY_QUESTIONS)
        return rd_error(RD_INVALID, "question: at most %d questions", SURVEY_QUESTIONS);
    for (int i = 0; i < n; i++) {
        if (text_blank(questions[i])) return rd_error(RD_INVALID, "question: is blank");
        rd_err *e = text_check("question", questions[i], DESK_MAX_FIELD, false);
        if (e) return e;
    }
    return NULL;
}

/* Shuffles the clients so the printed order says nothing of when each token was made. */
static void shuffle(json_t *arr)
{
    for (size_t i = json_array_size(arr); i > 1; i--) {
        size_t j = (size_t)(secret_random_id() % (int64_t)i);
        json_t *a = json_incref(json_array_get(arr, i - 1));
        json_array_set(arr, i - 1, json_array_get(arr, j));
        json_array_set_new(arr, j, a);
    }
}

rd_err *desk_survey_create(rd_desk *d, const desk_survey_input *in, json_t **out)
{
    char from[11], to[11];
    int64_t min = SURVEY_MIN_DEFAULT;
    rd_err *e = parse_period(in->period, from, to);
    if (!e) e = check_questions(in->questions, in->nquestions);
    if (!e && in->min_responses)
        e = parse_int("min_responses", in->min_responses, SURVEY_MIN_FLOOR, 1000, &min);
    if (e) return e;
    json_t *clients = NULL;
    rd_timestr now;
    desk_now(now);
    int64_t id = 0;
    if ((e = store_begin(d->st))) return e;
    e = store_survey_clients(d->st, from, to, &clients);
    if (!e && json_array_size(clients) == 0)
        e = rd_error(RD_INVALID, "period: no client had work between %s and %s", from, to);
    if (!e)
        e = store_survey_insert(d->st, from, to, min, (int64_t)json_array_size(clients), now, &id);
    for (int i = 0; !e && i < in->nquestions; i++)
        e = store_survey_question_insert(d->st, id, i + 1, in->questions[i]);
    if (!e) shuffle(clients);
    size_t i;
    json_t *c;
    json_array_foreach(clients, i, c)
    {
        if (e) break;
        char secret[RD_SECRET_MAX], hash[65];
        secret_new(SURVEY_PREFIX, secret);
        secret_hash(secret, hash);
        e = store_survey_token_insert(d->st, id, hash);
        json_object_set_new(c, "token", json_string(secret));
    }
    if (!e)
        e = desk_audit_take(d, "survey.create", "surveys", id,
                            json_pack("{s:s, s:s, s:I}", "from", from, "to", to, "invited",
                                      (json_int_t)json_array_size(clients)));
    e = store_end(d->st, e);
    if (e) {
        json_decref(clients);
        return e;
    }
    *out = json_pack("{s:I, s:s, s:s, s:I, s:o}", "id", (json_int_t)id, "period_from", from,
                     "period_to", to, "min_responses", (json_int_t)min, "links", clients);
    return NULL;
}

/* The survey the token answers, when it is still unused and the survey open. */
static rd_err *token_survey(rd_desk *d, const char *token, char hash[65], json_t **survey)
{
    static const char refused[] = "link: this survey link was already used or is not valid";
    *survey = NULL;
    if (!secret_well_formed(token, SURVEY_PREFIX)) return rd_error(RD_NOT_FOUND, refused);
    secret_hash(token, hash);
    int64_t id = 0;
    rd_err *e = store_survey_token_find(d->st, hash, &id);
    if (!e && !id) e = rd_error(RD_NOT_FOUND, refused);
    if (!e) e = store_survey_get(d->st, id, survey);
    if (!e && desk_js(*survey, "closed_at"))
        e = rd_error(RD_CONFLICT, "survey: this survey has closed; thank you all the same");
    if (e) {
        json_decref(*survey);
        *survey = NULL;
    }
    return e;
}

rd_err *desk_survey_view(rd_desk *d, const char *token, json_t **out)
{
    char hash[65];
    json_t *s = NULL, *q = NULL;
    rd_err *e = token_survey(d, token, hash, &s);
    if (!e) e = store_survey_questions(d->st, desk_ji(s, "id"), &q);
    if (!e)
        *out = json_pack("{s:s, s:s, s:O}", "period_from", desk_js(s, "period_from"), "period_to",
                         desk_js(s, "period_to"), "questions", q);
    json_decref(q);
    json_decref(s);
    return e;
}

rd_err *desk_survey_respond(rd_desk *d, const char *token, const char *score,
                            const char *const *answers, int nanswers)
{
    int64_t sc = 0;
    rd_err *e = parse_int("score", score, 1, 5, &sc);
    for (int i = 0; !e && i < nanswers; i++)
        if (answers[i]) e = text_check("answer", answers[i], DESK_MAX_FIELD, true);
    if (e) return e;
    char hash[65];
    json_t *s = NULL, *q = NULL, *list = json_array();
    rd_timestr today;
    desk_today(today);
    if ((e = store_secure_delete(d->st, 1))) return e;
    if ((e = store_begin(d->st))) return e;
    e = token_survey(d, token, hash, &s);
    if (!e) e = store_survey_questions(d->st, desk_ji(s, "id"), &q);
    if (!e && nanswers > (int)json_array_size(q))
        e = rd_error(RD_INVALID, "answer: %d answers for %zu questions", nanswers,
                     json_array_size(q));
    for (size_t i = 0; !e && i < json_array_size(q); i++)
        json_array_append_new(list, json_string((int)i < nanswers && answers[i] ? answers[i] : ""));
    char *text = e ? NULL : json_dumps(list, JSON_COMPACT);
    if (!e) e = store_survey_token_burn(d->st, hash);
    if (!e)
        e = store_survey_response_insert(d->st, secret_random_id(), desk_ji(s, "id"), today, sc,
                                         text);
    free(text);
    json_decref(list);
    json_decref(q);
    json_decref(s);
    e = store_end(d->st, e);
    rd_err_free(store_secure_delete(d->st, 0));
    if (!e) rd_err_free(store_checkpoint(d->st)); /* best effort: busy readers may hold it */
    return e;
}

rd_err *desk_survey_results(rd_desk *d, int64_t id, json_t **out)
{
    json_t *s = NULL, *q = NULL, *r = NULL;
    rd_err *e = store_survey_get(d->st, id, &s);
    if (!e) e = store_survey_questions(d->st, id, &q);
    int64_t n = desk_ji(s, "responses"), min = desk_ji(s, "min_responses");
    if (!e && n >= min) e = store_survey_responses(d->st, id, &r);
    if (e) {
        json_decref(s);
        json_decref(q);
        return e;
    }
    *out =
        json_pack("{s:I, s:s, s:s, s:I, s:I, s:I, s:b, s:s?}", "id", (json_int_t)id, "period_from",
                  desk_js(s, "period_from"), "period_to", desk_js(s, "period_to"), "invited",
                  (json_int_t)desk_ji(s, "invited"), "responses", (json_int_t)n, "min_responses",
                  (json_int_t)min, "shown", n >= min, "closed_at", desk_js(s, "closed_at"));
    if (r) {
        int64_t dist[5] = {0}, total = 0;
        json_t *byq = json_array();
        for (size_t k = 0; k < json_array_size(q); k++)
            json_array_append_new(byq, json_pack("{s:O, s:[]}", "question",
                                                 json_object_get(json_array_get(q, k), "text"),
                                                 "answers"));
        size_t i;
        json_t *row;
        json_array_foreach(r, i, row)
        {
            int64_t sc = desk_ji(row, "score");
            dist[sc - 1]++, total += sc;
            json_t *ans = json_loads(desk_js(row, "answers"), 0, NULL);
            for (size_t k = 0; k < json_array_size(ans) && k < json_array_size(byq); k++)
                if (*json_string_value(json_array_get(ans, k)))
                    json_array_append(json_object_get(json_array_get(byq, k), "answers"),
                                      json_array_get(ans, k));
            json_decref(ans);
        }
        for (size_t k = 0; k < json_array_size(byq); k++)
            shuffle(json_object_get(json_array_get(byq, k), "answers"));
        json_object_set_new(*out, "average", json_real((double)total / (double)n));
        json_object_set_new(*out, "scores",
                            json_pack("[I,I,I,I,I]", (json_int_t)dist[0], (json_int_t)dist[1],
                                      (json_int_t)dist[2], (json_int_t)dist[3],
                                      (json_int_t)dist[4]));
        json_object_set_new(*out, "questions", byq);
    } else {
        json_object_set_new(*out, "questions", json_incref(q));
    }
    json_decref(r);
    json_decref(q);
    json_decref(s);
    return NULL;
}

rd_err *desk_survey_list(rd_desk *d, rd_page *page, json_t **out)
{
    return store_survey_list(d->st, page, out);
}

rd_err *desk_survey_close(rd_desk *d, int64_t id)
{
    rd_timestr now;
    desk_now(now);
    json_t *s = NULL;
    rd_err *e = store_begin(d->st);
    if (e) return e;
    e = store_survey_get(d->st, id, &s);
    if (!e && desk_js(s, "closed_at"))
        e = rd_error(RD_CONFLICT, "survey: survey %lld is already closed", (long long)id);
    if (!e) e = store_survey_close(d->st, id, now);
    if (!e) e = desk_audit(d, "survey.close", "surveys", id, NULL);
    json_decref(s);
    return store_end(d->st, e);
}
