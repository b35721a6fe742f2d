/* lc-demo.c: the demo city, made through the public core API only. */
#define G_LOG_DOMAIN "lc-demo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <math.h>

#include "lc-auth.h"
#include "lc-bank.h"
#include "lc-db.h"
#include "lc-demo.h"
#include "lc-exam-private.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-units.h"

G_DEFINE_QUARK (lc_demo_error_quark, lc_demo_error)

#define N_OFFICERS 600

/* Random numbers ------------------------------------------------------ */

/* splitmix64: tiny, fast and the same on every platform, so a seed means
 * the same city everywhere (GRand's sequence is not a documented promise). */
typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* In [0, 1), from the top 53 bits. */
static double
rng_unit (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* In [lo, hi], both included. Scaling (not modulo) keeps small ranges unbiased. */
static int
rng_range (Rng *rng, int lo, int hi)
{
  g_assert (lo <= hi);
  return lo + (int) (rng_unit (rng) * (double) (hi - lo + 1));
}

static gboolean
rng_chance (Rng *rng, double probability)
{
  return rng_unit (rng) < probability;
}

#define rng_pick(rng, array) ((array)[rng_range ((rng), 0, (int) G_N_ELEMENTS (array) - 1)])

/* Index into @weights, each index as likely as its weight. */
static guint
rng_weighted (Rng *rng, const guint *weights, guint n)
{
  guint total = 0;
  guint target;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  target = (guint) rng_range (rng, 0, (int) total - 1);
  for (guint i = 0; i < n; i++)
    {
      if (target < weights[i])
        return i;
      target -= weights[i];
    }
  return n - 1;
}

/* The city ----------------------------------------------------------- */

typedef struct
{
  const char *code;
  const char *name;
  const char *field; /* 执法领域 of its officers */
  guint officers;    /* how many of the N_OFFICERS work here */
  const char *units[5];
  const char *notes[3]; /* training of its own field */
} DemoDepartment;

/* Twelve departments of a prefecture-level city that hold enforcement
 * powers, with the units whose officers carry certificates. */
static const DemoDepartment departments[] = {
  { "ZF",
    "综合行政执法局",
    "城市管理",
    120,
    { "执法一大队", "执法二大队", "执法三大队", "法规科" },
    { "综合行政执法业务培训", "城市管理执法实务培训", "市容环境卫生管理条例解读" } },
  { "SJ",
    "市场监督管理局",
    "市场监管",
    96,
    { "稽查支队", "食品安全监管科", "法规科" },
    { "市场监管执法办案实务培训", "食品安全法专题培训", "反不正当竞争法专题培训" } },
  { "HB",
    "生态环境局",
    "生态环境",
    54,
    { "生态环境保护综合行政执法支队", "法规与标准科" },
    { "生态环境执法实务培训", "环境保护法专题培训", "固体废物污染环境防治法解读" } },
  { "JT",
    "交通运输局",
    "交通运输",
    60,
    { "交通运输行政执法支队", "路政执法大队", "法规科" },
    { "交通运输执法实务培训", "道路运输条例专题培训", "公路安全保护条例解读" } },
  { "NY",
    "农业农村局",
    "农业",
    42,
    { "农业综合行政执法队", "法规科" },
    { "农业综合行政执法业务培训", "农产品质量安全法专题培训", "种子法专题培训" } },
  { "WL",
    "文化广电旅游局",
    "文化市场",
    36,
    { "文化市场综合行政执法队", "政策法规科" },
    { "文化市场综合执法业务培训", "旅游法专题培训", "网络表演经营活动管理培训" } },
  { "YJ",
    "应急管理局",
    "应急管理",
    36,
    { "应急管理综合行政执法队", "政策法规科", "危险化学品监管科" },
    { "安全生产法专题培训", "应急管理执法实务培训", "危险化学品安全管理条例解读" } },
  { "WJ",
    "卫生健康委员会",
    "卫生健康",
    42,
    { "卫生健康综合监督执法队", "政策法规科" },
    { "卫生监督执法实务培训", "医疗机构管理条例专题培训", "传染病防治法专题培训" } },
  { "ZR",
    "自然资源和规划局",
    "自然资源",
    42,
    { "自然资源执法监察支队", "执法监察一大队", "法规科" },
    { "土地管理法专题培训", "自然资源执法监察实务培训", "城乡规划法专题培训" } },
  { "JS",
    "住房和城乡建设局",
    "住房建设",
    36,
    { "建设工程执法大队", "房地产市场监管科", "法规科" },
    { "建筑法专题培训", "建设工程质量管理条例解读", "住房城乡建设执法实务培训" } },
  { "SL",
    "水利局",
    "水利",
    18,
    { "水政监察支队", "法规科" },
    { "水法专题培训", "河道管理条例解读", "水政监察执法实务培训" } },
  { "SW",
    "商务局",
    "商务",
    18,
    { "市场秩序科", "法规科", "综合行政执法队", "外商投资管理科" },
    { "商务领域执法实务培训", "单用途商业预付卡管理培训", "外商投资法专题培训" } },
};

/* Common surnames, weighted roughly by their share of the population
 * (per mille), with the ones frequent around 嘉兴 (沈, 钱, 陆, 姚, 金, 顾, 施). */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
  "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁",
  "任", "沈", "钱", "陆", "姚", "金", "顾", "施", "方", "汪", "范", "戴", "俞", "费", "褚",
};
static const guint surname_weights[] = {
  71, 70, 69, 54, 45, 31, 22, 20, 19, 19, 25, 14, 13, 20, 12, 11, 10, 9,  8, 8,  7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5,
  5,  4,  4,  5,  4,  4,  5,  4,  3,  3,  5,  3,  3,  3,  3,  3,  3,  14, 8, 10, 7, 8, 6, 5, 5, 5, 4, 4, 5, 3, 2,
};
G_STATIC_ASSERT (G_N_ELEMENTS (surnames) == G_N_ELEMENTS (surname_weights));

/* Given names of people born 1965–2000, the working ages of the roster. */
static const char *const given_two[] = {
  "建国", "建华", "国强", "志强", "志明", "海燕", "晓燕", "丽娟", "秀英", "玉兰", "文杰", "俊杰", "思远",
  "嘉伟", "佳琪", "晓雯", "一鸣", "天宇", "文静", "雅琴", "立群", "旭东", "益民", "卫国", "志华", "剑锋",
  "晓光", "振宇", "梦婷", "慧敏", "丹丹", "莉莉", "明辉", "永刚", "卫东", "红梅", "海涛", "晓东", "晓明",
  "立新", "振华", "伟民", "建平", "国平", "林峰", "春燕", "雪梅", "晓峰", "志刚", "宏伟", "文斌", "建军",
  "海峰", "凯文", "建明", "晓红", "丽华", "美玲", "燕萍", "少华", "金龙", "伟强", "晓华", "俊峰", "鹏飞",
  "雨婷", "佳慧", "泽宇", "浩宇", "子豪", "思琪", "欣悦", "一凡", "书婷", "云飞", "诗雨", "晓婷", "宇轩",
};
static const char *const given_one[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
  "明", "超", "霞", "平", "刚", "斌", "鹏", "辉", "华", "飞", "琳", "燕", "婷", "健",
  "亮", "峰", "浩", "宇", "欣", "颖", "帆", "晨", "倩", "蕾", "昊", "蓉",
};

static const char *const mobile_prefixes[] = {
  "133", "135", "136", "137", "138", "139", "150", "151", "152", "157",
  "158", "159", "177", "180", "181", "182", "186", "187", "188", "189",
};

/* Training every field attends. */
static const char *const common_notes[] = {
  "行政处罚法专题培训",       "行政许可法专题培训",         "行政强制法专题培训",         "行政复议法（修订）解读",
  "行政执法文书规范制作培训", "行政执法全过程记录制度培训", "重大执法决定法制审核培训",   "行政执法公示制度培训",
  "年度法律知识更新网络学习", "习近平法治思想专题学习",     "执法人员职业道德与纪律教育", "优化营商环境条例解读",
};

/* Training sessions last a half day, a day or two days, with a few odd lengths. */
static const gint64 session_hours[] = { 200, 250, 300, 400, 600, 800, 1200, 1600 };
static const guint session_weights[] = { 12, 3, 10, 25, 15, 20, 8, 7 };

/* Officers ------------------------------------------------------------ */

typedef enum
{
  PLAN_NONE, /* new staff, not yet certified */
  PLAN_VALID,
  PLAN_RENEWED,  /* renewed at the end of its first five years */
  PLAN_EXPIRING, /* expires within LC_DEMO_EXPIRING_DAYS */
  PLAN_EXPIRED,
  PLAN_SUSPENDED, /* failed the year's law exam */
  PLAN_HELD,      /* suspended while the officer is suspended from duty */
  PLAN_REVOKED,
  PLAN_CANCELLED, /* the officer left */
} CertPlan;

typedef struct
{
  gint64 id;
  guint department;
  LcOfficerStatus status;
  CertPlan plan;
  gboolean review_overdue;
  gboolean meets_last_year;
  guint reviews;
  char staff_no[16];
} DemoOfficer;

typedef struct
{
  /* borrowed */
  LcSession *session;
  const char *today; /* the database's today: every date is relative to it */
  DemoOfficer *officers;
  LcDemoSummary *summary;
  /* state */
  Rng rng;
  int year;
  guint cert_serial;
} Demo;

static const LcDemoUser demo_users[] = {
  { "admin", LC_ROLE_ADMINISTRATOR },
  { "personnel", LC_ROLE_PERSONNEL },
  { "trainer", LC_ROLE_TRAINER },
  { "officer", LC_ROLE_OFFICER },
};

const LcDemoUser *
lc_demo_users (guint *n_users)
{
  if (n_users != NULL)
    *n_users = G_N_ELEMENTS (demo_users);
  return demo_users;
}

static char *
make_name (Rng *rng)
{
  const char *surname = surnames[rng_weighted (rng, surname_weights, G_N_ELEMENTS (surnames))];

  if (rng_chance (rng, 0.3))
    return g_strconcat (surname, rng_pick (rng, given_one), NULL);
  return g_strconcat (surname, rng_pick (rng, given_two), NULL);
}

static char *
make_phone (Rng *rng)
{
  if (rng_chance (rng, 0.08))
    return g_strdup ("");
  return g_strdup_printf ("%s%08d", rng_pick (rng, mobile_prefixes), rng_range (rng, 0, 99999999));
}

/* "执法二大队" → "大队长": the head of a unit by the unit's kind. */
static const char *
leader_post (const char *unit)
{
  if (g_str_has_suffix (unit, "科"))
    return "科长";
  if (g_str_has_suffix (unit, "支队"))
    return "支队长";
  if (g_str_has_suffix (unit, "大队"))
    return "大队长";
  return "队长";
}

static const char *
member_post (Rng *rng, const char *unit)
{
  static const char *const office_posts[] = { "科员", "副科长", "法制审核员" };
  static const guint office_weights[] = { 70, 15, 15 };
  static const char *const team_posts[] = { "执法队员", "中队长", "副中队长", "法制审核员", "内勤" };
  static const guint team_weights[] = { 70, 9, 8, 8, 5 };

  if (g_str_has_suffix (unit, "科"))
    return office_posts[rng_weighted (rng, office_weights, G_N_ELEMENTS (office_weights))];
  return team_posts[rng_weighted (rng, team_weights, G_N_ELEMENTS (team_weights))];
}

static guint
n_units (const DemoDepartment *department)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (department->units) && department->units[n] != NULL)
    n++;
  return n;
}

static gboolean
add_departments (Demo *demo, gint64 (*unit_ids)[5], GError **error)
{
  for (guint d = 0; d < G_N_ELEMENTS (departments); d++)
    {
      const DemoDepartment *department = &departments[d];
      gint64 parent = 0;

      if (!lc_people_add_department (demo->session, department->code, department->name, 0, &parent, error))
        return FALSE;
      demo->summary->departments++;
      for (guint u = 0; u < n_units (department); u++)
        {
          g_autofree char *code = g_strdup_printf ("%s-%02u", department->code, u + 1);

          if (!lc_people_add_department (demo->session, code, department->units[u], parent, &unit_ids[d][u], error))
            return FALSE;
          demo->summary->departments++;
        }
    }
  return TRUE;
}

/* How many officers meet each fate: fixed shares of the roster, shuffled,
 * so that every seed shows every case in about the same numbers. */
static const struct
{
  CertPlan plan;
  LcOfficerStatus status;
  guint count;
} fates[] = {
  { PLAN_CANCELLED, LC_OFFICER_LEFT, 18 },  { PLAN_HELD, LC_OFFICER_SUSPENDED, 9 },
  { PLAN_NONE, LC_OFFICER_ACTIVE, 40 },     { PLAN_EXPIRED, LC_OFFICER_ACTIVE, 28 },
  { PLAN_EXPIRING, LC_OFFICER_ACTIVE, 28 }, { PLAN_SUSPENDED, LC_OFFICER_ACTIVE, 17 },
  { PLAN_REVOKED, LC_OFFICER_ACTIVE, 6 },   { PLAN_RENEWED, LC_OFFICER_ACTIVE, 25 },
};

static void
assign_fates (Demo *demo)
{
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fates); f++)
    for (guint c = 0; c < fates[f].count; c++, n++)
      {
        demo->officers[n].plan = fates[f].plan;
        demo->officers[n].status = fates[f].status;
      }
  g_assert (n <= N_OFFICERS);
  for (; n < N_OFFICERS; n++)
    {
      demo->officers[n].plan = PLAN_VALID;
      demo->officers[n].status = LC_OFFICER_ACTIVE;
    }
  /* Fisher–Yates. */
  for (guint i = N_OFFICERS - 1; i > 0; i--)
    {
      guint j = (guint) rng_range (&demo->rng, 0, (int) i);
      DemoOfficer swap = demo->officers[i];

      demo->officers[i] = demo->officers[j];
      demo->officers[j] = swap;
    }
  for (guint i = 0; i < N_OFFICERS; i++)
    demo->officers[i].review_overdue = rng_chance (&demo->rng, 0.1);
}

static gboolean
add_officers (Demo *demo, gint64 (*unit_ids)[5], GError **error)
{
  guint index = 0;

  for (guint d = 0; d < G_N_ELEMENTS (departments); d++)
    {
      const DemoDepartment *department = &departments[d];
      guint units = n_units (department);
      guint unit_weights[5] = { 0 };
      guint unit_members[5] = { 0 };

      /* Field teams are larger than the offices (科) beside them. */
      for (guint u = 0; u < units; u++)
        unit_weights[u] = g_str_has_suffix (department->units[u], "科") ? 1 : 4;

      for (guint serial = 1; serial <= department->officers; serial++, index++)
        {
          DemoOfficer *plan = &demo->officers[index];
          guint unit = rng_weighted (&demo->rng, unit_weights, units);
          g_autofree char *name = make_name (&demo->rng);
          g_autofree char *phone = make_phone (&demo->rng);
          LcOfficer officer = { 0 };

          g_assert (index < N_OFFICERS);
          /* 3304 (the city's area code) + department + serial: "330401001". */
          g_snprintf (plan->staff_no, sizeof plan->staff_no, "3304%02u%03u", d + 1, serial);
          plan->department = d;
          officer.staff_no = plan->staff_no;
          officer.name = name;
          officer.department_id = unit_ids[d][unit];
          officer.field = (char *) department->field;
          officer.post = (char *) (unit_members[unit]++ == 0 ? leader_post (department->units[unit])
                                                             : member_post (&demo->rng, department->units[unit]));
          officer.status = plan->status;
          officer.phone = phone;
          if (!lc_people_add_officer (demo->session, &officer, &plan->id, error))
            return FALSE;
          demo->summary->officers++;
        }
    }
  g_assert (index == N_OFFICERS);
  return TRUE;
}

/* Certificates --------------------------------------------------------- */

static char *
days_ago (Demo *demo, int days)
{
  return lc_date_add_days (demo->today, -days);
}

static gboolean
transition (Demo *demo, gint64 id, LcCertAction action, const char *date, const char *reason, GError **error)
{
  if (!lc_people_certificate_transition (demo->session, id, action, date, reason, NULL, error))
    return FALSE;
  demo->summary->certificate_events++;
  return TRUE;
}

/* Annual reviews (年审) from the first anniversary of issue up to @until
 * (excluded), with a renewal at @renew_on (NULL for none) between them in
 * date order, so that every review finds the certificate valid. */
static gboolean
add_history (Demo *demo, DemoOfficer *officer, gint64 id, const char *issued, const char *expires, const char *until,
             const char *renew_on, GError **error)
{
  g_autofree char *last_due = days_ago (demo, 365);
  g_autofree char *valid_through = g_strdup (expires);
  gboolean renewed = renew_on == NULL;

  for (int k = 1; k < 10; k++)
    {
      g_autofree char *anniversary = lc_date_add_years (issued, k);
      g_autofree char *date = lc_date_add_days (anniversary, rng_range (&demo->rng, -20, 40));

      if (!renewed && g_strcmp0 (renew_on, date) <= 0)
        {
          if (!transition (demo, id, LC_CERT_ACTION_RENEW, renew_on, "有效期届满换证", error))
            return FALSE;
          g_free (valid_through);
          valid_through = lc_date_add_years (renew_on, LC_CERT_DEFAULT_VALIDITY_YEARS);
          renewed = TRUE;
        }
      if (g_strcmp0 (date, until) >= 0 || g_strcmp0 (date, valid_through) > 0)
        break;
      /* An overdue officer skipped the review that fell due in the last year. */
      if (officer->review_overdue && g_strcmp0 (date, last_due) > 0)
        break;
      if (!transition (demo, id, LC_CERT_ACTION_REVIEW, date, "年度审验合格", error))
        return FALSE;
      officer->reviews++;
    }
  /* An overdue review does not stop the renewal. */
  if (!renewed && !transition (demo, id, LC_CERT_ACTION_RENEW, renew_on, "有效期届满换证", error))
    return FALSE;
  return TRUE;
}

static gboolean
add_certificate (Demo *demo, DemoOfficer *officer, GError **error)
{
  static const char *const leave_reasons[] = { "调离执法岗位", "退休", "辞职", "调任非执法单位" };
  g_autofree char *issued = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *change_on = NULL; /* the status change, if any */
  g_autofree char *renew_on = NULL;
  g_autofree char *cert_no = NULL;
  LcCertificate certificate = { 0 };
  gint64 id = 0;

  switch (officer->plan)
    {
    case PLAN_NONE:
      return TRUE;
    case PLAN_VALID:
      issued = days_ago (demo, rng_range (&demo->rng, 30, 1700));
      break;
    case PLAN_RENEWED:
      {
        g_autofree char *first_expiry = NULL;
        issued = days_ago (demo, rng_range (&demo->rng, 1840, 2150));
        first_expiry = lc_date_add_years (issued, LC_CERT_DEFAULT_VALIDITY_YEARS);
        renew_on = lc_date_add_days (first_expiry, -rng_range (&demo->rng, 0, 45));
      }
      break;
    case PLAN_EXPIRING:
      {
        g_autofree char *expiry = lc_date_add_days (demo->today, rng_range (&demo->rng, 1, LC_DEMO_EXPIRING_DAYS));
        issued = lc_date_add_years (expiry, -LC_CERT_DEFAULT_VALIDITY_YEARS);
      }
      break;
    case PLAN_EXPIRED:
      {
        g_autofree char *expiry = days_ago (demo, rng_range (&demo->rng, 1, 330));
        issued = lc_date_add_years (expiry, -LC_CERT_DEFAULT_VALIDITY_YEARS);
      }
      break;
    case PLAN_SUSPENDED:
    case PLAN_HELD:
      issued = days_ago (demo, rng_range (&demo->rng, 200, 1700));
      change_on = days_ago (demo, rng_range (&demo->rng, 5, 150));
      break;
    case PLAN_REVOKED:
    case PLAN_CANCELLED:
      issued = days_ago (demo, rng_range (&demo->rng, 420, 1700));
      change_on = days_ago (demo, rng_range (&demo->rng, 10, 360));
      break;
    default:
      g_assert_not_reached ();
    }
  expires = lc_date_add_years (issued, LC_CERT_DEFAULT_VALIDITY_YEARS);

  /* 浙执 + year of issue + department + serial: unique and sorted by issue year. */
  cert_no =
      g_strdup_printf ("浙执%02d%02u%04u", lc_date_year (issued) % 100, officer->department + 1, ++demo->cert_serial);
  certificate.officer_id = officer->id;
  certificate.cert_no = cert_no;
  certificate.field = (char *) departments[officer->department].field;
  certificate.issued_on = issued;
  certificate.expires_on = expires;
  if (!lc_people_issue_certificate (demo->session, &certificate, "通过公共法律知识和专业法律知识考试", &id, error))
    return FALSE;
  demo->summary->certificates++;
  demo->summary->certificate_events++;

  if (!add_history (demo, officer, id, issued, expires, change_on != NULL ? change_on : demo->today, renew_on, error))
    return FALSE;

  switch (officer->plan)
    {
    case PLAN_SUSPENDED:
      return transition (demo, id, LC_CERT_ACTION_SUSPEND, change_on, "年度学法考试不合格", error);
    case PLAN_HELD:
      return transition (demo, id, LC_CERT_ACTION_SUSPEND, change_on, "停职审查期间暂扣执法证件", error);
    case PLAN_REVOKED:
      /* Some revocations follow a suspension while the case was decided. */
      if (rng_chance (&demo->rng, 0.4))
        {
          g_autofree char *suspended_on = lc_date_add_days (change_on, -rng_range (&demo->rng, 30, 90));
          if (g_strcmp0 (suspended_on, issued) > 0
              && !transition (demo, id, LC_CERT_ACTION_SUSPEND, suspended_on, "涉嫌违法执法，立案调查", error))
            return FALSE;
        }
      return transition (demo, id, LC_CERT_ACTION_REVOKE, change_on, "违法执法被依法处理", error);
    case PLAN_CANCELLED:
      return transition (demo, id, LC_CERT_ACTION_CANCEL, change_on, rng_pick (&demo->rng, leave_reasons), error);
    default:
      return TRUE;
    }
}

/* Training ------------------------------------------------------------- */

static GDateWeekday
weekday_of (const char *date)
{
  GDate d;
  int y, m, day;

  if (sscanf (date, "%d-%d-%d", &y, &m, &day) != 3)
    return G_DATE_BAD_WEEKDAY;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return g_date_get_weekday (&d);
}

/* A working day of @year, at most @last_day days after 1 January. */
static char *
training_date (Demo *demo, int year, int last_day)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  char *date = lc_date_add_days (first, rng_range (&demo->rng, 0, last_day));
  GDateWeekday weekday = weekday_of (date);

  /* Weekend sessions move to the Friday before, unless that leaves the year. */
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    {
      char *friday = lc_date_add_days (date, weekday == G_DATE_SATURDAY ? -1 : -2);
      if (lc_date_year (friday) == year)
        {
          g_free (date);
          return friday;
        }
      g_free (friday);
    }
  return date;
}

static gint64
sum (const gint64 *hours, guint n)
{
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    total += hours[i];
  return total;
}

/* Session lengths for a full year that reach LC_DEMO_REQUIRED_HOURS or not,
 * as asked: longer sessions are swapped in (or shorter ones out) until the
 * total lands on the right side of the line. */
static guint
plan_year (Demo *demo, gboolean meets, gint64 *hours)
{
  guint n = meets ? (guint) rng_range (&demo->rng, 4, 8) : (guint) rng_range (&demo->rng, 3, 7);
  const guint last = G_N_ELEMENTS (session_hours) - 1;
  guint steps[8];

  for (guint i = 0; i < n; i++)
    {
      steps[i] = rng_weighted (&demo->rng, session_weights, G_N_ELEMENTS (session_weights));
      hours[i] = session_hours[steps[i]];
    }
  /* Short of the requirement is still some training: a third of it at least. */
  while (sum (hours, n) < (meets ? LC_DEMO_REQUIRED_HOURS : LC_DEMO_REQUIRED_HOURS / 3))
    {
      guint i = (guint) rng_range (&demo->rng, 0, (int) n - 1);
      if (steps[i] < last)
        hours[i] = session_hours[++steps[i]];
    }
  while (!meets && sum (hours, n) >= LC_DEMO_REQUIRED_HOURS)
    {
      guint i = (guint) rng_range (&demo->rng, 0, (int) n - 1);
      if (steps[i] > 0)
        hours[i] = session_hours[--steps[i]];
    }
  return n;
}

static gboolean
add_training_year (Demo *demo, const DemoOfficer *officer, int year, gboolean meets, GError **error)
{
  const DemoDepartment *department = &departments[officer->department];
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  gboolean current = year == demo->year;
  int last_day = lc_date_days_between (first, current ? demo->today : last);
  gint64 hours[8];
  guint n = plan_year (demo, meets, hours);

  if (current)
    {
      /* So far this year: a share of the year's sessions, by the calendar. */
      n = (guint) ((double) n * (double) (last_day + 1) / 365.0 + rng_unit (&demo->rng));
      n = MIN (n, G_N_ELEMENTS (hours));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = training_date (demo, year, last_day);
      LcTrainingRecord record = { 0 };

      record.officer_id = officer->id;
      record.on_date = date;
      record.hours = hours[i];
      record.source = LC_TRAINING_EXTERNAL;
      record.note = (char *) (rng_chance (&demo->rng, 0.45) ? rng_pick (&demo->rng, department->notes)
                                                            : rng_pick (&demo->rng, common_notes));
      if (!lc_people_add_training (demo->session, &record, NULL, error))
        return FALSE;
      demo->summary->training_records++;
    }
  if (year == demo->year - 1 && n > 0)
    {
      demo->summary->officers_trained_last_year++;
      if (sum (hours, n) >= LC_DEMO_REQUIRED_HOURS)
        demo->summary->officers_meeting_last_year++;
    }
  return TRUE;
}

/* The last two full years and this year so far; about 70% of officers reach
 * the required hours in the last full year, which is what the rules judge. */
static gboolean
add_training (Demo *demo, DemoOfficer *officer, GError **error)
{
  officer->meets_last_year = rng_chance (&demo->rng, 0.7);
  if (!add_training_year (demo, officer, demo->year - 2, rng_chance (&demo->rng, 0.75), error)
      || !add_training_year (demo, officer, demo->year - 1, officer->meets_last_year, error))
    return FALSE;
  if (officer->status == LC_OFFICER_LEFT)
    return TRUE;
  return add_training_year (demo, officer, demo->year, rng_chance (&demo->rng, 0.7), error);
}

/* Users ---------------------------------------------------------------- */

/* The demo officer account belongs to someone whose record shows the
 * ordinary good case: active, a valid certificate held for some years and
 * reviewed every year, hours met. */
static gint64
pick_demo_officer (Demo *demo)
{
  for (guint i = 0; i < N_OFFICERS; i++)
    {
      const DemoOfficer *officer = &demo->officers[i];
      if (officer->status == LC_OFFICER_ACTIVE && officer->plan == PLAN_VALID && !officer->review_overdue
          && officer->meets_last_year && officer->reviews >= 2)
        return officer->id;
    }
  return demo->officers[0].id;
}

static gboolean
add_users (Demo *demo, GError **error)
{
  gint64 officer_id = pick_demo_officer (demo);

  for (guint i = 0; i < G_N_ELEMENTS (demo_users); i++)
    {
      const LcDemoUser *user = &demo_users[i];
      if (!lc_auth_add_user (demo->session, user->login, LC_DEMO_PASSWORD, user->role,
                             user->role == LC_ROLE_OFFICER ? officer_id : 0, FALSE, NULL, error))
        return FALSE;
      demo->summary->users++;
    }
  return TRUE;
}

/* Exams ---------------------------------------------------------------- */

/* Who answers right follows a three-parameter logistic model: each
 * officer has an ability, each question a difficulty (from its own 1–5
 * with some spread), a discrimination and a chance of guessing right; a few
 * questions discriminate the wrong way, as badly worded ones do, so that the
 * item statistics have something to flag. */
typedef struct
{
  double difficulty;
  double discrimination;
} ItemModel;

typedef struct
{
  Demo *demo;
  Rng rng;
  GHashTable *items; /* question id -> ItemModel */
  double ability;
} Sitter;

/* Standard normal (Box–Muller). */
static double
rng_normal (Rng *rng)
{
  double u = rng_unit (rng), v = rng_unit (rng);

  return sqrt (-2.0 * log (1.0 - u)) * cos (2.0 * G_PI * v);
}

static LcExamSimAnswer
sitter_answer (gint64 question_id, LcQuestionType type, int difficulty, gpointer user_data)
{
  Sitter *sitter = user_data;
  ItemModel *item = g_hash_table_lookup (sitter->items, &question_id);
  double guess, p;

  if (item == NULL)
    {
      /* Its own stream: a question is the same question on every paper. */
      Rng rng = { sitter->demo->rng.state ^ ((guint64) question_id * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) };
      gint64 *key = g_new (gint64, 1);

      item = g_new (ItemModel, 1);
      *key = question_id;
      item->difficulty = 0.6 * (difficulty - 3) + 0.5 * rng_normal (&rng);
      item->discrimination = rng_chance (&rng, 0.04) ? -0.6 : 0.6 + rng_unit (&rng);
      g_hash_table_insert (sitter->items, key, item);
    }
  if (rng_chance (&sitter->rng, 0.01))
    return LC_EXAM_SIM_BLANK;
  guess = type == LC_QUESTION_SINGLE ? 0.2 : type == LC_QUESTION_TRUEFALSE ? 0.4 : 0.0;
  p = guess + (1 - guess) / (1 + exp (-item->discrimination * (sitter->ability - item->difficulty)));
  return rng_chance (&sitter->rng, p) ? LC_EXAM_SIM_RIGHT : LC_EXAM_SIM_WRONG;
}

/* A local time on a day of @year as a unix instant. */
static gint64
local_instant (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) t = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (t);
}

static gboolean
create_exam (Demo *demo, LcExam *exam, gint64 *id, GError **error)
{
  exam->status = LC_EXAM_PUBLISHED;
  if (!lc_exam_create (demo->session, exam, id, error))
    return FALSE;
  demo->summary->exams++;
  return TRUE;
}

/* Last year's general law exam, sat in November by every active officer,
 * with retakes (补考) for most of those who failed. */
static gboolean
add_past_exam (Demo *demo, GError **error)
{
  LcDb *db = lc_session_get_db (demo->session);
  g_autoptr (LcExam) exam = lc_exam_new ();
  g_autoptr (LcExam) stored = NULL;
  g_autoptr (GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* One grading run inside populate()'s transaction: each key read once. */
  g_autoptr (LcExamGrader) grader = _lc_exam_grader_new (db);
  Sitter sitter = { .demo = demo, .items = items };
  int year = demo->year - 1;
  gint64 id = 0;

  exam->title = g_strdup_printf ("%d年度行政执法人员通用法律知识考试", year);
  exam->purpose = LC_EXAM_GENERAL;
  exam->opens_at = local_instant (year, 11, 3, 8, 30);
  exam->closes_at = local_instant (year, 11, 28, 17, 30);
  exam->minutes = 90;
  exam->review_policy = LC_REVIEW_FULL;
  exam->review_after_close = TRUE;
  lc_exam_add_section (exam, NULL, LC_QUESTION_SINGLE, 40, 150, 1, 5)->title = g_strdup ("一、单项选择题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_MULTIPLE, 10, 200, 1, 5)->title = g_strdup ("二、多项选择题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_TRUEFALSE, 10, 100, 1, 5)->title = g_strdup ("三、判断题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_FILL, 5, 200, 1, 5)->title = g_strdup ("四、填空题");
  exam->pass_score = 6000;
  if (!create_exam (demo, exam, &id, error) || (stored = _lc_exam_load (db, id, error)) == NULL)
    return FALSE;

  sitter.rng.state = demo->rng.state ^ G_GUINT64_CONSTANT (0x2545f4914f6cdd1d);
  for (guint i = 0; i < N_OFFICERS; i++)
    {
      const DemoOfficer *officer = &demo->officers[i];
      int day = rng_range (&sitter.rng, 0, 12);

      if (officer->status != LC_OFFICER_ACTIVE)
        continue;
      sitter.ability = 0.9 + 0.9 * rng_normal (&sitter.rng);
      for (int no = 1; no <= 2; no++)
        {
          gint64 started =
              local_instant (year, 11, 3 + day, rng_range (&sitter.rng, 9, 15), rng_range (&sitter.rng, 0, 59));
          gint64 submitted = started + 60 * rng_range (&sitter.rng, 35, 88);
          gint64 attempt_id = 0;
          g_autoptr (LcAttempt) attempt = NULL;
          gboolean passed;

          if (!_lc_exam_simulate_attempt (db, stored, officer->id, no, rng_next (&sitter.rng), started, submitted,
                                          sitter_answer, &sitter, grader, &attempt_id, error)
              || (attempt = lc_exam_get_attempt (demo->session, attempt_id, error)) == NULL)
            return FALSE;
          passed = attempt->passed;
          demo->summary->exam_attempts++;
          demo->summary->exam_attempts_passed += passed;
          /* Most who fail sit the retake a week or two later, better prepared. */
          if (passed || !rng_chance (&sitter.rng, 0.85))
            break;
          day = rng_range (&sitter.rng, 14, 23);
          sitter.ability += 0.4;
        }
    }
  return TRUE;
}

/* This year's exam, open now and not yet sat by anyone (the demo officer
 * can sit it), and a practice exam with no limit on attempts. */
static gboolean
add_open_exams (Demo *demo, GError **error)
{
  gint64 now = lc_db_now (lc_session_get_db (demo->session));
  g_autoptr (LcExam) exam = lc_exam_new ();
  g_autoptr (LcExam) practice = lc_exam_new ();
  gint64 id = 0;

  exam->title = g_strdup_printf ("%d年度行政执法人员公共法律知识考试", demo->year);
  exam->purpose = LC_EXAM_GENERAL;
  /* Whole hours, so the window reads well. */
  exam->opens_at = now - now % 3600 - 3 * 86400;
  exam->closes_at = now - now % 3600 + 28 * 86400;
  exam->minutes = 60;
  exam->review_policy = LC_REVIEW_FULL;
  exam->focus_loss_limit = 5;
  lc_exam_add_section (exam, NULL, LC_QUESTION_SINGLE, 20, 200, 1, 5)->title = g_strdup ("一、单项选择题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_MULTIPLE, 10, 300, 1, 5)->title = g_strdup ("二、多项选择题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_TRUEFALSE, 10, 200, 1, 5)->title = g_strdup ("三、判断题");
  lc_exam_add_section (exam, NULL, LC_QUESTION_FILL, 5, 200, 1, 5)->title = g_strdup ("四、填空题");
  exam->pass_score = 6000;
  if (!create_exam (demo, exam, &id, error))
    return FALSE;

  practice->title = g_strdup ("行政处罚法模拟练习");
  practice->purpose = LC_EXAM_PRACTICE;
  practice->opens_at = now - now % 3600 - 30 * 86400;
  practice->closes_at = now - now % 3600 + 335 * 86400;
  practice->minutes = 30;
  practice->max_attempts = 0;
  practice->review_policy = LC_REVIEW_FULL;
  lc_exam_add_section (practice, "行政处罚法", LC_QUESTION_SINGLE, 10, 500, 1, 5)->title = g_strdup ("一、单项选择题");
  lc_exam_add_section (practice, "行政处罚法", LC_QUESTION_TRUEFALSE, 10, 500, 1, 5)->title = g_strdup ("二、判断题");
  practice->pass_score = 6000;
  return create_exam (demo, practice, &id, error);
}

static gboolean
add_exams (Demo *demo, GError **error)
{
  LcDb *db = lc_session_get_db (demo->session);

  /* The exams draw from the starter bank, which the program loads on first
   * use (and a bare database may not have yet). */
  return lc_law_ensure_shipped (db, error) && lc_bank_ensure_starter (db, error) && add_past_exam (demo, error)
         && add_open_exams (demo, error);
}

/* Summary -------------------------------------------------------------- */

/* Counted from what was stored, so the summary shows what the database holds. */
static gboolean
count_certificates (Demo *demo, GError **error)
{
  g_autoptr (GPtrArray) certificates = lc_people_list_certificates (demo->session, 0, error);

  if (certificates == NULL)
    return FALSE;
  for (guint i = 0; i < certificates->len; i++)
    {
      const LcCertificate *certificate = g_ptr_array_index (certificates, i);
      LcCertStatus status = lc_certificate_effective_status (certificate, demo->today);

      demo->summary->certificates_by_status[status]++;
      if (status == LC_CERT_VALID
          && lc_date_days_between (demo->today, certificate->expires_on) <= LC_DEMO_EXPIRING_DAYS)
        demo->summary->certificates_expiring++;
    }
  return TRUE;
}

static gboolean
check_empty (Demo *demo, GError **error)
{
  g_autoptr (GPtrArray) existing = lc_people_list_departments (demo->session, error);
  gint64 officers;

  if (existing == NULL)
    return FALSE;
  if ((officers = lc_people_count_officers (demo->session, error)) < 0)
    return FALSE;
  if (officers > 0)
    {
      g_set_error (error, LC_DEMO_ERROR, LC_DEMO_ERROR_NOT_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The database already holds %lld officer; demo data can only be loaded into an "
                                "empty database.",
                                "The database already holds %lld officers; demo data can only be loaded into an "
                                "empty database.",
                                (gulong) officers),
                   (long long) officers);
      return FALSE;
    }
  if (existing->len > 0)
    {
      g_set_error (error, LC_DEMO_ERROR, LC_DEMO_ERROR_NOT_EMPTY,
                   _ ("The database already has departments; demo data can only be loaded into an empty database."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
populate (Demo *demo, GError **error)
{
  gint64 unit_ids[G_N_ELEMENTS (departments)][5] = { { 0 } };

  assign_fates (demo);
  if (!check_empty (demo, error) || !add_departments (demo, unit_ids, error) || !add_officers (demo, unit_ids, error))
    return FALSE;
  /* Training first: the demo officer account wants someone who met the hours. */
  for (guint i = 0; i < N_OFFICERS; i++)
    if (!add_training (demo, &demo->officers[i], error) || !add_certificate (demo, &demo->officers[i], error))
      return FALSE;
  return add_users (demo, error) && count_certificates (demo, error) && add_exams (demo, error);
}

gboolean
lc_demo_populate (LcSession *session, guint64 seed, LcDemoSummary *summary, GError **error)
{
  LcDemoSummary scratch;
  g_autofree DemoOfficer *officers = NULL;
  g_autofree char *today = NULL;
  Demo demo = { 0 };
  LcDb *db;

  g_return_val_if_fail (LC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &scratch;
  memset (summary, 0, sizeof *summary);
  if (!lc_session_require (session, LC_PERM_MAINTAIN, error))
    return FALSE;
  db = lc_session_get_db (session);
  officers = g_new0 (DemoOfficer, N_OFFICERS);
  today = lc_db_today (db);
  demo.session = session;
  demo.rng.state = seed;
  demo.today = today;
  demo.year = lc_date_year (today);
  demo.officers = officers;
  demo.summary = summary;
  summary->last_full_year = demo.year - 1;

  if (!lc_db_begin (db, error))
    return FALSE;
  if (!populate (&demo, error) || !lc_db_commit (db, error))
    {
      lc_db_rollback (db);
      memset (summary, 0, sizeof *summary);
      return FALSE;
    }
  return TRUE;
}
