/* lc-law.h: statutes — their texts, versions, articles and what changed between two versions.
 *
 * A law (identified by an English slug such as "administrative-penalty-law")
 * has versions, one per amendment date; a version has articles numbered
 * 1..N. Texts come as the Markdown of data/laws (see its README): the
 * program ships them as a GResource and lc_law_ensure_shipped() loads them
 * into every database. Trainers import further versions with
 * lc_law_import(), which needs LC_PERM_MANAGE_CONTENT; every signed-in user
 * may read statutes.
 *
 * Failures are LcLawError, LcAuthError (permission) or LcDbError (storage),
 * with a translated message.
 *
 *   g_autoptr (LcLawText) text = lc_law_parse (markdown, length, "行政处罚法.md", &error);
 *   g_autoptr (LcArticle) article = lc_law_find_article (session, "administrative-penalty-law@2021-01-22#9", &error);
 *   g_autoptr (GPtrArray) changes = NULL;
 *   lc_law_diff (session, old_version_id, new_version_id, &changes, &error);
 */
#pragma once

#include <glib.h>

#include "lc-db.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_LAW_ERROR (lc_law_error_quark ())

/**
 * LcLawError:
 * @LC_LAW_ERROR_NO_TITLE: the text does not start with a "# title" line
 * @LC_LAW_ERROR_NUMBERING: article numbers do not run 1, 2, 3 … (message names the line and numbers)
 * @LC_LAW_ERROR_EMPTY_ARTICLE: an article has no text
 * @LC_LAW_ERROR_STRAY_TEXT: text after the header that belongs to no article
 * @LC_LAW_ERROR_NO_ARTICLES: the text holds no article at all
 * @LC_LAW_ERROR_INVALID_VALUE: a slug, date, kind or citation is malformed (message says which)
 * @LC_LAW_ERROR_DUPLICATE_VERSION: that law already has a version of that date
 * @LC_LAW_ERROR_UNKNOWN_LAW: no law with that slug
 * @LC_LAW_ERROR_UNKNOWN_VERSION: the law has no version of that date, or no version with that id
 * @LC_LAW_ERROR_UNKNOWN_ARTICLE: the version has no article of that number
 * @LC_LAW_ERROR_SHIPPED: the statute texts built into the program are damaged (a bug)
 *
 * Parse errors name the source and the line: "行政复议法.md:37: …".
 */
typedef enum
{
  LC_LAW_ERROR_NO_TITLE,
  LC_LAW_ERROR_NUMBERING,
  LC_LAW_ERROR_EMPTY_ARTICLE,
  LC_LAW_ERROR_STRAY_TEXT,
  LC_LAW_ERROR_NO_ARTICLES,
  LC_LAW_ERROR_INVALID_VALUE,
  LC_LAW_ERROR_DUPLICATE_VERSION,
  LC_LAW_ERROR_UNKNOWN_LAW,
  LC_LAW_ERROR_UNKNOWN_VERSION,
  LC_LAW_ERROR_UNKNOWN_ARTICLE,
  LC_LAW_ERROR_SHIPPED,
} LcLawError;

GQuark lc_law_error_quark (void);

/* An article, parsed or stored. */
typedef struct
{
  gint64 id;             /* 0 when only parsed */
  gint64 law_version_id; /* 0 when only parsed */
  int no;                /* Arabic: 第一百零三条 is 103 */
  char *label;           /* as written: "第一百零三条" */
  char *chapter;         /* "第二章 行政处罚的种类和设定", or "" */
  char *section;         /* "第一节 一般规定", or "" */
  char *text;            /* paragraphs (items “（一）…” included) joined by '\n' */
  guint line;            /* where the article starts in its source; 0 when stored */
} LcArticle;

void lc_article_free (LcArticle *article);
LcArticle *lc_article_copy (const LcArticle *article);

/* What lc_law_parse() found in one Markdown text. */
typedef struct
{
  char *title;         /* "中华人民共和国行政复议法" */
  GPtrArray *history;  /* char *: the legislative-event lines, oldest first */
  GPtrArray *chapters; /* char *: chapter headings in order (empty without chapters) */
  GPtrArray *articles; /* LcArticle *: numbered 1..N */
} LcLawText;

void lc_law_text_free (LcLawText *text);

/* Parses the Markdown of one statute version (UTF-8, @length bytes or -1).
 * Tolerates full-width spaces (U+3000) in headings and after 第X条,
 * zero-width-space lines and texts without chapters. @source_name (a file
 * name, may be NULL) prefixes error messages. Pure: no database. */
LcLawText *lc_law_parse (const char *markdown, gssize length, const char *source_name, GError **error);

/* 一百零三 -> 103, 十二 -> 12, 二十 -> 20; FALSE if @text (of @length bytes, or
 * -1) is not a Chinese numeral from 1 to 9999. */
gboolean lc_chinese_numeral_parse (const char *text, gssize length, int *value);

/* "national-law", "administrative-regulation", "local-regulation" */
gboolean lc_law_kind_is_valid (const char *kind);
/* The kind's translated name. */
const char *lc_law_kind_display_name (const char *kind);

/* Stored versions ------------------------------------------------------ */

typedef struct
{
  gint64 id;
  gint64 law_id;
  char *slug;         /* of the law */
  char *version_date; /* YYYY-MM-DD */
  char *title;
  char *kind;
  char *history; /* the legislative-event lines joined by '\n' */
  guint n_articles;
} LcLawVersion;

void lc_law_version_free (LcLawVersion *version);

/* Stores one version of the law @slug (created if new) from its Markdown,
 * in one transaction. A version of the same date is refused with
 * LC_LAW_ERROR_DUPLICATE_VERSION unless @replace, which puts the new texts
 * in place: an article whose number stays keeps its id, articles beyond the
 * new count go. Needs LC_PERM_MANAGE_CONTENT. @version_id may be NULL. */
gboolean lc_law_import (LcSession *session, const char *markdown, gssize length, const char *slug,
                        const char *version_date, const char *kind, const char *source_name, gboolean replace,
                        gint64 *version_id, GError **error);

/* Loads every statute version listed in the program's own INDEX.tsv that
 * the database lacks, in one transaction; does nothing when all are there.
 * No session: the texts are the program's content, not a user's change.
 * Called right after opening a database. */
gboolean lc_law_ensure_shipped (LcDb *db, GError **error);

/* Every version, ordered by slug and date; only those of @slug unless NULL. */
GPtrArray *lc_law_list_versions (LcSession *session, const char *slug, GError **error);
/* The version of @slug dated @version_date, or the latest when it is NULL. */
LcLawVersion *lc_law_get_version (LcSession *session, const char *slug, const char *version_date, GError **error);
LcLawVersion *lc_law_get_version_by_id (LcSession *session, gint64 version_id, GError **error);
/* LcArticle * in order of number. */
GPtrArray *lc_law_list_articles (LcSession *session, gint64 version_id, GError **error);

/* Splits "SLUG[@YYYY-MM-DD]" (and, if @article_no is not NULL, a required
 * "#N" after it); *version_date is NULL when no date was given. */
gboolean lc_law_parse_reference (const char *reference, char **slug, char **version_date, int *article_no,
                                 GError **error);
/* The article a citation names: "administrative-penalty-law@2021-01-22#9"
 * (without "@date", the latest version). */
LcArticle *lc_law_find_article (LcSession *session, const char *reference, GError **error);

/* Differences ---------------------------------------------------------- */

typedef enum
{
  LC_DIFF_EQUAL,
  LC_DIFF_DELETE,
  LC_DIFF_INSERT,
} LcDiffKind;

typedef struct
{
  LcDiffKind kind;
  char *text;
} LcDiffSegment;

void lc_diff_segment_free (LcDiffSegment *segment);

/* A shortest edit between two texts, over Unicode characters: equal,
 * deleted and inserted runs (LcDiffSegment *) in order. The equal and
 * deleted runs rebuild @old_text, the equal and inserted ones @new_text. */
GPtrArray *lc_text_diff (const char *old_text, const char *new_text);

/* How similar two texts are, from 0 to 1: the Dice coefficient of their
 * character bigrams (1 for equal texts). */
double lc_text_similarity (const char *a, const char *b);

/**
 * LcArticleChangeKind:
 * @LC_ARTICLE_UNCHANGED: same number, same text
 * @LC_ARTICLE_CHANGED: same number, text changed
 * @LC_ARTICLE_RENUMBERED: same text under a new number
 * @LC_ARTICLE_RENUMBERED_CHANGED: new number and changed text
 * @LC_ARTICLE_ADDED: only in the new version
 * @LC_ARTICLE_REMOVED: only in the old version
 */
typedef enum
{
  LC_ARTICLE_UNCHANGED,
  LC_ARTICLE_CHANGED,
  LC_ARTICLE_RENUMBERED,
  LC_ARTICLE_RENUMBERED_CHANGED,
  LC_ARTICLE_ADDED,
  LC_ARTICLE_REMOVED,
} LcArticleChangeKind;

typedef struct
{
  LcArticleChangeKind kind;
  LcArticle *old_article; /* NULL when added */
  LcArticle *new_article; /* NULL when removed */
  double similarity;      /* of the matched pair; 0 when added or removed */
  GPtrArray *segments;    /* LcDiffSegment *, only when the text changed */
} LcArticleChange;

void lc_article_change_free (LcArticleChange *change);
/* "unchanged", "changed", "renumbered", "renumbered-changed", "added", "removed" */
const char *lc_article_change_kind_to_string (LcArticleChangeKind kind);

/* Pairs the articles of two versions by text similarity, never by number
 * alone, since a revision renumbers everything: each article at most once,
 * the most similar pair first. Pairs of bigram Dice 0.8 and more anchor the
 * order; a weaker pair needs 0.5, or 0.45 when it keeps its place between
 * the anchors of its old neighbours (an article that gained a paragraph).
 * Returns LcArticleChange * in the order of the new version, each removed
 * article right after the new place of the old article before it. Pure: no
 * database. */
GPtrArray *lc_law_diff_articles (GPtrArray *old_articles, GPtrArray *new_articles);
/* The same for two stored versions. */
gboolean lc_law_diff (LcSession *session, gint64 old_version_id, gint64 new_version_id, GPtrArray **changes,
                      GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcArticle, lc_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcLawText, lc_law_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcLawVersion, lc_law_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcDiffSegment, lc_diff_segment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcArticleChange, lc_article_change_free)

G_END_DECLS
