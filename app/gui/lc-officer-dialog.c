/* lc-officer-dialog.c: add an officer or change one. */
#define G_LOG_DOMAIN "lc-officer-dialog"

#include "config.h"

#include <string.h>

#include "lc-department-item.h"
#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-officer-dialog.h"

struct _LcOfficerDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkEntry *staff_no_entry;
  GtkEntry *name_entry;
  GtkDropDown *department_dropdown;
  GtkEntry *field_entry;
  GtkEntry *post_entry;
  GtkDropDown *status_dropdown;
  GtkEntry *phone_entry;
  GtkLabel *error_label;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  LcOfficer *original; /* NULL when adding */
  GListStore *departments;
  gboolean touched;  /* a new, untouched form shows no complaints yet */
  gboolean building; /* the constructor is filling the form */
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcOfficerDialog, lc_officer_dialog, GTK_TYPE_WINDOW)

/* The form as an officer; the strings are borrowed from the entries. */
static void
read_form (LcOfficerDialog *self, LcOfficer *officer)
{
  g_autoptr (LcDepartmentItem) department = NULL;
  guint position = gtk_drop_down_get_selected (self->department_dropdown);

  memset (officer, 0, sizeof *officer);
  officer->id = self->original != NULL ? self->original->id : 0;
  officer->staff_no = (char *) gtk_editable_get_text (GTK_EDITABLE (self->staff_no_entry));
  officer->name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  officer->field = (char *) gtk_editable_get_text (GTK_EDITABLE (self->field_entry));
  officer->post = (char *) gtk_editable_get_text (GTK_EDITABLE (self->post_entry));
  officer->phone = (char *) gtk_editable_get_text (GTK_EDITABLE (self->phone_entry));
  officer->status = (LcOfficerStatus) gtk_drop_down_get_selected (self->status_dropdown);
  if (position != GTK_INVALID_LIST_POSITION)
    department = g_list_model_get_item (G_LIST_MODEL (self->departments), position);
  officer->department_id = department != NULL ? lc_department_item_get_id (department) : 0;
}

/* The control that the core's complaint is about, from the member it names. */
static GtkWidget *
control_for_field (LcOfficerDialog *self, const char *bad_field)
{
  const struct
  {
    const char *field;
    GtkWidget *control;
  } controls[] = {
    { "staff_no", GTK_WIDGET (self->staff_no_entry) },
    { "name", GTK_WIDGET (self->name_entry) },
    { "department", GTK_WIDGET (self->department_dropdown) },
    { "field", GTK_WIDGET (self->field_entry) },
    { "post", GTK_WIDGET (self->post_entry) },
    { "status", GTK_WIDGET (self->status_dropdown) },
    { "phone", GTK_WIDGET (self->phone_entry) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (g_strcmp0 (bad_field, controls[i].field) == 0)
      return controls[i].control;
  return NULL;
}

static void
validate (LcOfficerDialog *self)
{
  GtkWidget *controls[] = { GTK_WIDGET (self->staff_no_entry),      GTK_WIDGET (self->name_entry),
                            GTK_WIDGET (self->department_dropdown), GTK_WIDGET (self->field_entry),
                            GTK_WIDGET (self->post_entry),          GTK_WIDGET (self->status_dropdown),
                            GTK_WIDGET (self->phone_entry) };
  g_autoptr (GError) error = NULL;
  GtkWidget *culprit = NULL;
  const char *bad_field = NULL;
  LcOfficer form;
  gboolean valid;

  read_form (self, &form);
  valid = lc_people_validate_officer (self->session, &form, &bad_field, &error);
  if (!valid && self->touched)
    culprit = control_for_field (self, bad_field);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      if (controls[i] == culprit)
        {
          gtk_widget_add_css_class (controls[i], "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (controls[i], "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }

  gtk_label_set_text (self->error_label, !valid && self->touched ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid && self->touched);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "officer.save", valid);
}

static void
form_changed (LcOfficerDialog *self)
{
  if (self->building)
    return;
  self->touched = TRUE;
  validate (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcOfficerDialog *self = LC_OFFICER_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  LcOfficer form;
  gint64 id = 0;
  gboolean ok;

  read_form (self, &form);
  if (self->original == NULL)
    ok = lc_people_add_officer (self->session, &form, &id, &error);
  else
    {
      id = form.id;
      ok = lc_people_update_officer (self->session, &form, &error);
    }
  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lc_officer_dialog_dispose (GObject *object)
{
  LcOfficerDialog *self = LC_OFFICER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_OFFICER_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->departments);
  g_clear_pointer (&self->original, lc_officer_free);

  G_OBJECT_CLASS (lc_officer_dialog_parent_class)->dispose (object);
}

static void
lc_officer_dialog_class_init (LcOfficerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_officer_dialog_dispose;

  /**
   * LcOfficerDialog::saved:
   * @officer_id: the id of the officer added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LC_TYPE_DEPARTMENT_ITEM);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-officer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, staff_no_entry);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, field_entry);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, post_entry);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcOfficerDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);

  gtk_widget_class_install_action (widget_class, "officer.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_officer_dialog_init (LcOfficerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

LcOfficerDialog *
lc_officer_dialog_new (GtkWindow *parent, LcSession *session, const LcOfficer *officer, gint64 department_id)
{
  LcOfficerDialog *self;
  g_autoptr (GtkStringList) statuses = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_OFFICER_DIALOG, "transient-for", parent, "title",
                       officer == NULL ? _ ("Add Officer") : _ ("Edit Officer"), NULL);
  self->building = TRUE;
  self->session = g_object_ref (session);
  self->original = officer != NULL ? lc_officer_copy (officer) : NULL;
  gtk_label_set_text (self->heading_label, officer == NULL ? _ ("Add Officer") : _ ("Edit Officer"));

  /* The status list follows the order of LcOfficerStatus. */
  statuses = gtk_string_list_new (NULL);
  for (LcOfficerStatus status = LC_OFFICER_ACTIVE; status <= LC_OFFICER_LEFT; status++)
    gtk_string_list_append (statuses, lc_officer_status_display_name (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->departments = lc_department_item_load (session, NULL, &error);
  if (self->departments == NULL)
    {
      self->departments = g_list_store_new (LC_TYPE_DEPARTMENT_ITEM);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->departments));

  if (officer != NULL)
    {
      department_id = officer->department_id;
      gtk_editable_set_text (GTK_EDITABLE (self->staff_no_entry), officer->staff_no);
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), officer->name);
      gtk_editable_set_text (GTK_EDITABLE (self->field_entry), officer->field ? officer->field : "");
      gtk_editable_set_text (GTK_EDITABLE (self->post_entry), officer->post ? officer->post : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), officer->phone ? officer->phone : "");
      gtk_drop_down_set_selected (self->status_dropdown, officer->status);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->departments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcDepartmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->departments), i);

      if (lc_department_item_get_id (item) == department_id)
        gtk_drop_down_set_selected (self->department_dropdown, i);
    }

  /* Filling the form is not the user's doing: complaints wait for a change. */
  self->touched = officer != NULL;
  self->building = FALSE;
  validate (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (officer == NULL ? self->staff_no_entry : self->name_entry));
  return self;
}
