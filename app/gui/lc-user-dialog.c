/* lc-user-dialog.c: add a user account, or set a new password for one. */
#define G_LOG_DOMAIN "lc-user-dialog"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-auth.h"
#include "lc-i18n.h"
#include "lc-people.h"
#include "lc-user-dialog.h"

/* The fields in the order of the form: a field's complaint waits until the
 * user has changed it or a field after it. */
typedef enum
{
  FIELD_NONE = -1,
  FIELD_LOGIN,
  FIELD_ROLE,
  FIELD_OFFICER,
  FIELD_PASSWORD,
  FIELD_REPEAT,
} Field;

struct _LcUserDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *intro_label;
  GtkWidget *form_grid;
  GtkLabel *login_label;
  GtkEntry *login_entry;
  GtkLabel *role_label;
  GtkDropDown *role_dropdown;
  GtkLabel *officer_label;
  GtkEntry *officer_entry;
  GtkLabel *officer_name_label;
  GtkLabel *password_label;
  GtkPasswordEntry *password_entry;
  GtkPasswordEntry *repeat_entry;
  GtkCheckButton *must_change_check;
  GtkLabel *error_label;
  GtkSpinner *spinner;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  char *reset_login;       /* the account whose password is set; NULL when adding */
  gint64 officer_id;       /* the officer the staff number names, or 0 */
  char *officer_problem;   /* why the staff number names nobody, or NULL */
  Field touched;           /* the last field in the form's order that the user changed */
  GtkWidget *save_culprit; /* where the core's refusal points, until the form changes */
  char *save_message;
  GCancellable *cancellable; /* while the account is stored */
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcUserDialog, lc_user_dialog, GTK_TYPE_WINDOW)

static gboolean
adding (LcUserDialog *self)
{
  return self->reset_login == NULL;
}

static LcRole
chosen_role (LcUserDialog *self)
{
  /* The drop-down lists the roles in the order of LcRole. */
  guint position = gtk_drop_down_get_selected (self->role_dropdown);

  return position <= LC_ROLE_ADMINISTRATOR ? (LcRole) position : LC_ROLE_OFFICER;
}

static GtkWidget *
control_for_field (LcUserDialog *self, Field field)
{
  switch (field)
    {
    case FIELD_LOGIN:
      return GTK_WIDGET (self->login_entry);
    case FIELD_ROLE:
      return GTK_WIDGET (self->role_dropdown);
    case FIELD_OFFICER:
      return GTK_WIDGET (self->officer_entry);
    case FIELD_PASSWORD:
      return GTK_WIDGET (self->password_entry);
    case FIELD_REPEAT:
      return GTK_WIDGET (self->repeat_entry);
    case FIELD_NONE:
    default:
      return NULL;
    }
}

/* The control that the core's refusal is about. */
static GtkWidget *
control_for_error (LcUserDialog *self, const GError *error)
{
  if (error->domain != LC_AUTH_ERROR)
    return NULL;
  switch (error->code)
    {
    case LC_AUTH_ERROR_DUPLICATE_LOGIN:
    case LC_AUTH_ERROR_INVALID_LOGIN:
      return GTK_WIDGET (self->login_entry);
    case LC_AUTH_ERROR_UNKNOWN_OFFICER:
    case LC_AUTH_ERROR_OFFICER_TAKEN:
    case LC_AUTH_ERROR_ROLE_NEEDS_OFFICER:
      return GTK_WIDGET (self->officer_entry);
    case LC_AUTH_ERROR_WEAK_PASSWORD:
      return GTK_WIDGET (self->password_entry);
    default:
      return NULL;
    }
}

static void
mark_culprit (LcUserDialog *self, GtkWidget *culprit, const char *message)
{
  GtkWidget *controls[] = { GTK_WIDGET (self->login_entry), GTK_WIDGET (self->role_dropdown),
                            GTK_WIDGET (self->officer_entry), GTK_WIDGET (self->password_entry),
                            GTK_WIDGET (self->repeat_entry) };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      if (controls[i] == culprit)
        {
          gtk_widget_add_css_class (controls[i], "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_widget_remove_css_class (controls[i], "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The first problem of the form, in its order; FIELD_NONE when there is none.
 * @message is NULL for a problem with nothing to say (an empty password). */
static Field
first_problem (LcUserDialog *self, char **message)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_entry));

  *message = NULL;
  if (adding (self))
    {
      const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_entry));

      if (*login == '\0')
        {
          /* The core's words, so that both say the same. */
          *message = g_strdup (_ ("The login name is empty."));
          return FIELD_LOGIN;
        }
      if (self->officer_problem != NULL)
        {
          *message = g_strdup (self->officer_problem);
          return FIELD_OFFICER;
        }
      if (chosen_role (self) == LC_ROLE_OFFICER && self->officer_id == 0)
        {
          *message = g_strdup (_ ("An officer account must be linked to an officer of the roster."));
          return FIELD_OFFICER;
        }
    }
  if (g_utf8_strlen (password, -1) < LC_AUTH_MIN_PASSWORD_LENGTH)
    {
      *message = g_strdup_printf (_ ("The password must have at least %d characters."), LC_AUTH_MIN_PASSWORD_LENGTH);
      return FIELD_PASSWORD;
    }
  if (g_strcmp0 (password, repeat) != 0)
    {
      *message = g_strdup (_ ("The two passwords differ."));
      return FIELD_REPEAT;
    }
  return FIELD_NONE;
}

static void
validate (LcUserDialog *self)
{
  g_autofree char *message = NULL;
  Field problem = first_problem (self, &message);
  gboolean busy = self->cancellable != NULL;

  if (self->save_culprit != NULL || self->save_message != NULL)
    mark_culprit (self, self->save_culprit, self->save_message);
  else if (problem != FIELD_NONE && problem <= self->touched)
    mark_culprit (self, control_for_field (self, problem), message);
  else
    mark_culprit (self, NULL, NULL);
  /* After the core refused a field, saving the same again would only be
   * refused again: Save waits for a change. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "user.save",
                                 problem == FIELD_NONE && !busy && self->save_culprit == NULL);
}

static void
touch (LcUserDialog *self, Field field)
{
  self->touched = MAX (self->touched, field);
  self->save_culprit = NULL;
  g_clear_pointer (&self->save_message, g_free);
  validate (self);
}

static void
login_changed (LcUserDialog *self)
{
  touch (self, FIELD_LOGIN);
}

static void
update_officer_required (LcUserDialog *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->officer_entry), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  chosen_role (self) == LC_ROLE_OFFICER, -1);
}

static void
role_changed (LcUserDialog *self)
{
  update_officer_required (self);
  touch (self, FIELD_ROLE);
}

/* Looks the staff number up as it is typed, and names the officer found. */
static void
officer_changed (LcUserDialog *self)
{
  g_autofree char *staff_no = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->officer_entry))));
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (GError) error = NULL;

  self->officer_id = 0;
  g_clear_pointer (&self->officer_problem, g_free);
  if (*staff_no != '\0')
    {
      officer = lc_people_find_officer (self->session, staff_no, &error);
      if (officer != NULL)
        self->officer_id = officer->id;
      else
        self->officer_problem = g_strdup (error->message);
    }
  if (officer != NULL)
    {
      /* Translators: the officer a staff number names, and their department: “张伟，执法一大队” */
      g_autofree char *text = g_strdup_printf (_ ("%s, %s"), officer->name, officer->department_name);

      gtk_label_set_text (self->officer_name_label, text);
    }
  else
    gtk_label_set_text (self->officer_name_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->officer_name_label), officer != NULL);
  touch (self, FIELD_OFFICER);
}

static void
password_changed (LcUserDialog *self)
{
  touch (self, FIELD_PASSWORD);
}

static void
repeat_changed (LcUserDialog *self)
{
  touch (self, FIELD_REPEAT);
}

/* Saving, in a worker thread ------------------------------------------- */

typedef struct
{
  LcSession *session; /* the worker's own connection */
  gboolean reset;
  char *login;
  char *password;
  LcRole role;
  gint64 officer_id;
  gboolean must_change;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->session);
  g_free (data->login);
  /* The clear password lives no longer than it must. */
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (data->reset)
    ok = lc_auth_set_password (data->session, data->login, NULL, data->password, data->must_change, &error);
  else
    ok = lc_auth_add_user (data->session, data->login, data->password, data->role, data->officer_id, data->must_change,
                           NULL, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (LcUserDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->form_grid, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  validate (self);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcUserDialog) self = user_data;
  GTask *task = G_TASK (result);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  /* Only dispose cancels: the dialog is gone. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  g_clear_object (&self->cancellable);
  if (!ok)
    {
      self->save_culprit = control_for_error (self, error);
      self->save_message = g_strdup (error->message);
      set_busy (self, FALSE);
      gtk_widget_grab_focus (self->save_culprit != NULL ? self->save_culprit : GTK_WIDGET (self->password_entry));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, data->login);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcUserDialog *self = LC_USER_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  g_autofree char *message = NULL;
  LcSession *copy;
  SaveData *data;

  if (self->cancellable != NULL || first_problem (self, &message) != FIELD_NONE)
    return;
  /* Hashing a password takes a good part of a second: not on the main loop. */
  if ((copy = lc_session_open_copy (self->session, &error)) == NULL)
    {
      self->save_message = g_strdup (error->message);
      validate (self);
      return;
    }
  data = g_new0 (SaveData, 1);
  data->session = copy;
  data->reset = !adding (self);
  data->login = g_strdup (adding (self) ? gtk_editable_get_text (GTK_EDITABLE (self->login_entry)) : self->reset_login);
  data->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  data->role = chosen_role (self);
  data->officer_id = self->officer_id;
  data->must_change = gtk_check_button_get_active (self->must_change_check);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, save_done, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
  set_busy (self, TRUE);
}

/* Type ------------------------------------------------------------------ */

static gboolean
lc_user_dialog_close_request (GtkWindow *window)
{
  LcUserDialog *self = LC_USER_DIALOG (window);

  /* The account is being stored: the outcome is shown before the window goes. */
  if (self->cancellable != NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (lc_user_dialog_parent_class)->close_request (window);
}

static void
lc_user_dialog_dispose (GObject *object)
{
  LcUserDialog *self = LC_USER_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_USER_DIALOG);
  self->save_culprit = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_user_dialog_parent_class)->dispose (object);
}

static void
lc_user_dialog_finalize (GObject *object)
{
  LcUserDialog *self = LC_USER_DIALOG (object);

  g_free (self->reset_login);
  g_free (self->officer_problem);
  g_free (self->save_message);

  G_OBJECT_CLASS (lc_user_dialog_parent_class)->finalize (object);
}

static void
lc_user_dialog_class_init (LcUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lc_user_dialog_dispose;
  object_class->finalize = lc_user_dialog_finalize;
  window_class->close_request = lc_user_dialog_close_request;

  /**
   * LcUserDialog::saved:
   * @login: the login of the account added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, form_grid);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, login_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, login_entry);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, role_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, officer_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, officer_entry);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, officer_name_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, password_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, must_change_check);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LcUserDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, login_changed);
  gtk_widget_class_bind_template_callback (widget_class, role_changed);
  gtk_widget_class_bind_template_callback (widget_class, officer_changed);
  gtk_widget_class_bind_template_callback (widget_class, password_changed);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed);

  gtk_widget_class_install_action (widget_class, "user.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_user_dialog_init (LcUserDialog *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);

  self->touched = FIELD_NONE;
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  for (LcRole role = LC_ROLE_OFFICER; role <= LC_ROLE_ADMINISTRATOR; role++)
    gtk_string_list_append (roles, lc_role_display_name (role));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
  gtk_drop_down_set_selected (self->role_dropdown, LC_ROLE_OFFICER);
}

static LcUserDialog *
user_dialog_new (GtkWindow *parent, LcSession *session, const char *reset_login)
{
  LcUserDialog *self = g_object_new (LC_TYPE_USER_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->reset_login = g_strdup (reset_login);
  /* What the constructor filled in is not the user's doing. */
  self->touched = FIELD_NONE;
  update_officer_required (self);
  validate (self);
  return self;
}

LcUserDialog *
lc_user_dialog_new_add (GtkWindow *parent, LcSession *session)
{
  LcUserDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = user_dialog_new (parent, session, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Add User"));
  gtk_label_set_text (self->heading_label, _ ("Add User"));
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), FALSE);
  gtk_button_set_label (self->save_button, _ ("_Add User"));
  lc_accessible_fix_mnemonic_name (GTK_WIDGET (self->save_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->login_entry));
  return self;
}

LcUserDialog *
lc_user_dialog_new_reset (GtkWindow *parent, LcSession *session, const char *login)
{
  LcUserDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = user_dialog_new (parent, session, login);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Reset Password"));
  gtk_label_set_text (self->heading_label, _ ("Reset Password"));
  /* Translators: %s is a login name */
  intro = g_strdup_printf (_ ("Set a new password for the account “%s”, and give it to its owner in person."), login);
  gtk_label_set_text (self->intro_label, intro);
  /* The account is given: only the password rows are left. */
  gtk_widget_set_visible (GTK_WIDGET (self->login_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->login_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->role_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->officer_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->officer_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->officer_name_label), FALSE);
  gtk_label_set_text_with_mnemonic (self->password_label, _ ("_New password"));
  gtk_button_set_label (self->save_button, _ ("_Set Password"));
  lc_accessible_fix_mnemonic_name (GTK_WIDGET (self->save_button));
  /* The signed-in administrator's own password is theirs to know: the
   * core does not force a change of it, so the box would be a lie. */
  if (g_strcmp0 (login, lc_session_get_login (session)) == 0)
    {
      gtk_check_button_set_active (self->must_change_check, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->must_change_check), FALSE);
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_entry));
  return self;
}

gboolean
lc_user_dialog_is_busy (LcUserDialog *self)
{
  g_return_val_if_fail (LC_IS_USER_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
