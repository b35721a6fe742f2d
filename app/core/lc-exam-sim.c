/* lc-exam-sim.c: finished attempts made up from a model of who answers
 * right, for the demo's past exams and for the benchmarks. Responses are
 * built from the key and stored as an officer's would be, then graded by
 * the same code as every attempt, so scores always agree with answers. */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include "lc-exam-private.h"

typedef struct
{
  int pos;
  gboolean correct;
} SimOption;

/* The key and difficulty of a version. */
static gboolean
read_version (LcDb *db, gint64 version_id, int *difficulty, GArray *options, GError **error)
{
  static const char *const version_sql = "SELECT difficulty FROM question_version WHERE id = ?";
  static const char *const options_sql = "SELECT pos, correct FROM option WHERE version_id = ? ORDER BY pos";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, version_sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, version_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *difficulty = has_row ? (int) lc_stmt_int (stmt, 0) : 3;
  lc_db_release (g_steal_pointer (&stmt));
  if ((stmt = lc_db_prepare (db, options_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, version_id);
  g_array_set_size (options, 0);
  for (;;)
    {
      SimOption o;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      o.pos = (int) lc_stmt_int (stmt, 0);
      o.correct = lc_stmt_int (stmt, 1) != 0;
      g_array_append_val (options, o);
    }
}

/* The stored response ("0,2", text) for @outcome, or NULL for none. */
static char *
make_response (LcExamRng *rng, LcQuestionType type, GArray *options, LcExamSimAnswer outcome)
{
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) wrong = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) right = g_array_new (FALSE, FALSE, sizeof (int));

  if (outcome == LC_EXAM_SIM_BLANK)
    return NULL;
  if (type == LC_QUESTION_ESSAY)
    return g_strdup (outcome == LC_EXAM_SIM_RIGHT ? "应当依法告知当事人并听取陈述、申辩。" : "不清楚。");
  if (type == LC_QUESTION_FILL)
    {
      for (guint i = 0; i < options->len; i++)
        if (g_array_index (options, SimOption, i).correct)
          return outcome == LC_EXAM_SIM_RIGHT ? NULL : g_strdup ("不清楚");
      return g_strdup ("不清楚");
    }
  for (guint i = 0; i < options->len; i++)
    {
      const SimOption *o = &g_array_index (options, SimOption, i);
      g_array_append_val (o->correct ? right : wrong, o->pos);
    }
  if (outcome == LC_EXAM_SIM_RIGHT || wrong->len == 0)
    g_array_append_vals (chosen, right->data, right->len);
  else if (type != LC_QUESTION_MULTIPLE)
    g_array_append_val (chosen, g_array_index (wrong, int, _lc_exam_rng_below (rng, wrong->len)));
  else
    {
      /* 少选 (one right option left out) or 错选 (a wrong one added). */
      guint drop =
          right->len > 1 && _lc_exam_rng_below (rng, 2) == 0 ? (guint) _lc_exam_rng_below (rng, right->len) : G_MAXUINT;

      for (guint i = 0; i < right->len; i++)
        if (i != drop)
          g_array_append_val (chosen, g_array_index (right, int, i));
      if (drop == G_MAXUINT)
        g_array_append_val (chosen, g_array_index (wrong, int, _lc_exam_rng_below (rng, wrong->len)));
    }
  {
    /* Stored responses hold positions in ascending order. */
    gboolean sorted = FALSE;
    while (!sorted)
      {
        sorted = TRUE;
        for (guint i = 1; i < chosen->len; i++)
          if (g_array_index (chosen, int, i - 1) > g_array_index (chosen, int, i))
            {
              int swap = g_array_index (chosen, int, i);
              g_array_index (chosen, int, i) = g_array_index (chosen, int, i - 1);
              g_array_index (chosen, int, i - 1) = swap;
              sorted = FALSE;
            }
      }
  }
  return chosen->len > 0 ? _lc_exam_join_positions (chosen) : NULL;
}

/* A right fill-in answer: the first accepted text. */
static gboolean
fill_answer (LcDb *db, gint64 version_id, char **text, GError **error)
{
  static const char *const sql = "SELECT text FROM option WHERE version_id = ? AND correct = 1 ORDER BY pos LIMIT 1";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, version_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *text = has_row ? lc_stmt_dup_text (stmt, 0) : NULL;
  return TRUE;
}

gboolean
_lc_exam_simulate_attempt (LcDb *db, const LcExam *exam, gint64 officer_id, int no, guint64 seed, gint64 started_at,
                           gint64 submitted_at, LcExamSimFunc answer, gpointer user_data, LcExamGrader *grader,
                           gint64 *attempt_id, GError **error)
{
  static const char *const attempt_sql =
      "INSERT INTO attempt (exam_id, officer_id, no, seed, started_at, deadline_at, submitted_at, state, max_score, "
      "submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, 'officer')";
  static const char *const item_sql =
      "INSERT INTO attempt_item (attempt_id, pos, section_pos, question_version_id, option_order, points, response, "
      "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GArray) options = g_array_new (FALSE, FALSE, sizeof (SimOption));
  g_autoptr (LcStmt) stmt = NULL;
  gint64 deadline = MIN (started_at + (gint64) exam->minutes * 60, exam->closes_at);
  LcExamRng rng;
  gint64 id;

  g_return_val_if_fail (exam->id > 0 && submitted_at >= started_at, FALSE);
  if (!_lc_exam_draw (db, exam, officer_id, seed, FALSE, &items, error))
    return FALSE;
  /* Answers draw from their own stream, so the paper stays the seed's. */
  _lc_exam_rng_init (&rng, seed ^ G_GUINT64_CONSTANT (0x5deece66d));
  if ((stmt = lc_db_prepare (db, attempt_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam->id);
  lc_stmt_bind_int (stmt, 2, officer_id);
  lc_stmt_bind_int (stmt, 3, no);
  lc_stmt_bind_int (stmt, 4, (gint64) seed);
  lc_stmt_bind_int (stmt, 5, started_at);
  lc_stmt_bind_int (stmt, 6, deadline);
  lc_stmt_bind_int (stmt, 7, MIN (submitted_at, deadline));
  lc_stmt_bind_int (stmt, 8, lc_exam_max_score (exam));
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  id = lc_db_last_insert_id (db);

  for (guint i = 0; i < items->len; i++)
    {
      const LcDrawnItem *d = g_ptr_array_index (items, i);
      g_autofree char *order = _lc_exam_join_positions (d->option_order);
      g_autofree char *response = NULL;
      LcExamSimAnswer outcome;
      int difficulty = 3;

      if (!read_version (db, d->version_id, &difficulty, options, error))
        return FALSE;
      outcome = answer (d->question_id, d->type, difficulty, user_data);
      response = make_response (&rng, d->type, options, outcome);
      if (response == NULL && d->type == LC_QUESTION_FILL && outcome == LC_EXAM_SIM_RIGHT
          && !fill_answer (db, d->version_id, &response, error))
        return FALSE;
      if ((stmt = lc_db_prepare (db, item_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, id);
      lc_stmt_bind_int (stmt, 2, i + 1);
      lc_stmt_bind_int (stmt, 3, d->section_pos);
      lc_stmt_bind_int (stmt, 4, d->version_id);
      lc_stmt_bind_text (stmt, 5, order);
      lc_stmt_bind_int (stmt, 6, d->points);
      lc_stmt_bind_text (stmt, 7, response);
      /* Answered in paper order across the time taken. */
      if (response != NULL)
        lc_stmt_bind_int (stmt, 8,
                          started_at + (MIN (submitted_at, deadline) - started_at) * (i + 1) / (items->len + 1));
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
      lc_db_release (g_steal_pointer (&stmt));
    }
  if (grader != NULL && !_lc_exam_grader_grade (grader, id, error))
    return FALSE;
  if (attempt_id != NULL)
    *attempt_id = id;
  return TRUE;
}
