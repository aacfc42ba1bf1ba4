# Tests of pnc in other build systems and of its documentation (included
# by the Makefile): the CMake module cmake/pnc.cmake through the project
# in tests/cmake, and the man page docs/pnc.1.

TEST_NAMES += test_cmake test_manpage
