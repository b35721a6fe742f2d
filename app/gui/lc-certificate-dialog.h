/* lc-certificate-dialog.h: issue a certificate (执法证), or change one:
 * review (年审), renew (换证), suspend (暂扣), reinstate, revoke (吊销) or
 * cancel (注销), each with a date and a reason. Emits ::saved after the
 * core accepted the change; refusals show in the dialog. */
#pragma once

#include <gtk/gtk.h>

#include "lc-people.h"

G_BEGIN_DECLS

#define LC_TYPE_CERTIFICATE_DIALOG (lc_certificate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcCertificateDialog, lc_certificate_dialog, LC, CERTIFICATE_DIALOG, GtkWindow)

LcCertificateDialog *lc_certificate_dialog_new_issue (GtkWindow *parent, LcSession *session, const LcOfficer *officer);
/* @action is any LcCertAction but LC_CERT_ACTION_ISSUE. */
LcCertificateDialog *lc_certificate_dialog_new_transition (GtkWindow *parent, LcSession *session,
                                                           const LcCertificate *certificate, LcCertAction action);

G_END_DECLS
