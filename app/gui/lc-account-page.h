/* lc-account-page.h: the signed-in user's own account: login, role, the
 * officer it belongs to, and a way to change its password. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_ACCOUNT_PAGE (lc_account_page_get_type ())
G_DECLARE_FINAL_TYPE (LcAccountPage, lc_account_page, LC, ACCOUNT_PAGE, GtkWidget)

LcAccountPage *lc_account_page_new (LcSession *session);

G_END_DECLS
