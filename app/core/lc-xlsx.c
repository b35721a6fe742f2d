/* lc-xlsx.c: XLSX worksheets into LcTable, on libzip and expat.
 *
 * An XLSX file is a zip of XML parts: xl/workbook.xml lists the sheets by
 * name and relationship id, xl/_rels/workbook.xml.rels maps those ids to the
 * parts that hold them, xl/sharedStrings.xml holds the text most cells point
 * to, xl/styles.xml tells which cells are formatted as dates. Every part is
 * streamed through expat in chunks straight from zip_fread(), and what it
 * inflates to is capped before and while it is read, so that a small hostile
 * file cannot make us inflate gigabytes. */
#define G_LOG_DOMAIN "lc-tabular"

#include "config.h"

#include "lc-i18n.h"
#include "lc-tabular-private.h"
#include "lc-tabular.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>

/* Caps against hostile files (uncompressed bytes). */
#define MAX_SHEET_BYTES ((guint64) 256 * 1024 * 1024)
#define MAX_SHARED_STRINGS_BYTES ((guint64) 64 * 1024 * 1024)
#define MAX_OTHER_PART_BYTES ((guint64) 16 * 1024 * 1024)
#define MAX_TOTAL_BYTES ((guint64) 384 * 1024 * 1024)
/* Spreadsheet XML deflates 10 to 30 times; a bomb, thousands of times. */
#define MAX_RATIO 200
#define RATIO_FLOOR_BYTES ((guint64) 1024 * 1024)
#define MAX_SHARED_STRINGS 2000000
#define MAX_SHEETS 4096
/* Excel's own limit. */
#define MAX_ROW 1048576
/* Cells are stored densely, empty ones between included, so a sparse sheet
 * (one cell at column AMJ on every row) would cost far more memory than its
 * XML; this caps that at about 128 MB of cell pointers. */
#define MAX_CELLS (16 * 1024 * 1024)

#define CHUNK_BYTES (64 * 1024)

typedef struct
{
  zip_t *zip;
  const char *source; /* the file's base name */
  guint64 total;      /* bytes inflated so far, all parts */
} Archive;

/* One part being parsed: what the handlers share with the reading loop. */
typedef struct
{
  XML_Parser parser;
  const char *source;
  const char *part;
  GError *error; /* set by a handler, which then stops the parser */
} Parse;

static const char *
local_name (const char *name)
{
  const char *bar = strrchr (name, '|');

  return bar != NULL ? bar + 1 : name;
}

static const char *
attribute (const char **attrs, const char *name)
{
  for (guint i = 0; attrs[i] != NULL; i += 2)
    if (strcmp (local_name (attrs[i]), name) == 0)
      return attrs[i + 1];
  return NULL;
}

static void
set_format_error (GError **error, const char *source, const char *part, const char *reason)
{
  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_FORMAT,
               /* Translators: “roster.xlsx: xl/workbook.xml: reason” */
               _ ("%s: %s: %s"), source, part, reason);
}

/* Stops the parse with @error, which the reading loop reports. */
static void
stop (Parse *parse, GError *error)
{
  if (parse->error == NULL)
    parse->error = error;
  else
    g_error_free (error);
  XML_StopParser (parse->parser, XML_FALSE);
}

static void
stop_format (Parse *parse, const char *reason)
{
  GError *error = NULL;
  g_autofree char *message = g_strdup_printf (
      /* Translators: “line 12: reason” */
      _ ("line %lu: %s"), (unsigned long) XML_GetCurrentLineNumber (parse->parser), reason);

  set_format_error (&error, parse->source, parse->part, message);
  stop (parse, error);
}

/* A DTD can declare entities that expand exponentially; no part of an XLSX
 * file has one. */
static void XMLCALL
on_doctype (void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid, int has_internal_subset)
{
  stop_format (data, _ ("a document type declaration is not allowed"));
}

static void
set_too_large (GError **error, const char *source, const char *part, guint64 cap)
{
  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
               /* Translators: “roster.xlsx: xl/worksheets/sheet1.xml: …” */
               _ ("%s: %s: the part is larger than %u MB when uncompressed"), source, part,
               (guint) (cap / (1024 * 1024)));
}

static void
set_ratio_error (GError **error, const char *source, const char *part)
{
  g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
               _ ("%s: %s: the part is compressed more than %u times, which only a hostile file (a “zip bomb”) "
                  "does"),
               source, part, (guint) MAX_RATIO);
}

static gboolean
check_sizes (Archive *archive, const char *part, guint64 inflated, guint64 compressed, guint64 cap, GError **error)
{
  if (inflated > cap)
    {
      set_too_large (error, archive->source, part, cap);
      return FALSE;
    }
  if (archive->total + inflated > MAX_TOTAL_BYTES)
    {
      g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
                   _ ("%s: %s: the workbook is larger than %u MB when uncompressed"), archive->source, part,
                   (guint) (MAX_TOTAL_BYTES / (1024 * 1024)));
      return FALSE;
    }
  if (inflated > RATIO_FLOOR_BYTES && inflated / MAX_RATIO > compressed)
    {
      set_ratio_error (error, archive->source, part);
      return FALSE;
    }
  return TRUE;
}

/* The index of @part, or -1. Names are compared exactly first, then without
 * case, as some writers capitalise differently from what they reference. */
static zip_int64_t
locate_part (Archive *archive, const char *part)
{
  zip_int64_t index = zip_name_locate (archive->zip, part, 0);

  if (index < 0)
    index = zip_name_locate (archive->zip, part, ZIP_FL_NOCASE);
  return index;
}

/* Streams @part through a parser with the handlers and @parse as their data. FALSE
 * with @error on a missing part, a cap, bad XML or a handler's error. */
static gboolean
parse_part (Archive *archive, const char *part, guint64 cap, XML_StartElementHandler on_start,
            XML_EndElementHandler on_end, XML_CharacterDataHandler on_text, Parse *parse, GError **error)
{
  zip_int64_t index = locate_part (archive, part);
  zip_stat_t st;
  zip_file_t *file;
  XML_Parser parser;
  g_autofree char *buffer = NULL;
  guint64 inflated = 0;
  guint64 compressed;
  gboolean ok = FALSE;

  if (index < 0)
    {
      set_format_error (error, archive->source, part, _ ("the part is missing; this is not an Excel workbook"));
      return FALSE;
    }
  zip_stat_init (&st);
  if (zip_stat_index (archive->zip, (zip_uint64_t) index, 0, &st) != 0)
    {
      set_format_error (error, archive->source, part, zip_strerror (archive->zip));
      return FALSE;
    }
  /* Sizes in the header are checked before anything is inflated, and the
   * bytes really inflated are checked while reading, as headers can lie. */
  compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  if ((st.valid & ZIP_STAT_SIZE) && !check_sizes (archive, part, st.size, compressed, cap, error))
    return FALSE;

  file = zip_fopen_index (archive->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      set_format_error (error, archive->source, part, zip_strerror (archive->zip));
      return FALSE;
    }

  parser = XML_ParserCreateNS (NULL, '|');
  parse->parser = parser;
  parse->source = archive->source;
  parse->part = part;
  parse->error = NULL;
  XML_SetUserData (parser, parse);
  XML_SetElementHandler (parser, on_start, on_end);
  XML_SetCharacterDataHandler (parser, on_text);
  XML_SetStartDoctypeDeclHandler (parser, on_doctype);

  buffer = g_malloc (CHUNK_BYTES);
  for (;;)
    {
      zip_int64_t got = zip_fread (file, buffer, CHUNK_BYTES);

      if (got < 0)
        {
          set_format_error (error, archive->source, part, zip_file_strerror (file));
          goto out;
        }
      inflated += (guint64) got;
      if (!check_sizes (archive, part, inflated, compressed, cap, error))
        goto out;
      if (XML_Parse (parser, buffer, (int) got, got == 0) == XML_STATUS_ERROR)
        {
          if (parse->error != NULL)
            g_propagate_error (error, g_steal_pointer (&parse->error));
          else
            {
              g_autofree char *message =
                  g_strdup_printf (_ ("line %lu: %s"), (unsigned long) XML_GetCurrentLineNumber (parser),
                                   XML_ErrorString (XML_GetErrorCode (parser)));

              set_format_error (error, archive->source, part, message);
            }
          goto out;
        }
      if (got == 0)
        break;
    }
  ok = TRUE;

out:
  archive->total += inflated;
  g_clear_error (&parse->error);
  XML_ParserFree (parser);
  zip_fclose (file);
  return ok;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (and a literal
 * "_x" as "_x005F_x"). Decodes them in place. */
static void
decode_escapes (GString *text)
{
  gsize r = 0, w = 0;

  if (strstr (text->str, "_x") == NULL)
    return;
  while (r < text->len)
    {
      if (text->str[r] == '_' && r + 6 < text->len && text->str[r + 1] == 'x' && text->str[r + 6] == '_'
          && g_ascii_isxdigit (text->str[r + 2]) && g_ascii_isxdigit (text->str[r + 3])
          && g_ascii_isxdigit (text->str[r + 4]) && g_ascii_isxdigit (text->str[r + 5]))
        {
          char hex[5] = { text->str[r + 2], text->str[r + 3], text->str[r + 4], text->str[r + 5], 0 };
          gunichar c = (gunichar) strtoul (hex, NULL, 16);
          char utf8[6];
          gint n;

          if (c == 0 || !g_unichar_validate (c))
            c = 0xFFFD;
          n = g_unichar_to_utf8 (c, utf8);
          /* At most 3 bytes replace 7. */
          memcpy (text->str + w, utf8, (gsize) n);
          w += (gsize) n;
          r += 7;
        }
      else
        text->str[w++] = text->str[r++];
    }
  g_string_truncate (text, w);
}

/* ---- Relationships and the workbook ---- */

typedef struct
{
  Parse parse;
  GHashTable *targets; /* Id -> resolved part name */
  char *shared_strings;
  char *styles;
} Rels;

/* A relationship target is relative to xl/ unless it starts with "/". */
static char *
resolve_target (const char *target)
{
  g_auto (GStrv) segments = NULL;
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat ("xl/", target, NULL);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

static void XMLCALL
rels_start (void *data, const XML_Char *name, const XML_Char **attrs)
{
  Rels *rels = data;
  const char *id, *target, *type;

  if (strcmp (local_name (name), "Relationship") != 0)
    return;
  id = attribute (attrs, "Id");
  target = attribute (attrs, "Target");
  type = attribute (attrs, "Type");
  if (id == NULL || target == NULL)
    return;
  if (g_hash_table_size (rels->targets) >= MAX_SHEETS * 4)
    {
      stop_format (&rels->parse, _ ("too many relationships"));
      return;
    }
  g_hash_table_replace (rels->targets, g_strdup (id), resolve_target (target));
  if (type != NULL && g_str_has_suffix (type, "/sharedStrings") && rels->shared_strings == NULL)
    rels->shared_strings = resolve_target (target);
  else if (type != NULL && g_str_has_suffix (type, "/styles") && rels->styles == NULL)
    rels->styles = resolve_target (target);
}

typedef struct
{
  Parse parse;
  GPtrArray *names; /* sheet names */
  GPtrArray *ids;   /* their relationship ids */
  gboolean date1904;
} Workbook;

static void XMLCALL
workbook_start (void *data, const XML_Char *name, const XML_Char **attrs)
{
  Workbook *workbook = data;
  const char *local = local_name (name);

  if (strcmp (local, "sheet") == 0)
    {
      const char *sheet_name = attribute (attrs, "name");
      const char *id = attribute (attrs, "id");

      if (sheet_name == NULL || id == NULL)
        {
          stop_format (&workbook->parse, _ ("a sheet has no name or no relationship id"));
          return;
        }
      if (workbook->names->len >= MAX_SHEETS)
        {
          stop_format (&workbook->parse, _ ("too many sheets"));
          return;
        }
      g_ptr_array_add (workbook->names, g_strdup (sheet_name));
      g_ptr_array_add (workbook->ids, g_strdup (id));
    }
  else if (strcmp (local, "workbookPr") == 0)
    {
      const char *date1904 = attribute (attrs, "date1904");

      workbook->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
    }
}

static void XMLCALL
ignore_end (void *data, const XML_Char *name)
{
}

static void XMLCALL
ignore_text (void *data, const XML_Char *text, int length)
{
}

typedef struct
{
  Archive archive;
  Workbook workbook;
  Rels rels;
} Book;

static void
book_clear (Book *book)
{
  g_clear_pointer (&book->workbook.names, g_ptr_array_unref);
  g_clear_pointer (&book->workbook.ids, g_ptr_array_unref);
  g_clear_pointer (&book->rels.targets, g_hash_table_unref);
  g_clear_pointer (&book->rels.shared_strings, g_free);
  g_clear_pointer (&book->rels.styles, g_free);
}

static gboolean
book_open (Book *book, zip_t *zip, const char *source, GError **error)
{
  memset (book, 0, sizeof *book);
  book->archive.zip = zip;
  book->archive.source = source;
  book->workbook.names = g_ptr_array_new_with_free_func (g_free);
  book->workbook.ids = g_ptr_array_new_with_free_func (g_free);
  book->rels.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!parse_part (&book->archive, "xl/workbook.xml", MAX_OTHER_PART_BYTES, workbook_start, ignore_end, ignore_text,
                   &book->workbook.parse, error))
    return FALSE;
  if (!parse_part (&book->archive, "xl/_rels/workbook.xml.rels", MAX_OTHER_PART_BYTES, rels_start, ignore_end,
                   ignore_text, &book->rels.parse, error))
    return FALSE;
  if (book->workbook.names->len == 0)
    {
      set_format_error (error, source, "xl/workbook.xml", _ ("the workbook has no sheets"));
      return FALSE;
    }
  return TRUE;
}

/* ---- Shared strings ---- */

typedef struct
{
  Parse parse;
  GStringChunk *chunk;
  GPtrArray *strings; /* into chunk */
  GString *text;      /* the <si> being read */
  guint depth_si;     /* inside <si> */
  guint depth_t;      /* inside <t> */
  guint depth_rph;    /* inside phonetic runs, which are not part of the text */
} Strings;

static void XMLCALL
strings_start (void *data, const XML_Char *name, const XML_Char **attrs)
{
  Strings *strings = data;
  const char *local = local_name (name);

  if (strcmp (local, "si") == 0)
    {
      strings->depth_si++;
      g_string_truncate (strings->text, 0);
    }
  else if (strcmp (local, "t") == 0)
    strings->depth_t++;
  else if (strcmp (local, "rPh") == 0)
    strings->depth_rph++;
}

static void XMLCALL
strings_end (void *data, const XML_Char *name)
{
  Strings *strings = data;
  const char *local = local_name (name);

  if (strcmp (local, "si") == 0 && strings->depth_si > 0)
    {
      strings->depth_si--;
      if (strings->strings->len >= MAX_SHARED_STRINGS)
        {
          GError *error = g_error_new (LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
                                       _ ("%s: %s: the workbook has more than %u different texts"),
                                       strings->parse.source, strings->parse.part, (guint) MAX_SHARED_STRINGS);

          stop (&strings->parse, error);
          return;
        }
      decode_escapes (strings->text);
      g_ptr_array_add (strings->strings,
                       g_string_chunk_insert_len (strings->chunk, strings->text->str, (gssize) strings->text->len));
    }
  else if (strcmp (local, "t") == 0 && strings->depth_t > 0)
    strings->depth_t--;
  else if (strcmp (local, "rPh") == 0 && strings->depth_rph > 0)
    strings->depth_rph--;
}

static void XMLCALL
strings_text (void *data, const XML_Char *text, int length)
{
  Strings *strings = data;

  if (strings->depth_si == 0 || strings->depth_t == 0 || strings->depth_rph > 0)
    return;
  if (strings->text->len + (gsize) length > LC_TABULAR_MAX_CELL_BYTES)
    {
      GError *error = g_error_new (LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE,
                                   _ ("%s: %s: text number %u is longer than %u bytes"), strings->parse.source,
                                   strings->parse.part, strings->strings->len + 1, (guint) LC_TABULAR_MAX_CELL_BYTES);

      stop (&strings->parse, error);
      return;
    }
  g_string_append_len (strings->text, text, length);
}

/* ---- Styles: which cell styles are dates ---- */

typedef struct
{
  Parse parse;
  GHashTable *custom_dates; /* numFmtId of custom date formats (as pointers) */
  GHashTable *custom_other; /* numFmtId of custom formats that are not dates */
  GArray *xf_dates;         /* gboolean per cellXfs entry */
  guint depth_cell_xfs;
} Styles;

/* Whether a number format code shows a date: it has a year, day or month
 * (an "m" is minutes when hours or seconds are around) outside quoted
 * text, escapes and brackets; a bracketed [h] or [mm] is an elapsed time. */
static gboolean
format_is_date (const char *code)
{
  gboolean y = FALSE, m = FALSE, d = FALSE, h = FALSE, s = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return y || d || (m && !h && !s);
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;
        case '[':
          {
            const char *close = strchr (p, ']');
            gboolean elapsed = close != NULL && close > p + 1;

            if (close == NULL)
              return FALSE;
            for (const char *q = p + 1; q < close; q++)
              if (strchr ("hHmMsS", *q) == NULL)
                elapsed = FALSE;
            /* [h]:mm counts hours past 24, not a date; [Red] and [$-804]
             * are a colour and a locale. */
            if (elapsed)
              return FALSE;
            p = close;
          }
          break;
        case ';':
          /* Only the first section (positive numbers) matters. */
          return y || d || (m && !h && !s);
        default:
          switch (g_ascii_tolower (*p))
            {
            case 'y':
              y = TRUE;
              break;
            case 'm':
              m = TRUE;
              break;
            case 'd':
              d = TRUE;
              break;
            case 'h':
              h = TRUE;
              break;
            case 's':
              s = TRUE;
              break;
            default:
              break;
            }
        }
    }
  return y || d || (m && !h && !s);
}

/* The built-in formats that show dates: 14–22 everywhere, 27–31, 36,
 * 50–54, 57 and 58 in Chinese, Japanese and Korean Excel (年/月/日). */
static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

static void XMLCALL
styles_start (void *data, const XML_Char *name, const XML_Char **attrs)
{
  Styles *styles = data;
  const char *local = local_name (name);

  if (strcmp (local, "numFmt") == 0)
    {
      const char *id = attribute (attrs, "numFmtId");
      const char *code = attribute (attrs, "formatCode");

      if (id != NULL && code != NULL)
        {
          guint n = (guint) strtoul (id, NULL, 10);

          if (g_hash_table_size (styles->custom_dates) + g_hash_table_size (styles->custom_other) >= 65536)
            {
              stop_format (&styles->parse, _ ("too many number formats"));
              return;
            }
          g_hash_table_add (format_is_date (code) ? styles->custom_dates : styles->custom_other, GUINT_TO_POINTER (n));
        }
    }
  else if (strcmp (local, "cellXfs") == 0)
    styles->depth_cell_xfs++;
  else if (strcmp (local, "xf") == 0 && styles->depth_cell_xfs > 0)
    {
      const char *id = attribute (attrs, "numFmtId");
      guint n = id != NULL ? (guint) strtoul (id, NULL, 10) : 0;
      gboolean date;

      if (styles->xf_dates->len >= 65536)
        {
          stop_format (&styles->parse, _ ("too many cell styles"));
          return;
        }
      if (g_hash_table_contains (styles->custom_dates, GUINT_TO_POINTER (n)))
        date = TRUE;
      else if (g_hash_table_contains (styles->custom_other, GUINT_TO_POINTER (n)))
        date = FALSE;
      else
        date = builtin_is_date (n);
      g_array_append_val (styles->xf_dates, date);
    }
}

static void XMLCALL
styles_end (void *data, const XML_Char *name)
{
  Styles *styles = data;

  if (strcmp (local_name (name), "cellXfs") == 0 && styles->depth_cell_xfs > 0)
    styles->depth_cell_xfs--;
}

/* ---- The sheet ---- */

typedef struct
{
  Parse parse;
  LcTable *table;
  const char *table_source; /* "FILE.xlsx[sheet]" */
  const GPtrArray *strings; /* NULL when the workbook has none */
  const GArray *xf_dates;
  gboolean date1904;
  guint row;          /* the sheet's row number being read, 0 before any */
  guint next_column;  /* for cells without a reference */
  GPtrArray *cells;   /* of the row being read, by column; NULL entries empty */
  guint64 n_cells;    /* in the rows flushed to the table */
  gboolean in_row;    /* inside <row> */
  gboolean in_cell;   /* inside <c> */
  guint column;       /* of the cell being read */
  char type[16];      /* its t attribute */
  guint style;        /* its s attribute */
  gboolean has_value; /* a <v> or <is> was seen */
  GString *text;      /* its value */
  guint depth_v;      /* inside <v> */
  guint depth_is;     /* inside <is> */
  guint depth_t;      /* inside <t> of <is> */
  guint depth_rph;    /* inside phonetic runs */
} Sheet;

static void
stop_at_cell (Sheet *sheet, LcTabularError code, const char *reason)
{
  g_autofree char *letter = lc_column_letter (sheet->column);
  GError *error = g_error_new (LC_TABULAR_ERROR, code,
                               /* Translators: “roster.xlsx[Sheet1]: row 7, column C: reason” */
                               _ ("%s: row %u, column %s: %s"), sheet->table_source, sheet->row, letter, reason);

  stop (&sheet->parse, error);
}

/* "AB12" -> column 27; FALSE on anything else. */
static gboolean
parse_reference (const char *ref, guint *column, guint *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > 1000000)
        return FALSE;
      p++;
    }
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > MAX_ROW)
        return FALSE;
      p++;
    }
  if (*p != '\0' || r == 0)
    return FALSE;
  *column = (guint) (c - 1);
  *row = (guint) r;
  return TRUE;
}

static void
flush_row (Sheet *sheet)
{
  lc_table_append_row (sheet->table, (const char *const *) sheet->cells->pdata, sheet->cells->len);
  sheet->n_cells += sheet->cells->len;
  g_ptr_array_set_size (sheet->cells, 0);
}

static void XMLCALL
sheet_start (void *data, const XML_Char *name, const XML_Char **attrs)
{
  Sheet *sheet = data;
  const char *local = local_name (name);

  if (strcmp (local, "row") == 0)
    {
      const char *r = attribute (attrs, "r");
      guint64 number = sheet->row + 1;

      if (sheet->in_row)
        {
          stop_format (&sheet->parse, _ ("a row inside a row"));
          return;
        }
      if (r != NULL && !g_ascii_string_to_unsigned (r, 10, 1, MAX_ROW, &number, NULL))
        {
          stop_format (&sheet->parse, _ ("a row number is not valid"));
          return;
        }
      if (number <= sheet->row || number > MAX_ROW)
        {
          stop_format (&sheet->parse, _ ("the rows are out of order"));
          return;
        }
      /* Rows the sheet skips are blank rows, so that indexes keep
       * matching the row numbers Excel shows. */
      while (sheet->row + 1 < number)
        {
          lc_table_append_row (sheet->table, NULL, 0);
          sheet->row++;
        }
      sheet->row = (guint) number;
      sheet->in_row = TRUE;
      sheet->next_column = 0;
    }
  else if (strcmp (local, "c") == 0 && sheet->in_row)
    {
      const char *r = attribute (attrs, "r");
      const char *t = attribute (attrs, "t");
      const char *s = attribute (attrs, "s");
      guint column = sheet->next_column;
      guint row;

      if (sheet->in_cell)
        {
          stop_format (&sheet->parse, _ ("a cell inside a cell"));
          return;
        }
      if (r != NULL && !parse_reference (r, &column, &row))
        {
          g_autofree char *reason = g_strdup_printf (_ ("the cell reference “%s” is not valid"), r);

          stop_format (&sheet->parse, reason);
          return;
        }
      sheet->in_cell = TRUE;
      sheet->column = column;
      sheet->next_column = column + 1;
      g_strlcpy (sheet->type, t != NULL ? t : "n", sizeof sheet->type);
      sheet->style = s != NULL ? (guint) strtoul (s, NULL, 10) : 0;
      sheet->has_value = FALSE;
      g_string_truncate (sheet->text, 0);
    }
  else if (sheet->in_cell)
    {
      if (strcmp (local, "v") == 0)
        {
          sheet->depth_v++;
          sheet->has_value = TRUE;
        }
      else if (strcmp (local, "is") == 0)
        {
          sheet->depth_is++;
          sheet->has_value = TRUE;
        }
      else if (strcmp (local, "t") == 0 && sheet->depth_is > 0)
        sheet->depth_t++;
      else if (strcmp (local, "rPh") == 0)
        sheet->depth_rph++;
    }
}

/* An Excel serial day number as YYYY-MM-DD, or NULL when out of range. */
static char *
serial_to_date (const char *text, gboolean date1904)
{
  char *end = NULL;
  double serial = g_ascii_strtod (text, &end);
  gint64 days;
  g_autoptr (GDate) date = NULL;

  if (end == text || *end != '\0' || !(serial >= 1.0 && serial < 2958466.0))
    return NULL;
  days = (gint64) serial;
  date = g_date_new_dmy (1, G_DATE_JANUARY, 1900);
  if (date1904)
    {
      g_date_set_dmy (date, 1, G_DATE_JANUARY, 1904);
      g_date_add_days (date, (guint) days);
    }
  else
    {
      /* Excel counts a 29 February 1900 that never was (day 60), as
       * Lotus 1-2-3 did; day 1 is 1 January 1900. */
      if (days == 60)
        return g_strdup ("1900-02-29");
      g_date_add_days (date, (guint) (days - (days > 60 ? 2 : 1)));
    }
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), (guint) g_date_get_month (date),
                          g_date_get_day (date));
}

/* A number as written, without a ".0" tail that an integer may carry. */
static void
tidy_number (GString *text)
{
  const char *dot = strchr (text->str, '.');
  gsize end = text->len;

  if (dot == NULL || strpbrk (text->str, "eE") != NULL)
    return;
  while (end > (gsize) (dot - text->str) + 1 && text->str[end - 1] == '0')
    end--;
  if (end == (gsize) (dot - text->str) + 1)
    end--;
  g_string_truncate (text, end);
}

static void
finish_cell (Sheet *sheet)
{
  g_autofree char *value = NULL;

  if (!sheet->has_value)
    return;
  if (strcmp (sheet->type, "s") == 0)
    {
      guint64 index;

      g_strstrip (sheet->text->str);
      if (!g_ascii_string_to_unsigned (sheet->text->str, 10, 0, G_MAXUINT, &index, NULL))
        {
          stop_at_cell (sheet, LC_TABULAR_ERROR_FORMAT, _ ("the cell refers to a shared text by an invalid number"));
          return;
        }
      if (sheet->strings == NULL || index >= sheet->strings->len)
        {
          stop_at_cell (sheet, LC_TABULAR_ERROR_FORMAT,
                        _ ("the cell refers to a shared text that the workbook does not have"));
          return;
        }
      value = g_strdup (g_ptr_array_index (sheet->strings, index));
    }
  else if (strcmp (sheet->type, "inlineStr") == 0 || strcmp (sheet->type, "str") == 0)
    {
      decode_escapes (sheet->text);
      value = g_strdup (sheet->text->str);
    }
  else if (strcmp (sheet->type, "n") == 0)
    {
      g_strstrip (sheet->text->str);
      g_string_set_size (sheet->text, strlen (sheet->text->str));
      if (sheet->xf_dates != NULL && sheet->style < sheet->xf_dates->len
          && g_array_index (sheet->xf_dates, gboolean, sheet->style))
        value = serial_to_date (sheet->text->str, sheet->date1904);
      if (value == NULL)
        {
          tidy_number (sheet->text);
          value = g_strdup (sheet->text->str);
        }
    }
  else /* "b" (1 or 0), "e" (#N/A…), "d" (ISO 8601) */
    value = g_strdup (sheet->text->str);

  if (value[0] == '\0')
    return;
  if (sheet->column >= LC_TABULAR_MAX_COLUMNS)
    {
      g_autofree char *reason = g_strdup_printf (_ ("a row may have at most %u columns"), LC_TABULAR_MAX_COLUMNS);

      stop_at_cell (sheet, LC_TABULAR_ERROR_TOO_LARGE, reason);
      return;
    }
  if (sheet->n_cells + sheet->column + 1 > MAX_CELLS)
    {
      g_autofree char *reason = g_strdup_printf (_ ("the sheet has more than %u cells"), (guint) MAX_CELLS);

      stop_at_cell (sheet, LC_TABULAR_ERROR_TOO_LARGE, reason);
      return;
    }
  if (sheet->column >= sheet->cells->len)
    g_ptr_array_set_size (sheet->cells, (gint) sheet->column + 1);
  g_free (g_ptr_array_index (sheet->cells, sheet->column));
  g_ptr_array_index (sheet->cells, sheet->column) = g_steal_pointer (&value);
}

static void XMLCALL
sheet_end (void *data, const XML_Char *name)
{
  Sheet *sheet = data;
  const char *local = local_name (name);

  if (strcmp (local, "row") == 0 && sheet->in_row)
    {
      flush_row (sheet);
      sheet->in_row = FALSE;
    }
  else if (strcmp (local, "c") == 0 && sheet->in_cell)
    {
      finish_cell (sheet);
      sheet->in_cell = FALSE;
      sheet->depth_v = sheet->depth_is = sheet->depth_t = sheet->depth_rph = 0;
    }
  else if (sheet->in_cell)
    {
      if (strcmp (local, "v") == 0 && sheet->depth_v > 0)
        sheet->depth_v--;
      else if (strcmp (local, "is") == 0 && sheet->depth_is > 0)
        sheet->depth_is--;
      else if (strcmp (local, "t") == 0 && sheet->depth_t > 0)
        sheet->depth_t--;
      else if (strcmp (local, "rPh") == 0 && sheet->depth_rph > 0)
        sheet->depth_rph--;
    }
}

static void XMLCALL
sheet_text (void *data, const XML_Char *text, int length)
{
  Sheet *sheet = data;

  if (!sheet->in_cell || sheet->depth_rph > 0 || (sheet->depth_v == 0 && sheet->depth_t == 0))
    return;
  if (sheet->text->len + (gsize) length > LC_TABULAR_MAX_CELL_BYTES)
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("the cell is longer than %u bytes"), (guint) LC_TABULAR_MAX_CELL_BYTES);

      stop_at_cell (sheet, LC_TABULAR_ERROR_TOO_LARGE, reason);
      return;
    }
  g_string_append_len (sheet->text, text, length);
}

/* ---- Entry points ---- */

static void
free_cell (gpointer cell)
{
  g_free (cell);
}

LcTable *
lc_table_read_xlsx_from_zip (zip_t *zip, const char *source, const char *sheet_name, GError **error)
{
  Book book;
  Strings strings = { 0 };
  Styles styles = { 0 };
  Sheet sheet = { 0 };
  g_autoptr (LcTable) table = NULL;
  g_autofree char *table_source = NULL;
  g_autoptr (GPtrArray) shared = NULL;
  g_autoptr (GStringChunk) chunk = NULL;
  g_autoptr (GArray) xf_dates = NULL;
  g_autoptr (GHashTable) custom_dates = NULL;
  g_autoptr (GHashTable) custom_other = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (GPtrArray) cells = NULL;
  const char *part;
  guint which = 0;
  gboolean ok;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!book_open (&book, zip, source, error))
    {
      book_clear (&book);
      return NULL;
    }
  if (sheet_name != NULL)
    {
      for (which = 0; which < book.workbook.names->len; which++)
        if (strcmp (g_ptr_array_index (book.workbook.names, which), sheet_name) == 0)
          break;
      if (which == book.workbook.names->len)
        {
          g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_FORMAT, _ ("%s: the workbook has no sheet named “%s”"),
                       source, sheet_name);
          book_clear (&book);
          return NULL;
        }
    }
  part = g_hash_table_lookup (book.rels.targets, g_ptr_array_index (book.workbook.ids, which));
  if (part == NULL)
    {
      g_autofree char *reason =
          g_strdup_printf (_ ("the sheet “%s” has no part"), (char *) g_ptr_array_index (book.workbook.names, which));

      set_format_error (error, source, "xl/_rels/workbook.xml.rels", reason);
      book_clear (&book);
      return NULL;
    }

  /* A workbook without shared strings is valid as long as no cell
   * refers to one; that is checked cell by cell. */
  if (book.rels.shared_strings != NULL && locate_part (&book.archive, book.rels.shared_strings) >= 0)
    {
      chunk = g_string_chunk_new (64 * 1024);
      shared = g_ptr_array_new ();
      text = g_string_new (NULL);
      strings.chunk = chunk;
      strings.strings = shared;
      strings.text = text;
      if (!parse_part (&book.archive, book.rels.shared_strings, MAX_SHARED_STRINGS_BYTES, strings_start, strings_end,
                       strings_text, &strings.parse, error))
        {
          book_clear (&book);
          return NULL;
        }
    }
  if (book.rels.styles != NULL && locate_part (&book.archive, book.rels.styles) >= 0)
    {
      xf_dates = g_array_new (FALSE, FALSE, sizeof (gboolean));
      custom_dates = g_hash_table_new (NULL, NULL);
      custom_other = g_hash_table_new (NULL, NULL);
      styles.xf_dates = xf_dates;
      styles.custom_dates = custom_dates;
      styles.custom_other = custom_other;
      if (!parse_part (&book.archive, book.rels.styles, MAX_OTHER_PART_BYTES, styles_start, styles_end, ignore_text,
                       &styles.parse, error))
        {
          book_clear (&book);
          return NULL;
        }
    }

  if (book.workbook.names->len == 1 && sheet_name == NULL)
    table_source = g_strdup (source);
  else
    table_source = g_strdup_printf ("%s[%s]", source, (char *) g_ptr_array_index (book.workbook.names, which));
  table = lc_table_new (table_source, "UTF-8");
  cells = g_ptr_array_new_with_free_func (free_cell);
  if (text == NULL)
    text = g_string_new (NULL);
  sheet.table = table;
  sheet.table_source = table_source;
  sheet.strings = shared;
  sheet.xf_dates = xf_dates;
  sheet.date1904 = book.workbook.date1904;
  sheet.cells = cells;
  sheet.text = text;
  ok = parse_part (&book.archive, part, MAX_SHEET_BYTES, sheet_start, sheet_end, sheet_text, &sheet.parse, error);
  book_clear (&book);
  if (!ok || !lc_table_finish (table, error))
    return NULL;
  return g_steal_pointer (&table);
}

GStrv
lc_xlsx_sheet_names_from_zip (zip_t *zip, const char *source, GError **error)
{
  Book book;
  GStrvBuilder *builder;
  GStrv names;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!book_open (&book, zip, source, error))
    {
      book_clear (&book);
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < book.workbook.names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (book.workbook.names, i));
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  book_clear (&book);
  return names;
}

static zip_t *
open_zip (const char *path, const char *source, GError **error)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &code);

  if (zip == NULL)
    {
      zip_error_t zerror;

      zip_error_init_with_code (&zerror, code);
      if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_COMPNOTSUPP || code == ZIP_ER_ENCRNOTSUPP)
        g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_FORMAT,
                     _ ("%s: this is not an Excel workbook (.xlsx): %s"), source, zip_error_strerror (&zerror));
      else
        g_set_error (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_IO, _ ("Cannot read “%s”: %s"), source,
                     zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
    }
  return zip;
}

LcTable *
lc_table_read_xlsx (const char *path, const char *sheet, GError **error)
{
  g_autofree char *source = NULL;
  zip_t *zip;
  LcTable *table;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = g_path_get_basename (path);
  zip = open_zip (path, source, error);
  if (zip == NULL)
    return NULL;
  table = lc_table_read_xlsx_from_zip (zip, source, sheet, error);
  zip_discard (zip);
  return table;
}

GStrv
lc_xlsx_sheet_names (const char *path, GError **error)
{
  g_autofree char *source = NULL;
  zip_t *zip;
  GStrv names;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = g_path_get_basename (path);
  zip = open_zip (path, source, error);
  if (zip == NULL)
    return NULL;
  names = lc_xlsx_sheet_names_from_zip (zip, source, error);
  zip_discard (zip);
  return names;
}
