/* lc-exam-window-private.h: the exam window's parts, for its tests. */
#pragma once

#include "lc-exam-window.h"
#include "lc-exam.h"

G_BEGIN_DECLS

struct _LcExamWindow
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkLabel *intro_title_label;
  GtkLabel *intro_body_label;
  GtkLabel *intro_error_label;
  GtkButton *begin_button;
  GtkWidget *exam_page;
  GtkLabel *title_label;
  GtkLabel *officer_label;
  GtkLabel *countdown_label;
  GtkToggleButton *large_text_button;
  GtkButton *leave_button;
  GtkButton *submit_button;
  GtkGrid *navigator;
  GtkLabel *position_label;
  GtkLabel *stem_label;
  GtkBox *options_box;
  GtkEntry *fill_entry;
  GtkScrolledWindow *essay_window;
  GtkTextView *essay_view;
  GtkButton *previous_button;
  GtkToggleButton *flag_button;
  GtkButton *next_button;
  GtkLabel *status_label;
  GtkWidget *confirm_page;
  GtkLabel *confirm_heading;
  GtkLabel *confirm_body_label;
  GtkButton *confirm_submit_button;
  GtkButton *confirm_back_button;
  GtkWidget *leave_page;
  GtkLabel *leave_body_label;
  GtkButton *leave_stay_button;
  GtkButton *leave_confirm_button;
  GtkLabel *result_heading;
  GtkLabel *result_score_label;
  GtkLabel *result_detail_label;
  GtkButton *review_button;
  GtkButton *result_close_button;
  GtkListBox *review_list;
  GtkLabel *review_heading;

  /* borrowed: made per question, owned by their boxes */
  GPtrArray *option_buttons; /* GtkCheckButton * in the order shown */
  GPtrArray *nav_buttons;    /* GtkButton * per item */
  GPtrArray *dialogs;        /* our own LcMessageDialog * still open */

  /* owned */
  LcSession *session;
  LcExam *exam;
  LcPaper *paper;
  gint64 exam_id;
  gint64 attempt_id;
  guint current;                       /* index into paper->items */
  GtkShortcutController *shortcuts;    /* the keys of the questions */
  GtkShortcutController *confirm_keys; /* Enter and Escape in the confirmations */
  guint tick_id;
  guint save_text_id;
  guint focus_check_id; /* the focus has left our windows: counted unless it comes back at once */
  guint ticks;
  gint64 remaining;   /* seconds, from the server's clock at the last tick */
  GPtrArray *unsaved; /* per item: the answer given but refused by the database (char *), or NULL */
  gboolean away;      /* a focus loss was counted: the next needs our windows active first */
  gboolean loading;   /* filling the widgets: not an answer */
  gboolean leaving;   /* the officer confirmed closing the window */
};

/* One second of the countdown, as the timer runs it: re-reads the server's
 * time, commits a typed answer still waiting, retries the answers the
 * database refused, and submits at the deadline. */
void _lc_exam_window_tick (LcExamWindow *self);
/* What the window does when the officer has left it (neither it nor one
 * of its own dialogs is active): records a focus loss and warns. */
void _lc_exam_window_focus_lost (LcExamWindow *self);
/* Commits a typed answer still waiting for its pause. */
void _lc_exam_window_flush (LcExamWindow *self);

G_END_DECLS
