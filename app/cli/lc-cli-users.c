/* lc-cli-users.c: user accounts. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <string.h>

#include "lc-cli.h"
#include "lc-i18n.h"

/* From LEXCERT_NEW_PASSWORD, else asked twice on the terminal. */
static char *
new_password (const char *login, GError **error)
{
  const char *env = g_getenv ("LEXCERT_NEW_PASSWORD");
  g_autofree char *prompt = NULL;
  char *first;
  char *second;
  gboolean same;

  if (env != NULL)
    return g_strdup (env);
  /* Translators: %s is a login name */
  prompt = g_strdup_printf (_ ("New password for %s: "), login);
  if ((first = lc_cli_read_password (prompt, error)) == NULL)
    return NULL;
  if ((second = lc_cli_read_password (_ ("Repeat the new password: "), error)) == NULL)
    {
      lc_cli_password_free (first);
      return NULL;
    }
  same = strcmp (first, second) == 0;
  lc_cli_password_free (second);
  if (!same)
    {
      lc_cli_password_free (first);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("The two passwords differ; nothing was changed."));
      return NULL;
    }
  return first;
}

static int
users_add (LcCli *cli, int argc, char **argv)
{
  g_autofree char *role_text = NULL;
  g_autofree char *officer_no = NULL;
  gboolean must_change = FALSE;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_ ("officer, trainer, personnel or administrator (required)"),
      N_ ("ROLE") },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_no,
      N_ ("The officer this account belongs to (required for the officer role)"), N_ ("STAFF_NO") },
    { "must-change-password", 0, 0, G_OPTION_ARG_NONE, &must_change,
      N_ ("Make the user choose a new password at the first sign-in"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("LOGIN"),
      _ ("Add a user account. The password comes from LEXCERT_NEW_PASSWORD, or is asked twice on the terminal."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  char *password = NULL;
  LcRole role;
  gboolean ok;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (role_text == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--role is required."));
  if (!lc_role_from_string (role_text, &role))
    return lc_cli_usage_error (argv[0], _ ("Unknown role “%s” (use officer, trainer, personnel or administrator)."),
                               role_text);
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  if (officer_no != NULL && (officer = lc_people_find_officer (cli->session, officer_no, &error)) == NULL)
    return lc_cli_fail (error);
  /* Ask for the password only once the rest is known to be right. */
  if (!lc_session_require (cli->session, LC_PERM_MANAGE_USERS, &error)
      || (password = new_password (argv[1], &error)) == NULL)
    return lc_cli_fail (error);
  ok = lc_auth_add_user (cli->session, argv[1], password, role, officer != NULL ? officer->id : 0, must_change, NULL,
                         &error);
  lc_cli_password_free (password);
  if (!ok)
    return lc_cli_fail (error);
  /* Translators: “Added user zhangwei (Officer).” */
  g_print (_ ("Added user %s (%s).\n"), argv[1], lc_role_display_name (role));
  return LC_CLI_EXIT_OK;
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (unix_seconds <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static int
users_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = {
    N_ ("Login"), N_ ("Role"), N_ ("Officer"), N_ ("State"), N_ ("Last sign-in"),
  };
  static const char *const keys[] = { "login", "role", "officer", "state", "last_login" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (NULL, _ ("List the user accounts."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  gboolean machine;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (users = lc_auth_list_users (cli->session, &error)) == NULL)
    return lc_cli_fail (error);
  machine = format != LC_CLI_FORMAT_TABLE;
  for (guint i = 0; i < users->len; i++)
    {
      LcUser *user = g_ptr_array_index (users, i);
      g_autofree char *last = format_time (user->last_login_at);
      const char *state;

      if (machine)
        state = user->disabled ? "disabled" : user->must_change_password ? "must-change-password" : "enabled";
      else
        /* Translators: the state of a user account */
        state = user->disabled               ? _ ("disabled")
                : user->must_change_password ? _ ("must change password")
                                             : _ ("enabled");
      lc_cli_table_add (table, user->login,
                        machine ? lc_role_to_string (user->role) : lc_role_display_name (user->role),
                        user->officer_name, state, last);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static int
users_passwd (LcCli *cli, int argc, char **argv)
{
  gboolean must_change = FALSE;
  const GOptionEntry entries[] = {
    { "must-change-password", 0, 0, G_OPTION_ARG_NONE, &must_change,
      N_ ("Make the user choose a new password at the next sign-in (administrators only)"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("LOGIN"),
                          _ ("Set a user's password. Administrators set anyone's; others, signed in with --user, "
                             "only their own. The new password comes from LEXCERT_NEW_PASSWORD, or is asked twice."),
                          entries);
  g_autoptr (GError) error = NULL;
  char *password = NULL;
  gboolean own;
  gboolean ok;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  own = cli->user != NULL && strcmp (cli->user, argv[1]) == 0;
  cli->changing_password = own;
  if (!lc_cli_open (cli, &error) || (password = new_password (argv[1], &error)) == NULL)
    return lc_cli_fail (error);
  /* The sign-in password is the old one that changing one's own needs. */
  ok = lc_auth_set_password (cli->session, argv[1], own ? cli->password : NULL, password, must_change, &error);
  lc_cli_password_free (password);
  if (!ok)
    return lc_cli_fail (error);
  g_print (_ ("Changed the password of %s.\n"), argv[1]);
  return LC_CLI_EXIT_OK;
}

static int
users_set_disabled (LcCli *cli, int argc, char **argv)
{
  gboolean disable = g_str_has_suffix (argv[0], " disable");
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("LOGIN"),
                          disable ? _ ("Disable an account: it can no longer sign in; its records stay.")
                                  : _ ("Enable a disabled account again."),
                          NULL);
  g_autoptr (GError) error = NULL;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!lc_cli_open (cli, &error) || !lc_auth_set_disabled (cli->session, argv[1], disable, &error))
    return lc_cli_fail (error);
  g_print (disable ? _ ("Disabled %s.\n") : _ ("Enabled %s.\n"), argv[1]);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_users (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand user_commands[] = {
    { "add", users_add, N_ ("Add a user account") },
    { "list", users_list, N_ ("List the user accounts") },
    { "passwd", users_passwd, N_ ("Set a password") },
    { "disable", users_set_disabled, N_ ("Disable an account") },
    { "enable", users_set_disabled, N_ ("Enable an account") },
  };

  return lc_cli_run_group (cli, user_commands, G_N_ELEMENTS (user_commands), _ ("User accounts and passwords."), argc,
                           argv);
}
