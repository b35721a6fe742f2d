/* lc-exam-dialog.c: define an exam and its blueprint. */
#define G_LOG_DOMAIN "lc-exam-dialog"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-bank.h"
#include "lc-department-item.h"
#include "lc-exam-dialog-private.h"
#include "lc-i18n.h"
#include "lc-paper-dialog.h"
#include "lc-units.h"

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcExamDialog, lc_exam_dialog, GTK_TYPE_WINDOW)

static void form_changed (LcExamDialog *self);

static void
section_row_free (LcSectionRow *row)
{
  g_free (row->title);
  g_free (row);
}

/* Times ---------------------------------------------------------------------- */

char *
lc_exam_format_time (gint64 instant)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

gboolean
lc_exam_parse_time (const char *text, gint64 *instant)
{
  int year, month, day, hour, minute, second = 0, consumed = 0, more = 0;
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GDateTime) time = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (instant != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  if (sscanf (stripped, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &consumed) != 5)
    return FALSE;
  if (stripped[consumed] == ':')
    {
      if (sscanf (stripped + consumed, ":%2d%n", &second, &more) != 1)
        return FALSE;
      consumed += more;
    }
  if (stripped[consumed] != '\0' || hour > 23 || minute > 59 || second > 59)
    return FALSE;
  zone = g_time_zone_new_local ();
  time = g_date_time_new (zone, year, month, day, hour, minute, second);
  if (time == NULL)
    return FALSE;
  *instant = g_date_time_to_unix (time);
  return TRUE;
}

/* Reading the form ------------------------------------------------------------ */

static gint64
spin_hundredths (GtkSpinButton *spin)
{
  return (gint64) (gtk_spin_button_get_value (spin) * 100.0 + 0.5);
}

static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static guint
selected (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

LcExam *
_lc_exam_dialog_read_form (LcExamDialog *self, const char **bad_field, GError **error)
{
  g_autoptr (LcExam) exam = lc_exam_new ();
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  g_autofree char *fields = NULL;

  if (self->original != NULL && !self->duplicate)
    {
      exam->id = self->original->id;
      exam->status = self->original->status;
      exam->n_attempts = self->original->n_attempts;
    }
  exam->title = entry_text (self->title_entry);
  exam->purpose = (LcExamPurpose) selected (self->purpose_dropdown);
  exam->field = entry_text (self->field_entry);
  exam->minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  exam->pass_score = spin_hundredths (self->pass_spin);
  exam->max_attempts = gtk_spin_button_get_value_as_int (self->attempts_spin);
  exam->multiple_policy = (LcMultiplePolicy) selected (self->multiple_dropdown);
  exam->review_policy = (LcReviewPolicy) selected (self->review_dropdown);
  exam->review_after_close = gtk_check_button_get_active (self->after_close_check);
  exam->overlap_share = gtk_spin_button_get_value_as_int (self->overlap_spin);
  exam->focus_loss_limit = gtk_spin_button_get_value_as_int (self->focus_spin);

  if (gtk_check_button_get_active (self->departments_check))
    for (guint i = 0; i < self->department_ids->len; i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->departments_list, (int) i);
        GtkWidget *check = gtk_list_box_row_get_child (row);

        if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
          g_array_append_val (exam->departments, g_array_index (self->department_ids, gint64, i));
      }
  fields = entry_text (self->fields_entry);
  if (fields != NULL)
    {
      /* Chinese input methods give full-width separators. */
      g_auto (GStrv) parts = g_regex_split_simple ("[;；,，、]", fields, 0, 0);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_ptr_array_add (exam->fields, g_strdup (parts[i]));
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      LcSectionRow *row = g_ptr_array_index (self->rows, i);
      guint category = selected (row->category);
      LcExamSection *section = lc_exam_add_section (
          exam, category < self->categories->len ? g_ptr_array_index (self->categories, category) : NULL,
          (LcQuestionType) selected (row->type), (guint) gtk_spin_button_get_value_as_int (row->count),
          spin_hundredths (row->points), (int) selected (row->difficulty_min) + 1,
          (int) selected (row->difficulty_max) + 1);

      section->title = g_strdup (row->title);
    }

  /* Last: a time that cannot be read is the one complaint shown. */
  opens = entry_text (self->opens_entry);
  closes = entry_text (self->closes_entry);
  if (opens == NULL || !lc_exam_parse_time (opens, &exam->opens_at))
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_INVALID,
                   _ ("Write the time the exam opens as a date and a time, such as %s."), "2026-06-01 09:00");
      if (bad_field != NULL)
        *bad_field = "opens_at";
      return NULL;
    }
  if (closes == NULL || !lc_exam_parse_time (closes, &exam->closes_at))
    {
      g_set_error (error, LC_EXAM_ERROR, LC_EXAM_ERROR_INVALID,
                   _ ("Write the time the exam closes as a date and a time, such as %s."), "2026-06-30 17:00");
      if (bad_field != NULL)
        *bad_field = "closes_at";
      return NULL;
    }
  return g_steal_pointer (&exam);
}

/* Checking ------------------------------------------------------------------- */

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

/* The control a bad_field of lc_exam_validate() is about. */
static GtkWidget *
control_for (LcExamDialog *self, const char *field)
{
  const struct
  {
    const char *field;
    GtkWidget *widget;
  } map[] = {
    { "title", GTK_WIDGET (self->title_entry) },
    { "purpose", GTK_WIDGET (self->purpose_dropdown) },
    { "field", GTK_WIDGET (self->field_entry) },
    { "opens_at", GTK_WIDGET (self->opens_entry) },
    { "closes_at", GTK_WIDGET (self->closes_entry) },
    { "minutes", GTK_WIDGET (self->minutes_spin) },
    { "pass_score", GTK_WIDGET (self->pass_spin) },
    { "max_attempts", GTK_WIDGET (self->attempts_spin) },
    { "overlap_share", GTK_WIDGET (self->overlap_spin) },
    { "focus_loss_limit", GTK_WIDGET (self->focus_spin) },
    { "departments", GTK_WIDGET (self->departments_list) },
    { "fields", GTK_WIDGET (self->fields_entry) },
    { "sections", GTK_WIDGET (self->sections_box) },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i].field, field) == 0)
      return map[i].widget;
  return NULL;
}

static void
show_availability (LcExamDialog *self, const LcExam *exam)
{
  g_autoptr (GArray) available = NULL;
  g_autoptr (GError) error = NULL;

  if (exam != NULL && !lc_exam_section_available (self->session, exam, &available, &error))
    g_warning ("counting the questions available: %s", error->message);
  for (guint i = 0; i < self->rows->len; i++)
    {
      LcSectionRow *row = g_ptr_array_index (self->rows, i);
      guint count = (guint) gtk_spin_button_get_value_as_int (row->count);
      gboolean known = available != NULL && i < available->len;
      guint n = known ? g_array_index (available, guint, i) : 0;
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;

      if (known)
        /* TRANSLATORS: the active questions of the bank that fit a blueprint section, 可用 13 道 */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u available", "%u available", n), n);
      gtk_label_set_text (row->available, text != NULL ? text : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->available), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text != NULL ? text : "", -1);
      if (known && n < count)
        /* TRANSLATORS: a blueprint section the bank cannot fill: 需要 20 道，题库中只有 13 道，差 7 道 */
        message = g_strdup_printf (_ ("Section %u needs %u questions; the bank has %u that fit, %u short."), i + 1,
                                   count, n, count - n);
      gtk_label_set_text (row->message, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (row->message), message != NULL);
      if (message != NULL)
        gtk_widget_add_css_class (row->box, "section-short");
      else
        gtk_widget_remove_css_class (row->box, "section-short");
      mark_invalid (GTK_WIDGET (row->count), message != NULL);
    }
}

static void
show_totals (LcExamDialog *self)
{
  g_autofree char *points = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  gint64 total = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LcSectionRow *row = g_ptr_array_index (self->rows, i);
      guint count = (guint) gtk_spin_button_get_value_as_int (row->count);

      n += count;
      total += (gint64) count * spin_hundredths (row->points);
    }
  points = lc_hundredths_format (total);
  /* TRANSLATORS: the blueprint's totals: 共 50 道题，满分 100 分 */
  text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u question, %s points in all", "%u questions, %s points in all", n), n, points);
  gtk_label_set_text (self->totals_label, text);
}

static void
validate (LcExamDialog *self)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->title_entry),  GTK_WIDGET (self->purpose_dropdown), GTK_WIDGET (self->field_entry),
    GTK_WIDGET (self->opens_entry),  GTK_WIDGET (self->closes_entry),     GTK_WIDGET (self->minutes_spin),
    GTK_WIDGET (self->pass_spin),    GTK_WIDGET (self->attempts_spin),    GTK_WIDGET (self->overlap_spin),
    GTK_WIDGET (self->focus_spin),   GTK_WIDGET (self->departments_list), GTK_WIDGET (self->fields_entry),
    GTK_WIDGET (self->sections_box),
  };
  g_autoptr (GError) error = NULL;
  const char *bad_field = NULL;
  g_autoptr (LcExam) exam = _lc_exam_dialog_read_form (self, &bad_field, &error);
  GtkWidget *culprit = NULL;
  gboolean valid;

  valid = exam != NULL && lc_exam_validate (self->session, exam, &bad_field, &error);
  /* An exam already sat keeps its blueprint: the bank is not asked again. */
  if (!valid && exam != NULL && exam->n_attempts > 0 && g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SHORTFALL))
    {
      valid = TRUE;
      g_clear_error (&error);
    }
  show_availability (self, exam);
  show_totals (self);
  /* The bank's shortfall is news about the bank, shown at once; the rest waits for a change. */
  if (!valid && (self->touched || g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SHORTFALL)))
    culprit = control_for (self, bad_field);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    mark_invalid (controls[i], controls[i] == culprit);
  gtk_label_set_text (self->error_label, culprit != NULL || (!valid && self->touched) ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), culprit != NULL || (!valid && self->touched));
  self->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam-dialog.save", valid);
}

static void
form_changed (LcExamDialog *self)
{
  if (self->building)
    return;
  self->touched = TRUE;
  validate (self);
}

static void
departments_toggled (LcExamDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->departments_list), gtk_check_button_get_active (self->departments_check));
  form_changed (self);
}

/* Sections -------------------------------------------------------------------- */

/* Names @widget for screen readers (and a button's tooltip), taking @name. */
static void
set_name (GtkWidget *widget, char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (GTK_IS_BUTTON (widget))
    gtk_widget_set_tooltip_text (widget, name);
  g_free (name);
}

static void
relabel_rows (LcExamDialog *self)
{
  gboolean locked = self->original != NULL && !self->duplicate && self->original->n_attempts > 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LcSectionRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      guint n = i + 1;

      gtk_label_set_text (row->number, number);
      set_name (GTK_WIDGET (row->category), g_strdup_printf (_ ("Section %u: category"), n));
      set_name (GTK_WIDGET (row->type), g_strdup_printf (_ ("Section %u: question type"), n));
      set_name (GTK_WIDGET (row->count), g_strdup_printf (_ ("Section %u: number of questions"), n));
      set_name (GTK_WIDGET (row->points), g_strdup_printf (_ ("Section %u: points each"), n));
      set_name (GTK_WIDGET (row->difficulty_min), g_strdup_printf (_ ("Section %u: lowest difficulty"), n));
      set_name (GTK_WIDGET (row->difficulty_max), g_strdup_printf (_ ("Section %u: highest difficulty"), n));
      set_name (GTK_WIDGET (row->up), g_strdup_printf (_ ("Move section %u up"), n));
      set_name (GTK_WIDGET (row->down), g_strdup_printf (_ ("Move section %u down"), n));
      set_name (GTK_WIDGET (row->remove), g_strdup_printf (_ ("Remove section %u"), n));
      gtk_widget_set_sensitive (GTK_WIDGET (row->up), !locked && i > 0);
      gtk_widget_set_sensitive (GTK_WIDGET (row->down), !locked && i + 1 < self->rows->len);
      gtk_widget_set_sensitive (GTK_WIDGET (row->remove), !locked);
    }
}

static guint
row_index (LcExamDialog *self, GtkWidget *button)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LcSectionRow *row = g_ptr_array_index (self->rows, i);

      if (GTK_WIDGET (row->up) == button || GTK_WIDGET (row->down) == button || GTK_WIDGET (row->remove) == button)
        return i;
    }
  g_assert_not_reached ();
}

static void
remove_clicked (GtkButton *button, LcExamDialog *self)
{
  guint i = row_index (self, GTK_WIDGET (button));
  LcSectionRow *row = g_ptr_array_index (self->rows, i);

  gtk_box_remove (self->sections_box, row->box);
  g_ptr_array_remove_index (self->rows, i);
  /* The focus goes to the section that took its place, or to Add Section. */
  if (self->rows->len > 0)
    gtk_widget_grab_focus (
        GTK_WIDGET (((LcSectionRow *) g_ptr_array_index (self->rows, MIN (i, self->rows->len - 1)))->category));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_section_button));
  relabel_rows (self);
  form_changed (self);
}

static void
move_row (LcExamDialog *self, guint from, guint to)
{
  LcSectionRow *row = g_ptr_array_steal_index (self->rows, from);
  LcSectionRow *before = to > 0 ? g_ptr_array_index (self->rows, to - 1) : NULL;

  g_ptr_array_insert (self->rows, (int) to, row);
  gtk_box_reorder_child_after (self->sections_box, row->box, before != NULL ? before->box : NULL);
  relabel_rows (self);
  form_changed (self);
}

static void
up_clicked (GtkButton *button, LcExamDialog *self)
{
  guint i = row_index (self, GTK_WIDGET (button));

  if (i > 0)
    move_row (self, i, i - 1);
  /* The button may be insensitive now: the focus follows the section. */
  gtk_widget_grab_focus (GTK_WIDGET (((LcSectionRow *) g_ptr_array_index (self->rows, MAX (i, 1) - 1))->up));
}

static void
down_clicked (GtkButton *button, LcExamDialog *self)
{
  guint i = row_index (self, GTK_WIDGET (button));

  if (i + 1 < self->rows->len)
    move_row (self, i, i + 1);
  gtk_widget_grab_focus (
      GTK_WIDGET (((LcSectionRow *) g_ptr_array_index (self->rows, MIN (i + 1, self->rows->len - 1)))->down));
}

static GtkSpinButton *
new_spin (double lower, double upper, double value, double step, guint digits, int width)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, step));

  gtk_spin_button_set_digits (spin, digits);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_spin_button_set_value (spin, value);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), width);
  return spin;
}

static GtkButton *
new_icon_button (const char *icon)
{
  GtkButton *button = GTK_BUTTON (gtk_button_new_from_icon_name (icon));

  gtk_widget_set_valign (GTK_WIDGET (button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (button), "flat");
  return button;
}

static GtkDropDown *
new_category_dropdown (LcExamDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkDropDown *dropdown;

  for (guint i = 0; i < self->categories->len; i++)
    {
      const char *path = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (names, path != NULL ? path : _ ("The whole bank"));
    }
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_expression (dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  return dropdown;
}

static LcSectionRow *
add_row (LcExamDialog *self, const LcExamSection *section)
{
  LcSectionRow *row = g_new0 (LcSectionRow, 1);
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dash = gtk_label_new ("–");
  const char *const difficulties[] = { "1", "2", "3", "4", "5", NULL };

  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (row->box, "blueprint-section");
  row->number = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (row->number, 3);
  gtk_label_set_xalign (row->number, 1);
  row->category = new_category_dropdown (self);
  gtk_widget_set_hexpand (GTK_WIDGET (row->category), TRUE);
  for (int type = LC_QUESTION_SINGLE; type <= LC_QUESTION_ESSAY; type++)
    gtk_string_list_append (types, lc_question_type_display_name (type));
  row->type = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&types)), NULL));
  row->count = new_spin (1, 500, 10, 1, 0, 3);
  row->points = new_spin (0.5, 100, 1, 0.5, 1, 4);
  row->difficulty_min = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (difficulties));
  row->difficulty_max = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (difficulties));
  gtk_drop_down_set_selected (row->difficulty_max, 4);
  row->available = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (row->available, 9);
  gtk_label_set_xalign (row->available, 0);
  row->up = new_icon_button ("go-up-symbolic");
  row->down = new_icon_button ("go-down-symbolic");
  row->remove = new_icon_button ("list-remove-symbolic");
  row->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->message, 0);
  gtk_label_set_wrap (row->message, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (row->message), 36);
  gtk_widget_add_css_class (GTK_WIDGET (row->message), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->message), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_visible (GTK_WIDGET (row->message), FALSE);

  if (section != NULL)
    {
      gtk_drop_down_set_selected (row->type, section->type);
      gtk_spin_button_set_value (row->count, section->count);
      gtk_spin_button_set_value (row->points, (double) section->points / 100.0);
      gtk_drop_down_set_selected (row->difficulty_min, (guint) CLAMP (section->difficulty_min, 1, 5) - 1);
      gtk_drop_down_set_selected (row->difficulty_max, (guint) CLAMP (section->difficulty_max, 1, 5) - 1);
      row->title = g_strdup (section->title);
    }

  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->number));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->category));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->type));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->count));
  /* TRANSLATORS: between a section's count and its points each: 10 道 × 1.5 分/题 */
  gtk_box_append (GTK_BOX (line), gtk_label_new (_ ("questions ×")));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->points));
  /* TRANSLATORS: after the points of each question of a section: 1.5 分/题 */
  gtk_box_append (GTK_BOX (line), gtk_label_new (_ ("points each")));
  gtk_box_append (GTK_BOX (line), gtk_label_new (_ ("difficulty")));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->difficulty_min));
  gtk_box_append (GTK_BOX (line), dash);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->difficulty_max));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->available));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->up));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->down));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->remove));
  gtk_box_append (GTK_BOX (row->box), line);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->message));
  gtk_box_append (self->sections_box, row->box);
  g_ptr_array_add (self->rows, row);
  if (section != NULL && !_lc_exam_dialog_set_category (self, row, section->category))
    {
      /* A category gone from the bank since: offered, so the section reads as stored. */
      g_ptr_array_add (self->categories, g_strdup (section->category));
      gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (row->category)), section->category);
      gtk_drop_down_set_selected (row->category, self->categories->len - 1);
    }

  g_signal_connect_object (row->category, "notify::selected", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->type, "notify::selected", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->count, "value-changed", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->points, "value-changed", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->difficulty_min, "notify::selected", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->difficulty_max, "notify::selected", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->up, "clicked", G_CALLBACK (up_clicked), self, 0);
  g_signal_connect_object (row->down, "clicked", G_CALLBACK (down_clicked), self, 0);
  g_signal_connect_object (row->remove, "clicked", G_CALLBACK (remove_clicked), self, 0);
  relabel_rows (self);
  return row;
}

gboolean
_lc_exam_dialog_set_category (LcExamDialog *self, LcSectionRow *row, const char *path)
{
  for (guint i = 0; i < self->categories->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->categories, i), path) == 0)
      {
        gtk_drop_down_set_selected (row->category, i);
        return TRUE;
      }
  return FALSE;
}

LcSectionRow *
_lc_exam_dialog_add_section (LcExamDialog *self)
{
  LcSectionRow *row = add_row (self, NULL);

  form_changed (self);
  return row;
}

static void
add_section_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamDialog *self = LC_EXAM_DIALOG (widget);
  LcSectionRow *row = _lc_exam_dialog_add_section (self);

  gtk_widget_grab_focus (GTK_WIDGET (row->category));
}

gboolean
_lc_exam_dialog_choose_department (LcExamDialog *self, gint64 department_id, gboolean chosen)
{
  for (guint i = 0; i < self->department_ids->len; i++)
    if (g_array_index (self->department_ids, gint64, i) == department_id)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->departments_list, (int) i);

        gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row)), chosen);
        return TRUE;
      }
  return FALSE;
}

/* Saving and previewing --------------------------------------------------------- */

gboolean
_lc_exam_dialog_save (LcExamDialog *self, gint64 *id, GError **error)
{
  g_autoptr (LcExam) exam = _lc_exam_dialog_read_form (self, NULL, error);

  if (exam == NULL)
    return FALSE;
  if (exam->id == 0)
    {
      exam->status = LC_EXAM_DRAFT;
      return lc_exam_create (self->session, exam, id, error);
    }
  if (!lc_exam_update (self->session, exam, error))
    return FALSE;
  *id = exam->id;
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamDialog *self = LC_EXAM_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (!_lc_exam_dialog_save (self, &id, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
preview_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamDialog *self = LC_EXAM_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  LcPaperDialog *dialog;

  if (self->original == NULL || self->duplicate)
    return;
  dialog = lc_paper_dialog_new_preview (GTK_WINDOW (self), self->session, self->original->id, &error);
  if (dialog == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class ------------------------------------------------------------------------ */

static void
lc_exam_dialog_dispose (GObject *object)
{
  LcExamDialog *self = LC_EXAM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_EXAM_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lc_exam_dialog_parent_class)->dispose (object);
}

static void
lc_exam_dialog_finalize (GObject *object)
{
  LcExamDialog *self = LC_EXAM_DIALOG (object);

  g_clear_pointer (&self->original, lc_exam_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);
  G_OBJECT_CLASS (lc_exam_dialog_parent_class)->finalize (object);
}

static void
lc_exam_dialog_class_init (LcExamDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_exam_dialog_dispose;
  object_class->finalize = lc_exam_dialog_finalize;

  /**
   * LcExamDialog::saved:
   * @id: the id of the exam saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-exam-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, purpose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, field_entry);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, opens_entry);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, closes_entry);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, pass_spin);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, attempts_spin);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, multiple_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, after_close_check);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, overlap_spin);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, focus_spin);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, eligibility_expander);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, departments_check);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, departments_list);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, fields_entry);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, totals_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, add_section_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, sections_box);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, departments_toggled);

  gtk_widget_class_install_action (widget_class, "exam-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "exam-dialog.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "exam-dialog.preview", NULL, preview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "exam-dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lc_exam_dialog_init (LcExamDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) section_row_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fill_dropdown (GtkDropDown *dropdown, guint n, const char *(*name) (int) )
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, name ((int) i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
}

static const char *
purpose_name (int i)
{
  return lc_exam_purpose_display_name ((LcExamPurpose) i);
}

static const char *
multiple_name (int i)
{
  return lc_multiple_policy_display_name ((LcMultiplePolicy) i);
}

static const char *
review_name (int i)
{
  return lc_review_policy_display_name ((LcReviewPolicy) i);
}

static void
load_choices (LcExamDialog *self, GError **error)
{
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GListStore) departments = NULL;

  fill_dropdown (self->purpose_dropdown, LC_EXAM_PRACTICE + 1, purpose_name);
  fill_dropdown (self->multiple_dropdown, LC_MULTIPLE_PARTIAL + 1, multiple_name);
  fill_dropdown (self->review_dropdown, LC_REVIEW_FULL + 1, review_name);

  g_ptr_array_add (self->categories, NULL);
  categories = lc_bank_list_categories (self->session, error);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    g_ptr_array_add (self->categories, g_strdup (((LcCategory *) g_ptr_array_index (categories, i))->path));

  departments = lc_department_item_load (self->session, NULL, categories != NULL ? error : NULL);
  for (guint i = 0; departments != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (departments)); i++)
    {
      g_autoptr (LcDepartmentItem) item = g_list_model_get_item (G_LIST_MODEL (departments), i);
      gint64 id = lc_department_item_get_id (item);
      GtkWidget *check = gtk_check_button_new_with_label (lc_department_item_get_label (item));

      g_signal_connect_object (check, "toggled", G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->departments_list, check);
      g_array_append_val (self->department_ids, id);
    }
}

static void
set_entry (GtkEntry *entry, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
load_exam (LcExamDialog *self, const LcExam *exam)
{
  g_autofree char *opens = lc_exam_format_time (exam->opens_at);
  g_autofree char *closes = lc_exam_format_time (exam->closes_at);
  g_autoptr (GString) fields = g_string_new (NULL);
  gboolean locked = !self->duplicate && exam->n_attempts > 0;

  if (self->duplicate)
    {
      /* TRANSLATORS: the title of a duplicated exam; %s is the original's */
      g_autofree char *title = g_strdup_printf (_ ("%s (copy)"), exam->title);

      set_entry (self->title_entry, title);
    }
  else
    set_entry (self->title_entry, exam->title);
  gtk_drop_down_set_selected (self->purpose_dropdown, exam->purpose);
  set_entry (self->field_entry, exam->field);
  set_entry (self->opens_entry, opens);
  set_entry (self->closes_entry, closes);
  gtk_spin_button_set_value (self->minutes_spin, exam->minutes);
  gtk_spin_button_set_value (self->pass_spin, (double) exam->pass_score / 100.0);
  gtk_spin_button_set_value (self->attempts_spin, exam->max_attempts);
  gtk_drop_down_set_selected (self->multiple_dropdown, exam->multiple_policy);
  gtk_drop_down_set_selected (self->review_dropdown, exam->review_policy);
  gtk_check_button_set_active (self->after_close_check, exam->review_after_close);
  gtk_spin_button_set_value (self->overlap_spin, exam->overlap_share);
  gtk_spin_button_set_value (self->focus_spin, exam->focus_loss_limit);
  gtk_check_button_set_active (self->departments_check, exam->departments->len > 0);
  for (guint i = 0; i < exam->departments->len; i++)
    _lc_exam_dialog_choose_department (self, g_array_index (exam->departments, gint64, i), TRUE);
  for (guint i = 0; i < exam->fields->len; i++)
    g_string_append_printf (fields, "%s%s", i > 0 ? "; " : "", (char *) g_ptr_array_index (exam->fields, i));
  set_entry (self->fields_entry, fields->str);
  /* Folded when everybody may sit: the blueprint needs the room. */
  gtk_expander_set_expanded (self->eligibility_expander, exam->departments->len > 0 || exam->fields->len > 0);
  for (guint i = 0; i < exam->sections->len; i++)
    add_row (self, g_ptr_array_index (exam->sections, i));

  /* What an attempt was graded by stays as it was (lc_exam_update()). */
  if (locked)
    {
      GtkWidget *fixed[] = {
        GTK_WIDGET (self->purpose_dropdown),   GTK_WIDGET (self->pass_spin),    GTK_WIDGET (self->multiple_dropdown),
        GTK_WIDGET (self->add_section_button), GTK_WIDGET (self->sections_box),
      };

      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        gtk_widget_set_sensitive (fixed[i], FALSE);
    }
}

LcExamDialog *
lc_exam_dialog_new (GtkWindow *parent, LcSession *session, gint64 exam_id, gboolean duplicate, GError **error)
{
  g_autoptr (LcExam) original = NULL;
  g_autoptr (GError) load_error = NULL;
  LcExamDialog *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  if (exam_id != 0 && (original = lc_exam_get (session, exam_id, error)) == NULL)
    return NULL;
  title = exam_id == 0 || duplicate ? _ ("New Exam") : _ ("Edit Exam");
  self = g_object_new (LC_TYPE_EXAM_DIALOG, "transient-for", parent, "title", title, NULL);
  self->building = TRUE;
  self->session = g_object_ref (session);
  self->original = g_steal_pointer (&original);
  self->duplicate = duplicate && self->original != NULL;
  load_choices (self, &load_error);

  if (self->original != NULL)
    load_exam (self, self->original);
  else
    {
      /* A new exam: a fortnight from tomorrow morning, the core's defaults otherwise. */
      g_autoptr (LcExam) defaults = lc_exam_new ();
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                           g_date_time_get_day_of_month (now), 9, 0, 0);
      g_autoptr (GDateTime) opens = g_date_time_add_days (today, 1);
      g_autoptr (GDateTime) closes = g_date_time_add_days (opens, 14);

      defaults->title = g_strdup ("");
      defaults->opens_at = g_date_time_to_unix (opens);
      defaults->closes_at = g_date_time_to_unix (closes) + 8 * 3600;
      defaults->minutes = 90;
      defaults->pass_score = 6000;
      load_exam (self, defaults);
      add_row (self, NULL);
    }
  if (self->original != NULL && !self->duplicate)
    {
      /* TRANSLATORS: the exam dialog's heading, with the exam's title */
      g_autofree char *heading = g_strdup_printf (_ ("Edit “%s”"), self->original->title);

      gtk_label_set_text (self->heading_label, heading);
      if (self->original->n_attempts > 0)
        {
          g_autofree char *more = g_strdup_printf (
              "%s\n%s", heading,
              _ ("Officers have sat this exam: its purpose, pass score, grading and blueprint stay as they were."));
          gtk_label_set_text (self->heading_label, more);
        }
    }
  else
    gtk_label_set_text (self->heading_label, _ ("New Exam"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->departments_list), gtk_check_button_get_active (self->departments_check));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam-dialog.preview", self->original != NULL && !self->duplicate);
  if (self->original == NULL || self->duplicate)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_button),
                                 _ ("Save the exam first: a sample paper is drawn from the saved blueprint"));

  g_signal_connect_object (self->purpose_dropdown, "notify::selected", G_CALLBACK (form_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->multiple_dropdown, "notify::selected", G_CALLBACK (form_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_dropdown, "notify::selected", G_CALLBACK (form_changed), self,
                           G_CONNECT_SWAPPED);

  /* Filling the form is not the user's doing: complaints wait for a change. */
  self->touched = self->original != NULL && !self->duplicate;
  self->building = FALSE;
  validate (self);
  if (load_error != NULL)
    {
      gtk_label_set_text (self->error_label, load_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_entry));
  return self;
}
