/* lc-tabular.c: CSV into rows of trimmed UTF-8 cells.
 *
 * The whole file is held as one UTF-8 buffer and parsed in place, in one
 * pass: unquoting only ever shrinks a cell and every cell ends where a
 * separator or line end was, so each cell becomes a NUL-terminated slice of
 * that buffer and a table costs one allocation per few thousand cells. */
#define G_LOG_DOMAIN "lc-tabular"

#include "config.h"

#include "lc-tabular.h"
#include "lc-i18n.h"
#include "lc-tabular-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define UTF8_BOM "\xef\xbb\xbf"
/* U+3000 IDEOGRAPHIC SPACE: what the space bar types in a Chinese input
 * method's full-width mode, so it pads cells as often as ASCII spaces do. */
#define IDEOGRAPHIC_SPACE "\xe3\x80\x80"

typedef struct
{
  guint first_cell;
  guint n_cells;
} Row;

struct _LcTable
{
  char *source;
  const char *encoding; /* static */
  char *buffer;         /* owns the text of every CSV cell */
  GStringChunk *chunk;  /* owns the text of cells added by lc_table_append_row() */
  const char **cells;   /* slices of buffer, row after row */
  guint n_cells;
  guint cells_allocated;
  Row *rows;
  guint n_rows;
  guint rows_allocated;
};

G_DEFINE_QUARK (lc_tabular_error_quark, lc_tabular_error)

void
lc_table_free (LcTable *table)
{
  if (table == NULL)
    return;
  g_free (table->source);
  g_free (table->buffer);
  if (table->chunk != NULL)
    g_string_chunk_free (table->chunk);
  g_free (table->cells);
  g_free (table->rows);
  g_free (table);
}

char *
lc_column_letter (guint column)
{
  char letters[16];
  gsize i = sizeof letters - 1;
  guint64 n = (guint64) column + 1;

  /* Spreadsheet columns count in bijective base 26: Z is followed by AA. */
  letters[i] = '\0';
  while (n > 0)
    {
      n--;
      letters[--i] = (char) ('A' + n % 26);
      n /= 26;
    }
  return g_strdup (letters + i);
}

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims [start, end) and NUL-terminates it. U+3000 can be matched by its
 * bytes from either side because E3 only ever leads a UTF-8 sequence. */
static inline char *
trim (char *start, char *end)
{
  for (;;)
    {
      if (start < end && is_ascii_space (*start))
        start++;
      else if (end - start >= 3 && memcmp (start, IDEOGRAPHIC_SPACE, 3) == 0)
        start += 3;
      else
        break;
    }
  for (;;)
    {
      if (end > start && is_ascii_space (end[-1]))
        end--;
      else if (end - start >= 3 && memcmp (end - 3, IDEOGRAPHIC_SPACE, 3) == 0)
        end -= 3;
      else
        break;
    }
  *end = '\0';
  return start;
}

static inline void
add_cell (LcTable *table, const char *cell)
{
  if (G_UNLIKELY (table->n_cells == table->cells_allocated))
    {
      table->cells_allocated = MAX (256, table->cells_allocated * 2);
      table->cells = g_renew (const char *, table->cells, table->cells_allocated);
    }
  table->cells[table->n_cells++] = cell;
}

static inline void
add_row (LcTable *table, Row row)
{
  if (G_UNLIKELY (table->n_rows == table->rows_allocated))
    {
      table->rows_allocated = MAX (64, table->rows_allocated * 2);
      table->rows = g_renew (Row, table->rows, table->rows_allocated);
    }
  table->rows[table->n_rows++] = row;
}

/* The separator is chosen on the first non-empty line: a comma wherever
 * there is one, else whichever of ";" and tab occurs more (";" is what Excel
 * writes in locales with a decimal comma, tab what "Text" exports write). */
static char
detect_separator (const char *text, gsize length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;
  gboolean seen_text = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        {
          if (seen_text)
            break;
          continue;
        }
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
      seen_text = TRUE;
    }
  if (commas > 0 || (semicolons == 0 && tabs == 0))
    return ',';
  return tabs > semicolons ? '\t' : ';';
}

/* Where byte @offset of undecoded @data lies, by the same quoting rules as
 * parse(). Quotes, separators and line ends never occur inside a multi-byte
 * character of UTF-8 or GB18030, so this is right for text that has not
 * been (and cannot be) decoded. */
static void
locate (const char *data, gsize offset, char sep, guint *row, guint *column)
{
  guint r = 1, c = 0;
  gboolean quoted = FALSE;
  gboolean cell_start = TRUE;

  for (gsize i = 0; i < offset; i++)
    {
      char ch = data[i];

      if (quoted)
        {
          if (ch == '"')
            {
              if (i + 1 < offset && data[i + 1] == '"')
                i++;
              else
                quoted = FALSE;
            }
        }
      else if (ch == sep)
        {
          c++;
          cell_start = TRUE;
        }
      else if (ch == '\n' || ch == '\r')
        {
          if (ch == '\r' && i + 1 < offset && data[i + 1] == '\n')
            i++;
          r++;
          c = 0;
          cell_start = TRUE;
        }
      else if (ch == '"' && cell_start)
        {
          quoted = TRUE;
          cell_start = FALSE;
        }
      else if (ch != ' ' && !(ch == '\t' && sep != '\t'))
        cell_start = FALSE;
    }
  *row = r;
  *column = c;
}

static void
set_encoding_error (GError **error, const char *source, const char *data, gsize length, gsize offset)
{
  guint row, column;
  g_autofree char *letter = NULL;

  locate (data, offset, detect_separator (data, length), &row, &column);
  letter = lc_column_letter (column);
  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_ENCODING,
               /* Translators: “roster.csv: row 7, column C: …”, a file name and a spreadsheet position */
               _ ("%s: row %u, column %s: the text is neither UTF-8 nor GB18030. Save the file as “CSV UTF-8” "
                  "and import it again."),
               source, row, letter);
}

static inline gboolean
is_blank_space (char c, char sep)
{
  return c == ' ' || (c == '\t' && sep != '\t');
}

static gboolean
parse (LcTable *table, char *text, gsize length, GError **error)
{
  char *p = text;
  char *end = text + length;
  char sep = detect_separator (text, length);
  guint record = 0;

  /* One record per iteration; a line end after the last record does not
   * start another. */
  while (p < end)
    {
      Row row = { table->n_cells, 0 };

      record++;
      for (;;)
        {
          char *cell = p;
          char *q = p;
          char *w;
          char term;

          while (q < end && is_blank_space (*q, sep))
            q++;
          if (q < end && *q == '"')
            {
              w = cell;
              q++;
              for (;;)
                {
                  char *quote = memchr (q, '"', (gsize) (end - q));
                  gsize n;

                  if (quote == NULL)
                    {
                      g_autofree char *letter = lc_column_letter (row.n_cells);

                      g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_SYNTAX,
                                   _ ("%s: row %u, column %s: a quoted cell is never closed (a \" is missing)"),
                                   table->source, record, letter);
                      return FALSE;
                    }
                  n = (gsize) (quote - q);
                  memmove (w, q, n);
                  w += n;
                  q = quote + 1;
                  if (q < end && *q == '"')
                    {
                      *w++ = '"';
                      q++;
                      continue;
                    }
                  break;
                }
              while (q < end && is_blank_space (*q, sep))
                q++;
              if (q < end && *q != sep && *q != '\n' && *q != '\r')
                {
                  g_autofree char *letter = lc_column_letter (row.n_cells);

                  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_SYNTAX,
                               _ ("%s: row %u, column %s: text follows the closing quote of a cell (write a quote "
                                  "inside a quoted cell as \"\")"),
                               table->source, record, letter);
                  return FALSE;
                }
            }
          else
            {
              while (q < end && *q != sep && *q != '\n' && *q != '\r')
                q++;
              w = q;
            }

          if (G_UNLIKELY (w - cell > LC_TABULAR_MAX_CELL_BYTES))
            {
              g_autofree char *letter = lc_column_letter (row.n_cells);

              g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
                           _ ("%s: row %u, column %s: the cell is longer than %u bytes"), table->source, record, letter,
                           (guint) LC_TABULAR_MAX_CELL_BYTES);
              return FALSE;
            }
          if (G_UNLIKELY (row.n_cells >= LC_TABULAR_MAX_COLUMNS))
            {
              g_autofree char *letter = lc_column_letter (row.n_cells);

              g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
                           _ ("%s: row %u, column %s: a row may have at most %u columns"), table->source, record,
                           letter, (guint) LC_TABULAR_MAX_COLUMNS);
              return FALSE;
            }

          /* The terminator is read before the cell's NUL may overwrite it. */
          term = q < end ? *q : '\0';
          add_cell (table, trim (cell, w));
          row.n_cells++;

          if (term == sep)
            {
              p = q + 1;
              continue;
            }
          if (term == '\r')
            {
              q++;
              if (q < end && *q == '\n')
                q++;
            }
          else if (term == '\n')
            q++;
          p = q;
          break;
        }
      add_row (table, row);
    }

  while (table->n_rows > 0 && lc_table_row_is_blank (table, table->n_rows - 1))
    table->n_rows--;
  if (table->n_rows == 0)
    {
      g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_EMPTY, _ ("%s: the file is empty (it has no header row)"),
                   table->source);
      return FALSE;
    }
  return TRUE;
}

static void
set_too_large_error (GError **error, const char *source)
{
  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE, _ ("%s: the file is larger than %u MB"), source,
               (guint) (LC_TABULAR_MAX_FILE_BYTES / (1024 * 1024)));
}

/* Takes @raw, which has a NUL at raw[length]. */
static LcTable *
table_from_bytes (char *raw, gsize length, const char *source, GError **error)
{
  g_autoptr (LcTable) table = g_new0 (LcTable, 1);
  char *data = raw;
  gsize n = length;
  gboolean bom = FALSE;
  const char *nul;
  const char *bad_utf8 = NULL;

  table->source = g_strdup (source);
  table->buffer = raw;

  if (n >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      n -= 3;
      bom = TRUE;
    }

  /* NUL bytes mean UTF-16 (Excel's "Unicode text") or a binary file; both
   * iconv and the cells would cut the text there. */
  nul = memchr (data, '\0', n);
  if (nul != NULL)
    {
      set_encoding_error (error, source, data, n, (gsize) (nul - data));
      return NULL;
    }

  if (g_utf8_validate (data, (gssize) n, &bad_utf8))
    table->encoding = "UTF-8";
  else if (bom)
    {
      set_encoding_error (error, source, data, n, (gsize) (bad_utf8 - data));
      return NULL;
    }
  else
    {
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      g_autoptr (GError) local = NULL;
      char *converted = g_convert (data, (gssize) n, "UTF-8", "GB18030", &bytes_read, &bytes_written, &local);

      /* A character cut off at the end is not an error to g_convert(); it
       * only reads less. */
      if (converted == NULL || bytes_read < n)
        {
          g_free (converted);
          /* Report the bad bytes of whichever encoding read further: the
           * other one usually stumbled on the first Chinese character. */
          set_encoding_error (error, source, data, n, MAX ((gsize) (bad_utf8 - data), bytes_read));
          return NULL;
        }
      g_free (table->buffer);
      table->buffer = converted;
      table->encoding = "GB18030";
      data = converted;
      n = bytes_written;
      /* GB18030 has a byte order mark too (84 31 95 33), decoded as U+FEFF. */
      if (n >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
        {
          data += 3;
          n -= 3;
        }
    }

  if (!parse (table, data, n, error))
    return NULL;
  return g_steal_pointer (&table);
}

LcTable *
lc_table_parse_csv (const char *data, gsize length, const char *source_name, GError **error)
{
  char *copy;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source_name == NULL)
    source_name = "CSV";
  if (length > LC_TABULAR_MAX_FILE_BYTES)
    {
      set_too_large_error (error, source_name);
      return NULL;
    }
  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';
  return table_from_bytes (copy, length, source_name, error);
}

static void
set_io_error (GError **error, const char *source, int errsv)
{
  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_IO, _ ("Cannot read “%s”: %s"), source, g_strerror (errsv));
}

LcTable *
lc_table_read_csv (const char *path, GError **error)
{
  g_autofree char *source = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize capacity;
  struct stat st = { 0 };
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = g_path_get_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, source, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int errsv = errno;

      if (S_ISDIR (st.st_mode))
        errsv = EISDIR;
      close (fd);
      set_io_error (error, source, errsv);
      return NULL;
    }
  if (st.st_size > LC_TABULAR_MAX_FILE_BYTES)
    {
      close (fd);
      set_too_large_error (error, source);
      return NULL;
    }

  /* The size is only a hint: the file may still be growing. */
  capacity = (gsize) st.st_size + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      gssize got;

      if (length + 1 == capacity)
        {
          if (length > LC_TABULAR_MAX_FILE_BYTES)
            {
              close (fd);
              set_too_large_error (error, source);
              return NULL;
            }
          capacity = capacity * 2 + 4096;
          data = g_realloc (data, capacity);
        }
      got = read (fd, data + length, capacity - 1 - length);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int errsv = errno;

          close (fd);
          set_io_error (error, source, errsv);
          return NULL;
        }
      if (got == 0)
        break;
      length += (gsize) got;
    }
  close (fd);
  if (length > LC_TABULAR_MAX_FILE_BYTES)
    {
      set_too_large_error (error, source);
      return NULL;
    }
  data[length] = '\0';
  return table_from_bytes (g_steal_pointer (&data), length, source, error);
}

const char *
lc_table_source (const LcTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->source;
}

const char *
lc_table_encoding (const LcTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->encoding;
}

guint
lc_table_n_rows (const LcTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_rows;
}

guint
lc_table_n_cells (const LcTable *table, guint row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->n_rows, 0);

  return table->rows[row].n_cells;
}

const char *
lc_table_cell (const LcTable *table, guint row, guint column)
{
  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row < table->n_rows, "");

  if (column >= table->rows[row].n_cells)
    return "";
  return table->cells[table->rows[row].first_cell + column];
}

guint
lc_table_row_number (const LcTable *table, guint row)
{
  g_return_val_if_fail (table != NULL, 0);

  /* Every record is kept, blank ones included, so indexes and the row
   * numbers a spreadsheet shows differ by the header's 1. */
  return row + 1;
}

gboolean
lc_table_row_is_blank (const LcTable *table, guint row)
{
  const Row *r;

  g_return_val_if_fail (table != NULL, TRUE);
  g_return_val_if_fail (row < table->n_rows, TRUE);

  r = &table->rows[row];
  for (guint i = 0; i < r->n_cells; i++)
    if (table->cells[r->first_cell + i][0] != '\0')
      return FALSE;
  return TRUE;
}

LcTable *
lc_table_new (const char *source, const char *encoding)
{
  LcTable *table = g_new0 (LcTable, 1);

  table->source = g_strdup (source);
  table->encoding = encoding;
  table->chunk = g_string_chunk_new (64 * 1024);
  return table;
}

void
lc_table_append_row (LcTable *table, const char *const *cells, guint n_cells)
{
  Row row = { table->n_cells, n_cells };

  g_return_if_fail (table != NULL && table->chunk != NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i];
      g_autofree char *copy = NULL;

      if (cell == NULL || cell[0] == '\0')
        {
          add_cell (table, "");
          continue;
        }
      copy = g_strdup (cell);
      add_cell (table, g_string_chunk_insert (table->chunk, trim (copy, copy + strlen (copy))));
    }
  add_row (table, row);
}

gboolean
lc_table_finish (LcTable *table, GError **error)
{
  g_return_val_if_fail (table != NULL, FALSE);

  while (table->n_rows > 0 && lc_table_row_is_blank (table, table->n_rows - 1))
    table->n_rows--;
  if (table->n_rows == 0)
    {
      g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_EMPTY, _ ("%s: the file is empty (it has no header row)"),
                   table->source);
      return FALSE;
    }
  return TRUE;
}
