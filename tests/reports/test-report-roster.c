/* test-report-roster.c: the roster written as CSV (bytes checked, read back
 * with lc-tabular) and as XLSX (read back with openpyxl). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lc-report-roster.h"

#define EXPORT_DATE "2025-06-30"

static char *tmpdir;

static void
setup_tmpdir (void)
{
  g_autoptr (GError) error = NULL;

  tmpdir = g_dir_make_tmp ("lc-report-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");
}

static void
teardown_tmpdir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_remove (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

typedef struct
{
  const char *staff_no, *name, *department_code, *department_path, *field, *post;
  LcOfficerStatus status;
  const char *phone;
  const char *cert_no; /* NULL: no certificate */
  LcCertStatus cert_status;
  const char *issued_on, *expires_on, *reviewed_on;
} RowSpec;

static const RowSpec sample[] = {
  { "330401001", "张伟", "D01", "市场监督管理局/执法一大队", "市场监管", "执法岗", LC_OFFICER_ACTIVE, "13800000001",
    "ZF-0001", LC_CERT_VALID, "2021-03-01", "2026-02-28", "2025-03-01" },
  { "330401002", "欧阳娜娜", "D01", "市场监督管理局/执法一大队", "市场监管", "科员", LC_OFFICER_LEFT, NULL, NULL, 0,
    NULL, NULL, NULL },
  { "330401003", "李\"小\"明", "D02", "综合行政执法局/一中队,二组", "城市管理", "科员,执法岗", LC_OFFICER_SUSPENDED,
    "+8613800000003", "ZF-0003", LC_CERT_EXPIRED, "2019-01-01", "2024-01-01", NULL },
  { "330401004", "王五", "D02", "综合行政执法局", "-执法", "=HYPERLINK(\"http://x\",\"y\")", LC_OFFICER_ACTIVE,
    "@SUM(A1)", "ZF-0004", LC_CERT_SUSPENDED, "2022-05-05", "2027-05-04", "2023-05-05" },
  { "330401005", "赵六", "D03", "市场监督管理局/执法二大队", "市场监管", "执法岗", LC_OFFICER_ACTIVE, "-5", "ZF-0005",
    LC_CERT_REVOKED, "2020-01-01", "2025-01-01", NULL },
  { "000401006", "钱七", "D03", "市场监督管理局\n执法二大队", "市场监管", "+执法岗", LC_OFFICER_ACTIVE, "", "ZF-0006",
    LC_CERT_CANCELLED, "2020-01-01", "2025-01-01", "2021-01-01" },
};

static LcRosterRow *
make_row (const RowSpec *spec)
{
  LcRosterRow *row = g_new0 (LcRosterRow, 1);
  LcOfficer *o = g_new0 (LcOfficer, 1);

  o->staff_no = g_strdup (spec->staff_no);
  o->name = g_strdup (spec->name);
  o->department_code = g_strdup (spec->department_code);
  o->field = g_strdup (spec->field);
  o->post = g_strdup (spec->post);
  o->status = spec->status;
  o->phone = g_strdup (spec->phone);
  row->officer = o;
  row->department_path = g_strdup (spec->department_path);
  if (spec->cert_no != NULL)
    {
      LcCertificate *c = g_new0 (LcCertificate, 1);

      c->cert_no = g_strdup (spec->cert_no);
      c->field = g_strdup (spec->field);
      c->issued_on = g_strdup (spec->issued_on);
      c->expires_on = g_strdup (spec->expires_on);
      c->reviewed_on = g_strdup (spec->reviewed_on);
      /* The stored status never says "expired"; the row carries the effective one. */
      c->status = spec->cert_status == LC_CERT_EXPIRED ? LC_CERT_VALID : spec->cert_status;
      row->certificate = c;
      row->certificate_status = spec->cert_status;
    }
  return row;
}

static GPtrArray *
sample_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_roster_row_free);

  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    g_ptr_array_add (rows, make_row (&sample[i]));
  return rows;
}

static const char expected_csv[] =
    "\xef\xbb\xbf"
    "工号,姓名,部门编码,部门,执法领域,岗位,状态,电话,执法证号,证件状态,发证日期,有效期至,年审日期\r\n"
    "330401001,张伟,D01,市场监督管理局/执法一大队,市场监管,执法岗,在职,13800000001,ZF-0001,有效,2021-03-01,2026-02-"
    "28,2025-03-01\r\n"
    "330401002,欧阳娜娜,D01,市场监督管理局/执法一大队,市场监管,科员,离岗,,,,,,\r\n"
    "330401003,\"李\"\"小\"\"明\",D02,\"综合行政执法局/一中队,二组\",城市管理,\"科员,执法岗\",停职,+8613800000003,ZF-"
    "0003,过期,2019-01-01,2024-01-01,\r\n"
    "330401004,王五,D02,综合行政执法局,'-执法,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",在职,'@SUM(A1),ZF-0004,"
    "暂扣,2022-05-05,2027-05-04,2023-05-05\r\n"
    "330401005,赵六,D03,市场监督管理局/执法二大队,市场监管,执法岗,在职,-5,ZF-0005,吊销,2020-01-01,2025-01-01,\r\n"
    "000401006,钱七,D03,\"市场监督管理局\n执法二大队\",市场监管,'+执法岗,在职,,ZF-0006,注销,2020-01-01,2025-01-01,"
    "2021-01-01\r\n";

START_TEST (test_csv_bytes)
{
  g_autoptr (GPtrArray) rows = sample_rows ();
  g_autofree char *path = g_build_filename (tmpdir, "花名册.csv", NULL);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  ck_assert_msg (lc_report_roster_write_csv (rows, path, &error), "%s", error ? error->message : "");
  ck_assert (g_file_get_contents (path, &bytes, &length, NULL));
  ck_assert_uint_eq (length, strlen (expected_csv));
  ck_assert_str_eq (bytes, expected_csv);
  /* Nothing left over from the temporary file. */
  ck_assert_uint_eq (count_files (tmpdir), 1);
}
END_TEST

/* The export is a file the roster import reads: same cells, the formula
 * guards aside. */
START_TEST (test_csv_reads_back)
{
  g_autoptr (GPtrArray) rows = sample_rows ();
  g_autofree char *path = g_build_filename (tmpdir, "roster.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;
  const char *const *headers = lc_roster_export_headers ();

  ck_assert (lc_report_roster_write_csv (rows, path, &error));
  table = lc_table_read_csv (path, &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (lc_table_encoding (table), "UTF-8");
  ck_assert_uint_eq (lc_table_n_rows (table), 1 + G_N_ELEMENTS (sample));
  for (guint c = 0; headers[c] != NULL; c++)
    ck_assert_str_eq (lc_table_cell (table, 0, c), headers[c]);
  ck_assert_str_eq (lc_table_cell (table, 3, 1), "李\"小\"明");
  ck_assert_str_eq (lc_table_cell (table, 3, 3), "综合行政执法局/一中队,二组");
  ck_assert_str_eq (lc_table_cell (table, 6, 0), "000401006");
  ck_assert_str_eq (lc_table_cell (table, 6, 3), "市场监督管理局\n执法二大队");
  ck_assert_str_eq (lc_table_cell (table, 4, 5), "'=HYPERLINK(\"http://x\",\"y\")");
  ck_assert_str_eq (lc_table_cell (table, 2, 9), "");
}
END_TEST

static char *
read_xlsx (const char *path)
{
  const char *srcdir = g_getenv ("LC_SRCDIR");
  g_autofree char *script = NULL;
  g_autofree char *err_text = NULL;
  g_autoptr (GError) error = NULL;
  char *out_text = NULL;
  int status = 0;

  ck_assert_msg (srcdir != NULL, "LC_SRCDIR is not set (run through meson test)");
  script = g_build_filename (srcdir, "tests", "reports", "read_xlsx.py", NULL);
  {
    const char *argv[] = { "/usr/bin/python3", script, path, NULL };

    ck_assert_msg (
        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out_text, &err_text, &status, &error),
        "%s", error ? error->message : "");
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "read_xlsx.py failed: %s", err_text);
  return out_text;
}

static void
assert_line (const char *text, const char *line)
{
  g_autofree char *needle = g_strconcat ("\n", line, "\n", NULL);
  g_autofree char *haystack = g_strconcat ("\n", text, NULL);

  ck_assert_msg (strstr (haystack, needle) != NULL, "line \"%s\" missing from:\n%s", line, text);
}

static double
column_width (const char *text, const char *letter)
{
  g_autofree char *prefix = g_strdup_printf ("\nwidth\t%s\t", letter);
  g_autofree char *haystack = g_strconcat ("\n", text, NULL);
  const char *p = strstr (haystack, prefix);

  ck_assert_msg (p != NULL, "no width for %s", letter);
  return g_ascii_strtod (p + strlen (prefix), NULL);
}

START_TEST (test_xlsx_read_back)
{
  g_autoptr (GPtrArray) rows = sample_rows ();
  g_autofree char *path = g_build_filename (tmpdir, "花名册.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *seen = NULL;

  ck_assert_msg (lc_report_roster_write_xlsx (rows, path, EXPORT_DATE, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (count_files (tmpdir), 1);
  seen = read_xlsx (path);

  assert_line (seen, "sheet\t花名册");
  assert_line (seen, "freeze\tA2");
  assert_line (seen, "autofilter\tA1:M7");
  assert_line (seen, "title\t执法人员花名册 " EXPORT_DATE);
  assert_line (seen, "company\tLexcert");
  assert_line (seen, "footer\t导出时间 " EXPORT_DATE "\t第 &P 页 / 共 &N 页");

  assert_line (seen,
               "row\t工号\t姓名\t部门编码\t部门\t执法领域\t岗位\t状态\t电话\t执法证号\t证件状态\t发证日期\t有效期至"
               "\t年审日期");
  assert_line (seen, "row\t330401001\t张伟\tD01\t市场监督管理局/执法一大队\t市场监管\t执法岗\t在职\t13800000001\tZF-"
                     "0001\t有效\t2021-03-01\t2026-02-28\t2025-03-01");
  assert_line (seen, "row\t330401002\t欧阳娜娜\tD01\t市场监督管理局/执法一大队\t市场监管\t科员\t离岗\t\t\t\t\t\t");
  assert_line (seen, "row\t330401003\t李\"小\"明\tD02\t综合行政执法局/一中队,二组\t城市管理\t科员,执法岗\t停职\t+"
                     "8613800000003\tZF-0003\t过期\t2019-01-01\t2024-01-01\t");
  /* A string cell is never a formula in XLSX: no guard needed there. */
  assert_line (seen, "row\t330401004\t王五\tD02\t综合行政执法局\t-执法\t=HYPERLINK(\"http://x\",\"y\")\t在职\t@SUM("
                     "A1)\tZF-0004\t暂扣\t2022-05-05\t2027-05-04\t2023-05-05");
  assert_line (seen, "row\t000401006\t钱七\tD03\t市场监督管理局\\n执法二大队\t市场监管\t+执法岗\t在职\t\tZF-0006\t注销"
                     "\t2020-01-01\t2025-01-01\t2021-01-01");

  assert_line (seen, "style\tA1\tbold=1\tfill=FFD9E1F2\tfont=");
  assert_line (seen, "style\tM1\tbold=1\tfill=FFD9E1F2\tfont=");
  assert_line (seen, "style\tJ2\tbold=0\tfill=FFC6EFCE\tfont=FF006100");
  assert_line (seen, "style\tJ4\tbold=0\tfill=FFFFC7CE\tfont=FF9C0006");
  assert_line (seen, "style\tJ5\tbold=0\tfill=FFFFDDB3\tfont=FF9C4A00");
  assert_line (seen, "style\tJ6\tbold=0\tfill=FFFFC7CE\tfont=FF9C0006");
  assert_line (seen, "style\tJ7\tbold=0\tfill=FFE7E6E6\tfont=FF595959");
  /* Only header and status cells are styled. */
  ck_assert_ptr_null (strstr (seen, "style\tB2"));

  /* Chinese text counts double: 综合行政执法局/一中队,二组 is 26 columns wide. */
  ck_assert_msg (column_width (seen, "D") >= 26, "D is %g wide", column_width (seen, "D"));
  ck_assert_msg (column_width (seen, "B") >= 8 && column_width (seen, "B") < 20, "B is %g wide",
                 column_width (seen, "B"));
}
END_TEST

START_TEST (test_empty_roster)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *csv = g_build_filename (tmpdir, "empty.csv", NULL);
  g_autofree char *xlsx = g_build_filename (tmpdir, "empty.xlsx", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *seen = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (lc_report_roster_write_csv (rows, csv, &error));
  ck_assert (g_file_get_contents (csv, &bytes, NULL, NULL));
  ck_assert_str_eq (bytes,
                    "\xef\xbb\xbf工号,姓名,部门编码,部门,执法领域,岗位,状态,电话,执法证号,证件状态,发证日期,有效期至,"
                    "年审日期\r\n");

  ck_assert (lc_report_roster_write_xlsx (rows, xlsx, EXPORT_DATE, &error));
  seen = read_xlsx (xlsx);
  assert_line (seen, "freeze\tA2");
  assert_line (seen, "autofilter\tA1:M1");
}
END_TEST

START_TEST (test_write_errors)
{
  g_autoptr (GPtrArray) rows = sample_rows ();
  g_autofree char *missing_dir = g_build_filename (tmpdir, "no-such-dir", NULL);
  g_autofree char *csv = g_build_filename (missing_dir, "r.csv", NULL);
  g_autofree char *xlsx = g_build_filename (missing_dir, "r.xlsx", NULL);
  g_autofree char *taken = g_build_filename (tmpdir, "taken.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_report_roster_write_csv (rows, csv, &error));
  ck_assert (g_error_matches (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE));
  ck_assert_msg (strstr (error->message, csv) != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (!lc_report_roster_write_xlsx (rows, xlsx, EXPORT_DATE, &error));
  ck_assert (g_error_matches (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE));
  ck_assert_msg (strstr (error->message, xlsx) != NULL, "%s", error->message);
  g_clear_error (&error);

  /* The destination is a directory: the rename fails, the temporary file goes. */
  ck_assert_int_eq (g_mkdir (taken, 0700), 0);
  ck_assert (!lc_report_roster_write_xlsx (rows, taken, EXPORT_DATE, &error));
  ck_assert (g_error_matches (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE));
  ck_assert_uint_eq (count_files (tmpdir), 1);
  g_clear_error (&error);
  ck_assert (!lc_report_roster_write_csv (rows, taken, &error));
  ck_assert (g_error_matches (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE));
  ck_assert_uint_eq (count_files (tmpdir), 1);
}
END_TEST

/* A failed export leaves the previous file as it was. */
START_TEST (test_value_too_long)
{
  g_autoptr (GPtrArray) rows = sample_rows ();
  g_autofree char *path = g_build_filename (tmpdir, "r.xlsx", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  LcRosterRow *row = g_ptr_array_index (rows, 2);

  g_free (row->department_path);
  row->department_path = g_strnfill (40000, 'x');
  ck_assert (g_file_set_contents (path, "old", -1, NULL));

  ck_assert (!lc_report_roster_write_xlsx (rows, path, EXPORT_DATE, &error));
  ck_assert (g_error_matches (error, LC_REPORT_ERROR, LC_REPORT_ERROR_VALUE_TOO_LONG));
  ck_assert_msg (strstr (error->message, "row 4, column D (部门)") != NULL, "%s", error->message);
  ck_assert (g_file_get_contents (path, &bytes, NULL, NULL));
  ck_assert_str_eq (bytes, "old");
  ck_assert_uint_eq (count_files (tmpdir), 1);
}
END_TEST

/* 100,000 officers are written whole (their speed is measured by
 * tests/bench/bench-roster, never asserted here). */
START_TEST (test_large)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_roster_row_free);
  g_autofree char *csv = g_build_filename (tmpdir, "big.csv", NULL);
  g_autofree char *xlsx = g_build_filename (tmpdir, "big.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      RowSpec spec = sample[i % G_N_ELEMENTS (sample)];
      g_autofree char *staff_no = g_strdup_printf ("%09u", 330400000 + i);

      spec.staff_no = staff_no;
      g_ptr_array_add (rows, make_row (&spec));
    }

  ck_assert_msg (lc_report_roster_write_csv (rows, csv, &error), "%s", error ? error->message : "");
  ck_assert_msg (lc_report_roster_write_xlsx (rows, xlsx, EXPORT_DATE, &error), "%s", error ? error->message : "");
}
END_TEST

static Suite *
report_roster_suite (void)
{
  Suite *s = suite_create ("report-roster");
  TCase *tc;

  tc = tcase_create ("csv");
  tcase_add_checked_fixture (tc, setup_tmpdir, teardown_tmpdir);
  tcase_add_test (tc, test_csv_bytes);
  tcase_add_test (tc, test_csv_reads_back);
  suite_add_tcase (s, tc);

  tc = tcase_create ("xlsx");
  tcase_add_checked_fixture (tc, setup_tmpdir, teardown_tmpdir);
  tcase_set_timeout (tc, 20);
  tcase_add_test (tc, test_xlsx_read_back);
  tcase_add_test (tc, test_empty_roster);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_checked_fixture (tc, setup_tmpdir, teardown_tmpdir);
  tcase_add_test (tc, test_write_errors);
  tcase_add_test (tc, test_value_too_long);
  suite_add_tcase (s, tc);

  tc = tcase_create ("performance");
  tcase_add_checked_fixture (tc, setup_tmpdir, teardown_tmpdir);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_large);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (report_roster_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
