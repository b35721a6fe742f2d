/* test-gui-question-editor.c: the question editor, opened from the Question
 * bank page as New… and Edit… open it: live validation naming the control
 * at fault, every type written and read back, an edit kept as version 2
 * beside an untouched version 1, and the cited article shown as one types. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-bank-page-private.h"
#include "lc-bank.h"
#include "lc-gui-test-util.h"
#include "lc-law.h"
#include "lc-question-editor-private.h"
#include "lc-question-history-dialog.h"

#define PASSWORD "secret-password"
#define PENALTY_LAW "中华人民共和国行政处罚法 (2021-01-22)"

static char *tmp_dir;
static LcDb *db;

static void
setup (void)
{
  gtk_init ();
  db = lc_gui_test_open_content_db (&tmp_dir, PASSWORD);
}

static void
teardown (void)
{
  lc_gui_test_close (&db, &tmp_dir);
}

static gboolean
page_idle (gpointer data)
{
  return !_lc_bank_page_is_busy (data);
}

static void
wait_idle (LcBankPage *page)
{
  ck_assert_msg (lc_gui_test_wait_for (page_idle, page), "the page did not finish loading");
  lc_gui_test_drain ();
  ck_assert_msg (lc_gui_test_wait_for (page_idle, page), "the page did not finish loading");
}

static LcBankPage *
bank_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = lc_auth_sign_in (db, "trainer", PASSWORD, &error);
  GtkWidget *window = gtk_window_new ();
  LcBankPage *page;

  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  page = lc_bank_page_new (session);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (page);
  return page;
}

static LcQuestionEditor *
open_editor (LcBankPage *page, const char *uid)
{
  GtkWidget *editor = _lc_bank_page_open_editor (page, uid);

  ck_assert_msg (editor != NULL, "%s", gtk_label_get_text (page->error_label));
  lc_gui_test_drain ();
  return LC_QUESTION_EDITOR (editor);
}

static gboolean
can_save (LcQuestionEditor *editor)
{
  /* The button follows the enabled state of its action, editor.save. */
  return gtk_widget_get_sensitive (GTK_WIDGET (editor->save_button));
}

static const char *
complaint (LcQuestionEditor *editor)
{
  return gtk_widget_get_visible (GTK_WIDGET (editor->error_label)) ? gtk_label_get_text (editor->error_label) : "";
}

static void
set_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static GtkEntry *
option_entry (LcQuestionEditor *editor, guint i)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (editor->options_box));

  for (; row != NULL && i > 0; i--)
    row = gtk_widget_get_next_sibling (row);
  ck_assert_ptr_nonnull (row);
  /* correct, letter, entry, pinned, remove */
  return GTK_ENTRY (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (row))));
}

static GtkCheckButton *
option_correct (LcQuestionEditor *editor, guint i)
{
  GtkWidget *entry = GTK_WIDGET (option_entry (editor, i));

  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (gtk_widget_get_parent (entry)));
}

static GtkButton *
option_remove (LcQuestionEditor *editor, guint i)
{
  GtkWidget *entry = GTK_WIDGET (option_entry (editor, i));

  return GTK_BUTTON (gtk_widget_get_last_child (gtk_widget_get_parent (entry)));
}

static guint
n_options (LcQuestionEditor *editor)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (editor->options_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Picks the statute version named @name in the legal basis picker. */
static void
choose_law (LcQuestionEditor *editor, const char *name, int article)
{
  GListModel *laws = gtk_drop_down_get_model (editor->law_dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (laws); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (laws), i), name) == 0)
      {
        gtk_drop_down_set_selected (editor->law_dropdown, i);
        gtk_spin_button_set_value (editor->article_spin, article);
        return;
      }
  ck_abort_msg ("no statute “%s” in the picker", name);
}

static char *
save (LcQuestionEditor *editor)
{
  g_autoptr (GError) error = NULL;
  char *uid = NULL;

  ck_assert_msg (can_save (editor), "Save is off: %s", complaint (editor));
  ck_assert_msg (_lc_question_editor_save (editor, &uid, &error), "%s", error ? error->message : "");
  return uid;
}

static LcQuestion *
stored (const char *uid)
{
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;
  LcQuestion *question = lc_bank_get_question (system, uid, &error);

  ck_assert_msg (question != NULL, "%s", error ? error->message : "");
  return question;
}

START_TEST (test_new_choice_question)
{
  LcBankPage *page = bank_page ();
  LcQuestionEditor *editor = open_editor (page, NULL);
  const char *options[] = { "警告、通报批评", "罚款、没收违法所得", "暂扣许可证件", "记大过" };
  g_autofree char *uid = NULL;
  g_autoptr (LcQuestion) question = NULL;

  /* A new form: nothing to complain about yet, nothing to save either. */
  ck_assert_str_eq (complaint (editor), "");
  ck_assert (!can_save (editor));
  ck_assert_int_eq (gtk_drop_down_get_selected (editor->type_dropdown), LC_QUESTION_SINGLE);
  ck_assert_uint_eq (n_options (editor), 4);

  gtk_editable_set_text (GTK_EDITABLE (editor->category_entry), "测试/编辑器");
  set_text (editor->stem_view, "依照行政处罚法，下列哪一项不属于行政处罚的种类？");
  ck_assert_str_eq (complaint (editor), "Option 1 is empty.");
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (editor->options_box), "error"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    gtk_editable_set_text (GTK_EDITABLE (option_entry (editor, i)), options[i]);
  ck_assert_str_eq (complaint (editor), "A single-choice question has exactly one right option, this one has 0.");
  gtk_check_button_set_active (option_correct (editor, 3), TRUE);
  ck_assert_str_eq (complaint (editor), "");
  ck_assert (can_save (editor));
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (editor->options_box), "error"));

  /* Single choice: ticking another right option unticks the first. */
  gtk_check_button_set_active (option_correct (editor, 1), TRUE);
  ck_assert (!gtk_check_button_get_active (option_correct (editor, 3)));
  gtk_check_button_set_active (option_correct (editor, 3), TRUE);
  ck_assert (!gtk_check_button_get_active (option_correct (editor, 1)));

  /* Two options alike are named. */
  gtk_editable_set_text (GTK_EDITABLE (option_entry (editor, 2)), "警告、通报批评");
  ck_assert_str_eq (complaint (editor), "Options 1 and 3 are the same: “警告、通报批评”.");
  ck_assert (!can_save (editor));
  gtk_editable_set_text (GTK_EDITABLE (option_entry (editor, 2)), options[2]);

  /* The cited article shows as it is chosen; one that does not exist is refused. */
  choose_law (editor, PENALTY_LAW, 9);
  ck_assert_msg (strstr (gtk_label_get_text (editor->basis_text_label), "第九条") != NULL, "%s",
                 gtk_label_get_text (editor->basis_text_label));
  gtk_spin_button_set_value (editor->article_spin, 999);
  ck_assert (!can_save (editor));
  ck_assert_msg (strstr (complaint (editor), "999") != NULL, "%s", complaint (editor));
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (editor->article_spin), "error"));
  gtk_spin_button_set_value (editor->article_spin, 9);
  ck_assert_str_eq (complaint (editor), "");

  gtk_spin_button_set_value (editor->difficulty_spin, 2);
  set_text (editor->explanation_view, "行政处罚法第九条列举了行政处罚的种类，记大过属于政务处分。");
  uid = save (editor);
  question = stored (uid);
  ck_assert_int_eq (question->type, LC_QUESTION_SINGLE);
  ck_assert_int_eq (question->version_no, 1);
  ck_assert_int_eq (question->difficulty, 2);
  ck_assert_int_eq (question->status, LC_QUESTION_ACTIVE);
  ck_assert_str_eq (question->category, "测试/编辑器");
  ck_assert_str_eq (question->basis_ref, "administrative-penalty-law@2021-01-22#9");
  ck_assert_uint_eq (question->options->len, 4);
  ck_assert (((LcQuestionOption *) g_ptr_array_index (question->options, 3))->correct);
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (question->options, 3))->weight, 10000);
  ck_assert (!((LcQuestionOption *) g_ptr_array_index (question->options, 0))->correct);
}
END_TEST

START_TEST (test_multiple_choice_shares_the_mark)
{
  LcBankPage *page = bank_page ();
  LcQuestionEditor *editor = open_editor (page, NULL);
  const char *options[] = { "甲", "乙", "丙", "丁", "戊" };
  g_autofree char *uid = NULL;
  g_autoptr (LcQuestion) question = NULL;
  int total = 0;

  gtk_drop_down_set_selected (editor->type_dropdown, LC_QUESTION_MULTIPLE);
  set_text (editor->stem_view, "多选题：下列哪些正确？");
  g_signal_emit_by_name (editor->add_option_button, "clicked");
  ck_assert_uint_eq (n_options (editor), 5);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    gtk_editable_set_text (GTK_EDITABLE (option_entry (editor, i)), options[i]);
  gtk_check_button_set_active (option_correct (editor, 0), TRUE);
  ck_assert_str_eq (complaint (editor), "A multiple-choice question has at least two right options, this one has 1.");
  gtk_check_button_set_active (option_correct (editor, 2), TRUE);
  gtk_check_button_set_active (option_correct (editor, 4), TRUE);
  ck_assert_str_eq (complaint (editor), "");

  /* Removing an option renumbers the rest. */
  g_signal_emit_by_name (option_remove (editor, 1), "clicked");
  ck_assert_uint_eq (n_options (editor), 4);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (option_entry (editor, 1))), "丙");

  uid = save (editor);
  question = stored (uid);
  ck_assert_int_eq (question->type, LC_QUESTION_MULTIPLE);
  ck_assert_uint_eq (question->options->len, 4);
  for (guint i = 0; i < question->options->len; i++)
    {
      LcQuestionOption *option = g_ptr_array_index (question->options, i);

      ck_assert_int_eq (option->correct, i == 0 || i == 1 || i == 3);
      total += option->weight;
    }
  /* Three right options: a third each, the last taking the rounding. */
  ck_assert_int_eq (total, 10000);
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (question->options, 0))->weight, 3333);
  ck_assert_int_eq (((LcQuestionOption *) g_ptr_array_index (question->options, 3))->weight, 3334);
}
END_TEST

START_TEST (test_other_types)
{
  LcBankPage *page = bank_page ();
  LcQuestionEditor *editor;
  g_autofree char *truefalse_uid = NULL;
  g_autofree char *fill_uid = NULL;
  g_autofree char *essay_uid = NULL;
  g_autoptr (LcQuestion) truefalse = NULL;
  g_autoptr (LcQuestion) fill = NULL;
  g_autoptr (LcQuestion) essay = NULL;

  editor = open_editor (page, NULL);
  gtk_drop_down_set_selected (editor->type_dropdown, LC_QUESTION_TRUEFALSE);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (editor->answer_stack), "truefalse");
  set_text (editor->stem_view, "行政机关可以对违法行为人处以记大过的行政处罚。");
  gtk_check_button_set_active (editor->false_button, TRUE);
  truefalse_uid = save (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  truefalse = stored (truefalse_uid);
  ck_assert_int_eq (truefalse->type, LC_QUESTION_TRUEFALSE);
  ck_assert (!((LcQuestionOption *) g_ptr_array_index (truefalse->options, 0))->correct);
  ck_assert (((LcQuestionOption *) g_ptr_array_index (truefalse->options, 1))->correct);

  editor = open_editor (page, NULL);
  gtk_drop_down_set_selected (editor->type_dropdown, LC_QUESTION_FILL);
  ck_assert_str_eq (gtk_label_get_text (editor->options_label), "Accepted answers");
  set_text (editor->stem_view, "违法行为在____年内未被发现的，不再给予行政处罚。");
  ck_assert_uint_eq (n_options (editor), 1);
  ck_assert_str_eq (complaint (editor), "Option 1 is empty.");
  gtk_editable_set_text (GTK_EDITABLE (option_entry (editor, 0)), "二");
  g_signal_emit_by_name (editor->add_option_button, "clicked");
  gtk_editable_set_text (GTK_EDITABLE (option_entry (editor, 1)), "2");
  choose_law (editor, PENALTY_LAW, 36);
  fill_uid = save (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  fill = stored (fill_uid);
  ck_assert_int_eq (fill->type, LC_QUESTION_FILL);
  ck_assert_uint_eq (fill->options->len, 2);
  ck_assert (((LcQuestionOption *) g_ptr_array_index (fill->options, 1))->correct);
  ck_assert_str_eq (fill->basis_ref, "administrative-penalty-law@2021-01-22#36");

  editor = open_editor (page, NULL);
  gtk_drop_down_set_selected (editor->type_dropdown, LC_QUESTION_ESSAY);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (editor->answer_stack), "essay");
  set_text (editor->stem_view, "某市场监管局对当事人作出罚款决定，未告知其陈述、申辩的权利。请分析该决定的效力。");
  set_text (editor->model_answer_view, "1. 未履行告知义务；2. 不得作出行政处罚决定。");
  gtk_drop_down_set_selected (editor->status_dropdown, 1);
  essay_uid = save (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  essay = stored (essay_uid);
  ck_assert_int_eq (essay->type, LC_QUESTION_ESSAY);
  ck_assert_int_eq (essay->status, LC_QUESTION_DRAFT);
  ck_assert_uint_eq (essay->options->len, 0);
  ck_assert_str_eq (essay->model_answer, "1. 未履行告知义务；2. 不得作出行政处罚决定。");
}
END_TEST

/* As the trainer does it: find a starter question by a Chinese word, edit
 * it, and the bank keeps version 1 as it was beside the new version 2. */
START_TEST (test_edit_makes_version_two)
{
  LcBankPage *page = bank_page ();
  LcQuestionEditor *editor;
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (LcQuestion) before = NULL;
  g_autoptr (LcQuestion) after = NULL;
  g_autoptr (LcQuestion) first = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autofree char *new_stem = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *same_uid = NULL;
  g_autofree char *listed_uid = NULL;

  gtk_drop_down_set_selected (page->type_dropdown, 1 + LC_QUESTION_SINGLE);
  wait_idle (page);
  /* Enter before the typing pause ends still chooses the first question found. */
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "听证");
  g_signal_emit_by_name (page->search_entry, "activate");
  wait_idle (page);
  ck_assert_uint_gt (g_list_model_get_n_items (G_LIST_MODEL (page->questions)), 0);
  listed_uid = g_strdup (_lc_bank_page_get_uid (page, 0));
  ck_assert_ptr_nonnull (page->shown);
  ck_assert_str_eq (page->shown->uid, listed_uid);
  before = stored (listed_uid);
  ck_assert_int_eq (before->version_no, 1);

  /* Unchanged, Save makes no version. */
  editor = open_editor (page, listed_uid);
  ck_assert_msg (strstr (gtk_label_get_text (editor->heading_label), "version 2") != NULL, "%s",
                 gtk_label_get_text (editor->heading_label));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (editor->type_dropdown)));
  same_uid = save (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_pointer (&after, lc_question_free);
  after = stored (listed_uid);
  ck_assert_int_eq (after->version_no, 1);

  /* Enter on the row opens the same editor. */
  g_signal_emit_by_name (page->question_view, "activate", 0);
  editor = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (LC_IS_QUESTION_EDITOR (l->data))
      editor = l->data;
  ck_assert_ptr_nonnull (editor);
  new_stem = g_strconcat (before->stem, "（修订）", NULL);
  set_text (editor->stem_view, new_stem);
  gtk_spin_button_set_value (editor->difficulty_spin, before->difficulty == 5 ? 4 : before->difficulty + 1);
  g_signal_emit_by_name (editor->save_button, "clicked");
  wait_idle (page);

  g_clear_pointer (&after, lc_question_free);
  after = stored (listed_uid);
  ck_assert_int_eq (after->version_no, 2);
  ck_assert_str_eq (after->stem, new_stem);
  first = lc_bank_get_version (system, listed_uid, 1, NULL);
  ck_assert_str_eq (first->stem, before->stem);
  ck_assert_int_eq (first->difficulty, before->difficulty);
  versions = lc_bank_list_versions (system, listed_uid, NULL);
  ck_assert_uint_eq (versions->len, 2);
  /* The page shows the new version at once, still chosen. */
  ck_assert_ptr_nonnull (page->shown);
  ck_assert_str_eq (page->shown->uid, listed_uid);
  ck_assert_int_eq (page->shown->version_no, 2);
  ck_assert_msg (strstr (gtk_label_get_text (page->detail_label), "Version 2") != NULL, "%s",
                 gtk_label_get_text (page->detail_label));
  ck_assert_msg (strstr (gtk_label_get_text (page->detail_label), "by trainer") != NULL, "%s",
                 gtk_label_get_text (page->detail_label));

  /* Its category, chosen in the tree, exports to GIFT with the new version only. */
  {
    g_autofree char *gift_path = g_build_filename (tmp_dir, "category.gift", NULL);
    g_autofree char *gift = NULL;
    g_autofree char *category_line = g_strdup_printf ("$CATEGORY: %s\n", after->category);
    g_autoptr (GError) error = NULL;

    ck_assert (_lc_bank_page_select_category (page, after->category));
    wait_idle (page);
    ck_assert_msg (_lc_bank_page_export_file (page, gift_path, "gift", &error), "%s", error ? error->message : "");
    ck_assert (g_file_get_contents (gift_path, &gift, NULL, NULL));
    ck_assert_msg (strstr (gift, category_line) != NULL, "no %s in %s", category_line, gift);
    ck_assert_msg (strstr (gift, "（修订）") != NULL, "the edit is not exported");
    ck_assert_msg (strstr (gift, listed_uid) != NULL, "%s is not exported", listed_uid);
    /* Nothing of the other statutes. */
    ck_assert_ptr_null (strstr (gift, "$CATEGORY: 行政复议法"));
    ck_assert (_lc_bank_page_select_uid (page, listed_uid));
  }

  /* History… opens the versions of the question shown. */
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (page->history_button)));
  g_signal_emit_by_name (page->history_button, "clicked");
  {
    gboolean opened = FALSE;

    for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
      opened = opened || LC_IS_QUESTION_HISTORY_DIALOG (l->data);
    ck_assert_msg (opened, "History… opened no dialog");
  }
}
END_TEST

static void
check_labelled (GtkWidget *widget)
{
  ck_assert_msg (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
                     || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s (%s) has no accessible label", gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)),
                 G_OBJECT_TYPE_NAME (widget));
}

START_TEST (test_accessible)
{
  LcBankPage *page = bank_page ();
  LcQuestionEditor *editor = open_editor (page, NULL);
  GtkWidget *widgets[] = {
    GTK_WIDGET (editor->type_dropdown),     GTK_WIDGET (editor->difficulty_spin), GTK_WIDGET (editor->status_dropdown),
    GTK_WIDGET (editor->category_entry),    GTK_WIDGET (editor->stem_view),       GTK_WIDGET (editor->explanation_view),
    GTK_WIDGET (editor->model_answer_view), GTK_WIDGET (editor->law_dropdown),    GTK_WIDGET (editor->article_spin),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    check_labelled (widgets[i]);
  for (guint i = 0; i < n_options (editor); i++)
    {
      check_labelled (GTK_WIDGET (option_entry (editor, i)));
      check_labelled (GTK_WIDGET (option_correct (editor, i)));
      check_labelled (GTK_WIDGET (option_remove (editor, i)));
    }
  /* The answer part's mnemonic leads to the first option. */
  ck_assert_ptr_eq (gtk_label_get_mnemonic_widget (editor->options_label), option_entry (editor, 0));
  gtk_drop_down_set_selected (editor->type_dropdown, LC_QUESTION_TRUEFALSE);
  ck_assert_ptr_eq (gtk_label_get_mnemonic_widget (editor->options_label), editor->true_button);
}
END_TEST

static Suite *
gui_question_editor_suite (void)
{
  Suite *suite = suite_create ("gui-question-editor");
  TCase *editor = tcase_create ("editor");

  tcase_add_checked_fixture (editor, setup, teardown);
  tcase_set_timeout (editor, 90);
  tcase_add_test (editor, test_new_choice_question);
  tcase_add_test (editor, test_multiple_choice_shares_the_mark);
  tcase_add_test (editor, test_other_types);
  tcase_add_test (editor, test_edit_makes_version_two);
  tcase_add_test (editor, test_accessible);
  suite_add_tcase (suite, editor);
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

  runner = srunner_create (gui_question_editor_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
