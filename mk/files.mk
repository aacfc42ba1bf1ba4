# Catalogs as files, the kiosk's --catalog and the example loader
# (tests/test_catalog_file.c).
TEST_NAMES += test_catalog_file
$(BUILD)/tests/test_catalog_file.o: $(BUILD)/catalog.h
$(BUILD)/tests/test_catalog_file.o: TEST_CFLAGS += -I$(BUILD)
$(BUILD)/tests/test_catalog_file: $(BUILD)/catalog.o $(BUILD)/libpn.a \
	| $(PNC) $(BUILD)/kiosk
# pnc --json and --html (tests/test_export.c, with tests/check_json.py).
TEST_NAMES += test_export
$(BUILD)/tests/test_export.o: $(BUILD)/catalog.h
$(BUILD)/tests/test_export.o: TEST_CFLAGS += -I$(BUILD)
$(BUILD)/tests/test_export: $(BUILD)/catalog.o $(BUILD)/libpn.a \
	| $(PNC) $(BUILD)/kiosk
