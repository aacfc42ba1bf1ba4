# What pnc writes and refuses to write (included by the Makefile):
# tests/test_outputs.c runs the built pnc.

TEST_NAMES += test_outputs

$(BUILD)/tests/test_outputs: | $(PNC)
