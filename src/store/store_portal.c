/* store_portal.c — the client's side: private case links and what the client did through them,
 * anonymous surveys (a token pool with no client in it, responses in random order by day),
 * public reviews with their replies, and testimonial requests. */
#include "store/store_int.h"

#include <assert.h>

/* ---------------------------------------------------------------- portal links */

rd_err *store_portal_link_insert(rd_store *st, int64_t case_id, const char *token_hash,
                                 const char *expires_at, const char *now, int64_t *id)
{
    assert(token_hash && expires_at);
    return db_insert(st, id,
                     "INSERT INTO portal_links(case_id, token_hash, created_at, expires_at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "ittt", case_id, token_hash, now, expires_at);
}

rd_err *store_portal_link_by_hash(rd_store *st, const char *token_hash, json_t **row)
{
    return db_row(st, row, "SELECT * FROM portal_links WHERE token_hash = ?1", "t", token_hash);
}

rd_err *store_portal_link_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row, "SELECT * FROM portal_links WHERE id = ?1", "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "link: no portal link %lld", (long long)id);
    return e;
}

rd_err *store_portal_link_touch(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE portal_links SET last_used_at = ?2 WHERE id = ?1", "it", id, now);
}

rd_err *store_portal_link_revoke(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE portal_links SET revoked_at = ?2 WHERE id = ?1", "it", id, now);
}

rd_err *store_portal_link_list(rd_store *st, int64_t case_id, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "portal_links",
                   "SELECT id, case_id, created_at, expires_at, revoked_at, last_used_at"
                   " FROM portal_links WHERE case_id = ?2 AND id > ?1 ORDER BY id LIMIT ?3",
                   "ii", page ? page->after : 0, case_id);
}

rd_err *store_portal_event_insert(rd_store *st, const rd_portal_event *ev, const char *now,
                                  int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO portal_events(case_id, link_id, kind, summary, log_id, at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "iittzt", ev->case_id, ev->link_id, ev->kind, ev->summary, ev->log_id, now);
}

#define EVENT_LIST                                                                                 \
    "SELECT e.id, e.case_id, e.kind, e.summary, e.log_id, e.at, e.seen_at, c.name AS client_name"  \
    " FROM portal_events e JOIN cases k ON k.id = e.case_id JOIN clients c ON c.id = k.client_id"

rd_err *store_portal_event_list(rd_store *st, int unseen, rd_page *page, json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (unseen)
        return db_page(st, rows, page, "portal_events",
                       EVENT_LIST " WHERE e.seen_at IS NULL AND " DB_KEYSET_ASC(
                           "e", "at", "portal_events") " ORDER BY e.at, e.id LIMIT ?2",
                       "i", after);
    return db_page(st, rows, page, "portal_events",
                   EVENT_LIST " WHERE " DB_KEYSET_DESC("e", "at", "portal_events") " ORDER BY"
                                                                                   " e.at DESC, "
                                                                                   "e.id DESC "
                                                                                   "LIMIT ?2",
                   "i", after);
}

rd_err *store_portal_event_seen(rd_store *st, int64_t id, const char *now, int64_t *changed)
{
    rd_err *e =
        id ? db_exec(st,
                     "UPDATE portal_events SET seen_at = ?2 WHERE id = ?1"
                     " AND seen_at IS NULL",
                     "it", id, now)
           : db_exec(st, "UPDATE portal_events SET seen_at = ?1 WHERE seen_at IS NULL", "t", now);
    if (!e) *changed = sqlite3_changes64(st->db);
    return e;
}

rd_err *store_commitment_answer_insert(rd_store *st, int64_t commitment_id, int met,
                                       const char *words, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO commitment_answers(commitment_id, met, words, at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "iitt", commitment_id, (int64_t)(met != 0), words, now);
}

rd_err *store_commitment_answers(rd_store *st, int64_t case_id, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT a.commitment_id, a.met, a.words, a.at FROM commitment_answers a"
                   " JOIN commitments m ON m.id = a.commitment_id WHERE m.case_id = ?1"
                   " ORDER BY a.id",
                   "i", case_id);
}

rd_err *store_feedback_count(rd_store *st, int64_t case_id, int64_t *n)
{
    return db_int(st, n, "SELECT count(*) FROM feedback WHERE case_id = ?1", "i", case_id);
}

/* ---------------------------------------------------------------- surveys */

rd_err *store_survey_insert(rd_store *st, const char *from, const char *to, int64_t min_responses,
                            int64_t invited, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO surveys(period_from, period_to, min_responses, invited,"
                     " created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                     "ttiit", from, to, min_responses, invited, now);
}

rd_err *store_survey_question_insert(rd_store *st, int64_t survey_id, int64_t position,
                                     const char *text)
{
    return db_exec(st,
                   "INSERT INTO survey_questions(survey_id, position, text) VALUES (?1, ?2, ?3)",
                   "iit", survey_id, position, text);
}

rd_err *store_survey_token_insert(rd_store *st, int64_t survey_id, const char *token_hash)
{
    return db_exec(st, "INSERT INTO survey_tokens(token_hash, survey_id) VALUES (?1, ?2)", "ti",
                   token_hash, survey_id);
}

rd_err *store_survey_token_find(rd_store *st, const char *token_hash, int64_t *survey_id)
{
    return db_int(st, survey_id, "SELECT survey_id FROM survey_tokens WHERE token_hash = ?1", "t",
                  token_hash);
}

rd_err *store_survey_token_burn(rd_store *st, const char *token_hash)
{
    return db_exec(st, "DELETE FROM survey_tokens WHERE token_hash = ?1", "t", token_hash);
}

rd_err *store_survey_response_insert(rd_store *st, int64_t id, int64_t survey_id, const char *day,
                                     int64_t score, const char *answers)
{
    return db_exec(st,
                   "INSERT INTO survey_responses(id, survey_id, day, score, answers)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                   "iitit", id, survey_id, day, score, answers);
}

rd_err *store_survey_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT s.*, (SELECT count(*) FROM survey_responses r"
                       " WHERE r.survey_id = s.id) AS responses,"
                       " (SELECT count(*) FROM survey_tokens t WHERE t.survey_id = s.id)"
                       " AS unused FROM surveys s WHERE s.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "survey: no survey %lld", (long long)id);
    return e;
}

rd_err *store_survey_list(rd_store *st, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "surveys",
                   "SELECT s.id, s.period_from, s.period_to, s.invited, s.min_responses,"
                   " s.created_at, s.closed_at, (SELECT count(*) FROM survey_responses r"
                   " WHERE r.survey_id = s.id) AS responses FROM surveys s"
                   " WHERE " DB_KEYSET_DESC("s", "created_at",
                                            "surveys") " ORDER BY"
                                                       " s.created_at DESC, s.id DESC LIMIT ?2",
                   "i", page ? page->after : 0);
}

rd_err *store_survey_questions(rd_store *st, int64_t survey_id, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT position, text FROM survey_questions WHERE survey_id = ?1"
                   " ORDER BY position",
                   "i", survey_id);
}

rd_err *store_survey_responses(rd_store *st, int64_t survey_id, json_t **rows)
{
    return db_rows(st, rows,
                   "SELECT day, score, answers FROM survey_responses WHERE survey_id = ?1"
                   " ORDER BY id",
                   "i", survey_id);
}

rd_err *store_survey_close(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE surveys SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL",
                   "it", id, now);
}

rd_err *store_survey_clients(rd_store *st, const char *from, const char *to, json_t **rows)
{
    /* Work in the period: a project started or due in it, an invoice issued in it, or time
     * logged in it. Days compare as text (YYYY-MM-DD prefixes of ISO times). */
    return db_rows(st, rows,
                   "SELECT c.id, c.name, c.email FROM clients c WHERE c.status = 'active' AND ("
                   " EXISTS (SELECT 1 FROM projects p WHERE p.client_id = c.id AND"
                   " (substr(p.created_at, 1, 10) BETWEEN ?1 AND ?2"
                   " OR p.deadline BETWEEN ?1 AND ?2))"
                   " OR EXISTS (SELECT 1 FROM invoices i JOIN projects p ON p.id = i.project_id"
                   " WHERE p.client_id = c.id AND i.issued_on BETWEEN ?1 AND ?2)"
                   " OR EXISTS (SELECT 1 FROM time_entries t WHERE t.client_id = c.id AND"
                   " substr(t.at, 1, 10) BETWEEN ?1 AND ?2)) ORDER BY c.name, c.id",
                   "tt", from, to);
}

rd_err *store_secure_delete(rd_store *st, int on)
{
    return db_exec(st, on ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF", NULL);
}

rd_err *store_checkpoint(rd_store *st)
{
    /* TRUNCATE: the write-ahead log, which holds page images in the order they were written,
     * is emptied and cut to zero bytes. */
    int busy = 0, logged = 0, done = 0;
    if (sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &logged, &done) !=
        SQLITE_OK)
        busy = 1;
    return busy ? rd_error(RD_DB, "checkpoint: the database is busy") : NULL;
}

/* ---------------------------------------------------------------- reviews */

rd_err *store_review_insert(rd_store *st, const rd_review_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO reviews(client_id, case_id, threat_log_id, platform, rating,"
                     " text, link, posted_on, created_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                     "zzztItttt", f->client_id, f->case_id, f->threat_log_id, f->platform,
                     f->rating, f->text, f->link, f->posted_on, now);
}

rd_err *store_review_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT r.*, c.name AS client_name FROM reviews r"
                       " LEFT JOIN clients c ON c.id = r.client_id WHERE r.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "review: no review %lld", (long long)id);
    return e;
}

rd_err *store_review_list(rd_store *st, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "reviews",
                   "SELECT r.id, r.platform, r.rating, r.posted_on, r.client_id, r.case_id,"
                   " r.threat_log_id, c.name AS client_name, r.reply_posted_at,"
                   " r.reply IS NOT NULL AS has_reply FROM reviews r"
                   " LEFT JOIN clients c ON c.id = r.client_id WHERE " DB_KEYSET_DESC(
                       "r", "posted_on", "reviews") " ORDER BY r.posted_on DESC, r.id DESC"
                                                    " LIMIT ?2",
                   "i", page ? page->after : 0);
}

rd_err *store_review_set_reply(rd_store *st, int64_t id, const char *reply, const char *checked_at)
{
    return db_exec(st, "UPDATE reviews SET reply = ?2, reply_checked_at = ?3 WHERE id = ?1", "itt",
                   id, reply, checked_at);
}

rd_err *store_review_reply_posted(rd_store *st, int64_t id, const char *now)
{
    return db_exec(st, "UPDATE reviews SET reply_posted_at = ?2 WHERE id = ?1", "it", id, now);
}

rd_err *store_review_threat(rd_store *st, int64_t client_id, int64_t *log_id)
{
    return db_int(st, log_id,
                  "SELECT l.id FROM log_entries l JOIN log_triage t ON t.log_id = l.id"
                  " WHERE l.client_id = ?1 AND l.direction = 'in' AND t.review_threat = 1"
                  " ORDER BY l.id DESC LIMIT 1",
                  "i", client_id);
}

/* ---------------------------------------------------------------- testimonials */

rd_err *store_closed_well(rd_store *st, int64_t client_id, int64_t case_id, json_t **row)
{
    return db_row(st, row,
                  "SELECT k.id AS case_id, f.score FROM cases k"
                  " JOIN feedback f ON f.case_id = k.id JOIN clients c ON c.id = k.client_id"
                  " WHERE k.client_id = ?1 AND (?2 = 0 OR k.id = ?2) AND k.status = 'closed'"
                  " AND c.status = 'active' AND f.score >= 4 ORDER BY f.score DESC, k.id DESC"
                  " LIMIT 1",
                  "ii", client_id, case_id);
}

rd_err *store_testimonial_insert(rd_store *st, int64_t client_id, int64_t case_id,
                                 const char *request, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO testimonials(client_id, case_id, request, asked_at)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "iztt", client_id, case_id, request, now);
}

rd_err *store_testimonial_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT t.*, c.name AS client_name FROM testimonials t"
                       " JOIN clients c ON c.id = t.client_id WHERE t.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "testimonial: no request %lld", (long long)id);
    return e;
}

rd_err *store_testimonial_list(rd_store *st, rd_page *page, json_t **rows)
{
    return db_page(st, rows, page, "testimonials",
                   "SELECT t.id, t.client_id, c.name AS client_name, t.case_id, t.asked_at,"
                   " t.answer, t.quote, t.quotable_where FROM testimonials t"
                   " JOIN clients c ON c.id = t.client_id WHERE t.id > ?1 ORDER BY t.id LIMIT ?2",
                   "i", page ? page->after : 0);
}

rd_err *store_testimonial_answer(rd_store *st, int64_t id, const char *answer, const char *quote,
                                 const char *where, const char *now)
{
    return db_exec(st,
                   "UPDATE testimonials SET answer = ?2, quote = ?3, quotable_where = ?4,"
                   " answered_at = ?5 WHERE id = ?1",
                   "itttt", id, answer, quote, where, now);
}
