/* lc-departments-dialog.c: the department tree, and a form to add a
 * department or change one. */
#define G_LOG_DOMAIN "lc-departments-dialog"

#include "config.h"

#include "lc-accessible.h"
#include "lc-column-view.h"
#include "lc-db.h"
#include "lc-departments-dialog.h"
#include "lc-i18n.h"
#include "lc-people.h"

/* One department as a row of the tree and an item of the parent drop-down. */
#define LC_TYPE_DEPARTMENT_NODE (lc_department_node_get_type ())
G_DECLARE_FINAL_TYPE (LcDepartmentNode, lc_department_node, LC, DEPARTMENT_NODE, GObject)

struct _LcDepartmentNode
{
  GObject parent_instance;

  gint64 id; /* 0 for the “(top level)” item of the drop-down */
  gint64 parent_id;
  char *code;
  char *name;
  char *label; /* the name indented by the depth */
};

enum
{
  NODE_PROP_0,
  NODE_PROP_CODE,
  NODE_PROP_NAME,
  NODE_PROP_LABEL,
  NODE_N_PROPS
};

static GParamSpec *node_properties[NODE_N_PROPS];

G_DEFINE_FINAL_TYPE (LcDepartmentNode, lc_department_node, G_TYPE_OBJECT)

static void
lc_department_node_finalize (GObject *object)
{
  LcDepartmentNode *self = LC_DEPARTMENT_NODE (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->label);

  G_OBJECT_CLASS (lc_department_node_parent_class)->finalize (object);
}

static void
lc_department_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcDepartmentNode *self = LC_DEPARTMENT_NODE (object);

  switch (prop_id)
    {
    case NODE_PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case NODE_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case NODE_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_department_node_class_init (LcDepartmentNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_department_node_finalize;
  object_class->get_property = lc_department_node_get_property;

  node_properties[NODE_PROP_CODE] =
      g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_NAME] =
      g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_LABEL] =
      g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, NODE_N_PROPS, node_properties);
}

static void
lc_department_node_init (LcDepartmentNode *self)
{
}

static LcDepartmentNode *
lc_department_node_new (gint64 id, gint64 parent_id, const char *code, const char *name, guint depth)
{
  LcDepartmentNode *self = g_object_new (LC_TYPE_DEPARTMENT_NODE, NULL);
  g_autoptr (GString) label = g_string_new (NULL);

  /* An ideographic space per level: as wide as one Chinese character. */
  for (guint i = 0; i < depth; i++)
    g_string_append (label, "\u3000\u3000");
  g_string_append (label, name);

  self->id = id;
  self->parent_id = parent_id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->label = g_string_free (g_steal_pointer (&label), FALSE);
  return self;
}

/* The dialog ------------------------------------------------------------ */

struct _LcDepartmentsDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkColumnView *tree_view;
  GtkLabel *form_heading;
  GtkEntry *code_entry;
  GtkEntry *name_entry;
  GtkDropDown *parent_dropdown;
  GtkLabel *error_label;
  GtkLabel *status_label;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  GListStore *nodes;   /* LcDepartmentNode, parents before children */
  GListStore *parents; /* the same after a “(top level)” node of id 0 */
  GtkSingleSelection *selection;
  gint64 editing_id; /* 0 while the form adds a department */
  int touched;       /* the last control, in the form's order, that the user changed; -1 none */
  gboolean building; /* the code, not the user, is changing the form or the lists */
  gboolean changed;  /* something was stored */
};

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcDepartmentsDialog, lc_departments_dialog, GTK_TYPE_WINDOW)

static guint
position_of (GListModel *model, gint64 id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcDepartmentNode) node = g_list_model_get_item (model, i);

      if (node->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_error (LcDepartmentsDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_status (LcDepartmentsDialog *self, const char *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

/* Reads the tree again; the selection and the drop-down keep their models. */
static gboolean
reload (LcDepartmentsDialog *self, GError **error)
{
  g_autoptr (GPtrArray) departments = lc_people_list_departments (self->session, error);
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GHashTable) depths = NULL;
  g_autoptr (LcDepartmentNode) top = NULL;

  if (departments == NULL)
    return FALSE;
  nodes = g_ptr_array_new_with_free_func (g_object_unref);
  depths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* Parents come before children, so a parent's depth is always known. */
  for (guint i = 0; i < departments->len; i++)
    {
      const LcDepartment *department = g_ptr_array_index (departments, i);
      gpointer parent_depth;
      guint depth = 0;

      if (department->parent_id != 0
          && g_hash_table_lookup_extended (depths, &department->parent_id, NULL, &parent_depth))
        depth = GPOINTER_TO_UINT (parent_depth) + 1;
      g_hash_table_insert (depths, g_memdup2 (&department->id, sizeof (gint64)), GUINT_TO_POINTER (depth));
      g_ptr_array_add (nodes, lc_department_node_new (department->id, department->parent_id, department->code,
                                                      department->name, depth));
    }

  self->building = TRUE;
  g_list_store_splice (self->nodes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->nodes)), nodes->pdata, nodes->len);
  /* Translators: the parent of a department that is under no other, 无（顶级部门） */
  top = lc_department_node_new (0, 0, "", _ ("(top level)"), 0);
  g_ptr_array_insert (nodes, 0, g_object_ref (top));
  g_list_store_splice (self->parents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->parents)), nodes->pdata,
                       nodes->len);
  self->building = FALSE;
  return TRUE;
}

static gint64
chosen_parent (LcDepartmentsDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->parent_dropdown);
  g_autoptr (LcDepartmentNode) node = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    node = g_list_model_get_item (G_LIST_MODEL (self->parents), position);
  return node != NULL ? node->id : 0;
}

/* The form as a department, its texts without surrounding spaces. */
static LcDepartment *
read_form (LcDepartmentsDialog *self)
{
  LcDepartment *department = g_new0 (LcDepartment, 1);

  department->id = self->editing_id;
  department->code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));
  department->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  department->parent_id = chosen_parent (self);
  return department;
}

/* Stores @department (@department->id 0 adds it). */
static gboolean
store_form (LcDepartmentsDialog *self, const LcDepartment *department, gint64 *out_id, GError **error)
{
  if (department->id == 0)
    return lc_people_add_department (self->session, department->code, department->name, department->parent_id, out_id,
                                     error);
  return lc_people_update_department (self->session, department, error);
}

/* The control for the member the core names ("code", "name", "parent"). */
static GtkWidget *
control_for_field (LcDepartmentsDialog *self, const char *bad_field)
{
  if (g_strcmp0 (bad_field, "code") == 0)
    return GTK_WIDGET (self->code_entry);
  if (g_strcmp0 (bad_field, "name") == 0)
    return GTK_WIDGET (self->name_entry);
  if (g_strcmp0 (bad_field, "parent") == 0)
    return GTK_WIDGET (self->parent_dropdown);
  return NULL;
}

/* The place of @control in the form: code, name, parent. A complaint
 * that is no control's (a permission, the database) comes first. */
static int
form_position (LcDepartmentsDialog *self, GtkWidget *control)
{
  if (control == GTK_WIDGET (self->code_entry))
    return 0;
  if (control == GTK_WIDGET (self->name_entry))
    return 1;
  if (control == GTK_WIDGET (self->parent_dropdown))
    return 2;
  return -1;
}

static void
mark_culprit (LcDepartmentsDialog *self, GtkWidget *culprit, const char *message)
{
  GtkWidget *controls[] = { GTK_WIDGET (self->code_entry), GTK_WIDGET (self->name_entry),
                            GTK_WIDGET (self->parent_dropdown) };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      if (controls[i] == culprit)
        {
          gtk_widget_add_css_class (controls[i], "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_widget_remove_css_class (controls[i], "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

static void
validate (LcDepartmentsDialog *self)
{
  g_autoptr (LcDepartment) form = read_form (self);
  g_autoptr (GError) error = NULL;
  const char *bad_field = NULL;
  GtkWidget *culprit = NULL;
  gboolean valid;

  /* An untouched new form is empty: nothing to add, nothing to say yet. */
  if (self->editing_id == 0 && self->touched < 0)
    valid = FALSE;
  else
    valid = lc_people_validate_department (self->session, form, &bad_field, &error);
  if (!valid && error != NULL)
    culprit = control_for_field (self, bad_field);

  /* A complaint about a control waits until the user has changed it or
   * one after it: no “name is required” while the code is being typed. */
  if (!valid && error != NULL && self->touched >= 0 && form_position (self, culprit) <= self->touched)
    {
      mark_culprit (self, culprit, error->message);
      show_error (self, error->message);
    }
  else
    {
      mark_culprit (self, NULL, NULL);
      show_error (self, NULL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "departments.save", valid);
}

static void
form_changed (LcDepartmentsDialog *self, GtkWidget *control)
{
  /* The template's models are set before there is a session. */
  if (self->building || self->session == NULL)
    return;
  self->touched = MAX (self->touched, form_position (self, control));
  show_status (self, NULL);
  validate (self);
}

static void
code_changed (LcDepartmentsDialog *self)
{
  form_changed (self, GTK_WIDGET (self->code_entry));
}

static void
name_changed (LcDepartmentsDialog *self)
{
  form_changed (self, GTK_WIDGET (self->name_entry));
}

static void
parent_changed (LcDepartmentsDialog *self)
{
  form_changed (self, GTK_WIDGET (self->parent_dropdown));
}

/* Fills the form: @editing_id 0 for a new department under @parent_id. */
static void
show_form (LcDepartmentsDialog *self, gint64 editing_id, gint64 parent_id, const char *code, const char *name)
{
  guint position = position_of (G_LIST_MODEL (self->parents), parent_id);

  self->building = TRUE;
  self->editing_id = editing_id;
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), code);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  gtk_drop_down_set_selected (self->parent_dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
  if (editing_id == 0)
    {
      gtk_label_set_text (self->form_heading, _ ("New Department"));
      gtk_button_set_label (self->save_button, _ ("_Add"));
    }
  else
    {
      /* Translators: the heading of the form that changes a department; %s is its name */
      g_autofree char *heading = g_strdup_printf (_ ("Change “%s”"), name);

      gtk_label_set_text (self->form_heading, heading);
      gtk_button_set_label (self->save_button, _ ("_Save"));
    }
  lc_accessible_fix_mnemonic_name (GTK_WIDGET (self->save_button));
  self->building = FALSE;
  /* A department as stored is valid: say so at once if it is not any more. */
  self->touched = editing_id != 0 ? G_MAXINT : -1;
  validate (self);
}

static void
scroll_to (LcDepartmentsDialog *self, guint position)
{
  lc_column_view_scroll_to (self->tree_view, position);
}

static void
selection_changed (LcDepartmentsDialog *self)
{
  LcDepartmentNode *node;

  if (self->building)
    return;
  node = gtk_single_selection_get_selected_item (self->selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "departments.new-child", node != NULL);
  show_status (self, NULL);
  if (node != NULL)
    show_form (self, node->id, node->parent_id, node->code, node->name);
  else
    show_form (self, 0, 0, "", "");
}

/* A new department under @parent_id: nothing selected in the tree. */
static void
start_add (LcDepartmentsDialog *self, gint64 parent_id)
{
  self->building = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->building = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "departments.new-child", FALSE);
  show_form (self, 0, parent_id, "", "");
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcDepartmentsDialog *self = LC_DEPARTMENTS_DIALOG (widget);

  show_status (self, NULL);
  start_add (self, 0);
}

static void
new_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcDepartmentsDialog *self = LC_DEPARTMENTS_DIALOG (widget);
  LcDepartmentNode *node = gtk_single_selection_get_selected_item (self->selection);

  show_status (self, NULL);
  start_add (self, node != NULL ? node->id : 0);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcDepartmentsDialog *self = LC_DEPARTMENTS_DIALOG (widget);
  g_autoptr (LcDepartment) form = read_form (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 id = form->id;
  guint position;

  if (!store_form (self, form, &id, &error))
    {
      const char *bad_field = NULL;

      /* The same checks name the field; a storage failure names none. */
      lc_people_validate_department (self->session, form, &bad_field, NULL);
      mark_culprit (self, control_for_field (self, bad_field), error->message);
      show_error (self, error->message);
      return;
    }
  self->changed = TRUE;
  if (!reload (self, &error))
    {
      show_error (self, error->message);
      return;
    }

  position = position_of (G_LIST_MODEL (self->nodes), id);
  if (form->id == 0)
    {
      /* Translators: %s is the name of a department just added */
      status = g_strdup_printf (_ ("“%s” was added."), form->name);
      /* Ready for the next one under the same parent: a tree is entered
       * one unit after the other. */
      start_add (self, form->parent_id);
    }
  else
    {
      /* Translators: %s is the name of a department just changed */
      status = g_strdup_printf (_ ("The changes to “%s” were saved."), form->name);
      self->building = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->building = FALSE;
      show_form (self, form->id, form->parent_id, form->code, form->name);
    }
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
  show_status (self, status);
}

static gboolean
lc_departments_dialog_close_request (GtkWindow *window)
{
  LcDepartmentsDialog *self = LC_DEPARTMENTS_DIALOG (window);

  g_signal_emit (self, signals[DONE], 0, self->changed);
  return GTK_WINDOW_CLASS (lc_departments_dialog_parent_class)->close_request (window);
}

static void
lc_departments_dialog_dispose (GObject *object)
{
  LcDepartmentsDialog *self = LC_DEPARTMENTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_DEPARTMENTS_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->nodes);
  g_clear_object (&self->parents);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_departments_dialog_parent_class)->dispose (object);
}

static void
lc_departments_dialog_class_init (LcDepartmentsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lc_departments_dialog_dispose;
  window_class->close_request = lc_departments_dialog_close_request;

  /**
   * LcDepartmentsDialog::done:
   * @changed: TRUE when a department was added or changed
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                1, G_TYPE_BOOLEAN);

  g_type_ensure (LC_TYPE_DEPARTMENT_NODE);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-departments-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, tree_view);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, form_heading);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, parent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcDepartmentsDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, code_changed);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, parent_changed);

  gtk_widget_class_install_action (widget_class, "departments.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "departments.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "departments.new-child", NULL, new_child_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_departments_dialog_init (LcDepartmentsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->nodes = g_list_store_new (LC_TYPE_DEPARTMENT_NODE);
  self->parents = g_list_store_new (LC_TYPE_DEPARTMENT_NODE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->nodes)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  gtk_drop_down_set_model (self->parent_dropdown, G_LIST_MODEL (self->parents));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
}

LcDepartmentsDialog *
lc_departments_dialog_new (GtkWindow *parent, LcSession *session)
{
  LcDepartmentsDialog *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_DEPARTMENTS_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  if (!reload (self, &error))
    show_error (self, error->message);
  start_add (self, 0);
  return self;
}

void
lc_departments_dialog_select (LcDepartmentsDialog *self, gint64 department_id)
{
  guint position;

  g_return_if_fail (LC_IS_DEPARTMENTS_DIALOG (self));

  position = department_id != 0 ? position_of (G_LIST_MODEL (self->nodes), department_id) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      start_add (self, 0);
      return;
    }
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
