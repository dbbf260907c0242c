/* cli.h - what the pagel10n commands share: messages through libintl,
 * exit codes, reading inputs and writing outputs atomically.
 */
#ifndef PL10N_CLI_H
#define PL10N_CLI_H

#include "pagel10n.h"

#include <libintl.h>
#include <stdio.h>
#include <sys/uio.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Exit codes (documented in pagel10n.1). */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1, /* some page failed, or check found a problem */
  EXIT_USAGE = 2   /* bad usage or unreadable/malformed input */
};

extern const char *program_name;

/* Prints "pagel10n: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints ERR as "FILE:LINE:COL: error: MESSAGE" (parts known only). */
void cli_print_error(const pl10n_error *err);

/* A diagnostic callback printing "FILE:LINE[:COL]: warning: MESSAGE". */
void cli_print_diagnostic(void *user, const pl10n_diagnostic *d);

/* Reads the whole of PATH ("-" = standard input) into OUT.  Prints the
   error and returns 0 on failure. */
int cli_read_file(const char *path, pl10n_buf *out);

/* Writes DATA to PATH atomically: a temporary file in the same directory,
   then rename.  On failure prints the error, removes the temporary file and
   returns 0. */
int cli_write_file_atomic(const char *path, const char *data, size_t len);
/* The same for the N pieces of IOV, written in order. */
int cli_write_file_atomic_iov(const char *path, const struct iovec *iov, size_t n);

/* Writes DATA to standard output and flushes it; prints the error and
   returns 0 when that fails (closed, full, broken pipe). */
int cli_write_stdout(const char *data, size_t len);
int cli_write_stdout_iov(const struct iovec *iov, size_t n);

/* True when S ends in SUFFIX (and is longer). */
int cli_has_suffix(const char *s, const char *suffix);

/* Appends to PATHS (malloc'd char * items) the files DIR/NAME whose NAME
   ends in one of the NULL-terminated SUFFIXES, dot files left out, sorted.
   Prints the error and returns 0 on failure. */
int cli_list_dir(const char *dir, const char *const *suffixes, pl10n_buf *paths);

/* Creates a temporary file next to PATH; returns its name (malloc'd) and
   an open descriptor in *FD, or NULL after printing the error.  Until
   cli_temp_done(), a fatal signal removes the file before the program ends. */
char *cli_temp_beside(const char *path, int *fd);
void cli_temp_done(void);

/* True when PATH names the same file as one of the N INPUTS. */
int cli_same_file_as_any(const char *path, char *const *inputs, int n);

/* Prints the --version text. */
void cli_print_version(void);

int cmd_extract(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_check(int argc, char **argv);

#endif
