-- 010_accounts.sql — who may use the web desk and the JSON API: user accounts with argon2id
-- password hashes, sign-in sessions, API bearer tokens and failed sign-ins (for throttling).
-- Secrets are never stored: sessions and tokens are kept as BLAKE2b hashes of the random value
-- the client holds, so a copy of the database signs nobody in.

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,                -- user number
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE, -- sign-in name
    pass_hash   TEXT,                               -- argon2id string (libsodium); NULL: no password
    created_at  TEXT NOT NULL                       -- when added
);

CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,                   -- BLAKE2b-256 (hex) of the cookie's 256-bit id
    user_id     INTEGER NOT NULL REFERENCES users(id), -- who signed in
    csrf        TEXT NOT NULL,                      -- token every state-changing request repeats
    created_at  TEXT NOT NULL,                      -- when signed in
    expires_at  TEXT NOT NULL                       -- refused from this time on
) WITHOUT ROWID;
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY,                -- token number (for list and revoke)
    name        TEXT NOT NULL,                      -- what the token is for
    token_hash  TEXT NOT NULL UNIQUE,               -- BLAKE2b-256 (hex) of the bearer token
    created_at  TEXT NOT NULL,                      -- when created
    revoked_at  TEXT                                -- when revoked; NULL while valid
);

CREATE TABLE signin_failures (
    id          INTEGER PRIMARY KEY,                -- failure number
    account     TEXT NOT NULL COLLATE NOCASE,       -- the name tried
    address     TEXT NOT NULL,                      -- the client address it came from
    at          TEXT NOT NULL                       -- when it failed
);
CREATE INDEX signin_failures_account ON signin_failures(account, at);
CREATE INDEX signin_failures_address ON signin_failures(address, at);
