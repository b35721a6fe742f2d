/* test-report-exam.c: an exam's results (成绩, 汇总, 试题分析) and answers
 * (答题明细) as XLSX, read back with openpyxl. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-report-exam.h"
#include "lc-test-exam.h"

static gint64 exam_id;

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

#define assert_has(text, line) ck_assert_msg (strstr ((text), (line)) != NULL, "missing “%s”", (line))

static void
answer (gint64 attempt_id, const LcPaperItem *item, const char *response)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (lc_exam_answer (lc_test.system, attempt_id, item->pos, response, &error), "%s",
                 error ? error->message : "");
}

/* Sits for @officer_id: @right answers the choices right (else wrong),
 * @essay the essay's text (NULL: unanswered); submits unless @stay. */
static gint64
sit (gint64 officer_id, gboolean right, const char *essay, gboolean stay)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcPaper) paper = NULL;
  gint64 attempt_id = 0;

  ck_assert (lc_exam_start (lc_test.system, exam_id, officer_id, &attempt_id, NULL, &error));
  paper = lc_exam_get_paper (lc_test.system, attempt_id, &error);
  for (guint i = 0; i < paper->items->len; i++)
    {
      const LcPaperItem *item = g_ptr_array_index (paper->items, i);
      char letter[2] = { 0 };

      switch (item->type)
        {
        case LC_QUESTION_SINGLE:
          letter[0] = lc_test_letter_of (item, right ? "甲" : "乙");
          answer (attempt_id, item, letter);
          break;
        case LC_QUESTION_TRUEFALSE:
          answer (attempt_id, item, right ? "T" : "F");
          break;
        case LC_QUESTION_ESSAY:
          if (essay != NULL)
            answer (attempt_id, item, essay);
          break;
        default:
          break;
        }
    }
  if (!stay)
    ck_assert (lc_exam_submit (lc_test.system, attempt_id, &error));
  return attempt_id;
}

/* S01 passes (essay 3 of 4), S02 fails then retakes (awaiting grading), S03 is still sitting. */
static void
setup (void)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GError) error = NULL;
  gint64 dept, s01, s02, s03, attempt;

  lc_test_setup ();
  dept = lc_test_add_department ("D01", "市场监督管理局", 0);
  s01 = lc_test_add_officer ("S01", "张伟", dept);
  s02 = lc_test_add_officer ("S02", "王芳", dept);
  s03 = lc_test_add_officer ("S03", "李娜", dept);
  g_free (lc_test_add_question (LC_QUESTION_SINGLE, "考试/单选", 3, "单选一"));
  g_free (lc_test_add_question (LC_QUESTION_TRUEFALSE, "考试/判断", 3, "判断一"));
  g_free (lc_test_add_question (LC_QUESTION_ESSAY, "考试/问答", 3, "案例一"));
  exam = lc_test_exam_new ("2026年度公共法律知识考试");
  lc_exam_add_section (exam, "考试/单选", LC_QUESTION_SINGLE, 1, 100, 1, 5);
  lc_exam_add_section (exam, "考试/判断", LC_QUESTION_TRUEFALSE, 1, 100, 1, 5);
  lc_exam_add_section (exam, "考试/问答", LC_QUESTION_ESSAY, 1, 400, 1, 5);
  exam->pass_score = 300;
  exam_id = lc_test_publish_exam (exam);

  attempt = sit (s01, TRUE, "应当先行告知。", FALSE);
  ck_assert (lc_exam_grade_item (lc_test.system, attempt, 3, 300, NULL, &error));
  sit (s02, FALSE, NULL, FALSE);
  sit (s02, TRUE, "不知道", FALSE);
  sit (s03, TRUE, NULL, TRUE);
}

START_TEST (test_results)
{
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autofree char *path = g_build_filename (lc_test.dir, "成绩.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *seen = NULL;

  ck_assert_msg (lc_report_exam_write_results (trainer, exam_id, path, &error), "%s", error ? error->message : "");
  seen = read_xlsx (path);
  if (g_getenv ("LC_TEST_DUMP"))
    fputs (seen, stderr);
  assert_has (seen, "sheet\t成绩\nfreeze\tA2\nautofilter\tA1:L5\ntitle\t2026年度公共法律知识考试 成绩\n");
  assert_has (seen, "footer\t导出时间 2026-06-15 12:00\t第 &P 页 / 共 &N 页\n");
  assert_has (seen, "row\t工号\t姓名\t部门\t第几次\t状态\t开始\t交卷\t交卷方式\t得分\t满分\t是否通过\t切屏次数\n");
  assert_has (seen,
              "row\tS01\t张伟\t市场监督管理局\t1\t已评分\t2026-06-15 12:00\t2026-06-15 12:00\t本人交卷\t5\t6\t是\t0\n");
  assert_has (seen,
              "row\tS02\t王芳\t市场监督管理局\t1\t已评分\t2026-06-15 12:00\t2026-06-15 12:00\t本人交卷\t0\t6\t否\t0\n");
  assert_has (seen,
              "row\tS02\t王芳\t市场监督管理局\t2\t待阅卷\t2026-06-15 12:00\t2026-06-15 12:00\t本人交卷\t\t6\t\t0\n");
  assert_has (seen, "row\tS03\t李娜\t市场监督管理局\t1\t作答中\t2026-06-15 12:00\t\t\t\t6\t\t0\n");
  assert_has (seen, "style\tA1\tbold=1\tfill=FFD9E1F2\tfont=\n");

  /* 汇总: three officers, one of the two with a score passed. */
  assert_has (seen, "sheet\t汇总\nfreeze\tA2\nautofilter\t\n");
  assert_has (seen, "row\t考试\t2026年度公共法律知识考试\t\n");
  assert_has (seen, "row\t参考人数\t3\t\nrow\t答卷份数\t4\t\nrow\t已评分\t2\t\nrow\t待阅卷\t1\t\nrow\t作答中\t1\t\n");
  assert_has (seen, "row\t通过人数\t1\t\nrow\t通过率（通过人数 / 有成绩人数）\t0.5\t\n");
  assert_has (seen, "row\t平均分（已评分答卷）\t2.5\t\nrow\t中位数\t2.5\t\nrow\t最高分\t5\t\nrow\t最低分\t0\t\n");
  assert_has (seen, "row\t标准差\t2.5\t\n");
  /* Totals 5 and 0 of 1 + 1 + 4: alpha = 3/2 × (1 − (0.25 + 0.25 + 2.25) / 6.25) = 0.84. */
  ck_assert_msg (g_regex_match_simple ("row\t信度（克隆巴赫α系数）\t0\\.84(0*1)?\t\n", seen, 0, 0),
                 "pattern did not match");
  assert_has (seen, "row\t0 ≤ 得分 < 0.6\t1\t0.5\n");
  assert_has (seen, "row\t4.8 ≤ 得分 < 5.4\t1\t0.5\n");
  assert_has (seen, "row\t5.4 ≤ 得分 ≤ 6\t0\t0\n");

  /* 试题分析 */
  assert_has (seen, "sheet\t试题分析\nfreeze\tA2\nautofilter\tA1:U4\n");
  ck_assert_msg (g_regex_match_simple ("row\t1\t1\t[^\t]+\t1\t单选\t单选一\t2\t0.5\t1\t1\t1\t1\t0\t0\t\t\t\t\t0\tA\t\n",
                                       seen, 0, 0),
                 "pattern did not match");
  ck_assert_msg (g_regex_match_simple ("row\t2\t2\t[^\t]+\t1\t判断\t判断一\t2\t0.5\t1\t1\t1\t1\t\t\t\t\t\t\t0\t对\t\n",
                                       seen, 0, 0),
                 "pattern did not match");
  ck_assert_msg (g_regex_match_simple ("row\t3\t3\t[^\t]+\t1\t问答\t案例一\t2\t0.375\t1\t0.75\t\t\t\t\t\t\t\t\t1\t\t\n",
                                       seen, 0, 0),
                 "pattern did not match");
}
END_TEST

START_TEST (test_answers)
{
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autofree char *path = g_build_filename (lc_test.dir, "答题明细.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *seen = NULL;

  ck_assert_msg (lc_report_exam_write_answers (trainer, exam_id, path, &error), "%s", error ? error->message : "");
  seen = read_xlsx (path);
  if (g_getenv ("LC_TEST_DUMP"))
    fputs (seen, stderr);
  assert_has (seen, "sheet\t答题明细\nfreeze\tA2\nautofilter\tA1:L10\n");
  assert_has (seen, "footer\t导出时间 2026-06-15 12:00\t");
  assert_has (seen, "row\t工号\t姓名\t第几次\t第几题\t题目编号\t版本\t题型\t题干\t作答\t正确答案\t得分\t满分\n");
  ck_assert_msg (g_regex_match_simple ("row\tS01\t张伟\t1\t1\t[^\t]+\t1\t单选\t单选一\t甲\t甲\t1\t1\n", seen, 0, 0),
                 "pattern did not match");
  assert_has (seen, "\t1\t判断\t判断一\t对\t对\t1\t1\n");
  assert_has (seen, "\t1\t问答\t案例一\t应当先行告知。\t参考答案：应当先行告知并听取陈述申辩。\t3\t4\n");
  ck_assert_msg (g_regex_match_simple ("row\tS02\t王芳\t1\t1\t[^\t]+\t1\t单选\t单选一\t乙\t甲\t0\t1\n", seen, 0, 0),
                 "pattern did not match");
  assert_has (seen, "\t判断一\t错\t对\t0\t1\n");
  assert_has (seen, "\t案例一\t（未作答）\t参考答案：应当先行告知并听取陈述申辩。\t0\t4\n");
  /* The retake's essay waits for a grade: no points yet. */
  assert_has (seen, "\t案例一\t不知道\t参考答案：应当先行告知并听取陈述申辩。\t\t4\n");
  /* The attempt in progress is not exported. */
  ck_assert (strstr (seen, "S03") == NULL);

  /* Answers show the key: only who manages exams. */
  ck_assert (!lc_report_exam_write_answers (personnel, exam_id, path, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
}
END_TEST

START_TEST (test_errors)
{
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, 1);
  g_autofree char *path = g_build_filename (lc_test.dir, "成绩.xlsx", NULL);
  g_autofree char *missing = g_build_filename (lc_test.dir, "no-such-dir", "成绩.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_report_exam_write_results (officer, exam_id, path, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_report_exam_write_results (lc_test.system, 999, path, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_EXAM);
  g_clear_error (&error);
  ck_assert (!lc_report_exam_write_results (lc_test.system, exam_id, missing, &error));
  lc_test_assert_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

static Suite *
report_exam_suite (void)
{
  Suite *s = suite_create ("report-exam");
  TCase *tc = tcase_create ("exam");

  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_results);
  tcase_add_test (tc, test_answers);
  tcase_add_test (tc, test_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return lc_test_run (report_exam_suite ());
}
