/* lc-bank-import-dialog-private.h: the import dialog's parts, for its tests. */
#pragma once

#include "lc-bank-import-dialog.h"
#include "lc-bank.h"

G_BEGIN_DECLS

/* One question of the previewed file, as a row of the list. */
#define LC_TYPE_BANK_IMPORT_ROW (lc_bank_import_row_get_type ())
G_DECLARE_FINAL_TYPE (LcBankImportRow, lc_bank_import_row, LC, BANK_IMPORT_ROW, GObject)

struct _LcBankImportRow
{
  GObject parent_instance;

  LcBankImportOutcome outcome;
  char *outcome_label; /* translated */
  char *line;          /* the GIFT line or the table row, as text */
  char *uid;
  char *category;
  char *text; /* the question's first line; for a skipped one, its kind and name */
};

typedef enum
{
  LC_BANK_IMPORT_JOB_NONE,
  LC_BANK_IMPORT_JOB_PREVIEW,
  LC_BANK_IMPORT_JOB_IMPORT,
} LcBankImportJob;

typedef struct _LcBankImportSource LcBankImportSource;

struct _LcBankImportDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *file_label;
  GtkButton *choose_button;
  GtkCheckButton *skip_check;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkLabel *error_label;
  GtkWidget *counts_grid;
  GtkLabel *added_count;
  GtkLabel *updated_count;
  GtkLabel *unchanged_count;
  GtkLabel *skipped_count;
  GtkWidget *questions_box;
  GtkColumnView *questions_view;
  GtkColumnViewColumn *line_column;
  GtkWidget *problems_box;
  GtkListView *problems_view;
  GtkButton *cancel_button;
  GtkButton *import_button;

  /* owned */
  LcSession *session;
  char *path;                 /* the chosen file, or NULL */
  LcBankImportSource *source; /* what was read of it (shared with workers), or NULL */
  GListStore *rows;           /* LcBankImportRow */
  GtkStringList *problems;
  LcBankImportResult result;
  gboolean can_import; /* the last preview succeeded and something would change */
  LcBankImportJob job;
  guint job_serial;
  GCancellable *cancellable; /* of the running job */
  GtkNativeDialog *file_chooser;
};

/* Previews @path as if the user had chosen it. */
void _lc_bank_import_dialog_load_path (LcBankImportDialog *self, const char *path);
/* TRUE while a preview or an import runs. */
gboolean _lc_bank_import_dialog_is_busy (LcBankImportDialog *self);

G_END_DECLS
