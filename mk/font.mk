# Fonts and pictures (included by the Makefile): the BDF reader, the
# --font checks and the PNG writer. tests/test_font.c runs the hostile
# fonts of tests/fixtures/bdf/ and real fonts made at test time.

TEST_NAMES += test_font test_png

$(BUILD)/tests/test_font $(BUILD)/tests/test_png: $(GEN_OBJ) $(BUILD)/libpn.a \
	| $(PNC)
