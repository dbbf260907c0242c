/* catalog.h - the catalog's internals, shared with render.
 *
 * Entries are keyed by NFC(msgctxt) EOT NFC(msgid).  A translation is
 * checked by the safe merge (translation.c) the first time it is used; the
 * result (accepted with its operations, or rejected with one warning) is
 * kept in the entry, so each message is checked and reported once.
 */
#ifndef PL10N_CATALOG_H
#define PL10N_CATALOG_H

#include "pagel10n.h"
#include "plural.h"
#include "strmap.h"

#define CATALOG_NONE UINT32_MAX

enum entry_state { ENTRY_UNCHECKED, ENTRY_ACCEPTED, ENTRY_REJECTED };

typedef struct catalog_entry {
  uint32_t msgctxt, msgid, msgid_plural; /* offsets into strings */
  uint32_t msgstr;                       /* the forms, NUL-separated */
  uint32_t n_forms;
  uint32_t line;                         /* of "msgid" in the .po; 0 if unknown */
  uint32_t ops, ops_len;                 /* compiled translation (accepted) */
  uint8_t state;
} catalog_entry;

struct pl10n_catalog {
  char *path;
  char *language;
  pl10n_buf header;
  strmap index;
  pl10n_buf strings;
  pl10n_buf entries;   /* catalog_entry */
  pl10n_buf ops;       /* compiled translations */
  pl10n_buf key;       /* scratch for look-ups */
  size_t rejected;
  plural_rule plural;     /* from Plural-Forms, or CLDR's for the language */
  int has_plural;
  strmap by_translation;  /* msgctxt EOT canonical msgstr -> entry (lazy) */
  strmap by_plural;       /* msgctxt EOT msgid_plural -> entry */
  pl10n_buf collisions;   /* uint32_t pairs: entries sharing a translation */
  int by_translation_built;
  pl10n_diagnostic_fn diag;
  void *diag_user;
};

static inline const char *catalog_string(const pl10n_catalog *cat, uint32_t off) {
  return off == CATALOG_NONE ? NULL : cat->strings.data + off;
}

/* The entry for (MSGCTXT, MSGID), or NULL. */
catalog_entry *catalog_find(pl10n_catalog *cat, const char *msgctxt,
                            const char *msgid);

/* The same, also telling which plural FORM of the entry TEXT is. */
int catalog_find_form_by_translation(pl10n_catalog *cat, const char *msgctxt,
                                     const char *text, catalog_entry **entry,
                                     catalog_entry **other, uint32_t *form);

/* The plural entry whose msgid_plural is MSGID_PLURAL, or NULL: a page
   may show the plural form of its chrome ("12 comments"). */
catalog_entry *catalog_find_plural(pl10n_catalog *cat, const char *msgctxt,
                                   const char *msgid_plural);

/* Runs the safe merge check on E once; returns whether it is accepted. */
int catalog_accept(pl10n_catalog *cat, catalog_entry *e);

/* The compiled operations of accepted entry E for count N (plural
   entries), or of its one form.  Returns 0 when the plural rule gives no
   usable form for N. */
int catalog_ops(pl10n_catalog *cat, const catalog_entry *e, double n,
                const char **ops, uint32_t *len);

/* Finds the entry whose accepted translation TEXT is (TEXT as extracted
   from a page, under MSGCTXT).  Returns 0 when none, 1 with *ENTRY, or 2
   when two entries share that translation (*ENTRY and *OTHER). */
int catalog_find_by_translation(pl10n_catalog *cat, const char *msgctxt,
                                const char *text, catalog_entry **entry,
                                catalog_entry **other);

#endif
