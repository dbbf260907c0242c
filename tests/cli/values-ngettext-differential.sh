#!/usr/bin/env bash
# tests/cli/values-ngettext-differential.sh - the GNU gettext runtime and
# pagel10n choose the same plural form from the same .mo for every count
# n = 0..1000.
#
# For each catalog below, msgfmt compiles it into
# $work/locale/tl/LC_MESSAGES/t.mo; for every n,
#   TEXTDOMAINDIR=$work/locale LANGUAGE=tl LC_ALL=C.UTF-8 \
#     ngettext -d t "{n} item" "{n} items" N
# gives gettext's form, and one synthetic page with 1001 plural messages
# <p pl:plural="{n} items"><data value="N" pl:value="n">N</data> item</p>,
# rendered with -c t.mo, gives pagel10n's (its value element is turned
# back into "{n}").  The catalogs:
#   tl      Tagalog's own rule (CLDR), 2 forms: "{n} aytem" / "{n} na aytem";
#   6forms  a 6-form rule with nested ?: and %, && and || (the shape of
#           Arabic's rule), so that an implementation that ignores
#           Plural-Forms, or evaluates it wrongly, cannot pass by luck.
# Needs msgfmt and ngettext, and the C.UTF-8 locale (gettext ignores
# LANGUAGE in the C locale); skips when they are missing.
#
# Prints one "ok - NAME" / "not ok - NAME" line per check (see
# tests/run.sh, group "scripts").
set -u

name=values-ngettext-differential
work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

for tool in msgfmt ngettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok - $name # SKIP $tool not found"
    exit 0
  fi
done

# ok, not_ok, failures
. "${BASH_SOURCE[0]%/*}/lib.sh"

max=1000

# The page: one plural message ("{n} item") per n from 0 to max.
plural_page "$max" >"$work/page.xhtml"

header() {
  echo 'msgid ""'
  echo 'msgstr ""'
  echo '"Language: tl\n"'
  echo '"Content-Type: text/plain; charset=UTF-8\n"'
  echo "\"Plural-Forms: $1\\n\""
  echo
  echo 'msgid "{n} item"'
  echo 'msgid_plural "{n} items"'
}
{
  header 'nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);'
  echo 'msgstr[0] "{n} aytem"'
  echo 'msgstr[1] "{n} na aytem"'
} >"$work/tl.po"
{
  header 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 || n%10==7 ? 4 : 5);'
  for k in 0 1 2 3 4 5; do echo "msgstr[$k] \"{n} anyo-$k\""; done
} >"$work/6forms.po"

for c in tl 6forms; do
  locale_dir=$work/$c/locale
  mkdir -p "$locale_dir/tl/LC_MESSAGES"
  if ! msgfmt -c -o "$locale_dir/tl/LC_MESSAGES/t.mo" "$work/$c.po" 2>"$work/$c.msgfmt"; then
    not_ok "$name/$c/msgfmt" "$(head -n 3 "$work/$c.msgfmt")"
    continue
  fi

  # gettext's answers, one line per n.
  for ((n = 0; n <= max; n++)); do
    TEXTDOMAINDIR=$locale_dir LANGUAGE=tl LC_ALL=C.UTF-8 \
      ngettext -d t "{n} item" "{n} items" "$n"
    echo
  done >"$work/$c.gettext"
  # A runtime that finds no catalog answers with the msgids: no comparison
  # would mean anything then.
  if ! grep -q -v -x -e '{n} item' -e '{n} items' "$work/$c.gettext"; then
    echo "ok - $name/$c # SKIP the gettext runtime does not find the catalog (locale C.UTF-8 missing?)"
    continue
  fi

  # pagel10n's answers: the content of each <p>, its value back to {n}.
  if ! pagel10n render -l tl -c "$locale_dir/tl/LC_MESSAGES/t.mo" -o "$work/$c.xhtml" \
      "$work/page.xhtml" 2>"$work/$c.err"; then
    not_ok "$name/$c/render" "$(head -n 3 "$work/$c.err")"
    continue
  fi
  sed -n 's|^<p[^>]*>\(.*\)</p>$|\1|p' "$work/$c.xhtml" |
    sed 's|<data value="[0-9]*" pl:value="n">[0-9,]*</data>|{n}|' >"$work/$c.pagel10n"

  lines=$(wc -l <"$work/$c.pagel10n")
  if [[ $lines -ne $((max + 1)) ]]; then
    not_ok "$name/$c" "pagel10n's page has $lines messages, not $((max + 1))"
    continue
  fi
  if cmp -s "$work/$c.gettext" "$work/$c.pagel10n"; then
    ok "$name/$c (n = 0..$max, $(sort -u "$work/$c.gettext" | wc -l) forms seen)"
  else
    paste -d '\t' "$work/$c.gettext" "$work/$c.pagel10n" |
      awk -F '\t' '$1 != $2 { printf "n=%d: gettext \"%s\", pagel10n \"%s\"\n", NR - 1, $1, $2 }' |
      head -n 5 >"$work/$c.diff"
    mapfile -t details <"$work/$c.diff"
    not_ok "$name/$c" "${details[@]}"
  fi
done

[[ $failures -eq 0 ]]
