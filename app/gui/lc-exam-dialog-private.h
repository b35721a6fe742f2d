/* lc-exam-dialog-private.h: the exam dialog's parts, for its tests. */
#pragma once

#include "lc-exam-dialog.h"

G_BEGIN_DECLS

/* One blueprint section of the form. */
typedef struct
{
  GtkWidget *box; /* the section's row and its shortfall message */
  GtkLabel *number;
  GtkDropDown *category;
  GtkDropDown *type;
  GtkSpinButton *count;
  GtkSpinButton *points;
  GtkDropDown *difficulty_min; /* 1 to 5 */
  GtkDropDown *difficulty_max;
  GtkLabel *available;
  GtkLabel *message;
  GtkButton *up;
  GtkButton *down;
  GtkButton *remove;
  char *title; /* the section's heading, kept from the stored exam */
} LcSectionRow;

struct _LcExamDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkEntry *title_entry;
  GtkDropDown *purpose_dropdown;
  GtkEntry *field_entry;
  GtkEntry *opens_entry;
  GtkEntry *closes_entry;
  GtkSpinButton *minutes_spin;
  GtkSpinButton *pass_spin;
  GtkSpinButton *attempts_spin;
  GtkDropDown *multiple_dropdown;
  GtkDropDown *review_dropdown;
  GtkCheckButton *after_close_check;
  GtkSpinButton *overlap_spin;
  GtkSpinButton *focus_spin;
  GtkExpander *eligibility_expander;
  GtkCheckButton *departments_check;
  GtkListBox *departments_list;
  GtkEntry *fields_entry;
  GtkLabel *totals_label;
  GtkButton *add_section_button;
  GtkBox *sections_box;
  GtkLabel *error_label;
  GtkButton *preview_button;
  GtkButton *save_button;

  /* owned */
  LcSession *session;
  LcExam *original;       /* the stored exam being edited or duplicated, or NULL */
  gboolean duplicate;     /* @original is the model of a new exam */
  GPtrArray *rows;        /* LcSectionRow *, in the order of sections_box */
  GPtrArray *categories;  /* char * paths, NULL first for the whole bank */
  GArray *department_ids; /* gint64 per row of departments_list */
  gboolean touched;       /* a new, untouched form shows no complaints yet */
  gboolean building;      /* the form is being filled by the program */
  gboolean valid;
};

/* The exam as the form stands, or NULL with @error (and @bad_field
 * "opens_at" or "closes_at") when a time cannot be read. */
LcExam *_lc_exam_dialog_read_form (LcExamDialog *self, const char **bad_field, GError **error);
/* Adds a blueprint section as Add Section does and returns it. */
LcSectionRow *_lc_exam_dialog_add_section (LcExamDialog *self);
/* Chooses @path (NULL: the whole bank) as @row's category; FALSE when not offered. */
gboolean _lc_exam_dialog_set_category (LcExamDialog *self, LcSectionRow *row, const char *path);
/* Ticks the department @department_id in the eligibility list. */
gboolean _lc_exam_dialog_choose_department (LcExamDialog *self, gint64 department_id, gboolean chosen);
/* What Save does, without closing: @id gets the exam's id. */
gboolean _lc_exam_dialog_save (LcExamDialog *self, gint64 *id, GError **error);

G_END_DECLS
