/* lc-cli-training.c: training records and hours. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <string.h>

#include "lc-cli.h"
#include "lc-i18n.h"
#include "lc-units.h"

static int
training_add (LcCli *cli, int argc, char **argv)
{
  g_autofree char *officer_no = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *hours_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *source_text = NULL;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_no, N_ ("The officer's staff number (required)"),
      N_ ("STAFF_NO") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_ ("Day of the training (required)"), N_ ("DATE") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours_text, N_ ("Hours, such as 1.5 (required)"), N_ ("HOURS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("What the training was"), N_ ("TEXT") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_text, N_ ("external (default) or course"), N_ ("SOURCE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL, _ ("Record the hours of a training an officer attended."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autofree char *date = NULL;
  g_autofree char *hours_shown = NULL;
  LcTrainingRecord record = { 0 };
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  if (officer_no == NULL || date_text == NULL || hours_text == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--officer, --date and --hours are required."));
  if (!lc_cli_parse_date (argv[0], "--date", date_text, &date))
    return LC_CLI_EXIT_USAGE;
  if (!lc_hundredths_parse (hours_text, &record.hours))
    return lc_cli_usage_error (argv[0], _ ("--hours: “%s” is not a number of hours such as 2 or 1.5."), hours_text);
  if (source_text == NULL || strcmp (source_text, "external") == 0)
    record.source = LC_TRAINING_EXTERNAL;
  else if (strcmp (source_text, "course") == 0)
    record.source = LC_TRAINING_COURSE;
  else
    return lc_cli_usage_error (argv[0], _ ("Unknown training source “%s” (use external or course)."), source_text);
  if (!lc_cli_open (cli, &error) || (officer = lc_people_find_officer (cli->session, officer_no, &error)) == NULL)
    return lc_cli_fail (error);
  record.officer_id = officer->id;
  record.on_date = date;
  record.note = note;
  if (!lc_people_add_training (cli->session, &record, NULL, &error))
    return lc_cli_fail (error);
  hours_shown = lc_hundredths_format (record.hours);
  /* Translators: “Recorded 1.5 hours on 2025-03-04 for 张伟 (330401001).” */
  g_print (_ ("Recorded %s hours on %s for %s (%s).\n"), hours_shown, date, officer->name, officer->staff_no);
  return LC_CLI_EXIT_OK;
}

typedef struct
{
  int year;
  gint64 hours;
  guint sessions;
} YearTotal;

static void
print_year_total (int year, gint64 hours, guint sessions)
{
  g_autofree char *text = lc_hundredths_format (hours);

  /* Translators: “Total in 2025: 64 hours in 7 sessions” */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Total in %d: %s hours in %u session\n",
                        "Total in %d: %s hours in %u sessions\n", sessions),
           year, text, sessions);
}

static int
training_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Date"), N_ ("Hours"), N_ ("Source"), N_ ("Note"), N_ ("Entered by") };
  static const char *const keys[] = { "date", "hours", "source", "note", "entered_by" };
  g_autofree char *officer_no = NULL;
  g_autofree char *format_text = NULL;
  int year = 0;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_no, N_ ("The officer's staff number (required)"),
      N_ ("STAFF_NO") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Only this calendar year"), N_ ("YYYY") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      NULL, _ ("List an officer's training records, newest first, with the total hours of each year."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (YearTotal));
  LcCliFormat format;
  gboolean machine;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (officer_no == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--officer is required."));
  if (year < 0 || year > 9999)
    return lc_cli_usage_error (argv[0], _ ("--year: %d is not a year."), year);
  if (!lc_cli_open (cli, &error) || (officer = lc_people_find_officer (cli->session, officer_no, &error)) == NULL
      || (records = lc_people_list_training (cli->session, officer->id, &error)) == NULL)
    return lc_cli_fail (error);

  machine = format != LC_CLI_FORMAT_TABLE;
  for (guint i = 0; i < records->len; i++)
    {
      LcTrainingRecord *record = g_ptr_array_index (records, i);
      int record_year = lc_date_year (record->on_date);
      g_autofree char *hours = NULL;
      YearTotal *last;

      if (year != 0 && record_year != year)
        continue;
      hours = lc_hundredths_format (record->hours);
      lc_cli_table_add (table, record->on_date, hours,
                        machine ? lc_training_source_to_string (record->source)
                                : lc_training_source_display_name (record->source),
                        record->note, record->entered_by_login);
      /* Newest first: a new year starts a new total. */
      last = totals->len > 0 ? &g_array_index (totals, YearTotal, totals->len - 1) : NULL;
      if (last == NULL || last->year != record_year)
        {
          YearTotal fresh = { record_year, 0, 0 };
          g_array_append_val (totals, fresh);
          last = &g_array_index (totals, YearTotal, totals->len - 1);
        }
      last->hours += record->hours;
      last->sessions++;
    }
  if (!machine)
    /* Translators: “张伟 (330401001)” above the training records */
    g_print (_ ("%s (%s)\n\n"), officer->name, officer->staff_no);
  lc_cli_table_print (table, format);
  if (machine)
    return LC_CLI_EXIT_OK;
  g_print ("\n");
  if (totals->len == 0)
    {
      g_autofree char *today = lc_db_today (cli->db);
      print_year_total (year != 0 ? year : lc_date_year (today), 0, 0);
    }
  for (guint i = 0; i < totals->len; i++)
    {
      const YearTotal *total = &g_array_index (totals, YearTotal, i);
      print_year_total (total->year, total->hours, total->sessions);
    }
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_training (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand training_commands[] = {
    { "add", training_add, N_ ("Record training hours") },
    { "list", training_list, N_ ("List an officer's training and yearly totals") },
  };

  return lc_cli_run_group (cli, training_commands, G_N_ELEMENTS (training_commands), _ ("Training records and hours."),
                           argc, argv);
}
