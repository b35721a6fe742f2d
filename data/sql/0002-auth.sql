-- Users and roles. "user" is reserved in PostgreSQL, hence app_user.
-- pw_hash is a libsodium crypto_pwhash_str string (Argon2id); a clear password is never stored.

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  pw_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'trainer', 'personnel', 'administrator')),
  officer_id INTEGER REFERENCES officer (id) ON DELETE SET NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_pw INTEGER NOT NULL DEFAULT 0 CHECK (must_change_pw IN (0, 1)),
  created_at INTEGER NOT NULL,
  last_login_at INTEGER
);
CREATE UNIQUE INDEX app_user_officer ON app_user (officer_id);
