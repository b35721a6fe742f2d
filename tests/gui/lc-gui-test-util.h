/* lc-gui-test-util.h: what the GUI tests share: a temporary database with
 * a few officers, running the main loop until something is true, and
 * finding a template child by its id. */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>

#include "lc-auth.h"
#include "lc-bank.h"
#include "lc-db.h"
#include "lc-law.h"
#include "lc-people.h"

G_BEGIN_DECLS

/* Exits 77 (skipped, for meson) when there is no display to test on. */
static inline void
lc_gui_test_require_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no DISPLAY or WAYLAND_DISPLAY: skipping the GUI tests\n");
      exit (77);
    }
}

static inline gboolean
lc_gui_test_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done returns TRUE or ten seconds pass; returns
 * what @done said last. The tick source only makes sure the loop wakes up
 * to ask again. */
static inline gboolean
lc_gui_test_wait_for (gboolean (*done) (gpointer data), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (5, lc_gui_test_tick, NULL);
  gboolean result;

  while (!(result = done (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return result;
}

/* Lets pending idles and redraws run, without waiting for anything. */
static inline void
lc_gui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The widget under @root whose GtkBuilder id is @id, or NULL. */
static inline GtkWidget *
lc_gui_test_find (GtkWidget *root, const char *id)
{
  const char *own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (own, id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lc_gui_test_find (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A fresh database file in a new temporary directory. */
static inline LcDb *
lc_gui_test_open_db (char **out_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lexcert-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  LcDb *db;

  g_assert_no_error (error);
  path = g_build_filename (dir, "test.db", NULL);
  db = lc_db_open (path, &error);
  g_assert_no_error (error);
  *out_dir = g_steal_pointer (&dir);
  return db;
}

/* lc_gui_test_open_db() with the shipped statutes and the starter bank, and
 * a user "trainer" with @password: what the content pages are tested on. */
static inline LcDb *
lc_gui_test_open_content_db (char **out_dir, const char *password)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LcSession) system = NULL;
  LcDb *db = lc_gui_test_open_db (out_dir);

  lc_law_ensure_shipped (db, &error);
  g_assert_no_error (error);
  lc_bank_ensure_starter (db, &error);
  g_assert_no_error (error);
  system = lc_session_new_system (db);
  lc_auth_add_user (system, "trainer", password, LC_ROLE_TRAINER, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  return db;
}

/* Removes the temporary directory of lc_gui_test_open_db() and its files. */
static inline void
lc_gui_test_remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* The teardown of a test on lc_gui_test_open_db(): closes every window
 * (their workers finish on the drained loop), then the database and its folder. */
static inline void
lc_gui_test_close (LcDb **db, char **dir)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  lc_gui_test_drain ();
  g_clear_pointer (db, lc_db_unref);
  lc_gui_test_remove_dir (*dir);
  g_clear_pointer (dir, g_free);
}

G_END_DECLS
