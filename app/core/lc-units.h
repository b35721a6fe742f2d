/* lc-units.h: the one place where dates, hours and points change form.
 *
 * Dates are ISO "YYYY-MM-DD" strings; hours and points are integers in
 * hundredths (1.5 hours = 150).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for a real calendar date written exactly as YYYY-MM-DD. */
gboolean lc_date_is_valid (const char *text);
/* Accepts YYYY-MM-DD, YYYY/M/D, YYYY.M.D and YYYY年M月D日; returns the ISO form or NULL. */
char *lc_date_normalize (const char *text);
/* @date plus @years (29 February becomes 28 February). */
char *lc_date_add_years (const char *date, int years);
char *lc_date_add_days (const char *date, int days);
/* Days from @from to @to (negative when @to is earlier). */
int lc_date_days_between (const char *from, const char *to);
int lc_date_year (const char *date);

/* "1.5", "2", "0.25" -> 150, 200, 25. FALSE for anything else, or more than two decimals. */
gboolean lc_hundredths_parse (const char *text, gint64 *out);
/* 150 -> "1.5", 200 -> "2", 25 -> "0.25". */
char *lc_hundredths_format (gint64 value);

G_END_DECLS
