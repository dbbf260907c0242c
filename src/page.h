/* page.h - the parsed page, as extraction and rendering see it.
 *
 * Parsing (page.c) leaves the raw bytes untouched and records three things:
 *  - messages: the chrome strings, in extraction order (itstool's order:
 *    attribute messages when their element starts, text messages when their
 *    element ends);
 *  - parts: for each text message, the inline elements kept in its msgid
 *    and the child elements written as <_:name-N/> placeholders, with the
 *    raw byte ranges of their tags;
 *  - splices: every place render may change, sorted by byte offset; a
 *    splice's nested splices follow it directly (up to index AFTER).
 * Render copies the raw bytes between splices.
 */
#ifndef PL10N_PAGE_H
#define PL10N_PAGE_H

#include "pagel10n.h"

#define NO_STRING UINT32_MAX

#define PLURAL_NEEDS_COUNT \
  "pl:plural needs a count: a pl:value element with a number (or the one " \
  "pl:count names)"

/* An element inside a message: inline markup, a placeholder child, or a
   value (pl:value) written {NAME} in the msgid. */
typedef struct page_part {
  uint32_t tag_begin, tag_end;     /* raw start tag */
  uint32_t close_begin, close_end; /* raw end tag; both tag_end for <x/> */
  uint32_t first_splice;           /* first splice inside the element */
  uint32_t name;                   /* values: the NAME, else NO_STRING */
  uint32_t value;                  /* values: the raw value (decoded) */
  uint32_t format;                 /* values: a value_format */
} page_part;

typedef enum splice_kind {
  SPLICE_NONE,          /* nothing to change: copy, applying nested splices */
  SPLICE_TEXT,          /* element content of message REF */
  SPLICE_ATTRIBUTE,     /* attribute value of message REF */
  SPLICE_ROOT_LANG,     /* the root's lang value (or insertion point) */
  SPLICE_ROOT_XML_LANG, /* the root's xml:lang value */
  SPLICE_REGION_LANG,   /* insertion point: content region REF's language */
  SPLICE_FALLBACK_LANG, /* insertion point: message REF kept in the source */
  SPLICE_MESSAGE_LANG,  /* ' lang="..."' of message REF's element */
  SPLICE_MESSAGE_XML_LANG /* ' xml:lang="..."' of message REF's element */
} splice_kind;

typedef struct page_splice {
  uint32_t begin, end; /* raw bytes replaced; begin == end inserts */
  uint32_t after;      /* index of the first splice not nested in this one */
  uint32_t ref;
  uint8_t kind;
  char quote;          /* quote character of an attribute value */
} page_splice;

typedef struct page_message {
  uint32_t msgid, msgid_len;      /* offsets into the page's strings */
  uint32_t msgctxt, comments;     /* offsets, or NO_STRING */
  uint32_t line, column;
  uint32_t splice;                /* the splice this message replaces */
  uint32_t first_part;            /* inline, placeholder, then value parts */
  uint32_t n_inline, n_placeholders, n_values;
  uint32_t msgid_plural;          /* offset, or NO_STRING */
  uint32_t count;                 /* the value that is the count, or NO_STRING */
  uint32_t inherited_lang;        /* language from a non-root ancestor, or NO_STRING */
  uint32_t region;                /* content region it lies in, or NO_STRING */
  uint8_t kind;                   /* pl10n_message_kind */
  uint8_t preserve_space;
} page_message;

/* A content region: an element marked not to translate whose parent is
   translated (an article inside the chrome). */
typedef struct page_region {
  uint32_t lang;     /* the language it declares itself, or NO_STRING */
  uint8_t has_text;  /* it holds non-whitespace text */
} page_region;

/* A run of text outside the chrome (kept for check). */
typedef struct page_content {
  uint32_t text;            /* offset into strings */
  uint32_t line, column;
} page_content;

struct pl10n_page {
  char *name;
  const char *data;
  size_t len;
  pl10n_buf strings;   /* NUL-terminated strings, addressed by offset */
  pl10n_buf messages;  /* page_message */
  pl10n_buf parts;     /* page_part */
  pl10n_buf splices;   /* page_splice */
  pl10n_buf regions;   /* page_region */
  pl10n_buf content;   /* page_content (keep_content only) */
  uint32_t root_lang;  /* the root's lang or xml:lang value, or NO_STRING */
  int is_xhtml;        /* the root is in the XHTML namespace */
  int has_xml_lang;    /* the root carries xml:lang */
  int ascii_output;    /* declared encoding is not UTF-8: write char refs */
};

static inline const char *page_string(const pl10n_page *page, uint32_t off) {
  return off == NO_STRING ? NULL : page->strings.data + off;
}

#define PAGE_MESSAGES(p) ((const page_message *)(const void *)(p)->messages.data)
#define PAGE_PARTS(p) ((const page_part *)(const void *)(p)->parts.data)
#define PAGE_SPLICES(p) ((const page_splice *)(const void *)(p)->splices.data)
#define PAGE_REGIONS(p) ((const page_region *)(const void *)(p)->regions.data)
#define PAGE_MESSAGE_COUNT(p) ((p)->messages.len / sizeof(page_message))
#define PAGE_SPLICE_COUNT(p) ((p)->splices.len / sizeof(page_splice))

#endif
