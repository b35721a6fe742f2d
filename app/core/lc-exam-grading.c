/* lc-exam-grading.c: grading a submitted attempt item by item, the score
 * and pass mark, and the trainer's grades of essays. The rules are in
 * lc-exam.h (GRADING). */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include <string.h>

#include "lc-auth.h"
#include "lc-exam-private.h"
#include "lc-i18n.h"
#include "lc-units.h"

char *
lc_exam_normalize_fill (const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  /* NFKC turns full-width letters, digits and punctuation into their
   * half-width forms, so "ＡＢＣ１" and "abc1" compare equal once folded. */
  if ((composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC)) == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (composed, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* g_unichar_ispunct() covers symbols too: “《》、，。” and "()-". */
      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c) && !g_unichar_iscntrl (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The key of one question version as grading needs it. Read once per
 * grading run: a stored version never changes (an edit makes a new one). */
typedef struct
{
  gint64 version_id; /* the hash key */
  gboolean known;    /* FALSE: no such version, the item waits for a trainer */
  LcQuestionType type;
  guint n_options;
  int *positions; /* option.pos, ascending */
  gboolean *correct;
  guint n_correct;
  char **accepted;   /* fill-in: every option's text as stored */
  char **normalized; /* and as lc_exam_normalize_fill() gives it */
} GradingKey;

static void
grading_key_free (GradingKey *key)
{
  g_free (key->positions);
  g_free (key->correct);
  g_strfreev (key->accepted);
  g_strfreev (key->normalized);
  g_free (key);
}

struct _LcExamGrader
{
  LcDb *db;
  GHashTable *keys; /* version id -> GradingKey */
  GString *awards;  /* the attempt being graded: see set_award() */
};

LcExamGrader *
_lc_exam_grader_new (LcDb *db)
{
  LcExamGrader *grader = g_new0 (LcExamGrader, 1);

  grader->db = lc_db_ref (db);
  grader->keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) grading_key_free);
  grader->awards = g_string_new (NULL);
  return grader;
}

void
_lc_exam_grader_free (LcExamGrader *grader)
{
  if (grader == NULL)
    return;
  g_hash_table_unref (grader->keys);
  g_string_free (grader->awards, TRUE);
  lc_db_unref (grader->db);
  g_free (grader);
}

static const GradingKey *
grader_key (LcExamGrader *grader, gint64 version_id, GError **error)
{
  static const char *const sql = "SELECT v.type, o.pos, o.text, o.correct FROM question_version v "
                                 "LEFT JOIN option o ON o.version_id = v.id WHERE v.id = ? ORDER BY o.pos";
  GradingKey *key = g_hash_table_lookup (grader->keys, &version_id);
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) positions = NULL;
  g_autoptr (GArray) correct = NULL;
  g_autoptr (GPtrArray) accepted = NULL;
  g_autoptr (GPtrArray) normalized = NULL;
  gboolean has_row = FALSE;

  if (key != NULL)
    return key;
  if ((stmt = lc_db_prepare (grader->db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, version_id);
  positions = g_array_new (FALSE, FALSE, sizeof (int));
  correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
  accepted = g_ptr_array_new_with_free_func (g_free);
  normalized = g_ptr_array_new_with_free_func (g_free);
  key = g_new0 (GradingKey, 1);
  key->version_id = version_id;
  for (;;)
    {
      int pos;
      gboolean right;

      if (!lc_db_step (grader->db, stmt, &has_row, error))
        {
          grading_key_free (key);
          return NULL;
        }
      if (!has_row)
        break;
      if (!key->known)
        {
          g_autofree char *type = lc_stmt_dup_text (stmt, 0);

          key->known = lc_question_type_from_string (type, &key->type);
        }
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      pos = (int) lc_stmt_int (stmt, 1);
      right = lc_stmt_int (stmt, 3) != 0;
      g_array_append_val (positions, pos);
      g_array_append_val (correct, right);
      key->n_correct += right;
      if (key->type == LC_QUESTION_FILL)
        {
          char *text = lc_stmt_dup_text (stmt, 2);

          g_ptr_array_add (normalized, lc_exam_normalize_fill (text));
          g_ptr_array_add (accepted, text);
        }
    }
  key->n_options = positions->len;
  key->positions = (int *) g_array_free (g_steal_pointer (&positions), FALSE);
  key->correct = (gboolean *) g_array_free (g_steal_pointer (&correct), FALSE);
  g_ptr_array_add (accepted, NULL);
  g_ptr_array_add (normalized, NULL);
  key->accepted = (char **) g_ptr_array_free (g_steal_pointer (&accepted), FALSE);
  key->normalized = (char **) g_ptr_array_free (g_steal_pointer (&normalized), FALSE);
  g_hash_table_insert (grader->keys, &key->version_id, key);
  return key;
}

static gint64
grade_choice (const GradingKey *key, const char *response, gint64 points, LcMultiplePolicy policy)
{
  /* The positions chosen, as _lc_exam_split_positions() reads them but
   * without its allocations: this runs for most of a million items in a
   * batch. */
  int stack[LC_EXAM_MAX_OPTIONS];
  g_autofree int *heap = NULL;
  int *chosen = stack;
  guint n_chosen = 0, n_parts = 1;
  guint n_right = 0, n_wrong = 0;

  for (const char *p = response; *p != '\0'; p++)
    n_parts += *p == ',';
  if (n_parts > G_N_ELEMENTS (stack))
    chosen = heap = g_new (int, n_parts);
  for (const char *p = response; *response != '\0'; p++)
    {
      chosen[n_chosen++] = (int) g_ascii_strtoll (p, NULL, 10);
      if ((p = strchr (p, ',')) == NULL)
        break;
    }
  for (guint i = 0; i < key->n_options; i++)
    {
      gboolean picked = FALSE;

      for (guint j = 0; j < n_chosen && !picked; j++)
        picked = chosen[j] == key->positions[i];
      n_right += key->correct[i] && picked;
      n_wrong += !key->correct[i] && picked;
    }
  switch (key->type)
    {
    case LC_QUESTION_SINGLE:
    case LC_QUESTION_TRUEFALSE:
      return n_wrong == 0 && n_right == 1 && key->n_correct == 1 ? points : 0;
    case LC_QUESTION_MULTIPLE:
      if (n_wrong > 0 || n_right == 0 || key->n_correct == 0)
        return 0;
      if (n_right == key->n_correct)
        return points;
      return policy == LC_MULTIPLE_PARTIAL ? points * n_right / key->n_correct : 0;
    case LC_QUESTION_FILL:
    case LC_QUESTION_ESSAY:
    default:
      g_assert_not_reached ();
    }
}

/* The points an answer earns, or -1 when a trainer must decide. */
static gint64
grade_answer (const GradingKey *key, const char *response, gint64 points, LcMultiplePolicy policy)
{
  g_autofree char *answer = NULL;

  if (response == NULL)
    return 0;
  if (!key->known)
    return -1;
  switch (key->type)
    {
    case LC_QUESTION_ESSAY:
      for (const char *p = response; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return -1;
      return 0;
    case LC_QUESTION_FILL:
      /* An answer typed exactly as accepted needs no normalising; one that
       * normalises to nothing matches nothing. */
      for (guint i = 0; key->accepted[i] != NULL; i++)
        if (strcmp (response, key->accepted[i]) == 0)
          return key->normalized[i][0] != '\0' ? points : 0;
      answer = lc_exam_normalize_fill (response);
      if (answer[0] == '\0')
        return 0;
      for (guint i = 0; key->normalized[i] != NULL; i++)
        if (strcmp (answer, key->normalized[i]) == 0)
          return points;
      return 0;
    case LC_QUESTION_SINGLE:
    case LC_QUESTION_TRUEFALSE:
    case LC_QUESTION_MULTIPLE:
    default:
      return grade_choice (key, response, points, policy);
    }
}

/* The awards of an attempt travel to SQLite as one text of fixed-width
 * fields, field pos - 1 for item pos, so that one UPDATE writes them all:
 * a statement per item costs more than the grading itself. */
#define AWARD_WIDTH 12
#define AWARD_NONE (-1)                              /* left NULL: graded already, or a trainer decides */
#define AWARD_LIMIT G_GINT64_CONSTANT (100000000000) /* 11 digits and a space */

static void
set_award (GString *awards, int pos, gint64 awarded)
{
  gsize at = (gsize) (pos - 1) * AWARD_WIDTH;
  char *end;

  while (awards->len < at + AWARD_WIDTH)
    g_string_append (awards, "          -1"); /* AWARD_NONE in AWARD_WIDTH */
  /* Right-aligned digits by hand: printf was a tenth of a batch's time. */
  end = awards->str + at + AWARD_WIDTH;
  memset (awards->str + at, ' ', AWARD_WIDTH);
  g_assert (awarded >= 0 && awarded < AWARD_LIMIT);
  do
    {
      *--end = (char) ('0' + awarded % 10);
      awarded /= 10;
    }
  while (awarded > 0);
}

gboolean
_lc_exam_grader_grade (LcExamGrader *grader, gint64 attempt_id, GError **error)
{
  /* One statement reads the attempt's rules and every item; the key of each
   * version comes from the run's cache. */
  static const char *const items_sql =
      "SELECT e.multiple_policy, e.pass_score, i.pos, i.question_version_id, i.points, i.response, i.awarded, i.rowid "
      "FROM attempt a JOIN exam e ON e.id = a.exam_id LEFT JOIN attempt_item i ON i.attempt_id = a.id "
      "WHERE a.id = ? ORDER BY i.pos";
  /* 12 and -1: AWARD_WIDTH and AWARD_NONE. ?4 and ?5 bound the rowids of
   * the items read: a scan of that range of the table (the items of an
   * attempt are stored together) is cheaper than seeking each through the
   * key's index; +attempt_id keeps the planner off that index. */
  static const char *const awards_sql =
      "UPDATE attempt_item SET awarded = nullif(CAST(substr(?2, pos * 12 - 11, 12) AS INTEGER), -1) "
      "WHERE rowid BETWEEN ?4 AND ?5 AND +attempt_id = ?1 AND awarded IS NULL AND pos BETWEEN 1 AND ?3";
  static const char *const attempt_sql =
      "UPDATE attempt SET state = ?1, score = ?2, passed = ?3 WHERE id = ?4 AND state <> 'in_progress'";
  LcDb *db = grader->db;
  g_autoptr (LcStmt) stmt = NULL;
  GString *awards = grader->awards;
  LcMultiplePolicy policy = LC_MULTIPLE_ALL_OR_NOTHING;
  gboolean has_row = FALSE, found = FALSE;
  gint64 pass_score = 0, score = 0, ungraded = 0;
  gint64 first_row = G_MAXINT64, last_row = G_MININT64;

  g_string_truncate (awards, 0);
  if ((stmt = lc_db_prepare (db, items_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  for (;;)
    {
      const GradingKey *key;
      gint64 awarded;
      int pos;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (!found)
        {
          lc_multiple_policy_from_string ((const char *) sqlite3_column_text (stmt, 0), &policy);
          pass_score = lc_stmt_int (stmt, 1);
          found = TRUE;
        }
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        continue; /* no items at all */
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          /* graded already: by a trainer, who may override */
          score += lc_stmt_int (stmt, 6);
          continue;
        }
      pos = (int) lc_stmt_int (stmt, 2);
      if ((key = grader_key (grader, lc_stmt_int (stmt, 3), error)) == NULL)
        return FALSE;
      awarded = grade_answer (key, (const char *) sqlite3_column_text (stmt, 5), lc_stmt_int (stmt, 4), policy);
      /* What the text cannot carry (the program numbers items from 1, and
       * no question is worth a billion points) is left to a trainer. */
      if (awarded < 0 || pos < 1 || awarded >= AWARD_LIMIT)
        {
          ungraded++;
          continue;
        }
      score += awarded;
      set_award (awards, pos, awarded);
      first_row = MIN (first_row, lc_stmt_int (stmt, 7));
      last_row = MAX (last_row, lc_stmt_int (stmt, 7));
    }
  lc_db_release (g_steal_pointer (&stmt));
  if (!found)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT, _ ("There is no attempt with id %lld."),
                   (long long) attempt_id);
      return FALSE;
    }

  if (awards->len > 0)
    {
      if ((stmt = lc_db_prepare (db, awards_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, attempt_id);
      /* A blob: substr() then counts bytes, not characters from the start. */
      sqlite3_bind_blob (stmt, 2, awards->str, (int) awards->len, SQLITE_STATIC);
      lc_stmt_bind_int (stmt, 3, awards->len / AWARD_WIDTH);
      lc_stmt_bind_int (stmt, 4, first_row);
      lc_stmt_bind_int (stmt, 5, last_row);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
      lc_db_release (g_steal_pointer (&stmt));
    }

  if ((stmt = lc_db_prepare (db, attempt_sql, error)) == NULL)
    return FALSE;
  if (ungraded > 0)
    lc_stmt_bind_text (stmt, 1, lc_attempt_state_to_string (LC_ATTEMPT_AWAITING_GRADING));
  else
    {
      lc_stmt_bind_text (stmt, 1, lc_attempt_state_to_string (LC_ATTEMPT_GRADED));
      lc_stmt_bind_int (stmt, 2, score);
      lc_stmt_bind_int (stmt, 3, score >= pass_score ? 1 : 0);
    }
  lc_stmt_bind_int (stmt, 4, attempt_id);
  return lc_db_step_done (db, stmt, error);
}

gboolean
_lc_exam_grade_attempt (LcDb *db, gint64 attempt_id, GError **error)
{
  g_autoptr (LcExamGrader) grader = _lc_exam_grader_new (db);

  return _lc_exam_grader_grade (grader, attempt_id, error);
}

gboolean
_lc_exam_update_score (LcDb *db, gint64 attempt_id, GError **error)
{
  static const char *const totals_sql =
      "SELECT sum(CASE WHEN i.awarded IS NULL THEN 1 ELSE 0 END), coalesce(sum(i.awarded), 0), e.pass_score "
      "FROM attempt a JOIN exam e ON e.id = a.exam_id LEFT JOIN attempt_item i ON i.attempt_id = a.id "
      "WHERE a.id = ? GROUP BY e.pass_score";
  static const char *const update_sql =
      "UPDATE attempt SET state = ?1, score = ?2, passed = ?3 WHERE id = ?4 AND state <> 'in_progress'";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, totals_sql, error);
  gboolean has_row = FALSE;
  gint64 ungraded, score, pass_score;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT, _ ("There is no attempt with id %lld."),
                   (long long) attempt_id);
      return FALSE;
    }
  ungraded = lc_stmt_int (stmt, 0);
  score = lc_stmt_int (stmt, 1);
  pass_score = lc_stmt_int (stmt, 2);
  lc_db_release (g_steal_pointer (&stmt));
  if ((stmt = lc_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  if (ungraded > 0)
    lc_stmt_bind_text (stmt, 1, lc_attempt_state_to_string (LC_ATTEMPT_AWAITING_GRADING));
  else
    {
      lc_stmt_bind_text (stmt, 1, lc_attempt_state_to_string (LC_ATTEMPT_GRADED));
      lc_stmt_bind_int (stmt, 2, score);
      lc_stmt_bind_int (stmt, 3, score >= pass_score ? 1 : 0);
    }
  lc_stmt_bind_int (stmt, 4, attempt_id);
  return lc_db_step_done (db, stmt, error);
}

gboolean
_lc_exam_finish (LcDb *db, LcExamGrader *grader, gint64 attempt_id, LcSubmittedBy by, gboolean *done, GError **error)
{
  /* Submitted at the deadline when the deadline did it: the saved answers are
   * those given before it, whenever the submission runs. */
  static const char *const sql =
      "UPDATE attempt SET state = 'submitted', submitted_by = ?1, "
      "submitted_at = CASE WHEN ?1 = 'deadline' THEN deadline_at ELSE ?2 END WHERE id = ?3 AND state = 'in_progress'";
  g_autoptr (LcStmt) stmt = NULL;

  *done = FALSE;
  if (!lc_db_begin (db, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    goto fail;
  lc_stmt_bind_text (stmt, 1, lc_submitted_by_to_string (by));
  lc_stmt_bind_int (stmt, 2, lc_db_now (db));
  lc_stmt_bind_int (stmt, 3, attempt_id);
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  lc_db_release (g_steal_pointer (&stmt));
  if (lc_db_changes (db) > 0)
    {
      if (!(grader != NULL ? _lc_exam_grader_grade (grader, attempt_id, error)
                           : _lc_exam_grade_attempt (db, attempt_id, error)))
        goto fail;
      *done = TRUE;
    }
  if (!lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  *done = FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  lc_db_rollback (db);
  return FALSE;
}

gboolean
lc_exam_grade_submitted (LcSession *session, gint64 exam_id, guint *n_graded, GError **error)
{
  static const char *const sql =
      "SELECT id FROM attempt WHERE state = 'submitted' AND (?1 = 0 OR exam_id = ?1) ORDER BY id";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LcExamGrader) grader = NULL;
  gboolean has_row = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (n_graded != NULL)
    *n_graded = 0;
  if (!lc_session_require (session, LC_PERM_GRADE, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    goto fail;
  lc_stmt_bind_int (stmt, 1, exam_id);
  for (;;)
    {
      gint64 id;

      if (!lc_db_step (db, stmt, &has_row, error))
        goto fail;
      if (!has_row)
        break;
      id = lc_stmt_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  lc_db_release (g_steal_pointer (&stmt));
  grader = _lc_exam_grader_new (db);
  for (guint i = 0; i < ids->len; i++)
    if (!_lc_exam_grader_grade (grader, g_array_index (ids, gint64, i), error))
      goto fail;
  g_clear_pointer (&grader, _lc_exam_grader_free);
  if (!lc_db_commit (db, error))
    goto fail;
  if (n_graded != NULL)
    *n_graded = ids->len;
  return TRUE;

fail:
  lc_db_release (g_steal_pointer (&stmt));
  lc_db_rollback (db);
  return FALSE;
}

gboolean
lc_exam_grade_item (LcSession *session, gint64 attempt_id, int pos, gint64 points, const char *comment, GError **error)
{
  static const char *const item_sql =
      "SELECT a.state, i.points FROM attempt a LEFT JOIN attempt_item i ON i.attempt_id = a.id AND i.pos = ?2 "
      "WHERE a.id = ?1";
  static const char *const grade_sql = "UPDATE attempt_item SET awarded = ?, graded_by = ?, graded_at = ?, "
                                       "grader_comment = ? WHERE attempt_id = ? AND pos = ?";
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *state = NULL;
  gboolean has_row = FALSE;
  gint64 max_points;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_GRADE, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, item_sql, error)) == NULL)
    goto fail;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  lc_stmt_bind_int (stmt, 2, pos);
  if (!lc_db_step (db, stmt, &has_row, error))
    goto fail;
  if (!has_row)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT, _ ("There is no attempt with id %lld."),
                   (long long) attempt_id);
      goto fail;
    }
  state = lc_stmt_dup_text (stmt, 0);
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ITEM, _ ("The attempt has no question %d."), pos);
      goto fail;
    }
  max_points = lc_stmt_int (stmt, 1);
  lc_db_release (g_steal_pointer (&stmt));
  if (strcmp (state, "in_progress") == 0)
    {
      g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_SUBMITTED,
                           _ ("The attempt is still in progress: it can be graded once it is submitted."));
      goto fail;
    }
  if (strcmp (state, "submitted") == 0)
    {
      /* Stored for later grading (an import, the demo): the automatic marks
       * come first, or the trainer's would be the attempt's only one. */
      g_autoptr (LcExamGrader) grader = _lc_exam_grader_new (db);

      if (!_lc_exam_grader_grade (grader, attempt_id, error))
        goto fail;
    }
  if (points < 0 || points > max_points)
    {
      g_autofree char *most = lc_hundredths_format (max_points);

      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_POINTS, _ ("Question %d is worth 0 to %s points."), pos, most);
      goto fail;
    }
  if ((stmt = lc_db_prepare (db, grade_sql, error)) == NULL)
    goto fail;
  lc_stmt_bind_int (stmt, 1, points);
  lc_stmt_bind_id (stmt, 2, lc_session_get_user_id (session));
  lc_stmt_bind_int (stmt, 3, lc_db_now (db));
  lc_stmt_bind_text (stmt, 4, comment != NULL && comment[0] != '\0' ? comment : NULL);
  lc_stmt_bind_int (stmt, 5, attempt_id);
  lc_stmt_bind_int (stmt, 6, pos);
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  lc_db_release (g_steal_pointer (&stmt));
  if (!_lc_exam_update_score (db, attempt_id, error) || !lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  lc_db_release (g_steal_pointer (&stmt));
  lc_db_rollback (db);
  return FALSE;
}
