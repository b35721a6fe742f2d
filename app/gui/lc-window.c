/* lc-window.c: the main window of a signed-in user. */
#define G_LOG_DOMAIN "lc-window"

#include "config.h"

#include "lc-bank-page.h"
#include "lc-exams-page.h"
#include "lc-i18n.h"
#include "lc-my-exams-page.h"
#include "lc-password-dialog.h"
#include "lc-people.h"
#include "lc-statutes-page.h"
#include "lc-users-page.h"
#include "lc-window-private.h"

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LcWindow, lc_window, GTK_TYPE_APPLICATION_WINDOW)

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  g_autofree char *page_find = g_strconcat (gtk_stack_get_visible_child_name (self->stack), ".find", NULL);

  /* Ctrl+F searches the page in view (the focus may be in the sidebar, out of
   * reach of the page's own shortcut); pages without a search lead to the roster. */
  if (page != GTK_WIDGET (self->officers_page) && page != NULL && gtk_widget_activate_action (page, page_find, NULL))
    return;
  if (self->officers_page == NULL)
    return;
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->officers_page));
  lc_officers_page_focus_search (self->officers_page);
}

static void
add_officer_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcWindow *self = LC_WINDOW (widget);

  if (self->officers_page == NULL)
    return;
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->officers_page));
  gtk_widget_activate_action (GTK_WIDGET (self->officers_page), "officers.add", NULL);
}

static void
change_password_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  LcPasswordDialog *dialog = lc_password_dialog_new (GTK_WINDOW (self), self->session, FALSE);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (LC_IS_APPLICATION (app))
    lc_application_sign_out (LC_APPLICATION (app), GTK_WINDOW (widget));
  else
    gtk_window_destroy (GTK_WINDOW (widget));
}

static void
bind_settings (LcWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = LC_IS_APPLICATION (app) ? lc_application_get_settings (LC_APPLICATION (app)) : NULL;

  if (settings == NULL)
    return;
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
show_user (LcWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  gint64 officer_id = lc_session_get_officer_id (self->session);

  if (officer_id != 0)
    {
      g_autoptr (LcOfficer) officer = lc_people_get_officer (self->session, officer_id, NULL);

      if (officer != NULL)
        name = g_strdup (officer->name);
    }
  if (name == NULL)
    name = g_strdup (lc_session_get_login (self->session));
  /* Translators: the signed-in user and their role, as in “张伟 · Personnel office” */
  subtitle = g_strdup_printf (_ ("%s · %s"), name, lc_role_display_name (lc_session_get_role (self->session)));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
add_pages (LcWindow *self)
{
  LcSession *session = self->session;
  GtkStackPage *page;

  /* The roster is the personnel office's work: those who may change it see it. */
  if (lc_session_can (session, LC_PERM_MANAGE_ROSTER))
    {
      self->officers_page = lc_officers_page_new (session);
      page = gtk_stack_add_titled (self->stack, GTK_WIDGET (self->officers_page), "officers", _ ("Officers"));
      gtk_stack_page_set_icon_name (page, "system-users-symbolic");
    }

  if (lc_session_get_role (session) == LC_ROLE_OFFICER && lc_session_get_officer_id (session) != 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      self->record_detail = lc_officer_detail_new ();
      /* A page to read, not a form to fill: a readable line length. */
      gtk_widget_set_size_request (GTK_WIDGET (self->record_detail), 760, -1);
      gtk_widget_set_halign (GTK_WIDGET (self->record_detail), GTK_ALIGN_START);
      lc_officer_detail_set_session (self->record_detail, session);
      lc_officer_detail_set_officer_id (self->record_detail, lc_session_get_officer_id (session));
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->record_detail));
      page = gtk_stack_add_titled (self->stack, scrolled, "record", _ ("My record"));
      gtk_stack_page_set_icon_name (page, "x-office-address-book-symbolic");

      /* The exams the officer may sit, and the ones they sat. */
      page =
          gtk_stack_add_titled (self->stack, GTK_WIDGET (lc_my_exams_page_new (session)), "my-exams", _ ("My exams"));
      gtk_stack_page_set_icon_name (page, "x-office-document-symbolic");
    }

  /* Statutes are the trainers' material: those who keep it read it here. */
  if (lc_session_can (session, LC_PERM_MANAGE_CONTENT))
    {
      page =
          gtk_stack_add_titled (self->stack, GTK_WIDGET (lc_statutes_page_new (session)), "statutes", _ ("Statutes"));
      gtk_stack_page_set_icon_name (page, "accessories-dictionary-symbolic");
    }

  /* The question bank is theirs too: questions cite the statutes above. */
  if (lc_session_can (session, LC_PERM_MANAGE_CONTENT))
    {
      page = gtk_stack_add_titled (self->stack, GTK_WIDGET (lc_bank_page_new (session)), "bank", _ ("Question Bank"));
      gtk_stack_page_set_icon_name (page, "view-list-symbolic");
    }

  /* Exams are the trainers' to set and grade; the personnel office reads
   * their results here too (the page hides what is not theirs). */
  if (lc_session_can (session, LC_PERM_READ_RESULTS))
    {
      page = gtk_stack_add_titled (self->stack, GTK_WIDGET (lc_exams_page_new (session)), "exams", _ ("Exams"));
      gtk_stack_page_set_icon_name (page, "x-office-document-symbolic");
    }

  /* Accounts are the administrator's: a new database's first administrator
   * makes everybody else's here. */
  if (lc_session_can (session, LC_PERM_MANAGE_USERS))
    {
      page = gtk_stack_add_titled (self->stack, GTK_WIDGET (lc_users_page_new (session)), "users", _ ("Users"));
      gtk_stack_page_set_icon_name (page, "system-lock-screen-symbolic");
    }

  self->account_page = lc_account_page_new (session);
  page = gtk_stack_add_titled (self->stack, GTK_WIDGET (self->account_page), "account", _ ("My account"));
  gtk_stack_page_set_icon_name (page, "avatar-default-symbolic");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.add-officer", self->officers_page != NULL);
}

static void
lc_window_constructed (GObject *object)
{
  LcWindow *self = LC_WINDOW (object);

  G_OBJECT_CLASS (lc_window_parent_class)->constructed (object);

  g_assert (self->session != NULL);
  show_user (self);
  add_pages (self);
}

static void
lc_window_dispose (GObject *object)
{
  LcWindow *self = LC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_WINDOW);
  self->officers_page = NULL;
  self->record_detail = NULL;
  self->account_page = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_window_parent_class)->dispose (object);
}

static void
lc_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcWindow *self = LC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LcWindow *self = LC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_window_class_init (LcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_window_constructed;
  object_class->dispose = lc_window_dispose;
  object_class->get_property = lc_window_get_property;
  object_class->set_property = lc_window_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, LC_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LC_TYPE_OFFICERS_PAGE);
  g_type_ensure (LC_TYPE_ACCOUNT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, stack);

  gtk_widget_class_install_action (widget_class, "main.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "main.add-officer", NULL, add_officer_action);
  gtk_widget_class_install_action (widget_class, "main.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "main.sign-out", NULL, sign_out_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "main.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "main.add-officer", NULL);
}

static void
lc_window_init (LcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LcWindow *
lc_window_new (LcApplication *app, LcSession *session)
{
  LcWindow *self;

  g_return_val_if_fail (LC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_WINDOW, "application", app, "session", session, NULL);
  /* Not in constructed(): "application" is an ordinary property, set after it. */
  bind_settings (self);
  return self;
}

LcSession *
lc_window_get_session (LcWindow *self)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);
  return self->session;
}
