/* lc-training-dialog.c: record hours of training taken outside Lexcert. */
#define G_LOG_DOMAIN "lc-training-dialog"

#include "config.h"

#include "lc-db.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-training-dialog.h"
#include "lc-units.h"

struct _LcTrainingDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *intro_label;
  GtkEntry *date_entry;
  GtkEntry *hours_entry;
  GtkEntry *note_entry;
  GtkLabel *error_label;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  gint64 officer_id;
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcTrainingDialog, lc_training_dialog, GTK_TYPE_WINDOW)

static void
show_error (LcTrainingDialog *self, const char *message, GtkWidget *culprit)
{
  GtkWidget *entries[] = { GTK_WIDGET (self->date_entry), GTK_WIDGET (self->hours_entry),
                           GTK_WIDGET (self->note_entry) };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (entries[i] == culprit)
        gtk_widget_add_css_class (entries[i], "error");
      else
        gtk_widget_remove_css_class (entries[i], "error");
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (culprit != NULL)
    gtk_widget_grab_focus (culprit);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcTrainingDialog *self = LC_TRAINING_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  g_autofree char *hours_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours_entry))));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_autofree char *date = lc_date_normalize (date_text);
  gint64 hours = 0;
  LcTrainingRecord record = { 0 };

  if (date == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what was typed into a date field */
      message = g_strdup_printf (_ ("“%s” is not a date. Write it as YYYY-MM-DD."), date_text);
      show_error (self, message, GTK_WIDGET (self->date_entry));
      return;
    }
  if (!lc_hundredths_parse (hours_text, &hours))
    {
      show_error (self, _ ("Write the hours as a number, such as 2 or 1.5."), GTK_WIDGET (self->hours_entry));
      return;
    }

  record.officer_id = self->officer_id;
  record.on_date = date;
  record.hours = hours;
  record.source = LC_TRAINING_EXTERNAL;
  record.note = note;
  if (!lc_people_add_training (self->session, &record, NULL, &error))
    {
      GtkWidget *culprit = NULL;

      if (g_error_matches (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_HOURS))
        culprit = GTK_WIDGET (self->hours_entry);
      else if (g_error_matches (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_DATE))
        culprit = GTK_WIDGET (self->date_entry);
      show_error (self, error->message, culprit);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lc_training_dialog_dispose (GObject *object)
{
  LcTrainingDialog *self = LC_TRAINING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_TRAINING_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_training_dialog_parent_class)->dispose (object);
}

static void
lc_training_dialog_class_init (LcTrainingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_training_dialog_dispose;

  /**
   * LcTrainingDialog::saved:
   *
   * The training record was stored.
   */
  signals[SAVED] =
      g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-training-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, hours_entry);
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrainingDialog, save_button);

  gtk_widget_class_install_action (widget_class, "training.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_training_dialog_init (LcTrainingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

LcTrainingDialog *
lc_training_dialog_new (GtkWindow *parent, LcSession *session, const LcOfficer *officer)
{
  LcTrainingDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (officer != NULL, NULL);

  self = g_object_new (LC_TYPE_TRAINING_DIALOG, "transient-for", parent, "title", _ ("Record Training"), NULL);
  self->session = g_object_ref (session);
  self->officer_id = officer->id;

  today = lc_db_today (lc_session_get_db (session));
  gtk_label_set_text (self->heading_label, _ ("Record Training"));
  /* Translators: %s is an officer's name, then the staff number */
  intro = g_strdup_printf (_ ("Training hours of %s (%s) taken outside Lexcert."), officer->name, officer->staff_no);
  gtk_label_set_text (self->intro_label, intro);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->hours_entry));
  return self;
}
