/* test-gui-statutes.c: the trainer's Statutes page on a database with the
 * shipped statutes: the laws, a version's articles, the article search,
 * an article's text, the comparison of two versions, and who sees the
 * page. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "lc-application.h"
#include "lc-gui-test-util.h"
#include "lc-law.h"
#include "lc-statutes-page-private.h"
#include "lc-window-private.h"

#define PASSWORD "secret-password"
#define REVIEW "administrative-reconsideration-law"

static char *tmp_dir;
static LcDb *db;
static LcApplication *app;

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;

  gtk_init ();
  db = lc_gui_test_open_db (&tmp_dir);
  ck_assert_msg (lc_law_ensure_shipped (db, &error), "%s", error ? error->message : "");
  system = lc_session_new_system (db);
  ck_assert (lc_auth_add_user (system, "trainer", PASSWORD, LC_ROLE_TRAINER, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "admin", PASSWORD, LC_ROLE_ADMINISTRATOR, 0, FALSE, NULL, &error));
  ck_assert (lc_auth_add_user (system, "personnel", PASSWORD, LC_ROLE_PERSONNEL, 0, FALSE, NULL, &error));
  if (app == NULL)
    {
      app = lc_application_new ();
      ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error), "%s", error ? error->message : "");
    }
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
  return !_lc_statutes_page_is_busy (data);
}

static void
wait_idle (LcStatutesPage *page)
{
  ck_assert_msg (lc_gui_test_wait_for (page_idle, page), "the page did not finish loading");
  lc_gui_test_drain ();
  ck_assert_msg (lc_gui_test_wait_for (page_idle, page), "the page did not finish loading");
}

static LcStatutesPage *
statutes_page (const char *login)
{
  g_autoptr (LcSession) session = sign_in (login);
  LcWindow *window = lc_window_new (app, session);
  GtkWidget *page = gtk_stack_get_child_by_name (window->stack, "statutes");

  gtk_window_present (GTK_WINDOW (window));
  ck_assert_ptr_nonnull (page);
  ck_assert (LC_IS_STATUTES_PAGE (page));
  gtk_stack_set_visible_child (window->stack, page);
  wait_idle (LC_STATUTES_PAGE (page));
  return LC_STATUTES_PAGE (page);
}

static void
choose (LcStatutesPage *page, const char *slug, const char *date)
{
  ck_assert_msg (_lc_statutes_page_select_law (page, slug), "%s is not listed", slug);
  wait_idle (page);
  if (date != NULL)
    {
      ck_assert_msg (_lc_statutes_page_select_version (page, date), "%s has no version %s", slug, date);
      wait_idle (page);
    }
}

START_TEST (test_lists_laws_and_articles)
{
  LcStatutesPage *page = statutes_page ("trainer");
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (GPtrArray) versions = lc_law_list_versions (system, NULL, NULL);
  g_autoptr (GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < versions->len; i++)
    g_hash_table_add (slugs, ((LcLawVersion *) g_ptr_array_index (versions, i))->slug);
  ck_assert_uint_eq (g_hash_table_size (slugs), 17);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (page->laws)), 17);

  choose (page, REVIEW, NULL);
  /* Newest first. */
  ck_assert_str_eq (gtk_string_list_get_string (page->version_dates, 0), "2023-09-01");
  ck_assert_str_eq (gtk_string_list_get_string (page->version_dates, 1), "2017-09-01");
  ck_assert_uint_eq (gtk_drop_down_get_selected (page->version_dropdown), 0);
  ck_assert_uint_eq (_lc_statutes_page_count_shown_articles (page), 90);
  ck_assert_str_eq (gtk_label_get_text (page->article_count_label), "90 articles");
  /* Chapter headings stand between the articles. */
  ck_assert_uint_gt (g_list_model_get_n_items (G_LIST_MODEL (page->article_selection)), 90);
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (page->compare_button)));

  choose (page, REVIEW, "2017-09-01");
  ck_assert_uint_eq (_lc_statutes_page_count_shown_articles (page), 43);

  /* A law of one version cannot be compared. */
  for (guint i = 0; i < versions->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (versions, i);
      gboolean single =
          (i == 0 || g_strcmp0 (((LcLawVersion *) g_ptr_array_index (versions, i - 1))->slug, version->slug) != 0)
          && (i + 1 == versions->len
              || g_strcmp0 (((LcLawVersion *) g_ptr_array_index (versions, i + 1))->slug, version->slug) != 0);
      if (single)
        {
          choose (page, version->slug, NULL);
          ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (page->compare_button)));
          ck_assert_uint_eq (_lc_statutes_page_count_shown_articles (page), version->n_articles);
          break;
        }
    }
}
END_TEST

START_TEST (test_search_and_article_text)
{
  LcStatutesPage *page = statutes_page ("trainer");
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (LcArticle) article = lc_law_find_article (system, REVIEW "@2023-09-01#2", NULL);
  guint shown;

  ck_assert_ptr_nonnull (article);
  choose (page, REVIEW, "2023-09-01");

  ck_assert (_lc_statutes_page_select_article (page, 2));
  ck_assert_str_eq (gtk_label_get_text (page->article_heading), "第二条");
  ck_assert_str_eq (gtk_label_get_text (page->article_text), article->text);
  ck_assert (strstr (gtk_label_get_text (page->article_place), article->chapter) != NULL);
  ck_assert (gtk_label_get_selectable (page->article_text));

  /* Ctrl+F's action puts the focus in the search. */
  gtk_widget_activate_action (GTK_WIDGET (page), "statutes.find", NULL);
  lc_gui_test_drain ();
  ck_assert (gtk_widget_is_focus (GTK_WIDGET (page->search_entry))
             || gtk_widget_has_focus (GTK_WIDGET (page->search_entry))
             || gtk_widget_get_focus_child (GTK_WIDGET (page->search_entry)) != NULL);

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "行政复议委员会");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  wait_idle (page);
  shown = _lc_statutes_page_count_shown_articles (page);
  ck_assert_uint_gt (shown, 0);
  ck_assert_uint_lt (shown, 90);
  /* The chosen article went with the search: the first one found shows. */
  ck_assert (strstr (gtk_label_get_text (page->article_text), "行政复议委员会") != NULL);
  /* Exactly the articles whose text holds the words. */
  {
    g_autoptr (LcLawVersion) version = lc_law_get_version (system, REVIEW, "2023-09-01", NULL);
    g_autoptr (GPtrArray) articles = lc_law_list_articles (system, version->id, NULL);
    guint expected = 0;

    for (guint i = 0; i < articles->len; i++)
      expected += strstr (((LcArticle *) g_ptr_array_index (articles, i))->text, "行政复议委员会") != NULL;
    ck_assert_uint_eq (shown, expected);
  }

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "没有这样的文字");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  wait_idle (page);
  ck_assert_uint_eq (_lc_statutes_page_count_shown_articles (page), 0);

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  wait_idle (page);
  ck_assert_uint_eq (_lc_statutes_page_count_shown_articles (page), 90);
}
END_TEST

static gboolean
has_attr (GtkLabel *label, PangoAttrType type)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr (GSList) list = NULL;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;
      found |= attr->klass->type == type;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

START_TEST (test_compare_versions)
{
  LcStatutesPage *page = statutes_page ("trainer");
  g_autoptr (LcSession) system = lc_session_new_system (db);
  g_autoptr (LcLawVersion) old_version = lc_law_get_version (system, REVIEW, "2017-09-01", NULL);
  g_autoptr (LcLawVersion) new_version = lc_law_get_version (system, REVIEW, "2023-09-01", NULL);
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  guint added = 0, removed = 0, changed = 0, renumbered = 0, unchanged = 0;
  LcArticleChange *text_change = NULL;

  ck_assert (lc_law_diff (system, old_version->id, new_version->id, &changes, &error));
  for (guint i = 0; i < changes->len; i++)
    {
      LcArticleChange *change = g_ptr_array_index (changes, i);

      added += change->kind == LC_ARTICLE_ADDED;
      removed += change->kind == LC_ARTICLE_REMOVED;
      unchanged += change->kind == LC_ARTICLE_UNCHANGED;
      changed += change->kind == LC_ARTICLE_CHANGED || change->kind == LC_ARTICLE_RENUMBERED_CHANGED;
      renumbered += change->kind == LC_ARTICLE_RENUMBERED || change->kind == LC_ARTICLE_RENUMBERED_CHANGED;
      if (text_change == NULL && change->kind == LC_ARTICLE_RENUMBERED_CHANGED)
        text_change = change;
    }
  ck_assert_ptr_nonnull (text_change);

  choose (page, REVIEW, NULL);
  gtk_toggle_button_set_active (page->compare_button, TRUE);
  wait_idle (page);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (page->mode_stack), "compare");
  ck_assert_str_eq (gtk_string_object_get_string (gtk_drop_down_get_selected_item (page->old_dropdown)), "2017-09-01");
  ck_assert_str_eq (gtk_string_object_get_string (gtk_drop_down_get_selected_item (page->new_dropdown)), "2023-09-01");
  summary = g_strdup_printf ("Added %u · Removed %u · Changed %u · Renumbered %u · Unchanged %u", added, removed,
                             changed, renumbered, unchanged);
  ck_assert_str_eq (gtk_label_get_text (page->summary_label), summary);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (page->change_selection)), changes->len - unchanged);

  ck_assert (_lc_statutes_page_select_change (page, text_change->new_article->no));
  {
    g_autofree char *title =
        g_strdup_printf ("%s → %s", text_change->old_article->label, text_change->new_article->label);
    ck_assert (g_str_has_prefix (gtk_label_get_text (page->change_heading), title));
  }
  ck_assert_str_eq (gtk_label_get_text (page->old_text), text_change->old_article->text);
  ck_assert_str_eq (gtk_label_get_text (page->new_text), text_change->new_article->text);
  ck_assert (has_attr (page->old_text, PANGO_ATTR_STRIKETHROUGH));
  ck_assert (has_attr (page->old_text, PANGO_ATTR_BACKGROUND));
  ck_assert (has_attr (page->new_text, PANGO_ATTR_BACKGROUND));
  ck_assert (!has_attr (page->new_text, PANGO_ATTR_STRIKETHROUGH));

  /* Only the added ones. */
  gtk_drop_down_set_selected (page->kind_dropdown, 1);
  lc_gui_test_drain ();
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (page->change_selection)), added);

  /* Ctrl+F goes back to reading. */
  gtk_widget_activate_action (GTK_WIDGET (page), "statutes.find", NULL);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (page->mode_stack), "browse");
}
END_TEST

START_TEST (test_page_for_content_keepers)
{
  g_autoptr (LcSession) personnel = sign_in ("personnel");
  g_autoptr (LcSession) admin = sign_in ("admin");
  LcWindow *window = lc_window_new (app, personnel);

  ck_assert_ptr_null (gtk_stack_get_child_by_name (window->stack, "statutes"));
  window = lc_window_new (app, admin);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (window->stack, "statutes"));
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
  LcStatutesPage *page = statutes_page ("trainer");
  GtkWidget *widgets[] = {
    GTK_WIDGET (page->law_list),     GTK_WIDGET (page->version_dropdown), GTK_WIDGET (page->compare_button),
    GTK_WIDGET (page->search_entry), GTK_WIDGET (page->article_list),     GTK_WIDGET (page->article_text),
    GTK_WIDGET (page->old_dropdown), GTK_WIDGET (page->new_dropdown),     GTK_WIDGET (page->kind_dropdown),
    GTK_WIDGET (page->change_list),  GTK_WIDGET (page->old_text),         GTK_WIDGET (page->new_text),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    check_labelled (widgets[i]);
  /* The mnemonic button is named by its label alone (lc-accessible.h). */
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (page->compare_button), GTK_ACCESSIBLE_PROPERTY_LABEL));
}
END_TEST

static Suite *
gui_statutes_suite (void)
{
  Suite *suite = suite_create ("gui-statutes");
  TCase *statutes = tcase_create ("statutes");

  tcase_add_checked_fixture (statutes, setup, teardown);
  tcase_set_timeout (statutes, 90);
  tcase_add_test (statutes, test_lists_laws_and_articles);
  tcase_add_test (statutes, test_search_and_article_text);
  tcase_add_test (statutes, test_compare_versions);
  tcase_add_test (statutes, test_page_for_content_keepers);
  tcase_add_test (statutes, test_accessible);
  suite_add_tcase (suite, statutes);
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

  runner = srunner_create (gui_statutes_suite ());
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
