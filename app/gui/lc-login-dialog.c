/* lc-login-dialog.c: the sign-in window, and the first administrator's
 * account on a database without any. */
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
  GtkStack *form_stack;
  GtkEntry *setup_login_entry;
  GtkPasswordEntry *setup_password_entry;
  GtkPasswordEntry *setup_repeat_entry;
  GtkLabel *setup_error_label;
  GtkSpinner *setup_spinner;
  GtkButton *create_button;

  /* owned */
  LcDb *db; /* used on the main thread only */
  GCancellable *cancellable;
  gboolean first_run;
  gboolean busy;
};

enum
{
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcLoginDialog, lc_login_dialog, GTK_TYPE_WINDOW)

/* What a worker thread needs to sign in or to make the first account. */
typedef struct
{
  LcDb *db; /* the worker's own connection; the session keeps it */
  char *login;
  char *password;
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  g_clear_pointer (&data->db, lc_db_unref);
  g_free (data->login);
  if (data->password != NULL)
    {
      /* The password should not linger in freed memory. */
      memset (data->password, 0, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

static void setup_changed (LcLoginDialog *self);

static void
set_busy (LcLoginDialog *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.sign-in", !busy && !self->first_run);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_entry), !busy);
  gtk_spinner_set_spinning (self->spinner, busy && !self->first_run);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy && !self->first_run);

  gtk_widget_set_sensitive (GTK_WIDGET (self->setup_login_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->setup_password_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->setup_repeat_entry), !busy);
  gtk_spinner_set_spinning (self->setup_spinner, busy && self->first_run);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_spinner), busy && self->first_run);
  setup_changed (self);
}

static void
show_error (LcLoginDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

/* Shows either the sign-in form or, on a database without accounts, the
 * form that makes the first (administrator) account. */
static void
set_first_run (LcLoginDialog *self, gboolean first_run)
{
  self->first_run = first_run;
  gtk_stack_set_visible_child_name (self->form_stack, first_run ? "first-run" : "sign-in");
  gtk_window_set_title (GTK_WINDOW (self),
                        first_run ? _ ("Create the Administrator Account – Lexcert") : _ ("Sign in – Lexcert"));
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 first_run ? GTK_WIDGET (self->create_button) : GTK_WIDGET (self->sign_in_button));
  gtk_window_set_focus (GTK_WINDOW (self),
                        first_run ? GTK_WIDGET (self->setup_login_entry) : GTK_WIDGET (self->login_entry));
  set_busy (self, self->busy);
}

/* Argon2id takes a noticeable fraction of a second by design; it runs off
 * the main thread so the window keeps drawing, on a connection of its own
 * (an LcDb serves one thread at a time), which the new session keeps.
 * The task's callback data holds the dialog, not its source object, so
 * that the worker never drops the last reference to a widget. */
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
  g_autoptr (LcLoginDialog) self = user_data;
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

/* Starts @thread_func on a new connection; FALSE (and says why) when none opens. */
static gboolean
start_task (LcLoginDialog *self, const char *login, const char *password, GTaskThreadFunc thread_func,
            GAsyncReadyCallback done, GError **error)
{
  g_autoptr (GTask) task = NULL;
  LcDb *copy = lc_db_open_copy (self->db, error);
  SignInData *data;

  if (copy == NULL)
    return FALSE;
  data = g_new0 (SignInData, 1);
  data->db = copy;
  data->login = g_strstrip (g_strdup (login));
  data->password = g_strdup (password);

  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, done, g_object_ref (self));
  g_task_set_source_tag (task, start_task);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_data_free);
  g_task_run_in_thread (task, thread_func);
  return TRUE;
}

static void
sign_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcLoginDialog *self = LC_LOGIN_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_entry));

  if (*login == '\0')
    {
      show_error (self, _ ("Enter your login name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_entry));
      return;
    }
  if (!start_task (self, login, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)), sign_in_thread,
                   sign_in_done, &error))
    show_error (self, error->message);
}

/* The first administrator ------------------------------------------------ */

static void
set_error_class (gpointer widget, gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
show_setup_error (LcLoginDialog *self, GtkWidget *at_fault, const char *message)
{
  GtkWidget *entries[] = { GTK_WIDGET (self->setup_login_entry), GTK_WIDGET (self->setup_password_entry),
                           GTK_WIDGET (self->setup_repeat_entry) };

  gtk_label_set_text (self->setup_error_label, message != NULL ? message : "");
  /* The entry at fault is marked, and says why to a screen reader. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      set_error_class (entries[i], message != NULL && entries[i] == at_fault);
      if (message != NULL && entries[i] == at_fault)
        gtk_accessible_update_property (GTK_ACCESSIBLE (entries[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (entries[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Checks the form as it is typed: says what is wrong next to it (never
 * about a field not yet filled in) and enables Create only when the core
 * would accept it. */
static void
setup_changed (LcLoginDialog *self)
{
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->setup_login_entry))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->setup_password_entry));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->setup_repeat_entry));
  gboolean login_spaces = FALSE;
  gboolean too_short = *password != '\0' && g_utf8_strlen (password, -1) < LC_AUTH_MIN_PASSWORD_LENGTH;
  gboolean mismatch = *repeat != '\0' && g_strcmp0 (password, repeat) != 0;

  for (const char *p = login; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      login_spaces = TRUE;

  if (login_spaces)
    show_setup_error (self, GTK_WIDGET (self->setup_login_entry), _ ("A login name may not contain spaces."));
  else if (too_short)
    {
      g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The password must have at least %d character.",
                                        "The password must have at least %d characters.", LC_AUTH_MIN_PASSWORD_LENGTH),
                           LC_AUTH_MIN_PASSWORD_LENGTH);
      show_setup_error (self, GTK_WIDGET (self->setup_password_entry), message);
    }
  else if (mismatch)
    show_setup_error (self, GTK_WIDGET (self->setup_repeat_entry), _ ("The two passwords differ."));
  else
    show_setup_error (self, NULL, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.create-administrator",
                                 self->first_run && !self->busy && *login != '\0' && !login_spaces && *password != '\0'
                                     && !too_short && g_strcmp0 (password, repeat) == 0);
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SignInData *data = task_data;
  GError *error = NULL;
  LcSession *session = lc_auth_create_first_administrator (data->db, data->login, data->password, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

static void
create_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcLoginDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (g_error_matches (error, LC_AUTH_ERROR, LC_AUTH_ERROR_NOT_FIRST))
    {
      /* Someone else (another PC on the same database) was first. */
      set_first_run (self, FALSE);
      show_error (self, error->message);
      return;
    }
  if (session == NULL)
    {
      GtkWidget *at_fault = GTK_WIDGET (self->setup_password_entry);

      if (g_error_matches (error, LC_AUTH_ERROR, LC_AUTH_ERROR_INVALID_LOGIN)
          || g_error_matches (error, LC_AUTH_ERROR, LC_AUTH_ERROR_DUPLICATE_LOGIN))
        at_fault = GTK_WIDGET (self->setup_login_entry);
      show_setup_error (self, at_fault, error->message);
      gtk_widget_grab_focus (at_fault);
      return;
    }
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcLoginDialog *self = LC_LOGIN_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!start_task (self, gtk_editable_get_text (GTK_EDITABLE (self->setup_login_entry)),
                   gtk_editable_get_text (GTK_EDITABLE (self->setup_password_entry)), create_thread, create_done,
                   &error))
    show_setup_error (self, NULL, error->message);
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
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, form_stack);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, setup_login_entry);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, setup_password_entry);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, setup_repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, setup_error_label);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, setup_spinner);
  gtk_widget_class_bind_template_child (widget_class, LcLoginDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, setup_changed);

  gtk_widget_class_install_action (widget_class, "login.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "login.create-administrator", NULL, create_action);
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
  g_autoptr (GError) error = NULL;
  gint64 n_users = 0;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (LC_TYPE_LOGIN_DIALOG, "application", app, NULL);
  self->db = lc_db_ref (db);

  /* Translators: %s is the path of the database file */
  location = g_strdup_printf (_ ("Database: %s"), lc_db_get_path (db));
  gtk_label_set_text (self->database_label, location);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), lc_db_get_path (db));

  if (login != NULL && *login != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->login_entry), login);

  /* A new database has nobody to sign in: its first account is made here. */
  if (!lc_auth_count_users (db, &n_users, &error))
    {
      set_first_run (self, FALSE);
      show_error (self, error->message);
    }
  else
    set_first_run (self, n_users == 0);

  if (!self->first_run && login != NULL && *login != '\0')
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_entry));
  return self;
}
