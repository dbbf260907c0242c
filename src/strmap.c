/* strmap.c - open-addressing hash map from byte strings to uint32. */
#include "strmap.h"

#include "buf.h"

#include <stdlib.h>

struct strmap_entry {
  uint64_t hash;
  size_t key, key_len;  /* offset into keys */
  uint32_t value;
};

uint64_t strmap_hash(const char *key, size_t len) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)key[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static int find_slot(const strmap *map, const char *key, size_t len,
                     uint64_t hash, size_t *slot) {
  size_t mask = map->capacity - 1;
  size_t i = (size_t)hash & mask;
  for (;;) {
    uint32_t s = map->slots[i];
    if (s == 0) { *slot = i; return 0; }
    const struct strmap_entry *e = &BUF_ITEMS(&map->entries, struct strmap_entry)[s - 1];
    if (e->hash == hash && e->key_len == len &&
        memcmp(map->keys.data + e->key, key, len) == 0) {
      *slot = i;
      return 1;
    }
    i = (i + 1) & mask;
  }
}

int strmap_get(const strmap *map, const char *key, size_t len, uint32_t *value) {
  if (map->count == 0) return 0;
  size_t slot;
  if (!find_slot(map, key, len, strmap_hash(key, len), &slot)) return 0;
  *value = BUF_ITEMS(&map->entries, struct strmap_entry)[map->slots[slot] - 1].value;
  return 1;
}

static pl10n_status grow(strmap *map) {
  size_t cap = map->capacity ? map->capacity * 2 : 64;
  uint32_t *slots = calloc(cap, sizeof *slots);
  if (!slots) return PL10N_ERR_NOMEM;
  for (size_t e = 0; e < map->count; e++) {
    size_t i = (size_t)BUF_ITEMS(&map->entries, struct strmap_entry)[e].hash & (cap - 1);
    while (slots[i]) i = (i + 1) & (cap - 1);
    slots[i] = (uint32_t)e + 1;
  }
  free(map->slots);
  map->slots = slots;
  map->capacity = cap;
  return PL10N_OK;
}

pl10n_status strmap_put(strmap *map, const char *key, size_t len,
                        uint32_t value, int *inserted, uint32_t *existing) {
  pl10n_status st;
  if ((map->count + 1) * 2 > map->capacity && (st = grow(map)) != PL10N_OK)
    return st;
  uint64_t hash = strmap_hash(key, len);
  size_t slot;
  if (find_slot(map, key, len, hash, &slot)) {
    if (existing) *existing = BUF_ITEMS(&map->entries, struct strmap_entry)[map->slots[slot] - 1].value;
    *inserted = 0;
    return PL10N_OK;
  }
  struct strmap_entry e = {hash, map->keys.len, len, value};
  if ((st = buf_append(&map->keys, key, len)) != PL10N_OK ||
      (st = buf_append_char(&map->keys, '\0')) != PL10N_OK ||
      (st = buf_push_item(&map->entries, &e, sizeof e)) != PL10N_OK)
    return st;
  map->slots[slot] = (uint32_t)++map->count;
  *inserted = 1;
  return PL10N_OK;
}

void strmap_free(strmap *map) {
  pl10n_buf_release(&map->keys);
  pl10n_buf_release(&map->entries);
  free(map->slots);
  map->slots = NULL;
  map->count = map->capacity = 0;
}
