/* lc-statutes-page.h: the trainer's Statutes page: laws, their versions,
 * chapters and articles, and what changed between two versions. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_STATUTES_PAGE (lc_statutes_page_get_type ())
G_DECLARE_FINAL_TYPE (LcStatutesPage, lc_statutes_page, LC, STATUTES_PAGE, GtkWidget)

/* Any signed-in session may read statutes; the window shows the page to
 * those with LC_PERM_MANAGE_CONTENT. */
LcStatutesPage *lc_statutes_page_new (LcSession *session);

G_END_DECLS
