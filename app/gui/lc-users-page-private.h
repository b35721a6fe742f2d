/* lc-users-page-private.h: the Users page's parts, for its tests. */
#pragma once

#include "lc-users-page.h"

G_BEGIN_DECLS

struct _LcUsersPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkButton *add_button;
  GtkButton *reset_button;
  GtkButton *disable_button;
  GtkButton *enable_button;
  GtkLabel *count_label;
  GtkSpinner *spinner;
  GtkLabel *error_label;
  GtkColumnView *column_view;

  /* owned */
  LcSession *session;
  GListStore *store; /* LcUserObject, every account */
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  GCancellable *load_cancellable; /* while the accounts load */
  char *select_login;             /* to select once the load is done */
  gboolean loaded;                /* once the first load has finished */
};

/* TRUE while the accounts load. */
gboolean _lc_users_page_is_busy (LcUsersPage *self);
/* Selects the account @login; FALSE when it is not in the list. */
gboolean _lc_users_page_select (LcUsersPage *self, const char *login);

G_END_DECLS
