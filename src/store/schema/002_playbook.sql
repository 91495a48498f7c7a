-- 002_playbook.sql — what the playbook records as a case walks the resolution path (P4–P16):
-- the restatement, offers and their options, commitments, the refund ledger, follow-ups,
-- feedback, lessons, escalations, invoice reminders, terminations and handovers.

ALTER TABLE cases ADD COLUMN want TEXT;            -- what the client wants (P7), our restatement
ALTER TABLE cases ADD COLUMN goal TEXT;            -- the end goal behind the want ("so that …")
ALTER TABLE cases ADD COLUMN want_confirmed_by TEXT; -- 'client' or 'user' once confirmed
ALTER TABLE cases ADD COLUMN want_confirmed_at TEXT; -- when the restatement was confirmed
ALTER TABLE cases ADD COLUMN prior_stage TEXT;     -- stage to return to after an escalation
ALTER TABLE cases ADD COLUMN pause_reason TEXT;    -- why contact is paused (P14)

CREATE TABLE offers (
    id          INTEGER PRIMARY KEY,                -- offer number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case it answers
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'chosen', 'rejected', 'withdrawn')), -- outcome
    chosen_option INTEGER,                          -- position of the option the client chose
    ask_amount  INTEGER,                            -- client's counter-demand in minor units
    currency    TEXT NOT NULL,                      -- currency of every amount in the offer
    created_at  TEXT NOT NULL,                      -- when it was made
    decided_at  TEXT                                -- when it was chosen or rejected
);
CREATE INDEX offers_case ON offers(case_id);

CREATE TABLE offer_options (
    id          INTEGER PRIMARY KEY,                -- option row number
    offer_id    INTEGER NOT NULL REFERENCES offers(id), -- which offer
    position    INTEGER NOT NULL,                   -- 1, 2, … as shown to the client
    kind        TEXT NOT NULL CHECK (kind IN ('redo', 'revision', 'partial_refund', 'discount',
                'full_refund', 'extra_support', 'referral')), -- what sort of remedy
    detail      TEXT NOT NULL,                      -- what exactly is offered
    due_on      TEXT NOT NULL,                      -- by when it will be done, YYYY-MM-DD
    amount      INTEGER,                            -- money value in minor units, if any
    percent_bp  INTEGER,                            -- percent given, in basis points (10% = 1000)
    revision_charge TEXT CHECK (revision_charge IN ('charge', 'waive')),
                                                    -- for revisions beyond the policy (P18)
    UNIQUE (offer_id, position)
);

CREATE TABLE commitments (
    id          INTEGER PRIMARY KEY,                -- commitment number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case
    option_id   INTEGER REFERENCES offer_options(id), -- the chosen option it comes from
    text        TEXT NOT NULL,                      -- what the user promised
    due_on      TEXT NOT NULL,                      -- by when, YYYY-MM-DD
    done_at     TEXT,                               -- when it was done
    handed_over TEXT,                               -- note when handed over on termination
    created_at  TEXT NOT NULL                       -- when it was promised
);
CREATE INDEX commitments_case ON commitments(case_id);

-- Refund ledger (P9): refunds and discounts granted.
CREATE TABLE refunds (
    id          INTEGER PRIMARY KEY,                -- ledger row
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- why it was granted
    project_id  INTEGER REFERENCES projects(id),    -- which project's revenue it reduces
    kind        TEXT NOT NULL CHECK (kind IN ('refund', 'discount')), -- money back or price off
    amount      INTEGER NOT NULL CHECK (amount > 0), -- minor units
    currency    TEXT NOT NULL,                      -- ISO 4217
    paid_at     TEXT,                               -- when the money went back (NULL: pending)
    handed_over TEXT,                               -- note when handed over on termination
    created_at  TEXT NOT NULL                       -- when it was granted
);
CREATE INDEX refunds_case ON refunds(case_id);

CREATE TABLE followups (
    id          INTEGER PRIMARY KEY,                -- follow-up number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case
    kind        TEXT NOT NULL DEFAULT 'message'
                CHECK (kind IN ('call', 'meeting', 'message')), -- how to check in
    due_on      TEXT NOT NULL,                      -- when, YYYY-MM-DD
    done_at     TEXT,                               -- when it happened
    outcome     TEXT,                               -- what the client said
    created_at  TEXT NOT NULL                       -- when it was scheduled
);
CREATE INDEX followups_case ON followups(case_id);

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,                -- feedback number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5), -- 1 unhappy … 5 delighted
    text        TEXT,                               -- the client's words
    created_at  TEXT NOT NULL                       -- when it was given
);

CREATE TABLE lessons (
    id          INTEGER PRIMARY KEY,                -- lesson number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case it was learnt from
    what_went_wrong TEXT NOT NULL,                  -- the lesson (P11)
    change      TEXT NOT NULL,                      -- what will change
    change_made INTEGER NOT NULL DEFAULT 0,         -- 1 once the change was made
    created_at  TEXT NOT NULL,                      -- when recorded
    updated_at  TEXT NOT NULL                       -- last change
);

CREATE TABLE escalations (
    id          INTEGER PRIMARY KEY,                -- escalation number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case
    level       TEXT NOT NULL CHECK (level IN ('internal', 'mediation', 'legal')), -- P13
    reason      TEXT NOT NULL,                      -- why
    mediator    TEXT,                               -- who mediates, for mediation
    date        TEXT,                               -- date of the session or filing
    outcome     TEXT,                               -- what came of it
    created_at  TEXT NOT NULL,                      -- when escalated
    outcome_at  TEXT                                -- when the outcome was recorded
);
CREATE INDEX escalations_case ON escalations(case_id);

CREATE TABLE invoice_reminders (
    id          INTEGER PRIMARY KEY,                -- reminder number
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id), -- which invoice
    log_id      INTEGER NOT NULL REFERENCES log_entries(id), -- the logged reminder
    created_at  TEXT NOT NULL                       -- when sent
);

CREATE TABLE terminations (
    id          INTEGER PRIMARY KEY,                -- termination number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- who was let go (P16)
    reason      TEXT NOT NULL,                      -- the reasons cited in the notice
    log_id      INTEGER REFERENCES log_entries(id), -- the notice as logged
    created_at  TEXT NOT NULL                       -- when
);

CREATE TABLE handovers (
    id          INTEGER PRIMARY KEY,                -- handover number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- whose obligation
    item        TEXT NOT NULL CHECK (item IN ('commitment', 'project', 'refund', 'invoice')),
                                                    -- what kind of obligation
    item_id     INTEGER NOT NULL,                   -- which row of that kind
    note        TEXT NOT NULL,                      -- to whom / how it was handed over
    created_at  TEXT NOT NULL,                      -- when
    UNIQUE (item, item_id)
);
