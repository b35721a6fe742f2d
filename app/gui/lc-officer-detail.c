/* lc-officer-detail.c: everything about one officer. */
#define G_LOG_DOMAIN "lc-officer-detail"

#include "config.h"

#include "lc-certificate-dialog.h"
#include "lc-db.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-officer-detail-private.h"
#include "lc-training-dialog.h"
#include "lc-units.h"

G_DEFINE_FINAL_TYPE (LcOfficerDetail, lc_officer_detail, GTK_TYPE_WIDGET)

/* The certificate actions in the order their buttons appear. */
static const LcCertAction transition_actions[] = {
  LC_CERT_ACTION_REVIEW,    LC_CERT_ACTION_RENEW,  LC_CERT_ACTION_SUSPEND,
  LC_CERT_ACTION_REINSTATE, LC_CERT_ACTION_REVOKE, LC_CERT_ACTION_CANCEL,
};

/* The verb on a button, where lc_cert_action_display_name() is the past
 * tense of the history. */
static const char *
action_button_label (LcCertAction action)
{
  switch (action)
    {
    case LC_CERT_ACTION_REVIEW:
      /* Translators: button; 年审 = annual review of an enforcement certificate */
      return _ ("Re_view…");
    case LC_CERT_ACTION_RENEW:
      /* Translators: button; 换证 = renewal of an enforcement certificate */
      return _ ("Re_new…");
    case LC_CERT_ACTION_SUSPEND:
      /* Translators: button; 暂扣 = suspension of an enforcement certificate */
      return _ ("_Suspend…");
    case LC_CERT_ACTION_REINSTATE:
      /* Translators: button; 恢复 = end of a suspension (发还) */
      return _ ("Rei_nstate…");
    case LC_CERT_ACTION_REVOKE:
      /* Translators: button; 吊销 = revocation of an enforcement certificate */
      return _ ("Rev_oke…");
    case LC_CERT_ACTION_CANCEL:
      /* Translators: button; 注销 = cancellation of an enforcement certificate */
      return _ ("_Cancel Certificate…");
    case LC_CERT_ACTION_ISSUE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Coloured by style.css: valid green, suspended orange, revoked and expired
 * red, cancelled grey, as in the roster export. */
static const char *
status_css_class (LcCertStatus status)
{
  switch (status)
    {
    case LC_CERT_VALID:
      return "cert-valid";
    case LC_CERT_SUSPENDED:
      return "cert-suspended";
    case LC_CERT_REVOKED:
      return "cert-revoked";
    case LC_CERT_EXPIRED:
      return "cert-expired";
    case LC_CERT_CANCELLED:
    default:
      return "cert-cancelled";
    }
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else
        gtk_grid_remove (GTK_GRID (widget), child);
    }
}

static GtkWidget *
cell_label (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A caption and its value, side by side so screen readers read them in turn. */
static void
attach_fact (GtkGrid *grid, int row, const char *caption, const char *value)
{
  GtkWidget *caption_label = cell_label (caption, TRUE);
  GtkWidget *value_label = cell_label (or_dash (value), FALSE);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 1);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (grid, caption_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
}

static GtkWidget *
make_history (LcOfficerDetail *self, const LcCertificate *certificate)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = lc_people_list_certificate_events (self->session, certificate->id, &error);
  g_autofree char *title = NULL;
  GtkWidget *expander;
  GtkWidget *grid;

  if (events == NULL)
    return cell_label (error->message, FALSE);

  /* Translators: expander over a certificate's history; %u is the number of entries */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_History (%u entry)", "_History (%u entries)", events->len),
                           events->len);
  expander = gtk_expander_new_with_mnemonic (title);
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_expander_set_child (GTK_EXPANDER (expander), grid);

  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("Date"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("Action"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("Reason"), TRUE), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("By"), TRUE), 3, 0, 1, 1);
  for (guint i = 0; i < events->len; i++)
    {
      const LcCertificateEvent *event = g_ptr_array_index (events, i);
      GtkWidget *reason = cell_label (or_dash (event->reason), FALSE);

      gtk_widget_set_hexpand (reason, TRUE);
      gtk_grid_attach (GTK_GRID (grid), cell_label (event->on_date, FALSE), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (lc_cert_action_display_name (event->action), FALSE), 1, (int) i + 1,
                       1, 1);
      gtk_grid_attach (GTK_GRID (grid), reason, 2, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (or_dash (event->user_login), FALSE), 3, (int) i + 1, 1, 1);
    }
  return expander;
}

static GtkWidget *
make_certificate (LcOfficerDetail *self, const LcCertificate *certificate, const char *today)
{
  LcCertStatus effective = lc_certificate_effective_status (certificate, today);
  gboolean can_manage = lc_session_can (self->session, LC_PERM_MANAGE_CERTIFICATES);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number = cell_label (certificate->cert_no, FALSE);
  GtkWidget *status = gtk_label_new (lc_cert_status_display_name (effective));
  GtkWidget *facts = gtk_grid_new ();
  g_autofree char *accessible = NULL;
  int row = 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "certificate");
  gtk_widget_add_css_class (number, "heading");
  gtk_widget_set_hexpand (number, TRUE);
  gtk_widget_add_css_class (status, "cert-status");
  gtk_widget_add_css_class (status, status_css_class (effective));
  gtk_box_append (GTK_BOX (header), number);
  gtk_box_append (GTK_BOX (header), status);
  gtk_box_append (GTK_BOX (card), header);

  /* Translators: accessible name of a certificate card: number and status */
  accessible =
      g_strdup_printf (_ ("Certificate %s, %s"), certificate->cert_no, lc_cert_status_display_name (effective));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  gtk_grid_set_column_spacing (GTK_GRID (facts), 12);
  gtk_grid_set_row_spacing (GTK_GRID (facts), 4);
  attach_fact (GTK_GRID (facts), row++, _ ("Enforcement field"), certificate->field);
  attach_fact (GTK_GRID (facts), row++, _ ("Issued"), certificate->issued_on);
  attach_fact (GTK_GRID (facts), row++, _ ("Expires"), certificate->expires_on);
  /* Translators: date of the last annual review (年审) */
  attach_fact (GTK_GRID (facts), row++, _ ("Reviewed"),
               certificate->reviewed_on != NULL ? certificate->reviewed_on : C_ ("review", "Never"));
  if (certificate->status_reason != NULL && *certificate->status_reason != '\0')
    attach_fact (GTK_GRID (facts), row++, _ ("Reason"), certificate->status_reason);
  gtk_box_append (GTK_BOX (card), facts);

  if (can_manage)
    {
      /* Keeping a certificate going on one row, taking it away on the next. */
      GtkWidget *rows[2] = { NULL, NULL };

      for (guint i = 0; i < G_N_ELEMENTS (transition_actions); i++)
        {
          LcCertAction action = transition_actions[i];
          gboolean destructive =
              action == LC_CERT_ACTION_SUSPEND || action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL;
          GtkWidget *button;

          if (!lc_certificate_action_allowed (certificate, action, today))
            continue;
          if (rows[destructive] == NULL)
            {
              rows[destructive] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              gtk_box_append (GTK_BOX (card), rows[destructive]);
            }
          button = gtk_button_new_with_mnemonic (action_button_label (action));
          lc_accessible_fix_mnemonic_name (button);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "detail.transition");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xi)", certificate->id, (gint32) action);
          if (action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL)
            gtk_widget_add_css_class (button, "destructive-action");
          gtk_box_append (GTK_BOX (rows[destructive]), button);
        }
    }

  gtk_box_append (GTK_BOX (card), make_history (self, certificate));
  return card;
}

static void
show_certificates (LcOfficerDetail *self, const char *today)
{
  remove_children (GTK_WIDGET (self->certificates_box));
  for (guint i = 0; i < self->certificates->len; i++)
    gtk_box_append (self->certificates_box, make_certificate (self, g_ptr_array_index (self->certificates, i), today));
  gtk_widget_set_visible (GTK_WIDGET (self->no_certificates_label), self->certificates->len == 0);
}

static int
compare_years_descending (gconstpointer a, gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

static void
show_training (LcOfficerDetail *self, GPtrArray *records)
{
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GString) totals = g_string_new (NULL);
  int row = 1;

  remove_children (GTK_WIDGET (self->training_grid));
  gtk_grid_attach (self->training_grid, cell_label (_ ("Date"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->training_grid, cell_label (_ ("Hours"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->training_grid, cell_label (_ ("Source"), TRUE), 2, 0, 1, 1);
  gtk_grid_attach (self->training_grid, cell_label (_ ("Note"), TRUE), 3, 0, 1, 1);

  for (guint i = 0; i < records->len; i++)
    {
      const LcTrainingRecord *record = g_ptr_array_index (records, i);
      g_autofree char *hours = lc_hundredths_format (record->hours);
      GtkWidget *note = cell_label (or_dash (record->note), FALSE);
      int year = lc_date_year (record->on_date);
      gboolean seen = FALSE;

      gtk_widget_set_hexpand (note, TRUE);
      gtk_grid_attach (self->training_grid, cell_label (record->on_date, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->training_grid, cell_label (hours, FALSE), 1, row, 1, 1);
      gtk_grid_attach (self->training_grid, cell_label (lc_training_source_display_name (record->source), FALSE), 2,
                       row, 1, 1);
      gtk_grid_attach (self->training_grid, note, 3, row, 1, 1);
      row++;

      for (guint j = 0; j < years->len && !seen; j++)
        seen = g_array_index (years, int, j) == year;
      if (!seen)
        g_array_append_val (years, year);
    }
  g_array_sort (years, compare_years_descending);

  for (guint j = 0; j < years->len; j++)
    {
      int year = g_array_index (years, int, j);
      gint64 hours = 0;
      g_autofree char *hours_text = NULL;

      if (!lc_people_training_hours (self->session, self->officer_id, year, &hours, NULL))
        continue;
      hours_text = lc_hundredths_format (hours);
      if (totals->len > 0)
        g_string_append_c (totals, '\n');
      /* Translators: yearly training total, as in “2025: 42 hours” (2025年：42学时) */
      g_string_append_printf (totals, _ ("%d: %s hours"), year, hours_text);
    }
  gtk_label_set_text (self->hours_value, totals->str);
  gtk_widget_set_visible (GTK_WIDGET (self->hours_value), totals->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->training_grid), records->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_training_label), records->len == 0);
}

static void
show_error (LcOfficerDetail *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
update_permissions (LcOfficerDetail *self)
{
  gboolean certificates = self->session != NULL && lc_session_can (self->session, LC_PERM_MANAGE_CERTIFICATES);
  gboolean training = self->session != NULL && lc_session_can (self->session, LC_PERM_RECORD_TRAINING);

  gtk_widget_set_visible (GTK_WIDGET (self->issue_button), certificates);
  gtk_widget_set_visible (GTK_WIDGET (self->training_button), training);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.issue", certificates && self->officer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.transition", certificates && self->officer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.record-training", training && self->officer != NULL);
}

void
lc_officer_detail_reload (LcOfficerDetail *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (GPtrArray) training = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (LC_IS_OFFICER_DETAIL (self));

  g_clear_pointer (&self->officer, lc_officer_free);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  update_permissions (self);

  if (self->session == NULL || self->officer_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  officer = lc_people_get_officer (self->session, self->officer_id, &error);
  if (officer != NULL)
    certificates = lc_people_list_certificates (self->session, self->officer_id, &error);
  if (certificates != NULL)
    training = lc_people_list_training (self->session, self->officer_id, &error);
  if (training == NULL)
    {
      show_error (self, error->message);
      return;
    }
  path = lc_people_department_path (self->session, officer->department_id, NULL);
  today = lc_db_today (lc_session_get_db (self->session));

  gtk_label_set_text (self->name_label, officer->name);
  gtk_label_set_text (self->staff_no_value, officer->staff_no);
  gtk_label_set_text (self->department_value, or_dash (path != NULL ? path : officer->department_name));
  gtk_label_set_text (self->field_value, or_dash (officer->field));
  gtk_label_set_text (self->post_value, or_dash (officer->post));
  gtk_label_set_text (self->status_value, lc_officer_status_display_name (officer->status));
  gtk_label_set_text (self->phone_value, or_dash (officer->phone));

  self->officer = g_steal_pointer (&officer);
  self->certificates = g_steal_pointer (&certificates);
  show_certificates (self, today);
  show_training (self, training);
  update_permissions (self);
  gtk_stack_set_visible_child_name (self->stack, "officer");
}

static void
saved (LcOfficerDetail *self)
{
  lc_officer_detail_reload (self);
}

static GtkWindow *
parent_window (LcOfficerDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
issue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficerDetail *self = LC_OFFICER_DETAIL (widget);
  LcCertificateDialog *dialog;

  if (self->officer == NULL)
    return;
  dialog = lc_certificate_dialog_new_issue (parent_window (self), self->session, self->officer);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transition_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficerDetail *self = LC_OFFICER_DETAIL (widget);
  gint64 certificate_id = 0;
  gint32 action = 0;
  LcCertificateDialog *dialog;

  g_variant_get (parameter, "(xi)", &certificate_id, &action);
  for (guint i = 0; self->certificates != NULL && i < self->certificates->len; i++)
    {
      const LcCertificate *certificate = g_ptr_array_index (self->certificates, i);

      if (certificate->id != certificate_id)
        continue;
      dialog = lc_certificate_dialog_new_transition (parent_window (self), self->session, certificate,
                                                     (LcCertAction) action);
      g_signal_connect_object (dialog, "saved", G_CALLBACK (saved), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
}

static void
record_training_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficerDetail *self = LC_OFFICER_DETAIL (widget);
  LcTrainingDialog *dialog;

  if (self->officer == NULL)
    return;
  dialog = lc_training_dialog_new (parent_window (self), self->session, self->officer);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lc_officer_detail_dispose (GObject *object)
{
  LcOfficerDetail *self = LC_OFFICER_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_OFFICER_DETAIL);
  /* The template's top box has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->officer, lc_officer_free);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_officer_detail_parent_class)->dispose (object);
}

static void
lc_officer_detail_class_init (LcOfficerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_officer_detail_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-officer-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, staff_no_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, department_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, field_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, post_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, status_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, phone_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, issue_button);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, certificates_box);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, no_certificates_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, training_button);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, hours_value);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, training_grid);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDetail, no_training_label);

  gtk_widget_class_install_action (widget_class, "detail.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "detail.transition", "(xi)", transition_action);
  gtk_widget_class_install_action (widget_class, "detail.record-training", NULL, record_training_action);
}

static void
lc_officer_detail_init (LcOfficerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  update_permissions (self);
}

LcOfficerDetail *
lc_officer_detail_new (void)
{
  return g_object_new (LC_TYPE_OFFICER_DETAIL, NULL);
}

void
lc_officer_detail_set_session (LcOfficerDetail *self, LcSession *session)
{
  g_return_if_fail (LC_IS_OFFICER_DETAIL (self));
  g_return_if_fail (session == NULL || LC_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    lc_officer_detail_reload (self);
}

void
lc_officer_detail_set_officer_id (LcOfficerDetail *self, gint64 officer_id)
{
  g_return_if_fail (LC_IS_OFFICER_DETAIL (self));

  self->officer_id = officer_id;
  lc_officer_detail_reload (self);
}

gint64
lc_officer_detail_get_officer_id (LcOfficerDetail *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_DETAIL (self), 0);
  return self->officer_id;
}
