#!/usr/bin/env bash
# tests/browser/screenshot.sh OUTDIR [PNG] - a picture of the Tagalog page.
#
# Loads OUTDIR/tl/article.xhtml (as rendered by "make -C examples/news
# render") in headless Chromium, served as text/html on 127.0.0.1 with a
# stand-in stylesheet (tests/browser/site.css) and placeholder pictures, and
# writes the whole page, 1280 CSS pixels wide, to PNG (default:
# OUTDIR/tl-article.png).
#
# Needs chromium, chromedriver, busybox, curl, jq; without them it prints
# "# skip screenshot: ... not installed" and exits 0, so that "make demo"
# works without a browser.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/browser/lib.sh
. "$here/lib.sh"

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: tests/browser/screenshot.sh OUTDIR [PNG]" >&2
  exit 2
fi
outdir=$1
png=${2:-$outdir/tl-article.png}
page=$outdir/tl/article.xhtml
if [[ ! -f $page ]]; then
  echo "screenshot: $page not found (render the example first)" >&2
  exit 2
fi

missing=$(browser_missing)
if [[ -n $missing ]]; then
  echo "# skip screenshot: $missing not installed"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pagel10n-screenshot.XXXXXX") || exit 2
trap 'browser_stop; rm -rf -- "$work"' EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/www/tl" && cp "$page" "$work/www/tl/article.html" &&
  browser_www "$work/www" || exit 2
if ! browser_start "$work" "$work/www"; then
  echo "screenshot: the browser did not start" >&2
  exit 1
fi
if wd_goto "$BROWSER_BASE/tl/article.html" && wd_screenshot "$png" 1280; then
  echo "screenshot: $png"
else
  echo "screenshot: could not take the screenshot" >&2
  exit 1
fi
