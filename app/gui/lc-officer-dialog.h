/* lc-officer-dialog.h: add an officer or change one.
 *
 * Every change is checked with lc_people_validate_officer() at once; the
 * message shows under the form, the entry at fault is marked, and Save
 * waits until the form is valid. Emits ::saved with the officer's id. */
#pragma once

#include <gtk/gtk.h>

#include "lc-people.h"

G_BEGIN_DECLS

#define LC_TYPE_OFFICER_DIALOG (lc_officer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcOfficerDialog, lc_officer_dialog, LC, OFFICER_DIALOG, GtkWindow)

/* @officer NULL adds a new officer; @department_id preselects a department
 * for a new one (0: the first). */
LcOfficerDialog *lc_officer_dialog_new (GtkWindow *parent, LcSession *session, const LcOfficer *officer,
                                        gint64 department_id);

G_END_DECLS
