/* lc-officer-detail.h: everything about one officer: the record, the
 * certificates (执法证) with their history, and training hours.
 *
 * Used beside the roster (personnel office) and alone as an officer's own
 * record. Buttons for changes show only when the session may make them. */
#pragma once

#include <gtk/gtk.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_OFFICER_DETAIL (lc_officer_detail_get_type ())
G_DECLARE_FINAL_TYPE (LcOfficerDetail, lc_officer_detail, LC, OFFICER_DETAIL, GtkWidget)

LcOfficerDetail *lc_officer_detail_new (void);
void lc_officer_detail_set_session (LcOfficerDetail *self, LcSession *session);
/* 0 shows the “select an officer” hint. Reads the officer again even when
 * it is the one shown. */
void lc_officer_detail_set_officer_id (LcOfficerDetail *self, gint64 officer_id);
gint64 lc_officer_detail_get_officer_id (LcOfficerDetail *self);
void lc_officer_detail_reload (LcOfficerDetail *self);

G_END_DECLS
