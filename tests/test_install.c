/* make install and make uninstall: installs into a staging DESTDIR under
 * the build directory, then uses only the installed files: the installed
 * pnc compiles the good fixtures, and a small program is built against
 * the installed pn.h and libpn.a with the flags `pkg-config --cflags
 * --libs libpn` gives (PKG_CONFIG_SYSROOT_DIR points it at the staging
 * tree), and run. Ignored, saying so, when pkg-config is not on the PATH. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"
#include "unity.h"

#define PREFIX "/usr/local"
#define WORK BUILD_DIR "/tests/install-work"
#define STAGE WORK "/stage"

static const char *const installed[] = {
    PREFIX "/bin/pnc",
    PREFIX "/lib/libpn.a",
    PREFIX "/include/pn.h",
    PREFIX "/share/man/man1/pnc.1",
    PREFIX "/lib/pkgconfig/libpn.pc",
};
#define INSTALLED_COUNT (sizeof installed / sizeof installed[0])

/* The program built against the installed files. */
static const char program[] =
    "#include <stdio.h>\n"
    "#include \"notices.h\"\n"
    "#include \"pn.h\"\n"
    "\n"
    "int main(void)\n"
    "{\n"
    "    pn_catalog cat;\n"
    "    pn_notice notice;\n"
    "    pn_contact contact;\n"
    "    char title[128], langs[32], facts[512];\n"
    "\n"
    "    if (pn_open(&cat, notices, NOTICES_SIZE) != PN_OK ||\n"
    "        pn_verify(&cat) != PN_OK ||\n"
    "        pn_find(&cat, \"alpha\", \"en\", &notice) != PN_OK ||\n"
    "        pn_notice_title(&notice, title, sizeof title, NULL) != PN_OK ||\n"
    "        pn_langs(&cat, \"alpha\", langs, sizeof langs, NULL) != PN_OK ||\n"
    "        pn_notice_contact(&notice, facts, sizeof facts, &contact) != PN_OK)\n"
    "        return 1;\n"
    "    printf(\"%s\\n%s\\n%s\\n\", title, langs, contact.email);\n"
    "    return 0;\n"
    "}\n";

static char work[4200];   /* WORK, absolute */
static char stage[4300];  /* the DESTDIR */

void setUp(void)
{
    fresh_dir(WORK);
}

void tearDown(void)
{
}

static void run_ok(const char *command)
{
    int status = run(command);
    TEST_ASSERT_EQUAL_INT_MESSAGE(0, status, tail(err_text));
}

static int staged(const char *path, int mode_bits)
{
    char full[4400];
    struct stat st;

    snprintf(full, sizeof full, "%s%s", stage, path);
    return stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
           (st.st_mode & (unsigned)mode_bits) == (unsigned)mode_bits;
}

static void test_install_build_against_installed_files_uninstall(void)
{
    char command[16384];
    size_t i;

    if (!have("pkg-config")) {
        TEST_IGNORE_MESSAGE("skipped: pkg-config not found "
                            "(apt-get install pkg-config)");
        return;
    }
    /* Absolute paths, as the program is built in the work directory. */
    absolute(WORK, work, sizeof work);
    snprintf(stage, sizeof stage, "%s/stage", work);

    snprintf(command, sizeof command,
             MAKE_CMD " -s --no-print-directory BUILD=" BUILD_DIR
             " install PREFIX=" PREFIX " DESTDIR='%s'", stage);
    run_ok(command);
    for (i = 0; i < INSTALLED_COUNT; i++)
        TEST_ASSERT_TRUE_MESSAGE(staged(installed[i], 0644), installed[i]);
    TEST_ASSERT_TRUE_MESSAGE(staged(PREFIX "/bin/pnc", 0755),
                             "pnc is not executable");

    /* pkg-config finds only the staged libpn.pc, and puts the staging
     * directory in front of the paths it names. */
    snprintf(command, sizeof command,
             "PKG_CONFIG_LIBDIR='%s" PREFIX "/lib/pkgconfig' "
             "PKG_CONFIG_SYSROOT_DIR='%s' pkg-config --cflags --libs libpn",
             stage, stage);
    run_ok(command);
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, "-lpn") != NULL, out_text);
    TEST_ASSERT_TRUE_MESSAGE(strstr(out_text, stage) != NULL, out_text);

    /* The installed pnc compiles the good fixtures; the program is built
     * in the work directory with the flags pkg-config gives, nothing
     * else. */
    snprintf(command, sizeof command,
             "'%s" PREFIX "/bin/pnc' -o '%s/notices.c' --prefix notices "
             "tests/fixtures/good/*.pn",
             stage, work);
    run_ok(command);
    snprintf(command, sizeof command, "%s/show.c", work);
    {
        FILE *f = fopen(command, "wb");
        TEST_ASSERT_NOT_NULL(f);
        fputs(program, f);
        TEST_ASSERT_EQUAL_INT(0, fclose(f));
    }
    snprintf(command, sizeof command,
             "cd '%s' && %s -std=c99 -Wall -Wextra -Wpedantic -Werror "
             "-o show show.c notices.c $(PKG_CONFIG_LIBDIR='%s" PREFIX
             "/lib/pkgconfig' PKG_CONFIG_SYSROOT_DIR='%s' "
             "pkg-config --cflags --libs libpn)",
             work, TEST_CC, stage, stage);
    run_ok(command);
    snprintf(command, sizeof command, "'%s/show'", work);
    run_ok(command);
    TEST_ASSERT_EQUAL_STRING("Privacy at Alpha\nen,nb\n"
                             "personvern@alfa.example\n",
                             out_text);

    snprintf(command, sizeof command,
             MAKE_CMD " -s --no-print-directory BUILD=" BUILD_DIR
             " uninstall PREFIX=" PREFIX " DESTDIR='%s'", stage);
    run_ok(command);
    for (i = 0; i < INSTALLED_COUNT; i++)
        TEST_ASSERT_FALSE_MESSAGE(staged(installed[i], 0), installed[i]);
}

int main(void)
{
    UNITY_BEGIN();
    RUN_TEST(test_install_build_against_installed_files_uninstall);
    return UNITY_END();
}
