/* lc-db.c: connection, migrations, statement cache, transactions, backup. */
#define G_LOG_DOMAIN "lc-db"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "lc-db.h"
#include "lc-i18n.h"

#define SQL_RESOURCE_DIR "/org/lexcert/Lexcert/sql"

struct _LcDb
{
  gatomicrefcount ref_count;
  sqlite3 *handle;
  char *path;
  /* SQL text (by pointer: callers pass static strings) -> sqlite3_stmt */
  GHashTable *statements;
  int tx_depth;
  LcClockFunc clock;
  gpointer clock_data;
  int last_errcode;
};

G_DEFINE_QUARK (lc_db_error_quark, lc_db_error)

static gint64
system_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
lc_db_default_path (void)
{
  const char *env = g_getenv ("LEXCERT_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "lexcert", "lexcert.db", NULL);
}

static int
map_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return LC_DB_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return LC_DB_ERROR_BUSY;
    case SQLITE_FULL:
      return LC_DB_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return LC_DB_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return LC_DB_ERROR_OPEN;
    default:
      return LC_DB_ERROR_SQL;
    }
}

static void
set_error_rc (LcDb *db, int rc, GError **error)
{
  const char *detail = sqlite3_errmsg (db->handle);
  int code = map_code (rc);

  db->last_errcode = rc;
  switch (code)
    {
    case LC_DB_ERROR_FULL:
      g_set_error (error, LC_DB_ERROR, code, _ ("The disk holding the database “%s” is full; nothing was saved."),
                   db->path);
      break;
    case LC_DB_ERROR_BUSY:
      g_set_error (error, LC_DB_ERROR, code,
                   _ ("The database “%s” is in use by another program; try again in a moment."), db->path);
      break;
    case LC_DB_ERROR_CORRUPT:
      g_set_error (error, LC_DB_ERROR, code, _ ("The file “%s” is damaged or is not a Lexcert database (%s)."),
                   db->path, detail);
      break;
    default:
      g_set_error (error, LC_DB_ERROR, code, _ ("Database error in “%s”: %s"), db->path, detail);
      break;
    }
}

void
lc_db_set_error (LcDb *db, GError **error)
{
  set_error_rc (db, sqlite3_extended_errcode (db->handle), error);
}

int
lc_db_last_errcode (LcDb *db)
{
  return db->last_errcode;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

gboolean
lc_db_exec (LcDb *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_rc (db, sqlite3_extended_errcode (db->handle), error);
      return FALSE;
    }
  return TRUE;
}

static int
query_int (LcDb *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The migration files, sorted by name: 0001-…, 0002-…; their count is the
 * schema version this program writes. */
static GStrv
migration_names (void)
{
  g_auto (GStrv) names = g_resources_enumerate_children (SQL_RESOURCE_DIR, 0, NULL);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);
  return (GStrv) g_ptr_array_steal (sorted, NULL);
}

int
lc_db_latest_version (void)
{
  g_auto (GStrv) names = migration_names ();

  return (int) g_strv_length (names);
}

static gboolean
check_not_newer (LcDb *db, GError **error)
{
  int latest = lc_db_latest_version ();
  int current = query_int (db, "PRAGMA user_version");

  if (current <= latest)
    return TRUE;
  g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_TOO_NEW,
               _ ("The database “%s” has schema version %d, but this Lexcert only knows up to version %d. "
                  "Use a newer Lexcert to open it."),
               db->path, current, latest);
  return FALSE;
}

static gboolean
migrate (LcDb *db, int max_version, GError **error)
{
  g_auto (GStrv) names = migration_names ();
  int latest = (int) g_strv_length (names);
  int current = query_int (db, "PRAGMA user_version");
  int target = max_version < 0 ? latest : MIN (max_version, latest);

  if (current >= target)
    return TRUE;

  if (sqlite3_exec (db->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      lc_db_set_error (db, error);
      return FALSE;
    }
  for (int v = current; v < target; v++)
    {
      g_autofree char *resource = g_build_path ("/", SQL_RESOURCE_DIR, names[v], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;

      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      if (sqlite3_exec (db->handle, sql, NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_exec (db->handle, pragma, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_MIGRATION,
                       _ ("Could not upgrade the database “%s” with %s: %s. Nothing was changed."), db->path, names[v],
                       sqlite3_errmsg (db->handle));
          sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  if (sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      lc_db_set_error (db, error);
      sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

LcDb *
lc_db_open (const char *path, GError **error)
{
  return lc_db_open_full (path, -1, error);
}

LcDb *
lc_db_open_full (const char *path, int max_version, GError **error)
{
  g_autoptr (LcDb) db = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (strcmp (path, ":memory:") != 0)
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_OPEN, _ ("Cannot create the folder “%s”: %s"), dir,
                       g_strerror (saved));
          return NULL;
        }
    }

  db = g_new0 (LcDb, 1);
  g_atomic_ref_count_init (&db->ref_count);
  db->path = g_strdup (path);
  db->clock = system_clock;
  db->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);

  rc = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_OPEN, _ ("Cannot open the database “%s”: %s"), path,
                   db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);

  /* Reading the schema first tells a foreign file apart from a database. */
  if (!lc_db_exec (db, "SELECT count(*) FROM sqlite_master", error))
    return NULL;
  /* Refused before the pragmas below, which would change a newer file. */
  if (!check_not_newer (db, error))
    return NULL;
  /* synchronous=FULL: an exam answer reported saved survives a power cut. */
  if (!lc_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return NULL;
  if (!migrate (db, max_version, error))
    return NULL;
  return g_steal_pointer (&db);
}

LcDb *
lc_db_open_copy (LcDb *db, GError **error)
{
  LcDb *copy;

  g_return_val_if_fail (db != NULL, NULL);
  copy = lc_db_open (db->path, error);
  if (copy != NULL)
    lc_db_set_clock (copy, db->clock, db->clock_data);
  return copy;
}

LcDb *
lc_db_ref (LcDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_atomic_ref_count_inc (&db->ref_count);
  return db;
}

void
lc_db_unref (LcDb *db)
{
  if (db == NULL || !g_atomic_ref_count_dec (&db->ref_count))
    return;
  g_hash_table_destroy (db->statements);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db);
}

const char *
lc_db_get_path (LcDb *db)
{
  return db->path;
}

int
lc_db_schema_version (LcDb *db)
{
  return query_int (db, "PRAGMA user_version");
}

void
lc_db_set_clock (LcDb *db, LcClockFunc func, gpointer user_data)
{
  db->clock = func != NULL ? func : system_clock;
  db->clock_data = user_data;
}

gint64
lc_db_now (LcDb *db)
{
  return db->clock (db->clock_data);
}

char *
lc_db_today (LcDb *db)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (lc_db_now (db));
  g_autoptr (GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d");
}

LcStmt *
lc_db_prepare (LcDb *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      lc_db_set_error (db, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return stmt;
}

void
lc_db_release (LcStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
lc_db_step (LcDb *db, LcStmt *stmt, gboolean *has_row, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      if (has_row != NULL)
        *has_row = rc == SQLITE_ROW;
      return TRUE;
    }
  set_error_rc (db, sqlite3_extended_errcode (db->handle), error);
  return FALSE;
}

gboolean
lc_db_step_done (LcDb *db, LcStmt *stmt, GError **error)
{
  gboolean has_row = FALSE;

  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  g_assert (!has_row);
  return TRUE;
}

GPtrArray *
lc_db_collect (LcDb *db, LcStmt *stmt, LcRowReader read, GDestroyNotify free_func, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  gboolean has_row = FALSE;

  for (;;)
    {
      if (!lc_db_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        return g_steal_pointer (&rows);
      g_ptr_array_add (rows, read (stmt));
    }
}

gboolean
lc_db_lookup (LcDb *db, const char *sql, const char *text, gint64 id, gboolean *found, gint64 *first_column,
              GError **error)
{
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    lc_stmt_bind_text (stmt, 1, text);
  else
    lc_stmt_bind_int (stmt, 1, id);
  if (!lc_db_step (db, stmt, found, error))
    return FALSE;
  if (*found && first_column != NULL)
    *first_column = lc_stmt_int (stmt, 0);
  return TRUE;
}

gint64
lc_db_last_insert_id (LcDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

int
lc_db_changes (LcDb *db)
{
  return sqlite3_changes (db->handle);
}

void
lc_stmt_bind_text (LcStmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
lc_stmt_bind_int (LcStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
lc_stmt_bind_id (LcStmt *stmt, int index, gint64 id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
lc_stmt_dup_text (LcStmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

char *
lc_stmt_dup_text_or_null (LcStmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gint64
lc_stmt_int (LcStmt *stmt, int column)
{
  return sqlite3_column_int64 (stmt, column);
}

gboolean
lc_db_begin (LcDb *db, GError **error)
{
  g_autofree char *sql = NULL;

  if (db->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT lc_%d", db->tx_depth);
  if (!lc_db_exec (db, sql, error))
    return FALSE;
  db->tx_depth++;
  return TRUE;
}

gboolean
lc_db_commit (LcDb *db, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db->tx_depth > 0, FALSE);
  if (db->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE lc_%d", db->tx_depth - 1);
  /* On failure the transaction stays open: the caller rolls it back, as
   * after any other failed step. */
  if (!lc_db_exec (db, sql, error))
    return FALSE;
  db->tx_depth--;
  return TRUE;
}

void
lc_db_rollback (LcDb *db)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (db->tx_depth > 0);
  if (db->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO lc_%d; RELEASE lc_%d", db->tx_depth - 1, db->tx_depth - 1);
  /* A failed COMMIT may already have rolled back: nothing more to undo then. */
  sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  db->tx_depth--;
}

gboolean
lc_db_backup (LcDb *db, const char *dest_path, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  g_autofree char *tmp_path = g_strconcat (dest_path, ".part", NULL);
  int rc;

  g_unlink (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_BACKUP, _ ("Cannot write the backup “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", db->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_BACKUP, _ ("Cannot write the backup “%s”: %s"), dest_path,
                   sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LC_DB_ERROR, rc == SQLITE_FULL ? LC_DB_ERROR_FULL : LC_DB_ERROR_BACKUP,
                   _ ("Cannot write the backup “%s”: %s"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  sqlite3_close (dest);
  /* Renamed into place only when complete, so a half backup never has the real name. */
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, LC_DB_ERROR, LC_DB_ERROR_BACKUP, _ ("Cannot write the backup “%s”: %s"), dest_path,
                   g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
collect_rows (LcDb *db, const char *sql, GPtrArray *problems, gboolean skip_ok, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      lc_db_set_error (db, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (line, "%s%s", i ? " " : "", text ? text : "NULL");
        }
      if (skip_ok && strcmp (line->str, "ok") == 0)
        g_string_free (line, TRUE);
      else
        g_ptr_array_add (problems, g_string_free (line, FALSE));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_rc (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_db_check (LcDb *db, GPtrArray **problems, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (!collect_rows (db, "PRAGMA integrity_check", found, TRUE, error)
      || !collect_rows (db, "PRAGMA foreign_key_check", found, FALSE, error))
    return FALSE;
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}
