/* lc-cli-certs.c: enforcement certificates (执法证) and their lifecycle. */
#define G_LOG_DOMAIN "lexcert-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lc-cli.h"
#include "lc-i18n.h"
#include "lc-units.h"

static int
compare_expiry (gconstpointer a, gconstpointer b)
{
  const LcCertificate *x = *(LcCertificate *const *) a;
  const LcCertificate *y = *(LcCertificate *const *) b;
  int by_date = g_strcmp0 (x->expires_on, y->expires_on);

  return by_date != 0 ? by_date : g_strcmp0 (x->cert_no, y->cert_no);
}

static int
certs_list (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = {
    N_ ("Certificate no."), N_ ("Staff no."), N_ ("Name"),   N_ ("Field"),  N_ ("Issued"),
    N_ ("Expires"),         N_ ("Reviewed"),  N_ ("Status"), N_ ("Reason"),
  };
  static const char *const keys[] = {
    "cert_no", "staff_no", "name", "field", "issued_on", "expires_on", "reviewed_on", "status", "reason",
  };
  g_autofree char *officer_no = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *format_text = NULL;
  int expiring_within = -1;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_no, N_ ("Only this officer's certificates"), N_ ("STAFF_NO") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_ ("Only this status today: valid, suspended, revoked, cancelled or expired"), N_ ("STATUS") },
    { "expiring-within", 0, 0, G_OPTION_ARG_INT, &expiring_within,
      N_ ("Only valid certificates that expire within DAYS days, soonest first"), N_ ("DAYS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = lc_cli_context_new (
      NULL, _ ("List certificates with their status today (expired is worked out from the expiry date)."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (LcCliTable) table = NULL;
  g_autofree char *today = NULL;
  LcCertStatus wanted = LC_CERT_VALID;
  LcCliFormat format;
  gboolean machine;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (status_text != NULL && !lc_cert_status_from_string (status_text, &wanted))
    return lc_cli_usage_error (argv[0],
                               _ ("Unknown certificate status “%s” (use valid, suspended, revoked, cancelled or "
                                  "expired)."),
                               status_text);
  if (expiring_within < -1)
    return lc_cli_usage_error (argv[0], "%s", _ ("--expiring-within needs a number of days, 0 or more."));
  if (!lc_cli_open (cli, &error))
    return lc_cli_fail (error);
  if (officer_no != NULL && (officer = lc_people_find_officer (cli->session, officer_no, &error)) == NULL)
    return lc_cli_fail (error);
  if ((certificates = lc_people_list_certificates (cli->session, officer != NULL ? officer->id : 0, &error)) == NULL)
    return lc_cli_fail (error);
  today = lc_db_today (cli->db);
  if (expiring_within >= 0)
    g_ptr_array_sort (certificates, compare_expiry);

  machine = format != LC_CLI_FORMAT_TABLE;
  table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  for (guint i = 0; i < certificates->len; i++)
    {
      LcCertificate *certificate = g_ptr_array_index (certificates, i);
      LcCertStatus status = lc_certificate_effective_status (certificate, today);

      if (status_text != NULL && status != wanted)
        continue;
      if (expiring_within >= 0
          && (status != LC_CERT_VALID || lc_date_days_between (today, certificate->expires_on) > expiring_within))
        continue;
      lc_cli_table_add (table, certificate->cert_no, certificate->officer_staff_no, certificate->officer_name,
                        certificate->field, certificate->issued_on, certificate->expires_on, certificate->reviewed_on,
                        machine ? lc_cert_status_to_string (status) : lc_cert_status_display_name (status),
                        certificate->status_reason);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

static int
certs_add (LcCli *cli, int argc, char **argv)
{
  g_autofree char *officer_no = NULL;
  g_autofree char *number = NULL;
  g_autofree char *field = NULL;
  g_autofree char *issued_text = NULL;
  g_autofree char *expires_text = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_no, N_ ("The holder's staff number (required)"), N_ ("STAFF_NO") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_ ("Certificate number (required)"), N_ ("NO") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_ ("Enforcement field (default: the officer's)"), N_ ("FIELD") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &issued_text, N_ ("Issue date (required)"), N_ ("DATE") },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &expires_text, N_ ("Expiry date (default: five years after issue)"),
      N_ ("DATE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_ ("A note for the history"), N_ ("TEXT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      /* Translators: 申领 = issuing (applying for) an enforcement certificate */
      lc_cli_context_new (NULL, _ ("Issue an enforcement certificate to an officer."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcOfficer) officer = NULL;
  g_autoptr (LcCertificate) stored = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *expires = NULL;
  LcCertificate certificate = { 0 };
  gint64 id = 0;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 0, 0, &code))
    return code;
  if (officer_no == NULL || number == NULL || issued_text == NULL)
    return lc_cli_usage_error (argv[0], "%s", _ ("--officer, --number and --issued are required."));
  if (!lc_cli_parse_date (argv[0], "--issued", issued_text, &issued)
      || !lc_cli_parse_date (argv[0], "--expires", expires_text, &expires))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (officer = lc_people_find_officer (cli->session, officer_no, &error)) == NULL)
    return lc_cli_fail (error);
  certificate.officer_id = officer->id;
  certificate.cert_no = number;
  certificate.field = field != NULL ? field : officer->field;
  certificate.issued_on = issued;
  certificate.expires_on = expires;
  if (!lc_people_issue_certificate (cli->session, &certificate, reason, &id, &error)
      || (stored = lc_people_get_certificate (cli->session, id, &error)) == NULL)
    return lc_cli_fail (error);
  /* Translators: “Issued certificate 浙执21010001 to 张伟 (330401001), valid until 2026-03-04.” */
  g_print (_ ("Issued certificate %s to %s (%s), valid until %s.\n"), stored->cert_no, officer->name, officer->staff_no,
           stored->expires_on);
  return LC_CLI_EXIT_OK;
}

/* suspend, reinstate, revoke, cancel, review, renew: one runner, the action
 * taken from the command's own name. */
static int
certs_transition (LcCli *cli, int argc, char **argv)
{
  const char *name = strrchr (argv[0], ' ') + 1;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *expires_text = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_ ("When it happened (default: today)"), N_ ("DATE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_ ("A note for the history"), N_ ("TEXT") },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &expires_text, N_ ("New expiry date (default: five years after the date)"),
      N_ ("DATE") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LcCertificate) certificate = NULL;
  g_autoptr (LcCertificate) after = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *today = NULL;
  const char *summary = NULL;
  LcCertAction action;
  int code;

  if (!lc_cert_action_from_string (name, &action))
    g_assert_not_reached ();
  switch (action)
    {
    case LC_CERT_ACTION_SUSPEND:
      /* Translators: 暂扣 = suspension of an enforcement certificate */
      summary = _ ("Suspend a valid certificate. A reason is required.");
      break;
    case LC_CERT_ACTION_REINSTATE:
      summary = _ ("Reinstate a suspended certificate.");
      break;
    case LC_CERT_ACTION_REVOKE:
      /* Translators: 吊销 = revocation of an enforcement certificate */
      summary = _ ("Revoke a valid or suspended certificate. A reason is required.");
      break;
    case LC_CERT_ACTION_CANCEL:
      /* Translators: 注销 = cancellation of a certificate (transfer, retirement, leaving) */
      summary = _ ("Cancel a certificate on transfer, retirement or leaving. A reason is required.");
      break;
    case LC_CERT_ACTION_REVIEW:
      /* Translators: 年审 = the periodic (annual) review of a certificate */
      summary = _ ("Record the periodic review of a valid certificate.");
      break;
    case LC_CERT_ACTION_RENEW:
      /* Translators: 换证 = renewal of a certificate on expiry */
      summary = _ ("Renew a valid or expired certificate with a new expiry date.");
      break;
    case LC_CERT_ACTION_ISSUE:
    default:
      g_assert_not_reached ();
    }
  /* Taking a certificate away must say why: the holder can appeal it. */
  if (action == LC_CERT_ACTION_SUSPEND || action == LC_CERT_ACTION_REVOKE || action == LC_CERT_ACTION_CANCEL)
    entries[1].description = N_ ("Why (required)");
  /* Only renew takes a new expiry date. */
  if (action != LC_CERT_ACTION_RENEW)
    entries[2] = (GOptionEntry){ NULL };
  context = lc_cli_context_new (_ ("CERT_NO"), summary, entries);
  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code))
    return code;
  if (!lc_cli_parse_date (argv[0], "--date", date_text, &date)
      || !lc_cli_parse_date (argv[0], "--expires", expires_text, &expires))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (certificate = lc_people_find_certificate (cli->session, argv[1], &error)) == NULL
      || !lc_people_certificate_transition (cli->session, certificate->id, action, date, reason, expires, &error)
      || (after = lc_people_get_certificate (cli->session, certificate->id, &error)) == NULL)
    return lc_cli_fail (error);
  today = lc_db_today (cli->db);
  /* Translators: “Certificate 浙执21010001: Suspended on 2025-06-30; now Suspended, expires 2026-03-04.” */
  g_print (_ ("Certificate %s: %s on %s; now %s, expires %s.\n"), after->cert_no, lc_cert_action_display_name (action),
           date != NULL ? date : today, lc_cert_status_display_name (lc_certificate_effective_status (after, today)),
           after->expires_on);
  return LC_CLI_EXIT_OK;
}

static int
certs_history (LcCli *cli, int argc, char **argv)
{
  static const char *const headers[] = { N_ ("Date"), N_ ("Action"), N_ ("Reason"), N_ ("By") };
  static const char *const keys[] = { "date", "action", "reason", "user" };
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("table (default), tsv or csv"), N_ ("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      lc_cli_context_new (_ ("CERT_NO"), _ ("Show every change of a certificate, oldest first."), entries);
  g_autoptr (GError) error = NULL;
  g_autoptr (LcCertificate) certificate = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (LcCliTable) table = lc_cli_table_new (G_N_ELEMENTS (headers), headers, keys);
  LcCliFormat format;
  int code;

  if (!lc_cli_parse (context, &argc, &argv))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_expect_args (argc, argv, 1, 1, &code) || !lc_cli_parse_format (argv[0], format_text, TRUE, &format))
    return LC_CLI_EXIT_USAGE;
  if (!lc_cli_open (cli, &error) || (certificate = lc_people_find_certificate (cli->session, argv[1], &error)) == NULL
      || (events = lc_people_list_certificate_events (cli->session, certificate->id, &error)) == NULL)
    return lc_cli_fail (error);
  if (format == LC_CLI_FORMAT_TABLE)
    /* Translators: “浙执21010001 张伟 (330401001)” above the history table */
    g_print (_ ("%s %s (%s)\n\n"), certificate->cert_no, certificate->officer_name, certificate->officer_staff_no);
  for (guint i = 0; i < events->len; i++)
    {
      LcCertificateEvent *event = g_ptr_array_index (events, i);
      lc_cli_table_add (table, event->on_date,
                        format == LC_CLI_FORMAT_TABLE ? lc_cert_action_display_name (event->action)
                                                      : lc_cert_action_to_string (event->action),
                        event->reason, event->user_login);
    }
  lc_cli_table_print (table, format);
  return LC_CLI_EXIT_OK;
}

int
lc_cli_cmd_certs (LcCli *cli, int argc, char **argv)
{
  static const LcCliCommand cert_commands[] = {
    { "list", certs_list, N_ ("List certificates") },
    { "add", certs_add, N_ ("Issue a certificate") },
    /* Translators: 暂扣 = suspension of an enforcement certificate */
    { "suspend", certs_transition, N_ ("Suspend a certificate") },
    { "reinstate", certs_transition, N_ ("Reinstate a suspended certificate") },
    /* Translators: 吊销 = revocation of an enforcement certificate */
    { "revoke", certs_transition, N_ ("Revoke a certificate") },
    /* Translators: 注销 = cancellation of a certificate (transfer, retirement, leaving) */
    { "cancel", certs_transition, N_ ("Cancel a certificate") },
    /* Translators: 年审 = the periodic (annual) review of a certificate */
    { "review", certs_transition, N_ ("Record the periodic review") },
    /* Translators: 换证 = renewal of a certificate on expiry */
    { "renew", certs_transition, N_ ("Renew a certificate") },
    { "history", certs_history, N_ ("Show the history of a certificate") },
  };

  return lc_cli_run_group (cli, cert_commands, G_N_ELEMENTS (cert_commands),
                           /* Translators: 执法证 = enforcement certificate */
                           _ ("Enforcement certificates and their lifecycle."), argc, argv);
}
