/* its.c - reading ITS 2.0 local markup, HTML defaults and pagel10n's
   extension attributes off one element. */
#include "its.h"

#include "pagel10n.h"

#include <string.h>
#include <strings.h>

void its_split_name(const char *triplet, its_name *name) {
  const char *a = strchr(triplet, '\1');
  if (!a) {
    name->ns = ""; name->ns_len = 0;
    name->local = triplet; name->local_len = strlen(triplet);
    name->prefix = ""; name->prefix_len = 0;
    return;
  }
  name->ns = triplet;
  name->ns_len = (size_t)(a - triplet);
  name->local = a + 1;
  const char *b = strchr(a + 1, '\1');
  if (b) {
    name->local_len = (size_t)(b - (a + 1));
    name->prefix = b + 1;
    name->prefix_len = strlen(b + 1);
  } else {
    name->local_len = strlen(a + 1);
    name->prefix = "";
    name->prefix_len = 0;
  }
}

static int span_eq(const char *s, size_t len, const char *lit) {
  return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

int its_name_is(const its_name *name, const char *ns, const char *local) {
  return span_eq(name->ns, name->ns_len, ns) &&
         span_eq(name->local, name->local_len, local);
}

static int yes_no(const char *value) {
  if (strcasecmp(value, "yes") == 0) return ITS_YES;
  if (strcasecmp(value, "no") == 0) return ITS_NO;
  return ITS_UNSET;
}

static int within_text_value(const char *value) {
  if (strcmp(value, "yes") == 0) return ITS_YES;
  if (strcmp(value, "nested") == 0) return ITS_NESTED;
  if (strcmp(value, "no") == 0) return ITS_NO;
  return ITS_UNSET;
}

/* An ITS attribute (its:NAME, or NAME on its:span); 0 if not one. */
static int read_its_attribute(its_local *out, const its_name *a, const char *v) {
  if (span_eq(a->local, a->local_len, "translate")) out->translate = yes_no(v);
  else if (span_eq(a->local, a->local_len, "withinText")) out->within_text = within_text_value(v);
  else if (span_eq(a->local, a->local_len, "locNote")) out->loc_note = v;
  else if (span_eq(a->local, a->local_len, "locNoteRef")) out->loc_note_ref = v;
  else return 0;
  return 1;
}

/* A pl: attribute (the pagel10n extension). */
static void read_pl_attribute(its_local *out, const its_name *a, const char *v) {
  if (span_eq(a->local, a->local_len, "context")) out->context = v;
  else if (span_eq(a->local, a->local_len, "value")) out->value = v;
  else if (span_eq(a->local, a->local_len, "format")) out->format = v;
  else if (span_eq(a->local, a->local_len, "plural")) out->plural = v;
  else if (span_eq(a->local, a->local_len, "count")) out->count = v;
  else if (span_eq(a->local, a->local_len, "singular")) out->singular = v;
}

void its_read_local(const its_name *element, const char **atts, its_local *out) {
  memset(out, 0, sizeof *out);
  out->translate = ITS_UNSET;
  out->within_text = ITS_UNSET;
  out->preserve_space = ITS_UNSET;
  out->is_xhtml = span_eq(element->ns, element->ns_len, XHTML_NS);
  out->is_its_span = its_name_is(element, ITS_NS, "span");
  int html_translate = ITS_UNSET;
  /* Most attributes of a page (href, class, src) concern none of this:
     they are told apart by their namespace first. */
  for (size_t i = 0; atts[i]; i += 2) {
    its_name a;
    its_split_name(atts[i], &a);
    const char *v = atts[i + 1];
    if (a.ns_len == 0) {
      /* its:span carries ITS attributes without a namespace. */
      if (out->is_its_span && read_its_attribute(out, &a, v)) continue;
      if (!out->is_xhtml) continue;
      if (span_eq(a.local, a.local_len, "translate")) html_translate = yes_no(v);
      else if (span_eq(a.local, a.local_len, "lang")) out->lang = v;
    } else if (span_eq(a.ns, a.ns_len, ITS_NS)) {
      read_its_attribute(out, &a, v);
    } else if (span_eq(a.ns, a.ns_len, XML_NS)) {
      if (span_eq(a.local, a.local_len, "lang")) {
        out->xml_lang = v;
      } else if (span_eq(a.local, a.local_len, "space")) {
        if (strcmp(v, "preserve") == 0) out->preserve_space = ITS_YES;
        else if (strcmp(v, "default") == 0) out->preserve_space = ITS_NO;
      }
    } else if (span_eq(a.ns, a.ns_len, PL10N_NAMESPACE)) {
      read_pl_attribute(out, &a, v);
    }
  }
  /* On one element its:translate wins over the HTML attribute. */
  if (out->translate == ITS_UNSET) out->translate = html_translate;
}

static const char *const inline_elements[] = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn",
    "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
    "sub", "sup", "time", "u", "var", "wbr"};

static int is_xhtml(const its_name *n) {
  return span_eq(n->ns, n->ns_len, XHTML_NS);
}

int its_default_within_text(const its_name *element) {
  if (!is_xhtml(element)) return 0;
  for (size_t i = 0; i < sizeof inline_elements / sizeof *inline_elements; i++)
    if (span_eq(element->local, element->local_len, inline_elements[i])) return 1;
  return 0;
}

int its_default_not_translated(const its_name *element) {
  return is_xhtml(element) &&
         (span_eq(element->local, element->local_len, "script") ||
          span_eq(element->local, element->local_len, "style"));
}

int its_default_preserve_space(const its_name *element) {
  return is_xhtml(element) && span_eq(element->local, element->local_len, "pre");
}

int its_value_format(const char *name, const its_name *element) {
  static const char *const names[] = {
      "text", "number", "date-full", "date-long", "date-medium", "date-short",
      "time-short", "datetime-long", "datetime-medium", "datetime-short",
      "relative"};
  if (!name) {
    if (is_xhtml(element) && span_eq(element->local, element->local_len, "time"))
      return VALUE_DATE_LONG;
    if (is_xhtml(element) && span_eq(element->local, element->local_len, "data"))
      return VALUE_NUMBER;
    return VALUE_TEXT;
  }
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(name, names[i]) == 0) return (int)i;
  return -1;
}

int its_inline_attribute_is_message(const char *name) {
  return strcmp(name, "title") == 0 || strcmp(name, "aria-label") == 0 ||
         strcmp(name, "aria-description") == 0;
}

const char *its_attribute(const char **atts, const char *local) {
  for (size_t i = 0; atts[i]; i += 2)
    if (strcmp(atts[i], local) == 0) return atts[i + 1];
  return NULL;
}

int its_translatable_attribute(const its_name *element, const its_name *attr,
                               const char **atts) {
  if (!is_xhtml(element) || attr->ns_len != 0) return 0;
  const char *e = element->local;
  size_t el = element->local_len;
  const char *a = attr->local;
  size_t al = attr->local_len;
#define IS(s, n, lit) span_eq(s, n, lit)
  if (IS(a, al, "title") || IS(a, al, "aria-label") ||
      IS(a, al, "aria-description"))
    return 1;
  if (IS(a, al, "alt"))
    return IS(e, el, "img") || IS(e, el, "area") || IS(e, el, "input");
  if (IS(a, al, "placeholder"))
    return IS(e, el, "input") || IS(e, el, "textarea");
  if (IS(a, al, "abbr")) return IS(e, el, "th");
  if (IS(a, al, "label"))
    return IS(e, el, "optgroup") || IS(e, el, "option") || IS(e, el, "track");
  if (IS(a, al, "content") && IS(e, el, "meta")) {
    const char *name = its_attribute(atts, "name");
    return name && (strcasecmp(name, "description") == 0 ||
                    strcasecmp(name, "keywords") == 0);
  }
  if (IS(a, al, "value") && IS(e, el, "input")) {
    const char *type = its_attribute(atts, "type");
    return type && (strcasecmp(type, "button") == 0 ||
                    strcasecmp(type, "reset") == 0 ||
                    strcasecmp(type, "submit") == 0);
  }
#undef IS
  return 0;
}
