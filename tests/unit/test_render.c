/* test_render.c - render's output as pieces (what batch render writes with
   writev) against the flat buffer pl10n_render gives. */
#include "unit.h"

#include "pagel10n.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char catalog_po[] =
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Language: tl\\n\"\n"
    "\"Plural-Forms: nplurals=2; plural=(n != 1 && n % 10 != 4 && n % 10 != 6 && n % 10 != 9);\\n\"\n"
    "\n"
    "msgid \"Related <a href=\\\"/x?a=1&amp;b=2\\\">Articles</a> &amp; more\"\n"
    "msgstr \"Mga Kaugnay na <a href=\\\"/x?a=1&amp;b=2\\\">Artikulo</a> at iba pa\"\n"
    "\n"
    "msgid \"Menu\"\n"
    "msgstr \"Menu ng site\"\n";

static pl10n_catalog *load_catalog(void) {
  char path[] = "/tmp/pagel10n-test-render-XXXXXX";
  int fd = mkstemp(path);
  if (!UNIT_CHECK(fd >= 0)) return NULL;
  FILE *f = fdopen(fd, "w");
  fputs(catalog_po, f);
  fclose(f);
  pl10n_catalog *cat = NULL;
  pl10n_error err;
  pl10n_status st = pl10n_catalog_load(path, "tl", NULL, NULL, &cat, &err);
  unlink(path);
  UNIT_CHECK_INT_EQ(st, PL10N_OK);
  return cat;
}

/* A page: PAD bytes of content, then chrome with an inline element, an
   entity and an attribute, then a tail. */
static char *make_page(size_t pad, size_t *len) {
  static const char head[] =
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><body>"
      "<article translate=\"no\"><p>";
  static const char chrome[] =
      "</p></article>\n<h2>Related <a href=\"/x?a=1&amp;b=2\">Articles</a> &amp; more</h2>"
      "<nav aria-label=\"Menu\"><a href=\"/\">Menu</a></nav>";
  static const char tail[] = "<article translate=\"no\"><p>End &amp; fin.</p></article></body></html>\n";
  size_t n = strlen(head) + pad + strlen(chrome) + strlen(tail);
  char *page = malloc(n + 1);
  char *p = page;
  p += sprintf(p, "%s", head);
  for (size_t i = 0; i < pad; i++) *p++ = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
  p += sprintf(p, "%s%s", chrome, tail);
  *len = n;
  return page;
}

static void render_both_ways(pl10n_page *page, pl10n_catalog *cat, pl10n_buf *flat,
                             pl10n_buf *joined) {
  pl10n_render_options opt;
  memset(&opt, 0, sizeof opt);
  opt.locale = "tl";
  opt.catalog = cat;
  pl10n_error err;
  pl10n_render_stats stats;
  flat->len = 0;
  joined->len = 0;
  UNIT_CHECK_INT_EQ(pl10n_render(page, &opt, flat, &stats, &err), PL10N_OK);
  UNIT_CHECK_INT_EQ(stats.translated, 2);
  pl10n_pieces *pieces = pl10n_pieces_new();
  UNIT_CHECK_INT_EQ(pl10n_render_pieces(page, &opt, pieces, NULL, &err), PL10N_OK);
  const struct iovec *iov;
  size_t n;
  UNIT_CHECK_INT_EQ(pl10n_pieces_iov(pieces, page, &iov, &n), PL10N_OK);
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    buf_append(joined, iov[i].iov_base, iov[i].iov_len);
    total += iov[i].iov_len;
  }
  UNIT_CHECK_INT_EQ(total, pl10n_pieces_size(pieces));
  pl10n_pieces_free(pieces);
}

static void pieces_equal_the_flat_output(void) {
  pl10n_catalog *cat = load_catalog();
  if (!cat) return;
  size_t len;
  char *data = make_page(100, &len);
  pl10n_page *page;
  pl10n_error err;
  if (!UNIT_CHECK_INT_EQ(pl10n_page_parse("p.xhtml", data, len, NULL, &page, &err), PL10N_OK))
    return;
  pl10n_buf flat = PL10N_BUF_INIT, joined = PL10N_BUF_INIT;
  render_both_ways(page, cat, &flat, &joined);
  UNIT_CHECK_MEM_EQ(joined.data, joined.len, flat.data, flat.len);
  UNIT_CHECK(strstr(flat.data, "<h2>Mga Kaugnay na <a href=\"/x?a=1&amp;b=2\">Artikulo</a> at iba pa</h2>") != NULL);
  UNIT_CHECK(strstr(flat.data, "aria-label=\"Menu ng site\"") != NULL);
  UNIT_CHECK(strstr(flat.data, "End &amp; fin.") != NULL);
  pl10n_page_free(page);
  pl10n_buf_release(&flat);
  pl10n_buf_release(&joined);
  free(data);
  pl10n_catalog_free(cat);
}

int main(void) {
  UNIT_RUN(pieces_equal_the_flat_output);
  return UNIT_MAIN_END();
}
