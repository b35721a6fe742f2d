/* lc-bank.h: the question bank — categories, questions with immutable
 * versions, their options and legal basis, full-text search, GIFT import
 * and export (with a dry run that previews an import), and the starter bank
 * shipped with the program.
 *
 * A question is never edited in place: lc_bank_edit_question() adds a
 * version and moves the question to it; older versions stay readable, since
 * exam attempts keep pointing at the version they showed.
 *
 * Permissions: changes need LC_PERM_MANAGE_CONTENT (trainers and
 * administrators). Reading is open to trainers, personnel and administrators;
 * officers may read nothing here, since every question carries its answer key.
 * Failures are LcBankError, LcAuthError (permission), LcLawError (a basis
 * that names no article) or LcDbError (storage), with a translated message.
 *
 *   g_autoptr (LcQuestion) q = lc_question_new (LC_QUESTION_SINGLE);
 *   q->stem = g_strdup ("下列哪一项不属于行政处罚的种类？");
 *   lc_question_add_option (q, "记过", TRUE);
 *   lc_question_add_option (q, "通报批评", FALSE);
 *   q->basis_ref = g_strdup ("administrative-penalty-law@2021-01-22#9");
 *   if (!lc_bank_add_question (session, q, "行政处罚法/第二章", &uid, &error)) …
 *
 * Fill-in answers are stored as options with correct = TRUE (every option
 * of a fill-in question is an accepted answer). A true/false question has
 * exactly the options "T" and "F" in this order, one of them correct: build
 * them with lc_question_set_truefalse().
 */
#pragma once

#include <glib.h>

#include "lc-db.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_BANK_ERROR (lc_bank_error_quark ())

/**
 * LcBankError:
 * @LC_BANK_ERROR_EMPTY_STEM: the question has no text
 * @LC_BANK_ERROR_NO_OPTIONS: a choice question has fewer than two options, or a fill-in none
 * @LC_BANK_ERROR_EMPTY_OPTION: an option (or accepted answer) is empty
 * @LC_BANK_ERROR_DUPLICATE_OPTION: two options have the same text
 * @LC_BANK_ERROR_SINGLE_NOT_ONE: a single-choice question has not exactly one correct option
 * @LC_BANK_ERROR_MULTIPLE_TOO_FEW: a multiple-choice question has fewer than two correct options
 * @LC_BANK_ERROR_TRUEFALSE_OPTIONS: a true/false question's options are not "T" and "F" with one correct
 * @LC_BANK_ERROR_ESSAY_OPTIONS: an essay question has options
 * @LC_BANK_ERROR_DIFFICULTY: the difficulty is not 1 to 5
 * @LC_BANK_ERROR_WEIGHT: an option's weight is outside -100% to 100%
 * @LC_BANK_ERROR_CATEGORY: a category path is empty or has an empty part
 * @LC_BANK_ERROR_UID: a uid is empty, too long or has spaces
 * @LC_BANK_ERROR_DUPLICATE_UID: another question has this uid
 * @LC_BANK_ERROR_UNKNOWN_QUESTION: no question with that uid, or no such version
 * @LC_BANK_ERROR_IMPORT: an import found problems; they are listed one by one, nothing was stored
 * @LC_BANK_ERROR_SHIPPED: the starter bank built into the program is damaged (a bug)
 *
 * The basis is checked with lc_law_find_article(): a citation that names no
 * stored article fails with its LcLawError.
 */
typedef enum
{
  LC_BANK_ERROR_EMPTY_STEM,
  LC_BANK_ERROR_NO_OPTIONS,
  LC_BANK_ERROR_EMPTY_OPTION,
  LC_BANK_ERROR_DUPLICATE_OPTION,
  LC_BANK_ERROR_SINGLE_NOT_ONE,
  LC_BANK_ERROR_MULTIPLE_TOO_FEW,
  LC_BANK_ERROR_TRUEFALSE_OPTIONS,
  LC_BANK_ERROR_ESSAY_OPTIONS,
  LC_BANK_ERROR_DIFFICULTY,
  LC_BANK_ERROR_WEIGHT,
  LC_BANK_ERROR_CATEGORY,
  LC_BANK_ERROR_UID,
  LC_BANK_ERROR_DUPLICATE_UID,
  LC_BANK_ERROR_UNKNOWN_QUESTION,
  LC_BANK_ERROR_IMPORT,
  LC_BANK_ERROR_SHIPPED,
} LcBankError;

GQuark lc_bank_error_quark (void);

typedef enum
{
  LC_QUESTION_SINGLE,
  LC_QUESTION_MULTIPLE,
  LC_QUESTION_TRUEFALSE,
  LC_QUESTION_FILL,
  LC_QUESTION_ESSAY,
} LcQuestionType;

typedef enum
{
  LC_QUESTION_DRAFT,
  LC_QUESTION_ACTIVE,
  LC_QUESTION_RETIRED,
} LcQuestionStatus;

/* "single", "multiple", "truefalse", "fill", "essay" */
const char *lc_question_type_to_string (LcQuestionType type);
gboolean lc_question_type_from_string (const char *text, LcQuestionType *type);
const char *lc_question_type_display_name (LcQuestionType type);
/* "draft", "active", "retired" */
const char *lc_question_status_to_string (LcQuestionStatus status);
gboolean lc_question_status_from_string (const char *text, LcQuestionStatus *status);
const char *lc_question_status_display_name (LcQuestionStatus status);

typedef struct
{
  char *text;
  gboolean correct;
  int weight;      /* share of the mark in hundredths of a percent: 10000 = 100% */
  gboolean pinned; /* stays in place when options are shuffled ("以上都是") */
  char *feedback;  /* or NULL */
} LcQuestionOption;

/* One version of a question, with what the question holds around it. */
typedef struct
{
  /* the question */
  gint64 id;      /* 0 until stored */
  char *uid;      /* stable across versions and files; NULL lets add make one */
  char *category; /* the category path, or NULL */
  LcQuestionStatus status;
  gint64 updated_at;
  /* this version */
  gint64 version_id;
  int version_no;
  gint64 created_at;
  gint64 author_user_id; /* 0: the program (starter bank) */
  /* Who made this version, as shown to people: "张伟 (zhangwei)" for a user
   * linked to an officer, else the login, "the program" for 0 (translated).
   * Filled by the functions that read versions; NULL on a question built in memory. */
  char *author_name;
  LcQuestionType type;
  char *name;   /* GIFT ::name::, or NULL */
  char *format; /* "moodle" (NULL means it), "html", "markdown", "plain" */
  char *stem;
  char *explanation;  /* or NULL */
  char *model_answer; /* essays, or NULL */
  int difficulty;     /* 1-5; lc_question_new() sets 3 */
  char *basis_ref;    /* "slug@YYYY-MM-DD#N" as written, or NULL */
  gint64 basis_article_id;
  GPtrArray *options; /* LcQuestionOption */
  /* filled by lc_bank_get_question() and lc_bank_get_version() only */
  char *basis_label; /* "中华人民共和国行政处罚法 第九条" */
  char *basis_text;
} LcQuestion;

LcQuestion *lc_question_new (LcQuestionType type);
void lc_question_free (LcQuestion *question);
LcQuestionOption *lc_question_add_option (LcQuestion *question, const char *text, gboolean correct);
/* Replaces the options by "T" and "F", @answer telling which is correct. */
void lc_question_set_truefalse (LcQuestion *question, gboolean answer);
/* Gives the right options their weight: in a multiple-choice question they
 * share the mark (a third each for three, the last taking the rounding),
 * otherwise each earns all of it. Wrong options keep theirs. */
void lc_question_share_weights (LcQuestion *question);
/* The content of two versions is the same (type, name, format, stem,
 * explanation, model answer, difficulty, basis, options). */
gboolean lc_question_same_content (const LcQuestion *a, const LcQuestion *b);

/* A category path: names joined by "/", none of them empty. */
gboolean lc_bank_validate_category (const char *path, GError **error);

/* The differences between two versions ------------------------------ */

/**
 * LcQuestionField:
 * @LC_QUESTION_FIELD_TYPE: the question type
 * @LC_QUESTION_FIELD_NAME: the GIFT name
 * @LC_QUESTION_FIELD_STEM: the question's text
 * @LC_QUESTION_FIELD_OPTIONS: the options, their correct flags, weights, pinning and feedback;
 *   a fill-in question's accepted answers; a true/false question's answer
 * @LC_QUESTION_FIELD_MODEL_ANSWER: an essay's model answer
 * @LC_QUESTION_FIELD_EXPLANATION: the explanation
 * @LC_QUESTION_FIELD_DIFFICULTY: the difficulty, 1 to 5
 * @LC_QUESTION_FIELD_BASIS: the legal basis (the citation decides; the label is shown)
 * @LC_QUESTION_FIELD_FORMAT: the text format marker
 *
 * The content of a version, in the order a person reads it.
 */
typedef enum
{
  LC_QUESTION_FIELD_TYPE,
  LC_QUESTION_FIELD_NAME,
  LC_QUESTION_FIELD_STEM,
  LC_QUESTION_FIELD_OPTIONS,
  LC_QUESTION_FIELD_MODEL_ANSWER,
  LC_QUESTION_FIELD_EXPLANATION,
  LC_QUESTION_FIELD_DIFFICULTY,
  LC_QUESTION_FIELD_BASIS,
  LC_QUESTION_FIELD_FORMAT,
} LcQuestionField;

#define LC_QUESTION_N_FIELDS (LC_QUESTION_FIELD_FORMAT + 1)

typedef struct
{
  LcQuestionField field;
  char *label;         /* translated: "Question", "Options", "Accepted answers", … */
  char *old_text;      /* the field in the old version, as lc_question_field_text() shows it */
  char *new_text;      /* likewise in the new version */
  GPtrArray *segments; /* LcDiffSegment * (lc-law.h) from old_text to new_text */
} LcQuestionFieldDiff;

void lc_question_field_diff_free (LcQuestionFieldDiff *diff);

/* The translated name of @field for @question ("Accepted answers" for the
 * options of a fill-in question, "Answer" for a true/false one). */
const char *lc_question_field_label (const LcQuestion *question, LcQuestionField field);

/* @field of @question as a person reads it, "" when absent. Options one a
 * line, "A. 记过 ✓", with " (pinned)", a weight other than 0 and 100% and
 * "Feedback: …" on a line of its own; fill-in answers one a line; a
 * true/false answer as "True" or "False"; the basis as its label (when
 * read by lc_bank_get_version()) and its citation. Free it. */
char *lc_question_field_text (const LcQuestion *question, LcQuestionField field);

/**
 * lc_question_diff:
 * @old_question: the earlier version
 * @new_question: the later one
 *
 * The fields whose content differs, in LcQuestionField order, each with the
 * character-level runs (lc_text_diff()) between its old and new text. Pure:
 * no database, no session. Empty when lc_question_same_content() holds.
 *
 *   g_autoptr (GPtrArray) fields = lc_question_diff (v1, v2);
 *   for (guint i = 0; i < fields->len; i++)
 *     show (((LcQuestionFieldDiff *) g_ptr_array_index (fields, i))->label, …);
 *
 * Returns: (transfer full): LcQuestionFieldDiff *
 */
GPtrArray *lc_question_diff (const LcQuestion *old_question, const LcQuestion *new_question);

/* Checks @question alone (no database): the first rule it breaks. */
gboolean lc_question_validate (const LcQuestion *question, GError **error);

/* Categories ----------------------------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 parent_id; /* 0 at the root */
  char *name;
  char *path;
  guint depth;       /* 0 at the root */
  guint n_questions; /* in this category itself */
} LcCategory;

void lc_category_free (LcCategory *category);

/* The category of @path ("a/b/c"), made with its parents when missing. */
gboolean lc_bank_ensure_category (LcSession *session, const char *path, gint64 *id, GError **error);
/* Every category in tree order (a parent right before its children). */
GPtrArray *lc_bank_list_categories (LcSession *session, GError **error);

/* Questions ------------------------------------------------------------ */

/* Stores a new question as its version 1 in @question->category (made when
 * missing), with @question->status. A NULL uid gets "q-" and 16 random hex
 * digits. @uid (optional) gets the uid. */
gboolean lc_bank_add_question (LcSession *session, const LcQuestion *question, char **uid, GError **error);
/* Makes @question the new version of the question @uid. An edit that
 * changes no content makes no version (*new_version FALSE); the category
 * and status of @question are ignored (see lc_bank_set_status()). */
gboolean lc_bank_edit_question (LcSession *session, const char *uid, const LcQuestion *question, gboolean *new_version,
                                GError **error);
/* The current version with its options and its basis article's text. */
LcQuestion *lc_bank_get_question (LcSession *session, const char *uid, GError **error);
/* Version @no (1, 2, …) of @uid, likewise. */
LcQuestion *lc_bank_get_version (LcSession *session, const char *uid, int no, GError **error);
/* Every version of @uid, oldest first, with their options (no basis text). */
GPtrArray *lc_bank_list_versions (LcSession *session, const char *uid, GError **error);
gboolean lc_bank_set_status (LcSession *session, const char *uid, LcQuestionStatus status, GError **error);

typedef struct
{
  const char *text;     /* in the stem, options or explanation; NULL for any */
  int type;             /* an LcQuestionType, or -1 for any */
  int difficulty;       /* 1-5, or 0 for any */
  int status;           /* an LcQuestionStatus, or -1 for any */
  const char *law_slug; /* cites a version of this law; NULL for any */
  const char *category; /* in this category or below; NULL for any */
  guint limit;          /* 0: no limit */
} LcBankFilter;

/* Sets every field to "any". */
void lc_bank_filter_init (LcBankFilter *filter);
/* The current versions (without options) that match, by category path and id. */
GPtrArray *lc_bank_search (LcSession *session, const LcBankFilter *filter, GError **error);
gboolean lc_bank_count (LcSession *session, const LcBankFilter *filter, guint *count, GError **error);

/* Imports --------------------------------------------------------------- */

typedef struct
{
  guint added;
  guint updated; /* a new version, or only moved to another category */
  guint unchanged;
  guint skipped; /* matching/numerical/description left out with LC_BANK_IMPORT_SKIP_UNSUPPORTED */
} LcBankImportResult;

/**
 * LcBankImportFlags:
 * @LC_BANK_IMPORT_DEFAULT: store, refusing a GIFT file with unsupported questions
 * @LC_BANK_IMPORT_SKIP_UNSUPPORTED: leave GIFT matching/numerical/description
 *   questions out (counted as skipped) instead of refusing the file; tables have none
 * @LC_BANK_IMPORT_DRY_RUN: a preview: the same checks and the same storing,
 *   then rolled back, so that the counts and items tell exactly what an
 *   import would do, and nothing is stored
 */
typedef enum
{
  LC_BANK_IMPORT_DEFAULT = 0,
  LC_BANK_IMPORT_SKIP_UNSUPPORTED = 1 << 0,
  LC_BANK_IMPORT_DRY_RUN = 1 << 1,
} LcBankImportFlags;

typedef enum
{
  LC_BANK_IMPORT_ADDED,
  LC_BANK_IMPORT_UPDATED, /* a new version, or only moved to another category */
  LC_BANK_IMPORT_UNCHANGED,
  LC_BANK_IMPORT_SKIPPED, /* GIFT matching/numerical/description, with LC_BANK_IMPORT_SKIP_UNSUPPORTED */
} LcBankImportOutcome;

/* What an import did (or, with LC_BANK_IMPORT_DRY_RUN, would do) to one question of the file. */
typedef struct
{
  LcBankImportOutcome outcome;
  guint line;     /* GIFT: the question's line; table: its row number as the file shows it */
  char *uid;      /* as stored (made when the file gave none); NULL when skipped */
  char *category; /* or NULL */
  char *stem;     /* the text; when skipped, the GIFT ::name:: or NULL */
  LcQuestionType type;
  const char *skipped_kind; /* "matching", "numerical" or "description" when skipped (static, untranslated) */
} LcBankImportItem;

void lc_bank_import_item_free (LcBankImportItem *item);
/* "added", "updated", "unchanged", "skipped" */
const char *lc_bank_import_outcome_to_string (LcBankImportOutcome outcome);

/**
 * lc_bank_import_gift:
 * @session: needs LC_PERM_MANAGE_CONTENT, also for a dry run
 * @text: (array length=len): the GIFT file
 * @source_name: names the file in problems
 * @flags: LC_BANK_IMPORT_SKIP_UNSUPPORTED, LC_BANK_IMPORT_DRY_RUN
 * @result: (out) (optional): the counts
 * @items: (out) (optional): on success, a new array of LcBankImportItem in file order,
 *   skipped questions included
 * @problems: (out) (optional): on LC_BANK_ERROR_IMPORT, "FILE:LINE:COLUMN: reason" strings
 *
 * Checks every question first, then stores all in one transaction, or
 * nothing at all. A question whose @uid is known gets a new version when its
 * content differs; a question without @uid gets one from a hash of
 * @source_name and its line, so that importing the same file again finds it.
 * Metadata: @uid, @difficulty (default 3), @basis. Added questions are active.
 *
 * A preview before the real import:
 *
 *   if (!lc_bank_import_gift (session, text, len, "apl.gift", LC_BANK_IMPORT_DRY_RUN, &counts, &items,
 *                             &problems, &error))
 *     … show @problems: the file would be refused …
 *   else if (counts.added + counts.updated > 0 && user_agrees)
 *     lc_bank_import_gift (session, text, len, "apl.gift", LC_BANK_IMPORT_DEFAULT, &counts, NULL, NULL, &error);
 *
 * Inside a transaction of the caller a dry run rolls back only its own savepoint.
 */
gboolean lc_bank_import_gift (LcSession *session, const char *text, gsize len, const char *source_name,
                              LcBankImportFlags flags, LcBankImportResult *result, GPtrArray **items,
                              GPtrArray **problems, GError **error);
/* Tables ---------------------------------------------------------------- */

/**
 * lc_bank_import_table:
 * @table: a sheet read by lc_table_read_csv() or lc_table_read_xlsx()
 * @flags: LC_BANK_IMPORT_DRY_RUN for a preview (LC_BANK_IMPORT_SKIP_UNSUPPORTED changes nothing)
 * @items: (out) (optional): on success, a new array of LcBankImportItem in row order
 * @problems: (out) (optional): on LC_BANK_ERROR_IMPORT, "FILE: row N, column X (header): reason" strings
 *
 * Columns by header (Chinese, or the English alias): 编号 uid, 分类 category,
 * 题型 type (单选/多选/判断/填空/问答), 难度 difficulty, 题干 stem, 选项A–选项H
 * option_a–option_h, 答案 answer (letters; 对/错; accepted answers split by
 * "|"), 解析 explanation, 参考答案 model_answer, 法律依据 basis. Like
 * lc_bank_import_gift(): all rows checked first, then one transaction.
 */
gboolean lc_bank_import_table (LcSession *session, const LcTable *table, LcBankImportFlags flags,
                               LcBankImportResult *result, GPtrArray **items, GPtrArray **problems, GError **error);
/* The Chinese headers of the table layout, in export order, NULL-terminated. */
const char *const *lc_bank_table_headers (void);
/* A choice question's answer as option letters ("ACD"), 对/错, or fill-in
 * answers joined by "|"; "" for an essay. Free it. */
char *lc_bank_table_answer (const LcQuestion *question);
/* 单选, 多选, 判断, 填空, 问答: the words the table layout uses. */
const char *lc_bank_table_type_word (LcQuestionType type);

/* Every question (or those in @category and below) as canonical GIFT,
 * by category path and id. Pinned flags and statuses are not part of GIFT. */
gboolean lc_bank_export_gift (LcSession *session, const char *category, char **text, GError **error);

/* Loads the starter bank built into the program when the bank holds no
 * question, all active. No session: it is the program's content. Call it
 * after lc_law_ensure_shipped(). */
gboolean lc_bank_ensure_starter (LcDb *db, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcQuestion, lc_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcCategory, lc_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcQuestionFieldDiff, lc_question_field_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcBankImportItem, lc_bank_import_item_free)

G_END_DECLS
