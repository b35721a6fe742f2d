/* lc-statutes-page.c: the trainer's Statutes page. */
#define G_LOG_DOMAIN "lc-statutes-page"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-statutes-page-private.h"

/* One row of the page's lists: a law, a chapter or section heading, an
 * article or a change. Articles and changes point into the page's arrays by
 * index, since the arrays outlive the rows shown from them. */

typedef enum
{
  ITEM_LAW,
  ITEM_HEADING,
  ITEM_ARTICLE,
  ITEM_CHANGE,
} ItemKind;

#define LC_TYPE_STATUTE_ITEM (lc_statute_item_get_type ())
G_DECLARE_FINAL_TYPE (LcStatuteItem, lc_statute_item, LC, STATUTE_ITEM, GObject)

struct _LcStatuteItem
{
  GObject parent_instance;

  ItemKind kind;
  char *title;
  char *subtitle;
  char *search; /* casefolded text the article search looks in */
  char *slug;   /* of a law */
  guint index;  /* into the page's articles or changes */
  int no;       /* an article's number */
  int change_kind;
  gboolean section; /* a heading of a section, under its chapter */
};

G_DEFINE_FINAL_TYPE (LcStatuteItem, lc_statute_item, G_TYPE_OBJECT)

static void
lc_statute_item_finalize (GObject *object)
{
  LcStatuteItem *self = LC_STATUTE_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->search);
  g_free (self->slug);
  G_OBJECT_CLASS (lc_statute_item_parent_class)->finalize (object);
}

static void
lc_statute_item_class_init (LcStatuteItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_statute_item_finalize;
}

static void
lc_statute_item_init (LcStatuteItem *self)
{
}

static LcStatuteItem *
item_new (ItemKind kind, const char *title, const char *subtitle)
{
  LcStatuteItem *item = g_object_new (LC_TYPE_STATUTE_ITEM, NULL);

  item->kind = kind;
  item->title = g_strdup (title);
  item->subtitle = g_strdup (subtitle);
  return item;
}

/* The page ----------------------------------------------------------------- */

enum
{
  JOB_LAWS,
  JOB_ARTICLES,
  JOB_DIFF,
};

enum
{
  SHOW_ALL_CHANGES,
  SHOW_ADDED,
  SHOW_REMOVED,
  SHOW_CHANGED,
  SHOW_RENUMBERED,
  SHOW_UNCHANGED,
};

G_DEFINE_FINAL_TYPE (LcStatutesPage, lc_statutes_page, GTK_TYPE_WIDGET)

static void
show_error (LcStatutesPage *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
change_kind_name (LcArticleChangeKind kind)
{
  switch (kind)
    {
    case LC_ARTICLE_UNCHANGED:
      return _ ("Unchanged");
    case LC_ARTICLE_CHANGED:
      return _ ("Changed");
    case LC_ARTICLE_RENUMBERED:
      return _ ("Renumbered");
    case LC_ARTICLE_RENUMBERED_CHANGED:
      return _ ("Renumbered and changed");
    case LC_ARTICLE_ADDED:
      return _ ("Added");
    case LC_ARTICLE_REMOVED:
      return _ ("Removed");
    default:
      g_assert_not_reached ();
    }
}

static const char *
selected_slug (LcStatutesPage *self)
{
  LcStatuteItem *law = gtk_single_selection_get_selected_item (self->law_selection);

  return law != NULL ? law->slug : NULL;
}

static const char *
dropdown_date (GtkDropDown *dropdown)
{
  GtkStringObject *object = gtk_drop_down_get_selected_item (dropdown);

  return object != NULL ? gtk_string_object_get_string (object) : NULL;
}

static LcLawVersion *
find_version (LcStatutesPage *self, const char *slug, const char *date)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (self->versions, i);

      if (g_strcmp0 (version->slug, slug) == 0 && g_strcmp0 (version->version_date, date) == 0)
        return version;
    }
  return NULL;
}

/* Work in a thread --------------------------------------------------------- */

/* As on the other pages: the statutes are read, and versions compared, in a
 * GTask thread on a connection of its own (lc_session_open_copy(), made
 * here on the main thread); the result is shown from the callback. */

typedef struct
{
  int job;
  LcSession *session;
  gint64 old_id;
  gint64 new_id;
  GPtrArray *result;
} JobData;

static void
job_data_free (JobData *data)
{
  g_clear_object (&data->session);
  g_clear_pointer (&data->result, g_ptr_array_unref);
  g_free (data);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;

  switch (data->job)
    {
    case JOB_LAWS:
      data->result = lc_law_list_versions (data->session, NULL, &error);
      break;
    case JOB_ARTICLES:
      data->result = lc_law_list_articles (data->session, data->new_id, &error);
      break;
    case JOB_DIFF:
      if (!lc_law_diff (data->session, data->old_id, data->new_id, &data->result, &error))
        g_clear_pointer (&data->result, g_ptr_array_unref);
      break;
    default:
      g_assert_not_reached ();
    }
  if (data->result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void laws_loaded (LcStatutesPage *self, GPtrArray *versions);
static void articles_loaded (LcStatutesPage *self, GPtrArray *articles);
static void diff_loaded (LcStatutesPage *self, GPtrArray *changes);

static void
job_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LcStatutesPage) self = user_data;
  JobData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* Cancelled: a newer job took over, or the page went away. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellables[data->job]);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  switch (data->job)
    {
    case JOB_LAWS:
      laws_loaded (self, g_steal_pointer (&data->result));
      break;
    case JOB_ARTICLES:
      articles_loaded (self, g_steal_pointer (&data->result));
      break;
    case JOB_DIFF:
      diff_loaded (self, g_steal_pointer (&data->result));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
run_job (LcStatutesPage *self, int job, gint64 old_id, gint64 new_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  LcSession *copy;
  JobData *data;

  if (self->cancellables[job] != NULL)
    {
      g_cancellable_cancel (self->cancellables[job]);
      g_clear_object (&self->cancellables[job]);
    }
  copy = lc_session_open_copy (self->session, &error);
  if (copy == NULL)
    {
      show_error (self, error->message);
      return;
    }
  data = g_new0 (JobData, 1);
  data->job = job;
  data->session = copy;
  data->old_id = old_id;
  data->new_id = new_id;
  self->cancellables[job] = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellables[job], job_done, g_object_ref (self));
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  g_task_run_in_thread (task, job_thread);
}

/* Laws and versions -------------------------------------------------------- */

static void
laws_loaded (LcStatutesPage *self, GPtrArray *versions)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = versions;
  /* By slug and date: the last version of a slug names the law. */
  for (guint i = 0; i < versions->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (versions, i);
      LcLawVersion *next = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;
      LcStatuteItem *item;

      if (next != NULL && g_strcmp0 (next->slug, version->slug) == 0)
        continue;
      item = item_new (ITEM_LAW, version->title, lc_law_kind_display_name (version->kind));
      item->slug = g_strdup (version->slug);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->laws, 0, g_list_model_get_n_items (G_LIST_MODEL (self->laws)), items->pdata, items->len);
  if (items->len > 0 && gtk_single_selection_get_selected (self->law_selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->law_selection, 0);
}

static void
load_version (LcStatutesPage *self)
{
  LcLawVersion *version = find_version (self, selected_slug (self), dropdown_date (self->version_dropdown));

  if (version != NULL)
    run_job (self, JOB_ARTICLES, 0, version->id);
}

static void
run_diff (LcStatutesPage *self)
{
  const char *slug = selected_slug (self);
  LcLawVersion *old_version = find_version (self, slug, dropdown_date (self->old_dropdown));
  LcLawVersion *new_version = find_version (self, slug, dropdown_date (self->new_dropdown));

  if (!gtk_toggle_button_get_active (self->compare_button) || old_version == NULL || new_version == NULL)
    return;
  run_job (self, JOB_DIFF, old_version->id, new_version->id);
}

static void
law_changed (LcStatutesPage *self)
{
  const char *slug = selected_slug (self);
  g_autoptr (GPtrArray) dates = g_ptr_array_new ();
  guint n;

  if (slug == NULL)
    return;
  /* Newest first: the version one reads is usually the one in force. */
  for (guint i = self->versions->len; i > 0; i--)
    {
      LcLawVersion *version = g_ptr_array_index (self->versions, i - 1);

      if (g_strcmp0 (version->slug, slug) == 0)
        g_ptr_array_add (dates, version->version_date);
    }
  g_ptr_array_add (dates, NULL);
  n = dates->len - 1;

  self->updating = TRUE;
  gtk_string_list_splice (self->version_dates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->version_dates)),
                          (const char *const *) dates->pdata);
  gtk_drop_down_set_selected (self->version_dropdown, 0);
  gtk_drop_down_set_selected (self->new_dropdown, 0);
  gtk_drop_down_set_selected (self->old_dropdown, n >= 2 ? 1 : 0);
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), n >= 2);
  if (n < 2)
    gtk_toggle_button_set_active (self->compare_button, FALSE);
  load_version (self);
  run_diff (self);
}

static void
version_changed (LcStatutesPage *self)
{
  if (!self->updating)
    load_version (self);
}

static void
compare_version_changed (LcStatutesPage *self)
{
  if (!self->updating)
    run_diff (self);
}

static void
compare_toggled (LcStatutesPage *self)
{
  gboolean active = gtk_toggle_button_get_active (self->compare_button);

  gtk_stack_set_visible_child_name (self->mode_stack, active ? "compare" : "browse");
  if (active)
    run_diff (self);
}

/* Articles ----------------------------------------------------------------- */

static void
show_article (LcStatutesPage *self)
{
  LcStatuteItem *item = gtk_single_selection_get_selected_item (self->article_selection);
  LcArticle *article;
  g_autofree char *place = NULL;

  if (item == NULL || item->kind != ITEM_ARTICLE)
    {
      gtk_label_set_text (self->article_place, "");
      gtk_label_set_text (self->article_heading, "");
      gtk_label_set_text (self->article_text, "");
      return;
    }
  article = g_ptr_array_index (self->articles, item->index);
  place = g_strjoin (" ", article->chapter, article->section, NULL);
  gtk_label_set_text (self->article_place, g_strstrip (place));
  gtk_label_set_text (self->article_heading, article->label);
  gtk_label_set_text (self->article_text, article->text);
}

static void
update_article_count (LcStatutesPage *self)
{
  guint n = _lc_statutes_page_count_shown_articles (self);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);

  gtk_label_set_text (self->article_count_label, text);
}

static void
article_items_changed (LcStatutesPage *self)
{
  GListModel *model = G_LIST_MODEL (self->article_selection);
  guint n = g_list_model_get_n_items (model);

  update_article_count (self);
  /* Never an empty text pane while articles are shown: a new version, or a
   * search that hid the chosen article, shows the first one listed. */
  if (gtk_single_selection_get_selected_item (self->article_selection) != NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcStatuteItem) item = g_list_model_get_item (model, i);

      if (item->kind == ITEM_ARTICLE)
        {
          gtk_single_selection_set_selected (self->article_selection, i);
          return;
        }
    }
}

static void
articles_loaded (LcStatutesPage *self, GPtrArray *articles)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *chapter = "";
  const char *section = "";

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  self->articles = articles;
  for (guint i = 0; i < articles->len; i++)
    {
      LcArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *first_line = g_strndup (article->text, strcspn (article->text, "\n"));
      g_autofree char *search = g_strconcat (article->label, "\n", article->text, NULL);
      LcStatuteItem *item;

      if (g_strcmp0 (article->chapter, chapter) != 0 && article->chapter[0] != '\0')
        g_ptr_array_add (items, item_new (ITEM_HEADING, article->chapter, NULL));
      if (g_strcmp0 (article->section, section) != 0 && article->section[0] != '\0')
        {
          LcStatuteItem *heading = item_new (ITEM_HEADING, article->section, NULL);

          heading->section = TRUE;
          g_ptr_array_add (items, heading);
        }
      chapter = article->chapter;
      section = article->section;

      item = item_new (ITEM_ARTICLE, article->label, first_line);
      item->index = i;
      item->no = article->no;
      item->search = g_utf8_casefold (search, -1);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->article_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->article_items)),
                       items->pdata, items->len);
  /* The incremental filter may not have passed the first article yet:
   * article_items_changed() selects it once it has. */
  gtk_single_selection_set_selected (self->article_selection, GTK_INVALID_LIST_POSITION);
  article_items_changed (self);
  show_article (self);
}

static gboolean
article_visible (gpointer object, gpointer user_data)
{
  LcStatutesPage *self = user_data;
  LcStatuteItem *item = object;
  int no;

  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;
  /* Headings would stand empty above a filtered list. */
  if (item->kind != ITEM_ARTICLE)
    return FALSE;
  if (lc_chinese_numeral_parse (self->query, -1, &no) || sscanf (self->query, "%d", &no) == 1)
    if (no == item->no)
      return TRUE;
  return strstr (item->search, self->query) != NULL;
}

static void
search_changed (LcStatutesPage *self)
{
  g_free (self->query);
  self->query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_strstrip (self->query);
  gtk_filter_changed (GTK_FILTER (self->article_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcStatutesPage *self = LC_STATUTES_PAGE (widget);

  gtk_toggle_button_set_active (self->compare_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Comparison --------------------------------------------------------------- */

static gboolean
change_is_text_change (LcArticleChangeKind kind)
{
  return kind == LC_ARTICLE_CHANGED || kind == LC_ARTICLE_RENUMBERED_CHANGED;
}

static gboolean
change_is_renumbering (LcArticleChangeKind kind)
{
  return kind == LC_ARTICLE_RENUMBERED || kind == LC_ARTICLE_RENUMBERED_CHANGED;
}

static char *
change_title (LcArticleChange *change)
{
  if (change->old_article == NULL)
    return g_strdup (change->new_article->label);
  if (change->new_article == NULL || change->old_article->no == change->new_article->no)
    return g_strdup (change->old_article->label);
  return g_strdup_printf ("%s → %s", change->old_article->label, change->new_article->label);
}

static void
diff_loaded (LcStatutesPage *self, GPtrArray *changes)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->changes = changes;
  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < changes->len; i++)
    {
      LcArticleChange *change = g_ptr_array_index (changes, i);
      g_autofree char *title = change_title (change);
      LcStatuteItem *item = item_new (ITEM_CHANGE, title, change_kind_name (change->kind));

      item->index = i;
      item->change_kind = change->kind;
      /* Removed articles have no new number; theirs must not collide with one. */
      item->no = change->new_article != NULL ? change->new_article->no : -change->old_article->no;
      g_ptr_array_add (items, item);
      if (change->kind == LC_ARTICLE_ADDED)
        self->counts[0]++;
      else if (change->kind == LC_ARTICLE_REMOVED)
        self->counts[1]++;
      else if (change->kind == LC_ARTICLE_UNCHANGED)
        self->counts[4]++;
      if (change_is_text_change (change->kind))
        self->counts[2]++;
      if (change_is_renumbering (change->kind))
        self->counts[3]++;
    }
  /* Translators: the summary above the list of changes between two versions of a law */
  summary = g_strdup_printf (_ ("Added %u · Removed %u · Changed %u · Renumbered %u · Unchanged %u"), self->counts[0],
                             self->counts[1], self->counts[2], self->counts[3], self->counts[4]);
  gtk_label_set_text (self->summary_label, summary);
  g_list_store_splice (self->change_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->change_items)),
                       items->pdata, items->len);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->change_selection)) > 0)
    gtk_single_selection_set_selected (self->change_selection, 0);
}

static gboolean
change_visible (gpointer object, gpointer user_data)
{
  LcStatutesPage *self = user_data;
  LcStatuteItem *item = object;

  switch (gtk_drop_down_get_selected (self->kind_dropdown))
    {
    case SHOW_ADDED:
      return item->change_kind == LC_ARTICLE_ADDED;
    case SHOW_REMOVED:
      return item->change_kind == LC_ARTICLE_REMOVED;
    case SHOW_CHANGED:
      return change_is_text_change (item->change_kind);
    case SHOW_RENUMBERED:
      return change_is_renumbering (item->change_kind);
    case SHOW_UNCHANGED:
      return item->change_kind == LC_ARTICLE_UNCHANGED;
    default:
      return item->change_kind != LC_ARTICLE_UNCHANGED;
    }
}

static void
kind_changed (LcStatutesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->change_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (gtk_single_selection_get_selected_item (self->change_selection) == NULL
      && g_list_model_get_n_items (G_LIST_MODEL (self->change_selection)) > 0)
    gtk_single_selection_set_selected (self->change_selection, 0);
}

/* Sets @label to the text the segments of kind EQUAL and @kind make, the
 * runs of @kind marked: deletions red and struck through, insertions green.
 * Attributes rather than markup, so that no statute text needs escaping. */
static void
set_diff_text (GtkLabel *label, GPtrArray *segments, LcDiffKind kind)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

  for (guint i = 0; i < segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, i);
      guint start = text->len;
      PangoAttribute *attr;

      if (segment->kind != LC_DIFF_EQUAL && segment->kind != kind)
        continue;
      g_string_append (text, segment->text);
      if (segment->kind == LC_DIFF_EQUAL)
        continue;
      if (kind == LC_DIFF_DELETE)
        {
          attr = pango_attr_background_new (0xffff, 0xc0c0, 0xc0c0);
          attr->start_index = start;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_strikethrough_new (TRUE);
          attr->start_index = start;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
        }
      else
        {
          attr = pango_attr_background_new (0xb0b0, 0xf0f0, 0xb8b8);
          attr->start_index = start;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
        }
    }
  gtk_label_set_text (label, text->str);
  gtk_label_set_attributes (label, attrs);
}

static void
set_side (GtkLabel *heading, GtkLabel *label, LcArticle *article, const char *date, GPtrArray *segments,
          LcDiffKind kind)
{
  g_autofree char *title = NULL;

  gtk_label_set_attributes (label, NULL);
  if (article == NULL)
    {
      /* Translators: %s is a version date */
      title = g_strdup_printf (_ ("Version of %s"), date);
      gtk_label_set_text (heading, title);
      gtk_label_set_text (label, kind == LC_DIFF_DELETE ? _ ("Not in this version: the article was added.")
                                                        : _ ("Not in this version: the article was removed."));
      return;
    }
  /* Translators: an article label and a version date: “第十三条 (2017-09-01)” */
  title = g_strdup_printf (_ ("%s (%s)"), article->label, date);
  gtk_label_set_text (heading, title);
  if (segments != NULL)
    set_diff_text (label, segments, kind);
  else
    gtk_label_set_text (label, article->text);
}

static void
show_change (LcStatutesPage *self)
{
  LcStatuteItem *item = gtk_single_selection_get_selected_item (self->change_selection);
  LcArticleChange *change;
  g_autofree char *heading = NULL;

  if (item == NULL)
    {
      gtk_label_set_text (self->change_heading, "");
      gtk_label_set_text (self->old_heading, "");
      gtk_label_set_text (self->new_heading, "");
      gtk_label_set_text (self->old_text, "");
      gtk_label_set_text (self->new_text, "");
      return;
    }
  change = g_ptr_array_index (self->changes, item->index);
  heading = g_strdup_printf ("%s · %s", item->title, item->subtitle);
  gtk_label_set_text (self->change_heading, heading);
  set_side (self->old_heading, self->old_text, change->old_article, dropdown_date (self->old_dropdown),
            change->segments, LC_DIFF_DELETE);
  set_side (self->new_heading, self->new_text, change->new_article, dropdown_date (self->new_dropdown),
            change->segments, LC_DIFF_INSERT);
}

/* Rows --------------------------------------------------------------------- */

static void
setup_two_lines (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_two_lines (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LcStatuteItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean heading = item->kind == ITEM_HEADING;

  gtk_label_set_text (GTK_LABEL (title), item->title);
  gtk_label_set_text (GTK_LABEL (subtitle), item->subtitle != NULL ? item->subtitle : "");
  gtk_widget_set_visible (subtitle, item->subtitle != NULL);
  if (heading)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
  gtk_widget_set_margin_start (box, item->section ? 18 : 6);
  gtk_widget_set_margin_top (box, heading ? 10 : 4);
  gtk_list_item_set_selectable (list_item, !heading);
  gtk_list_item_set_activatable (list_item, !heading);
}

static GtkListItemFactory *
two_line_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_two_lines), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_two_lines), NULL);
  return factory;
}

/* Test hooks --------------------------------------------------------------- */

gboolean
_lc_statutes_page_is_busy (LcStatutesPage *self)
{
  g_return_val_if_fail (LC_IS_STATUTES_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (self->cancellables); i++)
    if (self->cancellables[i] != NULL)
      return TRUE;
  return self->versions == NULL || gtk_filter_list_model_get_pending (self->article_filter_model) > 0;
}

gboolean
_lc_statutes_page_select_law (LcStatutesPage *self, const char *slug)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->laws));

  g_return_val_if_fail (LC_IS_STATUTES_PAGE (self), FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcStatuteItem) item = g_list_model_get_item (G_LIST_MODEL (self->laws), i);

      if (g_strcmp0 (item->slug, slug) == 0)
        {
          gtk_single_selection_set_selected (self->law_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->law_list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_lc_statutes_page_select_version (LcStatutesPage *self, const char *date)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->version_dates));

  g_return_val_if_fail (LC_IS_STATUTES_PAGE (self), FALSE);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->version_dates, i), date) == 0)
      {
        gtk_drop_down_set_selected (self->version_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

guint
_lc_statutes_page_count_shown_articles (LcStatutesPage *self)
{
  GListModel *model = G_LIST_MODEL (self->article_filter_model);
  guint n = g_list_model_get_n_items (model);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcStatuteItem) item = g_list_model_get_item (model, i);
      count += item->kind == ITEM_ARTICLE;
    }
  return count;
}

static gboolean
select_by_no (GtkSingleSelection *selection, GtkListView *view, ItemKind kind, int no)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcStatuteItem) item = g_list_model_get_item (model, i);

      if (item->kind == kind && item->no == no)
        {
          gtk_single_selection_set_selected (selection, i);
          gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_lc_statutes_page_select_article (LcStatutesPage *self, int no)
{
  g_return_val_if_fail (LC_IS_STATUTES_PAGE (self), FALSE);
  return select_by_no (self->article_selection, self->article_list, ITEM_ARTICLE, no);
}

gboolean
_lc_statutes_page_select_change (LcStatutesPage *self, int no)
{
  g_return_val_if_fail (LC_IS_STATUTES_PAGE (self), FALSE);
  return select_by_no (self->change_selection, self->change_list, ITEM_CHANGE, no);
}

/* Type --------------------------------------------------------------------- */

static void
lc_statutes_page_dispose (GObject *object)
{
  LcStatutesPage *self = LC_STATUTES_PAGE (object);
  GtkWidget *child;

  /* A running job finds out in its callback, and leaves the page alone. */
  for (guint i = 0; i < G_N_ELEMENTS (self->cancellables); i++)
    {
      if (self->cancellables[i] != NULL)
        g_cancellable_cancel (self->cancellables[i]);
      g_clear_object (&self->cancellables[i]);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_STATUTES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->law_selection);
  g_clear_object (&self->laws);
  g_clear_object (&self->version_dates);
  g_clear_object (&self->article_selection);
  g_clear_object (&self->article_filter_model);
  g_clear_object (&self->article_filter);
  g_clear_object (&self->article_items);
  g_clear_object (&self->change_selection);
  g_clear_object (&self->change_filter);
  g_clear_object (&self->change_items);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_statutes_page_parent_class)->dispose (object);
}

static void
lc_statutes_page_finalize (GObject *object)
{
  LcStatutesPage *self = LC_STATUTES_PAGE (object);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self->query);

  G_OBJECT_CLASS (lc_statutes_page_parent_class)->finalize (object);
}

static void
lc_statutes_page_class_init (LcStatutesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_statutes_page_dispose;
  object_class->finalize = lc_statutes_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-statutes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, law_list);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, article_count_label);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, article_list);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, article_heading);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, article_place);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, article_text);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, old_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, new_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, change_list);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, change_heading);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, old_heading);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, old_text);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, new_heading);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, new_text);
  gtk_widget_class_bind_template_child (widget_class, LcStatutesPage, error_label);

  gtk_widget_class_install_action (widget_class, "statutes.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "statutes.find", NULL);
}

static void
lc_statutes_page_init (LcStatutesPage *self)
{
  g_autoptr (GtkListItemFactory) law_factory = two_line_factory ();
  g_autoptr (GtkListItemFactory) article_factory = two_line_factory ();
  g_autoptr (GtkListItemFactory) change_factory = two_line_factory ();
  g_autoptr (GtkStringList) kinds = NULL;
  GtkFilterListModel *change_filter_model;
  const char *kind_names[] = {
    _ ("All changes"), _ ("Added"), _ ("Removed"), _ ("Changed"), _ ("Renumbered"), _ ("Unchanged"), NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->laws = g_list_store_new (LC_TYPE_STATUTE_ITEM);
  self->law_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->laws)));
  gtk_single_selection_set_autoselect (self->law_selection, FALSE);
  gtk_list_view_set_model (self->law_list, GTK_SELECTION_MODEL (self->law_selection));
  gtk_list_view_set_factory (self->law_list, law_factory);

  self->version_dates = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (self->version_dates));
  gtk_drop_down_set_model (self->old_dropdown, G_LIST_MODEL (self->version_dates));
  gtk_drop_down_set_model (self->new_dropdown, G_LIST_MODEL (self->version_dates));
  kinds = gtk_string_list_new (kind_names);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->article_items = g_list_store_new (LC_TYPE_STATUTE_ITEM);
  self->article_filter = gtk_custom_filter_new (article_visible, self, NULL);
  self->article_filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->article_items)),
                                                          GTK_FILTER (g_object_ref (self->article_filter)));
  /* Filtering a long code keeps typing smooth when done a slice at a time. */
  gtk_filter_list_model_set_incremental (self->article_filter_model, TRUE);
  self->article_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->article_filter_model)));
  gtk_single_selection_set_autoselect (self->article_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->article_selection, TRUE);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->article_selection));
  gtk_list_view_set_factory (self->article_list, article_factory);

  self->change_items = g_list_store_new (LC_TYPE_STATUTE_ITEM);
  self->change_filter = gtk_custom_filter_new (change_visible, self, NULL);
  change_filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->change_items)),
                                                   GTK_FILTER (g_object_ref (self->change_filter)));
  self->change_selection = gtk_single_selection_new (G_LIST_MODEL (change_filter_model));
  gtk_single_selection_set_autoselect (self->change_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->change_selection, TRUE);
  gtk_list_view_set_model (self->change_list, GTK_SELECTION_MODEL (self->change_selection));
  gtk_list_view_set_factory (self->change_list, change_factory);

  g_signal_connect_object (self->law_selection, "notify::selected-item", G_CALLBACK (law_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_dropdown, "notify::selected", G_CALLBACK (version_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->old_dropdown, "notify::selected", G_CALLBACK (compare_version_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_dropdown, "notify::selected", G_CALLBACK (compare_version_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_button, "toggled", G_CALLBACK (compare_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_selection, "notify::selected-item", G_CALLBACK (show_article), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_selection, "items-changed", G_CALLBACK (article_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->change_selection, "notify::selected-item", G_CALLBACK (show_change), self,
                           G_CONNECT_SWAPPED);
}

LcStatutesPage *
lc_statutes_page_new (LcSession *session)
{
  LcStatutesPage *self;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_STATUTES_PAGE, NULL);
  self->session = g_object_ref (session);
  run_job (self, JOB_LAWS, 0, 0);
  return self;
}
