/* lc-report-exam.c: an exam's results (with a summary and the item
 * statistics) and every officer's answer to every question, as XLSX. */
#define G_LOG_DOMAIN "lc-report"

#include "config.h"

#include "lc-report-exam.h"
#include "lc-bank.h"
#include "lc-exam-stats.h"
#include "lc-exam.h"
#include "lc-i18n.h"
#include "lc-report-private.h"
#include "lc-tabular.h"
#include "lc-units.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <glib/gstdio.h>

#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define MAX_COLUMNS 64
/* Option columns of the item sheet: A to H, as the bank's table holds. */
#define MAX_OPTION_COLUMNS 8

/* A workbook being written to a temporary file next to its destination. */
typedef struct
{
  lxw_workbook *workbook;
  char *temp;
  char *stamp; /* "2026-06-15 20:00", the export time */
  lxw_format *header;
  lxw_format *wrap;
  lxw_format *ratio;   /* 0.000 */
  lxw_format *percent; /* 0.0% */
  lxw_format *bold;
  /* the first failure, kept to report once */
  lxw_error err;
  guint err_row;
  guint err_column;
  const char *err_header;
} Book;

typedef struct
{
  Book *book;
  lxw_worksheet *ws;
  const char *const *headers;
  guint n_columns;
  guint widths[MAX_COLUMNS];
} Sheet;

static char *
local_time (gint64 at)
{
  g_autoptr (GDateTime) when = at > 0 ? g_date_time_new_from_unix_local (at) : NULL;

  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : NULL;
}

static void
book_clear (Book *book)
{
  if (book->workbook != NULL)
    lxw_workbook_free (book->workbook);
  if (book->temp != NULL)
    g_unlink (book->temp);
  g_free (book->temp);
  g_free (book->stamp);
  memset (book, 0, sizeof *book);
}

static gboolean
book_open (Book *book, LcSession *session, const char *path, const char *title, gboolean constant_memory,
           GError **error)
{
  lxw_workbook_options options = { .constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE };
  lxw_doc_properties properties = { 0 };
  int fd;

  memset (book, 0, sizeof *book);
  book->stamp = local_time (lc_db_now (lc_session_get_db (session)));
  fd = lc_report_create_temp (path, &book->temp, error);
  if (fd < 0)
    {
      book_clear (book);
      return FALSE;
    }
  close (fd);
  book->workbook = workbook_new_opt (book->temp, &options);
  if (book->workbook == NULL)
    {
      book_clear (book);
      lc_report_set_write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  properties.title = (char *) title;
  properties.subject = (char *) "行政执法人员学法考试";
  properties.company = (char *) "Lexcert";
  properties.author = (char *) "Lexcert";
  workbook_set_properties (book->workbook, &properties);

  book->header = workbook_add_format (book->workbook);
  format_set_bold (book->header);
  format_set_pattern (book->header, LXW_PATTERN_SOLID);
  format_set_bg_color (book->header, 0xD9E1F2);
  format_set_bottom (book->header, LXW_BORDER_THIN);
  format_set_align (book->header, LXW_ALIGN_CENTER);
  format_set_align (book->header, LXW_ALIGN_VERTICAL_CENTER);
  book->wrap = workbook_add_format (book->workbook);
  format_set_text_wrap (book->wrap);
  format_set_align (book->wrap, LXW_ALIGN_VERTICAL_TOP);
  book->ratio = workbook_add_format (book->workbook);
  format_set_num_format (book->ratio, "0.000");
  book->percent = workbook_add_format (book->workbook);
  format_set_num_format (book->percent, "0.0%");
  book->bold = workbook_add_format (book->workbook);
  format_set_bold (book->bold);
  return TRUE;
}

static void
remember (Book *book, lxw_error err, guint row, guint column, const char *header)
{
  if (err == LXW_NO_ERROR || book->err != LXW_NO_ERROR)
    return;
  book->err = err;
  book->err_row = row;
  book->err_column = column;
  book->err_header = header;
}

static gboolean
book_close (Book *book, const char *path, GError **error)
{
  lxw_error err;

  if (book->err != LXW_NO_ERROR)
    {
      g_autofree char *letter = lc_column_letter (book->err_column);

      if (book->err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_VALUE_TOO_LONG,
                     _ ("Cannot write “%s”: row %u, column %s (%s): the text is longer than a spreadsheet cell "
                        "holds (32,767 characters)"),
                     path, book->err_row + 1, letter, book->err_header);
      else
        lc_report_set_write_error (error, path, lxw_strerror (book->err));
      book_clear (book);
      return FALSE;
    }
  err = workbook_close (book->workbook);
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
      book_clear (book);
      return FALSE;
    }
  g_clear_pointer (&book->temp, g_free);
  book_clear (book);
  return TRUE;
}

static gboolean
sheet_open (Sheet *sheet, Book *book, const char *name, const char *const *headers, GError **error)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->book = book;
  sheet->headers = headers;
  sheet->ws = workbook_add_worksheet (book->workbook, name);
  if (sheet->ws == NULL)
    {
      /* In constant-memory mode this means its temporary file failed. */
      g_set_error_literal (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
      return FALSE;
    }
  while (headers[sheet->n_columns] != NULL)
    sheet->n_columns++;
  g_assert (sheet->n_columns <= MAX_COLUMNS);
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      remember (book, worksheet_write_string (sheet->ws, 0, (lxw_col_t) c, headers[c], book->header), 0, c, headers[c]);
      /* Room for the autofilter's drop-down button. */
      sheet->widths[c] = lc_report_display_width (headers[c], MAX_WIDTH) + 3;
    }
  return TRUE;
}

static void
cell_text (Sheet *sheet, guint row, guint column, const char *text, lxw_format *format)
{
  guint width;

  if (text == NULL || text[0] == '\0')
    return;
  remember (sheet->book, worksheet_write_string (sheet->ws, row, (lxw_col_t) column, text, format), row, column,
            sheet->headers[column]);
  width = lc_report_display_width (text, MAX_WIDTH);
  if (width > sheet->widths[column])
    sheet->widths[column] = width;
}

/* NAN leaves the cell empty: a figure that cannot be computed is not 0. */
static void
cell_number (Sheet *sheet, guint row, guint column, double value, lxw_format *format)
{
  char text[32];
  guint width;

  if (isnan (value))
    return;
  remember (sheet->book, worksheet_write_number (sheet->ws, row, (lxw_col_t) column, value, format), row, column,
            sheet->headers[column]);
  g_snprintf (text, sizeof text, "%.3f", value);
  width = (guint) strlen (text);
  if (width > sheet->widths[column])
    sheet->widths[column] = width;
}

static void
cell_points (Sheet *sheet, guint row, guint column, gint64 hundredths)
{
  if (hundredths >= 0)
    cell_number (sheet, row, column, (double) hundredths / 100.0, NULL);
}

static void
sheet_finish (Sheet *sheet, guint n_rows, gboolean filter)
{
  Book *book = sheet->book;
  g_autofree char *footer = g_strdup_printf ("&L导出时间 %s&R第 &P 页 / 共 &N 页", book->stamp);

  for (guint c = 0; c < sheet->n_columns; c++)
    worksheet_set_column (sheet->ws, (lxw_col_t) c, (lxw_col_t) c, CLAMP (sheet->widths[c] + 1, MIN_WIDTH, MAX_WIDTH),
                          NULL);
  worksheet_freeze_panes (sheet->ws, 1, 0);
  if (filter)
    worksheet_autofilter (sheet->ws, 0, 0, n_rows, (lxw_col_t) (sheet->n_columns - 1));
  worksheet_set_footer (sheet->ws, footer);
  worksheet_set_landscape (sheet->ws);
  worksheet_set_paper (sheet->ws, 9 /* A4 */);
  worksheet_repeat_rows (sheet->ws, 0, 0);
  worksheet_fit_to_pages (sheet->ws, 1, 0);
}

/* The file is a Chinese form: these words are not translated. */
static const char *
state_word (LcAttemptState state)
{
  switch (state)
    {
    case LC_ATTEMPT_IN_PROGRESS:
      return "作答中";
    case LC_ATTEMPT_SUBMITTED:
      return "已交卷";
    case LC_ATTEMPT_AWAITING_GRADING:
      return "待阅卷";
    case LC_ATTEMPT_GRADED:
      return "已评分";
    default:
      return "";
    }
}

static const char *
submitted_by_word (LcSubmittedBy by)
{
  switch (by)
    {
    case LC_SUBMITTED_BY_OFFICER:
      return "本人交卷";
    case LC_SUBMITTED_BY_DEADLINE:
      return "到时自动交卷";
    case LC_SUBMITTED_BY_FOCUS:
      return "切屏超限自动交卷";
    case LC_SUBMITTED_BY_NONE:
    default:
      return "";
    }
}

static char *
flags_words (LcItemFlags flags)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (flags & LC_ITEM_FLAG_TOO_HARD)
    g_ptr_array_add (parts, (gpointer) "过难");
  if (flags & LC_ITEM_FLAG_TOO_EASY)
    g_ptr_array_add (parts, (gpointer) "过易");
  if (flags & LC_ITEM_FLAG_LOW_RPB)
    g_ptr_array_add (parts, (gpointer) "区分度低");
  if (flags & LC_ITEM_FLAG_NEGATIVE_D)
    g_ptr_array_add (parts, (gpointer) "区分度为负");
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("、", (char **) parts->pdata);
}

/* Results ------------------------------------------------------------------ */

enum
{
  R_STAFF_NO,
  R_NAME,
  R_DEPARTMENT,
  R_NO,
  R_STATE,
  R_STARTED,
  R_SUBMITTED,
  R_BY,
  R_SCORE,
  R_MAX,
  R_PASSED,
  R_FOCUS,
};

static const char *const result_headers[] = { "工号",     "姓名", "部门", "第几次",   "状态",     "开始", "交卷",
                                              "交卷方式", "得分", "满分", "是否通过", "切屏次数", NULL };

static void
write_results_sheet (Sheet *sheet, GPtrArray *attempts)
{
  for (guint i = 0; i < attempts->len; i++)
    {
      const LcAttempt *a = g_ptr_array_index (attempts, i);
      g_autofree char *started = local_time (a->started_at);
      g_autofree char *submitted = local_time (a->submitted_at);
      guint row = i + 1;

      cell_text (sheet, row, R_STAFF_NO, a->staff_no, NULL);
      cell_text (sheet, row, R_NAME, a->officer_name, NULL);
      cell_text (sheet, row, R_DEPARTMENT, a->department_name, NULL);
      cell_number (sheet, row, R_NO, a->no, NULL);
      cell_text (sheet, row, R_STATE, state_word (a->state), NULL);
      cell_text (sheet, row, R_STARTED, started, NULL);
      cell_text (sheet, row, R_SUBMITTED, submitted, NULL);
      cell_text (sheet, row, R_BY, submitted_by_word (a->submitted_by), NULL);
      if (a->has_score)
        {
          cell_points (sheet, row, R_SCORE, a->score);
          cell_text (sheet, row, R_PASSED, a->passed ? "是" : "否", NULL);
        }
      cell_points (sheet, row, R_MAX, a->max_score);
      cell_number (sheet, row, R_FOCUS, a->focus_losses, NULL);
    }
  /* Staff numbers are text on purpose (leading zeros). */
  if (attempts->len > 0)
    {
      g_autofree char *range = g_strdup_printf ("A2:A%u", attempts->len + 1);
      worksheet_ignore_errors (sheet->ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range);
    }
  sheet_finish (sheet, attempts->len, TRUE);
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
summary_row (Sheet *sheet, guint *row, const char *label, double value, lxw_format *format)
{
  cell_text (sheet, *row, 0, label, NULL);
  cell_number (sheet, *row, 1, value, format);
  (*row)++;
}

static const char *const summary_headers[] = { "项目", "数值", "占比", NULL };

static void
write_summary_sheet (Sheet *sheet, const LcExam *exam, GPtrArray *attempts, const LcExamStats *stats)
{
  Book *book = sheet->book;
  g_autoptr (GArray) scores = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) officers = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) graded_officers = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) passed_officers = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint by_state[LC_ATTEMPT_GRADED + 1] = { 0 };
  guint bands[10] = { 0 };
  gint64 max_score = lc_exam_max_score (exam);
  double mean = NAN, median = NAN, sd = NAN, high = NAN, low = NAN;
  g_autofree char *reliability_label = NULL;
  guint row = 1;

  for (guint i = 0; i < attempts->len; i++)
    {
      LcAttempt *a = g_ptr_array_index (attempts, i);

      g_hash_table_add (officers, &a->officer_id);
      if ((guint) a->state <= LC_ATTEMPT_GRADED)
        by_state[a->state]++;
      if (a->state == LC_ATTEMPT_GRADED && a->has_score)
        {
          g_array_append_val (scores, a->score);
          g_hash_table_add (graded_officers, &a->officer_id);
          if (a->passed)
            g_hash_table_add (passed_officers, &a->officer_id);
          if (max_score > 0)
            bands[MIN (9, (guint) (a->score * 10 / max_score))]++;
        }
    }
  if (scores->len > 0)
    {
      double sum = 0, ss = 0;
      guint n = scores->len;

      g_array_sort (scores, compare_gint64);
      for (guint i = 0; i < n; i++)
        sum += (double) g_array_index (scores, gint64, i);
      mean = sum / n;
      for (guint i = 0; i < n; i++)
        ss += ((double) g_array_index (scores, gint64, i) - mean) * ((double) g_array_index (scores, gint64, i) - mean);
      sd = sqrt (ss / n) / 100;
      median = n % 2 ? (double) g_array_index (scores, gint64, n / 2)
                     : ((double) g_array_index (scores, gint64, n / 2 - 1) + g_array_index (scores, gint64, n / 2)) / 2;
      mean /= 100;
      median /= 100;
      low = (double) g_array_index (scores, gint64, 0) / 100;
      high = (double) g_array_index (scores, gint64, n - 1) / 100;
    }

  cell_text (sheet, row, 0, "考试", NULL);
  cell_text (sheet, row++, 1, exam->title, NULL);
  summary_row (sheet, &row, "满分", (double) max_score / 100, NULL);
  summary_row (sheet, &row, "及格分", (double) exam->pass_score / 100, NULL);
  summary_row (sheet, &row, "参考人数", g_hash_table_size (officers), NULL);
  summary_row (sheet, &row, "答卷份数", attempts->len, NULL);
  summary_row (sheet, &row, "已评分", by_state[LC_ATTEMPT_GRADED], NULL);
  summary_row (sheet, &row, "待阅卷", by_state[LC_ATTEMPT_AWAITING_GRADING] + by_state[LC_ATTEMPT_SUBMITTED], NULL);
  summary_row (sheet, &row, "作答中", by_state[LC_ATTEMPT_IN_PROGRESS], NULL);
  summary_row (sheet, &row, "通过人数", g_hash_table_size (passed_officers), NULL);
  summary_row (sheet, &row, "通过率（通过人数 / 有成绩人数）",
               g_hash_table_size (graded_officers) > 0
                   ? (double) g_hash_table_size (passed_officers) / g_hash_table_size (graded_officers)
                   : NAN,
               book->percent);
  summary_row (sheet, &row, "平均分（已评分答卷）", mean, NULL);
  summary_row (sheet, &row, "中位数", median, NULL);
  summary_row (sheet, &row, "最高分", high, NULL);
  summary_row (sheet, &row, "最低分", low, NULL);
  summary_row (sheet, &row, "标准差", sd, book->ratio);
  reliability_label =
      g_strdup_printf ("信度（%s）", stats->reliability_kind == LC_RELIABILITY_KR20 ? "KR-20" : "克隆巴赫α系数");
  summary_row (sheet, &row, reliability_label, stats->reliability, book->ratio);

  /* The distribution by bands of ten percent of the full marks. */
  row++;
  cell_text (sheet, row, 0, "分数段", book->bold);
  cell_text (sheet, row, 1, "人次", book->bold);
  cell_text (sheet, row++, 2, "占比", book->bold);
  for (guint b = 0; b < 10; b++)
    {
      g_autofree char *lower = lc_hundredths_format (max_score * b / 10);
      g_autofree char *upper = lc_hundredths_format (max_score * (b + 1) / 10);
      g_autofree char *label = g_strdup_printf (b < 9 ? "%s ≤ 得分 < %s" : "%s ≤ 得分 ≤ %s", lower, upper);

      cell_text (sheet, row, 0, label, NULL);
      cell_number (sheet, row, 1, bands[b], NULL);
      cell_number (sheet, row++, 2, scores->len > 0 ? (double) bands[b] / scores->len : NAN, book->percent);
    }
  sheet_finish (sheet, row - 1, FALSE);
}

enum
{
  I_INDEX,
  I_SECTION,
  I_UID,
  I_VERSION,
  I_TYPE,
  I_STEM,
  I_N,
  I_FACILITY,
  I_RPB,
  I_D,
  I_OPTION_A,
  I_UNANSWERED = I_OPTION_A + MAX_OPTION_COLUMNS,
  I_KEY,
  I_FLAGS,
};

static const char *const item_headers[] = {
  "序号",    "部分",    "题目编号", "版本",     "题型",    "题干",    "作答人次", "难度P",
  "区分度r", "区分度D", "选A人次",  "选B人次",  "选C人次", "选D人次", "选E人次",  "选F人次",
  "选G人次", "选H人次", "未作答",   "正确答案", "标记",    NULL,
};

static void
write_items_sheet (Sheet *sheet, const LcExamStats *stats)
{
  for (guint i = 0; i < stats->items->len; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);
      g_autoptr (GString) key = g_string_new (NULL);
      g_autofree char *flags = flags_words (item->flags);
      guint row = i + 1;

      cell_number (sheet, row, I_INDEX, row, NULL);
      cell_number (sheet, row, I_SECTION, item->section_pos, NULL);
      cell_text (sheet, row, I_UID, item->question_uid, NULL);
      cell_number (sheet, row, I_VERSION, item->version_no, NULL);
      cell_text (sheet, row, I_TYPE, lc_bank_table_type_word (item->type), NULL);
      cell_text (sheet, row, I_STEM, item->stem, sheet->book->wrap);
      cell_number (sheet, row, I_N, item->n, NULL);
      cell_number (sheet, row, I_FACILITY, item->facility, sheet->book->ratio);
      cell_number (sheet, row, I_RPB, item->rpb, sheet->book->ratio);
      cell_number (sheet, row, I_D, item->discrimination, sheet->book->ratio);
      for (guint o = 0; o < item->option_counts->len; o++)
        {
          if (o < MAX_OPTION_COLUMNS)
            cell_number (sheet, row, I_OPTION_A + o, g_array_index (item->option_counts, guint, o), NULL);
          if (g_array_index (item->correct, gboolean, o))
            {
              if (item->type == LC_QUESTION_TRUEFALSE)
                g_string_append (key, o == 0 ? "对" : "错");
              else
                g_string_append_c (key, (char) ('A' + o));
            }
        }
      cell_number (sheet, row, I_UNANSWERED, item->n_unanswered, NULL);
      cell_text (sheet, row, I_KEY, key->str, NULL);
      cell_text (sheet, row, I_FLAGS, flags, NULL);
    }
  /* The stem wraps; its width is a reading width, not its length. */
  sheet->widths[I_STEM] = MIN (sheet->widths[I_STEM], 40);
  sheet_finish (sheet, stats->items->len, TRUE);
}

gboolean
lc_report_exam_write_results (LcSession *session, gint64 exam_id, const char *path, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (LcExamStats) stats = NULL;
  g_autofree char *title = NULL;
  Book book;
  Sheet sheet;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((exam = lc_exam_get (session, exam_id, error)) == NULL
      || (attempts = lc_exam_list_attempts (session, exam_id, 0, error)) == NULL
      || (stats = lc_exam_stats_compute (session, exam_id, error)) == NULL)
    return FALSE;
  if (attempts->len >= LXW_ROW_MAX)
    {
      g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_TOO_MANY_ROWS,
                   _ ("Cannot write “%s”: %u rows are more than a worksheet holds (%u)"), path, attempts->len,
                   (guint) LXW_ROW_MAX - 1);
      return FALSE;
    }
  title = g_strdup_printf ("%s 成绩", exam->title);
  if (!book_open (&book, session, path, title, FALSE, error))
    return FALSE;
  if (!sheet_open (&sheet, &book, "成绩", result_headers, error))
    goto fail;
  write_results_sheet (&sheet, attempts);
  if (!sheet_open (&sheet, &book, "汇总", summary_headers, error))
    goto fail;
  write_summary_sheet (&sheet, exam, attempts, stats);
  if (!sheet_open (&sheet, &book, "试题分析", item_headers, error))
    goto fail;
  write_items_sheet (&sheet, stats);
  return book_close (&book, path, error);

fail:
  book_clear (&book);
  return FALSE;
}

/* Answers ------------------------------------------------------------------ */

enum
{
  A_STAFF_NO,
  A_NAME,
  A_NO,
  A_POS,
  A_UID,
  A_VERSION,
  A_TYPE,
  A_STEM,
  A_RESPONSE,
  A_KEY,
  A_AWARDED,
  A_POINTS,
};

static const char *const answer_headers[] = { "工号", "姓名", "第几次",   "第几题", "题目编号", "版本", "题型",
                                              "题干", "作答", "正确答案", "得分",   "满分",     NULL };

static const char *
option_word (const LcQuestion *q, guint index)
{
  const LcQuestionOption *option = g_ptr_array_index (q->options, index);

  if (q->type == LC_QUESTION_TRUEFALSE)
    return strcmp (option->text, "T") == 0 ? "对" : "错";
  return option->text;
}

static char *
response_text (const LcQuestion *q, const LcExamResponse *r)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (!r->answered)
    return g_strdup ("（未作答）");
  if (r->type == LC_QUESTION_FILL || r->type == LC_QUESTION_ESSAY)
    return g_strdup (r->text != NULL ? r->text : "");
  /* Options are stored at positions 0, 1, … in the order of q->options. */
  for (guint i = 0; i < q->options->len && i < 64; i++)
    if (r->chosen & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (out, "%s%s", out->len > 0 ? "；" : "", option_word (q, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
key_text (const LcQuestion *q)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (q->type == LC_QUESTION_ESSAY)
    return g_strdup (q->model_answer != NULL ? q->model_answer : "");
  for (guint i = 0; i < q->options->len; i++)
    {
      const LcQuestionOption *option = g_ptr_array_index (q->options, i);

      if (option->correct)
        g_string_append_printf (out, "%s%s", out->len > 0 ? (q->type == LC_QUESTION_FILL ? " | " : "；") : "",
                                option_word (q, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const LcAttempt *attempt;
  guint order; /* in the attempts list: staff number, then attempt */
} AttemptRef;

static int
compare_responses (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *refs = user_data;
  const LcExamResponse *x = *(LcExamResponse *const *) a;
  const LcExamResponse *y = *(LcExamResponse *const *) b;
  const AttemptRef *rx = g_hash_table_lookup (refs, &x->attempt_id);
  const AttemptRef *ry = g_hash_table_lookup (refs, &y->attempt_id);

  if (rx->order != ry->order)
    return rx->order < ry->order ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

gboolean
lc_report_exam_write_answers (LcSession *session, gint64 exam_id, const char *path, GError **error)
{
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GPtrArray) responses = NULL;
  g_autoptr (GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr (GHashTable) versions =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) lc_question_free);
  g_autofree char *title = NULL;
  Book book;
  Sheet sheet;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((exam = lc_exam_get (session, exam_id, error)) == NULL
      || (responses = lc_exam_list_responses (session, exam_id, error)) == NULL
      || (attempts = lc_exam_list_attempts (session, exam_id, 0, error)) == NULL)
    return FALSE;
  if (responses->len >= LXW_ROW_MAX)
    {
      g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_TOO_MANY_ROWS,
                   _ ("Cannot write “%s”: %u rows are more than a worksheet holds (%u)"), path, responses->len,
                   (guint) LXW_ROW_MAX - 1);
      return FALSE;
    }
  for (guint i = 0; i < attempts->len; i++)
    {
      AttemptRef *ref = g_new0 (AttemptRef, 1);

      ref->attempt = g_ptr_array_index (attempts, i);
      ref->order = i;
      g_hash_table_insert (refs, (gpointer) &ref->attempt->id, ref);
    }
  for (guint i = 0; i < responses->len; i++)
    {
      const LcExamResponse *r = g_ptr_array_index (responses, i);

      if (!g_hash_table_contains (refs, &r->attempt_id))
        {
          g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_UNKNOWN_ATTEMPT, _ ("There is no attempt with id %lld."),
                       (long long) r->attempt_id);
          return FALSE;
        }
      if (!g_hash_table_contains (versions, &r->question_version_id))
        {
          LcQuestion *q = lc_bank_get_version (session, r->question_uid, r->version_no, error);

          if (q == NULL)
            return FALSE;
          g_hash_table_insert (versions, g_memdup2 (&r->question_version_id, sizeof (gint64)), q);
        }
    }
  g_ptr_array_sort_with_data (responses, compare_responses, refs);

  title = g_strdup_printf ("%s 答题明细", exam->title);
  /* Rows go straight to a temporary file: an exam of 600 officers × 100 questions is 60,000 rows. */
  if (!book_open (&book, session, path, title, TRUE, error))
    return FALSE;
  if (!sheet_open (&sheet, &book, "答题明细", answer_headers, error))
    {
      book_clear (&book);
      return FALSE;
    }
  for (guint i = 0; i < responses->len; i++)
    {
      const LcExamResponse *r = g_ptr_array_index (responses, i);
      const AttemptRef *ref = g_hash_table_lookup (refs, &r->attempt_id);
      const LcQuestion *q = g_hash_table_lookup (versions, &r->question_version_id);
      g_autofree char *response = response_text (q, r);
      g_autofree char *key = key_text (q);
      guint row = i + 1;

      cell_text (&sheet, row, A_STAFF_NO, ref->attempt->staff_no, NULL);
      cell_text (&sheet, row, A_NAME, ref->attempt->officer_name, NULL);
      cell_number (&sheet, row, A_NO, ref->attempt->no, NULL);
      cell_number (&sheet, row, A_POS, r->pos, NULL);
      cell_text (&sheet, row, A_UID, r->question_uid, NULL);
      cell_number (&sheet, row, A_VERSION, r->version_no, NULL);
      cell_text (&sheet, row, A_TYPE, lc_bank_table_type_word (r->type), NULL);
      cell_text (&sheet, row, A_STEM, q->stem, NULL);
      cell_text (&sheet, row, A_RESPONSE, response, NULL);
      cell_text (&sheet, row, A_KEY, key, NULL);
      cell_points (&sheet, row, A_AWARDED, r->awarded);
      cell_points (&sheet, row, A_POINTS, r->points);
    }
  sheet.widths[A_STEM] = MIN (sheet.widths[A_STEM], 40);
  sheet.widths[A_RESPONSE] = MIN (sheet.widths[A_RESPONSE], 30);
  sheet.widths[A_KEY] = MIN (sheet.widths[A_KEY], 30);
  if (responses->len > 0)
    {
      g_autofree char *range = g_strdup_printf ("A2:A%u", responses->len + 1);
      worksheet_ignore_errors (sheet.ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range);
    }
  sheet_finish (&sheet, responses->len, TRUE);
  return book_close (&book, path, error);
}
