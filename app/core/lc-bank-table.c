/* lc-bank-table.c: the question bank as a table (CSV or XLSX), one question a row. */
#define G_LOG_DOMAIN "lc-bank"

#include "config.h"

#include <string.h>

#include "lc-bank-private.h"
#include "lc-bank.h"
#include "lc-i18n.h"
#include "lc-tabular.h"

enum
{
  COL_UID,
  COL_CATEGORY,
  COL_TYPE,
  COL_DIFFICULTY,
  COL_STEM,
  COL_OPTION_A,
  COL_OPTION_H = COL_OPTION_A + 7,
  COL_ANSWER,
  COL_EXPLANATION,
  COL_MODEL_ANSWER,
  COL_BASIS,
  N_COLUMNS
};

#define N_OPTIONS (COL_OPTION_H - COL_OPTION_A + 1)

/* The file is a Chinese form whatever the locale, so the headers are not translated. */
static const char *const headers[N_COLUMNS + 1] = {
  "编号",  "分类",  "题型",  "难度",  "题干", "选项A", "选项B",    "选项C",    "选项D",
  "选项E", "选项F", "选项G", "选项H", "答案", "解析",  "参考答案", "法律依据", NULL,
};

static const char *const aliases[N_COLUMNS] = {
  "uid",      "category", "type",     "difficulty", "stem",   "option_a",    "option_b",     "option_c", "option_d",
  "option_e", "option_f", "option_g", "option_h",   "answer", "explanation", "model_answer", "basis",
};

static const char *const type_words[] = {
  [LC_QUESTION_SINGLE] = "单选", [LC_QUESTION_MULTIPLE] = "多选", [LC_QUESTION_TRUEFALSE] = "判断",
  [LC_QUESTION_FILL] = "填空",   [LC_QUESTION_ESSAY] = "问答",
};

const char *const *
lc_bank_table_headers (void)
{
  return headers;
}

const char *
lc_bank_table_type_word (LcQuestionType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_words), "");
  return type_words[type];
}

char *
lc_bank_table_answer (const LcQuestion *q)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (q != NULL, NULL);
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *o = g_ptr_array_index (q->options, i);

      switch (q->type)
        {
        case LC_QUESTION_SINGLE:
        case LC_QUESTION_MULTIPLE:
          if (o->correct)
            g_string_append_c (out, (char) ('A' + i));
          break;
        case LC_QUESTION_TRUEFALSE:
          if (o->correct)
            g_string_append (out, strcmp (o->text, "T") == 0 ? "对" : "错");
          break;
        case LC_QUESTION_FILL:
          if (out->len > 0)
            g_string_append_c (out, '|');
          g_string_append (out, o->text);
          break;
        case LC_QUESTION_ESSAY:
        default:
          break;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
type_from_word (const char *word, LcQuestionType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_words); i++)
    if (strcmp (word, type_words[i]) == 0)
      {
        *type = (LcQuestionType) i;
        return TRUE;
      }
  return lc_question_type_from_string (word, type);
}

static int
column_of_header (const char *header)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (strcmp (header, headers[c]) == 0 || g_ascii_strcasecmp (header, aliases[c]) == 0)
      return (int) c;
  return -1;
}

typedef struct
{
  const LcTable *table;
  GPtrArray *problems;
  int columns[N_COLUMNS]; /* table column of each field, or -1 */
} Reader;

static void
add_cell_problem (Reader *reader, guint row, guint column, const char *reason)
{
  g_autofree char *letter = lc_column_letter (column);

  g_ptr_array_add (reader->problems,
                   /* Translators: “题库.xlsx[试题]: row 7, column D (难度): …” */
                   g_strdup_printf (_ ("%s: row %u, column %s (%s): %s"), lc_table_source (reader->table),
                                    lc_table_row_number (reader->table, row), letter,
                                    lc_table_cell (reader->table, 0, column), reason));
}

static void
add_field_problem (Reader *reader, guint row, guint field, const char *reason)
{
  if (reader->columns[field] >= 0)
    add_cell_problem (reader, row, (guint) reader->columns[field], reason);
  else
    g_ptr_array_add (reader->problems, g_strdup_printf (_ ("%s: row %u: %s"), lc_table_source (reader->table),
                                                        lc_table_row_number (reader->table, row), reason));
}

static const char *
field (Reader *reader, guint row, guint f)
{
  const char *cell = reader->columns[f] >= 0 ? lc_table_cell (reader->table, row, (guint) reader->columns[f]) : "";

  /* The reports' CSV writer guards a cell that would run as a formula with an apostrophe; an export imports back. */
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@", cell[1]) != NULL)
    return cell + 1;
  return cell;
}

static char *
dup_or_null (const char *text)
{
  return text[0] != '\0' ? g_strdup (text) : NULL;
}

/* Sets the correct flags of a choice question from "A", "ACD", "A,C,D". */
static gboolean
apply_letters (LcQuestion *q, const char *answer, GError **error)
{
  for (const char *p = answer; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);
      LcQuestionOption *o;

      if (*p == ',' || *p == ' ' || *p == ';')
        continue;
      if (c < 'A' || c > 'H' || (guint) (c - 'A') >= q->options->len)
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_SINGLE_NOT_ONE,
                       _ ("The answer “%s” names no filled option; write the letters of the correct options, "
                          "such as “A” or “ACD”."),
                       answer);
          return FALSE;
        }
      o = g_ptr_array_index (q->options, c - 'A');
      o->correct = TRUE;
    }
  for (guint i = 0; i < q->options->len; i++)
    ((LcQuestionOption *) g_ptr_array_index (q->options, i))->weight = 0;
  lc_question_share_weights (q);
  return TRUE;
}

/* The question of data row @row, or NULL with its problems added. */
static LcQuestion *
read_row (Reader *reader, guint row)
{
  g_autoptr (LcQuestion) q = NULL;
  g_autoptr (GError) error = NULL;
  const char *type_text = field (reader, row, COL_TYPE);
  const char *difficulty = field (reader, row, COL_DIFFICULTY);
  const char *answer = field (reader, row, COL_ANSWER);
  LcQuestionType type;
  guint before = reader->problems->len;
  guint last_option = 0;

  if (!type_from_word (type_text, &type))
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("“%s” is not a question type; write 单选, 多选, 判断, 填空 or 问答."), type_text);
      add_field_problem (reader, row, COL_TYPE, reason);
      return NULL;
    }
  q = lc_question_new (type);
  q->status = LC_QUESTION_ACTIVE;
  q->uid = dup_or_null (field (reader, row, COL_UID));
  q->category = dup_or_null (field (reader, row, COL_CATEGORY));
  q->stem = g_strdup (field (reader, row, COL_STEM));
  q->explanation = dup_or_null (field (reader, row, COL_EXPLANATION));
  q->model_answer = dup_or_null (field (reader, row, COL_MODEL_ANSWER));
  q->basis_ref = dup_or_null (field (reader, row, COL_BASIS));
  if (difficulty[0] != '\0')
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (difficulty, 10, 1, 5, &value, NULL))
        {
          g_autofree char *reason =
              g_strdup_printf (_ ("The difficulty must be a whole number from 1 to 5, not “%s”."), difficulty);
          add_field_problem (reader, row, COL_DIFFICULTY, reason);
        }
      else
        q->difficulty = (int) value;
    }
  for (guint i = 0; i < N_OPTIONS; i++)
    if (field (reader, row, COL_OPTION_A + i)[0] != '\0')
      last_option = i + 1;
  switch (type)
    {
    case LC_QUESTION_SINGLE:
    case LC_QUESTION_MULTIPLE:
      for (guint i = 0; i < last_option; i++)
        {
          const char *text = field (reader, row, COL_OPTION_A + i);

          if (text[0] == '\0')
            add_field_problem (reader, row, COL_OPTION_A + i,
                               _ ("The option is empty, but a later one is filled; fill the options from A on."));
          lc_question_add_option (q, text, FALSE);
        }
      if (!apply_letters (q, answer, &error))
        add_field_problem (reader, row, COL_ANSWER, error->message);
      break;
    case LC_QUESTION_TRUEFALSE:
      if (strcmp (answer, "对") == 0 || g_ascii_strcasecmp (answer, "T") == 0
          || g_ascii_strcasecmp (answer, "true") == 0 || strcmp (answer, "正确") == 0 || strcmp (answer, "√") == 0)
        lc_question_set_truefalse (q, TRUE);
      else if (strcmp (answer, "错") == 0 || g_ascii_strcasecmp (answer, "F") == 0
               || g_ascii_strcasecmp (answer, "false") == 0 || strcmp (answer, "错误") == 0
               || strcmp (answer, "×") == 0)
        lc_question_set_truefalse (q, FALSE);
      else
        {
          g_autofree char *reason =
              g_strdup_printf (_ ("A true/false answer is 对 or 错 (or T or F), not “%s”."), answer);
          add_field_problem (reader, row, COL_ANSWER, reason);
        }
      if (last_option > 0)
        add_field_problem (reader, row, COL_OPTION_A, _ ("A true/false question has no options; leave them empty."));
      break;
    case LC_QUESTION_FILL:
      {
        g_auto (GStrv) parts = g_strsplit (answer, "|", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          lc_question_add_option (q, g_strstrip (parts[i]), TRUE);
        if (last_option > 0)
          add_field_problem (reader, row, COL_OPTION_A,
                             _ ("A fill-in question has no options; write its accepted answers in the answer "
                                "column, separated by “|”."));
        break;
      }
    case LC_QUESTION_ESSAY:
    default:
      if (last_option > 0)
        add_field_problem (reader, row, COL_OPTION_A, _ ("An essay question has no options; leave them empty."));
      if (answer[0] != '\0')
        add_field_problem (reader, row, COL_ANSWER,
                           _ ("An essay question has no answer key; write the model answer in its own column."));
      break;
    }
  if (reader->problems->len > before)
    return NULL;
  if (!lc_question_validate (q, &error))
    {
      guint f = COL_STEM;

      switch (error->code)
        {
        case LC_BANK_ERROR_EMPTY_STEM:
          f = COL_STEM;
          break;
        case LC_BANK_ERROR_UID:
          f = COL_UID;
          break;
        case LC_BANK_ERROR_EMPTY_OPTION:
        case LC_BANK_ERROR_SINGLE_NOT_ONE:
        case LC_BANK_ERROR_MULTIPLE_TOO_FEW:
        case LC_BANK_ERROR_TRUEFALSE_OPTIONS:
          f = COL_ANSWER;
          break;
        case LC_BANK_ERROR_NO_OPTIONS:
        case LC_BANK_ERROR_DUPLICATE_OPTION:
          f = q->type == LC_QUESTION_FILL ? COL_ANSWER : COL_OPTION_A;
          break;
        case LC_BANK_ERROR_DIFFICULTY:
          f = COL_DIFFICULTY;
          break;
        default:
          break;
        }
      add_field_problem (reader, row, f, error->message);
      return NULL;
    }
  return g_steal_pointer (&q);
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

/* Maps the header row; a column unknown or doubled, or a required one missing, is a problem. */
static void
read_header (Reader *reader)
{
  guint n = lc_table_n_cells (reader->table, 0);

  for (guint f = 0; f < N_COLUMNS; f++)
    reader->columns[f] = -1;
  for (guint c = 0; c < n; c++)
    {
      const char *header = lc_table_cell (reader->table, 0, c);
      int f;

      if (header[0] == '\0')
        continue;
      if ((f = column_of_header (header)) < 0)
        add_cell_problem (reader, 0, c, _ ("This column is not part of the question table; remove or rename it."));
      else if (reader->columns[f] >= 0)
        add_cell_problem (reader, 0, c, _ ("This column appears twice."));
      else
        reader->columns[f] = (int) c;
    }
  if (reader->columns[COL_TYPE] < 0 || reader->columns[COL_STEM] < 0)
    g_ptr_array_add (reader->problems,
                     g_strdup_printf (_ ("%s: row %u: the header needs the columns 题型 and 题干."),
                                      lc_table_source (reader->table), lc_table_row_number (reader->table, 0)));
}

/* Carries over from the stored version of a known question what the table
 * cannot hold (GIFT name and format, option weights, pins and feedback), so
 * that an export imported back makes no version when nothing was changed. */
static gboolean
keep_unexpressed (LcDb *db, LcQuestion *q, GError **error)
{
  g_autoptr (LcQuestion) current = NULL;
  gboolean found = FALSE;

  if (!lc_db_lookup (db, "SELECT id FROM question WHERE uid = ?", q->uid, 0, &found, NULL, error))
    return FALSE;
  if (!found)
    return TRUE;
  if ((current = _lc_bank_load (db, q->uid, 0, error)) == NULL)
    return FALSE;
  if (current->type != q->type)
    return TRUE;
  if (q->name == NULL)
    q->name = g_strdup (current->name);
  if (q->format == NULL)
    q->format = g_strdup (current->format);
  if (current->options->len != q->options->len)
    return TRUE;
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *was = g_ptr_array_index (current->options, i);
      const LcQuestionOption *now = g_ptr_array_index (q->options, i);

      if (g_strcmp0 (was->text, now->text) != 0 || !was->correct != !now->correct)
        return TRUE;
    }
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *was = g_ptr_array_index (current->options, i);
      LcQuestionOption *now = g_ptr_array_index (q->options, i);

      now->weight = was->weight;
      now->pinned = was->pinned;
      g_free (now->feedback);
      now->feedback = g_strdup (was->feedback);
    }
  return TRUE;
}

gboolean
lc_bank_import_table (LcSession *session, const LcTable *table, LcBankImportFlags flags, LcBankImportResult *result,
                      GPtrArray **items, GPtrArray **problems, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_free);
  g_autoptr (GArray) article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) outcomes = NULL;
  g_autoptr (GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LcBankImportResult counts = { 0 };
  Reader reader = { table, found, { 0 } };
  const char *source;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  if (items != NULL)
    *items = NULL;
  if (problems != NULL)
    *problems = NULL;
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error))
    return FALSE;
  source = lc_table_source (table);
  read_header (&reader);
  for (guint r = 1; r < lc_table_n_rows (table) && reader.columns[COL_TYPE] >= 0 && reader.columns[COL_STEM] >= 0; r++)
    {
      g_autoptr (LcQuestion) q = NULL;
      g_autoptr (GError) basis_error = NULL;
      gpointer cached = NULL;
      gint64 article_id = 0;
      guint row_number = lc_table_row_number (table, r);

      if (lc_table_row_is_blank (table, r))
        continue;
      if ((q = read_row (&reader, r)) == NULL)
        continue;
      if (!category_is_valid (q->category))
        {
          g_autofree char *reason = g_strdup_printf (
              _ ("The category “%s” has an empty part; write it as names joined by “/”."), q->category);
          add_field_problem (&reader, r, COL_CATEGORY, reason);
          continue;
        }
      if (q->uid == NULL)
        {
          /* From the file's name and the row, so that importing the same file again finds it. */
          g_autofree char *key = g_strdup_printf ("%s:row %u", source, lc_table_row_number (table, r));
          g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

          q->uid = g_strdup_printf ("q-%.16s", hex);
        }
      if (g_hash_table_contains (uids, q->uid))
        {
          g_autofree char *reason = g_strdup_printf (_ ("The uid “%s” is used twice in this file."), q->uid);
          add_field_problem (&reader, r, COL_UID, reason);
          continue;
        }
      g_hash_table_add (uids, g_strdup (q->uid));
      if (!keep_unexpressed (lc_session_get_db (session), q, error))
        return FALSE;
      if (q->basis_ref != NULL)
        {
          if (g_hash_table_lookup_extended (articles, q->basis_ref, NULL, &cached))
            article_id = GPOINTER_TO_SIZE (cached);
          else if (_lc_bank_resolve_basis (session, q->basis_ref, &article_id, &basis_error))
            g_hash_table_insert (articles, g_strdup (q->basis_ref), GSIZE_TO_POINTER ((gsize) article_id));
          else
            {
              add_field_problem (&reader, r, COL_BASIS, basis_error->message);
              continue;
            }
        }
      g_array_append_val (article_ids, article_id);
      g_array_append_val (lines, row_number);
      g_ptr_array_add (questions, g_steal_pointer (&q));
    }
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
  if (items != NULL)
    outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_bank_import_item_free);
  if (!_lc_bank_store_all (session, questions, article_ids, lines, flags, &counts, outcomes, error))
    return FALSE;
  if (items != NULL)
    *items = g_steal_pointer (&outcomes);
  if (result != NULL)
    *result = counts;
  return TRUE;
}
