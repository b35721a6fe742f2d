-- Statutes: a law, its versions (one per amendment date) and their articles.
-- Dates are ISO 'YYYY-MM-DD' text. Kept to the SQL subset SQLite and PostgreSQL share.

CREATE TABLE law (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL
);

CREATE TABLE law_version (
  id INTEGER PRIMARY KEY,
  law_id INTEGER NOT NULL REFERENCES law (id) ON DELETE CASCADE,
  version_date TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('national-law', 'administrative-regulation', 'local-regulation')),
  -- The legislative-event lines of the header, joined by '\n'.
  history TEXT NOT NULL DEFAULT '',
  UNIQUE (law_id, version_date)
);

CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  law_version_id INTEGER NOT NULL REFERENCES law_version (id) ON DELETE CASCADE,
  -- The article's number as an Arabic numeral; label keeps it as written ('第十二条').
  no INTEGER NOT NULL,
  label TEXT NOT NULL,
  chapter TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  -- Paragraphs joined by '\n'.
  text TEXT NOT NULL,
  UNIQUE (law_version_id, no)
);
