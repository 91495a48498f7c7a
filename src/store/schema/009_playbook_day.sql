-- 009_playbook_day.sql — what the playbook needs day to day and to put mistakes right without
-- editing history: a pause with a resume date (P14), the re-reading before a restatement (P7),
-- the watch period after a fix (P9), mediation's final proposal and the weighing before the
-- legal step (P13), what a hard case cost (P11), commitments in parts, a client's own fix as an
-- option (P8), invoice write-offs and credit notes, project amendments, reversed revision
-- charges, and corrections of log entries that point to the entry they correct.

ALTER TABLE cases ADD COLUMN pause_until TEXT;     -- date contact is meant to resume (P14), YYYY-MM-DD
ALTER TABLE cases ADD COLUMN reread_at TEXT;       -- when the user re-read the earlier messages (P7)
ALTER TABLE cases ADD COLUMN watch_until TEXT;     -- extra care for the client until this date (P9)

ALTER TABLE escalations ADD COLUMN final_proposal TEXT; -- mediation: the final meet-halfway proposal
ALTER TABLE escalations ADD COLUMN weighed TEXT;   -- legal: how the relationship and reputation were weighed

ALTER TABLE lessons ADD COLUMN cost_minutes INTEGER; -- time the case cost the user (P11)
ALTER TABLE lessons ADD COLUMN cost_amount INTEGER;  -- money it cost, minor units of cost_currency
ALTER TABLE lessons ADD COLUMN cost_currency TEXT;   -- ISO 4217 code of cost_amount
ALTER TABLE lessons ADD COLUMN differently TEXT;     -- what the user will do differently themselves

ALTER TABLE commitments ADD COLUMN parent_id INTEGER REFERENCES commitments(id);
                                                    -- the commitment this is a part of, if any
ALTER TABLE offer_options ADD COLUMN proposed_by TEXT; -- 'client' when the client proposed it (P8)

ALTER TABLE revisions ADD COLUMN reversed_at TEXT; -- when a charge was reversed
ALTER TABLE revisions ADD COLUMN reversed_reason TEXT; -- why it was reversed

-- Write-offs and credit notes: an invoice's balance lowered without touching the invoice.
CREATE TABLE invoice_adjustments (
    id          INTEGER PRIMARY KEY,                -- adjustment number
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id), -- which invoice
    kind        TEXT NOT NULL CHECK (kind IN ('write_off', 'credit_note')), -- what sort
    amount      INTEGER NOT NULL CHECK (amount > 0), -- minor units, invoice currency
    number      TEXT,                               -- the credit note's own number, if any
    reason      TEXT NOT NULL,                      -- why
    created_at  TEXT NOT NULL                       -- when recorded
);
CREATE INDEX invoice_adjustments_invoice ON invoice_adjustments(invoice_id);

-- Changes to what a project agreed (price, currency, revision policy), as recorded amendments.
CREATE TABLE project_amendments (
    id          INTEGER PRIMARY KEY,                -- amendment number
    project_id  INTEGER NOT NULL REFERENCES projects(id), -- which project
    field       TEXT NOT NULL,                      -- price, currency, revisions, extra_revision_price
    old_value   TEXT,                               -- the value before, as stored
    new_value   TEXT,                               -- the value after, as stored
    reason      TEXT NOT NULL,                      -- why it changed
    created_at  TEXT NOT NULL                       -- when
);
CREATE INDEX project_amendments_project ON project_amendments(project_id);

-- A log entry is never edited: a correction is a new entry, and this row points it at the old.
CREATE TABLE log_corrections (
    log_id      INTEGER PRIMARY KEY REFERENCES log_entries(id), -- the correcting entry
    corrects_id INTEGER NOT NULL REFERENCES log_entries(id),    -- the entry it corrects
    created_at  TEXT NOT NULL                       -- when
);
CREATE INDEX log_corrections_corrects ON log_corrections(corrects_id);

-- `redress today`: clients under extra care (the rest of today reads 006's indexes).
CREATE INDEX pb_cases_watch ON cases(watch_until) WHERE watch_until IS NOT NULL;
-- The margin of one project (P8): the time logged on the complaints about it.
CREATE INDEX pb_cases_project ON cases(project_id);
CREATE INDEX pb_time_case ON time_entries(case_id);
