/* test_locale.c - locale names to BCP 47 tags and catalog matching. */
#include "unit.h"

#include "pagel10n.h"

#include <stdio.h>

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

typedef struct match_case {
  const char *want, *have;
  int expected; /* 2 exact, 1 same language and script, 0 no match */
} match_case;

/* Each case as "WANT ~ HAVE: RESULT", so that a failure names its case. */
static void check_matches(const match_case *cases, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const char *want = cases[i].want ? cases[i].want : "(null)";
    char got[96], expected[96];
    snprintf(got, sizeof got, "%s ~ %s: %d", want, cases[i].have,
             pl10n_locale_match(cases[i].want, cases[i].have));
    snprintf(expected, sizeof expected, "%s ~ %s: %d", want, cases[i].have,
             cases[i].expected);
    UNIT_CHECK_STR_EQ(got, expected);
  }
}

static void tagalog_and_filipino_are_one_language(void) {
  static const match_case cases[] = {
      {"tl", "tl", 2},        {"fil", "tl", 2},      {"tl-PH", "fil", 1},
      {"fil-PH", "tl-PH", 2}, {"en", "tl", 0},       {"en-US", "en-GB", 0},
      {"en-US", "en", 1},     {NULL, "en", 0}};
  check_matches(cases, sizeof cases / sizeof *cases);
}

/* A script written or implied (CLDR's likely subtags) must agree: the Latin
   Serbian catalog does not serve the Cyrillic one, nor Simplified Chinese
   Taiwan. */
static void scripts_must_agree(void) {
  static const match_case cases[] = {
      {"sr-Latn", "sr-Latn", 2}, {"sr-Latn", "sr", 0},    {"sr", "sr-Latn", 0},
      {"sr", "sr-Cyrl", 2},      {"sr-Latn-RS", "sr-Latn", 1},
      {"zh-TW", "zh", 0},        {"zh-TW", "zh-Hant", 1}, {"zh-CN", "zh", 1},
      {"tl-PH", "fil", 1},       {"ll", "ll", 2}};
  check_matches(cases, sizeof cases / sizeof *cases);
}

int main(void) {
  UNIT_RUN(tags_from_posix_and_bcp47_names);
  UNIT_RUN(tagalog_and_filipino_are_one_language);
  UNIT_RUN(scripts_must_agree);
  return UNIT_MAIN_END();
}
