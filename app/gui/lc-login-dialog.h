/* lc-login-dialog.h: the sign-in window.
 *
 * Emits ::signed-in with the new LcSession once lc_auth_sign_in() accepts
 * the login and password; on failure it stays open and shows why. On a
 * database without user accounts it shows instead the form that creates
 * the first, administrator, account (lc_auth_create_first_administrator())
 * and emits ::signed-in with that administrator's session. The session
 * works on a connection of its own, opened for it. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_LOGIN_DIALOG (lc_login_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcLoginDialog, lc_login_dialog, LC, LOGIN_DIALOG, GtkWindow)

/* @app may be NULL (tests); @login prefills the login entry (may be NULL). */
LcLoginDialog *lc_login_dialog_new (GtkApplication *app, LcDb *db, const char *login);

G_END_DECLS
