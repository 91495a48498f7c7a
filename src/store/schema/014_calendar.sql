-- 014_calendar.sql — calendar subscriptions: a phone or a calendar program fetches the desk's
-- dates from /calendar/TOKEN.ics; only the token's hash is kept, and a token can be revoked.
CREATE TABLE calendar_tokens (
    id          INTEGER PRIMARY KEY,                -- subscription number
    name        TEXT NOT NULL,                      -- what the user called it ("phone")
    token_hash  TEXT NOT NULL UNIQUE,               -- BLAKE2b-256 of the token (hex)
    created_at  TEXT NOT NULL,                      -- when it was made
    revoked_at  TEXT                                -- set when revoked
);
