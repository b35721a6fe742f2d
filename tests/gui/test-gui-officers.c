/* test-gui-officers.c: the roster page on a real database: loading, search,
 * the department and leavers filters, the detail pane, the officer dialog's
 * inline validation, and which pages each role gets. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-application.h"
#include "lc-login-dialog.h"
#include "lc-password-dialog.h"
#include "lc-message-dialog.h"
#include "lc-gui-test-util.h"
#include "lc-officer-detail-private.h"
#include "lc-officer-dialog.h"
#include "lc-officer-object.h"
#include "lc-officers-page-private.h"
#include "lc-window-private.h"

#define PERSONNEL_PASSWORD "personnel-secret"

static char *tmp_dir;
static LcDb *db;
static LcApplication *app;
static gint64 market_id, squad_id, city_id;
static gint64 zhang_id, left_id;

static void
add_officer (LcSession *system, const char *staff_no, const char *name, gint64 department_id, const char *phone,
             LcOfficerStatus status, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  LcOfficer officer = {
    .staff_no = (char *) staff_no,
    .name = (char *) name,
    .department_id = department_id,
    .field = (char *) "市场监管",
    .post = (char *) "执法队员",
    .status = status,
    .phone = (char *) phone,
  };

  ck_assert_msg (lc_people_add_officer (system, &officer, out_id, &error), "%s", error ? error->message : "");
}

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;
  LcCertificate certificate = { 0 };

  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
  system = lc_session_new_system (db);

  ck_assert (lc_people_add_department (system, "01", "市场监督管理局", 0, &market_id, &error));
  ck_assert (lc_people_add_department (system, "0101", "执法一大队", market_id, &squad_id, &error));
  ck_assert (lc_people_add_department (system, "02", "城市管理局", 0, &city_id, &error));

  add_officer (system, "330401001", "张伟", squad_id, "13800000001", LC_OFFICER_ACTIVE, &zhang_id);
  add_officer (system, "330401002", "王芳", squad_id, "13800000002", LC_OFFICER_ACTIVE, NULL);
  add_officer (system, "330401003", "李娜", market_id, "13800000003", LC_OFFICER_SUSPENDED, NULL);
  add_officer (system, "330402001", "刘洋", city_id, "13900000004", LC_OFFICER_ACTIVE, NULL);
  add_officer (system, "330402002", "陈静", city_id, "13900000005", LC_OFFICER_ACTIVE, NULL);
  add_officer (system, "330402003", "杨帆", city_id, "13900000006", LC_OFFICER_LEFT, &left_id);

  certificate.officer_id = zhang_id;
  certificate.cert_no = (char *) "浙执0001";
  certificate.field = (char *) "市场监管";
  certificate.issued_on = (char *) "2024-01-15";
  ck_assert_msg (lc_people_issue_certificate (system, &certificate, NULL, NULL, &error), "%s",
                 error ? error->message : "");

  ck_assert (lc_auth_add_user (system, "personnel", PERSONNEL_PASSWORD, LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "trainer", PERSONNEL_PASSWORD, LC_ROLE_TRAINER, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "zhangwei", PERSONNEL_PASSWORD, LC_ROLE_OFFICER, zhang_id, FALSE, NULL, &error));

  /* One application for the process: a registered GApplication stays
   * exported on the bus, so with CK_FORK=no a second one could not register. */
  if (app == NULL)
    {
      app = lc_application_new ();
      ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error), "%s", error ? error->message : "");
    }
}

static void
teardown (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  lc_gui_test_drain ();
  g_clear_pointer (&db, lc_db_unref);
  lc_gui_test_remove_dir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

static LcSession *
sign_in (const char *login)
{
  g_autoptr (GError) error = NULL;
  LcSession *session = lc_auth_sign_in (db, login, PERSONNEL_PASSWORD, &error);

  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  return session;
}

static LcWindow *
open_window (const char *login)
{
  g_autoptr (LcSession) session = sign_in (login);
  LcWindow *window = lc_window_new (app, session);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
page_idle (gpointer data)
{
  return !_lc_officers_page_is_busy (data);
}

static guint
shown (LcOfficersPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (page->column_view)));
}

static LcOfficersPage *
loaded_page (const char *login)
{
  LcWindow *window = open_window (login);
  LcOfficersPage *page = window->officers_page;

  ck_assert_ptr_nonnull (page);
  ck_assert_msg (lc_gui_test_wait_for (page_idle, page), "the roster did not load");
  return page;
}

typedef struct
{
  LcOfficersPage *page;
  const char *text;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;
  g_autofree char *needle = g_utf8_casefold (wait->text, -1);

  return g_strcmp0 (wait->page->needle, needle) == 0 && !_lc_officers_page_is_busy (wait->page);
}

static void
search (LcOfficersPage *page, const char *text)
{
  SearchWait wait = { page, text };

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), text);
  ck_assert_msg (lc_gui_test_wait_for (search_applied, &wait), "the search for “%s” did not finish", text);
}

START_TEST (test_loads_roster)
{
  LcOfficersPage *page = loaded_page ("personnel");

  /* Six officers, one of whom left and is hidden until asked for. */
  ck_assert_uint_eq (shown (page), 5);
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "5 officers");

  gtk_check_button_set_active (page->left_check, TRUE);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 6);
}
END_TEST

START_TEST (test_search_filters)
{
  LcOfficersPage *page = loaded_page ("personnel");

  search (page, "王芳");
  ck_assert_uint_eq (shown (page), 1);

  /* By staff number, and widening again as the text gets shorter. */
  search (page, "3304010");
  ck_assert_uint_eq (shown (page), 3);
  search (page, "330402");
  ck_assert_uint_eq (shown (page), 2); /* 杨帆 left */

  /* By phone number. */
  search (page, "13900000005");
  ck_assert_uint_eq (shown (page), 1);
  {
    g_autoptr (LcOfficerObject) officer = g_list_model_get_item (G_LIST_MODEL (page->selection), 0);
    ck_assert_str_eq (lc_officer_object_get_name (officer), "陈静");
  }

  search (page, "nobody");
  ck_assert_uint_eq (shown (page), 0);
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "0 officers");
  /* The empty table says why. */
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (page->empty_label)));
  ck_assert_str_eq (gtk_label_get_text (page->empty_label), "No officer matches the search and the filters.");

  search (page, "");
  ck_assert_uint_eq (shown (page), 5);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (page->empty_label)));
}
END_TEST

START_TEST (test_department_filter)
{
  LcOfficersPage *page = loaded_page ("personnel");
  GListModel *departments = gtk_drop_down_get_model (page->department_dropdown);

  /* “All departments” and the three departments, parents first. */
  ck_assert_uint_eq (g_list_model_get_n_items (departments), 4);

  /* The bureau includes its squad. */
  gtk_drop_down_set_selected (page->department_dropdown, 1);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 3);

  gtk_drop_down_set_selected (page->department_dropdown, 2);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 2);

  /* Filters combine: the city bureau, with leavers, searched for 杨. */
  gtk_drop_down_set_selected (page->department_dropdown, 3);
  gtk_check_button_set_active (page->left_check, TRUE);
  search (page, "杨");
  ck_assert_uint_eq (shown (page), 1);

  gtk_drop_down_set_selected (page->department_dropdown, 0);
  gtk_check_button_set_active (page->left_check, FALSE);
  search (page, "");
  ck_assert_uint_eq (shown (page), 5);
}
END_TEST

static gint64
find_row (LcOfficersPage *page, gint64 officer_id)
{
  for (guint i = 0; i < shown (page); i++)
    {
      g_autoptr (LcOfficerObject) officer = g_list_model_get_item (G_LIST_MODEL (page->selection), i);
      if (lc_officer_object_get_id (officer) == officer_id)
        return i;
    }
  return -1;
}

START_TEST (test_selection_fills_detail)
{
  LcOfficersPage *page = loaded_page ("personnel");
  LcOfficerDetail *detail = page->detail;
  gint64 row = find_row (page, zhang_id);

  ck_assert_str_eq (gtk_stack_get_visible_child_name (detail->stack), "empty");
  ck_assert_int_ge (row, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (page->selection), (guint) row, TRUE);

  ck_assert_str_eq (gtk_stack_get_visible_child_name (detail->stack), "officer");
  ck_assert_str_eq (gtk_label_get_text (detail->name_label), "张伟");
  ck_assert_str_eq (gtk_label_get_text (detail->staff_no_value), "330401001");
  ck_assert_str_eq (gtk_label_get_text (detail->department_value), "市场监督管理局/执法一大队");
  ck_assert_str_eq (gtk_label_get_text (detail->phone_value), "13800000001");
  ck_assert_str_eq (gtk_label_get_text (detail->status_value), "Active");

  /* One certificate card, and the personnel office may act on it. */
  ck_assert_ptr_nonnull (gtk_widget_get_first_child (GTK_WIDGET (detail->certificates_box)));
  ck_assert_ptr_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (detail->certificates_box))));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (detail->no_certificates_label)));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (detail->issue_button)));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (detail->no_training_label)));

  /* Leaving the row empties the pane again. */
  gtk_single_selection_set_selected (page->selection, GTK_INVALID_LIST_POSITION);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (detail->stack), "empty");
}
END_TEST

START_TEST (test_search_enter_opens_first)
{
  LcOfficersPage *page = loaded_page ("personnel");
  LcOfficerDetail *detail = page->detail;

  /* Enter with nothing shown changes nothing. */
  search (page, "nobody");
  g_signal_emit_by_name (page->search_entry, "activate");
  ck_assert_str_eq (gtk_stack_get_visible_child_name (detail->stack), "empty");

  /* Search, Enter: the first officer shown is selected and in the pane. */
  search (page, "张伟");
  ck_assert_uint_eq (shown (page), 1);
  g_signal_emit_by_name (page->search_entry, "activate");
  ck_assert_uint_eq (gtk_single_selection_get_selected (page->selection), 0);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (detail->stack), "officer");
  ck_assert_str_eq (gtk_label_get_text (detail->name_label), "张伟");
}
END_TEST

START_TEST (test_officer_dialog_validates)
{
  g_autoptr (LcSession) session = sign_in ("personnel");
  LcOfficerDialog *dialog = lc_officer_dialog_new (NULL, session, NULL, squad_id);
  GtkWidget *staff_no = lc_gui_test_find (GTK_WIDGET (dialog), "staff_no_entry");
  GtkWidget *name = lc_gui_test_find (GTK_WIDGET (dialog), "name_entry");
  GtkWidget *error_label = lc_gui_test_find (GTK_WIDGET (dialog), "error_label");
  GtkWidget *save = lc_gui_test_find (GTK_WIDGET (dialog), "save_button");

  ck_assert_ptr_nonnull (staff_no);
  ck_assert_ptr_nonnull (save);
  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  /* An untouched form does not complain, but cannot be saved. */
  ck_assert (!gtk_widget_get_visible (error_label));
  ck_assert (!gtk_widget_is_sensitive (save));

  /* A staff number that is taken: said at once, on the right entry. */
  gtk_editable_set_text (GTK_EDITABLE (staff_no), "330401002");
  gtk_editable_set_text (GTK_EDITABLE (name), "赵磊");
  ck_assert (gtk_widget_get_visible (error_label));
  ck_assert_msg (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "330401002") != NULL, "%s",
                 gtk_label_get_text (GTK_LABEL (error_label)));
  ck_assert (gtk_widget_has_css_class (staff_no, "error"));
  ck_assert (!gtk_widget_has_css_class (name, "error"));
  ck_assert (!gtk_widget_is_sensitive (save));

  /* A free number but no name: the name entry is marked instead. */
  gtk_editable_set_text (GTK_EDITABLE (staff_no), "330401009");
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  ck_assert (gtk_widget_get_visible (error_label));
  ck_assert (!gtk_widget_has_css_class (staff_no, "error"));
  ck_assert (gtk_widget_has_css_class (name, "error"));

  /* Valid: no message, Save enabled; saving adds the officer. */
  gtk_editable_set_text (GTK_EDITABLE (name), "赵磊");
  ck_assert (!gtk_widget_get_visible (error_label));
  ck_assert (gtk_widget_is_sensitive (save));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LcOfficer) added = NULL;

    g_signal_emit_by_name (save, "clicked");
    added = lc_people_find_officer (session, "330401009", &error);
    ck_assert_msg (added != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq (added->name, "赵磊");
    ck_assert_int_eq (added->department_id, squad_id);
  }
}
END_TEST

/* The message dialog on screen, if any. */
static LcMessageDialog *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (LC_IS_MESSAGE_DIALOG (window))
        return LC_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static char *
details_text (LcMessageDialog *dialog)
{
  GtkTextView *view = GTK_TEXT_VIEW (lc_gui_test_find (GTK_WIDGET (dialog), "details_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  ck_assert_msg (g_file_set_contents (path, contents, -1, &error), "%s", error ? error->message : "");
  return path;
}

START_TEST (test_import_all_or_nothing)
{
  LcOfficersPage *page = loaded_page ("personnel");
  g_autofree char *bad = write_file ("bad.csv", "工号,姓名,部门编码,电话\n"
                                                "330409001,周杰,0101,13700000001\n"
                                                "330409002,吴敏,9999,13700000002\n");
  g_autofree char *good = write_file ("good.csv", "工号,姓名,部门编码,电话\n"
                                                  "330409001,周杰,0101,13700000001\n"
                                                  "330401002,王芳,0101,13811111111\n");
  LcMessageDialog *dialog;
  g_autofree char *details = NULL;

  /* One unknown department: refused, said where, and nothing stored. */
  ck_assert (_lc_officers_page_import_file (page, bad));
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  dialog = message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "The Roster Was Not Imported");
  details = details_text (dialog);
  ck_assert_msg (strstr (details, "row 3") != NULL && strstr (details, "9999") != NULL, "%s", details);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 5);

  /* A good file: one added, one updated, and the table shows it. */
  ck_assert (_lc_officers_page_import_file (page, good));
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  dialog = message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Roster Imported");
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (lc_gui_test_find (GTK_WIDGET (dialog), "body_label"))),
                    "1 added, 1 updated, 0 unchanged.");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 6);
  search (page, "13811111111");
  ck_assert_uint_eq (shown (page), 1);
}
END_TEST

START_TEST (test_export_what_is_shown)
{
  LcOfficersPage *page = loaded_page ("personnel");
  g_autofree char *csv = g_build_filename (tmp_dir, "roster.csv", NULL);
  g_autofree char *xlsx = g_build_filename (tmp_dir, "roster.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  LcMessageDialog *dialog;

  /* The city bureau, leavers included: two officers plus 杨帆. */
  gtk_drop_down_set_selected (page->department_dropdown, 3);
  gtk_check_button_set_active (page->left_check, TRUE);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 3);

  ck_assert (_lc_officers_page_export_file (page, csv, FALSE));
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  dialog = message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Roster Exported");
  gtk_window_destroy (GTK_WINDOW (dialog));

  ck_assert (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* Header, three officers, and the empty string after the last CRLF. */
  ck_assert_uint_eq (g_strv_length (lines), 5);
  ck_assert (strstr (lines[0], "工号") != NULL);
  ck_assert (strstr (contents, "杨帆") != NULL);
  ck_assert (strstr (contents, "张伟") == NULL);

  ck_assert (_lc_officers_page_export_file (page, xlsx, TRUE));
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  gtk_window_destroy (GTK_WINDOW (message_dialog ()));
  g_clear_pointer (&contents, g_free);
  ck_assert (g_file_get_contents (xlsx, &contents, NULL, NULL));
  ck_assert_mem_eq (contents, "PK", 2);
}
END_TEST

static gboolean
timer_fired (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
action_enabled (LcOfficersPage *page, const char *name)
{
  GtkWidget *button = GTK_WIDGET (g_str_equal (name, "import")   ? page->import_button
                                  : g_str_equal (name, "export") ? page->export_button
                                                                 : page->add_button);

  return gtk_widget_is_sensitive (button);
}

START_TEST (test_first_load_in_worker)
{
  LcWindow *window = open_window ("personnel");
  LcOfficersPage *page = window->officers_page;

  /* The window is there before the roster: a spinner says it is coming,
   * and nothing that needs the roster can start yet. */
  ck_assert (_lc_officers_page_is_busy (page));
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "Loading…");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (page->spinner)));
  ck_assert (!action_enabled (page, "import"));
  ck_assert (!action_enabled (page, "export"));
  ck_assert (!action_enabled (page, "add"));

  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 5);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (page->spinner)));
  ck_assert (action_enabled (page, "import"));
  ck_assert (action_enabled (page, "export"));
  ck_assert (action_enabled (page, "add"));
}
END_TEST

START_TEST (test_import_in_worker)
{
  LcOfficersPage *page = loaded_page ("personnel");
  g_autofree char *good = write_file ("good.csv", "工号,姓名,部门编码,电话\n"
                                                  "330409001,周杰,0101,13700000001\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDb) other = lc_db_open_copy (db, &error);
  gboolean fired = FALSE;
  gint64 count = 0;
  LcMessageDialog *dialog;

  /* Another program holds the database's write lock: the import must wait
   * for it, in its thread, while the window goes on (SQLite's busy wait
   * on the main thread would freeze it, or fail). */
  ck_assert_msg (other != NULL && lc_db_begin (other, &error), "%s", error ? error->message : "");
  ck_assert (_lc_officers_page_import_file (page, good));

  ck_assert (_lc_officers_page_is_busy (page));
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "Importing “good.csv”…");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (page->spinner)));
  ck_assert (gtk_spinner_get_spinning (page->spinner));
  /* What would clash with the import waits; a second import cannot start. */
  ck_assert (!action_enabled (page, "import"));
  ck_assert (!action_enabled (page, "export"));
  ck_assert (!action_enabled (page, "add"));
  ck_assert (!_lc_officers_page_import_file (page, good));

  /* The main loop runs its timers, and the page's own connection still
   * reads, while the import waits for the lock. */
  g_timeout_add (50, timer_fired, &fired);
  ck_assert (lc_gui_test_wait_for (flag_set, &fired));
  ck_assert (_lc_officers_page_is_busy (page));
  ck_assert_ptr_null (message_dialog ());
  ck_assert (lc_people_count_officers (page->session, &error) == 6);

  lc_db_rollback (other);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  dialog = message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Roster Imported");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The page reloaded: the new officer shows, and the buttons are back. */
  ck_assert_uint_eq (shown (page), 6);
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "6 officers");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (page->spinner)));
  ck_assert (action_enabled (page, "import"));
  ck_assert (action_enabled (page, "export"));
  count = lc_people_count_officers (page->session, &error);
  ck_assert_int_eq (count, 7);
}
END_TEST

static LcOfficerDialog *
officer_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (LC_IS_OFFICER_DIALOG (window))
        return LC_OFFICER_DIALOG (window);
    }
  return NULL;
}

static LcOfficerObject *
object_of (LcOfficersPage *page, guint position)
{
  return g_list_model_get_item (G_LIST_MODEL (page->selection), position);
}

START_TEST (test_department_paths)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GtkColumnViewColumn) column = NULL;
  static const char *const by_department[] = { "刘洋", "陈静", "赵磊", "李娜", "张伟", "王芳" };
  gint64 city_squad_id = 0;
  LcOfficersPage *page;

  /* Both bureaus have a 执法一大队: the column tells them apart. */
  ck_assert (lc_people_add_department (system, "0201", "执法一大队", city_id, &city_squad_id, &error));
  add_officer (system, "330402009", "赵磊", city_squad_id, "13900000009", LC_OFFICER_ACTIVE, NULL);
  page = loaded_page ("personnel");
  ck_assert_uint_eq (shown (page), 6);

  search (page, "赵磊");
  {
    g_autoptr (LcOfficerObject) zhao = object_of (page, 0);
    g_autofree char *bound = NULL;

    ck_assert_str_eq (lc_officer_object_get_department (zhao), "城市管理局/执法一大队");
    /* The property the cell binds. */
    g_object_get (zhao, "department", &bound, NULL);
    ck_assert_str_eq (bound, "城市管理局/执法一大队");
  }
  search (page, "张伟");
  {
    g_autoptr (LcOfficerObject) zhang = object_of (page, 0);
    ck_assert_str_eq (lc_officer_object_get_department (zhang), "市场监督管理局/执法一大队");
  }
  search (page, "李娜");
  {
    g_autoptr (LcOfficerObject) li = object_of (page, 0);
    ck_assert_str_eq (lc_officer_object_get_department (li), "市场监督管理局");
  }
  search (page, "");

  /* Sorted by department: by bureau, the bureau's own officers before its
   * squad's, staff numbers within. */
  column = g_list_model_get_item (gtk_column_view_get_columns (page->column_view), LC_OFFICER_COLUMN_DEPARTMENT);
  gtk_column_view_sort_by_column (page->column_view, column, GTK_SORT_ASCENDING);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), G_N_ELEMENTS (by_department));
  for (guint i = 0; i < G_N_ELEMENTS (by_department); i++)
    {
      g_autoptr (LcOfficerObject) officer = object_of (page, i);
      ck_assert_msg (g_str_equal (lc_officer_object_get_name (officer), by_department[i]), "row %u: %s (%s)", i,
                     lc_officer_object_get_name (officer), lc_officer_object_get_department (officer));
    }

  /* The city bureau's filter takes in its squad. */
  gtk_drop_down_set_selected (page->department_dropdown, 3);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  ck_assert_uint_eq (shown (page), 3);

  /* An officer saved in the dialog comes back with the path too. */
  search (page, "赵磊");
  gtk_single_selection_set_selected (page->selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "officers.edit", NULL);
  {
    LcOfficerDialog *dialog = officer_dialog ();
    g_autoptr (LcOfficerObject) zhao = NULL;

    ck_assert_ptr_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (lc_gui_test_find (GTK_WIDGET (dialog), "phone_entry")), "13900000010");
    g_signal_emit_by_name (lc_gui_test_find (GTK_WIDGET (dialog), "save_button"), "clicked");
    ck_assert (lc_gui_test_wait_for (page_idle, page));
    zhao = object_of (page, 0);
    ck_assert_str_eq (lc_officer_object_get_phone (zhao), "13900000010");
    ck_assert_str_eq (lc_officer_object_get_department (zhao), "城市管理局/执法一大队");
  }
}
END_TEST

static int
gtk_window_get_default_size_width (GtkWindow *window)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (window, &width, &height);
  return width;
}

static guint
n_pages (LcWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_stack_get_pages (window->stack)));
}

START_TEST (test_pages_by_role)
{
  LcWindow *personnel = open_window ("personnel");
  LcWindow *trainer = open_window ("trainer");
  LcWindow *officer = open_window ("zhangwei");

  ck_assert_ptr_nonnull (personnel->officers_page);
  ck_assert_ptr_null (personnel->record_detail);
  /* The roster, exam results and their own account. */
  ck_assert_uint_eq (n_pages (personnel), 3);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (personnel->stack, "exams"));

  ck_assert_ptr_null (trainer->officers_page);
  ck_assert_ptr_null (trainer->record_detail);
  /* Statutes, the question bank, exams and their own account. */
  ck_assert_uint_eq (n_pages (trainer), 4);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (trainer->stack, "exams"));
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (trainer->stack, "statutes"));
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (trainer->stack, "bank"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (personnel->stack, "statutes"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (personnel->stack, "bank"));

  /* An officer sees their own record, read-only. */
  ck_assert_ptr_null (officer->officers_page);
  ck_assert_ptr_nonnull (officer->record_detail);
  /* Their record, My exams and their account. */
  ck_assert_uint_eq (n_pages (officer), 3);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (officer->stack, "my-exams"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (officer->stack, "exams"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (trainer->stack, "my-exams"));
  ck_assert_str_eq (gtk_label_get_text (officer->record_detail->name_label), "张伟");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (officer->record_detail->issue_button)));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (officer->record_detail->training_button)));
}
END_TEST

/* Sign-in and passwords ------------------------------------------------ */

typedef struct
{
  LcSession *session;
  gboolean done;
  gboolean changed;
} Outcome;

static void
on_signed_in (LcLoginDialog *dialog, LcSession *session, Outcome *outcome)
{
  outcome->session = g_object_ref (session);
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (lc_gui_test_find (data, "error_label"));
}

static gboolean
signed_in (gpointer data)
{
  return ((Outcome *) data)->session != NULL;
}

START_TEST (test_login_dialog_signs_in)
{
  LcLoginDialog *dialog = lc_login_dialog_new (GTK_APPLICATION (app), db, "personnel");
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *login = lc_gui_test_find (root, "login_entry");
  GtkWidget *password = lc_gui_test_find (root, "password_entry");
  Outcome outcome = { 0 };

  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The last login is offered again, and the password is where typing goes. */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (login)), "personnel");
  ck_assert (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), password));

  gtk_editable_set_text (GTK_EDITABLE (password), "wrong password");
  gtk_widget_activate_action (root, "login.sign-in", NULL);
  ck_assert (lc_gui_test_wait_for (error_shown, root));
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (lc_gui_test_find (root, "error_label"))),
                    "The login name or the password is wrong.");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (password)), "");
  ck_assert_ptr_null (outcome.session);

  gtk_editable_set_text (GTK_EDITABLE (password), PERSONNEL_PASSWORD);
  gtk_widget_activate_action (root, "login.sign-in", NULL);
  ck_assert (lc_gui_test_wait_for (signed_in, &outcome));
  ck_assert_str_eq (lc_session_get_login (outcome.session), "personnel");
  ck_assert_int_eq (lc_session_get_role (outcome.session), LC_ROLE_PERSONNEL);
  g_object_unref (outcome.session);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

static void
on_password_done (LcPasswordDialog *dialog, gboolean changed, Outcome *outcome)
{
  outcome->done = TRUE;
  outcome->changed = changed;
}

START_TEST (test_password_dialog_changes_password)
{
  g_autoptr (LcSession) session = sign_in ("trainer");
  LcPasswordDialog *dialog = lc_password_dialog_new (NULL, session, TRUE);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *save = lc_gui_test_find (root, "save_button");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) again = NULL;
  Outcome outcome = { 0 };

  g_signal_connect (dialog, "done", G_CALLBACK (on_password_done), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));

  gtk_editable_set_text (GTK_EDITABLE (lc_gui_test_find (root, "old_entry")), PERSONNEL_PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (lc_gui_test_find (root, "new_entry")), "short");
  ck_assert (!gtk_widget_is_sensitive (save));
  ck_assert (gtk_widget_has_css_class (lc_gui_test_find (root, "new_entry"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (lc_gui_test_find (root, "new_entry")), "a longer secret");
  gtk_editable_set_text (GTK_EDITABLE (lc_gui_test_find (root, "repeat_entry")), "a longer secreT");
  ck_assert (!gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (lc_gui_test_find (root, "repeat_entry")), "a longer secret");
  ck_assert (gtk_widget_is_sensitive (save));

  g_signal_emit_by_name (save, "clicked");
  ck_assert (outcome.done && outcome.changed);
  again = lc_auth_sign_in (db, "trainer", "a longer secret", &error);
  ck_assert_msg (again != NULL, "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_window_size_from_settings)
{
  GSettings *settings = lc_application_get_settings (app);
  LcWindow *window;

  /* The tests point GSETTINGS_SCHEMA_DIR at the compiled schema. */
  ck_assert_ptr_nonnull (settings);
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 600);
  window = open_window ("personnel");
  ck_assert_int_eq (gtk_window_get_default_size_width (GTK_WINDOW (window)), 1200);
}
END_TEST

static Suite *
gui_officers_suite (void)
{
  Suite *suite = suite_create ("gui-officers");
  TCase *roster = tcase_create ("roster");
  TCase *window = tcase_create ("window");

  tcase_add_checked_fixture (roster, setup, teardown);
  tcase_set_timeout (roster, 60);
  tcase_add_test (roster, test_loads_roster);
  tcase_add_test (roster, test_search_filters);
  tcase_add_test (roster, test_search_enter_opens_first);
  tcase_add_test (roster, test_department_filter);
  tcase_add_test (roster, test_selection_fills_detail);
  tcase_add_test (roster, test_officer_dialog_validates);
  tcase_add_test (roster, test_import_all_or_nothing);
  tcase_add_test (roster, test_export_what_is_shown);
  tcase_add_test (roster, test_first_load_in_worker);
  tcase_add_test (roster, test_import_in_worker);
  tcase_add_test (roster, test_department_paths);
  suite_add_tcase (suite, roster);

  tcase_add_checked_fixture (window, setup, teardown);
  tcase_set_timeout (window, 60);
  tcase_add_test (window, test_pages_by_role);
  tcase_add_test (window, test_login_dialog_signs_in);
  tcase_add_test (window, test_password_dialog_changes_password);
  tcase_add_test (window, test_window_size_from_settings);
  suite_add_tcase (suite, window);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  lc_gui_test_require_display ();
  /* The tests read English texts and build no bus connection for a11y. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);

  runner = srunner_create (gui_officers_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
