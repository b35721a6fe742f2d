/* test-gui-exam-window.c: an officer sits an exam by keyboard alone on a
 * database with the starter bank: every key goes through the exam window's
 * shortcut controller (the key's trigger is looked up there and its action
 * run), and after each one the database must hold the answer. Also: the
 * submit confirmation, result and review; resuming after the window was
 * destroyed; focus losses; the deadline with the injected clock; My exams. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-exam-window-private.h"
#include "lc-exam.h"
#include "lc-gui-test-util.h"
#include "lc-law.h"
#include "lc-message-dialog.h"
#include "lc-my-exams-page-private.h"

#define PASSWORD "secret-password"
/* 2026-06-15 12:00:00 UTC */
#define NOW ((gint64) 1781524800)

static char *tmp_dir;
static LcDb *db;
static gint64 now;
static gint64 officer_id;

static gint64
test_clock (gpointer data)
{
  return *(gint64 *) data;
}

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;
  LcOfficer officer = { 0 };
  gint64 dept = 0;

  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
  now = NOW;
  lc_db_set_clock (db, test_clock, &now);
  ck_assert_msg (lc_law_ensure_shipped (db, &error), "%s", error ? error->message : "");
  ck_assert_msg (lc_bank_ensure_starter (db, &error), "%s", error ? error->message : "");
  system = lc_session_new_system (db);
  ck_assert_msg (lc_people_add_department (system, "D01", "执法一大队", 0, &dept, &error), "%s",
                 error ? error->message : "");
  officer.staff_no = (char *) "330401001";
  officer.name = (char *) "张伟";
  officer.department_id = dept;
  officer.status = LC_OFFICER_ACTIVE;
  ck_assert_msg (lc_people_add_officer (system, &officer, &officer_id, &error), "%s", error ? error->message : "");
  ck_assert (lc_auth_add_user (system, "zhangwei", PASSWORD, LC_ROLE_OFFICER, officer_id, FALSE, NULL, &error));
}

static void
teardown (void)
{
  lc_gui_test_close (&db, &tmp_dir);
}

static LcSession *
sign_in (void)
{
  g_autoptr (GError) error = NULL;
  LcSession *session = lc_auth_sign_in (db, "zhangwei", PASSWORD, &error);

  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  return session;
}

/* Nine questions of every kind from the starter bank's 行政处罚法, 10 points each. */
static gint64
publish_exam (LcReviewPolicy review, int focus_loss_limit)
{
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (LcExam) exam = lc_exam_new ();
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  exam->title = g_strdup ("2026年度公共法律知识考试");
  exam->opens_at = NOW - 86400;
  exam->closes_at = NOW + 7 * 86400;
  exam->minutes = 30;
  exam->review_policy = review;
  exam->focus_loss_limit = focus_loss_limit;
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_SINGLE, 3, 1000, 1, 5);
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_MULTIPLE, 2, 1000, 1, 5);
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_TRUEFALSE, 2, 1000, 1, 5);
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_FILL, 1, 1000, 1, 5);
  lc_exam_add_section (exam, "行政处罚法", LC_QUESTION_ESSAY, 1, 1000, 1, 5);
  exam->pass_score = 6000;
  exam->status = LC_EXAM_PUBLISHED;
  ck_assert_msg (lc_exam_create (system, exam, &id, &error), "%s", error ? error->message : "");
  return id;
}

/* The attempt as stored, read with the key through the system session. */
static LcPaper *
stored_paper (gint64 attempt_id)
{
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;
  LcPaper *paper = lc_exam_get_paper (system, attempt_id, &error);

  ck_assert_msg (paper != NULL, "%s", error ? error->message : "");
  return paper;
}

static LcPaperItem *
item_at (LcPaper *paper, guint index)
{
  return g_ptr_array_index (paper->items, index);
}

static const char *
stored_response (gint64 attempt_id, guint index)
{
  static char *last;
  g_autoptr (LcPaper) paper = stored_paper (attempt_id);

  g_free (last);
  last = g_strdup (item_at (paper, index)->response);
  return last;
}

static gboolean
stored_flag (gint64 attempt_id, guint index)
{
  g_autoptr (LcPaper) paper = stored_paper (attempt_id);
  return item_at (paper, index)->flagged;
}

static LcAttempt *
stored_attempt (gint64 attempt_id)
{
  g_autoptr (LcSession) system = lc_session_new_system (db);
  LcAttempt *attempt = lc_exam_get_attempt (system, attempt_id, NULL);

  ck_assert_ptr_nonnull (attempt);
  return attempt;
}

/* Presses a key: finds the shortcut @controller has for it, as GTK would
 * for the key event, and runs its action on the controller's widget.
 * Returns whether the key was handled (a disabled action lets it through). */
static gboolean
press_in (GtkShortcutController *controller, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  GListModel *model = G_LIST_MODEL (controller);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean handled = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (model, i);

      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
        {
          found = TRUE;
          ck_assert (gtk_widget_get_mapped (widget));
          handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                  widget, gtk_shortcut_get_arguments (shortcut));
        }
    }
  ck_assert_msg (found, "no shortcut for %s", gdk_keyval_name (keyval));
  lc_gui_test_drain ();
  return handled;
}

static gboolean
press (LcExamWindow *window, guint keyval, GdkModifierType modifiers)
{
  return press_in (window->shortcuts, keyval, modifiers);
}

static const char *
page_name (LcExamWindow *window)
{
  return gtk_stack_get_visible_child_name (window->stack);
}

static LcExamWindow *
open_exam (LcSession *session, gint64 exam_id)
{
  LcExamWindow *window = lc_exam_window_new (NULL, session, exam_id);

  gtk_window_present (GTK_WINDOW (window));
  lc_gui_test_drain ();
  return window;
}

static void
set_flag (GtkButton *button, gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* What Enter or Space does to a focused button: activate it; GTK clicks it
 * a moment later, after showing it pressed. */
static void
activate_button (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id = g_signal_connect (button, "clicked", G_CALLBACK (set_flag), &clicked);

  g_object_ref (button);
  ck_assert (gtk_widget_activate (button));
  ck_assert_msg (lc_gui_test_wait_for (flag_set, &clicked), "the button was not clicked");
  g_signal_handler_disconnect (button, id);
  g_object_unref (button);
  lc_gui_test_drain ();
}

/* Starts from the instructions the way the keyboard does: Enter on the focused Start button. */
static void
begin (LcExamWindow *window)
{
  GtkWidget *focus;

  ck_assert_str_eq (page_name (window), "instructions");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_ptr_eq (focus, window->begin_button);
  activate_button (focus);
  ck_assert_msg (g_strcmp0 (page_name (window), "exam") == 0, "%s", gtk_label_get_text (window->intro_error_label));
  ck_assert_int_gt (window->attempt_id, 0);
}

/* The letter of the first correct option, as shown (A, B, …). */
static guint
correct_index (const LcPaperItem *item, guint nth)
{
  for (guint i = 0, seen = 0; i < item->correct->len; i++)
    if (g_array_index (item->correct, gboolean, i) && seen++ == nth)
      return i;
  ck_abort_msg ("question %d has no correct option %u", item->pos, nth);
  return 0;
}

static void
assert_label (GtkWidget *widget, const char *expected)
{
  char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  ck_assert_msg (problem == NULL, "%s", problem);
}

static gboolean
contains (const char *haystack, const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

START_TEST (test_sit_by_keyboard)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  g_autoptr (LcPaper) key = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  const char *body;
  guint n;

  ck_assert (contains (gtk_label_get_text (window->intro_body_label), "9 questions"));
  begin (window);
  key = stored_paper (window->attempt_id);
  n = key->items->len;
  ck_assert_uint_eq (n, 9);
  ck_assert_uint_eq (window->nav_buttons->len, 9);
  ck_assert_uint_eq (window->current, 0);
  ck_assert (contains (gtk_label_get_text (window->countdown_label), "00:30:00"));

  /* The sections come in blueprint order: 3 single, 2 multiple, 2 true/false, fill, essay. */
  for (guint i = 0; i < 3; i++)
    {
      LcPaperItem *item = item_at (key, i);
      guint right = correct_index (item, 0);
      guint wrong = (right + 1) % item->options->len;
      char letter[2] = { (char) ('A' + right), 0 };

      ck_assert_uint_eq (window->current, i);
      ck_assert_int_eq (item->type, LC_QUESTION_SINGLE);
      /* A letter, then a digit: the last choice is the answer, committed at once. */
      ck_assert (press (window, GDK_KEY_a + wrong, 0));
      ck_assert_uint_eq ((guint) stored_response (window->attempt_id, i)[0], (guint) ('A' + wrong));
      ck_assert (press (window, GDK_KEY_1 + right, 0));
      ck_assert_str_eq (stored_response (window->attempt_id, i), letter);
      ck_assert (gtk_check_button_get_active (g_ptr_array_index (window->option_buttons, right)));
      ck_assert (!gtk_check_button_get_active (g_ptr_array_index (window->option_buttons, wrong)));
      ck_assert (contains (gtk_label_get_text (window->status_label), "saved"));
      assert_label (g_ptr_array_index (window->nav_buttons, i), g_strdup_printf ("Question %u, answered", i + 1));
      ck_assert (press (window, i % 2 ? GDK_KEY_Page_Down : GDK_KEY_Right, 0));
    }

  /* Multiple choice: the keys toggle; the first question all correct, the second left out. */
  {
    LcPaperItem *item = item_at (key, 3);
    g_autoptr (GString) expected = g_string_new (NULL);

    ck_assert_int_eq (item->type, LC_QUESTION_MULTIPLE);
    for (guint i = 0; i < item->correct->len; i++)
      if (g_array_index (item->correct, gboolean, i))
        {
          ck_assert (press (window, GDK_KEY_a + i, 0));
          g_string_append_c (expected, (char) ('A' + i));
        }
    ck_assert_str_eq (stored_response (window->attempt_id, 3), expected->str);
    /* A wrong option on and off again. */
    for (guint i = 0; i < item->correct->len; i++)
      if (!g_array_index (item->correct, gboolean, i))
        {
          ck_assert (press (window, GDK_KEY_1 + i, 0));
          ck_assert_uint_eq (strlen (stored_response (window->attempt_id, 3)), expected->len + 1);
          ck_assert (press (window, GDK_KEY_1 + i, 0));
          break;
        }
    ck_assert_str_eq (stored_response (window->attempt_id, 3), expected->str);
    /* F flags it; the navigator says so. */
    ck_assert (press (window, GDK_KEY_f, 0));
    ck_assert (stored_flag (window->attempt_id, 3));
    assert_label (g_ptr_array_index (window->nav_buttons, 3), "Question 4, answered, flagged");
    ck_assert (gtk_widget_has_css_class (g_ptr_array_index (window->nav_buttons, 3), "exam-flagged"));
    ck_assert (press (window, GDK_KEY_Right, 0));
  }
  /* Question 5 (multiple) stays unanswered but flagged. */
  ck_assert_uint_eq (window->current, 4);
  ck_assert (press (window, GDK_KEY_f, 0));
  assert_label (g_ptr_array_index (window->nav_buttons, 4), "Question 5, not answered, flagged");
  ck_assert (press (window, GDK_KEY_f, 0));
  ck_assert (!stored_flag (window->attempt_id, 4));
  ck_assert (press (window, GDK_KEY_f, 0));
  ck_assert (stored_flag (window->attempt_id, 4));
  ck_assert (press (window, GDK_KEY_Page_Down, 0));

  /* True or false: 1 (A) is true, 2 (B) false. */
  for (guint i = 5; i < 7; i++)
    {
      LcPaperItem *item = item_at (key, i);
      gboolean truth = g_array_index (item->correct, gboolean, 0);

      ck_assert_int_eq (item->type, LC_QUESTION_TRUEFALSE);
      ck_assert (press (window, truth ? GDK_KEY_1 : GDK_KEY_2, 0));
      ck_assert_str_eq (stored_response (window->attempt_id, i), truth ? "T" : "F");
      ck_assert (press (window, GDK_KEY_Right, 0));
    }

  /* Fill-in: the entry has the keyboard; letters and arrows are its own. */
  ck_assert_uint_eq (window->current, 7);
  ck_assert_int_eq (item_at (key, 7)->type, LC_QUESTION_FILL);
  ck_assert (gtk_widget_is_focus (GTK_WIDGET (window->fill_entry))
             || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->fill_entry)));
  ck_assert (!press (window, GDK_KEY_a, 0));
  ck_assert (!press (window, GDK_KEY_f, 0));
  ck_assert (!press (window, GDK_KEY_Right, 0));
  ck_assert (!press (window, GDK_KEY_End, 0));
  ck_assert_uint_eq (window->current, 7);
  ck_assert_ptr_null (stored_response (window->attempt_id, 7));
  {
    g_autofree char *accepted = g_strdup (item_at (key, 7)->correct_answer);
    char *bar = strstr (accepted, " | ");

    if (bar != NULL)
      *bar = '\0';
    gtk_editable_set_text (GTK_EDITABLE (window->fill_entry), accepted);
    /* PageDown still moves on from a text field, committing what was typed. */
    ck_assert (press (window, GDK_KEY_Page_Down, 0));
    ck_assert_str_eq (stored_response (window->attempt_id, 7), accepted);
  }

  /* The essay: typed, committed after the pause (or on moving). */
  ck_assert_uint_eq (window->current, 8);
  ck_assert_int_eq (item_at (key, 8)->type, LC_QUESTION_ESSAY);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window->essay_view), "应当告知当事人陈述申辩的权利。", -1);
  _lc_exam_window_flush (window);
  ck_assert_str_eq (stored_response (window->attempt_id, 8), "应当告知当事人陈述申辩的权利。");

  /* Home and End, from an option. */
  ck_assert (press (window, GDK_KEY_Page_Up, 0));
  ck_assert_uint_eq (window->current, 7);
  ck_assert (!press (window, GDK_KEY_Home, 0));
  ck_assert (press (window, GDK_KEY_Page_Up, 0));
  ck_assert (press (window, GDK_KEY_Home, 0));
  ck_assert_uint_eq (window->current, 0);
  ck_assert (gtk_check_button_get_active (
      g_ptr_array_index (window->option_buttons, correct_index (key->items->pdata[0], 0))));
  ck_assert (press (window, GDK_KEY_End, 0));
  ck_assert_uint_eq (window->current, 8);
  /* The essay's text view has the keyboard: Home is its own. */
  ck_assert (!press (window, GDK_KEY_Home, 0));

  /* Larger text. */
  ck_assert (press (window, GDK_KEY_plus, GDK_CONTROL_MASK));
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (window), "exam-large-text"));
  ck_assert (press (window, GDK_KEY_minus, GDK_CONTROL_MASK));
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (window), "exam-large-text"));

  /* Ctrl+Enter: the confirmation names question 5, unanswered and flagged; Escape goes back. */
  ck_assert (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert_str_eq (page_name (window), "confirm");
  body = gtk_label_get_text (window->confirm_body_label);
  ck_assert_msg (contains (body, "Not answered (1 question): 5"), "%s", body);
  ck_assert_msg (contains (body, "Flagged for review (2 questions): 4, 5"), "%s", body);
  ck_assert (press_in (window->confirm_keys, GDK_KEY_Escape, 0));
  ck_assert_str_eq (page_name (window), "exam");
  attempt = stored_attempt (window->attempt_id);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_IN_PROGRESS);
  g_clear_pointer (&attempt, lc_attempt_free);

  ck_assert (press (window, GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  ck_assert_str_eq (page_name (window), "confirm");
  ck_assert_ptr_eq (gtk_root_get_focus (GTK_ROOT (window)), window->confirm_submit_button);
  ck_assert (press_in (window->confirm_keys, GDK_KEY_Return, 0));

  /* The result: 3 single + 1 multiple + 2 true/false + fill right = 70; the essay waits. */
  ck_assert_str_eq (page_name (window), "result");
  attempt = stored_attempt (window->attempt_id);
  ck_assert_int_eq (attempt->state, LC_ATTEMPT_AWAITING_GRADING);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_OFFICER);
  ck_assert_uint_eq (attempt->n_answered, 8);
  ck_assert_msg (contains (gtk_label_get_text (window->result_score_label), "Awaiting grading: 1"), "%s",
                 gtk_label_get_text (window->result_score_label));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window->review_button)));

  /* A trainer grades the essay: the result shows the score. */
  {
    g_autoptr (LcSession) system = lc_session_new_system (db);
    ck_assert (lc_exam_grade_item (system, window->attempt_id, 9, 500, "要点不全", NULL));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "exam.result", NULL);
  ck_assert_msg (contains (gtk_label_get_text (window->result_score_label), "Score: 75 of 90 points — passed"), "%s",
                 gtk_label_get_text (window->result_score_label));

  /* The review: every question, the key, the explanation and the article. */
  ck_assert_ptr_eq (gtk_root_get_focus (GTK_ROOT (window)), window->review_button);
  activate_button (GTK_WIDGET (window->review_button));
  ck_assert_str_eq (page_name (window), "review");
  {
    guint rows = 0;
    gboolean explanation = FALSE, correct = FALSE, basis = FALSE, comment = FALSE;

    while (gtk_list_box_get_row_at_index (window->review_list, (int) rows) != NULL)
      rows++;
    ck_assert_uint_eq (rows, 9);
    for (guint r = 0; r < rows; r++)
      {
        GtkWidget *box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (window->review_list, (int) r));
        for (GtkWidget *label = gtk_widget_get_first_child (box); label != NULL;
             label = gtk_widget_get_next_sibling (label))
          {
            const char *text = gtk_label_get_text (GTK_LABEL (label));
            explanation |= g_str_has_prefix (text, "Explanation:");
            correct |= contains (text, "(your choice, correct)");
            basis |= g_str_has_prefix (text, "Legal basis:");
            comment |= contains (text, "要点不全");
          }
      }
    ck_assert (explanation && correct && basis && comment);
  }
}
END_TEST

/* The review as the policy allows: "score" shows no review at all. */
START_TEST (test_review_policy_score)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_SCORE, 0);
  LcExamWindow *window = open_exam (session, exam_id);

  begin (window);
  ck_assert (press (window, GDK_KEY_a, 0));
  ck_assert (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert (
      contains (gtk_label_get_text (window->confirm_body_label), "Not answered (8 questions): 2, 3, 4, 5, 6, 7, 8, 9"));
  ck_assert (press_in (window->confirm_keys, GDK_KEY_Return, 0));
  ck_assert_str_eq (page_name (window), "result");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (window->review_button)));
  ck_assert (contains (gtk_label_get_text (window->result_detail_label), "does not show the answers"));
  /* The core refuses it too, whatever the window would try. */
  {
    g_autoptr (GError) error = NULL;
    ck_assert_ptr_null (lc_exam_get_paper (session, window->attempt_id, &error));
    ck_assert (g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_REVIEW_CLOSED));
  }
}
END_TEST

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The button of the first row of @list whose label is @label, or NULL. */
static GtkButton *
row_button (GtkListBox *list, const char *label)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
  GtkWidget *box = row != NULL ? gtk_list_box_row_get_child (row) : NULL;

  for (GtkWidget *child = box != NULL ? gtk_widget_get_first_child (box) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
      return GTK_BUTTON (child);
  return NULL;
}

START_TEST (test_resume)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  GtkWidget *host = gtk_window_new ();
  LcMyExamsPage *page = lc_my_exams_page_new (session);
  g_autoptr (LcPaper) before = NULL;
  g_autoptr (LcPaper) after = NULL;
  gint64 attempt_id;
  gint64 deadline;

  gtk_window_set_child (GTK_WINDOW (host), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (host));
  lc_gui_test_drain ();
  ck_assert_uint_eq (count_rows (page->open_list), 1);
  ck_assert_ptr_nonnull (row_button (page->open_list, "_Start"));

  begin (window);
  attempt_id = window->attempt_id;
  ck_assert (press (window, GDK_KEY_b, 0));
  ck_assert (press (window, GDK_KEY_Right, 0));
  ck_assert (press (window, GDK_KEY_f, 0));
  ck_assert (press (window, GDK_KEY_c, 0));
  before = stored_paper (attempt_id);
  deadline = before->deadline_at;
  ck_assert_int_eq (deadline, NOW + 30 * 60);

  /* Ten minutes later the window is closed mid-exam: it asks, then just closes. */
  now += 600;
  gtk_window_close (GTK_WINDOW (window));
  lc_gui_test_drain ();
  ck_assert_str_eq (page_name (window), "leave");
  ck_assert (contains (gtk_label_get_text (window->leave_body_label), "The time keeps running"));
  activate_button (GTK_WIDGET (window->leave_confirm_button));
  ck_assert (g_list_model_get_n_items (gtk_window_get_toplevels ()) >= 1);
  {
    g_autoptr (LcAttempt) attempt = stored_attempt (attempt_id);
    ck_assert_int_eq (attempt->state, LC_ATTEMPT_IN_PROGRESS);
  }

  /* My exams offers Resume now. */
  lc_my_exams_page_reload (page);
  ck_assert_ptr_nonnull (row_button (page->open_list, "_Resume"));
  activate_button (GTK_WIDGET (row_button (page->open_list, "_Resume")));
  window = page->exam_window;
  ck_assert_ptr_nonnull (window);

  /* Straight back to the questions: same attempt, paper, answers, deadline. */
  ck_assert_str_eq (page_name (window), "exam");
  ck_assert_int_eq (window->attempt_id, attempt_id);
  after = stored_paper (attempt_id);
  ck_assert_int_eq (after->deadline_at, deadline);
  ck_assert_uint_eq (after->items->len, before->items->len);
  for (guint i = 0; i < after->items->len; i++)
    ck_assert_int_eq (item_at (after, i)->question_version_id, item_at (before, i)->question_version_id);
  ck_assert_str_eq (item_at (after, 0)->response, "B");
  ck_assert_str_eq (item_at (after, 1)->response, "C");
  ck_assert (item_at (after, 1)->flagged);
  /* It opens at the first question not answered; the answered ones show their choice. */
  ck_assert_uint_eq (window->current, 2);
  ck_assert (press (window, GDK_KEY_Home, 0));
  ck_assert (gtk_check_button_get_active (g_ptr_array_index (window->option_buttons, 1)));
  assert_label (g_ptr_array_index (window->nav_buttons, 1), "Question 2, answered, flagged");
  /* The clock did not restart: 20 minutes are left, by the server's time. */
  ck_assert_msg (contains (gtk_label_get_text (window->countdown_label), "00:20:00"), "%s",
                 gtk_label_get_text (window->countdown_label));
  now += 5;
  _lc_exam_window_tick (window);
  ck_assert (contains (gtk_label_get_text (window->countdown_label), "00:19:55"));
}
END_TEST

static LcMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (LC_IS_MESSAGE_DIALOG (window))
        return LC_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

/* No focus change of the exam window is waiting to be judged. */
static gboolean
focus_settled (gpointer data)
{
  LcExamWindow *window = data;
  return window->focus_check_id == 0;
}

START_TEST (test_focus_loss)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_SCORE, 2);
  LcExamWindow *window = open_exam (session, exam_id);
  LcMessageDialog *dialog;

  ck_assert (contains (gtk_label_get_text (window->intro_body_label), "after 2 times the exam is submitted"));
  begin (window);
  ck_assert (press (window, GDK_KEY_a, 0));

  /* The window stops being the active one. */
  _lc_exam_window_focus_lost (window);
  {
    g_autoptr (LcAttempt) attempt = stored_attempt (window->attempt_id);
    ck_assert_int_eq (attempt->focus_losses, 1);
    ck_assert_int_eq (attempt->state, LC_ATTEMPT_IN_PROGRESS);
  }
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert (contains (gtk_label_get_text (GTK_LABEL (lc_gui_test_find (GTK_WIDGET (dialog), "body_label"))),
                       "1 of 2 times allowed"));
  /* While our own warning has the focus, the officer has not left again. */
  gtk_window_present (GTK_WINDOW (dialog));
  ck_assert (lc_gui_test_wait_for (is_active, dialog));
  ck_assert (lc_gui_test_wait_for (focus_settled, window));
  {
    g_autoptr (LcAttempt) attempt = stored_attempt (window->attempt_id);
    ck_assert_int_eq (attempt->focus_losses, 1);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  lc_gui_test_drain ();

  /* The second time is the limit: submitted, and the result says why. */
  _lc_exam_window_focus_lost (window);
  {
    g_autoptr (LcAttempt) attempt = stored_attempt (window->attempt_id);
    ck_assert_int_eq (attempt->focus_losses, 2);
    ck_assert_int_ne (attempt->state, LC_ATTEMPT_IN_PROGRESS);
    ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_FOCUS);
    ck_assert_uint_eq (attempt->n_answered, 1);
  }
  ck_assert_str_eq (page_name (window), "result");
  ck_assert (contains (gtk_label_get_text (window->result_heading), "left too often"));
  ck_assert (contains (gtk_label_get_text (window->result_score_label), "Score:"));
}
END_TEST

START_TEST (test_deadline)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_ANSWERS, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  g_autoptr (LcAttempt) attempt = NULL;

  begin (window);
  ck_assert (press (window, GDK_KEY_c, 0));
  now += 29 * 60 + 58;
  _lc_exam_window_tick (window);
  ck_assert_str_eq (page_name (window), "exam");
  ck_assert (contains (gtk_label_get_text (window->countdown_label), "00:00:02"));
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (window->countdown_label), "exam-time-low"));
  /* The server's clock reaches the deadline: submitted with what was saved. */
  now += 2;
  _lc_exam_window_tick (window);
  ck_assert_str_eq (page_name (window), "result");
  attempt = stored_attempt (window->attempt_id);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_DEADLINE);
  ck_assert_uint_eq (attempt->n_answered, 1);
  ck_assert (contains (gtk_label_get_text (window->result_heading), "Time is up"));
  /* Review "answers": own answers and points, no key. */
  activate_button (GTK_WIDGET (window->review_button));
  ck_assert_str_eq (page_name (window), "review");
  for (guint r = 0; gtk_list_box_get_row_at_index (window->review_list, (int) r) != NULL; r++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (window->review_list, (int) r));
      for (GtkWidget *label = gtk_widget_get_first_child (box); label != NULL;
           label = gtk_widget_get_next_sibling (label))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (label));
          ck_assert_msg (!g_str_has_prefix (text, "Explanation:") && !contains (text, "correct)"), "%s", text);
        }
    }
}
END_TEST

/* My exams: upcoming and past exams, the score and Review of a past one. */
START_TEST (test_my_exams_page)
{
  g_autoptr (LcSession) session = sign_in ();
  g_autoptr (LcSession) system = lc_session_new_system (db);
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  GtkWidget *host = gtk_window_new ();
  LcMyExamsPage *page = lc_my_exams_page_new (session);
  g_autoptr (LcExam) later = lc_exam_get (system, exam_id, NULL);
  GtkButton *review;

  later->id = 0;
  g_free (later->title);
  later->title = g_strdup ("2026年度专业法律知识考试");
  later->opens_at = NOW + 86400;
  ck_assert (lc_exam_create (system, later, NULL, NULL));

  begin (window);
  ck_assert (press (window, GDK_KEY_a, 0));
  ck_assert (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert (press_in (window->confirm_keys, GDK_KEY_Return, 0));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A week later the first exam has closed. */
  now += 8 * 86400;
  gtk_window_set_child (GTK_WINDOW (host), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (host));
  lc_gui_test_drain ();
  ck_assert_uint_eq (count_rows (page->open_list), 0);
  ck_assert_uint_eq (count_rows (page->upcoming_list) + count_rows (page->past_list), 2);
  review = row_button (page->past_list, "_Review");
  ck_assert_ptr_nonnull (review);
  activate_button (GTK_WIDGET (review));
  ck_assert_ptr_nonnull (page->exam_window);
  ck_assert_str_eq (page_name (page->exam_window), "result");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (page->exam_window->review_button)));
}
END_TEST

/* Ctrl+Q (app.quit) and My exams opening another exam destroy the window
 * with no close request: what was typed is saved all the same. */
START_TEST (test_destroy_saves_typing)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  gint64 attempt_id;

  begin (window);
  attempt_id = window->attempt_id;
  ck_assert (press (window, GDK_KEY_End, 0));
  ck_assert_uint_eq (window->current, 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window->essay_view), "应当制作行政处罚决定书。", -1);
  ck_assert_ptr_null (stored_response (attempt_id, 8));
  gtk_window_destroy (GTK_WINDOW (window));
  lc_gui_test_drain ();
  ck_assert_str_eq (stored_response (attempt_id, 8), "应当制作行政处罚决定书。");
  {
    g_autoptr (LcAttempt) attempt = stored_attempt (attempt_id);
    ck_assert_int_eq (attempt->state, LC_ATTEMPT_IN_PROGRESS);
    ck_assert_int_eq (attempt->focus_losses, 0);
  }
}
END_TEST

/* Typing without a pause never keeps the answer unsaved past the clock's next tick. */
START_TEST (test_typing_saved_each_tick)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);

  begin (window);
  ck_assert (press (window, GDK_KEY_End, 0));
  ck_assert (press (window, GDK_KEY_Page_Up, 0));
  ck_assert_uint_eq (window->current, 7);
  /* No main loop runs between the keys and the tick: the pause never comes. */
  gtk_editable_set_text (GTK_EDITABLE (window->fill_entry), "陈述");
  now += 1;
  _lc_exam_window_tick (window);
  ck_assert_str_eq (stored_response (window->attempt_id, 7), "陈述");
  gtk_editable_set_text (GTK_EDITABLE (window->fill_entry), "陈述、申辩");
  now += 1;
  _lc_exam_window_tick (window);
  ck_assert_str_eq (stored_response (window->attempt_id, 7), "陈述、申辩");
  ck_assert_uint_eq (window->save_text_id, 0);
}
END_TEST

/* Text typed in the last seconds is saved before the deadline, then submitted with it. */
START_TEST (test_deadline_saves_last_typing)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  g_autoptr (LcAttempt) attempt = NULL;
  gint64 attempt_id;

  begin (window);
  attempt_id = window->attempt_id;
  ck_assert (press (window, GDK_KEY_End, 0));
  now = window->paper->deadline_at - 2;
  _lc_exam_window_tick (window);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window->essay_view), "最后两秒写下的答案", -1);
  now = window->paper->deadline_at - 1;
  _lc_exam_window_tick (window);
  ck_assert_str_eq (page_name (window), "exam");
  now = window->paper->deadline_at;
  _lc_exam_window_tick (window);
  ck_assert_str_eq (page_name (window), "result");
  attempt = stored_attempt (attempt_id);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_DEADLINE);
  ck_assert_uint_eq (attempt->n_answered, 1);
  ck_assert_str_eq (stored_response (attempt_id, 8), "最后两秒写下的答案");
}
END_TEST

static gboolean
losses_reach (gpointer data)
{
  LcExamWindow *window = data;
  return window->paper->attempt->focus_losses >= GPOINTER_TO_INT (g_object_get_data (data, "wanted-losses"));
}

static void
wait_for_losses (LcExamWindow *window, int wanted)
{
  g_object_set_data (G_OBJECT (window), "wanted-losses", GINT_TO_POINTER (wanted));
  ck_assert_msg (lc_gui_test_wait_for (losses_reach, window), "focus losses %d, wanted %d",
                 window->paper->attempt->focus_losses, wanted);
}

static gboolean
on_result_page (gpointer window)
{
  return g_strcmp0 (page_name (window), "result") == 0;
}

/* Real focus changes: another program takes the focus while the exam's
 * own warning is up, and the focus moves between the exam and its warning. */
START_TEST (test_focus_loss_with_warning_open)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_SCORE, 3);
  LcExamWindow *window = open_exam (session, exam_id);
  GtkWidget *other = gtk_window_new ();
  LcMessageDialog *dialog;
  g_autoptr (LcAttempt) attempt = NULL;

  gtk_window_set_title (GTK_WINDOW (other), "another program");
  begin (window);
  ck_assert (lc_gui_test_wait_for (is_active, window));

  /* Another program: counted once, and warned. */
  gtk_window_present (GTK_WINDOW (other));
  wait_for_losses (window, 1);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  /* Back to the warning, closing it, back to the exam: no loss. */
  gtk_window_present (GTK_WINDOW (dialog));
  ck_assert (lc_gui_test_wait_for (is_active, dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (lc_gui_test_wait_for (is_active, window));
  ck_assert (lc_gui_test_wait_for (focus_settled, window));
  {
    g_autoptr (LcAttempt) first = stored_attempt (window->attempt_id);
    ck_assert_int_eq (first->focus_losses, 1);
  }

  /* The second time; the officer comes back to the warning, and leaves it open. */
  gtk_window_present (GTK_WINDOW (other));
  wait_for_losses (window, 2);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  ck_assert (lc_gui_test_wait_for (is_active, dialog));
  ck_assert (lc_gui_test_wait_for (focus_settled, window));
  ck_assert_int_eq (window->paper->attempt->focus_losses, 2);

  /* Switching to another program with the warning open is leaving too:
   * the third time is the limit. */
  gtk_window_present (GTK_WINDOW (other));
  ck_assert_msg (lc_gui_test_wait_for (on_result_page, window), "focus losses %d",
                 window->paper->attempt->focus_losses);
  attempt = stored_attempt (window->attempt_id);
  ck_assert_int_eq (attempt->focus_losses, 3);
  ck_assert_int_eq (attempt->submitted_by, LC_SUBMITTED_BY_FOCUS);
}
END_TEST

/* An answer the database refuses (busy, say) is kept: shown on coming
 * back to its question, marked in the navigator, tried again until saved. */
START_TEST (test_refused_answer_kept)
{
  g_autoptr (LcSession) session = sign_in ();
  gint64 exam_id = publish_exam (LC_REVIEW_FULL, 0);
  LcExamWindow *window = open_exam (session, exam_id);
  g_autoptr (GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->essay_view);
  GtkWidget *button;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  gint64 attempt_id;

  begin (window);
  attempt_id = window->attempt_id;
  button = g_ptr_array_index (window->nav_buttons, 8);
  ck_assert (press (window, GDK_KEY_End, 0));
  ck_assert_msg (lc_db_exec (db,
                             "CREATE TEMP TRIGGER refuse_answers BEFORE UPDATE OF response ON attempt_item "
                             "BEGIN SELECT RAISE (ABORT, 'database is locked'); END",
                             &error),
                 "%s", error ? error->message : "");
  gtk_text_buffer_set_text (buffer, "拒绝保存的答案", -1);
  _lc_exam_window_flush (window);
  ck_assert_ptr_null (stored_response (attempt_id, 8));
  ck_assert_msg (contains (gtk_label_get_text (window->status_label), "was not saved"), "%s",
                 gtk_label_get_text (window->status_label));
  assert_label (button, "Question 9, not answered, not saved");
  ck_assert (gtk_widget_has_css_class (button, "exam-unsaved"));

  /* Away and back (the retry on each move is refused too): the text is still there. */
  ck_assert (press (window, GDK_KEY_Page_Up, 0));
  ck_assert_uint_eq (window->current, 7);
  ck_assert (press (window, GDK_KEY_Page_Down, 0));
  ck_assert_uint_eq (window->current, 8);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ck_assert_str_eq (shown, "拒绝保存的答案");
  ck_assert_ptr_null (stored_response (attempt_id, 8));

  /* Ctrl+Enter warns that submitting now would lose it; Escape goes back. */
  ck_assert (press (window, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert_msg (contains (gtk_label_get_text (window->confirm_body_label),
                           "Answer not saved yet, it would be lost (1 question): 9"),
                 "%s", gtk_label_get_text (window->confirm_body_label));
  ck_assert (press_in (window->confirm_keys, GDK_KEY_Escape, 0));

  /* The database takes answers again: the clock's retry saves it. */
  ck_assert (lc_db_exec (db, "DROP TRIGGER refuse_answers", NULL));
  for (int i = 0; i < 5; i++)
    {
      now += 1;
      _lc_exam_window_tick (window);
    }
  ck_assert_str_eq (stored_response (attempt_id, 8), "拒绝保存的答案");
  assert_label (button, "Question 9, answered");
  ck_assert (!gtk_widget_has_css_class (button, "exam-unsaved"));
}
END_TEST

static Suite *
exam_window_suite (void)
{
  Suite *suite = suite_create ("exam-window");
  TCase *tc = tcase_create ("exam-window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_sit_by_keyboard);
  tcase_add_test (tc, test_review_policy_score);
  tcase_add_test (tc, test_resume);
  tcase_add_test (tc, test_focus_loss);
  tcase_add_test (tc, test_deadline);
  tcase_add_test (tc, test_my_exams_page);
  tcase_add_test (tc, test_destroy_saves_typing);
  tcase_add_test (tc, test_typing_saved_each_tick);
  tcase_add_test (tc, test_deadline_saves_last_typing);
  tcase_add_test (tc, test_focus_loss_with_warning_open);
  tcase_add_test (tc, test_refused_answer_kept);
  suite_add_tcase (suite, tc);
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

  runner = srunner_create (exam_window_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
