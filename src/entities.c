/* entities.c - the WHATWG named character references and the mini-DTD
   that declares the ones a document uses. */
#include "entities.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct named_reference {
  const char *name;
  const char *utf8;
} named_reference;

static const named_reference references[] = {
#include "html_entities.inc"
};

static int compare_name(const char *name, size_t len, const char *entry) {
  int c = strncmp(name, entry, len);
  if (c != 0) return c;
  return entry[len] == '\0' ? 0 : -1;
}

const char *entities_lookup(const char *name, size_t len) {
  size_t lo = 0, hi = sizeof references / sizeof references[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = compare_name(name, len, references[mid].name);
    if (c == 0) return references[mid].utf8;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return NULL;
}

static int is_predefined(const char *name, size_t len) {
  static const char *const predefined[] = {"amp", "lt", "gt", "quot", "apos"};
  for (size_t i = 0; i < 5; i++)
    if (strlen(predefined[i]) == len && memcmp(predefined[i], name, len) == 0)
      return 1;
  return 0;
}

static int is_name_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* Writes the expansion as character references; '&' and '<' are written
   doubly escaped so the replacement text is character data, not markup. */
static pl10n_status append_declaration(pl10n_buf *dtd, const char *name,
                                       size_t len, const char *utf8) {
  pl10n_status st = buf_append_str(dtd, "<!ENTITY ");
  if (st == PL10N_OK) st = buf_append(dtd, name, len);
  if (st == PL10N_OK) st = buf_append_str(dtd, " \"");
  const unsigned char *p = (const unsigned char *)utf8;
  while (st == PL10N_OK && *p) {
    unsigned cp;
    int n;
    if (*p < 0x80) { cp = *p; n = 1; }
    else if (*p < 0xE0) { cp = *p & 0x1F; n = 2; }
    else if (*p < 0xF0) { cp = *p & 0x0F; n = 3; }
    else { cp = *p & 0x07; n = 4; }
    for (int i = 1; i < n; i++) cp = (cp << 6) | (p[i] & 0x3F);
    p += n;
    if (cp == '&' || cp == '<') st = buf_printf(dtd, "&#38;#%u;", cp);
    else st = buf_printf(dtd, "&#%u;", cp);
  }
  if (st == PL10N_OK) st = buf_append_str(dtd, "\">\n");
  return st;
}

pl10n_status entities_build_dtd(const char *data, size_t len, pl10n_buf *dtd) {
  buf_clear(dtd);
  const char *end = data + len;
  const char *p = data;
  while ((p = memchr(p, '&', (size_t)(end - p))) != NULL) {
    const char *name = ++p;
    while (p < end && is_name_char((unsigned char)*p)) p++;
    size_t n = (size_t)(p - name);
    if (p >= end || *p != ';' || n == 0 || is_predefined(name, n)) continue;
    const char *utf8 = entities_lookup(name, n);
    if (!utf8) continue;
    /* Declare each name once: look for it among the declarations so far. */
    int seen = 0;
    for (const char *d = dtd->data; d && (d = strstr(d, "<!ENTITY ")); d += 9) {
      if (strncmp(d + 9, name, n) == 0 && d[9 + n] == ' ') { seen = 1; break; }
    }
    if (seen) continue;
    pl10n_status st = append_declaration(dtd, name, n, utf8);
    if (st != PL10N_OK) return st;
  }
  return PL10N_OK;
}
