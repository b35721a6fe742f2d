/* lc-department-item.h: one department as an item of a GListModel, for
 * the department drop-downs (the roster filter and the officer dialog). */
#pragma once

#include <gio/gio.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_DEPARTMENT_ITEM (lc_department_item_get_type ())
G_DECLARE_FINAL_TYPE (LcDepartmentItem, lc_department_item, LC, DEPARTMENT_ITEM, GObject)

gint64 lc_department_item_get_id (LcDepartmentItem *self);
gint64 lc_department_item_get_parent_id (LcDepartmentItem *self);
const char *lc_department_item_get_name (LcDepartmentItem *self);
/* The name indented by its depth in the tree, for lists. */
const char *lc_department_item_get_label (LcDepartmentItem *self);

/* Every department, parents before children. When @all_label is not NULL
 * the list starts with an item of id 0 that stands for all departments. */
GListStore *lc_department_item_load (LcSession *session, const char *all_label, GError **error);
/* The same from what lc_people_list_departments() returned. */
GListStore *lc_department_item_store_new (GPtrArray *departments, const char *all_label);
/* Each department's path, "综合行政执法局/执法一大队", from what
 * lc_people_list_departments() returned: gint64 pointers to GRefStrings. */
GHashTable *lc_department_item_paths (GPtrArray *departments);

/* The ids of @department_id and every department below it, in @store
 * (as made by lc_department_item_load()). A set of gint64 pointers. */
GHashTable *lc_department_item_subtree (GListModel *store, gint64 department_id);

G_END_DECLS
