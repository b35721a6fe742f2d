/* lc-exam-stats.c: item statistics of an exam — facility, corrected
 * point-biserial, upper/lower 27% discrimination, option choice counts,
 * KR-20 or Cronbach's alpha — and the bank's latest verdict per question.
 * The definitions are in lc-exam-stats.h. */
#define G_LOG_DOMAIN "lc-exam"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-exam-private.h"
#include "lc-exam-stats.h"
#include "lc-i18n.h"

void
lc_item_stats_free (LcItemStats *item)
{
  if (item == NULL)
    return;
  g_free (item->question_uid);
  g_free (item->stem);
  g_clear_pointer (&item->option_counts, g_array_unref);
  g_clear_pointer (&item->correct, g_array_unref);
  g_free (item);
}

void
lc_exam_stats_free (LcExamStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->exam_title);
  g_clear_pointer (&stats->items, g_ptr_array_unref);
  g_free (stats);
}

void
lc_question_stats_mark_free (LcQuestionStatsMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->exam_title);
  g_free (mark);
}

LcItemFlags
lc_item_stats_flags_for (double facility, double rpb, double discrimination)
{
  LcItemFlags flags = LC_ITEM_FLAG_NONE;

  if (!isnan (facility) && facility < LC_ITEM_STATS_MIN_FACILITY)
    flags |= LC_ITEM_FLAG_TOO_HARD;
  if (!isnan (facility) && facility > LC_ITEM_STATS_MAX_FACILITY)
    flags |= LC_ITEM_FLAG_TOO_EASY;
  if (!isnan (rpb) && rpb < LC_ITEM_STATS_MIN_RPB)
    flags |= LC_ITEM_FLAG_LOW_RPB;
  if (!isnan (discrimination) && discrimination < 0)
    flags |= LC_ITEM_FLAG_NEGATIVE_D;
  return flags;
}

char *
lc_item_flags_describe (LcItemFlags flags)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (flags & LC_ITEM_FLAG_TOO_HARD)
    /* Translators: an exam question's item statistics flag: facility P below 0.20 */
    g_ptr_array_add (parts, (gpointer) _ ("too hard"));
  if (flags & LC_ITEM_FLAG_TOO_EASY)
    /* Translators: an item statistics flag: facility P above 0.95 */
    g_ptr_array_add (parts, (gpointer) _ ("too easy"));
  if (flags & LC_ITEM_FLAG_LOW_RPB)
    /* Translators: an item statistics flag: point-biserial correlation below 0.10 */
    g_ptr_array_add (parts, (gpointer) _ ("low discrimination"));
  if (flags & LC_ITEM_FLAG_NEGATIVE_D)
    /* Translators: an item statistics flag: the weaker group does better than the stronger one */
    g_ptr_array_add (parts, (gpointer) _ ("negative discrimination"));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between item statistics flags */
  return g_strjoinv (_ ("; "), (char **) parts->pdata);
}

const char *
lc_reliability_kind_display_name (LcReliabilityKind kind)
{
  switch (kind)
    {
    case LC_RELIABILITY_KR20:
      return _ ("KR-20");
    case LC_RELIABILITY_ALPHA:
      /* Translators: the reliability coefficient (克隆巴赫α系数) */
      return _ ("Cronbach's alpha");
    default:
      return "";
    }
}

/* Gathering ---------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  double total;  /* points awarded, hundredths */
  double right;  /* items with full points */
  double sumvar; /* the variances of the items on its paper */
  guint k;
  gboolean upper;
  gboolean lower;
} Sitting;

typedef struct
{
  guint sitting;
  gint64 points;
  gint64 awarded;
  guint64 chosen;
  gboolean answered;
} Observation;

typedef struct
{
  gint64 version_id;
  int section_pos;
  gint64 points;
  GArray *obs; /* Observation */
  LcItemStats *stats;
} Accumulator;

static void
accumulator_free (Accumulator *acc)
{
  g_clear_pointer (&acc->obs, g_array_unref);
  lc_item_stats_free (acc->stats);
  g_free (acc);
}

/* The version's question and options; the options' correct flags only with @with_key. */
static gboolean
describe_version (LcDb *db, Accumulator *acc, gboolean with_key, GHashTable *option_index, GError **error)
{
  static const char *const version_sql = "SELECT v.question_id, q.uid, v.no, v.type, v.stem FROM question_version v "
                                         "JOIN question q ON q.id = v.question_id WHERE v.id = ?";
  static const char *const options_sql = "SELECT pos, correct FROM option WHERE version_id = ? ORDER BY pos";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, version_sql, error);
  LcItemStats *item;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, acc->version_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  g_assert (has_row);
  item = acc->stats = g_new0 (LcItemStats, 1);
  item->section_pos = acc->section_pos;
  item->question_id = lc_stmt_int (stmt, 0);
  item->question_uid = lc_stmt_dup_text (stmt, 1);
  item->question_version_id = acc->version_id;
  item->version_no = (int) lc_stmt_int (stmt, 2);
  {
    g_autofree char *type = lc_stmt_dup_text (stmt, 3);
    lc_question_type_from_string (type, &item->type);
  }
  item->stem = lc_stmt_dup_text (stmt, 4);
  item->points = acc->points;
  item->option_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  item->correct = g_array_new (FALSE, TRUE, sizeof (gboolean));
  lc_db_release (g_steal_pointer (&stmt));
  if (item->type == LC_QUESTION_FILL || item->type == LC_QUESTION_ESSAY)
    return TRUE;

  /* Only the key's column is read, and only for who may see the key. */
  if ((stmt = lc_db_prepare (db, options_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, acc->version_id);
  g_hash_table_remove_all (option_index);
  for (;;)
    {
      guint zero = 0;
      gboolean correct;

      if (!lc_db_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      correct = with_key && lc_stmt_int (stmt, 1) != 0;
      g_hash_table_insert (option_index, GINT_TO_POINTER ((int) lc_stmt_int (stmt, 0)),
                           GUINT_TO_POINTER (item->option_counts->len + 1));
      g_array_append_val (item->option_counts, zero);
      g_array_append_val (item->correct, correct);
    }
  for (guint o = 0; o < acc->obs->len; o++)
    {
      const Observation *ob = &g_array_index (acc->obs, Observation, o);

      for (int bit = 0; bit < 64; bit++)
        if (ob->chosen & (G_GUINT64_CONSTANT (1) << bit))
          {
            guint index = GPOINTER_TO_UINT (g_hash_table_lookup (option_index, GINT_TO_POINTER (bit)));

            if (index > 0)
              g_array_index (item->option_counts, guint, index - 1)++;
          }
    }
  return TRUE;
}

static int
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Sitting *sittings = user_data;
  const Sitting *x = &sittings[*(const guint *) a];
  const Sitting *y = &sittings[*(const guint *) b];

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const LcItemStats *x = *(LcItemStats *const *) a;
  const LcItemStats *y = *(LcItemStats *const *) b;
  int c;

  if (x->section_pos != y->section_pos)
    return x->section_pos < y->section_pos ? -1 : 1;
  if ((c = strcmp (x->question_uid, y->question_uid)) != 0)
    return c;
  return x->version_no < y->version_no ? -1 : x->version_no > y->version_no;
}

/* Pearson's r of (x, y), NAN when n < 2 or either does not vary. */
static double
pearson (const double *x, const double *y, guint n)
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;

  if (n < 2)
    return NAN;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
      sxy += (x[i] - mx) * (y[i] - my);
    }
  /* Relative to the values' scale: exact zeros come out as tiny residues. */
  if (sxx <= 1e-12 * (1 + mx * mx) * n || syy <= 1e-12 * (1 + my * my) * n)
    return NAN;
  return sxy / sqrt (sxx * syy);
}

/* Population variance of @v. */
static double
variance (const double *v, guint n)
{
  double m = 0, s = 0;

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    m += v[i];
  m /= n;
  for (guint i = 0; i < n; i++)
    s += (v[i] - m) * (v[i] - m);
  return s / n;
}

static void
item_figures (Accumulator *acc, const Sitting *sittings, gboolean dichotomous)
{
  LcItemStats *item = acc->stats;
  guint n = acc->obs->len;
  g_autofree double *x = g_new (double, n);
  g_autofree double *rest = g_new (double, n);
  g_autofree double *score = g_new (double, n);
  double sum = 0, upper = 0, lower = 0;
  double var;

  item->n = n;
  for (guint o = 0; o < n; o++)
    {
      const Observation *ob = &g_array_index (acc->obs, Observation, o);
      const Sitting *s = &sittings[ob->sitting];

      x[o] = (double) ob->awarded / (double) ob->points;
      rest[o] = s->total - (double) ob->awarded;
      score[o] = dichotomous ? (ob->awarded == ob->points ? 1.0 : 0.0) : (double) ob->awarded;
      sum += x[o];
      item->n_unanswered += !ob->answered;
      if (s->upper)
        {
          upper += x[o];
          item->n_upper++;
        }
      if (s->lower)
        {
          lower += x[o];
          item->n_lower++;
        }
    }
  item->facility = n > 0 ? sum / n : NAN;
  item->rpb = pearson (x, rest, n);
  item->discrimination = item->n_upper > 0 && item->n_lower > 0 ? upper / item->n_upper - lower / item->n_lower : NAN;
  item->flags = lc_item_stats_flags_for (item->facility, item->rpb, item->discrimination);

  /* Each attempt that showed it carries its variance into its paper's sum. */
  var = variance (score, n);
  for (guint o = 0; o < n; o++)
    ((Sitting *) sittings)[g_array_index (acc->obs, Observation, o).sitting].sumvar += var;
}

static LcExamStats *
compute (LcDb *db, gint64 exam_id, gboolean with_key, GError **error)
{
  static const char *const items_sql =
      "SELECT a.id, i.section_pos, i.question_version_id, i.points, i.awarded, i.response, v.type "
      "FROM attempt a JOIN attempt_item i ON i.attempt_id = a.id "
      "JOIN question_version v ON v.id = i.question_version_id "
      "WHERE a.exam_id = ? AND a.state = 'graded' ORDER BY a.id, i.pos";
  static const char *const excluded_sql =
      "SELECT count(*) FROM attempt WHERE exam_id = ? AND state IN ('submitted', 'awaiting_grading')";
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) sittings = g_array_new (FALSE, TRUE, sizeof (Sitting));
  g_autoptr (GPtrArray) accs = g_ptr_array_new_with_free_func ((GDestroyNotify) accumulator_free);
  g_autoptr (GHashTable) by_version = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) option_index = g_hash_table_new (NULL, NULL);
  g_autoptr (LcExamStats) stats = NULL;
  g_autofree guint *rank = NULL;
  gboolean has_row = FALSE, dichotomous = TRUE;
  guint n, group;

  if ((exam = _lc_exam_load (db, exam_id, error)) == NULL)
    return NULL;
  stats = g_new0 (LcExamStats, 1);
  stats->exam_id = exam_id;
  stats->exam_title = g_strdup (exam->title);
  stats->max_score = lc_exam_max_score (exam);
  stats->has_key = with_key;
  stats->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_item_stats_free);

  if ((stmt = lc_db_prepare (db, excluded_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, exam_id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  stats->n_excluded = has_row ? (guint) lc_stmt_int (stmt, 0) : 0;
  lc_db_release (g_steal_pointer (&stmt));

  if ((stmt = lc_db_prepare (db, items_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, exam_id);
  for (;;)
    {
      Observation ob = { 0 };
      gint64 attempt_id, version_id;
      Accumulator *acc;
      Sitting *s;

      if (!lc_db_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      attempt_id = lc_stmt_int (stmt, 0);
      if (sittings->len == 0 || g_array_index (sittings, Sitting, sittings->len - 1).id != attempt_id)
        {
          Sitting fresh = { .id = attempt_id };
          g_array_append_val (sittings, fresh);
        }
      ob.sitting = sittings->len - 1;
      version_id = lc_stmt_int (stmt, 2);
      ob.points = lc_stmt_int (stmt, 3);
      /* A graded attempt has every item graded; an empty grade counts 0. */
      ob.awarded = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? 0 : lc_stmt_int (stmt, 4);
      ob.answered = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      if (ob.answered)
        {
          g_autofree char *type = lc_stmt_dup_text (stmt, 6);

          if (strcmp (type, "fill") != 0 && strcmp (type, "essay") != 0)
            {
              g_autofree char *response = lc_stmt_dup_text (stmt, 5);
              g_autoptr (GArray) positions = _lc_exam_split_positions (response);

              for (guint i = 0; i < positions->len; i++)
                {
                  int pos = g_array_index (positions, int, i);
                  if (pos >= 0 && pos < 64)
                    ob.chosen |= G_GUINT64_CONSTANT (1) << pos;
                }
            }
        }
      if (ob.points <= 0)
        continue;
      if (ob.awarded != 0 && ob.awarded != ob.points)
        dichotomous = FALSE;
      s = &g_array_index (sittings, Sitting, ob.sitting);
      s->total += (double) ob.awarded;
      s->right += ob.awarded == ob.points;
      s->k++;
      if ((acc = g_hash_table_lookup (by_version, &version_id)) == NULL)
        {
          acc = g_new0 (Accumulator, 1);
          acc->version_id = version_id;
          acc->section_pos = (int) lc_stmt_int (stmt, 1);
          acc->obs = g_array_new (FALSE, FALSE, sizeof (Observation));
          g_ptr_array_add (accs, acc);
          g_hash_table_insert (by_version, &acc->version_id, acc);
        }
      acc->points = MAX (acc->points, ob.points);
      g_array_append_val (acc->obs, ob);
    }
  lc_db_release (g_steal_pointer (&stmt));

  n = sittings->len;
  stats->n_attempts = n;
  stats->reliability_kind = dichotomous ? LC_RELIABILITY_KR20 : LC_RELIABILITY_ALPHA;
  stats->reliability = NAN;
  stats->mean_score = NAN;
  stats->sd_score = NAN;
  if (n == 0)
    return g_steal_pointer (&stats);

  /* The upper and lower groups of D, by total, ties by attempt id. */
  rank = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    rank[i] = i;
  g_qsort_with_data (rank, (gint) n, sizeof (guint), compare_rank, sittings->data);
  group = n < 2 ? 0 : MAX (1, (guint) floor (LC_ITEM_STATS_GROUP_SHARE * n + 0.5));
  for (guint i = 0; i < group; i++)
    {
      g_array_index (sittings, Sitting, rank[i]).upper = TRUE;
      g_array_index (sittings, Sitting, rank[n - 1 - i]).lower = TRUE;
    }

  for (guint i = 0; i < accs->len; i++)
    {
      Accumulator *acc = g_ptr_array_index (accs, i);

      if (!describe_version (db, acc, with_key, option_index, error))
        return NULL;
      item_figures (acc, (const Sitting *) sittings->data, dichotomous);
      g_ptr_array_add (stats->items, g_steal_pointer (&acc->stats));
    }
  g_ptr_array_sort (stats->items, compare_items);

  {
    g_autofree double *totals = g_new (double, n);
    g_autofree double *scores = g_new (double, n);
    double k = 0, s = 0, sum = 0, var_t;

    for (guint i = 0; i < n; i++)
      {
        const Sitting *st = &g_array_index (sittings, Sitting, i);

        totals[i] = st->total;
        scores[i] = dichotomous ? st->right : st->total;
        k += st->k;
        s += st->sumvar;
        sum += st->total;
      }
    stats->mean_score = sum / n;
    stats->sd_score = sqrt (variance (totals, n));
    k /= n;
    s /= n;
    stats->items_per_paper = k;
    var_t = variance (scores, n);
    if (n >= 2 && k >= 2 && var_t > 1e-12)
      stats->reliability = k / (k - 1) * (1 - s / var_t);
  }
  return g_steal_pointer (&stats);
}

LcExamStats *
lc_exam_stats_compute (LcSession *session, gint64 exam_id, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require (session, LC_PERM_READ_RESULTS, error))
    return NULL;
  return compute (lc_session_get_db (session), exam_id, lc_session_can (session, LC_PERM_MANAGE_EXAMS), error);
}

typedef struct
{
  gint64 id;
  gint64 closes_at;
} ExamRow;

GHashTable *
lc_exam_stats_latest_by_question (LcSession *session, guint min_n, GError **error)
{
  static const char *const exams_sql =
      "SELECT e.id, e.closes_at FROM exam e WHERE e.purpose <> 'practice' "
      "AND EXISTS (SELECT 1 FROM attempt a WHERE a.exam_id = e.id AND a.state = 'graded') "
      "ORDER BY e.closes_at DESC, e.id DESC";
  g_autoptr (GHashTable) marks = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GArray) exams = g_array_new (FALSE, FALSE, sizeof (ExamRow));
  gboolean has_row = FALSE;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require (session, LC_PERM_READ_RESULTS, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, exams_sql, error)) == NULL)
    return NULL;
  for (;;)
    {
      ExamRow row;

      if (!lc_db_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row.id = lc_stmt_int (stmt, 0);
      row.closes_at = lc_stmt_int (stmt, 1);
      g_array_append_val (exams, row);
    }
  lc_db_release (g_steal_pointer (&stmt));

  marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) lc_question_stats_mark_free);
  for (guint e = 0; e < exams->len; e++)
    {
      const ExamRow *row = &g_array_index (exams, ExamRow, e);
      g_autoptr (LcExamStats) stats = compute (db, row->id, FALSE, error);

      if (stats == NULL)
        return NULL;
      for (guint i = 0; i < stats->items->len; i++)
        {
          const LcItemStats *item = g_ptr_array_index (stats->items, i);
          LcQuestionStatsMark *mark = g_hash_table_lookup (marks, &item->question_id);

          if (item->n < min_n)
            continue;
          /* An earlier exam never overrides a later one; a newer version in the same exam does. */
          if (mark != NULL && (mark->exam_id != stats->exam_id || mark->version_no >= item->version_no))
            continue;
          mark = g_new0 (LcQuestionStatsMark, 1);
          mark->question_id = item->question_id;
          mark->exam_id = stats->exam_id;
          mark->exam_title = g_strdup (stats->exam_title);
          mark->exam_closes_at = row->closes_at;
          mark->version_no = item->version_no;
          mark->n = item->n;
          mark->facility = item->facility;
          mark->rpb = item->rpb;
          mark->discrimination = item->discrimination;
          mark->flags = item->flags;
          g_hash_table_replace (marks, &mark->question_id, mark);
        }
    }
  return g_steal_pointer (&marks);
}
