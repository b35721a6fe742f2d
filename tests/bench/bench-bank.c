/* bench-bank: a 50,000-question bank: GIFT import into the database, and
 * search in it. Prints figures; asserts nothing about time (targets:
 * import under 3 s, search under 30 ms). Each scenario runs in a child
 * process so that its peak memory is its own. */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lc-bank.h"
#include "lc-db.h"
#include "lc-law.h"
#include "lc-test-gift-sample.h"

#define REPEATS 10000 /* five questions each */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static LcSession *
open_session (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (path, &error);

  if (db == NULL || !lc_law_ensure_shipped (db, &error))
    g_error ("%s", error->message);
  return lc_session_new_system (db);
}

static void
bench_import (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bank.db", NULL);
  g_autoptr (LcSession) session = open_session (path);
  g_autoptr (GString) text = lc_test_gift_sample (REPEATS);
  g_autoptr (GError) error = NULL;
  LcBankImportResult result = { 0 };
  long rss_before = peak_rss_kib ();
  double start = now_ms ();

  if (!lc_bank_import_gift (session, text->str, text->len, "bench.gift", LC_BANK_IMPORT_DEFAULT, &result, NULL, NULL,
                            &error))
    g_error ("%s", error->message);
  g_print ("bank GIFT import, %u questions (%.1f MB, one transaction): %.0f ms (target < 3000 ms); "
           "peak RSS %ld KiB (+%ld KiB during import)\n",
           result.added, text->len / 1e6, now_ms () - start, peak_rss_kib (), peak_rss_kib () - rss_before);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
bench_search (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bank.db", NULL);
  g_autoptr (LcSession) session = open_session (path);
  static const char *const queries[] = { "行政处罚", "降低资质等级", "听证", "罚款", "违法行为在", "不存在的词语" };
  double times[64];
  guint n = 0;
  gsize hits = 0;

  for (guint round = 0; round < 8; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (GPtrArray) found = NULL;
        LcBankFilter filter;
        double start;

        lc_bank_filter_init (&filter);
        filter.text = queries[q];
        filter.limit = 200; /* a page of results, as the bank page shows them */
        start = now_ms ();
        found = lc_bank_search (session, &filter, &error);
        if (found == NULL)
          g_error ("%s", error->message);
        times[n++] = now_ms () - start;
        hits += found->len;
      }
  qsort (times, n, sizeof (double), compare_doubles);
  g_print ("bank search in 50,000 questions (first 200 hits): median %.1f ms, worst %.1f ms (target < 30 ms); "
           "%" G_GSIZE_FORMAT " hits over %u searches; peak RSS %ld KiB\n",
           times[n / 2], times[n - 1], hits, n, peak_rss_kib ());
}

static void
run_child (void (*scenario) (const char *), const char *dir)
{
  pid_t pid = fork ();
  int status = 0;

  if (pid == 0)
    {
      scenario (dir);
      _exit (0);
    }
  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_printerr ("bench scenario failed\n");
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lexcert-bench-bank-XXXXXX", &error);

  if (dir == NULL)
    g_error ("%s", error->message);
  run_child (bench_import, dir);
  run_child (bench_search, dir);
  return 0;
}
