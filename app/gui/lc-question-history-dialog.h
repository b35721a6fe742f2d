/* lc-question-history-dialog.h: a question's versions and what changed
 * between any two of them, field by field.
 *
 * Opened from the Question bank page for the chosen question:
 *
 *   g_autoptr (GError) error = NULL;
 *   LcQuestionHistoryDialog *dialog =
 *       lc_question_history_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), session, uid, &error);
 *   if (dialog == NULL)
 *     show_error (self, error->message);
 *   else
 *     gtk_window_present (GTK_WINDOW (dialog));
 *
 * Reading follows the bank's permissions (trainers, personnel, administrators). */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_QUESTION_HISTORY_DIALOG (lc_question_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcQuestionHistoryDialog, lc_question_history_dialog, LC, QUESTION_HISTORY_DIALOG, GtkWindow)

/* The history of the question @uid, comparing the version before the
 * newest with the newest. NULL with @error (LcBankError, LcAuthError,
 * LcDbError, translated) when the versions cannot be read. Modal on @parent. */
LcQuestionHistoryDialog *lc_question_history_dialog_new (GtkWindow *parent, LcSession *session, const char *uid,
                                                         GError **error);

G_END_DECLS
