/* plan.c - deciding, for each chrome message of a page, what render writes:
   the target catalog's translation, the source text, or (for pages whose
   chrome is in another catalog's language) the mapping back to the msgid. */
#include "render.h"

#include "buf.h"
#include "catalog.h"
#include "error.h"
#include "format.h"
#include "page.h"
#include "plural.h"
#include "translation.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_MAP UINT32_MAX

enum { OPS_NONE, OPS_SOURCE, OPS_CATALOG };

/* Where a message of a re-localized page came from. */
typedef struct origin {
  pl10n_catalog *catalog; /* catalog whose translation the page shows */
  catalog_entry *entry;   /* NULL: the page shows the msgid itself */
} origin;

static const char *message_text(const pl10n_page *page, const page_message *m) {
  return page_string(page, m->msgid);
}

static const char *message_context(const pl10n_page *page, const page_message *m) {
  return page_string(page, m->msgctxt);
}

/* All catalogs the plan may consult: the target's and the others. */
static size_t catalog_list(const pl10n_render_options *opt,
                           pl10n_catalog **list, size_t max) {
  size_t n = 0;
  if (opt->catalog && n < max) list[n++] = opt->catalog;
  for (size_t i = 0; i < opt->n_others && n < max; i++)
    if (opt->others[i] != opt->catalog) list[n++] = opt->others[i];
  return n;
}

/* The entry of a page message in CAT: by its msgid, or, for a plural
   message whose page shows the plural form, by its msgid_plural. */
static catalog_entry *find_message(pl10n_catalog *cat, const char *ctxt,
                                   const char *msgid, const char *msgid_plural) {
  catalog_entry *e = catalog_find(cat, ctxt, msgid);
  if (!e && msgid_plural && strcmp(msgid, msgid_plural) == 0)
    e = catalog_find_plural(cat, ctxt, msgid_plural);
  return e;
}

static int known_msgid(pl10n_catalog **cats, size_t n, const char *ctxt,
                       const char *msgid, const char *msgid_plural) {
  for (size_t i = 0; i < n; i++)
    if (find_message(cats[i], ctxt, msgid, msgid_plural)) return 1;
  return 0;
}

/* Finds which catalog's language the page's chrome is written in.  Sets
   *PAGE_CATALOG to NULL when the chrome is in the source language. */
static pl10n_status detect_language(const pl10n_page *page, pl10n_catalog **cats,
                                    size_t n, pl10n_catalog **page_catalog,
                                    pl10n_error *err) {
  *page_catalog = NULL;
  size_t votes[16] = {0}, source_votes = 0;
  size_t count = PAGE_MESSAGE_COUNT(page);
  const page_message *msgs = PAGE_MESSAGES(page);
  for (size_t i = 0; i < count; i++) {
    const char *ctxt = message_context(page, &msgs[i]);
    const char *text = message_text(page, &msgs[i]);
    if (known_msgid(cats, n, ctxt, text, page_string(page, msgs[i].msgid_plural))) {
      source_votes++;
      continue;
    }
    for (size_t c = 0; c < n; c++) {
      catalog_entry *e, *other;
      if (catalog_find_by_translation(cats[c], ctxt, text, &e, &other)) votes[c]++;
    }
  }
  size_t best = n;
  for (size_t c = 0; c < n; c++)
    if (votes[c] && (best == n || votes[c] > votes[best])) best = c;
  if (best == n || votes[best] < source_votes) return PL10N_OK;
  for (size_t c = 0; c < n; c++) {
    if (c != best && votes[c] == votes[best] &&
        !pl10n_locale_match(pl10n_catalog_language(cats[c]),
                            pl10n_catalog_language(cats[best])))
      return error_set(err, PL10N_ERR_AMBIGUOUS, page->name, 0, 0,
                       "the chrome matches catalogs %s and %s equally well",
                       pl10n_catalog_path(cats[best]), pl10n_catalog_path(cats[c]));
  }
  *page_catalog = cats[best];
  return PL10N_OK;
}

/* Records, for msgid element number k, the page element that shows it:
   the page's elements appear in the order of the msgstr's operations. */
static pl10n_status build_maps(render_plan *plan, pl10n_catalog *cat,
                               const catalog_entry *e, const page_message *m,
                               uint32_t *inline_off, uint32_t *placeholder_off) {
  uint32_t base = (uint32_t)BUF_COUNT(&plan->maps, uint32_t);
  uint32_t total = m->n_inline + m->n_placeholders;
  if (total == 0) return PL10N_OK; /* nothing to map: the maps stay unset */
  for (uint32_t i = 0; i < total; i++) {
    uint32_t none = NO_MAP;
    pl10n_status st = buf_push_item(&plan->maps, &none, sizeof none);
    if (st != PL10N_OK) return st;
  }
  uint32_t *map = BUF_ITEMS(&plan->maps, uint32_t) + base;
  uint32_t next_inline = 0, next_placeholder = 0;
  size_t pos = 0;
  translation_step step;
  const char *ops = buf_at(&cat->ops, e->ops);
  while (translation_next(ops, e->ops_len, &pos, &step)) {
    if (step.op == OP_OPEN && step.index < m->n_inline)
      map[step.index] = next_inline++;
    else if (step.op == OP_PLACEHOLDER && step.index < m->n_placeholders)
      map[m->n_inline + step.index] = next_placeholder++;
  }
  *inline_off = base;
  *placeholder_off = base + m->n_inline;
  return PL10N_OK;
}

/* The operations that write the source text FORM (the msgid or its plural)
   itself, for pages rendered in the source language. */
static pl10n_status source_ops(render_plan *plan, const char *msgid,
                               const char *msgid_plural, const char *form,
                               uint32_t *off, uint32_t *len) {
  /* The source always checks against itself; failure means no memory. */
  char reason[128];
  *off = (uint32_t)plan->source_ops.len;
  pl10n_status st = translation_compile(msgid, msgid_plural, form, 0,
                                        &plan->source_ops, reason, sizeof reason);
  *len = (uint32_t)(plan->source_ops.len - *off);
  return st;
}

/* The count of a plural message: its count value read as a whole number. */
static pl10n_status message_count(const pl10n_page *page, const page_message *m,
                                  double *n, pl10n_error *err) {
  const page_part *v = PAGE_PARTS(page) + m->first_part + m->n_inline +
                       m->n_placeholders + m->count;
  const char *raw = page_string(page, v->value);
  double value;
  if (!format_parse_number(raw, &value) || fabs(value) > 4e18)
    return error_set(err, PL10N_ERR_XML, page->name, m->line, m->column,
                     "the count {%s} is \"%s\", not a number",
                     page_string(page, v->name), raw);
  *n = fabs(value); /* -3 items are counted like 3 */
  return PL10N_OK;
}

pl10n_status render_plan_make(const pl10n_page *page,
                              const pl10n_render_options *opt,
                              render_plan *plan, pl10n_error *err) {
  memset(plan, 0, sizeof *plan);
  const char *source = opt->source_language ? opt->source_language : "en";
  size_t count = PAGE_MESSAGE_COUNT(page);
  const page_message *msgs = PAGE_MESSAGES(page);
  plan->choices = calloc(count + 1, sizeof *plan->choices);
  /* Per message: operations offset, the buffer it is in, two map offsets.
     Pointers are taken only at the end: the buffers grow meanwhile. */
  uint32_t *offsets = calloc(4 * count + 1, sizeof *offsets);
  if (!plan->choices || !offsets) {
    free(offsets);
    render_plan_free(plan);
    return error_set(err, PL10N_ERR_NOMEM, page->name, 0, 0, "out of memory");
  }
  pl10n_catalog *cats[16];
  size_t n = catalog_list(opt, cats, 16);
  pl10n_catalog *page_catalog = NULL;
  pl10n_status st = PL10N_OK;
  if (n) st = detect_language(page, cats, n, &page_catalog, err);
  const char *page_language = page_catalog ? pl10n_catalog_language(page_catalog)
                                           : source;
  plan->stats.page_language = page_language;
  /* Unmarked content keeps the language the page declared, unless the
     chrome was in a catalog's language: then the content is the source's. */
  plan->content_language = page_catalog ? source
                           : page->root_lang != NO_STRING
                               ? page_string(page, page->root_lang)
                               : source;
  plural_rule source_plural;
  int have_source_plural = 0;
  for (size_t i = 0; i < count && st == PL10N_OK; i++) {
    const page_message *m = &msgs[i];
    render_choice *c = &plan->choices[i];
    const char *ctxt = message_context(page, m);
    const char *text = message_text(page, m);
    uint32_t *o = &offsets[4 * i];
    o[0] = o[2] = o[3] = NO_MAP;
    o[1] = OPS_NONE;
    c->language = page_language;
    const char *msgid = text;
    const char *msgid_plural = page_string(page, m->msgid_plural);
    double number = 0;
    int counted = 0;
    if (page_catalog && !known_msgid(cats, n, ctxt, text, msgid_plural)) {
      catalog_entry *e = NULL, *other = NULL;
      uint32_t form = 0;
      int found = catalog_find_form_by_translation(page_catalog, ctxt, text, &e,
                                                   &other, &form);
      if (found == 2) {
        st = error_set(err, PL10N_ERR_AMBIGUOUS, page->name, m->line, m->column,
                       "\"%s\" is the translation of both \"%s\" and \"%s\" in %s",
                       text, catalog_string(page_catalog, e->msgid),
                       catalog_string(page_catalog, other->msgid),
                       pl10n_catalog_path(page_catalog));
        break;
      }
      if (!found) {
        plan->stats.unknown++;
        if (opt->diagnostic) {
          char message[1024];
          snprintf(message, sizeof message,
                   "chrome \"%s\" is in no catalog; kept as it is", text);
          pl10n_diagnostic d = {PL10N_WARNING, page->name, m->line, m->column,
                                message};
          opt->diagnostic(opt->diagnostic_user, &d);
        }
        continue;
      }
      msgid = catalog_string(page_catalog, e->msgid);
      msgid_plural = catalog_string(page_catalog, e->msgid_plural);
      if (msgid_plural && m->count == NO_STRING) {
        /* The form left the count out ("Isang sagot"): a count that the
           page catalog's rule puts in that form stands for it. */
        for (int k = 0; k <= 1000 && !counted; k++)
          if (plural_index(&page_catalog->plural, k) == (int)form) {
            number = k;
            counted = 1;
          }
      }
      if (m->kind == PL10N_MESSAGE_TEXT && m->n_inline + m->n_placeholders) {
        st = build_maps(plan, page_catalog, e, m, &o[2], &o[3]);
        if (st != PL10N_OK) break;
      }
    }
    if (m->count != NO_STRING) {
      if ((st = message_count(page, m, &number, err)) != PL10N_OK) break;
    } else if (msgid_plural && !counted) {
      st = error_set(err, PL10N_ERR_XML, page->name, m->line, m->column, "%s",
                     PLURAL_NEEDS_COUNT);
      break;
    }
    catalog_entry *t = opt->catalog ? find_message(opt->catalog, ctxt, msgid, msgid_plural)
                                    : NULL;
    if (t && t->msgid_plural != CATALOG_NONE) {
      /* The catalog's forms are the source's: the page may show either. */
      msgid = catalog_string(opt->catalog, t->msgid);
      msgid_plural = catalog_string(opt->catalog, t->msgid_plural);
    }
    const char *ops;
    uint32_t ops_len;
    if (t && catalog_accept(opt->catalog, t) &&
        catalog_ops(opt->catalog, t, number, &ops, &ops_len)) {
      o[0] = (uint32_t)(ops - opt->catalog->ops.data);
      o[1] = OPS_CATALOG;
      c->ops_len = ops_len;
      c->language = opt->locale;
      plan->stats.translated++;
      continue;
    }
    c->language = source;
    if (!opt->catalog && pl10n_locale_match(opt->locale, source))
      plan->stats.translated++; /* already in the target language */
    else
      plan->stats.fallback++;
    if (t && t->state == ENTRY_REJECTED) plan->stats.rejected++;
    /* The source text, written from the msgid where the page's own text
       will not do: re-localized chrome, values and plurals. */
    if (msgid == text && m->n_values == 0 && !msgid_plural) continue;
    const char *form = msgid;
    if (msgid_plural) {
      if (!have_source_plural && plural_from_cldr(source, &source_plural) == PL10N_OK)
        have_source_plural = 1;
      if (!have_source_plural || plural_index(&source_plural, number) != 0)
        form = msgid_plural;
    }
    st = source_ops(plan, msgid, msgid_plural, form, &o[0], &c->ops_len);
    o[1] = OPS_SOURCE;
  }
  if (have_source_plural) plural_free(&source_plural);
  /* Storage is complete: turn offsets into pointers. */
  for (size_t i = 0; i < count && st == PL10N_OK; i++) {
    render_choice *c = &plan->choices[i];
    const uint32_t *o = &offsets[4 * i];
    if (o[1] == OPS_SOURCE) c->ops = buf_at(&plan->source_ops, o[0]);
    else if (o[1] == OPS_CATALOG) c->ops = buf_at(&opt->catalog->ops, o[0]);
    if (o[2] != NO_MAP) c->inline_map = BUF_ITEMS(&plan->maps, uint32_t) + o[2];
    if (o[3] != NO_MAP) c->placeholder_map = BUF_ITEMS(&plan->maps, uint32_t) + o[3];
  }
  free(offsets);
  if (st != PL10N_OK) {
    if (err && err->status != st)
      error_set(err, st, page->name, 0, 0, "%s", pl10n_strerror(st));
    render_plan_free(plan);
  }
  return st;
}

void render_plan_free(render_plan *plan) {
  free(plan->choices);
  plan->choices = NULL;
  pl10n_buf_release(&plan->maps);
  pl10n_buf_release(&plan->source_ops);
}
