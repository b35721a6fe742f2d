/* lc-bank-import-dialog.c: importing questions into the bank after a
 * preview; the file is read and checked in a worker thread on a connection
 * of its own. */
#define G_LOG_DOMAIN "lc-bank-import-dialog"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-bank-import-dialog-private.h"
#include "lc-i18n.h"
#include "lc-tabular.h"

/* Characters of a question's text shown in its row; the cell ellipsizes the rest. */
#define ROW_TEXT_MAX 200

/* One question as a row ----------------------------------------------------- */

enum
{
  ROW_PROP_0,
  ROW_PROP_OUTCOME_LABEL,
  ROW_PROP_LINE,
  ROW_PROP_UID,
  ROW_PROP_CATEGORY,
  ROW_PROP_TEXT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (LcBankImportRow, lc_bank_import_row, G_TYPE_OBJECT)

static void
lc_bank_import_row_finalize (GObject *object)
{
  LcBankImportRow *self = LC_BANK_IMPORT_ROW (object);

  g_free (self->outcome_label);
  g_free (self->line);
  g_free (self->uid);
  g_free (self->category);
  g_free (self->text);

  G_OBJECT_CLASS (lc_bank_import_row_parent_class)->finalize (object);
}

static void
lc_bank_import_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcBankImportRow *self = LC_BANK_IMPORT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_OUTCOME_LABEL:
      g_value_set_string (value, self->outcome_label);
      break;
    case ROW_PROP_LINE:
      g_value_set_string (value, self->line);
      break;
    case ROW_PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case ROW_PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case ROW_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_bank_import_row_class_init (LcBankImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_bank_import_row_finalize;
  object_class->get_property = lc_bank_import_row_get_property;

  row_properties[ROW_PROP_OUTCOME_LABEL] =
      g_param_spec_string ("outcome-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_LINE] =
      g_param_spec_string ("line", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_UID] =
      g_param_spec_string ("uid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_CATEGORY] =
      g_param_spec_string ("category", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_TEXT] =
      g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
lc_bank_import_row_init (LcBankImportRow *self)
{
}

static const char *
outcome_label (LcBankImportOutcome outcome)
{
  switch (outcome)
    {
    case LC_BANK_IMPORT_ADDED:
      return _ ("Will be added");
    case LC_BANK_IMPORT_UPDATED:
      return _ ("Will be updated");
    case LC_BANK_IMPORT_SKIPPED:
      return _ ("Skipped");
    case LC_BANK_IMPORT_UNCHANGED:
    default:
      return _ ("Unchanged");
    }
}

static const char *
skipped_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "matching") == 0)
    return _ ("Matching question");
  if (g_strcmp0 (kind, "numerical") == 0)
    return _ ("Numerical question");
  /* Translators: GIFT text without an answer block, which the bank cannot hold */
  return _ ("Description without an answer");
}

/* The first line of @text, without the end of a very long one. */
static char *
first_line (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, (gsize) (end - text)) : g_strdup (text);
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > ROW_TEXT_MAX)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, ROW_TEXT_MAX);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static LcBankImportRow *
lc_bank_import_row_new (const LcBankImportItem *item)
{
  LcBankImportRow *self = g_object_new (LC_TYPE_BANK_IMPORT_ROW, NULL);

  self->outcome = item->outcome;
  self->outcome_label = g_strdup (outcome_label (item->outcome));
  self->line = g_strdup_printf ("%u", item->line);
  self->uid = g_strdup (item->uid);
  self->category = g_strdup (item->category);
  if (item->outcome == LC_BANK_IMPORT_SKIPPED && item->stem != NULL)
    /* Translators: a left-out question: “Matching question: ::name::” */
    self->text = g_strdup_printf (_ ("%s: %s"), skipped_kind_label (item->skipped_kind), item->stem);
  else if (item->outcome == LC_BANK_IMPORT_SKIPPED)
    self->text = g_strdup (skipped_kind_label (item->skipped_kind));
  else
    self->text = first_line (item->stem);
  return self;
}

/* What was read of the file ------------------------------------------------ */

/* Shared (reference-counted) between the dialog and its workers, so that the
 * import stores exactly what the preview showed, whatever happens to the file
 * in between. Read-only once made. */
struct _LcBankImportSource
{
  char *name;     /* the file's base name, for problems */
  GBytes *gift;   /* a GIFT file, or NULL */
  LcTable *table; /* an XLSX or CSV table, or NULL */
};

static void
source_clear (LcBankImportSource *source)
{
  g_free (source->name);
  g_clear_pointer (&source->gift, g_bytes_unref);
  g_clear_pointer (&source->table, lc_table_free);
}

static LcBankImportSource *
source_ref (LcBankImportSource *source)
{
  return g_atomic_rc_box_acquire (source);
}

static void
source_unref (LcBankImportSource *source)
{
  g_atomic_rc_box_release_full (source, (GDestroyNotify) source_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcBankImportSource, source_unref)

/* By the extension, as lexcert-cli does: .xlsx, .csv, anything else GIFT. */
static LcBankImportSource *
source_read (const char *path, GError **error)
{
  g_autoptr (LcBankImportSource) source = g_atomic_rc_box_new0 (LcBankImportSource);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  source->name = g_path_get_basename (path);
  if (g_str_has_suffix (lower, ".xlsx"))
    source->table = lc_table_read_xlsx (path, NULL, error);
  else if (g_str_has_suffix (lower, ".csv"))
    source->table = lc_table_read_csv (path, error);
  else
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, error))
        source->gift = g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  if (source->table == NULL && source->gift == NULL)
    return NULL;
  return g_steal_pointer (&source);
}

/* The worker ---------------------------------------------------------------- */

typedef struct
{
  LcSession *session; /* the worker's own connection */
  GApplication *app;  /* held while an import runs; released on the main loop */
  guint serial;
  char *path;                 /* read when @source is NULL */
  LcBankImportSource *source; /* what is imported */
  LcBankImportFlags flags;
  /* the outcome */
  LcBankImportResult result;
  GPtrArray *items;
  GPtrArray *problems;
} Job;

static void
job_free (Job *job)
{
  g_assert (job->app == NULL);
  g_clear_object (&job->session);
  g_free (job->path);
  g_clear_pointer (&job->source, source_unref);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static void
job_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok;

  /* Closed before the work began: an import the user will not see the outcome of does not start. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (job->source == NULL && (job->source = source_read (job->path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->source->table != NULL)
    ok = lc_bank_import_table (job->session, job->source->table, job->flags, &job->result, &job->items, &job->problems,
                               &error);
  else
    {
      gsize length = 0;
      const char *text = g_bytes_get_data (job->source->gift, &length);

      ok = lc_bank_import_gift (job->session, text, length, job->source->name, job->flags, &job->result, &job->items,
                                &job->problems, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The dialog ---------------------------------------------------------------- */

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcBankImportDialog, lc_bank_import_dialog, GTK_TYPE_WINDOW)

static void
show_error (LcBankImportDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (LcBankImportDialog *self)
{
  gboolean importing = self->job == LC_BANK_IMPORT_JOB_IMPORT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 self->can_import && self->job == LC_BANK_IMPORT_JOB_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !importing);
  /* An import runs to its commit or rollback: the window waits for it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_check), !importing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->job != LC_BANK_IMPORT_JOB_NONE);
  gtk_spinner_set_spinning (self->spinner, self->job != LC_BANK_IMPORT_JOB_NONE);
}

static void
set_count (GtkLabel *label, guint n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (label, text);
}

/* Forgets the last outcome shown. */
static void
clear_outcome (LcBankImportDialog *self)
{
  self->can_import = FALSE;
  memset (&self->result, 0, sizeof self->result);
  g_list_store_remove_all (self->rows);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);
  gtk_widget_set_visible (self->counts_grid, FALSE);
  gtk_widget_set_visible (self->questions_box, FALSE);
  gtk_widget_set_visible (self->problems_box, FALSE);
  show_error (self, NULL);
}

static void job_done (GObject *source_object, GAsyncResult *result, gpointer user_data);

static void
start_job (LcBankImportDialog *self, LcBankImportJob kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;
  GApplication *app = g_application_get_default ();
  LcSession *copy;
  Job *job;

  g_return_if_fail (self->path != NULL);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  self->job = LC_BANK_IMPORT_JOB_NONE;
  if (kind == LC_BANK_IMPORT_JOB_PREVIEW)
    clear_outcome (self);
  copy = lc_session_open_copy (self->session, &error);
  if (copy == NULL)
    {
      show_error (self, error->message);
      update_actions (self);
      return;
    }
  job = g_new0 (Job, 1);
  job->session = copy;
  job->serial = ++self->job_serial;
  job->path = g_strdup (self->path);
  job->source = self->source != NULL ? source_ref (self->source) : NULL;
  if (gtk_check_button_get_active (self->skip_check))
    job->flags |= LC_BANK_IMPORT_SKIP_UNSUPPORTED;
  if (kind == LC_BANK_IMPORT_JOB_PREVIEW)
    job->flags |= LC_BANK_IMPORT_DRY_RUN;
  /* Closing the main window during an import must not end the process
   * before the import has committed or rolled back. */
  if (kind == LC_BANK_IMPORT_JOB_IMPORT && app != NULL)
    {
      job->app = g_object_ref (app);
      g_application_hold (app);
    }
  self->job = kind;
  self->cancellable = g_cancellable_new ();
  name = g_path_get_basename (self->path);
  if (kind == LC_BANK_IMPORT_JOB_PREVIEW)
    /* Translators: %s is a file name */
    status = g_strdup_printf (_ ("Checking “%s”…"), name);
  else
    /* Translators: %s is a file name */
    status = g_strdup_printf (_ ("Importing “%s”…"), name);
  gtk_label_set_text (self->status_label, status);
  task = g_task_new (NULL, self->cancellable, job_done, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
  update_actions (self);
}

static void
show_problems (LcBankImportDialog *self, const char *name, GPtrArray *problems)
{
  g_autofree char *message = NULL;

  for (guint i = 0; i < problems->len; i++)
    gtk_string_list_append (self->problems, g_ptr_array_index (problems, i));
  gtk_widget_set_visible (self->problems_box, TRUE);
  /* Translators: %s is a file name; the problems are listed below */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” has %u problem, listed below, and would be refused as a whole. "
                                          "Correct the file and choose it again.",
                                          "“%s” has %u problems, listed below, and would be refused as a whole. "
                                          "Correct the file and choose it again.",
                                          problems->len),
                             name, problems->len);
  show_error (self, message);
  gtk_label_set_text (self->status_label, _ ("Nothing can be imported from this file."));
}

static void
show_preview (LcBankImportDialog *self, Job *job)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  const LcBankImportResult *r = &job->result;

  self->result = *r;
  for (guint i = 0; i < job->items->len; i++)
    g_ptr_array_add (rows, lc_bank_import_row_new (g_ptr_array_index (job->items, i)));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows->pdata, rows->len);
  gtk_column_view_column_set_title (self->line_column,
                                    /* Translators: column title: the row of a spreadsheet */
                                    job->source->table != NULL ? _ ("Row")
                                                               /* Translators: column title: the line of a GIFT file */
                                                               : _ ("Line"));
  set_count (self->added_count, r->added);
  set_count (self->updated_count, r->updated);
  set_count (self->unchanged_count, r->unchanged);
  set_count (self->skipped_count, r->skipped);
  gtk_widget_set_visible (self->counts_grid, TRUE);
  gtk_widget_set_visible (self->questions_box, rows->len > 0);
  self->can_import = r->added + r->updated > 0;
  if (self->can_import)
    gtk_label_set_text (self->status_label, _ ("Nothing has been stored yet. Press Import to store these questions."));
  else if (rows->len == 0)
    gtk_label_set_text (self->status_label, _ ("The file holds no question."));
  else
    gtk_label_set_text (self->status_label,
                        _ ("Nothing would change: the bank already holds every question of this file as it is."));
}

static void
job_done (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcBankImportDialog) self = user_data;
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  if (job->app != NULL)
    {
      g_application_release (job->app);
      g_clear_object (&job->app);
    }
  /* Cancelled: a newer job took over, or the dialog went away. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || job->serial != self->job_serial)
    return;
  self->job = LC_BANK_IMPORT_JOB_NONE;
  g_clear_object (&self->cancellable);
  if (self->source == NULL && job->source != NULL)
    self->source = source_ref (job->source);
  name = g_path_get_basename (job->path);
  if (ok && (job->flags & LC_BANK_IMPORT_DRY_RUN) == 0)
    {
      self->result = job->result;
      self->can_import = FALSE;
      update_actions (self);
      g_signal_emit (self, signals[IMPORTED], 0);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (ok)
    show_preview (self, job);
  else if ((job->flags & LC_BANK_IMPORT_DRY_RUN) == 0 && !g_error_matches (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT))
    {
      g_autofree char *message = NULL;

      /* The preview still holds (the database was busy, say): Import may be tried again. */
      /* Translators: the reason follows */
      message = g_strdup_printf (_ ("Nothing was imported: %s"), error->message);
      show_error (self, message);
      gtk_label_set_text (self->status_label,
                          _ ("Nothing has been stored yet. Press Import to store these questions."));
    }
  else
    {
      clear_outcome (self);
      if (g_error_matches (error, LC_BANK_ERROR, LC_BANK_ERROR_IMPORT) && job->problems != NULL)
        show_problems (self, job->source != NULL ? job->source->name : name, job->problems);
      else
        {
          show_error (self, error->message);
          gtk_label_set_text (self->status_label, _ ("Nothing can be imported from this file."));
        }
    }
  update_actions (self);
  /* From the keyboard, Enter then imports what the preview showed. */
  if (self->can_import && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static void
skip_toggled (LcBankImportDialog *self)
{
  if (self->path != NULL)
    start_job (self, LC_BANK_IMPORT_JOB_PREVIEW);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcBankImportDialog *self = LC_BANK_IMPORT_DIALOG (widget);

  if (!self->can_import || self->job != LC_BANK_IMPORT_JOB_NONE)
    return;
  start_job (self, LC_BANK_IMPORT_JOB_IMPORT);
}

static void
chooser_response (LcBankImportDialog *self, int response, GtkFileChooserNative *chooser)
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
      clear_outcome (self);
      show_error (self, _ ("Only files on this computer or a mounted share can be imported."));
      return;
    }
  _lc_bank_import_dialog_load_path (self, path);
}

static void
add_filter (GtkFileChooser *chooser, const char *name, const char *const *suffixes)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  /* Suffixes match whatever the case: “题库.GIFT” too. */
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  lc_bank_import_dialog_choose_file (LC_BANK_IMPORT_DIALOG (widget));
}

static gboolean
lc_bank_import_dialog_close_request (GtkWindow *window)
{
  LcBankImportDialog *self = LC_BANK_IMPORT_DIALOG (window);

  /* An import runs to its end (all or nothing); the dialog tells how it went. */
  if (self->job == LC_BANK_IMPORT_JOB_IMPORT)
    return TRUE;
  return GTK_WINDOW_CLASS (lc_bank_import_dialog_parent_class)->close_request (window);
}

static void
lc_bank_import_dialog_dispose (GObject *object)
{
  LcBankImportDialog *self = LC_BANK_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_BANK_IMPORT_DIALOG);
  g_clear_object (&self->rows);
  g_clear_object (&self->problems);
  g_clear_object (&self->session);
  g_clear_pointer (&self->source, source_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (lc_bank_import_dialog_parent_class)->dispose (object);
}

static void
lc_bank_import_dialog_class_init (LcBankImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lc_bank_import_dialog_dispose;
  window_class->close_request = lc_bank_import_dialog_close_request;

  /**
   * LcBankImportDialog::imported:
   *
   * The questions were stored (lc_bank_import_dialog_get_result() has the
   * counts); the dialog closes right after.
   */
  signals[IMPORTED] =
      g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LC_TYPE_BANK_IMPORT_ROW);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-bank-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, added_count);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, updated_count);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, unchanged_count);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, skipped_count);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, questions_box);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, questions_view);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, line_column);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, skip_toggled);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_bank_import_dialog_init (LcBankImportDialog *self)
{
  g_autoptr (GtkNoSelection) problems = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->rows = g_list_store_new (LC_TYPE_BANK_IMPORT_ROW);
  self->problems = gtk_string_list_new (NULL);
  {
    g_autoptr (GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));

    /* A row is read, not chosen; the selection only gives the keyboard a place. */
    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_column_view_set_model (self->questions_view, GTK_SELECTION_MODEL (selection));
  }
  problems = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (problems));
  update_actions (self);
}

LcBankImportDialog *
lc_bank_import_dialog_new (GtkWindow *parent, LcSession *session)
{
  LcBankImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_BANK_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  return self;
}

void
lc_bank_import_dialog_choose_file (LcBankImportDialog *self)
{
  static const char *const gift[] = { "gift", "txt", NULL };
  static const char *const xlsx[] = { "xlsx", NULL };
  static const char *const csv[] = { "csv", NULL };
  static const char *const all[] = { "gift", "txt", "xlsx", "csv", NULL };
  GtkFileChooserNative *chooser;

  g_return_if_fail (LC_IS_BANK_IMPORT_DIALOG (self));

  if (self->file_chooser != NULL || self->job == LC_BANK_IMPORT_JOB_IMPORT)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Import Questions"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _ ("Question files (GIFT, Excel, CSV)"), all);
  add_filter (GTK_FILE_CHOOSER (chooser), _ ("GIFT text (.gift, .txt)"), gift);
  add_filter (GTK_FILE_CHOOSER (chooser), _ ("Excel workbook (.xlsx)"), xlsx);
  add_filter (GTK_FILE_CHOOSER (chooser), _ ("CSV file (.csv)"), csv);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

const LcBankImportResult *
lc_bank_import_dialog_get_result (LcBankImportDialog *self)
{
  g_return_val_if_fail (LC_IS_BANK_IMPORT_DIALOG (self), NULL);

  return &self->result;
}

void
_lc_bank_import_dialog_load_path (LcBankImportDialog *self, const char *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (LC_IS_BANK_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->job == LC_BANK_IMPORT_JOB_IMPORT)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->source, source_unref);
  name = g_path_get_basename (path);
  gtk_label_set_text (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), path);
  start_job (self, LC_BANK_IMPORT_JOB_PREVIEW);
}

gboolean
_lc_bank_import_dialog_is_busy (LcBankImportDialog *self)
{
  g_return_val_if_fail (LC_IS_BANK_IMPORT_DIALOG (self), FALSE);

  return self->job != LC_BANK_IMPORT_JOB_NONE;
}
