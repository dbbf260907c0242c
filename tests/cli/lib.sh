# tests/cli/lib.sh - what the scripted tests share (sourced, not run):
# ok NAME, not_ok NAME [DETAIL...] print the lines tests/run.sh counts, and
# FAILURES counts the not_ok ones.  A script that sets TEST_PREFIX before
# sourcing (browser/, mk-incremental/) gets it in front of every NAME.
# plural_page MAX prints a page of one plural message per n from 0 to MAX.
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

plural_page() {
  local n
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:pl="http://pagel10n.org/ns/1" lang="en">'
  echo '<body>'
  for ((n = 0; n <= $1; n++)); do
    echo "<p pl:plural=\"{n} items\"><data value=\"$n\" pl:value=\"n\">$n</data> item</p>"
  done
  echo '</body>'
  echo '</html>'
}
