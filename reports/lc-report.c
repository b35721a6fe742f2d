/* lc-report.c: the error domain and the file and CSV helpers of the report writers. */
#define G_LOG_DOMAIN "lc-report"

#include "config.h"

#include "lc-report-private.h"
#include "lc-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

G_DEFINE_QUARK (lc_report_error_quark, lc_report_error)

void
lc_report_set_write_error (GError **error, const char *path, const char *reason)
{
  /* Translators: “Cannot write “/home/x/花名册.xlsx”: No space left on device” */
  g_set_error (error, LC_REPORT_ERROR, LC_REPORT_ERROR_WRITE, _ ("Cannot write “%s”: %s"), path, reason);
}

int
lc_report_create_temp (const char *path, char **out_temp, GError **error)
{
  g_autofree char *template = g_strconcat (path, ".XXXXXX", NULL);
  int fd;

  /* 0666 before the umask: the report gets the permissions any new file would. */
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int errsv = errno;

      lc_report_set_write_error (error, path, g_strerror (errsv));
      return -1;
    }
  *out_temp = g_steal_pointer (&template);
  return fd;
}

gboolean
lc_report_replace (const char *temp, const char *path, GError **error)
{
  if (g_rename (temp, path) != 0)
    {
      int errsv = errno;

      g_unlink (temp);
      lc_report_set_write_error (error, path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

gboolean
lc_report_write_file (const char *path, const char *data, gsize length, GError **error)
{
  g_autofree char *temp = NULL;
  int fd = lc_report_create_temp (path, &temp, error);
  gsize done = 0;
  int errsv = 0;

  if (fd < 0)
    return FALSE;
  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          errsv = errno;
          break;
        }
      done += (gsize) n;
    }
  /* A full disk may only show at fsync or close (NFS). */
  if (errsv == 0 && fsync (fd) != 0)
    errsv = errno;
  if (close (fd) != 0 && errsv == 0)
    errsv = errno;
  if (errsv != 0)
    {
      g_unlink (temp);
      lc_report_set_write_error (error, path, g_strerror (errsv));
      return FALSE;
    }
  return lc_report_replace (temp, path, error);
}

static gboolean
is_number (const char *text)
{
  const char *p = text;

  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

void
lc_report_csv_append_cell (GString *out, const char *value)
{
  gboolean guard;

  if (value == NULL || *value == '\0')
    return;

  /* Spreadsheet programs run a cell that starts with one of these as a
   * formula (CSV injection, OWASP); a leading apostrophe keeps it text.
   * Numbers such as "-5" or "+8613800000000" are left alone. */
  guard = strchr ("=+-@\t\r", value[0]) != NULL && !is_number (value);

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

guint
lc_report_display_width (const char *text, guint limit)
{
  guint width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0' && width <= limit;)
    {
      if ((guchar) *p < 0x80)
        {
          width++;
          p++;
          continue;
        }
      width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      p = g_utf8_next_char (p);
    }
  return width;
}
