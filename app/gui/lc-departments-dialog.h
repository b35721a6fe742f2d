/* lc-departments-dialog.h: the department tree of the roster, and a form
 * to add a department or change one (rename it, change its code, move it
 * under another unit).
 *
 * Every change of the form is tried against the core at once, so the
 * core's own message (a duplicate code, a loop in the tree, an empty
 * value) shows under the form and Save waits until the form is valid.
 * Emits ::done when it closes, saying whether anything was stored. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_DEPARTMENTS_DIALOG (lc_departments_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcDepartmentsDialog, lc_departments_dialog, LC, DEPARTMENTS_DIALOG, GtkWindow)

LcDepartmentsDialog *lc_departments_dialog_new (GtkWindow *parent, LcSession *session);

/* Shows @department_id in the form, selected in the tree (0: a new
 * top-level department). */
void lc_departments_dialog_select (LcDepartmentsDialog *self, gint64 department_id);

G_END_DECLS
