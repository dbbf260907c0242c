/* check.c - coverage and translation QA: what each catalog translates of
   the expected messages, what render would reject or get wrong in it, and
   how the chrome of given pages stands (fallbacks, mixed languages, text
   that looks like unmarked chrome).  Findings only; printing is the
   caller's. */
#include "check.h"

#include "buf.h"
#include "catalog.h"
#include "error.h"
#include "page.h"
#include "plural.h"
#include "pofile.h"
#include "text.h"
#include "translation.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Numbers 0..PLURAL_RANGE are compared between Plural-Forms and CLDR. */
#define PLURAL_RANGE 1000
/* How many numbers, or strings, a finding quotes before "...". */
#define QUOTE_NUMBERS 5
#define QUOTE_STRINGS 6
/* Code points of a msgid quoted in a finding before it is cut. */
#define QUOTE_CHARS 60
/* Languages told apart on one page (a bit each). */
#define MAX_PAGE_LANGUAGES 64

/* ---- the string pool and findings -------------------------------------- */

static void note(pl10n_check *c, pl10n_status st) {
  if (st != PL10N_OK && c->failed == PL10N_OK) c->failed = st;
}

static const char *pool(const pl10n_check *c, uint32_t off) {
  return off == CHECK_NONE ? NULL : c->strings.data + off;
}

static uint32_t intern_n(pl10n_check *c, const char *s, size_t len) {
  if (!s) return CHECK_NONE;
  uint32_t off = (uint32_t)c->strings.len;
  pl10n_status st = PL10N_OK;
  if (c->strings.data && s >= c->strings.data && s < c->strings.data + off) {
    /* A string of the pool itself: it moves when the pool grows. */
    size_t from = (size_t)(s - c->strings.data);
    st = buf_reserve(&c->strings, len + 1);
    s = c->strings.data + from;
  }
  if (st == PL10N_OK) st = buf_append(&c->strings, s, len);
  if (st == PL10N_OK) st = buf_append_char(&c->strings, '\0');
  note(c, st);
  return st == PL10N_OK ? off : CHECK_NONE;
}

static uint32_t intern(pl10n_check *c, const char *s) {
  return intern_n(c, s, s ? strlen(s) : 0);
}

/* Appends TEXT in double quotes, cut after QUOTE_CHARS code points. */
static void append_quoted(pl10n_check *c, pl10n_buf *b, const char *text) {
  pl10n_status st = buf_append_char(b, '"');
  size_t chars = 0;
  const char *p = text;
  for (; *p && st == PL10N_OK; p++) {
    if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > QUOTE_CHARS) break;
    if (*p == '\n') st = buf_append_str(b, "\\n");
    else if (*p == '"') st = buf_append_str(b, "\\\"");
    else st = buf_append_char(b, *p);
  }
  if (st == PL10N_OK && *p) st = buf_append_str(b, "\xE2\x80\xA6"); /* ... */
  if (st == PL10N_OK) st = buf_append_char(b, '"');
  note(c, st);
}

static void append_text(pl10n_check *c, pl10n_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void append_text(pl10n_check *c, pl10n_buf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  pl10n_status st = n < 0 ? PL10N_ERR_NOMEM : buf_reserve(b, (size_t)n);
  if (st == PL10N_OK) {
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
  note(c, st);
}

/* What a finding is about, besides its message. */
typedef struct finding_at {
  uint32_t file;
  unsigned long line, column;
  uint32_t locale;
  const char *msgctxt, *msgid;
} finding_at;

static void add_finding(pl10n_check *c, pl10n_buf *list, pl10n_check_level level,
                        const char *code, const finding_at *at,
                        const char *message) {
  check_finding f;
  memset(&f, 0, sizeof f);
  f.code = code;
  f.level = (uint8_t)level;
  f.file = at->file;
  f.line = (uint32_t)at->line;
  f.column = (uint32_t)at->column;
  f.locale = at->locale;
  f.msgctxt = intern(c, at->msgctxt);
  f.msgid = intern(c, at->msgid);
  f.message = intern(c, message);
  f.order = c->next_order++;
  note(c, buf_push_item(list, &f, sizeof f));
}

static int by_position(const void *a, const void *b) {
  const check_finding *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->column != y->column) return x->column < y->column ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void sort_findings(pl10n_buf *list) {
  size_t n = BUF_COUNT(list, check_finding);
  if (n > 1) qsort(list->data, n, sizeof(check_finding), by_position);
}

/* ---- text helpers --------------------------------------------------------- */

/* The look-up key of the catalogs: NFC(msgctxt) EOT NFC(msgid); text that
   is not UTF-8 is kept as it is. */
static pl10n_status make_key(pl10n_buf *key, const char *msgctxt, const char *msgid) {
  buf_clear(key);
  pl10n_status st = PL10N_OK;
  if (msgctxt) {
    st = text_append_nfc(key, msgctxt, strlen(msgctxt));
    if (st == PL10N_ERR_ENCODING) st = buf_append_str(key, msgctxt);
    if (st == PL10N_OK) st = buf_append_char(key, '\4');
  }
  if (st == PL10N_OK) {
    size_t start = key->len;
    st = text_append_nfc(key, msgid, strlen(msgid));
    if (st == PL10N_ERR_ENCODING) {
      buf_truncate(key, start);
      st = buf_append_str(key, msgid);
    }
  }
  return st;
}

/* The code point before byte END of S (END > 0), and where it starts. */
static UChar32 last_char(const char *s, int32_t end, int32_t *start) {
  UChar32 c;
  U8_PREV(s, 0, end, c);
  *start = end;
  return c;
}

/* Whether TEXT has a letter outside markup (<...>) and references (&...;). */
static int has_letters(const char *text) {
  int32_t i = 0, n = (int32_t)strlen(text);
  while (i < n) {
    if (text[i] == '<' || text[i] == '&') {
      char close = text[i] == '<' ? '>' : ';';
      const char *end = strchr(text + i, close);
      if (end) { i = (int32_t)(end - text) + 1; continue; }
    }
    UChar32 c;
    U8_NEXT(text, i, n, c);
    if (c >= 0 && u_isalpha(c)) return 1;
  }
  return 0;
}

static int starts_with_space(const char *text) {
  int32_t i = 0, n = (int32_t)strlen(text);
  if (!n) return 0;
  UChar32 c;
  U8_NEXT(text, i, n, c);
  return c >= 0 && u_isspace(c);
}

static int ends_with_space(const char *text) {
  int32_t n = (int32_t)strlen(text), start;
  if (!n) return 0;
  UChar32 c = last_char(text, n, &start);
  return c >= 0 && u_isspace(c);
}

enum { PUNCT_NONE, PUNCT_STOP, PUNCT_EXCLAMATION, PUNCT_QUESTION, PUNCT_COLON,
       PUNCT_ELLIPSIS };

/* The class of the final punctuation of TEXT (after trailing whitespace and
   end tags), with the mark itself in MARK.  Full-width and other scripts'
   forms of a mark are the same class: a translation may use them. */
static int final_punctuation(const char *text, char *mark, size_t size) {
  int32_t end = (int32_t)strlen(text);
  for (;;) {
    while (end > 0) {
      int32_t start;
      UChar32 c = last_char(text, end, &start);
      if (c < 0 || !u_isspace(c)) break;
      end = start;
    }
    if (end > 0 && text[end - 1] == '>') {
      int32_t lt = end - 1;
      while (lt > 0 && text[lt] != '<') lt--;
      if (text[lt] == '<' && text[lt + 1] == '/') { end = lt; continue; }
    }
    break;
  }
  mark[0] = '\0';
  if (end == 0) return PUNCT_NONE;
  int32_t start;
  UChar32 c = last_char(text, end, &start);
  int cls;
  switch (c) {
    case '.':
      cls = end >= 3 && strncmp(text + end - 3, "...", 3) == 0 ? PUNCT_ELLIPSIS
                                                               : PUNCT_STOP;
      break;
    case 0x3002: case 0xFF0E: case 0xFF61: case 0x06D4: case 0x0964:
      cls = PUNCT_STOP; break;
    case '!': case 0xFF01: cls = PUNCT_EXCLAMATION; break;
    case '?': case 0xFF1F: case 0x061F: cls = PUNCT_QUESTION; break;
    case ':': case 0xFF1A: cls = PUNCT_COLON; break;
    case 0x2026: cls = PUNCT_ELLIPSIS; break;
    default: return PUNCT_NONE;
  }
  if (cls == PUNCT_ELLIPSIS && c == '.') start = end - 3;
  snprintf(mark, size, "%.*s", (int)(end - start), text + start);
  return cls;
}

/* ---- options and the expected messages ------------------------------------ */

pl10n_check *pl10n_check_new(const pl10n_check_options *options) {
  pl10n_check *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  strmap empty = STRMAP_INIT;
  c->index = empty;
  c->by_msgid = empty;
  const char *source = options && options->source_language ? options->source_language
                                                           : "en";
  c->source_language = strdup(source);
  int ok = c->source_language != NULL;
  if (options && options->n_locales) {
    c->locales = calloc(options->n_locales, sizeof *c->locales);
    ok = ok && c->locales;
    for (size_t i = 0; ok && i < options->n_locales; i++) {
      char tag[64];
      const char *want = options->locales[i];
      if (pl10n_locale_tag(want, tag, sizeof tag) == PL10N_OK) want = tag;
      ok = (c->locales[i] = strdup(want)) != NULL;
      c->n_locales = i + 1;
    }
  }
  if (options) c->min_coverage = options->min_coverage;
  if (!ok) {
    pl10n_check_free(c);
    return NULL;
  }
  return c;
}

void pl10n_check_free(pl10n_check *c) {
  if (!c) return;
  check_message *m = BUF_ITEMS(&c->messages, check_message);
  for (size_t i = 0; i < BUF_COUNT(&c->messages, check_message); i++)
    pl10n_buf_release(&m[i].refs);
  check_locale *l = BUF_ITEMS(&c->catalogs, check_locale);
  for (size_t i = 0; i < BUF_COUNT(&c->catalogs, check_locale); i++) {
    pl10n_buf_release(&l[i].missing);
    pl10n_buf_release(&l[i].findings);
    pl10n_catalog_free(l[i].catalog);
  }
  check_page *p = BUF_ITEMS(&c->pages, check_page);
  for (size_t i = 0; i < BUF_COUNT(&c->pages, check_page); i++) {
    pl10n_buf_release(&p[i].chrome);
    pl10n_buf_release(&p[i].findings);
  }
  for (size_t i = 0; i < c->n_locales; i++) free(c->locales[i]);
  free(c->locales);
  free(c->source_language);
  pl10n_buf_release(&c->strings);
  pl10n_buf_release(&c->messages);
  pl10n_buf_release(&c->catalogs);
  pl10n_buf_release(&c->pages);
  pl10n_buf_release(&c->key);
  pl10n_buf_release(&c->scratch);
  strmap_free(&c->index);
  strmap_free(&c->by_msgid);
  free(c);
}

const char *pl10n_check_level_name(pl10n_check_level level) {
  switch (level) {
    case PL10N_CHECK_INFO: return "info";
    case PL10N_CHECK_WARNING: return "warning";
    case PL10N_CHECK_ERROR: return "error";
  }
  return "error";
}

/* The expected message (MSGCTXT, MSGID), or CHECK_NONE. */
static uint32_t find_message(pl10n_check *c, const char *msgctxt, const char *msgid) {
  uint32_t index;
  if (make_key(&c->key, msgctxt, msgid) != PL10N_OK ||
      !strmap_get(&c->index, c->key.data, c->key.len, &index))
    return CHECK_NONE;
  return index;
}

/* Adds (MSGCTXT, MSGID) unless present, and the reference FILE:LINE. */
static void add_message(pl10n_check *c, const char *msgctxt, const char *msgid,
                        const char *msgid_plural, const char *file,
                        unsigned long line) {
  uint32_t index = (uint32_t)BUF_COUNT(&c->messages, check_message), existing;
  int inserted;
  pl10n_status st = make_key(&c->key, msgctxt, msgid);
  if (st == PL10N_OK)
    st = strmap_put(&c->index, c->key.data, c->key.len, index, &inserted, &existing);
  if (st != PL10N_OK) { note(c, st); return; }
  if (inserted) {
    check_message m;
    memset(&m, 0, sizeof m);
    m.msgctxt = intern(c, msgctxt);
    m.msgid = intern(c, msgid);
    m.msgid_plural = intern(c, msgid_plural);
    note(c, buf_push_item(&c->messages, &m, sizeof m));
    st = make_key(&c->key, NULL, msgid);
    if (st == PL10N_OK)
      st = strmap_put(&c->by_msgid, c->key.data, c->key.len, index, &inserted, NULL);
    note(c, st);
  } else {
    index = existing;
  }
  if (file && index < BUF_COUNT(&c->messages, check_message)) {
    check_ref r = {intern(c, file), (uint32_t)line};
    note(c, buf_push_item(&BUF_ITEMS(&c->messages, check_message)[index].refs, &r,
                          sizeof r));
  }
}

static pl10n_status fail_nomem(pl10n_check *c, const char *file, pl10n_error *err) {
  return error_set(err, c->failed, file, 0, 0, "%s", pl10n_strerror(c->failed));
}

pl10n_status pl10n_check_read_pot(pl10n_check *c, const char *path,
                                  pl10n_error *err) {
  if (c->sealed)
    return error_set(err, PL10N_ERR_USAGE, path, 0, 0,
                     "the expected messages come before the catalogs");
  pl10n_error local;
  if (!err) err = &local;
  po_file_t file = pofile_read(path, NULL, NULL, 0, err);
  if (!file) {
    if (err->status == PL10N_ERR_IO) {
      FILE *f = fopen(path, "rb");
      if (!f) return error_set(err, PL10N_ERR_IO, path, 0, 0, "cannot open: %s",
                               strerror(errno));
      fclose(f);
    }
    return err->status;
  }
  po_message_iterator_t it = po_message_iterator(file, NULL);
  po_message_t m;
  while ((m = po_next_message(it)) != NULL) {
    const char *msgctxt = po_message_msgctxt(m), *msgid = po_message_msgid(m);
    if (po_message_is_obsolete(m) || (!msgctxt && !*msgid)) continue;
    add_message(c, msgctxt, msgid, po_message_msgid_plural(m), NULL, 0);
    uint32_t index = find_message(c, msgctxt, msgid);
    if (index == CHECK_NONE) continue;
    po_filepos_t pos;
    for (int i = 0; (pos = po_message_filepos(m, i)) != NULL; i++) {
      size_t line = po_filepos_start_line(pos);
      check_ref r = {intern(c, po_filepos_file(pos)),
                     line == (size_t)-1 ? 0 : (uint32_t)line};
      note(c, buf_push_item(&BUF_ITEMS(&c->messages, check_message)[index].refs, &r,
                            sizeof r));
    }
  }
  po_message_iterator_free(it);
  po_file_free(file);
  return c->failed ? fail_nomem(c, path, err) : PL10N_OK;
}

pl10n_status pl10n_check_add_template(pl10n_check *c, const pl10n_page *page,
                                      pl10n_error *err) {
  if (c->sealed)
    return error_set(err, PL10N_ERR_USAGE, page->name, 0, 0,
                     "the expected messages come before the catalogs");
  for (size_t i = 0; i < pl10n_page_message_count(page); i++) {
    pl10n_message m;
    pl10n_page_message(page, i, &m);
    add_message(c, m.msgctxt, m.msgid, m.msgid_plural, page->name, m.line);
  }
  return c->failed ? fail_nomem(c, page->name, err) : PL10N_OK;
}

/* ---- catalogs: QA of one entry -------------------------------------------- */

/* What the entry checks need to know about the catalog. */
typedef struct po_context {
  pl10n_check *c;
  check_locale *loc;
  const char *language;
  plural_rule rule;          /* the header's Plural-Forms */
  int has_rule;
  plural_rule cldr;          /* CLDR's rules for the language */
  int has_cldr;
  pl10n_buf ops;             /* scratch for translation_compile */
  size_t plural_entries;
  int syntax_errors;
} po_context;

/* " (msgstr[K])" after a finding about one form of a plural entry. */
static void append_form(pl10n_check *c, int plural, size_t k) {
  if (plural) append_text(c, &c->scratch, " (msgstr[%zu])", k);
}

static void check_entry(po_context *ctx, const finding_at *at, const char *plural,
                        const char *const *forms, size_t n_forms) {
  pl10n_check *c = ctx->c;
  pl10n_buf *list = &ctx->loc->findings;
  const char *msgid = at->msgid;
  char reason[256];
  /* Markup and placeholders, as catalog_accept() checks them for render. */
  for (size_t k = 0; k < n_forms; k++) {
    if (!*forms[k]) continue;
    buf_clear(&ctx->ops);
    if (translation_compile(msgid, plural, forms[k], 0, &ctx->ops, reason,
                            sizeof reason) == PL10N_OK)
      continue;
    buf_clear(&c->scratch);
    append_text(c, &c->scratch, "translation rejected: %s", reason);
    append_form(c, plural != NULL, k);
    add_finding(c, list, PL10N_CHECK_ERROR, "markup", at, c->scratch.data);
  }
  /* Plural forms: as many as the rule render uses has. */
  if (plural) {
    size_t empty = 0, first_empty = 0;
    for (size_t k = n_forms; k-- > 0;)
      if (!*forms[k]) { empty++; first_empty = k; }
    if (empty && empty < n_forms) {
      buf_clear(&c->scratch);
      append_text(c, &c->scratch,
                  "msgstr[%zu] is empty: render would write nothing for the "
                  "counts that use it", first_empty);
      add_finding(c, list, PL10N_CHECK_ERROR, "empty-form", at, c->scratch.data);
    }
    const plural_rule *rule = ctx->has_rule ? &ctx->rule : ctx->has_cldr ? &ctx->cldr
                                                                         : NULL;
    if (rule && n_forms != (size_t)rule->nplurals) {
      buf_clear(&c->scratch);
      if (ctx->has_rule)
        append_text(c, &c->scratch,
                    "%zu plural forms, but the header's Plural-Forms has nplurals=%d",
                    n_forms, rule->nplurals);
      else
        append_text(c, &c->scratch,
                    "%zu plural forms, but CLDR has %d for %s (the header has no "
                    "Plural-Forms)", n_forms, rule->nplurals, ctx->language);
      add_finding(c, list, PL10N_CHECK_ERROR, "plural-count", at, c->scratch.data);
    }
  }
  /* Whitespace at the ends, then the final punctuation: the first form
     that differs from its source text. */
  int space_done = 0, punct_done = 0, same = 1;
  for (size_t k = 0; k < n_forms; k++) {
    const char *form = forms[k];
    const char *source = k == 0 || !plural ? msgid : plural;
    if (strcmp(form, source) != 0) same = 0;
    if (!*form) continue;
    if (!space_done) {
      int a = starts_with_space(source), b = starts_with_space(form);
      const char *end = "starts";
      if (a == b) {
        a = ends_with_space(source);
        b = ends_with_space(form);
        end = "ends";
      }
      if (a != b) {
        buf_clear(&c->scratch);
        append_text(c, &c->scratch, "the %s %s with whitespace but the %s does not",
                    a ? "msgid" : "msgstr", end, a ? "msgstr" : "msgid");
        append_form(c, plural != NULL, k);
        add_finding(c, list, PL10N_CHECK_WARNING, "whitespace", at, c->scratch.data);
        space_done = 1;
      }
    }
    if (!punct_done) {
      char a_mark[16], b_mark[16];
      int a = final_punctuation(source, a_mark, sizeof a_mark);
      int b = final_punctuation(form, b_mark, sizeof b_mark);
      if (a != b) {
        buf_clear(&c->scratch);
        if (a && b)
          append_text(c, &c->scratch, "the msgid ends with \"%s\" but the msgstr "
                      "with \"%s\"", a_mark, b_mark);
        else if (a)
          append_text(c, &c->scratch, "the msgid ends with \"%s\" but the msgstr "
                      "does not", a_mark);
        else
          append_text(c, &c->scratch, "the msgstr ends with \"%s\" but the msgid "
                      "does not", b_mark);
        append_form(c, plural != NULL, k);
        add_finding(c, list, PL10N_CHECK_WARNING, "punctuation", at, c->scratch.data);
        punct_done = 1;
      }
    }
  }
  if (same && has_letters(msgid)) {
    buf_clear(&c->scratch);
    append_text(c, &c->scratch, "the msgstr is the same as the msgid ");
    append_quoted(c, &c->scratch, msgid);
    append_text(c, &c->scratch, " (left untranslated?)");
    add_finding(c, list, PL10N_CHECK_WARNING, "same-as-msgid", at, c->scratch.data);
  }
}

/* ---- catalogs: the header's plural rule ----------------------------------- */

static void append_numbers(pl10n_check *c, const unsigned long *n, size_t shown,
                           size_t total) {
  append_text(c, &c->scratch, "n = ");
  for (size_t i = 0; i < shown; i++)
    append_text(c, &c->scratch, "%s%lu", i ? ", " : "", n[i]);
  if (total > shown) append_text(c, &c->scratch, " ...");
}

static void append_categories(pl10n_check *c, const plural_rule *cldr) {
  for (int i = 0; i < cldr->nplurals; i++)
    append_text(c, &c->scratch, "%s%s", i ? ", " : "", cldr->categories[i]);
}

static void check_plural_header(po_context *ctx, const char *plural_forms,
                                const char *reason, const finding_at *at) {
  pl10n_check *c = ctx->c;
  pl10n_buf *list = &ctx->loc->findings;
  int has_plurals = ctx->plural_entries > 0;
  buf_clear(&c->scratch);
  if (!plural_forms) {
    if (!has_plurals) {
      add_finding(c, list, PL10N_CHECK_INFO, "plural-forms-missing", at,
                  "no Plural-Forms in the header (the catalog has no plural entries)");
    } else {
      append_text(c, &c->scratch, "no Plural-Forms in the header");
      if (ctx->has_cldr) {
        append_text(c, &c->scratch, "; render uses CLDR's rules for %s (%d forms: ",
                    ctx->language, ctx->cldr.nplurals);
        append_categories(c, &ctx->cldr);
        append_text(c, &c->scratch, ")");
      }
      add_finding(c, list, PL10N_CHECK_WARNING, "plural-forms-missing", at,
                  c->scratch.data);
    }
    return;
  }
  if (!ctx->has_rule) {
    append_text(c, &c->scratch, "bad Plural-Forms: %s", reason);
    add_finding(c, list, has_plurals ? PL10N_CHECK_ERROR : PL10N_CHECK_WARNING,
                "plural-forms-invalid", at, c->scratch.data);
    return;
  }
  unsigned long bad[QUOTE_NUMBERS], invalid[QUOTE_NUMBERS];
  size_t n_bad = 0, n_invalid = 0;
  for (unsigned long n = 0; n <= PLURAL_RANGE; n++) {
    int a = plural_index(&ctx->rule, n);
    if (a < 0) {
      if (n_invalid < QUOTE_NUMBERS) invalid[n_invalid] = n;
      n_invalid++;
    } else if (ctx->has_cldr && a != plural_index(&ctx->cldr, n)) {
      if (n_bad < QUOTE_NUMBERS) bad[n_bad] = n;
      n_bad++;
    }
  }
  if (n_invalid) {
    append_text(c, &c->scratch, "Plural-Forms gives no usable msgstr index "
                "(nplurals=%d) at ", ctx->rule.nplurals);
    append_numbers(c, invalid, n_invalid < QUOTE_NUMBERS ? n_invalid : QUOTE_NUMBERS,
                   n_invalid);
    add_finding(c, list, has_plurals ? PL10N_CHECK_ERROR : PL10N_CHECK_WARNING,
                "plural-forms-invalid", at, c->scratch.data);
    buf_clear(&c->scratch);
  }
  if (!ctx->language) return;
  if (!ctx->has_cldr) {
    append_text(c, &c->scratch, "CLDR has no plural rules for %s: Plural-Forms "
                "was not compared", ctx->language);
    add_finding(c, list, PL10N_CHECK_INFO, "plural-forms-cldr", at, c->scratch.data);
    return;
  }
  size_t shown = n_bad < QUOTE_NUMBERS ? n_bad : QUOTE_NUMBERS;
  if (ctx->rule.nplurals != ctx->cldr.nplurals) {
    append_text(c, &c->scratch, "Plural-Forms has nplurals=%d but CLDR has %d forms "
                "for %s (", ctx->rule.nplurals, ctx->cldr.nplurals, ctx->language);
    append_categories(c, &ctx->cldr);
    append_text(c, &c->scratch, ")");
    if (n_bad) {
      append_text(c, &c->scratch, "; they disagree at ");
      append_numbers(c, bad, shown, n_bad);
    } else {
      /* Russian's gettext rule: CLDR's "other" is for fractions only. */
      append_text(c, &c->scratch, "; they agree for the whole numbers 0 to %d",
                  PLURAL_RANGE);
      add_finding(c, list, PL10N_CHECK_INFO, "plural-forms-cldr", at, c->scratch.data);
      return;
    }
  } else if (n_bad) {
    append_text(c, &c->scratch, "Plural-Forms disagrees with CLDR for %s at ",
                ctx->language);
    append_numbers(c, bad, shown, n_bad);
    append_text(c, &c->scratch, " (CLDR's forms: ");
    append_categories(c, &ctx->cldr);
    append_text(c, &c->scratch, ")");
  } else {
    return;
  }
  add_finding(c, list, PL10N_CHECK_WARNING, "plural-forms-cldr", at, c->scratch.data);
}

/* ---- catalogs --------------------------------------------------------------- */

/* libgettextpo's errors and warnings while reading a catalog. */
static void on_po_diagnostic(void *user, const pl10n_diagnostic *d) {
  po_context *ctx = user;
  finding_at at = {ctx->loc->path, d->line, d->column, CHECK_NONE, NULL, NULL};
  int error = d->severity == PL10N_ERROR;
  if (error) ctx->syntax_errors++;
  add_finding(ctx->c, &ctx->loc->findings,
              error ? PL10N_CHECK_ERROR : PL10N_CHECK_WARNING,
              error ? "po-syntax" : "po-warning", &at, d->message);
}

/* The language a file name like "po/tl_PH.po" stands for, into TAG. */
static int language_of_name(const char *path, char *tag, size_t size) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char stem[64];
  snprintf(stem, sizeof stem, "%s", base);
  char *dot = strrchr(stem, '.');
  if (dot) *dot = '\0';
  return pl10n_locale_tag(stem, tag, size) == PL10N_OK;
}

static int wanted(const pl10n_check *c, const char *language) {
  if (!c->n_locales) return 1;
  for (size_t i = 0; language && i < c->n_locales; i++)
    if (pl10n_locale_match(c->locales[i], language)) return 1;
  return 0;
}

/* A state per expected message while one catalog is read. */
typedef struct entry_seen {
  uint32_t line;
  uint8_t state; /* 0: absent, else 1 + pl10n_check_state, or SEEN_TRANSLATED */
} entry_seen;

#define SEEN_TRANSLATED 9

static void read_entries(po_context *ctx, po_file_t file, const char *path,
                         entry_seen *seen, unsigned long *header_line) {
  pl10n_check *c = ctx->c;
  check_locale *loc = ctx->loc;
  pl10n_buf lines = PL10N_BUF_INIT, forms = PL10N_BUF_INIT;
  pofile_locate_entries(path, &lines);
  const uint32_t *line_of = BUF_ITEMS(&lines, uint32_t);
  size_t n_lines = BUF_COUNT(&lines, uint32_t), k = 0;
  po_message_iterator_t it = po_message_iterator(file, NULL);
  po_message_t m;
  while ((m = po_next_message(it)) != NULL) {
    if (po_message_is_obsolete(m)) {
      loc->obsolete++;
      continue;
    }
    unsigned long line = k < n_lines ? line_of[k] : 0;
    k++;
    const char *msgctxt = po_message_msgctxt(m), *msgid = po_message_msgid(m);
    if (!msgctxt && !*msgid) {
      *header_line = line;
      continue;
    }
    const char *plural = po_message_msgid_plural(m);
    buf_clear(&forms);
    size_t n_forms = 0, n_empty = 0;
    if (plural) {
      ctx->plural_entries++;
      const char *form;
      for (int i = 0; (form = po_message_msgstr_plural(m, i)) != NULL; i++, n_forms++) {
        note(c, buf_push_item(&forms, &form, sizeof form));
        if (!*form) n_empty++;
      }
    } else {
      const char *form = po_message_msgstr(m);
      note(c, buf_push_item(&forms, &form, sizeof form));
      n_forms = 1;
      n_empty = !*form;
    }
    int fuzzy = po_message_is_fuzzy(m);
    uint8_t state = fuzzy ? 1 + PL10N_CHECK_FUZZY
                    : n_empty ? 1 + PL10N_CHECK_UNTRANSLATED : SEEN_TRANSLATED;
    uint32_t index = find_message(c, msgctxt, msgid);
    if (index == CHECK_NONE) {
      loc->obsolete++;
    } else {
      seen[index].state = state;
      seen[index].line = (uint32_t)line;
    }
    if (fuzzy || n_empty == n_forms || c->failed) continue;
    finding_at at = {loc->path, line, 0, CHECK_NONE, msgctxt, msgid};
    check_entry(ctx, &at, plural, BUF_ITEMS(&forms, const char *), n_forms);
  }
  po_message_iterator_free(it);
  pl10n_buf_release(&lines);
  pl10n_buf_release(&forms);
}

/* Counts and the list of missing messages from SEEN. */
static void tally(pl10n_check *c, check_locale *loc, const entry_seen *seen) {
  size_t n = BUF_COUNT(&c->messages, check_message);
  for (size_t i = 0; i < n; i++) {
    if (seen[i].state == SEEN_TRANSLATED) {
      loc->translated++;
      continue;
    }
    check_missing miss = {(uint32_t)i, seen[i].line, PL10N_CHECK_ABSENT};
    if (seen[i].state == 1 + PL10N_CHECK_FUZZY) {
      loc->fuzzy++;
      miss.state = PL10N_CHECK_FUZZY;
    } else {
      loc->untranslated++;
      if (seen[i].state) miss.state = PL10N_CHECK_UNTRANSLATED;
    }
    note(c, buf_push_item(&loc->missing, &miss, sizeof miss));
  }
}

/* Reports PATH as unreadable: FAILURE becomes a finding unless libgettextpo
   reported its errors already. */
static pl10n_status po_unreadable(po_context *ctx, const char *path,
                                  pl10n_error *failure, pl10n_error *err) {
  ctx->loc->readable = 0;
  if (!ctx->syntax_errors) {
    const char *code = "po-syntax";
    if (failure->status == PL10N_ERR_IO) {
      FILE *f = fopen(path, "rb");
      if (!f)
        error_set(failure, PL10N_ERR_IO, path, 0, 0, "cannot open: %s",
                  strerror(errno));
      else
        fclose(f);
      code = "po-unreadable";
    }
    finding_at at = {ctx->loc->path, failure->line, failure->column, CHECK_NONE,
                     NULL, NULL};
    add_finding(ctx->c, &ctx->loc->findings, PL10N_CHECK_ERROR, code, &at,
                failure->message);
  }
  if (err) {
    *err = *failure;
    err->file = path;
  }
  return failure->status == PL10N_OK ? PL10N_ERR_CATALOG : failure->status;
}

pl10n_status pl10n_check_add_po(pl10n_check *c, const char *path, pl10n_error *err) {
  c->sealed = 1;
  check_locale loc;
  memset(&loc, 0, sizeof loc);
  loc.language = loc.plural_forms = CHECK_NONE;
  loc.path = intern(c, path);
  loc.readable = 1;
  po_context ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.c = c;
  ctx.loc = &loc;
  pl10n_error failure;
  memset(&failure, 0, sizeof failure);
  pl10n_status result = PL10N_OK;
  char tag[64];
  po_file_t file = pofile_read(path, on_po_diagnostic, &ctx, 1, &failure);
  if (file &&
      pl10n_catalog_load(path, NULL, NULL, NULL, &loc.catalog, &failure) == PL10N_OK)
    ctx.language = pl10n_catalog_language(loc.catalog);
  else if (language_of_name(path, tag, sizeof tag))
    ctx.language = tag;
  if (!wanted(c, ctx.language)) {
    if (file) po_file_free(file);
    pl10n_catalog_free(loc.catalog);
    pl10n_buf_release(&loc.findings);
    return c->failed ? fail_nomem(c, path, err) : PL10N_OK;
  }
  loc.language = intern(c, ctx.language);
  if (!file || !loc.catalog) {
    result = po_unreadable(&ctx, path, &failure, err);
  } else {
    char *header = (char *)po_file_domain_header(file, NULL);
    char *plural_forms = header ? po_header_field(header, "Plural-Forms") : NULL;
    free(header); /* libgettextpo 0.21 returns a copy */
    loc.plural_forms = intern(c, plural_forms);
    char reason[256] = "";
    if (plural_forms)
      ctx.has_rule = plural_parse(plural_forms, &ctx.rule, reason, sizeof reason) ==
                     PL10N_OK;
    if (ctx.language && plural_cldr_has_rules(ctx.language))
      ctx.has_cldr = plural_from_cldr(ctx.language, &ctx.cldr) == PL10N_OK;
    size_t n = BUF_COUNT(&c->messages, check_message);
    entry_seen *seen = calloc(n + 1, sizeof *seen);
    if (!seen) {
      note(c, PL10N_ERR_NOMEM);
    } else {
      unsigned long header_line = 0;
      read_entries(&ctx, file, path, seen, &header_line);
      tally(c, &loc, seen);
      finding_at at = {loc.path, header_line, 0, CHECK_NONE, NULL, NULL};
      check_plural_header(&ctx, plural_forms, reason, &at);
    }
    free(seen);
    free(plural_forms);
    plural_free(&ctx.rule);
    plural_free(&ctx.cldr);
    pl10n_buf_release(&ctx.ops);
  }
  if (file) po_file_free(file);
  sort_findings(&loc.findings);
  pl10n_status st = buf_push_item(&c->catalogs, &loc, sizeof loc);
  if (st != PL10N_OK) {
    pl10n_catalog_free(loc.catalog);
    pl10n_buf_release(&loc.missing);
    pl10n_buf_release(&loc.findings);
    note(c, st);
  }
  if (c->failed) return fail_nomem(c, path, err);
  return result;
}

/* ---- pages ------------------------------------------------------------------ */

/* The languages told apart on one page: the source language first, then
   each catalog's, and the bit of each catalog. */
typedef struct page_languages {
  const char *name[MAX_PAGE_LANGUAGES];
  size_t count;
  int *of_catalog;    /* index into NAME, or -1 */
} page_languages;

static int language_index(page_languages *pl, const char *name) {
  for (size_t i = 0; i < pl->count; i++)
    if (strcmp(pl->name[i], name) == 0) return (int)i;
  if (pl->count == MAX_PAGE_LANGUAGES) return -1;
  pl->name[pl->count] = name;
  return (int)pl->count++;
}

/* Whether the text run at LINE:COLUMN (Expat's: columns count characters)
   is inside a script or style element: the tag before it is their start
   tag.  Comments and CDATA sections between them are passed over. */
static int in_code_element(const pl10n_page *page, unsigned long line,
                           unsigned long column) {
  const char *d = page->data;
  size_t len = page->len, off = 0;
  for (unsigned long l = 1; l < line && off < len; off++) {
    if (d[off] == '\n' || (d[off] == '\r' && (off + 1 == len || d[off + 1] != '\n')))
      l++;
  }
  for (unsigned long k = 1; k < column && off < len; k++) {
    off++;
    while (off < len && ((unsigned char)d[off] & 0xC0) == 0x80) off++;
  }
  while (off > 0) {
    off--;
    if (d[off] != '<' || off + 1 >= len) continue;
    char next = d[off + 1];
    if (next == '!' || next == '?') continue;
    if (next == '/') return 0;
    size_t start = off + 1, end = start;
    while (end < len && !text_is_xml_space(d[end]) && d[end] != '>' && d[end] != '/')
      end++;
    const char *colon = memchr(d + start, ':', end - start);
    if (colon) start = (size_t)(colon - d) + 1;
    size_t n = end - start;
    return (n == 6 && strncasecmp(d + start, "script", 6) == 0) ||
           (n == 5 && strncasecmp(d + start, "style", 5) == 0);
  }
  return 0;
}

/* The message list of a mixed-language finding: for each language, the
   strings that are in that language only.  Returns the chrome index to
   report it at. */
static size_t describe_mixed(pl10n_check *c, const page_languages *pl,
                             const check_chrome *chrome, const uint64_t *masks,
                             size_t n) {
  size_t count[MAX_PAGE_LANGUAGES] = {0};
  for (size_t i = 0; i < n; i++)
    for (size_t b = 0; b < pl->count; b++)
      if (masks[i] == (uint64_t)1 << b) count[b]++;
  size_t major = 0;
  for (size_t b = 1; b < pl->count; b++)
    if (count[b] > count[major]) major = b;
  buf_clear(&c->scratch);
  append_text(c, &c->scratch, "chrome in more than one language");
  size_t at = 0;
  int found_at = 0, first = 1;
  for (size_t b = 0; b < pl->count; b++) {
    if (!count[b]) continue;
    append_text(c, &c->scratch, "%s%s%s: ", first ? ": " : "; ", pl->name[b],
                b == 0 ? " (source)" : "");
    first = 0;
    size_t shown = 0, distinct = 0;
    for (size_t i = 0; i < n; i++) {
      if (masks[i] != (uint64_t)1 << b) continue;
      if (b != major && !found_at) {
        at = i;
        found_at = 1;
      }
      const char *text = pool(c, chrome[i].text);
      int repeated = 0;
      for (size_t j = 0; j < i && !repeated; j++)
        repeated = masks[j] == masks[i] && strcmp(pool(c, chrome[j].text), text) == 0;
      if (repeated) continue;
      distinct++;
      if (shown == QUOTE_STRINGS) continue;
      if (shown++) append_text(c, &c->scratch, ", ");
      append_quoted(c, &c->scratch, text);
    }
    if (distinct > shown)
      append_text(c, &c->scratch, " and %zu more", distinct - shown);
  }
  if (first) append_text(c, &c->scratch, " (no one language fits every string)");
  return at;
}

/* The chrome strings of PAGE: their languages, the mixed-language and
   unknown-chrome findings. */
static void classify_chrome(pl10n_check *c, check_page *p, const pl10n_page *page,
                            page_languages *pl, uint64_t *masks,
                            const char **msgids) {
  check_locale *cats = BUF_ITEMS(&c->catalogs, check_locale);
  size_t n_cats = BUF_COUNT(&c->catalogs, check_locale);
  size_t n = pl10n_page_message_count(page);
  uint64_t common = ~(uint64_t)0;
  size_t known = 0;
  for (size_t i = 0; i < n; i++) {
    pl10n_message m;
    pl10n_page_message(page, i, &m);
    uint64_t mask = 0;
    const char *msgid = NULL;
    int source = find_message(c, m.msgctxt, m.msgid) != CHECK_NONE;
    for (size_t j = 0; j < n_cats && !source; j++)
      source = cats[j].catalog && catalog_find(cats[j].catalog, m.msgctxt, m.msgid);
    if (source) {
      mask |= 1;
      msgid = m.msgid;
    }
    for (size_t j = 0; j < n_cats; j++) {
      catalog_entry *e, *other;
      if (!cats[j].catalog || pl->of_catalog[j] < 0) continue;
      int found = catalog_find_by_translation(cats[j].catalog, m.msgctxt, m.msgid, &e,
                                              &other);
      /* A plural message's msgid may come from pl:singular whatever form
         the page shows: it reads as any language that translates it. */
      if (!found && m.msgid_plural && source) {
        e = catalog_find(cats[j].catalog, m.msgctxt, m.msgid);
        found = e && catalog_accept(cats[j].catalog, e);
      }
      if (!found) continue;
      mask |= (uint64_t)1 << pl->of_catalog[j];
      if (!msgid) msgid = catalog_string(cats[j].catalog, e->msgid);
    }
    masks[i] = mask;
    msgids[i] = msgid;
    buf_clear(&c->scratch);
    for (size_t b = 0; b < pl->count; b++)
      if (mask & ((uint64_t)1 << b))
        append_text(c, &c->scratch, "%s%s", c->scratch.len ? " " : "", pl->name[b]);
    check_chrome ch = {intern(c, m.msgctxt), intern(c, m.msgid),
                       intern(c, c->scratch.data ? c->scratch.data : ""),
                       intern(c, msgid), (uint32_t)m.line, (uint32_t)m.column};
    note(c, buf_push_item(&p->chrome, &ch, sizeof ch));
    if (mask) {
      common &= mask;
      known++;
      continue;
    }
    buf_clear(&c->scratch);
    append_text(c, &c->scratch, "chrome ");
    append_quoted(c, &c->scratch, m.msgid);
    append_text(c, &c->scratch, " is neither an expected message nor a "
                "translation in any catalog");
    finding_at at = {p->name, m.line, m.column, CHECK_NONE, m.msgctxt, m.msgid};
    add_finding(c, &p->findings, PL10N_CHECK_WARNING, "unknown-chrome", &at,
                c->scratch.data);
  }
  if (known && common) {
    size_t b = 0;
    while (!(common & ((uint64_t)1 << b))) b++;
    p->chrome_language = intern(c, pl->name[b]);
  }
  if (known && !common && c->failed == PL10N_OK) {
    p->mixed = 1;
    const check_chrome *chrome = BUF_ITEMS(&p->chrome, check_chrome);
    size_t i = describe_mixed(c, pl, chrome, masks, n);
    pl10n_message m;
    pl10n_page_message(page, i, &m);
    finding_at at = {p->name, m.line, m.column, CHECK_NONE, NULL, NULL};
    add_finding(c, &p->findings, PL10N_CHECK_ERROR, "mixed-languages", &at,
                c->scratch.data);
  }
}

/* Chrome that would stay in the source language in each catalog's locale. */
static void check_fallbacks(pl10n_check *c, check_page *p, const pl10n_page *page,
                            const char **msgids) {
  size_t n_cats = BUF_COUNT(&c->catalogs, check_locale);
  size_t n = pl10n_page_message_count(page);
  for (size_t j = 0; j < n_cats; j++) {
    check_locale *loc = &BUF_ITEMS(&c->catalogs, check_locale)[j];
    /* The catalog's own strings: the pool's move as findings are added. */
    const char *lang = loc->catalog ? pl10n_catalog_language(loc->catalog) : NULL;
    if (!lang || pl10n_locale_match(lang, c->source_language)) continue;
    for (size_t i = 0; i < n; i++) {
      if (!msgids[i]) continue;
      pl10n_message m;
      pl10n_page_message(page, i, &m);
      catalog_entry *e = catalog_find(loc->catalog, m.msgctxt, msgids[i]);
      if (e && catalog_accept(loc->catalog, e)) continue;
      buf_clear(&c->scratch);
      append_quoted(c, &c->scratch, msgids[i]);
      if (m.msgctxt) {
        append_text(c, &c->scratch, " (msgctxt ");
        append_quoted(c, &c->scratch, m.msgctxt);
        append_text(c, &c->scratch, ")");
      }
      if (e)
        append_text(c, &c->scratch, ": its %s translation (%s:%u) is rejected; it "
                    "would stay in %s", lang, pl10n_catalog_path(loc->catalog),
                    e->line, c->source_language);
      else
        append_text(c, &c->scratch, " has no %s translation: it would stay in %s",
                    lang, c->source_language);
      finding_at at = {p->name, m.line, m.column, loc->language, m.msgctxt,
                       msgids[i]};
      add_finding(c, &p->findings, PL10N_CHECK_WARNING, "fallback", &at,
                  c->scratch.data);
    }
  }
}

/* Text outside the chrome that is a msgid or a translation. */
static void check_unmarked(pl10n_check *c, check_page *p, const pl10n_page *page) {
  size_t n_cats = BUF_COUNT(&c->catalogs, check_locale);
  pl10n_buf escaped = PL10N_BUF_INIT;
  for (size_t i = 0; i < pl10n_page_content_count(page); i++) {
    unsigned long line, column;
    const char *text = pl10n_page_content(page, i, &line, &column);
    if (!has_letters(text)) continue;
    buf_clear(&escaped);
    note(c, buf_append_xml_escaped(&escaped, text, strlen(text), 0));
    if (c->failed) break;
    const char *msgid = NULL;
    uint32_t locale = CHECK_NONE, index;
    if (make_key(&c->key, NULL, escaped.data) == PL10N_OK &&
        strmap_get(&c->by_msgid, c->key.data, c->key.len, &index))
      msgid = pool(c, BUF_ITEMS(&c->messages, check_message)[index].msgid);
    for (size_t j = 0; j < n_cats && !msgid; j++) {
      check_locale *loc = &BUF_ITEMS(&c->catalogs, check_locale)[j];
      if (loc->catalog && catalog_find(loc->catalog, NULL, escaped.data))
        msgid = escaped.data;
    }
    for (size_t j = 0; j < n_cats && !msgid; j++) {
      check_locale *loc = &BUF_ITEMS(&c->catalogs, check_locale)[j];
      catalog_entry *e, *other;
      if (loc->catalog &&
          catalog_find_by_translation(loc->catalog, NULL, escaped.data, &e, &other)) {
        msgid = catalog_string(loc->catalog, e->msgid);
        locale = loc->language;
      }
    }
    if (!msgid || in_code_element(page, line, column)) continue;
    buf_clear(&c->scratch);
    append_text(c, &c->scratch, "text outside the chrome ");
    append_quoted(c, &c->scratch, text);
    if (locale == CHECK_NONE) {
      append_text(c, &c->scratch, " is a msgid: chrome that is not marked?");
    } else {
      append_text(c, &c->scratch, " is the %s translation of ", pool(c, locale));
      append_quoted(c, &c->scratch, msgid);
      append_text(c, &c->scratch, ": chrome that is not marked?");
    }
    finding_at at = {p->name, line, column, locale, NULL, msgid};
    add_finding(c, &p->findings, PL10N_CHECK_WARNING, "unmarked-chrome", &at,
                c->scratch.data);
  }
  pl10n_buf_release(&escaped);
}

static pl10n_status push_page(pl10n_check *c, check_page *p) {
  sort_findings(&p->findings);
  pl10n_status st = buf_push_item(&c->pages, p, sizeof *p);
  if (st != PL10N_OK) {
    pl10n_buf_release(&p->chrome);
    pl10n_buf_release(&p->findings);
    note(c, st);
  }
  return st;
}

pl10n_status pl10n_check_add_page(pl10n_check *c, const pl10n_page *page,
                                  pl10n_error *err) {
  c->sealed = 1;
  check_page p;
  memset(&p, 0, sizeof p);
  p.name = intern(c, page->name);
  p.language = intern(c, pl10n_page_language(page));
  p.chrome_language = CHECK_NONE;
  p.readable = 1;
  size_t n_cats = BUF_COUNT(&c->catalogs, check_locale);
  size_t n = pl10n_page_message_count(page);
  page_languages pl;
  memset(&pl, 0, sizeof pl);
  pl.of_catalog = calloc(n_cats + 1, sizeof *pl.of_catalog);
  uint64_t *masks = calloc(n + 1, sizeof *masks);
  const char **msgids = calloc(n + 1, sizeof *msgids);
  if (!pl.of_catalog || !masks || !msgids) {
    note(c, PL10N_ERR_NOMEM);
  } else {
    language_index(&pl, c->source_language);
    for (size_t j = 0; j < n_cats; j++) {
      /* The catalog's own strings: the pool's move as findings are added. */
      pl10n_catalog *cat = BUF_ITEMS(&c->catalogs, check_locale)[j].catalog;
      const char *lang = !cat ? NULL : pl10n_catalog_language(cat)
                                           ? pl10n_catalog_language(cat)
                                           : pl10n_catalog_path(cat);
      pl.of_catalog[j] = lang ? language_index(&pl, lang) : -1;
    }
    classify_chrome(c, &p, page, &pl, masks, msgids);
    check_fallbacks(c, &p, page, msgids);
    check_unmarked(c, &p, page);
  }
  free(pl.of_catalog);
  free(masks);
  free(msgids);
  push_page(c, &p);
  return c->failed ? fail_nomem(c, page->name, err) : PL10N_OK;
}

pl10n_status pl10n_check_add_page_failure(pl10n_check *c, const char *name,
                                          const pl10n_error *failure) {
  c->sealed = 1;
  check_page p;
  memset(&p, 0, sizeof p);
  p.name = intern(c, name);
  p.language = p.chrome_language = CHECK_NONE;
  finding_at at = {p.name, failure ? failure->line : 0, failure ? failure->column : 0,
                   CHECK_NONE, NULL, NULL};
  add_finding(c, &p.findings, PL10N_CHECK_ERROR, "page-unreadable", &at,
              failure ? failure->message : "cannot read the page");
  push_page(c, &p);
  return c->failed;
}

/* ---- results ---------------------------------------------------------------- */

size_t pl10n_check_message_count(const pl10n_check *c) {
  return BUF_COUNT(&c->messages, check_message);
}

void pl10n_check_message(const pl10n_check *c, size_t i,
                         pl10n_check_message_info *out) {
  const check_message *m = &BUF_ITEMS(&c->messages, check_message)[i];
  out->msgctxt = pool(c, m->msgctxt);
  out->msgid = pool(c, m->msgid);
  out->msgid_plural = pool(c, m->msgid_plural);
  out->n_refs = BUF_COUNT(&m->refs, check_ref);
}

void pl10n_check_message_ref(const pl10n_check *c, size_t i, size_t k,
                             pl10n_check_ref *out) {
  const check_message *m = &BUF_ITEMS(&c->messages, check_message)[i];
  const check_ref *r = &BUF_ITEMS(&m->refs, check_ref)[k];
  out->file = pool(c, r->file);
  out->line = r->line;
}

static double coverage(const check_locale *l, size_t messages) {
  return messages ? (double)l->translated * 100.0 / (double)messages : 100.0;
}

size_t pl10n_check_locale_count(const pl10n_check *c) {
  return BUF_COUNT(&c->catalogs, check_locale);
}

void pl10n_check_locale(const pl10n_check *c, size_t i, pl10n_check_locale_info *out) {
  const check_locale *l = &BUF_ITEMS(&c->catalogs, check_locale)[i];
  memset(out, 0, sizeof *out);
  out->language = pool(c, l->language);
  out->path = pool(c, l->path);
  out->readable = l->readable;
  out->plural_forms = pool(c, l->plural_forms);
  out->n_findings = BUF_COUNT(&l->findings, check_finding);
  if (!l->readable) return;
  out->messages = BUF_COUNT(&c->messages, check_message);
  out->translated = l->translated;
  out->fuzzy = l->fuzzy;
  out->untranslated = l->untranslated;
  out->obsolete = l->obsolete;
  out->coverage = coverage(l, out->messages);
  out->below_threshold = out->coverage < c->min_coverage;
  out->n_missing = BUF_COUNT(&l->missing, check_missing);
}

void pl10n_check_locale_missing(const pl10n_check *c, size_t i, size_t k,
                                pl10n_check_missing *out) {
  const check_locale *l = &BUF_ITEMS(&c->catalogs, check_locale)[i];
  const check_missing *m = &BUF_ITEMS(&l->missing, check_missing)[k];
  out->message = m->message;
  out->state = (pl10n_check_state)m->state;
  out->po_line = m->line;
}

static void finding_out(const pl10n_check *c, const check_finding *f,
                        pl10n_check_finding *out) {
  out->level = (pl10n_check_level)f->level;
  out->code = f->code;
  out->file = pool(c, f->file);
  out->line = f->line;
  out->column = f->column;
  out->locale = pool(c, f->locale);
  out->msgctxt = pool(c, f->msgctxt);
  out->msgid = pool(c, f->msgid);
  out->message = pool(c, f->message);
}

void pl10n_check_locale_finding(const pl10n_check *c, size_t i, size_t k,
                                pl10n_check_finding *out) {
  const check_locale *l = &BUF_ITEMS(&c->catalogs, check_locale)[i];
  finding_out(c, &BUF_ITEMS(&l->findings, check_finding)[k], out);
}

size_t pl10n_check_page_count(const pl10n_check *c) {
  return BUF_COUNT(&c->pages, check_page);
}

void pl10n_check_page(const pl10n_check *c, size_t i, pl10n_check_page_info *out) {
  const check_page *p = &BUF_ITEMS(&c->pages, check_page)[i];
  out->name = pool(c, p->name);
  out->language = pool(c, p->language);
  out->readable = p->readable;
  out->chrome_language = pool(c, p->chrome_language);
  out->mixed = p->mixed;
  out->n_chrome = BUF_COUNT(&p->chrome, check_chrome);
  out->n_findings = BUF_COUNT(&p->findings, check_finding);
}

void pl10n_check_page_chrome(const pl10n_check *c, size_t i, size_t k,
                             pl10n_check_chrome *out) {
  const check_page *p = &BUF_ITEMS(&c->pages, check_page)[i];
  const check_chrome *ch = &BUF_ITEMS(&p->chrome, check_chrome)[k];
  out->msgctxt = pool(c, ch->msgctxt);
  out->text = pool(c, ch->text);
  out->line = ch->line;
  out->column = ch->column;
  out->languages = pool(c, ch->languages);
  out->msgid = pool(c, ch->msgid);
}

void pl10n_check_page_finding(const pl10n_check *c, size_t i, size_t k,
                              pl10n_check_finding *out) {
  const check_page *p = &BUF_ITEMS(&c->pages, check_page)[i];
  finding_out(c, &BUF_ITEMS(&p->findings, check_finding)[k], out);
}

static void count_levels(const pl10n_buf *findings, pl10n_check_summary *out) {
  const check_finding *f = BUF_ITEMS(findings, check_finding);
  for (size_t i = 0; i < BUF_COUNT(findings, check_finding); i++) {
    if (f[i].level == PL10N_CHECK_ERROR) out->errors++;
    else if (f[i].level == PL10N_CHECK_WARNING) out->warnings++;
    else out->infos++;
  }
}

void pl10n_check_summarize(const pl10n_check *c, pl10n_check_summary *out) {
  memset(out, 0, sizeof *out);
  out->min_coverage = c->min_coverage;
  out->locales = BUF_COUNT(&c->catalogs, check_locale);
  out->pages = BUF_COUNT(&c->pages, check_page);
  const check_locale *l = BUF_ITEMS(&c->catalogs, check_locale);
  size_t messages = BUF_COUNT(&c->messages, check_message);
  for (size_t i = 0; i < out->locales; i++) {
    count_levels(&l[i].findings, out);
    if (!l[i].readable) out->unreadable++;
    else if (coverage(&l[i], messages) < c->min_coverage) out->below_threshold++;
  }
  const check_page *p = BUF_ITEMS(&c->pages, check_page);
  for (size_t i = 0; i < out->pages; i++) {
    count_levels(&p[i].findings, out);
    if (!p[i].readable) out->unreadable++;
  }
  out->status = out->unreadable ? 2 : out->below_threshold || out->errors ? 1 : 0;
}
