/* test-gui-bank.c: the trainer's Question bank page on a database with the
 * shipped statutes and the starter bank: the list, the search and filters,
 * a question's detail, retiring and restoring, and export. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-bank-import-dialog-private.h"
#include "lc-bank-page-private.h"
#include "lc-bank.h"
#include "lc-category-tree.h"
#include "lc-export-chooser.h"
#include "lc-gui-test-util.h"
#include "lc-law.h"

#define PASSWORD "secret-password"

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

static LcSession *
sign_in (const char *login)
{
  g_autoptr (GError) error = NULL;
  LcSession *session = lc_auth_sign_in (db, login, PASSWORD, &error);

  ck_assert_msg (session != NULL, "%s: %s", login, error ? error->message : "");
  return session;
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

/* The page in a window of its own: the main window gets it with a change
 * to lc-window.c that waits for the officers test's page count. */
static LcBankPage *
bank_page (void)
{
  g_autoptr (LcSession) session = sign_in ("trainer");
  GtkWidget *window = gtk_window_new ();
  LcBankPage *page = lc_bank_page_new (session);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (page);
  return page;
}

static guint
listed (LcBankPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page->questions));
}

/* What the category row at @position of the tree, as it is open now, shows. */
static char *
category_label_at (LcBankPage *page, guint position)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (page->category_tree), position);
  g_autoptr (LcCategoryNode) node = NULL;

  ck_assert_ptr_nonnull (row);
  node = gtk_tree_list_row_get_item (row);
  return g_strdup (lc_category_node_get_label (node));
}

static guint
n_category_rows (LcBankPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page->category_tree));
}

static guint
count (LcBankFilter *filter)
{
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  ck_assert_msg (lc_bank_count (system, filter, &n, &error), "%s", error ? error->message : "");
  return n;
}

START_TEST (test_lists_and_filters)
{
  LcBankPage *page = bank_page ();
  LcBankFilter filter;
  guint n_search;

  ck_assert_uint_eq (listed (page), 705);
  ck_assert_str_eq (gtk_label_get_text (page->count_label), "705 questions");
  /* "All categories" first, then the tree. */
  ck_assert_uint_gt (n_category_rows (page), 1);
  {
    g_autofree char *all = category_label_at (page, 0);
    g_autofree char *law = category_label_at (page, 1);
    g_autoptr (GtkTreeListRow) law_row = g_list_model_get_item (G_LIST_MODEL (page->category_tree), 1);
    guint open_rows = n_category_rows (page);

    ck_assert_str_eq (all, "All categories (705)");
    /* A statute's node counts the questions of its chapters; folding it hides them. */
    ck_assert_msg (!g_str_has_suffix (law, "(0)"), "%s", law);
    ck_assert (gtk_tree_list_row_is_expandable (law_row));
    gtk_tree_list_row_set_expanded (law_row, FALSE);
    ck_assert_uint_lt (n_category_rows (page), open_rows);
    gtk_tree_list_row_set_expanded (law_row, TRUE);
    ck_assert_uint_eq (n_category_rows (page), open_rows);
  }

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "行政复议");
  ck_assert (lc_gui_test_wait_for (page_idle, page));
  wait_idle (page);
  lc_bank_filter_init (&filter);
  filter.text = "行政复议";
  n_search = count (&filter);
  ck_assert_uint_gt (n_search, 0);
  ck_assert_uint_lt (n_search, 705);
  ck_assert_uint_eq (listed (page), n_search);

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "");
  wait_idle (page);
  ck_assert_uint_eq (listed (page), 705);

  /* The first entry is "any type", then the types in LcQuestionType order. */
  gtk_drop_down_set_selected (page->type_dropdown, 1 + LC_QUESTION_TRUEFALSE);
  wait_idle (page);
  lc_bank_filter_init (&filter);
  filter.type = LC_QUESTION_TRUEFALSE;
  ck_assert_uint_gt (count (&filter), 0);
  ck_assert_uint_lt (count (&filter), 705);
  ck_assert_uint_eq (listed (page), count (&filter));
  for (guint i = 0; i < listed (page); i++)
    {
      g_autoptr (LcSession) system = lc_session_new_system (db);
      g_autoptr (LcQuestion) question = lc_bank_get_question (system, _lc_bank_page_get_uid (page, i), NULL);
      ck_assert_int_eq (question->type, LC_QUESTION_TRUEFALSE);
    }
}
END_TEST

START_TEST (test_detail_and_status)
{
  LcBankPage *page = bank_page ();
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (LcQuestion) question = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *basis_start = NULL;
  LcQuestionOption *correct = NULL;
  LcBankFilter filter;
  const char *uid = NULL;
  const char *text;

  lc_bank_filter_init (&filter);
  filter.type = LC_QUESTION_SINGLE;
  found = lc_bank_search (system, &filter, NULL);
  for (guint i = 0; uid == NULL && i < found->len; i++)
    if (((LcQuestion *) g_ptr_array_index (found, i))->basis_ref != NULL)
      uid = ((LcQuestion *) g_ptr_array_index (found, i))->uid;
  ck_assert_ptr_nonnull (uid);
  question = lc_bank_get_question (system, uid, NULL);
  ck_assert_ptr_nonnull (question->basis_text);
  for (guint i = 0; i < question->options->len; i++)
    if (((LcQuestionOption *) g_ptr_array_index (question->options, i))->correct)
      {
        correct = g_ptr_array_index (question->options, i);
        expected = g_strdup_printf ("✓ %c. %s (correct)", 'A' + (char) i, correct->text);
      }
  ck_assert_ptr_nonnull (correct);

  ck_assert (_lc_bank_page_select_uid (page, uid));
  text = gtk_label_get_text (page->detail_label);
  ck_assert_msg (strstr (text, question->stem) != NULL, "no stem in %s", text);
  ck_assert_msg (strstr (text, expected) != NULL, "no %s in %s", expected, text);
  /* One mark: a single-choice question has one correct option. */
  ck_assert_ptr_null (strstr (strstr (text, "✓") + strlen ("✓"), "✓"));
  basis_start = g_utf8_substring (question->basis_text, 0, 10);
  ck_assert_msg (strstr (text, basis_start) != NULL, "no basis text in %s", text);
  ck_assert_msg (strstr (text, "Version 1") != NULL, "no version in %s", text);

  ck_assert_str_eq (gtk_button_get_label (page->status_button), "_Retire");
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (page->status_button)));
  /* Activation would click only after its visual delay. */
  g_signal_emit_by_name (page->status_button, "clicked");
  wait_idle (page);
  ck_assert_msg (!gtk_widget_get_visible (GTK_WIDGET (page->error_label)), "%s",
                 gtk_label_get_text (page->error_label));
  g_clear_pointer (&question, lc_question_free);
  question = lc_bank_get_question (system, uid, NULL);
  ck_assert_int_eq (question->status, LC_QUESTION_RETIRED);
  ck_assert_str_eq (gtk_button_get_label (page->status_button), "Rest_ore");
  ck_assert_str_eq (page->shown->uid, uid);

  /* Activation would click only after its visual delay. */
  g_signal_emit_by_name (page->status_button, "clicked");
  wait_idle (page);
  g_clear_pointer (&question, lc_question_free);
  question = lc_bank_get_question (system, uid, NULL);
  ck_assert_int_eq (question->status, LC_QUESTION_ACTIVE);
  ck_assert_str_eq (gtk_button_get_label (page->status_button), "_Retire");
}
END_TEST

START_TEST (test_export)
{
  LcBankPage *page = bank_page ();
  g_autoptr (GError) error = NULL;
  g_autofree char *gift_path = g_build_filename (tmp_dir, "bank.gift", NULL);
  g_autofree char *gift = NULL;
  const char *uid;

  gtk_drop_down_set_selected (page->type_dropdown, 1 + LC_QUESTION_TRUEFALSE);
  wait_idle (page);
  uid = _lc_bank_page_get_uid (page, 0);
  ck_assert_ptr_nonnull (uid);
  ck_assert_msg (_lc_bank_page_export_file (page, gift_path, "gift", &error), "%s", error ? error->message : "");
  ck_assert (g_file_get_contents (gift_path, &gift, NULL, NULL));
  ck_assert_msg (strstr (gift, uid) != NULL, "%s is not in the GIFT export", uid);
  {
    g_autofree char *csv_path = g_build_filename (tmp_dir, "bank.csv", NULL);
    g_autofree char *csv = NULL;

    /* A build without liblexcert-reports says so, and writes no table. */
    if (!_lc_bank_page_export_file (page, csv_path, "csv", &error))
      ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED), "%s", error->message);
    else
      {
        ck_assert (g_file_get_contents (csv_path, &csv, NULL, NULL));
        ck_assert_msg (strstr (csv, uid) != NULL, "%s is not in the CSV export", uid);
      }
  }
}
END_TEST

static gboolean
import_idle (gpointer data)
{
  return !_lc_bank_import_dialog_is_busy (data);
}

static gboolean
lists_706 (gpointer data)
{
  return !_lc_bank_page_is_busy (data) && listed (data) == 706;
}

/* Import… previews the file, stores it on the trainer's word, and the page
 * lists the new question and its new category at once. */
START_TEST (test_import_from_page)
{
  LcBankPage *page = bank_page ();
  g_autofree char *path = g_build_filename (tmp_dir, "新题.gift", NULL);
  LcBankImportDialog *dialog;
  gboolean category_listed = FALSE;

  ck_assert (g_file_set_contents (path,
                                  "$CATEGORY: 培训/新增\n\n// @uid: page-import-1\n"
                                  "行政处罚的设定和实施，应当以事实为依据。{T}\n",
                                  -1, NULL));
  dialog = LC_BANK_IMPORT_DIALOG (_lc_bank_page_open_import (page));
  _lc_bank_import_dialog_load_path (dialog, path);
  ck_assert (lc_gui_test_wait_for (import_idle, dialog));
  ck_assert_str_eq (gtk_label_get_text (dialog->added_count), "1");
  ck_assert_uint_eq (listed (page), 705);
  g_signal_emit_by_name (dialog->import_button, "clicked");
  ck_assert_msg (lc_gui_test_wait_for (lists_706, page), "the page lists %u questions", listed (page));
  for (guint i = 0; i < n_category_rows (page); i++)
    {
      g_autofree char *label = category_label_at (page, i);

      category_listed = category_listed || strstr (label, "新增 (1)") != NULL;
    }
  ck_assert_msg (category_listed, "the new category is not listed");
}
END_TEST

/* The format an export is written in: the extension typed, else the
 * chosen filter's, which is then added to the name. */
static char *
chosen_path (GtkFileChooser *chooser, const char *path, const char **format)
{
  static const char *const formats[] = { "gift", "xlsx", "csv", NULL };
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return lc_export_chooser_path (chooser, file, formats, format);
}

START_TEST (test_export_chooser)
{
  GtkWidget *widget = g_object_ref_sink (gtk_file_chooser_widget_new (GTK_FILE_CHOOSER_ACTION_SAVE));
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (widget);
  g_autoptr (GListModel) filters = NULL;
  g_autoptr (GtkFileFilter) gift = NULL;
  g_autoptr (GtkFileFilter) xlsx = NULL;
  const char *format = NULL;
  g_autofree char *typed_csv = NULL, *typed_txt = NULL, *plain = NULL, *filtered = NULL;

  lc_export_chooser_add_filter (chooser, "GIFT", "gift");
  lc_export_chooser_add_filter (chooser, "Excel", "xlsx");
  lc_export_chooser_add_filter (chooser, "CSV", "csv");
  typed_csv = chosen_path (chooser, "/tmp/题库.CSV", &format);
  ck_assert_str_eq (typed_csv, "/tmp/题库.CSV");
  ck_assert_str_eq (format, "csv");
  typed_txt = chosen_path (chooser, "/tmp/题库.txt", &format);
  ck_assert_str_eq (typed_txt, "/tmp/题库.txt");
  ck_assert_str_eq (format, "gift");
  filters = gtk_file_chooser_get_filters (chooser);
  gift = g_list_model_get_item (filters, 0);
  gtk_file_chooser_set_filter (chooser, gift);
  plain = chosen_path (chooser, "/tmp/题库", &format);
  ck_assert_str_eq (format, "gift");
  ck_assert_str_eq (plain, "/tmp/题库.gift");
  xlsx = g_list_model_get_item (filters, 1);
  gtk_file_chooser_set_filter (chooser, xlsx);
  filtered = chosen_path (chooser, "/tmp/题库.v2", &format);
  ck_assert_str_eq (format, "xlsx");
  ck_assert_str_eq (filtered, "/tmp/题库.v2.xlsx");
  g_object_unref (widget);
}
END_TEST

static void
check_labelled (GtkWidget *widget)
{
  ck_assert_msg (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
                     || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s has no accessible label", gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
}

/* The statistics column: nothing without a verdict, OK, or the flags, with P, r and D in the tooltip. */
START_TEST (test_stats_column)
{
  LcQuestionStatsMark mark = { .exam_title = (char *) "2025年度通用法律知识考试",
                               .version_no = 2,
                               .n = 87,
                               .facility = 0.12,
                               .rpb = 0.05,
                               .discrimination = -0.1 };
  g_autofree char *none = _lc_bank_page_stats_text (NULL);
  g_autofree char *ok = NULL;
  g_autofree char *flagged = NULL;
  g_autofree char *tooltip = NULL;

  ck_assert_str_eq (none, "");
  ck_assert (_lc_bank_page_stats_tooltip (NULL) == NULL);
  ok = _lc_bank_page_stats_text (&mark);
  ck_assert_str_eq (ok, "OK");
  mark.flags = lc_item_stats_flags_for (mark.facility, mark.rpb, mark.discrimination);
  flagged = _lc_bank_page_stats_text (&mark);
  ck_assert_str_eq (flagged, "⚠ too hard; low discrimination; negative discrimination");
  tooltip = _lc_bank_page_stats_tooltip (&mark);
  ck_assert_str_eq (tooltip, "P 0.12, r 0.05, D -0.10 in “2025年度通用法律知识考试” (version 2, 87 attempts)");
}
END_TEST

START_TEST (test_accessible)
{
  LcBankPage *page = bank_page ();
  GtkWidget *widgets[] = {
    GTK_WIDGET (page->category_list),       GTK_WIDGET (page->search_entry),    GTK_WIDGET (page->type_dropdown),
    GTK_WIDGET (page->difficulty_dropdown), GTK_WIDGET (page->status_dropdown), GTK_WIDGET (page->question_view),
    GTK_WIDGET (page->detail_label),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    check_labelled (widgets[i]);
}
END_TEST

static Suite *
gui_bank_suite (void)
{
  Suite *suite = suite_create ("gui-bank");
  TCase *bank = tcase_create ("bank");

  tcase_add_checked_fixture (bank, setup, teardown);
  tcase_set_timeout (bank, 90);
  tcase_add_test (bank, test_lists_and_filters);
  tcase_add_test (bank, test_detail_and_status);
  tcase_add_test (bank, test_export);
  tcase_add_test (bank, test_import_from_page);
  tcase_add_test (bank, test_export_chooser);
  tcase_add_test (bank, test_accessible);
  tcase_add_test (bank, test_stats_column);
  suite_add_tcase (suite, bank);
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

  runner = srunner_create (gui_bank_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
