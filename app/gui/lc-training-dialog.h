/* lc-training-dialog.h: record hours of training an officer took outside
 * Lexcert (the personnel office enters them). Emits ::saved once stored. */
#pragma once

#include <gtk/gtk.h>

#include "lc-people.h"

G_BEGIN_DECLS

#define LC_TYPE_TRAINING_DIALOG (lc_training_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcTrainingDialog, lc_training_dialog, LC, TRAINING_DIALOG, GtkWindow)

LcTrainingDialog *lc_training_dialog_new (GtkWindow *parent, LcSession *session, const LcOfficer *officer);

G_END_DECLS
