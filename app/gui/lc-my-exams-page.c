/* lc-my-exams-page.c: an officer's exams, open, upcoming and past. */
#define G_LOG_DOMAIN "lc-my-exams-page"

#include "config.h"

#include "lc-accessible.h"
#include "lc-exam.h"
#include "lc-i18n.h"
#include "lc-my-exams-page-private.h"
#include "lc-units.h"

G_DEFINE_FINAL_TYPE (LcMyExamsPage, lc_my_exams_page, GTK_TYPE_WIDGET)

static char *
format_instant (gint64 at)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The officer's newest submitted attempt of @exam_id, for its result. */
static gint64
last_submitted (LcMyExamsPage *self, gint64 exam_id)
{
  g_autoptr (GPtrArray) attempts =
      lc_exam_list_attempts (self->session, exam_id, lc_session_get_officer_id (self->session), NULL);
  gint64 found = 0;
  int no = 0;

  for (guint i = 0; attempts != NULL && i < attempts->len; i++)
    {
      LcAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->state != LC_ATTEMPT_IN_PROGRESS && attempt->no > no)
        {
          no = attempt->no;
          found = attempt->id;
        }
    }
  return found;
}

static char *
attempts_text (const LcMyExam *my)
{
  if (my->attempts_left < 0)
    return g_strdup (_ ("no limit on attempts"));
  if (my->exam->max_attempts > 0 && my->attempts_used > 0)
    /* Translators: “已考1次，共2次” */
    return g_strdup_printf (_ ("attempts used: %u of %d"), my->attempts_used, my->exam->max_attempts);
  return g_strdup_printf (ngettext ("%d attempt left", "%d attempts left", my->attempts_left), my->attempts_left);
}

static char *
score_text (const LcMyExam *my)
{
  if (my->has_best)
    {
      g_autofree char *best = lc_hundredths_format (my->best_score);
      g_autofree char *max = lc_hundredths_format (lc_exam_max_score (my->exam));

      /* Translators: in My exams: “最高成绩 85 / 100，合格” */
      return g_strdup_printf (_ ("best score %s of %s, %s"), best, max, my->passed ? _ ("passed") : _ ("not passed"));
    }
  if (my->awaiting_grading)
    return g_strdup (_ ("awaiting grading"));
  return NULL;
}

static GtkWidget *
make_button (const char *label, const char *action, gint64 target, const char *title, gboolean suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  lc_accessible_fix_mnemonic_name (button);
  /* Which exam the button is for, for a screen reader that reads the button alone. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  return button;
}

static GtkWidget *
make_row (LcMyExamsPage *self, const LcMyExam *my)
{
  const LcExam *exam = my->exam;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (exam->title);
  GtkWidget *detail;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *opens = format_instant (exam->opens_at);
  g_autofree char *closes = format_instant (exam->closes_at);
  g_autofree char *score = score_text (my);
  g_autofree char *joined = NULL;
  g_autofree char *summary = NULL;
  LcReviewPolicy policy = exam->review_policy;
  gboolean review_open = policy >= LC_REVIEW_ANSWERS && (!exam->review_after_close || my->when == LC_MY_EXAM_PAST);

  g_ptr_array_add (parts, g_strdup (lc_exam_purpose_display_name (exam->purpose)));
  switch (my->when)
    {
    case LC_MY_EXAM_OPEN:
      /* Translators: in My exams: “开放至 2026-06-30 17:00” */
      g_ptr_array_add (parts, g_strdup_printf (_ ("open until %s"), closes));
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d minute", "%d minutes", exam->minutes), exam->minutes));
      g_ptr_array_add (parts, attempts_text (my));
      if (my->attempt_in_progress != 0)
        g_ptr_array_add (parts, g_strdup (_ ("in progress")));
      break;
    case LC_MY_EXAM_UPCOMING:
      /* Translators: in My exams: “2026-07-01 09:00 开放，2026-07-15 17:00 截止” */
      g_ptr_array_add (parts, g_strdup_printf (_ ("opens %s, closes %s"), opens, closes));
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d minute", "%d minutes", exam->minutes), exam->minutes));
      g_ptr_array_add (parts, attempts_text (my));
      break;
    case LC_MY_EXAM_PAST:
      /* Translators: in My exams: “2026-06-30 17:00 已截止” */
      g_ptr_array_add (parts, g_strdup_printf (_ ("closed %s"), closes));
      if (my->attempts_used == 0)
        g_ptr_array_add (parts, g_strdup (_ ("not sat")));
      else if (exam->max_attempts > 0)
        g_ptr_array_add (parts, g_strdup_printf (_ ("attempts used: %u of %d"), my->attempts_used, exam->max_attempts));
      else
        g_ptr_array_add (
            /* TRANSLATORS: how often the officer sat an exam without a limit: 已考3次 */
            parts, g_strdup_printf (ngettext ("sat %u time", "sat %u times", my->attempts_used), my->attempts_used));
      break;
    }
  if (score != NULL)
    g_ptr_array_add (parts, g_strdup (score));
  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of an exam's line in My exams */
  joined = g_strjoinv (_ (" · "), (char **) parts->pdata);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  detail = gtk_label_new (joined);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (my->attempts_used > (my->attempt_in_progress != 0 ? 1u : 0u))
    {
      gint64 attempt_id = last_submitted (self, exam->id);

      if (attempt_id != 0)
        gtk_box_append (GTK_BOX (box), make_button (review_open ? _ ("_Review") : _ ("_Result"), "my-exams.result",
                                                    attempt_id, exam->title, FALSE));
    }
  if (my->when == LC_MY_EXAM_OPEN && my->can_start)
    gtk_box_append (GTK_BOX (box), make_button (my->attempt_in_progress != 0 ? _ ("_Resume") : _ ("_Start"),
                                                "my-exams.start", exam->id, exam->title, TRUE));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  summary = g_strdup_printf ("%s%s%s", exam->title, _ (" · "), joined);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  return row;
}

void
lc_my_exams_page_reload (LcMyExamsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  guint n_submitted = 0;

  g_return_if_fail (LC_IS_MY_EXAMS_PAGE (self));

  clear_list (self->open_list);
  clear_list (self->upcoming_list);
  clear_list (self->past_list);
  /* An attempt whose time ran out while the window was closed is
   * submitted now, so that its row shows the result, not Resume. */
  lc_exam_submit_overdue (self->session, 0, &n_submitted, NULL);
  mine = lc_exam_my_exams (self->session, lc_session_get_officer_id (self->session), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), mine == NULL);
  if (mine == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < mine->len; i++)
    {
      LcMyExam *my = g_ptr_array_index (mine, i);
      GtkListBox *list = my->when == LC_MY_EXAM_OPEN       ? self->open_list
                         : my->when == LC_MY_EXAM_UPCOMING ? self->upcoming_list
                                                           : self->past_list;

      gtk_list_box_append (list, make_row (self, my));
    }
}

static void
exam_window_destroyed (LcMyExamsPage *self)
{
  self->exam_window = NULL;
  lc_my_exams_page_reload (self);
}

static void
present_window (LcMyExamsPage *self, LcExamWindow *window)
{
  if (self->exam_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->exam_window));
  self->exam_window = window;
  g_signal_connect_object (window, "destroy", G_CALLBACK (exam_window_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWindow *
parent_window (LcMyExamsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
start_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcMyExamsPage *self = LC_MY_EXAMS_PAGE (widget);

  present_window (self, lc_exam_window_new (parent_window (self), self->session, g_variant_get_int64 (parameter)));
}

static void
result_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcMyExamsPage *self = LC_MY_EXAMS_PAGE (widget);

  present_window (self,
                  lc_exam_window_new_for_result (parent_window (self), self->session, g_variant_get_int64 (parameter)));
}

static void
lc_my_exams_page_dispose (GObject *object)
{
  LcMyExamsPage *self = LC_MY_EXAMS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_MY_EXAMS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->exam_window = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_my_exams_page_parent_class)->dispose (object);
}

static void
lc_my_exams_page_class_init (LcMyExamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_my_exams_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-my-exams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcMyExamsPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, LcMyExamsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, LcMyExamsPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, LcMyExamsPage, error_label);

  gtk_widget_class_install_action (widget_class, "my-exams.start", "x", start_action);
  gtk_widget_class_install_action (widget_class, "my-exams.result", "x", result_action);
}

static void
lc_my_exams_page_init (LcMyExamsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Fresh on every visit: an exam may have opened or been graded meanwhile. */
  g_signal_connect (self, "map", G_CALLBACK (lc_my_exams_page_reload), NULL);
}

LcMyExamsPage *
lc_my_exams_page_new (LcSession *session)
{
  LcMyExamsPage *self;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_MY_EXAMS_PAGE, NULL);
  self->session = g_object_ref (session);
  return self;
}
