/* page.c - parsing a page with Expat and segmenting chrome from content.
 *
 * One pass over the bytes.  A stack of frames carries what each element
 * inherits (translate, notes, xml:space, language); a stack of open units
 * builds the msgid of every translatable block element the way itstool
 * does: text is escaped, inline elements stay as markup, other child
 * elements become <_:name-N/> placeholders and messages of their own.
 * Byte offsets of tags and attribute values become splices for render.
 */
#include "page.h"

#include "buf.h"
#include "entities.h"
#include "error.h"
#include "its.h"
#include "strmap.h"
#include "tagscan.h"
#include "format.h"
#include "text.h"
#include "xml_salt.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_MAX_BYTES ((size_t)256 << 20)
#define DEFAULT_MAX_DEPTH 10000u

enum role {
  ROLE_OUTSIDE,     /* not translated, not inside a message */
  ROLE_PLACEHOLDER, /* not translated, inside a message: <_:name-N/> */
  ROLE_UNIT,        /* starts a message of its own */
  ROLE_INLINE,      /* markup inside the enclosing message */
  ROLE_VALUE        /* a value (pl:value), {NAME} in the enclosing message */
};

typedef struct frame {
  int translate;        /* effective value for this element */
  int preserve;         /* xml:space in effect */
  int role;
  int32_t unit;         /* open unit its children append to, -1 = none */
  int32_t owner_unit;   /* unit holding this element's part, or -1 */
  int32_t part;         /* index of its part in that unit's lists */
  int part_list;        /* which list of the owner unit: PARTS_* */
  uint32_t note;        /* note in effect (inherited), or NO_STRING */
  uint32_t own_note;    /* note written on this element, or NO_STRING */
  uint32_t lang;        /* language from a non-root ancestor, or NO_STRING */
  int32_t region;       /* content region it is in, or -1 */
  int starts_region;    /* it is that region's element */
  int is_code;          /* script or style, or inside one */
  uint32_t tag_begin, tag_end;
  uint32_t local_name;  /* offset of the local name (for note paths) */
} frame;

typedef struct open_unit {
  pl10n_buf text;          /* the msgid being built */
  pl10n_buf inlines;       /* page_part */
  pl10n_buf placeholders;  /* page_part */
  pl10n_buf values;        /* page_part */
  uint32_t msgid_plural;   /* from pl:plural, or NO_STRING */
  uint32_t singular;       /* from pl:singular, or NO_STRING */
  uint32_t inherited_lang; /* language the element inherits, or NO_STRING */
  int32_t region;          /* content region it lies in, or -1 */
  uint32_t count_name;     /* from pl:count, or NO_STRING */
  uint32_t splice;
  uint32_t tag_splices;     /* the splices of its start tag: first index */
  uint32_t n_tag_splices;   /* and how many */
  uint32_t msgctxt;
  pl10n_buf comments;
  uint32_t line, column;
  int nonempty;
  int preserve;
  int pending_depth;       /* depth of an inline start tag not yet closed */
  int depth;               /* depth of the unit's element */
} open_unit;

enum { PARTS_PLACEHOLDERS, PARTS_INLINE, PARTS_VALUES };

/* Marks a value format chosen by default, settled when the value ends. */
#define FORMAT_DEFAULTED 0x100u

typedef struct parser_state {
  pl10n_page *page;
  const char *name;        /* the caller's name for the page, for errors */
  strmap declared;         /* entities the document declares itself */
  XML_Parser parser;
  const pl10n_parse_options *options;
  pl10n_error *err;
  pl10n_status status;     /* first failure, stops the parse */
  frame *frames;
  size_t depth, frames_cap;
  open_unit *units;
  size_t n_units, units_cap;
  pl10n_buf dtd;
  int dtd_loaded;
  char *doctype_system_id; /* the DOCTYPE's external subset, if any */
  pl10n_buf scratch;
  size_t max_depth;
  size_t value_depth;      /* depth of the value element being read, or 0 */
  int keep_content;        /* collect text outside chrome */
  pl10n_buf content_text;  /* the run being collected */
  unsigned long content_line, content_column;
  pl10n_buf value_text;    /* its text, when the value is its content */
  /* A cursor for positions: Expat's XML_GetCurrentLineNumber rescans the
     bytes since its last answer one at a time; this one jumps between
     line ends with memchr. */
  uint32_t pos_offset;     /* bytes before it are counted */
  uint32_t pos_line_start; /* offset of the line it is on */
  unsigned long pos_line;  /* 1-based */
  int has_cr;              /* the page has a CR: count line ends exactly */
  int text_handler;        /* on_text is set as Expat's handler */
} parser_state;

/* ---- helpers ----------------------------------------------------------- */

static void fail(parser_state *ps, pl10n_status status, const char *fmt,
                 const char *arg) {
  if (ps->status != PL10N_OK) return;
  ps->status = status;
  error_set(ps->err, status, ps->name,
            (unsigned long)XML_GetCurrentLineNumber(ps->parser),
            (unsigned long)XML_GetCurrentColumnNumber(ps->parser) + 1, fmt, arg);
  XML_StopParser(ps->parser, XML_FALSE);
}

static int check(parser_state *ps, pl10n_status st) {
  if (st == PL10N_OK) return 1;
  fail(ps, st, "%s", pl10n_strerror(st));
  return 0;
}

/* Stores STR (LEN bytes) in the page's string pool; returns its offset. */
static uint32_t intern(parser_state *ps, const char *str, size_t len) {
  pl10n_buf *s = &ps->page->strings;
  uint32_t off = (uint32_t)s->len;
  if (!check(ps, buf_append(s, str, len)) || !check(ps, buf_append_char(s, '\0')))
    return NO_STRING;
  return off;
}

static unsigned long line_after(const char *data, uint32_t begin, uint32_t end,
                                unsigned long line) {
  for (uint32_t i = begin; i < end; i++)
    if (data[i] == '\n') line++;
  return line;
}

/* Line (1-based) and column (0-based, in characters) of byte AT, as Expat
   counts them: LF, CR LF and CR end a line. */
static void position_at(parser_state *ps, uint32_t at, unsigned long *line,
                        unsigned long *column) {
  const char *d = ps->page->data;
  if (at < ps->pos_offset) {
    ps->pos_offset = ps->pos_line_start = 0;
    ps->pos_line = 1;
  }
  uint32_t p = ps->pos_offset;
  if (!ps->has_cr) {
    const char *nl;
    while (p < at && (nl = memchr(d + p, '\n', at - p)) != NULL) {
      ps->pos_line++;
      p = (uint32_t)(nl - d) + 1;
      ps->pos_line_start = p;
    }
  } else {
    for (; p < at; p++) {
      if (d[p] == '\n' || (d[p] == '\r' && (p + 1 >= ps->page->len || d[p + 1] != '\n'))) {
        ps->pos_line++;
        ps->pos_line_start = p + 1;
      }
    }
  }
  ps->pos_offset = at;
  unsigned long col = 0;
  for (uint32_t i = ps->pos_line_start; i < at; i++)
    if (((unsigned char)d[i] & 0xC0) != 0x80) col++;
  *line = ps->pos_line;
  *column = col;
}

static frame *top(parser_state *ps) {
  return ps->depth ? &ps->frames[ps->depth - 1] : NULL;
}

static uint32_t splice_count(parser_state *ps) {
  return (uint32_t)BUF_COUNT(&ps->page->splices, page_splice);
}

static page_splice *splice_at(parser_state *ps, uint32_t i) {
  return &BUF_ITEMS(&ps->page->splices, page_splice)[i];
}

static uint32_t add_splice(parser_state *ps, splice_kind kind, uint32_t begin,
                           uint32_t end, uint32_t ref, char quote) {
  uint32_t index = splice_count(ps);
  page_splice s = {begin, end, index + 1, ref, (uint8_t)kind, quote};
  if (!check(ps, buf_push_item(&ps->page->splices, &s, sizeof s))) return 0;
  return index;
}

/* Closes a pending inline start tag ("<b ...") of unit U with '>'. */
static void settle_pending(parser_state *ps, open_unit *u) {
  if (u->pending_depth < 0) return;
  u->pending_depth = -1;
  check(ps, buf_append_char(&u->text, '>'));
}

/* Appends "prefix:local" of an Expat triplet. */
static pl10n_status append_qname(pl10n_buf *out, const its_name *n) {
  pl10n_status st = PL10N_OK;
  if (n->prefix_len) {
    st = buf_append(out, n->prefix, n->prefix_len);
    if (st == PL10N_OK) st = buf_append_char(out, ':');
  }
  if (st == PL10N_OK) st = buf_append(out, n->local, n->local_len);
  return st;
}

/* ---- messages ---------------------------------------------------------- */

static pl10n_status add_comment(pl10n_buf *comments, const char *text) {
  pl10n_status st = PL10N_OK;
  if (comments->len) st = buf_append_str(comments, "\n\n");
  if (st == PL10N_OK) st = buf_append_str(comments, text);
  return st;
}

/* Turns the escaped, unnormalized text in SCRATCH into a message. */
static void add_message(parser_state *ps, pl10n_message_kind kind,
                        pl10n_buf *text, uint32_t msgctxt,
                        const pl10n_buf *comments, unsigned long line,
                        unsigned long column, uint32_t splice, int preserve,
                        const open_unit *unit) {
  pl10n_page *page = ps->page;
  pl10n_status st = text_normalize(text, 0, preserve);
  if (st == PL10N_ERR_ENCODING) {
    fail(ps, st, "%s", "text is not valid UTF-8");
    return;
  }
  if (!check(ps, st)) return;
  page_message m;
  memset(&m, 0, sizeof m);
  m.kind = (uint8_t)kind;
  m.msgid_len = (uint32_t)text->len;
  m.msgid = intern(ps, text->data ? text->data : "", text->len);
  m.msgctxt = msgctxt;
  m.comments = comments && comments->len
                   ? intern(ps, comments->data, comments->len) : NO_STRING;
  m.line = (uint32_t)line;
  m.column = (uint32_t)column;
  m.splice = splice;
  m.preserve_space = (uint8_t)preserve;
  m.first_part = (uint32_t)BUF_COUNT(&page->parts, page_part);
  m.msgid_plural = m.count = m.inherited_lang = m.region = NO_STRING;
  if (unit) {
    m.n_inline = (uint32_t)BUF_COUNT(&unit->inlines, page_part);
    m.n_placeholders = (uint32_t)BUF_COUNT(&unit->placeholders, page_part);
    m.n_values = (uint32_t)BUF_COUNT(&unit->values, page_part);
    check(ps, buf_append(&page->parts, unit->inlines.data, unit->inlines.len));
    check(ps, buf_append(&page->parts, unit->placeholders.data,
                         unit->placeholders.len));
    check(ps, buf_append(&page->parts, unit->values.data, unit->values.len));
    m.msgid_plural = unit->msgid_plural;
    m.inherited_lang = unit->inherited_lang;
    m.region = unit->region >= 0 ? (uint32_t)unit->region : NO_STRING;
    /* The count: the value pl:count names, else the first number. */
    const page_part *v = BUF_ITEMS(&unit->values, page_part);
    for (uint32_t i = 0; i < m.n_values && m.count == NO_STRING; i++) {
      if (unit->count_name != NO_STRING
              ? strcmp(page_string(page, v[i].name),
                       page_string(page, unit->count_name)) == 0
              : v[i].format == VALUE_NUMBER)
        m.count = i;
    }
    /* A plural message without a count is a template error (extract
       reports it) or a page whose form left the count out (render finds
       the form from the text). */
  }
  if (ps->status != PL10N_OK) return;
  uint32_t index = (uint32_t)PAGE_MESSAGE_COUNT(page);
  if (!check(ps, buf_push_item(&page->messages, &m, sizeof m))) return;
  page_splice *s = splice_at(ps, splice);
  s->ref = index;
}

/* ---- entities ---------------------------------------------------------- */

static void XMLCALL on_entity_decl(void *user, const XML_Char *name,
                                   int is_parameter_entity, const XML_Char *value,
                                   int value_length, const XML_Char *base,
                                   const XML_Char *system_id,
                                   const XML_Char *public_id,
                                   const XML_Char *notation) {
  (void)value; (void)value_length; (void)base; (void)system_id;
  (void)public_id; (void)notation;
  parser_state *ps = user;
  if (is_parameter_entity) return;
  int inserted;
  check(ps, strmap_put(&ps->declared, name, strlen(name), 0, &inserted, NULL));
}

/* Expat drops an undeclared entity in an attribute value without a word
   when the document has an external subset; find one in the raw tag. */
static void check_attribute_entities(parser_state *ps, const char *tag,
                                     size_t len) {
  const char *end = tag + len, *p = tag;
  while ((p = memchr(p, '&', (size_t)(end - p))) != NULL) {
    const char *name = ++p;
    while (p < end && *p != ';' && *p != '"' && *p != '\'' && *p != '&') p++;
    if (p >= end || *p != ';' || name[0] == '#') continue;
    size_t n = (size_t)(p - name);
    uint32_t unused;
    static const char *const predefined[] = {"amp", "lt", "gt", "quot", "apos"};
    int known = entities_lookup(name, n) != NULL ||
                strmap_get(&ps->declared, name, n, &unused);
    for (size_t i = 0; i < 5 && !known; i++)
      known = strlen(predefined[i]) == n && memcmp(predefined[i], name, n) == 0;
    if (!known) {
      buf_clear(&ps->scratch);
      check(ps, buf_append(&ps->scratch, name, n));
      fail(ps, PL10N_ERR_XML, "undefined entity &%s;", ps->scratch.data);
      return;
    }
  }
}

/* ---- start tags -------------------------------------------------------- */

static open_unit *push_unit(parser_state *ps) {
  if (ps->n_units == ps->units_cap) {
    size_t cap = ps->units_cap ? ps->units_cap * 2 : 8;
    open_unit *units = realloc(ps->units, cap * sizeof *units);
    if (!units) { check(ps, PL10N_ERR_NOMEM); return NULL; }
    memset(units + ps->units_cap, 0, (cap - ps->units_cap) * sizeof *units);
    ps->units = units;
    ps->units_cap = cap;
  }
  open_unit *u = &ps->units[ps->n_units++];
  buf_clear(&u->text);
  buf_clear(&u->inlines);
  buf_clear(&u->placeholders);
  buf_clear(&u->values);
  buf_clear(&u->comments);
  u->msgid_plural = u->count_name = u->singular = u->inherited_lang = NO_STRING;
  u->region = -1;
  u->nonempty = 0;
  u->pending_depth = -1;
  return u;
}

static pl10n_buf *part_list(open_unit *u, int which) {
  return which == PARTS_INLINE ? &u->inlines
         : which == PARTS_VALUES ? &u->values : &u->placeholders;
}

/* Adds the part for the element of frame F to list WHICH of unit U. */
static page_part *add_part(parser_state *ps, open_unit *u, frame *f, int which) {
  page_part part = {f->tag_begin, f->tag_end, f->tag_end, f->tag_end,
                    splice_count(ps), NO_STRING, NO_STRING, 0};
  pl10n_buf *list = part_list(u, which);
  f->owner_unit = (int32_t)(u - ps->units);
  f->part = (int32_t)BUF_COUNT(list, page_part);
  f->part_list = which;
  if (!check(ps, buf_push_item(list, &part, sizeof part))) return NULL;
  return &BUF_ITEMS(list, page_part)[f->part];
}

static void add_placeholder_text(parser_state *ps, open_unit *u,
                                 const its_name *name) {
  settle_pending(ps, u);
  size_t n = BUF_COUNT(&u->placeholders, page_part) + 1;
  check(ps, buf_append_str(&u->text, "<_:"));
  check(ps, buf_append(&u->text, name->local, name->local_len));
  char num[24];
  size_t k = sizeof num;
  num[--k] = '\0';
  do num[--k] = (char)('0' + n % 10); while ((n /= 10) && k);
  check(ps, buf_append_char(&u->text, '-'));
  check(ps, buf_append_str(&u->text, num + k));
  check(ps, buf_append_str(&u->text, "/>"));
}

/* Writes "<qname attr="v" ..." (without the closing '>') into U's msgid. */
static void add_inline_start(parser_state *ps, open_unit *u,
                             const its_name *name, const char **atts) {
  settle_pending(ps, u);
  check(ps, buf_append_char(&u->text, '<'));
  check(ps, append_qname(&u->text, name));
  int specified = XML_GetSpecifiedAttributeCount(ps->parser);
  for (int i = 0; i < specified && atts[i]; i += 2) {
    its_name a;
    its_split_name(atts[i], &a);
    check(ps, buf_append_char(&u->text, ' '));
    check(ps, append_qname(&u->text, &a));
    check(ps, buf_append_str(&u->text, "=\""));
    check(ps, buf_append_xml_escaped(&u->text, atts[i + 1],
                                     strlen(atts[i + 1]), '"'));
    check(ps, buf_append_char(&u->text, '"'));
  }
  u->pending_depth = (int)ps->depth;
}

/* The splices one start tag needs, sorted by offset before they are kept. */
typedef struct tag_splice {
  uint32_t begin, end;
  splice_kind kind;
  uint32_t ref;      /* attribute index in ATTS for SPLICE_ATTRIBUTE */
  char quote;
} tag_splice;

static int by_offset(const void *a, const void *b) {
  const tag_splice *x = a, *y = b;
  return x->begin < y->begin ? -1 : x->begin > y->begin;
}

/* Finds attribute QNAME in the raw start tag of frame F. */
static int locate_attribute(parser_state *ps, const frame *f, const char *qname,
                            tag_attribute *ta) {
  return tagscan_find(ps->page->data + f->tag_begin, f->tag_end - f->tag_begin,
                      qname, ta);
}

static void attribute_message(parser_state *ps, frame *f, const its_name *el,
                              const its_name *attr, const char *value,
                              const its_local *local, uint32_t splice) {
  pl10n_buf *text = &ps->scratch;
  buf_clear(text);
  check(ps, buf_append_xml_escaped(text, value, strlen(value), 0));
  pl10n_buf comments = PL10N_BUF_INIT;
  check(ps, buf_append_str(&comments, "Attribute "));
  check(ps, append_qname(&comments, attr));
  check(ps, buf_append_str(&comments, " of <"));
  check(ps, append_qname(&comments, el));
  check(ps, buf_append_char(&comments, '>'));
  if (f->own_note != NO_STRING)
    check(ps, add_comment(&comments, page_string(ps->page, f->own_note)));
  uint32_t ctxt = local->context ? intern(ps, local->context, strlen(local->context))
                                 : NO_STRING;
  unsigned long line, column;
  position_at(ps, f->tag_begin, &line, &column);
  line = line_after(ps->page->data, f->tag_begin, f->tag_end, line);
  add_message(ps, PL10N_MESSAGE_ATTRIBUTE, text, ctxt, &comments, line,
              column + 1, splice, f->preserve, NULL);
  pl10n_buf_release(&comments);
}

/* Adds the attribute and language splices of one start tag, in offset
   order, with the attribute messages.  Returns how many it added. */
static uint32_t tag_splices(parser_state *ps, frame *f, const its_name *el,
                            const char **atts, const its_local *local,
                            int is_root, int is_unit) {
  int translate_attributes = f->translate == ITS_YES;
  /* The common case, an element of the content: nothing to splice. */
  if (!is_root && !is_unit && !f->starts_region && !translate_attributes) return 0;
  tag_splice list[64];
  size_t n = 0;
  tag_attribute ta;
  pl10n_buf *q = &ps->scratch;
  int specified = XML_GetSpecifiedAttributeCount(ps->parser);
  for (int i = 0; i < specified && atts[i] && n < 60; i += 2) {
    its_name a;
    its_split_name(atts[i], &a);
    int root_lang = is_root && ps->page->is_xhtml && a.ns_len == 0 &&
                    a.local_len == 4 && memcmp(a.local, "lang", 4) == 0;
    int root_xml_lang = is_root && its_name_is(&a, XML_NS, "lang");
    /* A chrome element's own language follows the text written into it. */
    int unit_lang = is_unit && !is_root &&
                    ((ps->page->is_xhtml && a.ns_len == 0 && a.local_len == 4 &&
                      memcmp(a.local, "lang", 4) == 0) ||
                     its_name_is(&a, XML_NS, "lang"));
    int translatable = translate_attributes &&
                       its_translatable_attribute(el, &a, atts) &&
                       text_has_content(atts[i + 1], strlen(atts[i + 1]));
    if (!root_lang && !root_xml_lang && !unit_lang && !translatable) continue;
    buf_clear(q);
    check(ps, append_qname(q, &a));
    if (ps->status != PL10N_OK || !locate_attribute(ps, f, q->data, &ta)) continue;
    tag_splice t = {f->tag_begin + (uint32_t)ta.value_begin,
                    f->tag_begin + (uint32_t)ta.value_end,
                    root_lang ? SPLICE_ROOT_LANG
                    : root_xml_lang ? SPLICE_ROOT_XML_LANG : SPLICE_ATTRIBUTE,
                    (uint32_t)i, ta.quote};
    if (unit_lang) {
      /* The whole attribute with the space before it: render may drop it. */
      size_t b = ta.name_begin;
      while (b > 0 && text_is_xml_space(ps->page->data[f->tag_begin + b - 1])) b--;
      t.begin = f->tag_begin + (uint32_t)b;
      t.end = f->tag_begin + (uint32_t)ta.value_end + 1;
      t.kind = a.ns_len ? SPLICE_MESSAGE_XML_LANG : SPLICE_MESSAGE_LANG;
    }
    list[n++] = t;
  }
  uint32_t insert = f->tag_begin +
                    (uint32_t)tagscan_insert_point(ps->page->data + f->tag_begin,
                                                   f->tag_end - f->tag_begin);
  if (is_root && ps->page->is_xhtml && !local->lang) {
    tag_splice t = {insert, insert, SPLICE_ROOT_LANG, 0, '"'};
    list[n++] = t;
  }
  if (f->starts_region && !is_root) {
    if (!local->lang && !local->xml_lang) {
      tag_splice t = {insert, insert, SPLICE_REGION_LANG, (uint32_t)f->region,
                      '"'};
      list[n++] = t;
    }
  }
  if (is_unit && ps->page->is_xhtml && !local->lang && !local->xml_lang) {
    tag_splice t = {insert, insert, SPLICE_FALLBACK_LANG, NO_STRING, '"'};
    list[n++] = t;
  }
  qsort(list, n, sizeof *list, by_offset);
  for (size_t k = 0; k < n && ps->status == PL10N_OK; k++) {
    uint32_t s = add_splice(ps, list[k].kind, list[k].begin, list[k].end,
                            list[k].kind == SPLICE_ATTRIBUTE ? NO_STRING
                                                             : list[k].ref,
                            list[k].quote);
    if (list[k].kind == SPLICE_ATTRIBUTE) {
      its_name a;
      its_split_name(atts[list[k].ref], &a);
      attribute_message(ps, f, el, &a, atts[list[k].ref + 1], local, s);
    }
  }
  return (uint32_t)n;
}

/* An element marked pl:value inside message U: "{NAME}" in the msgid; the
   value is its datetime or value attribute, else its text.  Its content is
   not chrome (it is written for the target locale instead). */
static void start_value(parser_state *ps, open_unit *u, frame *f,
                        const its_name *el, const char **atts,
                        const its_local *local) {
  int format = its_value_format(local->format, el);
  if (format < 0) {
    fail(ps, PL10N_ERR_XML, "unknown pl:format \"%s\"", local->format);
    return;
  }
  const char *name = local->value;
  size_t n = strlen(name);
  int valid = n > 0 && ((name[0] >= 'a' && name[0] <= 'z') ||
                        (name[0] >= 'A' && name[0] <= 'Z') || name[0] == '_');
  for (size_t i = 0; i < n && valid; i++)
    valid = (name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
            (name[i] >= '0' && name[i] <= '9') || name[i] == '_' || name[i] == '-';
  if (!valid) {
    fail(ps, PL10N_ERR_XML, "pl:value \"%s\" is not a name (letters, digits, _ and -)",
         name);
    return;
  }
  const page_part *existing = BUF_ITEMS(&u->values, page_part);
  for (size_t i = 0; i < BUF_COUNT(&u->values, page_part); i++) {
    if (strcmp(page_string(ps->page, existing[i].name), name) == 0) {
      fail(ps, PL10N_ERR_XML, "value {%s} appears twice in one message", name);
      return;
    }
  }
  f->role = ROLE_VALUE;
  f->translate = ITS_NO; /* nothing inside is chrome */
  f->unit = -1;
  settle_pending(ps, u);
  check(ps, buf_printf(&u->text, "{%s}", name));
  uint32_t name_off = intern(ps, name, n);
  const char *raw = NULL;
  if (format >= VALUE_DATE_FULL) raw = its_attribute(atts, "datetime");
  if (!raw) raw = its_attribute(atts, "value");
  uint32_t value_off = raw ? intern(ps, raw, strlen(raw)) : NO_STRING;
  page_part *p = add_part(ps, u, f, PARTS_VALUES);
  if (!p) return;
  p->name = name_off;
  p->value = value_off;
  /* Without pl:format, content that reads as a number is a number. */
  p->format = (uint32_t)format | (local->format ? 0 : FORMAT_DEFAULTED);
  ps->value_depth = ps->depth;
  buf_clear(&ps->value_text);
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len);

/* Text outside the chrome matters only until its region is known to hold
   some; after that Expat need not call on_text at all, which spares the
   handler calls for all of an article's text. */
static void update_text_handler(parser_state *ps) {
  frame *f = top(ps);
  int want = !f || ps->keep_content || ps->value_depth || f->unit >= 0 ||
             (f->region >= 0 && f->translate == ITS_NO &&
              !BUF_ITEMS(&ps->page->regions, page_region)[f->region].has_text);
  if (want != ps->text_handler) {
    XML_SetCharacterDataHandler(ps->parser, want ? on_text : NULL);
    ps->text_handler = want;
  }
}

/* Ends the run of text outside chrome being collected, keeping it if it
   holds anything but whitespace. */
static void flush_content(parser_state *ps) {
  if (!ps->content_text.len) return;
  if (text_has_content(ps->content_text.data, ps->content_text.len) &&
      check(ps, text_normalize(&ps->content_text, 0, 0))) {
    page_content c = {intern(ps, ps->content_text.data, ps->content_text.len),
                      (uint32_t)ps->content_line, (uint32_t)ps->content_column};
    check(ps, buf_push_item(&ps->page->content, &c, sizeof c));
  }
  buf_clear(&ps->content_text);
}

/* Whether the element is within text (asked only inside messages). */
static int within_text(const its_local *local, const its_name *el) {
  return local->within_text != ITS_UNSET ? local->within_text
         : its_default_within_text(el) ? ITS_YES : ITS_NO;
}

static void XMLCALL on_start(void *user, const XML_Char *name,
                             const XML_Char **atts) {
  parser_state *ps = user;
  if (ps->status != PL10N_OK) return;
  if (ps->keep_content) flush_content(ps);
  if (ps->depth >= ps->max_depth) {
    fail(ps, PL10N_ERR_LIMIT, "elements nested deeper than %s",
         ps->options && ps->options->max_depth ? "the limit" : "10000");
    return;
  }
  if (ps->depth == ps->frames_cap) {
    size_t cap = ps->frames_cap ? ps->frames_cap * 2 : 64;
    frame *frames = realloc(ps->frames, cap * sizeof *frames);
    if (!frames) { check(ps, PL10N_ERR_NOMEM); return; }
    ps->frames = frames;
    ps->frames_cap = cap;
  }
  frame *parent = top(ps);
  frame *f = &ps->frames[ps->depth++];
  memset(f, 0, sizeof *f);
  its_name el;
  its_split_name(name, &el);
  its_local local;
  its_read_local(&el, atts, &local);
  int is_root = parent == NULL;
  if (is_root) {
    ps->page->is_xhtml = local.is_xhtml;
    ps->page->has_xml_lang = local.xml_lang != NULL;
    const char *lang = local.lang ? local.lang : local.xml_lang;
    if (lang) ps->page->root_lang = intern(ps, lang, strlen(lang));
  }
  XML_Index at = XML_GetCurrentByteIndex(ps->parser);
  int count = XML_GetCurrentByteCount(ps->parser);
  f->tag_begin = (uint32_t)at;
  f->tag_end = (uint32_t)(at + count);
  if (memchr(ps->page->data + f->tag_begin, '&', (size_t)count))
    check_attribute_entities(ps, ps->page->data + f->tag_begin, (size_t)count);
  if (ps->status != PL10N_OK) return;
  /* Only the note paths of chrome's inline elements name elements. */
  f->local_name = parent && parent->unit >= 0 ? intern(ps, el.local, el.local_len)
                                              : NO_STRING;

  /* What the element inherits and says itself. */
  /* script and style are never chrome, whatever the markup says. */
  f->is_code = its_default_not_translated(&el) || (parent && parent->is_code);
  f->translate = its_default_not_translated(&el) ? ITS_NO
                 : local.translate != ITS_UNSET ? local.translate
                 : parent ? parent->translate : ITS_YES;
  f->preserve = local.preserve_space != ITS_UNSET ? local.preserve_space == ITS_YES
                : its_default_preserve_space(&el) ? 1
                : parent ? parent->preserve : 0;
  f->own_note = NO_STRING;
  if (local.loc_note) {
    buf_clear(&ps->scratch);
    check(ps, buf_append_str(&ps->scratch, local.loc_note));
    check(ps, text_normalize(&ps->scratch, 0, 0));
    f->own_note = intern(ps, ps->scratch.data, ps->scratch.len);
  } else if (local.loc_note_ref) {
    buf_clear(&ps->scratch);
    check(ps, buf_append_str(&ps->scratch, "link: "));
    check(ps, buf_append_str(&ps->scratch, local.loc_note_ref));
    f->own_note = intern(ps, ps->scratch.data, ps->scratch.len);
  }
  f->note = f->own_note != NO_STRING ? f->own_note
            : parent ? parent->note : NO_STRING;
  const char *lang = local.lang ? local.lang : local.xml_lang;
  f->lang = !is_root && lang ? intern(ps, lang, strlen(lang))
            : parent ? parent->lang : NO_STRING;
  f->region = parent ? parent->region : -1;
  f->owner_unit = -1;
  f->part = -1;
  int32_t msg = parent ? parent->unit : -1;
  open_unit *pu = msg >= 0 ? &ps->units[msg] : NULL;

  if (pu && f->translate == ITS_YES && local.value) {
    start_value(ps, pu, f, &el, atts, &local);
  } else if (f->translate == ITS_NO) {
    f->role = pu ? ROLE_PLACEHOLDER : ROLE_OUTSIDE;
    f->unit = -1;
    if (pu) {
      add_placeholder_text(ps, pu, &el);
      add_part(ps, pu, f, PARTS_PLACEHOLDERS);
    }
    /* A content region, unless it is code (script, style): no language. */
    if ((!parent || parent->translate == ITS_YES) && !its_default_not_translated(&el)) {
      /* Text counts, and so does an attribute a reader hears (an English
         alt on an image of the article). */
      page_region r = {f->lang, 0};
      for (size_t i = 0; atts[i] && !r.has_text; i += 2) {
        its_name a;
        its_split_name(atts[i], &a);
        r.has_text = its_translatable_attribute(&el, &a, atts) &&
                     text_has_content(atts[i + 1], strlen(atts[i + 1]));
      }
      f->region = (int32_t)BUF_COUNT(&ps->page->regions, page_region);
      f->starts_region = 1;
      check(ps, buf_push_item(&ps->page->regions, &r, sizeof r));
    }
    tag_splices(ps, f, &el, atts, &local, is_root, 0);
  } else if (!pu || within_text(&local, &el) != ITS_YES) {
    f->role = ROLE_UNIT;
    if (pu) {
      add_placeholder_text(ps, pu, &el);
      add_part(ps, pu, f, PARTS_PLACEHOLDERS);
    }
    open_unit *u = push_unit(ps);
    if (!u) return;
    f->unit = (int32_t)(u - ps->units);
    u->depth = (int)ps->depth;
    u->preserve = f->preserve;
    u->msgctxt = local.context ? intern(ps, local.context, strlen(local.context))
                               : NO_STRING;
    if (local.plural) {
      buf_clear(&ps->scratch);
      check(ps, buf_append_xml_escaped(&ps->scratch, local.plural,
                                       strlen(local.plural), 0));
      check(ps, text_normalize(&ps->scratch, 0, f->preserve));
      u->msgid_plural = intern(ps, ps->scratch.data, ps->scratch.len);
    }
    if (local.count) u->count_name = intern(ps, local.count, strlen(local.count));
    if (local.singular) u->singular = intern(ps, local.singular, strlen(local.singular));
    u->inherited_lang = parent ? parent->lang : NO_STRING;
    u->region = f->region;
    unsigned long line, column;
    position_at(ps, f->tag_begin, &line, &column);
    u->line = (uint32_t)line_after(ps->page->data, f->tag_begin, f->tag_end, line);
    u->column = (uint32_t)column + 1;
    if (f->note != NO_STRING)
      check(ps, add_comment(&u->comments, page_string(ps->page, f->note)));
    u->tag_splices = splice_count(ps);
    u->n_tag_splices = tag_splices(ps, f, &el, atts, &local, is_root, 1);
    u->splice = add_splice(ps, SPLICE_TEXT, f->tag_end, f->tag_end, NO_STRING, 0);
  } else {
    f->role = ROLE_INLINE;
    f->unit = msg;
    add_inline_start(ps, pu, &el, atts);
    add_part(ps, pu, f, PARTS_INLINE);
    if (f->own_note != NO_STRING) {
      /* itstool: "comment: ./path" naming the inline element, then the note */
      pl10n_buf *c = &pu->comments;
      check(ps, add_comment(c, "comment: ."));
      for (size_t d = (size_t)pu->depth; d < ps->depth; d++) {
        check(ps, buf_append_char(c, '/'));
        check(ps, buf_append_str(c, page_string(ps->page, ps->frames[d].local_name)));
      }
      check(ps, buf_append_char(c, '\n'));
      check(ps, buf_append_str(c, page_string(ps->page, f->own_note)));
    }
    tag_splices(ps, f, &el, atts, &local, is_root, 0);
  }
  update_text_handler(ps);
}

/* ---- end tags and content ---------------------------------------------- */

/* A {NAME} written as text where a value has that name would be read as
   the value: refuse the page. */
static void check_value_names(parser_state *ps, open_unit *u) {
  const page_part *v = BUF_ITEMS(&u->values, page_part);
  for (size_t i = 0; i < BUF_COUNT(&u->values, page_part); i++) {
    const char *name = page_string(ps->page, v[i].name);
    size_t n = strlen(name), uses = 0;
    for (const char *p = u->text.data; p && (p = strchr(p, '{')) != NULL; p++)
      if (strncmp(p + 1, name, n) == 0 && p[1 + n] == '}') uses++;
    if (uses > 1) {
      fail(ps, PL10N_ERR_XML,
           "the text {%s} clashes with the value of that name; rename the value",
           name);
      return;
    }
  }
}

/* Tells translators what each {NAME} of the message stands for. */
static void describe_values(parser_state *ps, open_unit *u) {
  static const char *const what[] = {
      "text from the page", "a number", "a date (full)", "a date (long)",
      "a date (medium)", "a date (short)", "a time", "a date and time (long)",
      "a date and time (medium)", "a date and time (short)",
      "a relative time, like \"2 hours ago\""};
  const page_part *v = BUF_ITEMS(&u->values, page_part);
  size_t n = BUF_COUNT(&u->values, page_part);
  if (!n) return;
  check(ps, add_comment(&u->comments, "Placeholders:"));
  for (size_t i = 0; i < n; i++) {
    check(ps, buf_printf(&u->comments, " {%s} is %s%s", page_string(ps->page, v[i].name),
                         what[v[i].format], i + 1 < n ? ";" : "."));
  }
  if (u->msgid_plural != NO_STRING)
    check(ps, buf_append_str(&u->comments,
                             " The plural form is chosen by the count."));
}

static void XMLCALL on_end(void *user, const XML_Char *name) {
  (void)name;
  parser_state *ps = user;
  if (ps->status != PL10N_OK || ps->depth == 0) return;
  if (ps->keep_content) flush_content(ps);
  frame *f = top(ps);
  XML_Index at = XML_GetCurrentByteIndex(ps->parser);
  int count = XML_GetCurrentByteCount(ps->parser);
  /* Where the element ends matters to chrome only. */
  int empty_element = (f->owner_unit >= 0 || f->role == ROLE_UNIT) &&
                      tagscan_is_empty_element(ps->page->data + f->tag_begin,
                                               f->tag_end - f->tag_begin);
  uint32_t close_begin = empty_element ? f->tag_end : (uint32_t)at;
  uint32_t close_end = empty_element ? f->tag_end : (uint32_t)(at + count);
  if (f->owner_unit >= 0) {
    open_unit *owner = &ps->units[f->owner_unit];
    page_part *p = &BUF_ITEMS(part_list(owner, f->part_list), page_part)[f->part];
    p->close_begin = close_begin;
    p->close_end = close_end;
    if (f->role == ROLE_VALUE) {
      if (p->value == NO_STRING) {
        check(ps, text_normalize(&ps->value_text, 0, 0));
        p->value = intern(ps, ps->value_text.data ? ps->value_text.data : "",
                          ps->value_text.len);
      }
      double number;
      if ((p->format & FORMAT_DEFAULTED) && p->format != (VALUE_TEXT | FORMAT_DEFAULTED))
        p->format &= ~FORMAT_DEFAULTED;
      else if (p->format & FORMAT_DEFAULTED)
        p->format = format_parse_number(page_string(ps->page, p->value), &number)
                        ? VALUE_NUMBER : VALUE_TEXT;
      ps->value_depth = 0;
    }
  }
  if (f->role == ROLE_INLINE) {
    open_unit *u = &ps->units[f->unit];
    if (u->pending_depth == (int)ps->depth) {
      u->pending_depth = -1;
      check(ps, buf_append_str(&u->text, "/>"));
    } else {
      check(ps, buf_append_str(&u->text, "</"));
      its_name el;
      its_split_name(name, &el);
      check(ps, append_qname(&u->text, &el));
      check(ps, buf_append_char(&u->text, '>'));
    }
  } else if (f->role == ROLE_UNIT) {
    open_unit *u = &ps->units[f->unit];
    page_splice *s = splice_at(ps, u->splice);
    s->begin = f->tag_end;
    s->end = close_begin;
    s->after = splice_count(ps);
    uint32_t index = (uint32_t)PAGE_MESSAGE_COUNT(ps->page);
    if (u->nonempty && u->singular != NO_STRING) {
      /* The page shows some form; pl:singular says which is the msgid. */
      const char *singular = page_string(ps->page, u->singular);
      buf_clear(&u->text);
      check(ps, buf_append_xml_escaped(&u->text, singular, strlen(singular), 0));
    }
    if (u->nonempty) check_value_names(ps, u);
    if (u->nonempty) describe_values(ps, u);
    if (u->nonempty)
      add_message(ps, PL10N_MESSAGE_TEXT, &u->text, u->msgctxt, &u->comments,
                  u->line, u->column, u->splice, u->preserve, u);
    else
      s->kind = SPLICE_NONE;
    /* The language splices of the element's tag refer to its message; the
       attribute messages of the tag come before it in the splice list. */
    for (uint32_t i = u->tag_splices; i < u->tag_splices + u->n_tag_splices &&
                                      ps->status == PL10N_OK; i++) {
      page_splice *ls = splice_at(ps, i);
      if (ls->kind != SPLICE_FALLBACK_LANG && ls->kind != SPLICE_MESSAGE_LANG &&
          ls->kind != SPLICE_MESSAGE_XML_LANG)
        continue;
      if (u->nonempty) ls->ref = index;
      else ls->kind = SPLICE_NONE;
    }
    ps->n_units--;
  }
  ps->depth--;
  update_text_handler(ps);
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len) {
  parser_state *ps = user;
  if (ps->status != PL10N_OK) return;
  frame *f = top(ps);
  if (!f) return;
  if (ps->value_depth) {
    check(ps, buf_append(&ps->value_text, s, (size_t)len));
    return;
  }
  if (f->unit >= 0) {
    open_unit *u = &ps->units[f->unit];
    settle_pending(ps, u);
    check(ps, buf_append_xml_escaped(&u->text, s, (size_t)len, 0));
    if (!u->nonempty && text_has_content(s, (size_t)len)) u->nonempty = 1;
  } else {
    if (f->region >= 0 && f->translate == ITS_NO) {
      page_region *r = &BUF_ITEMS(&ps->page->regions, page_region)[f->region];
      if (!r->has_text && text_has_content(s, (size_t)len)) {
        r->has_text = 1;
        update_text_handler(ps);
      }
    }
    if (ps->keep_content && f->role != ROLE_VALUE && !f->is_code) {
      if (!ps->content_text.len) {
        ps->content_line = XML_GetCurrentLineNumber(ps->parser);
        ps->content_column = XML_GetCurrentColumnNumber(ps->parser) + 1;
      }
      check(ps, buf_append(&ps->content_text, s, (size_t)len));
    }
  }
}

/* Comments and processing instructions are children too: an inline element
   holding one is written <b></b>, not <b/>. */
static void child_node(parser_state *ps) {
  frame *f = top(ps);
  if (f && f->unit >= 0) settle_pending(ps, &ps->units[f->unit]);
}

static void XMLCALL on_comment(void *user, const XML_Char *data) {
  (void)data;
  child_node(user);
}

static void XMLCALL on_pi(void *user, const XML_Char *target,
                          const XML_Char *data) {
  (void)target;
  (void)data;
  child_node(user);
}

static void XMLCALL on_xml_decl(void *user, const XML_Char *version,
                                const XML_Char *encoding, int standalone) {
  (void)version;
  (void)standalone;
  parser_state *ps = user;
  if (encoding && strncasecmp(encoding, "utf-16", 6) == 0) {
    fail(ps, PL10N_ERR_ENCODING, "%s pages are not supported; convert the file to UTF-8",
         encoding);
    return;
  }
  if (encoding && strcasecmp(encoding, "utf-8") != 0 &&
      strcasecmp(encoding, "utf8") != 0)
    ps->page->ascii_output = 1;
}

static void XMLCALL on_doctype(void *user, const XML_Char *name,
                               const XML_Char *system_id,
                               const XML_Char *public_id, int has_internal_subset) {
  (void)name; (void)public_id; (void)has_internal_subset;
  parser_state *ps = user;
  if (system_id && !ps->doctype_system_id) {
    ps->doctype_system_id = strdup(system_id);
    if (!ps->doctype_system_id) check(ps, PL10N_ERR_NOMEM);
  }
}

static void XMLCALL on_skipped_entity(void *user, const XML_Char *name,
                                      int is_parameter_entity) {
  parser_state *ps = user;
  if (is_parameter_entity) return;
  fail(ps, PL10N_ERR_XML, "undefined entity &%s;", name);
}

/* Feeds the built-in entity declarations as the external subset; refuses
   every other external entity (nothing is read from disk or network). */
static int XMLCALL on_external_entity(XML_Parser parser, const XML_Char *context,
                                      const XML_Char *base,
                                      const XML_Char *system_id,
                                      const XML_Char *public_id) {
  (void)base;
  (void)public_id;
  parser_state *ps = XML_GetUserData(parser);
  if (context != NULL) {
    fail(ps, PL10N_ERR_XML,
         "external entity \"%s\" is not loaded (pagel10n never reads external "
         "entities)", system_id ? system_id : "");
    return XML_STATUS_ERROR;
  }
  /* The external subset is the DOCTYPE's system id, or none at all when
     the built-in declarations come in through XML_UseForeignDTD; anything
     else is an external parameter entity. */
  int is_subset = system_id == NULL ||
                  (ps->doctype_system_id && strcmp(system_id, ps->doctype_system_id) == 0);
  if (!is_subset || ps->dtd_loaded) {
    fail(ps, PL10N_ERR_XML,
         "external parameter entity \"%s\" is not loaded (pagel10n never reads "
         "external entities)", system_id ? system_id : "");
    return XML_STATUS_ERROR;
  }
  if (ps->dtd.len == 0) return XML_STATUS_OK;
  ps->dtd_loaded = 1;
  XML_Parser sub = XML_ExternalEntityParserCreate(parser, NULL, NULL);
  if (!sub) return XML_STATUS_ERROR;
  enum XML_Status st = XML_Parse(sub, ps->dtd.data, (int)ps->dtd.len, XML_TRUE);
  XML_ParserFree(sub);
  return st;
}

/* ---- the parse ---------------------------------------------------------- */

static pl10n_status check_encoding(const char *name, const char *data,
                                   size_t len, pl10n_error *err) {
  const unsigned char *b = (const unsigned char *)data;
  /* A byte order mark, or "<" as UTF-16 ("<\0" or "\0<"). */
  if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) ||
                   (b[0] == '<' && b[1] == 0) || (b[0] == 0 && b[1] == '<')))
    return error_set(err, PL10N_ERR_ENCODING, name, 1, 1,
                     "UTF-16 pages are not supported; convert the file to UTF-8");
  return PL10N_OK;
}

static void free_state(parser_state *ps) {
  for (size_t i = 0; i < ps->units_cap; i++) {
    pl10n_buf_release(&ps->units[i].text);
    pl10n_buf_release(&ps->units[i].inlines);
    pl10n_buf_release(&ps->units[i].placeholders);
    pl10n_buf_release(&ps->units[i].values);
    pl10n_buf_release(&ps->units[i].comments);
  }
  free(ps->units);
  free(ps->frames);
  pl10n_buf_release(&ps->dtd);
  pl10n_buf_release(&ps->scratch);
  pl10n_buf_release(&ps->value_text);
  pl10n_buf_release(&ps->content_text);
  strmap_free(&ps->declared);
  free(ps->doctype_system_id);
}

pl10n_status pl10n_page_parse(const char *name, const char *data, size_t len,
                              const pl10n_parse_options *options,
                              pl10n_page **out, pl10n_error *err) {
  *out = NULL;
  if (!name) name = "-";
  size_t max_bytes = options && options->max_bytes ? options->max_bytes
                                                    : DEFAULT_MAX_BYTES;
  if (len > max_bytes || len > INT32_MAX)
    return error_set(err, PL10N_ERR_LIMIT, name, 0, 0,
                     "file is larger than the limit of %zu bytes", max_bytes);
  pl10n_status st = check_encoding(name, data, len, err);
  if (st != PL10N_OK) return st;
  pl10n_page *page = calloc(1, sizeof *page);
  if (!page) return error_set(err, PL10N_ERR_NOMEM, name, 0, 0, "out of memory");
  page->name = strdup(name);
  page->data = data;
  page->len = len;
  page->root_lang = NO_STRING;
  parser_state ps;
  memset(&ps, 0, sizeof ps);
  ps.page = page;
  ps.name = name;
  strmap empty_map = STRMAP_INIT;
  ps.declared = empty_map;
  ps.options = options;
  ps.err = err;
  ps.max_depth = options && options->max_depth ? options->max_depth
                                               : DEFAULT_MAX_DEPTH;
  ps.keep_content = options && options->keep_content;
  ps.pos_line = 1;
  ps.has_cr = memchr(data, '\r', len) != NULL;
  if (!page->name) {
    free(page);
    return error_set(err, PL10N_ERR_NOMEM, name, 0, 0, "out of memory");
  }
  ps.parser = XML_ParserCreateNS(NULL, '\1');
  if (!ps.parser) {
    pl10n_page_free(page);
    return error_set(err, PL10N_ERR_NOMEM, name, 0, 0, "out of memory");
  }
  XML_Parser p = ps.parser;
  xml_salt_parser(p);
  XML_SetReturnNSTriplet(p, XML_TRUE);
  XML_SetUserData(p, &ps);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  ps.text_handler = 1;
  XML_SetCommentHandler(p, on_comment);
  XML_SetProcessingInstructionHandler(p, on_pi);
  XML_SetXmlDeclHandler(p, on_xml_decl);
  XML_SetSkippedEntityHandler(p, on_skipped_entity);
  XML_SetEntityDeclHandler(p, on_entity_decl);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  /* Parameter entities reach on_external_entity, which refuses them. */
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE);
  XML_SetExternalEntityRefHandler(p, on_external_entity);
  st = entities_build_dtd(data, len, &ps.dtd);
  if (st == PL10N_OK && ps.dtd.len) XML_UseForeignDTD(p, XML_TRUE);
  if (st != PL10N_OK) {
    ps.status = error_set(err, st, name, 0, 0, "%s", pl10n_strerror(st));
  } else if (XML_Parse(p, data, (int)len, XML_TRUE) == XML_STATUS_ERROR &&
             ps.status == PL10N_OK) {
    enum XML_Error code = XML_GetErrorCode(p);
    XML_Index at = XML_GetCurrentByteIndex(p);
    int name_len = 0;
    if (code == XML_ERROR_UNDEFINED_ENTITY && at >= 0 && (size_t)at < len) {
      /* At the reference itself, or at the start tag whose attribute
         holds it: the first reference that is not predefined. */
      const char *amp = data + at;
      const char *stop = data[at] == '<' ? memchr(data + at, '>', len - (size_t)at) : NULL;
      if (stop) {
        for (amp = memchr(data + at, '&', (size_t)(stop - (data + at))); amp;
             amp = memchr(amp + 1, '&', (size_t)(stop - amp - 1))) {
          if (amp[1] == '#') continue;
          static const char *const predefined[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
          int known = 0;
          for (size_t i = 0; i < 5; i++)
            known |= strncmp(amp + 1, predefined[i], strlen(predefined[i])) == 0;
          if (!known) break;
        }
      }
      if (amp && *amp == '&') {
        at = amp - data;
        while ((size_t)at + 1 + (size_t)name_len < len && name_len < 64 &&
               data[at + 1 + name_len] != ';')
          name_len++;
      }
    }
    if (name_len)
      ps.status = error_set(err, PL10N_ERR_XML, name,
                            (unsigned long)XML_GetCurrentLineNumber(p),
                            (unsigned long)XML_GetCurrentColumnNumber(p) + 1,
                            "undefined entity &%.*s;", name_len, data + at + 1);
    else
      ps.status = error_set(
          err, code == XML_ERROR_NO_MEMORY ? PL10N_ERR_NOMEM : PL10N_ERR_XML, name,
          (unsigned long)XML_GetCurrentLineNumber(p),
          (unsigned long)XML_GetCurrentColumnNumber(p) + 1, "%s",
          XML_ErrorString(code));
  }
  XML_ParserFree(p);
  st = ps.status;
  free_state(&ps);
  if (st != PL10N_OK) {
    pl10n_page_free(page);
    return st;
  }
  *out = page;
  return PL10N_OK;
}

void pl10n_page_free(pl10n_page *page) {
  if (!page) return;
  free(page->name);
  pl10n_buf_release(&page->strings);
  pl10n_buf_release(&page->messages);
  pl10n_buf_release(&page->parts);
  pl10n_buf_release(&page->splices);
  pl10n_buf_release(&page->regions);
  pl10n_buf_release(&page->content);
  free(page);
}

const char *pl10n_page_language(const pl10n_page *page) {
  return page_string(page, page->root_lang);
}

size_t pl10n_page_message_count(const pl10n_page *page) {
  return PAGE_MESSAGE_COUNT(page);
}

void pl10n_page_message(const pl10n_page *page, size_t i, pl10n_message *msg) {
  const page_message *m = &PAGE_MESSAGES(page)[i];
  msg->kind = (pl10n_message_kind)m->kind;
  msg->msgctxt = page_string(page, m->msgctxt);
  msg->msgid = page_string(page, m->msgid);
  msg->msgid_plural = page_string(page, m->msgid_plural);
  msg->has_count = m->count != NO_STRING;
  msg->comments = page_string(page, m->comments);
  msg->line = m->line;
  msg->column = m->column;
  msg->preserve_space = m->preserve_space;
}

size_t pl10n_page_content_count(const pl10n_page *page) {
  return BUF_COUNT(&page->content, page_content);
}

const char *pl10n_page_content(const pl10n_page *page, size_t i,
                               unsigned long *line, unsigned long *column) {
  const page_content *c = &BUF_ITEMS(&page->content, page_content)[i];
  if (line) *line = c->line;
  if (column) *column = c->column;
  return page_string(page, c->text);
}
