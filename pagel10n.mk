# pagel10n.mk - the translation workflow of a site, as a Makefile fragment.
#
# A site's Makefile sets a few variables and includes this file:
#
#   PAGEL10N_TEMPLATES := $(wildcard templates/*.xhtml)
#   PAGEL10N_PAGEDIR   := pages
#   PAGEL10N_DOMAIN    := mysite
#   include /path/to/pagel10n.mk
#
#   all: pagel10n-all
#
# Then "make -j8" extracts the POT, merges it into every catalog of
# po/LINGUAS, checks the catalogs with msgfmt -c and renders every page for
# every locale into out/LOCALE/, redoing only what changed:
#
#   templates --> POT --> PODIR/LL.po --> msgfmt -c --> OUT/LL/PAGE
#                                         PAGEDIR/PAGE ---^
#
# Settings (set them before the include; all have defaults but TEMPLATES):
#
#   PAGEL10N               the program (default: pagel10n on PATH)
#   PAGEL10N_TEMPLATES     the files the chrome strings are extracted from
#   PAGEL10N_PAGEDIR       the directory of the pages to render (default: pages)
#   PAGEL10N_PAGES         the pages, relative to PAGEL10N_PAGEDIR (default:
#                          every *.xhtml below it); PAGEDIR/a/b.xhtml is
#                          written to OUT/LOCALE/a/b.xhtml
#   PAGEL10N_PODIR         the catalogs' directory (default: po)
#   PAGEL10N_DOMAIN        the POT's name (default: messages)
#   PAGEL10N_POT           the POT (default: PODIR/DOMAIN.pot)
#   PAGEL10N_PACKAGE       the package name in the POT header (default: DOMAIN)
#   PAGEL10N_LINGUAS       the target languages (default: read from
#                          PODIR/LINGUAS, one or more per line, # comments)
#   PAGEL10N_SOURCE_LANG   the language of the msgids (default: en)
#   PAGEL10N_RENDER_SOURCE yes: also render the pages into the source
#                          language (OUT/en/); no: only the LINGUAS
#   PAGEL10N_OUT           where the rendered pages go (default: out)
#   PAGEL10N_RENDER_FLAGS  extra render options, e.g. --now @$(SOURCE_DATE_EPOCH)
#                          --time-zone Asia/Manila; a change re-renders all
#   PAGEL10N_RENDER_MODE   locale (default) or page: see "Rendering" below
#   PAGEL10N_SHARDS        processes of pagel10n-render-all (default: 1)
#   PAGEL10N_MIN_COVERAGE  percentage pagel10n-check demands (default: none)
#   PAGEL10N_CHECK_FLAGS   extra check options (--format html -o report.html)
#   PAGEL10N_CHECK_PAGES   pages whose chrome pagel10n-check inspects too
#                          (e.g. $(PAGEL10N_TEMPLATES); default: none)
#   PAGEL10N_EXTRACT_FLAGS extra extract options (--msgid-bugs-address ...)
#   PAGEL10N_MSGMERGE, PAGEL10N_MSGMERGE_FLAGS (default: --previous)
#   PAGEL10N_MSGFMT, PAGEL10N_MSGFMT_FLAGS (default: --check)
#   PAGEL10N_MO            yes: pagel10n-all also writes PODIR/LL.mo
#   PAGEL10N_STAMPDIR      bookkeeping files (default: .pagel10n; ignore it
#                          in version control)
#   PAGEL10N_TOOL_DEP      a file whose change re-extracts and re-renders
#                          everything (default: the program itself)
#   PAGEL10N_TOOL_HINT     what to tell the user when the program is missing
#
# Targets (each also works alone and under make -j):
#
#   pagel10n-all         pagel10n-update-po, pagel10n-validate, pagel10n-render
#                        (and pagel10n-mo with PAGEL10N_MO=yes)
#   pagel10n-pot         the POT from the templates
#   pagel10n-update-po   msgmerge the POT into every PODIR/LL.po of LINGUAS
#   pagel10n-validate    msgfmt -c every catalog
#   pagel10n-mo          PODIR/LL.mo for every catalog (render reads LL.mo
#                        instead of LL.po while it is the newer: faster to
#                        load, for one process per page)
#   pagel10n-render      OUT/LOCALE/PAGE for every page and locale, incremental
#   pagel10n-render-all  the same, every page again, in PAGEL10N_SHARDS
#                        processes (make -jN with PAGEL10N_SHARDS=N)
#   pagel10n-check       pagel10n check: coverage and problems, against the POT
#   pagel10n-clean       remove OUT, the .mo files and the bookkeeping
#
# What depends on what:
#
# * The POT is extracted again when a template or the program changes.  A POT
#   that differs from the old one only in its POT-Creation-Date line is not
#   written (PAGEL10N_STAMPDIR/pot.stamp records the extraction instead), so
#   editing a template's content, or touching it, merges nothing.
# * PODIR/LL.po is merged (msgmerge --update) when the POT changed;
#   msgmerge leaves the file alone when nothing but the date would change,
#   and the stamp LL.merged records the merge, so an unchanged catalog does
#   not re-render anything.
# * LL.valid records that msgfmt -c accepted PODIR/LL.po as it is now.
# * Every render waits for every merge (render -d reads all of PODIR, and
#   msgmerge --update rewrites a catalog in place), but only its own
#   catalog's change renders a locale again.
# * OUT/LL/PAGE depends on PAGEDIR/PAGE, PODIR/LL.po (through LL.valid), the
#   program and the render flags.  OUT/SOURCE_LANG/PAGE depends on the page,
#   the program and the flags only: a page whose chrome is in the source
#   language renders the same whatever the catalogs say.  (A page whose
#   chrome is already in another catalog's language - re-localizing - does
#   depend on that catalog: run pagel10n-render-all after changing it.)
#
# Rendering: two ways, same output.
#
# * PAGEL10N_RENDER_MODE=locale (default): one pagel10n process per locale
#   renders exactly the pages that need it: the ones newer than the locale's
#   stamp (render-LL.stamp, through make's $?) and the ones whose output is
#   missing, or all of them when the catalog, the program or the flags
#   changed.  A clean build is one process per locale (make -j runs the
#   locales in parallel); touching one page starts one process per locale,
#   each rendering that one page; editing LL.po starts one process that
#   renders LL only.  The catalogs are loaded once per locale, not once per
#   page.  Parallelism is at most the number of locales.
# * PAGEL10N_RENDER_MODE=page: a static pattern rule per (locale, page), one
#   process each, "render -o OUT/LL/PAGE PAGEDIR/PAGE".  make -jN uses all N
#   jobs even with one locale, and make knows every output file, but every
#   process loads every catalog of PODIR: a clean build of P pages in L
#   locales starts P x L processes.  Good for few pages or slow pages.
# * pagel10n-render-all: every page for every locale, whatever is up to date,
#   each page parsed once for all locales, split into PAGEL10N_SHARDS slices
#   (render --shard K/N) that make -j runs in parallel.  For clean builds,
#   deploys and CI.  Afterwards the incremental rules find everything up to
#   date.
#
# Limits: file names must not contain spaces or other characters special to
# make or the shell (make cannot express such file names in rules; this file
# does not try).  LINGUAS entries are gettext names (tl, pt_BR, sr@latin);
# OUT/LOCALE is the BCP 47 form render writes (tl, pt-BR; the modifier is
# dropped, so sr and sr@latin would share OUT/sr).  PAGEL10N_OUT must not lie
# inside PAGEL10N_PAGEDIR unless PAGEL10N_PAGES is set explicitly.  The page
# list of the locale mode is passed through a file (--files-from), so any
# number of pages works; extract gets the templates on its command line.
# The outputs of a page taken out of PAGEL10N_PAGES stay until pagel10n-clean.
# GNU make 4.2 or later ($(file)); every name this file defines starts with
# PAGEL10N_ or pagel10n-.

ifndef PAGEL10N_MK_INCLUDED
PAGEL10N_MK_INCLUDED := 1

# Including this file does not change the site's default goal.
PAGEL10N_SAVED_DEFAULT_GOAL := $(.DEFAULT_GOAL)

ifeq ($(filter-out 3.% 4.0 4.0.% 4.1 4.1.%,$(MAKE_VERSION)),)
$(error pagel10n.mk needs GNU make 4.2 or later (this is $(MAKE_VERSION)))
endif

# ---- settings --------------------------------------------------------------

PAGEL10N ?= pagel10n
PAGEL10N_PAGEDIR ?= pages
PAGEL10N_PODIR ?= po
PAGEL10N_DOMAIN ?= messages
PAGEL10N_POT ?= $(PAGEL10N_PODIR)/$(PAGEL10N_DOMAIN).pot
PAGEL10N_PACKAGE ?= $(PAGEL10N_DOMAIN)
PAGEL10N_SOURCE_LANG ?= en
PAGEL10N_RENDER_SOURCE ?= yes
PAGEL10N_OUT ?= out
PAGEL10N_RENDER_FLAGS ?=
PAGEL10N_RENDER_MODE ?= locale
PAGEL10N_SHARDS ?= 1
PAGEL10N_MIN_COVERAGE ?=
PAGEL10N_CHECK_FLAGS ?=
PAGEL10N_CHECK_PAGES ?=
PAGEL10N_EXTRACT_FLAGS ?=
PAGEL10N_MSGMERGE ?= msgmerge
PAGEL10N_MSGMERGE_FLAGS ?= --previous
PAGEL10N_MSGFMT ?= msgfmt
PAGEL10N_MSGFMT_FLAGS ?= --check
PAGEL10N_MO ?= no
PAGEL10N_STAMPDIR ?= .pagel10n
PAGEL10N_TOOL_HINT ?= install pagel10n or set PAGEL10N=/path/to/pagel10n

# Computed once (":="), not at every use.
ifeq ($(origin PAGEL10N_PAGES),undefined)
PAGEL10N_PAGES := $(shell cd '$(PAGEL10N_PAGEDIR)' 2>/dev/null && \
  find . -name '*.xhtml' -type f | sed 's|^\./||' | LC_ALL=C sort)
endif
ifeq ($(origin PAGEL10N_LINGUAS),undefined)
PAGEL10N_LINGUAS := $(shell sed -e 's/\#.*//' '$(PAGEL10N_PODIR)/LINGUAS' 2>/dev/null)
endif
ifeq ($(origin PAGEL10N_TOOL_DEP),undefined)
PAGEL10N_TOOL_DEP := $(firstword $(wildcard $(shell command -v '$(PAGEL10N)' 2>/dev/null)))
endif

# ---- helpers ---------------------------------------------------------------

PAGEL10N_EMPTY :=
PAGEL10N_SPACE := $(PAGEL10N_EMPTY) $(PAGEL10N_EMPTY)
PAGEL10N_COMMA := ,
define PAGEL10N_NEWLINE


endef

# $(call PAGEL10N_COMMAS,a b c) -> a,b,c
# $(call PAGEL10N_LINES,a b c) -> a, b and c on lines of their own
PAGEL10N_COMMAS = $(subst $(PAGEL10N_SPACE),$(PAGEL10N_COMMA),$(strip $(1)))
PAGEL10N_LINES = $(subst $(PAGEL10N_SPACE),$(PAGEL10N_NEWLINE),$(strip $(1)))
# The directory render --out-dir writes a locale to: tl_PH.UTF-8 -> tl-PH.
PAGEL10N_TAG = $(subst _,-,$(firstword $(subst ., ,$(subst @, ,$(1)))))
# A path usable after "cd PAGEDIR"; a command name on PATH stays as it is.
PAGEL10N_CMD := $(if $(findstring /,$(PAGEL10N)),$(abspath $(PAGEL10N)),$(PAGEL10N))

PAGEL10N_LOCALES := $(strip $(if $(filter yes,$(PAGEL10N_RENDER_SOURCE)),$(PAGEL10N_SOURCE_LANG)) \
                    $(filter-out $(PAGEL10N_SOURCE_LANG),$(PAGEL10N_LINGUAS)))
PAGEL10N_PAGE_FILES := $(addprefix $(PAGEL10N_PAGEDIR)/,$(PAGEL10N_PAGES))
PAGEL10N_POT_STAMP := $(PAGEL10N_STAMPDIR)/pot.stamp
PAGEL10N_FLAGS_FILE := $(PAGEL10N_STAMPDIR)/render.flags
PAGEL10N_VALID := $(foreach l,$(PAGEL10N_LINGUAS),$(PAGEL10N_STAMPDIR)/$(l).valid)
PAGEL10N_ALL_PO := $(foreach l,$(PAGEL10N_LINGUAS),$(PAGEL10N_PODIR)/$(l).po)
PAGEL10N_MOFILES := $(foreach l,$(PAGEL10N_LINGUAS),$(PAGEL10N_PODIR)/$(l).mo)

# Fails with a hint when the program is not there.
define PAGEL10N_NEED_TOOL
@command -v '$(PAGEL10N)' >/dev/null 2>&1 || { \
  echo "pagel10n.mk: $(PAGEL10N) not found; $(PAGEL10N_TOOL_HINT)" >&2; exit 2; }
endef

# The render flags are part of every output: they are kept in a file that is
# rewritten (while make reads this file) only when they change, and every
# render depends on it.
PAGEL10N_FLAGS_TEXT := $(strip $(PAGEL10N_SOURCE_LANG) $(PAGEL10N_RENDER_FLAGS))
ifneq ($(PAGEL10N_FLAGS_TEXT),$(strip $(file <$(PAGEL10N_FLAGS_FILE))))
$(shell mkdir -p '$(PAGEL10N_STAMPDIR)')
$(file >$(PAGEL10N_FLAGS_FILE),$(PAGEL10N_FLAGS_TEXT))
endif

.PHONY: pagel10n-all pagel10n-pot pagel10n-update-po pagel10n-validate \
        pagel10n-mo pagel10n-render pagel10n-render-all pagel10n-check \
        pagel10n-clean pagel10n-FORCE

pagel10n-all: pagel10n-update-po pagel10n-validate pagel10n-render \
              $(if $(filter yes,$(PAGEL10N_MO)),pagel10n-mo)

$(PAGEL10N_STAMPDIR):
	@mkdir -p $@

pagel10n-FORCE:

$(PAGEL10N_FLAGS_FILE): | $(PAGEL10N_STAMPDIR)
	$(file >$@,$(PAGEL10N_FLAGS_TEXT))

# ---- POT -------------------------------------------------------------------
#
# GNU make has no "restat": once a rule ran, its target counts as changed
# if its time changed, but a file that another rule's recipe rewrote keeps
# the time make saw before.  So the POT and the catalogs are targets whose
# own recipes decide, and whether they need to run is worked out here, while
# this file is read:
#
# * the POT is stale when the stamp pot.stamp (the time of the last
#   extraction) or the POT is missing, the list of templates changed, or a
#   template or the program is newer than the stamp;
# * PODIR/LL.po is stale when the POT is (it may change in this run) or the
#   POT is newer than LL.merged (the time of the last merge).
#
# A stale target gets the prerequisite pagel10n-FORCE; its recipe rewrites
# the file only when the content changes, and make then sees the file's real
# time.  Up to date, the POT and the catalogs have no prerequisites that
# could be newer (the POT is an order-only prerequisite of the catalogs), so
# "make -q" answers 0 and a second make does nothing.

PAGEL10N_TEMPLATES_FILE := $(PAGEL10N_STAMPDIR)/templates.list
ifneq ($(strip $(PAGEL10N_TEMPLATES)),$(strip $(file <$(PAGEL10N_TEMPLATES_FILE))))
PAGEL10N_POT_STALE := templates-changed
$(shell mkdir -p '$(PAGEL10N_STAMPDIR)')
$(file >$(PAGEL10N_TEMPLATES_FILE),$(call PAGEL10N_LINES,$(PAGEL10N_TEMPLATES)))
else ifeq ($(wildcard $(PAGEL10N_POT_STAMP)),)
PAGEL10N_POT_STALE := no-stamp
else ifeq ($(wildcard $(PAGEL10N_POT)),)
PAGEL10N_POT_STALE := no-pot
else
PAGEL10N_POT_STALE := $(shell { cat '$(PAGEL10N_TEMPLATES_FILE)'; echo '$(PAGEL10N_TOOL_DEP)'; } | \
  xargs -r sh -c 'find "$$@" -newer "$$0" -print' '$(PAGEL10N_POT_STAMP)' 2>&1 | head -n 1)
endif

PAGEL10N_MERGE_STALE := $(if $(PAGEL10N_POT_STALE),$(PAGEL10N_LINGUAS),$(shell \
  for l in $(PAGEL10N_LINGUAS); do \
    [ -f '$(PAGEL10N_STAMPDIR)'/$$l.merged ] && [ ! '$(PAGEL10N_POT)' -nt '$(PAGEL10N_STAMPDIR)'/$$l.merged ] || echo $$l; \
  done))

pagel10n-pot: $(PAGEL10N_POT)

$(PAGEL10N_POT): $(if $(PAGEL10N_POT_STALE),pagel10n-FORCE) | $(PAGEL10N_STAMPDIR)
	$(if $(strip $(PAGEL10N_TEMPLATES)),,$(error pagel10n.mk: PAGEL10N_TEMPLATES is empty))
	$(PAGEL10N_NEED_TOOL)
	@: >$(PAGEL10N_POT_STAMP).tmp
	@mkdir -p $(@D)
	$(strip $(PAGEL10N) extract --package-name '$(PAGEL10N_PACKAGE)' $(PAGEL10N_EXTRACT_FLAGS)) \
	  -o $@.new $(PAGEL10N_TEMPLATES)
	@sed '/^"POT-Creation-Date:/d' $@.new >$(PAGEL10N_POT_STAMP).new; \
	if [ -f $@ ] && sed '/^"POT-Creation-Date:/d' $@ | cmp -s - $(PAGEL10N_POT_STAMP).new; then \
	  rm -f $@.new; echo "pagel10n.mk: $@ unchanged"; \
	else \
	  mv -f $@.new $@; \
	fi; rm -f $(PAGEL10N_POT_STAMP).new
	@mv -f $(PAGEL10N_POT_STAMP).tmp $(PAGEL10N_POT_STAMP)

# ---- catalogs --------------------------------------------------------------

pagel10n-update-po: $(foreach l,$(PAGEL10N_LINGUAS),$(PAGEL10N_PODIR)/$(l).po)
pagel10n-validate: $(PAGEL10N_VALID)
pagel10n-mo: $(PAGEL10N_MOFILES)

PAGEL10N_MERGE_CMD = $(PAGEL10N_MSGMERGE) --update --backup=none $(PAGEL10N_MSGMERGE_FLAGS)

# $(1): a LINGUAS entry.  msgmerge --update leaves a catalog alone when
# nothing but the POT-Creation-Date would change.
define PAGEL10N_LINGUA_RULES
$(PAGEL10N_PODIR)/$(1).po: $(if $(filter $(1),$(PAGEL10N_MERGE_STALE)),pagel10n-FORCE) | $(PAGEL10N_POT) $(PAGEL10N_STAMPDIR)
	@test -f $$@ || { \
	  echo "pagel10n.mk: $$@ is missing ($(1) is in $(PAGEL10N_PODIR)/LINGUAS); create it with" >&2; \
	  echo "  msginit -i $(PAGEL10N_POT) -l $(1) -o $$@" >&2; exit 1; }
	@if [ ! -f $(PAGEL10N_STAMPDIR)/$(1).merged ] || [ $(PAGEL10N_POT) -nt $(PAGEL10N_STAMPDIR)/$(1).merged ]; then \
	  echo "$(strip $(PAGEL10N_MERGE_CMD)) $$@ $(PAGEL10N_POT)"; \
	  $(PAGEL10N_MERGE_CMD) $$@ $(PAGEL10N_POT) && \
	  touch $(PAGEL10N_STAMPDIR)/$(1).merged; \
	fi

$(PAGEL10N_STAMPDIR)/$(1).valid: $(PAGEL10N_PODIR)/$(1).po | $(PAGEL10N_STAMPDIR)
	$(PAGEL10N_MSGFMT) $(PAGEL10N_MSGFMT_FLAGS) -o /dev/null $(PAGEL10N_PODIR)/$(1).po
	@touch $$@

$(PAGEL10N_PODIR)/$(1).mo: $(PAGEL10N_PODIR)/$(1).po
	$(PAGEL10N_MSGFMT) $(PAGEL10N_MSGFMT_FLAGS) -o $$@.tmp $(PAGEL10N_PODIR)/$(1).po && mv -f $$@.tmp $$@
endef

$(foreach l,$(PAGEL10N_LINGUAS),$(eval $(call PAGEL10N_LINGUA_RULES,$(l))))

# ---- rendering -------------------------------------------------------------

# $(1): a locale, $(2): its output directory name.
# PAGEL10N_OUTPUTS_<locale>: its output files; PAGEL10N_CATDEPS_<locale>: what
# of the catalogs it depends on.
define PAGEL10N_LOCALE_VARS
PAGEL10N_OUTPUTS_$(1) := $(addprefix $(PAGEL10N_OUT)/$(2)/,$(PAGEL10N_PAGES))
PAGEL10N_CATDEPS_$(1) := $(if $(filter $(1),$(PAGEL10N_LINGUAS)),$(PAGEL10N_PODIR)/$(1).po $(PAGEL10N_STAMPDIR)/$(1).valid)
endef

# In the recipe of render-LOCALE.stamp: the pages to render, from $?.
PAGEL10N_TODO = $(if $(filter-out $(PAGEL10N_PAGE_FILES) pagel10n-FORCE,$?),$(PAGEL10N_PAGES),$(sort \
  $(patsubst $(PAGEL10N_PAGEDIR)/%,%,$(filter $(PAGEL10N_PAGE_FILES),$?)) $(PAGEL10N_MISSING_$(1))))

# Locale mode.  The stamp's recipe renders the pages among $? (the
# prerequisites newer than the stamp) and those whose output is missing; any
# other prerequisite in $? (catalog, program, flags) means every page.  The
# stamp gets the time the recipe started (it is created first and renamed at
# the end), so a page edited during the run is seen next time.
define PAGEL10N_LOCALE_RULES
PAGEL10N_MISSING_$(1) := $(patsubst $(PAGEL10N_OUT)/$(2)/%,%,$(filter-out $(wildcard $(PAGEL10N_OUTPUTS_$(1))),$(PAGEL10N_OUTPUTS_$(1))))

$(PAGEL10N_OUTPUTS_$(1)): $(PAGEL10N_STAMPDIR)/render-$(1).stamp

$(PAGEL10N_STAMPDIR)/render-$(1).stamp: $(PAGEL10N_PAGE_FILES) $(PAGEL10N_CATDEPS_$(1)) \
    $(PAGEL10N_TOOL_DEP) $(PAGEL10N_FLAGS_FILE) $$(if $$(PAGEL10N_MISSING_$(1)),pagel10n-FORCE) \
    | $(PAGEL10N_STAMPDIR) $(PAGEL10N_ALL_PO)
	$$(PAGEL10N_NEED_TOOL)
	@: >$$@.tmp
	$$(file >$$@.list,$$(call PAGEL10N_LINES,$$(call PAGEL10N_TODO,$(1))))
	@if grep -q . $$@.list; then \
	  echo "pagel10n render -l $(1): $$$$(grep -c . $$@.list) page(s)"; \
	  cd $(PAGEL10N_PAGEDIR) && $(PAGEL10N_CMD) render -d $(abspath $(PAGEL10N_PODIR)) -l $(1) \
	    --out-dir $(abspath $(PAGEL10N_OUT)) --files-from $(abspath $$@.list) $(PAGEL10N_RENDER_FLAGS); \
	fi
	@rm -f $$@.list; mv -f $$@.tmp $$@
endef

# Page mode: one process per (locale, page).
define PAGEL10N_PAGE_RULES
$(PAGEL10N_OUTPUTS_$(1)): $(PAGEL10N_OUT)/$(2)/%: $(PAGEL10N_PAGEDIR)/% $(PAGEL10N_CATDEPS_$(1)) \
    $(PAGEL10N_TOOL_DEP) $(PAGEL10N_FLAGS_FILE) | $(PAGEL10N_ALL_PO)
	$$(PAGEL10N_NEED_TOOL)
	@mkdir -p $$(@D)
	$(PAGEL10N) render -q -d $(PAGEL10N_PODIR) -l $(1) $(PAGEL10N_RENDER_FLAGS) -o $$@ $$<
endef

$(foreach l,$(PAGEL10N_LOCALES),$(eval $(call PAGEL10N_LOCALE_VARS,$(l),$(call PAGEL10N_TAG,$(l)))))

ifeq ($(PAGEL10N_RENDER_MODE),locale)
$(foreach l,$(PAGEL10N_LOCALES),$(eval $(call PAGEL10N_LOCALE_RULES,$(l),$(call PAGEL10N_TAG,$(l)))))
pagel10n-render: $(foreach l,$(PAGEL10N_LOCALES),$(PAGEL10N_STAMPDIR)/render-$(l).stamp)
else ifeq ($(PAGEL10N_RENDER_MODE),page)
$(foreach l,$(PAGEL10N_LOCALES),$(eval $(call PAGEL10N_PAGE_RULES,$(l),$(call PAGEL10N_TAG,$(l)))))
pagel10n-render: $(foreach l,$(PAGEL10N_LOCALES),$(PAGEL10N_OUTPUTS_$(l)))
else
$(error pagel10n.mk: PAGEL10N_RENDER_MODE is '$(PAGEL10N_RENDER_MODE)', not locale or page)
endif

# Batch: every page and locale, in PAGEL10N_SHARDS processes.  The stamps
# of the locale mode get the time the batch started.
PAGEL10N_SHARD_LIST := $(shell seq 1 $(PAGEL10N_SHARDS) 2>/dev/null)
PAGEL10N_BATCH_START := $(PAGEL10N_STAMPDIR)/render-all.start

pagel10n-render-all: $(foreach k,$(PAGEL10N_SHARD_LIST),pagel10n-render-shard-$(k))
	@$(if $(filter locale,$(PAGEL10N_RENDER_MODE)),for l in $(PAGEL10N_LOCALES); do \
	  touch -r $(PAGEL10N_BATCH_START) $(PAGEL10N_STAMPDIR)/render-$$l.stamp; done;) \
	rm -f $(PAGEL10N_BATCH_START) $(PAGEL10N_STAMPDIR)/pages.list

$(PAGEL10N_BATCH_START): $(PAGEL10N_VALID) $(PAGEL10N_FLAGS_FILE) pagel10n-FORCE | $(PAGEL10N_STAMPDIR) $(PAGEL10N_ALL_PO)
	$(PAGEL10N_NEED_TOOL)
	$(if $(strip $(PAGEL10N_PAGES)),,$(error pagel10n.mk: no pages (PAGEL10N_PAGES is empty)))
	$(file >$(PAGEL10N_STAMPDIR)/pages.list,$(call PAGEL10N_LINES,$(PAGEL10N_PAGES)))
	@touch $@

.PHONY: $(foreach k,$(PAGEL10N_SHARD_LIST),pagel10n-render-shard-$(k))
$(foreach k,$(PAGEL10N_SHARD_LIST),pagel10n-render-shard-$(k)): pagel10n-render-shard-%: $(PAGEL10N_BATCH_START)
	cd $(PAGEL10N_PAGEDIR) && $(PAGEL10N_CMD) render -d $(abspath $(PAGEL10N_PODIR)) \
	  -l $(call PAGEL10N_COMMAS,$(PAGEL10N_LOCALES)) --out-dir $(abspath $(PAGEL10N_OUT)) \
	  --files-from $(abspath $(PAGEL10N_STAMPDIR)/pages.list) --shard $*/$(PAGEL10N_SHARDS) \
	  $(PAGEL10N_RENDER_FLAGS)

# ---- check -----------------------------------------------------------------

# Against the POT as the templates are now; the catalogs are checked as they
# are (a message the POT added counts as untranslated, merged or not).
PAGEL10N_CHECK_CMD = $(PAGEL10N) check -d $(PAGEL10N_PODIR) --pot $(PAGEL10N_POT) \
  $(if $(PAGEL10N_LINGUAS),-l $(call PAGEL10N_COMMAS,$(PAGEL10N_LINGUAS))) \
  --source-lang $(PAGEL10N_SOURCE_LANG) \
  $(if $(PAGEL10N_MIN_COVERAGE),--min-coverage $(PAGEL10N_MIN_COVERAGE)) \
  $(PAGEL10N_CHECK_FLAGS) $(PAGEL10N_CHECK_PAGES)

pagel10n-check: $(PAGEL10N_POT)
	$(PAGEL10N_NEED_TOOL)
	$(strip $(PAGEL10N_CHECK_CMD))

# ---- clean -----------------------------------------------------------------

pagel10n-clean:
	rm -rf $(PAGEL10N_OUT) $(PAGEL10N_STAMPDIR)
	rm -f $(PAGEL10N_MOFILES)

.DEFAULT_GOAL := $(PAGEL10N_SAVED_DEFAULT_GOAL)

endif # PAGEL10N_MK_INCLUDED
