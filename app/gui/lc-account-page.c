/* lc-account-page.c: the signed-in user's own account. */
#define G_LOG_DOMAIN "lc-account-page"

#include "config.h"

#include "lc-account-page.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-people.h"

struct _LcAccountPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel *login_value;
  GtkLabel *role_value;
  GtkLabel *officer_value;

  /* owned */
  LcSession *session;
};

G_DEFINE_FINAL_TYPE (LcAccountPage, lc_account_page, GTK_TYPE_WIDGET)

static void
lc_account_page_dispose (GObject *object)
{
  LcAccountPage *self = LC_ACCOUNT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_ACCOUNT_PAGE);
  /* The template's top box has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_account_page_parent_class)->dispose (object);
}

static void
lc_account_page_class_init (LcAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_account_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcAccountPage, login_value);
  gtk_widget_class_bind_template_child (widget_class, LcAccountPage, role_value);
  gtk_widget_class_bind_template_child (widget_class, LcAccountPage, officer_value);
}

static void
lc_account_page_init (LcAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

LcAccountPage *
lc_account_page_new (LcSession *session)
{
  LcAccountPage *self;
  gint64 officer_id;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_ACCOUNT_PAGE, NULL);
  self->session = g_object_ref (session);
  gtk_label_set_text (self->login_value, lc_session_get_login (session));
  gtk_label_set_text (self->role_value, lc_role_display_name (lc_session_get_role (session)));

  officer_id = lc_session_get_officer_id (session);
  if (officer_id == 0)
    /* Translators: the account is not linked to an officer */
    gtk_label_set_text (self->officer_value, _ ("None"));
  else
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LcOfficer) officer = lc_people_get_officer (session, officer_id, &error);

      if (officer != NULL)
        {
          /* Translators: an officer's name and staff number, as in “张伟 (330401001)” */
          g_autofree char *text = g_strdup_printf (_ ("%s (%s)"), officer->name, officer->staff_no);
          gtk_label_set_text (self->officer_value, text);
        }
      else
        gtk_label_set_text (self->officer_value, error->message);
    }
  return self;
}
