/* lc-password-dialog.h: change the signed-in user's own password.
 *
 * Shown from the menu and the account page, and before the main window when
 * the account must change its password (then closing it signs out: see
 * ::done). */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_PASSWORD_DIALOG (lc_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcPasswordDialog, lc_password_dialog, LC, PASSWORD_DIALOG, GtkWindow)

/* @required: the account must change its password before it may go on.
 * Emits ::done (gboolean changed) when the password was changed or the
 * window closed without changing it. */
LcPasswordDialog *lc_password_dialog_new (GtkWindow *parent, LcSession *session, gboolean required);

G_END_DECLS
