/* store_erase.c — forgetting a client on request: their personal data leaves every table, and
 * the chains keep only the salted commitments they hashed (chain.c), so verify still passes. */
#include "store/store_int.h"

rd_err *store_client_erase(rd_store *st, int64_t client_id, const char *now, json_t **counts)
{
    int64_t log_n = 0, audit_n = 0;
    rd_err *e = db_exec(st,
                        "UPDATE clients SET name = '(erased)', email = NULL, phone = NULL,"
                        " company = NULL, notes = NULL, erased_at = ?2, updated_at = ?2"
                        " WHERE id = ?1",
                        "it", client_id, now);
    if (!e)
        e = db_exec(st,
                    "UPDATE cases SET words = NULL, want = NULL, goal = NULL, updated_at = ?2"
                    " WHERE client_id = ?1",
                    "it", client_id, now);
    if (!e)
        e = db_exec(st,
                    "UPDATE concerns SET specifics = NULL, example = NULL WHERE case_id IN"
                    " (SELECT id FROM cases WHERE client_id = ?1)",
                    "i", client_id);
    if (!e)
        e = db_exec(st,
                    "UPDATE feedback SET text = NULL WHERE case_id IN"
                    " (SELECT id FROM cases WHERE client_id = ?1)",
                    "i", client_id);
    if (!e)
        e = db_exec(st,
                    "UPDATE log_triage SET findings = '[]' WHERE log_id IN"
                    " (SELECT id FROM log_entries WHERE client_id = ?1)",
                    "i", client_id);
    /* the addresses and names in the headers of mail to and from the client */
    if (!e)
        e = db_exec(st,
                    "UPDATE mail_messages SET from_addr = NULL, from_name = NULL, to_addrs = NULL,"
                    " cc_addrs = NULL WHERE log_id IN"
                    " (SELECT id FROM log_entries WHERE client_id = ?1)",
                    "i", client_id);
    if (!e)
        e = db_exec(st,
                    "UPDATE mail_outbox SET rcpt = '(erased)' WHERE log_id IN"
                    " (SELECT id FROM log_entries WHERE client_id = ?1)",
                    "i", client_id);
    /* the search index copies the words of log entries and concerns */
    if (!e) e = db_exec(st, "DELETE FROM search_fts WHERE client_id = ?1", "i", client_id);
    if (!e) e = store_erase_client_chains(st, client_id, &log_n, &audit_n);
    if (!e)
        *counts = json_pack("{s:I, s:I}", "log_entries", (json_int_t)log_n, "audit_entries",
                            (json_int_t)audit_n);
    return e;
}
