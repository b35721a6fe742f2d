/* test-exam.c: exam definitions and blueprints, key files, the attempt's
 * life with the injectable clock, grading, review and the permissions that
 * keep the key from an officer. Assembly has test-exam-assembly.c. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-exam-private.h"
#include "lc-exam.h"
#include "lc-people.h"
#include "lc-test-exam.h"

#define CH5 "行政处罚法/第五章 行政处罚的决定"

static gint64 dept;

static void
setup (void)
{
  lc_test_setup ();
  dept = lc_test_add_department ("D01", "市场监督管理局", 0);
}

/* An exam of one section of @n @type questions from @category, 2 points each, pass 60%. */
static LcExam *
one_section_exam (const char *title, const char *category, LcQuestionType type, guint n)
{
  LcExam *exam = lc_test_exam_new (title);

  lc_exam_add_section (exam, category, type, n, 200, 1, 5);
  exam->pass_score = lc_exam_max_score (exam) * 60 / 100;
  return exam;
}

static gint64
start (LcSession *session, gint64 exam_id, gint64 officer_id)
{
  g_autoptr (GError) error = NULL;
  gint64 attempt_id = 0;

  ck_assert_msg (lc_exam_start (session, exam_id, officer_id, &attempt_id, NULL, &error), "%s",
                 error ? error->message : "");
  return attempt_id;
}

static void
answer (LcSession *session, gint64 attempt_id, int pos, const char *response)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (lc_exam_answer (session, attempt_id, pos, response, &error), "%d %s: %s", pos, response,
                 error ? error->message : "");
}

static LcPaper *
paper_of (LcSession *session, gint64 attempt_id)
{
  g_autoptr (GError) error = NULL;
  LcPaper *paper = lc_exam_get_paper (session, attempt_id, &error);

  ck_assert_msg (paper != NULL, "%s", error ? error->message : "");
  return paper;
}

static gint64
attempt_of_deadline (gint64 attempt_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT deadline_at FROM attempt WHERE id = %" G_GINT64_FORMAT, attempt_id);

  return lc_test_query_int (sql);
}

static LcAttempt *
attempt_of (gint64 attempt_id)
{
  g_autoptr (GError) error = NULL;
  LcAttempt *attempt = lc_exam_get_attempt (lc_test.system, attempt_id, &error);

  ck_assert_msg (attempt != NULL, "%s", error ? error->message : "");
  return attempt;
}

/* Definitions ------------------------------------------------------------ */

typedef struct
{
  const char *what;
  int code;
  const char *bad_field;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "no title", LC_EXAM_ERROR_INVALID, "title" },
  { "closes before it opens", LC_EXAM_ERROR_INVALID, "closes_at" },
  { "no minutes", LC_EXAM_ERROR_INVALID, "minutes" },
  { "specialist without field", LC_EXAM_ERROR_INVALID, "field" },
  { "negative attempts", LC_EXAM_ERROR_INVALID, "max_attempts" },
  { "overlap over 100", LC_EXAM_ERROR_INVALID, "overlap_share" },
  { "pass score above the total", LC_EXAM_ERROR_INVALID, "pass_score" },
  { "no sections", LC_EXAM_ERROR_NO_SECTIONS, "sections" },
  { "count 0", LC_EXAM_ERROR_INVALID, "sections" },
  { "points 0", LC_EXAM_ERROR_INVALID, "sections" },
  { "difficulty 4-2", LC_EXAM_ERROR_INVALID, "sections" },
  { "difficulty 0-3", LC_EXAM_ERROR_INVALID, "sections" },
  { "unknown category", LC_EXAM_ERROR_INVALID, "sections" },
  { "unknown department", LC_EXAM_ERROR_INVALID, "departments" },
  { "empty field", LC_EXAM_ERROR_INVALID, "fields" },
  { "shortfall", LC_EXAM_ERROR_SHORTFALL, "sections" },
};

START_TEST (test_validation)
{
  const InvalidCase *c = &invalid_cases[_i];
  g_autoptr (LcExam) exam = one_section_exam ("2026年度公共法律知识考试", CH5, LC_QUESTION_SINGLE, 3);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  LcExamSection *s = g_ptr_array_index (exam->sections, 0);
  g_autoptr (GError) error = NULL;
  const char *bad_field = NULL;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 3, "单选");
  ck_assert_msg (lc_exam_validate (trainer, exam, &bad_field, &error), "%s", error ? error->message : "");
  if (strcmp (c->what, "no title") == 0)
    g_free (g_steal_pointer (&exam->title)), exam->title = g_strdup ("  ");
  else if (strcmp (c->what, "closes before it opens") == 0)
    exam->closes_at = exam->opens_at;
  else if (strcmp (c->what, "no minutes") == 0)
    exam->minutes = 0;
  else if (strcmp (c->what, "specialist without field") == 0)
    exam->purpose = LC_EXAM_SPECIALIST;
  else if (strcmp (c->what, "negative attempts") == 0)
    exam->max_attempts = -1;
  else if (strcmp (c->what, "overlap over 100") == 0)
    exam->overlap_share = 101;
  else if (strcmp (c->what, "pass score above the total") == 0)
    exam->pass_score = lc_exam_max_score (exam) + 1;
  else if (strcmp (c->what, "no sections") == 0)
    g_ptr_array_set_size (exam->sections, 0);
  else if (strcmp (c->what, "count 0") == 0)
    s->count = 0;
  else if (strcmp (c->what, "points 0") == 0)
    s->points = 0;
  else if (strcmp (c->what, "difficulty 4-2") == 0)
    s->difficulty_min = 4, s->difficulty_max = 2;
  else if (strcmp (c->what, "difficulty 0-3") == 0)
    s->difficulty_min = 0, s->difficulty_max = 3;
  else if (strcmp (c->what, "unknown category") == 0)
    g_free (s->category), s->category = g_strdup ("行政处罚法/第九十章");
  else if (strcmp (c->what, "unknown department") == 0)
    {
      gint64 nowhere = 999;
      g_array_append_val (exam->departments, nowhere);
    }
  else if (strcmp (c->what, "empty field") == 0)
    g_ptr_array_add (exam->fields, g_strdup (""));
  else if (strcmp (c->what, "shortfall") == 0)
    s->count = 4, exam->pass_score = 0;
  ck_assert_msg (!lc_exam_validate (trainer, exam, &bad_field, &error), "%s accepted", c->what);
  lc_test_assert_error (error, LC_EXAM_ERROR, c->code);
  ck_assert_str_eq (bad_field, c->bad_field);
  /* create refuses with the same error, and stores nothing */
  g_clear_error (&error);
  ck_assert (!lc_exam_create (trainer, exam, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, c->code);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM exam"), 0);
}
END_TEST

START_TEST (test_shortfall_message)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("2026年度行政处罚法专项考试");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) available = NULL;
  g_autofree char *retired = NULL;

  lc_test_add_questions (LC_QUESTION_TRUEFALSE, "行政处罚法", 3, 5, "判断");
  /* 13 that fit: 8 in the chapter, 5 in a subcategory; others outside the difficulty range or retired */
  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 2, 4, "单选二");
  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 4, 4, "单选四");
  lc_test_add_questions (LC_QUESTION_SINGLE, CH5 "/第一节 一般规定", 3, 5, "单选节");
  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 5, 3, "单选五");
  lc_test_add_questions (LC_QUESTION_MULTIPLE, CH5, 3, 3, "多选");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法/第五章外", 3, 3, "相似路径");
  retired = lc_test_add_question (LC_QUESTION_SINGLE, CH5, 3, "退役");
  ck_assert (lc_bank_set_status (lc_test.system, retired, LC_QUESTION_RETIRED, NULL));

  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_TRUEFALSE, 5, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 20, 200, 2, 4);
  ck_assert (lc_exam_section_available (lc_test.system, exam, &available, &error));
  ck_assert_int_eq (available->len, 2);
  ck_assert_uint_eq (g_array_index (available, guint, 0), 5);
  ck_assert_uint_eq (g_array_index (available, guint, 1), 13);
  ck_assert (!lc_exam_validate (lc_test.system, exam, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SHORTFALL);
  ck_assert_str_eq (error->message, "Section 2 (" CH5 ", Single choice, difficulty 2–4) needs 20 questions, but "
                                    "the bank has only 13.");
  ((LcExamSection *) g_ptr_array_index (exam->sections, 1))->count = 13;
  g_clear_error (&error);
  ck_assert_msg (lc_exam_validate (lc_test.system, exam, NULL, &error), "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_overlapping_sections)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("嵌套分类");
  g_autoptr (GError) error = NULL;

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法/第一章", 3, 6, "章");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法/第二章", 3, 6, "其他");
  /* the whole law section comes first in the blueprint, yet the chapter's narrower pool is drawn first */
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 7, 100, 1, 5);
  lc_exam_add_section (exam, "行政处罚法/第一章", LC_QUESTION_SINGLE, 5, 100, 1, 5);
  ck_assert_msg (lc_exam_validate (lc_test.system, exam, NULL, &error), "%s", error ? error->message : "");
  ((LcExamSection *) g_ptr_array_index (exam->sections, 0))->count = 8;
  ck_assert (!lc_exam_validate (lc_test.system, exam, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SHORTFALL);
  ck_assert_str_eq (error->message, "Section 1 (行政处罚法, Single choice, difficulty 1–5) needs 8 questions, but "
                                    "only 7 are left in the bank once the other sections have drawn theirs.");
}
END_TEST

static void
assert_same_exam (const LcExam *a, const LcExam *b)
{
  ck_assert_str_eq (a->title, b->title);
  ck_assert_int_eq (a->purpose, b->purpose);
  ck_assert_str_eq (a->field ? a->field : "", b->field ? b->field : "");
  ck_assert_int_eq (a->opens_at, b->opens_at);
  ck_assert_int_eq (a->closes_at, b->closes_at);
  ck_assert_int_eq (a->minutes, b->minutes);
  ck_assert_int_eq (a->pass_score, b->pass_score);
  ck_assert_int_eq (a->max_attempts, b->max_attempts);
  ck_assert_int_eq (a->multiple_policy, b->multiple_policy);
  ck_assert_int_eq (a->review_policy, b->review_policy);
  ck_assert_int_eq (a->review_after_close, b->review_after_close);
  ck_assert_int_eq (a->overlap_share, b->overlap_share);
  ck_assert_int_eq (a->focus_loss_limit, b->focus_loss_limit);
  ck_assert_int_eq (a->status, b->status);
  ck_assert_uint_eq (a->departments->len, b->departments->len);
  for (guint i = 0; i < a->departments->len; i++)
    ck_assert_int_eq (g_array_index (a->departments, gint64, i), g_array_index (b->departments, gint64, i));
  ck_assert_uint_eq (a->fields->len, b->fields->len);
  for (guint i = 0; i < a->fields->len; i++)
    ck_assert_str_eq (g_ptr_array_index (a->fields, i), g_ptr_array_index (b->fields, i));
  ck_assert_uint_eq (a->sections->len, b->sections->len);
  for (guint i = 0; i < a->sections->len; i++)
    {
      const LcExamSection *x = g_ptr_array_index (a->sections, i);
      const LcExamSection *y = g_ptr_array_index (b->sections, i);

      ck_assert_int_eq (x->pos, y->pos);
      ck_assert_str_eq (x->title ? x->title : "", y->title ? y->title : "");
      ck_assert_str_eq (x->category ? x->category : "", y->category ? y->category : "");
      ck_assert_int_eq (x->type, y->type);
      ck_assert_uint_eq (x->count, y->count);
      ck_assert_int_eq (x->points, y->points);
      ck_assert_int_eq (x->difficulty_min, y->difficulty_min);
      ck_assert_int_eq (x->difficulty_max, y->difficulty_max);
    }
}

START_TEST (test_store_and_read)
{
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) officer_session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = lc_test_exam_new ("2026年度市场监管专业法律知识考试");
  g_autoptr (LcExam) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  LcExamSection *s;
  gint64 id = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 4, "单选");
  lc_test_add_questions (LC_QUESTION_FILL, "行政许可法", 2, 2, "填空");
  exam->purpose = LC_EXAM_SPECIALIST;
  exam->field = g_strdup ("市场监管");
  exam->max_attempts = 3;
  exam->multiple_policy = LC_MULTIPLE_PARTIAL;
  exam->review_policy = LC_REVIEW_FULL;
  exam->review_after_close = TRUE;
  exam->overlap_share = 25;
  exam->focus_loss_limit = 5;
  g_array_append_val (exam->departments, dept);
  g_ptr_array_add (exam->fields, g_strdup ("市场监管"));
  s = lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 4, 150, 2, 4);
  s->title = g_strdup ("一、单项选择题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_FILL, 2, 250, 1, 5);
  exam->pass_score = 700;

  ck_assert (!lc_exam_create (officer_session, exam, &id, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_exam_create (personnel, exam, &id, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert_msg (lc_exam_create (trainer, exam, &id, &error), "%s", error ? error->message : "");
  exam->id = id;
  got = lc_exam_get (trainer, id, &error);
  lc_test_assert_no_error (error);
  assert_same_exam (exam, got);
  ck_assert_int_eq (lc_exam_max_score (got), 1100);
  ck_assert_uint_eq (lc_exam_n_questions (got), 6);
  ck_assert_int_eq (got->created_at, LC_TEST_NOW);

  /* a draft is hidden from officers, not from personnel */
  ck_assert_ptr_null (lc_exam_get (officer_session, id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_EXAM);
  g_clear_error (&error);
  list = lc_exam_list (officer_session, &error);
  ck_assert_uint_eq (list->len, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = lc_exam_list (personnel, &error);
  ck_assert_uint_eq (list->len, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_free (got->title);
  got->title = g_strdup ("2026年度市场监管专业法律知识考试（补）");
  g_ptr_array_remove_index (got->sections, 1);
  g_ptr_array_set_size (got->fields, 0);
  got->pass_score = 300;
  ck_assert_msg (lc_exam_update (trainer, got, &error), "%s", error ? error->message : "");
  lc_exam_free (exam);
  exam = lc_exam_get (trainer, id, &error);
  assert_same_exam (got, exam);

  ck_assert (lc_exam_publish (trainer, id, &error));
  ck_assert (lc_exam_publish (trainer, id, &error));
  lc_exam_free (got);
  got = lc_exam_get (officer_session, id, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (got->status, LC_EXAM_PUBLISHED);
  list = lc_exam_list (officer_session, &error);
  ck_assert_uint_eq (list->len, 1);

  /* once sat: no deletion, no change of the blueprint; the window may move */
  start (officer_session, id, officer);
  got->closes_at += 86400;
  ck_assert_msg (lc_exam_update (trainer, got, &error), "%s", error ? error->message : "");
  ((LcExamSection *) g_ptr_array_index (got->sections, 0))->count = 3;
  got->pass_score = 200;
  ck_assert (!lc_exam_update (trainer, got, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_HAS_ATTEMPTS);
  g_clear_error (&error);
  ck_assert (!lc_exam_delete (trainer, id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_HAS_ATTEMPTS);
  g_clear_error (&error);
  ck_assert_int_eq (lc_test_query_int ("SELECT closes_at FROM exam"), LC_TEST_NOW + 8 * 86400);
}
END_TEST

START_TEST (test_delete)
{
  g_autoptr (LcExam) exam = one_section_exam ("删除", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (GError) error = NULL;
  gint64 id;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 2, "单选");
  id = lc_test_publish_exam (exam);
  ck_assert (lc_exam_delete (lc_test.system, id, &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM exam_section"), 0);
  ck_assert (!lc_exam_delete (lc_test.system, id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_EXAM);
}
END_TEST

/* Key files ------------------------------------------------------------- */

static const char key_file[] = "# 年度考试\n"
                               "[Exam]\n"
                               "Title=2026年度行政执法人员公共法律知识考试\n"
                               "Purpose=update\n"
                               "Opens=2026-06-14T09:00:00+08:00\n"
                               "Closes=2026-06-30 17:00:00Z\n"
                               "Minutes=90\n"
                               "PassScore=4.5\n"
                               "MaxAttempts=2\n"
                               "MultiplePolicy=partial\n"
                               "Review=answers\n"
                               "ReviewAfterClose=true\n"
                               "OverlapPercent=20\n"
                               "FocusLossLimit=3\n"
                               "Departments=D01\n"
                               "Fields=市场监管;交通运输\n"
                               "Status=published\n"
                               "\n"
                               "[Section 2]\n"
                               "Category=\n"
                               "Type=fill\n"
                               "Count=1\n"
                               "Points=2\n"
                               "\n"
                               "[Section 1]\n"
                               "Title=一、单项选择题\n"
                               "Category=" CH5 "\n"
                               "Type=single\n"
                               "Count=3\n"
                               "Points=1.5\n"
                               "Difficulty=2-4\n";

START_TEST (test_key_file)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (LcExam) again = NULL;
  g_autoptr (LcExam) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  LcExamSection *s;
  gint64 id = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 3, "单选");
  lc_test_add_questions (LC_QUESTION_FILL, "行政许可法", 3, 1, "填空");
  exam = lc_exam_from_key_file (lc_test.system, key_file, strlen (key_file), &error);
  ck_assert_msg (exam != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (exam->title, "2026年度行政执法人员公共法律知识考试");
  ck_assert_int_eq (exam->purpose, LC_EXAM_UPDATE);
  ck_assert_int_eq (exam->opens_at, 1781398800); /* 2026-06-14 01:00 UTC */
  ck_assert_int_eq (exam->closes_at, 1782838800);
  ck_assert_int_eq (exam->minutes, 90);
  ck_assert_int_eq (exam->pass_score, 450);
  ck_assert_int_eq (exam->multiple_policy, LC_MULTIPLE_PARTIAL);
  ck_assert_int_eq (exam->review_policy, LC_REVIEW_ANSWERS);
  ck_assert (exam->review_after_close);
  ck_assert_int_eq (exam->overlap_share, 20);
  ck_assert_int_eq (exam->focus_loss_limit, 3);
  ck_assert_int_eq (exam->status, LC_EXAM_PUBLISHED);
  ck_assert_uint_eq (exam->departments->len, 1);
  ck_assert_int_eq (g_array_index (exam->departments, gint64, 0), dept);
  ck_assert_uint_eq (exam->fields->len, 2);
  ck_assert_uint_eq (exam->sections->len, 2);
  s = g_ptr_array_index (exam->sections, 0);
  ck_assert_str_eq (s->title, "一、单项选择题");
  ck_assert_str_eq (s->category, CH5);
  ck_assert_int_eq (s->points, 150);
  ck_assert_int_eq (s->difficulty_min, 2);
  ck_assert_int_eq (s->difficulty_max, 4);
  s = g_ptr_array_index (exam->sections, 1);
  ck_assert_ptr_null (s->category);
  ck_assert_int_eq (s->type, LC_QUESTION_FILL);
  ck_assert_int_eq (s->difficulty_min, 1);
  ck_assert_int_eq (s->difficulty_max, 5);

  ck_assert_msg (lc_exam_create (lc_test.system, exam, &id, &error), "%s", error ? error->message : "");
  stored = lc_exam_get (lc_test.system, id, &error);
  text = lc_exam_to_key_file (lc_test.system, stored, &error);
  ck_assert_ptr_nonnull (strstr (text, "Opens=2026-06-14T01:00:00Z"));
  again = lc_exam_from_key_file (lc_test.system, text, strlen (text), &error);
  ck_assert_msg (again != NULL, "%s\n%s", error ? error->message : "", text);
  assert_same_exam (stored, again);
}
END_TEST

typedef struct
{
  const char *from;
  const char *to;
  const char *message;
} KeyFileCase;

static const KeyFileCase key_file_cases[] = {
  { "Title=2026年度行政执法人员公共法律知识考试\n", "", "[Exam] Title: missing" },
  { "Type=fill", "Type=blank", "[Section 2] Type: “blank” is not one of single, multiple, truefalse, fill, essay" },
  { "Difficulty=2-4", "Difficulty=4-2", "[Section 1] Difficulty: “4-2” is not a difficulty such as 3 or 2-4 (1 to 5)" },
  { "Points=1.5", "Points=1.555", "[Section 1] Points: “1.555” is not a number of points such as 60 or 1.5" },
  { "Count=3", "Count=three", "[Section 1] Count: “three” is not a whole number from 1 to 1000" },
  { "Minutes=90", "Minutes=0", "[Exam] Minutes: “0” is not a whole number from 1 to 1440" },
  { "Review=answers", "Review=all", "[Exam] Review: “all” is not one of none, score, answers, full" },
  { "Closes=2026-06-30 17:00:00Z", "Closes=30/06/2026",
    "[Exam] Closes: “30/06/2026” is not a time such as "
    "2026-06-01T09:00:00+08:00 or 2026-06-01 09:00" },
  { "[Section 2]", "[Part 2]", "[Part 2]: unknown group (use [Exam] and [Section 1], [Section 2], …)." },
  { "[Exam]", "[Test]", "The exam file has no [Exam] group." },
};

START_TEST (test_key_file_errors)
{
  const KeyFileCase *c = &key_file_cases[_i];
  g_autoptr (GString) text = g_string_new (key_file);
  g_autoptr (GError) error = NULL;

  ck_assert (g_string_replace (text, c->from, c->to, 1) == 1);
  ck_assert_ptr_null (lc_exam_from_key_file (lc_test.system, text->str, text->len, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_KEY_FILE);
  ck_assert_str_eq (error->message, c->message);
}
END_TEST

/* Grading --------------------------------------------------------------- */

typedef struct
{
  LcQuestionType type;
  LcMultiplePolicy policy;
  const char *answer; /* option texts separated by '+', or the text of a fill-in; NULL: unanswered */
  gint64 expected;    /* of 300 */
} GradeCase;

static const GradeCase grade_cases[] = {
  { LC_QUESTION_SINGLE, LC_MULTIPLE_ALL_OR_NOTHING, "甲", 300 },
  { LC_QUESTION_SINGLE, LC_MULTIPLE_ALL_OR_NOTHING, "乙", 0 },
  { LC_QUESTION_SINGLE, LC_MULTIPLE_ALL_OR_NOTHING, NULL, 0 },
  { LC_QUESTION_TRUEFALSE, LC_MULTIPLE_ALL_OR_NOTHING, "T", 300 },
  { LC_QUESTION_TRUEFALSE, LC_MULTIPLE_ALL_OR_NOTHING, "F", 0 },
  /* 多选、少选、错选均不得分 */
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_ALL_OR_NOTHING, "甲+乙+丙", 300 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_ALL_OR_NOTHING, "甲+乙", 0 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_ALL_OR_NOTHING, "甲+乙+丙+丁", 0 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_ALL_OR_NOTHING, NULL, 0 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_PARTIAL, "甲+乙+丙", 300 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_PARTIAL, "甲+丙", 200 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_PARTIAL, "乙", 100 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_PARTIAL, "甲+乙+戊", 0 },
  { LC_QUESTION_MULTIPLE, LC_MULTIPLE_PARTIAL, "丁", 0 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, "行政处罚", 300 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, " 行政 处罚。", 300 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, "“行政处罚”", 300 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, "ａｂｃ", 300 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, "A-B-C", 300 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, "行政许可", 0 },
  { LC_QUESTION_FILL, LC_MULTIPLE_ALL_OR_NOTHING, "。", 0 },
};

START_TEST (test_grading)
{
  const GradeCase *c = &grade_cases[_i];
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcExam) exam = lc_test_exam_new ("评分");
  g_autoptr (LcPaper) paper = NULL;
  g_autoptr (LcPaper) review = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id;

  lc_test_add_questions (c->type, CH5, 3, 1, "题");
  lc_exam_add_section (exam, CH5, c->type, 1, 300, 1, 5);
  exam->multiple_policy = c->policy;
  exam->review_policy = LC_REVIEW_ANSWERS;
  exam->pass_score = 300;
  exam_id = lc_test_publish_exam (exam);
  attempt_id = start (session, exam_id, officer);
  paper = paper_of (session, attempt_id);
  if (c->answer != NULL && (c->type == LC_QUESTION_FILL || c->type == LC_QUESTION_TRUEFALSE))
    answer (session, attempt_id, 1, c->answer);
  else if (c->answer != NULL)
    {
      g_auto (GStrv) texts = g_strsplit (c->answer, "+", -1);
      g_autoptr (GString) letters = g_string_new (NULL);

      for (guint i = 0; texts[i] != NULL; i++)
        g_string_append_c (letters, lc_test_letter_of (g_ptr_array_index (paper->items, 0), texts[i]));
      answer (session, attempt_id, 1, letters->str);
    }
  ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
  attempt = lc_exam_get_attempt (session, attempt_id, &error);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_GRADED);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_OFFICER);
  ck_assert (attempt->has_score);
  ck_assert_int_eq (attempt->score, c->expected);
  ck_assert (attempt->passed == (c->expected == 300));
  review = paper_of (session, attempt_id);
  ck_assert (review->has_awarded && !review->has_key);
  ck_assert_int_eq (((LcPaperItem *) g_ptr_array_index (review->items, 0))->awarded, c->expected);
}
END_TEST

/* The grading rules as first written, a query of the options per item:
 * the oracle the batch must agree with. */
static gint64
reference_award (gint64 version_id, const char *type_text, gint64 points, const char *response, LcMultiplePolicy policy)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcStmt) stmt =
      lc_db_prepare (lc_test.db, "SELECT pos, text, correct FROM option WHERE version_id = ?", &error);
  g_autoptr (GArray) chosen = _lc_exam_split_positions (response);
  g_autofree char *answer = response != NULL ? lc_exam_normalize_fill (response) : NULL;
  guint n_correct = 0, n_right = 0, n_wrong = 0;
  gboolean has_row = FALSE, matched = FALSE;
  LcQuestionType type;

  ck_assert (lc_question_type_from_string (type_text, &type));
  if (response == NULL)
    return 0;
  if (type == LC_QUESTION_ESSAY)
    {
      g_autofree char *text = g_strstrip (g_strdup (response));
      return text[0] == '\0' ? 0 : -1;
    }
  ck_assert_ptr_nonnull (stmt);
  lc_stmt_bind_int (stmt, 1, version_id);
  while (lc_db_step (lc_test.db, stmt, &has_row, &error) && has_row)
    {
      int pos = (int) lc_stmt_int (stmt, 0);
      gboolean correct = lc_stmt_int (stmt, 2) != 0, picked = FALSE;
      g_autofree char *text = lc_stmt_dup_text (stmt, 1);
      g_autofree char *accepted = lc_exam_normalize_fill (text);

      matched = matched || (answer[0] != '\0' && strcmp (answer, accepted) == 0);
      for (guint i = 0; i < chosen->len; i++)
        picked = picked || g_array_index (chosen, int, i) == pos;
      n_correct += correct;
      n_right += correct && picked;
      n_wrong += !correct && picked;
    }
  lc_test_assert_no_error (error);
  if (type == LC_QUESTION_FILL)
    return matched ? points : 0;
  if (type != LC_QUESTION_MULTIPLE)
    return n_wrong == 0 && n_right == 1 && n_correct == 1 ? points : 0;
  if (n_wrong > 0 || n_right == 0 || n_correct == 0)
    return 0;
  if (n_right == n_correct)
    return points;
  return policy == LC_MULTIPLE_PARTIAL ? points * n_right / n_correct : 0;
}

static LcExamSimAnswer
mixed_answers (gint64 question_id, LcQuestionType type, int difficulty, gpointer user_data)
{
  guint *n = user_data;
  static const LcExamSimAnswer cycle[] = { LC_EXAM_SIM_RIGHT, LC_EXAM_SIM_WRONG, LC_EXAM_SIM_RIGHT, LC_EXAM_SIM_BLANK,
                                           LC_EXAM_SIM_WRONG, LC_EXAM_SIM_RIGHT, LC_EXAM_SIM_WRONG };

  return cycle[(*n)++ % G_N_ELEMENTS (cycle)];
}

#define ITEMS_SQL                                                                                                      \
  "SELECT group_concat(attempt_id || ':' || pos || '=' || coalesce(awarded, '-'), ' ') FROM "                          \
  "(SELECT * FROM attempt_item ORDER BY attempt_id, pos)"
#define ATTEMPTS_SQL                                                                                                   \
  "SELECT group_concat(id || ' ' || state || ' ' || coalesce(score, '-') || ' ' || coalesce(passed, '-'), '; ') "      \
  "FROM (SELECT * FROM attempt ORDER BY id)"

/* Check cannot print texts this long: only where they part. */
static void
assert_same_text (const char *got, const char *expected)
{
  gsize at = 0;

  while (got[at] != '\0' && got[at] == expected[at])
    at++;
  ck_assert_msg (got[at] == expected[at], "they part at %" G_GSIZE_FORMAT ": “%.60s” and “%.60s”", at,
                 got + (at > 20 ? at - 20 : 0), expected + (at > 20 ? at - 20 : 0));
}

/* The one text @sql gives, read on the fixture's connection (inside its
 * transaction, unlike lc_test_query_text()). */
static char *
query_text_here (const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcStmt) stmt = lc_db_prepare (lc_test.db, sql, &error);
  gboolean has_row = FALSE;

  ck_assert_msg (stmt != NULL && lc_db_step (lc_test.db, stmt, &has_row, &error) && has_row, "%s",
                 error ? error->message : "no row");
  return lc_stmt_dup_text (stmt, 0);
}

START_TEST (test_grade_batch)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) officer_session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (GError) error = NULL;
  g_autofree char *items_one = NULL, *attempts_one = NULL, *items_batch = NULL, *attempts_batch = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  gboolean has_row = FALSE;
  guint counter = 0, n_graded = 0, n_items = 0;
  int no = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 6, "单选");
  lc_test_add_questions (LC_QUESTION_MULTIPLE, CH5, 3, 6, "多选");
  lc_test_add_questions (LC_QUESTION_TRUEFALSE, CH5, 3, 5, "判断");
  lc_test_add_questions (LC_QUESTION_FILL, CH5, 3, 5, "填空");
  lc_test_add_questions (LC_QUESTION_ESSAY, CH5, 3, 2, "案例");
  /* both policies, papers of every type, each drawn with its own seed */
  for (int policy = LC_MULTIPLE_ALL_OR_NOTHING; policy <= LC_MULTIPLE_PARTIAL; policy++)
    {
      g_autoptr (LcExam) exam = lc_test_exam_new (policy == LC_MULTIPLE_PARTIAL ? "部分得分" : "全对得分");
      g_autoptr (LcExam) stored = NULL;

      exam->multiple_policy = policy;
      exam->max_attempts = 0;
      lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 4, 100, 1, 5);
      lc_exam_add_section (exam, CH5, LC_QUESTION_MULTIPLE, 4, 300, 1, 5);
      lc_exam_add_section (exam, CH5, LC_QUESTION_TRUEFALSE, 3, 100, 1, 5);
      lc_exam_add_section (exam, CH5, LC_QUESTION_FILL, 3, 150, 1, 5);
      lc_exam_add_section (exam, CH5, LC_QUESTION_ESSAY, 1, 500, 1, 5);
      exam->pass_score = lc_exam_max_score (exam) / 2;
      stored = _lc_exam_load (lc_test.db, lc_test_publish_exam (exam), &error);
      ck_assert_ptr_nonnull (stored);
      for (int i = 0; i < 15; i++)
        {
          no++;
          ck_assert_msg (_lc_exam_simulate_attempt (lc_test.db, stored, officer, no, 100 + no, LC_TEST_NOW - 1800,
                                                    LC_TEST_NOW - 60, mixed_answers, &counter, NULL, NULL, &error),
                         "%s", error ? error->message : "");
        }
    }
  /* answers as officers type them, odd stored forms, and a trainer's grade before */
  ck_assert (lc_db_exec (
      lc_test.db,
      "UPDATE attempt_item SET response = CASE rowid % 6 WHEN 0 THEN ' ａｂｃ。' WHEN 1 THEN '“行政 处罚”' "
      "WHEN 2 THEN '。' WHEN 3 THEN 'abd' ELSE response END "
      "WHERE question_version_id IN (SELECT id FROM question_version WHERE type = 'fill');"
      "UPDATE attempt_item SET response = CASE attempt_id % 3 WHEN 0 THEN ' \n ' WHEN 1 THEN '应当听取陈述申辩' "
      "ELSE NULL END WHERE question_version_id IN (SELECT id FROM question_version WHERE type = 'essay');"
      "UPDATE attempt_item SET response = CASE rowid % 9 WHEN 0 THEN '0,0' WHEN 1 THEN '1,' WHEN 2 THEN '' "
      "WHEN 3 THEN ',0' ELSE response END WHERE rowid % 4 = 0 AND question_version_id IN "
      "(SELECT id FROM question_version WHERE type IN ('single', 'multiple', 'truefalse'));"
      "UPDATE attempt_item SET awarded = 40 WHERE rowid % 23 = 0;",
      &error));
  lc_test_assert_no_error (error);

  /* one attempt at a time, each with a run of its own, then undone */
  ck_assert (lc_db_begin (lc_test.db, &error));
  for (gint64 id = 1; id <= no; id++)
    ck_assert_msg (_lc_exam_grade_attempt (lc_test.db, id, &error), "%s", error ? error->message : "");
  items_one = query_text_here (ITEMS_SQL);
  attempts_one = query_text_here (ATTEMPTS_SQL);
  lc_db_rollback (lc_test.db);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'submitted'"), no);

  ck_assert (!lc_exam_grade_submitted (officer_session, 0, &n_graded, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert_msg (lc_exam_grade_submitted (trainer, 0, &n_graded, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (n_graded, no);
  items_batch = query_text_here (ITEMS_SQL);
  attempts_batch = query_text_here (ATTEMPTS_SQL);
  assert_same_text (items_batch, items_one);
  assert_same_text (attempts_batch, attempts_one);
  /* not a vacuous agreement: every kind of outcome occurs */
  ck_assert_int_gt (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'graded'"), 0);
  ck_assert_int_gt (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'awaiting_grading'"), 0);
  ck_assert_int_ge (lc_test_query_int ("SELECT count(DISTINCT awarded) FROM attempt_item"), 6);

  /* and both agree with the rules as first written, item by item */
  stmt = lc_db_prepare (lc_test.db,
                        "SELECT i.question_version_id, v.type, i.points, i.response, i.awarded, e.multiple_policy "
                        "FROM attempt_item i JOIN question_version v ON v.id = i.question_version_id "
                        "JOIN attempt a ON a.id = i.attempt_id JOIN exam e ON e.id = a.exam_id WHERE i.rowid % 23 <> 0",
                        &error);
  ck_assert_ptr_nonnull (stmt);
  while (lc_db_step (lc_test.db, stmt, &has_row, &error) && has_row)
    {
      g_autofree char *type = lc_stmt_dup_text (stmt, 1);
      g_autofree char *response = lc_stmt_dup_text_or_null (stmt, 3);
      g_autofree char *policy_text = lc_stmt_dup_text (stmt, 5);
      LcMultiplePolicy policy = LC_MULTIPLE_ALL_OR_NOTHING;
      gint64 awarded = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : lc_stmt_int (stmt, 4);

      lc_multiple_policy_from_string (policy_text, &policy);
      ck_assert_int_eq (awarded,
                        reference_award (lc_stmt_int (stmt, 0), type, lc_stmt_int (stmt, 2), response, policy));
      n_items++;
    }
  lc_test_assert_no_error (error);
  ck_assert_uint_gt (n_items, 400);
}
END_TEST

typedef struct
{
  const char *in;
  const char *out;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "行政处罚", "行政处罚" },
  { " 行政　处罚 ", "行政处罚" },
  { "《行政处罚法》", "行政处罚法" },
  { "ＡＢＣ１２３", "abc123" },
  { "A, B; c.", "abc" },
  { "（十五）日", "十五日" },
  { "", "" },
  { "。，、", "" },
};

static LcExamSimAnswer
all_right (gint64 question_id, LcQuestionType type, int difficulty, gpointer user_data)
{
  return LC_EXAM_SIM_RIGHT;
}

/* A trainer's grade on an attempt stored for later grading (an import, the
 * demo) does not leave its other answers without marks: they are marked
 * first. */
START_TEST (test_grade_item_marks_the_rest)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcExam) exam = lc_test_exam_new ("留待评分");
  g_autoptr (LcExam) stored = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GError) error = NULL;
  gint64 attempt_id = 0;
  int essay_pos;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 4, "单选");
  lc_test_add_questions (LC_QUESTION_ESSAY, CH5, 3, 2, "案例");
  lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 2, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_ESSAY, 1, 500, 1, 5);
  exam->pass_score = 300;
  stored = _lc_exam_load (lc_test.db, lc_test_publish_exam (exam), &error);
  ck_assert_msg (_lc_exam_simulate_attempt (lc_test.db, stored, officer, 1, 7, LC_TEST_NOW - 1800, LC_TEST_NOW - 60,
                                            all_right, NULL, NULL, &attempt_id, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'submitted'"), 1);
  essay_pos = (int) lc_test_query_int ("SELECT i.pos FROM attempt_item i JOIN question_version v "
                                       "ON v.id = i.question_version_id WHERE v.type = 'essay'");

  ck_assert_msg (lc_exam_grade_item (trainer, attempt_id, essay_pos, 400, "要点齐全", &error), "%s",
                 error ? error->message : "");
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt_item WHERE awarded IS NULL"), 0);
  attempt = attempt_of (attempt_id);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_GRADED);
  ck_assert_int_eq (attempt->score, 200 + 400);
  ck_assert (attempt->passed);
}
END_TEST

START_TEST (test_normalize)
{
  g_autofree char *out = lc_exam_normalize_fill (normalize_cases[_i].in);

  ck_assert_str_eq (out, normalize_cases[_i].out);
}
END_TEST

START_TEST (test_essay)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  gint64 other = lc_test_add_officer ("330401002", "李娜", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcSession) other_session = lc_test_session (LC_ROLE_OFFICER, other);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcExam) exam = lc_test_exam_new ("案例分析");
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (LcPaper) paper = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id, blank_id;
  LcPaperItem *essay;
  int essay_pos;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 1, "单选");
  lc_test_add_questions (LC_QUESTION_ESSAY, CH5, 3, 1, "案例");
  lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 1, 200, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_ESSAY, 1, 1000, 1, 5);
  exam->pass_score = 600;
  exam->review_policy = LC_REVIEW_FULL;
  exam_id = lc_test_publish_exam (exam);
  attempt_id = start (session, exam_id, officer);
  paper = paper_of (trainer, attempt_id);
  essay_pos = ((LcPaperItem *) g_ptr_array_index (paper->items, 1))->type == LC_QUESTION_ESSAY ? 2 : 1;
  {
    char right[2] = { lc_test_letter_of (g_ptr_array_index (paper->items, 2 - essay_pos), "甲"), '\0' };

    answer (session, attempt_id, 3 - essay_pos, right);
  }
  answer (session, attempt_id, essay_pos, "应当告知当事人拟作出的行政处罚内容及事实、理由、依据。");

  /* not while in progress */
  ck_assert (!lc_exam_grade_item (trainer, attempt_id, essay_pos, 500, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_SUBMITTED);
  g_clear_error (&error);
  ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
  attempt = lc_exam_get_attempt (session, attempt_id, &error);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_AWAITING_GRADING);
  ck_assert (!attempt->has_score);
  ck_assert_uint_eq (attempt->n_ungraded, 1);

  /* who may grade, and how much */
  ck_assert (!lc_exam_grade_item (session, attempt_id, essay_pos, 500, NULL, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_exam_grade_item (personnel, attempt_id, essay_pos, 500, NULL, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_exam_grade_item (trainer, attempt_id, essay_pos, 1001, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_POINTS);
  {
    g_autofree char *expected = g_strdup_printf ("Question %d is worth 0 to 10 points.", essay_pos);
    ck_assert_str_eq (error->message, expected);
  }
  g_clear_error (&error);
  ck_assert (!lc_exam_grade_item (trainer, attempt_id, 3, 100, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);

  ck_assert (lc_exam_grade_item (trainer, attempt_id, essay_pos, 450, "要点基本齐全", &error));
  lc_attempt_free (attempt);
  attempt = lc_exam_get_attempt (session, attempt_id, &error);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_GRADED);
  ck_assert_int_eq (attempt->score, 650);
  ck_assert (attempt->passed);
  lc_paper_free (paper);
  paper = paper_of (session, attempt_id);
  essay = g_ptr_array_index (paper->items, essay_pos - 1);
  ck_assert_int_eq (essay->awarded, 450);
  ck_assert_str_eq (essay->grader_comment, "要点基本齐全");
  ck_assert_str_eq (essay->model_answer, "参考答案：应当先行告知并听取陈述申辩。");
  /* a trainer may override an automatic grade */
  ck_assert (lc_exam_grade_item (trainer, attempt_id, 3 - essay_pos, 0, "答案有误", &error));
  lc_attempt_free (attempt);
  attempt = lc_exam_get_attempt (trainer, attempt_id, &error);
  ck_assert_int_eq (attempt->score, 450);
  ck_assert (!attempt->passed);

  /* an empty essay needs no trainer */
  blank_id = start (other_session, exam_id, other);
  ck_assert (lc_exam_submit (other_session, blank_id, &error));
  lc_attempt_free (attempt);
  attempt = lc_exam_get_attempt (trainer, blank_id, &error);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_GRADED);
  ck_assert_int_eq (attempt->score, 0);

  attempts = lc_exam_list_attempts (personnel, exam_id, 0, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (attempts->len, 2);
}
END_TEST

/* Timing ------------------------------------------------------------------ */

START_TEST (test_deadline)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("计时", CH5, LC_QUESTION_SINGLE, 3);
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (LcPaper) paper = NULL;
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id, again = 0;
  gboolean resumed = FALSE;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 3, "单选");
  exam->minutes = 30;
  exam_id = lc_test_publish_exam (exam);
  attempt_id = start (session, exam_id, officer);
  attempt = attempt_of (attempt_id);
  ck_assert_int_eq (attempt->started_at, LC_TEST_NOW);
  ck_assert_int_eq (attempt->deadline_at, LC_TEST_NOW + 30 * 60);
  ck_assert_int_eq (attempt->no, 1);

  lc_test_set_now (LC_TEST_NOW + 10 * 60);
  answer (session, attempt_id, 1, "A");
  ck_assert (lc_exam_set_flag (session, attempt_id, 2, TRUE, &error));
  /* a crash and a restart: the same attempt, its answers and its clock */
  ck_assert (lc_exam_start (session, exam_id, officer, &again, &resumed, &error));
  ck_assert_int_eq (again, attempt_id);
  ck_assert (resumed);
  paper = paper_of (session, attempt_id);
  ck_assert_int_eq (paper->deadline_at - paper->now, 20 * 60);
  ck_assert_str_eq (((LcPaperItem *) g_ptr_array_index (paper->items, 0))->response, "A");
  ck_assert_int_eq (((LcPaperItem *) g_ptr_array_index (paper->items, 0))->answered_at, LC_TEST_NOW + 600);
  ck_assert (((LcPaperItem *) g_ptr_array_index (paper->items, 1))->flagged);
  ck_assert_ptr_null (((LcPaperItem *) g_ptr_array_index (paper->items, 1))->response);

  lc_test_set_now (LC_TEST_NOW + 30 * 60 - 1);
  answer (session, attempt_id, 2, "B");
  lc_test_set_now (LC_TEST_NOW + 30 * 60);
  ck_assert (!lc_exam_answer (session, attempt_id, 3, "C", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_TIME_UP);
  g_clear_error (&error);
  /* submitted at the deadline with what was saved */
  lc_attempt_free (attempt);
  attempt = attempt_of (attempt_id);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_GRADED);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_DEADLINE);
  ck_assert_int_eq (attempt->submitted_at, LC_TEST_NOW + 30 * 60);
  ck_assert_uint_eq (attempt->n_answered, 2);
  ck_assert (!lc_exam_answer (session, attempt_id, 3, "C", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED);
  g_clear_error (&error);
  ck_assert (!lc_exam_submit (session, attempt_id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED);
}
END_TEST

START_TEST (test_deadline_from_close)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("临近截止", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 2, "单选");
  exam->minutes = 90;
  exam->closes_at = LC_TEST_NOW + 20 * 60;
  exam_id = lc_test_publish_exam (exam);
  attempt_id = start (session, exam_id, officer);
  attempt = attempt_of (attempt_id);
  ck_assert_int_eq (attempt->deadline_at, LC_TEST_NOW + 20 * 60);

  /* the overdue attempt is submitted by whoever looks next */
  lc_test_set_now (LC_TEST_NOW + 3600);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'in_progress'"), 1);
  {
    guint n = 0;

    ck_assert (lc_exam_submit_overdue (lc_test.system, 0, &n, &error));
    ck_assert_uint_eq (n, 1);
    ck_assert (lc_exam_submit_overdue (lc_test.system, 0, &n, &error));
    ck_assert_uint_eq (n, 0);
  }
  lc_attempt_free (attempt);
  attempt = attempt_of (attempt_id);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_DEADLINE);
  ck_assert_int_eq (attempt->submitted_at, LC_TEST_NOW + 20 * 60);
  ck_assert_int_eq (attempt->score, 0);
}
END_TEST

/* Moving the close earlier shortens the attempts running; moving it later
 * gives them back their time limit, never more. */
START_TEST (test_deadline_follows_window)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  gint64 other = lc_test_add_officer ("330401002", "王芳", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcSession) other_session = lc_test_session (LC_ROLE_OFFICER, other);
  g_autoptr (LcExam) exam = one_section_exam ("改期", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (LcExam) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id, other_attempt;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 2, "单选");
  exam->minutes = 90;
  exam_id = lc_test_publish_exam (exam);
  attempt_id = start (session, exam_id, officer);
  ck_assert_int_eq (attempt_of_deadline (attempt_id), LC_TEST_NOW + 90 * 60);

  stored = lc_exam_get (lc_test.system, exam_id, &error);
  stored->closes_at = LC_TEST_NOW + 10 * 60;
  ck_assert_msg (lc_exam_update (lc_test.system, stored, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (attempt_of_deadline (attempt_id), LC_TEST_NOW + 10 * 60);

  /* Later again: the time limit counts once more, never more than it. */
  stored->closes_at = LC_TEST_NOW + 86400;
  ck_assert_msg (lc_exam_update (lc_test.system, stored, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (attempt_of_deadline (attempt_id), LC_TEST_NOW + 90 * 60);

  /* An attempt begun after the new close is due at once. */
  lc_test_set_now (LC_TEST_NOW + 60);
  other_attempt = start (other_session, exam_id, other);
  lc_test_set_now (LC_TEST_NOW);
  stored->closes_at = LC_TEST_NOW + 30;
  ck_assert_msg (lc_exam_update (lc_test.system, stored, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (attempt_of_deadline (attempt_id), LC_TEST_NOW + 30);
  ck_assert_int_eq (attempt_of_deadline (other_attempt), LC_TEST_NOW + 61);

  lc_test_set_now (LC_TEST_NOW + 20 * 60);
  ck_assert (!lc_exam_answer (session, attempt_id, 1, "A", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_TIME_UP);
}
END_TEST

/* The clock passes the close while a start is under way: the start is
 * refused as closed or stored with a deadline after it began, never a
 * storage error. */
static gint64 step_close;
static guint step_calls, step_after;

static gint64
stepping_clock (gpointer user_data)
{
  return ++step_calls <= step_after ? step_close - 1 : step_close;
}

START_TEST (test_start_in_the_last_second)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("最后一秒", CH5, LC_QUESTION_SINGLE, 1);
  gint64 exam_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 2, "单选");
  exam_id = lc_test_publish_exam (exam);
  step_close = exam->closes_at;
  for (step_after = 0; step_after < 12; step_after++)
    {
      g_autoptr (GError) error = NULL;
      gint64 attempt_id = 0;

      step_calls = 0;
      lc_db_set_clock (lc_test.db, stepping_clock, NULL);
      if (lc_exam_start (session, exam_id, officer, &attempt_id, NULL, &error))
        {
          ck_assert_int_gt (lc_test_query_int ("SELECT deadline_at - started_at FROM attempt"), 0);
          break;
        }
      lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_CLOSED);
    }
}
END_TEST

START_TEST (test_window)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("窗口", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 2, "单选");
  ck_assert (lc_exam_create (lc_test.system, exam, &exam_id, &error));
  ck_assert (!lc_exam_start (session, exam_id, officer, &attempt_id, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_PUBLISHED);
  g_clear_error (&error);
  ck_assert (lc_exam_publish (lc_test.system, exam_id, &error));
  lc_test_set_now (exam->opens_at - 1);
  ck_assert (!lc_exam_start (session, exam_id, officer, &attempt_id, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_OPEN);
  g_clear_error (&error);
  lc_test_set_now (exam->closes_at);
  ck_assert (!lc_exam_start (session, exam_id, officer, &attempt_id, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_CLOSED);
  g_clear_error (&error);
  lc_test_set_now (exam->opens_at);
  ck_assert (lc_exam_start (session, exam_id, officer, &attempt_id, NULL, &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt"), 1);
}
END_TEST

START_TEST (test_attempts)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("补考", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (LcExam) practice = one_section_exam ("练习", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (GError) error = NULL;
  gint64 exam_id, practice_id, attempt_id = 0;
  g_autoptr (LcAttempt) second = NULL;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 4, "单选");
  exam_id = lc_test_publish_exam (exam);
  practice->purpose = LC_EXAM_PRACTICE;
  practice->max_attempts = 0;
  practice_id = lc_test_publish_exam (practice);
  for (int i = 0; i < 2; i++)
    {
      attempt_id = start (session, exam_id, officer);
      ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
    }
  second = attempt_of (attempt_id);
  ck_assert_int_eq (second->no, 2);
  ck_assert (!lc_exam_start (session, exam_id, officer, &attempt_id, NULL, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NO_ATTEMPTS_LEFT);
  g_clear_error (&error);
  for (int i = 0; i < 5; i++)
    {
      attempt_id = start (session, practice_id, officer);
      ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
    }
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt"), 7);
}
END_TEST

START_TEST (test_eligibility)
{
  gint64 bureau = lc_test_add_department ("D02", "交通运输局", 0);
  gint64 brigade = lc_test_add_department ("D0201", "执法一大队", bureau);
  gint64 squad = lc_test_add_department ("D020101", "一中队", brigade);
  gint64 in_squad = lc_test_add_officer ("330401001", "张伟", squad);
  gint64 elsewhere = lc_test_add_officer ("330401002", "李娜", dept);
  gint64 left = lc_test_add_officer ("330401003", "王强", squad);
  g_autoptr (LcExam) by_department = one_section_exam ("按部门", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcExam) by_field = one_section_exam ("按领域", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcExam) both = one_section_exam ("部门且领域", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (GError) error = NULL;
  gint64 ids[3];
  const gint64 officers[] = { in_squad, elsewhere, left };
  /* [exam][officer] */
  const gboolean expected[3][3] = { { TRUE, FALSE, FALSE }, { FALSE, TRUE, FALSE }, { FALSE, FALSE, FALSE } };

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 1, "单选");
  officer = lc_people_get_officer (lc_test.system, elsewhere, &error);
  g_free (officer->field);
  officer->field = g_strdup ("交通运输");
  ck_assert (lc_people_update_officer (lc_test.system, officer, &error));
  lc_officer_free (officer);
  officer = lc_people_get_officer (lc_test.system, left, &error);
  officer->status = LC_OFFICER_LEFT;
  ck_assert (lc_people_update_officer (lc_test.system, officer, &error));

  g_array_append_val (by_department->departments, bureau);
  g_ptr_array_add (by_field->fields, g_strdup ("交通运输"));
  g_array_append_val (both->departments, bureau);
  g_ptr_array_add (both->fields, g_strdup ("交通运输"));
  ids[0] = lc_test_publish_exam (by_department);
  ids[1] = lc_test_publish_exam (by_field);
  ids[2] = lc_test_publish_exam (both);
  for (int e = 0; e < 3; e++)
    for (int o = 0; o < 3; o++)
      {
        gint64 attempt_id = 0;
        gboolean ok = lc_exam_start (lc_test.system, ids[e], officers[o], &attempt_id, NULL, &error);

        ck_assert_msg (ok == expected[e][o], "exam %d officer %d: %s", e, o, error ? error->message : "allowed");
        if (!ok)
          lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_NOT_ELIGIBLE);
        g_clear_error (&error);
      }
}
END_TEST

START_TEST (test_focus_loss)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("切屏", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GError) error = NULL;
  gboolean submitted = TRUE;
  gint64 attempt_id;
  int count = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 1, "单选");
  exam->focus_loss_limit = 3;
  attempt_id = start (session, lc_test_publish_exam (exam), officer);
  for (int i = 1; i <= 2; i++)
    {
      ck_assert (lc_exam_record_focus_loss (session, attempt_id, &count, &submitted, &error));
      ck_assert_int_eq (count, i);
      ck_assert (!submitted);
    }
  answer (session, attempt_id, 1, "A");
  ck_assert (lc_exam_record_focus_loss (session, attempt_id, &count, &submitted, &error));
  ck_assert_int_eq (count, 3);
  ck_assert (submitted);
  attempt = attempt_of (attempt_id);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_FOCUS);
  ck_assert_int_eq (attempt->focus_losses, 3);
  ck_assert (!lc_exam_record_focus_loss (session, attempt_id, &count, &submitted, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED);
}
END_TEST

START_TEST (test_focus_loss_warn_only)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("切屏提醒", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (GError) error = NULL;
  gboolean submitted = TRUE;
  gint64 attempt_id;
  int count = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 1, "单选");
  attempt_id = start (session, lc_test_publish_exam (exam), officer);
  for (int i = 1; i <= 20; i++)
    ck_assert (lc_exam_record_focus_loss (session, attempt_id, &count, &submitted, &error));
  ck_assert_int_eq (count, 20);
  ck_assert (!submitted);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'in_progress'"), 1);
}
END_TEST

START_TEST (test_answer_forms)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = lc_test_exam_new ("作答格式");
  g_autoptr (LcPaper) paper = NULL;
  g_autoptr (GError) error = NULL;
  gint64 attempt_id;
  int single = 0, multiple = 0, truefalse = 0, fill = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 1, "单选");
  lc_test_add_questions (LC_QUESTION_MULTIPLE, CH5, 3, 1, "多选");
  lc_test_add_questions (LC_QUESTION_TRUEFALSE, CH5, 3, 1, "判断");
  lc_test_add_questions (LC_QUESTION_FILL, CH5, 3, 1, "填空");
  lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 1, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_MULTIPLE, 1, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_TRUEFALSE, 1, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_FILL, 1, 100, 1, 5);
  attempt_id = start (session, lc_test_publish_exam (exam), officer);
  single = 1, multiple = 2, truefalse = 3, fill = 4;

  answer (session, attempt_id, multiple, "c a");
  answer (session, attempt_id, single, "ｂ");
  answer (session, attempt_id, truefalse, "对");
  answer (session, attempt_id, fill, " 行政处罚 ");
  paper = paper_of (session, attempt_id);
  ck_assert_str_eq (((LcPaperItem *) g_ptr_array_index (paper->items, multiple - 1))->response, "AC");
  ck_assert_str_eq (((LcPaperItem *) g_ptr_array_index (paper->items, single - 1))->response, "B");
  ck_assert_str_eq (((LcPaperItem *) g_ptr_array_index (paper->items, truefalse - 1))->response, "T");
  ck_assert_str_eq (((LcPaperItem *) g_ptr_array_index (paper->items, fill - 1))->response, " 行政处罚 ");
  ck_assert_uint_eq (((LcPaperItem *) g_ptr_array_index (paper->items, truefalse - 1))->options->len, 2);

  ck_assert (!lc_exam_answer (session, attempt_id, single, "AB", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  ck_assert (!lc_exam_answer (session, attempt_id, single, "E", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_BAD_RESPONSE);
  ck_assert_str_eq (error->message, "“E” is not an answer to this question: choose among the letters A to D.");
  g_clear_error (&error);
  ck_assert (!lc_exam_answer (session, attempt_id, truefalse, "maybe", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  ck_assert (!lc_exam_answer (session, attempt_id, 5, "A", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);
  /* a refused answer leaves the saved one */
  lc_paper_free (paper);
  paper = paper_of (session, attempt_id);
  ck_assert_str_eq (((LcPaperItem *) g_ptr_array_index (paper->items, single - 1))->response, "B");
  answer (session, attempt_id, single, "");
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt_item WHERE response IS NULL"), 1);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt_item WHERE answered_at IS NULL"), 1);
}
END_TEST

/* Permissions and review --------------------------------------------------- */

static void
assert_no_key (const LcPaper *paper)
{
  ck_assert (!paper->has_key);
  for (guint i = 0; i < paper->items->len; i++)
    {
      const LcPaperItem *item = g_ptr_array_index (paper->items, i);

      ck_assert_ptr_null (item->correct);
      ck_assert_ptr_null (item->correct_answer);
      ck_assert_ptr_null (item->explanation);
      ck_assert_ptr_null (item->model_answer);
      ck_assert_ptr_null (item->basis_label);
      ck_assert_ptr_null (item->basis_text);
      /* a fill-in question's options are its accepted answers */
      if (item->type == LC_QUESTION_FILL || item->type == LC_QUESTION_ESSAY)
        ck_assert_uint_eq (item->options->len, 0);
    }
}

START_TEST (test_key_kept_from_officer)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  gint64 other = lc_test_add_officer ("330401002", "李娜", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcSession) other_session = lc_test_session (LC_ROLE_OFFICER, other);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcExam) exam = lc_test_exam_new ("保密");
  g_autoptr (LcPaper) paper = NULL;
  g_autoptr (LcPaper) preview = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GPtrArray) responses = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = lc_test_add_question (LC_QUESTION_SINGLE, CH5, 3, "单选");
  gint64 exam_id, attempt_id, dummy = 0;

  lc_test_add_questions (LC_QUESTION_FILL, CH5, 3, 1, "填空");
  lc_test_add_questions (LC_QUESTION_ESSAY, CH5, 3, 1, "案例");
  lc_exam_add_section (exam, CH5, LC_QUESTION_SINGLE, 1, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_FILL, 1, 100, 1, 5);
  lc_exam_add_section (exam, CH5, LC_QUESTION_ESSAY, 1, 100, 1, 5);
  exam->review_policy = LC_REVIEW_FULL;
  exam_id = lc_test_publish_exam (exam);

  /* an officer reads no bank, draws no sample paper, starts for nobody else */
  ck_assert_ptr_null (lc_bank_get_question (session, uid, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_exam_assemble (session, exam_id, officer, 1, &preview, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_exam_start (session, exam_id, other, &dummy, NULL, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  attempt_id = start (session, exam_id, officer);
  paper = paper_of (session, attempt_id);
  assert_no_key (paper);
  ck_assert (!paper->has_awarded);
  ck_assert_uint_eq (((LcPaperItem *) g_ptr_array_index (paper->items, 0))->options->len, 4);

  /* nor may another officer see or touch it: it does not exist for them */
  ck_assert_ptr_null (lc_exam_get_paper (other_session, attempt_id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT);
  g_clear_error (&error);
  ck_assert_ptr_null (lc_exam_get_attempt (other_session, attempt_id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT);
  g_clear_error (&error);
  ck_assert (!lc_exam_answer (other_session, attempt_id, 1, "A", &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT);
  g_clear_error (&error);
  ck_assert (!lc_exam_submit (other_session, attempt_id, &error));
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT);
  g_clear_error (&error);
  ck_assert_ptr_null (lc_exam_list_attempts (other_session, exam_id, officer, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert_ptr_null (lc_exam_list_responses (session, exam_id, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* personnel read results, not papers */
  ck_assert_ptr_null (lc_exam_get_paper (personnel, attempt_id, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  attempt = lc_exam_get_attempt (personnel, attempt_id, &error);
  lc_test_assert_no_error (error);
  lc_attempt_free (g_steal_pointer (&attempt));

  /* the trainer sees the key at any time */
  lc_paper_free (paper);
  paper = paper_of (trainer, attempt_id);
  ck_assert (paper->has_key);
  for (guint i = 0; i < paper->items->len; i++)
    {
      const LcPaperItem *item = g_ptr_array_index (paper->items, i);

      if (item->type == LC_QUESTION_SINGLE)
        ck_assert_int_eq (item->correct_answer[0], lc_test_letter_of (item, "甲"));
      if (item->type == LC_QUESTION_FILL)
        ck_assert_str_eq (item->correct_answer, "行政处罚 | ABC");
      if (item->type != LC_QUESTION_ESSAY)
        ck_assert_ptr_nonnull (item->correct_answer);
      ck_assert_str_eq (item->explanation, "解析：依据法律规定。");
    }

  answer (session, attempt_id, 1, "A");
  ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
  /* a full review after submission */
  lc_paper_free (paper);
  paper = paper_of (session, attempt_id);
  ck_assert (paper->has_key && paper->has_awarded);
  ck_assert_ptr_nonnull (((LcPaperItem *) g_ptr_array_index (paper->items, 0))->explanation);
  responses = lc_exam_list_responses (trainer, exam_id, &error);
  ck_assert_uint_eq (responses->len, 3);
  ck_assert (((LcExamResponse *) g_ptr_array_index (responses, 0))->answered);
  ck_assert_uint_eq (__builtin_popcountll (((LcExamResponse *) g_ptr_array_index (responses, 0))->chosen), 1);
  attempts = lc_exam_list_attempts (session, exam_id, 0, &error);
  ck_assert_uint_eq (attempts->len, 1);
}
END_TEST

typedef struct
{
  LcReviewPolicy policy;
  gboolean after_close;
  gboolean paper; /* the paper is readable after submission */
  gboolean key;   /* with its key */
  gboolean score; /* the score shows */
} ReviewCase;

static const ReviewCase review_cases[] = {
  { LC_REVIEW_NONE, FALSE, FALSE, FALSE, FALSE },  { LC_REVIEW_SCORE, FALSE, FALSE, FALSE, TRUE },
  { LC_REVIEW_ANSWERS, FALSE, TRUE, FALSE, TRUE }, { LC_REVIEW_FULL, FALSE, TRUE, TRUE, TRUE },
  { LC_REVIEW_FULL, TRUE, FALSE, FALSE, FALSE },
};

START_TEST (test_review_policy)
{
  const ReviewCase *c = &review_cases[_i];
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = one_section_exam ("复核", CH5, LC_QUESTION_SINGLE, 2);
  g_autoptr (LcPaper) paper = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GError) error = NULL;
  gint64 attempt_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 2, "单选");
  exam->review_policy = c->policy;
  exam->review_after_close = c->after_close;
  attempt_id = start (session, lc_test_publish_exam (exam), officer);
  answer (session, attempt_id, 1, "A");
  ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
  paper = lc_exam_get_paper (session, attempt_id, &error);
  ck_assert ((paper != NULL) == c->paper);
  if (paper == NULL)
    lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_REVIEW_CLOSED);
  else
    ck_assert (paper->has_key == c->key);
  g_clear_error (&error);
  attempt = lc_exam_get_attempt (session, attempt_id, &error);
  ck_assert (attempt->has_score == c->score);
  mine = lc_exam_list_attempts (session, 0, 0, &error);
  ck_assert (((LcAttempt *) g_ptr_array_index (mine, 0))->has_score == c->score);
  if (c->after_close)
    {
      /* once the window closes, the full review opens */
      lc_test_set_now (exam->closes_at);
      lc_paper_free (paper);
      paper = paper_of (session, attempt_id);
      ck_assert (paper->has_key);
    }
}
END_TEST

START_TEST (test_my_exams)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) open = one_section_exam ("正在进行", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcExam) upcoming = one_section_exam ("即将开始", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcExam) past = one_section_exam ("已经结束", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (LcExam) other_dept = one_section_exam ("其他部门", CH5, LC_QUESTION_SINGLE, 1);
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GError) error = NULL;
  gint64 other = lc_test_add_department ("D09", "其他", 0);
  gint64 attempt_id;
  const LcMyExam *m;

  lc_test_add_questions (LC_QUESTION_SINGLE, CH5, 3, 1, "单选");
  upcoming->opens_at = LC_TEST_NOW + 86400;
  past->opens_at = LC_TEST_NOW - 3 * 86400;
  past->closes_at = LC_TEST_NOW + 3600;
  g_array_append_val (other_dept->departments, other);
  lc_test_publish_exam (open);
  lc_test_publish_exam (upcoming);
  lc_test_publish_exam (past);
  lc_test_publish_exam (other_dept);
  attempt_id = start (session, past->id, officer);
  {
    g_autoptr (LcPaper) key = paper_of (lc_test.system, attempt_id);
    char right[2] = { lc_test_letter_of (g_ptr_array_index (key->items, 0), "甲"), '\0' };

    answer (session, attempt_id, 1, right);
  }
  ck_assert_msg (lc_exam_submit (session, attempt_id, &error), "%s", error ? error->message : "");
  attempt_id = start (session, past->id, officer);
  lc_test_set_now (LC_TEST_NOW + 7200);

  mine = lc_exam_my_exams (session, officer, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (mine->len, 3);
  m = g_ptr_array_index (mine, 0);
  ck_assert_str_eq (m->exam->title, "正在进行");
  ck_assert_int_eq (m->when, LC_MY_EXAM_OPEN);
  ck_assert (m->can_start);
  ck_assert_int_eq (m->attempts_left, 2);
  m = g_ptr_array_index (mine, 1);
  ck_assert_int_eq (m->when, LC_MY_EXAM_UPCOMING);
  ck_assert (!m->can_start);
  m = g_ptr_array_index (mine, 2);
  ck_assert_str_eq (m->exam->title, "已经结束");
  ck_assert_int_eq (m->when, LC_MY_EXAM_PAST);
  ck_assert_uint_eq (m->attempts_used, 2);
  ck_assert_int_eq (m->attempts_left, 0);
  ck_assert (m->has_best);
  ck_assert_int_eq (m->best_score, 200);
  ck_assert (m->passed);
  /* the retake left open was submitted when the window closed */
  ck_assert_int_eq (m->attempt_in_progress, 0);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM attempt WHERE state = 'in_progress'"), 0);
  ck_assert_ptr_null (lc_exam_my_exams (session, officer + 1, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
}
END_TEST

static Suite *
exam_suite (void)
{
  Suite *suite = suite_create ("exam");
  TCase *tc;

  tc = tcase_create ("definitions");
  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_add_loop_test (tc, test_validation, 0, G_N_ELEMENTS (invalid_cases));
  tcase_add_test (tc, test_shortfall_message);
  tcase_add_test (tc, test_overlapping_sections);
  tcase_add_test (tc, test_store_and_read);
  tcase_add_test (tc, test_delete);
  tcase_add_test (tc, test_key_file);
  tcase_add_loop_test (tc, test_key_file_errors, 0, G_N_ELEMENTS (key_file_cases));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("grading");
  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_add_loop_test (tc, test_grading, 0, G_N_ELEMENTS (grade_cases));
  tcase_add_loop_test (tc, test_normalize, 0, G_N_ELEMENTS (normalize_cases));
  tcase_add_test (tc, test_essay);
  tcase_add_test (tc, test_grade_batch);
  tcase_add_test (tc, test_grade_item_marks_the_rest);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("attempts");
  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_add_test (tc, test_deadline);
  tcase_add_test (tc, test_deadline_from_close);
  tcase_add_test (tc, test_deadline_follows_window);
  tcase_add_test (tc, test_start_in_the_last_second);
  tcase_add_test (tc, test_window);
  tcase_add_test (tc, test_attempts);
  tcase_add_test (tc, test_eligibility);
  tcase_add_test (tc, test_focus_loss);
  tcase_add_test (tc, test_focus_loss_warn_only);
  tcase_add_test (tc, test_answer_forms);
  tcase_add_test (tc, test_my_exams);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("permissions");
  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_add_test (tc, test_key_kept_from_officer);
  tcase_add_loop_test (tc, test_review_policy, 0, G_N_ELEMENTS (review_cases));
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lc_test_run (exam_suite ());
}
