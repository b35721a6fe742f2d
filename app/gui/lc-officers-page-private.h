/* lc-officers-page-private.h: the roster page's parts, for its tests. */
#pragma once

#include "lc-officer-detail.h"
#include "lc-officers-page.h"

G_BEGIN_DECLS

struct _LcOfficersPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkButton *add_button;
  GtkButton *edit_button;
  GtkButton *import_button;
  GtkButton *export_button;
  GtkLabel *count_label;
  GtkSearchEntry *search_entry;
  GtkDropDown *department_dropdown;
  GtkCheckButton *left_check;
  GtkLabel *error_label;
  GtkPaned *paned;
  GtkColumnView *column_view;
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
  GtkNativeDialog *file_chooser;  /* the import or export chooser while open */
  guint load_source;
  gboolean loaded;
};

/* TRUE until the roster is loaded and every filter has finished. */
gboolean _lc_officers_page_is_busy (LcOfficersPage *self);

/* What the Import Roster… and Export… buttons do once a file is chosen;
 * both report in a message dialog. TRUE on success. */
gboolean _lc_officers_page_import_file (LcOfficersPage *self, const char *path);
gboolean _lc_officers_page_export_file (LcOfficersPage *self, const char *path, gboolean xlsx);

G_END_DECLS
