/* fuzz_translation.c - libFuzzer harness for the safe merge: the input is
   "msgid NUL msgstr"; the msgstr is checked against the msgid, both are
   canonicalized, and an accepted result is read back. */
#include "buf.h"
#include "translation.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  pl10n_buf in = PL10N_BUF_INIT, ops = PL10N_BUF_INIT, canon = PL10N_BUF_INIT;
  if (buf_append(&in, data, size) != PL10N_OK) return 0;
  const char *msgid = in.data;
  const char *msgstr = memchr(in.data, '\0', size) ? in.data + strlen(in.data) + 1
                                                   : "";
  if (msgstr > in.data + size) msgstr = "";
  char reason[256];
  if (translation_compile(msgid, NULL, msgstr, 0, &ops, reason, sizeof reason) ==
      PL10N_OK) {
    size_t pos = 0;
    translation_step step;
    while (translation_next(ops.data, ops.len, &pos, &step)) {
    }
  }
  translation_compile(msgid, msgid, msgstr, 1, &ops, reason, sizeof reason);
  translation_canonical(msgid, &canon);
  translation_canonical(msgstr, &canon);
  pl10n_buf_release(&in);
  pl10n_buf_release(&ops);
  pl10n_buf_release(&canon);
  return 0;
}
