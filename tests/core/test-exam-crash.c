/* test-exam-crash.c: nothing reported saved is lost. A helper process
 * answers an attempt and acknowledges each committed answer on a pipe; it is
 * killed with SIGKILL after a number of acknowledgements chosen by a fixed
 * seed (while it goes on writing, so the kill lands anywhere in its loop).
 * After each kill the database, opened afresh, must hold every acknowledged
 * answer (or a later one of the same item) and pass integrity_check and
 * foreign_key_check; the next round resumes the same attempt. */
#include "config.h"

#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lc-exam-private.h"
#include "lc-exam.h"
#include "lc-test-exam.h"

#define N_ITEMS 6
#define N_ROUNDS 12

/* Runs the helper until @acks acknowledgements have come, kills it, and
 * reads what it acknowledged before it died into @last (per item). */
static guint
run_and_kill (gint64 attempt_id, gint64 officer_id, gint64 first, guint acks, gint64 last[N_ITEMS + 1])
{
  const char *helper = g_getenv ("LC_EXAM_CRASH_HELPER");
  g_autofree char *attempt = g_strdup_printf ("%" G_GINT64_FORMAT, attempt_id);
  g_autofree char *officer = g_strdup_printf ("%" G_GINT64_FORMAT, officer_id);
  g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, LC_TEST_NOW + 60);
  const char *argv[] = { helper, lc_test.path, attempt, officer, from, now, NULL };
  g_autoptr (GError) error = NULL;
  char line[128];
  guint seen = 0;
  gboolean killed = FALSE;
  GPid pid;
  int out_fd, status;
  FILE *out;

  ck_assert_msg (helper != NULL, "LC_EXAM_CRASH_HELPER is not set");
  ck_assert_msg (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                           NULL, &out_fd, NULL, &error),
                 "%s", error ? error->message : "");
  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL)
    {
      int pos;
      gint64 n;

      ck_assert_msg (sscanf (line, "%d %" G_GINT64_FORMAT, &pos, &n) == 2 && pos >= 1 && pos <= N_ITEMS, "“%s”", line);
      last[pos] = n;
      if (++seen == acks)
        {
          /* The pipe still holds what the helper wrote meanwhile: read to its end. */
          kill (pid, SIGKILL);
          killed = TRUE;
        }
    }
  fclose (out);
  ck_assert (waitpid (pid, &status, 0) == pid);
  g_spawn_close_pid (pid);
  ck_assert_msg (killed && WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                 "the helper ended on its own after %u answers (status %d)", seen, status);
  return seen;
}

START_TEST (test_kill_while_answering)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("断电");
  g_autoptr (GError) error = NULL;
  gint64 dept = lc_test_add_department ("D01", "市场监督管理局", 0);
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  gint64 last[N_ITEMS + 1] = { 0 };
  gint64 exam_id, attempt_id = 0;
  LcExamRng rng;

  for (int i = 0; i <= N_ITEMS; i++)
    last[i] = -1;
  lc_test_add_questions (LC_QUESTION_FILL, "行政处罚法", 3, N_ITEMS, "填空");
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_FILL, N_ITEMS, 100, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  ck_assert (lc_exam_start (lc_test.system, exam_id, officer, &attempt_id, NULL, &error));
  _lc_exam_rng_init (&rng, 20261129);
  for (int round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr (LcDb) db = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      guint acks = 1 + (guint) _lc_exam_rng_below (&rng, 25);

      run_and_kill (attempt_id, officer, (gint64) round * 1000000, acks, last);
      db = lc_db_open (lc_test.path, &error);
      ck_assert_msg (db != NULL, "%s", error ? error->message : "");
      for (int pos = 1; pos <= N_ITEMS; pos++)
        {
          g_autofree char *sql = NULL;
          g_autofree char *stored = NULL;
          gint64 n;

          if (last[pos] < 0)
            continue;
          sql = g_strdup_printf ("SELECT coalesce(response, '') FROM attempt_item WHERE attempt_id = %" G_GINT64_FORMAT
                                 " AND pos = %d",
                                 attempt_id, pos);
          stored = g_strstrip (lc_test_query_text (sql));
          ck_assert_msg (g_str_has_prefix (stored, "ans-"), "round %d, item %d: “%s”", round, pos, stored);
          n = g_ascii_strtoll (stored + 4, NULL, 10);
          /* the acknowledged answer, or one given after it and committed before the kill */
          ck_assert_msg (n >= last[pos],
                         "round %d, item %d: acknowledged %" G_GINT64_FORMAT ", found %" G_GINT64_FORMAT, round, pos,
                         last[pos], n);
        }
      ck_assert (lc_db_check (db, &problems, &error));
      ck_assert_msg (problems->len == 0, "%s", (char *) g_ptr_array_index (problems, 0));
      ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'in_progress'"), 1);
    }
}
END_TEST

static Suite *
crash_suite (void)
{
  Suite *suite = suite_create ("exam-crash");
  TCase *tc = tcase_create ("kill");

  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_kill_while_answering);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lc_test_run (crash_suite ());
}
