/* test-gui-login.c: the sign-in window on a new database: the form that
 * creates the first (administrator) account, its inline checks, the way on
 * into the main window, the race with another PC, and the application icon
 * the window shows. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-application.h"
#include "lc-gui-test-util.h"
#include "lc-login-dialog.h"
#include "lc-officers-page-private.h"
#include "lc-window-private.h"

#define ADMIN_PASSWORD "a long secret"

static char *tmp_dir;
static LcDb *db;
static LcApplication *app;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;

  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
  /* One application for the process, as in test-gui-officers.c. */
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

static GtkWidget *
find (GtkWidget *root, const char *id)
{
  GtkWidget *widget = lc_gui_test_find (root, id);

  ck_assert_msg (widget != NULL, "no widget with the id “%s”", id);
  return widget;
}

static const char *
form_shown (LcLoginDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (GTK_WIDGET (dialog), "form_stack")));
}

static gboolean
can_create (LcLoginDialog *dialog)
{
  return gtk_widget_is_sensitive (find (GTK_WIDGET (dialog), "create_button"));
}

static void
type (LcLoginDialog *dialog, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), id)), text);
}

static const char *
setup_error (LcLoginDialog *dialog)
{
  GtkWidget *label = find (GTK_WIDGET (dialog), "setup_error_label");
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  return gtk_widget_get_visible (label) && *text != '\0' ? text : NULL;
}

typedef struct
{
  LcSession *session;
} Outcome;

static void
on_signed_in (LcLoginDialog *dialog, LcSession *session, Outcome *outcome)
{
  outcome->session = g_object_ref (session);
}

static gboolean
signed_in (gpointer data)
{
  return ((Outcome *) data)->session != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return gtk_widget_get_sensitive (find (data, "setup_login_entry"))
         && gtk_widget_get_sensitive (find (data, "login_entry"));
}

START_TEST (test_empty_database_shows_first_run)
{
  LcLoginDialog *dialog = lc_login_dialog_new (GTK_APPLICATION (app), db, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  ck_assert_str_eq (form_shown (dialog), "first-run");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Create the Administrator Account – Lexcert");
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), find (root, "create_button"));
  ck_assert (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), find (root, "setup_login_entry")));
  ck_assert_msg (strstr (gtk_label_get_text (GTK_LABEL (find (root, "setup_intro_label"))), "no user accounts") != NULL,
                 "the form says why it is there");
  /* Nothing typed yet: no complaint, and nothing to create. */
  ck_assert_ptr_null (setup_error (dialog));
  ck_assert (!can_create (dialog));
}
END_TEST

START_TEST (test_first_run_checks_inline)
{
  LcLoginDialog *dialog = lc_login_dialog_new (GTK_APPLICATION (app), db, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);

  gtk_window_present (GTK_WINDOW (dialog));

  type (dialog, "setup_login_entry", "admin");
  type (dialog, "setup_password_entry", "short");
  ck_assert_str_eq (setup_error (dialog), "The password must have at least 8 characters.");
  ck_assert (gtk_widget_has_css_class (find (root, "setup_password_entry"), "error"));
  ck_assert (!can_create (dialog));

  type (dialog, "setup_password_entry", ADMIN_PASSWORD);
  type (dialog, "setup_repeat_entry", "a long secreT");
  ck_assert_str_eq (setup_error (dialog), "The two passwords differ.");
  ck_assert (!gtk_widget_has_css_class (find (root, "setup_password_entry"), "error"));
  ck_assert (gtk_widget_has_css_class (find (root, "setup_repeat_entry"), "error"));
  ck_assert (!can_create (dialog));

  type (dialog, "setup_repeat_entry", ADMIN_PASSWORD);
  ck_assert_ptr_null (setup_error (dialog));
  ck_assert (!gtk_widget_has_css_class (find (root, "setup_repeat_entry"), "error"));
  ck_assert (can_create (dialog));

  type (dialog, "setup_login_entry", "ad min");
  ck_assert_str_eq (setup_error (dialog), "A login name may not contain spaces.");
  ck_assert (gtk_widget_has_css_class (find (root, "setup_login_entry"), "error"));
  ck_assert (!can_create (dialog));

  type (dialog, "setup_login_entry", "");
  ck_assert (!can_create (dialog));
}
END_TEST

START_TEST (test_first_run_creates_administrator)
{
  LcLoginDialog *dialog = lc_login_dialog_new (GTK_APPLICATION (app), db, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) again = NULL;
  Outcome outcome = { 0 };
  gint64 n_users = -1;

  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  type (dialog, "setup_login_entry", "  admin ");
  type (dialog, "setup_password_entry", ADMIN_PASSWORD);
  type (dialog, "setup_repeat_entry", ADMIN_PASSWORD);
  ck_assert (can_create (dialog));

  /* Argon2id runs in a thread: the form waits, greyed, meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "login.create-administrator", NULL);
  ck_assert (!gtk_widget_get_sensitive (find (GTK_WIDGET (dialog), "setup_login_entry")));
  ck_assert (!can_create (dialog));
  ck_assert (lc_gui_test_wait_for (signed_in, &outcome));

  ck_assert_str_eq (lc_session_get_login (outcome.session), "admin");
  ck_assert_int_eq (lc_session_get_role (outcome.session), LC_ROLE_ADMINISTRATOR);
  ck_assert (!lc_session_get_must_change_password (outcome.session));
  ck_assert (lc_session_can (outcome.session, LC_PERM_MANAGE_USERS));
  /* The session has a connection of its own, opened for it. */
  ck_assert_ptr_ne (lc_session_get_db (outcome.session), db);

  ck_assert (lc_auth_count_users (db, &n_users, &error));
  ck_assert_int_eq (n_users, 1);
  again = lc_auth_sign_in (db, "admin", ADMIN_PASSWORD, &error);
  ck_assert_msg (again != NULL, "%s", error ? error->message : "");
  g_object_unref (outcome.session);
}
END_TEST

START_TEST (test_database_with_users_shows_sign_in)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = lc_session_new_system (db);
  LcLoginDialog *dialog;
  GtkWidget *root;

  ck_assert (lc_auth_add_user (system, "personnel", ADMIN_PASSWORD, LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
  dialog = lc_login_dialog_new (GTK_APPLICATION (app), db, NULL);
  root = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  ck_assert_str_eq (form_shown (dialog), "sign-in");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Sign in – Lexcert");
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), find (root, "sign_in_button"));
  ck_assert (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), find (root, "login_entry")));
  ck_assert (!gtk_widget_is_sensitive (find (root, "create_button")));
}
END_TEST

START_TEST (test_first_run_lost_race_signs_in)
{
  LcLoginDialog *dialog = lc_login_dialog_new (GTK_APPLICATION (app), db, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) other = NULL;
  Outcome outcome = { 0 };

  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  ck_assert_str_eq (form_shown (dialog), "first-run");

  /* Another PC on the same database makes its administrator first. */
  other = lc_auth_create_first_administrator (db, "chief", ADMIN_PASSWORD, &error);
  ck_assert_msg (other != NULL, "%s", error ? error->message : "");

  type (dialog, "setup_login_entry", "admin");
  type (dialog, "setup_password_entry", ADMIN_PASSWORD);
  type (dialog, "setup_repeat_entry", ADMIN_PASSWORD);
  gtk_widget_activate_action (root, "login.create-administrator", NULL);
  ck_assert (lc_gui_test_wait_for (not_busy, root));

  /* No second administrator: the ordinary sign-in, saying why. */
  ck_assert_ptr_null (outcome.session);
  ck_assert_str_eq (form_shown (dialog), "sign-in");
  ck_assert (gtk_widget_get_visible (find (root, "error_label")));
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (find (root, "error_label"))),
                    "This database already has user accounts; sign in with one of them.");
}
END_TEST

static gboolean
page_idle (gpointer data)
{
  return !_lc_officers_page_is_busy (data);
}

static LcLoginDialog *
app_login_dialog (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (LC_IS_LOGIN_DIALOG (l->data))
      return l->data;
  return NULL;
}

static LcWindow *
app_main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (LC_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
main_window_shown (gpointer data)
{
  return app_main_window () != NULL && app_login_dialog () == NULL;
}

START_TEST (test_application_continues_as_administrator)
{
  LcLoginDialog *dialog;
  LcWindow *window;

  /* The application opens $LEXCERT_DB when no --database is given. */
  g_setenv ("LEXCERT_DB", lc_db_get_path (db), TRUE);
  g_application_activate (G_APPLICATION (app));
  dialog = app_login_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (form_shown (dialog), "first-run");

  type (dialog, "setup_login_entry", "admin");
  type (dialog, "setup_password_entry", ADMIN_PASSWORD);
  type (dialog, "setup_repeat_entry", ADMIN_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "login.create-administrator", NULL);
  ck_assert_msg (lc_gui_test_wait_for (main_window_shown, NULL), "no main window after the first account");

  window = app_main_window ();
  ck_assert_str_eq (lc_session_get_login (lc_window_get_session (window)), "admin");
  ck_assert_int_eq (lc_session_get_role (lc_window_get_session (window)), LC_ROLE_ADMINISTRATOR);
  /* An administrator keeps the roster, empty as it is; with no department
   * yet, nobody can be added, and the page says so. */
  ck_assert_ptr_nonnull (window->officers_page);
  ck_assert (lc_gui_test_wait_for (page_idle, window->officers_page));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window->officers_page->empty_label)));
  ck_assert_msg (strstr (gtk_label_get_text (window->officers_page->empty_label), "no departments") != NULL, "%s",
                 gtk_label_get_text (window->officers_page->empty_label));
  ck_assert (!gtk_widget_is_sensitive (GTK_WIDGET (window->officers_page->add_button)));
  ck_assert (!gtk_widget_is_sensitive (GTK_WIDGET (window->officers_page->import_button)));
}
END_TEST

START_TEST (test_icon_from_resources)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr (GtkIconPaintable) icon = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;

  /* Not installed in the test environment: the icon comes from the
   * application's resources, which GtkApplication adds to the theme. */
  ck_assert_str_eq (g_application_get_resource_base_path (G_APPLICATION (app)), "/org/lexcert/Lexcert");
  ck_assert (
      g_resources_get_info ("/org/lexcert/Lexcert/icons/scalable/apps/org.lexcert.Lexcert.svg", 0, NULL, NULL, NULL));
  ck_assert (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APPLICATION_ID, NULL, 64, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  ck_assert_ptr_nonnull (file);
  uri = g_file_get_uri (file);
  ck_assert_msg (g_str_has_prefix (uri, "resource:///org/lexcert/Lexcert/icons/"), "%s", uri);
  ck_assert_str_eq (gtk_window_get_default_icon_name (), APPLICATION_ID);
}
END_TEST

static Suite *
gui_login_suite (void)
{
  Suite *suite = suite_create ("gui-login");
  TCase *first_run = tcase_create ("first-run");
  TCase *icon = tcase_create ("icon");

  tcase_add_checked_fixture (first_run, setup, teardown);
  tcase_set_timeout (first_run, 60);
  tcase_add_test (first_run, test_empty_database_shows_first_run);
  tcase_add_test (first_run, test_first_run_checks_inline);
  tcase_add_test (first_run, test_first_run_creates_administrator);
  tcase_add_test (first_run, test_database_with_users_shows_sign_in);
  tcase_add_test (first_run, test_first_run_lost_race_signs_in);
  tcase_add_test (first_run, test_application_continues_as_administrator);
  suite_add_tcase (suite, first_run);

  tcase_add_checked_fixture (icon, setup, teardown);
  tcase_add_test (icon, test_icon_from_resources);
  suite_add_tcase (suite, icon);
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
  /* Only the build tree's resources may provide the icon. */
  g_setenv ("XDG_DATA_DIRS", "/usr/share", TRUE);
  g_setenv ("XDG_DATA_HOME", "/nonexistent", TRUE);

  runner = srunner_create (gui_login_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
