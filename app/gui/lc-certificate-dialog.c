/* lc-certificate-dialog.c: issue a certificate or change its status. */
#define G_LOG_DOMAIN "lc-certificate-dialog"

#include "config.h"

#include "lc-certificate-dialog.h"
#include "lc-db.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-units.h"

struct _LcCertificateDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *intro_label;
  GtkLabel *number_label;
  GtkEntry *number_entry;
  GtkLabel *field_label;
  GtkEntry *field_entry;
  GtkLabel *date_label;
  GtkEntry *date_entry;
  GtkLabel *expiry_label;
  GtkEntry *expiry_entry;
  GtkLabel *reason_label;
  GtkEntry *reason_entry;
  GtkLabel *error_label;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  gint64 officer_id;
  gint64 certificate_id; /* 0 when issuing */
  LcCertAction action;
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcCertificateDialog, lc_certificate_dialog, GTK_TYPE_WINDOW)

static const char *
action_title (LcCertAction action)
{
  switch (action)
    {
    case LC_CERT_ACTION_ISSUE:
      /* Translators: 核发执法证 */
      return _ ("Issue Certificate");
    case LC_CERT_ACTION_REVIEW:
      /* Translators: 执法证年审 = annual review of an enforcement certificate */
      return _ ("Review Certificate");
    case LC_CERT_ACTION_RENEW:
      /* Translators: 换发执法证 = renewal of an enforcement certificate */
      return _ ("Renew Certificate");
    case LC_CERT_ACTION_SUSPEND:
      /* Translators: 暂扣执法证 = suspension of an enforcement certificate */
      return _ ("Suspend Certificate");
    case LC_CERT_ACTION_REINSTATE:
      /* Translators: 发还执法证 = end of a suspension */
      return _ ("Reinstate Certificate");
    case LC_CERT_ACTION_REVOKE:
      /* Translators: 吊销执法证 = revocation of an enforcement certificate */
      return _ ("Revoke Certificate");
    case LC_CERT_ACTION_CANCEL:
      /* Translators: 注销执法证 = cancellation of an enforcement certificate */
      return _ ("Cancel Certificate");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
reason_required (LcCertAction action)
{
  /* Taking a certificate away is appealable, so it must say why. */
  return action == LC_CERT_ACTION_SUSPEND || action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL;
}

static void
show_error (LcCertificateDialog *self, const char *message, GtkWidget *culprit)
{
  GtkWidget *entries[] = { GTK_WIDGET (self->number_entry), GTK_WIDGET (self->field_entry),
                           GTK_WIDGET (self->date_entry), GTK_WIDGET (self->expiry_entry),
                           GTK_WIDGET (self->reason_entry) };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (entries[i] == culprit)
        gtk_widget_add_css_class (entries[i], "error");
      else
        gtk_widget_remove_css_class (entries[i], "error");
    }
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (culprit != NULL)
    gtk_widget_grab_focus (culprit);
}

/* Reads a date entry: NULL with an error shown when it is not a date, ""
 * when empty. Accepts what lc_date_normalize() accepts (2025/3/5, 2025年3月5日). */
static char *
read_date (LcCertificateDialog *self, GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  char *date;

  if (*text == '\0')
    return g_steal_pointer (&text);
  date = lc_date_normalize (text);
  if (date == NULL)
    {
      /* Translators: %s is what was typed into a date field */
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not a date. Write it as YYYY-MM-DD."), text);
      show_error (self, message, GTK_WIDGET (entry));
    }
  return date;
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcCertificateDialog *self = LC_CERTIFICATE_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (entry_text (self->reason_entry)));
  gboolean ok;

  date = read_date (self, self->date_entry);
  if (date == NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->expiry_entry)))
    {
      expiry = read_date (self, self->expiry_entry);
      if (expiry == NULL)
        return;
    }
  if (reason_required (self->action) && *reason == '\0')
    {
      show_error (self, _ ("Give the reason: it is recorded in the certificate’s history."),
                  GTK_WIDGET (self->reason_entry));
      return;
    }

  if (self->action == LC_CERT_ACTION_ISSUE)
    {
      LcCertificate certificate = {
        .officer_id = self->officer_id,
        .cert_no = (char *) entry_text (self->number_entry),
        .field = (char *) entry_text (self->field_entry),
        .issued_on = date,
        .expires_on = expiry != NULL && *expiry != '\0' ? expiry : NULL,
      };

      ok = lc_people_issue_certificate (self->session, &certificate, reason, NULL, &error);
    }
  else
    ok = lc_people_certificate_transition (self->session, self->certificate_id, self->action,
                                           *date != '\0' ? date : NULL, reason,
                                           expiry != NULL && *expiry != '\0' ? expiry : NULL, &error);

  if (!ok)
    {
      GtkWidget *culprit = NULL;

      if (g_error_matches (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_CERT_NO))
        culprit = GTK_WIDGET (self->number_entry);
      else if (g_error_matches (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE))
        culprit = GTK_WIDGET (self->expiry_entry);
      else if (g_error_matches (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_REASON_REQUIRED))
        culprit = GTK_WIDGET (self->reason_entry);
      show_error (self, error->message, culprit);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lc_certificate_dialog_dispose (GObject *object)
{
  LcCertificateDialog *self = LC_CERTIFICATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_CERTIFICATE_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_certificate_dialog_parent_class)->dispose (object);
}

static void
lc_certificate_dialog_class_init (LcCertificateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_certificate_dialog_dispose;

  /**
   * LcCertificateDialog::saved:
   *
   * The certificate was issued or changed.
   */
  signals[SAVED] =
      g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-certificate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, number_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, number_entry);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, field_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, field_entry);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, expiry_entry);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcCertificateDialog, save_button);

  gtk_widget_class_install_action (widget_class, "certificate.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_certificate_dialog_init (LcCertificateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

static LcCertificateDialog *
dialog_new (GtkWindow *parent, LcSession *session, LcCertAction action)
{
  LcCertificateDialog *self;
  g_autofree char *today = lc_db_today (lc_session_get_db (session));
  gboolean issue = action == LC_CERT_ACTION_ISSUE;
  gboolean expiry = issue || action == LC_CERT_ACTION_RENEW;

  self = g_object_new (LC_TYPE_CERTIFICATE_DIALOG, "transient-for", parent, "title", action_title (action), NULL);
  self->session = g_object_ref (session);
  self->action = action;

  gtk_label_set_text (self->heading_label, action_title (action));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_label_set_text_with_mnemonic (self->date_label, issue ? _ ("_Issued on") : _ ("_Date"));
  gtk_widget_set_visible (GTK_WIDGET (self->number_label), issue);
  gtk_widget_set_visible (GTK_WIDGET (self->number_entry), issue);
  gtk_widget_set_visible (GTK_WIDGET (self->field_label), issue);
  gtk_widget_set_visible (GTK_WIDGET (self->field_entry), issue);
  gtk_widget_set_visible (GTK_WIDGET (self->expiry_label), expiry);
  gtk_widget_set_visible (GTK_WIDGET (self->expiry_entry), expiry);
  if (expiry)
    {
      g_autofree char *placeholder = NULL;

      gtk_label_set_text_with_mnemonic (self->expiry_label, issue ? _ ("_Expires on") : _ ("_New expiry"));
      /* Translators: placeholder of the expiry date; %d is a number of years */
      placeholder = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Empty: %d year after the date",
                                                  "Empty: %d years after the date", LC_CERT_DEFAULT_VALIDITY_YEARS),
                                     LC_CERT_DEFAULT_VALIDITY_YEARS);
      gtk_entry_set_placeholder_text (self->expiry_entry, placeholder);
    }
  gtk_label_set_text_with_mnemonic (self->reason_label,
                                    reason_required (action) ? _ ("_Reason (required)") : _ ("_Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  reason_required (action), -1);
  gtk_button_set_label (self->save_button, issue ? _ ("_Issue") : _ ("C_onfirm"));
  lc_accessible_fix_mnemonic_name (GTK_WIDGET (self->save_button));
  if (action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL || action == LC_CERT_ACTION_SUSPEND)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
    }
  return self;
}

LcCertificateDialog *
lc_certificate_dialog_new_issue (GtkWindow *parent, LcSession *session, const LcOfficer *officer)
{
  LcCertificateDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (officer != NULL, NULL);

  self = dialog_new (parent, session, LC_CERT_ACTION_ISSUE);
  self->officer_id = officer->id;
  /* Translators: %s is an officer's name, then the staff number */
  intro = g_strdup_printf (_ ("A new enforcement certificate for %s (%s)."), officer->name, officer->staff_no);
  gtk_label_set_text (self->intro_label, intro);
  gtk_editable_set_text (GTK_EDITABLE (self->field_entry), officer->field != NULL ? officer->field : "");
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->number_entry));
  return self;
}

LcCertificateDialog *
lc_certificate_dialog_new_transition (GtkWindow *parent, LcSession *session, const LcCertificate *certificate,
                                      LcCertAction action)
{
  LcCertificateDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (certificate != NULL, NULL);
  g_return_val_if_fail (action != LC_CERT_ACTION_ISSUE, NULL);

  self = dialog_new (parent, session, action);
  self->officer_id = certificate->officer_id;
  self->certificate_id = certificate->id;
  /* Translators: certificate number, its expiry date */
  intro = g_strdup_printf (_ ("Certificate %s, valid until %s."), certificate->cert_no, certificate->expires_on);
  gtk_label_set_text (self->intro_label, intro);
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (reason_required (action) ? self->reason_entry : self->date_entry));
  return self;
}
