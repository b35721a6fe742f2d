/* lc-roster.h: the officer roster as a spreadsheet: import (all or nothing)
 * and the rows an export writes.
 *
 * Columns are found by their header, in Chinese or English, in any order:
 *   工号 staff_no (required) | 姓名 name (required) | 部门编码 department_code |
 *   部门 department (code or unique name; one of the two department columns is
 *   required) | 执法领域 field | 岗位 post | 状态 status (在职/停职/离岗 or
 *   active/suspended/left; empty = 在职) | 电话 phone
 * Other columns (an export's certificate columns) are ignored and reported.
 * A staff number already stored updates that officer; a new one adds one.
 */
#pragma once

#include "lc-people.h"
#include "lc-tabular.h"

G_BEGIN_DECLS

#define LC_ROSTER_ERROR (lc_roster_error_quark ())

/**
 * LcRosterError:
 * @LC_ROSTER_ERROR_MISSING_COLUMN: a required column has no header
 * @LC_ROSTER_ERROR_DUPLICATE_COLUMN: two headers name the same column
 * @LC_ROSTER_ERROR_INVALID_ROWS: rows were refused; see the problems list
 */
typedef enum
{
  LC_ROSTER_ERROR_MISSING_COLUMN,
  LC_ROSTER_ERROR_DUPLICATE_COLUMN,
  LC_ROSTER_ERROR_INVALID_ROWS,
} LcRosterError;

GQuark lc_roster_error_quark (void);

/* One refused cell or row: "roster.csv: row 57, column C (部门): …". */
typedef struct
{
  guint row;         /* as a spreadsheet shows it; the header is row 1 */
  guint column;      /* 0-based; G_MAXUINT when the whole row is meant */
  char *column_name; /* the header text, or NULL */
  char *message;     /* translated reason */
} LcImportProblem;

void lc_import_problem_free (LcImportProblem *problem);
/* "row 57, column C (部门): unknown department “x”" (translated). */
char *lc_import_problem_to_string (const LcImportProblem *problem);

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  char *encoding;             /* of the file read */
  GPtrArray *ignored_columns; /* char*, header texts not used */
} LcRosterResult;

void lc_roster_result_clear (LcRosterResult *result);

/* Reads a CSV file and imports it in one transaction. On any problem nothing
 * is stored, FALSE is returned with a GError that names the file and the
 * first problem, and @problems (if not NULL) gets every problem found (at
 * most 1000). */
gboolean lc_roster_import_file (LcSession *session, const char *path, LcRosterResult *result, GPtrArray **problems,
                                GError **error);
gboolean lc_roster_import_table (LcSession *session, const LcTable *table, LcRosterResult *result, GPtrArray **problems,
                                 GError **error);

/* One officer as exported, with the certificate that matters most today
 * (the newest valid one, else the newest) and the department path. */
typedef struct
{
  LcOfficer *officer;
  LcCertificate *certificate;      /* NULL when the officer has none */
  LcCertStatus certificate_status; /* effective on the export date */
  char *department_path;
} LcRosterRow;

void lc_roster_row_free (LcRosterRow *row);
/* By staff number. Element type LcRosterRow. */
GPtrArray *lc_roster_rows (LcSession *session, const LcOfficerFilter *filter, GError **error);

/* The header texts of the exported columns, in order; the first eight are
 * the import columns, so that an export imports back unchanged. */
const char *const *lc_roster_export_headers (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcImportProblem, lc_import_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcRosterRow, lc_roster_row_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LcRosterResult, lc_roster_result_clear)

G_END_DECLS
