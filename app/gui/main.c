/* main.c: starts the Lexcert application. */
#include "config.h"

#include <locale.h>

#include "lc-application.h"
#include "lc-i18n.h"

int
main (int argc, char *argv[])
{
  g_autoptr (LcApplication) app = NULL;
  /* `./dev run` points here at the translations built in the tree. */
  const char *localedir = g_getenv ("LEXCERT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
