/* translation.c - parsing msgid and msgstr fragments with Expat, matching
   the msgstr's elements against the msgid's, and emitting operations. */
#include "translation.h"

#include "buf.h"
#include "entities.h"
#include "its.h"
#include "text.h"
#include "xml_salt.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROOT "_pagel10n_fragment"

enum event_kind { EV_START, EV_END, EV_TEXT };

/* A fragment as a flat list of events; strings live in POOL. */
typedef struct fragment_event {
  uint8_t kind;
  uint32_t name;     /* START: qname offset */
  uint32_t attrs;    /* START: canonical attributes offset */
  uint32_t text;     /* TEXT: offset */
  uint32_t len;      /* TEXT: length */
  uint32_t partner;  /* START: index of its END */
} fragment_event;

typedef struct fragment {
  pl10n_buf events;  /* fragment_event */
  pl10n_buf pool;
  pl10n_buf stack;   /* uint32_t indices of open START events */
  char reason[256];
  int failed;
  XML_Parser parser;
  int depth;         /* element depth, the wrapper element being 1 */
  int canonical;     /* parsing for translation_canonical() */
} fragment;

static void fragment_fail(fragment *f, const char *fmt, ...) {
  if (f->failed) return;
  f->failed = 1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->reason, sizeof f->reason, fmt, ap);
  va_end(ap);
  if (f->parser) XML_StopParser(f->parser, XML_FALSE);
}

static uint32_t pool_add(fragment *f, const char *s, size_t len) {
  uint32_t off = (uint32_t)f->pool.len;
  if (buf_append(&f->pool, s, len) != PL10N_OK ||
      buf_append_char(&f->pool, '\0') != PL10N_OK)
    fragment_fail(f, "out of memory");
  return off;
}

static void push_event(fragment *f, const fragment_event *e) {
  if (buf_push_item(&f->events, e, sizeof *e) != PL10N_OK)
    fragment_fail(f, "out of memory");
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "name=value\1name=value" with attributes sorted by name, so that the
   same attributes in another order compare equal.  With SKIP_TRANSLATED,
   the attributes that are messages of their own (title, aria-label) are
   left out: a rendered page shows them translated. */
static uint32_t canonical_attributes(fragment *f, const char **atts,
                                     int skip_translated) {
  size_t n = 0;
  while (atts[n]) n += 2;
  const char **names = malloc((n / 2 + 1) * sizeof *names);
  if (!names) { fragment_fail(f, "out of memory"); return 0; }
  for (size_t i = 0; i < n; i += 2) names[i / 2] = atts[i];
  qsort(names, n / 2, sizeof *names, compare_strings);
  uint32_t off = (uint32_t)f->pool.len;
  for (size_t k = 0; k < n / 2; k++) {
    if (skip_translated && its_inline_attribute_is_message(names[k])) continue;
    const char *value = "";
    for (size_t i = 0; i < n; i += 2)
      if (atts[i] == names[k]) value = atts[i + 1];
    if (f->pool.len > off) buf_append_char(&f->pool, '\1');
    buf_append_str(&f->pool, names[k]);
    buf_append_char(&f->pool, '=');
    buf_append_str(&f->pool, value);
  }
  if (buf_append_char(&f->pool, '\0') != PL10N_OK) fragment_fail(f, "out of memory");
  free(names);
  return off;
}

static void XMLCALL on_start(void *user, const XML_Char *name,
                             const XML_Char **atts) {
  fragment *f = user;
  if (f->failed || f->depth++ == 0) return; /* the wrapper element */
  fragment_event e = {EV_START, 0, 0, 0, 0, 0};
  e.name = pool_add(f, name, strlen(name));
  e.attrs = canonical_attributes(f, atts, f->canonical);
  uint32_t index = (uint32_t)BUF_COUNT(&f->events, fragment_event);
  push_event(f, &e);
  if (buf_push_item(&f->stack, &index, sizeof index) != PL10N_OK)
    fragment_fail(f, "out of memory");
}

static void XMLCALL on_end(void *user, const XML_Char *name) {
  fragment *f = user;
  (void)name;
  if (f->failed || --f->depth == 0) return; /* the wrapper element */
  f->stack.len -= sizeof(uint32_t);
  uint32_t start = *(uint32_t *)(void *)(f->stack.data + f->stack.len);
  uint32_t index = (uint32_t)BUF_COUNT(&f->events, fragment_event);
  fragment_event e = {EV_END, 0, 0, 0, 0, start};
  push_event(f, &e);
  if (!f->failed) BUF_ITEMS(&f->events, fragment_event)[start].partner = index;
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len) {
  fragment *f = user;
  if (f->failed) return;
  size_t n = BUF_COUNT(&f->events, fragment_event);
  fragment_event *last = n ? &BUF_ITEMS(&f->events, fragment_event)[n - 1] : NULL;
  /* Expat delivers text in pieces; keep one event per run of text. */
  if (last && last->kind == EV_TEXT && last->text + last->len + 1 == f->pool.len) {
    f->pool.len--; /* drop the NUL, extend, re-terminate */
    if (buf_append(&f->pool, s, (size_t)len) != PL10N_OK ||
        buf_append_char(&f->pool, '\0') != PL10N_OK) {
      fragment_fail(f, "out of memory");
      return;
    }
    last->len += (uint32_t)len;
    return;
  }
  fragment_event e = {EV_TEXT, 0, 0, 0, (uint32_t)len, 0};
  e.text = pool_add(f, s, (size_t)len);
  push_event(f, &e);
}

static void XMLCALL on_comment(void *user, const XML_Char *data) {
  (void)data;
  fragment_fail(user, "comments are not allowed");
}

static void XMLCALL on_pi(void *user, const XML_Char *target,
                          const XML_Char *data) {
  (void)data;
  fragment_fail(user, "processing instruction <?%s?> is not allowed", target);
}

static void XMLCALL on_skipped(void *user, const XML_Char *name, int pe) {
  (void)pe;
  fragment_fail(user, "undefined entity &%s;", name);
}

static int XMLCALL on_external(XML_Parser p, const XML_Char *context,
                               const XML_Char *base, const XML_Char *system_id,
                               const XML_Char *public_id) {
  (void)context; (void)base; (void)system_id; (void)public_id;
  fragment_fail(XML_GetUserData(p), "external entities are not allowed");
  return XML_STATUS_ERROR;
}

/* Parses TEXT as the content of an element. */
static void fragment_parse(fragment *f, const char *text, int canonical) {
  memset(f, 0, sizeof *f);
  f->canonical = canonical;
  pl10n_buf doc = PL10N_BUF_INIT, dtd = PL10N_BUF_INIT;
  size_t len = strlen(text);
  if (entities_build_dtd(text, len, &dtd) != PL10N_OK ||
      buf_append_str(&doc, "<!DOCTYPE " ROOT " [\n") != PL10N_OK ||
      buf_append(&doc, dtd.data ? dtd.data : "", dtd.len) != PL10N_OK ||
      buf_append_str(&doc, "]><" ROOT ">") != PL10N_OK) {
    fragment_fail(f, "out of memory");
    goto done;
  }
  size_t prefix = doc.len;
  if (buf_append(&doc, text, len) != PL10N_OK ||
      buf_append_str(&doc, "</" ROOT ">") != PL10N_OK) {
    fragment_fail(f, "out of memory");
    goto done;
  }
  f->parser = XML_ParserCreate("UTF-8");
  if (!f->parser) { fragment_fail(f, "out of memory"); goto done; }
  xml_salt_parser(f->parser);
  XML_SetUserData(f->parser, f);
  XML_SetElementHandler(f->parser, on_start, on_end);
  XML_SetCharacterDataHandler(f->parser, on_text);
  XML_SetCommentHandler(f->parser, on_comment);
  XML_SetProcessingInstructionHandler(f->parser, on_pi);
  XML_SetSkippedEntityHandler(f->parser, on_skipped);
  XML_SetExternalEntityRefHandler(f->parser, on_external);
  if (XML_Parse(f->parser, doc.data, (int)doc.len, XML_TRUE) == XML_STATUS_ERROR &&
      !f->failed) {
    long at = (long)XML_GetCurrentByteIndex(f->parser) - (long)prefix;
    enum XML_Error code = XML_GetErrorCode(f->parser);
    if (at >= (long)len && code == XML_ERROR_JUNK_AFTER_DOC_ELEMENT)
      fragment_fail(f, "not well-formed: closes an element it did not open");
    else if (at >= 0 && at <= (long)len)
      fragment_fail(f, "not well-formed at byte %ld: %s", at + 1,
                    XML_ErrorString(code));
    else
      fragment_fail(f, "not well-formed: %s", XML_ErrorString(code));
  }
  XML_ParserFree(f->parser);
  f->parser = NULL;
done:
  pl10n_buf_release(&doc);
  pl10n_buf_release(&dtd);
}

static void fragment_free(fragment *f) {
  pl10n_buf_release(&f->events);
  pl10n_buf_release(&f->pool);
  pl10n_buf_release(&f->stack);
}

/* ---- operations -------------------------------------------------------- */

static pl10n_status put_op(pl10n_buf *ops, int op, uint32_t index,
                           const char *text, uint32_t len) {
  unsigned char head[9];
  head[0] = (unsigned char)op;
  memcpy(head + 1, &index, 4);
  memcpy(head + 5, &len, 4);
  pl10n_status st = buf_append(ops, head, sizeof head);
  if (st == PL10N_OK && len) st = buf_append(ops, text, len);
  return st;
}

pl10n_status translation_put_form(pl10n_buf *ops, uint32_t index) {
  return put_op(ops, OP_FORM, index, NULL, 0);
}

int translation_form(const char **ops, uint32_t *len, uint32_t index) {
  size_t pos = 0, begin = 0;
  int found = 0;
  translation_step step;
  while (translation_next(*ops, *len, &pos, &step)) {
    if (step.op != OP_FORM) continue;
    if (found) {
      *len = (uint32_t)(pos - 9 - begin);
      *ops += begin;
      return 1;
    }
    if (step.index == index) {
      found = 1;
      begin = pos;
    }
  }
  if (!found) return 0;
  *len -= (uint32_t)begin;
  *ops += begin;
  return 1;
}

int translation_next(const char *ops, size_t len, size_t *pos,
                     translation_step *step) {
  if (*pos + 9 > len) return 0;
  const char *p = ops + *pos;
  uint32_t n;
  step->op = (unsigned char)p[0];
  memcpy(&step->index, p + 1, 4);
  memcpy(&n, p + 5, 4);
  step->text = p + 9;
  step->len = n;
  *pos += 9 + n;
  return 1;
}

static int is_placeholder(const char *qname) {
  return qname[0] == '_' && qname[1] == ':';
}

static const char *pool_str(const fragment *f, uint32_t off) {
  return f->pool.data + off;
}

/* Builds the reason for an element of the msgstr that matches nothing. */
static void describe_mismatch(const fragment *src, const fragment *dst,
                              const fragment_event *e, char *reason,
                              size_t size) {
  const char *name = pool_str(dst, e->name);
  const fragment_event *se = BUF_ITEMS(&src->events, fragment_event);
  size_t n = BUF_COUNT(&src->events, fragment_event);
  int same_name = 0;
  for (size_t i = 0; i < n; i++) {
    if (se[i].kind != EV_START || strcmp(pool_str(src, se[i].name), name) != 0)
      continue;
    same_name = 1;
    if (strcmp(pool_str(src, se[i].attrs), pool_str(dst, e->attrs)) == 0) {
      snprintf(reason, size, "<%s%s> is used more often than in the source text",
               name, is_placeholder(name) ? "/" : "");
      return;
    }
  }
  if (same_name) {
    snprintf(reason, size,
             "element <%s> has attributes that differ from the source text", name);
    return;
  }
  if (is_placeholder(name))
    snprintf(reason, size, "placeholder <%s/> is not in the source text", name);
  else
    snprintf(reason, size, "element <%s> is not in the source text", name);
}

/* ---- {NAME} values ------------------------------------------------------ */

#define MAX_TOKENS 16

typedef struct token_list {
  char names[MAX_TOKENS][32];
  int count[MAX_TOKENS];
  int n;
} token_list;

/* The length of a {NAME} token at S (0 when there is none). */
static size_t token_at(const char *s, size_t len) {
  if (len < 3 || s[0] != '{') return 0;
  size_t i = 1;
  if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
    return 0;
  while (i < len && i < 32 &&
         ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
          (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
    i++;
  return i < len && s[i] == '}' ? i + 1 : 0;
}

static int token_find(const token_list *t, const char *name, size_t len) {
  for (int i = 0; i < t->n; i++)
    if (strlen(t->names[i]) == len && memcmp(t->names[i], name, len) == 0) return i;
  return -1;
}

/* Counts the {NAME} tokens of TEXT into T. */
static void collect_tokens(const char *text, token_list *t) {
  for (size_t i = 0, len = strlen(text); i < len; i++) {
    size_t n = token_at(text + i, len - i);
    if (!n) continue;
    int k = token_find(t, text + i + 1, n - 2);
    if (k < 0 && t->n < MAX_TOKENS) {
      k = t->n++;
      memcpy(t->names[k], text + i + 1, n - 2);
      t->names[k][n - 2] = '\0';
      t->count[k] = 0;
    }
    if (k >= 0) t->count[k]++;
    i += n - 1;
  }
}

/* Appends TEXT as TEXT and VALUE operations, counting the values used.
   Returns PL10N_ERR_XML for a {NAME} the source does not have. */
static pl10n_status put_text(pl10n_buf *ops, const char *text, size_t len,
                             const token_list *source, token_list *used,
                             char *reason, size_t reason_size) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    size_t n = token_at(text + i, len - i);
    if (!n) continue;
    int k = token_find(source, text + i + 1, n - 2);
    if (k < 0) {
      snprintf(reason, reason_size, "placeholder %.*s is not in the source text",
               (int)n, text + i);
      return PL10N_ERR_XML;
    }
    used->count[k]++;
    pl10n_status st = PL10N_OK;
    if (i > start) st = put_op(ops, OP_TEXT, 0, text + start, (uint32_t)(i - start));
    if (st == PL10N_OK)
      st = put_op(ops, OP_VALUE, (uint32_t)k, text + i + 1, (uint32_t)(n - 2));
    if (st != PL10N_OK) return st;
    i += n - 1;
    start = i + 1;
  }
  return len > start ? put_op(ops, OP_TEXT, 0, text + start, (uint32_t)(len - start))
                     : PL10N_OK;
}

pl10n_status translation_compile(const char *msgid, const char *msgid_plural,
                                 const char *msgstr, int attribute,
                                 pl10n_buf *ops, char *reason,
                                 size_t reason_size) {
  token_list source, values_used;
  memset(&source, 0, sizeof source);
  collect_tokens(msgid, &source);
  token_list singular = source;
  if (msgid_plural) collect_tokens(msgid_plural, &source);
  values_used = source;
  for (int i = 0; i < values_used.n; i++) values_used.count[i] = 0;
  fragment src, dst;
  fragment_parse(&src, msgid, 0);
  fragment_parse(&dst, msgstr, 0);
  pl10n_status st = PL10N_OK;
  size_t nsrc = BUF_COUNT(&src.events, fragment_event);
  size_t ndst = BUF_COUNT(&dst.events, fragment_event);
  const fragment_event *se = BUF_ITEMS(&src.events, fragment_event);
  const fragment_event *de = BUF_ITEMS(&dst.events, fragment_event);
  /* Which msgid element (its inline or placeholder number) each msgstr
     START maps to, and which msgid elements are used. */
  uint32_t *map = calloc(ndst + 1, sizeof *map);
  unsigned char *used = calloc(nsrc + 1, 1);
  uint32_t *number = calloc(nsrc + 1, sizeof *number);
  size_t old_len = ops->len;
  if (!map || !used || !number) {
    snprintf(reason, reason_size, "out of memory");
    st = PL10N_ERR_NOMEM;
    goto done;
  }
  if (src.failed) {
    snprintf(reason, reason_size, "the msgid itself is not well-formed: %s",
             src.reason);
    st = PL10N_ERR_XML;
    goto done;
  }
  if (dst.failed) {
    snprintf(reason, reason_size, "%s", dst.reason);
    st = PL10N_ERR_XML;
    goto done;
  }
  /* Number the msgid's elements: inline ones and placeholders apart. */
  uint32_t inline_count = 0, placeholder_count = 0;
  for (size_t i = 0; i < nsrc; i++) {
    if (se[i].kind != EV_START) continue;
    number[i] = is_placeholder(pool_str(&src, se[i].name)) ? placeholder_count++
                                                           : inline_count++;
  }
  for (size_t j = 0; j < ndst && st == PL10N_OK; j++) {
    if (de[j].kind != EV_START) continue;
    const char *name = pool_str(&dst, de[j].name);
    if (attribute) {
      snprintf(reason, reason_size,
               "element <%s> in the translation of an attribute value", name);
      st = PL10N_ERR_XML;
      break;
    }
    size_t match = nsrc;
    for (size_t i = 0; i < nsrc; i++) {
      if (se[i].kind == EV_START && !used[i] &&
          strcmp(pool_str(&src, se[i].name), name) == 0 &&
          strcmp(pool_str(&src, se[i].attrs), pool_str(&dst, de[j].attrs)) == 0) {
        match = i;
        break;
      }
    }
    if (match == nsrc) {
      describe_mismatch(&src, &dst, &de[j], reason, reason_size);
      st = PL10N_ERR_XML;
      break;
    }
    /* An element that is empty in the source stays empty. */
    int src_empty = se[match].partner == match + 1;
    int dst_empty = de[j].partner == j + 1;
    if (src_empty && !dst_empty) {
      snprintf(reason, reason_size, "element <%s> must stay empty", name);
      st = PL10N_ERR_XML;
      break;
    }
    used[match] = 1;
    map[j] = (uint32_t)match;
  }
  for (size_t i = 0; i < nsrc && st == PL10N_OK; i++) {
    if (se[i].kind == EV_START && !used[i]) {
      const char *name = pool_str(&src, se[i].name);
      if (is_placeholder(name))
        snprintf(reason, reason_size, "placeholder <%s/> is missing", name);
      else
        snprintf(reason, reason_size, "element <%s> of the source text is missing",
                 name);
      st = PL10N_ERR_XML;
    }
  }
  for (size_t j = 0; j < ndst && st == PL10N_OK; j++) {
    if (de[j].kind == EV_TEXT) {
      st = put_text(ops, pool_str(&dst, de[j].text), de[j].len, &source,
                    &values_used, reason, reason_size);
      if (st != PL10N_OK) break;
    } else if (de[j].kind == EV_START) {
      uint32_t i = map[j];
      if (is_placeholder(pool_str(&src, se[i].name)))
        st = put_op(ops, OP_PLACEHOLDER, number[i], NULL, 0);
      else
        st = put_op(ops, OP_OPEN, number[i], NULL, 0);
    } else {
      uint32_t i = map[de[j].partner];
      if (!is_placeholder(pool_str(&src, se[i].name)))
        st = put_op(ops, OP_CLOSE, number[i], NULL, 0);
    }
    if (st == PL10N_ERR_NOMEM) snprintf(reason, reason_size, "out of memory");
  }
  /* Outside plural forms every value of the msgid is used as often. */
  for (int k = 0; k < singular.n && st == PL10N_OK && !msgid_plural; k++) {
    if (values_used.count[k] != singular.count[k]) {
      snprintf(reason, reason_size,
               "placeholder {%s} appears %d time%s, but %d time%s in the source text",
               singular.names[k], values_used.count[k],
               values_used.count[k] == 1 ? "" : "s", singular.count[k],
               singular.count[k] == 1 ? "" : "s");
      st = PL10N_ERR_XML;
    }
  }
done:
  if (st != PL10N_OK) buf_truncate(ops, old_len);
  free(map);
  free(used);
  free(number);
  fragment_free(&src);
  fragment_free(&dst);
  return st;
}

pl10n_status translation_canonical(const char *text, pl10n_buf *out) {
  fragment f;
  fragment_parse(&f, text, 1);
  pl10n_status st = f.failed ? PL10N_ERR_XML : PL10N_OK;
  size_t start = out->len;
  const fragment_event *ev = BUF_ITEMS(&f.events, fragment_event);
  size_t n = BUF_COUNT(&f.events, fragment_event);
  for (size_t i = 0; i < n && st == PL10N_OK; i++) {
    if (ev[i].kind == EV_TEXT) {
      st = buf_append_xml_escaped(out, pool_str(&f, ev[i].text), ev[i].len, 0);
    } else if (ev[i].kind == EV_START) {
      const char *name = pool_str(&f, ev[i].name);
      st = buf_append_char(out, '<');
      if (st == PL10N_OK && is_placeholder(name)) {
        size_t len = strlen(name);
        while (len > 2 && name[len - 1] >= '0' && name[len - 1] <= '9') len--;
        st = buf_append(out, name, len);
      } else if (st == PL10N_OK) {
        st = buf_append_str(out, name);
        if (st == PL10N_OK) st = buf_append_char(out, '\1');
        if (st == PL10N_OK) st = buf_append_str(out, pool_str(&f, ev[i].attrs));
      }
      if (st == PL10N_OK) st = buf_append_char(out, '>');
    } else {
      st = buf_append_str(out, "</>");
    }
  }
  if (st == PL10N_OK) st = text_normalize(out, start, 0);
  fragment_free(&f);
  return st;
}
