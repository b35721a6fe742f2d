/* bench-exam: randomized exams on a 50,000-question bank — assembling a
 * 100-question paper, grading 10,000 attempts, and the latency of
 * committing one answer (WAL, synchronous=FULL, on a file). Prints
 * figures; asserts nothing about time (targets: assembly under 5 ms,
 * grading under 1 s). */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "lc-bank.h"
#include "lc-db.h"
#include "lc-exam-private.h"
#include "lc-exam.h"
#include "lc-law.h"
#include "lc-people.h"
#include "lc-test-gift-sample.h"

#define REPEATS 10000 /* five questions each: 10,000 of each type */
#define N_GRADED 10000
#define N_DRAWN 100 /* distinct papers, copied to make N_GRADED attempts */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

/* 40 single (1 point), 20 multiple (2), 20 true/false (1), 20 fill-in (1): 100 questions. */
static gint64
make_exam (LcSession *session, const char *title)
{
  g_autoptr (LcExam) exam = lc_exam_new ();
  GError *error = NULL;
  gint64 now = lc_db_now (lc_session_get_db (session));
  gint64 id = 0;

  exam->title = g_strdup (title);
  exam->opens_at = now - 3600;
  exam->closes_at = now + 30 * 86400;
  exam->minutes = 600;
  exam->max_attempts = 0;
  lc_exam_add_section (exam, NULL, LC_QUESTION_SINGLE, 40, 100, 1, 5);
  lc_exam_add_section (exam, NULL, LC_QUESTION_MULTIPLE, 20, 200, 1, 5);
  lc_exam_add_section (exam, NULL, LC_QUESTION_TRUEFALSE, 20, 100, 1, 5);
  lc_exam_add_section (exam, NULL, LC_QUESTION_FILL, 20, 100, 1, 5);
  exam->pass_score = 7200;
  exam->status = LC_EXAM_PUBLISHED;
  check (lc_exam_create (session, exam, &id, &error), error);
  return id;
}

static LcExamSimAnswer
two_in_three (gint64 question_id, LcQuestionType type, int difficulty, gpointer user_data)
{
  guint *n = user_data;

  return (*n)++ % 3 == 0 ? LC_EXAM_SIM_WRONG : LC_EXAM_SIM_RIGHT;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lexcert-bench-exam-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (LcDb) db = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autoptr (GString) text = lc_test_gift_sample (REPEATS);
  g_autoptr (LcExam) graded_exam = NULL;
  g_autoptr (GArray) attempt_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  LcBankImportResult result = { 0 };
  double times[200];
  double start, total, cpu_start;
  guint n_graded = 0;
  gint64 dept = 0, officer = 0, exam_id, grading_id, attempt_id = 0;
  guint counter = 0;
  sqlite3 *raw = NULL;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "exam.db", NULL);
  db = lc_db_open (path, &error);
  check (db != NULL && lc_law_ensure_shipped (db, &error), error);
  session = lc_session_new_system (db);
  start = now_ms ();
  check (lc_bank_import_gift (session, text->str, text->len, "bench.gift", LC_BANK_IMPORT_DEFAULT, &result, NULL, NULL,
                              &error),
         error);
  g_print ("exam bench: a bank of %u questions imported in %.0f ms\n", result.added, now_ms () - start);
  {
    LcOfficer o = { .staff_no = (char *) "B0001", .name = (char *) "基准", .status = LC_OFFICER_ACTIVE };

    check (lc_people_add_department (session, "B01", "基准测试局", 0, &dept, &error), error);
    o.department_id = dept;
    check (lc_people_add_officer (session, &o, &officer, &error), error);
  }

  /* "bench-exam grade": only the grading below (while tuning grading). */
  if (argc > 1 && g_str_equal (argv[1], "grade"))
    goto grading;

  /* Assembly: a trainer's sample paper as lc_exam_start() would draw it, key included. */
  exam_id = make_exam (session, "组卷基准");
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr (LcPaper) paper = NULL;

      start = now_ms ();
      check (lc_exam_assemble (session, exam_id, officer, 1000 + i, &paper, &error), error);
      times[i] = now_ms () - start;
      g_assert (paper->items->len == 100);
    }
  qsort (times, 50, sizeof (double), compare_doubles);
  g_print ("assemble a 100-question paper from %u questions: median %.2f ms, worst %.2f ms over 50 seeds "
           "(target < 5 ms)\n",
           result.added, times[25], times[49]);
  {
    g_autoptr (LcExam) exam = _lc_exam_load (db, exam_id, &error);

    for (guint i = 0; i < 50; i++)
      {
        g_autoptr (GPtrArray) drawn = NULL;

        start = now_ms ();
        check (_lc_exam_draw (db, exam, officer, 1000 + i, TRUE, &drawn, &error), error);
        times[i] = now_ms () - start;
      }
    qsort (times, 50, sizeof (double), compare_doubles);
    g_print ("  of which drawing the questions and shuffling their options: median %.2f ms, worst %.2f ms\n", times[25],
             times[49]);
  }
  for (guint i = 0; i < 20; i++)
    {
      start = now_ms ();
      check (lc_exam_start_with_seed (session, exam_id, officer, 5000 + i, &attempt_id, NULL, &error), error);
      times[i] = now_ms () - start;
      check (lc_exam_submit (session, attempt_id, &error), error);
    }
  qsort (times, 20, sizeof (double), compare_doubles);
  g_print ("start an attempt (draw with the history of earlier papers, store it, commit): median %.2f ms, "
           "worst %.2f ms over 20 starts\n",
           times[10], times[19]);

  /* "bench-exam assemble": only the above (while tuning assembly). */
  if (argc > 1 && g_str_equal (argv[1], "assemble"))
    return 0;

  /* Answer commits: each lc_exam_answer() is its own transaction, fsynced. */
  check (lc_exam_start_with_seed (session, exam_id, officer, 42, &attempt_id, NULL, &error), error);
  for (guint i = 0; i < 200; i++)
    {
      const char *response = i % 2 ? "A" : "B";
      int pos = (int) (i % 40) + 1;

      start = now_ms ();
      check (lc_exam_answer (session, attempt_id, pos, response, &error), error);
      times[i] = now_ms () - start;
    }
  qsort (times, 200, sizeof (double), compare_doubles);
  g_print ("commit one answer (WAL, synchronous=FULL, on %s): p50 %.2f ms, p99 %.2f ms, worst %.2f ms over 200\n", dir,
           times[100], times[197], times[199]);

grading:
  /* Grading: N_DRAWN papers answered two thirds right, copied to N_GRADED submitted attempts. */
  grading_id = make_exam (session, "阅卷基准");
  graded_exam = _lc_exam_load (db, grading_id, &error);
  check (graded_exam != NULL && lc_db_begin (db, &error), error);
  for (guint i = 0; i < N_DRAWN; i++)
    check (_lc_exam_simulate_attempt (db, graded_exam, officer, (int) i + 1, 7000 + i, lc_db_now (db) - 600,
                                      lc_db_now (db), two_in_three, &counter, NULL, NULL, &error),
           error);
  check (lc_db_commit (db, &error), error);
  if (sqlite3_open (path, &raw) != SQLITE_OK)
    g_error ("sqlite3_open failed");
  for (guint copy = 1; copy < N_GRADED / N_DRAWN; copy++)
    {
      g_autofree char *sql = g_strdup_printf (
          "BEGIN;"
          "INSERT INTO attempt (exam_id, officer_id, no, seed, started_at, deadline_at, submitted_at, state, "
          "max_score, submitted_by) SELECT exam_id, officer_id, no + %u, seed, started_at, deadline_at, submitted_at, "
          "state, max_score, submitted_by FROM attempt WHERE exam_id = %" G_GINT64_FORMAT " AND no <= %u;"
          "INSERT INTO attempt_item (attempt_id, pos, section_pos, question_version_id, option_order, points, "
          "response, answered_at) SELECT n.id, i.pos, i.section_pos, i.question_version_id, i.option_order, i.points, "
          "i.response, i.answered_at FROM attempt o JOIN attempt n ON n.exam_id = o.exam_id AND n.no = o.no + %u "
          "AND n.officer_id = o.officer_id JOIN attempt_item i ON i.attempt_id = o.id WHERE o.exam_id = "
          "%" G_GINT64_FORMAT " AND o.no <= %u;"
          "COMMIT;",
          copy * N_DRAWN, grading_id, N_DRAWN, copy * N_DRAWN, grading_id, N_DRAWN);

      if (sqlite3_exec (raw, sql, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("copying attempts: %s", sqlite3_errmsg (raw));
    }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM attempt WHERE exam_id = %" G_GINT64_FORMAT, grading_id);
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (attempt_ids, id);
      }
    sqlite3_finalize (stmt);
  }
  sqlite3_close (raw);

  /* One batch through the public entry point: each key read once, one
   * statement reading and one writing each attempt's items, one
   * transaction. CPU time too: the machine may be shared. */
  start = now_ms ();
  cpu_start = (double) clock () * 1000 / CLOCKS_PER_SEC;
  check (lc_exam_grade_submitted (session, grading_id, &n_graded, &error), error);
  total = now_ms () - start;
  g_assert (n_graded == attempt_ids->len);
  g_print ("grade %u submitted attempts of 100 questions (%u items, lc_exam_grade_submitted, one transaction): "
           "%.0f ms (CPU %.0f ms), %.2f us an item, %.1f us an attempt (target < 1000 ms)\n",
           n_graded, n_graded * 100, total, (double) clock () * 1000 / CLOCKS_PER_SEC - cpu_start,
           total * 1000 / (n_graded * 100.0), total * 1000 / n_graded);
  {
    g_autoptr (GPtrArray) attempts = lc_exam_list_attempts (session, grading_id, 0, &error);
    double sum = 0;

    check (attempts != NULL, error);
    for (guint i = 0; i < attempts->len; i++)
      sum += ((LcAttempt *) g_ptr_array_index (attempts, i))->score;
    g_print ("  (mean score %.1f of 120)\n", sum / attempts->len / 100);
  }

  g_clear_pointer (&session, g_object_unref);
  g_clear_pointer (&db, lc_db_unref);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
