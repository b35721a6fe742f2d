/* lc-user-object.h: one user account as an item of a GListModel.
 *
 * A small immutable GObject around an LcUser, so that the cells of the
 * Users page can bind its read-only properties: the texts are made once,
 * translated, when the object is made.
 */
#pragma once

#include <glib-object.h>

#include "lc-auth.h"

G_BEGIN_DECLS

#define LC_TYPE_USER_OBJECT (lc_user_object_get_type ())
G_DECLARE_FINAL_TYPE (LcUserObject, lc_user_object, LC, USER_OBJECT, GObject)

/* Takes ownership of @user. */
LcUserObject *lc_user_object_new (LcUser *user);

const LcUser *lc_user_object_get_user (LcUserObject *self);
const char *lc_user_object_get_login (LcUserObject *self);
gboolean lc_user_object_get_disabled (LcUserObject *self);
/* The last sign-in as a local date and time, "2025-03-04 09:15", or “never”. */
const char *lc_user_object_get_last_sign_in (LcUserObject *self);

G_END_DECLS
