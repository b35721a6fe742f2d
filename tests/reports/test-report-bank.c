/* test-report-bank.c: the question bank template and exports (XLSX and CSV),
 * read back with lc-tabular and openpyxl, and imported back into a second
 * database with the same questions. */
#include "config.h"

#include <check.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lc-bank.h"
#include "lc-db.h"
#include "lc-law.h"
#include "lc-report-bank.h"
#include "lc-session.h"
#include "lc-tabular.h"

#define APL "administrative-penalty-law@2021-01-22"

static char *tmpdir;

static void
setup_tmpdir (void)
{
  g_autoptr (GError) error = NULL;

  tmpdir = g_dir_make_tmp ("lc-report-bank-XXXXXX", &error);
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

/* A fresh database with the shipped laws (for the basis column), and its system session. */
static LcSession *
open_bank (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (path, &error);

  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_msg (lc_law_ensure_shipped (db, &error), "%s", error ? error->message : "");
  return lc_session_new_system (db);
}

static void
import (LcSession *session, const LcTable *table, LcBankImportResult *result)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_msg (lc_bank_import_table (session, table, LC_BANK_IMPORT_DEFAULT, result, NULL, &problems, &error),
                 "%s: %s", error ? error->message : "", problems && problems->len ? (char *) problems->pdata[0] : "");
}

/* Every current question with its options, by category and id. */
static GPtrArray *
all_questions (LcSession *session)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *full = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_free);
  LcBankFilter filter;

  lc_bank_filter_init (&filter);
  found = lc_bank_search (session, &filter, &error);
  ck_assert_msg (found != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < found->len; i++)
    {
      LcQuestion *q = lc_bank_get_question (session, ((LcQuestion *) found->pdata[i])->uid, &error);

      ck_assert_msg (q != NULL, "%s", error ? error->message : "");
      g_ptr_array_add (full, q);
    }
  return full;
}

static char *
run_python (const char *code, const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", code, path, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err_text = NULL;
  char *out_text = NULL;
  int status = 0;

  ck_assert_msg (
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out_text, &err_text, &status, &error),
      "%s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "python failed: %s", err_text);
  return out_text;
}

static const char read_script[] =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "for ws in wb.worksheets:\n"
    "    print('sheet\\t%s\\t%s' % (ws.title, ws.freeze_panes or ''))\n"
    "    for dv in ws.data_validations.dataValidation:\n"
    "        print('validation\\t%s\\t%s\\t%s\\t%s' % (dv.type, dv.sqref, dv.formula1, dv.formula2))\n"
    "    for row in ws.iter_rows(values_only=True):\n"
    "        print('row\\t' + '\\t'.join('' if v is None else str(v).replace('\\n', '\\\\n') for v in row))\n";

START_TEST (test_template)
{
  g_autofree char *path = g_build_filename (tmpdir, "题库模板.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;
  g_autoptr (LcSession) session = NULL;
  g_auto (GStrv) sheets = NULL;
  g_autofree char *seen = NULL;
  const char *const *headers = lc_bank_table_headers ();
  LcBankImportResult result = { 0 };

  ck_assert_msg (lc_report_bank_template (path, &error), "%s", error ? error->message : "");
  sheets = lc_xlsx_sheet_names (path, &error);
  ck_assert_ptr_nonnull (sheets);
  ck_assert_uint_eq (g_strv_length (sheets), 2);
  ck_assert_str_eq (sheets[0], "试题");
  ck_assert_str_eq (sheets[1], "说明");

  table = lc_table_read_xlsx (path, LC_REPORT_BANK_SHEET, &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (lc_table_source (table), "题库模板.xlsx[试题]");
  ck_assert_uint_eq (lc_table_n_rows (table), 3);
  for (guint c = 0; headers[c] != NULL; c++)
    ck_assert_str_eq (lc_table_cell (table, 0, c), headers[c]);
  ck_assert_str_eq (lc_table_cell (table, 1, 2), "单选");
  ck_assert_str_eq (lc_table_cell (table, 1, 3), "2");

  /* The examples are real questions: the template imports as it is. */
  session = open_bank ("template.db");
  import (session, table, &result);
  ck_assert_uint_eq (result.added, 2);

  seen = run_python (read_script, path);
  ck_assert_msg (strstr (seen, "sheet\t试题\tA2\n") != NULL, "%s", seen);
  ck_assert_msg (strstr (seen, "validation\tlist\tC2:C5001\t\"单选,多选,判断,填空,问答\"\tNone\n") != NULL, "%s", seen);
  ck_assert_msg (strstr (seen, "validation\twhole\tD2:D5001\t1\t5\n") != NULL, "%s", seen);
  ck_assert_msg (strstr (seen, "sheet\t说明\t") != NULL, "%s", seen);
  ck_assert_msg (strstr (seen, "row\t答案\t") != NULL, "%s", seen);
  ck_assert_msg (strstr (seen, "row\t法律依据\t") != NULL, "%s", seen);
}
END_TEST

static const char source_csv[] =
    "编号,分类,题型,难度,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,参考答案,法律依据\n"
    "t-1,行政处罚法/种类,单选,2,下列哪一项不属于行政处罚的种类？,记过,通报批评,限制从业,,,,,,A,记过是处分。,," APL
    "#9\n"
    "t-2,行政处罚法/种类,多选,4,\"下列哪些属于行政处罚？\n（多选）\",警告,罚款,记过,没收违法所得,,,,,ABD,,,\n"
    "t-3,行政处罚法,判断,,行政处罚应当公开。,,,,,,,,,错,,,\n"
    "t-4,,填空,3,行政处罚遵循____原则。,,,,,,,,,公正公开|公正、公开,,,\n"
    "t-5,行政处罚法,问答,5,\"简述听证程序, 并举例。\",,,,,,,,,,,应当告知当事人……,\n"
    "t-6,公式,单选,1,=1+1 不是公式,-1,+2,@3,,,,,,B,,,\n";

static void
assert_same_bank (LcSession *a, LcSession *b)
{
  g_autoptr (GPtrArray) left = all_questions (a);
  g_autoptr (GPtrArray) right = all_questions (b);

  ck_assert_uint_eq (left->len, right->len);
  for (guint i = 0; i < left->len; i++)
    {
      const LcQuestion *x = left->pdata[i];
      const LcQuestion *y = right->pdata[i];

      ck_assert_str_eq (x->uid, y->uid);
      ck_assert_str_eq (x->category ? x->category : "", y->category ? y->category : "");
      ck_assert_msg (lc_question_same_content (x, y), "%s differs", x->uid);
    }
}

START_TEST (test_export_round_trip)
{
  g_autofree char *csv_in = g_build_filename (tmpdir, "source.csv", NULL);
  g_autofree char *xlsx = g_build_filename (tmpdir, "题库.xlsx", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "题库.csv", NULL);
  g_autoptr (LcSession) first = open_bank ("first.db");
  g_autoptr (LcSession) second = open_bank ("second.db");
  g_autoptr (LcSession) third = open_bank ("third.db");
  g_autoptr (LcTable) source = NULL;
  g_autoptr (LcTable) from_xlsx = NULL;
  g_autoptr (LcTable) from_csv = NULL;
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *seen = NULL;
  LcBankImportResult result = { 0 };

  ck_assert (g_file_set_contents (csv_in, source_csv, -1, NULL));
  source = lc_table_read_csv (csv_in, &error);
  ck_assert_msg (source != NULL, "%s", error ? error->message : "");
  import (first, source, &result);
  ck_assert_uint_eq (result.added, 6);

  questions = all_questions (first);
  ck_assert_msg (lc_report_bank_write_xlsx (questions, xlsx, &error), "%s", error ? error->message : "");
  ck_assert_msg (lc_report_bank_write_csv (questions, csv, &error), "%s", error ? error->message : "");

  from_xlsx = lc_table_read_xlsx (xlsx, NULL, &error);
  ck_assert_msg (from_xlsx != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (lc_table_n_rows (from_xlsx), 7);
  from_csv = lc_table_read_csv (csv, &error);
  ck_assert_msg (from_csv != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (lc_table_n_rows (from_csv), 7);

  memset (&result, 0, sizeof result);
  import (second, from_xlsx, &result);
  ck_assert_uint_eq (result.added, 6);
  assert_same_bank (first, second);

  memset (&result, 0, sizeof result);
  import (third, from_csv, &result);
  ck_assert_uint_eq (result.added, 6);
  assert_same_bank (first, third);

  /* Into the database it came from, the export changes nothing. */
  memset (&result, 0, sizeof result);
  import (first, from_xlsx, &result);
  ck_assert_uint_eq (result.unchanged, 6);

  seen = run_python (read_script, xlsx);
  ck_assert_msg (strstr (seen, "sheet\t试题\tA2\n") != NULL, "%s", seen);
  ck_assert_msg (
      strstr (seen,
              "row\tt-2\t行政处罚法/种类\t多选\t4\t下列哪些属于行政处罚？\\n（多选）\t警告\t罚款\t记过\t没收违法所得"
              "\t\t\t\t\tABD\t")
          != NULL,
      "%s", seen);
  ck_assert_msg (strstr (seen, "row\tt-3\t行政处罚法\t判断\t3\t行政处罚应当公开。\t\t\t\t\t\t\t\t\t错\t") != NULL, "%s",
                 seen);
}
END_TEST

START_TEST (test_too_many_options)
{
  g_autofree char *path = g_build_filename (tmpdir, "x.xlsx", NULL);
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_free);
  g_autoptr (GError) error = NULL;
  LcQuestion *q = lc_question_new (LC_QUESTION_SINGLE);

  q->uid = g_strdup ("nine");
  q->stem = g_strdup ("?");
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      lc_question_add_option (q, text, i == 0);
    }
  g_ptr_array_add (questions, q);
  ck_assert (!lc_report_bank_write_xlsx (questions, path, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

static Suite *
report_bank_suite (void)
{
  Suite *s = suite_create ("report-bank");
  TCase *tc = tcase_create ("bank");

  tcase_add_checked_fixture (tc, setup_tmpdir, teardown_tmpdir);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_template);
  tcase_add_test (tc, test_export_round_trip);
  tcase_add_test (tc, test_too_many_options);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (report_bank_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
