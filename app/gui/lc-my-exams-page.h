/* lc-my-exams-page.h: an officer's exams: those open now (Start or Resume),
 * those still to come, and those past with the best score, the attempts
 * used and left, and a Review where the exam's policy allows. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_MY_EXAMS_PAGE (lc_my_exams_page_get_type ())
G_DECLARE_FINAL_TYPE (LcMyExamsPage, lc_my_exams_page, LC, MY_EXAMS_PAGE, GtkWidget)

/* @session: an officer's */
LcMyExamsPage *lc_my_exams_page_new (LcSession *session);
/* Reads the exams again (the page does on map and when an exam window closes). */
void lc_my_exams_page_reload (LcMyExamsPage *self);

G_END_DECLS
