-- 021_foreign_key_indexes.sql — an index behind every foreign key. When a parent row is
-- deleted, or a parent table is rebuilt by a migration (016 rebuilt offer_options), SQLite
-- looks up the rows that point at it; without an index on the pointing column that lookup reads
-- the whole child table once per parent row, a product of two table sizes (016 took minutes on a
-- desk of 100,000 cases before commitments.option_id had one). tests/unit/test_scale.c fails
-- on any foreign key left without one.
CREATE INDEX IF NOT EXISTS commitments_option ON commitments(option_id);
CREATE INDEX invoice_reminders_log ON invoice_reminders(log_id);
CREATE INDEX terminations_log ON terminations(log_id);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX attachments_hash ON attachments(hash);
CREATE INDEX attachments_client ON attachments(client_id);
CREATE INDEX portal_events_log ON portal_events(log_id);
CREATE INDEX portal_events_link ON portal_events(link_id);
CREATE INDEX survey_tokens_survey ON survey_tokens(survey_id);
CREATE INDEX reviews_threat_log ON reviews(threat_log_id);
CREATE INDEX testimonials_case ON testimonials(case_id);
