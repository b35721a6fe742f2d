/* lc-message-dialog.c: a small window that tells the user something. */
#define G_LOG_DOMAIN "lc-message-dialog"

#include "config.h"

#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-message-dialog.h"

struct _LcMessageDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *body_label;
  GtkScrolledWindow *details_window;
  GtkTextView *details_view;
  GtkButton *close_button;
};

G_DEFINE_FINAL_TYPE (LcMessageDialog, lc_message_dialog, GTK_TYPE_WINDOW)

static void
lc_message_dialog_class_init (LcMessageDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-message-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcMessageDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcMessageDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, LcMessageDialog, details_window);
  gtk_widget_class_bind_template_child (widget_class, LcMessageDialog, details_view);
  gtk_widget_class_bind_template_child (widget_class, LcMessageDialog, close_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_message_dialog_init (LcMessageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

LcMessageDialog *
lc_message_dialog_new (GtkWindow *parent, const char *heading, const char *body)
{
  LcMessageDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  self = g_object_new (LC_TYPE_MESSAGE_DIALOG, "transient-for", parent, "title", heading, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->body_label, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), body != NULL && *body != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body ? body : "", -1);
  /* Not the selectable body, which would open all selected. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
  return self;
}

void
lc_message_dialog_set_details (LcMessageDialog *self, const char *const *lines, gssize n_lines)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkTextBuffer *buffer;

  g_return_if_fail (LC_IS_MESSAGE_DIALOG (self));

  for (gsize i = 0; lines != NULL && (n_lines < 0 ? lines[i] != NULL : i < (gsize) n_lines); i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]);
    }
  buffer = gtk_text_view_get_buffer (self->details_view);
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  gtk_widget_set_visible (GTK_WIDGET (self->details_window), text->len > 0);
  if (text->len > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), 640, 420);
}

void
lc_message_dialog_show (GtkWindow *parent, const char *heading, const char *body)
{
  LcMessageDialog *dialog = lc_message_dialog_new (parent, heading, body);

  gtk_window_present (GTK_WINDOW (dialog));
}
