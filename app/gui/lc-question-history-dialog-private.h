/* lc-question-history-dialog-private.h: the history dialog's parts, for its tests. */
#pragma once

#include "lc-bank.h"
#include "lc-question-history-dialog.h"

G_BEGIN_DECLS

struct _LcQuestionHistoryDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *question_label;
  GtkColumnView *version_view;
  GtkDropDown *from_dropdown;
  GtkDropDown *to_dropdown;
  GtkLabel *summary_label;
  GtkWidget *column_headings;
  GtkLabel *old_heading;
  GtkLabel *new_heading;
  GtkBox *fields_box;
  GtkLabel *error_label;
  GtkButton *close_button;

  /* owned */
  LcSession *session;
  char *uid;
  GPtrArray *versions; /* LcQuestion *, oldest first, from lc_bank_list_versions() */
  GPtrArray *full;     /* LcQuestion * or NULL, by index: the version with its basis label, read when needed */
  GListStore *rows;    /* LcHistoryVersion */
  GtkSingleSelection *version_selection;
  GtkStringList *version_names; /* the pickers' model */
  GPtrArray *field_views;       /* GtkTextView *, two a field shown: old, new */
  GPtrArray *field_labels;      /* char *, a field shown */
  gboolean syncing;             /* the pickers and the list are being set together */
};

/* Versions listed. */
guint _lc_question_history_dialog_get_n_versions (LcQuestionHistoryDialog *self);
/* Sets the pickers to versions @from_no and @to_no (1, 2, …) and shows the difference. */
void _lc_question_history_dialog_compare (LcQuestionHistoryDialog *self, int from_no, int to_no);
/* The fields shown as different, their labels, and the text view of a field's
 * old (@new_side FALSE) or new text; the views' buffers carry the tags
 * "deleted" and "inserted" on the changed runs. */
guint _lc_question_history_dialog_get_n_fields (LcQuestionHistoryDialog *self);
const char *_lc_question_history_dialog_get_field_label (LcQuestionHistoryDialog *self, guint i);
GtkTextView *_lc_question_history_dialog_get_field_view (LcQuestionHistoryDialog *self, guint i, gboolean new_side);

G_END_DECLS
