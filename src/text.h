/* text.h - message text rules shared by extraction and lookup: whitespace
 * folding as itstool does it (Unicode White_Space, Python's str.isspace),
 * NFC normalization through ICU, and UTF-8 checks.
 */
#ifndef PL10N_TEXT_H
#define PL10N_TEXT_H

#include "pagel10n.h"

/* True when TEXT (LEN bytes of UTF-8) holds a non-whitespace character. */
int text_has_content(const char *text, size_t len);

/* Rewrites the bytes of BUF from offset START on: unless PRESERVE, every
   whitespace run becomes one space and both ends are trimmed; then the
   text is put in Unicode NFC.  Invalid UTF-8 gives PL10N_ERR_ENCODING. */
pl10n_status text_normalize(pl10n_buf *buf, size_t start, int preserve);

/* Appends the NFC form of TEXT to OUT (ASCII text is copied as is). */
pl10n_status text_append_nfc(pl10n_buf *out, const char *text, size_t len);

/* True when TEXT is well-formed UTF-8. */
int text_is_utf8(const char *text, size_t len);

/* True for the XML whitespace bytes: space, tab, CR, LF. */
static inline int text_is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

#endif
