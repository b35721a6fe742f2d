/* test-law.c: the statute parser on every shipped text, storage, citations and the diff of two versions. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-law.h"
#include "lc-test-util.h"

#define LAWS "/org/lexcert/Lexcert/laws/"

/* The shipped INDEX.tsv -------------------------------------------------- */

typedef struct
{
  char *slug;
  char *version;
  char *title;
  guint n_articles;
  char *file;
} Row;

static GPtrArray *index_rows;

static void
row_free (Row *row)
{
  g_free (row->slug);
  g_free (row->version);
  g_free (row->title);
  g_free (row->file);
  g_free (row);
}

static GPtrArray *
read_index (void)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (LAWS "INDEX.tsv", 0, NULL);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  g_assert (bytes != NULL);
  data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", -1);
      Row *row;

      if (lines[i][0] == '\0')
        continue;
      g_assert (g_strv_length (cells) == 6);
      row = g_new0 (Row, 1);
      row->slug = g_strdup (cells[0]);
      row->version = g_strdup (cells[1]);
      row->title = g_strdup (cells[3]);
      row->n_articles = (guint) atoi (cells[4]);
      row->file = g_strdup (cells[5]);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static LcLawText *
parse_shipped (const char *file)
{
  g_autofree char *path = g_strconcat (LAWS, file, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr (GError) error = NULL;
  LcLawText *text;

  ck_assert_msg (bytes != NULL, "%s is not in the resource", file);
  text = lc_law_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), file, &error);
  lc_test_assert_no_error (error);
  return text;
}

/* Parsing ----------------------------------------------------------------- */

START_TEST (test_index_has_19_versions)
{
  ck_assert_uint_eq (index_rows->len, 19);
}
END_TEST

/* One run per INDEX.tsv row: the article count is the index's, numbered 1..N. */
START_TEST (test_parse_shipped)
{
  Row *row = g_ptr_array_index (index_rows, _i);
  g_autoptr (LcLawText) text = parse_shipped (row->file);

  ck_assert_str_eq (text->title, row->title);
  ck_assert_msg (text->articles->len == row->n_articles, "%s: %u articles, the index says %u", row->file,
                 text->articles->len, row->n_articles);
  for (guint i = 0; i < text->articles->len; i++)
    {
      LcArticle *article = g_ptr_array_index (text->articles, i);

      ck_assert_int_eq (article->no, (int) i + 1);
      ck_assert_msg (article->text[0] != '\0', "%s: article %d is empty", row->file, article->no);
      ck_assert_msg (g_str_has_prefix (article->label, "第") && g_str_has_suffix (article->label, "条"), "%s",
                     article->label);
      /* No stray invisible or full-width spaces at the ends of a paragraph. */
      ck_assert_msg (strstr (article->text, "\xe2\x80\x8b") == NULL, "%s: U+200B in article %d", row->file,
                     article->no);
      ck_assert (!g_str_has_suffix (article->text, "\xe3\x80\x80"));
    }
  ck_assert_uint_ge (text->history->len, 1);
}
END_TEST

START_TEST (test_parse_details)
{
  g_autoptr (LcLawText) text = parse_shipped ("行政复议法(2023-09-01).md");
  g_autoptr (LcLawText) penalty = parse_shipped ("行政处罚法(2021-01-22).md");
  LcArticle *article;

  ck_assert_str_eq (text->title, "中华人民共和国行政复议法");
  ck_assert_uint_eq (text->history->len, 4);
  ck_assert (g_str_has_prefix (g_ptr_array_index (text->history, 0), "1999年4月29日"));
  /* A trailing U+3000 on a history line is dropped. */
  ck_assert (g_str_has_suffix (g_ptr_array_index (text->history, 1), "第一次修正"));
  ck_assert_uint_eq (text->chapters->len, 7);
  ck_assert_str_eq (g_ptr_array_index (text->chapters, 0), "第一章 总 则");

  article = g_ptr_array_index (text->articles, 0);
  ck_assert_str_eq (article->label, "第一条");
  ck_assert_str_eq (article->chapter, "第一章 总 则");
  ck_assert (g_str_has_prefix (article->text, "为了防止和纠正违法的或者不当的行政行为"));
  article = g_ptr_array_index (text->articles, 1);
  ck_assert_str_eq (article->text,
                    "公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益，向行政复议机关提出行政复"
                    "议申请，行政复议机关办理行政复议案件，适用本法。\n"
                    "前款所称行政行为，包括法律、法规、规章授权的组织的行政行为。");

  /* 第一百零三条-style numbers, sections, and items as paragraphs. */
  article = g_ptr_array_index (penalty->articles, 8);
  ck_assert_str_eq (article->label, "第九条");
  ck_assert_str_eq (article->chapter, "第二章 行政处罚的种类和设定");
  ck_assert_str_eq (article->section, "");
  ck_assert (strstr (article->text, "\n（一）警告、通报批评；\n") != NULL);
}
END_TEST

START_TEST (test_chinese_numerals)
{
  static const struct
  {
    const char *text;
    int value;
  } cases[] = {
    { "一", 1 },           { "九", 9 },     { "十", 10 },         { "十二", 12 },      { "二十", 20 },
    { "二十一", 21 },      { "一百", 100 }, { "一百零三", 103 },  { "一百一十", 110 }, { "一百二十", 120 },
    { "一百五十四", 154 }, { "两百", 200 }, { "一千零一", 1001 }, { "一十二", 12 },
  };
  static const char *const bad[] = { "", "零", "十十", "一二", "百", "十百", "一百零", "甲", "1" };
  int value;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert_msg (lc_chinese_numeral_parse (cases[i].text, -1, &value), "%s", cases[i].text);
      ck_assert_int_eq (value, cases[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    ck_assert_msg (!lc_chinese_numeral_parse (bad[i], -1, &value), "“%s” was accepted", bad[i]);
}
END_TEST

START_TEST (test_quirks)
{
  /* Full-width spaces in the heading and after 第X条, a U+200B line, CRLF ends. */
  static const char markdown[] = "# 某某条例\r\n"
                                 "\r\n"
                                 "2020年1月1日 某某会议通过\xe3\x80\x80\r\n"
                                 "\r\n"
                                 "<!-- INFO END -->\r\n"
                                 "## 第一章\xe3\x80\x80总则\r\n"
                                 "\xe2\x80\x8b\r\n"
                                 "第一条\xe3\x80\x80为了管理，制定本条例。\r\n"
                                 "### 第一节　一般规定\r\n"
                                 "第二条 有下列情形之一的，予以处罚：\r\n"
                                 "（一）甲；\r\n"
                                 "\r\n"
                                 "（二）乙。\r\n"
                                 "第三条\r\n"
                                 "本条例自公布之日起施行。\r\n";
  /* No chapters, no INFO END line. */
  static const char plain[] = "# 简单规定\n第一条 甲。\n第二条 乙。\n\n丙。\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawText) text = lc_law_parse (markdown, -1, "quirks.md", &error);
  g_autoptr (LcLawText) simple = NULL;
  LcArticle *article;

  lc_test_assert_no_error (error);
  ck_assert_str_eq (text->title, "某某条例");
  ck_assert_uint_eq (text->history->len, 1);
  ck_assert_str_eq (g_ptr_array_index (text->history, 0), "2020年1月1日 某某会议通过");
  ck_assert_uint_eq (text->articles->len, 3);
  article = g_ptr_array_index (text->articles, 0);
  ck_assert_str_eq (article->label, "第一条");
  ck_assert_str_eq (article->text, "为了管理，制定本条例。");
  ck_assert_str_eq (article->chapter, "第一章 总则");
  ck_assert_str_eq (article->section, "");
  ck_assert_uint_eq (article->line, 8);
  article = g_ptr_array_index (text->articles, 1);
  ck_assert_str_eq (article->section, "第一节 一般规定");
  ck_assert_str_eq (article->text, "有下列情形之一的，予以处罚：\n（一）甲；\n（二）乙。");
  article = g_ptr_array_index (text->articles, 2);
  ck_assert_str_eq (article->text, "本条例自公布之日起施行。");

  simple = lc_law_parse (plain, -1, "plain.md", &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (simple->chapters->len, 0);
  ck_assert_uint_eq (simple->history->len, 0);
  ck_assert_uint_eq (simple->articles->len, 2);
  article = g_ptr_array_index (simple->articles, 1);
  ck_assert_str_eq (article->chapter, "");
  ck_assert_str_eq (article->text, "乙。\n丙。");
  /* "第二条规定的…" inside a paragraph opens no article. */
  g_clear_pointer (&simple, lc_law_text_free);
  simple = lc_law_parse ("# 规定\n第一条 甲。\n第二条规定的情形除外。\n", -1, "x.md", &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (simple->articles->len, 1);
  ck_assert_str_eq (((LcArticle *) g_ptr_array_index (simple->articles, 0))->text, "甲。\n第二条规定的情形除外。");
}
END_TEST

static const struct
{
  const char *markdown;
  int code; /* LcLawError */
  const char *message_part;
} malformed[] = {
  { "", LC_LAW_ERROR_NO_TITLE, "bad.md:1:" },
  { "\n第一条 甲。\n", LC_LAW_ERROR_NO_TITLE, "bad.md:2:" },
  { "# \n第一条 甲。\n", LC_LAW_ERROR_NO_TITLE, "bad.md:1:" },
  { "# 法\n\n第一条 甲。\n第二条 乙。\n第四条 丁。\n", LC_LAW_ERROR_NUMBERING,
    "bad.md:5: Article 第四条 (4) follows article 2; expected article 3." },
  { "# 法\n第二条 乙。\n", LC_LAW_ERROR_NUMBERING, "bad.md:2:" },
  { "# 法\n第一条 甲。\n第一条 甲。\n", LC_LAW_ERROR_NUMBERING, "bad.md:3:" },
  { "# 法\n第一条 甲。\n第二条\n\n第三条 丙。\n", LC_LAW_ERROR_EMPTY_ARTICLE, "bad.md:3: Article 第二条 has no text." },
  { "# 法\n第一条 甲。\n## 第二章\n第二条\xe3\x80\x80\n", LC_LAW_ERROR_EMPTY_ARTICLE, "bad.md:4:" },
  { "# 法\n<!-- INFO END -->\n序言。\n第一条 甲。\n", LC_LAW_ERROR_STRAY_TEXT, "bad.md:3:" },
  { "# 法\n\n2020年通过\n", LC_LAW_ERROR_NO_ARTICLES, "bad.md:1:" },
};

START_TEST (test_malformed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawText) text = lc_law_parse (malformed[_i].markdown, -1, "bad.md", &error);

  ck_assert (text == NULL);
  lc_test_assert_error (error, LC_LAW_ERROR, malformed[_i].code);
  ck_assert_msg (strstr (error->message, malformed[_i].message_part) != NULL, "“%s” lacks “%s”", error->message,
                 malformed[_i].message_part);
}
END_TEST

/* Storage ----------------------------------------------------------------- */

static guint
count_rows (const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return (guint) lc_test_query_int (sql);
}

START_TEST (test_ensure_shipped)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  guint total = 0;

  for (guint i = 0; i < index_rows->len; i++)
    total += ((Row *) g_ptr_array_index (index_rows, i))->n_articles;
  ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (count_rows ("law_version"), 19);
  ck_assert_uint_eq (count_rows ("law"), 17);
  ck_assert_uint_eq (count_rows ("article"), total);

  /* Idempotent: a second call stores nothing. */
  {
    g_autofree char *before = lc_test_query_text ("SELECT id, slug, title FROM law ORDER BY id");
    g_autofree char *after = NULL;

    ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
    lc_test_assert_no_error (error);
    after = lc_test_query_text ("SELECT id, slug, title FROM law ORDER BY id");
    ck_assert_str_eq (before, after);
    ck_assert_uint_eq (count_rows ("law_version"), 19);
    ck_assert_uint_eq (count_rows ("article"), total);
  }

  /* A version that went missing comes back, alone. */
  ck_assert (lc_db_exec (lc_test.db,
                         "DELETE FROM article WHERE law_version_id = (SELECT id FROM law_version "
                         "WHERE version_date = '2015-03-15');"
                         "DELETE FROM law_version WHERE version_date = '2015-03-15'",
                         &error));
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (count_rows ("law_version"), 18);
  ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (count_rows ("law_version"), 19);
  ck_assert_uint_eq (count_rows ("law"), 17);
  ck_assert_uint_eq (count_rows ("article"), total);

  versions = lc_law_list_versions (lc_test.system, NULL, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (versions->len, 19);
  for (guint i = 0; i < index_rows->len; i++)
    {
      Row *row = g_ptr_array_index (index_rows, i);
      g_autoptr (LcLawVersion) version = lc_law_get_version (lc_test.system, row->slug, row->version, &error);

      lc_test_assert_no_error (error);
      ck_assert_str_eq (version->title, row->title);
      ck_assert_uint_eq (version->n_articles, row->n_articles);
    }
}
END_TEST

START_TEST (test_versions_and_articles)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawVersion) latest = NULL;
  g_autoptr (LcLawVersion) old = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  LcArticle *article;

  ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
  latest = lc_law_get_version (lc_test.system, "legislation-law", NULL, &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (latest->version_date, "2023-03-13");
  ck_assert_str_eq (latest->kind, "national-law");
  ck_assert_uint_eq (latest->n_articles, 120);
  ck_assert (strstr (latest->history, "2023年3月13日") != NULL);
  old = lc_law_get_version (lc_test.system, "legislation-law", "2015-03-15", &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (old->n_articles, 105);

  versions = lc_law_list_versions (lc_test.system, "administrative-reconsideration-law", &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (versions->len, 2);
  ck_assert_str_eq (((LcLawVersion *) g_ptr_array_index (versions, 0))->version_date, "2017-09-01");
  ck_assert_str_eq (((LcLawVersion *) g_ptr_array_index (versions, 1))->version_date, "2023-09-01");

  articles = lc_law_list_articles (lc_test.system, latest->id, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (articles->len, 120);
  article = g_ptr_array_index (articles, 119);
  ck_assert_int_eq (article->no, 120);
  ck_assert_str_eq (article->label, "第一百二十条");

  ck_assert (lc_law_get_version (lc_test.system, "no-such-law", NULL, &error) == NULL);
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_LAW);
  g_clear_error (&error);
  ck_assert (lc_law_get_version (lc_test.system, "legislation-law", "2000-01-01", &error) == NULL);
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_VERSION);
}
END_TEST

START_TEST (test_find_article)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcArticle) article = NULL;
  g_autoptr (LcArticle) latest = NULL;
  static const char *const bad[] = {
    "administrative-penalty-law@2021-01-22",   "administrative-penalty-law#",  "administrative-penalty-law#0",
    "administrative-penalty-law@2021-13-01#9", "Administrative-Penalty-Law#9", "administrative-penalty-law#9x",
  };

  ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
  article = lc_law_find_article (lc_test.system, "administrative-penalty-law@2021-01-22#9", &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (article->label, "第九条");
  ck_assert (g_str_has_prefix (article->text, "行政处罚的种类：\n（一）警告、通报批评；"));

  /* Without a date: the latest version (2023: 90 articles). */
  latest = lc_law_find_article (lc_test.system, "administrative-reconsideration-law#90", &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (latest->label, "第九十条");

  ck_assert (lc_law_find_article (lc_test.system, "administrative-reconsideration-law@2017-09-01#44", &error) == NULL);
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_ARTICLE);
  g_clear_error (&error);
  ck_assert (lc_law_find_article (lc_test.system, "no-such-law#1", &error) == NULL);
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_LAW);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      ck_assert_msg (lc_law_find_article (lc_test.system, bad[i], &error) == NULL, "%s", bad[i]);
      lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE);
    }
}
END_TEST

static const char small_law[] = "# 某市测试条例\n\n2024年1月1日 通过\n\n<!-- INFO END -->\n"
                                "第一条 为了测试，制定本条例。\n第二条 本条例自公布之日起施行。\n";

START_TEST (test_import)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcLawVersion) version = NULL;
  g_autoptr (LcArticle) article = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  gint64 id = 0, again = 0, first_id;

  ck_assert (lc_law_import (trainer, small_law, -1, "test-regulation", "2024-01-01", "local-regulation", "t.md", FALSE,
                            &id, &error));
  lc_test_assert_no_error (error);
  ck_assert_int_gt (id, 0);
  version = lc_law_get_version (trainer, "test-regulation", NULL, &error);
  ck_assert_int_eq (version->id, id);
  ck_assert_str_eq (version->title, "某市测试条例");
  ck_assert_str_eq (version->history, "2024年1月1日 通过");
  ck_assert_uint_eq (version->n_articles, 2);

  /* The same version again is refused and changes nothing… */
  before = lc_test_query_text ("SELECT * FROM article ORDER BY id");
  ck_assert (!lc_law_import (trainer, small_law, -1, "test-regulation", "2024-01-01", "local-regulation", "t.md", FALSE,
                             NULL, &error));
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_DUPLICATE_VERSION);
  g_clear_error (&error);
  {
    g_autofree char *after = lc_test_query_text ("SELECT * FROM article ORDER BY id");
    ck_assert_str_eq (before, after);
  }
  /* …unless replaced; the articles that stay keep their ids. */
  first_id = lc_test_query_int ("SELECT id FROM article WHERE no = 1");
  changed = g_strconcat (small_law, "第三条 新增一条。\n", NULL);
  ck_assert (lc_law_import (trainer, changed, -1, "test-regulation", "2024-01-01", "local-regulation", "t.md", TRUE,
                            &again, &error));
  lc_test_assert_no_error (error);
  ck_assert_int_eq (again, id);
  article = lc_law_find_article (trainer, "test-regulation@2024-01-01#3", &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (article->text, "新增一条。");
  ck_assert_uint_eq (lc_test_query_int ("SELECT count(*) FROM article"), 3);
  ck_assert_int_eq (lc_test_query_int ("SELECT id FROM article WHERE no = 1"), first_id);
  /* Replacing with fewer articles drops the extra one. */
  ck_assert (lc_law_import (trainer, small_law, -1, "test-regulation", "2024-01-01", "local-regulation", "t.md", TRUE,
                            NULL, &error));
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (lc_test_query_int ("SELECT count(*) FROM article"), 2);
  ck_assert_int_eq (lc_test_query_int ("SELECT id FROM article WHERE no = 1"), first_id);

  /* A parse error stores nothing and names the line. */
  ck_assert (!lc_law_import (trainer, "# 法\n第一条 甲。\n第三条 丙。\n", -1, "broken-law", "2024-01-01",
                             "national-law", "broken.md", FALSE, NULL, &error));
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_NUMBERING);
  ck_assert (strstr (error->message, "broken.md:3:") != NULL);
  g_clear_error (&error);
  ck_assert_uint_eq (lc_test_query_int ("SELECT count(*) FROM law WHERE slug = 'broken-law'"), 0);

  /* Bad slug, date and kind. */
  ck_assert (
      !lc_law_import (trainer, small_law, -1, "Bad Slug", "2024-01-01", "national-law", NULL, FALSE, NULL, &error));
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!lc_law_import (trainer, small_law, -1, "x", "2024-02-30", "national-law", NULL, FALSE, NULL, &error));
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!lc_law_import (trainer, small_law, -1, "x", "2024-01-01", "rule", NULL, FALSE, NULL, &error));
  lc_test_assert_error (error, LC_LAW_ERROR, LC_LAW_ERROR_INVALID_VALUE);
}
END_TEST

START_TEST (test_import_permission)
{
  static const LcRole denied[] = { LC_ROLE_OFFICER, LC_ROLE_PERSONNEL };
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) admin = lc_test_session (LC_ROLE_ADMINISTRATOR, 0);
  gint64 dept = lc_test_add_department ("D01", "执法一大队", 0);
  gint64 officer_id = lc_test_add_officer ("330401001", "张伟", dept);

  for (guint i = 0; i < G_N_ELEMENTS (denied); i++)
    {
      g_autoptr (LcSession) session = lc_test_session (denied[i], denied[i] == LC_ROLE_OFFICER ? officer_id : 0);

      ck_assert (!lc_session_can (session, LC_PERM_MANAGE_CONTENT));
      ck_assert (!lc_law_import (session, small_law, -1, "test-regulation", "2024-01-01", "local-regulation", NULL,
                                 FALSE, NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  ck_assert_uint_eq (count_rows ("law"), 0);
  ck_assert (lc_session_can (admin, LC_PERM_MANAGE_CONTENT));
  ck_assert (lc_law_import (admin, small_law, -1, "test-regulation", "2024-01-01", "local-regulation", NULL, FALSE,
                            NULL, &error));
  lc_test_assert_no_error (error);
}
END_TEST

/* Differences ------------------------------------------------------------- */

static char *
rebuild (GPtrArray *segments, LcDiffKind skip)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, i);
      if (segment->kind != skip)
        g_string_append (out, segment->text);
    }
  return g_string_free (out, FALSE);
}

static void
assert_rebuilds (const char *old_text, const char *new_text, GPtrArray *segments)
{
  g_autofree char *old_again = rebuild (segments, LC_DIFF_INSERT);
  g_autofree char *new_again = rebuild (segments, LC_DIFF_DELETE);

  ck_assert_str_eq (old_again, old_text);
  ck_assert_str_eq (new_again, new_text);
  /* Runs of one kind are merged. */
  for (guint i = 1; i < segments->len; i++)
    ck_assert_int_ne (((LcDiffSegment *) g_ptr_array_index (segments, i - 1))->kind,
                      ((LcDiffSegment *) g_ptr_array_index (segments, i))->kind);
}

START_TEST (test_text_diff)
{
  static const char *const pairs[][2] = {
    { "", "" },
    { "甲乙丙", "甲乙丙" },
    { "", "新增" },
    { "删除", "" },
    { "行政机关应当在三日内作出决定。", "行政机关应当在五个工作日内作出书面决定。" },
    { "ABCABBA", "CBABAC" },
    { "（一）警告；\n（二）罚款；", "（一）警告、通报批评；\n（二）罚款、没收违法所得；\n（三）暂扣许可证件；" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr (GPtrArray) segments = lc_text_diff (pairs[i][0], pairs[i][1]);
      assert_rebuilds (pairs[i][0], pairs[i][1], segments);
    }
  {
    g_autoptr (GPtrArray) segments = lc_text_diff ("在三日内作出", "在五日内作出");
    LcDiffSegment *s;

    ck_assert_uint_eq (segments->len, 4);
    s = g_ptr_array_index (segments, 1);
    ck_assert_int_eq (s->kind, LC_DIFF_DELETE);
    ck_assert_str_eq (s->text, "三");
    s = g_ptr_array_index (segments, 2);
    ck_assert_int_eq (s->kind, LC_DIFF_INSERT);
    ck_assert_str_eq (s->text, "五");
  }
  {
    /* Swapped words read as one replacement, not as islands of one shared character. */
    g_autoptr (GPtrArray) segments = lc_text_diff ("依法保障和监督行政机关", "依法监督和保障行政机关");
    static const char *const expected[] = { "依法", "保障和监督", "监督和保障", "行政机关" };

    ck_assert_uint_eq (segments->len, 4);
    for (guint i = 0; i < 4; i++)
      ck_assert_str_eq (((LcDiffSegment *) g_ptr_array_index (segments, i))->text, expected[i]);
    ck_assert_int_eq (((LcDiffSegment *) g_ptr_array_index (segments, 1))->kind, LC_DIFF_DELETE);
    ck_assert_int_eq (((LcDiffSegment *) g_ptr_array_index (segments, 2))->kind, LC_DIFF_INSERT);
  }
  ck_assert (lc_text_similarity ("甲乙丙丁", "甲乙丙丁") == 1.0);
  ck_assert (lc_text_similarity ("甲乙丙丁", "戊己庚辛") == 0.0);
}
END_TEST

typedef struct
{
  GPtrArray *changes;
  guint counts[LC_ARTICLE_REMOVED + 1];
} Diff;

static void
diff_versions (const char *slug, const char *old_date, const char *new_date, Diff *diff)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawVersion) old = NULL;
  g_autoptr (LcLawVersion) new = NULL;
  g_autofree guint *old_seen = NULL;
  g_autofree guint *new_seen = NULL;

  ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
  old = lc_law_get_version (lc_test.system, slug, old_date, &error);
  lc_test_assert_no_error (error);
  new = lc_law_get_version (lc_test.system, slug, new_date, &error);
  lc_test_assert_no_error (error);
  ck_assert (lc_law_diff (lc_test.system, old->id, new->id, &diff->changes, &error));
  lc_test_assert_no_error (error);

  /* Every old article is removed or matched once, every new one added or matched once. */
  old_seen = g_new0 (guint, old->n_articles + 1);
  new_seen = g_new0 (guint, new->n_articles + 1);
  memset (diff->counts, 0, sizeof diff->counts);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      LcArticleChange *change = g_ptr_array_index (diff->changes, i);

      diff->counts[change->kind]++;
      ck_assert ((change->old_article == NULL) == (change->kind == LC_ARTICLE_ADDED));
      ck_assert ((change->new_article == NULL) == (change->kind == LC_ARTICLE_REMOVED));
      if (change->old_article != NULL)
        old_seen[change->old_article->no]++;
      if (change->new_article != NULL)
        new_seen[change->new_article->no]++;
      if (change->kind == LC_ARTICLE_CHANGED || change->kind == LC_ARTICLE_RENUMBERED_CHANGED)
        {
          ck_assert_ptr_nonnull (change->segments);
          assert_rebuilds (change->old_article->text, change->new_article->text, change->segments);
          ck_assert (change->similarity >= 0.45);
        }
      else
        ck_assert_ptr_null (change->segments);
      if (change->kind == LC_ARTICLE_UNCHANGED || change->kind == LC_ARTICLE_CHANGED)
        ck_assert_int_eq (change->old_article->no, change->new_article->no);
      if (change->kind == LC_ARTICLE_RENUMBERED || change->kind == LC_ARTICLE_RENUMBERED_CHANGED)
        ck_assert_int_ne (change->old_article->no, change->new_article->no);
    }
  for (guint no = 1; no <= old->n_articles; no++)
    ck_assert_msg (old_seen[no] == 1, "old article %u appears %u times", no, old_seen[no]);
  for (guint no = 1; no <= new->n_articles; no++)
    ck_assert_msg (new_seen[no] == 1, "new article %u appears %u times", no, new_seen[no]);
  {
    guint matched = diff->changes->len - diff->counts[LC_ARTICLE_ADDED] - diff->counts[LC_ARTICLE_REMOVED];

    ck_assert_uint_eq (matched + diff->counts[LC_ARTICLE_REMOVED], old->n_articles);
    ck_assert_uint_eq (matched + diff->counts[LC_ARTICLE_ADDED], new->n_articles);
  }
}

/* The change that holds old article @old_no (0: look by @new_no). */
static LcArticleChange *
find_change (Diff *diff, int old_no, int new_no)
{
  for (guint i = 0; i < diff->changes->len; i++)
    {
      LcArticleChange *change = g_ptr_array_index (diff->changes, i);

      if (old_no > 0 && change->old_article != NULL && change->old_article->no == old_no)
        return change;
      if (old_no == 0 && change->new_article != NULL && change->new_article->no == new_no)
        return change;
    }
  ck_abort_msg ("no change for old %d new %d", old_no, new_no);
  return NULL;
}

static void
assert_change (Diff *diff, int old_no, int new_no, LcArticleChangeKind kind)
{
  LcArticleChange *change = find_change (diff, old_no, new_no);

  ck_assert_msg (change->kind == kind, "old %d new %d: %s, expected %s", old_no, new_no,
                 lc_article_change_kind_to_string (change->kind), lc_article_change_kind_to_string (kind));
  if (old_no > 0 && new_no > 0)
    ck_assert_int_eq (change->new_article->no, new_no);
}

static gboolean
inserted (LcArticleChange *change, const char *text)
{
  for (guint i = 0; i < change->segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (change->segments, i);
      if (segment->kind == LC_DIFF_INSERT && strstr (segment->text, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Checked by reading both texts of ../shared/laws side by side. */
static void
check_reconsideration_spots (Diff *diff)
{
  guint simple_procedure = 0;

  /* 第四十一条 on foreigners is word for word 第八十九条 now. */
  assert_change (diff, 41, 89, LC_ARTICLE_RENUMBERED);
  /* The principles of 第四条 moved to 第三条, which now opens with the Party's leadership;
   * 及时、便民 became 高效、便民、为民. */
  assert_change (diff, 4, 3, LC_ARTICLE_RENUMBERED_CHANGED);
  ck_assert (inserted (find_change (diff, 4, 0), "坚持中国共产党的领导。"));
  /* The purpose clause keeps its number and gains the 主渠道 aim. */
  assert_change (diff, 1, 1, LC_ARTICLE_CHANGED);
  ck_assert (inserted (find_change (diff, 1, 0), "发挥行政复议化解行政争议的主渠道作用"));
  /* Liability of the reconsideration body: 第三十四条 rewritten as 第八十条. */
  assert_change (diff, 34, 80, LC_ARTICLE_RENUMBERED_CHANGED);
  /* The duties of the 法制工作机构 listed in 第三条 are gone. */
  assert_change (diff, 3, 0, LC_ARTICLE_REMOVED);
  /* New: 信息化建设 (第八条), the general rules of the hearing (第三十六条), and the whole
   * new section on the simplified procedure, which the 2017 text does not know. */
  assert_change (diff, 0, 8, LC_ARTICLE_ADDED);
  assert_change (diff, 0, 36, LC_ARTICLE_ADDED);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      LcArticleChange *change = g_ptr_array_index (diff->changes, i);

      if (change->new_article != NULL && strcmp (change->new_article->section, "第四节 简易程序") == 0)
        {
          ck_assert_msg (change->kind == LC_ARTICLE_ADDED, "new article %d", change->new_article->no);
          simple_procedure++;
        }
    }
  ck_assert_uint_ge (simple_procedure, 3);
  ck_assert_uint_eq (diff->counts[LC_ARTICLE_UNCHANGED], 0);
}

static void
check_legislation_spots (Diff *diff)
{
  /* The purpose clause is untouched. */
  assert_change (diff, 1, 1, LC_ARTICLE_UNCHANGED);
  /* Two new principles before it push 第六条 (从实际出发) to 第七条, word for word. */
  assert_change (diff, 6, 7, LC_ARTICLE_RENUMBERED);
  /* The last article, 本法自2000年7月1日起施行。 */
  assert_change (diff, 105, 120, LC_ARTICLE_RENUMBERED);
  /* The NPC's power to suspend laws in places (第十三条) is 第十六条, reworded and with a
   * second paragraph: it is found in its place, not as the State Council's look-alike 第七十九条. */
  assert_change (diff, 13, 16, LC_ARTICLE_RENUMBERED_CHANGED);
  /* The State Council's own power (第七十九条) is new in 2023. */
  assert_change (diff, 0, 79, LC_ARTICLE_ADDED);
  /* An amendment, not a revision: most articles survive word for word under a new number. */
  ck_assert_uint_ge (diff->counts[LC_ARTICLE_RENUMBERED], 50);
}

static void
diff_teardown (Diff *diff)
{
  g_clear_pointer (&diff->changes, g_ptr_array_unref);
}

START_TEST (test_diff_reconsideration)
{
  Diff diff = { 0 };

  diff_versions ("administrative-reconsideration-law", "2017-09-01", "2023-09-01", &diff);
  check_reconsideration_spots (&diff);
  diff_teardown (&diff);
}
END_TEST

START_TEST (test_diff_legislation)
{
  Diff diff = { 0 };

  diff_versions ("legislation-law", "2015-03-15", "2023-03-13", &diff);
  check_legislation_spots (&diff);
  diff_teardown (&diff);
}
END_TEST

START_TEST (test_diff_same_version)
{
  Diff diff = { 0 };

  diff_versions ("administrative-penalty-law", "2021-01-22", "2021-01-22", &diff);
  ck_assert_uint_eq (diff.counts[LC_ARTICLE_UNCHANGED], 86);
  ck_assert_uint_eq (diff.changes->len, 86);
  diff_teardown (&diff);
}
END_TEST

static Suite *
law_suite (void)
{
  Suite *s = suite_create ("law");
  TCase *tc;

  index_rows = read_index ();

  tc = tcase_create ("parse");
  tcase_add_test (tc, test_index_has_19_versions);
  tcase_add_loop_test (tc, test_parse_shipped, 0, (int) index_rows->len);
  tcase_add_test (tc, test_parse_details);
  tcase_add_test (tc, test_chinese_numerals);
  tcase_add_test (tc, test_quirks);
  tcase_add_loop_test (tc, test_malformed, 0, G_N_ELEMENTS (malformed));
  suite_add_tcase (s, tc);

  tc = tcase_create ("storage");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_ensure_shipped);
  tcase_add_test (tc, test_versions_and_articles);
  tcase_add_test (tc, test_find_article);
  tcase_add_test (tc, test_import);
  tcase_add_test (tc, test_import_permission);
  suite_add_tcase (s, tc);

  tc = tcase_create ("diff");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_text_diff);
  tcase_add_test (tc, test_diff_reconsideration);
  tcase_add_test (tc, test_diff_legislation);
  tcase_add_test (tc, test_diff_same_version);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return lc_test_run (law_suite ());
}
