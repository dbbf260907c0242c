#!/usr/bin/env bash
# make-absolute.sh - writes absolute.xhtml: an external entity naming
# secret.txt by its absolute file: URI (the scratch directory's path).
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html [\n<!ENTITY s SYSTEM "file://%s/secret.txt">\n]>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en">\n<body>\n<p>Home &s;</p>\n</body>\n</html>\n' "$PWD" >absolute.xhtml
