-- 007_seal.sql — the seal over the whole desk (docs/design.md, "The seal"): a multiset hash per
-- table kept by triggers that redress installs for every table after each migration, audit
-- entries that record the log's head and the state of every table and may be signed, and
-- erasure of a client's words that leaves every chain verifiable.

-- One row per sealed table (every table but the two chains and these records).
CREATE TABLE seal_sums (
    tbl         TEXT PRIMARY KEY,                   -- the table
    cols        TEXT NOT NULL,                      -- its columns, comma-separated, as hashed
    rows        INTEGER NOT NULL,                   -- rows in it, written through redress
    sum         BLOB NOT NULL                       -- sum of its rows' hashes mod 2^256 (32 bytes)
);

-- Rows from sealed_from on are hashed with the canonical encoding; older rows keep theirs.
ALTER TABLE chain_heads ADD COLUMN sealed_from INTEGER NOT NULL DEFAULT 1; -- first id in format 2
UPDATE chain_heads SET sealed_from = 1 + (SELECT coalesce(max(id), 0) FROM log_entries)
    WHERE chain = 'log';
UPDATE chain_heads SET sealed_from = 1 + (SELECT coalesce(max(id), 0) FROM audit_entries)
    WHERE chain = 'audit';

ALTER TABLE log_entries ADD COLUMN salt BLOB;      -- 16 random bytes keying the commitment to
                                                   -- subject and body; NULL once erased
ALTER TABLE log_entries ADD COLUMN erased BLOB;    -- after erasure: that commitment (32 bytes)

ALTER TABLE audit_entries ADD COLUMN salt BLOB;    -- keys the commitment to detail
ALTER TABLE audit_entries ADD COLUMN erased BLOB;  -- after erasure: that commitment
ALTER TABLE audit_entries ADD COLUMN log_count INTEGER; -- log entries when this was written
ALTER TABLE audit_entries ADD COLUMN log_head TEXT;     -- hash of the newest of them, '' if none
ALTER TABLE audit_entries ADD COLUMN state_before BLOB; -- state digest when the write began
ALTER TABLE audit_entries ADD COLUMN state BLOB;        -- state digest after the write
ALTER TABLE audit_entries ADD COLUMN signer BLOB;       -- Ed25519 public key; NULL: unsigned
ALTER TABLE audit_entries ADD COLUMN sig BLOB;          -- its signature of hash

ALTER TABLE clients ADD COLUMN erased_at TEXT;     -- when the client's personal data was erased

-- The chains stay append-only; the one change allowed is an erasure: the personal columns and
-- the salt become NULL while the commitment is written, every other column unchanged.
DROP TRIGGER log_no_update;
CREATE TRIGGER log_no_update BEFORE UPDATE ON log_entries
WHEN NOT (NEW.id IS OLD.id AND NEW.client_id IS OLD.client_id AND NEW.case_id IS OLD.case_id
          AND NEW.direction IS OLD.direction AND NEW.channel IS OLD.channel AND NEW.at IS OLD.at
          AND NEW.recorded_at IS OLD.recorded_at AND NEW.prev_hash IS OLD.prev_hash
          AND NEW.hash IS OLD.hash AND OLD.erased IS NULL AND OLD.salt IS NOT NULL
          AND NEW.subject IS NULL AND NEW.body IS NULL AND NEW.salt IS NULL
          AND length(NEW.erased) = 32)
BEGIN SELECT RAISE(ABORT, 'the communication log is append-only'); END;
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_entries
WHEN NOT (NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
          AND NEW.action IS OLD.action AND NEW.tbl IS OLD.tbl AND NEW.row_id IS OLD.row_id
          AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
          AND NEW.log_count IS OLD.log_count AND NEW.log_head IS OLD.log_head
          AND NEW.state_before IS OLD.state_before AND NEW.state IS OLD.state
          AND NEW.signer IS OLD.signer AND NEW.sig IS OLD.sig
          AND OLD.erased IS NULL AND OLD.salt IS NOT NULL
          AND NEW.detail IS NULL AND NEW.salt IS NULL AND length(NEW.erased) = 32)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
