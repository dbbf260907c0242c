#!/usr/bin/env bash
# make-huge.sh [alt|data] - writes a page with a 50 MiB attribute value:
#   alt:  huge-alt.xhtml, a translatable one (img alt): a 50 MiB message
#   data: huge-data.xhtml, one that is not translatable (data-blob), before
#         <p>Home</p>
blob() { head -c 52428800 /dev/zero | tr '\0' A; }
H='<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<body>'
T='</body>
</html>'
case ${1:-alt} in
  alt) { printf '%s\n<p>Home</p>\n<img src="x.png" alt="' "$H"; blob; printf '"/>\n%s\n' "$T"; } >huge-alt.xhtml ;;
  data) { printf '%s\n<img src="x.png" data-blob="' "$H"; blob; printf '"/>\n<p>Home</p>\n%s\n' "$T"; } >huge-data.xhtml ;;
esac
