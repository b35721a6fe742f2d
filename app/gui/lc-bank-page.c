/* lc-bank-page.c: the trainer's Question bank page. */
#define G_LOG_DOMAIN "lc-bank-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-accessible.h"
#include "lc-bank-import-dialog.h"
#include "lc-bank-page-private.h"
#include "lc-bank.h"
#include "lc-category-tree.h"
#include "lc-column-view.h"
#include "lc-exam-stats.h"
#include "lc-export-chooser.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-question-editor.h"
#include "lc-question-history-dialog.h"

#ifdef LC_HAVE_REPORTS
#include "lc-report-bank.h"
#endif

/* One row of the question list: a current version, without options. */

#define LC_TYPE_BANK_ITEM (lc_bank_item_get_type ())
G_DECLARE_FINAL_TYPE (LcBankItem, lc_bank_item, LC, BANK_ITEM, GObject)

struct _LcBankItem
{
  GObject parent_instance;

  LcQuestion *question;
};

G_DEFINE_FINAL_TYPE (LcBankItem, lc_bank_item, G_TYPE_OBJECT)

static void
lc_bank_item_finalize (GObject *object)
{
  g_clear_pointer (&LC_BANK_ITEM (object)->question, lc_question_free);
  G_OBJECT_CLASS (lc_bank_item_parent_class)->finalize (object);
}

static void
lc_bank_item_class_init (LcBankItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_bank_item_finalize;
}

static void
lc_bank_item_init (LcBankItem *self)
{
}

/* The page ------------------------------------------------------------------ */

/* Typing waits this long for the next key before the bank is searched. */
#define DEBOUNCE_MS 250

enum
{
  COLUMN_UID,
  COLUMN_TYPE,
  COLUMN_DIFFICULTY,
  COLUMN_STATUS,
  COLUMN_STEM,
  COLUMN_BASIS,
  COLUMN_STATS,
};

G_DEFINE_FINAL_TYPE (LcBankPage, lc_bank_page, GTK_TYPE_WIDGET)

static void show_question (LcBankPage *self);

static void
show_error (LcBankPage *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Searching in a thread ----------------------------------------------------- */

/* As on the other pages: the bank is searched in a GTask thread on a
 * connection of its own (lc_session_open_copy(), made on the main thread). */

typedef struct
{
  LcSession *session;
  char *text;
  char *category;
  char *law_slug;
  LcBankFilter filter;
  GPtrArray *categories; /* read with the first search only */
  gboolean want_categories;
  GPtrArray *result;
  GHashTable *marks; /* read with the categories, for who may read results */
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->session);
  g_free (data->text);
  g_free (data->category);
  g_free (data->law_slug);
  g_clear_pointer (&data->categories, g_ptr_array_unref);
  g_clear_pointer (&data->result, g_ptr_array_unref);
  g_clear_pointer (&data->marks, g_hash_table_unref);
  g_free (data);
}

static void
search_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;

  if (data->want_categories)
    {
      data->categories = lc_bank_list_categories (data->session, &error);
      if (data->categories == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      /* Item statistics change only as exams are graded: read them with
       * the categories (a reload), not at every keystroke. */
      if (lc_session_can (data->session, LC_PERM_READ_RESULTS))
        {
          data->marks = lc_exam_stats_latest_by_question (data->session, LC_ITEM_STATS_MIN_N, &error);
          if (data->marks == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
        }
    }
  data->filter.text = data->text;
  data->filter.category = data->category;
  data->filter.law_slug = data->law_slug;
  data->result = lc_bank_search (data->session, &data->filter, &error);
  if (data->result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The path of the chosen category, or NULL for all of them. */
static const char *
selected_category (LcBankPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->category_selection);
  g_autoptr (LcCategoryNode) node = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  /* The node outlives this call: the tree holds it. */
  return node != NULL ? lc_category_node_get_path (node) : NULL;
}

gboolean
_lc_bank_page_select_category (LcBankPage *self, const char *path)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->category_tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->category_tree), i);
      g_autoptr (LcCategoryNode) node = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (lc_category_node_get_path (node), path) == 0)
        {
          gtk_single_selection_set_selected (self->category_selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
categories_loaded (LcBankPage *self, GPtrArray *categories)
{
  g_autofree char *chosen = g_strdup (selected_category (self));

  self->loading_categories = TRUE;
  lc_category_tree_fill (self->category_roots, categories);
  /* The chosen category stays chosen when it is still there. */
  if (chosen == NULL || !_lc_bank_page_select_category (self, chosen))
    gtk_single_selection_set_selected (self->category_selection, 0);
  self->loading_categories = FALSE;
}

/* Chooses the first question listed and takes the focus to it. */
static void
select_first (LcBankPage *self)
{
  GtkWidget *list;

  gtk_single_selection_set_selected (self->question_selection, 0);
  if ((list = lc_column_view_scroll_to (self->question_view, 0)) != NULL)
    gtk_widget_grab_focus (list);
}

static void
search_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcBankPage) self = user_data;
  SearchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected_uid = NULL;
  g_autofree char *count = NULL;

  /* Cancelled: a newer search took over, or the page went away. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  if (data->categories != NULL)
    categories_loaded (self, data->categories);
  if (data->marks != NULL)
    {
      g_clear_pointer (&self->stats_marks, g_hash_table_unref);
      self->stats_marks = g_steal_pointer (&data->marks);
    }
  if (self->select_after_search != NULL)
    selected_uid = g_steal_pointer (&self->select_after_search);
  else if (self->shown != NULL)
    selected_uid = g_strdup (self->shown->uid);
  for (guint i = 0; i < data->result->len; i++)
    {
      LcBankItem *item = g_object_new (LC_TYPE_BANK_ITEM, NULL);

      item->question = g_steal_pointer (&data->result->pdata[i]);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->questions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->questions)), items->pdata,
                       items->len);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", items->len), items->len);
  gtk_label_set_text (self->count_label, count);
  if (self->select_first_after_search && items->len > 0)
    {
      g_clear_pointer (&selected_uid, g_free);
      select_first (self);
    }
  self->select_first_after_search = FALSE;
  /* A re-listing keeps the shown question chosen when it is still listed. */
  if (selected_uid == NULL || !_lc_bank_page_select_uid (self, selected_uid))
    show_question (self);
}

static void
run_search (LcBankPage *self, gboolean want_categories)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  LcSession *copy;
  SearchData *data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint difficulty = gtk_drop_down_get_selected (self->difficulty_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint law = gtk_drop_down_get_selected (self->law_dropdown);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  copy = lc_session_open_copy (self->session, &error);
  if (copy == NULL)
    {
      show_error (self, error->message);
      return;
    }
  data = g_new0 (SearchData, 1);
  data->session = copy;
  data->want_categories = want_categories;
  lc_bank_filter_init (&data->filter);
  /* The first entry of each picker means "any". */
  data->filter.type = type == GTK_INVALID_LIST_POSITION || type == 0 ? -1 : (int) type - 1;
  data->filter.difficulty = difficulty == GTK_INVALID_LIST_POSITION ? 0 : (int) difficulty;
  data->filter.status = status == GTK_INVALID_LIST_POSITION || status == 0 ? -1 : (int) status - 1;
  data->text = text[0] != '\0' ? g_strdup (text) : NULL;
  if (!want_categories)
    data->category = g_strdup (selected_category (self));
  if (law != GTK_INVALID_LIST_POSITION && law < self->law_slugs->len)
    data->law_slug = g_strdup (g_ptr_array_index (self->law_slugs, law));
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, search_done, g_object_ref (self));
  g_task_set_source_tag (task, run_search);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

static gboolean
debounce_done (gpointer user_data)
{
  LcBankPage *self = user_data;

  self->debounce_id = 0;
  run_search (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
filter_changed (LcBankPage *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  run_search (self, FALSE);
}

static void
search_changed (LcBankPage *self)
{
  /* Waiting for a pause in the typing spares the database a search for
   * every key and every step of an input method's composition. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_done, self);
}

/* Enter in the search box chooses the first question found and moves the
 * focus to the list: search, Enter, arrows, Enter to edit, all by keyboard. */
static void
search_activated (LcBankPage *self)
{
  if (_lc_bank_page_is_busy (self))
    {
      self->select_first_after_search = TRUE;
      if (self->debounce_id != 0)
        filter_changed (self);
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->questions)) > 0)
    select_first (self);
}

/* The chosen question ------------------------------------------------------- */

static void
append_section (GString *text, const char *heading, const char *body)
{
  g_autofree char *escaped = g_markup_escape_text (body, -1);

  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append_printf (text, "<b>%s</b>\n%s", heading, escaped);
}

static void
show_question (LcBankPage *self)
{
  LcBankItem *item = gtk_single_selection_get_selected_item (self->question_selection);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) options = g_string_new (NULL);
  g_autoptr (GString) versions_text = g_string_new (NULL);
  g_autoptr (GPtrArray) versions = NULL;
  LcQuestion *question;

  g_clear_pointer (&self->shown, lc_question_free);
  if (item == NULL)
    {
      gtk_label_set_text (self->detail_label, _ ("Choose a question to see it here."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.edit", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.history", FALSE);
      return;
    }
  /* One question with its options reads fast enough on the main thread. */
  self->shown = lc_bank_get_question (self->session, item->question->uid, &error);
  if (self->shown != NULL)
    versions = lc_bank_list_versions (self->session, item->question->uid, &error);
  if (versions == NULL)
    {
      show_error (self, error->message);
      gtk_label_set_text (self->detail_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.edit", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.history", FALSE);
      return;
    }
  question = self->shown;
  append_section (text, _ ("Question"), question->stem);
  for (guint i = 0; question->options != NULL && i < question->options->len; i++)
    {
      LcQuestionOption *option = g_ptr_array_index (question->options, i);
      const char *shown_text = option->text;

      if (question->type == LC_QUESTION_TRUEFALSE)
        shown_text = g_strcmp0 (option->text, "T") == 0 ? _ ("True") : _ ("False");
      if (question->type == LC_QUESTION_FILL)
        g_string_append_printf (options, "%s• %s", options->len > 0 ? "\n" : "", shown_text);
      else if (option->correct)
        /* TRANSLATORS: a correct option; the words after the mark are read by screen readers too */
        g_string_append_printf (options, _ ("%s✓ %c. %s (correct)"), options->len > 0 ? "\n" : "", 'A' + (char) i,
                                shown_text);
      else
        g_string_append_printf (options, "%s   %c. %s", options->len > 0 ? "\n" : "", 'A' + (char) i, shown_text);
    }
  if (options->len > 0)
    append_section (text, question->type == LC_QUESTION_FILL ? _ ("Accepted answers") : _ ("Options"), options->str);
  if (question->model_answer != NULL)
    append_section (text, _ ("Model answer"), question->model_answer);
  if (question->explanation != NULL)
    append_section (text, _ ("Explanation"), question->explanation);
  if (question->basis_ref != NULL)
    {
      g_autofree char *basis =
          g_strdup_printf ("%s\n%s", question->basis_label != NULL ? question->basis_label : question->basis_ref,
                           question->basis_text != NULL ? question->basis_text : "");
      append_section (text, _ ("Legal basis"), basis);
    }
  for (guint i = 0; i < versions->len; i++)
    {
      LcQuestion *version = g_ptr_array_index (versions, i);
      g_autoptr (GDateTime) created = g_date_time_new_from_unix_local (version->created_at);
      g_autofree char *date = created != NULL ? g_date_time_format (created, "%Y-%m-%d %H:%M") : g_strdup ("");
      /* TRANSLATORS: a version's number, date and author */
      g_string_append_printf (versions_text, _ ("%sVersion %d, %s, by %s"), i > 0 ? "\n" : "", version->version_no,
                              date, version->author_name);
    }
  append_section (text, _ ("Versions"), versions_text->str);
  gtk_label_set_markup (self->detail_label, text->str);
  gtk_button_set_label (self->status_button, question->status == LC_QUESTION_RETIRED ? _ ("Rest_ore") : _ ("_Retire"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.edit", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.history", TRUE);
}

static void
status_clicked (LcBankPage *self)
{
  g_autoptr (GError) error = NULL;
  LcQuestionStatus status;

  if (self->shown == NULL)
    return;
  status = self->shown->status == LC_QUESTION_RETIRED ? LC_QUESTION_ACTIVE : LC_QUESTION_RETIRED;
  if (!lc_bank_set_status (self->session, self->shown->uid, status, &error))
    {
      show_error (self, error->message);
      return;
    }
  run_search (self, FALSE);
}

/* Writing questions --------------------------------------------------------- */

static void
editor_saved (LcBankPage *self, const char *uid)
{
  g_free (self->select_after_search);
  self->select_after_search = g_strdup (uid);
  /* The category list is read again too: a new question may have made one. */
  run_search (self, TRUE);
}

GtkWidget *
_lc_bank_page_open_editor (LcBankPage *self, const char *uid)
{
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *category_path = selected_category (self);
  LcQuestionEditor *editor;

  editor = lc_question_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, uid, category_path,
                                   &error);
  if (editor == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _lc_bank_page_open_editor (LC_BANK_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcBankPage *self = LC_BANK_PAGE (widget);

  if (self->shown != NULL)
    _lc_bank_page_open_editor (self, self->shown->uid);
}

static void
imported (LcBankPage *self)
{
  /* An import can add categories as well as questions. */
  run_search (self, TRUE);
}

GtkWidget *
_lc_bank_page_open_import (LcBankPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LcBankImportDialog *dialog =
      lc_bank_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkWidget *dialog = _lc_bank_page_open_import (LC_BANK_PAGE (widget));

  lc_bank_import_dialog_choose_file (LC_BANK_IMPORT_DIALOG (dialog));
}

static void
history_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcBankPage *self = LC_BANK_PAGE (widget);
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  LcQuestionHistoryDialog *dialog;

  if (self->shown == NULL)
    return;
  dialog = lc_question_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session,
                                           self->shown->uid, &error);
  if (dialog == NULL)
    show_error (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
question_activated (LcBankPage *self, guint position)
{
  g_autoptr (LcBankItem) item = g_list_model_get_item (G_LIST_MODEL (self->questions), position);

  if (item != NULL)
    _lc_bank_page_open_editor (self, item->question->uid);
}

/* Export -------------------------------------------------------------------- */

gboolean
_lc_bank_page_export_file (LcBankPage *self, const char *path, const char *format, GError **error)
{
  const char *category_path = selected_category (self);

  if (g_strcmp0 (format, "gift") == 0)
    {
      g_autofree char *text = NULL;

      /* GIFT keeps the bank's categories: the chosen one is exported whole. */
      if (!lc_bank_export_gift (self->session, category_path, &text, error))
        return FALSE;
      return g_file_set_contents (path, text, -1, error);
    }
#ifdef LC_HAVE_REPORTS
  {
    g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_question_free);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));

    /* A table holds what the list shows; the list has no options, so each
     * question is read whole. An export is rare and asked for, so the wait
     * on the main thread is acceptable. */
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (LcBankItem) item = g_list_model_get_item (G_LIST_MODEL (self->questions), i);
        LcQuestion *question = lc_bank_get_question (self->session, item->question->uid, error);

        if (question == NULL)
          return FALSE;
        g_ptr_array_add (questions, question);
      }
    if (g_strcmp0 (format, "csv") == 0)
      return lc_report_bank_write_csv (questions, path, error);
    return lc_report_bank_write_xlsx (questions, path, error);
  }
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _ ("This build of Lexcert cannot write spreadsheets; export as GIFT."));
  return FALSE;
#endif
}

static void
export_response (LcBankPage *self, int response, GtkFileChooserNative *chooser)
{
  static const char *const formats[] = { "gift", "xlsx", "csv", NULL };
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
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
      show_error (self, _ ("Only files on this computer or a mounted share can be written."));
      return;
    }
  if (!_lc_bank_page_export_file (self, path, format, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcBankPage *self = LC_BANK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Export Questions"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  lc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("GIFT text (.gift)"), "gift");
#ifdef LC_HAVE_REPORTS
  lc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("Excel workbook (.xlsx)"), "xlsx");
  lc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("CSV file (.csv)"), "csv");
#endif
  /* Translators: the suggested file name of a question bank export, 题库.gift */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("questions.gift"));
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

/* Item statistics ------------------------------------------------------------ */

char *
_lc_bank_page_stats_text (const LcQuestionStatsMark *mark)
{
  g_autofree char *flags = NULL;

  if (mark == NULL)
    return g_strdup ("");
  if (mark->flags == LC_ITEM_FLAG_NONE)
    /* Translators: the statistics column of a question whose item statistics are healthy */
    return g_strdup (_ ("OK"));
  flags = lc_item_flags_describe (mark->flags);
  /* Translators: the statistics column of a flagged question: “⚠ too hard” */
  return g_strdup_printf (_ ("⚠ %s"), flags);
}

static char *
figure (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.2f", value);
}

char *
_lc_bank_page_stats_tooltip (const LcQuestionStatsMark *mark)
{
  g_autofree char *p = NULL;
  g_autofree char *rpb = NULL;
  g_autofree char *d = NULL;

  if (mark == NULL)
    return NULL;
  p = figure (mark->facility);
  rpb = figure (mark->rpb);
  d = figure (mark->discrimination);
  /* Translators: the tooltip of the statistics column: facility P (难度), point-biserial r and
   * discrimination D (区分度), then the exam they come from, the question's version and how many sat it */
  return g_strdup_printf (_ ("P %s, r %s, D %s in “%s” (version %d, %u attempts)"), p, rpb, d, mark->exam_title,
                          mark->version_no, mark->n);
}

/* Cells --------------------------------------------------------------------- */

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LcBankItem *item = gtk_list_item_get_item (list_item);
  LcQuestion *question = item->question;
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *owned = NULL;
  g_autofree char *tooltip = NULL;
  const char *text = "";

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_UID:
      text = question->uid;
      break;
    case COLUMN_TYPE:
      text = lc_question_type_display_name (question->type);
      break;
    case COLUMN_DIFFICULTY:
      text = owned = g_strdup_printf ("%d", question->difficulty);
      break;
    case COLUMN_STATUS:
      text = lc_question_status_display_name (question->status);
      break;
    case COLUMN_STEM:
      {
        const char *end = strchr (question->stem, '\n');
        text = owned =
            end != NULL ? g_strndup (question->stem, (gsize) (end - question->stem)) : g_strdup (question->stem);
      }
      break;
    case COLUMN_BASIS:
      text = question->basis_ref != NULL ? question->basis_ref : "";
      break;
    case COLUMN_STATS:
      {
        LcBankPage *self = g_object_get_data (G_OBJECT (factory), "lc-bank-page");
        const LcQuestionStatsMark *mark =
            self->stats_marks != NULL ? g_hash_table_lookup (self->stats_marks, &question->id) : NULL;

        tooltip = _lc_bank_page_stats_tooltip (mark);
        text = owned = _lc_bank_page_stats_text (mark);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
add_column (LcBankPage *self, const char *title, int column, gboolean expand)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "lc-bank-page", self);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->question_view, view_column);
}

/* Test hooks ---------------------------------------------------------------- */

gboolean
_lc_bank_page_is_busy (LcBankPage *self)
{
  return self->cancellable != NULL || self->debounce_id != 0;
}

gboolean
_lc_bank_page_select_uid (LcBankPage *self, const char *uid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcBankItem) item = g_list_model_get_item (G_LIST_MODEL (self->questions), i);

      if (g_strcmp0 (item->question->uid, uid) == 0)
        {
          if (gtk_single_selection_get_selected (self->question_selection) == i)
            show_question (self);
          else
            gtk_single_selection_set_selected (self->question_selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
_lc_bank_page_get_uid (LcBankPage *self, guint position)
{
  g_autoptr (LcBankItem) item = g_list_model_get_item (G_LIST_MODEL (self->questions), position);

  return item != NULL ? item->question->uid : NULL;
}

/* Class ---------------------------------------------------------------------- */

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (LC_BANK_PAGE (widget)->search_entry));
}

static void
lc_bank_page_dispose (GObject *object)
{
  LcBankPage *self = LC_BANK_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_pointer (&self->stats_marks, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_BANK_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->category_selection);
  g_clear_object (&self->category_tree);
  g_clear_object (&self->category_roots);
  g_clear_object (&self->question_selection);
  g_clear_object (&self->questions);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lc_bank_page_parent_class)->dispose (object);
}

static void
lc_bank_page_finalize (GObject *object)
{
  LcBankPage *self = LC_BANK_PAGE (object);

  g_clear_pointer (&self->law_slugs, g_ptr_array_unref);
  g_clear_pointer (&self->select_after_search, g_free);
  g_clear_pointer (&self->shown, lc_question_free);
  G_OBJECT_CLASS (lc_bank_page_parent_class)->finalize (object);
}

static void
lc_bank_page_class_init (LcBankPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_bank_page_dispose;
  object_class->finalize = lc_bank_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-bank-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, category_list);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, difficulty_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, law_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, question_view);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, LcBankPage, error_label);

  gtk_widget_class_install_action (widget_class, "bank.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "bank.find", NULL);
  gtk_widget_class_install_action (widget_class, "bank.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "bank.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "bank.new", NULL);
  gtk_widget_class_install_action (widget_class, "bank.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "bank.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "bank.import", NULL, import_action);
}

static void
lc_bank_page_init (LcBankPage *self)
{
  g_autoptr (GtkListItemFactory) category_factory = lc_category_tree_factory_new ();
  g_autoptr (GtkStringList) types = NULL;
  g_autoptr (GtkStringList) difficulties = NULL;
  g_autoptr (GtkStringList) statuses = NULL;
  const char *difficulty_names[] = { _ ("Any difficulty"), "1", "2", "3", "4", "5", NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  types = gtk_string_list_new (NULL);
  gtk_string_list_append (types, _ ("Any type"));
  for (int type = LC_QUESTION_SINGLE; type <= LC_QUESTION_ESSAY; type++)
    gtk_string_list_append (types, lc_question_type_display_name (type));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  difficulties = gtk_string_list_new (difficulty_names);
  gtk_drop_down_set_model (self->difficulty_dropdown, G_LIST_MODEL (difficulties));
  statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _ ("Any status"));
  for (int status = LC_QUESTION_DRAFT; status <= LC_QUESTION_RETIRED; status++)
    gtk_string_list_append (statuses, lc_question_status_display_name (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->law_slugs = g_ptr_array_new_with_free_func (g_free);
  self->category_roots = g_list_store_new (LC_TYPE_CATEGORY_NODE);
  self->category_tree = lc_category_tree_new (self->category_roots);
  self->category_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->category_tree)));
  gtk_single_selection_set_autoselect (self->category_selection, FALSE);
  gtk_list_view_set_model (self->category_list, GTK_SELECTION_MODEL (self->category_selection));
  gtk_list_view_set_factory (self->category_list, category_factory);

  self->questions = g_list_store_new (LC_TYPE_BANK_ITEM);
  self->question_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->questions)));
  gtk_single_selection_set_autoselect (self->question_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->question_selection, TRUE);
  gtk_column_view_set_model (self->question_view, GTK_SELECTION_MODEL (self->question_selection));
  add_column (self, _ ("ID"), COLUMN_UID, FALSE);
  add_column (self, _ ("Type"), COLUMN_TYPE, FALSE);
  add_column (self, _ ("Difficulty"), COLUMN_DIFFICULTY, FALSE);
  add_column (self, _ ("Status"), COLUMN_STATUS, FALSE);
  add_column (self, _ ("Question"), COLUMN_STEM, TRUE);
  add_column (self, _ ("Legal basis"), COLUMN_BASIS, FALSE);
  /* Translators: a column of the question list: item statistics (统计) */
  add_column (self, C_ ("column", "Statistics"), COLUMN_STATS, FALSE);
  show_question (self);

  /* "changed" rather than "search-changed": the page keeps its own delay. */
  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->difficulty_dropdown, "notify::selected", G_CALLBACK (filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->question_selection, "notify::selected-item", G_CALLBACK (show_question), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_button, "clicked", G_CALLBACK (status_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->question_view, "activate", G_CALLBACK (question_activated), self, G_CONNECT_SWAPPED);
}

/* The law filter lists each statute once, by its latest title. */
static void
load_laws (LcBankPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = lc_law_list_versions (self->session, NULL, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->law_slugs, 0);
  g_ptr_array_add (self->law_slugs, NULL);
  gtk_string_list_append (names, _ ("Any law"));
  if (versions == NULL)
    show_error (self, error->message);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (versions, i);
      LcLawVersion *next = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;

      if (next != NULL && g_strcmp0 (next->slug, version->slug) == 0)
        continue;
      g_ptr_array_add (self->law_slugs, g_strdup (version->slug));
      gtk_string_list_append (names, version->title);
    }
  gtk_drop_down_set_model (self->law_dropdown, G_LIST_MODEL (names));
}

static void
category_changed (LcBankPage *self)
{
  if (self->session != NULL && !self->loading_categories)
    filter_changed (self);
}

LcBankPage *
lc_bank_page_new (LcSession *session)
{
  LcBankPage *self;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_BANK_PAGE, NULL);
  self->session = g_object_ref (session);
  load_laws (self);
  run_search (self, TRUE);
  g_signal_connect_object (self->law_dropdown, "notify::selected", G_CALLBACK (category_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_selection, "notify::selected", G_CALLBACK (category_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}
