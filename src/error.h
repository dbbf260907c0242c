/* error.h - filling pl10n_error and reporting diagnostics. */
#ifndef PL10N_ERROR_H
#define PL10N_ERROR_H

#include "pagel10n.h"

/* Fills ERR (which may be NULL) and returns STATUS. */
pl10n_status error_set(pl10n_error *err, pl10n_status status, const char *file,
                       unsigned long line, unsigned long column,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Sends a warning to FN (which may be NULL). */
void diagnostic_warn(pl10n_diagnostic_fn fn, void *user, const char *file,
                     unsigned long line, unsigned long column,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
