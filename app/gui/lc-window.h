/* lc-window.h: the main window of a signed-in user.
 *
 * Shows only the pages the session's role has: the officer roster for the
 * personnel office and administrators, the officer's own record for an
 * officer, and the account page for everyone. */
#pragma once

#include <gtk/gtk.h>

#include "lc-application.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_WINDOW (lc_window_get_type ())
G_DECLARE_FINAL_TYPE (LcWindow, lc_window, LC, WINDOW, GtkApplicationWindow)

/* @app must be registered (its ::startup has run). */
LcWindow *lc_window_new (LcApplication *app, LcSession *session);
LcSession *lc_window_get_session (LcWindow *self);

G_END_DECLS
