/* test-units.c: dates and hundredths. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "lc-units.h"

static const struct
{
  const char *text;
  gboolean valid;
} valid_cases[] = {
  { "2024-02-29", TRUE },  { "2000-02-29", TRUE },   { "2023-12-31", TRUE },   { "0001-01-01", TRUE },
  { "2023-02-29", FALSE }, { "1900-02-29", FALSE },  { "2024-04-31", FALSE },  { "2024-13-01", FALSE },
  { "2024-00-10", FALSE }, { "2024-01-00", FALSE },  { "0000-01-01", FALSE },  { "2024-1-01", FALSE },
  { "2024/01/01", FALSE }, { "2024-01-01 ", FALSE }, { " 2024-01-01", FALSE }, { "20240101", FALSE },
  { "", FALSE },           { "abcd-ef-gh", FALSE },  { "2024-01-011", FALSE }, { NULL, FALSE },
};

START_TEST (test_date_is_valid)
{
  ck_assert_msg (lc_date_is_valid (valid_cases[_i].text) == valid_cases[_i].valid, "\"%s\"",
                 valid_cases[_i].text ? valid_cases[_i].text : "(null)");
}
END_TEST

static const struct
{
  const char *text;
  const char *expected; /* NULL: refused */
} normalize_cases[] = {
  { "2024-03-05", "2024-03-05" },
  { "2024-3-5", "2024-03-05" },
  { "2024/3/5", "2024-03-05" },
  { "2024/03/05", "2024-03-05" },
  { "2024.3.5", "2024-03-05" },
  { "2024.12.31", "2024-12-31" },
  { "2024年3月5日", "2024-03-05" },
  { "2024年03月05日", "2024-03-05" },
  { "2024年3月5", "2024-03-05" },
  { "  2024/3/5  ", "2024-03-05" },
  { "2024年2月29日", "2024-02-29" },
  { "2023年2月29日", NULL },
  { "2023/2/29", NULL },
  { "2024/3-5", NULL },
  { "2024-3/5", NULL },
  { "2024/3/5/", NULL },
  { "24/3/5", NULL },
  { "2024/123/5", NULL },
  { "2024/3/456", NULL },
  { "2024年3月5日x", NULL },
  { "2024年3-5", NULL },
  { "5/3/2024", NULL },
  { "", NULL },
  { "today", NULL },
};

START_TEST (test_date_normalize)
{
  g_autofree char *got = lc_date_normalize (normalize_cases[_i].text);

  if (normalize_cases[_i].expected == NULL)
    ck_assert_msg (got == NULL, "\"%s\" gave \"%s\"", normalize_cases[_i].text, got);
  else
    ck_assert_str_eq (got, normalize_cases[_i].expected);
}
END_TEST

static const struct
{
  const char *date;
  int years;
  const char *expected;
} add_years_cases[] = {
  { "2024-02-29", 1, "2025-02-28" },  { "2024-02-29", 4, "2028-02-29" }, { "2024-02-29", 5, "2029-02-28" },
  { "2024-02-29", -1, "2023-02-28" }, { "2020-05-31", 5, "2025-05-31" }, { "2023-12-31", 0, "2023-12-31" },
};

START_TEST (test_date_add_years)
{
  g_autofree char *got = lc_date_add_years (add_years_cases[_i].date, add_years_cases[_i].years);

  ck_assert_str_eq (got, add_years_cases[_i].expected);
}
END_TEST

static const struct
{
  const char *date;
  int days;
  const char *expected;
} add_days_cases[] = {
  { "2024-12-31", 1, "2025-01-01" },   { "2024-03-01", -1, "2024-02-29" }, { "2023-03-01", -1, "2023-02-28" },
  { "2024-01-01", 366, "2025-01-01" }, { "2024-01-01", 0, "2024-01-01" },
};

START_TEST (test_date_add_days)
{
  g_autofree char *got = lc_date_add_days (add_days_cases[_i].date, add_days_cases[_i].days);

  ck_assert_str_eq (got, add_days_cases[_i].expected);
}
END_TEST

START_TEST (test_date_days_between)
{
  ck_assert_int_eq (lc_date_days_between ("2024-01-01", "2024-12-31"), 365);
  ck_assert_int_eq (lc_date_days_between ("2024-12-31", "2024-01-01"), -365);
  ck_assert_int_eq (lc_date_days_between ("2023-02-28", "2023-03-01"), 1);
  ck_assert_int_eq (lc_date_days_between ("2024-02-28", "2024-03-01"), 2);
  ck_assert_int_eq (lc_date_days_between ("2025-06-01", "2025-06-01"), 0);
  ck_assert_int_eq (lc_date_year ("2025-06-01"), 2025);
}
END_TEST

static const struct
{
  const char *text;
  gboolean ok;
  gint64 value;
} parse_cases[] = {
  { "1.5", TRUE, 150 },
  { "2", TRUE, 200 },
  { "0.25", TRUE, 25 },
  { "1.05", TRUE, 105 },
  { "10.50", TRUE, 1050 },
  { "0", TRUE, 0 },
  { "0.0", TRUE, 0 },
  { "60", TRUE, 6000 },
  { "007.5", TRUE, 750 },
  { "123456789012345", TRUE, G_GINT64_CONSTANT (12345678901234500) },
  { "1234567890123456", FALSE, 0 },
  { "-1", FALSE, 0 },
  { "-0.5", FALSE, 0 },
  { "+1", FALSE, 0 },
  { "1.234", FALSE, 0 },
  { "1.", FALSE, 0 },
  { ".5", FALSE, 0 },
  { "1,5", FALSE, 0 },
  { " 1", FALSE, 0 },
  { "1 ", FALSE, 0 },
  { "1e2", FALSE, 0 },
  { "abc", FALSE, 0 },
  { "", FALSE, 0 },
  { "１", FALSE, 0 },
  { NULL, FALSE, 0 },
};

START_TEST (test_hundredths_parse)
{
  gint64 value = -42;
  gboolean ok = lc_hundredths_parse (parse_cases[_i].text, &value);

  ck_assert_msg (ok == parse_cases[_i].ok, "\"%s\"", parse_cases[_i].text ? parse_cases[_i].text : "(null)");
  if (ok)
    ck_assert_int_eq (value, parse_cases[_i].value);
  else
    ck_assert_int_eq (value, -42);
}
END_TEST

static const struct
{
  gint64 value;
  const char *text;
} format_cases[] = {
  { 150, "1.5" }, { 200, "2" },     { 25, "0.25" },   { 105, "1.05" },
  { 0, "0" },     { 5, "0.05" },    { 1050, "10.5" }, { 6000, "60" },
  { 99, "0.99" }, { -150, "-1.5" }, { -5, "-0.05" },  { G_MAXINT64, "92233720368547758.07" },
};

START_TEST (test_hundredths_format)
{
  g_autofree char *got = lc_hundredths_format (format_cases[_i].value);

  ck_assert_str_eq (got, format_cases[_i].text);
}
END_TEST

START_TEST (test_hundredths_round_trip)
{
  for (gint64 v = 0; v <= 20000; v++)
    {
      g_autofree char *text = lc_hundredths_format (v);
      gint64 back = -1;

      ck_assert_msg (lc_hundredths_parse (text, &back), "%s", text);
      ck_assert_int_eq (back, v);
    }
}
END_TEST

static Suite *
units_suite (void)
{
  Suite *s = suite_create ("units");
  TCase *tc;

  tc = tcase_create ("dates");
  tcase_add_loop_test (tc, test_date_is_valid, 0, G_N_ELEMENTS (valid_cases));
  tcase_add_loop_test (tc, test_date_normalize, 0, G_N_ELEMENTS (normalize_cases));
  tcase_add_loop_test (tc, test_date_add_years, 0, G_N_ELEMENTS (add_years_cases));
  tcase_add_loop_test (tc, test_date_add_days, 0, G_N_ELEMENTS (add_days_cases));
  tcase_add_test (tc, test_date_days_between);
  suite_add_tcase (s, tc);

  tc = tcase_create ("hundredths");
  tcase_add_loop_test (tc, test_hundredths_parse, 0, G_N_ELEMENTS (parse_cases));
  tcase_add_loop_test (tc, test_hundredths_format, 0, G_N_ELEMENTS (format_cases));
  tcase_add_test (tc, test_hundredths_round_trip);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (units_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
