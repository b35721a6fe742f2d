/* lc-cli-test-util.h: what the lexcert-cli tests share: a temporary
 * directory with the test's database, running lexcert-cli as a user would
 * (in English, without a terminal, optionally with standard input), and
 * assertions on what it printed. */
#pragma once

#include <check.h>
#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The test's directory and the database in it, made by lc_cli_test_setup(). */
extern char *lc_cli_tmpdir;
extern char *lc_cli_db_path;

typedef struct
{
  int status; /* the exit code; -1 when killed by a signal */
  char *out;
  char *err;
} LcCliRun;

void lc_cli_run_clear (LcCliRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LcCliRun, lc_cli_run_clear)

void lc_cli_test_setup (void);
void lc_cli_test_teardown (void);
char *lc_cli_tmp_path (const char *name);

/* Runs lexcert-cli @args (NULL-terminated) in English with @env ("NAME=value",
 * NULL-terminated, may be NULL) added and @input (may be NULL) on its
 * standard input, without a controlling terminal: a password prompt fails
 * at once instead of waiting for someone to type. */
void lc_cli_run_argv (LcCliRun *run, const char *const *env, const char *input, const char *const *args);
/* The same with "--database @database" first and the arguments after @database. */
void lc_cli_run_on (LcCliRun *run, const char *database, const char *const *env, const char *input,
                    ...) G_GNUC_NULL_TERMINATED;

#define lc_cli_assert_exit(run, code)                                                                                  \
  ck_assert_msg ((run)->status == (code), "exit status %d, expected %d\n--- stdout:\n%s--- stderr:\n%s",               \
                 (run)->status, (code), (run)->out, (run)->err)
#define lc_cli_assert_has(text, needle)                                                                                \
  ck_assert_msg (strstr ((text), (needle)) != NULL, "“%s” not in:\n%s", (needle), (text))
#define lc_cli_assert_lacks(text, needle)                                                                              \
  ck_assert_msg (strstr ((text), (needle)) == NULL, "“%s” unexpectedly in:\n%s", (needle), (text))

G_END_DECLS
