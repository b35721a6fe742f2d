/* test-roster.c: roster import (all or nothing, positioned errors) and export rows. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-people.h"
#include "lc-roster.h"
#include "lc-test-util.h"

#define HEADER "工号,姓名,部门编码,部门,执法领域,岗位,状态,电话\n"

typedef struct
{
  gint64 sj, sj01, sj02, gt, gt01;
} Departments;

static Departments depts;

/* Two bureaus, each with a 执法一大队, so that name alone is ambiguous there. */
static void
setup_roster (void)
{
  lc_test_setup ();
  depts.sj = lc_test_add_department ("SJ", "市场监督管理局", 0);
  depts.sj01 = lc_test_add_department ("SJ01", "执法一大队", depts.sj);
  depts.sj02 = lc_test_add_department ("SJ02", "执法二大队", depts.sj);
  depts.gt = lc_test_add_department ("GT", "规划和自然资源局", 0);
  depts.gt01 = lc_test_add_department ("GT01", "执法一大队", depts.gt);
}

static void
teardown_roster (void)
{
  lc_test_teardown ();
}

/* Imports @csv (UTF-8 text, or raw bytes with @length) as roster.csv by the system session. */
static gboolean
import_bytes (const char *csv, gssize length, LcRosterResult *result, GPtrArray **problems, GError **error)
{
  g_autofree char *path = lc_test_write_file ("roster.csv", csv, length);

  return lc_roster_import_file (lc_test.system, path, result, problems, error);
}

static LcOfficer *
officer (const char *staff_no)
{
  g_autoptr (GError) error = NULL;
  LcOfficer *found = lc_people_find_officer (lc_test.system, staff_no, &error);

  ck_assert_msg (found != NULL, "%s: %s", staff_no, error ? error->message : "");
  return found;
}

static gint64
count_officers (void)
{
  return lc_test_query_int ("SELECT count(*) FROM officer");
}

/* Encodings ------------------------------------------------------------------ */

static const struct
{
  const char *label;
  gboolean bom;
  gboolean gb18030;
  gboolean crlf;
} encoding_cases[] = {
  { "UTF-8", FALSE, FALSE, FALSE },
  { "UTF-8 with BOM", TRUE, FALSE, TRUE },
  { "GB18030", FALSE, TRUE, TRUE },
};

START_TEST (test_import_encodings)
{
  /* 𠮷 needs four bytes in GB18030: it tests more than the GBK subset. */
  static const char *const utf8 = HEADER "330401001,张伟,SJ01,,市场监管,执法岗,在职,13800000001\n"
                                         "330401002,欧阳娜娜,,执法二大队,食品安全,科员,停职,\n"
                                         "330401003,吉𠮷,,市场监督管理局/执法二大队,,,离岗,13900000003\n"
                                         "330401004,赵磊,GT01,,,,,\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) csv = g_string_new (NULL);
  g_auto (LcRosterResult) result = { 0 };
  g_autoptr (LcOfficer) zhang = NULL;
  g_autoptr (LcOfficer) ouyang = NULL;
  g_autoptr (LcOfficer) ji = NULL;
  g_autoptr (LcOfficer) zhao = NULL;
  gsize length = 0;

  if (encoding_cases[_i].bom)
    g_string_append (csv, "\xef\xbb\xbf");
  g_string_append (csv, utf8);
  if (encoding_cases[_i].crlf)
    g_string_replace (csv, "\n", "\r\n", 0);
  if (encoding_cases[_i].gb18030)
    {
      g_autofree char *bytes = g_convert (csv->str, csv->len, "GB18030", "UTF-8", NULL, &length, &error);
      lc_test_assert_no_error (error);
      ck_assert (!g_utf8_validate (bytes, length, NULL));
      g_string_truncate (csv, 0);
      g_string_append_len (csv, bytes, length);
    }

  ck_assert_msg (import_bytes (csv->str, csv->len, &result, NULL, &error), "%s: %s", encoding_cases[_i].label,
                 error ? error->message : "");
  ck_assert_uint_eq (result.added, 4);
  ck_assert_uint_eq (result.updated, 0);
  ck_assert_uint_eq (result.unchanged, 0);
  ck_assert_str_eq (result.encoding, encoding_cases[_i].gb18030 ? "GB18030" : "UTF-8");
  ck_assert_uint_eq (result.ignored_columns->len, 0);

  zhang = officer ("330401001");
  ck_assert_str_eq (zhang->name, "张伟");
  ck_assert_int_eq (zhang->department_id, depts.sj01);
  ck_assert_str_eq (zhang->field, "市场监管");
  ck_assert_str_eq (zhang->post, "执法岗");
  ck_assert_int_eq (zhang->status, LC_OFFICER_ACTIVE);
  ck_assert_str_eq (zhang->phone, "13800000001");

  ouyang = officer ("330401002");
  ck_assert_str_eq (ouyang->name, "欧阳娜娜");
  ck_assert_int_eq (ouyang->department_id, depts.sj02);
  ck_assert_str_eq (ouyang->department_name, "执法二大队");
  ck_assert_int_eq (ouyang->status, LC_OFFICER_SUSPENDED);
  ck_assert_str_eq (ouyang->phone, "");

  ji = officer ("330401003");
  ck_assert_str_eq (ji->name, "吉𠮷");
  ck_assert_int_eq (ji->department_id, depts.sj02);
  ck_assert_int_eq (ji->status, LC_OFFICER_LEFT);

  zhao = officer ("330401004");
  ck_assert_int_eq (zhao->department_id, depts.gt01);
  ck_assert_int_eq (zhao->status, LC_OFFICER_ACTIVE);
}
END_TEST

static const struct
{
  const char *label;
  const char *csv;
} english_cases[] = {
  { "full English", "Staff Number,Name,Department Code,Department,Field,Post,Status,Phone\n"
                    "330401001,张伟,SJ01,,Market,Inspector,Active,13800000001\n"
                    "330401002,李娜,,执法二大队,,,SUSPENDED,\n"
                    "330401003,王芳,SJ02,,,,left,\n" },
  { "identifiers, reordered", "status,department_code,name,staff_no,phone,post,field\n"
                              "active,SJ01,张伟,330401001,13800000001,Inspector,Market\n"
                              "Suspended,SJ02,李娜,330401002,,,\n"
                              "Left,SJ02,王芳,330401003,,,\n" },
  { "other Chinese names", "人员编号,姓名,单位编码,执法类别,职务,人员状态,联系电话\n"
                           "330401001,张伟,SJ01,Market,Inspector,在岗,13800000001\n"
                           "330401002,李娜,SJ02,,,停职,\n"
                           "330401003,王芳,SJ02,,,退休,\n" },
};

START_TEST (test_header_aliases)
{
  g_autoptr (GError) error = NULL;
  g_auto (LcRosterResult) result = { 0 };
  g_autoptr (LcOfficer) zhang = NULL;
  g_autoptr (LcOfficer) li = NULL;
  g_autoptr (LcOfficer) wang = NULL;

  ck_assert_msg (import_bytes (english_cases[_i].csv, -1, &result, NULL, &error), "%s: %s", english_cases[_i].label,
                 error ? error->message : "");
  ck_assert_uint_eq (result.added, 3);
  zhang = officer ("330401001");
  ck_assert_str_eq (zhang->name, "张伟");
  ck_assert_int_eq (zhang->department_id, depts.sj01);
  ck_assert_str_eq (zhang->field, "Market");
  ck_assert_str_eq (zhang->post, "Inspector");
  ck_assert_int_eq (zhang->status, LC_OFFICER_ACTIVE);
  ck_assert_str_eq (zhang->phone, "13800000001");
  li = officer ("330401002");
  ck_assert_int_eq (li->department_id, depts.sj02);
  ck_assert_int_eq (li->status, LC_OFFICER_SUSPENDED);
  wang = officer ("330401003");
  ck_assert_int_eq (wang->status, LC_OFFICER_LEFT);
}
END_TEST

START_TEST (test_ignored_columns)
{
  g_autoptr (GError) error = NULL;
  g_auto (LcRosterResult) result = { 0 };

  ck_assert_msg (import_bytes ("工号,姓名,部门编码,执法证号,备注\n330401001,张伟,SJ01,浙执0001,新入职\n", -1, &result,
                               NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (result.added, 1);
  ck_assert_uint_eq (result.ignored_columns->len, 2);
  ck_assert_str_eq (g_ptr_array_index (result.ignored_columns, 0), "执法证号");
  ck_assert_str_eq (g_ptr_array_index (result.ignored_columns, 1), "备注");
}
END_TEST

/* Departments ---------------------------------------------------------------- */

static const struct
{
  const char *code;
  const char *name;
  const char *expected;         /* department code, or NULL when refused */
  guint column;                 /* of the problem */
  const char *message_contains; /* of the problem */
} department_cases[] = {
  { "SJ01", "", "SJ01", 0, NULL },
  { "", "执法二大队", "SJ02", 0, NULL },
  { "", "市场监督管理局/执法二大队", "SJ02", 0, NULL },
  { "", "市场监督管理局", "SJ", 0, NULL },
  { "", "规划和自然资源局", "GT", 0, NULL },
  /* The code wins over a name, even an ambiguous one. */
  { "SJ02", "执法一大队", "SJ02", 0, NULL },
  { "", "执法一大队", NULL, 3, "执法一大队" },
  { "XX99", "", NULL, 2, "XX99" },
  { "XX99", "执法二大队", NULL, 2, "XX99" },
  { "", "不存在的单位", NULL, 3, "不存在的单位" },
  /* The 部门 column also takes a code, and a path settles a shared name. */
  { "", "SJ02", "SJ02", 0, NULL },
  { "", "市场监督管理局/执法一大队", "SJ01", 0, NULL },
  { "", "不存在局/执法二大队", NULL, 3, "不存在局/执法二大队" },
  { "", "", NULL, 2, NULL },
};

START_TEST (test_department_resolution)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *csv =
      g_strdup_printf (HEADER "330401001,张伟,%s,%s,,,,\n", department_cases[_i].code, department_cases[_i].name);
  gboolean ok = import_bytes (csv, -1, NULL, &problems, &error);

  if (department_cases[_i].expected != NULL)
    {
      g_autoptr (LcOfficer) stored = NULL;

      ck_assert_msg (ok, "%s|%s: %s", department_cases[_i].code, department_cases[_i].name,
                     error ? error->message : "");
      stored = officer ("330401001");
      ck_assert_str_eq (stored->department_code, department_cases[_i].expected);
    }
  else
    {
      LcImportProblem *problem;

      ck_assert_msg (!ok, "%s|%s was accepted", department_cases[_i].code, department_cases[_i].name);
      lc_test_assert_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_INVALID_ROWS);
      ck_assert_uint_eq (problems->len, 1);
      problem = g_ptr_array_index (problems, 0);
      ck_assert_uint_eq (problem->row, 2);
      ck_assert_uint_eq (problem->column, department_cases[_i].column);
      if (department_cases[_i].message_contains != NULL)
        ck_assert_msg (strstr (problem->message, department_cases[_i].message_contains) != NULL, "%s",
                       problem->message);
      ck_assert_int_eq (count_officers (), 0);
    }
}
END_TEST

/* Re-import ------------------------------------------------------------------ */

START_TEST (test_reimport_updates)
{
  g_autoptr (GError) error = NULL;
  g_auto (LcRosterResult) first = { 0 };
  g_auto (LcRosterResult) second = { 0 };
  g_autoptr (LcOfficer) before = NULL;
  g_autoptr (LcOfficer) renamed = NULL;
  g_autoptr (LcOfficer) moved = NULL;
  g_autoptr (LcOfficer) added = NULL;
  g_autofree char *unchanged_before = NULL;
  g_autofree char *unchanged_after = NULL;

  ck_assert (import_bytes (HEADER "330401001,张伟,SJ01,,,,,13800000001\n"
                                  "330401002,李娜,SJ01,,,,,\n"
                                  "330401003,王芳,SJ02,,,,,\n"
                                  "330401004,赵磊,SJ02,,,,,\n"
                                  "330401005,陈静,GT01,,,,,\n",
                           -1, &first, NULL, &error));
  ck_assert_uint_eq (first.added, 5);
  before = officer ("330401001");
  unchanged_before = lc_test_query_text ("SELECT * FROM officer WHERE staff_no IN ('330401002', '330401005')");

  lc_test_set_now (LC_TEST_NOW + 3600);
  /* Rows in another order; 001 renamed, 003 moved and left, 006 new. */
  ck_assert_msg (import_bytes (HEADER "330401005,陈静,GT01,,,,,\n"
                                      "330401003,王芳,GT01,,,,离岗,\n"
                                      "330401006,孙强,SJ,,,,,\n"
                                      "330401001,张伟伟,SJ01,,,,,13800000001\n"
                                      "330401002,李娜,SJ01,,,,,\n"
                                      "330401004,赵磊,SJ02,,,,,\n",
                               -1, &second, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (second.added, 1);
  ck_assert_uint_eq (second.updated, 2);
  ck_assert_uint_eq (second.unchanged, 3);

  renamed = officer ("330401001");
  ck_assert_int_eq (renamed->id, before->id);
  ck_assert_str_eq (renamed->name, "张伟伟");
  moved = officer ("330401003");
  ck_assert_int_eq (moved->department_id, depts.gt01);
  ck_assert_int_eq (moved->status, LC_OFFICER_LEFT);
  added = officer ("330401006");
  ck_assert_int_eq (added->department_id, depts.sj);
  ck_assert_int_eq (count_officers (), 6);
  /* Unchanged rows are not even touched (updated_at stays). */
  unchanged_after = lc_test_query_text ("SELECT * FROM officer WHERE staff_no IN ('330401002', '330401005')");
  ck_assert_str_eq (unchanged_after, unchanged_before);
}
END_TEST

/* Refusals ------------------------------------------------------------------- */

START_TEST (test_bad_row_57)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GString) csv = g_string_new (HEADER);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LcImportProblem *problem;

  lc_test_add_officer ("330400002", "张伟", depts.sj01);
  lc_test_add_officer ("330400003", "李娜", depts.sj01);
  before = lc_test_snapshot ();
  /* 100 rows: spreadsheet rows 2 to 101. Row 3 would update a stored officer. */
  for (guint row = 2; row <= 101; row++)
    g_string_append_printf (csv, "3304%05u,执法人员%u,,%s,市场监管,执法岗,在职,\n", row, row,
                            row == 57 ? "不存在的大队" : "市场监督管理局/执法二大队");

  ck_assert (!import_bytes (csv->str, csv->len, NULL, &problems, &error));
  lc_test_assert_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_INVALID_ROWS);
  ck_assert_msg (strstr (error->message, "roster.csv") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "row 57") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "column D (部门)") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "不存在的大队") != NULL, "%s", error->message);

  ck_assert_uint_eq (problems->len, 1);
  problem = g_ptr_array_index (problems, 0);
  ck_assert_uint_eq (problem->row, 57);
  ck_assert_uint_eq (problem->column, 3);
  ck_assert_str_eq (problem->column_name, "部门");
  {
    g_autofree char *text = lc_import_problem_to_string (problem);
    ck_assert_msg (g_str_has_prefix (text, "row 57, column D (部门): "), "%s", text);
  }

  ck_assert_int_eq (count_officers (), 2);
  after = lc_test_snapshot ();
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_several_bad_rows)
{
  static const struct
  {
    guint row, column;
    const char *header;
    const char *contains;
  } expected[] = {
    { 3, 6, "状态", "在编" }, { 5, 1, "姓名", NULL },      { 6, 2, "部门编码", "ZZ01" },
    { 7, 0, "工号", NULL },   { 8, 6, "状态", "retired" }, { 8, 1, "姓名", NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  ck_assert (!import_bytes (HEADER "330401001,张伟,SJ01,,,,在职,\n"
                                   "330401002,李娜,SJ01,,,,在编,\n"
                                   "330401003,王芳,SJ01,,,,,\n"
                                   "330401004,,SJ01,,,,,\n"
                                   "330401005,赵磊,ZZ01,,,,,\n"
                                   "3304 01006,陈静,SJ01,,,,,\n"
                                   "330401007,,SJ01,,,,retired,\n",
                            -1, NULL, &problems, &error));
  lc_test_assert_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_INVALID_ROWS);
  ck_assert_msg (strstr (error->message, "row 3, column G (状态)") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "5 more problems") != NULL, "%s", error->message);
  ck_assert_uint_eq (problems->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LcImportProblem *problem = g_ptr_array_index (problems, i);

      ck_assert_uint_eq (problem->row, expected[i].row);
      ck_assert_uint_eq (problem->column, expected[i].column);
      ck_assert_str_eq (problem->column_name, expected[i].header);
      if (expected[i].contains != NULL)
        ck_assert_msg (strstr (problem->message, expected[i].contains) != NULL, "%s", problem->message);
    }
  ck_assert_int_eq (count_officers (), 0);
}
END_TEST

START_TEST (test_duplicate_in_file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  LcImportProblem *problem;

  ck_assert (!import_bytes (HEADER "330401001,张伟,SJ01,,,,,\n"
                                   "330401002,李娜,SJ01,,,,,\n"
                                   "330401003,王芳,SJ01,,,,,\n"
                                   "330401001,张卫,SJ02,,,,,\n",
                            -1, NULL, &problems, &error));
  lc_test_assert_error (error, LC_ROSTER_ERROR, LC_ROSTER_ERROR_INVALID_ROWS);
  ck_assert_uint_eq (problems->len, 1);
  problem = g_ptr_array_index (problems, 0);
  /* Both rows are named: the later in the position, the earlier in the text. */
  ck_assert_uint_eq (problem->row, 5);
  ck_assert_uint_eq (problem->column, 0);
  ck_assert_msg (strstr (problem->message, "330401001") != NULL && strstr (problem->message, "row 2") != NULL, "%s",
                 problem->message);
  ck_assert_int_eq (count_officers (), 0);
}
END_TEST

static const struct
{
  const char *label;
  const char *csv;
  int expected;
  const char *contains;
} column_cases[] = {
  { "no staff number", "姓名,部门编码\n张伟,SJ01\n", LC_ROSTER_ERROR_MISSING_COLUMN, "工号" },
  { "no name", "工号,部门编码\n330401001,SJ01\n", LC_ROSTER_ERROR_MISSING_COLUMN, "姓名" },
  { "no department", "工号,姓名,电话\n330401001,张伟,\n", LC_ROSTER_ERROR_MISSING_COLUMN, "部门" },
  { "staff number twice", "工号,姓名,部门编码,staff_no\n330401001,张伟,SJ01,330401001\n",
    LC_ROSTER_ERROR_DUPLICATE_COLUMN, "工号" },
};

START_TEST (test_columns)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  ck_assert_msg (!import_bytes (column_cases[_i].csv, -1, NULL, &problems, &error), "%s was accepted",
                 column_cases[_i].label);
  lc_test_assert_error (error, LC_ROSTER_ERROR, column_cases[_i].expected);
  ck_assert_msg (strstr (error->message, "roster.csv") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, column_cases[_i].contains) != NULL, "%s", error->message);
  ck_assert_int_eq (count_officers (), 0);
}
END_TEST

START_TEST (test_blank_rows_skipped)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_auto (LcRosterResult) result = { 0 };

  ck_assert_msg (import_bytes (HEADER "330401001,张伟,SJ01,,,,,\n"
                                      ",,,,,,,\n"
                                      "\n"
                                      " , ,\u3000,,,,,\n"
                                      "330401002,李娜,SJ01,,,,,\n"
                                      ",,,,,,,\n\n",
                               -1, &result, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (result.added, 2);
  ck_assert_int_eq (count_officers (), 2);

  /* Row numbers still count the blank rows. */
  ck_assert (!import_bytes (HEADER "330401003,王芳,SJ01,,,,,\n"
                                   ",,,,,,,\n"
                                   "\n"
                                   "330401004,赵磊,SJ01,,,,在编,\n",
                            -1, NULL, &problems, &error));
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_uint_eq (((LcImportProblem *) g_ptr_array_index (problems, 0))->row, 5);
  ck_assert_int_eq (count_officers (), 2);
}
END_TEST

START_TEST (test_permission)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = lc_test_write_file ("roster.csv", HEADER "330401001,张伟,SJ01,,,,,\n", -1);
  gint64 own = lc_test_add_officer ("330401009", "孙强", depts.sj01);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  g_autoptr (LcSession) officer_session = lc_test_session (LC_ROLE_OFFICER, own);
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_auto (LcRosterResult) result = { 0 };
  LcSession *refused[] = { trainer, officer_session };
  g_autofree char *before = lc_test_snapshot ();

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *after = NULL;

      ck_assert (!lc_roster_import_file (refused[i], path, NULL, NULL, &error));
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      after = lc_test_snapshot ();
      ck_assert_str_eq (after, before);
    }
  /* Reading the roster is not changing it. */
  {
    g_autoptr (GPtrArray) rows = lc_roster_rows (trainer, NULL, &error);
    lc_test_assert_no_error (error);
    ck_assert_uint_eq (rows->len, 1);
  }
  ck_assert (lc_roster_rows (officer_session, NULL, &error) == NULL);
  lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  ck_assert_msg (lc_roster_import_file (personnel, path, &result, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (result.added, 1);
}
END_TEST

/* Export rows ---------------------------------------------------------------- */

static void
issue (gint64 officer_id, const char *cert_no, const char *issued_on, const char *expires_on)
{
  g_autoptr (GError) error = NULL;
  LcCertificate certificate = {
    .officer_id = officer_id,
    .cert_no = (char *) cert_no,
    .issued_on = (char *) issued_on,
    .expires_on = (char *) expires_on,
  };

  ck_assert_msg (lc_people_issue_certificate (lc_test.system, &certificate, NULL, NULL, &error), "%s: %s", cert_no,
                 error ? error->message : "");
}

static void
revoke_certificate (const char *cert_no)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcCertificate) certificate = lc_people_find_certificate (lc_test.system, cert_no, &error);

  lc_test_assert_no_error (error);
  ck_assert (lc_people_certificate_transition (lc_test.system, certificate->id, LC_CERT_ACTION_REVOKE, "2025-01-01",
                                               "严重违法", NULL, &error));
}

START_TEST (test_rows_best_certificate)
{
  static const struct
  {
    const char *staff_no;
    const char *best; /* NULL: none */
    LcCertStatus status;
    const char *path;
  } expected[] = {
    { "330401001", "浙执0011", LC_CERT_VALID, "市场监督管理局/执法一大队" },
    { "330401002", "浙执0021", LC_CERT_VALID, "市场监督管理局/执法一大队" },
    { "330401003", "浙执0032", LC_CERT_EXPIRED, "市场监督管理局/执法二大队" },
    { "330401004", "浙执0042", LC_CERT_VALID, "市场监督管理局" },
    { "330401005", NULL, LC_CERT_VALID, "规划和自然资源局/执法一大队" },
    { "330401006", "浙执0061", LC_CERT_REVOKED, "规划和自然资源局" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 o1 = lc_test_add_officer ("330401001", "张伟", depts.sj01);
  gint64 o2 = lc_test_add_officer ("330401002", "李娜", depts.sj01);
  gint64 o3 = lc_test_add_officer ("330401003", "王芳", depts.sj02);
  gint64 o4 = lc_test_add_officer ("330401004", "赵磊", depts.sj);
  gint64 o6;

  lc_test_add_officer ("330401005", "陈静", depts.gt01);
  o6 = lc_test_add_officer ("330401006", "孙强", depts.gt);
  /* Valid beats a newer expired one, whichever is listed first. */
  issue (o1, "浙执0012", "2015-01-01", "2020-01-01");
  issue (o1, "浙执0011", "2022-01-01", NULL);
  /* Two valid: the newer. */
  issue (o2, "浙执0021", "2023-01-01", NULL);
  issue (o2, "浙执0022", "2019-01-01", "2029-01-01");
  /* Only expired ones: the newer, shown expired. */
  issue (o3, "浙执0031", "2010-01-01", "2015-01-01");
  issue (o3, "浙执0032", "2016-01-01", "2021-01-01");
  /* Valid beats a newer revoked one. */
  issue (o4, "浙执0041", "2024-01-01", NULL);
  issue (o4, "浙执0042", "2022-06-01", NULL);
  revoke_certificate ("浙执0041");
  /* Nothing valid: the newest, revoked beats older expired. */
  issue (o6, "浙执0061", "2024-01-01", NULL);
  issue (o6, "浙执0062", "2015-01-01", "2020-01-01");
  revoke_certificate ("浙执0061");

  rows = lc_roster_rows (lc_test.system, NULL, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (rows->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      LcRosterRow *row = g_ptr_array_index (rows, i);

      ck_assert_str_eq (row->officer->staff_no, expected[i].staff_no);
      ck_assert_str_eq (row->department_path, expected[i].path);
      if (expected[i].best == NULL)
        ck_assert_ptr_null (row->certificate);
      else
        {
          ck_assert_ptr_nonnull (row->certificate);
          ck_assert_msg (strcmp (row->certificate->cert_no, expected[i].best) == 0, "%s: %s, want %s",
                         expected[i].staff_no, row->certificate->cert_no, expected[i].best);
          ck_assert_int_eq (row->certificate_status, expected[i].status);
        }
    }
}
END_TEST

START_TEST (test_rows_filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  LcOfficerFilter filter = { .department_id = depts.sj, .include_left = FALSE };
  LcOfficer left = {
    .staff_no = (char *) "330401003", .name = (char *) "王芳", .department_id = depts.sj02, .status = LC_OFFICER_LEFT
  };

  lc_test_add_officer ("330401001", "张伟", depts.sj01);
  lc_test_add_officer ("330401002", "李娜", depts.gt01);
  ck_assert (lc_people_add_officer (lc_test.system, &left, NULL, &error));

  rows = lc_roster_rows (lc_test.system, &filter, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (rows->len, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.include_left = TRUE;
  rows = lc_roster_rows (lc_test.system, &filter, &error);
  ck_assert_uint_eq (rows->len, 2);
}
END_TEST

/* RFC 4180: quote a cell holding a separator, a quote, a line break or edge spaces. */
static void
append_csv_cell (GString *out, const char *text, gboolean last)
{
  if (strpbrk (text, ",\"\r\n") != NULL || (*text && (g_ascii_isspace (text[0]) || g_str_has_suffix (text, " "))))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/* What an export writes: the export headers, the eight import columns, then
 * the certificate columns the import ignores. */
static char *
export_csv (GPtrArray *rows)
{
  const char *const *headers = lc_roster_export_headers ();
  guint n_headers = g_strv_length ((char **) headers);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_headers; i++)
    append_csv_cell (out, headers[i], i + 1 == n_headers);
  for (guint r = 0; r < rows->len; r++)
    {
      LcRosterRow *row = g_ptr_array_index (rows, r);
      LcCertificate *c = row->certificate;
      const char *cells[] = {
        row->officer->staff_no,
        row->officer->name,
        row->officer->department_code,
        row->department_path,
        row->officer->field,
        row->officer->post,
        lc_officer_status_display_name (row->officer->status),
        row->officer->phone,
        c ? c->cert_no : "",
        c ? lc_cert_status_display_name (row->certificate_status) : "",
        c ? c->issued_on : "",
        c ? c->expires_on : "",
        c && c->reviewed_on ? c->reviewed_on : "",
      };

      ck_assert_uint_eq (G_N_ELEMENTS (cells), n_headers);
      for (guint i = 0; i < n_headers; i++)
        append_csv_cell (out, cells[i], i + 1 == n_headers);
    }
  return g_string_free (out, FALSE);
}

START_TEST (test_export_import_round_trip)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) rows_after = NULL;
  g_auto (LcRosterResult) result = { 0 };
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *export_after = NULL;
  g_autoptr (LcOfficer) zhang = NULL;
  LcOfficerFilter everyone = { .include_left = TRUE };

  /* Values that a careless writer or reader would change: separators,
   * quotes, leading zeros, line breaks, departments named by path. */
  ck_assert_msg (import_bytes ("工号,姓名,部门编码,部门,执法领域,岗位,状态,电话\n"
                               "001234,张伟,SJ01,,\"市场监管,食品安全\",执法岗,在职,013800000001\n"
                               "330401002,欧阳娜娜,,执法二大队,\"说\"\"明\"\"\",\"科员\n兼内勤\",停职,\n"
                               "330401003,吉𠮷,GT01,,,,离岗,+86 139 0000 0003\n"
                               "330401004,赵磊,,规划和自然资源局,,,,\n",
                               -1, NULL, NULL, &error),
                 "%s", error ? error->message : "");
  zhang = officer ("001234");
  issue (zhang->id, "浙执0001", "2024-01-01", NULL);

  rows = lc_roster_rows (lc_test.system, &everyone, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (rows->len, 4);
  csv = export_csv (rows);
  before = lc_test_snapshot ();

  lc_test_set_now (LC_TEST_NOW + 86400);
  ck_assert_msg (import_bytes (csv, -1, &result, NULL, &error), "%s\n%s", error ? error->message : "", csv);
  ck_assert_uint_eq (result.added, 0);
  ck_assert_uint_eq (result.updated, 0);
  ck_assert_uint_eq (result.unchanged, 4);
  ck_assert_uint_eq (result.ignored_columns->len, 5);
  after = lc_test_snapshot ();
  ck_assert_str_eq (after, before);

  rows_after = lc_roster_rows (lc_test.system, &everyone, &error);
  export_after = export_csv (rows_after);
  ck_assert_str_eq (export_after, csv);
}
END_TEST

static Suite *
roster_suite (void)
{
  Suite *s = suite_create ("roster");
  TCase *tc;

  tc = tcase_create ("import");
  tcase_add_checked_fixture (tc, setup_roster, teardown_roster);
  tcase_add_loop_test (tc, test_import_encodings, 0, G_N_ELEMENTS (encoding_cases));
  tcase_add_loop_test (tc, test_header_aliases, 0, G_N_ELEMENTS (english_cases));
  tcase_add_test (tc, test_ignored_columns);
  tcase_add_loop_test (tc, test_department_resolution, 0, G_N_ELEMENTS (department_cases));
  tcase_add_test (tc, test_reimport_updates);
  tcase_add_test (tc, test_blank_rows_skipped);
  suite_add_tcase (s, tc);

  tc = tcase_create ("refusals");
  tcase_add_checked_fixture (tc, setup_roster, teardown_roster);
  tcase_add_test (tc, test_bad_row_57);
  tcase_add_test (tc, test_several_bad_rows);
  tcase_add_test (tc, test_duplicate_in_file);
  tcase_add_loop_test (tc, test_columns, 0, G_N_ELEMENTS (column_cases));
  tcase_add_test (tc, test_permission);
  suite_add_tcase (s, tc);

  tc = tcase_create ("export");
  tcase_add_checked_fixture (tc, setup_roster, teardown_roster);
  tcase_add_test (tc, test_rows_best_certificate);
  tcase_add_test (tc, test_rows_filter);
  tcase_add_test (tc, test_export_import_round_trip);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return lc_test_run (roster_suite ());
}
