/* test-gui-departments.c: the departments dialog on a real database: a new
 * database's administrator sets up the tree from the roster page, the
 * roster's filter shows it afterwards, and the core's refusals (a loop in
 * the tree, a duplicate code, an empty name) show inline. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-application.h"
#include "lc-department-item.h"
#include "lc-departments-dialog.h"
#include "lc-gui-test-util.h"
#include "lc-officers-page-private.h"
#include "lc-window-private.h"

#define ADMIN_PASSWORD "admin-secret"

static char *tmp_dir;
static LcDb *db;
static LcApplication *app;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;

  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
  system = lc_session_new_system (db);
  ck_assert (lc_auth_add_user (system, "admin", ADMIN_PASSWORD, LC_ROLE_ADMINISTRATOR, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "trainer", ADMIN_PASSWORD, LC_ROLE_TRAINER, 0, FALSE, NULL, &error));
  if (app == NULL)
    {
      app = lc_application_new ();
      ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error), "%s", error ? error->message : "");
    }
}

static void
teardown (void)
{
  lc_gui_test_close (&db, &tmp_dir);
}

static LcSession *
sign_in (const char *login)
{
  g_autoptr (GError) error = NULL;
  LcSession *session = lc_auth_sign_in (db, login, ADMIN_PASSWORD, &error);

  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  return session;
}

static gboolean
page_idle (gpointer data)
{
  return !_lc_officers_page_is_busy (data);
}

static GtkWidget *
find (GtkWidget *root, const char *id)
{
  GtkWidget *widget = lc_gui_test_find (root, id);

  ck_assert_msg (widget != NULL, "no widget with the id “%s”", id);
  return widget;
}

/* The open window of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static const char *
error_text (GtkWidget *dialog)
{
  GtkWidget *label = find (dialog, "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

/* The position of the drop-down item named @name (the name, not the indented label). */
static guint
dropdown_position (GtkWidget *dropdown, const char *name)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        return i;
    }
  ck_abort_msg ("no “%s” in the drop-down", name);
  return GTK_INVALID_LIST_POSITION;
}

static const char *
dropdown_chosen (GtkWidget *dropdown)
{
  static char name[256];
  GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
  g_autofree char *item_name = NULL;

  ck_assert_ptr_nonnull (item);
  g_object_get (item, "name", &item_name, NULL);
  g_strlcpy (name, item_name, sizeof name);
  return name;
}

static void
fill (GtkWidget *dialog, const char *code, const char *name)
{
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "code_entry")), code);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "name_entry")), name);
}

static void
select_row (GtkWidget *dialog, const char *code)
{
  GtkColumnView *tree = GTK_COLUMN_VIEW (find (dialog, "tree_view"));
  GtkSelectionModel *model = gtk_column_view_get_model (tree);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *item_code = NULL;

      g_object_get (item, "code", &item_code, NULL);
      if (g_strcmp0 (item_code, code) == 0)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          return;
        }
    }
  ck_abort_msg ("no department “%s” in the tree", code);
}

static void
on_done (LcDepartmentsDialog *dialog, gboolean changed, gpointer data)
{
  *(int *) data = changed ? 1 : 0;
}

START_TEST (test_first_departments_from_roster)
{
  g_autoptr (LcSession) session = sign_in ("admin");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) bureau = NULL;
  g_autoptr (LcDepartment) squad = NULL;
  LcWindow *window = lc_window_new (app, session);
  LcOfficersPage *page = window->officers_page;
  GtkWidget *dialog;
  GtkWidget *empty_button;
  GtkWidget *save;
  GListModel *filter;
  int done = -1;

  gtk_window_present (GTK_WINDOW (window));
  ck_assert_ptr_nonnull (page);
  ck_assert (lc_gui_test_wait_for (page_idle, page));

  /* A new database: the roster says why it is empty and offers the way out,
   * no command line. */
  empty_button = find (GTK_WIDGET (page), "empty_departments_button");
  ck_assert (gtk_widget_get_visible (empty_button));
  ck_assert (gtk_widget_is_sensitive (empty_button));
  ck_assert (gtk_widget_get_visible (find (GTK_WIDGET (page), "departments_button")));
  ck_assert_ptr_null (strstr (gtk_label_get_text (page->empty_label), "lexcert-cli"));
  ck_assert (!gtk_widget_is_sensitive (GTK_WIDGET (page->add_button)));
  /* Both buttons are named by their label alone (no raw “_Set Up…”). */
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (empty_button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (find (GTK_WIDGET (page), "departments_button")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL));

  g_signal_emit_by_name (empty_button, "clicked");
  dialog = GTK_WIDGET (find_toplevel (LC_TYPE_DEPARTMENTS_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  g_signal_connect (dialog, "done", G_CALLBACK (on_done), &done);
  save = find (dialog, "save_button");
  lc_gui_test_drain ();

  /* An empty form: nothing to complain about yet, nothing to add. */
  ck_assert_str_eq (error_text (dialog), "");
  ck_assert (!gtk_widget_is_sensitive (save));
  ck_assert_str_eq (dropdown_chosen (find (dialog, "parent_dropdown")), "(top level)");

  /* A bureau at the top level. */
  fill (dialog, "01", "市场监督管理局");
  ck_assert_str_eq (error_text (dialog), "");
  ck_assert (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  bureau = lc_people_find_department (session, "01", &error);
  ck_assert_msg (bureau != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (bureau->name, "市场监督管理局");
  ck_assert_int_eq (bureau->parent_id, 0);
  /* The form is ready for the next one, and empty again. */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "code_entry"))), "");
  ck_assert (!gtk_widget_is_sensitive (save));

  /* A squad below it: select the bureau, New Sub-unit. */
  select_row (dialog, "01");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "name_entry"))), "市场监督管理局");
  ck_assert (gtk_widget_activate_action (dialog, "departments.new-child", NULL));
  ck_assert_str_eq (dropdown_chosen (find (dialog, "parent_dropdown")), "市场监督管理局");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "code_entry"))), "");
  fill (dialog, "0101", "执法一大队");
  ck_assert (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  squad = lc_people_find_department (session, "0101", &error);
  ck_assert_msg (squad != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (squad->parent_id, bureau->id);
  ck_assert_uint_eq (g_list_model_get_n_items (
                         G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find (dialog, "tree_view"))))),
                     2);

  /* Closing tells the page, which reloads its filter and paths. */
  gtk_window_close (GTK_WINDOW (dialog));
  ck_assert_int_eq (done, 1);
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  filter = gtk_drop_down_get_model (page->department_dropdown);
  ck_assert_uint_eq (g_list_model_get_n_items (filter), 3);
  {
    g_autoptr (LcDepartmentItem) first = g_list_model_get_item (filter, 1);
    g_autoptr (LcDepartmentItem) second = g_list_model_get_item (filter, 2);

    ck_assert_str_eq (lc_department_item_get_name (first), "市场监督管理局");
    ck_assert_str_eq (lc_department_item_get_name (second), "执法一大队");
    /* The squad is indented below its bureau. */
    ck_assert_str_eq (lc_department_item_get_label (second), "\u3000执法一大队");
  }
  /* Officers can be added now, and the empty table says so. */
  ck_assert (!gtk_widget_get_visible (empty_button));
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (page->add_button)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (page->empty_label), "roster is empty"));
}
END_TEST

START_TEST (test_refusals_inline)
{
  g_autoptr (LcSession) session = sign_in ("admin");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) unchanged = NULL;
  gint64 bureau_id = 0, squad_id = 0, city_id = 0;
  LcDepartmentsDialog *dialog;
  GtkWidget *root, *parent, *code, *name, *save;

  ck_assert (lc_people_add_department (session, "01", "市场监督管理局", 0, &bureau_id, &error));
  ck_assert (lc_people_add_department (session, "0101", "执法一大队", bureau_id, &squad_id, &error));
  ck_assert (lc_people_add_department (session, "02", "城市管理局", 0, &city_id, &error));

  dialog = lc_departments_dialog_new (NULL, session);
  root = GTK_WIDGET (dialog);
  parent = find (root, "parent_dropdown");
  code = find (root, "code_entry");
  name = find (root, "name_entry");
  save = find (root, "save_button");
  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  /* Typing a new code says nothing yet of the empty name below it. */
  gtk_editable_set_text (GTK_EDITABLE (code), "03");
  ck_assert_str_eq (error_text (root), "");
  ck_assert (!gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (code), "01");
  ck_assert_str_eq (error_text (root), "");
  gtk_editable_set_text (GTK_EDITABLE (name), "环境局");
  ck_assert_str_eq (error_text (root), "Another department already has the code “01”.");
  ck_assert (gtk_widget_has_css_class (code, "error"));

  /* The bureau under its own squad: a loop, refused at once, on the drop-down. */
  lc_departments_dialog_select (dialog, bureau_id);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (name)), "市场监督管理局");
  ck_assert (gtk_widget_is_sensitive (save));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (parent), dropdown_position (parent, "执法一大队"));
  ck_assert_str_eq (error_text (root), "A department cannot be placed under itself or one of its own units.");
  ck_assert (gtk_widget_has_css_class (parent, "error"));
  ck_assert (!gtk_widget_is_sensitive (save));
  /* Under itself, the same. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (parent), dropdown_position (parent, "市场监督管理局"));
  ck_assert_str_eq (error_text (root), "A department cannot be placed under itself or one of its own units.");
  gtk_widget_activate_action (root, "departments.save", NULL);

  /* Back at the top: fine again. Then another's code: refused, on the code. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (parent), 0);
  ck_assert_str_eq (error_text (root), "");
  ck_assert (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (code), "02");
  ck_assert_str_eq (error_text (root), "Another department already has the code “02”.");
  ck_assert (gtk_widget_has_css_class (code, "error"));
  ck_assert (!gtk_widget_has_css_class (parent, "error"));
  ck_assert (!gtk_widget_is_sensitive (save));

  /* An empty name: refused, on the name. */
  gtk_editable_set_text (GTK_EDITABLE (code), "01");
  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  ck_assert_str_eq (error_text (root), "Department name is required.");
  ck_assert (gtk_widget_has_css_class (name, "error"));
  ck_assert (!gtk_widget_has_css_class (code, "error"));
  ck_assert (!gtk_widget_is_sensitive (save));

  /* Nothing of the tries was stored. */
  unchanged = lc_people_find_department (session, "01", &error);
  ck_assert_msg (unchanged != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (unchanged->name, "市场监督管理局");
  ck_assert_int_eq (unchanged->parent_id, 0);

  /* A rename and a move: the squad goes under the city bureau with a new name. */
  lc_departments_dialog_select (dialog, squad_id);
  gtk_editable_set_text (GTK_EDITABLE (name), "城管执法一中队");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (parent), dropdown_position (parent, "城市管理局"));
  ck_assert_str_eq (error_text (root), "");
  ck_assert (gtk_widget_activate_action (root, "departments.save", NULL));
  {
    g_autoptr (LcDepartment) moved = lc_people_find_department (session, "0101", &error);
    g_autofree char *path = lc_people_department_path (session, squad_id, &error);

    ck_assert_msg (moved != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq (moved->name, "城管执法一中队");
    ck_assert_int_eq (moved->parent_id, city_id);
    ck_assert_str_eq (path, "城市管理局/城管执法一中队");
  }
  /* The form stays on the department just saved. */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (name)), "城管执法一中队");
  ck_assert_str_eq (dropdown_chosen (parent), "城市管理局");
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_not_for_trainers)
{
  g_autoptr (LcSession) session = sign_in ("trainer");
  g_autoptr (GError) error = NULL;
  LcDepartmentsDialog *dialog;

  /* The trainer has no roster page; and the core refuses a trainer's
   * department, which the dialog would say rather than store. */
  {
    LcWindow *window = lc_window_new (app, session);
    ck_assert_ptr_null (window->officers_page);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  dialog = lc_departments_dialog_new (NULL, session);
  fill (GTK_WIDGET (dialog), "09", "试验局");
  ck_assert_ptr_nonnull (strstr (error_text (GTK_WIDGET (dialog)), "trainer"));
  ck_assert (!gtk_widget_is_sensitive (find (GTK_WIDGET (dialog), "save_button")));
  {
    g_autoptr (LcDepartment) none = lc_people_find_department (session, "09", NULL);
    ck_assert_ptr_null (none);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* Accessibility ------------------------------------------------------- */

static void
assert_labelled (GtkWidget *root, const char *id, const char *label_id)
{
  GtkWidget *widget = find (root, id);
  GtkWidget *label = find (root, label_id);
  g_autofree char *mismatch = NULL;

  ck_assert_msg (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s has no label", id);
  mismatch =
      gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  ck_assert_msg (mismatch == NULL, "%s: %s", id, mismatch);
  ck_assert_ptr_eq (gtk_label_get_mnemonic_widget (GTK_LABEL (label)), widget);
  ck_assert_uint_ne (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)), GDK_KEY_VoidSymbol);
}

static void
assert_button_named (GtkWidget *root, const char *id)
{
  GtkWidget *button = find (root, id);

  ck_assert_msg (gtk_test_accessible_has_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON), "%s", id);
  ck_assert_msg (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s has no name", id);
  ck_assert_msg (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL),
                 "%s still has the raw mnemonic label", id);
}

START_TEST (test_dialog_accessible)
{
  g_autoptr (LcSession) session = sign_in ("admin");
  g_autoptr (GError) error = NULL;
  LcDepartmentsDialog *dialog;
  GtkWidget *root;
  static const char *const labelled[][2] = {
    { "code_entry", "code_label" },
    { "name_entry", "name_label" },
    { "parent_dropdown", "parent_label" },
  };
  static const char *const buttons[] = { "new_button", "new_child_button", "save_button", "close_button" };
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint));

  ck_assert (lc_people_add_department (session, "01", "市场监督管理局", 0, NULL, &error));
  dialog = lc_departments_dialog_new (NULL, session);
  root = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      assert_labelled (root, labelled[i][0], labelled[i][1]);
      g_array_append_val (keys, (guint){ gtk_label_get_mnemonic_keyval (GTK_LABEL (find (root, labelled[i][1]))) });
    }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "code_entry")), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                       TRUE);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "parent_dropdown")), GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "tree_view")), GTK_ACCESSIBLE_ROLE_TREE_GRID);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "tree_view")), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Departments");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "form_heading")), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "error_label")), GTK_ACCESSIBLE_ROLE_ALERT);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = find (root, buttons[i]);

      assert_button_named (root, buttons[i]);
      g_array_append_val (
          keys, (guint){ gtk_label_get_mnemonic_keyval (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))) });
    }
  /* Enter saves; no two mnemonics share a key. */
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), find (root, "save_button"));
  for (guint i = 0; i < keys->len; i++)
    for (guint j = i + 1; j < keys->len; j++)
      ck_assert_uint_ne (gdk_keyval_to_lower (g_array_index (keys, guint, i)),
                         gdk_keyval_to_lower (g_array_index (keys, guint, j)));
  g_array_unref (keys);

  /* Editing keeps the names clean after the Save button is relabelled. */
  {
    g_autoptr (LcDepartment) bureau = lc_people_find_department (session, "01", &error);

    ck_assert_msg (bureau != NULL, "%s", error ? error->message : "");
    lc_departments_dialog_select (dialog, bureau->id);
    assert_button_named (root, "save_button");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

static Suite *
gui_departments_suite (void)
{
  Suite *suite = suite_create ("gui-departments");
  TCase *dialog = tcase_create ("dialog");
  TCase *a11y = tcase_create ("a11y");

  tcase_add_checked_fixture (dialog, setup, teardown);
  tcase_set_timeout (dialog, 60);
  tcase_add_test (dialog, test_first_departments_from_roster);
  tcase_add_test (dialog, test_refusals_inline);
  tcase_add_test (dialog, test_not_for_trainers);
  suite_add_tcase (suite, dialog);

  tcase_add_checked_fixture (a11y, setup, teardown);
  tcase_add_test (a11y, test_dialog_accessible);
  suite_add_tcase (suite, a11y);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  lc_gui_test_require_display ();
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  runner = srunner_create (gui_departments_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
