/* lc-exam-private.h: what the lc-exam*.c files share. No permission checks
 * here: the public functions check first. */
#pragma once

#include "lc-exam.h"

G_BEGIN_DECLS

/* splitmix64: tiny and the same on every platform, so that a stored seed
 * draws the same paper everywhere (GRand's sequence is no promise). */
typedef struct
{
  guint64 state;
} LcExamRng;

void _lc_exam_rng_init (LcExamRng *rng, guint64 seed);
guint64 _lc_exam_rng_next (LcExamRng *rng);
/* Uniform in [0, n), without modulo bias; n > 0. */
guint64 _lc_exam_rng_below (LcExamRng *rng, guint64 n);

/* One drawn question before it is stored or shown. */
typedef struct
{
  int section_pos;
  gint64 question_id;
  gint64 version_id;
  LcQuestionType type;
  gint64 points;
  GArray *option_order; /* int: stored option.pos in the order shown; empty for fill-in and essay */
} LcDrawnItem;

void _lc_drawn_item_free (LcDrawnItem *item);

/* The exam with its sections and eligibility, no permission check;
 * LC_EXAM_ERROR_UNKNOWN_EXAM when there is none. */
LcExam *_lc_exam_load (LcDb *db, gint64 exam_id, GError **error);
/* The category id of @path (0 for NULL: the whole bank); LC_EXAM_ERROR_INVALID when unknown. */
gboolean _lc_exam_category_id (LcDb *db, const char *path, gint64 *id, GError **error);
/* Active questions fitting @section alone. */
gboolean _lc_exam_count_pool (LcDb *db, const LcExamSection *section, guint *count, GError **error);

/* Draws a paper for @officer_id (0: nobody) with @seed: LcDrawnItem * in
 * paper order, or LC_EXAM_ERROR_SHORTFALL. Without @with_history it ignores
 * earlier papers (unseen and overlap preferences): a check of the blueprint. */
gboolean _lc_exam_draw (LcDb *db, const LcExam *exam, gint64 officer_id, guint64 seed, gboolean with_history,
                        GPtrArray **items, GError **error);
/* Whether the active bank fills every section (alone, then together). */
gboolean _lc_exam_check_bank (LcDb *db, const LcExam *exam, GError **error);

/* lc-exam-grading.c: a grading run. It reads each question version's key
 * once and keeps it for the attempts that follow (a stored version never
 * changes); use one run for many attempts, inside one transaction, and free
 * it before that transaction ends (a rollback may forget what it read). */
typedef struct _LcExamGrader LcExamGrader;

LcExamGrader *_lc_exam_grader_new (LcDb *db);
void _lc_exam_grader_free (LcExamGrader *grader);
/* Grades every item of the attempt that grades itself and is not graded
 * yet, then sets the attempt's state, score and pass mark: one statement
 * reads the items, one UPDATE by key writes each award. Inside the
 * caller's transaction; LC_EXAM_ERROR_UNKNOWN_ATTEMPT when there is none. */
gboolean _lc_exam_grader_grade (LcExamGrader *grader, gint64 attempt_id, GError **error);
/* The same in a run of its own. */
gboolean _lc_exam_grade_attempt (LcDb *db, gint64 attempt_id, GError **error);
/* Recomputes state, score and passed from the items' awarded points. */
gboolean _lc_exam_update_score (LcDb *db, gint64 attempt_id, GError **error);
/* Submits an attempt in progress (@by) and grades it, in a transaction of
 * its own (a savepoint inside the caller's). *done FALSE when it was not in
 * progress any more. @grader (nullable) is the run to grade it with, so that
 * a batch reads each key once. */
gboolean _lc_exam_finish (LcDb *db, LcExamGrader *grader, gint64 attempt_id, LcSubmittedBy by, gboolean *done,
                          GError **error);

/* lc-exam-paper.c: a new item of a paper with the question's text and its
 * options in @option_order (stored option.pos in the order shown). Only with
 * @with_key does it read the key's columns at all. */
LcPaperItem *_lc_exam_paper_item_new (LcDb *db, gint64 version_id, const GArray *option_order, gboolean with_key,
                                      GError **error);
/* A stored response ("0,2", text) as the reader sees it ("CA", "T", text). */
char *_lc_exam_response_to_shown (LcQuestionType type, const GArray *option_order, const char *stored);
/* What lc_exam_answer() takes, as stored; NULL for a cleared answer (no
 * error), or NULL with LC_EXAM_ERROR_BAD_RESPONSE. */
char *_lc_exam_response_from_shown (LcQuestionType type, const GArray *option_order, const char *shown,
                                    gboolean *cleared, GError **error);

/* Stored option positions joined by ',' and back. */
char *_lc_exam_join_positions (const GArray *positions);
GArray *_lc_exam_split_positions (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcExamGrader, _lc_exam_grader_free)

G_END_DECLS

/* lc-exam-sim.c: finished attempts made up for the demo and the benchmarks. */
typedef enum
{
  LC_EXAM_SIM_BLANK,
  LC_EXAM_SIM_WRONG,
  LC_EXAM_SIM_RIGHT,
} LcExamSimAnswer;

typedef LcExamSimAnswer (*LcExamSimFunc) (gint64 question_id, LcQuestionType type, int difficulty, gpointer user_data);

/* Stores attempt @no of @exam for @officer_id, its paper drawn with @seed
 * (without the unseen and overlap preferences: no history is read), started
 * at @started_at and submitted by the officer at @submitted_at, each item
 * answered as @answer says: a right answer from the key, a wrong one (a
 * wrong option, a missing or an extra one) drawn with the seed, or none.
 * Then grades it with @grader, or leaves it 'submitted' when @grader is
 * NULL. No permission check, no window check; inside the caller's
 * transaction. */
gboolean _lc_exam_simulate_attempt (LcDb *db, const LcExam *exam, gint64 officer_id, int no, guint64 seed,
                                    gint64 started_at, gint64 submitted_at, LcExamSimFunc answer, gpointer user_data,
                                    LcExamGrader *grader, gint64 *attempt_id, GError **error);
