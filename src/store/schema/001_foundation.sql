-- 001_foundation.sql — the first schema: clients, their projects, complaint cases, the
-- communication log and audit trail (both hash chained), time, invoices and revisions.
-- Times are ISO 8601 UTC text ("2026-11-25T06:46:00Z"); dates are "YYYY-MM-DD".
-- Money is integer minor units beside an ISO 4217 code.

CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,                -- stable client number shown to the user
    name        TEXT NOT NULL,                      -- person or business as the user knows them
    email       TEXT,                               -- main email address, if known
    phone       TEXT,                               -- main phone number, free form
    company     TEXT,                               -- company the client works for, if any
    notes       TEXT,                               -- the user's own notes about the client
    status      TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'terminated')), -- terminated: walked away (P16)
    created_at  TEXT NOT NULL,                      -- when the client was added
    updated_at  TEXT NOT NULL                       -- last change to any field above
);

CREATE TABLE projects (
    id              INTEGER PRIMARY KEY,            -- stable project number
    client_id       INTEGER NOT NULL REFERENCES clients(id), -- whose project
    title           TEXT NOT NULL,                  -- short name of the work
    scope           TEXT,                           -- what the work covers, as agreed (P20)
    deliverables    TEXT,                           -- what is handed over, as agreed (P20)
    deadline        TEXT,                           -- agreed delivery date, YYYY-MM-DD
    price           INTEGER,                        -- agreed price in minor units
    currency        TEXT NOT NULL,                  -- ISO 4217 code for every amount here
    payment_terms   INTEGER NOT NULL DEFAULT 30,    -- days from invoice to payment due
    revisions       INTEGER NOT NULL DEFAULT 2,     -- revisions included in the price (P18)
    extra_revision_price INTEGER,                   -- price of each revision beyond those
    status          TEXT NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'delivered', 'cancelled', 'handed_over')),
                                                    -- delivery state of the work
    created_at      TEXT NOT NULL,                  -- when the project was recorded
    updated_at      TEXT NOT NULL                   -- last change
);
CREATE INDEX projects_client ON projects(client_id);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,                -- case number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- who complained
    project_id  INTEGER REFERENCES projects(id),    -- which project, when there is one
    channel     TEXT NOT NULL CHECK (channel IN
                ('email', 'phone', 'meeting', 'chat', 'review', 'letter')), -- how it arrived
    received_at TEXT NOT NULL,                      -- when the complaint arrived
    words       TEXT,                               -- the client's own words, verbatim (P1)
    stage       TEXT NOT NULL DEFAULT 'intake',     -- where the case is on the playbook path
    root_cause  TEXT CHECK (root_cause IN ('missed_deadline', 'quality', 'communication',
                'scope', 'billing', 'other')),      -- the real problem, once identified (P6)
    root_notes  TEXT,                               -- the user's notes on the root cause
    hostility   INTEGER NOT NULL DEFAULT 0 CHECK (hostility BETWEEN 0 AND 3),
                                                    -- highest hostility seen on the case
    abuse         INTEGER NOT NULL DEFAULT 0,       -- 1 when abusive language was recorded
    legal_threat  INTEGER NOT NULL DEFAULT 0,       -- 1 when a legal threat was recorded
    review_threat INTEGER NOT NULL DEFAULT 0,       -- 1 when a public review was threatened
    refund_demand INTEGER NOT NULL DEFAULT 0,       -- 1 when money back was demanded
    payment_refusal INTEGER NOT NULL DEFAULT 0,     -- 1 when the client refused to pay
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'paused', 'closed')), -- open, paused (P14), closed
    created_at  TEXT NOT NULL,                      -- when the case was opened in redress
    updated_at  TEXT NOT NULL,                      -- last change
    closed_at   TEXT                                -- when the case was closed
);
CREATE INDEX cases_client ON cases(client_id);
CREATE INDEX cases_status ON cases(status, stage);

CREATE TABLE concerns (
    id          INTEGER PRIMARY KEY,                -- concern number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case it belongs to
    text        TEXT NOT NULL,                      -- the concern in a sentence (P4)
    specifics   TEXT,                               -- what exactly is wrong
    example     TEXT,                               -- a concrete example the client gave
    created_at  TEXT NOT NULL                       -- when it was recorded
);
CREATE INDEX concerns_case ON concerns(case_id);

-- The communication log (P17): append-only, every row chained to the one before by hash.
CREATE TABLE log_entries (
    id          INTEGER PRIMARY KEY,                -- position in the chain
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- whose conversation
    case_id     INTEGER REFERENCES cases(id),       -- the case it concerns, if any
    direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')), -- in: from the client
    channel     TEXT NOT NULL CHECK (channel IN
                ('email', 'phone', 'meeting', 'chat', 'review', 'letter', 'portal')),
                                                    -- how the exchange happened
    at          TEXT NOT NULL,                      -- when the exchange happened
    subject     TEXT,                               -- subject line or short title
    body        TEXT,                               -- the words exchanged, or notes of a call
    recorded_at TEXT NOT NULL,                      -- when it was written to the log
    prev_hash   TEXT NOT NULL,                      -- hash of the previous row (hex)
    hash        TEXT NOT NULL                       -- BLAKE2b of this row's content + prev_hash
);
CREATE INDEX log_client ON log_entries(client_id, at);

-- The audit trail: append-only record of every write, chained like the log.
CREATE TABLE audit_entries (
    id          INTEGER PRIMARY KEY,                -- position in the chain
    at          TEXT NOT NULL,                      -- when the write happened
    actor       TEXT NOT NULL,                      -- who did it (login name or API user)
    action      TEXT NOT NULL,                      -- what was done, e.g. "case.open"
    tbl         TEXT NOT NULL,                      -- which table the row is in
    row_id      INTEGER,                            -- which row
    detail      TEXT,                               -- JSON with the values that changed
    prev_hash   TEXT NOT NULL,                      -- hash of the previous row (hex)
    hash        TEXT NOT NULL                       -- BLAKE2b of this row's content + prev_hash
);

-- The newest row of each chain, so that removing rows from the end is also caught.
CREATE TABLE chain_heads (
    chain       TEXT PRIMARY KEY,                   -- 'log' or 'audit'
    count       INTEGER NOT NULL,                   -- rows in the chain
    hash        TEXT NOT NULL                       -- hash of the newest row
);
INSERT INTO chain_heads VALUES ('log', 0, ''), ('audit', 0, '');

CREATE TABLE time_entries (
    id          INTEGER PRIMARY KEY,                -- entry number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- whose time it was
    case_id     INTEGER REFERENCES cases(id),       -- the case, when spent on a complaint
    minutes     INTEGER NOT NULL CHECK (minutes > 0), -- time spent
    note        TEXT,                               -- what the time went on
    at          TEXT NOT NULL                       -- when it was logged
);
CREATE INDEX time_client ON time_entries(client_id);

CREATE TABLE invoices (
    id          INTEGER PRIMARY KEY,                -- invoice row number
    project_id  INTEGER NOT NULL REFERENCES projects(id), -- what it bills
    number      TEXT NOT NULL,                      -- the user's invoice number, e.g. "2026-014"
    amount      INTEGER NOT NULL CHECK (amount > 0), -- total in minor units
    currency    TEXT NOT NULL,                      -- same as the project's
    issued_on   TEXT NOT NULL,                      -- issue date YYYY-MM-DD
    due_on      TEXT NOT NULL,                      -- payment due date YYYY-MM-DD
    created_at  TEXT NOT NULL,                      -- when recorded
    UNIQUE (project_id, number)
);

CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,                -- payment number
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id), -- which invoice it pays
    amount      INTEGER NOT NULL CHECK (amount > 0), -- minor units, invoice currency
    paid_on     TEXT NOT NULL,                      -- date the money arrived
    created_at  TEXT NOT NULL                       -- when recorded
);
CREATE INDEX payments_invoice ON payments(invoice_id);

CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,                -- revision number
    project_id  INTEGER NOT NULL REFERENCES projects(id), -- which project
    note        TEXT,                               -- what was asked for
    beyond_policy INTEGER NOT NULL DEFAULT 0,       -- 1 when past the included revisions
    charge      TEXT CHECK (charge IN ('charge', 'waive')), -- decision on an extra revision
    created_at  TEXT NOT NULL                       -- when requested
);
CREATE INDEX revisions_project ON revisions(project_id);

-- Settings the user can change (cool-off minutes, risk threshold, hourly cost, ...).
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,                   -- setting name
    value       TEXT NOT NULL                       -- its value as text
);

-- The log and the audit trail are append-only: the database itself refuses changes. (Someone
-- with the sqlite3 shell can drop these triggers; the hash chain still shows what they did.)
CREATE TRIGGER log_no_update BEFORE UPDATE ON log_entries
BEGIN SELECT RAISE(ABORT, 'the communication log is append-only'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log_entries
BEGIN SELECT RAISE(ABORT, 'the communication log is append-only'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
