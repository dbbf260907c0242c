#!/usr/bin/env bash
# make-refs.sh - renders the good pages a.xhtml and c.xhtml one at a time
# into ref/LOCALE/PAGE (tl and en, catalog tl.po): what a batch run must
# still write for them when another page of the batch is bad.  The corpus
# runner renders them once and passes them in $PL10N_REFS.
set -e
if [ -n "${PL10N_REFS:-}" ] && [ -d "$PL10N_REFS" ]; then
  cp -R "$PL10N_REFS" ref
  exit 0
fi
for l in tl en; do
  mkdir -p "ref/$l"
  for p in a.xhtml c.xhtml; do
    pagel10n render -c tl.po -l "$l" -o "ref/$l/$p" "$p"
  done
done
