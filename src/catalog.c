/* catalog.c - a translator's catalog in memory: loading .po (libgettextpo)
   and .mo files, look-up by (msgctxt, msgid), and the once-per-entry safe
   merge check of each translation. */
#include "catalog.h"

#include "buf.h"
#include "error.h"
#include "mo.h"
#include "pofile.h"
#include "text.h"
#include "translation.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pl10n_status add_string(pl10n_catalog *cat, const char *s, size_t len,
                               uint32_t *off) {
  *off = (uint32_t)cat->strings.len;
  pl10n_status st = buf_append(&cat->strings, s, len);
  if (st == PL10N_OK) st = buf_append_char(&cat->strings, '\0');
  return st;
}

/* The look-up key: NFC(msgctxt) EOT NFC(msgid), or NFC(msgid). */
static pl10n_status make_key(pl10n_buf *key, const char *msgctxt,
                             size_t ctxt_len, const char *msgid, size_t id_len) {
  buf_clear(key);
  pl10n_status st = PL10N_OK;
  if (msgctxt) {
    st = text_append_nfc(key, msgctxt, ctxt_len);
    if (st == PL10N_OK) st = buf_append_char(key, '\4');
  }
  if (st == PL10N_OK) st = text_append_nfc(key, msgid, id_len);
  return st;
}

/* Adds one translated entry.  FORMS holds N_FORMS NUL-separated msgstrs. */
static pl10n_status add_entry(pl10n_catalog *cat, const char *msgctxt,
                              size_t ctxt_len, const char *msgid, size_t id_len,
                              const char *plural, const char *forms,
                              size_t forms_len, uint32_t n_forms,
                              unsigned long line) {
  pl10n_status st = make_key(&cat->key, msgctxt, ctxt_len, msgid, id_len);
  if (st != PL10N_OK) return st;
  uint32_t index = (uint32_t)BUF_COUNT(&cat->entries, catalog_entry), existing;
  int inserted;
  st = strmap_put(&cat->index, cat->key.data, cat->key.len, index, &inserted,
                  &existing);
  if (st != PL10N_OK || !inserted) return st; /* first definition wins */
  if (plural) {
    st = make_key(&cat->key, msgctxt, ctxt_len, plural, strlen(plural));
    int ignored;
    if (st == PL10N_OK)
      st = strmap_put(&cat->by_plural, cat->key.data, cat->key.len, index, &ignored,
                      NULL);
    if (st != PL10N_OK) return st;
  }
  catalog_entry e;
  memset(&e, 0, sizeof e);
  e.msgctxt = e.msgid_plural = CATALOG_NONE;
  e.line = (uint32_t)line;
  e.n_forms = n_forms;
  if (msgctxt && (st = add_string(cat, msgctxt, ctxt_len, &e.msgctxt)) != PL10N_OK)
    return st;
  if ((st = add_string(cat, msgid, id_len, &e.msgid)) != PL10N_OK) return st;
  if (plural && (st = add_string(cat, plural, strlen(plural), &e.msgid_plural)) != PL10N_OK)
    return st;
  if ((st = add_string(cat, forms, forms_len, &e.msgstr)) != PL10N_OK) return st;
  return buf_push_item(&cat->entries, &e, sizeof e);
}

/* ---- .po -------------------------------------------------------------- */

static pl10n_status load_po(pl10n_catalog *cat, pl10n_error *err) {
  /* libgettextpo says only "cannot read": find out why first. */
  FILE *probe = fopen(cat->path, "rb");
  if (!probe)
    return error_set(err, PL10N_ERR_IO, cat->path, 0, 0, "cannot open: %s",
                     strerror(errno));
  fclose(probe);
  po_file_t file = pofile_read(cat->path, cat->diag, cat->diag_user, 0, err);
  if (!file) return err ? err->status : PL10N_ERR_CATALOG;
  pl10n_buf lines = PL10N_BUF_INIT;
  pofile_locate_entries(cat->path, &lines);
  const uint32_t *line_of = BUF_ITEMS(&lines, uint32_t);
  size_t n_lines = BUF_COUNT(&lines, uint32_t);
  /* libgettextpo 0.21 returns a copy of the header for the caller to free. */
  char *header = (char *)po_file_domain_header(file, NULL);
  if (header) buf_append_str(&cat->header, header);
  free(header);
  po_message_iterator_t it = po_message_iterator(file, NULL);
  pl10n_buf forms = PL10N_BUF_INIT;
  pl10n_status st = PL10N_OK;
  size_t k = 0;
  po_message_t m;
  while (st == PL10N_OK && (m = po_next_message(it)) != NULL) {
    if (po_message_is_obsolete(m)) continue;
    unsigned long line = k < n_lines ? line_of[k] : 0;
    k++;
    const char *msgid = po_message_msgid(m);
    if (!*msgid || po_message_is_fuzzy(m)) continue;
    const char *plural = po_message_msgid_plural(m);
    buf_clear(&forms);
    uint32_t n_forms = 0;
    int translated = 0;
    if (plural) {
      const char *form;
      for (int i = 0; (form = po_message_msgstr_plural(m, i)) != NULL; i++) {
        if (*form) translated = 1;
        st = buf_append(&forms, form, strlen(form) + 1);
        n_forms++;
      }
      if (forms.len) forms.len--; /* add_string terminates the last form */
    } else {
      const char *msgstr = po_message_msgstr(m);
      translated = *msgstr != '\0';
      st = buf_append_str(&forms, msgstr);
      n_forms = 1;
    }
    if (st != PL10N_OK || !translated) continue;
    const char *ctxt = po_message_msgctxt(m);
    st = add_entry(cat, ctxt, ctxt ? strlen(ctxt) : 0, msgid, strlen(msgid),
                   plural, forms.data ? forms.data : "", forms.len, n_forms, line);
  }
  po_message_iterator_free(it);
  po_file_free(file);
  pl10n_buf_release(&forms);
  pl10n_buf_release(&lines);
  if (st != PL10N_OK) return error_set(err, st, cat->path, 0, 0, "%s", pl10n_strerror(st));
  return PL10N_OK;
}

/* ---- .mo -------------------------------------------------------------- */

static pl10n_status mo_entry(void *user, const char *original, size_t olen,
                             const char *translation, size_t tlen) {
  pl10n_catalog *cat = user;
  if (olen == 0) return buf_append(&cat->header, translation, tlen);
  const char *eot = memchr(original, '\4', olen);
  const char *ctxt = NULL;
  size_t ctxt_len = 0;
  if (eot) {
    ctxt = original;
    ctxt_len = (size_t)(eot - original);
    original = eot + 1;
    olen -= ctxt_len + 1;
  }
  const char *nul = memchr(original, '\0', olen);
  size_t id_len = nul ? (size_t)(nul - original) : olen;
  const char *plural = nul ? nul + 1 : NULL;
  uint32_t n_forms = 1;
  for (size_t i = 0; i < tlen; i++)
    if (translation[i] == '\0') n_forms++;
  if (!text_is_utf8(translation, tlen) || !text_is_utf8(original, olen))
    return PL10N_ERR_ENCODING;
  return add_entry(cat, ctxt, ctxt_len, original, id_len, plural, translation,
                   tlen, n_forms, 0);
}

static pl10n_status load_mo(pl10n_catalog *cat, pl10n_error *err) {
  FILE *f = fopen(cat->path, "rb");
  if (!f)
    return error_set(err, PL10N_ERR_IO, cat->path, 0, 0, "cannot open: %s",
                     strerror(errno));
  pl10n_buf data = PL10N_BUF_INIT;
  char chunk[65536];
  size_t n;
  pl10n_status st = PL10N_OK;
  while (st == PL10N_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
    st = buf_append(&data, chunk, n);
  int read_error = ferror(f);
  fclose(f);
  if (read_error) st = PL10N_ERR_IO;
  char reason[256] = "";
  if (st == PL10N_OK)
    st = mo_read(data.data ? data.data : "", data.len, mo_entry, cat, reason,
                 sizeof reason);
  pl10n_buf_release(&data);
  if (st == PL10N_ERR_ENCODING)
    return error_set(err, PL10N_ERR_CATALOG, cat->path, 0, 0,
                     "a string is not valid UTF-8");
  if (st == PL10N_ERR_CATALOG)
    return error_set(err, st, cat->path, 0, 0, "%s", reason);
  if (st != PL10N_OK)
    return error_set(err, st, cat->path, 0, 0, "%s", pl10n_strerror(st));
  return PL10N_OK;
}

/* ---- the catalog -------------------------------------------------------- */

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The language from the header's Language field, else from the file name. */
static void detect_language(pl10n_catalog *cat, const char *given) {
  char tag[64] = "";
  if (given && pl10n_locale_tag(given, tag, sizeof tag) == PL10N_OK) {
    cat->language = strdup(tag);
    return;
  }
  if (cat->header.len) {
    char *field = po_header_field(cat->header.data, "Language");
    if (field && *field && pl10n_locale_tag(field, tag, sizeof tag) == PL10N_OK) {
      cat->language = strdup(tag);
      free(field);
      return;
    }
    free(field);
  }
  const char *base = strrchr(cat->path, '/');
  base = base ? base + 1 : cat->path;
  char stem[64];
  snprintf(stem, sizeof stem, "%s", base);
  char *dot = strrchr(stem, '.');
  if (dot) *dot = '\0';
  if (pl10n_locale_tag(stem, tag, sizeof tag) == PL10N_OK) cat->language = strdup(tag);
}

/* The plural rule: the header's Plural-Forms, else CLDR's for the catalog's
   language (with a warning when the catalog has plural entries). */
static void choose_plural_rule(pl10n_catalog *cat) {
  char reason[256];
  char *forms = cat->header.len ? po_header_field(cat->header.data, "Plural-Forms")
                                : NULL;
  int plural_entries = 0;
  const catalog_entry *entries = BUF_ITEMS(&cat->entries, catalog_entry);
  for (size_t i = 0; i < BUF_COUNT(&cat->entries, catalog_entry); i++)
    if (entries[i].msgid_plural != CATALOG_NONE) plural_entries++;
  if (forms && plural_parse(forms, &cat->plural, reason, sizeof reason) == PL10N_OK) {
    cat->has_plural = 1;
  } else {
    if (forms && plural_entries)
      diagnostic_warn(cat->diag, cat->diag_user, cat->path, 0, 0,
                      "bad Plural-Forms: %s; using CLDR's plural rules", reason);
    if (cat->language && plural_from_cldr(cat->language, &cat->plural) == PL10N_OK) {
      cat->has_plural = 1;
      if (!forms && plural_entries)
        diagnostic_warn(cat->diag, cat->diag_user, cat->path, 0, 0,
                        "no Plural-Forms in the header; using CLDR's plural rules "
                        "for %s (%d forms)", cat->language, cat->plural.nplurals);
    }
  }
  free(forms);
}

pl10n_status pl10n_catalog_load(const char *path, const char *language,
                                pl10n_diagnostic_fn fn, void *user,
                                pl10n_catalog **out, pl10n_error *err) {
  *out = NULL;
  pl10n_catalog *cat = calloc(1, sizeof *cat);
  if (!cat || !(cat->path = strdup(path))) {
    free(cat);
    return error_set(err, PL10N_ERR_NOMEM, path, 0, 0, "out of memory");
  }
  strmap empty = STRMAP_INIT;
  cat->index = empty;
  cat->by_translation = empty;
  cat->by_plural = empty;
  cat->diag = fn;
  cat->diag_user = user;
  pl10n_status st = ends_with(path, ".mo") ? load_mo(cat, err) : load_po(cat, err);
  if (st != PL10N_OK) {
    if (err) err->file = path; /* not the catalog's copy, freed here */
    pl10n_catalog_free(cat);
    return st;
  }
  detect_language(cat, language);
  choose_plural_rule(cat);
  *out = cat;
  return PL10N_OK;
}

void pl10n_catalog_free(pl10n_catalog *cat) {
  if (!cat) return;
  free(cat->path);
  free(cat->language);
  strmap_free(&cat->index);
  strmap_free(&cat->by_translation);
  strmap_free(&cat->by_plural);
  pl10n_buf_release(&cat->collisions);
  pl10n_buf_release(&cat->strings);
  pl10n_buf_release(&cat->entries);
  pl10n_buf_release(&cat->ops);
  pl10n_buf_release(&cat->header);
  pl10n_buf_release(&cat->key);
  plural_free(&cat->plural);
  free(cat);
}

const char *pl10n_catalog_language(const pl10n_catalog *cat) {
  return cat->language;
}

const char *pl10n_catalog_path(const pl10n_catalog *cat) { return cat->path; }

size_t pl10n_catalog_size(const pl10n_catalog *cat) {
  return BUF_COUNT(&cat->entries, catalog_entry);
}

catalog_entry *catalog_find(pl10n_catalog *cat, const char *msgctxt,
                            const char *msgid) {
  if (make_key(&cat->key, msgctxt, msgctxt ? strlen(msgctxt) : 0, msgid,
               strlen(msgid)) != PL10N_OK)
    return NULL;
  uint32_t index;
  if (!strmap_get(&cat->index, cat->key.data, cat->key.len, &index)) return NULL;
  return &BUF_ITEMS(&cat->entries, catalog_entry)[index];
}

catalog_entry *catalog_find_plural(pl10n_catalog *cat, const char *msgctxt,
                                   const char *msgid_plural) {
  if (make_key(&cat->key, msgctxt, msgctxt ? strlen(msgctxt) : 0, msgid_plural,
               strlen(msgid_plural)) != PL10N_OK)
    return NULL;
  uint32_t index;
  if (!strmap_get(&cat->by_plural, cat->key.data, cat->key.len, &index)) return NULL;
  return &BUF_ITEMS(&cat->entries, catalog_entry)[index];
}

int catalog_accept(pl10n_catalog *cat, catalog_entry *e) {
  if (e->state == ENTRY_ACCEPTED) return 1;
  if (e->state == ENTRY_REJECTED) return 0;
  char reason[256];
  uint32_t off = (uint32_t)cat->ops.len;
  const char *msgid = catalog_string(cat, e->msgid);
  const char *plural = catalog_string(cat, e->msgid_plural);
  const char *form = catalog_string(cat, e->msgstr);
  pl10n_status st = PL10N_OK;
  for (uint32_t k = 0; k < e->n_forms && st == PL10N_OK; k++) {
    if (plural) st = translation_put_form(&cat->ops, k);
    if (st == PL10N_OK)
      st = translation_compile(msgid, plural, form, 0, &cat->ops, reason,
                               sizeof reason);
    if (st != PL10N_OK && plural)
      snprintf(reason + strlen(reason), sizeof reason - strlen(reason),
               " (msgstr[%u])", k);
    form += strlen(form) + 1;
  }
  if (st == PL10N_OK) {
    e->state = ENTRY_ACCEPTED;
    e->ops = off;
    e->ops_len = (uint32_t)(cat->ops.len - off);
    return 1;
  }
  buf_truncate(&cat->ops, off);
  e->state = ENTRY_REJECTED;
  cat->rejected++;
  diagnostic_warn(cat->diag, cat->diag_user, cat->path, e->line, 0,
                  "translation rejected: %s", reason);
  return 0;
}

int catalog_ops(pl10n_catalog *cat, const catalog_entry *e, double n,
                const char **ops, uint32_t *len) {
  *ops = buf_at(&cat->ops, e->ops);
  *len = e->ops_len;
  if (e->msgid_plural == CATALOG_NONE) return 1;
  int form = plural_index(&cat->plural, n);
  /* An empty form is not translated: the source is written instead. */
  return form >= 0 && (uint32_t)form < e->n_forms &&
         translation_form(ops, len, (uint32_t)form) && *len > 0;
}

const char *pl10n_catalog_lookup(pl10n_catalog *cat, const char *msgctxt,
                                 const char *msgid) {
  catalog_entry *e = catalog_find(cat, msgctxt, msgid);
  if (!e || !catalog_accept(cat, e)) return NULL;
  return catalog_string(cat, e->msgstr);
}

/* Appends the reverse look-up key of TEXT under MSGCTXT to KEY. */
static pl10n_status translation_key(pl10n_buf *key, const char *msgctxt,
                                    const char *text) {
  buf_clear(key);
  pl10n_status st = PL10N_OK;
  if (msgctxt) {
    st = buf_append_str(key, msgctxt);
    if (st == PL10N_OK) st = buf_append_char(key, '\4');
  }
  if (st == PL10N_OK) st = translation_canonical(text, key);
  return st;
}

#define FORM_SHIFT 26
#define ENTRY_MASK ((1u << FORM_SHIFT) - 1)

static pl10n_status build_reverse_index(pl10n_catalog *cat) {
  if (BUF_COUNT(&cat->entries, catalog_entry) > ENTRY_MASK) return PL10N_ERR_LIMIT;
  cat->by_translation_built = 1;
  size_t n = BUF_COUNT(&cat->entries, catalog_entry);
  for (uint32_t i = 0; i < n; i++) {
    catalog_entry *e = &BUF_ITEMS(&cat->entries, catalog_entry)[i];
    if (!catalog_accept(cat, e)) continue;
    const char *form = catalog_string(cat, e->msgstr);
    for (uint32_t k = 0; k < e->n_forms; k++, form += strlen(form) + 1) {
      pl10n_status st = translation_key(&cat->key, catalog_string(cat, e->msgctxt),
                                        form);
      if (st == PL10N_ERR_XML) continue;
      if (st != PL10N_OK) return st;
      int inserted;
      uint32_t existing;
      /* The value: the entry, and which of its forms the text is. */
      st = strmap_put(&cat->by_translation, cat->key.data, cat->key.len,
                      i | (k << FORM_SHIFT), &inserted, &existing);
      if (st != PL10N_OK) return st;
      if (!inserted && (existing & ENTRY_MASK) != i) {
        uint32_t pair[2] = {existing & ENTRY_MASK, i};
        st = buf_push_item(&cat->collisions, pair, sizeof pair);
        if (st != PL10N_OK) return st;
      }
    }
  }
  return PL10N_OK;
}

int catalog_find_form_by_translation(pl10n_catalog *cat, const char *msgctxt,
                                     const char *text, catalog_entry **entry,
                                     catalog_entry **other, uint32_t *form) {
  if (!cat->by_translation_built && build_reverse_index(cat) != PL10N_OK) return 0;
  if (translation_key(&cat->key, msgctxt, text) != PL10N_OK) return 0;
  uint32_t value;
  if (!strmap_get(&cat->by_translation, cat->key.data, cat->key.len, &value))
    return 0;
  uint32_t index = value & ENTRY_MASK;
  if (form) *form = value >> FORM_SHIFT;
  catalog_entry *entries = BUF_ITEMS(&cat->entries, catalog_entry);
  *entry = &entries[index];
  const uint32_t *pairs = BUF_ITEMS(&cat->collisions, uint32_t);
  size_t n = BUF_COUNT(&cat->collisions, uint32_t);
  for (size_t k = 0; k + 1 < n; k += 2) {
    if (pairs[k] == index) {
      *other = &entries[pairs[k + 1]];
      return 2;
    }
  }
  return 1;
}

int catalog_find_by_translation(pl10n_catalog *cat, const char *msgctxt,
                                const char *text, catalog_entry **entry,
                                catalog_entry **other) {
  return catalog_find_form_by_translation(cat, msgctxt, text, entry, other, NULL);
}
