/* test-auth.c: users, Argon2id hashes, sign-in, passwords, who may manage users.
 *
 * Every hash or verification costs about 0.1 s (seconds under valgrind), so
 * cases that must be refused before hashing use users inserted by
 * lc_test_session(), and only the tests about passwords hash at all. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-people.h"
#include "lc-test-util.h"

#define OK (-1)

static gint64
add_officer (const char *staff_no, const char *name)
{
  gint64 department = lc_test_query_int ("SELECT coalesce(max(id), 0) FROM department WHERE code = 'SJ01'");

  if (department == 0)
    department = lc_test_add_department ("SJ01", "执法一大队", 0);
  return lc_test_add_officer (staff_no, name, department);
}

static void
add_user (const char *login, const char *password, LcRole role, gint64 officer_id, gboolean must_change)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (lc_auth_add_user (lc_test.system, login, password, role, officer_id, must_change, NULL, &error),
                 "%s: %s", login, error ? error->message : "");
}

static LcUser *
find_user (const char *login)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = lc_auth_list_users (lc_test.system, &error);

  lc_test_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      LcUser *user = g_ptr_array_index (users, i);
      if (strcmp (user->login, login) == 0)
        {
          LcUser *copy = g_new0 (LcUser, 1);
          *copy = *user;
          copy->login = g_strdup (user->login);
          copy->officer_name = g_strdup (user->officer_name);
          return copy;
        }
    }
  ck_abort_msg ("no user %s", login);
  return NULL;
}

/* Adding and signing in -------------------------------------------------- */

/* _i is the role. */
START_TEST (test_add_and_sign_in)
{
  static const char *const password = "Zhifa#2026";
  LcRole role = (LcRole) _i;
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autoptr (LcUser) before = NULL;
  g_autoptr (LcUser) after = NULL;
  g_autofree char *hash = NULL;
  gint64 officer = role == LC_ROLE_OFFICER ? add_officer ("330401001", "张伟") : 0;
  gint64 id = 0;

  ck_assert_msg (lc_auth_add_user (lc_test.system, "zhangwei", password, role, officer, FALSE, &id, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_gt (id, 0);

  hash = lc_test_query_text ("SELECT pw_hash FROM app_user WHERE login = 'zhangwei'");
  ck_assert_msg (g_str_has_prefix (hash, "$argon2id$"), "%s", hash);
  ck_assert_ptr_null (strstr (hash, password));
  ck_assert_ptr_null (strstr (hash, "Zhifa"));

  before = find_user ("zhangwei");
  ck_assert_int_eq (before->id, id);
  ck_assert_int_eq (before->role, role);
  ck_assert_int_eq (before->officer_id, officer);
  ck_assert_str_eq (before->officer_name, role == LC_ROLE_OFFICER ? "张伟" : "");
  ck_assert (!before->disabled);
  ck_assert (!before->must_change_password);
  ck_assert_int_eq (before->created_at, LC_TEST_NOW);
  ck_assert_int_eq (before->last_login_at, 0);

  lc_test_set_now (LC_TEST_NOW + 60);
  session = lc_auth_sign_in (lc_test.db, "zhangwei", password, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (lc_session_get_user_id (session), id);
  ck_assert_str_eq (lc_session_get_login (session), "zhangwei");
  ck_assert_int_eq (lc_session_get_role (session), role);
  ck_assert_int_eq (lc_session_get_officer_id (session), officer);
  ck_assert (!lc_session_get_must_change_password (session));
  ck_assert_ptr_eq (lc_session_get_db (session), lc_test.db);

  after = find_user ("zhangwei");
  ck_assert_int_eq (after->last_login_at, LC_TEST_NOW + 60);
}
END_TEST

START_TEST (test_bad_credentials)
{
  g_autoptr (GError) wrong_password = NULL;
  g_autoptr (GError) unknown_login = NULL;
  g_autoptr (GError) empty = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_user ("lina", "Lina-2026-pw", LC_ROLE_PERSONNEL, 0, FALSE);
  before = lc_test_snapshot ();

  session = lc_auth_sign_in (lc_test.db, "lina", "Lina-2026-PW", &wrong_password);
  ck_assert_ptr_null (session);
  session = lc_auth_sign_in (lc_test.db, "linna", "Lina-2026-pw", &unknown_login);
  ck_assert_ptr_null (session);
  session = lc_auth_sign_in (lc_test.db, NULL, NULL, &empty);
  ck_assert_ptr_null (session);
  after = lc_test_snapshot ();

  lc_test_assert_error (wrong_password, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  lc_test_assert_error (unknown_login, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  lc_test_assert_error (empty, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  /* The same words, so a guesser learns nothing about which logins exist. */
  ck_assert_str_eq (wrong_password->message, unknown_login->message);
  ck_assert_str_eq (empty->message, unknown_login->message);
  ck_assert_ptr_null (strstr (unknown_login->message, "linna"));
  /* A failed attempt is no sign-in. */
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_disabled)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autoptr (LcUser) user = NULL;

  add_user ("lina", "Lina-2026-pw", LC_ROLE_PERSONNEL, 0, FALSE);
  ck_assert (lc_auth_set_disabled (lc_test.system, "lina", TRUE, &error));
  lc_test_assert_no_error (error);
  user = find_user ("lina");
  ck_assert (user->disabled);

  session = lc_auth_sign_in (lc_test.db, "lina", "Lina-2026-pw", &error);
  ck_assert_ptr_null (session);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_DISABLED);
  ck_assert_msg (strstr (error->message, "lina") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Only the right password learns that the account is disabled. */
  session = lc_auth_sign_in (lc_test.db, "lina", "wrong-password", &error);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  g_clear_error (&error);

  ck_assert (lc_auth_set_disabled (lc_test.system, "lina", FALSE, &error));
  session = lc_auth_sign_in (lc_test.db, "lina", "Lina-2026-pw", &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
}
END_TEST

/* Refusals that come before any hashing. The existing users: "trainer-1"
 * (made first), and "officer-2" linked to the officer 330401001. */
typedef enum
{
  BY_SYSTEM,
  BY_PERSONNEL,
  BY_TRAINER,
  BY_OFFICER,
  BY_ADMINISTRATOR,
} Actor;

static const struct
{
  const char *label;
  Actor actor;
  const char *login;
  const char *password;
  LcRole role;
  int officer; /* 0 none, 1 the linked officer 330401001, 2 a free officer, 3 a missing one */
  int expected;
} add_cases[] = {
  { "personnel adds a user", BY_PERSONNEL, "newuser", "Good-pass-1", LC_ROLE_TRAINER, 0,
    LC_AUTH_ERROR_PERMISSION_DENIED },
  { "trainer adds a user", BY_TRAINER, "newuser", "Good-pass-1", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_PERMISSION_DENIED },
  { "officer adds a user", BY_OFFICER, "newuser", "Good-pass-1", LC_ROLE_OFFICER, 2, LC_AUTH_ERROR_PERMISSION_DENIED },
  { "password of 7", BY_SYSTEM, "newuser", "Short-7", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_WEAK_PASSWORD },
  { "password of 7 Chinese characters", BY_SYSTEM, "newuser", "执法资格证密码", LC_ROLE_TRAINER, 0,
    LC_AUTH_ERROR_WEAK_PASSWORD },
  { "empty password", BY_SYSTEM, "newuser", "", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_WEAK_PASSWORD },
  { "no password", BY_SYSTEM, "newuser", NULL, LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_WEAK_PASSWORD },
  { "empty login", BY_SYSTEM, "", "Good-pass-1", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_INVALID_LOGIN },
  { "no login", BY_SYSTEM, NULL, "Good-pass-1", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_INVALID_LOGIN },
  { "space in login", BY_SYSTEM, "zhang wei", "Good-pass-1", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_INVALID_LOGIN },
  { "ideographic space in login", BY_SYSTEM, "张\u3000伟", "Good-pass-1", LC_ROLE_TRAINER, 0,
    LC_AUTH_ERROR_INVALID_LOGIN },
  { "control character in login", BY_SYSTEM, "zhang\x01wei", "Good-pass-1", LC_ROLE_TRAINER, 0,
    LC_AUTH_ERROR_INVALID_LOGIN },
  { "login too long", BY_SYSTEM, "×65:a", "Good-pass-1", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_INVALID_LOGIN },
  { "duplicate login", BY_SYSTEM, "trainer-1", "Good-pass-1", LC_ROLE_TRAINER, 0, LC_AUTH_ERROR_DUPLICATE_LOGIN },
  { "officer role without officer", BY_SYSTEM, "newuser", "Good-pass-1", LC_ROLE_OFFICER, 0,
    LC_AUTH_ERROR_ROLE_NEEDS_OFFICER },
  { "missing officer", BY_SYSTEM, "newuser", "Good-pass-1", LC_ROLE_OFFICER, 3, LC_AUTH_ERROR_UNKNOWN_OFFICER },
  { "officer linked twice", BY_SYSTEM, "newuser", "Good-pass-1", LC_ROLE_OFFICER, 1, LC_AUTH_ERROR_OFFICER_TAKEN },
  { "officer linked twice as trainer", BY_SYSTEM, "newuser", "Good-pass-1", LC_ROLE_TRAINER, 1,
    LC_AUTH_ERROR_OFFICER_TAKEN },
};

static char *
expand (const char *spec)
{
  g_autoptr (GString) out = NULL;
  char *end = NULL;
  guint64 count;

  if (spec == NULL || !g_str_has_prefix (spec, "×"))
    return g_strdup (spec);
  count = g_ascii_strtoull (spec + strlen ("×"), &end, 10);
  out = g_string_new (NULL);
  for (guint64 i = 0; i < count; i++)
    g_string_append (out, end + 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

START_TEST (test_add_user_refused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  gint64 linked = add_officer ("330401001", "张伟");
  gint64 free_officer = add_officer ("330401002", "李娜");
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, linked);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcSession) admin = lc_test_session (LC_ROLE_ADMINISTRATOR, 0);
  LcSession *actors[] = { lc_test.system, personnel, trainer, officer, admin };
  gint64 officers[] = { 0, linked, free_officer, 999 };
  g_autofree char *login = expand (add_cases[_i].login);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  ck_assert_str_eq (lc_session_get_login (trainer), "trainer-1");
  before = lc_test_snapshot ();
  ok = lc_auth_add_user (actors[add_cases[_i].actor], login, add_cases[_i].password, add_cases[_i].role,
                         officers[add_cases[_i].officer], FALSE, NULL, &error);
  after = lc_test_snapshot ();
  ck_assert_msg (!ok, "%s was accepted", add_cases[_i].label);
  lc_test_assert_error (error, LC_AUTH_ERROR, add_cases[_i].expected);
  ck_assert_str_eq (after, before);
}
END_TEST

/* Passwords --------------------------------------------------------------- */

START_TEST (test_set_own_password)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autoptr (LcSession) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_user ("lina", "Old-password-1", LC_ROLE_PERSONNEL, 0, FALSE);
  session = lc_auth_sign_in (lc_test.db, "lina", "Old-password-1", &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  before = lc_test_snapshot ();

  ck_assert (!lc_auth_set_password (session, "lina", "Wrong-password", "New-password-2", FALSE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  g_clear_error (&error);
  ck_assert (!lc_auth_set_password (session, "lina", NULL, "New-password-2", FALSE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  g_clear_error (&error);
  ck_assert (!lc_auth_set_password (session, "lina", "Old-password-1", "short", FALSE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert (!lc_auth_set_password (session, "lina", "Old-password-1", "Old-password-1", FALSE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  after = lc_test_snapshot ();
  ck_assert_str_eq (after, before);

  ck_assert_msg (lc_auth_set_password (session, "lina", "Old-password-1", "New-password-2", FALSE, &error), "%s",
                 error ? error->message : "");
  again = lc_auth_sign_in (lc_test.db, "lina", "Old-password-1", &error);
  ck_assert_ptr_null (again);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_BAD_CREDENTIALS);
  g_clear_error (&error);
  again = lc_auth_sign_in (lc_test.db, "lina", "New-password-2", &error);
  ck_assert_msg (again != NULL, "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_admin_reset_must_change)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autoptr (LcSession) later = NULL;
  g_autoptr (LcUser) user = NULL;

  add_user ("lina", "First-password-1", LC_ROLE_TRAINER, 0, FALSE);
  /* An administrator needs no old password, and may force a change. */
  ck_assert_msg (lc_auth_set_password (lc_test.system, "lina", NULL, "Reset-pass-1", TRUE, &error), "%s",
                 error ? error->message : "");
  user = find_user ("lina");
  ck_assert (user->must_change_password);

  session = lc_auth_sign_in (lc_test.db, "lina", "Reset-pass-1", &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  ck_assert (lc_session_get_must_change_password (session));

  /* Changing it oneself clears the flag, whatever is asked. */
  ck_assert_msg (lc_auth_set_password (session, "lina", "Reset-pass-1", "My-own-pass-22", TRUE, &error), "%s",
                 error ? error->message : "");
  ck_assert (!lc_session_get_must_change_password (session));
  g_clear_pointer (&user, lc_user_free);
  user = find_user ("lina");
  ck_assert (!user->must_change_password);

  later = lc_auth_sign_in (lc_test.db, "lina", "My-own-pass-22", &error);
  ck_assert_msg (later != NULL, "%s", error ? error->message : "");
  ck_assert (!lc_session_get_must_change_password (later));
}
END_TEST

START_TEST (test_added_with_must_change)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = NULL;

  add_user ("lina", "Initial-pass-1", LC_ROLE_PERSONNEL, 0, TRUE);
  session = lc_auth_sign_in (lc_test.db, "lina", "Initial-pass-1", &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  ck_assert (lc_session_get_must_change_password (session));
}
END_TEST

/* Managing users --------------------------------------------------------- */

START_TEST (test_manage_users_admin_only)
{
  g_autoptr (GError) error = NULL;
  gint64 linked = add_officer ("330401001", "张伟");
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, linked);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  LcSession *refused[] = { officer, trainer, personnel };
  g_autofree char *before = lc_test_snapshot ();

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GPtrArray) users = lc_auth_list_users (refused[i], &error);
      const char *victim = lc_session_get_login (refused[(i + 1) % G_N_ELEMENTS (refused)]);
      g_autofree char *after = NULL;

      ck_assert_ptr_null (users);
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      ck_assert (!lc_auth_set_password (refused[i], victim, NULL, "Taken-over-1", FALSE, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      ck_assert (!lc_auth_set_disabled (refused[i], victim, TRUE, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      after = lc_test_snapshot ();
      ck_assert_str_eq (after, before);
    }
}
END_TEST

START_TEST (test_list_users)
{
  g_autoptr (GError) error = NULL;
  gint64 linked = add_officer ("330401001", "张伟");
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcSession) officer = lc_test_session (LC_ROLE_OFFICER, linked);
  g_autoptr (LcSession) admin = lc_test_session (LC_ROLE_ADMINISTRATOR, 0);
  g_autoptr (GPtrArray) users = lc_auth_list_users (admin, &error);
  LcUser *user;

  lc_test_assert_no_error (error);
  ck_assert_uint_eq (users->len, 3);
  /* By login. */
  ck_assert_str_eq (((LcUser *) g_ptr_array_index (users, 0))->login, "administrator-3");
  ck_assert_str_eq (((LcUser *) g_ptr_array_index (users, 1))->login, "officer-2");
  ck_assert_str_eq (((LcUser *) g_ptr_array_index (users, 2))->login, "personnel-1");
  user = g_ptr_array_index (users, 1);
  ck_assert_int_eq (user->role, LC_ROLE_OFFICER);
  ck_assert_int_eq (user->officer_id, linked);
  ck_assert_str_eq (user->officer_name, "张伟");
  ck_assert_int_eq (((LcUser *) g_ptr_array_index (users, 2))->role, LC_ROLE_PERSONNEL);
}
END_TEST

START_TEST (test_disable_rules)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) admin = lc_test_session (LC_ROLE_ADMINISTRATOR, 0);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);

  /* Locking oneself out leaves nobody to undo it. */
  ck_assert (!lc_auth_set_disabled (admin, lc_session_get_login (admin), TRUE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  ck_assert (!lc_auth_set_disabled (admin, "nobody", TRUE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_UNKNOWN_USER);
  g_clear_error (&error);
  ck_assert (!lc_auth_set_password (admin, "nobody", NULL, "Reset-pass-1", TRUE, &error));
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_UNKNOWN_USER);
  g_clear_error (&error);

  ck_assert (lc_auth_set_disabled (admin, lc_session_get_login (trainer), TRUE, &error));
  ck_assert_int_eq (lc_test_query_int ("SELECT disabled FROM app_user WHERE login = 'trainer-2'"), 1);
}
END_TEST

START_TEST (test_first_administrator)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) first = NULL;
  g_autoptr (LcSession) second = NULL;
  g_autoptr (LcSession) signed_in = NULL;
  gint64 count = -1;

  /* The fixture's sessions insert their users; this test needs none. */
  ck_assert (lc_auth_count_users (lc_test.db, &count, &error));
  lc_test_assert_no_error (error);
  ck_assert_int_eq (count, 0);

  first = lc_auth_create_first_administrator (lc_test.db, "chief", "first-password", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_session_get_role (first), LC_ROLE_ADMINISTRATOR);
  ck_assert_str_eq (lc_session_get_login (first), "chief");
  ck_assert (lc_auth_count_users (lc_test.db, &count, NULL));
  ck_assert_int_eq (count, 1);

  /* Only while there is nobody: never a way round lc_auth_add_user(). */
  second = lc_auth_create_first_administrator (lc_test.db, "intruder", "second-password", &error);
  ck_assert_ptr_null (second);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_NOT_FIRST);
  g_clear_error (&error);
  ck_assert (lc_auth_count_users (lc_test.db, &count, NULL));
  ck_assert_int_eq (count, 1);

  signed_in = lc_auth_sign_in (lc_test.db, "chief", "first-password", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (lc_session_get_role (signed_in), LC_ROLE_ADMINISTRATOR);
}
END_TEST

START_TEST (test_first_administrator_validated)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = lc_auth_create_first_administrator (lc_test.db, "chief", "short", &error);
  gint64 count = -1;

  ck_assert_ptr_null (session);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_WEAK_PASSWORD);
  ck_assert (lc_auth_count_users (lc_test.db, &count, NULL));
  ck_assert_int_eq (count, 0);
}
END_TEST

START_TEST (test_session_open_copy)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcSession) copy = lc_session_open_copy (personnel, &error);
  gint64 dept = lc_test_add_department ("SJ01", "执法一大队", 0);

  lc_test_assert_no_error (error);
  ck_assert_ptr_ne (lc_session_get_db (copy), lc_session_get_db (personnel));
  ck_assert_int_eq (lc_session_get_user_id (copy), lc_session_get_user_id (personnel));
  ck_assert_int_eq (lc_session_get_role (copy), LC_ROLE_PERSONNEL);
  /* The same file, and the same injected clock. */
  lc_test_add_officer ("330401001", "张伟", dept);
  ck_assert_int_eq (lc_people_count_officers (copy, NULL), 1);
  ck_assert_int_eq (lc_db_now (lc_session_get_db (copy)), lc_test.now);
}
END_TEST

static Suite *
auth_suite (void)
{
  Suite *s = suite_create ("auth");
  TCase *tc;

  tc = tcase_create ("sign-in");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  /* Argon2id: a few hashes a test, generous under load. */
  tcase_set_timeout (tc, 30);
  tcase_add_loop_test (tc, test_add_and_sign_in, LC_ROLE_OFFICER, LC_ROLE_ADMINISTRATOR + 1);
  tcase_add_test (tc, test_bad_credentials);
  tcase_add_test (tc, test_disabled);
  suite_add_tcase (s, tc);

  tc = tcase_create ("add-user");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_loop_test (tc, test_add_user_refused, 0, G_N_ELEMENTS (add_cases));
  suite_add_tcase (s, tc);

  tc = tcase_create ("passwords");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_set_own_password);
  tcase_add_test (tc, test_admin_reset_must_change);
  tcase_add_test (tc, test_added_with_must_change);
  suite_add_tcase (s, tc);

  tc = tcase_create ("first-run");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_first_administrator);
  tcase_add_test (tc, test_first_administrator_validated);
  tcase_add_test (tc, test_session_open_copy);
  suite_add_tcase (s, tc);

  tc = tcase_create ("users");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_manage_users_admin_only);
  tcase_add_test (tc, test_list_users);
  tcase_add_test (tc, test_disable_rules);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return lc_test_run (auth_suite ());
}
