/* test-bank.c: the question bank — versions, validation, search, GIFT import
 * and export, permissions and the starter bank. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-bank.h"
#include "lc-law.h"
#include "lc-test-util.h"

#define APL "administrative-penalty-law@2021-01-22"

static void
setup_with_laws (void)
{
  g_autoptr (GError) error = NULL;

  lc_test_setup ();
  ck_assert_msg (lc_law_ensure_shipped (lc_test.db, &error), "%s", error ? error->message : "");
}

static LcQuestion *
make_single (const char *stem)
{
  LcQuestion *q = lc_question_new (LC_QUESTION_SINGLE);

  q->stem = g_strdup (stem);
  q->category = g_strdup ("行政处罚法/第二章 行政处罚的种类和设定");
  q->basis_ref = g_strdup (APL "#9");
  q->explanation = g_strdup ("依据《行政处罚法》第九条。");
  lc_question_add_option (q, "记过", TRUE);
  lc_question_add_option (q, "通报批评", FALSE);
  lc_question_add_option (q, "限制从业", FALSE);
  return q;
}

static char *
add (LcSession *session, LcQuestion *q)
{
  g_autoptr (GError) error = NULL;
  char *uid = NULL;

  ck_assert_msg (lc_bank_add_question (session, q, &uid, &error), "%s", error ? error->message : "");
  return uid;
}

static guint
count (const LcBankFilter *filter)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  ck_assert_msg (lc_bank_count (lc_test.system, filter, &n, &error), "%s", error ? error->message : "");
  return n;
}

/* Versions ------------------------------------------------------------- */

START_TEST (test_versioning)
{
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcQuestion) q = make_single ("下列哪一项不属于行政处罚的种类？");
  g_autoptr (LcQuestion) first = NULL;
  g_autoptr (LcQuestion) second = NULL;
  g_autoptr (LcQuestion) current = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = add (trainer, q);
  gboolean made = FALSE;

  ck_assert (g_str_has_prefix (uid, "q-") && strlen (uid) == 18);
  first = lc_bank_get_question (trainer, uid, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (first->version_no, 1);
  ck_assert_int_eq (first->options->len, 3);
  ck_assert (((LcQuestionOption *) g_ptr_array_index (first->options, 0))->correct);
  ck_assert_ptr_nonnull (first->basis_text);
  ck_assert_ptr_nonnull (strstr (first->basis_label, "第九条"));
  ck_assert_str_eq (first->category, "行政处罚法/第二章 行政处罚的种类和设定");

  /* The same content again makes no version. */
  ck_assert (lc_bank_edit_question (trainer, uid, q, &made, &error));
  ck_assert (!made);

  g_free (q->stem);
  q->stem = g_strdup ("下列哪一项不是行政处罚？");
  ck_assert (lc_bank_edit_question (trainer, uid, q, &made, &error));
  lc_test_assert_no_error (error);
  ck_assert (made);
  current = lc_bank_get_question (trainer, uid, &error);
  ck_assert_int_eq (current->version_no, 2);
  ck_assert_str_eq (current->stem, "下列哪一项不是行政处罚？");
  second = lc_bank_get_version (trainer, uid, 1, &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (second->stem, "下列哪一项不属于行政处罚的种类？");
  ck_assert_int_eq (second->version_id, first->version_id);
  ck_assert (lc_question_same_content (first, second));
  versions = lc_bank_list_versions (trainer, uid, &error);
  ck_assert_int_eq (versions->len, 2);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM option"), 6);
  ck_assert_ptr_null (lc_bank_get_version (trainer, uid, 3, &error));
  lc_test_assert_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION);
}
END_TEST

START_TEST (test_status)
{
  g_autoptr (LcQuestion) q = make_single ("状态测试题目");
  g_autofree char *uid = add (lc_test.system, q);
  g_autoptr (LcQuestion) got = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (lc_bank_set_status (lc_test.system, uid, LC_QUESTION_RETIRED, &error));
  got = lc_bank_get_question (lc_test.system, uid, &error);
  ck_assert_int_eq (got->status, LC_QUESTION_RETIRED);
  ck_assert (!lc_bank_set_status (lc_test.system, "nope", LC_QUESTION_ACTIVE, &error));
  lc_test_assert_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION);
}
END_TEST

/* Validation ----------------------------------------------------------- */

typedef struct
{
  const char *what;
  int code;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "empty stem", LC_BANK_ERROR_EMPTY_STEM },
  { "blank stem", LC_BANK_ERROR_EMPTY_STEM },
  { "difficulty 0", LC_BANK_ERROR_DIFFICULTY },
  { "difficulty 6", LC_BANK_ERROR_DIFFICULTY },
  { "single with one option", LC_BANK_ERROR_NO_OPTIONS },
  { "single with two correct", LC_BANK_ERROR_SINGLE_NOT_ONE },
  { "single with none correct", LC_BANK_ERROR_SINGLE_NOT_ONE },
  { "empty option", LC_BANK_ERROR_EMPTY_OPTION },
  { "duplicate option", LC_BANK_ERROR_DUPLICATE_OPTION },
  { "multiple with one correct", LC_BANK_ERROR_MULTIPLE_TOO_FEW },
  { "multiple correct without weight", LC_BANK_ERROR_WEIGHT },
  { "weight over 100%", LC_BANK_ERROR_WEIGHT },
  { "truefalse three options", LC_BANK_ERROR_TRUEFALSE_OPTIONS },
  { "truefalse both correct", LC_BANK_ERROR_TRUEFALSE_OPTIONS },
  { "fill without answer", LC_BANK_ERROR_NO_OPTIONS },
  { "essay with options", LC_BANK_ERROR_ESSAY_OPTIONS },
  { "uid with space", LC_BANK_ERROR_UID },
  { "category with an empty part", LC_BANK_ERROR_CATEGORY },
  { "blank category", LC_BANK_ERROR_CATEGORY },
};

static LcQuestion *
invalid_question (int i)
{
  LcQuestion *q = make_single ("题目");

  switch (i)
    {
    case 0:
      g_clear_pointer (&q->stem, g_free);
      break;
    case 1:
      g_free (q->stem);
      q->stem = g_strdup (" \t　");
      break;
    case 2:
      q->difficulty = 0;
      break;
    case 3:
      q->difficulty = 6;
      break;
    case 4:
      g_ptr_array_set_size (q->options, 1);
      break;
    case 5:
      ((LcQuestionOption *) g_ptr_array_index (q->options, 1))->correct = TRUE;
      break;
    case 6:
      ((LcQuestionOption *) g_ptr_array_index (q->options, 0))->correct = FALSE;
      break;
    case 7:
      lc_question_add_option (q, " ", FALSE);
      break;
    case 8:
      lc_question_add_option (q, "记过", FALSE);
      break;
    case 9:
      q->type = LC_QUESTION_MULTIPLE;
      break;
    case 10:
      q->type = LC_QUESTION_MULTIPLE;
      ((LcQuestionOption *) g_ptr_array_index (q->options, 1))->correct = TRUE;
      break;
    case 11:
      ((LcQuestionOption *) g_ptr_array_index (q->options, 0))->weight = 10001;
      break;
    case 12:
      q->type = LC_QUESTION_TRUEFALSE;
      break;
    case 13:
      q->type = LC_QUESTION_TRUEFALSE;
      lc_question_set_truefalse (q, TRUE);
      ((LcQuestionOption *) g_ptr_array_index (q->options, 1))->correct = TRUE;
      break;
    case 14:
      q->type = LC_QUESTION_FILL;
      g_ptr_array_set_size (q->options, 0);
      break;
    case 15:
      q->type = LC_QUESTION_ESSAY;
      break;
    case 16:
      q->uid = g_strdup ("a b");
      break;
    case 17:
      g_free (q->category);
      q->category = g_strdup ("行政处罚法//第二章");
      break;
    case 18:
      g_free (q->category);
      q->category = g_strdup (" ");
      break;
    default:
      g_assert_not_reached ();
    }
  return q;
}

START_TEST (test_validation)
{
  g_autoptr (LcQuestion) q = invalid_question (_i);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) add_error = NULL;

  ck_assert_msg (!lc_question_validate (q, &error), "%s passed", invalid_cases[_i].what);
  lc_test_assert_error (error, LC_BANK_ERROR, invalid_cases[_i].code);
  ck_assert (!lc_bank_add_question (lc_test.system, q, NULL, &add_error));
  lc_test_assert_error (add_error, LC_BANK_ERROR, invalid_cases[_i].code);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
}
END_TEST

START_TEST (test_share_weights)
{
  g_autoptr (LcQuestion) multiple = lc_question_new (LC_QUESTION_MULTIPLE);
  g_autoptr (LcQuestion) fill = lc_question_new (LC_QUESTION_FILL);
  int total = 0;

  lc_question_add_option (multiple, "甲", TRUE);
  lc_question_add_option (multiple, "乙", FALSE)->weight = -5000;
  lc_question_add_option (multiple, "丙", TRUE);
  lc_question_add_option (multiple, "丁", TRUE);
  lc_question_share_weights (multiple);
  for (guint i = 0; i < multiple->options->len; i++)
    total += ((LcQuestionOption *) g_ptr_array_index (multiple->options, i))->weight;
  /* A third each, the last taking the rounding; the wrong option keeps its penalty. */
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (multiple->options, 0))->weight, 3333);
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (multiple->options, 1))->weight, -5000);
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (multiple->options, 3))->weight, 3334);
  ck_assert_int_eq (total, 10000 - 5000);
  lc_question_add_option (fill, "二", TRUE);
  lc_question_add_option (fill, "2", TRUE);
  lc_question_share_weights (fill);
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (fill->options, 1))->weight, 10000);
}
END_TEST

START_TEST (test_valid_types)
{
  g_autoptr (LcQuestion) multiple = make_single ("多选题");
  g_autoptr (LcQuestion) tf = lc_question_new (LC_QUESTION_TRUEFALSE);
  g_autoptr (LcQuestion) fill = lc_question_new (LC_QUESTION_FILL);
  g_autoptr (LcQuestion) essay = lc_question_new (LC_QUESTION_ESSAY);
  g_autoptr (GError) error = NULL;
  g_autofree char *u1 = NULL, *u2 = NULL, *u3 = NULL, *u4 = NULL;

  multiple->type = LC_QUESTION_MULTIPLE;
  ((LcQuestionOption *) g_ptr_array_index (multiple->options, 0))->weight = 5000;
  ((LcQuestionOption *) g_ptr_array_index (multiple->options, 1))->correct = TRUE;
  ((LcQuestionOption *) g_ptr_array_index (multiple->options, 1))->weight = 5000;
  tf->stem = g_strdup ("行政处罚遵循公正、公开的原则。");
  lc_question_set_truefalse (tf, TRUE);
  fill->stem = g_strdup ("实施行政处罚，应当坚持处罚与____相结合。");
  lc_question_add_option (fill, "教育", TRUE);
  essay->stem = g_strdup ("试分析本案。");
  u1 = add (lc_test.system, multiple);
  u2 = add (lc_test.system, tf);
  u3 = add (lc_test.system, fill);
  u4 = add (lc_test.system, essay);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 4);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM option WHERE text IN ('T', 'F')"), 2);
}
END_TEST

START_TEST (test_basis_must_exist)
{
  g_autoptr (LcQuestion) q = make_single ("依据不存在的条文");
  g_autoptr (GError) error = NULL;

  g_free (q->basis_ref);
  q->basis_ref = g_strdup (APL "#999");
  ck_assert (!lc_bank_add_question (lc_test.system, q, NULL, &error));
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_ARTICLE);
  g_clear_error (&error);
  g_free (q->basis_ref);
  q->basis_ref = g_strdup ("no-such-law@2021-01-22#1");
  ck_assert (!lc_bank_add_question (lc_test.system, q, NULL, &error));
  ck_assert (error->domain == LC_LAW_ERROR);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
}
END_TEST

/* GIFT ------------------------------------------------------------------ */

static const char sample_gift[] =
    "$CATEGORY: 行政处罚法/第二章 行政处罚的种类和设定\n"
    "\n"
    "// @uid s-1  @difficulty 2  @basis " APL "#9\n"
    "::处罚种类::下列哪一项不属于行政处罚的种类？{=记过#对 ~通报批评 ~%25%限制从业 ~降低资质等级####解析：第九条。}\n"
    "\n"
    "// @uid s-2  @difficulty 4  @basis " APL "#9\n"
    "下列属于行政处罚的有（　）。{~%50%警告 ~%50%罚款 ~%-100%记过}\n"
    "\n"
    "// @uid s-3  @basis " APL "#5\n"
    "行政处罚遵循公正、公开的原则。{T#错了#对了####第五条}\n"
    "\n"
    "$CATEGORY: 行政处罚法/第一章 总则\n"
    "\n"
    "// @uid s-4  @difficulty 1\n"
    "[markdown]实施行政处罚应当坚持处罚与____相结合。{=教育 =%50%教化}\n"
    "\n"
    "// @uid s-5  @difficulty 5\n"
    "试分析行政处罚的设定权。{####模范答案：法律可以设定各种行政处罚。}\n";

static gboolean
import (LcSession *session, const char *text, LcBankImportFlags flags, LcBankImportResult *result, GPtrArray **problems,
        GError **error)
{
  return lc_bank_import_gift (session, text, strlen (text), "t.gift", flags, result, NULL, problems, error);
}

START_TEST (test_import_add_update_unchanged)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcQuestion) q = NULL;
  LcBankImportResult r;

  ck_assert_msg (import (lc_test.system, sample_gift, LC_BANK_IMPORT_DEFAULT, &r, NULL, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_eq (r.added, 5);
  ck_assert_int_eq (r.updated + r.unchanged + r.skipped, 0);
  q = lc_bank_get_question (lc_test.system, "s-1", &error);
  ck_assert_int_eq (q->difficulty, 2);
  ck_assert_str_eq (q->name, "处罚种类");
  ck_assert_str_eq (q->explanation, "解析：第九条。");
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (q->options, 2))->weight, 2500);
  g_clear_pointer (&q, lc_question_free);
  q = lc_bank_get_question (lc_test.system, "s-3", &error);
  ck_assert_int_eq (q->type, LC_QUESTION_TRUEFALSE);
  ck_assert_int_eq (q->difficulty, 3);
  g_clear_pointer (&q, lc_question_free);
  q = lc_bank_get_question (lc_test.system, "s-5", &error);
  ck_assert_str_eq (q->model_answer, "模范答案：法律可以设定各种行政处罚。");
  ck_assert_int_eq (q->status, LC_QUESTION_ACTIVE);

  ck_assert (import (lc_test.system, sample_gift, LC_BANK_IMPORT_DEFAULT, &r, NULL, &error));
  ck_assert_int_eq (r.unchanged, 5);
  ck_assert_int_eq (r.added + r.updated, 0);

  {
    g_autofree char *text = g_strdup (sample_gift);
    char *at = strstr (text, "不属于");
    g_autoptr (GString) edited = g_string_new_len (text, at - text);

    g_string_append (edited, "不属于了");
    g_string_append (edited, at + strlen ("不属于"));
    ck_assert (import (lc_test.system, edited->str, LC_BANK_IMPORT_DEFAULT, &r, NULL, &error));
    ck_assert_int_eq (r.updated, 1);
    ck_assert_int_eq (r.unchanged, 4);
  }
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 5);
  ck_assert_int_eq (
      lc_test_query_int ("SELECT count(*) FROM question_version v JOIN question q ON q.id = v.question_id "
                         "WHERE q.uid = 's-1'"),
      2);
}
END_TEST

START_TEST (test_import_uid_from_position)
{
  static const char text[] = "甲乙丙丁戊。{=甲 ~乙}\n\n子丑寅卯。{=子 ~丑}\n";
  g_autoptr (GError) error = NULL;
  LcBankImportResult r;

  ck_assert (import (lc_test.system, text, LC_BANK_IMPORT_DEFAULT, &r, NULL, &error));
  ck_assert_int_eq (r.added, 2);
  ck_assert (import (lc_test.system, text, LC_BANK_IMPORT_DEFAULT, &r, NULL, &error));
  ck_assert_int_eq (r.unchanged, 2);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question WHERE uid LIKE 'q-%'"), 2);
}
END_TEST

START_TEST (test_import_all_or_nothing)
{
  static const char text[] = "// @uid a-1\n"
                             "第一题。{=对 ~错}\n"
                             "\n"
                             "// @uid a-2  @difficulty 9\n"
                             "第二题。{=对 ~错}\n"
                             "\n"
                             "// @uid a-3  @basis " APL "#999\n"
                             "第三题。{=对 ~错}\n"
                             "\n"
                             "// @uid a-4\n"
                             "第四题。{=对 ~对}\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (!import (lc_test.system, text, LC_BANK_IMPORT_DEFAULT, NULL, &problems, &error));
  lc_test_assert_error (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT);
  ck_assert_int_eq (problems->len, 3);
  ck_assert_msg (g_str_has_prefix (g_ptr_array_index (problems, 0), "t.gift:5:1: "), "%s",
                 (char *) g_ptr_array_index (problems, 0));
  ck_assert (g_str_has_prefix (g_ptr_array_index (problems, 1), "t.gift:8:1: "));
  ck_assert (g_str_has_prefix (g_ptr_array_index (problems, 2), "t.gift:11:1: "));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM category"), 0);
}
END_TEST

START_TEST (test_import_unsupported)
{
  static const char text[] = "第一题。{=对 ~错}\n"
                             "\n"
                             "配对题。{=甲 -> 一 =乙 -> 二 =丙 -> 三}\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  LcBankImportResult r;

  ck_assert (!import (lc_test.system, text, LC_BANK_IMPORT_DEFAULT, NULL, &problems, &error));
  lc_test_assert_error (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT);
  ck_assert_int_eq (problems->len, 1);
  ck_assert_msg (g_str_has_prefix (g_ptr_array_index (problems, 0), "t.gift:3:"), "%s",
                 (char *) g_ptr_array_index (problems, 0));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
  g_clear_error (&error);
  ck_assert (import (lc_test.system, text, LC_BANK_IMPORT_SKIP_UNSUPPORTED, &r, NULL, &error));
  ck_assert_int_eq (r.added, 1);
  ck_assert_int_eq (r.skipped, 1);
}
END_TEST

/* What a dry run must leave as it found: every table an import writes. */
static char *
bank_fingerprint (void)
{
  return g_strdup_printf (
      "questions %" G_GINT64_FORMAT ", versions %" G_GINT64_FORMAT ", options %" G_GINT64_FORMAT
      ", categories %" G_GINT64_FORMAT ", max version %" G_GINT64_FORMAT,
      lc_test_query_int ("SELECT count(*) FROM question"), lc_test_query_int ("SELECT count(*) FROM question_version"),
      lc_test_query_int ("SELECT count(*) FROM option"), lc_test_query_int ("SELECT count(*) FROM category"),
      lc_test_query_int ("SELECT coalesce(max(id), 0) FROM question_version"));
}

static const LcBankImportItem *
item_of (GPtrArray *items, guint i)
{
  ck_assert_uint_lt (i, items->len);
  return g_ptr_array_index (items, i);
}

START_TEST (test_dry_run_outcomes)
{
  static const char first[] = "$CATEGORY: 甲\n"
                              "\n"
                              "// @uid p-1\n"
                              "第一题。{=对 ~错}\n"
                              "\n"
                              "// @uid p-2\n"
                              "第二题。{=对 ~错}\n"
                              "\n"
                              "// @uid p-3\n"
                              "第三题。{T}\n";
  /* p-1 changed, p-2 as it was, p-3 moved to another category, p-4 and p-5 new, and a matching question. */
  static const char second[] = "$CATEGORY: 甲\n"
                               "\n"
                               "// @uid p-1\n"
                               "第一题（修改）。{=对 ~错}\n"
                               "\n"
                               "// @uid p-2\n"
                               "第二题。{=对 ~错}\n"
                               "\n"
                               "$CATEGORY: 乙/丙\n"
                               "\n"
                               "// @uid p-3\n"
                               "第三题。{T}\n"
                               "\n"
                               "// @uid p-4\n"
                               "第四题。{F}\n"
                               "\n"
                               "::配对::配对题。{=甲 -> 一 =乙 -> 二 =丙 -> 三}\n"
                               "\n"
                               "第五题。{=子 =丑}\n";
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LcQuestion) q = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LcBankImportResult r = { 0 }, real = { 0 };
  const LcBankImportItem *item;

  ck_assert (import (lc_test.system, first, LC_BANK_IMPORT_DEFAULT, NULL, NULL, &error));
  before = bank_fingerprint ();

  ck_assert_msg (lc_bank_import_gift (lc_test.system, second, strlen (second), "t.gift",
                                      LC_BANK_IMPORT_DRY_RUN | LC_BANK_IMPORT_SKIP_UNSUPPORTED, &r, &items, NULL,
                                      &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (r.added, 2);
  ck_assert_uint_eq (r.updated, 2);
  ck_assert_uint_eq (r.unchanged, 1);
  ck_assert_uint_eq (r.skipped, 1);
  ck_assert_uint_eq (items->len, 6);

  item = item_of (items, 0);
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_UPDATED);
  ck_assert_str_eq (item->uid, "p-1");
  ck_assert_str_eq (item->stem, "第一题（修改）。");
  ck_assert_str_eq (item->category, "甲");
  ck_assert_uint_eq (item->line, 4);
  item = item_of (items, 1);
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_UNCHANGED);
  ck_assert_str_eq (item->uid, "p-2");
  item = item_of (items, 2);
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_UPDATED);
  ck_assert_str_eq (item->uid, "p-3");
  ck_assert_str_eq (item->category, "乙/丙");
  item = item_of (items, 3);
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_ADDED);
  ck_assert_str_eq (item->uid, "p-4");
  ck_assert_int_eq (item->type, LC_QUESTION_TRUEFALSE);
  item = item_of (items, 4);
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_SKIPPED);
  ck_assert_uint_eq (item->line, 17);
  ck_assert_ptr_null (item->uid);
  ck_assert_str_eq (item->skipped_kind, "matching");
  item = item_of (items, 5);
  ck_assert_int_eq (item->outcome, LC_BANK_IMPORT_ADDED);
  ck_assert (g_str_has_prefix (item->uid, "q-"));
  ck_assert_uint_eq (item->line, 19);

  /* Nothing stored: no question, version, option or category more, p-1 and p-3 as they were. */
  after = bank_fingerprint ();
  ck_assert_str_eq (before, after);
  q = lc_bank_get_question (lc_test.system, "p-1", &error);
  ck_assert_str_eq (q->stem, "第一题。");
  ck_assert_int_eq (q->version_no, 1);
  g_clear_pointer (&q, lc_question_free);
  q = lc_bank_get_question (lc_test.system, "p-3", &error);
  ck_assert_str_eq (q->category, "甲");
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM category WHERE name = '丙'"), 0);

  /* The real import does what the preview said, and uses the same uid for the question without one. */
  ck_assert (lc_bank_import_gift (lc_test.system, second, strlen (second), "t.gift", LC_BANK_IMPORT_SKIP_UNSUPPORTED,
                                  &real, &again, NULL, &error));
  ck_assert_mem_eq (&real, &r, sizeof r);
  ck_assert_uint_eq (again->len, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      ck_assert_int_eq (item_of (again, i)->outcome, item_of (items, i)->outcome);
      ck_assert_pstr_eq (item_of (again, i)->uid, item_of (items, i)->uid);
    }
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 5);
}
END_TEST

START_TEST (test_dry_run_problems)
{
  static const char text[] = "// @uid d-1\n"
                             "第一题。{=对 ~错}\n"
                             "\n"
                             "// @uid d-2  @difficulty 9\n"
                             "第二题。{=对 ~错}\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_bank_import_gift (lc_test.system, text, strlen (text), "t.gift", LC_BANK_IMPORT_DRY_RUN, NULL, &items,
                                   &problems, &error));
  lc_test_assert_error (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT);
  ck_assert_ptr_null (items);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_msg (g_str_has_prefix (g_ptr_array_index (problems, 0), "t.gift:5:1: "), "%s",
                 (char *) g_ptr_array_index (problems, 0));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 0);
}
END_TEST

/* Inside a transaction of the caller a preview undoes only its own part. */
START_TEST (test_dry_run_nested)
{
  g_autoptr (GError) error = NULL;
  LcBankImportResult r = { 0 };

  ck_assert (lc_db_begin (lc_test.db, &error));
  ck_assert (import (lc_test.system, "// @uid n-1\n甲。{T}\n", LC_BANK_IMPORT_DEFAULT, NULL, NULL, &error));
  ck_assert (import (lc_test.system, "// @uid n-2\n乙。{T}\n", LC_BANK_IMPORT_DRY_RUN, &r, NULL, &error));
  ck_assert_uint_eq (r.added, 1);
  ck_assert (lc_db_commit (lc_test.db, &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question WHERE uid = 'n-1'"), 1);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question WHERE uid = 'n-2'"), 0);
}
END_TEST

START_TEST (test_export_round_trip)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *part = NULL;
  g_autofree char *other_path = g_build_filename (lc_test.dir, "other.db", NULL);
  g_autoptr (LcDb) other = NULL;
  g_autoptr (LcSession) other_session = NULL;
  LcBankImportResult r;

  ck_assert (import (lc_test.system, sample_gift, LC_BANK_IMPORT_DEFAULT, &r, NULL, &error));
  ck_assert (lc_bank_export_gift (lc_test.system, NULL, &first, &error));
  lc_test_assert_no_error (error);
  ck_assert_ptr_nonnull (strstr (first, "// @uid s-1  @difficulty 2  @basis " APL "#9"));

  other = lc_db_open (other_path, &error);
  ck_assert_ptr_nonnull (other);
  ck_assert (lc_law_ensure_shipped (other, &error));
  other_session = lc_session_new_system (other);
  ck_assert_msg (lc_bank_import_gift (other_session, first, strlen (first), "first.gift", LC_BANK_IMPORT_DEFAULT, &r,
                                      NULL, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (r.added, 5);
  ck_assert (lc_bank_export_gift (other_session, NULL, &second, &error));
  ck_assert_str_eq (first, second);

  ck_assert (lc_bank_export_gift (lc_test.system, "行政处罚法/第一章 总则", &part, &error));
  ck_assert_ptr_nonnull (strstr (part, "s-4"));
  ck_assert_ptr_null (strstr (part, "s-1"));
}
END_TEST

/* Search ---------------------------------------------------------------- */

START_TEST (test_search_chinese)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  LcBankFilter f;

  ck_assert (import (lc_test.system, sample_gift, LC_BANK_IMPORT_DEFAULT, NULL, NULL, &error));
  lc_bank_filter_init (&f);
  f.text = "罚款"; /* two characters: below the trigram's reach */
  ck_assert_int_eq (count (&f), 1);
  f.text = "设定";
  ck_assert_int_eq (count (&f), 1);
  f.text = "行政处罚"; /* four characters, stems of s-1, s-2, s-3, s-4, s-5 */
  ck_assert_int_eq (count (&f), 5);
  f.text = "资质等级"; /* only in an option */
  found = lc_bank_search (lc_test.system, &f, &error);
  ck_assert_int_eq (found->len, 1);
  ck_assert_str_eq (((LcQuestion *) g_ptr_array_index (found, 0))->uid, "s-1");
  f.text = "解析：第九"; /* the explanation */
  ck_assert_int_eq (count (&f), 1);
  f.text = "治安管理";
  ck_assert_int_eq (count (&f), 0);
  f.text = "50%\"";
  ck_assert_int_eq (count (&f), 0);
}
END_TEST

START_TEST (test_filters)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  LcBankFilter f;

  ck_assert (import (lc_test.system, sample_gift, LC_BANK_IMPORT_DEFAULT, NULL, NULL, &error));
  ck_assert (lc_bank_set_status (lc_test.system, "s-2", LC_QUESTION_RETIRED, &error));
  lc_bank_filter_init (&f);
  ck_assert_int_eq (count (&f), 5);
  f.type = LC_QUESTION_MULTIPLE;
  ck_assert_int_eq (count (&f), 1);
  lc_bank_filter_init (&f);
  f.difficulty = 3;
  ck_assert_int_eq (count (&f), 1);
  lc_bank_filter_init (&f);
  f.status = LC_QUESTION_ACTIVE;
  ck_assert_int_eq (count (&f), 4);
  lc_bank_filter_init (&f);
  f.law_slug = "administrative-penalty-law";
  ck_assert_int_eq (count (&f), 3);
  f.law_slug = "administrative-licensing-law";
  ck_assert_int_eq (count (&f), 0);
  lc_bank_filter_init (&f);
  f.category = "行政处罚法";
  ck_assert_int_eq (count (&f), 5);
  f.category = "行政处罚法/第一章 总则";
  ck_assert_int_eq (count (&f), 2);
  f.category = "行政处罚";
  ck_assert_int_eq (count (&f), 0);
  lc_bank_filter_init (&f);
  f.limit = 2;
  {
    g_autoptr (GPtrArray) limited = lc_bank_search (lc_test.system, &f, &error);
    ck_assert_int_eq (limited->len, 2);
  }

  /* Tree order: a parent right before its children, even when a sibling's name extends the parent's. */
  ck_assert (lc_bank_ensure_category (lc_test.system, "行政处罚法 附录", NULL, &error));
  ck_assert (lc_bank_ensure_category (lc_test.system, "A/B", NULL, &error));
  categories = lc_bank_list_categories (lc_test.system, &error);
  ck_assert_int_eq (categories->len, 6);
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 0))->path, "A");
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 1))->path, "A/B");
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 2))->path, "行政处罚法");
  ck_assert_int_eq (((LcCategory *) g_ptr_array_index (categories, 3))->depth, 1);
  ck_assert_int_eq (((LcCategory *) g_ptr_array_index (categories, 3))->n_questions, 2);
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 5))->path, "行政处罚法 附录");

  /* Chapters in their statute's order, not their characters' (二 sorts after 十 in UTF-8). */
  g_clear_pointer (&categories, g_ptr_array_unref);
  ck_assert (lc_bank_ensure_category (lc_test.system, "章/第十章 附则", NULL, &error));
  ck_assert (lc_bank_ensure_category (lc_test.system, "章/第二章 总则", NULL, &error));
  ck_assert (lc_bank_ensure_category (lc_test.system, "章/第十二章 其他", NULL, &error));
  ck_assert (lc_bank_ensure_category (lc_test.system, "章/附录", NULL, &error));
  categories = lc_bank_list_categories (lc_test.system, &error);
  ck_assert_int_eq (categories->len, 11);
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 3))->path, "章/第二章 总则");
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 4))->path, "章/第十章 附则");
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 5))->path, "章/第十二章 其他");
  ck_assert_str_eq (((LcCategory *) g_ptr_array_index (categories, 6))->path, "章/附录");
}
END_TEST

/* Permissions ---------------------------------------------------------- */

START_TEST (test_permissions)
{
  gint64 dept = lc_test_add_department ("D01", "执法一大队", 0);
  gint64 officer_id = lc_test_add_officer ("330401001", "张伟", dept);
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, officer_id);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcQuestion) q = make_single ("权限测试");
  g_autofree char *uid = add (lc_test.system, q);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (LcQuestion) got = NULL;
  LcSession *deny[] = { officer, personnel };
  guint n = 0;

  /* Officers read nothing: the bank holds the answer keys of their exams. */
  ck_assert_ptr_null (lc_bank_get_question (officer, uid, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert_ptr_null (lc_bank_search (officer, NULL, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_bank_count (officer, NULL, &n, &error));
  g_clear_error (&error);
  ck_assert_ptr_null (lc_bank_list_categories (officer, &error));
  g_clear_error (&error);
  ck_assert_ptr_null (lc_bank_list_versions (officer, uid, &error));
  g_clear_error (&error);
  ck_assert (!lc_bank_export_gift (officer, NULL, &text, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Personnel read, but change nothing. */
  got = lc_bank_get_question (personnel, uid, &error);
  lc_test_assert_no_error (error);
  rows = lc_bank_search (personnel, NULL, &error);
  ck_assert_int_eq (rows->len, 1);
  for (guint i = 0; i < G_N_ELEMENTS (deny); i++)
    {
      ck_assert (!lc_bank_add_question (deny[i], q, NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      ck_assert (!lc_bank_edit_question (deny[i], uid, q, NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      ck_assert (!lc_bank_set_status (deny[i], uid, LC_QUESTION_RETIRED, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      ck_assert (!lc_bank_ensure_category (deny[i], "甲", NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      ck_assert (!import (deny[i], sample_gift, LC_BANK_IMPORT_DEFAULT, NULL, NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      /* A preview shows the bank's content and what would change: the same permission as the import. */
      ck_assert (!import (deny[i], sample_gift, LC_BANK_IMPORT_DRY_RUN, NULL, NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question"), 1);
}
END_TEST

/* Starter bank --------------------------------------------------------- */

START_TEST (test_starter)
{
  g_autoptr (GError) error = NULL;
  LcBankFilter f;

  ck_assert_msg (lc_bank_ensure_starter (lc_test.db, &error), "%s", error ? error->message : "");
  lc_bank_filter_init (&f);
  f.status = LC_QUESTION_ACTIVE;
  ck_assert_uint_ge (count (&f), 500);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question WHERE status <> 'active'"), 0);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question_version WHERE basis_ref IS NULL "
                                       "OR basis_article_id IS NULL"),
                    0);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(DISTINCT type) FROM question_version"), 5);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question_fts"),
                    lc_test_query_int ("SELECT count(*) FROM question"));
  /* A second call finds the bank filled and adds nothing. */
  ck_assert (lc_bank_ensure_starter (lc_test.db, &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM question_version"),
                    lc_test_query_int ("SELECT count(*) FROM question"));
  f.status = -1;
  f.text = "行政处罚";
  ck_assert_uint_gt (count (&f), 50);
}
END_TEST

static Suite *
bank_suite (void)
{
  Suite *s = suite_create ("bank");
  TCase *tc;

  tc = tcase_create ("questions");
  tcase_add_checked_fixture (tc, setup_with_laws, lc_test_teardown);
  tcase_add_test (tc, test_versioning);
  tcase_add_test (tc, test_status);
  tcase_add_loop_test (tc, test_validation, 0, G_N_ELEMENTS (invalid_cases));
  tcase_add_test (tc, test_valid_types);
  tcase_add_test (tc, test_share_weights);
  tcase_add_test (tc, test_basis_must_exist);
  tcase_add_test (tc, test_permissions);
  suite_add_tcase (s, tc);

  tc = tcase_create ("gift");
  tcase_add_checked_fixture (tc, setup_with_laws, lc_test_teardown);
  tcase_add_test (tc, test_import_add_update_unchanged);
  tcase_add_test (tc, test_import_uid_from_position);
  tcase_add_test (tc, test_import_all_or_nothing);
  tcase_add_test (tc, test_import_unsupported);
  tcase_add_test (tc, test_dry_run_outcomes);
  tcase_add_test (tc, test_dry_run_problems);
  tcase_add_test (tc, test_dry_run_nested);
  tcase_add_test (tc, test_export_round_trip);
  suite_add_tcase (s, tc);

  tc = tcase_create ("search");
  tcase_add_checked_fixture (tc, setup_with_laws, lc_test_teardown);
  tcase_add_test (tc, test_search_chinese);
  tcase_add_test (tc, test_filters);
  suite_add_tcase (s, tc);

  tc = tcase_create ("starter");
  tcase_add_checked_fixture (tc, setup_with_laws, lc_test_teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_starter);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return lc_test_run (bank_suite ());
}
