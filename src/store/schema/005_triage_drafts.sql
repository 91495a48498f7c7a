-- 005_triage_drafts.sql — what the analyzer found in each incoming message (kept beside the
-- hash-chained log, not in it: findings are derived and can be recomputed, the words are the
-- evidence), and reply drafts with their tone check and hold (P2, P5).

ALTER TABLE cases ADD COLUMN triage_root TEXT;     -- root cause triage suggests from the words

CREATE TABLE log_triage (
    log_id      INTEGER PRIMARY KEY REFERENCES log_entries(id), -- the message analysed
    hostility   INTEGER NOT NULL,                   -- 0 calm … 3 furious
    abuse       INTEGER NOT NULL,                   -- 1: insult aimed at a person
    legal_threat INTEGER NOT NULL,                  -- 1: lawyers, courts, chargebacks
    review_threat INTEGER NOT NULL,                 -- 1: public review, consumer body
    refund_demand INTEGER NOT NULL,                 -- 1: money back, discount, credit
    payment_refusal INTEGER NOT NULL,               -- 1: refuses or withholds payment
    complaints  TEXT NOT NULL,                      -- space-separated complaint kinds
    root_cause  TEXT NOT NULL,                      -- most likely root cause
    findings    TEXT NOT NULL                       -- JSON: the words behind each finding
);

CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,                -- draft number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case it answers
    channel     TEXT NOT NULL DEFAULT 'email',      -- how it will be sent
    subject     TEXT,                               -- subject line
    body        TEXT NOT NULL,                      -- the reply as written
    errors      INTEGER NOT NULL,                   -- tone-check errors in body
    warnings    INTEGER NOT NULL,                   -- tone-check warnings in body
    hints       INTEGER NOT NULL,                   -- tone-check hints in body
    tone        TEXT NOT NULL,                      -- JSON: the tone check of body
    hold_until  TEXT NOT NULL,                      -- not to be sent before this time (P2)
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'released')), -- released: sent and logged
    override_reason TEXT,                           -- why a hold or error was overridden
    log_id      INTEGER REFERENCES log_entries(id), -- the log entry once released
    created_at  TEXT NOT NULL,                      -- when drafted
    updated_at  TEXT NOT NULL,                      -- last edit
    released_at TEXT                                -- when released
);
CREATE INDEX drafts_case ON drafts(case_id);
