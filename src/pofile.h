/* pofile.h - the bridge to libgettextpo: reading and writing PO files with
 * its errors turned into pl10n_error records and diagnostics.
 *
 * libgettextpo reports problems through a callback that must not return on
 * fatal errors; the bridge leaves it with longjmp back to the caller.  Not
 * reentrant across threads.
 */
#ifndef PL10N_POFILE_H
#define PL10N_POFILE_H

#include "pagel10n.h"

#include <gettext-po.h>

/* Reads PATH.  The first error fills ERR; with EVERYTHING, every error
   and warning also goes to FN (may be NULL) with its position.  Returns
   NULL on failure. */
po_file_t pofile_read(const char *path, pl10n_diagnostic_fn fn, void *user,
                      int everything, pl10n_error *err);

/* libgettextpo does not tell where a message starts in the file.  Appends
   to LINES (uint32_t items) the line of each non-obsolete entry's "msgid",
   in file order: the k-th item belongs to the k-th non-obsolete message of
   po_message_iterator() (the header included).  Leaves LINES as it was when
   the file cannot be read (positions are then unknown). */
void pofile_locate_entries(const char *path, pl10n_buf *lines);

/* Appends FILE in PO syntax to OUT. */
pl10n_status pofile_write(po_file_t file, pl10n_buf *out, pl10n_error *err);

#endif
