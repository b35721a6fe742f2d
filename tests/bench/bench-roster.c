/* bench-roster: roster import and officer search at 100,000 officers.
 *
 * Prints figures; asserts nothing about time (targets: import under 2 s,
 * search under 20 ms). Each scenario runs in a child process so that its
 * peak memory is its own.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-people.h"
#include "lc-report-roster.h"
#include "lc-roster.h"

#define N_OFFICERS 100000
#define N_DEPARTMENTS 12
#define UNITS_PER_DEPARTMENT 4

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙" };
static const char *const given[] = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊",
                                     "军", "洋", "勇", "艳",   "杰", "娟", "涛", "明", "超" };

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

  if (db == NULL)
    g_error ("%s", error->message);
  return lc_session_new_system (db);
}

static void
make_departments (LcSession *session)
{
  g_autoptr (GError) error = NULL;

  for (int d = 1; d <= N_DEPARTMENTS; d++)
    {
      g_autofree char *code = g_strdup_printf ("D%02d", d);
      g_autofree char *name = g_strdup_printf ("第%d局", d);
      gint64 id;

      if (!lc_people_add_department (session, code, name, 0, &id, &error))
        g_error ("%s", error->message);
      for (int u = 1; u <= UNITS_PER_DEPARTMENT; u++)
        {
          g_autofree char *unit_code = g_strdup_printf ("D%02d-%02d", d, u);
          g_autofree char *unit_name = g_strdup_printf ("第%d局执法%d大队", d, u);
          if (!lc_people_add_department (session, unit_code, unit_name, id, NULL, &error))
            g_error ("%s", error->message);
        }
    }
}

static char *
write_roster (const char *dir)
{
  g_autoptr (GString) csv = g_string_new ("工号,姓名,部门编码,执法领域,岗位,状态,电话\n");
  char *path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr (GError) error = NULL;
  guint64 state = 42;

  for (int i = 0; i < N_OFFICERS; i++)
    {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      g_string_append_printf (csv, "33040%07d,%s%s,D%02d-%02d,综合执法,执法队员,在职,1390000%04d\n", i,
                              surnames[(state >> 33) % G_N_ELEMENTS (surnames)],
                              given[(state >> 45) % G_N_ELEMENTS (given)], (int) ((state >> 20) % N_DEPARTMENTS) + 1,
                              (int) ((state >> 10) % UNITS_PER_DEPARTMENT) + 1, i % 10000);
    }
  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);
  return path;
}

static void
bench_import (const char *dir)
{
  g_autofree char *db_path = g_build_filename (dir, "import.db", NULL);
  g_autofree char *csv_path = NULL;
  g_autoptr (LcSession) session = open_session (db_path);
  g_autoptr (GError) error = NULL;
  g_auto (LcRosterResult) result = { 0 };
  long rss_before;
  double start, elapsed;

  make_departments (session);
  csv_path = write_roster (dir);
  rss_before = peak_rss_kib ();
  start = now_ms ();
  if (!lc_roster_import_file (session, csv_path, &result, NULL, &error))
    g_error ("%s", error->message);
  elapsed = now_ms () - start;
  g_print ("roster import, %d officers (CSV, one transaction): %.0f ms (target < 2000 ms); "
           "peak RSS %ld KiB (+%ld KiB during import)\n",
           N_OFFICERS, elapsed, peak_rss_kib (), peak_rss_kib () - rss_before);
  g_assert (result.added == N_OFFICERS);
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
  g_autofree char *db_path = g_build_filename (dir, "import.db", NULL);
  g_autoptr (LcSession) session = open_session (db_path);
  static const char *const queries[] = { "王伟", "3304000123", "秀英", "13900001", "李", "张静", "99999" };
  double times[64];
  guint n = 0;
  gsize found = 0;

  for (guint round = 0; round < 8; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr (GError) error = NULL;
        LcOfficerFilter filter = { .text = queries[q] };
        g_autoptr (GPtrArray) officers = NULL;
        double start = now_ms ();

        officers = lc_people_list_officers (session, &filter, &error);
        if (officers == NULL)
          g_error ("%s", error->message);
        if (n < G_N_ELEMENTS (times))
          times[n++] = now_ms () - start;
        found += officers->len;
      }
  qsort (times, n, sizeof (double), compare_doubles);
  g_print ("officer search in %d officers (name, staff number, phone): median %.1f ms, worst %.1f ms "
           "(target < 20 ms); %" G_GSIZE_FORMAT " hits over %u searches; peak RSS %ld KiB\n",
           N_OFFICERS, times[n / 2], times[n - 1], found, n, peak_rss_kib ());
}

static void
bench_export (const char *dir)
{
  g_autofree char *db_path = g_build_filename (dir, "import.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "export.xlsx", NULL);
  g_autoptr (LcSession) session = open_session (db_path);
  static const LcOfficerFilter everyone = { .include_left = TRUE };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  double start, read_ms, csv_ms;

  start = now_ms ();
  rows = lc_roster_rows (session, &everyone, &error);
  if (rows == NULL)
    g_error ("%s", error->message);
  read_ms = now_ms () - start;
  start = now_ms ();
  if (!lc_report_roster_write_csv (rows, csv_path, &error))
    g_error ("%s", error->message);
  csv_ms = now_ms () - start;
  start = now_ms ();
  if (!lc_report_roster_write_xlsx (rows, xlsx_path, "2026-11-29", &error))
    g_error ("%s", error->message);
  g_print ("roster export, %u officers: read %.0f ms, CSV %.0f ms, XLSX %.0f ms; peak RSS %ld KiB\n", rows->len,
           read_ms, csv_ms, now_ms () - start, peak_rss_kib ());
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
  g_autofree char *dir = g_dir_make_tmp ("lexcert-bench-XXXXXX", &error);

  if (dir == NULL)
    g_error ("%s", error->message);
  run_child (bench_import, dir);
  run_child (bench_search, dir);
  run_child (bench_export, dir);
  return 0;
}
