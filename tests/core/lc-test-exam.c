/* lc-test-exam.c: a small bank and exams for the exam suites. */
#include "config.h"

#include <string.h>

#include "lc-test-exam.h"

char *
lc_test_add_question (LcQuestionType type, const char *category, int difficulty, const char *stem)
{
  g_autoptr (LcQuestion) q = lc_question_new (type);
  g_autoptr (GError) error = NULL;
  char *uid = NULL;

  q->stem = g_strdup (stem);
  q->category = g_strdup (category);
  q->difficulty = difficulty;
  q->status = LC_QUESTION_ACTIVE;
  q->explanation = g_strdup ("解析：依据法律规定。");
  switch (type)
    {
    case LC_QUESTION_SINGLE:
      lc_question_add_option (q, "甲", TRUE);
      lc_question_add_option (q, "乙", FALSE);
      lc_question_add_option (q, "丙", FALSE);
      lc_question_add_option (q, "丁", FALSE);
      break;
    case LC_QUESTION_MULTIPLE:
      lc_question_add_option (q, "甲", TRUE)->weight = 3333;
      lc_question_add_option (q, "乙", TRUE)->weight = 3333;
      lc_question_add_option (q, "丙", TRUE)->weight = 3334;
      lc_question_add_option (q, "丁", FALSE);
      lc_question_add_option (q, "戊", FALSE);
      break;
    case LC_QUESTION_TRUEFALSE:
      lc_question_set_truefalse (q, TRUE);
      break;
    case LC_QUESTION_FILL:
      lc_question_add_option (q, "行政处罚", TRUE);
      lc_question_add_option (q, "ABC", TRUE);
      break;
    case LC_QUESTION_ESSAY:
      q->model_answer = g_strdup ("参考答案：应当先行告知并听取陈述申辩。");
      break;
    }
  ck_assert_msg (lc_bank_add_question (lc_test.system, q, &uid, &error), "%s: %s", stem, error ? error->message : "");
  return uid;
}

void
lc_test_add_questions (LcQuestionType type, const char *category, int difficulty, guint n, const char *prefix)
{
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *stem = g_strdup_printf ("%s %u", prefix, i);
      g_autofree char *uid = lc_test_add_question (type, category, difficulty, stem);
    }
}

LcExam *
lc_test_exam_new (const char *title)
{
  LcExam *exam = lc_exam_new ();

  exam->title = g_strdup (title);
  exam->opens_at = LC_TEST_NOW - 86400;
  exam->closes_at = LC_TEST_NOW + 7 * 86400;
  exam->minutes = 60;
  return exam;
}

gint64
lc_test_publish_exam (LcExam *exam)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  exam->status = LC_EXAM_PUBLISHED;
  ck_assert_msg (lc_exam_create (lc_test.system, exam, &id, &error), "%s", error ? error->message : "");
  ck_assert_int_gt (id, 0);
  exam->id = id;
  return id;
}

char
lc_test_letter_of (const LcPaperItem *item, const char *text)
{
  for (guint i = 0; i < item->options->len; i++)
    if (strcmp (g_ptr_array_index (item->options, i), text) == 0)
      return item->type == LC_QUESTION_TRUEFALSE ? (i == 0 ? 'T' : 'F') : (char) ('A' + i);
  ck_abort_msg ("no option “%s” on item %d", text, item->pos);
  return '?';
}
