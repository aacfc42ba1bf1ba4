# Firmware builds (included by the Makefile).
#
# make firmware       cross-compiles libpn and the bundled catalog for
#                     Cortex-M4 (arm-none-eabi-gcc) and RISC-V
#                     (riscv64-unknown-elf-gcc) into $(BUILD)/firmware/
#                     {arm,riscv}/, warnings fatal, and prints their sizes;
#                     also make firmware-arm, make firmware-riscv
# make firmware-test  runs examples/firmware on QEMU's mps2-an385 board and
#                     checks that the emulated device prints the same bytes
#                     as `$(BUILD)/kiosk --dump nitd:nb` on the host, and
#                     that the 128x64 framebuffer it draws (the first
#                     layer's first page, SSD1306 page order) and sends
#                     over semihosting is byte for byte the host's

.PHONY: firmware firmware-arm firmware-riscv firmware-test

FW = $(BUILD)/firmware
FW_WARNINGS = $(WARNINGS) -Werror

ARM_CC = arm-none-eabi-gcc
ARM_AR = arm-none-eabi-ar
ARM_NM = arm-none-eabi-nm
ARM_SIZE = arm-none-eabi-size
ARM_FLAGS = -Os -mcpu=cortex-m4 -mthumb -ffreestanding

RISCV_CC = riscv64-unknown-elf-gcc
RISCV_AR = riscv64-unknown-elf-ar
RISCV_NM = riscv64-unknown-elf-nm
RISCV_SIZE = riscv64-unknown-elf-size
RISCV_FLAGS = -Os -ffreestanding -nostdlib

# The QEMU demo: a Cortex-M3, so it gets its own build of libpn.
QEMU_ARM = qemu-system-arm
AN385_FLAGS = -Os -mcpu=cortex-m3 -mthumb -ffreestanding \
	-ffunction-sections -fdata-sections
# The notice the demo prints: POLICY ":" LANGS in examples/firmware/main.c.
FW_POLICY = nitd:nb

# The functions a -nostdlib firmware gets from examples/firmware/support.c.
FW_SUPPORTED = memcpy memmove memset memcmp

# $(call FW_TARGET,name,compiler,archiver,flags): rules for libpn.a,
# catalog.o and support.o under $(FW)/name.
define FW_TARGET
$(FW)/$(1)/runtime/%.o: runtime/%.c | fw-tool-$(1)
	@mkdir -p $$(@D)
	$(2) $(FW_WARNINGS) $(4) -MMD -MP -c $$< -o $$@

$(FW)/$(1)/libpn.a: $(RUNTIME_SRC:%.c=$(FW)/$(1)/%.o)
	@rm -f $$@
	$(3) rcs $$@ $$^

$(FW)/$(1)/catalog.o: $(BUILD)/catalog.c | fw-tool-$(1)
	@mkdir -p $$(@D)
	$(2) $(FW_WARNINGS) $(4) -MMD -MP -c $$< -o $$@

$(FW)/$(1)/support.o: examples/firmware/support.c | fw-tool-$(1)
	@mkdir -p $$(@D)
	$(2) $(FW_WARNINGS) $(4) -fno-tree-loop-distribute-patterns \
		-MMD -MP -c $$< -o $$@

.PHONY: fw-tool-$(1)
fw-tool-$(1):
	@command -v $(2) >/dev/null 2>&1 || { \
		echo "firmware: $(2) not found on PATH" >&2; exit 1; }
endef

$(eval $(call FW_TARGET,arm,$(ARM_CC),$(ARM_AR),$(ARM_FLAGS)))
$(eval $(call FW_TARGET,riscv,$(RISCV_CC),$(RISCV_AR),$(RISCV_FLAGS)))
$(eval $(call FW_TARGET,an385,$(ARM_CC),$(ARM_AR),$(AN385_FLAGS)))

# $(call FW_REPORT,name,size,nm,compiler and flags): prints the sizes of
# libpn and the catalog, and fails if libpn or the catalog needs a symbol
# from outside that support.c does not provide.
define FW_REPORT
	@echo "== firmware $(1): $(4)"
	@$(2) -t $(FW)/$(1)/libpn.a | \
		awk 'NR == 1 { print; next } /TOTALS/ { sub(/\(TOTALS\)/, "libpn.a (total)"); print }'
	@$(2) $(FW)/$(1)/catalog.o | tail -n 1
	@$(3) -P -g $(FW)/$(1)/libpn.a $(FW)/$(1)/catalog.o 2>/dev/null | \
		awk 'NF >= 2 && $$2 == "U" { u[$$1] = 1 } \
		     NF >= 2 && $$2 != "U" { d[$$1] = 1 } \
		     END { for (s in u) if (!(s in d)) print s }' | \
		sort >$(FW)/$(1)/needs.txt
	@needs=$$(tr '\n' ' ' <$(FW)/$(1)/needs.txt); \
	if [ -z "$$needs" ]; then \
		echo "libpn and the catalog need no outside symbol (no libc)"; \
	else \
		echo "libpn and the catalog need:" $$needs; \
		for s in $$needs; do \
			case " $(FW_SUPPORTED) " in *" $$s "*) ;; \
			*) echo "firmware: $$s is not in examples/firmware/support.c" >&2; \
			   exit 1;; esac; \
		done; \
		echo "(examples/firmware/support.c provides them)"; \
	fi
endef

firmware: firmware-arm firmware-riscv

firmware-arm: $(FW)/arm/libpn.a $(FW)/arm/catalog.o $(FW)/arm/support.o
	$(call FW_REPORT,arm,$(ARM_SIZE),$(ARM_NM),$(ARM_CC) $(ARM_FLAGS))

firmware-riscv: $(FW)/riscv/libpn.a $(FW)/riscv/catalog.o \
		$(FW)/riscv/support.o
	$(call FW_REPORT,riscv,$(RISCV_SIZE),$(RISCV_NM),$(RISCV_CC) $(RISCV_FLAGS))

# ---- The demo on QEMU's mps2-an385 ------------------------------------------

AN385 = $(FW)/an385
AN385_DEMO_OBJ = $(AN385)/demo/startup.o $(AN385)/demo/board.o \
	$(AN385)/demo/main.o $(AN385)/demo/screen.o
AN385_LD = examples/firmware/an385.ld

$(AN385)/demo/%.o: examples/firmware/%.c | fw-tool-an385
	@mkdir -p $(@D)
	$(ARM_CC) $(FW_WARNINGS) $(AN385_FLAGS) -Iruntime -I$(BUILD) \
		-MMD -MP -c $< -o $@

$(AN385)/demo/main.o: $(BUILD)/catalog_font.h

# The demo's catalog has the font its pixel screen needs: the kiosk's
# (Makefile), the same notices as the bundled catalog.
$(AN385)/catalog_font.o: $(BUILD)/catalog_font.c | fw-tool-an385
	@mkdir -p $(@D)
	$(ARM_CC) $(FW_WARNINGS) $(AN385_FLAGS) -MMD -MP -c $< -o $@

$(AN385)/pn_demo.elf: $(AN385_DEMO_OBJ) $(AN385)/catalog_font.o \
		$(AN385)/support.o $(AN385)/libpn.a $(AN385_LD)
	$(ARM_CC) $(AN385_FLAGS) -nostdlib -T $(AN385_LD) -Wl,--gc-sections \
		-Wl,-Map=$(AN385)/pn_demo.map -o $@ $(AN385_DEMO_OBJ) \
		$(AN385)/catalog_font.o $(AN385)/support.o $(AN385)/libpn.a -lgcc

# The same screen drawn on the host, by the same screen.c, libpn and
# catalog: the line the device sends.
$(BUILD)/tests/fw_screen_host: tests/fw_screen_host.c \
		examples/firmware/screen.c examples/firmware/screen.h \
		$(BUILD)/catalog_font.o $(BUILD)/libpn.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iruntime -I$(BUILD) -Iexamples/firmware \
		$(LDFLAGS) -o $@ tests/fw_screen_host.c examples/firmware/screen.c \
		$(BUILD)/catalog_font.o $(BUILD)/libpn.a

# QEMU prints the UART on stdout (device.txt) and the semihosting debug
# messages on stderr (debug.txt); the demo's exit status comes back through
# semihosting.
firmware-test: $(AN385)/pn_demo.elf $(BUILD)/kiosk $(BUILD)/tests/fw_screen_host
	@command -v $(QEMU_ARM) >/dev/null 2>&1 || { \
		echo "firmware-test: $(QEMU_ARM) not found on PATH" \
		     "(apt-get install qemu-system-arm)" >&2; exit 1; }
	@echo "== firmware-test: $(AN385)/pn_demo.elf on QEMU mps2-an385"
	@$(ARM_SIZE) $(AN385)/pn_demo.elf
	@status=0; timeout 20 $(QEMU_ARM) -M mps2-an385 -display none \
		-monitor none -serial stdio \
		-semihosting-config enable=on,target=native \
		-kernel $(AN385)/pn_demo.elf </dev/null \
		>$(AN385)/device.txt 2>$(AN385)/debug.txt || status=$$?; \
	grep -v '^framebuffer ' $(AN385)/debug.txt; \
	if [ $$status -eq 124 ]; then \
		echo "firmware-test: QEMU timed out after 20 s" >&2; exit 1; \
	elif [ $$status -ne 0 ]; then \
		echo "firmware-test: the device exited with status $$status" >&2; \
		exit 1; fi
	@$(BUILD)/kiosk --dump $(FW_POLICY) >$(AN385)/host.txt
	@echo "-- the device printed (first 10 lines):"
	@head -n 10 $(AN385)/device.txt
	@if cmp $(AN385)/device.txt $(AN385)/host.txt; then \
		echo "firmware-test: identical to kiosk --dump $(FW_POLICY)" \
		     "($$(wc -l <$(AN385)/device.txt) lines," \
		     "$$(wc -c <$(AN385)/device.txt) bytes)"; \
	else \
		echo "firmware-test: the device's output differs from" \
		     "kiosk --dump $(FW_POLICY); see $(AN385)/device.txt" >&2; \
		exit 1; fi
	@grep '^framebuffer ' $(AN385)/debug.txt >$(AN385)/screen-device.txt \
		|| { echo "firmware-test: the device sent no framebuffer" >&2; \
		     exit 1; }
	@$(BUILD)/tests/fw_screen_host $(subst :, ,$(FW_POLICY)) \
		>$(AN385)/screen-host.txt
	@if cmp $(AN385)/screen-device.txt $(AN385)/screen-host.txt; then \
		echo "firmware-test: the device's 128x64 framebuffer" \
		     "($(FW_POLICY), first layer, page 1) is the host's," \
		     "byte for byte"; \
	else \
		echo "firmware-test: the device's framebuffer differs from the" \
		     "host's; see $(AN385)/screen-device.txt" >&2; \
		exit 1; fi

# ---- Tests --------------------------------------------------------------------

TEST_NAMES += test_firmware

$(BUILD)/tests/test_firmware.o: TEST_CFLAGS += -DFW_POLICY='"$(FW_POLICY)"'
