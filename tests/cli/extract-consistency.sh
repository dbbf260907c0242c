#!/usr/bin/env bash
# tests/cli/extract-consistency.sh - properties of "pagel10n extract" that
# hold for every template, checked over the example site and every page of
# the data cases that extracts successfully.  Prints one "ok - NAME" /
# "not ok - NAME" line per check (see tests/run.sh, group "scripts").
#
#   1. -o FILE and standard output give byte-identical POTs;
#   2. two runs with the same SOURCE_DATE_EPOCH are byte-identical;
#   3. every POT passes msgfmt -c;
#   4. the order of the templates on the command line changes only the order
#      of entries, references and notes, not the set of (msgctxt, msgid)
#      (compared with tests/potcmp --unordered --no-refs --no-comments);
#   5. extracting a POT's templates one by one and concatenating with msgcat
#      gives the same set of (msgctxt, msgid) as extracting them together.
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
potcmp=${POTCMP:-$tests_dir/potcmp}
export SOURCE_DATE_EPOCH=0
work=$(mktemp -d "${TMPDIR:-/tmp}/extract-consistency.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# ok, not_ok, failures
. "${BASH_SOURCE[0]%/*}/lib.sh"

# The templates: the example site, then every data-case page that pagel10n
# accepts (the error cases' pages are left out by that test).
templates=("$tests_dir"/../examples/news/pages/*.xhtml)
for f in "$tests_dir"/data/*/*.xhtml "$tests_dir"/data/*/*.xml; do
  [[ -f $f ]] || continue
  if pagel10n extract "$f" >/dev/null 2>&1; then templates+=("$f"); fi
done
if [[ ${#templates[@]} -lt 10 ]]; then
  not_ok "extract/templates-found" "only ${#templates[@]} templates extract successfully"
fi

# 1 and 2: per template.
bad_stdout=() bad_repeat=() bad_msgfmt=()
for f in "${templates[@]}"; do
  pagel10n extract -o "$work/a.pot" "$f" 2>/dev/null
  pagel10n extract "$f" >"$work/b.pot" 2>/dev/null
  pagel10n extract "$f" >"$work/c.pot" 2>/dev/null
  cmp -s "$work/a.pot" "$work/b.pot" || bad_stdout+=("${f#"$tests_dir"/}")
  cmp -s "$work/b.pot" "$work/c.pot" || bad_repeat+=("${f#"$tests_dir"/}")
  msgfmt -c -o /dev/null "$work/a.pot" 2>"$work/msgfmt.err" ||
    bad_msgfmt+=("${f#"$tests_dir"/}: $(grep -v 'warning:' "$work/msgfmt.err" | head -n 1)")
done
if [[ ${#bad_stdout[@]} -eq 0 ]]; then ok "extract/output-file-equals-stdout (${#templates[@]} templates)"
else not_ok "extract/output-file-equals-stdout" "${bad_stdout[@]}"; fi
if [[ ${#bad_repeat[@]} -eq 0 ]]; then ok "extract/deterministic"
else not_ok "extract/deterministic" "${bad_repeat[@]}"; fi
if [[ ${#bad_msgfmt[@]} -eq 0 ]]; then ok "extract/msgfmt-c-accepts-every-pot"
else not_ok "extract/msgfmt-c-accepts-every-pot" "${bad_msgfmt[@]}"; fi

# 3: all templates together, forwards and backwards.
reversed=()
for ((i = ${#templates[@]} - 1; i >= 0; i--)); do reversed+=("${templates[i]}"); done
if pagel10n extract -o "$work/fwd.pot" "${templates[@]}" 2>"$work/err" &&
  pagel10n extract -o "$work/rev.pot" "${reversed[@]}" 2>>"$work/err"; then
  if out=$("$potcmp" --unordered --no-refs --no-comments "$work/fwd.pot" "$work/rev.pot" 2>&1); then
    ok "extract/template-order-keeps-the-set"
  else
    not_ok "extract/template-order-keeps-the-set" "${out:0:400}"
  fi
  if msgfmt -c -o /dev/null "$work/fwd.pot" 2>/dev/null; then ok "extract/msgfmt-c-accepts-combined-pot"
  else not_ok "extract/msgfmt-c-accepts-combined-pot"; fi
else
  not_ok "extract/template-order-keeps-the-set" "$(head -n 3 "$work/err")"
fi

# 5: one by one + msgcat == together.
parts=()
n=0
for f in "${templates[@]}"; do
  n=$((n + 1))
  pagel10n extract -o "$work/part$n.pot" "$f" 2>/dev/null && parts+=("$work/part$n.pot")
done
if msgcat --use-first -o "$work/cat.pot" "${parts[@]}" 2>"$work/err" &&
  out=$("$potcmp" --unordered --no-refs --no-comments "$work/fwd.pot" "$work/cat.pot" 2>&1); then
  ok "extract/together-equals-msgcat-of-parts"
else
  not_ok "extract/together-equals-msgcat-of-parts" "${out:-$(head -n 3 "$work/err")}"
fi

[[ $failures -eq 0 ]]
