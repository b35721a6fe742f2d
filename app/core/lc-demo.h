/* lc-demo.h: a realistic demo city for trying Lexcert, screenshots and tests.
 *
 * Fills an empty database with the departments, officers, certificates with
 * their history, training records, users and exams of an imaginary city (示范市):
 * last year's general law exam with the graded attempts of every active
 * officer (retakes included), an exam open now that nobody has sat, and a
 * practice exam. Exams draw from the starter bank, loaded if missing.
 * Everything goes through the core API a person would use, no SQL of its
 * own, except the past attempts, stored by a private core path that draws
 * their papers and grades them as any attempt is graded. The data
 * is a pure function of the seed and of the database's today (lc_db_today),
 * so a test with an injected clock gets the same city every time.
 *
 *   LcDemoSummary summary;
 *   g_autoptr (LcSession) session = lc_session_new_system (db);
 *   if (!lc_demo_populate (session, 1, &summary, &error)) …
 */
#pragma once

#include "lc-people.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_DEMO_ERROR (lc_demo_error_quark ())

/**
 * LcDemoError:
 * @LC_DEMO_ERROR_NOT_EMPTY: the database already holds departments or officers
 */
typedef enum
{
  LC_DEMO_ERROR_NOT_EMPTY,
} LcDemoError;

GQuark lc_demo_error_quark (void);

/* The password of every demo user. */
#define LC_DEMO_PASSWORD "lexcert-demo"

/* "Expiring soon" in the summary: valid and expiring within this many days. */
#define LC_DEMO_EXPIRING_DAYS 60

/* Training hours (hundredths) an officer needs in a full calendar year. */
#define LC_DEMO_REQUIRED_HOURS 6000

typedef struct
{
  const char *login;
  LcRole role;
} LcDemoUser;

typedef struct
{
  guint departments; /* top-level departments and their units */
  guint officers;
  guint certificates;
  /* By status effective today, indexed by LcCertStatus. */
  guint certificates_by_status[LC_CERT_EXPIRED + 1];
  guint certificates_expiring; /* valid, expiring within LC_DEMO_EXPIRING_DAYS */
  guint certificate_events;    /* issue, review, suspend, … */
  guint training_records;
  int last_full_year;
  guint officers_trained_last_year; /* with any training record in last_full_year */
  guint officers_meeting_last_year; /* with LC_DEMO_REQUIRED_HOURS or more */
  guint users;
  guint exams;                /* a past exam, an open one and a practice exam */
  guint exam_attempts;        /* graded attempts of the past exam, retakes included */
  guint exam_attempts_passed; /* of them, those that passed */
} LcDemoSummary;

/* The demo accounts, in the order they are made; @n_users gets their number.
 * Each has the password LC_DEMO_PASSWORD; "officer" is linked to an officer
 * with a valid certificate. */
const LcDemoUser *lc_demo_users (guint *n_users);

/* Fills the database of @session (which needs LC_PERM_MAINTAIN) in one
 * transaction: on any error nothing is stored. Refuses a database that
 * already has departments or officers (LC_DEMO_ERROR_NOT_EMPTY); a demo
 * login that is already taken fails with LC_AUTH_ERROR_DUPLICATE_LOGIN.
 * @summary may be NULL. Takes about half a second, most of it hashing the
 * demo passwords. */
gboolean lc_demo_populate (LcSession *session, guint64 seed, LcDemoSummary *summary, GError **error);

G_END_DECLS
