/* lc-cli-officers.c: officers and departments. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lc-cli.h"
#include "lc-i18n.h"
#include "lc-report-roster.h"
#include "lc-roster.h"
#include "lc-units.h"

/* Shared ------------------------------------------------------------- */

static gboolean
parse_officer_status (const char *command, const char *text, LcOfficerStatus *status)
{
  if (lc_officer_status_from_string (text, status))
    return TRUE;
  lc_cli_usage_error (command, _ ("Unknown officer status “%s” (use active, suspended or left)."), text);
  return FALSE;
}

/* Fills @filter from --search, --department and --include-left. */
static gboolean
make_filter (LcCli *cli, const char *search, const char *department, gboolean include_left, LcOfficerFilter *filter,
             GError **error)
{
  memset (filter, 0, sizeof *filter);
  filter->text = search;
  filter->include_left = include_left;
  if (department != NULL)
    {
      g_autoptr (LcDepartment) found = lc_people_find_department (cli->session, department, error);
      if (found == NULL)
        return FALSE;
      filter->department_id = found->id;
    }
  return TRUE;
}

/* officers list --------------------------------------------------------- */

static int
officers_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = {
    N_ ("Staff no."), N_ ("Name"), N_ ("Department"), N_ ("Field"), N_ ("Post"), N_ ("Status"), N_ ("Phone"),
  };
  static const char *const machine_keys[] = {
    "staff_no", "name", "department_code", "department", "field", "post", "status", "phone",
  };
  g_autofree char *search = NULL;
  g_autofree char *department = NULL;
  g_autofree char *format_text = NULL;
  gboolean include_left = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only officers whose name, staff number or phone has TEXT"),
      N_ ("TEXT") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_ ("Only this department and its units"),
      N_ ("CODE_OR_NAME") },
    { "include-left", 0, 0, G_OPTION_ARG_NONE, &include_left, N_ ("Include officers who have left"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      NULL, _ ("List officers by staff number. tsv and csv write a header line of column keys and machine values."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GHashTable) paths = NULL;
  g_autoptr (LcCliTable) table = NULL;
  LcOfficerFilter filter;
  LcCliFormat format;
  gboolean machine;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || !make_filter (cli, search, department, include_left, &filter, &error)
      || (officers = lc_people_list_officers (cli->session, &filter, &error)) == NULL
      || (paths = lc_cli_department_paths (cli->session, &error)) == NULL)
    return lc_cli_fail (error);

  machine = format != LC_CLI_FORMAT_TABLE;
  /* Machine formats add the department code as its own column. */
  table = machine ? lc_cli_table_new (G_N_ELEMENTS (machine_keys), machine_keys, machine_keys)
                  : lc_cli_table_new (G_N_ELEMENTS (headers), headers, headers);
  for (guint i = 0; i < officers->len; i++)
    {
      LcOfficer *officer = g_ptr_array_index (officers, i);
      const char *path = g_hash_table_lookup (paths, &officer->department_id);

      if (machine)
        lc_cli_table_add (table, officer->staff_no, officer->name, officer->department_code, path, officer->field,
                          officer->post, lc_officer_status_to_string (officer->status), officer->phone);
      else
        lc_cli_table_add (table, officer->staff_no, officer->name, path, officer->field, officer->post,
                          lc_officer_status_display_name (officer->status), officer->phone);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

/* officers add / edit --------------------------------------------------- */

static int
officers_add (LcCli *cli, int argc, char **argv)
{
  g_autofree char *staff_no = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autofree char *field = NULL;
  g_autofree char *post = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[] = {
    { "staff-no", 0, 0, G_OPTION_ARG_STRING, &staff_no, N_ ("Staff number (required)"), N_ ("NO") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Name (required)"), N_ ("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_ ("Department code or unique name (required)"),
      N_ ("CODE_OR_NAME") },
    /* Translators: 执法领域 = enforcement field */
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_ ("Enforcement field"), N_ ("FIELD") },
    /* Translators: 岗位 = post */
    { "post", 0, 0, G_OPTION_ARG_STRING, &post, N_ ("Post"), N_ ("POST") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_ ("active (default), suspended or left"), N_ ("STATUS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_ ("Phone number"), N_ ("PHONE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (NULL, _ ("Add an officer to the roster."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) found = NULL;
  LcOfficer officer = { 0 };
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  if (staff_no == NULL || name == NULL || department == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--staff-no, --name and --department are required."));
  officer.status = LC_OFFICER_ACTIVE;
  if (status_text != NULL && !parse_officer_status (argv[0], status_text, &officer.status))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (found = lc_people_find_department (cli->session, department, &error)) == NULL)
    return lc_cli_fail (error);
  officer.staff_no = staff_no;
  officer.name = name;
  officer.department_id = found->id;
  officer.field = field;
  officer.post = post;
  officer.phone = phone;
  if (!lc_people_add_officer (cli->session, &officer, NULL, &error))
    return lc_cli_fail (error);
  /* Translators: “Added officer 330401001 张伟.” */
  g_print (_ ("Added officer %s %s.\n"), staff_no, name);
  return LC_CLI_EXIT_OK;
}

static void
replace (char **member, char *value)
{
  if (value == NULL)
    return;
  g_free (*member);
  *member = g_strdup (value);
}

static int
officers_edit (LcCli *cli, int argc, char **argv)
{
  g_autofree char *staff_no = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autofree char *field = NULL;
  g_autofree char *post = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[] = {
    { "staff-no", 0, 0, G_OPTION_ARG_STRING, &staff_no, N_ ("New staff number"), N_ ("NO") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("Name"), N_ ("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_ ("Department code or unique name"),
      N_ ("CODE_OR_NAME") },
    /* Translators: 执法领域 = enforcement field */
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_ ("Enforcement field"), N_ ("FIELD") },
    /* Translators: 岗位 = post */
    { "post", 0, 0, G_OPTION_ARG_STRING, &post, N_ ("Post"), N_ ("POST") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_ ("active, suspended or left"), N_ ("STATUS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_ ("Phone number"), N_ ("PHONE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("STAFF_NO"), _ ("Change an officer; values not given stay as they are."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  LcOfficerStatus status = LC_OFFICER_ACTIVE;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (staff_no == NULL && name == NULL && department == NULL && field == NULL && post == NULL && status_text == NULL
      && phone == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("Nothing to change: give at least one option."));
  if (status_text != NULL && !parse_officer_status (argv[0], status_text, &status))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (officer = lc_people_find_officer (cli->session, argv[1], &error)) == NULL)
    return lc_cli_fail (error);
  if (department != NULL)
    {
      g_autoptr (LcDepartment) found = lc_people_find_department (cli->session, department, &error);
      if (found == NULL)
        return lc_cli_fail (error);
      officer->department_id = found->id;
    }
  replace (&officer->staff_no, staff_no);
  replace (&officer->name, name);
  replace (&officer->field, field);
  replace (&officer->post, post);
  replace (&officer->phone, phone);
  if (status_text != NULL)
    officer->status = status;
  if (!lc_people_update_officer (cli->session, officer, &error))
    return lc_cli_fail (error);
  g_print (_ ("Updated officer %s %s.\n"), officer->staff_no, officer->name);
  return LC_CLI_EXIT_OK;
}

/* officers show -------------------------------------------------------- */

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static gboolean
print_certificates (LcCli *cli, const LcOfficer *officer, const char *today, GError **error)
{
  g_autoptr (GPtrArray) certificates = lc_people_list_certificates (cli->session, officer->id, error);

  if (certificates == NULL)
    return FALSE;
  g_print ("\n%s\n", _ ("Certificates"));
  if (certificates->len == 0)
    g_print ("  %s\n", _ ("none"));
  for (guint i = 0; i < certificates->len; i++)
    {
      LcCertificate *certificate = g_ptr_array_index (certificates, i);
      LcCertStatus status = lc_certificate_effective_status (certificate, today);
      g_autoptr (GPtrArray) events = lc_people_list_certificate_events (cli->session, certificate->id, error);
      guint width = 0;

      if (events == NULL)
        return FALSE;
      g_print ("  %s  %s  %s", certificate->cert_no, or_dash (certificate->field),
               lc_cert_status_display_name (status));
      if (certificate->status_reason != NULL && *certificate->status_reason != '\0')
        g_print (" (%s)", certificate->status_reason);
      g_print ("\n");
      /* Translators: dates of a certificate: issued, expires, last annual review (年审) */
      g_print (_ ("    issued %s, expires %s, reviewed %s\n"), certificate->issued_on, certificate->expires_on,
               certificate->reviewed_on != NULL ? certificate->reviewed_on : _ ("never"));
      for (guint e = 0; e < events->len; e++)
        {
          LcCertificateEvent *event = g_ptr_array_index (events, e);
          width = MAX (width, lc_cli_display_width (lc_cert_action_display_name (event->action)));
        }
      for (guint e = 0; e < events->len; e++)
        {
          LcCertificateEvent *event = g_ptr_array_index (events, e);
          const char *action = lc_cert_action_display_name (event->action);
          g_autoptr (GString) line = g_string_new (NULL);

          g_string_append_printf (line, "    %s  %s", event->on_date, action);
          for (guint w = lc_cli_display_width (action); w < width; w++)
            g_string_append_c (line, ' ');
          if (event->reason != NULL && *event->reason != '\0')
            g_string_append_printf (line, "  %s", event->reason);
          if (event->user_login != NULL && *event->user_login != '\0')
            g_string_append_printf (line, "  [%s]", event->user_login);
          g_print ("%s\n", line->str);
        }
    }
  return TRUE;
}

static gboolean
print_training_totals (LcCli *cli, const LcOfficer *officer, GError **error)
{
  static const char *const headers[] = { N_ ("Year"), N_ ("Hours"), N_ ("Sessions") };
  g_autoptr (GPtrArray) records = lc_people_list_training (cli->session, officer->id, error);
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, headers);
  int year = 0;
  gint64 hours = 0;
  guint sessions = 0;

  if (records == NULL)
    return FALSE;
  g_print ("\n%s\n", _ ("Training hours"));
  if (records->len == 0)
    {
      g_print ("  %s\n", _ ("none"));
      return TRUE;
    }
  /* Records come newest first, so each year's records are together. */
  for (guint i = 0; i <= records->len; i++)
    {
      LcTrainingRecord *record = i < records->len ? g_ptr_array_index (records, i) : NULL;
      int record_year = record != NULL ? lc_date_year (record->on_date) : 0;

      if (sessions > 0 && record_year != year)
        {
          g_autofree char *year_text = g_strdup_printf ("%d", year);
          g_autofree char *hours_text = lc_hundredths_format (hours);
          g_autofree char *sessions_text = g_strdup_printf ("%u", sessions);
          lc_cli_table_add (table, year_text, hours_text, sessions_text);
          hours = 0;
          sessions = 0;
        }
      if (record == NULL)
        break;
      year = record_year;
      hours += record->hours;
      sessions++;
    }
  lc_cli_table_set_indent (table, 2);
  lc_cli_table_print (table, LC_CLI_FORMAT_TABLE);
  return TRUE;
}

static int
officers_show (LcCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("STAFF_NO"), _ ("Show an officer with certificates, their history, and training hours per year."), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *department = NULL;
  g_autofree char *today = NULL;
  const char *labels[7];
  guint width = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!lc_cli_open (cli, &error) || (officer = lc_people_find_officer (cli->session, argv[1], &error)) == NULL
      || (path = lc_people_department_path (cli->session, officer->department_id, &error)) == NULL)
    return lc_cli_fail (error);
  today = lc_db_today (cli->db);
  department = g_strdup_printf ("%s (%s)", path, officer->department_code);

  labels[0] = _ ("Staff number");
  labels[1] = _ ("Name");
  labels[2] = _ ("Department");
  labels[3] = _ ("Enforcement field");
  labels[4] = _ ("Post");
  labels[5] = _ ("Status");
  labels[6] = _ ("Phone");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, lc_cli_display_width (labels[i]) + 1);
  lc_cli_print_field (labels[0], width, officer->staff_no);
  lc_cli_print_field (labels[1], width, officer->name);
  lc_cli_print_field (labels[2], width, department);
  lc_cli_print_field (labels[3], width, or_dash (officer->field));
  lc_cli_print_field (labels[4], width, or_dash (officer->post));
  lc_cli_print_field (labels[5], width, lc_officer_status_display_name (officer->status));
  lc_cli_print_field (labels[6], width, or_dash (officer->phone));

  if (!print_certificates (cli, officer, today, &error) || !print_training_totals (cli, officer, &error))
    return lc_cli_fail (error);
  return LC_CLI_EXIT_OK;
}

/* officers import / export / count ------------------------------------- */

static int
officers_import (LcCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("FILE.csv"),
      _ ("Import the roster from a CSV file (UTF-8 or GB18030), all or nothing: a staff number already stored "
         "updates that officer, a new one adds an officer. Columns are found by their header: 工号, 姓名, 部门编码 "
         "or 部门, and optionally 执法领域, 岗位, 状态, 电话."),
      NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_auto (LcRosterResult) result = { 0 };
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  if (!lc_roster_import_file (cli->session, argv[1], &result, &problems, &error))
    {
      if (problems == NULL || problems->len == 0)
        return lc_cli_fail (error);
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = lc_import_problem_to_string (g_ptr_array_index (problems, i));
          g_printerr ("%s: %s\n", argv[1], line);
        }
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported.\n",
                               "%s: %u problems; nothing was imported.\n", problems->len),
                  argv[1], problems->len);
      return LC_CLI_EXIT_FAILURE;
    }
  /* Translators: “12 added, 3 updated, 85 unchanged (GB18030)” */
  g_print (_ ("%u added, %u updated, %u unchanged (%s)\n"), result.added, result.updated, result.unchanged,
           result.encoding);
  if (result.ignored_columns != NULL && result.ignored_columns->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      for (guint i = 0; i < result.ignored_columns->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (result.ignored_columns, i));
      g_print (_ ("Ignored columns: %s\n"), names->str);
    }
  return LC_CLI_EXIT_OK;
}

static int
officers_export (LcCli *cli, int argc, char **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *department = NULL;
  gboolean include_left = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only officers whose name, staff number or phone has TEXT"),
      N_ ("TEXT") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_ ("Only this department and its units"),
      N_ ("CODE_OR_NAME") },
    { "include-left", 0, 0, G_OPTION_ARG_NONE, &include_left, N_ ("Include officers who have left"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("FILE.csv|FILE.xlsx"),
      _ ("Export the roster with each officer's current certificate; the format follows the file name's "
         "extension. The file imports back unchanged."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *today = NULL;
  LcOfficerFilter filter;
  gboolean xlsx;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  lower = g_ascii_strdown (argv[1], -1);
  xlsx = g_str_has_suffix (lower, ".xlsx");
  if (!xlsx && !g_str_has_suffix (lower, ".csv"))
    return lc_cli_usage_error (argv[0], _ ("“%s” must end in .csv or .xlsx."), argv[1]);
  if (!lc_cli_open (cli, &error) || !make_filter (cli, search, department, include_left, &filter, &error)
      || (rows = lc_roster_rows (cli->session, &filter, &error)) == NULL)
    return lc_cli_fail (error);
  today = lc_db_today (cli->db);
  if (xlsx ? !lc_report_roster_write_xlsx (rows, argv[1], today, &error)
           : !lc_report_roster_write_csv (rows, argv[1], &error))
    return lc_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u officer to %s.\n", "Exported %u officers to %s.\n", rows->len),
           rows->len, argv[1]);
  return LC_CLI_EXIT_OK;
}

static int
officers_count (LcCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL, _ ("Print the number of officers, those who left included."), NULL);
  g_autoptr (GError) error = NULL;
  gint64 count;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  if (!lc_cli_open (cli, &error) || (count = lc_people_count_officers (cli->session, &error)) < 0)
    return lc_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", count);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_officers (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand officer_commands[] = {
    { "list", officers_list, N_ ("List officers") },
    { "add", officers_add, N_ ("Add an officer") },
    { "show", officers_show, N_ ("Show an officer with certificates and training") },
    { "edit", officers_edit, N_ ("Change an officer") },
    { "import", officers_import, N_ ("Import the roster from a CSV file") },
    { "export", officers_export, N_ ("Export the roster to CSV or XLSX") },
    { "count", officers_count, N_ ("Print the number of officers") },
  };

  return lc_cli_run_group (cli, officer_commands, G_N_ELEMENTS (officer_commands), _ ("The officer roster."), argc,
                           argv);
}

/* departments ----------------------------------------------------------- */

static int
departments_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Code"), N_ ("Department name"), N_ ("Parent") };
  static const char *const keys[] = { "code", "name", "parent_code" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL, _ ("List departments, each followed by its units."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) departments = NULL;
  g_autoptr (GHashTable) codes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (departments = lc_people_list_departments (cli->session, &error)) == NULL)
    return lc_cli_fail (error);
  for (guint i = 0; i < departments->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (departments, i);
      g_hash_table_insert (codes, &department->id, department->code);
    }
  for (guint i = 0; i < departments->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (departments, i);
      const char *parent = g_hash_table_lookup (codes, &department->parent_id);
      /* Units are indented under their department in the table. */
      g_autofree char *name = format == LC_CLI_FORMAT_TABLE && department->parent_id > 0
                                  ? g_strconcat ("  ", department->name, NULL)
                                  : g_strdup (department->name);

      lc_cli_table_add (table, department->code, name, parent);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static int
departments_add (LcCli *cli, int argc, char **argv)
{
  g_autofree char *parent = NULL;
  const GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_ ("Make it a unit of this department"), N_ ("CODE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (_ ("CODE NAME"), _ ("Add a department or unit."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) found = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 2, 2, &code))
    return code;
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  if (parent != NULL && (found = lc_people_find_department (cli->session, parent, &error)) == NULL)
    return lc_cli_fail (error);
  if (!lc_people_add_department (cli->session, argv[1], argv[2], found != NULL ? found->id : 0, NULL, &error))
    return lc_cli_fail (error);
  /* Translators: “Added department ZF-01 执法一大队.” */
  g_print (_ ("Added department %s %s.\n"), argv[1], argv[2]);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_departments (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand department_commands[] = {
    { "list", departments_list, N_ ("List departments and their units") },
    { "add", departments_add, N_ ("Add a department or unit") },
  };

  return lc_cli_run_group (cli, department_commands, G_N_ELEMENTS (department_commands),
                           _ ("Departments and their units."), argc, argv);
}
