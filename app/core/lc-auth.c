/* lc-auth.c: users, Argon2id password hashes, sign-in. */
#define G_LOG_DOMAIN "lc-auth"

#include "config.h"

#include <sodium.h>

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"

G_DEFINE_QUARK (lc_auth_error_quark, lc_auth_error)

#define MAX_LOGIN_CHARS 64

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }
  if (!ok)
    g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_CRYPTO, _ ("The password library could not start."));
  return ok;
}

static char *
hash_password (const char *password, GError **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE)
      != 0)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_CRYPTO,
                   _ ("Not enough memory to protect the password; close other programs and try again."));
      return NULL;
    }
  return g_strdup (hash);
}

static gboolean
validate_login (const char *login, GError **error)
{
  if (login == NULL || *login == '\0')
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_INVALID_LOGIN, _ ("The login name is empty."));
      return FALSE;
    }
  if (!g_utf8_validate (login, -1, NULL) || g_utf8_strlen (login, -1) > MAX_LOGIN_CHARS)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_INVALID_LOGIN,
                   _ ("The login name “%s” is too long (at most %d characters)."), login, MAX_LOGIN_CHARS);
      return FALSE;
    }
  for (const char *p = login; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_INVALID_LOGIN,
                       _ ("The login name “%s” may not contain spaces."), login);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_password (const char *password, GError **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL)
      || g_utf8_strlen (password, -1) < LC_AUTH_MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_WEAK_PASSWORD,
                   _ ("The password must have at least %d characters."), LC_AUTH_MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  return TRUE;
}

void
lc_user_free (LcUser *user)
{
  if (user == NULL)
    return;
  g_free (user->login);
  g_free (user->officer_name);
  g_free (user);
}

static gboolean
verify_hash (const char *hash, const char *password)
{
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static const char *
dummy_hash (void)
{
  static gsize hash = 0;

  if (g_once_init_enter (&hash))
    {
      char *made = hash_password ("lexcert-no-such-user", NULL);
      g_once_init_leave (&hash, (gsize) (made != NULL ? made : g_strdup ("")));
    }
  return (const char *) hash;
}

LcSession *
lc_auth_sign_in (LcDb *db, const char *login, const char *password, GError **error)
{
  static const char *const select_sql =
      "SELECT id, pw_hash, role, officer_id, disabled, must_change_pw FROM app_user WHERE login = ?";
  static const char *const touch_sql = "UPDATE app_user SET last_login_at = ? WHERE id = ?";
  static const char *const rehash_sql = "UPDATE app_user SET pw_hash = ? WHERE id = ?";
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *role_text = NULL;
  gboolean has_row = FALSE;
  gint64 user_id, officer_id;
  gboolean disabled, must_change;
  LcRole role;

  g_return_val_if_fail (db != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;
  if (login == NULL)
    login = "";
  if (password == NULL)
    password = "";

  stmt = lc_db_prepare (db, select_sql, error);
  if (stmt == NULL)
    return NULL;
  lc_stmt_bind_text (stmt, 1, login);
  if (!lc_db_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      /* Spend the time a real check takes, so that the delay of the answer
       * does not tell which logins exist either. */
      verify_hash (dummy_hash (), password);
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS, _ ("The login name or the password is wrong."));
      return NULL;
    }
  user_id = lc_stmt_int (stmt, 0);
  hash = lc_stmt_dup_text (stmt, 1);
  role_text = lc_stmt_dup_text (stmt, 2);
  officer_id = lc_stmt_int (stmt, 3);
  disabled = lc_stmt_int (stmt, 4) != 0;
  must_change = lc_stmt_int (stmt, 5) != 0;
  g_clear_pointer (&stmt, lc_db_release);

  /* Unknown login and wrong password give the same answer, so the message
   * does not tell a guesser which logins exist. */
  if (!verify_hash (hash, password))
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS, _ ("The login name or the password is wrong."));
      return NULL;
    }
  if (disabled)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_DISABLED,
                   _ ("The account “%s” is disabled. Ask an administrator to enable it."), login);
      return NULL;
    }
  if (!lc_role_from_string (role_text, &role))
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS,
                   _ ("The account “%s” has an unknown role “%s”."), login, role_text);
      return NULL;
    }

  if (crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
      != 0)
    {
      g_autofree char *fresh = hash_password (password, NULL);
      if (fresh != NULL && (stmt = lc_db_prepare (db, rehash_sql, NULL)) != NULL)
        {
          lc_stmt_bind_text (stmt, 1, fresh);
          lc_stmt_bind_int (stmt, 2, user_id);
          lc_db_step_done (db, stmt, NULL);
          g_clear_pointer (&stmt, lc_db_release);
        }
    }
  if ((stmt = lc_db_prepare (db, touch_sql, error)) == NULL)
    return NULL;
  lc_stmt_bind_int (stmt, 1, lc_db_now (db));
  lc_stmt_bind_int (stmt, 2, user_id);
  if (!lc_db_step_done (db, stmt, error))
    return NULL;

  return lc_session_new (db, user_id, login, role, officer_id, must_change);
}

/* Everything of adding a user but the permission check. */
static gboolean
insert_user (LcDb *db, const char *login, const char *password, LcRole role, gint64 officer_id,
             gboolean must_change_password, gint64 *out_id, GError **error)
{
  static const char *const insert_sql = "INSERT INTO app_user (login, pw_hash, role, officer_id, must_change_pw, "
                                        "created_at) VALUES (?, ?, ?, ?, ?, ?)";
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  gboolean found = FALSE;

  if (!validate_login (login, error) || !validate_password (password, error))
    return FALSE;
  if (role == LC_ROLE_OFFICER && officer_id <= 0)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_ROLE_NEEDS_OFFICER,
                   _ ("An officer account must be linked to an officer of the roster."));
      return FALSE;
    }
  if (officer_id > 0)
    {
      if (!lc_db_lookup (db, "SELECT 1 FROM officer WHERE id = ?", NULL, officer_id, &found, NULL, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_UNKNOWN_OFFICER, _ ("There is no officer with id %lld."),
                       (long long) officer_id);
          return FALSE;
        }
      if (!lc_db_lookup (db, "SELECT 1 FROM app_user WHERE officer_id = ?", NULL, officer_id, &found, NULL, error))
        return FALSE;
      if (found)
        {
          g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_OFFICER_TAKEN, _ ("This officer already has an account."));
          return FALSE;
        }
    }
  if (!lc_db_lookup (db, "SELECT 1 FROM app_user WHERE login = ?", login, 0, &found, NULL, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_DUPLICATE_LOGIN, _ ("The login name “%s” is already taken."),
                   login);
      return FALSE;
    }
  if ((hash = hash_password (password, error)) == NULL)
    return FALSE;
  if ((stmt = lc_db_prepare (db, insert_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, login);
  lc_stmt_bind_text (stmt, 2, hash);
  lc_stmt_bind_text (stmt, 3, lc_role_to_string (role));
  lc_stmt_bind_id (stmt, 4, officer_id);
  lc_stmt_bind_int (stmt, 5, must_change_password ? 1 : 0);
  lc_stmt_bind_int (stmt, 6, lc_db_now (db));
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = lc_db_last_insert_id (db);
  return TRUE;
}

gboolean
lc_auth_add_user (LcSession *session, const char *login, const char *password, LcRole role, gint64 officer_id,
                  gboolean must_change_password, gint64 *out_id, GError **error)
{
  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_USERS, error))
    return FALSE;
  return insert_user (lc_session_get_db (session), login, password, role, officer_id, must_change_password, out_id,
                      error);
}

gboolean
lc_auth_count_users (LcDb *db, gint64 *count, GError **error)
{
  g_autoptr (LcStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  if ((stmt = lc_db_prepare (db, "SELECT count(*) FROM app_user", error)) == NULL
      || !lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  *count = lc_stmt_int (stmt, 0);
  return TRUE;
}

LcSession *
lc_auth_create_first_administrator (LcDb *db, const char *login, const char *password, GError **error)
{
  gint64 count = 0;
  gint64 id = 0;

  g_return_val_if_fail (db != NULL, NULL);
  /* One transaction: two PCs starting on the same new database cannot both
   * become its first administrator. */
  if (!lc_db_begin (db, error))
    return NULL;
  if (!lc_auth_count_users (db, &count, error))
    goto fail;
  if (count > 0)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_NOT_FIRST,
                   _ ("This database already has user accounts; sign in with one of them."));
      goto fail;
    }
  if (!insert_user (db, login, password, LC_ROLE_ADMINISTRATOR, 0, FALSE, &id, error) || !lc_db_commit (db, error))
    goto fail;
  return lc_session_new (db, id, login, LC_ROLE_ADMINISTRATOR, 0, FALSE);

fail:
  lc_db_rollback (db);
  return NULL;
}

gboolean
lc_auth_set_password (LcSession *session, const char *login, const char *old_password, const char *new_password,
                      gboolean must_change_password, GError **error)
{
  static const char *const select_sql = "SELECT id, pw_hash FROM app_user WHERE login = ?";
  static const char *const update_sql = "UPDATE app_user SET pw_hash = ?, must_change_pw = ? WHERE id = ?";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *hash = NULL;
  gboolean has_row = FALSE;
  gboolean own = FALSE;
  gint64 user_id;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  db = lc_session_get_db (session);
  own = lc_session_get_user_id (session) != 0 && g_strcmp0 (login, lc_session_get_login (session)) == 0;
  if (!own && !lc_session_require (session, LC_PERM_MANAGE_USERS, error))
    return FALSE;
  if (!validate_password (new_password, error))
    return FALSE;

  if ((stmt = lc_db_prepare (db, select_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, login);
  if (!lc_db_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_UNKNOWN_USER, _ ("There is no user “%s”."), login);
      return FALSE;
    }
  user_id = lc_stmt_int (stmt, 0);
  old_hash = lc_stmt_dup_text (stmt, 1);
  g_clear_pointer (&stmt, lc_db_release);

  /* A user changing their own password proves they know the old one, so a
   * PC left signed in does not hand the account over. */
  if (own && !lc_session_can (session, LC_PERM_MANAGE_USERS)
      && (old_password == NULL || !verify_hash (old_hash, old_password)))
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS, _ ("The current password is wrong."));
      return FALSE;
    }
  if (own && verify_hash (old_hash, new_password))
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_WEAK_PASSWORD,
                   _ ("The new password must differ from the current one."));
      return FALSE;
    }
  if ((hash = hash_password (new_password, error)) == NULL)
    return FALSE;
  if ((stmt = lc_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_text (stmt, 1, hash);
  lc_stmt_bind_int (stmt, 2, (!own && must_change_password) ? 1 : 0);
  lc_stmt_bind_int (stmt, 3, user_id);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (own)
    lc_session_set_must_change_password (session, FALSE);
  return TRUE;
}

gboolean
lc_auth_set_disabled (LcSession *session, const char *login, gboolean disabled, GError **error)
{
  static const char *const update_sql = "UPDATE app_user SET disabled = ? WHERE login = ?";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  if (!lc_session_require (session, LC_PERM_MANAGE_USERS, error))
    return FALSE;
  if (disabled && g_strcmp0 (login, lc_session_get_login (session)) == 0)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
                   _ ("You cannot disable the account you are signed in with."));
      return FALSE;
    }
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, update_sql, error)) == NULL)
    return FALSE;
  lc_stmt_bind_int (stmt, 1, disabled ? 1 : 0);
  lc_stmt_bind_text (stmt, 2, login);
  if (!lc_db_step_done (db, stmt, error))
    return FALSE;
  if (lc_db_changes (db) == 0)
    {
      g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_UNKNOWN_USER, _ ("There is no user “%s”."), login);
      return FALSE;
    }
  return TRUE;
}

static LcUser *
read_user (LcStmt *stmt)
{
  LcUser *user = g_new0 (LcUser, 1);
  g_autofree char *role = lc_stmt_dup_text (stmt, 2);

  user->id = lc_stmt_int (stmt, 0);
  user->login = lc_stmt_dup_text (stmt, 1);
  if (!lc_role_from_string (role, &user->role))
    user->role = LC_ROLE_OFFICER;
  user->officer_id = lc_stmt_int (stmt, 3);
  user->officer_name = lc_stmt_dup_text (stmt, 4);
  user->disabled = lc_stmt_int (stmt, 5) != 0;
  user->must_change_password = lc_stmt_int (stmt, 6) != 0;
  user->created_at = lc_stmt_int (stmt, 7);
  user->last_login_at = lc_stmt_int (stmt, 8);
  return user;
}

GPtrArray *
lc_auth_list_users (LcSession *session, GError **error)
{
  static const char *const list_sql =
      "SELECT u.id, u.login, u.role, u.officer_id, o.name, u.disabled, u.must_change_pw, u.created_at, "
      "u.last_login_at FROM app_user u LEFT JOIN officer o ON o.id = u.officer_id ORDER BY u.login";
  LcDb *db;
  g_autoptr (LcStmt) stmt = NULL;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  if (!lc_session_require (session, LC_PERM_MANAGE_USERS, error))
    return NULL;
  db = lc_session_get_db (session);
  if ((stmt = lc_db_prepare (db, list_sql, error)) == NULL)
    return NULL;
  return lc_db_collect (db, stmt, (LcRowReader) read_user, (GDestroyNotify) lc_user_free, error);
}
