/* bench-gift: reading and writing 50,000 GIFT questions.
 *
 * Prints figures; asserts nothing about time. (The target, 50,000
 * questions imported in under 3 s, includes the database, which the bank
 * import will add; this is the reader's and writer's share.)
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "lc-gift.h"
#include "lc-test-gift-sample.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (void)
{
  g_autoptr (GString) text = lc_test_gift_sample (10000);
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *written = NULL;
  struct rusage usage;
  double start, parse_ms, write_ms;

  start = now_ms ();
  if (!lc_gift_parse (text->str, text->len, "bench.gift", LC_GIFT_PARSE_DEFAULT, &questions, NULL, &error))
    g_error ("%s", error->message);
  parse_ms = now_ms () - start;
  start = now_ms ();
  written = lc_gift_write (questions, NULL);
  write_ms = now_ms () - start;
  getrusage (RUSAGE_SELF, &usage);
  g_print ("GIFT, %u questions (%.1f MB): parse %.0f ms, write %.0f ms; peak RSS %ld KiB\n", questions->len,
           text->len / 1e6, parse_ms, write_ms, usage.ru_maxrss);
  return 0;
}
