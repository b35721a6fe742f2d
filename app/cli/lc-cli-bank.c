/* lc-cli-bank.c: the question bank — list, show, import and export (GIFT, XLSX, CSV), template, retire and
 * restore, count. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <string.h>

#include "lc-bank.h"
#include "lc-cli.h"
#include "lc-i18n.h"
#include "lc-report-bank.h"
#include "lc-tabular.h"

/* Reads the filter options shared by list and count; FALSE after a usage error. */
static gboolean
parse_filter (const char *command, const char *type, int difficulty, const char *status, LcBankFilter *filter)
{
  LcQuestionType t;
  LcQuestionStatus s;

  if (type != NULL)
    {
      if (!lc_question_type_from_string (type, &t))
        {
          lc_cli_usage_error (command,
                              _ ("Unknown question type “%s” (use single, multiple, truefalse, fill or essay)."), type);
          return FALSE;
        }
      filter->type = (int) t;
    }
  if (difficulty != 0)
    {
      if (difficulty < 1 || difficulty > 5)
        {
          lc_cli_usage_error (command, "%s", _ ("The difficulty is a whole number from 1 to 5."));
          return FALSE;
        }
      filter->difficulty = difficulty;
    }
  if (status != NULL)
    {
      if (!lc_question_status_from_string (status, &s))
        {
          lc_cli_usage_error (command, _ ("Unknown status “%s” (use draft, active or retired)."), status);
          return FALSE;
        }
      filter->status = (int) s;
    }
  return TRUE;
}

static int
bank_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Uid"),   N_ ("Type"),    N_ ("Difficulty"), N_ ("Status"),
                                         N_ ("Basis"), N_ ("Version"), N_ ("Question") };
  static const char *const keys[] = { "uid", "type", "difficulty", "status", "basis", "version", "stem" };
  g_autofree char *search = NULL;
  g_autofree char *type = NULL;
  g_autofree char *status = NULL;
  g_autofree char *law = NULL;
  g_autofree char *category = NULL;
  g_autofree char *format_text = NULL;
  int difficulty = 0;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Words in the question, its options or explanation"),
      N_ ("TEXT") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_ ("single, multiple, truefalse, fill or essay"), N_ ("TYPE") },
    { "difficulty", 0, 0, G_OPTION_ARG_INT, &difficulty, N_ ("1 to 5"), N_ ("N") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("draft, active or retired"), N_ ("STATUS") },
    { "law", 0, 0, G_OPTION_ARG_STRING, &law, N_ ("Questions that cite this law"), N_ ("SLUG") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_ ("In this category or below"), N_ ("PATH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL, _ ("List the questions of the bank (their current versions)."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcBankFilter filter;
  LcCliFormat format;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  lc_bank_filter_init (&filter);
  if (!parse_filter (argv[0], type, difficulty, status, &filter))
    return LC_CLI_EXIT_USAGE;
  filter.text = search;
  filter.law_slug = law;
  filter.category = category;
  if (!lc_cli_open (cli, &error) || (questions = lc_bank_search (cli->session, &filter, &error)) == NULL)
    return lc_cli_fail (error);
  for (guint i = 0; i < questions->len; i++)
    {
      LcQuestion *q = g_ptr_array_index (questions, i);
      g_autofree char *level = g_strdup_printf ("%d", q->difficulty);
      g_autofree char *version = g_strdup_printf ("%d", q->version_no);
      gboolean table_format = format == LC_CLI_FORMAT_TABLE;
      g_autofree char *stem = NULL;

      /* A table keeps one line per question. */
      if (table_format && g_utf8_strlen (q->stem, -1) > 40)
        {
          g_autofree char *head = g_utf8_substring (q->stem, 0, 39);
          stem = g_strconcat (head, "…", NULL);
        }
      else
        stem = g_strdup (q->stem);
      if (table_format)
        g_strdelimit (stem, "\n", ' ');
      lc_cli_table_add (
          table, q->uid, table_format ? lc_question_type_display_name (q->type) : lc_question_type_to_string (q->type),
          level, table_format ? lc_question_status_display_name (q->status) : lc_question_status_to_string (q->status),
          q->basis_ref, version, stem);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static void
print_version (const LcQuestion *q)
{
  if (q->type == LC_QUESTION_TRUEFALSE)
    {
      const LcQuestionOption *t = g_ptr_array_index (q->options, 0);

      /* Translators: the answer of a true-or-false question */
      g_print ("  %s %s\n", _ ("Answer:"), t->correct ? _ ("True") : _ ("False"));
    }
  else
    for (guint i = 0; i < q->options->len; i++)
      {
        const LcQuestionOption *o = g_ptr_array_index (q->options, i);
        g_autofree char *weight = NULL;

        if (o->weight != 0 && o->weight != 10000)
          weight = g_strdup_printf (" (%d.%02d%%)", o->weight / 100, ABS (o->weight) % 100);
        if (q->type == LC_QUESTION_FILL)
          g_print ("  = %s%s\n", o->text, weight != NULL ? weight : "");
        else
          g_print ("  %c %c. %s%s%s\n", o->correct ? '*' : ' ', 'A' + (int) (i % 26), o->text,
                   weight != NULL ? weight : "", o->pinned ? _ (" (pinned)") : "");
      }
  if (q->model_answer != NULL)
    g_print ("%s\n  %s\n", _ ("Model answer:"), q->model_answer);
  if (q->explanation != NULL)
    g_print ("%s\n  %s\n", _ ("Explanation:"), q->explanation);
}

static int
bank_show (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("UID"), _ ("Show a question's current version, its legal basis and its version history."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcQuestion) q = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autofree char *level = NULL;
  g_autofree char *version = NULL;
  const guint width = 12;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!lc_cli_open (cli, &error) || (q = lc_bank_get_question (cli->session, argv[1], &error)) == NULL
      || (versions = lc_bank_list_versions (cli->session, argv[1], &error)) == NULL)
    return lc_cli_fail (error);
  level = g_strdup_printf ("%d", q->difficulty);
  version = g_strdup_printf ("%d", q->version_no);
  lc_cli_print_field (_ ("Uid"), width, q->uid);
  lc_cli_print_field (_ ("Category"), width, q->category != NULL ? q->category : "");
  lc_cli_print_field (_ ("Type"), width, lc_question_type_display_name (q->type));
  lc_cli_print_field (_ ("Difficulty"), width, level);
  lc_cli_print_field (_ ("Status"), width, lc_question_status_display_name (q->status));
  lc_cli_print_field (_ ("Version"), width, version);
  if (q->name != NULL)
    lc_cli_print_field (C_ ("question", "Name"), width, q->name);
  g_print ("\n%s\n", q->stem);
  print_version (q);
  if (q->basis_ref != NULL)
    {
      g_print ("\n%s %s\n", _ ("Legal basis:"), q->basis_ref);
      if (q->basis_text != NULL)
        g_print ("%s\n%s\n", q->basis_label, q->basis_text);
    }
  g_print ("\n%s\n", _ ("Versions:"));
  for (guint i = 0; i < versions->len; i++)
    {
      const LcQuestion *v = g_ptr_array_index (versions, i);
      g_autoptr (GDateTime) at = g_date_time_new_from_unix_local (v->created_at);
      g_autofree char *when = at != NULL ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup ("");

      g_print ("  %d  %s  %s\n", v->version_no, when, v->stem);
    }
  return LC_CLI_EXIT_OK;
}

/* "gift", "xlsx" or "csv" from the file name's extension; "gift" for any other. */
static const char *
format_of_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return "xlsx";
  if (g_str_has_suffix (lower, ".csv"))
    return "csv";
  return "gift";
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
}

/* Up to this many questions a dry run lists without --verbose: a glance, not a flood. */
#define IMPORT_LIST_MAX 20

/* The first line of @text, cut to @max characters. */
static char *
first_line (const char *text, guint max)
{
  const char *end;
  g_autofree char *line = NULL;

  if (text == NULL)
    return g_strdup ("");
  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, (gsize) (end - text)) : g_strdup (text);
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > max)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, max);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static const char *
outcome_word (LcBankImportOutcome outcome, gboolean dry_run)
{
  switch (outcome)
    {
    case LC_BANK_IMPORT_ADDED:
      return dry_run ? _ ("would add") : _ ("added");
    case LC_BANK_IMPORT_UPDATED:
      return dry_run ? _ ("would update") : _ ("updated");
    case LC_BANK_IMPORT_SKIPPED:
      return dry_run ? _ ("would skip") : _ ("skipped");
    case LC_BANK_IMPORT_UNCHANGED:
    default:
      return _ ("unchanged");
    }
}

/* The questions that change or are left out; the unchanged ones only count. */
static void
print_items (GPtrArray *items, gboolean dry_run)
{
  static const char *const headers[] = { N_ ("Outcome"), N_ ("Line"), N_ ("Uid"), N_ ("Question") };
  static const char *const keys[] = { "outcome", "line", "uid", "question" };
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  guint shown = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const LcBankImportItem *item = g_ptr_array_index (items, i);
      g_autofree char *line = g_strdup_printf ("%u", item->line);
      g_autofree char *text = NULL;

      if (item->outcome == LC_BANK_IMPORT_UNCHANGED)
        continue;
      if (item->outcome == LC_BANK_IMPORT_SKIPPED)
        /* Translators: a left-out GIFT question: “(matching) ::name::”; the kind stays in English */
        text = g_strdup_printf (_ ("(%s) %s"), item->skipped_kind, item->stem != NULL ? item->stem : "");
      else
        text = first_line (item->stem, 60);
      lc_cli_table_add (table, outcome_word (item->outcome, dry_run), line, item->uid, text);
      shown++;
    }
  if (shown == 0)
    return;
  lc_cli_table_set_indent (table, 2);
  lc_cli_table_print (table, LC_CLI_FORMAT_TABLE);
}

static int
bank_import (LcCli *cli, int argc, char **argv)
{
  gboolean skip = FALSE;
  gboolean dry_run = FALSE;
  gboolean verbose = FALSE;
  g_autofree char *sheet = NULL;
  const GOptionEntry entries[] = {
    { "skip-unsupported", 0, 0, G_OPTION_ARG_NONE, &skip,
      N_ ("Leave matching and numerical questions out instead of refusing the file"), NULL },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_ ("The worksheet of an XLSX file (default: the first)"),
      N_ ("NAME") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Check the file and tell what would be added, updated, unchanged and skipped; store nothing"), NULL },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose,
      N_ ("List every question added, updated or skipped (a dry run lists them anyway for up to 20 questions)"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("FILE.gift|FILE.xlsx|FILE.csv"),
                          _ ("Import questions from a GIFT file or a table (XLSX or CSV, laid out as “bank "
                             "template” writes it): all of them, or nothing when one is wrong. With --dry-run, "
                             "only tell what an import would do."),
                          entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (LcTable) table = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  LcBankImportResult result = { 0 };
  LcBankImportFlags flags = LC_BANK_IMPORT_DEFAULT;
  const char *format;
  gsize length = 0;
  gboolean ok;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  format = format_of_path (argv[1]);
  if (sheet != NULL && strcmp (format, "xlsx") != 0)
    return lc_cli_usage_error (argv[0], "%s", _ ("--sheet goes with an .xlsx file only."));
  if (strcmp (format, "xlsx") == 0)
    table = lc_table_read_xlsx (argv[1], sheet, &error);
  else if (strcmp (format, "csv") == 0)
    table = lc_table_read_csv (argv[1], &error);
  else if (g_file_get_contents (argv[1], &contents, &length, &error))
    basename = g_path_get_basename (argv[1]);
  if (error != NULL)
    return lc_cli_fail (error);
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  if (skip)
    flags |= LC_BANK_IMPORT_SKIP_UNSUPPORTED;
  if (dry_run)
    flags |= LC_BANK_IMPORT_DRY_RUN;
  if (table != NULL)
    ok = lc_bank_import_table (cli->session, table, flags, &result, &items, &problems, &error);
  else
    ok = lc_bank_import_gift (cli->session, contents, length, basename, flags, &result, &items, &problems, &error);
  if (!ok)
    {
      print_problems (problems);
      return lc_cli_fail (error);
    }
  if (dry_run)
    {
      g_print ("%s\n", _ ("Dry run: nothing was stored."));
      /* Translators: “Would add 12, update 3, leave unchanged 40, skip 1.” */
      g_print (_ ("Would add %u, update %u, leave unchanged %u, skip %u.\n"), result.added, result.updated,
               result.unchanged, result.skipped);
    }
  else
    /* Translators: “Added 12, updated 3, unchanged 40, skipped 1.” */
    g_print (_ ("Added %u, updated %u, unchanged %u, skipped %u.\n"), result.added, result.updated, result.unchanged,
             result.skipped);
  if (verbose || (dry_run && items->len <= IMPORT_LIST_MAX))
    print_items (items, dry_run);
  return LC_CLI_EXIT_OK;
}

/* The current versions with their options, through the bank's search. */
static GPtrArray *
questions_for_export (LcSession *session, const char *category, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) full = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_free);
  LcBankFilter filter;

  lc_bank_filter_init (&filter);
  filter.category = category;
  if ((found = lc_bank_search (session, &filter, error)) == NULL)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      LcQuestion *q = lc_bank_get_question (session, ((LcQuestion *) g_ptr_array_index (found, i))->uid, error);

      if (q == NULL)
        return NULL;
      g_ptr_array_add (full, q);
    }
  return g_steal_pointer (&full);
}

static int
bank_export (LcCli *cli, int argc, char **argv)
{
  g_autofree char *category = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_ ("Only this category and those below it"), N_ ("PATH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_ ("gift, xlsx or csv (default: by the file's extension)"),
      N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("FILE.gift|FILE.xlsx|FILE.csv"),
                          _ ("Write the questions to a GIFT file that Moodle reads, or to a table (XLSX or CSV) "
                             "that “bank import” reads back."),
                          entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) questions = NULL;
  g_autofree char *text = NULL;
  const char *chosen;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  chosen = format != NULL ? format : format_of_path (argv[1]);
  if (strcmp (chosen, "gift") != 0 && strcmp (chosen, "xlsx") != 0 && strcmp (chosen, "csv") != 0)
    return lc_cli_usage_error (argv[0], _ ("Unknown format “%s” (use gift, xlsx or csv)."), chosen);
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  if (strcmp (chosen, "gift") == 0)
    {
      if (!lc_bank_export_gift (cli->session, category, &text, &error)
          || !g_file_set_contents (argv[1], text, -1, &error))
        return lc_cli_fail (error);
      return LC_CLI_EXIT_OK;
    }
  if ((questions = questions_for_export (cli->session, category, &error)) == NULL)
    return lc_cli_fail (error);
  if (strcmp (chosen, "xlsx") == 0 ? !lc_report_bank_write_xlsx (questions, argv[1], &error)
                                   : !lc_report_bank_write_csv (questions, argv[1], &error))
    return lc_cli_fail (error);
  return LC_CLI_EXIT_OK;
}

static int
bank_template (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("FILE.xlsx"),
                          _ ("Write an empty question table to fill in, with drop-downs, two example rows and "
                             "instructions; “bank import” reads it."),
                          entries);
  g_autoptr (GError) error = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (strcmp (format_of_path (argv[1]), "xlsx") != 0)
    return lc_cli_usage_error (argv[0], _ ("“%s” must end in .xlsx."), argv[1]);
  if (!lc_report_bank_template (argv[1], &error))
    return lc_cli_fail (error);
  return LC_CLI_EXIT_OK;
}

static int
set_status (LcCli *cli, int argc, char **argv, LcQuestionStatus status, const char *summary)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (_ ("UID…"), summary, entries);
  g_autoptr (GError) error = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, G_MAXINT, &code))
    return code;
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  for (int i = 1; i < argc; i++)
    if (!lc_bank_set_status (cli->session, argv[i], status, &error))
      return lc_cli_fail (error);
  return LC_CLI_EXIT_OK;
}

static int
bank_retire (LcCli *cli, int argc, char **argv)
{
  return set_status (cli, argc, argv, LC_QUESTION_RETIRED, _ ("Retire questions: exams no longer draw them."));
}

static int
bank_restore (LcCli *cli, int argc, char **argv)
{
  return set_status (cli, argc, argv, LC_QUESTION_ACTIVE, _ ("Make questions active again."));
}

static int
bank_count (LcCli *cli, int argc, char **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *type = NULL;
  g_autofree char *status = NULL;
  g_autofree char *law = NULL;
  g_autofree char *category = NULL;
  int difficulty = 0;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Words in the question, its options or explanation"),
      N_ ("TEXT") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_ ("single, multiple, truefalse, fill or essay"), N_ ("TYPE") },
    { "difficulty", 0, 0, G_OPTION_ARG_INT, &difficulty, N_ ("1 to 5"), N_ ("N") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("draft, active or retired"), N_ ("STATUS") },
    { "law", 0, 0, G_OPTION_ARG_STRING, &law, N_ ("Questions that cite this law"), N_ ("SLUG") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_ ("In this category or below"), N_ ("PATH") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL, _ ("Count the questions that match, and print the number."), entries);
  g_autoptr (GError) error = NULL;
  LcBankFilter filter;
  guint n = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  lc_bank_filter_init (&filter);
  if (!parse_filter (argv[0], type, difficulty, status, &filter))
    return LC_CLI_EXIT_USAGE;
  filter.text = search;
  filter.law_slug = law;
  filter.category = category;
  if (!lc_cli_open (cli, &error) || !lc_bank_count (cli->session, &filter, &n, &error))
    return lc_cli_fail (error);
  g_print ("%u\n", n);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_bank (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand bank_commands[] = {
    { "list", bank_list, N_ ("List and search questions") },
    { "show", bank_show, N_ ("Show a question with its basis and versions") },
    { "import", bank_import, N_ ("Import questions from a GIFT, XLSX or CSV file") },
    { "export", bank_export, N_ ("Export questions to a GIFT, XLSX or CSV file") },
    { "template", bank_template, N_ ("Write an XLSX template to fill in with questions") },
    { "retire", bank_retire, N_ ("Retire questions") },
    { "restore", bank_restore, N_ ("Make retired questions active again") },
    { "count", bank_count, N_ ("Count questions") },
  };

  return lc_cli_run_group (cli, bank_commands, G_N_ELEMENTS (bank_commands), _ ("The question bank."), argc, argv);
}
