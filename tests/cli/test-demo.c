/* test-demo.c: the demo city (lc-demo) on a fixed clock: its shares, its
 * determinism, and that it is all or nothing. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-demo.h"
#include "lc-exam-stats.h"
#include "lc-exam.h"
#include "lc-people.h"
#include "lc-units.h"

/* 2025-06-30 12:00 UTC; the tests run with TZ=UTC. */
#define FIXED_NOW G_GINT64_CONSTANT (1751284800)
#define FIXED_TODAY "2025-06-30"

#define assert_error(error, domain, code)                                                                              \
  ck_assert_msg ((error) != NULL && g_error_matches ((error), (domain), (code)), "expected error %d, got: %s", (code), \
                 (error) ? (error)->message : "none")

static gint64
fixed_clock (gpointer user_data)
{
  return FIXED_NOW;
}

static LcDb *
open_db (void)
{
  g_autoptr (GError) error = NULL;
  LcDb *db = lc_db_open (":memory:", &error);

  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  lc_db_set_clock (db, fixed_clock, NULL);
  return db;
}

static LcDb *
populated (guint64 seed, LcDemoSummary *summary)
{
  g_autoptr (GError) error = NULL;
  LcDb *db = open_db ();
  g_autoptr (LcSession) session = lc_session_new_system (db);

  ck_assert_msg (lc_demo_populate (session, seed, summary, &error), "%s", error ? error->message : "");
  return db;
}

/* Everything a person would see, as text, to compare two cities. */
static char *
dump (LcDb *db)
{
  g_autoptr (LcSession) session = lc_session_new_system (db);
  static const LcOfficerFilter everyone = { .include_left = TRUE };
  g_autoptr (GPtrArray) officers = lc_people_list_officers (session, &everyone, NULL);
  g_autoptr (GPtrArray) certificates = lc_people_list_certificates (session, 0, NULL);
  GString *out = g_string_new (NULL);

  ck_assert (officers != NULL && certificates != NULL);
  for (guint i = 0; i < officers->len; i++)
    {
      LcOfficer *o = g_ptr_array_index (officers, i);
      g_autoptr (GPtrArray) training = lc_people_list_training (session, o->id, NULL);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s\n", o->staff_no, o->name, o->department_code, o->field,
                              o->post, lc_officer_status_to_string (o->status), o->phone);
      for (guint t = 0; t < training->len; t++)
        {
          LcTrainingRecord *r = g_ptr_array_index (training, t);
          g_string_append_printf (out, "  %s %" G_GINT64_FORMAT " %s\n", r->on_date, r->hours, r->note);
        }
    }
  for (guint i = 0; i < certificates->len; i++)
    {
      LcCertificate *c = g_ptr_array_index (certificates, i);
      g_autoptr (GPtrArray) events = lc_people_list_certificate_events (session, c->id, NULL);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s\n", c->cert_no, c->officer_staff_no, c->issued_on, c->expires_on,
                              c->reviewed_on ? c->reviewed_on : "-", lc_cert_status_to_string (c->status));
      for (guint e = 0; e < events->len; e++)
        {
          LcCertificateEvent *ev = g_ptr_array_index (events, e);
          g_string_append_printf (out, "  %s %s %s\n", ev->on_date, lc_cert_action_to_string (ev->action), ev->reason);
        }
    }
  {
    g_autoptr (GPtrArray) attempts = lc_exam_list_attempts (session, 0, 0, NULL);

    ck_assert (attempts != NULL);
    for (guint i = 0; i < attempts->len; i++)
      {
        LcAttempt *a = g_ptr_array_index (attempts, i);
        g_string_append_printf (out, "%s|%d|%" G_GUINT64_FORMAT "|%" G_GINT64_FORMAT "\n", a->staff_no, a->no, a->seed,
                                a->score);
      }
  }
  return g_string_free (out, FALSE);
}

START_TEST (test_shares)
{
  LcDemoSummary summary;
  g_autoptr (LcDb) db = populated (1, &summary);
  g_autoptr (LcSession) session = lc_session_new_system (db);
  g_autoptr (GPtrArray) departments = lc_people_list_departments (session, NULL);
  g_autoptr (GPtrArray) certificates = lc_people_list_certificates (session, 0, NULL);
  guint by_status[LC_CERT_EXPIRED + 1] = { 0 };
  guint expiring = 0, top_level = 0;

  ck_assert_int_eq (summary.officers, 600);
  ck_assert_int_eq (lc_people_count_officers (session, NULL), 600);
  ck_assert_int_eq (summary.departments, departments->len);
  for (guint i = 0; i < departments->len; i++)
    {
      LcDepartment *d = g_ptr_array_index (departments, i);
      top_level += d->parent_id == 0;
    }
  ck_assert_int_eq (top_level, 12);
  ck_assert_int_ge (departments->len, 12 + 2 * 12);

  /* The summary tells what is stored, on the injected today. */
  ck_assert_int_eq (summary.certificates, certificates->len);
  for (guint i = 0; i < certificates->len; i++)
    {
      LcCertificate *c = g_ptr_array_index (certificates, i);
      LcCertStatus status = lc_certificate_effective_status (c, FIXED_TODAY);

      by_status[status]++;
      if (status == LC_CERT_VALID && lc_date_days_between (FIXED_TODAY, c->expires_on) <= 60)
        expiring++;
      ck_assert (g_str_has_prefix (c->cert_no, "浙执"));
      ck_assert_str_gt (c->expires_on, c->issued_on);
    }
  for (guint s = 0; s <= LC_CERT_EXPIRED; s++)
    ck_assert_int_eq (by_status[s], summary.certificates_by_status[s]);
  ck_assert_int_eq (expiring, summary.certificates_expiring);

  /* The shares the brief asks for: most valid, ~5% expiring soon, ~5%
   * expired, ~3% suspended (more with those suspended from duty), ~1% revoked,
   * new staff without any. */
  ck_assert_int_ge (summary.certificates, 520);
  ck_assert_int_lt (summary.certificates, 600);
  ck_assert_int_ge (by_status[LC_CERT_VALID], summary.certificates * 80 / 100);
  ck_assert_int_ge (expiring, summary.certificates * 3 / 100);
  ck_assert_int_le (expiring, summary.certificates * 7 / 100);
  ck_assert_int_ge (by_status[LC_CERT_EXPIRED], summary.certificates * 3 / 100);
  ck_assert_int_le (by_status[LC_CERT_EXPIRED], summary.certificates * 7 / 100);
  ck_assert_int_ge (by_status[LC_CERT_SUSPENDED], summary.certificates * 2 / 100);
  ck_assert_int_le (by_status[LC_CERT_SUSPENDED], summary.certificates * 6 / 100);
  ck_assert_int_ge (by_status[LC_CERT_REVOKED], 3);
  ck_assert_int_ge (by_status[LC_CERT_CANCELLED], 1);

  /* ~70% reach 60 hours in the last full year. */
  ck_assert_int_eq (summary.last_full_year, 2024);
  ck_assert_int_ge (summary.officers_meeting_last_year * 100, summary.officers_trained_last_year * 60);
  ck_assert_int_le (summary.officers_meeting_last_year * 100, summary.officers_trained_last_year * 80);
  ck_assert_int_gt (summary.training_records, 600 * 6);
  ck_assert_int_eq (summary.users, 4);
}
END_TEST

START_TEST (test_hours_match_summary)
{
  LcDemoSummary summary;
  g_autoptr (LcDb) db = populated (7, &summary);
  g_autoptr (LcSession) session = lc_session_new_system (db);
  static const LcOfficerFilter everyone = { .include_left = TRUE };
  g_autoptr (GPtrArray) officers = lc_people_list_officers (session, &everyone, NULL);
  guint meeting = 0;

  for (guint i = 0; i < officers->len; i++)
    {
      LcOfficer *o = g_ptr_array_index (officers, i);
      g_autoptr (GPtrArray) training = lc_people_list_training (session, o->id, NULL);
      gint64 hours = 0;

      ck_assert (lc_people_training_hours (session, o->id, 2024, &hours, NULL));
      meeting += hours >= LC_DEMO_REQUIRED_HOURS;
      /* Nothing in the future, nothing before the two full years. */
      for (guint t = 0; t < training->len; t++)
        {
          LcTrainingRecord *r = g_ptr_array_index (training, t);
          ck_assert_str_le (r->on_date, FIXED_TODAY);
          ck_assert_str_ge (r->on_date, "2023-01-01");
          ck_assert_int_ge (r->hours, 200);
          ck_assert_int_le (r->hours, 1600);
        }
    }
  ck_assert_int_eq (meeting, summary.officers_meeting_last_year);
}
END_TEST

START_TEST (test_deterministic)
{
  g_autoptr (LcDb) a = populated (1, NULL);
  g_autoptr (LcDb) b = populated (1, NULL);
  g_autoptr (LcDb) c = populated (2, NULL);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);

  ck_assert_str_eq (dump_a, dump_b);
  ck_assert_str_ne (dump_a, dump_c);
}
END_TEST

START_TEST (test_users)
{
  g_autoptr (LcDb) db = populated (3, NULL);
  guint n = 0;
  const LcDemoUser *users = lc_demo_users (&n);

  ck_assert_int_eq (n, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LcSession) session = lc_auth_sign_in (db, users[i].login, LC_DEMO_PASSWORD, &error);

      ck_assert_msg (session != NULL, "%s: %s", users[i].login, error ? error->message : "");
      ck_assert_int_eq (lc_session_get_role (session), users[i].role);
      if (users[i].role == LC_ROLE_OFFICER)
        {
          g_autoptr (GPtrArray) certificates =
              lc_people_list_certificates (session, lc_session_get_officer_id (session), &error);
          ck_assert_msg (certificates != NULL, "%s", error ? error->message : "");
          ck_assert_int_ge (certificates->len, 1);
          ck_assert_int_eq (lc_certificate_effective_status (g_ptr_array_index (certificates, 0), FIXED_TODAY),
                            LC_CERT_VALID);
        }
    }
}
END_TEST

/* The past exam: every active officer sat it, with retakes, a realistic
 * spread, scores that agree with the stored answers; an open exam nobody
 * sat; a practice exam. */
START_TEST (test_exams)
{
  LcDemoSummary summary;
  g_autoptr (LcDb) db = populated (1, &summary);
  g_autoptr (LcSession) session = lc_session_new_system (db);
  g_autoptr (GPtrArray) exams = lc_exam_list (session, NULL);
  g_autoptr (LcSession) officer = lc_auth_sign_in (db, "officer", LC_DEMO_PASSWORD, NULL);
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (LcExamStats) stats = NULL;
  const LcExam *past = NULL, *open = NULL, *practice = NULL;
  guint retakes = 0, failed = 0, checked = 0;

  ck_assert_int_eq (summary.exams, 3);
  ck_assert_int_eq (exams->len, 3);
  for (guint i = 0; i < exams->len; i++)
    {
      const LcExam *e = g_ptr_array_index (exams, i);

      ck_assert_int_eq (e->status, LC_EXAM_PUBLISHED);
      if (e->purpose == LC_EXAM_PRACTICE)
        practice = e;
      else if (e->closes_at < FIXED_NOW)
        past = e;
      else
        open = e;
    }
  ck_assert (past != NULL && open != NULL && practice != NULL);
  ck_assert_str_eq (past->title, "2024年度行政执法人员通用法律知识考试");
  ck_assert_int_eq (past->n_attempts, summary.exam_attempts);
  ck_assert_int_le (open->opens_at, FIXED_NOW);
  ck_assert_int_gt (open->closes_at, FIXED_NOW);
  ck_assert_int_eq (open->n_attempts, 0);
  ck_assert_int_eq (practice->max_attempts, 0);

  /* About 600 attempts; most pass, some fail, some retake. */
  ck_assert_int_ge (summary.exam_attempts, 550);
  ck_assert_int_le (summary.exam_attempts, 750);
  ck_assert_int_ge (summary.exam_attempts_passed * 100, summary.exam_attempts * 60);
  ck_assert_int_le (summary.exam_attempts_passed * 100, summary.exam_attempts * 95);
  attempts = lc_exam_list_attempts (session, past->id, 0, NULL);
  ck_assert_int_eq (attempts->len, summary.exam_attempts);
  for (guint i = 0; i < attempts->len; i++)
    {
      const LcAttempt *a = g_ptr_array_index (attempts, i);

      ck_assert_int_eq (a->state, LC_ATTEMPT_GRADED);
      ck_assert_int_ge (a->started_at, past->opens_at);
      ck_assert_int_le (a->submitted_at, past->closes_at);
      retakes += a->no == 2;
      failed += !a->passed;
      /* Every twentieth paper: each item's points agree with its answer and the key. */
      if (i % 20 == 0)
        {
          g_autoptr (LcPaper) paper = lc_exam_get_paper (session, a->id, NULL);
          gint64 sum = 0;

          ck_assert (paper != NULL && paper->has_key);
          for (guint k = 0; k < paper->items->len; k++)
            {
              const LcPaperItem *item = g_ptr_array_index (paper->items, k);
              gboolean right;

              sum += item->awarded;
              if (item->type == LC_QUESTION_FILL)
                continue;
              right = item->response != NULL && strcmp (item->response, item->correct_answer) == 0;
              ck_assert_int_eq (item->awarded, right ? item->points : 0);
            }
          ck_assert_int_eq (sum, a->score);
          checked++;
        }
    }
  ck_assert_int_gt (checked, 25);
  ck_assert_int_ge (retakes, 20);
  ck_assert_int_ge (failed, 30);

  /* The item statistics find a reliable exam and some questions to look at. */
  stats = lc_exam_stats_compute (session, past->id, NULL);
  ck_assert (stats != NULL);
  ck_assert_int_eq (stats->n_attempts, summary.exam_attempts);
  ck_assert (stats->reliability > 0.7 && stats->reliability < 0.95);
  ck_assert (stats->mean_score > 6000 && stats->mean_score < 8500);

  /* The demo officer may sit the open exam now. */
  ck_assert (officer != NULL);
  mine = lc_exam_my_exams (officer, lc_session_get_officer_id (officer), NULL);
  ck_assert (mine != NULL);
  for (guint i = 0; i < mine->len; i++)
    {
      const LcMyExam *m = g_ptr_array_index (mine, i);

      if (m->exam->id == open->id)
        {
          ck_assert_int_eq (m->when, LC_MY_EXAM_OPEN);
          ck_assert (m->can_start);
          ck_assert_int_eq (m->attempts_used, 0);
          checked = 0;
        }
    }
  ck_assert_int_eq (checked, 0);
}
END_TEST

START_TEST (test_refuses_non_empty)
{
  LcDemoSummary summary;
  g_autoptr (LcDb) db = populated (1, NULL);
  g_autoptr (LcSession) session = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;

  ck_assert (!lc_demo_populate (session, 2, &summary, &error));
  assert_error (error, LC_DEMO_ERROR, LC_DEMO_ERROR_NOT_EMPTY);
  ck_assert_int_eq (summary.officers, 0);
  ck_assert_int_eq (lc_people_count_officers (session, NULL), 600);
}
END_TEST

START_TEST (test_all_or_nothing)
{
  g_autoptr (LcDb) db = open_db ();
  g_autoptr (LcSession) session = lc_session_new_system (db);
  g_autoptr (GPtrArray) departments = NULL;
  g_autoptr (GError) error = NULL;

  /* A taken demo login fails the last step: nothing before it stays. */
  ck_assert (lc_auth_add_user (session, "trainer", "someone-else", LC_ROLE_TRAINER, 0, FALSE, NULL, NULL));
  ck_assert (!lc_demo_populate (session, 1, NULL, &error));
  assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_DUPLICATE_LOGIN);
  ck_assert_int_eq (lc_people_count_officers (session, NULL), 0);
  departments = lc_people_list_departments (session, NULL);
  ck_assert_int_eq (departments->len, 0);
}
END_TEST

START_TEST (test_permission)
{
  g_autoptr (LcDb) db = open_db ();
  g_autoptr (LcSession) personnel = lc_session_new (db, 1, "p", LC_ROLE_PERSONNEL, 0, FALSE);
  g_autoptr (GError) error = NULL;

  /* Loading demo data is maintenance: administrators only. */
  ck_assert (!lc_demo_populate (personnel, 1, NULL, &error));
  assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
}
END_TEST

static Suite *
demo_suite (void)
{
  Suite *s = suite_create ("demo");
  TCase *tc = tcase_create ("populate");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_shares);
  tcase_add_test (tc, test_hours_match_summary);
  tcase_add_test (tc, test_deterministic);
  tcase_add_test (tc, test_users);
  tcase_add_test (tc, test_exams);
  tcase_add_test (tc, test_refuses_non_empty);
  tcase_add_test (tc, test_all_or_nothing);
  tcase_add_test (tc, test_permission);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (demo_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
