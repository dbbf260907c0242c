#!/usr/bin/env bash
# tests/cli/install.sh - `make install DESTDIR=...` puts the program, the
# static and shared library, the header, pagel10n.pc and the man page in
# place; a tiny C program builds against the installed library through
# pkg-config and runs; `make uninstall` removes everything again.
set -u
top=$(cd "$TESTS_DIR/.." && pwd)
dest=$PWD/dest
# The build's own PREFIX: installing under another one would rebuild.
prefix=/usr/local
check() { if eval "$2"; then echo "ok - install/$1"; else echo "not ok - install/$1"; fi; }

# SANITIZE= : a sanitizer build (make check SANITIZE=1) installs the plain
# one here, which a program built without sanitizers can link against.
make -s -C "$top" install SANITIZE= DESTDIR="$dest" PREFIX="$prefix" >make.log 2>&1
check "make install succeeds" '[ $? -eq 0 ] || { cat make.log >&2; false; }'
root=$dest$prefix
for f in bin/pagel10n lib/libpagel10n.a lib/libpagel10n.so.0 lib/libpagel10n.so \
         include/pagel10n.h lib/pkgconfig/pagel10n.pc share/man/man1/pagel10n.1; do
  check "installs $f" "[ -e '$root/$f' ]"
done
check "installed program runs" "'$root/bin/pagel10n' --version | grep -q '^pagel10n '"
check "pagel10n.pc names the prefix" "grep -q '^prefix=$prefix\$' '$root/lib/pkgconfig/pagel10n.pc'"

cat > tiny.c <<'C'
#include <pagel10n.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  const char *xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                      "<p>Related Articles</p><div translate=\"no\">Story</div></body></html>";
  pl10n_page *page;
  pl10n_error err;
  if (pl10n_page_parse("tiny.xhtml", xhtml, strlen(xhtml), NULL, &page, &err) != PL10N_OK)
    return 1;
  pl10n_message m;
  pl10n_page_message(page, 0, &m);
  printf("%zu %s\n", pl10n_page_message_count(page), m.msgid);
  pl10n_page_free(page);
  return 0;
}
C
export PKG_CONFIG_PATH=$root/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest
flags=$(pkg-config --cflags --libs pagel10n 2>&1)
check "pkg-config knows pagel10n" '[ $? -eq 0 ]'
cc -std=c11 -o tiny tiny.c $flags 2>cc.log
check "a C program builds against the installed library" '[ -x tiny ] || { cat cc.log >&2; false; }'
out=$(LD_LIBRARY_PATH=$root/lib ./tiny 2>&1)
check "it runs with the shared library and finds the chrome" '[ "$out" = "1 Related Articles" ] || { echo "$out" >&2; false; }'
check "it uses the installed shared library" "LD_LIBRARY_PATH='$root/lib' ldd ./tiny | grep -q '$root/lib/libpagel10n.so.0'"
cc -std=c11 -o tiny-static tiny.c -I"$root/include" "$root/lib/libpagel10n.a" \
  $(pkg-config --static --libs-only-l --libs-only-other pagel10n | sed 's/-lpagel10n//') 2>cc2.log
check "it links statically too" '[ -x tiny-static ] && [ "$(./tiny-static)" = "1 Related Articles" ] || { cat cc2.log >&2; false; }'

make -s -C "$top" uninstall SANITIZE= DESTDIR="$dest" PREFIX="$prefix" >/dev/null 2>&1
left=$(find "$dest" -type f -o -type l | wc -l)
check "make uninstall removes every file" "[ $left -eq 0 ]"
