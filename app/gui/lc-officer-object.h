/* lc-officer-object.h: one officer as an item of a GListModel.
 *
 * A small immutable GObject around an LcOfficer, so that GtkColumnView cells
 * can bind its read-only properties and sorters and filters can read them.
 * An edit replaces the object in the store rather than changing it.
 */
#pragma once

#include <glib-object.h>

#include "lc-people.h"

G_BEGIN_DECLS

#define LC_TYPE_OFFICER_OBJECT (lc_officer_object_get_type ())
G_DECLARE_FINAL_TYPE (LcOfficerObject, lc_officer_object, LC, OFFICER_OBJECT, GObject)

/* Takes ownership of @officer. @department_path is a GRefString (made with
 * g_ref_string_new(), shared by every officer of the department) that the
 * object acquires, such as "综合行政执法局/执法一大队"; NULL shows the
 * department's own name. Many bureaus have a 执法一大队: the path tells them
 * apart. */
LcOfficerObject *lc_officer_object_new (LcOfficer *officer, const char *department_path);

const LcOfficer *lc_officer_object_get_officer (LcOfficerObject *self);
gint64 lc_officer_object_get_id (LcOfficerObject *self);
gint64 lc_officer_object_get_department_id (LcOfficerObject *self);
LcOfficerStatus lc_officer_object_get_status (LcOfficerObject *self);
const char *lc_officer_object_get_staff_no (LcOfficerObject *self);
const char *lc_officer_object_get_name (LcOfficerObject *self);
/* The department's path (or its name when the object was made without one). */
const char *lc_officer_object_get_department (LcOfficerObject *self);
const char *lc_officer_object_get_field (LcOfficerObject *self);
const char *lc_officer_object_get_post (LcOfficerObject *self);
const char *lc_officer_object_get_phone (LcOfficerObject *self);
const char *lc_officer_object_get_status_label (LcOfficerObject *self);

/* The columns of the roster, for lc_officer_object_compare(). */
typedef enum
{
  LC_OFFICER_COLUMN_STAFF_NO,
  LC_OFFICER_COLUMN_NAME,
  LC_OFFICER_COLUMN_DEPARTMENT,
  LC_OFFICER_COLUMN_FIELD,
  LC_OFFICER_COLUMN_POST,
  LC_OFFICER_COLUMN_STATUS,
  LC_OFFICER_N_COLUMNS,
} LcOfficerColumn;

/* Orders two officers by @column: texts by the locale's collation (staff
 * numbers with their digits as numbers, so 2 comes before 10), the status
 * as active, suspended, left. Collation keys are made once per object and
 * kept, so sorting 100,000 officers compares short byte strings. A
 * GtkCustomSorter function: @column comes as GINT_TO_POINTER. */
int lc_officer_object_compare (gconstpointer a, gconstpointer b, gpointer column);

/* TRUE when @needle (already case-folded with g_utf8_casefold) occurs in the
 * name, the staff number or the phone number. */
gboolean lc_officer_object_matches (LcOfficerObject *self, const char *needle);

G_END_DECLS
