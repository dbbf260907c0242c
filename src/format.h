/* format.h - writing a page's values (counts, numbers, dates) for a locale.
 *
 * A value's raw form comes from the page: a number ("1234", "1,234"), or an
 * ISO 8601 date or date-time from a time element's datetime attribute.
 */
#ifndef PL10N_FORMAT_H
#define PL10N_FORMAT_H

#include "pagel10n.h"

#include <unicode/utypes.h>

/* Appends RAW written in FORMAT (a value_format) for LOCALE.  A value that
   cannot be read gives PL10N_ERR_XML and a REASON. */
pl10n_status format_value(pl10n_formats *f, const char *locale, int format,
                          const char *raw, pl10n_buf *out, char *reason,
                          size_t reason_size);

/* Reads a number as pages write it; returns 0 when RAW is none. */
int format_parse_number(const char *raw, double *value);

/* Reads an ISO 8601 date or date-time; without an offset, in F's zone. */
int format_parse_datetime(pl10n_formats *f, const char *raw, double *ms);

/* Whether relative times have a "now" to count from. */
int format_has_now(const pl10n_formats *f);

#endif
