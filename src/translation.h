/* translation.h - the safe merge: checking a translator's msgstr against its
 * msgid and compiling it into render operations.
 *
 * A msgstr is untrusted.  It may use only the inline elements of its msgid,
 * each with exactly the msgid's attributes, reordered or renested as long as
 * it is well-formed, and every <_:name-N/> placeholder exactly once.  Its
 * text may use character references and HTML named references.  Anything
 * else (a new element or attribute, a changed href, a comment or processing
 * instruction, an unbalanced tag, a bad entity, an early close) rejects it.
 *
 * An accepted msgstr becomes a list of operations on the page's own bytes:
 * TEXT (decoded UTF-8, escaped when written), OPEN k / CLOSE k (the k-th
 * inline element of the msgid, in msgid order), PLACEHOLDER k, VALUE (the
 * text is the NAME of a {NAME} value).
 *
 * Values: every {NAME} of the msgid must appear in the msgstr as often as in
 * the msgid, anywhere; a plural form may use the {NAME}s of the msgid and
 * msgid_plural any number of times; a {NAME} the source does not have
 * rejects the msgstr.
 */
#ifndef PL10N_TRANSLATION_H
#define PL10N_TRANSLATION_H

#include "pagel10n.h"

enum translation_op {
  OP_TEXT = 1, OP_OPEN, OP_CLOSE, OP_PLACEHOLDER, OP_VALUE,
  OP_FORM /* starts plural form INDEX in a catalog's compiled entry */
};

/* One operation, as translation_next() reads it back. */
typedef struct translation_step {
  int op;
  uint32_t index;     /* OPEN, CLOSE, PLACEHOLDER */
  const char *text;   /* TEXT; VALUE: the name */
  size_t len;
} translation_step;

/* Checks MSGSTR against MSGID (and MSGID_PLURAL, NULL unless MSGSTR is a
   plural form).  ATTRIBUTE: the message is an attribute value, so no
   element at all is allowed.  On success appends the operations to OPS and
   returns PL10N_OK; a rejected translation returns PL10N_ERR_XML with a
   one-line REASON. */
pl10n_status translation_compile(const char *msgid, const char *msgid_plural,
                                 const char *msgstr, int attribute,
                                 pl10n_buf *ops, char *reason,
                                 size_t reason_size);

/* Appends to OUT a form of TEXT (a msgid or msgstr) that is equal for two
   texts exactly when one, written into a page and extracted again, gives
   the other: whitespace folded, NFC, entities decoded, attributes sorted,
   placeholders unnumbered.  Returns PL10N_ERR_XML for markup that is not
   well-formed. */
pl10n_status translation_canonical(const char *text, pl10n_buf *out);

/* Appends the marker that starts plural form INDEX. */
pl10n_status translation_put_form(pl10n_buf *ops, uint32_t index);

/* Narrows OPS (LEN bytes, a sequence of forms) to plural form INDEX.
   Returns 0 when there is no such form. */
int translation_form(const char **ops, uint32_t *len, uint32_t index);

/* Reads the operation at *POS of OPS (LEN bytes); returns 0 at the end. */
int translation_next(const char *ops, size_t len, size_t *pos,
                     translation_step *step);

#endif
