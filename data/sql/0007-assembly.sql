-- Drawing a paper reads only the ids of a section's candidates. The current
-- version's type and difficulty are copied onto the question (kept in step
-- by lc-bank whenever the current version changes), so that one covering
-- index answers "active questions of this type, category and difficulty"
-- without visiting question_version. In the SQL subset SQLite and
-- PostgreSQL share.

ALTER TABLE question ADD COLUMN type TEXT;
ALTER TABLE question ADD COLUMN difficulty INTEGER;

UPDATE question
SET type = (SELECT v.type FROM question_version v WHERE v.id = question.current_version_id),
    difficulty = (SELECT v.difficulty FROM question_version v WHERE v.id = question.current_version_id);

CREATE INDEX question_draw ON question (status, type, category_id, difficulty);
