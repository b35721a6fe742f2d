/* lc-people.h: departments, officers, certificates (执法证) and training records.
 *
 * Every function acts for an LcSession and checks its permission first:
 * reading needs LC_PERM_READ_ROSTER (an officer reads only themself),
 * changes need the matching manage permission. Failures are LcPeopleError,
 * LcAuthError (permission) or LcDbError (storage) with a translated message.
 *
 *   LcOfficer o = { .staff_no = "330401001", .name = "张伟", .department_id = dept };
 *   gint64 id;
 *   if (!lc_people_add_officer (session, &o, &id, &error)) …
 */
#pragma once

#include <glib.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_PEOPLE_ERROR (lc_people_error_quark ())

/**
 * LcPeopleError:
 * @LC_PEOPLE_ERROR_DUPLICATE_STAFF_NO: another officer has this staff number
 * @LC_PEOPLE_ERROR_DUPLICATE_CERT_NO: another certificate has this number
 * @LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT: another department has this code
 * @LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT: no department with that id, code or name
 * @LC_PEOPLE_ERROR_AMBIGUOUS_DEPARTMENT: several departments share that name
 * @LC_PEOPLE_ERROR_DEPARTMENT_CYCLE: the parent would make a department its own ancestor
 * @LC_PEOPLE_ERROR_DEPARTMENT_IN_USE: officers or sub-units still belong to it
 * @LC_PEOPLE_ERROR_UNKNOWN_OFFICER: no officer with that id or staff number
 * @LC_PEOPLE_ERROR_UNKNOWN_CERTIFICATE: no certificate with that id or number
 * @LC_PEOPLE_ERROR_MISSING_VALUE: a required value is empty (message names it)
 * @LC_PEOPLE_ERROR_INVALID_VALUE: a value is malformed (message names it and why)
 * @LC_PEOPLE_ERROR_INVALID_DATE: a date is not a real YYYY-MM-DD date
 * @LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE: a certificate would expire on or before its issue date
 * @LC_PEOPLE_ERROR_INVALID_HOURS: training hours not positive, or over 24 a day
 * @LC_PEOPLE_ERROR_INVALID_TRANSITION: the certificate's status does not allow this action
 * @LC_PEOPLE_ERROR_REASON_REQUIRED: suspension, revocation and cancellation need a reason
 */
typedef enum
{
  LC_PEOPLE_ERROR_DUPLICATE_STAFF_NO,
  LC_PEOPLE_ERROR_DUPLICATE_CERT_NO,
  LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT,
  LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT,
  LC_PEOPLE_ERROR_AMBIGUOUS_DEPARTMENT,
  LC_PEOPLE_ERROR_DEPARTMENT_CYCLE,
  LC_PEOPLE_ERROR_DEPARTMENT_IN_USE,
  LC_PEOPLE_ERROR_UNKNOWN_OFFICER,
  LC_PEOPLE_ERROR_UNKNOWN_CERTIFICATE,
  LC_PEOPLE_ERROR_MISSING_VALUE,
  LC_PEOPLE_ERROR_INVALID_VALUE,
  LC_PEOPLE_ERROR_INVALID_DATE,
  LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE,
  LC_PEOPLE_ERROR_INVALID_HOURS,
  LC_PEOPLE_ERROR_INVALID_TRANSITION,
  LC_PEOPLE_ERROR_REASON_REQUIRED,
} LcPeopleError;

GQuark lc_people_error_quark (void);

typedef enum
{
  LC_OFFICER_ACTIVE,    /* 在职 */
  LC_OFFICER_SUSPENDED, /* 停职 */
  LC_OFFICER_LEFT,      /* 离岗: transferred, retired or left */
} LcOfficerStatus;

/* The stored status. "Expired" is not stored: see lc_certificate_effective_status(). */
typedef enum
{
  LC_CERT_VALID,     /* 有效 */
  LC_CERT_SUSPENDED, /* 暂扣 */
  LC_CERT_REVOKED,   /* 吊销 */
  LC_CERT_CANCELLED, /* 注销 */
  LC_CERT_EXPIRED,   /* 过期: derived from expires_on, never stored */
} LcCertStatus;

typedef enum
{
  LC_CERT_ACTION_ISSUE,     /* 申领/核发 */
  LC_CERT_ACTION_REVIEW,    /* 年审 */
  LC_CERT_ACTION_SUSPEND,   /* 暂扣 */
  LC_CERT_ACTION_REINSTATE, /* 恢复 */
  LC_CERT_ACTION_REVOKE,    /* 吊销 */
  LC_CERT_ACTION_CANCEL,    /* 注销 */
  LC_CERT_ACTION_RENEW,     /* 换证 */
} LcCertAction;

typedef enum
{
  LC_TRAINING_EXTERNAL, /* recorded by the personnel office */
  LC_TRAINING_COURSE,   /* earned in a Lexcert course */
} LcTrainingSource;

/* Default validity of a certificate, in years (rules may change it later). */
#define LC_CERT_DEFAULT_VALIDITY_YEARS 5

struct _LcDepartment
{
  gint64 id;
  char *code;
  char *name;
  gint64 parent_id; /* 0 for a top-level department */
};

struct _LcOfficer
{
  gint64 id;
  char *staff_no;
  char *name;
  gint64 department_id;
  char *department_code; /* filled by reads */
  char *department_name; /* filled by reads */
  char *field;           /* enforcement field (执法领域) */
  char *post;            /* post (岗位) */
  LcOfficerStatus status;
  char *phone;
};

struct _LcCertificate
{
  gint64 id;
  gint64 officer_id;
  char *cert_no;
  char *field;
  char *issued_on;
  char *expires_on;
  char *reviewed_on; /* NULL when never reviewed */
  LcCertStatus status;
  char *status_reason;
  char *officer_name;     /* filled by reads */
  char *officer_staff_no; /* filled by reads */
};

struct _LcCertificateEvent
{
  gint64 id;
  gint64 certificate_id;
  gint64 at;
  char *on_date;
  LcCertAction action;
  char *reason;
  gint64 user_id;
  char *user_login; /* "" when the user is gone or it was the system */
};

struct _LcTrainingRecord
{
  gint64 id;
  gint64 officer_id;
  char *on_date;
  gint64 hours; /* hundredths */
  LcTrainingSource source;
  gint64 course_id;
  char *note;
  gint64 entered_by;
  char *entered_by_login; /* filled by reads */
};

/* What lc_people_list_officers() returns. All members optional. */
typedef struct
{
  const char *text;      /* matches name, staff number or phone, case-insensitive */
  gint64 department_id;  /* this department and all below it; 0 for all */
  gboolean include_left; /* officers who left are hidden unless TRUE */
} LcOfficerFilter;

void lc_department_free (LcDepartment *department);
void lc_officer_free (LcOfficer *officer);
LcOfficer *lc_officer_copy (const LcOfficer *officer);
void lc_certificate_free (LcCertificate *certificate);
void lc_certificate_event_free (LcCertificateEvent *event);
void lc_training_record_free (LcTrainingRecord *record);

const char *lc_officer_status_to_string (LcOfficerStatus status);
gboolean lc_officer_status_from_string (const char *text, LcOfficerStatus *status);
const char *lc_officer_status_display_name (LcOfficerStatus status);
const char *lc_cert_status_to_string (LcCertStatus status);
gboolean lc_cert_status_from_string (const char *text, LcCertStatus *status);
const char *lc_cert_status_display_name (LcCertStatus status);
const char *lc_cert_action_to_string (LcCertAction action);
gboolean lc_cert_action_from_string (const char *text, LcCertAction *action);
const char *lc_cert_action_display_name (LcCertAction action);
const char *lc_training_source_to_string (LcTrainingSource source);
const char *lc_training_source_display_name (LcTrainingSource source);

/* The status on @date: the stored one, or LC_CERT_EXPIRED for a valid or
 * suspended certificate whose expiry date has passed. */
LcCertStatus lc_certificate_effective_status (const LcCertificate *certificate, const char *date);

/* Departments ---------------------------------------------------------- */

/* The checks (and messages) of add/update without storing; @department->id
 * 0 means a new one. On failure *bad_field (if not NULL) names the member at
 * fault: "code", "name" or "parent"; NULL when it is not one field's
 * (permission first, as for officers). */
gboolean lc_people_validate_department (LcSession *session, const LcDepartment *department, const char **bad_field,
                                        GError **error);
gboolean lc_people_add_department (LcSession *session, const char *code, const char *name, gint64 parent_id,
                                   gint64 *out_id, GError **error);
gboolean lc_people_update_department (LcSession *session, const LcDepartment *department, GError **error);
/* Every department, parents before children, siblings by code. Element type LcDepartment. */
GPtrArray *lc_people_list_departments (LcSession *session, GError **error);
/* By code, else by name (an error when the name is not unique). */
LcDepartment *lc_people_find_department (LcSession *session, const char *code_or_name, GError **error);
/* The department's name with its parents: "市场监督管理局/执法一大队". */
char *lc_people_department_path (LcSession *session, gint64 department_id, GError **error);

/* Officers ------------------------------------------------------------- */

/* Validates without storing: the same checks (and messages) as add/update,
 * so dialogs can show them inline. @officer->id 0 means a new officer. On
 * failure *bad_field (if not NULL) names the member at fault: "staff_no",
 * "name", "department", "field", "post", "status" or "phone"; NULL when the
 * failure is not one field's (permission, storage). Sessions without
 * LC_PERM_MANAGE_ROSTER get the permission error first. */
gboolean lc_people_validate_officer (LcSession *session, const LcOfficer *officer, const char **bad_field,
                                     GError **error);
gboolean lc_people_add_officer (LcSession *session, const LcOfficer *officer, gint64 *out_id, GError **error);
gboolean lc_people_update_officer (LcSession *session, const LcOfficer *officer, GError **error);
LcOfficer *lc_people_get_officer (LcSession *session, gint64 officer_id, GError **error);
LcOfficer *lc_people_find_officer (LcSession *session, const char *staff_no, GError **error);
/* Sorted by staff number. Element type LcOfficer. */
GPtrArray *lc_people_list_officers (LcSession *session, const LcOfficerFilter *filter, GError **error);
gint64 lc_people_count_officers (LcSession *session, GError **error);

/* Certificates ------------------------------------------------------- */

/* Issues (申领) a certificate: records an "issue" event dated issued_on.
 * A NULL or empty expires_on means issued_on + LC_CERT_DEFAULT_VALIDITY_YEARS. */
gboolean lc_people_issue_certificate (LcSession *session, const LcCertificate *certificate, const char *reason,
                                      gint64 *out_id, GError **error);
LcCertificate *lc_people_get_certificate (LcSession *session, gint64 certificate_id, GError **error);
LcCertificate *lc_people_find_certificate (LcSession *session, const char *cert_no, GError **error);
/* An officer's certificates, newest first; @officer_id 0 lists everyone's
 * (by certificate number). Element type LcCertificate. */
GPtrArray *lc_people_list_certificates (LcSession *session, gint64 officer_id, GError **error);
/* Every transition but issue, dated @on_date (NULL: today), with a reason
 * (required for suspend, revoke, cancel). Renew takes @new_expiry (NULL:
 * @on_date + default validity); review sets reviewed_on. Allowed on the
 * stored status (expiry counted where it says "not expired"):
 *   review, suspend: valid and not expired;  renew: valid, expired or not;
 *   reinstate: suspended and not expired;  revoke, cancel: valid or suspended. */
gboolean lc_people_certificate_transition (LcSession *session, gint64 certificate_id, LcCertAction action,
                                           const char *on_date, const char *reason, const char *new_expiry,
                                           GError **error);
/* TRUE when lc_people_certificate_transition() accepts @action for the
 * certificate on @date (its status and expiry; permission and reason aside). */
gboolean lc_certificate_action_allowed (const LcCertificate *certificate, LcCertAction action, const char *date);
/* Oldest first. Element type LcCertificateEvent. */
GPtrArray *lc_people_list_certificate_events (LcSession *session, gint64 certificate_id, GError **error);

/* Training ----------------------------------------------------------- */

gboolean lc_people_add_training (LcSession *session, const LcTrainingRecord *record, gint64 *out_id, GError **error);
/* Newest first. Element type LcTrainingRecord. */
GPtrArray *lc_people_list_training (LcSession *session, gint64 officer_id, GError **error);
/* Hundredths of hours in calendar year @year. */
gboolean lc_people_training_hours (LcSession *session, gint64 officer_id, int year, gint64 *out_hours, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcDepartment, lc_department_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcOfficer, lc_officer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcCertificate, lc_certificate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcCertificateEvent, lc_certificate_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcTrainingRecord, lc_training_record_free)

G_END_DECLS
