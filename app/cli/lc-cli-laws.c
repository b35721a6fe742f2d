/* lc-cli-laws.c: statutes — list, show, import and the diff of two versions. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <string.h>

#include "lc-cli.h"
#include "lc-i18n.h"
#include "lc-law.h"

static int
laws_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Law"), N_ ("Version"), N_ ("Kind"), N_ ("Articles"), N_ ("Title") };
  static const char *const keys[] = { "slug", "version", "kind", "articles", "title" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("[SLUG]"), _ ("List the statute versions in the database, or the versions of one law."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 1, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error)
      || (versions = lc_law_list_versions (cli->session, argc > 1 ? argv[1] : NULL, &error)) == NULL)
    return lc_cli_fail (error);
  for (guint i = 0; i < versions->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *count = g_strdup_printf ("%u", version->n_articles);

      lc_cli_table_add (table, version->slug, version->version_date,
                        format == LC_CLI_FORMAT_TABLE ? lc_law_kind_display_name (version->kind) : version->kind, count,
                        version->title);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static void
print_article (const LcArticle *article)
{
  g_auto (GStrv) paragraphs = g_strsplit (article->text, "\n", -1);

  g_print ("%s %s\n", article->label, paragraphs[0]);
  for (guint i = 1; paragraphs[i] != NULL; i++)
    g_print ("%s\n", paragraphs[i]);
}

/* An article given as 12 or as 第十二条. */
static gboolean
parse_article_no (const char *text, int *no)
{
  gint64 value = 0;
  char *end = NULL;

  if (g_str_has_prefix (text, "第") && g_str_has_suffix (text, "条"))
    return lc_chinese_numeral_parse (text + strlen ("第"), strlen (text) - strlen ("第") - strlen ("条"), no);
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 9999)
    return FALSE;
  *no = (int) value;
  return TRUE;
}

static LcLawVersion *
get_version (LcCli *cli, const char *reference, GError **error)
{
  g_autofree char *slug = NULL;
  g_autofree char *date = NULL;

  if (!lc_law_parse_reference (reference, &slug, &date, NULL, error))
    return NULL;
  return lc_law_get_version (cli->session, slug, date, error);
}

static int
laws_show (LcCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("SLUG[@DATE] [ARTICLE]"),
      _ ("Show a statute as text, chapter by chapter, or one of its articles (a number such as 12). Without @DATE, "
         "the latest version."),
      NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawVersion) version = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  const char *chapter = "";
  const char *section = "";
  int no = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 2, &code))
    return code;
  if (argc > 2 && !parse_article_no (argv[2], &no))
    return lc_cli_usage_error (argv[0], _ ("“%s” is not an article number such as 12."), argv[2]);
  if (!lc_cli_open (cli, &error) || (version = get_version (cli, argv[1], &error)) == NULL
      || (articles = lc_law_list_articles (cli->session, version->id, &error)) == NULL)
    return lc_cli_fail (error);

  if (no > 0)
    {
      const LcArticle *article;

      if ((guint) no > articles->len)
        {
          g_set_error (&error, LC_LAW_ERROR, LC_LAW_ERROR_UNKNOWN_ARTICLE,
                       _ ("The %s version of “%s” has no article %d (it has %u)."), version->version_date,
                       version->slug, no, articles->len);
          return lc_cli_fail (error);
        }
      article = g_ptr_array_index (articles, no - 1);
      /* Translators: “中华人民共和国行政处罚法 (2021-01-22)” */
      g_print (_ ("%s (%s)\n"), version->title, version->version_date);
      if (article->chapter[0] != '\0' || article->section[0] != '\0')
        g_print ("%s%s%s\n", article->chapter, article->chapter[0] != '\0' && article->section[0] != '\0' ? " " : "",
                 article->section);
      g_print ("\n");
      print_article (article);
      return LC_CLI_EXIT_OK;
    }

  g_print (_ ("%s (%s)\n"), version->title, version->version_date);
  g_print ("\n");
  if (version->history[0] != '\0')
    g_print ("%s\n", version->history);
  for (guint i = 0; i < articles->len; i++)
    {
      const LcArticle *article = g_ptr_array_index (articles, i);

      if (strcmp (article->chapter, chapter) != 0)
        {
          chapter = article->chapter;
          section = "";
          g_print ("\n%s\n", chapter);
        }
      if (strcmp (article->section, section) != 0)
        {
          section = article->section;
          if (section[0] != '\0')
            g_print ("\n%s\n", section);
        }
      g_print ("\n");
      print_article (article);
    }
  return LC_CLI_EXIT_OK;
}

static int
laws_import (LcCli *cli, int argc, char **argv)
{
  g_autofree char *slug = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *kind = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "slug", 0, 0, G_OPTION_ARG_STRING, &slug,
      N_ ("The law's English name, such as administrative-penalty-law (required)"), N_ ("SLUG") },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version_text, N_ ("The date of this version (required)"), N_ ("DATE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_ ("national-law, administrative-regulation or local-regulation (required)"), N_ ("KIND") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_ ("Replace a version of the same date"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("FILE"), _ ("Import one version of a statute from its Markdown text (the format of data/laws)."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawVersion) version = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *date = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;
  gint64 version_id = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (slug == NULL || version_text == NULL || kind == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--slug, --version and --kind are required."));
  if (!lc_cli_parse_date (argv[0], "--version", version_text, &date))
    return LC_CLI_EXIT_USAGE;
  if (!lc_law_kind_is_valid (kind))
    return lc_cli_usage_error (
        argv[0], _ ("Unknown kind of law “%s” (use national-law, administrative-regulation or local-regulation)."),
        kind);
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return lc_cli_fail (error);
  basename = g_path_get_basename (argv[1]);
  if (!lc_cli_open (cli, &error)
      || !lc_law_import (cli->session, contents, (gssize) length, slug, date, kind, basename, replace, &version_id,
                         &error)
      || (version = lc_law_get_version_by_id (cli->session, version_id, &error)) == NULL)
    return lc_cli_fail (error);
  /* Translators: “Imported 中华人民共和国行政处罚法 (administrative-penalty-law@2021-01-22): 86 articles.” */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s (%s@%s): %u article.\n", "Imported %s (%s@%s): %u articles.\n",
                        version->n_articles),
           version->title, version->slug, version->version_date, version->n_articles);
  return LC_CLI_EXIT_OK;
}

static const char *
change_kind_display_name (LcArticleChangeKind kind)
{
  switch (kind)
    {
    case LC_ARTICLE_UNCHANGED:
      /* Translators: an article of a law, the same in two versions */
      return C_ ("article change", "Unchanged");
    case LC_ARTICLE_CHANGED:
      return C_ ("article change", "Changed");
    case LC_ARTICLE_RENUMBERED:
      /* Translators: the same article text under a new number */
      return C_ ("article change", "Renumbered");
    case LC_ARTICLE_RENUMBERED_CHANGED:
      return C_ ("article change", "Renumbered and changed");
    case LC_ARTICLE_ADDED:
      return C_ ("article change", "Added");
    case LC_ARTICLE_REMOVED:
      /* Translators: an article of the old version that the new one no longer has */
      return C_ ("article change", "Removed");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
print_indented (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("    %s\n", lines[i]);
}

static void
print_segments (GPtrArray *segments)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->kind == LC_DIFF_DELETE)
        g_string_append_printf (out, "[-%s-]", segment->text);
      else if (segment->kind == LC_DIFF_INSERT)
        g_string_append_printf (out, "{+%s+}", segment->text);
      else
        g_string_append (out, segment->text);
    }
  print_indented (out->str);
  g_string_free (out, TRUE);
}

static int
laws_diff (LcCli *cli, int argc, char **argv)
{
  static const LcArticleChangeKind order[] = {
    LC_ARTICLE_UNCHANGED,          LC_ARTICLE_RENUMBERED, LC_ARTICLE_CHANGED,
    LC_ARTICLE_RENUMBERED_CHANGED, LC_ARTICLE_ADDED,      LC_ARTICLE_REMOVED,
  };
  gboolean brief = FALSE;
  const GOptionEntry entries[] = {
    { "brief", 0, 0, G_OPTION_ARG_NONE, &brief, N_ ("Only the numbers, not the texts"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("SLUG@OLD SLUG@NEW"),
      _ ("Compare two versions of a statute article by article: what was added, removed, changed and renumbered. "
         "Articles are paired by their text, so a renumbered article is found under its new number. In changed "
         "articles, [-deleted-] and {+inserted+} text is marked."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcLawVersion) old_version = NULL;
  g_autoptr (LcLawVersion) new_version = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  guint counts[LC_ARTICLE_REMOVED + 1] = { 0 };
  guint width = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 2, 2, &code))
    return code;
  if (!lc_cli_open (cli, &error) || (old_version = get_version (cli, argv[1], &error)) == NULL
      || (new_version = get_version (cli, argv[2], &error)) == NULL
      || !lc_law_diff (cli->session, old_version->id, new_version->id, &changes, &error))
    return lc_cli_fail (error);

  for (guint i = 0; i < changes->len; i++)
    counts[((LcArticleChange *) g_ptr_array_index (changes, i))->kind]++;
  /* Translators: “中华人民共和国行政复议法: 2017-09-01 (43 articles) -> 2023-09-01 (90 articles)” */
  g_print (_ ("%s: %s (%u articles) -> %s (%u articles)\n\n"), new_version->title, old_version->version_date,
           old_version->n_articles, new_version->version_date, new_version->n_articles);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    width = MAX (width, lc_cli_display_width (change_kind_display_name (order[k])) + 1);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[order[k]]);
      lc_cli_print_field (change_kind_display_name (order[k]), width, count);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      LcArticleChange *change = g_ptr_array_index (changes, i);
      const char *kind = change_kind_display_name (change->kind);

      switch (change->kind)
        {
        case LC_ARTICLE_UNCHANGED:
          continue;
        case LC_ARTICLE_ADDED:
          /* Translators: “Added: -> 5 第五条” */
          g_print (_ ("\n%s: -> %d %s\n"), kind, change->new_article->no, change->new_article->label);
          if (!brief)
            print_indented (change->new_article->text);
          break;
        case LC_ARTICLE_REMOVED:
          /* Translators: “Removed: 12 第十二条 ->” */
          g_print (_ ("\n%s: %d %s ->\n"), kind, change->old_article->no, change->old_article->label);
          if (!brief)
            print_indented (change->old_article->text);
          break;
        case LC_ARTICLE_RENUMBERED:
          /* Translators: “Renumbered: 10 -> 12 (第十条 -> 第十二条)” */
          g_print (_ ("\n%s: %d -> %d (%s -> %s)\n"), kind, change->old_article->no, change->new_article->no,
                   change->old_article->label, change->new_article->label);
          break;
        case LC_ARTICLE_CHANGED:
        case LC_ARTICLE_RENUMBERED_CHANGED:
          g_print (_ ("\n%s: %d -> %d (%s -> %s)\n"), kind, change->old_article->no, change->new_article->no,
                   change->old_article->label, change->new_article->label);
          if (!brief)
            print_segments (change->segments);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_laws (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand laws_commands[] = {
    { "list", laws_list, N_ ("List the statutes and their versions") },
    { "show", laws_show, N_ ("Show a statute, or one article") },
    { "import", laws_import, N_ ("Import a version of a statute from Markdown") },
    { "diff", laws_diff, N_ ("Compare two versions of a statute article by article") },
  };

  return lc_cli_run_group (cli, laws_commands, G_N_ELEMENTS (laws_commands), _ ("Statutes and their versions."), argc,
                           argv);
}
