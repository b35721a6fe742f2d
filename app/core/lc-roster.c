/* lc-roster.c: the officer roster spreadsheet, imported all or nothing. */
#define G_LOG_DOMAIN "lc-roster"

#include "config.h"

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-people-private.h"
#include "lc-roster.h"

G_DEFINE_QUARK (lc_roster_error_quark, lc_roster_error)

#define MAX_PROBLEMS 1000

typedef enum
{
  COL_STAFF_NO,
  COL_NAME,
  COL_DEPARTMENT_CODE,
  COL_DEPARTMENT,
  COL_FIELD,
  COL_POST,
  COL_STATUS,
  COL_PHONE,
  N_IMPORT_COLUMNS
} ImportColumn;

/* The first alias of each column is what an export writes. */
static const char *const column_aliases[N_IMPORT_COLUMNS][5] = {
  [COL_STAFF_NO] = { "工号", "人员编号", "staff_no", "staff number", NULL },
  [COL_NAME] = { "姓名", "name", NULL },
  [COL_DEPARTMENT_CODE] = { "部门编码", "单位编码", "department_code", "department code", NULL },
  [COL_DEPARTMENT] = { "部门", "单位", "所在单位", "department", NULL },
  [COL_FIELD] = { "执法领域", "执法类别", "field", NULL },
  [COL_POST] = { "岗位", "职务", "post", NULL },
  [COL_STATUS] = { "状态", "人员状态", "status", NULL },
  [COL_PHONE] = { "电话", "联系电话", "phone", NULL },
};

static const char *const export_headers[] = {
  "工号", "姓名",     "部门编码", "部门",     "执法领域", "岗位",     "状态",
  "电话", "执法证号", "证件状态", "发证日期", "有效期至", "年审日期", NULL,
};

const char *const *
lc_roster_export_headers (void)
{
  return export_headers;
}

/* Problems ------------------------------------------------------------ */

void
lc_import_problem_free (LcImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column_name);
  g_free (problem->message);
  g_free (problem);
}

char *
lc_import_problem_to_string (const LcImportProblem *problem)
{
  g_autofree char *letter = NULL;

  g_return_val_if_fail (problem != NULL, NULL);
  if (problem->column == G_MAXUINT)
    /* Translators: “row 57: …” in a spreadsheet being imported */
    return g_strdup_printf (_ ("row %u: %s"), problem->row, problem->message);
  letter = lc_column_letter (problem->column);
  if (problem->column_name == NULL || *problem->column_name == '\0')
    /* Translators: “row 57, column C: …” for a column without a header */
    return g_strdup_printf (_ ("row %u, column %s: %s"), problem->row, letter, problem->message);
  /* Translators: “row 57, column C (部门): unknown department …” */
  return g_strdup_printf (_ ("row %u, column %s (%s): %s"), problem->row, letter,
                          problem->column_name ? problem->column_name : "", problem->message);
}

static void
add_problem (GPtrArray *problems, const LcTable *table, guint row, guint column, const char *message)
{
  LcImportProblem *problem;

  if (problems->len >= MAX_PROBLEMS)
    return;
  problem = g_new0 (LcImportProblem, 1);
  problem->row = lc_table_row_number (table, row);
  problem->column = column;
  if (column != G_MAXUINT)
    problem->column_name = g_strdup (lc_table_cell (table, 0, column));
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

void
lc_roster_result_clear (LcRosterResult *result)
{
  g_clear_pointer (&result->encoding, g_free);
  g_clear_pointer (&result->ignored_columns, g_ptr_array_unref);
  result->added = result->updated = result->unchanged = 0;
}

/* Import ------------------------------------------------------------- */

static gboolean
header_matches (const char *header, ImportColumn column)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);

  for (guint i = 0; column_aliases[column][i] != NULL; i++)
    if (strcmp (folded, column_aliases[column][i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
map_columns (const LcTable *table, guint *positions, GPtrArray *ignored, GError **error)
{
  guint n = lc_table_n_cells (table, 0);

  for (guint c = 0; c < N_IMPORT_COLUMNS; c++)
    positions[c] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      const char *header = lc_table_cell (table, 0, i);
      gboolean used = FALSE;

      for (guint c = 0; c < N_IMPORT_COLUMNS && !used; c++)
        if (header_matches (header, c))
          {
            if (positions[c] != G_MAXUINT)
              {
                g_autofree char *first = lc_column_letter (positions[c]);
                g_autofree char *second = lc_column_letter (i);
                g_set_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_DUPLICATE_COLUMN,
                             _ ("%s: columns %s and %s both hold “%s”."), lc_table_source (table), first, second,
                             column_aliases[c][0]);
                return FALSE;
              }
            positions[c] = i;
            used = TRUE;
          }
      if (!used && *header != '\0')
        g_ptr_array_add (ignored, g_strdup (header));
    }
  for (guint c = 0; c <= COL_NAME; c++)
    if (positions[c] == G_MAXUINT)
      {
        g_set_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_MISSING_COLUMN,
                     _ ("%s: the header row has no column “%s”."), lc_table_source (table), column_aliases[c][0]);
        return FALSE;
      }
  if (positions[COL_DEPARTMENT_CODE] == G_MAXUINT && positions[COL_DEPARTMENT] == G_MAXUINT)
    {
      g_set_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_MISSING_COLUMN,
                   _ ("%s: the header row has neither a column “%s” nor “%s”."), lc_table_source (table),
                   column_aliases[COL_DEPARTMENT_CODE][0], column_aliases[COL_DEPARTMENT][0]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_status (const char *text, LcOfficerStatus *status)
{
  static const struct
  {
    const char *text;
    LcOfficerStatus status;
  } words[] = {
    { "", LC_OFFICER_ACTIVE },        { "在职", LC_OFFICER_ACTIVE }, { "在岗", LC_OFFICER_ACTIVE },
    { "停职", LC_OFFICER_SUSPENDED }, { "离岗", LC_OFFICER_LEFT },   { "离职", LC_OFFICER_LEFT },
    { "调离", LC_OFFICER_LEFT },      { "退休", LC_OFFICER_LEFT },
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (text, words[i].text) == 0)
      {
        *status = words[i].status;
        return TRUE;
      }
  return lc_officer_status_from_string (folded, status);
}

typedef struct
{
  GHashTable *by_code; /* code -> id */
  GHashTable *by_path; /* "局/大队" -> id; paths are unique */
  GHashTable *by_name; /* name -> id, or -1 when several share it */
} DepartmentIndex;

static void
department_index_clear (DepartmentIndex *index)
{
  g_clear_pointer (&index->by_code, g_hash_table_unref);
  g_clear_pointer (&index->by_path, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
}

static gboolean
department_index_load (LcSession *session, DepartmentIndex *index, GError **error)
{
  g_autoptr (GPtrArray) departments = lc_people_list_departments (session, error);

  if (departments == NULL)
    return FALSE;
  g_autoptr (GHashTable) paths = g_hash_table_new (NULL, NULL); /* id -> path, borrowed from by_path */

  index->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Parents come before children, so each parent's path is known. */
  for (guint i = 0; i < departments->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (departments, i);
      gint64 id = department->id;
      const char *parent = g_hash_table_lookup (paths, GSIZE_TO_POINTER ((gsize) department->parent_id));
      char *path = parent ? g_strconcat (parent, "/", department->name, NULL) : g_strdup (department->name);

      g_hash_table_insert (index->by_path, path, GSIZE_TO_POINTER ((gsize) id));
      g_hash_table_insert (paths, GSIZE_TO_POINTER ((gsize) id), path);
      g_hash_table_insert (index->by_code, g_strdup (department->code), GSIZE_TO_POINTER ((gsize) id));
      if (g_hash_table_contains (index->by_name, department->name))
        id = -1;
      g_hash_table_insert (index->by_name, g_strdup (department->name), GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

static gboolean
same_officer (const LcOfficer *a, const LcOfficer *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && a->department_id == b->department_id
         && g_strcmp0 (a->field, b->field) == 0 && g_strcmp0 (a->post, b->post) == 0 && a->status == b->status
         && g_strcmp0 (a->phone, b->phone) == 0;
}

/* The reports' CSV writer puts an apostrophe before a cell starting with
 * = + - @ so that spreadsheet programs do not run it as a formula; reading
 * drops it again, so that an export imports back unchanged. */
static const char *
unguard (const char *cell)
{
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    return cell + 1;
  return cell;
}

static const char *
cell_or_null (const LcTable *table, guint row, guint column)
{
  return column == G_MAXUINT ? NULL : unguard (lc_table_cell (table, row, column));
}

static char *
cell_or_empty (const LcTable *table, guint row, guint column)
{
  return (char *) (column == G_MAXUINT ? "" : unguard (lc_table_cell (table, row, column)));
}

/* Resolves and checks one row into @officer; problems go to @problems. */
static void
read_row (const LcTable *table, guint row, const guint *positions, DepartmentIndex *departments, LcOfficer *officer,
          GPtrArray *problems)
{
  static const struct
  {
    const char *member;
    ImportColumn column;
  } members[] = {
    { "staff_no", COL_STAFF_NO }, { "name", COL_NAME },   { "field", COL_FIELD },
    { "post", COL_POST },         { "phone", COL_PHONE }, { "status", COL_STATUS },
  };
  const char *code = cell_or_null (table, row, positions[COL_DEPARTMENT_CODE]);
  const char *name = cell_or_null (table, row, positions[COL_DEPARTMENT]);
  const char *status = cell_or_null (table, row, positions[COL_STATUS]);
  g_autoptr (GError) error = NULL;
  const char *bad_field = NULL;

  officer->staff_no = cell_or_empty (table, row, positions[COL_STAFF_NO]);
  officer->name = cell_or_empty (table, row, positions[COL_NAME]);
  officer->field = cell_or_empty (table, row, positions[COL_FIELD]);
  officer->post = cell_or_empty (table, row, positions[COL_POST]);
  officer->phone = cell_or_empty (table, row, positions[COL_PHONE]);

  if (status != NULL && !parse_status (status, &officer->status))
    {
      g_autofree char *message = g_strdup_printf (_ ("unknown status “%s” (use 在职, 停职 or 离岗)"), status);
      add_problem (problems, table, row, positions[COL_STATUS], message);
    }
  if (!_lc_people_check_officer_fields (officer, &bad_field, &error))
    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      if (g_strcmp0 (bad_field, members[i].member) == 0)
        add_problem (problems, table, row, positions[members[i].column], error->message);

  if (code != NULL && *code != '\0')
    {
      gpointer id;
      if (g_hash_table_lookup_extended (departments->by_code, code, NULL, &id))
        officer->department_id = (gint64) GPOINTER_TO_SIZE (id);
      else
        {
          g_autofree char *message = g_strdup_printf (_ ("unknown department code “%s”"), code);
          add_problem (problems, table, row, positions[COL_DEPARTMENT_CODE], message);
        }
    }
  else if (name != NULL && *name != '\0')
    {
      gpointer id = NULL;

      /* A code, the path an export writes ("局/大队"), or a unique name. */
      if (g_hash_table_lookup_extended (departments->by_code, name, NULL, &id)
          || g_hash_table_lookup_extended (departments->by_path, name, NULL, &id)
          || (strchr (name, '/') == NULL && g_hash_table_lookup_extended (departments->by_name, name, NULL, &id)
              && (gssize) GPOINTER_TO_SIZE (id) > 0))
        officer->department_id = (gint64) GPOINTER_TO_SIZE (id);
      else
        {
          g_autofree char *message =
              id != NULL && (gssize) GPOINTER_TO_SIZE (id) < 0
                  ? g_strdup_printf (_ ("several departments are named “%s”; give the department code or path"), name)
                  : g_strdup_printf (_ ("unknown department “%s”"), name);
          add_problem (problems, table, row, positions[COL_DEPARTMENT], message);
        }
    }
  else
    add_problem (problems, table, row,
                 positions[COL_DEPARTMENT_CODE] != G_MAXUINT ? positions[COL_DEPARTMENT_CODE]
                                                             : positions[COL_DEPARTMENT],
                 _ ("the department is empty"));
}

static void
set_rows_error (const LcTable *table, GPtrArray *problems, GError **error)
{
  g_autofree char *first = lc_import_problem_to_string (g_ptr_array_index (problems, 0));

  if (problems->len == 1)
    /* Translators: “roster.csv: row 57, column C (部门): …. Nothing was imported.” */
    g_set_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_INVALID_ROWS, _ ("%s: %s. Nothing was imported."),
                 lc_table_source (table), first);
  else
    g_set_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_INVALID_ROWS,
                 g_dngettext (GETTEXT_PACKAGE, "%s: %s, and %u more problem. Nothing was imported.",
                              "%s: %s, and %u more problems. Nothing was imported.", problems->len - 1),
                 lc_table_source (table), first, problems->len - 1);
}

gboolean
lc_roster_import_table (LcSession *session, const LcTable *table, LcRosterResult *result, GPtrArray **problems_out,
                        GError **error)
{
  LcDb *db;
  guint positions[N_IMPORT_COLUMNS];
  g_autoptr (GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_import_problem_free);
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GHashTable) by_staff_no = NULL;
  g_autoptr (GHashTable) seen = NULL; /* staff_no -> row number in this file */
  g_autofree LcOfficer *rows = NULL;
  g_autofree gboolean *is_blank = NULL;
  DepartmentIndex departments = { 0 };
  static const LcOfficerFilter everyone = { .include_left = TRUE };
  guint n_rows;
  guint added = 0, updated = 0, unchanged = 0;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  if (!map_columns (table, positions, ignored, error))
    return FALSE;
  db = lc_session_get_db (session);

  if (!department_index_load (session, &departments, error))
    return FALSE;
  existing = lc_people_list_officers (session, &everyone, error);
  if (existing == NULL)
    {
      department_index_clear (&departments);
      return FALSE;
    }
  by_staff_no = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < existing->len; i++)
    {
      LcOfficer *officer = g_ptr_array_index (existing, i);
      g_hash_table_insert (by_staff_no, officer->staff_no, officer);
    }

  n_rows = lc_table_n_rows (table);
  rows = g_new0 (LcOfficer, MAX (n_rows, 1));
  is_blank = g_new0 (gboolean, MAX (n_rows, 1));
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 1; r < n_rows && problems->len < MAX_PROBLEMS; r++)
    {
      LcOfficer *officer = &rows[r];
      gpointer earlier;

      if ((is_blank[r] = lc_table_row_is_blank (table, r)))
        continue;
      read_row (table, r, positions, &departments, officer, problems);
      if (*officer->staff_no == '\0')
        continue;
      if (g_hash_table_lookup_extended (seen, officer->staff_no, NULL, &earlier))
        {
          g_autofree char *message = g_strdup_printf (_ ("the staff number “%s” is already in row %u"),
                                                      officer->staff_no, GPOINTER_TO_UINT (earlier));
          add_problem (problems, table, r, positions[COL_STAFF_NO], message);
        }
      else
        g_hash_table_insert (seen, officer->staff_no, GUINT_TO_POINTER (lc_table_row_number (table, r)));
    }
  department_index_clear (&departments);

  if (problems->len > 0)
    {
      set_rows_error (table, problems, error);
      if (problems_out != NULL)
        *problems_out = g_steal_pointer (&problems);
      return FALSE;
    }

  if (!lc_db_begin (db, error))
    return FALSE;
  for (guint r = 1; r < n_rows; r++)
    {
      LcOfficer *officer = &rows[r];
      LcOfficer *old;
      gboolean ok = TRUE;

      if (is_blank[r])
        continue;
      old = g_hash_table_lookup (by_staff_no, officer->staff_no);
      if (old == NULL)
        {
          ok = _lc_people_insert_officer (db, officer, NULL, error);
          added++;
        }
      else if (same_officer (old, officer))
        unchanged++;
      else
        {
          officer->id = old->id;
          ok = _lc_people_update_officer (db, officer, error);
          updated++;
        }
      if (!ok)
        {
          /* A storage failure (disk full, say) after validation: say where. */
          g_prefix_error (error, _ ("%s, row %u: "), lc_table_source (table), lc_table_row_number (table, r));
          lc_db_rollback (db);
          return FALSE;
        }
    }
  if (!lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      return FALSE;
    }

  if (result != NULL)
    {
      result->added = added;
      result->updated = updated;
      result->unchanged = unchanged;
      g_free (result->encoding);
      result->encoding = g_strdup (lc_table_encoding (table));
      g_clear_pointer (&result->ignored_columns, g_ptr_array_unref);
      result->ignored_columns = g_steal_pointer (&ignored);
    }
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}

gboolean
lc_roster_import_file (LcSession *session, const char *path, LcRosterResult *result, GPtrArray **problems,
                       GError **error)
{
  g_autoptr (LcTable) table = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  /* Checked before reading so a refused user learns it before a long parse. */
  if (!lc_session_require (session, LC_PERM_MANAGE_ROSTER, error))
    return FALSE;
  table = lc_table_read_csv (path, error);
  if (table == NULL)
    return FALSE;
  return lc_roster_import_table (session, table, result, problems, error);
}

/* Export rows ---------------------------------------------------------- */

void
lc_roster_row_free (LcRosterRow *row)
{
  if (row == NULL)
    return;
  lc_officer_free (row->officer);
  lc_certificate_free (row->certificate);
  g_free (row->department_path);
  g_free (row);
}

/* The certificate that tells most about an officer today: a valid one
 * beats any other; among equals, the later issue date. */
static gboolean
better_certificate (const LcCertificate *candidate, const LcCertificate *current, const char *today)
{
  gboolean candidate_valid = lc_certificate_effective_status (candidate, today) == LC_CERT_VALID;
  gboolean current_valid = lc_certificate_effective_status (current, today) == LC_CERT_VALID;

  if (candidate_valid != current_valid)
    return candidate_valid;
  return g_strcmp0 (candidate->issued_on, current->issued_on) > 0;
}

GPtrArray *
lc_roster_rows (LcSession *session, const LcOfficerFilter *filter, GError **error)
{
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (GPtrArray) departments = NULL;
  g_autoptr (GHashTable) paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GHashTable) best = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_roster_row_free);
  g_autofree char *today = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if ((officers = lc_people_list_officers (session, filter, error)) == NULL
      || (certificates = lc_people_list_certificates (session, 0, error)) == NULL
      || (departments = lc_people_list_departments (session, error)) == NULL)
    return NULL;
  today = lc_db_today (lc_session_get_db (session));

  /* Parents come before children, so each parent's path is ready. */
  for (guint i = 0; i < departments->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (departments, i);
      const char *parent = g_hash_table_lookup (paths, GSIZE_TO_POINTER ((gsize) department->parent_id));
      g_hash_table_insert (paths, GSIZE_TO_POINTER ((gsize) department->id),
                           parent ? g_strconcat (parent, "/", department->name, NULL) : g_strdup (department->name));
    }
  for (guint i = 0; i < certificates->len; i++)
    {
      LcCertificate *certificate = g_ptr_array_index (certificates, i);
      gpointer key = GSIZE_TO_POINTER ((gsize) certificate->officer_id);
      guint current = GPOINTER_TO_UINT (g_hash_table_lookup (best, key));

      /* Values are index + 1, so that 0 means none. */
      if (current == 0 || better_certificate (certificate, g_ptr_array_index (certificates, current - 1), today))
        g_hash_table_insert (best, key, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < officers->len; i++)
    {
      LcRosterRow *row = g_new0 (LcRosterRow, 1);
      guint index;

      row->officer = g_steal_pointer (&officers->pdata[i]);
      row->department_path =
          g_strdup (g_hash_table_lookup (paths, GSIZE_TO_POINTER ((gsize) row->officer->department_id)));
      index = GPOINTER_TO_UINT (g_hash_table_lookup (best, GSIZE_TO_POINTER ((gsize) row->officer->id)));
      if (index > 0)
        {
          /* Moved out: the array's free function is given NULL for it. */
          row->certificate = g_steal_pointer (&certificates->pdata[index - 1]);
          row->certificate_status = lc_certificate_effective_status (row->certificate, today);
        }
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
