/* lc-paper-dialog-private.h: the paper dialog's parts, for its tests. */
#pragma once

#include "lc-paper-dialog.h"

G_BEGIN_DECLS

struct _LcPaperDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *summary_label;
  GtkTextView *paper_view;
  GtkButton *another_button;

  /* owned */
  LcSession *session;
  gint64 exam_id; /* a preview's exam, else 0 */
  LcPaper *paper;
};

/* The paper shown. */
const LcPaper *_lc_paper_dialog_get_paper (LcPaperDialog *self);
/* Draws another sample, as "Another Sample" does. */
gboolean _lc_paper_dialog_draw (LcPaperDialog *self, GError **error);

G_END_DECLS
