/* lc-i18n.c: one set-up of gettext for the CLI and the GUI. */
#include "config.h"

#include <locale.h>

#include "lc-i18n.h"

void
lc_i18n_init (void)
{
  const char *localedir = g_getenv ("LEXCERT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
