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

typedef struct
{
  int pos;
  gint64 version_id;
  gint64 points;
  LcQuestionType type;
  char *response;
} Ungraded;

static void
ungraded_free (Ungraded *u)
{
  g_free (u->response);
  g_free (u);
}

static gpointer
read_ungraded (LcStmt *stmt)
{
  Ungraded *u = g_new0 (Ungraded, 1);
  g_autofree char *type = lc_stmt_dup_text (stmt, 4);

  u->pos = (int) lc_stmt_int (stmt, 0);
  u->version_id = lc_stmt_int (stmt, 1);
  u->points = lc_stmt_int (stmt, 2);
  u->response = lc_stmt_dup_text_or_null (stmt, 3);
  lc_question_type_from_string (type, &u->type);
  return u;
}

/* The points @u earns, or -1 when a trainer must decide. */
static gboolean
grade_one (LcDb *db, const Ungraded *u, LcMultiplePolicy policy, gint64 *awarded, GError **error)
{
  static const char *const sql = "SELECT pos, text, correct FROM option WHERE version_id = ? ORDER BY pos";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) chosen = NULL;
  g_autofree char *answer = NULL;
  gboolean has_row = FALSE;
  guint n_correct = 0, n_right = 0, n_wrong = 0;
  gboolean matched = FALSE;

  *awarded = 0;
  if (u->response == NULL)
    return TRUE;
  if (u->type == LC_QUESTION_ESSAY)
    {
      g_autofree char *text = g_strstrip (g_strdup (u->response));

      *awarded = text[0] == '\0' ? 0 : -1;
      return TRUE;
    }
  chosen = _lc_exam_split_positions (u->response);
  if (u->type == LC_QUESTION_FILL)
    answer = lc_exam_normalize_fill (u->response);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, u->version_id);
  for (;;)
    {
      int pos;
      gboolean correct, picked = FALSE;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      pos = (int) lc_stmt_int (stmt, 0);
      correct = lc_stmt_int (stmt, 2) != 0;
      if (u->type == LC_QUESTION_FILL)
        {
          g_autofree char *text = lc_stmt_dup_text (stmt, 1);
          g_autofree char *accepted = lc_exam_normalize_fill (text);

          /* An answer that normalises to nothing matches nothing. */
          matched = matched || (answer[0] != '\0' && strcmp (answer, accepted) == 0);
          continue;
        }
      for (guint i = 0; i < chosen->len && !picked; i++)
        picked = g_array_index (chosen, int, i) == pos;
      n_correct += correct;
      n_right += correct && picked;
      n_wrong += !correct && picked;
    }
  switch (u->type)
    {
    case LC_QUESTION_FILL:
      *awarded = matched ? u->points : 0;
      break;
    case LC_QUESTION_SINGLE:
    case LC_QUESTION_TRUEFALSE:
      *awarded = n_wrong == 0 && n_right == 1 && n_correct == 1 ? u->points : 0;
      break;
    case LC_QUESTION_MULTIPLE:
      if (n_wrong > 0 || n_right == 0 || n_correct == 0)
        *awarded = 0;
      else if (n_right == n_correct)
        *awarded = u->points;
      else
        *awarded = policy == LC_MULTIPLE_PARTIAL ? u->points * n_right / n_correct : 0;
      break;
    case LC_QUESTION_ESSAY:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
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
_lc_exam_grade_attempt (LcDb *db, gint64 attempt_id, GError **error)
{
  static const char *const items_sql =
      "SELECT i.pos, i.question_version_id, i.points, i.response, v.type FROM attempt_item i "
      "JOIN question_version v ON v.id = i.question_version_id WHERE i.attempt_id = ? AND i.awarded IS NULL "
      "ORDER BY i.pos";
  static const char *const policy_sql =
      "SELECT e.multiple_policy FROM attempt a JOIN exam e ON e.id = a.exam_id WHERE a.id = ?";
  static const char *const award_sql = "UPDATE attempt_item SET awarded = ? WHERE attempt_id = ? AND pos = ?";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, policy_sql, error);
  g_autoptr (GPtrArray) items = NULL;
  LcMultiplePolicy policy = LC_MULTIPLE_ALL_OR_NOTHING;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_autofree char *text = lc_stmt_dup_text (stmt, 0);
      lc_multiple_policy_from_string (text, &policy);
    }
  lc_db_release (g_steal_pointer (&stmt));

  if ((stmt = lc_db_prepare (db, items_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if ((items = lc_db_collect (db, stmt, read_ungraded, (GDestroyNotify) ungraded_free, error)) == NULL)
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  for (guint i = 0; i < items->len; i++)
    {
      const Ungraded *u = g_ptr_array_index (items, i);
      gint64 awarded;

      if (!grade_one (db, u, policy, &awarded, error))
        return FALSE;
      if (awarded < 0)
        continue;
      if ((stmt = lc_db_prepare (db, award_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, awarded);
      lc_stmt_bind_int (stmt, 2, attempt_id);
      lc_stmt_bind_int (stmt, 3, u->pos);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
      lc_db_release (g_steal_pointer (&stmt));
    }
  return _lc_exam_update_score (db, attempt_id, error);
}

gboolean
_lc_exam_finish (LcDb *db, gint64 attempt_id, LcSubmittedBy by, gboolean *done, GError **error)
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
      if (!_lc_exam_grade_attempt (db, attempt_id, error))
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
