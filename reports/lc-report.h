/* lc-report.h: what every report writer of liblexcert-reports shares: its
 * error domain.
 *
 * Reports are written to a temporary file next to the destination and
 * renamed over it only when complete, so a failed export never leaves a
 * half-written spreadsheet where the user expects the old one.
 *
 *   if (!lc_report_roster_write_xlsx (rows, "花名册.xlsx", "2025-06-30", &error))
 *     g_printerr ("%s\n", error->message);
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LC_REPORT_ERROR (lc_report_error_quark ())

/**
 * LcReportError:
 * @LC_REPORT_ERROR_WRITE: the file cannot be written (the message names the path and why)
 * @LC_REPORT_ERROR_TOO_MANY_ROWS: more rows than a worksheet holds (1,048,575 below the header)
 * @LC_REPORT_ERROR_VALUE_TOO_LONG: a text is longer than a spreadsheet cell holds (32,767
 *   characters); the message names the row and column
 */
typedef enum
{
  LC_REPORT_ERROR_WRITE,
  LC_REPORT_ERROR_TOO_MANY_ROWS,
  LC_REPORT_ERROR_VALUE_TOO_LONG,
} LcReportError;

GQuark lc_report_error_quark (void);

G_END_DECLS
