/* test_check.c - the check library (coverage and QA findings) through its
   public API, on catalogs and pages written to a temporary directory. */
#include "unit.h"

#include "pagel10n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

/* Writes TEXT to DIR/NAME and returns the path (static storage, rotating). */
static const char *put_file(const char *name, const char *text) {
  static char paths[4][512];
  static int next;
  char *path = paths[next++ % 4];
  snprintf(path, sizeof paths[0], "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (f) {
    fputs(text, f);
    fclose(f);
  }
  return path;
}

static const char pot[] =
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    "#: a.xhtml:3\nmsgid \"Home\"\nmsgstr \"\"\n\n"
    "#: a.xhtml:4 b.xhtml:9\nmsgctxt \"menu\"\nmsgid \"Open\"\nmsgstr \"\"\n\n"
    "#: a.xhtml:5\nmsgid \"Share\"\nmsgstr \"\"\n";

static const char tl_po[] =
    "msgid \"\"\nmsgstr \"\"\n\"Language: tl\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n"
    "msgid \"Home\"\nmsgstr \"Unang <b>Pahina</b>\"\n\n"          /* line 7 */
    "#, fuzzy\nmsgctxt \"menu\"\nmsgid \"Open\"\nmsgstr \"Buksan\"\n\n"
    "msgid \"Extra\"\nmsgstr \"Dagdag\"\n\n"
    "#~ msgid \"Gone\"\n#~ msgstr \"Wala\"\n";

static void coverage_counts_states_and_references(void) {
  pl10n_check *c = pl10n_check_new(NULL);
  pl10n_error err;
  UNIT_CHECK_INT_EQ(pl10n_check_read_pot(c, put_file("m.pot", pot), &err), PL10N_OK);
  UNIT_CHECK_INT_EQ(pl10n_check_add_po(c, put_file("tl.po", tl_po), &err), PL10N_OK);
  UNIT_CHECK_INT_EQ(pl10n_check_message_count(c), 3);
  if (!UNIT_CHECK_INT_EQ(pl10n_check_locale_count(c), 1)) goto done;
  pl10n_check_locale_info l;
  pl10n_check_locale(c, 0, &l);
  UNIT_CHECK_STR_EQ(l.language, "tl");
  UNIT_CHECK_INT_EQ(l.readable, 1);
  UNIT_CHECK_INT_EQ(l.messages, 3);
  UNIT_CHECK_INT_EQ(l.translated, 1);
  UNIT_CHECK_INT_EQ(l.fuzzy, 1);
  UNIT_CHECK_INT_EQ(l.untranslated, 1);
  UNIT_CHECK_INT_EQ(l.obsolete, 2);
  UNIT_CHECK(l.coverage > 33.3 && l.coverage < 33.4);
  UNIT_CHECK_INT_EQ(l.n_missing, 2);
  pl10n_check_missing miss;
  pl10n_check_locale_missing(c, 0, 0, &miss);
  UNIT_CHECK_INT_EQ(miss.state, PL10N_CHECK_FUZZY);
  UNIT_CHECK_INT_EQ(miss.po_line, 12); /* of its msgid, after the msgctxt */
  pl10n_check_message_info m;
  pl10n_check_message(c, miss.message, &m);
  UNIT_CHECK_STR_EQ(m.msgctxt, "menu");
  UNIT_CHECK_STR_EQ(m.msgid, "Open");
  UNIT_CHECK_INT_EQ(m.n_refs, 2);
  pl10n_check_ref ref;
  pl10n_check_message_ref(c, miss.message, 1, &ref);
  UNIT_CHECK_STR_EQ(ref.file, "b.xhtml");
  UNIT_CHECK_INT_EQ(ref.line, 9);
  pl10n_check_locale_missing(c, 0, 1, &miss);
  UNIT_CHECK_INT_EQ(miss.state, PL10N_CHECK_ABSENT);
  UNIT_CHECK_INT_EQ(miss.po_line, 0);
  /* Findings, by line: the header's rule against CLDR, then the rejected
     markup of line 7. */
  if (!UNIT_CHECK_INT_EQ(l.n_findings, 2)) goto done;
  pl10n_check_finding f;
  pl10n_check_locale_finding(c, 0, 0, &f);
  UNIT_CHECK_STR_EQ(f.code, "plural-forms-cldr");
  UNIT_CHECK_INT_EQ(f.level, PL10N_CHECK_WARNING);
  UNIT_CHECK_INT_EQ(f.line, 1);
  pl10n_check_locale_finding(c, 0, 1, &f);
  UNIT_CHECK_STR_EQ(f.code, "markup");
  UNIT_CHECK_INT_EQ(f.level, PL10N_CHECK_ERROR);
  UNIT_CHECK_INT_EQ(f.line, 7);
  UNIT_CHECK_STR_EQ(f.msgid, "Home");
  pl10n_check_summary s;
  pl10n_check_summarize(c, &s);
  UNIT_CHECK_INT_EQ(s.errors, 1);
  UNIT_CHECK_INT_EQ(s.status, 1);
  /* The expected messages are final once a catalog was added. */
  UNIT_CHECK_INT_EQ(pl10n_check_read_pot(c, put_file("m.pot", pot), &err),
                    PL10N_ERR_USAGE);
done:
  pl10n_check_free(c);
}

static void threshold_and_unreadable_catalog(void) {
  pl10n_check_options opt = {NULL, NULL, 0, 50.0};
  pl10n_check *c = pl10n_check_new(&opt);
  pl10n_error err;
  pl10n_check_read_pot(c, put_file("m.pot", pot), &err);
  UNIT_CHECK_INT_EQ(pl10n_check_add_po(c, put_file("de.po",
                    "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\n"
                    "msgid \"Home\"\nmsgstr \"Start\n"), &err),
                    PL10N_ERR_CATALOG);
  UNIT_CHECK_INT_EQ(err.line, 7); /* where libgettextpo (and msgfmt) put it */
  pl10n_check_summary s;
  pl10n_check_summarize(c, &s);
  UNIT_CHECK_INT_EQ(s.unreadable, 1);
  UNIT_CHECK_INT_EQ(s.status, 2);
  pl10n_check_locale_info l;
  pl10n_check_locale(c, 0, &l);
  UNIT_CHECK_INT_EQ(l.readable, 0);
  UNIT_CHECK_STR_EQ(l.language, "de");
  pl10n_check_free(c);

  c = pl10n_check_new(&opt);
  pl10n_check_read_pot(c, put_file("m.pot", pot), &err);
  pl10n_check_add_po(c, put_file("fr.po",
                     "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n"
                     "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n"
                     "msgid \"Home\"\nmsgstr \"Accueil\"\n"), &err);
  pl10n_check_summarize(c, &s);
  UNIT_CHECK_INT_EQ(s.below_threshold, 1);
  UNIT_CHECK_INT_EQ(s.status, 1);
  pl10n_check_free(c);
}

/* Many findings quoting strings of the check's own pool: the pool grows
   while they are copied into it. */
static void unmarked_chrome_many_times(void) {
  pl10n_check *c = pl10n_check_new(NULL);
  pl10n_error err;
  pl10n_check_read_pot(c, put_file("m.pot", pot), &err);
  pl10n_check_add_po(c, put_file("tl.po", tl_po), &err);
  size_t n = 400;
  size_t size = 200 + n * 40;
  char *page_text = malloc(size);
  if (!UNIT_CHECK(page_text != NULL)) goto done;
  size_t len = (size_t)snprintf(page_text, size,
                                "<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                                "<body><div translate=\"no\">\n");
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(page_text + len, size - len, "<p>Share</p>\n");
  len += (size_t)snprintf(page_text + len, size - len,
                          "<script>Share</script></div></body></html>\n");
  pl10n_parse_options po = {0, 0, 1};
  pl10n_page *page = NULL;
  if (UNIT_CHECK_INT_EQ(pl10n_page_parse("p.xhtml", page_text, len, &po, &page, &err),
                        PL10N_OK)) {
    UNIT_CHECK_INT_EQ(pl10n_check_add_page(c, page, &err), PL10N_OK);
    pl10n_check_page_info p;
    pl10n_check_page(c, 0, &p);
    if (UNIT_CHECK_INT_EQ(p.n_findings, n)) {
      pl10n_check_finding f;
      pl10n_check_page_finding(c, 0, n - 1, &f);
      UNIT_CHECK_STR_EQ(f.code, "unmarked-chrome");
      UNIT_CHECK_STR_EQ(f.msgid, "Share");
      UNIT_CHECK_INT_EQ(f.line, n + 1);
    }
  }
  pl10n_page_free(page);
done:
  free(page_text);
  pl10n_check_free(c);
}

int main(void) {
  snprintf(dir, sizeof dir, "%s/test_check.XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(dir)) return 1;
  UNIT_RUN(coverage_counts_states_and_references);
  UNIT_RUN(threshold_and_unreadable_catalog);
  UNIT_RUN(unmarked_chrome_many_times);
  const char *names[] = {"m.pot", "tl.po", "de.po", "fr.po"};
  for (size_t i = 0; i < 4; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
  return UNIT_MAIN_END();
}
