#!/usr/bin/env bash
# tests/conformance.sh - runs pagel10n against the shared ITS / gettext
# conformance data ($CONFORMANCE_DIR, described by its README.md and
# manifest.tsv) and prints one "ok - NAME" / "not ok - NAME" line per check.
#
# Owns: the choice of applicable cases and how each is checked.
#
# pagel10n implements ITS 2.0 *local* markup only (its:translate, its:locNote,
# its:locNoteRef, its:withinText, its:span, xml:space, the HTML translate
# attribute), not global its:rules.  So only itstool cases whose rules
# column is "none" or starts with "none (local only)" apply:
#   conformance/itstool/CASE/pot    (cd $CONFORMANCE_DIR/itstool &&
#       pagel10n extract -o OUT tests/...xml), then tests/potcmp EXPECTED OUT
#       (ordered, references and extracted comments compared)
#   conformance/itstool/CASE/merge  msgfmt the case's PO, pagel10n render -c MO
#       -l LANG -o OUT INPUT, then compare xmllint --c14n of expected and
#       actual.  Printed as "# skip ..." (not counted) while
#       "pagel10n render --help" fails.
# Every other case is listed once as "# not applicable: SUITE/CASE (reason)".
#
# Environment: PAGEL10N (default <repo>/pagel10n), CONFORMANCE_DIR (default
# <repo>/../shared/conformance), POTCMP (default tests/potcmp; built into a
# temporary directory from tests/potcmp.c when missing or older than it).
# Exit status: 1 if any check failed, else 0.
set -u

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)

absolute() {
  local p=$1
  [[ $p == /* ]] || p=$PWD/$p
  printf '%s\n' "$p"
}

PAGEL10N=$(absolute "${PAGEL10N:-$repo_root/pagel10n}")
CONFORMANCE_DIR=$(absolute "${CONFORMANCE_DIR:-$repo_root/../shared/conformance}")
POTCMP=${POTCMP:-$script_dir/potcmp}
manifest=$CONFORMANCE_DIR/manifest.tsv
# not_ok NAME DETAIL...: one failure with indented detail lines; failures.
# shellcheck source=tests/cli/lib.sh
. "$script_dir/cli/lib.sh"

# Prints at most $2 lines of file $1 as detail lines, noting a cut.
file_details() {
  local line n=0
  [[ -s $1 ]] || return 0
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    if [[ $n -gt $2 ]]; then
      echo "  # (truncated)"
      break
    fi
    printf '  # %s\n' "$line"
  done <"$1"
}

if [[ ! -r $manifest ]]; then
  not_ok conformance/manifest "cannot read $manifest" \
    "set CONFORMANCE_DIR to the shared conformance directory"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pagel10n-conf.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT TERM

if [[ ! -x $POTCMP || $script_dir/potcmp.c -nt $POTCMP ]]; then
  if ! cc -std=c11 -O2 -o "$work/potcmp" "$script_dir/potcmp.c" -lgettextpo \
    2>"$work/potcmp.err"; then
    not_ok conformance/potcmp "cannot build tests/potcmp:"
    file_details "$work/potcmp.err" 20
    exit 1
  fi
  POTCMP=$work/potcmp
fi

have_render=0
if "$PAGEL10N" render --help >/dev/null 2>&1; then have_render=1; fi

# ---- manifest columns (by header name) ----

declare -A col=()
IFS= read -r header <"$manifest"
header=${header%$'\r'}
IFS=$'\x1f' read -r -a names <<<"${header//$'\t'/$'\x1f'}"
for i in "${!names[@]}"; do col[${names[$i]}]=$i; done
suite_col=source
[[ -n ${col[source]:-} ]] || suite_col=suite
for c in "$suite_col" case dir input rules expected_extraction po lang expected_xml; do
  if [[ -z ${col[$c]:-} ]]; then
    not_ok conformance/manifest "manifest.tsv has no column '$c'"
    exit 1
  fi
done

# ---- checks ----

# check_pot CASE DIR INPUT EXPECTED_POT
check_pot() {
  local name=conformance/itstool/$1/pot dir=$CONFORMANCE_DIR/$2 input=$3 expected=$4
  local out=$work/$1.pot st
  local how="cd $dir && pagel10n extract -o OUT $input"
  (cd "$dir" && "$PAGEL10N" extract -o "$out" "$input") >"$work/$1.x.out" 2>"$work/$1.x.err"
  st=$?
  if [[ $st -ne 0 ]]; then
    not_ok "$name" "$how: exit status $st; stderr:"
    file_details "$work/$1.x.err" 20
  elif [[ ! -f $out ]]; then
    not_ok "$name" "$how: exit status 0 but no output file"
  elif "$POTCMP" "$dir/$expected" "$out" >"$work/$1.cmp" 2>&1; then
    ok "$name"
  else
    not_ok "$name" "$how; potcmp $expected OUT:"
    file_details "$work/$1.cmp" 40
  fi
}

# check_merge CASE DIR INPUT PO LANG EXPECTED_XML
check_merge() {
  local name=conformance/itstool/$1/merge dir=$CONFORMANCE_DIR/$2 input=$3 po=$4 lang=$5
  local expected=$6 mo=$work/$1.mo out=$work/$1.out.xml st
  if [[ $have_render -eq 0 ]]; then
    echo "# skip $name: render not implemented yet"
    return
  fi
  if ! msgfmt -o "$mo" "$dir/$po" 2>"$work/$1.msgfmt.err"; then
    not_ok "$name" "msgfmt $po failed (fixture problem):"
    file_details "$work/$1.msgfmt.err" 10
    return
  fi
  local how="cd $dir && pagel10n render -c MO -l $lang -o OUT $input (MO from $po)"
  (cd "$dir" && "$PAGEL10N" render -c "$mo" -l "$lang" -o "$out" "$input") \
    >"$work/$1.r.out" 2>"$work/$1.r.err"
  st=$?
  if [[ $st -ne 0 ]]; then
    not_ok "$name" "$how: exit status $st; stderr:"
    file_details "$work/$1.r.err" 20
    return
  fi
  if [[ ! -f $out ]]; then
    not_ok "$name" "$how: exit status 0 but no output file"
    return
  fi
  if ! xmllint --c14n "$dir/$expected" >"$work/$1.exp.c14n" 2>"$work/$1.c14n.err"; then
    not_ok "$name" "xmllint --c14n $expected failed (fixture problem):"
    file_details "$work/$1.c14n.err" 10
    return
  fi
  if ! xmllint --c14n "$out" >"$work/$1.act.c14n" 2>"$work/$1.c14n.err"; then
    not_ok "$name" "$how: output is not well-formed XML:"
    file_details "$work/$1.c14n.err" 10
    return
  fi
  if cmp -s "$work/$1.exp.c14n" "$work/$1.act.c14n"; then
    ok "$name"
  else
    diff -u --label "expected $expected (c14n)" --label "actual (c14n)" \
      "$work/$1.exp.c14n" "$work/$1.act.c14n" >"$work/$1.diff"
    not_ok "$name" "$how; canonical XML differs:"
    file_details "$work/$1.diff" 40
  fi
}

not_applicable=()

# The manifest is read on fd 3 so that no program run below can eat it.
while IFS= read -r row <&3; do
  row=${row%$'\r'}
  [[ -n $row ]] || continue
  IFS=$'\x1f' read -r -a f <<<"${row//$'\t'/$'\x1f'}"
  suite=${f[${col[$suite_col]}]:-}
  case_name=${f[${col[case]}]:-}
  dir=${f[${col[dir]}]:-}
  input=${f[${col[input]}]:-}
  rules=${f[${col[rules]}]:-}
  pot=${f[${col[expected_extraction]}]:--}
  po=${f[${col[po]}]:--}
  lang=${f[${col[lang]}]:--}
  xml=${f[${col[expected_xml]}]:--}

  reason=
  case $suite in
    itstool)
      if [[ $rules != none && $rules != "none (local only)"* ]]; then
        reason="global its:rules (XPath selectors) not implemented"
      fi ;;
    w3c)
      if [[ $input == *.html ]]; then
        reason="HTML5 syntax, not well-formed XML"
      else
        reason="W3C node-level dump format not produced"
      fi ;;
    gettext) reason="needs xgettext GNU ITS extensions (gt:*) and global rules" ;;
    *) reason="unknown suite '$suite'" ;;
  esac
  if [[ -n $reason ]]; then
    not_applicable+=("# not applicable: $suite/$case_name ($reason)")
    continue
  fi

  if [[ $pot != - ]]; then
    check_pot "$case_name" "$dir" "$input" "$pot"
  fi
  if [[ $po != - && $xml != - ]]; then
    [[ $lang != - ]] || lang=ll
    check_merge "$case_name" "$dir" "$input" "$po" "$lang" "$xml"
  fi
done 3< <(tail -n +2 -- "$manifest")

for line in "${not_applicable[@]}"; do
  printf '%s\n' "$line"
done

[[ $failures -eq 0 ]]
