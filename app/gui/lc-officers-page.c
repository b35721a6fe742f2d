/* lc-officers-page.c: the officer roster of the personnel office. */
#define G_LOG_DOMAIN "lc-officers-page"

#include "config.h"

#include <string.h>

#include "lc-db.h"
#include "lc-department-item.h"
#include "lc-departments-dialog.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-message-dialog.h"
#include "lc-officer-detail.h"
#include "lc-officer-dialog.h"
#include "lc-officer-object.h"
#include "lc-officers-page-private.h"
#include "lc-roster.h"
#ifdef LC_HAVE_REPORTS
#include "lc-report-roster.h"
#endif

G_DEFINE_FINAL_TYPE (LcOfficersPage, lc_officers_page, GTK_TYPE_WIDGET)

static GtkWindow *
parent_window (LcOfficersPage *self)
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

static void
update_actions (LcOfficersPage *self)
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
static void
update_count (LcOfficersPage *self)
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
  update_actions (self);
}

static void
scroll_to (LcOfficersPage *self, guint position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(): the list inside the column
   * view has the scroll-to-item action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
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
  update_count (self);
  update_actions (self);
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
      update_count (self);
      update_actions (self);
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
  update_count (self);
  update_actions (self);
}

gboolean
_lc_officers_page_is_busy (LcOfficersPage *self)
{
  g_return_val_if_fail (LC_IS_OFFICERS_PAGE (self), FALSE);
  return is_loading (self) || self->job != LC_OFFICERS_JOB_NONE
         || gtk_filter_list_model_get_pending (self->filter_model) > 0
         || gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/* Imports and exports ------------------------------------------------- */

typedef struct
{
  LcSession *session; /* the worker's own connection */
  GApplication *app;  /* held while the job runs; released on the main loop */
  GWeakRef page;      /* for progress reports */
  guint serial;
  char *path;
  /* import */
  LcRosterResult result;
  GPtrArray *problems;
  /* export: what the page showed when it started */
  char *search;
  gint64 department_id;
  gboolean include_left;
  gboolean xlsx;
  guint n_rows;
} JobData;

static void
job_data_free (JobData *data)
{
  g_assert (data->app == NULL);
  g_clear_object (&data->session);
  g_weak_ref_clear (&data->page);
  g_free (data->path);
  lc_roster_result_clear (&data->result);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data->search);
  g_free (data);
}

static JobData *
job_data_new (LcOfficersPage *self, const char *path, GError **error)
{
  LcSession *copy = lc_session_open_copy (self->session, error);
  JobData *data;

  if (copy == NULL)
    return NULL;
  data = g_new0 (JobData, 1);
  data->session = copy;
  g_weak_ref_init (&data->page, self);
  data->path = g_strdup (path);
  return data;
}

static void
start_job (LcOfficersPage *self, LcOfficersJob job, const char *text, JobData *data, GTaskThreadFunc thread_func,
           GAsyncReadyCallback done)
{
  g_autoptr (GTask) task = NULL;
  GApplication *app = g_application_get_default ();

  g_assert (self->job == LC_OFFICERS_JOB_NONE);
  self->job = job;
  data->serial = ++self->job_serial;
  g_free (self->job_text);
  self->job_text = g_strdup (text);
  /* Closing the window during an import must not end the process before
   * the import has finished (or rolled back) and told its outcome. */
  if (app != NULL)
    {
      data->app = g_object_ref (app);
      g_application_hold (app);
    }
  self->job_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->job_cancellable, done, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  g_task_run_in_thread (task, thread_func);
  update_count (self);
  update_actions (self);
}

/* In the job's callback: TRUE when the page is still there to show the outcome. */
static gboolean
finish_job (LcOfficersPage *self, GTask *task, JobData *data)
{
  if (data->app != NULL)
    {
      g_application_release (data->app);
      g_clear_object (&data->app);
    }
  /* Only dispose cancels a job. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;
  self->job = LC_OFFICERS_JOB_NONE;
  g_clear_object (&self->job_cancellable);
  g_clear_pointer (&self->job_text, g_free);
  update_count (self);
  update_actions (self);
  return TRUE;
}

typedef struct
{
  LcOfficersPage *page;
  guint serial;
  char *text;
} Progress;

static void
progress_free (Progress *progress)
{
  g_clear_object (&progress->page);
  g_free (progress->text);
  g_free (progress);
}

static gboolean
progress_apply (gpointer user_data)
{
  Progress *progress = user_data;
  LcOfficersPage *self = progress->page;

  if (self->job != LC_OFFICERS_JOB_NONE && self->job_serial == progress->serial)
    {
      g_free (self->job_text);
      self->job_text = g_strdup (progress->text);
      update_count (self);
    }
  return G_SOURCE_REMOVE;
}

/* From the worker: shows @text in the status line. An idle source of its
 * own, never g_main_context_invoke(), which may run the function right
 * here in the worker when the main context happens to be free. */
static void
report_progress (GTask *task, JobData *data, const char *text)
{
  g_autoptr (GSource) source = NULL;
  Progress *progress;
  LcOfficersPage *page = g_weak_ref_get (&data->page);

  if (page == NULL)
    return;
  progress = g_new0 (Progress, 1);
  progress->page = page;
  progress->serial = data->serial;
  progress->text = g_strdup (text);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_apply, progress, (GDestroyNotify) progress_free);
  g_source_set_static_name (source, "[lexcert] roster job progress");
  g_source_attach (source, g_task_get_context (task));
}

static void
show_job_error (LcOfficersPage *self, const char *title, const GError *error)
{
  lc_message_dialog_show (parent_window (self), title, error->message);
}

static void
show_import_failure (LcOfficersPage *self, const char *path, const GError *error, GPtrArray *problems)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;
  LcMessageDialog *dialog;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_ptr_array_add (lines, lc_import_problem_to_string (g_ptr_array_index (problems, i)));
  g_ptr_array_add (lines, NULL);

  if (problems != NULL && problems->len > 0)
    /* Translators: %s is a file name; the problems are listed below the text */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” has %u problem, listed below. Nothing of the file was imported: "
                                         "correct it and import the whole file again.",
                                         "“%s” has %u problems, listed below. Nothing of the file was imported: "
                                         "correct them and import the whole file again.",
                                         problems->len),
                            basename, problems->len);
  else
    /* Translators: the reason follows */
    body = g_strdup_printf (_ ("Nothing of the file was imported: %s"), error->message);

  dialog = lc_message_dialog_new (parent_window (self), _ ("The Roster Was Not Imported"), body);
  lc_message_dialog_set_details (dialog, (const char *const *) lines->pdata, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;

  /* The window closed before the import began: import nothing, as the
   * person who asked will not see the outcome. Once begun, it runs to its
   * commit or rollback (all or nothing either way). */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (lc_roster_import_file (data->session, data->path, &data->result, &data->problems, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcOfficersPage) self = user_data;
  GTask *task = G_TASK (result);
  JobData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  if (!finish_job (self, task, data))
    return;
  if (!ok)
    {
      show_import_failure (self, data->path, error, data->problems);
      return;
    }
  /* Translators: the outcome of a roster import */
  body = g_strdup_printf (_ ("%u added, %u updated, %u unchanged."), data->result.added, data->result.updated,
                          data->result.unchanged);
  lc_message_dialog_show (parent_window (self), _ ("Roster Imported"), body);
  lc_officers_page_reload (self);
}

gboolean
_lc_officers_page_import_file (LcOfficersPage *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  JobData *data;

  g_return_val_if_fail (LC_IS_OFFICERS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->job != LC_OFFICERS_JOB_NONE)
    return FALSE;
  if ((data = job_data_new (self, path, &error)) == NULL)
    {
      show_job_error (self, _ ("The Roster Was Not Imported"), error);
      return FALSE;
    }
  basename = g_path_get_basename (path);
  /* Translators: the status line while a roster import runs; %s is a file name */
  text = g_strdup_printf (_ ("Importing “%s”…"), basename);
  start_job (self, LC_OFFICERS_JOB_IMPORT, text, data, import_thread, import_done);
  return TRUE;
}

#ifdef LC_HAVE_REPORTS
static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  JobData *data = task_data;
  LcOfficerFilter filter = {
    .text = data->search,
    .department_id = data->department_id,
    .include_left = data->include_left,
  };
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *today = NULL;
  g_autofree char *basename = g_path_get_basename (data->path);
  g_autofree char *progress = NULL;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  rows = lc_roster_rows (data->session, &filter, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  progress = g_strdup_printf (
      /* Translators: the status line while an export runs; %u is a number of officers, %s a file name */
      g_dngettext (GETTEXT_PACKAGE, "Writing %u officer to “%s”…", "Writing %u officers to “%s”…", rows->len),
      rows->len, basename);
  report_progress (task, data, progress);

  today = lc_db_today (lc_session_get_db (data->session));
  if (data->xlsx)
    ok = lc_report_roster_write_xlsx (rows, data->path, today, &error);
  else
    ok = lc_report_roster_write_csv (rows, data->path, &error);
  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }
  data->n_rows = rows->len;
  g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcOfficersPage) self = user_data;
  GTask *task = G_TASK (result);
  JobData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  if (!finish_job (self, task, data))
    return;
  if (!ok)
    {
      show_job_error (self, _ ("The Roster Was Not Exported"), error);
      return;
    }
  /* Translators: %u is a number of officers, %s a file path */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u officer was written to “%s”.",
                                       "%u officers were written to “%s”.", data->n_rows),
                          data->n_rows, data->path);
  lc_message_dialog_show (parent_window (self), _ ("Roster Exported"), body);
}
#endif

gboolean
_lc_officers_page_export_file (LcOfficersPage *self, const char *path, gboolean xlsx)
{
#ifdef LC_HAVE_REPORTS
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartmentItem) department = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  JobData *data;
  guint position;

  g_return_val_if_fail (LC_IS_OFFICERS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->job != LC_OFFICERS_JOB_NONE)
    return FALSE;
  if ((data = job_data_new (self, path, &error)) == NULL)
    {
      show_job_error (self, _ ("The Roster Was Not Exported"), error);
      return FALSE;
    }

  /* Export what the page shows: the same search, department and leavers. */
  data->search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (*data->search == '\0')
    g_clear_pointer (&data->search, g_free);
  position = gtk_drop_down_get_selected (self->department_dropdown);
  if (self->departments != NULL && position != GTK_INVALID_LIST_POSITION)
    department = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
  data->department_id = department != NULL ? lc_department_item_get_id (department) : 0;
  data->include_left = gtk_check_button_get_active (self->left_check);
  data->xlsx = xlsx;

  basename = g_path_get_basename (path);
  /* Translators: the status line while an export starts; %s is a file name */
  text = g_strdup_printf (_ ("Exporting to “%s”…"), basename);
  start_job (self, LC_OFFICERS_JOB_EXPORT, text, data, export_thread, export_done);
  return TRUE;
#else
  lc_message_dialog_show (parent_window (self), _ ("The Roster Was Not Exported"),
                          _ ("This build of Lexcert cannot write spreadsheets."));
  return FALSE;
#endif
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
  update_count (self);
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
  dialog = lc_officer_dialog_new (parent_window (self), self->session, NULL, department_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (officer_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_officer (LcOfficersPage *self, LcOfficerObject *officer)
{
  LcOfficerDialog *dialog;

  if (officer == NULL || !can_change_officers (self))
    return;
  dialog = lc_officer_dialog_new (parent_window (self), self->session, lc_officer_object_get_officer (officer), 0);
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
  LcDepartmentsDialog *dialog = lc_departments_dialog_new (parent_window (self), self->session);

  /* The department the roster is filtered by is the one to look at. */
  if (self->departments != NULL && position != GTK_INVALID_LIST_POSITION)
    department = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
  if (department != NULL && lc_department_item_get_id (department) != 0)
    lc_departments_dialog_select (dialog, lc_department_item_get_id (department));
  g_signal_connect_object (dialog, "done", G_CALLBACK (departments_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response (LcOfficersPage *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->file_chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      lc_message_dialog_show (parent_window (self), _ ("The Roster Was Not Imported"),
                              _ ("Only files on this computer or a mounted share can be imported."));
      return;
    }
  _lc_officers_page_import_file (self, path);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Import Roster"), parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Import"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _ ("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

#ifdef LC_HAVE_REPORTS
static void
export_response (LcOfficersPage *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *chosen;
  gboolean xlsx;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  xlsx = chosen == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (chosen), "lc-format"), "xlsx") == 0;
  g_clear_object (&self->file_chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      lc_message_dialog_show (parent_window (self), _ ("The Roster Was Not Exported"),
                              _ ("Only files on this computer or a mounted share can be written."));
      return;
    }
  /* The name the user typed decides the format; without an extension, the filter does. */
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    xlsx = FALSE;
  else if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    xlsx = TRUE;
  else
    {
      char *with_extension = g_strconcat (path, xlsx ? ".xlsx" : ".csv", NULL);
      g_free (path);
      path = with_extension;
    }
  _lc_officers_page_export_file (self, path, xlsx);
}
#endif

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
#ifdef LC_HAVE_REPORTS
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Export Roster"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (xlsx, _ ("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  g_object_set_data (G_OBJECT (xlsx), "lc-format", (gpointer) "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_filter_set_name (csv, _ ("CSV file (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  g_object_set_data (G_OBJECT (csv), "lc-format", (gpointer) "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  /* Translators: the suggested file name of a roster export, 花名册.xlsx */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("roster.xlsx"));

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
#endif
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
  gtk_widget_class_install_action (widget_class, "officers.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "officers.export", NULL, export_action);
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
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_count (self);
  update_actions (self);
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
