/* lc-tabular.h: reading spreadsheets (CSV and XLSX) into rows of text
 * cells that remember where they came from, so that every import error can
 * name the file, the row and the column. Pure: no database.
 *
 * CSV follows RFC 4180 (quotes, doubled quotes, line breaks inside quotes,
 * CRLF or LF) with "," or, when the header has none, ";" or a tab as the
 * separator. The encoding is detected, never asked: a UTF-8 BOM, valid
 * UTF-8, else GB18030 (what a Chinese Excel writes for "CSV").
 *
 *   g_autoptr(LcTable) table = lc_table_read_csv ("roster.csv", &error);
 *   for (guint r = 1; r < lc_table_n_rows (table); r++)
 *     puts (lc_table_cell (table, r, 0));
 */
#pragma once

#include <glib.h>

#include "lc-types.h"

G_BEGIN_DECLS

#define LC_TABULAR_ERROR (lc_tabular_error_quark ())

/**
 * LcTabularError:
 * @LC_TABULAR_ERROR_IO: the file cannot be read
 * @LC_TABULAR_ERROR_ENCODING: neither UTF-8 nor GB18030 (message gives the row)
 * @LC_TABULAR_ERROR_SYNTAX: a quoted cell is never closed, or text follows a closing quote
 * @LC_TABULAR_ERROR_TOO_LARGE: over the size caps (file, cells per row, cell length)
 * @LC_TABULAR_ERROR_EMPTY: the file has no header row
 * @LC_TABULAR_ERROR_FORMAT: not an XLSX workbook, a part of it is missing or
 *   its XML is malformed (message gives the part and the line), or the sheet
 *   asked for does not exist
 */
typedef enum
{
  LC_TABULAR_ERROR_IO,
  LC_TABULAR_ERROR_ENCODING,
  LC_TABULAR_ERROR_SYNTAX,
  LC_TABULAR_ERROR_TOO_LARGE,
  LC_TABULAR_ERROR_EMPTY,
  LC_TABULAR_ERROR_FORMAT,
} LcTabularError;

GQuark lc_tabular_error_quark (void);

/* Caps against hostile files. */
#define LC_TABULAR_MAX_FILE_BYTES (256 * 1024 * 1024)
#define LC_TABULAR_MAX_COLUMNS 1024
#define LC_TABULAR_MAX_CELL_BYTES (64 * 1024)

LcTable *lc_table_read_csv (const char *path, GError **error);
/* @source_name names the data in messages (usually the file's base name). */
LcTable *lc_table_parse_csv (const char *data, gsize length, const char *source_name, GError **error);
void lc_table_free (LcTable *table);

/* XLSX (Office Open XML workbooks, as Excel, WPS and LibreOffice save them).
 * @sheet names the worksheet; NULL reads the first. Row index r is the
 * sheet's row r + 1, gaps included as blank rows; cells are placed by their
 * references. Values are the text a user sees, as far as the file tells:
 * strings (shared, inline, formula results), numbers as written ("42",
 * "-1.5"), numbers in date-formatted cells as YYYY-MM-DD, booleans as "1"
 * and "0", errors as their text ("#N/A"). The source is "FILE.xlsx[sheet]",
 * or "FILE.xlsx" when the workbook has a single sheet. Entry sizes,
 * compression ratios, the number of shared strings, columns and cell lengths
 * are capped (LC_TABULAR_ERROR_TOO_LARGE) against zip bombs. */
LcTable *lc_table_read_xlsx (const char *path, const char *sheet, GError **error);
/* The workbook's sheet names, in the order of its tabs. */
GStrv lc_xlsx_sheet_names (const char *path, GError **error);

/* The file's base name, as used in messages. */
const char *lc_table_source (const LcTable *table);
/* "UTF-8" or "GB18030" (always "UTF-8" for XLSX). */
const char *lc_table_encoding (const LcTable *table);
/* Rows, the header included (row index 0). Blank rows at the end are dropped. */
guint lc_table_n_rows (const LcTable *table);
guint lc_table_n_cells (const LcTable *table, guint row);
/* "" for a cell past the end of its row. Cells are UTF-8, trimmed of
 * surrounding white space (ASCII and U+3000). */
const char *lc_table_cell (const LcTable *table, guint row, guint column);
/* The row number a spreadsheet program shows for row index @row (header = 1). */
guint lc_table_row_number (const LcTable *table, guint row);
/* TRUE when every cell of the row is empty. */
gboolean lc_table_row_is_blank (const LcTable *table, guint row);

/* 0 -> "A", 25 -> "Z", 26 -> "AA". */
char *lc_column_letter (guint column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcTable, lc_table_free)

G_END_DECLS
