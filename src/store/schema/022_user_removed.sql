-- 022_user_removed.sql — a user who leaves the desk is removed, not deleted: they can no longer
-- sign in (their password hash is dropped and their sessions end), and the audit trail and the
-- list of people still name them. Adding the same name again brings the account back.
ALTER TABLE users ADD COLUMN removed_at TEXT; -- when removed; NULL while they may sign in
