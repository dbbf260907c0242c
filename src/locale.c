/* locale.c - locale names to BCP 47 tags, and matching requested locales
   against catalog languages through ICU (CLDR aliases: tl = fil). */
#include "pagel10n.h"

#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include <stdio.h>
#include <string.h>

static int is_tag_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The BCP 47 subtag a POSIX locale modifier stands for: a script
   (sr@latin, uz@cyrillic, ks@devanagari, tt@iqtelif, en@shaw) or a
   registered variant (ca@valencia, aa@saaho); NULL for the others (de@euro:
   the currency, no part of a language tag).  *IS_SCRIPT tells which. */
static const char *modifier_subtag(const char *modifier, int *is_script) {
  static const struct { const char *modifier, *subtag; int script; } known[] = {
      {"latin", "Latn", 1},    {"cyrillic", "Cyrl", 1}, {"devanagari", "Deva", 1},
      {"iqtelif", "Latn", 1},  {"shaw", "Shaw", 1},     {"valencia", "valencia", 0},
      {"saaho", "saaho", 0}};
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (strcmp(modifier, known[i].modifier) == 0) {
      *is_script = known[i].script;
      return known[i].subtag;
    }
  *is_script = 0;
  return NULL;
}

pl10n_status pl10n_locale_tag(const char *locale, char *out, size_t size) {
  char tag[ULOC_FULLNAME_CAPACITY];
  size_t n = strcspn(locale, ".@"); /* POSIX codeset and modifier */
  if (n == 0 || n >= sizeof tag) return PL10N_ERR_LOCALE;
  for (size_t i = 0; i < n; i++) {
    char c = locale[i];
    if (c == '_') c = '-';
    if (!is_tag_char(c) && c != '-') return PL10N_ERR_LOCALE;
    tag[i] = c;
  }
  tag[n] = '\0';
  size_t parse_len = n;
  const char *at = strchr(locale + n, '@');
  int is_script = 0;
  const char *subtag = at ? modifier_subtag(at + 1, &is_script) : NULL;
  if (subtag) {
    /* The script goes after the language, a variant at the end. */
    size_t lang_len = is_script ? strcspn(tag, "-") : n;
    size_t add = strlen(subtag) + 1;
    if (n + add >= sizeof tag) return PL10N_ERR_LOCALE;
    memmove(tag + lang_len + add, tag + lang_len, n - lang_len + 1);
    tag[lang_len] = '-';
    memcpy(tag + lang_len + 1, subtag, add - 1);
    parse_len = n + add;
  }
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode e = U_ZERO_ERROR;
  uloc_forLanguageTag(tag, id, sizeof id, &parsed, &e);
  if (U_FAILURE(e) || parsed != (int32_t)parse_len) return PL10N_ERR_LOCALE;
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
  char lang[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY],
      region[ULOC_COUNTRY_CAPACITY];
  int ok;
} split_memo;
static _Thread_local split_memo memo[8];
static _Thread_local unsigned memo_next;

static int split_tag_uncached(const char *tag, split_memo *m);

/* TAG's canonical language, its script (written, or the likely one: sr is
   Cyrl, sr-Latn Latn; "" when CLDR does not know) and its region as
   written. */
static const split_memo *split_tag(const char *tag) {
  size_t n = strlen(tag);
  for (size_t i = 0; i < 8; i++)
    if (memo[i].tag[0] && strcmp(memo[i].tag, tag) == 0) return &memo[i];
  static _Thread_local split_memo scratch;
  split_memo *m = n > 0 && n < sizeof memo[0].tag ? &memo[memo_next++ % 8] : &scratch;
  m->ok = split_tag_uncached(tag, m);
  snprintf(m->tag, sizeof m->tag, "%s", m == &scratch ? "" : tag);
  return m;
}

static int split_tag_uncached(const char *tag, split_memo *m) {
  m->lang[0] = m->script[0] = m->region[0] = '\0';
  char id[ULOC_FULLNAME_CAPACITY], full[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode e = U_ZERO_ERROR;
  uloc_forLanguageTag(tag, id, sizeof id, &parsed, &e);
  char raw[ULOC_LANG_CAPACITY];
  uloc_getLanguage(id, raw, sizeof raw, &e);
  uloc_getCountry(id, m->region, ULOC_COUNTRY_CAPACITY, &e);
  if (U_FAILURE(e) || !*raw) return 0;
  canonical_language(raw, m->lang, ULOC_LANG_CAPACITY);
  UErrorCode likely = U_ZERO_ERROR;
  uloc_addLikelySubtags(id, full, sizeof full, &likely);
  if (U_SUCCESS(likely)) uloc_getScript(full, m->script, ULOC_SCRIPT_CAPACITY, &likely);
  if (U_FAILURE(likely)) m->script[0] = '\0';
  return 1;
}

int pl10n_locale_match(const char *want, const char *have) {
  if (!want || !have) return 0;
  split_memo w = *split_tag(want);
  const split_memo *h = split_tag(have);
  if (!w.ok || !h->ok || strcmp(w.lang, h->lang) != 0) return 0;
  /* sr@latin is not served by the Cyrillic sr, nor zh-Hant by zh. */
  if (*w.script && *h->script && strcmp(w.script, h->script) != 0) return 0;
  if (strcmp(w.region, h->region) == 0) return 2;
  return (!*w.region || !*h->region) ? 1 : 0;
}
