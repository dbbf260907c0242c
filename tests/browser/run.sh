#!/usr/bin/env bash
# tests/browser/run.sh - the example site's rendered pages in a real browser.
#
# Renders a scratch copy of examples/news into en and tl (as "make demo"
# does), serves the pages on 127.0.0.1 with busybox httpd and loads them in
# headless Chromium through chromedriver (W3C WebDriver over HTTP, driven
# with curl and jq):
#
#   html/    the rendered pages and their source, copied to .html and so
#            served as text/html, parsed by the HTML parser like a real site;
#   xhtml/   the same pages rendered from a copy of the source whose HTML
#            named references (&mdash; ...) are written as characters,
#            served as application/xhtml+xml, parsed by the XML parser (the
#            example's own pages use undeclared HTML entities, which
#            pagel10n accepts and a browser's XML parser does not: xhtml-raw/
#            checks that pagel10n's output parses exactly like its source).
#
# For every page (article, index) and version (src, en, tl) it checks in the
# DOM: the page parsed as the expected type without a parser error; the
# root's lang (and xml:lang); the chrome strings in the page's language
# ("Mga Kaugnay na Artikulo", "Larawang ginawa ng AI", "Iniulat ng AI",
# "Tanggihan" in tl; the English ones in en and in the source), and that
# the browser takes them for that language (:lang()); every content region
# (translate="no" with text) in English (:lang(en)) - on the Tagalog page
# thanks to the lang="en" pagel10n adds; and no console error.  Per page,
# the content (the text under translate="no", its attributes, the title)
# and the article's content text are the same in src, en and tl.  And a
# screenshot of the Tagalog article is a PNG 1280 pixels wide.
#
# Needs chromium, chromedriver, busybox (httpd), curl, jq.  Without them it
# prints "# skip browser: ... not installed" and no test line, and exits 0.
#
# Environment: PAGEL10N (default: the repository's ./pagel10n);
# BROWSER_KEEP=DIR keeps the served tree and logs in DIR; BROWSER_STRICT_ALT=1
# turns the note about content images' alt language into a test.
# Prints "ok - NAME" / "not ok - NAME" lines; exit status 1 if any failed.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/browser/lib.sh
. "$here/lib.sh"
repo=$browser_repo

missing=$(browser_missing)
if [[ -n $missing ]]; then
  echo "# skip browser: $missing not installed"
  exit 0
fi

# ok, not_ok, failures, with names under browser/
TEST_PREFIX=browser/
# shellcheck source=tests/cli/lib.sh
. "$here/../cli/lib.sh"

prog=${PAGEL10N:-$repo/pagel10n}
if [[ ! -x $prog ]]; then
  not_ok setup "PAGEL10N=$prog is not an executable (build with make)"
  exit 1
fi

if [[ -n ${BROWSER_KEEP:-} ]]; then
  rm -rf -- "$BROWSER_KEEP" && mkdir -p "$BROWSER_KEEP" || exit 2
  work=$(cd "$BROWSER_KEEP" && pwd)
  trap 'browser_stop' EXIT
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/pagel10n-browser.XXXXXX") || exit 2
  trap 'browser_stop; rm -rf -- "$work"' EXIT
fi
trap 'exit 130' INT TERM

# ---- the pages ---------------------------------------------------------------

if ! browser_site "$prog" "$work" 2>"$work/render.log"; then
  not_ok setup "rendering examples/news failed: $(head -n 3 "$work/render.log" | tr '\n' ' ')"
  exit 1
fi

# The XHTML-clean source: every HTML named reference but the five of XML
# replaced by its characters (from the table pagel10n itself uses).
mkdir -p "$work/clean/pages" "$work/clean/po"
cp "$work"/site/pages/*.xhtml "$work/clean/pages/" && cp "$work"/site/po/*.po "$work/clean/po/"
while IFS= read -r ent; do
  case $ent in amp | lt | gt | quot | apos) continue ;; esac
  line=$(grep -m 1 "^{\"$ent\", \"" "$repo/src/html_entities.inc") || {
    not_ok setup "no character for &$ent; in src/html_entities.inc"
    exit 1
  }
  value=${line#*, \"}
  value=${value%\"\},}
  chars=$(printf '%b' "$value")
  chars=${chars//\\/\\\\}
  chars=${chars//&/\\&}
  chars=${chars//|/\\|}
  sed -i "s|&$ent;|$chars|g" "$work"/clean/pages/*.xhtml
done < <(grep -ohE '&[A-Za-z][A-Za-z0-9]*;' "$work"/clean/pages/*.xhtml | sed 's/^&//; s/;$//' | sort -u)
if ! (cd "$work/clean/pages" && "$prog" render -q -d ../po -l en,tl "${browser_render_flags[@]}" \
        --out-dir "$work/clean/out" article.xhtml index.xhtml) 2>"$work/render-clean.log"; then
  not_ok setup "rendering the XHTML-clean copy failed: $(head -n 3 "$work/render-clean.log" | tr '\n' ' ')"
  exit 1
fi

www=$work/www
pages=(article index)
for p in "${pages[@]}"; do
  mkdir -p "$www/html/src" "$www/html/en" "$www/html/tl" "$www/xhtml/src" "$www/xhtml/en" \
    "$www/xhtml/tl" "$www/xhtml-raw/src" "$www/xhtml-raw/tl"
  cp "$work/site/pages/$p.xhtml" "$www/html/src/$p.html"
  cp "$work/out/en/$p.xhtml" "$www/html/en/$p.html"
  cp "$work/out/tl/$p.xhtml" "$www/html/tl/$p.html"
  cp "$work/clean/pages/$p.xhtml" "$www/xhtml/src/$p.xhtml"
  cp "$work/clean/out/en/$p.xhtml" "$www/xhtml/en/$p.xhtml"
  cp "$work/clean/out/tl/$p.xhtml" "$www/xhtml/tl/$p.xhtml"
  cp "$work/site/pages/$p.xhtml" "$www/xhtml-raw/src/$p.xhtml"
  cp "$work/out/tl/$p.xhtml" "$www/xhtml-raw/tl/$p.xhtml"
done
browser_www "$www" || { not_ok setup "cannot prepare the served tree"; exit 1; }

if ! browser_start "$work" "$www" 2>"$work/start.log"; then
  not_ok setup "the browser did not start: $(tr '\n' ' ' <"$work/start.log")"
  exit 1
fi

# ---- what is looked at in a page ----------------------------------------------

# arguments[0]: the page's language, arguments[1]: the content's language.
# shellcheck disable=SC2016
probe='
var d = document, r = d.documentElement, want = arguments[0], src = arguments[1];
function norm(s) { return s.replace(/\s+/g, " ").trim(); }
function isContent(el) {
  var c = el.closest("[translate]");
  return !!c && c.getAttribute("translate") === "no";
}
function contentText(root) {
  if (!root) return null;
  var out = [], w = d.createTreeWalker(root, NodeFilter.SHOW_TEXT), n;
  while ((n = w.nextNode())) if (n.parentElement && isContent(n.parentElement)) out.push(n.data);
  return out.join("");
}
function name(el) {
  var s = el.localName;
  if (el.id) s += "#" + el.id;
  var c = el.getAttribute("class");
  if (c) s += "." + c.trim().split(/\s+/).join(".");
  return s;
}
var pe = d.getElementsByTagName("parsererror");
var res = {
  contentType: d.contentType,
  parseError: pe.length ? norm(pe[0].textContent) : null,
  lang: r.getAttribute("lang"),
  xmlLang: r.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang") || r.getAttribute("xml:lang"),
  chrome: {}, chromeNotWant: [],
  article: contentText(d.querySelector("article")),
  content: contentText(r),
  contentAttrs: [], regionsNotSrc: [], regions: 0, imagesNotSrc: []
};
var sel = {related: "#related-title", caption: "figcaption", badge: ".badge", reject: "button.reject"};
for (var k in sel) {
  var els = d.querySelectorAll(sel[k]);
  res.chrome[k] = [];
  for (var i = 0; i < els.length; i++) {
    res.chrome[k].push(norm(els[i].textContent));
    if (!els[i].matches(":lang(" + want + ")")) res.chromeNotWant.push(name(els[i]));
  }
}
var all = d.querySelectorAll("*");
for (var j = 0; j < all.length; j++) {
  var el = all[j];
  if (!isContent(el)) continue;
  ["alt", "title", "content", "aria-label", "href", "src"].forEach(function (a) {
    if (el.hasAttribute(a)) res.contentAttrs.push(name(el) + "@" + a + "=" + el.getAttribute(a));
  });
  if (el.getAttribute("translate") === "no" && norm(el.textContent) !== "") {
    res.regions++;
    if (!el.matches(":lang(" + src + ")")) res.regionsNotSrc.push(name(el));
  }
  if (el.localName === "img" && norm(el.getAttribute("alt") || "") !== "" && !el.matches(":lang(" + src + ")"))
    res.imagesNotSrc.push(name(el) + " alt=\"" + el.getAttribute("alt").slice(0, 40) + "...\"");
}
return res;'

# The log channel itself: a console.error must show up.
wd_goto "$BROWSER_BASE/css/site.css" && wd_logs >/dev/null
wd_exec 'console.error("pagel10n-console-probe"); return 1' >/dev/null
if wd_logs | jq -e 'any(.[]; .level == "SEVERE" and (.message | contains("pagel10n-console-probe")))' >/dev/null; then
  ok console-log-channel
else
  not_ok console-log-channel "a console.error() did not appear in POST /session/ID/se/log"
fi

declare -A expect_lang=([src]=en [en]=en [tl]=tl)
declare -A want_related=([en]="Related Articles" [tl]="Mga Kaugnay na Artikulo")
declare -A want_caption=([en]="AI-generated image" [tl]="Larawang ginawa ng AI")
declare -A want_badge=([en]="Reported by AI" [tl]="Iniulat ng AI")
declare -A want_reject=([en]="Reject" [tl]="Tanggihan")

# check_page VARIANT VERSION PAGE: loads VARIANT/VERSION/PAGE and checks it;
# leaves the probe result in $work/result-VARIANT-VERSION-PAGE.json.
check_page() {
  local variant=$1 version=$2 page=$3 ext=html ctype=text/html
  [[ $variant == html ]] || { ext=xhtml; ctype=application/xhtml+xml; }
  local t="$variant/$version/$page.$ext" lang=${expect_lang[$version]} res logs
  local result=$work/result-$variant-$version-$page.json
  wd_logs >/dev/null
  if ! wd_goto "$BROWSER_BASE/$variant/$version/$page.$ext" 2>"$work/goto.log"; then
    not_ok "$t/loads" "$(cat "$work/goto.log")"
    return
  fi
  if ! res=$(wd_exec_args "$probe" "[\"$lang\", \"en\"]" 2>"$work/exec.log"); then
    not_ok "$t/loads" "the probe script failed: $(cat "$work/exec.log")"
    return
  fi
  printf '%s\n' "$res" >"$result"
  logs=$(wd_logs)

  local got_type perr
  got_type=$(jq -r .contentType "$result")
  perr=$(jq -r '.parseError // empty' "$result")
  if [[ $got_type == "$ctype" && -z $perr ]]; then
    ok "$t/parses-as-$ctype"
  else
    not_ok "$t/parses-as-$ctype" "document.contentType: $got_type" "parser error: ${perr:-none}"
  fi

  local root
  root=$(jq -r '[.lang, (.xmlLang // "-")] | join(" ")' "$result")
  if [[ $root == "$lang $lang" ]]; then
    ok "$t/root-lang-$lang"
  else
    not_ok "$t/root-lang-$lang" "lang, xml:lang of the root: $root"
  fi

  local key want problems=() n
  for key in related caption badge reject; do
    case $key in
      related) want=${want_related[$lang]} ;;
      caption) want=${want_caption[$lang]} ;;
      badge) want=${want_badge[$lang]} ;;
      reject) want=${want_reject[$lang]} ;;
    esac
    n=$(jq --arg k "$key" '.chrome[$k] | length' "$result")
    if [[ $key == related && $page != article ]]; then
      continue
    fi
    if [[ $n -eq 0 ]]; then
      problems+=("no element for $key")
    elif ! jq -e --arg k "$key" --arg w "$want" '.chrome[$k] | all(. == $w)' "$result" >/dev/null; then
      problems+=("$key: want \"$want\", got $(jq -c --arg k "$key" '.chrome[$k] | unique' "$result")")
    fi
  done
  if [[ ${#problems[@]} -eq 0 ]]; then
    ok "$t/chrome-strings-$lang"
  else
    not_ok "$t/chrome-strings-$lang" "${problems[@]}"
  fi

  if jq -e '.chromeNotWant | length == 0' "$result" >/dev/null; then
    ok "$t/chrome-is-lang-$lang"
  else
    not_ok "$t/chrome-is-lang-$lang" "not :lang($lang): $(jq -c .chromeNotWant "$result")"
  fi

  if jq -e '.regions > 0 and (.regionsNotSrc | length == 0)' "$result" >/dev/null; then
    ok "$t/content-regions-are-en"
  else
    not_ok "$t/content-regions-are-en" "$(jq -r .regions "$result") regions; not :lang(en): $(jq -c .regionsNotSrc "$result")"
  fi

  if ! jq -e '.imagesNotSrc | length == 0' "$result" >/dev/null; then
    if [[ ${BROWSER_STRICT_ALT:-0} == 1 ]]; then
      not_ok "$t/content-image-alt-is-en" "not :lang(en): $(jq -c .imagesNotSrc "$result")"
    else
      echo "# note: $t: content images whose English alt text is not marked English: $(jq -c .imagesNotSrc "$result")"
    fi
  elif [[ ${BROWSER_STRICT_ALT:-0} == 1 ]]; then
    ok "$t/content-image-alt-is-en"
  fi

  if jq -e 'map(select(.level == "SEVERE")) | length == 0' >/dev/null <<<"$logs"; then
    ok "$t/no-console-errors"
  else
    not_ok "$t/no-console-errors" "$(jq -r 'map(select(.level == "SEVERE") | .message) | .[]' <<<"$logs" | head -n 5)"
  fi
}

wd_exec_args() { wd POST /execute/sync "$(jq -n --arg s "$1" --argjson a "$2" '{script: $s, args: $a}')"; }

# same_content VARIANT PAGE: the content is the same in src, en and tl.
same_content() {
  local variant=$1 page=$2 f v base problems=()
  base=$work/result-$variant-src-$page.json
  [[ -f $base ]] || return
  for v in en tl; do
    f=$work/result-$variant-$v-$page.json
    [[ -f $f ]] || { problems+=("$v: not loaded"); continue; }
    for key in content contentAttrs article; do
      if ! jq -e --slurpfile a "$base" --arg k "$key" '.[$k] == $a[0][$k]' "$f" >/dev/null; then
        problems+=("$v: $key differs from the source page's")
      fi
    done
  done
  if jq -e '.article == null' "$base" >/dev/null && [[ $page == article ]]; then
    problems+=("no <article> in the source page")
  fi
  if [[ ${#problems[@]} -eq 0 ]]; then
    ok "$variant/$page: content-identical-src-en-tl"
  else
    not_ok "$variant/$page: content-identical-src-en-tl" "${problems[@]}"
  fi
}

for variant in html xhtml; do
  for page in "${pages[@]}"; do
    for version in src en tl; do
      check_page "$variant" "$version" "$page"
    done
    same_content "$variant" "$page"
  done
done

# The example's own pages (HTML entities, no DTD) under the XML parser:
# pagel10n's output must not fail where its source does not, nor otherwise
# (it may parse further: translated chrome has characters, not references).
for page in "${pages[@]}"; do
  declare -A perr=()
  for version in src tl; do
    wd_goto "$BROWSER_BASE/xhtml-raw/$version/$page.xhtml" 2>/dev/null
    perr[$version]=$(wd_exec 'var e = document.getElementsByTagName("parsererror"); return e.length ? e[0].textContent.replace(/\s+/g, " ") : ""' | jq -r .)
  done
  wd_logs >/dev/null
  strip() { sed -E 's/line [0-9]+ at column [0-9]+//' <<<"$1"; }
  if [[ -z ${perr[tl]} || "$(strip "${perr[src]}")" == "$(strip "${perr[tl]}")" ]]; then
    ok "xhtml-raw/$page: tl parses like its source"
    if [[ -n ${perr[src]} ]]; then
      echo "# note: xhtml-raw/src/$page.xhtml as application/xhtml+xml: $(grep -oE "error on line [0-9]+ at column [0-9]+: [^.]*" <<<"${perr[src]}" | head -n 1 | sed 's/ Below is.*//'); tl: $([[ -n ${perr[tl]} ]] && echo the same || echo no error)"
    fi
  else
    not_ok "xhtml-raw/$page: tl parses like its source" "source: ${perr[src]:-no error}" "tl: ${perr[tl]:-no error}"
  fi
done

# A screenshot of the Tagalog article.
if wd_goto "$BROWSER_BASE/html/tl/article.html" && wd_screenshot "$work/tl-article.png" 1280 &&
   [[ $(head -c 8 "$work/tl-article.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
  w=$(od -An -tu1 -j16 -N4 "$work/tl-article.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
  h=$(od -An -tu1 -j20 -N4 "$work/tl-article.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
  if [[ $w -eq 1280 && $h -gt 900 ]]; then
    ok "screenshot-tl-article-png"
  else
    not_ok "screenshot-tl-article-png" "PNG is ${w}x$h, want 1280 wide and taller than one screen"
  fi
else
  not_ok "screenshot-tl-article-png" "no PNG written"
fi

[[ $failures -eq 0 ]]
