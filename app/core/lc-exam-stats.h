/* lc-exam-stats.h: item statistics of an exam (classical test theory) and
 * the latest verdict on each question of the bank.
 *
 * WHAT COUNTS. Every graded attempt of the exam (retakes included: each is
 * a response vector of its own); attempts in progress or awaiting grading
 * are left out, since their total is not known. An "item" is one question
 * version as shown: in a randomized exam each attempt sees its own subset
 * of the bank, so every figure of an item is taken over the attempts that
 * showed it (n), and every attempt's total is its score (the sum of the
 * points awarded on its paper).
 *
 * THE FIGURES of an item, with x = awarded / points (0 to 1) per attempt:
 *   facility P = mean of x (the share of its points earned; for a 0/1 item
 *     the share of right answers);
 *   point-biserial r (corrected) = the Pearson correlation of x with the
 *     rest score (the attempt's total minus what this item earned), so that
 *     an item does not correlate with itself; for a partial-credit item it
 *     is the item-rest correlation. NAN when n < 2 or either side does not
 *     vary (everyone right, everyone wrong);
 *   discrimination D = P in the upper group − P in the lower group. The
 *     groups are the top and bottom 27% of every counted attempt of the
 *     exam ranked by total, round(0.27 × N) attempts each (at least 1 for
 *     N ≥ 2); ties at a border are broken by attempt id (the earlier
 *     attempt ranks higher). Of each group only those that showed the item
 *     count; NAN when either group has none of them;
 *   option choice counts: per stored option (option.pos, lettered A, B, …
 *     in the bank's order, not as shuffled on a paper), how many attempts
 *     chose it (a multiple-choice answer counts for each option chosen),
 *     and how many left the item unanswered.
 *
 * RELIABILITY of the exam, on the papers as drawn (k items a paper):
 *   r = k / (k − 1) × (1 − S / var(T)), where var(T) is the variance of the
 *   attempts' totals and S the mean, over attempts, of the sum of the
 *   variances of the items on each one's paper (each item's variance over
 *   the attempts that showed it). With one fixed paper this is exactly
 *   Cronbach's alpha; for randomized papers it estimates the reliability of
 *   a randomly drawn paper (domain sampling). When every awarded score is
 *   0 or the item's full points (single, true/false, all-or-nothing
 *   multiple choice, fill-in, essays given all or nothing) it is KR-20:
 *   items scored 0/1 and T the number right, so unequal points do not
 *   weigh in; otherwise (partial credit, essays) Cronbach's alpha on the
 *   points awarded. Variances divide by the count (population), as KR-20's
 *   p × q does. NAN when N < 2, k < 2 or var(T) = 0.
 *
 * FLAGS: an item outside these bounds is flagged (each bound only when its
 * figure is defined):
 *   P < LC_ITEM_STATS_MIN_FACILITY (0.20): too hard, or a wrong key;
 *   P > LC_ITEM_STATS_MAX_FACILITY (0.95): too easy to tell anyone apart;
 *   r < LC_ITEM_STATS_MIN_RPB (0.10): does not measure what the exam does;
 *   D < 0: the weaker officers do better on it than the stronger (often an
 *     ambiguous stem or a wrong key).
 * Flags are computed whatever n; read them with n in mind. The bank's
 * verdict (lc_exam_stats_latest_by_question()) only uses items with n at
 * least LC_ITEM_STATS_MIN_N.
 *
 * PERMISSIONS: LC_PERM_READ_RESULTS (trainers, personnel, administrators;
 * never officers). Which option is correct (LcItemStats.correct) is part of
 * the key: it is filled only for sessions with LC_PERM_MANAGE_EXAMS.
 *
 *   g_autoptr (LcExamStats) stats = lc_exam_stats_compute (session, exam_id, &error);
 *   for (guint i = 0; stats != NULL && i < stats->items->len; i++)
 *     {
 *       LcItemStats *item = g_ptr_array_index (stats->items, i);
 *       if (item->flags != 0) …
 *     }
 */
#pragma once

#include <glib.h>

#include "lc-bank.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_ITEM_STATS_MIN_FACILITY 0.20
#define LC_ITEM_STATS_MAX_FACILITY 0.95
#define LC_ITEM_STATS_MIN_RPB 0.10
/* Attempts an item needs in an exam before the bank takes its verdict. */
#define LC_ITEM_STATS_MIN_N 30
/* The share of attempts in each of the upper and lower groups of D. */
#define LC_ITEM_STATS_GROUP_SHARE 0.27

typedef enum
{
  LC_ITEM_FLAG_NONE = 0,
  LC_ITEM_FLAG_TOO_HARD = 1 << 0,   /* P < LC_ITEM_STATS_MIN_FACILITY */
  LC_ITEM_FLAG_TOO_EASY = 1 << 1,   /* P > LC_ITEM_STATS_MAX_FACILITY */
  LC_ITEM_FLAG_LOW_RPB = 1 << 2,    /* r < LC_ITEM_STATS_MIN_RPB */
  LC_ITEM_FLAG_NEGATIVE_D = 1 << 3, /* D < 0 */
} LcItemFlags;

typedef enum
{
  LC_RELIABILITY_KR20,  /* every item scored all or nothing */
  LC_RELIABILITY_ALPHA, /* some partial credit: Cronbach's alpha */
} LcReliabilityKind;

/* One question version as shown in the exam. */
typedef struct
{
  int section_pos; /* the blueprint section it was (first) drawn for */
  gint64 question_id;
  char *question_uid;
  gint64 question_version_id;
  int version_no;
  LcQuestionType type;
  char *stem;
  gint64 points; /* hundredths, what it is worth on the paper (the most, if sections differ) */
  guint n;       /* attempts that showed it */
  double facility;
  double rpb;            /* NAN when undefined */
  double discrimination; /* D, NAN when undefined */
  guint n_upper;         /* attempts of the upper group that showed it */
  guint n_lower;
  /* Choice questions: one per stored option (A, B, … in the bank's order;
   * true/false: T, F); empty for fill-in and essay. */
  GArray *option_counts; /* guint */
  GArray *correct;       /* gboolean per option; all FALSE without LC_PERM_MANAGE_EXAMS */
  guint n_unanswered;
  LcItemFlags flags;
} LcItemStats;

typedef struct
{
  gint64 exam_id;
  char *exam_title;
  gint64 max_score;       /* of a paper, hundredths */
  guint n_attempts;       /* graded attempts counted */
  guint n_excluded;       /* submitted attempts still awaiting grading, not counted */
  double mean_score;      /* hundredths; NAN without attempts */
  double sd_score;        /* population, hundredths; NAN without attempts */
  double items_per_paper; /* k */
  LcReliabilityKind reliability_kind;
  double reliability; /* NAN when undefined */
  gboolean has_key;   /* the items' correct[] are filled */
  GPtrArray *items;   /* LcItemStats *, by section, then question uid, then version */
} LcExamStats;

void lc_item_stats_free (LcItemStats *item);
void lc_exam_stats_free (LcExamStats *stats);

/* The flags of an item from its figures (see FLAGS above). */
LcItemFlags lc_item_stats_flags_for (double facility, double rpb, double discrimination);
/* "too hard; low discrimination", translated; "" for none. */
char *lc_item_flags_describe (LcItemFlags flags);
/* "KR-20" or "Cronbach's alpha" (translated). */
const char *lc_reliability_kind_display_name (LcReliabilityKind kind);

/**
 * lc_exam_stats_compute:
 * @session: needs LC_PERM_READ_RESULTS
 * @exam_id: a stored exam (LC_EXAM_ERROR_UNKNOWN_EXAM otherwise)
 *
 * Returns: (transfer full): the exam's statistics (no items when nothing is
 *   graded yet), or NULL with @error set.
 */
LcExamStats *lc_exam_stats_compute (LcSession *session, gint64 exam_id, GError **error);

/* The latest verdict on one question of the bank. */
typedef struct
{
  gint64 question_id;
  gint64 exam_id; /* the exam it comes from */
  char *exam_title;
  gint64 exam_closes_at;
  int version_no;
  guint n;
  double facility;
  double rpb;
  double discrimination;
  LcItemFlags flags; /* 0: healthy */
} LcQuestionStatsMark;

void lc_question_stats_mark_free (LcQuestionStatsMark *mark);

/**
 * lc_exam_stats_latest_by_question:
 * @session: needs LC_PERM_READ_RESULTS
 * @min_n: the attempts an item needs in an exam to count (LC_ITEM_STATS_MIN_N)
 *
 * For each question that was shown to at least @min_n graded attempts of
 * some exam, its figures in the latest such exam (the one that closes
 * last; of several versions shown there, the newest). Practice exams are
 * left out: officers sit them until they know the answers.
 *
 * Returns: (transfer full): question id (gint64 *) -> LcQuestionStatsMark *;
 *   questions without a verdict are absent. NULL with @error set.
 */
GHashTable *lc_exam_stats_latest_by_question (LcSession *session, guint min_n, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcItemStats, lc_item_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcExamStats, lc_exam_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcQuestionStatsMark, lc_question_stats_mark_free)

G_END_DECLS
