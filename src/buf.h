/* buf.h - operations on pl10n_buf, the one growable byte buffer.
 *
 * Every function that grows the buffer returns PL10N_OK, PL10N_ERR_NOMEM or
 * PL10N_ERR_LIMIT; on failure the buffer is left as it was.  Data pointers
 * into the buffer do not survive a call that grows it.  Arrays of structs are
 * kept in a buffer too, through buf_push_item / BUF_ITEMS.
 */
#ifndef PL10N_BUF_H
#define PL10N_BUF_H

#include "pagel10n.h"
#include <string.h>

/* Makes room for ADD more bytes beyond LEN (plus the terminating NUL). */
pl10n_status buf_reserve(pl10n_buf *buf, size_t add);

pl10n_status buf_append(pl10n_buf *buf, const void *data, size_t len);
pl10n_status buf_append_str(pl10n_buf *buf, const char *str);
pl10n_status buf_append_char(pl10n_buf *buf, char c);
pl10n_status buf_printf(pl10n_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends TEXT with & < > (and, if QUOTE is non-zero, that quote character)
   written as XML character entities. */
pl10n_status buf_append_xml_escaped(pl10n_buf *buf, const char *text,
                                    size_t len, char quote);

/* The bytes at offset OFF; "" for a buffer that never held any (its data
   is NULL then, and arithmetic on NULL is undefined). */
static inline const char *buf_at(const pl10n_buf *buf, size_t off) {
  return buf->data ? buf->data + off : "";
}

/* Empties the buffer but keeps its memory. */
static inline void buf_clear(pl10n_buf *buf) {
  buf->len = 0;
  if (buf->data) buf->data[0] = '\0';
}

/* Shortens the buffer to LEN bytes (LEN <= buf->len). */
static inline void buf_truncate(pl10n_buf *buf, size_t len) {
  buf->len = len;
  if (buf->data) buf->data[len] = '\0';
}

/* Hands the memory to the caller (who frees it) and resets the buffer.
   Returns an empty malloc'd string for a never-used buffer, NULL on
   allocation failure. */
char *buf_detach(pl10n_buf *buf, size_t *len);

/* Arrays of fixed-size items stored in a buffer. */
pl10n_status buf_push_item(pl10n_buf *buf, const void *item, size_t size);
#define BUF_ITEMS(buf, type) ((type *)(void *)(buf)->data)
#define BUF_COUNT(buf, type) ((buf)->len / sizeof(type))

#endif
