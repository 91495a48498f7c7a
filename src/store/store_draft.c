/* store_draft.c — triage findings on incoming messages, the flags they raise on a case, and
 * reply drafts with their tone check and hold. */
#include "store/store_int.h"

rd_err *store_log_triage_insert(rd_store *st, int64_t log_id, const rd_triage_fields *t)
{
    return db_exec(st,
                   "INSERT INTO log_triage(log_id, hostility, abuse, legal_threat, review_threat,"
                   " refund_demand, payment_refusal, complaints, root_cause, findings)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                   "iiiiiiittt", log_id, (int64_t)t->hostility, (int64_t)t->abuse,
                   (int64_t)t->legal_threat, (int64_t)t->review_threat, (int64_t)t->refund_demand,
                   (int64_t)t->payment_refusal, t->complaints, t->root_cause, t->findings);
}

/* Flags only ever rise: a calm follow-up does not erase an earlier threat. */
rd_err *store_case_raise_flags(rd_store *st, int64_t case_id, const rd_triage_fields *t,
                               const char *now)
{
    return db_exec(st,
                   "UPDATE cases SET hostility = max(hostility, ?2), abuse = max(abuse, ?3),"
                   " legal_threat = max(legal_threat, ?4), review_threat = max(review_threat, ?5),"
                   " refund_demand = max(refund_demand, ?6),"
                   " payment_refusal = max(payment_refusal, ?7), triage_root = ?8,"
                   " updated_at = ?9 WHERE id = ?1",
                   "iiiiiiitt", case_id, (int64_t)t->hostility, (int64_t)t->abuse,
                   (int64_t)t->legal_threat, (int64_t)t->review_threat, (int64_t)t->refund_demand,
                   (int64_t)t->payment_refusal, t->root_cause, now);
}

rd_err *store_log_triage_get(rd_store *st, int64_t log_id, json_t **row)
{
    return db_row(st, row, "SELECT * FROM log_triage WHERE log_id = ?1", "i", log_id);
}

rd_err *store_draft_insert(rd_store *st, const rd_draft_fields *f, const char *now, int64_t *id)
{
    return db_insert(st, id,
                     "INSERT INTO drafts(case_id, channel, subject, body, errors, warnings,"
                     " hints, tone, hold_until, created_at, updated_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                     "itttiiittt", f->case_id, f->channel, f->subject, f->body, (int64_t)f->errors,
                     (int64_t)f->warnings, (int64_t)f->hints, f->tone, f->hold_until, now);
}

rd_err *store_draft_update_text(rd_store *st, int64_t id, const rd_draft_fields *f, const char *now)
{
    return db_exec(st,
                   "UPDATE drafts SET body = ?2, subject = coalesce(?3, subject), errors = ?4,"
                   " warnings = ?5, hints = ?6, tone = ?7, updated_at = ?8 WHERE id = ?1",
                   "ittiiitt", id, f->body, f->subject, (int64_t)f->errors, (int64_t)f->warnings,
                   (int64_t)f->hints, f->tone, now);
}

rd_err *store_draft_release(rd_store *st, int64_t id, int64_t log_id, const char *override,
                            const char *now)
{
    return db_exec(st,
                   "UPDATE drafts SET status = 'released', log_id = ?2, override_reason = ?3,"
                   " released_at = ?4, updated_at = ?4 WHERE id = ?1",
                   "iitt", id, log_id, override, now);
}

rd_err *store_draft_get(rd_store *st, int64_t id, json_t **row)
{
    rd_err *e = db_row(st, row,
                       "SELECT d.*, k.client_id, k.received_at AS case_received_at"
                       " FROM drafts d JOIN cases k ON k.id = d.case_id WHERE d.id = ?1",
                       "i", id);
    if (!e && !*row) e = rd_error(RD_NOT_FOUND, "draft: no draft %lld", (long long)id);
    return e;
}

#define DRAFT_LIST                                                                                 \
    "SELECT id, case_id, channel, subject, body, errors, warnings, hints, hold_until, status,"     \
    " created_at, released_at FROM drafts"

rd_err *store_draft_list(rd_store *st, int64_t case_id, rd_page *page, json_t **rows)
{
    int64_t after = page ? page->after : 0;
    if (case_id)
        return db_page(st, rows, page, "drafts",
                       DRAFT_LIST " WHERE case_id = ?2 AND id > ?1 ORDER BY id LIMIT ?3", "ii",
                       after, case_id);
    return db_page(st, rows, page, "drafts", DRAFT_LIST " WHERE id > ?1 ORDER BY id LIMIT ?2", "i",
                   after);
}

rd_err *store_case_replies(rd_store *st, int64_t case_id, int64_t *n)
{
    return db_int(st, n,
                  "SELECT (SELECT count(*) FROM log_entries WHERE case_id = ?1"
                  " AND direction = 'out') + (SELECT count(*) FROM drafts WHERE case_id = ?1"
                  " AND status = 'released')",
                  "i", case_id);
}
