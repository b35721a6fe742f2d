/* lc-officers-page-private.h: the roster page's parts, for its sibling
 * lc-officers-page-transfer.c and its tests. */
#pragma once

#include "lc-officer-detail.h"
#include "lc-officers-page.h"

G_BEGIN_DECLS

/* The slow work that runs in a worker thread, on its own connection. */
typedef enum
{
  LC_OFFICERS_JOB_NONE,
  LC_OFFICERS_JOB_IMPORT,
  LC_OFFICERS_JOB_EXPORT,
} LcOfficersJob;

struct _LcOfficersPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkButton *add_button;
  GtkButton *edit_button;
  GtkButton *import_button;
  GtkButton *export_button;
  GtkLabel *count_label;
  GtkSpinner *spinner;
  GtkSearchEntry *search_entry;
  GtkDropDown *department_dropdown;
  GtkCheckButton *left_check;
  GtkLabel *error_label;
  GtkPaned *paned;
  GtkColumnView *column_view;
  GtkLabel *empty_label;
  LcOfficerDetail *detail;

  /* owned */
  LcSession *session;
  GListStore *store; /* LcOfficerObject, every officer, those who left too */
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  GtkFilter *text_filter;
  GtkFilter *department_filter;
  GtkFilter *left_filter;
  GListStore *departments;        /* LcDepartmentItem, “all departments” first */
  GHashTable *department_subtree; /* gint64 ids the filter lets through; NULL: all */
  char *needle;                   /* the search text, case-folded; "" matches all */
  GHashTable *department_paths;   /* gint64 id -> GRefString "bureau/squad" */
  GtkNativeDialog *file_chooser;  /* the import or export chooser while open */
  GCancellable *load_cancellable; /* while the roster loads */
  GCancellable *job_cancellable;  /* while an import or export runs */
  LcOfficersJob job;
  char *job_text; /* what the running job is doing, for the status line */
  guint job_serial;
  gboolean loaded; /* once the first load has finished */
};

/* Shared by lc-officers-page.c and lc-officers-page-transfer.c. */
GtkWindow *_lc_officers_page_parent_window (LcOfficersPage *self);
void _lc_officers_page_update_count (LcOfficersPage *self);
void _lc_officers_page_update_actions (LcOfficersPage *self);
/* The "officers.import" and "officers.export" actions: choose a file, then
 * _lc_officers_page_import_file() or _lc_officers_page_export_file(). */
void _lc_officers_page_import_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _lc_officers_page_export_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* TRUE while the roster loads, an import or export runs, or a filter or
 * sort has not finished. */
gboolean _lc_officers_page_is_busy (LcOfficersPage *self);

/* What the Import Roster… and Export… buttons do once a file is chosen:
 * start the work in a thread, and report in a message dialog when it is
 * done (an import then reloads the roster). FALSE when it cannot start
 * (another import or export runs, or no connection could be opened). */
gboolean _lc_officers_page_import_file (LcOfficersPage *self, const char *path);
gboolean _lc_officers_page_export_file (LcOfficersPage *self, const char *path, gboolean xlsx);

G_END_DECLS
