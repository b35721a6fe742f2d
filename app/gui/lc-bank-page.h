/* lc-bank-page.h: the trainer's Question bank page: categories, a
 * searchable list of questions, and the chosen question's detail. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_BANK_PAGE (lc_bank_page_get_type ())
G_DECLARE_FINAL_TYPE (LcBankPage, lc_bank_page, LC, BANK_PAGE, GtkWidget)

/* The window shows the page to those with LC_PERM_MANAGE_CONTENT. */
LcBankPage *lc_bank_page_new (LcSession *session);

G_END_DECLS
