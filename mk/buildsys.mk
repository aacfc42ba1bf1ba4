# Tests of pnc in other build systems and of its documentation (included
# by the Makefile): the CMake module cmake/pnc.cmake through the project
# in tests/cmake, the man page docs/pnc.1, and README.md's Make snippet
# through a project made from it (tests/readme).

TEST_NAMES += test_cmake test_manpage test_readme

$(BUILD)/tests/test_readme: | $(PNC)
