/* lc-bank-diff.c: what changed between two versions of a question, field by
 * field, as text a person reads and the character runs between them. */
#define G_LOG_DOMAIN "lc-bank"

#include "config.h"

#include <string.h>

#include "lc-bank.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-units.h"

void
lc_question_field_diff_free (LcQuestionFieldDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->label);
  g_free (diff->old_text);
  g_free (diff->new_text);
  g_clear_pointer (&diff->segments, g_ptr_array_unref);
  g_free (diff);
}

const char *
lc_question_field_label (const LcQuestion *question, LcQuestionField field)
{
  g_return_val_if_fail (question != NULL, NULL);
  switch (field)
    {
    case LC_QUESTION_FIELD_TYPE:
      /* Translators: 题型 */
      return _ ("Type");
    case LC_QUESTION_FIELD_NAME:
      /* Translators: a question's short GIFT name, 名称 */
      return C_ ("question", "Name");
    case LC_QUESTION_FIELD_STEM:
      /* Translators: a question's text, 题干 */
      return _ ("Question");
    case LC_QUESTION_FIELD_OPTIONS:
      if (question->type == LC_QUESTION_FILL)
        return _ ("Accepted answers");
      if (question->type == LC_QUESTION_TRUEFALSE)
        /* Translators: the answer of a true-or-false question, 答案 */
        return _ ("Answer");
      return _ ("Options");
    case LC_QUESTION_FIELD_MODEL_ANSWER:
      return _ ("Model answer");
    case LC_QUESTION_FIELD_EXPLANATION:
      return _ ("Explanation");
    case LC_QUESTION_FIELD_DIFFICULTY:
      return _ ("Difficulty");
    case LC_QUESTION_FIELD_BASIS:
      return _ ("Legal basis");
    case LC_QUESTION_FIELD_FORMAT:
      /* Translators: the markup of a question's text (Moodle, HTML, Markdown, plain), 文本格式 */
      return _ ("Text format");
    }
  g_return_val_if_reached (NULL);
}

static gboolean
default_weight (const LcQuestionOption *option)
{
  return option->weight == 0 || option->weight == 10000;
}

static void
append_options (GString *text, const LcQuestion *q)
{
  if (q->type == LC_QUESTION_TRUEFALSE)
    {
      /* The correct one of "T" and "F" is the answer; the other adds nothing. */
      for (guint i = 0; i < q->options->len; i++)
        {
          const LcQuestionOption *o = g_ptr_array_index (q->options, i);

          if (o->correct)
            g_string_append (text, g_strcmp0 (o->text, "T") == 0 ? _ ("True") : _ ("False"));
        }
      return;
    }
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *o = g_ptr_array_index (q->options, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (q->type == LC_QUESTION_FILL)
        g_string_append (text, o->text);
      else
        {
          /* Past Z the letters would run into punctuation: number them on. */
          if (i < 26)
            g_string_append_printf (text, "%c. %s", 'A' + (char) i, o->text);
          else
            g_string_append_printf (text, "%u. %s", i + 1, o->text);
          if (o->correct)
            g_string_append (text, " ✓");
        }
      if (!default_weight (o))
        {
          g_autofree char *weight = lc_hundredths_format (o->weight);

          g_string_append_printf (text, " (%s%%)", weight);
        }
      if (o->pinned)
        g_string_append (text, _ (" (pinned)"));
      if (o->feedback != NULL && *o->feedback != '\0')
        /* Translators: an option's feedback, on a line under it: “反馈：…” */
        g_string_append_printf (text, "\n    %s %s", _ ("Feedback:"), o->feedback);
    }
}

static const char *
format_name (const char *format)
{
  if (format == NULL || strcmp (format, "moodle") == 0)
    /* Translators: the GIFT text format of Moodle */
    return _ ("Moodle (GIFT)");
  if (strcmp (format, "html") == 0)
    return "HTML";
  if (strcmp (format, "markdown") == 0)
    return "Markdown";
  if (strcmp (format, "plain") == 0)
    /* Translators: a question's text format, 纯文本 */
    return _ ("Plain text");
  return format;
}

char *
lc_question_field_text (const LcQuestion *q, LcQuestionField field)
{
  g_return_val_if_fail (q != NULL, NULL);
  switch (field)
    {
    case LC_QUESTION_FIELD_TYPE:
      return g_strdup (lc_question_type_display_name (q->type));
    case LC_QUESTION_FIELD_NAME:
      return g_strdup (q->name != NULL ? q->name : "");
    case LC_QUESTION_FIELD_STEM:
      return g_strdup (q->stem != NULL ? q->stem : "");
    case LC_QUESTION_FIELD_OPTIONS:
      {
        g_autoptr (GString) text = g_string_new (NULL);

        if (q->options != NULL)
          append_options (text, q);
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    case LC_QUESTION_FIELD_MODEL_ANSWER:
      return g_strdup (q->model_answer != NULL ? q->model_answer : "");
    case LC_QUESTION_FIELD_EXPLANATION:
      return g_strdup (q->explanation != NULL ? q->explanation : "");
    case LC_QUESTION_FIELD_DIFFICULTY:
      return g_strdup_printf ("%d", q->difficulty);
    case LC_QUESTION_FIELD_BASIS:
      if (q->basis_ref == NULL)
        return g_strdup ("");
      if (q->basis_label != NULL)
        return g_strdup_printf ("%s\n%s", q->basis_label, q->basis_ref);
      return g_strdup (q->basis_ref);
    case LC_QUESTION_FIELD_FORMAT:
      return g_strdup (format_name (q->format));
    }
  g_return_val_if_reached (NULL);
}

static gboolean
same_option (const LcQuestionOption *a, const LcQuestionOption *b)
{
  return g_strcmp0 (a->text, b->text) == 0 && !a->correct == !b->correct && a->weight == b->weight
         && !a->pinned == !b->pinned && g_strcmp0 (a->feedback, b->feedback) == 0;
}

static gboolean
same_options (const LcQuestion *a, const LcQuestion *b)
{
  guint n_a = a->options != NULL ? a->options->len : 0;
  guint n_b = b->options != NULL ? b->options->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!same_option (g_ptr_array_index (a->options, i), g_ptr_array_index (b->options, i)))
      return FALSE;
  return TRUE;
}

/* The stored content decides whether a field changed, not its rendering:
 * a basis read with its label and one read without are still the same basis. */
static gboolean
field_differs (const LcQuestion *a, const LcQuestion *b, LcQuestionField field)
{
  switch (field)
    {
    case LC_QUESTION_FIELD_TYPE:
      return a->type != b->type;
    case LC_QUESTION_FIELD_NAME:
      return g_strcmp0 (a->name, b->name) != 0;
    case LC_QUESTION_FIELD_STEM:
      return g_strcmp0 (a->stem, b->stem) != 0;
    case LC_QUESTION_FIELD_OPTIONS:
      return !same_options (a, b);
    case LC_QUESTION_FIELD_MODEL_ANSWER:
      return g_strcmp0 (a->model_answer, b->model_answer) != 0;
    case LC_QUESTION_FIELD_EXPLANATION:
      return g_strcmp0 (a->explanation, b->explanation) != 0;
    case LC_QUESTION_FIELD_DIFFICULTY:
      return a->difficulty != b->difficulty;
    case LC_QUESTION_FIELD_BASIS:
      return g_strcmp0 (a->basis_ref, b->basis_ref) != 0;
    case LC_QUESTION_FIELD_FORMAT:
      return strcmp (format_name (a->format), format_name (b->format)) != 0;
    }
  g_return_val_if_reached (FALSE);
}

GPtrArray *
lc_question_diff (const LcQuestion *old_question, const LcQuestion *new_question)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_field_diff_free);

  g_return_val_if_fail (old_question != NULL, fields);
  g_return_val_if_fail (new_question != NULL, fields);
  for (int f = 0; f < LC_QUESTION_N_FIELDS; f++)
    {
      LcQuestionFieldDiff *diff;

      if (!field_differs (old_question, new_question, (LcQuestionField) f))
        continue;
      diff = g_new0 (LcQuestionFieldDiff, 1);
      diff->field = (LcQuestionField) f;
      /* The new version names the field: options that became accepted answers read as such. */
      diff->label = g_strdup (lc_question_field_label (new_question, diff->field));
      diff->old_text = lc_question_field_text (old_question, diff->field);
      diff->new_text = lc_question_field_text (new_question, diff->field);
      diff->segments = lc_text_diff (diff->old_text, diff->new_text);
      g_ptr_array_add (fields, diff);
    }
  return fields;
}
