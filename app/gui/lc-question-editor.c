/* lc-question-editor.c: write a new question or a new version of one. */
#define G_LOG_DOMAIN "lc-question-editor"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-i18n.h"
#include "lc-law.h"
#include "lc-question-editor-private.h"

/* Choice options and fill-in answers beyond this many are not offered: the
 * letters A–H are what the exam window's keys choose. */
#define MAX_OPTIONS 8

typedef struct
{
  GtkWidget *row;
  GtkCheckButton *correct;
  GtkLabel *letter;
  GtkEntry *entry;
  GtkCheckButton *pinned;
  GtkButton *remove;
  int weight; /* a wrong option's own mark (negative marking), kept from the loaded version */
  char *feedback;
} OptionRow;

static void
option_row_free (OptionRow *row)
{
  g_free (row->feedback);
  g_free (row);
}

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcQuestionEditor, lc_question_editor, GTK_TYPE_WINDOW)

static LcQuestionType
form_type (LcQuestionEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? LC_QUESTION_SINGLE : (LcQuestionType) selected;
}

static gboolean
is_choice (LcQuestionType type)
{
  return type == LC_QUESTION_SINGLE || type == LC_QUESTION_MULTIPLE;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
text_or_null (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The chosen statute version, or NULL for none. */
static LcLawVersion *
form_law (LcQuestionEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->law_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->laws->len)
    return NULL;
  return g_ptr_array_index (self->laws, selected - 1);
}

LcQuestion *
_lc_question_editor_read_form (LcQuestionEditor *self)
{
  LcQuestionType type = form_type (self);
  LcQuestion *question = lc_question_new (type);
  LcLawVersion *law = form_law (self);

  if (self->original != NULL)
    {
      question->uid = g_strdup (self->original->uid);
      question->name = g_strdup (self->original->name);
      question->format = g_strdup (self->original->format);
      question->category = g_strdup (self->original->category);
    }
  else
    question->category =
        text_or_null (g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_entry)))));
  question->status = gtk_drop_down_get_selected (self->status_dropdown) == 0 ? LC_QUESTION_ACTIVE : LC_QUESTION_DRAFT;
  question->stem = buffer_text (self->stem_view);
  question->explanation = text_or_null (buffer_text (self->explanation_view));
  question->difficulty = gtk_spin_button_get_value_as_int (self->difficulty_spin);
  if (law != NULL)
    question->basis_ref = g_strdup_printf ("%s@%s#%d", law->slug, law->version_date,
                                           gtk_spin_button_get_value_as_int (self->article_spin));

  switch (type)
    {
    case LC_QUESTION_TRUEFALSE:
      lc_question_set_truefalse (question, gtk_check_button_get_active (self->true_button));
      /* GIFT keeps feedback for the right and the wrong answer: carry it over. */
      if (self->original != NULL && self->original->type == LC_QUESTION_TRUEFALSE)
        for (guint i = 0; i < 2; i++)
          {
            LcQuestionOption *old = g_ptr_array_index (self->original->options, i);
            LcQuestionOption *new = g_ptr_array_index (question->options, i);

            new->feedback = g_strdup (old->feedback);
          }
      break;
    case LC_QUESTION_ESSAY:
      question->model_answer = text_or_null (buffer_text (self->model_answer_view));
      break;
    case LC_QUESTION_SINGLE:
    case LC_QUESTION_MULTIPLE:
    case LC_QUESTION_FILL:
      for (guint i = 0; i < self->rows->len; i++)
        {
          OptionRow *row = g_ptr_array_index (self->rows, i);
          g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->entry))));
          gboolean correct = type == LC_QUESTION_FILL || gtk_check_button_get_active (row->correct);
          LcQuestionOption *option = lc_question_add_option (question, text, correct);

          option->pinned = type != LC_QUESTION_FILL && gtk_check_button_get_active (row->pinned);
          option->feedback = g_strdup (row->feedback);
          if (!correct)
            option->weight = MIN (row->weight, 0);
        }
      /* A trainer never deals in percentages: the right options share the mark. */
      lc_question_share_weights (question);
      break;
    default:
      g_assert_not_reached ();
    }
  return question;
}

/* Checking ------------------------------------------------------------------ */

/* The control a complaint of the core is about. */
static GtkWidget *
culprit_for (LcQuestionEditor *self, const GError *error)
{
  if (error->domain == LC_LAW_ERROR)
    return GTK_WIDGET (self->article_spin);
  if (error->domain != LC_BANK_ERROR)
    return NULL;
  switch (error->code)
    {
    case LC_BANK_ERROR_EMPTY_STEM:
      return GTK_WIDGET (self->stem_view);
    case LC_BANK_ERROR_DIFFICULTY:
      return GTK_WIDGET (self->difficulty_spin);
    case LC_BANK_ERROR_CATEGORY:
      return GTK_WIDGET (self->category_entry);
    case LC_BANK_ERROR_NO_OPTIONS:
    case LC_BANK_ERROR_EMPTY_OPTION:
    case LC_BANK_ERROR_DUPLICATE_OPTION:
    case LC_BANK_ERROR_SINGLE_NOT_ONE:
    case LC_BANK_ERROR_MULTIPLE_TOO_FEW:
    case LC_BANK_ERROR_WEIGHT:
      return GTK_WIDGET (self->options_box);
    case LC_BANK_ERROR_ESSAY_OPTIONS:
      return GTK_WIDGET (self->model_answer_view);
    default:
      return NULL;
    }
}

static void
mark_invalid (GtkWidget *widget, gboolean invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows the cited article's text under the basis, or why there is none. */
static gboolean
check_basis (LcQuestionEditor *self, const LcQuestion *question, GError **error)
{
  g_autoptr (LcArticle) article = NULL;
  g_autofree char *shown = NULL;

  if (question->basis_ref == NULL)
    {
      gtk_label_set_text (self->basis_text_label, _ ("No legal basis is cited."));
      return TRUE;
    }
  article = lc_law_find_article (self->session, question->basis_ref, error);
  if (article == NULL)
    {
      gtk_label_set_text (self->basis_text_label, "");
      return FALSE;
    }
  shown = g_strdup_printf ("%s %s", article->label, article->text);
  gtk_label_set_text (self->basis_text_label, shown);
  return TRUE;
}

static void
validate (LcQuestionEditor *self)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->stem_view),   GTK_WIDGET (self->difficulty_spin), GTK_WIDGET (self->category_entry),
    GTK_WIDGET (self->options_box), GTK_WIDGET (self->article_spin),    GTK_WIDGET (self->model_answer_view),
  };
  g_autoptr (LcQuestion) question = _lc_question_editor_read_form (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) basis_error = NULL;
  GtkWidget *culprit = NULL;
  gboolean valid;

  /* The article's text shows whatever else is wrong: it is what the question is written from. */
  valid = check_basis (self, question, &basis_error);
  valid = lc_question_validate (question, &error) && valid;
  if (error == NULL && basis_error != NULL)
    error = g_steal_pointer (&basis_error);
  if (!valid && self->touched)
    culprit = culprit_for (self, error);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    mark_invalid (controls[i], controls[i] == culprit);

  gtk_label_set_text (self->error_label, !valid && self->touched ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid && self->touched);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
}

static void
form_changed (LcQuestionEditor *self)
{
  if (self->building)
    return;
  self->touched = TRUE;
  validate (self);
}

/* Options ------------------------------------------------------------------- */

static void
relabel_rows (LcQuestionEditor *self)
{
  LcQuestionType type = form_type (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      OptionRow *row = g_ptr_array_index (self->rows, i);
      char letter = (char) ('A' + i);
      g_autofree char *letter_text = g_strdup_printf ("%c.", letter);
      g_autofree char *entry_name = type == LC_QUESTION_FILL ? g_strdup_printf (_ ("Accepted answer %u"), i + 1)
                                                             : g_strdup_printf (_ ("Option %c"), letter);
      g_autofree char *correct_name = g_strdup_printf (_ ("Option %c is right"), letter);
      g_autofree char *pinned_name = g_strdup_printf (_ ("Keep option %c in place when shuffled"), letter);
      g_autofree char *remove_name = type == LC_QUESTION_FILL ? g_strdup_printf (_ ("Remove accepted answer %u"), i + 1)
                                                              : g_strdup_printf (_ ("Remove option %c"), letter);

      gtk_label_set_text (row->letter, type == LC_QUESTION_FILL ? "•" : letter_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->correct), GTK_ACCESSIBLE_PROPERTY_LABEL, correct_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->pinned), GTK_ACCESSIBLE_PROPERTY_LABEL, pinned_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->remove), remove_name);
      gtk_widget_set_visible (GTK_WIDGET (row->correct), type != LC_QUESTION_FILL);
      gtk_widget_set_visible (GTK_WIDGET (row->pinned), type != LC_QUESTION_FILL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-option", self->rows->len < MAX_OPTIONS);
}

static void
correct_toggled (GtkCheckButton *button, LcQuestionEditor *self)
{
  /* One right answer in a single-choice question: ticking one unticks the others. */
  if (!self->building && form_type (self) == LC_QUESTION_SINGLE && gtk_check_button_get_active (button))
    {
      self->building = TRUE;
      for (guint i = 0; i < self->rows->len; i++)
        {
          OptionRow *row = g_ptr_array_index (self->rows, i);

          if (row->correct != button)
            gtk_check_button_set_active (row->correct, FALSE);
        }
      self->building = FALSE;
    }
  form_changed (self);
}

static void
remove_clicked (GtkButton *button, LcQuestionEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      OptionRow *row = g_ptr_array_index (self->rows, i);

      if (row->remove != button)
        continue;
      gtk_box_remove (self->options_box, row->row);
      g_ptr_array_remove_index (self->rows, i);
      /* The focus goes to the option that took its place, or the last one. */
      if (self->rows->len > 0)
        gtk_widget_grab_focus (
            GTK_WIDGET (((OptionRow *) g_ptr_array_index (self->rows, MIN (i, self->rows->len - 1)))->entry));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->add_option_button));
      break;
    }
  relabel_rows (self);
  form_changed (self);
}

static OptionRow *
add_row (LcQuestionEditor *self, const LcQuestionOption *option)
{
  OptionRow *row = g_new0 (OptionRow, 1);

  row->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  row->correct = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->correct), _ ("The right answer"));
  row->letter = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (row->letter, 2);
  gtk_label_set_xalign (row->letter, 0);
  row->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (row->entry), TRUE);
  gtk_entry_set_activates_default (row->entry, TRUE);
  row->pinned = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_ ("Pinned")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->pinned),
                               _ ("Stays last when the options are shuffled, as “all of the above” must"));
  row->remove = GTK_BUTTON (gtk_button_new_from_icon_name ("list-remove-symbolic"));
  /* Centred against the taller entry beside them. */
  gtk_widget_set_valign (GTK_WIDGET (row->correct), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (row->pinned), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (row->remove), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->correct));
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->letter));
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->entry));
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->pinned));
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->remove));
  if (option != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (row->entry), option->text);
      gtk_check_button_set_active (row->correct, option->correct);
      gtk_check_button_set_active (row->pinned, option->pinned);
      row->weight = option->weight;
      row->feedback = g_strdup (option->feedback);
    }
  g_signal_connect_object (row->correct, "toggled", G_CALLBACK (correct_toggled), self, 0);
  g_signal_connect_object (row->pinned, "toggled", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->entry, "changed", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->remove, "clicked", G_CALLBACK (remove_clicked), self, 0);
  gtk_box_append (self->options_box, row->row);
  g_ptr_array_add (self->rows, row);
  relabel_rows (self);
  return row;
}

static void
add_option_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcQuestionEditor *self = LC_QUESTION_EDITOR (widget);
  OptionRow *row;

  if (self->rows->len >= MAX_OPTIONS)
    return;
  row = add_row (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (row->entry));
  form_changed (self);
}

/* Types --------------------------------------------------------------------- */

/* Shows the answer part the type needs, and names it for the mnemonic. */
static void
show_answer_part (LcQuestionEditor *self)
{
  LcQuestionType type = form_type (self);
  const char *page = "options";
  const char *label = _ ("_Options");
  const char *hint = "";
  GtkWidget *target = GTK_WIDGET (self->add_option_button);

  switch (type)
    {
    case LC_QUESTION_SINGLE:
      hint = _ ("Tick the one right option. Pinned options stay last when the options are shuffled.");
      break;
    case LC_QUESTION_MULTIPLE:
      hint = _ ("Tick every right option, at least two. Pinned options stay last when the options are shuffled.");
      break;
    case LC_QUESTION_FILL:
      label = _ ("_Accepted answers");
      hint = _ ("Every answer listed here is marked right; spaces and full-width forms are ignored in grading.");
      break;
    case LC_QUESTION_TRUEFALSE:
      page = "truefalse";
      label = _ ("_Answer");
      target = GTK_WIDGET (self->true_button);
      break;
    case LC_QUESTION_ESSAY:
      page = "essay";
      label = _ ("_Model answer");
      target = GTK_WIDGET (self->model_answer_view);
      break;
    default:
      g_assert_not_reached ();
    }
  if (page[0] == 'o' && self->rows->len > 0)
    target = GTK_WIDGET (((OptionRow *) g_ptr_array_index (self->rows, 0))->entry);
  gtk_stack_set_visible_child_name (self->answer_stack, page);
  gtk_label_set_text_with_mnemonic (self->options_label, label);
  gtk_label_set_mnemonic_widget (self->options_label, target);
  gtk_label_set_text (self->options_hint, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->options_hint), hint[0] != '\0');
  relabel_rows (self);
}

static void
type_changed (LcQuestionEditor *self)
{
  LcQuestionType type = form_type (self);

  /* A choice question needs room for its options from the start. */
  while (is_choice (type) && self->rows->len < 4)
    add_row (self, NULL);
  /* A fill-in question usually has one answer: blank rows left over from a choice go. */
  while (type == LC_QUESTION_FILL && self->rows->len > 1)
    {
      OptionRow *last = g_ptr_array_index (self->rows, self->rows->len - 1);

      if (gtk_entry_get_text_length (last->entry) > 0)
        break;
      gtk_box_remove (self->options_box, last->row);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
  if (type == LC_QUESTION_FILL && self->rows->len == 0)
    add_row (self, NULL);
  /* Going from multiple to single choice keeps the first right option only. */
  if (type == LC_QUESTION_SINGLE)
    {
      gboolean seen = FALSE, building = self->building;

      self->building = TRUE;
      for (guint i = 0; i < self->rows->len; i++)
        {
          OptionRow *row = g_ptr_array_index (self->rows, i);

          if (gtk_check_button_get_active (row->correct) && seen)
            gtk_check_button_set_active (row->correct, FALSE);
          seen = seen || gtk_check_button_get_active (row->correct);
        }
      self->building = building;
    }
  show_answer_part (self);
  form_changed (self);
}

/* Saving -------------------------------------------------------------------- */

gboolean
_lc_question_editor_save (LcQuestionEditor *self, char **uid, GError **error)
{
  g_autoptr (LcQuestion) question = _lc_question_editor_read_form (self);
  gboolean new_version = FALSE;

  if (!lc_question_validate (question, error) || !check_basis (self, question, error))
    return FALSE;
  if (self->original == NULL)
    return lc_bank_add_question (self->session, question, uid, error);
  if (!lc_bank_edit_question (self->session, self->original->uid, question, &new_version, error))
    return FALSE;
  *uid = g_strdup (self->original->uid);
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcQuestionEditor *self = LC_QUESTION_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;

  if (!_lc_question_editor_save (self, &uid, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, uid);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Class --------------------------------------------------------------------- */

static void
lc_question_editor_dispose (GObject *object)
{
  LcQuestionEditor *self = LC_QUESTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_QUESTION_EDITOR);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lc_question_editor_parent_class)->dispose (object);
}

static void
lc_question_editor_finalize (GObject *object)
{
  LcQuestionEditor *self = LC_QUESTION_EDITOR (object);

  g_clear_pointer (&self->original, lc_question_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->laws, g_ptr_array_unref);
  G_OBJECT_CLASS (lc_question_editor_parent_class)->finalize (object);
}

static void
lc_question_editor_class_init (LcQuestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_question_editor_dispose;
  object_class->finalize = lc_question_editor_finalize;

  /**
   * LcQuestionEditor::saved:
   * @uid: the uid of the question written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-question-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, difficulty_spin);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, category_entry);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, stem_view);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, options_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, options_hint);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, options_box);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, add_option_button);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, true_button);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, false_button);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, model_answer_view);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, law_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, article_spin);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, basis_text_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcQuestionEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-option", NULL, add_option_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_question_editor_init (LcQuestionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) option_row_free);
}

static void
set_buffer_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* The statute versions, newest law versions first within a law, "none" first. */
static void
load_laws (LcQuestionEditor *self, GError **error)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _ ("No legal basis"));
  self->laws = lc_law_list_versions (self->session, NULL, error);
  if (self->laws == NULL)
    self->laws = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_law_version_free);
  for (guint i = 0; i < self->laws->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (self->laws, i);
      /* TRANSLATORS: a statute and the date of its version, 中华人民共和国行政处罚法（2021-01-22） */
      g_autofree char *name = g_strdup_printf (_ ("%s (%s)"), version->title, version->version_date);

      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->law_dropdown, G_LIST_MODEL (names));
}

static void
select_basis (LcQuestionEditor *self, const char *reference)
{
  g_autofree char *slug = NULL;
  g_autofree char *date = NULL;
  int article = 0;

  if (reference == NULL || !lc_law_parse_reference (reference, &slug, &date, &article, NULL))
    return;
  for (guint i = 0; i < self->laws->len; i++)
    {
      LcLawVersion *version = g_ptr_array_index (self->laws, i);

      if (g_strcmp0 (version->slug, slug) == 0 && g_strcmp0 (version->version_date, date) == 0)
        {
          gtk_drop_down_set_selected (self->law_dropdown, i + 1);
          gtk_spin_button_set_value (self->article_spin, article);
          return;
        }
    }
}

/* Fills the form with the question being edited. */
static void
load_question (LcQuestionEditor *self)
{
  const LcQuestion *question = self->original;
  /* TRANSLATORS: the editor's heading: the question's uid and the version the edit will make */
  g_autofree char *heading =
      g_strdup_printf (_ ("Edit Question %s: saving makes version %d"), question->uid, question->version_no + 1);

  gtk_label_set_text (self->heading_label, heading);
  /* Type, category and status belong to the question, not to a version:
   * they change elsewhere (Retire/Restore, import). */
  gtk_drop_down_set_selected (self->type_dropdown, question->type);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->category_entry), question->category != NULL ? question->category : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), FALSE);
  set_buffer_text (self->stem_view, question->stem);
  set_buffer_text (self->explanation_view, question->explanation);
  set_buffer_text (self->model_answer_view, question->model_answer);
  gtk_spin_button_set_value (self->difficulty_spin, question->difficulty);
  if (question->type == LC_QUESTION_TRUEFALSE && question->options->len == 2)
    gtk_check_button_set_active (((LcQuestionOption *) g_ptr_array_index (question->options, 0))->correct
                                     ? self->true_button
                                     : self->false_button,
                                 TRUE);
  else if (question->type != LC_QUESTION_ESSAY)
    for (guint i = 0; i < question->options->len; i++)
      add_row (self, g_ptr_array_index (question->options, i));
  select_basis (self, question->basis_ref);
}

LcQuestionEditor *
lc_question_editor_new (GtkWindow *parent, LcSession *session, const char *uid, const char *category, GError **error)
{
  g_autoptr (LcQuestion) original = NULL;
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr (GError) laws_error = NULL;
  LcQuestionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  if (uid != NULL && (original = lc_bank_get_question (session, uid, error)) == NULL)
    return NULL;
  self = g_object_new (LC_TYPE_QUESTION_EDITOR, "transient-for", parent, "title",
                       uid == NULL ? _ ("New Question") : _ ("Edit Question"), NULL);
  self->building = TRUE;
  self->session = g_object_ref (session);
  self->original = g_steal_pointer (&original);
  for (int type = LC_QUESTION_SINGLE; type <= LC_QUESTION_ESSAY; type++)
    gtk_string_list_append (types, lc_question_type_display_name (type));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  gtk_string_list_append (statuses, lc_question_status_display_name (LC_QUESTION_ACTIVE));
  gtk_string_list_append (statuses, lc_question_status_display_name (LC_QUESTION_DRAFT));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  load_laws (self, &laws_error);

  if (self->original == NULL)
    {
      gtk_label_set_text (self->heading_label, _ ("New Question"));
      gtk_editable_set_text (GTK_EDITABLE (self->category_entry), category != NULL ? category : "");
    }
  else
    load_question (self);
  type_changed (self);

  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (type_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->law_dropdown, "notify::selected", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->stem_view), "changed", G_CALLBACK (form_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->explanation_view), "changed", G_CALLBACK (form_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->model_answer_view), "changed", G_CALLBACK (form_changed),
                           self, G_CONNECT_SWAPPED);

  /* Filling the form is not the user's doing: complaints wait for a change. */
  self->touched = self->original != NULL;
  self->building = FALSE;
  validate (self);
  if (laws_error != NULL)
    {
      gtk_label_set_text (self->error_label, laws_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->original == NULL ? GTK_WIDGET (self->type_dropdown)
                                                                              : GTK_WIDGET (self->stem_view)));
  return self;
}
