#!/usr/bin/env bash
# tests/cli/render-gettext-differential.sh - differential test of the
# catalog look-up against GNU gettext's runtime.  For every message of
# examples/news/po/tl.po, the text pagel10n writes into a page rendered
# with tl.mo must be what `gettext` returns for the same msgctxt and msgid
# from the same .mo.  Prints one "ok - NAME" / "not ok - NAME" line per
# message (see tests/run.sh, group "scripts").
#
# How: every msgid becomes one <p id="mN"> of a synthetic page (msgctxt as
# pl:context, each <_:NAME-K/> placeholder as an empty <NAME translate="no"/>
# so that the page's msgid is the catalog's).  The page is rendered with
# -c tl.mo; the content of each <p> is compared with gettext's answer after
# the same placeholder substitution, with title / aria-label values of
# inline elements looked up through gettext too (render translates them as
# messages of their own), both sides canonicalized with xmllint --c14n.
# Plural entries (gettext's ngettext) and messages with {values} are
# skipped: they need pl:plural / pl:value markup and a count.
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
po=${NEWS_PO:-$tests_dir/../examples/news/po/tl.po}
name=render-gettext-differential
work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

for tool in msgfmt msgexec gettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok - $name # SKIP $tool not found"
    exit 0
  fi
done
have_context=1
gettext --help 2>/dev/null | grep -q -e '--context' || have_context=0
have_xmllint=1
command -v xmllint >/dev/null 2>&1 || have_xmllint=0

failures=0
ok() { echo "ok - $1"; }
not_ok() {
  failures=$((failures + 1))
  echo "not ok - $1"
  shift
  local d
  for d in "$@"; do printf '  # %s\n' "$d"; done
}

mo_dir=$work/locale/tl/LC_MESSAGES
mkdir -p "$mo_dir"
if ! msgfmt -o "$mo_dir/news.mo" "$po" 2>"$work/msgfmt.err"; then
  not_ok "$name/msgfmt" "$(head -n 3 "$work/msgfmt.err")"
  exit 1
fi

# gettext's answer for (has_context, context, msgid).
runtime() {
  if [[ $1 == 1 ]]; then
    TEXTDOMAINDIR=$work/locale LANGUAGE=tl LC_ALL=C.UTF-8 gettext -d news -c "$2" -- "$3"
  else
    TEXTDOMAINDIR=$work/locale LANGUAGE=tl LC_ALL=C.UTF-8 gettext -d news -- "$3"
  fi
}

# The messages: plural flag, context flag, context, msgid (NUL-separated).
msgexec -i "$po" sh -c 'cat >/dev/null; printf "%s\0%s\0%s\0%s\0" "${MSGEXEC_PLURAL_FORM+1}" "${MSGEXEC_MSGCTXT+1}" "${MSGEXEC_MSGCTXT-}" "$MSGEXEC_MSGID"' \
  >"$work/messages" 2>"$work/msgexec.err" || {
  not_ok "$name/msgexec" "$(head -n 3 "$work/msgexec.err")"
  exit 1
}

# <_:NAME-K/> -> <NAME translate="no"/>
unplaceholder() {
  sed -E 's|<_:([A-Za-z][-A-Za-z0-9]*)-[0-9]+/>|<\1 translate="no"/>|g'
}

xml_attr() {
  local s=$1
  s=${s//&/&amp;}
  s=${s//</&lt;}
  s=${s//\"/&quot;}
  printf '%s' "$s"
}

canon() {
  if [[ $have_xmllint == 1 ]]; then
    printf '<r xmlns="http://www.w3.org/1999/xhtml">%s</r>' "$1" | xmllint --c14n - 2>&1
  else
    printf '%s' "$1"
  fi
}

ids=() ctx_flags=() ctxs=() msgids=()
n=0
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n'
  printf '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:pl="http://pagel10n.org/ns/1" lang="en">\n<body>\n'
} >"$work/page.xhtml"
: >"$work/page-msgids"
while IFS= read -r -d '' plural && IFS= read -r -d '' has_ctx &&
  IFS= read -r -d '' ctx && IFS= read -r -d '' msgid; do
  [[ -n $msgid ]] || continue # the header
  label=$msgid
  [[ $has_ctx == 1 ]] && label="$ctx|$msgid"
  if [[ $plural == 1 ]]; then
    echo "# skip $name: $label (plural entry)"
    continue
  fi
  if [[ $msgid == *"{"* ]]; then
    echo "# skip $name: $label (a message with values)"
    continue
  fi
  if [[ $has_ctx == 1 && $have_context == 0 ]]; then
    echo "# skip $name: $label (this gettext has no --context)"
    continue
  fi
  n=$((n + 1))
  ids+=("m$n") ctx_flags+=("$has_ctx") ctxs+=("$ctx") msgids+=("$msgid")
  ctx_attr=
  [[ $has_ctx == 1 ]] && ctx_attr=" pl:context=\"$(xml_attr "$ctx")\""
  printf '<p id="m%d"%s>%s</p>\n' "$n" "$ctx_attr" "$(printf '%s' "$msgid" | unplaceholder)" \
    >>"$work/page.xhtml"
  printf '%s\004%s\n' "$ctx" "$msgid" >>"$work/page-msgids"
done <"$work/messages"
printf '</body>\n</html>\n' >>"$work/page.xhtml"

if [[ $n -lt 10 ]]; then
  not_ok "$name/messages" "only $n messages read from $po"
  exit 1
fi

# Self-check: the synthetic page's chrome is exactly the catalog's msgids.
if pagel10n extract -o "$work/page.pot" "$work/page.xhtml" 2>"$work/extract.err"; then
  msgexec -i "$work/page.pot" sh -c 'cat >/dev/null; [ -n "$MSGEXEC_MSGID" ] && printf "%s\004%s\n" "${MSGEXEC_MSGCTXT-}" "$MSGEXEC_MSGID"; :' |
    LC_ALL=C sort >"$work/extracted"
  LC_ALL=C sort "$work/page-msgids" >"$work/expected-msgids"
  if cmp -s "$work/extracted" "$work/expected-msgids"; then
    ok "$name/page-has-the-catalog-msgids ($n messages)"
  else
    not_ok "$name/page-has-the-catalog-msgids" \
      "$(diff "$work/expected-msgids" "$work/extracted" | head -n 10 | tr '\004' '|')"
  fi
else
  not_ok "$name/extract" "$(head -n 3 "$work/extract.err")"
fi

if ! pagel10n render -c "$mo_dir/news.mo" -l tl -o "$work/out.xhtml" "$work/page.xhtml" \
  2>"$work/render.err"; then
  not_ok "$name/render" "$(head -n 5 "$work/render.err")"
  exit 1
fi
if [[ -s $work/render.err ]]; then
  not_ok "$name/render-is-silent" "$(head -n 5 "$work/render.err")"
fi

# The runtime must answer at all (LANGUAGE is ignored in a "C" locale on
# some systems): when no message comes back translated, skip.
translated=0
for ((i = 0; i < n; i++)); do
  [[ $(runtime "${ctx_flags[i]}" "${ctxs[i]}" "${msgids[i]}") == "${msgids[i]}" ]] ||
    translated=$((translated + 1))
done
if [[ $translated -eq 0 ]]; then
  echo "ok - $name # SKIP gettext translates nothing with LANGUAGE=tl LC_ALL=C.UTF-8 here"
  exit 0
fi

for ((i = 0; i < n; i++)); do
  id=${ids[i]} msgid=${msgids[i]} label=${msgids[i]}
  [[ ${ctx_flags[i]} == 1 ]] && label="${ctxs[i]}|${msgids[i]}"
  # What gettext says, with inline title / aria-label values looked up too.
  want=$(runtime "${ctx_flags[i]}" "${ctxs[i]}" "$msgid" | unplaceholder)
  rest=$want want=
  while [[ $rest =~ ^(.*[[:space:]](title|aria-label|aria-description)=\")([^\"]*)(\".*)$ ]]; do
    rest=${BASH_REMATCH[1]}
    want="$(runtime 0 "" "${BASH_REMATCH[3]}")${BASH_REMATCH[4]}$want"
  done
  want=$rest$want
  # What pagel10n wrote.
  got=$(sed -n "s|^<p id=\"$id\"[^>]*>\\(.*\\)</p>\$|\\1|p" "$work/out.xhtml")
  line=$(grep -c "^<p id=\"$id\"" "$work/out.xhtml")
  if [[ $line != 1 ]]; then
    not_ok "$name: $label" "<p id=\"$id\"> is not one line of the rendered page"
  elif [[ $(canon "$want") == "$(canon "$got")" ]]; then
    ok "$name: $label"
  else
    not_ok "$name: $label" "gettext:  $want" "pagel10n: $got"
  fi
done

[[ $failures -eq 0 ]]
