/* lc-officers-page.h: the officer roster of the personnel office.
 *
 * A sortable, searchable table of every officer (100,000 stay responsive:
 * the filtering runs in steps), filters by department and by whether the
 * officer left, the selected officer's details beside it, and the roster's
 * import and export. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_OFFICERS_PAGE (lc_officers_page_get_type ())
G_DECLARE_FINAL_TYPE (LcOfficersPage, lc_officers_page, LC, OFFICERS_PAGE, GtkWidget)

/* Starts loading the roster in a worker thread; the page shows it when done. */
LcOfficersPage *lc_officers_page_new (LcSession *session);
/* Reads departments and officers again, in a worker thread. */
void lc_officers_page_reload (LcOfficersPage *self);
void lc_officers_page_focus_search (LcOfficersPage *self);

G_END_DECLS
