#!/usr/bin/env bash
# tests/cli/i18n-tagalog.sh - the program's own messages in Tagalog, and the
# state of po/.  Prints one "ok - NAME" / "not ok - NAME" line per check (see
# tests/run.sh, group "scripts").
#
#   1. po/tl.po compiles with msgfmt -c, with no fuzzy or untranslated entry;
#   2. with PAGEL10N_LOCALEDIR pointing at the compiled catalog and
#      LANGUAGE=tl LC_ALL=C.UTF-8, "--help", "extract --help", "render --help"
#      and "check --help" come out in Tagalog: the same options as in
#      English, the descriptions of each option table in one column, no line
#      wider than 79 columns;
#   3. error messages come out in Tagalog with their FILE / FILE:LINE:COL /
#      program-name prefix and exit status unchanged;
#   4. without LANGUAGE the messages stay in English;
#   5. po/POTFILES names exactly the source files that hold _() or N_();
#   6. po/pagel10n.pot is up to date: a fresh xgettext run over po/POTFILES
#      gives the same entries (msgids, flags, extracted comments; the header
#      and the source references are not compared);
#   7. po/tl.po translates every msgid of the fresh POT (msgcmp).
#
# After changing a translatable string: "make update-po", translate what
# msgfmt --statistics reports in po/tl.po, and run this test again.
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
repo=$(cd "$tests_dir/.." && pwd)
prog=${PAGEL10N:-$repo/pagel10n}
po=$repo/po

# The options of xgettext that decide the entries of the POT; they must be
# the ones of the Makefile's update-po rule (the header options, package name
# and version and bug address, are left out: the header is not compared).
xgettext_opts=(--language=C --keyword=_ --keyword=N_ --from-code=UTF-8
  --add-comments=TRANSLATORS:)

work=$(mktemp -d "${TMPDIR:-/tmp}/i18n-tagalog.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# ok, not_ok, failures
. "${BASH_SOURCE[0]%/*}/lib.sh"
# Detail lines from a file (at most $2 lines, default 15).
file_details() {
  local line n=0
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    if [[ $n -gt ${2:-15} ]]; then echo "(truncated)"; break; fi
    printf '| %s\n' "$line"
  done <"$1"
}

for tool in msgfmt msgcmp msgcat msgmerge msgattrib xgettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok - i18n-tagalog # SKIP $tool (GNU gettext tools) not found"
    exit 0
  fi
done

# ---- 1. the catalog compiles -----------------------------------------------

locale_dir=$work/locale
mkdir -p "$locale_dir/tl/LC_MESSAGES"
catalog_ok=0
if msgfmt -c --statistics -o "$locale_dir/tl/LC_MESSAGES/pagel10n.mo" \
  "$po/tl.po" 2>"$work/msgfmt.err"; then
  stats=$(cat "$work/msgfmt.err")
  if [[ $stats == *fuzzy* || $stats == *untranslated* ]]; then
    not_ok "tl.po complete" "msgfmt --statistics: $stats"
  else
    ok "tl.po complete"
  fi
  catalog_ok=1
else
  mapfile -t d < <(file_details "$work/msgfmt.err")
  not_ok "tl.po compiles with msgfmt -c" "${d[@]}"
fi

# tl_run OUT ERR ARG...: runs the program in Tagalog in directory $work;
# sets $status.  en_run: the same without LANGUAGE (English).
tl_run() {
  local out=$1 err=$2
  shift 2
  (cd "$work" && PAGEL10N_LOCALEDIR=$locale_dir LANGUAGE=tl LC_ALL=C.UTF-8 \
    "$prog" "$@" >"$out" 2>"$err" </dev/null)
  status=$?
}
en_run() {
  local out=$1 err=$2
  shift 2
  (cd "$work" && env -u LANGUAGE PAGEL10N_LOCALEDIR="$locale_dir" \
    LC_ALL=C.UTF-8 "$prog" "$@" >"$out" 2>"$err" </dev/null)
  status=$?
}

# Prints the option names (--output, -o, ...) at the start of the lines of
# an option table in file $1, one per line, sorted.
option_names() {
  grep -E '^ {2,6}-' -- "$1" | sed -E 's/^ *//; s/[= ].*//; s/,$//' |
    LC_ALL=C sort
}

# Checks the layout of help text $1: every line at most 79 characters; the
# descriptions of the option lines ("  -o, --output=FILE   ..."), and the
# continuation lines right after them, start in one column.  Prints what is
# wrong.
check_layout() {
  local line n=0 col=0 c in_table=0
  local opt_re='^( +(-[A-Za-z], )?-[-A-Za-z0-9]*(=[^ ]+)? +)[^ ]'
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    [[ ${#line} -le 79 ]] || echo "line $n is ${#line} characters wide"
    if [[ $line =~ ^\ {2,6}- ]]; then
      in_table=1
      [[ $line =~ $opt_re ]] || continue
      c=${#BASH_REMATCH[1]}
      if [[ $col -eq 0 ]]; then
        col=$c
      elif [[ $c -ne $col ]]; then
        echo "line $n: description in column $((c + 1)), not $((col + 1))"
      fi
    elif [[ $in_table -eq 1 && $line =~ ^(\ +)[^\ ] ]]; then
      c=${#BASH_REMATCH[1]}
      [[ $col -eq 0 || $c -eq $col ]] ||
        echo "line $n: continuation in column $((c + 1)), not $((col + 1))"
    else
      in_table=0
    fi
  done <"$1"
}

# ---- 2. --help texts -------------------------------------------------------

if [[ $catalog_ok -eq 1 ]]; then
  for args in "--help" "extract --help" "render --help" "check --help"; do
    name="help in Tagalog: ${args}"
    base=$work/help-${args// /-}
    read -r -a argv <<<"$args"
    en_run "$base.en" "$base.en.err" "${argv[@]}"
    tl_run "$base.tl" "$base.tl.err" "${argv[@]}"
    tl_status=$status
    details=()
    [[ $tl_status -eq 0 ]] || details+=("exit status $tl_status, not 0")
    first=$(head -n 1 -- "$base.tl")
    if [[ $first != "Paggamit: "* ]]; then
      details+=("the first line is not \"Paggamit: ...\": '$first'")
      if LC_ALL=C.UTF-8 locale 2>&1 | grep -q 'Cannot set'; then
        details+=("the locale C.UTF-8 is not available here")
      fi
    fi
    for want in "ipakita ang tulong na ito at lumabas" \
      "ipakita ang impormasyon ng bersyon at lumabas"; do
      # Continuation lines may split the phrase: compare with the text joined.
      joined=$(tr -s ' \n' '  ' <"$base.tl")
      [[ $joined == *"$want"* ]] || details+=("no \"$want\"")
    done
    english=$(grep -E 'display this help|Usage:' -- "$base.tl" | head -n 1)
    [[ -z $english ]] || details+=("English text left: $english")
    if [[ $(option_names "$base.tl") != "$(option_names "$base.en")" ]]; then
      details+=("the options differ from the English text:"
        "$(diff <(option_names "$base.en") <(option_names "$base.tl") |
          grep '^[<>]' | tr '\n' ' ')")
    fi
    layout=$(check_layout "$base.tl")
    [[ -z $layout ]] || mapfile -t -O "${#details[@]}" details <<<"$layout"
    if [[ ${#details[@]} -eq 0 ]]; then
      ok "$name"
    else
      mapfile -t out < <(file_details "$base.tl" 40)
      not_ok "$name" "${details[@]}" "the output was:" "${out[@]}"
    fi
  done

  # ---- 3. error messages ---------------------------------------------------

  # expect_error NAME STATUS REGEX ARG...: stderr must have a line matching
  # REGEX (extended) and the exit status must be STATUS.
  expect_error() {
    local name=$1 want_status=$2 regex=$3
    shift 3
    tl_run "$work/err.out" "$work/err.err" "$@"
    local details=()
    [[ $status -eq $want_status ]] ||
      details+=("exit status $status, not $want_status")
    LC_ALL=C.UTF-8 grep -q -E -e "$regex" -- "$work/err.err" ||
      details+=("no line of stderr matches /$regex/")
    if [[ ${#details[@]} -eq 0 ]]; then
      ok "$name"
    else
      local err
      mapfile -t err < <(file_details "$work/err.err")
      not_ok "$name" "${details[@]}" "stderr was:" "${err[@]}"
    fi
  }

  # (The program runs in $work: the names are relative to it.)
  mkdir -p "$work/pages"
  printf '%s\n' '<html xmlns="http://www.w3.org/1999/xhtml">' \
    '<body><p>Hello</p></b></body></html>' >"$work/pages/broken.xhtml"

  expect_error "error in Tagalog: missing template" 2 \
    '^pages/missing\.xhtml: mali: hindi mabuksan: ' \
    extract pages/missing.xhtml
  expect_error "error in Tagalog: FILE:LINE:COL prefix" 2 \
    '^pages/broken\.xhtml:2:[0-9]+: mali: ' \
    extract pages/broken.xhtml
  expect_error "error in Tagalog: directory as template" 2 \
    '^pages: mali: direktoryo ito$' \
    extract pages
  expect_error "error in Tagalog: unknown command" 2 \
    "^pagel10n: hindi kilalang utos na 'frob'\$" \
    frob
  expect_error "error in Tagalog: usage error" 2 \
    '^pagel10n: walang ibinigay na locale \(-l\)$' \
    render pages/broken.xhtml

  # ---- 4. English without LANGUAGE -----------------------------------------

  en_run "$work/en.out" "$work/en.err" --help
  if [[ $(head -n 1 -- "$work/en.out") == "Usage: "* ]]; then
    ok "messages stay English without LANGUAGE"
  else
    mapfile -t out < <(file_details "$work/en.out" 5)
    not_ok "messages stay English without LANGUAGE" \
      "the output was:" "${out[@]}"
  fi
fi

# ---- 5. po/POTFILES --------------------------------------------------------

(cd "$repo" && grep -l -E '(^|[^A-Za-z0-9_])N?_\(' src/*.c src/cli/*.c) |
  LC_ALL=C sort >"$work/potfiles.want"
grep -v -E '^[[:space:]]*(#|$)' -- "$po/POTFILES" |
  LC_ALL=C sort >"$work/potfiles.have"
if cmp -s "$work/potfiles.want" "$work/potfiles.have"; then
  ok "po/POTFILES lists the files with _()"
else
  not_ok "po/POTFILES lists the files with _()" \
    "$(diff "$work/potfiles.have" "$work/potfiles.want" | grep '^[<>]' |
      sed 's/^>/missing:/; s/^</not needed:/' | tr '\n' ' ')"
fi

# ---- 6. po/pagel10n.pot is up to date --------------------------------------

# Prints the entries of PO/POT file $1 without the header entry (the first
# one, up to the first empty line) and without source references, sorted,
# in one canonical layout.
entries() {
  msgcat --no-location --no-wrap --sort-output -- "$1" |
    awk 'past_header { print; next } /^$/ { past_header = 1 }' | grep -v '^#:'
}

fresh=$work/fresh.pot
if (cd "$repo" && xgettext "${xgettext_opts[@]}" --package-name=pagel10n \
  --msgid-bugs-address=i18n-test --files-from=po/POTFILES -o "$fresh") \
  2>"$work/xgettext.err"; then
  if [[ ! -f $po/pagel10n.pot ]]; then
    not_ok "po/pagel10n.pot is up to date" \
      "po/pagel10n.pot is missing; run make update-po"
  elif entries "$po/pagel10n.pot" >"$work/pot.have" 2>"$work/msgcat.err" &&
    entries "$fresh" >"$work/pot.want" 2>>"$work/msgcat.err" &&
    cmp -s "$work/pot.have" "$work/pot.want"; then
    ok "po/pagel10n.pot is up to date"
  else
    mapfile -t d < <(diff -u --label po/pagel10n.pot --label fresh.pot \
      "$work/pot.have" "$work/pot.want" | head -n 30; cat "$work/msgcat.err")
    not_ok "po/pagel10n.pot is up to date" \
      "run make update-po; the difference:" "${d[@]}"
  fi

  # ---- 7. po/tl.po covers the fresh POT ------------------------------------
  if msgcmp "$po/tl.po" "$fresh" >"$work/msgcmp.out" 2>&1; then
    ok "po/tl.po translates every msgid of the sources"
  else
    # Name the entries: the msgids the fresh POT has and po/tl.po does not
    # translate (missing, untranslated or fuzzy).
    msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" "$po/tl.po" \
      "$fresh" 2>/dev/null
    { msgattrib --untranslated --no-obsolete "$work/merged.po"
      msgattrib --only-fuzzy --no-obsolete "$work/merged.po"; } 2>/dev/null |
      awk '/^msgid ""$/ {
             getline
             if (!/^msgstr/) print "not translated: " $0 "..."
             next
           }
           /^msgid / { sub(/^msgid /, ""); print "not translated: " $0 }' \
        >"$work/missing"
    [[ -s $work/missing ]] || cp "$work/msgcmp.out" "$work/missing"
    mapfile -t d < <(file_details "$work/missing" 20)
    not_ok "po/tl.po translates every msgid of the sources" \
      "run make update-po and translate the new entries of po/tl.po:" "${d[@]}"
  fi
else
  mapfile -t d < <(file_details "$work/xgettext.err")
  not_ok "po/pagel10n.pot is up to date" "xgettext failed:" "${d[@]}"
fi

[[ $failures -eq 0 ]]
