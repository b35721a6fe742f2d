/* lc-window-private.h: the window's parts, for its tests. */
#pragma once

#include "lc-account-page.h"
#include "lc-officer-detail.h"
#include "lc-officers-page.h"
#include "lc-window.h"

G_BEGIN_DECLS

struct _LcWindow
{
  GtkApplicationWindow parent_instance;

  /* template widgets */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkMenuButton *menu_button;
  GtkStackSidebar *sidebar;
  GtkStack *stack;

  /* borrowed: pages owned by the stack, NULL when the role has not got them */
  LcOfficersPage *officers_page;
  LcOfficerDetail *record_detail;
  LcAccountPage *account_page;

  /* owned */
  LcSession *session;
};

G_END_DECLS
