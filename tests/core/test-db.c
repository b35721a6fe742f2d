/* test-db.c: opening, migrations, pragmas, clock, statements, transactions, backup, check. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lc-db.h"
#include "lc-people.h"
#include "lc-test-util.h"

/* The schema as SQLite stores it, one object a line. */
static char *
schema_of (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  ck_assert_int_eq (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (
      sqlite3_prepare_v2 (handle, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name", -1, &stmt, NULL),
      SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);
        g_string_append_printf (out, "%s%s", text ? text : "NULL", i == 3 ? "\n" : "|");
      }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  ck_assert_int_eq (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (handle, sql, NULL, NULL, &message) == SQLITE_OK, "%s: %s", sql, message);
  sqlite3_close (handle);
}

static gint64
query_int_on (LcDb *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, &error);
  gboolean has_row = FALSE;

  lc_test_assert_no_error (error);
  ck_assert (lc_db_step (db, stmt, &has_row, &error));
  ck_assert_msg (has_row, "%s gave no row", sql);
  return lc_stmt_int (stmt, 0);
}

static char *
query_text_on (LcDb *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, &error);
  gboolean has_row = FALSE;

  lc_test_assert_no_error (error);
  ck_assert (lc_db_step (db, stmt, &has_row, &error));
  ck_assert_msg (has_row, "%s gave no row", sql);
  return lc_stmt_dup_text (stmt, 0);
}

/* Open ------------------------------------------------------------------ */

START_TEST (test_fresh_create)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert_int_ge (lc_db_latest_version (), 2);
  ck_assert_int_eq (lc_db_schema_version (db), lc_db_latest_version ());
  ck_assert_str_eq (lc_db_get_path (db), lc_test.path);
  ck_assert (g_file_test (lc_test.path, G_FILE_TEST_IS_REGULAR));
}
END_TEST

START_TEST (test_reopen_keeps_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('D01', '执法一大队')", &error));
  g_clear_pointer (&db, lc_db_unref);

  db = lc_db_open (lc_test.path, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_db_schema_version (db), lc_db_latest_version ());
  ck_assert_int_eq (query_int_on (db, "SELECT count(*) FROM department WHERE name = '执法一大队'"), 1);
}
END_TEST

/* _i is the version the old program left behind. */
START_TEST (test_upgrade_from_every_version)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fresh_path = g_build_filename (lc_test.dir, "fresh.db", NULL);
  g_autofree char *old_path = g_build_filename (lc_test.dir, "old.db", NULL);
  g_autoptr (LcDb) fresh = lc_db_open (fresh_path, &error);
  g_autoptr (LcDb) old = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *upgraded_schema = NULL;

  lc_test_assert_no_error (error);
  g_clear_pointer (&fresh, lc_db_unref);

  old = lc_db_open_full (old_path, _i, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_db_schema_version (old), _i);
  /* Data written by the old schema must survive the upgrade. */
  if (_i >= 1)
    ck_assert (lc_db_exec (old, "INSERT INTO department (code, name) VALUES ('D01', '执法一大队')", &error));
  g_clear_pointer (&old, lc_db_unref);

  old = lc_db_open (old_path, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_db_schema_version (old), lc_db_latest_version ());
  if (_i >= 1)
    ck_assert_int_eq (query_int_on (old, "SELECT count(*) FROM department WHERE code = 'D01'"), 1);
  g_clear_pointer (&old, lc_db_unref);

  fresh_schema = schema_of (fresh_path);
  upgraded_schema = schema_of (old_path);
  ck_assert_ptr_nonnull (strstr (fresh_schema, "table|officer|officer|"));
  ck_assert_str_eq (upgraded_schema, fresh_schema);
}
END_TEST

START_TEST (test_open_full_stops_at_version)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open_full (lc_test.path, 1, &error);

  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_db_schema_version (db), 1);
  ck_assert_int_eq (query_int_on (db, "SELECT count(*) FROM sqlite_master WHERE name = 'department'"), 1);
  ck_assert_int_eq (query_int_on (db, "SELECT count(*) FROM sqlite_master WHERE name = 'app_user'"), 0);
}
END_TEST

START_TEST (test_too_new_refused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", lc_db_latest_version () + 1);

  lc_test_assert_no_error (error);
  g_clear_pointer (&db, lc_db_unref);
  raw_exec (lc_test.path, pragma);

  db = lc_db_open (lc_test.path, &error);
  ck_assert_ptr_null (db);
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_TOO_NEW);
  ck_assert_msg (strstr (error->message, lc_test.path) != NULL, "%s", error->message);
  /* Refused, not downgraded. */
  ck_assert_int_eq (lc_test_query_int ("PRAGMA user_version"), lc_db_latest_version () + 1);
}
END_TEST

START_TEST (test_too_new_left_untouched)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", lc_db_latest_version () + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = NULL;

  /* A newer program's file in rollback-journal mode must stay so: refusing
   * it may not switch it to WAL first. */
  db = lc_db_open (lc_test.path, &error);
  lc_test_assert_no_error (error);
  g_clear_pointer (&db, lc_db_unref);
  raw_exec (lc_test.path, "PRAGMA journal_mode = DELETE");
  raw_exec (lc_test.path, pragma);
  db = lc_db_open (lc_test.path, &error);
  ck_assert_ptr_null (db);
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_TOO_NEW);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'delete'"), 1);
}
END_TEST

START_TEST (test_not_a_database)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) garbage = g_string_new (NULL);
  g_autoptr (LcDb) db = NULL;
  g_autofree char *path = NULL;

  while (garbage->len < 8192)
    g_string_append (garbage, "工号,姓名\nthis is a roster, not a database\n");
  path = lc_test_write_file ("roster.db", garbage->str, garbage->len);

  db = lc_db_open (path, &error);
  ck_assert_ptr_null (db);
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_CORRUPT);
  ck_assert_msg (strstr (error->message, path) != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_cannot_create_folder)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = lc_test_write_file ("plain-file", "x", -1);
  g_autofree char *path = g_build_filename (file, "sub", "lexcert.db", NULL);
  g_autoptr (LcDb) db = lc_db_open (path, &error);

  ck_assert_ptr_null (db);
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_OPEN);
}
END_TEST

START_TEST (test_pragmas)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  g_autofree char *journal = NULL;

  lc_test_assert_no_error (error);
  /* foreign_keys and synchronous are per connection: ask the program's own. */
  ck_assert_int_eq (query_int_on (db, "PRAGMA foreign_keys"), 1);
  ck_assert_int_eq (query_int_on (db, "PRAGMA synchronous"), 2);
  journal = query_text_on (db, "PRAGMA journal_mode");
  ck_assert_str_eq (journal, "wal");
}
END_TEST

START_TEST (test_foreign_keys_enforced)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert (!lc_db_exec (db,
                          "INSERT INTO officer (staff_no, name, department_id, created_at, updated_at) "
                          "VALUES ('X1', '张伟', 999, 0, 0)",
                          &error));
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_CONSTRAINT);
  ck_assert_int_eq (lc_db_last_errcode (db), SQLITE_CONSTRAINT_FOREIGNKEY);
}
END_TEST

/* Clock ----------------------------------------------------------------- */

static gint64
stepping_clock (gpointer user_data)
{
  gint64 *now = user_data;

  return (*now)++;
}

START_TEST (test_injected_clock)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  g_autofree char *today = NULL;
  gint64 now = LC_TEST_NOW;
  gint64 steps = 100;
  gint64 real;

  lc_test_assert_no_error (error);
  lc_db_set_clock (db, lc_test_clock, &now);
  ck_assert_int_eq (lc_db_now (db), LC_TEST_NOW);
  today = lc_db_today (db);
  ck_assert_str_eq (today, LC_TEST_TODAY);

  now = LC_TEST_NOW + 86400 * 200;
  g_clear_pointer (&today, g_free);
  today = lc_db_today (db);
  ck_assert_str_eq (today, "2027-01-01");

  lc_db_set_clock (db, stepping_clock, &steps);
  ck_assert_int_eq (lc_db_now (db), 100);
  ck_assert_int_eq (lc_db_now (db), 101);

  /* NULL puts the system clock back. */
  lc_db_set_clock (db, NULL, NULL);
  real = g_get_real_time () / G_USEC_PER_SEC;
  ck_assert_int_le (ABS (lc_db_now (db) - real), 5);
}
END_TEST

/* lc_db_today() is the local date: in Beijing 20:00 UTC is already tomorrow. */
START_TEST (test_today_is_local)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *utc = NULL;
  g_autofree char *beijing = NULL;
  gint64 now = LC_TEST_NOW + 8 * 3600;

  lc_test_assert_no_error (error);
  lc_db_set_clock (db, lc_test_clock, &now);
  g_setenv ("TZ", "UTC", TRUE);
  utc = lc_db_today (db);
  g_setenv ("TZ", "CST-8", TRUE);
  beijing = lc_db_today (db);
  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");

  ck_assert_str_eq (utc, "2026-06-15");
  ck_assert_str_eq (beijing, "2026-06-16");
}
END_TEST

/* Statements ------------------------------------------------------------ */

START_TEST (test_statement_cache)
{
  static const char *const sql = "SELECT ?, 'x'";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  LcStmt *first;
  LcStmt *second;
  gboolean has_row = FALSE;

  lc_test_assert_no_error (error);
  first = lc_db_prepare (db, sql, &error);
  lc_test_assert_no_error (error);
  lc_stmt_bind_int (first, 1, 42);
  ck_assert (lc_db_step (db, first, &has_row, &error) && has_row);
  ck_assert_int_eq (lc_stmt_int (first, 0), 42);
  lc_db_release (first);

  second = lc_db_prepare (db, sql, &error);
  ck_assert_ptr_eq (second, first);
  /* Released means reset and cleared: the old binding is gone. */
  ck_assert (lc_db_step (db, second, &has_row, &error) && has_row);
  ck_assert_int_eq (sqlite3_column_type (second, 0), SQLITE_NULL);
  ck_assert_ptr_null (lc_stmt_dup_text_or_null (second, 0));
  {
    g_autofree char *empty = lc_stmt_dup_text (second, 0);
    ck_assert_str_eq (empty, "");
  }
  lc_db_release (second);
}
END_TEST

START_TEST (test_prepare_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  LcStmt *stmt;

  lc_test_assert_no_error (error);
  stmt = lc_db_prepare (db, "SELECT * FROM no_such_table", &error);
  ck_assert_ptr_null (stmt);
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_SQL);
  ck_assert_msg (strstr (error->message, "no_such_table") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_constraint_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('D01', 'a')", &error));
  ck_assert (!lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('D01', 'b')", &error));
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_CONSTRAINT);
  ck_assert_int_eq (lc_db_last_errcode (db), SQLITE_CONSTRAINT_UNIQUE);
}
END_TEST

START_TEST (test_bind_helpers)
{
  static const char *const sql = "SELECT ? IS NULL, ? IS NULL, ?";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *text = NULL;
  gboolean has_row = FALSE;

  lc_test_assert_no_error (error);
  stmt = lc_db_prepare (db, sql, &error);
  lc_stmt_bind_id (stmt, 1, 0);
  lc_stmt_bind_text (stmt, 2, NULL);
  lc_stmt_bind_text (stmt, 3, "执法证");
  ck_assert (lc_db_step (db, stmt, &has_row, &error) && has_row);
  ck_assert_int_eq (lc_stmt_int (stmt, 0), 1);
  ck_assert_int_eq (lc_stmt_int (stmt, 1), 1);
  text = lc_stmt_dup_text (stmt, 2);
  ck_assert_str_eq (text, "执法证");
}
END_TEST

/* Transactions ---------------------------------------------------------- */

START_TEST (test_inner_rollback_keeps_outer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('OUTER', 'a')", &error));
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('INNER', 'b')", &error));
  lc_db_rollback (db);
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('AFTER', 'c')", &error));
  ck_assert (lc_db_commit (db, &error));
  lc_test_assert_no_error (error);

  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department WHERE code = 'OUTER'"), 1);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department WHERE code = 'INNER'"), 0);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department WHERE code = 'AFTER'"), 1);
}
END_TEST

START_TEST (test_outer_rollback_drops_all)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('OUTER', 'a')", &error));
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('INNER', 'b')", &error));
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('DEEPEST', 'c')", &error));
  ck_assert (lc_db_commit (db, &error));
  ck_assert (lc_db_commit (db, &error));
  lc_db_rollback (db);
  lc_test_assert_no_error (error);

  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department"), 0);
  /* The connection is usable afterwards, outside any transaction. */
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('LATER', 'd')", &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department"), 1);
}
END_TEST

START_TEST (test_commit_is_visible)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('D01', 'a')", &error));
  /* Another connection sees nothing before the outermost commit. */
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department"), 0);
  ck_assert (lc_db_commit (db, &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department"), 1);
}
END_TEST

START_TEST (test_failed_commit_left_to_caller)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open (lc_test.path, &error);

  lc_test_assert_no_error (error);
  /* A deferred foreign key makes COMMIT itself fail. */
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "PRAGMA defer_foreign_keys = ON", &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name, parent_id) VALUES ('ORPHAN', 'a', 999)", &error));
  ck_assert (!lc_db_commit (db, &error));
  lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* The caller's rollback ends the transaction exactly once (a second end
   * would be a critical, fatal here) and the connection works on. */
  lc_db_rollback (db);
  ck_assert (lc_db_begin (db, &error));
  ck_assert (lc_db_exec (db, "INSERT INTO department (code, name) VALUES ('LATER', 'b')", &error));
  ck_assert (lc_db_commit (db, &error));
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_test_query_int ("SELECT count(*) FROM department"), 1);
}
END_TEST

/* Backup and check ------------------------------------------------------ */

START_TEST (test_backup_live)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dest = g_build_filename (lc_test.dir, "backup.db", NULL);
  g_autofree char *part = g_strconcat (dest, ".part", NULL);
  g_autoptr (LcDb) copy = NULL;
  g_autoptr (LcSession) copy_session = NULL;
  gint64 dept = lc_test_add_department ("D01", "执法一大队", 0);

  lc_test_add_officer ("330401001", "张伟", dept);
  lc_test_add_officer ("330401002", "李娜", dept);
  lc_test_add_officer ("330401003", "王芳", dept);

  ck_assert_msg (lc_db_backup (lc_test.db, dest, &error), "%s", error ? error->message : "");
  ck_assert (!g_file_test (part, G_FILE_TEST_EXISTS));
  /* The live database stays usable, and a second backup replaces the first. */
  lc_test_add_officer ("330401004", "赵磊", dept);
  ck_assert_msg (lc_db_backup (lc_test.db, dest, &error), "%s", error ? error->message : "");
  ck_assert (!g_file_test (part, G_FILE_TEST_EXISTS));

  copy = lc_db_open (dest, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_db_schema_version (copy), lc_db_latest_version ());
  copy_session = lc_session_new_system (copy);
  ck_assert_int_eq (lc_people_count_officers (copy_session, &error), 4);
  ck_assert_int_eq (lc_people_count_officers (lc_test.system, &error), 4);
}
END_TEST

START_TEST (test_backup_unwritable)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = lc_test_write_file ("plain-file", "x", -1);
  /* Tests may run as root, who can write into any folder; a missing folder
   * and a "folder" that is a file refuse everyone. */
  g_autofree char *missing = g_build_filename (lc_test.dir, "missing", "backup.db", NULL);
  g_autofree char *under_file = g_build_filename (file, "backup.db", NULL);
  const char *dests[] = { missing, under_file };

  for (guint i = 0; i < G_N_ELEMENTS (dests); i++)
    {
      g_autofree char *part = g_strconcat (dests[i], ".part", NULL);

      ck_assert (!lc_db_backup (lc_test.db, dests[i], &error));
      lc_test_assert_error (error, LC_DB_ERROR, LC_DB_ERROR_BACKUP);
      ck_assert_msg (strstr (error->message, dests[i]) != NULL, "%s", error->message);
      ck_assert (!g_file_test (dests[i], G_FILE_TEST_EXISTS));
      ck_assert (!g_file_test (part, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }
}
END_TEST

START_TEST (test_check_fresh)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  ck_assert (lc_db_check (lc_test.db, &problems, &error));
  lc_test_assert_no_error (error);
  ck_assert_ptr_nonnull (problems);
  ck_assert_uint_eq (problems->len, 0);
}
END_TEST

START_TEST (test_check_foreign_key)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 dept = lc_test_add_department ("D01", "执法一大队", 0);

  lc_test_add_officer ("330401001", "张伟", dept);
  /* A raw connection has foreign keys off, like a careless hand edit. */
  raw_exec (lc_test.path, "PRAGMA foreign_keys = OFF; "
                          "INSERT INTO officer (staff_no, name, department_id, created_at, updated_at) "
                          "VALUES ('330401999', '孤儿', 999, 0, 0)");

  ck_assert (lc_db_check (lc_test.db, &problems, &error));
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_msg (strstr (g_ptr_array_index (problems, 0), "officer") != NULL
                     && strstr (g_ptr_array_index (problems, 0), "department") != NULL,
                 "%s", (char *) g_ptr_array_index (problems, 0));
}
END_TEST

/* 0007 copies the current version's type and difficulty onto each question
 * of a bank written by a version 6 program. */
START_TEST (test_upgrade_backfills_draw_columns)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) db = lc_db_open_full (lc_test.path, 6, &error);
  g_autofree char *current = NULL;

  lc_test_assert_no_error (error);
  ck_assert (lc_db_exec (db,
                         "INSERT INTO question (id, uid, status, current_version_id, created_at, updated_at) "
                         "VALUES (1, 'q-edited', 'active', 2, 0, 0), (2, 'q-draft', 'draft', NULL, 0, 0);"
                         "INSERT INTO question_version (id, question_id, no, type, stem, difficulty, created_at) "
                         "VALUES (1, 1, 1, 'single', '旧题干', 2, 0), (2, 1, 2, 'multiple', '新题干', 4, 0)",
                         &error));
  lc_test_assert_no_error (error);
  g_clear_pointer (&db, lc_db_unref);

  db = lc_db_open (lc_test.path, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_ge (lc_db_schema_version (db), 7);
  current = query_text_on (db, "SELECT type || ' ' || difficulty FROM question WHERE id = 1");
  ck_assert_str_eq (current, "multiple 4");
  ck_assert_int_eq (query_int_on (db, "SELECT count(*) FROM question WHERE id = 2 AND type IS NULL"), 1);
  ck_assert_int_eq (query_int_on (db, "SELECT count(*) FROM sqlite_master WHERE name = 'question_draw'"), 1);
}
END_TEST

static Suite *
db_suite (void)
{
  Suite *s = suite_create ("db");
  TCase *tc;

  tc = tcase_create ("open");
  tcase_add_checked_fixture (tc, lc_test_setup_dir, lc_test_teardown_dir);
  tcase_add_test (tc, test_fresh_create);
  tcase_add_test (tc, test_reopen_keeps_data);
  tcase_add_test (tc, test_open_full_stops_at_version);
  tcase_add_test (tc, test_too_new_refused);
  tcase_add_test (tc, test_too_new_left_untouched);
  tcase_add_test (tc, test_not_a_database);
  tcase_add_test (tc, test_cannot_create_folder);
  tcase_add_test (tc, test_pragmas);
  tcase_add_test (tc, test_foreign_keys_enforced);
  suite_add_tcase (s, tc);

  tc = tcase_create ("migrations");
  tcase_add_checked_fixture (tc, lc_test_setup_dir, lc_test_teardown_dir);
  tcase_add_loop_test (tc, test_upgrade_from_every_version, 0, lc_db_latest_version ());
  tcase_add_test (tc, test_upgrade_backfills_draw_columns);
  suite_add_tcase (s, tc);

  tc = tcase_create ("clock");
  tcase_add_checked_fixture (tc, lc_test_setup_dir, lc_test_teardown_dir);
  tcase_add_test (tc, test_injected_clock);
  tcase_add_test (tc, test_today_is_local);
  suite_add_tcase (s, tc);

  tc = tcase_create ("statements");
  tcase_add_checked_fixture (tc, lc_test_setup_dir, lc_test_teardown_dir);
  tcase_add_test (tc, test_statement_cache);
  tcase_add_test (tc, test_prepare_error);
  tcase_add_test (tc, test_constraint_error);
  tcase_add_test (tc, test_bind_helpers);
  suite_add_tcase (s, tc);

  tc = tcase_create ("transactions");
  tcase_add_checked_fixture (tc, lc_test_setup_dir, lc_test_teardown_dir);
  tcase_add_test (tc, test_inner_rollback_keeps_outer);
  tcase_add_test (tc, test_outer_rollback_drops_all);
  tcase_add_test (tc, test_commit_is_visible);
  tcase_add_test (tc, test_failed_commit_left_to_caller);
  suite_add_tcase (s, tc);

  tc = tcase_create ("maintenance");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_backup_live);
  tcase_add_test (tc, test_backup_unwritable);
  tcase_add_test (tc, test_check_fresh);
  tcase_add_test (tc, test_check_foreign_key);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return lc_test_run (db_suite ());
}
