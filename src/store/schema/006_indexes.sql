-- 006_indexes.sql — indexes so that reading one thing costs the same at 100,000 cases as at
-- 1,000, every list page is read in index order (keyset paging, see rd_page in store.h), and
-- what is overdue or due today is found without reading what is done. No table or column
-- changes here, so nothing the hash chains cover is touched. The query-plan unit test
-- (tests/unit/test_plans.c) fails when a read of one entity scans a growing table.

-- A case's log entries (case show), oldest first.
CREATE INDEX log_case ON log_entries(case_id, at);

-- case list, newest complaint first; one client's cases (client show) in the same order. The
-- second replaces cases_client, which it covers.
CREATE INDEX cases_received ON cases(received_at);
CREATE INDEX cases_client_received ON cases(client_id, received_at);
DROP INDEX cases_client;

-- client list, by name as people sort names.
CREATE INDEX clients_name ON clients(name COLLATE NOCASE);

-- invoice list (earliest due first, overdue ones a range of it) and a project's invoices.
CREATE INDEX invoices_due ON invoices(due_on);
CREATE INDEX invoices_project ON invoices(project_id);
-- The reminders sent for an invoice (was a scan per invoice listed).
CREATE INDEX invoice_reminders_invoice ON invoice_reminders(invoice_id);

-- case next and the case facts: feedback and lessons of one case.
CREATE INDEX feedback_case ON feedback(case_id);
CREATE INDEX lessons_case ON lessons(case_id);

-- Commitments: one case's by due date (replaces commitments_case), all of them by due date,
-- and the open ones by due date for today.
CREATE INDEX commitments_case_due ON commitments(case_id, due_on);
DROP INDEX commitments_case;
CREATE INDEX commitments_due ON commitments(due_on);
CREATE INDEX commitments_open_due ON commitments(due_on) WHERE done_at IS NULL;

-- Follow-ups by due date, and the open ones for today.
CREATE INDEX followups_due ON followups(due_on);
CREATE INDEX followups_open_due ON followups(due_on) WHERE done_at IS NULL;

-- Drafts still held, by the time their hold ends (today's "holds ending").
CREATE INDEX drafts_held ON drafts(hold_until) WHERE status = 'draft';

-- An offer's options; a project's refunds and discounts (project money).
CREATE INDEX offer_options_offer ON offer_options(offer_id, position);
CREATE INDEX refunds_project ON refunds(project_id);

-- A client's handovers and terminations (walking away, screening).
CREATE INDEX handovers_client ON handovers(client_id);
CREATE INDEX terminations_client ON terminations(client_id);

-- Open cases with a flag that fires an escalation trigger (today's "triggers firing").
CREATE INDEX cases_flagged ON cases(received_at)
    WHERE status <> 'closed' AND (abuse = 1 OR legal_threat = 1 OR review_threat = 1);
