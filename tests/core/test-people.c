/* test-people.c: departments, officers, certificates, training and who may touch them. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-auth.h"
#include "lc-people.h"
#include "lc-test-util.h"

#define OK (-1)

/* "×65:张" is 张 65 times; anything else is itself. Keeps long values readable in tables. */
static char *
expand (const char *spec)
{
  g_autoptr (GString) out = NULL;
  char *end = NULL;
  guint64 count;

  if (spec == NULL || !g_str_has_prefix (spec, "×"))
    return g_strdup (spec);
  count = g_ascii_strtoull (spec + strlen ("×"), &end, 10);
  ck_assert (*end == ':');
  out = g_string_new (NULL);
  for (guint64 i = 0; i < count; i++)
    g_string_append (out, end + 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Departments ------------------------------------------------------------ */

START_TEST (test_department_add_find)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) by_code = NULL;
  g_autoptr (LcDepartment) by_name = NULL;
  gint64 bureau = lc_test_add_department ("SJ", "市场监督管理局", 0);
  gint64 brigade = lc_test_add_department ("SJ01", "执法一大队", bureau);

  by_code = lc_people_find_department (lc_test.system, "SJ01", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (by_code->id, brigade);
  ck_assert_str_eq (by_code->code, "SJ01");
  ck_assert_str_eq (by_code->name, "执法一大队");
  ck_assert_int_eq (by_code->parent_id, bureau);

  by_name = lc_people_find_department (lc_test.system, "市场监督管理局", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (by_name->id, bureau);
  ck_assert_int_eq (by_name->parent_id, 0);
}
END_TEST

START_TEST (test_department_find_errors)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) found = NULL;
  gint64 sj = lc_test_add_department ("SJ", "市场监督管理局", 0);
  gint64 gt = lc_test_add_department ("GT", "规划和自然资源局", 0);

  lc_test_add_department ("SJ01", "执法一大队", sj);
  lc_test_add_department ("GT01", "执法一大队", gt);

  found = lc_people_find_department (lc_test.system, "执法一大队", &error);
  ck_assert_ptr_null (found);
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_AMBIGUOUS_DEPARTMENT);
  ck_assert_msg (strstr (error->message, "执法一大队") != NULL, "%s", error->message);
  g_clear_error (&error);

  found = lc_people_find_department (lc_test.system, "执法二大队", &error);
  ck_assert_ptr_null (found);
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT);
  g_clear_error (&error);

  /* The code still finds the one meant. */
  found = lc_people_find_department (lc_test.system, "GT01", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (found->parent_id, gt);
}
END_TEST

static const struct
{
  const char *label;
  const char *code;
  const char *name;
  int parent; /* 0 none, 1 the existing department, 2 a missing one */
  int expected;
} department_error_cases[] = {
  { "empty code", "", "一大队", 0, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "blank code", "  ", "一大队", 0, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "no code", NULL, "一大队", 0, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "empty name", "D02", "", 0, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "code too long", "×33:D", "一大队", 0, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "name too long", "D02", "×65:队", 0, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "duplicate code", "D01", "另一个单位", 0, LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT },
  { "duplicate code under a parent", "D01", "另一个单位", 1, LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT },
  { "unknown parent", "D02", "一大队", 2, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT },
  { "longest code", "×32:D", "一大队", 0, OK },
  { "longest name", "D02", "×64:队", 1, OK },
};

START_TEST (test_department_errors)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = expand (department_error_cases[_i].code);
  g_autofree char *name = expand (department_error_cases[_i].name);
  gint64 existing = lc_test_add_department ("D01", "市场监督管理局", 0);
  gint64 parent = department_error_cases[_i].parent == 1 ? existing : department_error_cases[_i].parent == 2 ? 999 : 0;
  g_autofree char *before = lc_test_snapshot ();
  g_autofree char *after = NULL;
  gint64 id = 0;
  gboolean ok = lc_people_add_department (lc_test.system, code, name, parent, &id, &error);

  after = lc_test_snapshot ();
  if (department_error_cases[_i].expected == OK)
    {
      ck_assert_msg (ok, "%s: %s", department_error_cases[_i].label, error ? error->message : "");
      ck_assert_int_gt (id, 0);
    }
  else
    {
      ck_assert_msg (!ok, "%s was accepted", department_error_cases[_i].label);
      lc_test_assert_error (error, LC_PEOPLE_ERROR, department_error_cases[_i].expected);
      ck_assert_str_eq (after, before);
    }
}
END_TEST

START_TEST (test_department_update)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcDepartment) found = NULL;
  gint64 sj = lc_test_add_department ("SJ", "市场监督管理局", 0);
  gint64 d1 = lc_test_add_department ("D01", "执法一大队", sj);
  LcDepartment change = { .id = d1, .code = (char *) "D09", .name = (char *) "综合执法大队", .parent_id = 0 };
  LcDepartment clash = { .id = d1, .code = (char *) "SJ", .name = (char *) "综合执法大队", .parent_id = 0 };
  LcDepartment missing = { .id = 999, .code = (char *) "D99", .name = (char *) "不存在", .parent_id = 0 };

  ck_assert_msg (lc_people_update_department (lc_test.system, &change, &error), "%s", error ? error->message : "");
  found = lc_people_find_department (lc_test.system, "D09", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (found->id, d1);
  ck_assert_str_eq (found->name, "综合执法大队");
  ck_assert_int_eq (found->parent_id, 0);

  ck_assert (!lc_people_update_department (lc_test.system, &clash, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_DEPARTMENT);
  g_clear_error (&error);

  ck_assert (!lc_people_update_department (lc_test.system, &missing, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT);
}
END_TEST

START_TEST (test_department_cycle)
{
  g_autoptr (GError) error = NULL;
  gint64 a = lc_test_add_department ("A", "局", 0);
  gint64 b = lc_test_add_department ("B", "大队", a);
  gint64 c = lc_test_add_department ("C", "中队", b);
  LcDepartment under_grandchild = { .id = a, .code = (char *) "A", .name = (char *) "局", .parent_id = c };
  LcDepartment under_child = { .id = a, .code = (char *) "A", .name = (char *) "局", .parent_id = b };
  LcDepartment under_itself = { .id = b, .code = (char *) "B", .name = (char *) "大队", .parent_id = b };
  LcDepartment to_top = { .id = b, .code = (char *) "B", .name = (char *) "大队", .parent_id = 0 };
  const LcDepartment *refused[] = { &under_grandchild, &under_child, &under_itself };
  g_autofree char *before = lc_test_snapshot ();

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *after = NULL;

      ck_assert (!lc_people_update_department (lc_test.system, refused[i], &error));
      lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DEPARTMENT_CYCLE);
      g_clear_error (&error);
      after = lc_test_snapshot ();
      ck_assert_str_eq (after, before);
    }
  /* Moving a unit out of the tree is no loop; then A may go under C. */
  ck_assert_msg (lc_people_update_department (lc_test.system, &to_top, &error), "%s", error ? error->message : "");
  ck_assert_msg (lc_people_update_department (lc_test.system, &under_grandchild, &error), "%s",
                 error ? error->message : "");
}
END_TEST

START_TEST (test_department_order)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) codes = g_string_new (NULL);
  gint64 z = lc_test_add_department ("Z", "Z局", 0);
  gint64 p2 = lc_test_add_department ("P2", "P2队", 0);
  gint64 m = lc_test_add_department ("M", "M局", 0);
  gint64 a = lc_test_add_department ("A", "A队", z);
  gint64 k;
  LcDepartment move;

  lc_test_add_department ("B", "B队", m);
  lc_test_add_department ("C", "C组", a);
  lc_test_add_department ("AA", "AA组", a);
  /* A parent made after its child: ids do not give the order. */
  k = lc_test_add_department ("K", "K局", 0);
  move = (LcDepartment){ .id = p2, .code = (char *) "P2", .name = (char *) "P2队", .parent_id = k };
  ck_assert (lc_people_update_department (lc_test.system, &move, &error));

  list = lc_people_list_departments (lc_test.system, &error);
  lc_test_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (list, i);
      g_string_append_printf (codes, "%s%s", i ? "," : "", department->code);
    }
  ck_assert_str_eq (codes->str, "K,P2,M,B,Z,A,AA,C");
}
END_TEST

START_TEST (test_department_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *top = NULL;
  gint64 sj = lc_test_add_department ("SJ", "市场监督管理局", 0);
  gint64 d1 = lc_test_add_department ("SJ01", "执法一大队", sj);
  gint64 z1 = lc_test_add_department ("SJ0101", "一中队", d1);

  path = lc_people_department_path (lc_test.system, z1, &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (path, "市场监督管理局/执法一大队/一中队");
  top = lc_people_department_path (lc_test.system, sj, &error);
  ck_assert_str_eq (top, "市场监督管理局");

  ck_assert_ptr_null (lc_people_department_path (lc_test.system, 999, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT);
}
END_TEST

/* Officers ------------------------------------------------------------------- */

START_TEST (test_officer_add_get)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) got = NULL;
  g_autoptr (LcOfficer) found = NULL;
  gint64 dept = lc_test_add_department ("SJ01", "执法一大队", 0);
  LcOfficer officer = {
    .staff_no = (char *) "330401001",
    .name = (char *) "张伟",
    .department_id = dept,
    .field = (char *) "市场监管",
    .post = (char *) "执法岗",
    .status = LC_OFFICER_SUSPENDED,
    .phone = (char *) "13800000001",
  };
  gint64 id = 0;

  ck_assert_msg (lc_people_add_officer (lc_test.system, &officer, &id, &error), "%s", error ? error->message : "");
  got = lc_people_get_officer (lc_test.system, id, &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (got->id, id);
  ck_assert_str_eq (got->staff_no, "330401001");
  ck_assert_str_eq (got->name, "张伟");
  ck_assert_int_eq (got->department_id, dept);
  ck_assert_str_eq (got->department_code, "SJ01");
  ck_assert_str_eq (got->department_name, "执法一大队");
  ck_assert_str_eq (got->field, "市场监管");
  ck_assert_str_eq (got->post, "执法岗");
  ck_assert_int_eq (got->status, LC_OFFICER_SUSPENDED);
  ck_assert_str_eq (got->phone, "13800000001");

  found = lc_people_find_officer (lc_test.system, "330401001", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (found->id, id);
  ck_assert_int_eq (lc_people_count_officers (lc_test.system, &error), 1);
}
END_TEST

START_TEST (test_officer_unknown)
{
  g_autoptr (GError) error = NULL;

  ck_assert_ptr_null (lc_people_get_officer (lc_test.system, 999, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER);
  g_clear_error (&error);
  ck_assert_ptr_null (lc_people_find_officer (lc_test.system, "000000000", &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER);
  ck_assert_msg (strstr (error->message, "000000000") != NULL, "%s", error->message);
}
END_TEST

static const struct
{
  const char *label;
  const char *staff_no;
  const char *name;
  int department; /* 0 the good one, 1 none, 2 a missing one */
  int status;
  const char *field;
  const char *phone;
  int expected;
} officer_cases[] = {
  { "empty staff number", "", "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "blank staff number", "   ", "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "no staff number", NULL, "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "space in staff number", "3304 01002", "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "tab in staff number", "330401002\t", "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "ideographic space in staff number", "3304\u300001002", "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "staff number too long", "×33:9", "张伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "longest staff number", "×32:9", "张伟", 0, 0, NULL, NULL, OK },
  { "empty name", "330401002", "", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "blank name", "330401002", "\u3000 ", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "name too long", "330401002", "×65:伟", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "longest name", "330401002", "×64:伟", 0, 0, NULL, NULL, OK },
  { "name not UTF-8", "330401002", "\xd5\xc5\xce\xb0", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "field too long", "330401002", "张伟", 0, 0, "×201:法", NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "phone too long", "330401002", "张伟", 0, 0, NULL, "×201:1", LC_PEOPLE_ERROR_INVALID_VALUE },
  { "unknown status", "330401002", "张伟", 0, 7, NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "no department", "330401002", "张伟", 1, 0, NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "unknown department", "330401002", "张伟", 2, 0, NULL, NULL, LC_PEOPLE_ERROR_UNKNOWN_DEPARTMENT },
  { "duplicate staff number", "330401001", "李娜", 0, 0, NULL, NULL, LC_PEOPLE_ERROR_DUPLICATE_STAFF_NO },
  { "all fields", "330401002", "欧阳娜娜", 0, LC_OFFICER_LEFT, "市场监管", "13800000002", OK },
};

START_TEST (test_officer_validation)
{
  g_autoptr (GError) validate_error = NULL;
  g_autoptr (GError) add_error = NULL;
  g_autofree char *staff_no = expand (officer_cases[_i].staff_no);
  g_autofree char *name = expand (officer_cases[_i].name);
  g_autofree char *field = expand (officer_cases[_i].field);
  g_autofree char *phone = expand (officer_cases[_i].phone);
  gint64 dept = lc_test_add_department ("SJ01", "执法一大队", 0);
  LcOfficer officer = {
    .staff_no = staff_no,
    .name = name,
    .department_id = officer_cases[_i].department == 0   ? dept
                     : officer_cases[_i].department == 1 ? 0
                                                         : 999,
    .field = field,
    .phone = phone,
    .status = (LcOfficerStatus) officer_cases[_i].status,
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean valid, added;
  gint64 id = 0;

  lc_test_add_officer ("330401001", "张伟", dept);
  before = lc_test_snapshot ();
  valid = lc_people_validate_officer (lc_test.system, &officer, NULL, &validate_error);
  added = lc_people_add_officer (lc_test.system, &officer, &id, &add_error);
  after = lc_test_snapshot ();

  if (officer_cases[_i].expected == OK)
    {
      ck_assert_msg (valid && added, "%s: %s", officer_cases[_i].label,
                     add_error        ? add_error->message
                     : validate_error ? validate_error->message
                                      : "");
      ck_assert_int_eq (lc_people_count_officers (lc_test.system, NULL), 2);
    }
  else
    {
      ck_assert_msg (!valid && !added, "%s was accepted", officer_cases[_i].label);
      lc_test_assert_error (add_error, LC_PEOPLE_ERROR, officer_cases[_i].expected);
      /* Dialogs show the validation message inline: it must be the same. */
      lc_test_assert_error (validate_error, LC_PEOPLE_ERROR, officer_cases[_i].expected);
      ck_assert_str_eq (validate_error->message, add_error->message);
      ck_assert_str_eq (after, before);
    }
}
END_TEST

START_TEST (test_officer_update)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) got = NULL;
  gint64 d1 = lc_test_add_department ("SJ01", "执法一大队", 0);
  gint64 d2 = lc_test_add_department ("SJ02", "执法二大队", 0);
  gint64 id = lc_test_add_officer ("330401001", "张伟", d1);
  LcOfficer change = {
    .id = id,
    .staff_no = (char *) "330401001",
    .name = (char *) "张伟伟",
    .department_id = d2,
    .field = (char *) "食品安全",
    .post = (char *) "科长",
    .status = LC_OFFICER_LEFT,
    .phone = (char *) "13900000000",
  };
  LcOfficer clash;
  LcOfficer missing;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  lc_test_add_officer ("330401002", "李娜", d1);
  ck_assert_msg (lc_people_update_officer (lc_test.system, &change, &error), "%s", error ? error->message : "");
  got = lc_people_get_officer (lc_test.system, id, &error);
  ck_assert_str_eq (got->name, "张伟伟");
  ck_assert_int_eq (got->department_id, d2);
  ck_assert_str_eq (got->department_name, "执法二大队");
  ck_assert_str_eq (got->field, "食品安全");
  ck_assert_str_eq (got->post, "科长");
  ck_assert_int_eq (got->status, LC_OFFICER_LEFT);
  ck_assert_str_eq (got->phone, "13900000000");

  before = lc_test_snapshot ();
  clash = change;
  clash.staff_no = (char *) "330401002";
  ck_assert (!lc_people_update_officer (lc_test.system, &clash, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_DUPLICATE_STAFF_NO);
  g_clear_error (&error);

  missing = change;
  missing.id = 999;
  missing.staff_no = (char *) "330401999";
  ck_assert (!lc_people_update_officer (lc_test.system, &missing, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_UNKNOWN_OFFICER);
  after = lc_test_snapshot ();
  ck_assert_str_eq (after, before);
}
END_TEST

/* The roster the search cases run over. */
static void
add_search_roster (void)
{
  static const struct
  {
    const char *staff_no, *name, *department, *phone;
    LcOfficerStatus status;
  } people[] = {
    { "330401001", "张伟", "SJ01", "13800000001", LC_OFFICER_ACTIVE },
    { "330401002", "李伟", "SJ0101", "13900000002", LC_OFFICER_ACTIVE },
    { "330401003", "王芳", "GT01", "13800000003", LC_OFFICER_SUSPENDED },
    { "330402004", "赵磊", "SJ", "", LC_OFFICER_ACTIVE },
    { "330402005", "陈静", "SJ0101", "13700000005", LC_OFFICER_LEFT },
    { "A_1", "孙一", "GT", "", LC_OFFICER_ACTIVE },
    { "AB1", "孙二", "GT", "", LC_OFFICER_ACTIVE },
    { "A%1", "孙三", "GT", "", LC_OFFICER_ACTIVE },
    { "ab2", "孙四", "GT", "", LC_OFFICER_ACTIVE },
  };
  gint64 sj = lc_test_add_department ("SJ", "市场监督管理局", 0);
  gint64 sj01 = lc_test_add_department ("SJ01", "执法一大队", sj);
  gint64 gt = lc_test_add_department ("GT", "规划和自然资源局", 0);

  lc_test_add_department ("SJ0101", "一中队", sj01);
  lc_test_add_department ("GT01", "执法一大队", gt);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LcDepartment) department = lc_people_find_department (lc_test.system, people[i].department, &error);
      LcOfficer officer = {
        .staff_no = (char *) people[i].staff_no,
        .name = (char *) people[i].name,
        .department_id = department->id,
        .phone = (char *) people[i].phone,
        .status = people[i].status,
      };

      ck_assert_msg (lc_people_add_officer (lc_test.system, &officer, NULL, &error), "%s", error ? error->message : "");
    }
}

static const struct
{
  const char *text;
  const char *department; /* code, or NULL for all */
  gboolean include_left;
  const char *expected; /* staff numbers in order */
} search_cases[] = {
  { NULL, NULL, FALSE, "330401001,330401002,330401003,330402004,A%1,AB1,A_1,ab2" },
  { "", NULL, FALSE, "330401001,330401002,330401003,330402004,A%1,AB1,A_1,ab2" },
  { NULL, NULL, TRUE, "330401001,330401002,330401003,330402004,330402005,A%1,AB1,A_1,ab2" },
  { "伟", NULL, FALSE, "330401001,330401002" },
  { "  伟 ", NULL, FALSE, "330401001,330401002" },
  { "张伟", NULL, FALSE, "330401001" },
  { "0401", NULL, FALSE, "330401001,330401002,330401003" },
  { "1380000", NULL, FALSE, "330401001,330401003" },
  { "0000002", NULL, FALSE, "330401002" },
  { "陈静", NULL, FALSE, "" },
  { "陈静", NULL, TRUE, "330402005" },
  { "%", NULL, FALSE, "A%1" },
  { "_", NULL, FALSE, "A_1" },
  { "A_1", NULL, FALSE, "A_1" },
  { "A%1", NULL, FALSE, "A%1" },
  { "\\", NULL, FALSE, "" },
  { "ab", NULL, FALSE, "AB1,ab2" },
  /* The text matches within one of name, staff number and phone, never across them. */
  { "1 张", NULL, FALSE, "" },
  { "001张伟", NULL, FALSE, "" },
  { "无此人", NULL, FALSE, "" },
  { NULL, "SJ", FALSE, "330401001,330401002,330402004" },
  { NULL, "SJ", TRUE, "330401001,330401002,330402004,330402005" },
  { NULL, "SJ01", FALSE, "330401001,330401002" },
  { NULL, "SJ0101", TRUE, "330401002,330402005" },
  { NULL, "GT", FALSE, "330401003,A%1,AB1,A_1,ab2" },
  { NULL, "GT01", FALSE, "330401003" },
  { "李", "SJ", FALSE, "330401002" },
  { "伟", "GT", FALSE, "" },
};

START_TEST (test_officer_search)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) got = g_string_new (NULL);
  LcOfficerFilter filter = { .text = search_cases[_i].text, .include_left = search_cases[_i].include_left };

  add_search_roster ();
  if (search_cases[_i].department != NULL)
    {
      g_autoptr (LcDepartment) department =
          lc_people_find_department (lc_test.system, search_cases[_i].department, &error);
      lc_test_assert_no_error (error);
      filter.department_id = department->id;
    }
  list = lc_people_list_officers (lc_test.system, &filter, &error);
  lc_test_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (got, "%s%s", i ? "," : "", ((LcOfficer *) g_ptr_array_index (list, i))->staff_no);
  ck_assert_msg (
      strcmp (got->str, search_cases[_i].expected) == 0, "text \"%s\" department %s: got \"%s\", want \"%s\"",
      search_cases[_i].text ? search_cases[_i].text : "(null)",
      search_cases[_i].department ? search_cases[_i].department : "(all)", got->str, search_cases[_i].expected);
}
END_TEST

START_TEST (test_officer_count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;

  ck_assert_int_eq (lc_people_count_officers (lc_test.system, &error), 0);
  add_search_roster ();
  /* Counted as stored: officers who left are still on file. */
  ck_assert_int_eq (lc_people_count_officers (lc_test.system, &error), 9);
  all = lc_people_list_officers (lc_test.system, NULL, &error);
  ck_assert_uint_eq (all->len, 8);
  lc_test_assert_no_error (error);
}
END_TEST

/* Certificates ------------------------------------------------------------ */

static gint64 cert_department;

/* 张伟 330401001 in 执法一大队 (cert_department). */
static gint64
add_cert_officer (void)
{
  cert_department = lc_test_add_department ("SJ01", "执法一大队", 0);
  return lc_test_add_officer ("330401001", "张伟", cert_department);
}

static gint64
issue (LcSession *session, gint64 officer_id, const char *cert_no, const char *issued_on, const char *expires_on)
{
  g_autoptr (GError) error = NULL;
  LcCertificate certificate = {
    .officer_id = officer_id,
    .cert_no = (char *) cert_no,
    .field = (char *) "市场监管",
    .issued_on = (char *) issued_on,
    .expires_on = (char *) expires_on,
  };
  gint64 id = 0;

  ck_assert_msg (lc_people_issue_certificate (session, &certificate, "首次申领", &id, &error), "%s: %s", cert_no,
                 error ? error->message : "");
  return id;
}

START_TEST (test_certificate_issue_default_expiry)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcCertificate) got = NULL;
  g_autoptr (GPtrArray) events = NULL;
  gint64 officer = add_cert_officer ();
  gint64 id = issue (personnel, officer, "浙执0001", "2024-02-29", NULL);
  LcCertificateEvent *event;

  got = lc_people_get_certificate (personnel, id, &error);
  lc_test_assert_no_error (error);
  ck_assert_str_eq (got->cert_no, "浙执0001");
  ck_assert_str_eq (got->field, "市场监管");
  ck_assert_str_eq (got->issued_on, "2024-02-29");
  ck_assert_str_eq (got->expires_on, "2029-02-28");
  ck_assert_ptr_null (got->reviewed_on);
  ck_assert_int_eq (got->status, LC_CERT_VALID);
  ck_assert_str_eq (got->status_reason, "");
  ck_assert_int_eq (got->officer_id, officer);
  ck_assert_str_eq (got->officer_name, "张伟");
  ck_assert_str_eq (got->officer_staff_no, "330401001");

  events = lc_people_list_certificate_events (personnel, id, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (events->len, 1);
  event = g_ptr_array_index (events, 0);
  ck_assert_int_eq (event->action, LC_CERT_ACTION_ISSUE);
  ck_assert_str_eq (event->on_date, "2024-02-29");
  ck_assert_str_eq (event->reason, "首次申领");
  ck_assert_int_eq (event->at, LC_TEST_NOW);
  ck_assert_int_eq (event->user_id, lc_session_get_user_id (personnel));
  ck_assert_str_eq (event->user_login, lc_session_get_login (personnel));
}
END_TEST

START_TEST (test_certificate_issue_explicit_expiry)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcCertificate) got = NULL;
  g_autoptr (LcCertificate) found = NULL;
  gint64 officer = add_cert_officer ();
  gint64 id = issue (lc_test.system, officer, "浙执0001", "2024-03-01", "2027-12-31");

  got = lc_people_get_certificate (lc_test.system, id, &error);
  ck_assert_str_eq (got->expires_on, "2027-12-31");
  found = lc_people_find_certificate (lc_test.system, "浙执0001", &error);
  lc_test_assert_no_error (error);
  ck_assert_int_eq (found->id, id);
}
END_TEST

static const struct
{
  const char *label;
  const char *cert_no;
  int officer; /* 0 the officer, 1 a missing one */
  const char *issued_on;
  const char *expires_on;
  const char *reviewed_on;
  int expected;
} issue_cases[] = {
  { "expiry before issue", "浙执0002", 0, "2024-03-01", "2024-02-29", NULL, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE },
  { "expiry on issue", "浙执0002", 0, "2024-03-01", "2024-03-01", NULL, LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE },
  { "duplicate number", "浙执0001", 0, "2024-03-01", NULL, NULL, LC_PEOPLE_ERROR_DUPLICATE_CERT_NO },
  { "unknown officer", "浙执0002", 1, "2024-03-01", NULL, NULL, LC_PEOPLE_ERROR_UNKNOWN_OFFICER },
  { "empty number", "", 0, "2024-03-01", NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "space in number", "浙执 0002", 0, "2024-03-01", NULL, NULL, LC_PEOPLE_ERROR_INVALID_VALUE },
  { "no issue date", "浙执0002", 0, "", NULL, NULL, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "impossible issue date", "浙执0002", 0, "2023-02-29", NULL, NULL, LC_PEOPLE_ERROR_INVALID_DATE },
  { "issue date not ISO", "浙执0002", 0, "2024/03/01", NULL, NULL, LC_PEOPLE_ERROR_INVALID_DATE },
  { "impossible expiry", "浙执0002", 0, "2024-03-01", "2029-13-01", NULL, LC_PEOPLE_ERROR_INVALID_DATE },
  { "impossible review date", "浙执0002", 0, "2024-03-01", NULL, "2025-02-30", LC_PEOPLE_ERROR_INVALID_DATE },
  { "a day of validity", "浙执0002", 0, "2024-03-01", "2024-03-02", "2024-03-01", OK },
};

START_TEST (test_certificate_issue_errors)
{
  g_autoptr (GError) error = NULL;
  gint64 officer = add_cert_officer ();
  LcCertificate certificate = {
    .officer_id = issue_cases[_i].officer == 0 ? officer : 999,
    .cert_no = (char *) issue_cases[_i].cert_no,
    .issued_on = (char *) issue_cases[_i].issued_on,
    .expires_on = (char *) issue_cases[_i].expires_on,
    .reviewed_on = (char *) issue_cases[_i].reviewed_on,
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  issue (lc_test.system, officer, "浙执0001", "2020-01-01", NULL);
  before = lc_test_snapshot ();
  ok = lc_people_issue_certificate (lc_test.system, &certificate, NULL, NULL, &error);
  after = lc_test_snapshot ();
  if (issue_cases[_i].expected == OK)
    ck_assert_msg (ok, "%s: %s", issue_cases[_i].label, error ? error->message : "");
  else
    {
      ck_assert_msg (!ok, "%s was accepted", issue_cases[_i].label);
      lc_test_assert_error (error, LC_PEOPLE_ERROR, issue_cases[_i].expected);
      ck_assert_str_eq (after, before);
    }
}
END_TEST

/* Where a certificate starts before the action: a stored status, and
 * whether today (2026-06-15) is past its expiry. */
typedef enum
{
  START_VALID,
  START_SUSPENDED,
  START_REVOKED,
  START_CANCELLED,
  START_EXPIRED,           /* stored valid, past expiry */
  START_SUSPENDED_EXPIRED, /* stored suspended, past expiry */
} StartState;

static const struct
{
  StartState start;
  LcCertAction action;
  const char *on_date; /* NULL: today */
  const char *reason;
  const char *new_expiry;
  int expected;
  LcCertStatus status_after; /* stored */
  const char *expires_after; /* NULL: unchanged */
} transition_cases[] = {
  { START_VALID, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, OK, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_SUSPEND, NULL, "涉嫌违法执法，暂扣执法证", NULL, OK, LC_CERT_SUSPENDED, NULL },
  { START_VALID, LC_CERT_ACTION_SUSPEND, NULL, NULL, NULL, LC_PEOPLE_ERROR_REASON_REQUIRED, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_SUSPEND, NULL, " \u3000 ", NULL, LC_PEOPLE_ERROR_REASON_REQUIRED, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_REINSTATE, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_REVOKE, NULL, "严重违法", NULL, OK, LC_CERT_REVOKED, NULL },
  { START_VALID, LC_CERT_ACTION_REVOKE, NULL, NULL, NULL, LC_PEOPLE_ERROR_REASON_REQUIRED, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_CANCEL, NULL, "调离执法岗位", NULL, OK, LC_CERT_CANCELLED, NULL },
  { START_VALID, LC_CERT_ACTION_CANCEL, NULL, "", NULL, LC_PEOPLE_ERROR_REASON_REQUIRED, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_RENEW, NULL, NULL, NULL, OK, LC_CERT_VALID, "2031-06-15" },
  { START_VALID, LC_CERT_ACTION_RENEW, NULL, NULL, "2032-01-01", OK, LC_CERT_VALID, "2032-01-01" },
  { START_VALID, LC_CERT_ACTION_RENEW, NULL, NULL, "2029-01-01", LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE, LC_CERT_VALID,
    NULL },
  { START_VALID, LC_CERT_ACTION_RENEW, NULL, NULL, "2031-02-30", LC_PEOPLE_ERROR_INVALID_DATE, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_ISSUE, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_REVIEW, "2021-02-28", NULL, NULL, LC_PEOPLE_ERROR_INVALID_DATE, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_REVIEW, "2026-02-30", NULL, NULL, LC_PEOPLE_ERROR_INVALID_DATE, LC_CERT_VALID, NULL },
  { START_VALID, LC_CERT_ACTION_REVIEW, "2026-03-01", NULL, NULL, OK, LC_CERT_VALID, NULL },

  { START_SUSPENDED, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_SUSPENDED,
    NULL },
  { START_SUSPENDED, LC_CERT_ACTION_SUSPEND, NULL, "再次暂扣", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION,
    LC_CERT_SUSPENDED, NULL },
  { START_SUSPENDED, LC_CERT_ACTION_REINSTATE, NULL, NULL, NULL, OK, LC_CERT_VALID, NULL },
  { START_SUSPENDED, LC_CERT_ACTION_REVOKE, NULL, "严重违法", NULL, OK, LC_CERT_REVOKED, NULL },
  { START_SUSPENDED, LC_CERT_ACTION_REVOKE, NULL, NULL, NULL, LC_PEOPLE_ERROR_REASON_REQUIRED, LC_CERT_SUSPENDED,
    NULL },
  { START_SUSPENDED, LC_CERT_ACTION_CANCEL, NULL, "退休", NULL, OK, LC_CERT_CANCELLED, NULL },
  { START_SUSPENDED, LC_CERT_ACTION_RENEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_SUSPENDED,
    NULL },

  { START_REVOKED, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_REVOKED, NULL },
  { START_REVOKED, LC_CERT_ACTION_SUSPEND, NULL, "暂扣", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_REVOKED,
    NULL },
  { START_REVOKED, LC_CERT_ACTION_REINSTATE, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_REVOKED,
    NULL },
  { START_REVOKED, LC_CERT_ACTION_REVOKE, NULL, "再次吊销", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_REVOKED,
    NULL },
  { START_REVOKED, LC_CERT_ACTION_CANCEL, NULL, "注销", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_REVOKED,
    NULL },
  { START_REVOKED, LC_CERT_ACTION_RENEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_REVOKED, NULL },

  { START_CANCELLED, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_CANCELLED,
    NULL },
  { START_CANCELLED, LC_CERT_ACTION_SUSPEND, NULL, "暂扣", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_CANCELLED,
    NULL },
  { START_CANCELLED, LC_CERT_ACTION_REINSTATE, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_CANCELLED,
    NULL },
  { START_CANCELLED, LC_CERT_ACTION_REVOKE, NULL, "吊销", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_CANCELLED,
    NULL },
  { START_CANCELLED, LC_CERT_ACTION_CANCEL, NULL, "再次注销", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION,
    LC_CERT_CANCELLED, NULL },
  { START_CANCELLED, LC_CERT_ACTION_RENEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_CANCELLED,
    NULL },

  { START_EXPIRED, LC_CERT_ACTION_RENEW, NULL, NULL, NULL, OK, LC_CERT_VALID, "2031-06-15" },
  { START_EXPIRED, LC_CERT_ACTION_RENEW, NULL, NULL, "2030-12-31", OK, LC_CERT_VALID, "2030-12-31" },
  { START_EXPIRED, LC_CERT_ACTION_RENEW, NULL, NULL, "2026-06-15", LC_PEOPLE_ERROR_EXPIRY_BEFORE_ISSUE, LC_CERT_VALID,
    NULL },
  { START_EXPIRED, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_VALID, NULL },
  { START_EXPIRED, LC_CERT_ACTION_SUSPEND, NULL, "暂扣", NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_VALID,
    NULL },
  { START_EXPIRED, LC_CERT_ACTION_REINSTATE, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION, LC_CERT_VALID,
    NULL },
  { START_EXPIRED, LC_CERT_ACTION_CANCEL, NULL, "退休", NULL, OK, LC_CERT_CANCELLED, NULL },
  { START_EXPIRED, LC_CERT_ACTION_REVOKE, NULL, "严重违法", NULL, OK, LC_CERT_REVOKED, NULL },
  /* Before the expiry it was still valid: a review dated then is allowed. */
  { START_EXPIRED, LC_CERT_ACTION_REVIEW, "2026-02-01", NULL, NULL, OK, LC_CERT_VALID, NULL },

  /* Renewal is for a valid certificate that ran out (lc-people.h); it must
   * not lift a suspension (暂扣) that is still in force. */
  { START_SUSPENDED_EXPIRED, LC_CERT_ACTION_RENEW, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION,
    LC_CERT_SUSPENDED, NULL },
  { START_SUSPENDED_EXPIRED, LC_CERT_ACTION_REINSTATE, NULL, NULL, NULL, LC_PEOPLE_ERROR_INVALID_TRANSITION,
    LC_CERT_SUSPENDED, NULL },
  { START_SUSPENDED_EXPIRED, LC_CERT_ACTION_CANCEL, NULL, "退休", NULL, OK, LC_CERT_CANCELLED, NULL },
};

START_TEST (test_certificate_transition)
{
  static const char *const start_names[] = { "valid",     "suspended", "revoked",
                                             "cancelled", "expired",   "suspended+expired" };
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcCertificate) before_cert = NULL;
  g_autoptr (LcCertificate) after_cert = NULL;
  g_autoptr (GPtrArray) before_events = NULL;
  g_autoptr (GPtrArray) after_events = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  StartState start = transition_cases[_i].start;
  gboolean past = start == START_EXPIRED || start == START_SUSPENDED_EXPIRED;
  gint64 officer = add_cert_officer ();
  gint64 id = issue (personnel, officer, "浙执0001", "2021-03-01", past ? "2026-03-01" : "2030-03-01");
  const char *label = lc_cert_action_to_string (transition_cases[_i].action);
  gboolean ok;

  if (start == START_SUSPENDED || start == START_SUSPENDED_EXPIRED)
    ck_assert (
        lc_people_certificate_transition (personnel, id, LC_CERT_ACTION_SUSPEND, "2026-01-10", "准备", NULL, &error));
  else if (start == START_REVOKED)
    ck_assert (
        lc_people_certificate_transition (personnel, id, LC_CERT_ACTION_REVOKE, "2026-01-10", "准备", NULL, &error));
  else if (start == START_CANCELLED)
    ck_assert (
        lc_people_certificate_transition (personnel, id, LC_CERT_ACTION_CANCEL, "2026-01-10", "准备", NULL, &error));
  lc_test_assert_no_error (error);

  before_cert = lc_people_get_certificate (personnel, id, &error);
  before_events = lc_people_list_certificate_events (personnel, id, &error);
  before = lc_test_snapshot ();
  ok = lc_people_certificate_transition (personnel, id, transition_cases[_i].action, transition_cases[_i].on_date,
                                         transition_cases[_i].reason, transition_cases[_i].new_expiry, &error);
  after = lc_test_snapshot ();
  after_cert = lc_people_get_certificate (personnel, id, NULL);
  after_events = lc_people_list_certificate_events (personnel, id, NULL);

  if (transition_cases[_i].expected == OK)
    {
      const char *date = transition_cases[_i].on_date ? transition_cases[_i].on_date : LC_TEST_TODAY;
      LcCertificateEvent *event;

      ck_assert_msg (ok, "%s on a %s certificate: %s", label, start_names[start], error ? error->message : "");
      ck_assert_uint_eq (after_events->len, before_events->len + 1);
      event = g_ptr_array_index (after_events, after_events->len - 1);
      ck_assert_int_eq (event->action, transition_cases[_i].action);
      ck_assert_str_eq (event->on_date, date);
      ck_assert_str_eq (event->reason, transition_cases[_i].reason ? transition_cases[_i].reason : "");
      ck_assert_str_eq (event->user_login, lc_session_get_login (personnel));
      if (transition_cases[_i].action == LC_CERT_ACTION_REVIEW)
        ck_assert_str_eq (after_cert->reviewed_on, date);
      else
        ck_assert_ptr_null (after_cert->reviewed_on);
      if (transition_cases[_i].status_after == LC_CERT_VALID)
        ck_assert_str_eq (after_cert->status_reason, "");
      else
        ck_assert_str_eq (after_cert->status_reason, transition_cases[_i].reason);
    }
  else
    {
      ck_assert_msg (!ok, "%s on a %s certificate was accepted", label, start_names[start]);
      lc_test_assert_error (error, LC_PEOPLE_ERROR, transition_cases[_i].expected);
      ck_assert_str_eq (after, before);
    }
  ck_assert_msg (after_cert->status == transition_cases[_i].status_after, "%s on a %s certificate left it %s", label,
                 start_names[start], lc_cert_status_to_string (after_cert->status));
  ck_assert_str_eq (after_cert->expires_on,
                    transition_cases[_i].expires_after ? transition_cases[_i].expires_after : before_cert->expires_on);
}
END_TEST

START_TEST (test_certificate_history)
{
  static const struct
  {
    LcCertAction action;
    const char *on_date;
    const char *reason;
  } steps[] = {
    { LC_CERT_ACTION_REVIEW, "2022-03-01", NULL },
    { LC_CERT_ACTION_SUSPEND, "2023-05-01", "涉嫌违法执法" },
    { LC_CERT_ACTION_REINSTATE, "2023-08-01", "调查结束" },
    { LC_CERT_ACTION_REVIEW, "2024-03-01", "年审合格" },
    { LC_CERT_ACTION_RENEW, NULL, NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (LcSession) admin = lc_test_session (LC_ROLE_ADMINISTRATOR, 0);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (LcCertificate) got = NULL;
  gint64 officer = add_cert_officer ();
  gint64 id = issue (personnel, officer, "浙执0001", "2021-03-01", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* Events remember who acted, not only when. */
      LcSession *acting = i % 2 ? admin : personnel;

      lc_test_set_now (LC_TEST_NOW + i);
      ck_assert_msg (lc_people_certificate_transition (acting, id, steps[i].action, steps[i].on_date, steps[i].reason,
                                                       NULL, &error),
                     "step %u: %s", i, error ? error->message : "");
    }
  events = lc_people_list_certificate_events (personnel, id, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (events->len, 1 + G_N_ELEMENTS (steps));
  ck_assert_int_eq (((LcCertificateEvent *) g_ptr_array_index (events, 0))->action, LC_CERT_ACTION_ISSUE);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      LcCertificateEvent *event = g_ptr_array_index (events, i + 1);
      LcSession *acting = i % 2 ? admin : personnel;

      ck_assert_int_eq (event->action, steps[i].action);
      ck_assert_str_eq (event->on_date, steps[i].on_date ? steps[i].on_date : LC_TEST_TODAY);
      ck_assert_str_eq (event->reason, steps[i].reason ? steps[i].reason : "");
      ck_assert_int_eq (event->at, LC_TEST_NOW + i);
      ck_assert_int_eq (event->user_id, lc_session_get_user_id (acting));
      ck_assert_str_eq (event->user_login, lc_session_get_login (acting));
    }
  got = lc_people_get_certificate (personnel, id, &error);
  ck_assert_str_eq (got->reviewed_on, "2024-03-01");
  ck_assert_str_eq (got->expires_on, "2031-06-15");
}
END_TEST

START_TEST (test_certificate_effective_status)
{
  LcCertificate certificate = { .issued_on = (char *) "2021-06-15", .expires_on = (char *) "2026-06-15" };
  static const struct
  {
    LcCertStatus stored;
    const char *date;
    LcCertStatus expected;
  } cases[] = {
    { LC_CERT_VALID, "2026-06-14", LC_CERT_VALID },         { LC_CERT_VALID, "2026-06-15", LC_CERT_VALID },
    { LC_CERT_VALID, "2026-06-16", LC_CERT_EXPIRED },       { LC_CERT_SUSPENDED, "2026-06-15", LC_CERT_SUSPENDED },
    { LC_CERT_SUSPENDED, "2026-06-16", LC_CERT_EXPIRED },   { LC_CERT_REVOKED, "2030-01-01", LC_CERT_REVOKED },
    { LC_CERT_CANCELLED, "2030-01-01", LC_CERT_CANCELLED }, { LC_CERT_VALID, NULL, LC_CERT_VALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      certificate.status = cases[i].stored;
      ck_assert_msg (lc_certificate_effective_status (&certificate, cases[i].date) == cases[i].expected, "%s on %s",
                     lc_cert_status_to_string (cases[i].stored), cases[i].date);
    }
}
END_TEST

/* The expiry day is the last good day, for the transitions too. */
START_TEST (test_certificate_expiry_day)
{
  g_autoptr (GError) error = NULL;
  gint64 officer = add_cert_officer ();
  gint64 id = issue (lc_test.system, officer, "浙执0001", "2021-06-15", "2026-06-15");

  ck_assert_msg (lc_people_certificate_transition (lc_test.system, id, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, &error),
                 "%s", error ? error->message : "");
  lc_test_set_now (LC_TEST_NOW + 86400);
  ck_assert (!lc_people_certificate_transition (lc_test.system, id, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, &error));
  lc_test_assert_error (error, LC_PEOPLE_ERROR, LC_PEOPLE_ERROR_INVALID_TRANSITION);
  ck_assert_msg (strstr (error->message, "浙执0001") != NULL && strstr (error->message, "2026-06-16") != NULL, "%s",
                 error->message);
}
END_TEST

START_TEST (test_certificate_lists)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GPtrArray) all = NULL;
  gint64 officer = add_cert_officer ();
  gint64 other = lc_test_add_officer ("330401002", "李娜", cert_department);

  issue (lc_test.system, officer, "浙执0003", "2019-01-01", "2020-01-01");
  issue (lc_test.system, officer, "浙执0001", "2024-01-01", NULL);
  issue (lc_test.system, officer, "浙执0002", "2021-01-01", "2024-01-01");
  issue (lc_test.system, other, "浙执0000", "2022-01-01", NULL);

  mine = lc_people_list_certificates (lc_test.system, officer, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (mine->len, 3);
  /* Newest first. */
  ck_assert_str_eq (((LcCertificate *) g_ptr_array_index (mine, 0))->cert_no, "浙执0001");
  ck_assert_str_eq (((LcCertificate *) g_ptr_array_index (mine, 1))->cert_no, "浙执0002");
  ck_assert_str_eq (((LcCertificate *) g_ptr_array_index (mine, 2))->cert_no, "浙执0003");

  all = lc_people_list_certificates (lc_test.system, 0, &error);
  ck_assert_uint_eq (all->len, 4);
  ck_assert_str_eq (((LcCertificate *) g_ptr_array_index (all, 0))->cert_no, "浙执0000");
  ck_assert_str_eq (((LcCertificate *) g_ptr_array_index (all, 3))->cert_no, "浙执0003");
}
END_TEST

/* Training ------------------------------------------------------------------ */

static gboolean
add_training (LcSession *session, gint64 officer, const char *on_date, gint64 hours, GError **error)
{
  LcTrainingRecord record = {
    .officer_id = officer,
    .on_date = (char *) on_date,
    .hours = hours,
    .source = LC_TRAINING_EXTERNAL,
    .note = (char *) "行政处罚法专题培训",
  };

  return lc_people_add_training (session, &record, NULL, error);
}

START_TEST (test_training_add)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) personnel = lc_test_session (LC_ROLE_PERSONNEL, 0);
  g_autoptr (GPtrArray) list = NULL;
  gint64 officer = add_cert_officer ();
  LcTrainingRecord record = {
    .officer_id = officer,
    .on_date = (char *) "2026-03-01",
    .hours = 350,
    .source = LC_TRAINING_EXTERNAL,
    .note = (char *) "行政处罚法专题培训",
  };
  LcTrainingRecord *got;
  gint64 id = 0;

  ck_assert_msg (lc_people_add_training (personnel, &record, &id, &error), "%s", error ? error->message : "");
  ck_assert_int_gt (id, 0);
  list = lc_people_list_training (personnel, officer, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (list->len, 1);
  got = g_ptr_array_index (list, 0);
  ck_assert_int_eq (got->id, id);
  ck_assert_int_eq (got->officer_id, officer);
  ck_assert_str_eq (got->on_date, "2026-03-01");
  ck_assert_int_eq (got->hours, 350);
  ck_assert_int_eq (got->source, LC_TRAINING_EXTERNAL);
  ck_assert_str_eq (got->note, "行政处罚法专题培训");
  ck_assert_int_eq (got->entered_by, lc_session_get_user_id (personnel));
  ck_assert_str_eq (got->entered_by_login, lc_session_get_login (personnel));
}
END_TEST

static const struct
{
  const char *on_date;
  gint64 hours;
  int officer; /* 0 the officer, 1 a missing one */
  int expected;
} training_cases[] = {
  { "2026-03-01", 0, 0, LC_PEOPLE_ERROR_INVALID_HOURS },
  { "2026-03-01", -50, 0, LC_PEOPLE_ERROR_INVALID_HOURS },
  { "2026-03-01", 2401, 0, LC_PEOPLE_ERROR_INVALID_HOURS },
  { "2026-03-01", 2400, 0, OK },
  { "2026-03-01", 1, 0, OK },
  { "2026-02-30", 100, 0, LC_PEOPLE_ERROR_INVALID_DATE },
  { "2026/03/01", 100, 0, LC_PEOPLE_ERROR_INVALID_DATE },
  { "", 100, 0, LC_PEOPLE_ERROR_MISSING_VALUE },
  { NULL, 100, 0, LC_PEOPLE_ERROR_MISSING_VALUE },
  { "2026-03-01", 100, 1, LC_PEOPLE_ERROR_UNKNOWN_OFFICER },
};

START_TEST (test_training_errors)
{
  g_autoptr (GError) error = NULL;
  gint64 officer = add_cert_officer ();
  g_autofree char *before = lc_test_snapshot ();
  g_autofree char *after = NULL;
  gboolean ok = add_training (lc_test.system, training_cases[_i].officer == 0 ? officer : 999,
                              training_cases[_i].on_date, training_cases[_i].hours, &error);

  after = lc_test_snapshot ();
  if (training_cases[_i].expected == OK)
    ck_assert_msg (ok, "%s", error ? error->message : "");
  else
    {
      ck_assert_msg (!ok, "%" G_GINT64_FORMAT " hours on %s was accepted", training_cases[_i].hours,
                     training_cases[_i].on_date);
      lc_test_assert_error (error, LC_PEOPLE_ERROR, training_cases[_i].expected);
      ck_assert_str_eq (after, before);
    }
}
END_TEST

START_TEST (test_training_order_and_hours)
{
  static const struct
  {
    const char *on_date;
    gint64 hours;
  } records[] = {
    { "2025-05-01", 200 }, { "2026-03-01", 400 }, { "2025-12-31", 150 },
    { "2026-01-01", 100 }, { "2027-01-01", 800 }, { "2026-03-01", 50 },
  };
  static const char *const newest_first[] = { "2027-01-01", "2026-03-01", "2026-03-01",
                                              "2026-01-01", "2025-12-31", "2025-05-01" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 officer = add_cert_officer ();
  gint64 other = lc_test_add_officer ("330401002", "李娜", cert_department);
  gint64 hours = -1;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    ck_assert (add_training (lc_test.system, officer, records[i].on_date, records[i].hours, &error));
  ck_assert (add_training (lc_test.system, other, "2026-05-01", 1000, &error));

  list = lc_people_list_training (lc_test.system, officer, &error);
  lc_test_assert_no_error (error);
  ck_assert_uint_eq (list->len, G_N_ELEMENTS (newest_first));
  for (guint i = 0; i < list->len; i++)
    ck_assert_str_eq (((LcTrainingRecord *) g_ptr_array_index (list, i))->on_date, newest_first[i]);
  /* Same day: the later entry first. */
  ck_assert_int_eq (((LcTrainingRecord *) g_ptr_array_index (list, 1))->hours, 50);

  ck_assert (lc_people_training_hours (lc_test.system, officer, 2025, &hours, &error));
  ck_assert_int_eq (hours, 350);
  ck_assert (lc_people_training_hours (lc_test.system, officer, 2026, &hours, &error));
  ck_assert_int_eq (hours, 550);
  ck_assert (lc_people_training_hours (lc_test.system, officer, 2027, &hours, &error));
  ck_assert_int_eq (hours, 800);
  ck_assert (lc_people_training_hours (lc_test.system, officer, 2024, &hours, &error));
  ck_assert_int_eq (hours, 0);
  lc_test_assert_no_error (error);
}
END_TEST

/* Permissions ------------------------------------------------------------ */

typedef enum
{
  OP_LIST_OFFICERS,
  OP_COUNT_OFFICERS,
  OP_GET_OWN_OFFICER,
  OP_GET_OTHER_OFFICER,
  OP_FIND_OTHER_OFFICER,
  OP_ADD_OFFICER,
  OP_UPDATE_OWN_OFFICER,
  OP_UPDATE_OTHER_OFFICER,
  OP_ADD_DEPARTMENT,
  OP_UPDATE_DEPARTMENT,
  OP_ISSUE_CERTIFICATE,
  OP_TRANSITION_OWN_CERTIFICATE,
  OP_TRANSITION_OTHER_CERTIFICATE,
  OP_LIST_OWN_CERTIFICATES,
  OP_LIST_OTHER_CERTIFICATES,
  OP_LIST_ALL_CERTIFICATES,
  OP_GET_OWN_CERTIFICATE,
  OP_GET_OTHER_CERTIFICATE,
  OP_FIND_OTHER_CERTIFICATE,
  OP_OWN_CERTIFICATE_EVENTS,
  OP_OTHER_CERTIFICATE_EVENTS,
  OP_ADD_TRAINING,
  OP_LIST_OWN_TRAINING,
  OP_LIST_OTHER_TRAINING,
  OP_OWN_HOURS,
  OP_OTHER_HOURS,
  N_OPS
} Operation;

static const struct
{
  const char *name;
  gboolean writes;
  gboolean allowed[LC_ROLE_ADMINISTRATOR + 1]; /* officer, trainer, personnel, administrator */
} operations[N_OPS] = {
  [OP_LIST_OFFICERS] = { "list officers", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_COUNT_OFFICERS] = { "count officers", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_GET_OWN_OFFICER] = { "read own officer", FALSE, { TRUE, TRUE, TRUE, TRUE } },
  [OP_GET_OTHER_OFFICER] = { "read another officer", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_FIND_OTHER_OFFICER] = { "find another officer", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_ADD_OFFICER] = { "add officer", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_UPDATE_OWN_OFFICER] = { "update own officer", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_UPDATE_OTHER_OFFICER] = { "update another officer", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_ADD_DEPARTMENT] = { "add department", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_UPDATE_DEPARTMENT] = { "update department", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_ISSUE_CERTIFICATE] = { "issue certificate", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_TRANSITION_OWN_CERTIFICATE] = { "review own certificate", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_TRANSITION_OTHER_CERTIFICATE] = { "suspend another's certificate", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_LIST_OWN_CERTIFICATES] = { "list own certificates", FALSE, { TRUE, TRUE, TRUE, TRUE } },
  [OP_LIST_OTHER_CERTIFICATES] = { "list another's certificates", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_LIST_ALL_CERTIFICATES] = { "list all certificates", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_GET_OWN_CERTIFICATE] = { "read own certificate", FALSE, { TRUE, TRUE, TRUE, TRUE } },
  [OP_GET_OTHER_CERTIFICATE] = { "read another's certificate", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_FIND_OTHER_CERTIFICATE] = { "find another's certificate", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_OWN_CERTIFICATE_EVENTS] = { "own certificate history", FALSE, { TRUE, TRUE, TRUE, TRUE } },
  [OP_OTHER_CERTIFICATE_EVENTS] = { "another's certificate history", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_ADD_TRAINING] = { "add training", TRUE, { FALSE, FALSE, TRUE, TRUE } },
  [OP_LIST_OWN_TRAINING] = { "list own training", FALSE, { TRUE, TRUE, TRUE, TRUE } },
  [OP_LIST_OTHER_TRAINING] = { "list another's training", FALSE, { FALSE, TRUE, TRUE, TRUE } },
  [OP_OWN_HOURS] = { "own training hours", FALSE, { TRUE, TRUE, TRUE, TRUE } },
  [OP_OTHER_HOURS] = { "another's training hours", FALSE, { FALSE, TRUE, TRUE, TRUE } },
};

typedef struct
{
  gint64 department, own, other, own_cert, other_cert;
} World;

/* Runs @op; TRUE when it succeeded. */
static gboolean
run_operation (Operation op, LcSession *session, const World *w, GError **error)
{
  LcOfficer new_officer = { .staff_no = (char *) "330401009", .name = (char *) "新人", .department_id = w->department };
  LcOfficer own_change = {
    .id = w->own, .staff_no = (char *) "330401001", .name = (char *) "张伟改", .department_id = w->department
  };
  LcOfficer other_change = {
    .id = w->other, .staff_no = (char *) "330401002", .name = (char *) "李娜改", .department_id = w->department
  };
  LcDepartment department_change = { .id = w->department, .code = (char *) "SJ01", .name = (char *) "改名大队" };
  LcCertificate certificate = { .officer_id = w->own,
                                .cert_no = (char *) "浙执0009",
                                .issued_on = (char *) "2026-06-01" };
  LcTrainingRecord training = { .officer_id = w->own, .on_date = (char *) "2026-06-01", .hours = 200 };
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (LcCertificate) cert = NULL;
  gint64 hours = 0;

  switch (op)
    {
    case OP_LIST_OFFICERS:
      return (list = lc_people_list_officers (session, NULL, error)) != NULL;
    case OP_COUNT_OFFICERS:
      return lc_people_count_officers (session, error) >= 0;
    case OP_GET_OWN_OFFICER:
      return (officer = lc_people_get_officer (session, w->own, error)) != NULL;
    case OP_GET_OTHER_OFFICER:
      return (officer = lc_people_get_officer (session, w->other, error)) != NULL;
    case OP_FIND_OTHER_OFFICER:
      return (officer = lc_people_find_officer (session, "330401002", error)) != NULL;
    case OP_ADD_OFFICER:
      return lc_people_add_officer (session, &new_officer, NULL, error);
    case OP_UPDATE_OWN_OFFICER:
      return lc_people_update_officer (session, &own_change, error);
    case OP_UPDATE_OTHER_OFFICER:
      return lc_people_update_officer (session, &other_change, error);
    case OP_ADD_DEPARTMENT:
      return lc_people_add_department (session, "SJ09", "新大队", 0, NULL, error);
    case OP_UPDATE_DEPARTMENT:
      return lc_people_update_department (session, &department_change, error);
    case OP_ISSUE_CERTIFICATE:
      return lc_people_issue_certificate (session, &certificate, NULL, NULL, error);
    case OP_TRANSITION_OWN_CERTIFICATE:
      return lc_people_certificate_transition (session, w->own_cert, LC_CERT_ACTION_REVIEW, NULL, NULL, NULL, error);
    case OP_TRANSITION_OTHER_CERTIFICATE:
      return lc_people_certificate_transition (session, w->other_cert, LC_CERT_ACTION_SUSPEND, NULL, "涉嫌违法", NULL,
                                               error);
    case OP_LIST_OWN_CERTIFICATES:
      return (list = lc_people_list_certificates (session, w->own, error)) != NULL;
    case OP_LIST_OTHER_CERTIFICATES:
      return (list = lc_people_list_certificates (session, w->other, error)) != NULL;
    case OP_LIST_ALL_CERTIFICATES:
      return (list = lc_people_list_certificates (session, 0, error)) != NULL;
    case OP_GET_OWN_CERTIFICATE:
      return (cert = lc_people_get_certificate (session, w->own_cert, error)) != NULL;
    case OP_GET_OTHER_CERTIFICATE:
      return (cert = lc_people_get_certificate (session, w->other_cert, error)) != NULL;
    case OP_FIND_OTHER_CERTIFICATE:
      return (cert = lc_people_find_certificate (session, "浙执0002", error)) != NULL;
    case OP_OWN_CERTIFICATE_EVENTS:
      return (list = lc_people_list_certificate_events (session, w->own_cert, error)) != NULL;
    case OP_OTHER_CERTIFICATE_EVENTS:
      return (list = lc_people_list_certificate_events (session, w->other_cert, error)) != NULL;
    case OP_ADD_TRAINING:
      return lc_people_add_training (session, &training, NULL, error);
    case OP_LIST_OWN_TRAINING:
      return (list = lc_people_list_training (session, w->own, error)) != NULL;
    case OP_LIST_OTHER_TRAINING:
      return (list = lc_people_list_training (session, w->other, error)) != NULL;
    case OP_OWN_HOURS:
      return lc_people_training_hours (session, w->own, 2026, &hours, error);
    case OP_OTHER_HOURS:
      return lc_people_training_hours (session, w->other, 2026, &hours, error);
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
}

/* _i walks roles x operations. */
START_TEST (test_permissions)
{
  LcRole role = (LcRole) (_i / N_OPS);
  Operation op = (Operation) (_i % N_OPS);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  World w = { 0 };
  gboolean ok;

  w.department = lc_test_add_department ("SJ01", "执法一大队", 0);
  w.own = lc_test_add_officer ("330401001", "张伟", w.department);
  w.other = lc_test_add_officer ("330401002", "李娜", w.department);
  w.own_cert = issue (lc_test.system, w.own, "浙执0001", "2024-01-01", NULL);
  w.other_cert = issue (lc_test.system, w.other, "浙执0002", "2024-01-01", NULL);
  ck_assert (add_training (lc_test.system, w.own, "2026-02-01", 300, NULL));
  ck_assert (add_training (lc_test.system, w.other, "2026-02-01", 300, NULL));
  session = lc_test_session (role, role == LC_ROLE_OFFICER ? w.own : 0);

  before = lc_test_snapshot ();
  ok = run_operation (op, session, &w, &error);
  after = lc_test_snapshot ();

  if (operations[op].allowed[role])
    {
      ck_assert_msg (ok, "%s may %s, but: %s", lc_role_to_string (role), operations[op].name,
                     error ? error->message : "");
      if (operations[op].writes)
        ck_assert_msg (strcmp (after, before) != 0, "%s: %s stored nothing", lc_role_to_string (role),
                       operations[op].name);
      else
        ck_assert_str_eq (after, before);
    }
  else
    {
      ck_assert_msg (!ok, "%s may not %s, but it succeeded", lc_role_to_string (role), operations[op].name);
      lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
      ck_assert_msg (strstr (error->message, lc_session_get_login (session)) != NULL, "%s", error->message);
      ck_assert_str_eq (after, before);
    }
}
END_TEST

/* Which member lc_people_validate_officer() blames, for dialogs to mark it. */
static const struct
{
  const char *staff_no;
  const char *name;
  int department; /* 0: the real one, 1: none, 2: unknown */
  const char *phone;
  const char *bad_field;
} bad_field_cases[] = {
  { "", "李娜", 0, "", "staff_no" },
  { "330401001", "李娜", 0, "", "staff_no" }, /* taken */
  { "330401002", "", 0, "", "name" },
  { "330401002", "李娜", 1, "", "department" },
  { "330401002", "李娜", 2, "", "department" },
  { "330401002", "李娜", 0,
    "13900000000139000000001390000000013900000000139000000001390000000013900000000139000000001390000000013900000000"
    "13900000000139000000001390000000013900000000139000000001390000000013900000000139000000001390000000013900000000",
    "phone" },
  { "330401002", "李娜", 0, "13900000000", NULL },
};

START_TEST (test_validate_names_the_field)
{
  gint64 dept = lc_test_add_department ("SJ01", "执法一大队", 0);
  LcOfficer officer = {
    .staff_no = (char *) bad_field_cases[_i].staff_no,
    .name = (char *) bad_field_cases[_i].name,
    .department_id = bad_field_cases[_i].department == 0   ? dept
                     : bad_field_cases[_i].department == 1 ? 0
                                                           : 999,
    .phone = (char *) bad_field_cases[_i].phone,
  };
  g_autoptr (GError) error = NULL;
  const char *bad_field = "unset";
  gboolean valid;

  lc_test_add_officer ("330401001", "张伟", dept);
  valid = lc_people_validate_officer (lc_test.system, &officer, &bad_field, &error);
  if (bad_field_cases[_i].bad_field == NULL)
    {
      lc_test_assert_no_error (error);
      ck_assert (valid);
    }
  else
    {
      ck_assert (!valid);
      ck_assert_str_eq (bad_field, bad_field_cases[_i].bad_field);
    }
}
END_TEST

/* The buttons a dialog offers come from lc_certificate_action_allowed(): it
 * must agree with what the transition accepts, the suspended and expired
 * certificate included (renewing it would lift the suspension). */
START_TEST (test_action_allowed_matches_transition)
{
  static const LcCertAction actions[] = { LC_CERT_ACTION_REVIEW,    LC_CERT_ACTION_RENEW,  LC_CERT_ACTION_SUSPEND,
                                          LC_CERT_ACTION_REINSTATE, LC_CERT_ACTION_REVOKE, LC_CERT_ACTION_CANCEL };
  static const struct
  {
    LcCertStatus stored;
    const char *expires_on;
  } states[] = {
    { LC_CERT_VALID, "2030-01-01" },     { LC_CERT_VALID, "2026-01-01" },   { LC_CERT_SUSPENDED, "2030-01-01" },
    { LC_CERT_SUSPENDED, "2026-01-01" }, { LC_CERT_REVOKED, "2030-01-01" }, { LC_CERT_CANCELLED, "2030-01-01" },
  };
  LcCertificate certificate = { .cert_no = (char *) "浙执0001", .issued_on = (char *) "2021-01-01" };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
      {
        certificate.status = states[s].stored;
        certificate.expires_on = (char *) states[s].expires_on;
        gboolean allowed = lc_certificate_action_allowed (&certificate, actions[a], LC_TEST_TODAY);
        gboolean expected;

        switch (actions[a])
          {
          case LC_CERT_ACTION_REVIEW:
          case LC_CERT_ACTION_SUSPEND:
            expected = s == 0;
            break;
          case LC_CERT_ACTION_RENEW:
            expected = s == 0 || s == 1;
            break;
          case LC_CERT_ACTION_REINSTATE:
            expected = s == 2;
            break;
          default:
            expected = s <= 3;
            break;
          }
        ck_assert_msg (allowed == expected, "state %u, action %s: %d", s, lc_cert_action_to_string (actions[a]),
                       allowed);
      }
}
END_TEST

/* What the departments dialog marks: the member lc_people_validate_department() blames. */
START_TEST (test_validate_department_names_the_field)
{
  gint64 city = lc_test_add_department ("ZF", "综合行政执法局", 0);
  gint64 unit = lc_test_add_department ("ZF-01", "执法一大队", city);
  g_autoptr (LcSession) trainer = lc_test_session (LC_ROLE_TRAINER, 0);
  const struct
  {
    LcDepartment department;
    const char *bad_field;
  } cases[] = {
    { { .code = (char *) "", .name = (char *) "法规科", .parent_id = city }, "code" },
    { { .code = (char *) "ZF 02", .name = (char *) "法规科", .parent_id = city }, "code" },
    { { .code = (char *) "ZF-01", .name = (char *) "法规科", .parent_id = city }, "code" },
    { { .code = (char *) "ZF-02", .name = (char *) "", .parent_id = city }, "name" },
    { { .code = (char *) "ZF-02", .name = (char *) "法规科", .parent_id = 999 }, "parent" },
    { { .id = city, .code = (char *) "ZF", .name = (char *) "综合行政执法局", .parent_id = unit }, "parent" },
    { { .code = (char *) "ZF-02", .name = (char *) "法规科", .parent_id = city }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *bad_field = "unset";
      gboolean valid = lc_people_validate_department (lc_test.system, &cases[i].department, &bad_field, &error);

      ck_assert_msg (valid == (cases[i].bad_field == NULL), "case %u: %s", i, error ? error->message : "valid");
      if (!valid)
        ck_assert_msg (g_strcmp0 (bad_field, cases[i].bad_field) == 0, "case %u: blamed %s", i, bad_field);
    }
  /* A session that may not save is told so before anything else. */
  {
    g_autoptr (GError) error = NULL;
    const char *bad_field = "unset";

    ck_assert (!lc_people_validate_department (trainer, &cases[0].department, &bad_field, &error));
    lc_test_assert_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED);
    ck_assert_ptr_null (bad_field);
  }
}
END_TEST

static Suite *
people_suite (void)
{
  Suite *s = suite_create ("people");
  TCase *tc;

  tc = tcase_create ("departments");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_department_add_find);
  tcase_add_test (tc, test_department_find_errors);
  tcase_add_test (tc, test_validate_department_names_the_field);
  tcase_add_loop_test (tc, test_department_errors, 0, G_N_ELEMENTS (department_error_cases));
  tcase_add_test (tc, test_department_update);
  tcase_add_test (tc, test_department_cycle);
  tcase_add_test (tc, test_department_order);
  tcase_add_test (tc, test_department_path);
  suite_add_tcase (s, tc);

  tc = tcase_create ("officers");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_officer_add_get);
  tcase_add_test (tc, test_officer_unknown);
  tcase_add_loop_test (tc, test_officer_validation, 0, G_N_ELEMENTS (officer_cases));
  tcase_add_loop_test (tc, test_validate_names_the_field, 0, G_N_ELEMENTS (bad_field_cases));
  tcase_add_test (tc, test_officer_update);
  tcase_add_loop_test (tc, test_officer_search, 0, G_N_ELEMENTS (search_cases));
  tcase_add_test (tc, test_officer_count);
  suite_add_tcase (s, tc);

  tc = tcase_create ("certificates");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_certificate_issue_default_expiry);
  tcase_add_test (tc, test_certificate_issue_explicit_expiry);
  tcase_add_test (tc, test_action_allowed_matches_transition);
  tcase_add_loop_test (tc, test_certificate_issue_errors, 0, G_N_ELEMENTS (issue_cases));
  tcase_add_loop_test (tc, test_certificate_transition, 0, G_N_ELEMENTS (transition_cases));
  tcase_add_test (tc, test_certificate_history);
  tcase_add_test (tc, test_certificate_effective_status);
  tcase_add_test (tc, test_certificate_expiry_day);
  tcase_add_test (tc, test_certificate_lists);
  suite_add_tcase (s, tc);

  tc = tcase_create ("training");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_training_add);
  tcase_add_loop_test (tc, test_training_errors, 0, G_N_ELEMENTS (training_cases));
  tcase_add_test (tc, test_training_order_and_hours);
  suite_add_tcase (s, tc);

  tc = tcase_create ("permissions");
  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_loop_test (tc, test_permissions, 0, (LC_ROLE_ADMINISTRATOR + 1) * N_OPS);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return lc_test_run (people_suite ());
}
