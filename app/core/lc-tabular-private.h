/* lc-tabular-private.h: building an LcTable row by row, for readers other
 * than the CSV parser (XLSX). Not installed, not for the GUI or the CLI. */
#pragma once

#include <zip.h>

#include "lc-tabular.h"

G_BEGIN_DECLS

/* An empty table whose messages name @source. */
LcTable *lc_table_new (const char *source, const char *encoding);
/* Appends a row of @n_cells cells; a NULL cell is empty. Cells are copied
 * and trimmed like CSV cells. */
void lc_table_append_row (LcTable *table, const char *const *cells, guint n_cells);
/* Drops the blank rows at the end; LC_TABULAR_ERROR_EMPTY when none is left. */
gboolean lc_table_finish (LcTable *table, GError **error);

/* lc_table_read_xlsx() on an open archive, so that the fuzzer needs no
 * file. @source is the file's base name. */
LcTable *lc_table_read_xlsx_from_zip (zip_t *zip, const char *source, const char *sheet, GError **error);
GStrv lc_xlsx_sheet_names_from_zip (zip_t *zip, const char *source, GError **error);

G_END_DECLS
