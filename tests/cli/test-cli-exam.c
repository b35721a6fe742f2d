/* test-cli-exam.c: lexcert-cli exam — create from a key file, list, show,
 * publish, sit with answers on standard input, results, paper, grade — run
 * as a user would, on a database holding the starter bank. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

static char *tmpdir;
static char *db_path;

typedef struct
{
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs lexcert-cli --database DB ARGS… in English with @input on its standard input. */
static void
cli_input (CliRun *run, const char *input, ...)
{
  const char *binary = g_getenv ("LEXCERT_CLI");
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list ap;

  ck_assert_msg (binary != NULL, "LEXCERT_CLI is not set");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", tmpdir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LEXCERT_DB");
  g_subprocess_launcher_unsetenv (launcher, "LEXCERT_PASSWORD");
  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, db_path);
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  ck_assert_msg (process != NULL, "%s", error ? error->message : "");
  ck_assert_msg (
      g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out, &run->err, &error), "%s",
      error ? error->message : "");
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

#define cli(run, ...) cli_input ((run), NULL, __VA_ARGS__)

#define assert_exit(run, code)                                                                                         \
  ck_assert_msg ((run)->status == (code), "exit status %d, expected %d\n--- stdout:\n%s--- stderr:\n%s",               \
                 (run)->status, (code), (run)->out, (run)->err)
#define assert_has(text, needle) ck_assert_msg (strstr ((text), (needle)) != NULL, "“%s” not in:\n%s", (needle), (text))

static void
ok (const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (CliRun) run = { 0 };
  const char *binary = g_getenv ("LEXCERT_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) binary);
  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, db_path);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  ck_assert (
      g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error));
  ck_assert_msg (g_spawn_check_wait_status (wait_status, NULL), "%s: %s", first, err);
}

static char *
write_file (const char *name, const char *text)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  ck_assert (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The window stays open around the real clock: the CLI has no injected one. */
static const char exam_file[] = "[Exam]\n"
                                "Title=2026年度公共法律知识考试\n"
                                "Opens=2000-01-01 00:00\n"
                                "Closes=2100-01-01 00:00\n"
                                "Minutes=60\n"
                                "PassScore=4\n"
                                "Review=full\n"
                                "\n"
                                "[Section 1]\n"
                                "Title=一、单项选择题\n"
                                "Category=行政处罚法\n"
                                "Type=single\n"
                                "Count=4\n"
                                "Points=1\n"
                                "\n"
                                "[Section 2]\n"
                                "Category=行政处罚法\n"
                                "Type=truefalse\n"
                                "Count=2\n"
                                "Points=1\n"
                                "\n"
                                "[Section 3]\n"
                                "Type=essay\n"
                                "Count=1\n"
                                "Points=10\n";

static void
setup_dir (void)
{
  g_autoptr (GError) error = NULL;

  tmpdir = g_dir_make_tmp ("lc-cli-exam-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");
  db_path = g_build_filename (tmpdir, "lexcert.db", NULL);
}

static void
setup (void)
{
  setup_dir ();
  ok ("init", NULL);
  ok ("departments", "add", "SJ", "市场监督管理局", NULL);
  ok ("officers", "add", "--staff-no", "330401001", "--name", "张伟", "--department", "SJ", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
teardown (void)
{
  remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&db_path, g_free);
}

START_TEST (test_sit)
{
  g_autofree char *path = write_file ("exam.ini", exam_file);
  g_auto (CliRun) run = { 0 };

  cli (&run, "exam", "create", path, NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Created exam 1: 2026年度公共法律知识考试 (Draft).");
  cli_run_clear (&run);
  cli (&run, "exam", "show", "1", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Section 1 (行政处罚法, Single choice, difficulty 1–5) 一、单项选择题: 4 × 1 point (");
  assert_has (run.out, " available)");
  cli_run_clear (&run);
  cli_input (&run, "1 A\nsubmit\n", "exam", "sit", "1", "--officer", "330401001", NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "has not been published yet");
  cli_run_clear (&run);
  cli (&run, "exam", "publish", "1", NULL);
  assert_exit (&run, 0);
  cli_run_clear (&run);
  cli (&run, "exam", "list", "--format", "tsv", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "1\t2026年度公共法律知识考试\tgeneral\tpublished\t");

  /* a first sitting: answers saved one by one, a bad line reported, no submission */
  cli_run_clear (&run);
  cli_input (&run, "# answers\n1 A\n\n2 c\n5 T\n7 应当告知当事人并听取陈述申辩。\nflag 3\n4 Z\n3 AB\nhello\n", "exam",
             "sit", "1", "--officer", "330401001", "--seed", "12345", NULL);
  assert_exit (&run, 1);
  assert_has (run.out, "Started attempt 1 of 2026年度公共法律知识考试; time is up at ");
  assert_has (run.out, "1. [Single choice, 1 point] ");
  assert_has (run.out, "   T. True\n");
  assert_has (run.out, "1 saved\n2 saved\n5 saved\n7 saved\n");
  assert_has (run.out, "Not submitted");
  assert_has (run.err, "line 8: “Z” is not an answer to this question: choose among the letters A to D.");
  assert_has (run.err, "line 9: “AB”: a single-choice question takes one letter.");
  assert_has (run.err, "line 10: expected “NUMBER ANSWER”");
  /* the resumed attempt keeps the answers; submit */
  cli_run_clear (&run);
  cli_input (&run, "submit\n6 F\n", "exam", "sit", "1", "--officer", "330401001", "--quiet", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Resumed attempt 1");
  assert_has (run.out, "Submitted; 1 answer waits for a trainer's grade.");
  cli_run_clear (&run);
  cli (&run, "exam", "results", "1", "--format", "csv", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "1,330401001,张伟,市场监督管理局,1,awaiting_grading,,,");
  assert_has (run.out, ",officer,0");

  /* the trainer grades the essay */
  cli_run_clear (&run);
  cli (&run, "exam", "grade", "1", "7", "11", NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "Question 7 is worth 0 to 10 points.");
  cli_run_clear (&run);
  cli (&run, "exam", "grade", "1", "7", "7.5", "要点基本齐全", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Score: ");
  assert_has (run.out, " of 16 points — passed.");
  cli_run_clear (&run);
  cli (&run, "exam", "paper", "1", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "2026年度公共法律知识考试 — 张伟 (330401001), attempt 1");
  assert_has (run.out, "   Grader's comment: 要点基本齐全");
  assert_has (run.out, "   Answer: 应当告知当事人并听取陈述申辩。");
  assert_has (run.out, "   Legal basis: ");

  /* the retake, then no more */
  cli_run_clear (&run);
  cli_input (&run, "submit\n", "exam", "sit", "1", "--officer", "330401001", "-q", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Started attempt 2");
  cli_run_clear (&run);
  cli_input (&run, "submit\n", "exam", "sit", "1", "--officer", "330401001", "-q", NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "may be sat 2 times");
}
END_TEST

/* Single choice only: graded at submission. */
static const char stats_exam_file[] = "[Exam]\n"
                                      "Title=统计测验\n"
                                      "Opens=2000-01-01 00:00\n"
                                      "Closes=2100-01-01 00:00\n"
                                      "Minutes=60\n"
                                      "PassScore=1\n"
                                      "Status=published\n"
                                      "\n"
                                      "[Section 1]\n"
                                      "Category=行政处罚法\n"
                                      "Type=single\n"
                                      "Count=3\n"
                                      "Points=1\n";

START_TEST (test_stats_export)
{
  g_autofree char *path = write_file ("stats.ini", stats_exam_file);
  g_autofree char *results = g_build_filename (tmpdir, "成绩.xlsx", NULL);
  g_autofree char *answers = g_build_filename (tmpdir, "答题明细.xlsx", NULL);
  g_auto (CliRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  ok ("officers", "add", "--staff-no", "330401002", "--name", "王芳", "--department", "SJ", NULL);
  ok ("exam", "create", path, NULL);
  cli (&run, "exam", "stats", "1", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "0 graded attempts.");
  assert_has (run.out, "Reliability (KR-20): —");
  cli_run_clear (&run);
  /* Fixed seeds: with random ones all four answers missed the key one time in three. */
  cli_input (&run, "1 A\n2 A\n3 B\nsubmit\n", "exam", "sit", "1", "--officer", "330401001", "--seed", "1", "-q", NULL);
  assert_exit (&run, 0);
  cli_run_clear (&run);
  cli_input (&run, "1 B\nsubmit\n", "exam", "sit", "1", "--officer", "330401002", "--seed", "101", "-q", NULL);
  assert_exit (&run, 0);

  cli_run_clear (&run);
  cli (&run, "exam", "stats", "1", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "No.");
  assert_has (run.out, "Choices");
  assert_has (run.out, "2 graded attempts.");
  assert_has (run.out, "Mean score: ");
  assert_has (run.out, " of 3.\n");
  assert_has (run.out, "Reliability (KR-20): ");
  cli_run_clear (&run);
  cli (&run, "exam", "stats", "1", "--format", "tsv", NULL);
  assert_exit (&run, 0);
  lines = g_strsplit (run.out, "\n", -1);
  ck_assert_str_eq (lines[0], "no\tsection\tquestion\tversion\ttype\tn\tp\trpb\td\tchoices\tblank\tflags");
  /* Both papers drew 3 of the same category: 3 to 6 versions, each seen by 1 or 2. */
  ck_assert_int_ge (g_strv_length (lines), 1 + 3 + 1);
  ck_assert (g_str_has_prefix (lines[1], "1\t1\tq-") || g_str_has_prefix (lines[1], "1\t1\t"));
  assert_has (lines[1], "\tsingle\t");
  assert_has (run.out, ":1*");

  cli_run_clear (&run);
  cli (&run, "exam", "export", "1", "--results", results, "--answers", answers, NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Wrote the results to ");
  assert_has (run.out, "Wrote the answers to ");
  ck_assert (g_file_test (results, G_FILE_TEST_IS_REGULAR));
  ck_assert (g_file_test (answers, G_FILE_TEST_IS_REGULAR));
  cli_run_clear (&run);
  cli (&run, "exam", "export", "1", NULL);
  assert_exit (&run, 2);
  assert_has (run.err, "--results FILE.xlsx");
  cli_run_clear (&run);
  cli (&run, "exam", "stats", "7", NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "There is no exam with id 7.");
}
END_TEST

START_TEST (test_refused)
{
  g_autoptr (GString) text = g_string_new (exam_file);
  g_autofree char *shortfall = NULL;
  g_autofree char *broken = NULL;
  g_auto (CliRun) run = { 0 };

  g_string_replace (text, "Count=4", "Count=400", 1);
  shortfall = write_file ("shortfall.ini", text->str);
  g_string_replace (text, "Type=truefalse", "Type=matching", 1);
  broken = write_file ("broken.ini", text->str);
  cli (&run, "exam", "create", shortfall, NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "Section 1 (行政处罚法, Single choice, difficulty 1–5) needs 400 questions, but the bank has "
                       "only ");
  cli_run_clear (&run);
  cli (&run, "exam", "create", broken, NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "[Section 2] Type: “matching” is not one of single, multiple, truefalse, fill, essay");
  cli_run_clear (&run);
  cli (&run, "exam", "list", NULL);
  assert_exit (&run, 0);
  ck_assert_msg (strstr (run.out, "公共") == NULL, "%s", run.out);
  cli_run_clear (&run);
  cli (&run, "exam", "show", "9", NULL);
  assert_exit (&run, 1);
  assert_has (run.err, "There is no exam with id 9.");
}
END_TEST

static const struct
{
  const char *name;
  const char *args[8];
} usage_cases[] = {
  { "no subcommand", { "exam", NULL } },
  { "sit without officer", { "exam", "sit", "1", NULL } },
  { "sit with a bad seed", { "exam", "sit", "1", "--officer", "1", "--seed", "x", NULL } },
  { "bad id", { "exam", "show", "one", NULL } },
  { "bad points", { "exam", "grade", "1", "2", "many", NULL } },
  { "missing file", { "exam", "create", NULL } },
  { "bad format", { "exam", "results", "1", "--format", "xml", NULL } },
  { "stats without id", { "exam", "stats", NULL } },
  { "export without a file", { "exam", "export", "1", NULL } },
};

START_TEST (test_usage)
{
  g_auto (CliRun) run = { 0 };
  const char *const *a = usage_cases[_i].args;

  cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
  ck_assert_msg (run.status == 2, "%s: exit %d\n%s%s", usage_cases[_i].name, run.status, run.out, run.err);
}
END_TEST

static const char *const help_cases[] = {
  "exam", "create", "list", "show", "publish", "sit", "results", "paper", "grade", "submit-overdue", "stats", "export",
};

START_TEST (test_help)
{
  g_auto (CliRun) run = { 0 };

  if (_i == 0)
    cli (&run, "exam", "--help", NULL);
  else
    cli (&run, "exam", help_cases[_i], "--help", NULL);
  assert_exit (&run, 0);
  assert_has (run.out, "Usage:");
  if (strcmp (help_cases[_i], "sit") == 0)
    assert_has (run.out, "  2 AC ");
}
END_TEST

static Suite *
cli_exam_suite (void)
{
  Suite *s = suite_create ("cli-exam");
  TCase *tc = tcase_create ("exam");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sit);
  tcase_add_test (tc, test_refused);
  tcase_add_test (tc, test_stats_export);
  suite_add_tcase (s, tc);

  tc = tcase_create ("usage");
  tcase_add_checked_fixture (tc, setup_dir, teardown);
  tcase_add_loop_test (tc, test_usage, 0, G_N_ELEMENTS (usage_cases));
  tcase_add_loop_test (tc, test_help, 0, G_N_ELEMENTS (help_cases));
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (cli_exam_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
