/* lc-report-private.h: helpers shared by the report writers; not for the
 * CLI or the GUI. */
#pragma once

#include <glib.h>

#include "lc-report.h"

G_BEGIN_DECLS

/* Creates an empty file next to @path (same directory, so the final rename
 * stays on one file system) and returns its descriptor, or -1. */
int lc_report_create_temp (const char *path, char **out_temp, GError **error);
/* Renames @temp over @path; removes @temp on failure. */
gboolean lc_report_replace (const char *temp, const char *path, GError **error);
/* Writes @data to @path through a temporary file, flushed to disk. */
gboolean lc_report_write_file (const char *path, const char *data, gsize length, GError **error);
void lc_report_set_write_error (GError **error, const char *path, const char *reason);

/* Appends @value as one RFC 4180 CSV field (NULL as empty), guarded against
 * formula injection. */
void lc_report_csv_append_cell (GString *out, const char *value);

/* Columns the text takes in a spreadsheet: 2 for a wide (CJK) character,
 * 1 for others; counting stops past @limit. */
guint lc_report_display_width (const char *text, guint limit);

G_END_DECLS
