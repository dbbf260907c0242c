#!/usr/bin/env bash
# tests/cli/check-consistency.sh - properties of "pagel10n check" over the
# example site and the check data cases.  Prints one "ok - NAME" /
# "not ok - NAME" line per check (see tests/run.sh, group "scripts").
#
#   1. the example site's catalogs cover its POT completely
#      (--min-coverage 100 exits 0), as its Makefile's check target wants;
#   2. the example pages rendered into en and into tl are each in one
#      language, recognized as such, with nothing falling back in tl;
#   3. for every run: the exit status is the JSON summary's status, and the
#      text table, the JSON and the HTML report the same counts;
#   4. two runs give byte-identical reports, and -o FILE writes what
#      standard output gets, in every format.
set -u

tests_dir=${TESTS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
news=$tests_dir/../examples/news
work=$(mktemp -d "${TMPDIR:-/tmp}/check-consistency.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

# ok, not_ok
. "${BASH_SOURCE[0]%/*}/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
  not_ok "check/jq-installed" "jq is needed to read the JSON reports (scripts/install-deps.sh)"
  exit 0
fi

# 1. The example site.
pagel10n extract --package-name news-example -o "$work/news.pot" "$news"/pages/*.xhtml 2>"$work/err"
pagel10n check -d "$news/po" --pot "$work/news.pot" --min-coverage 100 \
  --format json >"$work/news.json" 2>>"$work/err"
status=$?
if [[ $status -eq 0 ]] && jq -e '.locales | length > 0 and all(.coverage == 100)' \
     "$work/news.json" >/dev/null; then
  ok "check/example-site-fully-translated"
else
  not_ok "check/example-site-fully-translated" "status $status" \
    "$(jq -c '[.locales[] | [.po, .coverage, [.missing[].msgid]]]' "$work/news.json" 2>&1)" \
    "$(head -n 5 "$work/err")"
fi

# 2. The example pages rendered into en and tl.
bad=()
if (cd "$news/pages" && pagel10n render -d ../po -l en,tl -q --out-dir "$work/out" \
      --now 2025-11-27T12:00:00+08:00 --time-zone Asia/Manila ./*.xhtml) 2>"$work/err"; then
  for lang in en tl; do
    for page in "$work/out/$lang"/*.xhtml; do
      pagel10n check -d "$news/po" --pot "$work/news.pot" --format json "$page" \
        >"$work/page.json" 2>/dev/null
      jq -e --arg lang "$lang" '.pages[0] | .mixed == false and .chrome_language == $lang
          and ([.findings[] | select(.code == "fallback" or .code == "mixed-languages"
                or .code == "unknown-chrome")] == [])' "$work/page.json" >/dev/null ||
        bad+=("$lang/${page##*/}: $(jq -c '.pages[0] | [.chrome_language, .mixed,
          [.findings[] | .code + " " + .message]]' "$work/page.json" 2>&1 | head -c 600)")
    done
  done
else
  bad+=("render failed: $(head -n 3 "$work/err")")
fi
if [[ ${#bad[@]} -eq 0 ]]; then ok "check/rendered-example-pages-in-one-language"
else not_ok "check/rendered-example-pages-in-one-language" "${bad[@]}"; fi

# 3 and 4: every run of the data cases that has po/ and msgs.pot, and the
# example site.
runs=()
for d in "$tests_dir"/data/check-*/; do
  d=${d%/}
  [[ -d $d/po && -f $d/msgs.pot ]] && runs+=("$d")
done
if [[ ${#runs[@]} -lt 4 ]]; then
  not_ok "check/data-cases-found" "only ${#runs[@]} check data cases with po/ and msgs.pot"
fi

# Runs check in directory $1 with the rest of the arguments; sets $status.
run() {
  local dir=$1
  shift
  (cd "$dir" && pagel10n check "$@")
  status=$?
}

bad_status=() bad_counts=() bad_repeat=() bad_output=()
for d in "${runs[@]}" "$news"; do
  name=${d##*/}
  if [[ $d == "$news" ]]; then args=(-d po --pot "$work/news.pot" pages/index.xhtml)
  else
    args=(-d po --pot msgs.pot)
    [[ -f $d/page.xhtml ]] && args+=(page.xhtml)
  fi
  for fmt in text json html; do
    run "$d" "${args[@]}" --format "$fmt" >"$work/$fmt.1" 2>/dev/null
    eval "status_$fmt=$status"
    run "$d" "${args[@]}" --format "$fmt" >"$work/$fmt.2" 2>/dev/null
    cmp -s "$work/$fmt.1" "$work/$fmt.2" || bad_repeat+=("$name --format $fmt")
    run "$d" "${args[@]}" --format "$fmt" -o "$work/$fmt.file" >"$work/$fmt.stdout" 2>/dev/null
    if ! cmp -s "$work/$fmt.1" "$work/$fmt.file" || [[ -s $work/$fmt.stdout ]]; then
      bad_output+=("$name --format $fmt")
    fi
    rm -f "$work/$fmt.file"
  done
  want=$(jq -r '.summary.status' "$work/json.1" 2>/dev/null)
  # shellcheck disable=SC2154
  for fmt in text json html; do
    s=status_$fmt
    [[ ${!s} == "$want" ]] || bad_status+=("$name --format $fmt: exit ${!s}, summary.status ${want:-none}")
  done
  # The table rows of the text report, the JSON counts and the HTML cells.
  jq -r '.locales[] | select(.readable) |
           "\(.po) \(.translated) \(.fuzzy) \(.untranslated) \(.obsolete) \(.coverage * 10 + 0.5 | floor)"' \
    "$work/json.1" >"$work/counts.json" 2>/dev/null
  awk '$2 ~ /\.po$/ && $3 ~ /^[0-9]+$/ { p = $8; sub(/%$/, "", p); sub(/\./, "", p);
         print $2, $3, $4, $5, $6, p + 0 }' "$work/text.1" >"$work/counts.text"
  sed -n 's|^<tr[^>]*><td><a href="#locale-[0-9]*">[^<]*</a></td><td>\([^<]*\)</td><td class="n">\([0-9]*\)</td><td class="n">\([0-9]*\)</td><td class="n">\([0-9]*\)</td><td class="n">\([0-9]*\)</td><td><span class="bar"><span style="width:[0-9.]*%"></span></span>\([0-9]*\)\.\([0-9]\)%</td></tr>$|\1 \2 \3 \4 \5 \6\7|p' \
    "$work/html.1" | awk '{ $6 = $6 + 0; print }' >"$work/counts.html"
  if [[ ! -s $work/counts.json ]] || ! cmp -s "$work/counts.json" "$work/counts.text" ||
     ! cmp -s "$work/counts.json" "$work/counts.html"; then
    bad_counts+=("$name: json [$(tr '\n' ';' <"$work/counts.json")] text [$(tr '\n' ';' <"$work/counts.text")] html [$(tr '\n' ';' <"$work/counts.html")]")
  fi
done
if [[ ${#bad_status[@]} -eq 0 ]]; then ok "check/exit-status-is-summary-status (${#runs[@]} cases + example)"
else not_ok "check/exit-status-is-summary-status" "${bad_status[@]}"; fi
if [[ ${#bad_counts[@]} -eq 0 ]]; then ok "check/text-json-html-agree"
else not_ok "check/text-json-html-agree" "${bad_counts[@]}"; fi
if [[ ${#bad_repeat[@]} -eq 0 ]]; then ok "check/deterministic"
else not_ok "check/deterministic" "${bad_repeat[@]}"; fi
if [[ ${#bad_output[@]} -eq 0 ]]; then ok "check/output-file-equals-stdout"
else not_ok "check/output-file-equals-stdout" "${bad_output[@]}"; fi
