/* lc-people.c: departments, officers, certificates and training records. */
#define G_LOG_DOMAIN "lc-people"

#include "config.h"

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-people-private.h"
#include "lc-people.h"
#include "lc-units.h"

G_DEFINE_QUARK (lc_people_error_quark, lc_people_error)

#define MAX_STAFF_NO_CHARS 32
#define MAX_NAME_CHARS 64
#define MAX_TEXT_CHARS 200
/* 24 hours: nobody trains longer in one day, so more is a typing error. */
#define MAX_TRAINING_HOURS_A_DAY 2400

/* Records ------------------------------------------------------------- */

void
lc_department_free (LcDepartment *department)
{
  if (department == NULL)
    return;
  g_free (department->code);
  g_free (department->name);
  g_free (department);
}

void
lc_officer_free (LcOfficer *officer)
{
  if (officer == NULL)
    return;
  g_free (officer->staff_no);
  g_free (officer->name);
  g_free (officer->department_code);
  g_free (officer->department_name);
  g_free (officer->field);
  g_free (officer->post);
  g_free (officer->phone);
  g_free (officer);
}

LcOfficer *
lc_officer_copy (const LcOfficer *officer)
{
  LcOfficer *copy;

  g_return_val_if_fail (officer != NULL, NULL);
  copy = g_new0 (LcOfficer, 1);
  copy->id = officer->id;
  copy->staff_no = g_strdup (officer->staff_no);
  copy->name = g_strdup (officer->name);
  copy->department_id = officer->department_id;
  copy->department_code = g_strdup (officer->department_code);
  copy->department_name = g_strdup (officer->department_name);
  copy->field = g_strdup (officer->field);
  copy->post = g_strdup (officer->post);
  copy->status = officer->status;
  copy->phone = g_strdup (officer->phone);
  return copy;
}

void
lc_certificate_free (LcCertificate *certificate)
{
  if (certificate == NULL)
    return;
  g_free (certificate->cert_no);
  g_free (certificate->field);
  g_free (certificate->issued_on);
  g_free (certificate->expires_on);
  g_free (certificate->reviewed_on);
  g_free (certificate->status_reason);
  g_free (certificate->officer_name);
  g_free (certificate->officer_staff_no);
  g_free (certificate);
}

void
lc_certificate_event_free (LcCertificateEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->on_date);
  g_free (event->reason);
  g_free (event->user_login);
  g_free (event);
}

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

/* Names --------------------------------------------------------------- */

static const char *const officer_status_names[] = { "active", "suspended", "left" };
static const char *const cert_status_names[] = { "valid", "suspended", "revoked", "cancelled", "expired" };
static const char *const cert_action_names[] = {
  "issue", "review", "suspend", "reinstate", "revoke", "cancel", "renew"
};
static const char *const training_source_names[] = { "external", "course" };

static gboolean
name_to_index (const char *const *names, guint n_names, const char *text, guint *index)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lc_officer_status_to_string (LcOfficerStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (officer_status_names), NULL);
  return officer_status_names[status];
}

gboolean
lc_officer_status_from_string (const char *text, LcOfficerStatus *status)
{
  guint i;

  if (!name_to_index (officer_status_names, G_N_ELEMENTS (officer_status_names), text, &i))
    return FALSE;
  *status = (LcOfficerStatus) i;
  return TRUE;
}

const char *
lc_officer_status_display_name (LcOfficerStatus status)
{
  switch (status)
    {
    case LC_OFFICER_ACTIVE:
      /* Translators: officer status, 在职 */
      return C_ ("officer status", "Active");
    case LC_OFFICER_SUSPENDED:
      /* Translators: officer status, 停职 (suspended from duty) */
      return C_ ("officer status", "Suspended");
    case LC_OFFICER_LEFT:
      /* Translators: officer status, 离岗 (transferred, retired or left) */
      return C_ ("officer status", "Left");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lc_cert_status_to_string (LcCertStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (cert_status_names), NULL);
  return cert_status_names[status];
}

gboolean
lc_cert_status_from_string (const char *text, LcCertStatus *status)
{
  guint i;

  if (!name_to_index (cert_status_names, G_N_ELEMENTS (cert_status_names), text, &i))
    return FALSE;
  *status = (LcCertStatus) i;
  return TRUE;
}

const char *
lc_cert_status_display_name (LcCertStatus status)
{
  switch (status)
    {
    case LC_CERT_VALID:
      /* Translators: certificate status, 有效 */
      return C_ ("certificate status", "Valid");
    case LC_CERT_SUSPENDED:
      /* Translators: certificate status, 暂扣 = suspension of an enforcement certificate */
      return C_ ("certificate status", "Suspended");
    case LC_CERT_REVOKED:
      /* Translators: certificate status, 吊销 = revocation of an enforcement certificate */
      return C_ ("certificate status", "Revoked");
    case LC_CERT_CANCELLED:
      /* Translators: certificate status, 注销 = cancellation (on transfer, retirement, leaving) */
      return C_ ("certificate status", "Cancelled");
    case LC_CERT_EXPIRED:
      /* Translators: certificate status, 过期 */
      return C_ ("certificate status", "Expired");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lc_cert_action_to_string (LcCertAction action)
{
  g_return_val_if_fail (action < G_N_ELEMENTS (cert_action_names), NULL);
  return cert_action_names[action];
}

gboolean
lc_cert_action_from_string (const char *text, LcCertAction *action)
{
  guint i;

  if (!name_to_index (cert_action_names, G_N_ELEMENTS (cert_action_names), text, &i))
    return FALSE;
  *action = (LcCertAction) i;
  return TRUE;
}

const char *
lc_cert_action_display_name (LcCertAction action)
{
  switch (action)
    {
    case LC_CERT_ACTION_ISSUE:
      /* Translators: certificate action, 核发 */
      return C_ ("certificate action", "Issued");
    case LC_CERT_ACTION_REVIEW:
      /* Translators: certificate action, 年审 = periodic (annual) review */
      return C_ ("certificate action", "Reviewed");
    case LC_CERT_ACTION_SUSPEND:
      /* Translators: certificate action, 暂扣 */
      return C_ ("certificate action", "Suspended");
    case LC_CERT_ACTION_REINSTATE:
      /* Translators: certificate action, 恢复 (end of a suspension) */
      return C_ ("certificate action", "Reinstated");
    case LC_CERT_ACTION_REVOKE:
      /* Translators: certificate action, 吊销 */
      return C_ ("certificate action", "Revoked");
    case LC_CERT_ACTION_CANCEL:
      /* Translators: certificate action, 注销 */
      return C_ ("certificate action", "Cancelled");
    case LC_CERT_ACTION_RENEW:
      /* Translators: certificate action, 换证 (renewal on expiry) */
      return C_ ("certificate action", "Renewed");
    default:
      g_return_val_if_reached (NULL);
    }
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

LcCertStatus
lc_certificate_effective_status (const LcCertificate *certificate, const char *date)
{
  g_return_val_if_fail (certificate != NULL, LC_CERT_VALID);
  /* A certificate is good through its expiry date and expired from the next day. */
  if ((certificate->status == LC_CERT_VALID || certificate->status == LC_CERT_SUSPENDED) && date != NULL
      && certificate->expires_on != NULL && g_strcmp0 (date, certificate->expires_on) > 0)
    return LC_CERT_EXPIRED;
  return certificate->status;
}

/* Validation helpers --------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
require_text (const char *value, const char *what, guint max_chars, GError **error)
{
  if (is_blank (value))
    {
      /* Translators: %s is the name of a value, such as “Staff number” */
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_MISSING_VALUE, _ ("%s is required."), what);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > max_chars)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE, _ ("%s is longer than %u characters."), what,
                   max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
optional_text (const char *value, const char *what, GError **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > MAX_TEXT_CHARS)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE, _ ("%s is longer than %u characters."), what,
                   MAX_TEXT_CHARS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_date (const char *value, const char *what, GError **error)
{
  if (is_blank (value))
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_MISSING_VALUE, _ ("%s is required."), what);
      return FALSE;
    }
  if (!lc_date_is_valid (value))
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_DATE,
                   /* Translators: first %s names the date, second is what was typed */
                   _ ("%s “%s” is not a date of the form YYYY-MM-DD."), what, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_department_exists (LcDb *db, gint64 department_id, GError **error)
{
  gboolean found = FALSE;

  if (department_id <= 0)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_MISSING_VALUE, _ ("%s is required."), _ ("Department"));
      return FALSE;
    }
  if (!lc_db_lookup (db, "SELECT id FROM department WHERE id = ?", NULL, department_id, &found, NULL, error))
    return FALSE;
  if (!found)
    g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT, _ ("There is no department with id %lld."),
                 (long long) department_id);
  return found;
}

static gboolean
check_officer_exists (LcDb *db, gint64 officer_id, GError **error)
{
  gboolean found = FALSE;

  if (!lc_db_lookup (db, "SELECT id FROM officer WHERE id = ?", NULL, officer_id, &found, NULL, error))
    return FALSE;
  if (!found)
    g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER, _ ("There is no officer with id %lld."),
                 (long long) officer_id);
  return found;
}

/* Departments ---------------------------------------------------------- */

static LcDepartment *
read_department (LcStmt *stmt)
{
  LcDepartment *department = g_new0 (LcDepartment, 1);

  department->id = lc_stmt_int (stmt, 0);
  department->code = lc_stmt_dup_text (stmt, 1);
  department->name = lc_stmt_dup_text (stmt, 2);
  department->parent_id = lc_stmt_int (stmt, 3);
  return department;
}

static gboolean
validate_department (LcDb *db, gint64 id, const char *code, const char *name, gint64 parent_id, GError **error)
{
  gboolean found = FALSE;
  gint64 other = 0;

  if (!require_text (code, _ ("Department code"), MAX_STAFF_NO_CHARS, error)
      || !require_text (name, _ ("Department name"), MAX_NAME_CHARS, error))
    return FALSE;
  if (!lc_db_lookup (db, "SELECT id FROM department WHERE code = ?", code, 0, &found, &other, error))
    return FALSE;
  if (found && other != id)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT,
                   _ ("Another department already has the code “%s”."), code);
      return FALSE;
    }
  if (parent_id > 0 && !check_department_exists (db, parent_id, error))
    return FALSE;

  /* Walk up from the new parent: meeting @id would make a loop. */
  for (gint64 cursor = parent_id; id > 0 && cursor > 0;)
    {
      gint64 next = 0;
      if (cursor == id)
        {
          g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DEPARTMENT_CYCLE,
                       _ ("A department cannot be placed under itself or one of its own units."));
          return FALSE;
        }
      if (!lc_db_lookup (db, "SELECT coalesce(parent_id, 0) FROM department WHERE id = ?", NULL, cursor, &found, &next,
                         error))
        return FALSE;
      cursor = found ? next : 0;
    }
  return TRUE;
}

gboolean
lc_people_add_department (LcSession *session, const char *code, const char *name, gint64 parent_id, gint64 *out_id,
                          GError **error)
{
  static const char *const insert_sql = "INSERT INTO department (code, name, parent_id) VALUES (?, ?, ?)";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!validate_department (db, 0, code, name, parent_id, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, insert_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, code);
  lc_stmt_bind_text (stmt, 2, name);
  lc_stmt_bind_id (stmt, 3, parent_id);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = lc_db_last_insert_id (db);
  return TRUE;
}

gboolean
lc_people_update_department (LcSession *session, const LcDepartment *department, GError **error)
{
  static const char *const update_sql = "UPDATE department SET code = ?, name = ?, parent_id = ? WHERE id = ?";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (department != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!check_department_exists (db, department->id, error)
      || !validate_department (db, department->id, department->code, department->name, department->parent_id, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, department->code);
  lc_stmt_bind_text (stmt, 2, department->name);
  lc_stmt_bind_id (stmt, 3, department->parent_id);
  lc_stmt_bind_int (stmt, 4, department->id);
  return lc_db_step_done (db, stmt, error);
}

static void
append_subtree (GPtrArray *sorted, GPtrArray *all, gint64 parent_id, guint depth)
{
  /* Depth-bounded: the cycle check makes loops impossible, this only stops
   * a hand-edited database from recursing for ever. */
  if (depth > 64)
    return;
  for (guint i = 0; i < all->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (all, i);
      if (department != NULL && department->parent_id == parent_id)
        {
          g_ptr_array_add (sorted, g_steal_pointer (&all->pdata[i]));
          append_subtree (sorted, all, department->id, depth + 1);
        }
    }
}

GPtrArray *
lc_people_list_departments (LcSession *session, GError **error)
{
  static const char *const list_sql = "SELECT id, code, name, coalesce(parent_id, 0) FROM department ORDER BY code";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_department_free);

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, list_sql, error)) == NULL
      || (all = lc_db_collect (db, stmt, (LcRowReader) read_department, (GDestroyNotify) lc_department_free, error))
             == NULL)
    return NULL;
  append_subtree (sorted, all, 0, 0);
  /* Anything left hangs under a missing parent: keep it rather than lose it. */
  for (guint i = 0; i < all->len; i++)
    if (g_ptr_array_index (all, i) != NULL)
      g_ptr_array_add (sorted, g_steal_pointer (&all->pdata[i]));
  return g_steal_pointer (&sorted);
}

LcDepartment *
lc_people_find_department (LcSession *session, const char *code_or_name, GError **error)
{
  static const char *const by_code_sql = "SELECT id, code, name, coalesce(parent_id, 0) FROM department WHERE code = ?";
  static const char *const by_name_sql =
      "SELECT id, code, name, coalesce(parent_id, 0) FROM department WHERE name = ? ORDER BY code LIMIT 2";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (LcDepartment) department = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, by_code_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, code_or_name);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (has_row)
    return read_department (stmt);
  g_clear_pointer (&stmt, lc_db_release);

  if ((stmt = lc_db_prepare (db, by_name_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, code_or_name);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT,
                   _ ("There is no department with the code or name “%s”."), code_or_name);
      return NULL;
    }
  department = read_department (stmt);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (has_row)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_AMBIGUOUS_DEPARTMENT,
                   _ ("Several departments are named “%s”; use the department code instead."), code_or_name);
      return NULL;
    }
  return g_steal_pointer (&department);
}

char *
lc_people_department_path (LcSession *session, gint64 department_id, GError **error)
{
  static const char *const select_sql = "SELECT name, coalesce(parent_id, 0) FROM department WHERE id = ?";
  LcDb *db;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) path = g_string_new (NULL);

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  db = lc_session_get_db (session);
  for (gint64 cursor = department_id; cursor > 0 && names->len < 64;)
    {
      g_autoptr (LcStmt) stmt = lc_db_prepare (db, select_sql, error);
      gboolean has_row = FALSE;

      if (stmt == NULL)
        return NULL;
      lc_stmt_bind_int (stmt, 1, cursor);
      if (!lc_db_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_insert (names, 0, lc_stmt_dup_text (stmt, 0));
      cursor = lc_stmt_int (stmt, 1);
    }
  if (names->len == 0)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT,
                   _ ("There is no department with id %lld."), (long long) department_id);
      return NULL;
    }
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (path, "%s%s", i ? "/" : "", (char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Officers ------------------------------------------------------------- */

/* Joins the fields of officer.search_key (see data/sql/0003): a control
 * character that like_pattern() drops from every search text. */
#define SEARCH_KEY_SEPARATOR "\x1f"

#define OFFICER_SELECT                                                                                                 \
  "SELECT o.id, o.staff_no, o.name, o.department_id, d.code, d.name, o.field, o.post, o.status, o.phone "              \
  "FROM officer o JOIN department d ON d.id = o.department_id "

static LcOfficer *
read_officer (LcStmt *stmt)
{
  LcOfficer *officer = g_new0 (LcOfficer, 1);
  const char *status = (const char *) sqlite3_column_text (stmt, 8);

  officer->id = lc_stmt_int (stmt, 0);
  officer->staff_no = lc_stmt_dup_text (stmt, 1);
  officer->name = lc_stmt_dup_text (stmt, 2);
  officer->department_id = lc_stmt_int (stmt, 3);
  officer->department_code = lc_stmt_dup_text (stmt, 4);
  officer->department_name = lc_stmt_dup_text (stmt, 5);
  officer->field = lc_stmt_dup_text (stmt, 6);
  officer->post = lc_stmt_dup_text (stmt, 7);
  if (!lc_officer_status_from_string (status, &officer->status))
    officer->status = LC_OFFICER_ACTIVE;
  officer->phone = lc_stmt_dup_text (stmt, 9);
  return officer;
}

static gboolean
validate_staff_no (const char *staff_no, GError **error)
{
  if (!require_text (staff_no, _ ("Staff number"), MAX_STAFF_NO_CHARS, error))
    return FALSE;
  for (const char *p = staff_no; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE,
                     _ ("The staff number “%s” may not contain spaces."), staff_no);
        return FALSE;
      }
  return TRUE;
}

gboolean
_lc_people_check_officer_fields (const LcOfficer *officer, const char **bad_field, GError **error)
{
  const char *field = NULL;

  if (!validate_staff_no (officer->staff_no, error))
    field = "staff_no";
  else if (!require_text (officer->name, _ ("Name"), MAX_NAME_CHARS, error))
    field = "name";
  else if (!optional_text (officer->field, _ ("Enforcement field"), error))
    field = "field";
  else if (!optional_text (officer->post, _ ("Post"), error))
    field = "post";
  else if (!optional_text (officer->phone, _ ("Phone"), error))
    field = "phone";
  else if (officer->status > LC_OFFICER_LEFT)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE, _ ("The officer status is not known."));
      field = "status";
    }
  if (bad_field != NULL)
    *bad_field = field;
  return field == NULL;
}

static gboolean
validate_officer (LcDb *db, const LcOfficer *officer, const char **bad_field, GError **error)
{
  gboolean found = FALSE;
  gint64 other = 0;

  if (!_lc_people_check_officer_fields (officer, bad_field, error))
    return FALSE;
  if (bad_field != NULL)
    *bad_field = "department";
  if (!check_department_exists (db, officer->department_id, error))
    return FALSE;
  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lc_db_lookup (db, "SELECT id FROM officer WHERE staff_no = ?", officer->staff_no, 0, &found, &other, error))
    return FALSE;
  if (found && other != officer->id)
    {
      if (bad_field != NULL)
        *bad_field = "staff_no";
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_STAFF_NO,
                   _ ("Another officer already has the staff number “%s”."), officer->staff_no);
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_people_validate_officer (LcSession *session, const LcOfficer *officer, const char **bad_field, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (officer != NULL, FALSE);
  return validate_officer (lc_session_get_db (session), officer, bad_field, error);
}

gboolean
_lc_people_insert_officer (LcDb *db, const LcOfficer *officer, gint64 *out_id, GError **error)
{
  static const char *const insert_sql =
      "INSERT INTO officer (staff_no, name, department_id, field, post, status, phone, created_at, updated_at, "
      "search_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?1 || ?10 || ?2 || ?10 || ?7)";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, insert_sql, error);
  gint64 now = lc_db_now (db);

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, officer->staff_no);
  lc_stmt_bind_text (stmt, 2, officer->name);
  lc_stmt_bind_int (stmt, 3, officer->department_id);
  lc_stmt_bind_text (stmt, 4, officer->field ? officer->field : "");
  lc_stmt_bind_text (stmt, 5, officer->post ? officer->post : "");
  lc_stmt_bind_text (stmt, 6, lc_officer_status_to_string (officer->status));
  lc_stmt_bind_text (stmt, 7, officer->phone ? officer->phone : "");
  lc_stmt_bind_int (stmt, 8, now);
  lc_stmt_bind_int (stmt, 9, now);
  lc_stmt_bind_text (stmt, 10, SEARCH_KEY_SEPARATOR);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = lc_db_last_insert_id (db);
  return TRUE;
}

gboolean
_lc_people_update_officer (LcDb *db, const LcOfficer *officer, GError **error)
{
  static const char *const update_sql =
      "UPDATE officer SET staff_no = ?1, name = ?2, department_id = ?3, field = ?4, post = ?5, status = ?6, "
      "phone = ?7, updated_at = ?8, search_key = ?1 || ?10 || ?2 || ?10 || ?7 WHERE id = ?9";
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, update_sql, error);

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, officer->staff_no);
  lc_stmt_bind_text (stmt, 2, officer->name);
  lc_stmt_bind_int (stmt, 3, officer->department_id);
  lc_stmt_bind_text (stmt, 4, officer->field ? officer->field : "");
  lc_stmt_bind_text (stmt, 5, officer->post ? officer->post : "");
  lc_stmt_bind_text (stmt, 6, lc_officer_status_to_string (officer->status));
  lc_stmt_bind_text (stmt, 7, officer->phone ? officer->phone : "");
  lc_stmt_bind_int (stmt, 8, lc_db_now (db));
  lc_stmt_bind_int (stmt, 9, officer->id);
  lc_stmt_bind_text (stmt, 10, SEARCH_KEY_SEPARATOR);
  return lc_db_step_done (db, stmt, error);
}

gboolean
lc_people_add_officer (LcSession *session, const LcOfficer *officer, gint64 *out_id, GError **error)
{
  LcOfficer fresh;
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (officer != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  db = lc_session_get_db (session);
  fresh = *officer;
  fresh.id = 0;
  return validate_officer (db, &fresh, NULL, error) && _lc_people_insert_officer (db, officer, out_id, error);
}

gboolean
lc_people_update_officer (LcSession *session, const LcOfficer *officer, GError **error)
{
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (officer != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  db = lc_session_get_db (session);
  return check_officer_exists (db, officer->id, error) && validate_officer (db, officer, NULL, error)
         && _lc_people_update_officer (db, officer, error);
}

static LcOfficer *
get_officer_by (LcSession *session, const char *sql, const char *text, gint64 id, GError **error)
{
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  g_autoptr (LcOfficer) officer = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    lc_stmt_bind_text (stmt, 1, text);
  else
    lc_stmt_bind_int (stmt, 1, id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      if (text != NULL)
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER,
                     _ ("There is no officer with the staff number “%s”."), text);
      else
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER, _ ("There is no officer with id %lld."),
                     (long long) id);
      return NULL;
    }
  officer = read_officer (stmt);
  if (!lc_session_require_officer (session, officer->id, error))
    return NULL;
  return g_steal_pointer (&officer);
}

LcOfficer *
lc_people_get_officer (LcSession *session, gint64 officer_id, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require_officer (session, officer_id, error))
    return NULL;
  return get_officer_by (session, OFFICER_SELECT "WHERE o.id = ?", NULL, officer_id, error);
}

LcOfficer *
lc_people_find_officer (LcSession *session, const char *staff_no, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (staff_no != NULL, NULL);
  return get_officer_by (session, OFFICER_SELECT "WHERE o.staff_no = ?", staff_no, 0, error);
}

/* "%text%" for LIKE, with the wildcards of the text itself escaped. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_iscntrl (*p))
        continue;
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
lc_people_list_officers (LcSession *session, const LcOfficerFilter *filter, GError **error)
{
#define LIST_OFFICERS_SQL(text_condition)                                                                              \
  "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL SELECT d.id FROM department d JOIN sub ON d.parent_id = "           \
  "sub.id) " OFFICER_SELECT                                                                                            \
  "WHERE (?1 = 0 OR o.department_id IN (SELECT id FROM sub)) AND (?3 = 1 OR o.status <> 'left') " text_condition       \
  " ORDER BY o.staff_no"
  static const char *const list_sql = LIST_OFFICERS_SQL ("AND ?2 IS NULL");
  /* The text filter scans the narrow search index first and reads only the
   * matching rows; reading the table in staff-number order would read it all. */
  static const char *const search_sql =
      LIST_OFFICERS_SQL ("AND o.id IN (SELECT id FROM officer WHERE search_key LIKE ?2 ESCAPE '\\')");
  static const LcOfficerFilter no_filter = { 0 };
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require (session, LC_PERM_READ_ROSTER, error))
    return NULL;
  if (filter == NULL)
    filter = &no_filter;
  db = lc_session_get_db (session);
  if (filter->text != NULL && !is_blank (filter->text))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (filter->text));
      pattern = like_pattern (trimmed);
    }
  if ((stmt = lc_db_prepare (db, pattern != NULL ? search_sql : list_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, filter->department_id);
  lc_stmt_bind_text (stmt, 2, pattern);
  lc_stmt_bind_int (stmt, 3, filter->include_left ? 1 : 0);
  return lc_db_collect (db, stmt, (LcRowReader) read_officer, (GDestroyNotify) lc_officer_free, error);
}

gint64
lc_people_count_officers (LcSession *session, GError **error)
{
  LcDb *db;
  gboolean found = FALSE;
  gint64 count = 0;

  g_return_val_if_fail (LC_IS_SESSION (session), -1);
  if (!lc_session_require (session, LC_PERM_READ_ROSTER, error))
    return -1;
  db = lc_session_get_db (session);
  if (!lc_db_lookup (db, "SELECT count(*) FROM officer WHERE id > ?", NULL, 0, &found, &count, error))
    return -1;
  return count;
}

/* Certificates ------------------------------------------------------- */

#define CERTIFICATE_SELECT                                                                                             \
  "SELECT c.id, c.officer_id, c.cert_no, c.field, c.issued_on, c.expires_on, c.reviewed_on, c.status, "                \
  "c.status_reason, o.name, o.staff_no FROM certificate c JOIN officer o ON o.id = c.officer_id "

static LcCertificate *
read_certificate (LcStmt *stmt)
{
  LcCertificate *certificate = g_new0 (LcCertificate, 1);
  const char *status = (const char *) sqlite3_column_text (stmt, 7);

  certificate->id = lc_stmt_int (stmt, 0);
  certificate->officer_id = lc_stmt_int (stmt, 1);
  certificate->cert_no = lc_stmt_dup_text (stmt, 2);
  certificate->field = lc_stmt_dup_text (stmt, 3);
  certificate->issued_on = lc_stmt_dup_text (stmt, 4);
  certificate->expires_on = lc_stmt_dup_text (stmt, 5);
  certificate->reviewed_on = lc_stmt_dup_text_or_null (stmt, 6);
  if (!lc_cert_status_from_string (status, &certificate->status) || certificate->status == LC_CERT_EXPIRED)
    certificate->status = LC_CERT_VALID;
  certificate->status_reason = lc_stmt_dup_text (stmt, 8);
  certificate->officer_name = lc_stmt_dup_text (stmt, 9);
  certificate->officer_staff_no = lc_stmt_dup_text (stmt, 10);
  return certificate;
}

static gboolean
insert_event (LcSession *session, gint64 certificate_id, LcCertAction action, const char *on_date, const char *reason,
              GError **error)
{
  static const char *const insert_sql = "INSERT INTO certificate_event (certificate_id, at, on_date, action, "
                                        "reason, user_id) VALUES (?, ?, ?, ?, ?, ?)";
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, insert_sql, error);

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, certificate_id);
  lc_stmt_bind_int (stmt, 2, lc_db_now (db));
  lc_stmt_bind_text (stmt, 3, on_date);
  lc_stmt_bind_text (stmt, 4, lc_cert_action_to_string (action));
  lc_stmt_bind_text (stmt, 5, reason ? reason : "");
  lc_stmt_bind_id (stmt, 6, lc_session_get_user_id (session));
  return lc_db_step_done (db, stmt, error);
}

gboolean
lc_people_issue_certificate (LcSession *session, const LcCertificate *certificate, const char *reason, gint64 *out_id,
                             GError **error)
{
  static const char *const insert_sql = "INSERT INTO certificate (officer_id, cert_no, field, issued_on, "
                                        "expires_on, reviewed_on, status, status_reason) "
                                        "VALUES (?, ?, ?, ?, ?, ?, 'valid', '')";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *expires_on = NULL;
  gboolean found = FALSE;
  gint64 id;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (certificate != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CERTIFICATES, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!validate_staff_no (certificate->cert_no, NULL))
    {
      if (is_blank (certificate->cert_no))
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_MISSING_VALUE, _ ("%s is required."),
                     _ ("Certificate number"));
      else
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE,
                     _ ("The certificate number “%s” may not contain spaces or be longer than %d characters."),
                     certificate->cert_no, MAX_STAFF_NO_CHARS);
      return FALSE;
    }
  if (!check_officer_exists (db, certificate->officer_id, error)
      || !optional_text (certificate->field, _ ("Enforcement field"), error)
      || !require_date (certificate->issued_on, _ ("Issue date"), error))
    return FALSE;
  if (is_blank (certificate->expires_on))
    expires_on = lc_date_add_years (certificate->issued_on, LC_CERT_DEFAULT_VALIDITY_YEARS);
  else if (!require_date (certificate->expires_on, _ ("Expiry date"), error))
    return FALSE;
  else
    expires_on = g_strdup (certificate->expires_on);
  if (g_strcmp0 (expires_on, certificate->issued_on) <= 0)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE,
                   _ ("The expiry date %s is not after the issue date %s."), expires_on, certificate->issued_on);
      return FALSE;
    }
  if (certificate->reviewed_on != NULL && !require_date (certificate->reviewed_on, _ ("Review date"), error))
    return FALSE;
  if (!lc_db_lookup (db, "SELECT id FROM certificate WHERE cert_no = ?", certificate->cert_no, 0, &found, NULL, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_CERT_NO,
                   _ ("Another certificate already has the number “%s”."), certificate->cert_no);
      return FALSE;
    }

  if (!lc_db_begin (db, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, insert_sql, error)) == NULL)
    goto fail;
  lc_stmt_bind_int (stmt, 1, certificate->officer_id);
  lc_stmt_bind_text (stmt, 2, certificate->cert_no);
  lc_stmt_bind_text (stmt, 3, certificate->field ? certificate->field : "");
  lc_stmt_bind_text (stmt, 4, certificate->issued_on);
  lc_stmt_bind_text (stmt, 5, expires_on);
  lc_stmt_bind_text (stmt, 6, certificate->reviewed_on);
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  id = lc_db_last_insert_id (db);
  g_clear_pointer (&stmt, lc_db_release);
  if (!insert_event (session, id, LC_CERT_ACTION_ISSUE, certificate->issued_on, reason, error)
      || !lc_db_commit (db, error))
    goto fail;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  lc_db_rollback (db);
  return FALSE;
}

static LcCertificate *
get_certificate_by (LcSession *session, const char *sql, const char *text, gint64 id, GError **error)
{
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  g_autoptr (LcCertificate) certificate = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    lc_stmt_bind_text (stmt, 1, text);
  else
    lc_stmt_bind_int (stmt, 1, id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      if (text != NULL)
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_CERTIFICATE,
                     _ ("There is no certificate with the number “%s”."), text);
      else
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_CERTIFICATE,
                     _ ("There is no certificate with id %lld."), (long long) id);
      return NULL;
    }
  certificate = read_certificate (stmt);
  if (!lc_session_require_officer (session, certificate->officer_id, error))
    return NULL;
  return g_steal_pointer (&certificate);
}

LcCertificate *
lc_people_get_certificate (LcSession *session, gint64 certificate_id, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  return get_certificate_by (session, CERTIFICATE_SELECT "WHERE c.id = ?", NULL, certificate_id, error);
}

LcCertificate *
lc_people_find_certificate (LcSession *session, const char *cert_no, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (cert_no != NULL, NULL);
  return get_certificate_by (session, CERTIFICATE_SELECT "WHERE c.cert_no = ?", cert_no, 0, error);
}

GPtrArray *
lc_people_list_certificates (LcSession *session, gint64 officer_id, GError **error)
{
  static const char *const by_officer_sql =
      CERTIFICATE_SELECT "WHERE c.officer_id = ? ORDER BY c.issued_on DESC, c.id DESC";
  static const char *const all_sql = CERTIFICATE_SELECT "WHERE c.officer_id > ? ORDER BY c.cert_no";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (officer_id > 0 ? !lc_session_require_officer (session, officer_id, error)
                     : !lc_session_require (session, LC_PERM_READ_ROSTER, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, officer_id > 0 ? by_officer_sql : all_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, officer_id);
  return lc_db_collect (db, stmt, (LcRowReader) read_certificate, (GDestroyNotify) lc_certificate_free, error);
}

/* @stored is what the table holds, @effective adds expiry: a suspended
 * certificate past its expiry is still suspended, and renewing it must not
 * lift the suspension (暂扣) as a side effect. */
static gboolean
transition_allowed (LcCertAction action, LcCertStatus stored, LcCertStatus effective)
{
  switch (action)
    {
    case LC_CERT_ACTION_REVIEW:
    case LC_CERT_ACTION_SUSPEND:
      return effective == LC_CERT_VALID;
    case LC_CERT_ACTION_RENEW:
      return stored == LC_CERT_VALID;
    case LC_CERT_ACTION_REINSTATE:
      return effective == LC_CERT_SUSPENDED;
    case LC_CERT_ACTION_REVOKE:
    case LC_CERT_ACTION_CANCEL:
      return stored == LC_CERT_VALID || stored == LC_CERT_SUSPENDED;
    case LC_CERT_ACTION_ISSUE:
    default:
      return FALSE;
    }
}

gboolean
lc_certificate_action_allowed (const LcCertificate *certificate, LcCertAction action, const char *date)
{
  g_return_val_if_fail (certificate != NULL, FALSE);
  return transition_allowed (action, certificate->status, lc_certificate_effective_status (certificate, date));
}

gboolean
lc_people_certificate_transition (LcSession *session, gint64 certificate_id, LcCertAction action, const char *on_date,
                                  const char *reason, const char *new_expiry, GError **error)
{
  static const char *const status_sql = "UPDATE certificate SET status = ?, status_reason = ? WHERE id = ?";
  static const char *const review_sql = "UPDATE certificate SET reviewed_on = ? WHERE id = ?";
  static const char *const renew_sql = "UPDATE certificate SET expires_on = ?, status = 'valid', "
                                       "status_reason = '' WHERE id = ?";
  LcDb *db;
  g_autoptr (LcCertificate) certificate = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expiry = NULL;
  LcCertStatus effective;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CERTIFICATES, error))
    return FALSE;
  if (action == LC_CERT_ACTION_ISSUE || action > LC_CERT_ACTION_RENEW)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_TRANSITION,
                   _ ("A certificate is created by issuing it, not by a status change."));
      return FALSE;
    }
  db = lc_session_get_db (session);
  date = is_blank (on_date) ? lc_db_today (db) : g_strdup (on_date);
  if (!require_date (date, _ ("Date"), error) || !optional_text (reason, _ ("Reason"), error))
    return FALSE;
  if ((certificate = lc_people_get_certificate (session, certificate_id, error)) == NULL)
    return FALSE;

  effective = lc_certificate_effective_status (certificate, date);
  if (!transition_allowed (action, certificate->status, effective))
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_TRANSITION,
                   /* Translators: “Certificate 浙执0001 is Revoked on 2026-06-15: it cannot be Suspended.” */
                   _ ("Certificate %s is %s on %s: it cannot be %s."), certificate->cert_no,
                   lc_cert_status_display_name (effective), date, lc_cert_action_display_name (action));
      return FALSE;
    }
  /* Taking a certificate away must say why (it is appealable). */
  if ((action == LC_CERT_ACTION_SUSPEND || action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL)
      && is_blank (reason))
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_REASON_REQUIRED,
                   _ ("A reason is required to change certificate %s to %s."), certificate->cert_no,
                   lc_cert_action_display_name (action));
      return FALSE;
    }
  if (g_strcmp0 (date, certificate->issued_on) < 0)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_DATE,
                   _ ("The date %s is before certificate %s was issued (%s)."), date, certificate->cert_no,
                   certificate->issued_on);
      return FALSE;
    }
  if (action == LC_CERT_ACTION_RENEW)
    {
      if (is_blank (new_expiry))
        expiry = lc_date_add_years (date, LC_CERT_DEFAULT_VALIDITY_YEARS);
      else if (!require_date (new_expiry, _ ("Expiry date"), error))
        return FALSE;
      else
        expiry = g_strdup (new_expiry);
      if (g_strcmp0 (expiry, certificate->expires_on) <= 0 || g_strcmp0 (expiry, date) <= 0)
        {
          g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE,
                       _ ("The new expiry date %s must be after both %s and the current expiry %s."), expiry, date,
                       certificate->expires_on);
          return FALSE;
        }
    }

  if (!lc_db_begin (db, error))
    return FALSE;
  switch (action)
    {
    case LC_CERT_ACTION_REVIEW:
      if ((stmt = lc_db_prepare (db, review_sql, error)) == NULL)
        goto fail;
      lc_stmt_bind_text (stmt, 1, date);
      lc_stmt_bind_int (stmt, 2, certificate_id);
      break;
    case LC_CERT_ACTION_RENEW:
      if ((stmt = lc_db_prepare (db, renew_sql, error)) == NULL)
        goto fail;
      lc_stmt_bind_text (stmt, 1, expiry);
      lc_stmt_bind_int (stmt, 2, certificate_id);
      break;
    default:
      {
        static const LcCertStatus target[] = {
          [LC_CERT_ACTION_SUSPEND] = LC_CERT_SUSPENDED,
          [LC_CERT_ACTION_REINSTATE] = LC_CERT_VALID,
          [LC_CERT_ACTION_REVOKE] = LC_CERT_REVOKED,
          [LC_CERT_ACTION_CANCEL] = LC_CERT_CANCELLED,
        };
        if ((stmt = lc_db_prepare (db, status_sql, error)) == NULL)
          goto fail;
        lc_stmt_bind_text (stmt, 1, lc_cert_status_to_string (target[action]));
        lc_stmt_bind_text (stmt, 2, action == LC_CERT_ACTION_REINSTATE ? "" : reason);
        lc_stmt_bind_int (stmt, 3, certificate_id);
      }
      break;
    }
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, lc_db_release);
  if (!insert_event (session, certificate_id, action, date, reason, error) || !lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  lc_db_rollback (db);
  return FALSE;
}

static LcCertificateEvent *
read_event (LcStmt *stmt)
{
  LcCertificateEvent *event = g_new0 (LcCertificateEvent, 1);
  const char *action = (const char *) sqlite3_column_text (stmt, 4);

  event->id = lc_stmt_int (stmt, 0);
  event->certificate_id = lc_stmt_int (stmt, 1);
  event->at = lc_stmt_int (stmt, 2);
  event->on_date = lc_stmt_dup_text (stmt, 3);
  if (!lc_cert_action_from_string (action, &event->action))
    event->action = LC_CERT_ACTION_ISSUE;
  event->reason = lc_stmt_dup_text (stmt, 5);
  event->user_id = lc_stmt_int (stmt, 6);
  event->user_login = lc_stmt_dup_text (stmt, 7);
  return event;
}

GPtrArray *
lc_people_list_certificate_events (LcSession *session, gint64 certificate_id, GError **error)
{
  static const char *const list_sql =
      "SELECT e.id, e.certificate_id, e.at, e.on_date, e.action, e.reason, coalesce(e.user_id, 0), u.login "
      "FROM certificate_event e LEFT JOIN app_user u ON u.id = e.user_id WHERE e.certificate_id = ? "
      "ORDER BY e.on_date, e.id";
  LcDb *db;
  g_autoptr (LcCertificate) certificate = NULL;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  /* Reading the certificate checks the session may see its officer. */
  if ((certificate = lc_people_get_certificate (session, certificate_id, error)) == NULL)
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, list_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, certificate_id);
  return lc_db_collect (db, stmt, (LcRowReader) read_event, (GDestroyNotify) lc_certificate_event_free, error);
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
  if (!check_officer_exists (db, record->officer_id, error)
      || !require_date (record->on_date, _ ("Training date"), error)
      || !optional_text (record->note, _ ("Note"), error))
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
