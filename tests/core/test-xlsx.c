/* test-xlsx.c: reading XLSX into LcTable: workbooks written by
 * libxlsxwriter (what our own template and exports are), hand-made parts
 * for what other programs write, and hostile files. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "lc-tabular-private.h"
#include "lc-tabular.h"

static char *tmpdir;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;

  tmpdir = g_dir_make_tmp ("test-xlsx-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
teardown (void)
{
  remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* The table as text: rows on lines, cells split by "|". */
static char *
dump (const LcTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < lc_table_n_rows (table); r++)
    {
      if (r > 0)
        g_string_append_c (out, '\n');
      for (guint c = 0; c < lc_table_n_cells (table, r); c++)
        {
          if (c > 0)
            g_string_append_c (out, '|');
          g_string_append (out, lc_table_cell (table, r, c));
        }
    }
  return g_string_free (out, FALSE);
}

static LcTable *
read_ok (const char *path, const char *sheet)
{
  g_autoptr (GError) error = NULL;
  LcTable *table = lc_table_read_xlsx (path, sheet, &error);

  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  return table;
}

static void
assert_dump (const char *path, const char *sheet, const char *expected)
{
  g_autoptr (LcTable) table = read_ok (path, sheet);
  g_autofree char *text = dump (table);

  ck_assert_str_eq (text, expected);
}

/* The error of reading @path, checked for its code and for each of the
 * NULL-terminated fragments its message must contain. */
static void
assert_error (const char *path, const char *sheet, LcTabularError code, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = lc_table_read_xlsx (path, sheet, &error);
  va_list args;
  const char *fragment;

  ck_assert_ptr_null (table);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_error_matches (error, LC_TABULAR_ERROR, code), "code %d: %s", error->code, error->message);
  va_start (args, code);
  while ((fragment = va_arg (args, const char *)) != NULL)
    ck_assert_msg (strstr (error->message, fragment) != NULL, "“%s” not in “%s”", fragment, error->message);
  va_end (args);
}

/* ---- Hand-made archives ---- */

#define WORKBOOK                                                                                                       \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"                                                    \
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "                                     \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"                           \
  "<sheet name=\"数据\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"

/* The sheet is not at worksheets/sheet1.xml, as nothing says it must be. */
#define RELS                                                                                                           \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                                       \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"                             \
  "<Relationship Id=\"rId7\" "                                                                                         \
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "                            \
  "Target=\"worksheets/data.xml\"/>"                                                                                   \
  "<Relationship Id=\"rId8\" "                                                                                         \
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "                        \
  "Target=\"/xl/sharedStrings.xml\"/></Relationships>"

#define SHEET_HEAD                                                                                                     \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                                       \
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

/* Writes a zip of name, content pairs, up to a NULL name. */
static void
write_zip (const char *path, ...)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  va_list args;
  const char *name;

  ck_assert_ptr_nonnull (zip);
  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      zip_source_t *source = zip_source_buffer (zip, content, strlen (content), 0);
      zip_int64_t index;

      ck_assert_ptr_nonnull (source);
      index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8);
      ck_assert_int_ge (index, 0);
      /* Stored, not deflated: as valid as deflated, and when these files
       * seed the fuzzer its mutations reach the XML. */
      ck_assert_int_eq (zip_set_file_compression (zip, (zip_uint64_t) index, ZIP_CM_STORE, 0), 0);
    }
  va_end (args);
  ck_assert_int_eq (zip_close (zip), 0);
}

/* When LC_XLSX_CORPUS is set, hand-made files are also kept there: they seed
 * the fuzzer (tests/fuzz/corpus-xlsx). */
static void
keep_for_corpus (const char *path, const char *name)
{
  const char *dir = g_getenv ("LC_XLSX_CORPUS");
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize length = 0;

  if (dir == NULL)
    return;
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  target = g_build_filename (dir, name, NULL);
  ck_assert (g_file_set_contents (target, contents, (gssize) length, NULL));
}

START_TEST (test_inline_strings)
{
  g_autofree char *path = tmp_path ("inline.xlsx");

  /* Cells out of order, one without a reference, rich inline text, a
   * formula's string result, an error and a boolean; no shared strings. */
  write_zip (path, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/data.xml",
             SHEET_HEAD "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t>"
                        "</r></is></c><c r=\"A1\" t=\"inlineStr\"><is><t>内联</t></is></c>"
                        "<c r=\"C1\" t=\"str\"><f>A1&amp;B1</f><v>结果</v></c>"
                        "<c t=\"e\"><v>#N/A</v></c><c t=\"b\"><v>1</v></c><c r=\"F1\" t=\"b\"><v>0</v></c></row>"
                        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  空格  </t></is></c>"
                        "<c r=\"B2\" t=\"inlineStr\"><is><t>a_x000D__x005F_x0041_</t></is></c></row>" SHEET_TAIL,
             NULL);
  keep_for_corpus (path, "inline.xlsx");
  assert_dump (path, NULL, "内联|富文本|结果|#N/A|1|0\n空格|a\r_x0041_");
}
END_TEST

#define STYLES_RELS                                                                                                    \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"                             \
  "<Relationship Id=\"rId7\" "                                                                                         \
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "                            \
  "Target=\"worksheets/../worksheets/data.xml\"/>"                                                                     \
  "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "     \
  "Target=\"styles.xml\"/></Relationships>"

/* Style 0 general, 1 a coloured date, 2 elapsed hours, 3 minutes and
 * seconds, 4 a quoted "m" before a number, 5 built-in 31 (Chinese date),
 * 6 built-in 22 (date and time); the xf of cellStyleXfs is not a cell style. */
#define STYLES                                                                                                         \
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"4\">"              \
  "<numFmt numFmtId=\"164\" formatCode=\"[Red]yyyy/mm/dd;@\"/><numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"     \
  "<numFmt numFmtId=\"166\" formatCode=\"mm:ss\"/><numFmt numFmtId=\"167\" formatCode=\"&quot;m&quot;0.00\"/>"         \
  "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"7\">"                      \
  "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"       \
  "<xf numFmtId=\"31\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>"

#define STYLED_SHEET                                                                                                   \
  SHEET_HEAD                                                                                                           \
  "<row r=\"1\"><c r=\"A1\"><v>45000</v></c><c r=\"B1\" s=\"1\"><v>45000</v></c>"                                      \
  "<c r=\"C1\" s=\"2\"><v>1.25</v></c><c r=\"D1\" s=\"3\"><v>0.5</v></c><c r=\"E1\" s=\"4\"><v>3</v></c>"              \
  "<c r=\"F1\" s=\"5\"><v>45000</v></c><c r=\"G1\" s=\"6\"><v>45000.75</v></c>"                                        \
  "<c r=\"H1\" s=\"99\"><v>7</v></c><c r=\"I1\"><v>5.000</v></c><c r=\"J1\"><v>1E-3</v></c></row>"                     \
  "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>59</v></c><c r=\"C2\" s=\"1\"><v>60</v>"        \
  "</c><c r=\"D2\" s=\"1\"><v>-1</v></c></row>" SHEET_TAIL

START_TEST (test_number_formats)
{
  g_autofree char *path = tmp_path ("styles.xlsx");
  g_autofree char *path_1904 = tmp_path ("mac.xlsx");

  write_zip (path, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", STYLES_RELS, "xl/styles.xml", STYLES,
             "xl/worksheets/data.xml", STYLED_SHEET, NULL);
  assert_dump (path, NULL,
               "45000|2023-03-15|1.25|0.5|3|2023-03-15|2023-03-15|7|5|1E-3\n"
               "1900-01-01|1900-02-28|1900-02-29|-1");

  /* Workbooks of old Mac Excel count days from 1904. */
  write_zip (
      path_1904, "xl/workbook.xml",
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<workbookPr date1904=\"1\"/><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>",
      "xl/_rels/workbook.xml.rels", STYLES_RELS, "xl/styles.xml", STYLES, "xl/worksheets/data.xml", STYLED_SHEET, NULL);
  assert_dump (path_1904, NULL,
               "45000|2027-03-16|1.25|0.5|3|2027-03-16|2027-03-16|7|5|1E-3\n"
               "1904-01-02|1904-02-29|1904-03-01|-1");
}
END_TEST

START_TEST (test_rich_shared_strings)
{
  g_autofree char *path = tmp_path ("rich.xlsx");

  write_zip (path, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/sharedStrings.xml",
             "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">"
             "<si><r><rPr><b/></rPr><t>加粗</t></r><r><t xml:space=\"preserve\">和正文</t></r>"
             "<rPh sb=\"0\" eb=\"1\"><t>かな</t></rPh></si><si><t>第二</t></si><si><t/></si></sst>",
             "xl/worksheets/data.xml",
             SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                        "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>1</v></c></row>" SHEET_TAIL,
             NULL);
  keep_for_corpus (path, "rich.xlsx");
  assert_dump (path, NULL, "加粗和正文|第二||第二");
}
END_TEST

START_TEST (test_missing_shared_strings)
{
  g_autofree char *numbers = tmp_path ("numbers.xlsx");
  g_autofree char *texts = tmp_path ("texts.xlsx");

  /* The relationship names sharedStrings.xml, the archive lacks it: fine
   * until a cell refers to it. */
  write_zip (numbers, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/data.xml",
             SHEET_HEAD "<row r=\"1\"><c r=\"A1\"><v>42</v></c><c r=\"B1\"><v>2.50</v></c></row>" SHEET_TAIL, NULL);
  assert_dump (numbers, NULL, "42|2.5");

  write_zip (texts, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/data.xml",
             SHEET_HEAD "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                        "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>" SHEET_TAIL,
             NULL);
  assert_error (texts, NULL, LC_TABULAR_ERROR_FORMAT, "texts.xlsx", "row 2, column B", "shared text", NULL);
}
END_TEST

START_TEST (test_broken_xml)
{
  g_autofree char *path = tmp_path ("broken.xlsx");

  write_zip (path, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/data.xml",
             SHEET_HEAD "\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>" SHEET_TAIL, NULL);
  assert_error (path, NULL, LC_TABULAR_ERROR_FORMAT, "broken.xlsx: xl/worksheets/data.xml: line 3:", NULL);
}
END_TEST

START_TEST (test_doctype_refused)
{
  g_autofree char *path = tmp_path ("laughs.xlsx");

  write_zip (path, "xl/workbook.xml",
             "<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
             "<workbook>&b;</workbook>",
             "xl/_rels/workbook.xml.rels", RELS, NULL);
  assert_error (path, NULL, LC_TABULAR_ERROR_FORMAT, "laughs.xlsx: xl/workbook.xml: line 1:", NULL);
}
END_TEST

START_TEST (test_not_xlsx)
{
  g_autofree char *text = tmp_path ("notes.xlsx");
  g_autofree char *other_zip = tmp_path ("other.xlsx");
  g_autofree char *missing = tmp_path ("missing.xlsx");
  g_autofree char *no_sheet = tmp_path ("nosheet.xlsx");
  g_autoptr (GError) error = NULL;

  ck_assert (g_file_set_contents (text, "姓名,编号\n张三,1\n", -1, NULL));
  assert_error (text, NULL, LC_TABULAR_ERROR_FORMAT, "notes.xlsx", NULL);

  write_zip (other_zip, "word/document.xml", "<document/>", NULL);
  assert_error (other_zip, NULL, LC_TABULAR_ERROR_FORMAT, "other.xlsx: xl/workbook.xml:", NULL);

  assert_error (missing, NULL, LC_TABULAR_ERROR_IO, "missing.xlsx", NULL);
  ck_assert_ptr_null (lc_xlsx_sheet_names (missing, &error));
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_IO));

  write_zip (no_sheet, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>", NULL);
  assert_error (no_sheet, NULL, LC_TABULAR_ERROR_FORMAT, "nosheet.xlsx", "数据", NULL);
}
END_TEST

START_TEST (test_columns_and_cell_caps)
{
  g_autofree char *wide = tmp_path ("wide.xlsx");
  g_autofree char *long_cell = tmp_path ("long.xlsx");
  g_autofree char *letter = lc_column_letter (LC_TABULAR_MAX_COLUMNS);
  g_autofree char *wide_sheet = g_strdup_printf (
      SHEET_HEAD "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"4\"><c r=\"%s4\"><v>1</v></c></row>" SHEET_TAIL,
      letter);
  g_autofree char *filler = g_strnfill (LC_TABULAR_MAX_CELL_BYTES + 1, 'x');
  g_autofree char *long_sheet = g_strdup_printf (
      SHEET_HEAD "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>%s</t>"
                 "</is></c></row>" SHEET_TAIL,
      filler);
  g_autofree char *where = g_strdup_printf ("row 4, column %s", letter);

  write_zip (wide, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/data.xml",
             wide_sheet, NULL);
  assert_error (wide, NULL, LC_TABULAR_ERROR_TOO_LARGE, "wide.xlsx", where, NULL);

  write_zip (long_cell, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/data.xml",
             long_sheet, NULL);
  assert_error (long_cell, NULL, LC_TABULAR_ERROR_TOO_LARGE, "long.xlsx", "row 2, column C", NULL);
}
END_TEST

START_TEST (test_shared_strings_cap)
{
  g_autofree char *path = tmp_path ("texts.xlsx");
  GString *sst = g_string_new ("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
  g_autofree char *xml = NULL;

  /* Two million texts is the cap: one more, each empty, in a 12 MB part
   * that is stored, not compressed, so that only the count is over. */
  for (guint i = 0; i <= 2000000; i++)
    g_string_append (sst, "<si/>");
  g_string_append (sst, "</sst>");
  xml = g_string_free (sst, FALSE);
  write_zip (path, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS, "xl/sharedStrings.xml", xml,
             "xl/worksheets/data.xml", SHEET_HEAD SHEET_TAIL, NULL);
  assert_error (path, NULL, LC_TABULAR_ERROR_TOO_LARGE, "texts.xlsx: xl/sharedStrings.xml:", "2000000", NULL);
}
END_TEST

/* ---- Zip bombs ---- */

typedef struct
{
  guint64 size;
  guint64 offset;
} Filler;

static const char bomb_head[] = SHEET_HEAD "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";

/* Spaces after a sheet's start, @size bytes in all, made while libzip
 * deflates them so that the test never holds them in memory. */
static zip_int64_t
filler_callback (void *data, void *buffer, zip_uint64_t length, zip_source_cmd_t command)
{
  Filler *filler = data;

  switch (command)
    {
    case ZIP_SOURCE_OPEN:
      filler->offset = 0;
      return 0;
    case ZIP_SOURCE_READ:
      {
        guint64 n = MIN (length, filler->size - filler->offset);

        memset (buffer, ' ', n);
        if (filler->offset < sizeof bomb_head - 1)
          memcpy (buffer, bomb_head + filler->offset, MIN (n, sizeof bomb_head - 1 - filler->offset));
        filler->offset += n;
        return (zip_int64_t) n;
      }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT:
      {
        zip_stat_t *st = buffer;

        zip_stat_init (st);
        st->valid = ZIP_STAT_SIZE;
        st->size = filler->size;
        return sizeof *st;
      }
    case ZIP_SOURCE_ERROR:
      memset (buffer, 0, 2 * sizeof (int));
      return 2 * sizeof (int);
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap (ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                             ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
    }
}

static void
write_bomb (const char *path, const char *part, guint64 size)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  Filler filler = { size, 0 };
  zip_source_t *source;
  zip_int64_t index;

  ck_assert_ptr_nonnull (zip);
  ck_assert_int_ge (zip_file_add (zip, "xl/workbook.xml", zip_source_buffer (zip, WORKBOOK, strlen (WORKBOOK), 0), 0),
                    0);
  ck_assert_int_ge (
      zip_file_add (zip, "xl/_rels/workbook.xml.rels", zip_source_buffer (zip, RELS, strlen (RELS), 0), 0), 0);
  source = zip_source_function (zip, filler_callback, &filler);
  ck_assert_ptr_nonnull (source);
  index = zip_file_add (zip, part, source, 0);
  ck_assert_int_ge (index, 0);
  ck_assert_int_eq (zip_set_file_compression (zip, (zip_uint64_t) index, ZIP_CM_DEFLATE, 1), 0);
  ck_assert_int_eq (zip_close (zip), 0);
}

START_TEST (test_zip_bomb)
{
  g_autofree char *path = tmp_path ("bomb.xlsx");
  GStatBuf st;

  write_bomb (path, "xl/worksheets/data.xml", (guint64) 300 * 1024 * 1024);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_lt (st.st_size, 2 * 1024 * 1024);
  assert_error (path, NULL, LC_TABULAR_ERROR_TOO_LARGE, "bomb.xlsx: xl/worksheets/data.xml:", "256 MB", NULL);
}
END_TEST

START_TEST (test_compression_ratio)
{
  g_autofree char *sheet = tmp_path ("ratio.xlsx");
  g_autofree char *strings = tmp_path ("strings.xlsx");

  /* Well under the size caps, but compressed a thousand times. */
  write_bomb (sheet, "xl/worksheets/data.xml", 8 * 1024 * 1024);
  assert_error (sheet, NULL, LC_TABULAR_ERROR_TOO_LARGE, "ratio.xlsx: xl/worksheets/data.xml:", "zip bomb", NULL);
  write_bomb (strings, "xl/sharedStrings.xml", 4 * 1024 * 1024);
  assert_error (strings, NULL, LC_TABULAR_ERROR_TOO_LARGE, "strings.xlsx: xl/sharedStrings.xml:", NULL);
}
END_TEST

/* ---- Workbooks written by libxlsxwriter ---- */

static lxw_workbook *
new_workbook (const char *path)
{
  lxw_workbook *workbook = workbook_new (path);

  ck_assert_ptr_nonnull (workbook);
  return workbook;
}

static void
close_workbook (lxw_workbook *workbook)
{
  ck_assert_int_eq (workbook_close (workbook), LXW_NO_ERROR);
}

START_TEST (test_strings_and_numbers)
{
  g_autofree char *path = tmp_path ("people.xlsx");
  lxw_workbook *workbook = new_workbook (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autoptr (LcTable) table = NULL;
  g_autofree char *text = NULL;

  worksheet_write_string (sheet, 0, 0, "姓名", NULL);
  worksheet_write_string (sheet, 0, 1, "数量", NULL);
  worksheet_write_string (sheet, 0, 2, "启用", NULL);
  worksheet_write_string (sheet, 1, 0, "张三", NULL);
  worksheet_write_number (sheet, 1, 1, 42, NULL);
  worksheet_write_boolean (sheet, 1, 2, 1, NULL);
  /* Repeated text is one shared string. */
  worksheet_write_string (sheet, 2, 0, "张三", NULL);
  worksheet_write_number (sheet, 2, 1, 2.5, NULL);
  worksheet_write_boolean (sheet, 2, 2, 0, NULL);
  worksheet_write_string (sheet, 3, 0, "　李四 ", NULL);
  worksheet_write_number (sheet, 3, 1, -17.25, NULL);
  worksheet_write_number (sheet, 4, 1, 1e6, NULL);
  close_workbook (workbook);

  table = read_ok (path, NULL);
  text = dump (table);
  ck_assert_str_eq (text, "姓名|数量|启用\n张三|42|1\n张三|2.5|0\n李四|-17.25\n|1000000");
  /* A single sheet is not named in messages. */
  ck_assert_str_eq (lc_table_source (table), "people.xlsx");
  ck_assert_str_eq (lc_table_encoding (table), "UTF-8");
}
END_TEST

START_TEST (test_dates)
{
  g_autofree char *path = tmp_path ("dates.xlsx");
  lxw_workbook *workbook = new_workbook (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *iso = workbook_add_format (workbook);
  lxw_format *builtin = workbook_add_format (workbook);
  lxw_format *chinese = workbook_add_format (workbook);
  lxw_format *elapsed = workbook_add_format (workbook);
  lxw_format *decimals = workbook_add_format (workbook);
  lxw_datetime day = { 2024, 2, 29, 0, 0, 0 };
  lxw_datetime evening = { 1999, 12, 31, 18, 30, 0 };

  format_set_num_format (iso, "yyyy-mm-dd");
  format_set_num_format_index (builtin, 14);
  format_set_num_format (chinese, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_num_format (elapsed, "[h]:mm");
  format_set_num_format (decimals, "0.00");
  worksheet_write_string (sheet, 0, 0, "日期", NULL);
  worksheet_write_datetime (sheet, 1, 0, &day, iso);
  worksheet_write_datetime (sheet, 1, 1, &evening, builtin);
  worksheet_write_datetime (sheet, 1, 2, &day, chinese);
  worksheet_write_number (sheet, 1, 3, 1.5, elapsed);
  worksheet_write_number (sheet, 1, 4, 3, decimals);
  worksheet_write_number (sheet, 1, 5, 61, iso);
  close_workbook (workbook);
  keep_for_corpus (path, "dates.xlsx");

  assert_dump (path, NULL, "日期\n2024-02-29|1999-12-31|2024-02-29|1.5|3|1900-03-01");
}
END_TEST

START_TEST (test_gaps)
{
  g_autofree char *path = tmp_path ("gaps.xlsx");
  lxw_workbook *workbook = new_workbook (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *bold = workbook_add_format (workbook);
  g_autoptr (LcTable) table = NULL;
  g_autofree char *text = NULL;

  format_set_bold (bold);
  worksheet_write_string (sheet, 0, 0, "a", NULL);
  worksheet_write_string (sheet, 0, 2, "c", NULL);
  worksheet_write_string (sheet, 2, 1, "x", NULL);
  /* A formatted cell without a value is empty. */
  worksheet_write_blank (sheet, 3, 5, bold);
  worksheet_write_string (sheet, 4, 3, "y", NULL);
  worksheet_write_blank (sheet, 7, 0, bold);
  close_workbook (workbook);

  table = read_ok (path, NULL);
  text = dump (table);
  ck_assert_str_eq (text, "a||c\n\n|x\n\n|||y");
  ck_assert_uint_eq (lc_table_n_rows (table), 5);
  ck_assert (lc_table_row_is_blank (table, 1));
  ck_assert (!lc_table_row_is_blank (table, 2));
  ck_assert_uint_eq (lc_table_row_number (table, 4), 5);
  ck_assert_str_eq (lc_table_cell (table, 4, 3), "y");
  ck_assert_str_eq (lc_table_cell (table, 4, 99), "");
  ck_assert_str_eq (lc_table_cell (table, 1, 0), "");
}
END_TEST

START_TEST (test_sheets)
{
  g_autofree char *path = tmp_path ("book.xlsx");
  lxw_workbook *workbook = new_workbook (path);
  lxw_worksheet *first = workbook_add_worksheet (workbook, "First");
  lxw_worksheet *second = workbook_add_worksheet (workbook, "题库");
  lxw_worksheet *third = workbook_add_worksheet (workbook, "说明");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  g_autoptr (LcTable) table = NULL;

  worksheet_write_string (first, 0, 0, "one", NULL);
  worksheet_write_string (second, 0, 0, "题干", NULL);
  worksheet_write_string (second, 1, 0, "第一题", NULL);
  worksheet_write_string (third, 0, 0, "说明", NULL);
  close_workbook (workbook);

  names = lc_xlsx_sheet_names (path, &error);
  ck_assert_msg (names != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_strv_length (names), 3);
  ck_assert_str_eq (names[0], "First");
  ck_assert_str_eq (names[1], "题库");
  ck_assert_str_eq (names[2], "说明");

  table = read_ok (path, NULL);
  ck_assert_str_eq (lc_table_source (table), "book.xlsx[First]");
  ck_assert_str_eq (lc_table_cell (table, 0, 0), "one");
  g_clear_pointer (&table, lc_table_free);

  table = read_ok (path, "题库");
  ck_assert_str_eq (lc_table_source (table), "book.xlsx[题库]");
  ck_assert_uint_eq (lc_table_n_rows (table), 2);
  ck_assert_str_eq (lc_table_cell (table, 1, 0), "第一题");

  assert_dump (path, "说明", "说明");
  assert_error (path, "Sheet9", LC_TABULAR_ERROR_FORMAT, "book.xlsx", "Sheet9", NULL);
}
END_TEST

START_TEST (test_empty_sheet)
{
  g_autofree char *path = tmp_path ("empty.xlsx");
  lxw_workbook *workbook = new_workbook (path);

  workbook_add_worksheet (workbook, NULL);
  close_workbook (workbook);
  assert_error (path, NULL, LC_TABULAR_ERROR_EMPTY, "empty.xlsx", NULL);
}
END_TEST

START_TEST (test_many_rows)
{
  g_autofree char *path = tmp_path ("many.xlsx");
  lxw_workbook *workbook = new_workbook (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autoptr (LcTable) table = NULL;

  worksheet_write_string (sheet, 0, 0, "编号", NULL);
  worksheet_write_string (sheet, 0, 1, "姓名", NULL);
  for (guint r = 1; r <= 10000; r++)
    {
      g_autofree char *name = g_strdup_printf ("执法人员%u", r);

      worksheet_write_number (sheet, r, 0, r, NULL);
      worksheet_write_string (sheet, r, 1, name, NULL);
    }
  close_workbook (workbook);

  table = read_ok (path, NULL);
  ck_assert_uint_eq (lc_table_n_rows (table), 10001);
  for (guint r = 1; r <= 10000; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", r);
      g_autofree char *name = g_strdup_printf ("执法人员%u", r);

      ck_assert_str_eq (lc_table_cell (table, r, 0), number);
      ck_assert_str_eq (lc_table_cell (table, r, 1), name);
      ck_assert_uint_eq (lc_table_row_number (table, r), r + 1);
    }
}
END_TEST

/* The same data as CSV and as XLSX reads the same. */
START_TEST (test_like_csv)
{
  g_autofree char *path = tmp_path ("same.xlsx");
  lxw_workbook *workbook = new_workbook (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  const char *csv = "编号,姓名,备注\n1,张三,\n\n2,李四,有备注\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) from_csv = lc_table_parse_csv (csv, strlen (csv), "same.csv", &error);
  g_autoptr (LcTable) from_xlsx = NULL;

  ck_assert_msg (from_csv != NULL, "%s", error ? error->message : "");
  worksheet_write_string (sheet, 0, 0, "编号", NULL);
  worksheet_write_string (sheet, 0, 1, "姓名", NULL);
  worksheet_write_string (sheet, 0, 2, "备注", NULL);
  worksheet_write_number (sheet, 1, 0, 1, NULL);
  worksheet_write_string (sheet, 1, 1, "张三", NULL);
  worksheet_write_number (sheet, 3, 0, 2, NULL);
  worksheet_write_string (sheet, 3, 1, "李四", NULL);
  worksheet_write_string (sheet, 3, 2, "有备注", NULL);
  close_workbook (workbook);
  from_xlsx = read_ok (path, NULL);

  ck_assert_uint_eq (lc_table_n_rows (from_xlsx), lc_table_n_rows (from_csv));
  for (guint r = 0; r < lc_table_n_rows (from_csv); r++)
    {
      ck_assert_uint_eq (lc_table_row_number (from_xlsx, r), lc_table_row_number (from_csv, r));
      ck_assert_int_eq (lc_table_row_is_blank (from_xlsx, r), lc_table_row_is_blank (from_csv, r));
      for (guint c = 0; c < 4; c++)
        ck_assert_str_eq (lc_table_cell (from_xlsx, r, c), lc_table_cell (from_csv, r, c));
    }
}
END_TEST

/* Sets the uncompressed size that the local and central headers of @part
 * declare, as a hostile file would to slip past a check of the headers. */
static void
patch_declared_size (const char *path, const char *part, guint32 size)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize name_length = strlen (part);
  guint patched = 0;

  ck_assert (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i + 46 + name_length <= length; i++)
    {
      guchar *p = (guchar *) data + i;

      if (memcmp (p, "PK\3\4", 4) == 0 && memcmp (p + 30, part, name_length) == 0)
        {
          p[22] = size & 0xff, p[23] = (size >> 8) & 0xff, p[24] = (size >> 16) & 0xff, p[25] = size >> 24;
          patched++;
        }
      else if (memcmp (p, "PK\1\2", 4) == 0 && memcmp (p + 46, part, name_length) == 0)
        {
          p[24] = size & 0xff, p[25] = (size >> 8) & 0xff, p[26] = (size >> 16) & 0xff, p[27] = size >> 24;
          patched++;
        }
    }
  ck_assert_uint_eq (patched, 2);
  ck_assert (g_file_set_contents (path, data, (gssize) length, NULL));
}

START_TEST (test_lying_headers)
{
  g_autofree char *path = tmp_path ("liar.xlsx");

  /* The headers claim 4 kB; the bytes really inflated are counted. */
  write_bomb (path, "xl/worksheets/data.xml", 64 * 1024 * 1024);
  patch_declared_size (path, "xl/worksheets/data.xml", 4096);
  assert_error (path, NULL, LC_TABULAR_ERROR_TOO_LARGE, "liar.xlsx: xl/worksheets/data.xml:", "zip bomb", NULL);
}
END_TEST

static Suite *
xlsx_suite (void)
{
  Suite *suite = suite_create ("xlsx");
  TCase *tc;

  tc = tcase_create ("written");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_strings_and_numbers);
  tcase_add_test (tc, test_dates);
  tcase_add_test (tc, test_gaps);
  tcase_add_test (tc, test_sheets);
  tcase_add_test (tc, test_empty_sheet);
  tcase_add_test (tc, test_many_rows);
  tcase_add_test (tc, test_like_csv);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("hand-made");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_inline_strings);
  tcase_add_test (tc, test_rich_shared_strings);
  tcase_add_test (tc, test_number_formats);
  tcase_add_test (tc, test_missing_shared_strings);
  tcase_add_test (tc, test_broken_xml);
  tcase_add_test (tc, test_doctype_refused);
  tcase_add_test (tc, test_not_xlsx);
  tcase_add_test (tc, test_columns_and_cell_caps);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("hostile");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_zip_bomb);
  tcase_add_test (tc, test_compression_ratio);
  tcase_add_test (tc, test_lying_headers);
  tcase_add_test (tc, test_shared_strings_cap);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (xlsx_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
