/* test-exam-assembly.c: the properties of drawn papers — exact blueprint,
 * no repeats, seed reproducibility, unseen preference, the overlap cap,
 * shuffled options with pinned ones last, and uniform selection checked
 * with chi-square tests over fixed seeds (so they cannot flake). */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-exam-private.h"
#include "lc-exam.h"
#include "lc-test-exam.h"

static gint64 dept;

static void
setup (void)
{
  lc_test_setup ();
  dept = lc_test_add_department ("D01", "市场监督管理局", 0);
}

static LcPaper *
assemble (gint64 exam_id, gint64 officer_id, guint64 seed)
{
  g_autoptr (GError) error = NULL;
  LcPaper *paper = NULL;

  ck_assert_msg (lc_exam_assemble (lc_test.system, exam_id, officer_id, seed, &paper, &error), "%s",
                 error ? error->message : "");
  return paper;
}

/* Questions the two papers share. */
static guint
shared (const LcPaper *a, const LcPaper *b)
{
  guint n = 0;

  for (guint i = 0; i < a->items->len; i++)
    for (guint j = 0; j < b->items->len; j++)
      n += ((LcPaperItem *) g_ptr_array_index (a->items, i))->question_id
           == ((LcPaperItem *) g_ptr_array_index (b->items, j))->question_id;
  return n;
}

START_TEST (test_rng)
{
  LcExamRng rng;
  guint64 seen[5] = { 0 };

  /* The reference sequence of splitmix64 from 0: a stored seed draws the same paper on every platform. */
  _lc_exam_rng_init (&rng, 0);
  ck_assert (_lc_exam_rng_next (&rng) == G_GUINT64_CONSTANT (0xe220a8397b1dcdaf));
  ck_assert (_lc_exam_rng_next (&rng) == G_GUINT64_CONSTANT (0x6e789e6aa1b965f4));
  for (int i = 0; i < 1000; i++)
    seen[_lc_exam_rng_below (&rng, 5)]++;
  for (int i = 0; i < 5; i++)
    ck_assert_uint_gt (seen[i], 150);
  ck_assert (lc_exam_new_seed () != lc_exam_new_seed ());
}
END_TEST

/* Every property of the blueprint, over many seeds. */
START_TEST (test_exact_blueprint)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("蓝图");
  gint64 exam_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法/第一章", 2, 6, "处罚一章二");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法/第一章/第一节", 4, 6, "处罚一节四");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法/第二章", 5, 6, "处罚二章五");
  lc_test_add_questions (LC_QUESTION_MULTIPLE, "行政处罚法/第二章", 3, 8, "处罚多选");
  lc_test_add_questions (LC_QUESTION_TRUEFALSE, "行政许可法", 1, 10, "许可判断");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政许可法", 3, 10, "许可单选");
  lc_test_add_questions (LC_QUESTION_FILL, "行政强制法", 3, 4, "强制填空");
  lc_exam_add_section (exam, "行政处罚法/第一章", LC_QUESTION_SINGLE, 5, 150, 2, 4);
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_MULTIPLE, 4, 200, 1, 5);
  lc_exam_add_section (exam, NULL, LC_QUESTION_TRUEFALSE, 6, 100, 1, 2);
  lc_exam_add_section (exam, NULL, LC_QUESTION_SINGLE, 10, 150, 3, 5);
  lc_exam_add_section (exam, "行政强制法", LC_QUESTION_FILL, 2, 300, 3, 3);
  exam_id = lc_test_publish_exam (exam);

  for (guint64 seed = 1; seed <= 60; seed++)
    {
      g_autoptr (LcPaper) paper = assemble (exam_id, 0, seed * 7919);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      guint per_section[5] = { 0 };

      ck_assert_uint_eq (paper->items->len, 27);
      ck_assert_int_eq (paper->max_score, lc_exam_max_score (exam));
      for (guint i = 0; i < paper->items->len; i++)
        {
          LcPaperItem *item = g_ptr_array_index (paper->items, i);
          const LcExamSection *s = g_ptr_array_index (exam->sections, item->section_pos - 1);
          g_autofree char *sql = g_strdup_printf ("SELECT v.difficulty || '|' || c.path FROM question_version v "
                                                  "JOIN question q ON q.id = v.question_id "
                                                  "JOIN category c ON c.id = q.category_id WHERE v.id = %lld",
                                                  (long long) item->question_version_id);
          g_autofree char *row = NULL;
          g_auto (GStrv) parts = NULL;
          int difficulty;

          ck_assert_int_eq (item->pos, (int) i + 1);
          ck_assert_msg (!g_hash_table_contains (seen, &item->question_id), "seed %lu: a repeat", (unsigned long) seed);
          g_hash_table_add (seen, &item->question_id);
          /* sections in blueprint order */
          ck_assert (i == 0
                     || item->section_pos >= ((LcPaperItem *) g_ptr_array_index (paper->items, i - 1))->section_pos);
          per_section[item->section_pos - 1]++;
          ck_assert_int_eq (item->type, s->type);
          ck_assert_int_eq (item->points, s->points);
          row = lc_test_query_text (sql);
          parts = g_strsplit (g_strstrip (row), "|", 2);
          difficulty = atoi (parts[0]);
          ck_assert_int_ge (difficulty, s->difficulty_min);
          ck_assert_int_le (difficulty, s->difficulty_max);
          if (s->category != NULL)
            ck_assert_msg (strcmp (parts[1], s->category) == 0
                               || (g_str_has_prefix (parts[1], s->category) && parts[1][strlen (s->category)] == '/'),
                           "%s not in %s", parts[1], s->category);
        }
      for (guint k = 0; k < 5; k++)
        ck_assert_uint_eq (per_section[k], ((LcExamSection *) g_ptr_array_index (exam->sections, k))->count);
    }
}
END_TEST

static gboolean
same_paper (const LcPaper *a, const LcPaper *b)
{
  if (a->items->len != b->items->len)
    return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      const LcPaperItem *x = g_ptr_array_index (a->items, i);
      const LcPaperItem *y = g_ptr_array_index (b->items, i);

      if (x->question_version_id != y->question_version_id || x->options->len != y->options->len)
        return FALSE;
      for (guint k = 0; k < x->options->len; k++)
        if (strcmp (g_ptr_array_index (x->options, k), g_ptr_array_index (y->options, k)) != 0)
          return FALSE;
    }
  return TRUE;
}

START_TEST (test_reproducible)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = lc_test_exam_new ("种子");
  g_autoptr (LcPaper) a = NULL;
  g_autoptr (LcPaper) b = NULL;
  g_autoptr (LcPaper) c = NULL;
  g_autoptr (LcPaper) stored = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autoptr (GError) error = NULL;
  gint64 exam_id, attempt_id = 0;
  const guint64 seed = G_GUINT64_CONSTANT (0xfedcba9876543210);

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法", 3, 30, "单选");
  lc_test_add_questions (LC_QUESTION_MULTIPLE, "行政处罚法", 3, 20, "多选");
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 10, 100, 1, 5);
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_MULTIPLE, 5, 200, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  a = assemble (exam_id, officer, seed);
  b = assemble (exam_id, officer, seed);
  c = assemble (exam_id, officer, seed + 1);
  ck_assert (same_paper (a, b));
  ck_assert (!same_paper (a, c));
  /* the attempt stores its seed and the very paper the preview showed */
  ck_assert (lc_exam_start_with_seed (session, exam_id, officer, seed, &attempt_id, NULL, &error));
  attempt = lc_exam_get_attempt (session, attempt_id, &error);
  ck_assert (attempt->seed == seed);
  stored = lc_exam_get_paper (lc_test.system, attempt_id, &error);
  ck_assert (stored->seed == seed);
  ck_assert (same_paper (a, stored));
  /* a seed with the top bit set survives the signed column */
  ck_assert_int_lt (lc_test_query_int ("SELECT seed FROM attempt"), 0);
}
END_TEST

START_TEST (test_unseen_preferred)
{
  gint64 officer = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) session = lc_test_session (LC_ROLE_OFFICER, officer);
  g_autoptr (LcExam) exam = lc_test_exam_new ("补考不重复");
  g_autoptr (GError) error = NULL;
  LcPaper *papers[3] = { NULL };
  gint64 exam_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法", 3, 20, "单选");
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 10, 100, 1, 5);
  exam->max_attempts = 3;
  exam_id = lc_test_publish_exam (exam);
  for (int k = 0; k < 3; k++)
    {
      gint64 attempt_id = 0;

      ck_assert (lc_exam_start_with_seed (session, exam_id, officer, 42 + k, &attempt_id, NULL, &error));
      papers[k] = lc_exam_get_paper (lc_test.system, attempt_id, &error);
      ck_assert (lc_exam_submit (session, attempt_id, &error));
    }
  /* the retake shares nothing with the first sitting: the bank allowed it */
  ck_assert_uint_eq (shared (papers[0], papers[1]), 0);
  /* the third can only repeat, and still meets the blueprint without a repeat within it */
  ck_assert_uint_eq (papers[2]->items->len, 10);
  ck_assert_uint_eq (shared (papers[2], papers[2]), 10);
  for (int k = 0; k < 3; k++)
    lc_paper_free (papers[k]);
}
END_TEST

START_TEST (test_overlap_cap)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("并行试卷");
  g_autoptr (LcExam) tight = lc_test_exam_new ("题库不够");
  g_autoptr (GPtrArray) papers = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_paper_free);
  g_autoptr (GPtrArray) tight_papers = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_paper_free);
  g_autoptr (GError) error = NULL;
  gint64 exam_id, tight_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法", 3, 40, "单选");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政许可法", 3, 12, "许可");
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 10, 100, 1, 5);
  exam->overlap_share = 30;
  exam_id = lc_test_publish_exam (exam);
  lc_exam_add_section (tight, "行政许可法", LC_QUESTION_SINGLE, 10, 100, 1, 5);
  tight_id = lc_test_publish_exam (tight);
  for (int k = 0; k < 4; k++)
    {
      g_autofree char *staff_no = g_strdup_printf ("33040100%d", k);
      gint64 officer = lc_test_add_officer (staff_no, "考生", dept);
      gint64 attempt_id = 0;

      /* the same seed for everyone: without the cap the papers would be equal */
      ck_assert (lc_exam_start_with_seed (lc_test.system, exam_id, officer, 7, &attempt_id, NULL, &error));
      g_ptr_array_add (papers, lc_exam_get_paper (lc_test.system, attempt_id, &error));
      ck_assert (lc_exam_start_with_seed (lc_test.system, tight_id, officer, 7, &attempt_id, NULL, &error));
      g_ptr_array_add (tight_papers, lc_exam_get_paper (lc_test.system, attempt_id, &error));
    }
  for (guint i = 0; i < papers->len; i++)
    for (guint j = i + 1; j < papers->len; j++)
      ck_assert_msg (shared (g_ptr_array_index (papers, i), g_ptr_array_index (papers, j)) <= 3,
                     "papers %u and %u share %u", i, j,
                     shared (g_ptr_array_index (papers, i), g_ptr_array_index (papers, j)));
  /* 12 questions cannot make two papers of 10 sharing at most 3: best effort, the blueprint still holds */
  for (guint i = 0; i < tight_papers->len; i++)
    ck_assert_uint_eq (((LcPaper *) g_ptr_array_index (tight_papers, i))->items->len, 10);
  ck_assert_uint_ge (shared (g_ptr_array_index (tight_papers, 0), g_ptr_array_index (tight_papers, 1)), 8);
}
END_TEST

START_TEST (test_options_shuffled_pinned_last)
{
  g_autoptr (LcQuestion) q = lc_question_new (LC_QUESTION_SINGLE);
  g_autoptr (LcExam) exam = lc_test_exam_new ("选项乱序");
  g_autoptr (GError) error = NULL;
  const char *const free_options[] = { "甲", "乙", "丙", "丁" };
  guint first[4] = { 0 };
  gint64 exam_id;
  const guint n_seeds = 2000;
  double chi2 = 0;

  q->stem = g_strdup ("下列哪一项正确？");
  q->category = g_strdup ("行政处罚法");
  q->status = LC_QUESTION_ACTIVE;
  lc_question_add_option (q, "甲", TRUE);
  lc_question_add_option (q, "乙", FALSE);
  lc_question_add_option (q, "以上都不是", FALSE)->pinned = TRUE;
  lc_question_add_option (q, "丙", FALSE);
  lc_question_add_option (q, "丁", FALSE);
  lc_question_add_option (q, "以上都是", FALSE)->pinned = TRUE;
  ck_assert (lc_bank_add_question (lc_test.system, q, NULL, &error));
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 1, 100, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  for (guint64 seed = 0; seed < n_seeds; seed++)
    {
      g_autoptr (LcPaper) paper = assemble (exam_id, 0, seed);
      const LcPaperItem *item = g_ptr_array_index (paper->items, 0);

      ck_assert_uint_eq (item->options->len, 6);
      /* pinned options last, in their stored order */
      ck_assert_str_eq (g_ptr_array_index (item->options, 4), "以上都不是");
      ck_assert_str_eq (g_ptr_array_index (item->options, 5), "以上都是");
      ck_assert_uint_eq (item->correct->len, 6);
      for (guint k = 0; k < 4; k++)
        if (strcmp (g_ptr_array_index (item->options, 0), free_options[k]) == 0)
          first[k]++;
      ck_assert_int_eq (item->correct_answer[0], lc_test_letter_of (item, "甲"));
    }
  /* uniform first option: chi-square with 3 degrees of freedom below 16.27 (p = 0.001) */
  for (guint k = 0; k < 4; k++)
    chi2 += (first[k] - n_seeds / 4.0) * (first[k] - n_seeds / 4.0) / (n_seeds / 4.0);
  ck_assert_msg (chi2 < 16.27, "chi-square %.2f: %u %u %u %u", chi2, first[0], first[1], first[2], first[3]);
}
END_TEST

/* Each of 20 questions should appear in 2000 × 5 / 20 = 500 papers. With 19
 * degrees of freedom chi-square exceeds 43.82 with probability 0.001 for a
 * uniform draw; the seeds are fixed, so the outcome is too (23.1 today). */
START_TEST (test_uniform_selection)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("均匀抽题");
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const guint n_seeds = 2000, n_pool = 20, n_drawn = 5;
  const double expected = (double) n_seeds * n_drawn / n_pool;
  GHashTableIter iter;
  gpointer value;
  gint64 exam_id;
  double chi2 = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法", 3, n_pool, "单选");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政许可法", 3, 5, "其他");
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, n_drawn, 100, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  for (guint64 seed = 0; seed < n_seeds; seed++)
    {
      g_autoptr (LcPaper) paper = assemble (exam_id, 0, seed * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      for (guint i = 0; i < paper->items->len; i++)
        {
          gint64 id = ((LcPaperItem *) g_ptr_array_index (paper->items, i))->question_id;
          guint *n = g_hash_table_lookup (counts, &id);

          if (n == NULL)
            {
              gint64 *key = g_new (gint64, 1);

              *key = id;
              n = g_new0 (guint, 1);
              g_hash_table_insert (counts, key, n);
            }
          (*n)++;
        }
    }
  ck_assert_uint_eq (g_hash_table_size (counts), n_pool);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    chi2 += (*(guint *) value - expected) * (*(guint *) value - expected) / expected;
  ck_assert_msg (chi2 < 43.82, "chi-square %.2f", chi2);
}
END_TEST

/* The draw reads type and difficulty from the question row: an edit that
 * changes them, and retiring, must move the question in or out of a pool. */
START_TEST (test_follows_edits_and_status)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("改题后抽题");
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = lc_test_add_question (LC_QUESTION_SINGLE, "行政处罚法", 2, "原为二级");
  g_autofree char *retired = lc_test_add_question (LC_QUESTION_SINGLE, "行政处罚法", 4, "将停用");
  g_autoptr (LcQuestion) q = NULL;
  gint64 exam_id;

  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法", 2, 5, "二级");
  lc_test_add_questions (LC_QUESTION_SINGLE, "行政处罚法", 4, 2, "四级");
  q = lc_bank_get_question (lc_test.system, edited, &error);
  lc_test_assert_no_error (error);
  q->difficulty = 4;
  g_free (q->stem);
  q->stem = g_strdup ("改为四级");
  ck_assert (lc_bank_edit_question (lc_test.system, edited, q, NULL, &error));
  ck_assert (lc_bank_set_status (lc_test.system, retired, LC_QUESTION_RETIRED, &error));
  lc_test_assert_no_error (error);

  /* The pool is exactly the edited question and the two others of level 4. */
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 3, 100, 4, 4);
  exam_id = lc_test_publish_exam (exam);
  for (guint64 seed = 0; seed < 20; seed++)
    {
      g_autoptr (LcPaper) paper = assemble (exam_id, 0, seed);
      gboolean has_edited = FALSE;

      ck_assert_uint_eq (paper->items->len, 3);
      for (guint i = 0; i < paper->items->len; i++)
        {
          const LcPaperItem *item = g_ptr_array_index (paper->items, i);

          ck_assert_str_ne (item->question_uid, retired);
          ck_assert_ptr_null (strstr (item->stem, "二级"));
          if (strcmp (item->question_uid, edited) == 0)
            {
              ck_assert_str_eq (item->stem, "改为四级");
              has_edited = TRUE;
            }
        }
      ck_assert (has_edited);
    }
}
END_TEST

/* A pool too sparse among the ids for probing to fill in its budget: the
 * draw falls back to the whole pool and the blueprint still holds. */
START_TEST (test_sparse_pool)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("稀疏题库");
  gint64 exam_id;

  lc_test_add_questions (LC_QUESTION_TRUEFALSE, "行政处罚法", 3, 300, "判断");
  lc_test_add_questions (LC_QUESTION_FILL, "行政强制法", 3, 4, "填空");
  lc_test_add_questions (LC_QUESTION_TRUEFALSE, "行政处罚法", 3, 300, "判断后");
  lc_exam_add_section (exam, "行政强制法", LC_QUESTION_FILL, 4, 100, 1, 5);
  lc_exam_add_section (exam, NULL, LC_QUESTION_TRUEFALSE, 10, 100, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  for (guint64 seed = 0; seed < 10; seed++)
    {
      g_autoptr (LcPaper) paper = assemble (exam_id, 0, seed);

      ck_assert_uint_eq (paper->items->len, 14);
      for (guint i = 0; i < paper->items->len; i++)
        {
          const LcPaperItem *item = g_ptr_array_index (paper->items, i);

          ck_assert_int_eq (item->type, i < 4 ? LC_QUESTION_FILL : LC_QUESTION_TRUEFALSE);
        }
    }
}
END_TEST

static Suite *
assembly_suite (void)
{
  Suite *suite = suite_create ("exam-assembly");
  TCase *tc;

  tc = tcase_create ("properties");
  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_add_test (tc, test_rng);
  tcase_add_test (tc, test_exact_blueprint);
  tcase_add_test (tc, test_reproducible);
  tcase_add_test (tc, test_unseen_preferred);
  tcase_add_test (tc, test_overlap_cap);
  tcase_add_test (tc, test_follows_edits_and_status);
  tcase_add_test (tc, test_sparse_pool);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("statistics");
  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_options_shuffled_pinned_last);
  tcase_add_test (tc, test_uniform_selection);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lc_test_run (assembly_suite ());
}
