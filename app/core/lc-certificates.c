/* lc-certificates.c: enforcement certificates (执法证), their status changes and history. */
#define G_LOG_DOMAIN "lc-people"

#include "config.h"

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-people-private.h"
#include "lc-people.h"
#include "lc-units.h"

static const char *const cert_status_names[] = { "valid", "suspended", "revoked", "cancelled", "expired" };
static const char *const cert_action_names[] = {
  "issue", "review", "suspend", "reinstate", "revoke", "cancel", "renew"
};

void
lc_certificate_free (LcCertificate *certificate)
{
  if (certificate == NULL)
    return;
  g_free (certificate->cert_no);
  g_free (certificate->field);
  g_free (certificate->issued_on);
  g_free (certificate->expires_on);
  g_free (certificate->reviewed_on);
  g_free (certificate->status_reason);
  g_free (certificate->officer_name);
  g_free (certificate->officer_staff_no);
  g_free (certificate);
}

void
lc_certificate_event_free (LcCertificateEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->on_date);
  g_free (event->reason);
  g_free (event->user_login);
  g_free (event);
}

const char *
lc_cert_status_to_string (LcCertStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (cert_status_names), NULL);
  return cert_status_names[status];
}

gboolean
lc_cert_status_from_string (const char *text, LcCertStatus *status)
{
  guint i;

  if (!_lc_people_name_to_index (cert_status_names, G_N_ELEMENTS (cert_status_names), text, &i))
    return FALSE;
  *status = (LcCertStatus) i;
  return TRUE;
}

const char *
lc_cert_status_display_name (LcCertStatus status)
{
  switch (status)
    {
    case LC_CERT_VALID:
      /* Translators: certificate status, 有效 */
      return C_ ("certificate status", "Valid");
    case LC_CERT_SUSPENDED:
      /* Translators: certificate status, 暂扣 = suspension of an enforcement certificate */
      return C_ ("certificate status", "Suspended");
    case LC_CERT_REVOKED:
      /* Translators: certificate status, 吊销 = revocation of an enforcement certificate */
      return C_ ("certificate status", "Revoked");
    case LC_CERT_CANCELLED:
      /* Translators: certificate status, 注销 = cancellation (on transfer, retirement, leaving) */
      return C_ ("certificate status", "Cancelled");
    case LC_CERT_EXPIRED:
      /* Translators: certificate status, 过期 */
      return C_ ("certificate status", "Expired");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lc_cert_action_to_string (LcCertAction action)
{
  g_return_val_if_fail (action < G_N_ELEMENTS (cert_action_names), NULL);
  return cert_action_names[action];
}

gboolean
lc_cert_action_from_string (const char *text, LcCertAction *action)
{
  guint i;

  if (!_lc_people_name_to_index (cert_action_names, G_N_ELEMENTS (cert_action_names), text, &i))
    return FALSE;
  *action = (LcCertAction) i;
  return TRUE;
}

const char *
lc_cert_action_display_name (LcCertAction action)
{
  switch (action)
    {
    case LC_CERT_ACTION_ISSUE:
      /* Translators: certificate action, 核发 */
      return C_ ("certificate action", "Issued");
    case LC_CERT_ACTION_REVIEW:
      /* Translators: certificate action, 年审 = periodic (annual) review */
      return C_ ("certificate action", "Reviewed");
    case LC_CERT_ACTION_SUSPEND:
      /* Translators: certificate action, 暂扣 */
      return C_ ("certificate action", "Suspended");
    case LC_CERT_ACTION_REINSTATE:
      /* Translators: certificate action, 恢复 (end of a suspension) */
      return C_ ("certificate action", "Reinstated");
    case LC_CERT_ACTION_REVOKE:
      /* Translators: certificate action, 吊销 */
      return C_ ("certificate action", "Revoked");
    case LC_CERT_ACTION_CANCEL:
      /* Translators: certificate action, 注销 */
      return C_ ("certificate action", "Cancelled");
    case LC_CERT_ACTION_RENEW:
      /* Translators: certificate action, 换证 (renewal on expiry) */
      return C_ ("certificate action", "Renewed");
    default:
      g_return_val_if_reached (NULL);
    }
}

LcCertStatus
lc_certificate_effective_status (const LcCertificate *certificate, const char *date)
{
  g_return_val_if_fail (certificate != NULL, LC_CERT_VALID);
  /* A certificate is good through its expiry date and expired from the next day. */
  if ((certificate->status == LC_CERT_VALID || certificate->status == LC_CERT_SUSPENDED) && date != NULL
      && certificate->expires_on != NULL && g_strcmp0 (date, certificate->expires_on) > 0)
    return LC_CERT_EXPIRED;
  return certificate->status;
}

/* Certificates ------------------------------------------------------- */

#define CERTIFICATE_SELECT                                                                                             \
  "SELECT c.id, c.officer_id, c.cert_no, c.field, c.issued_on, c.expires_on, c.reviewed_on, c.status, "                \
  "c.status_reason, o.name, o.staff_no FROM certificate c JOIN officer o ON o.id = c.officer_id "

static LcCertificate *
read_certificate (LcStmt *stmt)
{
  LcCertificate *certificate = g_new0 (LcCertificate, 1);
  const char *status = (const char *) sqlite3_column_text (stmt, 7);

  certificate->id = lc_stmt_int (stmt, 0);
  certificate->officer_id = lc_stmt_int (stmt, 1);
  certificate->cert_no = lc_stmt_dup_text (stmt, 2);
  certificate->field = lc_stmt_dup_text (stmt, 3);
  certificate->issued_on = lc_stmt_dup_text (stmt, 4);
  certificate->expires_on = lc_stmt_dup_text (stmt, 5);
  certificate->reviewed_on = lc_stmt_dup_text_or_null (stmt, 6);
  if (!lc_cert_status_from_string (status, &certificate->status) || certificate->status == LC_CERT_EXPIRED)
    certificate->status = LC_CERT_VALID;
  certificate->status_reason = lc_stmt_dup_text (stmt, 8);
  certificate->officer_name = lc_stmt_dup_text (stmt, 9);
  certificate->officer_staff_no = lc_stmt_dup_text (stmt, 10);
  return certificate;
}

static gboolean
insert_event (LcSession *session, gint64 certificate_id, LcCertAction action, const char *on_date, const char *reason,
              GError **error)
{
  static const char *const insert_sql = "INSERT INTO certificate_event (certificate_id, at, on_date, action, "
                                        "reason, user_id) VALUES (?, ?, ?, ?, ?, ?)";
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, insert_sql, error);

  if (stmt == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, certificate_id);
  lc_stmt_bind_int (stmt, 2, lc_db_now (db));
  lc_stmt_bind_text (stmt, 3, on_date);
  lc_stmt_bind_text (stmt, 4, lc_cert_action_to_string (action));
  lc_stmt_bind_text (stmt, 5, reason ? reason : "");
  lc_stmt_bind_id (stmt, 6, lc_session_get_user_id (session));
  return lc_db_step_done (db, stmt, error);
}

gboolean
lc_people_issue_certificate (LcSession *session, const LcCertificate *certificate, const char *reason, gint64 *out_id,
                             GError **error)
{
  static const char *const insert_sql = "INSERT INTO certificate (officer_id, cert_no, field, issued_on, "
                                        "expires_on, reviewed_on, status, status_reason) "
                                        "VALUES (?, ?, ?, ?, ?, ?, 'valid', '')";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *expires_on = NULL;
  gboolean found = FALSE;
  gint64 id;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (certificate != NULL, FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CERTIFICATES, error))
    return FALSE;
  db = lc_session_get_db (session);
  if (!_lc_people_validate_code (certificate->cert_no, _ ("Certificate number"), error))
    return FALSE;
  if (!_lc_people_check_officer_exists (db, certificate->officer_id, error)
      || !_lc_people_optional_text (certificate->field, _ ("Enforcement field"), error)
      || !_lc_people_require_date (certificate->issued_on, _ ("Issue date"), error))
    return FALSE;
  if (_lc_people_is_blank (certificate->expires_on))
    expires_on = lc_date_add_years (certificate->issued_on, LC_CERT_DEFAULT_VALIDITY_YEARS);
  else if (!_lc_people_require_date (certificate->expires_on, _ ("Expiry date"), error))
    return FALSE;
  else
    expires_on = g_strdup (certificate->expires_on);
  if (g_strcmp0 (expires_on, certificate->issued_on) <= 0)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE,
                   _ ("The expiry date %s is not after the issue date %s."), expires_on, certificate->issued_on);
      return FALSE;
    }
  if (certificate->reviewed_on != NULL && !_lc_people_require_date (certificate->reviewed_on, _ ("Review date"), error))
    return FALSE;
  if (!lc_db_lookup (db, "SELECT id FROM certificate WHERE cert_no = ?", certificate->cert_no, 0, &found, NULL, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_CERT_NO,
                   _ ("Another certificate already has the number “%s”."), certificate->cert_no);
      return FALSE;
    }

  if (!lc_db_begin (db, error))
    return FALSE;
  if ((stmt = lc_db_prepare (db, insert_sql, error)) == NULL)
    goto fail;
  lc_stmt_bind_int (stmt, 1, certificate->officer_id);
  lc_stmt_bind_text (stmt, 2, certificate->cert_no);
  lc_stmt_bind_text (stmt, 3, certificate->field ? certificate->field : "");
  lc_stmt_bind_text (stmt, 4, certificate->issued_on);
  lc_stmt_bind_text (stmt, 5, expires_on);
  lc_stmt_bind_text (stmt, 6, certificate->reviewed_on);
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  id = lc_db_last_insert_id (db);
  g_clear_pointer (&stmt, lc_db_release);
  if (!insert_event (session, id, LC_CERT_ACTION_ISSUE, certificate->issued_on, reason, error)
      || !lc_db_commit (db, error))
    goto fail;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  lc_db_rollback (db);
  return FALSE;
}

static LcCertificate *
get_certificate_by (LcSession *session, const char *sql, const char *text, gint64 id, GError **error)
{
  LcDb *db = lc_session_get_db (session);
  g_autoptr (LcStmt) stmt = lc_db_prepare (db, sql, error);
  g_autoptr (LcCertificate) certificate = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    lc_stmt_bind_text (stmt, 1, text);
  else
    lc_stmt_bind_int (stmt, 1, id);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      if (text != NULL)
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_CERTIFICATE,
                     _ ("There is no certificate with the number “%s”."), text);
      else
        g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_CERTIFICATE,
                     _ ("There is no certificate with id %lld."), (long long) id);
      return NULL;
    }
  certificate = read_certificate (stmt);
  if (!lc_session_require_officer (session, certificate->officer_id, error))
    return NULL;
  return g_steal_pointer (&certificate);
}

LcCertificate *
lc_people_get_certificate (LcSession *session, gint64 certificate_id, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  return get_certificate_by (session, CERTIFICATE_SELECT "WHERE c.id = ?", NULL, certificate_id, error);
}

LcCertificate *
lc_people_find_certificate (LcSession *session, const char *cert_no, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (cert_no != NULL, NULL);
  return get_certificate_by (session, CERTIFICATE_SELECT "WHERE c.cert_no = ?", cert_no, 0, error);
}

GPtrArray *
lc_people_list_certificates (LcSession *session, gint64 officer_id, GError **error)
{
  static const char *const by_officer_sql =
      CERTIFICATE_SELECT "WHERE c.officer_id = ? ORDER BY c.issued_on DESC, c.id DESC";
  static const char *const all_sql = CERTIFICATE_SELECT "WHERE c.officer_id > ? ORDER BY c.cert_no";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (officer_id > 0 ? !lc_session_require_officer (session, officer_id, error)
                     : !lc_session_require (session, LC_PERM_READ_ROSTER, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, officer_id > 0 ? by_officer_sql : all_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, officer_id);
  return lc_db_collect (db, stmt, (LcRowReader) read_certificate, (GDestroyNotify) lc_certificate_free, error);
}

/* @stored is what the table holds, @effective adds expiry: a suspended
 * certificate past its expiry is still suspended, and renewing it must not
 * lift the suspension (暂扣) as a side effect. */
static gboolean
transition_allowed (LcCertAction action, LcCertStatus stored, LcCertStatus effective)
{
  switch (action)
    {
    case LC_CERT_ACTION_REVIEW:
    case LC_CERT_ACTION_SUSPEND:
      return effective == LC_CERT_VALID;
    case LC_CERT_ACTION_RENEW:
      return stored == LC_CERT_VALID;
    case LC_CERT_ACTION_REINSTATE:
      return effective == LC_CERT_SUSPENDED;
    case LC_CERT_ACTION_REVOKE:
    case LC_CERT_ACTION_CANCEL:
      return stored == LC_CERT_VALID || stored == LC_CERT_SUSPENDED;
    case LC_CERT_ACTION_ISSUE:
    default:
      return FALSE;
    }
}

gboolean
lc_certificate_action_allowed (const LcCertificate *certificate, LcCertAction action, const char *date)
{
  g_return_val_if_fail (certificate != NULL, FALSE);
  return transition_allowed (action, certificate->status, lc_certificate_effective_status (certificate, date));
}

gboolean
lc_people_certificate_transition (LcSession *session, gint64 certificate_id, LcCertAction action, const char *on_date,
                                  const char *reason, const char *new_expiry, GError **error)
{
  static const char *const status_sql = "UPDATE certificate SET status = ?, status_reason = ? WHERE id = ?";
  static const char *const review_sql = "UPDATE certificate SET reviewed_on = ? WHERE id = ?";
  static const char *const renew_sql = "UPDATE certificate SET expires_on = ?, status = 'valid', "
                                       "status_reason = '' WHERE id = ?";
  LcDb *db;
  g_autoptr (LcCertificate) certificate = NULL;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expiry = NULL;
  LcCertStatus effective;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_CERTIFICATES, error))
    return FALSE;
  if (action == LC_CERT_ACTION_ISSUE || action > LC_CERT_ACTION_RENEW)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_TRANSITION,
                   _ ("A certificate is created by issuing it, not by a status change."));
      return FALSE;
    }
  db = lc_session_get_db (session);
  date = _lc_people_is_blank (on_date) ? lc_db_today (db) : g_strdup (on_date);
  if (!_lc_people_require_date (date, _ ("Date"), error) || !_lc_people_optional_text (reason, _ ("Reason"), error))
    return FALSE;
  if ((certificate = lc_people_get_certificate (session, certificate_id, error)) == NULL)
    return FALSE;

  effective = lc_certificate_effective_status (certificate, date);
  if (!transition_allowed (action, certificate->status, effective))
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_TRANSITION,
                   /* Translators: “Certificate 浙执0001 is Revoked on 2026-06-15: it cannot be Suspended.” */
                   _ ("Certificate %s is %s on %s: it cannot be %s."), certificate->cert_no,
                   lc_cert_status_display_name (effective), date, lc_cert_action_display_name (action));
      return FALSE;
    }
  /* Taking a certificate away must say why (it is appealable). */
  if ((action == LC_CERT_ACTION_SUSPEND || action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL)
      && _lc_people_is_blank (reason))
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_REASON_REQUIRED,
                   _ ("A reason is required to change certificate %s to %s."), certificate->cert_no,
                   lc_cert_action_display_name (action));
      return FALSE;
    }
  if (g_strcmp0 (date, certificate->issued_on) < 0)
    {
      g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_DATE,
                   _ ("The date %s is before certificate %s was issued (%s)."), date, certificate->cert_no,
                   certificate->issued_on);
      return FALSE;
    }
  if (action == LC_CERT_ACTION_RENEW)
    {
      if (_lc_people_is_blank (new_expiry))
        expiry = lc_date_add_years (date, LC_CERT_DEFAULT_VALIDITY_YEARS);
      else if (!_lc_people_require_date (new_expiry, _ ("Expiry date"), error))
        return FALSE;
      else
        expiry = g_strdup (new_expiry);
      if (g_strcmp0 (expiry, certificate->expires_on) <= 0 || g_strcmp0 (expiry, date) <= 0)
        {
          g_set_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE,
                       _ ("The new expiry date %s must be after both %s and the current expiry %s."), expiry, date,
                       certificate->expires_on);
          return FALSE;
        }
    }

  if (!lc_db_begin (db, error))
    return FALSE;
  switch (action)
    {
    case LC_CERT_ACTION_REVIEW:
      if ((stmt = lc_db_prepare (db, review_sql, error)) == NULL)
        goto fail;
      lc_stmt_bind_text (stmt, 1, date);
      lc_stmt_bind_int (stmt, 2, certificate_id);
      break;
    case LC_CERT_ACTION_RENEW:
      if ((stmt = lc_db_prepare (db, renew_sql, error)) == NULL)
        goto fail;
      lc_stmt_bind_text (stmt, 1, expiry);
      lc_stmt_bind_int (stmt, 2, certificate_id);
      break;
    default:
      {
        static const LcCertStatus target[] = {
          [LC_CERT_ACTION_SUSPEND] = LC_CERT_SUSPENDED,
          [LC_CERT_ACTION_REINSTATE] = LC_CERT_VALID,
          [LC_CERT_ACTION_REVOKE] = LC_CERT_REVOKED,
          [LC_CERT_ACTION_CANCEL] = LC_CERT_CANCELLED,
        };
        if ((stmt = lc_db_prepare (db, status_sql, error)) == NULL)
          goto fail;
        lc_stmt_bind_text (stmt, 1, lc_cert_status_to_string (target[action]));
        lc_stmt_bind_text (stmt, 2, action == LC_CERT_ACTION_REINSTATE ? "" : reason);
        lc_stmt_bind_int (stmt, 3, certificate_id);
      }
      break;
    }
  if (!lc_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, lc_db_release);
  if (!insert_event (session, certificate_id, action, date, reason, error) || !lc_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  lc_db_rollback (db);
  return FALSE;
}

static LcCertificateEvent *
read_event (LcStmt *stmt)
{
  LcCertificateEvent *event = g_new0 (LcCertificateEvent, 1);
  const char *action = (const char *) sqlite3_column_text (stmt, 4);

  event->id = lc_stmt_int (stmt, 0);
  event->certificate_id = lc_stmt_int (stmt, 1);
  event->at = lc_stmt_int (stmt, 2);
  event->on_date = lc_stmt_dup_text (stmt, 3);
  if (!lc_cert_action_from_string (action, &event->action))
    event->action = LC_CERT_ACTION_ISSUE;
  event->reason = lc_stmt_dup_text (stmt, 5);
  event->user_id = lc_stmt_int (stmt, 6);
  event->user_login = lc_stmt_dup_text (stmt, 7);
  return event;
}

GPtrArray *
lc_people_list_certificate_events (LcSession *session, gint64 certificate_id, GError **error)
{
  static const char *const list_sql =
      "SELECT e.id, e.certificate_id, e.at, e.on_date, e.action, e.reason, coalesce(e.user_id, 0), u.login "
      "FROM certificate_event e LEFT JOIN app_user u ON u.id = e.user_id WHERE e.certificate_id = ? "
      "ORDER BY e.on_date, e.id";
  LcDb *db;
  g_autoptr (LcCertificate) certificate = NULL;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  /* Reading the certificate checks the session may see its officer. */
  if ((certificate = lc_people_get_certificate (session, certificate_id, error)) == NULL)
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, list_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, certificate_id);
  return lc_db_collect (db, stmt, (LcRowReader) read_event, (GDestroyNotify) lc_certificate_event_free, error);
}
