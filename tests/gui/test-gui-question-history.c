/* test-gui-question-history.c: the history dialog of a question on a
 * database with the shipped statutes and the starter bank: the versions it
 * lists, the stem's difference with its deleted and inserted runs tagged,
 * a changed correct option, no differences, one version, permissions. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-bank.h"
#include "lc-gui-test-util.h"
#include "lc-law.h"
#include "lc-question-history-dialog-private.h"

#define PASSWORD "secret-password"
#define REVISED "【修订】"

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

/* The uid of the first starter question of @type. */
static char *
starter_uid (LcSession *session, LcQuestionType type)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  LcBankFilter filter;

  lc_bank_filter_init (&filter);
  filter.type = type;
  filter.limit = 1;
  found = lc_bank_search (session, &filter, &error);
  ck_assert_msg (found != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (found->len, 1);
  return g_strdup (((LcQuestion *) g_ptr_array_index (found, 0))->uid);
}

static LcQuestionHistoryDialog *
open_dialog (LcSession *session, const char *uid)
{
  g_autoptr (GError) error = NULL;
  LcQuestionHistoryDialog *dialog = lc_question_history_dialog_new (NULL, session, uid, &error);

  ck_assert_msg (dialog != NULL, "%s", error ? error->message : "");
  gtk_window_present (GTK_WINDOW (dialog));
  lc_gui_test_drain ();
  return dialog;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The runs of @view's text that carry the tag @name, joined by "|". */
static char *
tagged (GtkTextView *view, const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  g_autoptr (GString) runs = g_string_new (NULL);
  GtkTextIter iter;

  ck_assert_ptr_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter start = iter;
      g_autofree char *run = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        break;
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      run = gtk_text_iter_get_text (&start, &iter);
      g_string_append_printf (runs, "%s%s", runs->len > 0 ? "|" : "", run);
    }
  return g_string_free (g_steal_pointer (&runs), FALSE);
}

static gboolean
window_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr (GObject) object = g_weak_ref_get (ref);

  return object == NULL;
}

START_TEST (test_stem_edited)
{
  g_autoptr (LcSession) trainer = sign_in ("trainer");
  g_autofree char *uid = starter_uid (trainer, LC_QUESTION_SINGLE);
  g_autoptr (LcQuestion) q = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_stem = NULL;
  g_autofree char *new_stem = NULL;
  g_autofree char *last_char = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *new_deleted = NULL;
  g_autofree char *old_inserted = NULL;
  LcQuestionHistoryDialog *dialog;
  GtkTextView *old_view;
  GtkTextView *new_view;
  gboolean made = FALSE;
  const char *last;

  q = lc_bank_get_question (trainer, uid, &error);
  ck_assert_msg (q != NULL, "%s", error ? error->message : "");
  /* Version 2 gains a prefix and loses the stem's last character. */
  old_stem = g_strdup (q->stem);
  last = g_utf8_prev_char (old_stem + strlen (old_stem));
  last_char = g_strdup (last);
  new_stem = g_strdup_printf (REVISED "%.*s", (int) (last - old_stem), old_stem);
  g_free (q->stem);
  q->stem = g_strdup (new_stem);
  ck_assert_msg (lc_bank_edit_question (trainer, uid, q, &made, &error), "%s", error ? error->message : "");
  ck_assert (made);

  dialog = open_dialog (trainer, uid);
  ck_assert_uint_eq (_lc_question_history_dialog_get_n_versions (dialog), 2);
  ck_assert_uint_eq (gtk_drop_down_get_selected (dialog->from_dropdown), 0);
  ck_assert_uint_eq (gtk_drop_down_get_selected (dialog->to_dropdown), 1);
  ck_assert_uint_eq (gtk_single_selection_get_selected (dialog->version_selection), 1);
  ck_assert_str_eq (gtk_label_get_text (dialog->summary_label), "1 field differs between version 1 and version 2.");
  ck_assert (g_str_has_prefix (gtk_label_get_text (dialog->new_heading), "Version 2, "));
  ck_assert (g_str_has_suffix (gtk_label_get_text (dialog->new_heading), ", by trainer"));
  ck_assert (g_str_has_suffix (gtk_label_get_text (dialog->old_heading), ", by the program"));
  ck_assert (g_str_has_prefix (gtk_label_get_text (dialog->old_heading), "Version 1, "));

  ck_assert_uint_eq (_lc_question_history_dialog_get_n_fields (dialog), 1);
  ck_assert_str_eq (_lc_question_history_dialog_get_field_label (dialog, 0), "Question");
  old_view = _lc_question_history_dialog_get_field_view (dialog, 0, FALSE);
  new_view = _lc_question_history_dialog_get_field_view (dialog, 0, TRUE);
  old_text = buffer_text (old_view);
  new_text = buffer_text (new_view);
  ck_assert_str_eq (old_text, old_stem);
  ck_assert_str_eq (new_text, new_stem);
  deleted = tagged (old_view, "deleted");
  inserted = tagged (new_view, "inserted");
  ck_assert_str_eq (deleted, last_char);
  ck_assert_str_eq (inserted, REVISED);
  /* Each side marks only its own kind of change. */
  new_deleted = tagged (new_view, "deleted");
  old_inserted = tagged (old_view, "inserted");
  ck_assert_str_eq (new_deleted, "");
  ck_assert_str_eq (old_inserted, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (old_view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Question, version 1");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (new_view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Question, version 2");

  /* The same version on both sides. */
  _lc_question_history_dialog_compare (dialog, 1, 1);
  lc_gui_test_drain ();
  ck_assert_uint_eq (_lc_question_history_dialog_get_n_fields (dialog), 0);
  ck_assert_str_eq (gtk_label_get_text (dialog->summary_label), "No differences: both sides are version 1.");
  ck_assert (!gtk_widget_get_visible (dialog->column_headings));

  /* Backwards: version 2 against version 1 shows the prefix deleted. */
  _lc_question_history_dialog_compare (dialog, 2, 1);
  lc_gui_test_drain ();
  ck_assert_uint_eq (_lc_question_history_dialog_get_n_fields (dialog), 1);
  g_free (deleted);
  deleted = tagged (_lc_question_history_dialog_get_field_view (dialog, 0, FALSE), "deleted");
  ck_assert_str_eq (deleted, REVISED);

  /* Choosing version 2 in the list compares it with version 1 again. */
  gtk_single_selection_set_selected (dialog->version_selection, 0);
  gtk_single_selection_set_selected (dialog->version_selection, 1);
  ck_assert_uint_eq (gtk_drop_down_get_selected (dialog->from_dropdown), 0);
  ck_assert_uint_eq (gtk_drop_down_get_selected (dialog->to_dropdown), 1);
  ck_assert_uint_eq (_lc_question_history_dialog_get_n_fields (dialog), 1);
}
END_TEST

START_TEST (test_correct_option_changed)
{
  g_autoptr (LcSession) trainer = sign_in ("trainer");
  g_autofree char *uid = starter_uid (trainer, LC_QUESTION_SINGLE);
  g_autoptr (LcQuestion) q = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *inserted = NULL;
  LcQuestionHistoryDialog *dialog;
  gboolean made = FALSE;
  guint correct = 0;

  q = lc_bank_get_question (trainer, uid, &error);
  ck_assert_msg (q != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < q->options->len; i++)
    if (((LcQuestionOption *) g_ptr_array_index (q->options, i))->correct)
      correct = i;
  ((LcQuestionOption *) g_ptr_array_index (q->options, correct))->correct = FALSE;
  ((LcQuestionOption *) g_ptr_array_index (q->options, correct))->weight = 0;
  ((LcQuestionOption *) g_ptr_array_index (q->options, (correct + 1) % q->options->len))->correct = TRUE;
  ((LcQuestionOption *) g_ptr_array_index (q->options, (correct + 1) % q->options->len))->weight = 10000;
  ck_assert_msg (lc_bank_edit_question (trainer, uid, q, &made, &error), "%s", error ? error->message : "");
  ck_assert (made);

  dialog = open_dialog (trainer, uid);
  ck_assert_uint_eq (_lc_question_history_dialog_get_n_fields (dialog), 1);
  ck_assert_str_eq (_lc_question_history_dialog_get_field_label (dialog, 0), "Options");
  deleted = tagged (_lc_question_history_dialog_get_field_view (dialog, 0, FALSE), "deleted");
  inserted = tagged (_lc_question_history_dialog_get_field_view (dialog, 0, TRUE), "inserted");
  ck_assert_str_eq (deleted, " ✓");
  ck_assert_str_eq (inserted, " ✓");
}
END_TEST

START_TEST (test_one_version)
{
  g_autoptr (LcSession) trainer = sign_in ("trainer");
  g_autofree char *uid = starter_uid (trainer, LC_QUESTION_TRUEFALSE);
  LcQuestionHistoryDialog *dialog = open_dialog (trainer, uid);
  GWeakRef ref;

  ck_assert_uint_eq (_lc_question_history_dialog_get_n_versions (dialog), 1);
  ck_assert_uint_eq (_lc_question_history_dialog_get_n_fields (dialog), 0);
  ck_assert_str_eq (gtk_label_get_text (dialog->summary_label),
                    "This question has only one version: there is nothing to compare.");
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (dialog->from_dropdown)));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (dialog->to_dropdown)));

  /* Labelled controls, and the window closes as Escape and Close do. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_test_accessible_check_relation (GTK_ACCESSIBLE (dialog->from_dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      lc_gui_test_find (GTK_WIDGET (dialog), "from_label"), NULL);
  gtk_test_accessible_check_relation (GTK_ACCESSIBLE (dialog->to_dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      lc_gui_test_find (GTK_WIDGET (dialog), "to_label"), NULL);
  ck_assert_uint_ne (gtk_label_get_mnemonic_keyval (GTK_LABEL (lc_gui_test_find (GTK_WIDGET (dialog), "from_label"))),
                     GDK_KEY_VoidSymbol);
  ck_assert_uint_ne (gtk_label_get_mnemonic_keyval (GTK_LABEL (lc_gui_test_find (GTK_WIDGET (dialog), "to_label"))),
                     GDK_KEY_VoidSymbol);
  ck_assert_ptr_eq (gtk_window_get_default_widget (GTK_WINDOW (dialog)), GTK_WIDGET (dialog->close_button));
  g_weak_ref_init (&ref, dialog);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog->close_button), "window.close", NULL));
  ck_assert (lc_gui_test_wait_for (window_gone, &ref));
  g_weak_ref_clear (&ref);
}
END_TEST

START_TEST (test_officer_refused)
{
  g_autoptr (LcSession) trainer = sign_in ("trainer");
  g_autoptr (LcSession) officer = NULL;
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autofree char *uid = starter_uid (trainer, LC_QUESTION_SINGLE);
  g_autoptr (GError) error = NULL;
  gint64 dept = 0, officer_id = 0;

  ck_assert (lc_people_add_department (system, "D01", "执法一大队", 0, &dept, &error));
  {
    LcOfficer o = { .staff_no = (char *) "330401001", .name = (char *) "张伟", .department_id = dept };

    ck_assert_msg (lc_people_add_officer (system, &o, &officer_id, &error), "%s", error ? error->message : "");
  }
  ck_assert (lc_auth_add_user (system, "zhangwei", PASSWORD, LC_ROLE_OFFICER, officer_id, FALSE, NULL, &error));
  officer = sign_in ("zhangwei");
  ck_assert_ptr_null (lc_question_history_dialog_new (NULL, officer, uid, &error));
  ck_assert (g_error_matches (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED));
  g_clear_error (&error);
  ck_assert_ptr_null (lc_question_history_dialog_new (NULL, trainer, "no-such-question", &error));
  ck_assert (g_error_matches (error, LC_BANK_ERROR, LC_BANK_ERROR_UNKNOWN_QUESTION));
}
END_TEST

static Suite *
history_suite (void)
{
  Suite *s = suite_create ("gui-question-history");
  TCase *tc = tcase_create ("dialog");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_stem_edited);
  tcase_add_test (tc, test_correct_option_changed);
  tcase_add_test (tc, test_one_version);
  tcase_add_test (tc, test_officer_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  lc_gui_test_require_display ();
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  runner = srunner_create (history_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
