/* lc-password-dialog.c: change the signed-in user's own password. */
#define G_LOG_DOMAIN "lc-password-dialog"

#include "config.h"

#include "lc-auth.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-password-dialog.h"

struct _LcPasswordDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *intro_label;
  GtkPasswordEntry *old_entry;
  GtkPasswordEntry *new_entry;
  GtkPasswordEntry *repeat_entry;
  GtkLabel *error_label;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  gboolean changed;
};

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcPasswordDialog, lc_password_dialog, GTK_TYPE_WINDOW)

static void
show_error (LcPasswordDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
entries_changed (LcPasswordDialog *self)
{
  const char *old_pw = gtk_editable_get_text (GTK_EDITABLE (self->old_entry));
  const char *new_pw = gtk_editable_get_text (GTK_EDITABLE (self->new_entry));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_entry));
  gboolean mismatch = *repeat != '\0' && g_strcmp0 (new_pw, repeat) != 0;
  gboolean too_short = *new_pw != '\0' && g_utf8_strlen (new_pw, -1) < LC_AUTH_MIN_PASSWORD_LENGTH;

  if (too_short)
    {
      g_autofree char *message = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "The new password must have at least %d character.",
                       "The new password must have at least %d characters.", LC_AUTH_MIN_PASSWORD_LENGTH),
          LC_AUTH_MIN_PASSWORD_LENGTH);
      show_error (self, message);
    }
  else if (mismatch)
    show_error (self, _ ("The two new passwords differ."));
  else
    show_error (self, NULL);

  if (too_short)
    gtk_widget_add_css_class (GTK_WIDGET (self->new_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->new_entry), "error");
  if (mismatch)
    gtk_widget_add_css_class (GTK_WIDGET (self->repeat_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.save",
                                 *old_pw != '\0' && *new_pw != '\0' && !too_short && g_strcmp0 (new_pw, repeat) == 0);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcPasswordDialog *self = LC_PASSWORD_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!lc_auth_set_password (self->session, lc_session_get_login (self->session),
                             gtk_editable_get_text (GTK_EDITABLE (self->old_entry)),
                             gtk_editable_get_text (GTK_EDITABLE (self->new_entry)), FALSE, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->old_entry));
      return;
    }
  lc_session_set_must_change_password (self->session, FALSE);
  self->changed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
lc_password_dialog_close_request (GtkWindow *window)
{
  LcPasswordDialog *self = LC_PASSWORD_DIALOG (window);

  g_signal_emit (self, signals[DONE], 0, self->changed);
  return GTK_WINDOW_CLASS (lc_password_dialog_parent_class)->close_request (window);
}

static void
lc_password_dialog_dispose (GObject *object)
{
  LcPasswordDialog *self = LC_PASSWORD_DIALOG (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (lc_password_dialog_parent_class)->dispose (object);
}

static void
lc_password_dialog_class_init (LcPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lc_password_dialog_dispose;
  window_class->close_request = lc_password_dialog_close_request;

  /**
   * LcPasswordDialog::done:
   * @changed: TRUE when the password was changed
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcPasswordDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LcPasswordDialog, old_entry);
  gtk_widget_class_bind_template_child (widget_class, LcPasswordDialog, new_entry);
  gtk_widget_class_bind_template_child (widget_class, LcPasswordDialog, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, LcPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcPasswordDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, entries_changed);

  gtk_widget_class_install_action (widget_class, "password.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_password_dialog_init (LcPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

LcPasswordDialog *
lc_password_dialog_new (GtkWindow *parent, LcSession *session, gboolean required)
{
  LcPasswordDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_PASSWORD_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->session = g_object_ref (session);
  if (required)
    gtk_label_set_text (self->intro_label, _ ("Your password was set by an administrator. Choose your own password "
                                              "before you go on; closing this window signs you out."));
  else
    {
      g_autofree char *intro = NULL;

      /* Translators: %s is a login name */
      intro = g_strdup_printf (_ ("Change the password of the account “%s”."), lc_session_get_login (session));
      gtk_label_set_text (self->intro_label, intro);
    }
  entries_changed (self);
  return self;
}
