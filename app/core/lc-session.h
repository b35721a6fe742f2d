/* lc-session.h: who is acting, and what they may do.
 *
 * Every core operation that reads or changes people, certificates, training
 * or users takes the session of the person doing it and checks the
 * permission itself, so that hiding a button is never the only guard.
 */
#pragma once

#include <glib-object.h>

#include "lc-types.h"

G_BEGIN_DECLS

/**
 * LcRole:
 * @LC_ROLE_OFFICER: an enforcement officer (执法人员): own record only
 * @LC_ROLE_TRAINER: keeps statutes, questions, courses and exams; reads the roster
 * @LC_ROLE_PERSONNEL: the personnel office: roster, certificates, training records
 * @LC_ROLE_ADMINISTRATOR: everything, plus users, rules and maintenance
 */
typedef enum
{
  LC_ROLE_OFFICER,
  LC_ROLE_TRAINER,
  LC_ROLE_PERSONNEL,
  LC_ROLE_ADMINISTRATOR,
} LcRole;

/**
 * LcPermission:
 * @LC_PERM_READ_ROSTER: list and read every officer, certificate and training record
 * @LC_PERM_MANAGE_ROSTER: add and change departments and officers, import the roster
 * @LC_PERM_MANAGE_CERTIFICATES: issue certificates and change their status
 * @LC_PERM_RECORD_TRAINING: record training hours
 * @LC_PERM_MANAGE_USERS: add users, reset passwords, disable accounts
 * @LC_PERM_MAINTAIN: back up and check the database, load demo data
 * @LC_PERM_MANAGE_CONTENT: import and change statutes and the question bank
 *   (trainers and administrators)
 * @LC_PERM_MANAGE_EXAMS: define, publish and delete exams, preview papers and
 *   read every attempt's paper with its key (trainers and administrators)
 * @LC_PERM_GRADE: grade essay answers and override grades (trainers and administrators)
 * @LC_PERM_READ_RESULTS: read exams and every attempt's state, score and pass
 *   mark, not papers nor keys (trainers, personnel and administrators)
 */
typedef enum
{
  LC_PERM_READ_ROSTER,
  LC_PERM_MANAGE_ROSTER,
  LC_PERM_MANAGE_CERTIFICATES,
  LC_PERM_RECORD_TRAINING,
  LC_PERM_MANAGE_USERS,
  LC_PERM_MAINTAIN,
  LC_PERM_MANAGE_CONTENT,
  LC_PERM_MANAGE_EXAMS,
  LC_PERM_GRADE,
  LC_PERM_READ_RESULTS,
} LcPermission;

#define LC_PERM_LAST LC_PERM_READ_RESULTS

#define LC_TYPE_SESSION (lc_session_get_type ())
G_DECLARE_FINAL_TYPE (LcSession, lc_session, LC, SESSION, GObject)

/* "officer", "trainer", "personnel", "administrator" */
const char *lc_role_to_string (LcRole role);
gboolean lc_role_from_string (const char *text, LcRole *role);
/* The role's translated name, for people. */
const char *lc_role_display_name (LcRole role);

/* Made by lc_auth_sign_in(); the system session is for the local operator
 * of the CLI, who holds the database file and so every right anyway. */
LcSession *lc_session_new (LcDb *db, gint64 user_id, const char *login, LcRole role, gint64 officer_id,
                           gboolean must_change_password);
LcSession *lc_session_new_system (LcDb *db);

/* The same user on a new connection to the same database, for a worker
 * thread (an LcDb serves one thread at a time). */
LcSession *lc_session_open_copy (LcSession *self, GError **error);

LcDb *lc_session_get_db (LcSession *self);
gint64 lc_session_get_user_id (LcSession *self);
const char *lc_session_get_login (LcSession *self);
LcRole lc_session_get_role (LcSession *self);
/* The officer this user is, or 0. */
gint64 lc_session_get_officer_id (LcSession *self);
gboolean lc_session_get_must_change_password (LcSession *self);
void lc_session_set_must_change_password (LcSession *self, gboolean value);

gboolean lc_session_can (LcSession *self, LcPermission permission);
/* TRUE if the session may read the officer's own record: holders of
 * LC_PERM_READ_ROSTER, and an officer for themself. */
gboolean lc_session_can_read_officer (LcSession *self, gint64 officer_id);
/* Sets LC_AUTH_ERROR_PERMISSION_DENIED and returns FALSE when not allowed. */
gboolean lc_session_require (LcSession *self, LcPermission permission, GError **error);
gboolean lc_session_require_officer (LcSession *self, gint64 officer_id, GError **error);

G_END_DECLS
