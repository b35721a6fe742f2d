/* lc-units.c: dates, hours and points between text and their stored forms. */
#define G_LOG_DOMAIN "lc-units"

#include "config.h"

#include "lc-units.h"

#include <string.h>

/* Hundredths beyond this would overflow gint64 when scaled; no hour or
 * point count comes near it. */
#define MAX_WHOLE_DIGITS 15

/* Reads 1..max_digits ASCII digits at *p; advances *p. */
static gboolean
read_number (const char **p, guint min_digits, guint max_digits, guint *out)
{
  guint value = 0;
  guint n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
make_date (guint year, guint month, guint day, GDate *date)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static gboolean
parse_iso (const char *text, GDate *date)
{
  const char *p = text;
  guint y, m, d;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (!read_number (&p, 4, 4, &y) || *p++ != '-' || !read_number (&p, 2, 2, &m) || *p++ != '-'
      || !read_number (&p, 2, 2, &d) || *p != '\0')
    return FALSE;
  return make_date (y, m, d, date);
}

gboolean
lc_date_is_valid (const char *text)
{
  GDate date;

  return parse_iso (text, &date);
}

char *
lc_date_normalize (const char *text)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint y, m, d;
  GDate date;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (!read_number (&p, 4, 4, &y))
    return NULL;

  if (g_str_has_prefix (p, "年"))
    {
      p += strlen ("年");
      if (!read_number (&p, 1, 2, &m) || !g_str_has_prefix (p, "月"))
        return NULL;
      p += strlen ("月");
      if (!read_number (&p, 1, 2, &d))
        return NULL;
      /* "2024年3月5日" is the written form; spreadsheets sometimes drop the 日. */
      if (g_str_has_prefix (p, "日"))
        p += strlen ("日");
    }
  else
    {
      char sep = *p;

      if (sep != '-' && sep != '/' && sep != '.')
        return NULL;
      p++;
      if (!read_number (&p, 1, 2, &m) || *p != sep)
        return NULL;
      p++;
      if (!read_number (&p, 1, 2, &d))
        return NULL;
    }
  if (*p != '\0' || !make_date (y, m, d, &date))
    return NULL;
  return format_date (&date);
}

char *
lc_date_add_years (const char *date, int years)
{
  GDate d;

  g_return_val_if_fail (parse_iso (date, &d), NULL);

  /* GDate clamps 29 February to 28 February in a common year, so a
   * certificate issued on a leap day still expires inside February. */
  if (years >= 0)
    g_date_add_years (&d, (guint) years);
  else
    g_date_subtract_years (&d, (guint) -years);
  return format_date (&d);
}

char *
lc_date_add_days (const char *date, int days)
{
  GDate d;

  g_return_val_if_fail (parse_iso (date, &d), NULL);

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return format_date (&d);
}

int
lc_date_days_between (const char *from, const char *to)
{
  GDate a, b;

  g_return_val_if_fail (parse_iso (from, &a), 0);
  g_return_val_if_fail (parse_iso (to, &b), 0);

  return g_date_days_between (&a, &b);
}

int
lc_date_year (const char *date)
{
  GDate d;

  g_return_val_if_fail (parse_iso (date, &d), 0);

  return g_date_get_year (&d);
}

gboolean
lc_hundredths_parse (const char *text, gint64 *out)
{
  const char *p = text;
  gint64 whole = 0;
  gint64 fraction = 0;
  guint n = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      if (++n > MAX_WHOLE_DIGITS)
        return FALSE;
      whole = whole * 10 + (*p - '0');
      p++;
    }
  if (n == 0)
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (p[0]))
        return FALSE;
      fraction = (p[0] - '0') * 10;
      p++;
      if (g_ascii_isdigit (p[0]))
        {
          fraction += p[0] - '0';
          p++;
        }
    }
  if (*p != '\0')
    return FALSE;
  *out = whole * 100 + fraction;
  return TRUE;
}

char *
lc_hundredths_format (gint64 value)
{
  const char *sign = value < 0 ? "-" : "";
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  guint64 whole = magnitude / 100;
  guint cents = (guint) (magnitude % 100);

  if (cents == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, whole);
  if (cents % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", sign, whole, cents / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign, whole, cents);
}
