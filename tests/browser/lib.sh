# shellcheck shell=bash
# tests/browser/lib.sh - headless Chromium through chromedriver's W3C
# WebDriver HTTP API, with curl and jq; pages served by busybox httpd on
# 127.0.0.1.  Sourced by run.sh and screenshot.sh.
#
#   browser_missing              the first missing tool, or nothing
#   browser_site PROG WORK       render examples/news into WORK/out/{en,tl}
#   browser_www ROOT             make ROOT servable: site.css, placeholder
#                                images for every /img/... the pages use
#   browser_start WORK ROOT      start the server and the browser session;
#                                sets BROWSER_BASE (http://127.0.0.1:PORT)
#   browser_stop                 end the session, stop what browser_start
#                                started (by process id)
#   wd METHOD PATH [JSON]        one WebDriver command of the session; prints
#                                the response's "value"; fails on an error
#   wd_goto URL, wd_exec SCRIPT, wd_logs, wd_screenshot FILE [WIDTH]
#
# Chromium runs as root in CI, hence --no-sandbox; the networking switches
# keep it from calling Google's servers.

browser_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
browser_repo=$(cd "$browser_lib_dir/../.." && pwd)

BROWSER_CHROMIUM=
BROWSER_HTTPD_PID=
BROWSER_DRIVER_PID=
BROWSER_DRIVER=
BROWSER_SESSION=
BROWSER_BASE=

# The rendering time and zone of examples/news/Makefile, so that the pages
# are the ones "make demo" writes.
browser_render_flags=(--now 2025-11-27T12:00:00+08:00 --time-zone Asia/Manila)

browser_missing() {
  local t
  BROWSER_CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
  if [[ -z $BROWSER_CHROMIUM ]]; then echo chromium; return; fi
  for t in chromedriver busybox curl jq base64; do
    command -v "$t" >/dev/null 2>&1 || { echo "$t"; return; }
  done
  busybox --list 2>/dev/null | grep -qx httpd || echo "busybox httpd"
}

# browser_site PROG WORK: renders a scratch copy of examples/news into
# WORK/out/{en,tl}/ (pages and catalogs copied to WORK/site first).
browser_site() {
  local prog=$1 work=$2
  mkdir -p "$work/site/po" || return 1
  cp -R "$browser_repo/examples/news/pages" "$work/site/" &&
    cp "$browser_repo"/examples/news/po/*.po "$work/site/po/" || return 1
  (cd "$work/site/pages" && "$prog" render -q -d ../po -l en,tl "${browser_render_flags[@]}" \
     --out-dir "$work/out" article.xhtml index.xhtml)
}

# Placeholder pictures: a grey box with a word in it.
browser_svg() {
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s">' "$1" "$2" "$1" "$2"
  printf '<rect width="100%%" height="100%%" fill="%s"/>' "$3"
  printf '<text x="50%%" y="50%%" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="%s" fill="#fff">%s</text></svg>\n' "$4" "$5"
}

# browser_www ROOT: the stylesheet and images the pages under ROOT refer to
# (absolute /css/... and /img/... paths), so that loading a page logs no
# failed request.  Pictures are SVG whatever their name (the server is told
# so), and /favicon.ico too.
browser_www() {
  local root=$1 url f
  mkdir -p "$root/css" "$root/img" || return 1
  cp "$browser_lib_dir/site.css" "$root/css/site.css" || return 1
  browser_svg 48 48 '#7a1f5c' 22 AP >"$root/img/logo.svg"
  browser_svg 24 24 '#b8860b' 12 c >"$root/img/cookie.svg"
  browser_svg 16 16 '#0f2742' 10 P >"$root/favicon.ico"
  while IFS= read -r url; do
    f=$root$url
    [[ -e $f ]] && continue
    mkdir -p "$(dirname "$f")"
    browser_svg 320 180 '#8a8f98' 20 'photo' >"$f"
  done < <(grep -rhoE '(src|href)="/img/[^"]+"' "$root" | sed -E 's/^[a-z]+="//; s/"$//' | sort -u)
}

# browser_spawn PID_VAR URL_VAR PATH LOG CMD...: starts CMD in the background
# on a port picked at random ({port} in its words), output to LOG, until it
# answers http://127.0.0.1:PORT/PATH (eight tries).  Sets PID_VAR as soon as
# it runs (browser_stop kills it) and URL_VAR to http://127.0.0.1:PORT.
browser_spawn() {
  local pid_var=$1 url_var=$2 path=$3 log=$4 port _
  shift 4
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    "${@//\{port\}/$port}" >"$log" 2>&1 &
    printf -v "$pid_var" '%s' "$!"
    if browser_wait_http "http://127.0.0.1:$port/$path" "${!pid_var}"; then
      printf -v "$url_var" '%s' "http://127.0.0.1:$port"
      return 0
    fi
    kill "${!pid_var}" 2>/dev/null; wait "${!pid_var}" 2>/dev/null
    printf -v "$pid_var" '%s' ''
  done
  return 1
}

# browser_start WORK ROOT: busybox httpd serving ROOT, chromedriver, and one
# browser session.  Ports are picked at random and tried until one works.
browser_start() {
  local work=$1 root=$2 profile caps
  [[ -n $BROWSER_CHROMIUM ]] || browser_missing >/dev/null
  printf '%s\n' '.xhtml:application/xhtml+xml' '.html:text/html; charset=utf-8' \
    '.jpg:image/svg+xml' '.svg:image/svg+xml' '.ico:image/svg+xml' '.css:text/css' >"$work/httpd.conf"
  if ! browser_spawn BROWSER_HTTPD_PID BROWSER_BASE css/site.css "$work/httpd.log" \
         busybox httpd -f -p "127.0.0.1:{port}" -h "$root" -c "$work/httpd.conf"; then
    echo "browser: busybox httpd did not start (see $work/httpd.log)" >&2
    return 1
  fi
  if ! browser_spawn BROWSER_DRIVER_PID BROWSER_DRIVER status /dev/null \
         chromedriver --port="{port}" --log-path="$work/chromedriver.log"; then
    echo "browser: chromedriver did not start (see $work/chromedriver.log)" >&2
    return 1
  fi
  profile=$(mktemp -d "$work/profile.XXXXXX") || return 1
  caps=$(jq -n --arg bin "$BROWSER_CHROMIUM" --arg profile "$profile" '{capabilities: {alwaysMatch: {
      browserName: "chrome",
      "goog:loggingPrefs": {browser: "ALL"},
      "goog:chromeOptions": {binary: $bin, args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--hide-scrollbars", "--window-size=1280,900", ("--user-data-dir=" + $profile)]}}}}')
  BROWSER_SESSION=$(curl -sS --max-time 90 -X POST -H 'Content-Type: application/json' \
    -d "$caps" "$BROWSER_DRIVER/session" | jq -r '.value.sessionId // empty')
  if [[ -z $BROWSER_SESSION ]]; then
    echo "browser: no WebDriver session (see $work/chromedriver.log)" >&2
    return 1
  fi
  wd POST /timeouts '{"pageLoad": 30000, "script": 10000}' >/dev/null
}

# browser_wait_http URL PID: waits up to 20 s for URL to answer while
# process PID lives.
browser_wait_http() {
  local _
  for _ in $(seq 1 100); do
    kill -0 "$2" 2>/dev/null || return 1
    curl -s -o /dev/null --max-time 2 "$1" && return 0
    sleep 0.2
  done
  return 1
}

browser_stop() {
  if [[ -n $BROWSER_SESSION ]]; then
    curl -s --max-time 20 -X DELETE "$BROWSER_DRIVER/session/$BROWSER_SESSION" >/dev/null 2>&1
    BROWSER_SESSION=
  fi
  local pid
  for pid in $BROWSER_DRIVER_PID $BROWSER_HTTPD_PID; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  BROWSER_DRIVER_PID=""
  BROWSER_HTTPD_PID=""
}

# wd METHOD PATH [JSON]: prints the "value" of the response (as JSON).
wd() {
  local out
  out=$(curl -sS --max-time 60 -X "$1" -H 'Content-Type: application/json' \
        ${3:+-d "$3"} "$BROWSER_DRIVER/session/$BROWSER_SESSION$2") || return 1
  if jq -e '.value | type == "object" and has("error")' >/dev/null 2>&1 <<<"$out"; then
    jq -r '"webdriver: " + .value.error + ": " + (.value.message | split("\n")[0])' <<<"$out" >&2
    return 1
  fi
  jq -c '.value' <<<"$out"
}

wd_goto() { wd POST /url "$(jq -n --arg u "$1" '{url: $u}')" >/dev/null; }

# wd_exec SCRIPT: runs SCRIPT (a function body) in the page, prints its
# return value as JSON.
wd_exec() { wd POST /execute/sync "$(jq -n --arg s "$1" '{script: $s, args: []}')"; }

# wd_logs: the browser console entries since the last call, as a JSON array
# (chromedriver's log endpoint, fed by goog:loggingPrefs).
wd_logs() { wd POST /se/log '{"type": "browser"}'; }

# wd_screenshot FILE [WIDTH]: a PNG of the whole page at WIDTH (1280) CSS
# pixels: the window is made as tall as the page first.
wd_screenshot() {
  local width=${2:-1280} height _
  wd POST /window/rect "{\"width\": $width, \"height\": 900}" >/dev/null || return 1
  # The window is taller than the page's viewport; twice, since the page's
  # height may change with the viewport's.
  for _ in 1 2; do
    height=$(wd_exec 'var e = document.documentElement, b = document.body;
      return Math.ceil(Math.max(e.scrollHeight, b ? b.scrollHeight : 0) + window.outerHeight - window.innerHeight)') || return 1
    [[ $height =~ ^[0-9]+$ ]] || height=900
    ((height <= 16000)) || height=16000
    wd POST /window/rect "{\"width\": $width, \"height\": $height}" >/dev/null || return 1
  done
  wd GET /screenshot | jq -r . | base64 -d >"$1.tmp" && mv -f "$1.tmp" "$1"
}
