/* lc-exams-page-private.h: the Exams page's parts, for its tests. */
#pragma once

#include "lc-exam.h"
#include "lc-exams-page.h"

G_BEGIN_DECLS

/* The attempts of the chosen exam are read again this often while the page shows. */
#define LC_EXAMS_PAGE_REFRESH_SECONDS 5

struct _LcExamsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel *error_label;
  GtkBox *toolbar;
  GtkLabel *count_label;
  GtkColumnView *exam_view;
  GtkNotebook *detail_notebook;
  GtkLabel *overview_label;
  GtkLabel *sitting_label;
  GtkColumnView *sitting_view;
  GtkDropDown *state_dropdown;
  GtkLabel *results_label;
  GtkColumnView *results_view;
  GtkLabel *grading_label;
  GtkColumnView *grading_view;
  GtkButton *export_results_button;
  GtkButton *export_answers_button;

  /* owned */
  LcSession *session;
  GListStore *exams; /* LcExamRow */
  GtkSingleSelection *exam_selection;
  GListStore *sitting; /* LcAttemptRow, in progress */
  GtkSingleSelection *sitting_selection;
  GListStore *results; /* LcAttemptRow, every attempt the state filter lets through */
  GtkSingleSelection *results_selection;
  GListStore *grading; /* LcAttemptRow, awaiting grading */
  GtkSingleSelection *grading_selection;
  GHashTable *department_names; /* gint64 * id -> char * name */
  guint refresh_id;
  gboolean reloading; /* the lists are being filled by the program */
  GtkNativeDialog *file_chooser;
};

/* Reads the exams (and the chosen exam's attempts) again; the chosen exam
 * stays chosen while listed. */
void _lc_exams_page_reload (LcExamsPage *self);
/* Writes the chosen exam's results (or, @answers, every officer's answers) to
 * @path as XLSX, as Export Results…/Export Answers… do after their chooser. */
gboolean _lc_exams_page_export_file (LcExamsPage *self, const char *path, gboolean answers, GError **error);
/* Reads the chosen exam's attempts again, as the timer does. */
void _lc_exams_page_refresh_attempts (LcExamsPage *self);
/* Chooses the exam @exam_id; FALSE when it is not listed. */
gboolean _lc_exams_page_select_exam (LcExamsPage *self, gint64 exam_id);
/* The exam or attempt shown at @position of @store. */
const LcExam *_lc_exams_page_exam_at (LcExamsPage *self, guint position);
const LcAttempt *_lc_exams_page_attempt_at (GListStore *store, guint position);
/* What the cell of @column (0 first) of the row at @position of @view shows. */
char *_lc_exams_page_cell_text (GtkColumnView *view, guint column, guint position);
/* Opens the exam dialog as New… (@exam_id 0), Edit… or Duplicate… do. */
GtkWidget *_lc_exams_page_open_dialog (LcExamsPage *self, gint64 exam_id, gboolean duplicate);
/* Opens the grading dialog of @attempt_id as Grade… does. */
GtkWidget *_lc_exams_page_open_grading (LcExamsPage *self, gint64 attempt_id);

G_END_DECLS
