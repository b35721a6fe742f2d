/* lc-training.c: training records and yearly hours. */
#define G_LOG_DOMAIN "lc-people"

#include "config.h"

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-people-private.h"
#include "lc-people.h"
#include "lc-units.h"

/* 24 hours: nobody trains longer in one day, so more is a typing error. */
#define MAX_TRAINING_HOURS_A_DAY 2400

static const char *const training_source_names[] = { "external", "course" };

void
lc_training_record_free (LcTrainingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->on_date);
  g_free (record->note);
  g_free (record->entered_by_login);
  g_free (record);
}

const char *
lc_training_source_to_string (LcTrainingSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (training_source_names), NULL);
  return training_source_names[source];
}

const char *
lc_training_source_display_name (LcTrainingSource source)
{
  switch (source)
    {
    case LC_TRAINING_EXTERNAL:
      /* Translators: training recorded by hand, 线下/外部培训 */
      return C_ ("training source", "External");
    case LC_TRAINING_COURSE:
      /* Translators: training earned in a Lexcert course, 网络课程 */
      return C_ ("training source", "Course");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Training ----------------------------------------------------------- */

gboolean
lc_people_add_training (LcSession *session, const LcTrainingRecord *record, gint64 *out_id, GError **error)
{
  static const char *const insert_sql = "INSERT INTO training_record (officer_id, on_date, hours, source, "
                                        "course_id, note, entered_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_RECORD_TRAINING, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!_lc_people_check_officer_exists (db, record->officer_id, error)
      || !_lc_people_require_date (record->on_date, _ ("Training date"), error)
      || !_lc_people_optional_text (record->note, _ ("Note"), error))
    return FALSE;
  if (record->hours <= 0 || record->hours > MAX_TRAINING_HOURS_A_DAY)
    {
      g_autofree char *hours = lc_hundredths_format (record->hours);
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_HOURS,
                   _ ("Training hours must be more than 0 and at most 24 for one day, not %s."), hours);
      return FALSE;
    }
  if (record->source > LC_TRAINING_COURSE)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE, _ ("The training source is not known."));
      return FALSE;
    }
  if ((stmt = lc_db_prepare (db, insert_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, record->officer_id);
  lc_stmt_bind_text (stmt, 2, record->on_date);
  lc_stmt_bind_int (stmt, 3, record->hours);
  lc_stmt_bind_text (stmt, 4, lc_training_source_to_string (record->source));
  lc_stmt_bind_id (stmt, 5, record->course_id);
  lc_stmt_bind_text (stmt, 6, record->note ? record->note : "");
  lc_stmt_bind_id (stmt, 7, lc_session_get_user_id (session));
  lc_stmt_bind_int (stmt, 8, lc_db_now (db));
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = lc_db_last_insert_id (db);
  return TRUE;
}

static LcTrainingRecord *
read_training_record (LcStmt *stmt)
{
  LcTrainingRecord *record = g_new0 (LcTrainingRecord, 1);
  const char *source = (const char *) sqlite3_column_text (stmt, 4);

  record->id = lc_stmt_int (stmt, 0);
  record->officer_id = lc_stmt_int (stmt, 1);
  record->on_date = lc_stmt_dup_text (stmt, 2);
  record->hours = lc_stmt_int (stmt, 3);
  record->source = g_strcmp0 (source, "course") == 0 ? LC_TRAINING_COURSE : LC_TRAINING_EXTERNAL;
  record->course_id = lc_stmt_int (stmt, 5);
  record->note = lc_stmt_dup_text (stmt, 6);
  record->entered_by = lc_stmt_int (stmt, 7);
  record->entered_by_login = lc_stmt_dup_text (stmt, 8);
  return record;
}

GPtrArray *
lc_people_list_training (LcSession *session, gint64 officer_id, GError **error)
{
  static const char *const list_sql =
      "SELECT t.id, t.officer_id, t.on_date, t.hours, t.source, coalesce(t.course_id, 0), t.note, "
      "coalesce(t.entered_by, 0), u.login FROM training_record t LEFT JOIN app_user u ON u.id = t.entered_by "
      "WHERE t.officer_id = ? ORDER BY t.on_date DESC, t.id DESC";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require_officer (session, officer_id, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, list_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, officer_id);
  return lc_db_collect (db, stmt, (LcRowReader) read_training_record, (GDestroyNotify) lc_training_record_free, error);
}

gboolean
lc_people_training_hours (LcSession *session, gint64 officer_id, int year, gint64 *out_hours, GError **error)
{
  static const char *const sum_sql = "SELECT coalesce(sum(hours), 0) FROM training_record "
                                     "WHERE officer_id = ? AND on_date >= ? AND on_date <= ?";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  gboolean has_row = FALSE;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (out_hours != NULL, FALSE);
  if (!lc_session_require_officer (session, officer_id, error))
    return FALSE;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, sum_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, officer_id);
  lc_stmt_bind_text (stmt, 2, first);
  lc_stmt_bind_text (stmt, 3, last);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *out_hours = lc_stmt_int (stmt, 0);
  return TRUE;
}
