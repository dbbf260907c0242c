#!/usr/bin/env bash
# make-mo.sh - how the .mo files of this case were made (run it here to
# remake them; the runner does not).  good.mo is msgfmt's little-endian
# output for ../common/tl.po (3 entries: the header, "Home", "Read more");
# every other file is good.mo with a few bytes changed or cut off.
#
# Layout of good.mo (little-endian 32-bit words):
#   0 magic 0x950412de   4 revision 0   8 count 3
#  12 originals table at 28   16 translations table at 52
#  28.. originals:    (length, offset) x 3  - entry 1 "Home" at 36/40
#  52.. translations: (length, offset) x 3
#  76 hash table, then the strings from byte 96: "Home" at 97..100 (NUL at
#     101), the header's translation from 112, "Tahanan" at 294..300,
#     "Magbasa pa" at 302..311; 313 bytes in all
set -e
msgfmt --endianness=little -o good.mo ../common/tl.po
msgfmt --endianness=big -o good-big-endian.mo ../common/tl.po
# patch NAME OFFSET BYTES: good.mo with BYTES (printf escapes) at OFFSET.
patch() {
  cp good.mo "$1"
  printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
patch bad-magic.mo 0 'XXXX'
patch bad-revision.mo 4 '\000\000\002\000'
patch offset-past-end.mo 40 '\360\377\377\177'
patch length-past-end.mo 36 '\377\377\377\377'
patch length-plus-offset-wraps.mo 36 '\377\377\377\377\200\000\000\000'
patch overlaps-header.mo 40 '\010\000\000\000'
patch overlaps-tables.mo 40 '\040\000\000\000'
patch table-past-end.mo 12 '\360\377\377\377'
patch translations-table-past-end.mo 16 '\060\001\000\000'
patch count-huge.mo 8 '\377\377\377\177'
patch not-nul-terminated.mo 101 'X'
patch invalid-utf8.mo 295 '\377'
# Translation 1 reuses the bytes of original 1 ("Home"): harmless.
patch strings-overlap-each-other.mo 60 '\004\000\000\000\141\000\000\000'
head -c 20 good.mo >truncated-header.mo
head -c 307 good.mo >truncated-strings.mo
: >empty.mo
