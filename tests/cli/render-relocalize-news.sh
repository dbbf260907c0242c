#!/usr/bin/env bash
# tests/cli/render-relocalize-news.sh - re-localizing the example site.
# Each page of examples/news/pages is rendered into tl out of a copy of
# examples/news/po, then that Tagalog page is rendered again:
#
#   1. into en: its chrome is the chrome of the original page rendered
#      into en (the same (msgctxt, msgid) list when extracted, in the same
#      order; whitespace inside messages is folded by design), the root
#      says lang="en", and nothing is reported in no catalog;
#   2. into tl: byte-identical to the first Tagalog page;
#   3. the English page of step 1 into tl: byte-identical to the first
#      Tagalog page as well;
#   4. the original page rendered into en, rendered into en again, is
#      byte-identical (values, dates and plural forms are already written
#      for en; the template itself may differ: see the data cases for the
#      byte identity of pages without values).
#
# Every render uses the same --now and --time-zone, so that dates and
# relative times come out the same each time.
# Prints one "ok - NAME" / "not ok - NAME" line per check and page (see
# tests/run.sh, group "scripts").
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
news=$tests_dir/../examples/news
name=render-relocalize-news
work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# ok, not_ok, failures
. "${BASH_SOURCE[0]%/*}/lib.sh"

if ! command -v msgexec >/dev/null 2>&1; then
  echo "# skip $name: msgexec not found"
  exit 0
fi

when=(--now 2025-11-27T04:00:00Z --time-zone Asia/Manila)

# Only the catalogs themselves: no stale .mo or .pot from "make".
mkdir -p "$work/po"
cp "$news"/po/*.po "$work/po/" || exit 2

# The (msgctxt, msgid) list of a page's chrome, in extraction order.
chrome() {
  pagel10n extract -o "$work/chrome.pot" "$1" 2>/dev/null &&
    msgexec -i "$work/chrome.pot" sh -c \
      'cat >/dev/null; [ -n "$MSGEXEC_MSGID" ] && printf "%s|%s\n" "${MSGEXEC_MSGCTXT-}" "$MSGEXEC_MSGID"; :'
}

# The root element's start tag.
root_tag() {
  tr '\n' ' ' <"$1" | grep -o '<html[^>]*>' | head -n 1
}

n=0
for page in "$news"/pages/*.xhtml; do
  n=$((n + 1))
  p=${page##*/}
  d=$work/$p.d
  mkdir -p "$d"
  if ! pagel10n render "${when[@]}" -d "$work/po" -l tl -o "$d/tl.xhtml" "$page" 2>"$d/err1"; then
    not_ok "$name/$p: render into tl" "$(head -n 3 "$d/err1")"
    continue
  fi
  if cmp -s "$page" "$d/tl.xhtml"; then
    not_ok "$name/$p: render into tl" "the Tagalog page equals the English one"
    continue
  fi

  # 4 first: the original into en, twice.
  if pagel10n render "${when[@]}" -d "$work/po" -l en -o "$d/en0.xhtml" "$page" 2>"$d/err5" &&
    pagel10n render "${when[@]}" -d "$work/po" -l en -o "$d/en00.xhtml" "$d/en0.xhtml" 2>>"$d/err5" &&
    cmp -s "$d/en0.xhtml" "$d/en00.xhtml"; then
    ok "$name/$p: the page rendered into en is stable under rendering into en"
  else
    not_ok "$name/$p: the page rendered into en is stable under rendering into en" \
      "$(head -n 3 "$d/err5")" "$(diff "$d/en0.xhtml" "$d/en00.xhtml" 2>&1 | head -n 8)"
  fi

  # 1. back into en
  if pagel10n render "${when[@]}" -d "$work/po" -l en -o "$d/en.xhtml" "$d/tl.xhtml" 2>"$d/err2"; then
    chrome "$d/en0.xhtml" >"$d/chrome.orig"
    chrome "$d/en.xhtml" >"$d/chrome.back"
    if [[ -s $d/chrome.orig ]] && cmp -s "$d/chrome.orig" "$d/chrome.back"; then
      ok "$name/$p: tl page back into en has the English chrome ($(wc -l <"$d/chrome.orig") messages)"
    else
      not_ok "$name/$p: tl page back into en has the English chrome" \
        "$(diff "$d/chrome.orig" "$d/chrome.back" | head -n 10)"
    fi
    root=$(root_tag "$d/en.xhtml")
    if [[ $root == *' lang="en"'* && $root != *'lang="tl"'* ]]; then
      ok "$name/$p: tl page back into en says lang=\"en\""
    else
      not_ok "$name/$p: tl page back into en says lang=\"en\"" "root: $root"
    fi
    if grep -q 'in no catalog' "$d/err2"; then
      not_ok "$name/$p: tl page back into en finds all its chrome" "$(head -n 3 "$d/err2")"
    else
      ok "$name/$p: tl page back into en finds all its chrome"
    fi
  else
    not_ok "$name/$p: tl page back into en" "$(head -n 3 "$d/err2")"
  fi

  # 2. into tl again
  if pagel10n render "${when[@]}" -d "$work/po" -l tl -o "$d/tl2.xhtml" "$d/tl.xhtml" 2>"$d/err3" &&
    cmp -s "$d/tl.xhtml" "$d/tl2.xhtml"; then
    ok "$name/$p: tl page into tl again is byte-identical"
  else
    not_ok "$name/$p: tl page into tl again is byte-identical" \
      "$(head -n 3 "$d/err3")" "$(diff "$d/tl.xhtml" "$d/tl2.xhtml" | head -n 8)"
  fi

  # 3. the English page of step 1 into tl
  if [[ -f $d/en.xhtml ]] &&
    pagel10n render "${when[@]}" -d "$work/po" -l tl -o "$d/tl3.xhtml" "$d/en.xhtml" 2>"$d/err4" &&
    cmp -s "$d/tl.xhtml" "$d/tl3.xhtml"; then
    ok "$name/$p: en -> tl -> en -> tl gives the first tl page"
  else
    not_ok "$name/$p: en -> tl -> en -> tl gives the first tl page" \
      "$(head -n 3 "$d/err4" 2>/dev/null)" "$(diff "$d/tl.xhtml" "$d/tl3.xhtml" 2>&1 | head -n 8)"
  fi

done

if [[ $n -eq 0 ]]; then
  not_ok "$name/pages" "no pages in $news/pages"
fi
[[ $failures -eq 0 ]]
