#!/usr/bin/env bash
# tests/cli/values-plural-cldr.sh - for every count n = 0..1000, the plural
# form pagel10n chooses for Tagalog through a catalog whose Plural-Forms
# encodes CLDR's rule equals CLDR's category for n as ICU computes it.
#
# ICU's category is not available from the shell, so pagel10n itself asks
# ICU: with a catalog WITHOUT Plural-Forms it uses CLDR's rules via ICU
# (forms in CLDR order: 0 = "one", 1 = "other").  One synthetic page holds
# 1001 plural messages <p pl:plural="{n} items"><data value="N" ...>, one
# per n; it is rendered twice (Plural-Forms / no Plural-Forms) and the
# forms are compared element by element, and both against the expectation
# computed here from CLDR's rule for tl/fil: "other" when the last digit of
# n is 4, 6 or 9, else "one".
#
# Prints one "ok - NAME" / "not ok - NAME" line per check (see
# tests/run.sh, group "scripts").
set -u

name=values-plural-cldr
work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# ok, not_ok, failures
. "${BASH_SOURCE[0]%/*}/lib.sh"

max=1000

# The page: one plural message ("{n} item") per n from 0 to max.
plural_page "$max" >"$work/page.xhtml"

# Two catalogs that differ only in the Plural-Forms line.  "{n} aytem" /
# "{n} na aytem" (the linker "na" after numbers ending in 4, 6, 9).
catalog() {
  echo 'msgid ""'
  echo 'msgstr ""'
  echo '"Language: tl\n"'
  echo '"Content-Type: text/plain; charset=UTF-8\n"'
  [[ $1 == with ]] &&
    echo '"Plural-Forms: nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);\n"'
  echo
  echo 'msgid "{n} item"'
  echo 'msgid_plural "{n} items"'
  echo 'msgstr[0] "{n} aytem"'
  echo 'msgstr[1] "{n} na aytem"'
}
catalog with >"$work/with.po"
catalog without >"$work/without.po"

# forms FILE: one line "N FORM" per <p> of a rendered page, in page order.
forms() {
  sed -n 's|^<p[^>]*><data value="\([0-9]*\)"[^>]*>[^<]*</data> \(.*\)</p>$|\1 \2|p' "$1" |
    sed 's/ na aytem$/ 1/; s/ aytem$/ 0/'
}

for c in with without; do
  if ! pagel10n render -l tl -c "$work/$c.po" -o "$work/$c.xhtml" "$work/page.xhtml" \
      2>"$work/$c.err"; then
    not_ok "$name/render-$c-plural-forms" "$(head -n 3 "$work/$c.err")"
    exit 1
  fi
  forms "$work/$c.xhtml" >"$work/$c.forms"
done

# The expectation, from CLDR's rule (tl, fil): other = n % 10 in {4, 6, 9}.
for ((n = 0; n <= max; n++)); do
  case $((n % 10)) in
    4 | 6 | 9) echo "$n 1" ;;
    *) echo "$n 0" ;;
  esac
done >"$work/expected.forms"

# Every element was rendered, in order, with one of the two forms.
bad=()
for c in with without; do
  lines=$(wc -l <"$work/$c.forms")
  odd=$(grep -c -v -E '^[0-9]+ [01]$' "$work/$c.forms")
  order=$(cut -d' ' -f1 "$work/$c.forms" | tr '\n' ' ')
  want=$(seq 0 "$max" | tr '\n' ' ')
  [[ $lines -eq $((max + 1)) && $odd -eq 0 && $order == "$want" ]] ||
    bad+=("$c Plural-Forms: $lines forms read, $odd unknown; first lines: $(head -n 3 "$work/$c.forms" | tr '\n' '|')")
done
if [[ ${#bad[@]} -eq 0 ]]; then ok "$name/all-$((max + 1))-elements-rendered"
else not_ok "$name/all-$((max + 1))-elements-rendered" "${bad[@]}"; fi

# diffs A B LABEL: the first differing counts, as "n=N: A-form vs B-form".
diffs() {
  join "$1" "$2" | awk '$2 != $3 { printf "n=%s: %s vs %s\n", $1, $2, $3 }' | head -n 5
}

# Without Plural-Forms: a warning naming the catalog, the CLDR rule is used.
if grep -q -x "$work/without.po: warning: no Plural-Forms in the header; using CLDR's plural rules for tl (2 forms)" \
    "$work/without.err"; then
  ok "$name/warning-without-plural-forms"
else
  not_ok "$name/warning-without-plural-forms" "stderr: $(head -n 3 "$work/without.err" | tr '\n' '|')"
fi
if [[ -s $work/with.err ]]; then
  not_ok "$name/no-warning-with-plural-forms" "stderr: $(head -n 3 "$work/with.err" | tr '\n' '|')"
else
  ok "$name/no-warning-with-plural-forms"
fi

# The three comparisons (join wants its input sorted as text).
for f in with without expected; do sort "$work/$f.forms" >"$work/$f.sorted"; done
check() {
  local label=$1 a=$2 b=$3 d
  d=$(diffs "$work/$a.sorted" "$work/$b.sorted")
  if cmp -s "$work/$a.sorted" "$work/$b.sorted"; then ok "$name/$label"
  else not_ok "$name/$label" "${d:-the lists differ in length}"; fi
}
check plural-forms-equals-icu-cldr with without
check icu-cldr-equals-expectation without expected
check plural-forms-equals-expectation with expected

[[ $failures -eq 0 ]]
