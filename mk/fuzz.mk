# Fuzzing with libFuzzer (included by the Makefile).
#
# make fuzz           builds the fuzzers in $(BUILD)/fuzz and runs each for
#                     FUZZ_SECONDS (default 20) after replaying the inputs
#                     in tests/fuzz/regressions; make test does the same.
#
# It needs clang with its fuzzer runtime (Debian: clang, libclang-rt-14-dev);
# without them the fuzzers are reported as ignored, not failed.

.PHONY: fuzz fuzzers

FUZZ_CC = clang
FUZZ_SECONDS ?= 20
FUZZ_BUILD = $(BUILD)/fuzz
FUZZ_FLAGS = -std=c99 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Iruntime -Igen -I$(BUILD)
FUZZ_LIB_SRC = $(RUNTIME_SRC)
FUZZ_PNC_SRC = $(GEN_SRC) $(RUNTIME_SRC)
FUZZ_AVAILABLE = $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' | \
	$(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null >/dev/null 2>&1 && echo yes)

export FUZZ_BUILD FUZZ_SECONDS

$(FUZZ_BUILD)/fuzz_pnc: tests/fuzz/fuzz_pnc.c $(FUZZ_PNC_SRC)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $^ -o $@

$(FUZZ_BUILD)/fuzz_libpn: tests/fuzz/fuzz_libpn.c $(FUZZ_LIB_SRC) \
		$(BUILD)/catalog.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $^ -o $@

$(FUZZ_BUILD)/fuzz_catalog: tests/fuzz/fuzz_catalog.c $(FUZZ_LIB_SRC)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $^ -o $@

# Seeds: the notices and fixtures for the parser, the bundled and fixture
# catalogs' bytes for the catalog reader, a few byte strings for libpn.
$(FUZZ_BUILD)/seeds.stamp: $(POLICIES) $(BUILD)/catalog.c \
		tests/fuzz/write_catalog.c
	@mkdir -p $(FUZZ_BUILD)/seeds/fuzz_pnc $(FUZZ_BUILD)/seeds/fuzz_libpn \
		$(FUZZ_BUILD)/seeds/fuzz_catalog
	cp $(POLICIES) $(wildcard tests/fixtures/*/*.pn) $(FUZZ_BUILD)/seeds/fuzz_pnc/
	$(CC) $(WARNINGS) -I$(BUILD) tests/fuzz/write_catalog.c \
		$(BUILD)/catalog.c -o $(FUZZ_BUILD)/write_catalog
	$(FUZZ_BUILD)/write_catalog $(FUZZ_BUILD)/seeds/fuzz_catalog/bundled
	printf '\006intech\005nn,en\030\024\004\001\100\000\004\004\000\001' \
		>$(FUZZ_BUILD)/seeds/fuzz_libpn/intech
	printf '\003ntc\001*\010\050\014\002\200\001\004\000\004\001\004\003' \
		>$(FUZZ_BUILD)/seeds/fuzz_libpn/ntc
	@touch $@

FUZZERS = $(FUZZ_BUILD)/fuzz_pnc $(FUZZ_BUILD)/fuzz_libpn \
	$(FUZZ_BUILD)/fuzz_catalog

ifeq ($(FUZZ_AVAILABLE),yes)
fuzzers: $(FUZZERS) $(FUZZ_BUILD)/seeds.stamp
else
fuzzers:
	@echo "fuzz: skipped: $(FUZZ_CC) -fsanitize=fuzzer does not work here"
endif

fuzz: fuzzers
	@sh tests/fuzz/run.sh

EXTRA_TEST_DEPS += fuzzers
EXTRA_TESTS += tests/fuzz/run.sh
