/* lc-exam-attempt.c: an attempt's life — start or resume, answers and flags
 * committed one by one, focus losses, submission and the deadline — and
 * what each reader may see of it: the paper, the review, results. */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include <string.h>

#include "lc-auth.h"
#include "lc-exam-private.h"
#include "lc-i18n.h"
#include "lc-people.h"

void
lc_attempt_free (LcAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->exam_title);
  g_free (attempt->officer_name);
  g_free (attempt->staff_no);
  g_free (attempt->department_name);
  g_free (attempt);
}

void
lc_my_exam_free (LcMyExam *my_exam)
{
  if (my_exam == NULL)
    return;
  g_clear_pointer (&my_exam->exam, lc_exam_free);
  g_free (my_exam);
}

void
lc_exam_response_free (LcExamResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->question_uid);
  g_free (response->text);
  g_free (response);
}

/* Reading attempts ------------------------------------------------------ */

#define ATTEMPT_COLUMNS                                                                                                \
  "a.id, a.exam_id, a.officer_id, a.no, a.seed, a.started_at, a.deadline_at, coalesce(a.submitted_at, 0), a.state, "   \
  "a.submitted_by, a.max_score, a.score, a.passed, a.focus_losses, "                                                   \
  "(SELECT count(*) FROM attempt_item i WHERE i.attempt_id = a.id), "                                                  \
  "(SELECT count(*) FROM attempt_item i WHERE i.attempt_id = a.id AND i.response IS NOT NULL), "                       \
  "(SELECT count(*) FROM attempt_item i WHERE i.attempt_id = a.id AND i.flagged = 1), "                                \
  "(SELECT count(*) FROM attempt_item i WHERE i.attempt_id = a.id AND i.awarded IS NULL), "                            \
  "e.title, o.name, o.staff_no, d.name "
#define ATTEMPT_FROM                                                                                                   \
  "FROM attempt a JOIN exam e ON e.id = a.exam_id JOIN officer o ON o.id = a.officer_id "                              \
  "JOIN department d ON d.id = o.department_id "

static gpointer
read_attempt (LcStmt *stmt)
{
  LcAttempt *a = g_new0 (LcAttempt, 1);
  g_autofree char *state = lc_stmt_dup_text (stmt, 8);
  g_autofree char *by = lc_stmt_dup_text_or_null (stmt, 9);

  a->id = lc_stmt_int (stmt, 0);
  a->exam_id = lc_stmt_int (stmt, 1);
  a->officer_id = lc_stmt_int (stmt, 2);
  a->no = (int) lc_stmt_int (stmt, 3);
  a->seed = (guint64) lc_stmt_int (stmt, 4);
  a->started_at = lc_stmt_int (stmt, 5);
  a->deadline_at = lc_stmt_int (stmt, 6);
  a->submitted_at = lc_stmt_int (stmt, 7);
  lc_attempt_state_from_string (state, &a->state);
  a->submitted_by = LC_SUBMITTED_BY_NONE;
  for (int i = LC_SUBMITTED_BY_OFFICER; by != NULL && i <= LC_SUBMITTED_BY_FOCUS; i++)
    if (strcmp (by, lc_submitted_by_to_string ((LcSubmittedBy) i)) == 0)
      a->submitted_by = (LcSubmittedBy) i;
  a->max_score = lc_stmt_int (stmt, 10);
  a->has_score = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  a->score = a->has_score ? lc_stmt_int (stmt, 11) : -1;
  a->passed = a->has_score && lc_stmt_int (stmt, 12) != 0;
  a->focus_losses = (int) lc_stmt_int (stmt, 13);
  a->n_items = (guint) lc_stmt_int (stmt, 14);
  a->n_answered = (guint) lc_stmt_int (stmt, 15);
  a->n_flagged = (guint) lc_stmt_int (stmt, 16);
  a->n_ungraded = a->state == LC_ATTEMPT_AWAITING_GRADING ? (guint) lc_stmt_int (stmt, 17) : 0;
  a->exam_title = lc_stmt_dup_text (stmt, 18);
  a->officer_name = lc_stmt_dup_text (stmt, 19);
  a->staff_no = lc_stmt_dup_text (stmt, 20);
  a->department_name = lc_stmt_dup_text (stmt, 21);
  return a;
}

static LcAttempt *
load_attempt (LcDb *db, gint64 attempt_id, GError **error)
{
  static const char *const sql = "SELECT " ATTEMPT_COLUMNS ATTEMPT_FROM "WHERE a.id = ?";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  g_autoptr (GPtrArray) rows = NULL;

  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if ((rows = lc_db_collect (db, stmt, read_attempt, (GDestroyNotify) lc_attempt_free, error)) == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT, _ ("There is no attempt with id %lld."),
                   (long long) attempt_id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

static gboolean
unknown_attempt (GError **error, gint64 attempt_id)
{
  g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT, _ ("There is no attempt with id %lld."),
               (long long) attempt_id);
  return FALSE;
}

static gboolean
is_own (LcSession *session, gint64 officer_id)
{
  return lc_session_get_role (session) == LC_ROLE_OFFICER && lc_session_get_officer_id (session) != 0
         && lc_session_get_officer_id (session) == officer_id;
}

/* Whether the session may act for @officer_id in an exam: the officer, or
 * an invigilator (LC_PERM_MANAGE_EXAMS). Another officer's attempt does not
 * exist for an officer. */
static gboolean
require_actor (LcSession *session, gint64 officer_id, gint64 attempt_id, GError **error)
{
  if (is_own (session, officer_id) || lc_session_can (session, LC_PERM_MANAGE_EXAMS))
    return TRUE;
  if (lc_session_get_role (session) == LC_ROLE_OFFICER)
    {
      if (attempt_id != 0)
        return unknown_attempt (error, attempt_id);
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
                   _ ("The account “%s” may only sit exams as its own officer."), lc_session_get_login (session));
      return FALSE;
    }
  return lc_session_require (session, LC_PERM_MANAGE_EXAMS, error);
}

/* What an officer may see of their own submitted attempt now. */
static LcReviewPolicy
officer_review (const LcExam *exam, gint64 now)
{
  if (exam->review_after_close && now < exam->closes_at)
    return LC_REVIEW_NONE;
  return exam->review_policy;
}

static void
hide_score (LcAttempt *a)
{
  a->has_score = FALSE;
  a->score = -1;
  a->passed = FALSE;
}

/* Deadlines ------------------------------------------------------------- */

/* Submits the overdue attempts of @exam_id (0: all) of @officer_id (0: all). */
static gboolean
submit_overdue (LcDb *db, gint64 exam_id, gint64 officer_id, guint *n_submitted, GError **error)
{
  static const char *const sql = "SELECT id FROM attempt WHERE state = 'in_progress' AND deadline_at <= ?1 "
                                 "AND (?2 = 0 OR exam_id = ?2) AND (?3 = 0 OR officer_id = ?3) ORDER BY id";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LcExamGrader) grader = NULL;
  gboolean has_row = FALSE;
  guint n = 0;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, lc_db_now (db));
  lc_stmt_bind_int (stmt, 2, exam_id);
  lc_stmt_bind_int (stmt, 3, officer_id);
  for (;;)
    {
      gint64 id;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = lc_stmt_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  lc_db_release (g_steal_pointer (&stmt));
  if (ids->len == 0)
    goto done;
  /* One transaction and one grading run: after a long closed spell there
   * may be thousands, each fsynced on its own otherwise. */
  if (!lc_db_begin (db, error))
    return FALSE;
  grader = _lc_exam_grader_new (db);
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean finished = FALSE;

      if (!_lc_exam_finish (db, grader, g_array_index (ids, gint64, i), LC_SUBMITTED_BY_DEADLINE, &finished, error))
        {
          lc_db_rollback (db);
          return FALSE;
        }
      n += finished;
    }
  g_clear_pointer (&grader, _lc_exam_grader_free);
  if (!lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
done:
  if (n_submitted != NULL)
    *n_submitted = n;
  return TRUE;
}

gboolean
lc_exam_submit_overdue (LcSession *session, gint64 exam_id, guint *n_submitted, GError **error)
{
  gint64 officer_id = 0;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (n_submitted != NULL)
    *n_submitted = 0;
  if (!lc_session_can (session, LC_PERM_MANAGE_EXAMS) && !lc_session_can (session, LC_PERM_READ_RESULTS))
    {
      if (lc_session_get_role (session) != LC_ROLE_OFFICER || lc_session_get_officer_id (session) == 0)
        return lc_session_require (session, LC_PERM_MANAGE_EXAMS, error);
      officer_id = lc_session_get_officer_id (session);
    }
  return submit_overdue (lc_session_get_db (session), exam_id, officer_id, n_submitted, error);
}

/* Starting -------------------------------------------------------------- */

static gboolean
check_eligible (LcDb *db, const LcExam *exam, gint64 officer_id, gboolean *eligible, GError **error)
{
  static const char *const officer_sql = "SELECT department_id, field, status, name FROM officer WHERE id = ?";
  static const char *const parent_sql = "SELECT coalesce(parent_id, 0) FROM department WHERE id = ?";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, officer_sql, error);
  g_autofree char *field = NULL;
  g_autofree char *status = NULL;
  gboolean has_row = FALSE;
  gint64 department;
  gboolean in_department, in_field;

  *eligible = FALSE;
  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, officer_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER, _ ("There is no officer with id %lld."),
                   (long long) officer_id);
      return FALSE;
    }
  department = lc_stmt_int (stmt, 0);
  field = lc_stmt_dup_text (stmt, 1);
  status = lc_stmt_dup_text (stmt, 2);
  lc_db_release (g_steal_pointer (&stmt));
  /* Exams are for officers in post: not for the suspended (停职) nor those who left. */
  if (strcmp (status, "active") != 0)
    return TRUE;
  in_department = exam->departments->len == 0;
  /* Up the tree: an exam for a bureau is for its brigades too. The depth
   * bound guards against a cycle the people module should never allow. */
  for (guint depth = 0; !in_department && department != 0 && depth < 64; depth++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < exam->departments->len && !in_department; i++)
        in_department = g_array_index (exam->departments, gint64, i) == department;
      if (!lc_db_lookup (db, parent_sql, NULL, department, &found, &department, error))
        return FALSE;
      if (!found)
        department = 0;
    }
  in_field = exam->fields->len == 0;
  for (guint i = 0; i < exam->fields->len && !in_field; i++)
    in_field = strcmp (g_ptr_array_index (exam->fields, i), field) == 0;
  *eligible = in_department && in_field;
  return TRUE;
}

static gboolean
count_attempts (LcDb *db, gint64 exam_id, gint64 officer_id, guint *used, gint64 *in_progress, GError **error)
{
  static const char *const sql =
      "SELECT count(*), coalesce(max(CASE WHEN state = 'in_progress' THEN id END), 0), coalesce(max(no), 0) "
      "FROM attempt WHERE exam_id = ? AND officer_id = ?";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam_id);
  lc_stmt_bind_int (stmt, 2, officer_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *used = has_row ? (guint) lc_stmt_int (stmt, 0) : 0;
  *in_progress = has_row ? lc_stmt_int (stmt, 1) : 0;
  return TRUE;
}

static gboolean
store_attempt (LcDb *db, const LcExam *exam, gint64 officer_id, int no, guint64 seed, GPtrArray *items, gint64 now,
               gint64 *attempt_id, GError **error)
{
  static const char *const attempt_sql =
      "INSERT INTO attempt (exam_id, officer_id, no, seed, started_at, deadline_at, max_score) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)";
  static const char *const item_sql =
      "INSERT INTO attempt_item (attempt_id, pos, section_pos, question_version_id, option_order, points) "
      "VALUES (?, ?, ?, ?, ?, ?)";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, attempt_sql, error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam->id);
  lc_stmt_bind_int (stmt, 2, officer_id);
  lc_stmt_bind_int (stmt, 3, no);
  lc_stmt_bind_int (stmt, 4, (gint64) seed);
  lc_stmt_bind_int (stmt, 5, now);
  lc_stmt_bind_int (stmt, 6, MIN (now + (gint64) exam->minutes * 60, exam->closes_at));
  lc_stmt_bind_int (stmt, 7, lc_exam_max_score (exam));
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  id = lc_db_last_insert_id (db);
  for (guint i = 0; i < items->len; i++)
    {
      const LcDrawnItem *d = g_ptr_array_index (items, i);
      g_autofree char *order = _lc_exam_join_positions (d->option_order);

      if ((stmt = lc_db_prepare (db, item_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, id);
      lc_stmt_bind_int (stmt, 2, i + 1);
      lc_stmt_bind_int (stmt, 3, d->section_pos);
      lc_stmt_bind_int (stmt, 4, d->version_id);
      lc_stmt_bind_text (stmt, 5, order);
      lc_stmt_bind_int (stmt, 6, d->points);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
      lc_db_release (g_steal_pointer (&stmt));
    }
  *attempt_id = id;
  return TRUE;
}

gboolean
lc_exam_start_with_seed (LcSession *session, gint64 exam_id, gint64 officer_id, guint64 seed, gint64 *attempt_id,
                         gboolean *resumed, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gboolean eligible = FALSE;
  gint64 in_progress = 0;
  guint used = 0;
  gint64 now;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (attempt_id != NULL, FALSE);
  if (resumed != NULL)
    *resumed = FALSE;
  if (!require_actor (session, officer_id, 0, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!submit_overdue (db, exam_id, officer_id, NULL, error) || !lc_db_begin (db, error))
    return FALSE;
  now = lc_db_now (db);
  if ((exam = _lc_exam_load (db, exam_id, error)) == NULL
      || !count_attempts (db, exam_id, officer_id, &used, &in_progress, error))
    goto fail;
  if (in_progress != 0)
    {
      if (!lc_db_commit (db, error))
        goto fail;
      *attempt_id = in_progress;
      if (resumed != NULL)
        *resumed = TRUE;
      return TRUE;
    }
  if (exam->status != LC_EXAM_PUBLISHED)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_PUBLISHED, _ ("“%s” has not been published yet."),
                   exam->title);
      goto fail;
    }
  if (now < exam->opens_at)
    {
      g_autoptr (GDateTime) opens = g_date_time_new_from_unix_local (exam->opens_at);
      g_autofree char *when = g_date_time_format (opens, "%Y-%m-%d %H:%M");

      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_OPEN, _ ("“%s” opens on %s."), exam->title, when);
      goto fail;
    }
  if (now >= exam->closes_at)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_CLOSED, _ ("“%s” has closed."), exam->title);
      goto fail;
    }
  if (!check_eligible (db, exam, officer_id, &eligible, error))
    goto fail;
  if (!eligible)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_ELIGIBLE,
                   _ ("The officer may not sit “%s”: it is for other departments or enforcement fields, or the "
                      "officer is not in post."),
                   exam->title);
      goto fail;
    }
  if (exam->max_attempts > 0 && used >= (guint) exam->max_attempts)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NO_ATTEMPTS_LEFT,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” may be sat %d time, and the officer has sat it.",
                                "“%s” may be sat %d times, and the officer has sat it that often.",
                                (gulong) exam->max_attempts),
                   exam->title, exam->max_attempts);
      goto fail;
    }
  if (!_lc_exam_draw (db, exam, officer_id, seed, TRUE, &items, error)
      /* The instant the window was checked against: read again, it could be past the close. */
      || !store_attempt (db, exam, officer_id, (int) used + 1, seed, items, now, attempt_id, error)
      || !lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  lc_db_rollback (db);
  return FALSE;
}

gboolean
lc_exam_start (LcSession *session, gint64 exam_id, gint64 officer_id, gint64 *attempt_id, gboolean *resumed,
               GError **error)
{
  return lc_exam_start_with_seed (session, exam_id, officer_id, lc_exam_new_seed (), attempt_id, resumed, error);
}

/* Answering ------------------------------------------------------------- */

typedef struct
{
  gint64 officer_id;
  char *state;
  gint64 deadline_at;
  gboolean has_item;
  LcQuestionType type;
  GArray *option_order;
} ItemContext;

static void
item_context_clear (ItemContext *c)
{
  g_clear_pointer (&c->state, g_free);
  g_clear_pointer (&c->option_order, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemContext, item_context_clear)

/* Reads what answering needs and checks who acts, the state and the clock.
 * On LC_EXAM_ERROR_TIME_UP the caller rolls back, then submits. */
static gboolean
open_item (LcSession *session, gint64 attempt_id, int pos, ItemContext *c, GError **error)
{
  static const char *const sql = "SELECT a.officer_id, a.state, a.deadline_at, i.option_order, v.type FROM attempt a "
                                 "LEFT JOIN attempt_item i ON i.attempt_id = a.id AND i.pos = ?2 "
                                 "LEFT JOIN question_version v ON v.id = i.question_version_id WHERE a.id = ?1";
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  lc_stmt_bind_int (stmt, 2, pos);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return unknown_attempt (error, attempt_id);
  c->officer_id = lc_stmt_int (stmt, 0);
  c->state = lc_stmt_dup_text (stmt, 1);
  c->deadline_at = lc_stmt_int (stmt, 2);
  c->has_item = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  if (c->has_item)
    {
      g_autofree char *order = lc_stmt_dup_text (stmt, 3);
      g_autofree char *type = lc_stmt_dup_text (stmt, 4);

      c->option_order = _lc_exam_split_positions (order);
      lc_question_type_from_string (type, &c->type);
    }
  lc_db_release (g_steal_pointer (&stmt));
  if (!require_actor (session, c->officer_id, attempt_id, error))
    return FALSE;
  if (strcmp (c->state, "in_progress") != 0)
    {
      g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED,
                           _ ("The attempt has been submitted: its answers can no longer change."));
      return FALSE;
    }
  if (lc_db_now (db) >= c->deadline_at)
    {
      g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_TIME_UP,
                           _ ("Time is up: the attempt was submitted with the answers saved before the deadline."));
      return FALSE;
    }
  if (pos != 0 && !c->has_item)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ITEM, _ ("The attempt has no question %d."), pos);
      return FALSE;
    }
  return TRUE;
}

/* After a failure inside the transaction: roll back, and when the deadline
 * had passed, submit with what was saved. */
static gboolean
fail_item (LcDb *db, gint64 attempt_id, GError **error)
{
  lc_db_rollback (db);
  if (error != NULL && g_error_matches (*error, LC_EXAM_ERROR, LC_EXAM_ERROR_TIME_UP))
    {
      g_autoptr (GError) finish_error = NULL;
      gboolean done = FALSE;

      if (!_lc_exam_finish (db, NULL, attempt_id, LC_SUBMITTED_BY_DEADLINE, &done, &finish_error))
        g_warning ("An overdue attempt %lld could not be submitted: %s", (long long) attempt_id, finish_error->message);
    }
  return FALSE;
}

gboolean
lc_exam_answer (LcSession *session, gint64 attempt_id, int pos, const char *response, GError **error)
{
  static const char *const sql =
      "UPDATE attempt_item SET response = ?, answered_at = ? WHERE attempt_id = ? AND pos = ?";
  g_auto (ItemContext) c = { 0 };
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *stored = NULL;
  gboolean cleared = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  db = lc_session_get_db (session);
  if (pos < 1)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ITEM, _ ("The attempt has no question %d."), pos);
      return FALSE;
    }
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!open_item (session, attempt_id, pos, &c, error))
    return fail_item (db, attempt_id, error);
  stored = _lc_exam_response_from_shown (c.type, c.option_order, response, &cleared, error);
  if (stored == NULL && !cleared)
    return fail_item (db, attempt_id, error);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return fail_item (db, attempt_id, error);
  lc_stmt_bind_text (stmt, 1, stored);
  if (!cleared)
    lc_stmt_bind_int (stmt, 2, lc_db_now (db));
  lc_stmt_bind_int (stmt, 3, attempt_id);
  lc_stmt_bind_int (stmt, 4, pos);
  if (!lc_db_step_done (db, stmt, error))
    {
      lc_db_release (g_steal_pointer (&stmt));
      return fail_item (db, attempt_id, error);
    }
  lc_db_release (g_steal_pointer (&stmt));
  if (!lc_db_commit (db, error))
    return fail_item (db, attempt_id, error);
  return TRUE;
}

gboolean
lc_exam_set_flag (LcSession *session, gint64 attempt_id, int pos, gboolean flagged, GError **error)
{
  static const char *const sql = "UPDATE attempt_item SET flagged = ? WHERE attempt_id = ? AND pos = ?";
  g_auto (ItemContext) c = { 0 };
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  db = lc_session_get_db (session);
  if (pos < 1)
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ITEM, _ ("The attempt has no question %d."), pos);
      return FALSE;
    }
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!open_item (session, attempt_id, pos, &c, error) || (stmt = lc_db_prepare (db, sql, error)) == NULL)
    return fail_item (db, attempt_id, error);
  lc_stmt_bind_int (stmt, 1, flagged ? 1 : 0);
  lc_stmt_bind_int (stmt, 2, attempt_id);
  lc_stmt_bind_int (stmt, 3, pos);
  if (!lc_db_step_done (db, stmt, error))
    {
      lc_db_release (g_steal_pointer (&stmt));
      return fail_item (db, attempt_id, error);
    }
  lc_db_release (g_steal_pointer (&stmt));
  if (!lc_db_commit (db, error))
    return fail_item (db, attempt_id, error);
  return TRUE;
}

gboolean
lc_exam_record_focus_loss (LcSession *session, gint64 attempt_id, int *count, gboolean *submitted, GError **error)
{
  static const char *const bump_sql = "UPDATE attempt SET focus_losses = focus_losses + 1 WHERE id = ?";
  static const char *const read_sql = "SELECT a.focus_losses, e.focus_loss_limit FROM attempt a "
                                      "JOIN exam e ON e.id = a.exam_id WHERE a.id = ?";
  g_auto (ItemContext) c = { 0 };
  g_autoptr (LcStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 losses = 0, limit = 0;
  gboolean done = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (count != NULL)
    *count = 0;
  if (submitted != NULL)
    *submitted = FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!open_item (session, attempt_id, 0, &c, error) || (stmt = lc_db_prepare (db, bump_sql, error)) == NULL)
    return fail_item (db, attempt_id, error);
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if (!lc_db_step_done (db, stmt, error))
    {
      lc_db_release (g_steal_pointer (&stmt));
      return fail_item (db, attempt_id, error);
    }
  lc_db_release (g_steal_pointer (&stmt));
  if ((stmt = lc_db_prepare (db, read_sql, error)) == NULL)
    return fail_item (db, attempt_id, error);
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    {
      lc_db_release (g_steal_pointer (&stmt));
      return fail_item (db, attempt_id, error);
    }
  if (has_row)
    {
      losses = lc_stmt_int (stmt, 0);
      limit = lc_stmt_int (stmt, 1);
    }
  lc_db_release (g_steal_pointer (&stmt));
  if (!lc_db_commit (db, error))
    return fail_item (db, attempt_id, error);
  if (count != NULL)
    *count = (int) losses;
  if (limit > 0 && losses >= limit)
    {
      if (!_lc_exam_finish (db, NULL, attempt_id, LC_SUBMITTED_BY_FOCUS, &done, error))
        return FALSE;
      if (submitted != NULL)
        *submitted = done;
    }
  return TRUE;
}

gboolean
lc_exam_submit (LcSession *session, gint64 attempt_id, GError **error)
{
  g_autoptr (LcAttempt) attempt = NULL;
  gboolean done = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  db = lc_session_get_db (session);
  if ((attempt = load_attempt (db, attempt_id, error)) == NULL)
    return FALSE;
  if (!require_actor (session, attempt->officer_id, attempt_id, error))
    return FALSE;
  if (attempt->state != LC_ATTEMPT_IN_PROGRESS)
    {
      g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED, _ ("The attempt was already submitted."));
      return FALSE;
    }
  if (!_lc_exam_finish (db, NULL, attempt_id,
                        lc_db_now (db) >= attempt->deadline_at ? LC_SUBMITTED_BY_DEADLINE : LC_SUBMITTED_BY_OFFICER,
                        &done, error))
    return FALSE;
  if (!done)
    {
      g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED, _ ("The attempt was already submitted."));
      return FALSE;
    }
  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

/* The attempt for a reader: its officer, LC_PERM_READ_RESULTS or
 * LC_PERM_MANAGE_EXAMS; an overdue attempt is submitted first, so that
 * nobody reads one "in progress" past its deadline. *exam gets its exam. */
static LcAttempt *
attempt_for_reader (LcSession *session, gint64 attempt_id, LcExam **exam, GError **error)
{
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcAttempt) attempt = NULL;
  gboolean done = FALSE;

  if ((attempt = load_attempt (db, attempt_id, error)) == NULL)
    return NULL;
  if (!is_own (session, attempt->officer_id) && !lc_session_can (session, LC_PERM_READ_RESULTS)
      && !lc_session_can (session, LC_PERM_MANAGE_EXAMS))
    {
      if (lc_session_get_role (session) == LC_ROLE_OFFICER)
        unknown_attempt (error, attempt_id);
      else
        lc_session_require (session, LC_PERM_READ_RESULTS, error);
      return NULL;
    }
  if (attempt->state == LC_ATTEMPT_IN_PROGRESS && lc_db_now (db) >= attempt->deadline_at)
    {
      if (!_lc_exam_finish (db, NULL, attempt_id, LC_SUBMITTED_BY_DEADLINE, &done, error))
        return NULL;
      lc_attempt_free (g_steal_pointer (&attempt));
      if ((attempt = load_attempt (db, attempt_id, error)) == NULL)
        return NULL;
    }
  if ((*exam = _lc_exam_load (db, attempt->exam_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&attempt);
}

LcAttempt *
lc_exam_get_attempt (LcSession *session, gint64 attempt_id, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (LcAttempt) attempt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if ((attempt = attempt_for_reader (session, attempt_id, &exam, error)) == NULL)
    return NULL;
  if (!lc_session_can (session, LC_PERM_READ_RESULTS)
      && officer_review (exam, lc_db_now (lc_session_get_db (session))) < LC_REVIEW_SCORE)
    hide_score (attempt);
  return g_steal_pointer (&attempt);
}

typedef struct
{
  int pos;
  int section_pos;
  gint64 version_id;
  char *option_order;
  gint64 points;
  char *response;
  gboolean flagged;
  gint64 answered_at;
  gint64 awarded; /* -1: NULL */
  char *comment;
} StoredItem;

static void
stored_item_free (StoredItem *s)
{
  g_free (s->option_order);
  g_free (s->response);
  g_free (s->comment);
  g_free (s);
}

static gpointer
read_stored_item (LcStmt *stmt)
{
  StoredItem *s = g_new0 (StoredItem, 1);

  s->pos = (int) lc_stmt_int (stmt, 0);
  s->section_pos = (int) lc_stmt_int (stmt, 1);
  s->version_id = lc_stmt_int (stmt, 2);
  s->option_order = lc_stmt_dup_text (stmt, 3);
  s->points = lc_stmt_int (stmt, 4);
  s->response = lc_stmt_dup_text_or_null (stmt, 5);
  s->flagged = lc_stmt_int (stmt, 6) != 0;
  s->answered_at = lc_stmt_int (stmt, 7);
  s->awarded = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : lc_stmt_int (stmt, 8);
  s->comment = lc_stmt_dup_text_or_null (stmt, 9);
  return s;
}

LcPaper *
lc_exam_get_paper (LcSession *session, gint64 attempt_id, GError **error)
{
  static const char *const sql =
      "SELECT pos, section_pos, question_version_id, option_order, points, response, flagged, "
      "coalesce(answered_at, 0), awarded, grader_comment FROM attempt_item WHERE attempt_id = ? ORDER BY pos";
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (LcPaper) paper = NULL;
  gboolean with_key, with_awarded;
  LcDb *db;
  gint64 now;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  if ((attempt = attempt_for_reader (session, attempt_id, &exam, error)) == NULL)
    return NULL;
  now = lc_db_now (db);
  /* Who may read which part: THE rule that keeps the key from an officer
   * before submission. Nothing below reads a key column unless with_key. */
  if (lc_session_can (session, LC_PERM_MANAGE_EXAMS) || lc_session_can (session, LC_PERM_GRADE))
    with_key = with_awarded = TRUE;
  else if (is_own (session, attempt->officer_id))
    {
      LcReviewPolicy review = officer_review (exam, now);

      if (attempt->state == LC_ATTEMPT_IN_PROGRESS)
        with_key = with_awarded = FALSE;
      else if (review >= LC_REVIEW_ANSWERS)
        {
          with_key = review == LC_REVIEW_FULL;
          with_awarded = TRUE;
        }
      else
        {
          g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_REVIEW_CLOSED,
                               exam->review_after_close && now < exam->closes_at
                                       && exam->review_policy >= LC_REVIEW_ANSWERS
                                   ? _ ("The papers of this exam can be reviewed once it has closed.")
                                   : _ ("The papers of this exam are not shown after submission."));
          return NULL;
        }
      if (review < LC_REVIEW_SCORE)
        hide_score (attempt);
    }
  else
    {
      /* Personnel read results, never papers: they would read the key. */
      lc_session_require (session, LC_PERM_MANAGE_EXAMS, error);
      return NULL;
    }

  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, attempt_id);
  if ((stored = lc_db_collect (db, stmt, read_stored_item, (GDestroyNotify) stored_item_free, error)) == NULL)
    return NULL;
  lc_db_release (g_steal_pointer (&stmt));

  paper = g_new0 (LcPaper, 1);
  paper->exam_id = exam->id;
  paper->exam_title = g_strdup (exam->title);
  paper->seed = attempt->seed;
  paper->max_score = attempt->max_score;
  paper->deadline_at = attempt->deadline_at;
  paper->now = now;
  paper->has_key = with_key;
  paper->has_awarded = with_awarded;
  paper->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_paper_item_free);
  for (guint i = 0; i < stored->len; i++)
    {
      const StoredItem *s = g_ptr_array_index (stored, i);
      g_autoptr (GArray) order = _lc_exam_split_positions (s->option_order);
      LcPaperItem *item = _lc_exam_paper_item_new (db, s->version_id, order, with_key, error);

      if (item == NULL)
        return NULL;
      item->pos = s->pos;
      item->section_pos = s->section_pos;
      item->points = s->points;
      item->response = _lc_exam_response_to_shown (item->type, order, s->response);
      item->flagged = s->flagged;
      item->answered_at = s->answered_at;
      if (with_awarded)
        {
          item->awarded = s->awarded;
          item->grader_comment = g_strdup (s->comment);
        }
      g_ptr_array_add (paper->items, item);
    }
  paper->attempt = g_steal_pointer (&attempt);
  return g_steal_pointer (&paper);
}

/* Results ---------------------------------------------------------------- */

GPtrArray *
lc_exam_list_attempts (LcSession *session, gint64 exam_id, gint64 officer_id, GError **error)
{
  static const char *const sql =
      "SELECT " ATTEMPT_COLUMNS ATTEMPT_FROM "WHERE (?1 = 0 OR a.exam_id = ?1) AND (?2 = 0 OR a.officer_id = ?2) "
      "ORDER BY e.opens_at DESC, a.exam_id, o.staff_no, a.no";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  gboolean officer_only = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_can (session, LC_PERM_READ_RESULTS))
    {
      if (lc_session_get_role (session) != LC_ROLE_OFFICER || lc_session_get_officer_id (session) == 0
          || (officer_id != 0 && officer_id != lc_session_get_officer_id (session)))
        {
          if (lc_session_get_role (session) == LC_ROLE_OFFICER)
            g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
                         _ ("The account “%s” may only see its own record."), lc_session_get_login (session));
          else
            lc_session_require (session, LC_PERM_READ_RESULTS, error);
          return NULL;
        }
      officer_id = lc_session_get_officer_id (session);
      officer_only = TRUE;
    }
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, exam_id);
  lc_stmt_bind_int (stmt, 2, officer_id);
  if ((attempts = lc_db_collect (db, stmt, read_attempt, (GDestroyNotify) lc_attempt_free, error)) == NULL)
    return NULL;
  lc_db_release (g_steal_pointer (&stmt));
  if (officer_only)
    {
      g_autoptr (GHashTable) exams =
          g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) lc_exam_free);
      gint64 now = lc_db_now (db);

      for (guint i = 0; i < attempts->len; i++)
        {
          LcAttempt *a = g_ptr_array_index (attempts, i);
          LcExam *exam = g_hash_table_lookup (exams, &a->exam_id);

          if (exam == NULL)
            {
              if ((exam = _lc_exam_load (db, a->exam_id, error)) == NULL)
                return NULL;
              g_hash_table_insert (exams, &exam->id, exam);
            }
          if (officer_review (exam, now) < LC_REVIEW_SCORE)
            hide_score (a);
        }
    }
  return g_steal_pointer (&attempts);
}

static int
compare_my_exams (gconstpointer a, gconstpointer b)
{
  const LcMyExam *x = *(LcMyExam *const *) a;
  const LcMyExam *y = *(LcMyExam *const *) b;
  gint64 kx, ky;

  if (x->when != y->when)
    return x->when < y->when ? -1 : 1;
  switch (x->when)
    {
    case LC_MY_EXAM_OPEN:
      kx = x->exam->closes_at;
      ky = y->exam->closes_at;
      break;
    case LC_MY_EXAM_UPCOMING:
      kx = x->exam->opens_at;
      ky = y->exam->opens_at;
      break;
    case LC_MY_EXAM_PAST:
    default:
      kx = -x->exam->closes_at;
      ky = -y->exam->closes_at;
      break;
    }
  if (kx != ky)
    return kx < ky ? -1 : 1;
  return x->exam->id < y->exam->id ? -1 : x->exam->id > y->exam->id;
}

GPtrArray *
lc_exam_my_exams (LcSession *session, gint64 officer_id, GError **error)
{
  static const char *const sql = "SELECT id FROM exam WHERE status = 'published' OR id IN "
                                 "(SELECT exam_id FROM attempt WHERE officer_id = ?) ORDER BY id";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_my_exam_free);
  gboolean has_row = FALSE;
  gint64 now;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!is_own (session, officer_id) && !lc_session_can (session, LC_PERM_READ_RESULTS))
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
                   _ ("The account “%s” may only see its own record."), lc_session_get_login (session));
      return NULL;
    }
  db = lc_session_get_db (session);
  if (!submit_overdue (db, 0, officer_id, NULL, error))
    return NULL;
  now = lc_db_now (db);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, officer_id);
  for (;;)
    {
      gint64 id;

      if (!lc_db_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = lc_stmt_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  lc_db_release (g_steal_pointer (&stmt));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (LcExam) exam = _lc_exam_load (db, g_array_index (ids, gint64, i), error);
      g_autoptr (GPtrArray) attempts = NULL;
      g_autoptr (LcMyExam) my = NULL;
      gboolean eligible = FALSE;
      gboolean shows_score;

      if (exam == NULL || !check_eligible (db, exam, officer_id, &eligible, error))
        return NULL;
      if ((stmt = lc_db_prepare (
               db, "SELECT " ATTEMPT_COLUMNS ATTEMPT_FROM "WHERE a.exam_id = ? AND a.officer_id = ? ORDER BY a.no",
               error))
          == NULL)
        return NULL;
      lc_stmt_bind_int (stmt, 1, exam->id);
      lc_stmt_bind_int (stmt, 2, officer_id);
      if ((attempts = lc_db_collect (db, stmt, read_attempt, (GDestroyNotify) lc_attempt_free, error)) == NULL)
        return NULL;
      lc_db_release (g_steal_pointer (&stmt));
      if (!eligible && attempts->len == 0)
        continue;
      my = g_new0 (LcMyExam, 1);
      my->when = now < exam->opens_at ? LC_MY_EXAM_UPCOMING : now < exam->closes_at ? LC_MY_EXAM_OPEN : LC_MY_EXAM_PAST;
      my->attempts_used = attempts->len;
      my->attempts_left = exam->max_attempts == 0 ? -1 : MAX (0, exam->max_attempts - (int) attempts->len);
      shows_score = lc_session_can (session, LC_PERM_READ_RESULTS) || officer_review (exam, now) >= LC_REVIEW_SCORE;
      for (guint k = 0; k < attempts->len; k++)
        {
          const LcAttempt *a = g_ptr_array_index (attempts, k);

          if (a->state == LC_ATTEMPT_IN_PROGRESS)
            my->attempt_in_progress = a->id;
          if (a->state == LC_ATTEMPT_AWAITING_GRADING)
            my->awaiting_grading = TRUE;
          if (shows_score && a->has_score)
            {
              if (!my->has_best || a->score > my->best_score)
                my->best_score = a->score;
              my->has_best = TRUE;
              my->passed = my->passed || a->passed;
            }
        }
      my->can_start = my->when == LC_MY_EXAM_OPEN && exam->status == LC_EXAM_PUBLISHED
                      && (my->attempt_in_progress != 0 || (eligible && my->attempts_left != 0));
      my->exam = g_steal_pointer (&exam);
      g_ptr_array_add (result, g_steal_pointer (&my));
    }
  g_ptr_array_sort (result, compare_my_exams);
  return g_steal_pointer (&result);
}

static gpointer
read_response (LcStmt *stmt)
{
  LcExamResponse *r = g_new0 (LcExamResponse, 1);
  g_autofree char *type = lc_stmt_dup_text (stmt, 6);
  g_autofree char *response = lc_stmt_dup_text_or_null (stmt, 7);

  r->attempt_id = lc_stmt_int (stmt, 0);
  r->officer_id = lc_stmt_int (stmt, 1);
  r->pos = (int) lc_stmt_int (stmt, 2);
  r->question_id = lc_stmt_int (stmt, 3);
  r->question_uid = lc_stmt_dup_text (stmt, 4);
  r->question_version_id = lc_stmt_int (stmt, 5);
  r->version_no = (int) lc_stmt_int (stmt, 10);
  lc_question_type_from_string (type, &r->type);
  r->answered = response != NULL;
  if (r->type == LC_QUESTION_FILL || r->type == LC_QUESTION_ESSAY)
    r->text = g_steal_pointer (&response);
  else if (response != NULL)
    {
      g_autoptr (GArray) positions = _lc_exam_split_positions (response);

      for (guint i = 0; i < positions->len; i++)
        {
          int pos = g_array_index (positions, int, i);

          if (pos >= 0 && pos < 64)
            r->chosen |= G_GUINT64_CONSTANT (1) << pos;
        }
    }
  r->points = lc_stmt_int (stmt, 8);
  r->awarded = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : lc_stmt_int (stmt, 9);
  return r;
}

GPtrArray *
lc_exam_list_responses (LcSession *session, gint64 exam_id, GError **error)
{
  static const char *const sql =
      "SELECT i.attempt_id, a.officer_id, i.pos, v.question_id, q.uid, i.question_version_id, v.type, i.response, "
      "i.points, i.awarded, v.no FROM attempt a JOIN attempt_item i ON i.attempt_id = a.id "
      "JOIN question_version v ON v.id = i.question_version_id JOIN question q ON q.id = v.question_id "
      "WHERE a.exam_id = ? AND a.state <> 'in_progress' ORDER BY a.id, i.pos";
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, exam_id);
  return lc_db_collect (db, stmt, read_response, (GDestroyNotify) lc_exam_response_free, error);
}
