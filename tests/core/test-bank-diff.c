/* test-bank-diff.c: the differences between two versions of a question
 * (lc_question_diff, pure) and the author names the bank reads with them. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-bank.h"
#include "lc-law.h"
#include "lc-test-util.h"

#define APL "administrative-penalty-law@2021-01-22"

static LcQuestion *
make_single (const char *stem)
{
  LcQuestion *q = lc_question_new (LC_QUESTION_SINGLE);

  q->stem = g_strdup (stem);
  q->basis_ref = g_strdup (APL "#9");
  q->explanation = g_strdup ("依据《行政处罚法》第九条。");
  lc_question_add_option (q, "记过", TRUE);
  lc_question_add_option (q, "通报批评", FALSE);
  lc_question_add_option (q, "限制从业", FALSE);
  return q;
}

static void
set_text (char **field, const char *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static LcQuestionOption *
option (LcQuestion *q, guint i)
{
  return g_ptr_array_index (q->options, i);
}

/* The runs as one string: "=equal" "-deleted" "+inserted", joined by "|". */
static char *
runs (GPtrArray *segments)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, i);
      char mark = segment->kind == LC_DIFF_EQUAL ? '=' : segment->kind == LC_DIFF_DELETE ? '-' : '+';

      g_string_append_printf (text, "%s%c%s", i > 0 ? "|" : "", mark, segment->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The text the equal runs and the runs of @kind make. */
static char *
side (GPtrArray *segments, LcDiffKind kind)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->kind == LC_DIFF_EQUAL || segment->kind == kind)
        g_string_append (text, segment->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_rebuilds (const LcQuestionFieldDiff *diff)
{
  g_autofree char *old_text = side (diff->segments, LC_DIFF_DELETE);
  g_autofree char *new_text = side (diff->segments, LC_DIFF_INSERT);

  ck_assert_str_eq (old_text, diff->old_text);
  ck_assert_str_eq (new_text, diff->new_text);
}

/* Pure ------------------------------------------------------------------ */

START_TEST (test_stem_reworded)
{
  g_autoptr (LcQuestion) a = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (LcQuestion) b = make_single ("下列哪一项不是行政处罚？");
  g_autoptr (GPtrArray) fields = lc_question_diff (a, b);
  LcQuestionFieldDiff *diff;
  g_autofree char *shown = NULL;

  ck_assert_uint_eq (fields->len, 1);
  diff = g_ptr_array_index (fields, 0);
  ck_assert_int_eq (diff->field, LC_QUESTION_FIELD_STEM);
  ck_assert_str_eq (diff->label, "Question");
  ck_assert_str_eq (diff->old_text, "下列哪一项不属于行政处罚的种类？");
  ck_assert_str_eq (diff->new_text, "下列哪一项不是行政处罚？");
  shown = runs (diff->segments);
  ck_assert_str_eq (shown, "=下列哪一项不|-属于|+是|=行政处罚|-的种类|=？");
  assert_rebuilds (diff);
}
END_TEST

START_TEST (test_correct_option_moved)
{
  g_autoptr (LcQuestion) a = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (LcQuestion) b = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (GPtrArray) fields = NULL;
  LcQuestionFieldDiff *diff;
  g_autofree char *shown = NULL;

  option (b, 0)->correct = FALSE;
  option (b, 0)->weight = 0;
  option (b, 1)->correct = TRUE;
  option (b, 1)->weight = 10000;
  fields = lc_question_diff (a, b);
  ck_assert_uint_eq (fields->len, 1);
  diff = g_ptr_array_index (fields, 0);
  ck_assert_int_eq (diff->field, LC_QUESTION_FIELD_OPTIONS);
  ck_assert_str_eq (diff->label, "Options");
  ck_assert_str_eq (diff->old_text, "A. 记过 ✓\nB. 通报批评\nC. 限制从业");
  ck_assert_str_eq (diff->new_text, "A. 记过\nB. 通报批评 ✓\nC. 限制从业");
  shown = runs (diff->segments);
  ck_assert_str_eq (shown, "=A. 记过|- ✓|=\nB. 通报批评|+ ✓|=\nC. 限制从业");
  assert_rebuilds (diff);
}
END_TEST

START_TEST (test_identical)
{
  g_autoptr (LcQuestion) a = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (LcQuestion) b = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (GPtrArray) same = lc_question_diff (a, a);
  g_autoptr (GPtrArray) equal = NULL;

  ck_assert_uint_eq (same->len, 0);
  /* What is read around a version is not its content: the basis label,
   * the version number, the author, NULL against "moodle". */
  b->basis_label = g_strdup ("中华人民共和国行政处罚法 第九条");
  b->version_no = 2;
  b->author_user_id = 7;
  b->format = g_strdup ("moodle");
  equal = lc_question_diff (a, b);
  ck_assert_uint_eq (equal->len, 0);
  ck_assert (lc_question_same_content (a, b));
}
END_TEST

START_TEST (test_every_field)
{
  g_autoptr (LcQuestion) a = make_single ("题干");
  g_autoptr (LcQuestion) b = lc_question_new (LC_QUESTION_MULTIPLE);
  g_autoptr (GPtrArray) fields = NULL;
  static const LcQuestionField expected[] = {
    LC_QUESTION_FIELD_TYPE,        LC_QUESTION_FIELD_NAME,       LC_QUESTION_FIELD_STEM,  LC_QUESTION_FIELD_OPTIONS,
    LC_QUESTION_FIELD_EXPLANATION, LC_QUESTION_FIELD_DIFFICULTY, LC_QUESTION_FIELD_BASIS, LC_QUESTION_FIELD_FORMAT,
  };

  b->name = g_strdup ("处罚种类");
  b->stem = g_strdup ("新题干");
  b->format = g_strdup ("html");
  b->difficulty = 5;
  b->basis_ref = g_strdup (APL "#10");
  lc_question_add_option (b, "记过", TRUE);
  lc_question_add_option (b, "警告", TRUE)->weight = 5000;
  lc_question_add_option (b, "以上都是", FALSE)->pinned = TRUE;
  option (b, 0)->weight = 5000;
  option (b, 0)->feedback = g_strdup ("记过是处分");
  fields = lc_question_diff (a, b);
  ck_assert_uint_eq (fields->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < fields->len; i++)
    {
      LcQuestionFieldDiff *diff = g_ptr_array_index (fields, i);

      ck_assert_int_eq (diff->field, expected[i]);
      assert_rebuilds (diff);
    }
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 0))->old_text, "Single choice");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 0))->new_text, "Multiple choice");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 1))->old_text, "");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 3))->new_text,
                    "A. 记过 ✓ (50%)\n    Feedback: 记过是处分\nB. 警告 ✓ (50%)\nC. 以上都是 (pinned)");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 4))->new_text, "");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 5))->old_text, "3");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 5))->new_text, "5");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 6))->new_text, APL "#10");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 7))->old_text, "Moodle (GIFT)");
  ck_assert_str_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 7))->new_text, "HTML");
}
END_TEST

START_TEST (test_truefalse_and_fill)
{
  g_autoptr (LcQuestion) t = lc_question_new (LC_QUESTION_TRUEFALSE);
  g_autoptr (LcQuestion) f = lc_question_new (LC_QUESTION_TRUEFALSE);
  g_autoptr (LcQuestion) fill_a = lc_question_new (LC_QUESTION_FILL);
  g_autoptr (LcQuestion) fill_b = lc_question_new (LC_QUESTION_FILL);
  g_autoptr (GPtrArray) tf_fields = NULL;
  g_autoptr (GPtrArray) fill_fields = NULL;
  LcQuestionFieldDiff *diff;

  t->stem = g_strdup ("行政处罚由具有行政处罚权的行政机关在法定职权范围内实施。");
  f->stem = g_strdup (t->stem);
  lc_question_set_truefalse (t, TRUE);
  lc_question_set_truefalse (f, FALSE);
  tf_fields = lc_question_diff (t, f);
  ck_assert_uint_eq (tf_fields->len, 1);
  diff = g_ptr_array_index (tf_fields, 0);
  ck_assert_str_eq (diff->label, "Answer");
  ck_assert_str_eq (diff->old_text, "True");
  ck_assert_str_eq (diff->new_text, "False");

  fill_a->stem = g_strdup ("行政处罚的设定和实施，应当遵循____原则。");
  fill_b->stem = g_strdup (fill_a->stem);
  lc_question_add_option (fill_a, "公正、公开", TRUE);
  lc_question_add_option (fill_b, "公正、公开", TRUE);
  lc_question_add_option (fill_b, "公正公开", TRUE);
  fill_fields = lc_question_diff (fill_a, fill_b);
  ck_assert_uint_eq (fill_fields->len, 1);
  diff = g_ptr_array_index (fill_fields, 0);
  ck_assert_str_eq (diff->label, "Accepted answers");
  ck_assert_str_eq (diff->old_text, "公正、公开");
  ck_assert_str_eq (diff->new_text, "公正、公开\n公正公开");
  assert_rebuilds (diff);
}
END_TEST

/* Authors --------------------------------------------------------------- */

static void
setup_with_laws (void)
{
  g_autoptr (GError) error = NULL;

  lc_test_setup ();
  ck_assert_msg (lc_law_ensure_shipped (lc_test.db, &error), "%s", error ? error->message : "");
}

START_TEST (test_author_names)
{
  gint64 dept = lc_test_add_department ("D01", "法制科", 0);
  gint64 officer_id = lc_test_add_officer ("330401009", "李娜", dept);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) linked = lc_test_session (LC_ROLE_TRAINER, officer_id);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcQuestion) q = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (LcQuestion) second = NULL;
  g_autoptr (LcQuestion) third = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *expected_linked = NULL;
  LcBankFilter filter;
  gboolean made = FALSE;

  q->category = g_strdup ("行政处罚法");
  ck_assert_msg (lc_bank_add_question (lc_test.system, q, &uid, &error), "%s", error ? error->message : "");
  set_text (&q->stem, "下列哪一项不是行政处罚？");
  ck_assert (lc_bank_edit_question (trainer, uid, q, &made, &error) && made);
  set_text (&q->explanation, "《行政处罚法》第九条列举了行政处罚的种类。");
  ck_assert (lc_bank_edit_question (linked, uid, q, &made, &error) && made);
  lc_test_assert_no_error (error);

  /* Personnel read the history too. */
  versions = lc_bank_list_versions (personnel, uid, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (versions->len, 3);
  ck_assert_str_eq (((LcQuestion *) g_ptr_array_index (versions, 0))->author_name, "the program");
  ck_assert_str_eq (((LcQuestion *) g_ptr_array_index (versions, 1))->author_name, lc_session_get_login (trainer));
  expected_linked = g_strdup_printf ("李娜 (%s)", lc_session_get_login (linked));
  ck_assert_str_eq (((LcQuestion *) g_ptr_array_index (versions, 2))->author_name, expected_linked);

  second = lc_bank_get_version (trainer, uid, 2, &error);
  third = lc_bank_get_question (trainer, uid, &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (second->author_name, lc_session_get_login (trainer));
  ck_assert_str_eq (third->author_name, expected_linked);

  /* The stored versions compare as the ones built in memory did. */
  fields = lc_question_diff (g_ptr_array_index (versions, 0), second);
  ck_assert_uint_eq (fields->len, 1);
  ck_assert_int_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 0))->field, LC_QUESTION_FIELD_STEM);
  g_clear_pointer (&fields, g_ptr_array_unref);
  fields = lc_question_diff (second, third);
  ck_assert_uint_eq (fields->len, 1);
  ck_assert_int_eq (((LcQuestionFieldDiff *) g_ptr_array_index (fields, 0))->field, LC_QUESTION_FIELD_EXPLANATION);

  lc_bank_filter_init (&filter);
  found = lc_bank_search (trainer, &filter, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (found->len, 1);
  ck_assert_str_eq (((LcQuestion *) g_ptr_array_index (found, 0))->author_name, expected_linked);
}
END_TEST

START_TEST (test_officers_read_nothing)
{
  gint64 dept = lc_test_add_department ("D01", "执法一大队", 0);
  gint64 officer_id = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, officer_id);
  g_autoptr (LcQuestion) q = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;

  ck_assert_msg (lc_bank_add_question (lc_test.system, q, &uid, &error), "%s", error ? error->message : "");
  ck_assert_ptr_null (lc_bank_list_versions (officer, uid, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert_ptr_null (lc_bank_get_version (officer, uid, 1, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
}
END_TEST

static Suite *
bank_diff_suite (void)
{
  Suite *s = suite_create ("bank-diff");
  TCase *tc;

  tc = tcase_create ("diff");
  tcase_add_test (tc, test_stem_reworded);
  tcase_add_test (tc, test_correct_option_moved);
  tcase_add_test (tc, test_identical);
  tcase_add_test (tc, test_every_field);
  tcase_add_test (tc, test_truefalse_and_fill);
  suite_add_tcase (s, tc);

  tc = tcase_create ("authors");
  tcase_add_checked_fixture (tc, setup_with_laws, lc_test_teardown);
  tcase_add_test (tc, test_author_names);
  tcase_add_test (tc, test_officers_read_nothing);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return lc_test_run (bank_diff_suite ());
}
