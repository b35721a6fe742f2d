/* test-gui-bank-import.c: the question import dialog — the preview of a
 * file (counts, the questions with their outcome, the problems of a refused
 * file), that nothing is stored before Import, the import itself and its
 * ::imported signal, skipping unsupported questions, and accessibility. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-bank-import-dialog-private.h"
#include "lc-bank.h"
#include "lc-gui-test-util.h"
#include "lc-law.h"

#define PASSWORD "secret-password"

static char *tmp_dir;
static LcDb *db;

typedef struct
{
  guint imported;
  guint destroyed;
  LcBankImportResult result; /* as the dialog told it when it emitted ::imported */
} Events;

/* What the dialogs of a test said. Not on the test's stack: the teardown
 * destroys the dialogs left open, after the test function returned. */
static Events events;
static Events other_events;

/* In the bank before each test: b-1 is changed by the file, b-2 is not. */
static const char stored_gift[] = "$CATEGORY: 行政处罚法\n"
                                  "\n"
                                  "// @uid b-1\n"
                                  "下列哪一项不属于行政处罚的种类？{=记过 ~警告 ~罚款}\n"
                                  "\n"
                                  "// @uid b-2\n"
                                  "行政处罚应当公开。{T}\n";

/* b-1 changed, b-2 as stored, b-3 and b-4 new. */
static const char new_gift[] = "$CATEGORY: 行政处罚法\n"
                               "\n"
                               "// @uid b-1\n"
                               "下列哪一项不属于行政处罚？{=记过 ~警告 ~罚款}\n"
                               "\n"
                               "// @uid b-2\n"
                               "行政处罚应当公开。{T}\n"
                               "\n"
                               "// @uid b-3\n"
                               "实施行政处罚应当坚持处罚与____相结合。{=教育}\n"
                               "\n"
                               "$CATEGORY: 行政复议法\n"
                               "\n"
                               "// @uid b-4\n"
                               "行政复议机关履行行政复议职责。\n第二行不显示。{T}\n";

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;

  gtk_init ();
  memset (&events, 0, sizeof events);
  memset (&other_events, 0, sizeof other_events);
  db = lc_gui_test_open_db (&tmp_dir);
  ck_assert_msg (lc_law_ensure_shipped (db, &error), "%s", error ? error->message : "");
  system = lc_session_new_system (db);
  ck_assert (lc_auth_add_user (system, "trainer", PASSWORD, LC_ROLE_TRAINER, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "personnel", PASSWORD, LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
  ck_assert_msg (lc_bank_import_gift (system, stored_gift, strlen (stored_gift), "stored.gift", LC_BANK_IMPORT_DEFAULT,
                                      NULL, NULL, NULL, &error),
                 "%s", error ? error->message : "");
}

static void
teardown (void)
{
  lc_gui_test_close (&db, &tmp_dir);
}

static char *
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
on_imported (LcBankImportDialog *dialog, Events *seen)
{
  seen->imported++;
  seen->result = *lc_bank_import_dialog_get_result (dialog);
}

static void
on_destroy (GtkWidget *widget, Events *seen)
{
  seen->destroyed++;
}

static LcBankImportDialog *
open_dialog (const char *login, Events *seen)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) session = lc_auth_sign_in (db, login, PASSWORD, &error);
  LcBankImportDialog *dialog;

  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  dialog = lc_bank_import_dialog_new (NULL, session);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), seen);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), seen);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
dialog_idle (gpointer data)
{
  return !_lc_bank_import_dialog_is_busy (data);
}

static void
load (LcBankImportDialog *dialog, const char *path)
{
  _lc_bank_import_dialog_load_path (dialog, path);
  ck_assert (_lc_bank_import_dialog_is_busy (dialog));
  ck_assert_msg (lc_gui_test_wait_for (dialog_idle, dialog), "the preview did not finish");
  lc_gui_test_drain ();
}

static gint64
stored (const char *sql)
{
  g_autoptr (LcStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  gboolean has_row = FALSE;

  stmt = lc_db_prepare (db, sql, &error);
  ck_assert_msg (stmt != NULL, "%s", error ? error->message : "");
  ck_assert (lc_db_step (db, stmt, &has_row, &error));
  ck_assert (has_row);
  return lc_stmt_int (stmt, 0);
}

static LcBankImportRow *
row_at (LcBankImportDialog *dialog, guint i)
{
  GListModel *model = G_LIST_MODEL (dialog->rows);
  LcBankImportRow *row;

  ck_assert_uint_lt (i, g_list_model_get_n_items (model));
  row = g_list_model_get_item (model, i);
  g_object_unref (row); /* the store keeps it */
  return row;
}

static gboolean
import_sensitive (LcBankImportDialog *dialog)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (dialog->import_button));
}

static gboolean
dialog_closed (gpointer data)
{
  return ((Events *) data)->destroyed > 0;
}

START_TEST (test_preview_then_import)
{
  g_autofree char *path = write_file ("新题.gift", new_gift);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);

  ck_assert (!import_sensitive (dialog));
  load (dialog, path);
  ck_assert_str_eq (gtk_label_get_text (dialog->file_label), "新题.gift");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)));
  ck_assert (!gtk_widget_get_visible (dialog->problems_box));
  ck_assert (gtk_widget_get_visible (dialog->counts_grid));
  ck_assert_str_eq (gtk_label_get_text (dialog->added_count), "2");
  ck_assert_str_eq (gtk_label_get_text (dialog->updated_count), "1");
  ck_assert_str_eq (gtk_label_get_text (dialog->unchanged_count), "1");
  ck_assert_str_eq (gtk_label_get_text (dialog->skipped_count), "0");
  ck_assert_str_eq (gtk_column_view_column_get_title (dialog->line_column), "Line");

  ck_assert (gtk_widget_get_visible (dialog->questions_box));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (dialog->rows)), 4);
  ck_assert_int_eq (row_at (dialog, 0)->outcome, LC_BANK_IMPORT_UPDATED);
  ck_assert_str_eq (row_at (dialog, 0)->uid, "b-1");
  ck_assert_str_eq (row_at (dialog, 0)->outcome_label, "Will be updated");
  ck_assert_str_eq (row_at (dialog, 0)->line, "4");
  ck_assert_str_eq (row_at (dialog, 0)->text, "下列哪一项不属于行政处罚？");
  ck_assert_int_eq (row_at (dialog, 1)->outcome, LC_BANK_IMPORT_UNCHANGED);
  ck_assert_int_eq (row_at (dialog, 2)->outcome, LC_BANK_IMPORT_ADDED);
  ck_assert_str_eq (row_at (dialog, 2)->uid, "b-3");
  ck_assert_int_eq (row_at (dialog, 3)->outcome, LC_BANK_IMPORT_ADDED);
  ck_assert_str_eq (row_at (dialog, 3)->category, "行政复议法");
  ck_assert_str_eq (row_at (dialog, 3)->text, "行政复议机关履行行政复议职责。");

  /* Nothing stored yet. */
  ck_assert_int_eq (stored ("SELECT count(*) FROM question"), 2);
  ck_assert_int_eq (stored ("SELECT count(*) FROM question_version"), 2);
  ck_assert_int_eq (stored ("SELECT count(*) FROM category WHERE name = '行政复议法'"), 0);
  ck_assert_uint_eq (events.imported, 0);

  ck_assert (import_sensitive (dialog));
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), GTK_WIDGET (dialog->import_button));
  g_signal_emit_by_name (dialog->import_button, "clicked");
  ck_assert (_lc_bank_import_dialog_is_busy (dialog));
  ck_assert (!import_sensitive (dialog));
  ck_assert_msg (lc_gui_test_wait_for (dialog_closed, &events), "the dialog did not close after the import");
  ck_assert_uint_eq (events.imported, 1);

  ck_assert_int_eq (stored ("SELECT count(*) FROM question"), 4);
  ck_assert_int_eq (stored ("SELECT count(*) FROM question_version"), 5);
  ck_assert_int_eq (stored ("SELECT max(v.no) FROM question_version v JOIN question q ON q.id = v.question_id "
                            "WHERE q.uid = 'b-1'"),
                    2);
}
END_TEST

START_TEST (test_result_after_import)
{
  g_autofree char *path = write_file ("新题.gift", new_gift);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);

  load (dialog, path);
  g_signal_emit_by_name (dialog->import_button, "clicked");
  ck_assert (lc_gui_test_wait_for (dialog_closed, &events));
  ck_assert_uint_eq (events.result.added, 2);
  ck_assert_uint_eq (events.result.updated, 1);
  ck_assert_uint_eq (events.result.unchanged, 1);
  ck_assert_uint_eq (events.result.skipped, 0);
}
END_TEST

START_TEST (test_problems_refuse)
{
  static const char bad_gift[] = "// @uid x-1\n"
                                 "好的一题。{T}\n"
                                 "\n"
                                 "// @uid x-2  @difficulty 9\n"
                                 "难度不对。{T}\n";
  g_autofree char *path = write_file ("bad.gift", bad_gift);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);
  GListModel *problems = G_LIST_MODEL (dialog->problems);

  load (dialog, path);
  ck_assert (gtk_widget_get_visible (dialog->problems_box));
  ck_assert_uint_eq (g_list_model_get_n_items (problems), 1);
  ck_assert_msg (g_str_has_prefix (gtk_string_list_get_string (dialog->problems, 0), "bad.gift:5:1: "), "%s",
                 gtk_string_list_get_string (dialog->problems, 0));
  ck_assert_ptr_nonnull (strstr (gtk_string_list_get_string (dialog->problems, 0), "@difficulty"));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (dialog->error_label), "1 problem"));
  ck_assert (!gtk_widget_get_visible (dialog->counts_grid));
  ck_assert (!gtk_widget_get_visible (dialog->questions_box));
  ck_assert (!import_sensitive (dialog));
  /* Import cannot be forced by its action either. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  ck_assert (!_lc_bank_import_dialog_is_busy (dialog));
  ck_assert_int_eq (stored ("SELECT count(*) FROM question"), 2);
  ck_assert_uint_eq (events.imported, 0);

  /* Cancel closes, storing nothing. */
  g_signal_emit_by_name (dialog->cancel_button, "clicked");
  ck_assert (lc_gui_test_wait_for (dialog_closed, &events));
  ck_assert_uint_eq (events.imported, 0);
  ck_assert_int_eq (stored ("SELECT count(*) FROM question"), 2);
}
END_TEST

START_TEST (test_skip_unsupported)
{
  static const char mixed[] = "// @uid m-1\n"
                              "普通的一题。{T}\n"
                              "\n"
                              "::配对::配对题。{=甲 -> 一 =乙 -> 二 =丙 -> 三}\n";
  g_autofree char *path = write_file ("mixed.gift", mixed);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);

  load (dialog, path);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (dialog->problems)), 1);
  ck_assert (g_str_has_prefix (gtk_string_list_get_string (dialog->problems, 0), "mixed.gift:4:1: "));
  ck_assert (!import_sensitive (dialog));

  /* The check button previews again, leaving the matching question out. */
  gtk_check_button_set_active (dialog->skip_check, TRUE);
  ck_assert (_lc_bank_import_dialog_is_busy (dialog));
  ck_assert (lc_gui_test_wait_for (dialog_idle, dialog));
  lc_gui_test_drain ();
  ck_assert (!gtk_widget_get_visible (dialog->problems_box));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (dialog->problems)), 0);
  ck_assert_str_eq (gtk_label_get_text (dialog->added_count), "1");
  ck_assert_str_eq (gtk_label_get_text (dialog->skipped_count), "1");
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (dialog->rows)), 2);
  ck_assert_int_eq (row_at (dialog, 1)->outcome, LC_BANK_IMPORT_SKIPPED);
  ck_assert_str_eq (row_at (dialog, 1)->text, "Matching question: 配对");
  ck_assert (import_sensitive (dialog));

  g_signal_emit_by_name (dialog->import_button, "clicked");
  ck_assert (lc_gui_test_wait_for (dialog_closed, &events));
  ck_assert_uint_eq (events.imported, 1);
  ck_assert_int_eq (stored ("SELECT count(*) FROM question WHERE uid = 'm-1'"), 1);
}
END_TEST

START_TEST (test_nothing_to_change)
{
  g_autofree char *path = write_file ("same.gift", stored_gift);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);

  load (dialog, path);
  ck_assert_str_eq (gtk_label_get_text (dialog->unchanged_count), "2");
  ck_assert_str_eq (gtk_label_get_text (dialog->added_count), "0");
  ck_assert (!import_sensitive (dialog));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (dialog->status_label), "Nothing would change"));
}
END_TEST

START_TEST (test_table)
{
  static const char csv[] = "编号,分类,题型,难度,题干,选项A,选项B,答案\n"
                            "\n"
                            "t-1,表格,单选,2,表格里的一题？,甲,乙,A\n";
  g_autofree char *path = write_file ("题库.csv", csv);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);

  load (dialog, path);
  ck_assert_msg (!gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)), "%s",
                 gtk_label_get_text (dialog->error_label));
  ck_assert_str_eq (gtk_column_view_column_get_title (dialog->line_column), "Row");
  ck_assert_str_eq (gtk_label_get_text (dialog->added_count), "1");
  ck_assert_str_eq (row_at (dialog, 0)->line, "3");
  ck_assert (import_sensitive (dialog));
}
END_TEST

START_TEST (test_errors)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "nowhere.gift", NULL);
  g_autofree char *path = write_file ("新题.gift", new_gift);
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);
  LcBankImportDialog *refused = NULL;

  load (dialog, missing);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (dialog->error_label)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (dialog->error_label), "nowhere.gift"));
  ck_assert (!import_sensitive (dialog));

  /* A session that may not change the bank may not preview an import either. */
  refused = open_dialog ("personnel", &other_events);
  load (refused, path);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (refused->error_label)));
  ck_assert (!import_sensitive (refused));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (refused->rows)), 0);
}
END_TEST

static void
check_labelled (GtkWidget *widget)
{
  ck_assert_msg (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
                     || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY),
                 "%s has no accessible label", gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
}

START_TEST (test_accessible)
{
  LcBankImportDialog *dialog = open_dialog ("trainer", &events);
  GtkWidget *widgets[] = {
    GTK_WIDGET (dialog->file_label),     GTK_WIDGET (dialog->choose_button),   GTK_WIDGET (dialog->added_count),
    GTK_WIDGET (dialog->updated_count),  GTK_WIDGET (dialog->unchanged_count), GTK_WIDGET (dialog->skipped_count),
    GTK_WIDGET (dialog->questions_view), GTK_WIDGET (dialog->problems_view),   GTK_WIDGET (dialog->cancel_button),
    GTK_WIDGET (dialog->import_button),
  };

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    check_labelled (widgets[i]);
  /* As on the other pages: a check button is named by its own label's text, not by the raw mnemonic. */
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (dialog->skip_check), GTK_ACCESSIBLE_PROPERTY_LABEL));
  ck_assert_str_eq (gtk_check_button_get_label (dialog->skip_check), "_Skip matching and numerical questions");
  /* Mnemonics: the choose button, the check button and both lists are reached from the keyboard. */
  ck_assert (gtk_button_get_use_underline (dialog->choose_button));
  ck_assert (gtk_check_button_get_use_underline (dialog->skip_check));
  ck_assert (gtk_button_get_use_underline (dialog->import_button));

  /* Escape is bound to this action; Cancel too. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  ck_assert (lc_gui_test_wait_for (dialog_closed, &events));
}
END_TEST

static Suite *
gui_bank_import_suite (void)
{
  Suite *suite = suite_create ("gui-bank-import");
  TCase *tc = tcase_create ("import");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_preview_then_import);
  tcase_add_test (tc, test_result_after_import);
  tcase_add_test (tc, test_problems_refuse);
  tcase_add_test (tc, test_skip_unsupported);
  tcase_add_test (tc, test_nothing_to_change);
  tcase_add_test (tc, test_table);
  tcase_add_test (tc, test_errors);
  tcase_add_test (tc, test_accessible);
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

  runner = srunner_create (gui_bank_import_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
