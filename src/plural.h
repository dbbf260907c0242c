/* plural.h - choosing a plural form: a catalog's Plural-Forms expression
 * (gettext's C-like formula), or CLDR's plural rules through ICU when the
 * catalog has none.
 *
 * CLDR categories map to msgstr indices in CLDR's order (zero, one, two,
 * few, many, other), keeping only the categories the language has: Tagalog
 * has one and other, so "one" is msgstr[0] and "other" msgstr[1].
 */
#ifndef PL10N_PLURAL_H
#define PL10N_PLURAL_H

#include "pagel10n.h"

typedef struct plural_rule {
  int nplurals;
  int from_cldr;          /* 1: ICU's rules for LOCALE, no expression */
  char expression[256];   /* the plural= formula (from_cldr == 0) */
  char locale[64];
  char categories[6][8];  /* CLDR categories by msgstr index (from_cldr) */
  void *icu_rules;        /* UPluralRules* (from_cldr) */
} plural_rule;

/* Reads "nplurals=N; plural=EXPR;" from a PO header's Plural-Forms value.
   Returns PL10N_ERR_CATALOG with REASON when it is malformed. */
pl10n_status plural_parse(const char *plural_forms, plural_rule *rule,
                          char *reason, size_t reason_size);

/* A rule from CLDR for LOCALE (a BCP 47 tag) through ICU. */
pl10n_status plural_from_cldr(const char *locale, plural_rule *rule);

/* The msgstr index for count N; -1 when the expression cannot be
   evaluated (e.g. division by zero) or gives an index >= nplurals.  CLDR
   rules see N as it is (1.5 is not "one" in English); a gettext formula
   sees its whole part, as ngettext's unsigned long would. */
int plural_index(plural_rule *rule, double n);

/* The CLDR category ("one", "other", ...) of N in LOCALE, written to OUT. */
pl10n_status plural_cldr_category(const char *locale, unsigned long n, char *out,
                                  size_t size);

/* The index of CLDR category CATEGORY among LOCALE's categories in CLDR
   order, or -1. */
int plural_cldr_position(const char *locale, const char *category);

/* Whether CLDR (ICU's data) has plural rules for LOCALE's language; for
   other languages plural_from_cldr() gives the root rules (one form). */
int plural_cldr_has_rules(const char *locale);

void plural_free(plural_rule *rule);

#endif
