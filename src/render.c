/* render.c - writing a page for one locale: the raw input bytes, with the
   splices the parse recorded applied (translated chrome text and attribute
   values, language attributes).  Nothing outside a splice is re-serialized.
   The output is a list of pieces (pl10n_pieces): slices of the page's own
   bytes and of the text render generated, written with one writev; the
   bytes of the page are never copied on the way. */
#include "render.h"

#include "buf.h"
#include "catalog.h"
#include "error.h"
#include "entities.h"
#include "format.h"
#include "its.h"
#include "page.h"
#include "translation.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A piece: LEN bytes at OFFSET in the page, or in the generated text when
   GENERATED is set. */
typedef struct piece {
  uint32_t offset;
  uint32_t len : 31;
  uint32_t generated : 1;
} piece;

struct pl10n_pieces {
  pl10n_buf text;   /* generated text */
  pl10n_buf pieces; /* piece items, in output order */
  pl10n_buf iov;    /* struct iovec items, made when asked for */
  size_t size;      /* bytes in all */
};

pl10n_pieces *pl10n_pieces_new(void) { return calloc(1, sizeof(pl10n_pieces)); }

void pl10n_pieces_free(pl10n_pieces *out) {
  if (!out) return;
  pl10n_buf_release(&out->text);
  pl10n_buf_release(&out->pieces);
  pl10n_buf_release(&out->iov);
  free(out);
}

size_t pl10n_pieces_size(const pl10n_pieces *out) { return out->size; }

static void pieces_clear(pl10n_pieces *out) {
  buf_clear(&out->text);
  buf_clear(&out->pieces);
  buf_clear(&out->iov);
  out->size = 0;
}

/* Records LEN bytes at OFFSET (of the page, or of the generated text),
   joined to the piece before when they follow it. */
static pl10n_status pieces_add(pl10n_pieces *out, int generated, size_t offset,
                               size_t len) {
  if (!len) return PL10N_OK;
  if (len > INT32_MAX || offset > UINT32_MAX) return PL10N_ERR_LIMIT;
  size_t n = BUF_COUNT(&out->pieces, piece);
  piece *last = n ? &BUF_ITEMS(&out->pieces, piece)[n - 1] : NULL;
  if (last && last->generated == (unsigned)generated &&
      last->offset + last->len == offset && last->len + len <= INT32_MAX) {
    last->len += (uint32_t)len;
  } else {
    piece p = {(uint32_t)offset, (uint32_t)len, (uint32_t)generated};
    pl10n_status st = buf_push_item(&out->pieces, &p, sizeof p);
    if (st != PL10N_OK) return st;
  }
  out->size += len;
  return PL10N_OK;
}

pl10n_status pl10n_pieces_iov(pl10n_pieces *out, const pl10n_page *page,
                              const struct iovec **iov_out, size_t *count) {
  size_t n = BUF_COUNT(&out->pieces, piece);
  buf_clear(&out->iov);
  *iov_out = NULL;
  *count = 0;
  if (!n) return PL10N_OK;
  pl10n_status st = buf_reserve(&out->iov, n * sizeof(struct iovec));
  if (st != PL10N_OK) return st;
  struct iovec *iov = BUF_ITEMS(&out->iov, struct iovec);
  const piece *p = BUF_ITEMS(&out->pieces, piece);
  for (size_t i = 0; i < n; i++) {
    const char *base = p[i].generated ? out->text.data : page->data;
    iov[i].iov_base = (void *)(base + p[i].offset);
    iov[i].iov_len = p[i].len;
  }
  out->iov.len = n * sizeof(struct iovec);
  *iov_out = iov;
  *count = n;
  return PL10N_OK;
}

typedef struct render_ctx {
  const pl10n_page *page;
  const pl10n_render_options *opt;
  pl10n_pieces *out;
  const render_choice *choice; /* per message, NULL ops = source text */
  const char *content_language;
  pl10n_formats *formats;
  pl10n_status st;
  pl10n_error *err;
  pl10n_buf value;             /* scratch for formatted values */
} render_ctx;

static void put(render_ctx *r, const char *s, size_t n) {
  if (r->st != PL10N_OK || !n) return;
  size_t at = r->out->text.len;
  r->st = buf_append(&r->out->text, s, n);
  if (r->st == PL10N_OK) r->st = pieces_add(r->out, 1, at, n);
}

static void put_str(render_ctx *r, const char *s) { put(r, s, strlen(s)); }

static void put_raw(render_ctx *r, uint32_t a, uint32_t b) {
  if (b > a && r->st == PL10N_OK) r->st = pieces_add(r->out, 0, a, b - a);
}

/* Writes decoded text escaped for element content (QUOTE 0) or for an
   attribute value quoted with QUOTE; non-ASCII becomes character
   references when the page's encoding is not UTF-8. */
static void put_escaped(render_ctx *r, const char *s, size_t n, char quote) {
  size_t start = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *entity = NULL;
    char ref[16];
    size_t skip = 1;
    if (c == '&') entity = "&amp;";
    else if (c == '<') entity = "&lt;";
    else if (c == '>') entity = "&gt;";
    else if (quote && c == (unsigned char)quote) entity = c == '"' ? "&quot;" : "&apos;";
    else if (quote && (c == '\t' || c == '\n' || c == '\r')) {
      snprintf(ref, sizeof ref, "&#%u;", c);
      entity = ref;
    } else if (c >= 0x80 && r->page->ascii_output) {
      unsigned cp;
      int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
      for (int k = 1; k < len && i + (size_t)k < n; k++)
        cp = (cp << 6) | ((unsigned char)s[i + (size_t)k] & 0x3F);
      snprintf(ref, sizeof ref, "&#x%X;", cp);
      entity = ref;
      skip = (size_t)len;
    }
    if (!entity) continue;
    put(r, s + start, i - start);
    put_str(r, entity);
    i += skip - 1;
    start = i + 1;
  }
  put(r, s + start, n - start);
}

/* Marks an element's language the way the page does: XHTML pages with
   lang (and xml:lang when the root has it), other XML with xml:lang when
   the root uses it, and not at all otherwise. */
static void put_lang_attributes(render_ctx *r, const char *tag) {
  if (r->page->is_xhtml) {
    put_str(r, " lang=\"");
    put_escaped(r, tag, strlen(tag), '"');
    put_str(r, "\"");
  }
  if (r->page->has_xml_lang) {
    put_str(r, " xml:lang=\"");
    put_escaped(r, tag, strlen(tag), '"');
    put_str(r, "\"");
  }
}

static void emit_range(render_ctx *r, uint32_t a, uint32_t b, uint32_t first);

/* The language the element of message M inherits in the output: from an
   ancestor below the root that declares one, from the content region it
   lies in (which render marks with the content's language), or from the
   root, which carries the target locale. */
static const char *inherited_language(const render_ctx *r, const page_message *m) {
  const pl10n_page *page = r->page;
  if (m->inherited_lang != NO_STRING) return page_string(page, m->inherited_lang);
  if (m->region != NO_STRING) {
    const page_region *g = &PAGE_REGIONS(page)[m->region];
    if (g->has_text && !pl10n_locale_match(r->opt->locale, r->content_language))
      return r->content_language;
  }
  return r->opt->locale;
}

static const page_part *message_parts(const pl10n_page *page,
                                      const page_message *m) {
  return PAGE_PARTS(page) + m->first_part;
}

static void emit_translation(render_ctx *r, const page_message *m,
                             const render_choice *c);

/* Writes value NAME of message M: the value element's own tags around the
   value written for the text's language (text values: the element as it
   is).  A {NAME} the message has no value for is written as it stands. */
static void emit_value(render_ctx *r, const page_message *m,
                       const render_choice *c, const char *name, size_t len) {
  const page_part *v = message_parts(r->page, m) + m->n_inline + m->n_placeholders;
  for (uint32_t i = 0; i < m->n_values; i++, v++) {
    const char *vname = page_string(r->page, v->name);
    if (strlen(vname) != len || memcmp(vname, name, len) != 0) continue;
    if (v->format == VALUE_TEXT) {
      emit_range(r, v->tag_begin, v->close_end, v->first_splice);
      return;
    }
    char reason[256];
    buf_clear(&r->value);
    pl10n_status st = format_value(r->formats, c->language, (int)v->format,
                                   page_string(r->page, v->value), &r->value,
                                   reason, sizeof reason);
    if (st != PL10N_OK) {
      if (r->st == PL10N_OK)
        error_set(r->err, st, r->page->name, m->line, m->column, "value {%s}: %s",
                  vname, st == PL10N_ERR_XML ? reason : pl10n_strerror(st));
      r->st = st;
      return;
    }
    emit_range(r, v->tag_begin, v->tag_end, v->first_splice);
    put_escaped(r, r->value.data, r->value.len, 0);
    put_raw(r, v->close_begin, v->close_end);
    return;
  }
  put_str(r, "{");
  put_escaped(r, name, len, 0);
  put_str(r, "}");
}

/* Writes the translation of text message M from its operations. */
static void emit_translation(render_ctx *r, const page_message *m,
                             const render_choice *c) {
  const page_part *parts = message_parts(r->page, m);
  size_t pos = 0;
  translation_step step;
  while (translation_next(c->ops, c->ops_len, &pos, &step)) {
    uint32_t k = step.index;
    switch (step.op) {
      case OP_TEXT:
        put_escaped(r, step.text, step.len, 0);
        break;
      case OP_OPEN:
      case OP_CLOSE: {
        if (c->inline_map) k = c->inline_map[k];
        if (k >= m->n_inline) { r->st = PL10N_ERR_USAGE; return; }
        const page_part *p = &parts[k];
        if (step.op == OP_OPEN) emit_range(r, p->tag_begin, p->tag_end, p->first_splice);
        else put_raw(r, p->close_begin, p->close_end);
        break;
      }
      case OP_VALUE:
        emit_value(r, m, c, step.text, step.len);
        break;
      case OP_PLACEHOLDER: {
        if (c->placeholder_map) k = c->placeholder_map[k];
        if (k >= m->n_placeholders) { r->st = PL10N_ERR_USAGE; return; }
        const page_part *p = &parts[m->n_inline + k];
        emit_range(r, p->tag_begin, p->close_end, p->first_splice);
        break;
      }
      default:
        r->st = PL10N_ERR_USAGE;
        return;
    }
  }
}

/* The length of the whitespace character at P (before END) in any spelling
   that folds to a space in the msgid: a raw one, a character reference or
   an HTML named reference; 0 when P starts something else. */
static size_t space_at(const char *p, const char *end) {
  if (*p == '&') {
    const char *semi = memchr(p, ';', (size_t)(end - p));
    if (!semi || semi - p > 40) return 0;
    UChar32 c = -1;
    if (p[1] == '#') {
      c = (UChar32)(p[2] == 'x' || p[2] == 'X' ? strtol(p + 3, NULL, 16)
                                                : strtol(p + 2, NULL, 10));
    } else {
      const char *utf8 = entities_lookup(p + 1, (size_t)(semi - p - 1));
      if (utf8) {
        int32_t i = 0, n = (int32_t)strlen(utf8);
        U8_NEXT(utf8, i, n, c);
        if (i != n) c = -1; /* several characters */
      }
    }
    return c >= 0 && u_isspace(c) ? (size_t)(semi - p + 1) : 0;
  }
  UChar32 c;
  int32_t i = 0, n = (int32_t)(end - p < 4 ? end - p : 4);
  U8_NEXT(p, i, n, c);
  return c >= 0 && u_isspace(c) ? (size_t)i : 0;
}

/* Narrows [*A, *B) of raw element content to what lies between its leading
   and trailing whitespace, which a translation keeps. */
static void space_around(const char *data, uint32_t *a, uint32_t *b) {
  const char *p = data + *a, *end = data + *b;
  size_t n;
  while (p < end && (n = space_at(p, end)) > 0) p += n;
  *a = (uint32_t)(p - data);
  const char *last = p; /* end of the last thing that is not whitespace */
  while (p < end) {
    if ((n = space_at(p, end)) > 0) { p += n; continue; }
    if (*p == '<') {
      const char *gt = memchr(p, '>', (size_t)(end - p));
      p = gt ? gt + 1 : end;
    } else if (*p == '&') {
      const char *semi = memchr(p, ';', (size_t)(end - p));
      p = semi ? semi + 1 : p + 1;
    } else {
      p++;
      while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
    }
    last = p;
  }
  *b = (uint32_t)(last - data);
}

static void emit_splice(render_ctx *r, uint32_t i) {
  const page_splice *s = &PAGE_SPLICES(r->page)[i];
  const pl10n_page *page = r->page;
  switch ((splice_kind)s->kind) {
    case SPLICE_NONE:
      emit_range(r, s->begin, s->end, i + 1);
      return;
    case SPLICE_TEXT: {
      const page_message *m = &PAGE_MESSAGES(page)[s->ref];
      const render_choice *c = &r->choice[s->ref];
      if (!c->ops) {
        emit_range(r, s->begin, s->end, i + 1);
        return;
      }
      uint32_t a = s->begin, b = s->end;
      if (!m->preserve_space) space_around(page->data, &a, &b);
      put_raw(r, s->begin, a);
      emit_translation(r, m, c);
      put_raw(r, b, s->end);
      return;
    }
    case SPLICE_ATTRIBUTE: {
      const render_choice *c = &r->choice[s->ref];
      if (!c->ops) {
        put_raw(r, s->begin, s->end);
        return;
      }
      size_t pos = 0;
      translation_step step;
      while (translation_next(c->ops, c->ops_len, &pos, &step))
        if (step.op == OP_TEXT) put_escaped(r, step.text, step.len, s->quote);
      return;
    }
    case SPLICE_ROOT_LANG:
      if (s->begin == s->end) {
        put_str(r, " lang=\"");
        put_escaped(r, r->opt->locale, strlen(r->opt->locale), '"');
        put_str(r, "\"");
      } else {
        put_escaped(r, r->opt->locale, strlen(r->opt->locale), s->quote);
      }
      return;
    case SPLICE_ROOT_XML_LANG:
      put_escaped(r, r->opt->locale, strlen(r->opt->locale), s->quote);
      return;
    case SPLICE_REGION_LANG: {
      const page_region *g = &PAGE_REGIONS(page)[s->ref];
      if (g->has_text && g->lang == NO_STRING &&
          !pl10n_locale_match(r->opt->locale, r->content_language))
        put_lang_attributes(r, r->content_language);
      return;
    }
    case SPLICE_MESSAGE_LANG:
    case SPLICE_MESSAGE_XML_LANG: {
      /* The page's own text keeps its marking.  Written text takes its own
         language, and needs none when it inherits that one. */
      const page_message *m = &PAGE_MESSAGES(page)[s->ref];
      const render_choice *c = &r->choice[s->ref];
      if (!c->ops) {
        put_raw(r, s->begin, s->end);
      } else if (!pl10n_locale_match(inherited_language(r, m), c->language)) {
        put_str(r, s->kind == SPLICE_MESSAGE_LANG ? " lang=\"" : " xml:lang=\"");
        put_escaped(r, c->language, strlen(c->language), '"');
        put_str(r, "\"");
      }
      return;
    }
    case SPLICE_FALLBACK_LANG: {
      /* Chrome in another language than it inherits says so. */
      if (s->ref == NO_STRING) return;
      const page_message *m = &PAGE_MESSAGES(page)[s->ref];
      const render_choice *c = &r->choice[s->ref];
      if (!pl10n_locale_match(inherited_language(r, m), c->language))
        put_lang_attributes(r, c->language);
      return;
    }
  }
}

/* Copies [A, B) applying the splices from index FIRST that lie inside it. */
static void emit_range(render_ctx *r, uint32_t a, uint32_t b, uint32_t first) {
  const page_splice *splices = PAGE_SPLICES(r->page);
  uint32_t n = (uint32_t)PAGE_SPLICE_COUNT(r->page);
  uint32_t pos = a;
  for (uint32_t i = first; i < n && splices[i].begin < b && r->st == PL10N_OK;) {
    const page_splice *s = &splices[i];
    if (s->begin < pos) { i = s->after; continue; } /* not ours */
    /* A splice that keeps the page's own bytes is looked through, not
       entered: its nested splices follow it.  (No recursion for deeply
       nested chrome without translations.) */
    if (s->kind == SPLICE_NONE ||
        (s->kind == SPLICE_TEXT && !r->choice[s->ref].ops)) {
      i++;
      continue;
    }
    put_raw(r, pos, s->begin);
    emit_splice(r, i);
    pos = s->end;
    i = s->after;
  }
  put_raw(r, pos, b);
}

pl10n_status pl10n_render_pieces(const pl10n_page *page,
                                 const pl10n_render_options *opt,
                                 pl10n_pieces *out, pl10n_render_stats *stats,
                                 pl10n_error *err) {
  pieces_clear(out);
  if (!opt || !opt->locale)
    return error_set(err, PL10N_ERR_USAGE, page->name, 0, 0, "no locale given");
  render_plan plan;
  pl10n_status st = render_plan_make(page, opt, &plan, err);
  if (st != PL10N_OK) return st;
  pl10n_formats *own_formats = NULL;
  if (!opt->formats && !(own_formats = pl10n_formats_new(NULL, NAN))) {
    render_plan_free(&plan);
    return error_set(err, PL10N_ERR_NOMEM, page->name, 0, 0, "out of memory");
  }
  render_ctx r = {page, opt, out, plan.choices,
                  plan.content_language,
                  opt->formats ? opt->formats : own_formats,
                  PL10N_OK, err, PL10N_BUF_INIT};
  emit_range(&r, 0, (uint32_t)page->len, 0);
  if (stats) *stats = plan.stats;
  render_plan_free(&plan);
  pl10n_buf_release(&r.value);
  pl10n_formats_free(own_formats);
  if (r.st != PL10N_OK && err && err->status == r.st) return r.st;
  if (r.st != PL10N_OK)
    return error_set(err, r.st, page->name, 0, 0, "%s", pl10n_strerror(r.st));
  return PL10N_OK;
}

pl10n_status pl10n_render(const pl10n_page *page,
                          const pl10n_render_options *opt, pl10n_buf *out,
                          pl10n_render_stats *stats, pl10n_error *err) {
  pl10n_pieces *pieces = pl10n_pieces_new();
  if (!pieces) return error_set(err, PL10N_ERR_NOMEM, page->name, 0, 0, "out of memory");
  pl10n_status st = pl10n_render_pieces(page, opt, pieces, stats, err);
  const struct iovec *iov = NULL;
  size_t n = 0;
  if (st == PL10N_OK) st = buf_reserve(out, pieces->size);
  if (st == PL10N_OK) st = pl10n_pieces_iov(pieces, page, &iov, &n);
  if (st == PL10N_OK) {
    /* Room was made above: these appends cannot fail. */
    for (size_t i = 0; i < n; i++) buf_append(out, iov[i].iov_base, iov[i].iov_len);
  } else if (err && err->status != st) {
    error_set(err, st, page->name, 0, 0, "%s", pl10n_strerror(st));
  }
  pl10n_pieces_free(pieces);
  return st;
}
