/* tagscan.c - attribute positions in a well-formed raw start tag. */
#include "tagscan.h"

#include <string.h>

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int ends_name(char c) {
  return is_space(c) || c == '=' || c == '/' || c == '>';
}

int tagscan_find(const char *tag, size_t len, const char *qname,
                 tag_attribute *attr) {
  size_t qlen = strlen(qname);
  size_t i = 1;
  while (i < len && !ends_name(tag[i])) i++; /* the element name */
  for (;;) {
    while (i < len && is_space(tag[i])) i++;
    if (i >= len || tag[i] == '/' || tag[i] == '>') return 0;
    size_t name_begin = i;
    while (i < len && !ends_name(tag[i])) i++;
    size_t name_end = i;
    while (i < len && tag[i] != '"' && tag[i] != '\'') i++;
    if (i >= len) return 0;
    char quote = tag[i++];
    size_t value_begin = i;
    const char *close = memchr(tag + i, quote, len - i);
    if (!close) return 0;
    i = (size_t)(close - tag);
    if (name_end - name_begin == qlen &&
        memcmp(tag + name_begin, qname, qlen) == 0) {
      attr->name_begin = name_begin;
      attr->name_end = name_end;
      attr->value_begin = value_begin;
      attr->value_end = i;
      attr->quote = quote;
      return 1;
    }
    i++;
  }
}

size_t tagscan_insert_point(const char *tag, size_t len) {
  size_t i = len;
  if (i > 0 && tag[i - 1] == '>') i--;
  if (i > 0 && tag[i - 1] == '/') i--;
  while (i > 1 && is_space(tag[i - 1])) i--;
  return i;
}

int tagscan_is_empty_element(const char *tag, size_t len) {
  return len >= 2 && tag[len - 2] == '/' && tag[len - 1] == '>';
}
