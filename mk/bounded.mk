# test_bounded: libpn on the pathological notices of bench/pathological.sh
# (issue 18, item 5). The link wraps four internal calls so that the test
# counts the work each libpn call does (tests/test_bounded.c); `private`
# keeps the flags off the prerequisites (pnc must link unwrapped), and
# `override` adds them to the LDFLAGS the sanitized build passes on make's
# command line (mk/sanitize.mk).
TEST_NAMES += test_bounded

BOUNDED_WRAPS = -Wl,--wrap=pn__read_text_at -Wl,--wrap=pn_section_at \
	-Wl,--wrap=pn__dec_read -Wl,--wrap=pn_section_by_topic

$(BUILD)/tests/test_bounded: $(BUILD)/libpn.a | $(PNC)
$(BUILD)/tests/test_bounded: private override LDFLAGS += $(BOUNDED_WRAPS)
