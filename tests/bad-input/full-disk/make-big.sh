#!/usr/bin/env bash
# make-big.sh - writes big.xhtml (a page of about 160 kB, mostly content)
# and big-template.xhtml (4000 chrome messages: a POT of about 260 kB),
# both far above the 64 kB file size limit of this case's runs.
H='<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<body>'
T='</body>
</html>'
{
  printf '%s\n<p>Home</p>\n<article translate="no">\n' "$H"
  yes '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>' | head -n 2500
  printf '</article>\n%s\n' "$T"
} >big.xhtml
{
  printf '%s\n' "$H"
  i=0
  while [ $i -lt 4000 ]; do printf '<p>Message number %d</p>\n' $i; i=$((i + 1)); done
  printf '%s\n' "$T"
} >big-template.xhtml
