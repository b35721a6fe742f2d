/* lc-user-dialog.h: add a user account, or set a new password for one.
 *
 * What can be checked as one types (an empty login, the linked officer of
 * an officer account, the password's length, the repeated password) is
 * said under the form at once and keeps Save off; the rest (a login that
 * is taken, an officer who has an account already) comes from the core
 * when saving, beside the control at fault. Passwords are hashed in a
 * worker thread, so the window stays alive meanwhile. Emits ::saved with
 * the account's login, then closes. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_USER_DIALOG (lc_user_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcUserDialog, lc_user_dialog, LC, USER_DIALOG, GtkWindow)

/* A form for a new account. */
LcUserDialog *lc_user_dialog_new_add (GtkWindow *parent, LcSession *session);
/* A form that sets a new password for the account @login (an administrator's reset). */
LcUserDialog *lc_user_dialog_new_reset (GtkWindow *parent, LcSession *session, const char *login);

/* TRUE while the account is being stored. */
gboolean lc_user_dialog_is_busy (LcUserDialog *self);

G_END_DECLS
