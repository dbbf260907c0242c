/* cli_util.c - file input, atomic output and message printing for the
   pagel10n commands. */
#include "cli.h"

#include "../buf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

const char *program_name = "pagel10n";

void cli_error(const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s: ", program_name);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static void print_position(const char *file, unsigned long line,
                           unsigned long column) {
  if (file) fprintf(stderr, "%s:", file);
  else fprintf(stderr, "%s:", program_name);
  if (line) fprintf(stderr, "%lu:", line);
  if (line && column) fprintf(stderr, "%lu:", column);
  fputc(' ', stderr);
}

void cli_print_error(const pl10n_error *err) {
  print_position(err->file, err->line, err->column);
  fprintf(stderr, _("error: %s\n"), err->message);
}

void cli_print_diagnostic(void *user, const pl10n_diagnostic *d) {
  (void)user;
  print_position(d->file, d->line, d->column);
  if (d->severity == PL10N_ERROR) fprintf(stderr, _("error: %s\n"), d->message);
  else fprintf(stderr, _("warning: %s\n"), d->message);
}

int cli_read_file(const char *path, pl10n_buf *out) {
  int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    fprintf(stderr, _("%s: error: cannot open: %s\n"), path, strerror(errno));
    return 0;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) memset(&st, 0, sizeof st);
  if (S_ISDIR(st.st_mode)) {
    fprintf(stderr, _("%s: error: is a directory\n"), path);
    close(fd);
    return 0;
  }
  buf_clear(out);
  /* The parser refuses pages over 256 MiB; do not read more than that
     (extract /dev/zero must stop). */
  out->limit = ((size_t)256 << 20) + 1;
  /* A regular file is read into room for its size and one byte more (to
     see the end), so that the buffer, kept from page to page, stays at the
     largest page. */
  size_t expected = st.st_size > 0 && S_ISREG(st.st_mode) && (size_t)st.st_size < out->limit
                        ? (size_t)st.st_size + 1 : 0;
  if (expected && out->cap < expected + 1) buf_reserve(out, expected);
  for (;;) {
    pl10n_status s = out->cap > out->len + 1 ? PL10N_OK : buf_reserve(out, 65536);
    if (s == PL10N_ERR_LIMIT && out->len < out->limit - 1) s = buf_reserve(out, 1);
    if (s != PL10N_OK) {
      fprintf(stderr, s == PL10N_ERR_LIMIT ? _("%s: error: larger than 256 MiB\n")
                                           : _("%s: error: %s\n"),
              path, pl10n_strerror(s));
      if (fd != STDIN_FILENO) close(fd);
      return 0;
    }
    size_t room = out->cap - out->len - 1;
    if (out->limit && room > out->limit - out->len) room = out->limit - out->len;
    if (room == 0) { /* the limit reached, and more to read */
      fprintf(stderr, _("%s: error: larger than 256 MiB\n"), path);
      if (fd != STDIN_FILENO) close(fd);
      return 0;
    }
    ssize_t n = read(fd, out->data + out->len, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      fprintf(stderr, _("%s: error: cannot read: %s\n"), path, strerror(errno));
      if (fd != STDIN_FILENO) close(fd);
      return 0;
    }
    if (n == 0) break;
    out->len += (size_t)n;
    out->data[out->len] = '\0';
  }
  if (fd != STDIN_FILENO) close(fd);
  return 1;
}

int cli_has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n > m && strcmp(s + n - m, suffix) == 0;
}

static int compare_paths(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int cli_list_dir(const char *dir, const char *const *suffixes, pl10n_buf *paths) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, _("%s: error: cannot open directory: %s\n"), dir, strerror(errno));
    return 0;
  }
  int ok = 1;
  struct dirent *ent;
  while (ok && (ent = readdir(d)) != NULL) {
    int wanted = 0;
    for (size_t k = 0; suffixes[k] && !wanted; k++)
      wanted = cli_has_suffix(ent->d_name, suffixes[k]);
    if (ent->d_name[0] == '.' || !wanted) continue;
    size_t size = strlen(dir) + strlen(ent->d_name) + 2;
    char *path = malloc(size);
    if (path) snprintf(path, size, "%s/%s", dir, ent->d_name);
    ok = path && buf_push_item(paths, &path, sizeof path) == PL10N_OK;
    if (!ok) free(path);
  }
  closedir(d);
  if (BUF_COUNT(paths, char *) > 1)
    qsort(paths->data, BUF_COUNT(paths, char *), sizeof(char *), compare_paths);
  if (!ok) cli_error("%s", pl10n_strerror(PL10N_ERR_NOMEM));
  return ok;
}

/* The temporary file being written, removed if a signal ends the program
   before it is renamed into place. */
static char *volatile pending_temp;

static void remove_pending_temp(int sig) {
  char *tmp = pending_temp;
  if (tmp) unlink(tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void watch_signals(void) {
  static int installed;
  if (installed) return;
  installed = 1;
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
  for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_pending_temp;
    sigemptyset(&sa.sa_mask);
    /* Keep a signal the caller chose to ignore ignored. */
    if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(signals[i], &sa, NULL);
  }
}

void cli_temp_done(void) { pending_temp = NULL; }

char *cli_temp_beside(const char *path, int *fd) {
  watch_signals();
  static unsigned long counter;
  const char *slash = strrchr(path, '/');
  size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
  const char *base = slash ? slash + 1 : path;
  size_t n = dir_len + strlen(base) + 48;
  char *tmp = malloc(n);
  if (!tmp) {
    cli_error("%s", pl10n_strerror(PL10N_ERR_NOMEM));
    return NULL;
  }
  /* ".NAME.PID.N": unique within the process, and O_EXCL settles a clash
     with another one.  The mode gives the file the permissions an ordinary
     new file gets (0666 less the umask). */
  for (int attempt = 0;; attempt++) {
    snprintf(tmp, n, "%.*s.%s.%ld.%lu", (int)dir_len, path, base, (long)getpid(),
             counter++);
    *fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (*fd >= 0 || errno != EEXIST || attempt == 100) break;
  }
  if (*fd < 0) {
    fprintf(stderr, _("%s: error: cannot create a file in its directory: %s\n"),
            path, strerror(errno));
    free(tmp);
    return NULL;
  }
  pending_temp = tmp;
  return tmp;
}

/* Writes the N pieces of IOV to FD, however many writev calls it takes. */
static int write_all(int fd, const struct iovec *iov, size_t n) {
  enum { BATCH = 256 };
  struct iovec batch[BATCH];
  while (n) {
    size_t k = n < BATCH ? n : BATCH, first = 0;
    memcpy(batch, iov, k * sizeof *batch);
    while (first < k) {
      ssize_t done = writev(fd, batch + first, (int)(k - first));
      if (done < 0 && errno == EINTR) continue;
      if (done < 0) return 0;
      for (size_t d = (size_t)done; d && first < k;) {
        if (d >= batch[first].iov_len) {
          d -= batch[first++].iov_len;
        } else {
          batch[first].iov_base = (char *)batch[first].iov_base + d;
          batch[first].iov_len -= d;
          d = 0;
        }
      }
      while (first < k && batch[first].iov_len == 0) first++;
    }
    iov += k;
    n -= k;
  }
  return 1;
}

int cli_write_file_atomic_iov(const char *path, const struct iovec *iov, size_t n) {
  int fd;
  char *tmp = cli_temp_beside(path, &fd);
  if (!tmp) return 0;
  int ok = write_all(fd, iov, n);
  int saved = errno;
  if (close(fd) != 0 && ok) { ok = 0; saved = errno; }
  if (ok && rename(tmp, path) != 0) { ok = 0; saved = errno; }
  if (!ok) {
    fprintf(stderr, _("%s: error: cannot write: %s\n"), path, strerror(saved));
    unlink(tmp);
  }
  cli_temp_done();
  free(tmp);
  return ok;
}

int cli_write_file_atomic(const char *path, const char *data, size_t len) {
  struct iovec one = {(void *)(data ? data : ""), len};
  return cli_write_file_atomic_iov(path, &one, len ? 1 : 0);
}

int cli_write_stdout_iov(const struct iovec *iov, size_t n) {
  int ok = fcntl(STDOUT_FILENO, F_GETFD) >= 0;
  for (size_t i = 0; ok && i < n; i++)
    ok = fwrite(iov[i].iov_base, 1, iov[i].iov_len, stdout) == iov[i].iov_len;
  if (!ok || fflush(stdout) != 0) {
    cli_error(_("cannot write to standard output: %s"), strerror(errno));
    return 0;
  }
  return 1;
}

int cli_write_stdout(const char *data, size_t len) {
  struct iovec one = {(void *)(data ? data : ""), len};
  return cli_write_stdout_iov(&one, 1);
}

int cli_same_file_as_any(const char *path, char *const *inputs, int n) {
  struct stat out;
  if (stat(path, &out) != 0) return 0;
  for (int i = 0; i < n; i++) {
    struct stat in;
    if (stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
        in.st_ino == out.st_ino)
      return 1;
  }
  return 0;
}

void cli_print_version(void) {
  printf("pagel10n %s\n", PL10N_VERSION);
  fputs(_("Copyright (C) 2026 the pagel10n developers.\n"
          "License: GPL-3.0-or-later.  There is NO WARRANTY, to the extent "
          "permitted by law.\n"),
        stdout);
}
