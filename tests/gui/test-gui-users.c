/* test-gui-users.c: the administrator's Users page on a real database: the
 * list, adding accounts (an officer's needs the officer, a trainer's can
 * sign in at once), setting a password that must be changed, disabling
 * and enabling, and who sees the page. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-application.h"
#include "lc-gui-test-util.h"
#include "lc-user-dialog.h"
#include "lc-user-object.h"
#include "lc-users-page-private.h"
#include "lc-window-private.h"

#define PASSWORD "secret-password"

static char *tmp_dir;
static LcDb *db;
static LcApplication *app;
static gint64 zhang_id;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;
  gint64 squad_id = 0;
  LcOfficer officer = {
    .staff_no = (char *) "330401001",
    .name = (char *) "张伟",
    .field = (char *) "市场监管",
    .status = LC_OFFICER_ACTIVE,
  };

  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
  system = lc_session_new_system (db);
  ck_assert (lc_people_add_department (system, "0101", "执法一大队", 0, &squad_id, &error));
  officer.department_id = squad_id;
  ck_assert (lc_people_add_officer (system, &officer, &zhang_id, &error));
  ck_assert (lc_auth_add_user (system, "admin", PASSWORD, LC_ROLE_ADMINISTRATOR, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "personnel", PASSWORD, LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
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
sign_in (const char *login, const char *password)
{
  g_autoptr (GError) error = NULL;
  LcSession *session = lc_auth_sign_in (db, login, password, &error);

  ck_assert_msg (session != NULL, "%s: %s", login, error ? error->message : "");
  return session;
}

static GtkWidget *
find (GtkWidget *root, const char *id)
{
  GtkWidget *widget = lc_gui_test_find (root, id);

  ck_assert_msg (widget != NULL, "no widget with the id “%s”", id);
  return widget;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
page_idle (gpointer data)
{
  return !_lc_users_page_is_busy (data);
}

static LcUsersPage *
users_page (LcSession *session, LcWindow **out_window)
{
  LcWindow *window = lc_window_new (app, session);
  GtkWidget *page = gtk_stack_get_child_by_name (window->stack, "users");

  gtk_window_present (GTK_WINDOW (window));
  ck_assert_ptr_nonnull (page);
  ck_assert (LC_IS_USERS_PAGE (page));
  gtk_stack_set_visible_child (window->stack, page);
  ck_assert_msg (lc_gui_test_wait_for (page_idle, page), "the accounts did not load");
  if (out_window != NULL)
    *out_window = window;
  return LC_USERS_PAGE (page);
}

static LcUserObject *
row (LcUsersPage *page, const char *login)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (page->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcUserObject) user = g_list_model_get_item (G_LIST_MODEL (page->selection), i);

      if (g_strcmp0 (lc_user_object_get_login (user), login) == 0)
        return user; /* the model keeps it */
    }
  return NULL;
}

static char *
cell (LcUserObject *user, const char *property)
{
  char *text = NULL;

  g_object_get (user, property, &text, NULL);
  return text;
}

static const char *
error_text (GtkWidget *root)
{
  GtkWidget *label = find (root, "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static gboolean
gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !lc_user_dialog_is_busy (data);
}

/* Saves the dialog and waits until it closes (with success) and the page
 * has the list again. */
static void
save_and_wait (GtkWidget *dialog, LcUsersPage *page)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ck_assert (gtk_widget_is_sensitive (find (dialog, "save_button")));
  g_signal_emit_by_name (find (dialog, "save_button"), "clicked");
  ck_assert_msg (lc_gui_test_wait_for (gone, &weak), "the dialog did not close: %s",
                 weak != NULL ? error_text (dialog) : "");
  ck_assert (lc_gui_test_wait_for (page_idle, page));
}

START_TEST (test_lists_users)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (LcSession) session = NULL;
  g_autofree char *role = NULL, *officer = NULL, *disabled = NULL, *must_change = NULL, *last = NULL;
  LcUsersPage *page;
  LcUserObject *user;

  ck_assert (lc_auth_add_user (system, "zhangwei", PASSWORD, LC_ROLE_OFFICER, zhang_id, TRUE, NULL, &error));
  session = sign_in ("admin", PASSWORD);
  page = users_page (session, NULL);

  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (page->selection)), 3);
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "3 accounts");

  user = row (page, "zhangwei");
  ck_assert_ptr_nonnull (user);
  role = cell (user, "role-label");
  officer = cell (user, "officer");
  disabled = cell (user, "disabled-label");
  must_change = cell (user, "must-change-label");
  last = cell (user, "last-sign-in");
  ck_assert_str_eq (role, "Officer");
  ck_assert_str_eq (officer, "张伟");
  ck_assert_str_eq (disabled, "No");
  ck_assert_str_eq (must_change, "Yes");
  ck_assert_str_eq (last, "never");

  /* The administrator signed in just now: a local date and time. */
  g_free (last);
  last = cell (row (page, "admin"), "last-sign-in");
  ck_assert_int_eq (strlen (last), strlen ("2025-01-01 09:00"));
  ck_assert (g_ascii_isdigit (last[0]) && last[4] == '-' && last[10] == ' ' && last[13] == ':');

  /* Nothing selected: only adding is offered. */
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (page->add_button)));
  ck_assert (!gtk_widget_is_sensitive (GTK_WIDGET (page->reset_button)));
  ck_assert (!gtk_widget_is_sensitive (GTK_WIDGET (page->disable_button)));
}
END_TEST

START_TEST (test_page_only_for_administrators)
{
  g_autoptr (LcSession) personnel = sign_in ("personnel", PASSWORD);
  g_autoptr (LcSession) admin = sign_in ("admin", PASSWORD);
  LcWindow *window = lc_window_new (app, personnel);

  ck_assert_ptr_null (gtk_stack_get_child_by_name (window->stack, "users"));
  ck_assert_ptr_nonnull (window->officers_page);
  gtk_window_destroy (GTK_WINDOW (window));

  window = lc_window_new (app, admin);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (window->stack, "users"));
  {
    GtkStackPage *stack_page = gtk_stack_get_page (window->stack, gtk_stack_get_child_by_name (window->stack, "users"));
    ck_assert_str_eq (gtk_stack_page_get_title (stack_page), "Users");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

START_TEST (test_officer_account_needs_officer)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  LcUserDialog *dialog = lc_user_dialog_new_add (NULL, session);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *officer = find (root, "officer_entry");
  GtkWidget *save = find (root, "save_button");

  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();
  /* Untouched: silent, and not savable. */
  ck_assert_str_eq (error_text (root), "");
  ck_assert (!gtk_widget_is_sensitive (save));

  /* The role is Officer (the first), and no officer is named: said as soon
   * as the form has gone past the officer's row. */
  ck_assert_uint_eq (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (root, "role_dropdown"))), LC_ROLE_OFFICER);
  gtk_editable_set_text (GTK_EDITABLE (find (root, "login_entry")), "zhangwei");
  ck_assert_str_eq (error_text (root), "");
  gtk_editable_set_text (GTK_EDITABLE (find (root, "password_entry")), PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (find (root, "repeat_entry")), PASSWORD);
  ck_assert_str_eq (error_text (root), "An officer account must be linked to an officer of the roster.");
  ck_assert (gtk_widget_has_css_class (officer, "error"));
  ck_assert (!gtk_widget_is_sensitive (save));
  gtk_widget_activate_action (root, "user.save", NULL);
  ck_assert (!lc_user_dialog_is_busy (dialog));

  /* A staff number of nobody: the core's words. */
  gtk_editable_set_text (GTK_EDITABLE (officer), "999");
  ck_assert_ptr_nonnull (strstr (error_text (root), "999"));
  ck_assert (!gtk_widget_is_sensitive (save));

  /* The right one: the officer is named, and the form can be saved. */
  gtk_editable_set_text (GTK_EDITABLE (officer), "330401001");
  ck_assert_str_eq (error_text (root), "");
  ck_assert (!gtk_widget_has_css_class (officer, "error"));
  ck_assert (gtk_widget_get_visible (find (root, "officer_name_label")));
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (find (root, "officer_name_label"))), "张伟, 执法一大队");
  ck_assert (gtk_widget_is_sensitive (save));

  /* Passwords that differ keep it off again. */
  gtk_editable_set_text (GTK_EDITABLE (find (root, "repeat_entry")), "secret-passwort");
  ck_assert_str_eq (error_text (root), "The two passwords differ.");
  ck_assert (!gtk_widget_is_sensitive (save));
  gtk_window_destroy (GTK_WINDOW (dialog));

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LcSession) none = lc_auth_sign_in (db, "zhangwei", PASSWORD, &error);
    ck_assert_ptr_null (none);
  }
}
END_TEST

START_TEST (test_add_trainer_and_sign_in)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  g_autoptr (LcSession) trainer = NULL;
  g_autofree char *role = NULL;
  LcUsersPage *page = users_page (session, NULL);
  GtkWidget *dialog;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "users.add", NULL));
  dialog = GTK_WIDGET (find_toplevel (LC_TYPE_USER_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (dialog, "must_change_check"))));

  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "login_entry")), "wangli");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (dialog, "role_dropdown")), LC_ROLE_TRAINER);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "password_entry")), "trainer-password");
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "repeat_entry")), "trainer-password");
  ck_assert_str_eq (error_text (dialog), "");
  save_and_wait (dialog, page);

  /* In the list, selected; and the new password signs in, with a change due. */
  ck_assert_ptr_nonnull (row (page, "wangli"));
  ck_assert_str_eq (lc_user_object_get_login (gtk_single_selection_get_selected_item (page->selection)), "wangli");
  role = cell (row (page, "wangli"), "role-label");
  ck_assert_str_eq (role, "Trainer");
  trainer = sign_in ("wangli", "trainer-password");
  ck_assert_int_eq (lc_session_get_role (trainer), LC_ROLE_TRAINER);
  ck_assert (lc_session_get_must_change_password (trainer));
}
END_TEST

START_TEST (test_taken_login_inline)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  LcUserDialog *dialog = lc_user_dialog_new_add (NULL, session);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *login = find (root, "login_entry");

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (login), "personnel");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (root, "role_dropdown")), LC_ROLE_PERSONNEL);
  gtk_editable_set_text (GTK_EDITABLE (find (root, "password_entry")), PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (find (root, "repeat_entry")), PASSWORD);
  ck_assert (gtk_widget_is_sensitive (find (root, "save_button")));
  g_signal_emit_by_name (find (root, "save_button"), "clicked");
  ck_assert (lc_gui_test_wait_for (dialog_idle, dialog));

  /* The core refuses; the dialog stays, says why, and marks the login. */
  ck_assert_str_eq (error_text (root), "The login name “personnel” is already taken.");
  ck_assert (gtk_widget_has_css_class (login, "error"));
  ck_assert (gtk_widget_get_visible (root));
  ck_assert (!gtk_widget_is_sensitive (find (root, "save_button")));
  /* A change of the login clears the complaint, and Save is back. */
  gtk_editable_set_text (GTK_EDITABLE (login), "personnel2");
  ck_assert_str_eq (error_text (root), "");
  ck_assert (!gtk_widget_has_css_class (login, "error"));
  ck_assert (gtk_widget_is_sensitive (find (root, "save_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_reset_password_must_change)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  g_autoptr (LcSession) personnel = NULL;
  g_autofree char *must_change = NULL;
  g_autoptr (GError) error = NULL;
  LcUsersPage *page = users_page (session, NULL);
  GtkWidget *dialog;

  ck_assert (_lc_users_page_select (page, "personnel"));
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (page->reset_button)));
  g_signal_emit_by_name (page->reset_button, "clicked");
  dialog = GTK_WIDGET (find_toplevel (LC_TYPE_USER_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  /* Only the password rows: the account is given. */
  ck_assert (!gtk_widget_get_visible (find (dialog, "login_entry")));
  ck_assert (!gtk_widget_get_visible (find (dialog, "role_dropdown")));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (dialog, "intro_label"))), "“personnel”"));
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (dialog, "must_change_check"))));
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (find (dialog, "password_label"))), "_New password");

  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "password_entry")), "short");
  ck_assert_str_eq (error_text (dialog), "The password must have at least 8 characters.");
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "password_entry")), "a-new-password");
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "repeat_entry")), "a-new-password");
  save_and_wait (dialog, page);

  must_change = cell (row (page, "personnel"), "must-change-label");
  ck_assert_str_eq (must_change, "Yes");
  personnel = lc_auth_sign_in (db, "personnel", PASSWORD, &error);
  ck_assert_ptr_null (personnel);
  g_clear_error (&error);
  personnel = sign_in ("personnel", "a-new-password");
  ck_assert (lc_session_get_must_change_password (personnel));
}
END_TEST

START_TEST (test_disable_and_enable)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) refused = NULL;
  g_autoptr (LcSession) again = NULL;
  g_autofree char *disabled = NULL;
  LcUsersPage *page = users_page (session, NULL);

  /* One's own account: the core refuses, and the page says its words. */
  ck_assert (_lc_users_page_select (page, "admin"));
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (page->disable_button)));
  g_signal_emit_by_name (page->disable_button, "clicked");
  ck_assert_str_eq (error_text (GTK_WIDGET (page)), "You cannot disable the account you are signed in with.");
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  g_free (disabled);
  disabled = cell (row (page, "admin"), "disabled-label");
  ck_assert_str_eq (disabled, "No");

  /* Someone else's: disabled, and signing in is refused. */
  ck_assert (_lc_users_page_select (page, "personnel"));
  ck_assert_str_eq (error_text (GTK_WIDGET (page)), "");
  g_signal_emit_by_name (page->disable_button, "clicked");
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  g_free (disabled);
  disabled = cell (row (page, "personnel"), "disabled-label");
  ck_assert_str_eq (disabled, "Yes");
  refused = lc_auth_sign_in (db, "personnel", PASSWORD, &error);
  ck_assert_ptr_null (refused);
  ck_assert_msg (g_error_matches (error, LC_AUTH_ERROR, LC_AUTH_ERROR_DISABLED), "%s", error->message);

  /* Still selected after the reload: Enable is offered, Disable not. */
  ck_assert_str_eq (lc_user_object_get_login (gtk_single_selection_get_selected_item (page->selection)), "personnel");
  ck_assert (!gtk_widget_is_sensitive (GTK_WIDGET (page->disable_button)));
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (page->enable_button)));
  g_signal_emit_by_name (page->enable_button, "clicked");
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  again = sign_in ("personnel", PASSWORD);
  ck_assert_ptr_nonnull (again);
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

static guint
assert_button_named (GtkWidget *root, const char *id)
{
  GtkWidget *button = find (root, id);

  ck_assert_msg (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s has no name", id);
  ck_assert_msg (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL),
                 "%s still has the raw mnemonic label", id);
  if (GTK_IS_BUTTON (button))
    return gtk_label_get_mnemonic_keyval (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
  return GDK_KEY_VoidSymbol;
}

START_TEST (test_user_dialog_accessible)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  LcUserDialog *dialog = lc_user_dialog_new_add (NULL, session);
  GtkWidget *root = GTK_WIDGET (dialog);
  static const char *const labelled[][2] = {
    { "login_entry", "login_label" },       { "role_dropdown", "role_label" },  { "officer_entry", "officer_label" },
    { "password_entry", "password_label" }, { "repeat_entry", "repeat_label" },
  };
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint));
  guint key;

  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      assert_labelled (root, labelled[i][0], labelled[i][1]);
      key = gtk_label_get_mnemonic_keyval (GTK_LABEL (find (root, labelled[i][1])));
      g_array_append_val (keys, key);
    }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "role_dropdown")), GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "login_entry")), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                       TRUE);
  /* The officer is required for the officer role only. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "officer_entry")), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                       TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (root, "role_dropdown")), LC_ROLE_TRAINER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "officer_entry")), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                       FALSE);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "must_change_check")), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  /* GTK 4.8 names a check button by its label child; the raw “_Must…” must not be there too. */
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (find (root, "must_change_check")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL));
  key = gtk_label_get_mnemonic_keyval (GTK_LABEL (gtk_widget_get_last_child (find (root, "must_change_check"))));
  g_array_append_val (keys, key);
  key = assert_button_named (root, "save_button");
  g_array_append_val (keys, key);
  key = assert_button_named (root, "cancel_button");
  g_array_append_val (keys, key);
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), find (root, "save_button"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "error_label")), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find (root, "heading_label")), GTK_ACCESSIBLE_ROLE_HEADING);
  for (guint i = 0; i < keys->len; i++)
    for (guint j = i + 1; j < keys->len; j++)
      ck_assert_msg (gdk_keyval_to_lower (g_array_index (keys, guint, i))
                         != gdk_keyval_to_lower (g_array_index (keys, guint, j)),
                     "mnemonics %u and %u share a key", i, j);
  g_array_unref (keys);

  /* A complaint is also the description of the entry at fault. */
  gtk_editable_set_text (GTK_EDITABLE (find (root, "login_entry")), "wangli");
  gtk_editable_set_text (GTK_EDITABLE (find (root, "password_entry")), "short");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find (root, "password_entry")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The password must have at least 8 characters.");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The reset form keeps clean names too. */
  dialog = lc_user_dialog_new_reset (NULL, session, "personnel");
  root = GTK_WIDGET (dialog);
  assert_labelled (root, "password_entry", "password_label");
  assert_labelled (root, "repeat_entry", "repeat_label");
  assert_button_named (root, "save_button");
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_users_page_accessible)
{
  g_autoptr (LcSession) session = sign_in ("admin", PASSWORD);
  LcUsersPage *page = users_page (session, NULL);
  GtkWidget *root = GTK_WIDGET (page);
  static const char *const buttons[] = { "add_button", "reset_button", "disable_button", "enable_button" };

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page->column_view), GTK_ACCESSIBLE_ROLE_TREE_GRID);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Users");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page->error_label), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page->count_label), GTK_ACCESSIBLE_ROLE_STATUS);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    assert_button_named (root, buttons[i]);
}
END_TEST

static Suite *
gui_users_suite (void)
{
  Suite *suite = suite_create ("gui-users");
  TCase *users = tcase_create ("users");
  TCase *a11y = tcase_create ("a11y");

  tcase_add_checked_fixture (users, setup, teardown);
  tcase_set_timeout (users, 60);
  tcase_add_test (users, test_lists_users);
  tcase_add_test (users, test_page_only_for_administrators);
  tcase_add_test (users, test_officer_account_needs_officer);
  tcase_add_test (users, test_add_trainer_and_sign_in);
  tcase_add_test (users, test_taken_login_inline);
  tcase_add_test (users, test_reset_password_must_change);
  tcase_add_test (users, test_disable_and_enable);
  suite_add_tcase (suite, users);

  tcase_add_checked_fixture (a11y, setup, teardown);
  tcase_set_timeout (a11y, 60);
  tcase_add_test (a11y, test_user_dialog_accessible);
  tcase_add_test (a11y, test_users_page_accessible);
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

  runner = srunner_create (gui_users_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
