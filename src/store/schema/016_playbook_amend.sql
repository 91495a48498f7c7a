-- 016_playbook_amend.sql — putting mistakes right without editing history, second part: one
-- definition of an invoice's balance for every reader, a fix the client proposes as an option
-- kind of its own (P8), and the lookups that amendments, commitment parts and log corrections
-- need (the tables themselves came with 009).

-- What an invoice still asks for: its amount less what was paid and what was written off or
-- credited. Every reader (invoice list, client facts, triggers, demand letter, report, today,
-- calendar, exports) reads it from here, so a write-off counts the same everywhere.
CREATE VIEW invoice_balances AS
SELECT i.id AS invoice_id,                           -- the invoice
       (SELECT coalesce(sum(amount), 0) FROM payments WHERE invoice_id = i.id) AS paid,
                                                     -- money received, minor units
       (SELECT coalesce(sum(amount), 0) FROM invoice_adjustments WHERE invoice_id = i.id)
           AS adjusted,                              -- written off or credited, minor units
       i.amount
         - (SELECT coalesce(sum(amount), 0) FROM payments WHERE invoice_id = i.id)
         - (SELECT coalesce(sum(amount), 0) FROM invoice_adjustments WHERE invoice_id = i.id)
           AS balance,                               -- still owed, minor units (0 when settled)
       (SELECT max(paid_on) FROM payments WHERE invoice_id = i.id) AS last_paid_on
                                                     -- date of the newest payment, or NULL
FROM invoices i;

-- The offer kinds gain client_fix: a fix the client proposed in their own words, with or
-- without money. SQLite cannot change a CHECK in place, so the table is rebuilt. Commitments
-- point at options (commitments.option_id): with the foreign keys deferred, the drop counts
-- those references as broken and the re-inserted rows mend them before the commit checks.
-- The seal triggers of the table are re-made by the migration runner (seal_install).
-- Commitments are found by the option they come from. Without this index the rebuild checks
-- every commitment once per option row (a product of two table sizes: minutes on a large desk).
CREATE INDEX commitments_option ON commitments(option_id);
PRAGMA defer_foreign_keys = ON;
CREATE TABLE offer_options_016 AS SELECT * FROM offer_options;
DROP TABLE offer_options;
CREATE TABLE offer_options (
    id          INTEGER PRIMARY KEY,                -- option row number
    offer_id    INTEGER NOT NULL REFERENCES offers(id), -- which offer
    position    INTEGER NOT NULL,                   -- 1, 2, … as shown to the client
    kind        TEXT NOT NULL CHECK (kind IN ('redo', 'revision', 'partial_refund', 'discount',
                'full_refund', 'extra_support', 'referral', 'client_fix')),
                                                    -- what sort of remedy; client_fix: the
                                                    -- client's own proposal (P8)
    detail      TEXT NOT NULL,                      -- what exactly is offered
    due_on      TEXT NOT NULL,                      -- by when it will be done, YYYY-MM-DD
    amount      INTEGER,                            -- money value in minor units, if any
    percent_bp  INTEGER,                            -- percent given, in basis points (10% = 1000)
    revision_charge TEXT CHECK (revision_charge IN ('charge', 'waive')),
                                                    -- for revisions beyond the policy (P18)
    proposed_by TEXT,                               -- 'client' when the client proposed it (P8)
    UNIQUE (offer_id, position)
);
INSERT INTO offer_options (id, offer_id, position, kind, detail, due_on, amount, percent_bp,
                           revision_charge, proposed_by)
    SELECT id, offer_id, position, kind, detail, due_on, amount, percent_bp, revision_charge,
           proposed_by FROM offer_options_016;
DROP TABLE offer_options_016;
CREATE INDEX offer_options_offer ON offer_options(offer_id, position);

-- The parts of a commitment (commitments.parent_id, 009), read when a part is done.
CREATE INDEX pb_commitments_parent ON commitments(parent_id) WHERE parent_id IS NOT NULL;
