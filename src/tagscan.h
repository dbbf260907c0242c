/* tagscan.h - byte positions inside a raw start tag.
 *
 * Expat reports where a start tag is but not where its attributes are.  The
 * tag has already been checked for well-formedness by the parser, so a
 * small scanner over its raw bytes finds each attribute's name and value.
 */
#ifndef PL10N_TAGSCAN_H
#define PL10N_TAGSCAN_H

#include <stddef.h>

typedef struct tag_attribute {
  size_t name_begin, name_end;   /* offsets from the tag's '<' */
  size_t value_begin, value_end; /* the value between the quotes */
  char quote;                    /* '"' or '\'' */
} tag_attribute;

/* Finds the attribute written as QNAME (prefix:local as in the source) in
   the raw start tag TAG of LEN bytes.  Returns 1 and fills *ATTR, or 0. */
int tagscan_find(const char *tag, size_t len, const char *qname,
                 tag_attribute *attr);

/* The offset at which a new attribute (" name=\"v\"") is inserted: after
   the last non-space byte before '>' or '/>'. */
size_t tagscan_insert_point(const char *tag, size_t len);

/* True when the tag ends with "/>". */
int tagscan_is_empty_element(const char *tag, size_t len);

#endif
