/* test-gift.c: the GIFT reader on Moodle's documented examples and on
 * malformed input, our metadata lines, and the canonical writer's round trip
 * (also on every shipped question-bank GIFT file). */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-gift.h"
#include "lc-test-gift-sample.h"

/* Fixtures live in the source tree; meson sets LC_SRCDIR. */
static char *
fixture_path (const char *name)
{
  const char *srcdir = g_getenv ("LC_SRCDIR");

  return g_build_filename (srcdir != NULL ? srcdir : ".", "tests", "core", "data", "gift", name, NULL);
}

static char *
read_fixture (const char *name, gsize *length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, length, &error), "%s", error ? error->message : "");
  return contents;
}

#define ck_assert_error_matches(err, domain, code)                                                                     \
  ck_assert_msg (g_error_matches ((err), (domain), (code)), "unexpected error: %s",                                    \
                 (err) != NULL ? (err)->message : "(none)")

static GPtrArray *
parse_ok (const char *text, gsize length, LcGiftParseFlags flags, GPtrArray **skipped)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *questions = NULL;

  ck_assert_msg (lc_gift_parse (text, length, "test.gift", flags, &questions, skipped, &error), "%s",
                 error ? error->message : "");
  ck_assert_ptr_nonnull (questions);
  return questions;
}

/* One question as compact text, unescaped, so expectations read like GIFT:
 * "type ::name:: [format] stem {answers} ####general". Weights show only
 * when they differ from the marker's default; in multiple questions always. */
static char *
dump (const LcGiftQuestion *q)
{
  static const char *const formats[] = { "", "[html] ", "[markdown] ", "[plain] " };
  GString *out = g_string_new (lc_gift_type_name (q->type));

  g_string_append_c (out, ' ');
  if (q->name != NULL)
    g_string_append_printf (out, "::%s:: ", q->name);
  g_string_append (out, formats[q->format]);
  g_string_append (out, q->stem);
  g_string_append (out, " {");
  if (q->type == LC_GIFT_TRUEFALSE)
    {
      g_string_append (out, q->truefalse_answer ? "T" : "F");
      if (q->truefalse_feedback_wrong != NULL || q->truefalse_feedback_right != NULL)
        g_string_append_printf (out, "#%s", q->truefalse_feedback_wrong ? q->truefalse_feedback_wrong : "");
      if (q->truefalse_feedback_right != NULL)
        g_string_append_printf (out, "#%s", q->truefalse_feedback_right);
    }
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcGiftOption *o = g_ptr_array_index (q->options, i);
      gboolean show_weight = q->type == LC_GIFT_MULTIPLE || (o->correct ? o->weight != 100 : o->weight != 0);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, o->correct ? '=' : '~');
      if (show_weight)
        g_string_append_printf (out, "%%%g%%", o->weight);
      g_string_append (out, o->text);
      if (o->feedback != NULL)
        g_string_append_printf (out, "#%s", o->feedback);
    }
  g_string_append_c (out, '}');
  if (q->general_feedback != NULL)
    g_string_append_printf (out, " ####%s", q->general_feedback);
  return g_string_free (out, FALSE);
}

static const char *const moodle_expected[] = {
  "single ::Grant's tomb:: Who's buried in Grant's tomb? {~Grant ~Jefferson =no one}",
  "single Grant is ____ in Grant's tomb. {~buried =entombed ~living}",
  "truefalse Grant is buried in Grant's tomb. {F}",
  "truefalse The sun rises in the east. {T}",
  "short Who's buried in Grant's tomb? {=no one =anyone}",
  "short Two plus two equals ____. {=four =4}",
  "essay Write a short biography of Dag Hammarskjöld. {}",
  "single What's the answer to this multiple-choice question? {~wrong answer#feedback comment on the wrong answer "
  "~another wrong answer#feedback comment on this wrong answer =right answer#Very good!}",
  "short Who's buried in Grant's tomb? {=no one#excellent answer! =nobody#excellent answer too!}",
  "truefalse Grant is buried in Grant's tomb. {F#No one is buried there.#Right, no one.}",
  "single Difficult question. {~wrong answer ~%50%half credit answer =full credit answer}",
  "single ::Jesus' hometown:: Jesus Christ was from ____. {~Jerusalem#This was an important city, but the wrong "
  "answer. ~%25%Bethlehem#He was born here, but not raised here. ~%50%Galilee#You need to be more specific. "
  "=Nazareth#Yes! That's right!}",
  "multiple What two people are entombed in Grant's tomb? {~%-100%No one =%50%Grant =%50%Grant's wife "
  "~%-100%Grant's father}",
  "short What's 2 + 2? {=4 =four} ####The ASCII character 4 has the same mathematical meaning as the word four.",
  "single Which answer equals 5? {~= 2 + 2 == 2 + 3 ~= 2 + 4}",
  "single ::GIFT Control Characters:: Which of the following is NOT a control character for the GIFT import "
  "format? {~~#~ is a control character. ~=#= is a control character. ~### is a control character. "
  "~{#{ is a control character. ~}#} is a control character. =\\#Correct! \\ (backslash) is not a control "
  "character. BUT, it is used to escape the control characters.}",
  "truefalse ::Q1:: [html] Is <b>this</b> bold? {T}",
  "short ::Q2:: [markdown] Who is **buried** in Grant's tomb? {=no one}",
  "truefalse [plain] Plain text: with a colon. {T}",
};

START_TEST (test_moodle_examples)
{
  gsize length;
  g_autofree char *text = read_fixture ("moodle-examples.gift", &length);
  g_autoptr (GPtrArray) questions = parse_ok (text, length, LC_GIFT_PARSE_DEFAULT, NULL);

  ck_assert_uint_eq (questions->len, G_N_ELEMENTS (moodle_expected));
  for (guint i = 0; i < questions->len; i++)
    {
      g_autofree char *got = dump (g_ptr_array_index (questions, i));
      ck_assert_msg (strcmp (got, moodle_expected[i]) == 0, "question %u:\n got: %s\nwant: %s", i + 1, got,
                     moodle_expected[i]);
    }
}
END_TEST

START_TEST (test_moodle_positions_and_categories)
{
  gsize length;
  g_autofree char *text = read_fixture ("moodle-examples.gift", &length);
  g_autoptr (GPtrArray) questions = parse_ok (text, length, LC_GIFT_PARSE_DEFAULT, NULL);
  const LcGiftQuestion *first = g_ptr_array_index (questions, 0);
  const LcGiftQuestion *last = g_ptr_array_index (questions, questions->len - 1);
  const LcGiftQuestion *html = g_ptr_array_index (questions, questions->len - 3);

  ck_assert_uint_eq (first->line, 3);
  ck_assert_uint_eq (first->column, 1);
  ck_assert_ptr_null (first->category);
  ck_assert_str_eq (html->category, "tom/dick/harry");
  ck_assert_str_eq (last->category, "tom/dick/harry");
  ck_assert_int_eq (html->format, LC_GIFT_FORMAT_HTML);
  ck_assert_int_eq (last->format, LC_GIFT_FORMAT_PLAIN);
  /* Comments that are not `// @` lines give no metadata. */
  ck_assert_uint_eq (first->meta->len, 0);
}
END_TEST

START_TEST (test_weights_and_correct_flags)
{
  const char *text = "Q{~%33.33333%a ~%33.333333333%b ~%33.33334%c ~%-100%d ~%0%e}";
  g_autoptr (GPtrArray) questions = parse_ok (text, strlen (text), LC_GIFT_PARSE_DEFAULT, NULL);
  const LcGiftQuestion *q = g_ptr_array_index (questions, 0);
  static const double weights[] = { 33.33333, 33.33333, 33.33334, -100, 0 };

  ck_assert_int_eq (q->type, LC_GIFT_MULTIPLE);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      const LcGiftOption *o = g_ptr_array_index (q->options, i);
      ck_assert_double_eq_tol (o->weight, weights[i], 1e-9);
      ck_assert_int_eq (o->correct, weights[i] > 0);
    }
}
END_TEST

/* ---- unsupported kinds ---- */

START_TEST (test_unsupported_refused)
{
  gsize length;
  g_autofree char *text = read_fixture ("unsupported.gift", &length);
  g_autoptr (GError) error = NULL;
  GPtrArray *questions = NULL;

  ck_assert (!lc_gift_parse (text, length, "unsupported.gift", LC_GIFT_PARSE_DEFAULT, &questions, NULL, &error));
  ck_assert_ptr_null (questions);
  ck_assert_error_matches (error, LC_GIFT_ERROR, LC_GIFT_ERROR_UNSUPPORTED);
  ck_assert_msg (strstr (error->message, "unsupported.gift:4:1: ") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "unsupported.gift:10:1: ") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "Grant's birth") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "unsupported.gift:12:1: ") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "unsupported.gift:14:1: ") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "matching") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "numerical") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_unsupported_skipped)
{
  gsize length;
  g_autofree char *text = read_fixture ("unsupported.gift", &length);
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) questions = parse_ok (text, length, LC_GIFT_SKIP_UNSUPPORTED, &skipped);
  static const struct
  {
    guint line;
    const char *kind;
    const char *name;
  } expected[] = {
    { 4, "matching", NULL },
    { 10, "numerical", "Grant's birth" },
    { 12, "numerical", NULL },
    { 14, "description", NULL },
  };

  ck_assert_uint_eq (questions->len, 2);
  ck_assert_uint_eq (skipped->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LcGiftSkipped *s = g_ptr_array_index (skipped, i);
      ck_assert_uint_eq (s->line, expected[i].line);
      ck_assert_uint_eq (s->column, 1);
      ck_assert_str_eq (s->kind, expected[i].kind);
      ck_assert_pstr_eq (s->name, expected[i].name);
    }
}
END_TEST

/* ---- metadata ---- */

START_TEST (test_metadata)
{
  const char *text = "// @uid old  @difficulty 1\n"
                     "// a plain comment ends the run above\n"
                     "// @uid apl-0007  @difficulty 3\n"
                     "//@basis   administrative-penalty-law@2021-01-22#9\t @note two  words  @flag\n"
                     "::n::Q{T}\n"
                     "\n"
                     "// @uid lost\n"
                     "\n"
                     "Q2{F}\n";
  g_autoptr (GPtrArray) questions = parse_ok (text, strlen (text), LC_GIFT_PARSE_DEFAULT, NULL);
  const LcGiftQuestion *q = g_ptr_array_index (questions, 0);
  const LcGiftQuestion *q2 = g_ptr_array_index (questions, 1);
  g_autofree char *written = lc_gift_write (questions, NULL);

  ck_assert_str_eq (lc_gift_question_get_meta (q, "uid"), "apl-0007");
  ck_assert_str_eq (lc_gift_question_get_meta (q, "difficulty"), "3");
  ck_assert_str_eq (lc_gift_question_get_meta (q, "basis"), "administrative-penalty-law@2021-01-22#9");
  ck_assert_str_eq (lc_gift_question_get_meta (q, "note"), "two words");
  ck_assert_str_eq (lc_gift_question_get_meta (q, "flag"), "");
  ck_assert_uint_eq (q->meta->len, 5);
  ck_assert_uint_eq (q->line, 5);
  /* A blank line between the comment and the question: not "directly above". */
  ck_assert_uint_eq (q2->meta->len, 0);
  ck_assert_str_eq (written, "// @uid apl-0007  @difficulty 3  @basis administrative-penalty-law@2021-01-22#9  "
                             "@flag  @note two words\n"
                             "::n::Q{T}\n"
                             "\n"
                             "Q2{F}\n");
}
END_TEST

START_TEST (test_meta_set_get)
{
  g_autoptr (LcGiftQuestion) q = lc_gift_question_new (LC_GIFT_ESSAY);

  lc_gift_question_set_meta (q, "uid", "a");
  lc_gift_question_set_meta (q, "uid", "b");
  ck_assert_str_eq (lc_gift_question_get_meta (q, "uid"), "b");
  ck_assert_uint_eq (q->meta->len, 1);
  lc_gift_question_set_meta (q, "uid", NULL);
  ck_assert_ptr_null (lc_gift_question_get_meta (q, "uid"));
  ck_assert_uint_eq (q->meta->len, 0);
}
END_TEST

/* ---- errors ---- */

static const struct
{
  const char *input;
  LcGiftError code;
  const char *position; /* "LINE:COLUMN" */
  const char *reason;   /* a piece of the message */
} error_cases[] = {
  { "Q{=a ~b", LC_GIFT_ERROR_SYNTAX, "1:2", "not closed" },
  { "Q{a ~b}", LC_GIFT_ERROR_SYNTAX, "1:3", "must start with =" },
  { "Q{~%abc%a =b}", LC_GIFT_ERROR_SYNTAX, "1:4", "weight" },
  { "Q{~%150%a =b}", LC_GIFT_ERROR_SYNTAX, "1:4", "outside" },
  { "Q{~%50a =b}", LC_GIFT_ERROR_SYNTAX, "1:4", "closing %" },
  { "Q{~%5.%a =b}", LC_GIFT_ERROR_SYNTAX, "1:4", "weight" },
  { "Q{= ~b}", LC_GIFT_ERROR_SYNTAX, "1:3", "empty" },
  { "Q{=a ~#fb}", LC_GIFT_ERROR_SYNTAX, "1:6", "empty" },
  { "Q{=a =b ~c}", LC_GIFT_ERROR_SYNTAX, "1:6", "exactly one =" },
  { "Q{~a ~b}", LC_GIFT_ERROR_SYNTAX, "1:2", "no answer is right" },
  { "::name Q{=a}", LC_GIFT_ERROR_SYNTAX, "1:1", "name" },
  { "Q}{=a}", LC_GIFT_ERROR_SYNTAX, "1:2", "without a {" },
  { "Q{=a} x }", LC_GIFT_ERROR_SYNTAX, "1:9", "without a {" },
  { "Q{=a}{=b}", LC_GIFT_ERROR_SYNTAX, "1:6", "second answer block" },
  { "Q{=a {~b}", LC_GIFT_ERROR_SYNTAX, "1:6", "inside an answer block" },
  { "{=a}", LC_GIFT_ERROR_SYNTAX, "1:1", "no text" },
  { "Q{T#a#b#c}", LC_GIFT_ERROR_SYNTAX, "1:8", "two feedbacks" },
  { "问题{=甲 =乙 ~丙}", LC_GIFT_ERROR_SYNTAX, "1:7", "exactly one =" },
  { "// c\n\nfirst{T}\n\n  Q line\n  {\n  =a\n  ~%x%b\n}", LC_GIFT_ERROR_SYNTAX, "8:4", "weight" },
  { "first{T}\r\n\r\nsecond{\r\n=a\r\n", LC_GIFT_ERROR_SYNTAX, "3:7", "not closed" },
  { "Q{=a}\n\nQ{=a\n\n~b}", LC_GIFT_ERROR_SYNTAX, "3:2", "not closed" },
  { "ok{T}\n\nbad \xff{T}", LC_GIFT_ERROR_ENCODING, "3:5", "UTF-8" },
  { "ok{T}\n\nnul\0{T}", LC_GIFT_ERROR_ENCODING, "3:4", "UTF-8" },
  { "Q{=a->b}", LC_GIFT_ERROR_UNSUPPORTED, "1:1", "matching" },
};

START_TEST (test_error_cases)
{
  const char *input = error_cases[_i].input;
  gsize length = strlen (input);
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("bad.gift:%s: ", error_cases[_i].position);
  GPtrArray *questions = NULL;

  /* The NUL case: its length runs past the embedded NUL. */
  if (strncmp (input, "ok{T}\n\nnul", 10) == 0)
    length += 4;
  ck_assert_msg (!lc_gift_parse (input, length, "bad.gift", LC_GIFT_PARSE_DEFAULT, &questions, NULL, &error),
                 "case %d parsed", _i);
  ck_assert_ptr_null (questions);
  ck_assert_error_matches (error, LC_GIFT_ERROR, error_cases[_i].code);
  ck_assert_msg (g_str_has_prefix (error->message, prefix), "case %d: %s (want %s)", _i, error->message, prefix);
  ck_assert_msg (strstr (error->message, error_cases[_i].reason) != NULL, "case %d: %s", _i, error->message);
}
END_TEST

/* ---- encodings and line ends ---- */

START_TEST (test_crlf_bom)
{
  gsize length;
  g_autofree char *text = read_fixture ("crlf-bom.gift", &length);
  g_autoptr (GPtrArray) questions = parse_ok (text, length, LC_GIFT_PARSE_DEFAULT, NULL);
  const LcGiftQuestion *q;
  g_autofree char *written = lc_gift_write (questions, NULL);

  ck_assert_uint_eq (questions->len, 2);
  q = g_ptr_array_index (questions, 0);
  ck_assert_str_eq (q->category, "行政许可法");
  ck_assert_str_eq (q->name, "许可期限");
  ck_assert_str_eq (q->stem, "行政机关应当自受理之日起____内作出决定。");
  ck_assert_str_eq (lc_gift_question_get_meta (q, "uid"), "alp-0001");
  ck_assert_int_eq (q->type, LC_GIFT_SHORT);
  ck_assert_uint_eq (q->line, 5);
  ck_assert_uint_eq (q->column, 1);
  ck_assert_str_eq (((LcGiftOption *) g_ptr_array_index (q->options, 0))->text, "二十日");
  q = g_ptr_array_index (questions, 1);
  ck_assert_str_eq (q->stem, "这是判断题。");
  ck_assert_uint_eq (q->line, 9);
  ck_assert (strchr (written, '\r') == NULL);
  ck_assert (!g_str_has_prefix (written, "\xef\xbb\xbf"));
}
END_TEST

/* ---- writer ---- */

static void
assert_round_trip (GPtrArray *questions)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GPtrArray) again = NULL;
  gsize length;

  first = lc_gift_write (questions, &length);
  ck_assert_uint_eq (length, strlen (first));
  again = parse_ok (first, length, LC_GIFT_PARSE_DEFAULT, NULL);
  ck_assert_uint_eq (again->len, questions->len);
  for (guint i = 0; i < again->len; i++)
    {
      g_autofree char *a = dump (g_ptr_array_index (questions, i));
      g_autofree char *b = dump (g_ptr_array_index (again, i));
      ck_assert_msg (lc_gift_question_equal (g_ptr_array_index (questions, i), g_ptr_array_index (again, i)),
                     "question %u changed:\n%s\n%s\nin:\n%s", i + 1, a, b, first);
    }
  second = lc_gift_write (again, NULL);
  ck_assert_str_eq (second, first);
}

static LcGiftQuestion *
make_question (LcGiftType type)
{
  LcGiftQuestion *q = lc_gift_question_new (type);

  q->category = g_strdup ("行政处罚法/第一章 总则");
  q->name = g_strdup ("名称: {特殊}");
  q->stem = g_strdup ("题干含 ~ = # { } \\ : 和 -> 以及\n第二行");
  q->general_feedback = g_strdup ("解析：依据第一条。#1 = \"{x}\"");
  lc_gift_question_set_meta (q, "uid", "t-0001");
  lc_gift_question_set_meta (q, "difficulty", "3");
  lc_gift_question_set_meta (q, "basis", "administrative-penalty-law@2021-01-22#1");
  lc_gift_question_set_meta (q, "zeta", "z");
  lc_gift_question_set_meta (q, "alpha", "a b");
  switch (type)
    {
    case LC_GIFT_SINGLE:
      lc_gift_question_add_option (q, "甲 -> 乙", 100, TRUE, "对#的");
      lc_gift_question_add_option (q, "~乙", 0, FALSE, NULL);
      lc_gift_question_add_option (q, "丙=", 50, FALSE, "一半");
      lc_gift_question_add_option (q, "丁", -33.33333, FALSE, NULL);
      break;
    case LC_GIFT_MULTIPLE:
      lc_gift_question_add_option (q, "甲", 33.33333, TRUE, NULL);
      lc_gift_question_add_option (q, "乙", 33.33333, TRUE, "fb");
      lc_gift_question_add_option (q, "丙", 33.33334, TRUE, NULL);
      lc_gift_question_add_option (q, "丁", -100, FALSE, NULL);
      lc_gift_question_add_option (q, "戊", 0, FALSE, NULL);
      break;
    case LC_GIFT_TRUEFALSE:
      q->truefalse_answer = FALSE;
      q->truefalse_feedback_right = g_strdup ("对了 {yes}");
      break;
    case LC_GIFT_SHORT:
      lc_gift_question_add_option (q, "六十日", 100, TRUE, NULL);
      lc_gift_question_add_option (q, "60日", 100, TRUE, "也对");
      lc_gift_question_add_option (q, "两个月", 50, TRUE, NULL);
      break;
    case LC_GIFT_ESSAY:
    default:
      break;
    }
  return q;
}

START_TEST (test_round_trip_types)
{
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_question_free);
  LcGiftQuestion *plain = make_question (_i);

  g_ptr_array_add (questions, make_question (_i));
  /* The same kind bare: no name, no metadata, no feedback, another format, another category. */
  g_clear_pointer (&plain->name, g_free);
  g_clear_pointer (&plain->general_feedback, g_free);
  g_clear_pointer (&plain->truefalse_feedback_right, g_free);
  g_clear_pointer (&plain->category, g_free);
  g_ptr_array_set_size (plain->meta, 0);
  plain->format = LC_GIFT_FORMAT_HTML;
  plain->truefalse_answer = _i == LC_GIFT_TRUEFALSE;
  g_ptr_array_add (questions, plain);
  assert_round_trip (questions);
}
END_TEST

START_TEST (test_write_canonical_single)
{
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_question_free);
  LcGiftQuestion *q = lc_gift_question_new (LC_GIFT_SINGLE);
  g_autofree char *written = NULL;

  q->category = g_strdup ("行政处罚法/第二章 行政处罚的种类和设定");
  q->name = g_strdup ("处罚种类");
  q->stem = g_strdup ("下列哪一项不属于行政处罚的种类？");
  q->general_feedback = g_strdup ("解析：依据第九条。");
  lc_gift_question_set_meta (q, "basis", "administrative-penalty-law@2021-01-22#9");
  lc_gift_question_set_meta (q, "difficulty", "2");
  lc_gift_question_set_meta (q, "uid", "apl-0001");
  lc_gift_question_add_option (q, "记过", 100, TRUE, NULL);
  lc_gift_question_add_option (q, "通报批评", 0, FALSE, NULL);
  g_ptr_array_add (questions, q);
  written = lc_gift_write (questions, NULL);
  ck_assert_str_eq (written, "$CATEGORY: 行政处罚法/第二章 行政处罚的种类和设定\n"
                             "\n"
                             "// @uid apl-0001  @difficulty 2  @basis administrative-penalty-law@2021-01-22#9\n"
                             "::处罚种类::下列哪一项不属于行政处罚的种类？{\n"
                             "=记过\n"
                             "~通报批评\n"
                             "####解析：依据第九条。\n"
                             "}\n");
}
END_TEST

/* Stems that would read back as something else unless the writer guards them. */
START_TEST (test_write_guards)
{
  static const char *const stems[] = { "// not a comment", "[html] not a marker", "[moodle]x", "a ____ b",
                                       "\xef\xbb\xbf"
                                       "BOM" };
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_question_free);

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      LcGiftQuestion *q = lc_gift_question_new (LC_GIFT_TRUEFALSE);
      q->stem = g_strdup (stems[i]);
      g_ptr_array_add (questions, q);
    }
  assert_round_trip (questions);
}
END_TEST

START_TEST (test_canonical_file_identity)
{
  gsize length;
  g_autofree char *text = read_fixture ("canonical.gift", &length);
  g_autoptr (GPtrArray) questions = parse_ok (text, length, LC_GIFT_PARSE_DEFAULT, NULL);
  g_autofree char *written = lc_gift_write (questions, NULL);

  ck_assert_uint_eq (questions->len, 8);
  ck_assert_str_eq (written, text);
  assert_round_trip (questions);
}
END_TEST

/* Inputs the fuzzer found (tests/fuzz/fuzz-gift.c): each must either be
 * refused or survive the round trip. */
static const char *const fuzz_regressions[] = {
  /* A BOM that is not the file's first bytes belongs to the stem. */
  "// c\n\xef\xbb\xbfQ{T}",
  /* An answer text that starts with "%" once its weight or an escaped line break is gone. */
  "Q{~%0%%50%x =y}",
  "Q{~\\n%50%x =%100%%y}",
};

START_TEST (test_fuzz_regressions)
{
  const char *input = fuzz_regressions[_i];
  LcGiftParseFlags flags[] = { LC_GIFT_PARSE_DEFAULT, LC_GIFT_SKIP_UNSUPPORTED };

  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    {
      g_autoptr (GPtrArray) questions = NULL;
      g_autoptr (GError) error = NULL;

      if (lc_gift_parse (input, strlen (input), "fuzz.gift", flags[f], &questions, NULL, &error))
        assert_round_trip (questions);
      else
        ck_assert_ptr_nonnull (error);
    }
}
END_TEST

static const char *const round_trip_fixtures[] = { "moodle-examples.gift", "crlf-bom.gift", "canonical.gift" };

START_TEST (test_fixture_round_trip)
{
  gsize length;
  g_autofree char *text = read_fixture (round_trip_fixtures[_i], &length);
  g_autoptr (GPtrArray) questions = parse_ok (text, length, LC_GIFT_PARSE_DEFAULT, NULL);

  assert_round_trip (questions);
}
END_TEST

/* Every shipped starter-bank file, whatever exists when the test runs. */
START_TEST (test_question_bank_round_trip)
{
  const char *srcdir = g_getenv ("LC_SRCDIR");
  g_autofree char *dir_path = g_build_filename (srcdir != NULL ? srcdir : ".", "question-bank", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) questions = NULL;
      gsize length;

      if (!g_str_has_suffix (entry, ".gift"))
        continue;
      path = g_build_filename (dir_path, entry, NULL);
      ck_assert_msg (g_file_get_contents (path, &text, &length, &error), "%s", error ? error->message : "");
      ck_assert_msg (lc_gift_parse (text, length, entry, LC_GIFT_PARSE_DEFAULT, &questions, NULL, &error), "%s",
                     error->message);
      ck_assert_msg (questions->len > 0, "%s has no questions", entry);
      assert_round_trip (questions);
    }
}
END_TEST

START_TEST (test_empty_input)
{
  g_autoptr (GPtrArray) questions = parse_ok ("", 0, LC_GIFT_PARSE_DEFAULT, NULL);
  g_autoptr (GPtrArray) only_comments = parse_ok ("// x\n\n$CATEGORY: a\n", 19, LC_GIFT_PARSE_DEFAULT, NULL);
  g_autofree char *written = lc_gift_write (questions, NULL);

  ck_assert_uint_eq (questions->len, 0);
  ck_assert_uint_eq (only_comments->len, 0);
  ck_assert_str_eq (written, "");
}
END_TEST

/* A large file of every kind reads and writes back whole (its speed is
 * measured by tests/bench/bench-gift, never asserted here). */
START_TEST (test_large)
{
  g_autoptr (GString) text = lc_test_gift_sample (2000);
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  questions = parse_ok (text->str, text->len, LC_GIFT_PARSE_DEFAULT, NULL);
  ck_assert_uint_eq (questions->len, 10000);
  written = lc_gift_write (questions, NULL);
  again = parse_ok (written, strlen (written), LC_GIFT_PARSE_DEFAULT, NULL);
  rewritten = lc_gift_write (again, NULL);
  ck_assert_str_eq (rewritten, written);
}
END_TEST

static Suite *
gift_suite (void)
{
  Suite *s = suite_create ("gift");
  TCase *tc;

  tc = tcase_create ("moodle");
  tcase_add_test (tc, test_moodle_examples);
  tcase_add_test (tc, test_moodle_positions_and_categories);
  tcase_add_test (tc, test_weights_and_correct_flags);
  tcase_add_test (tc, test_empty_input);
  suite_add_tcase (s, tc);

  tc = tcase_create ("unsupported");
  tcase_add_test (tc, test_unsupported_refused);
  tcase_add_test (tc, test_unsupported_skipped);
  suite_add_tcase (s, tc);

  tc = tcase_create ("metadata");
  tcase_add_test (tc, test_metadata);
  tcase_add_test (tc, test_meta_set_get);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_loop_test (tc, test_error_cases, 0, G_N_ELEMENTS (error_cases));
  tcase_add_test (tc, test_crlf_bom);
  suite_add_tcase (s, tc);

  tc = tcase_create ("writer");
  tcase_add_loop_test (tc, test_round_trip_types, LC_GIFT_SINGLE, LC_GIFT_ESSAY + 1);
  tcase_add_test (tc, test_write_canonical_single);
  tcase_add_test (tc, test_write_guards);
  tcase_add_test (tc, test_canonical_file_identity);
  tcase_add_loop_test (tc, test_fixture_round_trip, 0, G_N_ELEMENTS (round_trip_fixtures));
  tcase_add_loop_test (tc, test_fuzz_regressions, 0, G_N_ELEMENTS (fuzz_regressions));
  suite_add_tcase (s, tc);

  tc = tcase_create ("question-bank");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_question_bank_round_trip);
  suite_add_tcase (s, tc);

  tc = tcase_create ("performance");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_large);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (gift_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
