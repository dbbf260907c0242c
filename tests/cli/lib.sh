# tests/cli/lib.sh - what the scripted tests share (sourced, not run):
# ok NAME, not_ok NAME [DETAIL...] print the lines tests/run.sh counts, and
# FAILURES counts the not_ok ones.
failures=0
ok() { echo "ok - $1"; }
not_ok() {
  failures=$((failures + 1))
  echo "not ok - $1"
  shift
  local d
  for d in "$@"; do printf '  # %s\n' "$d"; done
}
