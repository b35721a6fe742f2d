/* lc-cli.h: what the command files of lexcert-cli share.
 *
 * Each command is a function that gets the argument vector from its own
 * name on (argv[0] is "lexcert-cli officers add"), parses it with its own
 * GOptionContext through lc_cli_parse(), and returns an exit code.
 */
#pragma once

#include <glib.h>

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-people.h"
#include "lc-session.h"

G_BEGIN_DECLS

/* Exit codes, as documented in the main --help. */
enum
{
  LC_CLI_EXIT_OK = 0,
  LC_CLI_EXIT_FAILURE = 1,
  LC_CLI_EXIT_USAGE = 2,
};

typedef struct
{
  /* from the global options */
  char *database_path;
  char *user;
  /* set by init and demo: a missing database file is created, not refused */
  gboolean may_create;
  /* set by users passwd: a user who must change the password may sign in */
  gboolean changing_password;
  /* made on first use by lc_cli_open() */
  LcDb *db;
  LcSession *session;
  char *password; /* of --user, kept for changing it; wiped on exit */
} LcCli;

typedef int (*LcCliRunFunc) (LcCli *cli, int argc, char **argv);

typedef struct
{
  const char *name;
  LcCliRunFunc run;
  const char *summary; /* N_() */
} LcCliCommand;

typedef enum
{
  LC_CLI_FORMAT_TABLE,
  LC_CLI_FORMAT_TSV,
  LC_CLI_FORMAT_CSV,
} LcCliFormat;

/* Parsing ------------------------------------------------------------ */

/* A context whose --help shows "lexcert-cli officers add PARAMETERS", the
 * translated @summary (may be NULL) and @entries. */
GOptionContext *lc_cli_context_new (const char *parameters, const char *summary, const GOptionEntry *entries);
/* Parses; on a usage error prints it with a --help hint and returns FALSE
 * (the caller exits with LC_CLI_EXIT_USAGE). */
gboolean lc_cli_parse (GOptionContext *context, int *argc, char ***argv);
/* Prints "lexcert-cli officers add: <message>" and the --help hint to
 * stderr and returns LC_CLI_EXIT_USAGE. @command is argv[0]. */
int lc_cli_usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Checks the count of positional arguments after argv[0]; on a usage error
 * sets *exit_code and returns FALSE. */
gboolean lc_cli_expect_args (int argc, char **argv, int min, int max, int *exit_code);
/* Runs the subcommand named by argv[1] of a group ("officers list"). */
int lc_cli_run_group (LcCli *cli, const LcCliCommand *commands, guint n_commands, const char *summary, int argc,
                      char **argv);

/* Option values: each prints a usage error and returns FALSE when bad. */
gboolean lc_cli_parse_format (const char *command, const char *text, gboolean allow_csv, LcCliFormat *format);
/* NULL stays NULL; anything lc_date_normalize() accepts becomes YYYY-MM-DD. */
gboolean lc_cli_parse_date (const char *command, const char *option, const char *text, char **out);

/* Running ------------------------------------------------------------ */

/* Opens the database and signs in (or takes the system session). */
gboolean lc_cli_open (LcCli *cli, GError **error);
/* Prints "lexcert-cli: <message>" and returns LC_CLI_EXIT_FAILURE. */
int lc_cli_fail (const GError *error);
/* Asks on the terminal without echo; NULL with @error when there is no
 * terminal. Clear the result with lc_cli_password_free(). */
char *lc_cli_read_password (const char *prompt, GError **error);
void lc_cli_password_free (char *password);

/* Output ------------------------------------------------------------- */

typedef struct _LcCliTable LcCliTable;

/* @headers are shown by the table format, @keys by tsv and csv; both have
 * @n_columns entries. */
LcCliTable *lc_cli_table_new (guint n_columns, const char *const *headers, const char *const *keys);
void lc_cli_table_free (LcCliTable *table);
/* Spaces before every line of the table format. */
void lc_cli_table_set_indent (LcCliTable *table, guint indent);
/* @n_columns cells, NULL for an empty one. */
void lc_cli_table_add (LcCliTable *table, ...);
void lc_cli_table_print (LcCliTable *table, LcCliFormat format);

/* Columns of the width a terminal shows (wide CJK characters count two). */
guint lc_cli_display_width (const char *text);
/* Prints "label:" padded to @width columns, then the value. */
void lc_cli_print_field (const char *label, guint width, const char *value);

/* Department id -> "市场监督管理局/稽查支队", for listing many officers. */
GHashTable *lc_cli_department_paths (LcSession *session, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcCliTable, lc_cli_table_free)

/* The commands ------------------------------------------------------ */

int lc_cli_cmd_init (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_demo (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_backup (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_check (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_officers (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_departments (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_certs (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_training (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_users (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_laws (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_bank (LcCli *cli, int argc, char **argv);
int lc_cli_cmd_exam (LcCli *cli, int argc, char **argv);

G_END_DECLS
