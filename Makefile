# pnc and libpn. `make` builds the generator, the bundled catalog, libpn and
# the kiosk demo; `make test` builds and runs every test. See README.md.

CC ?= cc
AR ?= ar
CFLAGS ?= -O2 -g
LDFLAGS ?=
WARNINGS = -std=c99 -Wall -Wextra -Wpedantic
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) -MMD -MP

BUILD = build
PNC = $(BUILD)/pnc

# Sorted, so that archives and links list their members in the same order
# on every machine.
RUNTIME_SRC = $(sort $(wildcard runtime/*.c))
RUNTIME_OBJ = $(RUNTIME_SRC:%.c=$(BUILD)/%.o)
GEN_SRC = $(filter-out gen/main.c,$(sort $(wildcard gen/*.c)))
GEN_OBJ = $(GEN_SRC:%.c=$(BUILD)/%.o)
POLICIES = $(sort $(wildcard policies/*.pn))

# Tests use the Unity API: the project's own harness by default, or the
# real Unity with `make test UNITY_DIR=/path/to/Unity/src`.
UNITY_DIR ?= tests/unity
UNITY_OBJ = $(BUILD)/unity/unity.o
# Each test links the harness and the helpers the tests share.
TEST_OBJ = $(UNITY_OBJ) $(BUILD)/tests/support.o

.PHONY: all run test clean
all: $(PNC) $(BUILD)/libpn.a $(BUILD)/kiosk

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libpn.a: $(RUNTIME_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(PNC): $(BUILD)/gen/main.o $(GEN_OBJ) $(BUILD)/libpn.a
	$(CC) $(LDFLAGS) -o $@ $^

# The bundled notices as const tables. pnc writes both files in one run
# and leaves them untouched when their content would not change, so an
# edit that changes no output recompiles nothing.
# The stamp records that pnc ran, since pnc may leave its outputs alone.
$(BUILD)/catalog.stamp: $(PNC) $(POLICIES)
	$(PNC) -o $(BUILD)/catalog.c --header $(BUILD)/catalog.h \
		--prefix pn_bundled $(POLICIES)
	@touch $@
$(BUILD)/catalog.c $(BUILD)/catalog.h: $(BUILD)/catalog.stamp ;

$(BUILD)/catalog.o: $(BUILD)/catalog.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The same notices with the repository's font, for the kiosk's pixel
# screens (kiosk --pixels); the bundled catalog above stays without it.
# Its warnings are the bundled catalog's: shown only when pnc fails.
KIOSK_FONT = fonts/pnc-sans-11.bdf
$(BUILD)/catalog_font.stamp: $(PNC) $(POLICIES) $(KIOSK_FONT)
	@$(PNC) -o $(BUILD)/catalog_font.c --header $(BUILD)/catalog_font.h \
		--prefix pn_bundled_font --font $(KIOSK_FONT) $(POLICIES) \
		2>$(BUILD)/catalog_font.log || { cat $(BUILD)/catalog_font.log; exit 1; }
	@touch $@
$(BUILD)/catalog_font.c $(BUILD)/catalog_font.h: $(BUILD)/catalog_font.stamp ;

$(BUILD)/catalog_font.o: $(BUILD)/catalog_font.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

KIOSK_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard examples/kiosk/*.c)))
$(BUILD)/kiosk: $(KIOSK_OBJ) $(BUILD)/catalog.o $(BUILD)/catalog_font.o \
		$(BUILD)/libpn.a
	$(CC) $(LDFLAGS) -o $@ $^

$(KIOSK_OBJ): $(BUILD)/catalog.h $(BUILD)/catalog_font.h
$(KIOSK_OBJ): ALL_CFLAGS += -I$(BUILD) -Iruntime

run: all
	$(BUILD)/kiosk --size 40x12

# ---- Tests -------------------------------------------------------------------

TEST_NAMES = test_parse test_generate test_cli test_runtime test_roundtrip \
	test_layout test_screens test_interactive \
	test_translations test_check test_hostile
TEST_BINS = $(TEST_NAMES:%=$(BUILD)/tests/%)
# The paths and tools the tests use; tests/support.h has the defaults.
TEST_CFLAGS = -I$(UNITY_DIR) -Iruntime -Igen -I$(BUILD)/tests \
	-DPNC_PATH='"$(PNC)"' -DBUILD_DIR='"$(BUILD)"' -DTEST_CC='"$(CC)"' \
	-DMAKE_CMD='"$(MAKE)"'

$(UNITY_OBJ): $(UNITY_DIR)/unity.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(CFLAGS) -I$(UNITY_DIR) -c $< -o $@

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -c $< -o $@

# A catalog made from the small fixtures, for the runtime tests.
FIXTURES = $(sort $(wildcard tests/fixtures/good/*.pn))
$(BUILD)/tests/fixture_catalog.c: $(PNC) $(FIXTURES)
	@mkdir -p $(BUILD)/tests
	$(PNC) -o $(BUILD)/tests/fixture_catalog.c --prefix fixture_catalog \
		$(FIXTURES)
$(BUILD)/tests/fixture_catalog.h: $(BUILD)/tests/fixture_catalog.c ;

$(BUILD)/tests/fixture_catalog.o: $(BUILD)/tests/fixture_catalog.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# And one of wrapping edge cases, for the layout tests.
LAYOUT_FIXTURES = $(sort $(wildcard tests/fixtures/layout/*.pn))
$(BUILD)/tests/layout_catalog.c: $(PNC) $(LAYOUT_FIXTURES)
	@mkdir -p $(BUILD)/tests
	$(PNC) -o $(BUILD)/tests/layout_catalog.c --prefix layout_catalog \
		$(LAYOUT_FIXTURES)
$(BUILD)/tests/layout_catalog.h: $(BUILD)/tests/layout_catalog.c ;

$(BUILD)/tests/layout_catalog.o: $(BUILD)/tests/layout_catalog.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# And one of the corpus notices (real notices from public repositories,
# tests/fixtures/corpus), for the round trip.
CORPUS = $(sort $(wildcard tests/fixtures/corpus/*.pn))
$(BUILD)/tests/corpus_catalog.c: $(PNC) $(CORPUS)
	@mkdir -p $(BUILD)/tests
	$(PNC) -o $(BUILD)/tests/corpus_catalog.c --prefix pn_corpus $(CORPUS)
$(BUILD)/tests/corpus_catalog.h: $(BUILD)/tests/corpus_catalog.c ;

$(BUILD)/tests/corpus_catalog.o: $(BUILD)/tests/corpus_catalog.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/test_runtime.o: $(BUILD)/tests/fixture_catalog.h
$(BUILD)/tests/test_layout.o: $(BUILD)/tests/layout_catalog.h $(BUILD)/catalog.h
$(BUILD)/tests/test_layout.o: TEST_CFLAGS += -I$(BUILD)
$(BUILD)/tests/test_roundtrip.o: $(BUILD)/catalog.h \
	$(BUILD)/tests/corpus_catalog.h
$(BUILD)/tests/test_roundtrip.o: TEST_CFLAGS += -I$(BUILD)
$(BUILD)/tests/test_translations.o: $(BUILD)/catalog.h
$(BUILD)/tests/test_translations.o: TEST_CFLAGS += -I$(BUILD)

# What each test links besides its own object, the harness and the
# helpers (the link rule is below, after mk/*.mk add their tests), and
# after the bar what it runs.
$(BUILD)/tests/test_parse $(BUILD)/tests/test_check \
$(BUILD)/tests/test_generate: $(GEN_OBJ) $(BUILD)/libpn.a
$(BUILD)/tests/test_runtime: $(BUILD)/tests/fixture_catalog.o $(BUILD)/libpn.a
$(BUILD)/tests/test_roundtrip: $(BUILD)/tests/corpus_catalog.o
$(BUILD)/tests/test_roundtrip $(BUILD)/tests/test_translations: \
	$(BUILD)/catalog.o $(BUILD)/libpn.a
$(BUILD)/tests/test_layout: $(BUILD)/tests/layout_catalog.o \
	$(BUILD)/catalog.o $(BUILD)/libpn.a
$(BUILD)/tests/test_cli: | $(PNC)
$(BUILD)/tests/test_screens $(BUILD)/tests/test_interactive: | $(BUILD)/kiosk
$(BUILD)/tests/test_hostile: | $(PNC) $(BUILD)/libpn.a

# Further targets and tests (firmware, install, ...) live in mk/*.mk; they
# may add to TEST_NAMES, EXTRA_TEST_DEPS and EXTRA_TESTS.
include $(sort $(wildcard mk/*.mk))

# Every test: its object, the harness, the helpers and what its
# prerequisites above add, objects before libraries, then the system
# libraries a test names in TEST_LIBS.
$(TEST_BINS): $(BUILD)/tests/%: $(BUILD)/tests/%.o $(TEST_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(filter %.a,$^) $(TEST_LIBS)

test: all $(TEST_BINS) $(EXTRA_TEST_DEPS)
	@sh tests/run.sh $(TEST_BINS) $(EXTRA_TESTS)

clean:
	rm -rf $(BUILD)

# The dependencies the compiler wrote; not for make clean. The trees the
# tests build other projects in have their own.
ifneq ($(MAKECMDGOALS),clean)
-include $(shell find $(BUILD) -path $(BUILD)/tests/cmake-build -prune \
	-o -path $(BUILD)/tests/readme-work -prune -o -name '*.d' -print \
	2>/dev/null)
endif
