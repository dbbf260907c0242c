#!/usr/bin/env bash
# tests/cli/hardening-tmpfs.sh - a really full disk: outputs go to a tmpfs
# of 64 KiB (mount -t tmpfs -o size=64k), inputs stay outside it.
#
#   * render --out-dir, a batch a.xhtml big.xhtml c.xhtml: big.xhtml does not
#     fit; "DIR/tl/big.xhtml: error: cannot write: No space left on device",
#     exit 1, a.xhtml and c.xhtml written (byte-identical to a render on a
#     disk with room), the space of the failed temporary file given back;
#   * render -o and extract -o of an output that does not fit: an error
#     naming it, exit 1 / 2, no file - and an older file of that name kept;
#   * a tmpfs with no free inode: the temporary file cannot be created;
#   * a completely full tmpfs: nothing is written under a new --out-dir.
# After every run: the inputs are byte-identical, no temporary
# ".NAME.XXXXXX" file is left in the tmpfs.
#
# Needs root and a kernel that lets it mount a tmpfs (not every container
# does): otherwise prints "# skip ..." and exits 0.  The tmpfs is unmounted
# on exit, whatever happens.  The ulimit -f and /dev/full simulations of a
# full disk are in the corpus (tests/bad-input/full-disk), which runs
# everywhere.
set -u
export LC_ALL=C.UTF-8

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
PAGEL10N=${PAGEL10N:-$tests_dir/../pagel10n}
case $PAGEL10N in /*) ;; *) PAGEL10N=$PWD/$PAGEL10N ;; esac
name=hardening-tmpfs

work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX") || exit 2
mnt=$work/mnt
mounted=()
cleanup() {
  local m
  for m in "${mounted[@]}"; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
  done
  rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# mount_tmpfs DIR OPTIONS: mounts a tmpfs, remembered for the cleanup.
mount_tmpfs() {
  mkdir -p "$1" && mount -t tmpfs -o "$2" tmpfs "$1" 2>"$work/mount.err" &&
    mounted+=("$1")
}

if [[ $(id -u) != 0 ]]; then
  echo "# skip $name: not root (mounting a tmpfs needs root)"
  exit 0
fi
if ! command -v mount >/dev/null || ! command -v umount >/dev/null; then
  echo "# skip $name: mount/umount not installed"
  exit 0
fi
if ! mount_tmpfs "$mnt" size=64k,mode=0755; then
  echo "# skip $name: cannot mount a tmpfs here: $(head -n 1 "$work/mount.err")"
  exit 0
fi

failures=0
details=()
report() {
  if [[ ${#details[@]} -eq 0 ]]; then
    echo "ok - $name/$1"
  else
    failures=$((failures + 1))
    echo "not ok - $name/$1"
    printf '  # %s\n' "${details[@]}"
  fi
  details=()
}

# ---- inputs (outside the tmpfs), their pristine copies, references -------

in=$work/in
mkdir -p "$in"
cp -p "$tests_dir"/bad-input/common/* "$in/" || exit 2
(cd "$in" && bash "$tests_dir/bad-input/full-disk/make-big.sh") || exit 2
cp -pR "$in" "$work/pristine"
mkdir -p "$work/ref"
for p in a.xhtml c.xhtml; do
  "$PAGEL10N" render -c "$in/tl.po" -l tl -o "$work/ref/$p" "$in/$p" || exit 2
done

pl() { (cd "$in" && "$PAGEL10N" "$@"); }

# check_common ERRFILE: inputs unchanged, no temporary file in the tmpfs,
# no crash report.
check_common() {
  local f
  for f in "$work/pristine"/*; do
    cmp -s -- "$f" "$in/${f##*/}" || details+=("input modified: ${f##*/}")
  done
  while IFS= read -r f; do
    details+=("temporary file left behind: ${f#"$work"/}")
  done < <(find "$mnt" -name '.*.??????' 2>/dev/null)
  if grep -a -q -E 'Sanitizer|runtime error:|Segmentation fault' -- "$1"; then
    details+=("crash report on stderr: $(grep -a -m 1 -E 'Sanitizer|runtime error:|Segmentation fault' -- "$1")")
  fi
}

# expect_status GOT WANT ERRFILE
expect_status() {
  if [[ $1 -ne $2 ]]; then
    details+=("exit status $1; expected $2; stderr:")
    while IFS= read -r l; do details+=("| $l"); done < <(head -n 5 -- "$3")
  fi
}

# expect_line ERRFILE REGEX
expect_line() {
  grep -a -q -E -e "$2" -- "$1" || {
    details+=("no stderr line matches /$2/; stderr:")
    while IFS= read -r l; do details+=("| $l"); done < <(head -n 5 -- "$1")
  }
}

m=${mnt//./\\.}

# ---- 1. a batch: one page does not fit, the others are written -----------

pl render -q -c tl.po -l tl --out-dir "$mnt/out" a.xhtml big.xhtml c.xhtml 2>"$work/err"
st=$?
expect_status "$st" 1 "$work/err"
expect_line "$work/err" "^$m/out/tl/big\.xhtml: error: cannot write: No space left on device\$"
for p in a.xhtml c.xhtml; do
  if [[ ! -f $mnt/out/tl/$p ]]; then
    details+=("not written: out/tl/$p")
  elif ! cmp -s "$mnt/out/tl/$p" "$work/ref/$p"; then
    details+=("out/tl/$p differs from the page rendered on a disk with room")
  fi
done
[[ ! -e $mnt/out/tl/big.xhtml ]] || details+=("out/tl/big.xhtml exists (a partial page)")
check_common "$work/err"
report render-batch
rm -rf -- "${mnt:?}"/* "$mnt"/.[!.]* 2>/dev/null

# ---- 2. render -o, extract -o: nothing written, an older file kept -------

pl render -c tl.po -l tl -o "$mnt/out.xhtml" big.xhtml 2>"$work/err"
st=$?
expect_status "$st" 1 "$work/err"
expect_line "$work/err" "^$m/out\.xhtml: error: cannot write: No space left on device\$"
[[ ! -e $mnt/out.xhtml ]] || details+=("out.xhtml exists (a partial page)")
check_common "$work/err"
report render-output
rm -rf -- "${mnt:?}"/* "$mnt"/.[!.]* 2>/dev/null

printf 'an older rendering\n' >"$mnt/out.xhtml"
pl render -c tl.po -l tl -o "$mnt/out.xhtml" big.xhtml 2>"$work/err"
st=$?
expect_status "$st" 1 "$work/err"
expect_line "$work/err" "^$m/out\.xhtml: error: cannot write: No space left on device\$"
[[ $(cat "$mnt/out.xhtml" 2>/dev/null) == "an older rendering" ]] ||
  details+=("the older out.xhtml was replaced or damaged")
check_common "$work/err"
report render-output-keeps-old
rm -rf -- "${mnt:?}"/* "$mnt"/.[!.]* 2>/dev/null

pl extract -o "$mnt/out.pot" big-template.xhtml 2>"$work/err"
st=$?
expect_status "$st" 2 "$work/err"
expect_line "$work/err" "^$m/out\.pot: error: .*No space left on device"
[[ ! -e $mnt/out.pot ]] ||
  details+=("out.pot exists: $(wc -c <"$mnt/out.pot") bytes of a POT of $(pl extract big-template.xhtml | wc -c)")
check_common "$work/err"
report extract-output
rm -rf -- "${mnt:?}"/* "$mnt"/.[!.]* 2>/dev/null

printf 'msgid "an older POT"\nmsgstr ""\n' >"$mnt/out.pot"
pl extract -o "$mnt/out.pot" big-template.xhtml 2>"$work/err"
st=$?
expect_status "$st" 2 "$work/err"
expect_line "$work/err" "^$m/out\.pot: error: .*No space left on device"
[[ $(head -n 1 "$mnt/out.pot" 2>/dev/null) == 'msgid "an older POT"' &&
   $(wc -l <"$mnt/out.pot") -eq 2 ]] ||
  details+=("the older out.pot was replaced or damaged")
check_common "$work/err"
report extract-output-keeps-old
rm -rf -- "${mnt:?}"/* "$mnt"/.[!.]* 2>/dev/null

# ---- 3. no room at all: no directory, no temporary file ------------------

mkdir -p "$mnt/out"
dd if=/dev/zero of="$mnt/fill" bs=4096 2>/dev/null
pl render -q -c tl.po -l tl --out-dir "$mnt/new" a.xhtml 2>"$work/err"
st=$?
expect_status "$st" 1 "$work/err"
expect_line "$work/err" "^$m/new(/tl(/a\\.xhtml)?)?: error: .*No space left on device\$"
[[ ! -e $mnt/new/tl/a.xhtml ]] || details+=("new/tl/a.xhtml exists")
check_common "$work/err"
report out-dir-disk-full
rm -rf -- "${mnt:?}"/* "$mnt"/.[!.]* 2>/dev/null

inodes=$work/inodes
if mount_tmpfs "$inodes" size=1m,nr_inodes=8,mode=0755; then
  mkdir -p "$inodes/out"
  i=0
  while [[ $i -lt 20 ]] && : 2>/dev/null >"$inodes/f$i"; do i=$((i + 1)); done
  pl render -c tl.po -l tl -o "$inodes/out/a.xhtml" a.xhtml 2>"$work/err"
  st=$?
  expect_status "$st" 1 "$work/err"
  expect_line "$work/err" "^${inodes//./\\.}/out/a\.xhtml: error: .*No space left on device\$"
  [[ ! -e $inodes/out/a.xhtml ]] || details+=("out/a.xhtml exists")
  check_common "$work/err"
  report no-free-inode
else
  echo "# skip $name/no-free-inode: cannot mount a second tmpfs"
fi

[[ $failures -eq 0 ]]
