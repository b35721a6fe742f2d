/* lc-report-roster.c: the officer roster as CSV and XLSX. */
#define G_LOG_DOMAIN "lc-report"

#include "config.h"

#include "lc-report-roster.h"
#include "lc-report-private.h"
#include "lc-i18n.h"
#include "lc-units.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <glib/gstdio.h>

enum
{
  COL_STAFF_NO,
  COL_NAME,
  COL_DEPARTMENT_CODE,
  COL_DEPARTMENT,
  COL_FIELD,
  COL_POST,
  COL_STATUS,
  COL_PHONE,
  COL_CERT_NO,
  COL_CERT_STATUS,
  COL_ISSUED_ON,
  COL_EXPIRES_ON,
  COL_REVIEWED_ON,
  N_COLUMNS
};

#define SHEET_NAME "花名册"
/* Excel's column width unit is one digit of the default font; a CJK
 * character takes about two. */
#define MIN_WIDTH 6
#define MAX_WIDTH 60

/* The file is a Chinese form whatever the locale of the person exporting
 * it, and lc-roster reads these words back, so they are not translated. */
static const char *
officer_status_word (LcOfficerStatus status)
{
  switch (status)
    {
    case LC_OFFICER_ACTIVE:
      return "在职";
    case LC_OFFICER_SUSPENDED:
      return "停职";
    case LC_OFFICER_LEFT:
      return "离岗";
    default:
      return "";
    }
}

static const char *
cert_status_word (LcCertStatus status)
{
  switch (status)
    {
    case LC_CERT_VALID:
      return "有效";
    case LC_CERT_SUSPENDED:
      return "暂扣";
    case LC_CERT_REVOKED:
      return "吊销";
    case LC_CERT_CANCELLED:
      return "注销";
    case LC_CERT_EXPIRED:
      return "过期";
    default:
      return "";
    }
}

static gboolean
headers_match (const char *const *headers)
{
  guint n = 0;

  while (headers[n] != NULL)
    n++;
  return n == N_COLUMNS;
}

static void
row_values (const LcRosterRow *row, const char *values[N_COLUMNS])
{
  const LcOfficer *officer = row->officer;
  const LcCertificate *cert = row->certificate;

  values[COL_STAFF_NO] = officer->staff_no;
  values[COL_NAME] = officer->name;
  values[COL_DEPARTMENT_CODE] = officer->department_code;
  values[COL_DEPARTMENT] = row->department_path;
  values[COL_FIELD] = officer->field;
  values[COL_POST] = officer->post;
  values[COL_STATUS] = officer_status_word (officer->status);
  values[COL_PHONE] = officer->phone;
  values[COL_CERT_NO] = cert ? cert->cert_no : NULL;
  values[COL_CERT_STATUS] = cert ? cert_status_word (row->certificate_status) : NULL;
  values[COL_ISSUED_ON] = cert ? cert->issued_on : NULL;
  values[COL_EXPIRES_ON] = cert ? cert->expires_on : NULL;
  values[COL_REVIEWED_ON] = cert ? cert->reviewed_on : NULL;
}

gboolean
lc_report_roster_write_csv (GPtrArray *rows, const char *path, GError **error)
{
  const char *const *headers = lc_roster_export_headers ();
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (headers_match (headers), FALSE);

  out = g_string_sized_new (256 + (gsize) rows->len * 160);
  /* Without the BOM, Excel reads UTF-8 CSV as the ANSI code page (GBK on
   * Chinese Windows) and shows mojibake. */
  g_string_append (out, "\xef\xbb\xbf");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      lc_report_csv_append_cell (out, headers[c]);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < rows->len; r++)
    {
      const char *values[N_COLUMNS];

      row_values (g_ptr_array_index (rows, r), values);
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

static lxw_format *
add_status_format (lxw_workbook *workbook, lxw_color_t fill, lxw_color_t font)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_pattern (format, LXW_PATTERN_SOLID);
  format_set_bg_color (format, fill);
  format_set_font_color (format, font);
  format_set_align (format, LXW_ALIGN_CENTER);
  return format;
}

gboolean
lc_report_roster_write_xlsx (GPtrArray *rows, const char *path, const char *export_date, GError **error)
{
  const char *const *headers = lc_roster_export_headers ();
  lxw_workbook_options options = {
    /* Rows go straight to a temporary file instead of memory; it needs
     * rows in order, which is how they are written. */
    .constant_memory = LXW_TRUE,
  };
  lxw_doc_properties properties = { 0 };
  g_autofree char *temp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *ignore_range = NULL;
  guint widths[N_COLUMNS];
  lxw_format *status_formats[LC_CERT_EXPIRED + 1];
  lxw_format *header_format;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_error err = LXW_NO_ERROR;
  guint failed_row = 0, failed_column = 0;
  int fd;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (lc_date_is_valid (export_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (headers_match (headers), FALSE);

  if (rows->len >= LXW_ROW_MAX)
    {
      g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_TOO_MANY_ROWS,
                   _ ("Cannot write “%s”: %u officers are more than a worksheet holds (%u)"), path, rows->len,
                   (guint) LXW_ROW_MAX - 1);
      return FALSE;
    }

  fd = lc_report_create_temp (path, &temp, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  workbook = workbook_new_opt (temp, &options);
  if (workbook == NULL)
    {
      g_unlink (temp);
      lc_report_set_write_error (error, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, SHEET_NAME);
  if (sheet == NULL)
    {
      /* In constant-memory mode this means its temporary file failed. */
      lxw_workbook_free (workbook);
      g_unlink (temp);
      lc_report_set_write_error (error, path, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
      return FALSE;
    }

  title = g_strdup_printf ("执法人员花名册 %s", export_date);
  properties.title = title;
  properties.subject = (char *) "行政执法人员花名册";
  properties.company = (char *) "Lexcert";
  properties.author = (char *) "Lexcert";
  workbook_set_properties (workbook, &properties);

  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  format_set_pattern (header_format, LXW_PATTERN_SOLID);
  format_set_bg_color (header_format, 0xD9E1F2);
  format_set_bottom (header_format, LXW_BORDER_THIN);
  format_set_align (header_format, LXW_ALIGN_CENTER);
  format_set_align (header_format, LXW_ALIGN_VERTICAL_CENTER);

  /* The fills and fonts of Excel's own Good / Bad / Neutral cell styles. */
  status_formats[LC_CERT_VALID] = add_status_format (workbook, 0xC6EFCE, 0x006100);
  status_formats[LC_CERT_SUSPENDED] = add_status_format (workbook, 0xFFDDB3, 0x9C4A00);
  status_formats[LC_CERT_REVOKED] = add_status_format (workbook, 0xFFC7CE, 0x9C0006);
  status_formats[LC_CERT_EXPIRED] = status_formats[LC_CERT_REVOKED];
  status_formats[LC_CERT_CANCELLED] = add_status_format (workbook, 0xE7E6E6, 0x595959);

  for (guint c = 0; c < N_COLUMNS && err == LXW_NO_ERROR; c++)
    {
      err = worksheet_write_string (sheet, 0, (lxw_col_t) c, headers[c], header_format);
      /* Room for the autofilter's drop-down button. */
      widths[c] = lc_report_display_width (headers[c], MAX_WIDTH) + 3;
    }

  for (guint r = 0; r < rows->len && err == LXW_NO_ERROR; r++)
    {
      const LcRosterRow *row = g_ptr_array_index (rows, r);
      const char *values[N_COLUMNS];

      row_values (row, values);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          lxw_format *format = NULL;
          guint width;

          if (values[c] == NULL || values[c][0] == '\0')
            continue;
          if (c == COL_CERT_STATUS && (guint) row->certificate_status <= LC_CERT_EXPIRED)
            format = status_formats[row->certificate_status];
          err = worksheet_write_string (sheet, r + 1, (lxw_col_t) c, values[c], format);
          if (err != LXW_NO_ERROR)
            {
              failed_row = r + 1;
              failed_column = c;
              break;
            }
          width = lc_report_display_width (values[c], MAX_WIDTH);
          if (width > widths[c])
            widths[c] = width;
        }
    }

  if (err == LXW_NO_ERROR)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, CLAMP (widths[c] + 1, MIN_WIDTH, MAX_WIDTH), NULL);
      worksheet_freeze_panes (sheet, 1, 0);
      worksheet_autofilter (sheet, 0, 0, rows->len, N_COLUMNS - 1);
      /* Staff, certificate and phone numbers are text on purpose (leading
       * zeros); Excel would flag every one of them. */
      ignore_range = g_strdup_printf ("A1:M%u", rows->len + 1);
      worksheet_ignore_errors (sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, ignore_range);

      footer = g_strdup_printf ("&L导出时间 %s&R第 &P 页 / 共 &N 页", export_date);
      worksheet_set_footer (sheet, footer);
      worksheet_set_landscape (sheet);
      worksheet_set_paper (sheet, 9 /* A4 */);
      worksheet_repeat_rows (sheet, 0, 0);
      worksheet_fit_to_pages (sheet, 1, 0);
    }
  else
    {
      g_autofree char *letter = lc_column_letter (failed_column);

      lxw_workbook_free (workbook);
      g_unlink (temp);
      if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_VALUE_TOO_LONG,
                     /* Translators: “Cannot write “花名册.xlsx”: row 12, column D (部门): …” */
                     _ ("Cannot write “%s”: row %u, column %s (%s): the text is longer than a spreadsheet cell "
                        "holds (32,767 characters)"),
                     path, failed_row + 1, letter, headers[failed_column]);
      else
        lc_report_set_write_error (error, path, lxw_strerror (err));
      return FALSE;
    }

  err = workbook_close (workbook);
  if (err != LXW_NO_ERROR)
    {
      g_unlink (temp);
      lc_report_set_write_error (error, path, lxw_strerror (err));
      return FALSE;
    }
  return lc_report_replace (temp, path, error);
}
