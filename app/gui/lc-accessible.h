/* lc-accessible.h: a work-around for GTK 4.8's accessible names.
 *
 * GTK 4.8 gives a button made with a mnemonic label ("_Sign in") the raw
 * text as its accessible label *and* its child label as "labelled by", so a
 * screen reader says "underscore Sign in Sign in". Dropping the raw label
 * leaves the clean name from the child. (Fixed in later GTK versions.) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline void
lc_accessible_fix_mnemonic_name (GtkWidget *widget)
{
  if ((GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
       && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
      || (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget))
          && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* Applies the work-around to @root and everything below it. */
static inline void
lc_accessible_fix_mnemonic_names (GtkWidget *root)
{
  lc_accessible_fix_mnemonic_name (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    lc_accessible_fix_mnemonic_names (child);
}

G_END_DECLS
