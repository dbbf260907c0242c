/* strmap.h - a hash map from byte strings to 32-bit values.
 *
 * Keys are copied into the map.  Used for POT de-duplication
 * (msgctxt EOT msgid -> entry) and catalog look-ups.  Open addressing with
 * linear probing, FNV-1a hashing; the table doubles at 50% load.
 */
#ifndef PL10N_STRMAP_H
#define PL10N_STRMAP_H

#include "pagel10n.h"

typedef struct strmap {
  pl10n_buf keys;     /* key bytes, each followed by NUL */
  pl10n_buf entries;  /* struct strmap_entry items */
  uint32_t *slots;    /* 0 = empty, else index+1 into the entries */
  size_t count, capacity;
} strmap;

#define STRMAP_INIT {PL10N_BUF_INIT, PL10N_BUF_INIT, NULL, 0, 0}

uint64_t strmap_hash(const char *key, size_t len);

/* Looks KEY up; returns 1 and sets *VALUE when present. */
int strmap_get(const strmap *map, const char *key, size_t len, uint32_t *value);

/* Inserts KEY -> VALUE unless present.  *INSERTED tells which happened;
   *EXISTING (may be NULL) receives the value already there. */
pl10n_status strmap_put(strmap *map, const char *key, size_t len,
                        uint32_t value, int *inserted, uint32_t *existing);

void strmap_free(strmap *map);

#endif
