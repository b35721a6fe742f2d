/* lc-cli-exam.c: exams — create from a key file, list, show, publish, sit
 * (answers read from standard input), results, papers, grading, and the
 * submission of overdue attempts; item statistics and XLSX exports. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lc-cli.h"
#include "lc-exam-stats.h"
#include "lc-exam.h"
#include "lc-i18n.h"
#include "lc-report-exam.h"
#include "lc-units.h"

static char *
format_time (gint64 at)
{
  g_autoptr (GDateTime) when = at > 0 ? g_date_time_new_from_unix_local (at) : NULL;

  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* "1 point", "1.5 points", "2 points". */
static char *
points_text (gint64 points)
{
  g_autofree char *number = lc_hundredths_format (points);

  /* Translators: points of a question or an exam; %s is a number such as 1.5 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", points == 100 ? 1 : 2), number);
}

static gboolean
parse_id (const char *command, const char *text, gint64 *id)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;
  lc_cli_usage_error (command, _ ("“%s” is not an id (a whole number)."), text);
  return FALSE;
}

static int
exam_create (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("FILE"),
      _ ("Create an exam from a key file: an [Exam] group (Title, Purpose, Opens, Closes, Minutes, PassScore, …) "
         "and [Section 1], [Section 2], … (Category, Type, Count, Points, Difficulty). Status=published publishes "
         "it at once. The format is described in lc-exam.h."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcExam) exam = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 id = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!g_file_get_contents (argv[1], &contents, &length, &error) || !lc_cli_open (cli, &error)
      || (exam = lc_exam_from_key_file (cli->session, contents, length, &error)) == NULL
      || !lc_exam_create (cli->session, exam, &id, &error))
    return lc_cli_fail (error);
  /* Translators: “Created exam 3: 2026年度公共法律知识考试 (published).” */
  g_print (_ ("Created exam %lld: %s (%s).\n"), (long long) id, exam->title,
           lc_exam_status_display_name (exam->status));
  return LC_CLI_EXIT_OK;
}

static int
exam_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Id"),    N_ ("Title"),      N_ ("Purpose"), N_ ("Status"),
                                         N_ ("Opens"), N_ ("Closes"),     N_ ("Minutes"), N_ ("Questions"),
                                         N_ ("Total"), N_ ("Pass score"), N_ ("Attempts") };
  static const char *const keys[] = { "id",      "title",     "purpose", "status",     "opens",   "closes",
                                      "minutes", "questions", "total",   "pass_score", "attempts" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (NULL, _ ("List the exams, newest first."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) exams = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (exams = lc_exam_list (cli->session, &error)) == NULL)
    return lc_cli_fail (error);
  for (guint i = 0; i < exams->len; i++)
    {
      const LcExam *e = g_ptr_array_index (exams, i);
      gboolean table_format = format == LC_CLI_FORMAT_TABLE;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
      g_autofree char *opens = format_time (e->opens_at);
      g_autofree char *closes = format_time (e->closes_at);
      g_autofree char *minutes = g_strdup_printf ("%d", e->minutes);
      g_autofree char *questions = g_strdup_printf ("%u", lc_exam_n_questions (e));
      g_autofree char *total = lc_hundredths_format (lc_exam_max_score (e));
      g_autofree char *pass = lc_hundredths_format (e->pass_score);
      g_autofree char *attempts = g_strdup_printf ("%u", e->n_attempts);

      lc_cli_table_add (table, id, e->title,
                        table_format ? lc_exam_purpose_display_name (e->purpose)
                                     : lc_exam_purpose_to_string (e->purpose),
                        table_format ? lc_exam_status_display_name (e->status) : lc_exam_status_to_string (e->status),
                        opens, closes, minutes, questions, total, pass, attempts);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static int
exam_show (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ID"), _ ("Show an exam: its settings and its blueprint with the questions available for each section."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcExam) exam = NULL;
  g_autoptr (GArray) available = NULL;
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *total = NULL;
  g_autofree char *attempts = NULL;
  g_autofree char *overlap = NULL;
  g_autofree char *focus = NULL;
  const guint width = 20;
  gint64 id;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!parse_id (argv[0], argv[1], &id))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (exam = lc_exam_get (cli->session, id, &error)) == NULL)
    return lc_cli_fail (error);
  /* Trainers see what the bank holds for each section; others do without. */
  if (lc_session_can (cli->session, LC_PERM_MANAGE_EXAMS)
      && !lc_exam_section_available (cli->session, exam, &available, &error))
    return lc_cli_fail (error);
  opens = format_time (exam->opens_at);
  closes = format_time (exam->closes_at);
  minutes = g_strdup_printf ("%d", exam->minutes);
  pass = lc_hundredths_format (exam->pass_score);
  total = lc_hundredths_format (lc_exam_max_score (exam));
  attempts = exam->max_attempts == 0 ? g_strdup (_ ("no limit")) : g_strdup_printf ("%d", exam->max_attempts);
  overlap = g_strdup_printf ("%d%%", exam->overlap_share);
  focus = exam->focus_loss_limit == 0 ? g_strdup (_ ("only warn")) : g_strdup_printf ("%d", exam->focus_loss_limit);
  lc_cli_print_field (_ ("Title"), width, exam->title);
  lc_cli_print_field (_ ("Purpose"), width, lc_exam_purpose_display_name (exam->purpose));
  if (exam->field != NULL)
    lc_cli_print_field (_ ("Field"), width, exam->field);
  lc_cli_print_field (_ ("Status"), width, lc_exam_status_display_name (exam->status));
  lc_cli_print_field (_ ("Opens"), width, opens);
  lc_cli_print_field (_ ("Closes"), width, closes);
  lc_cli_print_field (_ ("Minutes"), width, minutes);
  lc_cli_print_field (_ ("Total"), width, total);
  lc_cli_print_field (_ ("Pass score"), width, pass);
  lc_cli_print_field (_ ("Attempts allowed"), width, attempts);
  lc_cli_print_field (_ ("Multiple choice"), width, lc_multiple_policy_display_name (exam->multiple_policy));
  lc_cli_print_field (_ ("Review"), width, lc_review_policy_display_name (exam->review_policy));
  if (exam->review_after_close)
    lc_cli_print_field ("", width, _ ("after the exam has closed"));
  lc_cli_print_field (_ ("Overlap of papers"), width, overlap);
  lc_cli_print_field (_ ("Leaving the window"), width, focus);
  if (exam->fields->len > 0)
    {
      g_autoptr (GString) fields = g_string_new (NULL);

      for (guint i = 0; i < exam->fields->len; i++)
        g_string_append_printf (fields, "%s%s", i > 0 ? "、" : "", (char *) g_ptr_array_index (exam->fields, i));
      lc_cli_print_field (_ ("Fields"), width, fields->str);
    }
  if (exam->departments->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < exam->departments->len; i++)
        {
          g_autofree char *path =
              lc_people_department_path (cli->session, g_array_index (exam->departments, gint64, i), NULL);
          g_string_append_printf (names, "%s%s", i > 0 ? "、" : "", path != NULL ? path : "?");
        }
      lc_cli_print_field (_ ("Departments"), width, names->str);
    }
  g_print ("\n%s\n", _ ("Blueprint:"));
  for (guint i = 0; i < exam->sections->len; i++)
    {
      const LcExamSection *s = g_ptr_array_index (exam->sections, i);
      g_autofree char *label = lc_exam_section_label (s);
      g_autofree char *points = points_text (s->points);

      g_print ("  %s%s%s: ", label, s->title != NULL ? " " : "", s->title != NULL ? s->title : "");
      /* Translators: a blueprint section's questions: “20 × 1.5 points” */
      g_print (_ ("%u × %s"), s->count, points);
      if (available != NULL)
        g_print (_ (" (%u available)"), g_array_index (available, guint, i));
      g_print ("\n");
    }
  return LC_CLI_EXIT_OK;
}

static int
exam_publish (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ID"), _ ("Publish an exam after checking again that the question bank can fill its blueprint."), entries);
  g_autoptr (GError) error = NULL;
  gint64 id;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!parse_id (argv[0], argv[1], &id))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || !lc_exam_publish (cli->session, id, &error))
    return lc_cli_fail (error);
  return LC_CLI_EXIT_OK;
}

static void
print_item (const LcPaperItem *item, gboolean with_key)
{
  g_autofree char *points = points_text (item->points);

  /* Translators: “3. [单选题, 1.5 points] 下列…” */
  g_print (_ ("%d. [%s, %s] %s\n"), item->pos, lc_question_type_display_name (item->type), points, item->stem);
  for (guint k = 0; k < item->options->len; k++)
    {
      const char *text = g_ptr_array_index (item->options, k);
      gboolean right = with_key && item->correct != NULL && g_array_index (item->correct, gboolean, k);

      if (item->type == LC_QUESTION_TRUEFALSE)
        g_print ("   %c %s\n", right ? '*' : ' ', k == 0 ? _ ("T. True") : _ ("F. False"));
      else
        g_print ("   %c %c. %s\n", right ? '*' : ' ', 'A' + (int) k, text);
    }
  if (with_key && item->type == LC_QUESTION_FILL && item->correct_answer != NULL)
    g_print ("   %s %s\n", _ ("Accepted:"), item->correct_answer);
  if (item->response != NULL)
    g_print ("   %s %s\n", _ ("Answer:"), item->response);
  if (item->flagged)
    g_print ("   %s\n", _ ("(flagged for review)"));
  if (item->awarded >= 0)
    {
      g_autofree char *awarded = lc_hundredths_format (item->awarded);
      g_print ("   %s %s\n", _ ("Points earned:"), awarded);
    }
  if (item->grader_comment != NULL)
    g_print ("   %s %s\n", _ ("Grader's comment:"), item->grader_comment);
  if (with_key && item->model_answer != NULL)
    g_print ("   %s %s\n", _ ("Model answer:"), item->model_answer);
  if (with_key && item->explanation != NULL)
    g_print ("   %s %s\n", _ ("Explanation:"), item->explanation);
  if (with_key && item->basis_label != NULL)
    g_print ("   %s %s\n   %s\n", _ ("Legal basis:"), item->basis_label, item->basis_text);
}

static void
print_score (const LcAttempt *a)
{
  if (a->state == LC_ATTEMPT_AWAITING_GRADING)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Submitted; %u answer waits for a trainer's grade.\n",
                          "Submitted; %u answers wait for a trainer's grade.\n", a->n_ungraded),
             a->n_ungraded);
  else if (a->has_score)
    {
      g_autofree char *score = lc_hundredths_format (a->score);
      g_autofree char *max = lc_hundredths_format (a->max_score);

      /* Translators: “Score: 72 of 100 points — passed.” */
      g_print (_ ("Score: %s of %s points — %s.\n"), score, max, a->passed ? _ ("passed") : _ ("not passed"));
    }
  else
    g_print ("%s\n", _ ("Submitted."));
}

/* One line of `exam sit` input; FALSE when reading should stop. */
static gboolean
sit_line (LcCli *cli, gint64 attempt_id, guint line_no, char *line, gboolean *submitted, gboolean *failed)
{
  g_autoptr (GError) error = NULL;
  char *rest;
  gint64 pos;
  gboolean ok;

  g_strchomp (line);
  rest = line;
  while (*rest == ' ' || *rest == '\t')
    rest++;
  if (*rest == '\0' || *rest == '#')
    return TRUE;
  if (g_ascii_strcasecmp (rest, "submit") == 0)
    {
      g_autoptr (LcAttempt) attempt = NULL;

      if (!lc_exam_submit (cli->session, attempt_id, &error)
          || (attempt = lc_exam_get_attempt (cli->session, attempt_id, &error)) == NULL)
        {
          g_printerr (_ ("line %u: %s\n"), line_no, error->message);
          *failed = TRUE;
          return FALSE;
        }
      *submitted = TRUE;
      print_score (attempt);
      return FALSE;
    }
  if (g_ascii_strncasecmp (rest, "flag ", 5) == 0 || g_ascii_strncasecmp (rest, "unflag ", 7) == 0)
    {
      gboolean flag = g_ascii_tolower (rest[0]) == 'f';
      const char *number = g_strstrip (rest + (flag ? 5 : 7));

      if (!g_ascii_string_to_signed (number, 10, 1, G_MAXINT, &pos, NULL))
        {
          g_printerr (_ ("line %u: “%s” is not a question number.\n"), line_no, number);
          *failed = TRUE;
          return TRUE;
        }
      ok = lc_exam_set_flag (cli->session, attempt_id, (int) pos, flag, &error);
    }
  else
    {
      char *end = rest;
      const char *response;

      while (g_ascii_isdigit (*end))
        end++;
      if (end == rest || (*end != '\0' && *end != ' ' && *end != '\t'))
        {
          g_printerr (_ ("line %u: expected “NUMBER ANSWER”, “flag NUMBER”, “unflag NUMBER” or “submit”.\n"), line_no);
          *failed = TRUE;
          return TRUE;
        }
      response = *end != '\0' ? end + 1 : "";
      *end = '\0';
      pos = g_ascii_strtoll (rest, NULL, 10);
      ok = pos <= G_MAXINT && lc_exam_answer (cli->session, attempt_id, (int) pos, response, &error);
      if (ok)
        /* Printed after the commit: a script may trust it. */
        g_print (_ ("%d saved\n"), (int) pos);
    }
  if (!ok)
    {
      g_printerr (_ ("line %u: %s\n"), line_no, error != NULL ? error->message : _ ("no such question"));
      *failed = TRUE;
      /* After the deadline (which submitted the attempt) or a submission nothing more can be saved. */
      if (error != NULL
          && (g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_TIME_UP)
              || g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED)))
        {
          *submitted = TRUE;
          return FALSE;
        }
    }
  return TRUE;
}

static int
exam_sit (LcCli *cli, int argc, char **argv)
{
  g_autofree char *staff_no = NULL;
  g_autofree char *seed_text = NULL;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &staff_no, N_ ("The officer's staff number (required)"), N_ ("STAFF_NO") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_ ("Draw a new paper from this seed instead of a random one"),
      N_ ("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not print the paper"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ID"),
      _ ("Sit an exam for an officer, reading the answers from standard input, one a line:\n"
         "  1 B          question 1: option B (single choice)\n"
         "  2 AC         question 2: options A and C (multiple choice)\n"
         "  3 T          question 3: true (F: false)\n"
         "  4 text…      question 4: a fill-in or essay answer, the rest of the line\n"
         "  4            no text: clear the answer\n"
         "  flag 5       mark question 5 for review (unflag 5 clears it)\n"
         "  submit       submit the attempt and print the score\n"
         "Blank lines and lines starting with # are ignored. Each answer is saved when “N saved” is printed. "
         "Without “submit” the attempt stays open: sitting again resumes it, until its deadline."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (LcPaper) paper = NULL;
  g_autofree char *deadline = NULL;
  gboolean resumed = FALSE, submitted = FALSE, failed = FALSE;
  gint64 exam_id, attempt_id = 0;
  guint64 seed = 0;
  char line[65536];
  guint line_no = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!parse_id (argv[0], argv[1], &exam_id))
    return LC_CLI_EXIT_USAGE;
  if (staff_no == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--officer is required."));
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return lc_cli_usage_error (argv[0], _ ("--seed: “%s” is not a whole number."), seed_text);
  if (!lc_cli_open (cli, &error) || (officer = lc_people_find_officer (cli->session, staff_no, &error)) == NULL)
    return lc_cli_fail (error);
  if (!(seed_text != NULL
            ? lc_exam_start_with_seed (cli->session, exam_id, officer->id, seed, &attempt_id, &resumed, &error)
            : lc_exam_start (cli->session, exam_id, officer->id, &attempt_id, &resumed, &error))
      || (paper = lc_exam_get_paper (cli->session, attempt_id, &error)) == NULL)
    return lc_cli_fail (error);
  deadline = format_time (paper->deadline_at);
  if (resumed)
    /* Translators: “Resumed attempt 5 of 2026年度…; time is up at 2026-06-15 10:30.” */
    g_print (_ ("Resumed attempt %lld of %s; time is up at %s.\n"), (long long) attempt_id, paper->exam_title,
             deadline);
  else
    g_print (_ ("Started attempt %lld of %s; time is up at %s.\n"), (long long) attempt_id, paper->exam_title,
             deadline);
  if (!quiet)
    for (guint i = 0; i < paper->items->len; i++)
      print_item (g_ptr_array_index (paper->items, i), FALSE);
  while (fgets (line, sizeof line, stdin) != NULL)
    if (!sit_line (cli, attempt_id, ++line_no, line, &submitted, &failed))
      break;
  if (!submitted)
    g_print ("%s\n", _ ("Not submitted: the attempt stays open until its deadline."));
  return failed ? LC_CLI_EXIT_FAILURE : LC_CLI_EXIT_OK;
}

static int
exam_results (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Attempt"), N_ ("Staff no."), N_ ("Name"),  N_ ("Department"),
                                         N_ ("No."),     N_ ("State"),     N_ ("Score"), N_ ("Passed"),
                                         N_ ("Started"), N_ ("Submitted"), N_ ("By"),    N_ ("Left window") };
  static const char *const keys[] = { "attempt", "staff_no", "name",    "department", "no",           "state",
                                      "score",   "passed",   "started", "submitted",  "submitted_by", "focus_losses" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("ID"), _ ("List the attempts of an exam with their state and score."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  gint64 exam_id;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!parse_id (argv[0], argv[1], &exam_id))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || !lc_exam_submit_overdue (cli->session, exam_id, NULL, &error)
      || (attempts = lc_exam_list_attempts (cli->session, exam_id, 0, &error)) == NULL)
    return lc_cli_fail (error);
  for (guint i = 0; i < attempts->len; i++)
    {
      const LcAttempt *a = g_ptr_array_index (attempts, i);
      gboolean table_format = format == LC_CLI_FORMAT_TABLE;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      g_autofree char *no = g_strdup_printf ("%d", a->no);
      g_autofree char *score = a->has_score ? lc_hundredths_format (a->score) : g_strdup ("");
      g_autofree char *started = format_time (a->started_at);
      g_autofree char *submitted = format_time (a->submitted_at);
      g_autofree char *losses = g_strdup_printf ("%d", a->focus_losses);
      const char *passed = !a->has_score  ? ""
                           : table_format ? (a->passed ? _ ("yes") : _ ("no"))
                                          : (a->passed ? "1" : "0");
      const char *by =
          table_format
              ? lc_submitted_by_display_name (a->submitted_by)
              : (lc_submitted_by_to_string (a->submitted_by) ? lc_submitted_by_to_string (a->submitted_by) : "");

      lc_cli_table_add (table, id, a->staff_no, a->officer_name, a->department_name, no,
                        table_format ? lc_attempt_state_display_name (a->state) : lc_attempt_state_to_string (a->state),
                        score, passed, started, submitted, by, losses);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static int
exam_paper (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ATTEMPT"),
      _ ("Show an attempt's paper with its answers, and (for trainers, or as the review policy allows) the "
         "correct answers, explanations and legal basis."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcPaper) paper = NULL;
  gint64 attempt_id;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!parse_id (argv[0], argv[1], &attempt_id))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (paper = lc_exam_get_paper (cli->session, attempt_id, &error)) == NULL)
    return lc_cli_fail (error);
  /* Translators: “2026年度… — 张伟 (330401001), attempt 1” */
  g_print (_ ("%s — %s (%s), attempt %d\n"), paper->exam_title, paper->attempt->officer_name, paper->attempt->staff_no,
           paper->attempt->no);
  if (paper->attempt->state != LC_ATTEMPT_IN_PROGRESS)
    print_score (paper->attempt);
  g_print ("\n");
  for (guint i = 0; i < paper->items->len; i++)
    print_item (g_ptr_array_index (paper->items, i), paper->has_key);
  return LC_CLI_EXIT_OK;
}

static int
exam_grade (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ATTEMPT ITEM POINTS [COMMENT]"),
      _ ("Grade a case-analysis answer (or override the grade of any answer) of a submitted attempt: POINTS from 0 "
         "to what the question is worth, such as 7.5."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  gint64 attempt_id, item, points;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 3, 4, &code))
    return code;
  if (!parse_id (argv[0], argv[1], &attempt_id) || !parse_id (argv[0], argv[2], &item))
    return LC_CLI_EXIT_USAGE;
  if (!lc_hundredths_parse (argv[3], &points))
    return lc_cli_usage_error (argv[0], _ ("“%s” is not a number of points such as 8 or 7.5."), argv[3]);
  if (!lc_cli_open (cli, &error)
      || !lc_exam_grade_item (cli->session, attempt_id, (int) MIN (item, G_MAXINT), points, argc > 4 ? argv[4] : NULL,
                              &error)
      || (attempt = lc_exam_get_attempt (cli->session, attempt_id, &error)) == NULL)
    return lc_cli_fail (error);
  print_score (attempt);
  return LC_CLI_EXIT_OK;
}

static int
exam_submit_overdue (LcCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      NULL, _ ("Submit every attempt whose deadline has passed, with the answers saved (for cron)."), entries);
  g_autoptr (GError) error = NULL;
  guint n = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  if (!lc_cli_open (cli, &error) || !lc_exam_submit_overdue (cli->session, 0, &n, &error))
    return lc_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Submitted %u overdue attempt.\n", "Submitted %u overdue attempts.\n", n), n);
  return LC_CLI_EXIT_OK;
}

/* "0.62", or "—" (table) / "" (tsv, csv) when it cannot be computed. */
static char *
figure_text (double value, gboolean table_format)
{
  if (isnan (value))
    return g_strdup (table_format ? "—" : "");
  return g_strdup_printf (table_format ? "%.2f" : "%.6f", value);
}

/* "A 12* B 3 C 0 D 1": choices per option in the bank's order, the key starred. */
static char *
choices_text (const LcItemStats *item, gboolean table_format)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint o = 0; o < item->option_counts->len; o++)
    {
      char letter = item->type == LC_QUESTION_TRUEFALSE ? (o == 0 ? 'T' : 'F') : (char) ('A' + MIN (o, 25));

      g_string_append_printf (out, "%s%c%s%u%s", o > 0 ? " " : "", letter, table_format ? " " : ":",
                              g_array_index (item->option_counts, guint, o),
                              g_array_index (item->correct, gboolean, o) ? "*" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Flag names for scripts: "too-hard,low-rpb". */
static char *
flags_keys (LcItemFlags flags)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (flags & LC_ITEM_FLAG_TOO_HARD)
    g_ptr_array_add (parts, (gpointer) "too-hard");
  if (flags & LC_ITEM_FLAG_TOO_EASY)
    g_ptr_array_add (parts, (gpointer) "too-easy");
  if (flags & LC_ITEM_FLAG_LOW_RPB)
    g_ptr_array_add (parts, (gpointer) "low-rpb");
  if (flags & LC_ITEM_FLAG_NEGATIVE_D)
    g_ptr_array_add (parts, (gpointer) "negative-d");
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (",", (char **) parts->pdata);
}

static int
exam_stats (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("No."),  N_ ("Section"), N_ ("Question"), N_ ("Version"),
                                         N_ ("Type"), N_ ("n"),       N_ ("P"),        N_ ("r"),
                                         N_ ("D"),    N_ ("Choices"), N_ ("Blank"),    N_ ("Flags") };
  static const char *const keys[] = { "no", "section", "question", "version", "type",  "n",
                                      "p",  "rpb",     "d",        "choices", "blank", "flags" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ID"),
      /* xgettext:no-c-format */
      _ ("Item statistics of an exam's graded attempts: per question, how many saw it (n), facility P (the share "
         "of its points earned), the corrected point-biserial r, the upper/lower 27% discrimination D, the choices "
         "per option (the key starred) and the flags (P < 0.20, P > 0.95, r < 0.10, D < 0); then the reliability "
         "(KR-20, or Cronbach's alpha with partial credit)."),
      entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcExamStats) stats = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  gboolean table_format;
  gint64 exam_id;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!parse_id (argv[0], argv[1], &exam_id))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (stats = lc_exam_stats_compute (cli->session, exam_id, &error)) == NULL)
    return lc_cli_fail (error);
  table_format = format == LC_CLI_FORMAT_TABLE;
  for (guint i = 0; i < stats->items->len; i++)
    {
      const LcItemStats *item = g_ptr_array_index (stats->items, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *section = g_strdup_printf ("%d", item->section_pos);
      g_autofree char *version = g_strdup_printf ("%d", item->version_no);
      g_autofree char *n = g_strdup_printf ("%u", item->n);
      g_autofree char *p = figure_text (item->facility, table_format);
      g_autofree char *rpb = figure_text (item->rpb, table_format);
      g_autofree char *d = figure_text (item->discrimination, table_format);
      g_autofree char *choices = choices_text (item, table_format);
      g_autofree char *blank = g_strdup_printf ("%u", item->n_unanswered);
      g_autofree char *flags = table_format ? lc_item_flags_describe (item->flags) : flags_keys (item->flags);

      lc_cli_table_add (table, no, section, item->question_uid, version,
                        table_format ? lc_question_type_display_name (item->type)
                                     : lc_question_type_to_string (item->type),
                        n, p, rpb, d, choices, blank, flags);
    }
  lc_cli_table_print (table, format);
  if (table_format)
    {
      g_autofree char *reliability = figure_text (stats->reliability, TRUE);
      g_autofree char *mean =
          isnan (stats->mean_score) ? g_strdup ("—") : g_strdup_printf ("%.2f", stats->mean_score / 100);
      g_autofree char *max = lc_hundredths_format (stats->max_score);

      g_print ("\n");
      /* Translators: “600 graded attempts (3 awaiting grading not counted).” */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u graded attempt", "%u graded attempts", stats->n_attempts),
               stats->n_attempts);
      if (stats->n_excluded > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, " (%u awaiting grading not counted)",
                              " (%u awaiting grading not counted)", stats->n_excluded),
                 stats->n_excluded);
      g_print (".\n");
      /* Translators: “Mean score: 72.35 of 100.” */
      g_print (_ ("Mean score: %s of %s.\n"), mean, max);
      /* Translators: “Reliability (KR-20): 0.87” */
      g_print (_ ("Reliability (%s): %s\n"), lc_reliability_kind_display_name (stats->reliability_kind), reliability);
    }
  return LC_CLI_EXIT_OK;
}

static int
exam_export (LcCli *cli, int argc, char **argv)
{
  g_autofree char *results = NULL;
  g_autofree char *answers = NULL;
  const GOptionEntry entries[] = {
    { "results", 0, 0, G_OPTION_ARG_FILENAME, &results,
      N_ ("The results: one row per attempt, a summary and the item statistics"), N_ ("FILE.xlsx") },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers, N_ ("Every officer's answer to every question"),
      N_ ("FILE.xlsx") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      _ ("ID"), _ ("Export an exam's results or answers to XLSX spreadsheets (Chinese column titles)."), entries);
  g_autoptr (GError) error = NULL;
  gint64 exam_id;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!parse_id (argv[0], argv[1], &exam_id))
    return LC_CLI_EXIT_USAGE;
  if (results == NULL && answers == NULL)
    return lc_cli_usage_error (argv[0], _ ("Say what to export: --results FILE.xlsx, --answers FILE.xlsx or both."));
  /* Overdue attempts are submitted first, so that the files show them graded. */
  if (!lc_cli_open (cli, &error) || !lc_exam_submit_overdue (cli->session, exam_id, NULL, &error))
    return lc_cli_fail (error);
  if (results != NULL)
    {
      if (!lc_report_exam_write_results (cli->session, exam_id, results, &error))
        return lc_cli_fail (error);
      g_print (_ ("Wrote the results to %s.\n"), results);
    }
  if (answers != NULL)
    {
      if (!lc_report_exam_write_answers (cli->session, exam_id, answers, &error))
        return lc_cli_fail (error);
      g_print (_ ("Wrote the answers to %s.\n"), answers);
    }
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_exam (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand exam_commands[] = {
    { "create", exam_create, N_ ("Create an exam from a key file") },
    { "list", exam_list, N_ ("List the exams") },
    { "show", exam_show, N_ ("Show an exam and its blueprint") },
    { "publish", exam_publish, N_ ("Publish an exam") },
    { "sit", exam_sit, N_ ("Sit an exam for an officer, answers from standard input") },
    { "results", exam_results, N_ ("List the attempts and scores of an exam") },
    { "paper", exam_paper, N_ ("Show an attempt's paper and answers") },
    { "grade", exam_grade, N_ ("Grade an answer of a submitted attempt") },
    { "submit-overdue", exam_submit_overdue, N_ ("Submit the attempts whose time is up") },
    { "stats", exam_stats, N_ ("Item statistics of an exam") },
    { "export", exam_export, N_ ("Export an exam's results or answers to XLSX") },
  };

  return lc_cli_run_group (cli, exam_commands, G_N_ELEMENTS (exam_commands), _ ("Randomized exams."), argc, argv);
}
