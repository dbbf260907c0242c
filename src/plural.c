/* plural.c - evaluating gettext Plural-Forms formulas, and CLDR plural
   categories through ICU's UPluralRules. */
#include "plural.h"

#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the formula: a recursive-descent evaluator ------------------------
 * Grammar (gettext's, from C): cond := or ('?' cond ':' cond)?
 * or := and ('||' and)*   and := eq ('&&' eq)*   eq := rel (('=='|'!=') rel)*
 * rel := add (('<'|'>'|'<='|'>=') add)*   add := mul (('+'|'-') mul)*
 * mul := un (('*'|'/'|'%') un)*   un := '!' un | '-' un | atom
 * atom := 'n' | NUMBER | '(' cond ')'
 */

typedef struct evaluator {
  const char *p;
  unsigned long n;
  int error;
  int depth;
} evaluator;

static void skip_space(evaluator *e) {
  while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n' || *e->p == '\r') e->p++;
}

static int accept(evaluator *e, const char *tok) {
  skip_space(e);
  size_t n = strlen(tok);
  if (strncmp(e->p, tok, n) != 0) return 0;
  /* "<" must not take the first half of "<=", "=" of "==" and so on. */
  if (n == 1 && (tok[0] == '<' || tok[0] == '>' || tok[0] == '!') && e->p[1] == '=')
    return 0;
  if (n == 1 && (tok[0] == '|' || tok[0] == '&')) return 0;
  e->p += n;
  return 1;
}

static unsigned long cond(evaluator *e);

static unsigned long atom(evaluator *e) {
  skip_space(e);
  if (++e->depth > 100) { e->error = 1; return 0; }
  unsigned long v = 0;
  if (*e->p == 'n') {
    e->p++;
    v = e->n;
  } else if (isdigit((unsigned char)*e->p)) {
    char *end;
    v = strtoul(e->p, &end, 10);
    e->p = end;
  } else if (accept(e, "(")) {
    v = cond(e);
    if (!accept(e, ")")) e->error = 1;
  } else {
    e->error = 1;
  }
  e->depth--;
  return v;
}

static unsigned long unary(evaluator *e) {
  if (accept(e, "!")) return !unary(e);
  if (accept(e, "-")) return (unsigned long)(-(long)unary(e));
  return atom(e);
}

static unsigned long mul(evaluator *e) {
  unsigned long v = unary(e);
  for (;;) {
    if (accept(e, "*")) v *= unary(e);
    else if (accept(e, "/") || accept(e, "%")) {
      char op = e->p[-1];
      unsigned long r = unary(e);
      if (r == 0) { e->error = 1; return 0; }
      v = op == '/' ? v / r : v % r;
    } else return v;
  }
}

static unsigned long add(evaluator *e) {
  unsigned long v = mul(e);
  for (;;) {
    if (accept(e, "+")) v += mul(e);
    else if (accept(e, "-")) v -= mul(e);
    else return v;
  }
}

static unsigned long rel(evaluator *e) {
  unsigned long v = add(e);
  for (;;) {
    if (accept(e, "<=")) v = v <= add(e);
    else if (accept(e, ">=")) v = v >= add(e);
    else if (accept(e, "<")) v = v < add(e);
    else if (accept(e, ">")) v = v > add(e);
    else return v;
  }
}

static unsigned long eq(evaluator *e) {
  unsigned long v = rel(e);
  for (;;) {
    if (accept(e, "==")) v = v == rel(e);
    else if (accept(e, "!=")) v = v != rel(e);
    else return v;
  }
}

static unsigned long and_(evaluator *e) {
  unsigned long v = eq(e);
  while (accept(e, "&&")) {
    unsigned long r = eq(e);
    v = v && r;
  }
  return v;
}

static unsigned long or_(evaluator *e) {
  unsigned long v = and_(e);
  while (accept(e, "||")) {
    unsigned long r = and_(e);
    v = v || r;
  }
  return v;
}

static unsigned long cond(evaluator *e) {
  if (++e->depth > 100) { e->error = 1; return 0; }
  unsigned long c = or_(e);
  if (accept(e, "?")) {
    unsigned long a = cond(e);
    if (!accept(e, ":")) e->error = 1;
    unsigned long b = cond(e);
    c = c ? a : b;
  }
  e->depth--;
  return c;
}

/* Evaluates EXPR for N; returns 0 on a syntax error. */
static int evaluate(const char *expr, unsigned long n, unsigned long *value) {
  evaluator e = {expr, n, 0, 0};
  *value = cond(&e);
  skip_space(&e);
  if (*e.p == ';') e.p++;
  skip_space(&e);
  return !e.error && *e.p == '\0';
}

/* Copies the value of KEY from "k1=v1; k2=v2;" into OUT. */
static int field(const char *text, const char *key, char *out, size_t size) {
  size_t klen = strlen(key);
  for (const char *p = text; *p;) {
    while (*p == ' ' || *p == '\t' || *p == ';') p++;
    const char *k = p;
    while (*p && *p != '=' && *p != ';') p++;
    const char *kend = p;
    while (kend > k && (kend[-1] == ' ' || kend[-1] == '\t')) kend--;
    if (*p != '=') continue;
    const char *v = ++p;
    p += strcspn(p, ";");
    if ((size_t)(kend - k) == klen && strncmp(k, key, klen) == 0) {
      size_t vlen = (size_t)(p - v);
      if (vlen >= size) return 0;
      memcpy(out, v, vlen);
      out[vlen] = '\0';
      return 1;
    }
  }
  return 0;
}

pl10n_status plural_parse(const char *plural_forms, plural_rule *rule,
                          char *reason, size_t reason_size) {
  memset(rule, 0, sizeof *rule);
  char count_text[32];
  if (!field(plural_forms, "nplurals", count_text, sizeof count_text) ||
      !field(plural_forms, "plural", rule->expression, sizeof rule->expression)) {
    snprintf(reason, reason_size, "Plural-Forms needs nplurals=N; plural=EXPRESSION;");
    return PL10N_ERR_CATALOG;
  }
  char *end;
  long count = strtol(count_text, &end, 10);
  while (*end == ' ') end++;
  if (*end || count < 1 || count > 6) {
    snprintf(reason, reason_size, "nplurals must be a number from 1 to 6, not \"%s\"",
             count_text);
    return PL10N_ERR_CATALOG;
  }
  rule->nplurals = (int)count;
  unsigned long v;
  if (!evaluate(rule->expression, 1, &v)) {
    snprintf(reason, reason_size, "cannot parse the plural expression \"%s\"",
             rule->expression);
    return PL10N_ERR_CATALOG;
  }
  return PL10N_OK;
}

static UPluralRules *open_rules(const char *locale) {
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed;
  UErrorCode err = U_ZERO_ERROR;
  uloc_forLanguageTag(locale, id, sizeof id, &parsed, &err);
  if (U_FAILURE(err)) return NULL;
  UPluralRules *rules = uplrules_open(id, &err);
  if (U_FAILURE(err)) return NULL;
  return rules;
}

static const char *const cldr_order[] = {"zero", "one", "two", "few", "many", "other"};

/* Whether LOCALE's rules use CATEGORY. */
static int has_category(UPluralRules *rules, const char *category) {
  UErrorCode err = U_ZERO_ERROR;
  UEnumeration *keywords = uplrules_getKeywords(rules, &err);
  if (U_FAILURE(err)) return 0;
  int found = 0;
  const char *k;
  int32_t len;
  while (!found && (k = uenum_next(keywords, &len, &err)) != NULL && U_SUCCESS(err))
    found = strcmp(k, category) == 0;
  uenum_close(keywords);
  return found;
}

int plural_cldr_position(const char *locale, const char *category) {
  UPluralRules *rules = open_rules(locale);
  if (!rules) return -1;
  int pos = 0, result = -1;
  for (size_t i = 0; i < 6; i++) {
    if (!has_category(rules, cldr_order[i])) continue;
    if (strcmp(cldr_order[i], category) == 0) { result = pos; break; }
    pos++;
  }
  uplrules_close(rules);
  return result;
}

pl10n_status plural_from_cldr(const char *locale, plural_rule *rule) {
  memset(rule, 0, sizeof *rule);
  UPluralRules *rules = open_rules(locale);
  if (!rules) return PL10N_ERR_LOCALE;
  for (size_t i = 0; i < 6; i++)
    if (has_category(rules, cldr_order[i]))
      snprintf(rule->categories[rule->nplurals++], sizeof rule->categories[0], "%s",
               cldr_order[i]);
  rule->from_cldr = 1;
  rule->icu_rules = rules;
  snprintf(rule->locale, sizeof rule->locale, "%s", locale);
  return PL10N_OK;
}

static int category_of(UPluralRules *rules, double n, char *out, size_t size) {
  UChar keyword[32];
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = uplrules_select(rules, n, keyword, 32, &err);
  if (U_FAILURE(err) || (size_t)len >= size) return 0;
  u_UCharsToChars(keyword, out, len);
  out[len] = '\0';
  return 1;
}

pl10n_status plural_cldr_category(const char *locale, unsigned long n, char *out,
                                  size_t size) {
  UPluralRules *rules = open_rules(locale);
  if (!rules) return PL10N_ERR_LOCALE;
  int ok = category_of(rules, n, out, size);
  uplrules_close(rules);
  return ok ? PL10N_OK : PL10N_ERR_LOCALE;
}

int plural_index(plural_rule *rule, double n) {
  if (rule->from_cldr) {
    char category[32];
    if (!rule->icu_rules || !category_of(rule->icu_rules, n, category, sizeof category))
      return -1;
    for (int i = 0; i < rule->nplurals; i++)
      if (strcmp(rule->categories[i], category) == 0) return i;
    return -1;
  }
  unsigned long v;
  if (n < 0 || n > 4e18 ||
      !evaluate(rule->expression, (unsigned long)n, &v) ||
      v >= (unsigned long)rule->nplurals)
    return -1;
  return (int)v;
}

int plural_cldr_has_rules(const char *locale) {
  char id[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
  int32_t parsed;
  UErrorCode err = U_ZERO_ERROR;
  uloc_forLanguageTag(locale, id, sizeof id, &parsed, &err);
  uloc_getLanguage(id, lang, sizeof lang, &err);
  if (U_FAILURE(err) || !*lang) return 0;
  UResourceBundle *plurals = ures_openDirect(NULL, "plurals", &err);
  UResourceBundle *locales = ures_getByKey(plurals, "locales", NULL, &err);
  UResourceBundle *entry = ures_getByKey(locales, lang, NULL, &err);
  int found = U_SUCCESS(err);
  ures_close(entry);
  ures_close(locales);
  ures_close(plurals);
  return found;
}

void plural_free(plural_rule *rule) {
  if (rule->icu_rules) uplrules_close(rule->icu_rules);
  rule->icu_rules = NULL;
}
