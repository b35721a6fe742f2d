/* lc-gift.c: GIFT reader and canonical writer.
 *
 * The reader works as Moodle's does: it cuts the text into blocks at blank
 * lines, drops whole-line comments, and reads each block as one question.
 * Every block is copied into one buffer with a map from buffer offsets back
 * to source lines, so that an error deep in a multi-line answer still names
 * the line and column a text editor shows. Scanning always steps over a
 * backslash and the character after it, so an escaped special character is
 * never mistaken for structure. */
#define G_LOG_DOMAIN "lc-gift"

#include "config.h"

#include "lc-gift.h"
#include "lc-i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define UTF8_BOM "\xef\xbb\xbf"
/* Moodle stores fractions with 7 decimals, i.e. 5 decimals of a percent (33.33333). */
#define WEIGHT_SCALE 100000.0
#define BLANK_MARKER "____"

G_DEFINE_QUARK (lc - gift - error - quark, lc_gift_error)

typedef struct
{
  gsize offset;    /* where the line starts in the block buffer */
  guint line;      /* 1-based source line */
  const char *src; /* the line's first byte in the source */
} LineMap;

typedef struct
{
  const char *source_name;
  LcGiftParseFlags flags;
  GString *buf;
  GArray *map;     /* LineMap */
  GPtrArray *meta; /* LcGiftMeta of the block, or NULL */
  char *category;
  GPtrArray *questions;
  GPtrArray *skipped;
  GString *unsupported; /* messages for refused questions */
} Parser;

/* ---- model ---- */

static void
lc_gift_meta_free (LcGiftMeta *meta)
{
  g_free (meta->key);
  g_free (meta->value);
  g_free (meta);
}

void
lc_gift_option_free (LcGiftOption *option)
{
  if (option == NULL)
    return;
  g_free (option->text);
  g_free (option->feedback);
  g_free (option);
}

void
lc_gift_skipped_free (LcGiftSkipped *skipped)
{
  if (skipped == NULL)
    return;
  g_free (skipped->name);
  g_free (skipped);
}

LcGiftQuestion *
lc_gift_question_new (LcGiftType type)
{
  LcGiftQuestion *q = g_new0 (LcGiftQuestion, 1);

  q->type = type;
  q->format = LC_GIFT_FORMAT_MOODLE;
  q->options = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_option_free);
  q->meta = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_meta_free);
  return q;
}

void
lc_gift_question_free (LcGiftQuestion *q)
{
  if (q == NULL)
    return;
  g_free (q->category);
  g_free (q->name);
  g_free (q->stem);
  g_clear_pointer (&q->options, g_ptr_array_unref);
  g_free (q->truefalse_feedback_wrong);
  g_free (q->truefalse_feedback_right);
  g_free (q->general_feedback);
  g_clear_pointer (&q->meta, g_ptr_array_unref);
  g_free (q);
}

LcGiftOption *
lc_gift_question_add_option (LcGiftQuestion *q, const char *text, double weight, gboolean correct, const char *feedback)
{
  LcGiftOption *o;

  g_return_val_if_fail (q != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  o = g_new0 (LcGiftOption, 1);
  o->text = g_strdup (text);
  o->weight = weight;
  o->correct = correct;
  o->feedback = g_strdup (feedback);
  g_ptr_array_add (q->options, o);
  return o;
}

const char *
lc_gift_question_get_meta (const LcGiftQuestion *q, const char *key)
{
  g_return_val_if_fail (q != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < q->meta->len; i++)
    {
      const LcGiftMeta *m = g_ptr_array_index (q->meta, i);
      if (strcmp (m->key, key) == 0)
        return m->value;
    }
  return NULL;
}

void
lc_gift_question_set_meta (LcGiftQuestion *q, const char *key, const char *value)
{
  LcGiftMeta *m;

  g_return_if_fail (q != NULL);
  g_return_if_fail (key != NULL && *key != '\0');

  for (guint i = 0; i < q->meta->len; i++)
    {
      m = g_ptr_array_index (q->meta, i);
      if (strcmp (m->key, key) != 0)
        continue;
      if (value == NULL)
        g_ptr_array_remove_index (q->meta, i);
      else
        {
          g_free (m->value);
          m->value = g_strdup (value);
        }
      return;
    }
  if (value == NULL)
    return;
  m = g_new0 (LcGiftMeta, 1);
  m->key = g_strdup (key);
  m->value = g_strdup (value);
  g_ptr_array_add (q->meta, m);
}

gboolean
lc_gift_question_equal (const LcGiftQuestion *a, const LcGiftQuestion *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->category, b->category) != 0 || g_strcmp0 (a->name, b->name) != 0 || a->format != b->format
      || g_strcmp0 (a->stem, b->stem) != 0 || a->type != b->type || a->truefalse_answer != b->truefalse_answer
      || g_strcmp0 (a->truefalse_feedback_wrong, b->truefalse_feedback_wrong) != 0
      || g_strcmp0 (a->truefalse_feedback_right, b->truefalse_feedback_right) != 0
      || g_strcmp0 (a->general_feedback, b->general_feedback) != 0 || a->options->len != b->options->len
      || a->meta->len != b->meta->len)
    return FALSE;

  for (guint i = 0; i < a->options->len; i++)
    {
      const LcGiftOption *oa = g_ptr_array_index (a->options, i);
      const LcGiftOption *ob = g_ptr_array_index (b->options, i);

      if (strcmp (oa->text, ob->text) != 0 || oa->weight != ob->weight || !oa->correct != !ob->correct
          || g_strcmp0 (oa->feedback, ob->feedback) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->meta->len; i++)
    {
      const LcGiftMeta *m = g_ptr_array_index (a->meta, i);
      if (g_strcmp0 (m->value, lc_gift_question_get_meta (b, m->key)) != 0)
        return FALSE;
    }
  return TRUE;
}

const char *
lc_gift_type_name (LcGiftType type)
{
  switch (type)
    {
    case LC_GIFT_SINGLE:
      return "single";
    case LC_GIFT_MULTIPLE:
      return "multiple";
    case LC_GIFT_TRUEFALSE:
      return "truefalse";
    case LC_GIFT_SHORT:
      return "short";
    case LC_GIFT_ESSAY:
      return "essay";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- reader ---- */

static const struct
{
  const char *marker;
  LcGiftFormat format;
} formats[] = {
  { "[moodle]", LC_GIFT_FORMAT_MOODLE },
  { "[html]", LC_GIFT_FORMAT_HTML },
  { "[markdown]", LC_GIFT_FORMAT_MARKDOWN },
  { "[plain]", LC_GIFT_FORMAT_PLAIN },
};

static gboolean
is_special (char c)
{
  switch (c)
    {
    case '~':
    case '=':
    case '#':
    case '{':
    case '}':
    case '\\':
    case ':':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Unescapes [start, end); trims the result when @trim, and gives NULL for an empty one when @empty_is_null. */
static char *
unescape_full (const char *start, const char *end, gboolean trim, gboolean empty_is_null)
{
  /* Unescaping only shrinks the text. */
  char *out = g_malloc (end - start + 1);
  char *o = out;

  for (const char *p = start; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end && (is_special (p[1]) || p[1] == '-' || p[1] == 'n'))
        {
          p++;
          *o++ = *p == 'n' ? '\n' : *p;
        }
      else
        *o++ = *p;
    }
  *o = '\0';
  if (trim)
    g_strstrip (out);
  if (empty_is_null && *out == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

static char *
unescape (const char *start, const char *end, gboolean empty_is_null)
{
  return unescape_full (start, end, TRUE, empty_is_null);
}

/* The first unescaped occurrence in [p, end) of either character of @chars (one or two), or NULL. */
static const char *
find_unescaped (const char *p, const char *end, const char *chars)
{
  char a = chars[0];
  char b = chars[1] != '\0' ? chars[1] : a;

  for (; p < end; p++)
    {
      if (*p == '\\')
        {
          p++;
          continue;
        }
      if (*p == a || *p == b)
        return p;
    }
  return NULL;
}

/* The first unescaped occurrence of the string @needle in [p, end), or NULL. */
static const char *
find_unescaped_str (const char *p, const char *end, const char *needle)
{
  gsize n = strlen (needle);

  for (; p < end; p++)
    {
      if (*p == '\\')
        {
          p++;
          continue;
        }
      if ((gsize) (end - p) >= n && memcmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

static const char *
skip_space (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static void
position (Parser *ps, const char *at, guint *line, guint *column)
{
  gsize off = at - ps->buf->str;
  const LineMap *m = &g_array_index (ps->map, LineMap, 0);

  for (guint i = 1; i < ps->map->len; i++)
    {
      const LineMap *next = &g_array_index (ps->map, LineMap, i);
      if (next->offset > off)
        break;
      m = next;
    }
  *line = m->line;
  *column = g_utf8_strlen (m->src, off - m->offset) + 1;
}

static const char *
source (Parser *ps)
{
  return ps->source_name != NULL ? ps->source_name : "<input>";
}

G_GNUC_PRINTF (4, 5)
static gboolean
syntax_error (Parser *ps, GError **error, const char *at, const char *format, ...)
{
  g_autofree char *reason = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  position (ps, at, &line, &column);
  g_set_error (error, LC_GIFT_ERROR, LC_GIFT_ERROR_SYNTAX, "%s:%u:%u: %s", source (ps), line, column, reason);
  return FALSE;
}

static void
unsupported (Parser *ps, const char *at, const char *kind, const char *name)
{
  guint line, column;

  position (ps, at, &line, &column);
  if (ps->flags & LC_GIFT_SKIP_UNSUPPORTED)
    {
      LcGiftSkipped *s = g_new0 (LcGiftSkipped, 1);
      s->line = line;
      s->column = column;
      s->kind = kind;
      s->name = g_strdup (name);
      g_ptr_array_add (ps->skipped, s);
      return;
    }
  if (ps->unsupported->len > 0)
    g_string_append_c (ps->unsupported, '\n');
  g_string_append_printf (ps->unsupported, "%s:%u:%u: ", source (ps), line, column);
  if (strcmp (kind, "matching") == 0)
    g_string_append (ps->unsupported, _ ("matching questions are not supported"));
  else if (strcmp (kind, "numerical") == 0)
    g_string_append (ps->unsupported, _ ("numerical questions are not supported"));
  else
    g_string_append (ps->unsupported, _ ("a text without an answer block {…} (a description) is not a question"));
  if (name != NULL)
    g_string_append_printf (ps->unsupported, " (“%s”)", name);
}

/* "%50%" at @p (just after the "%"): the weight, rounded to 5 decimals. */
static gboolean
parse_weight (Parser *ps, const char *p, const char *end, double *weight, const char **after, GError **error)
{
  const char *close = memchr (p, '%', end - p);
  const char *q = p;
  g_autofree char *number = NULL;

  if (close == NULL)
    return syntax_error (ps, error, p - 1, _ ("the weight has no closing %%"));
  if (q < close && *q == '-')
    q++;
  if (q == close || !g_ascii_isdigit (*q))
    return syntax_error (ps, error, p - 1, _ ("the weight must be a number of percent such as %%50%% or %%-100%%"));
  while (q < close && g_ascii_isdigit (*q))
    q++;
  if (q < close && *q == '.')
    {
      q++;
      if (q == close)
        return syntax_error (ps, error, p - 1, _ ("the weight must be a number of percent such as %%50%% or %%-100%%"));
      while (q < close && g_ascii_isdigit (*q))
        q++;
    }
  if (q != close)
    return syntax_error (ps, error, p - 1, _ ("the weight must be a number of percent such as %%50%% or %%-100%%"));
  number = g_strndup (p, close - p);
  *weight = g_ascii_strtod (number, NULL);
  if (*weight < -100.0 || *weight > 100.0)
    return syntax_error (ps, error, p - 1, _ ("the weight %s%% is outside -100%% to 100%%"), number);
  *weight = round (*weight * WEIGHT_SCALE) / WEIGHT_SCALE;
  if (*weight == 0.0)
    *weight = 0.0; /* no "-0" */
  *after = close + 1;
  return TRUE;
}

typedef struct
{
  char marker;
  const char *at;
  gboolean has_weight;
  double weight;
  char *text;
  char *feedback;
} RawAnswer;

static void
raw_answer_clear (RawAnswer *a)
{
  g_free (a->text);
  g_free (a->feedback);
}

static gboolean
parse_choices (Parser *ps, LcGiftQuestion *q, const char *open, const char *p, const char *end, GError **error)
{
  g_autoptr (GArray) answers = g_array_new (FALSE, TRUE, sizeof (RawAnswer));
  guint n_equal = 0, n_tilde = 0;
  const char *second_equal = NULL;
  gboolean any_positive = FALSE;

  g_array_set_clear_func (answers, (GDestroyNotify) raw_answer_clear);
  if (*p != '=' && *p != '~')
    return syntax_error (ps, error, p, _ ("an answer must start with = (right) or ~ (wrong)"));

  while (p < end)
    {
      RawAnswer a = { 0 };
      const char *seg = p + 1;
      const char *seg_end = find_unescaped (seg, end, "=~");
      const char *hash;

      if (seg_end == NULL)
        seg_end = end;
      a.marker = *p;
      a.at = p;
      seg = skip_space (seg, seg_end);
      if (seg < seg_end && *seg == '%')
        {
          if (!parse_weight (ps, seg + 1, seg_end, &a.weight, &seg, error))
            return FALSE;
          a.has_weight = TRUE;
        }
      hash = find_unescaped (seg, seg_end, "#");
      a.text = unescape (seg, hash != NULL ? hash : seg_end, FALSE);
      if (hash != NULL)
        a.feedback = unescape (hash + 1, seg_end, TRUE);
      g_array_append_val (answers, a);
      if (*a.text == '\0')
        return syntax_error (ps, error, p, _ ("the answer is empty"));
      if (a.marker == '=')
        {
          n_equal++;
          if (n_equal == 2)
            second_equal = p;
        }
      else
        {
          n_tilde++;
          if (a.has_weight && a.weight > 0)
            any_positive = TRUE;
        }
      p = seg_end;
    }

  if (n_tilde == 0)
    q->type = LC_GIFT_SHORT;
  else if (n_equal == 1)
    q->type = LC_GIFT_SINGLE;
  else if (n_equal == 0 && any_positive)
    q->type = LC_GIFT_MULTIPLE;
  else if (n_equal == 0)
    return syntax_error (ps, error, open,
                         _ ("no answer is right: mark the right one with =, or the right ones with weights "
                            "such as ~%%50%%"));
  else
    return syntax_error (ps, error, second_equal,
                         _ ("a choice question has exactly one = answer; mark several right answers with "
                            "weights such as ~%%50%%"));

  for (guint i = 0; i < answers->len; i++)
    {
      RawAnswer *a = &g_array_index (answers, RawAnswer, i);
      LcGiftOption *o = g_new0 (LcGiftOption, 1);

      o->text = g_steal_pointer (&a->text);
      o->feedback = g_steal_pointer (&a->feedback);
      if (a->marker == '=')
        {
          o->weight = a->has_weight ? a->weight : 100.0;
          o->correct = TRUE;
        }
      else
        {
          o->weight = a->has_weight ? a->weight : 0.0;
          o->correct = q->type == LC_GIFT_MULTIPLE && o->weight > 0;
        }
      g_ptr_array_add (q->options, o);
    }
  return TRUE;
}

static gboolean
is_truefalse (const char *p, const char *end, gboolean *value)
{
  static const struct
  {
    const char *word;
    gboolean value;
  } words[] = { { "T", TRUE }, { "TRUE", TRUE }, { "F", FALSE }, { "FALSE", FALSE } };

  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (end - p) == strlen (words[i].word) && memcmp (p, words[i].word, end - p) == 0)
      {
        *value = words[i].value;
        return TRUE;
      }
  return FALSE;
}

/* The answer block between @open ("{") and @close ("}"). *@kind is set for an unsupported kind. */
static gboolean
parse_answers (Parser *ps, LcGiftQuestion *q, const char *open, const char *close, const char **kind, GError **error)
{
  const char *start = open + 1;
  const char *body_end = find_unescaped_str (start, close, "####");
  const char *p, *end;
  const char *hash;
  gboolean value;

  if (body_end != NULL)
    q->general_feedback = unescape (body_end + 4, close, TRUE);
  else
    body_end = close;

  p = skip_space (start, body_end);
  end = body_end;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  if (p == end)
    {
      q->type = LC_GIFT_ESSAY;
      return TRUE;
    }
  if (*p == '#')
    {
      *kind = "numerical";
      return TRUE;
    }
  if (*p == '=' && find_unescaped_str (p, end, "->") != NULL)
    {
      *kind = "matching";
      return TRUE;
    }

  hash = find_unescaped (p, end, "#");
  if (is_truefalse (p, hash != NULL ? hash : end, &value))
    {
      q->type = LC_GIFT_TRUEFALSE;
      q->truefalse_answer = value;
      if (hash != NULL)
        {
          const char *second = find_unescaped (hash + 1, end, "#");
          if (second != NULL && find_unescaped (second + 1, end, "#") != NULL)
            return syntax_error (ps, error, find_unescaped (second + 1, end, "#"),
                                 _ ("a true-false answer takes at most two feedbacks: {T#if wrong#if right}"));
          q->truefalse_feedback_wrong = unescape (hash + 1, second != NULL ? second : end, TRUE);
          if (second != NULL)
            q->truefalse_feedback_right = unescape (second + 1, end, TRUE);
        }
      return TRUE;
    }

  return parse_choices (ps, q, open, p, end, error);
}

static gboolean
parse_block (Parser *ps, GError **error)
{
  const char *s = ps->buf->str;
  const char *end = s + ps->buf->len;
  const char *p = skip_space (s, end);
  const char *stem_start, *open, *close, *stray;
  const char *kind = NULL;
  g_autoptr (LcGiftQuestion) q = lc_gift_question_new (LC_GIFT_ESSAY);
  g_autofree char *before = NULL;
  g_autofree char *rest = NULL;

  if (p == end)
    return TRUE;
  position (ps, p, &q->line, &q->column);
  q->category = g_strdup (ps->category);
  if (ps->meta != NULL)
    {
      g_ptr_array_unref (q->meta);
      q->meta = g_steal_pointer (&ps->meta);
    }

  if (end - p >= 2 && p[0] == ':' && p[1] == ':')
    {
      const char *name_end = find_unescaped_str (p + 2, end, "::");
      if (name_end == NULL)
        return syntax_error (ps, error, p, _ ("the question name is not closed with ::"));
      q->name = unescape (p + 2, name_end, TRUE);
      p = skip_space (name_end + 2, end);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize n = strlen (formats[i].marker);
      if ((gsize) (end - p) >= n && memcmp (p, formats[i].marker, n) == 0)
        {
          q->format = formats[i].format;
          p += n;
          break;
        }
    }
  stem_start = p;

  open = find_unescaped (p, end, "{}");
  if (open == NULL)
    {
      unsupported (ps, skip_space (s, end), "description", q->name);
      return TRUE;
    }
  if (*open == '}')
    return syntax_error (ps, error, open, _ ("a } without a { before it (write \\} for a brace in text)"));
  close = find_unescaped (open + 1, end, "{}");
  if (close == NULL)
    return syntax_error (ps, error, open, _ ("the answer block { is not closed with }"));
  if (*close == '{')
    return syntax_error (ps, error, close, _ ("a { inside an answer block (write \\{ for a brace in text)"));
  stray = find_unescaped (close + 1, end, "{}");
  if (stray != NULL && *stray == '{')
    return syntax_error (ps, error, stray,
                         _ ("a second answer block: one question has one {…}; separate questions with a blank line"));
  if (stray != NULL)
    return syntax_error (ps, error, stray, _ ("a } without a { before it (write \\} for a brace in text)"));

  /* Moodle's missing-word form "stem {…} rest": the blank stays where the answers stood. */
  before = unescape_full (stem_start, open, FALSE, FALSE);
  rest = unescape (close + 1, end, FALSE);
  if (*rest != '\0')
    {
      g_free (rest);
      rest = unescape_full (close + 1, end, FALSE, FALSE);
      q->stem = g_strconcat (before, BLANK_MARKER, rest, NULL);
      g_strstrip (q->stem);
    }
  else
    q->stem = unescape (stem_start, open, FALSE);
  if (*q->stem == '\0')
    return syntax_error (ps, error, open, _ ("the question has no text before its answers"));

  if (!parse_answers (ps, q, open, close, &kind, error))
    return FALSE;
  if (kind != NULL)
    {
      unsupported (ps, skip_space (s, end), kind, q->name);
      return TRUE;
    }
  g_ptr_array_add (ps->questions, g_steal_pointer (&q));
  return TRUE;
}

static gboolean
finish_block (Parser *ps, GError **error)
{
  gboolean ok = TRUE;

  if (ps->buf->len > 0)
    ok = parse_block (ps, error);
  g_string_truncate (ps->buf, 0);
  g_array_set_size (ps->map, 0);
  g_clear_pointer (&ps->meta, g_ptr_array_unref);
  return ok;
}

/* A `// @key value  @key value` line into @meta (later keys replace earlier ones). */
static void
read_meta_line (GPtrArray **meta, const char *p, const char *end)
{
  g_autofree char *line = g_strndup (p, end - p);
  g_auto (GStrv) words = NULL;
  GString *value = NULL;
  const char *key = NULL;
  LcGiftQuestion holder = { 0 };

  if (*meta == NULL)
    *meta = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_meta_free);
  holder.meta = *meta;
  /* Tabs, CRs and runs of spaces all separate words. */
  for (char *c = line; *c; c++)
    if (g_ascii_isspace (*c))
      *c = ' ';
  words = g_strsplit (line, " ", -1);
  for (guint i = 0;; i++)
    {
      const char *w = words[i];
      if (w == NULL || (w[0] == '@' && w[1] != '\0'))
        {
          if (key != NULL)
            lc_gift_question_set_meta (&holder, key, value->str);
          if (value != NULL)
            g_string_free (value, TRUE);
          if (w == NULL)
            break;
          key = w + 1;
          value = g_string_new (NULL);
        }
      else if (key != NULL && *w != '\0')
        {
          if (value->len > 0)
            g_string_append_c (value, ' ');
          g_string_append (value, w);
        }
    }
}

static void
parser_clear (Parser *ps)
{
  g_string_free (ps->buf, TRUE);
  g_array_unref (ps->map);
  g_clear_pointer (&ps->meta, g_ptr_array_unref);
  g_free (ps->category);
  g_clear_pointer (&ps->questions, g_ptr_array_unref);
  g_clear_pointer (&ps->skipped, g_ptr_array_unref);
  g_string_free (ps->unsupported, TRUE);
}

gboolean
lc_gift_parse (const char *text, gsize length, const char *source_name, LcGiftParseFlags flags, GPtrArray **questions,
               GPtrArray **skipped, GError **error)
{
  Parser ps = { 0 };
  const char *p, *end, *bad;
  guint line_no = 1;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (questions != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  p = text;
  end = text + length;
  if (length >= 3 && memcmp (p, UTF8_BOM, 3) == 0)
    p += 3;
  if (!g_utf8_validate_len (p, end - p, &bad))
    {
      const char *line_start = p;
      for (const char *c = p; c < bad; c++)
        if (*c == '\n')
          {
            line_no++;
            line_start = c + 1;
          }
      g_set_error (error, LC_GIFT_ERROR, LC_GIFT_ERROR_ENCODING, "%s:%u:%ld: %s",
                   source_name != NULL ? source_name : "<input>", line_no,
                   g_utf8_pointer_to_offset (line_start, bad) + 1, _ ("the text is not valid UTF-8"));
      return FALSE;
    }

  ps.source_name = source_name;
  ps.flags = flags;
  ps.buf = g_string_new (NULL);
  ps.map = g_array_new (FALSE, FALSE, sizeof (LineMap));
  ps.questions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_question_free);
  ps.skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_gift_skipped_free);
  ps.unsupported = g_string_new (NULL);

  for (; p <= end && ok; line_no++)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *t;
      gboolean in_question = ps.buf->len > 0;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      t = skip_space (p, line_end);

      if (t == line_end)
        ok = finish_block (&ps, error);
      else if (line_end - t >= 2 && t[0] == '/' && t[1] == '/')
        {
          /* Only the run of `// @` lines right above the question counts. */
          const char *c = skip_space (t + 2, line_end);
          if (!in_question && c < line_end && *c == '@')
            read_meta_line (&ps.meta, c, line_end);
          else if (!in_question)
            g_clear_pointer (&ps.meta, g_ptr_array_unref);
        }
      else if (!in_question && line_end - t >= 10 && memcmp (t, "$CATEGORY:", 10) == 0)
        {
          g_free (ps.category);
          ps.category = g_strndup (t + 10, line_end - t - 10);
          g_strstrip (ps.category);
          if (*ps.category == '\0')
            g_clear_pointer (&ps.category, g_free);
          g_clear_pointer (&ps.meta, g_ptr_array_unref);
        }
      else
        {
          LineMap m = { 0 };
          if (in_question)
            g_string_append_c (ps.buf, '\n');
          m.offset = ps.buf->len;
          m.line = line_no;
          m.src = p;
          g_array_append_val (ps.map, m);
          g_string_append_len (ps.buf, p, line_end - p);
        }

      if (nl == NULL)
        break;
      p = nl + 1;
    }
  if (ok)
    ok = finish_block (&ps, error);

  if (ok && ps.unsupported->len > 0)
    {
      g_set_error (error, LC_GIFT_ERROR, LC_GIFT_ERROR_UNSUPPORTED, "%s", ps.unsupported->str);
      ok = FALSE;
    }
  if (ok)
    {
      *questions = g_steal_pointer (&ps.questions);
      if (skipped != NULL)
        *skipped = g_steal_pointer (&ps.skipped);
    }
  parser_clear (&ps);
  return ok;
}

/* ---- writer ---- */

static void
escape (GString *out, const char *text, gboolean in_answers)
{
  const char *run = text;
  const char *p;

  for (p = text; *p; p++)
    {
      const char *replacement;
      char pair[3] = { '\\', *p, '\0' };

      if (is_special (*p))
        replacement = pair;
      else if (*p == '\n')
        replacement = "\\n";
      else if (in_answers && *p == '-' && p[1] == '>')
        /* "->" would make the reader take the answers for a matching question. */
        replacement = "\\-";
      else
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, replacement);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
}

static void
write_weight (GString *out, double weight)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;
  gsize n;

  g_ascii_formatd (buf, sizeof buf, "%.5f", weight);
  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      n = strlen (buf);
      while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
      if (buf[n - 1] == '.')
        buf[n - 1] = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");
  g_string_append_printf (out, "%%%s%%", buf);
}

static int
compare_meta (gconstpointer a, gconstpointer b)
{
  static const char *const order[] = { "uid", "difficulty", "basis" };
  const LcGiftMeta *ma = *(const LcGiftMeta *const *) a;
  const LcGiftMeta *mb = *(const LcGiftMeta *const *) b;
  guint ra = G_N_ELEMENTS (order), rb = G_N_ELEMENTS (order);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (strcmp (ma->key, order[i]) == 0)
        ra = i;
      if (strcmp (mb->key, order[i]) == 0)
        rb = i;
    }
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return strcmp (ma->key, mb->key);
}

static void
write_meta (GString *out, const LcGiftQuestion *q)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < q->meta->len; i++)
    {
      const LcGiftMeta *m = g_ptr_array_index (q->meta, i);
      if (m->key != NULL && *m->key != '\0')
        g_ptr_array_add (sorted, (gpointer) m);
    }
  if (sorted->len == 0)
    return;
  g_ptr_array_sort (sorted, compare_meta);
  g_string_append (out, "//");
  for (guint i = 0; i < sorted->len; i++)
    {
      const LcGiftMeta *m = g_ptr_array_index (sorted, i);
      g_string_append (out, i == 0 ? " @" : "  @");
      g_string_append (out, m->key);
      if (m->value != NULL && *m->value != '\0')
        {
          g_string_append_c (out, ' ');
          g_string_append (out, m->value);
        }
    }
  g_string_append_c (out, '\n');
}

static void
write_option (GString *out, const LcGiftQuestion *q, const LcGiftOption *o)
{
  gboolean equal = q->type == LC_GIFT_SHORT || (q->type == LC_GIFT_SINGLE && o->correct);

  g_string_append_c (out, equal ? '=' : '~');
  /* A text that starts with "%" would read back as a weight unless one goes first. */
  if ((equal ? o->weight != 100.0 : o->weight != 0.0) || o->text[0] == '%')
    write_weight (out, o->weight);
  escape (out, o->text, TRUE);
  if (o->feedback != NULL && *o->feedback != '\0')
    {
      g_string_append_c (out, '#');
      escape (out, o->feedback, TRUE);
    }
}

static void
write_general_feedback (GString *out, const LcGiftQuestion *q)
{
  if (q->general_feedback == NULL || *q->general_feedback == '\0')
    return;
  g_string_append (out, "####");
  escape (out, q->general_feedback, TRUE);
}

static void
write_stem (GString *out, const LcGiftQuestion *q)
{
  static const char *const markers[] = { "[moodle]", "[html]", "[markdown]", "[plain]" };
  const char *stem = q->stem != NULL ? q->stem : "";
  gboolean guard = FALSE;

  if (q->name != NULL && *q->name != '\0')
    {
      g_string_append (out, "::");
      escape (out, q->name, FALSE);
      g_string_append (out, "::");
    }
  else if (g_str_has_prefix (stem, "//") || g_str_has_prefix (stem, UTF8_BOM))
    guard = TRUE; /* else the line would read as a comment, or a leading BOM be dropped */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_prefix (stem, markers[i]))
      guard = TRUE; /* else the stem's own text would read as a marker */
  if (q->format != LC_GIFT_FORMAT_MOODLE || guard)
    g_string_append (out, markers[q->format]);
  escape (out, stem, FALSE);
}

static void
write_question (GString *out, const LcGiftQuestion *q)
{
  write_meta (out, q);
  write_stem (out, q);
  switch (q->type)
    {
    case LC_GIFT_SINGLE:
    case LC_GIFT_MULTIPLE:
      g_string_append (out, "{\n");
      for (guint i = 0; i < q->options->len; i++)
        {
          write_option (out, q, g_ptr_array_index (q->options, i));
          g_string_append_c (out, '\n');
        }
      if (q->general_feedback != NULL && *q->general_feedback != '\0')
        {
          write_general_feedback (out, q);
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "}\n");
      break;
    case LC_GIFT_TRUEFALSE:
      g_string_append (out, q->truefalse_answer ? "{T" : "{F");
      if ((q->truefalse_feedback_wrong != NULL && *q->truefalse_feedback_wrong != '\0')
          || (q->truefalse_feedback_right != NULL && *q->truefalse_feedback_right != '\0'))
        {
          g_string_append_c (out, '#');
          if (q->truefalse_feedback_wrong != NULL)
            escape (out, q->truefalse_feedback_wrong, TRUE);
          if (q->truefalse_feedback_right != NULL && *q->truefalse_feedback_right != '\0')
            {
              g_string_append_c (out, '#');
              escape (out, q->truefalse_feedback_right, TRUE);
            }
        }
      write_general_feedback (out, q);
      g_string_append (out, "}\n");
      break;
    case LC_GIFT_SHORT:
      g_string_append_c (out, '{');
      for (guint i = 0; i < q->options->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          write_option (out, q, g_ptr_array_index (q->options, i));
        }
      write_general_feedback (out, q);
      g_string_append (out, "}\n");
      break;
    case LC_GIFT_ESSAY:
    default:
      g_string_append_c (out, '{');
      write_general_feedback (out, q);
      g_string_append (out, "}\n");
      break;
    }
}

char *
lc_gift_write (GPtrArray *questions, gsize *length)
{
  GString *out = g_string_new (NULL);
  const char *category = NULL;

  g_return_val_if_fail (questions != NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      const LcGiftQuestion *q = g_ptr_array_index (questions, i);
      const char *c = q->category != NULL && *q->category != '\0' ? q->category : NULL;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (g_strcmp0 (c, category) != 0)
        {
          if (c != NULL)
            g_string_append_printf (out, "$CATEGORY: %s\n\n", c);
          else
            g_string_append (out, "$CATEGORY:\n\n");
          category = c;
        }
      write_question (out, q);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
