/* lc-officer-object.c: one officer as an item of a GListModel. */
#define G_LOG_DOMAIN "lc-officer-object"

#include "config.h"

#include <string.h>

#include "lc-officer-object.h"

struct _LcOfficerObject
{
  GObject parent_instance;

  /* owned */
  LcOfficer *officer;
  char *department_path; /* a GRefString, or NULL */
  /* Made on the first search, not at load: most of 100,000 officers are
   * never searched, and the load should stay one quick pass. */
  char *search_key;
  char *sort_keys[LC_OFFICER_N_COLUMNS]; /* collation keys, made when first sorted */
};

enum
{
  PROP_0,
  PROP_STAFF_NO,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_FIELD,
  PROP_POST,
  PROP_PHONE,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LcOfficerObject, lc_officer_object, G_TYPE_OBJECT)

static void
lc_officer_object_finalize (GObject *object)
{
  LcOfficerObject *self = LC_OFFICER_OBJECT (object);

  g_clear_pointer (&self->officer, lc_officer_free);
  g_clear_pointer (&self->department_path, g_ref_string_release);
  g_clear_pointer (&self->search_key, g_free);
  for (guint i = 0; i < LC_OFFICER_N_COLUMNS; i++)
    g_free (self->sort_keys[i]);

  G_OBJECT_CLASS (lc_officer_object_parent_class)->finalize (object);
}

static void
lc_officer_object_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LcOfficerObject *self = LC_OFFICER_OBJECT (object);

  switch (prop_id)
    {
    case PROP_STAFF_NO:
      g_value_set_string (value, lc_officer_object_get_staff_no (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, lc_officer_object_get_name (self));
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, lc_officer_object_get_department (self));
      break;
    case PROP_FIELD:
      g_value_set_string (value, lc_officer_object_get_field (self));
      break;
    case PROP_POST:
      g_value_set_string (value, lc_officer_object_get_post (self));
      break;
    case PROP_PHONE:
      g_value_set_string (value, lc_officer_object_get_phone (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, lc_officer_object_get_status_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_officer_object_class_init (LcOfficerObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_officer_object_finalize;
  object_class->get_property = lc_officer_object_get_property;

  properties[PROP_STAFF_NO] =
      g_param_spec_string ("staff-no", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] =
      g_param_spec_string ("department", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POST] = g_param_spec_string ("post", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
      g_param_spec_string ("status-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_officer_object_init (LcOfficerObject *self)
{
}

LcOfficerObject *
lc_officer_object_new (LcOfficer *officer, const char *department_path)
{
  LcOfficerObject *self;

  g_return_val_if_fail (officer != NULL, NULL);

  self = g_object_new (LC_TYPE_OFFICER_OBJECT, NULL);
  self->officer = officer;
  if (department_path != NULL)
    self->department_path = g_ref_string_acquire ((char *) department_path);
  return self;
}

const LcOfficer *
lc_officer_object_get_officer (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return self->officer;
}

gint64
lc_officer_object_get_id (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), 0);
  return self->officer->id;
}

gint64
lc_officer_object_get_department_id (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), 0);
  return self->officer->department_id;
}

LcOfficerStatus
lc_officer_object_get_status (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), LC_OFFICER_ACTIVE);
  return self->officer->status;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

const char *
lc_officer_object_get_staff_no (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return or_empty (self->officer->staff_no);
}

const char *
lc_officer_object_get_name (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return or_empty (self->officer->name);
}

const char *
lc_officer_object_get_department (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  if (self->department_path != NULL)
    return self->department_path;
  return or_empty (self->officer->department_name);
}

const char *
lc_officer_object_get_field (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return or_empty (self->officer->field);
}

const char *
lc_officer_object_get_post (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return or_empty (self->officer->post);
}

const char *
lc_officer_object_get_phone (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return or_empty (self->officer->phone);
}

const char *
lc_officer_object_get_status_label (LcOfficerObject *self)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), NULL);
  return lc_officer_status_display_name (self->officer->status);
}

gboolean
lc_officer_object_matches (LcOfficerObject *self, const char *needle)
{
  g_return_val_if_fail (LC_IS_OFFICER_OBJECT (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (self->search_key == NULL)
    {
      /* One string, fields joined by a newline, which no needle contains. */
      g_autofree char *joined = g_strjoin ("\n", or_empty (self->officer->name), or_empty (self->officer->staff_no),
                                           or_empty (self->officer->phone), NULL);
      self->search_key = g_utf8_casefold (joined, -1);
    }
  return strstr (self->search_key, needle) != NULL;
}

static const char *
sort_key (LcOfficerObject *self, LcOfficerColumn column)
{
  const char *text = NULL;

  if (self->sort_keys[column] != NULL)
    return self->sort_keys[column];
  switch (column)
    {
    case LC_OFFICER_COLUMN_STAFF_NO:
      /* Made for file names: “9” before “10”, which is what staff numbers want too. */
      self->sort_keys[column] = g_utf8_collate_key_for_filename (lc_officer_object_get_staff_no (self), -1);
      return self->sort_keys[column];
    case LC_OFFICER_COLUMN_NAME:
      text = lc_officer_object_get_name (self);
      break;
    case LC_OFFICER_COLUMN_DEPARTMENT:
      text = lc_officer_object_get_department (self);
      break;
    case LC_OFFICER_COLUMN_FIELD:
      text = lc_officer_object_get_field (self);
      break;
    case LC_OFFICER_COLUMN_POST:
      text = lc_officer_object_get_post (self);
      break;
    case LC_OFFICER_COLUMN_STATUS:
    case LC_OFFICER_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  self->sort_keys[column] = g_utf8_collate_key (text, -1);
  return self->sort_keys[column];
}

int
lc_officer_object_compare (gconstpointer a, gconstpointer b, gpointer column)
{
  LcOfficerObject *self = LC_OFFICER_OBJECT ((gpointer) a);
  LcOfficerObject *other = LC_OFFICER_OBJECT ((gpointer) b);
  LcOfficerColumn which = (LcOfficerColumn) GPOINTER_TO_INT (column);
  int result;

  g_return_val_if_fail (which < LC_OFFICER_N_COLUMNS, 0);

  if (which == LC_OFFICER_COLUMN_STATUS)
    result = (int) self->officer->status - (int) other->officer->status;
  else
    result = strcmp (sort_key (self, which), sort_key (other, which));
  /* Equal values keep the staff-number order, so the sort is stable for the eye. */
  if (result == 0 && which != LC_OFFICER_COLUMN_STAFF_NO)
    result = strcmp (sort_key (self, LC_OFFICER_COLUMN_STAFF_NO), sort_key (other, LC_OFFICER_COLUMN_STAFF_NO));
  return result;
}
