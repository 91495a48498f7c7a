-- 011_mail.sql — mail in and out: the headers of imported and sent messages beside the log entry
-- that holds their words, attachments kept once by content hash (the evidence of P17), the
-- delivery state of replies sent by SMTP, and one full-text index over everything a person may
-- want to find again (subjects, bodies, the client's words on a case, attachment names).

CREATE TABLE mail_messages (
    id          INTEGER PRIMARY KEY,                -- message number
    log_id      INTEGER NOT NULL UNIQUE REFERENCES log_entries(id), -- the entry with its words
    message_id  TEXT NOT NULL UNIQUE,               -- Message-ID without <>, or "blake2b:HEX" of
                                                    -- the message when it has none (idempotence)
    from_addr   TEXT,                               -- address in From, lower case
    from_name   TEXT,                               -- display name in From, decoded
    to_addrs    TEXT,                               -- addresses in To, comma separated
    cc_addrs    TEXT,                               -- addresses in Cc, comma separated
    in_reply_to TEXT,                               -- Message-ID it answers, without <>
    refs        TEXT,                               -- References, space separated, without <>
    source      TEXT,                               -- where it came from (file and position,
                                                    -- or "sent" for a reply sent by redress)
    created_at  TEXT NOT NULL                       -- when it was recorded
);

-- The bytes of each attachment once, whatever the number of messages that carry it.
CREATE TABLE blobs (
    hash        TEXT PRIMARY KEY,                   -- BLAKE2b-256 of data (hex)
    size        INTEGER NOT NULL,                   -- bytes in data
    data        BLOB NOT NULL                       -- the content, decoded (not base64)
);

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,                -- attachment number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- whose matter it is evidence in
    case_id     INTEGER REFERENCES cases(id),       -- the case, when there is one
    log_id      INTEGER REFERENCES log_entries(id), -- the message it came with, if any
    hash        TEXT NOT NULL REFERENCES blobs(hash), -- its content
    name        TEXT NOT NULL,                      -- file name as sent or given
    type        TEXT NOT NULL,                      -- MIME type, e.g. application/pdf
    size        INTEGER NOT NULL,                   -- bytes
    created_at  TEXT NOT NULL                       -- when it was recorded
);
CREATE INDEX attachments_case ON attachments(case_id);
CREATE INDEX attachments_log ON attachments(log_id);

-- Replies sent by SMTP: the Message-ID is fixed before the first attempt, so a retry sends the
-- same message, and a sent one is never sent again.
CREATE TABLE mail_outbox (
    id          INTEGER PRIMARY KEY,                -- delivery number
    draft_id    INTEGER NOT NULL UNIQUE REFERENCES drafts(id), -- the released draft
    log_id      INTEGER NOT NULL REFERENCES log_entries(id), -- its log entry
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

-- One search index: kind is log, concern or attachment; ref the row id in that table.
CREATE VIRTUAL TABLE search_fts USING fts5(
    kind UNINDEXED, ref UNINDEXED, client_id UNINDEXED, case_id UNINDEXED, at UNINDEXED,
    subject, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- The index follows the records by trigger, so every way of writing them is covered.
CREATE TRIGGER search_log_ai AFTER INSERT ON log_entries BEGIN
    INSERT INTO search_fts(kind, ref, client_id, case_id, at, subject, body)
    VALUES ('log', new.id, new.client_id, new.case_id, new.at, new.subject, new.body);
END;
-- A case's own words are already in its log entry; what the user wrote down on it are the
-- concerns (P4).
CREATE TRIGGER search_concern_ai AFTER INSERT ON concerns BEGIN
    INSERT INTO search_fts(kind, ref, client_id, case_id, at, subject, body)
    VALUES ('concern', new.id, (SELECT client_id FROM cases WHERE id = new.case_id), new.case_id,
            new.created_at, new.text,
            coalesce(new.specifics, '') || char(10) || coalesce(new.example, ''));
END;
CREATE TRIGGER search_attachment_ai AFTER INSERT ON attachments BEGIN
    INSERT INTO search_fts(kind, ref, client_id, case_id, at, subject, body)
    VALUES ('attachment', new.id, new.client_id, new.case_id, new.created_at, new.name, NULL);
END;

INSERT INTO search_fts(kind, ref, client_id, case_id, at, subject, body)
    SELECT 'log', id, client_id, case_id, at, subject, body FROM log_entries;
INSERT INTO search_fts(kind, ref, client_id, case_id, at, subject, body)
    SELECT 'concern', c.id, k.client_id, c.case_id, c.created_at, c.text,
           coalesce(c.specifics, '') || char(10) || coalesce(c.example, '')
    FROM concerns c JOIN cases k ON k.id = c.case_id;
