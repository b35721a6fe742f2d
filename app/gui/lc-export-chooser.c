/* lc-export-chooser.c: what a save file chooser for an export chose. */
#include "config.h"

#include <string.h>

#include "lc-export-chooser.h"

void
lc_export_chooser_add_filter (GtkFileChooser *chooser, const char *name, const char *format)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", format, NULL);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "lc-format", (gpointer) format);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* The one of @formats that @path's extension names, or NULL. */
static const char *
typed_format (const char *path, const char *const *formats)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return NULL;
  for (guint i = 0; formats[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i]) == 0
        || (g_ascii_strcasecmp (dot + 1, "txt") == 0 && g_str_equal (formats[i], "gift")))
      return formats[i];
  return NULL;
}

char *
lc_export_chooser_path (GtkFileChooser *chooser, GFile *file, const char *const *formats, const char **format)
{
  GtkFileFilter *chosen = gtk_file_chooser_get_filter (chooser);
  const char *filtered = chosen != NULL ? g_object_get_data (G_OBJECT (chosen), "lc-format") : NULL;
  char *path = g_file_get_path (file);
  char *with_extension;

  if (path == NULL)
    return NULL;
  if ((*format = typed_format (path, formats)) != NULL)
    return path;
  *format = formats[0];
  for (guint i = 0; filtered != NULL && formats[i] != NULL; i++)
    if (g_str_equal (filtered, formats[i]))
      *format = formats[i];
  with_extension = g_strconcat (path, ".", *format, NULL);
  g_free (path);
  return with_extension;
}
