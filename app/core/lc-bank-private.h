/* lc-bank-private.h: what lc-bank.c shares with lc-bank-gift.c. No permission
 * checks here: the public functions check first. */
#pragma once

#include "lc-bank.h"

G_BEGIN_DECLS

gboolean _lc_bank_require_read (LcSession *session, GError **error);
gboolean _lc_bank_ensure_category (LcDb *db, const char *path, gint64 *id, GError **error);
gboolean _lc_bank_load_options (LcDb *db, LcQuestion *question, GError **error);
LcQuestion *_lc_bank_load (LcDb *db, const char *uid, int no, GError **error);
gboolean _lc_bank_resolve_basis (LcSession *session, const char *reference, gint64 *article_id, GError **error);
gboolean _lc_bank_store_version (LcDb *db, gint64 question_id, int no, const LcQuestion *question,
                                 gint64 basis_article_id, gint64 author_user_id, GError **error);
char *_lc_bank_random_uid (void);
gboolean _lc_bank_insert (LcDb *db, const LcQuestion *question, const char *uid, gint64 basis_article_id,
                          gint64 author_user_id, GError **error);
gboolean _lc_bank_update (LcDb *db, const LcQuestion *current, const LcQuestion *question, gint64 basis_article_id,
                          gint64 author_user_id, gboolean *new_version, GError **error);
/* Stores checked imported questions (uids set) with their basis article ids
 * and lines (or rows) in one transaction (a savepoint inside the caller's):
 * adds, versions or moves each one and counts it in @result, and appends an
 * LcBankImportItem for each to @items when not NULL. With
 * LC_BANK_IMPORT_DRY_RUN in @flags it does all that and rolls back. */
gboolean _lc_bank_store_all (LcSession *session, GPtrArray *questions, GArray *article_ids, GArray *lines,
                             LcBankImportFlags flags, LcBankImportResult *result, GPtrArray *items, GError **error);

G_END_DECLS
