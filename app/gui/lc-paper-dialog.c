/* lc-paper-dialog.c: a sample paper or an attempt's paper, with the key. */
#define G_LOG_DOMAIN "lc-paper-dialog"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-exam-dialog.h"
#include "lc-i18n.h"
#include "lc-paper-dialog-private.h"
#include "lc-units.h"

G_DEFINE_FINAL_TYPE (LcPaperDialog, lc_paper_dialog, GTK_TYPE_WINDOW)

/* Rendering --------------------------------------------------------------------- */

static void
append (GtkTextBuffer *buffer, const char *text, const char *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

/* An answer as letters, "T"/"F" or text, as a reader of the paper says it. */
static const char *
shown_answer (const LcPaperItem *item, const char *answer)
{
  if (item->type == LC_QUESTION_TRUEFALSE && g_strcmp0 (answer, "T") == 0)
    return _ ("True");
  if (item->type == LC_QUESTION_TRUEFALSE && g_strcmp0 (answer, "F") == 0)
    return _ ("False");
  return answer;
}

static void
append_labelled (GtkTextBuffer *buffer, const char *label, const char *text, const char *tag)
{
  append (buffer, "    ", NULL);
  append (buffer, label, "bold");
  append (buffer, " ", NULL);
  append (buffer, text, tag);
  append (buffer, "\n", NULL);
}

static void
render_item (GtkTextBuffer *buffer, const LcPaper *paper, const LcPaperItem *item)
{
  g_autofree char *points = lc_hundredths_format (item->points);
  /* TRANSLATORS: an item's heading on a paper: 3.【单选题，1.5分】 */
  g_autofree char *heading =
      g_strdup_printf (_ ("%d. [%s, %s points] "), item->pos, lc_question_type_display_name (item->type), points);

  append (buffer, heading, "bold");
  append (buffer, item->stem, NULL);
  append (buffer, "\n", NULL);
  if (item->type == LC_QUESTION_SINGLE || item->type == LC_QUESTION_MULTIPLE)
    for (guint i = 0; i < item->options->len; i++)
      {
        gboolean correct = paper->has_key && item->correct != NULL && i < item->correct->len
                           && g_array_index (item->correct, gboolean, i);
        /* TRANSLATORS: a correct option on a paper with its key; the words in brackets are read by screen readers */
        g_autofree char *line =
            correct ? g_strdup_printf (_ ("  ✓ %c. %s (correct)\n"), 'A' + (char) i,
                                       (char *) g_ptr_array_index (item->options, i))
                    : g_strdup_printf ("    %c. %s\n", 'A' + (char) i, (char *) g_ptr_array_index (item->options, i));

        append (buffer, line, correct ? "correct" : NULL);
      }
  if (paper->attempt != NULL)
    {
      const char *response = item->response != NULL && item->response[0] != '\0' ? item->response : NULL;

      append_labelled (buffer, _ ("Answer given:"), response != NULL ? shown_answer (item, response) : _ ("(none)"),
                       response != NULL ? NULL : "dim");
    }
  if (paper->has_key && item->correct_answer != NULL)
    append_labelled (buffer, item->type == LC_QUESTION_FILL ? _ ("Accepted answers:") : _ ("Correct answer:"),
                     shown_answer (item, item->correct_answer), "correct");
  if (paper->has_key && item->model_answer != NULL)
    append_labelled (buffer, _ ("Model answer:"), item->model_answer, NULL);
  if (paper->has_key && item->explanation != NULL)
    append_labelled (buffer, _ ("Explanation:"), item->explanation, "dim");
  if (paper->has_key && item->basis_label != NULL)
    append_labelled (buffer, _ ("Legal basis:"), item->basis_label, "dim");
  if (paper->attempt != NULL)
    {
      g_autofree char *awarded = item->awarded >= 0 ? lc_hundredths_format (item->awarded) : NULL;
      /* TRANSLATORS: the points an item earned of the most it could: 1.5 / 2 */
      g_autofree char *text =
          awarded != NULL ? g_strdup_printf (_ ("%s of %s"), awarded, points) : g_strdup (_ ("awaiting grading"));

      append_labelled (buffer, _ ("Points:"), text,
                       item->awarded < 0 ? "dim" : (item->awarded == item->points ? "correct" : "wrong"));
      if (item->grader_comment != NULL)
        append_labelled (buffer, _ ("Grader's comment:"), item->grader_comment, NULL);
    }
  append (buffer, "\n", NULL);
}

static void
render (LcPaperDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paper_view);
  const LcPaper *paper = self->paper;
  g_autofree char *max = lc_hundredths_format (paper->max_score);
  g_autofree char *summary = NULL;
  GtkTextIter start;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < paper->items->len; i++)
    render_item (buffer, paper, g_ptr_array_index (paper->items, i));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  if (paper->attempt == NULL)
    {
      /* TRANSLATORS: a sample paper's heading, with the exam's title */
      g_autofree char *heading = g_strdup_printf (_ ("Sample paper of “%s”"), paper->exam_title);

      gtk_label_set_text (self->heading_label, heading);
      g_autofree char *seed = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", paper->seed);

      /* TRANSLATORS: a sample paper's summary: questions, maximum score and the seed (16 hex digits) that drew it */
      summary = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u question, %s points in all. Drawn with seed %s; nothing was stored.",
                       "%u questions, %s points in all. Drawn with seed %s; nothing was stored.", paper->items->len),
          paper->items->len, max, seed);
    }
  else
    {
      const LcAttempt *attempt = paper->attempt;
      g_autofree char *score = attempt->has_score ? lc_hundredths_format (attempt->score) : NULL;
      g_autofree char *started = lc_exam_format_time (attempt->started_at);
      /* TRANSLATORS: an attempt's heading: the officer, their staff number, the exam and the attempt's number */
      g_autofree char *heading = g_strdup_printf (_ ("%s (%s): %s, attempt %d"), attempt->officer_name,
                                                  attempt->staff_no, paper->exam_title, attempt->no);

      gtk_label_set_text (self->heading_label, heading);
      if (score != NULL)
        /* TRANSLATORS: an attempt's summary: state, score of the maximum, passed or not, start time */
        summary =
            g_strdup_printf (_ ("%s. Score %s of %s, %s. Started %s."), lc_attempt_state_display_name (attempt->state),
                             score, max, attempt->passed ? _ ("passed") : _ ("not passed"), started);
      else
        summary = g_strdup_printf (_ ("%s. Maximum %s points. Started %s."),
                                   lc_attempt_state_display_name (attempt->state), max, started);
    }
  gtk_label_set_text (self->summary_label, summary);
}

/* Drawing ------------------------------------------------------------------------- */

gboolean
_lc_paper_dialog_draw (LcPaperDialog *self, GError **error)
{
  LcPaper *paper = NULL;

  g_return_val_if_fail (self->exam_id != 0, FALSE);
  if (!lc_exam_assemble (self->session, self->exam_id, 0, lc_exam_new_seed (), &paper, error))
    return FALSE;
  g_clear_pointer (&self->paper, lc_paper_free);
  self->paper = paper;
  render (self);
  return TRUE;
}

const LcPaper *
_lc_paper_dialog_get_paper (LcPaperDialog *self)
{
  return self->paper;
}

static void
another_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcPaperDialog *self = LC_PAPER_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!_lc_paper_dialog_draw (self, &error))
    gtk_label_set_text (self->summary_label, error->message);
}

/* Class ------------------------------------------------------------------------- */

static void
lc_paper_dialog_dispose (GObject *object)
{
  LcPaperDialog *self = LC_PAPER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_PAPER_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lc_paper_dialog_parent_class)->dispose (object);
}

static void
lc_paper_dialog_finalize (GObject *object)
{
  g_clear_pointer (&LC_PAPER_DIALOG (object)->paper, lc_paper_free);
  G_OBJECT_CLASS (lc_paper_dialog_parent_class)->finalize (object);
}

static void
lc_paper_dialog_class_init (LcPaperDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_paper_dialog_dispose;
  object_class->finalize = lc_paper_dialog_finalize;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-paper-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcPaperDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcPaperDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LcPaperDialog, paper_view);
  gtk_widget_class_bind_template_child (widget_class, LcPaperDialog, another_button);

  gtk_widget_class_install_action (widget_class, "paper.another", NULL, another_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "paper.another", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_paper_dialog_init (LcPaperDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->paper_view);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "correct", "foreground", "#1c7a43", NULL);
  gtk_text_buffer_create_tag (buffer, "wrong", "foreground", "#b3161b", NULL);
  gtk_text_buffer_create_tag (buffer, "dim", "foreground-rgba", &(GdkRGBA){ 0.4, 0.4, 0.4, 1.0 }, NULL);
}

static LcPaperDialog *
new_dialog (GtkWindow *parent, LcSession *session, const char *title)
{
  LcPaperDialog *self = g_object_new (LC_TYPE_PAPER_DIALOG, "transient-for", parent, "title", title, NULL);

  self->session = g_object_ref (session);
  return self;
}

LcPaperDialog *
lc_paper_dialog_new_preview (GtkWindow *parent, LcSession *session, gint64 exam_id, GError **error)
{
  LcPaperDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = new_dialog (parent, session, _ ("Sample Paper"));
  self->exam_id = exam_id;
  if (!_lc_paper_dialog_draw (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->paper_view));
  return self;
}

LcPaperDialog *
lc_paper_dialog_new_attempt (GtkWindow *parent, LcSession *session, gint64 attempt_id, GError **error)
{
  g_autoptr (LcPaper) paper = NULL;
  LcPaperDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  paper = lc_exam_get_paper (session, attempt_id, error);
  if (paper == NULL)
    return NULL;
  self = new_dialog (parent, session, _ ("Attempt"));
  self->paper = g_steal_pointer (&paper);
  gtk_widget_set_visible (GTK_WIDGET (self->another_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paper.another", FALSE);
  render (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->paper_view));
  return self;
}
