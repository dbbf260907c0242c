/* render.h - the render plan: for every chrome message of a page, which
 * text to write for the target locale.
 *
 * Normally a page's chrome is in the source language and each message is
 * looked up in the target catalog.  A page whose chrome is already in some
 * catalog's language (re-localizing) is recognized by matching its chrome
 * against the catalogs' translations; each message is then mapped back to
 * its msgid, with the order of its inline elements and placeholders, and
 * from there to the target language.
 */
#ifndef PL10N_RENDER_H
#define PL10N_RENDER_H

#include "pagel10n.h"

typedef struct render_choice {
  const char *ops;                /* operations to write; NULL keeps the page's text */
  uint32_t ops_len;
  const uint32_t *inline_map;     /* msgid inline k -> page inline; NULL = same */
  const uint32_t *placeholder_map;
  const char *language;           /* language of the text written */
} render_choice;

typedef struct render_plan {
  render_choice *choices;         /* one per page message */
  pl10n_buf maps;                 /* uint32_t storage of the maps */
  pl10n_buf source_ops;           /* compiled msgids (re-localizing) */
  const char *content_language;   /* what unmarked content is written in */
  pl10n_render_stats stats;
} render_plan;

pl10n_status render_plan_make(const pl10n_page *page,
                              const pl10n_render_options *opt,
                              render_plan *plan, pl10n_error *err);

void render_plan_free(render_plan *plan);

#endif
