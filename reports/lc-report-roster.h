/* lc-report-roster.h: the officer roster (花名册) as CSV and XLSX.
 *
 * Both files have the columns of lc_roster_export_headers(), in Chinese
 * whatever the locale (the file is a form, and lc-roster imports it back):
 * 工号 姓名 部门编码 部门 执法领域 岗位 状态 电话 执法证号 证件状态 发证日期
 * 有效期至 年审日期. Certificate cells are empty for an officer without one.
 *
 *   g_autoptr (GPtrArray) rows = lc_roster_rows (session, &filter, &error);
 *   if (rows == NULL
 *       || !lc_report_roster_write_xlsx (rows, "花名册.xlsx", "2025-06-30", &error))
 *     …
 */
#pragma once

#include <glib.h>

#include "lc-report.h"
#include "lc-roster.h"

G_BEGIN_DECLS

/**
 * lc_report_roster_write_csv:
 * @rows: (element-type LcRosterRow): the officers, in the order to write
 * @path: the file to create or replace
 * @error: an #LcReportError
 *
 * Writes UTF-8 with a byte order mark (so that Excel recognises the
 * encoding), CRLF line ends and RFC 4180 quoting. A text cell starting with
 * = + - @ gets a leading apostrophe so that no spreadsheet runs it as a
 * formula.
 *
 * Returns: TRUE when @path holds the complete file.
 */
gboolean lc_report_roster_write_csv (GPtrArray *rows, const char *path, GError **error);

/**
 * lc_report_roster_write_xlsx:
 * @rows: (element-type LcRosterRow): the officers, in the order to write
 * @path: the file to create or replace
 * @export_date: YYYY-MM-DD, shown in the page footer and the document title
 * @error: an #LcReportError
 *
 * Writes one worksheet "花名册": a bold, shaded, frozen header row with an
 * autofilter over the data, every value as text (dates as YYYY-MM-DD, so
 * staff numbers keep their leading zeros), the certificate status coloured
 * (有效 green, 暂扣 orange, 吊销 and 过期 red, 注销 grey), and a footer with
 * the export date and page numbers for printing.
 *
 * Returns: TRUE when @path holds the complete file.
 */
gboolean lc_report_roster_write_xlsx (GPtrArray *rows, const char *path, const char *export_date, GError **error);

G_END_DECLS
