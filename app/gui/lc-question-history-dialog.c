/* lc-question-history-dialog.c: a question's versions and the differences
 * between two of them, the old text beside the new one for each field. */
#define G_LOG_DOMAIN "lc-question-history-dialog"

#include "config.h"

#include "lc-accessible.h"
#include "lc-bank.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-question-history-dialog-private.h"

/* A row of the version list ------------------------------------------------ */

#define LC_TYPE_HISTORY_VERSION (lc_history_version_get_type ())
G_DECLARE_FINAL_TYPE (LcHistoryVersion, lc_history_version, LC, HISTORY_VERSION, GObject)

struct _LcHistoryVersion
{
  GObject parent_instance;

  char *number;
  char *date;
  char *author;
};

enum
{
  PROP_0,
  PROP_NUMBER,
  PROP_DATE,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LcHistoryVersion, lc_history_version, G_TYPE_OBJECT)

static void
lc_history_version_finalize (GObject *object)
{
  LcHistoryVersion *self = LC_HISTORY_VERSION (object);

  g_free (self->number);
  g_free (self->date);
  g_free (self->author);
  G_OBJECT_CLASS (lc_history_version_parent_class)->finalize (object);
}

static void
lc_history_version_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcHistoryVersion *self = LC_HISTORY_VERSION (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_history_version_class_init (LcHistoryVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_history_version_finalize;
  object_class->get_property = lc_history_version_get_property;
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_history_version_init (LcHistoryVersion *self)
{
}

static char *
version_date (const LcQuestion *version)
{
  g_autoptr (GDateTime) created = g_date_time_new_from_unix_local (version->created_at);

  return created != NULL ? g_date_time_format (created, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static const char *
version_author (const LcQuestion *version)
{
  return version->author_name != NULL ? version->author_name : "";
}

static LcHistoryVersion *
lc_history_version_new (const LcQuestion *version)
{
  LcHistoryVersion *self = g_object_new (LC_TYPE_HISTORY_VERSION, NULL);

  self->number = g_strdup_printf ("%d", version->version_no);
  self->date = version_date (version);
  self->author = g_strdup (version_author (version));
  return self;
}

/* The dialog ------------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (LcQuestionHistoryDialog, lc_question_history_dialog, GTK_TYPE_WINDOW)

static void
show_error (LcQuestionHistoryDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Version @index (0 = the oldest) with its basis label, read once. */
static LcQuestion *
full_version (LcQuestionHistoryDialog *self, guint index, GError **error)
{
  LcQuestion *version = g_ptr_array_index (self->full, index);

  if (version == NULL)
    {
      const LcQuestion *listed = g_ptr_array_index (self->versions, index);

      version = lc_bank_get_version (self->session, self->uid, listed->version_no, error);
      g_ptr_array_index (self->full, index) = version;
    }
  return version;
}

static void
clear_fields (LcQuestionHistoryDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);
  g_ptr_array_set_size (self->field_views, 0);
  g_ptr_array_set_size (self->field_labels, 0);
}

/* A read-only view of the runs of kind EQUAL and @kind, those of @kind
 * tagged: deletions struck through on red, insertions underlined on green,
 * the colours of the statute comparison, so that no colour alone carries it. */
static GtkWidget *
diff_view (GPtrArray *segments, LcDiffKind kind, const char *accessible_label)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *tag_name = kind == LC_DIFF_DELETE ? "deleted" : "inserted";
  GtkTextIter end;

  gtk_text_buffer_create_tag (buffer, "deleted", "background", "#ffc0c0", "foreground", "#5c0000", "strikethrough",
                              TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "background", "#b0f0b8", "foreground", "#00400f", "underline",
                              PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "absent", "style", PANGO_STYLE_ITALIC, "foreground", "#77767b", NULL);
  for (guint i = 0; i < segments->len; i++)
    {
      LcDiffSegment *segment = g_ptr_array_index (segments, i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (segment->kind == LC_DIFF_EQUAL)
        gtk_text_buffer_insert (buffer, &end, segment->text, -1);
      else if (segment->kind == kind)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, segment->text, -1, tag_name, NULL);
    }
  if (gtk_text_buffer_get_char_count (buffer) == 0)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      /* Translators: a field a version does not have (no explanation, no legal basis), 无 */
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, _ ("(none)"), -1, "absent", NULL);
    }
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return view;
}

/* A text view in a scrolled window of a few lines: GTK 4.8 measures a
 * wrapping text view only once it has been drawn, so one placed straight in
 * a box would stay zero lines high. */
static GtkWidget *
diff_scroller (GtkWidget *view)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  return scroller;
}

static void
add_field (LcQuestionHistoryDialog *self, LcQuestionFieldDiff *diff, int old_no, int new_no)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (diff->label);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: the accessible name of a field's text in one version: “Question, version 1” */
  g_autofree char *old_name = g_strdup_printf (_ ("%s, version %d"), diff->label, old_no);
  g_autofree char *new_name = g_strdup_printf (_ ("%s, version %d"), diff->label, new_no);
  GtkWidget *old_view = diff_view (diff->segments, LC_DIFF_DELETE, old_name);
  GtkWidget *new_view = diff_view (diff->segments, LC_DIFF_INSERT, new_name);
  GtkWidget *old_frame = diff_scroller (old_view);
  GtkWidget *new_frame = diff_scroller (new_view);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), old_frame);
  gtk_box_append (GTK_BOX (sides), new_frame);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), sides);
  gtk_box_append (self->fields_box, box);
  g_ptr_array_add (self->field_views, old_view);
  g_ptr_array_add (self->field_views, new_view);
  g_ptr_array_add (self->field_labels, g_strdup (diff->label));
}

static char *
version_heading (const LcQuestion *version)
{
  g_autofree char *date = version_date (version);

  /* Translators: above the texts of one version: its number, date and author */
  return g_strdup_printf (_ ("Version %d, %s, by %s"), version->version_no, date, version_author (version));
}

static void
refresh (LcQuestionHistoryDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autofree char *old_title = NULL;
  g_autofree char *new_title = NULL;
  g_autofree char *summary = NULL;
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);
  LcQuestion *old_version;
  LcQuestion *new_version;

  clear_fields (self);
  show_error (self, NULL);
  gtk_widget_set_visible (self->column_headings, FALSE);
  if (self->versions->len < 2)
    {
      gtk_label_set_text (self->summary_label, _ ("This question has only one version: there is nothing to compare."));
      return;
    }
  if (from >= self->versions->len || to >= self->versions->len)
    return;
  if ((old_version = full_version (self, from, &error)) == NULL
      || (new_version = full_version (self, to, &error)) == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      show_error (self, error->message);
      return;
    }
  fields = lc_question_diff (old_version, new_version);
  if (fields->len == 0)
    {
      if (from == to)
        /* Translators: %d is a version number */
        summary = g_strdup_printf (_ ("No differences: both sides are version %d."), old_version->version_no);
      else
        summary = g_strdup_printf (_ ("No differences: versions %d and %d have the same content."),
                                   old_version->version_no, new_version->version_no);
      gtk_label_set_text (self->summary_label, summary);
      return;
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field differs between version %d and version %d.",
                                          "%u fields differ between version %d and version %d.", fields->len),
                             fields->len, old_version->version_no, new_version->version_no);
  gtk_label_set_text (self->summary_label, summary);
  old_title = version_heading (old_version);
  new_title = version_heading (new_version);
  gtk_label_set_text (self->old_heading, old_title);
  gtk_label_set_text (self->new_heading, new_title);
  gtk_widget_set_visible (self->column_headings, TRUE);
  for (guint i = 0; i < fields->len; i++)
    add_field (self, g_ptr_array_index (fields, i), old_version->version_no, new_version->version_no);
}

static void
pickers_changed (LcQuestionHistoryDialog *self)
{
  if (self->syncing || self->versions == NULL)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->version_selection, gtk_drop_down_get_selected (self->to_dropdown));
  self->syncing = FALSE;
  refresh (self);
}

/* Choosing a version in the list compares it with the one before it. */
static void
version_selected (LcQuestionHistoryDialog *self)
{
  guint selected = gtk_single_selection_get_selected (self->version_selection);

  if (self->syncing || self->versions == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, selected > 0 ? selected - 1 : 0);
  gtk_drop_down_set_selected (self->to_dropdown, selected);
  self->syncing = FALSE;
  refresh (self);
}

static void
lc_question_history_dialog_dispose (GObject *object)
{
  LcQuestionHistoryDialog *self = LC_QUESTION_HISTORY_DIALOG (object);

  if (self->version_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->version_selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_QUESTION_HISTORY_DIALOG);
  g_clear_pointer (&self->field_views, g_ptr_array_unref);
  g_clear_pointer (&self->field_labels, g_ptr_array_unref);
  g_clear_object (&self->version_selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->version_names);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->full, g_ptr_array_unref);
  g_clear_pointer (&self->uid, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_question_history_dialog_parent_class)->dispose (object);
}

static void
lc_question_history_dialog_class_init (LcQuestionHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_question_history_dialog_dispose;

  g_type_ensure (LC_TYPE_HISTORY_VERSION);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-question-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, question_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, version_view);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, column_headings);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, old_heading);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, new_heading);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, fields_box);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionHistoryDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, pickers_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_question_history_dialog_init (LcQuestionHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  self->field_views = g_ptr_array_new ();
  self->field_labels = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_list_store_new (LC_TYPE_HISTORY_VERSION);
  self->version_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->version_selection, FALSE);
  self->version_names = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->version_view, GTK_SELECTION_MODEL (self->version_selection));
  g_signal_connect_swapped (self->version_selection, "notify::selected", G_CALLBACK (version_selected), self);
}

LcQuestionHistoryDialog *
lc_question_history_dialog_new (GtkWindow *parent, LcSession *session, const char *uid, GError **error)
{
  g_autoptr (GPtrArray) versions = NULL;
  LcQuestionHistoryDialog *self;
  const LcQuestion *newest;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read before the window exists, so that a refusal leaves nothing to destroy. */
  if ((versions = lc_bank_list_versions (session, uid, error)) == NULL)
    return NULL;

  self = g_object_new (LC_TYPE_QUESTION_HISTORY_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->session = g_object_ref (session);
  self->uid = g_strdup (uid);
  n = versions->len;
  newest = g_ptr_array_index (versions, n - 1);
  gtk_label_set_text (self->question_label, newest->stem);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->question_label), uid);
  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const LcQuestion *version = g_ptr_array_index (versions, i);
      g_autoptr (LcHistoryVersion) row = lc_history_version_new (version);
      g_autofree char *date = version_date (version);
      /* Translators: a version in the pickers: its number and date */
      g_autofree char *name = g_strdup_printf (_ ("Version %d (%s)"), version->version_no, date);

      g_list_store_append (self->rows, row);
      gtk_string_list_append (self->version_names, name);
    }
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (self->version_names));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (self->version_names));
  gtk_drop_down_set_selected (self->from_dropdown, n >= 2 ? n - 2 : 0);
  gtk_drop_down_set_selected (self->to_dropdown, n - 1);
  gtk_single_selection_set_selected (self->version_selection, n - 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_dropdown), n >= 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_dropdown), n >= 2);
  self->full = g_ptr_array_new_full (n, (GDestroyNotify) lc_question_free);
  g_ptr_array_set_size (self->full, n);
  self->versions = g_steal_pointer (&versions);
  self->syncing = FALSE;
  refresh (self);
  return self;
}

/* For the tests ------------------------------------------------------------- */

guint
_lc_question_history_dialog_get_n_versions (LcQuestionHistoryDialog *self)
{
  g_return_val_if_fail (LC_IS_QUESTION_HISTORY_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

void
_lc_question_history_dialog_compare (LcQuestionHistoryDialog *self, int from_no, int to_no)
{
  g_return_if_fail (LC_IS_QUESTION_HISTORY_DIALOG (self));
  g_return_if_fail (from_no >= 1 && (guint) from_no <= self->versions->len);
  g_return_if_fail (to_no >= 1 && (guint) to_no <= self->versions->len);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, (guint) from_no - 1);
  self->syncing = FALSE;
  /* The second change refreshes, and moves the list's selection along. */
  if (gtk_drop_down_get_selected (self->to_dropdown) == (guint) to_no - 1)
    pickers_changed (self);
  else
    gtk_drop_down_set_selected (self->to_dropdown, (guint) to_no - 1);
}

guint
_lc_question_history_dialog_get_n_fields (LcQuestionHistoryDialog *self)
{
  g_return_val_if_fail (LC_IS_QUESTION_HISTORY_DIALOG (self), 0);
  return self->field_labels->len;
}

const char *
_lc_question_history_dialog_get_field_label (LcQuestionHistoryDialog *self, guint i)
{
  g_return_val_if_fail (LC_IS_QUESTION_HISTORY_DIALOG (self), NULL);
  g_return_val_if_fail (i < self->field_labels->len, NULL);
  return g_ptr_array_index (self->field_labels, i);
}

GtkTextView *
_lc_question_history_dialog_get_field_view (LcQuestionHistoryDialog *self, guint i, gboolean new_side)
{
  g_return_val_if_fail (LC_IS_QUESTION_HISTORY_DIALOG (self), NULL);
  g_return_val_if_fail (i < self->field_labels->len, NULL);
  return g_ptr_array_index (self->field_views, 2 * i + (new_side ? 1 : 0));
}
