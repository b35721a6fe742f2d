/* lc-users-page.h: the administrator's list of user accounts: add one,
 * set a new password, disable or enable an account. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_USERS_PAGE (lc_users_page_get_type ())
G_DECLARE_FINAL_TYPE (LcUsersPage, lc_users_page, LC, USERS_PAGE, GtkWidget)

/* @session must hold LC_PERM_MANAGE_USERS. */
LcUsersPage *lc_users_page_new (LcSession *session);
/* Reads the accounts again, in a worker thread. */
void lc_users_page_reload (LcUsersPage *self);

G_END_DECLS
