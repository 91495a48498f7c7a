-- 020_today.sql — indexes for the sections of `redress today` that read cases, so that each
-- section is one page read from an index of what it shows and its "N more" a count over the
-- same index, whatever the number of closed cases: the open cases oldest first (your next
-- step), and the paused ones by the date contact resumes. No table or column changes here, so
-- nothing the hash chains or the seal cover is touched.

-- Open cases, oldest complaint first (today's "your next step on open cases").
CREATE INDEX cases_open_received ON cases(received_at) WHERE status = 'open';

-- Paused cases by the day contact is meant to resume (today's "pauses ending").
CREATE INDEX cases_paused_until ON cases(pause_until) WHERE status = 'paused';
