-- The question bank: categories (a tree named by paths), questions and their
-- immutable versions. A question is never edited in place: an edit adds a
-- question_version and moves question.current_version_id, so that exam
-- attempts keep pointing at the version they showed.
-- Kept to the SQL subset SQLite and PostgreSQL share, except the full-text
-- index at the end (PostgreSQL would use pg_trgm instead).

CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES category (id),
  name TEXT NOT NULL,
  -- The names from the root joined by '/': '行政处罚法/第二章 行政处罚的种类和设定'.
  -- UNIQUE on the path rather than on (parent_id, name), which NULL parents would escape.
  path TEXT NOT NULL UNIQUE
);

CREATE TABLE question (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  category_id INTEGER REFERENCES category (id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'retired')),
  current_version_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE INDEX question_category ON question (category_id);

CREATE TABLE question_version (
  id INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  no INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'truefalse', 'fill', 'essay')),
  -- The GIFT ::name:: and text format marker, kept so that an export reads back unchanged.
  name TEXT,
  format TEXT NOT NULL DEFAULT 'moodle' CHECK (format IN ('moodle', 'html', 'markdown', 'plain')),
  stem TEXT NOT NULL,
  explanation TEXT,
  model_answer TEXT,
  difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
  basis_article_id INTEGER REFERENCES article (id),
  -- The citation as written: 'administrative-penalty-law@2021-01-22#9'.
  basis_ref TEXT,
  author_user_id INTEGER REFERENCES app_user (id),
  created_at INTEGER NOT NULL,
  UNIQUE (question_id, no)
);

-- The answers of a version. Choices are options; a true/false question has
-- exactly two, 'T' and 'F', one of them correct; a fill-in question's
-- accepted answers are options with correct = 1. weight is the share of the
-- mark in hundredths of a percent (10000 = 100%, -10000 = -100%).
CREATE TABLE option (
  version_id INTEGER NOT NULL REFERENCES question_version (id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  text TEXT NOT NULL,
  correct INTEGER NOT NULL DEFAULT 0 CHECK (correct IN (0, 1)),
  weight INTEGER NOT NULL DEFAULT 0 CHECK (weight BETWEEN -10000 AND 10000),
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  feedback TEXT,
  PRIMARY KEY (version_id, pos)
);

-- The current version's stem, options and explanation of each question
-- (rowid = question.id), kept in step by lc-bank. Trigrams find Chinese
-- words of three characters or more; shorter queries use LIKE on it.
CREATE VIRTUAL TABLE question_fts USING fts5 (content, tokenize = 'trigram');
