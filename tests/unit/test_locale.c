/* test_locale.c - locale names to BCP 47 tags and catalog matching. */
#include "unit.h"

#include "pagel10n.h"

static void tags_from_posix_and_bcp47_names(void) {
  char tag[64];
  static const char *const in[] = {
      "tl", "tl_PH.UTF-8", "tl-PH", "fil_PH", "en_US.ISO-8859-1", "de_DE@euro", "ll",
      /* POSIX modifiers: a script, a variant, or nothing */
      "sr@latin", "sr_RS.UTF-8@latin", "uz_UZ@cyrillic", "ca_ES.UTF-8@valencia",
      "ks_IN@devanagari", "tt_RU@iqtelif", "en_US@whatever"};
  static const char *const out[] = {
      "tl", "tl-PH", "tl-PH", "fil-PH", "en-US", "de-DE", "ll",
      "sr-Latn", "sr-Latn-RS", "uz-Cyrl-UZ", "ca-ES-valencia",
      "ks-Deva-IN", "tt-Latn-RU", "en-US"};
  for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
    UNIT_CHECK_INT_EQ(pl10n_locale_tag(in[i], tag, sizeof tag), PL10N_OK);
    UNIT_CHECK_STR_EQ(tag, out[i]);
  }
  UNIT_CHECK_INT_EQ(pl10n_locale_tag("", tag, sizeof tag), PL10N_ERR_LOCALE);
  UNIT_CHECK_INT_EQ(pl10n_locale_tag("../etc", tag, sizeof tag), PL10N_ERR_LOCALE);
  UNIT_CHECK_INT_EQ(pl10n_locale_tag("en US", tag, sizeof tag), PL10N_ERR_LOCALE);
}

static void tagalog_and_filipino_are_one_language(void) {
  UNIT_CHECK_INT_EQ(pl10n_locale_match("tl", "tl"), 2);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("fil", "tl"), 2);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("tl-PH", "fil"), 1);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("fil-PH", "tl-PH"), 2);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("en", "tl"), 0);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("en-US", "en-GB"), 0);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("en-US", "en"), 1);
  UNIT_CHECK_INT_EQ(pl10n_locale_match(NULL, "en"), 0);
}

/* A script written or implied (CLDR's likely subtags) must agree: the Latin
   Serbian catalog does not serve the Cyrillic one, nor Simplified Chinese
   Taiwan. */
static void scripts_must_agree(void) {
  UNIT_CHECK_INT_EQ(pl10n_locale_match("sr-Latn", "sr-Latn"), 2);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("sr-Latn", "sr"), 0);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("sr", "sr-Latn"), 0);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("sr", "sr-Cyrl"), 2);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("sr-Latn-RS", "sr-Latn"), 1);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("zh-TW", "zh"), 0);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("zh-TW", "zh-Hant"), 1);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("zh-CN", "zh"), 1);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("tl-PH", "fil"), 1);
  UNIT_CHECK_INT_EQ(pl10n_locale_match("ll", "ll"), 2);
}

int main(void) {
  UNIT_RUN(tags_from_posix_and_bcp47_names);
  UNIT_RUN(tagalog_and_filipino_are_one_language);
  UNIT_RUN(scripts_must_agree);
  return UNIT_MAIN_END();
}
