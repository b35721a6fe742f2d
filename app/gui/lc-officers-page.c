/* lc-officers-page.c: the officer roster of the personnel office. */
#define G_LOG_DOMAIN "lc-officers-page"

#include "config.h"

#include <string.h>

#include "lc-column-view.h"
#include "lc-department-item.h"
#include "lc-departments-dialog.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-officer-detail.h"
#include "lc-officer-dialog.h"
#include "lc-officer-object.h"
#include "lc-officers-page-private.h"

G_DEFINE_FINAL_TYPE (LcOfficersPage, lc_officers_page, GTK_TYPE_WIDGET)

GtkWindow *
_lc_officers_page_parent_window (LcOfficersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Filters ------------------------------------------------------------- */

static gboolean
text_filter_func (gpointer item, gpointer user_data)
{
  LcOfficersPage *self = user_data;

  return lc_officer_object_matches (item, self->needle);
}

static gboolean
department_filter_func (gpointer item, gpointer user_data)
{
  LcOfficersPage *self = user_data;
  gint64 department_id;

  if (self->department_subtree == NULL)
    return TRUE;
  department_id = lc_officer_object_get_department_id (item);
  return g_hash_table_contains (self->department_subtree, &department_id);
}

static gboolean
left_filter_func (gpointer item, gpointer user_data)
{
  LcOfficersPage *self = user_data;

  return gtk_check_button_get_active (self->left_check) || lc_officer_object_get_status (item) != LC_OFFICER_LEFT;
}

static void
search_changed (LcOfficersPage *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkFilterChange change;

  g_strstrip (needle);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  /* Telling the filter how the text changed lets it look only at the
   * officers still shown (or still hidden), not all of them. */
  if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->needle);
  g_free (self->job_text);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (self->text_filter, change);
}

static void
stop_search (LcOfficersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* TRUE when every id of @part is in @whole. */
static gboolean
subtree_within (GHashTable *part, GHashTable *whole)
{
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (part) > g_hash_table_size (whole))
    return FALSE;
  g_hash_table_iter_init (&iter, part);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (whole, id))
      return FALSE;
  return TRUE;
}

static void
department_changed (LcOfficersPage *self)
{
  guint position = gtk_drop_down_get_selected (self->department_dropdown);
  g_autoptr (LcDepartmentItem) item = NULL;
  g_autoptr (GHashTable) old = g_steal_pointer (&self->department_subtree);
  gint64 department_id = 0;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (self->departments != NULL && position != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
  if (item != NULL)
    department_id = lc_department_item_get_id (item);
  if (department_id != 0)
    self->department_subtree = lc_department_item_subtree (G_LIST_MODEL (self->departments), department_id);

  if (old == NULL && self->department_subtree == NULL)
    return;
  /* A reload may have added or removed units below the chosen one, so the
   * same department can be a wider or narrower filter than before. */
  if (old == NULL || (self->department_subtree != NULL && subtree_within (self->department_subtree, old)))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->department_subtree == NULL || subtree_within (old, self->department_subtree))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (self->department_filter, change);
}

static void
left_toggled (LcOfficersPage *self)
{
  gtk_filter_changed (self->left_filter, gtk_check_button_get_active (self->left_check)
                                             ? GTK_FILTER_CHANGE_LESS_STRICT
                                             : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* Selection and counts ------------------------------------------------ */

static LcOfficerObject *
selected_officer (LcOfficersPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
is_loading (LcOfficersPage *self)
{
  return !self->loaded || self->load_cancellable != NULL;
}

/* Every officer belongs to a department: without any, nobody can be
 * added or imported. */
static gboolean
has_departments (LcOfficersPage *self)
{
  /* The first item stands for all departments. */
  return self->departments != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->departments)) > 1;
}

/* Adding and editing wait while the table is about to be replaced: by a
 * load, or by an import and the load after it. */
static gboolean
can_change_officers (LcOfficersPage *self)
{
  return self->session != NULL && lc_session_can (self->session, LC_PERM_MANAGE_ROSTER) && !is_loading (self)
         && self->job != LC_OFFICERS_JOB_IMPORT;
}

/* A template child that the private struct does not keep. */
static GtkWidget *
template_widget (LcOfficersPage *self, const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), LC_TYPE_OFFICERS_PAGE, id));
}

void
_lc_officers_page_update_actions (LcOfficersPage *self)
{
  gboolean can_manage = self->session != NULL && lc_session_can (self->session, LC_PERM_MANAGE_ROSTER);
  gboolean can_read = self->session != NULL && lc_session_can (self->session, LC_PERM_READ_ROSTER);
  /* One import or export at a time, and not before the roster is there. */
  gboolean idle = !is_loading (self) && self->job == LC_OFFICERS_JOB_NONE;
#ifdef LC_HAVE_REPORTS
  gboolean can_export = can_read;
#else
  gboolean can_export = FALSE;
#endif

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "officers.add",
                                 can_change_officers (self) && has_departments (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "officers.edit",
                                 can_change_officers (self) && selected_officer (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "officers.import", can_manage && idle && has_departments (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "officers.export", can_export && idle);
  /* Not while an import runs: it files officers under the departments. */
  gtk_widget_set_visible (template_widget (self, "departments_button"), can_manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "officers.departments",
                                 can_manage && self->job != LC_OFFICERS_JOB_IMPORT);
}

/* The status line: what runs (with a spinner), else how many officers show. */
void
_lc_officers_page_update_count (LcOfficersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  /* Not while a filter runs: the spinner's frames would starve the
   * filter's idle steps (on a slow display, such as Xvfb, for good). */
  gboolean busy = is_loading (self) || self->job != LC_OFFICERS_JOB_NONE;
  g_autofree char *text = NULL;

  if (self->job != LC_OFFICERS_JOB_NONE && self->job_text != NULL)
    text = g_strdup (self->job_text);
  else if (is_loading (self))
    text = g_strdup (_ ("Loading…"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u officer", "%u officers", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  /* An empty table says why: a new database, or filters that leave nobody
   * (once they have looked at everyone). */
  gtk_widget_set_visible (template_widget (self, "empty_departments_button"), FALSE);
  if (is_loading (self) || n > 0 || gtk_filter_list_model_get_pending (self->filter_model) > 0)
    gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
  else
    {
      if (!has_departments (self))
        {
          gtk_label_set_text (self->empty_label, _ ("There are no departments yet, and every officer belongs to one. "
                                                    "Set up the departments first; then import the roster or add "
                                                    "officers here."));
          gtk_widget_set_visible (template_widget (self, "empty_departments_button"),
                                  self->session != NULL && lc_session_can (self->session, LC_PERM_MANAGE_ROSTER));
        }
      else if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
        gtk_label_set_text (self->empty_label, _ ("The roster is empty. Import it from a CSV file with Import "
                                                  "Roster…, or add officers one by one."));
      else
        gtk_label_set_text (self->empty_label, _ ("No officer matches the search and the filters."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
    }
}

static void
selection_changed (LcOfficersPage *self)
{
  LcOfficerObject *officer = selected_officer (self);
  gint64 id = officer != NULL ? lc_officer_object_get_id (officer) : 0;

  if (id != lc_officer_detail_get_officer_id (self->detail))
    lc_officer_detail_set_officer_id (self->detail, id);
  _lc_officers_page_update_actions (self);
}

static void
scroll_to (LcOfficersPage *self, guint position)
{
  lc_column_view_scroll_to (self->column_view, position);
}

/* Enter in the search box opens the first officer shown and moves the focus
 * to the list, so that search, Enter, arrow keys is the way by keyboard. */
static void
search_activated (LcOfficersPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  scroll_to (self, 0);
}

/* Selects the officer when the filters show it; the detail pane shows it either way. */
static void
select_officer (LcOfficersPage *self, gint64 officer_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcOfficerObject) officer = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (lc_officer_object_get_id (officer) == officer_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }
  lc_officer_detail_set_officer_id (self->detail, officer_id);
}

/* Loading ------------------------------------------------------------- */

/* Slow work (the roster of 100,000 officers, an import, an export) runs in
 * a GTask thread on a connection of its own, made with
 * lc_session_open_copy() here on the main thread: an LcDb serves one
 * thread at a time, so the worker never touches self->session. The task's
 * callback data holds a reference to the page (it is not the task's source
 * object, which a worker thread could end up finalizing), and the outcome
 * is shown from the callback, on the main loop. */

static void
show_load_error (LcOfficersPage *self, const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_departments (LcOfficersPage *self, GListStore *departments)
{
  guint position = gtk_drop_down_get_selected (self->department_dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (departments));
  gint64 selected_id = 0;

  /* A reload keeps the department chosen, if it is still there. */
  if (self->departments != NULL && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr (LcDepartmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
      if (item != NULL)
        selected_id = lc_department_item_get_id (item);
    }
  position = 0;
  for (guint i = 0; selected_id != 0 && i < n; i++)
    {
      g_autoptr (LcDepartmentItem) item = g_list_model_get_item (G_LIST_MODEL (departments), i);
      if (lc_department_item_get_id (item) == selected_id)
        {
          position = i;
          break;
        }
    }

  g_clear_object (&self->departments);
  self->departments = departments;
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));
  gtk_drop_down_set_selected (self->department_dropdown, position);
  department_changed (self);
}

typedef struct
{
  LcSession *session; /* the worker's own connection */
  char *all_label;
  /* made by the worker */
  GListStore *departments; /* LcDepartmentItem */
  GHashTable *paths;       /* department paths */
  GPtrArray *objects;      /* LcOfficerObject */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->session);
  g_free (data->all_label);
  g_clear_object (&data->departments);
  g_clear_pointer (&data->paths, g_hash_table_unref);
  g_clear_pointer (&data->objects, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  LcOfficerFilter filter = { .include_left = TRUE };
  g_autoptr (GPtrArray) departments = NULL;
  g_autoptr (GPtrArray) officers = NULL;
  GError *error = NULL;

  departments = lc_people_list_departments (data->session, &error);
  if (departments != NULL)
    officers = lc_people_list_officers (data->session, &filter, &error);
  if (officers == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  data->departments = lc_department_item_store_new (departments, data->all_label);
  data->paths = lc_department_item_paths (departments);
  /* The objects take the officers; made here, they cost the main loop
   * nothing but one splice. */
  data->objects = g_ptr_array_new_full (officers->len, g_object_unref);
  g_ptr_array_set_free_func (officers, NULL);
  for (guint i = 0; i < officers->len; i++)
    {
      LcOfficer *officer = g_ptr_array_index (officers, i);
      const char *path = g_hash_table_lookup (data->paths, &officer->department_id);

      g_ptr_array_add (data->objects, lc_officer_object_new (officer, path));
    }
  g_task_return_boolean (task, TRUE);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcOfficersPage) self = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* Cancelled: a newer load took over, or the page went away. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  self->loaded = TRUE;
  if (error != NULL)
    show_load_error (self, error);
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      set_departments (self, g_steal_pointer (&data->departments));
      g_clear_pointer (&self->department_paths, g_hash_table_unref);
      self->department_paths = g_steal_pointer (&data->paths);
      /* One splice, one items-changed: 100,000 appends would each be a signal. */
      g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), data->objects->pdata,
                           data->objects->len);
    }
  _lc_officers_page_update_count (self);
  _lc_officers_page_update_actions (self);
}

void
lc_officers_page_reload (LcOfficersPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  LcSession *copy;
  LoadData *data;

  g_return_if_fail (LC_IS_OFFICERS_PAGE (self));

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
      show_load_error (self, error);
      _lc_officers_page_update_count (self);
      _lc_officers_page_update_actions (self);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->session = copy;
  data->all_label = g_strdup (_ ("All departments"));
  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->load_cancellable, load_done, g_object_ref (self));
  g_task_set_source_tag (task, lc_officers_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
  _lc_officers_page_update_count (self);
  _lc_officers_page_update_actions (self);
}

gboolean
_lc_officers_page_is_busy (LcOfficersPage *self)
{
  g_return_val_if_fail (LC_IS_OFFICERS_PAGE (self), FALSE);
  return is_loading (self) || self->job != LC_OFFICERS_JOB_NONE
         || gtk_filter_list_model_get_pending (self->filter_model) > 0
         || gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/* Actions ------------------------------------------------------------- */

/* The officer's department path, from the map of the last load; a
 * department made since (by another program) is looked up once. */
static const char *
department_path (LcOfficersPage *self, gint64 department_id)
{
  const char *path;
  g_autofree char *found = NULL;

  if (self->department_paths == NULL)
    self->department_paths =
        g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ref_string_release);
  if ((path = g_hash_table_lookup (self->department_paths, &department_id)) != NULL)
    return path;
  if ((found = lc_people_department_path (self->session, department_id, NULL)) == NULL)
    return NULL;
  path = g_ref_string_new (found);
  g_hash_table_insert (self->department_paths, g_memdup2 (&department_id, sizeof (gint64)), (gpointer) path);
  return path;
}

static void
officer_saved (LcOfficersPage *self, gint64 officer_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = lc_people_get_officer (self->session, officer_id, &error);
  g_autoptr (LcOfficerObject) object = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint position = n;
  const char *path;

  if (officer == NULL)
    {
      show_load_error (self, error);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcOfficerObject) old = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (lc_officer_object_get_id (old) == officer_id)
        {
          position = i;
          break;
        }
    }
  /* The objects are immutable: a changed officer is a new object in the old place. */
  path = department_path (self, officer->department_id);
  object = lc_officer_object_new (g_steal_pointer (&officer), path);
  g_list_store_splice (self->store, position, position < n ? 1 : 0, (gpointer *) &object, 1);
  select_officer (self, officer_id);
  _lc_officers_page_update_count (self);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);
  gint64 department_id = 0;
  g_autoptr (LcDepartmentItem) department = NULL;
  guint position = gtk_drop_down_get_selected (self->department_dropdown);
  LcOfficerDialog *dialog;

  if (self->departments != NULL && position != GTK_INVALID_LIST_POSITION)
    department = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
  if (department != NULL)
    department_id = lc_department_item_get_id (department);
  dialog = lc_officer_dialog_new (_lc_officers_page_parent_window (self), self->session, NULL, department_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (officer_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_officer (LcOfficersPage *self, LcOfficerObject *officer)
{
  LcOfficerDialog *dialog;

  if (officer == NULL || !can_change_officers (self))
    return;
  dialog = lc_officer_dialog_new (_lc_officers_page_parent_window (self), self->session,
                                  lc_officer_object_get_officer (officer), 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (officer_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);

  edit_officer (self, selected_officer (self));
}

static void
row_activated (LcOfficersPage *self, guint position)
{
  g_autoptr (LcOfficerObject) officer = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  edit_officer (self, officer);
}

static void
departments_done (LcOfficersPage *self, gboolean changed)
{
  /* The filter's tree and the officers' department paths come from one load. */
  if (changed)
    lc_officers_page_reload (self);
}

static void
departments_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);
  g_autoptr (LcDepartmentItem) department = NULL;
  guint position = gtk_drop_down_get_selected (self->department_dropdown);
  LcDepartmentsDialog *dialog = lc_departments_dialog_new (_lc_officers_page_parent_window (self), self->session);

  /* The department the roster is filtered by is the one to look at. */
  if (self->departments != NULL && position != GTK_INVALID_LIST_POSITION)
    department = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
  if (department != NULL && lc_department_item_get_id (department) != 0)
    lc_departments_dialog_select (dialog, lc_department_item_get_id (department));
  g_signal_connect_object (dialog, "done", G_CALLBACK (departments_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Type ------------------------------------------------------------------ */

static void
lc_officers_page_dispose (GObject *object)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (object);
  GtkWidget *child;

  /* Running work finds out in its callback, and leaves the page alone. */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  g_clear_object (&self->job_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_OFFICERS_PAGE);
  /* The template's top box has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->store);
  g_clear_object (&self->text_filter);
  g_clear_object (&self->department_filter);
  g_clear_object (&self->left_filter);
  g_clear_object (&self->departments);
  g_clear_pointer (&self->department_subtree, g_hash_table_unref);
  g_clear_pointer (&self->department_paths, g_hash_table_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_officers_page_parent_class)->dispose (object);
}

static void
lc_officers_page_finalize (GObject *object)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (object);

  g_free (self->needle);
  g_free (self->job_text);

  G_OBJECT_CLASS (lc_officers_page_parent_class)->finalize (object);
}

static void
lc_officers_page_class_init (LcOfficersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_officers_page_dispose;
  object_class->finalize = lc_officers_page_finalize;

  g_type_ensure (LC_TYPE_OFFICER_OBJECT);
  g_type_ensure (LC_TYPE_DEPARTMENT_ITEM);
  g_type_ensure (LC_TYPE_OFFICER_DETAIL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-officers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, left_check);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, paned);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficersPage, detail);
  /* Offset 0: looked up with gtk_widget_get_template_child(), not kept in the struct. */
  gtk_widget_class_bind_template_child_full (widget_class, "departments_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_departments_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, department_changed);
  gtk_widget_class_bind_template_callback (widget_class, left_toggled);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "officers.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "officers.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "officers.import", NULL, _lc_officers_page_import_action);
  gtk_widget_class_install_action (widget_class, "officers.export", NULL, _lc_officers_page_export_action);
  gtk_widget_class_install_action (widget_class, "officers.departments", NULL, departments_action);
}

static void
lc_officers_page_init (LcOfficersPage *self)
{
  GtkMultiFilter *every;
  GListModel *columns;

  self->needle = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->store = g_list_store_new (LC_TYPE_OFFICER_OBJECT);
  self->text_filter = GTK_FILTER (gtk_custom_filter_new (text_filter_func, self, NULL));
  self->department_filter = GTK_FILTER (gtk_custom_filter_new (department_filter_func, self, NULL));
  self->left_filter = GTK_FILTER (gtk_custom_filter_new (left_filter_func, self, NULL));
  every = GTK_MULTI_FILTER (gtk_every_filter_new ());
  gtk_multi_filter_append (every, g_object_ref (self->left_filter));
  gtk_multi_filter_append (every, g_object_ref (self->department_filter));
  gtk_multi_filter_append (every, g_object_ref (self->text_filter));

  /* Custom sorters on kept collation keys: GTK 4.8's string sorter needs
   * seconds for 100,000 Chinese names. */
  columns = gtk_column_view_get_columns (self->column_view);
  g_assert (g_list_model_get_n_items (columns) == LC_OFFICER_N_COLUMNS);
  for (guint i = 0; i < LC_OFFICER_N_COLUMNS; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (lc_officer_object_compare, GINT_TO_POINTER (i), NULL);

      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }

  /* Filter first, then sort: typing narrows the list and sorts only what is left. */
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), GTK_FILTER (every));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (_lc_officers_page_update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (_lc_officers_page_update_count), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  _lc_officers_page_update_count (self);
  _lc_officers_page_update_actions (self);
}

LcOfficersPage *
lc_officers_page_new (LcSession *session)
{
  LcOfficersPage *self;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_OFFICERS_PAGE, NULL);
  self->session = g_object_ref (session);
  lc_officer_detail_set_session (self->detail, session);
  /* The window appears at once; the roster (perhaps 100,000 officers)
   * follows from a worker thread. */
  lc_officers_page_reload (self);
  return self;
}

void
lc_officers_page_focus_search (LcOfficersPage *self)
{
  g_return_if_fail (LC_IS_OFFICERS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
