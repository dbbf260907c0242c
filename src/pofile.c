/* pofile.c - libgettextpo calls with its error callbacks captured. */
#include "pofile.h"

#include "buf.h"
#include "error.h"

#include "buf.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct po_session {
  jmp_buf fatal;
  const char *path;
  pl10n_diagnostic_fn fn;
  void *user;
  pl10n_error *err;
  int errors;
  int everything;  /* warnings and every error go to FN too */
} po_session;

static _Thread_local po_session *current;

/* libgettextpo gives 1-based lines and columns, and (size_t)-1 when it
   has none; pagel10n writes 0 for "none". */
static unsigned long position(size_t n) {
  return n == (size_t)-1 ? 0 : (unsigned long)n;
}

static void report(int severity, const char *file, size_t line, size_t column,
                   const char *text) {
  po_session *s = current;
  (void)file; /* always the file being read: S->PATH, as the caller named it */
  unsigned long l = position(line), c = l ? position(column) : 0;
  if (severity == PO_SEVERITY_WARNING) {
    if (s->everything) diagnostic_warn(s->fn, s->user, s->path, l, c, "%s", text);
    return;
  }
  if (s->errors++ == 0 || (s->err && s->err->line == 0 && l != 0))
    error_set(s->err, PL10N_ERR_CATALOG, s->path, l, c, "%s", text);
  if (s->fn && s->everything && severity == PO_SEVERITY_ERROR) {
    pl10n_diagnostic d = {PL10N_ERROR, s->path, l, c, text};
    s->fn(s->user, &d);
  }
  if (severity == PO_SEVERITY_FATAL_ERROR) longjmp(s->fatal, 1);
}

static void xerror(int severity, po_message_t message, const char *file,
                   size_t line, size_t column, int multiline, const char *text) {
  (void)message;
  (void)multiline;
  report(severity, file, line, column, text);
}

static void xerror2(int severity, po_message_t m1, const char *f1, size_t l1,
                    size_t c1, int ml1, const char *t1, po_message_t m2,
                    const char *f2, size_t l2, size_t c2, int ml2,
                    const char *t2) {
  (void)m1; (void)ml1; (void)m2; (void)f2; (void)c2; (void)ml2;
  char text[1024];
  if (position(l2))
    snprintf(text, sizeof text, "%s (line %lu: %s)", t1, position(l2), t2);
  else
    snprintf(text, sizeof text, "%s (%s)", t1, t2);
  report(severity, f1, l1, c1, text);
}

static const struct po_xerror_handler handler = {xerror, xerror2};

po_file_t pofile_read(const char *path, pl10n_diagnostic_fn fn, void *user,
                      int everything, pl10n_error *err) {
  po_session s;
  memset(&s, 0, sizeof s);
  s.everything = everything;
  s.path = path;
  s.fn = fn;
  s.user = user;
  s.err = err;
  po_session *saved = current;
  current = &s;
  volatile po_file_t file = NULL;
  if (setjmp(s.fatal) == 0) file = po_file_read(path, &handler);
  current = saved;
  if (s.errors) {
    if (file) po_file_free(file);
    return NULL;
  }
  if (!file) error_set(err, PL10N_ERR_IO, path, 0, 0, "cannot read catalog");
  return file;
}

/* libgettextpo does not tell where a message starts in the file.  Its
   iterator returns the entries in file order, and each non-obsolete entry
   has exactly one line beginning with "msgid ", so the k-th such line is the
   k-th entry's.  Returns the line numbers, or an empty list when the file
   cannot be read (positions are then unknown). */
void pofile_locate_entries(const char *path, pl10n_buf *lines) {
  FILE *f = fopen(path, "rb");
  if (!f) return;
  char chunk[4096];
  unsigned long line = 1;
  int at_line_start = 1;
  size_t matched = 0; /* bytes of "msgid " matched at a line start */
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    for (size_t i = 0; i < n; i++) {
      char c = chunk[i];
      if (at_line_start || matched) {
        if (c == "msgid "[matched]) {
          if (++matched == 6) {
            uint32_t l = (uint32_t)line;
            buf_push_item(lines, &l, sizeof l);
            matched = 0;
          }
        } else {
          matched = 0;
        }
      }
      at_line_start = c == '\n';
      if (c == '\n') line++;
    }
  }
  fclose(f);
}

/* Drains a pipe into a buffer while libgettextpo writes into the other end. */
typedef struct pipe_reader {
  int fd;
  pl10n_buf *out;
  pl10n_status status;
} pipe_reader;

static void *drain(void *arg) {
  pipe_reader *r = arg;
  char chunk[65536];
  for (;;) {
    ssize_t n = read(r->fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (r->status == PL10N_OK) r->status = buf_append(r->out, chunk, (size_t)n);
  }
  return NULL;
}

pl10n_status pofile_write(po_file_t file, pl10n_buf *out, pl10n_error *err) {
  /* libgettextpo writes only to a named file and does not report failed
     writes (a full disk leaves a silently truncated file).  So it writes
     into a pipe, read into memory by a thread, and the caller writes the
     bytes itself, checking every write. */
  int fds[2];
  if (pipe(fds) != 0)
    return error_set(err, PL10N_ERR_IO, NULL, 0, 0, "cannot make a pipe: %s",
                     strerror(errno));
  pipe_reader reader = {fds[0], out, PL10N_OK};
  pthread_t thread;
  if (pthread_create(&thread, NULL, drain, &reader) != 0) {
    close(fds[0]);
    close(fds[1]);
    return error_set(err, PL10N_ERR_NOMEM, NULL, 0, 0, "cannot start a thread");
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fds[1]);
  po_session s;
  memset(&s, 0, sizeof s);
  s.path = path;
  s.err = err;
  po_session *saved = current;
  current = &s;
  volatile int ok = 0;
  if (setjmp(s.fatal) == 0) ok = po_file_write(file, path, &handler) != NULL;
  current = saved;
  close(fds[1]);
  pthread_join(thread, NULL);
  close(fds[0]);
  if (reader.status != PL10N_OK)
    return error_set(err, reader.status, NULL, 0, 0, "%s", pl10n_strerror(reader.status));
  if (s.errors || !ok) {
    if (err && s.errors) {
      err->status = PL10N_ERR_IO;
      err->file = NULL;
    } else {
      error_set(err, PL10N_ERR_IO, NULL, 0, 0, "cannot write the catalog");
    }
    return PL10N_ERR_IO;
  }
  return PL10N_OK;
}
