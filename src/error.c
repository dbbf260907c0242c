/* error.c - status strings, error records and warnings. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

const char *pl10n_strerror(pl10n_status status) {
  switch (status) {
    case PL10N_OK: return "success";
    case PL10N_ERR_NOMEM: return "out of memory";
    case PL10N_ERR_IO: return "input/output error";
    case PL10N_ERR_XML: return "not well-formed XML";
    case PL10N_ERR_ENCODING: return "unsupported encoding";
    case PL10N_ERR_CATALOG: return "malformed catalog";
    case PL10N_ERR_LOCALE: return "unknown locale";
    case PL10N_ERR_LIMIT: return "size or depth limit exceeded";
    case PL10N_ERR_AMBIGUOUS: return "ambiguous chrome";
    case PL10N_ERR_USAGE: return "invalid argument";
  }
  return "unknown error";
}

pl10n_status error_set(pl10n_error *err, pl10n_status status, const char *file,
                       unsigned long line, unsigned long column,
                       const char *fmt, ...) {
  if (!err) return status;
  err->status = status;
  err->file = file;
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return status;
}

void diagnostic_warn(pl10n_diagnostic_fn fn, void *user, const char *file,
                     unsigned long line, unsigned long column,
                     const char *fmt, ...) {
  if (!fn) return;
  char message[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  pl10n_diagnostic d = {PL10N_WARNING, file, line, column, message};
  fn(user, &d);
}
