-- 015_invoice_number.sql — an invoice named by its number (invoice show 2026-014, letter demand
-- 2026-031) is found through this index instead of a scan of every invoice. A migration of its
-- own rather than a line added to 006, so desks that already applied 006 get it too.
CREATE INDEX invoices_number ON invoices(number);
