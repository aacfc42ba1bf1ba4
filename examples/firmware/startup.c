/* startup.c: the Cortex-M vector table and reset handler for mps2-an385.
 *
 * At reset the core loads its stack pointer from word 0 of the vector
 * table and jumps to the handler in word 1. The handler copies .data from
 * flash to RAM, zeroes .bss, fills the unused stack with a pattern (so
 * board_stack_used() can measure it), runs main() and stops the emulator
 * with main's result. Every fault ends the run with status 3. */
#include <stdint.h>

#include "board.h"

/* From the linker script (an385.ld). */
extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_bottom[], __stack_top[];

#define FAULT_STATUS 3

int main(void);
void reset_handler(void);
void fault_handler(void);

/* The first 16 entries (the core's own exceptions); the demo enables no
 * interrupts, so it needs no device vectors. */
struct vector_table {
    uint32_t *initial_sp;
    void (*handlers[15])(void);
};

__attribute__((section(".vectors"), used))
const struct vector_table vector_table = {
    __stack_top,
    {
        reset_handler,  /* reset */
        fault_handler,  /* NMI */
        fault_handler,  /* hard fault */
        fault_handler,  /* memory management fault */
        fault_handler,  /* bus fault */
        fault_handler,  /* usage fault */
        0, 0, 0, 0,     /* reserved */
        fault_handler,  /* SVCall */
        fault_handler,  /* debug monitor */
        0,              /* reserved */
        fault_handler,  /* PendSV */
        fault_handler   /* SysTick */
    }
};

void reset_handler(void)
{
    const uint32_t *src = __data_load;
    uint32_t *dst, *sp;

    for (dst = __data_start; dst < __data_end; dst++)
        *dst = *src++;
    for (dst = __bss_start; dst < __bss_end; dst++)
        *dst = 0;
    /* Fill the stack below the stack pointer, leaving a margin. */
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (dst = __stack_bottom; dst < sp - 16; dst++)
        *(volatile uint32_t *)dst = BOARD_STACK_FILL;
    board_exit(main());
}

void fault_handler(void)
{
    board_debug("firmware: fault\n");
    board_exit(FAULT_STATUS);
}
