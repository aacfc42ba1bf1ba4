/* Firmware: `make firmware-arm` and `make firmware-riscv` cross-compile
 * libpn and the bundled catalog with warnings fatal and no libc, and
 * `make firmware-test` runs examples/firmware on QEMU's mps2-an385 board:
 * what the emulated device prints must be byte for byte what the host's
 * kiosk prints for the same notice. A test whose cross compiler or QEMU is
 * not on the PATH is ignored, saying which tool is missing. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "support.h"
#include "unity.h"

#ifndef FW_POLICY
#define FW_POLICY "nitd:nb"
#endif

#define AN385 BUILD_DIR "/firmware/an385"
#define MAKE_ERR BUILD_DIR "/tests/firmware-make.err"

static char device_text[65536];
static char host_text[65536];
static char make_errors[65536];

void setUp(void)
{
}

void tearDown(void)
{
}

/* Runs `make GOAL` with this build directory; returns its exit status.
 * Its output goes to the test log, its errors to make_errors (the rule
 * that makes the catalog repeats pnc's warnings on every run). */
static int make(const char *goal)
{
    char command[512];
    int status;

    snprintf(command, sizeof command,
             MAKE_CMD " -s --no-print-directory BUILD=%s %s 2>" MAKE_ERR,
             BUILD_DIR, goal);
    fflush(stdout);
    status = system(command);
    if (slurp(MAKE_ERR, make_errors, sizeof make_errors) < 0)
        make_errors[0] = '\0';
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void check_cross_build(const char *compiler, const char *goal,
                              const char *library)
{
    char message[128];
    FILE *f;
    int status;

    if (!have(compiler)) {
        snprintf(message, sizeof message, "skipped: %s not found", compiler);
        TEST_IGNORE_MESSAGE(message);
        return;
    }
    status = make(goal);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(make_errors));
    f = fopen(library, "rb");
    TEST_ASSERT_NOT_NULL(f);
    fclose(f);
}

static void test_firmware_builds_for_cortex_m4(void)
{
    check_cross_build("arm-none-eabi-gcc", "firmware-arm",
                      BUILD_DIR "/firmware/arm/libpn.a");
}

static void test_firmware_builds_for_riscv(void)
{
    check_cross_build("riscv64-unknown-elf-gcc", "firmware-riscv",
                      BUILD_DIR "/firmware/riscv/libpn.a");
}

/* The first line differing between the two texts, for the message. */
static void first_difference(char *message, size_t size)
{
    const char *d = device_text, *h = host_text;
    unsigned line = 1;

    while (*d && *d == *h) {
        if (*d == '\n')
            line++;
        d++;
        h++;
    }
    snprintf(message, size, "line %u differs: device \"%.60s\" host \"%.60s\"",
             line, d, h);
}

static void test_emulated_device_prints_what_the_kiosk_prints(void)
{
    char message[256];
    long device_len, host_len;
    int status;

    if (!have("arm-none-eabi-gcc")) {
        TEST_IGNORE_MESSAGE("skipped: arm-none-eabi-gcc not found");
        return;
    }
    if (!have("qemu-system-arm")) {
        TEST_IGNORE_MESSAGE("skipped: qemu-system-arm not found "
                            "(apt-get install qemu-system-arm)");
        return;
    }
    remove(AN385 "/device.txt");
    status = make("firmware-test");
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(make_errors));
    device_len = slurp(AN385 "/device.txt", device_text, sizeof device_text);
    host_len = slurp(AN385 "/host.txt", host_text, sizeof host_text);
    TEST_ASSERT_TRUE_MESSAGE(device_len > 0, "the device printed nothing");
    TEST_ASSERT_TRUE_MESSAGE(host_len > 0,
                             "kiosk --dump " FW_POLICY " printed nothing");
    first_difference(message, sizeof message);
    TEST_ASSERT_EQUAL_INT_MESSAGE(host_len, device_len, message);
    TEST_ASSERT_EQUAL_MEMORY_MESSAGE(host_text, device_text,
                                     (size_t)host_len, message);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_firmware_builds_for_cortex_m4);
    RUN_TEST(test_firmware_builds_for_riscv);
    RUN_TEST(test_emulated_device_prints_what_the_kiosk_prints);
    return UNITY_END();
}
