/* lc-exam-assembly.c: drawing a paper from the bank — the seeded generator,
 * the sections' pools, stratified sampling without replacement with the
 * unseen and overlap preferences, and option shuffling. */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-exam-private.h"
#include "lc-i18n.h"

void
_lc_exam_rng_init (LcExamRng *rng, guint64 seed)
{
  rng->state = seed;
}

guint64
_lc_exam_rng_next (LcExamRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

guint64
_lc_exam_rng_below (LcExamRng *rng, guint64 n)
{
  /* Rejecting the values below 2^64 mod n leaves a range that n divides. */
  guint64 threshold = (0 - n) % n;
  guint64 r;

  g_assert (n > 0);
  do
    r = _lc_exam_rng_next (rng);
  while (r < threshold);
  return r % n;
}

guint64
lc_exam_new_seed (void)
{
  guint64 seed = 0;

  /* randombytes_buf reads the kernel's generator (getrandom); sodium_init is
   * idempotent and only picks the implementation. */
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  randombytes_buf (&seed, sizeof seed);
  return seed;
}

void
_lc_drawn_item_free (LcDrawnItem *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->option_order, g_array_unref);
  g_free (item);
}

char *
_lc_exam_join_positions (const GArray *positions)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    g_string_append_printf (out, "%s%d", i > 0 ? "," : "", g_array_index (positions, int, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GArray *
_lc_exam_split_positions (const char *text)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto (GStrv) parts = NULL;

  if (text == NULL || text[0] == '\0')
    return positions;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int pos = (int) g_ascii_strtoll (parts[i], NULL, 10);
      g_array_append_val (positions, pos);
    }
  return positions;
}

/* Pools ----------------------------------------------------------------- */

/* Active current versions of the section's type and difficulty in its
 * category or below, by question id so that the order never depends on a
 * query plan. */
#define POOL_WHERE                                                                                                     \
  "FROM question q JOIN question_version v ON v.id = q.current_version_id "                                            \
  "LEFT JOIN category c ON c.id = q.category_id "                                                                      \
  "WHERE q.status = 'active' AND v.type = ?1 AND v.difficulty BETWEEN ?2 AND ?3 "                                      \
  "AND (?4 IS NULL OR c.path = ?4 OR substr(c.path, 1, length(?4) + 1) = ?4 || '/') "

static void
bind_pool (LcStmt *stmt, const LcExamSection *s)
{
  lc_stmt_bind_text (stmt, 1, lc_question_type_to_string (s->type));
  lc_stmt_bind_int (stmt, 2, s->difficulty_min);
  lc_stmt_bind_int (stmt, 3, s->difficulty_max);
  lc_stmt_bind_text (stmt, 4, s->category);
}

gboolean
_lc_exam_count_pool (LcDb *db, const LcExamSection *section, guint *count, GError **error)
{
  static const char *const sql = "SELECT count(*) " POOL_WHERE;
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  bind_pool (stmt, section);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *count = has_row ? (guint) lc_stmt_int (stmt, 0) : 0;
  return TRUE;
}

typedef struct
{
  gint64 question_id;
  gint64 version_id;
} Candidate;

static gboolean
shortfall (GError **error, const LcExamSection *section, guint available, gboolean after_others)
{
  g_autofree char *label = lc_exam_section_label (section);

  if (after_others)
    g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SHORTFALL,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s needs %u question, but only %u are left in the bank once the other sections "
                              "have drawn theirs.",
                              "%s needs %u questions, but only %u are left in the bank once the other sections "
                              "have drawn theirs.",
                              section->count),
                 label, section->count, available);
  else
    g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SHORTFALL,
                 g_dngettext (GETTEXT_PACKAGE, "%s needs %u question, but the bank has only %u.",
                              "%s needs %u questions, but the bank has only %u.", section->count),
                 label, section->count, available);
  return FALSE;
}

/* History ------------------------------------------------------------- */

/* What earlier papers of the exam say about a candidate. */
typedef struct
{
  GHashTable *seen;   /* question id -> itself: in the officer's earlier attempts */
  GHashTable *papers; /* question id -> GArray of int: indexes of other officers' papers holding it */
  GArray *shared;     /* int per other paper: questions it shares with the paper being drawn */
  int cap;            /* the most a paper may share */
} History;

static void
history_clear (History *h)
{
  g_clear_pointer (&h->seen, g_hash_table_unref);
  g_clear_pointer (&h->papers, g_hash_table_unref);
  g_clear_pointer (&h->shared, g_array_unref);
}

static gboolean
load_history (LcDb *db, const LcExam *exam, gint64 officer_id, gboolean with_history, History *h, GError **error)
{
  static const char *const seen_sql =
      "SELECT DISTINCT v.question_id FROM attempt a JOIN attempt_item i ON i.attempt_id = a.id "
      "JOIN question_version v ON v.id = i.question_version_id WHERE a.exam_id = ? AND a.officer_id = ?";
  static const char *const others_sql =
      "SELECT a.id, v.question_id FROM attempt a JOIN attempt_item i ON i.attempt_id = a.id "
      "JOIN question_version v ON v.id = i.question_version_id WHERE a.exam_id = ? AND a.officer_id <> ? "
      "ORDER BY a.id";
  g_autoptr (LcStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 last_attempt = 0;

  h->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  h->papers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  h->shared = g_array_new (FALSE, TRUE, sizeof (int));
  h->cap = (int) ((gint64) exam->overlap_share * lc_exam_n_questions (exam) / 100);
  if (!with_history || exam->id == 0)
    return TRUE;

  if (officer_id != 0)
    {
      if ((stmt = lc_db_prepare (db, seen_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, exam->id);
      lc_stmt_bind_int (stmt, 2, officer_id);
      for (;;)
        {
          if (!lc_db_step (db, stmt, &has_row, error))
            return FALSE;
          if (!has_row)
            break;
          gint64 *id = g_new (gint64, 1);
          *id = lc_stmt_int (stmt, 0);
          g_hash_table_add (h->seen, id);
        }
      lc_db_release (g_steal_pointer (&stmt));
    }

  if ((stmt = lc_db_prepare (db, others_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, exam->id);
  lc_stmt_bind_int (stmt, 2, officer_id);
  for (;;)
    {
      gint64 attempt_id, question_id;
      GArray *holders;
      int index;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      attempt_id = lc_stmt_int (stmt, 0);
      question_id = lc_stmt_int (stmt, 1);
      if (attempt_id != last_attempt)
        {
          int zero = 0;
          g_array_append_val (h->shared, zero);
          last_attempt = attempt_id;
        }
      index = (int) h->shared->len - 1;
      if ((holders = g_hash_table_lookup (h->papers, &question_id)) == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = question_id;
          holders = g_array_new (FALSE, FALSE, sizeof (int));
          g_hash_table_insert (h->papers, key, holders);
        }
      g_array_append_val (holders, index);
    }
  return TRUE;
}

/* 0 best: unseen and within the overlap cap; 1: unseen, over the cap;
 * 2: seen, within the cap; 3: seen and over it. The officer's own retake
 * matters more than a neighbour's paper. */
static int
tier (const History *h, gint64 question_id)
{
  GArray *holders = g_hash_table_lookup (h->papers, &question_id);
  gboolean over = FALSE;

  for (guint i = 0; holders != NULL && i < holders->len && !over; i++)
    over = g_array_index (h->shared, int, g_array_index (holders, int, i)) >= h->cap;
  return (g_hash_table_contains (h->seen, &question_id) ? 2 : 0) + (over ? 1 : 0);
}

static void
take (History *h, GHashTable *chosen, const Candidate *c, GArray *picked)
{
  GArray *holders = g_hash_table_lookup (h->papers, &c->question_id);
  gint64 *key = g_new (gint64, 1);

  for (guint i = 0; holders != NULL && i < holders->len; i++)
    g_array_index (h->shared, int, g_array_index (holders, int, i))++;
  *key = c->question_id;
  g_hash_table_add (chosen, key);
  g_array_append_val (picked, *c);
}

/* Draws @count of @pool (not already @chosen) into @picked. The pool is
 * visited in a random order (a Fisher–Yates shuffle cut short); the first
 * candidates of the best tier are taken, the others put aside in their
 * tier in the order met, so that each tier is itself sampled uniformly. */
static void
draw_section (LcExamRng *rng, GArray *pool, guint count, History *h, GHashTable *chosen, GArray *picked)
{
  GArray *deferred[4] = { NULL };
  guint n = pool->len;

  for (guint t = 1; t < 4; t++)
    deferred[t] = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < n && picked->len < count; i++)
    {
      guint j = i + (guint) _lc_exam_rng_below (rng, n - i);
      Candidate c = g_array_index (pool, Candidate, j);
      int t;

      g_array_index (pool, Candidate, j) = g_array_index (pool, Candidate, i);
      g_array_index (pool, Candidate, i) = c;
      if (g_hash_table_contains (chosen, &c.question_id))
        continue;
      if ((t = tier (h, c.question_id)) == 0)
        take (h, chosen, &c, picked);
      else
        g_array_append_val (deferred[t], c);
    }
  for (int t = 1; t < 4; t++)
    for (guint k = 0; k < deferred[t]->len && picked->len < count; k++)
      {
        Candidate c = g_array_index (deferred[t], Candidate, k);
        int now = tier (h, c.question_id);

        /* Taking others may have filled a paper's share since: a tier only worsens. */
        if (now > t)
          g_array_append_val (deferred[now], c);
        else
          take (h, chosen, &c, picked);
      }
  for (guint t = 1; t < 4; t++)
    g_array_unref (deferred[t]);
}

typedef struct
{
  guint index; /* in exam->sections */
  GArray *pool;
} SectionPool;

static int
compare_pools (gconstpointer a, gconstpointer b)
{
  const SectionPool *x = a;
  const SectionPool *y = b;

  if (x->pool->len != y->pool->len)
    return x->pool->len < y->pool->len ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
section_pool_clear (SectionPool *sp)
{
  g_clear_pointer (&sp->pool, g_array_unref);
}

/* Whether @path is @category or below it (NULL: the whole bank). */
static gboolean
in_category (const char *path, const char *category)
{
  gsize n;

  if (category == NULL)
    return TRUE;
  if (path == NULL)
    return FALSE;
  n = strlen (category);
  return strncmp (path, category, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Fills every section's pool (SectionPool.pool, in exam order) with one
 * scan of the active bank instead of one per section: the scan, not the
 * matching, is what costs. Each pool is in question id order, as the
 * per-section query gave it, so a seed draws the same paper as before. */
static gboolean
load_pools (LcDb *db, const LcExam *exam, GArray *pools, GError **error)
{
  static const char *const sql = "SELECT q.id, v.id, v.type, v.difficulty, c.path FROM question q "
                                 "JOIN question_version v ON v.id = q.current_version_id "
                                 "LEFT JOIN category c ON c.id = q.category_id "
                                 "WHERE q.status = 'active' ORDER BY q.id";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      Candidate c;
      LcQuestionType type;
      const char *type_text, *path;
      int difficulty;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      type_text = (const char *) sqlite3_column_text (stmt, 2);
      if (type_text == NULL || !lc_question_type_from_string (type_text, &type))
        continue;
      c.question_id = lc_stmt_int (stmt, 0);
      c.version_id = lc_stmt_int (stmt, 1);
      difficulty = (int) lc_stmt_int (stmt, 3);
      path = (const char *) sqlite3_column_text (stmt, 4);
      for (guint i = 0; i < exam->sections->len; i++)
        {
          const LcExamSection *s = g_ptr_array_index (exam->sections, i);

          if (s->type == type && difficulty >= s->difficulty_min && difficulty <= s->difficulty_max
              && in_category (path, s->category))
            g_array_append_val (g_array_index (pools, SectionPool, i).pool, c);
        }
    }
}

/* Shows pinned options last in their stored order, the others shuffled. */
static gboolean
option_order (LcDb *db, LcExamRng *rng, LcDrawnItem *item, GError **error)
{
  /* No key column: assembly never needs to know which option is right. */
  static const char *const sql = "SELECT pos, pinned FROM option WHERE version_id = ? ORDER BY pos";
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) pinned = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean has_row = FALSE;

  item->option_order = g_array_new (FALSE, FALSE, sizeof (int));
  if (item->type == LC_QUESTION_FILL || item->type == LC_QUESTION_ESSAY)
    return TRUE;
  if ((stmt = lc_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, item->version_id);
  for (;;)
    {
      int pos;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      pos = (int) lc_stmt_int (stmt, 0);
      /* True/false reads T, F in every paper. */
      if (lc_stmt_int (stmt, 1) != 0 && item->type != LC_QUESTION_TRUEFALSE)
        g_array_append_val (pinned, pos);
      else
        g_array_append_val (item->option_order, pos);
    }
  if (item->type != LC_QUESTION_TRUEFALSE)
    for (guint i = item->option_order->len; i > 1; i--)
      {
        guint j = (guint) _lc_exam_rng_below (rng, i);
        int swap = g_array_index (item->option_order, int, i - 1);

        g_array_index (item->option_order, int, i - 1) = g_array_index (item->option_order, int, j);
        g_array_index (item->option_order, int, j) = swap;
      }
  g_array_append_vals (item->option_order, pinned->data, pinned->len);
  return TRUE;
}

gboolean
_lc_exam_draw (LcDb *db, const LcExam *exam, gint64 officer_id, guint64 seed, gboolean with_history, GPtrArray **items,
               GError **error)
{
  g_autoptr (GArray) pools = g_array_new (FALSE, TRUE, sizeof (SectionPool));
  g_autoptr (GHashTable) chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) by_section = g_ptr_array_new_full (exam->sections->len, (GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) paper = g_ptr_array_new_with_free_func ((GDestroyNotify) _lc_drawn_item_free);
  History history = { 0 };
  LcExamRng rng;
  gboolean ok = FALSE;

  g_array_set_clear_func (pools, (GDestroyNotify) section_pool_clear);
  _lc_exam_rng_init (&rng, seed);
  for (guint i = 0; i < exam->sections->len; i++)
    {
      SectionPool sp = { .index = i, .pool = g_array_new (FALSE, FALSE, sizeof (Candidate)) };

      g_array_append_val (pools, sp);
      g_ptr_array_add (by_section, g_array_new (FALSE, FALSE, sizeof (Candidate)));
    }
  if (!load_pools (db, exam, pools, error))
    goto out;
  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      const SectionPool *sp = &g_array_index (pools, SectionPool, i);

      if (sp->pool->len < s->count)
        {
          shortfall (error, s, sp->pool->len, FALSE);
          goto out;
        }
    }
  if (!load_history (db, exam, officer_id, with_history, &history, error))
    goto out;
  /* Smallest pool first: with nested or disjoint categories a section that
   * can use anything never takes what a narrower one needs. */
  g_array_sort (pools, compare_pools);
  for (guint k = 0; k < pools->len; k++)
    {
      SectionPool *sp = &g_array_index (pools, SectionPool, k);
      const LcExamSection *s = g_ptr_array_index (exam->sections, sp->index);
      GArray *picked = g_ptr_array_index (by_section, sp->index);

      draw_section (&rng, sp->pool, s->count, &history, chosen, picked);
      if (picked->len < s->count)
        {
          shortfall (error, s, picked->len, TRUE);
          goto out;
        }
    }
  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      GArray *picked = g_ptr_array_index (by_section, i);

      for (guint k = 0; k < picked->len; k++)
        {
          const Candidate *c = &g_array_index (picked, Candidate, k);
          LcDrawnItem *item = g_new0 (LcDrawnItem, 1);

          item->section_pos = (int) i + 1;
          item->question_id = c->question_id;
          item->version_id = c->version_id;
          item->type = s->type;
          item->points = s->points;
          g_ptr_array_add (paper, item);
          if (!option_order (db, &rng, item, error))
            goto out;
        }
    }
  *items = g_steal_pointer (&paper);
  ok = TRUE;

out:
  history_clear (&history);
  return ok;
}

gboolean
_lc_exam_check_bank (LcDb *db, const LcExam *exam, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;

  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      guint n = 0;

      if (!_lc_exam_count_pool (db, s, &n, error))
        return FALSE;
      if (n < s->count)
        return shortfall (error, s, n, FALSE);
    }
  /* Sections alone fit; a draw tells whether sections sharing questions fit together. */
  return _lc_exam_draw (db, exam, 0, 0, FALSE, &items, error);
}

gboolean
lc_exam_assemble (LcSession *session, gint64 exam_id, gint64 officer_id, guint64 seed, LcPaper **paper, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GPtrArray) drawn = NULL;
  g_autoptr (LcPaper) out = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  if ((exam = _lc_exam_load (db, exam_id, error)) == NULL
      || !_lc_exam_draw (db, exam, officer_id, seed, TRUE, &drawn, error))
    return FALSE;
  out = g_new0 (LcPaper, 1);
  out->exam_id = exam_id;
  out->exam_title = g_strdup (exam->title);
  out->seed = seed;
  out->max_score = lc_exam_max_score (exam);
  out->now = lc_db_now (db);
  out->has_key = TRUE;
  out->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_paper_item_free);
  for (guint i = 0; i < drawn->len; i++)
    {
      const LcDrawnItem *d = g_ptr_array_index (drawn, i);
      LcPaperItem *item = _lc_exam_paper_item_new (db, d->version_id, d->option_order, TRUE, error);

      if (item == NULL)
        return FALSE;
      item->pos = (int) i + 1;
      item->section_pos = d->section_pos;
      item->points = d->points;
      g_ptr_array_add (out->items, item);
    }
  *paper = g_steal_pointer (&out);
  return TRUE;
}
