# redress — one non-recursive Makefile. `make` builds ./redress; `make check` runs everything CI
# runs; `make run` serves the demo desk in the browser. See README.md.

VERSION := 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS := sqlite3 libsodium jansson gmime-3.0 libcurl libical libmicrohttpd pangocairo

# -isystem: warnings in library headers (glib) are not ours to fix
PKG_CFLAGS = $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
modver = $(shell $(PKG_CONFIG) --modversion $(1) 2>/dev/null)

# The modules (src/mod/module.h): the code that needs large shared libraries, built as shared
# objects that the `redress` program opens on first use, so that a command that does not serve,
# read or send mail, or print never loads those libraries. The program links only CORE_PKGS;
# libredress.a (tests, tools, benchmarks) still carries everything and links PKGS.
MODULES := http mail pdf calendar
MOD_SRC_http := src/http/server.c
MOD_SRC_mail := src/mail/mail_parse.c src/mail/mail_send.c
MOD_SRC_pdf := src/docs/pdf.c
MOD_SRC_calendar := src/docs/calendar.c
MOD_PKGS_http := libmicrohttpd libsodium
MOD_PKGS_mail := gmime-3.0 libcurl libsodium
MOD_PKGS_pdf := pangocairo
MOD_PKGS_calendar := libical
MOD_SRC := $(foreach m,$(MODULES),$(MOD_SRC_$(m)))
CORE_PKGS := sqlite3 libsodium jansson
CORE_LIBS = $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
BASE_CFLAGS := -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -Ibuild/gen \
               -MMD -MP
REL_CFLAGS := -O2 -g
ASAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=all
CFLAGS ?=
CPPFLAGS ?=
LDFLAGS ?=

LIB_SRC := $(sort $(wildcard src/util/*.c src/store/*.c src/analyze/*.c src/mail/*.c src/desk/*.c src/docs/*.c \
                            src/cli/*.c src/http/*.c))
GEN_SRC := build/gen/schema_sql.c $(if $(wildcard src/analyze/data/*),build/gen/analyze_data.c \
           build/gen/analyze_lex.c build/gen/analyze_model.c) \
           build/gen/web_assets.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_NAMES := $(notdir $(UNIT_SRC:.c=))

.PHONY: faults bench-mail man completion deb deb-check pack-check FORCE all check run sanitize lint install uninstall clean deps unit e2e demo fmt eval eval-external refit-abuse bench bench-store bench-desk bench-web fuzz fuzz-regress
.DEFAULT_GOAL := all
.SECONDARY:

all: redress

# ---------------------------------------------------------------- generated sources
build/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 -o $@ $<

# misbehaving HTTP clients for the server's security tests (tests/cli/t_http.sh)
build/tools/httpprobe: tools/httpprobe.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_DEFAULT_SOURCE -O1 -o $@ $<

build/gen/schema_sql.c: build/tools/embed $(sort $(wildcard src/store/schema/*.sql))
	@mkdir -p $(dir $@)
	build/tools/embed store_schema $@ $(sort $(wildcard src/store/schema/*.sql))

# version.h: the version and the git commit, rewritten only when they change so that nothing is
# rebuilt for nothing (a tree without git, such as a Debian source package, says "unknown").
ifndef GIT_COMMIT
GIT_COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
endif
MODULEDIR ?= $(PREFIX)/lib/redress
build/gen/version.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define REDRESS_VERSION "%s"\n#define REDRESS_COMMIT "%s"\n' '$(VERSION)' \
		'$(GIT_COMMIT)' >$@.tmp
	@printf '#define REDRESS_MODULE_DIR "%s"\n' '$(MODULEDIR)' >>$@.tmp
	@printf '#define REDRESS_MODULE_LIBS_%s "%s"\n' \
		HTTP "libmicrohttpd $(call modver,libmicrohttpd)" \
		MAIL "GMime $(call modver,gmime-3.0), libcurl $(call modver,libcurl)" \
		PDF "cairo $(call modver,cairo), pango $(call modver,pango)" \
		CALENDAR "libical $(call modver,libical)" >>$@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
FORCE:

build/gen/analyze_data.c: build/tools/embed $(sort $(wildcard src/analyze/data/*))
	@mkdir -p $(dir $@)
	build/tools/embed analyze_data $@ $(sort $(wildcard src/analyze/data/*))

# The analyzer's lexicon, parsed, indexed and sorted when redress is built (tools/lexgen.c) and
# compiled in as constant tables: no process parses or sorts the word lists.
LEXGEN_SRC = tools/lexgen.c tools/lex_none.c src/analyze/lexicon_build.c src/analyze/lexicon.c \
             src/analyze/tone.c src/analyze/scan.c $(sort $(wildcard src/util/*.c)) \
             build/gen/analyze_data.c
build/tools/lexgen: $(LEXGEN_SRC) $(wildcard src/analyze/*.h src/util/*.h)
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -Ibuild/gen -O1 \
		$(PKG_CFLAGS) -o $@ $(LEXGEN_SRC) $(PKG_LIBS) -lm -pthread
build/gen/analyze_lex.c: build/tools/lexgen
	build/tools/lexgen $@

# The analyzer's fitted model: tools/train.c drives the analyzer (rules alone, tools/model_none.c)
# over the tuning set and fits LIBLINEAR logistic regressions; the weights become C tables.
# Deterministic, about 20 s of one core. The locked test set (tests/data/locked-*) is never
# trained on.
TUNING_DATA = $(sort $(wildcard tests/data/messages-*.txt))
TRAIN_SRC = tools/train.c tools/corpus.c tools/model_none.c \
            $(sort $(wildcard src/analyze/*.c src/util/*.c)) build/gen/analyze_data.c \
            build/gen/analyze_lex.c
build/tools/train: $(TRAIN_SRC) $(wildcard src/analyze/*.h src/util/*.h tools/*.h)
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -Ibuild/gen -O2 \
		$(PKG_CFLAGS) -o $@ $(TRAIN_SRC) -llinear $(PKG_LIBS) -lm -pthread
# The abuse cue: a logistic regression fitted on the public Davidson et al. tweets
# (../shared/text-train-data), kept in the repository as its weights, since a fresh clone has no
# ../shared; `make refit-abuse` fits it again (see docs/analyzer.md, "The abuse cue").
ABUSE_CUE = src/analyze/abuse-cue.txt
TRAIN_DATA ?= ../shared/text-train-data
# The names of the tuning files, rewritten only when the list changes, so that removing or
# renaming a file retrains the model as editing one does (a timestamp cannot tell a file gone).
build/gen/tuning-files.txt: FORCE
	@mkdir -p $(dir $@)
	@echo '$(TUNING_DATA)' | cmp -s - $@ || echo '$(TUNING_DATA)' >$@
build/gen/analyze_model.c: build/tools/train $(TUNING_DATA) $(ABUSE_CUE) build/gen/tuning-files.txt
	build/tools/train --abuse $(ABUSE_CUE) -o $@ $(TUNING_DATA)
refit-abuse: build/tools/train
	build/tools/train --fit-abuse $(TRAIN_DATA)/davidson-train.csv -o $(ABUSE_CUE)

build/gen/web_assets.c: build/tools/embed $(sort $(wildcard web/*))
	@mkdir -p $(dir $@)
	build/tools/embed web_assets $@ $(sort $(wildcard web/*))

# ---------------------------------------------------------------- one build per variant
# $(1) variant name, $(2) extra compiler flags
define variant
$(1)_LIB_OBJ := $$(patsubst %.c,build/$(1)/%.o,$$(LIB_SRC) $$(GEN_SRC))
build/$(1)/%.o: %.c | build/gen/version.h build/gen/schema_sql.c build/gen/web_assets.c $(if $(wildcard src/analyze/data/*),build/gen/analyze_data.c)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(BASE_CFLAGS) $(2) $$(PKG_CFLAGS) $$(CPPFLAGS) $$(CFLAGS) -c -o $$@ $$<
build/$(1)/libredress.a: $$($(1)_LIB_OBJ)
	@rm -f $$@
	ar rcs $$@ $$^
$(1)_FLAGS := $(2)
$(1)_CORE_OBJ := $$(filter-out $$(patsubst %.c,build/$(1)/%.o,$$(MOD_SRC)),$$($(1)_LIB_OBJ))
$(1)_MODULES := $$(foreach m,$$(MODULES),build/$(1)/redress-modules/redress-$$(m).so)
# the program exports its functions (-rdynamic) for the modules to call back
build/$(1)/redress: build/$(1)/src/main.o build/$(1)/src/mod/module.o build/$(1)/src/mod/forward.o \
                    $$($(1)_CORE_OBJ) | $$($(1)_MODULES)
	$$(CC) $(2) $$(LDFLAGS) -rdynamic -o $$@ $$^ $$(CORE_LIBS) -ldl -lm -pthread
build/$(1)/pic/%.o: %.c | build/gen/version.h build/gen/schema_sql.c build/gen/web_assets.c
	@mkdir -p $$(dir $$@)
	$$(CC) $$(BASE_CFLAGS) $(2) -fPIC $$(PKG_CFLAGS) $$(CPPFLAGS) $$(CFLAGS) -c -o $$@ $$<
build/$(1)/tests/%: build/$(1)/tests/unit/%.o build/$(1)/libredress.a
	@mkdir -p $$(dir $$@)
	$$(CC) $(2) $$(LDFLAGS) -o $$@ $$^ $$(PKG_LIBS) $$(CMOCKA_LIBS) -lm -pthread
$(1)-unit: $$(addprefix build/$(1)/tests/,$$(UNIT_NAMES))
	@mkdir -p build/logs
	@set -e; for t in $$^; do echo "== $$$$t"; \
		$$$$t >build/logs/$(1)-unit-$$$$(basename $$$$t).log 2>&1 || \
		{ cat build/logs/$(1)-unit-$$$$(basename $$$$t).log; exit 1; }; \
		cat build/logs/$(1)-unit-$$$$(basename $$$$t).log; done
$(1)-e2e: build/$(1)/redress build/tools/httpprobe
	@mkdir -p build/logs
	@REDRESS_BIN=$$(CURDIR)/build/$(1)/redress REDRESS_PROBE=$$(CURDIR)/build/tools/httpprobe \
		sh tests/cli/run.sh >build/logs/$(1)-e2e.log 2>&1; \
		rc=$$$$?; cat build/logs/$(1)-e2e.log; exit $$$$rc
-include $$(shell find build/$(1) -name '*.d' 2>/dev/null)
endef

$(eval $(call variant,rel,$(REL_CFLAGS)))
$(eval $(call variant,asan,$(ASAN_CFLAGS)))
# The fault-injection build (src/store/db.c, RD_FAULTS): never installed, only `make faults`.
$(eval $(call variant,fault,-O1 -g -DRD_FAULTS))

# $(1) variant, $(2) module: the module's shared object, its own calls bound inside it
# (-Bsymbolic), the program's functions left for the program to provide.
define module
build/$(1)/redress-modules/redress-$(2).so: $$(patsubst %.c,build/$(1)/pic/%.o,$$(MOD_SRC_$(2)))
	@mkdir -p $$(dir $$@)
	$$(CC) -shared $$($(1)_FLAGS) $$(LDFLAGS) -Wl,-Bsymbolic -o $$@ $$^ \
		$$(shell $$(PKG_CONFIG) --libs $$(MOD_PKGS_$(2)))
endef
$(foreach v,rel asan fault,$(foreach m,$(MODULES),$(eval $(call module,$(v),$(m)))))

redress: build/rel/redress
	cp $< $@
	rm -rf redress-modules
	cp -R build/rel/redress-modules redress-modules

# ---------------------------------------------------------------- the README's two commands
deps:
	@sh scripts/install-deps

check: deps
	@rm -rf build/logs
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory redress
	@$(MAKE) --no-print-directory unit e2e web
	@$(MAKE) --no-print-directory faults
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory fuzz-regress
	@$(MAKE) --no-print-directory eval
	@$(MAKE) --no-print-directory pack-check
	@sh scripts/check-summary build/logs

.PHONY: tour web
run: deps
	@$(MAKE) --no-print-directory redress
	@sh scripts/run-desk

# the CLI's walk through the demo desk (what `make run` showed before the web desk)
tour: redress
	@sh scripts/tour

unit: rel-unit
e2e: rel-e2e

# the web desk in a real browser: playwright-core (npm) driving Debian's chromium
web: build/rel/redress
	@mkdir -p build/logs
	@REDRESS_BIN=$(CURDIR)/build/rel/redress REDRESS_SHOTS=$(CURDIR)/build/web \
		sh tests/web/run.sh >build/logs/web.log 2>&1; rc=$$?; cat build/logs/web.log; exit $$rc

# make faults: end-to-end scenarios run once per store call with that call failing
# (tests/cli/faults.sh); each must report the error and leave the database as it was.
faults: build/fault/redress build/rel/redress
	@mkdir -p build/logs
	@REDRESS_BIN=$(CURDIR)/build/rel/redress REDRESS_FAULT_BIN=$(CURDIR)/build/fault/redress \
		sh tests/cli/faults.sh >build/logs/faults.log 2>&1; rc=$$?; cat build/logs/faults.log; \
		exit $$rc

# AddressSanitizer + UBSan build running every test.
sanitize: export ASAN_OPTIONS = detect_leaks=1:abort_on_error=1
sanitize: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
sanitize: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp
sanitize:
	@$(MAKE) --no-print-directory asan-unit asan-e2e

# ---------------------------------------------------------------- lint
BANNED := sprintf|strcpy|strcat|strtok|atoi|gets
LINT_FILES = $(sort $(wildcard src/*.c src/*/*.c src/*/*.h tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h tools/*.c))
lint:
	@clang-format --dry-run --Werror $(LINT_FILES)
	@if grep -nE '(^|[^a-z_])($(BANNED))[[:space:]]*\(' $(LINT_FILES); then \
		echo "lint: banned function (see CONVENTIONS.md)"; exit 1; fi
	@if grep -ln 'sqlite3\.h' $(LINT_FILES) | grep -v '^src/store/'; then \
		echo "lint: sqlite3.h outside src/store"; exit 1; fi
	@if grep -ln '#include <microhttpd\.h>' $(LINT_FILES) | grep -v '^src/http/server\.c$$'; then \
		echo "lint: microhttpd.h outside src/http/server.c"; exit 1; fi
	@sh scripts/lint-layers
	@echo "lint: ok"

fmt:
	clang-format -i $(LINT_FILES)

# ---------------------------------------------------------------- install
# The manual page and the completion scripts are generated from the command table by the
# binary itself, so they cannot drift from the commands.
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/vendor-completions
build/man/redress.1: redress
	@mkdir -p $(dir $@)
	./redress --man >$@
build/completion/redress.bash: redress
	@mkdir -p $(dir $@)
	./redress --completion bash >$@
build/completion/_redress: redress
	@mkdir -p $(dir $@)
	./redress --completion zsh >$@
man: build/man/redress.1
completion: build/completion/redress.bash build/completion/_redress

install: redress man completion
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0755 redress $(DESTDIR)$(PREFIX)/bin/redress
	install -d $(DESTDIR)$(MODULEDIR)
	install -m 0644 redress-modules/*.so $(DESTDIR)$(MODULEDIR)/
	install -m 0644 build/man/redress.1 $(DESTDIR)$(MANDIR)/man1/redress.1
	install -m 0644 docs/redress-playbook.7 $(DESTDIR)$(MANDIR)/man7/redress-playbook.7
	install -m 0644 build/completion/redress.bash $(DESTDIR)$(BASHCOMPDIR)/redress
	install -m 0644 build/completion/_redress $(DESTDIR)$(ZSHCOMPDIR)/_redress

uninstall:
	rm -rf $(DESTDIR)$(MODULEDIR)
	rm -f $(DESTDIR)$(PREFIX)/bin/redress $(DESTDIR)$(MANDIR)/man1/redress.1 \
		$(DESTDIR)$(MANDIR)/man7/redress-playbook.7 $(DESTDIR)$(BASHCOMPDIR)/redress \
		$(DESTDIR)$(ZSHCOMPDIR)/_redress

# make deb: the Debian package, built by dpkg-buildpackage from debian/ into build/deb/, then
# checked by lintian. deb-check (part of make check) installs it into a scratch root and runs it.
deb:
	sh scripts/build-deb
deb-check: deb
	sh tests/pack/t_deb.sh build/deb/redress_$(VERSION)_amd64.deb
pack-check:
	@mkdir -p build/logs
	@$(MAKE) --no-print-directory deb-check >build/logs/pack.log 2>&1; rc=$$?; \
		cat build/logs/pack.log; exit $$rc

clean:
	rm -rf build redress redress-modules

# ---------------------------------------------------------------- analyzer: eval, bench, fuzz
# make eval: precision/recall of the analyzer on the tuning set and the locked test set, and the
# gap between the tuning set's 5-fold cross-validated figures (train --cv-out) and the locked
# set's; fails under F1 0.70 for a flag, tone rule or strength on the tuning set (a guard against
# a broken list, not a measure: the tuning set grows with messages written to be hard, so its
# figures fall as it improves the model; the complaint kinds, which the model decides, are not
# guarded) or under the locked floors.
EVAL_DATA = $(sort $(wildcard tests/data/messages-*.txt)) tests/data/drafts.txt \
            $(sort $(wildcard tests/data/locked-*.txt))
# Floors on the locked test set (see docs/analyzer.md): a figure that meets issue 16's target
# with room sits at its target (hostility within one 0.95, exact 0.75); flags (0.924 against
# 0.92) and root cause (0.801 against 0.80) meet theirs by a few messages, so their floors sit
# below (flags 0.86, root cause 0.78) as guards against a broken build. Never targets to tune to, and
# never "just under the last reading": that refuses the next honest batch of tuning data.
LOCKED_FLOORS = --locked-flag-f1 0.86 --locked-host-near 0.95 --locked-host-exact 0.75 \
                --locked-root 0.78
build/rel/tools/eval: tools/eval.c tools/corpus.c build/rel/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -o $@ tools/eval.c tools/corpus.c \
		build/rel/libredress.a $(PKG_LIBS) -lm -pthread
eval: build/rel/tools/eval build/tools/train
	build/tools/train --abuse $(ABUSE_CUE) --cv-out build/gen/analyze_cv.txt $(TUNING_DATA)
	build/rel/tools/eval --min-f1 0.70 --tuning-cv build/gen/analyze_cv.txt $(LOCKED_FLOORS) \
		$(EVAL_DATA)

# Fuzzing: every tests/fuzz/fuzz_NAME.c is a target with its seeds in tests/fuzz/corpus/NAME/
# (adding a target is adding those two). fuzz-regress (in make check) replays each corpus once
# through the ASan + UBSan build with a plain driver (tests/fuzz/driver.c); `make fuzz` builds
# the targets with clang's libFuzzer and explores each for FUZZ_SECONDS, keeping new inputs in
# build/fuzz/corpus/NAME/.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(sort $(notdir $(basename $(wildcard tests/fuzz/fuzz_*.c))))
FUZZ_HDR := $(wildcard tests/fuzz/*.h)
build/asan/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(FUZZ_HDR) build/asan/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(ASAN_CFLAGS) $(PKG_CFLAGS) -o $@ $< tests/fuzz/driver.c \
		build/asan/libredress.a $(PKG_LIBS) -lm
fuzz-regress: export ASAN_OPTIONS = detect_leaks=1:abort_on_error=1
fuzz-regress: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
fuzz-regress: $(addprefix build/asan/fuzz/,$(FUZZ_TARGETS))
	@mkdir -p build/logs
	@pass=0; fail=0; for t in $(FUZZ_TARGETS); do \
		if build/asan/fuzz/$$t tests/fuzz/corpus/$${t#fuzz_}; then pass=$$((pass + 1)); \
		else echo "FAIL $$t"; fail=$$((fail + 1)); fi; \
	done >build/logs/fuzz-regress.log 2>&1; \
	echo "$$pass passed, $$fail failed" >>build/logs/fuzz-regress.log; \
	cat build/logs/fuzz-regress.log; [ $$fail = 0 ]

FUZZ_FLAGS := -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -g -O1 -Isrc -Ibuild/gen \
	-fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJ := $(patsubst %.c,build/fuzz/obj/%.o,$(LIB_SRC) $(GEN_SRC))
build/fuzz/obj/%.o: %.c | build/gen/version.h build/gen/schema_sql.c build/gen/analyze_data.c \
                   build/gen/web_assets.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -c -o $@ $<
build/fuzz/libredress.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_HDR) build/fuzz/libredress.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< build/fuzz/libredress.a \
		$(PKG_LIBS) -lm
fuzz: $(addprefix build/fuzz/,$(FUZZ_TARGETS))
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$${t#fuzz_}; \
		build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			build/fuzz/corpus/$${t#fuzz_} tests/fuzz/corpus/$${t#fuzz_}; \
	done

# make bench: throughput of triage and check against the JavaScript tools (bench/run.sh).
build/rel/bench/gen: bench/gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O2 -o $@ $<
build/rel/bench/bench_analyze: bench/bench_analyze.c build/rel/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -o $@ $< build/rel/libredress.a $(PKG_LIBS) -lm -pthread
bench: build/rel/bench/gen build/rel/bench/bench_analyze
	sh bench/run.sh

# make bench-store: cases, log entries and verify per second on a file database; BENCH_CASES=N
# also generates a desk of N cases and verifies it.
build/rel/bench/bench_store: bench/bench_store.c build/rel/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -o $@ $< build/rel/libredress.a $(PKG_LIBS) -lm -pthread
bench-store: build/rel/bench/bench_store
	@mkdir -p bench/out
	build/rel/bench/bench_store bench/out/bench-store.db 20000 $(BENCH_CASES)

# make bench-mail: import and search on a generated Maildir of 100,000 messages against notmuch
# (bench/mail.sh; MAIL_N to choose the size), figures for bench/RESULTS.md.
build/rel/bench/mailgen: bench/mailgen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_DEFAULT_SOURCE -O2 -Wall -o $@ $<
build/rel/bench/bench_mailsearch: bench/bench_mailsearch.c build/rel/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -o $@ $< build/rel/libredress.a $(PKG_LIBS) -lm
bench-mail: build/rel/redress build/rel/bench/mailgen build/rel/bench/bench_mailsearch
	sh bench/mail.sh

# make bench-desk: desks of 1k, 10k and 100k cases, the daily commands against the sqlite3
# floor with peak memory, into bench/RESULTS.md (bench/desk.sh; DESK_SIZES to choose sizes).
build/rel/bench/bench_today: bench/bench_today.c build/rel/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -o $@ $< build/rel/libredress.a $(PKG_LIBS) -lm
build/rel/bench/runstat: bench/runstat.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_DEFAULT_SOURCE -O2 $(WARN) -o $@ $<
bench-desk: build/rel/redress build/rel/bench/bench_today build/rel/bench/runstat
	sh bench/desk.sh

# make bench-web: wrk against `redress serve` on a generated desk (bench/web.sh; WEB_CASES,
# WEB_SECONDS, WEB_KEEP=1 to reuse the desk).
bench-web: build/rel/redress
	sh bench/web.sh

# make eval-external: the analyzer on public labelled text (../shared/text-eval-data), for
# information only; `make check` never needs it.
EXTERNAL_DATA ?= ../shared/text-eval-data
build/rel/tools/eval_external: tools/eval_external.c tools/corpus.c build/rel/libredress.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -o $@ tools/eval_external.c tools/corpus.c \
		build/rel/libredress.a $(PKG_LIBS) -lm -pthread
eval-external: build/rel/tools/eval_external
	@if [ -d "$(EXTERNAL_DATA)" ]; then build/rel/tools/eval_external $(EXTERNAL_DATA); \
	else echo "eval-external: $(EXTERNAL_DATA) not found (set EXTERNAL_DATA=DIR)"; fi
