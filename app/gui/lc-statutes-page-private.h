/* lc-statutes-page-private.h: the Statutes page's parts, for its tests. */
#pragma once

#include "lc-statutes-page.h"

G_BEGIN_DECLS

struct _LcStatutesPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkListView *law_list;
  GtkDropDown *version_dropdown;
  GtkToggleButton *compare_button;
  GtkStack *mode_stack;
  GtkSearchEntry *search_entry;
  GtkLabel *article_count_label;
  GtkListView *article_list;
  GtkLabel *article_heading;
  GtkLabel *article_place;
  GtkLabel *article_text;
  GtkDropDown *old_dropdown;
  GtkDropDown *new_dropdown;
  GtkDropDown *kind_dropdown;
  GtkLabel *summary_label;
  GtkListView *change_list;
  GtkLabel *change_heading;
  GtkLabel *old_heading;
  GtkLabel *old_text;
  GtkLabel *new_heading;
  GtkLabel *new_text;
  GtkLabel *error_label;

  /* owned */
  LcSession *session;
  GPtrArray *versions; /* LcLawVersion *, every stored version, by slug and date */
  GPtrArray *articles; /* LcArticle *, of the shown version */
  GPtrArray *changes;  /* LcArticleChange *, of the comparison */
  GListStore *laws;    /* LcStatuteItem, one a law */
  GtkSingleSelection *law_selection;
  GtkStringList *version_dates; /* of the chosen law, newest first */
  GListStore *article_items;    /* LcStatuteItem, chapter headings and articles */
  GtkCustomFilter *article_filter;
  GtkFilterListModel *article_filter_model;
  GtkSingleSelection *article_selection;
  GListStore *change_items; /* LcStatuteItem, one a change */
  GtkCustomFilter *change_filter;
  GtkSingleSelection *change_selection;
  GCancellable *cancellables[3]; /* of the running load of laws, articles, comparison */
  guint counts[5];               /* added, removed, changed, renumbered, unchanged */
  char *query;                   /* the article search, casefolded */
  gboolean updating;             /* while the pickers are refilled */
};

/* TRUE while anything loads. */
gboolean _lc_statutes_page_is_busy (LcStatutesPage *self);
/* Chooses the law @slug; FALSE when it is not listed. */
gboolean _lc_statutes_page_select_law (LcStatutesPage *self, const char *slug);
/* Chooses the version of @date in the version picker. */
gboolean _lc_statutes_page_select_version (LcStatutesPage *self, const char *date);
/* How many articles the middle list shows (headings not counted). */
guint _lc_statutes_page_count_shown_articles (LcStatutesPage *self);
/* Selects the shown article number @no; FALSE when it is not shown. */
gboolean _lc_statutes_page_select_article (LcStatutesPage *self, int no);
/* Selects the shown change whose new article has number @no (a removed one: -old number). */
gboolean _lc_statutes_page_select_change (LcStatutesPage *self, int no);

G_END_DECLS
