/* pagel10n.h - the whole public API of libpagel10n.
 *
 * pagel10n localizes the chrome of XHTML pages (site UI: notices, headers,
 * buttons, image labels) through gettext catalogs while every byte of the
 * content passes through untouched.  The flow is:
 *
 *   pl10n_page_parse()    page or template bytes -> messages and byte ranges
 *   pl10n_pot_*()         messages of many templates -> one POT file
 *   pl10n_catalog_load()  a translator's .po or msgfmt's .mo -> catalog
 *   pl10n_render()        page + catalog -> page bytes for one locale
 *
 * Conventions.  Every public name starts with pl10n_.  The library never
 * prints and never exits: results travel back as a pl10n_status, with the
 * details (file, line, column, message) in a caller-provided pl10n_error, and
 * warnings go to an optional pl10n_diagnostic_fn.  Objects are opaque and
 * freed by their own _free function, which accepts NULL.
 */
#ifndef PAGEL10N_H
#define PAGEL10N_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PL10N_VERSION "0.1.0"

/* XML namespace of pagel10n's own marking attributes (pl:context, ...). */
#define PL10N_NAMESPACE "http://pagel10n.org/ns/1"

/* ---- Status and errors ------------------------------------------------ */

typedef enum pl10n_status {
  PL10N_OK = 0,
  PL10N_ERR_NOMEM,     /* out of memory */
  PL10N_ERR_IO,        /* a file could not be read or written */
  PL10N_ERR_XML,       /* a page, template or translation is not well-formed */
  PL10N_ERR_ENCODING,  /* an encoding pagel10n cannot write back (UTF-16) */
  PL10N_ERR_CATALOG,   /* a .po or .mo file is malformed */
  PL10N_ERR_LOCALE,    /* a locale has no catalog or is not a valid tag */
  PL10N_ERR_LIMIT,     /* an input exceeds a size or depth limit */
  PL10N_ERR_AMBIGUOUS, /* chrome matches several catalogs or messages */
  PL10N_ERR_USAGE      /* the caller passed invalid arguments */
} pl10n_status;

/* A static English description of STATUS ("out of memory", ...). */
const char *pl10n_strerror(pl10n_status status);

/* Where and why an operation failed.  FILE points to a name the caller
   passed in (or is NULL); LINE and COLUMN are 1-based, 0 when unknown. */
typedef struct pl10n_error {
  pl10n_status status;
  const char *file;
  unsigned long line;
  unsigned long column;
  char message[512];
} pl10n_error;

typedef enum pl10n_severity { PL10N_WARNING, PL10N_ERROR } pl10n_severity;

/* A non-fatal finding (a rejected translation, unknown chrome, ...). */
typedef struct pl10n_diagnostic {
  pl10n_severity severity;
  const char *file;      /* the file the finding is about */
  unsigned long line;    /* 1-based, 0 when unknown */
  unsigned long column;  /* 1-based, 0 when unknown */
  const char *message;   /* e.g. "translation rejected: element <script> ..." */
} pl10n_diagnostic;

/* Receives diagnostics; the pointed-to strings live only during the call. */
typedef void (*pl10n_diagnostic_fn)(void *user, const pl10n_diagnostic *d);

/* ---- The growable byte buffer ----------------------------------------- */

/* The one buffer type of the library and the CLI.  Invariants: DATA is
   NULL or a malloc'd block of CAP bytes; LEN <= CAP; when DATA is not NULL
   it is NUL-terminated at DATA[LEN] (so CAP > LEN).  LIMIT, when non-zero,
   caps LEN: growing past it fails with PL10N_ERR_LIMIT and leaves the
   buffer unchanged.  Initialize with PL10N_BUF_INIT. */
typedef struct pl10n_buf {
  char *data;
  size_t len;
  size_t cap;
  size_t limit;
} pl10n_buf;

#define PL10N_BUF_INIT {NULL, 0, 0, 0}

/* Frees the buffer's memory and resets it to empty (LIMIT is kept). */
void pl10n_buf_release(pl10n_buf *buf);

/* ---- Pages and templates ---------------------------------------------- */

typedef struct pl10n_page pl10n_page;

/* Limits that guard against hostile input; 0 means the built-in default. */
typedef struct pl10n_parse_options {
  size_t max_bytes;   /* default 256 MiB */
  unsigned max_depth; /* default 10000 nested elements */
  int keep_content;   /* also keep the text outside chrome (for check) */
} pl10n_parse_options;

/* Parses LEN bytes of an XHTML page or template named NAME (used in
   messages and references).  DATA is borrowed: it must stay unchanged and
   alive until pl10n_page_free().  OPTIONS may be NULL.  On failure returns
   the status, fills ERR (file, line, column, message) and sets *PAGE to
   NULL.  External entities and DTDs are never loaded; HTML named character
   references (&nbsp; &copy; ...) are understood without a DTD. */
pl10n_status pl10n_page_parse(const char *name, const char *data, size_t len,
                              const pl10n_parse_options *options,
                              pl10n_page **page, pl10n_error *err);

void pl10n_page_free(pl10n_page *page);

/* The language the page declares on its root (lang or xml:lang), or NULL. */
const char *pl10n_page_language(const pl10n_page *page);

typedef enum pl10n_message_kind {
  PL10N_MESSAGE_TEXT,      /* the text content of an element */
  PL10N_MESSAGE_ATTRIBUTE  /* the value of a translatable attribute */
} pl10n_message_kind;

/* One chrome string of a page, as it goes into a POT.  Strings are owned
   by the page. */
typedef struct pl10n_message {
  pl10n_message_kind kind;
  const char *msgctxt;      /* NULL when none */
  const char *msgid;        /* NFC, whitespace-normalized, inline markup kept */
  const char *msgid_plural; /* from pl:plural, or NULL */
  const char *comments;     /* translator notes, '\n'-separated, or NULL */
  unsigned long line;       /* of the element's start tag */
  unsigned long column;
  int preserve_space;       /* msgid kept verbatim (xml:space, pre) */
} pl10n_message;

/* The number of chrome messages of PAGE, in extraction order. */
size_t pl10n_page_message_count(const pl10n_page *page);

/* Fills *MSG with message I (0-based) of PAGE. */
void pl10n_page_message(const pl10n_page *page, size_t i, pl10n_message *msg);

/* Text outside the chrome (content, or unmarked), kept when the page was
   parsed with keep_content: one entry per run of text between tags,
   whitespace-folded, NFC, in document order. */
size_t pl10n_page_content_count(const pl10n_page *page);
const char *pl10n_page_content(const pl10n_page *page, size_t i,
                               unsigned long *line, unsigned long *column);

/* ---- POT templates ---------------------------------------------------- */

typedef struct pl10n_pot pl10n_pot;

/* Header fields of a POT; NULL fields take xgettext's placeholders. */
typedef struct pl10n_pot_header {
  const char *package_name;
  const char *package_version;
  const char *msgid_bugs_address;
  const char *copyright_holder;
  const char *creation_date; /* "YYYY-MM-DD HH:MM+ZZZZ"; NULL = now */
} pl10n_pot_header;

pl10n_pot *pl10n_pot_new(void);
void pl10n_pot_free(pl10n_pot *pot);

/* Adds every message of PAGE: one entry per distinct (msgctxt, msgid) in
   first-seen order, each occurrence as a reference, notes merged. */
pl10n_status pl10n_pot_add_page(pl10n_pot *pot, const pl10n_page *page,
                                pl10n_error *err);

/* Writes the POT to PATH ("-" or NULL: standard output) through
   libgettextpo.  Writing to PATH is not atomic; callers that need it write
   to a temporary name and rename. */
pl10n_status pl10n_pot_write(const pl10n_pot *pot, const char *path,
                             const pl10n_pot_header *header, pl10n_error *err);

/* ---- Locales ---------------------------------------------------------- */

/* Writes the BCP 47 tag of LOCALE ("tl_PH.UTF-8" -> "tl-PH") into OUT.
   Returns PL10N_ERR_LOCALE for something that is not a locale. */
pl10n_status pl10n_locale_tag(const char *locale, char *out, size_t size);

/* Whether a catalog for language tag HAVE serves the request WANT: same
   language after CLDR aliases (tl = fil), and same region or one of them
   without a region.  Returns 0 for no match, 2 for an exact region match,
   1 otherwise. */
int pl10n_locale_match(const char *want, const char *have);

/* ---- Catalogs --------------------------------------------------------- */

typedef struct pl10n_catalog pl10n_catalog;

/* Loads a translator's catalog: a .po file through libgettextpo, or a .mo
   file compiled by msgfmt (every offset is checked: a .mo is untrusted).
   Fuzzy, obsolete and untranslated entries are not used.  LANGUAGE (may be
   NULL) overrides the header's Language field.  FN receives syntax errors
   and, later, rejected translations. */
pl10n_status pl10n_catalog_load(const char *path, const char *language,
                                pl10n_diagnostic_fn fn, void *user,
                                pl10n_catalog **catalog, pl10n_error *err);

void pl10n_catalog_free(pl10n_catalog *catalog);

/* The BCP 47 language of the catalog (from LANGUAGE, the header's Language
   field or the file name), or NULL when unknown. */
const char *pl10n_catalog_language(const pl10n_catalog *catalog);

/* The path the catalog was loaded from. */
const char *pl10n_catalog_path(const pl10n_catalog *catalog);

/* The number of translations the catalog holds. */
size_t pl10n_catalog_size(const pl10n_catalog *catalog);

/* The translation of (MSGCTXT, MSGID) as plain text after the safe-merge
   checks (markup as in the msgstr), or NULL when there is none or it was
   rejected.  The string lives as long as the catalog. */
const char *pl10n_catalog_lookup(pl10n_catalog *catalog, const char *msgctxt,
                                 const char *msgid);

/* ---- Values ------------------------------------------------------------ */

/* ICU formatters for the values in chrome (pl:value): numbers, dates and
   relative times, created once per locale and kept here.  TIME_ZONE (an
   Olson name; NULL = "UTC") is used for dates; NOW (milliseconds since the
   epoch, or NAN) is what relative times count from: a build time, never the
   wall clock. */
typedef struct pl10n_formats pl10n_formats;

pl10n_formats *pl10n_formats_new(const char *time_zone, double now);
void pl10n_formats_free(pl10n_formats *formats);

/* Whether ZONE is a time zone ICU knows. */
int pl10n_formats_valid_zone(const char *zone);

/* Reads an ISO 8601 date or date-time ("2026-11-24T08:00:00Z"; UTC when it
   has no offset) into milliseconds since the epoch.  Returns 0 if invalid. */
int pl10n_parse_time(const char *text, double *ms);

/* ---- Rendering -------------------------------------------------------- */

typedef struct pl10n_render_options {
  const char *locale;          /* BCP 47 tag written to the root's lang */
  pl10n_catalog *catalog;      /* NULL: the page's source language */
  const char *source_language; /* language of the msgids; NULL = "en" */
  /* Other catalogs, for pages whose chrome is already in another language
     (re-localizing); may be NULL. */
  pl10n_catalog *const *others;
  size_t n_others;
  /* Formatters for values; NULL = UTC and no "now" (made per call). */
  pl10n_formats *formats;
  /* Receives warnings about chrome found in no catalog; may be NULL. */
  pl10n_diagnostic_fn diagnostic;
  void *diagnostic_user;
} pl10n_render_options;

typedef struct pl10n_render_stats {
  size_t translated;  /* chrome messages written in the target language */
  size_t fallback;    /* chrome kept in the source language */
  size_t rejected;    /* translations refused by the safe-merge checks */
  size_t unknown;     /* chrome found in no catalog (re-localizing) */
  const char *page_language; /* language the page's chrome was found in */
} pl10n_render_stats;

/* Appends PAGE rendered for OPTIONS->locale to OUT.  Bytes outside chrome
   are copied from the input unchanged.  Rejected translations are reported
   once per catalog entry through the catalog's diagnostic function.  STATS
   may be NULL. */
pl10n_status pl10n_render(const pl10n_page *page,
                          const pl10n_render_options *options, pl10n_buf *out,
                          pl10n_render_stats *stats, pl10n_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PAGEL10N_H */
