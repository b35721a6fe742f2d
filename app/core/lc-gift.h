/* lc-gift.h: reading and writing GIFT, the question format of Moodle, with
 * our metadata in `// @key value` comment lines that Moodle ignores. Pure: no
 * database; lc-bank turns these plain structs into stored questions.
 *
 * Supported kinds: single choice ({=a ~b ~c}), multiple answers
 * ({~%50%a ~%50%b ~%-100%c}), true/false ({T}, {FALSE#wrong fb#right fb}),
 * short answer (our fill-in, {=a =b}) and essay ({} or {####model answer}).
 * Matching (->) and numerical ({#…}) questions, and descriptions (text
 * without an answer block), are refused by line, or left out and listed when
 * the caller passes LC_GIFT_SKIP_UNSUPPORTED: never silently dropped.
 *
 *   g_autoptr (GPtrArray) questions = NULL;
 *   g_autoptr (GPtrArray) skipped = NULL;
 *   if (!lc_gift_parse (text, length, "apl.gift", LC_GIFT_PARSE_DEFAULT, &questions, &skipped, &error))
 *     g_printerr ("%s\n", error->message);   // "apl.gift:12:3: the answer block { is not closed"
 *   g_autofree char *again = lc_gift_write (questions, NULL);
 *
 * The writer is canonical: write (parse (write (x))) is byte for byte
 * write (x), and parse (write (q)) equals q field by field for any question
 * the reader could have produced (see lc_gift_write() for the limits).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LC_GIFT_ERROR (lc_gift_error_quark ())

/**
 * LcGiftError:
 * @LC_GIFT_ERROR_ENCODING: the text is not UTF-8 (message gives line and column)
 * @LC_GIFT_ERROR_SYNTAX: malformed GIFT; the message is "FILE:LINE:COLUMN: reason"
 * @LC_GIFT_ERROR_UNSUPPORTED: matching, numerical or description questions and no
 *   LC_GIFT_SKIP_UNSUPPORTED; the message names every one, one "FILE:LINE:COLUMN: …" a line
 */
typedef enum
{
  LC_GIFT_ERROR_ENCODING,
  LC_GIFT_ERROR_SYNTAX,
  LC_GIFT_ERROR_UNSUPPORTED,
} LcGiftError;

GQuark lc_gift_error_quark (void);

typedef enum
{
  LC_GIFT_PARSE_DEFAULT = 0,
  /* Leave matching/numerical/description questions out and list them in @skipped. */
  LC_GIFT_SKIP_UNSUPPORTED = 1 << 0,
} LcGiftParseFlags;

typedef enum
{
  LC_GIFT_SINGLE,    /* one "=" answer, "~" distractors (may carry partial credit) */
  LC_GIFT_MULTIPLE,  /* only "~%w%" answers; correct are those with a positive weight */
  LC_GIFT_TRUEFALSE, /* {T} / {F} */
  LC_GIFT_SHORT,     /* only "=" answers: accepted forms of a fill-in */
  LC_GIFT_ESSAY,     /* {} or {####model answer} */
} LcGiftType;

/* The text format marker in front of the stem: [moodle] (the default), [html], [markdown], [plain]. */
typedef enum
{
  LC_GIFT_FORMAT_MOODLE,
  LC_GIFT_FORMAT_HTML,
  LC_GIFT_FORMAT_MARKDOWN,
  LC_GIFT_FORMAT_PLAIN,
} LcGiftFormat;

typedef struct
{
  char *text;       /* unescaped, trimmed, never empty */
  double weight;    /* percent of the mark: 100, 50, 33.33333, -100; kept to 5 decimals */
  gboolean correct; /* single: the "=" answer; multiple: weight > 0; short: always */
  char *feedback;   /* after "#", or NULL */
} LcGiftOption;

typedef struct
{
  char *key;   /* without the "@" */
  char *value; /* the words after it, joined by single spaces; "" when none */
} LcGiftMeta;

typedef struct
{
  char *category; /* the last "$CATEGORY:" path before the question, or NULL */
  char *name;     /* "::name::", or NULL */
  LcGiftFormat format;
  char *stem; /* unescaped; a mid-text answer block becomes "____" */
  LcGiftType type;
  GPtrArray *options; /* LcGiftOption, for single, multiple and short */
  gboolean truefalse_answer;
  char *truefalse_feedback_wrong; /* "{T#this#…}": shown to whoever answered wrongly, or NULL */
  char *truefalse_feedback_right; /* "{T#…#this}", or NULL */
  char *general_feedback;         /* "####…", or NULL */
  GPtrArray *meta;                /* LcGiftMeta from the `// @` lines directly above */
  guint line;                     /* 1-based position of the question's first character */
  guint column;
} LcGiftQuestion;

/* What LC_GIFT_SKIP_UNSUPPORTED left out. */
typedef struct
{
  guint line;
  guint column;
  const char *kind; /* "matching", "numerical" or "description" (static, untranslated) */
  char *name;       /* "::name::", or NULL */
} LcGiftSkipped;

/* An empty question of @type with empty options and meta arrays. */
LcGiftQuestion *lc_gift_question_new (LcGiftType type);
void lc_gift_question_free (LcGiftQuestion *question);
/* Appends an option; @feedback may be NULL. Returns the new option (owned by @question). */
LcGiftOption *lc_gift_question_add_option (LcGiftQuestion *question, const char *text, double weight, gboolean correct,
                                           const char *feedback);
/* The value of @key ("uid", "difficulty", "basis", …), or NULL. */
const char *lc_gift_question_get_meta (const LcGiftQuestion *question, const char *key);
/* Sets or replaces @key; a NULL @value removes it. */
void lc_gift_question_set_meta (LcGiftQuestion *question, const char *key, const char *value);
/* Field by field, positions excluded, metadata regardless of order. */
gboolean lc_gift_question_equal (const LcGiftQuestion *a, const LcGiftQuestion *b);

void lc_gift_option_free (LcGiftOption *option);
void lc_gift_skipped_free (LcGiftSkipped *skipped);

/* "single", "multiple", "truefalse", "short", "essay". */
const char *lc_gift_type_name (LcGiftType type);

/**
 * lc_gift_parse:
 * @text: the file's bytes (need not be NUL-terminated); a UTF-8 BOM is skipped, CRLF is fine
 * @length: bytes in @text
 * @source_name: names the text in messages (usually the file's base name); NULL gives "<input>"
 * @flags: LC_GIFT_SKIP_UNSUPPORTED to leave out matching/numerical/description questions
 * @questions: (out): on success, a new array of LcGiftQuestion in file order
 * @skipped: (out) (optional): on success, a new array of LcGiftSkipped
 * @error: LC_GIFT_ERROR_*; on failure nothing is returned
 *
 * Questions are separated by blank lines. Whole-line `//` comments are
 * ignored, except that the last run of `// @key value` lines directly above
 * a question becomes its metadata. The first syntax error stops the parse.
 *
 * Returns: TRUE on success.
 */
gboolean lc_gift_parse (const char *text, gsize length, const char *source_name, LcGiftParseFlags flags,
                        GPtrArray **questions, GPtrArray **skipped, GError **error);

/**
 * lc_gift_write:
 * @questions: LcGiftQuestion
 * @length: (out) (optional): bytes written, without the final NUL
 *
 * Canonical GIFT: a `$CATEGORY:` line and a blank line whenever the category
 * changes; `// @uid …  @difficulty …  @basis …` (then other keys sorted);
 * `::name::`; a format marker unless moodle; the escaped stem (line breaks as
 * `\n`); choices one per line between `{` and `}` with `####` general
 * feedback last; true/false, short answer and essay on the stem's line; a
 * blank line between questions.
 *
 * It writes what it is given: a single-choice question needs exactly one
 * correct option and a multiple one a positive weight, or the output will not
 * read back. Categories and metadata values are written as they are: keep
 * them to one line (the reader never produces anything else).
 *
 * Returns: (transfer full): the text, NUL-terminated.
 */
char *lc_gift_write (GPtrArray *questions, gsize *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcGiftQuestion, lc_gift_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcGiftSkipped, lc_gift_skipped_free)

G_END_DECLS
