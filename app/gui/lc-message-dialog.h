/* lc-message-dialog.h: a small window that tells the user something, with
 * an optional scrolled list of details (for example every refused row of an
 * import). GTK 4.8 has no GtkAlertDialog; this takes its place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_MESSAGE_DIALOG (lc_message_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcMessageDialog, lc_message_dialog, LC, MESSAGE_DIALOG, GtkWindow)

/* @parent may be NULL. */
LcMessageDialog *lc_message_dialog_new (GtkWindow *parent, const char *heading, const char *body);
/* Shows @lines (NULL-terminated or @n_lines long) below the body, one a line. */
void lc_message_dialog_set_details (LcMessageDialog *self, const char *const *lines, gssize n_lines);

/* Makes, presents and forgets a message dialog. */
void lc_message_dialog_show (GtkWindow *parent, const char *heading, const char *body);

G_END_DECLS
