/* lc-question-editor.h: write a new question or a new version of one.
 *
 * The form is checked at every change with the core's own rules
 * (lc_question_validate() and the basis article's lookup); the reason shows
 * under the form, the control at fault is marked, and Save waits until the
 * question is valid. Saving an existing question adds a version: the ones
 * before stay as they were, for the attempts that showed them.
 * Emits ::saved with the question's uid. */
#pragma once

#include <gtk/gtk.h>

#include "lc-bank.h"

G_BEGIN_DECLS

#define LC_TYPE_QUESTION_EDITOR (lc_question_editor_get_type ())
G_DECLARE_FINAL_TYPE (LcQuestionEditor, lc_question_editor, LC, QUESTION_EDITOR, GtkWindow)

/* @uid NULL writes a new question in @category (NULL: none chosen yet);
 * otherwise a new version of the question @uid, or NULL with @error when it
 * cannot be read. */
LcQuestionEditor *lc_question_editor_new (GtkWindow *parent, LcSession *session, const char *uid, const char *category,
                                          GError **error);

G_END_DECLS
