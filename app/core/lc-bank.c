/* lc-bank.c: categories, questions with immutable versions, validation and search. */
#define G_LOG_DOMAIN "lc-bank"

#include "config.h"

#include <string.h>

#include "lc-auth.h"
#include "lc-bank-private.h"
#include "lc-bank.h"
#include "lc-i18n.h"
#include "lc-law.h"

G_DEFINE_QUARK (lc_bank_error_quark, lc_bank_error)

#define MAX_UID_CHARS 64

static const char *const type_names[] = { "single", "multiple", "truefalse", "fill", "essay" };
static const char *const status_names[] = { "draft", "active", "retired" };

const char *
lc_question_type_to_string (LcQuestionType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_names), NULL);
  return type_names[type];
}

gboolean
lc_question_type_from_string (const char *text, LcQuestionType *type)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (type_names); i++)
    if (strcmp (text, type_names[i]) == 0)
      {
        *type = (LcQuestionType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lc_question_type_display_name (LcQuestionType type)
{
  switch (type)
    {
    case LC_QUESTION_SINGLE:
      /* Translators: 单选题 */
      return _ ("Single choice");
    case LC_QUESTION_MULTIPLE:
      /* Translators: 多选题 */
      return _ ("Multiple choice");
    case LC_QUESTION_TRUEFALSE:
      /* Translators: 判断题 */
      return _ ("True or false");
    case LC_QUESTION_FILL:
      /* Translators: 填空题 */
      return _ ("Fill in the blank");
    case LC_QUESTION_ESSAY:
      /* Translators: 案例分析题 */
      return _ ("Case analysis");
    }
  g_return_val_if_reached (NULL);
}

const char *
lc_question_status_to_string (LcQuestionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
lc_question_status_from_string (const char *text, LcQuestionStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (text, status_names[i]) == 0)
      {
        *status = (LcQuestionStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lc_question_status_display_name (LcQuestionStatus status)
{
  switch (status)
    {
    case LC_QUESTION_DRAFT:
      return _ ("Draft");
    case LC_QUESTION_ACTIVE:
      return _ ("Active");
    case LC_QUESTION_RETIRED:
      return _ ("Retired");
    }
  g_return_val_if_reached (NULL);
}

/* Questions in memory ------------------------------------------------- */

static void
option_free (LcQuestionOption *option)
{
  if (option == NULL)
    return;
  g_free (option->text);
  g_free (option->feedback);
  g_free (option);
}

LcQuestion *
lc_question_new (LcQuestionType type)
{
  LcQuestion *q = g_new0 (LcQuestion, 1);

  q->type = type;
  q->difficulty = 3;
  q->status = LC_QUESTION_DRAFT;
  q->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  return q;
}

void
lc_question_free (LcQuestion *q)
{
  if (q == NULL)
    return;
  g_free (q->uid);
  g_free (q->category);
  g_free (q->name);
  g_free (q->format);
  g_free (q->stem);
  g_free (q->explanation);
  g_free (q->model_answer);
  g_free (q->basis_ref);
  g_free (q->author_name);
  g_free (q->basis_label);
  g_free (q->basis_text);
  g_clear_pointer (&q->options, g_ptr_array_unref);
  g_free (q);
}

LcQuestionOption *
lc_question_add_option (LcQuestion *q, const char *text, gboolean correct)
{
  LcQuestionOption *o = g_new0 (LcQuestionOption, 1);

  g_return_val_if_fail (q != NULL, NULL);
  o->text = g_strdup (text);
  o->correct = correct;
  o->weight = correct ? 10000 : 0;
  g_ptr_array_add (q->options, o);
  return o;
}

void
lc_question_set_truefalse (LcQuestion *q, gboolean answer)
{
  g_return_if_fail (q != NULL);
  g_ptr_array_set_size (q->options, 0);
  lc_question_add_option (q, "T", answer);
  lc_question_add_option (q, "F", !answer);
}

static gboolean
empty (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static const char *
format_or_default (const char *format)
{
  return format != NULL ? format : "moodle";
}

gboolean
lc_question_same_content (const LcQuestion *a, const LcQuestion *b)
{
  if (a->type != b->type || a->difficulty != b->difficulty || g_strcmp0 (a->name, b->name) != 0
      || strcmp (format_or_default (a->format), format_or_default (b->format)) != 0 || g_strcmp0 (a->stem, b->stem) != 0
      || g_strcmp0 (a->explanation, b->explanation) != 0 || g_strcmp0 (a->model_answer, b->model_answer) != 0
      || g_strcmp0 (a->basis_ref, b->basis_ref) != 0 || a->options->len != b->options->len)
    return FALSE;
  for (guint i = 0; i < a->options->len; i++)
    {
      const LcQuestionOption *oa = g_ptr_array_index (a->options, i);
      const LcQuestionOption *ob = g_ptr_array_index (b->options, i);

      if (g_strcmp0 (oa->text, ob->text) != 0 || !oa->correct != !ob->correct || oa->weight != ob->weight
          || !oa->pinned != !ob->pinned || g_strcmp0 (oa->feedback, ob->feedback) != 0)
        return FALSE;
    }
  return TRUE;
}

static guint
count_correct (const LcQuestion *q)
{
  guint n = 0;

  for (guint i = 0; i < q->options->len; i++)
    n += ((LcQuestionOption *) g_ptr_array_index (q->options, i))->correct ? 1 : 0;
  return n;
}

void
lc_question_share_weights (LcQuestion *question)
{
  guint n_correct = count_correct (question), seen = 0;

  for (guint i = 0; i < question->options->len; i++)
    {
      LcQuestionOption *option = g_ptr_array_index (question->options, i);

      if (!option->correct)
        continue;
      seen++;
      if (question->type != LC_QUESTION_MULTIPLE)
        option->weight = 10000;
      else
        option->weight =
            seen < n_correct ? (int) (10000 / n_correct) : (int) (10000 - (n_correct - 1) * (10000 / n_correct));
    }
}

gboolean
lc_bank_validate_category (const char *path, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (path != NULL ? path : "", "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strstrip (parts[i])[0] == '\0')
      {
        g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_CATEGORY,
                     _ ("The category “%s” has an empty part; write it as names joined by “/”."), path);
        return FALSE;
      }
  if (parts[0] == NULL)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_CATEGORY, _ ("The category is empty."));
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_question_validate (const LcQuestion *q, GError **error)
{
  guint n_correct;

  g_return_val_if_fail (q != NULL, FALSE);
  if ((guint) q->type >= G_N_ELEMENTS (type_names))
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_NO_OPTIONS, _ ("The question has no valid type."));
      return FALSE;
    }
  if (empty (q->stem))
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_EMPTY_STEM, _ ("The question has no text."));
      return FALSE;
    }
  if (q->category != NULL && !lc_bank_validate_category (q->category, error))
    return FALSE;
  if (q->difficulty < 1 || q->difficulty > 5)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_DIFFICULTY,
                   _ ("The difficulty must be a whole number from 1 to 5, not %d."), q->difficulty);
      return FALSE;
    }
  if (q->format != NULL && strcmp (q->format, "moodle") != 0 && strcmp (q->format, "html") != 0
      && strcmp (q->format, "markdown") != 0 && strcmp (q->format, "plain") != 0)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_EMPTY_STEM,
                   _ ("The text format “%s” is not moodle, html, markdown or plain."), q->format);
      return FALSE;
    }
  if (q->uid != NULL
      && (q->uid[0] == '\0' || g_utf8_strlen (q->uid, -1) > MAX_UID_CHARS || strpbrk (q->uid, " \t\r\n") != NULL))
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UID,
                   _ ("The uid “%s” must be 1 to %d characters without spaces."), q->uid, MAX_UID_CHARS);
      return FALSE;
    }
  if (q->type == LC_QUESTION_ESSAY)
    {
      if (q->options->len > 0)
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_ESSAY_OPTIONS,
                       _ ("A case-analysis question has no options; give a model answer instead."));
          return FALSE;
        }
      return TRUE;
    }
  if (q->type == LC_QUESTION_TRUEFALSE)
    {
      const LcQuestionOption *t = q->options->len == 2 ? g_ptr_array_index (q->options, 0) : NULL;
      const LcQuestionOption *f = q->options->len == 2 ? g_ptr_array_index (q->options, 1) : NULL;

      if (t == NULL || g_strcmp0 (t->text, "T") != 0 || g_strcmp0 (f->text, "F") != 0 || !t->correct == !f->correct)
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_TRUEFALSE_OPTIONS,
                       _ ("A true-or-false question has exactly the answers “T” and “F”, one of them right."));
          return FALSE;
        }
      return TRUE;
    }
  if (q->options->len < (q->type == LC_QUESTION_FILL ? 1u : 2u))
    {
      if (q->type == LC_QUESTION_FILL)
        g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_NO_OPTIONS,
                     _ ("A fill-in question needs at least one accepted answer."));
      else
        g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_NO_OPTIONS,
                     _ ("A choice question needs at least two options, it has %u."), q->options->len);
      return FALSE;
    }
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *o = g_ptr_array_index (q->options, i);

      if (empty (o->text))
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_EMPTY_OPTION, _ ("Option %u is empty."), i + 1);
          return FALSE;
        }
      if (o->weight < -10000 || o->weight > 10000)
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_WEIGHT,
                       _ ("The weight of option %u is outside −100%% to 100%%."), i + 1);
          return FALSE;
        }
      if (q->type == LC_QUESTION_MULTIPLE && (o->correct ? o->weight <= 0 : o->weight > 0))
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_WEIGHT,
                       _ ("In a multiple-choice question the right options carry a positive weight and the others "
                          "none; option %u does not."),
                       i + 1);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (o->text, ((LcQuestionOption *) g_ptr_array_index (q->options, j))->text) == 0)
          {
            g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_DUPLICATE_OPTION,
                         _ ("Options %u and %u are the same: “%s”."), j + 1, i + 1, o->text);
            return FALSE;
          }
    }
  n_correct = count_correct (q);
  if (q->type == LC_QUESTION_SINGLE && n_correct != 1)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_SINGLE_NOT_ONE,
                   _ ("A single-choice question has exactly one right option, this one has %u."), n_correct);
      return FALSE;
    }
  if (q->type == LC_QUESTION_MULTIPLE && n_correct < 2)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_MULTIPLE_TOO_FEW,
                   _ ("A multiple-choice question has at least two right options, this one has %u."), n_correct);
      return FALSE;
    }
  return TRUE;
}

/* Permissions --------------------------------------------------------- */

gboolean
_lc_bank_require_read (LcSession *session, GError **error)
{
  /* Every question carries its answer key: officers, who sit the exams, read none. */
  if (lc_session_get_role (session) != LC_ROLE_OFFICER)
    return TRUE;
  g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
               _ ("The account “%s” may not read the question bank."), lc_session_get_login (session));
  return FALSE;
}

/* Categories ---------------------------------------------------------- */

void
lc_category_free (LcCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category->path);
  g_free (category);
}

gboolean
_lc_bank_ensure_category (LcDb *db, const char *path, gint64 *id, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (path != NULL ? path : "", "/", -1);
  g_autoptr (GString) prefix = g_string_new (NULL);
  gint64 parent = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));
      gboolean found = FALSE;
      gint64 found_id = 0;

      if (name[0] == '\0')
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_CATEGORY,
                       _ ("The category “%s” has an empty part; write it as names joined by “/”."), path);
          return FALSE;
        }
      if (i > 0)
        g_string_append_c (prefix, '/');
      g_string_append (prefix, name);
      if (!lc_db_lookup (db, "SELECT id FROM category WHERE path = ?", prefix->str, 0, &found, &found_id, error))
        return FALSE;
      if (!found)
        {
          g_autoptr (LcStmt) stmt =
              lc_db_prepare (db, "INSERT INTO category (parent_id, name, path) VALUES (?, ?, ?)", error);

          if (stmt == NULL)
            return FALSE;
          lc_stmt_bind_id (stmt, 1, parent);
          lc_stmt_bind_text (stmt, 2, name);
          lc_stmt_bind_text (stmt, 3, prefix->str);
          if (!lc_db_step_done (db, stmt, error))
            return FALSE;
          found_id = lc_db_last_insert_id (db);
        }
      parent = found_id;
    }
  if (parent == 0)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_CATEGORY, _ ("The category is empty."));
      return FALSE;
    }
  *id = parent;
  return TRUE;
}

gboolean
lc_bank_ensure_category (LcSession *session, const char *path, gint64 *id, GError **error)
{
  LcDb *db;
  gint64 new_id = 0;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!_lc_bank_ensure_category (db, path, &new_id, error) || !lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

static gpointer
read_category (LcStmt *stmt)
{
  LcCategory *c = g_new0 (LcCategory, 1);
  const char *p;

  c->id = lc_stmt_int (stmt, 0);
  c->parent_id = lc_stmt_int (stmt, 1);
  c->name = lc_stmt_dup_text (stmt, 2);
  c->path = lc_stmt_dup_text (stmt, 3);
  c->n_questions = (guint) lc_stmt_int (stmt, 4);
  for (p = c->path; (p = strchr (p, '/')) != NULL; p++)
    c->depth++;
  return c;
}

/* The number of a part named like a statute's divisions, "第十二章 …" → 12,
 * or -1: such names sort by their number, not by their characters. */
static int
ordinal (const char *name)
{
  const char *start, *end;
  int value = -1;

  if (!g_str_has_prefix (name, "第"))
    return -1;
  start = end = name + strlen ("第");
  while (*end != '\0' && g_utf8_strchr ("零〇一二三四五六七八九十百千两", -1, g_utf8_get_char (end)) != NULL)
    end = g_utf8_next_char (end);
  if (end == start || !lc_chinese_numeral_parse (start, end - start, &value))
    return -1;
  return value;
}

static int
compare_names (const char *a, const char *b)
{
  int na = ordinal (a), nb = ordinal (b);

  if (na >= 0 && nb >= 0 && na != nb)
    return na < nb ? -1 : 1;
  return strcmp (a, b);
}

/* Part by part, so that a parent comes right before its children, and
 * chapters in their order: 第二章 before 第十章. */
static int
compare_tree_order (gconstpointer a, gconstpointer b)
{
  g_auto (GStrv) pa = g_strsplit ((*(LcCategory *const *) a)->path, "/", -1);
  g_auto (GStrv) pb = g_strsplit ((*(LcCategory *const *) b)->path, "/", -1);
  guint i;

  for (i = 0; pa[i] != NULL && pb[i] != NULL; i++)
    {
      int order = compare_names (pa[i], pb[i]);

      if (order != 0)
        return order;
    }
  return pa[i] == NULL ? (pb[i] == NULL ? 0 : -1) : 1;
}

GPtrArray *
lc_bank_list_categories (LcSession *session, GError **error)
{
  static const char *const sql = "SELECT c.id, coalesce(c.parent_id, 0), c.name, c.path, "
                                 "(SELECT count(*) FROM question q WHERE q.category_id = c.id) FROM category c";
  g_autoptr (LcStmt) stmt = NULL;
  GPtrArray *categories;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!_lc_bank_require_read (session, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  categories = lc_db_collect (db, stmt, read_category, (GDestroyNotify) lc_category_free, error);
  if (categories != NULL)
    g_ptr_array_sort (categories, compare_tree_order);
  return categories;
}

/* Reading ------------------------------------------------------------- */

#define VERSION_COLUMNS                                                                                                \
  "v.id, v.no, v.type, v.name, v.format, v.stem, v.explanation, v.model_answer, v.difficulty, v.basis_ref, "           \
  "coalesce(v.basis_article_id, 0), coalesce(v.author_user_id, 0), v.created_at, q.id, q.uid, c.path, q.status, "      \
  "q.updated_at, u.login, o.name "
/* The author's login and, for a user linked to an officer, the officer's name. */
#define AUTHOR_JOIN "LEFT JOIN app_user u ON u.id = v.author_user_id LEFT JOIN officer o ON o.id = u.officer_id "
#define VERSION_FROM                                                                                                   \
  "FROM question q JOIN question_version v ON v.question_id = q.id LEFT JOIN category c ON c.id = "                    \
  "q.category_id " AUTHOR_JOIN

static gpointer
read_version (LcStmt *stmt)
{
  g_autofree char *type = lc_stmt_dup_text (stmt, 2);
  g_autofree char *status = lc_stmt_dup_text (stmt, 16);
  LcQuestionType t = LC_QUESTION_SINGLE;
  LcQuestion *q;

  lc_question_type_from_string (type, &t);
  q = lc_question_new (t);
  q->version_id = lc_stmt_int (stmt, 0);
  q->version_no = (int) lc_stmt_int (stmt, 1);
  q->name = lc_stmt_dup_text_or_null (stmt, 3);
  q->format = lc_stmt_dup_text_or_null (stmt, 4);
  q->stem = lc_stmt_dup_text (stmt, 5);
  q->explanation = lc_stmt_dup_text_or_null (stmt, 6);
  q->model_answer = lc_stmt_dup_text_or_null (stmt, 7);
  q->difficulty = (int) lc_stmt_int (stmt, 8);
  q->basis_ref = lc_stmt_dup_text_or_null (stmt, 9);
  q->basis_article_id = lc_stmt_int (stmt, 10);
  q->author_user_id = lc_stmt_int (stmt, 11);
  q->created_at = lc_stmt_int (stmt, 12);
  q->id = lc_stmt_int (stmt, 13);
  q->uid = lc_stmt_dup_text (stmt, 14);
  q->category = lc_stmt_dup_text_or_null (stmt, 15);
  lc_question_status_from_string (status, &q->status);
  q->updated_at = lc_stmt_int (stmt, 17);
  if (q->author_user_id == 0)
    q->author_name = g_strdup (_ ("the program"));
  else
    {
      g_autofree char *login = lc_stmt_dup_text_or_null (stmt, 18);
      g_autofree char *officer = lc_stmt_dup_text_or_null (stmt, 19);

      if (login == NULL)
        q->author_name = g_strdup_printf (_ ("user %lld"), (long long) q->author_user_id);
      else if (officer != NULL)
        /* Translators: a question version's author: an officer's name and the login, “张伟 (zhangwei)” */
        q->author_name = g_strdup_printf (_ ("%s (%s)"), officer, login);
      else
        q->author_name = g_steal_pointer (&login);
    }
  return q;
}

static gpointer
read_option (LcStmt *stmt)
{
  LcQuestionOption *o = g_new0 (LcQuestionOption, 1);

  o->text = lc_stmt_dup_text (stmt, 0);
  o->correct = lc_stmt_int (stmt, 1) != 0;
  o->weight = (int) lc_stmt_int (stmt, 2);
  o->pinned = lc_stmt_int (stmt, 3) != 0;
  o->feedback = lc_stmt_dup_text_or_null (stmt, 4);
  return o;
}

gboolean
_lc_bank_load_options (LcDb *db, LcQuestion *q, GError **error)
{
  g_autoptr (LcStmt) stmt = NULL;
  GPtrArray *options;

  stmt = lc_db_prepare (
      db, "SELECT text, correct, weight, pinned, feedback FROM option WHERE version_id = ? ORDER BY pos", error);
  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, q->version_id);
  if ((options = lc_db_collect (db, stmt, read_option, (GDestroyNotify) option_free, error)) == NULL)
    return FALSE;
  g_ptr_array_unref (q->options);
  q->options = options;
  return TRUE;
}

/* The version @no of @uid (0: the current one), with its options; NULL with
 * *found FALSE (and no error) when there is none. */
LcQuestion *
_lc_bank_load (LcDb *db, const char *uid, int no, GError **error)
{
  static const char *const current_sql =
      "SELECT " VERSION_COLUMNS VERSION_FROM "WHERE q.uid = ?1 AND v.id = q.current_version_id";
  static const char *const numbered_sql = "SELECT " VERSION_COLUMNS VERSION_FROM "WHERE q.uid = ?1 AND v.no = ?2";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, no == 0 ? current_sql : numbered_sql, error);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (LcQuestion) q = NULL;

  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, uid);
  if (no != 0)
    lc_stmt_bind_int (stmt, 2, no);
  if ((rows = lc_db_collect (db, stmt, read_version, (GDestroyNotify) lc_question_free, error)) == NULL)
    return NULL;
  lc_db_release (g_steal_pointer (&stmt));
  if (rows->len == 0)
    {
      if (no == 0)
        g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("There is no question “%s”."), uid);
      else
        g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("The question “%s” has no version %d."),
                     uid, no);
      return NULL;
    }
  q = g_ptr_array_steal_index (rows, 0);
  if (!_lc_bank_load_options (db, q, error))
    return NULL;
  return g_steal_pointer (&q);
}

static LcQuestion *
get_with_basis (LcSession *session, const char *uid, int no, GError **error)
{
  g_autoptr (LcQuestion) q = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  if (!_lc_bank_require_read (session, error))
    return NULL;
  if ((q = _lc_bank_load (lc_session_get_db (session), uid, no, error)) == NULL)
    return NULL;
  if (q->basis_ref != NULL)
    {
      g_autoptr (GError) law_error = NULL;
      g_autoptr (LcArticle) article = lc_law_find_article (session, q->basis_ref, &law_error);

      /* A basis that no longer resolves still shows the question: the citation itself says what it meant. */
      if (article != NULL)
        {
          g_autoptr (LcLawVersion) version = lc_law_get_version_by_id (session, article->law_version_id, NULL);

          q->basis_label = g_strdup_printf ("%s %s", version != NULL ? version->title : "", article->label);
          q->basis_text = g_strdup (article->text);
        }
    }
  return g_steal_pointer (&q);
}

LcQuestion *
lc_bank_get_question (LcSession *session, const char *uid, GError **error)
{
  return get_with_basis (session, uid, 0, error);
}

LcQuestion *
lc_bank_get_version (LcSession *session, const char *uid, int no, GError **error)
{
  g_return_val_if_fail (no > 0, NULL);
  return get_with_basis (session, uid, no, error);
}

GPtrArray *
lc_bank_list_versions (LcSession *session, const char *uid, GError **error)
{
  static const char *const sql = "SELECT " VERSION_COLUMNS VERSION_FROM "WHERE q.uid = ? ORDER BY v.no";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  if (!_lc_bank_require_read (session, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, uid);
  if ((rows = lc_db_collect (db, stmt, read_version, (GDestroyNotify) lc_question_free, error)) == NULL)
    return NULL;
  lc_db_release (g_steal_pointer (&stmt));
  if (rows->len == 0)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("There is no question “%s”."), uid);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    if (!_lc_bank_load_options (db, g_ptr_array_index (rows, i), error))
      return NULL;
  return g_steal_pointer (&rows);
}

/* Writing ------------------------------------------------------------- */

gboolean
_lc_bank_resolve_basis (LcSession *session, const char *reference, gint64 *article_id, GError **error)
{
  g_autoptr (LcArticle) article = NULL;

  *article_id = 0;
  if (reference == NULL)
    return TRUE;
  if ((article = lc_law_find_article (session, reference, error)) == NULL)
    return FALSE;
  *article_id = article->id;
  return TRUE;
}

static gboolean
refresh_search_text (LcDb *db, gint64 question_id, const LcQuestion *q, GError **error)
{
  g_autoptr (GString) content = g_string_new (q->stem);
  g_autoptr (LcStmt) stmt = NULL;

  for (guint i = 0; i < q->options->len; i++)
    {
      g_string_append_c (content, '\n');
      g_string_append (content, ((LcQuestionOption *) g_ptr_array_index (q->options, i))->text);
    }
  if (q->explanation != NULL)
    g_string_append_printf (content, "\n%s", q->explanation);
  if (q->model_answer != NULL)
    g_string_append_printf (content, "\n%s", q->model_answer);
  if ((stmt = lc_db_prepare (db, "DELETE FROM question_fts WHERE rowid = ?", error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, question_id);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  if ((stmt = lc_db_prepare (db, "INSERT INTO question_fts (rowid, content) VALUES (?, ?)", error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, question_id);
  lc_stmt_bind_text (stmt, 2, content->str);
  return lc_db_step_done (db, stmt, error);
}

/* Adds version @no of the question @question_id and makes it current. */
gboolean
_lc_bank_store_version (LcDb *db, gint64 question_id, int no, const LcQuestion *q, gint64 basis_article_id,
                        gint64 author_user_id, GError **error)
{
  static const char *const insert_sql =
      "INSERT INTO question_version (question_id, no, type, name, format, stem, explanation, model_answer, "
      "difficulty, basis_article_id, basis_ref, author_user_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char *const option_sql =
      "INSERT INTO option (version_id, pos, text, correct, weight, pinned, feedback) VALUES (?, ?, ?, ?, ?, ?, ?)";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, insert_sql, error);
  gint64 now = lc_db_now (db);
  gint64 version_id;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, question_id);
  lc_stmt_bind_int (stmt, 2, no);
  lc_stmt_bind_text (stmt, 3, type_names[q->type]);
  lc_stmt_bind_text (stmt, 4, q->name);
  lc_stmt_bind_text (stmt, 5, format_or_default (q->format));
  lc_stmt_bind_text (stmt, 6, q->stem);
  lc_stmt_bind_text (stmt, 7, q->explanation);
  lc_stmt_bind_text (stmt, 8, q->model_answer);
  lc_stmt_bind_int (stmt, 9, q->difficulty);
  lc_stmt_bind_id (stmt, 10, basis_article_id);
  lc_stmt_bind_text (stmt, 11, q->basis_ref);
  lc_stmt_bind_id (stmt, 12, author_user_id);
  lc_stmt_bind_int (stmt, 13, now);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  version_id = lc_db_last_insert_id (db);
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *o = g_ptr_array_index (q->options, i);

      if ((stmt = lc_db_prepare (db, option_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, version_id);
      lc_stmt_bind_int (stmt, 2, i);
      lc_stmt_bind_text (stmt, 3, o->text);
      /* Every answer of a fill-in question is an accepted one. */
      lc_stmt_bind_int (stmt, 4, o->correct || q->type == LC_QUESTION_FILL);
      lc_stmt_bind_int (stmt, 5, o->weight);
      lc_stmt_bind_int (stmt, 6, o->pinned);
      lc_stmt_bind_text (stmt, 7, o->feedback);
      if (!lc_db_step_done (db, stmt, error))
        return FALSE;
      lc_db_release (g_steal_pointer (&stmt));
    }
  /* The type and difficulty copied onto the question let assembly read its
   * candidates from one index (0007-assembly.sql). A first version's went in
   * with the question row: setting them again would rewrite its index entry
   * for nothing, which a 50,000-question import feels. */
  if (no == 1)
    stmt = lc_db_prepare (db, "UPDATE question SET current_version_id = ?3, updated_at = ?4 WHERE id = ?5", error);
  else
    stmt = lc_db_prepare (
        db, "UPDATE question SET current_version_id = ?3, type = ?1, difficulty = ?2, updated_at = ?4 WHERE id = ?5",
        error);
  if (stmt == NULL)
    return FALSE;
  if (no != 1)
    {
      lc_stmt_bind_text (stmt, 1, type_names[q->type]);
      lc_stmt_bind_int (stmt, 2, q->difficulty);
    }
  lc_stmt_bind_int (stmt, 3, version_id);
  lc_stmt_bind_int (stmt, 4, now);
  lc_stmt_bind_int (stmt, 5, question_id);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  return refresh_search_text (db, question_id, q, error);
}

char *
_lc_bank_random_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uuid, -1);

  return g_strdup_printf ("q-%.16s", hex);
}

/* Inserts the question row and its first version; the caller validated it. */
gboolean
_lc_bank_insert (LcDb *db, const LcQuestion *q, const char *uid, gint64 basis_article_id, gint64 author_user_id,
                 GError **error)
{
  g_autoptr (LcStmt) stmt = NULL;
  gint64 category_id = 0;
  gint64 now = lc_db_now (db);
  gboolean found = FALSE;

  if (!lc_db_lookup (db, "SELECT id FROM question WHERE uid = ?", uid, 0, &found, NULL, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_DUPLICATE_UID, _ ("Another question has the uid “%s”."), uid);
      return FALSE;
    }
  if (q->category != NULL && !_lc_bank_ensure_category (db, q->category, &category_id, error))
    return FALSE;
  stmt = lc_db_prepare (db,
                        "INSERT INTO question (uid, category_id, status, type, difficulty, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, uid);
  lc_stmt_bind_id (stmt, 2, category_id);
  lc_stmt_bind_text (stmt, 3, status_names[q->status]);
  lc_stmt_bind_text (stmt, 4, type_names[q->type]);
  lc_stmt_bind_int (stmt, 5, q->difficulty);
  lc_stmt_bind_int (stmt, 6, now);
  lc_stmt_bind_int (stmt, 7, now);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  lc_db_release (g_steal_pointer (&stmt));
  return _lc_bank_store_version (db, lc_db_last_insert_id (db), 1, q, basis_article_id, author_user_id, error);
}

gboolean
lc_bank_add_question (LcSession *session, const LcQuestion *q, char **uid, GError **error)
{
  g_autofree char *new_uid = NULL;
  gint64 article_id = 0;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (q != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error) || !lc_question_validate (q, error)
      || !_lc_bank_resolve_basis (session, q->basis_ref, &article_id, error))
    return FALSE;
  g_return_val_if_fail ((guint) q->status < G_N_ELEMENTS (status_names), FALSE);
  new_uid = q->uid != NULL ? g_strdup (q->uid) : _lc_bank_random_uid ();
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!_lc_bank_insert (db, q, new_uid, article_id, lc_session_get_user_id (session), error)
      || !lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  if (uid != NULL)
    *uid = g_steal_pointer (&new_uid);
  return TRUE;
}

/* Adds @q as the next version of @current's question when its content differs. */
gboolean
_lc_bank_update (LcDb *db, const LcQuestion *current, const LcQuestion *q, gint64 basis_article_id,
                 gint64 author_user_id, gboolean *new_version, GError **error)
{
  *new_version = FALSE;
  if (lc_question_same_content (current, q))
    return TRUE;
  *new_version = TRUE;
  return _lc_bank_store_version (db, current->id, current->version_no + 1, q, basis_article_id, author_user_id, error);
}

gboolean
lc_bank_edit_question (LcSession *session, const char *uid, const LcQuestion *q, gboolean *new_version, GError **error)
{
  g_autoptr (LcQuestion) current = NULL;
  gint64 article_id = 0;
  gboolean made = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (uid != NULL && q != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error) || !lc_question_validate (q, error)
      || !_lc_bank_resolve_basis (session, q->basis_ref, &article_id, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if ((current = _lc_bank_load (db, uid, 0, error)) == NULL
      || !_lc_bank_update (db, current, q, article_id, lc_session_get_user_id (session), &made, error)
      || !lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  if (new_version != NULL)
    *new_version = made;
  return TRUE;
}

gboolean
lc_bank_set_status (LcSession *session, const char *uid, LcQuestionStatus status, GError **error)
{
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (uid != NULL && (guint) status < G_N_ELEMENTS (status_names), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error))
    return FALSE;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, "UPDATE question SET status = ?, updated_at = ? WHERE uid = ?", error)) == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, status_names[status]);
  lc_stmt_bind_int (stmt, 2, lc_db_now (db));
  lc_stmt_bind_text (stmt, 3, uid);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (lc_db_changes (db) == 0)
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("There is no question “%s”."), uid);
      return FALSE;
    }
  return TRUE;
}

/* Search -------------------------------------------------------------- */

void
lc_bank_filter_init (LcBankFilter *filter)
{
  *filter = (LcBankFilter){ .type = -1, .status = -1 };
}

/* The trigram tokenizer matches three characters or more; a Chinese word is
 * often two, so shorter queries scan the same texts with LIKE. */
static gboolean
text_uses_trigrams (const char *text)
{
  return g_utf8_strlen (text, -1) >= 3;
}

static gboolean
filter_has_text (const LcBankFilter *f)
{
  return f->text != NULL && !empty (f->text);
}

/* FROM and WHERE with only the conditions the filter sets, so that the
 * planner can let the full-text hits drive the query (a condition written
 * "?1 IS NULL OR …" makes it scan every question). The parameters keep their
 * numbers (see bind_filter()). The text is interned: lc_db_prepare() keeps
 * statements by the address of their SQL, and there are few variants. */
static const char *
search_sql (const char *select, const LcBankFilter *f, const char *tail)
{
  g_autoptr (GString) sql = g_string_new (select);

  g_string_append (sql, " FROM question q JOIN question_version v ON v.id = q.current_version_id "
                        "LEFT JOIN category c ON c.id = q.category_id WHERE 1 = 1 ");
  if (filter_has_text (f))
    {
      g_autofree char *text = g_strstrip (g_strdup (f->text));

      g_string_append (sql, text_uses_trigrams (text)
                                ? "AND q.id IN (SELECT rowid FROM question_fts WHERE question_fts MATCH ?1) "
                                : "AND q.id IN (SELECT rowid FROM question_fts WHERE content LIKE ?2 ESCAPE '\\') ");
    }
  if (f->type >= 0)
    g_string_append (sql, "AND v.type = ?3 ");
  if (f->difficulty > 0)
    g_string_append (sql, "AND v.difficulty = ?4 ");
  if (f->status >= 0)
    g_string_append (sql, "AND q.status = ?5 ");
  if (f->law_slug != NULL)
    g_string_append (sql, "AND EXISTS (SELECT 1 FROM article a JOIN law_version lv ON lv.id = a.law_version_id "
                          "JOIN law l ON l.id = lv.law_id WHERE a.id = v.basis_article_id AND l.slug = ?6) ");
  if (f->category != NULL)
    g_string_append (sql, "AND (c.path = ?7 OR c.path LIKE ?8 ESCAPE '\\') ");
  g_string_append (sql, tail);
  return g_intern_string (sql->str);
}

static char *
like_escape (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
bind_filter (LcStmt *stmt, const LcBankFilter *f, GError **error)
{
  if (filter_has_text (f))
    {
      g_autofree char *text = g_strstrip (g_strdup (f->text));

      if (text_uses_trigrams (text))
        {
          g_auto (GStrv) parts = g_strsplit (text, "\"", -1);
          g_autofree char *joined = g_strjoinv ("\"\"", parts);
          g_autofree char *phrase = g_strdup_printf ("\"%s\"", joined);

          lc_stmt_bind_text (stmt, 1, phrase);
        }
      else
        {
          g_autofree char *escaped = like_escape (text);
          g_autofree char *pattern = g_strdup_printf ("%%%s%%", escaped);

          lc_stmt_bind_text (stmt, 2, pattern);
        }
    }
  if (f->type >= 0)
    lc_stmt_bind_text (stmt, 3, lc_question_type_to_string ((LcQuestionType) f->type));
  if (f->difficulty > 0)
    lc_stmt_bind_int (stmt, 4, f->difficulty);
  if (f->status >= 0)
    lc_stmt_bind_text (stmt, 5, lc_question_status_to_string ((LcQuestionStatus) f->status));
  if (f->law_slug != NULL)
    lc_stmt_bind_text (stmt, 6, f->law_slug);
  if (f->category != NULL)
    {
      g_autofree char *escaped = like_escape (f->category);
      g_autofree char *pattern = g_strdup_printf ("%s/%%", escaped);

      lc_stmt_bind_text (stmt, 7, f->category);
      lc_stmt_bind_text (stmt, 8, pattern);
    }
  if ((f->type >= 0 && f->type >= (int) G_N_ELEMENTS (type_names))
      || (f->status >= 0 && f->status >= (int) G_N_ELEMENTS (status_names)))
    {
      g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("The search filter is not valid."));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
lc_bank_search (LcSession *session, const LcBankFilter *filter, GError **error)
{
  const char *sql;
  LcBankFilter any;
  g_autoptr (LcStmt) stmt = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (filter == NULL)
    {
      lc_bank_filter_init (&any);
      filter = &any;
    }
  if (!_lc_bank_require_read (session, error))
    return NULL;
  /* The hits are ordered and cut to the limit on their ids alone; only the
   * page kept is read whole, with its authors: a common word matches
   * thousands of questions. */
  sql = search_sql ("SELECT " VERSION_COLUMNS "FROM (SELECT q.id AS hit_id, coalesce(c.path, '') AS hit_path", filter,
                    "ORDER BY hit_path, q.id LIMIT ?9) hit JOIN question q ON q.id = hit.hit_id "
                    "JOIN question_version v ON v.id = q.current_version_id "
                    "LEFT JOIN category c ON c.id = q.category_id " AUTHOR_JOIN "ORDER BY hit.hit_path, q.id");
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL || !bind_filter (stmt, filter, error))
    return NULL;
  lc_stmt_bind_int (stmt, 9, filter->limit > 0 ? (gint64) filter->limit : G_MAXINT64);
  return lc_db_collect (db, stmt, read_version, (GDestroyNotify) lc_question_free, error);
}

gboolean
lc_bank_count (LcSession *session, const LcBankFilter *filter, guint *count, GError **error)
{
  const char *sql;
  LcBankFilter any;
  g_autoptr (LcStmt) stmt = NULL;
  gboolean has_row = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  if (filter == NULL)
    {
      lc_bank_filter_init (&any);
      filter = &any;
    }
  if (!_lc_bank_require_read (session, error))
    return FALSE;
  sql = search_sql ("SELECT count(*)", filter, "");
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL || !bind_filter (stmt, filter, error)
      || !lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *count = has_row ? (guint) lc_stmt_int (stmt, 0) : 0;
  return TRUE;
}
