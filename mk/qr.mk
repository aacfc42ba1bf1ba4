# The QR code encoder (gen/qr.c): tests/test_qr.c compares it with
# libqrcodegen, an oracle for the tests only, where that library is
# installed (Debian libqrcodegen-dev), and reads its codes back with
# zbarimg. Without the library the test is built all the same and reports
# the comparison as skipped.

TEST_NAMES += test_qr

QRCODEGEN_CFLAGS = $(shell pkg-config --cflags qrcodegen 2>/dev/null || \
	echo -I/usr/include/qrcodegen)
QRCODEGEN_LIBS = $(shell pkg-config --libs qrcodegen 2>/dev/null || \
	echo -lqrcodegen)
# Whether a program using the library compiles and links; asked only
# when test_qr is built.
qrcodegen_found = $(shell $(CC) $(QRCODEGEN_CFLAGS) tests/qrcodegen_probe.c \
	-o /dev/null $(QRCODEGEN_LIBS) >/dev/null 2>&1 && echo yes)

$(BUILD)/tests/test_qr.o: TEST_CFLAGS += \
	$(if $(qrcodegen_found),-DHAVE_QRCODEGEN $(QRCODEGEN_CFLAGS))
$(BUILD)/tests/test_qr: TEST_LIBS = $(if $(qrcodegen_found),$(QRCODEGEN_LIBS))
$(BUILD)/tests/test_qr: $(GEN_OBJ) $(BUILD)/catalog.o $(BUILD)/libpn.a | $(PNC)
$(BUILD)/tests/test_qr.o: $(BUILD)/catalog.h
$(BUILD)/tests/test_qr.o: TEST_CFLAGS += -I$(BUILD)
