#!/usr/bin/env bash
# tests/run.sh - the pagel10n test runner.
#
# Owns: running every test group, counting "ok - NAME" / "not ok - NAME"
# lines, and the final "N passed, N failed" line.
#
#   tests/run.sh [-v] [GROUP...]        GROUP: unit data conformance scripts
#
# Groups (in this order; all of them when none is named):
#   unit         every executable in $UNIT_BIN_DIR (default tests/unit/bin; built by the Makefile
#                from tests/unit/test_*.c)
#   data         every tests/data/*/ that holds a file "cmd" (format:
#                tests/data/README.md)
#   conformance  tests/conformance.sh (shared ITS / gettext conformance data)
#   scripts      every executable tests/cli/*.sh
#
# Environment:
#   PAGEL10N         the binary under test (default: $PWD/pagel10n)
#   CONFORMANCE_DIR  conformance data (default: <repo>/../shared/conformance)
#   TEST_TIMEOUT     seconds allowed per program or case (default: 120)
#
# Output: each "not ok" line with its indented "#" detail lines, one
# "# GROUP: ..." summary line per group, and last a line exactly
# "N passed, N failed".  -v also shows passing and informational lines.
# Lines "# skip ..." are skipped tests: shown with -v, never counted as
# passed.  Exit status: 0 only if nothing failed and at least one test
# passed; 1 otherwise; 2 for a usage error.
set -u

# This script's own sorting and matching is byte-wise and locale-independent;
# the programs it runs get LC_ALL=C.UTF-8 (see child_env).
export LC_ALL=C

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
all_groups=(unit data conformance scripts browser)
timeout_s=${TEST_TIMEOUT:-120}

usage() {
  echo "usage: tests/run.sh [-v] [GROUP...]   (groups: ${all_groups[*]})"
}

# Prints the absolute form of path $1 (relative to $PWD), without requiring
# it to exist; existing directories are canonicalised.
absolute() {
  local p=$1
  [[ $p == /* ]] || p=$PWD/$p
  if [[ -d $p ]]; then
    (cd "$p" && pwd)
  else
    printf '%s\n' "$p"
  fi
}

verbose=0
groups=()
for arg in "$@"; do
  case $arg in
    -v | --verbose) verbose=1 ;;
    -h | --help) usage; exit 0 ;;
    unit | data | conformance | scripts) groups+=("$arg") ;;
    *) echo "run.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ ${#groups[@]} -gt 0 ]] || groups=("${all_groups[@]}")

PAGEL10N=$(absolute "${PAGEL10N:-$PWD/pagel10n}")
CONFORMANCE_DIR=$(absolute "${CONFORMANCE_DIR:-$repo_root/../shared/conformance}")
SHARED=$(absolute "$repo_root/../shared")
export PAGEL10N CONFORMANCE_DIR SHARED

work=$(mktemp -d "${TMPDIR:-/tmp}/pagel10n-tests.XXXXXX") || {
  echo "run.sh: cannot create a temporary directory" >&2
  exit 2
}
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/bin" "$work/tmp"
ln -s "$PAGEL10N" "$work/bin/pagel10n"

total_pass=0
total_fail=0
total_skip=0

# Runs "$@" with the environment every test program gets.
child_env() {
  env -u LANGUAGE \
    PAGEL10N="$PAGEL10N" \
    PATH="$work/bin:$PATH" \
    LC_ALL=C.UTF-8 \
    TZ=UTC \
    SHARED="$SHARED" \
    CONFORMANCE_DIR="$CONFORMANCE_DIR" \
    TESTS_DIR="$script_dir" \
    TMPDIR="$work/tmp" \
    "$@"
}

# Makes and prints a fresh empty directory under $work for one run.
fresh_dir() {
  local d
  d=$(mktemp -d "$work/run.XXXXXX") || exit 2
  printf '%s\n' "$d"
}

# Group counters, reset by group_begin.
g_pass=0 g_fail=0 g_skip=0 g_na=0

group_begin() {
  g_pass=0 g_fail=0 g_skip=0 g_na=0
  if [[ $verbose -eq 1 ]]; then echo "# group $1"; fi
}

# group_end NAME [NOTE]: prints the group's summary line, adds to totals.
group_end() {
  local line="# $1: $g_pass passed, $g_fail failed"
  [[ $g_skip -eq 0 ]] || line+=", $g_skip skipped"
  [[ $g_na -eq 0 ]] || line+=", $g_na not applicable"
  [[ -z ${2:-} ]] || line+=" ($2)"
  echo "$line"
  total_pass=$((total_pass + g_pass))
  total_fail=$((total_fail + g_fail))
  total_skip=$((total_skip + g_skip))
}

# report_failure NAME DETAIL...: counts and prints one failure.
report_failure() {
  local name=$1 d
  shift
  g_fail=$((g_fail + 1))
  echo "not ok - $name"
  for d in "$@"; do
    printf '  # %s\n' "$d"
  done
}

# Prints the last $2 lines of file $1 as detail lines, leaving out the
# "run.sh: line N: PID Aborted ..." job reports that this shell itself
# writes into a program's stderr file when the program dies from a signal.
tail_details() {
  local line
  [[ -s $1 ]] || return 0
  grep -v -F -e "$0: line " -- "$1" | tail -n "$2" | while IFS= read -r line || [[ -n $line ]]; do
    printf '  # %s\n' "$line"
  done
}

# consume OUTFILE STATUS NAME ERRFILE
# Counts the ok / not ok lines a producer wrote to OUTFILE and prints what
# the verbosity asks for.  If the producer exited non-zero without any
# "not ok" line, or wrote no test line at all, one failure named NAME is
# counted (with the end of ERRFILE as details).
consume() {
  local out=$1 status=$2 name=$3 err=$4
  local line in_fail=0 n_tests=0 n_notok=0 n_skip=0
  while IFS= read -r line || [[ -n $line ]]; do
    case $line in
      "ok - "*" # SKIP"* | "ok - "*" # skip"*)
        g_skip=$((g_skip + 1)); in_fail=0
        [[ $verbose -eq 0 ]] || printf '%s\n' "$line" ;;
      "ok - "*)
        g_pass=$((g_pass + 1)); n_tests=$((n_tests + 1)); in_fail=0
        [[ $verbose -eq 0 ]] || printf '%s\n' "$line" ;;
      "not ok - "*)
        g_fail=$((g_fail + 1)); n_tests=$((n_tests + 1)); n_notok=$((n_notok + 1)); in_fail=1
        printf '%s\n' "$line" ;;
      "# skip "* | "# SKIP "*)
        g_skip=$((g_skip + 1)); n_skip=$((n_skip + 1)); in_fail=0
        [[ $verbose -eq 0 ]] || printf '%s\n' "$line" ;;
      "# not applicable"*)
        g_na=$((g_na + 1)); in_fail=0
        [[ $verbose -eq 0 ]] || printf '%s\n' "$line" ;;
      [[:space:]]*"#"*)
        if [[ $in_fail -eq 1 || $verbose -eq 1 ]]; then printf '%s\n' "$line"; fi ;;
      *)
        in_fail=0
        [[ $verbose -eq 0 ]] || printf '%s\n' "$line" ;;
    esac
  done <"$out"
  if [[ $status -ne 0 && $n_notok -eq 0 ]]; then
    local why="exited with status $status"
    [[ $status -ne 124 ]] || why="timed out after ${timeout_s}s"
    [[ $status -le 128 || $status -eq 124 ]] || why="killed by signal $((status - 128))"
    if [[ -s $err ]]; then
      report_failure "$name" "$why; end of its stderr:"
      tail_details "$err" 10
    else
      report_failure "$name" "$why; its stderr is empty"
    fi
  elif [[ $n_tests -eq 0 && $n_skip -eq 0 && $status -eq 0 ]]; then
    # A producer that says it skipped (tool not installed) ran no test; one
    # that says nothing at all is broken.
    report_failure "$name" "produced no ok / not ok lines"
    tail_details "$err" 10
  fi
}

# run_producer NAME PROGRAM...: runs a program that prints ok / not ok lines
# in a fresh directory with the test environment, and consumes its output.
run_producer() {
  local name=$1 dir status
  shift
  dir=$(fresh_dir)
  (cd "$dir" && child_env timeout "$timeout_s" "$@" </dev/null >"$dir.out" 2>"$dir.err")
  status=$?
  consume "$dir.out" "$status" "$name" "$dir.err"
}

# ---- group: unit ---------------------------------------------------------

group_unit() {
  group_begin unit
  local bin n=0
  for bin in "${UNIT_BIN_DIR:-$script_dir/unit/bin}"/*; do
    [[ -f $bin && -x $bin ]] || continue
    n=$((n + 1))
    run_producer "unit/${bin##*/}" "$bin"
  done
  if [[ $n -eq 0 ]]; then
    group_end unit "no test programs in tests/unit/bin; build them with make"
  else
    group_end unit
  fi
}

# ---- group: data ---------------------------------------------------------

# Prints file $1 without the lines that start with "POT-Creation-Date:.
filter_date() {
  sed '/^"POT-Creation-Date:/d' -- "$1"
}

# compare_filtered EXPECTED ACTUAL LABEL: byte comparison after filter_date.
# On difference appends a unified diff (at most 40 lines) to $details.
compare_filtered() {
  local exp=$1 act=$2 label=$3 d
  d=$(fresh_dir)
  filter_date "$exp" >"$d/expected"
  filter_date "$act" >"$d/actual"
  if cmp -s "$d/expected" "$d/actual"; then
    return 0
  fi
  details+=("$label differs:")
  local line n=0
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    if [[ $n -gt 40 ]]; then
      details+=("(diff truncated)")
      break
    fi
    details+=("$line")
  done < <(diff -u --text --label "expected/$label" --label "actual/$label" \
    "$d/expected" "$d/actual")
  return 1
}

# Prints the lines of file $1 that are not empty (CR stripped).  With a
# second argument "comments", lines starting with "#" are dropped too.
list_lines() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    [[ -n $line ]] || continue
    if [[ ${2:-} == comments && $line == "#"* ]]; then continue; fi
    printf '%s\n' "$line"
  done <"$1"
}

# check_grep PATTERNS OUTPUT LABEL: each pattern must match a line.
check_grep() {
  local pattern ok=0 st
  while IFS= read -r pattern; do
    LC_ALL=C.UTF-8 grep -E -q -e "$pattern" -- "$2"
    st=$?
    if [[ $st -eq 1 ]]; then
      details+=("$3: no line matches /$pattern/")
      ok=1
    elif [[ $st -ne 0 ]]; then
      details+=("$3: bad regular expression /$pattern/")
      ok=1
    fi
  done < <(list_lines "$1")
  if [[ $ok -ne 0 ]]; then
    details+=("$3: the output was:")
    local line n=0
    while IFS= read -r line || [[ -n $line ]]; do
      n=$((n + 1))
      if [[ $n -gt 20 ]]; then details+=("(truncated)"); break; fi
      details+=("| $line")
    done <"$2"
  fi
  return "$ok"
}

# run_data_case DIR: runs one case and prints its ok / not ok line.
run_data_case() {
  local case_dir=$1 name=${1##*/}
  local base scratch out err status
  base=$(fresh_dir)
  scratch=$base/case
  out=$base/stdout
  err=$base/stderr
  details=()

  if ! { mkdir "$scratch" && cp -pR -- "$case_dir/." "$scratch/"; }; then
    echo "not ok - data/$name"
    echo "  # cannot copy the case directory"
    return
  fi
  rm -rf -- "$scratch/expect" "$scratch"/expect.*
  (cd "$scratch" && child_env timeout "$timeout_s" bash cmd </dev/null >"$out" 2>"$err")
  status=$?

  local failed=0 want=0
  if [[ -f $case_dir/expect.status ]]; then
    want=$(list_lines "$case_dir/expect.status" | head -n 1)
    want=${want//[[:space:]]/}
  fi
  if [[ ! $want =~ ^[0-9]+$ ]]; then
    details+=("expect.status: not a number: '$want'")
    failed=1
  elif [[ $status -ne $want ]]; then
    if [[ $status -eq 124 ]]; then
      details+=("expect.status: cmd timed out after ${timeout_s}s")
    else
      details+=("expect.status: expected $want, got $status")
    fi
    if [[ -s $err ]]; then
      details+=("stderr was:")
      local line
      while IFS= read -r line || [[ -n $line ]]; do details+=("| $line"); done \
        < <(head -n 10 -- "$err")
    fi
    failed=1
  fi

  local stream
  for stream in stdout stderr; do
    if [[ -f $case_dir/expect.$stream ]]; then
      compare_filtered "$case_dir/expect.$stream" "$base/$stream" "$stream" || failed=1
    fi
    if [[ -f $case_dir/expect.$stream.grep ]]; then
      check_grep "$case_dir/expect.$stream.grep" "$base/$stream" "expect.$stream.grep" || failed=1
    fi
  done

  if [[ -d $case_dir/expect ]]; then
    local rel
    while IFS= read -r rel; do
      rel=${rel#./}
      if [[ ! -f $scratch/$rel ]]; then
        details+=("expect/$rel: $rel was not produced")
        failed=1
      else
        compare_filtered "$case_dir/expect/$rel" "$scratch/$rel" "$rel" || failed=1
      fi
    done < <(cd "$case_dir/expect" && find . -type f | sort)
  fi

  if [[ -f $case_dir/expect.absent ]]; then
    local pat found
    while IFS= read -r pat; do
      found=$(cd "$scratch" && compgen -G "$pat" | tr '\n' ' ')
      if [[ -n $found ]]; then
        details+=("expect.absent: exists afterwards: ${found% }")
        failed=1
      fi
    done < <(list_lines "$case_dir/expect.absent" comments)
  fi

  if [[ -f $case_dir/expect.unchanged ]]; then
    local p
    while IFS= read -r p; do
      if [[ ! -f $case_dir/$p ]]; then
        details+=("expect.unchanged: $p is not a file of the case")
        failed=1
      elif [[ ! -f $scratch/$p ]]; then
        details+=("expect.unchanged: $p was removed")
        failed=1
      elif ! cmp -s -- "$case_dir/$p" "$scratch/$p"; then
        details+=("expect.unchanged: $p was modified")
        failed=1
      fi
    done < <(list_lines "$case_dir/expect.unchanged" comments)
  fi

  if [[ $failed -eq 0 ]]; then
    echo "ok - data/$name"
  else
    echo "not ok - data/$name"
    local d
    for d in "${details[@]}"; do printf '  # %s\n' "$d"; done
  fi
}

group_data() {
  group_begin data
  local d n=0 listing
  listing=$(fresh_dir)/lines
  : >"$listing"
  for d in "$script_dir"/data/*/; do
    d=${d%/}
    [[ -f $d/cmd ]] || continue
    n=$((n + 1))
    run_data_case "$d" >>"$listing"
  done
  if [[ $n -eq 0 ]]; then
    group_end data "no cases in tests/data"
  else
    consume "$listing" 0 data /dev/null
    group_end data
  fi
}

# ---- group: conformance --------------------------------------------------

group_conformance() {
  group_begin conformance
  if [[ ! -f $CONFORMANCE_DIR/manifest.tsv ]]; then
    echo "run.sh: error: conformance data not found: $CONFORMANCE_DIR/manifest.tsv" \
      "(set CONFORMANCE_DIR to the shared conformance directory)" >&2
    report_failure conformance/setup \
      "conformance data not found: $CONFORMANCE_DIR/manifest.tsv" \
      "set CONFORMANCE_DIR to the shared conformance directory"
  else
    run_producer conformance bash "$script_dir/conformance.sh"
  fi
  group_end conformance
}

# ---- group: scripts ------------------------------------------------------

# The browser test (headless Chromium); it prints only a "# skip" line when
# chromium is not installed, so a machine without it counts nothing.
group_browser() {
  group_begin browser
  run_producer "browser/run.sh" "$script_dir/browser/run.sh"
  group_end browser
}

group_scripts() {
  group_begin scripts
  local s n=0
  for s in "$script_dir"/cli/*.sh; do
    [[ -f $s && -x $s ]] || continue
    n=$((n + 1))
    run_producer "cli/${s##*/}" "$s"
  done
  if [[ $n -eq 0 ]]; then
    group_end scripts "no executable tests/cli/*.sh"
  else
    group_end scripts
  fi
}

# ---- main ----------------------------------------------------------------

for g in "${groups[@]}"; do
  if [[ $g != unit && ! -x $PAGEL10N ]]; then
    echo "# warning: PAGEL10N=$PAGEL10N is not an executable file"
    break
  fi
done

# Selected groups always run in the canonical order, each at most once.
for g in "${all_groups[@]}"; do
  case " ${groups[*]} " in
    *" $g "*) "group_$g" ;;
  esac
done

echo "$total_pass passed, $total_fail failed"
[[ $total_fail -eq 0 && $total_pass -gt 0 ]]
