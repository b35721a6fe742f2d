-- Randomized exams: definitions with their blueprint (sections drawn from
-- the bank), who may sit them, and the attempts with the paper each one
-- drew. Points are integers in hundredths (1.5 points = 150), instants UTC
-- unix seconds. Kept to the SQL subset SQLite and PostgreSQL share
-- (partial indexes included).

CREATE TABLE exam (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT 'general'
    CHECK (purpose IN ('general', 'specialist', 'update', 'practice')),
  -- The enforcement field a specialist exam examines ('' for the others).
  field TEXT NOT NULL DEFAULT '',
  opens_at INTEGER NOT NULL,
  closes_at INTEGER NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  pass_score INTEGER NOT NULL CHECK (pass_score >= 0),
  -- 2: the first sitting and one retake (补考); 0: no limit (practice).
  max_attempts INTEGER NOT NULL DEFAULT 2 CHECK (max_attempts >= 0),
  multiple_policy TEXT NOT NULL DEFAULT 'all-or-nothing'
    CHECK (multiple_policy IN ('all-or-nothing', 'partial')),
  -- What an officer sees of a submitted attempt: nothing, the score, the
  -- own answers, or also the correct answers with explanation and basis.
  review_policy TEXT NOT NULL DEFAULT 'score'
    CHECK (review_policy IN ('none', 'score', 'answers', 'full')),
  review_after_close INTEGER NOT NULL DEFAULT 0 CHECK (review_after_close IN (0, 1)),
  -- The largest share of one paper another paper of the exam may hold, in percent.
  overlap_share INTEGER NOT NULL DEFAULT 30 CHECK (overlap_share BETWEEN 0 AND 100),
  -- Leaving the exam window (切屏) this many times submits; 0 only warns.
  focus_loss_limit INTEGER NOT NULL DEFAULT 0 CHECK (focus_loss_limit >= 0),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by INTEGER REFERENCES app_user (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (closes_at > opens_at)
);
CREATE INDEX exam_window ON exam (status, closes_at);

-- Who may sit: officers of these departments (and the departments below
-- them), and officers of these fields. A list left empty does not restrict.
CREATE TABLE exam_department (
  exam_id INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE RESTRICT,
  PRIMARY KEY (exam_id, department_id)
);

CREATE TABLE exam_field (
  exam_id INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  PRIMARY KEY (exam_id, field)
);

-- The blueprint: each section draws count active questions of one type from
-- a category and its subcategories (NULL: the whole bank) within a
-- difficulty range, each worth points.
CREATE TABLE exam_section (
  exam_id INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  category_id INTEGER REFERENCES category (id) ON DELETE RESTRICT,
  type TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'truefalse', 'fill', 'essay')),
  count INTEGER NOT NULL CHECK (count > 0),
  points INTEGER NOT NULL CHECK (points > 0),
  difficulty_min INTEGER NOT NULL DEFAULT 1 CHECK (difficulty_min BETWEEN 1 AND 5),
  difficulty_max INTEGER NOT NULL DEFAULT 5 CHECK (difficulty_max BETWEEN 1 AND 5),
  CHECK (difficulty_min <= difficulty_max),
  PRIMARY KEY (exam_id, pos)
);
CREATE INDEX exam_section_category ON exam_section (category_id);

CREATE TABLE attempt (
  id INTEGER PRIMARY KEY,
  exam_id INTEGER NOT NULL REFERENCES exam (id) ON DELETE RESTRICT,
  officer_id INTEGER NOT NULL REFERENCES officer (id) ON DELETE RESTRICT,
  -- 1 for the first sitting, 2 for the retake, …
  no INTEGER NOT NULL CHECK (no >= 1),
  -- The 64 bits that drew the paper, stored as a signed integer.
  seed INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  -- min(started_at + minutes, closes_at): the only clock an attempt obeys.
  deadline_at INTEGER NOT NULL,
  submitted_at INTEGER,
  state TEXT NOT NULL DEFAULT 'in_progress'
    CHECK (state IN ('in_progress', 'submitted', 'awaiting_grading', 'graded')),
  max_score INTEGER NOT NULL,
  score INTEGER,
  passed INTEGER CHECK (passed IN (0, 1)),
  focus_losses INTEGER NOT NULL DEFAULT 0,
  submitted_by TEXT CHECK (submitted_by IN ('officer', 'deadline', 'focus')),
  UNIQUE (exam_id, officer_id, no),
  CHECK (deadline_at > started_at)
);
CREATE INDEX attempt_officer ON attempt (officer_id, exam_id);
CREATE INDEX attempt_open ON attempt (state, deadline_at);
-- At most one attempt of an exam in progress per officer: a second start resumes it.
CREATE UNIQUE INDEX attempt_one_in_progress ON attempt (exam_id, officer_id) WHERE state = 'in_progress';

-- The paper of an attempt, one row per question in the order shown.
CREATE TABLE attempt_item (
  attempt_id INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  section_pos INTEGER NOT NULL,
  question_version_id INTEGER NOT NULL REFERENCES question_version (id) ON DELETE RESTRICT,
  -- The stored option positions (option.pos) in the order shown, joined by
  -- ',': '2,0,1,3'. Empty for fill-in and essay questions.
  option_order TEXT NOT NULL DEFAULT '',
  points INTEGER NOT NULL CHECK (points > 0),
  -- NULL: not answered. Choices: the chosen option.pos values in ascending
  -- order joined by ','; fill-in and essay: the text as given.
  response TEXT,
  flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
  answered_at INTEGER,
  awarded INTEGER,
  graded_by INTEGER REFERENCES app_user (id),
  graded_at INTEGER,
  grader_comment TEXT,
  PRIMARY KEY (attempt_id, pos)
);
CREATE INDEX attempt_item_version ON attempt_item (question_version_id);
