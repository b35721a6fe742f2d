/* lc-login-dialog.c: the sign-in window. */
#define G_LOG_DOMAIN "lc-login-dialog"

#include "config.h"

#include <string.h>

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-login-dialog.h"

struct _LcLoginDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkEntry *login_entry;
  GtkPasswordEntry *password_entry;
  GtkButton *sign_in_button;
  GtkSpinner *spinner;
  GtkLabel *error_label;
  GtkLabel *database_label;

  /* owned */
  LcDb *db;
  GCancellable *cancellable;
};

enum
{
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcLoginDialog, lc_login_dialog, GTK_TYPE_WINDOW)

typedef struct
{
  LcDb *db;
  char *login;
  char *password;
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  lc_db_unref (data->db);
  g_free (data->login);
  if (data->password != NULL)
    {
      /* The password should not linger in freed memory. */
      memset (data->password, 0, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

static void
set_busy (LcLoginDialog *self, gboolean busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.sign-in", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_entry), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_error (LcLoginDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

/* Argon2id takes a noticeable fraction of a second by design; it runs off
 * the main thread so the window keeps drawing. Nothing else uses the
 * database while the login window is the only window. */
static void
sign_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SignInData *data = task_data;
  GError *error = NULL;
  LcSession *session = lc_auth_sign_in (data->db, data->login, data->password, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

static void
sign_in_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LcLoginDialog *self = LC_LOGIN_DIALOG (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (session == NULL)
    {
      show_error (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

static void
sign_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcLoginDialog *self = LC_LOGIN_DIALOG (widget);
  g_autoptr (GTask) task = NULL;
  SignInData *data;
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_entry));

  if (*login == '\0')
    {
      show_error (self, _ ("Enter your login name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_entry));
      return;
    }

  data = g_new0 (SignInData, 1);
  data->db = lc_db_ref (self->db);
  data->login = g_strstrip (g_strdup (login));
  data->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));

  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, sign_in_done, NULL);
  g_task_set_source_tag (task, sign_in_action);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_data_free);
  g_task_run_in_thread (task, sign_in_thread);
}

static void
lc_login_dialog_dispose (GObject *object)
{
  LcLoginDialog *self = LC_LOGIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db, lc_db_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_LOGIN_DIALOG);

  G_OBJECT_CLASS (lc_login_dialog_parent_class)->dispose (object);
}

static void
lc_login_dialog_class_init (LcLoginDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_login_dialog_dispose;

  /**
   * LcLoginDialog::signed-in:
   * @session: the session of the user who signed in
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, LC_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-login-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, login_entry);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, database_label);

  gtk_widget_class_install_action (widget_class, "login.sign-in", NULL, sign_in_action);
}

static void
lc_login_dialog_init (LcLoginDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

LcLoginDialog *
lc_login_dialog_new (GtkApplication *app, LcDb *db, const char *login)
{
  LcLoginDialog *self;
  g_autofree char *location = NULL;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (LC_TYPE_LOGIN_DIALOG, "application", app, NULL);
  self->db = lc_db_ref (db);

  /* Translators: %s is the path of the database file */
  location = g_strdup_printf (_ ("Database: %s"), lc_db_get_path (db));
  gtk_label_set_text (self->database_label, location);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), lc_db_get_path (db));

  if (login != NULL && *login != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->login_entry), login);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_entry));
    }
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->login_entry));
  return self;
}
