/* lc-category-tree.h: the question bank's categories as a tree for a
 * GtkListView: a node per category with its own and its subtree's question
 * counts, "All categories" first, children opened with a GtkTreeExpander. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_CATEGORY_NODE (lc_category_node_get_type ())
G_DECLARE_FINAL_TYPE (LcCategoryNode, lc_category_node, LC, CATEGORY_NODE, GObject)

/* The category's path ("a/b"), or NULL for "All categories". */
const char *lc_category_node_get_path (LcCategoryNode *self);
/* What the row shows: the name and the questions in it and below it. */
const char *lc_category_node_get_label (LcCategoryNode *self);

/* Fills @roots (a GListStore of LcCategoryNode) from @categories (LcCategory *,
 * in tree order, as lc_bank_list_categories() gives them). */
void lc_category_tree_fill (GListStore *roots, GPtrArray *categories);

/* A tree over @roots, every level open, and a factory of expander rows for it. */
GtkTreeListModel *lc_category_tree_new (GListStore *roots);
GtkListItemFactory *lc_category_tree_factory_new (void);

G_END_DECLS
