/* test-gui-exams.c: the trainer's Exams page on a small bank: an exam made
 * through the exam dialog's form with its live blueprint availability and
 * shortfall, publishing, a sample paper, officers' attempts (made through
 * the core) in Sitting now and Results, submitting the overdue, grading an
 * essay through the grading dialog, the personnel office's read-only page,
 * and the controls' accessible labels. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-bank.h"
#include "lc-exam-dialog-private.h"
#include "lc-exam.h"
#include "lc-exams-page-private.h"
#include "lc-grading-dialog-private.h"
#include "lc-gui-test-util.h"
#include "lc-paper-dialog-private.h"

#define PASSWORD "secret-password"
#define CATEGORY "行政处罚法/第五章"

static char *tmp_dir;
static LcDb *db;
static gint64 clock_offset; /* seconds the database's clock runs ahead */
static gint64 department_id, officer_a, officer_b;

static gint64
test_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC + clock_offset;
}

static void
add_question (LcSession *system, LcQuestionType type, const char *category, int difficulty, guint n)
{
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr (LcQuestion) q = lc_question_new (type);
      g_autoptr (GError) error = NULL;
      g_autofree char *uid = NULL;

      q->stem = g_strdup_printf ("%s %s %u", lc_question_type_to_string (type), category, i);
      q->category = g_strdup (category);
      q->difficulty = difficulty;
      q->status = LC_QUESTION_ACTIVE;
      q->explanation = g_strdup ("评分要点：告知、陈述、申辩。");
      switch (type)
        {
        case LC_QUESTION_SINGLE:
          lc_question_add_option (q, "甲", TRUE);
          lc_question_add_option (q, "乙", FALSE);
          lc_question_add_option (q, "丙", FALSE);
          break;
        case LC_QUESTION_TRUEFALSE:
          lc_question_set_truefalse (q, TRUE);
          break;
        case LC_QUESTION_ESSAY:
          q->model_answer = g_strdup ("参考答案：应当先行告知并听取陈述申辩。");
          break;
        default:
          g_assert_not_reached ();
        }
      ck_assert_msg (lc_bank_add_question (system, q, &uid, &error), "%s", error ? error->message : "");
    }
}

static void
add_officer (LcSession *system, const char *staff_no, const char *name, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  LcOfficer officer = {
    .staff_no = (char *) staff_no,
    .name = (char *) name,
    .department_id = department_id,
    .field = (char *) "市场监管",
    .post = (char *) "执法队员",
    .status = LC_OFFICER_ACTIVE,
  };

  ck_assert_msg (lc_people_add_officer (system, &officer, out_id, &error), "%s", error ? error->message : "");
}

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;

  gtk_init ();
  clock_offset = 0;
  db = lc_gui_test_open_db (&tmp_dir);
  lc_db_set_clock (db, test_clock, NULL);
  system = lc_session_new_system (db);
  /* 12 single choice of difficulty 2, 6 true/false of 3, 2 essays, and 4
   * single choice of difficulty 5 in another chapter. */
  add_question (system, LC_QUESTION_SINGLE, CATEGORY, 2, 12);
  add_question (system, LC_QUESTION_TRUEFALSE, CATEGORY, 3, 6);
  add_question (system, LC_QUESTION_ESSAY, CATEGORY, 3, 2);
  add_question (system, LC_QUESTION_SINGLE, "行政处罚法/第六章", 5, 4);
  ck_assert (lc_people_add_department (system, "01", "市场监督管理局", 0, &department_id, &error));
  add_officer (system, "330401001", "张伟", &officer_a);
  add_officer (system, "330401002", "王芳", &officer_b);
  ck_assert (lc_auth_add_user (system, "trainer", PASSWORD, LC_ROLE_TRAINER, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "personnel", PASSWORD, LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
}

static void
teardown (void)
{
  lc_gui_test_close (&db, &tmp_dir);
}

static LcSession *
sign_in (const char *login)
{
  g_autoptr (GError) error = NULL;
  LcSession *session = lc_auth_sign_in (db, login, PASSWORD, &error);

  ck_assert_msg (session != NULL, "%s: %s", login, error ? error->message : "");
  return session;
}

static LcExamsPage *
exams_page (const char *login)
{
  g_autoptr (LcSession) session = sign_in (login);
  GtkWidget *window = gtk_window_new ();
  LcExamsPage *page = lc_exams_page_new (session);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  lc_gui_test_drain ();
  return page;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static GtkWindow *
find_window (const char *title)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      return l->data;
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_text (GtkEntry *entry, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static char *
time_from_now (gint64 seconds)
{
  return lc_exam_format_time (g_get_real_time () / G_USEC_PER_SEC + seconds);
}

/* Fills the form of a new exam with one section of 20 single-choice
 * questions, more than the bank has; returns the dialog. */
static LcExamDialog *
start_exam_form (LcExamsPage *page)
{
  LcExamDialog *dialog = LC_EXAM_DIALOG (_lc_exams_page_open_dialog (page, 0, FALSE));
  g_autofree char *opens = time_from_now (-3600);
  g_autofree char *closes = time_from_now (7 * 86400);
  LcSectionRow *row;

  ck_assert_ptr_nonnull (dialog);
  /* A new exam starts with one section, and nothing to complain about yet. */
  ck_assert_uint_eq (dialog->rows->len, 1);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)));
  set_text (dialog->title_entry, "2026年度行政处罚法考试");
  set_text (dialog->opens_entry, opens);
  set_text (dialog->closes_entry, closes);
  gtk_spin_button_set_value (dialog->minutes_spin, 60);
  row = g_ptr_array_index (dialog->rows, 0);
  ck_assert (_lc_exam_dialog_set_category (dialog, row, CATEGORY));
  gtk_drop_down_set_selected (row->type, LC_QUESTION_SINGLE);
  gtk_spin_button_set_value (row->count, 20);
  gtk_spin_button_set_value (row->points, 1);
  gtk_drop_down_set_selected (row->difficulty_min, 0);
  gtk_drop_down_set_selected (row->difficulty_max, 4);
  gtk_spin_button_set_value (dialog->pass_spin, 6);
  return dialog;
}

static gboolean
save_enabled (LcExamDialog *dialog)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (dialog->save_button)) && dialog->valid;
}

START_TEST (test_create_preview_sit_grade)
{
  LcExamsPage *page = exams_page ("trainer");
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcExam) stored = NULL;
  g_autoptr (LcPaper) paper_b = NULL;
  LcExamDialog *dialog;
  LcSectionRow *row;
  LcPaperDialog *preview;
  LcGradingDialog *grading;
  gint64 exam_id, attempt_a, attempt_b;
  guint64 first_seed;
  gboolean resumed;
  int essay_pos = 0, tf_pos = 0;

  ck_assert_uint_eq (n_items (page->exams), 0);
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "0 exams");

  dialog = start_exam_form (page);
  row = g_ptr_array_index (dialog->rows, 0);
  /* The chapter has 12 single-choice questions: the section of 20 is
   * short by 8, marked, and Save waits. */
  ck_assert_str_eq (gtk_label_get_text (row->available), "12 available");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (row->message)));
  ck_assert_str_eq (gtk_label_get_text (row->message),
                    "Section 1 needs 20 questions; the bank has 12 that fit, 8 short.");
  ck_assert (gtk_widget_has_css_class (row->box, "section-short"));
  ck_assert (!save_enabled (dialog));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)));
  ck_assert_msg (strstr (gtk_label_get_text (dialog->error_label), "12") != NULL, "%s",
                 gtk_label_get_text (dialog->error_label));
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (dialog->sections_box), "error"));

  /* The whole bank has 16 single-choice questions, the harder chapter 4 of difficulty 5. */
  ck_assert (_lc_exam_dialog_set_category (dialog, row, NULL));
  ck_assert_str_eq (gtk_label_get_text (row->available), "16 available");
  gtk_drop_down_set_selected (row->difficulty_min, 4);
  ck_assert_str_eq (gtk_label_get_text (row->available), "4 available");
  gtk_drop_down_set_selected (row->difficulty_min, 0);

  /* Fixed: ten from the chapter. */
  ck_assert (_lc_exam_dialog_set_category (dialog, row, CATEGORY));
  gtk_spin_button_set_value (row->count, 10);
  ck_assert_str_eq (gtk_label_get_text (row->available), "12 available");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (row->message)));
  ck_assert (!gtk_widget_has_css_class (row->box, "section-short"));
  ck_assert_msg (save_enabled (dialog), "%s", gtk_label_get_text (dialog->error_label));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)));

  /* Five true/false at 2 points, one essay at 10. */
  row = _lc_exam_dialog_add_section (dialog);
  ck_assert (_lc_exam_dialog_set_category (dialog, row, CATEGORY));
  gtk_drop_down_set_selected (row->type, LC_QUESTION_TRUEFALSE);
  gtk_spin_button_set_value (row->count, 5);
  gtk_spin_button_set_value (row->points, 2);
  ck_assert_str_eq (gtk_label_get_text (row->available), "6 available");
  row = _lc_exam_dialog_add_section (dialog);
  ck_assert (_lc_exam_dialog_set_category (dialog, row, CATEGORY));
  gtk_drop_down_set_selected (row->type, LC_QUESTION_ESSAY);
  gtk_spin_button_set_value (row->count, 1);
  gtk_spin_button_set_value (row->points, 10);
  ck_assert_str_eq (gtk_label_get_text (row->available), "2 available");
  ck_assert_str_eq (gtk_label_get_text (dialog->totals_label), "16 questions, 30 points in all");

  /* A pass score above the total is refused, and marked. */
  gtk_spin_button_set_value (dialog->pass_spin, 40);
  ck_assert (!save_enabled (dialog));
  ck_assert_str_eq (gtk_label_get_text (dialog->error_label), "The pass score must be 0 to the total of 30 points.");
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (dialog->pass_spin), "error"));
  gtk_spin_button_set_value (dialog->pass_spin, 18);
  /* A time that cannot be read is marked too. */
  set_text (dialog->closes_entry, "2026-13-01 09:00");
  ck_assert (!save_enabled (dialog));
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (dialog->closes_entry), "error"));
  {
    g_autofree char *closes = time_from_now (7 * 86400);

    set_text (dialog->closes_entry, closes);
  }
  /* Moving the essay section up renumbers the sections. */
  g_signal_emit_by_name (row->up, "clicked");
  ck_assert_ptr_eq (g_ptr_array_index (dialog->rows, 1), row);
  ck_assert_str_eq (gtk_label_get_text (row->number), "2.");
  ck_assert_msg (save_enabled (dialog), "%s", gtk_label_get_text (dialog->error_label));

  /* Save stores the draft and the page chooses it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "exam-dialog.save", NULL);
  lc_gui_test_drain ();
  ck_assert_uint_eq (n_items (page->exams), 1);
  exam_id = lc_exams_page_get_exam_id (page);
  ck_assert_int_gt (exam_id, 0);
  stored = lc_exam_get (system, exam_id, &error);
  ck_assert_msg (stored != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (stored->title, "2026年度行政处罚法考试");
  ck_assert_int_eq (stored->status, LC_EXAM_DRAFT);
  ck_assert_int_eq (stored->pass_score, 1800);
  ck_assert_uint_eq (stored->sections->len, 3);
  {
    LcExamSection *single = g_ptr_array_index (stored->sections, 0);
    LcExamSection *essay = g_ptr_array_index (stored->sections, 1);
    LcExamSection *truefalse = g_ptr_array_index (stored->sections, 2);

    ck_assert_str_eq (single->category, CATEGORY);
    ck_assert_int_eq (single->type, LC_QUESTION_SINGLE);
    ck_assert_uint_eq (single->count, 10);
    ck_assert_int_eq (single->points, 100);
    ck_assert_int_eq (essay->type, LC_QUESTION_ESSAY);
    ck_assert_int_eq (essay->points, 1000);
    ck_assert_int_eq (truefalse->type, LC_QUESTION_TRUEFALSE);
    ck_assert_uint_eq (truefalse->count, 5);
  }
  {
    g_autofree char *status = _lc_exams_page_cell_text (page->exam_view, 3, 0);
    g_autofree char *attempts = _lc_exams_page_cell_text (page->exam_view, 4, 0);

    ck_assert_str_eq (status, "Draft");
    ck_assert_str_eq (attempts, "0");
  }
  ck_assert_msg (strstr (gtk_label_get_text (page->overview_label), "2026年度行政处罚法考试") != NULL, "%s",
                 gtk_label_get_text (page->overview_label));

  /* Publish. */
  gtk_widget_activate_action (GTK_WIDGET (page), "exams.publish", NULL);
  g_clear_pointer (&stored, lc_exam_free);
  stored = lc_exam_get (system, exam_id, &error);
  ck_assert_int_eq (stored->status, LC_EXAM_PUBLISHED);
  ck_assert_int_eq (lc_exams_page_get_exam_id (page), exam_id);
  {
    g_autofree char *status = _lc_exams_page_cell_text (page->exam_view, 3, 0);

    ck_assert_str_eq (status, "Published");
  }

  /* A sample paper meets the blueprint, with its key; another is drawn with another seed. */
  preview = lc_paper_dialog_new_preview (NULL, system, exam_id, &error);
  ck_assert_msg (preview != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (_lc_paper_dialog_get_paper (preview)->items->len, 16);
  ck_assert (_lc_paper_dialog_get_paper (preview)->has_key);
  ck_assert_int_eq (_lc_paper_dialog_get_paper (preview)->max_score, 3000);
  first_seed = _lc_paper_dialog_get_paper (preview)->seed;
  gtk_widget_activate_action (GTK_WIDGET (preview), "paper.another", NULL);
  ck_assert_uint_eq (_lc_paper_dialog_get_paper (preview)->items->len, 16);
  ck_assert (_lc_paper_dialog_get_paper (preview)->seed != first_seed);
  ck_assert_msg (strstr (gtk_label_get_text (preview->summary_label), "16 questions, 30 points") != NULL, "%s",
                 gtk_label_get_text (preview->summary_label));
  gtk_window_destroy (GTK_WINDOW (preview));

  /* Officer A is sitting it; officer B answered the essay and a true/false item and submitted. */
  ck_assert (lc_exam_start (system, exam_id, officer_a, &attempt_a, &resumed, &error));
  ck_assert (lc_exam_start (system, exam_id, officer_b, &attempt_b, &resumed, &error));
  paper_b = lc_exam_get_paper (system, attempt_b, &error);
  ck_assert_ptr_nonnull (paper_b);
  for (guint i = 0; i < paper_b->items->len; i++)
    {
      LcPaperItem *item = g_ptr_array_index (paper_b->items, i);

      if (item->type == LC_QUESTION_ESSAY)
        essay_pos = item->pos;
      if (item->type == LC_QUESTION_TRUEFALSE && tf_pos == 0)
        tf_pos = item->pos;
    }
  ck_assert (lc_exam_answer (system, attempt_a, 1, "A", &error));
  ck_assert (lc_exam_answer (system, attempt_b, essay_pos, "应当告知当事人并听取陈述申辩。", &error));
  ck_assert (lc_exam_answer (system, attempt_b, tf_pos, "T", &error));
  ck_assert (lc_exam_submit (system, attempt_b, &error));

  _lc_exams_page_refresh_attempts (page);
  ck_assert_uint_eq (n_items (page->sitting), 1);
  ck_assert_int_eq (_lc_exams_page_attempt_at (page->sitting, 0)->id, attempt_a);
  {
    g_autofree char *officer = _lc_exams_page_cell_text (page->sitting_view, 0, 0);
    g_autofree char *department = _lc_exams_page_cell_text (page->sitting_view, 1, 0);
    g_autofree char *answered = _lc_exams_page_cell_text (page->sitting_view, 4, 0);

    ck_assert_str_eq (officer, "张伟 (330401001)");
    ck_assert_str_eq (department, "市场监督管理局");
    ck_assert_str_eq (answered, "1 / 16");
  }
  ck_assert_str_eq (gtk_label_get_text (page->sitting_label), "1 officer sitting now.");
  ck_assert_uint_eq (n_items (page->results), 2);
  ck_assert_uint_eq (n_items (page->grading), 1);
  ck_assert_int_eq (_lc_exams_page_attempt_at (page->grading, 0)->id, attempt_b);
  /* The state filter: only those awaiting grading. */
  gtk_drop_down_set_selected (page->state_dropdown, 1 + LC_ATTEMPT_AWAITING_GRADING);
  ck_assert_uint_eq (n_items (page->results), 1);
  {
    g_autofree char *state = _lc_exams_page_cell_text (page->results_view, 3, 0);
    g_autofree char *by = _lc_exams_page_cell_text (page->results_view, 7, 0);

    ck_assert_str_eq (state, "Awaiting grading");
    ck_assert_str_eq (by, "By the officer");
  }
  gtk_drop_down_set_selected (page->state_dropdown, 0);
  ck_assert_uint_eq (n_items (page->results), 2);

  /* Grade the essay: 7.5 of 10, with the true/false item's 2. */
  grading = LC_GRADING_DIALOG (_lc_exams_page_open_grading (page, attempt_b));
  ck_assert_ptr_nonnull (grading);
  ck_assert_uint_eq (grading->rows->len, 1);
  ck_assert_str_eq (gtk_label_get_text (grading->summary_label), "1 answer awaits grading.");
  {
    LcGradeRow *grade = g_ptr_array_index (grading->rows, 0);

    ck_assert_int_eq (grade->pos, essay_pos);
    ck_assert_int_eq (grade->max_points, 1000);
    gtk_spin_button_set_value (grade->points, 7.5);
    gtk_editable_set_text (GTK_EDITABLE (grade->comment), "要点基本齐全");
    g_signal_emit_by_name (grade->save, "clicked");
    ck_assert_msg (!gtk_widget_get_visible (GTK_WIDGET (grading->error_label)), "%s",
                   gtk_label_get_text (grading->error_label));
    ck_assert_str_eq (gtk_label_get_text (grade->status), "Saved");
  }
  {
    g_autoptr (LcAttempt) attempt = lc_exam_get_attempt (system, attempt_b, &error);

    ck_assert_int_eq (attempt->state, LC_ATTEMPT_GRADED);
    ck_assert (attempt->has_score);
    ck_assert_int_eq (attempt->score, 950);
    ck_assert (!attempt->passed);
  }
  ck_assert_str_eq (gtk_label_get_text (grading->summary_label), "Graded: 9.5 of 30 points, not passed.");
  /* No other attempt waits. */
  ck_assert (!_lc_grading_dialog_next (grading));
  gtk_window_destroy (GTK_WINDOW (grading));
  lc_gui_test_drain ();
  ck_assert_uint_eq (n_items (page->grading), 0);
  {
    g_autofree char *rate = _lc_exams_page_cell_text (page->exam_view, 5, 0);
    g_autofree char *attempts = _lc_exams_page_cell_text (page->exam_view, 4, 0);

    ck_assert_str_eq (rate, "0% (0/1)");
    ck_assert_str_eq (attempts, "2");
  }

  /* The attempt's paper for the trainer: the answer given, the key, the points. */
  {
    LcPaperDialog *view = lc_paper_dialog_new_attempt (NULL, system, attempt_b, &error);
    GtkTextBuffer *buffer;
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    ck_assert_ptr_nonnull (view);
    buffer = gtk_text_view_get_buffer (view->paper_view);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    ck_assert_msg (strstr (text, "应当告知当事人并听取陈述申辩。") != NULL, "%s", text);
    ck_assert_msg (strstr (text, "7.5 of 10") != NULL, "%s", text);
    ck_assert_msg (strstr (text, "要点基本齐全") != NULL, "%s", text);
    ck_assert (!gtk_widget_get_visible (GTK_WIDGET (view->another_button)));
    gtk_window_destroy (GTK_WINDOW (view));
  }

  /* Export Results… and Export Answers… write workbooks (their content is
   * checked in tests/reports). */
  {
    g_autofree char *results = g_build_filename (tmp_dir, "成绩.xlsx", NULL);
    g_autofree char *answers = g_build_filename (tmp_dir, "答题明细.xlsx", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (page->export_results_button)));
    ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (page->export_answers_button)));
    ck_assert_msg (_lc_exams_page_export_file (page, results, FALSE, &error), "%s", error ? error->message : "");
    ck_assert_msg (_lc_exams_page_export_file (page, answers, TRUE, &error), "%s", error ? error->message : "");
    ck_assert (g_file_get_contents (answers, &bytes, &length, NULL));
    ck_assert_uint_gt (length, 4);
    ck_assert (memcmp (bytes, "PK", 2) == 0);
  }

  /* An hour and more later A's time is up: Submit Overdue submits it. */
  clock_offset = 2 * 3600;
  _lc_exams_page_refresh_attempts (page);
  ck_assert_str_eq (gtk_label_get_text (page->sitting_label),
                    "1 sitting now; 1 is past its deadline and waits to be submitted.");
  gtk_widget_activate_action (GTK_WIDGET (page), "exams.submit-overdue", NULL);
  ck_assert_uint_eq (n_items (page->sitting), 0);
  {
    g_autoptr (LcAttempt) attempt = lc_exam_get_attempt (system, attempt_a, &error);

    ck_assert_int_ne (attempt->state, LC_ATTEMPT_IN_PROGRESS);
    ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_DEADLINE);
  }
}
END_TEST

/* Edit keeps an exam already sat to what lc_exam_update() allows; Duplicate
 * makes a new draft; Delete asks, then deletes an exam nobody sat. */
START_TEST (test_edit_duplicate_delete)
{
  LcExamsPage *page = exams_page ("trainer");
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;
  LcExamDialog *dialog = start_exam_form (page);
  LcSectionRow *row = g_ptr_array_index (dialog->rows, 0);
  gint64 exam_id, copy_id = 0, attempt;
  gboolean resumed;
  GtkWindow *confirm;

  gtk_spin_button_set_value (row->count, 5);
  gtk_spin_button_set_value (dialog->pass_spin, 3);
  ck_assert (_lc_exam_dialog_save (dialog, &exam_id, &error));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ck_assert (lc_exam_publish (system, exam_id, &error));
  ck_assert (lc_exam_start (system, exam_id, officer_a, &attempt, &resumed, &error));
  _lc_exams_page_reload (page);
  ck_assert (_lc_exams_page_select_exam (page, exam_id));

  dialog = LC_EXAM_DIALOG (_lc_exams_page_open_dialog (page, exam_id, FALSE));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (dialog->sections_box)));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (dialog->pass_spin)));
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (dialog->title_entry)));
  set_text (dialog->title_entry, "改名后的考试");
  ck_assert (save_enabled (dialog));
  ck_assert (_lc_exam_dialog_save (dialog, &exam_id, &error));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = LC_EXAM_DIALOG (_lc_exams_page_open_dialog (page, exam_id, TRUE));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (dialog->title_entry)), "改名后的考试 (copy)");
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (dialog->sections_box)));
  ck_assert_uint_eq (dialog->rows->len, 1);
  ck_assert (save_enabled (dialog));
  ck_assert (_lc_exam_dialog_save (dialog, &copy_id, &error));
  ck_assert_int_ne (copy_id, exam_id);
  gtk_window_destroy (GTK_WINDOW (dialog));
  _lc_exams_page_reload (page);
  ck_assert_uint_eq (n_items (page->exams), 2);

  /* The exam sat cannot be deleted; its copy can. */
  ck_assert (_lc_exams_page_select_exam (page, exam_id));
  ck_assert (!gtk_widget_get_sensitive (lc_gui_test_find (GTK_WIDGET (page), "delete_button")));
  ck_assert (_lc_exams_page_select_exam (page, copy_id));
  ck_assert (gtk_widget_get_sensitive (lc_gui_test_find (GTK_WIDGET (page), "delete_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "exams.delete", NULL);
  confirm = find_window ("Delete Exam");
  ck_assert_ptr_nonnull (confirm);
  /* The focus starts on Cancel: Enter keeps the exam. */
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (confirm))), "_Cancel");
  g_signal_emit_by_name (find_button (GTK_WIDGET (confirm), "_Delete"), "clicked");
  lc_gui_test_drain ();
  ck_assert_uint_eq (n_items (page->exams), 1);
  ck_assert_int_eq (lc_exams_page_get_exam_id (page), exam_id);
}
END_TEST

/* The personnel office reads exams and results, without the trainer's tools. */
START_TEST (test_personnel_reads)
{
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcExam) exam = lc_exam_new ();
  LcExamsPage *page;
  gint64 exam_id, attempt;
  gboolean resumed;

  exam->title = g_strdup ("人事可见的考试");
  exam->opens_at = g_get_real_time () / G_USEC_PER_SEC - 3600;
  exam->closes_at = exam->opens_at + 7 * 86400;
  exam->minutes = 30;
  exam->status = LC_EXAM_PUBLISHED;
  lc_exam_add_section (exam, CATEGORY, LC_QUESTION_TRUEFALSE, 3, 100, 1, 5);
  ck_assert_msg (lc_exam_create (system, exam, &exam_id, &error), "%s", error ? error->message : "");
  ck_assert (lc_exam_start (system, exam_id, officer_a, &attempt, &resumed, &error));

  page = exams_page ("personnel");
  ck_assert_uint_eq (n_items (page->exams), 1);
  ck_assert_uint_eq (n_items (page->sitting), 1);
  ck_assert_uint_eq (n_items (page->results), 1);
  /* No grading tab, and no New…, Edit…, Publish or papers. */
  ck_assert_int_eq (gtk_notebook_get_n_pages (page->detail_notebook), 3);
  ck_assert (!gtk_widget_get_visible (lc_gui_test_find (GTK_WIDGET (page), "new_button")));
  ck_assert (!gtk_widget_get_visible (lc_gui_test_find (GTK_WIDGET (page), "publish_button")));
  ck_assert (!gtk_widget_get_sensitive (lc_gui_test_find (GTK_WIDGET (page), "open_attempt_button")));
  /* Results, yes; every officer's answer beside the key, no. */
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (page->export_results_button)));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (page->export_answers_button)));
}
END_TEST

static void
check_labelled (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  ck_assert_msg (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
                     || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s (%s) has no accessible label", id != NULL ? id : "?", G_OBJECT_TYPE_NAME (widget));
}

START_TEST (test_accessible)
{
  LcExamsPage *page = exams_page ("trainer");
  LcExamDialog *dialog = start_exam_form (page);
  LcSectionRow *row = g_ptr_array_index (dialog->rows, 0);
  GtkWidget *page_widgets[] = {
    GTK_WIDGET (page->exam_view),       GTK_WIDGET (page->overview_label), GTK_WIDGET (page->sitting_view),
    GTK_WIDGET (page->state_dropdown),  GTK_WIDGET (page->results_view),   GTK_WIDGET (page->grading_view),
    GTK_WIDGET (page->detail_notebook),
  };
  GtkWidget *dialog_widgets[] = {
    GTK_WIDGET (dialog->title_entry),
    GTK_WIDGET (dialog->purpose_dropdown),
    GTK_WIDGET (dialog->field_entry),
    GTK_WIDGET (dialog->opens_entry),
    GTK_WIDGET (dialog->closes_entry),
    GTK_WIDGET (dialog->minutes_spin),
    GTK_WIDGET (dialog->pass_spin),
    GTK_WIDGET (dialog->attempts_spin),
    GTK_WIDGET (dialog->multiple_dropdown),
    GTK_WIDGET (dialog->review_dropdown),
    GTK_WIDGET (dialog->overlap_spin),
    GTK_WIDGET (dialog->focus_spin),
    GTK_WIDGET (dialog->departments_list),
    GTK_WIDGET (dialog->fields_entry),
    GTK_WIDGET (dialog->sections_box),
    GTK_WIDGET (dialog->totals_label),
    GTK_WIDGET (row->category),
    GTK_WIDGET (row->type),
    GTK_WIDGET (row->count),
    GTK_WIDGET (row->points),
    GTK_WIDGET (row->difficulty_min),
    GTK_WIDGET (row->difficulty_max),
    GTK_WIDGET (row->available),
    GTK_WIDGET (row->up),
    GTK_WIDGET (row->down),
    GTK_WIDGET (row->remove),
  };

  for (guint i = 0; i < G_N_ELEMENTS (page_widgets); i++)
    check_labelled (page_widgets[i]);
  for (guint i = 0; i < G_N_ELEMENTS (dialog_widgets); i++)
    check_labelled (dialog_widgets[i]);
  {
    /* The checks return NULL when the value is the one expected, else the value found. */
    g_autofree char *name = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (row->count), GTK_ACCESSIBLE_PROPERTY_LABEL, "Section 1: number of questions");
    g_autofree char *invalid = gtk_test_accessible_check_state (
        GTK_ACCESSIBLE (row->count), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

    ck_assert_msg (name == NULL, "the count is named %s", name);
    /* The shortfall reads as an invalid count. */
    ck_assert_msg (invalid == NULL, "the count's invalid state is %s", invalid);
  }
}
END_TEST

static Suite *
gui_exams_suite (void)
{
  Suite *suite = suite_create ("gui-exams");
  TCase *exams = tcase_create ("exams");

  tcase_add_checked_fixture (exams, setup, teardown);
  tcase_set_timeout (exams, 90);
  tcase_add_test (exams, test_create_preview_sit_grade);
  tcase_add_test (exams, test_edit_duplicate_delete);
  tcase_add_test (exams, test_personnel_reads);
  tcase_add_test (exams, test_accessible);
  suite_add_tcase (suite, exams);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  lc_gui_test_require_display ();
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  runner = srunner_create (gui_exams_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
