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

/* Shared by lc-people.c, lc-certificates.c and lc-training.c. Each sets a
 * translated LcPeopleError naming @what. */
gboolean _lc_people_name_to_index (const char *const *names, guint n_names, const char *text, guint *index);
gboolean _lc_people_is_blank (const char *text);
gboolean _lc_people_optional_text (const char *value, const char *what, GError **error);
gboolean _lc_people_require_date (const char *value, const char *what, GError **error);
gboolean _lc_people_check_officer_exists (LcDb *db, gint64 officer_id, GError **error);
/* Staff, certificate and department numbers: not empty, no spaces, at most this long. */
#define LC_PEOPLE_MAX_CODE_CHARS 32
gboolean _lc_people_validate_code (const char *code, const char *what, GError **error);

G_END_DECLS
