/* lc-db.h: the one owner of the SQLite connection.
 *
 * Opens or creates a database file, applies the migrations embedded from
 * data/sql (one BEGIN IMMEDIATE transaction, PRAGMA user_version), refuses a
 * database made by a newer program, and hands prepared statements that are
 * compiled once and reused. All SQL of the project lives in app/core.
 *
 * One LcDb is used by one thread at a time (its statement cache is not
 * locked). Work in another thread opens its own connection with
 * lc_db_open_copy() (or lc_session_open_copy()); SQLite's WAL lets the two
 * read and write the same file safely.
 *
 *   g_autoptr(GError) error = NULL;
 *   g_autoptr(LcDb) db = lc_db_open ("/tmp/x.db", &error);
 *   if (db == NULL)
 *     g_printerr ("%s\n", error->message);
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "lc-types.h"

G_BEGIN_DECLS

#define LC_DB_ERROR (lc_db_error_quark ())

/**
 * LcDbError:
 * @LC_DB_ERROR_OPEN: the file could not be opened or created
 * @LC_DB_ERROR_TOO_NEW: the database was written by a newer Lexcert
 * @LC_DB_ERROR_MIGRATION: a migration failed; nothing of it was applied
 * @LC_DB_ERROR_SQL: SQLite reported an error (message says which)
 * @LC_DB_ERROR_CONSTRAINT: a row broke a UNIQUE, CHECK or FOREIGN KEY constraint
 * @LC_DB_ERROR_BUSY: another program holds the database
 * @LC_DB_ERROR_FULL: the disk is full
 * @LC_DB_ERROR_CORRUPT: the file is damaged or not a database
 * @LC_DB_ERROR_BACKUP: the backup could not be written
 */
typedef enum
{
  LC_DB_ERROR_OPEN,
  LC_DB_ERROR_TOO_NEW,
  LC_DB_ERROR_MIGRATION,
  LC_DB_ERROR_SQL,
  LC_DB_ERROR_CONSTRAINT,
  LC_DB_ERROR_BUSY,
  LC_DB_ERROR_FULL,
  LC_DB_ERROR_CORRUPT,
  LC_DB_ERROR_BACKUP,
} LcDbError;

GQuark lc_db_error_quark (void);

/* Seconds since the epoch, UTC. Tests inject a fixed or stepping clock. */
typedef gint64 (*LcClockFunc) (gpointer user_data);

/* The default database: $LEXCERT_DB, else <user data dir>/lexcert/lexcert.db. */
char *lc_db_default_path (void);

/* Opens (creating if needed) and migrates to the latest schema. */
LcDb *lc_db_open (const char *path, GError **error);
/* Migrates to at most @max_version (tests of upgrades); -1 means latest. */
LcDb *lc_db_open_full (const char *path, int max_version, GError **error);
/* A new connection to the same file, with the same injected clock. */
LcDb *lc_db_open_copy (LcDb *db, GError **error);
LcDb *lc_db_ref (LcDb *db);
void lc_db_unref (LcDb *db);

const char *lc_db_get_path (LcDb *db);
int lc_db_schema_version (LcDb *db);
/* The number of migrations this program carries. */
int lc_db_latest_version (void);

void lc_db_set_clock (LcDb *db, LcClockFunc func, gpointer user_data);
gint64 lc_db_now (LcDb *db);
/* Today's date in local time as YYYY-MM-DD, from the injected clock. */
char *lc_db_today (LcDb *db);

/* A cached prepared statement, reset and cleared. Release it with
 * lc_db_release() or declare it g_autoptr(LcStmt). Never finalize it. */
typedef sqlite3_stmt LcStmt;
LcStmt *lc_db_prepare (LcDb *db, const char *sql, GError **error);
void lc_db_release (LcStmt *stmt);

/* Steps once: TRUE with *has_row set for SQLITE_ROW/SQLITE_DONE, FALSE on error. */
gboolean lc_db_step (LcDb *db, LcStmt *stmt, gboolean *has_row, GError **error);
/* Steps a statement that must not return rows. */
gboolean lc_db_step_done (LcDb *db, LcStmt *stmt, GError **error);
gboolean lc_db_exec (LcDb *db, const char *sql, GError **error);
/* Steps a bound statement to its end and turns each row into an element
 * with @read; NULL (and nothing kept) on an error. */
typedef gpointer (*LcRowReader) (LcStmt *stmt);
GPtrArray *lc_db_collect (LcDb *db, LcStmt *stmt, LcRowReader read, GDestroyNotify free_func, GError **error);
/* Runs @sql with one parameter, @text or else @id: *found tells whether a
 * row came back, and *first_column (if not NULL) gets its first column. */
gboolean lc_db_lookup (LcDb *db, const char *sql, const char *text, gint64 id, gboolean *found, gint64 *first_column,
                       GError **error);
gint64 lc_db_last_insert_id (LcDb *db);
int lc_db_changes (LcDb *db);

/* Binding helpers: NULL text binds SQL NULL; id 0 binds NULL. */
void lc_stmt_bind_text (LcStmt *stmt, int index, const char *text);
void lc_stmt_bind_int (LcStmt *stmt, int index, gint64 value);
void lc_stmt_bind_id (LcStmt *stmt, int index, gint64 id);
/* Column helpers: a NULL text column gives "" from dup_text, NULL from dup_text_or_null. */
char *lc_stmt_dup_text (LcStmt *stmt, int column);
char *lc_stmt_dup_text_or_null (LcStmt *stmt, int column);
gint64 lc_stmt_int (LcStmt *stmt, int column);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones savepoints.
 * A failed commit leaves the transaction open: call lc_db_rollback(). */
gboolean lc_db_begin (LcDb *db, GError **error);
gboolean lc_db_commit (LcDb *db, GError **error);
void lc_db_rollback (LcDb *db);

/* Copies the live database to @dest_path with SQLite's online backup API. */
gboolean lc_db_backup (LcDb *db, const char *dest_path, GError **error);
/* integrity_check and foreign_key_check; @problems gets one line per problem. */
gboolean lc_db_check (LcDb *db, GPtrArray **problems, GError **error);

/* Sets @error from the connection's last error, mapped to an LcDbError code. */
void lc_db_set_error (LcDb *db, GError **error);
/* The extended result code of the last failed call, for callers that map
 * constraint violations to their own errors. */
int lc_db_last_errcode (LcDb *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcDb, lc_db_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcStmt, lc_db_release)

G_END_DECLS
