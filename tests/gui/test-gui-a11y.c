/* test-gui-a11y.c: every control of the sign-in window and of the roster's
 * dialogs has a role and an accessible name, checked with GTK's test
 * accessibility backend (GTK_A11Y=test), no bus needed. */
#include "config.h"

#include <check.h>

#include "lc-application.h"
#include "lc-gui-test-util.h"
#include "lc-login-dialog.h"
#include "lc-officer-dialog.h"
#include "lc-officers-page-private.h"
#include "lc-password-dialog.h"
#include "lc-window-private.h"

static char *tmp_dir;
static LcDb *db;

static void
setup (void)
{
  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
}

static void
teardown (void)
{
  lc_gui_test_drain ();
  g_clear_pointer (&db, lc_db_unref);
  lc_gui_test_remove_dir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

static GtkWidget *
find (GtkWidget *root, const char *id)
{
  GtkWidget *widget = lc_gui_test_find (root, id);

  ck_assert_msg (widget != NULL, "no widget with the id “%s”", id);
  return widget;
}

/* @id is labelled by the visible label @label_id, which is its mnemonic. */
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

/* A button named by its (mnemonic-free) child label only: GTK 4.8 would
 * otherwise also announce the raw “_Sign in”. */
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

START_TEST (test_login_dialog)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = lc_session_new_system (db);
  LcLoginDialog *dialog;
  GtkWidget *root;
  GtkWidget *login;
  GtkWidget *password;

  /* With an account, the window is the sign-in form. */
  ck_assert (lc_auth_add_user (system, "personnel", "personnel-secret", LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
  dialog = lc_login_dialog_new (NULL, db, NULL);
  root = GTK_WIDGET (dialog);
  login = find (root, "login_entry");
  password = find (root, "password_entry");

  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_WINDOW);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (login), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (password), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  assert_labelled (root, "login_entry", "login_label");
  assert_labelled (root, "password_entry", "password_label");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (login), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (password), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);

  assert_button_named (root, "sign_in_button");
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), find (root, "sign_in_button"));

  /* The failure message is announced as an alert. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "error_label")), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_first_run_form)
{
  /* The fixture's database has no accounts: the first one is made here. */
  LcLoginDialog *dialog = lc_login_dialog_new (NULL, db, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  static const char *const ids[][2] = {
    { "setup_login_entry", "setup_login_label" },
    { "setup_password_entry", "setup_password_label" },
    { "setup_repeat_entry", "setup_repeat_label" },
  };
  guint keys[G_N_ELEMENTS (ids) + 1];

  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *entry = find (root, ids[i][0]);

      assert_labelled (root, ids[i][0], ids[i][1]);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE);
      keys[i] = gtk_label_get_mnemonic_keyval (GTK_LABEL (find (root, ids[i][1])));
    }
  assert_button_named (root, "create_button");
  keys[G_N_ELEMENTS (ids)] =
      gtk_label_get_mnemonic_keyval (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (find (root, "create_button")))));
  /* No two mnemonics of the form share a key. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (keys); j++)
      ck_assert_uint_ne (gdk_keyval_to_lower (keys[i]), gdk_keyval_to_lower (keys[j]));
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), find (root, "create_button"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "setup_heading")), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "setup_error_label")), GTK_ACCESSIBLE_ROLE_ALERT);

  /* A complaint is also the description of the entry at fault. */
  gtk_editable_set_text (GTK_EDITABLE (find (root, "setup_password_entry")), "short");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "setup_password_entry")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The password must have at least 8 characters.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_password_dialog)
{
  g_autoptr (LcSession) session = lc_session_new_system (db);
  LcPasswordDialog *dialog = lc_password_dialog_new (NULL, session, TRUE);
  GtkWidget *root = GTK_WIDGET (dialog);

  assert_labelled (root, "old_entry", "old_label");
  assert_labelled (root, "new_entry", "new_label");
  assert_labelled (root, "repeat_entry", "repeat_label");
  assert_button_named (root, "save_button");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_officer_dialog)
{
  g_autoptr (LcSession) session = lc_session_new_system (db);
  LcOfficerDialog *dialog = lc_officer_dialog_new (NULL, session, NULL, 0);
  GtkWidget *root = GTK_WIDGET (dialog);
  static const char *const ids[][2] = {
    { "staff_no_entry", "staff_no_label" },
    { "name_entry", "name_label" },
    { "department_dropdown", "department_label" },
    { "field_entry", "field_label" },
    { "post_entry", "post_label" },
    { "status_dropdown", "status_label" },
    { "phone_entry", "phone_label" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_labelled (root, ids[i][0], ids[i][1]);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "department_dropdown")), GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  assert_button_named (root, "save_button");
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_officers_page)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcApplication) app = lc_application_new ();
  g_autoptr (LcSession) session = lc_session_new_system (db);
  LcWindow *window;
  LcOfficersPage *page;
  GtkWidget *root;

  ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error), "%s", error ? error->message : "");
  window = lc_window_new (app, session);
  page = window->officers_page;
  root = GTK_WIDGET (page);
  ck_assert_ptr_nonnull (page);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page->column_view), GTK_ACCESSIBLE_ROLE_TREE_GRID);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Officers");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page->search_entry), GTK_ACCESSIBLE_ROLE_SEARCH_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search officers");
  assert_labelled (root, "department_dropdown", "department_label");
  for (guint i = 0; i < 4; i++)
    assert_button_named (root, (const char *[]){ "add_button", "edit_button", "import_button", "export_button" }[i]);
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (page->left_check), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* The menu button has only an icon: its name is set explicitly. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Main Menu");
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
gui_a11y_suite (void)
{
  Suite *suite = suite_create ("gui-a11y");
  TCase *names = tcase_create ("names");

  tcase_add_checked_fixture (names, setup, teardown);
  tcase_add_test (names, test_login_dialog);
  tcase_add_test (names, test_first_run_form);
  tcase_add_test (names, test_password_dialog);
  tcase_add_test (names, test_officer_dialog);
  tcase_add_test (names, test_officers_page);
  suite_add_tcase (suite, names);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  lc_gui_test_require_display ();
  g_setenv ("LANGUAGE", "C", TRUE);
  /* The test backend records roles, properties and relations for checking. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  runner = srunner_create (gui_a11y_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
