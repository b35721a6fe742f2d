/* lc-cli-test-util.c: running lexcert-cli for the tests. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <unistd.h>

#include "lc-cli-test-util.h"

char *lc_cli_tmpdir;
char *lc_cli_db_path;

void
lc_cli_run_clear (LcCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
lc_cli_test_setup (void)
{
  g_autoptr (GError) error = NULL;

  lc_cli_tmpdir = g_dir_make_tmp ("lc-cli-XXXXXX", &error);
  ck_assert_msg (lc_cli_tmpdir != NULL, "%s", error ? error->message : "");
  lc_cli_db_path = lc_cli_tmp_path ("lexcert.db");
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
lc_cli_test_teardown (void)
{
  if (lc_cli_tmpdir != NULL)
    remove_tree (lc_cli_tmpdir);
  g_clear_pointer (&lc_cli_tmpdir, g_free);
  g_clear_pointer (&lc_cli_db_path, g_free);
}

char *
lc_cli_tmp_path (const char *name)
{
  return g_build_filename (lc_cli_tmpdir, name, NULL);
}

static void
detach_terminal (gpointer user_data)
{
  setsid ();
}

void
lc_cli_run_argv (LcCliRun *run, const char *const *env, const char *input, const char *const *args)
{
  const char *binary = g_getenv ("LEXCERT_CLI");
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_msg (binary != NULL, "LEXCERT_CLI is not set");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", lc_cli_tmpdir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LEXCERT_DB");
  g_subprocess_launcher_unsetenv (launcher, "LEXCERT_PASSWORD");
  g_subprocess_launcher_unsetenv (launcher, "LEXCERT_NEW_PASSWORD");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }
  g_subprocess_launcher_set_child_setup (launcher, detach_terminal, NULL, NULL);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  ck_assert_msg (process != NULL, "%s", error ? error->message : "");
  ck_assert_msg (
      g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out, &run->err, &error), "%s",
      error ? error->message : "");
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

void
lc_cli_run_on (LcCliRun *run, const char *database, const char *const *env, const char *input, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) database);
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  lc_cli_run_argv (run, env, input, (const char *const *) args->pdata);
}
