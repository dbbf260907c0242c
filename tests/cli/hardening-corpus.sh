#!/usr/bin/env bash
# tests/cli/hardening-corpus.sh - runs the bad-input corpus (tests/bad-input,
# format: tests/bad-input/README.md).
#
#   tests/cli/hardening-corpus.sh [-v] [CASE[/LABEL]...]
#
# Each run of each case gets a fresh scratch directory holding
# tests/bad-input/common/ and the case's files, runs its setup lines, takes a
# snapshot, runs its command, and checks what the case expects plus the
# invariants every run must keep:
#
#   * the exit status is one the case allows; a timeout (a hang) or death by
#     a signal the case does not allow fails;
#   * stderr holds no crash or sanitizer report;
#   * every file present before the command is still there, of the same type,
#     and byte-identical to a pristine copy taken after setup (diff -r, which
#     compares bytes like cmp and never opens a FIFO);
#   * no new file anywhere in the scratch directory or in $TMPDIR except the
#     ones the case declares (produced:, allow:) - in particular no temporary
#     ".NAME.PID.N" file and no partial output;
#   * a failing run explains itself: a "...: error: ..." (or a program-level
#     "pagel10n: ...") line on stderr;
#   * a secret (secret:) shows up in no output, stream or file.
#
# Prints "ok - bad-input/CASE/LABEL" or "not ok - ..." with "  # " details,
# and "# skip ..." for runs whose require: line fails, in corpus order (the
# runs themselves go HARDENING_JOBS at a time, default: the processors).
# Environment (from tests/run.sh): PAGEL10N (default: the repository's
# ./pagel10n), TESTS_DIR.  -v adds each passing run's time and command.
set -u
export LC_ALL=C.UTF-8

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
corpus=$tests_dir/bad-input
PAGEL10N=${PAGEL10N:-$tests_dir/../pagel10n}
case $PAGEL10N in /*) ;; *) PAGEL10N=$PWD/$PAGEL10N ;; esac

verbose=0
selected=()
for arg in "$@"; do
  case $arg in
    -v) verbose=1 ;;
    *) selected+=("$arg") ;;
  esac
done

if [[ ! -x $PAGEL10N ]]; then
  echo "not ok - bad-input/setup"
  echo "  # PAGEL10N=$PAGEL10N is not an executable file"
  exit 1
fi
if [[ ! -d $corpus/common ]]; then
  echo "not ok - bad-input/setup"
  echo "  # no corpus at $corpus"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/hardening-corpus.XXXXXX") || exit 2
trap 'chmod -R u+rwX -- "$work" 2>/dev/null; rm -rf -- "$work"' EXIT
trap 'kill $(jobs -p) 2>/dev/null; exit 130' INT TERM
mkdir -p "$work/bin"
ln -s "$PAGEL10N" "$work/bin/pagel10n"

# The good pages rendered alone (common/make-refs.sh), once for all runs:
# make-refs.sh copies them from $PL10N_REFS when it is set.
mkdir -p "$work/refs"
cp -pR -- "$corpus/common/." "$work/refs/"
if (cd "$work/refs" && PATH="$work/bin:$PATH" bash make-refs.sh) >/dev/null 2>&1; then
  export PL10N_REFS=$work/refs/ref
fi

# What a crash, a sanitizer or the C library's heap checks print.
crash_re='AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|Segmentation fault|core dumped|double free|free\(\): |malloc\(\): |corrupted size|stack smashing|Assertion .* failed'

# ---- the expect file -------------------------------------------------------

# Per-run keys, filled by parse_expect for one LABEL.
reset_run() {
  r_setup=() r_require=() r_cmd='' r_status='' r_stdout=() r_stdout_empty=0
  r_stderr=() r_stderr_not=() r_produced=() r_absent=() r_allow=()
  r_same=() r_secret=() r_timeout=20 r_errors=()
}

# Prints the labels of expect file $1, one per line.
labels_of() {
  sed -n 's/^\[\([A-Za-z0-9._-]*\)\][[:space:]]*$/\1/p' -- "$1"
}

# parse_expect FILE LABEL: the case-wide lines (before the first [label])
# and the lines of [LABEL] into the r_* variables.
parse_expect() {
  local file=$1 want=$2 line key value section='' n=0
  reset_run
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ $line =~ ^\[([A-Za-z0-9._-]+)\][[:space:]]*$ ]]; then
      section=${BASH_REMATCH[1]}
      continue
    fi
    [[ -z $section || $section == "$want" ]] || continue
    if [[ ! $line =~ ^([a-z-]+):[[:space:]]?(.*)$ ]]; then
      r_errors+=("expect:$n: not a 'key: value' line: $line")
      continue
    fi
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    case $key in
      setup) r_setup+=("$value") ;;
      require) r_require+=("$value") ;;
      cmd)
        [[ -z $r_cmd ]] || r_errors+=("expect:$n: a second cmd: in [$want]")
        r_cmd=$value ;;
      status) r_status=$value ;;
      stdout) r_stdout+=("$value") ;;
      stdout-empty) r_stdout_empty=1 ;;
      stderr) r_stderr+=("$value") ;;
      stderr-not) r_stderr_not+=("$value") ;;
      produced) r_produced+=("$value") ;;
      absent) r_absent+=("$value") ;;
      allow) r_allow+=("$value") ;;
      same) r_same+=("$value") ;;
      secret) r_secret+=("$value") ;;
      timeout) r_timeout=$value ;;
      *) r_errors+=("expect:$n: unknown key '$key'") ;;
    esac
  done <"$file"
  [[ -n $r_cmd ]] || r_errors+=("[$want] has no cmd: line")
  [[ $r_status =~ ^[0-9]+([[:space:]]+[0-9]+)*$ ]] ||
    r_errors+=("[$want] needs status: N (or several numbers separated by spaces)")
  [[ $r_timeout =~ ^[0-9]+$ ]] || r_errors+=("[$want] timeout: is not a number")
  # A run that may fail with an error message must say which message.
  local s
  for s in $r_status; do
    if [[ $s -ge 1 && $s -le 128 && ${#r_stderr[@]} -eq 0 ]]; then
      r_errors+=("[$want] expects a failure but gives no stderr: pattern")
      break
    fi
  done
}

# ---- one run ------------------------------------------------------------

# Lists the non-directory entries under $1 as "TYPE PATH" lines, sorted.
listing() {
  (cd "$1" && find . -mindepth 1 ! -type d -printf '%y %P\n' | LC_ALL=C sort)
}

# matches_any PATH GLOB...: true when PATH matches one of the globs.
matches_any() {
  local p=$1 g
  shift
  for g in "$@"; do
    # shellcheck disable=SC2053  # the glob is meant to match
    [[ $p == $g ]] && return 0
  done
  return 1
}

# Shows the first lines of file $1 as details, with a title $2.
show_file() {
  local line n=0
  [[ -s $1 ]] || { details+=("$2: (empty)"); return; }
  details+=("$2:")
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    if [[ $n -gt 8 ]]; then details+=("| ..."); break; fi
    details+=("| ${line:0:200}")
  done <"$1"
}

run_one() {
  local case_dir=$1 label=$2 name="bad-input/${1##*/}/$2"
  local base scratch pristine tmp out err status
  details=()
  parse_expect "$case_dir/expect" "$label"
  if [[ ${#r_errors[@]} -gt 0 ]]; then
    echo "not ok - $name"
    printf '  # %s\n' "${r_errors[@]}"
    return
  fi

  base=$(mktemp -d "$work/run.XXXXXX") || exit 2
  scratch=$base/scratch pristine=$base/pristine tmp=$base/tmp
  out=$base/stdout err=$base/stderr
  mkdir "$scratch" "$tmp"
  cp -pR -- "$corpus/common/." "$scratch/" &&
    cp -pR -- "$case_dir/." "$scratch/" &&
    rm -f -- "$scratch/expect" || { details+=("cannot copy the case"); }

  local env_=(env PATH="$work/bin:$PATH" PAGEL10N="$PAGEL10N" TMPDIR="$tmp"
              TESTS_DIR="$tests_dir")
  local c
  for c in "${r_require[@]}"; do
    if ! (cd "$scratch" && "${env_[@]}" timeout 20 bash -c "$c") </dev/null >/dev/null 2>&1; then
      echo "# skip $name: requirement not met: $c"
      return
    fi
  done
  for c in "${r_setup[@]}"; do
    if ! (cd "$scratch" && "${env_[@]}" timeout 60 bash -c "$c") </dev/null >"$base/setup.out" 2>&1; then
      details+=("setup failed: $c")
      show_file "$base/setup.out" "its output"
      break
    fi
  done
  if [[ ${#details[@]} -gt 0 ]]; then
    echo "not ok - $name"
    printf '  # %s\n' "${details[@]}"
    return
  fi

  # The snapshot: a pristine copy (FIFOs are copied as FIFOs, never opened).
  cp -pR -- "$scratch" "$pristine"
  listing "$scratch" >"$base/before"
  : >"$tmp/.keep"

  local t0=$SECONDS
  (cd "$scratch" && "${env_[@]}" timeout -k 5 "$r_timeout" bash -c "$r_cmd") </dev/null >"$out" 2>"$err"
  status=$?
  local elapsed=$((SECONDS - t0))

  # -- the exit status
  local s ok_status=0
  for s in $r_status; do [[ $status -eq $s ]] && ok_status=1; done
  if [[ $ok_status -eq 0 ]]; then
    if [[ $status -eq 124 || $status -eq 137 ]] && [[ $elapsed -ge $r_timeout ]]; then
      details+=("timed out after ${r_timeout}s (a hang?); expected status $r_status")
    elif [[ $status -gt 128 ]]; then
      details+=("killed by signal $((status - 128)); expected status $r_status")
    else
      details+=("exit status $status; expected $r_status")
    fi
    show_file "$err" "stderr"
  fi

  # -- stderr: crash reports, expected and forbidden lines, an explanation
  if grep -a -q -E -e "$crash_re" -- "$err"; then
    details+=("stderr holds a crash or sanitizer report:")
    while IFS= read -r c; do details+=("| ${c:0:200}"); done \
      < <(grep -a -E -e "$crash_re" -- "$err" | head -n 5)
  fi
  local re st
  for re in "${r_stderr[@]}"; do
    grep -a -q -E -e "$re" -- "$err"
    st=$?
    if [[ $st -eq 1 ]]; then
      details+=("no stderr line matches /$re/")
      [[ $ok_status -eq 0 ]] || show_file "$err" "stderr"
    elif [[ $st -ne 0 ]]; then
      details+=("bad regular expression /$re/")
    fi
  done
  for re in "${r_stderr_not[@]}"; do
    if grep -a -q -E -e "$re" -- "$err"; then
      details+=("a stderr line matches the forbidden /$re/:")
      while IFS= read -r c; do details+=("| ${c:0:200}"); done \
        < <(grep -a -E -e "$re" -- "$err" | head -n 3)
    fi
  done
  if [[ $status -ne 0 ]] && ! grep -a -q -E -e '(: error: |^pagel10n: )' -- "$err" &&
     ! [[ $status -gt 128 && $ok_status -eq 1 ]]; then
    details+=("exit status $status without an error message on stderr")
  fi

  # -- stdout
  if [[ $r_stdout_empty -eq 1 && -s $out ]]; then
    details+=("stdout is not empty ($(wc -c <"$out") bytes)")
  fi
  for re in "${r_stdout[@]}"; do
    grep -a -q -E -e "$re" -- "$out" || details+=("no stdout line matches /$re/")
  done

  # -- the inputs: every entry of the snapshot unchanged.  One diff compares
  # every regular file byte for byte (FIFOs are not opened) and symbolic
  # links by target; files only in the scratch directory are new ones,
  # checked below.
  local line path
  while IFS= read -r line; do
    case $line in
      "Files $pristine/"*" and $scratch/"*" differ")
        path=${line#"Files $pristine/"}; path=${path%% and "$scratch"/*}
        details+=("input modified: $path") ;;
      "Symbolic links $pristine/"*)
        path=${line#"Symbolic links $pristine/"}; path=${path%% and "$scratch"/*}
        details+=("symbolic link changed: $path") ;;
      "Only in $pristine"*)
        path=${line#"Only in $pristine"}; path=${path#/}
        path=${path/: //}; path=${path#/}
        details+=("input removed: $path") ;;
      "Only in $scratch"*) ;;
      "File $pristine/"*" is a "*" while file $scratch/"*" is a "*)
        local k1 k2
        k1=${line#*" is a "}; k1=${k1%%" while file "*}
        k2=${line##*" is a "}
        if [[ $k1 != "$k2" ]]; then
          path=${line#"File $pristine/"}; path=${path%%" is a "*}
          details+=("input replaced by another kind of file: $path ($k1 -> $k2)")
        fi ;;
      *) details+=("comparing the inputs: $line") ;;
    esac
  done < <(LC_ALL=C diff -rq --no-dereference -- "$pristine" "$scratch" 2>&1)

  # -- new files: only the declared ones
  listing "$scratch" >"$base/after"
  local new=()
  while read -r _ path; do new+=("$path"); done \
    < <(LC_ALL=C comm -13 "$base/before" "$base/after")
  local p
  for p in "${new[@]}"; do
    if matches_any "$p" "${r_produced[@]}" "${r_allow[@]}"; then continue; fi
    if [[ ${p##*/} =~ ^\..+\.[A-Za-z0-9]{6}$ ]]; then
      details+=("temporary file left behind: $p")
    else
      details+=("unexpected file left behind: $p")
    fi
  done
  while read -r _ path; do
    [[ $path == .keep ]] || details+=("file left in \$TMPDIR: $path")
  done < <(listing "$tmp")
  for p in "${r_produced[@]}"; do
    if [[ ! -f $scratch/$p || -L $scratch/$p ]]; then
      details+=("not produced: $p")
    elif [[ ! -s $scratch/$p ]]; then
      details+=("produced but empty: $p")
    fi
  done
  for p in "${r_absent[@]}"; do
    local found
    found=$(cd "$scratch" && compgen -G "$p" | tr '\n' ' ')
    [[ -z $found ]] || details+=("exists but must not: ${found% }")
  done
  local a b
  for p in "${r_same[@]}"; do
    read -r a b <<<"$p"
    if [[ ! -f $scratch/$a || ! -f $scratch/$b ]]; then
      details+=("same: $a and $b must both exist")
    elif ! cmp -s -- "$scratch/$a" "$scratch/$b"; then
      details+=("$a differs from $b")
    fi
  done

  # -- secrets: in an input (or the check proves nothing), nowhere else
  local secret found_in
  for secret in "${r_secret[@]}"; do
    if ! grep -r -D skip -a -q -F -e "$secret" -- "$pristine"; then
      details+=("secret '$secret' is in no input: the check would prove nothing")
      continue
    fi
    found_in=()
    grep -a -q -F -e "$secret" -- "$out" && found_in+=("stdout")
    grep -a -q -F -e "$secret" -- "$err" && found_in+=("stderr")
    for p in "${new[@]}"; do
      [[ -f $scratch/$p && ! -L $scratch/$p ]] || continue
      grep -a -q -F -e "$secret" -- "$scratch/$p" && found_in+=("$p")
    done
    [[ ${#found_in[@]} -eq 0 ]] || details+=("secret '$secret' leaked into: ${found_in[*]}")
  done

  if [[ ${#details[@]} -eq 0 ]]; then
    echo "ok - $name"
    [[ $verbose -eq 0 ]] || echo "  # ${elapsed}s: $r_cmd"
  else
    echo "not ok - $name"
    echo "  # cmd: $r_cmd"
    printf '  # %s\n' "${details[@]}"
  fi
  chmod -R u+rwX -- "$base" 2>/dev/null
  rm -rf -- "$base"
}

# ---- all cases --------------------------------------------------------------
# The runs are independent: they run $jobs at a time (HARDENING_JOBS, default
# the number of processors, 2 to 8), each printing into its own file; the
# files are printed in corpus order.

jobs=${HARDENING_JOBS:-$(nproc 2>/dev/null || echo 2)}
[[ $jobs =~ ^[0-9]+$ && $jobs -ge 1 ]] || jobs=2
[[ $jobs -ge 2 ]] || [[ -n ${HARDENING_JOBS:-} ]] || jobs=2
[[ $jobs -le 8 ]] || jobs=8

n=0
running=0
results=()
for case_dir in "$corpus"/*/; do
  case_dir=${case_dir%/}
  [[ -f $case_dir/expect ]] || continue
  cname=${case_dir##*/}
  labels=$(labels_of "$case_dir/expect")
  if [[ -z $labels ]]; then
    n=$((n + 1))
    printf 'not ok - bad-input/%s\n  # its expect file has no [label] run\n' "$cname" >"$work/result.$n"
    results+=("$work/result.$n")
    continue
  fi
  for label in $labels; do
    if [[ ${#selected[@]} -gt 0 ]] &&
       ! matches_any "$cname/$label" "${selected[@]}" "${selected[@]/%//*}"; then
      continue
    fi
    n=$((n + 1))
    results+=("$work/result.$n")
    if [[ $running -ge $jobs ]]; then
      wait -n
      running=$((running - 1))
    fi
    run_one "$case_dir" "$label" >"$work/result.$n" 2>&1 &
    running=$((running + 1))
  done
done
wait
if [[ $n -eq 0 ]]; then
  echo "not ok - bad-input/cases"
  echo "  # no case selected in $corpus"
  exit 1
fi
cat -- "${results[@]}"
! grep -q '^not ok' -- "${results[@]}"
