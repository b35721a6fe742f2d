/* lc-application.h: the Lexcert GtkApplication.
 *
 * Opens the database named by --database (else $LEXCERT_DB, else the file
 * in the user's data directory), shows the sign-in window, and then the
 * main window of the session that signed in. */
#pragma once

#include <gtk/gtk.h>

#include "lc-db.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_APPLICATION (lc_application_get_type ())
G_DECLARE_FINAL_TYPE (LcApplication, lc_application, LC, APPLICATION, GtkApplication)

LcApplication *lc_application_new (void);

/* The open database, or NULL before activation (or when it failed). */
LcDb *lc_application_get_db (LcApplication *self);
/* NULL when the org.lexcert.Lexcert schema is not installed: the
 * application then runs without remembering anything. */
GSettings *lc_application_get_settings (LcApplication *self);

/* Shows the sign-in window again and destroys @window. */
void lc_application_sign_out (LcApplication *self, GtkWindow *window);

G_END_DECLS
