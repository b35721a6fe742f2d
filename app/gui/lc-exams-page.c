/* lc-exams-page.c: the trainer's Exams page. */
#define G_LOG_DOMAIN "lc-exams-page"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-exam-dialog.h"
#include "lc-exams-page-private.h"
#include "lc-export-chooser.h"
#include "lc-grading-dialog.h"
#include "lc-i18n.h"
#ifdef LC_HAVE_REPORTS
#include "lc-report-exam.h"
#endif
#include "lc-paper-dialog.h"
#include "lc-people.h"
#include "lc-units.h"

/* Rows --------------------------------------------------------------------------- */

/* An exam of the list, with its pass rate counted over officers. */
#define LC_TYPE_EXAM_ROW (lc_exam_row_get_type ())
G_DECLARE_FINAL_TYPE (LcExamRow, lc_exam_row, LC, EXAM_ROW, GObject)

struct _LcExamRow
{
  GObject parent_instance;

  LcExam *exam;
  guint n_graded; /* officers with a graded attempt */
  guint n_passed; /* of them, those with a passing one */
};

G_DEFINE_FINAL_TYPE (LcExamRow, lc_exam_row, G_TYPE_OBJECT)

static void
lc_exam_row_finalize (GObject *object)
{
  g_clear_pointer (&LC_EXAM_ROW (object)->exam, lc_exam_free);
  G_OBJECT_CLASS (lc_exam_row_parent_class)->finalize (object);
}

static void
lc_exam_row_class_init (LcExamRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_exam_row_finalize;
}

static void
lc_exam_row_init (LcExamRow *self)
{
}

#define LC_TYPE_ATTEMPT_ROW (lc_attempt_row_get_type ())
G_DECLARE_FINAL_TYPE (LcAttemptRow, lc_attempt_row, LC, ATTEMPT_ROW, GObject)

/* An attempt of the chosen exam; the three lists share one read of them. */
struct _LcAttemptRow
{
  GObject parent_instance;

  LcAttempt *attempt; /* borrowed from @attempts */
  GPtrArray *attempts;
};

G_DEFINE_FINAL_TYPE (LcAttemptRow, lc_attempt_row, G_TYPE_OBJECT)

static void
lc_attempt_row_finalize (GObject *object)
{
  g_clear_pointer (&LC_ATTEMPT_ROW (object)->attempts, g_ptr_array_unref);
  G_OBJECT_CLASS (lc_attempt_row_parent_class)->finalize (object);
}

static void
lc_attempt_row_class_init (LcAttemptRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_attempt_row_finalize;
}

static void
lc_attempt_row_init (LcAttemptRow *self)
{
}

/* The page ------------------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (LcExamsPage, lc_exams_page, GTK_TYPE_WIDGET)

static void show_exam (LcExamsPage *self);

static void
show_error (LcExamsPage *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static LcExam *
chosen_exam (LcExamsPage *self)
{
  LcExamRow *row = gtk_single_selection_get_selected_item (self->exam_selection);

  return row != NULL ? row->exam : NULL;
}

gint64
lc_exams_page_get_exam_id (LcExamsPage *self)
{
  LcExam *exam;

  g_return_val_if_fail (LC_IS_EXAMS_PAGE (self), 0);
  exam = chosen_exam (self);
  return exam != NULL ? exam->id : 0;
}

static LcAttempt *
chosen_attempt (GtkSingleSelection *selection)
{
  LcAttemptRow *row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? row->attempt : NULL;
}

static gboolean
can_manage (LcExamsPage *self)
{
  return lc_session_can (self->session, LC_PERM_MANAGE_EXAMS);
}

static void
update_actions (LcExamsPage *self)
{
  LcExam *exam = chosen_exam (self);
  gboolean manage = can_manage (self);
  gboolean papers = manage || lc_session_can (self->session, LC_PERM_GRADE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.new", manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.edit", manage && exam != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.duplicate", manage && exam != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.publish",
                                 manage && exam != NULL && exam->status == LC_EXAM_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.delete", manage && exam != NULL && exam->n_attempts == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.preview", manage && exam != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.submit-overdue",
                                 manage && exam != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sitting)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.open-attempt",
                                 papers && chosen_attempt (self->results_selection) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.grade",
                                 lc_session_can (self->session, LC_PERM_GRADE)
                                     && chosen_attempt (self->grading_selection) != NULL);
#ifdef LC_HAVE_REPORTS
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.export-results", exam != NULL);
  /* Each officer's answer beside the key: the trainers' alone. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.export-answers", manage && exam != NULL);
#else
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.export-results", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exams.export-answers", FALSE);
#endif
}

/* Text of cells -------------------------------------------------------------------- */

typedef char *(*CellText) (LcExamsPage *self, gpointer row);

static char *
format_time_or_dash (gint64 instant)
{
  return instant > 0 ? lc_exam_format_time (instant) : g_strdup ("—");
}

static char *
exam_title (LcExamsPage *self, gpointer row)
{
  return g_strdup (LC_EXAM_ROW (row)->exam->title);
}

static char *
exam_purpose (LcExamsPage *self, gpointer row)
{
  return g_strdup (lc_exam_purpose_display_name (LC_EXAM_ROW (row)->exam->purpose));
}

static char *
exam_window (LcExamsPage *self, gpointer row)
{
  LcExam *exam = LC_EXAM_ROW (row)->exam;
  g_autofree char *opens = lc_exam_format_time (exam->opens_at);
  g_autofree char *closes = lc_exam_format_time (exam->closes_at);

  return g_strdup_printf ("%s – %s", opens, closes);
}

static char *
exam_status (LcExamsPage *self, gpointer row)
{
  return g_strdup (lc_exam_status_display_name (LC_EXAM_ROW (row)->exam->status));
}

static char *
exam_attempts (LcExamsPage *self, gpointer row)
{
  return g_strdup_printf ("%u", LC_EXAM_ROW (row)->exam->n_attempts);
}

static char *
exam_pass_rate (LcExamsPage *self, gpointer row)
{
  LcExamRow *exam_row = LC_EXAM_ROW (row);

  if (exam_row->n_graded == 0)
    return g_strdup ("—");
  /* TRANSLATORS: a pass rate: the share of officers graded who passed, and the numbers */
  return g_strdup_printf (_ ("%u%% (%u/%u)"), (exam_row->n_passed * 100 + exam_row->n_graded / 2) / exam_row->n_graded,
                          exam_row->n_passed, exam_row->n_graded);
}

static char *
attempt_officer (LcExamsPage *self, gpointer row)
{
  LcAttempt *attempt = LC_ATTEMPT_ROW (row)->attempt;

  return g_strdup_printf ("%s (%s)", attempt->officer_name != NULL ? attempt->officer_name : "",
                          attempt->staff_no != NULL ? attempt->staff_no : "");
}

static char *
attempt_department (LcExamsPage *self, gpointer row)
{
  LcAttempt *attempt = LC_ATTEMPT_ROW (row)->attempt;

  return g_strdup (attempt->department_name != NULL ? attempt->department_name : "");
}

static char *
attempt_no (LcExamsPage *self, gpointer row)
{
  LcAttempt *attempt = LC_ATTEMPT_ROW (row)->attempt;

  /* TRANSLATORS: the second attempt of an exam is the retake, 补考 */
  return attempt->no > 1 ? g_strdup_printf (_ ("%d (retake)"), attempt->no) : g_strdup_printf ("%d", attempt->no);
}

static char *
attempt_started (LcExamsPage *self, gpointer row)
{
  return format_time_or_dash (LC_ATTEMPT_ROW (row)->attempt->started_at);
}

static char *
attempt_deadline (LcExamsPage *self, gpointer row)
{
  return format_time_or_dash (LC_ATTEMPT_ROW (row)->attempt->deadline_at);
}

static char *
attempt_answered (LcExamsPage *self, gpointer row)
{
  LcAttempt *attempt = LC_ATTEMPT_ROW (row)->attempt;

  return g_strdup_printf ("%u / %u", attempt->n_answered, attempt->n_items);
}

static char *
attempt_focus (LcExamsPage *self, gpointer row)
{
  return g_strdup_printf ("%d", LC_ATTEMPT_ROW (row)->attempt->focus_losses);
}

static char *
attempt_state (LcExamsPage *self, gpointer row)
{
  return g_strdup (lc_attempt_state_display_name (LC_ATTEMPT_ROW (row)->attempt->state));
}

static char *
attempt_score (LcExamsPage *self, gpointer row)
{
  LcAttempt *attempt = LC_ATTEMPT_ROW (row)->attempt;

  return attempt->has_score ? lc_hundredths_format (attempt->score) : g_strdup ("—");
}

static char *
attempt_passed (LcExamsPage *self, gpointer row)
{
  LcAttempt *attempt = LC_ATTEMPT_ROW (row)->attempt;

  if (!attempt->has_score)
    return g_strdup ("—");
  return g_strdup (attempt->passed ? _ ("Passed") : _ ("Not passed"));
}

static char *
attempt_submitted (LcExamsPage *self, gpointer row)
{
  return format_time_or_dash (LC_ATTEMPT_ROW (row)->attempt->submitted_at);
}

static char *
attempt_submitted_by (LcExamsPage *self, gpointer row)
{
  const char *by = lc_submitted_by_display_name (LC_ATTEMPT_ROW (row)->attempt->submitted_by);

  return g_strdup (by != NULL && by[0] != '\0' ? by : "—");
}

static char *
attempt_ungraded (LcExamsPage *self, gpointer row)
{
  return g_strdup_printf ("%u", LC_ATTEMPT_ROW (row)->attempt->n_ungraded);
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, LcExamsPage *self)
{
  CellText text = g_object_get_data (G_OBJECT (factory), "lc-cell-text");
  g_autofree char *shown = text (self, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), shown);
}

static void
add_column (LcExamsPage *self, GtkColumnView *view, const char *title, CellText text, gboolean expand)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "lc-cell-text", text);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind), self, 0);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
}

char *
_lc_exams_page_cell_text (GtkColumnView *view, guint column, guint position)
{
  g_autoptr (GtkColumnViewColumn) view_column = g_list_model_get_item (gtk_column_view_get_columns (view), column);
  g_autoptr (GObject) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);
  GtkListItemFactory *factory;
  CellText text;
  LcExamsPage *self;

  if (view_column == NULL || row == NULL)
    return NULL;
  factory = gtk_column_view_column_get_factory (view_column);
  text = g_object_get_data (G_OBJECT (factory), "lc-cell-text");
  self = LC_EXAMS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (view), LC_TYPE_EXAMS_PAGE));
  return text (self, row);
}

/* Loading ----------------------------------------------------------------------------- */

static void
load_departments (LcExamsPage *self)
{
  g_autoptr (GPtrArray) departments = lc_people_list_departments (self->session, NULL);

  g_hash_table_remove_all (self->department_names);
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      LcDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (self->department_names, g_memdup2 (&department->id, sizeof (gint64)),
                           g_strdup (department->name));
    }
}

/* The officers with a graded attempt of each exam, and those who passed. */
static void
count_passes (GPtrArray *attempts, GHashTable *graded, GHashTable *passed)
{
  for (guint i = 0; i < attempts->len; i++)
    {
      LcAttempt *attempt = g_ptr_array_index (attempts, i);
      g_autofree char *key = NULL;

      if (attempt->state != LC_ATTEMPT_GRADED || !attempt->has_score)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, attempt->exam_id, attempt->officer_id);
      g_hash_table_add (graded, g_strdup (key));
      if (attempt->passed)
        g_hash_table_add (passed, g_steal_pointer (&key));
    }
}

static guint
count_for_exam (GHashTable *officers, gint64 exam_id)
{
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT ":", exam_id);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, officers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += g_str_has_prefix (key, prefix) ? 1 : 0;
  return n;
}

static guint
find_exam (LcExamsPage *self, gint64 exam_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->exams));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LcExamRow) row = g_list_model_get_item (G_LIST_MODEL (self->exams), i);

      if (row->exam->id == exam_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
_lc_exams_page_reload (LcExamsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) exams = lc_exam_list (self->session, &error);
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) graded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) passed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *count = NULL;
  gint64 chosen = lc_exams_page_get_exam_id (self);
  guint position;

  if (exams != NULL)
    attempts = lc_exam_list_attempts (self->session, 0, 0, &error);
  if (attempts == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  count_passes (attempts, graded, passed);
  for (guint i = 0; i < exams->len; i++)
    {
      LcExamRow *row = g_object_new (LC_TYPE_EXAM_ROW, NULL);

      row->exam = g_steal_pointer (&exams->pdata[i]);
      row->n_graded = count_for_exam (graded, row->exam->id);
      row->n_passed = count_for_exam (passed, row->exam->id);
      g_ptr_array_add (rows, row);
    }
  self->reloading = TRUE;
  g_list_store_splice (self->exams, 0, g_list_model_get_n_items (G_LIST_MODEL (self->exams)), rows->pdata, rows->len);
  position = find_exam (self, chosen);
  gtk_single_selection_set_selected (self->exam_selection, position != GTK_INVALID_LIST_POSITION ? position
                                                           : rows->len > 0                       ? 0
                                                                           : GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u exam", "%u exams", rows->len), rows->len);
  gtk_label_set_text (self->count_label, count);
  show_exam (self);
}

gboolean
_lc_exams_page_select_exam (LcExamsPage *self, gint64 exam_id)
{
  guint position = find_exam (self, exam_id);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (gtk_single_selection_get_selected (self->exam_selection) == position)
    show_exam (self);
  else
    gtk_single_selection_set_selected (self->exam_selection, position);
  return TRUE;
}

const LcExam *
_lc_exams_page_exam_at (LcExamsPage *self, guint position)
{
  g_autoptr (LcExamRow) row = g_list_model_get_item (G_LIST_MODEL (self->exams), position);

  /* The store holds the row. */
  return row != NULL ? row->exam : NULL;
}

const LcAttempt *
_lc_exams_page_attempt_at (GListStore *store, guint position)
{
  g_autoptr (LcAttemptRow) row = g_list_model_get_item (G_LIST_MODEL (store), position);

  return row != NULL ? row->attempt : NULL;
}

/* The chosen exam ------------------------------------------------------------------------ */

static void
append_line (GString *text, const char *name, const char *value)
{
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append_printf (text, "<b>%s</b>  %s\n", escaped_name, escaped);
}

static void
show_overview (LcExamsPage *self, const LcExam *exam)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  g_autofree char *window = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *max = NULL;
  g_autofree char *pass_line = NULL;
  g_autofree char *attempts = NULL;
  g_autofree char *review = NULL;
  g_autofree char *overlap = NULL;
  g_autofree char *focus = NULL;
  g_autoptr (GString) who = g_string_new (NULL);

  if (exam == NULL)
    {
      gtk_label_set_text (self->overview_label, _ ("Choose an exam to see it here."));
      return;
    }
  title = g_markup_escape_text (exam->title, -1);
  g_string_append_printf (text, "<big><b>%s</b></big>\n\n", title);
  append_line (text, _ ("Purpose"), lc_exam_purpose_display_name (exam->purpose));
  if (exam->field != NULL)
    append_line (text, _ ("Enforcement field"), exam->field);
  append_line (text, _ ("Status"), lc_exam_status_display_name (exam->status));
  opens = lc_exam_format_time (exam->opens_at);
  closes = lc_exam_format_time (exam->closes_at);
  window = g_strdup_printf ("%s – %s", opens, closes);
  append_line (text, _ ("Window"), window);
  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", exam->minutes), exam->minutes);
  append_line (text, _ ("Time limit"), minutes);
  pass = lc_hundredths_format (exam->pass_score);
  max = lc_hundredths_format (lc_exam_max_score (exam));
  /* TRANSLATORS: the pass score of the maximum: 60 / 100 */
  pass_line = g_strdup_printf (_ ("%s of %s points"), pass, max);
  append_line (text, _ ("Pass score"), pass_line);
  attempts = exam->max_attempts == 0 ? g_strdup (_ ("no limit")) : g_strdup_printf ("%d", exam->max_attempts);
  append_line (text, _ ("Attempts allowed"), attempts);
  append_line (text, _ ("Multiple choice"), lc_multiple_policy_display_name (exam->multiple_policy));
  review = exam->review_after_close
               ? g_strdup_printf (_ ("%s, after the exam closes"), lc_review_policy_display_name (exam->review_policy))
               : g_strdup (lc_review_policy_display_name (exam->review_policy));
  append_line (text, _ ("Review"), review);
  overlap = g_strdup_printf ("%d%%", exam->overlap_share);
  append_line (text, _ ("Papers may share"), overlap);
  focus = exam->focus_loss_limit == 0 ? g_strdup (_ ("counted and warned about only"))
                                      : g_strdup_printf (_ ("the attempt is submitted at %d"), exam->focus_loss_limit);
  append_line (text, _ ("Leaving the exam window"), focus);
  for (guint i = 0; i < exam->departments->len; i++)
    {
      gint64 id = g_array_index (exam->departments, gint64, i);
      const char *name = g_hash_table_lookup (self->department_names, &id);

      g_string_append_printf (who, "%s%s", who->len > 0 ? "、" : "", name != NULL ? name : "?");
    }
  for (guint i = 0; i < exam->fields->len; i++)
    g_string_append_printf (who, "%s%s", who->len > 0 ? "、" : "", (char *) g_ptr_array_index (exam->fields, i));
  append_line (text, _ ("Who may sit"), who->len > 0 ? who->str : _ ("every active officer"));
  g_string_append_printf (text, "\n<b>%s</b>\n", _ ("Blueprint"));
  for (guint i = 0; i < exam->sections->len; i++)
    {
      LcExamSection *section = g_ptr_array_index (exam->sections, i);
      g_autofree char *label = lc_exam_section_label (section);
      g_autofree char *points = lc_hundredths_format (section->points);
      /* TRANSLATORS: a blueprint section: its label, count and points each: 第1部分（…）：20 道 × 1.5 分 */
      g_autofree char *line = g_strdup_printf (_ ("%s: %u × %s points"), label, section->count, points);
      g_autofree char *escaped = g_markup_escape_text (line, -1);

      g_string_append_printf (text, "%s\n", escaped);
    }
  gtk_label_set_markup (self->overview_label, text->str);
}

static void
fill_store (GListStore *store, GPtrArray *attempts, gboolean (*keep) (LcExamsPage *, const LcAttempt *),
            LcExamsPage *self, GtkSingleSelection *selection)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LcAttempt *chosen = chosen_attempt (selection);
  gint64 chosen_id = chosen != NULL ? chosen->id : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; attempts != NULL && i < attempts->len; i++)
    {
      LcAttempt *attempt = g_ptr_array_index (attempts, i);
      LcAttemptRow *row;

      if (!keep (self, attempt))
        continue;
      row = g_object_new (LC_TYPE_ATTEMPT_ROW, NULL);
      row->attempt = attempt;
      row->attempts = g_ptr_array_ref (attempts);
      if (attempt->id == chosen_id)
        position = rows->len;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), rows->pdata, rows->len);
  /* The chosen attempt stays chosen through the refreshes. */
  gtk_single_selection_set_selected (selection, position);
}

static gboolean
keep_sitting (LcExamsPage *self, const LcAttempt *attempt)
{
  return attempt->state == LC_ATTEMPT_IN_PROGRESS;
}

static gboolean
keep_grading (LcExamsPage *self, const LcAttempt *attempt)
{
  return attempt->state == LC_ATTEMPT_AWAITING_GRADING;
}

static gboolean
keep_result (LcExamsPage *self, const LcAttempt *attempt)
{
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  /* The first entry is every state, then the states in LcAttemptState order. */
  return state == 0 || state == GTK_INVALID_LIST_POSITION || (int) state - 1 == (int) attempt->state;
}

void
_lc_exams_page_refresh_attempts (LcExamsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autofree char *sitting = NULL;
  g_autofree char *results = NULL;
  g_autofree char *grading = NULL;
  LcExam *exam = chosen_exam (self);
  gint64 now = lc_db_now (lc_session_get_db (self->session));
  guint n_overdue = 0;

  if (exam != NULL)
    {
      attempts = lc_exam_list_attempts (self->session, exam->id, 0, &error);
      if (attempts == NULL)
        show_error (self, error->message);
    }
  if (attempts == NULL)
    attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_attempt_free);
  for (guint i = 0; i < attempts->len; i++)
    {
      LcAttempt *attempt = g_ptr_array_index (attempts, i);

      n_overdue += attempt->state == LC_ATTEMPT_IN_PROGRESS && attempt->deadline_at <= now ? 1 : 0;
    }
  self->reloading = TRUE;
  fill_store (self->sitting, attempts, keep_sitting, self, self->sitting_selection);
  fill_store (self->grading, attempts, keep_grading, self, self->grading_selection);
  fill_store (self->results, attempts, keep_result, self, self->results_selection);
  self->reloading = FALSE;

  if (n_overdue > 0)
    /* TRANSLATORS: attempts in progress whose time is up, shown above the Sitting now list */
    sitting = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u sitting now; %u is past its deadline and waits to be submitted.",
                     "%u sitting now; %u are past their deadline and wait to be submitted.", n_overdue),
        g_list_model_get_n_items (G_LIST_MODEL (self->sitting)), n_overdue);
  else
    sitting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u officer sitting now.", "%u officers sitting now.",
                                            g_list_model_get_n_items (G_LIST_MODEL (self->sitting))),
                               g_list_model_get_n_items (G_LIST_MODEL (self->sitting)));
  gtk_label_set_text (self->sitting_label, sitting);
  /* TRANSLATORS: the count under the results list: 12 份答卷 */
  results = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer sheet listed", "%u answer sheets listed",
                                          g_list_model_get_n_items (G_LIST_MODEL (self->results))),
                             g_list_model_get_n_items (G_LIST_MODEL (self->results)));
  gtk_label_set_text (self->results_label, results);
  grading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt awaits grading.", "%u attempts await grading.",
                                          g_list_model_get_n_items (G_LIST_MODEL (self->grading))),
                             g_list_model_get_n_items (G_LIST_MODEL (self->grading)));
  gtk_label_set_text (self->grading_label, grading);
  update_actions (self);
}

static void
show_exam (LcExamsPage *self)
{
  if (self->reloading)
    return;
  show_overview (self, chosen_exam (self));
  _lc_exams_page_refresh_attempts (self);
}

static gboolean
refresh_tick (gpointer user_data)
{
  LcExamsPage *self = user_data;

  _lc_exams_page_refresh_attempts (self);
  return G_SOURCE_CONTINUE;
}

/* Who is sitting now changes by itself: read it again while the page shows. */
static void
lc_exams_page_map (GtkWidget *widget)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);

  GTK_WIDGET_CLASS (lc_exams_page_parent_class)->map (widget);
  if (self->session != NULL)
    _lc_exams_page_reload (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  self->refresh_id = g_timeout_add_seconds (LC_EXAMS_PAGE_REFRESH_SECONDS, refresh_tick, self);
}

static void
lc_exams_page_unmap (GtkWidget *widget)
{
  g_clear_handle_id (&LC_EXAMS_PAGE (widget)->refresh_id, g_source_remove);
  GTK_WIDGET_CLASS (lc_exams_page_parent_class)->unmap (widget);
}

/* Actions ------------------------------------------------------------------------------ */

static GtkWindow *
parent_window (LcExamsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
exam_saved (LcExamsPage *self, gint64 exam_id)
{
  _lc_exams_page_reload (self);
  _lc_exams_page_select_exam (self, exam_id);
}

GtkWidget *
_lc_exams_page_open_dialog (LcExamsPage *self, gint64 exam_id, gboolean duplicate)
{
  g_autoptr (GError) error = NULL;
  LcExamDialog *dialog = lc_exam_dialog_new (parent_window (self), self->session, exam_id, duplicate, &error);

  if (dialog == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (exam_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _lc_exams_page_open_dialog (LC_EXAMS_PAGE (widget), 0, FALSE);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcExam *exam = chosen_exam (self);

  if (exam != NULL)
    _lc_exams_page_open_dialog (self, exam->id, FALSE);
}

static void
duplicate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcExam *exam = chosen_exam (self);

  if (exam != NULL)
    _lc_exams_page_open_dialog (self, exam->id, TRUE);
}

static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcExam *exam = chosen_exam (self);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (exam == NULL)
    return;
  id = exam->id;
  if (!lc_exam_publish (self->session, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  exam_saved (self, id);
}

static void
confirm_delete (GtkWidget *confirm, LcExamsPage *self)
{
  gint64 exam_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (confirm), "lc-exam-id"));
  g_autoptr (GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (confirm)));
  if (!lc_exam_delete (self->session, exam_id, &error))
    show_error (self, error->message);
  else
    _lc_exams_page_reload (self);
}

/* GTK 4.8 has no GtkAlertDialog: a small window asks before an exam goes. */
static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcExam *exam = chosen_exam (self);
  GtkWidget *window, *box, *question, *buttons, *cancel, *delete;
  g_autofree char *text = NULL;

  if (exam == NULL)
    return;
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _ ("Delete Exam"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent_window (self));
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Delete Exam"), -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  /* TRANSLATORS: asked before an exam is deleted */
  text = g_strdup_printf (_ ("Delete the exam “%s”? Nobody has sat it; it cannot be brought back."), exam->title);
  question = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (question), 50);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  delete = gtk_button_new_with_mnemonic (_ ("_Delete"));
  gtk_widget_add_css_class (delete, "destructive-action");
  g_object_set_data (G_OBJECT (delete), "lc-exam-id", GSIZE_TO_POINTER ((gsize) exam->id));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (confirm_delete), self, 0);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), delete);
  gtk_box_append (GTK_BOX (box), question);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (window), box);
  lc_accessible_fix_mnemonic_names (window);
  /* Cancel first: Enter or Escape keeps the exam. */
  gtk_window_set_default_widget (GTK_WINDOW (window), cancel);
  gtk_window_set_focus (GTK_WINDOW (window), cancel);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0), gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
}

static void
preview_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcExam *exam = chosen_exam (self);
  g_autoptr (GError) error = NULL;
  LcPaperDialog *dialog;

  if (exam == NULL)
    return;
  dialog = lc_paper_dialog_new_preview (parent_window (self), self->session, exam->id, &error);
  if (dialog == NULL)
    show_error (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
submit_overdue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcExam *exam = chosen_exam (self);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (exam == NULL)
    return;
  if (!lc_exam_submit_overdue (self->session, exam->id, &n, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
  _lc_exams_page_reload (self);
}

static void
open_attempt_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcAttempt *attempt = chosen_attempt (self->results_selection);
  g_autoptr (GError) error = NULL;
  LcPaperDialog *dialog;

  if (attempt == NULL)
    return;
  dialog = lc_paper_dialog_new_attempt (parent_window (self), self->session, attempt->id, &error);
  if (dialog == NULL)
    show_error (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
graded (LcExamsPage *self, gint64 attempt_id)
{
  _lc_exams_page_reload (self);
}

GtkWidget *
_lc_exams_page_open_grading (LcExamsPage *self, gint64 attempt_id)
{
  g_autoptr (GError) error = NULL;
  LcGradingDialog *dialog = lc_grading_dialog_new (parent_window (self), self->session, attempt_id, &error);

  if (dialog == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "graded", G_CALLBACK (graded), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
grade_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  LcAttempt *attempt = chosen_attempt (self->grading_selection);

  if (attempt != NULL)
    _lc_exams_page_open_grading (self, attempt->id);
}

gboolean
_lc_exams_page_export_file (LcExamsPage *self, const char *path, gboolean answers, GError **error)
{
  LcExam *exam = chosen_exam (self);

  if (exam == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _ ("Choose an exam first."));
      return FALSE;
    }
#ifdef LC_HAVE_REPORTS
  return answers ? lc_report_exam_write_answers (self->session, exam->id, path, error)
                 : lc_report_exam_write_results (self->session, exam->id, path, error);
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _ ("This build of Lexcert cannot write spreadsheets."));
  return FALSE;
#endif
}

static void
export_response (LcExamsPage *self, int response, GtkFileChooserNative *chooser)
{
  static const char *const formats[] = { "xlsx", NULL };
  const char *format = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean answers = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "lc-answers"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = lc_export_chooser_path (GTK_FILE_CHOOSER (chooser), file, formats, &format);
  g_clear_object (&self->file_chooser);
  if (file == NULL)
    return;
  if (path == NULL)
    {
      show_error (self, _ ("Only files on this computer or a mounted share can be written."));
      return;
    }
  if (!_lc_exams_page_export_file (self, path, answers, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamsPage *self = LC_EXAMS_PAGE (widget);
  gboolean answers = g_str_equal (action_name, "exams.export-answers");
  GtkRoot *root = gtk_widget_get_root (widget);
  LcExam *exam = chosen_exam (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (exam == NULL)
    return;
  chooser = gtk_file_chooser_native_new (answers ? _ ("Export Answers") : _ ("Export Results"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  lc_export_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("Excel workbook (.xlsx)"), "xlsx");
  /* TRANSLATORS: suggested file names: “<exam title>-成绩.xlsx” and “<exam title>-答题明细.xlsx” */
  name = g_strdup_printf (answers ? _ ("%s-answers.xlsx") : _ ("%s-results.xlsx"), exam->title);
  g_strdelimit (name, "/\\:", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "lc-answers", GINT_TO_POINTER (answers));
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

/* Class -------------------------------------------------------------------------------- */

static void
lc_exams_page_dispose (GObject *object)
{
  LcExamsPage *self = LC_EXAMS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_EXAMS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->exam_selection);
  g_clear_object (&self->exams);
  g_clear_object (&self->sitting_selection);
  g_clear_object (&self->sitting);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->grading_selection);
  g_clear_object (&self->grading);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lc_exams_page_parent_class)->dispose (object);
}

static void
lc_exams_page_finalize (GObject *object)
{
  g_clear_pointer (&LC_EXAMS_PAGE (object)->department_names, g_hash_table_unref);
  G_OBJECT_CLASS (lc_exams_page_parent_class)->finalize (object);
}

static void
lc_exams_page_class_init (LcExamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_exams_page_dispose;
  object_class->finalize = lc_exams_page_finalize;
  widget_class->map = lc_exams_page_map;
  widget_class->unmap = lc_exams_page_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-exams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, exam_view);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, detail_notebook);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, overview_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, sitting_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, sitting_view);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, grading_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, grading_view);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, export_results_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamsPage, export_answers_button);

  gtk_widget_class_install_action (widget_class, "exams.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "exams.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "exams.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "exams.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "exams.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "exams.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "exams.submit-overdue", NULL, submit_overdue_action);
  gtk_widget_class_install_action (widget_class, "exams.open-attempt", NULL, open_attempt_action);
  gtk_widget_class_install_action (widget_class, "exams.grade", NULL, grade_action);
  /* Installed for the window to take over: see update_actions(). */
  gtk_widget_class_install_action (widget_class, "exams.export-results", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "exams.export-answers", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "exams.new", NULL);
}

static GtkSingleSelection *
new_selection (GListStore *store)
{
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (store)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  return selection;
}

static void
attempt_chosen (LcExamsPage *self)
{
  if (!self->reloading)
    update_actions (self);
}

static void
state_changed (LcExamsPage *self)
{
  _lc_exams_page_refresh_attempts (self);
}

static void
exam_activated (LcExamsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->exam_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "exams.edit", NULL);
}

static void
result_activated (LcExamsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->results_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "exams.open-attempt", NULL);
}

static void
grading_activated (LcExamsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->grading_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "exams.grade", NULL);
}

static void
lc_exams_page_init (LcExamsPage *self)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  self->department_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_string_list_append (states, _ ("Any state"));
  for (int state = LC_ATTEMPT_IN_PROGRESS; state <= LC_ATTEMPT_GRADED; state++)
    gtk_string_list_append (states, lc_attempt_state_display_name (state));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));

  self->exams = g_list_store_new (LC_TYPE_EXAM_ROW);
  self->exam_selection = new_selection (self->exams);
  gtk_single_selection_set_can_unselect (self->exam_selection, FALSE);
  gtk_column_view_set_model (self->exam_view, GTK_SELECTION_MODEL (self->exam_selection));
  add_column (self, self->exam_view, _ ("Title"), exam_title, TRUE);
  add_column (self, self->exam_view, _ ("Purpose"), exam_purpose, FALSE);
  add_column (self, self->exam_view, _ ("Window"), exam_window, FALSE);
  add_column (self, self->exam_view, _ ("Status"), exam_status, FALSE);
  add_column (self, self->exam_view, _ ("Attempts"), exam_attempts, FALSE);
  add_column (self, self->exam_view, _ ("Pass rate"), exam_pass_rate, FALSE);

  self->sitting = g_list_store_new (LC_TYPE_ATTEMPT_ROW);
  self->sitting_selection = new_selection (self->sitting);
  gtk_column_view_set_model (self->sitting_view, GTK_SELECTION_MODEL (self->sitting_selection));
  add_column (self, self->sitting_view, _ ("Officer"), attempt_officer, TRUE);
  add_column (self, self->sitting_view, _ ("Department"), attempt_department, TRUE);
  add_column (self, self->sitting_view, _ ("Started"), attempt_started, FALSE);
  add_column (self, self->sitting_view, _ ("Deadline"), attempt_deadline, FALSE);
  add_column (self, self->sitting_view, _ ("Answered"), attempt_answered, FALSE);
  /* TRANSLATORS: a column: how often the officer left the exam window, 切屏次数 */
  add_column (self, self->sitting_view, _ ("Focus losses"), attempt_focus, FALSE);

  self->results = g_list_store_new (LC_TYPE_ATTEMPT_ROW);
  self->results_selection = new_selection (self->results);
  gtk_column_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));
  add_column (self, self->results_view, _ ("Officer"), attempt_officer, TRUE);
  add_column (self, self->results_view, _ ("Department"), attempt_department, TRUE);
  add_column (self, self->results_view, _ ("Attempt no."), attempt_no, FALSE);
  add_column (self, self->results_view, _ ("State"), attempt_state, FALSE);
  add_column (self, self->results_view, _ ("Score"), attempt_score, FALSE);
  add_column (self, self->results_view, _ ("Passed"), attempt_passed, FALSE);
  add_column (self, self->results_view, _ ("Submitted"), attempt_submitted, FALSE);
  add_column (self, self->results_view, _ ("Submitted by"), attempt_submitted_by, FALSE);

  self->grading = g_list_store_new (LC_TYPE_ATTEMPT_ROW);
  self->grading_selection = new_selection (self->grading);
  gtk_column_view_set_model (self->grading_view, GTK_SELECTION_MODEL (self->grading_selection));
  add_column (self, self->grading_view, _ ("Officer"), attempt_officer, TRUE);
  add_column (self, self->grading_view, _ ("Department"), attempt_department, TRUE);
  add_column (self, self->grading_view, _ ("Attempt no."), attempt_no, FALSE);
  add_column (self, self->grading_view, _ ("Submitted"), attempt_submitted, FALSE);
  add_column (self, self->grading_view, _ ("Essays to grade"), attempt_ungraded, FALSE);

  g_signal_connect_object (self->exam_selection, "notify::selected-item", G_CALLBACK (show_exam), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_selection, "notify::selected-item", G_CALLBACK (attempt_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grading_selection, "notify::selected-item", G_CALLBACK (attempt_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (state_changed), self,
                           G_CONNECT_SWAPPED);
  /* Enter or a double click on a row does the row's obvious thing. */
  g_signal_connect_object (self->exam_view, "activate", G_CALLBACK (exam_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_view, "activate", G_CALLBACK (result_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grading_view, "activate", G_CALLBACK (grading_activated), self, G_CONNECT_SWAPPED);
}

LcExamsPage *
lc_exams_page_new (LcSession *session)
{
  LcExamsPage *self;
  gboolean manage;

  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = g_object_new (LC_TYPE_EXAMS_PAGE, NULL);
  self->session = g_object_ref (session);
  manage = can_manage (self);
  /* The personnel office reads results: the trainer's tools are not theirs. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && GTK_WIDGET (self->export_results_button) != child
        && GTK_WIDGET (self->export_answers_button) != child)
      gtk_widget_set_visible (child, manage);
  if (!lc_session_can (session, LC_PERM_GRADE))
    gtk_notebook_remove_page (self->detail_notebook, 3);
  load_departments (self);
  _lc_exams_page_reload (self);
  return self;
}
