# The tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer
# (included by the Makefile). make test builds them in $(BUILD)/asan and
# runs them with the others; SANITIZE= (empty) leaves them out.
#
# make memcheck       runs the tests and the pnc they start under valgrind:
#                     any error or leak fails it.

.PHONY: sanitized-tests memcheck

SANITIZE ?= address,undefined
SAN_BUILD = $(BUILD)/asan
# -Os: libpn takes its smaller, slower loops where it is built for size
# (#ifdef __OPTIMIZE_SIZE__), so this run tests them and the main one
# (-O2) the faster ones.
SAN_FLAGS = -Os -g -fno-omit-frame-pointer -fsanitize=$(SANITIZE) \
	-fno-sanitize-recover=all
# Tests that only drive other tools (cross compilers, cmake, make, man,
# tmux) gain nothing from a second run.
UNSANITIZED_TESTS = test_firmware test_install test_cmake test_manpage \
	test_interactive test_readme
SANITIZED_TESTS = $(filter-out $(UNSANITIZED_TESTS),$(TEST_NAMES))

ifneq ($(SANITIZE),)
ifeq ($(IN_SANITIZED_BUILD),)
EXTRA_TEST_DEPS += sanitized-tests
EXTRA_TESTS += $(SANITIZED_TESTS:%=$(SAN_BUILD)/tests/%)
endif
endif

sanitized-tests: all
	@$(MAKE) --no-print-directory BUILD=$(SAN_BUILD) IN_SANITIZED_BUILD=1 \
		CC="$(CC)" CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
		$(SAN_BUILD)/pnc $(SAN_BUILD)/kiosk \
		$(SANITIZED_TESTS:%=$(SAN_BUILD)/tests/%)

# valgrind follows the test programs into the pnc and kiosk they start,
# but not into the shell, cmp or the compiler.
MEMCHECK = valgrind --quiet --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --trace-children=yes \
	--trace-children-skip='/bin/*,/usr/*,*/sh,*/cc,*/gcc,*/clang'

memcheck: all $(SANITIZED_TESTS:%=$(BUILD)/tests/%)
	@command -v valgrind >/dev/null || { echo "memcheck: valgrind not found" >&2; exit 1; }
	@failed=0; for t in $(SANITIZED_TESTS:%=$(BUILD)/tests/%); do \
		echo "== valgrind $$t"; \
		$(MEMCHECK) $$t >$$t.memcheck.log 2>&1 || { failed=1; \
			echo "$$t: valgrind found errors (see $$t.memcheck.log)"; }; \
		tail -n 2 $$t.memcheck.log; \
	done; [ $$failed -eq 0 ] && echo "memcheck: no errors, no leaks"
