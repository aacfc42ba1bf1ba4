# Fuzzing with libFuzzer (included by the Makefile).
#
# make fuzz           builds the fuzzers in $(BUILD)/fuzz, replays the
#                     inputs in tests/fuzz/regressions and the seeds, then
#                     fuzzes with each for FUZZ_SECONDS (default 20)
# make test           builds them and replays the same inputs, with no
#                     timed fuzzing, so that it says the same on every run
#
# It needs clang with its fuzzer runtime (Debian: clang, libclang-rt-14-dev);
# without them the fuzzers are reported as ignored, not failed.

.PHONY: fuzz fuzzers fuzz-probe

FUZZ_CC = clang
FUZZ_SECONDS ?= 20
FUZZ_BUILD = $(BUILD)/fuzz
FUZZ_SANITIZE = -fsanitize=fuzzer,address,undefined
FUZZ_FLAGS = -std=c99 -g -O1 -fno-omit-frame-pointer $(FUZZ_SANITIZE) \
	-fno-sanitize-recover=all -Iruntime -Igen -I$(BUILD)
# Each fuzzer is compiled from the sources in one go; the headers are
# prerequisites too, so that no fuzzer of older code is replayed.
FUZZ_HEADERS = $(sort $(wildcard runtime/*.h gen/*.h))
FUZZ_LIB_SRC = $(RUNTIME_SRC) $(FUZZ_HEADERS)
FUZZ_PNC_SRC = $(GEN_SRC) $(RUNTIME_SRC) $(FUZZ_HEADERS)
export FUZZ_BUILD

# Whether $(FUZZ_CC) can build a fuzzer here: fuzz-probe writes "yes" or
# "no" into $(FUZZ_OK). It is asked again whenever the fuzzers are wanted
# and by no other goal, so that make clean or make all never starts
# $(FUZZ_CC). A fuzzer is built only after a "yes"; after a "no" an old
# one is removed, so that it is not replayed against newer code.
FUZZ_OK = $(FUZZ_BUILD)/fuzz-ok
fuzz-probe:
	@mkdir -p $(FUZZ_BUILD)
	@if printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' | \
		$(FUZZ_CC) $(FUZZ_SANITIZE) -x c - -o /dev/null >/dev/null 2>&1; \
	then echo yes; else echo no; fi >$(FUZZ_OK)

FUZZ_LINK = @if [ "$$(cat $(FUZZ_OK))" = yes ]; then \
		echo '$(FUZZ_CC) $(FUZZ_FLAGS) $(filter %.c,$^) -o $@'; \
		$(FUZZ_CC) $(FUZZ_FLAGS) $(filter %.c,$^) -o $@; \
	else rm -f $@; fi

$(FUZZ_BUILD)/fuzz_pnc: tests/fuzz/fuzz_pnc.c $(FUZZ_PNC_SRC) | fuzz-probe
	$(FUZZ_LINK)

$(FUZZ_BUILD)/fuzz_libpn: tests/fuzz/fuzz_libpn.c $(FUZZ_LIB_SRC) \
		$(BUILD)/catalog.c | fuzz-probe
	$(FUZZ_LINK)

$(FUZZ_BUILD)/fuzz_catalog: tests/fuzz/fuzz_catalog.c $(FUZZ_LIB_SRC) \
		| fuzz-probe
	$(FUZZ_LINK)

$(FUZZ_BUILD)/fuzz_walk: tests/fuzz/fuzz_walk.c $(FUZZ_LIB_SRC) | fuzz-probe
	$(FUZZ_LINK)

# Seeds: the notices and fixtures for the parser, the bundled catalog's
# bytes for the catalog readers, a few byte strings for libpn, and for
# fuzz_walk also the catalog of bench/pathological.sh's long word. Made
# afresh, so that no seed of an earlier tree is left.
FUZZ_PNC_SEEDS = $(POLICIES) $(sort $(wildcard tests/fixtures/*/*.pn))
$(FUZZ_BUILD)/seeds.stamp: $(FUZZ_PNC_SEEDS) $(BUILD)/catalog.c \
		tests/fuzz/write_catalog.c bench/pathological.sh $(PNC)
	@rm -rf $(FUZZ_BUILD)/seeds
	@mkdir -p $(FUZZ_BUILD)/seeds/fuzz_pnc $(FUZZ_BUILD)/seeds/fuzz_libpn \
		$(FUZZ_BUILD)/seeds/fuzz_catalog $(FUZZ_BUILD)/seeds/fuzz_walk \
		$(FUZZ_BUILD)/pathological
	cp $(FUZZ_PNC_SEEDS) $(FUZZ_BUILD)/seeds/fuzz_pnc/
	$(CC) $(WARNINGS) -I$(BUILD) tests/fuzz/write_catalog.c \
		$(BUILD)/catalog.c -o $(FUZZ_BUILD)/write_catalog
	$(FUZZ_BUILD)/write_catalog $(FUZZ_BUILD)/seeds/fuzz_catalog/bundled
	cp $(FUZZ_BUILD)/seeds/fuzz_catalog/bundled $(FUZZ_BUILD)/seeds/fuzz_walk/
	sh bench/pathological.sh $(FUZZ_BUILD)/pathological
	$(PNC) --format bin -o $(FUZZ_BUILD)/seeds/fuzz_walk/word \
		$(FUZZ_BUILD)/pathological/word.pn
	printf '\006intech\005nn,en\030\024\004\001\100\000\004\004\000\001' \
		>$(FUZZ_BUILD)/seeds/fuzz_libpn/intech
	printf '\003ntc\001*\010\050\014\002\200\001\004\000\004\001\004\003' \
		>$(FUZZ_BUILD)/seeds/fuzz_libpn/ntc
	@touch $@

FUZZERS = $(FUZZ_BUILD)/fuzz_pnc $(FUZZ_BUILD)/fuzz_libpn \
	$(FUZZ_BUILD)/fuzz_catalog $(FUZZ_BUILD)/fuzz_walk

fuzzers: $(FUZZERS) $(FUZZ_BUILD)/seeds.stamp | fuzz-probe
	@[ "$$(cat $(FUZZ_OK))" = yes ] || echo "fuzz: skipped:" \
		"$(FUZZ_CC) $(FUZZ_SANITIZE) does not work here"

fuzz: fuzzers
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# make test replays (tests/fuzz/run.sh with no time given).
EXTRA_TEST_DEPS += fuzzers
EXTRA_TESTS += tests/fuzz/run.sh
