/* check.h - the internals of a check (coverage and translation QA), shared
 * with the unit tests.
 *
 * Every string of the results lives in one pool (STRINGS) and is addressed
 * by offset; lists of records are pl10n_bufs of the structs below.  The
 * expected messages (from a POT or from templates) are keyed like the
 * catalog's entries: NFC(msgctxt) EOT NFC(msgid).
 */
#ifndef PL10N_CHECK_H
#define PL10N_CHECK_H

#include "pagel10n.h"
#include "strmap.h"

#define CHECK_NONE UINT32_MAX

typedef struct check_ref {
  uint32_t file, line;
} check_ref;

/* An expected message: an entry of the POT. */
typedef struct check_message {
  uint32_t msgctxt, msgid, msgid_plural;  /* offsets, or CHECK_NONE */
  pl10n_buf refs;                         /* check_ref */
} check_message;

typedef struct check_finding {
  const char *code;                       /* a static identifier */
  uint32_t file, locale, msgctxt, msgid;  /* offsets, or CHECK_NONE */
  uint32_t message;
  uint32_t line, column;
  uint32_t order;                         /* keeps sorting stable */
  uint8_t level;                          /* pl10n_check_level */
} check_finding;

typedef struct check_missing {
  uint32_t message;
  uint32_t line;
  uint8_t state;                          /* pl10n_check_state */
} check_missing;

/* One catalog. */
typedef struct check_locale {
  uint32_t language, path, plural_forms;  /* offsets, or CHECK_NONE */
  int readable;
  size_t translated, fuzzy, untranslated, obsolete;
  pl10n_buf missing;                      /* check_missing */
  pl10n_buf findings;                     /* check_finding */
  pl10n_catalog *catalog;                 /* for the page checks, or NULL */
} check_locale;

/* One chrome string of a page. */
typedef struct check_chrome {
  uint32_t msgctxt, text, languages, msgid;
  uint32_t line, column;
} check_chrome;

typedef struct check_page {
  uint32_t name, language, chrome_language;
  int readable, mixed;
  pl10n_buf chrome;                       /* check_chrome */
  pl10n_buf findings;                     /* check_finding */
} check_page;

struct pl10n_check {
  char *source_language;
  char **locales;
  size_t n_locales;
  double min_coverage;
  pl10n_buf strings;
  pl10n_buf messages;   /* check_message */
  strmap index;         /* key -> message */
  strmap by_msgid;      /* NFC(msgid), any msgctxt -> message */
  pl10n_buf catalogs;   /* check_locale */
  pl10n_buf pages;      /* check_page */
  pl10n_buf key;        /* scratch */
  pl10n_buf scratch;
  uint32_t next_order;
  int sealed;           /* a catalog was added: the messages are final */
  pl10n_status failed;  /* the first allocation failure, sticky */
};

#endif
