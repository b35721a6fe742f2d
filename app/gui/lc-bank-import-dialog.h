/* lc-bank-import-dialog.h: importing questions from a GIFT, XLSX or CSV
 * file, after a preview of what the import would do.
 *
 * The chosen file is read and imported as a dry run (LC_BANK_IMPORT_DRY_RUN)
 * off the UI thread; the dialog then shows how many questions would be
 * added, updated, left unchanged and skipped, each question with its
 * outcome, or every problem that makes the file refused. Import stores what
 * the preview showed, all or nothing, emits ::imported and closes.
 *
 *   LcBankImportDialog *dialog = lc_bank_import_dialog_new (window, session);
 *   g_signal_connect_object (dialog, "imported", G_CALLBACK (reload_bank), page, G_CONNECT_SWAPPED);
 *   gtk_window_present (GTK_WINDOW (dialog));
 *   lc_bank_import_dialog_choose_file (dialog);
 */
#pragma once

#include <gtk/gtk.h>

#include "lc-bank.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_BANK_IMPORT_DIALOG (lc_bank_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcBankImportDialog, lc_bank_import_dialog, LC, BANK_IMPORT_DIALOG, GtkWindow)

/* @parent may be NULL; @session needs LC_PERM_MANAGE_CONTENT (without it
 * the dialog shows the core's refusal). The dialog is modal and not yet shown. */
LcBankImportDialog *lc_bank_import_dialog_new (GtkWindow *parent, LcSession *session);
/* Opens the file chooser (GIFT, Excel, CSV); a chosen file is previewed at once. */
void lc_bank_import_dialog_choose_file (LcBankImportDialog *self);
/* The counts of the last preview, or of the import once ::imported was emitted. */
const LcBankImportResult *lc_bank_import_dialog_get_result (LcBankImportDialog *self);

G_END_DECLS
