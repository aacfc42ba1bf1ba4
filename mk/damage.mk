# The damage tests (included by the Makefile): the bundled catalog and its
# plain twin (mk/compress.mk) damaged byte by byte and at random, and
# handles damaged by hand, for tests/test_damage.c.

TEST_NAMES += test_damage

$(BUILD)/tests/test_damage.o: $(BUILD)/tests/plain_catalog.h $(BUILD)/catalog.h
$(BUILD)/tests/test_damage.o: TEST_CFLAGS += -I$(BUILD)

$(BUILD)/tests/test_damage: $(BUILD)/tests/plain_catalog.o $(BUILD)/catalog.o \
	$(BUILD)/libpn.a
