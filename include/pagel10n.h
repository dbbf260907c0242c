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
 *                         (pl10n_render_pieces(): the same as slices for writev)
 *
 * Threads.  Objects are not locked: use a catalog, a pl10n_formats or a
 * pl10n_pieces from one thread at a time (render compiles a catalog's
 * translations when first used).  Parsing pages touches none of them and may
 * run on other threads meanwhile, as "pagel10n render" does.
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
#include <sys/uio.h>

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
  int has_count;            /* a plural message has its count value */
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

/* Appends the POT, written by libgettextpo, to OUT.  The caller writes the
   bytes where they go (and sees every failed write). */
pl10n_status pl10n_pot_write(const pl10n_pot *pot, const pl10n_pot_header *header,
                             pl10n_buf *out, pl10n_error *err);

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

/* PAGE rendered for a locale as pieces: slices of the page's own bytes and
   of the text render generated, in output order, for writev.  A pl10n_pieces
   is reused from page to page (its memory is kept). */
typedef struct pl10n_pieces pl10n_pieces;

pl10n_pieces *pl10n_pieces_new(void);
void pl10n_pieces_free(pl10n_pieces *pieces);

/* Renders PAGE for OPTIONS->locale into OUT (replacing what it held);
   otherwise as pl10n_render. */
pl10n_status pl10n_render_pieces(const pl10n_page *page,
                                 const pl10n_render_options *options,
                                 pl10n_pieces *out, pl10n_render_stats *stats,
                                 pl10n_error *err);

/* The pieces of OUT as an array *IOV of *COUNT iovecs pointing into PAGE
   and OUT: valid while both live and until OUT is rendered into again. */
pl10n_status pl10n_pieces_iov(pl10n_pieces *out, const pl10n_page *page,
                              const struct iovec **iov, size_t *count);

/* The number of bytes the pieces hold. */
size_t pl10n_pieces_size(const pl10n_pieces *out);

/* Appends PAGE rendered for OPTIONS->locale to OUT.  Bytes outside chrome
   are copied from the input unchanged.  Rejected translations are reported
   once per catalog entry through the catalog's diagnostic function.  STATS
   may be NULL. */
pl10n_status pl10n_render(const pl10n_page *page,
                          const pl10n_render_options *options, pl10n_buf *out,
                          pl10n_render_stats *stats, pl10n_error *err);

/* ---- Checking ---------------------------------------------------------- */

/* Coverage and translation QA, the engine of "pagel10n check": which
   messages of a POT (or of templates) each catalog translates, what in the
   catalogs render would reject or get wrong, and, for pages, chrome that
   would fall back to the source language, chrome written in more than one
   language, and text that looks like chrome but is not marked as such.

   Use: pl10n_check_new(); the expected messages with pl10n_check_read_pot()
   or pl10n_check_add_template() (all of them first); every catalog with
   pl10n_check_add_po(); pages with pl10n_check_add_page(); then read the
   results.  Strings returned by the accessors are owned by the check and
   stay valid until the next pl10n_check_add_*() call or pl10n_check_free(). */
typedef struct pl10n_check pl10n_check;

typedef enum pl10n_check_level {
  PL10N_CHECK_INFO,
  PL10N_CHECK_WARNING,
  PL10N_CHECK_ERROR
} pl10n_check_level;

/* "info", "warning" or "error". */
const char *pl10n_check_level_name(pl10n_check_level level);

typedef struct pl10n_check_options {
  const char *source_language; /* language of the msgids; NULL = "en" */
  /* Only catalogs serving one of these locales (pl10n_locale_match) are
     checked; N_LOCALES == 0 checks every catalog. */
  const char *const *locales;
  size_t n_locales;
  double min_coverage;         /* percent every locale must reach; 0 = none */
} pl10n_check_options;

/* A new, empty check (OPTIONS may be NULL), or NULL when out of memory. */
pl10n_check *pl10n_check_new(const pl10n_check_options *options);
void pl10n_check_free(pl10n_check *check);

/* The expected messages: the entries of the POT at PATH (read with
   libgettextpo; its "#:" lines are the references), or every message of a
   parsed TEMPLATE (de-duplicated by msgctxt and msgid as in a POT; the
   references are the template's name and the message's line).  Both fail
   with PL10N_ERR_USAGE once a catalog has been added. */
pl10n_status pl10n_check_read_pot(pl10n_check *check, const char *path,
                                  pl10n_error *err);
pl10n_status pl10n_check_add_template(pl10n_check *check,
                                      const pl10n_page *template_page,
                                      pl10n_error *err);

/* Checks the .po file at PATH: coverage against the expected messages and
   QA findings.  A catalog whose language serves none of the options'
   locales is skipped (PL10N_OK).  A file that cannot be read or has syntax
   errors is still reported, as unreadable with its errors as findings, and
   the status (PL10N_ERR_CATALOG or PL10N_ERR_IO) is returned with ERR. */
pl10n_status pl10n_check_add_po(pl10n_check *check, const char *path,
                                pl10n_error *err);

/* Checks a page against the readable catalogs added so far.  The text
   outside the chrome is compared only when PAGE was parsed with
   keep_content. */
pl10n_status pl10n_check_add_page(pl10n_check *check, const pl10n_page *page,
                                  pl10n_error *err);

/* Records a page that could not be read or parsed (ERR as the parser
   filled it), so that reports list it; NAME is the page's file name. */
pl10n_status pl10n_check_add_page_failure(pl10n_check *check, const char *name,
                                          const pl10n_error *failure);

/* -- results -- */

/* One expected message. */
typedef struct pl10n_check_message_info {
  const char *msgctxt;      /* NULL when none */
  const char *msgid;
  const char *msgid_plural; /* NULL when none */
  size_t n_refs;            /* template references, pl10n_check_message_ref */
} pl10n_check_message_info;

typedef struct pl10n_check_ref {
  const char *file;
  unsigned long line;       /* 0 when the reference has none */
} pl10n_check_ref;

size_t pl10n_check_message_count(const pl10n_check *check);
void pl10n_check_message(const pl10n_check *check, size_t i,
                         pl10n_check_message_info *out);
void pl10n_check_message_ref(const pl10n_check *check, size_t i, size_t k,
                             pl10n_check_ref *out);

/* A QA finding.  CODE is a stable identifier ("markup", "plural-count",
   "plural-forms-cldr", "fallback", "mixed-languages", ...; see the README
   for the list). */
typedef struct pl10n_check_finding {
  pl10n_check_level level;
  const char *code;
  const char *file;         /* the .po file or the page */
  unsigned long line;       /* .po: the line of the entry's msgid; 0 = none */
  unsigned long column;     /* 0 when unknown */
  const char *locale;       /* page findings about one locale, else NULL */
  const char *msgctxt;      /* the message concerned, or NULL */
  const char *msgid;        /* NULL when the finding is about no message */
  const char *message;      /* one line of English */
} pl10n_check_finding;

/* One catalog: its coverage of the expected messages.  TRANSLATED + FUZZY +
   UNTRANSLATED == MESSAGES; OBSOLETE counts the "#~" entries and the
   entries that are not expected messages. */
typedef struct pl10n_check_locale_info {
  const char *language;     /* BCP 47 tag, or NULL when unknown */
  const char *path;
  int readable;             /* 0: syntax errors or unreadable; no counts */
  size_t messages, translated, fuzzy, untranslated, obsolete;
  double coverage;          /* TRANSLATED * 100 / MESSAGES; 100 for none */
  int below_threshold;      /* COVERAGE < the options' min_coverage */
  const char *plural_forms; /* the header's Plural-Forms, or NULL */
  size_t n_missing;         /* pl10n_check_locale_missing */
  size_t n_findings;        /* pl10n_check_locale_finding */
} pl10n_check_locale_info;

typedef enum pl10n_check_state {
  PL10N_CHECK_UNTRANSLATED, /* in the .po with an empty msgstr */
  PL10N_CHECK_FUZZY,        /* in the .po, marked fuzzy */
  PL10N_CHECK_ABSENT        /* not in the .po at all (msgmerge it) */
} pl10n_check_state;

/* An expected message that a catalog does not translate. */
typedef struct pl10n_check_missing {
  size_t message;           /* index for pl10n_check_message() */
  pl10n_check_state state;
  unsigned long po_line;    /* line of its msgid in the .po; 0 if absent */
} pl10n_check_missing;

size_t pl10n_check_locale_count(const pl10n_check *check);
void pl10n_check_locale(const pl10n_check *check, size_t i,
                        pl10n_check_locale_info *out);
void pl10n_check_locale_missing(const pl10n_check *check, size_t i, size_t k,
                                pl10n_check_missing *out);
void pl10n_check_locale_finding(const pl10n_check *check, size_t i, size_t k,
                                pl10n_check_finding *out);

/* A checked page. */
typedef struct pl10n_check_page_info {
  const char *name;
  const char *language;        /* the root's lang, or NULL */
  int readable;
  /* The language every chrome string can be read as (the source language
     when that is one of them), or NULL when there is none: mixed, or no
     chrome string was recognized. */
  const char *chrome_language;
  int mixed;                   /* chrome in more than one language */
  size_t n_chrome;             /* pl10n_check_page_chrome */
  size_t n_findings;           /* pl10n_check_page_finding */
} pl10n_check_page_info;

/* One chrome string of a page and the languages it is written in. */
typedef struct pl10n_check_chrome {
  const char *msgctxt;
  const char *text;            /* the message as extracted from the page */
  unsigned long line, column;
  /* Space-separated languages TEXT is in: the source language when it is
     an expected message or a catalog's msgid, and each catalog language it
     is a translation in ("en", "tl", "en tl"); "" when none. */
  const char *languages;
  const char *msgid;           /* the msgid it stands for, or NULL */
} pl10n_check_chrome;

size_t pl10n_check_page_count(const pl10n_check *check);
void pl10n_check_page(const pl10n_check *check, size_t i,
                      pl10n_check_page_info *out);
void pl10n_check_page_chrome(const pl10n_check *check, size_t i, size_t k,
                             pl10n_check_chrome *out);
void pl10n_check_page_finding(const pl10n_check *check, size_t i, size_t k,
                              pl10n_check_finding *out);

typedef struct pl10n_check_summary {
  size_t locales, pages;
  size_t errors, warnings, infos;  /* findings by level */
  size_t below_threshold;          /* locales under min_coverage */
  size_t unreadable;               /* catalogs and pages that failed */
  double min_coverage;
  /* 0 all within thresholds; 1 a locale below min_coverage or an error
     finding; 2 unreadable input. */
  int status;
} pl10n_check_summary;

void pl10n_check_summarize(const pl10n_check *check, pl10n_check_summary *out);

#ifdef __cplusplus
}
#endif

#endif /* PAGEL10N_H */
