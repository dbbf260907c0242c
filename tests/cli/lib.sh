# tests/cli/lib.sh - what the scripted tests share (sourced, not run):
# ok NAME, not_ok NAME [DETAIL...] print the lines tests/run.sh counts, and
# FAILURES counts the not_ok ones.  A script that sets TEST_PREFIX before
# sourcing (browser/, mk-incremental/) gets it in front of every NAME.
failures=0
test_prefix=${TEST_PREFIX-}
ok() { echo "ok - $test_prefix$1"; }
not_ok() {
  failures=$((failures + 1))
  echo "not ok - $test_prefix$1"
  shift
  local d
  for d in "$@"; do printf '  # %s\n' "$d"; done
}
