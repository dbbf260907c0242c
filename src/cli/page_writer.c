/* page_writer.c - rendering and writing the pages "pagel10n render" parsed.
 *
 * In a batch this runs on a thread of its own: while it renders one page
 * for every locale and writes the outputs (writev from the page's own bytes
 * and the generated pieces, a temporary file and a rename each), the
 * command reads and parses the next page.  Two slots take turns, so at most
 * two pages are held at a time and the pages are written in order.  The
 * writer owns the counts and the progress line.
 */
#include "page_writer.h"

#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct page_writer {
  page_slot slots[2];
  page_writer_options opt;
  int threaded;
  char **known_dirs; /* per output, the directory made or found for the
                        last page: the next page's file there needs no mkdir */
  /* Counts, kept by whoever writes (the thread, or the caller). */
  size_t pages, failed;
  pl10n_render_stats totals;
  /* Shared with the thread, under LOCK. */
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  int queued[2];  /* slot handed over and not yet written */
  int closing;
  size_t fill;    /* the slot the command fills next */
  size_t next;    /* the slot the writer writes next */
};

/* Makes the directories above PATH, remembering the last one in *KNOWN. */
static int make_parent_dirs(char **known, const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash || slash == path) return 1;
  size_t dir_len = (size_t)(slash - path);
  if (*known && strlen(*known) == dir_len && memcmp(*known, path, dir_len) == 0)
    return 1;
  char *dir = strndup(path, dir_len);
  if (!dir) return 0;
  for (char *p = dir + 1;; p++) {
    if (*p != '/' && *p != '\0') continue;
    char c = *p;
    *p = '\0';
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
      fprintf(stderr, _("%s: error: cannot create directory: %s\n"), dir,
              strerror(errno));
      free(dir);
      return 0;
    }
    *p = c;
    if (!c) break;
  }
  free(*known);
  *known = dir;
  return 1;
}

static int write_output(page_writer *w, const pl10n_page *page, page_output *o,
                        char **known_dir) {
  const struct iovec *iov;
  size_t n;
  pl10n_status st = pl10n_pieces_iov(o->pieces, page, &iov, &n);
  if (st != PL10N_OK) {
    fprintf(stderr, _("%s: error: %s\n"), o->path ? o->path : "-", pl10n_strerror(st));
    return 0;
  }
  if (!o->path) return cli_write_stdout_iov(iov, n);
  return (!w->opt.make_dirs || make_parent_dirs(known_dir, o->path)) &&
         cli_write_file_atomic_iov(o->path, iov, n);
}

static void add_stats(pl10n_render_stats *total, const pl10n_render_stats *s) {
  total->translated += s->translated;
  total->fallback += s->fallback;
  total->rejected += s->rejected;
  total->unknown += s->unknown;
}

/* Writes the slot's outputs and counts the page; the summary counts what
   reached a file. */
static void write_slot(page_writer *w, page_slot *slot) {
  if (slot->ok) w->opt.render(w->opt.user, slot);
  int ok = slot->ok;
  for (size_t i = 0; i < w->opt.n_outputs; i++) {
    page_output *o = &slot->outputs[i];
    if (o->rendered) {
      if (write_output(w, slot->page, o, &w->known_dirs[i]))
        add_stats(&w->totals, &o->stats);
      else ok = 0;
    }
    o->rendered = 0;
    free(o->path);
    o->path = NULL;
  }
  pl10n_page_free(slot->page);
  slot->page = NULL;
  w->pages++;
  if (!ok) w->failed++;
  if (w->opt.progress)
    /* TRANSLATORS: the progress line: program name, pages done, pages. */
    fputc('\r', stderr), fprintf(stderr, _("%s: %zu/%zu pages"), program_name,
                                  w->pages, w->opt.selected);
}

static void *writer_thread(void *arg) {
  page_writer *w = arg;
  pthread_mutex_lock(&w->lock);
  for (;;) {
    while (!w->queued[w->next] && !w->closing) pthread_cond_wait(&w->changed, &w->lock);
    if (!w->queued[w->next]) break; /* closing, and nothing left */
    pthread_mutex_unlock(&w->lock);
    write_slot(w, &w->slots[w->next]);
    pthread_mutex_lock(&w->lock);
    w->queued[w->next] = 0;
    w->next ^= 1;
    pthread_cond_broadcast(&w->changed);
  }
  pthread_mutex_unlock(&w->lock);
  return NULL;
}

page_writer *page_writer_new(const page_writer_options *options) {
  page_writer *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  pthread_mutex_init(&w->lock, NULL);
  pthread_cond_init(&w->changed, NULL);
  w->opt = *options;
  size_t n_outputs = options->n_outputs;
  w->known_dirs = calloc(n_outputs ? n_outputs : 1, sizeof *w->known_dirs);
  if (!w->known_dirs) goto fail;
  for (size_t s = 0; s < 2; s++) {
    w->slots[s].outputs = calloc(n_outputs ? n_outputs : 1, sizeof(page_output));
    if (!w->slots[s].outputs) goto fail;
    for (size_t i = 0; i < n_outputs; i++)
      if (!(w->slots[s].outputs[i].pieces = pl10n_pieces_new())) goto fail;
  }
  /* Without a thread the pages are written as they come, which is as good. */
  w->threaded = options->threaded && pthread_create(&w->thread, NULL, writer_thread, w) == 0;
  return w;
fail:
  page_writer_free(w);
  return NULL;
}

page_slot *page_writer_slot(page_writer *w) {
  size_t s = w->fill;
  if (w->threaded) {
    pthread_mutex_lock(&w->lock);
    while (w->queued[s]) pthread_cond_wait(&w->changed, &w->lock);
    pthread_mutex_unlock(&w->lock);
  }
  w->fill ^= 1;
  page_slot *slot = &w->slots[s];
  slot->ok = 1;
  return slot;
}

void page_writer_submit(page_writer *w, page_slot *slot) {
  if (!w->threaded) {
    write_slot(w, slot);
    return;
  }
  pthread_mutex_lock(&w->lock);
  w->queued[slot - w->slots] = 1;
  pthread_cond_broadcast(&w->changed);
  pthread_mutex_unlock(&w->lock);
}

void page_writer_finish(page_writer *w, size_t *pages, size_t *failed,
                        pl10n_render_stats *totals) {
  if (w->threaded) {
    pthread_mutex_lock(&w->lock);
    w->closing = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    w->threaded = 0;
  }
  if (w->opt.progress && w->pages) fputc('\n', stderr);
  *pages = w->pages;
  *failed = w->failed;
  *totals = w->totals;
}

void page_writer_free(page_writer *w) {
  if (!w) return;
  if (w->threaded) {
    size_t pages, failed;
    pl10n_render_stats totals;
    page_writer_finish(w, &pages, &failed, &totals);
  }
  for (size_t s = 0; s < 2; s++) {
    page_slot *slot = &w->slots[s];
    pl10n_buf_release(&slot->data);
    pl10n_page_free(slot->page);
    for (size_t i = 0; slot->outputs && i < w->opt.n_outputs; i++) {
      pl10n_pieces_free(slot->outputs[i].pieces);
      free(slot->outputs[i].path);
    }
    free(slot->outputs);
  }
  for (size_t i = 0; w->known_dirs && i < w->opt.n_outputs; i++) free(w->known_dirs[i]);
  free(w->known_dirs);
  pthread_mutex_destroy(&w->lock);
  pthread_cond_destroy(&w->changed);
  free(w);
}
