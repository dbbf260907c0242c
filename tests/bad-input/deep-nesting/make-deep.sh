#!/usr/bin/env bash
# make-deep.sh - writes the deeply nested inputs of this case:
#   deep.xhtml          100000 nested <div> in the body (chrome)
#   deep-inline.xhtml   100000 nested <span> inside a <p> (inline markup)
#   deep-content.xhtml  100000 nested <div> inside translate="no" content
#   under-limit.xhtml   <p>Home</p> under 9990 nested <div>: within the
#                       limit of 10000, so it works
#   deep-msgstr.po      a catalog whose translation of "Home <span>now</span>"
#                       (a message of span.xhtml) nests 20000 <span> (more
#                       would only slow down sanitizer builds)
# (n copies of a string, without a newline between them)
rep() { yes "$2" | head -n "$1" | tr -d '\n'; }
H='<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<body>'
T='</body>
</html>'
{ printf '%s\n<p>Home</p>\n' "$H"; rep 100000 '<div>'; printf 'x'; rep 100000 '</div>'; printf '\n%s\n' "$T"; } >deep.xhtml
{ printf '%s\n<p>Home ' "$H"; rep 100000 '<span>'; printf 'x'; rep 100000 '</span>'; printf '</p>\n%s\n' "$T"; } >deep-inline.xhtml
{ printf '%s\n<p>Home</p>\n<article translate="no">' "$H"; rep 100000 '<div>'; printf 'x'; rep 100000 '</div>'; printf '</article>\n%s\n' "$T"; } >deep-content.xhtml
{ printf '%s\n' "$H"; rep 9990 '<div>'; printf '<p>Home</p>'; rep 9990 '</div>'; printf '\n<p>Home <span>now</span></p>\n%s\n' "$T"; } >under-limit.xhtml
{ printf 'msgid ""\nmsgstr ""\n"Language: tl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
  printf 'msgid "Home"\nmsgstr "Tahanan"\n\nmsgid "Home <span>now</span>"\nmsgstr "'
  rep 20000 '<span>'; printf 'Tahanan'; rep 20000 '</span>'; printf '"\n'; } >deep-msgstr.po
