/* lc-people-private.h: the unchecked writes that lc-people and the bulk roster
 * import share. Callers have validated the officer and checked permission. */
#pragma once

#include "lc-db.h"
#include "lc-people.h"

G_BEGIN_DECLS

gboolean _lc_people_insert_officer (LcDb *db, const LcOfficer *officer, gint64 *out_id, GError **error);
gboolean _lc_people_update_officer (LcDb *db, const LcOfficer *officer, GError **error);

/* The checks that need no database: staff number, name, lengths, status.
 * *bad_field names the member that failed ("staff_no", "name", "field",
 * "post", "phone", "status"). */
gboolean _lc_people_check_officer_fields (const LcOfficer *officer, const char **bad_field, GError **error);

G_END_DECLS
