/* fuzz_po.c - libFuzzer harness: the input loaded as a catalog, a .po file
   read by libgettextpo (or, with FUZZ_MO set at build time, a .mo file read
   by pagel10n); every entry then goes through the safe-merge check, the
   plural rule and the reverse index. */
#include "buf.h"
#include "catalog.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
#ifdef FUZZ_MO
  const char *suffix = "mo";
#else
  const char *suffix = "po";
#endif
  /* libgettextpo reads only named files: write the input to one, in memory
     when /dev/shm is there (a disk file costs a third of the run time). */
  static const char *dir;
  if (!dir) dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  char path[96];
  snprintf(path, sizeof path, "%s/pagel10n-fuzz-%d.%s", dir, (int)getpid(), suffix);
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  pl10n_catalog *cat;
  pl10n_error err;
  if (pl10n_catalog_load(path, "tl", NULL, NULL, &cat, &err) == PL10N_OK) {
    size_t n = BUF_COUNT(&cat->entries, catalog_entry);
    for (size_t i = 0; i < n; i++) {
      catalog_entry *e = &BUF_ITEMS(&cat->entries, catalog_entry)[i];
      const char *ops;
      uint32_t len;
      if (catalog_accept(cat, e)) catalog_ops(cat, e, i, &ops, &len);
    }
    catalog_entry *e, *other;
    catalog_find_by_translation(cat, NULL, "Tanggihan", &e, &other);
    pl10n_catalog_free(cat);
  }
  unlink(path);
  return 0;
}
