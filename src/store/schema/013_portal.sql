-- 013_portal.sql — the client's side (P7, P8, P10, P19, P22): private case links for the client
-- portal, what the client did there, anonymous surveys, public reviews and testimonials.

-- A link the user sends a client: /p/TOKEN shows that one case. Only the token's hash is kept.
CREATE TABLE portal_links (
    id          INTEGER PRIMARY KEY,                -- link number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the one case the link opens
    token_hash  TEXT NOT NULL UNIQUE,               -- BLAKE2b-256 of the token (hex); never the token
    created_at  TEXT NOT NULL,                      -- when it was issued
    expires_at  TEXT NOT NULL,                      -- after this the link is refused
    revoked_at  TEXT,                               -- set when the user revoked it
    last_used_at TEXT                               -- the client's last visit
);
CREATE INDEX portal_links_case ON portal_links(case_id);

-- What the client did on the portal, for the user's today view until the user has seen it.
CREATE TABLE portal_events (
    id          INTEGER PRIMARY KEY,                -- event number
    case_id     INTEGER NOT NULL REFERENCES cases(id), -- the case acted on
    link_id     INTEGER NOT NULL REFERENCES portal_links(id), -- through which link
    kind        TEXT NOT NULL CHECK (kind IN ('confirmed', 'corrected', 'chose', 'proposed',
                'commitment_met', 'commitment_not_met', 'feedback')), -- what the client did
    summary     TEXT NOT NULL,                      -- one line in the user's words
    log_id      INTEGER REFERENCES log_entries(id), -- the log entry that records it
    at          TEXT NOT NULL,                      -- when
    seen_at     TEXT                                -- when the user marked it seen
);
CREATE INDEX portal_events_unseen ON portal_events(seen_at, at);
CREATE INDEX portal_events_case ON portal_events(case_id);

-- The client's own answer on whether a commitment was met.
CREATE TABLE commitment_answers (
    id            INTEGER PRIMARY KEY,              -- answer number
    commitment_id INTEGER NOT NULL REFERENCES commitments(id), -- which commitment
    met           INTEGER NOT NULL CHECK (met IN (0, 1)), -- 1: the client says it was met
    words         TEXT,                             -- what the client added
    at            TEXT NOT NULL                     -- when
);
CREATE INDEX commitment_answers_commitment ON commitment_answers(commitment_id);

-- Anonymous surveys (P22). Nothing here links a response to a client: tokens sit in a pool by
-- survey only, a token row is deleted when used, responses carry only the day and get a random
-- id so their order says nothing of when each arrived.
CREATE TABLE surveys (
    id            INTEGER PRIMARY KEY,              -- survey number
    period_from   TEXT NOT NULL,                    -- first day of the period surveyed
    period_to     TEXT NOT NULL,                    -- last day of the period surveyed
    min_responses INTEGER NOT NULL CHECK (min_responses >= 3), -- results hidden below this
    invited       INTEGER NOT NULL,                 -- how many links were issued
    created_at    TEXT NOT NULL,                    -- when it was created
    closed_at     TEXT                              -- after this no response is taken
);

CREATE TABLE survey_questions (
    id          INTEGER PRIMARY KEY,                -- question row
    survey_id   INTEGER NOT NULL REFERENCES surveys(id), -- which survey
    position    INTEGER NOT NULL,                   -- 1, 2, … as asked
    text        TEXT NOT NULL,                      -- the question
    UNIQUE (survey_id, position)
);

CREATE TABLE survey_tokens (
    token_hash  TEXT PRIMARY KEY,                   -- BLAKE2b-256 of an unused token (hex)
    survey_id   INTEGER NOT NULL REFERENCES surveys(id) -- the survey it answers
) WITHOUT ROWID;

CREATE TABLE survey_responses (
    id          INTEGER PRIMARY KEY,                -- random, so row order reveals nothing
    survey_id   INTEGER NOT NULL REFERENCES surveys(id), -- which survey
    day         TEXT NOT NULL,                      -- the day it arrived (never the time)
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5), -- overall satisfaction
    answers     TEXT NOT NULL                       -- JSON array of the answers, by position
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id);

-- Public reviews (P19) and the reply to each.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,                -- review number
    client_id   INTEGER REFERENCES clients(id),     -- the reviewer, when known
    case_id     INTEGER REFERENCES cases(id),       -- the case it is about, when known
    threat_log_id INTEGER REFERENCES log_entries(id), -- the message that threatened it, if any
    platform    TEXT NOT NULL,                      -- where it was posted (Google, Trustpilot, …)
    rating      INTEGER CHECK (rating BETWEEN 1 AND 5), -- stars, when the platform has them
    text        TEXT NOT NULL,                      -- the review as posted
    link        TEXT,                               -- where it can be read
    posted_on   TEXT NOT NULL,                      -- the day it was posted, YYYY-MM-DD
    reply       TEXT,                               -- the reply drafted for it
    reply_checked_at TEXT,                          -- when the reply last passed the check
    reply_posted_at TEXT,                           -- when the user marked the reply posted
    created_at  TEXT NOT NULL                       -- when it was recorded
);
CREATE INDEX reviews_client ON reviews(client_id);
CREATE INDEX reviews_case ON reviews(case_id);

-- Asking a satisfied client for a testimonial, and what they said.
CREATE TABLE testimonials (
    id          INTEGER PRIMARY KEY,                -- request number
    client_id   INTEGER NOT NULL REFERENCES clients(id), -- who was asked
    case_id     INTEGER REFERENCES cases(id),       -- the case that closed well
    request     TEXT NOT NULL,                      -- the request as sent
    asked_at    TEXT NOT NULL,                      -- when
    answer      TEXT NOT NULL DEFAULT 'pending'
                CHECK (answer IN ('pending', 'yes', 'no')), -- the client's answer
    quote       TEXT,                               -- the words they gave
    quotable_where TEXT,                            -- where they agreed it may be quoted
    answered_at TEXT                                -- when they answered
);
CREATE INDEX testimonials_client ON testimonials(client_id);
