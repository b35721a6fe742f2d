/* lc-report-bank.c: the question bank as XLSX and CSV in the import layout, and its template. */
#define G_LOG_DOMAIN "lc-report"

#include "config.h"

#include "lc-report-bank.h"
#include "lc-bank.h"
#include "lc-i18n.h"
#include "lc-report-private.h"
#include "lc-tabular.h"

#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <glib/gstdio.h>

enum
{
  COL_UID,
  COL_CATEGORY,
  COL_TYPE,
  COL_DIFFICULTY,
  COL_STEM,
  COL_OPTION_A,
  COL_OPTION_H = COL_OPTION_A + 7,
  COL_ANSWER,
  COL_EXPLANATION,
  COL_MODEL_ANSWER,
  COL_BASIS,
  N_COLUMNS
};

#define N_OPTIONS (COL_OPTION_H - COL_OPTION_A + 1)
#define HELP_SHEET "说明"
#define MIN_WIDTH 6
#define MAX_WIDTH 60
/* Rows below the header that the template's drop-downs cover. */
#define TEMPLATE_ROWS 5000

static gboolean
headers_match (const char *const *headers)
{
  guint n = 0;

  while (headers[n] != NULL)
    n++;
  return n == N_COLUMNS;
}

/* The cells of @q in the layout, owned by @keep; FALSE when it does not fit. */
static gboolean
row_values (const LcQuestion *q, const char *values[N_COLUMNS], GPtrArray *keep, GError **error)
{
  char *difficulty = g_strdup_printf ("%d", q->difficulty);
  char *answer = lc_bank_table_answer (q);
  gboolean choice = q->type == LC_QUESTION_SINGLE || q->type == LC_QUESTION_MULTIPLE;

  g_ptr_array_add (keep, difficulty);
  g_ptr_array_add (keep, answer);
  if (choice && q->options->len > N_OPTIONS)
    {
      g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE,
                   _ ("The question “%s” has %u options; the table holds eight (A to H)."), q->uid, q->options->len);
      return FALSE;
    }
  memset (values, 0, sizeof (const char *) * N_COLUMNS);
  values[COL_UID] = q->uid;
  values[COL_CATEGORY] = q->category;
  values[COL_TYPE] = lc_bank_table_type_word (q->type);
  values[COL_DIFFICULTY] = difficulty;
  values[COL_STEM] = q->stem;
  for (guint i = 0; choice && i < q->options->len; i++)
    values[COL_OPTION_A + i] = ((const LcQuestionOption *) g_ptr_array_index (q->options, i))->text;
  values[COL_ANSWER] = answer;
  values[COL_EXPLANATION] = q->explanation;
  values[COL_MODEL_ANSWER] = q->model_answer;
  values[COL_BASIS] = q->basis_ref;
  return TRUE;
}

gboolean
lc_report_bank_write_csv (GPtrArray *questions, const char *path, GError **error)
{
  const char *const *headers = lc_bank_table_headers ();
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (questions != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (headers_match (headers), FALSE);

  out = g_string_sized_new (256 + (gsize) questions->len * 400);
  /* Without the BOM, Excel reads UTF-8 CSV as the ANSI code page (GBK on Chinese Windows). */
  g_string_append (out, "\xef\xbb\xbf");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      lc_report_csv_append_cell (out, headers[c]);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < questions->len; r++)
    {
      g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
      const char *values[N_COLUMNS];

      if (!row_values (g_ptr_array_index (questions, r), values, keep, error))
        return FALSE;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          lc_report_csv_append_cell (out, values[c]);
        }
      g_string_append (out, "\r\n");
    }
  return lc_report_write_file (path, out->str, out->len, error);
}

typedef struct
{
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header_format;
  lxw_format *wrap_format;
  guint widths[N_COLUMNS];
  char *temp;
} Book;

static void
book_clear (Book *book)
{
  if (book->workbook != NULL)
    lxw_workbook_free (book->workbook);
  if (book->temp != NULL)
    g_unlink (book->temp);
  g_free (book->temp);
  memset (book, 0, sizeof *book);
}

/* A workbook at a temporary path with the 试题 sheet and its header row. */
static gboolean
book_open (Book *book, const char *path, GError **error)
{
  const char *const *headers = lc_bank_table_headers ();
  lxw_doc_properties properties = { 0 };
  int fd;

  memset (book, 0, sizeof *book);
  fd = lc_report_create_temp (path, &book->temp, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  book->workbook = workbook_new (book->temp);
  if (book->workbook == NULL)
    {
      book_clear (book);
      lc_report_set_write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  properties.title = (char *) "试题";
  properties.subject = (char *) "行政执法培训考试题库";
  properties.company = (char *) "Lexcert";
  properties.author = (char *) "Lexcert";
  workbook_set_properties (book->workbook, &properties);
  book->sheet = workbook_add_worksheet (book->workbook, LC_REPORT_BANK_SHEET);
  book->header_format = workbook_add_format (book->workbook);
  format_set_bold (book->header_format);
  format_set_pattern (book->header_format, LXW_PATTERN_SOLID);
  format_set_bg_color (book->header_format, 0xD9E1F2);
  format_set_bottom (book->header_format, LXW_BORDER_THIN);
  format_set_align (book->header_format, LXW_ALIGN_CENTER);
  book->wrap_format = workbook_add_format (book->workbook);
  format_set_text_wrap (book->wrap_format);
  format_set_align (book->wrap_format, LXW_ALIGN_VERTICAL_TOP);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      worksheet_write_string (book->sheet, 0, (lxw_col_t) c, headers[c], book->header_format);
      book->widths[c] = lc_report_display_width (headers[c], MAX_WIDTH) + 2;
    }
  worksheet_freeze_panes (book->sheet, 1, 0);
  return TRUE;
}

static lxw_error
book_write_row (Book *book, guint row, const char *values[N_COLUMNS], guint *failed_column)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      lxw_error err;
      guint width;

      if (values[c] == NULL || values[c][0] == '\0')
        continue;
      if (c == COL_DIFFICULTY)
        err = worksheet_write_number (book->sheet, row, (lxw_col_t) c, g_ascii_strtod (values[c], NULL), NULL);
      else
        err = worksheet_write_string (book->sheet, row, (lxw_col_t) c, values[c],
                                      c == COL_STEM || c == COL_EXPLANATION || c == COL_MODEL_ANSWER ? book->wrap_format
                                                                                                     : NULL);
      if (err != LXW_NO_ERROR)
        {
          *failed_column = c;
          return err;
        }
      width = lc_report_display_width (values[c], MAX_WIDTH);
      if (width > book->widths[c])
        book->widths[c] = width;
    }
  return LXW_NO_ERROR;
}

static void
book_set_widths (Book *book)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    worksheet_set_column (book->sheet, (lxw_col_t) c, (lxw_col_t) c, CLAMP (book->widths[c] + 1, MIN_WIDTH, MAX_WIDTH),
                          NULL);
}

static gboolean
book_close (Book *book, const char *path, GError **error)
{
  lxw_error err = workbook_close (book->workbook);

  book->workbook = NULL;
  if (err != LXW_NO_ERROR)
    {
      lc_report_set_write_error (error, path, lxw_strerror (err));
      book_clear (book);
      return FALSE;
    }
  if (!lc_report_replace (book->temp, path, error))
    {
      g_clear_pointer (&book->temp, g_free);
      return FALSE;
    }
  g_clear_pointer (&book->temp, g_free);
  return TRUE;
}

static void
set_row_error (GError **error, const char *path, lxw_error err, guint row, guint column)
{
  g_autofree char *letter = lc_column_letter (column);

  if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_VALUE_TOO_LONG,
                 _ ("Cannot write “%s”: row %u, column %s (%s): the text is longer than a spreadsheet cell "
                    "holds (32,767 characters)"),
                 path, row + 1, letter, lc_bank_table_headers ()[column]);
  else
    lc_report_set_write_error (error, path, lxw_strerror (err));
}

gboolean
lc_report_bank_write_xlsx (GPtrArray *questions, const char *path, GError **error)
{
  Book book;

  g_return_val_if_fail (questions != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (headers_match (lc_bank_table_headers ()), FALSE);

  if (questions->len >= LXW_ROW_MAX)
    {
      g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_TOO_MANY_ROWS,
                   _ ("Cannot write “%s”: %u questions are more than a worksheet holds (%u)"), path, questions->len,
                   (guint) LXW_ROW_MAX - 1);
      return FALSE;
    }
  if (!book_open (&book, path, error))
    return FALSE;
  for (guint r = 0; r < questions->len; r++)
    {
      g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
      const char *values[N_COLUMNS];
      guint failed_column = 0;
      lxw_error err;

      if (!row_values (g_ptr_array_index (questions, r), values, keep, error))
        {
          book_clear (&book);
          return FALSE;
        }
      if ((err = book_write_row (&book, r + 1, values, &failed_column)) != LXW_NO_ERROR)
        {
          set_row_error (error, path, err, r + 1, failed_column);
          book_clear (&book);
          return FALSE;
        }
    }
  book_set_widths (&book);
  worksheet_autofilter (book.sheet, 0, 0, questions->len, N_COLUMNS - 1);
  return book_close (&book, path, error);
}

/* What each column holds, for the 说明 sheet; the file is a Chinese form,
 * like its headers, so this is not translated. */
static const char *const help_rows[][2] = {
  { "编号", "选填。题目的固定编号（字母、数字、“-”，不含空格）。留空时按文件名和行号自动生成；"
            "再次导入同一编号而内容不同的题目，会为它新增一个版本，旧版本保留。" },
  { "分类", "选填。分类路径，各级以“/”分隔，例如“行政处罚法/第二章”；不存在的分类会自动建立。" },
  { "题型", "必填。单选、多选、判断、填空或问答（也可写 single、multiple、truefalse、fill、essay）。" },
  { "难度", "选填。1 到 5 的整数，1 最易；留空为 3。" },
  { "题干", "必填。题目正文。" },
  { "选项A～选项H", "单选、多选题的选项，从 A 起依次填写，至少两项，不得重复；判断、填空、问答题留空。" },
  { "答案", "单选填一个字母（如 A），多选填多个字母（如 ACD，至少两个）；判断填“对”或“错”（或 T、F）；"
            "填空填可接受的答案，多个答案以“|”分隔；问答题留空。" },
  { "解析", "选填。答题后显示的解析。" },
  { "参考答案", "问答题的参考答案，供阅卷参考；其他题型留空。" },
  { "法律依据", "选填。法条引用，格式为“法规标识@版本日期#条号”，例如 "
                "administrative-penalty-law@2021-01-22#9；所引条文必须已在法规库中。" },
  { "导入规则", "导入时先检查全部行，任何一行有错误则整个文件都不导入，并逐条列出“行、列、原因”；"
                "修改后重新导入即可。空行会被忽略。" },
};

static const char *const example_rows[][N_COLUMNS] = {
  { "", "行政处罚法/第二章", "单选", "2", "下列哪一项不属于行政处罚的种类？", "记过", "通报批评", "限制从业", "警告",
    NULL, NULL, NULL, NULL, "A", "记过是政务处分，不是行政处罚。", NULL, "administrative-penalty-law@2021-01-22#9" },
  { "", "行政处罚法/第五章", "判断", "1",
    "行政机关作出行政处罚决定前，应当告知当事人拟作出的处罚内容及事实、理由、依据。", NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, "对", NULL, NULL, NULL },
};

gboolean
lc_report_bank_template (const char *path, GError **error)
{
  static const char *types[] = { "单选", "多选", "判断", "填空", "问答", NULL };
  lxw_data_validation type_rule = { 0 };
  lxw_data_validation difficulty_rule = { 0 };
  lxw_worksheet *help;
  lxw_format *wrap;
  Book book;
  guint failed_column = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (headers_match (lc_bank_table_headers ()), FALSE);

  if (!book_open (&book, path, error))
    return FALSE;
  for (guint r = 0; r < G_N_ELEMENTS (example_rows); r++)
    {
      lxw_error err = book_write_row (&book, r + 1, (const char **) example_rows[r], &failed_column);

      if (err != LXW_NO_ERROR)
        {
          set_row_error (error, path, err, r + 1, failed_column);
          book_clear (&book);
          return FALSE;
        }
    }
  book_set_widths (&book);
  worksheet_set_column (book.sheet, COL_STEM, COL_STEM, 40, NULL);

  type_rule.validate = LXW_VALIDATION_TYPE_LIST;
  type_rule.value_list = (char **) types;
  type_rule.input_title = (char *) "题型";
  type_rule.input_message = (char *) "单选、多选、判断、填空或问答";
  type_rule.error_title = (char *) "题型";
  type_rule.error_message = (char *) "请从下拉列表中选择题型。";
  worksheet_data_validation_range (book.sheet, 1, COL_TYPE, TEMPLATE_ROWS, COL_TYPE, &type_rule);

  difficulty_rule.validate = LXW_VALIDATION_TYPE_INTEGER;
  difficulty_rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  difficulty_rule.minimum_number = 1;
  difficulty_rule.maximum_number = 5;
  difficulty_rule.input_title = (char *) "难度";
  difficulty_rule.input_message = (char *) "1 到 5 的整数，1 最易，留空为 3";
  difficulty_rule.error_title = (char *) "难度";
  difficulty_rule.error_message = (char *) "难度应为 1 到 5 的整数。";
  worksheet_data_validation_range (book.sheet, 1, COL_DIFFICULTY, TEMPLATE_ROWS, COL_DIFFICULTY, &difficulty_rule);

  help = workbook_add_worksheet (book.workbook, HELP_SHEET);
  wrap = workbook_add_format (book.workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  worksheet_write_string (help, 0, 0, "列", book.header_format);
  worksheet_write_string (help, 0, 1, "填写说明", book.header_format);
  for (guint r = 0; r < G_N_ELEMENTS (help_rows); r++)
    {
      worksheet_write_string (help, r + 1, 0, help_rows[r][0], wrap);
      worksheet_write_string (help, r + 1, 1, help_rows[r][1], wrap);
    }
  worksheet_set_column (help, 0, 0, 14, NULL);
  worksheet_set_column (help, 1, 1, 90, NULL);
  worksheet_freeze_panes (help, 1, 0);
  return book_close (&book, path, error);
}
