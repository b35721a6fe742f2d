/* test-bank-table.c: importing the question bank from a table (CSV here;
 * the XLSX path is covered by tests/reports/test-report-bank.c). */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-bank.h"
#include "lc-law.h"
#include "lc-tabular.h"
#include "lc-test-util.h"

#define APL "administrative-penalty-law@2021-01-22"
#define HEADER "编号,分类,题型,难度,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,参考答案,法律依据\n"

static void
setup_with_laws (void)
{
  g_autoptr (GError) error = NULL;

  lc_test_setup ();
  ck_assert_msg (lc_law_ensure_shipped (lc_test.db, &error), "%s", error ? error->message : "");
}

static LcTable *
table_of (const char *csv)
{
  g_autoptr (GError) error = NULL;
  LcTable *table = lc_table_parse_csv (csv, strlen (csv), "题库.csv", &error);

  lc_test_assert_no_error (error);
  return table;
}

static const char good[] = HEADER
    "t-1,行政处罚法/种类,单选,2,下列哪一项不属于行政处罚的种类？,记过,通报批评,限制从业,,,,,,A,记过是处分。,," APL
    "#9\n"
    "t-2,行政处罚法/种类,多选,4,下列哪些属于行政处罚？,警告,罚款,记过,没收违法所得,,,,,ABD,,,\n"
    "t-3,行政处罚法,判断,,行政处罚应当公开。,,,,,,,,,对,,,\n"
    "t-4,行政处罚法,填空,3,行政处罚遵循____原则。,,,,,,,,,公正公开|公正、公开,,,\n"
    ",行政处罚法,问答,5,简述听证程序。,,,,,,,,,,,应当告知当事人……,\n"
    "t-6,,single,1,English type words work too?,yes,no,,,,,,,a,,,\n";

START_TEST (test_import_every_kind)
{
  g_autoptr (LcTable) table = table_of (good);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LcQuestion) single = NULL;
  g_autoptr (LcQuestion) multiple = NULL;
  g_autoptr (LcQuestion) tf = NULL;
  g_autoptr (LcQuestion) fill = NULL;
  g_autoptr (LcQuestion) essay = NULL;
  g_autoptr (LcQuestion) english = NULL;
  g_autofree char *essay_uid = NULL;
  g_autofree char *answer = NULL;
  LcBankImportResult result = { 0 };

  ck_assert_msg (lc_bank_import_table (lc_test.system, table, LC_BANK_IMPORT_DEFAULT, &result, NULL, &problems, &error),
                 "%s: %s", error ? error->message : "", problems && problems->len ? (char *) problems->pdata[0] : "");
  ck_assert_uint_eq (result.added, 6);
  ck_assert_uint_eq (result.updated + result.unchanged, 0);

  single = lc_bank_get_question (lc_test.system, "t-1", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (single->type, LC_QUESTION_SINGLE);
  ck_assert_int_eq (single->difficulty, 2);
  ck_assert_str_eq (single->category, "行政处罚法/种类");
  ck_assert_str_eq (single->explanation, "记过是处分。");
  ck_assert_str_eq (single->basis_ref, APL "#9");
  ck_assert_uint_eq (single->options->len, 3);
  ck_assert (((LcQuestionOption *) single->options->pdata[0])->correct);
  ck_assert (!((LcQuestionOption *) single->options->pdata[1])->correct);

  multiple = lc_bank_get_question (lc_test.system, "t-2", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (multiple->type, LC_QUESTION_MULTIPLE);
  ck_assert_uint_eq (multiple->options->len, 4);
  answer = lc_bank_table_answer (multiple);
  ck_assert_str_eq (answer, "ABD");
  g_clear_pointer (&answer, g_free);

  tf = lc_bank_get_question (lc_test.system, "t-3", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (tf->type, LC_QUESTION_TRUEFALSE);
  ck_assert_int_eq (tf->difficulty, 3);
  answer = lc_bank_table_answer (tf);
  ck_assert_str_eq (answer, "对");
  g_clear_pointer (&answer, g_free);

  fill = lc_bank_get_question (lc_test.system, "t-4", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (fill->type, LC_QUESTION_FILL);
  ck_assert_uint_eq (fill->options->len, 2);
  ck_assert_str_eq (((LcQuestionOption *) fill->options->pdata[1])->text, "公正、公开");

  /* The row without a uid got a stable one: the same file imported again changes nothing. */
  {
    g_autoptr (GPtrArray) found = NULL;
    LcBankFilter filter;

    lc_bank_filter_init (&filter);
    filter.type = LC_QUESTION_ESSAY;
    found = lc_bank_search (lc_test.system, &filter, &error);
    lc_test_assert_no_error (error);
    ck_assert_uint_eq (found->len, 1);
    essay_uid = g_strdup (((LcQuestion *) found->pdata[0])->uid);
  }
  essay = lc_bank_get_question (lc_test.system, essay_uid, &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (essay->model_answer, "应当告知当事人……");
  ck_assert_uint_eq (essay->options->len, 0);

  english = lc_bank_get_question (lc_test.system, "t-6", &error);
  lc_test_assert_no_error (error);
  ck_assert (((LcQuestionOption *) english->options->pdata[0])->correct);

  memset (&result, 0, sizeof result);
  ck_assert (lc_bank_import_table (lc_test.system, table, LC_BANK_IMPORT_DEFAULT, &result, NULL, NULL, &error));
  ck_assert_uint_eq (result.added, 0);
  ck_assert_uint_eq (result.unchanged, 6);
}
END_TEST

START_TEST (test_bad_row_stores_nothing)
{
  static const char bad[] = HEADER "t-1,a,单选,2,好的一题,甲,乙,,,,,,,A,,,\n"
                                   "t-2,a,单选,9,难度不对,甲,乙,,,,,,,B,,,\n"
                                   "t-3,a,判断,,答案不对,,,,,,,,,也许,,,\n"
                                   "t-4,a,单选,,没有这个选项,甲,乙,,,,,,,C,,,\n"
                                   "t-5,a,单选,,依据不存在,甲,乙,,,,,,,A,,," APL "#999\n"
                                   "t-6,a,猜谜,,题型不对,,,,,,,,,,,,\n";
  g_autoptr (LcTable) table = table_of (bad);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_bank_import_table (lc_test.system, table, LC_BANK_IMPORT_DEFAULT, NULL, NULL, &problems, &error));
  lc_test_assert_error (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT);
  ck_assert_ptr_nonnull (problems);
  ck_assert_uint_eq (problems->len, 5);
  ck_assert_msg (g_str_has_prefix (problems->pdata[0], "题库.csv: row 3, column D (难度): "), "%s",
                 (char *) problems->pdata[0]);
  ck_assert_msg (g_str_has_prefix (problems->pdata[1], "题库.csv: row 4, column N (答案): "), "%s",
                 (char *) problems->pdata[1]);
  ck_assert_msg (g_str_has_prefix (problems->pdata[2], "题库.csv: row 5, column N (答案): "), "%s",
                 (char *) problems->pdata[2]);
  ck_assert_msg (g_str_has_prefix (problems->pdata[3], "题库.csv: row 6, column Q (法律依据): "), "%s",
                 (char *) problems->pdata[3]);
  ck_assert_msg (g_str_has_prefix (problems->pdata[4], "题库.csv: row 7, column C (题型): "), "%s",
                 (char *) problems->pdata[4]);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
}
END_TEST

START_TEST (test_unknown_header)
{
  g_autoptr (LcTable) table = table_of ("题型,题干,备注\n问答,x,\n");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_bank_import_table (lc_test.system, table, LC_BANK_IMPORT_DEFAULT, NULL, NULL, &problems, &error));
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_msg (g_str_has_prefix (problems->pdata[0], "题库.csv: row 1, column C (备注): "), "%s",
                 (char *) problems->pdata[0]);
}
END_TEST

START_TEST (test_update_by_uid)
{
  g_autoptr (LcTable) first = table_of (good);
  g_autoptr (LcTable) second = table_of (HEADER "t-1,行政处罚法/种类,单选,2,下列哪一项不属于行政处罚的种类？,记过,"
                                                "通报批评,限制从业,警告,,,,,A,记过是处分。,," APL "#9\n"
                                                "t-3,行政处罚法,判断,,行政处罚应当公开。,,,,,,,,,对,,,\n");
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (LcQuestion) current = NULL;
  g_autoptr (GError) error = NULL;
  LcBankImportResult result = { 0 };

  ck_assert (lc_bank_import_table (lc_test.system, first, LC_BANK_IMPORT_DEFAULT, NULL, NULL, NULL, &error));
  ck_assert_msg (lc_bank_import_table (lc_test.system, second, LC_BANK_IMPORT_DEFAULT, &result, NULL, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (result.added, 0);
  ck_assert_uint_eq (result.updated, 1);
  ck_assert_uint_eq (result.unchanged, 1);
  current = lc_bank_get_question (lc_test.system, "t-1", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (current->version_no, 2);
  ck_assert_uint_eq (current->options->len, 4);
  versions = lc_bank_list_versions (lc_test.system, "t-1", &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (versions->len, 2);
}
END_TEST

START_TEST (test_keeps_what_the_table_cannot_hold)
{
  static const char gift[] = "// @uid g-1\n"
                             "::named::[html]下列哪一项不属于行政处罚？{=记过#对 ~警告#不对}\n";
  g_autoptr (LcTable) table = table_of (HEADER "g-1,,单选,3,下列哪一项不属于行政处罚？,记过,警告,,,,,,,A,,,\n");
  g_autoptr (LcQuestion) current = NULL;
  g_autoptr (GError) error = NULL;
  LcBankImportResult result = { 0 };

  ck_assert_msg (lc_bank_import_gift (lc_test.system, gift, strlen (gift), "a.gift", LC_BANK_IMPORT_DEFAULT, NULL, NULL,
                                      NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_msg (lc_bank_import_table (lc_test.system, table, LC_BANK_IMPORT_DEFAULT, &result, NULL, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (result.unchanged, 1);
  current = lc_bank_get_question (lc_test.system, "g-1", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (current->version_no, 1);
  ck_assert_str_eq (current->name, "named");
  ck_assert_str_eq (((LcQuestionOption *) current->options->pdata[0])->feedback, "对");
}
END_TEST

START_TEST (test_dry_run)
{
  g_autoptr (LcTable) table = table_of (good);
  g_autoptr (LcTable) edited = table_of (HEADER "t-1,行政处罚法/种类,单选,3,下列哪一项不属于行政处罚的种类？,记过,"
                                                "通报批评,限制从业,,,,,,A,记过是处分。,," APL "#9\n"
                                                "t-3,行政处罚法,判断,,行政处罚应当公开。,,,,,,,,,对,,,\n"
                                                "\n"
                                                "t-9,新分类,判断,,新的一题。,,,,,,,,,错,,,\n");
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  LcBankImportResult result = { 0 };
  const LcBankImportItem *item;

  ck_assert (lc_bank_import_table (lc_test.system, table, LC_BANK_IMPORT_DEFAULT, NULL, NULL, NULL, &error));
  ck_assert_msg (lc_bank_import_table (lc_test.system, edited, LC_BANK_IMPORT_DRY_RUN, &result, &items, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (result.added, 1);
  ck_assert_uint_eq (result.updated, 1);
  ck_assert_uint_eq (result.unchanged, 1);
  ck_assert_uint_eq (items->len, 3);
  item = items->pdata[0];
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_UPDATED);
  ck_assert_str_eq (item->uid, "t-1");
  ck_assert_uint_eq (item->line, 2);
  item = items->pdata[2];
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_ADDED);
  ck_assert_str_eq (item->uid, "t-9");
  ck_assert_str_eq (item->category, "新分类");
  ck_assert_uint_eq (item->line, 5); /* the row as the file numbers it, the blank one counted */

  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 6);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question_version"), 6);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM category WHERE name = '新分类'"), 0);
}
END_TEST

START_TEST (test_needs_permission)
{
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcTable) table = table_of (good);
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_bank_import_table (personnel, table, LC_BANK_IMPORT_DEFAULT, NULL, NULL, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
}
END_TEST

static Suite *
bank_table_suite (void)
{
  Suite *s = suite_create ("bank-table");
  TCase *tc = tcase_create ("import");

  tcase_add_checked_fixture (tc, setup_with_laws, lc_test_teardown);
  tcase_add_test (tc, test_import_every_kind);
  tcase_add_test (tc, test_bad_row_stores_nothing);
  tcase_add_test (tc, test_unknown_header);
  tcase_add_test (tc, test_update_by_uid);
  tcase_add_test (tc, test_keeps_what_the_table_cannot_hold);
  tcase_add_test (tc, test_dry_run);
  tcase_add_test (tc, test_needs_permission);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return lc_test_run (bank_table_suite ());
}
