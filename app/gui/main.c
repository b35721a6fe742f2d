/* main.c: starts the Lexcert application. */
#include "config.h"

#include "lc-application.h"
#include "lc-i18n.h"

int
main (int argc, char *argv[])
{
  g_autoptr (LcApplication) app = NULL;

  /* setlocale, bindtextdomain (LOCALEDIR or $LEXCERT_LOCALEDIR),
   * bind_textdomain_codeset and textdomain, shared with the CLI. */
  lc_i18n_init ();

  app = lc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
