/* fuzz-xlsx.c: libFuzzer target for the XLSX reader. The input is the
 * whole file, read from memory through libzip, so nothing touches the disk. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <zip.h>

#include "lc-tabular-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
read_table (zip_t *zip, const char *sheet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = lc_table_read_xlsx_from_zip (zip, "fuzz.xlsx", sheet, &error);

  /* Exactly one of a table and an error. */
  g_assert ((table == NULL) != (error == NULL));
  if (table == NULL)
    return;
  for (guint r = 0; r < lc_table_n_rows (table); r++)
    {
      g_assert (lc_table_row_number (table, r) == r + 1);
      for (guint c = 0; c < lc_table_n_cells (table, r); c++)
        g_assert (g_utf8_validate (lc_table_cell (table, r, c), -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *zip;
  g_auto (GStrv) names = NULL;

  zip_error_init (&zerror);
  source = zip_source_buffer_create (data, size, 0, &zerror);
  if (source == NULL)
    {
      zip_error_fini (&zerror);
      return 0;
    }
  zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
  zip_error_fini (&zerror);
  if (zip == NULL)
    {
      zip_source_free (source);
      return 0;
    }

  names = lc_xlsx_sheet_names_from_zip (zip, "fuzz.xlsx", NULL);
  read_table (zip, NULL);
  /* The last sheet too, through the lookup by name. */
  if (names != NULL && names[0] != NULL)
    read_table (zip, names[g_strv_length (names) - 1]);
  zip_discard (zip);
  return 0;
}
