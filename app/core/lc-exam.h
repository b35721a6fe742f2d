/* lc-exam.h: randomized exams — definitions and their blueprint, assembly
 * of each attempt's own paper, the attempt's life (start or resume, answer,
 * flag, focus losses, submit, deadline), grading, review and results.
 *
 * DEFINITIONS. An exam has a window (opens_at ≤ now < closes_at), a time
 * limit, a pass score, a number of attempts (default 2: one retake 补考),
 * a multiple-choice policy, a review policy, who may sit it, and a
 * blueprint: sections, each drawing `count` active questions of one type
 * from a category and its subcategories within a difficulty range, each
 * worth `points`. A blueprint the active bank cannot fill is refused with
 * LC_EXAM_ERROR_SHORTFALL naming the section and the numbers.
 *
 * ASSEMBLY. Each attempt draws its own paper from a 64-bit seed taken from
 * the operating system (libsodium's randombytes) and stored with it; a
 * splitmix64 generator seeded with it drives every choice, so that the same
 * seed, the same bank and the same earlier papers of the exam give the same
 * paper. Within each section questions are drawn uniformly without
 * replacement, and no question appears twice on a paper. Preferences, where
 * the bank allows (best effort, never at the cost of the blueprint):
 *   1. questions the officer did not see in an earlier attempt of the exam;
 *   2. no other officer's paper of the exam shares more than overlap_share
 *      percent of this paper's questions (floor(overlap_share × n / 100));
 * a question that breaks a preference is taken only when the section cannot
 * be filled otherwise, unseen ones before seen ones. Options of single and
 * multiple choice questions are shuffled; pinned options ("以上都是") come
 * last in their stored order. True/false options stay T, F. Sections whose
 * pools overlap are drawn smallest pool first, which fills every blueprint
 * whose sections' categories are nested or disjoint whenever the bank can.
 *
 * ATTEMPTS. lc_exam_start() checks that the exam is published and open,
 * that the officer is active and eligible and has attempts left, draws and
 * stores the paper and a deadline of min(started + minutes, closes_at);
 * while an attempt is in progress, starting again returns it (resume). Every
 * answer is committed in its own transaction the moment it is given (the
 * database runs synchronous=FULL), so a crash loses nothing reported saved.
 * Time is the server's (lc_db_now()) against the stored deadline: an answer
 * at or after the deadline is refused with LC_EXAM_ERROR_TIME_UP and the
 * attempt is submitted with what was saved; lc_exam_submit_overdue()
 * submits every such attempt (call it at start-up and periodically).
 *
 * GRADING, on submission, per item worth P points:
 *   single, true/false: P when the one correct option is chosen, else 0;
 *   multiple, all-or-nothing (多选、少选、错选均不得分): P when exactly the
 *     correct options are chosen, else 0;
 *   multiple, partial: 0 when any wrong option is chosen, else
 *     P × (correct options chosen) / (correct options), rounded down to a
 *     hundredth (option weights of GIFT files are not used);
 *   fill-in: P when the answer equals an accepted answer after both are
 *     normalised (lc_exam_normalize_fill()), else 0;
 *   essay: a trainer awards 0 to P with lc_exam_grade_item(); an empty essay
 *     answer gets 0 at once. Until every essay is graded the attempt waits
 *     in LC_ATTEMPT_AWAITING_GRADING with no score.
 * An unanswered item gets 0. Passed: score ≥ pass_score.
 *
 * PERMISSIONS (checked here, whatever the interface hides):
 *   LC_PERM_MANAGE_EXAMS (trainer, administrator): define, publish, delete,
 *     preview papers (with their keys), read every attempt's paper and key;
 *   LC_PERM_GRADE (trainer, administrator): grade items;
 *   LC_PERM_READ_RESULTS (trainer, personnel, administrator): exams and the
 *     attempts' states, scores and pass marks — not papers nor keys;
 *   an officer: published exams, and only their own attempts. THE ANSWER
 *     KEY (correct options, accepted answers, explanation, model answer,
 *     basis) IS NEVER READ INTO AN OFFICER'S SESSION BEFORE THE ATTEMPT IS
 *     SUBMITTED, and after it only as the review policy allows: the paper is
 *     then read by a query that selects no key column.
 * The CLI's system session is an administrator.
 *
 * Failures are LcExamError, LcAuthError (permission), LcPeopleError (an
 * unknown officer or department code) or LcDbError (storage), with a
 * translated message. Choice questions show at most LC_EXAM_MAX_OPTIONS
 * options (letters A to Z).
 *
 *   g_autoptr (LcExam) exam = lc_exam_new ();
 *   exam->title = g_strdup ("2026年度公共法律知识考试");
 *   exam->opens_at = …; exam->closes_at = …; exam->minutes = 90; exam->pass_score = 6000;
 *   lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 40, 150, 1, 5);
 *   if (!lc_exam_create (trainer, exam, &exam_id, &error) || !lc_exam_publish (trainer, exam_id, &error)) …
 *   …
 *   lc_exam_start (officer, exam_id, officer_id, &attempt_id, &resumed, &error);
 *   g_autoptr (LcPaper) paper = lc_exam_get_paper (officer, attempt_id, &error);
 *   lc_exam_answer (officer, attempt_id, 1, "B", &error);
 *   lc_exam_submit (officer, attempt_id, &error);
 */
#pragma once

#include <glib.h>

#include "lc-bank.h"
#include "lc-db.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_EXAM_ERROR (lc_exam_error_quark ())

/**
 * LcExamError:
 * @LC_EXAM_ERROR_INVALID: a value of the definition is missing or malformed (the message names it)
 * @LC_EXAM_ERROR_NO_SECTIONS: the blueprint has no section
 * @LC_EXAM_ERROR_SHORTFALL: the active bank cannot fill a section (the message names the
 *   section, what it asks for and how many questions there are)
 * @LC_EXAM_ERROR_KEY_FILE: an exam key file is malformed (the message names the group and key)
 * @LC_EXAM_ERROR_UNKNOWN_EXAM: no exam with that id
 * @LC_EXAM_ERROR_UNKNOWN_ATTEMPT: no attempt with that id (or not the session's own)
 * @LC_EXAM_ERROR_UNKNOWN_ITEM: the attempt has no question at that position
 * @LC_EXAM_ERROR_HAS_ATTEMPTS: the exam has attempts: it cannot be deleted, nor its
 *   blueprint, purpose, pass score or grading policy changed
 * @LC_EXAM_ERROR_NOT_PUBLISHED: the exam is a draft
 * @LC_EXAM_ERROR_NOT_OPEN: the exam's window has not opened yet
 * @LC_EXAM_ERROR_CLOSED: the exam's window has closed
 * @LC_EXAM_ERROR_NOT_ELIGIBLE: the officer may not sit this exam (department, field, or not active)
 * @LC_EXAM_ERROR_NO_ATTEMPTS_LEFT: the officer has used every attempt allowed
 * @LC_EXAM_ERROR_TIME_UP: the attempt's deadline has passed; it was submitted with what was saved
 * @LC_EXAM_ERROR_SUBMITTED: the attempt was already submitted
 * @LC_EXAM_ERROR_NOT_SUBMITTED: the attempt is still in progress (grading, review)
 * @LC_EXAM_ERROR_BAD_RESPONSE: the answer does not fit the question (unknown letter,
 *   several letters for single choice, T/F for true or false)
 * @LC_EXAM_ERROR_POINTS: awarded points outside 0 to the item's points
 * @LC_EXAM_ERROR_REVIEW_CLOSED: the review policy does not show this (yet)
 */
typedef enum
{
  LC_EXAM_ERROR_INVALID,
  LC_EXAM_ERROR_NO_SECTIONS,
  LC_EXAM_ERROR_SHORTFALL,
  LC_EXAM_ERROR_KEY_FILE,
  LC_EXAM_ERROR_UNKNOWN_EXAM,
  LC_EXAM_ERROR_UNKNOWN_ATTEMPT,
  LC_EXAM_ERROR_UNKNOWN_ITEM,
  LC_EXAM_ERROR_HAS_ATTEMPTS,
  LC_EXAM_ERROR_NOT_PUBLISHED,
  LC_EXAM_ERROR_NOT_OPEN,
  LC_EXAM_ERROR_CLOSED,
  LC_EXAM_ERROR_NOT_ELIGIBLE,
  LC_EXAM_ERROR_NO_ATTEMPTS_LEFT,
  LC_EXAM_ERROR_TIME_UP,
  LC_EXAM_ERROR_SUBMITTED,
  LC_EXAM_ERROR_NOT_SUBMITTED,
  LC_EXAM_ERROR_BAD_RESPONSE,
  LC_EXAM_ERROR_POINTS,
  LC_EXAM_ERROR_REVIEW_CLOSED,
} LcExamError;

GQuark lc_exam_error_quark (void);

/* The most options a choice question may show: letters A to Z. */
#define LC_EXAM_MAX_OPTIONS 26

typedef enum
{
  LC_EXAM_GENERAL,    /* 公共法律知识考试 */
  LC_EXAM_SPECIALIST, /* 专业法律知识考试, for one enforcement field */
  LC_EXAM_UPDATE,     /* 年度更新考试 */
  LC_EXAM_PRACTICE,   /* 模拟练习 */
} LcExamPurpose;

typedef enum
{
  LC_MULTIPLE_ALL_OR_NOTHING, /* 多选、少选、错选均不得分 */
  LC_MULTIPLE_PARTIAL,        /* see GRADING above */
} LcMultiplePolicy;

typedef enum
{
  LC_REVIEW_NONE,    /* nothing: not even the score */
  LC_REVIEW_SCORE,   /* the score and whether it passed */
  LC_REVIEW_ANSWERS, /* also the paper with the own answers and the points each earned */
  LC_REVIEW_FULL,    /* also correct answers, explanations, model answers, the cited article's text */
} LcReviewPolicy;

typedef enum
{
  LC_EXAM_DRAFT,
  LC_EXAM_PUBLISHED,
} LcExamStatus;

typedef enum
{
  LC_ATTEMPT_IN_PROGRESS,
  /* Submitted and not yet graded: only inside the submitting transaction,
   * which grades at once; kept for a store that grades later. */
  LC_ATTEMPT_SUBMITTED,
  LC_ATTEMPT_AWAITING_GRADING, /* essays wait for a trainer */
  LC_ATTEMPT_GRADED,
} LcAttemptState;

typedef enum
{
  LC_SUBMITTED_BY_NONE,     /* not submitted */
  LC_SUBMITTED_BY_OFFICER,  /* the officer (or someone for them) submitted */
  LC_SUBMITTED_BY_DEADLINE, /* the deadline passed */
  LC_SUBMITTED_BY_FOCUS,    /* the focus-loss limit was reached (切屏) */
} LcSubmittedBy;

/* "general", "specialist", "update", "practice" */
const char *lc_exam_purpose_to_string (LcExamPurpose purpose);
gboolean lc_exam_purpose_from_string (const char *text, LcExamPurpose *purpose);
const char *lc_exam_purpose_display_name (LcExamPurpose purpose);
/* "all-or-nothing", "partial" */
const char *lc_multiple_policy_to_string (LcMultiplePolicy policy);
gboolean lc_multiple_policy_from_string (const char *text, LcMultiplePolicy *policy);
const char *lc_multiple_policy_display_name (LcMultiplePolicy policy);
/* "none", "score", "answers", "full" */
const char *lc_review_policy_to_string (LcReviewPolicy policy);
gboolean lc_review_policy_from_string (const char *text, LcReviewPolicy *policy);
const char *lc_review_policy_display_name (LcReviewPolicy policy);
/* "draft", "published" */
const char *lc_exam_status_to_string (LcExamStatus status);
gboolean lc_exam_status_from_string (const char *text, LcExamStatus *status);
const char *lc_exam_status_display_name (LcExamStatus status);
/* "in_progress", "submitted", "awaiting_grading", "graded" */
const char *lc_attempt_state_to_string (LcAttemptState state);
gboolean lc_attempt_state_from_string (const char *text, LcAttemptState *state);
const char *lc_attempt_state_display_name (LcAttemptState state);
/* NULL for NONE, else "officer", "deadline", "focus" */
const char *lc_submitted_by_to_string (LcSubmittedBy by);
const char *lc_submitted_by_display_name (LcSubmittedBy by);

/* Definitions ---------------------------------------------------------- */

typedef struct
{
  int pos;        /* 1, 2, … in blueprint order; set by lc_exam_add_section() and reads */
  char *title;    /* "一、单项选择题", or NULL */
  char *category; /* a category path, its subcategories included; NULL: the whole bank */
  LcQuestionType type;
  guint count;
  gint64 points;      /* each question, hundredths */
  int difficulty_min; /* 1-5 */
  int difficulty_max; /* difficulty_min-5 */
} LcExamSection;

typedef struct
{
  gint64 id; /* 0 until stored */
  char *title;
  LcExamPurpose purpose;
  char *field; /* a specialist exam's enforcement field, or NULL */
  gint64 opens_at;
  gint64 closes_at;
  int minutes;
  gint64 pass_score; /* hundredths of points */
  int max_attempts;  /* 0: no limit; lc_exam_new() sets 2 */
  LcMultiplePolicy multiple_policy;
  LcReviewPolicy review_policy; /* lc_exam_new() sets LC_REVIEW_SCORE */
  gboolean review_after_close;  /* the review shows only once the window has closed */
  int overlap_share;            /* percent, 0-100; lc_exam_new() sets 30 */
  int focus_loss_limit;         /* 0: focus losses are counted and only warned about */
  /* Who may sit: an officer must be in one of @departments (or below one)
   * when it is not empty, AND have one of @fields when it is not empty. */
  GArray *departments; /* gint64 department ids */
  GPtrArray *fields;   /* char * */
  GPtrArray *sections; /* LcExamSection * */
  LcExamStatus status;
  /* filled by reads */
  gint64 created_by;
  gint64 created_at;
  gint64 updated_at;
  guint n_attempts; /* every attempt, of everyone */
} LcExam;

LcExam *lc_exam_new (void);
void lc_exam_free (LcExam *exam);
LcExam *lc_exam_copy (const LcExam *exam);
void lc_exam_section_free (LcExamSection *section);
/* Appends a section (its pos is the next number) and returns it, owned by @exam. */
LcExamSection *lc_exam_add_section (LcExam *exam, const char *category, LcQuestionType type, guint count, gint64 points,
                                    int difficulty_min, int difficulty_max);
/* The total of the sections: count × points, hundredths. */
gint64 lc_exam_max_score (const LcExam *exam);
guint lc_exam_n_questions (const LcExam *exam);
/* "第2部分（行政处罚法/第五章，单选题，难度2–4）" in the user's language:
 * how messages and editors name a section. */
char *lc_exam_section_label (const LcExamSection *section);

/**
 * lc_exam_validate:
 * @session: needs LC_PERM_MANAGE_EXAMS
 * @exam: the definition (id 0 for a new one)
 * @bad_field: (out) (optional): on LC_EXAM_ERROR_INVALID, the member at fault:
 *   "title", "field", "opens_at", "closes_at", "minutes", "pass_score",
 *   "max_attempts", "overlap_share", "focus_loss_limit", "departments",
 *   "fields" or "sections"; NULL otherwise
 *
 * The checks of create, update and publish without storing: values, each
 * section (count, points, difficulty range, an existing category), a pass
 * score not above the total, then whether the active bank can fill every
 * section (LC_EXAM_ERROR_SHORTFALL).
 */
gboolean lc_exam_validate (LcSession *session, const LcExam *exam, const char **bad_field, GError **error);

/**
 * lc_exam_section_available:
 * @session: needs LC_PERM_MANAGE_EXAMS
 * @exam: a definition, stored or not
 * @available: (out): a new array of guint, one per section: the active
 *   questions that fit the section (type, category and below, difficulty),
 *   counted for each section alone
 *
 * For the blueprint editor, "20 needed, 13 available".
 */
gboolean lc_exam_section_available (LcSession *session, const LcExam *exam, GArray **available, GError **error);

/* Stores @exam (validated as above) with its sections; its @status decides
 * whether it is published at once. @id (optional) gets the new id. */
gboolean lc_exam_create (LcSession *session, const LcExam *exam, gint64 *id, GError **error);
/* Replaces the stored exam @exam->id, its sections and eligibility. Once it
 * has attempts, only the title, field, window, time limit, attempts allowed,
 * review, overlap, focus-loss limit and eligibility may change
 * (LC_EXAM_ERROR_HAS_ATTEMPTS); a published exam stays published. */
gboolean lc_exam_update (LcSession *session, const LcExam *exam, GError **error);
/* Checks again that the bank fills it, then publishes; publishing a
 * published exam does nothing. */
gboolean lc_exam_publish (LcSession *session, gint64 exam_id, GError **error);
/* Only an exam without attempts. */
gboolean lc_exam_delete (LcSession *session, gint64 exam_id, GError **error);
/* Officers read only published exams; personnel (LC_PERM_READ_RESULTS) and
 * trainers every exam. */
LcExam *lc_exam_get (LcSession *session, gint64 exam_id, GError **error);
/* Every exam (officers: the published ones), newest window first. */
GPtrArray *lc_exam_list (LcSession *session, GError **error);

/* Key files ------------------------------------------------------------ */

/**
 * lc_exam_from_key_file:
 * @session: resolves department codes (any session that can read departments)
 * @data: (array length=length): the key file
 *
 * Reads an exam definition (not validated against the bank; lc_exam_create()
 * does that). The format, UTF-8, '#' starts a comment:
 *
 *   [Exam]
 *   Title=2026年度行政执法人员公共法律知识考试      (required)
 *   Purpose=general                  general | specialist | update | practice
 *   Field=市场监管                   the field a specialist exam examines
 *   Opens=2026-06-01T09:00:00+08:00  ISO 8601; without a zone, local time;
 *   Closes=2026-06-30 17:00          "YYYY-MM-DD HH:MM[:SS]" also accepted (required)
 *   Minutes=90                       (required)
 *   PassScore=60                     points, up to two decimals (required)
 *   MaxAttempts=2                    0: no limit (default 2)
 *   MultiplePolicy=all-or-nothing    all-or-nothing | partial
 *   Review=score                     none | score | answers | full (default score)
 *   ReviewAfterClose=false
 *   OverlapPercent=30                (default 30)
 *   FocusLossLimit=0                 0: only warn (default 0)
 *   Departments=D01;D02              department codes (with the departments below); empty: any
 *   Fields=市场监管;交通运输          empty: any
 *   Status=draft                     draft | published
 *
 *   [Section 1]                      sections in the order of their numbers
 *   Title=一、单项选择题             optional
 *   Category=行政处罚法               a category path, its subcategories included; empty: the whole bank
 *   Type=single                      single | multiple | truefalse | fill | essay
 *   Count=20
 *   Points=1.5                       each question
 *   Difficulty=2-4                   "N" or "MIN-MAX" (default 1-5)
 *
 * Returns: (transfer full): the exam, or NULL with LC_EXAM_ERROR_KEY_FILE
 *   (or LcPeopleError for an unknown department code)
 */
LcExam *lc_exam_from_key_file (LcSession *session, const char *data, gsize length, GError **error);
/* The same format, times in UTC ("2026-06-01T01:00:00Z"), departments by code. */
char *lc_exam_to_key_file (LcSession *session, const LcExam *exam, GError **error);

/* Papers --------------------------------------------------------------- */

/* One question of a paper as the reader may see it. */
typedef struct
{
  int pos;         /* 1, 2, … */
  int section_pos; /* the blueprint section it was drawn for */
  gint64 question_id;
  char *question_uid;
  gint64 question_version_id;
  LcQuestionType type;
  char *stem;
  /* The option texts in the order shown, lettered A, B, …; "T" and "F"
   * (in this order) for true/false; empty for fill-in and essay. */
  GPtrArray *options;
  gint64 points;  /* the most it can earn, hundredths */
  char *response; /* NULL when unanswered; else as lc_exam_answer() takes it:
                   * letters in the order shown ("AC"), "T"/"F", or text */
  gboolean flagged;
  gint64 answered_at; /* 0 when unanswered */
  /* After grading, when the reader may see it; -1 otherwise (and while an essay waits). */
  gint64 awarded;
  char *grader_comment; /* or NULL */
  /* The key: only with has_key (see LcPaper), else NULL / FALSE. */
  GArray *correct;      /* gboolean per option shown */
  char *correct_answer; /* "AC", "T", accepted answers joined by " | "; NULL for an essay */
  char *model_answer;
  char *explanation;
  char *basis_label; /* "中华人民共和国行政处罚法 第九条" */
  char *basis_text;  /* the cited article's text */
} LcPaperItem;

typedef struct _LcAttempt LcAttempt;

typedef struct
{
  LcAttempt *attempt; /* NULL for a preview */
  gint64 exam_id;
  char *exam_title;
  guint64 seed;
  gint64 max_score;
  gint64 deadline_at;   /* 0 for a preview */
  gint64 now;           /* the server's time when the paper was read: count down from deadline_at - now */
  gboolean has_key;     /* the items carry the answer key */
  gboolean has_awarded; /* the items carry their points earned */
  GPtrArray *items;     /* LcPaperItem * in order */
} LcPaper;

void lc_paper_item_free (LcPaperItem *item);
void lc_paper_free (LcPaper *paper);

/**
 * lc_exam_assemble:
 * @session: needs LC_PERM_MANAGE_EXAMS (a trainer's sample paper carries the key)
 * @exam_id: a stored exam, draft or published
 * @officer_id: whose earlier attempts to avoid and whose own papers not to
 *   count in the overlap; 0 for nobody
 * @seed: the 64 bits that decide every choice
 * @paper: (out): the paper, with the key; nothing is stored
 *
 * Draws a paper exactly as lc_exam_start() would for @officer_id with @seed
 * now (see ASSEMBLY above). Fails with LC_EXAM_ERROR_SHORTFALL when the
 * bank cannot fill it.
 */
gboolean lc_exam_assemble (LcSession *session, gint64 exam_id, gint64 officer_id, guint64 seed, LcPaper **paper,
                           GError **error);
/* 64 bits from the operating system's generator (libsodium randombytes). */
guint64 lc_exam_new_seed (void);

/* Attempts ------------------------------------------------------------- */

struct _LcAttempt
{
  gint64 id;
  gint64 exam_id;
  gint64 officer_id;
  int no; /* 1 for the first sitting, 2 for the retake … */
  guint64 seed;
  gint64 started_at;
  gint64 deadline_at;
  gint64 submitted_at; /* 0 while in progress */
  LcAttemptState state;
  LcSubmittedBy submitted_by;
  gint64 max_score;
  /* -1 / FALSE until graded, and for an officer whose review policy hides them */
  gint64 score;
  gboolean passed;
  gboolean has_score;
  int focus_losses;
  guint n_items;
  guint n_answered;
  guint n_flagged;
  guint n_ungraded; /* essays waiting for a trainer */
  /* filled by reads */
  char *exam_title;
  char *officer_name;
  char *staff_no;
  char *department_name;
};

void lc_attempt_free (LcAttempt *attempt);

/**
 * lc_exam_start:
 * @session: the officer themself (an officer session may act only for its
 *   own officer), or a session with LC_PERM_MANAGE_EXAMS (invigilator, CLI)
 * @attempt_id: (out): the attempt
 * @resumed: (out) (optional): TRUE when an attempt in progress was returned
 *
 * Submits the officer's overdue attempts of the exam first; then returns the
 * attempt in progress, if any (resume: same paper, answers and deadline),
 * else checks the exam (LC_EXAM_ERROR_NOT_PUBLISHED, _NOT_OPEN, _CLOSED),
 * the officer (_NOT_ELIGIBLE) and the attempts used (_NO_ATTEMPTS_LEFT), and
 * stores a new attempt with a fresh seed and its paper in one transaction.
 */
gboolean lc_exam_start (LcSession *session, gint64 exam_id, gint64 officer_id, gint64 *attempt_id, gboolean *resumed,
                        GError **error);
/* The same with a given seed (tests, benchmarks, the demo). */
gboolean lc_exam_start_with_seed (LcSession *session, gint64 exam_id, gint64 officer_id, guint64 seed,
                                  gint64 *attempt_id, gboolean *resumed, GError **error);

/**
 * lc_exam_answer:
 * @pos: the item, 1-based
 * @response: single choice: one letter of the options as shown ("B");
 *   multiple choice: letters in any order ("CA", "A,C" and "a c" too);
 *   true/false: "T" or "F" (also "对"/"错", "true"/"false");
 *   fill-in, essay: the text. NULL or "" clears the answer.
 *
 * Stores the answer in a transaction of its own, committed before this
 * returns TRUE. Refused once submitted (LC_EXAM_ERROR_SUBMITTED) and at or
 * after the deadline (LC_EXAM_ERROR_TIME_UP, and the attempt is submitted).
 * Only the officer of the attempt (or LC_PERM_MANAGE_EXAMS) may answer.
 */
gboolean lc_exam_answer (LcSession *session, gint64 attempt_id, int pos, const char *response, GError **error);
/* Marks an item for review (or not); the same rules as answering. */
gboolean lc_exam_set_flag (LcSession *session, gint64 attempt_id, int pos, gboolean flagged, GError **error);
/* Counts a focus loss (the exam window left: 切屏) and returns the count in
 * @count. When the exam's focus_loss_limit is not 0 and is reached, the
 * attempt is submitted (*submitted TRUE). */
gboolean lc_exam_record_focus_loss (LcSession *session, gint64 attempt_id, int *count, gboolean *submitted,
                                    GError **error);
/* Submits and grades (see GRADING). A second submission fails with
 * LC_EXAM_ERROR_SUBMITTED. After the deadline it submits as the deadline. */
gboolean lc_exam_submit (LcSession *session, gint64 attempt_id, GError **error);
/**
 * lc_exam_submit_overdue:
 * @exam_id: one exam, or 0 for all
 * @n_submitted: (out) (optional): how many were submitted
 *
 * Submits (as LC_SUBMITTED_BY_DEADLINE) and grades every attempt in
 * progress whose deadline has passed: all of them for a session with
 * LC_PERM_MANAGE_EXAMS, the officer's own for an officer session. One
 * transaction: all of them or, on an error, none.
 */
gboolean lc_exam_submit_overdue (LcSession *session, gint64 exam_id, guint *n_submitted, GError **error);

/* One attempt's summary. Officers read only their own, and its score and
 * pass mark only as the review policy allows. */
LcAttempt *lc_exam_get_attempt (LcSession *session, gint64 attempt_id, GError **error);

/**
 * lc_exam_get_paper:
 *
 * The attempt's paper as the session may see it:
 *   the officer, in progress: stems, options in the order shown, own
 *     responses, flags, deadline and server time — no key, no points earned;
 *   the officer, submitted: only with review policy "answers" (own answers
 *     and points earned) or "full" (also the key, explanation, model answer
 *     and the cited article), and with review_after_close only once the
 *     window has closed; else LC_EXAM_ERROR_REVIEW_CLOSED;
 *   LC_PERM_MANAGE_EXAMS or LC_PERM_GRADE: everything, in any state.
 * Another officer's attempt is LC_EXAM_ERROR_UNKNOWN_ATTEMPT for an officer;
 * personnel get LcAuthError.
 */
LcPaper *lc_exam_get_paper (LcSession *session, gint64 attempt_id, GError **error);

/**
 * lc_exam_grade_item:
 * @session: needs LC_PERM_GRADE
 * @points: 0 to the item's points, hundredths
 * @comment: (nullable): the grader's comment, shown in a full review
 *
 * Grades an essay, or overrides the automatic grade of any other item, of a
 * submitted attempt. When no item is left ungraded the attempt becomes
 * LC_ATTEMPT_GRADED with its score and pass mark. One transaction.
 */
gboolean lc_exam_grade_item (LcSession *session, gint64 attempt_id, int pos, gint64 points, const char *comment,
                             GError **error);

/**
 * lc_exam_grade_submitted:
 * @session: needs LC_PERM_GRADE
 * @exam_id: one exam, or 0 for all
 * @n_graded: (out) (optional): how many attempts were graded
 *
 * Grades (see GRADING) every attempt left submitted and not yet graded
 * (LC_ATTEMPT_SUBMITTED: attempts stored by a program that grades later,
 * such as an import or a simulation), as submission would have. Reads each
 * question's key once for the whole batch; one transaction. About 1.5 µs
 * an item (bench-exam: 10,000 attempts of 100 questions in 1.5 s).
 */
gboolean lc_exam_grade_submitted (LcSession *session, gint64 exam_id, guint *n_graded, GError **error);

/* Results -------------------------------------------------------------- */

/* The attempts of @exam_id (0: every exam), by officer and number. With
 * @officer_id not 0 only that officer's. LC_PERM_READ_RESULTS reads all;
 * an officer only their own (then @officer_id must be theirs), scores as
 * the review policy allows. */
GPtrArray *lc_exam_list_attempts (LcSession *session, gint64 exam_id, gint64 officer_id, GError **error);

typedef enum
{
  LC_MY_EXAM_OPEN,     /* the window is open now */
  LC_MY_EXAM_UPCOMING, /* it opens later */
  LC_MY_EXAM_PAST,     /* it has closed */
} LcMyExamWhen;

/* An exam as one officer sees it in "My exams". */
typedef struct
{
  LcExam *exam; /* without sections' bank counts; sections included */
  LcMyExamWhen when;
  guint attempts_used;
  int attempts_left;          /* -1: no limit */
  gint64 attempt_in_progress; /* its id, or 0 */
  gboolean can_start;         /* open, attempts left (or one in progress to resume) */
  gboolean has_best;          /* the review policy shows scores and one is graded */
  gint64 best_score;
  gboolean passed; /* an attempt passed (when scores are shown) */
  gboolean awaiting_grading;
} LcMyExam;

void lc_my_exam_free (LcMyExam *my_exam);

/* The published exams @officer_id may sit, and those they sat, open first
 * (soonest closing first), then upcoming (soonest opening), then past (most
 * recently closed). An officer session only for itself. */
GPtrArray *lc_exam_my_exams (LcSession *session, gint64 officer_id, GError **error);

/* One item of a submitted attempt, for item statistics and answer exports. */
typedef struct
{
  gint64 attempt_id;
  gint64 officer_id;
  int pos;
  gint64 question_id;
  char *question_uid;
  gint64 question_version_id;
  int version_no;
  LcQuestionType type;
  guint64 chosen; /* choices: bit i set when stored option i (option.pos) was chosen */
  char *text;     /* fill-in and essay: the answer as given; NULL when unanswered */
  gboolean answered;
  gint64 points;
  gint64 awarded; /* -1 while ungraded */
} LcExamResponse;

void lc_exam_response_free (LcExamResponse *response);
/* Every item of every submitted attempt of @exam_id, by attempt and
 * position. Needs LC_PERM_MANAGE_EXAMS (the responses show the key's use). */
GPtrArray *lc_exam_list_responses (LcSession *session, gint64 exam_id, GError **error);

/* Grading helpers -------------------------------------------------------- */

/* A fill-in answer as compared: NFKC (full-width letters and digits become
 * half-width), case folded, whitespace and punctuation removed. */
char *lc_exam_normalize_fill (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcExam, lc_exam_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcExamSection, lc_exam_section_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcPaper, lc_paper_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcPaperItem, lc_paper_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcAttempt, lc_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcMyExam, lc_my_exam_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcExamResponse, lc_exam_response_free)

G_END_DECLS
