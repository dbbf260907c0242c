#!/usr/bin/env bash
# tests/cli/render-gettext-differential.sh - differential test of the
# catalog look-up against GNU gettext's runtime.  For every message of
# examples/news/po/tl.po, the text pagel10n writes into a page rendered
# with tl.mo must be what `gettext` (`ngettext` for plural entries, at
# several counts) returns for the same msgctxt and msgid from the same .mo.
# Prints one "ok - NAME" / "not ok - NAME" line per message (see
# tests/run.sh, group "scripts").
#
# How: every msgid becomes one <p id="mN"> of a synthetic page:
#   - msgctxt as pl:context;
#   - each <_:NAME-K/> placeholder as an empty <NAME translate="no"/>;
#   - each {NAME} value as <span pl:value="NAME">@NAME@</span> (text
#     values are copied as they are);
#   - a plural entry once per count N, as <p pl:plural="MSGID_PLURAL"
#     pl:count="C"> with its first value C as <data value="N"
#     pl:value="C">N</data> (counts below 1000: no digit grouping).
# The page's extracted msgids must be the catalog's (self-check).  The page
# is rendered with -c tl.mo; the content of each <p> is compared with
# gettext's answer after the same substitutions, with title / aria-label
# values of inline elements looked up through gettext too (render
# translates them as messages of their own), both sides canonicalized with
# xmllint --c14n when it is installed.
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
po=${NEWS_PO:-$tests_dir/../examples/news/po/tl.po}
name=render-gettext-differential
counts=(0 1 2 3 4 5 6 9 10 11 12 14 16 19 21 24 100 104 999)
work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

for tool in msgfmt msgexec gettext ngettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok - $name # SKIP $tool not found"
    exit 0
  fi
done
have_context=1
gettext --help 2>/dev/null | grep -q -e '--context' || have_context=0
have_xmllint=1
command -v xmllint >/dev/null 2>&1 || have_xmllint=0

# ok, not_ok, failures
. "${BASH_SOURCE[0]%/*}/lib.sh"

mo_dir=$work/locale/tl/LC_MESSAGES
mkdir -p "$mo_dir"
if ! msgfmt -o "$mo_dir/news.mo" "$po" 2>"$work/msgfmt.err"; then
  not_ok "$name/msgfmt" "$(head -n 3 "$work/msgfmt.err")"
  exit 1
fi

# The runtime's answer: runtime HAS_CTX CTX MSGID [PLURAL COUNT]
runtime() {
  local ctx=()
  [[ $1 == 1 ]] && ctx=(-c "$2")
  if [[ $# -gt 3 ]]; then
    TEXTDOMAINDIR=$work/locale LANGUAGE=tl LC_ALL=C.UTF-8 \
      ngettext -d news "${ctx[@]}" -- "$3" "$4" "$5"
  else
    TEXTDOMAINDIR=$work/locale LANGUAGE=tl LC_ALL=C.UTF-8 \
      gettext -d news "${ctx[@]}" -- "$3"
  fi
}

# The entries: plural flag, context flag, context, msgid, msgid_plural
# (NUL-separated; a plural entry once, at its form 0).
msgexec -i "$po" sh -c 'cat >/dev/null
  [ "${MSGEXEC_PLURAL_FORM:-0}" = 0 ] || exit 0
  printf "%s\0%s\0%s\0%s\0%s\0" "${MSGEXEC_PLURAL_FORM+1}" "${MSGEXEC_MSGCTXT+1}" \
    "${MSGEXEC_MSGCTXT-}" "$MSGEXEC_MSGID" "${MSGEXEC_MSGID_PLURAL-}"' \
  >"$work/messages" 2>"$work/msgexec.err" || {
  not_ok "$name/msgexec" "$(head -n 3 "$work/msgexec.err")"
  exit 1
}

# Markup for the page (and for the expected text): placeholders, values,
# and the count value C written as the number N.
markup() { # TEXT [C N]
  local s
  s=$(printf '%s' "$1" | sed -E 's|<_:([A-Za-z][-A-Za-z0-9]*)-[0-9]+/>|<\1 translate="no"/>|g')
  if [[ $# -gt 1 ]]; then
    s=${s//"{$2}"/"<data value=\"$3\" pl:value=\"$2\">$3</data>"}
  fi
  printf '%s' "$s" | sed -E 's|\{([A-Za-z_][A-Za-z0-9_]*)\}|<span pl:value="\1">@\1@</span>|g'
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
    printf '<r xmlns="http://www.w3.org/1999/xhtml" xmlns:pl="http://pagel10n.org/ns/1">%s</r>' "$1" |
      xmllint --c14n - 2>&1
  else
    printf '%s' "$1"
  fi
}

# One <p> per message and count; the arrays describe each <p>.
ids=() ctx_flags=() ctxs=() msgids=() plurals=() nums=() cvars=() labels=()
n=0
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n'
  printf '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:pl="http://pagel10n.org/ns/1" lang="en">\n<body>\n'
} >"$work/page.xhtml"
: >"$work/page-msgids"
entries=0
while IFS= read -r -d '' is_plural && IFS= read -r -d '' has_ctx &&
  IFS= read -r -d '' ctx && IFS= read -r -d '' msgid && IFS= read -r -d '' plural; do
  [[ -n $msgid ]] || continue # the header
  label=$msgid
  [[ $has_ctx == 1 ]] && label="$ctx|$msgid"
  if [[ $has_ctx == 1 && $have_context == 0 ]]; then
    echo "# skip $name: $label (this gettext has no --context)"
    continue
  fi
  entries=$((entries + 1))
  ctx_attr=
  [[ $has_ctx == 1 ]] && ctx_attr=" pl:context=\"$(xml_attr "$ctx")\""
  printf '%s\004%s\004%s\n' "$ctx" "$msgid" "$plural" >>"$work/page-msgids"
  if [[ $is_plural == 1 ]]; then
    if [[ ! $msgid =~ \{([A-Za-z_][A-Za-z0-9_]*)\} ]]; then
      echo "# skip $name: $label (a plural entry without a {count} value)"
      continue
    fi
    c=${BASH_REMATCH[1]}
    for k in "${counts[@]}"; do
      n=$((n + 1))
      ids+=("m$n") ctx_flags+=("$has_ctx") ctxs+=("$ctx") msgids+=("$msgid")
      plurals+=("$plural") nums+=("$k") cvars+=("$c") labels+=("$label [n=$k]")
      printf '<p id="m%d"%s pl:plural="%s" pl:count="%s">%s</p>\n' "$n" "$ctx_attr" \
        "$(xml_attr "$plural")" "$c" "$(markup "$msgid" "$c" "$k")" >>"$work/page.xhtml"
    done
  else
    n=$((n + 1))
    ids+=("m$n") ctx_flags+=("$has_ctx") ctxs+=("$ctx") msgids+=("$msgid")
    plurals+=("") nums+=("") cvars+=("") labels+=("$label")
    printf '<p id="m%d"%s>%s</p>\n' "$n" "$ctx_attr" "$(markup "$msgid")" >>"$work/page.xhtml"
  fi
done <"$work/messages"
printf '</body>\n</html>\n' >>"$work/page.xhtml"

if [[ $entries -lt 10 ]]; then
  not_ok "$name/messages" "only $entries messages read from $po"
  exit 1
fi

# Self-check: the synthetic page's chrome is exactly the catalog's entries.
if pagel10n extract -o "$work/page.pot" "$work/page.xhtml" 2>"$work/extract.err"; then
  msgexec -i "$work/page.pot" sh -c 'cat >/dev/null
    [ -n "$MSGEXEC_MSGID" ] && [ "${MSGEXEC_PLURAL_FORM:-0}" = 0 ] &&
      printf "%s\004%s\004%s\n" "${MSGEXEC_MSGCTXT-}" "$MSGEXEC_MSGID" "${MSGEXEC_MSGID_PLURAL-}"; :' |
    LC_ALL=C sort >"$work/extracted"
  LC_ALL=C sort "$work/page-msgids" >"$work/expected-msgids"
  if cmp -s "$work/extracted" "$work/expected-msgids"; then
    ok "$name/page-has-the-catalog-msgids ($entries entries, $n paragraphs)"
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

# What gettext says for paragraph I, with inline title / aria-label values
# looked up too.
expected() {
  local i=$1 want rest out=
  if [[ -n ${nums[i]} ]]; then
    want=$(runtime "${ctx_flags[i]}" "${ctxs[i]}" "${msgids[i]}" "${plurals[i]}" "${nums[i]}")
    want=$(markup "$want" "${cvars[i]}" "${nums[i]}")
  else
    want=$(markup "$(runtime "${ctx_flags[i]}" "${ctxs[i]}" "${msgids[i]}")")
  fi
  rest=$want
  while [[ $rest =~ ^(.*[[:space:]](title|aria-label|aria-description)=\")([^\"]*)(\".*)$ ]]; do
    rest=${BASH_REMATCH[1]}
    out="$(runtime 0 "" "${BASH_REMATCH[3]}")${BASH_REMATCH[4]}$out"
  done
  printf '%s' "$rest$out"
}

# The runtime must answer at all (LANGUAGE is ignored in a "C" locale on
# some systems): when no message comes back translated, skip.
translated=0
for ((i = 0; i < n; i++)); do
  [[ -z ${nums[i]} ]] || continue
  [[ $(runtime "${ctx_flags[i]}" "${ctxs[i]}" "${msgids[i]}") == "${msgids[i]}" ]] ||
    translated=$((translated + 1))
done
if [[ $translated -eq 0 ]]; then
  echo "ok - $name # SKIP gettext translates nothing with LANGUAGE=tl LC_ALL=C.UTF-8 here"
  exit 0
fi

for ((i = 0; i < n; i++)); do
  id=${ids[i]} label=${labels[i]}
  want=$(expected "$i")
  got=$(sed -n "s|^<p id=\"$id\"[^>]*>\\(.*\\)</p>\$|\\1|p" "$work/out.xhtml")
  lines=$(grep -c "^<p id=\"$id\"" "$work/out.xhtml")
  if [[ $lines != 1 ]]; then
    not_ok "$name: $label" "<p id=\"$id\"> is not one line of the rendered page"
  elif [[ $(canon "$want") == "$(canon "$got")" ]]; then
    ok "$name: $label"
  else
    not_ok "$name: $label" "gettext:  $want" "pagel10n: $got"
  fi
done

[[ $failures -eq 0 ]]
