/* lc-bank-gift.c: GIFT import and export of the question bank, and the starter bank. */
#define G_LOG_DOMAIN "lc-bank"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-bank-private.h"
#include "lc-bank.h"
#include "lc-gift.h"
#include "lc-i18n.h"

#define STARTER_RESOURCE_DIR "/org/lexcert/Lexcert/question-bank/"

static const char *const format_names[] = { "moodle", "html", "markdown", "plain" };

static LcGiftFormat
format_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (strcmp (name, format_names[i]) == 0)
      return (LcGiftFormat) i;
  return LC_GIFT_FORMAT_MOODLE;
}

static LcQuestionOption *
add_option (LcQuestion *q, const LcGiftOption *g)
{
  LcQuestionOption *o = lc_question_add_option (q, g->text, g->correct);

  o->weight = (int) lround (g->weight * 100.0);
  o->feedback = g_strdup (g->feedback);
  return o;
}

/* The stored form of a GIFT question, or NULL with a reason. */
static LcQuestion *
from_gift (const LcGiftQuestion *g, GError **error)
{
  static const LcQuestionType types[] = {
    [LC_GIFT_SINGLE] = LC_QUESTION_SINGLE,       [LC_GIFT_MULTIPLE] = LC_QUESTION_MULTIPLE,
    [LC_GIFT_TRUEFALSE] = LC_QUESTION_TRUEFALSE, [LC_GIFT_SHORT] = LC_QUESTION_FILL,
    [LC_GIFT_ESSAY] = LC_QUESTION_ESSAY,
  };
  g_autoptr (LcQuestion) q = lc_question_new (types[g->type]);
  const char *difficulty = lc_gift_question_get_meta (g, "difficulty");
  const char *basis = lc_gift_question_get_meta (g, "basis");

  q->uid = g_strdup (lc_gift_question_get_meta (g, "uid"));
  q->category = g_strdup (g->category);
  q->status = LC_QUESTION_ACTIVE;
  q->name = g_strdup (g->name);
  q->format = g_strdup (format_names[g->format]);
  q->stem = g_strdup (g->stem);
  q->basis_ref = basis != NULL && basis[0] != '\0' ? g_strdup (basis) : NULL;
  if (difficulty != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (difficulty, 10, 1, 5, &value, NULL))
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_DIFFICULTY,
                       _ ("@difficulty must be a whole number from 1 to 5, not “%s”."), difficulty);
          return NULL;
        }
      q->difficulty = (int) value;
    }
  if (g->type == LC_GIFT_ESSAY)
    q->model_answer = g_strdup (g->general_feedback);
  else
    q->explanation = g_strdup (g->general_feedback);
  if (g->type == LC_GIFT_TRUEFALSE)
    {
      LcQuestionOption *right, *wrong;

      lc_question_set_truefalse (q, g->truefalse_answer);
      /* GIFT gives feedback by right and wrong answer; we keep it on the option that earns it. */
      right = g_ptr_array_index (q->options, g->truefalse_answer ? 0 : 1);
      wrong = g_ptr_array_index (q->options, g->truefalse_answer ? 1 : 0);
      right->feedback = g_strdup (g->truefalse_feedback_right);
      wrong->feedback = g_strdup (g->truefalse_feedback_wrong);
    }
  else
    for (guint i = 0; g->options != NULL && i < g->options->len; i++)
      add_option (q, g_ptr_array_index (g->options, i));
  return g_steal_pointer (&q);
}

static LcGiftQuestion *
to_gift (const LcQuestion *q)
{
  static const LcGiftType types[] = {
    [LC_QUESTION_SINGLE] = LC_GIFT_SINGLE,       [LC_QUESTION_MULTIPLE] = LC_GIFT_MULTIPLE,
    [LC_QUESTION_TRUEFALSE] = LC_GIFT_TRUEFALSE, [LC_QUESTION_FILL] = LC_GIFT_SHORT,
    [LC_QUESTION_ESSAY] = LC_GIFT_ESSAY,
  };
  LcGiftQuestion *g = lc_gift_question_new (types[q->type]);
  g_autofree char *difficulty = g_strdup_printf ("%d", q->difficulty);

  g->category = g_strdup (q->category);
  g->name = g_strdup (q->name);
  g->format = format_from_name (q->format);
  g->stem = g_strdup (q->stem);
  g->general_feedback = g_strdup (q->type == LC_QUESTION_ESSAY ? q->model_answer : q->explanation);
  lc_gift_question_set_meta (g, "uid", q->uid);
  lc_gift_question_set_meta (g, "difficulty", difficulty);
  lc_gift_question_set_meta (g, "basis", q->basis_ref);
  if (q->type == LC_QUESTION_TRUEFALSE)
    {
      const LcQuestionOption *t = g_ptr_array_index (q->options, 0);
      const LcQuestionOption *f = g_ptr_array_index (q->options, 1);

      g->truefalse_answer = t->correct;
      g->truefalse_feedback_right = g_strdup (t->correct ? t->feedback : f->feedback);
      g->truefalse_feedback_wrong = g_strdup (t->correct ? f->feedback : t->feedback);
    }
  else
    for (guint i = 0; i < q->options->len; i++)
      {
        const LcQuestionOption *o = g_ptr_array_index (q->options, i);

        lc_gift_question_add_option (g, o->text, o->weight / 100.0, o->correct, o->feedback);
      }
  return g;
}

static gboolean
category_is_valid (const char *path)
{
  g_auto (GStrv) parts = NULL;

  if (path == NULL)
    return TRUE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strstrip (parts[i])[0] == '\0')
      return FALSE;
  return parts[0] != NULL;
}

static void
add_problem (GPtrArray *problems, const char *source, const LcGiftQuestion *g, const char *reason)
{
  g_ptr_array_add (problems, g_strdup_printf ("%s:%u:%u: %s", source, g->line, g->column, reason));
}

/* The checked questions of a file, or NULL with every problem in @problems. */
static GPtrArray *
check_all (LcSession *session, GPtrArray *parsed, const char *source, GPtrArray *problems, GArray *article_ids,
           GArray *lines)
{
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_free);
  g_autoptr (GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < parsed->len; i++)
    {
      const LcGiftQuestion *g = g_ptr_array_index (parsed, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (LcQuestion) q = from_gift (g, &error);
      gpointer cached = NULL;
      gint64 article_id = 0;

      if (q == NULL || !lc_question_validate (q, &error))
        {
          add_problem (problems, source, g, error->message);
          continue;
        }
      if (!category_is_valid (q->category))
        {
          g_autofree char *reason = g_strdup_printf (
              _ ("The category “%s” has an empty part; write it as names joined by “/”."), q->category);
          add_problem (problems, source, g, reason);
          continue;
        }
      if (q->uid == NULL)
        {
          /* From the file's name and the question's line, so that importing the same file again finds it. */
          g_autofree char *key = g_strdup_printf ("%s:%u", source, g->line);
          g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

          q->uid = g_strdup_printf ("q-%.16s", hex);
        }
      if (g_hash_table_contains (uids, q->uid))
        {
          g_autofree char *reason = g_strdup_printf (_ ("The uid “%s” is used twice in this file."), q->uid);
          add_problem (problems, source, g, reason);
          continue;
        }
      g_hash_table_add (uids, q->uid);
      if (q->basis_ref != NULL)
        {
          if (g_hash_table_lookup_extended (articles, q->basis_ref, NULL, &cached))
            article_id = GPOINTER_TO_SIZE (cached);
          else if (_lc_bank_resolve_basis (session, q->basis_ref, &article_id, &error))
            g_hash_table_insert (articles, g_strdup (q->basis_ref), GSIZE_TO_POINTER ((gsize) article_id));
          else
            {
              g_autofree char *reason = g_strdup_printf (_ ("@basis %s: %s"), q->basis_ref, error->message);
              add_problem (problems, source, g, reason);
              continue;
            }
        }
      g_array_append_val (article_ids, article_id);
      g_array_append_val (lines, g->line);
      g_ptr_array_add (questions, g_steal_pointer (&q));
    }
  if (problems->len > 0)
    return NULL;
  return g_steal_pointer (&questions);
}

void
lc_bank_import_item_free (LcBankImportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uid);
  g_free (item->category);
  g_free (item->stem);
  g_free (item);
}

const char *
lc_bank_import_outcome_to_string (LcBankImportOutcome outcome)
{
  static const char *const names[] = {
    [LC_BANK_IMPORT_ADDED] = "added",
    [LC_BANK_IMPORT_UPDATED] = "updated",
    [LC_BANK_IMPORT_UNCHANGED] = "unchanged",
    [LC_BANK_IMPORT_SKIPPED] = "skipped",
  };

  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (names), "");
  return names[outcome];
}

static void
add_item (GPtrArray *items, const LcQuestion *q, guint line, LcBankImportOutcome outcome)
{
  LcBankImportItem *item;

  if (items == NULL)
    return;
  item = g_new0 (LcBankImportItem, 1);
  item->outcome = outcome;
  item->line = line;
  item->uid = g_strdup (q->uid);
  item->category = g_strdup (q->category);
  item->stem = g_strdup (q->stem);
  item->type = q->type;
  g_ptr_array_add (items, item);
}

static gboolean
store_each (LcSession *session, GPtrArray *questions, GArray *article_ids, GArray *lines, LcBankImportResult *result,
            GPtrArray *items, GError **error)
{
  LcDb *db = lc_session_get_db (session);
  gint64 author = lc_session_get_user_id (session);

  for (guint i = 0; i < questions->len; i++)
    {
      const LcQuestion *q = g_ptr_array_index (questions, i);
      gint64 article_id = g_array_index (article_ids, gint64, i);
      guint line = g_array_index (lines, guint, i);
      g_autoptr (LcQuestion) current = NULL;
      gboolean found = FALSE, made = FALSE, moved;

      if (!lc_db_lookup (db, "SELECT id FROM question WHERE uid = ?", q->uid, 0, &found, NULL, error))
        return FALSE;
      if (!found)
        {
          if (!_lc_bank_insert (db, q, q->uid, article_id, author, error))
            return FALSE;
          result->added++;
          add_item (items, q, line, LC_BANK_IMPORT_ADDED);
          continue;
        }
      if ((current = _lc_bank_load (db, q->uid, 0, error)) == NULL
          || !_lc_bank_update (db, current, q, article_id, author, &made, error))
        return FALSE;
      moved = g_strcmp0 (current->category, q->category) != 0;
      if (moved)
        {
          g_autoptr (LcStmt) stmt = NULL;
          gint64 category_id = 0;

          if (q->category != NULL && !_lc_bank_ensure_category (db, q->category, &category_id, error))
            return FALSE;
          if ((stmt = lc_db_prepare (db, "UPDATE question SET category_id = ? WHERE id = ?", error)) == NULL)
            return FALSE;
          lc_stmt_bind_id (stmt, 1, category_id);
          lc_stmt_bind_int (stmt, 2, current->id);
          if (!lc_db_step_done (db, stmt, error))
            return FALSE;
        }
      if (made || moved)
        result->updated++;
      else
        result->unchanged++;
      add_item (items, q, line, made || moved ? LC_BANK_IMPORT_UPDATED : LC_BANK_IMPORT_UNCHANGED);
    }
  return TRUE;
}

gboolean
_lc_bank_store_all (LcSession *session, GPtrArray *questions, GArray *article_ids, GArray *lines,
                    LcBankImportFlags flags, LcBankImportResult *result, GPtrArray *items, GError **error)
{
  LcDb *db = lc_session_get_db (session);
  guint n_items = items != NULL ? items->len : 0;

  g_assert (questions->len == article_ids->len && questions->len == lines->len);
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!store_each (session, questions, article_ids, lines, result, items, error))
    {
      lc_db_rollback (db);
      if (items != NULL)
        g_ptr_array_set_size (items, n_items);
      return FALSE;
    }
  /* A preview runs the very same statements as the import it foretells, then
   * undoes them: whatever the import would add, version or move, it counted. */
  if ((flags & LC_BANK_IMPORT_DRY_RUN) != 0)
    {
      lc_db_rollback (db);
      return TRUE;
    }
  if (!lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      if (items != NULL)
        g_ptr_array_set_size (items, n_items);
      return FALSE;
    }
  return TRUE;
}

static int
compare_item_lines (gconstpointer a, gconstpointer b)
{
  const LcBankImportItem *x = *(const LcBankImportItem *const *) a;
  const LcBankImportItem *y = *(const LcBankImportItem *const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

gboolean
lc_bank_import_gift (LcSession *session, const char *text, gsize len, const char *source_name, LcBankImportFlags flags,
                     LcBankImportResult *result, GPtrArray **items, GPtrArray **problems, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  g_autoptr (GArray) article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) parse_error = NULL;
  LcBankImportResult counts = { 0 };
  const char *source = source_name != NULL ? source_name : "<input>";
  LcGiftParseFlags parse_flags =
      (flags & LC_BANK_IMPORT_SKIP_UNSUPPORTED) != 0 ? LC_GIFT_SKIP_UNSUPPORTED : LC_GIFT_PARSE_DEFAULT;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  if (items != NULL)
    *items = NULL;
  if (problems != NULL)
    *problems = NULL;
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error))
    return FALSE;
  if (!lc_gift_parse (text, len, source, parse_flags, &parsed, &skipped, &parse_error))
    {
      g_auto (GStrv) split = g_strsplit (parse_error->message, "\n", -1);

      for (guint i = 0; split[i] != NULL; i++)
        if (split[i][0] != '\0')
          g_ptr_array_add (found, g_strdup (split[i]));
    }
  else
    questions = check_all (session, parsed, source, found, article_ids, lines);
  if (found->len > 0)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” has %u problem; nothing of it was imported.",
                                "“%s” has %u problems; nothing of it was imported.", found->len),
                   source, found->len);
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return FALSE;
    }
  counts.skipped = skipped != NULL ? skipped->len : 0;
  if (items != NULL)
    outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_bank_import_item_free);
  if (!_lc_bank_store_all (session, questions, article_ids, lines, flags, &counts, outcomes, error))
    return FALSE;
  if (outcomes != NULL)
    {
      for (guint i = 0; skipped != NULL && i < skipped->len; i++)
        {
          const LcGiftSkipped *s = g_ptr_array_index (skipped, i);
          LcBankImportItem *item = g_new0 (LcBankImportItem, 1);

          item->outcome = LC_BANK_IMPORT_SKIPPED;
          item->line = s->line;
          item->stem = g_strdup (s->name);
          item->skipped_kind = s->kind;
          g_ptr_array_add (outcomes, item);
        }
      g_ptr_array_sort (outcomes, compare_item_lines);
      *items = g_steal_pointer (&outcomes);
    }
  if (result != NULL)
    *result = counts;
  return TRUE;
}

gboolean
lc_bank_export_gift (LcSession *session, const char *category, char **text, GError **error)
{
  static const char *const sql = "SELECT q.uid FROM question q LEFT JOIN category c ON c.id = q.category_id "
                                 "WHERE ?1 IS NULL OR c.path = ?1 OR c.path LIKE ?2 ESCAPE '\\' "
                                 "ORDER BY coalesce(c.path, ''), q.id";
  g_autoptr (GPtrArray) gifts = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_question_free);
  g_autoptr (GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LcStmt) stmt = NULL;
  gboolean has_row = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!_lc_bank_require_read (session, error))
    return FALSE;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  if (category != NULL)
    {
      g_autoptr (GString) pattern = g_string_new (NULL);

      for (const char *p = category; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append (pattern, "/%");
      lc_stmt_bind_text (stmt, 1, category);
      lc_stmt_bind_text (stmt, 2, pattern->str);
    }
  for (;;)
    {
      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_ptr_array_add (uids, lc_stmt_dup_text (stmt, 0));
    }
  lc_db_release (g_steal_pointer (&stmt));
  for (guint i = 0; i < uids->len; i++)
    {
      g_autoptr (LcQuestion) q = _lc_bank_load (db, g_ptr_array_index (uids, i), 0, error);

      if (q == NULL)
        return FALSE;
      g_ptr_array_add (gifts, to_gift (q));
    }
  *text = lc_gift_write (gifts, NULL);
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

gboolean
lc_bank_ensure_starter (LcDb *db, GError **error)
{
  g_autoptr (LcSession) system = NULL;
  g_auto (GStrv) names = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  if (!lc_db_lookup (db, "SELECT id FROM question LIMIT ?", NULL, 1, &found, NULL, error))
    return FALSE;
  if (found)
    return TRUE;
  names = g_resources_enumerate_children (STARTER_RESOURCE_DIR, 0, NULL);
  if (names == NULL)
    return TRUE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  system = lc_session_new_system (db);
  if (!lc_db_begin (db, error))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (STARTER_RESOURCE_DIR, names[i], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (GError) import_error = NULL;
      gsize size = 0;
      const char *data;

      if (bytes == NULL)
        continue;
      data = g_bytes_get_data (bytes, &size);
      if (!lc_bank_import_gift (system, data, size, names[i], LC_BANK_IMPORT_DEFAULT, NULL, NULL, &problems,
                                &import_error))
        {
          lc_db_rollback (db);
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_SHIPPED, _ ("The starter question bank is damaged: %s"),
                       problems != NULL && problems->len > 0 ? (char *) g_ptr_array_index (problems, 0)
                                                             : import_error->message);
          return FALSE;
        }
    }
  if (!lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
