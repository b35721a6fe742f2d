/* lc-test-util.c: a fresh database, a fixed clock and sessions for each test. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lc-people.h"
#include "lc-test-util.h"

LcTestFixture lc_test;

gint64
lc_test_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

void
lc_test_set_now (gint64 now)
{
  lc_test.now = now;
}

void
lc_test_setup_dir (void)
{
  g_autoptr (GError) error = NULL;

  memset (&lc_test, 0, sizeof lc_test);
  lc_test.now = LC_TEST_NOW;
  lc_test.dir = g_dir_make_tmp ("lexcert-test-XXXXXX", &error);
  ck_assert_msg (lc_test.dir != NULL, "%s", error ? error->message : "");
  lc_test.path = g_build_filename (lc_test.dir, "lexcert.db", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      /* A test may have made the folder read-only to provoke an error. */
      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
lc_test_teardown_dir (void)
{
  if (lc_test.dir != NULL)
    remove_tree (lc_test.dir);
  g_clear_pointer (&lc_test.dir, g_free);
  g_clear_pointer (&lc_test.path, g_free);
}

void
lc_test_setup (void)
{
  g_autoptr (GError) error = NULL;

  lc_test_setup_dir ();
  lc_test.db = lc_db_open (lc_test.path, &error);
  ck_assert_msg (lc_test.db != NULL, "%s", error ? error->message : "");
  lc_db_set_clock (lc_test.db, lc_test_clock, &lc_test.now);
  lc_test.system = lc_session_new_system (lc_test.db);
}

void
lc_test_teardown (void)
{
  g_clear_object (&lc_test.system);
  g_clear_pointer (&lc_test.db, lc_db_unref);
  lc_test_teardown_dir ();
}

LcSession *
lc_test_session (LcRole role, gint64 officer_id)
{
  static const char *const insert_sql = "INSERT INTO app_user (login, pw_hash, role, officer_id, created_at) "
                                        "VALUES (?, '!', ?, ?, ?)";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *login = g_strdup_printf ("%s-%u", lc_role_to_string (role), ++lc_test.sessions_made);

  ck_assert_msg (role != LC_ROLE_OFFICER || officer_id > 0, "an officer session needs an officer");
  stmt = lc_db_prepare (lc_test.db, insert_sql, &error);
  lc_test_assert_no_error (error);
  lc_stmt_bind_text (stmt, 1, login);
  lc_stmt_bind_text (stmt, 2, lc_role_to_string (role));
  lc_stmt_bind_id (stmt, 3, officer_id);
  lc_stmt_bind_int (stmt, 4, lc_test.now);
  ck_assert_msg (lc_db_step_done (lc_test.db, stmt, &error), "%s", error ? error->message : "");
  return lc_session_new (lc_test.db, lc_db_last_insert_id (lc_test.db), login, role, officer_id, FALSE);
}

gint64
lc_test_add_department (const char *code, const char *name, gint64 parent_id)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  ck_assert_msg (lc_people_add_department (lc_test.system, code, name, parent_id, &id, &error), "%s: %s", code,
                 error ? error->message : "");
  ck_assert_int_gt (id, 0);
  return id;
}

gint64
lc_test_add_officer (const char *staff_no, const char *name, gint64 department_id)
{
  g_autoptr (GError) error = NULL;
  LcOfficer officer = { .staff_no = (char *) staff_no, .name = (char *) name, .department_id = department_id };
  gint64 id = 0;

  ck_assert_msg (lc_people_add_officer (lc_test.system, &officer, &id, &error), "%s: %s", staff_no,
                 error ? error->message : "");
  ck_assert_int_gt (id, 0);
  return id;
}

char *
lc_test_write_file (const char *name, const char *data, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (lc_test.dir, name, NULL);

  ck_assert_msg (g_file_set_contents (path, data, length, &error), "%s", error ? error->message : "");
  return path;
}

static sqlite3 *
open_raw (void)
{
  sqlite3 *handle = NULL;

  ck_assert_int_eq (sqlite3_open_v2 (lc_test.path, &handle, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  return handle;
}

gint64
lc_test_query_int (const char *sql)
{
  sqlite3 *handle = open_raw ();
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  ck_assert_msg (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK, "%s: %s", sql,
                 sqlite3_errmsg (handle));
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_ROW, "%s: no row", sql);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static void
append_rows (sqlite3 *handle, const char *sql, GString *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  ck_assert_msg (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK, "%s: %s", sql,
                 sqlite3_errmsg (handle));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  ck_assert_msg (rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
}

char *
lc_test_query_text (const char *sql)
{
  sqlite3 *handle = open_raw ();
  GString *out = g_string_new (NULL);

  append_rows (handle, sql, out);
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

char *
lc_test_snapshot (void)
{
  static const char *const tables[] = {
    "department", "officer", "certificate", "certificate_event", "training_record", "app_user",
  };
  sqlite3 *handle = open_raw ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[i]);
      g_string_append_printf (out, "[%s]\n", tables[i]);
      append_rows (handle, sql, out);
    }
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

int
lc_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
