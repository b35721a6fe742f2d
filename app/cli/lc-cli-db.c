/* lc-cli-db.c: init, demo, backup and check. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include "lc-cli.h"
#include "lc-demo.h"
#include "lc-i18n.h"

int
lc_cli_cmd_init (LcCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL, _ ("Create the database, or migrate it to the schema of this program."), NULL);
  g_autoptr (GError) error = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  cli->may_create = TRUE;
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  g_print (_ ("Database: %s\n"), lc_db_get_path (cli->db));
  g_print (_ ("Schema version: %d\n"), lc_db_schema_version (cli->db));
  return LC_CLI_EXIT_OK;
}

static void
print_count (const char *label, guint width, guint value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  lc_cli_print_field (label, width, text);
}

static void
print_summary (LcCli *cli, const LcDemoSummary *summary)
{
  static const LcCertStatus statuses[] = {
    LC_CERT_VALID, LC_CERT_EXPIRED, LC_CERT_SUSPENDED, LC_CERT_REVOKED, LC_CERT_CANCELLED,
  };
  g_autofree char *hours_label = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *expiring_label = NULL;
  const char *labels[5];
  guint width = 0;

  /* Translators: “Reached 60 hours in 2025” */
  hours_label = g_strdup_printf (_ ("Reached %d hours in %d"), LC_DEMO_REQUIRED_HOURS / 100, summary->last_full_year);
  /* Translators: “  expiring within 60 days”, a part of the valid certificates */
  expiring_label = g_strdup_printf (_ ("  of them expiring within %d days"), LC_DEMO_EXPIRING_DAYS);
  labels[0] = _ ("Departments and units");
  labels[1] = _ ("Certificate events");
  labels[2] = _ ("Training records");
  labels[3] = hours_label;
  labels[4] = expiring_label;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, lc_cli_display_width (labels[i]) + 1);

  g_print (_ ("Loaded the demo city into %s.\n\n"), lc_db_get_path (cli->db));
  print_count (labels[0], width, summary->departments);
  print_count (_ ("Officers"), width, summary->officers);
  print_count (_ ("Certificates"), width, summary->certificates);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *label = g_strconcat ("  ", lc_cert_status_display_name (statuses[i]), NULL);
      print_count (label, width, summary->certificates_by_status[statuses[i]]);
      if (statuses[i] == LC_CERT_VALID)
        print_count (expiring_label, width, summary->certificates_expiring);
    }
  print_count (labels[1], width, summary->certificate_events);
  print_count (labels[2], width, summary->training_records);
  /* Translators: “410 of the 590 officers who trained that year” */
  hours = g_strdup_printf (_ ("%u of the %u officers who trained that year"), summary->officers_meeting_last_year,
                           summary->officers_trained_last_year);
  lc_cli_print_field (hours_label, width, hours);
  print_count (_ ("Users"), width, summary->users);
  print_count (_ ("Exams"), width, summary->exams);
  {
    g_autofree char *attempts = NULL;

    /* Translators: “512 of 658 passed” (graded attempts of last year's exam, retakes included) */
    attempts = g_strdup_printf (_ ("%u, %u of them passed"), summary->exam_attempts, summary->exam_attempts_passed);
    /* Translators: a line of the demo summary */
    lc_cli_print_field (_ ("Attempts at last year's exam"), width, attempts);
  }
}

static int
print_logins (LcCli *cli)
{
  static const char *const headers[] = { N_ ("Login"), N_ ("Password"), N_ ("Role"), N_ ("Officer") };
  static const char *const keys[] = { "login", "password", "role", "officer" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  guint n_demo = 0;
  const LcDemoUser *demo_users = lc_demo_users (&n_demo);

  if ((users = lc_auth_list_users (cli->session, &error)) == NULL)
    return lc_cli_fail (error);
  for (guint d = 0; d < n_demo; d++)
    for (guint i = 0; i < users->len; i++)
      {
        LcUser *user = g_ptr_array_index (users, i);
        if (g_strcmp0 (user->login, demo_users[d].login) == 0)
          lc_cli_table_add (table, user->login, LC_DEMO_PASSWORD, lc_role_display_name (user->role),
                            user->officer_name);
      }
  g_print ("\n%s\n", _ ("Demo logins:"));
  lc_cli_table_set_indent (table, 2);
  lc_cli_table_print (table, LC_CLI_FORMAT_TABLE);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_demo (LcCli *cli, int argc, char **argv)
{
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_ ("The same seed makes the same city (default 1)"), N_ ("N") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (NULL,
                          _ ("Fill an empty database with a demo city: departments, about 600 officers, "
                             "certificates with their history, training records and four users."),
                          entries);
  g_autoptr (GError) error = NULL;
  LcDemoSummary summary;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  cli->may_create = TRUE;
  if (!lc_cli_open (cli, &error) || !lc_demo_populate (cli->session, (guint64) seed, &summary, &error))
    return lc_cli_fail (error);
  print_summary (cli, &summary);
  return print_logins (cli);
}

int
lc_cli_cmd_backup (LcCli *cli, int argc, char **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_ ("Replace DEST if it exists"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("DEST"), _ ("Copy the database to DEST, safely even while others use it."), entries);
  g_autoptr (GError) error = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!force && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _ ("“%s” already exists; choose another name or add --force to replace it."), argv[1]);
      return lc_cli_fail (error);
    }
  if (!lc_cli_open (cli, &error) || !lc_session_require (cli->session, LC_PERM_MAINTAIN, &error)
      || !lc_db_backup (cli->db, argv[1], &error))
    return lc_cli_fail (error);
  g_print (_ ("Backed up %s to %s.\n"), lc_db_get_path (cli->db), argv[1]);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_check (LcCli *cli, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      NULL, _ ("Check the database file for damage and broken links between records; print “ok” or each problem."),
      NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  if (!lc_cli_open (cli, &error) || !lc_session_require (cli->session, LC_PERM_MAINTAIN, &error)
      || !lc_db_check (cli->db, &problems, &error))
    return lc_cli_fail (error);
  if (problems->len == 0)
    {
      g_print ("ok\n");
      return LC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  g_printerr (
      g_dngettext (GETTEXT_PACKAGE, "%s: %u problem found in %s.\n", "%s: %u problems found in %s.\n", problems->len),
      "lexcert-cli", problems->len, lc_db_get_path (cli->db));
  return LC_CLI_EXIT_FAILURE;
}
