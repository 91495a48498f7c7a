-- A desk written by redress before the seal (main at 13d5296, schema 5: `redress demo`),
-- as `sqlite3 .dump` gave it: t_seal.sh checks that such a desk migrates and still verifies.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO clients VALUES(1,'Harbour Lane Bakery','orders@harbourlane.example','+44 20 7946 0321','Harbour Lane Ltd','Owner Priya Nair; prefers phone calls before 10am.','active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
INSERT INTO clients VALUES(2,'Marco Bellini','marco@bellini-events.example','+39 02 1234 5678','Bellini Events',NULL,'active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
INSERT INTO clients VALUES(3,'Northwind Analytics','ap@northwind.example','+1 415 555 0188','Northwind Analytics Inc.','Accounts payable pays on the 15th; contact Dana Whitfield.','active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
INSERT INTO clients VALUES(4,'Zoë Lambert','zoe.lambert@example.org',NULL,NULL,'Referred by Harbour Lane Bakery.','active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
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
INSERT INTO projects VALUES(1,1,'Brand refresh and menu boards','New logo, colour palette and six menu boards','Logo files (SVG, PNG), palette PDF, six print-ready menu boards','2026-10-30',240000,'GBP',14,2,18000,'active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
INSERT INTO projects VALUES(2,2,'Wedding photography — Villa Ada','Full-day coverage, 400 edited photos','Online gallery and 30-page album','2026-09-20',380000,'EUR',30,1,25000,'active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
INSERT INTO projects VALUES(3,3,'Quarterly report design','Layout of the Q3 investor report, 40 pages','Print PDF and accessible web PDF','2026-10-15',520000,'USD',30,2,40000,'active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
INSERT INTO projects VALUES(4,4,'Portfolio website','Five-page portfolio site with contact form','Site on her hosting, handover call','2026-12-15',175000,'EUR',30,3,NULL,'active','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z');
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
, want TEXT, goal TEXT, want_confirmed_by TEXT, want_confirmed_at TEXT, prior_stage TEXT, pause_reason TEXT, triage_root TEXT);
INSERT INTO cases VALUES(1,1,1,'email','2026-11-02T08:12:00Z','Hi, the menu boards arrived but the prices on two of them are the old ones and the colours look nothing like the proofs. We open the new counter on Saturday. I am really disappointed — we paid on time and I expected better. Can you fix this before Friday?','intake',NULL,NULL,1,0,0,0,0,0,'open','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'quality');
INSERT INTO cases VALUES(2,2,2,'email','2026-11-10T19:40:00Z','It has been SIX WEEKS since the wedding and we still have no album. You never answer my calls!!! If I do not hear from you by Monday I will leave a review on Google and ask my bank to reverse the deposit.','intake',NULL,NULL,2,0,1,1,0,0,'open','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'missed_deadline');
INSERT INTO cases VALUES(3,3,3,'letter','2026-11-18T10:00:00Z','Dear Sir or Madam, invoice 2026-031 includes two rounds of revisions that we understood were part of the fixed price. We will not pay the balance until a corrected invoice is issued. Regards, Dana Whitfield, Accounts Payable','intake',NULL,NULL,2,0,0,0,0,1,'open','2026-11-25T09:00:00Z','2026-11-25T09:00:00Z',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'quality');
CREATE TABLE concerns (
    id          INTEGER PRIMARY KEY,                -- concern number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case it belongs to
    text        TEXT NOT NULL,                      -- the concern in a sentence (P4)
    specifics   TEXT,                               -- what exactly is wrong
    example     TEXT,                               -- a concrete example the client gave
    created_at  TEXT NOT NULL                       -- when it was recorded
);
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
INSERT INTO log_entries VALUES(1,1,1,'in','email','2026-11-02T08:12:00Z','Complaint','Hi, the menu boards arrived but the prices on two of them are the old ones and the colours look nothing like the proofs. We open the new counter on Saturday. I am really disappointed — we paid on time and I expected better. Can you fix this before Friday?','2026-11-25T09:00:00Z','0000000000000000000000000000000000000000000000000000000000000000','cb6103047273551a74f0c98474e0704fb9185f38def100c18f7f967e3c8763aa');
INSERT INTO log_entries VALUES(2,2,2,'in','email','2026-11-10T19:40:00Z','Complaint','It has been SIX WEEKS since the wedding and we still have no album. You never answer my calls!!! If I do not hear from you by Monday I will leave a review on Google and ask my bank to reverse the deposit.','2026-11-25T09:00:00Z','cb6103047273551a74f0c98474e0704fb9185f38def100c18f7f967e3c8763aa','38e3864dd37c5aa93676f306203685111bacece88b6ae33b8eed314b66ba14b6');
INSERT INTO log_entries VALUES(3,3,3,'in','letter','2026-11-18T10:00:00Z','Complaint','Dear Sir or Madam, invoice 2026-031 includes two rounds of revisions that we understood were part of the fixed price. We will not pay the balance until a corrected invoice is issued. Regards, Dana Whitfield, Accounts Payable','2026-11-25T09:00:00Z','38e3864dd37c5aa93676f306203685111bacece88b6ae33b8eed314b66ba14b6','c7131c5249e6d4bc3ac37417262b82882a1479ec75eb408eb02202798ee24d3d');
INSERT INTO log_entries VALUES(4,1,1,'out','phone','2026-11-02T09:30:00Z','Call with Priya about the menu boards','Called Priya. Agreed the two boards with old prices are my mistake. She wants the colours matched to the approved proof.','2026-11-25T09:00:00Z','c7131c5249e6d4bc3ac37417262b82882a1479ec75eb408eb02202798ee24d3d','c13e43e6688f0d92a364963f13978d2fb00014bbeb451426e788bad7f91eb280');
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
INSERT INTO audit_entries VALUES(1,'2026-11-25T09:00:00Z','redress','client.add','clients',1,'{"company":"Harbour Lane Ltd","email":"orders@harbourlane.example","name":"Harbour Lane Bakery","notes":"Owner Priya Nair; prefers phone calls before 10am.","phone":"+44 20 7946 0321"}','0000000000000000000000000000000000000000000000000000000000000000','96ca1ab7229ad4a6d593ea1b0bc36be7a08e71d6cfb3da399a47d46e25345440');
INSERT INTO audit_entries VALUES(2,'2026-11-25T09:00:00Z','redress','project.add','projects',1,'{"client_id":1,"currency":"GBP","title":"Brand refresh and menu boards"}','96ca1ab7229ad4a6d593ea1b0bc36be7a08e71d6cfb3da399a47d46e25345440','ec3436484ebb96403ecd7046dc62f9639472d095a0e2e35fc2d12f04621b5fd7');
INSERT INTO audit_entries VALUES(3,'2026-11-25T09:00:00Z','redress','client.add','clients',2,'{"company":"Bellini Events","email":"marco@bellini-events.example","name":"Marco Bellini","phone":"+39 02 1234 5678"}','ec3436484ebb96403ecd7046dc62f9639472d095a0e2e35fc2d12f04621b5fd7','ccdda758be7e7456ea35e4ab3ec91ce501fdc537714d11aeb43e840d1cdbaed5');
INSERT INTO audit_entries VALUES(4,'2026-11-25T09:00:00Z','redress','project.add','projects',2,'{"client_id":2,"currency":"EUR","title":"Wedding photography — Villa Ada"}','ccdda758be7e7456ea35e4ab3ec91ce501fdc537714d11aeb43e840d1cdbaed5','3d32ec23827bb93a122be0a61922cb1179452c01d808b859ddfbdfd9498977c4');
INSERT INTO audit_entries VALUES(5,'2026-11-25T09:00:00Z','redress','client.add','clients',3,'{"company":"Northwind Analytics Inc.","email":"ap@northwind.example","name":"Northwind Analytics","notes":"Accounts payable pays on the 15th; contact Dana Whitfield.","phone":"+1 415 555 0188"}','3d32ec23827bb93a122be0a61922cb1179452c01d808b859ddfbdfd9498977c4','fcea13ccde9065334da1580239831888a005ec1082c93889733638d86e1a68a0');
INSERT INTO audit_entries VALUES(6,'2026-11-25T09:00:00Z','redress','project.add','projects',3,'{"client_id":3,"currency":"USD","title":"Quarterly report design"}','fcea13ccde9065334da1580239831888a005ec1082c93889733638d86e1a68a0','e7eab52a93485625e321ebf52169721671ad3961b0cbf6f39df1c3aa8e77087d');
INSERT INTO audit_entries VALUES(7,'2026-11-25T09:00:00Z','redress','client.add','clients',4,'{"email":"zoe.lambert@example.org","name":"Zoë Lambert","notes":"Referred by Harbour Lane Bakery."}','e7eab52a93485625e321ebf52169721671ad3961b0cbf6f39df1c3aa8e77087d','6357b393c0d481384aaad460a2a803d6239c8afd2b2750041f9bdd08542bd030');
INSERT INTO audit_entries VALUES(8,'2026-11-25T09:00:00Z','redress','project.add','projects',4,'{"client_id":4,"currency":"EUR","title":"Portfolio website"}','6357b393c0d481384aaad460a2a803d6239c8afd2b2750041f9bdd08542bd030','3bcdd41c324870880b702cfc3b2bfc7730a41e7897197a03639212ac66bb1413');
INSERT INTO audit_entries VALUES(9,'2026-11-25T09:00:00Z','redress','invoice.add','invoices',1,'{"amount":240000,"currency":"GBP","due_on":"2026-11-03","issued_on":"2026-10-20","number":"HLB-0412","project_id":1}','3bcdd41c324870880b702cfc3b2bfc7730a41e7897197a03639212ac66bb1413','54e6ddf6ea3fb742edb43497a17fb4dfec6bdb333f44fa3fe9215c9e62dc2f73');
INSERT INTO audit_entries VALUES(10,'2026-11-25T09:00:00Z','redress','invoice.pay','payments',1,'{"amount":240000,"currency":"GBP","invoice_id":1,"paid_on":"2026-10-28"}','54e6ddf6ea3fb742edb43497a17fb4dfec6bdb333f44fa3fe9215c9e62dc2f73','828dbd2e9f70db20a204f792b4f65de3784c17a9df052a2ed04dc6c16577ec7d');
INSERT INTO audit_entries VALUES(11,'2026-11-25T09:00:00Z','redress','invoice.add','invoices',2,'{"amount":260000,"currency":"USD","due_on":"2026-09-02","issued_on":"2026-08-03","number":"2026-024","project_id":3}','828dbd2e9f70db20a204f792b4f65de3784c17a9df052a2ed04dc6c16577ec7d','e7343de3256f327c5d4b70eaca8423d5713a3e55560fc367f313982404ba92a9');
INSERT INTO audit_entries VALUES(12,'2026-11-25T09:00:00Z','redress','invoice.pay','payments',2,'{"amount":260000,"currency":"USD","invoice_id":2,"paid_on":"2026-09-24"}','e7343de3256f327c5d4b70eaca8423d5713a3e55560fc367f313982404ba92a9','2c174d0494a78f0bf5dd48df32fd5ba5ee167b75c3bcf176a8f1e2bc7d9f7111');
INSERT INTO audit_entries VALUES(13,'2026-11-25T09:00:00Z','redress','invoice.add','invoices',3,'{"amount":260000,"currency":"USD","due_on":"2026-11-15","issued_on":"2026-10-16","number":"2026-031","project_id":3}','2c174d0494a78f0bf5dd48df32fd5ba5ee167b75c3bcf176a8f1e2bc7d9f7111','ed03396c83fe8b398a76880424179bae5a94452f6281e30bc0c3442fcb5538df');
INSERT INTO audit_entries VALUES(14,'2026-11-25T09:00:00Z','redress','case.open','cases',1,'{"channel":"email","client_id":1,"project_id":1,"received_at":"2026-11-02T08:12:00Z"}','ed03396c83fe8b398a76880424179bae5a94452f6281e30bc0c3442fcb5538df','981a14281e6a7f42039d3ed07c6e0eb49794242a24ca5172fd987d8fcce5eaa5');
INSERT INTO audit_entries VALUES(15,'2026-11-25T09:00:00Z','redress','case.open','cases',2,'{"channel":"email","client_id":2,"project_id":2,"received_at":"2026-11-10T19:40:00Z"}','981a14281e6a7f42039d3ed07c6e0eb49794242a24ca5172fd987d8fcce5eaa5','4f8f4e57dfcbaaf78e5c110ba74ec11829d71ac0cce64c0d027def1f647bf71e');
INSERT INTO audit_entries VALUES(16,'2026-11-25T09:00:00Z','redress','case.open','cases',3,'{"channel":"letter","client_id":3,"project_id":3,"received_at":"2026-11-18T10:00:00Z"}','4f8f4e57dfcbaaf78e5c110ba74ec11829d71ac0cce64c0d027def1f647bf71e','e285892e7c356e0d186e378058c05fd64840f2bfd0c3e3b4bc0fa592c238ecd6');
INSERT INTO audit_entries VALUES(17,'2026-11-25T09:00:00Z','redress','log.add','log_entries',4,'{"case_id":1,"channel":"phone","client_id":1,"direction":"out"}','e285892e7c356e0d186e378058c05fd64840f2bfd0c3e3b4bc0fa592c238ecd6','7228e87081395d957b17728ce756bd01dd70c581e8d502250cd450d8b3dcbbb7');
CREATE TABLE chain_heads (
    chain       TEXT PRIMARY KEY,                   -- 'log' or 'audit'
    count       INTEGER NOT NULL,                   -- rows in the chain
    hash        TEXT NOT NULL                       -- hash of the newest row
);
INSERT INTO chain_heads VALUES('log',4,'c13e43e6688f0d92a364963f13978d2fb00014bbeb451426e788bad7f91eb280');
INSERT INTO chain_heads VALUES('audit',17,'7228e87081395d957b17728ce756bd01dd70c581e8d502250cd450d8b3dcbbb7');
CREATE TABLE time_entries (
    id          INTEGER PRIMARY KEY,                -- entry number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- whose time it was
    case_id     INTEGER REFERENCES cases(id),       -- the case, when spent on a complaint
    minutes     INTEGER NOT NULL CHECK (minutes > 0), -- time spent
    note        TEXT,                               -- what the time went on
    at          TEXT NOT NULL                       -- when it was logged
);
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
INSERT INTO invoices VALUES(1,1,'HLB-0412',240000,'GBP','2026-10-20','2026-11-03','2026-11-25T09:00:00Z');
INSERT INTO invoices VALUES(2,3,'2026-024',260000,'USD','2026-08-03','2026-09-02','2026-11-25T09:00:00Z');
INSERT INTO invoices VALUES(3,3,'2026-031',260000,'USD','2026-10-16','2026-11-15','2026-11-25T09:00:00Z');
CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,                -- payment number
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id), -- which invoice it pays
    amount      INTEGER NOT NULL CHECK (amount > 0), -- minor units, invoice currency
    paid_on     TEXT NOT NULL,                      -- date the money arrived
    created_at  TEXT NOT NULL                       -- when recorded
);
INSERT INTO payments VALUES(1,1,240000,'2026-10-28','2026-11-25T09:00:00Z');
INSERT INTO payments VALUES(2,2,260000,'2026-09-24','2026-11-25T09:00:00Z');
CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,                -- revision number
    project_id  INTEGER NOT NULL REFERENCES projects(id), -- which project
    note        TEXT,                               -- what was asked for
    beyond_policy INTEGER NOT NULL DEFAULT 0,       -- 1 when past the included revisions
    charge      TEXT CHECK (charge IN ('charge', 'waive')), -- decision on an extra revision
    created_at  TEXT NOT NULL                       -- when requested
);
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,                   -- setting name
    value       TEXT NOT NULL                       -- its value as text
);
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
CREATE TABLE log_triage (
    log_id      INTEGER PRIMARY KEY REFERENCES log_entries(id), -- the message analysed
    hostility   INTEGER NOT NULL,                   -- 0 calm … 3 furious
    abuse       INTEGER NOT NULL,                   -- 1: insult aimed at a person
    legal_threat INTEGER NOT NULL,                  -- 1: lawyers, courts, chargebacks
    review_threat INTEGER NOT NULL,                 -- 1: public review, consumer body
    refund_demand INTEGER NOT NULL,                 -- 1: money back, discount, credit
    payment_refusal INTEGER NOT NULL,               -- 1: refuses or withholds payment
    complaints  TEXT NOT NULL,                      -- space-separated complaint kinds
    root_cause  TEXT NOT NULL,                      -- most likely root cause
    findings    TEXT NOT NULL                       -- JSON: the words behind each finding
);
INSERT INTO log_triage VALUES(1,1,0,0,0,0,0,'deadline quality','quality','[{"kind":"quality","start":91,"end":103,"text":"look nothing"},{"kind":"displeased","start":170,"end":182,"text":"disappointed"},{"kind":"deadline","start":195,"end":202,"text":"on time"}]');
INSERT INTO log_triage VALUES(2,2,0,1,1,0,0,'deadline communication','missed_deadline','[{"kind":"shouting","start":12,"end":15,"text":"SIX"},{"kind":"shouting","start":16,"end":21,"text":"WEEKS"},{"kind":"deadline","start":12,"end":27,"text":"SIX WEEKS since"},{"kind":"deadline","start":47,"end":60,"text":"still have no"},{"kind":"communication","start":72,"end":84,"text":"never answer"},{"kind":"exclamation","start":93,"end":96,"text":"!!!"},{"kind":"review_threat","start":148,"end":154,"text":"review"},{"kind":"legal_threat","start":169,"end":180,"text":"ask my bank"}]');
INSERT INTO log_triage VALUES(3,2,0,0,0,0,1,'quality','quality','[{"kind":"payment_refusal","start":126,"end":133,"text":"not pay"},{"kind":"quality","start":175,"end":181,"text":"issued"}]');
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,                -- draft number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case it answers
    channel     TEXT NOT NULL DEFAULT 'email',      -- how it will be sent
    subject     TEXT,                               -- subject line
    body        TEXT NOT NULL,                      -- the reply as written
    errors      INTEGER NOT NULL,                   -- tone-check errors in body
    warnings    INTEGER NOT NULL,                   -- tone-check warnings in body
    hints       INTEGER NOT NULL,                   -- tone-check hints in body
    tone        TEXT NOT NULL,                      -- JSON: the tone check of body
    hold_until  TEXT NOT NULL,                      -- not to be sent before this time (P2)
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'released')), -- released: sent and logged
    override_reason TEXT,                           -- why a hold or error was overridden
    log_id      INTEGER REFERENCES log_entries(id), -- the log entry once released
    created_at  TEXT NOT NULL,                      -- when drafted
    updated_at  TEXT NOT NULL,                      -- last edit
    released_at TEXT                                -- when released
);
CREATE INDEX projects_client ON projects(client_id);
CREATE INDEX cases_client ON cases(client_id);
CREATE INDEX cases_status ON cases(status, stage);
CREATE INDEX concerns_case ON concerns(case_id);
CREATE INDEX log_client ON log_entries(client_id, at);
CREATE INDEX time_client ON time_entries(client_id);
CREATE INDEX payments_invoice ON payments(invoice_id);
CREATE INDEX revisions_project ON revisions(project_id);
CREATE TRIGGER log_no_update BEFORE UPDATE ON log_entries
BEGIN SELECT RAISE(ABORT, 'the communication log is append-only'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log_entries
BEGIN SELECT RAISE(ABORT, 'the communication log is append-only'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE INDEX offers_case ON offers(case_id);
CREATE INDEX commitments_case ON commitments(case_id);
CREATE INDEX refunds_case ON refunds(case_id);
CREATE INDEX followups_case ON followups(case_id);
CREATE INDEX escalations_case ON escalations(case_id);
CREATE INDEX drafts_case ON drafts(case_id);
COMMIT;
PRAGMA user_version = 5;
