/* pot.c - collecting the messages of many templates into one POT and
   writing it through libgettextpo. */
#include "buf.h"
#include "error.h"
#include "page.h"
#include "pofile.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NONE UINT32_MAX

typedef struct pot_entry {
  uint32_t msgctxt, msgid;  /* offsets into strings (msgctxt may be NONE) */
  uint32_t msgid_plural;    /* offset, or NONE */
  uint32_t comments;        /* offset of a comment buffer index, or NONE */
  uint32_t first_ref, last_ref;
} pot_entry;

typedef struct pot_ref {
  uint32_t file;   /* offset into strings */
  uint32_t line;
  uint32_t next;   /* next reference of the same entry, or NONE */
} pot_ref;

struct pl10n_pot {
  strmap index;        /* msgctxt EOT msgid -> entry */
  pl10n_buf strings;
  pl10n_buf entries;   /* pot_entry */
  pl10n_buf refs;      /* pot_ref */
  pl10n_buf *comments; /* one buffer per entry that has comments */
  size_t n_comments, comments_cap;
  pl10n_buf key;
};

pl10n_pot *pl10n_pot_new(void) {
  pl10n_pot *pot = calloc(1, sizeof *pot);
  if (!pot) return NULL;
  strmap empty = STRMAP_INIT;
  pot->index = empty;
  return pot;
}

void pl10n_pot_free(pl10n_pot *pot) {
  if (!pot) return;
  strmap_free(&pot->index);
  pl10n_buf_release(&pot->strings);
  pl10n_buf_release(&pot->entries);
  pl10n_buf_release(&pot->refs);
  for (size_t i = 0; i < pot->n_comments; i++) pl10n_buf_release(&pot->comments[i]);
  free(pot->comments);
  pl10n_buf_release(&pot->key);
  free(pot);
}

static pl10n_status intern(pl10n_pot *pot, const char *s, uint32_t *off) {
  *off = (uint32_t)pot->strings.len;
  return buf_append(&pot->strings, s, strlen(s) + 1);
}

/* Adds each "\n\n"-separated note of NOTES that the entry lacks. */
static pl10n_status merge_comments(pl10n_pot *pot, pot_entry *e,
                                   const char *notes) {
  if (e->comments == NONE) {
    if (pot->n_comments == pot->comments_cap) {
      size_t cap = pot->comments_cap ? pot->comments_cap * 2 : 16;
      pl10n_buf *c = realloc(pot->comments, cap * sizeof *c);
      if (!c) return PL10N_ERR_NOMEM;
      pot->comments = c;
      pot->comments_cap = cap;
    }
    pl10n_buf empty = PL10N_BUF_INIT;
    pot->comments[pot->n_comments] = empty;
    e->comments = (uint32_t)pot->n_comments++;
  }
  pl10n_buf *have = &pot->comments[e->comments];
  const char *p = notes;
  while (*p) {
    const char *end = strstr(p, "\n\n");
    size_t len = end ? (size_t)(end - p) : strlen(p);
    int present = 0;
    for (const char *q = have->data; q && !present;) {
      const char *qend = strstr(q, "\n\n");
      size_t qlen = qend ? (size_t)(qend - q) : strlen(q);
      present = qlen == len && memcmp(q, p, len) == 0;
      q = qend ? qend + 2 : NULL;
    }
    if (!present) {
      pl10n_status st = PL10N_OK;
      if (have->len) st = buf_append_str(have, "\n\n");
      if (st == PL10N_OK) st = buf_append(have, p, len);
      if (st != PL10N_OK) return st;
    }
    p += len;
    if (end) p += 2;
  }
  return PL10N_OK;
}

static pl10n_status add_message(pl10n_pot *pot, const pl10n_message *m,
                                uint32_t file_off) {
  pl10n_status st;
  buf_clear(&pot->key);
  if (m->msgctxt) {
    if ((st = buf_append_str(&pot->key, m->msgctxt)) != PL10N_OK ||
        (st = buf_append_char(&pot->key, '\4')) != PL10N_OK)
      return st;
  }
  if ((st = buf_append_str(&pot->key, m->msgid)) != PL10N_OK) return st;
  uint32_t index = (uint32_t)BUF_COUNT(&pot->entries, pot_entry), existing;
  int inserted;
  st = strmap_put(&pot->index, pot->key.data, pot->key.len, index, &inserted,
                  &existing);
  if (st != PL10N_OK) return st;
  if (inserted) {
    pot_entry e = {NONE, 0, NONE, NONE, NONE, NONE};
    if (m->msgctxt && (st = intern(pot, m->msgctxt, &e.msgctxt)) != PL10N_OK)
      return st;
    if (m->msgid_plural &&
        (st = intern(pot, m->msgid_plural, &e.msgid_plural)) != PL10N_OK)
      return st;
    if ((st = intern(pot, m->msgid, &e.msgid)) != PL10N_OK) return st;
    if ((st = buf_push_item(&pot->entries, &e, sizeof e)) != PL10N_OK) return st;
  } else {
    index = existing;
  }
  pot_ref ref = {file_off, (uint32_t)m->line, NONE};
  uint32_t ref_index = (uint32_t)BUF_COUNT(&pot->refs, pot_ref);
  if ((st = buf_push_item(&pot->refs, &ref, sizeof ref)) != PL10N_OK) return st;
  pot_entry *e = &BUF_ITEMS(&pot->entries, pot_entry)[index];
  if (e->last_ref == NONE) e->first_ref = ref_index;
  else BUF_ITEMS(&pot->refs, pot_ref)[e->last_ref].next = ref_index;
  e->last_ref = ref_index;
  if (m->comments) return merge_comments(pot, e, m->comments);
  return PL10N_OK;
}

pl10n_status pl10n_pot_add_page(pl10n_pot *pot, const pl10n_page *page,
                                pl10n_error *err) {
  size_t n = pl10n_page_message_count(page);
  const char *name = page->name;
  uint32_t file_off = 0;
  if (n && intern(pot, name, &file_off) != PL10N_OK)
    return error_set(err, PL10N_ERR_NOMEM, name, 0, 0, "out of memory");
  for (size_t i = 0; i < n; i++) {
    pl10n_message m;
    pl10n_page_message(page, i, &m);
    if (m.msgid_plural && !m.has_count)
      return error_set(err, PL10N_ERR_XML, name, m.line, m.column, "%s",
                       PLURAL_NEEDS_COUNT);
    pl10n_status st = add_message(pot, &m, file_off);
    if (st != PL10N_OK)
      return error_set(err, st, name, m.line, m.column, "%s", pl10n_strerror(st));
  }
  return PL10N_OK;
}

static void format_now(char *out, size_t n) {
  time_t now = time(NULL);
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch) now = (time_t)strtoll(epoch, NULL, 10);
  struct tm tm;
  if (epoch && *epoch) gmtime_r(&now, &tm);
  else localtime_r(&now, &tm);
  strftime(out, n, "%Y-%m-%d %H:%M%z", &tm);
}

static pl10n_status header_text(const pl10n_pot_header *h, pl10n_buf *out) {
  char date[64];
  if (h && h->creation_date) snprintf(date, sizeof date, "%s", h->creation_date);
  else format_now(date, sizeof date);
  /* As xgettext: "NAME VERSION", "NAME", or the placeholders. */
  const char *name = h && h->package_name ? h->package_name : "PACKAGE";
  const char *version = !(h && h->package_name) ? "VERSION"
                        : h->package_version ? h->package_version : NULL;
  const char *bugs = h && h->msgid_bugs_address ? h->msgid_bugs_address : "";
  return buf_printf(out,
                    "Project-Id-Version: %s%s%s\n"
                    "Report-Msgid-Bugs-To: %s\n"
                    "POT-Creation-Date: %s\n"
                    "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
                    "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
                    "Language-Team: LANGUAGE <LL@li.org>\n"
                    "Language: \n"
                    "MIME-Version: 1.0\n"
                    "Content-Type: text/plain; charset=UTF-8\n"
                    "Content-Transfer-Encoding: 8bit\n",
                    name, version ? " " : "", version ? version : "", bugs, date);
}

static pl10n_status header_comments(const pl10n_pot_header *h, pl10n_buf *out) {
  const char *name = h && h->package_name ? h->package_name : "PACKAGE";
  const char *holder = h && h->copyright_holder ? h->copyright_holder
                                                : "THE PACKAGE'S COPYRIGHT HOLDER";
  return buf_printf(out,
                    "SOME DESCRIPTIVE TITLE.\n"
                    "Copyright (C) YEAR %s\n"
                    "This file is distributed under the same license as the %s package.\n"
                    "FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.\n\n",
                    holder, name);
}

pl10n_status pl10n_pot_write(const pl10n_pot *pot, const pl10n_pot_header *header,
                             pl10n_buf *out, pl10n_error *err) {
  pl10n_buf text = PL10N_BUF_INIT, comments = PL10N_BUF_INIT;
  pl10n_status st = header_text(header, &text);
  if (st == PL10N_OK) st = header_comments(header, &comments);
  po_file_t file = st == PL10N_OK ? po_file_create() : NULL;
  if (!file) {
    pl10n_buf_release(&text);
    pl10n_buf_release(&comments);
    return error_set(err, PL10N_ERR_NOMEM, NULL, 0, 0, "out of memory");
  }
  po_message_iterator_t it = po_message_iterator(file, NULL);
  po_message_t h = po_message_create();
  po_message_set_msgid(h, "");
  po_message_set_msgstr(h, text.data);
  po_message_set_comments(h, comments.data);
  po_message_set_fuzzy(h, 1);
  po_message_insert(it, h);
  const pot_entry *entries = BUF_ITEMS(&pot->entries, pot_entry);
  const pot_ref *refs = BUF_ITEMS(&pot->refs, pot_ref);
  for (size_t i = 0; i < BUF_COUNT(&pot->entries, pot_entry); i++) {
    const pot_entry *e = &entries[i];
    po_message_t m = po_message_create();
    if (e->msgctxt != NONE) po_message_set_msgctxt(m, pot->strings.data + e->msgctxt);
    po_message_set_msgid(m, pot->strings.data + e->msgid);
    if (e->msgid_plural != NONE) {
      po_message_set_msgid_plural(m, pot->strings.data + e->msgid_plural);
      po_message_set_msgstr_plural(m, 0, "");
      po_message_set_msgstr_plural(m, 1, "");
    } else {
      po_message_set_msgstr(m, "");
    }
    if (e->comments != NONE)
      po_message_set_extracted_comments(m, pot->comments[e->comments].data);
    for (uint32_t r = e->first_ref; r != NONE; r = refs[r].next)
      po_message_add_filepos(m, pot->strings.data + refs[r].file, refs[r].line);
    po_message_insert(it, m);
  }
  po_message_iterator_free(it);
  st = pofile_write(file, out, err);
  po_file_free(file);
  pl10n_buf_release(&text);
  pl10n_buf_release(&comments);
  return st;
}
