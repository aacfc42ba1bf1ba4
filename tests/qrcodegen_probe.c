/* qrcodegen_probe.c: compiles and links only where libqrcodegen, the
 * oracle of tests/test_qr.c, is installed (mk/qr.mk tries it). */
#include <qrcodegen.h>

int main(void)
{
    return qrcodegen_isAlphanumeric("PNC") ? 0 : 1;
}
