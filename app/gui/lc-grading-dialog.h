/* lc-grading-dialog.h: grade the essay (case-analysis) answers of an
 * attempt awaiting grading, each beside its question, model answer and
 * scoring points; each item is saved on its own (lc_exam_grade_item()), and
 * "Next Attempt" moves to the exam's next attempt awaiting grading.
 * Emits ::graded with the attempt's id after each item saved. */
#pragma once

#include <gtk/gtk.h>

#include "lc-exam.h"

G_BEGIN_DECLS

#define LC_TYPE_GRADING_DIALOG (lc_grading_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcGradingDialog, lc_grading_dialog, LC, GRADING_DIALOG, GtkWindow)

/* Grades the attempt @attempt_id (needs LC_PERM_GRADE), or NULL with @error. */
LcGradingDialog *lc_grading_dialog_new (GtkWindow *parent, LcSession *session, gint64 attempt_id, GError **error);

G_END_DECLS
