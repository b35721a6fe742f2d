/* lc-users-page.c: the administrator's list of user accounts. */
#define G_LOG_DOMAIN "lc-users-page"

#include "config.h"

#include "lc-accessible.h"
#include "lc-auth.h"
#include "lc-column-view.h"
#include "lc-i18n.h"
#include "lc-user-dialog.h"
#include "lc-user-object.h"
#include "lc-users-page-private.h"

G_DEFINE_FINAL_TYPE (LcUsersPage, lc_users_page, GTK_TYPE_WIDGET)

static GtkWindow *
parent_window (LcUsersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static LcUserObject *
selected_user (LcUsersPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
is_loading (LcUsersPage *self)
{
  return !self->loaded || self->load_cancellable != NULL;
}

static void
show_error (LcUsersPage *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (LcUsersPage *self)
{
  LcUserObject *user = selected_user (self);
  /* Changes wait while the list is about to be replaced. */
  gboolean idle = !is_loading (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.add", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.reset-password", idle && user != NULL);
  /* Disabling one's own account stays offered: the core refuses it, and
   * its message says why, where a greyed-out button would not. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.disable",
                                 idle && user != NULL && !lc_user_object_get_disabled (user));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.enable",
                                 idle && user != NULL && lc_user_object_get_disabled (user));
}

static void
update_count (LcUsersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean busy = is_loading (self);
  g_autofree char *text = NULL;

  if (busy)
    text = g_strdup (_ ("Loading…"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
selection_changed (LcUsersPage *self)
{
  show_error (self, NULL);
  update_actions (self);
}

gboolean
_lc_users_page_select (LcUsersPage *self, const char *login)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  g_return_val_if_fail (LC_IS_USERS_PAGE (self), FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcUserObject) user = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (lc_user_object_get_login (user), login) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          lc_column_view_scroll_to (self->column_view, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Loading --------------------------------------------------------------- */

/* As on the roster page: the accounts are read in a GTask thread on a
 * connection of its own (lc_session_open_copy(), made here on the main
 * thread), and shown from the callback, on the main loop. */

typedef struct
{
  LcSession *session; /* the worker's own connection */
  GPtrArray *objects; /* LcUserObject, made by the worker */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->session);
  g_clear_pointer (&data->objects, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (GPtrArray) users = NULL;
  GError *error = NULL;

  users = lc_auth_list_users (data->session, &error);
  if (users == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->objects = g_ptr_array_new_full (users->len, g_object_unref);
  /* The objects take the users. */
  g_ptr_array_set_free_func (users, NULL);
  for (guint i = 0; i < users->len; i++)
    g_ptr_array_add (data->objects, lc_user_object_new (g_ptr_array_index (users, i)));
  g_task_return_boolean (task, TRUE);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcUsersPage) self = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *select_login = NULL;

  /* Cancelled: a newer load took over, or the page went away. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  self->loaded = TRUE;
  select_login = g_steal_pointer (&self->select_login);
  if (error != NULL)
    show_error (self, error->message);
  else
    {
      g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), data->objects->pdata,
                           data->objects->len);
      if (select_login != NULL)
        _lc_users_page_select (self, select_login);
    }
  update_count (self);
  update_actions (self);
}

void
lc_users_page_reload (LcUsersPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  LcSession *copy;
  LoadData *data;

  g_return_if_fail (LC_IS_USERS_PAGE (self));

  if (self->session == NULL)
    return;
  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }
  copy = lc_session_open_copy (self->session, &error);
  if (copy == NULL)
    {
      self->loaded = TRUE;
      show_error (self, error->message);
      update_count (self);
      update_actions (self);
      return;
    }
  data = g_new0 (LoadData, 1);
  data->session = copy;
  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->load_cancellable, load_done, g_object_ref (self));
  g_task_set_source_tag (task, lc_users_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
  update_count (self);
  update_actions (self);
}

/* Reloads, and selects @login once the accounts are there again. */
static void
reload_selecting (LcUsersPage *self, const char *login)
{
  g_free (self->select_login);
  self->select_login = g_strdup (login);
  lc_users_page_reload (self);
}

gboolean
_lc_users_page_is_busy (LcUsersPage *self)
{
  g_return_val_if_fail (LC_IS_USERS_PAGE (self), FALSE);
  return is_loading (self) || gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/* Actions --------------------------------------------------------------- */

static void
user_saved (LcUsersPage *self, const char *login)
{
  show_error (self, NULL);
  reload_selecting (self, login);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcUsersPage *self = LC_USERS_PAGE (widget);
  LcUserDialog *dialog = lc_user_dialog_new_add (parent_window (self), self->session);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (user_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reset_password_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcUsersPage *self = LC_USERS_PAGE (widget);
  LcUserObject *user = selected_user (self);
  LcUserDialog *dialog;

  if (user == NULL)
    return;
  dialog = lc_user_dialog_new_reset (parent_window (self), self->session, lc_user_object_get_login (user));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (user_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_disabled (LcUsersPage *self, gboolean disabled)
{
  LcUserObject *user = selected_user (self);
  g_autofree char *login = NULL;
  g_autoptr (GError) error = NULL;

  if (user == NULL)
    return;
  login = g_strdup (lc_user_object_get_login (user));
  if (!lc_auth_set_disabled (self->session, login, disabled, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reload_selecting (self, login);
}

static void
disable_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  set_disabled (LC_USERS_PAGE (widget), TRUE);
}

static void
enable_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  set_disabled (LC_USERS_PAGE (widget), FALSE);
}

/* Type ------------------------------------------------------------------ */

static void
lc_users_page_dispose (GObject *object)
{
  LcUsersPage *self = LC_USERS_PAGE (object);
  GtkWidget *child;

  /* A running load finds out in its callback, and leaves the page alone. */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_USERS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_users_page_parent_class)->dispose (object);
}

static void
lc_users_page_finalize (GObject *object)
{
  LcUsersPage *self = LC_USERS_PAGE (object);

  g_free (self->select_login);

  G_OBJECT_CLASS (lc_users_page_parent_class)->finalize (object);
}

static void
lc_users_page_class_init (LcUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_users_page_dispose;
  object_class->finalize = lc_users_page_finalize;

  g_type_ensure (LC_TYPE_USER_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, disable_button);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, enable_button);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcUsersPage, column_view);

  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "users.reset-password", NULL, reset_password_action);
  gtk_widget_class_install_action (widget_class, "users.disable", NULL, disable_action);
  gtk_widget_class_install_action (widget_class, "users.enable", NULL, enable_action);
}

static void
lc_users_page_init (LcUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->store = g_list_store_new (LC_TYPE_USER_OBJECT);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  update_count (self);
  update_actions (self);
}

LcUsersPage *
lc_users_page_new (LcSession *session)
{
  LcUsersPage *self;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_USERS_PAGE, NULL);
  self->session = g_object_ref (session);
  lc_users_page_reload (self);
  return self;
}
