/* lc-export-chooser.h: what a save file chooser for an export chose.
 *
 * The filters carry their format (lc_export_chooser_add_filter()); the name
 * the user typed decides the format when its extension is one of them,
 * otherwise the chosen filter does, and its extension is added. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A filter "*.@format" named @name, carrying @format (a static string). */
void lc_export_chooser_add_filter (GtkFileChooser *chooser, const char *name, const char *format);

/* The local path of @file, chosen in @chooser, and in @format the one of
 * @formats (NULL-terminated, the default first) it is to be written in;
 * ".txt" counts as "gift". NULL when @file is not on this computer or a
 * mounted share. */
char *lc_export_chooser_path (GtkFileChooser *chooser, GFile *file, const char *const *formats, const char **format);

G_END_DECLS
