/* lc-exam-dialog.h: define an exam — its window, rules, who may sit it and
 * its blueprint.
 *
 * The form is checked at every change with the core's own rules
 * (lc_exam_validate()); the control at fault is marked and Save waits until
 * the exam is valid. Each blueprint section shows how many active questions
 * of the bank fit it (lc_exam_section_available()), and a section the bank
 * cannot fill is marked with the shortfall. A new exam is saved as a draft.
 * Emits ::saved with the exam's id. */
#pragma once

#include <gtk/gtk.h>

#include "lc-exam.h"

G_BEGIN_DECLS

#define LC_TYPE_EXAM_DIALOG (lc_exam_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcExamDialog, lc_exam_dialog, LC, EXAM_DIALOG, GtkWindow)

/* @exam_id 0 defines a new exam; otherwise edits the stored exam, or
 * returns NULL with @error when it cannot be read. With @duplicate the
 * stored exam is the starting point of a new one. */
LcExamDialog *lc_exam_dialog_new (GtkWindow *parent, LcSession *session, gint64 exam_id, gboolean duplicate,
                                  GError **error);

/* An instant as the exam forms show and take it: "2026-06-01 09:00", local time. */
char *lc_exam_format_time (gint64 instant);
/* Reads "YYYY-MM-DD HH:MM" (seconds optional) in local time; FALSE when malformed. */
gboolean lc_exam_parse_time (const char *text, gint64 *instant);

G_END_DECLS
