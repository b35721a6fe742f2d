/* lc-test-util.h: the fixture every database test shares.
 *
 * Each test gets a fresh database in its own g_dir_make_tmp() folder, a
 * clock fixed at LC_TEST_NOW that the test may move, and cheap sessions of
 * every role (their users are inserted directly, without an Argon2id hash,
 * so that only the auth suite pays for hashing).
 *
 *   tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
 *   …
 *   g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
 *   gint64 dept = lc_test_add_department ("D01", "执法一大队", 0);
 */
#pragma once

#include <check.h>

#include "lc-db.h"
#include "lc-session.h"

G_BEGIN_DECLS

/* 2026-06-15 12:00:00 UTC: noon, so the local date is the same in every
 * time zone from UTC-11 to UTC+11. */
#define LC_TEST_NOW ((gint64) 1781524800)
#define LC_TEST_TODAY "2026-06-15"

typedef struct
{
  char *dir;           /* the test's own temporary folder */
  char *path;          /* <dir>/lexcert.db */
  LcDb *db;            /* open, migrated, clock injected */
  LcSession *system;   /* the CLI's system session (administrator) */
  gint64 now;          /* what the injected clock returns */
  guint sessions_made; /* numbers the logins of lc_test_session() */
} LcTestFixture;

extern LcTestFixture lc_test;

void lc_test_setup (void);
void lc_test_teardown (void);

/* Only the folder, no database (for tests of lc_db_open itself). */
void lc_test_setup_dir (void);
void lc_test_teardown_dir (void);

/* The injectable clock: returns *(gint64 *) user_data. */
gint64 lc_test_clock (gpointer user_data);
void lc_test_set_now (gint64 now);

/* A session of @role acting as a stored user "<role>-<n>" (officer sessions
 * need @officer_id). The user row has no usable password. */
LcSession *lc_test_session (LcRole role, gint64 officer_id);

/* Adds with the system session and asserts success; returns the id. */
gint64 lc_test_add_department (const char *code, const char *name, gint64 parent_id);
gint64 lc_test_add_officer (const char *staff_no, const char *name, gint64 department_id);

/* <dir>/<name>, written with @length bytes of @data (-1: strlen). Free the result. */
char *lc_test_write_file (const char *name, const char *data, gssize length);

/* Raw SQLite on a second connection to the test database: the first
 * column of the first row as an integer, or every row of a query as text
 * (cells joined by "|", rows by "\n"), to compare a database before and after. */
gint64 lc_test_query_int (const char *sql);
char *lc_test_query_text (const char *sql);
/* Every row of every people and user table: equal snapshots mean nothing was stored. */
char *lc_test_snapshot (void);

/* Fails the test with the error's message when @error is set. */
#define lc_test_assert_no_error(err) ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")
#define lc_test_assert_error(err, dom, num)                                                                            \
  ck_assert_msg ((err) != NULL && (err)->domain == (dom) && (err)->code == (num),                                      \
                 "expected error %s %d, got %s %d: %s", g_quark_to_string (dom), (int) (num),                          \
                 (err) ? g_quark_to_string ((err)->domain) : "(none)", (err) ? (err)->code : -1,                       \
                 (err) ? (err)->message : "")

/* The suite's main: runs @suite, CK_FORK and CK_VERBOSITY from the environment. */
int lc_test_run (Suite *suite);

G_END_DECLS
