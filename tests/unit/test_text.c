/* test_text.c - whitespace folding, NFC and the HTML entity table. */
#include "unit.h"

#include "buf.h"
#include "entities.h"
#include "text.h"

static void folds_unicode_whitespace_like_itstool(void) {
  pl10n_buf b = PL10N_BUF_INIT;
  buf_append_str(&b, "  A\t\n B\xc2\xa0\xc2\xa0" "C\xe2\x80\x83" "D  ");
  UNIT_CHECK_INT_EQ(text_normalize(&b, 0, 0), PL10N_OK);
  UNIT_CHECK_STR_EQ(b.data, "A B C D");
  buf_clear(&b);
  buf_append_str(&b, "  kept  \n as is ");
  UNIT_CHECK_INT_EQ(text_normalize(&b, 0, 1), PL10N_OK);
  UNIT_CHECK_STR_EQ(b.data, "  kept  \n as is ");
  pl10n_buf_release(&b);
}

static void composes_to_nfc(void) {
  pl10n_buf b = PL10N_BUF_INIT;
  buf_append_str(&b, "Cafe\xcc\x81 ni Jose\xcc\x81");
  UNIT_CHECK_INT_EQ(text_normalize(&b, 0, 0), PL10N_OK);
  UNIT_CHECK_STR_EQ(b.data, "Caf\xc3\xa9 ni Jos\xc3\xa9");
  pl10n_buf_release(&b);
}

static void refuses_invalid_utf8(void) {
  pl10n_buf b = PL10N_BUF_INIT;
  buf_append_str(&b, "bad \xff byte");
  UNIT_CHECK_INT_EQ(text_normalize(&b, 0, 0), PL10N_ERR_ENCODING);
  UNIT_CHECK(!text_is_utf8("\xc3", 1));
  UNIT_CHECK(text_is_utf8("\xf0\x9f\x98\x80", 4));
  pl10n_buf_release(&b);
}

static void knows_the_whatwg_names(void) {
  UNIT_CHECK_STR_EQ(entities_lookup("nbsp", 4), "\xc2\xa0");
  UNIT_CHECK_STR_EQ(entities_lookup("mdash", 5), "\xe2\x80\x94");
  UNIT_CHECK_STR_EQ(entities_lookup("AMP", 3), "&");
  UNIT_CHECK(entities_lookup("bogus", 5) == NULL);
  UNIT_CHECK(entities_lookup("nbs", 3) == NULL);
}

static void declares_only_the_names_used(void) {
  pl10n_buf dtd = PL10N_BUF_INIT;
  const char *page = "<p>&copy; &amp; &copy; &LT; &bogus; & x</p>";
  UNIT_CHECK_INT_EQ(entities_build_dtd(page, strlen(page), &dtd), PL10N_OK);
  UNIT_CHECK_STR_EQ(dtd.data, "<!ENTITY copy \"&#169;\">\n<!ENTITY LT \"&#38;#60;\">\n");
  pl10n_buf_release(&dtd);
}

int main(void) {
  UNIT_RUN(folds_unicode_whitespace_like_itstool);
  UNIT_RUN(composes_to_nfc);
  UNIT_RUN(refuses_invalid_utf8);
  UNIT_RUN(knows_the_whatwg_names);
  UNIT_RUN(declares_only_the_names_used);
  return UNIT_MAIN_END();
}
