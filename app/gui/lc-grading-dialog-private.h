/* lc-grading-dialog-private.h: the grading dialog's parts, for its tests. */
#pragma once

#include "lc-grading-dialog.h"

G_BEGIN_DECLS

/* One essay item of the attempt. */
typedef struct
{
  int pos;
  gint64 max_points;
  GtkSpinButton *points;
  GtkEntry *comment;
  GtkButton *save;
  GtkLabel *status;
} LcGradeRow;

struct _LcGradingDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *summary_label;
  GtkBox *items_box;
  GtkLabel *error_label;
  GtkButton *next_button;

  /* owned */
  LcSession *session;
  gint64 attempt_id;
  LcPaper *paper;
  GPtrArray *rows; /* LcGradeRow *, one per essay item */
};

/* Saves the grade of row @index as its Save button does. */
gboolean _lc_grading_dialog_save_item (LcGradingDialog *self, guint index, GError **error);
/* Moves to the exam's next attempt awaiting grading; FALSE when there is none. */
gboolean _lc_grading_dialog_next (LcGradingDialog *self);

G_END_DECLS
