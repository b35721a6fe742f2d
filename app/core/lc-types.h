/* lc-types.h: forward declarations of the core types. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LcDb LcDb;
typedef struct _LcSession LcSession;
typedef struct _LcDepartment LcDepartment;
typedef struct _LcOfficer LcOfficer;
typedef struct _LcCertificate LcCertificate;
typedef struct _LcCertificateEvent LcCertificateEvent;
typedef struct _LcTrainingRecord LcTrainingRecord;
typedef struct _LcUser LcUser;
typedef struct _LcTable LcTable;

G_END_DECLS
