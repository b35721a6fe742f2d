/* test-starter-bank.c: the shipped question bank (question-bank/ GIFT files)
 * against the shipped statutes: every question reads, cites an article that
 * exists in the shipped text, and a fill-in's first accepted answer stands in
 * that article word for word; the bank covers the statutes, types and
 * difficulties the trainers were promised. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lc-gift.h"
#include "lc-law.h"
#include "lc-test-util.h"

/* The statutes the starter bank must cover, by slug. */
static const char *const required_slugs[] = {
  "administrative-penalty-law",
  "administrative-licensing-law",
  "administrative-coercion-law",
  "administrative-reconsideration-law",
  "administrative-litigation-law",
  "state-compensation-law",
  "government-information-disclosure-regulation",
  "criminal-case-transfer-regulation",
  "zhejiang-comprehensive-enforcement-regulation",
};

/* Every question of every file, with its file's name. */
static GPtrArray *
read_bank (GPtrArray **files_out)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("LC_SRCDIR"), "question-bank", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_question_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_msg (dir != NULL, "no folder %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr (GPtrArray) questions = NULL;
      g_autoptr (GError) error = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".gift"))
        continue;
      ck_assert_msg (g_file_get_contents (path, &text, &length, &error), "%s", error ? error->message : "");
      ck_assert_msg (lc_gift_parse (text, length, name, LC_GIFT_PARSE_DEFAULT, &questions, NULL, &error), "%s",
                     error ? error->message : "");
      for (guint i = 0; i < questions->len; i++)
        {
          g_ptr_array_add (all, g_steal_pointer (&questions->pdata[i]));
          g_ptr_array_add (files, g_strdup (name));
        }
    }
  *files_out = files;
  return all;
}

START_TEST (test_citations_resolve)
{
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) questions = read_bank (&files);
  g_autoptr (GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;

  ck_assert (lc_law_ensure_shipped (lc_test.db, &error));
  lc_test_assert_no_error (error);
  for (guint i = 0; i < questions->len; i++)
    {
      LcGiftQuestion *question = g_ptr_array_index (questions, i);
      const char *file = g_ptr_array_index (files, i);
      const char *uid = lc_gift_question_get_meta (question, "uid");
      const char *basis = lc_gift_question_get_meta (question, "basis");
      g_autoptr (LcArticle) article = NULL;

      ck_assert_msg (uid != NULL && *uid != '\0', "%s:%u: no @uid", file, question->line);
      ck_assert_msg (g_hash_table_add (uids, (gpointer) uid), "%s:%u: @uid %s used twice", file, question->line, uid);
      ck_assert_msg (basis != NULL, "%s:%u: no @basis", file, question->line);
      /* The file is named after the statute it is about. */
      ck_assert_msg (g_str_has_prefix (basis, file) || strncmp (basis, file, strlen (file) - strlen (".gift")) == 0,
                     "%s:%u: cites %s", file, question->line, basis);
      article = lc_law_find_article (lc_test.system, basis, &error);
      ck_assert_msg (article != NULL, "%s:%u: %s", file, question->line, error ? error->message : "");
      if (question->type == LC_GIFT_SHORT)
        {
          const LcGiftOption *answer = g_ptr_array_index (question->options, 0);
          ck_assert_msg (strstr (article->text, answer->text) != NULL, "%s:%u: “%s” is not in %s", file, question->line,
                         answer->text, basis);
        }
    }
}
END_TEST

START_TEST (test_coverage)
{
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) questions = read_bank (&files);
  guint by_type[LC_GIFT_ESSAY + 1] = { 0 };
  guint by_difficulty[6] = { 0 };

  ck_assert_uint_ge (questions->len, 500);
  for (guint i = 0; i < questions->len; i++)
    {
      LcGiftQuestion *question = g_ptr_array_index (questions, i);
      const char *difficulty = lc_gift_question_get_meta (question, "difficulty");
      int level = difficulty != NULL ? atoi (difficulty) : 0;

      ck_assert_msg (level >= 1 && level <= 5, "%s:%u: difficulty %s", (char *) g_ptr_array_index (files, i),
                     question->line, difficulty);
      by_type[question->type]++;
      by_difficulty[level]++;
    }
  for (guint t = 0; t <= LC_GIFT_ESSAY; t++)
    ck_assert_msg (by_type[t] > 0, "no %s question", lc_gift_type_name (t));
  for (guint d = 1; d <= 5; d++)
    ck_assert_msg (by_difficulty[d] > 0, "no question of difficulty %u", d);
  for (guint s = 0; s < G_N_ELEMENTS (required_slugs); s++)
    {
      g_autofree char *file = g_strconcat (required_slugs[s], ".gift", NULL);
      guint n = 0;

      for (guint i = 0; i < files->len; i++)
        n += g_strcmp0 (g_ptr_array_index (files, i), file) == 0;
      ck_assert_msg (n >= 20, "%s has %u questions", file, n);
    }
}
END_TEST

static Suite *
starter_bank_suite (void)
{
  Suite *s = suite_create ("starter-bank");
  TCase *tc = tcase_create ("bank");

  tcase_add_checked_fixture (tc, lc_test_setup, lc_test_teardown);
  tcase_add_test (tc, test_citations_resolve);
  tcase_add_test (tc, test_coverage);
  tcase_set_timeout (tc, 60);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return lc_test_run (starter_bank_suite ());
}
