/* its.h - the marking vocabulary: what the attributes of one element say.
 *
 * W3C ITS 2.0 local markup (its:translate, its:withinText, its:locNote,
 * its:locNoteRef, its:locNoteType, the its:span element), xml:space and
 * xml:lang, the HTML translate and lang attributes, the HTML defaults
 * (inline elements are within text, script and style are not translated,
 * the standard's translatable attributes) and pagel10n's own extension
 * attributes in PL10N_NAMESPACE (pl:context).  Names arrive as Expat
 * namespace triplets: "URI\1local\1prefix", "URI\1local" or "local".
 */
#ifndef PL10N_ITS_H
#define PL10N_ITS_H

#include <stddef.h>

#define ITS_NS "http://www.w3.org/2005/11/its"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

enum its_tristate { ITS_UNSET = -1, ITS_NO = 0, ITS_YES = 1, ITS_NESTED = 2 };

/* A name split out of an Expat triplet; pointers into the triplet. */
typedef struct its_name {
  const char *ns;      size_t ns_len;      /* "" when none */
  const char *local;   size_t local_len;
  const char *prefix;  size_t prefix_len;  /* "" when none */
} its_name;

void its_split_name(const char *triplet, its_name *name);
int its_name_is(const its_name *name, const char *ns, const char *local);

/* What an element's own attributes say; strings point into ATTS. */
typedef struct its_local {
  int translate;         /* ITS_UNSET, ITS_NO, ITS_YES */
  int within_text;       /* ITS_UNSET, ITS_NO, ITS_YES, ITS_NESTED */
  int preserve_space;    /* ITS_UNSET, ITS_NO (default), ITS_YES (preserve) */
  const char *loc_note;
  const char *loc_note_ref;
  const char *context;   /* pl:context */
  const char *value;     /* pl:value: the element is the value {NAME} */
  const char *format;    /* pl:format: how the value is written */
  const char *plural;    /* pl:plural: the plural source text */
  const char *count;     /* pl:count: the value that is the count */
  const char *singular;  /* pl:singular: the singular source text */
  const char *lang;      /* HTML lang (XHTML elements) */
  const char *xml_lang;  /* xml:lang */
  int is_xhtml;
  int is_its_span;
} its_local;

/* Reads the ITS, HTML and pl: marking among the attributes ATTS (Expat's
   NULL-terminated name/value array) of ELEMENT. */
void its_read_local(const its_name *element, const char **atts, its_local *out);

/* How a value is written (pl:format). */
typedef enum value_format {
  VALUE_TEXT,          /* the page's own content, copied */
  VALUE_NUMBER,        /* locale digits and grouping */
  VALUE_DATE_FULL, VALUE_DATE_LONG, VALUE_DATE_MEDIUM, VALUE_DATE_SHORT,
  VALUE_TIME_SHORT,
  VALUE_DATETIME_LONG, VALUE_DATETIME_MEDIUM, VALUE_DATETIME_SHORT,
  VALUE_RELATIVE       /* "2 hours ago", against --now */
} value_format;

/* The format named NAME, or -1.  A NULL name gives the default for the
   element: date-long for XHTML time, number for data, text otherwise. */
int its_value_format(const char *name, const its_name *element);

/* Whether the element is within text when nothing local says so: the HTML
   inline (phrasing) elements in the XHTML namespace. */
int its_default_within_text(const its_name *element);

/* Whether the element's content is never translated by default: XHTML
   script and style. */
int its_default_not_translated(const its_name *element);

/* Whether attribute ATTR of ELEMENT is translatable by default (the HTML
   standard's list plus aria-label and aria-description).  ATTS is the
   element's attribute array, for meta name= and input type= checks. */
int its_translatable_attribute(const its_name *element, const its_name *attr,
                               const char **atts);

/* Whether an attribute named NAME of an inline element is translated as a
   message of its own (title, aria-label, aria-description). */
int its_inline_attribute_is_message(const char *name);

/* The value of the attribute named LOCAL (no namespace) in ATTS, or NULL. */
const char *its_attribute(const char **atts, const char *local);

/* True for pre in XHTML: its text keeps its whitespace. */
int its_default_preserve_space(const its_name *element);

#endif
