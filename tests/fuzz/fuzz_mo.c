/* fuzz_mo.c - libFuzzer harness for .mo loading: the input as a .mo file
   through pl10n_catalog_load (the bounds-checked reader, the entries, the
   header's plural rule), then every entry through the safe-merge check. */
#define FUZZ_MO 1
#include "fuzz_po.c"
