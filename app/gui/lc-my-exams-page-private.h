/* lc-my-exams-page-private.h: the page's parts, for its tests. */
#pragma once

#include "lc-exam-window.h"
#include "lc-my-exams-page.h"

G_BEGIN_DECLS

struct _LcMyExamsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkListBox *open_list;
  GtkListBox *upcoming_list;
  GtkListBox *past_list;
  GtkLabel *error_label;

  /* borrowed: the exam window open from here, or NULL */
  LcExamWindow *exam_window;

  /* owned */
  LcSession *session;
};

G_END_DECLS
