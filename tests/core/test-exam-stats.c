/* test-exam-stats.c: item statistics on small answer sets whose figures
 * were worked out by hand (facility, corrected point-biserial, upper/lower
 * 27% D with its tie rule, option counts, KR-20 and alpha), the edge cases,
 * randomized papers, permissions and the bank's latest verdict. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-exam-stats.h"
#include "lc-exam.h"
#include "lc-test-exam.h"

#define CAT "统计/单选"
#define ESSAY_CAT "统计/问答"
#define EPS 1e-9

static gint64 dept;
static gint64 officers[12];

static void
setup (void)
{
  lc_test_setup ();
  dept = lc_test_add_department ("D01", "市场监督管理局", 0);
  for (guint i = 0; i < G_N_ELEMENTS (officers); i++)
    {
      g_autofree char *staff_no = g_strdup_printf ("S%02u", i + 1);
      g_autofree char *name = g_strdup_printf ("执法人员%u", i + 1);

      officers[i] = lc_test_add_officer (staff_no, name, dept);
    }
}

static const char *const option_texts[] = { "甲", "乙", "丙", "丁" };

/* Sits @exam_id for @officer_id and submits. @spec has one character per
 * stem of @stems: 'A' to 'D' choose 甲 (the key) to 丁, 'T'/'F' answer a
 * true/false question, 'E' writes an essay, '-' leaves it unanswered.
 * Essays are then graded @essay_points. Returns the attempt. */
static gint64
sit (gint64 exam_id, gint64 officer_id, const char *const *stems, const char *spec, gint64 essay_points)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcPaper) paper = NULL;
  gint64 attempt_id = 0;

  ck_assert_msg (lc_exam_start (lc_test.system, exam_id, officer_id, &attempt_id, NULL, &error), "%s",
                 error ? error->message : "");
  paper = lc_exam_get_paper (lc_test.system, attempt_id, &error);
  ck_assert_msg (paper != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < paper->items->len; i++)
    {
      const LcPaperItem *item = g_ptr_array_index (paper->items, i);
      char c = 0;
      char letter[2] = { 0 };
      const char *response = NULL;

      for (guint s = 0; stems[s] != NULL; s++)
        if (strcmp (stems[s], item->stem) == 0)
          c = spec[s];
      ck_assert_msg (c != 0, "no answer for “%s”", item->stem);
      if (c == '-')
        continue;
      if (c >= 'A' && c <= 'D')
        {
          letter[0] = lc_test_letter_of (item, option_texts[c - 'A']);
          response = letter;
        }
      else if (c == 'E')
        response = "应当先行告知。";
      else
        {
          letter[0] = c;
          response = letter;
        }
      ck_assert_msg (lc_exam_answer (lc_test.system, attempt_id, item->pos, response, &error), "%s",
                     error ? error->message : "");
    }
  ck_assert_msg (lc_exam_submit (lc_test.system, attempt_id, &error), "%s", error ? error->message : "");
  for (guint i = 0; i < paper->items->len && essay_points >= 0; i++)
    {
      const LcPaperItem *item = g_ptr_array_index (paper->items, i);

      if (item->type == LC_QUESTION_ESSAY)
        ck_assert_msg (lc_exam_grade_item (lc_test.system, attempt_id, item->pos, essay_points, NULL, &error), "%s",
                       error ? error->message : "");
    }
  return attempt_id;
}

static LcExamStats *
stats_of (LcSession *session, gint64 exam_id)
{
  g_autoptr (GError) error = NULL;
  LcExamStats *stats = lc_exam_stats_compute (session, exam_id, &error);

  ck_assert_msg (stats != NULL, "%s", error ? error->message : "");
  return stats;
}

static const LcItemStats *
item_by_stem (const LcExamStats *stats, const char *stem)
{
  for (guint i = 0; i < stats->items->len; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);
      if (strcmp (item->stem, stem) == 0)
        return item;
    }
  ck_abort_msg ("no item “%s”", stem);
  return NULL;
}

#define assert_close(value, expected)                                                                                  \
  ck_assert_msg (fabs ((value) - (expected)) < EPS, "%s = %.15g, expected %.15g", #value, (double) (value),            \
                 (double) (expected))

/* An exam drawing every question of @category (@n of @type), each worth @points. */
static gint64
whole_bank_exam (const char *title, guint n, gint64 points)
{
  g_autoptr (LcExam) exam = lc_test_exam_new (title);

  lc_exam_add_section (exam, CAT, LC_QUESTION_SINGLE, n, points, 1, 5);
  exam->pass_score = 0;
  return lc_test_publish_exam (exam);
}

static const char *const five[] = { "Q1", "Q2", "Q3", "Q4", "Q5", NULL };

/* The hand-worked set: six attempts, five single-choice items of 1 point.
 *
 *          Q1 Q2 Q3 Q4 Q5  total  answers
 *   S01     1  1  1  1  0    4    A A A A B
 *   S02     1  1  1  0  0    3    A A A B -
 *   S03     1  1  0  1  0    3    A A C A B
 *   S04     1  0  1  0  1    3    A B A C A
 *   S05     1  0  0  0  1    2    A - B D A
 *   S06     0  0  0  0  1    1    D C B B A
 *
 * Groups: round(0.27 × 6) = 2 each. Upper: S01 and, of the three tied at
 * 3, the earliest attempt S02; lower: S06, S05.
 *   Q1: P = 5/6; rest (3,2,2,2,1,1) against x (1,1,1,1,1,0): r = √(5/17);
 *       D = 1 − 1/2 = 1/2.
 *   Q2: P = 1/2; r = 1/√17; D = 1 − 0 = 1.   Q3: the same figures as Q2.
 *   Q4: P = 1/3; r = 1/√40; D = 1/2 − 0 = 1/2 (S03 in the upper group would give 1).
 *   Q5: P = 1/2; r = −7/√65; D = 0 − 1 = −1: low discrimination, negative D.
 * KR-20: Σpq = 5/36 + 3 × 1/4 + 2/9 = 10/9, var(T) = 8/9 (totals 4,3,3,3,2,1),
 *   k = 5: 5/4 × (1 − (10/9)/(8/9)) = −5/16.
 * Option counts (甲乙丙丁, unanswered): Q1 5 0 0 1 / 0; Q5 3 2 0 0 / 1. */
static const char *const hand_set[] = { "AAAAB", "AAAB-", "AACAB", "ABACA", "A-BDA", "DCBBA" };

static gint64
hand_exam (void)
{
  gint64 exam_id;

  for (guint i = 0; five[i] != NULL; i++)
    g_free (lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, five[i]));
  exam_id = whole_bank_exam ("统计测验", 5, 100);
  for (guint i = 0; i < G_N_ELEMENTS (hand_set); i++)
    sit (exam_id, officers[i], five, hand_set[i], -1);
  return exam_id;
}

START_TEST (test_hand_computed)
{
  gint64 exam_id = hand_exam ();
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcExamStats) stats = stats_of (trainer, exam_id);
  const LcItemStats *q1 = item_by_stem (stats, "Q1");
  const LcItemStats *q2 = item_by_stem (stats, "Q2");
  const LcItemStats *q3 = item_by_stem (stats, "Q3");
  const LcItemStats *q4 = item_by_stem (stats, "Q4");
  const LcItemStats *q5 = item_by_stem (stats, "Q5");
  static const guint q1_counts[] = { 5, 0, 0, 1 };
  static const guint q5_counts[] = { 3, 2, 0, 0 };

  ck_assert_int_eq (stats->n_attempts, 6);
  ck_assert_int_eq (stats->n_excluded, 0);
  ck_assert_int_eq (stats->items->len, 5);
  ck_assert_int_eq (stats->max_score, 500);
  assert_close (stats->items_per_paper, 5);
  assert_close (stats->mean_score, 1600.0 / 6);
  assert_close (stats->sd_score, 100 * sqrt (8.0 / 9));
  ck_assert_int_eq (stats->reliability_kind, LC_RELIABILITY_KR20);
  assert_close (stats->reliability, -5.0 / 16);

  ck_assert_int_eq (q1->n, 6);
  ck_assert_int_eq (q1->type, LC_QUESTION_SINGLE);
  ck_assert_int_eq (q1->version_no, 1);
  ck_assert_int_eq (q1->points, 100);
  assert_close (q1->facility, 5.0 / 6);
  assert_close (q1->rpb, sqrt (5.0 / 17));
  assert_close (q1->discrimination, 0.5);
  ck_assert_int_eq (q1->n_upper, 2);
  ck_assert_int_eq (q1->n_lower, 2);
  ck_assert_int_eq (q1->flags, LC_ITEM_FLAG_NONE);

  assert_close (q2->facility, 0.5);
  assert_close (q2->rpb, 1 / sqrt (17));
  assert_close (q2->discrimination, 1);
  assert_close (q3->facility, 0.5);
  assert_close (q3->rpb, 1 / sqrt (17));
  assert_close (q3->discrimination, 1);

  assert_close (q4->facility, 1.0 / 3);
  assert_close (q4->rpb, 1 / sqrt (40));
  assert_close (q4->discrimination, 0.5);
  ck_assert_int_eq (q4->flags, LC_ITEM_FLAG_NONE);

  assert_close (q5->facility, 0.5);
  assert_close (q5->rpb, -7 / sqrt (65));
  assert_close (q5->discrimination, -1);
  ck_assert_int_eq (q5->flags, LC_ITEM_FLAG_LOW_RPB | LC_ITEM_FLAG_NEGATIVE_D);

  /* Option counts in the bank's order, whatever each paper showed. */
  ck_assert (stats->has_key);
  ck_assert_int_eq (q1->option_counts->len, 4);
  for (guint o = 0; o < 4; o++)
    {
      ck_assert_int_eq (g_array_index (q1->option_counts, guint, o), q1_counts[o]);
      ck_assert_int_eq (g_array_index (q5->option_counts, guint, o), q5_counts[o]);
      ck_assert_int_eq (g_array_index (q1->correct, gboolean, o), o == 0);
    }
  ck_assert_int_eq (q1->n_unanswered, 0);
  ck_assert_int_eq (q5->n_unanswered, 1);
  ck_assert_int_eq (q2->n_unanswered, 1);
}
END_TEST

/* Partial credit: two single-choice items of 1 point and an essay of 4.
 *
 *          S1  S2  essay  total
 *   S01     1   1   4      6
 *   S02     1   0   2      3
 *   S03     0   1   1.5    2.5
 *   S04     0   0   0      0
 *
 * Cronbach's alpha on points: item variances 1/4, 1/4 and (mean 1.875)
 * 2.421875; Σ = 2.921875; totals mean 2.875, var(T) = 4.546875;
 * 3/2 × (1 − 2.921875 / 4.546875) = 64/97.
 * Essay: P = (1 + 0.5 + 0.375 + 0) / 4 = 15/32; rest (2,1,1,0):
 * r = 0.988483301144345. Groups of round(1.08) = 1: S01 and S04, D = 1. */
START_TEST (test_alpha_with_essay)
{
  static const char *const stems[] = { "单选一", "单选二", "案例分析", NULL };
  static const char *const specs[] = { "AAE", "ABE", "BAE", "BBE" };
  static const gint64 essay[] = { 400, 200, 150, 0 };
  g_autoptr (LcExam) exam = lc_test_exam_new ("案例考试");
  g_autoptr (LcExamStats) stats = NULL;
  const LcItemStats *item;
  gint64 exam_id;

  g_free (lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, stems[0]));
  g_free (lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, stems[1]));
  g_free (lc_test_add_question (LC_QUESTION_ESSAY, ESSAY_CAT, 3, stems[2]));
  lc_exam_add_section (exam, CAT, LC_QUESTION_SINGLE, 2, 100, 1, 5);
  lc_exam_add_section (exam, ESSAY_CAT, LC_QUESTION_ESSAY, 1, 400, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    sit (exam_id, officers[i], stems, specs[i], essay[i]);

  stats = stats_of (lc_test.system, exam_id);
  ck_assert_int_eq (stats->n_attempts, 4);
  ck_assert_int_eq (stats->reliability_kind, LC_RELIABILITY_ALPHA);
  assert_close (stats->reliability, 64.0 / 97);
  item = item_by_stem (stats, stems[2]);
  ck_assert_int_eq (item->section_pos, 2);
  ck_assert_int_eq (item->option_counts->len, 0);
  assert_close (item->facility, 15.0 / 32);
  assert_close (item->rpb, 0.988483301144345);
  assert_close (item->discrimination, 1);
  item = item_by_stem (stats, stems[0]);
  ck_assert_int_eq (item->section_pos, 1);
  assert_close (item->facility, 0.5);
  assert_close (item->discrimination, 1);
  /* Sections first: the essay is listed last. */
  ck_assert_str_eq (((LcItemStats *) g_ptr_array_index (stats->items, 2))->stem, stems[2]);
}
END_TEST

/* Everyone right: nothing varies. */
START_TEST (test_all_right)
{
  static const char *const stems[] = { "Q1", "Q2", NULL };
  g_autoptr (LcExamStats) stats = NULL;
  gint64 exam_id;

  for (guint i = 0; stems[i] != NULL; i++)
    g_free (lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, stems[i]));
  exam_id = whole_bank_exam ("全对", 2, 100);
  for (guint i = 0; i < 3; i++)
    sit (exam_id, officers[i], stems, "AA", -1);
  stats = stats_of (lc_test.system, exam_id);
  ck_assert_int_eq (stats->n_attempts, 3);
  ck_assert (isnan (stats->reliability));
  for (guint i = 0; i < 2; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);

      assert_close (item->facility, 1);
      ck_assert (isnan (item->rpb));
      assert_close (item->discrimination, 0);
      ck_assert_int_eq (item->flags, LC_ITEM_FLAG_TOO_EASY);
    }
}
END_TEST

START_TEST (test_all_wrong)
{
  static const char *const stems[] = { "Q1", "Q2", NULL };
  g_autoptr (LcExamStats) stats = NULL;
  gint64 exam_id;

  for (guint i = 0; stems[i] != NULL; i++)
    g_free (lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, stems[i]));
  exam_id = whole_bank_exam ("全错", 2, 100);
  sit (exam_id, officers[0], stems, "BC", -1);
  sit (exam_id, officers[1], stems, "D-", -1);
  stats = stats_of (lc_test.system, exam_id);
  assert_close (stats->mean_score, 0);
  ck_assert (isnan (stats->reliability));
  for (guint i = 0; i < 2; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);

      assert_close (item->facility, 0);
      ck_assert (isnan (item->rpb));
      assert_close (item->discrimination, 0);
      ck_assert_int_eq (item->flags, LC_ITEM_FLAG_TOO_HARD);
    }
}
END_TEST

/* One attempt, and none: what cannot be computed is NAN, not a number. */
START_TEST (test_too_few)
{
  static const char *const stems[] = { "Q1", "Q2", NULL };
  g_autoptr (LcExamStats) empty = NULL;
  g_autoptr (LcExamStats) stats = NULL;
  const LcItemStats *item;
  gint64 exam_id, in_progress = 0;

  for (guint i = 0; stems[i] != NULL; i++)
    g_free (lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, stems[i]));
  exam_id = whole_bank_exam ("一人", 2, 100);
  empty = stats_of (lc_test.system, exam_id);
  ck_assert_int_eq (empty->n_attempts, 0);
  ck_assert_int_eq (empty->items->len, 0);
  ck_assert (isnan (empty->mean_score) && isnan (empty->reliability));

  sit (exam_id, officers[0], stems, "AB", -1);
  /* An attempt in progress is not counted. */
  ck_assert (lc_exam_start (lc_test.system, exam_id, officers[1], &in_progress, NULL, NULL));
  stats = stats_of (lc_test.system, exam_id);
  ck_assert_int_eq (stats->n_attempts, 1);
  ck_assert (isnan (stats->reliability));
  item = item_by_stem (stats, "Q1");
  ck_assert_int_eq (item->n, 1);
  assert_close (item->facility, 1);
  ck_assert (isnan (item->rpb));
  ck_assert (isnan (item->discrimination));
  ck_assert_int_eq (item->n_upper + item->n_lower, 0);
  ck_assert_int_eq (item->flags, LC_ITEM_FLAG_TOO_EASY);
}
END_TEST

/* Randomized papers: each item over the attempts that showed it; an
 * attempt awaiting an essay grade is left out. */
START_TEST (test_randomized)
{
  g_autoptr (LcExam) exam = lc_test_exam_new ("随机卷");
  g_autoptr (LcExamStats) stats = NULL;
  g_autoptr (GError) error = NULL;
  guint total_n = 0;
  gint64 exam_id, waiting = 0;

  lc_test_add_questions (LC_QUESTION_SINGLE, CAT, 3, 8, "单选");
  lc_test_add_questions (LC_QUESTION_ESSAY, ESSAY_CAT, 3, 1, "问答");
  lc_exam_add_section (exam, CAT, LC_QUESTION_SINGLE, 3, 100, 1, 5);
  lc_exam_add_section (exam, ESSAY_CAT, LC_QUESTION_ESSAY, 1, 200, 1, 5);
  exam_id = lc_test_publish_exam (exam);
  for (guint o = 0; o < 10; o++)
    {
      g_autoptr (LcPaper) paper = NULL;
      gint64 attempt_id = 0;

      ck_assert (lc_exam_start (lc_test.system, exam_id, officers[o], &attempt_id, NULL, &error));
      paper = lc_exam_get_paper (lc_test.system, attempt_id, &error);
      for (guint i = 0; i < paper->items->len; i++)
        {
          const LcPaperItem *item = g_ptr_array_index (paper->items, i);
          char letter[2] = { 0 };

          if (item->type == LC_QUESTION_ESSAY)
            ck_assert (lc_exam_answer (lc_test.system, attempt_id, item->pos, "答", &error));
          else if ((o + i) % 3 != 0)
            {
              letter[0] = lc_test_letter_of (item, (o + i) % 2 ? "甲" : "丙");
              ck_assert (lc_exam_answer (lc_test.system, attempt_id, item->pos, letter, &error));
            }
        }
      ck_assert (lc_exam_submit (lc_test.system, attempt_id, &error));
      if (o == 9)
        waiting = attempt_id;
      else
        ck_assert (lc_exam_grade_item (lc_test.system, attempt_id, 4, o % 2 ? 200 : 0, NULL, &error));
    }
  ck_assert_int_gt (waiting, 0);
  stats = stats_of (lc_test.system, exam_id);
  ck_assert_int_eq (stats->n_attempts, 9);
  ck_assert_int_eq (stats->n_excluded, 1);
  assert_close (stats->items_per_paper, 4);
  /* Essays given all or nothing keep it KR-20. */
  ck_assert_int_eq (stats->reliability_kind, LC_RELIABILITY_KR20);
  for (guint i = 0; i < stats->items->len; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);
      guint chosen = item->n_unanswered;

      total_n += item->n;
      for (guint o = 0; o < item->option_counts->len; o++)
        chosen += g_array_index (item->option_counts, guint, o);
      if (item->type == LC_QUESTION_SINGLE)
        ck_assert_int_eq (chosen, item->n);
      ck_assert (item->facility >= 0 && item->facility <= 1);
    }
  ck_assert_int_eq (total_n, 9 * 4);
}
END_TEST

START_TEST (test_permissions)
{
  gint64 exam_id = hand_exam ();
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, officers[0]);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcExamStats) stats = NULL;
  g_autoptr (GHashTable) marks = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (lc_exam_stats_compute (officer, exam_id, &error) == NULL);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (lc_exam_stats_latest_by_question (officer, 1, &error) == NULL);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Personnel read the figures, not which option is the key. */
  stats = stats_of (personnel, exam_id);
  ck_assert (!stats->has_key);
  for (guint i = 0; i < stats->items->len; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);
      for (guint o = 0; o < item->correct->len; o++)
        ck_assert (!g_array_index (item->correct, gboolean, o));
    }
  assert_close (item_by_stem (stats, "Q1")->facility, 5.0 / 6);

  ck_assert (lc_exam_stats_compute (lc_test.system, 9999, &error) == NULL);
  lc_test_assert_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_EXAM);
}
END_TEST

static const LcQuestionStatsMark *
mark_of (GHashTable *marks, const char *uid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM question WHERE uid = '%s'", uid);
  gint64 id = lc_test_query_int (sql);

  return g_hash_table_lookup (marks, &id);
}

/* The bank takes each question's figures from the latest exam (by closing
 * time) where enough attempts saw it, never from practice. */
START_TEST (test_latest_by_question)
{
  static const char *const two[] = { "Q1", "Q2", NULL };
  g_autofree char *uid1 = lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, "Q1");
  g_autofree char *uid2 = lc_test_add_question (LC_QUESTION_SINGLE, CAT, 3, "Q2");
  g_autoptr (LcExam) early = lc_test_exam_new ("早考");
  g_autoptr (LcExam) late = lc_test_exam_new ("晚考");
  g_autoptr (LcExam) practice = lc_test_exam_new ("练习");
  g_autoptr (GHashTable) marks = NULL;
  g_autoptr (GHashTable) strict = NULL;
  g_autoptr (GError) error = NULL;
  const LcQuestionStatsMark *mark;
  gint64 early_id, late_id, practice_id;

  lc_exam_add_section (early, CAT, LC_QUESTION_SINGLE, 2, 100, 1, 5);
  lc_exam_add_section (late, CAT, LC_QUESTION_SINGLE, 2, 100, 1, 5);
  lc_exam_add_section (practice, CAT, LC_QUESTION_SINGLE, 2, 100, 1, 5);
  late->closes_at = early->closes_at + 86400;
  practice->closes_at = late->closes_at + 86400;
  practice->purpose = LC_EXAM_PRACTICE;
  practice->max_attempts = 0;
  early_id = lc_test_publish_exam (early);
  late_id = lc_test_publish_exam (late);
  practice_id = lc_test_publish_exam (practice);

  /* Early: Q1 easy for everyone. Late: Q1 right for half. Practice: all wrong. */
  for (guint i = 0; i < 4; i++)
    {
      sit (early_id, officers[i], two, "AA", -1);
      sit (late_id, officers[i], two, i % 2 ? "AB" : "BA", -1);
      sit (practice_id, officers[i], two, "BB", -1);
    }
  marks = lc_exam_stats_latest_by_question (lc_test.system, 4, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (g_hash_table_size (marks), 2);
  mark = mark_of (marks, uid1);
  ck_assert_int_eq (mark->exam_id, late_id);
  ck_assert_str_eq (mark->exam_title, "晚考");
  ck_assert_int_eq (mark->n, 4);
  ck_assert_int_eq (mark->version_no, 1);
  assert_close (mark->facility, 0.5);
  ck_assert_int_eq (mark->flags, lc_item_stats_flags_for (mark->facility, mark->rpb, mark->discrimination));
  ck_assert (mark_of (marks, uid2) != NULL);

  /* Fewer attempts than asked for: no verdict. */
  strict = lc_exam_stats_latest_by_question (lc_test.system, 5, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (g_hash_table_size (strict), 0);
}
END_TEST

START_TEST (test_describe)
{
  g_autofree char *none = lc_item_flags_describe (LC_ITEM_FLAG_NONE);
  g_autofree char *two = lc_item_flags_describe (LC_ITEM_FLAG_TOO_HARD | LC_ITEM_FLAG_NEGATIVE_D);

  ck_assert_str_eq (none, "");
  ck_assert_str_eq (two, "too hard; negative discrimination");
  ck_assert_int_eq (lc_item_stats_flags_for (0.2, 0.1, 0), LC_ITEM_FLAG_NONE);
  ck_assert_int_eq (lc_item_stats_flags_for (0.96, NAN, NAN), LC_ITEM_FLAG_TOO_EASY);
  ck_assert_int_eq (lc_item_stats_flags_for (0.5, 0.0999, -0.01), LC_ITEM_FLAG_LOW_RPB | LC_ITEM_FLAG_NEGATIVE_D);
}
END_TEST

static Suite *
exam_stats_suite (void)
{
  Suite *s = suite_create ("exam-stats");
  TCase *tc = tcase_create ("stats");

  tcase_add_checked_fixture (tc, setup, lc_test_teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_hand_computed);
  tcase_add_test (tc, test_alpha_with_essay);
  tcase_add_test (tc, test_all_right);
  tcase_add_test (tc, test_all_wrong);
  tcase_add_test (tc, test_too_few);
  tcase_add_test (tc, test_randomized);
  tcase_add_test (tc, test_permissions);
  tcase_add_test (tc, test_latest_by_question);
  tcase_add_test (tc, test_describe);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return lc_test_run (exam_stats_suite ());
}
