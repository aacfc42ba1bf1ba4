# Fonts and pictures (included by the Makefile): the BDF reader, the
# --font checks and the PNG writer; tests/test_font.c runs the hostile
# fonts of tests/fixtures/bdf/ and real fonts made at test time. The
# glyphs a catalog carries, drawn by libpn: tests/test_draw.c. Pixel
# screens, every page of the bundled notices drawn: tests/test_pixel.c.

TEST_NAMES += test_font test_png test_draw test_pixel

$(BUILD)/tests/test_font $(BUILD)/tests/test_png $(BUILD)/tests/test_draw \
$(BUILD)/tests/test_pixel: \
	$(GEN_OBJ) $(BUILD)/libpn.a | $(PNC)
