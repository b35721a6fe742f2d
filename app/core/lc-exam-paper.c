/* lc-exam-paper.c: a question as a paper shows it — the text and options in
 * the attempt's order, with or without the key — and responses between the
 * form people give ("CA", "T") and the form stored (option positions). */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include <string.h>

#include "lc-exam-private.h"
#include "lc-i18n.h"

void
lc_paper_item_free (LcPaperItem *item)
{
  if (item == NULL)
    return;
  g_free (item->question_uid);
  g_free (item->stem);
  g_clear_pointer (&item->options, g_ptr_array_unref);
  g_free (item->response);
  g_free (item->grader_comment);
  g_clear_pointer (&item->correct, g_array_unref);
  g_free (item->correct_answer);
  g_free (item->model_answer);
  g_free (item->explanation);
  g_free (item->basis_label);
  g_free (item->basis_text);
  g_free (item);
}

void
lc_paper_free (LcPaper *paper)
{
  if (paper == NULL)
    return;
  g_clear_pointer (&paper->attempt, lc_attempt_free);
  g_free (paper->exam_title);
  g_clear_pointer (&paper->items, g_ptr_array_unref);
  g_free (paper);
}

/* The letter of the option shown at @index: A, B, … (T and F for true/false). */
static char
shown_letter (LcQuestionType type, guint index)
{
  if (type == LC_QUESTION_TRUEFALSE)
    return index == 0 ? 'T' : 'F';
  return (char) ('A' + index);
}

static int
shown_index (const GArray *order, int stored_pos)
{
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, int, i) == stored_pos)
      return (int) i;
  return -1;
}

/* Two queries, so that the officer's one has no key column to leak. */
static const char *const version_sql =
    "SELECT v.type, v.stem, q.id, q.uid FROM question_version v JOIN question q ON q.id = v.question_id "
    "WHERE v.id = ?";
static const char *const version_key_sql =
    "SELECT v.explanation, v.model_answer, a.label, a.text, lv.title FROM question_version v "
    "LEFT JOIN article a ON a.id = v.basis_article_id LEFT JOIN law_version lv ON lv.id = a.law_version_id "
    "WHERE v.id = ?";
static const char *const options_sql = "SELECT pos, text FROM option WHERE version_id = ? ORDER BY pos";
static const char *const options_key_sql = "SELECT pos, text, correct FROM option WHERE version_id = ? ORDER BY pos";

static gboolean
load_key (LcDb *db, LcPaperItem *item, GError **error)
{
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, version_key_sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, item->question_version_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  item->explanation = lc_stmt_dup_text_or_null (stmt, 0);
  item->model_answer = lc_stmt_dup_text_or_null (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_autofree char *label = lc_stmt_dup_text (stmt, 2);
      g_autofree char *title = lc_stmt_dup_text (stmt, 4);

      item->basis_label = g_strdup_printf ("%s %s", title, label);
      item->basis_text = lc_stmt_dup_text (stmt, 3);
    }
  return TRUE;
}

LcPaperItem *
_lc_exam_paper_item_new (LcDb *db, gint64 version_id, const GArray *option_order, gboolean with_key, GError **error)
{
  g_autoptr (LcPaperItem) item = g_new0 (LcPaperItem, 1);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, version_sql, error);
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr (GHashTable) correct = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GPtrArray) accepted = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *type = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  item->question_version_id = version_id;
  item->awarded = -1;
  item->options = g_ptr_array_new_with_free_func (g_free);
  lc_stmt_bind_int (stmt, 1, version_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("There is no question version %lld."),
                   (long long) version_id);
      return NULL;
    }
  type = lc_stmt_dup_text (stmt, 0);
  lc_question_type_from_string (type, &item->type);
  item->stem = lc_stmt_dup_text (stmt, 1);
  item->question_id = lc_stmt_int (stmt, 2);
  item->question_uid = lc_stmt_dup_text (stmt, 3);
  lc_db_release (g_steal_pointer (&stmt));

  /* A fill-in question's options are its accepted answers: never shown. */
  if (item->type != LC_QUESTION_ESSAY && (with_key || item->type != LC_QUESTION_FILL))
    {
      if ((stmt = lc_db_prepare (db, with_key ? options_key_sql : options_sql, error)) == NULL)
        return NULL;
      lc_stmt_bind_int (stmt, 1, version_id);
      for (;;)
        {
          int pos;

          if (!lc_db_step (db, stmt, &has_row, error))
            return NULL;
          if (!has_row)
            break;
          pos = (int) lc_stmt_int (stmt, 0);
          if (item->type == LC_QUESTION_FILL)
            g_ptr_array_add (accepted, lc_stmt_dup_text (stmt, 1));
          else
            g_hash_table_insert (texts, GINT_TO_POINTER (pos), lc_stmt_dup_text (stmt, 1));
          if (with_key && lc_stmt_int (stmt, 2) != 0)
            g_hash_table_add (correct, GINT_TO_POINTER (pos));
        }
      lc_db_release (g_steal_pointer (&stmt));
    }
  if (item->type != LC_QUESTION_FILL && item->type != LC_QUESTION_ESSAY)
    for (guint i = 0; option_order != NULL && i < option_order->len; i++)
      {
        const char *text = g_hash_table_lookup (texts, GINT_TO_POINTER (g_array_index (option_order, int, i)));

        g_ptr_array_add (item->options, g_strdup (text != NULL ? text : ""));
      }

  if (!with_key)
    return g_steal_pointer (&item);
  item->correct = g_array_new (FALSE, TRUE, sizeof (gboolean));
  if (item->type == LC_QUESTION_FILL)
    {
      g_ptr_array_add (accepted, NULL);
      item->correct_answer = g_strjoinv (" | ", (char **) accepted->pdata);
    }
  else if (item->type != LC_QUESTION_ESSAY)
    {
      g_autoptr (GString) letters = g_string_new (NULL);

      for (guint i = 0; option_order != NULL && i < option_order->len; i++)
        {
          gboolean right = g_hash_table_contains (correct, GINT_TO_POINTER (g_array_index (option_order, int, i)));

          g_array_append_val (item->correct, right);
          if (right)
            g_string_append_c (letters, shown_letter (item->type, i));
        }
      item->correct_answer = g_string_free (g_steal_pointer (&letters), FALSE);
    }
  if (!load_key (db, item, error))
    return NULL;
  return g_steal_pointer (&item);
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return x < y ? -1 : x > y;
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
_lc_exam_response_to_shown (LcQuestionType type, const GArray *option_order, const char *stored)
{
  g_autoptr (GArray) positions = NULL;
  g_autoptr (GArray) indexes = NULL;
  g_autoptr (GString) out = NULL;

  if (stored == NULL)
    return NULL;
  if (type == LC_QUESTION_FILL || type == LC_QUESTION_ESSAY)
    return g_strdup (stored);
  positions = _lc_exam_split_positions (stored);
  indexes = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < positions->len; i++)
    {
      int index = shown_index (option_order, g_array_index (positions, int, i));

      if (index >= 0)
        g_array_append_val (indexes, index);
    }
  g_array_sort (indexes, compare_ints);
  out = g_string_new (NULL);
  for (guint i = 0; i < indexes->len; i++)
    g_string_append_c (out, shown_letter (type, (guint) g_array_index (indexes, int, i)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *bad_response (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
bad_response (GError **error, const char *format, ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, LC_EXAM_ERROR, LC_EXAM_ERROR_BAD_RESPONSE, message);
  return NULL;
}

static char *
truefalse_from_shown (const char *text, GError **error)
{
  static const char *const yes[] = { "t", "true", "对", "正确", "√", "✓", "是", "a" };
  static const char *const no[] = { "f", "false", "错", "错误", "×", "✗", "否", "b" };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (strcmp (folded, yes[i]) == 0)
        return g_strdup ("0");
      if (strcmp (folded, no[i]) == 0)
        return g_strdup ("1");
    }
  /* Translators: an answer given to a true-or-false question */
  return bad_response (error, _ ("“%s” is not an answer to a true-or-false question: use T or F."), text);
}

char *
_lc_exam_response_from_shown (LcQuestionType type, const GArray *option_order, const char *shown, gboolean *cleared,
                              GError **error)
{
  g_autoptr (GArray) chosen = NULL;
  guint n = option_order != NULL ? option_order->len : 0;

  *cleared = FALSE;
  if (blank (shown))
    {
      *cleared = TRUE;
      return NULL;
    }
  if (type == LC_QUESTION_FILL || type == LC_QUESTION_ESSAY)
    return g_strdup (shown);
  if (type == LC_QUESTION_TRUEFALSE)
    return truefalse_from_shown (shown, error);
  chosen = g_array_new (FALSE, FALSE, sizeof (int));
  for (const char *p = shown; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int index, pos;
      gboolean again = FALSE;

      if (g_unichar_isspace (c) || c == ',' || c == 0xFF0C /* ， */ || c == 0x3001 /* 、 */)
        continue;
      /* Full-width Ａ–Ｚ and ａ–ｚ as people type them with a Chinese input method. */
      if (c >= 0xFF21 && c <= 0xFF3A)
        c = 'A' + (c - 0xFF21);
      else if (c >= 0xFF41 && c <= 0xFF5A)
        c = 'A' + (c - 0xFF41);
      c = g_unichar_toupper (c);
      index = c >= 'A' && c <= 'Z' ? (int) (c - 'A') : -1;
      if (index < 0 || (guint) index >= n)
        return bad_response (error, _ ("“%s” is not an answer to this question: choose among the letters A to %c."),
                             shown, (char) ('A' + MAX (n, 1) - 1));
      pos = g_array_index (option_order, int, index);
      for (guint i = 0; i < chosen->len && !again; i++)
        again = g_array_index (chosen, int, i) == pos;
      if (!again)
        g_array_append_val (chosen, pos);
    }
  if (chosen->len == 0)
    {
      *cleared = TRUE;
      return NULL;
    }
  if (type == LC_QUESTION_SINGLE && chosen->len > 1)
    return bad_response (error, _ ("“%s”: a single-choice question takes one letter."), shown);
  g_array_sort (chosen, compare_ints);
  return _lc_exam_join_positions (chosen);
}
