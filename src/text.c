/* text.c - whitespace folding and NFC normalization of message text. */
#include "text.h"

#include "buf.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <stdlib.h>

int text_has_content(const char *text, size_t len) {
  int32_t i = 0, n = (int32_t)len;
  while (i < n) {
    UChar32 c;
    U8_NEXT(text, i, n, c);
    if (c < 0 || !u_isspace(c)) return 1;
  }
  return 0;
}

int text_is_utf8(const char *text, size_t len) {
  int32_t i = 0, n = (int32_t)len;
  if (len > INT32_MAX) return 0;
  while (i < n) {
    if ((unsigned char)text[i] < 0x80) { i++; continue; }
    UChar32 c;
    U8_NEXT(text, i, n, c);
    if (c < 0) return 0;
  }
  return 1;
}

static int is_ascii(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)text[i] >= 0x80) return 0;
  return 1;
}

pl10n_status text_append_nfc(pl10n_buf *out, const char *text, size_t len) {
  if (is_ascii(text, len)) return buf_append(out, text, len);
  if (len > INT32_MAX / 4) return PL10N_ERR_LIMIT;
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err)) return PL10N_ERR_NOMEM;
  int32_t ulen = 0;
  u_strFromUTF8(NULL, 0, &ulen, text, (int32_t)len, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return PL10N_ERR_ENCODING;
  err = U_ZERO_ERROR;
  UChar *u = malloc(sizeof(UChar) * ((size_t)ulen + 1));
  if (!u) return PL10N_ERR_NOMEM;
  u_strFromUTF8(u, ulen + 1, NULL, text, (int32_t)len, &err);
  pl10n_status st = PL10N_OK;
  UChar *norm = NULL;
  if (U_FAILURE(err)) { st = PL10N_ERR_ENCODING; goto done; }
  if (unorm2_isNormalized(nfc, u, ulen, &err) && U_SUCCESS(err)) {
    st = buf_append(out, text, len);
    goto done;
  }
  err = U_ZERO_ERROR;
  int32_t nlen = unorm2_normalize(nfc, u, ulen, NULL, 0, &err);
  err = U_ZERO_ERROR;
  norm = malloc(sizeof(UChar) * ((size_t)nlen + 1));
  if (!norm) { st = PL10N_ERR_NOMEM; goto done; }
  unorm2_normalize(nfc, u, ulen, norm, nlen + 1, &err);
  if (U_FAILURE(err)) { st = PL10N_ERR_ENCODING; goto done; }
  int32_t blen = 0;
  u_strToUTF8(NULL, 0, &blen, norm, nlen, &err);
  err = U_ZERO_ERROR;
  st = buf_reserve(out, (size_t)blen);
  if (st != PL10N_OK) goto done;
  u_strToUTF8(out->data + out->len, blen + 1, NULL, norm, nlen, &err);
  if (U_FAILURE(err)) { st = PL10N_ERR_ENCODING; goto done; }
  out->len += (size_t)blen;
  out->data[out->len] = '\0';
done:
  free(u);
  free(norm);
  return st;
}

/* Folds whitespace runs of BUF[START..] in place. */
static pl10n_status fold_whitespace(pl10n_buf *buf, size_t start) {
  if (!buf->data) return PL10N_OK;
  char *s = buf->data + start;
  int32_t n = (int32_t)(buf->len - start), i = 0;
  size_t w = 0;
  int pending_space = 0, any = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return PL10N_ERR_ENCODING;
    if (u_isspace(c)) { pending_space = 1; continue; }
    if (pending_space && any) s[w++] = ' ';
    pending_space = 0;
    any = 1;
    while (at < i) s[w++] = s[at++];
  }
  buf_truncate(buf, start + w);
  return PL10N_OK;
}

pl10n_status text_normalize(pl10n_buf *buf, size_t start, int preserve) {
  if (buf->len > INT32_MAX) return PL10N_ERR_LIMIT;
  if (!preserve) {
    pl10n_status st = fold_whitespace(buf, start);
    if (st != PL10N_OK) return st;
  }
  const char *s = buf->data ? buf->data + start : "";
  size_t len = buf->len - start;
  if (is_ascii(s, len)) return PL10N_OK;
  pl10n_buf nfc = PL10N_BUF_INIT;
  pl10n_status st = text_append_nfc(&nfc, s, len);
  if (st == PL10N_OK) {
    buf_truncate(buf, start);
    st = buf_append(buf, nfc.data, nfc.len);
  }
  pl10n_buf_release(&nfc);
  return st;
}
