/* test-cli.c: the built lexcert-cli, run as a user would, on temporary databases. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lc-cli-test-util.h"
#include "lc-db.h"

/* cli (&run, env, "officers", "list", NULL): on the test's database. */
#define cli(run, env, ...) lc_cli_run_on ((run), lc_cli_db_path, (env), NULL, __VA_ARGS__)
/* The same, on another database. */
#define cli_on(run, database, env, ...) lc_cli_run_on ((run), (database), (env), NULL, __VA_ARGS__)

static void
setup (void)
{
  lc_cli_test_setup ();
}

static void
teardown (void)
{
  lc_cli_test_teardown ();
}

static void
ok (const char *const *env, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (LcCliRun) run = { 0 };
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, lc_cli_db_path);
  va_start (ap, env);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  lc_cli_run_argv (&run, env, NULL, (const char *const *) args->pdata);
  lc_cli_assert_exit (&run, 0);
}

/* A database with the departments the tests use. */
static void
make_departments (void)
{
  ok (NULL, "init", NULL);
  ok (NULL, "departments", "add", "ZF", "综合行政执法局", NULL);
  ok (NULL, "departments", "add", "ZF-01", "执法一大队", "--parent", "ZF", NULL);
  ok (NULL, "departments", "add", "SJ", "市场监督管理局", NULL);
}

static gint64
officer_count (void)
{
  g_auto (LcCliRun) run = { 0 };

  cli (&run, NULL, "officers", "count", NULL);
  lc_cli_assert_exit (&run, 0);
  return g_ascii_strtoll (run.out, NULL, 10);
}

/* init, departments, officers ----------------------------------------- */

START_TEST (test_init)
{
  g_auto (LcCliRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("Schema version: %d\n", lc_db_latest_version ());

  cli (&run, NULL, "officers", "list", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "lexcert-cli init");
  ck_assert (!g_file_test (lc_cli_db_path, G_FILE_TEST_EXISTS));
  lc_cli_run_clear (&run);

  cli (&run, NULL, "init", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, lc_cli_db_path);
  lc_cli_assert_has (run.out, expected);
  ck_assert (g_file_test (lc_cli_db_path, G_FILE_TEST_EXISTS));
  lc_cli_run_clear (&run);

  /* Again: already up to date, nothing lost. */
  cli (&run, NULL, "init", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, expected);
  ck_assert_int_eq (officer_count (), 0);
}
END_TEST

START_TEST (test_officers)
{
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "330401001", "--name", "张伟", "--department", "ZF-01", "--field",
      "城市管理", "--post", "执法队员", "--phone", "13800000001", NULL);
  ok (NULL, "officers", "add", "--staff-no", "330402001", "--name", "李娜", "--department", "市场监督管理局", NULL);
  ok (NULL, "officers", "add", "--staff-no", "330402002", "--name", "王强", "--department", "SJ", "--status", "left",
      NULL);

  cli (&run, NULL, "officers", "list", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Staff no.");
  lc_cli_assert_has (run.out, "330401001  张伟");
  lc_cli_assert_has (run.out, "综合行政执法局/执法一大队");
  lc_cli_assert_has (run.out, "李娜");
  lc_cli_assert_lacks (run.out, "王强");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "list", "--include-left", "--format", "tsv", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "staff_no\tname\tdepartment_code\tdepartment\tfield\tpost\tstatus\tphone\n");
  lc_cli_assert_has (run.out,
                     "330401001\t张伟\tZF-01\t综合行政执法局/执法一大队\t城市管理\t执法队员\tactive\t13800000001\n");
  lc_cli_assert_has (run.out, "330402002\t王强\tSJ\t市场监督管理局\t\t\tleft\t\n");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "list", "--department", "ZF", "--format", "tsv", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "张伟");
  lc_cli_assert_lacks (run.out, "李娜");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "list", "--search", "李", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "李娜");
  lc_cli_assert_lacks (run.out, "张伟");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "show", "330401001", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "张伟");
  lc_cli_assert_has (run.out, "综合行政执法局/执法一大队 (ZF-01)");
  lc_cli_assert_has (run.out, "城市管理");
  lc_cli_assert_has (run.out, "Certificates");
  lc_cli_run_clear (&run);

  ok (NULL, "officers", "edit", "330401001", "--post", "中队长", "--department", "SJ", NULL);
  cli (&run, NULL, "officers", "show", "330401001", NULL);
  lc_cli_assert_has (run.out, "中队长");
  lc_cli_assert_has (run.out, "市场监督管理局 (SJ)");
  lc_cli_run_clear (&run);

  /* Refused by the core: exit 1 with its message. */
  cli (&run, NULL, "officers", "add", "--staff-no", "330401001", "--name", "重复", "--department", "ZF", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "330401001");
  lc_cli_run_clear (&run);
  cli (&run, NULL, "officers", "add", "--staff-no", "330401009", "--name", "某某", "--department", "XX", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "XX");
  lc_cli_run_clear (&run);
  cli (&run, NULL, "officers", "show", "999", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "999");
  lc_cli_run_clear (&run);

  ck_assert_int_eq (officer_count (), 3);

  cli (&run, NULL, "departments", "list", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "ZF-01");
  lc_cli_assert_has (run.out, "  执法一大队");
}
END_TEST

/* import and export ----------------------------------------------------- */

static char *
write_roster (const char *name, guint bad_row, const char *encoding)
{
  static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "黄磊", "赵敏", "吴勇", "周杰" };
  g_autoptr (GString) csv = g_string_new ("工号,姓名,部门,岗位,备注\r\n");
  g_autoptr (GError) error = NULL;
  char *path = lc_cli_tmp_path (name);

  /* The header is row 1, so data row i is row i + 1. */
  for (guint i = 1; i <= 100; i++)
    g_string_append_printf (csv, "33049%04u,%s%u,%s,执法队员,\r\n", i, names[i % G_N_ELEMENTS (names)], i,
                            i + 1 == bad_row ? "不存在的大队" : "执法一大队");
  if (encoding != NULL)
    {
      g_autofree char *bytes = g_convert (csv->str, -1, encoding, "UTF-8", NULL, NULL, &error);
      ck_assert_msg (bytes != NULL, "%s", error ? error->message : "");
      ck_assert (g_file_set_contents (path, bytes, -1, NULL));
    }
  else
    ck_assert (g_file_set_contents (path, csv->str, -1, NULL));
  return path;
}

START_TEST (test_import_refused)
{
  g_autofree char *path = NULL;
  g_autofree char *good = NULL;
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "1", "--name", "已有", "--department", "ZF", NULL);
  path = write_roster ("roster.csv", 57, NULL);

  cli (&run, NULL, "officers", "import", path, NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "roster.csv: row 57, column C (部门): ");
  lc_cli_assert_has (run.err, "不存在的大队");
  lc_cli_assert_has (run.err, "nothing was imported");
  lc_cli_assert_lacks (run.err, "row 56");
  lc_cli_assert_lacks (run.err, "row 58");
  ck_assert_int_eq (officer_count (), 1);
  lc_cli_run_clear (&run);

  good = write_roster ("good.csv", 0, NULL);
  cli (&run, NULL, "officers", "import", good, NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "100 added, 0 updated, 0 unchanged (UTF-8)");
  lc_cli_assert_has (run.out, "Ignored columns: 备注");
  ck_assert_int_eq (officer_count (), 101);
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "import", good, NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "0 added, 0 updated, 100 unchanged");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "import", "/nonexistent/roster.csv", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "roster.csv");
}
END_TEST

START_TEST (test_import_gb18030)
{
  g_autofree char *path = lc_cli_tmp_path ("花名册.csv");
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  bytes =
      g_convert ("工号,姓名,部门编码,执法领域\r\n330401001,欧阳娜娜,ZF-01,城市管理\r\n330401002,诸葛亮,SJ,市场监管\r\n",
                 -1, "GB18030", "UTF-8", NULL, NULL, &error);
  ck_assert_msg (bytes != NULL, "%s", error ? error->message : "");
  ck_assert (!g_utf8_validate (bytes, -1, NULL));
  ck_assert (g_file_set_contents (path, bytes, -1, NULL));

  cli (&run, NULL, "officers", "import", path, NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "2 added, 0 updated, 0 unchanged (GB18030)");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "show", "330401001", NULL);
  lc_cli_assert_exit (&run, 0);
  ck_assert (g_utf8_validate (run.out, -1, NULL));
  lc_cli_assert_has (run.out, "欧阳娜娜");
  lc_cli_assert_has (run.out, "综合行政执法局/执法一大队");
  lc_cli_assert_has (run.out, "城市管理");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "list", "--format", "tsv", NULL);
  lc_cli_assert_has (run.out, "330401002\t诸葛亮\tSJ\t市场监督管理局\t市场监管");
}
END_TEST

/* bank ------------------------------------------------------------------- */

static gint64
question_count (void)
{
  g_auto (LcCliRun) run = { 0 };

  cli (&run, NULL, "bank", "count", NULL);
  lc_cli_assert_exit (&run, 0);
  return g_ascii_strtoll (run.out, NULL, 10);
}

START_TEST (test_bank_import_dry_run)
{
  g_autofree char *first = lc_cli_tmp_path ("first.gift");
  g_autofree char *second = lc_cli_tmp_path ("second.gift");
  g_autofree char *bad = lc_cli_tmp_path ("bad.gift");
  g_auto (LcCliRun) run = { 0 };
  gint64 before;

  ok (NULL, "init", NULL);
  ck_assert (g_file_set_contents (first, "// @uid c-1\n第一题。{=对 ~错}\n\n// @uid c-2\n第二题。{T}\n", -1, NULL));
  ck_assert (g_file_set_contents (second,
                                  "// @uid c-1\n第一题改过了。\n第二行不列出。{=对 ~错}\n\n"
                                  "// @uid c-2\n第二题。{T}\n\n"
                                  "// @uid c-3\n第三题。{F}\n\n"
                                  "::配对::甲乙。{=甲 -> 一 =乙 -> 二 =丙 -> 三}\n",
                                  -1, NULL));
  ck_assert (g_file_set_contents (bad, "// @uid c-9  @difficulty 7\n错题。{T}\n", -1, NULL));
  ok (NULL, "bank", "import", first, NULL);
  before = question_count ();

  cli (&run, NULL, "bank", "import", second, "--dry-run", "--skip-unsupported", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "nothing was stored");
  lc_cli_assert_has (run.out, "Would add 1, update 1, leave unchanged 1, skip 1.");
  /* A small file lists each question that would change, by its first line. */
  lc_cli_assert_has (run.out, "would update");
  lc_cli_assert_has (run.out, "c-1");
  lc_cli_assert_has (run.out, "第一题改过了。");
  lc_cli_assert_lacks (run.out, "第二行不列出");
  lc_cli_assert_has (run.out, "would add");
  lc_cli_assert_has (run.out, "c-3");
  lc_cli_assert_has (run.out, "(matching) 配对");
  lc_cli_assert_lacks (run.out, "c-2");
  lc_cli_run_clear (&run);
  ck_assert_int_eq (question_count (), before);
  cli (&run, NULL, "bank", "show", "c-1", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_lacks (run.out, "第一题改过了");
  lc_cli_run_clear (&run);

  /* Without --skip-unsupported the preview refuses the file as the import would. */
  cli (&run, NULL, "bank", "import", second, "--dry-run", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "second.gift:11:1: ");
  lc_cli_run_clear (&run);
  cli (&run, NULL, "bank", "import", bad, "--dry-run", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "bad.gift:2:1: ");
  lc_cli_assert_has (run.err, "@difficulty");
  lc_cli_run_clear (&run);
  ck_assert_int_eq (question_count (), before);

  /* The import itself does what the preview said; --verbose lists it. */
  cli (&run, NULL, "bank", "import", second, "--skip-unsupported", "--verbose", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Added 1, updated 1, unchanged 1, skipped 1.");
  lc_cli_assert_has (run.out, "c-3");
  lc_cli_run_clear (&run);
  ck_assert_int_eq (question_count (), before + 1);

  cli (&run, NULL, "bank", "import", "--help", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "--dry-run");
  lc_cli_assert_has (run.out, "--verbose");
}
END_TEST

START_TEST (test_export)
{
  g_autofree char *csv = lc_cli_tmp_path ("export.csv");
  g_autofree char *xlsx = lc_cli_tmp_path ("export.xlsx");
  g_autofree char *good = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  good = write_roster ("good.csv", 0, NULL);
  ok (NULL, "officers", "import", good, NULL);
  ok (NULL, "certs", "add", "--officer", "330490001", "--number", "浙执00000001", "--issued", "2024-03-01", NULL);

  cli (&run, NULL, "officers", "export", csv, NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Exported 100 officers");
  ck_assert (g_file_get_contents (csv, &contents, &length, NULL));
  lc_cli_assert_has (contents, "工号");
  lc_cli_assert_has (contents, "浙执00000001");
  lc_cli_run_clear (&run);

  /* What was exported imports back as it is. */
  cli (&run, NULL, "officers", "import", csv, NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "0 added, 0 updated, 100 unchanged");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "export", xlsx, "--search", "张伟", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Exported 10 officers");
  g_clear_pointer (&contents, g_free);
  ck_assert (g_file_get_contents (xlsx, &contents, &length, NULL));
  ck_assert (length > 4 && memcmp (contents, "PK", 2) == 0);
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "export", "roster.txt", NULL);
  lc_cli_assert_exit (&run, 2);
}
END_TEST

/* certificates ---------------------------------------------------------- */

START_TEST (test_certificates)
{
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "330401001", "--name", "张伟", "--department", "ZF-01", "--field",
      "城市管理", NULL);

  cli (&run, NULL, "certs", "add", "--officer", "330401001", "--number", "浙执00000001", "--issued", "2024/3/1", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "浙执00000001");
  lc_cli_assert_has (run.out, "2029-03-01");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "certs", "list", "--format", "tsv", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "浙执00000001\t330401001\t张伟\t城市管理\t2024-03-01\t2029-03-01\t\tvalid\t\n");
  lc_cli_run_clear (&run);

  /* Suspending needs a reason. */
  cli (&run, NULL, "certs", "suspend", "浙执00000001", "--date", "2025-01-10", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "reason");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "certs", "suspend", "浙执00000001", "--date", "2025-01-10", "--reason", "年度学法考试不合格", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Suspended");
  lc_cli_run_clear (&run);
  cli (&run, NULL, "certs", "list", "--status", "suspended", "--format", "tsv", NULL);
  lc_cli_assert_has (run.out, "浙执00000001");
  lc_cli_assert_has (run.out, "年度学法考试不合格");
  lc_cli_run_clear (&run);

  ok (NULL, "certs", "reinstate", "浙执00000001", "--date", "2025-02-01", NULL);
  cli (&run, NULL, "certs", "list", "--status", "valid", NULL);
  lc_cli_assert_has (run.out, "浙执00000001");
  lc_cli_run_clear (&run);

  /* A valid certificate cannot be reinstated. */
  cli (&run, NULL, "certs", "reinstate", "浙执00000001", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "浙执00000001");
  lc_cli_assert_has (run.err, "cannot be");
  lc_cli_run_clear (&run);

  ok (NULL, "certs", "review", "浙执00000001", "--date", "2025-02-20", NULL);
  ok (NULL, "certs", "revoke", "浙执00000001", "--reason", "违法执法被依法处理", NULL);
  cli (&run, NULL, "certs", "list", "--status", "revoked", "--format", "tsv", NULL);
  lc_cli_assert_has (run.out, "浙执00000001");
  lc_cli_assert_has (run.out, "2025-02-20");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "certs", "history", "浙执00000001", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "2024-03-01  Issued");
  lc_cli_assert_has (run.out, "2025-01-10  Suspended");
  lc_cli_assert_has (run.out, "2025-02-01  Reinstated");
  lc_cli_assert_has (run.out, "2025-02-20  Reviewed");
  lc_cli_assert_has (run.out, "Revoked");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "certs", "history", "浙执00000001", "--format", "tsv", NULL);
  lc_cli_assert_has (run.out, "date\taction\treason\tuser\n2024-03-01\tissue\t");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "show", "330401001", NULL);
  lc_cli_assert_has (run.out, "浙执00000001");
  lc_cli_assert_has (run.out, "Revoked");
  lc_cli_run_clear (&run);

  /* A malformed date is a usage error; an unknown certificate a failure. */
  cli (&run, NULL, "certs", "suspend", "浙执00000001", "--date", "2025-13-01", "--reason", "x", NULL);
  lc_cli_assert_exit (&run, 2);
  lc_cli_run_clear (&run);
  cli (&run, NULL, "certs", "review", "浙执99999999", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "浙执99999999");
}
END_TEST

START_TEST (test_expiring)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) soon = g_date_time_add_days (now, 30);
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 200);
  g_autofree char *soon_text = g_date_time_format (soon, "%Y-%m-%d");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "1", "--name", "甲", "--department", "ZF", NULL);
  ok (NULL, "certs", "add", "--officer", "1", "--number", "A1", "--issued", "2022-01-01", "--expires", later_text,
      NULL);
  ok (NULL, "certs", "add", "--officer", "1", "--number", "A2", "--issued", "2022-01-01", "--expires", soon_text, NULL);
  ok (NULL, "certs", "add", "--officer", "1", "--number", "A3", "--issued", "2020-01-01", "--expires", "2024-01-01",
      NULL);

  cli (&run, NULL, "certs", "list", "--expiring-within", "60", "--format", "tsv", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "A2\t");
  lc_cli_assert_lacks (run.out, "A1\t");
  lc_cli_assert_lacks (run.out, "A3\t");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "certs", "list", "--status", "expired", "--format", "tsv", NULL);
  lc_cli_assert_has (run.out, "A3\t");
  lc_cli_assert_has (run.out, "\texpired\t");
  lc_cli_assert_lacks (run.out, "A2\t");
}
END_TEST

/* training -------------------------------------------------------------- */

START_TEST (test_training)
{
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "330401001", "--name", "张伟", "--department", "ZF-01", NULL);
  cli (&run, NULL, "training", "add", "--officer", "330401001", "--date", "2025-03-04", "--hours", "1.5", "--note",
       "行政处罚法专题培训", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "1.5 hours on 2025-03-04");
  lc_cli_run_clear (&run);
  ok (NULL, "training", "add", "--officer", "330401001", "--date", "2025/6/1", "--hours", "8", NULL);
  ok (NULL, "training", "add", "--officer", "330401001", "--date", "2024-12-31", "--hours", "4", "--source", "course",
      NULL);

  cli (&run, NULL, "training", "list", "--officer", "330401001", "--year", "2025", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "行政处罚法专题培训");
  lc_cli_assert_has (run.out, "2025-06-01");
  lc_cli_assert_lacks (run.out, "2024-12-31");
  lc_cli_assert_has (run.out, "Total in 2025: 9.5 hours in 2 sessions");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "training", "list", "--officer", "330401001", NULL);
  lc_cli_assert_has (run.out, "Total in 2025: 9.5 hours in 2 sessions");
  lc_cli_assert_has (run.out, "Total in 2024: 4 hours in 1 session\n");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "training", "list", "--officer", "330401001", "--year", "2023", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Total in 2023: 0 hours in 0 sessions");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "training", "list", "--officer", "330401001", "--format", "tsv", NULL);
  lc_cli_assert_has (run.out, "date\thours\tsource\tnote\tentered_by\n2025-06-01\t8\texternal\t");
  lc_cli_assert_has (run.out, "2024-12-31\t4\tcourse\t");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "officers", "show", "330401001", NULL);
  lc_cli_assert_has (run.out, "  2025  9.5    2");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "training", "add", "--officer", "330401001", "--date", "2025-03-05", "--hours", "abc", NULL);
  lc_cli_assert_exit (&run, 2);
  lc_cli_run_clear (&run);
  cli (&run, NULL, "training", "add", "--officer", "330401001", "--date", "2025-03-05", "--hours", "25", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "24");
}
END_TEST

/* users ----------------------------------------------------------------- */

START_TEST (test_users)
{
  static const char *const new_pw[] = { "LEXCERT_NEW_PASSWORD=correct-horse", NULL };
  static const char *const short_pw[] = { "LEXCERT_NEW_PASSWORD=short", NULL };
  static const char *const boss_pw[] = { "LEXCERT_PASSWORD=correct-horse", NULL };
  static const char *const wrong_pw[] = { "LEXCERT_PASSWORD=not-the-password", NULL };
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "330401001", "--name", "张伟", "--department", "ZF-01", NULL);
  ok (new_pw, "users", "add", "boss", "--role", "administrator", NULL);
  ok (new_pw, "users", "add", "clerk", "--role", "personnel", NULL);
  ok (new_pw, "users", "add", "zhangwei", "--role", "officer", "--officer", "330401001", "--must-change-password",
      NULL);

  cli (&run, short_pw, "users", "add", "shorty", "--role", "trainer", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "8");
  lc_cli_run_clear (&run);
  cli (&run, new_pw, "users", "add", "lonely", "--role", "officer", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_run_clear (&run);
  /* No password in the environment and no terminal to ask on. */
  cli (&run, NULL, "users", "add", "nopass", "--role", "trainer", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "terminal");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "users", "list", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "boss");
  lc_cli_assert_has (run.out, "Administrator");
  lc_cli_assert_has (run.out, "clerk");
  lc_cli_assert_has (run.out, "张伟");
  lc_cli_assert_lacks (run.out, "shorty");
  lc_cli_run_clear (&run);

  /* Signing in. */
  cli (&run, wrong_pw, "--user", "boss", "users", "list", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "wrong");
  lc_cli_assert_lacks (run.out, "clerk");
  lc_cli_run_clear (&run);
  cli (&run, boss_pw, "--user", "boss", "users", "list", "--format", "tsv", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "clerk\tpersonnel\t\tenabled\t\n");
  lc_cli_assert_has (run.out, "zhangwei\tofficer\t张伟\tmust-change-password\t\n");
  lc_cli_run_clear (&run);

  /* A personnel clerk reads the roster but may not manage users. */
  cli (&run, boss_pw, "--user", "clerk", "officers", "count", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_run_clear (&run);
  cli (&run, boss_pw, "--user", "clerk", "users", "list", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_run_clear (&run);

  /* Must change the password first. */
  cli (&run, boss_pw, "--user", "zhangwei", "officers", "show", "330401001", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "passwd");
  lc_cli_run_clear (&run);
  {
    static const char *const change[] = { "LEXCERT_PASSWORD=correct-horse", "LEXCERT_NEW_PASSWORD=battery-staple",
                                          NULL };
    static const char *const changed[] = { "LEXCERT_PASSWORD=battery-staple", NULL };

    ok (change, "--user", "zhangwei", "users", "passwd", "zhangwei", NULL);
    cli (&run, changed, "--user", "zhangwei", "officers", "show", "330401001", NULL);
    lc_cli_assert_exit (&run, 0);
    lc_cli_assert_has (run.out, "张伟");
    lc_cli_run_clear (&run);
  }

  ok (NULL, "users", "disable", "clerk", NULL);
  cli (&run, NULL, "users", "list", NULL);
  lc_cli_assert_has (run.out, "disabled");
  lc_cli_run_clear (&run);
  cli (&run, boss_pw, "--user", "clerk", "officers", "count", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "disabled");
  lc_cli_run_clear (&run);
  ok (NULL, "users", "enable", "clerk", NULL);
  ok (boss_pw, "--user", "clerk", "officers", "count", NULL);

  cli (&run, NULL, "users", "disable", "nobody", NULL);
  lc_cli_assert_exit (&run, 1);
}
END_TEST

/* demo ------------------------------------------------------------------ */

START_TEST (test_demo)
{
  static const char *const officer_pw[] = { "LEXCERT_PASSWORD=lexcert-demo", NULL };
  g_autofree char *same = lc_cli_tmp_path ("same.db");
  g_autofree char *other = lc_cli_tmp_path ("other.db");
  g_autofree char *list = NULL;
  g_auto (LcCliRun) run = { 0 };
  gint64 count;

  cli (&run, NULL, "demo", "--seed", "1", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "Officers:");
  lc_cli_assert_has (run.out, "lexcert-demo");
  lc_cli_assert_has (run.out, "personnel");
  lc_cli_run_clear (&run);

  count = officer_count ();
  ck_assert_int_ge (count, 550);
  ck_assert_int_le (count, 650);

  cli (&run, NULL, "officers", "list", "--format", "tsv", "--include-left", NULL);
  lc_cli_assert_exit (&run, 0);
  list = g_steal_pointer (&run.out);
  lc_cli_run_clear (&run);
  {
    g_auto (GStrv) lines = g_strsplit (list, "\n", -1);
    /* A header line, and a last empty piece after the final line end. */
    ck_assert_int_eq (g_strv_length (lines) - 2, count);
  }

  /* The same seed gives the same city, another seed another. */
  cli_on (&run, same, NULL, "demo", "--seed", "1", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_run_clear (&run);
  cli_on (&run, same, NULL, "officers", "list", "--format", "tsv", "--include-left", NULL);
  ck_assert_str_eq (run.out, list);
  lc_cli_run_clear (&run);

  cli_on (&run, other, NULL, "demo", "--seed", "2", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_run_clear (&run);
  cli_on (&run, other, NULL, "officers", "list", "--format", "tsv", "--include-left", NULL);
  ck_assert_str_ne (run.out, list);
  lc_cli_run_clear (&run);

  /* Only into an empty database. */
  cli (&run, NULL, "demo", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "already");
  lc_cli_run_clear (&run);
  ck_assert_int_eq (officer_count (), count);

  cli (&run, NULL, "certs", "list", "--expiring-within", "60", "--format", "tsv", NULL);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, "\tvalid\t");
  lc_cli_run_clear (&run);

  /* The demo logins work, each with its role's rights. */
  cli (&run, officer_pw, "--user", "officer", "officers", "list", NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_run_clear (&run);
  cli (&run, officer_pw, "--user", "personnel", "officers", "count", NULL);
  lc_cli_assert_exit (&run, 0);
}
END_TEST

/* backup and check ------------------------------------------------------ */

START_TEST (test_backup_check)
{
  g_autofree char *dest = lc_cli_tmp_path ("backup.db");
  g_autofree char *garbage = lc_cli_tmp_path ("garbage.db");
  g_auto (LcCliRun) run = { 0 };

  make_departments ();
  ok (NULL, "officers", "add", "--staff-no", "1", "--name", "甲", "--department", "ZF", NULL);

  cli (&run, NULL, "check", NULL);
  lc_cli_assert_exit (&run, 0);
  ck_assert_str_eq (run.out, "ok\n");
  lc_cli_run_clear (&run);

  cli (&run, NULL, "backup", dest, NULL);
  lc_cli_assert_exit (&run, 0);
  ck_assert (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  lc_cli_run_clear (&run);

  cli_on (&run, dest, NULL, "check", NULL);
  lc_cli_assert_exit (&run, 0);
  ck_assert_str_eq (run.out, "ok\n");
  lc_cli_run_clear (&run);
  cli_on (&run, dest, NULL, "officers", "list", NULL);
  lc_cli_assert_has (run.out, "甲");
  lc_cli_run_clear (&run);

  /* An existing file is kept unless --force. */
  cli (&run, NULL, "backup", dest, NULL);
  lc_cli_assert_exit (&run, 1);
  lc_cli_assert_has (run.err, "--force");
  lc_cli_run_clear (&run);
  ok (NULL, "backup", "--force", dest, NULL);

  ck_assert (g_file_set_contents (garbage, "this is not a database, just some text that fills a page", -1, NULL));
  cli_on (&run, garbage, NULL, "check", NULL);
  lc_cli_assert_exit (&run, 1);
}
END_TEST

/* usage and help -------------------------------------------------------- */

static const struct
{
  const char *name;
  const char *args[12];
} usage_cases[] = {
  { "no command", { NULL } },
  { "unknown command", { "frobnicate", NULL } },
  { "unknown global option", { "--bogus", "init", NULL } },
  { "group without command", { "officers", NULL } },
  { "unknown subcommand", { "officers", "frob", NULL } },
  { "unknown option", { "officers", "list", "--bogus", NULL } },
  { "missing options", { "officers", "add", NULL } },
  { "missing option value", { "officers", "add", "--staff-no", NULL } },
  { "missing argument", { "officers", "show", NULL } },
  { "extra argument", { "officers", "show", "1", "2", NULL } },
  { "bad format", { "certs", "list", "--format", "xml", NULL } },
  { "bad status", { "certs", "list", "--status", "lost", NULL } },
  { "bad officer status",
    { "officers", "add", "--staff-no", "1", "--name", "x", "--department", "ZF", "--status", "retired", NULL } },
  { "bad date", { "training", "add", "--officer", "1", "--date", "yesterday", "--hours", "1", NULL } },
  { "bad seed", { "demo", "--seed", "abc", NULL } },
  { "bad role", { "users", "add", "x", "--role", "boss", NULL } },
  { "nothing to edit", { "officers", "edit", "1", NULL } },
};

START_TEST (test_usage)
{
  g_auto (LcCliRun) run = { 0 };
  g_autofree char *default_db = g_build_filename (lc_cli_tmpdir, "lexcert", "lexcert.db", NULL);

  /* Without --database: $XDG_DATA_HOME (the test's folder) holds the default. */
  lc_cli_run_argv (&run, NULL, NULL, usage_cases[_i].args);
  ck_assert_msg (run.status == 2, "%s: exit %d\n%s%s", usage_cases[_i].name, run.status, run.out, run.err);
  ck_assert_msg (strstr (run.err, "--help") != NULL || strstr (run.err, "Usage") != NULL, "%s: no hint in:\n%s",
                 usage_cases[_i].name, run.err);
  ck_assert_msg (!g_file_test (default_db, G_FILE_TEST_EXISTS), "%s: a usage error made a database",
                 usage_cases[_i].name);
}
END_TEST

static const char *const help_cases[] = {
  "",
  "init",
  "demo",
  "officers",
  "officers list",
  "officers add",
  "officers show",
  "officers edit",
  "officers import",
  "officers export",
  "officers count",
  "departments",
  "departments list",
  "departments add",
  "certs",
  "certs list",
  "certs add",
  "certs suspend",
  "certs reinstate",
  "certs revoke",
  "certs cancel",
  "certs review",
  "certs renew",
  "certs history",
  "training",
  "training add",
  "training list",
  "users",
  "users add",
  "users list",
  "users passwd",
  "users disable",
  "users enable",
  "bank",
  "bank import",
  "backup",
  "check",
};

START_TEST (test_help)
{
  g_auto (GStrv) words = g_strsplit (help_cases[_i], " ", -1);
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *usage = g_strdup_printf ("lexcert-cli%s%s", *help_cases[_i] ? " " : "", help_cases[_i]);
  g_auto (LcCliRun) run = { 0 };

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (args, words[i]);
  g_ptr_array_add (args, (gpointer) "--help");
  g_ptr_array_add (args, NULL);
  lc_cli_run_argv (&run, NULL, NULL, (const char *const *) args->pdata);
  ck_assert_msg (run.status == 0, "“%s --help”: exit %d\n%s", help_cases[_i], run.status, run.err);
  lc_cli_assert_has (run.out, "Usage:");
  lc_cli_assert_has (run.out, usage);
  if (*help_cases[_i] == '\0')
    {
      lc_cli_assert_has (run.out, "Exit status:");
      lc_cli_assert_has (run.out, "--user");
    }
}
END_TEST

START_TEST (test_version)
{
  g_auto (LcCliRun) run = { 0 };
  const char *const args[] = { "--version", NULL };

  lc_cli_run_argv (&run, NULL, NULL, args);
  lc_cli_assert_exit (&run, 0);
  lc_cli_assert_has (run.out, PACKAGE_VERSION);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc;

  tc = tcase_create ("commands");
  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_init);
  tcase_add_test (tc, test_officers);
  tcase_add_test (tc, test_import_refused);
  tcase_add_test (tc, test_import_gb18030);
  tcase_add_test (tc, test_bank_import_dry_run);
  tcase_add_test (tc, test_export);
  tcase_add_test (tc, test_certificates);
  tcase_add_test (tc, test_expiring);
  tcase_add_test (tc, test_training);
  tcase_add_test (tc, test_users);
  tcase_add_test (tc, test_demo);
  tcase_add_test (tc, test_backup_check);
  suite_add_tcase (s, tc);

  tc = tcase_create ("usage");
  tcase_set_timeout (tc, 30);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_loop_test (tc, test_usage, 0, G_N_ELEMENTS (usage_cases));
  tcase_add_loop_test (tc, test_help, 0, G_N_ELEMENTS (help_cases));
  tcase_add_test (tc, test_version);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (cli_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
