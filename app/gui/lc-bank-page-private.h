/* lc-bank-page-private.h: the Question bank page's parts, for its tests. */
#pragma once

#include "lc-bank-page.h"
#include "lc-exam-stats.h"
#include "lc-bank.h"

G_BEGIN_DECLS

struct _LcBankPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkListView *category_list;
  GtkSearchEntry *search_entry;
  GtkDropDown *type_dropdown;
  GtkDropDown *difficulty_dropdown;
  GtkDropDown *status_dropdown;
  GtkDropDown *law_dropdown;
  GtkLabel *count_label;
  GtkColumnView *question_view;
  GtkLabel *detail_label;
  GtkButton *status_button;
  GtkButton *export_button;
  GtkButton *new_button;
  GtkButton *edit_button;
  GtkButton *history_button;
  GtkLabel *error_label;

  /* owned */
  LcSession *session;
  GPtrArray *law_slugs;            /* char *, NULL first for any law */
  GListStore *category_roots;      /* LcCategoryNode, "All categories" first */
  GtkTreeListModel *category_tree; /* over category_roots, every level open */
  gboolean loading_categories;     /* the tree is being filled again */
  GtkSingleSelection *category_selection;
  GListStore *questions; /* LcBankItem */
  GtkSingleSelection *question_selection;
  GCancellable *cancellable; /* of the running search */
  guint debounce_id;
  LcQuestion *shown; /* the detailed question, or NULL */
  GtkNativeDialog *file_chooser;
  char *select_after_search;          /* the uid to choose once the list is read again */
  gboolean select_first_after_search; /* Enter was pressed before the search ended */
  GHashTable *stats_marks;            /* question id -> LcQuestionStatsMark: the latest item statistics, or NULL */
};

/* TRUE while a search runs or waits to run. */
gboolean _lc_bank_page_is_busy (LcBankPage *self);
/* The statistics column's text ("" without a verdict, "OK", "⚠ too hard")
 * and tooltip (NULL without a verdict) for a question's latest verdict. */
char *_lc_bank_page_stats_text (const LcQuestionStatsMark *mark);
char *_lc_bank_page_stats_tooltip (const LcQuestionStatsMark *mark);
/* Selects the listed question @uid; FALSE when it is not listed. */
gboolean _lc_bank_page_select_uid (LcBankPage *self, const char *uid);
/* Chooses the category @path (NULL: all) in the tree; FALSE when it is not shown. */
gboolean _lc_bank_page_select_category (LcBankPage *self, const char *path);
/* The uid of the listed question at @position. */
const char *_lc_bank_page_get_uid (LcBankPage *self, guint position);

/* Opens the question editor for a new question (@uid NULL) or the question
 * @uid, as New… and Edit… do; the editor is returned for tests to drive. */
GtkWidget *_lc_bank_page_open_editor (LcBankPage *self, const char *uid);

/* Opens the import dialog as Import… does, without its file chooser. */
GtkWidget *_lc_bank_page_open_import (LcBankPage *self);

/* Writes @format ("gift": the chosen category, "xlsx" or "csv": the listed
 * questions) to @path, as Export… does after its file chooser. */
gboolean _lc_bank_page_export_file (LcBankPage *self, const char *path, const char *format, GError **error);

G_END_DECLS
