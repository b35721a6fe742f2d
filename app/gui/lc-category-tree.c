/* lc-category-tree.c: the question bank's categories as a tree. */
#define G_LOG_DOMAIN "lc-category-tree"

#include "config.h"

#include "lc-bank.h"
#include "lc-category-tree.h"
#include "lc-i18n.h"

struct _LcCategoryNode
{
  GObject parent_instance;

  char *path;
  char *name;
  guint n_own;
  guint n_total;
  GListStore *children; /* LcCategoryNode, or NULL for a leaf */
  char *label;
};

G_DEFINE_FINAL_TYPE (LcCategoryNode, lc_category_node, G_TYPE_OBJECT)

static void
lc_category_node_finalize (GObject *object)
{
  LcCategoryNode *self = LC_CATEGORY_NODE (object);

  g_free (self->path);
  g_free (self->name);
  g_free (self->label);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (lc_category_node_parent_class)->finalize (object);
}

static void
lc_category_node_class_init (LcCategoryNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_category_node_finalize;
}

static void
lc_category_node_init (LcCategoryNode *self)
{
}

const char *
lc_category_node_get_path (LcCategoryNode *self)
{
  g_return_val_if_fail (LC_IS_CATEGORY_NODE (self), NULL);
  return self->path;
}

const char *
lc_category_node_get_label (LcCategoryNode *self)
{
  g_return_val_if_fail (LC_IS_CATEGORY_NODE (self), NULL);
  if (self->label == NULL)
    /* TRANSLATORS: a category and how many questions it holds, those of its subcategories included */
    self->label = g_strdup_printf (_ ("%s (%u)"), self->name, self->n_total);
  return self->label;
}

static LcCategoryNode *
node_new (const char *path, const char *name, guint n_own)
{
  LcCategoryNode *node = g_object_new (LC_TYPE_CATEGORY_NODE, NULL);

  node->path = g_strdup (path);
  node->name = g_strdup (name);
  node->n_own = n_own;
  node->n_total = n_own;
  return node;
}

void
lc_category_tree_fill (GListStore *roots, GPtrArray *categories)
{
  g_autoptr (GPtrArray) top = g_ptr_array_new_with_free_func (g_object_unref);
  /* The open ancestors of the category being placed, by depth. */
  g_autoptr (GPtrArray) ancestors = g_ptr_array_new ();
  LcCategoryNode *all = node_new (NULL, _ ("All categories"), 0);

  /* The whole tree is built before the view sees any of it: a list view binds
   * the rows it shows at once, and a node must have its children and its
   * counts by then. */
  g_ptr_array_add (top, all);
  for (guint i = 0; i < categories->len; i++)
    {
      LcCategory *category = g_ptr_array_index (categories, i);
      LcCategoryNode *node = node_new (category->path, category->name, category->n_questions);
      guint depth = MIN (category->depth, ancestors->len);

      g_ptr_array_set_size (ancestors, depth);
      if (depth == 0)
        g_ptr_array_add (top, node);
      else
        {
          LcCategoryNode *parent = g_ptr_array_index (ancestors, depth - 1);

          if (parent->children == NULL)
            parent->children = g_list_store_new (LC_TYPE_CATEGORY_NODE);
          g_list_store_append (parent->children, node);
          g_object_unref (node);
        }
      for (guint j = 0; j < ancestors->len; j++)
        ((LcCategoryNode *) g_ptr_array_index (ancestors, j))->n_total += node->n_own;
      all->n_total += node->n_own;
      g_ptr_array_add (ancestors, node);
    }
  g_list_store_splice (roots, 0, g_list_model_get_n_items (G_LIST_MODEL (roots)), top->pdata, top->len);
}

static GListModel *
create_children (gpointer item, gpointer user_data)
{
  LcCategoryNode *node = item;

  return node->children != NULL ? G_LIST_MODEL (g_object_ref (node->children)) : NULL;
}

GtkTreeListModel *
lc_category_tree_new (GListStore *roots)
{
  return gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (roots)), FALSE, TRUE, create_children, NULL, NULL);
}

static void
row_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
row_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  LcCategoryNode *node = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (gtk_tree_expander_get_child (expander)), lc_category_node_get_label (node));
  g_object_unref (node);
}

static void
row_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

GtkListItemFactory *
lc_category_tree_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), NULL);
  return factory;
}
