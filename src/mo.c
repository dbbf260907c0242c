/* mo.c - the .mo reader: header, tables and strings, all bounds-checked. */
#include "mo.h"

#include <stdio.h>
#include <string.h>

#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

typedef struct mo_file {
  const unsigned char *data;
  size_t len;
  int swapped;
} mo_file;

static uint32_t read_u32(const mo_file *mo, size_t off) {
  uint32_t v;
  memcpy(&v, mo->data + off, 4);
  if (mo->swapped)
    v = (v >> 24) | ((v >> 8) & 0xff00U) | ((v << 8) & 0xff0000U) | (v << 24);
  return v;
}

/* Checks the string descriptor at OFF of a table; fills *S and *N. */
static int string_at(const mo_file *mo, size_t desc, size_t tables_end,
                     const char **s, size_t *n, char *reason, size_t size,
                     const char *which, uint32_t index) {
  uint32_t length = read_u32(mo, desc);
  uint32_t offset = read_u32(mo, desc + 4);
  if ((uint64_t)offset + length + 1 > mo->len) {
    snprintf(reason, size, "%s string %u lies past the end of the file", which,
             index);
    return 0;
  }
  if (offset < tables_end) {
    snprintf(reason, size, "%s string %u overlaps the header or tables", which,
             index);
    return 0;
  }
  if (mo->data[offset + length] != '\0') {
    snprintf(reason, size, "%s string %u is not NUL-terminated", which, index);
    return 0;
  }
  *s = (const char *)mo->data + offset;
  *n = length;
  return 1;
}

pl10n_status mo_read(const char *data, size_t len, mo_entry_fn fn, void *user,
                     char *reason, size_t reason_size) {
  mo_file mo = {(const unsigned char *)data, len, 0};
  if (len < 28) {
    snprintf(reason, reason_size, "file too short for a .mo header (%zu bytes)", len);
    return PL10N_ERR_CATALOG;
  }
  uint32_t magic;
  memcpy(&magic, data, 4);
  if (magic == MO_MAGIC_SWAPPED) mo.swapped = 1;
  else if (magic != MO_MAGIC) {
    snprintf(reason, reason_size, "bad magic number: not a .mo file");
    return PL10N_ERR_CATALOG;
  }
  uint32_t revision = read_u32(&mo, 4);
  if ((revision >> 16) > 1) {
    snprintf(reason, reason_size, "unsupported .mo revision %u", revision >> 16);
    return PL10N_ERR_CATALOG;
  }
  uint32_t count = read_u32(&mo, 8);
  uint32_t originals = read_u32(&mo, 12);
  uint32_t translations = read_u32(&mo, 16);
  uint64_t table_bytes = (uint64_t)count * 8;
  if ((uint64_t)originals + table_bytes > len ||
      (uint64_t)translations + table_bytes > len || originals < 28 ||
      translations < 28) {
    snprintf(reason, reason_size, "string tables lie past the end of the file");
    return PL10N_ERR_CATALOG;
  }
  size_t tables_end = (size_t)(originals > translations ? originals : translations) +
                      (size_t)table_bytes;
  for (uint32_t i = 0; i < count; i++) {
    const char *o, *t;
    size_t on, tn;
    if (!string_at(&mo, originals + (size_t)i * 8, tables_end, &o, &on, reason,
                   reason_size, "original", i) ||
        !string_at(&mo, translations + (size_t)i * 8, tables_end, &t, &tn, reason,
                   reason_size, "translated", i))
      return PL10N_ERR_CATALOG;
    pl10n_status st = fn(user, o, on, t, tn);
    if (st != PL10N_OK) return st;
  }
  return PL10N_OK;
}
