/* lc-grading-dialog.c: grade the essay answers of an attempt. */
#define G_LOG_DOMAIN "lc-grading-dialog"

#include "config.h"

#include "lc-accessible.h"
#include "lc-grading-dialog-private.h"
#include "lc-i18n.h"
#include "lc-paper-dialog.h"
#include "lc-units.h"

enum
{
  GRADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcGradingDialog, lc_grading_dialog, GTK_TYPE_WINDOW)

static gboolean load (LcGradingDialog *self, gint64 attempt_id, GError **error);

static void
show_error (LcGradingDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The heading and how many essays still wait, from the attempt as stored. */
static void
show_summary (LcGradingDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcAttempt) attempt = lc_exam_get_attempt (self->session, self->attempt_id, &error);
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;

  if (attempt == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* TRANSLATORS: the grading dialog's heading: officer, staff number, exam, attempt number */
  heading = g_strdup_printf (_ ("%s (%s): %s, attempt %d"), attempt->officer_name, attempt->staff_no,
                             attempt->exam_title, attempt->no);
  gtk_label_set_text (self->heading_label, heading);
  if (attempt->state == LC_ATTEMPT_GRADED)
    {
      g_autofree char *score = lc_hundredths_format (attempt->score);
      g_autofree char *max = lc_hundredths_format (attempt->max_score);

      /* TRANSLATORS: an attempt fully graded: its score of the maximum and whether it passed */
      summary = g_strdup_printf (_ ("Graded: %s of %s points, %s."), score, max,
                                 attempt->passed ? _ ("passed") : _ ("not passed"));
    }
  else
    summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u answer awaits grading.", "%u answers await grading.", attempt->n_ungraded),
        attempt->n_ungraded);
  gtk_label_set_text (self->summary_label, summary);
}

/* Items ------------------------------------------------------------------------ */

static GtkWidget *
text_block (const char *heading, const char *text, GtkWidget **body_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text != NULL && text[0] != '\0' ? text : _ ("(none)"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  if (body_out != NULL)
    *body_out = body;
  return box;
}

static void
save_clicked (GtkButton *button, LcGradingDialog *self)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    if (((LcGradeRow *) g_ptr_array_index (self->rows, i))->save == button)
      {
        if (!_lc_grading_dialog_save_item (self, i, &error))
          show_error (self, error->message);
        return;
      }
}

static void
add_item (LcGradingDialog *self, const LcPaperItem *item)
{
  LcGradeRow *row = g_new0 (LcGradeRow, 1);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grade = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *points = lc_hundredths_format (item->points);
  /* TRANSLATORS: an essay item's heading in the grading dialog: 第5题（案例分析题，10分） */
  g_autofree char *title = g_strdup_printf (_ ("Question %d (%s, %s points)"), item->pos,
                                            lc_question_type_display_name (item->type), points);
  /* TRANSLATORS: the label of the points an essay earns, with its range: 得分（0–10）(_P) */
  g_autofree char *points_label = g_strdup_printf (_ ("_Points (0–%s)"), points);
  g_autofree char *comment_name = g_strdup_printf (_ ("Comment on question %d"), item->pos);
  g_autofree char *save_name = g_strdup_printf (_ ("Save the grade of question %d"), item->pos);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *points_mnemonic = gtk_label_new_with_mnemonic (points_label);
  GtkWidget *comment_label = gtk_label_new_with_mnemonic (_ ("Co_mment"));
  g_autoptr (GString) key = g_string_new (NULL);

  row->pos = item->pos;
  row->max_points = item->points;
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), text_block (_ ("Question"), item->stem, NULL));
  if (item->model_answer != NULL)
    g_string_append (key, item->model_answer);
  if (item->explanation != NULL)
    g_string_append_printf (key, "%s%s", key->len > 0 ? "\n" : "", item->explanation);
  gtk_box_append (GTK_BOX (card), text_block (_ ("Model answer and scoring points"), key->str, NULL));
  gtk_box_append (GTK_BOX (card), text_block (_ ("The officer's answer"), item->response, NULL));

  row->points = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, (double) item->points / 100.0, 0.5));
  gtk_spin_button_set_digits (row->points, 2);
  gtk_spin_button_set_numeric (row->points, TRUE);
  gtk_spin_button_set_value (row->points, item->awarded >= 0 ? (double) item->awarded / 100.0 : 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (points_mnemonic), GTK_WIDGET (row->points));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->points), GTK_ACCESSIBLE_RELATION_LABELLED_BY, points_mnemonic,
                                  NULL, -1);
  row->comment = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (row->comment), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row->comment), item->grader_comment != NULL ? item->grader_comment : "");
  gtk_label_set_mnemonic_widget (GTK_LABEL (comment_label), GTK_WIDGET (row->comment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->comment), GTK_ACCESSIBLE_PROPERTY_LABEL, comment_name, -1);
  row->save = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Save Grade")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->save), save_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->save), GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);
  row->status = GTK_LABEL (gtk_label_new (item->awarded >= 0 ? _ ("Graded") : _ ("Not graded yet")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (row->status), -1);
  gtk_widget_add_css_class (GTK_WIDGET (row->status), "dim-label");
  gtk_box_append (GTK_BOX (grade), points_mnemonic);
  gtk_box_append (GTK_BOX (grade), GTK_WIDGET (row->points));
  gtk_box_append (GTK_BOX (grade), comment_label);
  gtk_box_append (GTK_BOX (grade), GTK_WIDGET (row->comment));
  gtk_box_append (GTK_BOX (grade), GTK_WIDGET (row->save));
  gtk_box_append (GTK_BOX (grade), GTK_WIDGET (row->status));
  gtk_box_append (GTK_BOX (card), grade);
  gtk_box_append (self->items_box, card);
  gtk_box_append (self->items_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  g_signal_connect_object (row->save, "clicked", G_CALLBACK (save_clicked), self, 0);
  /* Enter in the comment saves the item. */
  g_signal_connect_object (row->comment, "activate", G_CALLBACK (gtk_widget_activate), row->save, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->rows, row);
}

gboolean
_lc_grading_dialog_save_item (LcGradingDialog *self, guint index, GError **error)
{
  LcGradeRow *row;
  g_autofree char *comment = NULL;
  gint64 points;

  g_return_val_if_fail (index < self->rows->len, FALSE);
  row = g_ptr_array_index (self->rows, index);
  gtk_spin_button_update (row->points);
  points = (gint64) (gtk_spin_button_get_value (row->points) * 100.0 + 0.5);
  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->comment))));
  if (!lc_exam_grade_item (self->session, self->attempt_id, row->pos, points, comment[0] != '\0' ? comment : NULL,
                           error))
    return FALSE;
  show_error (self, NULL);
  gtk_label_set_text (row->status, _ ("Saved"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->status), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Saved"), -1);
  show_summary (self);
  g_signal_emit (self, signals[GRADED], 0, self->attempt_id);
  return TRUE;
}

/* The exam's first attempt awaiting grading after this one (by the list's
 * order, wrapping round), or 0. */
static gint64
next_attempt (LcGradingDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attempts = lc_exam_list_attempts (self->session, self->paper->exam_id, 0, &error);
  gint64 first = 0;
  gboolean after = FALSE;

  if (attempts == NULL)
    {
      show_error (self, error->message);
      return 0;
    }
  for (guint i = 0; i < attempts->len; i++)
    {
      LcAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->id == self->attempt_id)
        {
          after = TRUE;
          continue;
        }
      if (attempt->state != LC_ATTEMPT_AWAITING_GRADING)
        continue;
      if (after)
        return attempt->id;
      if (first == 0)
        first = attempt->id;
    }
  return first;
}

gboolean
_lc_grading_dialog_next (LcGradingDialog *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = next_attempt (self);

  if (id == 0)
    {
      show_error (self, _ ("No other attempt of this exam awaits grading."));
      return FALSE;
    }
  if (!load (self, id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _lc_grading_dialog_next (LC_GRADING_DIALOG (widget));
}

static void
view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcGradingDialog *self = LC_GRADING_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  LcPaperDialog *dialog = lc_paper_dialog_new_attempt (GTK_WINDOW (self), self->session, self->attempt_id, &error);

  if (dialog == NULL)
    show_error (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
load (LcGradingDialog *self, gint64 attempt_id, GError **error)
{
  g_autoptr (LcPaper) paper = lc_exam_get_paper (self->session, attempt_id, error);
  GtkWidget *child;

  if (paper == NULL)
    return FALSE;
  self->attempt_id = attempt_id;
  g_clear_pointer (&self->paper, lc_paper_free);
  self->paper = g_steal_pointer (&paper);
  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  for (guint i = 0; i < self->paper->items->len; i++)
    {
      LcPaperItem *item = g_ptr_array_index (self->paper->items, i);

      if (item->type == LC_QUESTION_ESSAY)
        add_item (self, item);
    }
  if (self->rows->len == 0)
    {
      GtkWidget *none = gtk_label_new (_ ("This attempt has no essay question: it was graded on submission."));

      gtk_box_append (self->items_box, none);
    }
  show_error (self, NULL);
  show_summary (self);
  if (self->rows->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (((LcGradeRow *) g_ptr_array_index (self->rows, 0))->points));
  return TRUE;
}

/* Class ------------------------------------------------------------------------- */

static void
lc_grading_dialog_dispose (GObject *object)
{
  LcGradingDialog *self = LC_GRADING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_GRADING_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lc_grading_dialog_parent_class)->dispose (object);
}

static void
lc_grading_dialog_finalize (GObject *object)
{
  LcGradingDialog *self = LC_GRADING_DIALOG (object);

  g_clear_pointer (&self->paper, lc_paper_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (lc_grading_dialog_parent_class)->finalize (object);
}

static void
lc_grading_dialog_class_init (LcGradingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_grading_dialog_dispose;
  object_class->finalize = lc_grading_dialog_finalize;

  /**
   * LcGradingDialog::graded:
   * @attempt_id: the attempt an item of which was graded
   */
  signals[GRADED] = g_signal_new ("graded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-grading-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcGradingDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcGradingDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LcGradingDialog, items_box);
  gtk_widget_class_bind_template_child (widget_class, LcGradingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcGradingDialog, next_button);

  gtk_widget_class_install_action (widget_class, "grading.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "grading.view", NULL, view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "grading.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_grading_dialog_init (LcGradingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
}

LcGradingDialog *
lc_grading_dialog_new (GtkWindow *parent, LcSession *session, gint64 attempt_id, GError **error)
{
  LcGradingDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  if (!lc_session_require (session, LC_PERM_GRADE, error))
    return NULL;
  self = g_object_new (LC_TYPE_GRADING_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  if (!load (self, attempt_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}
