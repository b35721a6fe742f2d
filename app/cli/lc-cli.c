/* lc-cli.c: lexcert-cli's main, global options, dispatch and shared helpers. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lc-bank.h"
#include "lc-cli.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-units.h"

#define PROGRAM "lexcert-cli"

static const LcCliCommand commands[] = {
  { "init", lc_cli_cmd_init, N_ ("Create the database, or bring it up to date") },
  { "demo", lc_cli_cmd_demo, N_ ("Fill an empty database with a demo city") },
  { "officers", lc_cli_cmd_officers, N_ ("List, add, change, import and export officers") },
  { "departments", lc_cli_cmd_departments, N_ ("List and add departments") },
  { "certs", lc_cli_cmd_certs, N_ ("Issue enforcement certificates and change their status") },
  { "training", lc_cli_cmd_training, N_ ("Record and list training hours") },
  { "users", lc_cli_cmd_users, N_ ("Manage user accounts") },
  { "laws", lc_cli_cmd_laws, N_ ("List, show, import and compare statutes") },
  { "bank", lc_cli_cmd_bank, N_ ("List, show, import and export the question bank") },
  { "exam", lc_cli_cmd_exam, N_ ("Create, publish and sit exams; results and grading") },
  { "backup", lc_cli_cmd_backup, N_ ("Copy the database safely while it is in use") },
  { "check", lc_cli_cmd_check, N_ ("Check the database for damage") },
};

/* Parsing ------------------------------------------------------------ */

static char *
help_hint (const char *command)
{
  /* Translators: %s is a command such as “lexcert-cli officers add” */
  return g_strdup_printf (_ ("Run “%s --help” to see how to use it."), command);
}

int
lc_cli_usage_error (const char *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *hint = help_hint (command);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n%s\n", command, message, hint);
  return LC_CLI_EXIT_USAGE;
}

GOptionContext *
lc_cli_context_new (const char *parameters, const char *summary, const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
lc_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *command = g_strdup ((*argv)[0]);

  /* --help prints the program name: make it the whole command. */
  g_set_prgname (command);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      lc_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_cli_expect_args (int argc, char **argv, int min, int max, int *exit_code)
{
  int given = argc - 1;

  if (given < min)
    *exit_code = lc_cli_usage_error (argv[0], "%s", _ ("An argument is missing."));
  else if (given > max)
    *exit_code = lc_cli_usage_error (argv[0], _ ("Unexpected argument “%s”."), argv[max + 1]);
  else
    return TRUE;
  return FALSE;
}

static void
print_commands (FILE *out, const LcCliCommand *list, guint n)
{
  guint width = 0;

  for (guint i = 0; i < n; i++)
    width = MAX (width, (guint) strlen (list[i].name));
  for (guint i = 0; i < n; i++)
    fprintf (out, "  %-*s  %s\n", (int) width, list[i].name, _ (list[i].summary));
}

static int
run_command (LcCli *cli, const LcCliCommand *list, guint n, const char *prefix, const char *summary, int argc,
             char **argv)
{
  g_autofree char *name = NULL;

  if (argc < 1 || strcmp (argv[0], "--help") == 0 || strcmp (argv[0], "-h") == 0)
    {
      gboolean asked = argc >= 1;
      FILE *out = asked ? stdout : stderr;

      fprintf (out, _ ("Usage:\n  %s COMMAND [OPTION…]\n\n"), prefix);
      if (summary != NULL)
        fprintf (out, "%s\n\n", summary);
      fprintf (out, "%s\n", _ ("Commands:"));
      print_commands (out, list, n);
      fprintf (out, "\n");
      /* Translators: %s is a command such as “lexcert-cli officers” */
      fprintf (out, _ ("Run “%s COMMAND --help” for the options of a command.\n"), prefix);
      if (!asked)
        {
          g_printerr ("%s: %s\n", prefix, _ ("A command is missing."));
          return LC_CLI_EXIT_USAGE;
        }
      return LC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < n; i++)
    if (strcmp (argv[0], list[i].name) == 0)
      {
        char *saved = argv[0];
        int code;

        name = g_strdup_printf ("%s %s", prefix, list[i].name);
        argv[0] = name;
        code = list[i].run (cli, argc, argv);
        argv[0] = saved;
        return code;
      }
  if (argv[0][0] == '-')
    return lc_cli_usage_error (prefix, _ ("Unknown option %s"), argv[0]);
  return lc_cli_usage_error (prefix, _ ("Unknown command “%s”."), argv[0]);
}

int
lc_cli_run_group (LcCli *cli, const LcCliCommand *list, guint n, const char *summary, int argc, char **argv)
{
  /* argv[0] is the group ("lexcert-cli officers"); its subcommand follows. */
  return run_command (cli, list, n, argv[0], summary, argc - 1, argv + 1);
}

gboolean
lc_cli_parse_format (const char *command, const char *text, gboolean allow_csv, LcCliFormat *format)
{
  if (text == NULL || strcmp (text, "table") == 0)
    *format = LC_CLI_FORMAT_TABLE;
  else if (strcmp (text, "tsv") == 0)
    *format = LC_CLI_FORMAT_TSV;
  else if (allow_csv && strcmp (text, "csv") == 0)
    *format = LC_CLI_FORMAT_CSV;
  else
    {
      if (allow_csv)
        lc_cli_usage_error (command, _ ("Unknown format “%s” (use table, tsv or csv)."), text);
      else
        lc_cli_usage_error (command, _ ("Unknown format “%s” (use table or tsv)."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_cli_parse_date (const char *command, const char *option, const char *text, char **out)
{
  if (text == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  *out = lc_date_normalize (text);
  if (*out == NULL)
    {
      /* Translators: “--issued: “2024-13-01” is not a date; write it as 2024-05-31.” */
      lc_cli_usage_error (command, _ ("%s: “%s” is not a date; write it as YYYY-MM-DD."), option, text);
      return FALSE;
    }
  return TRUE;
}

/* Running ------------------------------------------------------------ */

int
lc_cli_fail (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM, error->message);
  return LC_CLI_EXIT_FAILURE;
}

void
lc_cli_password_free (char *password)
{
  if (password == NULL)
    return;
  explicit_bzero (password, strlen (password));
  g_free (password);
}

char *
lc_cli_read_password (const char *prompt, GError **error)
{
  struct termios saved, quiet;
  char line[1024];
  FILE *tty = fopen ("/dev/tty", "r+");
  gboolean ok;
  gsize length;
  char *password;

  if (tty == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("A password is needed, but there is no terminal to ask for it; set it in the environment "
                      "instead."));
      return NULL;
    }
  fputs (prompt, tty);
  fflush (tty);
  ok = tcgetattr (fileno (tty), &saved) == 0;
  if (ok)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
    }
  password = fgets (line, sizeof line, tty) != NULL ? line : NULL;
  if (ok)
    tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputs ("\n", tty);
  fclose (tty);
  if (password == NULL)
    {
      explicit_bzero (line, sizeof line);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("No password was given."));
      return NULL;
    }
  length = strcspn (line, "\r\n");
  password = g_strndup (line, length);
  explicit_bzero (line, sizeof line);
  return password;
}

gboolean
lc_cli_open (LcCli *cli, GError **error)
{
  g_autoptr (LcDb) db = NULL;
  g_autoptr (LcSession) session = NULL;

  if (cli->session != NULL)
    return TRUE;
  /* A mistyped --database would otherwise quietly make an empty database. */
  if (!cli->may_create && strcmp (cli->database_path, ":memory:") != 0
      && !g_file_test (cli->database_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("There is no database “%s”. Create it with “lexcert-cli init”."), cli->database_path);
      return FALSE;
    }
  if ((db = lc_db_open (cli->database_path, error)) == NULL || !lc_law_ensure_shipped (db, error)
      || !lc_bank_ensure_starter (db, error))
    return FALSE;
  if (cli->user != NULL)
    {
      const char *env = g_getenv ("LEXCERT_PASSWORD");
      char *password;

      if (env != NULL)
        password = g_strdup (env);
      else
        {
          /* Translators: %s is a login name */
          g_autofree char *prompt = g_strdup_printf (_ ("Password for %s: "), cli->user);
          if ((password = lc_cli_read_password (prompt, error)) == NULL)
            return FALSE;
        }
      session = lc_auth_sign_in (db, cli->user, password, error);
      if (session == NULL)
        {
          lc_cli_password_free (password);
          return FALSE;
        }
      cli->password = password;
      if (lc_session_get_must_change_password (session) && !cli->changing_password)
        {
          g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
                       _ ("The account “%s” must change its password first: run “lexcert-cli --user %s users "
                          "passwd %s”."),
                       cli->user, cli->user, cli->user);
          return FALSE;
        }
    }
  else
    session = lc_session_new_system (db);
  cli->db = g_steal_pointer (&db);
  cli->session = g_steal_pointer (&session);
  return TRUE;
}

/* Output ------------------------------------------------------------- */

struct _LcCliTable
{
  guint n_columns;
  const char *const *headers;
  const char *const *keys;
  GPtrArray *rows; /* of char** with n_columns cells */
  guint indent;
};

LcCliTable *
lc_cli_table_new (guint n_columns, const char *const *headers, const char *const *keys)
{
  LcCliTable *table = g_new0 (LcCliTable, 1);

  table->n_columns = n_columns;
  table->headers = headers;
  table->keys = keys;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
lc_cli_table_free (LcCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
lc_cli_table_set_indent (LcCliTable *table, guint indent)
{
  table->indent = indent;
}

void
lc_cli_table_add (LcCliTable *table, ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);
      cells[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (table->rows, cells);
}

guint
lc_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
print_padded (GString *out, const char *text, guint width)
{
  g_string_append (out, text);
  for (guint w = lc_cli_display_width (text); w < width; w++)
    g_string_append_c (out, ' ');
}

void
lc_cli_print_field (const char *label, guint width, const char *value)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *with_colon = g_strconcat (label, ":", NULL);

  print_padded (line, with_colon, width + 2);
  g_string_append (line, value != NULL ? value : "");
  g_print ("%s\n", line->str);
}

/* A tab, line break or carriage return would split a TSV record. */
static void
append_tsv_cell (GString *out, const char *cell)
{
  for (const char *p = cell; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_csv_cell (GString *out, const char *cell)
{
  if (strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
print_separated (LcCliTable *table, LcCliFormat format)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *separator = format == LC_CLI_FORMAT_CSV ? "," : "\t";
  const char *line_end = format == LC_CLI_FORMAT_CSV ? "\r\n" : "\n";

  for (guint r = 0; r <= table->rows->len; r++)
    {
      const char *const *cells = r == 0 ? table->keys : g_ptr_array_index (table->rows, r - 1);

      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, separator);
          if (format == LC_CLI_FORMAT_CSV)
            append_csv_cell (out, cells[c]);
          else
            append_tsv_cell (out, cells[c]);
        }
      g_string_append (out, line_end);
    }
  fwrite (out->str, 1, out->len, stdout);
}

void
lc_cli_table_print (LcCliTable *table, LcCliFormat format)
{
  g_autofree guint *widths = NULL;
  g_autofree const char **headers = NULL;
  g_autoptr (GString) out = NULL;

  if (format != LC_CLI_FORMAT_TABLE)
    {
      print_separated (table, format);
      return;
    }

  widths = g_new0 (guint, table->n_columns);
  headers = g_new0 (const char *, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    {
      headers[c] = _ (table->headers[c]);
      widths[c] = lc_cli_display_width (headers[c]);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], lc_cli_display_width (cells[c]));
    }

  out = g_string_new (NULL);
  for (guint r = 0; r < table->rows->len + 2; r++)
    {
      for (guint i = 0; i < table->indent; i++)
        g_string_append_c (out, ' ');
      for (guint c = 0; c < table->n_columns; c++)
        {
          gboolean last = c + 1 == table->n_columns;
          if (c > 0)
            g_string_append (out, "  ");
          if (r == 1)
            for (guint w = 0; w < widths[c]; w++)
              g_string_append_c (out, '-');
          else
            {
              const char *cell = r == 0 ? headers[c] : ((char **) g_ptr_array_index (table->rows, r - 2))[c];
              print_padded (out, cell, last ? 0 : widths[c]);
            }
        }
      /* An empty last cell would leave the separator dangling. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
}

GHashTable *
lc_cli_department_paths (LcSession *session, GError **error)
{
  g_autoptr (GPtrArray) departments = lc_people_list_departments (session, error);
  g_autoptr (GHashTable) paths = NULL;

  if (departments == NULL)
    return NULL;
  paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* Parents come before their units, so each parent's path is ready. */
  for (guint i = 0; i < departments->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (departments, i);
      const char *parent = g_hash_table_lookup (paths, &department->parent_id);
      gint64 *key = g_new (gint64, 1);

      *key = department->id;
      g_hash_table_insert (
          paths, key, parent != NULL ? g_strconcat (parent, "/", department->name, NULL) : g_strdup (department->name));
    }
  return g_steal_pointer (&paths);
}

/* Main --------------------------------------------------------------- */

static char *
main_description (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint width = 0;

  g_string_append_printf (text, "%s\n", _ ("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (guint) strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-*s  %s\n", (int) width, commands[i].name, _ (commands[i].summary));
  g_string_append_printf (text, "\n%s\n\n",
                          _ ("Run “lexcert-cli COMMAND --help” for the options of a command, for example "
                             "“lexcert-cli officers add --help”."));
  g_string_append_printf (
      text, "%s\n\n",
      _ ("Who acts: without --user, lexcert-cli acts as the local operator who holds the database file, "
         "with every right (the file could be changed directly anyway). With --user LOGIN it signs in as that "
         "user and may do only what the user's role allows; the password comes from the environment variable "
         "LEXCERT_PASSWORD, or is asked on the terminal. New passwords (users add, users passwd) come from "
         "LEXCERT_NEW_PASSWORD, or are asked twice."));
  g_string_append_printf (text, "%s\n",
                          _ ("Database: --database PATH, else the environment variable LEXCERT_DB, else the "
                             "file lexcert/lexcert.db in the user's data folder."));
  g_string_append_printf (text, "\n%s\n", _ ("Exit status:"));
  g_string_append_printf (text, "  0  %s\n", _ ("success"));
  g_string_append_printf (text, "  1  %s\n", _ ("failure; the reason is written to standard error"));
  g_string_append_printf (text, "  2  %s", _ ("usage error: unknown command or option, missing or malformed argument"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
lc_cli_clear (LcCli *cli)
{
  g_clear_object (&cli->session);
  g_clear_pointer (&cli->db, lc_db_unref);
  g_clear_pointer (&cli->database_path, g_free);
  g_clear_pointer (&cli->user, g_free);
  g_clear_pointer (&cli->password, lc_cli_password_free);
}

int
main (int argc, char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, N_ ("The database file"), N_ ("PATH") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_ ("Act as this user (see below)"), N_ ("LOGIN") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Show the version and exit"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  LcCli cli = { 0 };
  int code;

  lc_i18n_init ();
  g_set_prgname (PROGRAM);

  description = main_description ();
  context = lc_cli_context_new (_ ("COMMAND [ARGUMENT…]"),
                                _ ("Manage the officers, enforcement certificates, training hours and users of "
                                   "Lexcert from the command line."),
                                entries);
  g_option_context_set_description (context, description);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  /* Usage lines name the program, not the path it was started by. */
  argv[0] = (char *) PROGRAM;
  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (version)
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return LC_CLI_EXIT_OK;
    }
  if (argc < 2)
    return lc_cli_usage_error (PROGRAM, "%s", _ ("A command is missing."));
  if (strcmp (argv[1], "--") == 0)
    {
      argv++;
      argc--;
    }

  cli.database_path = database != NULL ? g_steal_pointer (&database) : lc_db_default_path ();
  cli.user = g_steal_pointer (&user);
  code = run_command (&cli, commands, G_N_ELEMENTS (commands), PROGRAM, NULL, argc - 1, argv + 1);
  lc_cli_clear (&cli);
  return code;
}
