/* lc-law.c: statute texts — parsing, storage, and the diff of two versions. */
#define G_LOG_DOMAIN "lc-law"

#include "config.h"

#include <string.h>

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-units.h"

G_DEFINE_QUARK (lc_law_error_quark, lc_law_error)

#define LAWS_RESOURCE_DIR "/org/lexcert/Lexcert/laws"
/* Below this bigram similarity two articles are different articles. */
#define MATCH_THRESHOLD 0.5
/* From here up two articles are surely the same article. */
#define ANCHOR_THRESHOLD 0.8
/* A pair that keeps its place between the anchors may be this much less
 * alike: an article that gained a paragraph loses half its bigram score. */
#define IN_ORDER_THRESHOLD 0.45

/* Records ------------------------------------------------------------- */

void
lc_article_free (LcArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->label);
  g_free (article->chapter);
  g_free (article->section);
  g_free (article->text);
  g_free (article);
}

LcArticle *
lc_article_copy (const LcArticle *article)
{
  LcArticle *copy;

  g_return_val_if_fail (article != NULL, NULL);
  copy = g_new0 (LcArticle, 1);
  copy->id = article->id;
  copy->law_version_id = article->law_version_id;
  copy->no = article->no;
  copy->label = g_strdup (article->label);
  copy->chapter = g_strdup (article->chapter);
  copy->section = g_strdup (article->section);
  copy->text = g_strdup (article->text);
  copy->line = article->line;
  return copy;
}

void
lc_law_text_free (LcLawText *text)
{
  if (text == NULL)
    return;
  g_free (text->title);
  g_clear_pointer (&text->history, g_ptr_array_unref);
  g_clear_pointer (&text->chapters, g_ptr_array_unref);
  g_clear_pointer (&text->articles, g_ptr_array_unref);
  g_free (text);
}

void
lc_law_version_free (LcLawVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->slug);
  g_free (version->version_date);
  g_free (version->title);
  g_free (version->kind);
  g_free (version->history);
  g_free (version);
}

void
lc_diff_segment_free (LcDiffSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->text);
  g_free (segment);
}

void
lc_article_change_free (LcArticleChange *change)
{
  if (change == NULL)
    return;
  lc_article_free (change->old_article);
  lc_article_free (change->new_article);
  g_clear_pointer (&change->segments, g_ptr_array_unref);
  g_free (change);
}

static const char *const change_kind_names[] = {
  "unchanged", "changed", "renumbered", "renumbered-changed", "added", "removed",
};

const char *
lc_article_change_kind_to_string (LcArticleChangeKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (change_kind_names), NULL);
  return change_kind_names[kind];
}

static const char *const kind_names[] = { "national-law", "administrative-regulation", "local-regulation" };

gboolean
lc_law_kind_is_valid (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (kind, kind_names[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
lc_law_kind_display_name (const char *kind)
{
  if (g_strcmp0 (kind, "national-law") == 0)
    /* Translators: 法律, a law passed by the National People's Congress or its Standing Committee */
    return C_ ("law kind", "National law");
  if (g_strcmp0 (kind, "administrative-regulation") == 0)
    /* Translators: 行政法规, made by the State Council */
    return C_ ("law kind", "Administrative regulation");
  if (g_strcmp0 (kind, "local-regulation") == 0)
    /* Translators: 地方性法规, made by a provincial or city people's congress */
    return C_ ("law kind", "Local regulation");
  return kind;
}

/* Parsing ------------------------------------------------------------- */

/* Spaces of every width and the invisible characters the official texts
 * carry (a U+200B line in the 2023 reconsideration law). */
static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060
         || c == 0xFEFF;
}

/* @text without blank characters at either end, newly allocated. */
static char *
strip_blank (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* Stripped, with every run of blanks inside made one ASCII space: headings
 * are written "第一章　总则" as often as "第一章 总则". */
static char *
normalize_heading (const char *text)
{
  g_autofree char *stripped = strip_blank (text);
  GString *out = g_string_new (NULL);
  gboolean in_blank = FALSE;

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_blank_char (c))
        in_blank = TRUE;
      else
        {
          if (in_blank)
            g_string_append_c (out, ' ');
          in_blank = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* 0..9 for a digit, 10/100/1000 for a unit, -1 for anything else. */
static int
numeral_value (gunichar c)
{
  switch (c)
    {
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */
      return 0;
    case 0x4E00: /* 一 */
      return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
      return 2;
    case 0x4E09: /* 三 */
      return 3;
    case 0x56DB: /* 四 */
      return 4;
    case 0x4E94: /* 五 */
      return 5;
    case 0x516D: /* 六 */
      return 6;
    case 0x4E03: /* 七 */
      return 7;
    case 0x516B: /* 八 */
      return 8;
    case 0x4E5D: /* 九 */
      return 9;
    case 0x5341: /* 十 */
      return 10;
    case 0x767E: /* 百 */
      return 100;
    case 0x5343: /* 千 */
      return 1000;
    default:
      return -1;
    }
}

gboolean
lc_chinese_numeral_parse (const char *text, gssize length, int *value)
{
  const char *end;
  int total = 0;
  int digit = -1;
  int last_unit = 10000;

  g_return_val_if_fail (text != NULL, FALSE);
  end = text + (length < 0 ? (gssize) strlen (text) : length);
  if (text == end)
    return FALSE;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      int v = numeral_value (g_utf8_get_char (p));

      if (v < 0)
        return FALSE;
      if (v < 10)
        {
          /* Two digits in a row ("一二") are not a numeral; 零 only fills a gap. */
          if (digit > 0)
            return FALSE;
          digit = v;
          continue;
        }
      /* Units fall from left to right: 一千零三十, never 十百. */
      if (v >= last_unit)
        return FALSE;
      if (digit == 0)
        return FALSE;
      /* A bare 十 at the start is 一十: 十二 is 12. */
      if (digit < 0 && !(v == 10 && total == 0))
        return FALSE;
      total += (digit < 0 ? 1 : digit) * v;
      last_unit = v;
      digit = -1;
    }
  /* A trailing 零 ("一百零") fills no gap. */
  if (digit == 0)
    return FALSE;
  if (digit > 0)
    total += digit;
  if (total < 1 || total > 9999)
    return FALSE;
  *value = total;
  return TRUE;
}

typedef struct
{
  const char *source;
  LcLawText *text;
  LcArticle *article; /* the one being read */
  GString *paragraphs;
  char *chapter;
  char *section;
} Parser;

static void G_GNUC_PRINTF (5, 6)
    parse_error (GError **error, LcLawError code, const char *source, guint line, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: “行政复议法.md:37: <message>” */
  g_set_error (error, LC_LAW_ERROR, code, _ ("%s:%u: %s"), source, line, message);
}

/* If @line starts an article ("第十二条 …"), its number, label and the text
 * after the label. */
static gboolean
match_article_start (const char *line, int *no, char **label, const char **rest)
{
  static const char di[] = "\xe7\xac\xac";   /* 第 */
  static const char tiao[] = "\xe6\x9d\xa1"; /* 条 */
  const char *p;
  const char *numeral_end;

  if (!g_str_has_prefix (line, di))
    return FALSE;
  p = line + strlen (di);
  while (*p != '\0' && numeral_value (g_utf8_get_char (p)) >= 0)
    p = g_utf8_next_char (p);
  numeral_end = p;
  if (!g_str_has_prefix (p, tiao))
    return FALSE;
  p += strlen (tiao);
  /* "第十二条规定的…" opens a sentence, not an article: a label is followed
   * by a space or ends the line. */
  if (*p != '\0' && !is_blank_char (g_utf8_get_char (p)))
    return FALSE;
  if (!lc_chinese_numeral_parse (line + strlen (di), numeral_end - (line + strlen (di)), no))
    return FALSE;
  *label = g_strndup (line, p - line);
  while (*p != '\0' && is_blank_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *rest = p;
  return TRUE;
}

static gboolean
finish_article (Parser *parser, GError **error)
{
  LcArticle *article = parser->article;

  if (article == NULL)
    return TRUE;
  parser->article = NULL;
  if (parser->paragraphs->len == 0)
    {
      parse_error (error, LC_LAW_ERROR_EMPTY_ARTICLE, parser->source, article->line, _ ("Article %s has no text."),
                   article->label);
      lc_article_free (article);
      return FALSE;
    }
  article->text = g_strdup (parser->paragraphs->str);
  g_string_truncate (parser->paragraphs, 0);
  g_ptr_array_add (parser->text->articles, article);
  return TRUE;
}

static void
parser_clear (Parser *parser)
{
  lc_article_free (parser->article);
  g_string_free (parser->paragraphs, TRUE);
  g_free (parser->chapter);
  g_free (parser->section);
  lc_law_text_free (parser->text);
}

LcLawText *
lc_law_parse (const char *markdown, gssize length, const char *source_name, GError **error)
{
  g_autofree char *copy = NULL;
  g_auto (GStrv) lines = NULL;
  Parser parser = { 0 };
  gboolean in_header = TRUE;
  guint title_line = 0;
  LcLawText *result;

  g_return_val_if_fail (markdown != NULL, NULL);
  if (length < 0)
    length = strlen (markdown);
  /* Translators: names a statute text that came without a file name */
  parser.source = source_name != NULL ? source_name : _ ("statute text");
  if (!g_utf8_validate (markdown, length, NULL))
    {
      parse_error (error, LC_LAW_ERROR_INVALID_VALUE, parser.source, 1, "%s", _ ("The text is not valid UTF-8."));
      return NULL;
    }
  copy = g_strndup (markdown, length);
  lines = g_strsplit (copy, "\n", -1);
  parser.text = g_new0 (LcLawText, 1);
  parser.text->history = g_ptr_array_new_with_free_func (g_free);
  parser.text->chapters = g_ptr_array_new_with_free_func (g_free);
  parser.text->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_article_free);
  parser.paragraphs = g_string_new (NULL);
  parser.chapter = g_strdup ("");
  parser.section = g_strdup ("");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line_no = i + 1;
      g_autofree char *line = strip_blank (lines[i]);
      g_autofree char *label = NULL;
      const char *rest = NULL;
      int no = 0;
      guint level = 0;

      if (line[0] == '\0')
        continue;
      while (line[level] == '#')
        level++;
      if (level > 0 && line[level] != '\0' && !is_blank_char (g_utf8_get_char (line + level)))
        level = 0;

      if (parser.text->title == NULL)
        {
          if (level != 1)
            {
              parse_error (error, LC_LAW_ERROR_NO_TITLE, parser.source, line_no, "%s",
                           _ ("The text must start with a title line “# …”."));
              parser_clear (&parser);
              return NULL;
            }
          parser.text->title = normalize_heading (line + 1);
          title_line = line_no;
          if (parser.text->title[0] == '\0')
            {
              parse_error (error, LC_LAW_ERROR_NO_TITLE, parser.source, line_no, "%s", _ ("The title is empty."));
              parser_clear (&parser);
              return NULL;
            }
          continue;
        }
      if (g_str_has_prefix (line, "<!--"))
        {
          if (strstr (line, "INFO END") != NULL)
            in_header = FALSE;
          continue;
        }
      if (level >= 2)
        {
          g_autofree char *heading = normalize_heading (line + level);

          if (!finish_article (&parser, error))
            {
              parser_clear (&parser);
              return NULL;
            }
          in_header = FALSE;
          if (level == 2)
            {
              g_free (parser.chapter);
              parser.chapter = g_strdup (heading);
              g_free (parser.section);
              parser.section = g_strdup ("");
              g_ptr_array_add (parser.text->chapters, g_strdup (heading));
            }
          else
            {
              g_free (parser.section);
              parser.section = g_strdup (heading);
            }
          continue;
        }
      if (level == 0 && match_article_start (line, &no, &label, &rest))
        {
          guint expected = parser.text->articles->len + 1 + (parser.article != NULL ? 1 : 0);

          if (!finish_article (&parser, error))
            {
              parser_clear (&parser);
              return NULL;
            }
          in_header = FALSE;
          if ((guint) no != expected)
            {
              if (expected == 1)
                parse_error (error, LC_LAW_ERROR_NUMBERING, parser.source, line_no,
                             _ ("The first article is %s (%d); articles must be numbered from 1."), label, no);
              else
                parse_error (error, LC_LAW_ERROR_NUMBERING, parser.source, line_no,
                             _ ("Article %s (%d) follows article %u; expected article %u."), label, no, expected - 1,
                             expected);
              parser_clear (&parser);
              return NULL;
            }
          parser.article = g_new0 (LcArticle, 1);
          parser.article->no = no;
          parser.article->label = g_steal_pointer (&label);
          parser.article->chapter = g_strdup (parser.chapter);
          parser.article->section = g_strdup (parser.section);
          parser.article->line = line_no;
          if (rest[0] != '\0')
            g_string_append (parser.paragraphs, rest);
          continue;
        }
      if (in_header)
        {
          g_ptr_array_add (parser.text->history, g_strdup (line));
          continue;
        }
      if (parser.article == NULL)
        {
          parse_error (error, LC_LAW_ERROR_STRAY_TEXT, parser.source, line_no, "%s",
                       _ ("This text belongs to no article; an article starts with “第…条” and a space."));
          parser_clear (&parser);
          return NULL;
        }
      if (parser.paragraphs->len > 0)
        g_string_append_c (parser.paragraphs, '\n');
      g_string_append (parser.paragraphs, line);
    }

  if (parser.text->title == NULL)
    {
      parse_error (error, LC_LAW_ERROR_NO_TITLE, parser.source, 1, "%s",
                   _ ("The text must start with a title line “# …”."));
      parser_clear (&parser);
      return NULL;
    }
  if (!finish_article (&parser, error))
    {
      parser_clear (&parser);
      return NULL;
    }
  if (parser.text->articles->len == 0)
    {
      parse_error (error, LC_LAW_ERROR_NO_ARTICLES, parser.source, title_line, "%s",
                   _ ("The text holds no article (a line starting with “第一条 ”)."));
      parser_clear (&parser);
      return NULL;
    }
  result = g_steal_pointer (&parser.text);
  parser_clear (&parser);
  return result;
}

/* Storage ------------------------------------------------------------- */

static gboolean
check_slug (const char *slug, GError **error)
{
  gboolean ok = slug != NULL && slug[0] != '\0' && strlen (slug) <= 100;

  for (const char *p = slug; ok && *p != '\0'; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-';
  if (!ok)
    g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE,
                 _ ("“%s” is not a law slug: use lower-case letters, digits and hyphens, such as "
                    "“administrative-penalty-law”."),
                 slug != NULL ? slug : "");
  return ok;
}

static gboolean
check_date (const char *date, GError **error)
{
  if (date != NULL && lc_date_is_valid (date))
    return TRUE;
  g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE,
               _ ("The version “%s” is not a date of the form YYYY-MM-DD."), date != NULL ? date : "");
  return FALSE;
}

static gboolean
check_kind (const char *kind, GError **error)
{
  if (lc_law_kind_is_valid (kind))
    return TRUE;
  g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE,
               _ ("Unknown kind of law “%s” (use national-law, administrative-regulation or local-regulation)."),
               kind != NULL ? kind : "");
  return FALSE;
}

static gboolean
find_version_id (LcDb *db, const char *slug, const char *version_date, gint64 *id, GError **error)
{
  g_autoptr (LcStmt) stmt = lc_db_prepare (db,
                                           "SELECT v.id FROM law_version v JOIN law l ON l.id = v.law_id "
                                           "WHERE l.slug = ? AND v.version_date = ?",
                                           error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, slug);
  lc_stmt_bind_text (stmt, 2, version_date);
  if (!lc_db_step (db, stmt, &found, error))
    return FALSE;
  *id = found ? lc_stmt_int (stmt, 0) : 0;
  return TRUE;
}

static char *
join_lines (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (lines, i));
    }
  return g_string_free (out, FALSE);
}

/* The work of one import, inside the caller's transaction. */
static gboolean
store_version_in_transaction (LcDb *db, const LcLawText *text, const char *slug, const char *version_date,
                              const char *kind, gboolean replace, gint64 *version_id, GError **error)
{
  g_autofree char *history = NULL;
  gboolean found = FALSE;
  gint64 law_id = 0;
  gint64 id = 0;

  if (!lc_db_lookup (db, "SELECT id FROM law WHERE slug = ?", slug, 0, &found, &law_id, error))
    return FALSE;
  if (!found)
    {
      g_autoptr (LcStmt) insert = lc_db_prepare (db, "INSERT INTO law (slug, title) VALUES (?, ?)", error);

      if (insert == NULL)
        return FALSE;
      lc_stmt_bind_text (insert, 1, slug);
      lc_stmt_bind_text (insert, 2, text->title);
      if (!lc_db_step_done (db, insert, error))
        return FALSE;
      law_id = lc_db_last_insert_id (db);
    }

  history = join_lines (text->history);

  if (!find_version_id (db, slug, version_date, &id, error))
    return FALSE;
  if (id != 0 && !replace)
    {
      g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_DUPLICATE_VERSION,
                   _ ("The law “%s” already has a version of %s. Replace it explicitly if the new text is right."),
                   slug, version_date);
      return FALSE;
    }
  if (id != 0)
    {
      /* Articles beyond the new count go; the others are updated in place
       * below, so that their ids (which citations may hold) stay. */
      g_autoptr (LcStmt) clear = lc_db_prepare (db, "DELETE FROM article WHERE law_version_id = ? AND no > ?", error);
      g_autoptr (LcStmt) update = NULL;

      if (clear == NULL)
        return FALSE;
      lc_stmt_bind_int (clear, 1, id);
      lc_stmt_bind_int (clear, 2, text->articles->len);
      if (!lc_db_step_done (db, clear, error))
        return FALSE;
      update = lc_db_prepare (db, "UPDATE law_version SET title = ?, kind = ?, history = ? WHERE id = ?", error);
      if (update == NULL)
        return FALSE;
      lc_stmt_bind_text (update, 1, text->title);
      lc_stmt_bind_text (update, 2, kind);
      lc_stmt_bind_text (update, 3, history);
      lc_stmt_bind_int (update, 4, id);
      if (!lc_db_step_done (db, update, error))
        return FALSE;
    }
  else
    {
      g_autoptr (LcStmt) insert = lc_db_prepare (
          db, "INSERT INTO law_version (law_id, version_date, title, kind, history) VALUES (?, ?, ?, ?, ?)", error);

      if (insert == NULL)
        return FALSE;
      lc_stmt_bind_int (insert, 1, law_id);
      lc_stmt_bind_text (insert, 2, version_date);
      lc_stmt_bind_text (insert, 3, text->title);
      lc_stmt_bind_text (insert, 4, kind);
      lc_stmt_bind_text (insert, 5, history);
      if (!lc_db_step_done (db, insert, error))
        return FALSE;
      id = lc_db_last_insert_id (db);
    }

  for (guint i = 0; i < text->articles->len; i++)
    {
      const LcArticle *article = g_ptr_array_index (text->articles, i);
      g_autoptr (LcStmt) insert = lc_db_prepare (
          db,
          "INSERT INTO article (law_version_id, no, label, chapter, section, text) VALUES (?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (law_version_id, no) DO UPDATE SET label = excluded.label, chapter = excluded.chapter, "
          "section = excluded.section, text = excluded.text",
          error);

      if (insert == NULL)
        return FALSE;
      lc_stmt_bind_int (insert, 1, id);
      lc_stmt_bind_int (insert, 2, article->no);
      lc_stmt_bind_text (insert, 3, article->label);
      lc_stmt_bind_text (insert, 4, article->chapter);
      lc_stmt_bind_text (insert, 5, article->section);
      lc_stmt_bind_text (insert, 6, article->text);
      if (!lc_db_step_done (db, insert, error))
        return FALSE;
    }

  /* The law is called what its latest version calls it. */
  {
    g_autoptr (LcStmt) title = lc_db_prepare (db,
                                              "UPDATE law SET title = (SELECT v.title FROM law_version v WHERE "
                                              "v.law_id = law.id ORDER BY v.version_date DESC LIMIT 1) WHERE id = ?",
                                              error);
    if (title == NULL)
      return FALSE;
    lc_stmt_bind_int (title, 1, law_id);
    if (!lc_db_step_done (db, title, error))
      return FALSE;
  }
  if (version_id != NULL)
    *version_id = id;
  return TRUE;
}

gboolean
lc_law_import (LcSession *session, const char *markdown, gssize length, const char *slug, const char *version_date,
               const char *kind, const char *source_name, gboolean replace, gint64 *version_id, GError **error)
{
  g_autoptr (LcLawText) text = NULL;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (markdown != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CONTENT, error))
    return FALSE;
  if (!check_slug (slug, error) || !check_date (version_date, error) || !check_kind (kind, error))
    return FALSE;
  if ((text = lc_law_parse (markdown, length, source_name, error)) == NULL)
    return FALSE;
  db = lc_session_get_db (session);
  if (!lc_db_begin (db, error))
    return FALSE;
  if (!store_version_in_transaction (db, text, slug, version_date, kind, replace, version_id, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  if (!lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *slug;
  char *version;
  char *kind;
  guint n_articles;
  char *file;
} IndexRow;

static void
index_row_free (IndexRow *row)
{
  g_free (row->slug);
  g_free (row->version);
  g_free (row->kind);
  g_free (row->file);
  g_free (row);
}

/* The rows of the shipped INDEX.tsv: slug, version, kind, title, articles, file. */
static GPtrArray *
read_shipped_index (GError **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (LAWS_RESOURCE_DIR "/INDEX.tsv", 0, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) index_row_free);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;

  if (bytes == NULL)
    {
      g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_SHIPPED, "%s", _ ("The built-in statute index is missing."));
      return NULL;
    }
  data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = NULL;
      IndexRow *row;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cells) != 6)
        {
          g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_SHIPPED,
                       _ ("The built-in statute index is damaged at line %u."), i + 1);
          return NULL;
        }
      row = g_new0 (IndexRow, 1);
      row->slug = g_strdup (cells[0]);
      row->version = g_strdup (cells[1]);
      row->kind = g_strdup (cells[2]);
      row->n_articles = (guint) g_ascii_strtoull (cells[4], NULL, 10);
      row->file = g_strdup (cells[5]);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

static gboolean
load_shipped_in_transaction (LcDb *db, GPtrArray *missing, GError **error)
{
  for (guint i = 0; i < missing->len; i++)
    {
      IndexRow *row = g_ptr_array_index (missing, i);
      g_autofree char *path = g_build_path ("/", LAWS_RESOURCE_DIR, row->file, NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr (LcLawText) text = NULL;
      g_autoptr (GError) local_error = NULL;

      if (bytes != NULL)
        text = lc_law_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), row->file, &local_error);
      if (text == NULL || text->articles->len != row->n_articles)
        {
          g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_SHIPPED, _ ("The built-in statute text %s is damaged: %s"),
                       row->file,
                       local_error != NULL ? local_error->message
                       : bytes == NULL     ? _ ("it is missing.")
                                           : _ ("its article count differs from the index."));
          return FALSE;
        }
      if (!store_version_in_transaction (db, text, row->slug, row->version, row->kind, FALSE, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The rows of @rows whose version the database lacks. */
static GPtrArray *
missing_versions (LcDb *db, GPtrArray *rows, GError **error)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      IndexRow *row = g_ptr_array_index (rows, i);
      gint64 id = 0;

      if (!find_version_id (db, row->slug, row->version, &id, error))
        return NULL;
      if (id == 0)
        g_ptr_array_add (missing, row);
    }
  return g_steal_pointer (&missing);
}

gboolean
lc_law_ensure_shipped (LcDb *db, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) missing = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  if ((rows = read_shipped_index (error)) == NULL || (missing = missing_versions (db, rows, error)) == NULL)
    return FALSE;
  /* The usual case, every time a database is opened: read, no lock. */
  if (missing->len == 0)
    return TRUE;
  if (!lc_db_begin (db, error))
    return FALSE;
  /* Another program (the GUI and the CLI on a new file) may have loaded
   * them while this one waited for the write lock: look again inside. */
  g_clear_pointer (&missing, g_ptr_array_unref);
  if ((missing = missing_versions (db, rows, error)) == NULL || !load_shipped_in_transaction (db, missing, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  if (!lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }
  g_debug ("loaded %u statute versions", missing->len);
  return TRUE;
}

/* Reading ------------------------------------------------------------- */

#define VERSION_COLUMNS                                                                                                \
  "v.id, v.law_id, l.slug, v.version_date, v.title, v.kind, v.history, "                                               \
  "(SELECT count(*) FROM article a WHERE a.law_version_id = v.id) "

static gpointer
read_version (LcStmt *stmt)
{
  LcLawVersion *version = g_new0 (LcLawVersion, 1);

  version->id = lc_stmt_int (stmt, 0);
  version->law_id = lc_stmt_int (stmt, 1);
  version->slug = lc_stmt_dup_text (stmt, 2);
  version->version_date = lc_stmt_dup_text (stmt, 3);
  version->title = lc_stmt_dup_text (stmt, 4);
  version->kind = lc_stmt_dup_text (stmt, 5);
  version->history = lc_stmt_dup_text (stmt, 6);
  version->n_articles = (guint) lc_stmt_int (stmt, 7);
  return version;
}

static gpointer
read_article (LcStmt *stmt)
{
  LcArticle *article = g_new0 (LcArticle, 1);

  article->id = lc_stmt_int (stmt, 0);
  article->law_version_id = lc_stmt_int (stmt, 1);
  article->no = (int) lc_stmt_int (stmt, 2);
  article->label = lc_stmt_dup_text (stmt, 3);
  article->chapter = lc_stmt_dup_text (stmt, 4);
  article->section = lc_stmt_dup_text (stmt, 5);
  article->text = lc_stmt_dup_text (stmt, 6);
  return article;
}

GPtrArray *
lc_law_list_versions (LcSession *session, const char *slug, GError **error)
{
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  stmt = lc_db_prepare (db,
                        "SELECT " VERSION_COLUMNS "FROM law_version v JOIN law l ON l.id = v.law_id "
                        "WHERE ?1 IS NULL OR l.slug = ?1 ORDER BY l.slug, v.version_date",
                        error);
  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, slug);
  return lc_db_collect (db, stmt, read_version, (GDestroyNotify) lc_law_version_free, error);
}

static gboolean
check_law_exists (LcDb *db, const char *slug, GError **error)
{
  gboolean found = FALSE;

  if (!lc_db_lookup (db, "SELECT id FROM law WHERE slug = ?", slug, 0, &found, NULL, error))
    return FALSE;
  if (!found)
    g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_LAW, _ ("There is no law “%s”."), slug);
  return found;
}

LcLawVersion *
lc_law_get_version (LcSession *session, const char *slug, const char *version_date, GError **error)
{
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (slug != NULL, NULL);
  db = lc_session_get_db (session);
  if (!check_law_exists (db, slug, error))
    return NULL;
  stmt = lc_db_prepare (db,
                        "SELECT " VERSION_COLUMNS "FROM law_version v JOIN law l ON l.id = v.law_id "
                        "WHERE l.slug = ?1 AND (?2 IS NULL OR v.version_date = ?2) "
                        "ORDER BY v.version_date DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, slug);
  lc_stmt_bind_text (stmt, 2, version_date);
  rows = lc_db_collect (db, stmt, read_version, (GDestroyNotify) lc_law_version_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_VERSION, _ ("The law “%s” has no version of %s."), slug,
                   version_date != NULL ? version_date : "");
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

LcLawVersion *
lc_law_get_version_by_id (LcSession *session, gint64 version_id, GError **error)
{
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  stmt = lc_db_prepare (db, "SELECT " VERSION_COLUMNS "FROM law_version v JOIN law l ON l.id = v.law_id WHERE v.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, version_id);
  rows = lc_db_collect (db, stmt, read_version, (GDestroyNotify) lc_law_version_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_VERSION, _ ("There is no statute version with id %lld."),
                   (long long) version_id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
lc_law_list_articles (LcSession *session, gint64 version_id, GError **error)
{
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  stmt = lc_db_prepare (db,
                        "SELECT id, law_version_id, no, label, chapter, section, text FROM article "
                        "WHERE law_version_id = ? ORDER BY no",
                        error);
  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, version_id);
  return lc_db_collect (db, stmt, read_article, (GDestroyNotify) lc_article_free, error);
}

gboolean
lc_law_parse_reference (const char *reference, char **slug, char **version_date, int *article_no, GError **error)
{
  g_autofree char *work = NULL;
  char *hash;
  char *at;
  g_autofree char *date = NULL;
  gint64 no = 0;

  g_return_val_if_fail (reference != NULL, FALSE);
  work = g_strdup (reference);
  g_strstrip (work);
  hash = strchr (work, '#');
  if (article_no != NULL)
    {
      char *end = NULL;

      if (hash == NULL || hash[1] == '\0')
        goto bad;
      no = g_ascii_strtoll (hash + 1, &end, 10);
      if (*end != '\0' || no < 1 || no > 9999)
        goto bad;
      *hash = '\0';
    }
  else if (hash != NULL)
    goto bad;
  at = strchr (work, '@');
  if (at != NULL)
    {
      *at = '\0';
      date = g_strdup (at + 1);
      if (!lc_date_is_valid (date))
        goto bad;
    }
  if (!check_slug (work, NULL))
    goto bad;
  *slug = g_strdup (work);
  *version_date = g_steal_pointer (&date);
  if (article_no != NULL)
    *article_no = (int) no;
  return TRUE;

bad:
  if (article_no != NULL)
    g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE,
                 _ ("“%s” is not an article reference of the form SLUG@YYYY-MM-DD#NUMBER."), reference);
  else
    g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE,
                 _ ("“%s” is not a law reference of the form SLUG or SLUG@YYYY-MM-DD."), reference);
  return FALSE;
}

LcArticle *
lc_law_find_article (LcSession *session, const char *reference, GError **error)
{
  g_autofree char *slug = NULL;
  g_autofree char *date = NULL;
  g_autoptr (LcLawVersion) version = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  LcDb *db;
  int no = 0;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  if (!lc_law_parse_reference (reference, &slug, &date, &no, error))
    return NULL;
  if ((version = lc_law_get_version (session, slug, date, error)) == NULL)
    return NULL;
  db = lc_session_get_db (session);
  stmt = lc_db_prepare (db,
                        "SELECT id, law_version_id, no, label, chapter, section, text FROM article "
                        "WHERE law_version_id = ? AND no = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, version->id);
  lc_stmt_bind_int (stmt, 2, no);
  rows = lc_db_collect (db, stmt, read_article, (GDestroyNotify) lc_article_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_ARTICLE,
                   _ ("The %s version of “%s” has no article %d (it has %u)."), version->version_date, slug, no,
                   version->n_articles);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* Differences --------------------------------------------------------- */

static gunichar *
to_chars (const char *text, glong *n)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text != NULL ? text : "", -1, n);

  return chars;
}

static void
add_segment (GPtrArray *segments, LcDiffKind kind, const gunichar *chars, glong n)
{
  LcDiffSegment *last = segments->len > 0 ? g_ptr_array_index (segments, segments->len - 1) : NULL;
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  text = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  if (last != NULL && last->kind == kind)
    {
      char *joined = g_strconcat (last->text, text, NULL);
      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (LcDiffSegment, 1);
  last->kind = kind;
  last->text = g_steal_pointer (&text);
  g_ptr_array_add (segments, last);
}

/* The characters deleted and inserted in the run of edits that ends before
 * (@step -1) or starts after (@step 1) segment @i. */
static void
edit_run_lengths (GPtrArray *segments, guint i, int step, glong *deleted, glong *inserted)
{
  *deleted = 0;
  *inserted = 0;
  for (gint64 k = (gint64) i + step; k >= 0 && k < (gint64) segments->len; k += step)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, k);

      if (segment->kind == LC_DIFF_EQUAL)
        break;
      if (segment->kind == LC_DIFF_DELETE)
        *deleted += g_utf8_strlen (segment->text, -1);
      else
        *inserted += g_utf8_strlen (segment->text, -1);
    }
}

/* Each run between equal segments as one deletion and then one insertion. */
static GPtrArray *
merge_edit_runs (GPtrArray *segments)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_diff_segment_free);
  g_autoptr (GString) deleted = g_string_new (NULL);
  g_autoptr (GString) inserted = g_string_new (NULL);

  for (guint i = 0; i <= segments->len; i++)
    {
      LcDiffSegment *segment = i < segments->len ? g_ptr_array_index (segments, i) : NULL;

      if (segment != NULL && segment->kind == LC_DIFF_DELETE)
        {
          g_string_append (deleted, segment->text);
          continue;
        }
      if (segment != NULL && segment->kind == LC_DIFF_INSERT)
        {
          g_string_append (inserted, segment->text);
          continue;
        }
      if (deleted->len > 0)
        {
          LcDiffSegment *run = g_new0 (LcDiffSegment, 1);
          run->kind = LC_DIFF_DELETE;
          run->text = g_strdup (deleted->str);
          g_ptr_array_add (merged, run);
          g_string_truncate (deleted, 0);
        }
      if (inserted->len > 0)
        {
          LcDiffSegment *run = g_new0 (LcDiffSegment, 1);
          run->kind = LC_DIFF_INSERT;
          run->text = g_strdup (inserted->str);
          g_ptr_array_add (merged, run);
          g_string_truncate (inserted, 0);
        }
      if (segment != NULL)
        {
          LcDiffSegment *last = merged->len > 0 ? g_ptr_array_index (merged, merged->len - 1) : NULL;

          if (last != NULL && last->kind == LC_DIFF_EQUAL)
            {
              char *joined = g_strconcat (last->text, segment->text, NULL);
              g_free (last->text);
              last->text = joined;
            }
          else
            {
              LcDiffSegment *copy = g_new0 (LcDiffSegment, 1);
              copy->kind = LC_DIFF_EQUAL;
              copy->text = g_strdup (segment->text);
              g_ptr_array_add (merged, copy);
            }
        }
    }
  g_ptr_array_unref (segments);
  return merged;
}

/* A shortest edit script of Chinese text is full of one-character
 * coincidences (行{+政行+}为) that no reader wants. As diff-match-patch's
 * semantic cleanup does, an equal run no longer than the edits on both
 * sides of it becomes part of them; both texts still rebuild exactly. */
static GPtrArray *
cleanup_semantic (GPtrArray *segments)
{
  gboolean changed = TRUE;

  segments = merge_edit_runs (segments);
  while (changed)
    {
      changed = FALSE;
      for (guint i = 1; i + 1 < segments->len; i++)
        {
          LcDiffSegment *segment = g_ptr_array_index (segments, i);
          glong before_deleted, before_inserted, after_deleted, after_inserted, length;

          if (segment->kind != LC_DIFF_EQUAL)
            continue;
          edit_run_lengths (segments, i, -1, &before_deleted, &before_inserted);
          edit_run_lengths (segments, i, 1, &after_deleted, &after_inserted);
          length = g_utf8_strlen (segment->text, -1);
          if (length > MAX (before_deleted, before_inserted) || length > MAX (after_deleted, after_inserted))
            continue;
          {
            LcDiffSegment *insert = g_new0 (LcDiffSegment, 1);

            insert->kind = LC_DIFF_INSERT;
            insert->text = g_strdup (segment->text);
            segment->kind = LC_DIFF_DELETE;
            g_ptr_array_insert (segments, i + 1, insert);
          }
          segments = merge_edit_runs (segments);
          changed = TRUE;
          break;
        }
    }
  return segments;
}

GPtrArray *
lc_text_diff (const char *old_text, const char *new_text)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autofree guint32 *lcs = NULL;
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_diff_segment_free);
  glong n = 0, m = 0, prefix = 0, suffix = 0, rows, cols, i, j;

  a = to_chars (old_text, &n);
  b = to_chars (new_text, &m);
  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;
  add_segment (segments, LC_DIFF_EQUAL, a, prefix);

  /* A longest common subsequence over what lies between the common ends:
   * articles are at most a few thousand characters, so the table stays small. */
  rows = n - prefix - suffix;
  cols = m - prefix - suffix;
  lcs = g_new0 (guint32, (gsize) (rows + 1) * (cols + 1));
#define LCS(r, c) lcs[(gsize) (r) * (cols + 1) + (c)]
  for (i = rows - 1; i >= 0; i--)
    for (j = cols - 1; j >= 0; j--)
      LCS (i, j) = a[prefix + i] == b[prefix + j] ? LCS (i + 1, j + 1) + 1 : MAX (LCS (i + 1, j), LCS (i, j + 1));
  i = 0;
  j = 0;
  while (i < rows || j < cols)
    {
      glong start_i = i, start_j = j;

      if (i < rows && j < cols && a[prefix + i] == b[prefix + j])
        {
          while (i < rows && j < cols && a[prefix + i] == b[prefix + j])
            i++, j++;
          add_segment (segments, LC_DIFF_EQUAL, a + prefix + start_i, i - start_i);
          continue;
        }
      /* Deletions before insertions, so that a replaced run reads [-old-]{+new+}. */
      while (i < rows && (j == cols || LCS (i + 1, j) >= LCS (i, j + 1))
             && !(j < cols && a[prefix + i] == b[prefix + j]))
        i++;
      add_segment (segments, LC_DIFF_DELETE, a + prefix + start_i, i - start_i);
      while (j < cols && (i == rows || LCS (i, j + 1) > LCS (i + 1, j))
             && !(i < rows && a[prefix + i] == b[prefix + j]))
        j++;
      add_segment (segments, LC_DIFF_INSERT, b + prefix + start_j, j - start_j);
    }
#undef LCS
  add_segment (segments, LC_DIFF_EQUAL, a + n - suffix, suffix);
  return cleanup_semantic (segments);
}

/* The sorted character bigrams of a text, as (first << 32 | second). */
typedef struct
{
  guint64 *bigrams;
  glong n;      /* bigrams */
  glong length; /* characters */
} Bigrams;

static int
compare_u64 (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static void
bigrams_init (Bigrams *bg, const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  chars = to_chars (text, &n);
  bg->length = n;
  bg->n = n > 1 ? n - 1 : 0;
  bg->bigrams = g_new (guint64, MAX (bg->n, 1));
  for (glong i = 0; i < bg->n; i++)
    bg->bigrams[i] = ((guint64) chars[i] << 32) | chars[i + 1];
  qsort (bg->bigrams, bg->n, sizeof (guint64), compare_u64);
}

static double
bigrams_dice (const Bigrams *x, const Bigrams *y)
{
  glong i = 0, j = 0, common = 0;

  if (x->n + y->n == 0)
    return x->length == y->length ? 1.0 : 0.0;
  while (i < x->n && j < y->n)
    {
      if (x->bigrams[i] == y->bigrams[j])
        common++, i++, j++;
      else if (x->bigrams[i] < y->bigrams[j])
        i++;
      else
        j++;
    }
  return 2.0 * common / (x->n + y->n);
}

double
lc_text_similarity (const char *a, const char *b)
{
  Bigrams x, y;
  double dice;

  if (g_strcmp0 (a, b) == 0)
    return 1.0;
  bigrams_init (&x, a);
  bigrams_init (&y, b);
  dice = bigrams_dice (&x, &y);
  g_free (x.bigrams);
  g_free (y.bigrams);
  return dice;
}

typedef struct
{
  guint old_index;
  guint new_index;
  double similarity;
  int number_distance;
  gboolean out_of_order;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  /* Equally similar: the nearer number wins, then the earlier article. */
  if (x->number_distance != y->number_distance)
    return x->number_distance - y->number_distance;
  if (x->old_index != y->old_index)
    return x->old_index < y->old_index ? -1 : 1;
  return x->new_index < y->new_index ? -1 : (x->new_index > y->new_index);
}

static int
compare_candidates_in_order (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->out_of_order != y->out_of_order)
    return x->out_of_order ? 1 : -1;
  return compare_candidates (a, b);
}

typedef struct
{
  LcArticleChange *change;
  guint64 key;
} Placed;

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *x = a, *y = b;

  return x->key < y->key ? -1 : x->key > y->key;
}

GPtrArray *
lc_law_diff_articles (GPtrArray *old_articles, GPtrArray *new_articles)
{
  guint n_old, n_new;
  g_autofree Bigrams *old_bg = NULL;
  g_autofree Bigrams *new_bg = NULL;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree int *old_match = NULL;
  g_autofree int *new_match = NULL;
  g_autofree double *old_similarity = NULL;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  GPtrArray *changes;
  guint64 last_new_no = 0;

  g_return_val_if_fail (old_articles != NULL && new_articles != NULL, NULL);
  n_old = old_articles->len;
  n_new = new_articles->len;
  old_bg = g_new0 (Bigrams, MAX (n_old, 1));
  new_bg = g_new0 (Bigrams, MAX (n_new, 1));
  for (guint i = 0; i < n_old; i++)
    bigrams_init (&old_bg[i], ((LcArticle *) g_ptr_array_index (old_articles, i))->text);
  for (guint j = 0; j < n_new; j++)
    bigrams_init (&new_bg[j], ((LcArticle *) g_ptr_array_index (new_articles, j))->text);

  for (guint i = 0; i < n_old; i++)
    for (guint j = 0; j < n_new; j++)
      {
        const Bigrams *x = &old_bg[i], *y = &new_bg[j];
        Candidate c;

        /* Dice can never exceed 2·min/(sum), so very different lengths need no count. */
        if (x->n + y->n > 0 && 2.0 * MIN (x->n, y->n) / (x->n + y->n) < IN_ORDER_THRESHOLD)
          continue;
        c.similarity = bigrams_dice (x, y);
        if (c.similarity < IN_ORDER_THRESHOLD)
          continue;
        c.old_index = i;
        c.new_index = j;
        c.out_of_order = FALSE;
        c.number_distance = ABS (((LcArticle *) g_ptr_array_index (old_articles, i))->no
                                 - ((LcArticle *) g_ptr_array_index (new_articles, j))->no);
        g_array_append_val (candidates, c);
      }
  g_array_sort (candidates, compare_candidates);

  old_match = g_new (int, MAX (n_old, 1));
  new_match = g_new (int, MAX (n_new, 1));
  old_similarity = g_new0 (double, MAX (n_old, 1));
  for (guint i = 0; i < n_old; i++)
    old_match[i] = -1;
  for (guint j = 0; j < n_new; j++)
    new_match[j] = -1;
  /* Near-identical pairs first: they anchor the order of the rest. */
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, k);

      if (c->similarity < ANCHOR_THRESHOLD)
        break;
      if (old_match[c->old_index] >= 0 || new_match[c->new_index] >= 0)
        continue;
      old_match[c->old_index] = (int) c->new_index;
      new_match[c->new_index] = (int) c->old_index;
      old_similarity[c->old_index] = c->similarity;
    }
  /* A revision inserts and moves articles but mostly keeps their order: of
   * the weaker pairs, those that fit between the anchors of their old
   * neighbours go first (an article that gained a paragraph stays in its
   * place rather than pairing with a look-alike in another chapter). */
  {
    g_autofree int *before = g_new (int, MAX (n_old, 1));
    g_autofree int *after = g_new (int, MAX (n_old, 1));
    int last = -1;

    for (guint i = 0; i < n_old; i++)
      {
        before[i] = last;
        if (old_match[i] >= 0)
          last = old_match[i];
      }
    last = (int) n_new;
    for (guint i = n_old; i-- > 0;)
      {
        after[i] = last;
        if (old_match[i] >= 0)
          last = old_match[i];
      }
    for (guint k = 0; k < candidates->len; k++)
      {
        Candidate *c = &g_array_index (candidates, Candidate, k);

        c->out_of_order = !(before[c->old_index] < (int) c->new_index && (int) c->new_index < after[c->old_index]);
      }
  }
  g_array_sort (candidates, compare_candidates_in_order);
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, k);

      if (old_match[c->old_index] >= 0 || new_match[c->new_index] >= 0)
        continue;
      if (c->out_of_order && c->similarity < MATCH_THRESHOLD)
        continue;
      old_match[c->old_index] = (int) c->new_index;
      new_match[c->new_index] = (int) c->old_index;
      old_similarity[c->old_index] = c->similarity;
    }

  /* Matched and added articles in the order of the new version; a removed
   * article goes after the new place of the old article before it. */
  for (guint j = 0; j < n_new; j++)
    {
      const LcArticle *new_article = g_ptr_array_index (new_articles, j);
      LcArticleChange *change = g_new0 (LcArticleChange, 1);
      Placed p = { change, (guint64) new_article->no << 32 };

      change->new_article = lc_article_copy (new_article);
      if (new_match[j] < 0)
        change->kind = LC_ARTICLE_ADDED;
      else
        {
          const LcArticle *old_article = g_ptr_array_index (old_articles, new_match[j]);
          gboolean same_text = g_strcmp0 (old_article->text, new_article->text) == 0;
          gboolean same_no = old_article->no == new_article->no;

          change->old_article = lc_article_copy (old_article);
          change->similarity = old_similarity[new_match[j]];
          if (same_text)
            change->kind = same_no ? LC_ARTICLE_UNCHANGED : LC_ARTICLE_RENUMBERED;
          else
            {
              change->kind = same_no ? LC_ARTICLE_CHANGED : LC_ARTICLE_RENUMBERED_CHANGED;
              change->segments = lc_text_diff (old_article->text, new_article->text);
            }
        }
      g_array_append_val (placed, p);
    }
  for (guint i = 0; i < n_old; i++)
    {
      const LcArticle *old_article = g_ptr_array_index (old_articles, i);

      if (old_match[i] >= 0)
        last_new_no = ((const LcArticle *) g_ptr_array_index (new_articles, old_match[i]))->no;
      else
        {
          LcArticleChange *change = g_new0 (LcArticleChange, 1);
          Placed p = { change, (last_new_no << 32) | (guint64) (1 + old_article->no) };

          change->kind = LC_ARTICLE_REMOVED;
          change->old_article = lc_article_copy (old_article);
          g_array_append_val (placed, p);
        }
    }
  g_array_sort (placed, compare_placed);

  changes = g_ptr_array_new_full (placed->len, (GDestroyNotify) lc_article_change_free);
  for (guint k = 0; k < placed->len; k++)
    g_ptr_array_add (changes, g_array_index (placed, Placed, k).change);
  for (guint i = 0; i < n_old; i++)
    g_free (old_bg[i].bigrams);
  for (guint j = 0; j < n_new; j++)
    g_free (new_bg[j].bigrams);
  return changes;
}

gboolean
lc_law_diff (LcSession *session, gint64 old_version_id, gint64 new_version_id, GPtrArray **changes, GError **error)
{
  g_autoptr (LcLawVersion) old_version = NULL;
  g_autoptr (LcLawVersion) new_version = NULL;
  g_autoptr (GPtrArray) old_articles = NULL;
  g_autoptr (GPtrArray) new_articles = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  if ((old_version = lc_law_get_version_by_id (session, old_version_id, error)) == NULL
      || (new_version = lc_law_get_version_by_id (session, new_version_id, error)) == NULL
      || (old_articles = lc_law_list_articles (session, old_version_id, error)) == NULL
      || (new_articles = lc_law_list_articles (session, new_version_id, error)) == NULL)
    return FALSE;
  *changes = lc_law_diff_articles (old_articles, new_articles);
  return TRUE;
}
