/* lc-officer-detail-private.h: the detail pane's parts, for its tests. */
#pragma once

#include "lc-officer-detail.h"
#include "lc-people.h"

G_BEGIN_DECLS

struct _LcOfficerDetail
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkLabel *error_label;
  GtkLabel *name_label;
  GtkLabel *staff_no_value;
  GtkLabel *department_value;
  GtkLabel *field_value;
  GtkLabel *post_value;
  GtkLabel *status_value;
  GtkLabel *phone_value;
  GtkButton *issue_button;
  GtkBox *certificates_box;
  GtkLabel *no_certificates_label;
  GtkButton *training_button;
  GtkLabel *hours_value;
  GtkGrid *training_grid;
  GtkLabel *no_training_label;

  /* owned */
  LcSession *session;
  LcOfficer *officer;      /* NULL when none is shown */
  GPtrArray *certificates; /* LcCertificate, of the officer shown */
  gint64 officer_id;
};

G_END_DECLS
