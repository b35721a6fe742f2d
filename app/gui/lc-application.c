/* lc-application.c: the Lexcert GtkApplication. */
#define G_LOG_DOMAIN "lc-application"

#include "config.h"

#include "lc-application.h"
#include "lc-bank.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-login-dialog.h"
#include "lc-message-dialog.h"
#include "lc-password-dialog.h"
#include "lc-window.h"

struct _LcApplication
{
  GtkApplication parent_instance;

  /* owned */
  char *database_path; /* from --database, or NULL */
  LcDb *db;
  GSettings *settings; /* NULL without the installed schema */
  GtkCssProvider *css_provider;
};

G_DEFINE_FINAL_TYPE (LcApplication, lc_application, GTK_TYPE_APPLICATION)

static void show_login (LcApplication *self);

static void
apply_large_text (LcApplication *self)
{
  gboolean large = self->settings != NULL && g_settings_get_boolean (self->settings, "large-text");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (large)
        gtk_widget_add_css_class (GTK_WIDGET (l->data), "large-text");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (l->data), "large-text");
    }
}

static void
show_main_window (LcApplication *self, LcSession *session)
{
  LcWindow *window = lc_window_new (self, session);

  gtk_window_present (GTK_WINDOW (window));
}

static void
password_done (LcPasswordDialog *dialog, gboolean changed, gpointer user_data)
{
  LcApplication *self = LC_APPLICATION (user_data);
  LcSession *session = g_object_get_data (G_OBJECT (dialog), "lc-session");

  /* The account may not go on with the password someone else chose. */
  if (changed)
    show_main_window (self, session);
  else
    show_login (self);
}

static void
signed_in (LcLoginDialog *dialog, LcSession *session, gpointer user_data)
{
  LcApplication *self = LC_APPLICATION (user_data);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-login", lc_session_get_login (session));

  /* The next window comes first, so the application never runs windowless
   * (and quits) in between. */
  if (lc_session_get_must_change_password (session))
    {
      LcPasswordDialog *password = lc_password_dialog_new (NULL, session, TRUE);

      gtk_window_set_application (GTK_WINDOW (password), GTK_APPLICATION (self));
      g_object_set_data_full (G_OBJECT (password), "lc-session", g_object_ref (session), g_object_unref);
      g_signal_connect_object (password, "done", G_CALLBACK (password_done), self, 0);
      gtk_window_present (GTK_WINDOW (password));
    }
  else
    show_main_window (self, session);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_login (LcApplication *self)
{
  g_autofree char *last_login = NULL;
  LcLoginDialog *dialog;

  if (self->settings != NULL)
    last_login = g_settings_get_string (self->settings, "last-login");
  dialog = lc_login_dialog_new (GTK_APPLICATION (self), self->db, last_login);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LcApplication *self = LC_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LcApplication *self = LC_APPLICATION (user_data);
  static const char *const authors[] = { "Lexcert contributors", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)), "program-name", _ ("Lexcert"),
                         /* Translators: the product's full name, 行政执法人员学法考试系统 */
                         "comments", _ ("Legal training and examination for enforcement officers"), "version",
                         PACKAGE_VERSION, "logo-icon-name", APPLICATION_ID, "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors, "translator-credits", _ ("translator-credits"), NULL);
}

static void
lc_application_startup (GApplication *application)
{
  LcApplication *self = LC_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "quit", quit_action, NULL, NULL, NULL, { 0 } },
    { "about", about_action, NULL, NULL, NULL, { 0 } },
  };
  static const char *const quit_accels[] = { "<Control>q", NULL };
  GSettingsSchemaSource *source;
  g_autoptr (GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (lc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr (GAction) large_text = NULL;

      self->settings = g_settings_new_full (schema, NULL, NULL);
      large_text = g_settings_create_action (self->settings, "large-text");
      g_action_map_add_action (G_ACTION_MAP (self), large_text);
      g_signal_connect_object (self->settings, "changed::large-text", G_CALLBACK (apply_large_text), self,
                               G_CONNECT_SWAPPED);
    }
  else
    g_message ("The GSettings schema %s is not installed; settings will not be kept.", APPLICATION_ID);

  self->css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->css_provider, "/org/lexcert/Lexcert/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  g_signal_connect (self, "window-added", G_CALLBACK (apply_large_text), NULL);
}

static void
lc_application_activate (GApplication *application)
{
  LcApplication *self = LC_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db == NULL)
    {
      path = self->database_path != NULL ? g_strdup (self->database_path) : lc_db_default_path ();
      self->db = lc_db_open (path, &error);
      /* Every database carries the statute texts the program ships. */
      if (self->db != NULL && (!lc_law_ensure_shipped (self->db, &error) || !lc_bank_ensure_starter (self->db, &error)))
        g_clear_pointer (&self->db, lc_db_unref);
      if (self->db == NULL)
        {
          g_autofree char *body = NULL;
          LcMessageDialog *dialog;

          /* Translators: %s is the path of the database file, then the reason follows */
          body = g_strdup_printf (_ ("The database “%s” cannot be used: %s"), path, error->message);
          dialog = lc_message_dialog_new (NULL, _ ("Lexcert Cannot Open Its Database"), body);
          gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-database", path);
    }
  show_login (self);
}

static int
lc_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  LcApplication *self = LC_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  g_clear_pointer (&self->database_path, g_free);
  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);
  return -1;
}

static void
lc_application_dispose (GObject *object)
{
  LcApplication *self = LC_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->css_provider);
  g_clear_pointer (&self->db, lc_db_unref);

  G_OBJECT_CLASS (lc_application_parent_class)->dispose (object);
}

static void
lc_application_finalize (GObject *object)
{
  LcApplication *self = LC_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (lc_application_parent_class)->finalize (object);
}

static void
lc_application_class_init (LcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lc_application_dispose;
  object_class->finalize = lc_application_finalize;
  app_class->startup = lc_application_startup;
  app_class->activate = lc_application_activate;
  app_class->handle_local_options = lc_application_handle_local_options;
}

static void
lc_application_init (LcApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_ ("The database file to open"), N_ ("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and quit"), NULL },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _ ("Legal training and examination for enforcement officers"));
}

LcApplication *
lc_application_new (void)
{
  /* Not unique: each process holds its own database and signed-in user, so
   * a second start (perhaps with another --database) must not be handed to
   * the first one. */
  return g_object_new (LC_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/lexcert/Lexcert", NULL);
}

LcDb *
lc_application_get_db (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);
  return self->db;
}

GSettings *
lc_application_get_settings (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
lc_application_sign_out (LcApplication *self, GtkWindow *window)
{
  g_return_if_fail (LC_IS_APPLICATION (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (self->db != NULL)
    show_login (self);
  gtk_window_destroy (window);
}
