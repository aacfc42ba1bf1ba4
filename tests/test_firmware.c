/* Firmware: `make firmware-arm` and `make firmware-riscv` cross-compile
 * libpn and the bundled catalog with warnings fatal and no libc, and
 * `make firmware-test` runs examples/firmware on QEMU's mps2-an385 board:
 * what the emulated device prints must be byte for byte what the host's
 * kiosk prints for the same notice, and the 128x64 framebuffer it draws
 * (the first layer's first page, SSD1306 page order) and sends over
 * semihosting must be byte for byte the one the host draws with the same
 * catalog and libpn. A test whose cross compiler or QEMU is
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

static char device_screen[4096];
static char host_screen[4096];

/* Run after the test above (make firmware-test wrote both files). */
static void test_emulated_device_draws_what_the_host_draws(void)
{
    static const char prefix[] = "framebuffer 128x64 pages ";
    long device_len, host_len;
    size_t i, lit = 0, hex = 2 * 128 * 64 / 8;

    if (!have("arm-none-eabi-gcc")) {
        TEST_IGNORE_MESSAGE("skipped: arm-none-eabi-gcc not found");
        return;
    }
    if (!have("qemu-system-arm")) {
        TEST_IGNORE_MESSAGE("skipped: qemu-system-arm not found "
                            "(apt-get install qemu-system-arm)");
        return;
    }
    remove(AN385 "/screen-device.txt");
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, make("firmware-test"), tail(make_errors));
    device_len = slurp(AN385 "/screen-device.txt", device_screen,
                       sizeof device_screen);
    host_len = slurp(AN385 "/screen-host.txt", host_screen,
                     sizeof host_screen);
    /* One line: the prefix, 1024 bytes in hex, a newline. */
    TEST_ASSERT_EQUAL_INT_MESSAGE((long)(sizeof prefix - 1 + hex + 1),
                                  device_len, "the device's framebuffer");
    TEST_ASSERT_EQUAL_INT((long)(sizeof prefix - 1 + hex + 1), host_len);
    TEST_ASSERT_EQUAL_MEMORY(prefix, device_screen, sizeof prefix - 1);
    for (i = sizeof prefix - 1; i < sizeof prefix - 1 + hex; i++) {
        TEST_ASSERT_NOT_NULL(strchr("0123456789abcdef", device_screen[i]));
        lit += device_screen[i] != '0';
    }
    /* A page of text lights some pixels, and not all of them. */
    TEST_ASSERT_TRUE_MESSAGE(lit > 50, "the framebuffer is (nearly) blank");
    TEST_ASSERT_TRUE(lit < hex / 2);
    TEST_ASSERT_EQUAL_STRING_MESSAGE(host_screen, device_screen,
                                     "the device's framebuffer is not the "
                                     "host's");
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_firmware_builds_for_cortex_m4);
    RUN_TEST(test_firmware_builds_for_riscv);
    RUN_TEST(test_emulated_device_prints_what_the_kiosk_prints);
    RUN_TEST(test_emulated_device_draws_what_the_host_draws);
    return UNITY_END();
}
