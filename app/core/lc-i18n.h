/* lc-i18n.h: gettext for every layer. Core messages are translated at the point
 * they are made, so that the CLI and the GUI can show them as they are. */
#pragma once

#include <glib/gi18n-lib.h>
