/* page_writer.h - rendering and writing parsed pages for "pagel10n render",
 * on a thread of its own in a batch, so that rendering and writing one page
 * overlaps reading and parsing the next.
 *
 * Use: page_writer_slot() gives a free slot (waiting for the writer when
 * both are taken); the command sets slot->name, reads the page into
 * slot->data and parses it into slot->page; page_writer_submit() hands the
 * slot over.  The writer calls the RENDER function given to
 * page_writer_new(), which renders every output into
 * slot->outputs[i].pieces, setting .path (NULL: standard output) and
 * .rendered; then it writes the outputs, counts the page, frees slot->page
 * and gives the slot back.  Everything that renders (catalogs, formatters)
 * is used by the writer alone.
 */
#ifndef PL10N_PAGE_WRITER_H
#define PL10N_PAGE_WRITER_H

#include "pagel10n.h"

#include <stddef.h>

typedef struct page_output {
  pl10n_pieces *pieces;
  pl10n_render_stats stats;
  char *path;   /* malloc'd; NULL: standard output */
  int rendered; /* pieces hold the page for this output, to be written */
} page_output;

typedef struct page_slot {
  const char *name;     /* the page's name, as given */
  pl10n_buf data;       /* the page as read (memory kept from page to page) */
  pl10n_page *page;     /* parsed from DATA; freed by the writer */
  page_output *outputs; /* one per locale */
  int ok;               /* 0: the page failed before writing */
} page_slot;

typedef struct page_writer page_writer;

typedef void (*page_render_fn)(void *user, page_slot *slot);

typedef struct page_writer_options {
  size_t n_outputs;      /* outputs of every page */
  page_render_fn render; /* called with USER for every parsed page */
  void *user;
  int threaded;          /* on a thread of its own */
  int make_dirs;         /* create the directories above an output path */
  int progress;          /* show "done/SELECTED pages" on stderr */
  size_t selected;
} page_writer_options;

/* NULL when out of memory. */
page_writer *page_writer_new(const page_writer_options *options);

page_slot *page_writer_slot(page_writer *w);
void page_writer_submit(page_writer *w, page_slot *slot);

/* Waits for every page handed over to be written, then gives the counts:
   pages, pages that failed, and the stats of the outputs that reached a
   file. */
void page_writer_finish(page_writer *w, size_t *pages, size_t *failed,
                        pl10n_render_stats *totals);

void page_writer_free(page_writer *w);

#endif
