# pagel10n - build, test, demo and install.
#
#   make            library (static and shared) and the pagel10n program
#   make check      the whole test suite (ends with "N passed, N failed")
#   make demo       installs missing Debian packages, renders examples/news
#   make check SANITIZE=1   the same suite under AddressSanitizer + UBSan
#
# Dependencies come from pkg-config: expat, icu-uc, icu-i18n; libgettextpo
# has no .pc file on Debian 12 and falls back to -lgettextpo.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
LOCALEDIR ?= $(PREFIX)/share/locale
MANDIR ?= $(PREFIX)/share/man

CC ?= cc
PKG_CONFIG ?= pkg-config
SANITIZE ?=
ifeq ($(SANITIZE),1)
BUILDDIR ?= build-san
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT ?= -O1
else
BUILDDIR ?= build
SAN_FLAGS :=
OPT ?= -O2
endif

DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags expat icu-uc icu-i18n 2>/dev/null) \
               $(shell $(PKG_CONFIG) --cflags libgettextpo 2>/dev/null)
DEPS_LIBS := $(shell $(PKG_CONFIG) --libs expat icu-uc icu-i18n 2>/dev/null) \
             $(shell $(PKG_CONFIG) --libs libgettextpo 2>/dev/null || echo -lgettextpo) \
             -pthread -lm

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CFLAGS ?= $(OPT) -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
              -fPIC -Iinclude $(DEPS_CFLAGS) $(SAN_FLAGS) $(CFLAGS) \
              -DLOCALEDIR='"$(LOCALEDIR)"'
ALL_LDFLAGS := $(SAN_FLAGS) $(LDFLAGS)

LIB_SRCS := $(wildcard src/*.c)
CLI_SRCS := $(wildcard src/cli/*.c)
LIB_OBJS := $(LIB_SRCS:src/%.c=$(BUILDDIR)/lib/%.o)
CLI_OBJS := $(CLI_SRCS:src/cli/%.c=$(BUILDDIR)/cli/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILDDIR)/unit/%)

STATIC_LIB := $(BUILDDIR)/libpagel10n.a
SHARED_LIB := $(BUILDDIR)/libpagel10n.so.0
PROGRAM := $(BUILDDIR)/pagel10n

# The compiler flags (LOCALEDIR comes from PREFIX) are part of what objects
# depend on: this file changes when they do.
FLAGS_STAMP := $(BUILDDIR)/flags
$(shell mkdir -p $(BUILDDIR) && echo '$(CC) $(ALL_CFLAGS)' | cmp -s - $(FLAGS_STAMP) || echo '$(CC) $(ALL_CFLAGS)' > $(FLAGS_STAMP))

.PHONY: all check demo deps clean install uninstall bench fuzz fuzz-build update-po browser-check
all: $(PROGRAM) $(SHARED_LIB) pagel10n

# The program at the top of the tree is the normal build's.
ifneq ($(SANITIZE),1)
pagel10n: $(PROGRAM)
	cp $< $@.tmp && mv -f $@.tmp $@
else
pagel10n: ;
endif

$(BUILDDIR)/lib/%.o: src/%.c include/pagel10n.h $(wildcard src/*.h) src/html_entities.inc $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILDDIR)/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h) include/pagel10n.h $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(STATIC_LIB): $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(SHARED_LIB): $(LIB_OBJS)
	$(CC) -shared -Wl,-soname,libpagel10n.so.0 $(ALL_LDFLAGS) -o $@ $^ $(DEPS_LIBS)

$(PROGRAM): $(CLI_OBJS) $(STATIC_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJS) $(STATIC_LIB) $(DEPS_LIBS)

tests/potcmp: tests/potcmp.c
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) -o $@ $< $(DEPS_LIBS)

$(BUILDDIR)/unit/%: tests/unit/%.c tests/unit/unit.h $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $(ALL_LDFLAGS) -o $@ $< $(STATIC_LIB) $(DEPS_LIBS)

SAN_ENV := $(if $(filter 1,$(SANITIZE)),LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1,)

check: all tests/potcmp $(UNIT_BINS)
	$(SAN_ENV) PAGEL10N=$(abspath $(PROGRAM)) UNIT_BIN_DIR=$(abspath $(BUILDDIR)/unit) bash tests/run.sh

# ---- fuzzing (libFuzzer, clang) ----------------------------------------
# make fuzz FUZZ_SECONDS=N runs every harness for N seconds on corpora seeded
# from the test data; a crash stops it and leaves the input in
# build-fuzz/artifacts/.  FUZZ_RUNS=N runs N inputs per harness instead.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 30
FUZZ_RUNS ?=
FUZZ_DIR := build-fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
               -Iinclude -Isrc $(DEPS_CFLAGS) $(FUZZ_SAN)
FUZZ_LIB_OBJS := $(LIB_SRCS:src/%.c=$(FUZZ_DIR)/lib/%.o)
FUZZERS := render po mo translation
FUZZ_BINS := $(FUZZERS:%=$(FUZZ_DIR)/fuzz_%)

$(FUZZ_DIR)/lib/%.o: src/%.c include/pagel10n.h $(wildcard src/*.h) src/html_entities.inc
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJS) tests/fuzz/fuzz_po.c
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJS) $(DEPS_LIBS)

.SECONDARY: $(FUZZ_LIB_OBJS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	bash tests/fuzz/run.sh $(FUZZ_DIR) "$(FUZZ_SECONDS)" "$(FUZZ_RUNS)" $(FUZZERS)

# ---- translations of the program's messages (po/) ---------------------
# po/POTFILES lists the sources with _() or N_(), po/LINGUAS the languages.
#   make update-po   re-extract po/pagel10n.pot from po/POTFILES and merge it
#                    into every po/LL.po; then translate what it reports as
#                    fuzzy or untranslated
# "make" compiles po/LL.po into $(BUILDDIR)/locale/LL/LC_MESSAGES/pagel10n.mo,
# "make install" puts that in $(LOCALEDIR)/LL/LC_MESSAGES/.
XGETTEXT ?= xgettext
MSGMERGE ?= msgmerge
MSGFMT ?= msgfmt
MSGID_BUGS_ADDRESS ?= bugs@pagel10n.invalid
PO_LINGUAS := $(strip $(shell sed -e 's/\#.*//' po/LINGUAS))
MO_FILES := $(PO_LINGUAS:%=$(BUILDDIR)/locale/%/LC_MESSAGES/pagel10n.mo)
# The options that decide the entries are repeated in tests/cli/i18n-tagalog.sh
# (which checks that po/pagel10n.pot is current).
XGETTEXT_FLAGS = --language=C --keyword=_ --keyword=N_ --from-code=UTF-8 \
                 --add-comments=TRANSLATORS: --package-name=pagel10n \
                 --package-version=$(VERSION) \
                 --msgid-bugs-address='$(MSGID_BUGS_ADDRESS)' \
                 --copyright-holder='the pagel10n developers'

all: $(MO_FILES)

$(BUILDDIR)/locale/%/LC_MESSAGES/pagel10n.mo: po/%.po
	@mkdir -p $(dir $@)
	$(MSGFMT) -c -o $@.tmp $< && mv -f $@.tmp $@

# The POT is replaced only when more than its POT-Creation-Date changed, so a
# second run changes nothing.
update-po:
	$(XGETTEXT) $(XGETTEXT_FLAGS) --files-from=po/POTFILES -o po/pagel10n.pot.new
	@if [ -f po/pagel10n.pot ] && \
	    diff -q -I '^"POT-Creation-Date: ' po/pagel10n.pot po/pagel10n.pot.new >/dev/null; \
	then rm -f po/pagel10n.pot.new; echo "po/pagel10n.pot is up to date"; \
	else mv -f po/pagel10n.pot.new po/pagel10n.pot; echo "po/pagel10n.pot updated"; fi
	@for lang in $(PO_LINGUAS); do \
	  echo "$(MSGMERGE) --update --backup=none po/$$lang.po po/pagel10n.pot"; \
	  $(MSGMERGE) --quiet --update --backup=none po/$$lang.po po/pagel10n.pot || exit 1; \
	  printf 'po/%s.po: ' $$lang; \
	  $(MSGFMT) -c --statistics -o /dev/null po/$$lang.po || exit 1; \
	done

# ---- install ----------------------------------------------------------
VERSION := $(shell sed -n 's/^\#define PL10N_VERSION "\(.*\)"/\1/p' include/pagel10n.h)

$(BUILDDIR)/pagel10n.pc: pagel10n.pc.in include/pagel10n.h $(FLAGS_STAMP)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' $< > $@

install: all $(BUILDDIR)/pagel10n.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROGRAM) $(DESTDIR)$(BINDIR)/pagel10n
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/libpagel10n.a
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/libpagel10n.so.0
	ln -sf libpagel10n.so.0 $(DESTDIR)$(LIBDIR)/libpagel10n.so
	install -m 644 include/pagel10n.h $(DESTDIR)$(INCLUDEDIR)/pagel10n.h
	install -m 644 $(BUILDDIR)/pagel10n.pc $(DESTDIR)$(LIBDIR)/pkgconfig/pagel10n.pc
	install -m 644 pagel10n.1 $(DESTDIR)$(MANDIR)/man1/pagel10n.1
	install -d $(DESTDIR)$(PREFIX)/share/pagel10n
	install -m 644 pagel10n.mk $(DESTDIR)$(PREFIX)/share/pagel10n/pagel10n.mk
	for lang in $(PO_LINGUAS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES && \
	  install -m 644 $(BUILDDIR)/locale/$$lang/LC_MESSAGES/pagel10n.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/pagel10n.mo || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pagel10n $(DESTDIR)$(LIBDIR)/libpagel10n.a \
	  $(DESTDIR)$(LIBDIR)/libpagel10n.so.0 $(DESTDIR)$(LIBDIR)/libpagel10n.so \
	  $(DESTDIR)$(INCLUDEDIR)/pagel10n.h $(DESTDIR)$(LIBDIR)/pkgconfig/pagel10n.pc \
	  $(DESTDIR)$(MANDIR)/man1/pagel10n.1 \
	  $(DESTDIR)$(PREFIX)/share/pagel10n/pagel10n.mk
	for lang in $(PO_LINGUAS); do \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/pagel10n.mo; \
	done

# ---- benchmark ----------------------------------------------------------
bench: all
	bash bench/run.sh

deps:
	bash scripts/install-deps.sh

demo:
	bash scripts/install-deps.sh
	$(MAKE) all
	$(MAKE) -C examples/news demo
	bash tests/browser/screenshot.sh examples/news/out

# The browser test alone (make check runs it too when chromium is there).
browser-check: all
	PAGEL10N=$(abspath $(PROGRAM)) bash tests/browser/run.sh

clean:
	rm -rf build build-san build-fuzz pagel10n tests/potcmp
