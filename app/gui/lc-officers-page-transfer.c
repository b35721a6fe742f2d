/* lc-officers-page-transfer.c: the roster page's import and export of
 * spreadsheet files, run in a worker thread on a connection of its own. */
#define G_LOG_DOMAIN "lc-officers-page"

#include "config.h"

#include "lc-db.h"
#include "lc-department-item.h"
#include "lc-export-chooser.h"
#include "lc-i18n.h"
#include "lc-message-dialog.h"
#include "lc-officers-page-private.h"
#include "lc-roster.h"
#ifdef LC_HAVE_REPORTS
#include "lc-report-roster.h"
#endif

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
  _lc_officers_page_update_count (self);
  _lc_officers_page_update_actions (self);
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
  _lc_officers_page_update_count (self);
  _lc_officers_page_update_actions (self);
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
      _lc_officers_page_update_count (self);
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
  lc_message_dialog_show (_lc_officers_page_parent_window (self), title, error->message);
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

  dialog = lc_message_dialog_new (_lc_officers_page_parent_window (self), _ ("The Roster Was Not Imported"), body);
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
  lc_message_dialog_show (_lc_officers_page_parent_window (self), _ ("Roster Imported"), body);
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
  lc_message_dialog_show (_lc_officers_page_parent_window (self), _ ("Roster Exported"), body);
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
  lc_message_dialog_show (_lc_officers_page_parent_window (self), _ ("The Roster Was Not Exported"),
                          _ ("This build of Lexcert cannot write spreadsheets."));
  return FALSE;
#endif
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
      lc_message_dialog_show (_lc_officers_page_parent_window (self), _ ("The Roster Was Not Imported"),
                              _ ("Only files on this computer or a mounted share can be imported."));
      return;
    }
  _lc_officers_page_import_file (self, path);
}

void
_lc_officers_page_import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Import Roster"), _lc_officers_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
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
  static const char *const formats[] = { "xlsx", "csv", NULL };
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *format = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = lc_export_chooser_path (GTK_FILE_CHOOSER (chooser), file, formats, &format);
  g_clear_object (&self->file_chooser);
  if (file == NULL)
    return;
  if (path == NULL)
    {
      lc_message_dialog_show (_lc_officers_page_parent_window (self), _ ("The Roster Was Not Exported"),
                              _ ("Only files on this computer or a mounted share can be written."));
      return;
    }
  _lc_officers_page_export_file (self, path, g_str_equal (format, "xlsx"));
}
#endif

void
_lc_officers_page_export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
#ifdef LC_HAVE_REPORTS
  LcOfficersPage *self = LC_OFFICERS_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Export Roster"), _lc_officers_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  lc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("Excel workbook (.xlsx)"), "xlsx");
  lc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("CSV file (.csv)"), "csv");
  /* Translators: the suggested file name of a roster export, 花名册.xlsx */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("roster.xlsx"));

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
#endif
}
