/* fuzz-gift.c: libFuzzer target for the GIFT reader and writer.
 *
 * Any input the reader accepts must survive the canonical round trip: the
 * written text reads back to equal questions and writes the same bytes
 * again. Built only with -Dfuzzing=true and clang (see meson.build). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lc-gift.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* A g_return_if_fail in the reader is a bug, not a message. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
fail (const char *what, const char *first, const char *second)
{
  fprintf (stderr, "fuzz-gift: %s\n--- first ---\n%s\n--- second ---\n%s\n", what, first, second ? second : "");
  abort ();
}

static void
round_trip (const char *data, size_t size, LcGiftParseFlags flags)
{
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  if (!lc_gift_parse (data, size, "fuzz.gift", flags, &questions, &skipped, &error))
    {
      if (error == NULL || error->domain != LC_GIFT_ERROR || error->message[0] == '\0')
        fail ("a failure without a proper GError", "", NULL);
      return;
    }
  if (error != NULL)
    fail ("success with an error set", error->message, NULL);

  first = lc_gift_write (questions, &length);
  if (length != strlen (first))
    fail ("the written length is wrong", first, NULL);
  if (!lc_gift_parse (first, length, "written.gift", LC_GIFT_PARSE_DEFAULT, &again, NULL, &error))
    fail ("the written text does not read back", first, error->message);
  if (again->len != questions->len)
    fail ("the written text reads back to another number of questions", first, NULL);
  for (guint i = 0; i < again->len; i++)
    if (!lc_gift_question_equal (g_ptr_array_index (questions, i), g_ptr_array_index (again, i)))
      fail ("a question changed in the round trip", first, NULL);
  second = lc_gift_write (again, NULL);
  if (strcmp (first, second) != 0)
    fail ("write (parse (write (x))) differs from write (x)", first, second);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  round_trip ((const char *) data, size, LC_GIFT_PARSE_DEFAULT);
  round_trip ((const char *) data, size, LC_GIFT_SKIP_UNSUPPORTED);
  return 0;
}
