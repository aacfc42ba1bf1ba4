# The compression tests (included by the Makefile): the bundled notices
# compiled again with --no-compress, for tests/test_compress.c to compare
# with the compressed catalog through libpn.

TEST_NAMES += test_compress

$(BUILD)/tests/plain_catalog.c: $(PNC) $(POLICIES)
	@mkdir -p $(BUILD)/tests
	$(PNC) --no-compress -o $(BUILD)/tests/plain_catalog.c \
		--prefix plain_catalog $(POLICIES) 2>/dev/null
$(BUILD)/tests/plain_catalog.h: $(BUILD)/tests/plain_catalog.c ;

$(BUILD)/tests/plain_catalog.o: $(BUILD)/tests/plain_catalog.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/test_compress.o: $(BUILD)/tests/plain_catalog.h \
	$(BUILD)/tests/fixture_catalog.h $(BUILD)/catalog.h
$(BUILD)/tests/test_compress.o: TEST_CFLAGS += -I$(BUILD)

$(BUILD)/tests/test_compress: $(BUILD)/tests/plain_catalog.o \
	$(BUILD)/tests/fixture_catalog.o $(BUILD)/catalog.o $(BUILD)/libpn.a
