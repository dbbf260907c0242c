#!/usr/bin/env bash
# tests/fuzz/run.sh - runs the libFuzzer harnesses built by `make fuzz`.
#   run.sh BUILD_DIR SECONDS RUNS HARNESS...
# Seeds each harness's corpus from the test data (pages, catalogs, .mo files
# compiled from them, translation pairs), runs it for SECONDS (or RUNS
# inputs), prints one line per harness with its execution count, and fails
# on the first crash (the input is kept in BUILD_DIR/artifacts/).
set -u
dir=$1 seconds=$2 runs=$3
shift 3
top=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$dir/corpus
mkdir -p "$dir/artifacts"

seed() { # seed NAME FILE...: copy files into the corpus of NAME
  local name=$1
  shift
  mkdir -p "$corpus/$name"
  local f
  for f in "$@"; do
    [[ -f $f ]] && cp "$f" "$corpus/$name/$(echo "$f" | tr '/' '_')"
  done
}

shopt -s nullglob globstar
cd "$top"
seed render examples/news/pages/*.xhtml tests/data/**/*.xhtml \
  ../shared/conformance/itstool/tests/**/*.xml
seed po examples/news/po/*.po tests/data/**/*.po
mo_tmp=$(mktemp -d)
for po in examples/news/po/*.po tests/data/render-*/*.po; do
  msgfmt -o "$mo_tmp/$(echo "$po" | tr '/' '_').mo" "$po" 2>/dev/null
done
seed mo "$mo_tmp"/*.mo
rm -rf "$mo_tmp"
seed translation tests/fuzz/seeds/translation/*

# libgettextpo leaks inside its own parser (see tests/lsan.supp).
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1
status=0
for name in "$@"; do
  bin=$dir/fuzz_$name
  limit=(-max_total_time="$seconds")
  [[ -n $runs ]] && limit=(-runs="$runs")
  log=$dir/fuzz_$name.log
  "$bin" "${limit[@]}" -dict=tests/fuzz/xml.dict -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$dir/artifacts/$name-" \
    -print_final_stats=1 "$corpus/$name" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  if [[ $rc -ne 0 ]]; then
    echo "fuzz_$name: FAILED (exit $rc) after ${execs:-?} executions; see $log"
    grep -m5 -E 'ERROR|SUMMARY|runtime error' "$log"
    status=1
  else
    echo "fuzz_$name: ok, ${execs:-?} executions, corpus $(ls "$corpus/$name" | wc -l) inputs"
  fi
done
exit $status
