/* lc-user-object.c: one user account as an item of a GListModel. */
#define G_LOG_DOMAIN "lc-user-object"

#include "config.h"

#include "lc-i18n.h"
#include "lc-user-object.h"

struct _LcUserObject
{
  GObject parent_instance;

  /* owned */
  LcUser *user;
  char *last_sign_in;
};

enum
{
  PROP_0,
  PROP_LOGIN,
  PROP_ROLE_LABEL,
  PROP_OFFICER,
  PROP_DISABLED_LABEL,
  PROP_MUST_CHANGE_LABEL,
  PROP_LAST_SIGN_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LcUserObject, lc_user_object, G_TYPE_OBJECT)

static const char *
yes_no (gboolean value)
{
  if (value)
    /* Translators: a cell of the Users table (disabled, must change password), 是 */
    return _ ("Yes");
  /* Translators: a cell of the Users table (disabled, must change password), 否 */
  return _ ("No");
}

static void
lc_user_object_finalize (GObject *object)
{
  LcUserObject *self = LC_USER_OBJECT (object);

  g_clear_pointer (&self->user, lc_user_free);
  g_clear_pointer (&self->last_sign_in, g_free);

  G_OBJECT_CLASS (lc_user_object_parent_class)->finalize (object);
}

static void
lc_user_object_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcUserObject *self = LC_USER_OBJECT (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      g_value_set_string (value, self->user->login);
      break;
    case PROP_ROLE_LABEL:
      g_value_set_string (value, lc_role_display_name (self->user->role));
      break;
    case PROP_OFFICER:
      g_value_set_string (value, self->user->officer_name);
      break;
    case PROP_DISABLED_LABEL:
      g_value_set_string (value, yes_no (self->user->disabled));
      break;
    case PROP_MUST_CHANGE_LABEL:
      g_value_set_string (value, yes_no (self->user->must_change_password));
      break;
    case PROP_LAST_SIGN_IN:
      g_value_set_string (value, self->last_sign_in);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_user_object_class_init (LcUserObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_user_object_finalize;
  object_class->get_property = lc_user_object_get_property;

  properties[PROP_LOGIN] = g_param_spec_string ("login", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE_LABEL] =
      g_param_spec_string ("role-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFICER] =
      g_param_spec_string ("officer", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISABLED_LABEL] =
      g_param_spec_string ("disabled-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUST_CHANGE_LABEL] =
      g_param_spec_string ("must-change-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SIGN_IN] =
      g_param_spec_string ("last-sign-in", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_user_object_init (LcUserObject *self)
{
}

LcUserObject *
lc_user_object_new (LcUser *user)
{
  LcUserObject *self;

  g_return_val_if_fail (user != NULL, NULL);

  self = g_object_new (LC_TYPE_USER_OBJECT, NULL);
  self->user = user;
  if (user->officer_name == NULL)
    user->officer_name = g_strdup ("");
  if (user->last_login_at > 0)
    {
      /* Instants are stored in UTC; people read them in their own time zone. */
      g_autoptr (GDateTime) at = g_date_time_new_from_unix_local (user->last_login_at);

      if (at != NULL)
        self->last_sign_in = g_date_time_format (at, "%Y-%m-%d %H:%M");
    }
  if (self->last_sign_in == NULL)
    /* Translators: the last sign-in of an account that has never signed in, 从未登录 */
    self->last_sign_in = g_strdup (C_ ("last sign-in", "never"));
  return self;
}

const LcUser *
lc_user_object_get_user (LcUserObject *self)
{
  g_return_val_if_fail (LC_IS_USER_OBJECT (self), NULL);
  return self->user;
}

const char *
lc_user_object_get_login (LcUserObject *self)
{
  g_return_val_if_fail (LC_IS_USER_OBJECT (self), NULL);
  return self->user->login;
}

gboolean
lc_user_object_get_disabled (LcUserObject *self)
{
  g_return_val_if_fail (LC_IS_USER_OBJECT (self), FALSE);
  return self->user->disabled;
}

const char *
lc_user_object_get_last_sign_in (LcUserObject *self)
{
  g_return_val_if_fail (LC_IS_USER_OBJECT (self), NULL);
  return self->last_sign_in;
}
