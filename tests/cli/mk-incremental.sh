#!/usr/bin/env bash
# tests/cli/mk-incremental.sh - pagel10n.mk redoes exactly what changed.
#
# Copies examples/news (pages, po, Makefile) and pagel10n.mk to a scratch
# tree, builds it with "make -j4 demo", and checks:
#
#   * the full build works and writes what a direct "pagel10n render" of
#     the same pages writes;
#   * a second make does nothing (make -q answers 0, no file changes);
#   * touching one page renders that page again (in every locale) and
#     nothing else: the POT and the catalog keep their times;
#   * editing po/tl.po renders the Tagalog pages again, and only them;
#   * a new chrome string in a template updates the POT, merges it into
#     po/tl.po and renders the pages of that template;
#   * a deleted output is rendered again, alone;
#   * PAGEL10N_RENDER_MODE=page and pagel10n-render-all (two shards) write
#     the same pages as the default mode, and leave nothing to do.
#
# Which files changed is told by their times: after every step all files
# (and the copy of the program, which the POT and pages depend on) are set
# to one old time, so anything newer afterwards was written by make.
#
# Environment: PAGEL10N (the program), TESTS_DIR.  Prints "ok - NAME" /
# "not ok - NAME" lines (see tests/run.sh, group "scripts").
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
repo=$(cd "$tests_dir/.." && pwd)
name=mk-incremental
work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# ok, not_ok, with names under mk-incremental/
TEST_PREFIX=$name/
. "${BASH_SOURCE[0]%/*}/lib.sh"
# not_ok_log NAME MESSAGE LOGFILE: a failure with the end of a log.
not_ok_log() {
  local line details=("$2")
  while IFS= read -r line; do details+=("| $line"); done < <(tail -n 15 -- "$3")
  not_ok "$1" "${details[@]}"
}

for tool in make msgmerge msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok - $name # SKIP $tool not found"
    exit 0
  fi
done
prog=${PAGEL10N:-$repo/pagel10n}
if [[ ! -x $prog ]]; then
  not_ok setup "PAGEL10N=$prog is not an executable"
  exit 1
fi

# The scratch tree keeps the example's place relative to pagel10n.mk.
site=$work/repo/examples/news
mkdir -p "$site" "$work/bin" || exit 2
if ! { cp -p "$repo/pagel10n.mk" "$work/repo/" &&
        cp -p "$repo/examples/news/Makefile" "$site/" &&
        cp -pR "$repo/examples/news/pages" "$site/" &&
        mkdir "$site/po" &&
        cp -p "$repo/examples/news/po/LINGUAS" "$repo"/examples/news/po/*.po "$site/po/" &&
        cp -p "$prog" "$work/bin/pagel10n"; }; then
  not_ok setup "cannot copy the example site"
  exit 1
fi
cd "$site" || exit 2

when=(NOW=2025-11-27T12:00:00+08:00 TIME_ZONE=Asia/Manila)
mk() { env -u MAKEFLAGS -u MFLAGS make --no-print-directory PAGEL10N="$work/bin/pagel10n" "${when[@]}" "$@"; }

# All files of the tree and the program get the time $old; $ref has it too.
old='2001-02-03 04:05:06'
ref=$work/ref
backdate() {
  touch -d "$old" "$ref" &&
    find "$site" "$work/bin" -exec touch -h -d "$old" {} +
}
# Prints the files under out/ and po/ written since backdate, sorted.
written() {
  find out po -type f -newer "$ref" 2>/dev/null | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
# expect_written NAME WANT: the files written since backdate are WANT.
expect_written() {
  local got
  got=$(written)
  if [[ $got == "$2" ]]; then
    ok "$1"
  else
    not_ok "$1" "expected written: ${2:-nothing}" "actually written: ${got:-nothing}"
  fi
}
# nothing_left NAME: make -q answers 0 and make changes nothing.
nothing_left() {
  local st
  backdate
  mk -q all render >/dev/null 2>&1
  st=$?
  mk all render >"$work/again.log" 2>&1
  local got
  got=$(find . -newer "$ref" | LC_ALL=C sort | tr '\n' ' ')
  if [[ $st -eq 0 && -z $got ]]; then
    ok "$1"
  else
    not_ok "$1" "make -q all render: status $st (want 0)" "written by make all render: ${got:-nothing}"
  fi
}

# ---- full build ------------------------------------------------------------

if mk -j4 demo >"$work/build.log" 2>&1; then
  missing=()
  for f in out/en/article.xhtml out/en/index.xhtml out/tl/article.xhtml out/tl/index.xhtml \
           po/news.pot po/tl.mo; do
    [[ -s $f ]] || missing+=("$f")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    ok full-build-j4
  else
    not_ok_log full-build-j4 "not written: ${missing[*]}" "$work/build.log"
  fi
else
  not_ok_log full-build-j4 "make -j4 demo failed" "$work/build.log"
  exit 1
fi

# The same pages as one direct render of everything.
if (cd pages && "$work/bin/pagel10n" render -q -d ../po -l en,tl \
      --now 2025-11-27T12:00:00+08:00 --time-zone Asia/Manila \
      --out-dir "$work/direct" article.xhtml index.xhtml) 2>"$work/direct.log" &&
   diff -r "$work/direct" out >"$work/direct.diff" 2>&1; then
  ok output-equals-direct-render
else
  cat "$work/direct.diff" >>"$work/direct.log"
  not_ok_log output-equals-direct-render "make's pages differ from a direct render" "$work/direct.log"
fi

nothing_left second-make-does-nothing

# ---- touching a page -------------------------------------------------------

backdate
touch pages/article.xhtml
if mk render >"$work/touch.log" 2>&1; then
  expect_written touch-page-renders-that-page "out/en/article.xhtml out/tl/article.xhtml"
else
  not_ok_log touch-page-renders-that-page "make render failed" "$work/touch.log"
fi
nothing_left touch-page-then-nothing

# ---- editing the Tagalog catalog -------------------------------------------

backdate
if grep -q '^msgstr "Tanggihan"$' po/tl.po; then
  sed -i 's/^msgstr "Tanggihan"$/msgstr "Tanggihan (binago)"/' po/tl.po
  touch po/tl.po
  if mk render >"$work/po.log" 2>&1; then
    got=$(written)
    if [[ $got == "out/tl/article.xhtml out/tl/index.xhtml po/tl.mo po/tl.po" ]] &&
       grep -q 'Tanggihan (binago)' out/tl/article.xhtml; then
      ok edit-tl-po-renders-tl-only
    else
      not_ok edit-tl-po-renders-tl-only \
        "expected written: out/tl/article.xhtml out/tl/index.xhtml po/tl.mo po/tl.po" \
        "actually written: ${got:-nothing}" \
        "the new translation 'Tanggihan (binago)' in out/tl/article.xhtml: $(grep -c 'Tanggihan (binago)' out/tl/article.xhtml)"
    fi
  else
    not_ok_log edit-tl-po-renders-tl-only "make render failed" "$work/po.log"
  fi
else
  not_ok edit-tl-po-renders-tl-only 'po/tl.po has no line msgstr "Tanggihan" to edit'
fi
nothing_left edit-tl-po-then-nothing

# ---- a new chrome string in a template -------------------------------------

backdate
new='Brand-new chrome string for the make test'
if grep -q '</footer>' pages/index.xhtml; then
  sed -i "s|</footer>|  <p class=\"mk-test\">$new</p>\n    </footer>|" pages/index.xhtml
  if mk render >"$work/template.log" 2>&1; then
    got=$(written)
    want="out/en/index.xhtml out/tl/article.xhtml out/tl/index.xhtml po/news.pot po/tl.mo po/tl.po"
    problems=()
    [[ $got == "$want" ]] || problems+=("expected written: $want" "actually written: ${got:-nothing}")
    grep -q "^msgid \"$new\"" po/news.pot || problems+=("po/news.pot lacks the new msgid")
    grep -q "^msgid \"$new\"" po/tl.po || problems+=("po/tl.po lacks the new msgid (not merged)")
    grep -q "$new" out/tl/index.xhtml || problems+=("out/tl/index.xhtml lacks the new string")
    if [[ ${#problems[@]} -eq 0 ]]; then
      ok edit-template-extracts-merges-renders
    else
      not_ok edit-template-extracts-merges-renders "${problems[@]}"
    fi
  else
    not_ok_log edit-template-extracts-merges-renders "make render failed" "$work/template.log"
  fi
else
  not_ok edit-template-extracts-merges-renders "pages/index.xhtml has no </footer>"
fi
nothing_left edit-template-then-nothing

# ---- a deleted output ------------------------------------------------------

backdate
rm -f out/tl/index.xhtml
if mk render >"$work/missing.log" 2>&1; then
  expect_written deleted-output-rendered-alone "out/tl/index.xhtml"
else
  not_ok_log deleted-output-rendered-alone "make render failed" "$work/missing.log"
fi

# ---- the other ways of rendering -------------------------------------------

cp -pR out "$work/locale-mode"
rm -rf out
if mk -j4 render PAGEL10N_RENDER_MODE=page >"$work/page.log" 2>&1 &&
   diff -r "$work/locale-mode" out >>"$work/page.log" 2>&1; then
  ok page-mode-same-output
else
  not_ok_log page-mode-same-output "page mode failed or wrote other pages" "$work/page.log"
fi
backdate
touch pages/index.xhtml
if mk -j4 render PAGEL10N_RENDER_MODE=page >"$work/page2.log" 2>&1; then
  expect_written page-mode-touch-renders-that-page "out/en/index.xhtml out/tl/index.xhtml"
else
  not_ok_log page-mode-touch-renders-that-page "make render failed" "$work/page2.log"
fi

rm -rf out
if mk -j2 pagel10n-render-all PAGEL10N_SHARDS=2 >"$work/all.log" 2>&1 &&
   diff -r "$work/locale-mode" out >>"$work/all.log" 2>&1; then
  ok render-all-shards-same-output
else
  not_ok_log render-all-shards-same-output "pagel10n-render-all failed or wrote other pages" "$work/all.log"
fi
nothing_left render-all-then-nothing
