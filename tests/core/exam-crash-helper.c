/* exam-crash-helper: an officer answering an attempt as fast as the disk
 * allows, for test-exam-crash, which kills it with SIGKILL.
 *
 *   exam-crash-helper DATABASE ATTEMPT OFFICER FIRST NOW
 *
 * Answers item (n % items) + 1 with "ans-<n>" for n = FIRST, FIRST + 1, …,
 * and after each answer lc_exam_answer() reported saved prints "<pos> <n>"
 * on standard output and flushes it: the acknowledgement the test holds the
 * database to. NOW is the injected clock (unix seconds). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "lc-exam.h"

static gint64 now;

static gint64
fixed_clock (gpointer user_data)
{
  return now;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autoptr (LcPaper) paper = NULL;
  gint64 attempt_id, officer_id, n;

  if (argc != 6)
    {
      fprintf (stderr, "usage: exam-crash-helper DATABASE ATTEMPT OFFICER FIRST NOW\n");
      return 2;
    }
  attempt_id = g_ascii_strtoll (argv[2], NULL, 10);
  officer_id = g_ascii_strtoll (argv[3], NULL, 10);
  n = g_ascii_strtoll (argv[4], NULL, 10);
  now = g_ascii_strtoll (argv[5], NULL, 10);
  if ((db = lc_db_open (argv[1], &error)) == NULL)
    goto fail;
  lc_db_set_clock (db, fixed_clock, NULL);
  session = lc_session_new (db, 0, "crash-helper", LC_ROLE_OFFICER, officer_id, FALSE);
  if ((paper = lc_exam_get_paper (session, attempt_id, &error)) == NULL || paper->items->len == 0)
    goto fail;
  for (;; n++)
    {
      int pos = (int) (n % paper->items->len) + 1;
      g_autofree char *text = g_strdup_printf ("ans-%" G_GINT64_FORMAT, n);

      if (!lc_exam_answer (session, attempt_id, pos, text, &error))
        goto fail;
      printf ("%d %" G_GINT64_FORMAT "\n", pos, n);
      fflush (stdout);
    }

fail:
  fprintf (stderr, "exam-crash-helper: %s\n", error != NULL ? error->message : "the paper is empty");
  return 1;
}
