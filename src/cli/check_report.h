/* check_report.h - writing the results of "pagel10n check" as a text
 * table, as JSON (schema pagel10n-check/1, documented in README.md) or as
 * one self-contained HTML page.
 */
#ifndef PL10N_CHECK_REPORT_H
#define PL10N_CHECK_REPORT_H

#include "pagel10n.h"

typedef enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_HTML } report_format;

/* What was checked, as the command line said it. */
typedef struct report_input {
  const char *po_dir;
  const char *pot;              /* NULL when the messages came from templates */
  char *const *templates;
  size_t n_templates;
  const char *source_language;
  int has_min_coverage;         /* --min-coverage was given */
} report_input;

/* Appends the report of CHECK in FORMAT to OUT. */
pl10n_status check_report(const pl10n_check *check, report_format format,
                          const report_input *input, pl10n_buf *out);

#endif
