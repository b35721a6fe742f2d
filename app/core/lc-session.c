/* lc-session.c: the acting user and the permission table. */
#define G_LOG_DOMAIN "lc-session"

#include "config.h"

#include "lc-auth.h"
#include "lc-db.h"
#include "lc-i18n.h"
#include "lc-session.h"

struct _LcSession
{
  GObject parent_instance;

  /* owned */
  LcDb *db;
  char *login;
  gint64 user_id;
  gint64 officer_id;
  LcRole role;
  gboolean must_change_password;
};

G_DEFINE_FINAL_TYPE (LcSession, lc_session, G_TYPE_OBJECT)

static const char *const role_names[] = { "officer", "trainer", "personnel", "administrator" };

/* Who may do what. An officer's own record is handled by
 * lc_session_can_read_officer(), not by this table. */
static const gboolean permission_table[][LC_PERM_LAST + 1] = {
  /*                       read   manage cert   train  users  maintain content exams  grade  results */
  [LC_ROLE_OFFICER] = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  [LC_ROLE_TRAINER] = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE },
  [LC_ROLE_PERSONNEL] = { TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  [LC_ROLE_ADMINISTRATOR] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE },
};

static void
lc_session_finalize (GObject *object)
{
  LcSession *self = LC_SESSION (object);

  g_clear_pointer (&self->db, lc_db_unref);
  g_clear_pointer (&self->login, g_free);
  G_OBJECT_CLASS (lc_session_parent_class)->finalize (object);
}

static void
lc_session_class_init (LcSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_session_finalize;
}

static void
lc_session_init (LcSession *self)
{
}

const char *
lc_role_to_string (LcRole role)
{
  g_return_val_if_fail (role <= LC_ROLE_ADMINISTRATOR, NULL);
  return role_names[role];
}

gboolean
lc_role_from_string (const char *text, LcRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = (LcRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lc_role_display_name (LcRole role)
{
  switch (role)
    {
    case LC_ROLE_OFFICER:
      /* Translators: 执法人员, an administrative enforcement officer */
      return _ ("Officer");
    case LC_ROLE_TRAINER:
      /* Translators: 培训管理员 */
      return _ ("Trainer");
    case LC_ROLE_PERSONNEL:
      /* Translators: the personnel (人事/法制) office */
      return _ ("Personnel office");
    case LC_ROLE_ADMINISTRATOR:
      return _ ("Administrator");
    default:
      g_return_val_if_reached (NULL);
    }
}

LcSession *
lc_session_new (LcDb *db, gint64 user_id, const char *login, LcRole role, gint64 officer_id,
                gboolean must_change_password)
{
  LcSession *self;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (role <= LC_ROLE_ADMINISTRATOR, NULL);

  self = g_object_new (LC_TYPE_SESSION, NULL);
  self->db = lc_db_ref (db);
  self->user_id = user_id;
  self->login = g_strdup (login);
  self->role = role;
  self->officer_id = officer_id;
  self->must_change_password = must_change_password;
  return self;
}

LcSession *
lc_session_new_system (LcDb *db)
{
  return lc_session_new (db, 0, "system", LC_ROLE_ADMINISTRATOR, 0, FALSE);
}

LcSession *
lc_session_open_copy (LcSession *self, GError **error)
{
  g_autoptr (LcDb) db = NULL;

  g_return_val_if_fail (LC_IS_SESSION (self), NULL);
  if ((db = lc_db_open_copy (self->db, error)) == NULL)
    return NULL;
  return lc_session_new (db, self->user_id, self->login, self->role, self->officer_id, self->must_change_password);
}

LcDb *
lc_session_get_db (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), NULL);
  return self->db;
}

gint64
lc_session_get_user_id (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), 0);
  return self->user_id;
}

const char *
lc_session_get_login (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), NULL);
  return self->login;
}

LcRole
lc_session_get_role (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), LC_ROLE_OFFICER);
  return self->role;
}

gint64
lc_session_get_officer_id (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), 0);
  return self->officer_id;
}

gboolean
lc_session_get_must_change_password (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), FALSE);
  return self->must_change_password;
}

void
lc_session_set_must_change_password (LcSession *self, gboolean value)
{
  g_return_if_fail (LC_IS_SESSION (self));
  self->must_change_password = value;
}

gboolean
lc_session_can (LcSession *self, LcPermission permission)
{
  g_return_val_if_fail (LC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (permission <= LC_PERM_LAST, FALSE);
  return permission_table[self->role][permission];
}

gboolean
lc_session_can_read_officer (LcSession *self, gint64 officer_id)
{
  g_return_val_if_fail (LC_IS_SESSION (self), FALSE);
  if (lc_session_can (self, LC_PERM_READ_ROSTER))
    return TRUE;
  return self->officer_id != 0 && self->officer_id == officer_id;
}

gboolean
lc_session_require (LcSession *self, LcPermission permission, GError **error)
{
  if (lc_session_can (self, permission))
    return TRUE;
  g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
               _ ("The account “%s” (%s) is not allowed to do this."), self->login, lc_role_display_name (self->role));
  return FALSE;
}

gboolean
lc_session_require_officer (LcSession *self, gint64 officer_id, GError **error)
{
  if (lc_session_can_read_officer (self, officer_id))
    return TRUE;
  g_set_error (error, LC_AUTH_ERROR, LC_AUTH_ERROR_PERMISSION_DENIED,
               _ ("The account “%s” may only see its own record."), self->login);
  return FALSE;
}
