#!/usr/bin/env bash
# tests/cli/valgrind-cli.sh - representative pagel10n runs under valgrind's
# memcheck: no invalid read or write, no use of uninitialised memory, no
# definitely or indirectly lost block, on the success paths and on the
# error paths (a failing page in a batch, a rejected translation, a corrupt
# .mo, a PO syntax error, a page list that cannot be read, a malformed
# template).
#
#   valgrind --error-exitcode=99 --leak-check=full
#            --errors-for-leak-kinds=definite,indirect
#            --suppressions=tests/valgrind.supp  pagel10n ...
#
# tests/valgrind.supp suppresses only leaks inside libgettextpo 0.21 (see
# the file).  Each run must end with its own exit status (0, 1 or 2 as
# stated below), never valgrind's 99; its valgrind log is shown on failure.
# A first run checks that this setup does catch a leak (a small C program
# that leaks, built with $CC when one is installed).
#
# Without valgrind: "# skip valgrind-cli: ..." and exit 0, nothing counted
# as passed (scripts/install-deps.sh is to install valgrind).  When
# $PAGEL10N is built with AddressSanitizer (make check SANITIZE=1), valgrind
# cannot run it; the same runs are then checked by ASan/LSan instead (exit
# status, no sanitizer report), and the test names say so.
#
# Runs in about 30 s (valgrind slows pagel10n down 20-50 times).
set -u
export LC_ALL=C.UTF-8

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
news=$tests_dir/../examples/news
PAGEL10N=${PAGEL10N:-$tests_dir/../pagel10n}
case $PAGEL10N in /*) ;; *) PAGEL10N=$PWD/$PAGEL10N ;; esac
name=valgrind-cli

if ! command -v valgrind >/dev/null 2>&1; then
  echo "# skip $name: valgrind is not installed (apt-get install valgrind)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# An ASan build: valgrind and ASan do not mix.
checker=valgrind
if grep -a -q -F -e __asan_init -- "$PAGEL10N" ||
   { command -v ldd >/dev/null && ldd "$PAGEL10N" 2>/dev/null | grep -q libasan; }; then
  checker=asan
  echo "# $name: $PAGEL10N is built with AddressSanitizer; ASan/LSan check these runs instead of valgrind"
fi

# shellcheck disable=SC2054  # the commas are valgrind's
vg=(valgrind -q --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
    --suppressions="$tests_dir/valgrind.supp" --num-callers=30)

failures=0
expect_stderr=
close_stdin=0
# run LABEL WANT_STATUS COMMAND...: one run under the checker, in $work,
# stdin /dev/null (closed when $close_stdin is 1); when $expect_stderr is
# set, a line of the run's stderr must match it.
run() {
  local label=$1 want=$2 st log=$work/$1.log
  shift 2
  local details=()
  local stdin=/dev/null
  [[ $close_stdin -eq 0 ]] || stdin=
  if [[ $checker == valgrind ]]; then
    (cd "$work" && if [[ -n $stdin ]]; then exec <"$stdin"; else exec <&-; fi &&
      "${vg[@]}" --log-file="$log" "$@") >"$work/$label.out" 2>"$work/$label.err"
  else
    (cd "$work" && if [[ -n $stdin ]]; then exec <"$stdin"; else exec <&-; fi && "$@") \
      >"$work/$label.out" 2>"$log"
  fi
  st=$?
  close_stdin=0
  if [[ $st -eq 99 && $checker == valgrind ]]; then
    details+=("valgrind found errors (exit 99):")
  elif [[ $st -ne $want ]]; then
    details+=("exit status $st; expected $want")
  fi
  local errfile=$work/$label.err
  [[ $checker == valgrind ]] || errfile=$log
  if [[ -n $expect_stderr ]] && ! grep -a -q -E -e "$expect_stderr" -- "$errfile"; then
    details+=("no stderr line matches /$expect_stderr/")
  fi
  expect_stderr=
  if [[ $checker == asan ]] &&
     grep -a -q -E 'AddressSanitizer|LeakSanitizer|runtime error:' -- "$log"; then
    details+=("sanitizer report:")
  elif [[ $checker == valgrind && -s $log ]]; then
    # -q: the log holds errors only.
    [[ ${#details[@]} -gt 0 ]] || details+=("valgrind reported:")
  fi
  if [[ ${#details[@]} -eq 0 ]]; then
    if [[ $checker == valgrind ]]; then echo "ok - $name/$label"; else echo "ok - $name/$label (asan)"; fi
  else
    failures=$((failures + 1))
    echo "not ok - $name/$label ($checker)"
    printf '  # %s\n' "${details[@]}"
    local line n=0
    for f in "$log" "$work/$label.err"; do
      [[ -s $f ]] || continue
      while IFS= read -r line && [[ $n -lt 40 ]]; do
        printf '  # | %s\n' "$line"; n=$((n + 1))
      done <"$f"
    done
  fi
}

# ---- inputs ---------------------------------------------------------------

mkdir -p "$work/pages" "$work/po"
cp "$news"/pages/*.xhtml "$work/pages/" && cp "$news"/po/*.po "$work/po/" || exit 2
msgfmt -o "$work/tl.mo" "$work/po/tl.po" || exit 2
cp "$tests_dir/bad-input/common/a.xhtml" "$tests_dir/bad-input/stdout-closed/warn.po" \
   "$tests_dir/bad-input/mo-corrupt/not-nul-terminated.mo" \
   "$tests_dir/bad-input/po-syntax/unknown-keyword.po" \
   "$tests_dir/bad-input/malformed-xml/mismatched.xhtml" "$work/" || exit 2

# ---- the checker catches a leak ----------------------------------------------

cc=${CC:-cc}
if [[ $checker == valgrind ]] && command -v "$cc" >/dev/null 2>&1 &&
   printf '#include <stdlib.h>\nint main(void) { void *volatile p = malloc(100); p = 0; return p != 0; }\n' \
     >"$work/leak.c" && "$cc" -O0 -o "$work/leak" "$work/leak.c" 2>/dev/null; then
  "${vg[@]}" --log-file="$work/canary.log" "$work/leak" </dev/null >/dev/null 2>&1
  st=$?
  if [[ $st -eq 99 ]] && grep -q 'definitely lost' "$work/canary.log"; then
    echo "ok - $name/canary-leak-is-caught"
  else
    failures=$((failures + 1))
    echo "not ok - $name/canary-leak-is-caught"
    echo "  # a program that leaks 100 bytes passed the same valgrind options (status $st)"
  fi
fi

# ---- the runs -----------------------------------------------------------------

run extract-news 0 "$PAGEL10N" extract --package-name news -o news.pot pages/article.xhtml pages/index.xhtml
run render-po-dir-tl-en 0 "$PAGEL10N" render -q -d po -l tl,en --out-dir out pages/article.xhtml pages/index.xhtml
run render-mo 0 "$PAGEL10N" render -c tl.mo -l tl_PH.UTF-8 -o article.tl.xhtml pages/article.xhtml
if [[ -f $work/out/tl/pages/article.xhtml ]]; then
  run relocalize-tl-to-en 0 "$PAGEL10N" render -d po -l en -o article.en.xhtml out/tl/pages/article.xhtml
else
  failures=$((failures + 1))
  echo "not ok - $name/relocalize-tl-to-en"
  echo "  # out/tl/pages/article.xhtml was not rendered by render-po-dir-tl-en"
fi
expect_stderr='^mismatched\.xhtml:4:[0-9]+: error: '
run batch-failing-page 1 "$PAGEL10N" render -q -d po -l tl --out-dir out2 pages/article.xhtml mismatched.xhtml pages/index.xhtml
expect_stderr='^warn\.po:[0-9]+: warning: translation rejected: '
run rejected-translation 0 "$PAGEL10N" render -c warn.po -l tl -o a.tl.xhtml a.xhtml
expect_stderr='^not-nul-terminated\.mo: error: '
run corrupt-mo 2 "$PAGEL10N" render -c not-nul-terminated.mo -l tl -o a.tl2.xhtml a.xhtml
expect_stderr='^unknown-keyword\.po:8: error: '
run po-syntax-error 2 "$PAGEL10N" render -c unknown-keyword.po -l tl -o a.tl3.xhtml a.xhtml
expect_stderr='^nolist\.txt: error: '
run missing-page-list 2 "$PAGEL10N" render -q -c warn.po -l tl --out-dir out3 --files-from nolist.txt
expect_stderr='^-: error: cannot read: ' close_stdin=1
run page-list-stdin-closed 2 "$PAGEL10N" render -q -c warn.po -l tl --out-dir out3 --files-from -
expect_stderr='^mismatched\.xhtml:4:[0-9]+: error: '
run extract-malformed 2 "$PAGEL10N" extract -o bad.pot pages/index.xhtml mismatched.xhtml

[[ $failures -eq 0 ]]
