/* lc-people.c: departments and officers, and the checks the people module shares. */
#define G_LOG_DOMAIN "lc-people"

#include "config.h"

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-people-private.h"
#include "lc-people.h"
#include "lc-units.h"

G_DEFINE_QUARK (lc_people_error_quark, lc_people_error)

#define MAX_NAME_CHARS 64
#define MAX_TEXT_CHARS 200

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

/* Names --------------------------------------------------------------- */

static const char *const officer_status_names[] = { "active", "suspended", "left" };

gboolean
_lc_people_name_to_index (const char *const *names, guint n_names, const char *text, guint *index)
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

  if (!_lc_people_name_to_index (officer_status_names, G_N_ELEMENTS (officer_status_names), text, &i))
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

/* Validation helpers --------------------------------------------------- */

gboolean
_lc_people_is_blank (const char *text)
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
  if (_lc_people_is_blank (value))
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

gboolean
_lc_people_optional_text (const char *value, const char *what, GError **error)
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

gboolean
_lc_people_require_date (const char *value, const char *what, GError **error)
{
  if (_lc_people_is_blank (value))
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

gboolean
_lc_people_check_officer_exists (LcDb *db, gint64 officer_id, GError **error)
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

/* *bad_field names the member at fault: "code", "name" or "parent". */
static gboolean
validate_department (LcDb *db, const LcDepartment *department, const char **bad_field, GError **error)
{
  gboolean found = FALSE;
  gint64 other = 0;
  const char *field = NULL;

  if (!_lc_people_validate_code (department->code, _ ("Department code"), error))
    field = "code";
  else if (!require_text (department->name, _ ("Department name"), MAX_NAME_CHARS, error))
    field = "name";
  else if (!lc_db_lookup (db, "SELECT id FROM department WHERE code = ?", department->code, 0, &found, &other, error))
    field = NULL;
  else if (found && other != department->id)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT,
                   _ ("Another department already has the code “%s”."), department->code);
      field = "code";
    }
  else if (department->parent_id > 0 && !check_department_exists (db, department->parent_id, error))
    field = "parent";
  else
    {
      /* Walk up from the new parent: meeting the department itself would make a loop. */
      for (gint64 cursor = department->parent_id; department->id > 0 && cursor > 0;)
        {
          gint64 next = 0;
          if (cursor == department->id)
            {
              g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DEPARTMENT_CYCLE,
                           _ ("A department cannot be placed under itself or one of its own units."));
              if (bad_field != NULL)
                *bad_field = "parent";
              return FALSE;
            }
          if (!lc_db_lookup (db, "SELECT coalesce(parent_id, 0) FROM department WHERE id = ?", NULL, cursor, &found,
                             &next, error))
            return FALSE;
          cursor = found ? next : 0;
        }
      return TRUE;
    }
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

gboolean
lc_people_validate_department (LcSession *session, const LcDepartment *department, const char **bad_field,
                               GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (department != NULL, FALSE);
  if (bad_field != NULL)
    *bad_field = NULL;
  /* A form that may not be saved says so first, whatever else is wrong. */
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  return validate_department (lc_session_get_db (session), department, bad_field, error);
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
  if (!validate_department (db, &(LcDepartment){ .code = (char *) code, .name = (char *) name, .parent_id = parent_id },
                            NULL, error))
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
  if (!check_department_exists (db, department->id, error) || !validate_department (db, department, NULL, error))
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

gboolean
_lc_people_validate_code (const char *code, const char *what, GError **error)
{
  if (!require_text (code, what, LC_PEOPLE_MAX_CODE_CHARS, error))
    return FALSE;
  for (const char *p = code; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        /* Translators: “Staff number “3304 01” may not contain spaces.” */
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_VALUE, _ ("%s “%s” may not contain spaces."), what,
                     code);
        return FALSE;
      }
  return TRUE;
}

gboolean
_lc_people_check_officer_fields (const LcOfficer *officer, const char **bad_field, GError **error)
{
  const char *field = NULL;

  if (!_lc_people_validate_code (officer->staff_no, _ ("Staff number"), error))
    field = "staff_no";
  else if (!require_text (officer->name, _ ("Name"), MAX_NAME_CHARS, error))
    field = "name";
  else if (!_lc_people_optional_text (officer->field, _ ("Enforcement field"), error))
    field = "field";
  else if (!_lc_people_optional_text (officer->post, _ ("Post"), error))
    field = "post";
  else if (!_lc_people_optional_text (officer->phone, _ ("Phone"), error))
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
  if (bad_field != NULL)
    *bad_field = NULL;
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
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
  return _lc_people_check_officer_exists (db, officer->id, error) && validate_officer (db, officer, NULL, error)
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
  if (filter->text != NULL && !_lc_people_is_blank (filter->text))
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
