/* lc-paper-dialog.h: one paper, read-only, with its answer key: a sample
 * paper drawn from an exam's blueprint (nothing is stored; "Another Sample"
 * draws again with a fresh seed), or an officer's attempt with the answers
 * given and the points each earned, for trainers. */
#pragma once

#include <gtk/gtk.h>

#include "lc-exam.h"

G_BEGIN_DECLS

#define LC_TYPE_PAPER_DIALOG (lc_paper_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcPaperDialog, lc_paper_dialog, LC, PAPER_DIALOG, GtkWindow)

/* A sample paper of the stored exam @exam_id (lc_exam_assemble()), or NULL
 * with @error (a shortfall of the bank, a permission). */
LcPaperDialog *lc_paper_dialog_new_preview (GtkWindow *parent, LcSession *session, gint64 exam_id, GError **error);
/* The paper of the attempt @attempt_id (lc_exam_get_paper()), or NULL with @error. */
LcPaperDialog *lc_paper_dialog_new_attempt (GtkWindow *parent, LcSession *session, gint64 attempt_id, GError **error);

G_END_DECLS
