/* mo.h - reading GNU .mo files (as msgfmt writes them) safely.
 *
 * A .mo file is untrusted input: the magic number, the revision, the table
 * positions and every string's offset and length are checked against the
 * file size before use, and strings may not overlap the header or tables.
 */
#ifndef PL10N_MO_H
#define PL10N_MO_H

#include "pagel10n.h"

/* Called for every entry: ORIGINAL is "msgctxt\4msgid\0msgid_plural"
   (context and plural optional), TRANSLATION the NUL-separated forms. */
typedef pl10n_status (*mo_entry_fn)(void *user, const char *original,
                                    size_t original_len,
                                    const char *translation,
                                    size_t translation_len);

/* Walks the LEN bytes of a .mo file.  On a malformed file returns
   PL10N_ERR_CATALOG with a one-line REASON. */
pl10n_status mo_read(const char *data, size_t len, mo_entry_fn fn, void *user,
                     char *reason, size_t reason_size);

#endif
