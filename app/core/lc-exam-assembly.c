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

/* Active questions of the section's type and difficulty (the current
 * version's, copied onto the question) in its category or below. The
 * category's subtree is resolved first, so that each of its categories is
 * one range of the covering index question_draw and no row of question or
 * question_version is read. */
#define POOL_WHERE "FROM question WHERE status = 'active' AND type = ?1 AND difficulty BETWEEN ?2 AND ?3 "
#define POOL_ORDER "ORDER BY category_id, difficulty, id"
#define POOL_SUBTREE                                                                                                   \
  "AND category_id IN (SELECT id FROM category WHERE path = ?4 OR substr(path, 1, length(?4) + 1) = ?4 || '/') "

/* @sql: [whole bank, subtree], static for the statement cache. */
static LcStmt *
prepare_pool (LcDb *db, const char *const sql[2], const LcExamSection *s, GError **error)
{
  LcStmt *stmt = lc_db_prepare (db, sql[s->category != NULL], error);

  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, lc_question_type_to_string (s->type));
  lc_stmt_bind_int (stmt, 2, s->difficulty_min);
  lc_stmt_bind_int (stmt, 3, s->difficulty_max);
  if (s->category != NULL)
    lc_stmt_bind_text (stmt, 4, s->category);
  return stmt;
}

gboolean
_lc_exam_count_pool (LcDb *db, const LcExamSection *section, guint *count, GError **error)
{
  static const char *const sql[2] = { "SELECT count(*) " POOL_WHERE, "SELECT count(*) " POOL_WHERE POOL_SUBTREE };
  g_autoptr (LcStmt) stmt = prepare_pool (db, sql, section, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *count = has_row ? (guint) lc_stmt_int (stmt, 0) : 0;
  return TRUE;
}

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
take (History *h, GHashTable *chosen, gint64 question_id, GArray *picked)
{
  GArray *holders = g_hash_table_lookup (h->papers, &question_id);
  gint64 *key = g_new (gint64, 1);

  for (guint i = 0; holders != NULL && i < holders->len; i++)
    g_array_index (h->shared, int, g_array_index (holders, int, i))++;
  *key = question_id;
  g_hash_table_add (chosen, key);
  g_array_append_val (picked, question_id);
}

/* Draws @count of @pool (question ids, not already @chosen) into @picked. The pool is
 * visited in a random order (a Fisher–Yates shuffle cut short); the first
 * candidates of the best tier are taken, the others put aside in their
 * tier in the order met, so that each tier is itself sampled uniformly. */
static void
draw_section (LcExamRng *rng, GArray *pool, guint count, History *h, GHashTable *chosen, GArray *picked)
{
  GArray *deferred[4] = { NULL };
  guint n = pool->len;

  for (guint t = 1; t < 4; t++)
    deferred[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n && picked->len < count; i++)
    {
      guint j = i + (guint) _lc_exam_rng_below (rng, n - i);
      gint64 c = g_array_index (pool, gint64, j);
      int t;

      g_array_index (pool, gint64, j) = g_array_index (pool, gint64, i);
      g_array_index (pool, gint64, i) = c;
      if (g_hash_table_contains (chosen, &c))
        continue;
      if ((t = tier (h, c)) == 0)
        take (h, chosen, c, picked);
      else
        g_array_append_val (deferred[t], c);
    }
  for (int t = 1; t < 4; t++)
    for (guint k = 0; k < deferred[t]->len && picked->len < count; k++)
      {
        gint64 c = g_array_index (deferred[t], gint64, k);
        int now = tier (h, c);

        /* Taking others may have filled a paper's share since: a tier only worsens. */
        if (now > t)
          g_array_append_val (deferred[now], c);
        else
          take (h, chosen, c, picked);
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

/* Fills @pool with the ids of @section's candidates, read from the index alone. */
static gboolean
load_pool (LcDb *db, const LcExamSection *section, GArray *pool, GError **error)
{
  /* The index's own order, which SQL fixes rather than the query plan. */
  static const char *const sql[2] = { "SELECT id " POOL_WHERE POOL_ORDER,
                                      "SELECT id " POOL_WHERE POOL_SUBTREE POOL_ORDER };
  g_autoptr (LcStmt) stmt = prepare_pool (db, sql, section, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      gint64 id;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      id = lc_stmt_int (stmt, 0);
      g_array_append_val (pool, id);
    }
}

/* Whether @path is @category or below it. */
static gboolean
in_category (const char *path, const char *category)
{
  gsize n = strlen (category);

  return strncmp (path, category, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Whether a question could be a candidate of both sections. */
static gboolean
sections_meet (const LcExamSection *a, const LcExamSection *b)
{
  return a->type == b->type && a->difficulty_min <= b->difficulty_max && b->difficulty_min <= a->difficulty_max
         && (a->category == NULL || b->category == NULL || in_category (a->category, b->category)
             || in_category (b->category, a->category));
}

/* Probes for an isolated section before reading its whole pool: reading
 * 10,000 ids from the index costs milliseconds, while a paper needs a few
 * dozen of them. The same walk as draw_section's first pass: random
 * question ids, each visited once, are looked up; the active ones of the
 * section's type, difficulty and categories are its pool met in a uniformly
 * random order, and the best tier's are taken. When the budget runs out
 * first (a sparse pool, or one the officer has mostly seen) nothing is kept
 * and *done stays FALSE: the caller draws from the whole pool. */
static gboolean
probe_section (LcDb *db, LcExamRng *rng, const LcExamSection *s, History *h, GHashTable *chosen, GArray *picked,
               gboolean *done, GError **error)
{
  static const char *const max_sql = "SELECT max(id) FROM question";
  static const char *const subtree_sql =
      "SELECT id FROM category WHERE path = ?1 OR substr(path, 1, length(?1) + 1) = ?1 || '/'";
  static const char *const probe_sql = "SELECT status, type, category_id, difficulty FROM question WHERE id = ?";
  g_autoptr (GHashTable) tried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) subtree = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  const char *type = lc_question_type_to_string (s->type);
  /* Past 1/16 of the ids the whole pool is cheaper to read than probing for. */
  guint budget = 16 * s->count + 64;
  guint start = picked->len;
  gboolean has_row = FALSE;
  gint64 max_id;
  LcExamRng walk;

  /* A stream of its own: a splitmix64 seed is its state, so papers whose
   * seeds differ by the generator's increment would otherwise probe the same
   * ids shifted by one and come out nearly alike. */
  _lc_exam_rng_init (&walk, _lc_exam_rng_next (rng));
  *done = FALSE;
  if ((stmt = lc_db_prepare (db, max_sql, error)) == NULL || !lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  max_id = has_row ? lc_stmt_int (stmt, 0) : 0;
  lc_db_release (g_steal_pointer (&stmt));
  if (s->category != NULL)
    {
      subtree = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if ((stmt = lc_db_prepare (db, subtree_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_text (stmt, 1, s->category);
      for (;;)
        {
          gint64 *id;

          if (!lc_db_step (db, stmt, &has_row, error))
            return FALSE;
          if (!has_row)
            break;
          id = g_new (gint64, 1);
          *id = lc_stmt_int (stmt, 0);
          g_hash_table_add (subtree, id);
        }
      lc_db_release (g_steal_pointer (&stmt));
    }

  for (guint n = 0; n < budget && picked->len - start < s->count && (gint64) g_hash_table_size (tried) < max_id; n++)
    {
      gint64 id = 1 + (gint64) _lc_exam_rng_below (&walk, (guint64) max_id);
      gint64 *key, category_id;
      gboolean match;

      if (g_hash_table_contains (tried, &id))
        continue;
      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_add (tried, key);
      if ((stmt = lc_db_prepare (db, probe_sql, error)) == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, id);
      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      category_id = has_row ? lc_stmt_int (stmt, 2) : 0;
      match = has_row && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "active") == 0
              && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), type) == 0
              && lc_stmt_int (stmt, 3) >= s->difficulty_min && lc_stmt_int (stmt, 3) <= s->difficulty_max
              && (subtree == NULL
                  || (sqlite3_column_type (stmt, 2) != SQLITE_NULL && g_hash_table_contains (subtree, &category_id)));
      lc_db_release (g_steal_pointer (&stmt));
      if (match && !g_hash_table_contains (chosen, &id) && tier (h, id) == 0)
        take (h, chosen, id, picked);
    }
  if (picked->len - start == s->count)
    {
      *done = TRUE;
      return TRUE;
    }
  for (guint k = start; k < picked->len; k++)
    {
      gint64 id = g_array_index (picked, gint64, k);
      GArray *holders = g_hash_table_lookup (h->papers, &id);

      for (guint i = 0; holders != NULL && i < holders->len; i++)
        g_array_index (h->shared, int, g_array_index (holders, int, i))--;
      g_hash_table_remove (chosen, &id);
    }
  g_array_set_size (picked, start);
  return TRUE;
}

/* The current version of each drawn question. */
static gboolean
load_versions (LcDb *db, GPtrArray *paper, GError **error)
{
  for (guint i = 0; i < paper->len; i++)
    {
      LcDrawnItem *item = g_ptr_array_index (paper, i);
      g_autoptr (LcStmt) stmt = lc_db_prepare (db, "SELECT current_version_id FROM question WHERE id = ?", error);
      gboolean has_row = FALSE;

      if (stmt == NULL)
        return FALSE;
      lc_stmt_bind_int (stmt, 1, item->question_id);
      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        {
          g_set_error (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION, _ ("There is no question %lld."),
                       (long long) item->question_id);
          return FALSE;
        }
      item->version_id = lc_stmt_int (stmt, 0);
    }
  return TRUE;
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
    g_ptr_array_add (by_section, g_array_new (FALSE, FALSE, sizeof (gint64)));
  if (!load_history (db, exam, officer_id, with_history, &history, error))
    goto out;
  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      SectionPool sp = { .index = i, .pool = g_array_new (FALSE, FALSE, sizeof (gint64)) };
      gboolean isolated = TRUE, done = FALSE;

      for (guint j = 0; j < exam->sections->len && isolated; j++)
        isolated = j == i || !sections_meet (s, g_ptr_array_index (exam->sections, j));
      g_array_append_val (pools, sp);
      if (isolated && !probe_section (db, &rng, s, &history, chosen, g_ptr_array_index (by_section, i), &done, error))
        goto out;
      if (done)
        continue;
      if (!load_pool (db, s, sp.pool, error))
        goto out;
      if (sp.pool->len < s->count)
        {
          shortfall (error, s, sp.pool->len, FALSE);
          goto out;
        }
    }
  /* Smallest pool first: with nested or disjoint categories a section that
   * can use anything never takes what a narrower one needs. Sections drawn
   * by probing have an empty pool and are done. */
  g_array_sort (pools, compare_pools);
  for (guint k = 0; k < pools->len; k++)
    {
      SectionPool *sp = &g_array_index (pools, SectionPool, k);
      const LcExamSection *s = g_ptr_array_index (exam->sections, sp->index);
      GArray *picked = g_ptr_array_index (by_section, sp->index);

      if (sp->pool->len == 0)
        continue;
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
          LcDrawnItem *item = g_new0 (LcDrawnItem, 1);

          item->section_pos = (int) i + 1;
          item->question_id = g_array_index (picked, gint64, k);
          item->type = s->type;
          item->points = s->points;
          g_ptr_array_add (paper, item);
        }
    }
  if (!load_versions (db, paper, error))
    goto out;
  for (guint i = 0; i < paper->len; i++)
    if (!option_order (db, &rng, g_ptr_array_index (paper, i), error))
      goto out;
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

static gboolean
assemble (LcDb *db, gint64 exam_id, gint64 officer_id, guint64 seed, LcPaper **paper, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GPtrArray) drawn = NULL;
  g_autoptr (LcPaper) out = NULL;

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

gboolean
lc_exam_assemble (LcSession *session, gint64 exam_id, gint64 officer_id, guint64 seed, LcPaper **paper, GError **error)
{
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_EXAMS, error))
    return FALSE;
  db = lc_session_get_db (session);
  /* One transaction: the draw and the texts it loads see one bank, and a
   * few hundred statements share one lock instead of taking one each. */
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!assemble (db, exam_id, officer_id, seed, paper, error) || !lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
