-- 017_letter_mail.sql — letters and reminders redress writes go out by mail as drafts do. A
-- letter has no draft, so the outbox is now keyed by the log entry holding the words sent:
-- draft_id becomes optional and log_id unique. Same columns in the same order; the rows are
-- copied across, and the seal's sum for the table is recomputed after the migration.

CREATE TABLE mail_outbox_017 (
    id          INTEGER PRIMARY KEY,                -- delivery number
    draft_id    INTEGER UNIQUE REFERENCES drafts(id), -- the released draft; NULL for a letter
    log_id      INTEGER NOT NULL UNIQUE REFERENCES log_entries(id), -- the entry with the words
    message_id  TEXT NOT NULL UNIQUE,               -- Message-ID it goes out with, without <>
    rcpt        TEXT NOT NULL,                      -- the address it is sent to
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sent', 'failed')), -- delivery state
    attempts    INTEGER NOT NULL DEFAULT 0,         -- delivery attempts made
    answer      TEXT,                               -- the server's last answer (or curl's)
    sent_at     TEXT,                               -- when the server accepted it
    created_at  TEXT NOT NULL,                      -- when it was queued
    updated_at  TEXT NOT NULL                       -- last attempt
);
INSERT INTO mail_outbox_017 (id, draft_id, log_id, message_id, rcpt, status, attempts, answer,
                             sent_at, created_at, updated_at)
    SELECT id, draft_id, log_id, message_id, rcpt, status, attempts, answer, sent_at, created_at,
           updated_at FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_017 RENAME TO mail_outbox;

-- Which draft a log entry was released from, found without reading every draft.
CREATE INDEX drafts_log ON drafts(log_id);
