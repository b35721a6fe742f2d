/* lc-auth.h: users, passwords and sign-in.
 *
 * Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id,
 * interactive limits) and never stored or logged in clear.
 *
 *   g_autoptr(LcSession) session = lc_auth_sign_in (db, "personnel", "secret", &error);
 */
#pragma once

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_AUTH_ERROR (lc_auth_error_quark ())

/**
 * LcAuthError:
 * @LC_AUTH_ERROR_BAD_CREDENTIALS: unknown login or wrong password (never says which)
 * @LC_AUTH_ERROR_DISABLED: the account is disabled
 * @LC_AUTH_ERROR_PERMISSION_DENIED: the session may not do this
 * @LC_AUTH_ERROR_DUPLICATE_LOGIN: the login is taken
 * @LC_AUTH_ERROR_INVALID_LOGIN: the login is empty or has spaces or control characters
 * @LC_AUTH_ERROR_WEAK_PASSWORD: shorter than 8 characters
 * @LC_AUTH_ERROR_UNKNOWN_USER: no such user
 * @LC_AUTH_ERROR_UNKNOWN_OFFICER: the officer to link does not exist
 * @LC_AUTH_ERROR_OFFICER_TAKEN: the officer already has an account
 * @LC_AUTH_ERROR_ROLE_NEEDS_OFFICER: an officer account must be linked to an officer
 * @LC_AUTH_ERROR_CRYPTO: libsodium could not hash (out of memory)
 * @LC_AUTH_ERROR_NOT_FIRST: the database already has users, so no "first administrator"
 */
typedef enum
{
  LC_AUTH_ERROR_BAD_CREDENTIALS,
  LC_AUTH_ERROR_DISABLED,
  LC_AUTH_ERROR_PERMISSION_DENIED,
  LC_AUTH_ERROR_DUPLICATE_LOGIN,
  LC_AUTH_ERROR_INVALID_LOGIN,
  LC_AUTH_ERROR_WEAK_PASSWORD,
  LC_AUTH_ERROR_UNKNOWN_USER,
  LC_AUTH_ERROR_UNKNOWN_OFFICER,
  LC_AUTH_ERROR_OFFICER_TAKEN,
  LC_AUTH_ERROR_ROLE_NEEDS_OFFICER,
  LC_AUTH_ERROR_CRYPTO,
  LC_AUTH_ERROR_NOT_FIRST,
} LcAuthError;

GQuark lc_auth_error_quark (void);

#define LC_AUTH_MIN_PASSWORD_LENGTH 8

struct _LcUser
{
  gint64 id;
  char *login;
  LcRole role;
  gint64 officer_id;  /* 0 when none */
  char *officer_name; /* "" when none */
  gboolean disabled;
  gboolean must_change_password;
  gint64 created_at;
  gint64 last_login_at; /* 0 when never */
};

void lc_user_free (LcUser *user);

/* Sets *count to the number of accounts. Needs no session: a new database
 * has none, and its first administrator is made from there. */
gboolean lc_auth_count_users (LcDb *db, gint64 *count, GError **error);
/* Makes the first administrator of a database without users and signs them
 * in. Fails with LC_AUTH_ERROR_NOT_FIRST once any account exists, so it
 * cannot be used to add a second administrator past the permission check. */
LcSession *lc_auth_create_first_administrator (LcDb *db, const char *login, const char *password, GError **error);

/* Checks the password and returns the session of that user. */
LcSession *lc_auth_sign_in (LcDb *db, const char *login, const char *password, GError **error);

/* Administrator only. @officer_id may be 0 except for LC_ROLE_OFFICER. */
gboolean lc_auth_add_user (LcSession *session, const char *login, const char *password, LcRole role, gint64 officer_id,
                           gboolean must_change_password, gint64 *out_id, GError **error);
/* Administrators set anyone's password (and may force a change at next
 * sign-in); anyone else only their own, giving the old one. */
gboolean lc_auth_set_password (LcSession *session, const char *login, const char *old_password,
                               const char *new_password, gboolean must_change_password, GError **error);
gboolean lc_auth_set_disabled (LcSession *session, const char *login, gboolean disabled, GError **error);
/* Administrator only: every user, by login. Element type LcUser. */
GPtrArray *lc_auth_list_users (LcSession *session, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcUser, lc_user_free)

G_END_DECLS
