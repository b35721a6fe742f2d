/* lc-question-editor-private.h: the question editor's parts, for its tests. */
#pragma once

#include "lc-bank.h"
#include "lc-question-editor.h"

G_BEGIN_DECLS

struct _LcQuestionEditor
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkDropDown *type_dropdown;
  GtkSpinButton *difficulty_spin;
  GtkLabel *status_label;
  GtkDropDown *status_dropdown;
  GtkEntry *category_entry;
  GtkTextView *stem_view;
  GtkLabel *options_label;
  GtkStack *answer_stack;
  GtkLabel *options_hint;
  GtkBox *options_box;
  GtkButton *add_option_button;
  GtkCheckButton *true_button;
  GtkCheckButton *false_button;
  GtkTextView *model_answer_view;
  GtkTextView *explanation_view;
  GtkDropDown *law_dropdown;
  GtkSpinButton *article_spin;
  GtkLabel *basis_text_label;
  GtkLabel *error_label;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  LcQuestion *original; /* the question being edited, or NULL for a new one */
  GPtrArray *rows;      /* OptionRow *, in the order of options_box */
  GPtrArray *laws;      /* LcLawVersion *, as listed after "no legal basis" */
  gboolean touched;     /* a new, untouched form shows no complaints yet */
  gboolean building;    /* the form is being filled by the program */
};

/* The question as the form stands. */
LcQuestion *_lc_question_editor_read_form (LcQuestionEditor *self);
/* What Save does, without closing: @uid gets the question's uid. */
gboolean _lc_question_editor_save (LcQuestionEditor *self, char **uid, GError **error);

G_END_DECLS
