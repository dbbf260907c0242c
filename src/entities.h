/* entities.h - HTML named character references for XML parsers without a DTD.
 *
 * Templates use &nbsp; &copy; &mdash; ... without declaring them.  Before a
 * parse, entities_build_dtd() scans the bytes for references to names that
 * XML does not predefine and writes a small DTD declaring just those, from
 * the WHATWG list; the parser reads it as the document's external subset
 * (nothing is ever loaded from disk or network).
 */
#ifndef PL10N_ENTITIES_H
#define PL10N_ENTITIES_H

#include "pagel10n.h"

/* The UTF-8 expansion of the HTML named reference NAME (LEN bytes, without
   '&' and ';'), or NULL when there is none. */
const char *entities_lookup(const char *name, size_t len);

/* Appends to DTD an <!ENTITY> declaration for every distinct HTML name
   referenced in DATA that XML does not predefine.  Unknown names are left
   for the parser to report.  Leaves DTD empty when none is needed. */
pl10n_status entities_build_dtd(const char *data, size_t len, pl10n_buf *dtd);

#endif
