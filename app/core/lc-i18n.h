/* lc-i18n.h: gettext for every layer. Core messages are translated at the point
 * they are made, so that the CLI and the GUI can show them as they are. */
#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Follows the user's locale and binds the message catalogue: from
 * $LEXCERT_LOCALEDIR when set (`./dev run` points it at the build tree),
 * else the installed LOCALEDIR. Call first thing in main(). */
void lc_i18n_init (void);

G_END_DECLS
