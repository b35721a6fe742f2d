/* lc-department-item.c: one department as an item of a GListModel. */
#define G_LOG_DOMAIN "lc-department-item"

#include "config.h"

#include "lc-department-item.h"
#include "lc-people.h"

struct _LcDepartmentItem
{
  GObject parent_instance;

  /* owned */
  gint64 id;
  gint64 parent_id;
  char *name;
  char *label;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LcDepartmentItem, lc_department_item, G_TYPE_OBJECT)

static void
lc_department_item_finalize (GObject *object)
{
  LcDepartmentItem *self = LC_DEPARTMENT_ITEM (object);

  g_free (self->name);
  g_free (self->label);

  G_OBJECT_CLASS (lc_department_item_parent_class)->finalize (object);
}

static void
lc_department_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcDepartmentItem *self = LC_DEPARTMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_department_item_class_init (LcDepartmentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_department_item_finalize;
  object_class->get_property = lc_department_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_department_item_init (LcDepartmentItem *self)
{
}

static LcDepartmentItem *
item_new (gint64 id, gint64 parent_id, const char *name, guint depth)
{
  LcDepartmentItem *self = g_object_new (LC_TYPE_DEPARTMENT_ITEM, NULL);
  g_autoptr (GString) label = g_string_new (NULL);

  /* An ideographic space per level: as wide as one Chinese character. */
  for (guint i = 0; i < depth; i++)
    g_string_append (label, "\u3000");
  g_string_append (label, name);

  self->id = id;
  self->parent_id = parent_id;
  self->name = g_strdup (name);
  self->label = g_string_free (g_steal_pointer (&label), FALSE);
  return self;
}

gint64
lc_department_item_get_id (LcDepartmentItem *self)
{
  g_return_val_if_fail (LC_IS_DEPARTMENT_ITEM (self), 0);
  return self->id;
}

gint64
lc_department_item_get_parent_id (LcDepartmentItem *self)
{
  g_return_val_if_fail (LC_IS_DEPARTMENT_ITEM (self), 0);
  return self->parent_id;
}

const char *
lc_department_item_get_name (LcDepartmentItem *self)
{
  g_return_val_if_fail (LC_IS_DEPARTMENT_ITEM (self), NULL);
  return self->name;
}

const char *
lc_department_item_get_label (LcDepartmentItem *self)
{
  g_return_val_if_fail (LC_IS_DEPARTMENT_ITEM (self), NULL);
  return self->label;
}

GListStore *
lc_department_item_store_new (GPtrArray *departments, const char *all_label)
{
  g_autoptr (GListStore) store = g_list_store_new (LC_TYPE_DEPARTMENT_ITEM);
  g_autoptr (GHashTable) depths = NULL;

  g_return_val_if_fail (departments != NULL, NULL);

  if (all_label != NULL)
    {
      g_autoptr (LcDepartmentItem) all = item_new (0, 0, all_label, 0);
      g_list_store_append (store, all);
    }

  /* Parents come before children, so a parent's depth is always known. */
  depths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < departments->len; i++)
    {
      const LcDepartment *department = g_ptr_array_index (departments, i);
      guint depth = 0;
      gpointer parent_depth;
      g_autoptr (LcDepartmentItem) item = NULL;

      if (department->parent_id != 0
          && g_hash_table_lookup_extended (depths, &department->parent_id, NULL, &parent_depth))
        depth = GPOINTER_TO_UINT (parent_depth) + 1;
      g_hash_table_insert (depths, g_memdup2 (&department->id, sizeof (gint64)), GUINT_TO_POINTER (depth));
      item = item_new (department->id, department->parent_id, department->name, depth);
      g_list_store_append (store, item);
    }
  return g_steal_pointer (&store);
}

GListStore *
lc_department_item_load (LcSession *session, const char *all_label, GError **error)
{
  g_autoptr (GPtrArray) departments = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  departments = lc_people_list_departments (session, error);
  if (departments == NULL)
    return NULL;
  return lc_department_item_store_new (departments, all_label);
}

GHashTable *
lc_department_item_paths (GPtrArray *departments)
{
  GHashTable *paths =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ref_string_release);

  g_return_val_if_fail (departments != NULL, paths);

  /* Parents come before children: a parent's path is there when its
   * children need it. One GRefString per department, shared by all its
   * officers. */
  for (guint i = 0; i < departments->len; i++)
    {
      const LcDepartment *department = g_ptr_array_index (departments, i);
      const char *parent_path = department->parent_id != 0 ? g_hash_table_lookup (paths, &department->parent_id) : NULL;
      g_autofree char *path = NULL;

      if (parent_path != NULL)
        path = g_strconcat (parent_path, "/", department->name, NULL);
      else
        path = g_strdup (department->name);
      g_hash_table_insert (paths, g_memdup2 (&department->id, sizeof (gint64)), g_ref_string_new (path));
    }
  return paths;
}

GHashTable *
lc_department_item_subtree (GListModel *store, gint64 department_id)
{
  GHashTable *subtree = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (store);

  g_hash_table_add (subtree, g_memdup2 (&department_id, sizeof (gint64)));
  /* Parents come before children: one pass finds every descendant. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcDepartmentItem) item = g_list_model_get_item (store, i);

      if (item->id != 0 && item->parent_id != 0 && g_hash_table_contains (subtree, &item->parent_id))
        g_hash_table_add (subtree, g_memdup2 (&item->id, sizeof (gint64)));
    }
  return subtree;
}
