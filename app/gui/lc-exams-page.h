/* lc-exams-page.h: the trainer's Exams page: every exam with its status,
 * attempts and pass rate; define, edit, duplicate, publish and delete them;
 * for the chosen exam its definition, who is sitting it now, its results
 * and the attempts awaiting grading. The personnel office reads the same
 * page without the trainer's actions, papers or grading. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_EXAMS_PAGE (lc_exams_page_get_type ())
G_DECLARE_FINAL_TYPE (LcExamsPage, lc_exams_page, LC, EXAMS_PAGE, GtkWidget)

/* The window shows the page to those with LC_PERM_READ_RESULTS; the
 * trainer's actions need LC_PERM_MANAGE_EXAMS, grading LC_PERM_GRADE. */
LcExamsPage *lc_exams_page_new (LcSession *session);

/* The exam chosen in the list, or 0 (for the export actions). */
gint64 lc_exams_page_get_exam_id (LcExamsPage *self);

G_END_DECLS
