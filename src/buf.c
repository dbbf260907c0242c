/* buf.c - the growable byte buffer (pl10n_buf): growth, appends, escaping. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void pl10n_buf_release(pl10n_buf *buf) {
  free(buf->data);
  buf->data = NULL;
  buf->len = 0;
  buf->cap = 0;
}

pl10n_status buf_reserve(pl10n_buf *buf, size_t add) {
  if (add > SIZE_MAX - buf->len - 1) return PL10N_ERR_LIMIT;
  size_t need = buf->len + add + 1;
  if (buf->limit && need - 1 > buf->limit) return PL10N_ERR_LIMIT;
  if (need <= buf->cap) return PL10N_OK;
  size_t cap = buf->cap ? buf->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *data = realloc(buf->data, cap);
  if (!data) return PL10N_ERR_NOMEM;
  if (!buf->data) data[0] = '\0';
  buf->data = data;
  buf->cap = cap;
  return PL10N_OK;
}

pl10n_status buf_append(pl10n_buf *buf, const void *data, size_t len) {
  pl10n_status st = buf_reserve(buf, len);
  if (st != PL10N_OK) return st;
  if (len) memcpy(buf->data + buf->len, data, len);
  buf->len += len;
  buf->data[buf->len] = '\0';
  return PL10N_OK;
}

pl10n_status buf_append_str(pl10n_buf *buf, const char *str) {
  return buf_append(buf, str, strlen(str));
}

pl10n_status buf_append_char(pl10n_buf *buf, char c) {
  return buf_append(buf, &c, 1);
}

pl10n_status buf_printf(pl10n_buf *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return PL10N_ERR_USAGE;
  pl10n_status st = buf_reserve(buf, (size_t)n);
  if (st != PL10N_OK) return st;
  va_start(ap, fmt);
  vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  buf->len += (size_t)n;
  return PL10N_OK;
}

pl10n_status buf_append_xml_escaped(pl10n_buf *buf, const char *text,
                                    size_t len, char quote) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    const char *entity = NULL;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': if (quote == '"') entity = "&quot;"; break;
      case '\'': if (quote == '\'') entity = "&apos;"; break;
      default: break;
    }
    if (!entity) continue;
    pl10n_status st = buf_append(buf, text + start, i - start);
    if (st == PL10N_OK) st = buf_append_str(buf, entity);
    if (st != PL10N_OK) return st;
    start = i + 1;
  }
  return buf_append(buf, text + start, len - start);
}

char *buf_detach(pl10n_buf *buf, size_t *len) {
  if (!buf->data && buf_reserve(buf, 0) != PL10N_OK) return NULL;
  char *data = buf->data;
  if (len) *len = buf->len;
  buf->data = NULL;
  buf->len = 0;
  buf->cap = 0;
  return data;
}

pl10n_status buf_push_item(pl10n_buf *buf, const void *item, size_t size) {
  return buf_append(buf, item, size);
}
