# make bench (included by the Makefile): the footprint table of README.md's
# "Footprint" section, measured on the bundled notices by bench/bench.sh,
# and how long pnc --check takes on one notice of 6,000 and of 60,000
# sections (written by bench/sections.sh), and the slowest single libpn
# call of each kind on the bundled notices and on the pathological ones of
# bench/pathological.sh (bench/bench_worst.c).
# Tools that are missing (arm-none-eabi-gcc, valgrind, xz, ...) turn their
# rows into "n/a"; nothing is installed.

.PHONY: bench

BENCH_BUILD = $(BUILD)/bench

$(BENCH_BUILD)/bench_pn.o: bench/bench_pn.c $(BUILD)/catalog.h \
		$(BUILD)/tests/plain_catalog.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iruntime -I$(BUILD) -I$(BUILD)/tests -c $< -o $@

$(BENCH_BUILD)/bench_pn: $(BENCH_BUILD)/bench_pn.o $(BUILD)/catalog.o \
		$(BUILD)/tests/plain_catalog.o $(BUILD)/libpn.a
	$(CC) $(LDFLAGS) -o $@ $^

# bench_worst starts callgrind around the call it measures when valgrind's
# header is there (bench/bench_worst.c).
BENCH_CALLGRIND = $(if $(wildcard /usr/include/valgrind/callgrind.h),\
	-DPN_BENCH_CALLGRIND)

$(BENCH_BUILD)/bench_worst: bench/bench_worst.c $(BUILD)/libpn.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(BENCH_CALLGRIND) -Iruntime $< $(BUILD)/libpn.a \
		$(LDFLAGS) -o $@

$(BENCH_BUILD)/bench_draw: bench/bench_draw.c $(BUILD)/libpn.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iruntime $< $(BUILD)/libpn.a $(LDFLAGS) -o $@

bench: $(PNC) $(BENCH_BUILD)/bench_pn $(BENCH_BUILD)/bench_worst \
		$(BENCH_BUILD)/bench_draw
	@BUILD=$(BUILD) PNC=$(PNC) CC="$(CC)" sh bench/bench.sh
	@echo
	@echo "libpn kept by three programs (and one variant) linked with" \
		"--gc-sections (Cortex-M4 -Os, .text and .rodata; bench/profiles):"
	@BUILD=$(BUILD) ARM_CC=$(ARM_CC) sh bench/profiles.sh
	@echo
	@echo "libpn with each option of pn.h (Cortex-M4 -Os, every object):"
	@$(MAKE) --no-print-directory options-size || \
		echo "  n/a: $(ARM_CC) is missing"
