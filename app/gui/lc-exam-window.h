/* lc-exam-window.h: the window in which an officer sits an exam.
 *
 * Full screen: first the instructions with a Start button (or, for an
 * attempt in progress, straight back to the questions), then one question
 * at a time with a navigator, a countdown against the stored deadline and
 * every answer committed as it is given; then the result and, where the
 * exam's review policy allows, the review of the answers. Everything works
 * from the keyboard (1–9 or A–H choose, arrows and PageUp/PageDown move,
 * Home/End, F flags, Ctrl+Enter submits). Leaving the window is recorded as
 * a focus loss (切屏). Closing it mid-exam leaves the attempt running: My
 * exams resumes it. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_EXAM_WINDOW (lc_exam_window_get_type ())
G_DECLARE_FINAL_TYPE (LcExamWindow, lc_exam_window, LC, EXAM_WINDOW, GtkWindow)

/* Sits @exam_id as the officer of @session: shows the instructions, or
 * resumes the attempt in progress. @parent may be NULL. */
LcExamWindow *lc_exam_window_new (GtkWindow *parent, LcSession *session, gint64 exam_id);
/* Shows the result of the submitted attempt @attempt_id, with its review
 * where the policy allows. */
LcExamWindow *lc_exam_window_new_for_result (GtkWindow *parent, LcSession *session, gint64 attempt_id);
/* The attempt shown, or 0 before it has started. */
gint64 lc_exam_window_get_attempt_id (LcExamWindow *self);

G_END_DECLS
