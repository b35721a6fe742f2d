-- People: departments, officers, certificates and their history, training records.
-- Dates are ISO 'YYYY-MM-DD' text, instants UTC unix seconds, hours in hundredths.
-- Kept to the SQL subset SQLite and PostgreSQL share.

CREATE TABLE department (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  parent_id INTEGER REFERENCES department (id) ON DELETE RESTRICT
);
CREATE INDEX department_parent ON department (parent_id);

CREATE TABLE officer (
  id INTEGER PRIMARY KEY,
  staff_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE RESTRICT,
  field TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'suspended', 'left')),
  phone TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX officer_department ON officer (department_id);
CREATE INDEX officer_name ON officer (name);

CREATE TABLE certificate (
  id INTEGER PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officer (id) ON DELETE RESTRICT,
  cert_no TEXT NOT NULL UNIQUE,
  field TEXT NOT NULL DEFAULT '',
  issued_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  reviewed_on TEXT,
  status TEXT NOT NULL DEFAULT 'valid'
    CHECK (status IN ('valid', 'suspended', 'revoked', 'cancelled')),
  status_reason TEXT NOT NULL DEFAULT '',
  CHECK (expires_on > issued_on)
);
CREATE INDEX certificate_officer ON certificate (officer_id);
CREATE INDEX certificate_expires ON certificate (expires_on);

CREATE TABLE certificate_event (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificate (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  action TEXT NOT NULL
    CHECK (action IN ('issue', 'review', 'suspend', 'reinstate', 'revoke', 'cancel', 'renew')),
  reason TEXT NOT NULL DEFAULT '',
  user_id INTEGER
);
CREATE INDEX certificate_event_certificate ON certificate_event (certificate_id);

CREATE TABLE training_record (
  id INTEGER PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officer (id) ON DELETE RESTRICT,
  on_date TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours > 0),
  source TEXT NOT NULL DEFAULT 'external' CHECK (source IN ('course', 'external')),
  course_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  entered_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX training_record_officer ON training_record (officer_id, on_date);
