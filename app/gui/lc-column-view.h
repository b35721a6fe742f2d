/* lc-column-view.h: scrolling a GtkColumnView to a row.
 *
 * GTK 4.8 has no gtk_column_view_scroll_to(): the list view inside the
 * column view has the list.scroll-to-item action, which also makes the row
 * the focus row. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls @view to @position; returns the list view inside it (to give it
 * the focus), or NULL. */
static inline GtkWidget *
lc_column_view_scroll_to (GtkColumnView *view, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return child;
      }
  return NULL;
}

G_END_DECLS
