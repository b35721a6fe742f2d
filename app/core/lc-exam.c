/* lc-exam.c: exam definitions — names of the enums, validation, storing and
 * reading, the blueprint's availability, and the key-file format. */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include <string.h>

#include "lc-auth.h"
#include "lc-exam-private.h"
#include "lc-i18n.h"
#include "lc-people.h"
#include "lc-units.h"

G_DEFINE_QUARK (lc_exam_error_quark, lc_exam_error)

#define MAX_TITLE_CHARS 200
#define MAX_MINUTES (24 * 60)
#define MAX_SECTION_COUNT 1000
#define MAX_SECTION_POINTS 100000 /* 1000 points */
#define MAX_ATTEMPTS 100
#define MAX_FOCUS_LOSSES 100

static const char *const purpose_names[] = { "general", "specialist", "update", "practice" };
static const char *const multiple_names[] = { "all-or-nothing", "partial" };
static const char *const review_names[] = { "none", "score", "answers", "full" };
static const char *const exam_status_names[] = { "draft", "published" };
static const char *const state_names[] = { "in_progress", "submitted", "awaiting_grading", "graded" };
static const char *const submitted_by_names[] = { NULL, "officer", "deadline", "focus" };

static gboolean
name_to_index (const char *const *names, guint n, const char *text, int *index)
{
  for (guint i = 0; text != NULL && i < n; i++)
    if (names[i] != NULL && strcmp (text, names[i]) == 0)
      {
        *index = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define NAME_FUNCS(prefix, Type, names)                                                                                \
  const char *prefix##_to_string (Type value)                                                                          \
  {                                                                                                                    \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), NULL);                                                 \
    return names[value];                                                                                               \
  }                                                                                                                    \
  gboolean prefix##_from_string (const char *text, Type *value)                                                        \
  {                                                                                                                    \
    int index;                                                                                                         \
    if (!name_to_index (names, G_N_ELEMENTS (names), text, &index))                                                    \
      return FALSE;                                                                                                    \
    *value = (Type) index;                                                                                             \
    return TRUE;                                                                                                       \
  }

NAME_FUNCS (lc_exam_purpose, LcExamPurpose, purpose_names)
NAME_FUNCS (lc_multiple_policy, LcMultiplePolicy, multiple_names)
NAME_FUNCS (lc_review_policy, LcReviewPolicy, review_names)
NAME_FUNCS (lc_exam_status, LcExamStatus, exam_status_names)
NAME_FUNCS (lc_attempt_state, LcAttemptState, state_names)

const char *
lc_submitted_by_to_string (LcSubmittedBy by)
{
  g_return_val_if_fail ((guint) by < G_N_ELEMENTS (submitted_by_names), NULL);
  return submitted_by_names[by];
}

const char *
lc_exam_purpose_display_name (LcExamPurpose purpose)
{
  switch (purpose)
    {
    case LC_EXAM_GENERAL:
      /* Translators: 公共法律知识考试, the exam every enforcement officer sits */
      return _ ("General law exam");
    case LC_EXAM_SPECIALIST:
      /* Translators: 专业法律知识考试, for one enforcement field */
      return _ ("Specialist law exam");
    case LC_EXAM_UPDATE:
      /* Translators: 年度法律知识更新考试 */
      return _ ("Annual update exam");
    case LC_EXAM_PRACTICE:
      /* Translators: 模拟练习 */
      return _ ("Practice");
    }
  g_return_val_if_reached (NULL);
}

const char *
lc_multiple_policy_display_name (LcMultiplePolicy policy)
{
  switch (policy)
    {
    case LC_MULTIPLE_ALL_OR_NOTHING:
      /* Translators: 多选、少选、错选均不得分 */
      return _ ("All or nothing");
    case LC_MULTIPLE_PARTIAL:
      /* Translators: 少选按比例得分，错选不得分 */
      return _ ("Partial credit");
    }
  g_return_val_if_reached (NULL);
}

const char *
lc_review_policy_display_name (LcReviewPolicy policy)
{
  switch (policy)
    {
    case LC_REVIEW_NONE:
      return _ ("Nothing");
    case LC_REVIEW_SCORE:
      return _ ("Score only");
    case LC_REVIEW_ANSWERS:
      return _ ("Own answers");
    case LC_REVIEW_FULL:
      return _ ("Answers with the correct answers, explanations and legal basis");
    }
  g_return_val_if_reached (NULL);
}

const char *
lc_exam_status_display_name (LcExamStatus status)
{
  switch (status)
    {
    case LC_EXAM_DRAFT:
      /* Translators: an exam's status */
      return C_ ("exam", "Draft");
    case LC_EXAM_PUBLISHED:
      /* Translators: an exam's status */
      return C_ ("exam", "Published");
    }
  g_return_val_if_reached (NULL);
}

const char *
lc_attempt_state_display_name (LcAttemptState state)
{
  switch (state)
    {
    case LC_ATTEMPT_IN_PROGRESS:
      /* Translators: an exam attempt's state: 答题中 */
      return _ ("In progress");
    case LC_ATTEMPT_SUBMITTED:
      /* Translators: an exam attempt's state: 已交卷 */
      return _ ("Submitted");
    case LC_ATTEMPT_AWAITING_GRADING:
      /* Translators: an exam attempt's state: 待阅卷 */
      return _ ("Awaiting grading");
    case LC_ATTEMPT_GRADED:
      /* Translators: an exam attempt's state: 已评分 */
      return _ ("Graded");
    }
  g_return_val_if_reached (NULL);
}

const char *
lc_submitted_by_display_name (LcSubmittedBy by)
{
  switch (by)
    {
    case LC_SUBMITTED_BY_NONE:
      return "";
    case LC_SUBMITTED_BY_OFFICER:
      /* Translators: how an attempt was submitted: 本人交卷 */
      return _ ("By the officer");
    case LC_SUBMITTED_BY_DEADLINE:
      /* Translators: how an attempt was submitted: 到时自动交卷 */
      return _ ("At the deadline");
    case LC_SUBMITTED_BY_FOCUS:
      /* Translators: how an attempt was submitted: 切屏次数超限自动交卷 */
      return _ ("Left the exam window too often");
    }
  g_return_val_if_reached (NULL);
}

/* In memory ------------------------------------------------------------ */

void
lc_exam_section_free (LcExamSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->category);
  g_free (section);
}

static LcExamSection *
section_copy (const LcExamSection *s)
{
  LcExamSection *copy = g_memdup2 (s, sizeof *s);

  copy->title = g_strdup (s->title);
  copy->category = g_strdup (s->category);
  return copy;
}

LcExam *
lc_exam_new (void)
{
  LcExam *exam = g_new0 (LcExam, 1);

  exam->max_attempts = 2;
  exam->review_policy = LC_REVIEW_SCORE;
  exam->overlap_share = 30;
  exam->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  exam->fields = g_ptr_array_new_with_free_func (g_free);
  exam->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_exam_section_free);
  return exam;
}

void
lc_exam_free (LcExam *exam)
{
  if (exam == NULL)
    return;
  g_free (exam->title);
  g_free (exam->field);
  g_clear_pointer (&exam->departments, g_array_unref);
  g_clear_pointer (&exam->fields, g_ptr_array_unref);
  g_clear_pointer (&exam->sections, g_ptr_array_unref);
  g_free (exam);
}

LcExam *
lc_exam_copy (const LcExam *exam)
{
  LcExam *copy = lc_exam_new ();
  GArray *departments = copy->departments;
  GPtrArray *fields = copy->fields;
  GPtrArray *sections = copy->sections;

  *copy = *exam;
  copy->title = g_strdup (exam->title);
  copy->field = g_strdup (exam->field);
  copy->departments = departments;
  copy->fields = fields;
  copy->sections = sections;
  g_array_append_vals (departments, exam->departments->data, exam->departments->len);
  for (guint i = 0; i < exam->fields->len; i++)
    g_ptr_array_add (fields, g_strdup (g_ptr_array_index (exam->fields, i)));
  for (guint i = 0; i < exam->sections->len; i++)
    g_ptr_array_add (sections, section_copy (g_ptr_array_index (exam->sections, i)));
  return copy;
}

LcExamSection *
lc_exam_add_section (LcExam *exam, const char *category, LcQuestionType type, guint count, gint64 points,
                     int difficulty_min, int difficulty_max)
{
  LcExamSection *s = g_new0 (LcExamSection, 1);

  g_return_val_if_fail (exam != NULL, NULL);
  s->pos = (int) exam->sections->len + 1;
  s->category = g_strdup (category);
  s->type = type;
  s->count = count;
  s->points = points;
  s->difficulty_min = difficulty_min;
  s->difficulty_max = difficulty_max;
  g_ptr_array_add (exam->sections, s);
  return s;
}

gint64
lc_exam_max_score (const LcExam *exam)
{
  gint64 total = 0;

  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      total += (gint64) s->count * s->points;
    }
  return total;
}

guint
lc_exam_n_questions (const LcExam *exam)
{
  guint n = 0;

  for (guint i = 0; i < exam->sections->len; i++)
    n += ((const LcExamSection *) g_ptr_array_index (exam->sections, i))->count;
  return n;
}

char *
lc_exam_section_label (const LcExamSection *s)
{
  /* Translators: a blueprint section drawn from every category */
  const char *category = s->category != NULL ? s->category : _ ("the whole bank");
  const char *type = (guint) s->type <= LC_QUESTION_ESSAY ? lc_question_type_display_name (s->type) : "?";

  if (s->difficulty_min == s->difficulty_max)
    /* Translators: “第2部分（行政处罚法/第五章，单选题，难度3）” */
    return g_strdup_printf (_ ("Section %d (%s, %s, difficulty %d)"), s->pos, category, type, s->difficulty_min);
  /* Translators: “第2部分（行政处罚法/第五章，单选题，难度2–4）” */
  return g_strdup_printf (_ ("Section %d (%s, %s, difficulty %d–%d)"), s->pos, category, type, s->difficulty_min,
                          s->difficulty_max);
}

/* Validation ------------------------------------------------------------ */

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean invalid (const char **bad_field, const char *field, GError **error, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static gboolean
invalid (const char **bad_field, const char *field, GError **error, const char *format, ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  if (bad_field != NULL)
    *bad_field = field;
  g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_lc_exam_category_id (LcDb *db, const char *path, gint64 *id, GError **error)
{
  gboolean found = FALSE;

  *id = 0;
  if (path == NULL)
    return TRUE;
  if (!lc_db_lookup (db, "SELECT id FROM category WHERE path = ?", path, 0, &found, id, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_INVALID, _ ("The question bank has no category “%s”."), path);
      return FALSE;
    }
  return TRUE;
}

/* The values alone, and the categories and departments they name. */
static gboolean
check_values (LcDb *db, const LcExam *exam, const char **bad_field, GError **error)
{
  gint64 max_score;

  if (blank (exam->title))
    return invalid (bad_field, "title", error, "%s", _ ("The exam needs a title."));
  if (g_utf8_strlen (exam->title, -1) > MAX_TITLE_CHARS)
    return invalid (bad_field, "title", error, _ ("The title is longer than %d characters."), MAX_TITLE_CHARS);
  if ((guint) exam->purpose > LC_EXAM_PRACTICE)
    return invalid (bad_field, "purpose", error, "%s", _ ("The exam's purpose is not valid."));
  if (exam->purpose == LC_EXAM_SPECIALIST && blank (exam->field))
    return invalid (bad_field, "field", error, "%s", _ ("A specialist exam needs its enforcement field."));
  if (exam->opens_at <= 0)
    return invalid (bad_field, "opens_at", error, "%s", _ ("The exam needs the time it opens."));
  if (exam->closes_at <= exam->opens_at)
    return invalid (bad_field, "closes_at", error, "%s", _ ("The exam must close after it opens."));
  if (exam->minutes < 1 || exam->minutes > MAX_MINUTES)
    return invalid (bad_field, "minutes", error, _ ("The time limit must be 1 to %d minutes."), MAX_MINUTES);
  if (exam->max_attempts < 0 || exam->max_attempts > MAX_ATTEMPTS)
    return invalid (bad_field, "max_attempts", error, _ ("The attempts allowed must be 0 (no limit) to %d."),
                    MAX_ATTEMPTS);
  if ((guint) exam->multiple_policy > LC_MULTIPLE_PARTIAL || (guint) exam->review_policy > LC_REVIEW_FULL
      || (guint) exam->status > LC_EXAM_PUBLISHED)
    return invalid (bad_field, NULL, error, "%s", _ ("A policy of the exam is not valid."));
  if (exam->overlap_share < 0 || exam->overlap_share > 100)
    return invalid (bad_field, "overlap_share", error, "%s",
                    _ ("The overlap between papers must be 0 to 100 percent."));
  if (exam->focus_loss_limit < 0 || exam->focus_loss_limit > MAX_FOCUS_LOSSES)
    return invalid (bad_field, "focus_loss_limit", error,
                    _ ("The limit of times the exam window may be left must be 0 (only warn) to %d."),
                    MAX_FOCUS_LOSSES);
  for (guint i = 0; i < exam->departments->len; i++)
    {
      gint64 id = g_array_index (exam->departments, gint64, i);
      gboolean found = FALSE;

      if (!lc_db_lookup (db, "SELECT id FROM department WHERE id = ?", NULL, id, &found, NULL, error))
        return FALSE;
      if (!found)
        return invalid (bad_field, "departments", error, _ ("There is no department with id %lld."), (long long) id);
    }
  for (guint i = 0; i < exam->fields->len; i++)
    if (blank (g_ptr_array_index (exam->fields, i)))
      return invalid (bad_field, "fields", error, "%s", _ ("An enforcement field of those who may sit is empty."));
  if (exam->sections->len == 0)
    {
      if (bad_field != NULL)
        *bad_field = "sections";
      g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NO_SECTIONS,
                           _ ("The exam has no section: add at least one to its blueprint."));
      return FALSE;
    }
  for (guint i = 0; i < exam->sections->len; i++)
    {
      LcExamSection *s = g_ptr_array_index (exam->sections, i);
      g_autofree char *label = NULL;
      gint64 category_id;

      /* Sections are numbered by their place, whatever pos they came with. */
      s->pos = (int) i + 1;
      label = lc_exam_section_label (s);
      if ((guint) s->type > LC_QUESTION_ESSAY)
        return invalid (bad_field, "sections", error, _ ("%s: the question type is not valid."), label);
      if (s->count < 1 || s->count > MAX_SECTION_COUNT)
        return invalid (bad_field, "sections", error, _ ("%s: the number of questions must be 1 to %d."), label,
                        MAX_SECTION_COUNT);
      if (s->points < 1 || s->points > MAX_SECTION_POINTS)
        return invalid (bad_field, "sections", error, _ ("%s: the points of a question must be 0.01 to %d."), label,
                        MAX_SECTION_POINTS / 100);
      if (s->difficulty_min < 1 || s->difficulty_max > 5 || s->difficulty_min > s->difficulty_max)
        return invalid (bad_field, "sections", error,
                        _ ("%s: the difficulty range must lie within 1 to 5, the lower end first."), label);
      if (s->category != NULL && !_lc_exam_category_id (db, s->category, &category_id, error))
        {
          if (bad_field != NULL)
            *bad_field = "sections";
          g_prefix_error (error, "%s: ", label);
          return FALSE;
        }
    }
  max_score = lc_exam_max_score (exam);
  if (exam->pass_score < 0 || exam->pass_score > max_score)
    {
      g_autofree char *total = lc_hundredths_format (max_score);

      return invalid (bad_field, "pass_score", error, _ ("The pass score must be 0 to the total of %s points."), total);
    }
  return TRUE;
}

gboolean
lc_exam_validate (LcSession *session, const LcExam *exam, const char **bad_field, GError **error)
{
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (exam != NULL, FALSE);
  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!check_values (db, exam, bad_field, error))
    return FALSE;
  if (!_lc_exam_check_bank (db, exam, error))
    {
      if (bad_field != NULL)
        *bad_field = "sections";
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_exam_section_available (LcSession *session, const LcExam *exam, GArray **available, GError **error)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (exam != NULL && available != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  for (guint i = 0; i < exam->sections->len; i++)
    {
      guint n = 0;

      if (!_lc_exam_count_pool (db, g_ptr_array_index (exam->sections, i), &n, error))
        return FALSE;
      g_array_append_val (counts, n);
    }
  *available = g_steal_pointer (&counts);
  return TRUE;
}

/* Storing --------------------------------------------------------------- */

static gboolean
store_parts (LcDb *db, gint64 exam_id, const LcExam *exam, GError **error)
{
  static const char *const delete_sql[] = {
    "DELETE FROM exam_section WHERE exam_id = ?",
    "DELETE FROM exam_department WHERE exam_id = ?",
    "DELETE FROM exam_field WHERE exam_id = ?",
  };
  static const char *const section_sql =
      "INSERT INTO exam_section (exam_id, pos, title, category_id, type, count, points, difficulty_min, "
      "difficulty_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char *const department_sql = "INSERT INTO exam_department (exam_id, department_id) VALUES (?, ?) "
                                            "ON CONFLICT DO NOTHING";
  static const char *const field_sql = "INSERT INTO exam_field (exam_id, field) VALUES (?, ?) ON CONFLICT DO NOTHING";

  for (guint i = 0; i < G_N_ELEMENTS (delete_sql); i++)
    {
      g_autoptr (LcStmt) stmt = lc_db_prepare (db, delete_sql[i], error);

      if (stmt == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, exam_id);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      g_autoptr (LcStmt) stmt = NULL;
      gint64 category_id = 0;

      if (!_lc_exam_category_id (db, s->category, &category_id, error)
          || (stmt = lc_db_prepare (db, section_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, exam_id);
      lc_stmt_bind_int (stmt, 2, i + 1);
      lc_stmt_bind_text (stmt, 3, s->title != NULL ? s->title : "");
      lc_stmt_bind_id (stmt, 4, category_id);
      lc_stmt_bind_text (stmt, 5, lc_question_type_to_string (s->type));
      lc_stmt_bind_int (stmt, 6, s->count);
      lc_stmt_bind_int (stmt, 7, s->points);
      lc_stmt_bind_int (stmt, 8, s->difficulty_min);
      lc_stmt_bind_int (stmt, 9, s->difficulty_max);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < exam->departments->len; i++)
    {
      g_autoptr (LcStmt) stmt = lc_db_prepare (db, department_sql, error);

      if (stmt == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, exam_id);
      lc_stmt_bind_int (stmt, 2, g_array_index (exam->departments, gint64, i));
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < exam->fields->len; i++)
    {
      g_autoptr (LcStmt) stmt = lc_db_prepare (db, field_sql, error);
      g_autofree char *field = g_strstrip (g_strdup (g_ptr_array_index (exam->fields, i)));

      if (stmt == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, exam_id);
      lc_stmt_bind_text (stmt, 2, field);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_exam (LcStmt *stmt, const LcExam *exam)
{
  sqlite3_bind_text (stmt, 1, g_strstrip (g_strdup (exam->title)), -1, g_free);
  lc_stmt_bind_text (stmt, 2, purpose_names[exam->purpose]);
  lc_stmt_bind_text (stmt, 3, exam->field != NULL ? exam->field : "");
  lc_stmt_bind_int (stmt, 4, exam->opens_at);
  lc_stmt_bind_int (stmt, 5, exam->closes_at);
  lc_stmt_bind_int (stmt, 6, exam->minutes);
  lc_stmt_bind_int (stmt, 7, exam->pass_score);
  lc_stmt_bind_int (stmt, 8, exam->max_attempts);
  lc_stmt_bind_text (stmt, 9, multiple_names[exam->multiple_policy]);
  lc_stmt_bind_text (stmt, 10, review_names[exam->review_policy]);
  lc_stmt_bind_int (stmt, 11, exam->review_after_close ? 1 : 0);
  lc_stmt_bind_int (stmt, 12, exam->overlap_share);
  lc_stmt_bind_int (stmt, 13, exam->focus_loss_limit);
  lc_stmt_bind_text (stmt, 14, exam_status_names[exam->status]);
}

gboolean
lc_exam_create (LcSession *session, const LcExam *exam, gint64 *id, GError **error)
{
  static const char *const sql =
      "INSERT INTO exam (title, purpose, field, opens_at, closes_at, minutes, pass_score, max_attempts, "
      "multiple_policy, review_policy, review_after_close, overlap_share, focus_loss_limit, status, created_by, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)";
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;
  gint64 new_id;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (exam != NULL, FALSE);
  if (!lc_exam_validate (session, exam, NULL, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    goto fail;
  bind_exam (stmt, exam);
  lc_stmt_bind_id (stmt, 15, lc_session_get_user_id (session));
  lc_stmt_bind_int (stmt, 16, lc_db_now (db));
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  lc_db_release (g_steal_pointer (&stmt));
  new_id = lc_db_last_insert_id (db);
  if (!store_parts (db, new_id, exam, error) || !lc_db_commit (db, error))
    goto fail;
  if (id != NULL)
    *id = new_id;
  return TRUE;

fail:
  lc_db_release (g_steal_pointer (&stmt));
  lc_db_rollback (db);
  return FALSE;
}

static gboolean
same_sections (const LcExam *a, const LcExam *b)
{
  if (a->sections->len != b->sections->len)
    return FALSE;
  for (guint i = 0; i < a->sections->len; i++)
    {
      const LcExamSection *x = g_ptr_array_index (a->sections, i);
      const LcExamSection *y = g_ptr_array_index (b->sections, i);

      if (g_strcmp0 (x->category, y->category) != 0 || x->type != y->type || x->count != y->count
          || x->points != y->points || x->difficulty_min != y->difficulty_min || x->difficulty_max != y->difficulty_max)
        return FALSE;
    }
  return TRUE;
}

/* The attempts running keep to the deadline rule, min (start + time limit,
 * close), when the trainer moves the close or changes the time limit; one
 * that began after a close moved before it is due at once (a deadline is
 * always after its start). */
static gboolean
follow_window (LcDb *db, const LcExam *exam, GError **error)
{
  static const char *const sql =
      "UPDATE attempt SET deadline_at = CASE WHEN started_at + ?1 < ?2 THEN started_at + ?1 "
      "WHEN ?2 > started_at THEN ?2 ELSE started_at + 1 END WHERE exam_id = ?3 AND state = 'in_progress'";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, (gint64) exam->minutes * 60);
  lc_stmt_bind_int (stmt, 2, exam->closes_at);
  lc_stmt_bind_int (stmt, 3, exam->id);
  return lc_db_step_done (db, stmt, error);
}

gboolean
lc_exam_update (LcSession *session, const LcExam *exam, GError **error)
{
  static const char *const sql =
      "UPDATE exam SET title = ?1, purpose = ?2, field = ?3, opens_at = ?4, closes_at = ?5, minutes = ?6, "
      "pass_score = ?7, max_attempts = ?8, multiple_policy = ?9, review_policy = ?10, review_after_close = ?11, "
      "overlap_share = ?12, focus_loss_limit = ?13, status = ?14, updated_at = ?15 WHERE id = ?16";
  g_autoptr (LcExam) stored = NULL;
  g_autoptr (LcExam) changed = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (exam != NULL && exam->id > 0, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!check_values (db, exam, NULL, error) || !lc_db_begin (db, error))
    return FALSE;
  if ((stored = _lc_exam_load (db, exam->id, error)) == NULL)
    goto fail;
  /* A blueprint already sat cannot change, so a bank that shrank since must
   * not stop the trainer from moving the window (new starts will say it). */
  if (stored->n_attempts == 0 && !_lc_exam_check_bank (db, exam, error))
    goto fail;
  /* Attempts were drawn and graded by these: changing them would make two
   * sittings of one exam mean different things. */
  if (stored->n_attempts > 0
      && (!same_sections (stored, exam) || stored->purpose != exam->purpose || stored->pass_score != exam->pass_score
          || stored->multiple_policy != exam->multiple_policy))
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_HAS_ATTEMPTS,
                   _ ("“%s” has been sat already: its blueprint, purpose, pass score and grading can no longer "
                      "change."),
                   stored->title);
      goto fail;
    }
  changed = lc_exam_copy (exam);
  /* A published exam stays published. */
  if (stored->status == LC_EXAM_PUBLISHED)
    changed->status = LC_EXAM_PUBLISHED;
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    goto fail;
  bind_exam (stmt, changed);
  lc_stmt_bind_int (stmt, 15, lc_db_now (db));
  lc_stmt_bind_int (stmt, 16, exam->id);
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  lc_db_release (g_steal_pointer (&stmt));
  if (!store_parts (db, exam->id, changed, error) || !follow_window (db, changed, error) || !lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  lc_db_release (g_steal_pointer (&stmt));
  lc_db_rollback (db);
  return FALSE;
}

gboolean
lc_exam_publish (LcSession *session, gint64 exam_id, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  if ((exam = _lc_exam_load (db, exam_id, error)) == NULL)
    return FALSE;
  if (exam->status == LC_EXAM_PUBLISHED)
    return TRUE;
  if (!lc_exam_validate (session, exam, NULL, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, "UPDATE exam SET status = 'published', updated_at = ? WHERE id = ?", error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, lc_db_now (db));
  lc_stmt_bind_int (stmt, 2, exam_id);
  return lc_db_step_done (db, stmt, error);
}

gboolean
lc_exam_delete (LcSession *session, gint64 exam_id, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if ((exam = _lc_exam_load (db, exam_id, error)) == NULL)
    goto fail;
  if (exam->n_attempts > 0)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_HAS_ATTEMPTS,
                   _ ("“%s” has been sat already and cannot be deleted."), exam->title);
      goto fail;
    }
  if ((stmt = lc_db_prepare (db, "DELETE FROM exam WHERE id = ?", error)) == NULL)
    goto fail;
  lc_stmt_bind_int (stmt, 1, exam_id);
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  lc_db_release (g_steal_pointer (&stmt));
  if (!lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  lc_db_release (g_steal_pointer (&stmt));
  lc_db_rollback (db);
  return FALSE;
}

/* Reading --------------------------------------------------------------- */

#define EXAM_COLUMNS                                                                                                   \
  "e.id, e.title, e.purpose, e.field, e.opens_at, e.closes_at, e.minutes, e.pass_score, e.max_attempts, "              \
  "e.multiple_policy, e.review_policy, e.review_after_close, e.overlap_share, e.focus_loss_limit, e.status, "          \
  "coalesce(e.created_by, 0), e.created_at, e.updated_at, (SELECT count(*) FROM attempt a WHERE a.exam_id = e.id) "

static gpointer
read_exam (LcStmt *stmt)
{
  LcExam *exam = lc_exam_new ();
  g_autofree char *purpose = lc_stmt_dup_text (stmt, 2);
  g_autofree char *multiple = lc_stmt_dup_text (stmt, 9);
  g_autofree char *review = lc_stmt_dup_text (stmt, 10);
  g_autofree char *status = lc_stmt_dup_text (stmt, 14);
  g_autofree char *field = lc_stmt_dup_text (stmt, 3);

  exam->id = lc_stmt_int (stmt, 0);
  exam->title = lc_stmt_dup_text (stmt, 1);
  lc_exam_purpose_from_string (purpose, &exam->purpose);
  exam->field = field[0] != '\0' ? g_steal_pointer (&field) : NULL;
  exam->opens_at = lc_stmt_int (stmt, 4);
  exam->closes_at = lc_stmt_int (stmt, 5);
  exam->minutes = (int) lc_stmt_int (stmt, 6);
  exam->pass_score = lc_stmt_int (stmt, 7);
  exam->max_attempts = (int) lc_stmt_int (stmt, 8);
  lc_multiple_policy_from_string (multiple, &exam->multiple_policy);
  lc_review_policy_from_string (review, &exam->review_policy);
  exam->review_after_close = lc_stmt_int (stmt, 11) != 0;
  exam->overlap_share = (int) lc_stmt_int (stmt, 12);
  exam->focus_loss_limit = (int) lc_stmt_int (stmt, 13);
  lc_exam_status_from_string (status, &exam->status);
  exam->created_by = lc_stmt_int (stmt, 15);
  exam->created_at = lc_stmt_int (stmt, 16);
  exam->updated_at = lc_stmt_int (stmt, 17);
  exam->n_attempts = (guint) lc_stmt_int (stmt, 18);
  return exam;
}

static gpointer
read_section (LcStmt *stmt)
{
  LcExamSection *s = g_new0 (LcExamSection, 1);
  g_autofree char *type = lc_stmt_dup_text (stmt, 3);

  s->pos = (int) lc_stmt_int (stmt, 0);
  s->title = lc_stmt_dup_text_or_null (stmt, 1);
  if (s->title != NULL && s->title[0] == '\0')
    g_clear_pointer (&s->title, g_free);
  s->category = lc_stmt_dup_text_or_null (stmt, 2);
  lc_question_type_from_string (type, &s->type);
  s->count = (guint) lc_stmt_int (stmt, 4);
  s->points = lc_stmt_int (stmt, 5);
  s->difficulty_min = (int) lc_stmt_int (stmt, 6);
  s->difficulty_max = (int) lc_stmt_int (stmt, 7);
  return s;
}

static gboolean
load_parts (LcDb *db, LcExam *exam, GError **error)
{
  static const char *const sections_sql =
      "SELECT s.pos, s.title, c.path, s.type, s.count, s.points, s.difficulty_min, s.difficulty_max "
      "FROM exam_section s LEFT JOIN category c ON c.id = s.category_id WHERE s.exam_id = ? ORDER BY s.pos";
  static const char *const departments_sql =
      "SELECT department_id FROM exam_department WHERE exam_id = ? ORDER BY department_id";
  static const char *const fields_sql = "SELECT field FROM exam_field WHERE exam_id = ? ORDER BY field";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sections_sql, error);
  GPtrArray *sections;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam->id);
  if ((sections = lc_db_collect (db, stmt, read_section, (GDestroyNotify) lc_exam_section_free, error)) == NULL)
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  g_ptr_array_unref (exam->sections);
  exam->sections = sections;

  if ((stmt = lc_db_prepare (db, departments_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam->id);
  for (;;)
    {
      gint64 id;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = lc_stmt_int (stmt, 0);
      g_array_append_val (exam->departments, id);
    }
  lc_db_release (g_steal_pointer (&stmt));

  if ((stmt = lc_db_prepare (db, fields_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam->id);
  for (;;)
    {
      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      g_ptr_array_add (exam->fields, lc_stmt_dup_text (stmt, 0));
    }
}

LcExam *
_lc_exam_load (LcDb *db, gint64 exam_id, GError **error)
{
  static const char *const sql = "SELECT " EXAM_COLUMNS "FROM exam e WHERE e.id = ?";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (LcExam) exam = NULL;

  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, exam_id);
  if ((rows = lc_db_collect (db, stmt, read_exam, (GDestroyNotify) lc_exam_free, error)) == NULL)
    return NULL;
  lc_db_release (g_steal_pointer (&stmt));
  if (rows->len == 0)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_EXAM, _ ("There is no exam with id %lld."),
                   (long long) exam_id);
      return NULL;
    }
  exam = g_ptr_array_steal_index (rows, 0);
  if (!load_parts (db, exam, error))
    return NULL;
  return g_steal_pointer (&exam);
}

/* Officers see published exams only; everyone else who may see exams at all, every exam. */
static gboolean
may_read_drafts (LcSession *session)
{
  return lc_session_can (session, LC_PERM_MANAGE_EXAMS) || lc_session_can (session, LC_PERM_READ_RESULTS);
}

static gboolean
require_read_exams (LcSession *session, GError **error)
{
  if (may_read_drafts (session) || lc_session_get_role (session) == LC_ROLE_OFFICER)
    return TRUE;
  return lc_session_require (session, LC_PERM_READ_RESULTS, error);
}

LcExam *
lc_exam_get (LcSession *session, gint64 exam_id, GError **error)
{
  g_autoptr (LcExam) exam = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!require_read_exams (session, error))
    return NULL;
  if ((exam = _lc_exam_load (lc_session_get_db (session), exam_id, error)) == NULL)
    return NULL;
  if (exam->status != LC_EXAM_PUBLISHED && !may_read_drafts (session))
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_EXAM, _ ("There is no exam with id %lld."),
                   (long long) exam_id);
      return NULL;
    }
  return g_steal_pointer (&exam);
}

GPtrArray *
lc_exam_list (LcSession *session, GError **error)
{
  static const char *const sql = "SELECT " EXAM_COLUMNS "FROM exam e WHERE (?1 OR e.status = 'published') "
                                 "ORDER BY e.opens_at DESC, e.id DESC";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) exams = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!require_read_exams (session, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, may_read_drafts (session) ? 1 : 0);
  if ((exams = lc_db_collect (db, stmt, read_exam, (GDestroyNotify) lc_exam_free, error)) == NULL)
    return NULL;
  lc_db_release (g_steal_pointer (&stmt));
  for (guint i = 0; i < exams->len; i++)
    if (!load_parts (db, g_ptr_array_index (exams, i), error))
      return NULL;
  return g_steal_pointer (&exams);
}

/* Key files ------------------------------------------------------------- */

#define EXAM_GROUP "Exam"

static gboolean
key_error (GError **error, const char *group, const char *key, const char *reason)
{
  /* Translators: a problem in an exam key file: “[Section 2] Count: not a whole number” */
  g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_KEY_FILE, _ ("[%s] %s: %s"), group, key, reason);
  return FALSE;
}

static char *
get_string (GKeyFile *file, const char *group, const char *key)
{
  char *value = g_key_file_get_string (file, group, key, NULL);

  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
has_value (GKeyFile *file, const char *group, const char *key)
{
  g_autofree char *value = get_string (file, group, key);

  return value != NULL;
}

static gboolean
get_required (GKeyFile *file, const char *group, const char *key, char **out, GError **error)
{
  if ((*out = get_string (file, group, key)) == NULL)
    return key_error (error, group, key, _ ("missing"));
  return TRUE;
}

static gboolean
get_int (GKeyFile *file, const char *group, const char *key, gint64 min, gint64 max, gint64 *out, GError **error)
{
  g_autofree char *text = get_string (file, group, key);
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("“%s” is not a whole number from %lld to %lld"), text, (long long) min, (long long) max);
      return key_error (error, group, key, reason);
    }
  *out = value;
  return TRUE;
}

static gboolean
get_points (GKeyFile *file, const char *group, const char *key, gint64 *out, GError **error)
{
  g_autofree char *text = NULL;

  if (!get_required (file, group, key, &text, error))
    return FALSE;
  if (!lc_hundredths_parse (text, out))
    {
      g_autofree char *reason = g_strdup_printf (_ ("“%s” is not a number of points such as 60 or 1.5"), text);
      return key_error (error, group, key, reason);
    }
  return TRUE;
}

static gboolean
get_instant (GKeyFile *file, const char *group, const char *key, gint64 *out, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();

  if (!get_required (file, group, key, &text, error))
    return FALSE;
  /* "2026-06-01 09:00" is how people write it; GLib wants the T and the seconds. */
  if (strlen (text) >= 16 && text[10] == ' ')
    text[10] = 'T';
  if (strlen (text) == 16)
    {
      char *longer = g_strconcat (text, ":00", NULL);
      g_free (text);
      text = longer;
    }
  if ((when = g_date_time_new_from_iso8601 (text, local)) == NULL)
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("“%s” is not a time such as 2026-06-01T09:00:00+08:00 or 2026-06-01 09:00"), text);
      return key_error (error, group, key, reason);
    }
  *out = g_date_time_to_unix (when);
  return TRUE;
}

static gboolean
get_name (GKeyFile *file, const char *group, const char *key, const char *const *names, guint n, int *out,
          GError **error)
{
  g_autofree char *text = get_string (file, group, key);

  if (text == NULL)
    return TRUE;
  if (!name_to_index (names, n, text, out))
    {
      g_autofree char *choices = NULL;
      g_autoptr (GString) list = g_string_new (NULL);
      g_autofree char *reason = NULL;

      for (guint i = 0; i < n; i++)
        if (names[i] != NULL)
          g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", names[i]);
      reason = g_strdup_printf (_ ("“%s” is not one of %s"), text, list->str);
      return key_error (error, group, key, reason);
    }
  return TRUE;
}

static gboolean
get_difficulty (GKeyFile *file, const char *group, LcExamSection *s, GError **error)
{
  g_autofree char *text = get_string (file, group, "Difficulty");
  g_auto (GStrv) parts = NULL;
  guint64 low, high;

  s->difficulty_min = 1;
  s->difficulty_max = 5;
  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, "-", 2);
  if (!g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 1, 5, &low, NULL))
    low = high = 0;
  else if (parts[1] == NULL)
    high = low;
  else if (!g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 1, 5, &high, NULL))
    high = 0;
  if (low == 0 || high == 0 || low > high)
    {
      g_autofree char *reason = g_strdup_printf (_ ("“%s” is not a difficulty such as 3 or 2-4 (1 to 5)"), text);
      return key_error (error, group, "Difficulty", reason);
    }
  s->difficulty_min = (int) low;
  s->difficulty_max = (int) high;
  return TRUE;
}

static int
compare_section_groups (gconstpointer a, gconstpointer b)
{
  const char *x = *(char *const *) a;
  const char *y = *(char *const *) b;
  gint64 nx = g_ascii_strtoll (x + strlen ("Section "), NULL, 10);
  gint64 ny = g_ascii_strtoll (y + strlen ("Section "), NULL, 10);

  return nx < ny ? -1 : nx > ny;
}

static gboolean
read_section_group (GKeyFile *file, const char *group, LcExam *exam, GError **error)
{
  g_autofree char *type_text = NULL;
  g_autofree char *category = get_string (file, group, "Category");
  LcQuestionType type;
  gint64 count = 0;
  gint64 points = 0;
  LcExamSection *s;

  if (!get_required (file, group, "Type", &type_text, error))
    return FALSE;
  if (!lc_question_type_from_string (type_text, &type))
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("“%s” is not one of single, multiple, truefalse, fill, essay"), type_text);
      return key_error (error, group, "Type", reason);
    }
  if (!has_value (file, group, "Count"))
    return key_error (error, group, "Count", _ ("missing"));
  if (!get_int (file, group, "Count", 1, MAX_SECTION_COUNT, &count, error)
      || !get_points (file, group, "Points", &points, error))
    return FALSE;
  s = lc_exam_add_section (exam, category, type, (guint) count, points, 1, 5);
  s->title = get_string (file, group, "Title");
  return get_difficulty (file, group, s, error);
}

LcExam *
lc_exam_from_key_file (LcSession *session, const char *data, gsize length, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (LcExam) exam = lc_exam_new ();
  g_autoptr (GError) parse_error = NULL;
  g_auto (GStrv) groups = NULL;
  g_auto (GStrv) departments = NULL;
  g_auto (GStrv) fields = NULL;
  g_autoptr (GPtrArray) section_groups = g_ptr_array_new ();
  gint64 value;
  int index;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, &parse_error))
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_KEY_FILE, _ ("The exam file is not a key file: %s"),
                   parse_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (file, EXAM_GROUP))
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_KEY_FILE, _ ("The exam file has no [%s] group."), EXAM_GROUP);
      return NULL;
    }
  if (!get_required (file, EXAM_GROUP, "Title", &exam->title, error))
    return NULL;
  index = 0;
  if (!get_name (file, EXAM_GROUP, "Purpose", purpose_names, G_N_ELEMENTS (purpose_names), &index, error))
    return NULL;
  exam->purpose = (LcExamPurpose) index;
  exam->field = get_string (file, EXAM_GROUP, "Field");
  if (!get_instant (file, EXAM_GROUP, "Opens", &exam->opens_at, error)
      || !get_instant (file, EXAM_GROUP, "Closes", &exam->closes_at, error))
    return NULL;
  if (!has_value (file, EXAM_GROUP, "Minutes"))
    {
      key_error (error, EXAM_GROUP, "Minutes", _ ("missing"));
      return NULL;
    }
  value = 0;
  if (!get_int (file, EXAM_GROUP, "Minutes", 1, MAX_MINUTES, &value, error))
    return NULL;
  exam->minutes = (int) value;
  if (!get_points (file, EXAM_GROUP, "PassScore", &exam->pass_score, error))
    return NULL;
  value = exam->max_attempts;
  if (!get_int (file, EXAM_GROUP, "MaxAttempts", 0, MAX_ATTEMPTS, &value, error))
    return NULL;
  exam->max_attempts = (int) value;
  index = 0;
  if (!get_name (file, EXAM_GROUP, "MultiplePolicy", multiple_names, G_N_ELEMENTS (multiple_names), &index, error))
    return NULL;
  exam->multiple_policy = (LcMultiplePolicy) index;
  index = exam->review_policy;
  if (!get_name (file, EXAM_GROUP, "Review", review_names, G_N_ELEMENTS (review_names), &index, error))
    return NULL;
  exam->review_policy = (LcReviewPolicy) index;
  if (g_key_file_has_key (file, EXAM_GROUP, "ReviewAfterClose", NULL))
    {
      exam->review_after_close = g_key_file_get_boolean (file, EXAM_GROUP, "ReviewAfterClose", &parse_error);
      if (parse_error != NULL)
        {
          key_error (error, EXAM_GROUP, "ReviewAfterClose", _ ("not true or false"));
          return NULL;
        }
    }
  value = exam->overlap_share;
  if (!get_int (file, EXAM_GROUP, "OverlapPercent", 0, 100, &value, error))
    return NULL;
  exam->overlap_share = (int) value;
  value = 0;
  if (!get_int (file, EXAM_GROUP, "FocusLossLimit", 0, MAX_FOCUS_LOSSES, &value, error))
    return NULL;
  exam->focus_loss_limit = (int) value;
  index = 0;
  if (!get_name (file, EXAM_GROUP, "Status", exam_status_names, G_N_ELEMENTS (exam_status_names), &index, error))
    return NULL;
  exam->status = (LcExamStatus) index;

  departments = g_key_file_get_string_list (file, EXAM_GROUP, "Departments", NULL, NULL);
  for (guint i = 0; departments != NULL && departments[i] != NULL; i++)
    {
      g_autoptr (LcDepartment) department = NULL;
      const char *code = g_strstrip (departments[i]);

      if (code[0] == '\0')
        continue;
      if ((department = lc_people_find_department (session, code, error)) == NULL)
        {
          g_prefix_error (error, "[%s] %s: ", EXAM_GROUP, "Departments");
          return NULL;
        }
      g_array_append_val (exam->departments, department->id);
    }
  fields = g_key_file_get_string_list (file, EXAM_GROUP, "Fields", NULL, NULL);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (g_strstrip (fields[i])[0] != '\0')
      g_ptr_array_add (exam->fields, g_strdup (fields[i]));

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      guint64 n;

      if (strcmp (groups[i], EXAM_GROUP) == 0)
        continue;
      if (!g_str_has_prefix (groups[i], "Section ")
          || !g_ascii_string_to_unsigned (groups[i] + strlen ("Section "), 10, 1, G_MAXINT, &n, NULL))
        {
          g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_KEY_FILE,
                       _ ("[%s]: unknown group (use [Exam] and [Section 1], [Section 2], …)."), groups[i]);
          return NULL;
        }
      g_ptr_array_add (section_groups, groups[i]);
    }
  g_ptr_array_sort (section_groups, compare_section_groups);
  for (guint i = 0; i < section_groups->len; i++)
    if (!read_section_group (file, g_ptr_array_index (section_groups, i), exam, error))
      return NULL;
  return g_steal_pointer (&exam);
}

static char *
format_instant (gint64 at)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (at);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

char *
lc_exam_to_key_file (LcSession *session, const LcExam *exam, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *opens = format_instant (exam->opens_at);
  g_autofree char *closes = format_instant (exam->closes_at);
  g_autofree char *pass = lc_hundredths_format (exam->pass_score);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (exam != NULL, NULL);
  if (exam->departments->len > 0 && (all = lc_people_list_departments (session, error)) == NULL)
    return NULL;
  for (guint i = 0; i < exam->departments->len; i++)
    for (guint j = 0; j < all->len; j++)
      {
        const LcDepartment *d = g_ptr_array_index (all, j);

        if (d->id == g_array_index (exam->departments, gint64, i))
          g_ptr_array_add (codes, g_strdup (d->code));
      }
  g_key_file_set_string (file, EXAM_GROUP, "Title", exam->title != NULL ? exam->title : "");
  g_key_file_set_string (file, EXAM_GROUP, "Purpose", purpose_names[exam->purpose]);
  if (exam->field != NULL)
    g_key_file_set_string (file, EXAM_GROUP, "Field", exam->field);
  g_key_file_set_string (file, EXAM_GROUP, "Opens", opens);
  g_key_file_set_string (file, EXAM_GROUP, "Closes", closes);
  g_key_file_set_integer (file, EXAM_GROUP, "Minutes", exam->minutes);
  g_key_file_set_string (file, EXAM_GROUP, "PassScore", pass);
  g_key_file_set_integer (file, EXAM_GROUP, "MaxAttempts", exam->max_attempts);
  g_key_file_set_string (file, EXAM_GROUP, "MultiplePolicy", multiple_names[exam->multiple_policy]);
  g_key_file_set_string (file, EXAM_GROUP, "Review", review_names[exam->review_policy]);
  g_key_file_set_boolean (file, EXAM_GROUP, "ReviewAfterClose", exam->review_after_close);
  g_key_file_set_integer (file, EXAM_GROUP, "OverlapPercent", exam->overlap_share);
  g_key_file_set_integer (file, EXAM_GROUP, "FocusLossLimit", exam->focus_loss_limit);
  if (codes->len > 0)
    g_key_file_set_string_list (file, EXAM_GROUP, "Departments", (const char *const *) codes->pdata, codes->len);
  if (exam->fields->len > 0)
    g_key_file_set_string_list (file, EXAM_GROUP, "Fields", (const char *const *) exam->fields->pdata,
                                exam->fields->len);
  g_key_file_set_string (file, EXAM_GROUP, "Status", exam_status_names[exam->status]);
  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      g_autofree char *group = g_strdup_printf ("Section %u", i + 1);
      g_autofree char *points = lc_hundredths_format (s->points);
      g_autofree char *difficulty = s->difficulty_min == s->difficulty_max
                                        ? g_strdup_printf ("%d", s->difficulty_min)
                                        : g_strdup_printf ("%d-%d", s->difficulty_min, s->difficulty_max);

      if (s->title != NULL)
        g_key_file_set_string (file, group, "Title", s->title);
      g_key_file_set_string (file, group, "Category", s->category != NULL ? s->category : "");
      g_key_file_set_string (file, group, "Type", lc_question_type_to_string (s->type));
      g_key_file_set_integer (file, group, "Count", (int) s->count);
      g_key_file_set_string (file, group, "Points", points);
      g_key_file_set_string (file, group, "Difficulty", difficulty);
    }
  return g_key_file_to_data (file, NULL, NULL);
}
