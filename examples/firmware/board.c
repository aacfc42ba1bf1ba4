/* board.c: UART0 and semihosting on the mps2-an385 board. */
#include <stdint.h>

#include "board.h"

/* CMSDK APB UART0: data, state (bit 0: TX buffer full), control (bit 0:
 * TX enable) and baud divisor registers. */
#define UART0_BASE 0x40004000u
#define UART_REG(offset) (*(volatile uint32_t *)(UART0_BASE + (offset)))
#define UART_DATA UART_REG(0x00u)
#define UART_STATE UART_REG(0x04u)
#define UART_CTRL UART_REG(0x08u)
#define UART_BAUDDIV UART_REG(0x10u)
#define UART_STATE_TX_FULL 0x1u
#define UART_CTRL_TX_ENABLE 0x1u

/* ARM semihosting operations and the "application exit" reason. */
#define SYS_WRITE0 0x04u
#define SYS_EXIT 0x18u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

/* The stack's ends, from the linker script. */
extern uint32_t __stack_bottom[], __stack_top[];

void board_init(void)
{
    UART_BAUDDIV = 16u;
    UART_CTRL = UART_CTRL_TX_ENABLE;
}

void board_puts(const char *s)
{
    for (; *s; s++) {
        while (UART_STATE & UART_STATE_TX_FULL)
            ;
        UART_DATA = (uint32_t)(unsigned char)*s;
    }
}

/* A semihosting call: the operation in r0, its argument in r1, then
 * "bkpt 0xab" on M-profile cores; the result comes back in r0. */
static uint32_t semihost(uint32_t op, const void *arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;

    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void board_debug(const char *s)
{
    semihost(SYS_WRITE0, s);
}

void board_exit(int status)
{
    uint32_t block[2];

    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = (uint32_t)status;
    if (status == 0)
        semihost(SYS_EXIT, (const void *)ADP_STOPPED_APPLICATION_EXIT);
    else
        semihost(SYS_EXIT_EXTENDED, block);
    for (;;)
        ;
}

size_t board_stack_used(void)
{
    const uint32_t *p = __stack_bottom;

    while (p < __stack_top && *p == BOARD_STACK_FILL)
        p++;
    return (size_t)(__stack_top - p) * sizeof *p;
}

size_t board_stack_size(void)
{
    return (size_t)(__stack_top - __stack_bottom) * sizeof *__stack_top;
}
