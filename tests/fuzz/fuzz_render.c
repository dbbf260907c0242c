/* fuzz_render.c - libFuzzer harness: a page (the input) parsed and
   rendered into Tagalog with the example catalog, into English, and
   re-localized (the page read as if its chrome were Tagalog). */
#include "pagel10n.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static pl10n_catalog *tagalog;
static pl10n_formats *formats;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *po = getenv("FUZZ_CATALOG");
  pl10n_error err;
  if (pl10n_catalog_load(po ? po : "examples/news/po/tl.po", NULL, NULL, NULL,
                         &tagalog, &err) != PL10N_OK)
    abort();
  formats = pl10n_formats_new("Asia/Manila", 1795000000000.0);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  pl10n_page *page;
  pl10n_error err;
  pl10n_parse_options options = {0, 200, 1};
  if (pl10n_page_parse("fuzz.xhtml", (const char *)data, size, &options, &page,
                       &err) != PL10N_OK)
    return 0;
  pl10n_buf out = PL10N_BUF_INIT;
  pl10n_catalog *others[1] = {tagalog};
  pl10n_render_options opt = {"tl", tagalog, "en", others, 1, formats, NULL, NULL};
  pl10n_render(page, &opt, &out, NULL, &err);
  opt.locale = "en";
  opt.catalog = NULL;
  out.len = 0;
  pl10n_render(page, &opt, &out, NULL, &err);
  for (size_t i = 0; i < pl10n_page_message_count(page); i++) {
    pl10n_message m;
    pl10n_page_message(page, i, &m);
    pl10n_catalog_lookup(tagalog, m.msgctxt, m.msgid);
  }
  pl10n_buf_release(&out);
  pl10n_page_free(page);
  return 0;
}
