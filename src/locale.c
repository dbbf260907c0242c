/* locale.c - locale names to BCP 47 tags, and matching requested locales
   against catalog languages through ICU (CLDR aliases: tl = fil). */
#include "pagel10n.h"

#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include <stdio.h>
#include <string.h>

pl10n_status pl10n_locale_tag(const char *locale, char *out, size_t size) {
  char tag[ULOC_FULLNAME_CAPACITY];
  size_t n = strcspn(locale, ".@"); /* POSIX codeset and modifier */
  if (n == 0 || n >= sizeof tag) return PL10N_ERR_LOCALE;
  for (size_t i = 0; i < n; i++) {
    char c = locale[i];
    if (c == '_') c = '-';
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '-'))
      return PL10N_ERR_LOCALE;
    tag[i] = c;
  }
  tag[n] = '\0';
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode e = U_ZERO_ERROR;
  uloc_forLanguageTag(tag, id, sizeof id, &parsed, &e);
  if (U_FAILURE(e) || parsed != (int32_t)n) return PL10N_ERR_LOCALE;
  char bcp[ULOC_FULLNAME_CAPACITY];
  uloc_toLanguageTag(id, bcp, sizeof bcp, 1, &e);
  if (U_FAILURE(e) || strcmp(bcp, "und") == 0 || strlen(bcp) >= size)
    return PL10N_ERR_LOCALE;
  snprintf(out, size, "%s", bcp);
  return PL10N_OK;
}

/* The CLDR replacement of a deprecated language code (tl -> fil), from
   ICU's metadata bundle; LANG itself when there is none. */
static void canonical_language(const char *lang, char *out, size_t size) {
  snprintf(out, size, "%s", lang);
  UErrorCode e = U_ZERO_ERROR;
  UResourceBundle *meta = ures_openDirect(NULL, "metadata", &e);
  UResourceBundle *alias = ures_getByKey(meta, "alias", NULL, &e);
  UResourceBundle *langs = ures_getByKey(alias, "language", NULL, &e);
  UResourceBundle *item = ures_getByKey(langs, lang, NULL, &e);
  int32_t len = 0;
  const UChar *repl = ures_getStringByKey(item, "replacement", &len, &e);
  if (U_SUCCESS(e) && len > 0 && (size_t)len < size) {
    u_UCharsToChars(repl, out, len);
    out[len] = '\0';
    out[strcspn(out, "_")] = '\0'; /* keep the language part only */
  }
  ures_close(item);
  ures_close(langs);
  ures_close(alias);
  ures_close(meta);
}

/* split_tag's answers for the last few tags: each costs ICU a language-tag
   parse and an open of the metadata bundle, and render asks for the same
   two or three tags for every message of every page. */
typedef struct split_memo {
  char tag[64];
  char lang[ULOC_LANG_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
  int ok;
} split_memo;
static _Thread_local split_memo memo[8];
static _Thread_local unsigned memo_next;

static int split_tag_uncached(const char *tag, char *lang, char *region);

static int split_tag(const char *tag, char *lang, char *region) {
  size_t n = strlen(tag);
  for (size_t i = 0; i < 8; i++) {
    if (memo[i].tag[0] && strcmp(memo[i].tag, tag) == 0) {
      memcpy(lang, memo[i].lang, sizeof memo[i].lang);
      memcpy(region, memo[i].region, sizeof memo[i].region);
      return memo[i].ok;
    }
  }
  int ok = split_tag_uncached(tag, lang, region);
  if (n > 0 && n < sizeof memo[0].tag) {
    split_memo *m = &memo[memo_next++ % 8];
    memcpy(m->tag, tag, n + 1);
    memcpy(m->lang, lang, sizeof m->lang);
    memcpy(m->region, region, sizeof m->region);
    m->ok = ok;
  }
  return ok;
}

static int split_tag_uncached(const char *tag, char *lang, char *region) {
  lang[0] = region[0] = '\0';
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode e = U_ZERO_ERROR;
  uloc_forLanguageTag(tag, id, sizeof id, &parsed, &e);
  char raw[ULOC_LANG_CAPACITY];
  uloc_getLanguage(id, raw, sizeof raw, &e);
  uloc_getCountry(id, region, ULOC_COUNTRY_CAPACITY, &e);
  if (U_FAILURE(e) || !*raw) return 0;
  canonical_language(raw, lang, ULOC_LANG_CAPACITY);
  return 1;
}

int pl10n_locale_match(const char *want, const char *have) {
  char wl[ULOC_LANG_CAPACITY], wr[ULOC_COUNTRY_CAPACITY];
  char hl[ULOC_LANG_CAPACITY], hr[ULOC_COUNTRY_CAPACITY];
  if (!want || !have || !split_tag(want, wl, wr) || !split_tag(have, hl, hr))
    return 0;
  if (strcmp(wl, hl) != 0) return 0;
  if (strcmp(wr, hr) == 0) return 2;
  return (!*wr || !*hr) ? 1 : 0;
}
