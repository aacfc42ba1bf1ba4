# libpn built with the options of pn.h (included by the Makefile): each
# variant of libpn.a and a program that uses what it keeps, for
# tests/test_options.c; make options-size prints their Cortex-M4 .text.
#
#   full         no option
#   no-layout    -DPN_NO_LAYOUT (no screens, hence no first layer)
#   no-summary   -DPN_NO_SUMMARY
#   no-translit  -DPN_NO_TRANSLIT
#   no-draw      -DPN_NO_DRAW (no pixel drawing)
#   no-qr        -DPN_NO_QR (no QR code calls, no QR page)

.PHONY: options-size

OPTION_VARIANTS = full no-layout no-summary no-translit no-draw no-qr
OPTION_FLAGS_full =
OPTION_FLAGS_no-layout = -DPN_NO_LAYOUT
OPTION_FLAGS_no-summary = -DPN_NO_SUMMARY
OPTION_FLAGS_no-translit = -DPN_NO_TRANSLIT
OPTION_FLAGS_no-draw = -DPN_NO_DRAW
OPTION_FLAGS_no-qr = -DPN_NO_QR
OPTIONS_BUILD = $(BUILD)/options

# $(call OPTION_VARIANT,name): libpn.a and the probe for one variant.
define OPTION_VARIANT
$(OPTIONS_BUILD)/$(1)/runtime/%.o: runtime/%.c
	@mkdir -p $$(@D)
	$(CC) $(ALL_CFLAGS) $(OPTION_FLAGS_$(1)) -c $$< -o $$@

$(OPTIONS_BUILD)/$(1)/libpn.a: $(RUNTIME_SRC:%.c=$(OPTIONS_BUILD)/$(1)/%.o)
	@rm -f $$@
	$(AR) rcs $$@ $$^

$(OPTIONS_BUILD)/$(1)/options_probe: tests/options_probe.c \
		$(BUILD)/tests/fixture_catalog.o $(OPTIONS_BUILD)/$(1)/libpn.a
	$(CC) $(ALL_CFLAGS) $(OPTION_FLAGS_$(1)) -Iruntime -I$(BUILD)/tests \
		$$< $(BUILD)/tests/fixture_catalog.o $(OPTIONS_BUILD)/$(1)/libpn.a \
		-o $$@
endef
$(foreach v,$(OPTION_VARIANTS),$(eval $(call OPTION_VARIANT,$(v))))

$(OPTIONS_BUILD)/%/options_probe: $(BUILD)/tests/fixture_catalog.h

OPTION_PROBES = $(OPTION_VARIANTS:%=$(OPTIONS_BUILD)/%/options_probe)

TEST_NAMES += test_options
$(BUILD)/tests/test_options: | $(OPTION_PROBES)

# Cortex-M4 -Os .text of each variant, every object of libpn.a counted
# (and none left from a source that is gone).
define OPTION_SIZE
	@d=$(OPTIONS_BUILD)/arm-$(1); mkdir -p $$d; rm -f $$d/*.o; \
	for s in $(RUNTIME_SRC); do \
		$(ARM_CC) $(WARNINGS) -Werror $(ARM_FLAGS) $(OPTION_FLAGS_$(1)) \
			-c $$s -o $$d/$$(basename $$s .c).o || exit 1; \
	done; \
	printf '%-12s %6s bytes .text\n' $(1) \
		$$($(ARM_SIZE) -t $$d/*.o | awk '/TOTALS/ { print $$1 }')

endef

options-size:
	@command -v $(ARM_CC) >/dev/null 2>&1 || { \
		echo "options-size: $(ARM_CC) not found" >&2; exit 1; }
	$(foreach v,$(OPTION_VARIANTS),$(call OPTION_SIZE,$(v)))
