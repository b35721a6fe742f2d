/* lc-exam-window.c: the window in which an officer sits an exam. */
#define G_LOG_DOMAIN "lc-exam-window"

#include "config.h"

#include <string.h>

#include "lc-accessible.h"
#include "lc-exam-window-private.h"
#include "lc-i18n.h"
#include "lc-message-dialog.h"
#include "lc-people.h"
#include "lc-units.h"

/* A typed answer is committed after this pause, and at once when the
 * officer moves on, submits or leaves; while the typing goes on, the
 * clock's next tick commits it, so no more than a second of it waits. */
#define SAVE_TEXT_DELAY_MS 400
/* Focus passes through no window of ours for a moment when it moves
 * between the exam and its own dialog: only a longer absence is a 切屏. */
#define FOCUS_GRACE_MS 250
/* Answers the database refused are tried again this often (seconds) and on
 * every move: each try may wait out a busy database. */
#define RETRY_TICKS 5
/* Re-reads the attempt this often (seconds), in case another program
 * submitted it. */
#define RESYNC_TICKS 30
/* The countdown turns red this long before the deadline (seconds). */
#define LOW_TIME 300

G_DEFINE_FINAL_TYPE (LcExamWindow, lc_exam_window, GTK_TYPE_WINDOW)

static void show_question (LcExamWindow *self, guint index);
static void show_result (LcExamWindow *self);

static LcPaperItem *
current_item (LcExamWindow *self)
{
  if (self->paper == NULL || self->current >= self->paper->items->len)
    return NULL;
  return g_ptr_array_index (self->paper->items, self->current);
}

static gboolean
in_progress (LcExamWindow *self)
{
  return self->paper != NULL && self->paper->attempt != NULL && self->paper->attempt->state == LC_ATTEMPT_IN_PROGRESS;
}

static void
set_status (LcExamWindow *self, const char *text, gboolean is_error)
{
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* The title and the accessible name together: a screen reader names the
 * window by its label, which the template sets before the exam is known. */
static void
set_title (LcExamWindow *self, const char *title)
{
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static char *
format_instant (gint64 at)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
format_remaining (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 3600,
                          seconds / 60 % 60, seconds % 60);
}

/* The navigator ---------------------------------------------------------- */

static const char *
unsaved_at (LcExamWindow *self, guint index)
{
  return self->unsaved != NULL && index < self->unsaved->len ? g_ptr_array_index (self->unsaved, index) : NULL;
}

static char *
item_accessible_name (const LcPaperItem *item)
{
  gboolean answered = item->response != NULL && *item->response != '\0';

  if (answered && item->flagged)
    /* Translators: a navigator button, read by a screen reader: “第3题，已作答，已标记” */
    return g_strdup_printf (_ ("Question %d, answered, flagged"), item->pos);
  if (answered)
    /* Translators: “第3题，已作答” */
    return g_strdup_printf (_ ("Question %d, answered"), item->pos);
  if (item->flagged)
    /* Translators: “第3题，未作答，已标记” */
    return g_strdup_printf (_ ("Question %d, not answered, flagged"), item->pos);
  /* Translators: “第3题，未作答” */
  return g_strdup_printf (_ ("Question %d, not answered"), item->pos);
}

static void
update_nav_button (LcExamWindow *self, guint index)
{
  LcPaperItem *item = g_ptr_array_index (self->paper->items, index);
  GtkWidget *button = g_ptr_array_index (self->nav_buttons, index);
  g_autofree char *name = item_accessible_name (item);
  gboolean answered = item->response != NULL && *item->response != '\0';
  gboolean unsaved = unsaved_at (self, index) != NULL;

  if (unsaved)
    {
      /* Translators: appended to a navigator button's name while its answer
       * waits to be saved again: “第3题，未作答，未保存” */
      g_autofree char *marked = g_strdup_printf (_ ("%s, not saved"), name);
      g_free (name);
      name = g_steal_pointer (&marked);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, name);
  if (answered)
    gtk_widget_add_css_class (button, "exam-answered");
  else
    gtk_widget_remove_css_class (button, "exam-answered");
  if (unsaved)
    gtk_widget_add_css_class (button, "exam-unsaved");
  else
    gtk_widget_remove_css_class (button, "exam-unsaved");
  if (item->flagged)
    gtk_widget_add_css_class (button, "exam-flagged");
  else
    gtk_widget_remove_css_class (button, "exam-flagged");
  if (index == self->current)
    gtk_widget_add_css_class (button, "exam-current");
  else
    gtk_widget_remove_css_class (button, "exam-current");
}

static void
build_navigator (LcExamWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->navigator))) != NULL)
    gtk_grid_remove (self->navigator, child);
  g_ptr_array_set_size (self->nav_buttons, 0);
  for (guint i = 0; i < self->paper->items->len; i++)
    {
      LcPaperItem *item = g_ptr_array_index (self->paper->items, i);
      g_autofree char *number = g_strdup_printf ("%d", item->pos);
      GtkWidget *button = gtk_button_new_with_label (number);

      gtk_widget_add_css_class (button, "exam-nav");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "exam.go");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) i);
      gtk_grid_attach (self->navigator, button, (int) (i % 5), (int) (i / 5), 1, 1);
      g_ptr_array_add (self->nav_buttons, button);
    }
  for (guint i = 0; i < self->paper->items->len; i++)
    update_nav_button (self, i);
}

/* Answers ---------------------------------------------------------------- */

static gboolean
handle_attempt_error (LcExamWindow *self, GError *error)
{
  /* The core submitted it (deadline), or something else did: the result is all there is. */
  if (g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_TIME_UP)
      || g_error_matches (error, LC_EXAM_ERROR, LC_EXAM_ERROR_SUBMITTED))
    {
      show_result (self);
      return TRUE;
    }
  return FALSE;
}

/* An answer the database refused is kept, shown when the officer comes back
 * to its question, and tried again: the item's response is only what is stored. */
static void
set_unsaved (LcExamWindow *self, guint index, const char *response, gboolean keep)
{
  if (self->unsaved == NULL || index >= self->unsaved->len)
    return;
  g_free (g_ptr_array_index (self->unsaved, index));
  g_ptr_array_index (self->unsaved, index) = keep ? g_strdup (response != NULL ? response : "") : NULL;
  if (index < self->nav_buttons->len)
    update_nav_button (self, index);
}

/* Returns whether @response is stored. */
static gboolean
save_response (LcExamWindow *self, LcPaperItem *item, const char *response)
{
  g_autoptr (GError) error = NULL;
  guint index = (guint) (item->pos - 1);

  if (!in_progress (self))
    return FALSE;
  if (g_strcmp0 (item->response != NULL ? item->response : "", response != NULL ? response : "") == 0)
    {
      if (unsaved_at (self, index) != NULL)
        set_unsaved (self, index, NULL, FALSE);
      return TRUE;
    }
  if (!lc_exam_answer (self->session, self->attempt_id, item->pos, response, &error))
    {
      g_autofree char *text = NULL;

      if (handle_attempt_error (self, error))
        return FALSE;
      set_unsaved (self, index, response, TRUE);
      /* Translators: the status line of the exam window */
      text = g_strdup_printf (_ ("The answer to question %d was not saved: %s"), item->pos, error->message);
      set_status (self, text, TRUE);
      return FALSE;
    }
  set_unsaved (self, index, NULL, FALSE);
  g_free (item->response);
  item->response = response != NULL && *response != '\0' ? g_strdup (response) : NULL;
  {
    /* Translators: the status line of the exam window, after each answer is committed: “第3题：已保存” */
    g_autofree char *text = g_strdup_printf (_ ("Question %d: saved"), item->pos);
    set_status (self, text, FALSE);
  }
  update_nav_button (self, index);
  return TRUE;
}

/* Tries the refused answers again, in order; stops at the first still refused. */
static void
retry_unsaved (LcExamWindow *self)
{
  for (guint i = 0; self->unsaved != NULL && i < self->unsaved->len && in_progress (self); i++)
    {
      g_autofree char *response = g_strdup (unsaved_at (self, i));

      if (response != NULL && !save_response (self, g_ptr_array_index (self->paper->items, i), response))
        break;
    }
}

static char *
choice_response (LcExamWindow *self, const LcPaperItem *item)
{
  GString *letters = g_string_new (NULL);

  for (guint i = 0; i < self->option_buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i)))
      {
        if (item->type == LC_QUESTION_TRUEFALSE)
          g_string_append_c (letters, i == 0 ? 'T' : 'F');
        else
          g_string_append_c (letters, (char) ('A' + i));
      }
  return g_string_free (letters, FALSE);
}

static void
option_toggled (GtkCheckButton *button, LcExamWindow *self)
{
  LcPaperItem *item = current_item (self);
  g_autofree char *response = NULL;

  if (self->loading || item == NULL)
    return;
  /* In a group the button left also toggles: only the one chosen answers. */
  if (item->type != LC_QUESTION_MULTIPLE && !gtk_check_button_get_active (button))
    return;
  response = choice_response (self, item);
  save_response (self, item, response);
}

static char *
text_response (LcExamWindow *self, const LcPaperItem *item)
{
  if (item->type == LC_QUESTION_FILL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fill_entry)));
  if (item->type == LC_QUESTION_ESSAY)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->essay_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return NULL;
}

void
_lc_exam_window_flush (LcExamWindow *self)
{
  LcPaperItem *item = current_item (self);
  g_autofree char *response = NULL;

  g_return_if_fail (LC_IS_EXAM_WINDOW (self));

  if (self->save_text_id == 0)
    return;
  g_clear_handle_id (&self->save_text_id, g_source_remove);
  if (item == NULL || (item->type != LC_QUESTION_FILL && item->type != LC_QUESTION_ESSAY))
    return;
  response = text_response (self, item);
  save_response (self, item, response);
}

static gboolean
save_text_timeout (gpointer data)
{
  LcExamWindow *self = data;

  /* flush() clears the id, which must not remove the source running now. */
  self->save_text_id = 0;
  {
    LcPaperItem *item = current_item (self);
    g_autofree char *response = item != NULL ? text_response (self, item) : NULL;

    if (item != NULL)
      save_response (self, item, response);
  }
  return G_SOURCE_REMOVE;
}

static void
text_changed (LcExamWindow *self)
{
  if (self->loading || !in_progress (self))
    return;
  g_clear_handle_id (&self->save_text_id, g_source_remove);
  self->save_text_id = g_timeout_add (SAVE_TEXT_DELAY_MS, save_text_timeout, self);
  set_status (self, _ ("Saving…"), FALSE);
}

static void
flag_toggled (GtkToggleButton *button, LcExamWindow *self)
{
  LcPaperItem *item = current_item (self);
  gboolean flagged = gtk_toggle_button_get_active (button);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->loading || item == NULL || !in_progress (self) || item->flagged == flagged)
    return;
  if (!lc_exam_set_flag (self->session, self->attempt_id, item->pos, flagged, &error))
    {
      if (handle_attempt_error (self, error))
        return;
      set_status (self, error->message, TRUE);
      self->loading = TRUE;
      gtk_toggle_button_set_active (button, item->flagged);
      self->loading = FALSE;
      return;
    }
  item->flagged = flagged;
  text = flagged ? g_strdup_printf (_ ("Question %d: flagged for review"), item->pos)
                 : g_strdup_printf (_ ("Question %d: flag removed"), item->pos);
  set_status (self, text, FALSE);
  update_nav_button (self, self->current);
}

/* One question ------------------------------------------------------------ */

static void
show_question (LcExamWindow *self, guint index)
{
  LcPaperItem *item;
  GtkWidget *child;
  GtkCheckButton *group = NULL;
  g_autofree char *points = NULL;
  g_autofree char *position = NULL;
  guint previous = self->current;
  const char *response;

  g_assert (self->paper != NULL);
  if (self->paper->items->len == 0)
    return;
  _lc_exam_window_flush (self);
  retry_unsaved (self);
  /* The deadline passed, or another program submitted, while saving. */
  if (!in_progress (self))
    return;
  index = MIN (index, self->paper->items->len - 1);
  self->current = index;
  item = g_ptr_array_index (self->paper->items, index);
  /* What the officer gave last, saved or not: never silently the older answer. */
  response = unsaved_at (self, index) != NULL ? unsaved_at (self, index) : item->response;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box))) != NULL)
    gtk_box_remove (self->options_box, child);
  g_ptr_array_set_size (self->option_buttons, 0);

  points = lc_hundredths_format (item->points);
  /* Translators: above the question: “第3题 / 共20题 · 单选题 · 1.5分” */
  position = g_strdup_printf (_ ("Question %d of %u · %s · %s points"), item->pos, self->paper->items->len,
                              lc_question_type_display_name (item->type), points);
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->stem_label, item->stem);

  if (item->type == LC_QUESTION_SINGLE || item->type == LC_QUESTION_MULTIPLE || item->type == LC_QUESTION_TRUEFALSE)
    for (guint i = 0; i < item->options->len; i++)
      {
        const char *text = g_ptr_array_index (item->options, i);
        g_autofree char *label = NULL;
        GtkWidget *button;
        char letter = item->type == LC_QUESTION_TRUEFALSE ? (i == 0 ? 'T' : 'F') : (char) ('A' + i);

        if (item->type == LC_QUESTION_TRUEFALSE)
          /* “A. 正确”: the keys are the same as for any choice */
          label = g_strdup_printf ("%c. %s", 'A' + (char) i, i == 0 ? _ ("True") : _ ("False"));
        else
          label = g_strdup_printf ("%c. %s", 'A' + (char) i, text);
        button = gtk_check_button_new_with_label (label);
        gtk_widget_add_css_class (button, "exam-option");
        if (item->type != LC_QUESTION_MULTIPLE)
          {
            if (group == NULL)
              group = GTK_CHECK_BUTTON (button);
            else
              gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
          }
        /* The option's text wraps: a long legal option must not widen the window. */
        {
          GtkWidget *inner = gtk_widget_get_last_child (button);
          if (GTK_IS_LABEL (inner))
            {
              gtk_label_set_wrap (GTK_LABEL (inner), TRUE);
              gtk_label_set_wrap_mode (GTK_LABEL (inner), PANGO_WRAP_WORD_CHAR);
            }
        }
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), response != NULL && strchr (response, letter) != NULL);
        g_signal_connect (button, "toggled", G_CALLBACK (option_toggled), self);
        gtk_box_append (self->options_box, button);
        g_ptr_array_add (self->option_buttons, button);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), self->option_buttons->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->fill_entry), item->type == LC_QUESTION_FILL);
  gtk_editable_set_text (GTK_EDITABLE (self->fill_entry),
                         item->type == LC_QUESTION_FILL && response != NULL ? response : "");
  gtk_widget_set_visible (GTK_WIDGET (self->essay_window), item->type == LC_QUESTION_ESSAY);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->essay_view),
                            item->type == LC_QUESTION_ESSAY && response != NULL ? response : "", -1);
  gtk_toggle_button_set_active (self->flag_button, item->flagged);
  self->loading = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.previous", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.next", index + 1 < self->paper->items->len);
  if (previous < self->nav_buttons->len)
    update_nav_button (self, previous);
  update_nav_button (self, index);

  /* The keyboard stays with the question: the answer field, or the options' box. */
  if (item->type == LC_QUESTION_FILL)
    gtk_widget_grab_focus (GTK_WIDGET (self->fill_entry));
  else if (item->type == LC_QUESTION_ESSAY)
    gtk_widget_grab_focus (GTK_WIDGET (self->essay_view));
  else if (self->option_buttons->len > 0)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      /* Not out of the navigator, where the officer may be walking. */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->navigator)))
        gtk_widget_grab_focus (g_ptr_array_index (self->option_buttons, 0));
    }
}

/* Time ------------------------------------------------------------------- */

static void
update_countdown (LcExamWindow *self)
{
  g_autofree char *clock = format_remaining (self->remaining);
  /* Translators: the countdown in the exam window's header: “剩余时间 01:23:45” */
  g_autofree char *text = g_strdup_printf (_ ("Time left %s"), clock);

  gtk_label_set_text (self->countdown_label, text);
  if (self->remaining <= LOW_TIME)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "exam-time-low");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "exam-time-low");
}

static void
submit (LcExamWindow *self)
{
  g_autoptr (GError) error = NULL;

  _lc_exam_window_flush (self);
  retry_unsaved (self);
  if (!in_progress (self))
    {
      show_result (self);
      return;
    }
  /* After the deadline the core submits it as the deadline's. */
  if (!lc_exam_submit (self->session, self->attempt_id, &error) && !handle_attempt_error (self, error))
    {
      gtk_stack_set_visible_child_name (self->stack, "exam");
      set_status (self, error->message, TRUE);
      return;
    }
  show_result (self);
}

void
_lc_exam_window_tick (LcExamWindow *self)
{
  g_return_if_fail (LC_IS_EXAM_WINDOW (self));

  if (!in_progress (self))
    return;
  /* The server's clock against the stored deadline, every second: never
   * this PC's idea of how long the officer has been sitting. */
  self->remaining = self->paper->deadline_at - lc_db_now (lc_session_get_db (self->session));
  if (++self->ticks % RESYNC_TICKS == 0)
    {
      g_autoptr (LcAttempt) attempt = lc_exam_get_attempt (self->session, self->attempt_id, NULL);

      if (attempt != NULL && attempt->state != LC_ATTEMPT_IN_PROGRESS)
        {
          show_result (self);
          return;
        }
      if (attempt != NULL)
        self->paper->deadline_at = attempt->deadline_at;
    }
  update_countdown (self);
  /* Saved before the deadline, or never: from then on the core refuses
   * answers, so what was typed is committed on every tick before it. */
  if (self->remaining > 0)
    {
      _lc_exam_window_flush (self);
      if (self->ticks % RETRY_TICKS == 0)
        retry_unsaved (self);
      if (!in_progress (self))
        return;
    }
  if (self->remaining <= 0)
    submit (self);
}

static gboolean
tick_timeout (gpointer data)
{
  _lc_exam_window_tick (data);
  return G_SOURCE_CONTINUE;
}

/* Focus losses (切屏) ----------------------------------------------------- */

/* Whether the officer is in the exam: its window or one of its own dialogs
 * (which take the focus from it) is the active window. */
static gboolean
ours_active (LcExamWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    return TRUE;
  for (guint i = 0; i < self->dialogs->len; i++)
    if (gtk_window_is_active (g_ptr_array_index (self->dialogs, i)))
      return TRUE;
  return FALSE;
}

static gboolean
focus_check_timeout (gpointer data)
{
  LcExamWindow *self = data;

  self->focus_check_id = 0;
  /* A window being destroyed is not left. */
  if (!ours_active (self) && !self->away && gtk_widget_get_mapped (GTK_WIDGET (self)))
    _lc_exam_window_focus_lost (self);
  return G_SOURCE_REMOVE;
}

/* Any of our windows gaining or losing the focus. One loss is counted per
 * absence: the next needs the officer back first. */
static void
active_changed (LcExamWindow *self)
{
  if (ours_active (self))
    {
      g_clear_handle_id (&self->focus_check_id, g_source_remove);
      self->away = FALSE;
      return;
    }
  if (self->focus_check_id == 0 && !self->away && in_progress (self) && !self->leaving)
    self->focus_check_id = g_timeout_add (FOCUS_GRACE_MS, focus_check_timeout, self);
}

static void
dialog_destroyed (LcExamWindow *self, GtkWindow *dialog)
{
  g_ptr_array_remove (self->dialogs, dialog);
  /* The keyboard goes back to the exam, as it came from it. */
  if (self->dialogs->len == 0 && in_progress (self) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
}

static void
show_dialog (LcExamWindow *self, const char *heading, const char *body)
{
  LcMessageDialog *dialog = lc_message_dialog_new (GTK_WINDOW (self), heading, body);

  g_ptr_array_add (self->dialogs, dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "notify::is-active", G_CALLBACK (active_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_lc_exam_window_focus_lost (LcExamWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  int count = 0;
  gboolean submitted = FALSE;
  int limit;

  g_return_if_fail (LC_IS_EXAM_WINDOW (self));

  if (!in_progress (self) || self->leaving)
    return;
  self->away = TRUE;
  _lc_exam_window_flush (self);
  if (!in_progress (self))
    return;
  if (!lc_exam_record_focus_loss (self->session, self->attempt_id, &count, &submitted, &error))
    {
      if (!handle_attempt_error (self, error))
        set_status (self, error->message, TRUE);
      return;
    }
  self->paper->attempt->focus_losses = count;
  limit = self->exam != NULL ? self->exam->focus_loss_limit : 0;
  if (submitted)
    {
      show_result (self);
      body = g_strdup_printf (
          /* Translators: 切屏 — the officer switched away from the exam window */
          ngettext ("You left the exam window %d time, the limit of this exam: it was submitted with the answers "
                    "saved.",
                    "You left the exam window %d times, the limit of this exam: it was submitted with the answers "
                    "saved.",
                    count),
          count);
      show_dialog (self, _ ("The exam was submitted"), body);
      return;
    }
  if (limit > 0)
    body = g_strdup_printf (ngettext ("You left the exam window (%d of %d times allowed). At %d the exam is "
                                      "submitted with the answers saved.",
                                      "You left the exam window (%d of %d times allowed). At %d the exam is "
                                      "submitted with the answers saved.",
                                      limit),
                            count, limit, limit);
  else
    body = g_strdup_printf (ngettext ("You left the exam window. This is recorded: %d time so far.",
                                      "You left the exam window. This is recorded: %d times so far.", count),
                            count);
  set_status (self, body, TRUE);
  show_dialog (self, _ ("Stay in the exam window"), body);
}

/* The keys of a text field are its own: the letter and arrow shortcuts
 * go quiet while one has the focus. */
static void
focus_changed (LcExamWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean typing = focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "exam.choose", !typing);
  gtk_widget_action_set_enabled (widget, "exam.flag", !typing);
  gtk_widget_action_set_enabled (widget, "exam.first", !typing);
  gtk_widget_action_set_enabled (widget, "exam.last", !typing);
  gtk_widget_action_set_enabled (widget, "exam.step", !typing);
}

/* Pages ------------------------------------------------------------------ */

static void
stop_clock (LcExamWindow *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
show_result (LcExamWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcAttempt) attempt = NULL;
  g_autofree char *score = NULL;
  g_autoptr (GString) detail = g_string_new (NULL);
  LcReviewPolicy policy = self->exam != NULL ? self->exam->review_policy : LC_REVIEW_NONE;
  gboolean review_open = FALSE;

  stop_clock (self);
  g_clear_handle_id (&self->save_text_id, g_source_remove);
  attempt = lc_exam_get_attempt (self->session, self->attempt_id, &error);
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_score_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_score_label), "error");
  if (attempt == NULL)
    {
      gtk_label_set_text (self->result_heading, _ ("The result could not be read"));
      gtk_label_set_text (self->result_score_label, error->message);
      gtk_label_set_text (self->result_detail_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->review_button), FALSE);
      return;
    }
  if (self->paper != NULL && self->paper->attempt != NULL)
    self->paper->attempt->state = attempt->state;

  switch (attempt->submitted_by)
    {
    case LC_SUBMITTED_BY_DEADLINE:
      gtk_label_set_text (self->result_heading, _ ("Time is up: the exam was submitted with the answers saved"));
      break;
    case LC_SUBMITTED_BY_FOCUS:
      gtk_label_set_text (self->result_heading, _ ("The exam was submitted: the exam window was left too often"));
      break;
    default:
      gtk_label_set_text (self->result_heading, _ ("The exam was submitted"));
    }

  if (attempt->has_score)
    {
      g_autofree char *got = lc_hundredths_format (attempt->score);
      g_autofree char *max = lc_hundredths_format (attempt->max_score);

      /* Translators: the result of an exam: “成绩：85 分（满分 100 分）——合格” */
      score = g_strdup_printf (_ ("Score: %s of %s points — %s"), got, max,
                               attempt->passed ? _ ("passed") : _ ("not passed"));
      gtk_widget_add_css_class (GTK_WIDGET (self->result_score_label), attempt->passed ? "success" : "error");
    }
  else if (attempt->state == LC_ATTEMPT_AWAITING_GRADING && policy != LC_REVIEW_NONE)
    score = g_strdup_printf (ngettext ("Awaiting grading: %u case-analysis answer waits for a trainer.",
                                       "Awaiting grading: %u case-analysis answers wait for a trainer.",
                                       attempt->n_ungraded),
                             attempt->n_ungraded);
  else if (policy == LC_REVIEW_NONE)
    score = g_strdup (_ ("This exam does not show its results here; the training office will tell you."));
  else
    score = g_strdup (_ ("The score is shown once the exam has closed."));
  gtk_label_set_text (self->result_score_label, score);

  g_string_append_printf (detail,
                          ngettext ("%u of %u question answered.", "%u of %u questions answered.", attempt->n_answered),
                          attempt->n_answered, attempt->n_items);
  if (policy >= LC_REVIEW_ANSWERS && self->exam != NULL)
    {
      gint64 now = lc_db_now (lc_session_get_db (self->session));

      review_open = !self->exam->review_after_close || now >= self->exam->closes_at;
      g_string_append_c (detail, '\n');
      if (!review_open)
        {
          g_autofree char *closes = format_instant (self->exam->closes_at);
          g_string_append_printf (detail, _ ("You can review your answers once the exam closes, on %s."), closes);
        }
      else if (policy == LC_REVIEW_FULL)
        g_string_append (detail, _ ("You may review your answers with the correct answers, the explanations "
                                    "and the articles they cite."));
      else
        g_string_append (detail, _ ("You may review your answers and the points each earned."));
    }
  else
    {
      g_string_append_c (detail, '\n');
      g_string_append (detail, _ ("This exam does not show the answers after submission."));
    }
  gtk_label_set_text (self->result_detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), review_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.review", review_open);
  gtk_widget_grab_focus (GTK_WIDGET (review_open ? self->review_button : self->result_close_button));
}

static GtkWidget *
review_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
review_row (const LcPaper *paper, const LcPaperItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *points = lc_hundredths_format (item->points);
  g_autofree char *heading = NULL;
  g_autoptr (GString) summary = g_string_new (NULL);
  gboolean answered = item->response != NULL && *item->response != '\0';

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (paper->has_awarded && item->awarded >= 0)
    {
      g_autofree char *awarded = lc_hundredths_format (item->awarded);
      /* Translators: “第3题 · 单选题 · 得分 1.5 / 1.5” */
      heading = g_strdup_printf (_ ("Question %d · %s · %s of %s points"), item->pos,
                                 lc_question_type_display_name (item->type), awarded, points);
    }
  else if (paper->has_awarded && item->type == LC_QUESTION_ESSAY)
    heading = g_strdup_printf (_ ("Question %d · %s · awaiting grading"), item->pos,
                               lc_question_type_display_name (item->type));
  else
    heading = g_strdup_printf (_ ("Question %d · %s · %s points"), item->pos,
                               lc_question_type_display_name (item->type), points);
  gtk_box_append (GTK_BOX (box), review_label (heading, "heading"));
  gtk_box_append (GTK_BOX (box), review_label (item->stem, NULL));
  g_string_append (summary, heading);

  for (guint i = 0; i < item->options->len; i++)
    {
      char letter = item->type == LC_QUESTION_TRUEFALSE ? (i == 0 ? 'T' : 'F') : (char) ('A' + i);
      const char *text = item->type == LC_QUESTION_TRUEFALSE ? (i == 0 ? _ ("True") : _ ("False"))
                                                             : (const char *) g_ptr_array_index (item->options, i);
      gboolean chosen = item->response != NULL && strchr (item->response, letter) != NULL;
      gboolean correct = paper->has_key && item->correct != NULL && i < item->correct->len
                         && g_array_index (item->correct, gboolean, i);
      g_autofree char *line = NULL;
      GtkWidget *label;

      if (chosen && correct)
        /* Translators: an option in the review: “● A. 甲（你的选择，正确答案）” */
        line = g_strdup_printf (_ ("● %c. %s (your choice, correct)"), 'A' + (char) i, text);
      else if (chosen)
        line = g_strdup_printf (_ ("● %c. %s (your choice)"), 'A' + (char) i, text);
      else if (correct)
        line = g_strdup_printf (_ ("○ %c. %s (correct)"), 'A' + (char) i, text);
      else
        line = g_strdup_printf ("○ %c. %s", 'A' + (char) i, text);
      label = review_label (line, correct ? "exam-correct" : (chosen && paper->has_key ? "exam-wrong" : NULL));
      gtk_box_append (GTK_BOX (box), label);
    }
  if (item->type == LC_QUESTION_FILL || item->type == LC_QUESTION_ESSAY)
    {
      g_autofree char *line = g_strdup_printf (_ ("Your answer: %s"), answered ? item->response : _ ("(not answered)"));
      gtk_box_append (GTK_BOX (box), review_label (line, NULL));
    }
  else if (!answered)
    gtk_box_append (GTK_BOX (box), review_label (_ ("Not answered."), "dim-label"));
  if (paper->has_key)
    {
      if (item->correct_answer != NULL && (item->type == LC_QUESTION_FILL))
        {
          g_autofree char *line = g_strdup_printf (_ ("Accepted answers: %s"), item->correct_answer);
          gtk_box_append (GTK_BOX (box), review_label (line, "exam-correct"));
        }
      if (item->model_answer != NULL && *item->model_answer != '\0')
        {
          g_autofree char *line = g_strdup_printf (_ ("Model answer: %s"), item->model_answer);
          gtk_box_append (GTK_BOX (box), review_label (line, NULL));
        }
      if (item->explanation != NULL && *item->explanation != '\0')
        {
          /* Many explanations of the bank begin with the word already (“解析：”). */
          g_autofree char *line = g_str_has_prefix (item->explanation, _ ("Explanation:"))
                                      ? g_strdup (item->explanation)
                                      : g_strdup_printf ("%s %s", _ ("Explanation:"), item->explanation);
          gtk_box_append (GTK_BOX (box), review_label (line, NULL));
        }
      if (item->basis_label != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s %s", _ ("Legal basis:"), item->basis_label);
          gtk_box_append (GTK_BOX (box), review_label (line, "heading"));
          if (item->basis_text != NULL)
            gtk_box_append (GTK_BOX (box), review_label (item->basis_text, "exam-article"));
        }
    }
  if (item->grader_comment != NULL && *item->grader_comment != '\0')
    {
      g_autofree char *line = g_strdup_printf (_ ("Grader's comment: %s"), item->grader_comment);
      gtk_box_append (GTK_BOX (box), review_label (line, NULL));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, summary->str, -1);
  return row;
}

static void
show_review (LcExamWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcPaper) paper = lc_exam_get_paper (self->session, self->attempt_id, &error);
  GtkWidget *child;
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_list))) != NULL)
    gtk_list_box_remove (self->review_list, child);
  if (paper == NULL)
    {
      show_dialog (self, _ ("The answers cannot be reviewed"), error->message);
      return;
    }
  /* Translators: the heading of the review page: “答卷回顾：2026年度…考试” */
  heading = g_strdup_printf (_ ("Review: %s"), paper->exam_title);
  gtk_label_set_text (self->review_heading, heading);
  for (guint i = 0; i < paper->items->len; i++)
    gtk_list_box_append (self->review_list, review_row (paper, g_ptr_array_index (paper->items, i)));
  gtk_stack_set_visible_child_name (self->stack, "review");
  child = gtk_widget_get_first_child (GTK_WIDGET (self->review_list));
  if (child != NULL)
    gtk_widget_grab_focus (child);
}

/* Opens the paper of the attempt: the questions and the clock. */
static gboolean
open_paper (LcExamWindow *self, GError **error)
{
  g_autoptr (LcPaper) paper = lc_exam_get_paper (self->session, self->attempt_id, error);
  g_autofree char *title = NULL;
  guint first_open = 0;

  if (paper == NULL)
    return FALSE;
  g_clear_pointer (&self->paper, lc_paper_free);
  self->paper = g_steal_pointer (&paper);
  if (!in_progress (self))
    {
      show_result (self);
      return TRUE;
    }
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  self->unsaved = g_ptr_array_new_full (self->paper->items->len, g_free);
  g_ptr_array_set_size (self->unsaved, (int) self->paper->items->len);
  gtk_label_set_text (self->title_label, self->paper->exam_title);
  title = g_strdup_printf ("%s — %s", self->paper->exam_title, _ ("Exam"));
  set_title (self, title);
  build_navigator (self);
  /* Resume where the work is: the first question not answered yet. */
  for (first_open = 0; first_open < self->paper->items->len; first_open++)
    {
      LcPaperItem *item = g_ptr_array_index (self->paper->items, first_open);
      if (item->response == NULL)
        break;
    }
  gtk_stack_set_visible_child_name (self->stack, "exam");
  self->current = 0;
  show_question (self, first_open < self->paper->items->len ? first_open : 0);
  /* The paper carries the server's time at reading: the countdown starts from it. */
  self->remaining = self->paper->deadline_at - self->paper->now;
  update_countdown (self);
  stop_clock (self);
  self->tick_id = g_timeout_add_seconds (1, tick_timeout, self);
  set_status (self, _ ("Every answer is saved the moment you give it."), FALSE);
  return TRUE;
}

static void
show_instructions (LcExamWindow *self)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *pass = lc_hundredths_format (self->exam->pass_score);
  g_autofree char *max = lc_hundredths_format (lc_exam_max_score (self->exam));
  g_autofree char *closes = format_instant (self->exam->closes_at);
  guint n = lc_exam_n_questions (self->exam);

  gtk_label_set_text (self->intro_title_label, self->exam->title);
  g_string_append_printf (body, "%s\n\n", lc_exam_purpose_display_name (self->exam->purpose));
  g_string_append_printf (body,
                          ngettext ("%u question, %s points in all; the pass score is %s.",
                                    "%u questions, %s points in all; the pass score is %s.", n),
                          n, max, pass);
  g_string_append_c (body, '\n');
  g_string_append_printf (body,
                          ngettext ("You have %d minute from the start, and no later than the exam closes (%s).",
                                    "You have %d minutes from the start, and no later than the exam closes (%s).",
                                    self->exam->minutes),
                          self->exam->minutes, closes);
  g_string_append (body, "\n\n");
  g_string_append (body, _ ("Every answer is saved the moment you give it. If the computer fails or the window "
                            "closes, sign in again and resume from My exams: the time keeps running."));
  g_string_append (body, "\n\n");
  if (self->exam->focus_loss_limit > 0)
    g_string_append_printf (body,
                            ngettext ("Stay in this window. Leaving it (switching to another program) is recorded; "
                                      "after %d time the exam is submitted with the answers saved.",
                                      "Stay in this window. Leaving it (switching to another program) is recorded; "
                                      "after %d times the exam is submitted with the answers saved.",
                                      self->exam->focus_loss_limit),
                            self->exam->focus_loss_limit);
  else
    g_string_append (body, _ ("Stay in this window. Leaving it (switching to another program) is recorded."));
  g_string_append (body, "\n\n");
  g_string_append (body,
                   _ ("Keys: 1–9 or A–H choose an option; ← → or PageUp PageDown move between questions; "
                      "Home and End go to the first and last; F flags (the sixth option is 6); Ctrl+Enter submits."));
  gtk_label_set_text (self->intro_body_label, body->str);
  gtk_stack_set_visible_child_name (self->stack, "instructions");
  gtk_widget_grab_focus (GTK_WIDGET (self->begin_button));
}

/* Actions ----------------------------------------------------------------- */

static void
begin_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gint64 officer_id = lc_session_get_officer_id (self->session);

  if (!lc_exam_start (self->session, self->exam_id, officer_id, &self->attempt_id, NULL, &error)
      || !open_paper (self, &error))
    {
      gtk_label_set_text (self->intro_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->intro_error_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "instructions");
    }
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);
  LcPaperItem *item = current_item (self);
  int index = g_variant_get_int32 (parameter);
  GtkCheckButton *button;

  if (item == NULL || index < 0 || (guint) index >= self->option_buttons->len)
    return;
  button = g_ptr_array_index (self->option_buttons, index);
  /* Single choice keeps its choice; multiple toggles it. */
  if (item->type == LC_QUESTION_MULTIPLE)
    gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
  else
    gtk_check_button_set_active (button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

static void
go_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  if (self->paper != NULL && in_progress (self))
    show_question (self, (guint) MAX (g_variant_get_int32 (parameter), 0));
}

static void
step_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);
  int step = g_variant_get_int32 (parameter);
  int target;

  if (self->paper == NULL || !in_progress (self))
    return;
  target = CLAMP ((int) self->current + step, 0, (int) self->paper->items->len - 1);
  if ((guint) target != self->current)
    show_question (self, (guint) target);
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_action (widget, action_name, g_variant_new_int32 (-1));
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_action (widget, action_name, g_variant_new_int32 (1));
}

static void
first_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  if (self->paper != NULL && in_progress (self))
    show_question (self, 0);
}

static void
last_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  if (self->paper != NULL && in_progress (self) && self->paper->items->len > 0)
    show_question (self, self->paper->items->len - 1);
}

static void
flag_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  if (current_item (self) != NULL && in_progress (self))
    gtk_toggle_button_set_active (self->flag_button, !gtk_toggle_button_get_active (self->flag_button));
}

static char *
join_numbers (GArray *numbers)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    {
      if (i > 0)
        /* Translators: between question numbers in a list: “3、7、12” */
        g_string_append (text, _ (", "));
      g_string_append_printf (text, "%d", g_array_index (numbers, int, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
submit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);
  g_autoptr (GArray) unanswered = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) flagged = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) unsaved = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GString) body = g_string_new (NULL);

  if (!in_progress (self))
    return;
  _lc_exam_window_flush (self);
  retry_unsaved (self);
  if (!in_progress (self))
    return;
  for (guint i = 0; i < self->paper->items->len; i++)
    {
      LcPaperItem *item = g_ptr_array_index (self->paper->items, i);

      if (item->response == NULL || *item->response == '\0')
        g_array_append_val (unanswered, item->pos);
      if (item->flagged)
        g_array_append_val (flagged, item->pos);
      if (unsaved_at (self, i) != NULL)
        g_array_append_val (unsaved, item->pos);
    }
  if (unanswered->len == 0)
    g_string_append (body, _ ("Every question is answered."));
  else
    {
      g_autofree char *list = join_numbers (unanswered);
      /* Translators: in the submit confirmation: “未作答的题目（2道）：3、7” */
      g_string_append_printf (
          body, ngettext ("Not answered (%u question): %s", "Not answered (%u questions): %s", unanswered->len),
          unanswered->len, list);
    }
  if (flagged->len > 0)
    {
      g_autofree char *list = join_numbers (flagged);
      g_string_append_c (body, '\n');
      g_string_append_printf (
          body,
          ngettext ("Flagged for review (%u question): %s", "Flagged for review (%u questions): %s", flagged->len),
          flagged->len, list);
    }
  if (unsaved->len > 0)
    {
      g_autofree char *list = join_numbers (unsaved);

      g_string_append_c (body, '\n');
      /* Translators: in the submit confirmation: answers the database refused so far, “未能保存的答案（1道）：4” */
      g_string_append_printf (body,
                              ngettext ("Answer not saved yet, it would be lost (%u question): %s",
                                        "Answers not saved yet, they would be lost (%u questions): %s", unsaved->len),
                              unsaved->len, list);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _ ("After submitting, the answers cannot be changed."));
  gtk_label_set_text (self->confirm_body_label, body->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->confirm_page), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body->str,
                                  -1);
  gtk_stack_set_visible_child_name (self->stack, "confirm");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->confirm_submit_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_submit_button));
}

static void
submit_confirmed_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  submit (self);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  if (!in_progress (self))
    {
      show_result (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "exam");
  show_question (self, self->current);
}

static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);
  g_autofree char *deadline = NULL;
  g_autofree char *body = NULL;

  if (!in_progress (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  _lc_exam_window_flush (self);
  deadline = format_instant (self->paper->deadline_at);
  body = g_strdup_printf (_ ("Your answers are saved. The time keeps running: unless you submit before, the exam is "
                             "submitted at %s with the answers saved. Resume it from My exams."),
                          deadline);
  gtk_label_set_text (self->leave_body_label, body);
  gtk_stack_set_visible_child_name (self->stack, "leave");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->leave_stay_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->leave_stay_button));
}

static void
leave_confirmed_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  _lc_exam_window_flush (self);
  self->leaving = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_review (LC_EXAM_WINDOW (widget));
}

static void
result_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_result (LC_EXAM_WINDOW (widget));
}

static void
text_size_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LcExamWindow *self = LC_EXAM_WINDOW (widget);

  gtk_toggle_button_set_active (self->large_text_button, g_variant_get_boolean (parameter));
}

static void
large_text_toggled (GtkToggleButton *button, LcExamWindow *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_widget_add_css_class (GTK_WIDGET (self), "exam-large-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "exam-large-text");
}

static gboolean
close_request (GtkWindow *window)
{
  LcExamWindow *self = LC_EXAM_WINDOW (window);

  /* Closing mid-exam asks first; the attempt goes on either way. */
  if (in_progress (self) && !self->leaving)
    {
      const char *page = gtk_stack_get_visible_child_name (self->stack);

      if (g_strcmp0 (page, "leave") != 0)
        leave_action (GTK_WIDGET (self), "exam.leave", NULL);
      return TRUE;
    }
  _lc_exam_window_flush (self);
  return GTK_WINDOW_CLASS (lc_exam_window_parent_class)->close_request (window);
}

/* The keys ----------------------------------------------------------------- */

static void
add_key (GtkShortcutController *controller, guint keyval, GdkModifierType modifiers, const char *action,
         GVariant *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers), gtk_named_action_new (action));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
install_keys (LcExamWindow *self)
{
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  GtkShortcutController *confirm = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  /* Capture: before a focused option or navigator button, and before the
   * window's own arrow-key focus moves; a text field silences them (see
   * focus_changed()). */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (keys), GTK_PHASE_CAPTURE);
  for (int i = 0; i < 9; i++)
    {
      add_key (keys, GDK_KEY_1 + (guint) i, 0, "exam.choose", g_variant_new_int32 (i));
      add_key (keys, GDK_KEY_KP_1 + (guint) i, 0, "exam.choose", g_variant_new_int32 (i));
    }
  /* A to H, but F flags (the sixth option is 6). */
  for (int i = 0; i < 8; i++)
    if (GDK_KEY_a + (guint) i != GDK_KEY_f)
      add_key (keys, GDK_KEY_a + (guint) i, 0, "exam.choose", g_variant_new_int32 (i));
  add_key (keys, GDK_KEY_Left, 0, "exam.step", g_variant_new_int32 (-1));
  add_key (keys, GDK_KEY_Right, 0, "exam.step", g_variant_new_int32 (1));
  /* PageUp and PageDown move on from a text field too: a way out by keyboard. */
  add_key (keys, GDK_KEY_Page_Up, 0, "exam.page", g_variant_new_int32 (-1));
  add_key (keys, GDK_KEY_Page_Down, 0, "exam.page", g_variant_new_int32 (1));
  add_key (keys, GDK_KEY_Home, 0, "exam.first", NULL);
  add_key (keys, GDK_KEY_End, 0, "exam.last", NULL);
  add_key (keys, GDK_KEY_f, 0, "exam.flag", NULL);
  add_key (keys, GDK_KEY_Return, GDK_CONTROL_MASK, "exam.submit", NULL);
  add_key (keys, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "exam.submit", NULL);
  add_key (keys, GDK_KEY_plus, GDK_CONTROL_MASK, "exam.text-size", g_variant_new_boolean (TRUE));
  add_key (keys, GDK_KEY_equal, GDK_CONTROL_MASK, "exam.text-size", g_variant_new_boolean (TRUE));
  add_key (keys, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "exam.text-size", g_variant_new_boolean (TRUE));
  add_key (keys, GDK_KEY_minus, GDK_CONTROL_MASK, "exam.text-size", g_variant_new_boolean (FALSE));
  add_key (keys, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "exam.text-size", g_variant_new_boolean (FALSE));
  gtk_widget_add_controller (self->exam_page, GTK_EVENT_CONTROLLER (keys));
  self->shortcuts = keys;

  add_key (confirm, GDK_KEY_Return, 0, "exam.submit-confirmed", NULL);
  add_key (confirm, GDK_KEY_KP_Enter, 0, "exam.submit-confirmed", NULL);
  add_key (confirm, GDK_KEY_Escape, 0, "exam.back", NULL);
  gtk_widget_add_controller (self->confirm_page, GTK_EVENT_CONTROLLER (confirm));
  self->confirm_keys = confirm;

  /* The leave confirmation: Escape stays in the exam. */
  {
    GtkShortcutController *leave = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
    add_key (leave, GDK_KEY_Escape, 0, "exam.back", NULL);
    gtk_widget_add_controller (self->leave_page, GTK_EVENT_CONTROLLER (leave));
  }
}

/* GObject ------------------------------------------------------------------ */

static void
lc_exam_window_dispose (GObject *object)
{
  LcExamWindow *self = LC_EXAM_WINDOW (object);

  /* Quitting the application, or My exams opening another exam, destroys
   * the window without a close request: what was typed is saved first,
   * while the session and the widgets are still here. */
  if (self->session != NULL)
    {
      _lc_exam_window_flush (self);
      retry_unsaved (self);
    }
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->save_text_id, g_source_remove);
  g_clear_handle_id (&self->focus_check_id, g_source_remove);
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  /* Not gtk_widget_dispose_template(): the stack is the window's child,
   * which GtkWindow's dispose unparents itself. */
  self->shortcuts = NULL;
  self->confirm_keys = NULL;
  g_clear_pointer (&self->paper, lc_paper_free);
  g_clear_pointer (&self->exam, lc_exam_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lc_exam_window_parent_class)->dispose (object);
}

static void
lc_exam_window_finalize (GObject *object)
{
  LcExamWindow *self = LC_EXAM_WINDOW (object);

  g_ptr_array_unref (self->option_buttons);
  g_ptr_array_unref (self->nav_buttons);
  g_ptr_array_unref (self->dialogs);

  G_OBJECT_CLASS (lc_exam_window_parent_class)->finalize (object);
}

static void
lc_exam_window_class_init (LcExamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lc_exam_window_dispose;
  object_class->finalize = lc_exam_window_finalize;
  window_class->close_request = close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lexcert/Lexcert/lc-exam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, intro_title_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, intro_body_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, intro_error_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, begin_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, exam_page);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, officer_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, large_text_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, leave_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, navigator);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, stem_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, options_box);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, fill_entry);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, essay_window);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, essay_view);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, flag_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, confirm_heading);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, confirm_body_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, confirm_submit_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, confirm_back_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, leave_page);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, leave_body_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, leave_stay_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, leave_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, result_heading);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, result_score_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, result_detail_label);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, result_close_button);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, review_list);
  gtk_widget_class_bind_template_child (widget_class, LcExamWindow, review_heading);

  gtk_widget_class_install_action (widget_class, "exam.begin", NULL, begin_action);
  gtk_widget_class_install_action (widget_class, "exam.choose", "i", choose_action);
  gtk_widget_class_install_action (widget_class, "exam.go", "i", go_action);
  gtk_widget_class_install_action (widget_class, "exam.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "exam.page", "i", step_action);
  gtk_widget_class_install_action (widget_class, "exam.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "exam.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "exam.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "exam.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "exam.flag", NULL, flag_action);
  gtk_widget_class_install_action (widget_class, "exam.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "exam.submit-confirmed", NULL, submit_confirmed_action);
  gtk_widget_class_install_action (widget_class, "exam.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "exam.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "exam.leave-confirmed", NULL, leave_confirmed_action);
  gtk_widget_class_install_action (widget_class, "exam.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "exam.result", NULL, result_action);
  gtk_widget_class_install_action (widget_class, "exam.text-size", "b", text_size_action);
}

static void
lc_exam_window_init (LcExamWindow *self)
{
  self->option_buttons = g_ptr_array_new ();
  self->nav_buttons = g_ptr_array_new ();
  self->dialogs = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  install_keys (self);

  g_signal_connect (self->flag_button, "toggled", G_CALLBACK (flag_toggled), self);
  g_signal_connect (self->large_text_button, "toggled", G_CALLBACK (large_text_toggled), self);
  g_signal_connect_swapped (self->fill_entry, "changed", G_CALLBACK (text_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->essay_view), "changed", G_CALLBACK (text_changed), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed), NULL);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed), NULL);
}

static LcExamWindow *
new_window (GtkWindow *parent, LcSession *session)
{
  LcExamWindow *self = g_object_new (LC_TYPE_EXAM_WINDOW, NULL);
  gint64 officer_id = lc_session_get_officer_id (session);

  self->session = g_object_ref (session);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  if (officer_id != 0)
    {
      g_autoptr (LcOfficer) officer = lc_people_get_officer (session, officer_id, NULL);

      if (officer != NULL)
        {
          /* Translators: an officer's name and staff number, as in “张伟 (330401001)” */
          g_autofree char *text = g_strdup_printf (_ ("%s (%s)"), officer->name, officer->staff_no);
          gtk_label_set_text (self->officer_label, text);
        }
    }
  /* The exam fills the screen: nothing else in view, one thing to do.
   * The monitor's size too, for a desktop without a window manager to
   * honour the full-screen request. */
  {
    GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
    g_autoptr (GdkMonitor) monitor =
        g_list_model_get_n_items (monitors) > 0 ? g_list_model_get_item (monitors, 0) : NULL;
    GdkRectangle area;

    if (monitor != NULL)
      {
        gdk_monitor_get_geometry (monitor, &area);
        gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
      }
  }
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}

LcExamWindow *
lc_exam_window_new (GtkWindow *parent, LcSession *session, gint64 exam_id)
{
  LcExamWindow *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  gint64 in_progress_id = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = new_window (parent, session);
  self->exam_id = exam_id;
  self->exam = lc_exam_get (session, exam_id, &error);
  if (self->exam == NULL)
    {
      gtk_label_set_text (self->intro_title_label, _ ("The exam cannot be opened"));
      gtk_label_set_text (self->intro_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->intro_error_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->begin_button), FALSE);
      return self;
    }
  {
    g_autofree char *title = g_strdup_printf ("%s — %s", self->exam->title, _ ("Exam"));
    set_title (self, title);
  }
  mine = lc_exam_my_exams (session, lc_session_get_officer_id (session), NULL);
  for (guint i = 0; mine != NULL && i < mine->len; i++)
    {
      LcMyExam *my = g_ptr_array_index (mine, i);
      if (my->exam->id == exam_id)
        in_progress_id = my->attempt_in_progress;
    }
  show_instructions (self);
  /* An attempt in progress goes on where it was: its clock is running. */
  if (in_progress_id != 0)
    begin_action (GTK_WIDGET (self), "exam.begin", NULL);
  return self;
}

LcExamWindow *
lc_exam_window_new_for_result (GtkWindow *parent, LcSession *session, gint64 attempt_id)
{
  LcExamWindow *self;
  g_autoptr (LcAttempt) attempt = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LC_IS_SESSION (session), NULL);

  self = new_window (parent, session);
  self->attempt_id = attempt_id;
  attempt = lc_exam_get_attempt (session, attempt_id, NULL);
  if (attempt != NULL)
    {
      self->exam_id = attempt->exam_id;
      self->exam = lc_exam_get (session, attempt->exam_id, NULL);
      if (self->exam != NULL)
        {
          g_autofree char *title = g_strdup_printf ("%s — %s", self->exam->title, _ ("Exam"));
          set_title (self, title);
        }
    }
  show_result (self);
  return self;
}

gint64
lc_exam_window_get_attempt_id (LcExamWindow *self)
{
  g_return_val_if_fail (LC_IS_EXAM_WINDOW (self), 0);
  return self->attempt_id;
}
