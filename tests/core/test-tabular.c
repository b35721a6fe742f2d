/* test-tabular.c: CSV reading, encodings, positions in errors, caps. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lc-tabular.h"

/* The table as text: rows on lines, cells split by "|", line breaks inside
 * cells shown as \n and \r, so expectations read like the data. */
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
          for (const char *p = lc_table_cell (table, r, c); *p; p++)
            {
              if (*p == '\n')
                g_string_append (out, "\\n");
              else if (*p == '\r')
                g_string_append (out, "\\r");
              else
                g_string_append_c (out, *p);
            }
        }
    }
  return g_string_free (out, FALSE);
}

static char *
to_gb18030 (const char *utf8)
{
  g_autoptr (GError) error = NULL;
  char *bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, &error);

  ck_assert_msg (bytes != NULL, "%s", error ? error->message : "");
  return bytes;
}

static const struct
{
  const char *name;
  const char *input;
  const char *expected;
} parse_cases[] = {
  { "lf", "a,b\n1,2\n", "a|b\n1|2" },
  { "no final line end", "a,b\n1,2", "a|b\n1|2" },
  { "crlf", "a,b\r\n1,2\r\n", "a|b\n1|2" },
  { "cr", "a,b\r1,2\r", "a|b\n1|2" },
  { "mixed line ends", "a\r\nb\nc\rd", "a\nb\nc\nd" },
  { "chinese", "工号,姓名\n330401001,张伟\n", "工号|姓名\n330401001|张伟" },
  { "quoted comma", "name,note\n张伟,\"a,b\"\n", "name|note\n张伟|a,b" },
  { "doubled quotes", "a\n\"say \"\"hi\"\"\"\n", "a\nsay \"hi\"" },
  { "only a doubled quote", "a,b\n\"\"\"\",x\n", "a|b\n\"|x" },
  { "empty quoted", "a,\"\",c", "a||c" },
  { "newline in quotes", "a,b\n\"line1\nline2\",x\n", "a|b\nline1\\nline2|x" },
  { "crlf in quotes", "a\r\n\"x\r\ny\"\r\n", "a\nx\\r\\ny" },
  { "separator in quotes", "a;b\n\"1;2\";3\n", "a|b\n1;2|3" },
  { "semicolon", "工号;姓名\n1;张伟\n", "工号|姓名\n1|张伟" },
  { "tab", "工号\t姓名\n1\t 张伟 \n", "工号|姓名\n1|张伟" },
  { "comma wins over semicolon", "a,b;c\n1,2;3\n", "a|b;c\n1|2;3" },
  { "semicolon in data only", "a\n1;2\n", "a\n1;2" },
  { "trim ascii", "  a , b \n\t1\t,2  \n", "a|b\n1|2" },
  { "trim ideographic space", "\xe3\x80\x80姓名\xe3\x80\x80,x\n\xe3\x80\x80\xe3\x80\x80张伟 \xe3\x80\x80,y",
    "姓名|x\n张伟|y" },
  { "trim quoted", "a,b\n  \"  c  \"  , \"d\"\n", "a|b\nc|d" },
  { "space before quote keeps comma", "a,b\n1, \"x,y\"\n", "a|b\n1|x,y" },
  { "quote inside unquoted cell", "a\nab\"c\n", "a\nab\"c" },
  { "trailing separator", "a,b,\n1,2,\n", "a|b|\n1|2|" },
  { "ragged rows", "a,b,c\n1\n1,2,3,4\n", "a|b|c\n1\n1|2|3|4" },
  { "blank rows inside kept", "a\n\n1\n", "a\n\n1" },
  { "trailing blank rows dropped", "a\n1\n\n,,\n   \n\r\n", "a\n1" },
  { "bom", "\xef\xbb\xbf工号,姓名\r\n1,张伟\r\n", "工号|姓名\n1|张伟" },
  { "single column", "姓名\n张伟\n李娜", "姓名\n张伟\n李娜" },
};

START_TEST (test_parse_cases)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table =
      lc_table_parse_csv (parse_cases[_i].input, strlen (parse_cases[_i].input), "t.csv", &error);
  g_autofree char *got = NULL;

  ck_assert_msg (table != NULL, "%s: %s", parse_cases[_i].name, error ? error->message : "");
  got = dump (table);
  ck_assert_msg (g_str_equal (got, parse_cases[_i].expected), "%s: got \"%s\", expected \"%s\"", parse_cases[_i].name,
                 got, parse_cases[_i].expected);
  ck_assert_str_eq (lc_table_encoding (table), "UTF-8");
  ck_assert_str_eq (lc_table_source (table), "t.csv");
}
END_TEST

START_TEST (test_accessors)
{
  const char *csv = "a,b,c\n1,,3\n\n4\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = lc_table_parse_csv (csv, strlen (csv), "x.csv", &error);

  ck_assert_ptr_nonnull (table);
  ck_assert_uint_eq (lc_table_n_rows (table), 4);
  ck_assert_uint_eq (lc_table_n_cells (table, 0), 3);
  ck_assert_uint_eq (lc_table_n_cells (table, 3), 1);
  ck_assert_str_eq (lc_table_cell (table, 1, 1), "");
  ck_assert_str_eq (lc_table_cell (table, 3, 0), "4");
  ck_assert_str_eq (lc_table_cell (table, 3, 2), "");
  ck_assert_str_eq (lc_table_cell (table, 3, 500), "");
  ck_assert (!lc_table_row_is_blank (table, 1));
  ck_assert (lc_table_row_is_blank (table, 2));
  ck_assert_uint_eq (lc_table_row_number (table, 0), 1);
  ck_assert_uint_eq (lc_table_row_number (table, 3), 4);
}
END_TEST

/* A cell spanning three lines is still one spreadsheet row. */
START_TEST (test_row_numbers_multiline)
{
  const char *csv = "姓名,备注\n张伟,\"第一行\n第二行\n第三行\"\n李娜,x\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = lc_table_parse_csv (csv, strlen (csv), "m.csv", &error);

  ck_assert_ptr_nonnull (table);
  ck_assert_uint_eq (lc_table_n_rows (table), 3);
  ck_assert_str_eq (lc_table_cell (table, 1, 1), "第一行\n第二行\n第三行");
  ck_assert_str_eq (lc_table_cell (table, 2, 0), "李娜");
  ck_assert_uint_eq (lc_table_row_number (table, 2), 3);
}
END_TEST

START_TEST (test_column_letter)
{
  static const struct
  {
    guint column;
    const char *letter;
  } cases[] = {
    { 0, "A" },
    { 1, "B" },
    { 25, "Z" },
    { 26, "AA" },
    { 27, "AB" },
    { 51, "AZ" },
    { 52, "BA" },
    { 701, "ZZ" },
    { 702, "AAA" },
    { 1023, "AMJ" },
    { 1024, "AMK" },
    { 16383, "XFD" },
    { G_MAXUINT, "MWLQKWV" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = lc_column_letter (cases[i].column);

      ck_assert_str_eq (got, cases[i].letter);
    }
}
END_TEST

static const struct
{
  const char *name;
  const char *input;
  gsize length; /* 0: strlen */
  int code;
  const char *position; /* must appear in the message; NULL: none */
} error_cases[] = {
  { "unterminated quote", "a,b\n1,\"open\n2,3\n", 0, LC_TABULAR_ERROR_SYNTAX, "t.csv: row 2, column B" },
  { "unterminated after multi-line cell", "a,b\n\"x\ny\nz\",1\n2,\"bad\n3,4\n", 0, LC_TABULAR_ERROR_SYNTAX,
    "t.csv: row 3, column B" },
  { "text after closing quote", "a,b\n1,\"x\"y\n", 0, LC_TABULAR_ERROR_SYNTAX, "t.csv: row 2, column B" },
  { "empty", "", 0, LC_TABULAR_ERROR_EMPTY, "t.csv" },
  { "blank lines only", "\n\r\n  \n,,\n", 0, LC_TABULAR_ERROR_EMPTY, "t.csv" },
  { "bom only", "\xef\xbb\xbf", 0, LC_TABULAR_ERROR_EMPTY, "t.csv" },
  { "bad byte under bom",
    "\xef\xbb\xbf"
    "a,b\n1,\xc3\x28\n",
    0, LC_TABULAR_ERROR_ENCODING, "t.csv: row 2, column B" },
  { "bad byte in ascii file", "a,b\n1,2\n3,\xff\n", 0, LC_TABULAR_ERROR_ENCODING, "t.csv: row 3, column B" },
  { "bad byte after utf-8 text", "姓名,部门\n张伟,市场监管局\n李娜,\xff\n", 0, LC_TABULAR_ERROR_ENCODING,
    "t.csv: row 3, column B" },
  { "bad byte after multi-line cell", "a,b\n\"x\ny\",1\n2,\xff\n", 0, LC_TABULAR_ERROR_ENCODING,
    "t.csv: row 3, column B" },
  { "truncated sequence at end", "a,b\n1,\x81\x30", 0, LC_TABULAR_ERROR_ENCODING, "t.csv: row 2, column B" },
  { "nul byte (utf-16)", "a\0b\0", 4, LC_TABULAR_ERROR_ENCODING, "t.csv: row 1, column A" },
};

START_TEST (test_error_cases)
{
  g_autoptr (GError) error = NULL;
  gsize length = error_cases[_i].length ? error_cases[_i].length : strlen (error_cases[_i].input);
  g_autoptr (LcTable) table = lc_table_parse_csv (error_cases[_i].input, length, "t.csv", &error);

  ck_assert_msg (table == NULL, "%s: parsed", error_cases[_i].name);
  ck_assert_msg (g_error_matches (error, LC_TABULAR_ERROR, error_cases[_i].code), "%s: %s", error_cases[_i].name,
                 error ? error->message : "no error");
  if (error_cases[_i].position)
    ck_assert_msg (strstr (error->message, error_cases[_i].position) != NULL, "%s: \"%s\" lacks \"%s\"",
                   error_cases[_i].name, error->message, error_cases[_i].position);
}
END_TEST

START_TEST (test_gb18030)
{
  const char *utf8 = "工号,姓名,部门,备注\r\n"
                     "330401001,张伟,市场监督管理局,\"执法一大队,\n二中队\"\r\n"
                     "330401002,欧阳娜娜,综合行政执法局,\"他说\"\"好\"\"\"\r\n"
                     "330401003,\xe3\x80\x80王𠀀,城管,\r\n";
  g_autofree char *bytes = to_gb18030 (utf8);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;

  ck_assert (!g_utf8_validate (bytes, -1, NULL));
  table = lc_table_parse_csv (bytes, strlen (bytes), "gb.csv", &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (lc_table_encoding (table), "GB18030");
  ck_assert_uint_eq (lc_table_n_rows (table), 4);
  ck_assert_str_eq (lc_table_cell (table, 0, 3), "备注");
  ck_assert_str_eq (lc_table_cell (table, 1, 1), "张伟");
  ck_assert_str_eq (lc_table_cell (table, 1, 2), "市场监督管理局");
  ck_assert_str_eq (lc_table_cell (table, 1, 3), "执法一大队,\n二中队");
  ck_assert_str_eq (lc_table_cell (table, 2, 1), "欧阳娜娜");
  ck_assert_str_eq (lc_table_cell (table, 2, 3), "他说\"好\"");
  /* U+20000 needs a four-byte GB18030 sequence. */
  ck_assert_str_eq (lc_table_cell (table, 3, 1), "王𠀀");
}
END_TEST

START_TEST (test_gb18030_bad_bytes)
{
  g_autofree char *head = to_gb18030 ("工号,姓名\n1,张伟\n2,\"李\n娜\"\n");
  g_autofree char *bytes = g_strconcat (head, "3,\xff\xff\n", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = lc_table_parse_csv (bytes, strlen (bytes), "gb.csv", &error);

  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_ENCODING));
  ck_assert_msg (strstr (error->message, "gb.csv: row 4, column B") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_gb18030_semicolon)
{
  g_autofree char *bytes = to_gb18030 ("工号;姓名\n1;张伟\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = lc_table_parse_csv (bytes, strlen (bytes), "gb.csv", &error);
  g_autofree char *got = NULL;

  ck_assert_ptr_nonnull (table);
  got = dump (table);
  ck_assert_str_eq (got, "工号|姓名\n1|张伟");
  ck_assert_str_eq (lc_table_encoding (table), "GB18030");
}
END_TEST

START_TEST (test_too_many_columns)
{
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) ok = NULL;
  g_autoptr (LcTable) table = NULL;

  for (guint i = 0; i < LC_TABULAR_MAX_COLUMNS; i++)
    g_string_append_printf (csv, "%sc%u", i ? "," : "", i);
  g_string_append (csv, "\n1\n");
  ok = lc_table_parse_csv (csv->str, csv->len, "wide.csv", &error);
  ck_assert_msg (ok != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (lc_table_n_cells (ok, 0), LC_TABULAR_MAX_COLUMNS);

  g_string_append (csv, "1,2");
  for (guint i = 2; i <= LC_TABULAR_MAX_COLUMNS; i++)
    g_string_append (csv, ",");
  table = lc_table_parse_csv (csv->str, csv->len, "wide.csv", &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE));
  ck_assert_msg (strstr (error->message, "wide.csv: row 3, column AMK") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_cell_too_long)
{
  g_autoptr (GString) csv = g_string_new ("a,b\n1,\"");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;

  for (guint i = 0; i < LC_TABULAR_MAX_CELL_BYTES; i++)
    g_string_append_c (csv, (i % 100) == 99 ? '\n' : 'x');
  g_string_append (csv, "\"\n");
  table = lc_table_parse_csv (csv->str, csv->len, "long.csv", &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  lc_table_free (g_steal_pointer (&table));

  g_string_insert_c (csv, 8, 'y');
  table = lc_table_parse_csv (csv->str, csv->len, "long.csv", &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE));
  ck_assert_msg (strstr (error->message, "long.csv: row 2, column B") != NULL, "%s", error->message);
}
END_TEST

static char *tmpdir;

static void
setup_tmpdir (void)
{
  g_autoptr (GError) error = NULL;

  tmpdir = g_dir_make_tmp ("lc-tabular-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");
}

static void
teardown_tmpdir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

START_TEST (test_read_file)
{
  g_autofree char *path = g_build_filename (tmpdir, "花名册.csv", NULL);
  g_autofree char *bytes = to_gb18030 ("工号,姓名\r\n330401001,张伟\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;

  ck_assert (g_file_set_contents (path, bytes, -1, NULL));
  table = lc_table_read_csv (path, &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (lc_table_source (table), "花名册.csv");
  ck_assert_str_eq (lc_table_encoding (table), "GB18030");
  ck_assert_str_eq (lc_table_cell (table, 1, 1), "张伟");
}
END_TEST

START_TEST (test_read_file_errors)
{
  g_autofree char *missing = g_build_filename (tmpdir, "missing.csv", NULL);
  g_autofree char *broken = g_build_filename (tmpdir, "broken.csv", NULL);
  g_autofree char *huge = g_build_filename (tmpdir, "huge.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;
  FILE *f;

  table = lc_table_read_csv (missing, &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_IO));
  ck_assert_msg (strstr (error->message, "missing.csv") != NULL, "%s", error->message);
  g_clear_error (&error);

  table = lc_table_read_csv (tmpdir, &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_IO));
  g_clear_error (&error);

  ck_assert (g_file_set_contents (broken, "a,b\n1,\"x\n", -1, NULL));
  table = lc_table_read_csv (broken, &error);
  ck_assert_ptr_null (table);
  ck_assert_msg (strstr (error->message, "broken.csv: row 2, column B") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Sparse: the size is refused before anything is read. */
  f = g_fopen (huge, "wb");
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (ftruncate (fileno (f), (off_t) LC_TABULAR_MAX_FILE_BYTES + 1), 0);
  fclose (f);
  table = lc_table_read_csv (huge, &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, LC_TABULAR_ERROR, LC_TABULAR_ERROR_TOO_LARGE));
  ck_assert_msg (strstr (error->message, "huge.csv") != NULL, "%s", error->message);
}
END_TEST

/* 100,000 officers: a large city's roster. The bound is loose on purpose
 * (loaded CI machines); the real figure is about 30 ms. */
START_TEST (test_large)
{
  g_autoptr (GString) csv = g_string_new ("工号,姓名,部门编码,部门,执法领域,岗位,状态,电话\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LcTable) table = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, "%09u,张伟%u,D%03u,\"市场监督管理局,执法%u大队\",市场监管,执法岗,在职,1380000%04u\r\n",
                            330400000 + i, i, i % 500, i % 20, i % 10000);
  table = lc_table_parse_csv (csv->str, csv->len, "big.csv", &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (lc_table_n_rows (table), 100001);
  ck_assert_str_eq (lc_table_cell (table, 100000, 1), "张伟99999");
  ck_assert_str_eq (lc_table_cell (table, 100000, 3), "市场监督管理局,执法19大队");
}
END_TEST

static Suite *
tabular_suite (void)
{
  Suite *s = suite_create ("tabular");
  TCase *tc;

  tc = tcase_create ("parse");
  tcase_add_loop_test (tc, test_parse_cases, 0, G_N_ELEMENTS (parse_cases));
  tcase_add_test (tc, test_accessors);
  tcase_add_test (tc, test_row_numbers_multiline);
  tcase_add_test (tc, test_column_letter);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_loop_test (tc, test_error_cases, 0, G_N_ELEMENTS (error_cases));
  suite_add_tcase (s, tc);

  tc = tcase_create ("gb18030");
  tcase_add_test (tc, test_gb18030);
  tcase_add_test (tc, test_gb18030_bad_bytes);
  tcase_add_test (tc, test_gb18030_semicolon);
  suite_add_tcase (s, tc);

  tc = tcase_create ("caps");
  tcase_add_test (tc, test_too_many_columns);
  tcase_add_test (tc, test_cell_too_long);
  suite_add_tcase (s, tc);

  tc = tcase_create ("files");
  tcase_add_checked_fixture (tc, setup_tmpdir, teardown_tmpdir);
  tcase_add_test (tc, test_read_file);
  tcase_add_test (tc, test_read_file_errors);
  suite_add_tcase (s, tc);

  tc = tcase_create ("performance");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_large);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (tabular_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
